"""Checks on the two ends of one relation that :mod:`kgraph.extract.relations` makes before it keeps the relation.

A country's name is a sovereign state's ("Jamaica") or not; a person's name holds a title of a government ("President
X of Pakistan") or a country's possessive is on one ("France's finance minister X"); a place's name is an epithet
borrowed from another place ("dubbed Norway's Alcatraz"); a country's adjective opens a party's name ("Scottish
Conservative leader X"); a name is a brand's ("the Kestrel brand"). Each answers for one pair's ends and says nothing
of the relation itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.extract.frames import _conjuncts, _Index
from kgraph.models import Mention
from kgraph.ontology import Ontology

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["state", "state_title", "possessed_title", "epithet_of", "party_name_adjective", "brand_name"]


def state(mention: Mention, ontology: Ontology) -> bool:
    """Whether a mention names a sovereign state (kgx:Country: "Jamaica", "the UK")."""
    return mention.text.lower().removeprefix("the ") in ontology.words("Country")


def state_title(span: Span, ontology: Ontology) -> bool:
    """Whether a person's name holds or follows a title of a government or head of state (kgx:StateTitle) that
    "of" and the country may follow: "President X of Pakistan", "Finance Minister X of France"."""
    before = [c for c in span.root.children if c.dep_ == "compound" and c.i < span.start]
    titles = ontology.words("StateTitle")
    return any(t.lower_ in titles for t in [*span, *before])


def possessed_title(country: Span, person: Span, ontology: Ontology) -> bool:
    """Whether a country's possessive is on a title of its government that a person's name holds: "France's
    finance minister X", "India's President, X" (kgx:StateTitle)."""
    title = country.root.head
    if country.root.dep_ != "poss" or title.lemma_.lower() not in ontology.words("StateTitle"):
        return False
    return title.head.i in range(person.start, person.end) and title.dep_ in {"compound", "appos"} or any(
        c.dep_ == "appos" and c.i in range(person.start, person.end) for c in title.children
    )


#: The preposition a verb of likening takes before the name it likens to ("likened to", "compared with").
_LIKENED_BY = frozenset({"as", "to", "with"})


def epithet_of(name: Span, possessor: Span, index: _Index) -> bool:
    """Whether ``name`` is an epithet that ``possessor`` holds by its "'s": the complement of a verb of naming or
    likening ("dubbed Norway's Alcatraz", "described as Europe's Detroit", "likened to Italy's Portofino"), or what
    another place is or has become ("Bellport is Oregon's Venice"). Such a name is borrowed; its possessor is no
    place of it."""
    root = name.root
    if not (possessor.root.dep_ == "poss" and possessor.root.head.i in range(name.start, name.end)):
        return False
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in _LIKENED_BY:
        head = head.head
    elif root.dep_ not in {"oprd", "xcomp", "attr"}:
        return False
    naming = index.ontology.words("NamingVerb")
    if head.lemma_.lower() in naming:
        return True
    return root.dep_ == "attr" and head.lemma_.lower() in {"be", "become"} and any(
        c.dep_ in {"nsubj", "nsubjpass"} and (m := index.at(c)) is not None
        and index.ontology.is_a(index.mentions[m][0].type, "Place")
        for c in head.children
    )


def party_name_adjective(adjective: Span, ontology: Ontology) -> bool:
    """Whether a country's or region's adjective opens a party's name: "Scottish Conservative leader X", "Welsh
    Labour MP Y" (kgx:PartyWord, kgx:PartyNameWord), not "Scottish economist X"."""
    doc = adjective.doc
    if adjective.end >= len(doc) or not doc[adjective.end].is_title:
        return False
    words = ontology.words("PartyWord") | ontology.words("PartyNameWord")
    after = doc[adjective.end : adjective.end + 2]
    return after[0].lower_ in words or after.text.lower() in words or after[0].lower_.rstrip("s") in words


def brand_name(span: Span, ontology: Ontology) -> bool:
    """Whether a name is a brand's: it modifies a brand noun ("the Kestrel brand") or stands in a list that one
    closes ("the Kestrel and Marlow's cider brands", kgx:BrandNoun in words.ttl)."""
    brands = ontology.words("BrandNoun")
    root = span.root
    if root.dep_ in {"compound", "nmod", "poss", "amod"} and root.head.lemma_.lower() in brands:
        return True
    return any(
        c.lemma_.lower() in brands and c.pos_ == "NOUN" and not span.start <= c.i < span.end for c in _conjuncts(root)
    )
