"""A long document is read in pieces: any length builds, offsets stay true to the whole text."""

from __future__ import annotations

import pytest

from kgraph.extract import spacy_rules
from kgraph.extract.spacy_rules import RuleExtractor, text_pieces
from kgraph.models import Article, Extraction

PARAGRAPHS = [
    "Orla Brennick is the chief executive of Tavistock Pumps. She joined the company in 2019.",
    "Helix Therapeutics acquired Corvane Labs in May. The deal was worth $40m.",
    "Deniz Arkwright, the mayor of Fenmouth, opened a library on Monday.",
    "Quillon Systems, based in Leeds, hired Marta Vilk as its finance director.",
]
TEXT = "\n\n".join(PARAGRAPHS) + "\n"


def test_text_pieces_text_within_the_long_limit_is_one_piece() -> None:
    assert list(text_pieces(TEXT, long_text=len(TEXT), piece=100)) == [(0, TEXT)]
    assert len(list(text_pieces(TEXT, long_text=len(TEXT) - 1, piece=100))) == len(PARAGRAPHS)


def test_text_pieces_cut_after_blank_lines_and_rejoin() -> None:
    pieces = list(text_pieces(TEXT, long_text=100, piece=100))
    assert "".join(p for _, p in pieces) == TEXT
    assert all(TEXT[start:start + len(p)] == p and len(p) <= 100 for start, p in pieces)
    # every piece but the last ends with a paragraph break: one paragraph each here
    assert [p.strip() for _, p in pieces] == PARAGRAPHS


def test_text_pieces_without_paragraphs_fall_back_to_sentences_then_a_hard_cut() -> None:
    prose = "Tavistock Pumps makes pumps. " * 20
    pieces = list(text_pieces(prose, long_text=100, piece=100))
    assert "".join(p for _, p in pieces) == prose and len(pieces) > 1
    assert all(p.endswith(". ") for _, p in pieces[:-1])
    unbroken = "x" * 250
    cut = [(s, len(p)) for s, p in text_pieces(unbroken, long_text=100, piece=100)]
    assert cut == [(0, 100), (100, 100), (200, 50)]


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    return RuleExtractor()


def _extract(extractor: RuleExtractor, text: str) -> Extraction:
    (extraction,) = extractor.extract([Article(id="doc", text=text, source="doc.txt")])
    return extraction


def _facts(extraction: Extraction, shift: int = 0) -> list[tuple[object, ...]]:
    return sorted(
        (r.subject.start + shift, r.subject.end + shift, r.predicate, r.object.start + shift, r.object.end + shift,
         r.sentence_start + shift, r.evidence)
        for r in extraction.relations
    )


def test_extract_in_pieces_keeps_offsets_true_to_the_document(
    extractor: RuleExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spacy_rules, "LONG_TEXT", 100)
    monkeypatch.setattr(spacy_rules, "PIECE_CHARS", 100)
    joined = _extract(extractor, TEXT)
    assert {r.predicate for r in joined.relations} >= {"ceoOf", "acquired", "basedIn", "worksFor"}
    for mention in joined.mentions:
        assert TEXT[mention.start:mention.end] == mention.text
    for relation in joined.relations:
        assert TEXT[relation.sentence_start:relation.sentence_end] == relation.evidence
    for mention, target in joined.links.items():
        assert TEXT[mention.start:mention.end] == mention.text and TEXT[target.start:target.end] == target.text
    # what each piece gives read as a document of its own, moved to where the piece starts
    pieces = list(text_pieces(TEXT, long_text=100, piece=100))
    assert len(pieces) == len(PARAGRAPHS)
    alone = [(start, _extract(extractor, piece)) for start, piece in pieces]
    assert _facts(joined) == sorted(f for start, ex in alone for f in _facts(ex, start))
    assert sorted((m.start, m.end, m.type) for m in joined.mentions) == sorted(
        (m.start + start, m.end + start, m.type) for start, ex in alone for m in ex.mentions
    )
    assert len(joined.links) == sum(len(ex.links) for _, ex in alone)


def test_extract_reads_a_document_longer_than_spacys_limit(
    extractor: RuleExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    # spaCy refuses a text over nlp.max_length (E088); lowered here so the test stays small,
    # and the pieces follow it
    monkeypatch.setattr(extractor.nlp, "max_length", 320)
    long_text = TEXT * 3
    with pytest.raises(ValueError, match="E088"):
        extractor.nlp(long_text)
    extraction = _extract(extractor, long_text)
    assert all(long_text[m.start:m.end] == m.text for m in extraction.mentions)
    assert max(m.end for m in extraction.mentions) > 2 * len(TEXT)
    assert {r.predicate for r in extraction.relations} >= {"ceoOf", "acquired", "basedIn", "worksFor"}


def test_extractor_states_no_relation_of_an_entity_with_itself(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.spacy_rules import RuleExtractor
    from kgraph.models import Article

    text = "Vidal won easily in Oregon, the state where his wife, Lena, grew up."
    extraction = next(RuleExtractor(ontology=ontology).extract([Article(id="a", text=text, source="a")]))
    links = extraction.links
    assert all(links[r.subject] != links[r.object] for r in extraction.relations), extraction.relations


def test_a_relation_whose_end_coreference_retypes_is_dropped(extractor: RuleExtractor) -> None:
    """A name typed an organisation in its sentence ("a meeting of the KSC in Bellport") that the document
    makes an event states no basedIn; with the organisation kept it does."""
    from kgraph.models import Mention, RelationMention

    ksc = Mention(17, 20, "KSC", "Organization", "ORG")
    bellport = Mention(24, 32, "Bellport", "Place", "GPE")
    summit = Mention(60, 63, "KSC", "Event", "EVENT")
    relation = RelationMention(ksc, "basedIn", bellport, 0.7, 0, 40, "A meeting of the KSC in Bellport agreed.")
    assert not extractor._fits(relation, {ksc: summit, bellport: bellport, summit: summit})
    assert extractor._fits(relation, {ksc: ksc, bellport: bellport})
