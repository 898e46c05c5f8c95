"""A country's word beside a firm's name or a person's title: which words say where a firm is based or what a
person's nationality is.

Decides whether a country's adjective (or "US", "UK") stands on an organisation's own name ("Indian budget
airline Kestrel", "Ukrainian state-owned Kestrelgas"), opens the words right before one ("UK pharmaceutical
firm Phytopharm", however the parser hung them), is said of one ("Kestrel is a Dutch retailer"), or stands on a
person's definite description ("the US tycoon"); which two-word adjectives name one country ("North
Korean"); the first half of a double nationality ("Anglo" of "Anglo-Dutch": both countries); a continent's
adjective, read on a firm's noun only ("European plane maker X"); and a name a comma sets beside the noun ("the
US financial watchdog, the Selvane Commission"). :mod:`kgraph.extract.country_mentions` makes the country's
mention from these, :mod:`kgraph.extract.frames` reads the relation.
Example: in "Shares in US phone firm Orbicom fell.", "US" opens the words before Orbicom: Orbicom basedIn US.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from kgraph.extract.lexicon import (
    _CONTINENT_PLACES,
    _CONTINENTS,
    _COUNTRY_ADJECTIVE_PAIRS,
    _COUNTRY_ADJECTIVES,
    _COUNTRY_COMBINING_FORMS,
    _COUNTRY_NAMES,
    _UK_AND_US_NAMES,
)
from kgraph.ontology import Ontology, per_ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


#: What may end a two-word adjective after a space ("african" of "south african"): a word that ends none is not
#: looked up with the word before it
_PAIR_ENDS = frozenset(pair[i + 1 :] for pair in _COUNTRY_ADJECTIVE_PAIRS for i, c in enumerate(pair) if c == " ")


@per_ontology
def country_names(ontology: Ontology) -> frozenset[str]:
    """The names of countries, lower case: the sovereign states of kgx:Country and the nations of the UK the lexicon
    knows ("england", "scotland", "wales"), no continent. The one notion of a country that coreference ("the
    country" takes up Wales) and the places' rules ("the country in Bergen") read."""
    return ontology.words("Country") | (_COUNTRY_NAMES - _CONTINENTS)


def is_country(name: str, ontology: Ontology) -> bool:
    """Whether a name (any case, with or without "the") is a country's: "Norway", "the UK", "Wales"."""
    return name.lower().removeprefix("the ") in country_names(ontology)


def country_key(name: str) -> str:
    """A country's name as one key, lower case and without "the", the UK's and the US's other names as theirs
    ("Britain" -> "uk", "the U.S." -> "us", "Norway" -> "norway"): two rules that compare countries compare these."""
    lower = name.lower().removeprefix("the ")
    return _UK_AND_US_NAMES.get(lower, lower).lower()


def country_adjective(token: Token) -> str | None:
    """The country a word is the adjective of, with the word before it where the two make one ("South African",
    "North Korean": not South Korea); None for no country's adjective."""
    if token.i > 0 and token.lower_ in _PAIR_ENDS:
        pair = _COUNTRY_ADJECTIVE_PAIRS.get(f"{token.nbor(-1).lower_} {token.lower_}")
        if pair is not None:
            return pair
    return _COUNTRY_ADJECTIVES.get(token.lower_)


def continent_adjective(token: Token) -> str | None:
    """The continent a word is the adjective of ("European" -> Europe), for an organisation's noun only (a
    person's "European" is no nationality); None for no continent's adjective."""
    return _CONTINENT_PLACES.get(token.lower_)


def first_nationality(token: Token) -> tuple[Token, str] | None:
    """The first half of a double nationality whose second half is the country's adjective ``token``, with its
    country: "Anglo" (UK) of "Anglo-Dutch", "UK" of "UK-Dutch", "Franco" (France) of "Franco-German". None when
    the word before the hyphen names no country, or the word after it is no country's adjective ("Anglo-Saxon",
    "Indo-European": a continent's)."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "-" or _COUNTRY_ADJECTIVES.get(token.lower_) is None:
        return None
    first = doc[token.i - 2]
    if first.whitespace_ or doc[token.i - 1].whitespace_ or not first.text[:1].isupper():
        return None  # "UK - Dutch" is no one word
    country = _COUNTRY_COMBINING_FORMS.get(first.lower_) or country_adjective(first)
    if country is None and first.text in {"US", "UK", "U.S.", "U.K."}:
        country = first.text.replace(".", "")
    return None if country is None else (first, country)


def with_first_nationalities(found: Iterable[tuple[Token, str, bool]]) -> Iterator[tuple[Token, str, bool]]:
    """The country's adjectives ``found`` (token, country, whether a name is beside it), each followed by the
    first half of its double nationality when it is the second ("Anglo" of "the Anglo-Dutch oil group")."""
    seen: set[int] = set()
    for token, country, named in found:
        pair = first_nationality(token)
        for word, place in [(token, country), *([pair] if pair is not None else [])]:
            if word.i not in seen:
                seen.add(word.i)
                yield word, place, named


def double_nationality(tokens: list[Token], is_adjective: Callable[[Token], bool]) -> list[Token]:
    """The first halves (``is_adjective``: their mentions) of the double nationalities whose second halves are
    among ``tokens``: in "Norvik, the Anglo-Dutch oil group" a frame reads "Dutch", and "Anglo" says the group
    is based in the UK too."""
    out: list[Token] = []
    for token in tokens:
        pair = first_nationality(token) if is_adjective(token) else None
        if pair is not None and is_adjective(pair[0]) and pair[0] not in tokens and pair[0] not in out:
            out.append(pair[0])
    return out


def on_name(token: Token, org_roots: dict[int, int]) -> bool:
    """Whether a country's adjective hangs on an organisation's name from before it, with only common words
    between: "Indian budget airline Kestrel", "the Ukrainian state-owned Kestrelgas" (``org_roots``: each
    organisation's root token -> its first token). Not a list ("Indian and Thai airlines Kestrel and ..."), nor
    a name that opens with another country's adjective ("the Albanian Macedonian Oil Corp", cut short)."""
    start = org_roots.get(token.head.i)
    if start is None or token.i >= start or country_adjective(token.doc[start]) is not None:
        return False  # "Albanian Macedonian Oil Corp": a name of countries' adjectives the NER cut short
    return not any(t.pos_ in {"PROPN", "CCONJ", "PUNCT"} and t.text != "-" for t in token.doc[token.i + 1 : start])


def before_named_firm(token: Token, org_starts: set[int], org_nouns: frozenset[str]) -> bool:
    """Whether a country's word opens the words right before an organisation's name that end in a firm's noun:
    "UK pharmaceutical firm Phytopharm", "Italian bank Mediobanca" (by the words alone: the parser often hangs
    the noun and the name apart). At most two lower-case words between; no hyphen ("UK-listed firm X"), no
    list ("Indian and Thai airlines X and Y")."""
    doc = token.doc
    if token.i > 0 and doc[token.i - 1].pos_ == "CCONJ":
        return False
    for i in range(token.i + 1, min(token.i + 4, len(doc) - 1)):
        word = doc[i]
        if word.tag_ == "NN" and word.lemma_.lower() in org_nouns and i + 1 in org_starts:
            return True
        if not (word.is_lower and word.is_alpha and word.pos_ in {"NOUN", "ADJ"}):
            return False
    return False


def apposed_start(doc: Doc, start: int, end: int) -> int:
    """Where the words before a name (tokens ``start`` to ``end``) end when a comma sets it beside a firm's noun:
    the comma's index for "the US financial watchdog, the Selvane Commission (SC), opened ...", ``start``
    otherwise. Only a name that a comma, a bracket or the sentence's end closes (not "Unlike the German carmaker,
    Selvane has ...", where the name opens a clause)."""
    i = start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start
    if i < 2 or doc[i - 1].text != ",":
        return start
    if end < len(doc) and doc[end].text not in {",", "(", ".", ";"} and not doc[end].is_sent_start:
        return start
    return i - 1


def said_of(noun: Token, orgs: set[int]) -> bool:
    """Whether a firm's noun is what a named organisation is said to be: "Kestrel is a Dutch retailer"."""
    return (
        noun.dep_ == "attr"
        and noun.head.lemma_ == "be"
        and any(c.dep_ == "nsubj" and c.i in orgs for c in noun.head.children)
    )


def owned_title(noun: Token, orgs: set[int]) -> bool:
    """Whether a person's title names an organisation too: "Kestrel's UK boss X", "Kestrel UK boss X" (the
    country is the firm's branch, not the person's)."""
    return any(c.dep_ in {"poss", "compound", "nmod"} and c.i in orgs for c in noun.children)


def person_description(noun: Token, ontology: Ontology) -> bool:
    """Whether a person's noun opens a definite description of a person named elsewhere: "the Dutch minister",
    "the US president" (kg:Person's kgx:descriptor words). Not one of a kind ("the first British woman", "the
    oldest Dutch player"), nor a bare "man" or "woman"."""
    return (
        noun.pos_ == "NOUN"
        and "Person" in ontology.classes_for_descriptor(noun.lemma_.lower())
        and noun.lemma_.lower() not in {"man", "woman"}
        and noun.dep_ not in {"compound", "appos"}
        and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children)
        and not any(c.tag_ == "JJS" or c.lower_ in _ONE_OF_A_KIND for c in noun.children)
    )


#: Words that make a description one of a kind rather than a reference: "the first British Muslim woman".
_ONE_OF_A_KIND = frozenset({"first", "second", "third", "last", "only", "next", "youngest", "oldest"})


@per_ontology
def organisation_descriptors(ontology: Ontology) -> frozenset[str]:
    """Nouns of an organisation's kind ("bank", "carmaker"): the organisation classes' kgx:descriptor words."""
    return frozenset(
        d for name, info in ontology.classes.items() if ontology.is_a(name, "Organization") for d in info.descriptors
    )


def adjective_before(
    span: Span, ontology: Ontology, is_adjective: Callable[[Token], bool], named: Callable[[Token], bool]
) -> list[Token]:
    """The country's word (``is_adjective``: its adjective mention) that opens the words right before a name ending
    in a firm's noun: "UK pharmaceutical firm Phytopharm" -> UK, whatever the parser hung them on; at most two
    lower-case words between (no word of a name, ``named``), a singular noun, no list of countries."""
    doc = span.doc
    start = apposed_start(doc, span.start, span.end)  # "the US financial watchdog, the Selvane Commission"
    if (
        start < 2
        or doc[start - 1].tag_ != "NN"
        or (doc[start - 1].lemma_.lower() not in organisation_descriptors(ontology) | ontology.words("RivalNoun"))
    ):
        return []
    for i in range(start - 2, max(start - 5, -1), -1):
        word = doc[i]
        if is_adjective(word):
            return [] if i > 0 and doc[i - 1].pos_ == "CCONJ" else [word]  # not "Indian and Thai airline X"
        if not (word.is_lower and word.is_alpha and word.pos_ in {"NOUN", "ADJ"}) or named(word):
            return []
    return []


def adjectives_beside(
    noun: Token, owned: bool, ontology: Ontology, is_adjective: Callable[[Token], bool], named: Callable[[Token], bool]
) -> list[Token]:
    """The country's adjectives a firm's noun takes beside its other modifiers: with a possessor (``owned``) on a
    noun of a firm's relation to another ("Kestrel's French subsidiary X", "Kestrel's Swedish rival X": the
    possessor is the other firm, the adjective still says where X is), or without one on the common noun before
    it ("Chinese dam firm X")."""
    if owned:
        if noun.lemma_.lower() not in ontology.words("RivalNoun"):
            return []
        return [c for c in noun.children if c.dep_ == "amod" and is_adjective(c)]
    return [
        g
        for c in noun.children
        if c.dep_ == "compound" and c.pos_ == "NOUN" and not named(c)
        for g in c.children
        if g.dep_ == "amod" and is_adjective(g)
    ]


def kind_owners(span: Span, ontology: Ontology, is_place: Callable[[Token], bool]) -> list[Token]:
    """The places (``is_place``) owning the noun of a firm's kind that a firm's name modifies: "Japan's troubled
    Kestrel bank" -> Japan (not "Orbitel's Kestrel unit": a firm's possessive)."""
    root = span.root
    kind = root.head
    if root.dep_ != "compound" or kind.pos_ != "NOUN" or kind.i != span.end:
        return []
    if kind.lemma_.lower() not in organisation_descriptors(ontology):
        return []
    return [c for c in kind.children if c.dep_ == "poss" and c.i < span.start and is_place(c)]
