"""Extraction back-ends, by name, and how the rule extractor finds a relation.

``rules`` (the default) runs the spaCy pipeline and the ontology's patterns;
``rules+classifier`` lets the relation model trained on CoNLL04 and KBP37
(scripts/train_relations.py) decide: it rescores the rules' relations and adds its own.  ``llm`` asks an
OpenAI-compatible chat API to choose facts between the rules' mentions, and keeps
those the text bears out; ``rules+llm`` is the union of the two (:mod:`kgraph.extract.llm`).  The table maps a name to
``(module, class, options)``; a back-end's module is imported only when asked for, so
an unused heavy dependency is never loaded.

How the rule extractor (:mod:`~kgraph.extract.spacy_rules`) finds a relation, module by module:

1. :mod:`~kgraph.extract.mentions` finds the mentions in the parse and gives each an ontology
   class (with :mod:`~kgraph.extract.datelines` and :mod:`~kgraph.extract.titles` for names at
   a story's head and inside titles);
2. :mod:`~kgraph.extract.coref` links the mentions of one thing in the document;
3. :mod:`~kgraph.extract.relations` looks up each word in the patterns of ``ontology/patterns.ttl``;
   the pattern's frame (:mod:`~kgraph.extract.frames`, :mod:`~kgraph.extract.titles`,
   :mod:`~kgraph.extract.places`, :mod:`~kgraph.extract.datelines`) reads the subject and object
   names off the parse, both ends must fit the pattern's and the property's types, and the
   relation gets the pattern's confidence (calibrated on train data in ``ontology/calibration.ttl``, else the
   hand-set ``kgx:confidence``; a property chain's step: the lower of the two, less 0.05).
"""

from __future__ import annotations

import importlib
from typing import Any

from kgraph.errors import KGraphError
from kgraph.extract.base import Extractor

__all__ = ["Extractor", "EXTRACTORS", "LLM_EXTRACTORS", "get_extractor"]

#: name -> (module, class) or (module, class, default options)
EXTRACTORS: dict[str, tuple[str, str] | tuple[str, str, dict[str, Any]]] = {
    "rules": ("kgraph.extract.spacy_rules", "RuleExtractor", {"use_classifier": False}),
    "rules+classifier": ("kgraph.extract.spacy_rules", "RuleExtractor", {"use_classifier": True}),
    "llm": ("kgraph.extract.llm", "LLMExtractor", {"with_rules": False}),
    "rules+llm": ("kgraph.extract.llm", "LLMExtractor", {"with_rules": True}),
}
#: the extractors that take --llm-endpoint, --llm-model and --llm-concurrency
LLM_EXTRACTORS = frozenset({"llm", "rules+llm"})


def get_extractor(name: str = "rules", **options: Any) -> Extractor:
    """An extractor instance by name."""
    try:
        entry = EXTRACTORS[name]
    except KeyError:
        available = ", ".join(sorted(EXTRACTORS))
        raise KGraphError(f"No extractor named {name!r}. Available names: {available}.") from None
    module_name, class_name = entry[0], entry[1]
    defaults: dict[str, Any] = entry[2] if len(entry) == 3 else {}
    cls = getattr(importlib.import_module(module_name), class_name)
    extractor: Extractor = cls(**{**defaults, **options})
    return extractor
