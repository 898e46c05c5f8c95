"""Names whose kind the words beside them say: bands are bodies, venues places, common nouns no names.

The NER often takes a band for a person, a park for a firm, a technology's initials for an organisation.  The
article's own words say what the name is, and the decision holds for the name throughout the document:

- a band's noun before or after it (kgx:BandNoun: "the band Kestrel Lane", "Kestrel Lane, the band", "rock group
  Kestrel Lane", with a kgx:MusicStyle word before "group"), or a band's player after a name the NER did not call a
  person or a place (kgx:BandPlayerNoun: "Kestrel Lane singer X"), a band's leader after any name but a place's
  (kgx:BandLeaderNoun: "Kestrel Lane frontman X"): an organisation, whose players are its members, never a
  person with a home or a nationality;
- a venue's noun with "at" before the names (kgx:VenueSiteNoun: "greyhound tracks at Harle Vale and Bexmoor"):
  places;
- initials that lower-case words right before them spell ("digital radio broadcasting (DRB)"), and a word
  opening a sentence that the article also writes in lower case ("Broadband is ..." beside "broadband
  users"): common nouns, no names at all, unless a firm's words are around them elsewhere ("DRB said it ...",
  "shares in DRB").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.extract.company_names import firms_possession, names_a_firm
from kgraph.extract.doc_text import doc_ents, doc_tokens, per_document

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kgraph.models import Mention
    from kgraph.ontology import Ontology

__all__ = ["common_noun_names", "kind_classes", "with_kinds"]

#: Where a document keeps its names' kinds.
_KEY = "kgraph.kind_classes"
#: The classes a name's kind replaces: the NER's and the repairs' usual confusions.
_RETYPED = frozenset({"Person", "Organization", "Place", "Event"})
_NOT_NAMES = frozenset({"pronoun", "description", "adjective", "dateline"})
_POSSESSIVE = frozenset({"'", "'s", "\u2019s", "\u2019"})


def _band_before(span: Span, ontology: Ontology) -> bool:
    """ "the band X", "rock group X", "X, the band": a band's noun in apposition or compounded on the name."""
    doc = span.doc
    bands = ontology.words("BandNoun")
    before = doc[span.start - 1] if span.start > 0 else None
    nouns: list[Token] = []
    if before is not None and before.pos_ == "NOUN" and before.is_lower:
        nouns.append(before)  # (by the words: the parser may make "The band" a sentence's root)
    root = span.root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    if span.end < len(doc) and doc[span.end].text == ",":
        nouns.extend(c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN")
    for noun in nouns:
        lemma = noun.lemma_.lower()
        if lemma in bands:
            return True
        styled = noun.i > 0 and doc[noun.i - 1].lower_ in ontology.words("MusicStyle")
        if lemma == "group" and styled:
            return True
    return False


def _player_after(span: Span, ontology: Ontology) -> bool:
    """ "X singer Y", "X's guitarist Y", "X frontman Y": a band's player after the band's name; "the X band"."""
    doc = span.doc
    end = span.end + (span.end < len(doc) and doc[span.end].lower_ in _POSSESSIVE)
    if end >= len(doc) or doc[end].pos_ != "NOUN" or doc[end].is_title:
        return False
    noun = doc[end]
    if span.root.dep_ not in {"compound", "poss", "nmod"} or span.root.head.i < noun.i:
        return False
    if noun.lemma_.lower() in ontology.words("BandNoun") | ontology.words("BandLeaderNoun"):
        return span.label_ not in {"GPE", "NORP", "LOC"}  # "the X band", "X frontman Y" ("Welsh band": a people's)
    # (a player's noun after a person's or a place's name is the player's own: "British singer X")
    return noun.lemma_.lower() in ontology.words("BandPlayerNoun") and span.label_ not in {
        "PERSON", "GPE", "NORP", "LOC",
    }


def _at_venue(span: Span, ontology: Ontology) -> bool:
    """ "tracks at X, Y and Z": a name (or one of a list) after a venue's noun and "at"."""
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    if root.dep_ != "pobj" or root.head.lower_ != "at":
        return False
    noun = root.head.head
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in ontology.words("VenueSiteNoun")


def _spelt_by_words(span: Span) -> bool:
    """ "digital terrestrial television (DTT)": bracketed initials that the lower-case words right before the
    bracket spell, the first of them in lower case: a common noun's short form."""
    doc = span.doc
    text = span.text
    if len(span) != 1 or not text.isupper() or not text.isalpha() or span.start < 2:
        return False
    if doc[span.start - 1].text != "(" or span.end >= len(doc) or doc[span.end].text != ")":
        return False
    words = doc[max(0, span.start - 1 - len(text)) : span.start - 1]
    if len(words) != len(text) or any(not w.is_alpha for w in words):
        return False
    return words[0].is_lower and all(w.text[0].lower() == c.lower() for w, c in zip(words, text, strict=True))


def _firm_words(span: Span, ontology: Ontology) -> bool:
    """ "X's chief executive", "shares in X": words that call the name a firm."""
    root = span.root
    return root.dep_ == "poss" and firms_possession(root.head, ontology) or (
        root.dep_ == "pobj" and names_a_firm(root, ontology)
    )


def _lower_elsewhere(doc: Doc) -> set[str]:
    return {t.lower_ for t in doc_tokens(doc) if t.is_lower and t.is_alpha}


def _opening_word(span: Span, lower: set[str], inside: set[str]) -> bool:
    """ "Broadband is growing" beside "broadband users": one word opening a sentence (or a headline) that the
    document writes in lower case elsewhere and never capitalised inside a sentence ("Sky said ... Sky's
    chief" is a name)."""
    word = span[0]
    return (
        len(span) == 1 and span.label_ in {"GPE", "LOC", "ORG"} and bool(word.is_sent_start) and word.is_title
        and word.lower_ in lower and word.text not in inside
    )


def kind_classes(doc: Doc, ontology: Ontology) -> dict[str, str | None]:
    """Per name text, the class the words beside it give it: "Organization" (a band), "Place" (a venue) or
    None (a common noun, no name); names no such words describe are left out."""

    def make() -> dict[str, str | None]:
        kinds: dict[str, str | None] = {}
        firms: set[str] = set()
        lower = _lower_elsewhere(doc)
        # the capitalised words written inside a sentence
        inside = {t.text for t in doc_tokens(doc) if not t.is_sent_start and t.is_title}
        for span in doc_ents(doc):
            if span.label_ in {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}:
                continue
            text = span.text
            if _firm_words(span, ontology):
                firms.add(text)
            if _band_before(span, ontology) or _player_after(span, ontology):
                kinds[text] = "Organization"
            elif text not in kinds and _at_venue(span, ontology):
                kinds[text] = "Place"
            elif text not in kinds and (_spelt_by_words(span) or _opening_word(span, lower, inside)):
                kinds[text] = None
        kinds = {text: cls for text, cls in kinds.items() if cls is not None or text not in firms}
        return kinds

    return dict(per_document(doc, (_KEY, id(ontology)), make))


def common_noun_names(doc: Doc, ontology: Ontology) -> set[str]:
    """The texts the document uses as common nouns, no names ("DTT", a sentence's opening "Broadband")."""
    return {text for text, cls in kind_classes(doc, ontology).items() if cls is None}


def with_kinds(found: list[tuple[Mention, Span]], ontology: Ontology) -> list[tuple[Mention, Span]]:
    """The mentions with the class their names' kinds give them (bands, venues); names used as common nouns
    dropped."""
    from dataclasses import replace

    if not found:
        return found
    kinds = kind_classes(found[0][1].doc, ontology)
    out: list[tuple[Mention, Span]] = []
    for mention, span in found:
        if mention.type not in _RETYPED or mention.text not in kinds or mention.label in _NOT_NAMES:
            out.append((mention, span))
            continue
        cls = kinds[mention.text]
        if cls is None:
            continue
        out.append((replace(mention, type=cls), span))
    return out
