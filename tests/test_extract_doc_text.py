"""A document's text is joined once and given back only for that document."""

from __future__ import annotations

import spacy

from kgraph.extract.doc_text import doc_text


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
