"""A country's mention beside a name or a description: the country's adjective, its short name or its possessive
that says where a firm is based or what a person's nationality is.

Decides which of a country's words make a mention of the country (its text the country's name, so it is the
country's node) for :mod:`kgraph.extract.mentions`: an adjective or "US", "UK" on the noun of an organisation named
beside it ("French carmaker Corvane", "the German chemicals group Halder", "Corvane, the French carmaker"), on a
definite description of one ("the German lender", which coreference links to the firm named before), or on a
person's title beside the person's name ("German Chancellor X", "X, the Dutch finance minister"); the first half of
"-based" ("Irish-based Corvane"); a country's possessive opening the description of a firm that is its sentence's
subject ("The UK's biggest coal producer blamed ..."); and a country's name before "-based" ("the Netherlands-based
firm"), which stays its own mention inside a description; and that a country's two-word adjective is no name
though the NER took it for one ("Sri Lankan President X": a person to the NER). :mod:`kgraph.extract.countries`
holds the word tests these read.
Example: in "Shares in French carmaker Corvane fell.", "French" is a mention of France beside Corvane.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kgraph.extract.countries import (
    apposed_start,
    before_named_firm,
    continent_adjective,
    country_adjective,
    on_name,
    organisation_descriptors,
    owned_title,
    person_description,
    said_of,
)
from kgraph.extract.described_lists import lists_firms
from kgraph.extract.doc_text import doc_tokens
from kgraph.extract.lexicon import _COUNTRY_ADJECTIVE_PAIRS, _COUNTRY_NAMES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kgraph.models import Mention
    from kgraph.ontology import Ontology


def adjective_name(span: Span) -> bool:
    """Whether a name the NER found, or a run of capitalised words, is no more than a country's two-word adjective:
    "Sri Lankan" in "Sri Lankan President X", "Talks with Sri Lankan Finance Minister X" (a person's name or an
    organisation's to the NER). It is no name: the adjective's last word is the country's mention, and the person
    is the name after the title. Not a name the adjective opens ("Sri Lankan Airlines")."""
    return len(span) == 2 and f"{span[0].lower_} {span[1].lower_}" in _COUNTRY_ADJECTIVE_PAIRS


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
