"""Which of several firms in reach a description's country or trade fits: "the US company", "the carmaker".

Coreference links a description such as "the company" to an earlier organisation only when one is in reach.  When
several are, a description that names a country or a trade may still pick one: "Aldmark bought Fenwick Foods last
year. The US company said ..." is Aldmark where the article calls it a US firm ("US firm Aldmark") and says nothing
of Fenwick Foods' country; "the carmaker" is "Orbitel Motors", not "Fenwick Foods".  What a firm is known to be
comes from the whole document:

- its country: a country's adjective or name opening the nouns of a kind right before one of its names ("US
  phone firm Aldmark", "its US rival Fenwick"), on a firm's noun set beside the name ("Aldmark, a US firm,",
  "Aldmark is a Dutch bank"), in an "of" after the name ("Aldmark of the US"), inside its own name
  (:func:`kgraph.extract.name_countries.name_country`: "Air India"), or in a description already linked to it
  ("unions at the Italian carmaker" ... "the Italian carmaker");
- its trade: the words of its names and of those nouns, read through kgx:TradeWord ("carmaker motors": "Orbitel
  Motors" is a carmaker; "bank": "Kestrel Bank", "bank Kestrel").

A description that says a country fits the firms known to be of it, whatever its trade (a carmaker of unknown
country is no "Italian carmaker"); one that says a trade and no country, the firms known to be of the trade.
The one firm that fits, where no other does, is the antecedent.  A description with neither ("the company", "the
oil giant"), a public body's ("the central bank", kgx:PublicBodyWord), one set beside a name of its own ("Aldmark,
the US company, ...") or a noun on another noun ("the bank listings") is left to the rules before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.extract.countries import country_adjective, country_key
from kgraph.extract.lexicon import _COUNTRY_NAMES
from kgraph.extract.name_countries import name_country
from kgraph.ontology import Ontology, per_ontology

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from spacy.tokens import Span, Token

__all__ = ["fitting_firm"]


@per_ontology
def _trades(ontology: Ontology) -> dict[str, frozenset[str]]:
    """kgx:TradeWord as a table: a trade's word to the words that carry it (itself among them)."""
    table: dict[str, set[str]] = {}
    for entry in ontology.words("TradeWord"):
        trade, _, word = entry.partition(" ")
        table.setdefault(trade, {trade}).add(word)
    return {trade: frozenset(words) for trade, words in table.items()}


def _country(token: Token) -> str | None:
    """The country a word names as a firm's base, lower case, the UK's and the US's other names as one: "German"
    -> germany, "U.S." -> us; None for no country."""
    adjective = country_adjective(token)
    name = country_key(adjective if adjective is not None else token.lower_)
    return name if adjective is not None or token.lower_ in _COUNTRY_NAMES else None


def _is_firm_noun(token: Token, ontology: Ontology) -> bool:
    return token.pos_ == "NOUN" and token.is_lower and any(
        ontology.is_a(cls, "Organization") for cls in ontology.classes_for_descriptor(token.lemma_.lower())
    )


def _kind_words(tokens: Iterable[Token]) -> set[str]:
    """The lower-case nouns of a firm's kind, with a compound and its noun also as one word ("car maker" ->
    carmaker), and the countries among them ("country:us")."""
    found: set[str] = set()
    previous: Token | None = None
    for token in tokens:
        country = _country(token)
        if country is not None:
            found.add("country:" + country)
        elif token.is_lower and token.pos_ in {"NOUN", "PROPN", "ADJ"}:
            found.add(token.lemma_.lower())
            found.add(token.lower_)
            if previous is not None and previous.is_lower:
                found.add(previous.lower_ + token.lemma_.lower())
        previous = token
    return found


def _before_name(name: Span) -> list[Token]:
    """The words of a firm's kind right before a name, with a country's word opening them: "US phone firm" of "US
    phone firm Aldmark", "US rival" of "its US rival Fenwick"; none unless a common noun stands right before the
    name."""
    doc = name.doc
    if name.start == 0 or not (doc[name.start - 1].pos_ == "NOUN" and doc[name.start - 1].is_lower):
        return []
    start = name.start - 1
    while start > 0:
        token = doc[start - 1]
        if not (token.is_lower and token.pos_ in {"NOUN", "ADJ"} or _country(token) is not None):
            break
        start -= 1
    return list(doc[start : name.start])


def _beside_name(name: Span, ontology: Ontology) -> list[Token]:
    """The words of a firm's noun set beside a name: its apposition ("Aldmark, a US firm,") or what a copula says
    it is ("Aldmark is a Dutch bank")."""
    root = name.root
    nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        nouns.extend(c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN")
    words: list[Token] = []
    for noun in nouns:
        if _is_firm_noun(noun, ontology):
            words.extend(t for t in noun.lefts if t.dep_ in {"amod", "compound", "nmod"})
            words.append(noun)
    return words


def _of_country(name: Span) -> set[str]:
    """The country an "of" right after a name puts the firm in: "General Motors of the US"."""
    found: set[str] = set()
    for prep in name.root.children:
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == name.end:
            found |= {c for t in prep.children if t.dep_ == "pobj" and (c := _country(t)) is not None}
    return found


def _known(names: Sequence[Span], descriptions: Sequence[Span], ontology: Ontology) -> set[str]:
    """What a document says a firm is, from its names and the descriptions already linked to it: its kind's words,
    the words of its names and its countries ("country:us")."""
    found: set[str] = set()
    for name in names:
        found |= _kind_words(_before_name(name)) | _kind_words(_beside_name(name, ontology))
        found |= {t.lower_ for t in name} | {"country:" + c for c in _of_country(name)}
        inside = name_country(name, ontology)
        if inside is not None:
            found.add("country:" + country_key(inside[2]))
    for description in descriptions:
        found |= _kind_words(description)
        trade = _trade(description, ontology)
        if trade is not None:
            found.add(trade)
    return found


def _trade(description: Span, ontology: Ontology) -> str | None:
    """The trade a description's noun names, alone or with the word before it ("the carmaker", "the car maker"):
    a trade of kgx:TradeWord; None for another noun ("the company", "the oil giant") or a public body's word
    before it (kgx:PublicBodyWord: "the central bank" is no commercial bank)."""
    head = description[-1]
    if any(t.lower_ in ontology.words("PublicBodyWord") for t in description[:-1]):
        return None
    trades = _trades(ontology)
    lemma = head.lemma_.lower()
    if head.i > description.start and (joined := head.nbor(-1).lower_ + lemma) in trades:
        return joined
    return lemma if lemma in trades else None


def _set_beside_a_name(description: Span) -> bool:
    """Whether the description is a name's own apposition or what a copula says a name is ("Aldmark, the US
    company, ...", "Aldmark is the US company that ..."): the rules before read it; or its noun a kind's word on
    another noun ("the bank listings", "the airline industry"), which refers to no one firm."""
    head = description[-1]
    return head.dep_ in {"appos", "attr", "compound"} or any(c.dep_ == "appos" for c in head.children)


def fitting_firm(
    description: Span, firms: Sequence[tuple[int, Sequence[Span], Sequence[Span]]], ontology: Ontology
) -> int | None:
    """The one firm of ``firms`` that the description's country, or else its trade, fits, where no other fits; None
    when none or several do, or the description names neither.

    :param description: the whole description, its country's word included ("the US company")
    :param firms: each firm's id, the spans of its names and those of the descriptions already linked to it
    """
    if _set_beside_a_name(description):
        return None
    countries = {c for t in description[:-1] if (c := _country(t)) is not None}
    trade = _trade(description, ontology)
    if not countries and trade is None:
        return None
    by_country: list[int] = []
    by_trade: list[int] = []
    for firm, names, descriptions in firms:
        known = _known(names, descriptions, ontology)
        bases = {k.removeprefix("country:") for k in known if k.startswith("country:")}
        if bases & countries:
            by_country.append(firm)
        elif trade is not None and _trades(ontology)[trade] & known:
            by_trade.append(firm)
    # a country said must fit: "the Italian carmaker" is no carmaker of unknown country ("GM ... Fiat ... the
    # Italian carmaker"), nor "the next South Korean bank" a bank named before
    fits = by_country if countries else by_trade
    return fits[0] if len(fits) == 1 else None
