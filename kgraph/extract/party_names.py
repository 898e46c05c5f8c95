"""Party names: a political party named by its adjective or member noun, which the NER reads as a group of
people (NORP) or cuts short.

Decides when such a word (a kgx:PartyWord of ``ontology/words.ttl``: "Republican", "Tory", "Liberal
Democrat") is a mention of the party, an Organization named as the text names it: right before a politician's
title and the person's name ("Tory MP Jane Hollis", "Democrat congressman Bill Lowe", "the Liberal Democrat
spokesman Tom Reed", with the title's field before it: "Tory health spokesman Tom Reed"), right before a
person's name ("Lib Dem Ann Cole"), or as the plural after "the" ("the Republicans", "the Tories"). "Liberal
Democrat" and "Lib Dem" stay whole: a shorter mention the NER made inside them ("Liberal") gives way. The
adjective of a nation that is part of a state (Scotland, Wales: no sovereign country) right before the word
names the party's branch there, one name with it ("Scottish Labour leader X", "Welsh Conservative leader X"); a
sovereign country's ("German Social Democrat leader X") or a city's ("London UKIP MEP X") stays apart. A
person's name of the NER's that ends in the word there ("Leeds Labour" of "Leeds Labour councillor X") gives
way to the party. Elsewhere ("Republican voters", "a Conservative government") the word stays what the NER
said.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.extract.doc_text import doc_tokens
from kgraph.extract.lexicon import _COUNTRY_ADJECTIVES, _SOVEREIGN
from kgraph.models import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kgraph.extract.mention_index import MentionIndex
    from kgraph.ontology import Ontology

__all__ = ["names_a_party", "party_key", "party_mentions"]

#: Plural member nouns and the party word they are the plural of ("the Tories", "the Lib Dems").
_PLURALS = {"tories": "tory"}


#: Adjectives of nations that are part of a state: "Scottish Labour" is a party of its own.
_NATION_ADJECTIVES = frozenset(adj for adj, country in _COUNTRY_ADJECTIVES.items() if country.lower() not in _SOVEREIGN)


def _nation_before(doc: Doc, i: int) -> int:
    """``i - 1`` where a nation's adjective ("Scottish", "Welsh") comes right before token ``i``, else ``i``."""
    if i > 0 and doc[i - 1].lower_ in _NATION_ADJECTIVES and doc[i - 1].is_title:
        return i - 1
    return i


def _person_ending_in_party(mention: Mention, span: Span, end: int) -> bool:
    """A person's name of the NER's that ends in the party word before a title and a name: "Labour" or
    "Leeds Labour" of "Leeds Labour councillor Ann Cole" is the party (the words before it, a place
    most often, are no person's), so it gives way to the party."""
    return mention.type == "Person" and span.end == end and end - span.start <= 3


def _word_form(words: list[Token]) -> str:
    """The party word a run of tokens spells, lower case, a plural brought to its singular."""
    text = " ".join(w.lower_ for w in words)
    if text in _PLURALS:
        return _PLURALS[text]
    return text[:-1] if text.endswith("s") else text


def party_key(key: str, parties: frozenset[str], one_party: frozenset[str] = frozenset()) -> str:
    """A normalised name's key with a party's plural brought to its party word, so "the Liberal Democrats" and
    "Liberal Democrat MP X" name one party, and "the Tories" and "Tory leader X" another: "liberal democrats" ->
    "liberal democrat", "tories" -> "tory". The words of ``one_party`` (kgx:ConservativePartyWord: "tory",
    "conservative") are keyed alike, as the first of them. Any other key is returned as it is ("kestrel farms")."""
    singular = key if key in parties else _PLURALS.get(key, key[:-1] if key.endswith("s") else key)
    if singular not in parties:
        return key
    return min(one_party) if singular in one_party else singular


def _capitalised(words: list[Token]) -> bool:
    return all(w.is_alpha and (w.is_title or w.is_upper) for w in words)


def _portfolio_end(doc: Doc, start: int, titles: frozenset[str]) -> int:
    """Where the lower-case words of a spokesman's field end after ``start`` ("home affairs", "local government"
    of "Liberal Democrat home affairs spokesman X"): up to three nouns and adjectives, none a title; ``start``
    itself where there are none."""
    k = start
    while k < min(start + 3, len(doc)):
        word = doc[k]
        if not (word.is_alpha and word.is_lower and word.pos_ in {"NOUN", "ADJ", "PROPN"}) or word.lower_ in titles:
            break
        k += 1
    return k


def _person_follows(doc: Doc, start: int, people: set[int], titles: frozenset[str]) -> bool:
    """Whether a person's name starts at ``start``, or after a title of up to three words there; the title may
    open with the words of its field ("Tory health spokesman X")."""
    field = _portfolio_end(doc, start, titles)
    for k in range(field, min(field + 4, len(doc))):
        if k in people:
            return k > field or field == start
        if doc[k].lower_.rstrip(".") not in titles:
            return False
    return False


def _party_at(doc: Doc, i: int, people: set[int], titles: frozenset[str], parties: frozenset[str]) -> int:
    """The end of a party's mention starting at token ``i`` (two words before one), or ``i`` for none."""
    for width in (2, 1):
        end = i + width
        words = list(doc[i:end])
        if end > len(doc) or not _capitalised(words):
            continue
        plural = words[-1].lower_.endswith("s") or words[-1].lower_ in _PLURALS
        form = _word_form(words) if plural else " ".join(w.lower_ for w in words)
        if form not in parties:
            continue
        if plural:
            if i > 0 and doc[i - 1].lower_ == "the" and (end == len(doc) or not doc[end].is_title):
                return end  # "the Republicans", "the Tories" (not "the Conservatives Abroad group")
            continue
        if _person_follows(doc, end, people, titles):
            return end
    return i


def party_mentions(
    doc: Doc, found: list[tuple[Mention, Span]], taken: set[int], titles: frozenset[str], ontology: Ontology
) -> list[tuple[Mention, Span]]:
    """``found`` with the parties named by a kgx:PartyWord before a politician's title or name added as
    organisations; a mention of the NER's inside one ("Liberal" of "Liberal Democrat") gives way, and a
    party word inside a longer name ("the Young Conservatives", "Green Party") is left alone."""
    parties = ontology.words("PartyWord")
    titles = titles | ontology.words("PartyMemberTitle")
    people = {span.start for m, span in found if m.type == "Person"}
    spans = {i: (m, span) for m, span in found for i in range(span.start, span.end)}
    out = list(found)
    # the words a party's mention can open with ("lib" of "Lib Dems", "tories"): other tokens are passed over
    firsts = {p.split()[0] for p in parties} | {p.split()[0] + "s" for p in parties} | _PLURALS.keys()
    tokens = doc_tokens(doc)
    i = 0
    while i < len(doc):
        end = _party_at(doc, i, people, titles, parties) if tokens[i].lower_ in firsts else i
        if end == i:
            i += 1
            continue
        start = _nation_before(doc, i)  # "Scottish Labour leader X"
        before = doc[start - 1] if start > 0 else None
        inside = {id(spans[k][1]): spans[k] for k in range(start, end) if k in spans}
        longer = any(
            (span.start < start or span.end > end or m.type == "Person") and not _person_ending_in_party(m, span, end)
            for m, span in inside.values()
        )
        same = any((span.start, span.end) == (start, end) for _, span in inside.values())
        name_before = before is not None and before.is_title and before.pos_ == "PROPN" and not before.is_sent_start
        misread = any(_person_ending_in_party(m, span, end) for m, span in inside.values())  # "Leeds Labour"
        if not (longer or name_before and not misread):
            if not same or misread:
                out = [pair for pair in out if id(pair[1]) not in inside]
                span = doc[start:end]
                out.append((Mention(span.start_char, span.end_char, span.text, "Organization", "party"), span))
            taken.update(range(start, end))
        i = end
    return sorted(out, key=lambda pair: pair[0].start)


def names_a_party(token: Token, index: MentionIndex) -> bool:
    """Whether ``token`` stands for a political party: "the party", or a name or word of one ("Labour", "Tory")."""
    m = index.at(token)
    if token.lemma_.lower() == "party":
        return True  # "the party's spokesman", whatever name the article's "the party" stands for
    if m is None:
        return token.lower_ in index.ontology.words("PartyWord")
    mention = index.mentions[m][0]
    words = mention.text.lower().removeprefix("the ").removesuffix(" party")
    return mention.label == "party" or words in index.ontology.words("PartyWord") or (
        words.endswith("s") and words[:-1] in index.ontology.words("PartyWord")  # "Liberal Democrats"
    )
