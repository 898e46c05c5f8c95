"""Ended posts: whether the text says a post its title names is over.

Decides, for a title's word and the names that hold the post, whether the sentence or the next one says the
holder has left it, so the post is a past one (``Role.current`` false) as "former" makes it: an ousting word
before the title ("ousted chief executive X", kgx:EndedPostWord), a noun of leaving the title or holder is
"of" ("the resignation of Kestrel chairman X", kgx:LeavingNoun), a verb of leaving whose "as" phrase is the
title ("X, who quit as chairman in May"), whose subject is the holder ("Kestrel chief executive X stepped down
last week", "X, a Kestrel officer, said ... since he defected", with a "he" coreference left unlinked taken
for the one person its sentence names, "She resigned in May." after it,
kgx:LeavingVerb) or whose object is ("Kestrel sacked its chairman X", "X was ousted", kgx:DismissVerb), or a
past "be" whose clause dates the post to a time now over ("X was head of Y when the scandal broke", "until
2003"); and the one a succession stated as done took the post from ("X has replaced Y as chief executive":
:func:`replaced`, Y's post only).  Only a leaving stated as done counts: "X will step
down", "X did not resign", "X is expected to quit" leave the post current.  A relative clause on the holder
leaves too ("Kestrel chairman X, who died in 1998", "X, who was ousted in May"), and a person's leaving of a
body stated anywhere in the article ("X, who left the company", "X was sacked by Y", "Y fired X", "X quit Labour",
"X was jailed":
:func:`left_bodies`, kgx:LeaveBodyVerb) ends any post of theirs in it, not one in another body; a person's post
with no role of its own ("ex-Labour MP X", "former Yale historian X") gets a past one (:func:`past_post`).

Also decides which links with no post are over: a relational noun's link between organisations the words of a
former post put in the past ("Y's former owner X", "Y's ousted owner X": :func:`ended_link`, :func:`firms_link`),
a verb of a lasting link dated by "once" or "formerly" ("Y, once owned by X", kgx:LastingVerb: :func:`once_held`) or
its gerund in a clause of time on a past act ("X committed the fraud whilst running Y"), and a unit its owner sold
("X sold its Y unit to Z", kgx:SaleVerb: :func:`sold_units`) or another firm bought ("Z, which acquired Y, the main
unit of X"), no subsidiary of it now.
Example: in "Kestrel Air chief executive Anna Berg stepped down last week.", :func:`ended` of "executive"
with the holder "Berg" is True: Anna Berg was the chief executive of Kestrel Air.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from kgraph.extract.doc_text import doc_tokens, per_document
from kgraph.extract.lexicon import _FORMER
from kgraph.extract.mention_index import UNNAMED, MentionIndex
from kgraph.extract.moods import mood, noun_mood
from kgraph.extract.party_names import names_a_party
from kgraph.models import Role
from kgraph.ontology import per_ontology

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Span, Token

    from kgraph.models import RelationMention
    from kgraph.ontology import Ontology

__all__ = [
    "ended", "ended_link", "firms_link", "left_bodies", "once_held", "past_post", "phrasal_verb_in", "replaced",
    "said_former", "Sales", "sold_off", "sold_units",
]

#: Relative pronouns that stand for the name their clause hangs on ("X, who resigned").
_RELATIVE = frozenset({"who", "that"})
#: The properties of a post (and those under them): a post that is over has a past role.
_POSTS = frozenset({"worksFor", "memberOf"})

def ended(title: Token, holders: list[Token], index: MentionIndex) -> bool:
    """Whether the text says the post ``title`` names, held by ``holders``, is over."""
    ontology = index.ontology
    if _ousting_word(title, holders, ontology):
        return True
    if _held_at_a_past_time(title, ontology):
        return True
    phrase = {t.i for t in title.subtree} | {t.i for h in holders for t in h.subtree}
    for end in (title, *holders):
        if _left_by(end, phrase, ontology):
            return True
    if any(_left_in_relative(c, title, ontology) for h in holders for c in h.children if c.dep_ == "relcl"):
        return True  # "Kestrel chairman X, who died in 1998", "Labour MP X, who defected to the Tories"
    holders_of = {_entity(h, index) for h in holders} - {None}
    sentence = title.sent
    # the holder's own leaving in another clause of the sentence ("X, a Kestrel officer, said ... since he
    # defected in 1985") or in the next sentence ("She resigned in May.")
    clauses = [sentence, title.doc[sentence.end].sent] if sentence.end < len(title.doc) else [sentence]
    if holders_of:
        leavings = [(v, any_post) for clause in clauses for v, any_post in _leavings(clause, ontology)]
        for verb, any_post in leavings:
            if verb.i not in phrase and (any_post or _as_title(verb, title)):
                subjects = _subjects(verb, {"nsubj"})
                if any(_entity(s, index) in holders_of for s in subjects):
                    return True
                if verb.sent == sentence and any(_own_pronoun(s, holders_of, index) for s in subjects):
                    return True
    return False


def _leavings(sentence: Span, ontology: Ontology) -> list[tuple[Token, bool]]:
    """The verbs of a sentence that state a leaving as done and make way for no other post, with whether each
    leaves any post (no "as", "from" or object phrase scoping it: :func:`_leaves_this`); found once per sentence
    (:func:`ended` reads the sentence for each title in it and in the sentence after)."""

    def find() -> list[tuple[Token, bool]]:
        return [
            (verb, _leaves_this(verb, set())) for verb in doc_tokens(sentence.doc)[sentence.start : sentence.end]
            if _leaving_verb(verb, ontology) and _done(verb) and not _other_post(verb, ontology)
        ]

    return per_document(sentence.doc, ("leavings", sentence.start, sentence.end, id(ontology)), find)


def _left_in_relative(verb: Token, title: Token, ontology: Ontology) -> bool:
    """ "X, who died in 1998", "X, who resigned in May": a relative clause on the holder whose verb of leaving,
    stated as done, leaves no other post or body than the title's ("X, who quit Orvana" is read by
    :func:`left_bodies`, "X, who resigned to join Orvana" leaves for another post)."""
    if not _done(verb) or not any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in _RELATIVE for c in verb.children):
        return False
    if _dismiss_verb(verb, ontology):  # "X, who was ousted in May" (not "... sacked by Orvana": that body's post)
        return not any(c.dep_ in {"agent", "dobj"} for c in verb.children) and _leaves_this(verb, set())
    return (
        _leaving_verb(verb, ontology) and not _other_post(verb, ontology)
        and (_leaves_this(verb, set()) or _as_title(verb, title))
    )


def left_bodies(doc: Doc, index: MentionIndex) -> frozenset[tuple[str, str]]:
    """(person, body) of each leaving of a body the document states as done, so any post the person holds in it
    is a past one: "X, who left the company in March", "X quit Labour", "X defected from the Tories", "X
    resigned from Kestrel" (kgx:LeaveBodyVerb, kgx:LeavingVerb), "X, who was sacked by Norvik Air",
    "Kestrel fired X" (kgx:DismissVerb); a holder's death ("X died in 2003", kgx:DeathVerb) leaves every body.
    Not "X will leave Kestrel", "X did not quit Labour".  Read once a document
    (:func:`kgraph.extract.doc_text.per_document`)."""
    return per_document(doc, ("left_bodies", id(index)), lambda: _left_bodies(doc, index))


def _left_bodies(doc: Doc, index: MentionIndex) -> frozenset[tuple[str, str]]:
    """:func:`left_bodies`, worked out."""
    ontology = index.ontology
    left: set[tuple[str, str]] = set()
    leavings = ontology.words("LeaveBodyVerb") | ontology.words("LeavingVerb")
    for verb in doc_tokens(doc):
        if verb.pos_ not in {"VERB", "AUX"} or not _done(verb):
            continue
        if phrasal_verb_in(verb, leavings):
            people = _subjects(verb, {"nsubj"})
            bodies = [c for c in verb.children if c.dep_ == "dobj"]
            bodies += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children
                       if g.dep_ == "pobj"]
        elif _dismiss_verb(verb, ontology):
            people = _subjects(verb, {"nsubjpass"}) + [c for c in verb.children if c.dep_ == "dobj"]
            bodies = [c for c in verb.children if c.dep_ == "nsubj"]
            bodies += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        else:
            continue
        named = [_entity(t, index) for body in bodies for t in _body_names(body, index)]
        if verb.lemma_.lower() in ontology.words("DeathVerb"):
            named = [_ANY_BODY]  # "X, who died in 2003": every post of X's is over
        for person in people:
            m = index.at(person)
            if m is None or index.mentions[m][0].type != "Person":
                continue
            left.update((_entity(person, index) or "", body) for body in named if body is not None)
    return frozenset(left)


def _body_names(body: Token, index: MentionIndex) -> list[Token]:
    """The tokens that may name the body a phrase is: "Kestrel", "the company" (a coreference's mention), the
    name on its noun of a body ("the Labour party", "Kestrel's board") or its "of" phrase ("the board of
    Kestrel")."""
    ontology = index.ontology
    bodies = ontology.words("BodyOfPeople") | ontology.words("FirmNoun") | ontology.words("PartyNameWord")
    if body.lemma_.lower() not in bodies:
        return [body]  # "X resigned the Kestrel Party whip": the whip, not the party
    names = [body, *(c for c in body.children if c.dep_ in {"compound", "poss", "nmod"})]
    return names + [g for c in body.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj"]


def _subjects(verb: Token, deps: set[str]) -> list[Token]:
    """A verb's subjects (of the dependencies ``deps``) and theirs conjuncts, a relative pronoun standing for the
    name its clause hangs on ("X, who resigned")."""
    subjects = [c for c in verb.children if c.dep_ in deps]
    subjects = [verb.head if s.lower_ in _RELATIVE and verb.dep_ == "relcl" else s for s in subjects]
    return subjects + [c for s in subjects for c in s.conjuncts]


def past_post(
    role: Role | None, title: str, holder: Token, body: Token, predicate: str, index: MentionIndex, over: bool
) -> Role | None:
    """The role of a person's post (worksFor, memberOf and the posts under them) made past where the text says
    it is over: ``over`` for a relational noun with no role that "former" or a leaving puts in the past ("ex-Kestrel
    MEP X", "former Yale historian X", "Labour MP X, who defected"), or a leaving of the body by the holder
    anywhere in the document (:func:`left_bodies`: "X, who was sacked by Norvik Air in 2003").  A role for a
    non-post link, or a holder no person, is kept as it is."""
    ontology = index.ontology
    if not _POSTS & {predicate, *ontology.properties[predicate].ancestors}:
        return role
    m = index.at(holder)
    if m is None or index.mentions[m][0].type != "Person":
        return role
    person, name = _entity(holder, index), _entity(body, index) or ""
    if any(p == person and _same_body(b, name) for p, b in left_bodies(holder.doc, index)):
        return Role(title=title, current=False) if role is None else replace(role, current=False)
    if (
        predicate == "memberOf" and _party(body, index) and _former_post_of_party(body, index)
        # "Former Labour MP X has died" (kgx:DeathVerb)
        and not any(t.pos_ == "VERB" and t.lemma_ in index.ontology.words("DeathVerb") for t in holder.sent)
    ):
        # "X, a former Labour minister": the post is over, not the membership (it is where X left the party,
        # above, or "ex-" is written onto its name: "ex-Labour MP X")
        return None if role is not None and not role.current else role
    if not over or (role is not None and not role.current):
        return role
    return Role(title=title, current=False) if role is None else replace(role, current=False)


def _party(body: Token, index: MentionIndex) -> bool:
    """Whether a post's body is a political party: one :func:`names_a_party` knows, or a name ending in "Party"
    ("the Kestrel Party")."""
    m = index.at(body)
    return names_a_party(body, index) or m is not None and index.mentions[m][0].text.endswith(" Party")


def _former_post_of_party(body: Token, index: MentionIndex) -> bool:
    """Whether a word of a former post stands right before a party's name, apart from it ("former Labour MP X",
    "a former Labour minister": the post is over, the membership may not be), not "ex-" written onto the name
    ("ex-Labour MP X": a member no more)."""
    m = index.at(body)
    start = index.mentions[m][1].start if m is not None else body.i
    before = body.doc[max(0, start - 2) : start]
    return any(t.lower_ in _FORMER and t.lower_ not in {"ex", "ex-"} and t.whitespace_ for t in before)


def _same_body(left: str, name: str) -> bool:
    """Whether the body left is the post's: the same name, or one that opens the other ("X quit the Labour Party"
    ends "Labour MP X"), or any body for a holder who died."""
    return left in {name, _ANY_BODY} or left.startswith(f"{name} ") or name.startswith(f"{left} ")


#: The body :func:`left_bodies` gives a holder whose death the document states: all of them.
_ANY_BODY = "\x00"


def _own_pronoun(subject: Token, holders_of: set[str | None], index: MentionIndex) -> bool:
    """ "X, a Kestrel officer, said ... since he defected": a "he" or "she" coreference left unlinked (another
    person earlier in the article fits it too) is the holder where the holder is the one person its sentence
    names."""
    if subject.lower_ not in {"he", "she"} or _entity(subject, index) is not None:
        return False
    named = {
        index.links.get(mention, mention).text
        for mention, _ in (index.mentions[m] for m in index.by_sentence.get(subject.sent.start, []))
        if mention.type == "Person" and mention.label not in UNNAMED
    }
    return len(named) == 1 and named <= holders_of


def replaced(holder: Token, title: Token, ontology: Ontology) -> bool:
    """Whether ``holder`` is the one a done succession took the post ``title`` from: the object of "X has replaced
    Y as chief executive", "Kestrel replaced Y as chairman in May" (kgx:SuccessionVerb); Y held the post before,
    X holds it now.  Not "X will replace Y as chairman": Y holds it still."""
    verb = holder.head
    return (
        holder.dep_ == "dobj"
        and verb.lemma_.lower() in ontology.words("SuccessionVerb")
        and _done(verb)
        and any(c.dep_ == "prep" and c.lower_ == "as" and title in c.subtree for c in verb.children)
    )


def ended_link(noun: Token, holders: list[Token], index: MentionIndex) -> bool:
    """Whether a relational noun with no role names a link that is over: "Y's former owner X", "a one-time
    partner of Y", "Y's ousted owner X" (the words of a former post, kgx:EndedPostWord)."""
    return said_former(noun) or _ousting_word(noun, holders, index.ontology)


def said_former(title: Token) -> bool:
    """Whether a word of a former post (``lexicon._FORMER``: "former", "ex-", "outgoing") stands before a title
    or on it: "former chief executive X", "the then chairman X", "Ex-Home Office Minister X" (the prefix
    opens the title's phrase); a role read off such a title is a past one."""
    # not a word of another noun's, the title's possessor: "the former chairman's assistant X" (the chairman was)
    other = {t.i for c in title.children if c.dep_ == "poss" for t in c.subtree}
    near = {*range(max(0, title.i - 3), title.i), *range(max(0, title.i - 6, title.left_edge.i), title.i)}
    words = {c.lower_ for c in title.lefts} | {c.lower_ for c in title.head.lefts if c.dep_ == "advmod"}
    # nor an "ex-" inside a name ("Orvana Ex-Press Ltd chairman X"; the NER's repair cuts one opening a name)
    words |= {t.lower_ for t in (title.doc[i] for i in near - other) if t.ent_iob_ != "I" or t.lower_ != "ex"}
    return bool(words & _FORMER)


def firms_link(subject: Token, obj: Token, index: MentionIndex) -> bool:
    """Whether both ends are organisations: a link that is over between them is dropped, while a person's
    ("the late founder of Y") may outlive its holder."""
    ends = [index.at(t) for t in (subject, obj)]
    return all(m is not None and index.ontology.is_a(index.mentions[m][0].type, "Organization") for m in ends)


def once_held(verb: Token, ontology: Ontology) -> bool:
    """ "Y, once owned by X", "X formerly ran Y": a verb of a lasting link (kgx:LastingVerb) put in the past; so is
    its gerund in a clause of time on a past act ("X committed the fraud while running Y", kgx:PastTimeWord)."""
    if verb.lemma_.lower() not in ontology.words("LastingVerb"):
        return False
    if verb.tag_ == "VBG" and verb.dep_ in {"advcl", "pcomp"}:
        # the time word marks the clause ("while running Y") or the parser makes it a preposition ("whilst")
        words = ontology.words("PastTimeWord")
        marked = any(c.dep_ == "mark" and c.lower_ in words for c in verb.children)
        act = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ in words else verb.head if marked else None
        return act is not None and act.tag_ == "VBD" and _done(act)
    return verb.tag_ in {"VBD", "VBN"} and _dated_once(verb, ontology)


def _dated_once(verb: Token, ontology: Ontology) -> bool:
    """ "once owned", "had formerly told": a verb put at a time now past by "once", "formerly", "previously"
    (kgx:OnceWord)."""
    once = ontology.words("OnceWord")
    return any(c.dep_ == "advmod" and c.lower_ in once for c in verb.children)


class Sales(NamedTuple):
    """What :func:`sold_units` found: (unit, seller) of each unit sold, (firm, buyer) of each firm bought."""

    sold: frozenset[tuple[str, str]]
    bought: frozenset[tuple[str, str]]


def sold_units(doc: Doc, index: MentionIndex, found: Iterable[RelationMention] = ()) -> Sales:
    """(unit, seller) of each sale the document states as done: "X sold Y to Z", "X has sold its Y unit", "Y was
    sold by X" (kgx:SaleVerb); not "X plans to sell Y", nor "X sold shares in Y" (a stake, no unit).  With the
    relations ``found``, also (firm, buyer) of each firm stated as bought ("Z, which acquired Y, the main unit of
    X"): Y is no unit of X, a firm other than its buyer, now."""
    links = index.links
    bought = frozenset(
        (links.get(r.object, r.object).text, links.get(r.subject, r.subject).text)
        for r in found if r.predicate == "acquired"
    )
    sold: set[tuple[str, str]] = set()
    for verb in doc_tokens(doc):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in index.ontology.words("SaleVerb") or not _done(verb):
            continue
        passive = any(c.dep_ == "nsubjpass" for c in verb.children)
        sellers = [c for c in verb.children if c.dep_ == "nsubj"]
        sellers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        units = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
        for unit in units:
            names = [unit] if index.at(unit) is not None else []
            if not names and unit.lemma_.lower() in index.ontology.words("UnitNoun"):
                # "its Y unit", "its Y insurance arm", "its unit Y": the names on the unit's noun
                names = [t for c in unit.children if c.dep_ in {"compound", "nmod", "appos"} for t in c.subtree]
                names = [t for t in names if t.dep_ != "poss" and index.at(t) is not None]
            for name in names:
                for seller in sellers:
                    pair = (_entity(name, index), _entity(seller, index))
                    if None not in pair:
                        sold.add(pair)  # type: ignore[arg-type]
    return Sales(frozenset(sold), bought)


def sold_off(relation: RelationMention, sales: Sales, index: MentionIndex) -> bool:
    """Whether a relation makes a unit the document says was sold, or bought by another firm, a subsidiary of its
    old owner."""
    if relation.predicate != "subsidiaryOf":
        return False
    links = index.links
    unit, owner = (links.get(m, m).text for m in (relation.subject, relation.object))
    return (unit, owner) in sales.sold or any(firm == unit and buyer != owner for firm, buyer in sales.bought)


def _ousting_word(title: Token, holders: list[Token], ontology: Ontology) -> bool:
    """ "Ousted chief executive X", "the sacked Kestrel chairman": a word before the title (or on the holder)."""
    words = ontology.words("EndedPostWord")
    before = title.doc[max(0, title.i - 6, title.left_edge.i) : title.i]
    near = [*before, *(c for c in title.children if c.dep_ == "amod")]
    near += [c for h in holders for c in h.children if c.dep_ == "amod" and c.i < h.i]
    return any(t.lower_ in words for t in near)


def _held_at_a_past_time(title: Token, ontology: Ontology) -> bool:
    """ "X was head of Y when the scandal broke", "X was chairman of Y until 2003": a title after a past "be"
    whose clause dates it by a time now over (not "X is head of Y", nor "X was named head of Y when ...")."""
    verb = title.head
    if title.dep_ != "attr" or verb.lemma_ != "be" or verb.tag_ != "VBD" or mood(verb) != "fact":
        return False
    past = ontology.words("PastTimeWord")
    return any(
        (c.dep_ == "advcl" and any(m.dep_ in {"advmod", "mark"} and m.lower_ in past for m in c.children))
        or (c.dep_ == "prep" and c.lower_ in past)
        for c in verb.children
    )


def _left_by(end: Token, phrase: set[int], ontology: Ontology) -> bool:
    """Whether the title or a holder ``end`` is the one a noun or verb of leaving is said of."""
    head = end.head
    if end.dep_ == "pobj" and head.lower_ == "of" and _leaving_noun(head.head, ontology):
        return True  # "the resignation of Kestrel chairman X"
    if end.dep_ == "pobj" and head.lower_ == "as":
        act = head.head
        if _leaving_noun(act, ontology):
            return True  # "X's resignation as chairman"
        if (_leaving_verb(act, ontology) or _dismiss_verb(act, ontology)) and _done(act):
            return True  # "X, who quit as chairman in May", "X was ousted as chairman"
    if end.dep_ == "relcl":
        return False
    token = end.head if end.dep_ == "appos" else end  # "X, chairman of Y, resigned": through the apposition
    clause = token.head
    if clause.pos_ not in {"VERB", "AUX"} or not _done(clause):
        return False
    if token.dep_ in {"nsubj", "nsubjpass", "dobj", "dative"} and _dated_once(clause, ontology):
        return True  # "X had once told fellow Kestrel board member Y": the post at that time
    if token.dep_ == "nsubj":
        return _leaving_verb(clause, ontology) and _leaves_this(clause, phrase) and not _other_post(clause, ontology)
    if token.dep_ in {"nsubjpass", "dobj"}:
        return _dismiss_verb(clause, ontology) and _leaves_this(clause, phrase)
    return False


def _leaves_this(verb: Token, phrase: set[int]) -> bool:
    """A verb of leaving with an "as" phrase, a "from" phrase or an object leaves that post or body only:
    "X resigned as chairman", "X quit Orvana" say nothing of X's other posts."""
    return not any(
        (child.dep_ == "dobj" or (child.dep_ == "prep" and child.lower_ in {"as", "from"}))
        and not any(t.i in phrase for t in child.subtree)
        for child in verb.children
    )


def _as_title(verb: Token, title: Token) -> bool:
    """ "She resigned as chairman": the verb's "as" phrase names the same title (and it has no other phrase
    that names what was left)."""
    scoped = [c for c in verb.children if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in {"as", "from"})]
    return bool(scoped) and all(
        c.lower_ == "as" and any(t.lemma_.lower() == title.lemma_.lower() for t in c.subtree) for c in scoped
    )


def _other_post(verb: Token, ontology: Ontology) -> bool:
    """Whether the leaving makes way for another post in the same clause: "X stepped down to become
    chairman", "X resigned and joined Orvana" (kgx:NewPostVerb, kgx:PromotionVerb)."""
    words = _new_post_verbs(ontology)
    return any(t is not verb and t.pos_ == "VERB" and t.lemma_.lower() in words for t in verb.subtree)


@per_ontology
def _new_post_verbs(ontology: Ontology) -> frozenset[str]:
    """The verbs of taking another post (kgx:NewPostVerb, kgx:PromotionVerb), joined once per ontology."""
    return ontology.words("NewPostVerb") | ontology.words("PromotionVerb")


def _leaving_verb(verb: Token, ontology: Ontology) -> bool:
    """ "resign", "quit", "step down", "stand aside": a verb whose subject leaves a post (kgx:LeavingVerb, by its
    lemma or with its particle)."""
    return verb.pos_ in {"VERB", "AUX"} and phrasal_verb_in(verb, ontology.words("LeavingVerb"))


def phrasal_verb_in(verb: Token, words: frozenset[str], also: frozenset[str] = frozenset()) -> bool:
    """Whether a verb's lemma, alone or with a particle or adverb of its own ("step down", "take over"; with
    ``also`` other dependents' words too), is one of a word list's entries."""
    lemma = verb.lemma_.lower()
    deps = {"prt", "advmod"} | also
    return lemma in words or any(f"{lemma} {c.lower_}" in words for c in verb.children if c.dep_ in deps)


def _dismiss_verb(verb: Token, ontology: Ontology) -> bool:
    """ "oust", "sack", "dismiss": a verb whose object leaves a post."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in ontology.words("DismissVerb")


def _leaving_noun(noun: Token, ontology: Ontology) -> bool:
    """ "resignation", "departure", "ouster": a noun of leaving a post, not one planned or to come ("the proposed
    departure of X", "the planned exit of X", "the impending retirement of X": kgx:ImpendingWord)."""
    coming = ontology.words("ImpendingWord")
    return (
        noun.pos_ == "NOUN" and noun.lemma_.lower() in ontology.words("LeavingNoun") and noun_mood(noun) == "fact"
        and not any(c.dep_ in {"amod", "compound"} and c.lower_ in coming for c in noun.children)
    )


def _done(verb: Token) -> bool:
    """Whether a verb states a past act as done: "resigned", "has stepped down", not "will resign", "did not
    quit", "is expected to step down"."""
    if verb.tag_ not in {"VBD", "VBN"} or any(c.dep_ == "neg" for c in verb.children):
        return False
    return mood(verb) == "fact"


def _entity(token: Token, index: MentionIndex) -> str | None:
    """The name of the entity a token's mention refers to (its coreference link's), if any."""
    m = index.at(token)
    if m is None:
        return None
    mention = index.mentions[m][0]
    return index.links.get(mention, mention).text
