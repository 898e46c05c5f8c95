"""Datelines and source lines: the place a story was filed from and the agency that filed it.

Decides which names at the head of a story are a dateline ("HOLTVILLE, Oregon (AP) _",
"(Text) Tallinn, March 3 (ETA) --") or a wire service's source line ("Tallinn ETA in
English 1210 GMT"), their types as mentions, and the (agency, place) pairs of the
``Dateline`` and ``SourceLine`` frames.  Example: "KELLMORE, Oregon (AP) _ The mill closed."
gives the place Kellmore, its region Oregon and the agency AP, which reportedFrom Kellmore.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kgraph.extract.doc_text import doc_ents, doc_text, doc_tokens
from kgraph.extract.frames import _Index
from kgraph.extract.lexicon import _WEEKDAYS
from kgraph.ontology import Ontology, Pattern

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


#: What opens the story after a dateline ("HOLTVILLE, Ore. -- The ...", "KAUNAS, Lithuania (AP) _ ...").
_DATELINE_DASHES = frozenset({"_", "--", "—", "–", "-"})
_MONTHS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august "
    "september october november december".split()
)


def _first_token(doc: Doc, i: int = 0) -> int:
    """The first token at or after ``i`` that is not white space."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i


def _dateline(doc: Doc, ontology: Ontology) -> list[tuple[Span, str]]:
    """ "BELGRADE, Yugoslavia (AP) _ ...": a news dateline names a place, its region and the agency.

    Only a text that opens with capital letters, then optionally a comma and a region,
    then an all-capitals word in brackets counts; or, without the agency, the capitals,
    a comma and a region that ends the text or is followed by a dash (the region must not
    end in an organisation's head word: "ACME, Inc."). The NER often takes the city for an
    organisation or misses it.
    """
    start = _first_token(doc)

    def shouting(token: Token) -> bool:
        return token.is_upper and any(c.isalpha() for c in token.text) or token.text in {"-", "."} and token.i > start

    end = start
    while end < len(doc) and shouting(doc[end]):
        end += 1
    if end == start or end >= len(doc) or doc[end - 1].text in {"-", "."}:
        return []
    found: list[tuple[Span, str]] = [(doc[start:end], "Place")]
    bracket = end
    if doc[end].text == ",":
        region = end + 1
        bracket = region
        while (
            bracket < len(doc)
            and bracket - region < 4
            and (doc[bracket].text[:1].isupper() or doc[bracket].text == ".")
        ):
            bracket += 1
        if bracket == region:
            return []
        found.append((doc[region:bracket], "Place"))
    if not (
        bracket + 2 < len(doc)
        and doc[bracket].text == "("
        and doc[bracket + 1].is_upper
        and doc[bracket + 2].text == ")"
    ):
        # "HOLTVILLE, Ore. -- ...", "MARLOWE, Ky." alone: a dateline without the agency, when a
        # region follows the capitals and the line ends or a dash opens the story
        if len(found) == 2 and (bracket == len(doc) or doc[bracket].text in _DATELINE_DASHES) \
                and _region_like(found[1][0], ontology):
            return found
        return []
    found.append((doc[bracket + 1 : bracket + 2], "Organization"))
    return found


def _region_like(region: Span, ontology: Ontology) -> bool:
    """Whether the words after "CITY," name a region when no agency follows: an abbreviation
    ("Ore.", "N.Y.") or a place the NER knows ("Oregon"), of at most two words; not a name
    ("SMITH, John"), a headline ("MARKETS RALLY, Stocks Climb") or "ACME, Inc."."""
    return (
        len(region) <= 3
        and region[0].text[:1].isupper()
        and not any(t.ent_type_ == "PERSON" for t in region)
        and ontology.class_for_head(region[-1].lower_.rstrip(".")) is None
        and (region[-1].text.endswith(".") or all(t.ent_type_ in {"GPE", "LOC"} for t in region))
    )


def _text_marker(doc: Doc, i: int) -> bool:
    """Whether "(Text)", the wire digests' mark of a story's start, stands at token ``i``."""
    return "".join(t.text for t in doc[i : i + 3]).lower() == "(text)"


def _dated_dateline(doc: Doc) -> list[tuple[Span, str]]:
    """ "(Text) Kaunas, Lithuania, Feb 2 (ELTA) --", "Tallinn April 25 ETA --": a dateline
    with the date, as wire digests write it: one or two capitalised place names, the date,
    the agency (in brackets, or in capitals) and a dash."""
    first = _first_token(doc)
    i = _first_token(doc, first + 3) if _text_marker(doc, first) else first

    def name_word(k: int, start: int) -> bool:
        word = doc[k].lower_.rstrip(".")
        if doc[k].text == "-":  # "Saint-Malo", not the dash of "Tallinn - April 25"
            return k > start and k + 1 < len(doc) and doc[k + 1].text[:1].isupper()
        return doc[k].text[:1].isupper() and word not in _MONTHS and word not in _WEEKDAYS

    found: list[tuple[Span, str]] = []
    while len(found) < 2 and i < len(doc) and name_word(i, i):
        start = i
        while i < len(doc) and name_word(i, start):
            i += 1
        found.append((doc[start:i], "Place"))
        if i < len(doc) and doc[i].text == ",":
            i += 1
    dated = i
    while i < len(doc) and (doc[i].like_num or doc[i].lower_.rstrip(".") in _MONTHS or doc[i].text in {",", "."}):
        i += 1
    if (
        not found or i >= len(doc) - 1
        or not any(t.lower_.rstrip(".") in _MONTHS for t in doc[dated:i])  # the date names its month
        or any(t.ent_type_ in {"PERSON", "DATE", "TIME"} for span, _ in found for t in span)
    ):
        return []
    bracketed = doc[i].text == "("
    start = i + 1 if bracketed else i
    end = start
    while end < len(doc) and (doc[end].is_upper or doc[end].text == "-" and end > start and end + 1 < len(doc)
                              and doc[end + 1].is_upper):
        end += 1
    close = end + 1 if bracketed else end
    if end == start or (bracketed and (end >= len(doc) or doc[end].text != ")")) \
            or close >= len(doc) or doc[close].text not in _DATELINE_DASHES:
        return []
    return [*found, (doc[start:end], "Organization")]


#: First words of a broadcaster's name in a bare source line ("Bergen Radio Fjordland").
_BROADCASTERS = frozenset({"Radio", "Television", "TV"})
#: "LD1203101094" (a wire item), "97KR0412B" (a translated article's number)
_WIRE_CODE = re.compile(r"^(?:[A-Z]{2}\d{10}|\d{2,3}[A-Z]{1,2}\d{4}[A-Z])$")
_WIRE_CODE_IN_TEXT = re.compile(r"\b(?:[A-Z]{2}\d{10}|\d{2,3}[A-Z]{1,2}\d{4}[A-Z])\b")


def _source_lines(doc: Doc) -> list[tuple[Span, str]]:
    """ "LD1203101094 Tallinn ETA in English 1210 GMT 12 Mar 94": a wire service's source line.

    After the wire code come the place of publication and the publisher, then "in" and
    the language. The publisher is the run of capitals at the end ("Porto Novo A
    VOZ"); when it is not in capitals, the place is the NER's place at the start or
    else the first word ("Tallinn Radio Harju Network").
    """
    text = doc_text(doc)
    found = _bare_source_lines(doc, text)
    if not _WIRE_CODE_IN_TEXT.search(text):
        return found
    for code in doc_tokens(doc):
        if not _WIRE_CODE.match(code.text):
            continue
        end = code.i + 1
        while end < len(doc) and doc[end].lower_ != "in" and end - code.i <= 8:
            end += 1
        start = code.i + 1
        if end >= len(doc) - 1 or end - start < 2 or not doc[end + 1].text.istitle():
            continue
        split = end
        # the publisher's capitals, with any hyphen inside them ("Bergen NORD-TV")
        while split > start and (doc[split - 1].is_upper or doc[split - 1].text == "-" and split - 1 > start
                                 and doc[split - 2].is_upper and split < end):
            split -= 1
        if split == start or split == end:
            places = [e for e in doc_ents(doc) if e.start == start and e.end < end and e.label_ in {"GPE", "LOC"}]
            split = places[0].end if places else start + 1
            if split < end - 1 and doc[split].lower_ == "city":
                split += 1  # "Quebec City Lakeview Television": the city's name ends in "City"
        found.append((doc[start:split], "Place"))
        found.append((doc[split:end], "Organization"))
        # "in Estonian 2010 GMT 9 Mar 94 p 2": language, time and page name nothing
        tail = end
        while tail < len(doc) and tail - end < 12 and not doc[tail].is_sent_start and doc[tail].text not in {"--", "("}:
            tail += 1
        found.append((doc[end:tail], ""))
    return found


def _bare_source_lines(doc: Doc, text: str) -> list[tuple[Span, str]]:
    """ "Kellmore GAZETTE": a line that is only a place and the publisher, in capitals.

    The source line of a translated press digest without its wire code.  The place is
    one to three title-case words opening the line, the publisher the run of capitals
    that ends it; a headline in capitals has its place in capitals too and is left alone.
    """
    found: list[tuple[Span, str]] = []
    offset = 0
    for line in text.split("\n"):
        start, end = offset + len(line) - len(line.lstrip()), offset + len(line.rstrip())
        offset += len(line) + 1
        if not 2 <= len(line.split()) <= 8:
            continue  # a paragraph, or a lone word
        span = doc.char_span(start, end) if end > start else None
        if span is None or not 2 <= len(span) <= 8 or _WIRE_CODE_IN_TEXT.search(span.text):
            continue
        split = len(span)
        while split > 0 and (span[split - 1].is_upper or span[split - 1].text == "-" and 0 < split - 1 < len(span) - 1):
            split -= 1
        if split == len(span) and not any(t.pos_ in {"VERB", "AUX"} for t in span):
            # "Kellmore Radio Vellan Network": a broadcaster's name opens with Radio or Television
            # ("Guatemala City Radio ...": after a city's name)
            opener = 2 if span[1].lower_ == "city" else 1
            if opener < len(span) - 1 and span[opener].text in _BROADCASTERS:
                split = opener
        publisher = span[split:]
        if not 1 <= split <= 3 or not all(t.is_title and t.is_alpha for t in span[:split]) \
                or sum(t.is_alpha and len(t) > 1 for t in publisher) == 0:
            continue
        found.extend([(span[:split], "Place"), (publisher, "Organization")])
    return found


def _source_line(sent: Span, pattern: Pattern, index: _Index) -> Iterator[tuple[int, int]]:
    """(publisher, place) of a wire source line: two dateline names, the place right before."""
    for token in doc_tokens(sent.doc)[sent.start : sent.end]:
        org = index.by_token.get(token.i)
        if org is None or index.mentions[org][0].label != "dateline" or index.mentions[org][1].start != token.i:
            continue
        place = index.by_token.get(token.i - 1) if token.i > 0 else None
        if place is not None and place != org and index.mentions[place][0].label == "dateline":
            yield org, place


def _dateline_pairs(sent: Span, pattern: Pattern, index: _Index) -> Iterator[tuple[int, int]]:
    """(agency, place) of a dateline: "HOLTVILLE, Oregon (AP) _", "(Text) Tallinn, March 3 (ETA) --",
    "Tallinn March 3 ETA --". Before the agency only places, dates, numbers and punctuation
    may stand (after an opening "(Text)"); the agency is in brackets or followed by a dash."""
    if sent.start > 3:  # a dateline opens the text ("(Text)" may precede it)
        return
    doc = sent.doc
    start = _first_token(doc, sent.start)
    if _text_marker(doc, start):
        start = _first_token(doc, start + 3)
    places: list[int] = []
    i = start
    while i < sent.end and i - start < 16:
        m = index.by_token.get(i)
        token = doc[i]
        if m is not None and index.mentions[m][1].start == i:
            mention, span = index.mentions[m]
            if index.ontology.is_a(mention.type, "Place"):
                places.append(m)
                i = span.end
                continue
            bracketed = i > 0 and doc[i - 1].text == "(" and span.end < len(doc) and doc[span.end].text == ")"
            after = span.end + (1 if bracketed else 0)
            dashed = after < len(doc) and doc[after].text in _DATELINE_DASHES
            if places and index.ontology.is_a(mention.type, "Organization") and (bracketed or dashed):
                for place in places:
                    yield m, place
            return
        if m is not None or not (token.is_punct or token.like_num or token.ent_type_ in {"DATE", "TIME"}
                                 or token.lower_.rstrip(".") in _MONTHS):
            return
        i += 1
