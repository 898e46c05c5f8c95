"""Orders and sales of goods between firms: a purchase or supply contract is an agreement between them.

Decides, for :mod:`kgraph.extract.relations` (the sentence frame kgx:Supply), which two organisations a sentence
says made a contract for goods, one buying and one selling:

- a verb of ordering or buying (kgx:OrderVerb) whose object is goods, with the seller after "from" or as the
  maker named on the goods: "X ordered 12 jets from Y", "X will buy 10 A350s from Y", "X ordered 30 Y A320
  planes", "X signed a deal to buy 30 Y A320s";
- the noun "order" with the goods after "for" and the seller after "with", "from" or named on the goods: "X placed
  a firm order for 20 jets with Y", "X's order for Y's jets"; the buyer is the noun's possessor or the subject
  of a verb of placing an order (kgx:OrderPlacingVerb: "placed", "made"), and a verb of winning one
  (kgx:OrderWinningVerb: "won", "received") makes its subject the seller and the "from" phrase the buyer;
- a verb of supplying (kgx:SupplyVerb) with the buyer as its object and the goods after "with", or the goods as
  its object and the buyer after "to": "X will supply Y with 300 engines", "X sold 10 jets to Y", "X struck a
  deal to supply Y with 300 engines";
- the noun "sale" with the goods after "of" and the buyer after "to": "X's sale of 10 jets to Y".

Goods are a noun of goods (kgx:OrderedGoods: "jet", "engine", "satellite") or a model's name of letters and digits
("A350s", "737-800s"); "50 of its jets" names the jets. So a share is no goods ("bought a 10% stake in Y" is an
investment, read elsewhere), nor is a firm or a unit ("the sale of its Y unit to Z"). A clause that does not state
the deal states no agreement ("is in talks to order", "could order", "may buy": :func:`moods.deal_mood`), nor does
an order undone ("cancelled its order": kgx:UndoingVerb, :func:`moods.event_mood`); a deal agreed but not done
("will buy 10 jets from Y", "signed a deal to buy") is one already. Only names count as parties: "Shoppers bought
Y phones" names no buyer (a common noun the NER took for a name as it opens a sentence), and the pattern's types
keep the parties organisations.

Example: in "Korvia Airways has placed an order for 20 jets with Halden Aerospace.", Korvia Airways
hasAgreementWith Halden Aerospace.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kgraph.extract.doc_text import doc_tokens
from kgraph.extract.frames import _deep_roles, _expand, _Index, _prep_objects
from kgraph.extract.mention_index import UNNAMED
from kgraph.extract.moods import deal_mood, event_mood

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from kgraph.ontology import Pattern

__all__ = ["supply_pairs"]

#: Moods that state a contract: done, or agreed and announced ("will buy 10 jets from Y").
_STATED = frozenset({"fact", "agreed"})
#: A model's name: letters and digits ("A350s", "7E7", "A380"); "737-800s" is parsed as "800s" after "737 -".
_MODEL = re.compile(r"^(?=.*\d)(?=.*[A-Z])[A-Za-z0-9]+$")
#: Entity labels of numbers that are no model: "the 1990s", "10%".
_NOT_MODELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL"})


def _model(token: Token) -> bool:
    """Whether a token names a model of a product: "A350s", "7E7", "737-800s" (a number after a hyphenated one)."""
    if token.ent_type_ in _NOT_MODELS and not _MODEL.match(token.text):
        return False
    if _MODEL.match(token.text):
        return True
    return bool(re.fullmatch(r"\d+s?", token.text)) and any(
        c.dep_ == "compound" and c.like_num and c.i == token.i - 2 and token.doc[token.i - 1].text == "-"
        for c in token.children
    )


def _goods(token: Token, index: _Index) -> Token | None:
    """The goods a phrase names, or None: a noun of goods or a model's name that is no party's name; "50 of its
    jets" names the jets."""
    if token.like_num:
        inner = _prep_objects(token, ["of"])
        token = inner[0] if inner else token
    if index.at(token) is not None and not _model(token):
        return None  # "bought Kestrel Bank", "the sale of Yugansk": a firm, no goods
    if token.lemma_.lower() in index.ontology.words("OrderedGoods") and token.pos_ == "NOUN" or _model(token):
        return token
    return None


def _makers(goods: Token, index: _Index) -> list[Token]:
    """The names on the goods before them, their makers: "30 Halden A320 planes", "Halden's jets"."""
    out: list[Token] = []
    for c in goods.children:
        if c.i < goods.i and c.dep_ in {"compound", "nmod", "poss"}:
            m = index.at(c)
            if m is not None and index.ontology.is_a(index.mentions[m][0].type, "Organization"):
                out.append(index.mentions[m][1].root)
            elif c.dep_ == "compound":
                out.extend(_makers(c, index))  # "Halden A320 planes": the maker on the model's name
    return out


def _sellers(word: Token, goods: Token, index: _Index) -> list[Token]:
    """The seller of goods a word of buying takes: "from" on the word or on the goods, else the goods' maker."""
    return _prep_objects(word, ["from"]) or _prep_objects(goods, ["from"]) or _makers(goods, index)


def _agents(verb: Token, index: _Index) -> list[Token]:
    """Who does a verb: its deep agents, or for a clause on a deal's noun ("struck a deal to supply Y") the
    agents of the verb that takes the noun."""
    agents = _deep_roles(verb, index)[0]
    if agents or verb.dep_ not in {"acl", "relcl"} or index.at(verb.head) is not None:
        return agents
    noun = verb.head
    if any(c.dep_ == "poss" for c in noun.children):
        return [c for c in noun.children if c.dep_ == "poss"]
    governor = noun.head if noun.dep_ in {"dobj", "pobj"} else None
    if governor is not None and governor.pos_ == "ADP":
        governor = governor.head
    return _deep_roles(governor, index)[0] if governor is not None and governor.pos_ in {"VERB", "AUX"} else []


def _noun_governor(noun: Token) -> Token | None:
    """The verb whose object (or whose phrase's object) a noun is."""
    governor = noun.head if noun.dep_ in {"dobj", "pobj", "nsubjpass", "attr"} else None
    if governor is not None and governor.pos_ == "ADP":
        governor = governor.head
    return governor if governor is not None and governor.pos_ in {"VERB", "AUX"} else None


def _verb_deals(verb: Token, index: _Index) -> Iterator[tuple[list[Token], list[Token]]]:
    """(buyers, sellers) of a verb of ordering, buying or supplying."""
    ontology = index.ontology
    lemma = verb.lemma_.lower()
    ordering, supplying = lemma in ontology.words("OrderVerb"), lemma in ontology.words("SupplyVerb")
    if not (ordering or supplying) or deal_mood(verb, ontology) not in _STATED:
        return  # the lemma first: every verb of every sentence comes here, and a verb's mood takes a parse walk
    objects = [c for c in verb.children if c.dep_ in {"dobj", "npadvmod"}]
    if ordering:
        for o in objects:
            goods = _goods(o, index)
            if goods is not None:
                yield _agents(verb, index), _sellers(verb, goods, index)
    if supplying:
        for o in objects:
            if index.at(o) is not None and o.dep_ == "dobj":  # "supply Y with 300 engines"
                if any(_goods(g, index) is not None for g in _prep_objects(verb, ["with"])):
                    yield [o], _agents(verb, index)
            elif _goods(o, index) is not None:  # "sold 10 jets to Y"
                yield _prep_objects(verb, ["to"]), _agents(verb, index)


def _noun_deals(noun: Token, index: _Index) -> Iterator[tuple[list[Token], list[Token]]]:
    """(buyers, sellers) of an order or a sale of goods."""
    ontology = index.ontology
    if event_mood(noun, ontology)[0] not in _STATED:
        return
    governor = _noun_governor(noun)
    owner = [c for c in noun.children if c.dep_ == "poss"]
    agents = _deep_roles(governor, index)[0] if governor is not None else []
    placed = governor is not None and governor.lemma_.lower() in ontology.words("OrderPlacingVerb")
    won = governor is not None and governor.lemma_.lower() in ontology.words("OrderWinningVerb")
    carriers = [noun, governor] if governor is not None else [noun]
    if noun.lemma_.lower() in ontology.words("OrderNoun"):
        for phrase in _prep_objects(noun, ["for"]):
            goods = _goods(phrase, index)
            if goods is None:
                continue
            if won:  # "Y won an order for 20 jets from X"
                yield [p for c in carriers for p in _prep_objects(c, ["from"])] or owner, agents
                continue
            buyers = owner or (agents if placed else [])
            sellers = [p for c in (*carriers, goods) for p in _prep_objects(c, ["with"])]
            yield buyers, sellers or _sellers(noun, goods, index)
    elif noun.lemma_.lower() in ontology.words("SaleNoun"):
        for phrase in _prep_objects(noun, ["of"]):
            if _goods(phrase, index) is not None:
                buyers = [p for c in carriers for p in _prep_objects(c, ["to"])]
                yield buyers, owner or agents


def supply_pairs(sent: Span, pattern: Pattern, index: _Index) -> Iterator[tuple[int, int]]:
    """(buyer, seller) mention numbers of each contract for goods the sentence states (see the module)."""
    nouns = index.ontology.words("OrderNoun") | index.ontology.words("SaleNoun")
    for token in doc_tokens(sent.doc)[sent.start : sent.end]:
        if token.pos_ in {"VERB", "AUX"}:
            deals = _verb_deals(token, index)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in nouns:
            deals = _noun_deals(token, index)
        else:
            continue
        for buyers, sellers in deals:
            for b in _expand(buyers):
                for s in _expand(sellers):
                    bm, sm = _party(b, index), _party(s, index)
                    if bm is not None and sm is not None and bm != sm:
                        yield bm, sm


def _party(token: Token, index: _Index) -> int | None:
    """The mention a party's token is in, if it names one: not a common noun the NER took for a name as it opens a
    sentence ("Shoppers bought Y phones")."""
    m = index.at(token)
    if m is None:
        return None
    mention, span = index.mentions[m]
    if mention.label not in UNNAMED and len(span) == 1 and span.root.pos_ == "NOUN":
        return None
    return m
