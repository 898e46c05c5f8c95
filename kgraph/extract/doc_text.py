"""A parsed document's text and tokens, built once per document.

spaCy's ``Doc.text`` joins every token's text anew on each access, which on a long article costs as much as a
good part of a rule's work; several steps of one extraction read it (names, coreference, datelines). A
document's text never changes once it is parsed, so the text of the document read last is kept and given back
while the same document is being read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# the document read last and its text (one document: the extraction reads one at a time)
_last: tuple[Doc, str] | None = None


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once for the document being read."""
    global _last
    last = _last
    if last is not None and last[0] is doc:
        return last[1]
    text: str = doc.text
    _last = (doc, text)
    return text


# the document read last and its tokens (spaCy makes a new Token object on each ``doc[i]`` and each pass of
# ``for token in doc``; the two dozen passes of the name repairs over one document share one list)
_last_tokens: tuple[Doc, list[Token]] | None = None


def doc_tokens(doc: Doc) -> list[Token]:
    """``list(doc)``, made once for the document being read (index it as ``doc[i]``; do not change it)."""
    global _last_tokens
    last = _last_tokens
    if last is not None and last[0] is doc:
        return last[1]
    tokens = list(doc)
    _last_tokens = (doc, tokens)
    return tokens


# the document read last and the lower-case forms of its words
_last_words: tuple[Doc, frozenset[str]] | None = None


def doc_words(doc: Doc) -> frozenset[str]:
    """The lower-case forms (``token.lower_``) of the document's words, gathered once for the document being read:
    a rule that looks for a word of a list may pass over a document with none of them."""
    global _last_words
    last = _last_words
    if last is not None and last[0] is doc:
        return last[1]
    words = frozenset(t.lower_ for t in doc_tokens(doc))
    _last_words = (doc, words)
    return words
