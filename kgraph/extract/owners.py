"""Owners and what they own where the parse leaves the owner implicit.

Decides, for :mod:`kgraph.extract.frames`, who owns a firm when no "of" phrase or possessive says so: a bare
owner's or unit's noun before a name ("profits at parent Corvane Group", "a scandal at Japanese subsidiary
Daiwa Motors") is of the one other firm its sentence names before it; the names a plural relational noun
"includes" hold it ("Kestrel's subsidiaries include A and B", "its subsidiary brands include A"); a unit's
noun with an owner is the name before it ("Kestrel's Corvane unit", "its Corvane Life insurance arm"); a family
apposed to an owner's noun goes by its surname ("Y's owners, the Vidal family") and people apposed to a noun
apposed to it hold it ("Y's shareholders, the businessmen A and B"); and the noun of a relative clause opened by a
preposition ("Y, in which X holds 44%") is that preposition's object, never the verb's; a holding of "Y's shares" is
one of Y, and a relative clause on a firm's noun with the firm's name on it is the firm's ("the Kestrel group, which
owns 30% of Y"); a verb of buying that takes the whole of a firm ("bought 100% of Y") bought the firm; and a name in
a kin noun's "of" phrase is the kin's ("X, the son of a Kestrel Bank manager": X works for no one there).
Example: in "Weak sales at Corvane Mobile hurt profits at parent Kestrel Holdings.", "parent" before Kestrel
Holdings owns Corvane Mobile, the one other firm named before it: Corvane Mobile subsidiaryOf Kestrel Holdings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.extract.lexicon import _FORMER, ANY_NOUN
from kgraph.extract.mention_index import UNNAMED, MentionIndex, firm_class
from kgraph.extract.moods import mood
from kgraph.ontology import Ontology, per_ontology

if TYPE_CHECKING:
    from spacy.tokens import Token


def family_noun(noun: Token, ontology: Ontology) -> bool:
    """Whether ``noun`` is one of a family a surname names (``kgx:FamilyNoun``: "the Vidal family", "the Berg
    clan")."""
    return noun.lemma_.lower() in ontology.words("FamilyNoun")


def kins_name(kin: Token, name: Token, index: MentionIndex) -> bool:
    """Whether a name in a kin noun's "of" phrase belongs to the kin, not to the person the noun describes: a
    name before the phrase's noun ("the son of a Kestrel Bank manager") or one the parser made the phrase's
    object though a noun follows it ("the son of a Church of Norway Minister")."""
    phrase = name.head if name.dep_ == "compound" and name.head.dep_ == "pobj" else name
    if phrase.dep_ != "pobj" or phrase.head.lower_ != "of" or phrase.head.head != kin:
        return False
    if phrase is not name:
        return True
    m = index.at(name)
    end = index.mentions[m][1].end if m is not None else name.i + 1
    after = name.doc[end] if end < len(name.doc) else None
    return after is not None and after.pos_ in {"NOUN", "PROPN"} and index.at(after) is None


def relative_prep(verb: Token) -> Token | None:
    """The preposition whose object is the clause's relative pronoun: "in" of "Y, in which X owns a stake" (the
    noun is the phrase's object, not the verb's)."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "prep" and any(o.dep_ == "pobj" and o.tag_ in {"WDT", "WP"} for o in c.children)
        ),
        None,
    )


def apposed_names(nouns: list[Token], index: MentionIndex) -> list[Token]:
    """The names common nouns in apposition stand for: "the Vidal family" goes by Vidal; "the Irish businessmen
    Tomas Vidal and Pedro Alves" are those people (the first; the list is expanded later)."""
    out: list[Token] = []
    for c in nouns:
        if c.pos_ != "NOUN" or index.at(c) is not None:
            continue
        if family_noun(c, index.ontology):
            out.extend(g for g in c.children if g.dep_ == "compound" and index.at(g) is not None)
        else:
            out.extend(g for g in c.children if g.dep_ == "appos" and index.at(g) is not None)
    return out


def included(noun: Token, index: MentionIndex) -> list[Token]:
    """What a plural relational noun "includes": "Kestrel's subsidiaries include X and Y", "its shareholders
    include X" (each holds it); not a past holder ("its past owners include X"), nor a noun only the wildcard
    pattern reads ("its film releases include X")."""
    if (
        noun.dep_ == "nsubj"
        and noun.tag_ == "NNS"
        and noun.head.lemma_ == "include"
        and mood(noun.head) == "fact"
        and _relational(noun, index.ontology)
        and not any(c.lower_ in _FORMER for c in noun.children)
    ):
        return [c for c in noun.head.children if c.dep_ == "dobj"]
    return []


def _relational(noun: Token, ontology: Ontology) -> bool:
    """Whether a noun is a relational noun the patterns name, by its lemma ("subsidiaries") or by the noun
    before it ("subsidiary brands": the pattern's trigger says which such pairs are read)."""
    nouns = _named_relational_nouns(ontology)
    return noun.lemma_.lower() in nouns or any(
        c.dep_ == "compound" and c.i == noun.i - 1 and c.lemma_.lower() in nouns for c in noun.lefts
    )


def unit_names(noun: Token, index: MentionIndex) -> list[Token]:
    """The names a unit's noun (kgx:UnitNoun) with an owner is: "Kestrel's Corvane unit", "its Luxembourg-based
    Corvane unit", and the name before the business's noun of "its Corvane Life insurance arm" (the parser hangs
    the name on "insurance"). Only with an owner, a possessive or an "of" phrase: "the Corvane unit" may be the
    unit Corvane owns as well ("selling the Corvane unit to X"); and only a name right before the noun or its one
    lower-case noun."""
    if noun.lemma_.lower() not in index.ontology.words("UnitNoun") or not any(
        c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of" for c in noun.children
    ):
        return []
    names: list[Token] = []
    for c in noun.lefts:
        m = index.at(c)
        if c.dep_ == "compound" and m is not None:
            names.append(c)
        elif c.dep_ == "nmod" and m is not None and _business_between(index.mentions[m][1].end, noun):
            names.append(c)  # "its Corvane Life & Pension insurance arm": the parser hangs a name with "&" so
        elif c.dep_ == "compound" and c.pos_ == "NOUN" and c.is_lower and c.i == noun.i - 1:
            # the name right before the business's noun, however the parser hangs its words on it
            on_business = {
                gm: g
                for g in c.lefts
                if g.dep_ in {"compound", "nmod"}
                and (gm := index.at(g)) is not None
                and index.mentions[gm][1].end == c.i
            }
            names.extend(on_business.values())
    return names


def _business_between(end: int, noun: Token) -> bool:
    """Whether a name ending at ``end`` stands right before a unit's noun or before one lower-case noun before it
    ("Corvane Life & Pension insurance arm")."""
    between = noun.doc[end : noun.i]
    return len(between) <= 1 and all(t.pos_ == "NOUN" and t.is_lower for t in between)


@per_ontology
def _named_relational_nouns(ontology: Ontology) -> frozenset[str]:
    """The one-word triggers the relational-noun patterns name ("subsidiary", "shareholder"; not "*", any noun)."""
    return frozenset(
        t
        for p in ontology.patterns
        if p.frame == "RelationalNoun"
        for t in p.triggers
        if t != ANY_NOUN and " " not in t
    )


@per_ontology
def _owner_nouns(ontology: Ontology) -> tuple[str, ...]:
    """The nouns of an owner (kgx:OwnerNoun) and of a unit (kgx:UnitNoun), longest first."""
    return tuple(sorted(ontology.words("OwnerNoun") | ontology.words("UnitNoun"), key=len, reverse=True))


def _owner_noun(noun: Token, ontology: Ontology) -> str | None:
    """The owner's or unit's noun ``noun`` ends ("parent", "parent company"), by lemma or with the words before it."""
    phrase = " ".join([*(c.lower_ for c in noun.lefts if c.dep_ == "compound"), noun.lower_])
    return next(
        (w for w in _owner_nouns(ontology) if w in {noun.lemma_.lower(), noun.lower_} or phrase.endswith(w)), None
    )


def owned_in_reach(noun: Token, index: MentionIndex) -> list[Token]:
    """The firm a bare owner's or unit's noun before a name is of ("hit profits at parent Corvane Group", "said
    owner Tomas Vidal", kgx:OwnerNoun; "a scandal at Japanese subsidiary Daiwa Motors", kgx:UnitNoun): the one
    organisation other than the name's own named before it in its sentence (by its name; a government body is no
    firm). Not with a determiner or a possessor ("its parent", "a subsidiary"), which say whose it is or leave
    it open, nor a former one ("bought by former subsidiary X"), nor when the sentence names two firms before it."""
    if noun.dep_ != "compound" or index.at(noun.head) is None or noun.head.i < noun.i:
        return []
    trigger = _owner_noun(noun, index.ontology)
    if trigger is None:
        return []
    own = set(trigger.split())
    # the parser hangs "former" and "a" on the name as often as on the noun; a word before the noun says what is
    # owned ("nightclub owner X", "Dorran Party subsidiary X"), no firm named before
    before = [*noun.children, *(d for d in noun.head.children if d.i < noun.i)]
    if any(
        d.dep_ in {"det", "poss", "nmod"}
        or d.lower_ in _FORMER
        or d.dep_ == "compound"
        and d.lower_ not in own
        or d.dep_ == "amod"
        and d.pos_ == "PROPN"
        for d in before
    ):
        return []
    owner = index.at(noun.head)
    firms: dict[str, Token] = {}
    for m in index.by_sentence.get(noun.sent.start, []):
        mention, span = index.mentions[m]
        if m != owner and span.end <= noun.i and _named_firm(m, index):
            if any(t.pos_ == "CCONJ" for t in span):
                return []  # "Kestrel and Orbitel" taken for one name by the NER is two firms
            firms[mention.text.lower()] = span.root
    return list(firms.values()) if len(firms) == 1 else []


def _named_firm(m: int, index: MentionIndex) -> bool:
    """Whether mention ``m`` names a firm by its name (not "it" nor "the company"; no government body)."""
    mention = index.mentions[m][0]
    return mention.label not in UNNAMED and firm_class(mention.type, index.ontology)


def noun_name(noun: Token, index: MentionIndex) -> Token:
    """The name an organisation's noun that is no mention goes by, where that name is written on it: the relative
    clause of "the Halvik group, which owns 30% of Y" is about Halvik; else the noun itself ("the firm, which ...",
    "the Oslo council, which ...": a place's name on the noun is no firm's)."""
    if noun.pos_ != "NOUN" or index.at(noun) is not None:
        return noun
    ontology = index.ontology
    if not any(ontology.is_a(cls, "Organization") for cls in ontology.classes_for_descriptor(noun.lemma_.lower())):
        return noun
    named = [
        index.mentions[m][1].root
        for c in noun.children
        if c.dep_ == "compound"
        and c.i < noun.i
        and (m := index.at(c)) is not None
        and _named_firm(m, index)
        and index.mentions[m][1].end == noun.i
    ]
    return named[0] if len(named) == 1 else noun


def shares_owner(noun: Token, index: MentionIndex) -> Token:
    """The firm whose shares a holding's "of" phrase names: "owns 6.7% of Halvik's shares" is a part of Halvik
    (a firm's possessive on "shares" with no "in" phrase; not "of its shares", left to coreference); else the noun
    itself."""
    if noun.lemma_.lower() != "share" or noun.tag_ != "NNS" or index.at(noun) is not None:
        return noun
    if any(c.dep_ == "prep" and c.lower_ == "in" for c in noun.children):
        return noun  # "12% of Halvik's shares in Y": Halvik holds them, Y is the firm
    owners = [
        c
        for c in noun.children
        if c.dep_ == "poss"
        and (m := index.at(c)) is not None
        and _named_firm(m, index)
    ]
    return owners[0] if len(owners) == 1 else noun


def whole_bought(verb: Token, ontology: Ontology) -> bool:
    """Whether a verb of buying (kgx:BuyVerb) takes the whole of a firm as its holding: "bought 100% of Y", "has
    bought all of Y" is Y bought, not a stake in it ("bought 15% of Y", "owns 100% of Y" are holdings)."""
    if verb.lemma_.lower() not in ontology.words("BuyVerb"):
        return False
    for c in verb.children:
        if c.dep_ != "dobj" or not any(p.dep_ == "prep" and p.lower_ == "of" for p in c.children):
            continue
        if c.lower_ == "all" or c.text == "%" and any(n.dep_ == "nummod" and n.text == "100" for n in c.children):
            return True
    return False
