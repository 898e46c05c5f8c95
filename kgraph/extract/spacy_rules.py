"""The default extractor: spaCy parse, ontology patterns, coreference inside a document."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from kgraph.extract.base import Extractor
from kgraph.extract.classifier import RelationClassifier, load_classifier, merge_relations
from kgraph.extract.coref import link_mentions
from kgraph.extract.mentions import find_mentions
from kgraph.extract.relations import find_relations
from kgraph.models import EXTRACTOR_NAME, Article, Extraction
from kgraph.nlp import load_pipeline, model_name
from kgraph.ontology import Ontology, load_ontology

__all__ = ["RuleExtractor"]


class RuleExtractor(Extractor):
    """Extract with a spaCy pipeline and the patterns in ``ontology/patterns.ttl``.

    >>> extractor = RuleExtractor()                       # doctest: +SKIP
    >>> [ex.relations for ex in extractor.extract(articles)]  # doctest: +SKIP
    """

    name = EXTRACTOR_NAME

    def __init__(self, model: str | None = None, ontology: Ontology | Path | None = None, batch_size: int = 16,
                 use_classifier: bool = False) -> None:
        self.model = model_name(model)
        self.ontology = ontology if isinstance(ontology, Ontology) else load_ontology(ontology)
        self.batch_size = batch_size
        self.nlp = load_pipeline(self.model)
        self.classifier = _relation_classifier(use_classifier)

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        pairs = ((article.text, article) for article in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            mentions = find_mentions(doc, self.ontology)
            links = link_mentions(doc, mentions, self.ontology)
            kept = [(m, s) for m, s in mentions if m in links]
            relations = find_relations(doc, kept, self.ontology)
            if self.classifier is not None:
                relations = merge_relations(relations, self.classifier.predict(doc, kept, self.ontology))
            # "North Carolina, the home state of ...": a description that coreference resolves to
            # the other party makes no relation of a thing with itself
            relations = [r for r in relations if links.get(r.subject, r.subject) != links.get(r.object, r.object)]
            yield Extraction(article=article, mentions=[m for m, _ in kept], relations=relations, links=links)


def _relation_classifier(use: bool) -> RelationClassifier | None:
    """The relation classifier to back the rules with, if any.

    ``$KGRAPH_RELATION_WEIGHTS`` may name another weights file (for experiments).
    """
    if not use:
        return None
    weights = os.environ.get("KGRAPH_RELATION_WEIGHTS", "").strip()
    return load_classifier(Path(weights)) if weights else load_classifier()
