"""Names normalised for matching, shared by coreference in a document and resolution across documents.

Decides when two written names are one name: case, punctuation, a leading "the", a person's
titles and an organisation's legal form do not count, so "Korea's Ministry of SMEs & Startups"
and "the Korea Ministry of SME and Startups" have one key (:func:`name_key`).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from kgraph.vocabulary import PERSON_TITLES

__all__ = ["NAME_LABELS", "fold", "name_tokens", "name_key"]

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

