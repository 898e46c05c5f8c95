"""A parsed document's text, tokens and words, built once per document.

spaCy's ``Doc.text`` joins every token's text anew on each access, and each ``doc[i]`` or pass of ``for token in
doc`` makes new Token objects; on a long article that costs as much as a good part of a rule's work, and several
steps of one extraction read them (the two dozen passes of the name repairs, coreference, the patterns,
datelines). A parsed document never changes, so what was built for the document read last is kept and given back
while the same document is being read (the extraction reads one document at a time).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from kgraph.names import addressed_names

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_T = TypeVar("_T")

# the document read last and what was built for it, by name
_last: tuple[Doc, dict[object, Any]] | None = None


def _built(doc: Doc) -> dict[object, Any]:
    """What was built for ``doc``: empty when another document was read last."""
    global _last
    if _last is None or _last[0] is not doc:
        _last = (doc, {})
    return _last[1]


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once for the document being read."""
    built = _built(doc)
    if "text" not in built:
        built["text"] = doc.text
    text: str = built["text"]
    return text


def doc_tokens(doc: Doc) -> list[Token]:
    """``list(doc)``, made once for the document being read (index it as ``doc[i]``; do not change it)."""
    built = _built(doc)
    if "tokens" not in built:
        built["tokens"] = list(doc)
    tokens: list[Token] = built["tokens"]
    return tokens


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, made once for the document being read (spaCy builds a new Span of each entity on each access;
    the extraction never changes the entities)."""
    built = _built(doc)
    if "ents" not in built:
        built["ents"] = doc.ents
    ents: tuple[Span, ...] = built["ents"]
    return ents


def ents_addressed(doc: Doc) -> frozenset[str]:
    """:func:`kgraph.names.addressed_names` of the document's entities, gathered once for the document being read."""
    built = _built(doc)
    if "addressed" not in built:
        built["addressed"] = frozenset(addressed_names(doc_ents(doc)))
    addressed: frozenset[str] = built["addressed"]
    return addressed


def doc_words(doc: Doc) -> frozenset[str]:
    """The lower-case forms (``token.lower_``) of the document's words, gathered once for the document being read:
    a rule that looks for a word of a list may pass over a document with none of them."""
    built = _built(doc)
    if "words" not in built:
        built["words"] = frozenset(t.lower_ for t in doc_tokens(doc))
    words: frozenset[str] = built["words"]
    return words


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """The start and end of each word's sentence, by the word's index, listed once for the document being read
    (``token.sent`` and ``span.sent`` walk the document to the sentence's ends at each access).  A span's sentence
    is its first word's, as ``span.sent`` gives it, even where the span runs on into the next sentence."""
    built = _built(doc)
    if "sentences" not in built:
        built["sentences"] = [(sent.start, sent.end) for sent in doc.sents for _ in range(len(sent))]
    bounds: list[tuple[int, int]] = built["sentences"]
    return bounds


def doc_lemmas(doc: Doc) -> frozenset[str]:
    """The lower-case lemmas (``token.lemma_.lower()``) of the document's words, gathered once for the document
    being read, as :func:`doc_words` gathers their forms."""
    built = _built(doc)
    if "lemmas" not in built:
        built["lemmas"] = frozenset(t.lemma_.lower() for t in doc_tokens(doc))
    lemmas: frozenset[str] = built["lemmas"]
    return lemmas


def per_document(doc: Doc, key: tuple[Any, ...], make: Callable[[], _T]) -> _T:
    """``make()``, worked out once per ``key`` for the document being read: what a rule reads of a sentence or a
    word many times over (a sentence's verbs of leaving, read for each title in it and the sentence before)."""
    built = _built(doc)
    if key not in built:
        built[key] = make()
    value: _T = built[key]
    return value
