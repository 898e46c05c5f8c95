"""Posts: what a title makes its holder, when not the post its pattern names in the organisation named.

Decides a post's scope for kgraph.extract.relations, by named rules tried in order (the first that says
something decides): "Shadow Home Secretary X", "X, the architect of the reform" and a post yet to be taken up
("the incoming president of Y", "Y's chief executive designate", "new chief executive X, who will take over in
May": kgx:FutureTitleWord, kgx:TakeOverVerb) hold no post; a staff title in a party ("Labour's campaign
spokesman X", "the Kellish Green Party's health spokeswoman X") is a member's; "Leader of the House X",
"leader of the Liberals in the assembly" and "former Labour minister X" are members (memberOf) of the party or
chamber; "Kestrel committee chairman X" chairs the committee, no post in Kestrel, and "the chairman of
Kestrel's planning committee" is Kestrel's member or staff, no head of it; "current Orbitel director X" (a
firm's director with no function word) sits on its board (staff); "managing director of Orbitel in the UK",
"Home Office minister X", "X, European boss of Orbix" and "Kestrel Bank vice president X" hold the pattern's
lesser post (its kgx:subordinate, worksFor). The rules' words are lists of ``ontology/words.ttl``
(kgx:Chamber, kgx:Assembly, kgx:Committee, kgx:FigurativePart, kgx:PublicOffice, kgx:DepartmentNoun).
Also tells kgraph.extract.relations which titles are a party's posts: a party's possessive or word before the
title ("Labour's chief whip", "the party's Treasury spokesman": :func:`is_party_post`), or a party officer's title
in parties (kgx:PartyOfficerTitle, "Labour party chairman X": :func:`party_officer`).
Example: in "Labour mayor Anna Weber spoke.", Anna Weber is memberOf Labour, not its head.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from kgraph.extract.ended_posts import phrasal_verb_in
from kgraph.extract.firm_posts import called_a_firm, member_bodies
from kgraph.extract.frames import _Index
from kgraph.extract.lexicon import _CONTINENT_ADJECTIVES, _COUNTRY_NAMES, ANY_NOUN
from kgraph.extract.mention_index import UNNAMED
from kgraph.extract.party_names import names_a_party
from kgraph.extract.titles import _committee_title, _lesser_post, _post_place
from kgraph.extract.unit_posts import named_committee, unnamed_unit_at
from kgraph.ontology import Ontology, Pattern

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "SPOKES", "Scope", "Post", "future_title", "is_party_post", "names_a_party", "own_body_phrase", "party_officer",
    "post_scope",
]


def _office_titles(ontology: Ontology) -> frozenset[str]:
    """Titles of a government post ("minister", "secretary"): kgx:titleWord of kg:GovernmentBody."""
    government = ontology.classes.get("GovernmentBody")
    return government.title_words if government is not None else frozenset()


def _minister_of_a_side(title: Token, objects: list[Token], index: _Index, ontology: Ontology) -> bool:
    """Whether a lower-case government title follows the name of a body that is no government body:
    "Labour minister X", "Home Office minister X" (capitalised too after a name that says it is a body:
    "Home Office Minister X" is one of its ministers); or a public office follows a party's name: "Labour
    mayor X"."""
    if title.lower_ in ontology.words("PublicOffice"):
        return any(o.i < title.i and _party(o, index) for o in objects)
    return title.lower_ in _office_titles(ontology) and any(
        o.i < title.i
        and (m := index.at(o)) is not None
        and not ontology.is_a(index.mentions[m][0].type, "GovernmentBody")
        and (title.is_lower or bool(index.kinds(m, called=False) & ontology.words("DepartmentNoun")))
        for o in objects
    )


def _chamber(name: Token, index: _Index) -> bool:
    """Whether a name is a legislative chamber's ("the House of Commons", "the Senate"; kgx:Chamber)."""
    m = index.at(name)
    return m is not None and bool(index.kinds(m, called=False) & index.ontology.words("Chamber"))


def _figurative(noun: Token, ontology: Ontology) -> bool:
    """Whether a noun (kgx:FigurativePart) is "the <noun> of Y" used of a part in making Y: "the architect of the
    reform" (not "the chief architect of Y", nor "an architect at Y")."""
    return (
        noun.lemma_.lower() in ontology.words("FigurativePart")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
        and not any(c.dep_ in {"amod", "compound", "poss"} for c in noun.children)
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    )


def _party(name: Token, index: _Index) -> bool:
    m = index.at(name)
    # by the name alone: "EU trade commissioner X" holds a post in the EU, whatever else it is called
    return m is not None and bool(index.kinds(m, called=False) & member_bodies(index.ontology))


#: ``"none"``: no post in it (the pattern states nothing); ``"group"``: a member of it (memberOf);
#: ``"branch"``: the pattern's lesser post in it (its kgx:subordinate, e.g. worksFor for a head's title).
Scope = Literal["none", "group", "branch"]


@dataclass(frozen=True)
class Post:
    """A title a relational-noun pattern fired at, and the names it found the post in: what a scope rule reads."""

    title: Token
    trigger: str
    pattern: Pattern
    objects: list[Token]
    index: _Index


def _shadow_portfolio(post: Post) -> Scope | None:
    """ "Shadow Home Secretary X": an opposition portfolio, no post in the department."""
    title = post.title
    doc = title.doc
    return "none" if any(doc[i].lower_ == "shadow" for i in range(title.left_edge.i, title.i)) else None


def future_title(title: Token, ontology: Ontology) -> bool:
    """Whether a title is a post its holder is yet to take up: "the incoming president of Y", "Y's chief executive
    designate", "president-elect of Y" (kgx:FutureTitleWord before the title, or after it, hyphened or not); not
    "Kestrel's new chief executive X"."""
    doc = title.doc
    future = ontology.words("FutureTitleWord")
    after = [title.i + 1, title.i + 2] if title.i + 2 < len(doc) and doc[title.i + 1].text == "-" else [title.i + 1]
    words = [doc[i] for i in [*range(title.left_edge.i, title.i), *after] if i < len(doc)]
    # (the parser may make the word itself the head: "chief executive designate", "president-elect")
    return any(w.lower_ in future for w in [*words, title, title.head])


def _future_post(post: Post) -> Scope | None:
    """ "the incoming president of Y", "Y's chief executive designate", "Y's new chief executive X, who will take
    over in May": no post in Y now ("a prospective Labour MP" is a member of the party already)."""
    ontology = post.index.ontology
    future = post.pattern.property != "memberOf" and (
        future_title(post.title, ontology) or _taking_over(post.title, ontology)
    )
    return "none" if future else None


def _taking_over(title: Token, ontology: Ontology) -> bool:
    """Whether the title's holder is said in a relative clause to take the post up later: "new chief executive X,
    who will take over in May", "X, Y's new chairman, who will succeed Z" (kgx:TakeOverVerb after "will"); not
    "chief executive X, who will step down in May"."""
    holders = [title, *([title.head] if title.dep_ in {"compound", "appos"} else [])]
    words, future = ontology.words("TakeOverVerb"), ontology.words("FutureAuxiliary")
    for verb in (c for h in holders for c in h.children if c.dep_ == "relcl"):
        later = any(c.dep_ == "aux" and c.lower_ in future for c in verb.children)
        if later and phrasal_verb_in(verb, words, frozenset({"dobj"})):  # "take charge"
            return True
    return False


def _figurative_part(post: Post) -> Scope | None:
    """ "X, the architect of the health service" (any noun's pattern): a part in making it, no post in it."""
    return "none" if post.trigger == ANY_NOUN and _figurative(post.title, post.index.ontology) else None


def _chamber_leader(post: Post) -> Scope | None:
    """ "Leader of the House X", "Senate majority leader X": leads a side or the business in the chamber and
    holds a seat in it (its head is its speaker)."""
    objects = post.objects
    return "group" if post.trigger == "leader" and objects and all(_chamber(o, post.index) for o in objects) else None


def _committee_chair(post: Post) -> Scope | None:
    """ "Kestrel committee chairman X" chairs the committee, not what it is named after or looks into."""
    return "none" if _committee_title(post.title, post.index) else None


def _chair_of_a_bodys_committee(post: Post) -> Scope | None:
    """ "the chairman of the Harbour Council's planning committee, X": chairs one committee of the body, no head of
    it; a member of a body of members, else (a firm's audit committee) its staff."""
    index = post.index
    committees = index.ontology.words("Committee")
    owned = [
        pobj for prep in post.title.children if prep.dep_ == "prep" and prep.lower_ in {"of", "for"}
        for pobj in prep.children
        if pobj.dep_ == "pobj" and pobj.lemma_.lower() in committees and index.at(pobj) is None
        and any(c.dep_ == "poss" and index.at(c) is not None for c in pobj.children)
    ]
    if not owned:
        return None
    return "group" if any(_party(o, index) for o in post.objects) else "branch"


def _chair_of_a_sub_body(post: Post) -> Scope | None:
    """ "the chairman of the working party, X", "the chair of the task force": a post in a sub-body with no owner
    named (kgx:Committee, kgx:SubBodyNoun), no post in the body an earlier sentence named (or "the party" read as
    it); "the chairman of its panel" and "of the Harbour Council's committee" are read by other rules."""
    ontology = post.index.ontology
    sub_bodies = ontology.words("SubBodyNoun")
    for prep in post.title.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"of", "for"}:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or pobj.pos_ != "NOUN" or any(c.dep_ == "poss" for c in pobj.children):
                continue
            m = post.index.at(pobj)
            if m is not None and post.index.mentions[m][0].label not in UNNAMED:
                continue  # a committee named ("the Commons transport committee"): its chair heads it
            words = [c.lower_ for c in pobj.children if c.dep_ in {"compound", "amod"} and c.i < pobj.i]
            phrase = " ".join([*words[-1:], pobj.lemma_.lower()])
            if pobj.lemma_.lower() in ontology.words("Committee") or phrase in sub_bodies:
                return "none"
    return None


def _firm_director(post: Post) -> Scope | None:
    """ "current Orbitel director X", "X, a director of Kestrel Bank": a firm's director with no function word is a
    member of its board (its staff), unlike "director of the Harbour Trust", "managing director" or "finance
    director" (other rules and patterns); a firm is a name the document calls one (kgx:FirmNoun)."""
    if post.trigger != "director" or not post.objects:
        return None
    index = post.index
    names = [index.mentions[m][0].text.lower() for o in post.objects if (m := index.at(o)) is not None]
    return "branch" if names and all(called_a_firm(n, index) for n in names) else None


def _in_assembly_or_country(post: Post) -> Scope | None:
    """ "leader of the Liberals in the assembly" leads the party's group there (a member of the party);
    "managing director of Orbitel in the UK" runs its branch there (staff of Orbitel)."""
    place = _post_place(post.title, post.objects, post.index)
    return "group" if place == "group" else "branch" if place == "branch" else None


#: Adjectives of a continent that say a head's post covers a region of the firm: "Orbix's European boss X" (not
#: "American", which news also writes for the US, nor "Arab").
_REGIONS = _CONTINENT_ADJECTIVES - {"american", "arab"}


def _regional_title(post: Post) -> Scope | None:
    """ "X, European boss of Orbix", "the UK chief executive of Orbix": a head of the firm's business in a
    region or country, staff of the firm (its lesser post), not its head."""
    index = post.index
    names = {index.at(o) for o in post.objects}
    regional = [
        c for c in post.title.children
        if c.dep_ == "amod" and c.lower_ in _REGIONS
        # (not a word of the organisation's own name: "US Treasury Secretary X" heads the US Treasury)
        or c.dep_ in {"compound", "nmod"} and c.lower_ in _COUNTRY_NAMES and c.i < post.title.i
        and (index.at(c) is None or index.at(c) not in names)
    ]
    return "branch" if regional else None


def _minister_of_a_side_or_party(post: Post) -> Scope | None:
    """ "former Labour minister X", "Labour mayor X": a minister from the party or a party's member in a
    public office (a member of it); "Home Office minister X": one of the department's ministers (a "Health
    Minister", capitalised, holds the office)."""
    if not _minister_of_a_side(post.title, post.objects, post.index, post.index.ontology):
        return None
    return "group" if any(_party(o, post.index) for o in post.objects) else "branch"


def _lesser_title(post: Post) -> Scope | None:
    """ "Kestrel Bank vice president Tomas Vidal": a lesser post by its title's words (see titles._lesser_post)."""
    index = post.index
    return "branch" if _lesser_post(post.title, post.trigger, post.pattern, index, index.ontology) else None


def _party_staff_title(post: Post) -> Scope | None:
    """ "Republican senator X", "Labour's campaign spokesman X", "Liberal Democrat deputy leader X", "the Kellish
    Green Party's health spokeswoman X": a staff title (kg:worksFor) or a lesser post in a party named by its word
    (kgx:PartyWord) or called a party before the title is held by a member of the party, not its employee ("an
    adviser for Labour" may be one; "Kestrel Trust spokeswoman X" works for the trust)."""
    index = post.index
    pattern = post.pattern
    if not post.objects or any(o.i > post.title.i for o in post.objects):
        return None
    if pattern.property != "worksFor" and not (pattern.subordinate == "worksFor" and _lesser_title(post) == "branch"):
        return None
    parties = index.ontology.words("PartyWord")

    def party(o: Token) -> bool:
        # by its word ("Labour", "the Tories") or by its name's head word or what the text calls it ("the Kellish
        # Green Party's health spokeswoman", "the party's Treasury spokesman")
        if (m := index.at(o)) is None:
            return False
        text = index.mentions[m][0].text.lower()
        return text in parties or text.rstrip("s") in parties or "party" in index.kinds(m)

    return "group" if all(party(o) for o in post.objects) else None


def _named_committee(post: Post) -> Scope | None:
    """ "Culture select committee chairman X": no post in what the committee is named after (unit_posts.py)."""
    return named_committee(post.title, post.objects, post.index)


def _unnamed_unit_at(post: Post) -> Scope | None:
    """ "X, head of press at Velvet Records": a lesser post in the label (unit_posts.py)."""
    return unnamed_unit_at(post.title, post.index)


#: The scope rules, tried in this order until one says something: for every title ...
_ANY_POST_RULES: tuple[Callable[[Post], Scope | None], ...] = (
    _shadow_portfolio,
    _future_post,
    _figurative_part,
    _named_committee,
    _party_staff_title,
)
#: ... then, for a pattern that has a lesser post (kgx:subordinate), these.
_LESSER_POST_RULES: tuple[Callable[[Post], Scope | None], ...] = (
    _chamber_leader,
    _committee_chair,
    _chair_of_a_bodys_committee,
    _chair_of_a_sub_body,
    _firm_director,
    _in_assembly_or_country,
    _regional_title,
    _minister_of_a_side_or_party,
    _unnamed_unit_at,
    _lesser_title,
)


def post_scope(post: Post) -> Scope | None:
    """What a title makes its holder (see :data:`Scope`), or None for the pattern's own post in the names."""
    rules = _ANY_POST_RULES + (_LESSER_POST_RULES if post.pattern.subordinate is not None else ())
    return next((scope for rule in rules if (scope := rule(post)) is not None), None)


#: A party's spokesperson's titles: "the party's Treasury spokesman" names the portfolio, no body.
SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def is_party_post(title: Token, index: _Index) -> bool:
    """Whether ``title`` is a party's post: a party's possessive or word before it ("Labour's chief whip",
    "the party's spokesman", "Tory Treasury spokesman")."""
    return any(
        names_a_party(t, index)
        for c in title.children
        if c.dep_ in {"poss", "compound", "amod", "nmod"} and c.i < title.i
        for t in c.subtree
    )


def party_officer(title: Token, objects: list[Token], index: _Index) -> bool:
    """Whether ``title`` is an officer's post in parties, not their leader's (kgx:PartyOfficerTitle): "Labour party
    chairman X", "Lib Dem president Y", "the chairman of the Kestrel party" (a name the word "party" follows)."""
    officers = index.ontology.words("PartyOfficerTitle")
    if not objects or not (title.lemma_.lower() in officers or title.lower_ in officers):
        return False
    doc = title.doc
    return all(
        names_a_party(o, index) or (m := index.at(o)) is not None and (end := index.mentions[m][1].end) < len(doc)
        and doc[end].lower_ == "party"
        for o in objects
    )


def own_body_phrase(title: Token) -> bool:
    """Whether the title has a "to" or "of" phrase of its own ("Chief Secretary to the Treasury", "Minister of
    State"), wherever the parser hung it."""
    nxt = title.nbor(1) if title.i + 1 < len(title.doc) else None
    return any(c.dep_ == "prep" and c.lower_ in {"to", "of"} for c in title.children) or (
        nxt is not None and nxt.lower_ in {"to", "of"}
    )
