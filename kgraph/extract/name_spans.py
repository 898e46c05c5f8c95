"""Where a name's span ends, decided over the whole document after the NER.

Decides that an organisation's name which ends in an "'s" of its own once in a document
(an "'s" that possesses nothing: "Halden's said on Monday", "at Halden's.", see
``mentions._with_own_s``; or one before "of" inside the name: "Halden's of Bristol") ends in
it wherever the document writes it so, also where it does possess ("Halden's chief
executive"): the NER cuts such names ("Lloyd's", "Sainsbury's") at the "'s" each time.
Example: in "Sales rose at Corby's, it said. Corby's chief executive left.", both mentions
are "Corby's"; in "Corby said profits rose. Corby's chief executive left." the second is
"Corby".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.models import Mention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["own_s_everywhere"]


def _own_s_token(token: Token) -> bool:
    return token.tag_ == "POS" and token.lower_ in {"'s", "’s"}


def _ends_in_own_s(span: Span) -> bool:
    return len(span) > 1 and _own_s_token(span[-1])


def own_s_everywhere(found: list[tuple[Mention, Span]]) -> list[tuple[Mention, Span]]:
    """The mentions with each organisation's name the document once ends in its own "'s" ending in it everywhere
    it is followed by one (see the module's docstring); a name the document also writes bare elsewhere (no
    "'s" after it) is left as it is."""
    from spacy.tokens import Span

    owned = {span[:-1].text for m, span in found if m.label == "ORG" and _ends_in_own_s(span)}
    owned |= {  # "Lloyd's of London": the name before "'s of" is one of its own
        span[: t.i - span.start].text
        for m, span in found
        if m.label == "ORG"
        for t in span[1:-1]
        if _own_s_token(t) and t.nbor().lower_ == "of"
    }
    if not owned:
        return found
    doc = found[0][1].doc
    bare = {
        span.text
        for m, span in found
        if m.label == "ORG" and not _ends_in_own_s(span) and (span.end >= len(doc) or doc[span.end].tag_ != "POS")
    }
    out: list[tuple[Mention, Span]] = []
    for m, span in found:
        after = doc[span.end] if span.end < len(doc) else None
        if (
            m.label == "ORG"
            and span.text in owned
            and span.text not in bare
            and after is not None
            and _own_s_token(after)
            and m.end == span.end_char
        ):
            span = Span(doc, span.start, span.end + 1, label=span.label_)
            m = Mention(span.start_char, span.end_char, span.text, m.type, m.label)
        out.append((m, span))
    return out
