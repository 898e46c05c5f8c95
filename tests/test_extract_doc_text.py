"""A document's text, tokens and words are gathered once and given back only for that document."""

from __future__ import annotations

import spacy

from kgraph.extract.doc_text import doc_text, doc_tokens, doc_words


def test_doc_text_is_the_documents_own_text() -> None:
    nlp = spacy.blank("en")
    first = nlp("Orvella Foods opened a plant in Tarnby.")
    second = nlp("Kestrel Air named Lena Brandt its chief executive.")
    assert doc_text(first) == first.text
    # another document is never given the text read before
    assert doc_text(second) == second.text
    assert doc_text(first) == first.text


def test_doc_text_is_joined_once_per_document() -> None:
    doc = spacy.blank("en")("Halden Bank said profits rose.")
    assert doc_text(doc) is doc_text(doc)
    # an equal document is still another document: its own text, joined anew
    other = spacy.blank("en")("Halden Bank said profits rose.")
    assert doc_text(other) is not doc_text(doc)


def test_doc_tokens_are_the_documents_own_tokens() -> None:
    nlp = spacy.blank("en")
    first = nlp("Orvella Foods opened a plant in Tarnby.")
    second = nlp("Kestrel Air named Lena Brandt its chief executive.")
    assert [t.text for t in doc_tokens(first)] == [t.text for t in first]
    assert doc_tokens(first)[3] == first[3]
    # another document is never given the tokens read before; the list is made once per document
    assert [t.text for t in doc_tokens(second)] == [t.text for t in second]
    assert doc_tokens(second) is doc_tokens(second)
    assert [t.text for t in doc_tokens(first)] == [t.text for t in first]


def test_doc_words_are_the_lower_case_forms_of_the_documents_words() -> None:
    nlp = spacy.blank("en")
    first = nlp("Orvella Foods opened a plant in Tarnby.")
    second = nlp("Kestrel Air named Lena Brandt its chief executive.")
    assert doc_words(first) == {"orvella", "foods", "opened", "a", "plant", "in", "tarnby", "."}
    assert "chief" in doc_words(second) and "plant" not in doc_words(second)
    assert "plant" in doc_words(first)


def test_per_document_works_a_value_out_once_per_document_and_key() -> None:
    from kgraph.extract.doc_text import per_document

    nlp = spacy.blank("en")
    first = nlp("Orvella Foods opened a plant in Tarnby.")
    second = nlp("Kestrel Air named Lena Brandt its chief executive.")
    made: list[str] = []

    def make(doc_name: str) -> list[str]:
        made.append(doc_name)
        return [doc_name]

    value = per_document(first, ("words", 0), lambda: make("first"))
    assert per_document(first, ("words", 0), lambda: make("again")) is value
    assert per_document(first, ("words", 1), lambda: make("other key")) == ["other key"]
    # another document is never given what was worked out for the one read before
    assert per_document(second, ("words", 0), lambda: make("second")) == ["second"]
    assert made == ["first", "other key", "second"]


def test_doc_ents_are_the_documents_own_entities_built_once(nlp) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.doc_text import doc_ents

    first = nlp("Mr Harlow Venn left Orvella Foods in Tarnby last May.")
    second = nlp("Kestrel Air named Lena Brandt its chief executive.")
    assert [(e.start, e.end, e.label_) for e in doc_ents(first)] == [(e.start, e.end, e.label_) for e in first.ents]
    assert doc_ents(first) is doc_ents(first)
    # another document is never given the entities read before
    assert [e.text for e in doc_ents(second)] == [e.text for e in second.ents]
    assert [e.text for e in doc_ents(first)] == [e.text for e in first.ents]


def test_ents_addressed_are_the_names_given_a_form_of_address(nlp) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.doc_text import ents_addressed
    from kgraph.names import addressed_names

    doc = nlp("Mr Harlow Venn said Orvella Foods would grow. Venn joined it in 2001.")
    assert ents_addressed(doc) == addressed_names(doc.ents)
    assert "Harlow Venn" in ents_addressed(doc)
    # a document with no form of address gives no names
    assert ents_addressed(nlp("Orvella Foods opened a plant in Tarnby.")) == frozenset()


def test_doc_lemmas_are_the_lower_case_lemmas_of_the_documents_words(nlp) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.doc_text import doc_lemmas

    doc = nlp("Orvella Foods bought two bakeries.")
    assert {"buy", "bakery", "orvella"} <= doc_lemmas(doc)
    # the forms as written are not lemmas where they differ
    assert "bought" not in doc_lemmas(doc)
    assert "plant" in doc_lemmas(nlp("Orvella Foods opened plants in Tarnby."))


def test_sentence_bounds_are_each_words_and_spans_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.doc_text import sentence_bounds

    doc = nlp("Orvella Foods opened a plant in Tarnby. Its chief, Lena Brandt, spoke. Profits rose.")
    bounds = sentence_bounds(doc)
    assert len(bounds) == len(doc)
    for token in doc:
        assert bounds[token.i] == (token.sent.start, token.sent.end)
    # a span over two sentences is in its first word's sentence, as span.sent gives it
    across = doc[5:12]
    assert bounds[across.start] == (across.sent.start, across.sent.end) == (0, 8)
    assert sentence_bounds(nlp("Kestrel Air grew.")) == [(0, 4)] * 4
