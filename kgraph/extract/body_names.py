"""Where a body's name that holds an "of" begins and ends, decided on the NER's names before typing.

Decides that a body's head noun right before "of" and a capitalised name the text does not set apart
("the Kellish Council of Wales", "the Painters Guild of Great Britain", "the Department of Fisheries")
is one organisation's name, from the first capitalised word of the noun phrase before the head noun to
the last capitalised word after "of", whatever pieces the NER made of it ("Kellish Council" + "Wales",
or nothing + "Great Britain", or "Fisheries" alone). The head nouns are the ontology's list of bodies of
people (``kgx:BodyOfPeople`` in words.ttl: council, guild, committee, department ...);
not a company's suffix nor a firm's words ("Orbix Inc. of Tacoma", "Kestrel Bank of Oslo": the firm
and where it is), and not where a person's name, a comma or a lower-case word comes between.
Example: in "The Kellish Council of Wales said ...", the mention is "Kellish Council of Wales".

Also that a country's name right before a court's ("US" + "District Court") is the court's first word:
"District Court" alone names no court (the country says which state's it is).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.extract.doc_text import doc_tokens
from kgraph.extract.lexicon import _COUNTRY_NAMES
from kgraph.ontology import Ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["bodies_with_of", "body_heads", "courts_of_countries", "in_place_of"]

#: Labels of the NER's names a body's name may swallow: its own pieces and the place or group after "of".
_PIECES = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC"})


def body_heads(ontology: Ontology) -> frozenset[str]:
    """Head nouns of a body of people whose name goes on with "of" and a name (``kgx:BodyOfPeople``)."""
    return ontology.words("BodyOfPeople")


def _name_word(token: Token) -> bool:
    return token.is_title and token.is_alpha and token.pos_ in {"PROPN", "NOUN", "ADJ"}


def _start(doc: Doc, head: int, owner: dict[int, Span]) -> int | None:
    """The first word of the body's name that ends in the head noun at ``head``, or None where a person's
    name or a sentence-opening word that is not part of a name comes in."""
    start = head
    while start > 0 and _name_word(doc[start - 1]) and doc[start - 1].head.i >= start - 1:
        before = owner.get(start - 1)
        if before is not None and before.label_ not in _PIECES:
            break
        start -= 1
    first = owner.get(start)
    if first is not None and first.label_ in _PIECES:
        start = min(start, first.start)
    if doc[start].is_sent_start and owner.get(start) is None and doc[start].pos_ != "PROPN":
        start += 1  # "Senior Council of ..." : an adjective opening the sentence is none of the name
    return start if start <= head else None


def _end(doc: Doc, of: int, owner: dict[int, Span]) -> int | None:
    """The end of the capitalised name after "of" at ``of`` (a name of the NER's runs to its own end), or None."""
    end = of + 1
    while end < len(doc) and doc[end].is_title and doc[end].is_alpha and doc[end].pos_ == "PROPN":
        end += 1
    if end == of + 1 or end < len(doc) and doc[end].tag_ == "POS":
        return None  # (not "the Association of Kellmore's Traders": a possessive inside the name)
    for i in range(of + 1, end):
        piece = owner.get(i)
        if piece is not None and piece.label_ not in _PIECES:
            return None  # "the Council of Anna Berg": a person's name is no part of a body's
        if piece is not None:
            end = max(end, piece.end)
    return end


def bodies_with_of(doc: Doc, ents: list[Span], ontology: Ontology) -> list[Span]:
    """The NER's names with each body's name that holds an "of" made one organisation's name (see the
    module's docstring), in place of the pieces it covers."""
    from spacy.tokens import Span

    heads = body_heads(ontology)
    owner = {i: ent for ent in ents for i in range(ent.start, ent.end)}
    joined: list[Span] = []
    for token in doc_tokens(doc)[:-2]:
        if not (token.is_title and token.lower_ in heads and doc[token.i + 1].lower_ == "of"):
            continue
        if joined and joined[-1].end > token.i:
            continue
        start, end = _start(doc, token.i, owner), _end(doc, token.i + 1, owner)
        if start is None or end is None:
            continue
        inside = {owner[i] for i in range(start, end) if i in owner}
        if any(ent.start == start and ent.end == end for ent in inside):
            continue  # the NER's own name already
        if any(ent.start < start for ent in inside):
            continue  # a name of the NER's that begins before: not this repair's
        joined.append(Span(doc, start, end, label="ORG"))
    return in_place_of(ents, joined)


def in_place_of(ents: list[Span], joined: list[Span]) -> list[Span]:
    """The names ``ents`` with the ``joined`` names in place of those of them they cover, in the text's order."""
    if not joined:
        return ents
    covered = {i for span in joined for i in range(span.start, span.end)}
    kept = [ent for ent in ents if not any(i in covered for i in range(ent.start, ent.end))]
    return sorted(kept + joined, key=lambda span: span.start)


def courts_of_countries(doc: Doc, ents: list[Span], ontology: Ontology) -> list[Span]:
    """The NER's names with a country's name of the NER's right before a court's name (kgx:CourtNoun) made its
    first word (see the module's docstring; one the NER left unlabelled is joined by mentions._country_before)."""
    from spacy.tokens import Span

    by_end = {ent.end: ent for ent in ents}
    courts = ontology.words("CourtNoun")
    out: list[Span] = []
    for ent in ents:
        if ent.label_ != "ORG" or ent[-1].lower_ not in courts or ent.start == 0:
            out.append(ent)
            continue
        country = by_end.get(ent.start)
        if country is not None and country.text.lower() in _COUNTRY_NAMES and out and out[-1] is country:
            out[-1] = Span(doc, country.start, ent.end, label="ORG")
            continue
        out.append(ent)
    return out
