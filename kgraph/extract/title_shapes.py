"""Titles in shapes the parse misreads: who holds them and in what.

Decides these things for the relational-noun frame (:mod:`kgraph.extract.relations`,
:func:`kgraph.extract.frames._holders`):

- a title the tagger took for a verb ("head", "chair") standing, in its own base form, right between an
  organisation's name and a person's ("Kestrel head Dana Kell is to step down"): the person holds it in the
  organisation, as "Kestrel boss Dana Kell" does (an inflected verb, "Kestrel heads Dana Kell's list", is none);
- a plural title held by a list of people ("Kestrel directors Dana Kell, Olek Brant and Mira Soto", "the three
  Kestrel directors, Dana Kell, Olek Brant and Mira Soto"): each person of the list holds it, not the first
  alone. The parser hangs the second name on the first as an apposition or a conjunct, and the last on the
  second as a conjunct; a singular title's apposed person ("Kestrel director Dana Kell, Olek Brant's sister") is another
  person, and is left alone;
- a title apposed to a firm's kind noun with the firm's name before it ("the Kestrel group, the main shareholder
  of Orbitel"): the name holds it, as it would apposed to the name itself;
- a "member" of an organisation's board ("a member of the Kestrel management board", "a member of the board of
  Kestrel"): a seat on the board, a post in the organisation (worksFor, as "board member" gives), where the
  organisation is no body of members (a council's or a party's board member is a member of it);
- an organisation's name glued to "ex-" before a title ("ex-Kestrel boss Dana Kell"), which the tagger takes for
  an adjective: the name is the organisation of the (past) post, as in "former Kestrel boss Dana Kell";
- a second title the parser joined to the field a first title's phrase names ("Dana Kell, a spokeswoman for reform
  and president of Kestrel", "president" a conjunct of "reform"; "head of research and chairman of Kestrel", the
  "of" after "chairman" hung on "research"): a bare title (no article) after a bare field noun is the first title
  holder's too, in the "of" phrase right after it; "a spokeswoman for the minister and the president of Kestrel"
  names another person, and is left alone; so is a bare title joined to a first noun ("X, a barrister and
  chairman of Kestrel Trust": the "of" phrase right after "chairman", though hung on "barrister", is its own);
- a title between spaced dashes ("A - the Dutch arm of carmaker B - and retailer C"): its "of" phrase ends at
  the closing dash, so C is none of its objects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.extract.countries import organisation_descriptors
from kgraph.extract.described_lists import listed_firms
from kgraph.extract.mention_index import MentionIndex
from kgraph.nlp import DASHES

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "board_seat", "ex_named", "field_joined_title", "kind_named", "listed_holders", "past_closing_dash",
    "verb_tagged_title",
]


def _typed(i: int, kind: str, index: MentionIndex) -> Span | None:
    """The span of the mention with token ``i`` when it is a ``kind`` (an Organization, a Person)."""
    m = index.by_token.get(i)
    if m is None:
        return None
    mention, span = index.mentions[m]
    if kind == "Organization":
        return (
            span
            if mention.type not in {"Person", "Place"} and mention.label not in {"pronoun", "description"}
            else None
        )
    return span if mention.type == kind else None


def _named_firm(i: int, index: MentionIndex) -> bool:
    """Whether token ``i`` is in an organisation's own name (no description, no pronoun)."""
    m = index.by_token.get(i)
    if m is None:
        return False
    mention = index.mentions[m][0]
    return index.ontology.is_a(mention.type, "Organization") and mention.label not in {"pronoun", "description"}


def verb_tagged_title(token: Token, trigger: str, index: MentionIndex) -> tuple[Token, Token] | None:
    """(person, organisation) for "Kestrel head Dana Kell" where the tagger made "head" a verb: the title in its
    trigger's own form, an organisation's name ending right before it and a person's starting right after."""
    doc = token.doc
    if token.pos_ != "VERB" or token.lower_ != trigger or token.i == 0 or token.i + 1 >= len(doc):
        return None
    org = _typed(token.i - 1, "Organization", index)
    person = _typed(token.i + 1, "Person", index)
    if org is None or person is None or org.end != token.i or person.start != token.i + 1:
        return None
    return person.root, org.root


def listed_holders(noun: Token, holders: list[Token], index: MentionIndex) -> list[Token]:
    """The people listed after the first holder of a plural title ("Kestrel directors A, B and C"): the names
    apposed to a holder who is a person, and their conjuncts and the holder's, when they are people too; and the
    organisations a plural noun lists as its examples ("US retailers such as A, B and C",
    :mod:`kgraph.extract.described_lists`)."""
    if noun.tag_ not in {"NNS", "NNPS"}:
        return []
    kinds = organisation_descriptors(index.ontology) | index.ontology.words("RivalNoun")
    firms = listed_firms(
        noun, kinds, lambda t: _named_firm(t.i, index), lambda t: _typed(t.i, "Place", index) is not None
    )
    out = [t for t in firms if t not in holders]
    for holder in holders:
        if _typed(holder.i, "Person", index) is None:
            continue
        listed = [holder, *(c for c in holder.children if c.dep_ == "appos")]
        for item in listed:
            for person in _own_list(noun, holder, (item, *item.conjuncts)):
                if person not in holders and person not in out and _typed(person.i, "Person", index) is not None:
                    out.append(person)
    return out


def _own_list(noun: Token, holder: Token, people: tuple[Token, ...]) -> list[Token]:
    """The people of a list a plural title before it holds: "Kestrel managers A and B, and Orbix managers C and D"
    gives "Kestrel managers" A and B only, the list ending where a name carries a plural title of its own and never
    reaching back to names another plural title holds ("owned by X and fellow Kestrel directors Y" keeps X)."""
    if holder.i < noun.i:
        return list(people)
    out: list[Token] = []
    for person in sorted(people, key=lambda p: p.i):
        if person.i < noun.i and _other_title(person, noun) is not None:
            continue
        if person.i > holder.i and _other_title(person, noun, own=True) is not None:
            break
        out.append(person)
    return out


def _other_title(person: Token, noun: Token, own: bool = False) -> Token | None:
    """The plural title other than ``noun`` a listed person carries: one on the name ("Orbix managers C") or the one
    the name is apposed to ("Kestrel managers A"), also the list's first name's unless ``own``."""
    first = person
    while not own and first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    for name in dict.fromkeys((person, first)):
        titles = [c for c in name.children if c.dep_ == "compound" and c.tag_ in {"NNS", "NNPS"}]
        if name.dep_ == "appos" and name.head.tag_ in {"NNS", "NNPS"}:
            titles.append(name.head)
        found = next((t for t in titles if t.i != noun.i), None)
        if found is not None:
            return found
    return None


def kind_named(noun: Token, index: MentionIndex) -> list[Token]:
    """The firm's name before the kind noun ``noun`` ("Kestrel" in "the Kestrel group"), where the noun is no
    mention itself and is a firm's (`kgx:FirmNoun`): the name stands for the noun."""
    if noun.pos_ != "NOUN" or index.by_token.get(noun.i) is not None:
        return []
    if noun.lemma_.lower() not in index.ontology.words("FirmNoun"):
        return []
    return [
        c
        for c in noun.children
        if c.dep_ == "compound" and c.i == noun.i - 1 and _typed(c.i, "Organization", index) is not None
    ]


def board_seat(member: Token) -> bool:
    """Whether ``member`` is "member" of a board: its "of" phrase's noun is "board" ("a member of the Kestrel
    management board", "a member of the board of Kestrel")."""
    return member.lemma_.lower() == "member" and any(
        prep.dep_ == "prep" and prep.lower_ == "of" and pobj.dep_ == "pobj" and pobj.lemma_.lower() == "board"
        for prep in member.children
        for pobj in prep.children
    )


def ex_named(modifier: Token, index: MentionIndex) -> bool:
    """Whether ``modifier`` of a title is an organisation's name starting right after "ex-" ("ex-Kestrel boss Dana
    Kell"), whatever the tagger made of it (not a person's or a place's name)."""
    doc = modifier.doc
    if modifier.i < 2 or doc[modifier.i - 1].text != "-" or doc[modifier.i - 2].lower_ != "ex":
        return False
    span = _typed(modifier.i, "Organization", index)
    return span is not None and span.start == modifier.i


def field_joined_title(title: Token, index: MentionIndex) -> tuple[Token, list[Token]] | None:
    """(first title, objects of the second's "of" phrase) for a bare title the parser made a conjunct of the bare
    field noun another title's phrase names: "a spokeswoman for reform and president of Kestrel", "head of research
    and chairman of Kestrel" (the "of" right after "chairman", though hung on "research", is its own)."""
    field = title.head
    if title.dep_ == "conj" and field.pos_ == "NOUN" and field.i < title.i and field.dep_ != "pobj":
        return _first_of_joined(title)
    if title.dep_ != "conj" or field.dep_ != "pobj" or field.pos_ != "NOUN" or field.i > title.i:
        return None
    if index.by_token.get(field.i) is not None or any(
        c.dep_ in {"det", "poss", "nummod"} for c in (*title.children, *field.children)
    ):
        return None  # "for the minister and the president of Kestrel": somebody else
    prep = field.head
    first = prep.head
    if prep.dep_ != "prep" or first.pos_ != "NOUN" or first.i > field.i:
        return None
    own = [c for c in title.children if c.dep_ == "prep" and c.lower_ == "of"] or [
        c for c in field.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == title.i + 1
    ]
    objects = [o for p in own for o in p.children if o.dep_ == "pobj"]
    return (first, objects) if objects else None


def _first_of_joined(title: Token) -> tuple[Token, list[Token]] | None:
    """(first noun, objects) for "X, a barrister and chairman of Kestrel Trust": a bare title joined to a first
    noun, whose "of" phrase, right after the title though the parser hung it on the first noun, is the title's."""
    first = title.head
    if any(c.dep_ in {"det", "poss", "nummod"} for c in title.children):
        return None  # "a barrister and the chairman of Kestrel Trust": the phrase is the title's own
    own = [c for c in first.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == title.i + 1]
    objects = [o for p in own for o in p.children if o.dep_ == "pobj"]
    return (first, objects) if objects else None


def past_closing_dash(noun: Token, obj: Token) -> bool:
    """Whether a title stands between spaced dashes and ``obj`` comes after the second: "A - the Dutch arm of
    carmaker B - and retailer C" (the parser's "of" phrase runs on to C, which the dash has closed)."""
    doc = noun.doc

    def dash(t: Token) -> bool:
        return t.text in DASHES and t.i > 0 and bool(doc[t.i - 1].whitespace_)

    return obj.i > noun.i and any(dash(t) for t in doc[noun.sent.start : noun.i]) \
        and any(dash(t) for t in doc[noun.i + 1 : obj.i])
