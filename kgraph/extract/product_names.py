"""Products named before their kind's noun: "the Linux operating system", "Sony's Kestrel console".

A capitalised name right before a lower-case noun of a kind of product (kgx:ProductKindNoun, as written:
"operating system", "robot", "console", "handset", "browser") is that product's name in that place, no
organisation or place, and so no party to a relation there.  The name must follow a definite determiner or a
possessive ("the X robot", "its X browser", "Orbitel's X handset"): after "a"/"an" the name is the maker's ("an
Orbitel handset"), and so is a name with a body's head noun ("the Kell University robot").  A noun that is
itself compounded on another noun ("the Orbitel handset business") names a trade, not the product.

That decision is local: the name elsewhere in the article keeps its class (the maker's name often precedes the
noun as well: "the Orbitel handset", "Orbitel said ...").  Some frames say more, and :func:`product_texts` makes
the name a product throughout the article:

- the maker's possessive before the name and a product's kind after it, lower-case words between ("Sony's
  Kestrel games console", "its Kestrel consoles"; with a maker, a service's noun too, kgx:ServiceKindNoun: "the
  BBC's Kestrel digital service");
- "the" (and adjectives) before the name and a kind after it, the name with a version's number or not ("the
  new Kestrel 2 console": "Kestrel 2", and "Kestrel" too);
- the name before "-based" on a device's noun (kgx:DeviceNoun: "Kestrel-based players", "a Kestrel-based
  machine"): a platform, no place (not a country's name: "Portugal-based players");

and only where the article never treats the name as a body: as a firm (company_names.firm_names: "Kestrel said
it", "shares in Kestrel"), with a unit's or firm's noun after it ("Orbitel's Kestrel division", kgx:UnitNoun,
kgx:FirmNoun), or with someone's post or name after it ("Kestrel chief executive X", "Kestrel's Dana Kell"; a
band's player, "Kestrel frontman X", is no post in a body: a product has a frontman).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgraph.extract.company_names import firm_names
from kgraph.extract.doc_text import doc_text, doc_tokens, doc_words, per_document
from kgraph.extract.lexicon import _COUNTRY_NAMES
from kgraph.ontology import per_ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kgraph.ontology import Ontology

__all__ = ["product_ranges", "product_texts"]

#: Words before the name that make it definite: the product is the one named.
_DEFINITE = frozenset({"the", "its", "his", "her", "their", "our", "this", "'s", "\u2019s"})
#: Entity labels of names that are no product's before a product noun ("the US handset market").
_NOT_PRODUCTS = frozenset({"GPE", "NORP", "LOC", "DATE", "CARDINAL", "MONEY", "PERCENT"})


def _kind_at(tokens: list[Token], i: int, kinds: dict[str, list[list[str]]]) -> int:
    """The number of words of a product kind's noun starting at word ``i`` (0 when none does); ``kinds`` holds
    the kinds' nouns by their first word, longest first."""
    for words in kinds.get(tokens[i].lower_, ()):
        end = i + len(words)
        if end <= len(tokens) and all(
            tokens[i + k].lower_ == w and tokens[i + k].is_lower for k, w in enumerate(words)
        ):
            last = tokens[end - 1]
            if last.tag_ in {"NN", "NNP"} and not (last.dep_ == "compound" and last.head.i > last.i):
                return len(words)
    return 0


def _name_word(token: Token) -> bool:
    """A word of a product's name: capitalised ("Linux", "PlayStation", "XP", "3G"), no determiner."""
    if token.lower_ in _DEFINITE or not any(c.isupper() for c in token.text):
        return False
    return token.is_title or token.pos_ == "PROPN"


def product_ranges(doc: Doc, ontology: Ontology) -> list[tuple[int, int]]:
    """The character ranges of the names the words right after them call products, in this place only."""
    kinds = sorted((w.split() for w in ontology.words("ProductKindNoun")), key=len, reverse=True)
    ranges: list[tuple[int, int]] = []
    if doc_words(doc).isdisjoint(words[0] for words in kinds):
        return ranges  # no product kind's noun in the document
    by_first: dict[str, list[list[str]]] = {}
    for words in kinds:
        by_first.setdefault(words[0], []).append(words)
    tokens = doc_tokens(doc)
    for i in range(1, len(doc)):
        if not _kind_at(tokens, i, by_first):
            continue
        start = i
        while start > 0 and _name_word(doc[start - 1]):
            start -= 1
        if start == i or start == 0 or doc[start - 1].lower_ not in _DEFINITE:
            continue
        name = doc[start:i]
        if any(t.ent_type_ in _NOT_PRODUCTS for t in name) or any(ontology.class_for_head(t.lower_) for t in name):
            continue
        ranges.append((name.start_char, name.end_char))
    return ranges


#: Possessives of a product's maker before its name: "its Kestrel console", "Orbitel's Kestrel console".
_MAKERS = frozenset({"its", "their", "'s", "\u2019s"})
#: Where a document keeps the names it calls products throughout.
_KEY = "kgraph.product_texts"


@per_ontology
def _kinds(ontology: Ontology, service: bool) -> dict[str, list[list[str]]]:
    """The product kinds' nouns by their first word, longest first (with a service's nouns, kgx:ServiceKindNoun,
    when ``service``)."""
    words = set(ontology.words("ProductKindNoun")) | (set(ontology.words("ServiceKindNoun")) if service else set())
    by_first: dict[str, list[list[str]]] = {}
    for kind in sorted((w.split() for w in words), key=len, reverse=True):
        by_first.setdefault(kind[0], []).append(kind)
    return by_first


def _kind_here(tokens: list[Token], i: int, kinds: dict[str, list[list[str]]]) -> bool:
    """Whether a product kind's noun, its last word singular or plural, ends the noun phrase at word ``i``
    ("console", "games consoles"; not "the Kestrel console market")."""
    token = tokens[i]
    for words in [*kinds.get(token.lower_, ()), *kinds.get(token.lemma_.lower(), ())]:
        end = i + len(words)
        if end > len(tokens) or not all(t.is_lower for t in tokens[i:end]):
            continue
        last = tokens[end - 1]
        if [t.lower_ for t in tokens[i : end - 1]] == words[:-1] and last.lemma_.lower() == words[-1]:
            return last.pos_ == "NOUN" and not (last.dep_ == "compound" and last.head.i > last.i)
    return False


def _named_before(doc: Doc, i: int) -> tuple[int, int, int] | None:
    """Where the name before a kind's noun at word ``i`` starts and ends, and where its version's number ends
    ("the new Kestrel 2 digital console": the words of "Kestrel", then of "Kestrel 2"), skipping up to three
    lower-case words between ("digital", "games")."""
    end = i
    while end > 0 and i - end < 3 and doc[end - 1].is_lower and doc[end - 1].pos_ in {"ADJ", "NOUN"}:
        end -= 1
    numbered = end
    if end > 0 and doc[end - 1].like_num and doc[end - 1].text.isdigit():
        end -= 1  # "Xbox 2": a version's number
    start = end
    while start > 0 and _name_word(doc[start - 1]):
        start -= 1
    return (start, end, numbered) if start < end else None


def _maker_before(doc: Doc, start: int) -> str:
    """ "maker" where the maker's possessive stands before the name ("Orbitel's", "its"), "the" where "the" and
    adjectives do ("the new"), else ""."""
    before = start - 1
    if before < 1:
        return ""
    if doc[before].lower_ in _MAKERS and (doc[before].lower_ in {"its", "their"} or doc[before - 1].pos_ == "PROPN"):
        return "maker"
    while before > 0 and doc[before].is_lower and doc[before].pos_ == "ADJ":
        before -= 1
    return "the" if doc[before].lower_ == "the" else ""


def _platform_before(token: Token, ontology: Ontology) -> int | None:
    """ "Kestrel-based players": the start of the name before "-based" on a device's noun (kgx:DeviceNoun)."""
    doc = token.doc
    if token.lower_ != "based" or token.i < 2 or doc[token.i - 1].text != "-":
        return None
    if token.head.pos_ != "NOUN" or token.head.lemma_.lower() not in ontology.words("DeviceNoun"):
        return None
    start = token.i - 1
    while start > 0 and _name_word(doc[start - 1]):
        start -= 1
    return start if start < token.i - 1 else None


def _a_body(doc: Doc, text: str, firms: frozenset[str], ontology: Ontology) -> bool:
    """Whether the article treats the name as a body's anywhere: a firm's, with a unit's or firm's noun after
    it, or with a person's post or name after it (not a band's player: "X frontman Y")."""
    if text in firms:
        return True
    bodies = ontology.words("UnitNoun") | ontology.words("FirmNoun") | _post_words(ontology)
    for found in re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", doc_text(doc)):
        span = doc.char_span(found.start(), found.end())
        if span is None or span.end >= len(doc):
            continue
        after = doc[span.end]
        owned = after.lower_ in {"'s", "\u2019s"} and span.end + 1 < len(doc)
        word = doc[span.end + 1] if owned else after
        if word.is_lower and word.lemma_.lower() in bodies:
            return True  # "Kestrel division", "Kestrel chief executive X", "Kestrel's spokesman"
        if owned and word.ent_type_ == "PERSON":
            return True  # "Kestrel's Dana Kell"
    return False


@per_ontology
def _post_words(ontology: Ontology) -> frozenset[str]:
    """The last words of the job titles (RelationalNoun triggers), less a band's players' and leaders'."""
    band = ontology.words("BandPlayerNoun") | ontology.words("BandLeaderNoun")
    titles = {t.split()[-1] for p in ontology.patterns if p.frame == "RelationalNoun" for t in p.triggers}
    return frozenset(titles - band - {"*"})


def product_texts(doc: Doc, ontology: Ontology) -> frozenset[str]:
    """The names the article calls products (or platforms) in a frame that holds throughout it (see the module's
    doc); worked out once per document."""
    return per_document(doc, (_KEY, id(ontology)), lambda: _product_texts(doc, ontology))


def _product_texts(doc: Doc, ontology: Ontology) -> frozenset[str]:
    found: set[str] = set()
    words = doc_words(doc)
    kinds = _kinds(ontology, True)
    tokens = doc_tokens(doc)
    if not words.isdisjoint(kinds) or not {w[:-1] for w in words if w.endswith("s")}.isdisjoint(kinds) or (
        "based" in words
    ):
        for i in range(1, len(tokens)):
            lower = tokens[i].lower_
            platform = _platform_before(tokens[i], ontology) if lower == "based" else None
            if platform is not None:
                name = doc[platform : i - 1]
                if name.text.lower() not in _COUNTRY_NAMES and not any(t.ent_type_ == "GPE" for t in name):
                    found.add(name.text)
            if lower not in kinds and tokens[i].lemma_.lower() not in kinds or not _kind_here(tokens, i, kinds):
                continue  # (a word no kind's noun starts with, as written or as its lemma, is none)
            where = _named_before(doc, i)
            if where is None:
                continue
            start, end, numbered = where
            frame = _maker_before(doc, start)
            service = not _kind_here(tokens, i, _kinds(ontology, False))
            if not frame or frame == "the" and service or _not_a_product(doc[start:numbered], ontology):
                continue
            found.update({doc[start:end].text, doc[start:numbered].text})
    firms = firm_names(doc, ontology)
    return frozenset(text for text in found if not _a_body(doc, text, firms, ontology))


def _not_a_product(name: Span, ontology: Ontology) -> bool:
    """A place's, a number's or a body's name before a kind's noun ("the US handset", "the Kell University
    robot")."""
    return any(t.ent_type_ in _NOT_PRODUCTS for t in name if not t.like_num) or any(
        ontology.class_for_head(t.lower_) for t in name
    )
