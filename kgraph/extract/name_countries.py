"""A country inside an organisation's own name: where the name says the body is based.

Decides which organisation names carry their own country: a country's adjective (or "US", "UK") among the
words before the name's first preposition ("National Iranian Oil Company", "the British Chamber of Commerce",
"US Federal Reserve"); a country's name closing an "of" phrase that ends the name after a body's head noun
("Reserve Bank of India", "the Automobile Association of Norway"); or a country's name beside a word that
makes a national firm's name (kgx:CountryFirmWord: "Air India", "Japan Telecom"). Not a name of two countries
("British American Tobacco", "Anglo American"), a continent ("European Commission"), a country a body stands
for abroad (kgx:ForeignPostNoun: "the French Embassy"), a country after another preposition ("Institute for
German Studies"), a country's name without a firm's word ("Iraq Survey Group", "Scotland Office"), a country's
name after a compass word ("Northern Ireland Office"), nor a name followed by "in" and a place ("the British
Chamber of Commerce in Shanghai": the phrase says where it is).
:mod:`kgraph.extract.mentions` adds the country's mention inside the name (an "adjective" mention, right after
the name's own so that the name keeps its tokens), and the kgx:CountryInName frame of
:mod:`kgraph.extract.relations` reads basedIn from it.
Example: in "The National Iranian Oil Company signed the deal.", the company basedIn Iran.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kgraph.extract.countries import country_adjective, country_names
from kgraph.extract.lexicon import _COMPASS, _COUNTRY_COMBINING_FORMS, _UK_AND_US_NAMES
from kgraph.models import Mention
from kgraph.ontology import Ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from kgraph.extract.frames import _Index
    from kgraph.ontology import Pattern

__all__ = ["countries_in_names", "country_in_name", "name_country"]

#: The short forms of the UK and the US that stand as an adjective at a name's head ("US Federal Reserve").
_SHORT_FORMS = {"US": "US", "U.S.": "US", "UK": "UK", "U.K.": "UK"}
#: Labels of mentions that are no organisation's own name.
_NOT_NAMES = frozenset({"pronoun", "description", "adjective", "dateline", "party"})


def _countries(span: Span, ontology: Ontology) -> list[tuple[int, int, str]]:
    """Every country the words of a name name: (first token, end token, the country's name), in order; a
    double nationality's first half ("Anglo") counts as a country of its own."""
    names = country_names(ontology)
    found: list[tuple[int, int, str]] = []
    i = span.start
    while i < span.end:
        token = span.doc[i]
        pair = span.doc[i : i + 2]
        if i + 1 < span.end and pair.text.lower() in names:
            # "South Africa", "Saudi Arabia", "Great Britain"
            found.append((i, i + 2, _UK_AND_US_NAMES.get(pair.text.lower(), pair.text)))
            i += 2
            continue
        adjective = country_adjective(token) if token.is_title else None
        if adjective is not None and i > span.start and " " in adjective:
            found = [f for f in found if f[0] != i - 1]  # "South African": one country, two words
            found.append((i - 1, i + 1, adjective))
        elif adjective is not None:
            found.append((i, i + 1, adjective))
        elif token.text in _SHORT_FORMS:
            found.append((i, i + 1, _SHORT_FORMS[token.text]))
        elif token.is_title and token.lower_ in names:
            found.append((i, i + 1, _UK_AND_US_NAMES.get(token.lower_, token.text)))  # "Bank of America": the US
        elif token.lower_ in _COUNTRY_COMBINING_FORMS and token.is_title:
            found.append((i, i + 1, _COUNTRY_COMBINING_FORMS[token.lower_]))  # "Anglo American": two countries
        i += 1
    return found


def name_country(span: Span, ontology: Ontology) -> tuple[int, int, str] | None:
    """The country an organisation's name says it is based in (see the module's docstring): its first token,
    end token and name; None for none."""
    doc = span.doc
    start = span.start + 1 if span[0].lower_ == "the" else span.start
    words = [t.lower_ for t in doc[start : span.end]]
    if len(words) < 2 or set(words) & ontology.words("ForeignPostNoun"):
        return None
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "in" and doc[span.end + 1].ent_type_ in {"GPE", "LOC"}:
        return None  # "the British Chamber of Commerce in Shanghai": a body abroad, placed by the phrase
    found = _countries(doc[start : span.end], ontology)
    if len({country for _, _, country in found}) != 1:
        return None  # none, or two countries ("British American Tobacco", "Anglo American")
    first, end, country = found[0]
    if first > start and doc[first - 1].lower_ in _COMPASS:
        return None  # "Northern Ireland Office", "South Wales Police": a part of the country
    head = next((t.i for t in doc[start : span.end] if t.pos_ == "ADP" or t.lower_ in {"of", "for"}), span.end)
    adjective = country_adjective(doc[end - 1]) is not None or doc[first].text in _SHORT_FORMS
    if adjective and span.end - start == 2 and doc[span.end - 1].lower_ in ontology.words("StateNameNoun"):
        return None  # "the Russian Federation" is the state itself
    if adjective:
        # the name's first word, after words that open a national body's name only ("National Iranian Oil
        # Company"; not "Inter-American Bank", "Pew Internet and American Life", "Albanian Macedonian Oil"),
        # or "US" or "UK" closing it ("Migration Watch UK")
        opening = all(t.lower_ in ontology.words("NationalNameOpening") for t in doc[start:first])
        closing = doc[first].text in _SHORT_FORMS and end == span.end
        return found[0] if end <= head and (opening or closing) else None  # not "Institute for German Studies"
    if end == span.end and doc[first - 1].lower_ == "of" and head > start:
        # "Reserve Bank of India", "the Association of Car Makers of Norway": the body's head noun before its
        # first "of" ("Friends of X" names no body)
        return found[0] if ontology.class_for_head(doc[head - 1].lower_) is not None else None
    firm_words = ontology.words("CountryFirmWord")
    others = [t.lower_ for t in doc[start : span.end] if not first <= t.i < end]
    return found[0] if end <= head and len(others) == 1 and others[0] in firm_words else None


def countries_in_names(doc: Doc, found: list[tuple[Mention, Span]], ontology: Ontology) -> list[tuple[Mention, Span]]:
    """The mentions ``found`` with the country inside each organisation's name added right after the name (a
    Place mention labelled "adjective", its text the country's name)."""
    out: list[tuple[Mention, Span]] = []
    for mention, span in found:
        out.append((mention, span))
        if mention.label in _NOT_NAMES or not ontology.is_a(mention.type, "Organization"):
            continue
        country = name_country(span, ontology)
        if country is not None:
            words = doc[country[0] : country[1]]
            out.append((Mention(words.start_char, words.end_char, country[2], "Place", "adjective"), words))
    return out


def _inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and (inner.start, inner.end) != (
        outer.start,
        outer.end,
    )


def country_in_name(sent: Span, pattern: Pattern, index: _Index) -> Iterator[tuple[int, int]]:
    """(name, country) for each country's mention inside an organisation's name in the sentence
    (:func:`countries_in_names`)."""
    numbers = index.by_sentence.get(sent.start, [])
    for p in numbers:
        mention, inner = index.mentions[p]
        if mention.label != "adjective" or not index.ontology.is_a(mention.type, "Place"):
            continue
        for n in numbers:
            name, outer = index.mentions[n]
            if name.label not in _NOT_NAMES and _inside(inner, outer):
                yield n, p
