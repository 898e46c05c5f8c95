"""Seats and peerages: places a person represents or is titled after, which say nothing of where the person
lives or works.

Decides which names of a document are a parliamentary seat or the place of a peer's title:

- the constituency a seat holder is "for" ("the MP for Westbridge", "Labour MP for Cardmore North");
- a seat's noun with the name ("his seat of Westbridge", "the Westbridge constituency");
- in a document about seats (one that says "MP", "seat", "Commons", "election" ...), a name made of a place's words
  and a compass point ("Cardmore North's Dana Kell"),
and which name the place of a peer's title ("Lord Kell of Westbridge", "the Duke of Westmoor"), at that place
only.  A seat is one everywhere in the document ("the MP for Westbridge ... Westbridge's MP"); the lists are
kgx:SeatHolder, kgx:SeatNoun and kgx:PeerTitle in ontology/words.ttl.  Both are places
(kgraph.extract.place_names types them so), so neither is an employer; a seat is also no person relation's
object (kgraph.extract.relations): "Cardmore North's Dana Kell" neither works for nor lives in Cardmore North
(a peer's place is read as the peer's home, as before).
Example: in "Tom Ellery, the MP for Westbridge, said ..." Westbridge is a seat; in "Tom Ellery, who lives in
Westbridge, said ..." it is not.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgraph.extract.doc_text import doc_ents, doc_lemmas, doc_text, doc_words, per_document
from kgraph.extract.lexicon import _COMPASS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from kgraph.ontology import Ontology

__all__ = ["is_seat", "peer_place"]

#: Where a document keeps the character ranges of its seats' names.
_KEY = "kgraph.seat_spans"


def _holder_cue(span: Span, ontology: Ontology) -> bool:
    """ "the MP for X": the seat a seat holder is for."""
    phrase = span.root
    while phrase.dep_ == "compound" and phrase.head.i > phrase.i:
        phrase = phrase.head  # "the MP for Cardmore North Dana Kell": the seat modifies the holder's name
    holders = ontology.words("SeatHolder")
    return (
        phrase.dep_ == "pobj"
        and phrase.head.lower_ == "for"
        and phrase.head.head.lower_ in holders
        and not any(t.ent_type_ and t.i < span.start for t in phrase.subtree)  # (not the name after the seat)
    )


def _seat_cue(span: Span, ontology: Ontology) -> bool:
    """ "his seat of X", "the X constituency": a seat's noun right around the name."""
    root = span.root
    nouns = ontology.words("SeatNoun")
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in nouns:
        return True
    return root.dep_ == "compound" and root.head.i == span.end and root.head.lemma_.lower() in nouns


def _compass_seat(span: Span) -> bool:
    """ "Cardmore North": a place's capitalised words and a compass point, as constituencies are named."""
    words = [t for t in span if t.text not in {"'s", "’s"}]
    return (
        len(words) >= 2
        and words[-1].lower_ in _COMPASS
        and words[-1].is_title
        and all(t.is_title and t.is_alpha and t.lower_ not in _COMPASS for t in words[:-1])
    )


def _about_seats(doc: Doc, ontology: Ontology) -> bool:
    """Whether a document speaks of a parliament's members (kgx:SeatHolder, kgx:SeatNoun, kgx:ParliamentWord)."""
    words = ontology.words("SeatHolder") | ontology.words("SeatNoun") | ontology.words("ParliamentWord")
    return not (words.isdisjoint(doc_words(doc)) and words.isdisjoint(doc_lemmas(doc)))


def _seat_texts(doc: Doc, ontology: Ontology) -> set[str]:
    """The names the document calls seats (not a party's: "the Labour constituencies" are the party's seats; nor
    a person's: "the Simon Cowell seat" on a panel, though the NER may call a seat a person: "the MP for X")."""
    about_seats = _about_seats(doc, ontology)
    parties = ontology.words("PartyWord")
    return {
        e.text
        for e in doc_ents(doc)
        if e.text.lower().removeprefix("the ") not in parties
        and (
            e.label_ in {"ORG", "GPE", "LOC", "FAC", "PERSON"}
            and _holder_cue(e, ontology)  # ("MP for Islwyn")
            or e.label_ in {"ORG", "GPE", "LOC", "FAC"}
            and (_seat_cue(e, ontology) or about_seats and _compass_seat(e))
        )
    }


def _seat_ranges(doc: Doc, ontology: Ontology) -> list[tuple[int, int]]:
    """The character ranges of every occurrence of a seat's name in the document (worked out once per document)."""

    def make() -> list[tuple[int, int]]:
        return [
            (m.start(), m.end())
            for text in _seat_texts(doc, ontology)
            for m in re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", doc_text(doc))
        ]

    return list(per_document(doc, (_KEY, id(ontology)), make))


def peer_place(span: Span, ontology: Ontology) -> bool:
    """Whether a name is the "of" of a peer's title: "Lord Kell of Westbridge", "the Duke of Westmoor"."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "of":
        return False
    peers = ontology.words("PeerTitle")
    i = span.start - 2
    while i >= 0 and doc[i].is_title:
        if doc[i].lower_ in peers:
            return True  # "the Duke of Westmoor", "Lord Kell of Westbridge" (however the parser hangs "of")
        i -= 1
    return False


def is_seat(span: Span, ontology: Ontology) -> bool:
    """Whether a name is a seat in the document."""
    return any(start <= span.start_char and span.end_char <= end for start, end in _seat_ranges(span.doc, ontology))
