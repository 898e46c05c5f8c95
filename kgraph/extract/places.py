"""Place frames read off a whole sentence: place chains, places in brackets, places in names.

Decides which names side by side are a place in a place ("Fujisawa, Kanagawa"), with the guards that keep a
list of names ("Vidal, Tacoma; Berg, Lund" on a team sheet, "Oslo, Bergen and Tromso") from reading as one;
the places in brackets after an organisation ("Orbitel Labs (Tacoma)"); and a name that opens with a place's
adjective ("the Norwegian Fishing Board"). Also the guards the frames ask of places: a place before a person's
title names the post's place, no region of the name before it ("in Bergen, Norway Secretary X"); three names
before a plural noun are its list of modifiers ("the Oslo, Bergen and Tromso exchanges"); a facility's name
(kgx:FacilityNoun: "Varden Tunnel operator X") is a place a firm runs, not its base; and a name before a noun
a country is "of" names a part of the country ("the Telemark region of Norway"), not where the country is; a
country lies in no town ("engineers across the country in Bergen and Trondheim").
Example: in "The plant in Bellport, Oregon, closed.", Bellport locatedIn Oregon.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kgraph.extract.countries import is_country
from kgraph.extract.doc_text import doc_tokens
from kgraph.extract.frames import _conjuncts, _Index, _inside_name
from kgraph.extract.lexicon import _COMPASS, _COUNTRY_NAMES
from kgraph.ontology import Ontology, Pattern

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from kgraph.models import Mention


def _place_in_name(sent: Span, pattern: Pattern, index: _Index) -> Iterator[tuple[int, int]]:
    """(name, place) when a name of several words opens with the adjective of a place named
    elsewhere in the sentence ("the Estonian Parliament ... Estonia"), or, for a public body,
    with the place itself ("the Oregon Department of Parks ... Oregon"; a company's first
    word may be its own short name: "Dakota Bank ... Dakota"). Names whose last word is one
    of the pattern's exceptions ("Estonian Embassy") are left alone."""
    names = [
        (n, index.mentions[n][1]) for n in index.by_sentence.get(sent.start, [])
        if index.mentions[n][0].label not in {"description", "pronoun"}
    ]
    places = [(n, span) for n, span in names if index.ontology.is_a(index.mentions[n][0].type, "Place")]
    for n, span in names:
        first = span[0].text
        if len(span) < 2 or not first[:1].isupper() or span[-1].lower_ in pattern.exceptions:
            continue
        public = index.ontology.is_a(index.mentions[n][0].type, "GovernmentBody")
        for p, place in places:
            if p == n or place.start < span.end and span.start < place.end:
                continue
            words = [t.lower_ for t in place]
            if len(place) == 1 and _adjective_of(first.lower(), words[0]) or (
                # "the Oregon Department of Parks": a public body named after its place; a
                # company's first word may be its own short name ("Dakota Bank" ... "Dakota")
                public and [t.lower_ for t in span[: len(words)]] == words and len(span) > len(words)
            ):
                yield n, p


def _adjective_of(word: str, place: str) -> bool:
    """Whether ``word`` looks like the adjective of the one-word place ``place``: it shares
    all but the place's last two letters and ends like an adjective ("estonian"/"estonia",
    "chinese"/"china", "norwegian"/"norway", "israeli"/"israel", "german"/"germany")."""
    if word == place or len(place) < 4 or not word.endswith(("an", "ese", "ish", "i", "ic")):
        return False
    if place.startswith(word):  # "german"/"germany", but not "indian"/"indiana"
        return place == word + "y"
    if word.endswith("ic") and not word.startswith(place):  # "icelandic"/"iceland", not "atlantic"/"atlanta"
        return False
    common = len(os.path.commonprefix([word, place]))
    return common >= max(4, len(place) - 2)


def _place_chain(sent: Span, pattern: Pattern, index: _Index) -> Iterator[tuple[int, int]]:
    """ "Fujisawa, Kanagawa": a place, a comma, a place."""
    tokens = doc_tokens(sent.doc)[sent.start : sent.end]
    if _team_sheet(tokens):
        return  # "Berg; Vidal, Holm, Kiel, Okafor; Vance, Halden; ...": a team's names, no places
    for k, token in enumerate(tokens[1:-1], start=1):
        if token.text != ",":
            continue
        # "Bellport, north-east Oregon": a compass word may stand before the second place
        skip = 0
        while k + 1 + skip < len(tokens) - 1 and skip < 3 and (
            tokens[k + 1 + skip].lower_ in _COMPASS or skip and tokens[k + 1 + skip].text == "-"
        ):
            skip += 1
        left, right = index.at(tokens[k - 1]), index.at(tokens[k + 1 + skip])
        if left is None or right is None or left == right:
            continue
        if {index.mentions[left][0].label, index.mentions[right][0].label} & {"description", "pronoun"}:
            continue  # "Oregon, the home state of ...": a description of the place, not a second place
        # "in Japan, Germany and the United States" is a list, not a chain (a dateline is never a list)
        dateline = index.mentions[right][0].label == "dateline"
        first = tokens[k + 1 + skip]
        # (a state's abbreviation split from its full stop, "Wyo" + ".", is no list either)
        # (a "conjunct" with no "and" or "or" anywhere is the parser's guess: "our Tacoma, Washington plant")
        left_start = index.mentions[left][1].start
        coordinated = len(_conjuncts(first)) > 2 or any(
            c.dep_ in {"cc", "preconj"} for t in {*_conjuncts(first), *index.mentions[right][1]} for c in t.children
        ) or left_start > 0 and sent.doc[left_start - 1].text == ","  # "..., Real Madrid, AC Milan"
        if not dateline and coordinated and (
            any(t.dep_ == "conj" and not t.is_punct for t in index.mentions[right][1]) or first.dep_ == "conj"
        ):
            continue
        right_span = index.mentions[right][1]
        nxt = sent.doc[right_span.end] if right_span.end < len(sent.doc) else None
        # "Vidal's Tacoma, Berg's Bergen": a possessor opens the next item of a list
        if nxt is not None and nxt.tag_ == "POS":
            continue
        # "... over South Africa, Ireland finished the year": the second place starts a clause
        if first.dep_ in {"nsubj", "nsubjpass"} or index.mentions[right][1].root.dep_ in {"nsubj", "nsubjpass"}:
            continue
        # "After talks in Oslo, EU trade ministers agreed ...": the second name modifies a noun after it
        head = right_span.root.head
        if (
            nxt is not None and nxt.pos_ in {"NOUN", "ADJ"} and right_span.root.dep_ in {"compound", "amod", "nmod"}
            and head.i >= right_span.end and not _inside_name(nxt, index)
            # (but "our Bellport, Oregon office": both places modify the noun)
            and head not in {index.mentions[left][1].root.head, index.mentions[left][1].root.head.head}
            and head.head != index.mentions[left][1].root
        ):
            continue
        # "talks in Oslo, Norway Secretary Anna Berg and ...": the second place names a post held by a person
        if _modifies_a_persons_title(right_span, index):
            continue
        # "Harbour United, Kestrel Rovers, Bellport Town, Orbitel City": four names or more in a row are a list
        if _list_length(tokens, k, index) >= 4:
            continue
        if _list_goes_on(sent, right_span, index) or _list_closes(sent, index.mentions[left][1], right_span, index):
            continue
        # "Lyon in France, Graz in Austria": items of a list of "X in Y", not Graz a region of France
        # (but "a plant in Leeds, Yorkshire in England" is a chain)
        doc = sent.doc
        after, before = right_span.end, index.mentions[left][1].start
        if (
            after + 1 < len(doc) and doc[after].lower_ == "in" and index.by_token.get(after + 1) is not None
            and before >= 2 and doc[before - 1].lower_ == "in" and index.by_token.get(before - 2) is not None
        ):
            continue
        yield left, right


def _modifies_a_persons_title(place: Span, index: _Index) -> bool:
    """Whether a place's name modifies a title that stands before a person's name ("Norway Secretary Anna Berg",
    "Bergen city council leader Lars Holm"): the place is the post's, not a region of a name before it."""
    token = place.root
    if token.dep_ != "compound" or token.head.i < place.end:
        return False
    token = token.head
    while token.dep_ == "compound" and token.head.i > token.i and index.at(token) is None:
        token = token.head
    m = index.at(token)
    return m is not None and index.ontology.is_a(index.mentions[m][0].type, "Person") and token.i > place.end


def _list_goes_on(sent: Span, right: Span, index: _Index) -> bool:
    """Whether the name after a "Place, Name" comma is an item of a list that goes on: a third name
    follows, then "and" ("Clark, Lane, Marion and ..."), or it is an organisation followed
    by more items ("Bellport, Tacoma, Harbour United, ..."), or "and other ..." comes soon (not
    "Salem, Ore., Vidal said")."""
    doc = sent.doc
    after = right.end
    if any(doc[i].lower_ == "and" and doc[i + 1].lower_ in {"other", "others"}
           for i in range(after, min(after + 8, sent.end - 1))):
        return True
    third = index.by_token.get(after + 1) if after + 1 < len(doc) and doc[after].text == "," else None
    if third is None:
        return False
    end = index.mentions[third][1].end
    nxt = doc[end].lower_ if end < len(doc) else ""
    if nxt in {"and", "or"} or nxt == "," and end + 1 < len(doc) and doc[end + 1].lower_ in {"and", "or"}:
        return True
    return nxt == "," and index.ontology.is_a(index.mentions[third][0].type, "Organization") \
        and index.mentions[third][0].label not in {"pronoun", "description"}


def _list_closes(sent: Span, left: Span, right: Span, index: _Index) -> bool:
    """Whether a "Place, Place" pair stands inside a list of three names or more that "and" or "or" closes: a
    name and a comma before it, "and" and a name after it ("the Oslo, Bergen, Tromso and Narvik offices"),
    not "Portland, Oregon and Seattle"."""
    doc = sent.doc
    before = left.start
    item_before = before >= 2 and doc[before - 1].text == "," and index.by_token.get(before - 2) is not None
    # (with a comma before "and" the pair may be a town and its state: "in Leeds, Dale County, Fla., and Bath")
    after = right.end
    last = index.by_token.get(after + 1) if after + 1 < sent.end and doc[after].lower_ in {"and", "or"} else None
    if last is None:
        return False
    # "the Oslo, Bergen and Tromso exchanges": three names before a plural noun are its list of modifiers
    end = index.mentions[last][1].end
    return item_before or end < sent.end and doc[end].tag_ == "NNS" and not _inside_name(doc[end], index)


def _team_sheet(tokens: list[Token]) -> bool:
    """Whether a sentence is a team sheet: two semicolons or more, eight names or more (one to three
    capitalised words each) between the separators, and four or more in one line between semicolons."""
    if sum(t.text == ";" for t in tokens) < 2:
        return False
    # items: the words between separators; a name of one to three capitalised words ("Goode", "A Masi");
    # a team's line has four names or more between semicolons, an address three at most
    segments: list[list[list[Token]]] = [[[]]]
    for t in tokens:
        if t.text in {";", ":"}:
            segments.append([[]])
        elif t.text in {",", "."}:
            segments[-1].append([])
        else:
            segments[-1][-1].append(t)
    counts = [
        sum(1 for item in segment if 1 <= len(item) <= 3 and all(t.text[:1].isupper() for t in item))
        for segment in segments
    ]
    return sum(counts) >= 8 and max(counts) >= 4


def _list_length(tokens: list[Token], comma: int, index: _Index) -> int:
    """How many names stand in a row, separated by commas, around ``tokens[comma]`` (one sentence's tokens)."""
    offset = tokens[0].i

    def name_at(i: int) -> int | None:
        # the token's own name only (not the apposition fallback of _Index.at), so each step moves on
        return index.by_token.get(tokens[i].i) if 0 <= i < len(tokens) else None

    count = 0
    k = comma
    while (m := name_at(k - 1)) is not None:  # backwards from the name before the comma
        count += 1
        start = index.mentions[m][1].start - offset
        if not 1 <= start < k or tokens[start - 1].text != ",":
            break
        k = start - 1
    k = comma
    while (m := name_at(k + 1)) is not None:  # forwards from the name after it
        count += 1
        end = index.mentions[m][1].end - offset
        if not k < end < len(tokens) or tokens[end].text != ",":
            break
        k = end
    return count


def _bracket_place(sent: Span, pattern: Pattern, index: _Index) -> Iterator[tuple[int, int]]:
    """ "Corvane Mining, a coal producer (Bergen, Norway)", "Orbitel Labs (Tacoma)": the
    places in brackets right after an organisation, or after the noun in apposition to it."""
    doc = sent.doc
    ontology = index.ontology
    for token in doc_tokens(doc)[sent.start : sent.end]:
        if token.text != "(" or token.i == sent.start:
            continue
        close = next((t.i for t in doc[token.i + 1 : min(token.i + 8, sent.end)] if t.text == ")"), None)
        if close is None:
            continue
        inside = {m for i in range(token.i + 1, close) if (m := index.by_token.get(i)) is not None}
        if not inside or any(not ontology.is_a(index.mentions[m][0].type, "Place") for m in inside) or any(
            not (t.is_punct or index.by_token.get(t.i) is not None) for t in doc[token.i + 1 : close]
        ):
            continue  # only places, and commas between them
        if close + 1 < len(doc) and doc[close + 1].is_title and doc[close + 1].is_alpha:
            continue  # "Orbitel (Nordic) Limited": the bracket is inside a name
        before = doc[token.i - 1]
        org = index.by_token.get(before.i)
        left = before.left_edge.i
        if org is None and before.pos_ == "NOUN" and left >= 2 and doc[left - 1].text == ",":
            org = index.by_token.get(left - 2)  # "X, an energy company (Y)"
        if org is None or not ontology.is_a(index.mentions[org][0].type, "Organization"):
            continue
        for place in sorted(inside):
            yield org, place


def facility(m: int, index: _Index) -> bool:
    """Whether mention ``m`` is a facility's name, a place a firm runs: its last word is a ``kgx:FacilityNoun``
    ("the Varden Tunnel", "Kellmore Airport")."""
    mention, span = index.mentions[m]
    return index.ontology.is_a(mention.type, "Place") and span[-1].lower_ in index.ontology.words("FacilityNoun")


def part_of_a_country(name: Token, modifier: Token, index: _Index) -> bool:
    """Whether a name before a noun names a part of the country the noun is "of": in "the Telemark region of
    Norway" Telemark is the region, in Norway (not "the Oregon city of Bellport", where the name after "of" is
    the city and the name before it where the city is)."""
    noun = name.head.head
    if not (name.dep_ == "pobj" and name.head.lower_ == "of" and modifier.head == noun and modifier.i < noun.i):
        return False
    mod, m = index.at(modifier), index.at(name)
    return (
        m is not None and mod is not None
        and index.mentions[m][1].text.lower() in _COUNTRY_NAMES
        and index.mentions[mod][1].text.lower() not in _COUNTRY_NAMES
    )


def country_in_a_town(subject: Mention, obj: Mention, ontology: Ontology) -> bool:
    """Whether a locatedIn would put a country in a town: its name (:func:`kgraph.extract.countries.is_country`)
    or its description ("the country", kgx:CountryNoun) in a place the NER calls a GPE that is no country
    ("engineers across the country in Bergen and Trondheim" lists places in it). A region may hold a country ("a
    country in the Himalayas")."""
    text = subject.text.lower()
    country = is_country(text, ontology) or (
        subject.label == "description" and text.split()[-1] in ontology.words("CountryNoun")
    )
    return country and obj.label == "GPE" and not is_country(obj.text, ontology)
