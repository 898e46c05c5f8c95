"""A parsed document's text, built once per document.

spaCy's ``Doc.text`` joins every token's text anew on each access, which on a long article costs as much as a
good part of a rule's work; several steps of one extraction read it (names, coreference, datelines). A
document's text never changes once it is parsed, so the text of the document read last is kept and given back
while the same document is being read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

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
