"""Mentions: the names, pronouns and descriptions in a parsed document, each with an ontology class.

Decides what is a mention and of which class: the NER's names repaired (a job title or rank cut off, a bracket
alias split out, bare surnames and unlabelled names added), typed by the NER label corrected by evidence in and
around the name ("Nordwind Energy, a turbine maker" is an organisation; "X, 50," is a person; "the streets of X"
make X a place), plus datelines, source lines, organisations named in titles, and the pronouns and definite
descriptions that coreference may link.  Example: in "CEO Maria Lopez of Kestrel Bank visited Tacoma.", the
mentions are Maria Lopez (Person, without the title), Kestrel Bank (Organization) and Tacoma (Place).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from kgraph.extract.and_names import names_with_and
from kgraph.extract.award_names import award_by_plural
from kgraph.extract.body_names import bodies_with_of, courts_of_countries
from kgraph.extract.committee_names import chamber_committees
from kgraph.extract.company_names import (
    company_after_country,
    company_in_document,
    company_opened_by_title,
    firms_possession,
    names_a_firm,
    not_a_company,
)
from kgraph.extract.countries import (
    apposed_start,
    before_named_firm,
    continent_adjective,
    country_adjective,
    is_country,
    on_name,
    organisation_descriptors,
    owned_title,
    person_description,
    said_of,
    with_first_nationalities,
)
from kgraph.extract.datelines import _DATELINE_DASHES, _dated_dateline, _dateline, _source_lines
from kgraph.extract.deal_parties import buyers, buys_a_firm, firm_by_name_end
from kgraph.extract.described_lists import lists_firms
from kgraph.extract.doc_text import doc_text, doc_tokens
from kgraph.extract.glued_names import opens_sentence, unglued, without_first
from kgraph.extract.kind_names import with_kinds
from kgraph.extract.lexicon import (
    _CONTINENT_ADJECTIVES,
    _COUNTRY_ADJECTIVES,
    _COUNTRY_NAMES,
    _PART_NOUNS,
    ANY_NOUN,
)
from kgraph.extract.name_classes import retyped
from kgraph.extract.name_countries import countries_in_names
from kgraph.extract.name_spans import (
    joined_ents,
    named_by_initials,
    own_s_everywhere,
    possessive_place_names,
    unlabelled_names,
    without_plural_nouns,
)
from kgraph.extract.party_names import party_mentions
from kgraph.extract.place_names import _age_follows, centre_class, coerce_places
from kgraph.extract.portfolios import title_opening, without_portfolios
from kgraph.extract.split_names import rejoined_firms
from kgraph.extract.staff_bodies import bodies_before_staff_titles, employers_after_staff_titles
from kgraph.extract.titles import _bodies_before_titles, _titled_organisations
from kgraph.extract.unit_names import with_unit_nouns
from kgraph.extract.work_names import is_work
from kgraph.models import Mention
from kgraph.nlp import dictionary_words
from kgraph.ontology import Ontology, Pattern, per_ontology
from kgraph.vocabulary import PERSON_TITLES, RANKS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["find_mentions"]


def _is_title(word: str) -> bool:
    return word.lower().rstrip(".") in PERSON_TITLES


_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_PRONOUNS = {
    "he": "Person",
    "him": "Person",
    "his": "Person",
    "she": "Person",
    "her": "Person",
    "it": "Organization",
    "its": "Organization",
}


def _job_title_before(span: Span, ontology: Ontology) -> bool:
    """A name the NER took for a person's right after a lower-case job title ("correspondent", "analyst")."""
    if span.label_ != "PERSON" or span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.is_lower and before.lower_ in _job_titles(ontology)


def _classify(span: Span, ontology: Ontology) -> str | None:
    """The ontology class of an entity span: NER label, corrected by evidence in the name."""
    last = span[-1].lower_
    if ontology.class_for_head(span.root.lower_) is not None and span.root.i != span[-1].i:
        last = span.root.lower_  # "Nobel Prize in Medicine": the head noun is not the last word
    if span.label_ == "DATE" or span.label_ in {"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "TIME"}:
        return None
    if len(span) > 1 and span.label_ != "PERSON" and span[-1].lower_ in ontology.unnamed_heads:
        return None  # "the Securities Trading Act": a law is no organisation
    if span.text.lower() in ontology.unnamed_names:
        return None  # "Islam": a religion the NER took for an organisation is none of the ontology's things
    by_head = ontology.class_for_head(last)
    if by_head is not None and ontology.is_a(by_head, "Place") and last != span[-1].lower_:
        # "Centre for Coastal Studies": a place word with a purpose after it names a body
        after = span.root.i + 1
        if after < span.end and span.doc[after].lower_ == "for":
            by_head = "Organization"
    if by_head and last in ontology.words("CentreNoun"):
        by_head = centre_class(span, by_head, ontology)  # "the Northwest Flood Center", "Kellmore National Park"
    if by_head is not None and ontology.is_a(by_head, "Place") and _job_title_before(span, ontology):
        return "Person"  # "BBC correspondent Simon Hall": a person's name ending in a place's head noun
    if by_head is not None and span.label_ != "PERSON" or by_head is not None and len(span) > 1:
        return by_head
    if by_head is None and (firm_by_name_end(span, ontology) or buys_a_firm(span, ontology)):
        return "Organization"  # "Kansai Telecom", "Merrow Air" (kgx:FirmNameEnd); "Vantorix bought Dorval Holdings"
    by_opening = ontology.class_for_opening(span[0].lower_) if len(span) > 1 else None
    if by_opening is not None and span.label_ in {"ORG", "PERSON"}:
        return by_opening  # "Fort Tacoma", "Camp Kestrel": a place, though the NER said ORG or PERSON
    if _YEAR.match(span[-1].text) and len(span) > 1:
        for info in ontology.classes.values():
            if info.year_suffix:
                return info.name
    if span.start > 0 and _is_title(span.doc[span.start - 1].text) and span.label_ in {"ORG", "PERSON"}:
        return "Person"
    if _is_title(span[0].text) and len(span) > 1 and not company_opened_by_title(span):
        return "Person"
    if span.label_ in {"ORG", "PERSON", "NORP"} and is_country(span.text, ontology):
        return "Place"  # "Benin's president, X": a country the NER took for a body or a person is a country
    return ontology.class_for_ner(span.label_)


def _of_objects(token: Token) -> list[Token]:
    """The objects of a word's "of" phrases: "one of the carmakers" -> carmakers."""
    return [pobj for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children if pobj.dep_ == "pobj"]


def _described_as(span: Span, ontology: Ontology) -> str | None:
    """The class an apposition gives a name: "Nordwind Energy, a wind turbine maker" is an organisation.

    Only person/organisation/place confusions are repaired, the NER's usual mistakes.
    """
    root = span.root
    doc = span.doc
    if span.label_ in {"GPE", "LOC"} and span.end + 1 < len(doc) and doc[span.end].text == "," and (
        doc[span.end + 1].ent_type_ in {"GPE", "LOC"} and doc[span.end + 1].head.i == root.i
    ):
        # "a guest from Bergen, Norway, who ...", "Ruth Vale, 71, of Kellmore, Alaska, the new chair ...":
        # a place followed by its region is a place; what the parser hangs on it belongs to a name before
        return None
    # an apposition is set off by a comma or a bracket ("Reuters the head of Y" is a misparse)
    nouns = [
        c for c in root.children
        if c.dep_ == "appos" and c.pos_ in {"NOUN", "PROPN"}
        and (c.i < span.start or span.end < len(doc) and (doc[span.end].text in {",", "("} | _DATELINE_DASHES))
    ]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    # "Corvix, one of Europe's biggest carmakers": the kind of the things the name is one of
    nouns.extend(
        pobj for c in root.children
        if c.dep_ == "appos" and c.lower_ == "one" and span.end < len(doc) and doc[span.end].text == ","
        for pobj in _of_objects(c) if pobj.pos_ == "NOUN" and pobj.tag_ == "NNS"
    )
    before = doc[span.start - 1] if span.start > 0 else None
    if (
        before is not None and before.pos_ == "NOUN" and before.dep_ == "compound"
        and before.head.i in range(span.start, span.end)
        # "film producer Robert Evans" (but "media giant Kestrel Halder": a word no person is called)
        and not (span.label_ == "PERSON" and len(span) > 1 and before.lemma_.lower() not in ontology.words("FirmNoun"))
    ):
        nouns.append(before)  # "research think-tank Corvane", "insurer Aviva": the kind of body the name is
        if before.lemma_.lower() in ontology.words("FirmNoun"):
            nouns.insert(0, nouns.pop())  # ... first ("media giant X, its boss and ...": a list, not X's post)
    after = doc[span.end] if span.end < len(doc) else None
    if (
        len(span) == 1 and after is not None and after.pos_ == "NOUN" and root.dep_ == "compound"
        and root.head.i == after.i and before is not None and before.lower_ == "the"
    ):
        nouns.append(after)  # "the Kestrel company", "the Orbitel institute": the name's own kind
        before = after  # (a body's kind, as for a noun before the name)
    for noun in nouns:
        lemma = noun.lemma_.lower()
        if noun.i >= 2 and doc[noun.i - 1].text == "-":
            lemma = f"{doc[noun.i - 2].lower_}-{lemma}"  # "think-tank"
        # a noun before the name tells a body's kind only: not a person's ("fund manager Matrix Advisors"),
        # nor a place's ("the county Green Party" is a branch of the party)
        allowed = {"Organization", "GovernmentBody"} if before is not None and noun.i == before.i else _REPAIRABLE
        if before is not None and noun.i == before.i and span.label_ == "ORG":
            allowed = allowed | {"Event"}  # "the mobile phone conference 3GSM": a meeting, not a body
        classes = [c for c in ontology.classes_for_descriptor(lemma) if c in allowed]
        if len(classes) >= 1:
            return max(classes, key=lambda c: len(ontology.classes[c].ancestors))
        if "Person" in allowed and noun.lemma_.lower() in _person_titles(ontology):
            return "Person"  # "Ruben Okoye, presidential candidate of ...", "X, a deputy from Y"
    if any(c.dep_ == "relcl" and any(w.lower_ == "who" for w in c.children) for c in root.children):
        return "Person"  # "Okafor, who lives in Riverton"
    if (
        span.label_ in {"ORG", "GPE"} and root.dep_ == "nsubjpass" and root.head.lower_ == "born"
        and ontology.class_for_head(span[-1].lower_) is None
    ):
        return "Person"  # "Kestrel Vance was born in Bergen"
    if (
        span.label_ == "ORG" and len(span) == 1 and root.dep_ == "poss"
        and root.head.lemma_.lower() in ontology.words("PersonPossession")
        and ontology.class_for_head(root.lower_) is None
    ):
        return "Person"  # "Halvorsen's Bergen home", "Vidal's wife": only a person has them
    if (
        span.label_ in {"ORG", "NORP"} and root.dep_ == "appos" and root.head.dep_ == "pobj"
        and root.head.head.lower_ == "of" and root.head.head.head.lemma_.lower() in _post_words(ontology)
        and ontology.class_for_head(span[-1].lower_) is None
        and span.start > 0 and doc[span.start - 1].text == "," and not span.text.isupper()
    ):
        return "Person"  # "the mayor of Spokane, Vidal, said": the name after a post's place holds it
    if span.label_ in {"PERSON", "LOC", "FAC"} and root.dep_ == "poss" and firms_possession(root.head, ontology):
        return "Organization"  # "Air Kestrel's managing director X", "Orbix's shares": only a company has them
    if _age_follows(span) and ontology.class_for_head(span[-1].lower_) is None:
        return "Person"  # "Marta Kiel, 50, of Bellport": an age set off by commas
    return None


@per_ontology
def _person_titles(ontology: Ontology) -> frozenset[str]:
    """One-word triggers of relational nouns only a person can hold ("deputy", "spokesman")."""
    def domain(p: Pattern) -> str | None:
        return p.subject_type or ontology.properties[p.property].domain

    shared = {t for p in ontology.patterns if domain(p) != "Person" for t in p.triggers}  # "partner"
    return frozenset(
        t
        for p in ontology.patterns
        if p.frame == "RelationalNoun" and domain(p) == "Person"
        for t in p.triggers
        if " " not in t and t != ANY_NOUN and t not in shared
    )


@per_ontology
def _post_words(ontology: Ontology) -> frozenset[str]:
    """Nouns of a person's post or standing ("mayor", "king", "minister"): whoever comes after
    "the <post> of <place>," holds the post ("the mayor of Spokane, Vidal,")."""
    person = ontology.classes.get("Person")
    return _person_titles(ontology) | _NAME_PREFIXES | (person.descriptors if person is not None else frozenset())


_REPAIRABLE = {"Person", "Organization", "Place", "GovernmentBody"}
_BRACKET_ALIAS = re.compile(r"\s*\(\s*([A-Z][\w.&-]{1,30}|[a-z]+[A-Z][\w.&-]*)\s*\)")
#: Titles that stay part of a name ("Mr. Lee", "Dr. Okafor", "Queen Elizabeth", "President Lincoln"):
#: forms of address. Office and rank titles ("Sen.", "Gov.", "Judge", "Lt.") are not part of a name.
_NAME_PREFIXES = frozenset(
    """mr mrs ms miss dr sir dame pope king queen prince princess lord lady president rev father sister duke
    duchess earl countess baron baroness marquess viscount""".split()
)
#: The same ranks written out: not part of a name either ("Police Colonel X"), though a body's name
#: may end in one ("the Office of the Inspector"), so the NER repair leaves them to this list
_RANK_WORDS = frozenset(
    "major captain colonel lieutenant sergeant corporal admiral inspector detective superintendent constable".split()
)


@per_ontology
def _job_titles(ontology: Ontology) -> frozenset[str]:
    """Words before a name that are not part of it: job titles ("ceo", "chairman", "spokesman"),
    offices and ranks ("sen.", "judge", "lt."), and the ontology's words for people ("actress")."""
    words = {t for p in ontology.patterns if p.frame == "RelationalNoun" for t in p.triggers if " " not in t}
    person = ontology.classes.get("Person")
    if person is not None:
        words |= person.descriptors
    words |= PERSON_TITLES | RANKS | _RANK_WORDS
    words = {w.rstrip(".") for w in words}
    return frozenset(w for w in words if w not in _NAME_PREFIXES)


#: Words for what a person does or where a person is from that the NER takes into the name after them
#: ("Conductor Karl Vogt", "Frenchman Luc Aubry"); none is a forename.
_NOT_FORENAMES = frozenset(
    """conductor composer novelist poet drummer guitarist rapper midfielder defender goalkeeper skipper jockey
    frenchman frenchwoman englishman englishwoman irishman irishwoman scotsman scotswoman welshman welshwoman
    dutchman dutchwoman spaniard briton""".split()
)


def _with_own_s(span: Span) -> Span:
    """ "Standard & Poor" + "'s upgraded Pakistan": an organisation's name followed by an "'s" that
    possesses nothing (the name is no possessor in the parse) ends in it, as "Moody's" does."""
    doc = span.doc
    if span.label_ != "ORG" or span.end >= len(doc) or doc[span.end].tag_ != "POS" or doc[span.end].lower_ != "'s":
        return span
    if any(t.dep_ == "poss" for t in span):
        return span
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    if after is not None and (after.pos_ in {"NOUN", "PROPN", "ADJ", "ADV", "NUM"} or after.is_title):
        return span  # "Orbix's wholly owned subsidiary", "Kestrel's Do You Know": a possessor after all
    from spacy.tokens import Span

    return Span(doc, span.start, span.end + 1, label=span.label_)


def _without_new(span: Span, titles: frozenset[str]) -> Span:
    """ "New European Commission rules": "New" opening a sentence before a country's adjective is the sentence's
    adjective, no name's first word (no "New Zealand" is of that shape); so before a dictionary adjective and a name
    before a capitalised title (``titles``): "New Central Police Commissioner X" ("York" is no adjective)."""
    first = span[0]
    if len(span) < 3 or first.text != "New" or not opens_sentence(first):
        return span
    second = span[1].lower_
    if second in _COUNTRY_ADJECTIVES or second in _CONTINENT_ADJECTIVES:
        return without_first(span)
    if second in dictionary_words("adj") and _names_office(span, titles):
        from spacy.tokens import Span

        return Span(span.doc, span.start + 1, span.end, label=span.label_)
    return span


def _without_open_end(span: Span) -> Span:
    """ "Kellmore Management Centre at" -> "Kellmore Management Centre": a name does not end in a
    lower-case preposition (the NER ran on into the phrase that says where the body is)."""
    end = span.end
    while end - span.start > 1 and span.doc[end - 1].is_lower and span.doc[end - 1].pos_ == "ADP":
        end -= 1
    if end == span.end:
        return span
    from spacy.tokens import Span

    return Span(span.doc, span.start, end, label=span.label_)


def _balanced(span: Span) -> Span:
    """ "Alliance of Democratic Forces (ADF" -> "Alliance of Democratic Forces": a name does not open a
    bracket it does not close (the abbreviation after it is an alias, see kgraph.extract.coref)."""
    texts = [t.text for t in span]
    if "(" not in texts or ")" in texts[texts.index("("):] or texts.index("(") == 0:
        return span
    from spacy.tokens import Span

    return Span(span.doc, span.start, span.start + texts.index("("), label=span.label_)


def _join_bare_heads(
    doc: Doc, found: list[tuple[Mention, Span]], taken: set[int], ontology: Ontology
) -> list[tuple[Mention, Span]]:
    """ "Newcastle" + "United", "Kentish" + "Town": a name that is only a head noun ("United",
    "Town") is the end of the name before it, which the NER cut in two. Not a public body's
    ("U.S." + "Congress": Congress, based in the U.S.)."""
    from spacy.tokens import Span

    by_end = {span.end: k for k, (_, span) in enumerate(found)}
    drop: set[int] = set()
    out = list(found)
    for k, (mention, span) in enumerate(found):
        if len(span) != 1 or mention.label == "PERSON" or span.start == 0 or not span[0].is_title:
            continue
        word = span[0].lower_
        cls = ontology.class_for_head(word) or next(
            (c for c in ontology.classes_for_descriptor(word) if not ontology.is_a(c, "Person")), None
        )
        if cls is None or ontology.is_a(cls, "Person") or ontology.is_a(cls, "GovernmentBody"):
            continue  # "U.S." + "Congress": a public body's name stands alone, the place before it is its own
        start = span.start
        previous = by_end.get(start)
        if previous is not None and found[previous][0].type == "Person":
            continue  # "Lena Berg" + "Park": a person's name is no place's or club's
        if previous is not None and previous not in drop:
            start = found[previous][1].start  # "Newcastle" (a place to the NER) + "United"
            drop.add(previous)
        else:
            while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ in {"PROPN", "ADJ"} and (
                start - 1 not in taken
            ):
                start -= 1  # "Kentish" + "Town"
            if start == span.start or doc[start].is_sent_start and doc[start].pos_ == "ADJ":
                continue
        joined = Span(doc, start, span.end, label=span.label_)
        out[k] = (Mention(joined.start_char, joined.end_char, joined.text, cls, mention.label), joined)
        taken.update(range(start, span.end))
    return [pair for k, pair in enumerate(out) if k not in drop]


def _bracket_aliases(found: list[tuple[Mention, Span]]) -> list[tuple[Mention, Span]]:
    """ "Bergen Valley Dental Clinic, L.L.C. (Bergen Valley)": a short name in brackets right after
    a name, made of its words or its initials, is that name's alias and of its class; so is a one-word name
    cut from the name's one word ("Yugrafneft (Yugraf)"), and so are the alias's other mentions of the
    class it had ("Yugraf said ...")."""
    out = list(found)
    retyped: dict[tuple[str, str], str] = {}
    for k in range(1, len(out)):
        (named, named_span), (alias, span) = out[k - 1], out[k]
        doc = span.doc
        if not (
            span.start >= 2 and doc[span.start - 1].text == "(" and named_span.end == span.start - 1
            and span.end < len(doc) and doc[span.end].text == ")" and alias.type != named.type
            and named.label not in {"pronoun", "description"}
        ):
            continue
        words = {t.lower_ for t in named_span}
        initials = "".join(t.text[0] for t in named_span if t.text[:1].isupper())
        cut = len(span) == 1 and len(named_span) == 1 and len(span.text) >= 4 and named_span.text.startswith(span.text)
        if all(t.lower_ in words for t in span) or span.text.replace(".", "") == initials or cut:
            out[k] = (Mention(alias.start, alias.end, alias.text, named.type, alias.label), span)
            if cut:
                retyped[(alias.text, alias.type)] = named.type
    return [
        (replace(m, type=retyped[(m.text, m.type)]), span)
        if (m.text, m.type) in retyped and m.label not in {"pronoun", "description"}
        else (m, span)
        for m, span in out
    ]


def _names_office(span: Span, titles: frozenset[str]) -> bool:
    """ "Home" of "Home Secretary": a word right before a capitalised title is part of the office's name."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.is_title and after.lower_.rstrip(".") in titles


def _joined_portfolio(span: Span, ontology: Ontology) -> bool:
    """ "Trade and Industry", "Culture, Media and Sport": capitalised words joined by "and" (a comma,
    "&"), the shape of a portfolio's name before a minister's title, where a body has its head noun; so are
    capitalised words ending in a portfolio's noun (``kgx:PortfolioNoun``: "Monetary Affairs")."""
    joins = {"and", "&", ","}
    if len(span) >= 2 and span[-1].lower_ in ontology.words("PortfolioNoun") and all(t.is_title for t in span):
        return True
    return (
        len(span) >= 3 and any(t.lower_ in {"and", "&"} for t in span[1:-1])
        and all(t.lower_ in joins or t.is_title and t.is_alpha for t in span)
        and span[0].lower_ not in joins and span[-1].lower_ not in joins
    )


def _split_title(span: Span, titles: frozenset[str]) -> Span:
    """ "Labour MP Diane Abbott" -> "MP Diane Abbott": capitalised words before a job title inside a
    person's name are not part of it (they name the body, found as a name of its own)."""
    from spacy.tokens import Span

    for i in range(span.start + 1, span.end - 1):
        if span.doc[i].lower_.rstrip(".") in titles:
            if all(t.text[:1].isupper() and t.lower_.rstrip(".") not in titles for t in span.doc[span.start : i]):
                return Span(span.doc, i, span.end, label=span.label_)
            break
    return span


def _strip_job_title(span: Span, titles: frozenset[str]) -> Span | None:
    """ "CEO Maria Lopez" -> "Maria Lopez": the title is a trigger, not part of the name."""
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_.rstrip(".") in titles:
        start += 1
    if start == span.start:
        return span
    from spacy.tokens import Span

    return Span(span.doc, start, span.end, label=span.label_)


#: Forms of address that are also an office: part of the name alone ("President Lincoln"), but a title where the
#: words before say whose office it is ("the party's President X", "Kestrel Bank President X").
_OFFICE_PREFIXES = frozenset({"president"})


def _without_owned_office(span: Span) -> Span:
    """ "President Simon Hale" -> "Simon Hale" after a possessive, a name or a country's or continent's adjective
    ("the party's", "Liberal Democrat", "Danish", "South African"): the office is held where those words name."""
    if len(span) < 3 or span[0].lower_ not in _OFFICE_PREFIXES or span.start == 0:
        return span
    before = span.doc[span.start - 1]
    named = before.pos_ == "PROPN" and before.is_alpha and (before.is_title or before.is_upper)
    owned = before.tag_ == "POS" or named or before.lower_ in _COUNTRY_ADJECTIVES.keys() | _CONTINENT_ADJECTIVES
    if not owned:
        return span
    from spacy.tokens import Span

    return Span(span.doc, span.start + 1, span.end, label=span.label_)


def _place_opens_name(doc: Doc, ents: list[Span], ontology: Ontology) -> list[Span]:
    """ "UK" + "Independence Party", "UK" + "Coal": a country the parse makes a compound inside the
    noun phrase of the capitalised name after it is that name's first word, and the whole is of the
    name's label. Where the NER labelled no name after the country, only where the words around say
    a company ("Shares in UK Coal", "UK Coal reported a loss"). Not before a person's name or a title
    ("US President X"), nor a public body's head ("U.S. Congress": based in the U.S.), nor a name
    with a digit ("South Korea W145 Samsung", a table's row)."""
    by_start = {ent.start: ent for ent in ents}
    out: list[Span] = []
    drop: set[int] = set()
    for ent in ents:
        if ent.start in drop:
            continue
        joined = None
        if ent.label_ == "GPE" and ent.text.lower() in _COUNTRY_NAMES and ent[-1].dep_ == "compound":
            after = by_start.get(ent.end)
            joined = _joined_name(ent, after, ontology)
            if joined is not None and after is not None and joined.end == after.end:
                drop.add(after.start)
        out.append(joined or ent)
    return [_country_before(ent) for ent in out]


def _joined_name(place: Span, after: Span | None, ontology: Ontology) -> Span | None:
    """The name a country opens (see :func:`_place_opens_name`), or None."""
    from spacy.tokens import Span

    doc = place.doc
    head = place[-1].head
    if after is not None:
        sibling = after.root.dep_ == "compound" and head.i == after.root.head.i
        if after.label_ not in {"ORG", "FAC", "EVENT", "PRODUCT"} or not (after.start <= head.i < after.end or sibling):
            return None
        end = after.end
        label = after.label_
    else:
        end = head.i + 1
        label = "ORG"
        if (
            head.i <= place.end - 1 or head.i - place.end > 2 or any(t.ent_type_ for t in doc[place.end : end])
            or not all(t.head.i == head.i or t.i == head.i for t in doc[place.end : end])
            or end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN"  # the name goes on past its head
            or not names_a_firm(head, ontology)
        ):
            return None
    words = doc[place.end : end]
    if not all(t.is_title and t.is_alpha and t.pos_ == "PROPN" and not t.is_sent_start for t in words):
        return None
    cls = ontology.class_for_head(words[-1].lower_)
    titles = _job_titles(ontology)
    if any(t.lower_.rstrip(".") in titles and ontology.class_for_head(t.lower_) is None for t in words) or (
        cls is not None and ontology.is_a(cls, "GovernmentBody") or words[-1].lower_ in ontology.words("CourtNoun")
    ):
        return None
    return Span(doc, place.start, end, label=label)


def _with_year(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Aero Kestrel" + "2005" + "air show": a year between a name and a noun, on the name or on the noun
    the name modifies, is the name's last word, and the whole an event's name."""
    from spacy.tokens import Span

    out: list[Span] = []
    for ent in ents:
        if (
            out and ent.label_ == "DATE" and len(ent) == 1 and _YEAR.match(ent.text) and out[-1].end == ent.start
            and out[-1].label_ not in {"DATE", "PERSON"} and ent.end < len(doc) and doc[ent.end].pos_ == "NOUN"
            and doc[ent.end].is_lower
            and (ent.root.head.i in range(out[-1].start, out[-1].end) or out[-1].root.head.i == ent.root.head.i)
        ):
            out[-1] = Span(doc, out[-1].start, ent.end, label="EVENT")
            continue
        out.append(ent)
    return out


def _country_before(ent: Span) -> Span:
    """ "The UK" + "Independence Party member": a country's name the NER left unlabelled, right before
    an organisation's name and a compound in the same noun phrase (on the name's head or on the noun
    the name itself modifies), is the name's first word."""
    from spacy.tokens import Span

    doc = ent.doc
    if ent.label_ != "ORG" or ent.start == 0:
        return ent
    before = doc[ent.start - 1]
    if (
        before.ent_type_ or before.lower_ not in _COUNTRY_NAMES or before.dep_ != "compound" or before.is_sent_start
        or not (
            ent.start <= before.head.i < ent.end or before.head.i == ent.root.head.i and ent.root.dep_ == "compound"
        )
    ):
        return ent
    return Span(doc, ent.start - 1, ent.end, label=ent.label_)


def _named_entities(
    doc: Doc, ontology: Ontology, taken: set[int], aliases: dict[str, str]
) -> Iterator[tuple[Mention, Span]]:
    """The NER's names, repaired and typed: joined or cut where the words around say so, a title cut off a
    person's name, works and offices left out, the class corrected by the evidence around the name.

    Adds each name's tokens (and a title cut off it) to ``taken`` as it goes, and the class of a bracketed
    abbreviation after a name to ``aliases`` ("Eastgate Science Park (EastPark)")."""
    job_titles = _job_titles(ontology)
    government = ontology.classes.get("GovernmentBody")
    office_titles = government.title_words if government is not None else frozenset()
    text = doc_text(doc)
    ents = joined_ents(doc, unglued(doc, _with_year(doc, rejoined_firms(doc, list(doc.ents))), ontology), job_titles)
    ents = with_unit_nouns(doc, ents, text, ontology)
    ents = courts_of_countries(doc, possessive_place_names(doc, without_plural_nouns(ents), ontology), ontology)
    ents = without_portfolios(doc, names_with_and(doc, bodies_with_of(doc, ents, ontology), ontology), ontology)
    ents = chamber_committees(doc, ents, ontology)
    for ent in _place_opens_name(doc, ents, ontology):
        if any(i in taken for i in range(ent.start, ent.end)):
            continue
        cls = _classify(ent, ontology)
        if cls is None or not ent.text.strip():
            continue
        if is_work(_balanced(ent), ontology):  # ("Harbour Lights (BBC Two": the work before the bracket)
            taken.update(range(ent.start, _balanced(ent).end))  # nor a name the rules find in its words
            continue
        one_word = len(ent) == 1 and ent[0].is_title and ent[0].is_alpha
        if (one_word or _joined_portfolio(ent, ontology)) and ent.label_ == "ORG" and _names_office(
            ent, office_titles  # not "U.N. Secretary-General X"
        ):
            continue  # "Home Secretary X", "Health Minister X": the word names the office, not a body
        if not any(c.isupper() or c.isdigit() for c in ent.text):
            continue  # "video jukebox" as a PERSON: a name has a capital letter ("iPark", "eBay") or a digit
        cls = (
            award_by_plural(ent, ontology)
            or _described_as(ent, ontology)
            or company_after_country(ent, ontology)
            or company_in_document(ent, ontology)
            or not_a_company(ent, ontology)
            or cls
        )
        ent = _with_own_s(_without_new(_without_open_end(_balanced(ent)), office_titles | job_titles))
        if cls == "Person":
            ent = _split_title(ent, job_titles)
            stripped = _strip_job_title(_without_owned_office(ent), job_titles)
            if stripped is None:
                continue
            taken.update(range(ent.start, stripped.start))  # the title is no part of another name
            ent = stripped
            if len(ent) > 2 and (ent[0].tag_ == "NNPS" or ent[0].lower_.endswith(("men", "women"))):
                ent = without_first(ent)  # "Irishmen JP Halloran and ...": a plural before the name is no part of it
            while len(ent) > 2 and (ent[0].lower_ in _NOT_FORENAMES or ent[0].lower_ in _COUNTRY_ADJECTIVES):
                ent = without_first(ent)  # "Conductor Karl Vogt", "Swiss Anna Roth": no part of the name
        end_char = ent.end_char
        if cls == "Person" and _stop_in_name(ent):
            end_char -= 1  # "... said survey chairman Norbert Ore.": the sentence's stop is no part of the name
        yield Mention(ent.start_char, end_char, text[ent.start_char : end_char], cls, ent.label_), ent
        taken.update(range(ent.start, ent.end))
        bracket = _BRACKET_ALIAS.match(text, ent.end_char)
        if bracket:
            aliases[bracket.group(1).lower()] = cls


def _pronouns_and_descriptions(
    doc: Doc, ontology: Ontology, taken: set[int], adjectives: set[int], described: set[int], based: set[int]
) -> Iterator[tuple[Mention, Span]]:
    """Pronouns and definite descriptions ("the carmaker", "the UK's biggest coal producer") outside the names
    in ``taken``, each with the class it could refer to; ``adjectives`` are the countries' adjectives beside a
    name, ``described`` those (and the countries' possessives) in a description alone, ``based`` the tokens of
    names before "-based"."""
    from spacy.tokens import Span

    for token in doc_tokens(doc):
        if token.i in taken:
            continue
        lower = token.lower_
        if lower in _PRONOUNS and token.pos_ == "PRON":
            span = doc[token.i : token.i + 1]
            yield Mention(token.idx, token.idx + len(token), token.text, _PRONOUNS[lower], "pronoun"), span
        elif token.pos_ in {"NOUN", "PROPN"} and token.is_lower and ontology.classes_for_descriptor(lower):
            det = [c for c in token.children if c.dep_ == "det" and c.lower_ in {"the", "this", "that"}]
            if not det and token.i > 0 and doc[token.i - 1].lower_ in {"the", "this", "that"}:
                det = [doc[token.i - 1]]  # the parser sometimes hangs "the" on the next noun
            if not det:
                # "the UK's biggest coal producer", "France's second largest carmaker": a country's possessive
                det = [c.left_edge for c in token.children if c.dep_ == "poss" and c.i in described][:1]
            if not det or any(
                c.dep_ in {"compound", "poss"} and c.i in taken and c.i not in described for c in token.children
            ):
                continue
            classes = ontology.classes_for_descriptor(lower)
            cls = max(classes, key=lambda c: len(ontology.classes[c].ancestors))
            if ontology.is_a(cls, "Place") and lower not in _PART_NOUNS and token.dep_ != "appos" and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.i in taken for g in c.children)
                for c in token.children
            ):
                continue  # "near the town of Duluth": the name that follows is the place, not an earlier one
            span = Span(doc, det[0].i, token.i + 1)
            if any(i in adjectives for i in range(span.start, span.end)):
                continue  # "the French carmaker" beside its name: "French" is the country's mention
            # "the German lender", "the Netherlands-based company": the country (its adjective, or its name
            # before "-based") stays its own mention, the noun after it is the description's; another name
            # inside makes the phrase that name's own ("the Tacoma Falcons football team")
            inside = [i for i in range(span.start, span.end) if i in taken]
            if any(i not in described and i not in based for i in inside):
                continue
            mention = Mention(span.start_char, span.end_char, span.text, cls, "description")
            yield mention, Span(doc, inside[-1] + 1, span.end) if inside else span


def find_mentions(doc: Doc, ontology: Ontology, learned: bool = True) -> list[tuple[Mention, Span]]:
    """Entity mentions with ontology types, plus pronouns and definite descriptions.

    Pronouns and descriptions ("the cluster") get ``label="pronoun"``/``"description"``
    and the class they could refer to; coreference (kgraph.extract.coref) links or drops them.
    With ``learned`` (the default) the learned name classes of :mod:`kgraph.extract.name_classes`
    have the last word on whether a name is a person, an organisation or a place.
    """
    found: list[tuple[Mention, Span]] = []
    taken: set[int] = set()
    job_titles = _job_titles(ontology)
    aliases: dict[str, str] = {}
    for span, dated in [*(_dateline(doc, ontology) or _dated_dateline(doc)), *_source_lines(doc)]:
        if any(i in taken for i in range(span.start, span.end)):
            continue
        if dated:  # an empty class: words of the line that name nothing
            found.append((Mention(span.start_char, span.end_char, span.text, dated, "dateline"), span))
        taken.update(range(span.start, span.end))
    found.extend(_named_entities(doc, ontology, taken, aliases))
    found = own_s_everywhere(found)
    found = named_by_initials(found)
    taken.update(i for _, span in found for i in range(span.start, span.end))
    found = _join_bare_heads(doc, found, taken, ontology)
    found = _names_with_of(doc, found, ontology)
    found = _bracket_aliases(found)
    people = {ent[-1].lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    # one-word names of bodies and places the NER found elsewhere in the text ("Labour" ... "Labour MP X")
    elsewhere = {
        m.text: m.type for m, span in found
        if len(span) == 1 and m.label in {"ORG", "GPE", "LOC"} and m.type != "Person"
        and not _names_office(span, job_titles)
    }
    for name in unlabelled_names(doc, taken, people | set(aliases), frozenset(elsewhere)):
        opened = title_opening(name, ontology)  # "Deputy High Court Judge X": the High Court
        if opened is None:
            continue
        span = opened
        last = span[-1].lower_
        cls = ontology.class_for_head(last) or _described_as(span, ontology)
        if cls is not None and last in ontology.words("CentreNoun"):
            cls = centre_class(span, cls, ontology)  # "Harle Park" a place, as a name the NER saw would be
        if cls is None and len(span) == 1 and last in aliases:
            cls = aliases[last]  # "EastPark" after "Eastgate Science Park (EastPark)"
        elif cls is None and len(span) == 1 and span.text in elsewhere:
            cls = elsewhere[span.text]
            if _names_office(span, job_titles) and not ontology.is_a(cls, "Place"):
                cls = None  # "Health Minister X", "Home Secretary X": the word names the office, not a body
        elif cls is None and last in people and len(span) <= 3:
            cls = "Person"  # "Toshio Fujimoto" or "Fujimoto" when "... Fujimoto" is a person elsewhere
        if cls is not None and not is_work(span, ontology):
            found.append((Mention(span.start_char, span.end_char, span.text, cls, "name"), span))
            taken.update(range(span.start, span.end))
    for span in buyers(doc, found, taken, ontology):  # "Sorato bought Kansai Telecom"
        found.append((Mention(span.start_char, span.end_char, span.text, "Organization", "name"), span))
        taken.add(span.start)
    found = coerce_places(found, ontology, _post_words(ontology))
    for span, cls in _titled_organisations(doc, taken, ontology):
        found.append((Mention(span.start_char, span.end_char, span.text, cls, "title"), span))
        taken.update(range(span.start, span.end))
    found = _bodies_before_titles(doc, found, taken, ontology)
    found = bodies_before_staff_titles(doc, found, taken, ontology)  # "Kestrel Markets analyst X"
    found = employers_after_staff_titles(doc, found, ontology)  # "X, an economist at Gerrard" (NER: GPE)
    # "Tory MP X", "the Liberal Democrat X"
    found = party_mentions(doc, found, taken, job_titles | _OFFICE_PREFIXES, ontology)
    adjectives: set[int] = set()  # beside a name: "French carmaker Corvane"
    described: set[int] = set()  # in a description alone: "the German lender"
    for token, country, named in with_first_nationalities(_country_adjectives(doc, found, taken, ontology)):
        # "the US carmaker": the NER's mention of the country's name gives way to the country's mention
        found = [pair for pair in found if (pair[1].start, pair[1].end) != (token.i, token.i + 1)]
        mention = Mention(token.idx, token.idx + len(token), country, "Place", "adjective")
        found.append((mention, doc[token.i : token.i + 1]))
        (adjectives if named else described).add(token.i)
    taken |= adjectives | described
    described |= _country_possessives(doc, found, ontology)  # "the UK's biggest coal producer"
    based = {i for _, span in found if _based_on(span.root) for i in range(span.start, span.end)}
    found.extend(_pronouns_and_descriptions(doc, ontology, taken, adjectives, described, based))
    found.sort(key=lambda pair: pair[0])
    # a name's kind beside it has the last word: "the band X" is a body, a name used as a common noun none
    found = with_kinds(retyped(found, ontology) if learned else found, ontology)
    return countries_in_names(doc, found, ontology)  # "National Iranian Oil Company": Iran, after the name


def _names_with_of(doc: Doc, found: list[tuple[Mention, Span]], ontology: Ontology) -> list[tuple[Mention, Span]]:
    """ "Royal Bank of Scotland chief executive X": an organisation, "of" and a place right before a
    title are one name, as a phrase cannot stand inside the words before a noun. Not "Kestrel Bank of
    Oslo said", where "of Oslo" says where the bank is."""
    from spacy.tokens import Span

    titles = _job_titles(ontology)
    by_start = {span.start: k for k, (_, span) in enumerate(found)}
    out = list(found)
    dropped: set[int] = set()
    for k, (mention, span) in enumerate(found):
        of = span.end
        place = by_start.get(of + 1)
        if (
            not ontology.is_a(mention.type, "Organization") or of + 1 >= len(doc) or doc[of].lower_ != "of"
            or place is None or not ontology.is_a(found[place][0].type, "Place")
        ):
            continue
        after = found[place][1].end
        if after < len(doc) and doc[after].lower_ in titles and doc[after].is_lower:
            joined = Span(doc, span.start, after, label=span.label_)
            out[k] = (Mention(joined.start_char, joined.end_char, joined.text, mention.type, mention.label), joined)
            dropped.add(place)
    return [pair for k, pair in enumerate(out) if k not in dropped]


def _country_adjectives(
    doc: Doc, found: list[tuple[Mention, Span]], taken: set[int], ontology: Ontology
) -> Iterator[tuple[Token, str, bool]]:
    """A country's adjective on the noun that describes an organisation named beside it, with the country:
    "French carmaker Corvane", "the German chemicals group Halder", "Corvane, the French carmaker", "its
    Swedish rival Corvane"; or on a definite description of one ("the German lender", which coreference
    links to the firm named before), without a name beside it (``named`` False); or on a person's title
    before or beside the person's name: "German Chancellor X", "X, the Dutch finance minister".
    The mention's text is the country's name, so it is the country's node. Not "a French-born
    executive" (no organisation's noun), nor "the French market" (no organisation named), nor "a German
    lender" (no firm referred to)."""
    orgs = {i for m, span in found if ontology.is_a(m.type, "Organization") for i in range(span.start, span.end)}
    people = {i for m, span in found if m.type == "Person" for i in range(span.start, span.end)}
    org_nouns = ontology.words("RivalNoun") | organisation_descriptors(ontology)
    alone = {span.start for _, span in found if len(span) == 1}
    # the NER's organisations (not a run of capitalised words, which may have lost an adjective of its own)
    org_roots = {
        span.root.i: span.start for m, span in found if ontology.is_a(m.type, "Organization") and m.label != "name"
    }
    # (and the comma that sets a name beside a firm's noun: "the US financial watchdog, the Selvane Commission")
    org_starts = set(org_roots.values()) | {
        apposed_start(doc, span.start, span.end)
        for m, span in found if ontology.is_a(m.type, "Organization") and m.label != "name"
    }
    for token in doc_tokens(doc):
        if token.text in _COUNTRY_MODIFIERS and token.i in alone and token.dep_ == "nmod" and before_named_firm(
            token, org_starts, org_nouns
        ):
            yield token, token.text, True  # "the US financial watchdog, the Selvane Commission", parsed as "nmod"
            continue
        if (
            token.text in _COUNTRY_MODIFIERS and token.i in alone and token.dep_ == "compound"
            and doc[token.i - 1].text != "-"  # "the German-US carmaker" has two countries
        ):
            # "the US carmaker", "Kestrel, the UK retailer": a country's name before a firm's noun stands as
            # its adjective would (only on an organisation's noun: "US President X" is left as it was)
            noun = token.head
            if before_named_firm(token, org_starts, org_nouns):
                yield token, token.text, True  # "US oil giant Exxon", however the parser hung the words
            elif noun.pos_ == "NOUN" and noun.lemma_.lower() in org_nouns and not _person_beside(noun, people):
                named = (
                    noun.dep_ in {"compound", "appos"} and noun.head.i in orgs
                    or any(c.dep_ == "appos" and c.i in orgs for c in noun.children)
                )
                if named or _definite_description(noun, ontology):
                    yield token, token.text, named
            elif _person_beside(noun, people) and not owned_title(noun, orgs) and not owned_title(token, orgs):
                yield token, token.text, True  # "US tycoon X", "US President X": X's country
            elif person_description(noun, ontology):
                yield token, token.text, False  # "the US president", which coreference links to a person
            continue
        country = country_adjective(token)
        region = continent_adjective(token) if country is None else None  # "European plane maker X": no person's
        country = country or region
        if country is None or token.i in taken and token.i not in alone or not token.is_title:
            continue
        if token.dep_ == "amod" and on_name(token, org_roots) or before_named_firm(token, org_starts, org_nouns):
            # "Indian budget airline Kestrel", "Ukrainian state-owned Kestrelgas": the adjective on the
            # organisation's name itself (the NER may have taken it for the country's name)
            yield token, country, True
            continue
        if token.i in taken:
            continue  # a name of the NER's elsewhere ("the Indonesian stock exchange") stays as it was
        if _based_adjective(token, orgs, org_nouns):
            yield token, country, True  # "Irish-based Corvane", "a Swiss-based firm, Corvane": where it is based
            continue
        if token.dep_ not in {"amod", "compound", "nmod"}:
            continue
        noun = _kind_noun(token.head, org_nouns)  # "German chemicals group"
        if region is not None and not (noun.pos_ == "NOUN" and noun.lemma_.lower() in org_nouns):
            continue  # "European leaders", "the European minister": a continent is no one's nationality
        if _person_beside(noun, people):
            yield token, country, True  # "German Chancellor X", "the Norwegian finance minister, X": X's country
            continue
        if person_description(noun, ontology):
            yield token, country, False  # "the Dutch minister", which coreference links to a person
            continue
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in org_nouns:
            continue
        named = (
            noun.dep_ in {"compound", "appos"} and noun.head.i in orgs
            or any(c.dep_ == "appos" and c.i in orgs for c in noun.children)
            or said_of(noun, orgs) or lists_firms(noun, orgs)  # "German banks such as Kestrel"
        )
        if named:
            yield token, country, True
        elif region is None and _definite_description(noun, ontology) and ontology.classes_for_descriptor(
            noun.lemma_.lower()
        ):
            yield token, country, False  # only a noun that makes a description ("the Swedish rival" makes none)


def _based_adjective(token: Token, orgs: set[int], org_nouns: frozenset[str]) -> bool:
    """Whether a country's adjective is the first half of "-based" on a named organisation: "Irish-based
    Corvane", "a Swiss-based firm, Corvane" (the parser hangs the adjective on "based"). Not "a Swiss-based
    firm" with no name beside it, nor "Irish-based staff"."""
    based = token.head
    if (
        token.dep_ != "npadvmod" or based.lower_ != "based" or based.i != token.i + 2
        or token.doc[token.i + 1].text != "-" or based.dep_ != "amod"
    ):
        return False
    noun = based.head
    if noun.i in orgs:
        return True
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in org_nouns and (
        noun.dep_ in {"compound", "appos"} and noun.head.i in orgs
        or any(c.dep_ == "appos" and c.i in orgs for c in noun.children)
    )


def _kind_noun(noun: Token, kinds: set[str] | frozenset[str]) -> Token:
    """The noun of a description that says its kind: ``noun`` itself, or the noun it is a compound of, up to
    two deep ("German chemicals group", "India's largest power producer": the kind is "group", "producer")."""
    for _ in range(2):
        if noun.lemma_.lower() in kinds or noun.dep_ != "compound" or noun.head.pos_ != "NOUN":
            break
        noun = noun.head
    return noun


def _country_possessives(doc: Doc, found: list[tuple[Mention, Span]], ontology: Ontology) -> set[int]:
    """Countries whose possessive opens a description of a firm with no name beside it, the subject that opens
    its sentence: "The UK's biggest coal producer blamed ...", "France's second largest carmaker enjoyed ..."
    (which coreference links to the firm named before). Not a public body ("Italy's financial watchdog"), nor
    a noun beside a name ("Japan's biggest steel company X", which the title patterns read)."""
    org_nouns = organisation_descriptors(ontology)
    public = ontology.words("PublicBodyNoun")
    out: set[int] = set()
    for mention, span in found:
        root = span.root
        if mention.type != "Place" or root.dep_ != "poss" or mention.text.lower().removeprefix("the ") not in (
            _COUNTRY_NAMES - {"europe", "asia"}
        ):
            continue
        noun = _kind_noun(root.head, org_nouns)  # "India's largest power producer"
        after = doc[noun.i + 1 : noun.i + 3]
        if (
            noun.pos_ == "NOUN" and noun.lemma_.lower() in org_nouns and noun.lemma_.lower() not in public
            # only the subject that opens its sentence: elsewhere ("a tie-up with China's top carmaker", "as
            # India's first low-cost airline expands") the firm meant is often not the one named before
            and noun.dep_ in {"nsubj", "nsubjpass"} and noun.left_edge.i == noun.sent.start
            and not (len(after) == 2 and after[0].text == "," and after[1].pos_ == "PROPN")  # "..., AirAsia fell"
        ):
            out.update(range(span.start, span.end))
    return out


#: Short names of countries that news sets before a noun as an adjective: "the US carmaker", "a UK retailer".
_COUNTRY_MODIFIERS = frozenset({"US", "U.S.", "UK", "U.K."})


def _definite_description(noun: Token, ontology: Ontology) -> bool:
    """Whether an organisation's noun opens a definite description of a firm named elsewhere: "the German
    lender", "the German operator's plans" (not a public body, kgx:PublicBodyNoun: "the German regulator"; not a
    modifier or an apposition)."""
    return (
        noun.dep_ not in {"compound", "appos"}
        and noun.lemma_.lower() not in ontology.words("PublicBodyNoun")
        and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children)
    )


def _person_beside(noun: Token, people: set[int]) -> bool:
    """Whether a noun is a person's title with the person's name beside it: "Chancellor" in "German Chancellor
    X" (inside the name or before it), "minister" in "the Dutch finance minister, X"."""
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.i in people and noun.dep_ != "compound":
        return False
    return (
        noun.i in people
        or noun.dep_ in {"compound", "appos"} and noun.head.i in people and noun.head.i > noun.i
        or any(c.dep_ == "appos" and c.i in people for c in noun.children)
    )


def _based_on(token: Token) -> bool:
    """Whether a name's root says where a participle says something is: "Netherlands" in "the Netherlands-based
    firm"."""
    return token.head.lower_ in {"based", "headquartered"} and token.head.i > token.i


def _stop_in_name(span: Span) -> bool:
    """Whether a name's last token has swallowed the full stop ending the sentence ("Ore.", which the
    tokenizer keeps whole as Oregon's abbreviation); not an initial or "Jr.", not before more text."""
    last = span[-1]
    return (
        last.text.endswith(".") and len(last.text) >= 4 and last.text[:-1].isalpha() and last.text[-2].islower()
        and last.lower_ not in {"jr.", "sr.", "snr.", "jnr."}
        and (last.i + 1 == len(span.doc) or last.is_sent_end is True or span.doc[last.i + 1].is_space)
    )
