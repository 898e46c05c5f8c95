"""The firms of a deal that the NER misses or mistypes, and the later items of a list of firms a verb takes.

- A name that ends in a word firms' names end in (kgx:FirmNameEnd: "Telecom", "Air", "Petroleum") is an
  organisation's where the NER took it for a person's or a place's ("Kansai Telecom", "Merrow Air"); not where
  the article gives its last word a form of address ("Jon Air ... Mr Air"), nor a name of one word.
- One capitalised word the NER left unlabelled, or took for a place's (not a country's), that is the subject of
  a verb of buying (kgx:BuyVerb, or the verb its clause complements: "agreed to buy") with an organisation for
  its object is the buyer, an organisation ("Sorato bought Kansai Telecom"); not a word of the dictionary
  opening a sentence ("Analysts bought ..."), nor a name the article gives a person ("Mr Sorato").
- The supplier of goods ordered, where the parser hangs its "from" on the goods: "ordered 40 jets from Y" (the
  verb's object), "an order for 70 jets from Y" (the noun's "for" phrase).
- A list's later items the parser joined to a common noun in apposition to its first item are the verb's
  objects too ("owns Kestrel Capital, its investment arm, and the card firm Orbix": Orbix).

Example: in "Sorato bought Kansai Telecom.", Sorato and Kansai Telecom are organisations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.extract.doc_text import doc_tokens, ents_addressed
from kgraph.extract.lexicon import _CONTINENTS, _COUNTRY_NAMES
from kgraph.nlp import dictionary_words

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from spacy.tokens import Doc, Span, Token

    from kgraph.models import Mention
    from kgraph.ontology import Ontology

__all__ = ["buyers", "buys_a_firm", "firm_by_name_end", "listed_after_description", "supplier"]


def firm_by_name_end(span: Span, ontology: Ontology) -> bool:
    """Whether a name of two words or more the NER took for a person's or a place's ends in a word firms' names
    end in (kgx:FirmNameEnd), every word capitalised, and the article gives no form of address to its last word
    ("Ms Steel")."""
    if span.label_ not in {"PERSON", "GPE", "LOC", "FAC"} or len(span) < 2:
        return False
    if span[-1].lower_ not in ontology.words("FirmNameEnd") or not all(t.text[:1].isupper() for t in span):
        return False
    return span[-1].text not in ents_addressed(span.doc)


def _buys(verb: Token, ontology: Ontology) -> list[Token]:
    """The objects of a verb of buying, or of the one its clause complements ("agreed to buy Y")."""
    words = ontology.words("BuyVerb")
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    return [o for v in verbs if v.lemma_.lower() in words for o in v.children if o.dep_ == "dobj"]


def buys_a_firm(span: Span, ontology: Ontology) -> bool:
    """Whether a one-word name the NER took for a place's, no country's or continent's, is the subject of a verb
    of buying whose object the NER took for an organisation's or ends in an organisation's head noun
    ("Vantorix bought Dorval Holdings"; not "Norway bought ...")."""
    token = span.root
    if len(span) != 1 or span.label_ not in {"GPE", "LOC"} or token.dep_ != "nsubj":
        return False
    if token.lower_ in _COUNTRY_NAMES | _CONTINENTS:
        return False
    return any(
        o.ent_type_ == "ORG" or ontology.class_for_head(o.lower_) == "Organization" and o.pos_ == "PROPN"
        for o in _buys(token.head, ontology)
    )


def buyers(
    doc: Doc, found: Iterable[tuple[Mention, Span]], taken: set[int], ontology: Ontology
) -> list[Span]:
    """One-word names the NER left unlabelled that buy an organisation (see the module's docstring)."""
    organisations = {
        i for mention, span in found if ontology.is_a(mention.type, "Organization") for i in range(span.start, span.end)
    }
    if not organisations:
        return []
    people = ents_addressed(doc)
    out: list[Span] = []
    for token in doc_tokens(doc):
        if token.dep_ != "nsubj" or token.pos_ != "PROPN" or token.i in taken or not token.is_title:
            continue
        if token.ent_type_ or token.text in people or any(c.dep_ == "compound" for c in token.children):
            continue
        if token.is_sent_start and token.lower_ in dictionary_words("noun") | dictionary_words("adj"):
            continue  # "Investors bought ...": a common word capitalised to open the sentence
        if any(o.i in organisations for o in _buys(token.head, ontology)):
            out.append(doc[token.i : token.i + 1])
    return out


def listed_after_description(tokens: list[Token]) -> list[Token]:
    """The names the parser joined as conjuncts to a common noun in apposition to one of the tokens, a list's
    later items: "owns Kestrel Capital, its investment arm, and the card firm Orbix" -> Orbix (a common noun
    stands for the name apposed to it; "its arm and biggest unit" adds no name)."""
    out: list[Token] = []
    for token in tokens:
        for c in token.children:
            if c.dep_ != "appos" or c.pos_ != "NOUN" or c.i < token.i:
                continue
            for t in c.conjuncts:
                named = [a for a in t.children if a.dep_ == "appos"] if t.pos_ == "NOUN" else [t]
                out.extend(n for n in named if n.pos_ == "PROPN" and n not in out)
    return out


def supplier(word: Token, goods: str, mention_at: Callable[[Token], int | None]) -> list[Token]:
    """The objects of "from" on the goods a word of ordering names: its direct object (``goods`` "dobj": "ordered
    40 jets from Y") or the object of its phrase (a preposition: "an order for 70 jets from Y"); the goods are a
    common noun, no name ("ordered Kestrel from the room" names no goods)."""
    if goods == "dobj":
        nouns = [c for c in word.children if c.dep_ == "dobj"]
    else:
        phrases = [c for c in word.children if c.dep_ == "prep" and c.lower_ == goods]
        nouns = [p for c in phrases for p in c.children if p.dep_ == "pobj"]
    return [
        p for n in nouns if n.pos_ == "NOUN" and mention_at(n) is None
        for c in n.children if c.dep_ == "prep" and c.lower_ == "from"
        for p in c.children if p.dep_ == "pobj"
    ]
