"""Checking an LLM's fact against the text: evidence is checked, not trusted.

A fact the LLM proposes (mention numbers, a property, a sentence number and a quote)
becomes a :class:`~kgraph.models.RelationMention` only when every check holds:

* the property is one the ontology offers, and the subject and object are mentions
  of the chunk whose classes fit its domain and range (else ``wrong direction`` when
  the other way round would fit);
* the quote is in the cited sentence verbatim, after normalising whitespace and
  quote marks;
* both mentions lie in the cited sentence, or in it and a sentence next to it;
* the clause that joins them is not negated, hedged or speculative: the rule
  extractor's mood check (``mood`` in :mod:`kgraph.extract.moods`) on every word of
  the dependency path between the two mentions, plus hedging adverbs and
  conditional clauses.

Anything else is a :class:`~kgraph.models.Rejection` with its reason; the reasons
are the keys of :data:`REASONS`.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from kgraph.extract.llm_schema import Chunk, offered_properties
from kgraph.extract.moods import CONDITIONS, mood, noun_mood
from kgraph.models import Mention, Rejection, RelationMention
from kgraph.ontology import Ontology

__all__ = ["REASONS", "LLM_CONFIDENCE", "check_fact", "locate_quote", "normalise"]

#: confidence of a fact only the LLM found (the rules' patterns give 0.6-0.9)
LLM_CONFIDENCE = 0.6

REASONS = {
    "malformed fact": "a fact lacks a field or has one of the wrong type",
    "not a mention": "the subject or object is not the number of a listed mention",
    "unknown property": "the property is not one the ontology offers",
    "wrong direction": "subject and object are the wrong way round for the property",
    "classes do not fit": "the subject's or object's class does not fit the property",
    "same entity": "subject and object are the same thing",
    "bad sentence number": "the cited sentence is not in the chunk",
    "quote not in sentence": "the quote is not in the cited sentence verbatim",
    "mentions outside the sentence": "a mention is neither in the cited sentence nor next to it",
    "negated": "the clause is negated",
    "hedged or speculative": "the clause is hedged, planned, conditional or speculative",
    "malformed answer": "the answer was not JSON of the expected shape, even when asked again",
    "empty answer": "the server answered with no text, even when asked again",
    "request failed": "the request failed after its retries",
}

_QUOTES = str.maketrans(
    {c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u02bc`\u00b4"}
    | {c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"}
)
_HEDGES = frozenset(
    """reportedly allegedly possibly perhaps probably maybe supposedly apparently purportedly presumably
    rumoured rumored unconfirmed""".split()
)


def normalise(text: str) -> str:
    """Text with runs of whitespace as one space and curly or angled quote marks as straight ones."""
    return " ".join(text.translate(_QUOTES).split())


def locate_quote(quote: str, sentence: str) -> tuple[int, int] | None:
    """Where ``quote`` lies in ``sentence`` (offsets into ``sentence``), comparing normalised forms."""
    wanted = normalise(quote)
    if not wanted:
        return None
    # the sentence normalised, with the offset in the original of every normalised character
    chars: list[str] = []
    origin: list[int] = []
    for i, c in enumerate(sentence.translate(_QUOTES)):
        if c.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                origin.append(i)
            continue
        chars.append(c)
        origin.append(i)
    found = "".join(chars).find(wanted)
    if found < 0:
        return None
    return origin[found], origin[found + len(wanted) - 1] + 1


def _reject(reason: str, fact: dict[str, Any], chunk: Chunk, detail: str = "") -> Rejection:
    quote = fact.get("quote") if isinstance(fact.get("quote"), str) else ""
    claim = " ".join(str(fact.get(k, "?")) for k in ("subject", "property", "object"))
    return Rejection(reason=reason, claim=claim, quote=str(quote)[:300], detail=detail,
                     chunk_start=chunk.sentences[0][0], chunk_end=chunk.sentences[-1][1])


def _mention(value: Any, chunk: Chunk) -> Mention | None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= len(chunk.mentions):
        return None
    return chunk.mentions[value - 1]


def check_fact(
    fact: dict[str, Any],
    chunk: Chunk,
    doc: Doc,
    ontology: Ontology,
    links: dict[Mention, Mention],
    tag: str,
) -> RelationMention | Rejection:
    """The relation a proposed fact states, or why it is rejected."""
    if not all(k in fact for k in ("subject", "property", "object", "sentence", "quote")):
        return _reject("malformed fact", fact, chunk, "missing field")
    subject, obj = _mention(fact["subject"], chunk), _mention(fact["object"], chunk)
    if subject is None or obj is None:
        return _reject("not a mention", fact, chunk)
    offered = {p.name: p for p in offered_properties(ontology)}
    prop = offered.get(fact["property"]) if isinstance(fact["property"], str) else None
    if prop is None:
        return _reject("unknown property", fact, chunk)
    if not (ontology.fits(subject.type, prop.domain) and ontology.fits(obj.type, prop.range)):
        swapped = ontology.fits(obj.type, prop.domain) and ontology.fits(subject.type, prop.range)
        return _reject("wrong direction" if swapped else "classes do not fit", fact, chunk,
                       f"{subject.type} {prop.name} {obj.type}")
    if subject == obj or links.get(subject, subject) == links.get(obj, obj):
        return _reject("same entity", fact, chunk)
    number = fact["sentence"]
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= len(chunk.sentences):
        return _reject("bad sentence number", fact, chunk)
    if not isinstance(fact["quote"], str):
        return _reject("malformed fact", fact, chunk, "quote is not text")
    start, end = chunk.sentences[number - 1]
    where = locate_quote(fact["quote"], doc.text[start:end])
    if where is None:
        return _reject("quote not in sentence", fact, chunk)
    places = [chunk.mention_sentences[chunk.mentions.index(m)] for m in (subject, obj)]
    if number not in places or abs(places[0] - places[1]) > 1:
        return _reject("mentions outside the sentence", fact, chunk, f"sentences {places[0]} and {places[1]}")
    stated = clause_mood(doc, subject, obj)
    agreed_ok = any(p.mood == "agreed" for p in prop.patterns)
    if stated is not None and (stated == "fact" or agreed_ok):
        if prop.symmetric and (obj, subject) < (subject, obj):
            subject, obj = obj, subject
        q_start, q_end = start + where[0], start + where[1]
        return RelationMention(subject=subject, predicate=prop.name, object=obj, confidence=LLM_CONFIDENCE,
                               sentence_start=q_start, sentence_end=q_end, evidence=doc.text[q_start:q_end],
                               pattern=tag)
    return _reject("negated" if _negated(doc, subject, obj) else "hedged or speculative", fact, chunk)


def _root(doc: Doc, mention: Mention) -> Token:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else doc[0]


def _path(doc: Doc, a: Mention, b: Mention) -> list[Token]:
    """The words joining two mentions: up from each to their lowest common head (or each sentence's root)."""
    x, y = _root(doc, a), _root(doc, b)
    up_x = [x, *x.ancestors]
    up_y = [y, *y.ancestors]
    common = next((t for t in up_x if t in up_y), None)
    if common is None:  # two sentences: each mention's way up to its root
        return up_x + up_y
    return up_x[: up_x.index(common) + 1] + up_y[: up_y.index(common)]


def clause_mood(doc: Doc, a: Mention, b: Mention) -> str | None:
    """``"fact"``, ``"agreed"`` or None (negated, hedged, conditional) for the clause joining two mentions."""
    stated = "fact"
    for token in _path(doc, a, b):
        for child in token.children:
            if child.dep_ == "neg" or child.lower_ in _HEDGES:
                return None
            if child.dep_ == "mark" and child.lower_ in CONDITIONS:
                return None
        if token.pos_ in {"VERB", "AUX"}:
            found = mood(token)
        elif token.pos_ == "NOUN":
            found = noun_mood(token)
        else:
            continue
        if found is None:
            return None
        if found == "agreed":
            stated = "agreed"
    return stated


def _negated(doc: Doc, a: Mention, b: Mention) -> bool:
    for token in _path(doc, a, b):
        word: Token | None = token
        for _ in range(4):
            if word is None:
                break
            if any(c.dep_ == "neg" for c in word.children):
                return True
            word = word.head if word.head.i != word.i else None
    return False
