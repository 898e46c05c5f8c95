"""Unit posts: a title whose organisation is a unit of a body, not the body.

Decides, for kgraph.extract.posts and kgraph.extract.relations, the posts held in a part of an organisation:
"X, head of Global Bonds at Kestrel Investments" heads the desk Global Bonds, which is part of Kestrel
Investments (the ``kgx:UnitAt`` frame gives the unit kg:partOf the body, :func:`unit_at`); "X, head of press at
Velvet Records" heads an unnamed function of the label (kgx:FunctionNoun), so works for it, no head of it
(:func:`unnamed_unit_at`); "Culture, Media and Sport select committee chairman X" and "X, chairman of the Kellish
Fisheries committee" chair a committee named after what it looks into (kgx:Committee): no post in the
department or body named in the committee's name (:func:`named_committee`).
Example: in "Paul Reed, head of Global Bonds at Kestrel Investments, agreed.", Global Bonds is part of Kestrel
Investments.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from kgraph.extract.mention_index import UNNAMED, MentionIndex
from kgraph.ontology import Ontology, per_ontology

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from kgraph.ontology import Pattern

__all__ = ["named_committee", "unit_at", "unnamed_unit_at"]

#: The prepositions of a title that name the unit ("head of X", "the chair for X") and the body it is at.
_UNIT_PREPOSITIONS = frozenset({"of", "for"})


def _organisation(token: Token, index: MentionIndex) -> int | None:
    """The named organisation whose root is ``token`` (not a pronoun or a description), or None."""
    m = index.at(token)
    if m is None:
        return None
    mention, span = index.mentions[m]
    if mention.label in UNNAMED or span.root.i != token.i or not index.ontology.is_a(mention.type, "Organization"):
        return None
    return m


def _pobjs(token: Token, prepositions: frozenset[str]) -> Iterator[Token]:
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in prepositions:
            yield from (pobj for pobj in prep.children if pobj.dep_ == "pobj")


def _body_at(title: Token, unit: Token, index: MentionIndex) -> int | None:
    """The organisation an "at" phrase names on the title or on its unit ("head of X at Y"), or None."""
    for carrier in (title, unit):
        for pobj in _pobjs(carrier, frozenset({"at"})):
            if (m := _organisation(pobj, index)) is not None and index.at(unit) != m:
                return m
    return None


@per_ontology
def _title_nouns(ontology: Ontology) -> frozenset[str]:
    """The titles of a head or of staff (the kg:headOf and kg:worksFor patterns of a relational noun)."""
    return frozenset(
        word for p in ontology.patterns
        if p.frame == "RelationalNoun" and p.property in {"headOf", "worksFor", "ceoOf"}
        for t in p.triggers for word in t.split()[-1:]
    )


def unit_at(sent: Span, pattern: Pattern, index: MentionIndex) -> Iterator[tuple[int, int]]:
    """(unit, body) of a title with an "of" phrase naming an organisation and an "at" phrase naming another:
    "investment director of Global Bonds at Kestrel Investments" (the unit is part of the body)."""
    titles = _title_nouns(index.ontology)
    for title in sent:
        if title.pos_ != "NOUN" or title.lemma_.lower() not in titles or title.i in index.by_token:
            continue
        for pobj in _pobjs(title, _UNIT_PREPOSITIONS):
            if (unit := _organisation(pobj, index)) is not None and (body := _body_at(title, pobj, index)) is not None:
                yield unit, body


def unnamed_unit_at(title: Token, index: MentionIndex) -> Literal["branch"] | None:
    """ "X, head of press at Velvet Records": a bare function's noun (kgx:FunctionNoun, no article) after the title
    and an organisation after "at" make a lesser post in the organisation (its staff), not its head."""
    functions = index.ontology.words("FunctionNoun")
    for pobj in _pobjs(title, _UNIT_PREPOSITIONS):
        bare = not any(c.dep_ in {"det", "poss"} for c in pobj.children)
        if bare and pobj.lemma_.lower() in functions and index.at(pobj) is None and (
            _body_at(title, pobj, index) is not None
        ):
            return "branch"
    return None


def _committee_above(name: Token, index: MentionIndex) -> Token | None:
    """The unnamed committee's noun (kgx:Committee) whose name's words before it hold ``name``: "Culture, Media and
    Sport select committee", "the Commons Treasury committee" (not a possessive: "Kestrel's audit committee")."""
    committees = index.ontology.words("Committee")
    token = name
    while token.dep_ not in {"poss", "prep", "pobj", "ROOT"} and token.head.i > token.i:
        token = token.head
        if token.pos_ == "NOUN" and token.lemma_.lower() in committees:
            return None if token.i in index.by_token else token
    return None


def named_committee(title: Token, objects: list[Token], index: MentionIndex) -> Literal["none"] | None:
    """ "Culture select committee chairman X", "X, chairman of the Commons Treasury committee": the chair of a
    committee named after a department or the body it sits in holds no post in that department or body (a select
    committee scrutinises a department; the committee itself is no name here to head)."""
    committees = index.ontology.words("Committee")
    # "ODPM committee chairman X": the committee's word beside the name, both on the title (tagged a name's word too)
    beside = [
        c.i for c in title.children
        if c.dep_ == "compound" and c.i < title.i and c.is_lower and c.lower_ in committees
        and c.i not in index.by_token
    ]
    if any(name.i < i for name in objects for i in beside):
        return "none"
    for name in objects:
        committee = _committee_above(name, index)
        if committee is None:
            continue
        before = committee.head.i == title.i and committee.i < title.i  # "Culture select committee chairman X"
        if committee.i == title.i or before or _of_phrase(title, committee):
            return "none"  # (the committee's noun itself taken for a title: "X, the Culture select committee")
    return None


#: What may stand between a title's "of" and the committee's noun it names: "the Culture, Media and Sport select".
_PHRASE_TAGS = frozenset({"DET", "PROPN", "NOUN", "ADJ", "CCONJ", "PUNCT"})


def _of_phrase(title: Token, committee: Token) -> bool:
    """Whether ``committee`` ends the title's own "of"/"for" phrase, however the parser hung it: "chairman of the
    Culture, Media and Sport select committee"."""
    doc = title.doc
    if title.i + 1 >= committee.i or doc[title.i + 1].lower_ not in _UNIT_PREPOSITIONS:
        return False
    between = doc[title.i + 2 : committee.i]
    return all(t.pos_ in _PHRASE_TAGS and t.text not in {"(", ")", "-", ";"} for t in between)
