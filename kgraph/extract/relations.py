"""Relations: the ontology's patterns applied to the parse, with a confidence each.

Decides which relations a document states: for each trigger word of a pattern in ``ontology/patterns.ttl`` (and
each pattern read off a whole sentence), the frame gives the subject and object names (one reader per frame, then
the conjuncts the frame's phrase reaches; a title's post by its scope, kgraph.extract.posts); a relation is kept
when both ends fit the pattern's and the property's types, with the pattern's confidence (its value measured on
train data in ``ontology/calibration.ttl``, else the hand-set one); the ontology's property chains then add one
step ("a firm in Bellport, Ore." is based in Oregon), and a relation implied by a more specific one from the same
sentence is dropped.  Example: "Maria Lopez, chief executive of Orbitel, ..." gives Maria Lopez ceoOf Orbitel.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from kgraph.extract.countries import double_nationality
from kgraph.extract.datelines import _dateline_pairs, _source_line
from kgraph.extract.doc_text import doc_tokens, sentence_bounds
from kgraph.extract.ended_posts import (
    ended,
    ended_link,
    firms_link,
    once_held,
    past_post,
    replaced,
    sold_off,
    sold_units,
)
from kgraph.extract.firm_posts import called_a_firm, its_firm, unlinked_its
from kgraph.extract.frames import (
    _any_noun,
    _attribute,
    _conjuncts,
    _copula_mood,
    _event_parties,
    _expand,
    _holders,
    _Index,
    _inside_name,
    _matches,
    _named_in,
    _noun_objects,
    _prep_objects,
    _role_of,
    _role_tokens,
    event_mood,
    noun_mood,
)
from kgraph.extract.glued_names import clock_zone
from kgraph.extract.lexicon import _CONTINENTS, ANY_NOUN
from kgraph.extract.list_items import list_items
from kgraph.extract.moods import deal_mood
from kgraph.extract.name_countries import country_in_name
from kgraph.extract.offices import SAID_BY_ADJECTIVE, office_role
from kgraph.extract.owners import kins_name, whole_bought
from kgraph.extract.pair_guards import brand_name, epithet_of, party_name_adjective, possessed_title, state, state_title
from kgraph.extract.parent_names import parent_in_name
from kgraph.extract.places import (
    _bracket_place,
    _place_chain,
    _place_in_name,
    country_in_a_town,
    facility,
    part_of_a_country,
)
from kgraph.extract.posts import (
    SPOKES,
    Post,
    future_title,
    is_party_post,
    names_a_party,
    own_body_phrase,
    party_officer,
    post_scope,
)
from kgraph.extract.seat_names import is_seat
from kgraph.extract.speaker_posts import speaker_at
from kgraph.extract.supply_deals import supply_pairs
from kgraph.extract.title_shapes import board_seat, field_joined_title, past_closing_dash, verb_tagged_title
from kgraph.extract.titles import (
    _names_a_work,
    _organisation_nouns,
    _own_title,
    _owned_unit,
    _title_before_name,
    _title_phrase,
)
from kgraph.extract.unit_posts import unit_at
from kgraph.extract.work_names import plays_a_role
from kgraph.models import Mention, RelationMention, Role
from kgraph.ontology import Ontology, Pattern, per_ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["find_relations"]


def find_relations(
    doc: Doc, mentions: list[tuple[Mention, Span]], ontology: Ontology, links: dict[Mention, Mention] | None = None
) -> list[RelationMention]:
    """Relations stated in ``doc`` between ``mentions``, one per (pattern, pair, sentence).

    ``links`` (coreference, :func:`kgraph.extract.coref.link_mentions`) lets a bare title find its firm
    through "it" and "the company" in the sentences before it."""
    index = _Index({}, mentions, ontology, links=dict(links or {}))
    for n, (_, span) in enumerate(mentions):
        if clock_zone(span):
            continue  # "at 1330 GMT in Zurich": a time, no party to a relation
        for token in span:
            index.by_token.setdefault(token.i, n)
        index.by_sentence.setdefault(sentence_bounds(doc)[span.start][0], []).append(n)
    triggers, attributes, sentence_patterns = _pattern_index(ontology)
    owned = _owned_nouns(ontology)
    # an attribute pattern reads a name at its root token only (frames._attribute): its other tokens are skipped
    roots = {i for i, n in index.by_token.items() if index.roots[n] == i}
    found: dict[tuple[int, str, int], RelationMention] = {}
    headline_attributes = _headline_attributes(ontology)
    for sent in doc.sents:
        headline = _headline(sent)
        for token in doc_tokens(doc)[sent.start : sent.end]:
            lower, lemma = token.lower_, token.lemma_.lower()
            candidates = triggers.get(lower, []) + triggers.get(lemma, [])
            if _any_noun(token) and lemma not in owned and lower not in owned and not headline:
                candidates = candidates + triggers.get(ANY_NOUN, [])
            if candidates and not _inside_name(token, index):  # "District" in "Seongdong District" is a name
                done: set[int] = set()
                for pattern, trigger in candidates:
                    if id(pattern) in done or not _matches(token, (trigger,)):
                        continue
                    if trigger == ANY_NOUN and (lemma in pattern.exceptions or lower in pattern.exceptions):
                        continue
                    done.add(id(pattern))
                    for subj, obj, role, predicate in _apply(pattern, token, trigger, index, ontology):
                        _add(found, pattern, subj, obj, sent, role, index, ontology, predicate)
            if token.i in index.by_token:
                root = token.i in roots
                for pattern in headline_attributes if headline else attributes:
                    if not root and pattern.frame == "Attribute":
                        continue
                    for subj, obj, role, predicate in _apply(pattern, token, "", index, ontology):
                        _add(found, pattern, subj, obj, sent, role, index, ontology, predicate)
        for pairs, pattern in sentence_patterns:
            for subj, obj in pairs(sent, pattern, index):
                _add(found, pattern, subj, obj, sent, None, index, ontology)
    chained = _chain(found, ontology)
    if any(r.predicate == "subsidiaryOf" for r in chained.values()):
        sold = sold_units(doc, index, chained.values())  # "X sold Y to Z", "Z bought Y": Y is no unit of X now
        chained = {k: r for k, r in chained.items() if not sold_off(r, sold, index)}
    return _drop_implied(sorted(_without_seats(chained, index).values()), ontology)


def _without_seats(
    found: dict[tuple[int, str, int], RelationMention], index: _Index
) -> dict[tuple[int, str, int], RelationMention]:
    """The relations less a person's to a seat or a peer's title's place (kgraph.extract.seat_names): "Cardmore
    North's Dana Kell", "Lord Kell of Westbridge" say what the person represents or is titled after, not where
    they live or work."""
    spans = {mention: span for mention, span in index.mentions}
    return {
        key: rel for key, rel in found.items()
        if not (rel.subject.type == "Person" and is_seat(spans[rel.object], index.ontology))
    }


#: Words that make an owner a part owner: "half owned by X", "jointly owned by X and Z".
_PART_OWNED = frozenset({"half", "partly", "part", "partially", "jointly", "minority", "co"})


def _headline(sent: Span) -> bool:
    """Whether a sentence is a headline or a title: no finite verb and no closing stop ("Orbitel in Kestrel
    merger talks", "Orbitel in $1bn London listing"). Its words are run together: "in" there names the
    story's topic, and any noun says nothing."""
    # a headline's line ends in a blank line, no word
    words = [t for t in doc_tokens(sent.doc)[sent.start : sent.end] if not t.is_space]
    return bool(words) and words[-1].text not in {".", "!", "?", '"', "'", ")", ":"} and not any(
        # a finite verb ("Orbitel buys Kestrel"); a participle is a noun's ("Air China in London listing")
        t.pos_ == "AUX" or t.pos_ == "VERB" and t.tag_ not in {"VBG", "VBN"} for t in words
    )


def _chain(
    found: dict[tuple[int, str, int], RelationMention], ontology: Ontology
) -> dict[tuple[int, str, int], RelationMention]:
    """One step of the ontology's property chains within a sentence: "a firm in Bellport, Ore."
    states the firm basedIn Bellport and Bellport locatedIn Oregon, so the firm basedIn Oregon
    (``kg:basedIn owl:propertyChainAxiom (kg:basedIn kg:locatedIn)`` in kgraph.ttl)."""
    by_subject: dict[tuple[Mention, int], list[RelationMention]] = {}
    for rel in found.values():
        by_subject.setdefault((rel.subject, rel.sentence_start), []).append(rel)
    added: dict[tuple[int, str, int], RelationMention] = {}
    for rel in found.values():
        over = ontology.properties[rel.predicate].chains
        if not over:
            continue
        for nxt in by_subject.get((rel.object, rel.sentence_start), ()):
            if nxt.predicate not in over or nxt.object == rel.subject:
                continue
            key = (rel.subject.start, rel.predicate, nxt.object.start)
            if key not in found and key not in added:
                name = f"{rel.pattern}+{nxt.pattern}"
                added[key] = RelationMention(
                    subject=rel.subject, predicate=rel.predicate, object=nxt.object,
                    confidence=ontology.confidence(name, round(min(rel.confidence, nxt.confidence) - 0.05, 2)),
                    sentence_start=rel.sentence_start, sentence_end=rel.sentence_end, evidence=rel.evidence,
                    pattern=name, role=rel.role,
                )
    return {**found, **added} if added else found


if TYPE_CHECKING:
    #: (sentence, pattern, index) -> (subject, object) mention numbers, for frames read off a whole sentence
    _SentenceFrame = Callable[[Span, Pattern, _Index], Iterator[tuple[int, int]]]
    _PatternIndex = tuple[dict[str, list[tuple[Pattern, str]]], list[Pattern], list[tuple[_SentenceFrame, Pattern]]]


@per_ontology
def _pattern_index(ontology: Ontology) -> _PatternIndex:
    """Patterns by trigger word (a phrase under its first and last word), built once per ontology."""
    by_word: dict[str, list[tuple[Pattern, str]]] = {}
    attributes: list[Pattern] = []
    for pattern in ontology.patterns:
        if pattern.frame in _SENTENCE_FRAMES:
            continue
        if not pattern.triggers:
            attributes.append(pattern)
        for trigger in pattern.triggers:
            words = trigger.split()
            for word in {words[0], words[-1]}:
                by_word.setdefault(word, []).append((pattern, trigger))
    sentence_patterns = [
        (pairs, pattern) for frame, pairs in _SENTENCE_FRAMES.items() for pattern in ontology.patterns
        if pattern.frame == frame
    ]
    return by_word, attributes, sentence_patterns


@per_ontology
def _owned_nouns(ontology: Ontology) -> frozenset[str]:
    """The nouns the wildcard title pattern leaves alone: those other patterns own ("facility") or that
    name a non-person."""
    owned = {w for pattern in ontology.patterns for t in pattern.triggers if t != ANY_NOUN for w in t.split()}
    for info in ontology.classes.values():
        if info.name != "Person":
            owned |= info.descriptors
    return frozenset(owned)


@per_ontology
def _headline_attributes(ontology: Ontology) -> list[Pattern]:
    """The attribute patterns a headline is read with, built once per ontology: in a headline "in" and
    "at" give the story's topic ("Kestrel in Bellport merger talks"), no place of a name."""
    return [
        replace(p, prepositions=kept) for p in _pattern_index(ontology)[1]
        if (kept := tuple(q for q in p.prepositions if q not in {"in", "at"}))
    ]


def _drop_implied(relations: list[RelationMention], ontology: Ontology) -> list[RelationMention]:
    """Drop "X worksFor Y" when "X ceoOf Y" comes from the same sentence: it is implied; so is what a
    name's phrase or possessive says ("Aston's Ulrich Bez" memberOf) when a title says more, and a person's
    membership when a post in the same organisation is stated ("a board member of Orbitel").

    Of "A locatedIn B" and "B locatedIn A" from one sentence only the surer is kept.
    """
    by_pair: dict[tuple[Mention, Mention, int], list[RelationMention]] = {}
    for rel in relations:
        by_pair.setdefault((rel.subject, rel.object, rel.sentence_start), []).append(rel)
    kept = []
    for rel in relations:
        if not ontology.properties[rel.predicate].symmetric and any(
            other.predicate == rel.predicate
            and (other.confidence, rel.subject.start) > (rel.confidence, other.subject.start)
            for other in by_pair.get((rel.object, rel.subject, rel.sentence_start), ())
        ):
            continue
        same_pair = by_pair[(rel.subject, rel.object, rel.sentence_start)]
        implied = any(
            other is not rel
            and other.predicate != rel.predicate
            and rel.predicate in ontology.properties[other.predicate].ancestors
            for other in same_pair
        ) or rel.pattern.endswith("/Attribute") and any(
            # "Aston's chief executive Ulrich Bez": the title says what the possessive leaves open (not an office)
            other.pattern.endswith("/RelationalNoun") and other.predicate not in {rel.predicate, "holdsOfficeIn"}
            for other in same_pair
        ) or rel.predicate == "memberOf" and any(
            # "X, a board member of Orbitel": a post in the organisation says more than membership of it
            "worksFor" in ontology.properties[other.predicate].ancestors for other in same_pair
        )
        if not implied:
            kept.append(rel)
    return kept


class _Parties(NamedTuple):
    """What a frame reads at a trigger: the subject and object names (tokens), the property they are related
    by, and the trigger the relation's role is named after."""

    subjects: list[Token]
    objects: list[Token]
    predicate: str
    trigger: str


def _apply(
    pattern: Pattern, token: Token, trigger: str, index: _Index, ontology: Ontology
) -> Iterator[tuple[int, int, Role | None, str]]:
    """(subject, object, role, property) of each relation ``pattern`` states at ``token``."""
    read = _FRAME_READERS.get(pattern.frame)
    parties = read(pattern, token, trigger, index, ontology) if read is not None else None
    if parties is None:
        return
    subjects, objects, predicate, trigger = parties
    if not subjects or not objects:
        return  # the conjuncts below only narrow the parties: with no subject or no object there is no pair
    role = _role_of(token, trigger.upper() if len(trigger) <= 3 else trigger.title()) if pattern.role else None
    if role is not None and role.current and ended(token, subjects, index):
        role = replace(role, current=False)  # "Kestrel chairman X stepped down last week"
    # "X has replaced Y as chairman": Y's post is over, X's is not
    before = {s.i for s in subjects if replaced(s, token, ontology)} if role is not None and role.current else set()
    # "Y's former owner X", "a former unit of X": a link between organisations that is over, with no role to
    # mark it past, is no link now
    over = role is None and pattern.frame == "RelationalNoun" and ended_link(token, subjects, index)
    # "ex-Kestrel MEP X", "Labour MP X, who defected": a person's post with no role, put in the past, gets one
    past = role is None and pattern.frame == "RelationalNoun" and (over or ended(token, subjects, index))
    expanded, expanded_objects, skipped = _conjunct_parties(pattern, token, subjects, objects, index)
    for s in expanded:
        for o in expanded_objects:
            if (s.i, o.i) in skipped:
                continue
            si, oi = index.at(s), index.at(o)
            if si is not None and oi is not None and si != oi and not (over and firms_link(s, o, index)):
                held = replace(role, current=False) if role is not None and s.i in before else role
                word = token.text if trigger == ANY_NOUN else trigger  # "former Yale historian X": the noun
                title = role.title if role is not None else word.upper() if len(word) <= 3 else word.title()
                held = past_post(held, title, *((o, s) if pattern.inverse else (s, o)), predicate, index, past)
                yield (oi, si, held, predicate) if pattern.inverse else (si, oi, held, predicate)


def _verb_parties(pattern: Pattern, token: Token, trigger: str, index: _Index, ontology: Ontology) -> _Parties | None:
    """ "Orbitel bought Kestrel": the verb's roles (None for a verb not in the pattern's mood: "did not buy",
    "may join"; "agreed to buy" only for a pattern of agreed deals)."""
    if token.pos_ not in {"VERB", "AUX"} or deal_mood(token, ontology) != pattern.mood:
        return None
    if once_held(token, index.ontology):
        return None  # "Y, once owned by X", "X formerly ran Y": a lasting link that is over
    predicate = pattern.property
    subjects = _role_tokens(token, pattern.subject_roles, index)
    objects = [o for o in _role_tokens(token, pattern.object_roles, index) if not _counted_goods(o, index)]
    if predicate == "subsidiaryOf" and any(
        c.lower_ in _PART_OWNED for c in token.children if c.dep_ in {"advmod", "npadvmod", "amod"}
    ):
        # "Y, which is half owned by X", "Y is partly owned by X": a stake, not control
        predicate, subjects, objects = "investedIn", objects, subjects
    if predicate == "investedIn" and whole_bought(token, ontology):
        predicate = "acquired"  # "X bought 100% of Y", "X bought all of Y": the firm itself, no stake
    return _Parties(subjects, objects, predicate, trigger)


def _counted_goods(name: Token, index: _Index) -> bool:
    """Whether a name a verb takes is counted, so names goods of the maker's: "will buy 15 new Vantor 300" buys
    aircraft, not the firm Vantor ("bought 10% of Vantor" is a stake, read by the holding patterns)."""
    m = index.at(name)
    if m is None or not index.ontology.is_a(index.mentions[m][0].type, "Organization"):
        return False  # "won three Grammy Awards": awards are counted as they are won
    head = index.mentions[m][1].root
    return any(
        c.dep_ == "nummod" and c.i < head.i and c.like_num and c.ent_type_ not in {"PERCENT", "MONEY", "DATE"}
        and not c.nbor(1).text == "%"
        for c in head.children
    )


def _title_parties(pattern: Pattern, token: Token, trigger: str, index: _Index, ontology: Ontology) -> _Parties | None:
    """ "Maria Lopez, chief executive of Orbitel": the title's holders and the names it is a post in, by the
    post's scope (:func:`kgraph.extract.posts.post_scope`)."""
    verb_title = verb_tagged_title(token, trigger, index)  # "Kestrel head Lena Berg", "head" tagged a verb
    if not (
        token.pos_ in {"NOUN", "PROPN"}
        # "Tacoma native Lena Berg": the tagger takes a title before a name for an adjective
        or token.pos_ == "ADJ" and token.dep_ in {"compound", "amod"} and _inside_name(token.head, index)
        or verb_title is not None
    ):
        return None
    if _copula_mood(token) != pattern.mood:
        return None  # "X is not the chief of Y", "X could become chief of Y", "X is expected to be named chief"
    titled = _title_before_name(token, index) or verb_title
    if titled is None and trigger == ANY_NOUN and not _any_noun_holders(token, index):
        return None  # any noun at all that nobody holds: its names need not be looked for (the costlier half)
    objects = _noun_objects(token, pattern.prepositions, index)
    if not objects and (its := unlinked_its(token, index)) is not None:
        objects = its_firm(its, index)  # "the ambitions of its founder X", "its spokesman X"
    # "X, a spokeswoman for reform and president of Y": the parser joined the title to the first one's field
    joined = field_joined_title(token, index) if trigger != ANY_NOUN and titled is None else None
    if joined is not None and not objects:
        objects = [o for pobj in joined[1] for o in _named_in(pobj, index)]
    wanted = pattern.object_type or ontology.properties[pattern.property].range
    if wanted is not None and not ontology.is_a(wanted, "Place"):
        # "Norway's biggest ferry operator": a place before the title is where, not what; a facility before an
        # operator's noun is what it runs ("Varden Tunnel operator Kestrel")
        objects = [
            o for o in objects
            if not (o.dep_ in {"poss", "compound"} and (m := index.at(o)) is not None
                    and ontology.is_a(index.mentions[m][0].type, "Place")
                    and not (pattern.property == "operates" and facility(m, index)))
        ]
    else:
        # "Varden Tunnel operator Kestrel", "the Varden Airport firm": a facility before the title is what the
        # firm runs, not where it is based
        objects = [o for o in objects if not (o.dep_ in {"poss", "compound"} and (m := index.at(o)) is not None
                                              and facility(m, index))]
    objects = [o for o in objects if not _names_a_work(token, o, index) and not past_closing_dash(token, o)]
    party_post = is_party_post(token, index)
    if party_post and token.lemma_.lower() in SPOKES:
        # "the party's Treasury spokesman", "Tory Treasury spokesman X": the department is the portfolio
        objects = [o for o in objects if not (o.i < token.i and o.dep_ == "compound" and not names_a_party(o, index))]
    chambers = [o for o in objects if o.i < token.i and o.lower_ in ontology.words("ParliamentName")]
    if party_post and chambers:
        # "SNP Holyrood leader X": the party's post in a parliament; the party is the body, the parliament where
        objects = [o for o in objects if o not in chambers] + [
            t for c in chambers for t in c.subtree
            if t.i != c.i and index.at(t) is not None and names_a_party(t, index)
        ]
    if titled is not None:
        subjects, objects = [titled[0]], [titled[1]]
    elif not objects:
        return None  # a post in no name: nothing to state (the holders need not be looked for)
    else:
        subjects = list(_any_noun_holders(token, index)) if trigger == ANY_NOUN else _holders(token, index)
        if not subjects and joined is not None:
            subjects = _holders(joined[0], index)
    if not subjects:
        return None
    scope = post_scope(Post(token, trigger, pattern, objects, index))
    if scope == "none":
        return None
    if chambers and objects and all(names_a_party(o, index) for o in objects):
        # "SNP Holyrood leader X" leads the party's group in the parliament, as "the Party's Senate leader" does:
        # a member of the party (a body of members, no employer of its politicians)
        return _Parties(subjects, objects, "memberOf", trigger)
    in_party = party_post and own_body_phrase(token) and all(names_a_party(o, index) for o in objects)
    in_party = in_party or party_officer(token, objects, index)
    if scope == "group" or in_party:
        # "Labour's Chief Secretary to the Treasury": the post is in the body its own phrase names; of the party
        # it says membership only
        return _Parties(subjects, objects, "memberOf", trigger)
    if scope == "branch":
        assert pattern.subordinate is not None  # only the lesser-post rules give a branch
        unit = _owned_unit(token, index)  # the post is the owner's, in one of its units
        objects = [o for o in objects if o != unit]
        if objects and all(names_a_party(o, index) for o in objects):
            # "the Kellish Party's Holyrood leader X": a lesser post in a party is a member's (no employer)
            return _Parties(subjects, objects, "memberOf", trigger)
        return _Parties(subjects, objects, pattern.subordinate, _title_phrase(token, index) or trigger)
    if pattern.property == "memberOf" and board_seat(token):
        # "X, a member of the Kestrel management board": a seat on the board is a post in Kestrel, as "board
        # member" gives, unless Kestrel is a body of members (that pattern's exceptions)
        seats = _board_member_heads(ontology)
        if all((m := index.at(o)) is not None and not index.kinds(m) & seats for o in objects):
            return _Parties(subjects, objects, "worksFor", trigger)
    return _Parties(subjects, objects, pattern.property, trigger)


def _any_noun_holders(noun: Token, index: _Index) -> list[Token]:
    """Who holds a noun read by the patterns of any noun at all (not "one of the ..."), read once per noun for
    all of them."""
    held = index.any_noun_holders.get(noun.i)
    if held is None:
        held = index.any_noun_holders[noun.i] = _holders(noun, index, one_of=False)
    return held


@per_ontology
def _board_member_heads(ontology: Ontology) -> frozenset[str]:
    """The head words of bodies whose board members are members, not staff: the exceptions of the pattern that
    reads "board member" as worksFor (patterns.ttl)."""
    return frozenset(
        h for p in ontology.patterns if p.property == "worksFor" and "board member" in p.triggers
        for h in p.except_object_heads
    )


#: Event nouns held only by their possessor or "by" phrase ("X's ownership of Y", "ownership of Y by X"), never
#: by the agent of the clause they stand in ("X opposed foreign ownership of Y").
_HELD_BY_POSSESSOR = frozenset({"ownership"})


def _event_parties_at(
    pattern: Pattern, token: Token, trigger: str, index: _Index, ontology: Ontology
) -> _Parties | None:
    """ "Orbitel's takeover of Kestrel": the event noun's parties; "Vidal's native Bellport": the owner of an
    adjective and the name it is on."""
    if token.pos_ in {"NOUN", "PROPN"}:
        stated, own = event_mood(token, ontology)
        # "X's stake in Y should be cut", "its stake in Y may be sold": the possessor holds the share whatever the
        # clause says befalls it
        held = (
            pattern.mood == "fact" and noun_mood(token) == "fact" and token.lemma_.lower() in ontology.words("Holding")
            and any(c.dep_ == "poss" for c in token.children)
        )
        if stated != pattern.mood and not held and (own or noun_mood(token) != pattern.mood):
            # "the proposed takeover of Y", "X's takeover of Y still needs approval", "X is seeking a takeover
            # of Y"; "an agreed takeover", "X is due to complete its acquisition of Y" only for agreed deals
            return None
        subjects, objects = _event_parties(token, pattern.prepositions, index)
        if token.lemma_.lower() in _HELD_BY_POSSESSOR:
            # "opposed foreign ownership of Y": no ownership of the clause's agent
            subjects = [s for s in subjects if s.head.i == token.i and s.dep_ in {"poss", "compound"}
                        or s.dep_ == "pobj" and s.head.lower_ == "by" and s.head.head.i == token.i]
        if stated != pattern.mood:
            # "X has agreed to buy a stake in Y": X holds none yet (but "Z's stake in Y" is Z's; "its" is X's)
            subjects = [
                s for s in subjects if s.head.i == token.i and s.dep_ in {"poss", "compound"}
                and (s.pos_ != "PRON" or held and token.dep_ in {"nsubj", "nsubjpass"})
            ]
        return _Parties(subjects, objects, pattern.property, trigger)
    if token.dep_ == "amod" and index.at(token.head) is not None:
        # "in her native Oregon", "Vidal's native Bellport": the adjective relates the owner to the name
        subjects = [c for c in token.head.children if c.dep_ == "poss"]
        return _Parties(subjects, [token.head] if subjects else [], pattern.property, trigger)
    return None


def _attribute_parties(
    pattern: Pattern, token: Token, trigger: str, index: _Index, ontology: Ontology
) -> _Parties | None:
    """ "Kestrel Air of Bergen", "Orbitel's Tomas Vidal": a name and the name its phrase or possessive gives
    (None for "X is not the chairman of Y")."""
    if _copula_mood(token) != pattern.mood:
        return None
    key = (token.i, pattern.prepositions)
    if key not in index.attributes:  # read once for the patterns with the same prepositions
        index.attributes[key] = _attribute(token, pattern.prepositions, index)
    subjects, objects = map(list, index.attributes[key])
    if not objects:
        return None  # no pair (the checks below only narrow the objects)
    if subjects and future_title(token, ontology):
        return None  # "the incoming president of Orbix" holds no post there yet (as a title's pattern reads it)
    if pattern.property == "basedIn" and names_a_party(token, index):
        # "the Kestrel Party in Oslo": its branch or its work there (not "Norway's Kestrel Party"); a party's base
        # needs a word for it
        objects = [o for o in objects if not (o.dep_ == "pobj" and o.head.lower_ in {"in", "at"})]
    if subjects and index.is_a(token, "Person"):
        objects = [o for o in objects if not _owner_of_a_thing(o, index)]
        if token.lower_ in ontology.words("KinOrFollower"):
            # "X, the son of a Kestrel Bank manager": a name inside a kin noun's "of" phrase is the kin's
            objects = [o for o in objects if not kins_name(token, o, index)]
    if subjects and _place_of_an_act(token, index):
        objects = [o for o in objects if not (o.dep_ == "pobj" and o.head.lower_ in {"in", "at"})]
    objects = [o for o in objects if not _quoted_figure(token, o) and not _modifiers_of_a_noun(token, o)
               and not part_of_a_country(token, o, index)]
    return _Parties(subjects, objects, pattern.property, trigger)


def _modifiers_of_a_noun(name: Token, modifier: Token) -> bool:
    """Whether a place and a name both modify the common noun after them ("India Kestrel talks", "China Orbix deal",
    a headline's shorthand for talks between them): the place says nothing of where the name is."""
    if modifier.dep_ != "compound" or modifier.head.i != name.i or name.i + 1 >= len(name.doc):
        return False
    after = name.doc[name.i + 1]
    return after.i == name.head.i and after.is_lower and after.pos_ in {"NOUN", "VERB"}


#: Quotation marks that enclose a phrase.
_QUOTES = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019"})


def _quoted_figure(name: Token, modifier: Token) -> bool:
    """Whether a name and a place before it stand alone in quotation marks: a figure of speech ('a "Norway Las
    Vegas"' likens a place to Las Vegas, which is not in Norway), unlike "Las Vegas, Nevada" or "Norway's Bergen"."""
    if modifier.dep_ != "compound" or modifier.head.i != name.i:
        return False
    doc = name.doc
    first = modifier.left_edge.i
    return first > 0 and name.i + 1 < len(doc) and doc[first - 1].text in _QUOTES and doc[name.i + 1].text in _QUOTES


def _place_of_an_act(name: Token, index: _Index) -> bool:
    """Whether a name's "in Y" is where something is done to it or with it, not where it is: the name a verb of
    suing takes ("suing Kestrel in Europe", kgx:SuitVerb), the body whose gathering it is ("a meeting of the Harbour
    Council in Oslo", kgx:GatheringNoun), or the firm (kgx:FirmNoun) a speaker is "of" ("said Tom Lane of Kestrel Bank
    in Chicago", where he sits). "Kestrel, based in Chicago" and "Kestrel's Chicago office" are other patterns."""
    ontology = index.ontology
    head = name.head
    if name.dep_ == "dobj":
        return head.lemma_.lower() in ontology.words("SuitVerb")
    if name.dep_ != "pobj" or head.lower_ != "of":
        return False
    owner = head.head
    return (owner.lemma_.lower() in ontology.words("GatheringNoun") and index.at(owner) is None) or (
        owner.pos_ == "PROPN" and index.is_a(owner, "Person") and (m := index.at(name)) is not None
        and called_a_firm(index.mentions[m][0].text.lower(), index)  # a firm has offices; "a centre in Y" is one
    )


def _owner_of_a_thing(name: Token, index: _Index) -> bool:
    """Whether a name in a person's phrase only owns the thing the phrase is about: "analyst X of Orbitel's good
    results" speaks of Orbitel's results, no post in it (unlike "X of Orbitel's research unit", "of its board")."""
    noun = name.head
    if name.dep_ != "poss" or noun.pos_ != "NOUN" or noun.dep_ != "pobj" or index.at(noun) is not None:
        return False
    ontology = index.ontology
    lemma = noun.lemma_.lower()
    parts = ontology.words("UnitNoun") | ontology.words("DepartmentNoun") | ontology.words("BodyOfPeople")
    if lemma in parts or lemma in ontology.words("Committee") or lemma in _organisation_nouns(ontology):
        return False  # "of Larkfield University's law school": a school is an organisation's word
    # "of Orbitel's parent company", "of Norway's northern county": a noun of the kind of a name
    return not any(
        ontology.is_a(c, "Organization") or ontology.is_a(c, "Place") for c in ontology.classes_for_descriptor(lemma)
    )


if TYPE_CHECKING:
    _FrameReader = Callable[[Pattern, Token, str, _Index, Ontology], _Parties | None]

#: How each trigger frame reads its parties at a trigger (the frames of a whole sentence are in _SENTENCE_FRAMES).
_FRAME_READERS: dict[str, _FrameReader] = {
    "Verb": _verb_parties,
    "RelationalNoun": _title_parties,
    "EventNoun": _event_parties_at,
    "Attribute": _attribute_parties,
}


def _conjunct_parties(
    pattern: Pattern, token: Token, subjects: list[Token], objects: list[Token], index: _Index
) -> tuple[list[Token], list[Token], set[tuple[int, int]]]:
    """The subjects and objects with their conjuncts ("Orbitel and Kestrel bought ..."), less the conjuncts
    the frame's phrase does not reach, and the (subject, object) token pairs another group's phrase separates."""
    expanded, expanded_objects = _expand(subjects), _expand(objects)
    expanded_objects += double_nationality(expanded_objects, index.adjective)  # "Anglo" of "Anglo-Dutch"
    if pattern.frame == "Attribute":
        expanded, expanded_objects = _attribute_conjuncts(pattern, subjects, objects, expanded, expanded_objects, index)
    elif pattern.frame == "RelationalNoun":
        return _title_conjuncts(pattern, token, subjects, objects, expanded, expanded_objects, index)
    elif pattern.frame == "Verb":
        expanded, expanded_objects = _verb_conjuncts(token, subjects, objects, expanded, expanded_objects, index)
        # "owns A, its investment arm, and B", "bought firms such as A and B": the list's further items
        expanded += [s for s in list_items(token, subjects, index.at, index.ontology) if s not in expanded]
        items = list_items(token, objects, index.at, index.ontology)
        expanded_objects += [o for o in items if o not in expanded_objects]
    return expanded, expanded_objects, set()


def _attribute_conjuncts(
    pattern: Pattern, subjects: list[Token], objects: list[Token], expanded: list[Token],
    expanded_objects: list[Token], index: _Index,
) -> tuple[list[Token], list[Token]]:
    """The conjuncts a name's phrase reaches: "Nordwind Inc. of Oslo and Kestrel Air of Bergen", "Lyon in
    France, Graz in Austria and Turku in Finland": a conjunct with a phrase of its own, or the object of another
    such phrase, is not a party to this one, whatever the parser attached."""
    if objects and all(
        (o_m := index.at(o)) is not None and index.mentions[o_m][0].label == "adjective" for o in objects
    ):
        # "Russian energy giant Gazprom and India's ONGC", "... and South Korean firm SK Energy": a country's
        # word before a name is that name's alone
        expanded = list(subjects)
    expanded = [
        s for s in expanded
        if s in subjects or not _prep_objects(s, pattern.prepositions) and not _in_own_phrase(s, pattern, index)
    ]
    expanded_objects = [o for o in expanded_objects if o in objects or not _in_own_phrase(o, pattern, index)]
    # "A, the mayor of X, and B, a teacher from Y": a conjunct with a description of its own
    expanded = [s for s in expanded if s in subjects or not _apposed_noun(s)]
    # "A of X and B": a list item after the phrase is not reached by it
    phrases = [o for o in objects if o.dep_ == "pobj"]
    expanded = [s for s in expanded if s in subjects or not any(o.i < s.i for o in phrases)]
    # "the theatre in Tacoma, Wash., and Kellmore in Spokane": a conjunct of another kind than
    # the name is an item of some other list the parser joined to it
    kinds = {index.mentions[m][0].type for t in subjects if (m := index.at(t)) is not None}
    expanded = [
        s for s in expanded
        if s in subjects or (m := index.at(s)) is None or index.mentions[m][0].type in kinds
    ]
    # "Graz in Austria and Turku in Finland", parsed with "in Finland" on Graz: another list item
    # stands between the name and the phrase
    expanded_objects = [o for o in expanded_objects if not _item_between(subjects, o, pattern, index)]
    if _places(objects, index) and any(
        c not in subjects and (_in_own_phrase(c, pattern, index) or _prep_objects(c, pattern.prepositions))
        for s in subjects for c in _conjuncts(s)
    ):
        # "tracks at A in X, B in Y, C in P, Q and R": in a list of "name in place" items, the places after
        # the last item's phrase are the further items' own; the phrase holds its first place alone (but
        # "A of X; B of Y and Z": organisations are the item's own)
        expanded_objects = [o for o in expanded_objects if o in objects]
    if any(o.dep_ in {"compound", "poss", "nmod"} and o.head in subjects and o.i < o.head.i for o in objects):
        # "Norway's Kestrel Air, Orbitel and Estonia's Corvane": a name before a name is that name's alone
        expanded = [s for s in expanded if s in subjects]
    return expanded, expanded_objects


def _title_conjuncts(
    pattern: Pattern, token: Token, subjects: list[Token], objects: list[Token], expanded: list[Token],
    expanded_objects: list[Token], index: _Index,
) -> tuple[list[Token], list[Token], set[tuple[int, int]]]:
    """The conjuncts a title reaches, and the (holder, object) pairs another group's phrase separates."""
    # "he, Labour leader Anna Weber and ...": a title before a name is that name's alone;
    # "A, director of X, and B, chairman of Y": a conjunct with a title of its own holds that one
    # "A, the mayor of X, and B, an activist in Y": a conjunct described by an apposition of its
    # own is not a party to the other's
    # "between Kestrel's chief executive A and B": a singular title right before a name is that name's
    # alone, however the parser hangs the name on it (but "Kestrel directors A, B and C" are all directors)
    title_before = token.tag_ != "NNS" and any(
        (m := index.at(h)) is not None and index.mentions[m][1].start == token.i + 1 for h in subjects
    )
    expanded = [
        s for s in expanded
        if s in subjects or token.dep_ != "compound" and not title_before and not _own_title(s, pattern.triggers)
        and not (token.dep_ == "appos" and _apposed_noun(s))
    ]
    # "X, a subsidiary of Y, and Z": with the title set off by commas, ", and Z" goes on with the
    # sentence's own list (but "of Y, W, and Z" is the phrase's list)
    if token.dep_ == "appos":
        doc = token.doc

        def opens_outer_list(o: Token) -> bool:
            m = index.by_token.get(o.i)
            first = index.mentions[m][1].start if m is not None else o.i
            return (
                first >= 2 and doc[first - 1].lower_ in {"and", "or"} and doc[first - 2].text == ","
                and len([c for c in _conjuncts(o) if c not in objects]) == 1
            )

        expanded_objects = [o for o in expanded_objects if o in objects or not opens_outer_list(o)]
    # "the men, A, from X, and B and C, from Y": with a phrase of its own for each group, a
    # holder takes the nearest phrase after it
    skipped: set[tuple[int, int]] = set()
    phrases = [o for o in objects if o.dep_ == "pobj"]
    if len({o.head.i for o in phrases}) > 1:
        skipped = {
            (s.i, o.i) for s in expanded for o in phrases
            if s.i < o.i and any(s.i < q.i < o.i and q.head.i != o.head.i for q in phrases)
        }
    return expanded, expanded_objects, skipped


def _verb_conjuncts(
    token: Token, subjects: list[Token], objects: list[Token], expanded: list[Token], expanded_objects: list[Token],
    index: _Index,
) -> tuple[list[Token], list[Token]]:
    """The conjuncts a verb reaches when it modifies one item of a list."""
    if token.dep_ == "amod" and token.i < token.head.i and _phrase_head(token).dep_ == "conj":
        # "Kestrel and Oslo-based Nordwind Energy", "Kestrel and Oslo-based software firm Nordwind": a
        # modifier of a later conjunct is that conjunct's alone
        expanded = [s for s in expanded if s.i >= token.i]
    if token.dep_ == "amod" and token.i < token.head.i:
        # "US-based A and UK-based B", "the Leeds-based A and the Berlin subsidiary B": a conjunct with a
        # place modifier of its own does not take the first one's
        expanded = [s for s in expanded if s in subjects or not _own_place_modifier(s, index)]
    if token.dep_ in {"acl", "relcl"} and token.i > token.head.i:
        # "CDT (acquired by Y in 2007), Canon and Z", "A, which Y bought, and B": a clause
        # between a name and the next item of its list is about that name alone
        edge = token.right_edge.i
        expanded = [s for s in expanded if s in subjects or s.i < token.head.i or s.i <= edge]
        expanded_objects = [o for o in expanded_objects if o in objects or o.i < token.head.i or o.i <= edge]
    return expanded, expanded_objects


def _places(tokens: list[Token], index: _Index) -> bool:
    """Whether the tokens name places (and at least one)."""
    kinds = [index.mentions[m][0].type for t in tokens if (m := index.at(t)) is not None]
    return bool(kinds) and all(index.ontology.is_a(k, "Place") for k in kinds)


def _own_place_modifier(name: Token, index: _Index) -> bool:
    """Whether a list item's own phrase names a place before it: "UK-based B", "the Berlin subsidiary B"."""
    own = index.at(name)
    for t in name.doc[name.left_edge.i : name.i]:
        if t.dep_ == "amod" and t.lemma_.lower() == "base":
            return True
        m = index.at(t)
        if m is not None and m != own and index.ontology.is_a(index.mentions[m][0].type, "Place"):
            return True
    return False


def _phrase_head(token: Token) -> Token:
    """The head of the noun phrase a modifier sits in: "Oslo-based software firm Nordwind" -> Nordwind."""
    head = token.head
    while head.dep_ in {"compound", "amod"} and head.head.i > head.i:
        head = head.head
    return head


def _in_own_phrase(name: Token, pattern: Pattern, index: _Index) -> bool:
    """Whether a list item pairs with a phrase of its own: it is followed by one of the pattern's
    prepositions ("Turku in Finland") or is the object of one ("in Iraq")."""
    if name.dep_ == "pobj" and name.head.lower_ in pattern.prepositions:
        return True
    m = index.by_token.get(name.i)
    end = index.mentions[m][1].end if m is not None else name.i + 1
    doc = name.doc
    return end < len(doc) and doc[end].lower_ in pattern.prepositions and doc[end].pos_ == "ADP"


def _item_between(subjects: list[Token], obj: Token, pattern: Pattern, index: _Index) -> bool:
    """Whether a name with a phrase of its own lies between the subject(s) and a later object."""
    doc = obj.doc
    for subject in subjects:
        m = index.by_token.get(subject.i)
        start = index.mentions[m][1].end if m is not None else subject.i + 1
        if start >= obj.i:
            continue
        for i in range(start, obj.i):
            n = index.by_token.get(i)
            if n is None or n == m or index.mentions[n][1].start != i or index.by_token.get(obj.i) == n:
                continue
            if _in_own_phrase(doc[index.mentions[n][1].root.i], pattern, index) and doc[i - 1].lower_ not in \
                    pattern.prepositions:
                return True
    return False


def _apposed_noun(name: Token) -> bool:
    """Whether a name is described by a common-noun apposition ("B, an activist in Y")."""
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in name.children)


#: Frames read off a whole sentence rather than a trigger word, in the order they are matched.
_SENTENCE_FRAMES: dict[str, _SentenceFrame] = {
    "BracketPlace": _bracket_place,
    "PlaceChain": _place_chain,
    "SourceLine": _source_line,
    "PlaceInName": _place_in_name,
    "CountryInName": country_in_name,
    "ParentInName": parent_in_name,
    "Dateline": _dateline_pairs,
    "SpeakerAt": speaker_at,
    "UnitAt": unit_at,
    "Supply": supply_pairs,
}


def _add(
    found: dict[tuple[int, str, int], RelationMention],
    pattern: Pattern,
    subj: int,
    obj: int,
    sent: Span,
    role: Role | None,
    index: _Index,
    ontology: Ontology,
    predicate: str | None = None,
) -> None:
    s_mention, o_mention = index.mentions[subj][0], index.mentions[obj][0]
    if plays_a_role(index.mentions[subj][1], ontology):
        return  # "Foxx's performance as Ray earned him an award": the character takes nothing of its actor's
    predicate = predicate or pattern.property
    if predicate == "livesIn" and o_mention.label == "adjective" and ANY_NOUN not in pattern.triggers:
        # "U.S. Sen. X", "US citizen X": a country's word on a person's title (the nationality patterns' own
        # wildcard reads any other noun, with its exceptions: "his French counterpart")
        predicate = "nationality"
    if predicate == "nationality" and o_mention.label == "adjective" and party_name_adjective(
        index.mentions[obj][1], ontology
    ):
        return  # "Scottish Conservative leader X": the adjective is the party's, no nationality of X
    if predicate not in SAID_BY_ADJECTIVE and "adjective" in {s_mention.label, o_mention.label}:
        return  # "French carmaker X" says where X is based, "German Chancellor X" X's country (and office)
    if predicate == "holdsOfficeIn" and (role := office_role(index.mentions, (subj, obj), role, ontology)) is None:
        return  # "shadow chancellor X", "Lord Y of Conwy": no public office of the place
    if predicate == "nationality" and o_mention.label != "adjective" and not (
        state(o_mention, ontology) and (
            pattern.frame == "Attribute" and state_title(index.mentions[subj][1], ontology)
            or possessed_title(index.mentions[obj][1], index.mentions[subj][1], ontology)
        )
    ):
        # only a country's adjective says it ("Tacoma architect X" may live there), or "of" a country after a
        # title of its government ("Minister X of France"), or the country's possessive on one ("France's
        # finance minister X")
        return
    if (
        predicate == "basedIn" and pattern.frame not in {"Verb", "EventNoun"} and o_mention.label != "adjective"
        and o_mention.text.lower().removeprefix("the ") in _CONTINENTS
    ):
        # "the European Standards Institute ... for Europe", "the biggest operator in Europe", "Europe's Enron":
        # a continent is what an organisation covers or is likened in; only "based in Europe", "its
        # headquarters in Europe" or the continent's adjective on its noun ("European plane maker X") say where
        return
    if epithet_of(index.mentions[subj][1], index.mentions[obj][1], index) or epithet_of(
        index.mentions[obj][1], index.mentions[subj][1], index
    ):
        return  # "the jail dubbed Norway's Alcatraz", "Bellport is Oregon's Venice": a likeness, not a place
    if predicate == "subsidiaryOf" and brand_name(index.mentions[subj][1], ontology):
        return  # "X, which owns the Kestrel and Marlow's cider brands": brands X sells, no companies
    if predicate == "locatedIn" and state(s_mention, ontology) and state(o_mention, ontology):
        # "Argentina, Chile in copper deal", "teachers from Jamaica, Peru": a list, no state lies in another (but
        # "Latvia, in what is now the Soviet Union", "a Gulf state": a union or a region the text names)
        return
    if predicate == "locatedIn" and country_in_a_town(s_mention, o_mention, ontology):
        return  # "across the country in Bergen": the towns are in it
    prop = ontology.properties[predicate]
    for mention, constraint, default in (
        (s_mention, pattern.subject_type, prop.domain),
        (o_mention, pattern.object_type, prop.range),
    ):
        if not ontology.fits(mention.type, constraint) or not ontology.fits(mention.type, default):
            return
    if pattern.object_heads or pattern.except_object_heads:
        kinds = index.kinds(obj)
        if pattern.object_heads and not kinds & set(pattern.object_heads) or kinds & set(pattern.except_object_heads):
            return  # "X, of the Kestrel Party": a party's people are its members, not its staff
    if pattern.subject_heads and not index.kinds(subj, called=False) & set(pattern.subject_heads):
        return  # "the UN's Food Organisation" is a body of the UN; "the UN's Tomas Vidal" is none
    if prop.symmetric and (o_mention, s_mention) < (s_mention, o_mention):
        s_mention, o_mention = o_mention, s_mention
    key = (s_mention.start, predicate, o_mention.start)
    confidence = ontology.confidence(pattern.name, pattern.confidence)  # calibrated on train data, if measured
    existing = found.get(key)
    if existing is not None and existing.confidence >= confidence:
        return
    raw = sent.text
    evidence = raw.strip()
    start = sent.start_char + (len(raw) - len(raw.lstrip()))
    found[key] = RelationMention(
        subject=s_mention,
        predicate=predicate,
        object=o_mention,
        confidence=confidence,
        sentence_start=start,
        sentence_end=start + len(evidence),
        evidence=evidence,
        pattern=pattern.name,
        role=role,
    )

