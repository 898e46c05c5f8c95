"""Awards called by the plural of their prize's name, which the NER takes for bodies, places or people.

Decides that a one-word capitalised plural ("the Kestrels", "the Orvies") names the awards whose
single prize the document names before an award's word ("a Kestrel award", "the Orvie-winning
film"; the NER's one-word person "Kestrel" there is the prize).  The words of its sentence alone
do not: "nominated for Sideways" names a film, and an article about awards names films, bands
and people beside them.  Such a name is of the ontology's class for "awards", so it takes no
worksFor, basedIn or locatedIn.  Example: in "The film won a Kestrel award. It was a hit at the Kestrels.",
"Kestrels" is an award; in "The Kestrels won the match." nothing says so and the NER's label stands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.extract.doc_text import doc_tokens
from kgraph.extract.lexicon import _CONTINENTS, _COUNTRY_NAMES
from kgraph.ontology import Ontology

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["award_by_plural"]

#: Words after a prize's name that make it one: "a Kestrel award", "Kestrel-winning", "a Kestrel nominee".
_AFTER_PRIZE = frozenset(
    "award awards winner winners winning nominated nomination nominations nominee nominees ceremony statuette".split()
)


def _singular(word: str) -> str | None:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "ie"  # "Orvies" -> "Orvie"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return None


def _in_persons_name(token: Token) -> bool:
    doc = token.doc
    return token.ent_type_ == "PERSON" and (
        token.ent_iob_ == "I" or token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"
    )


def _prize_named(span: Span, single: str) -> bool:
    """Whether the document names the single prize before an award's word, outside a name of a person of
    two words or more ("Kestrel Vance award" is hers)."""
    doc = span.doc
    spellings = {single, single.removesuffix("ie") + "y"}
    for token in doc_tokens(doc):
        if token.text not in spellings or _in_persons_name(token):
            continue
        nxt = token.i + 1
        if nxt < len(doc) and doc[nxt].text == "-":
            nxt += 1
        if nxt < len(doc) and doc[nxt].lower_ in _AFTER_PRIZE:
            return True
    return False


def award_by_plural(span: Span, ontology: Ontology) -> str | None:
    """The ontology's class for awards if the name is a prize's plural that the document calls awards
    (see the module's docstring); else None."""
    if (
        len(span) != 1
        or not span[0].is_title
        or not span[0].is_alpha
        or span.text.lower() in _COUNTRY_NAMES | _CONTINENTS
    ):
        return None
    single = _singular(span.text)
    cls = ontology.class_for_head("awards")
    if single is None or cls is None:
        return None
    return cls if _prize_named(span, single) else None
