"""The default extractor: spaCy parse, ontology patterns, coreference inside a document.

A very long document is parsed in pieces cut at paragraph breaks (:func:`text_pieces`)
and its extraction put together with every offset true to the whole text.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from kgraph.extract.base import Extractor
from kgraph.extract.classifier import RelationClassifier, load_classifier
from kgraph.extract.coref import link_mentions
from kgraph.extract.doc_offices import document_offices
from kgraph.extract.mentions import find_mentions
from kgraph.extract.relations import find_relations
from kgraph.models import EXTRACTOR_NAME, Article, Extraction, Mention, RelationMention
from kgraph.nlp import load_pipeline, model_name
from kgraph.ontology import Ontology, load_ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["RuleExtractor", "LONG_TEXT", "PIECE_CHARS", "text_pieces", "shift_extraction", "join_extractions"]


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
        # a long document goes through spaCy in pieces (see text_pieces); its extraction is their union
        pieces = (
            (text, (article, start, start + len(text) == len(article.text)))
            for article in articles
            for start, text in text_pieces(
                article.text, min(LONG_TEXT, self.nlp.max_length), min(PIECE_CHARS, self.nlp.max_length)
            )
        )
        found: list[Extraction] = []
        for doc, (article, start, last) in self.nlp.pipe(pieces, as_tuples=True, batch_size=self.batch_size):
            found.append(shift_extraction(self._extract_doc(article, doc), start))
            if last:
                yield found[0] if len(found) == 1 else join_extractions(article, found)
                found = []

    def _extract_doc(self, article: Article, doc: Doc) -> Extraction:
        """The extraction of one parsed document (or piece): its mentions, their links, and relations."""
        mentions = find_mentions(doc, self.ontology)
        links = link_mentions(doc, mentions, self.ontology)
        kept = [(m, s) for m, s in mentions if m in links]
        extraction = Extraction(article=article, mentions=[m for m, _ in kept], links=links)
        extraction.relations = self._relations(doc, kept, extraction)
        return extraction

    def _relations(self, doc: Doc, kept: list[tuple[Mention, Span]], extraction: Extraction) -> list[RelationMention]:
        """The relations between the kept mentions (a subclass may add its own, and fill ``extraction.stats``)."""
        relations = find_relations(doc, kept, self.ontology, extraction.links)
        relations += document_offices(doc, kept, extraction.links, relations, self.ontology)
        if self.classifier is not None:
            relations = self.classifier.decide(doc, kept, extraction.links, relations, self.ontology)
        # "Tacoma, the city where X was born, ...": a description that coreference resolves to
        # the other party makes no relation of a thing with itself
        links = extraction.links
        return [
            r for r in relations
            if links.get(r.subject, r.subject) != links.get(r.object, r.object) and self._fits(r, links)
        ]

    def _fits(self, relation: RelationMention, links: dict[Mention, Mention]) -> bool:
        """Whether the ends' entities still fit the property once coreference typed them: "the summit
        WSIS in Geneva", an organisation in its sentence, is an event in the document (no basedIn), and
        "Orbitel's headquarters", a person's name to the NER elsewhere, is no person's base."""
        prop = self.ontology.properties.get(relation.predicate)
        if prop is None:
            return True
        return all(
            wanted is None or self.ontology.is_a(links.get(end, end).type, wanted)
            for end, wanted in ((relation.subject, prop.domain), (relation.object, prop.range))
        )


# ------------------------------------------------------------------------------ long documents

#: A text longer than this is parsed in pieces: spaCy refuses a text over ``nlp.max_length``
#: (1,000,000 characters), and holds a whole batch of texts in memory at once.  It is well
#: above a news article's length (the longest of the 2,225 BBC articles has 25,000
#: characters), so an article is read whole, exactly as before.
LONG_TEXT = 50_000
#: The most characters in one piece: about a long news article, so that a batch of pieces
#: needs no more memory than a batch of articles (measured in bench/long_document.py).
PIECE_CHARS = 10_000

# where a piece may end, best first: a blank line, a line break, a sentence end, a space
_BREAKS = ("\n\n", "\n", ". ", " ")


def text_pieces(text: str, long_text: int | None = None, piece: int | None = None) -> Iterator[tuple[int, str]]:
    """Cut ``text`` into pieces for parsing: (offset of the piece, piece).

    A text of at most ``long_text`` characters (default :data:`LONG_TEXT`) is one piece.
    A longer one is cut into pieces of at most ``piece`` characters (default
    :data:`PIECE_CHARS`), each ending at the last paragraph break in the second half of
    its stretch (else a line break, a sentence end, a space; a stretch with none of these
    is cut at the limit).  The pieces put back together are the text.
    """
    limit = PIECE_CHARS if piece is None else piece
    start = 0
    if len(text) > (LONG_TEXT if long_text is None else long_text):
        while len(text) - start > limit:
            end = start + limit
            for mark in _BREAKS:
                at = text.rfind(mark, start + limit // 2, end)
                if at >= 0:
                    end = at + len(mark)
                    break
            yield start, text[start:end]
            start = end
    yield start, text[start:]


def shift_extraction(extraction: Extraction, offset: int) -> Extraction:
    """The extraction of a piece, its character offsets (and its rejections') moved to where the piece starts."""
    if offset == 0:
        return extraction
    moved: dict[Mention, Mention] = {}

    def move(mention: Mention) -> Mention:
        if mention not in moved:
            moved[mention] = replace(mention, start=mention.start + offset, end=mention.end + offset)
        return moved[mention]

    return Extraction(
        article=extraction.article,
        mentions=[move(m) for m in extraction.mentions],
        relations=[
            replace(r, subject=move(r.subject), object=move(r.object), sentence_start=r.sentence_start + offset,
                    sentence_end=r.sentence_end + offset)
            for r in extraction.relations
        ],
        links={move(m): move(target) for m, target in extraction.links.items()},
        stats=dict(extraction.stats),
        rejected=[replace(r, chunk_start=r.chunk_start + offset, chunk_end=r.chunk_end + offset)
                  for r in extraction.rejected],
    )


def join_extractions(article: Article, pieces: list[Extraction]) -> Extraction:
    """One document's extraction from those of its pieces (offsets already shifted), in text order.

    The pieces' ``stats`` are summed and their ``rejected`` kept.  Coreference stays inside
    a piece: a surname or pronoun in one piece is not linked to a name in another (entity
    resolution across the graph still merges equal names).
    """
    return Extraction(
        article=article,
        mentions=[m for piece in pieces for m in piece.mentions],
        relations=[r for piece in pieces for r in piece.relations],
        links={m: target for piece in pieces for m, target in piece.links.items()},
        stats=_summed(piece.stats for piece in pieces),
        rejected=[r for piece in pieces for r in piece.rejected],
    )


def _summed(counts: Iterable[dict[str, float]]) -> dict[str, float]:
    total: dict[str, float] = {}
    for one in counts:
        for name, value in one.items():
            total[name] = total.get(name, 0.0) + value
    return total


def _relation_classifier(use: bool) -> RelationClassifier | None:
    """The relation model that decides over the rules' relations, if any.

    ``$KGRAPH_RELATION_WEIGHTS`` may name another weights file (for experiments).
    """
    if not use:
        return None
    weights = os.environ.get("KGRAPH_RELATION_WEIGHTS", "").strip()
    return load_classifier(Path(weights)) if weights else load_classifier()
