"""Public offices of places: who holds the office of a country's, region's or town's head, minister or mayor.

The patterns of ``kg:holdsOfficeIn`` (``ontology/patterns.ttl``) find a person and a place around a title of the
``kgx:OfficeTitle`` list (``ontology/words.ttl``): the place's adjective or possessive before the title ("French
President X", "Ukraine's prime minister X", "Brazil's finance minister, X", "X, Nigeria's president"), or "of" the
place after it ("President X of Nigeria", "X, the mayor of Lyon", "the governor of Texas, X").  This module decides
whether such a pair is an office of the place and gives its role (title, current or past):

- the title must be one of the list's, read off the parse (a compound before the noun counts: "prime minister",
  "foreign secretary"; a king's or queen's too, "King Olav of Norway"); a minister's portfolio before it stays in
  the role's title ("finance minister" is the office of a minister, titled "Finance Minister", kgx:PortfolioField);
- an opposition's shadow post, a candidacy and a post yet to be taken up are no office ("shadow chancellor X",
  "would-be president X", "president-elect X", kgx:FutureTitleWord, kgx:NoOfficeWord);
- a continent has no such office ("European" before a title names a body of Europe's, not Europe), nor has a
  peer's title's place or a seat ("Lord Kell of Westbridge");
- the place must stand on the title itself, not on another in a list ("Cardiff and Northern Ireland Minister
  X"), and a title whose own name in apposition is another person's is that person's.

Example: "Former French President Marc Olivier" gives Marc Olivier holdsOfficeIn France with the role
("President", current false).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kgraph.extract.frames import _role_of
from kgraph.extract.lexicon import _CONTINENTS
from kgraph.extract.posts import future_title
from kgraph.extract.seat_names import is_seat, peer_place
from kgraph.models import Mention, Role

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span, Token

    from kgraph.ontology import Ontology

__all__ = ["SAID_BY_ADJECTIVE", "no_office", "office_role", "title_name", "title_words"]


#: The properties a place's adjective on a name's noun may state: "French carmaker X" is based in France, "German
#: Chancellor Y" is German and holds an office of Germany (no other: "Dutch shareholder Z" owns nothing Dutch).
SAID_BY_ADJECTIVE = frozenset({"basedIn", "nationality", "holdsOfficeIn"})


def office_role(
    mentions: Sequence[tuple[Mention, Span]], pair: tuple[int, int], role: Role | None, ontology: Ontology
) -> Role | None:
    """The role of a person's public office of a place (None where the words state no such office).

    :param mentions: the document's mentions with their spans; ``pair`` the person's and the place's numbers.
    :param role: the role the title's pattern read (None for the "of" phrase after a name, "President X of
        Nigeria": it is read here from the title in or before the name)."""
    person, place = mentions[pair[0]][1], mentions[pair[1]][1]
    if place.text.lower().removeprefix("the ") in _CONTINENTS:
        return None
    if peer_place(place, ontology) or is_seat(place, ontology):
        return None  # "Lord Kell of Westbridge", "the MP for Westbridge": a title's or a seat's place, no office
    title = _title_token(person, place, ontology)
    if title is None or _apart(place, title) or _held_by_another(title, person):
        return None
    words = _title_words(title, ontology)
    if words is None or _no_office(title, ontology):
        return None
    name = title_name(title, words, ontology)
    if role is None:
        return _role_of(title, name)
    return replace(role, title=name) if role.title != name else role


def _title_token(person: Span, place: Span, ontology: Ontology) -> Token | None:
    """The title noun that joins the place to the person: the noun the place's word stands on ("Brazil's finance
    minister", "the mayor of Lyon") or, where that is the person's name ("French President X", "President X of
    Nigeria"), the title in the name or in the compounds before it."""
    root = place.root
    head: Token = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else root.head
    if head.i in range(person.start, person.end) or head.i == person.root.i:
        before = [c for c in person.root.children if c.dep_ == "compound" and c.i < person.start]
        titled: list[Token] = [t for t in [*before, *person] if _title_words(t, ontology) is not None]
        return titled[0] if titled else None
    if head.pos_ not in {"NOUN", "PROPN"}:
        return None
    return head if _title_words(head, ontology) is not None else None


def _apart(place: Span, title: Token) -> bool:
    """Whether a place before a title is set apart from it by a list's "and" or comma: "Welsh First Minister X in
    Cardiff and Northern Ireland Minister Y" (the parser may hang "Cardiff" on the second title)."""
    between = place.doc[place.end : title.i]
    return any(t.pos_ == "CCONJ" or t.text in {",", ";", "&"} for t in between)


def _held_by_another(title: Token, person: Span) -> bool:
    """Whether the title's own name in apposition is another person's: "X was speaking as London's mayor Y
    remains ..." (a conjunction "as" the parser took for a preposition) gives the office to Y alone."""
    return any(
        c.dep_ == "appos" and c.ent_type_ == "PERSON" and not person.start <= c.i < person.end for c in title.children
    )


def _title_words(token: Token, ontology: Ontology) -> str | None:
    """The office title a noun is, lower case ("prime minister" at "minister"; "minister" for "finance
    minister"), None for a noun that is no office's title."""
    titles = ontology.words("OfficeTitle")
    doc = token.doc
    lower = token.lower_
    if lower.endswith("s") and lower[:-1] in titles:
        return None  # a plural is many holders, read by other patterns ("EU finance ministers")
    if token.i > 0:
        two = f"{doc[token.i - 1].lower_} {lower}"
        if two in titles or doc[token.i - 1].text == "-" and token.i > 1 and (
            f"{doc[token.i - 2].lower_}-{lower}" in titles
        ):
            return two if two in titles else f"{doc[token.i - 2].lower_}-{lower}"
    return lower if lower in titles else None


def _no_office(title: Token, ontology: Ontology) -> bool:
    """Whether the words on a title make it no office held now: "shadow chancellor", "would-be president",
    "president-elect", "presidential candidate X" (kgx:NoOfficeWord, kgx:FutureTitleWord)."""
    if future_title(title, ontology):
        return True
    doc = title.doc
    none = ontology.words("NoOfficeWord")
    start = max(title.sent.start, title.i - 4)
    for i in range(title.i - 1, start - 1, -1):
        if doc[i].text in {",", ";", "(", '"'} or doc[i].pos_ == "CCONJ":
            start = i + 1  # the words of the title's own phrase ("shadow ministers and Minister X": none)
            break
    near = [doc[i] for i in range(start, min(title.i + 2, len(doc)))]
    words = {t.lower_ for t in [*near, title.head]}
    # a hyphened word the tokenizer split: "would-be" is "would", "-", "be"
    words |= {f"{doc[t.i - 1].lower_}-{doc[t.i + 1].lower_}" for t in near if t.text == "-" and 0 < t.i < len(doc) - 1}
    return bool(words & (none | ontology.words("FutureTitleWord")))


def title_words(token: Token, ontology: Ontology) -> str | None:
    """The office title a noun is, lower case ("prime minister" at "minister"), None for no office's title."""
    return _title_words(token, ontology)


def no_office(title: Token, ontology: Ontology) -> bool:
    """Whether the words on a title make it no office held now ("shadow chancellor", "presidential candidate")."""
    return _no_office(title, ontology)


def title_name(title: Token, words: str, ontology: Ontology) -> str:
    """The role's title: the office's words with the portfolio kept before a minister's or secretary's
    (``kgx:PortfolioField``, ``kgx:PortfolioNoun``) and a deputy's word (``kgx:TitleAdjective``): "Finance
    Minister", "Foreign Affairs Minister", "Deputy Prime Minister"."""
    doc = title.doc
    fields = ontology.words("PortfolioField") | ontology.words("PortfolioNoun")
    first = title.i - len(words.replace("-", " - ").split()) + 1
    start = first
    if words.split()[-1] in {"minister", "secretary"}:
        while start > title.sent.start and doc[start - 1].lower_ in fields:
            start -= 1
    # a deputy's or an acting holder's word stays too: "Deputy Prime Minister", "Acting President"
    while start > title.sent.start and doc[start - 1].lower_ in ontology.words("TitleAdjective"):
        start -= 1
    return " ".join(w.title() for w in [*(t.lower_ for t in doc[start:first]), *words.split()])
