"""Names normalised for matching, shared by coreference in a document and resolution across documents.

Decides when two written names are one name: case, punctuation, a leading "the", a person's
titles and an organisation's legal form do not count, so "Korea's Ministry of SMEs & Startups"
and "the Korea Ministry of SME and Startups" have one key (:func:`name_key`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from kgraph.vocabulary import PERSON_TITLES

if TYPE_CHECKING:
    from spacy.tokens import Span

    from kgraph.models import Mention

__all__ = ["NAME_LABELS", "addressed_names", "fold", "name_tokens", "name_key", "organisation_by_context"]

#: Words dropped from the front of a person's name when names are compared: honorifics, written
#: short or in full ("Sir", "Mr.", "Professor"), and offices, so "Sir Anthony Meyer", "Mr Anthony
#: Meyer" and "Anthony Meyer" have one key across documents.
_TITLES = PERSON_TITLES | {"ceo", "chairman", "chief", "executive", "professor", "miss", "reverend", "doctor"}
_LEGAL = {"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "gmbh", "ag", "sa", "limited", "incorporated"}
#: Labels of mentions that are no names: pronouns and descriptions ("the company").
NAME_LABELS = {"pronoun", "description"}


def fold(text: str) -> str:
    """The text in Unicode's compatibility form (NFKC), with curly single quotes made straight."""
    return unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")


@functools.lru_cache(maxsize=1 << 17)  # names repeat across a corpus
def name_tokens(text: str) -> tuple[str, ...]:
    """The lower-case words of a name, without a possessive "'s" and outer dots or hyphens;
    "&" reads "and" and a plural of initials its singular ("SMEs" -> "sme")."""
    text = fold(text)
    text = re.sub(r"'s\b", "", text)
    text = text.replace("&", " and ")
    words = re.findall(r"[\w][\w.\-]*", text)
    out = []
    for w in words:
        w = w.strip(".-")
        if not w:
            continue
        if re.fullmatch(r"[A-Z]{2,}s", w):  # "SMEs" -> "SME"
            w = w[:-1]
        out.append(w.lower())
    return tuple(out)


@functools.lru_cache(maxsize=1 << 17)
def name_key(text: str, person: bool = False) -> str:
    """Normalised form of a name for matching: case, punctuation, titles, legal forms.

    >>> name_key("Korea's Ministry of SMEs & Startups")
    'korea ministry of sme and startups'
    """
    words = list(name_tokens(text))
    while words and words[0] in {"the", "a", "an"}:
        words = words[1:]
    if person:
        while len(words) > 1 and words[0] in _TITLES:
            words = words[1:]
    while len(words) > 1 and words[-1] in _LEGAL:
        words = words[:-1]
    return " ".join(words)


def addressed_names(spans: Iterable[Span]) -> set[str]:
    """The names an article gives a person by a form of address: of the one name "Mr Velmar" both "Mr Velmar"
    and "Velmar", of the name "Velmar" right after "Mr" that name.  Not the last word of a person's full name, which
    a firm named after its founder shares ("housebuilder Dana Velmar ... Velmar reported a loss")."""
    out: set[str] = set()
    for span in spans:
        doc = span.doc
        if span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in PERSON_TITLES:
            out.add(span.text)
        if span[0].lower_.rstrip(".") in PERSON_TITLES and len(span) > 1:
            out.update((span.text, span[1:].text))
    return out


#: Pronouns that can only stand for a person.
_PERSONAL = frozenset("he him his himself she her hers herself".split())


def organisation_by_context(group: Iterable[Mention], is_organisation: Callable[[str], bool]) -> bool:
    """Whether one document's mentions of a thing the NER took for a person or a place name an organisation.

    So they do when the rules typed one of them an organisation from its context against the
    NER's PERSON ("Russian oil firm Yukos", "Yukos chief executive Anna Berg") or GPE ("Italian
    airline Alitalia") and nothing in the group marks a person: no name of two words or more typed
    a person ("Mr Yukos", "Bill Ford"), no "he" or "she"; nor a place: no country's name (a "France"
    the context calls its team stays the country). The NER's label of a bare unknown name is a
    guess; its context is not.
    """
    from kgraph.extract.lexicon import _CONTINENTS, _COUNTRY_NAMES

    retyped = False
    for m in group:
        if m.label == "pronoun":
            if m.text.lower() in _PERSONAL:
                return False
        elif m.type == "Person" and m.label not in NAME_LABELS and len(name_tokens(m.text)) > 1:
            return False
        elif m.label in {"GPE", "LOC"} and name_key(m.text) in _COUNTRY_NAMES | _CONTINENTS:
            return False
        elif m.label in {"PERSON", "GPE", "LOC"} and is_organisation(m.type):
            retyped = True
    return retyped
