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
