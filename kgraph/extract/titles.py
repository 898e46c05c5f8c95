"""Titles and posts: the organisation a title names, and which post a title noun gives.

Decides, for mentions, the organisation named inside a title before a person ("then
Minister of Fisheries and Oceans Karin Holm": the ministry) and the name right before a
head's title ("Kestrel chief executive Lena Berg": Kestrel is an organisation); for
relations, whether a name carries a title of its own, the whole title phrase ("senior vice
president"), the unit a possessive owner's title is in ("the Party's Holyrood leader"), and
whether a title noun is a lesser post (``worksFor``) rather than the head's (``headOf``).
Example: in "Kestrel Bank vice president Tomas Vidal resigned.", "vice president" is a
lesser post: Tomas Vidal worksFor Kestrel Bank.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kgraph.extract.doc_text import doc_tokens, doc_words
from kgraph.extract.frames import _Index
from kgraph.extract.lexicon import _BODY_NOUNS, _CALENDAR, _COUNTRY_NAMES, _FORMER
from kgraph.extract.portfolios import portfolio_words
from kgraph.models import Mention
from kgraph.ontology import Ontology, Pattern, per_ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


#: A title of the person who makes a film as much as of an organisation's head.
_WORK_TITLES = frozenset({"director"})


@per_ontology
def _role_titles(ontology: Ontology) -> frozenset[str]:
    """The triggers of the relational nouns with a role: the title words of :func:`_titled_organisations`."""
    return frozenset(t for p in ontology.patterns if p.frame == "RelationalNoun" and p.role for t in p.triggers)


def _titled_organisations(doc: Doc, taken: set[int], ontology: Ontology) -> Iterator[tuple[Span, str]]:
    """ "then Minister of SMEs and Startups Lee Young": the organisation a title names.

    A capitalised title word (a relational-noun trigger), "of", capitalised words, and
    right after them a person's name: the words between name an organisation the
    parser cannot see. Government titles ("Minister") give a government body.
    """
    titles = _role_titles(ontology)
    if titles.isdisjoint(doc_words(doc)):
        return  # no title in the document
    government = ontology.classes.get("GovernmentBody")
    gov_titles = government.title_words if government is not None else frozenset()
    for token in doc_tokens(doc)[:-3]:
        if not (token.text.istitle() and token.lower_ in titles and doc[token.i + 1].lower_ == "of"):
            continue
        start = token.i + 2
        end = start
        while (
            end < len(doc)
            and end not in taken
            and (doc[end].text[:1].isupper() or doc[end].lower_ in {"and", "&", "of"})
        ):
            end += 1
        if end < len(doc) and end in taken and doc[end].ent_type_ == "PERSON" and end > start:
            while end > start and doc[end - 1].lower_ in {"and", "&", "of"}:
                end -= 1
            if end > start and not any(i in taken for i in range(start, end)):
                yield doc[start:end], ("GovernmentBody" if token.lower_ in gov_titles else "Organization")


def _names_a_work(title: Token, name: Token, index: _Index) -> bool:
    """ "Lord of the Comets director Lena Berg": a name before a film's title noun that ends a capitalised
    title with "of" ("King of the Comets", the NER took its last word for a body) names a work, no organisation."""
    m = index.at(name)
    if title.lower_ not in _WORK_TITLES or name.dep_ != "compound" or m is None:
        return False
    doc = name.doc
    start = index.mentions[m][1].start
    if start > 0 and doc[start - 1].lower_ == "the":
        start -= 1
    return start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].is_title and index.at(doc[start - 2]) is None


def _dates(token: Token) -> bool:
    """Whether a capitalised word is a date ("October", "Monday"), by the NER or by the calendar's names."""
    return token.ent_type_ in {"DATE", "TIME"} or token.lower_ in _CALENDAR


@per_ontology
def _head_titles(ontology: Ontology) -> frozenset[str]:
    """Titles of the head of an organisation ("boss", "chief executive"): the triggers of the
    title patterns of the properties whose subject heads an organisation (headOf, ceoOf)."""
    heads = {name for name, prop in ontology.properties.items() if "headOf" in {name, *prop.ancestors}}
    return frozenset(
        t for p in ontology.patterns if p.frame == "RelationalNoun" and p.property in heads for t in p.triggers
    )


def _bodies_before_titles(
    doc: Doc, found: list[tuple[Mention, Span]], taken: set[int], ontology: Ontology
) -> list[tuple[Mention, Span]]:
    """ "Kestrel chief executive Lena Berg", "Orbitel boss Tomas Vidal": a name right before
    a lower-case title of an organisation's head, itself right before a person's name, is the
    organisation. A name the NER left unlabelled becomes one (not at the start of a sentence,
    where a capital says nothing); a one-word name the NER took for a person is retyped, unless
    it is the surname of a person named in full in the text. An organisation's common noun
    opening a sentence ("Party leader Lena Berg said", "Union boss X") is no name: it is dropped, and the
    title names no body (which party the text means is not sure: not always the one named last)."""
    from spacy.tokens import Span

    # (a film has a director too: "Northern Light director Anders Holm" names no organisation)
    titles = _head_titles(ontology) - _WORK_TITLES
    surnames = {span[-1].lower_ for m, span in found if m.type == "Person" and len(span) > 1}
    ends = {span.end: k for k, (m, span) in enumerate(found)}
    out = list(found)
    generic: set[int] = set()
    for mention, span in found:
        if mention.type != "Person" or mention.label != "PERSON":
            continue
        for width in (1, 2, 3):  # the title: "boss", "chief executive", "chief executive officer"
            start = span.start - width
            if start < 1:
                break
            words = doc[start : span.start]
            if any(not w.is_lower for w in words) or " ".join(w.lower_ for w in words) not in titles:
                continue
            k = ends.get(start)
            if k is not None:
                body, body_span = out[k]
                if _common_noun_opening(body_span, ontology):
                    generic.add(k)
                elif (
                    body.type == "Person" and body.label == "PERSON" and len(body_span) == 1
                    and body_span[0].lower_ not in surnames
                ):
                    out[k] = (Mention(body.start, body.end, body.text, "Organization", body.label), body_span)
                break
            first = start
            while (
                first > 0 and first - 1 not in taken and doc[first - 1].text[:1].isupper()
                and (doc[first - 1].pos_ == "PROPN" or doc[first - 1].pos_ == "ADJ" and first < start)
                and not _dates(doc[first - 1])  # "In October Tory leader X": the month dates the sentence
            ):
                first -= 1  # "Wolves", "Liberal Democrat"
            portfolio = _names_portfolio(doc[first:start], words, ontology)
            if first < start and not doc[first].is_sent_start and not portfolio:
                body_span = Span(doc, first, start, label="ORG")
                out.append((Mention(body_span.start_char, body_span.end_char, body_span.text, "Organization",
                                    "name"), body_span))
                taken.update(range(first, start))
            break
    return sorted((pair for k, pair in enumerate(out) if k not in generic), key=lambda pair: pair[0].start)


def _names_portfolio(body: Span, title: Span, ontology: Ontology) -> bool:
    """ "Arts minister X", "Kellish Economy minister Y": the words before a government post's title name its
    portfolio, no body (kgraph.extract.portfolios)."""
    government = ontology.classes.get("GovernmentBody")
    return government is not None and title[-1].lower_ in government.title_words and portfolio_words(body, ontology)


def _common_noun_opening(span: Span, ontology: Ontology) -> bool:
    """ "Party leader Lena Berg said": one capitalised word opening a sentence that is a common noun
    for a body (kgx:PublicBodyNoun, kgx:BodyOfPeople, kgx:FirmNoun) and an organisation's head noun
    ("party", "union", "group") names no organisation; its capital is the sentence's."""
    word = span[0]
    nouns = ontology.words("PublicBodyNoun") | ontology.words("BodyOfPeople") | ontology.words("FirmNoun")
    return len(span) == 1 and bool(word.is_sent_start) and word.lower_ in nouns & _organisation_nouns(ontology)


def _own_title(name: Token, triggers: tuple[str, ...]) -> bool:
    """Whether a name carries a title noun of its own ("Green Party leader Lena Berg")."""
    words = {w for t in triggers for w in t.split()}
    return any(c.dep_ in {"compound", "appos"} and c.lemma_.lower() in words for c in name.children)


def _title_phrase(token: Token, index: _Index) -> str:
    """The whole title ending at ``token``, lower case: "senior vice president", "linux strategy manager"."""
    doc = token.doc
    start = token.i
    for i in range(token.i - 1, token.left_edge.i - 1, -1):
        t = doc[i]
        if index.by_token.get(i) is not None or t.pos_ in {"DET", "PRON", "PART", "PUNCT"} and t.text != "-" \
                or t.lower_ in _FORMER:
            break
        start = i
    return doc[start : token.i + 1].text.lower() if start < token.i else ""


@per_ontology
def _organisation_nouns(ontology: Ontology) -> frozenset[str]:
    """Head nouns of the organisation classes ("bank", "ministry")."""
    return frozenset(
        w for info in ontology.classes.values() if ontology.is_a(info.name, "Organization") for w in info.head_nouns
    )


def _owned_unit(title: Token, index: _Index) -> Token | None:
    """The name between a possessive owner and a title ("Holyrood" in "the Party's Holyrood leader"):
    a part or branch of the owner, whose post it is."""
    owners = [index.at(c) for c in title.children if c.dep_ == "poss"]
    if not any(m is not None and index.ontology.is_a(index.mentions[m][0].type, "Organization") for m in owners):
        return None
    return next(
        (c for c in title.children if c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN" and index.at(c) is not None),
        None,
    )


def _lesser_post(token: Token, trigger: str, pattern: Pattern, index: _Index, ontology: Ontology) -> bool:
    """Whether a title noun names a lesser post in the organisation (see kgx:subordinate in patterns.ttl).

    "senior vice president" (a subordinate modifier), "program director" (a common noun
    before the title), "EU Trade Commissioner" (a capitalised portfolio between the organisation
    and the title), "vice president of sales", "head of the council's audit unit" (a
    function or a unit after it, "the boss of Y's UK arm"); not "party leader", "president of the company".
    """
    org_nouns = _organisation_nouns(ontology)
    words = set(trigger.split())
    doc = token.doc
    before = [doc[i] for i in range(token.left_edge.i, token.i) if index.by_token.get(i) is None]
    if any(t.lower_ in pattern.subordinate_modifiers for t in before) or _hyphened_modifier(token, pattern):
        return True
    if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children) and not any(
        t.lower_ in _FORMER for t in before
    ):
        return True  # "Thomas Holm, an IMF director": one of the directors
    if token.tag_ in {"NNS", "NNPS"}:
        return True  # "one of the directors of Y", "the youngest of Y's directors": one of several
    named_after = any(
        index.at(pobj) is not None
        for child in token.children if child.dep_ == "prep" for pobj in child.children if pobj.dep_ == "pobj"
    )
    if _owned_unit(token, index) is not None:
        return True  # "the Party's Holyrood leader": the leader of one of its groups
    for child in token.children:
        if (
            child.dep_ == "compound" and child.i < token.i and child.pos_ == "NOUN"
            and child.lower_ not in words and child.lemma_.lower() not in org_nouns
            and index.by_token.get(child.i) is None
        ):
            return True
        if child.dep_ == "compound" and child.i < token.i and named_after and index.at(child) is not None:
            return True  # "Finance Director of Y": the capitalised word before the title is a function
        if (
            child.dep_ == "compound" and child.i < token.i and child.pos_ == "PROPN" and child.is_title
            and index.by_token.get(child.i) is None and child.lower_ not in words
            and child.lemma_.lower() not in org_nouns
            and any(c.dep_ == "compound" and c.i < child.i and index.at(c) is not None for c in token.children)
        ):
            return True  # "EU Trade Commissioner X": the word between the organisation and the title is a portfolio
        if child.dep_ == "prep" and child.lower_ == "on" and any(
            pobj.dep_ == "pobj" and pobj.lemma_.lower() in _BODY_NOUNS for pobj in child.children
        ):
            return True  # "a director on the board of Y": a seat, not the head of Y
        if child.dep_ == "prep" and child.lower_ in {"of", "for"}:
            for pobj in child.children:
                if (
                    pobj.dep_ == "pobj" and index.at(pobj) is None
                    # "head of the Y's global Health Initiative": a capitalised unit owned by Y is a part of Y
                    and (pobj.pos_ == "NOUN" or pobj.pos_ == "PROPN" and _owned_by_name(pobj, index))
                    and pobj.lemma_.lower() not in org_nouns
                    # "CEO of event organisers Harbour Nights Ltd": the noun describes the named organisation
                    # (a place's name on the unit is where it works: "the boss of Y's UK arm")
                    and not any(
                        c.dep_ in {"compound", "appos"} and index.at(c) is not None and not index.is_a(c, "Place")
                        for c in pobj.children
                    )
                ):
                    return True
    return False


def _hyphened_modifier(token: Token, pattern: Pattern) -> bool:
    """Whether a subordinate modifier is hyphened to the title ("vice-president"), which the parser may leave
    outside the title's phrase."""
    doc = token.doc
    i = token.i
    return (
        i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_
        and doc[i - 2].lower_ in pattern.subordinate_modifiers
    )


def _owned_by_name(noun: Token, index: _Index) -> bool:
    """Whether a noun has a named possessive owner: "the Y's global Health Initiative"."""
    return any(c.dep_ == "poss" and index.at(c) is not None for c in noun.children)


def _title_before_name(token: Token, index: _Index) -> tuple[Token, Token] | None:
    """(person, organisation) for "Minister of <organisation> <person>" (see _titled_organisations)."""
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].lower_ != "of":
        return None
    org = index.by_token.get(token.i + 2)
    if org is None or index.mentions[org][0].label != "title":
        return None
    org_span = index.mentions[org][1]
    person = index.by_token.get(org_span.end)
    if person is None or index.mentions[person][0].type != "Person":
        return None
    return index.mentions[person][1].root, org_span.root


def _committee_title(title: Token, index: _Index) -> bool:
    """Whether a title is the head's of a committee or panel named before it (kgx:Committee): "Kestrel committee
    chairman X" chairs the committee, not Kestrel."""
    committees = index.ontology.words("Committee")
    return any(
        c.dep_ == "compound" and c.i < title.i and c.pos_ == "NOUN" and c.lemma_.lower() in committees
        and index.by_token.get(c.i) is None
        for c in title.children
    )


def _post_place(title: Token, objects: list[Token], index: _Index) -> str | None:
    """What an "in" phrase on a title or its organisation makes the post, when not one in the whole organisation.

    ``"group"``: a party's group in an assembly (kgx:Assembly: "leader of the Liberals in the assembly": a
    member of the party); ``"branch"``: the organisation's branch in a country ("managing director of
    Orbitel in the UK": staff of Orbitel); None for the whole.
    """
    if not objects:
        return None
    carriers = [title, *(index.mentions[m][1].root for obj in objects if (m := index.at(obj)) is not None)]
    assemblies = index.ontology.words("Assembly")
    for carrier in carriers:  # the parser hangs "in the UK" on the title or on the name
        for prep in carrier.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for place in prep.children:
                if place.dep_ != "pobj":
                    continue
                if place.lemma_.lower() in assemblies or place.lower_ in assemblies:
                    return "group"
                p = index.at(place)
                if p is not None and index.mentions[p][0].text.lower() in _COUNTRY_NAMES:
                    return "branch"
    return None
