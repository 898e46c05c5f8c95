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

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

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


def doc_words(doc: Doc) -> frozenset[str]:
    """The lower-case forms (``token.lower_``) of the document's words, gathered once for the document being read:
    a rule that looks for a word of a list may pass over a document with none of them."""
    built = _built(doc)
    if "words" not in built:
        built["words"] = frozenset(t.lower_ for t in doc_tokens(doc))
    words: frozenset[str] = built["words"]
    return words


def per_document(doc: Doc, key: tuple[Any, ...], make: Callable[[], _T]) -> _T:
    """``make()``, worked out once per ``key`` for the document being read: what a rule reads of a sentence or a
    word many times over (a sentence's verbs of leaving, read for each title in it and the sentence before)."""
    built = _built(doc)
    if key not in built:
        built[key] = make()
    value: _T = built[key]
    return value
