"""Extraction back-ends, by name.

``rules`` (the default) runs the spaCy pipeline and the ontology's patterns;
``rules+classifier`` adds the relation classifier trained on CoNLL04
(scripts/train_relations.py): more recall, less precision.  ``llm`` asks an
OpenAI-compatible chat API to choose facts between the rules' mentions, and keeps
those the text bears out; ``rules+llm`` is the union of the two (:mod:`kgraph.extract.llm`).  The table maps a name to
``(module, class, options)``; a back-end's module is imported only when asked for, so
an unused heavy dependency is never loaded.
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
