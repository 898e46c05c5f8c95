"""Public offices whose place the sentence does not name: "President X said ..." in an article about one country.

A title of ``kgx:OfficeTitle`` (``ontology/words.ttl``) right before a person's name with no place beside it
("President Ana Ruiz", "new Prime Minister X", "former-President Y", "Queen Z") states an office of a place the
reader takes from the article.  This module gives such a person ``kg:holdsOfficeIn`` that place when the article
leaves one reading, in this order:

- the same person is given an office of a place elsewhere in the article (coreference: "Peruvian President Ana
  Ruiz ... President Ruiz"): that place;
- else the article names one country only, by name or adjective ("Peru", "Peruvian"; the UK's and the US's other
  names count as theirs), a sovereign state (kgx:Country: a prime minister in an article naming Wales alone is the
  UK's) named once at least as a place, not only as the sort of another noun ("the Iraq war"): that country.

The title must stand alone before the name: a word or name before it ("Kestrel President X", "the party's
president X", "Peruvian President X", read by the patterns) makes it no bare office, and so do the words of
no office held now ("shadow chancellor X", "presidential candidate X", kgx:NoOfficeWord, kgx:FutureTitleWord).  A
person whom the article makes head of, or working for, an organisation is that organisation's president, not a
country's.  Such an office is less sure than one stated beside its place: its confidence is the stated office's
(``holdsOfficeIn/RelationalNoun``) less :data:`CO_REFERRED` or :data:`ONE_COUNTRY` (hand-set: the frame is not
calibrated); its pattern is ``holdsOfficeIn/Coreference`` or ``holdsOfficeIn/OneCountry``.

Example: "Peru's economy grew. President Ana Ruiz said ..." gives Ana Ruiz holdsOfficeIn Peru ("President").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.extract.countries import country_adjective, country_key, country_names
from kgraph.extract.frames import _role_of
from kgraph.extract.lexicon import _CONTINENTS, _COUNTRY_ADJECTIVES, _UK_AND_US_NAMES
from kgraph.extract.offices import no_office, title_name, title_words
from kgraph.models import Mention, RelationMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kgraph.ontology import Ontology

__all__ = ["CO_REFERRED", "ONE_COUNTRY", "bare_title", "document_offices"]

#: How much less sure an office is whose place is the same person's office elsewhere in the article (hand-set;
#: on all BBC politics and business articles 10 of 10 such offices were right).
CO_REFERRED = 0.05
#: How much less sure an office is whose place is the one country the article names (hand-set; on all BBC politics
#: and business articles 69 of 75 were right: a UK minister given Iraq, the only country a story names, is the
#: usual mistake), still at the default threshold (0.7).
ONE_COUNTRY = 0.1

#: Properties by which a person is an organisation's: a title then names a post in it, not an office.
_ORGANISATION_POSTS = frozenset({"headOf", "ceoOf", "worksFor", "founderOf"})
#: Words a bare title may carry before it: "new Prime Minister X", "former-President Y", "the acting President Z".
_BEFORE_TITLE = frozenset(
    {"the", "new", "former", "ex", "-", "then", "acting", "interim", "deputy", "vice", "outgoing"}
)


def document_offices(
    doc: Doc, mentions: list[tuple[Mention, Span]], links: dict[Mention, Mention],
    relations: list[RelationMention], ontology: Ontology,
) -> list[RelationMention]:
    """The offices of bare titles before persons' names whose place the article leaves one reading of.

    :param relations: the relations the sentences state (the placed offices and the organisations' posts)."""
    def entity(mention: Mention) -> Mention:
        return links.get(mention, mention)

    placed: dict[Mention, dict[str, Mention]] = {}
    stated: set[Mention] = set()
    organisations: set[Mention] = set()
    for rel in relations:
        if rel.predicate == "holdsOfficeIn":
            stated.add(rel.subject)
            country = _country(rel.object.text, ontology)
            if country is not None:
                placed.setdefault(entity(rel.subject), {}).setdefault(country, rel.object)
        elif rel.predicate in _ORGANISATION_POSTS and _firm(rel.object, ontology):
            organisations.add(entity(rel.subject))
    titled = [
        (mention, span, title) for mention, span in mentions
        if mention.type == "Person" and mention not in stated and (title := bare_title(span, ontology)) is not None
    ]
    if not titled:
        return []  # most articles: no need to gather the countries they name
    countries = _countries(doc, mentions, ontology)
    one = next(iter(countries)) if len(countries) == 1 else None
    if one is not None and not (_sovereign(one, ontology) and _place_mention(one, mentions, ontology)):
        one = None
    base = _stated_confidence(ontology)
    found: list[RelationMention] = []
    for mention, span, title in titled:
        person = entity(mention)
        if person in organisations:
            continue
        places = placed.get(person, {})
        place: Mention | None
        if len(places) == 1:  # the place as the other sentence names it ("the US president": no other US)
            place, pattern, confidence = next(iter(places.values())), "Coreference", base - CO_REFERRED
        elif not places and one is not None:
            place, pattern, confidence = _place_mention(one, mentions, ontology), "OneCountry", base - ONE_COUNTRY
        else:
            continue
        if place is None:
            continue
        words = title_words(title, ontology)
        if words is None:
            continue
        sent = span.sent
        found.append(RelationMention(
            subject=mention, predicate="holdsOfficeIn", object=place, confidence=round(confidence, 3),
            sentence_start=sent.start_char, sentence_end=sent.end_char, evidence=sent.text.strip(),
            pattern=f"holdsOfficeIn/{pattern}", role=_role_of(title, title_name(title, words, ontology)),
        ))
    return found


def bare_title(span: Span, ontology: Ontology) -> Token | None:
    """The office title standing alone before a person's name, in the name or right before it ("President Ana
    Ruiz", "new Prime Minister X", "former-President Y"); None where another word or name stands on the title
    ("Kestrel President X", "Peruvian President X", "the party's president X") or it states no office held now."""
    doc = span.doc
    start = span.start
    fields = ontology.words("PortfolioField") | ontology.words("PortfolioNoun")
    while start > span.sent.start and (
        doc[start - 1].lower_ in _BEFORE_TITLE | fields or title_words(doc[start - 1], ontology) is not None
        or _title_part(doc[start - 1], ontology)
    ):
        start -= 1
    tokens = list(doc[start : span.end])
    at = [t for t in tokens[:-1] if title_words(t, ontology) is not None]
    if not at:
        return None
    title = at[-1]
    # the name is after the title and is a name: "President Ruiz", not "President" alone
    if title.i + 1 >= span.end or not any(t.pos_ == "PROPN" for t in doc[title.i + 1 : span.end]):
        return None
    words = title_words(title, ontology) or ""
    first = title.i - len(words.replace("-", " - ").split()) + 1
    before = doc[start:first]
    if any(t.lower_ not in _BEFORE_TITLE | fields for t in before):
        return None  # another word on the title
    if start > span.sent.start and not _opens_phrase(doc[start - 1], ontology):
        return None
    after = span.end < len(doc) and doc[span.end].lower_ == "of"
    if after or no_office(title, ontology):
        return None
    return title


def _title_part(token: Token, ontology: Ontology) -> bool:
    """Whether a word is a word of a title of several ("prime" of "prime minister")."""
    return any(token.lower_ in words.split() for words in ontology.words("OfficeTitle") if " " in words)


def _opens_phrase(token: Token, ontology: Ontology) -> bool:
    """Whether the word before a title leaves it alone: a verb, a preposition, punctuation, a conjunction, not a
    name, an adjective, a possessive or a portfolio ("Kestrel President X", "Peruvian President X", "Peru's
    President X", "Finance Minister X")."""
    if token.pos_ in {"PROPN", "ADJ", "NOUN", "NUM", "PART"} or token.ent_type_ or token.text in {"'s", "'"}:
        return False
    return country_adjective(token) is None and token.lower_ not in ontology.words("PortfolioField")


def _country(text: str, ontology: Ontology) -> str | None:
    """The country a place's name or adjective names, lower case, the UK's and US's other names as theirs; a
    nation of the UK is its own ("wales"), a sovereign state or not (see :func:`_sovereign`)."""
    lower = text.lower().removeprefix("the ")
    if lower in _UK_AND_US_NAMES:
        return country_key(lower)
    adjective = _COUNTRY_ADJECTIVES.get(lower)
    if adjective is not None:
        return _country(adjective, ontology)
    return lower if lower in country_names(ontology) and lower not in _CONTINENTS else None


def _sovereign(country: str, ontology: Ontology) -> bool:
    """Whether a country holds a state's offices (kgx:Country): a prime minister in an article about Wales is the
    UK's, so Wales, Scotland or England named leave no reading."""
    return country in ontology.words("Country")


def _countries(doc: Doc, mentions: list[tuple[Mention, Span]], ontology: Ontology) -> set[str]:
    """The countries an article names, by a place's name or a country's adjective anywhere in it."""
    found = {c for m, _ in mentions if m.type == "Place" and (c := _country(m.text, ontology)) is not None}
    found |= {c for t in doc if (a := country_adjective(t)) is not None and (c := _country(a, ontology)) is not None}
    found |= {c for e in doc.ents if e.label_ in {"GPE", "NORP"} and (c := _country(e.text, ontology)) is not None}
    return found


def _place_mention(country: str, mentions: list[tuple[Mention, Span]], ontology: Ontology) -> Mention | None:
    """The article's first mention of a country, a name before an adjective; not a name that only sorts another
    noun ("the Iraq war" names a war: a UK minister in an article that names Iraq only so holds no office there)."""
    named = [
        m for m, span in mentions
        if m.type == "Place" and _country(m.text, ontology) == country
        and not (span.root.dep_ == "compound" and span.root.head.pos_ == "NOUN")
    ]
    return min(named, key=lambda m: (m.label == "adjective", m.start), default=None)


def _firm(mention: Mention, ontology: Ontology) -> bool:
    """Whether an organisation is no government's body: a minister works for a ministry and still holds an office."""
    return ontology.is_a(mention.type, "Organization") and not ontology.is_a(mention.type, "GovernmentBody")


def _stated_confidence(ontology: Ontology) -> float:
    """The confidence of an office stated beside its place (the pattern's calibrated or hand-set value)."""
    values = [p.confidence for p in ontology.patterns if p.name == "holdsOfficeIn/RelationalNoun"]
    return values[0] if values else 0.8

