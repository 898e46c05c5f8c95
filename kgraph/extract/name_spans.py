"""Where a name's span ends, decided over the whole document after the NER.

Decides that an organisation's name which ends in an "'s" of its own once in a document
(an "'s" that possesses nothing: "Halden's said on Monday", "at Halden's.", see
``mentions._with_own_s``; or one before "of" inside the name: "Halden's of Bristol") ends in
it wherever the document writes it so, also where it does possess ("Halden's chief
executive"): the NER cuts such names ("Lloyd's", "Sainsbury's") at the "'s" each time.
Example: in "Sales rose at Corby's, it said. Corby's chief executive left.", both mentions
are "Corby's"; in "Corby said profits rose. Corby's chief executive left." the second is
"Corby". So too where the NER took the name for a person's but the article calls it a firm
("Corby's chief executive": an organisation, cut at the "'s" as a surname would be).

Also decides that the capitalised words right before a bracketed set of initials that spell
them ("Halden and Croft (H&C)") are one name, of the initials' class, where the NER cut them
into several names or none ("Halden" a place, "Croft" a place).

And, on the NER's names before anything else, that a weekday the NER took for a date, a compound
inside the capitalised name after it, is that name's first word ("Sunday" + "Herald" -> "Sunday
Herald", a newspaper); and that a one-word organisation the parse gives an "of" and a capitalised
name is one name with them ("House" + "of Kellor" -> "House of Kellor"), unless the word is a title
("President of Velland"), the name after "of" a person's or a country ("Kestrel of Norway": where).
The weekday only after "the", a possessive, punctuation or, before a noun the name is on, a preposition other
than "on" ("a book by Sunday Herald journalist X"; not "said on Monday Vance ...").

And that a name with an "'s" inside that the NER cut at it ("St Mary's" + "Shopping Centre", the
latter no name of the NER's) is one name where the words after the "'s" end in a place's or body's
head noun: "St Mary's Shopping Centre", "Guy's Hospital"; not after a country's or a firm's name
("Velland's Grand Hall", "Orbix's Tacoma Centre": whose it is).

And that a name whose last word drops its "g" for an apostrophe ("Blazin'", "Rockin'": a word ending in "in"
with the "'" written onto it) goes on over the capitalised words after the apostrophe, which the tokenizer
split off as a possessive: "Blazin'" + "Squad" is the band "Blazin' Squad"; not a plural's possessive
("the Martins' House": the word ends in "s").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kgraph.extract.body_names import in_place_of
from kgraph.extract.doc_text import doc_tokens
from kgraph.extract.lexicon import _CONTINENTS, _COUNTRY_NAMES, _WEEKDAYS
from kgraph.models import Mention
from kgraph.ontology import Ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "hyphen_joined", "joined_ents", "named_by_initials", "own_s_everywhere", "possessive_place_names",
    "unlabelled_names", "without_plural_nouns",
]


def hyphen_joined(left: Token, dash: Token, right: Token) -> bool:
    """ "Day-Lewis": two capitalised words written with a dash and no space between, one double-barrelled name."""
    return (
        dash.text == "-" and not left.whitespace_ and not dash.whitespace_ and left.is_alpha and right.is_alpha
        and left.text[:1].isupper() and right.text[:1].isupper()
    )


def _own_s_token(token: Token) -> bool:
    return token.tag_ == "POS" and token.lower_ in {"'s", "’s"}


def _ends_in_own_s(span: Span) -> bool:
    return len(span) > 1 and _own_s_token(span[-1])


def own_s_everywhere(found: list[tuple[Mention, Span]]) -> list[tuple[Mention, Span]]:
    """The mentions with each organisation's name the document once ends in its own "'s" ending in it everywhere
    it is followed by one (see the module's docstring); a name the document also writes bare elsewhere (no
    "'s" after it) is left as it is."""
    from spacy.tokens import Span

    owned = {span[:-1].text for m, span in found if m.label == "ORG" and _ends_in_own_s(span)}
    owned |= {  # "Lloyd's of London": the name before "'s of" is one of its own
        span[: t.i - span.start].text
        for m, span in found
        if m.label == "ORG"
        for t in span[1:-1]
        if _own_s_token(t) and t.nbor().lower_ == "of"
    }
    if not owned:
        return found
    doc = found[0][1].doc
    bare = {
        span.text
        for m, span in found
        if m.label == "ORG" and not _ends_in_own_s(span) and (span.end >= len(doc) or doc[span.end].tag_ != "POS")
    }
    out: list[tuple[Mention, Span]] = []
    for m, span in found:
        after = doc[span.end] if span.end < len(doc) else None
        if (
            (m.label == "ORG" or m.label == "PERSON" and m.type != "Person")  # a firm the NER took for a person
            and span.text in owned
            and span.text not in bare
            and after is not None
            and _own_s_token(after)
            and m.end == span.end_char
        ):
            span = Span(doc, span.start, span.end + 1, label=span.label_)
            m = Mention(span.start_char, span.end_char, span.text, m.type, m.label)
        out.append((m, span))
    return out


#: Lower-case words a name spelt by its initials may hold: "Halden and Croft (H&C)", "Bank of Velland (BoV)".
_JOINS = frozenset({"and", "&", "of", "for"})


def _spelt_by(words: Span, initials: str) -> bool:
    return "".join(t.text[0] for t in words if t.text[:1].isupper()) == initials


def _initialled_name(alias: Span) -> Span | None:
    """The capitalised words before "(" + ``alias`` + ")" whose initials are the alias's capitals, or None."""
    doc = alias.doc
    initials = "".join(c for c in alias.text if c.isupper())
    if len(alias) != 1 or alias.start < 3 or doc[alias.start - 1].text != "(" or len(initials) < 2:
        return None
    end = alias.start - 1
    start = end
    while (
        start > 0
        and end - start < 2 * len(initials)
        and (doc[start - 1].is_title and doc[start - 1].is_alpha or doc[start - 1].lower_ in _JOINS)
    ):
        start -= 1
        words = doc[start:end]
        if words[0].is_title and not words[0].is_sent_start and _spelt_by(words, initials):
            return words if any(t.lower_ in _JOINS for t in words) else None
    return None


def named_by_initials(found: list[tuple[Mention, Span]]) -> list[tuple[Mention, Span]]:
    """The mentions with a name spelt by the initials bracketed after it made one mention (see the module's
    docstring), in place of the names and words it covers; unchanged where a mention already is that name."""
    from spacy.tokens import Span

    out = list(found)
    for m, alias in found:
        if m.label != "ORG" or m.type == "Person":
            continue
        words = _initialled_name(alias)
        if words is None or any(s.start == words.start and s.end == words.end for _, s in out):
            continue
        inside = [(n, s) for n, s in out if s.start < words.end and words.start < s.end]
        if any(s.start < words.start or s.end > words.end or n.type == "Person" for n, s in inside):
            continue  # a name running past the words, or a person's: not this repair's
        span = Span(alias.doc, words.start, words.end, label="ORG")
        out = [pair for pair in out if pair not in inside]
        out.append((Mention(span.start_char, span.end_char, span.text, m.type, "ORG"), span))
        out.sort(key=lambda pair: pair[1].start)
    return out


def _weekday_opens(date: Span, after: Span) -> bool:
    """ "Sunday" + "Herald": a weekday alone, a compound on the name right after it or on the noun the name
    itself modifies ("the Sunday Herald report")."""
    word = date[0]
    before = date.doc[date.start - 1] if date.start > 0 else None
    return (
        (
            before is None or before.lower_ in {"the", "'s", "’s"} or before.is_punct  # not "said on Monday Vance"
            # a preposition other than "on" before a newspaper's name on a noun: "a book by Sunday Herald
            # journalist X"
            or before.pos_ == "ADP" and before.lower_ != "on" and after.root.dep_ == "compound"
        )
        and len(date) == 1
        and date.label_ == "DATE"
        and word.lower_ in _WEEKDAYS
        and word.is_title
        and after.start == date.end
        and after.label_ in {"ORG", "PERSON"}
        and word.dep_ == "compound"
        and (
            after.start <= word.head.i < after.end or after.root.dep_ == "compound" and word.head.i == after.root.head.i
        )
    )


def _of_name_end(doc: Doc, ent: Span, titles: frozenset[str], by_start: dict[int, Span]) -> int | None:
    """Where "House" + "of Kellor" ends (see the module's docstring), or None."""
    of = ent.end
    if (
        len(ent) != 1
        or ent.label_ != "ORG"
        or not ent[0].is_title
        or ent[0].lower_ in titles
        or of + 1 >= len(doc)
        or doc[of].lower_ != "of"
        or doc[of].head.i != ent.start
    ):
        return None
    end = of + 1
    while end < len(doc) and doc[end].is_title and doc[end].is_alpha and doc[end].pos_ == "PROPN":
        end += 1
    if end == of + 1 or doc[of + 1 : end].root.head.i != of:
        return None
    if doc[of + 1 : end].text.lower() in _COUNTRY_NAMES | _CONTINENTS:
        return None  # "Kestrel of Norway beat ...": where the club or firm is
    nxt = by_start.get(of + 1)
    if nxt is not None and (nxt.label_ not in {"ORG", "GPE", "LOC", "NORP"} or nxt.end > end):
        return None
    return end


def joined_ents(doc: Doc, ents: list[Span], titles: frozenset[str]) -> list[Span]:
    """The NER's names with a weekday opening a newspaper's name and "House" + "of Kellor" joined (see the
    module's docstring); ``titles`` are the words of a person's posts."""
    from spacy.tokens import Span

    by_start = {ent.start: ent for ent in ents}
    out: list[Span] = []
    skip_to = -1
    for k, ent in enumerate(ents):
        if ent.start < skip_to:
            continue
        after = ents[k + 1] if k + 1 < len(ents) else None
        if after is not None and _weekday_opens(ent, after):
            out.append(Span(doc, ent.start, after.end, label="ORG"))
            skip_to = after.end
            continue
        end = _of_name_end(doc, ent, titles, by_start)
        if end is not None:
            out.append(Span(doc, ent.start, end, label="ORG"))
            skip_to = end
            continue
        if _dropped_g_before(doc, ent):
            out.append(Span(doc, ent.start - 2, ent.end, label=ent.label_))  # "Blazin'" no name of the NER's
            continue
        end = _dropped_g_end(doc, ent)
        if end is not None:
            joined = after is not None and after.start < end  # "Squad" a name of the NER's too
            end = max(end, after.end) if joined and after is not None else end
            out.append(Span(doc, ent.start, end, label=after.label_ if joined and after is not None else ent.label_))
            skip_to = end
            continue
        out.append(ent)
    return out


def _dropped_g(word: Token, apostrophe: Token) -> bool:
    """A capitalised word ending in "in" with an apostrophe written onto it ("Blazin'")."""
    return (
        word.is_alpha
        and word.text[:1].isupper()
        and word.lower_.endswith("in")
        and apostrophe.text == "'"
        and not word.whitespace_
    )


def _dropped_g_before(doc: Doc, ent: Span) -> bool:
    """Whether a word that drops its "g" for an apostrophe comes right before the name ("Blazin'" + "Squad")."""
    return ent.start >= 2 and _dropped_g(doc[ent.start - 2], doc[ent.start - 1])


def _dropped_g_end(doc: Doc, ent: Span) -> int | None:
    """The end of the capitalised words after a name's last word that drops its "g" for an apostrophe
    ("Blazin'" + "Squad"), or None."""
    k = ent.end
    if k + 1 >= len(doc) or not _dropped_g(ent[-1], doc[k]):
        return None
    end = k + 1
    while end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper():
        end += 1
    return end if end > k + 1 else None


def _possessor_start(doc: Doc, pos: int, by_end: dict[int, Span], person_only: bool) -> int | None:
    """The first word of the name that owns the "'s" at ``pos``: a person's (unless ``person_only``: the
    words after are a name of the NER's, "Mr Vance's Grand Hall") or a saint's name, or capitalised words
    the NER left unlabelled; None for a country's, a place's or a firm's."""
    ent = by_end.get(pos)
    if ent is not None:
        if ent.label_ == "PERSON" and not person_only or ent[0].lower_ in {"st", "st.", "saint"}:
            return ent.start  # "Guy's", "St David's" (a saint's name the NER took for a firm's or a place's)
        return None
    start = pos
    while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_:
        start -= 1
    if start == pos or doc[start : pos].text.lower() in _COUNTRY_NAMES:
        return None
    return start


def possessive_place_names(doc: Doc, ents: list[Span], ontology: Ontology) -> list[Span]:
    """The NER's names with a place's or body's name cut at its own "'s" made whole (see the module's
    docstring)."""
    from spacy.tokens import Span

    by_end = {ent.end: ent for ent in ents}
    by_start = {ent.start: ent for ent in ents}
    joined: list[Span] = []
    for token in doc_tokens(doc)[1:-1]:
        if not _own_s_token(token) or doc[token.i - 1].whitespace_ or not doc[token.i + 1].is_title:
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN" and not doc[end].ent_type_:
            end += 1
        named = by_start.get(end) if end == token.i + 1 else None
        if named is not None and named.label_ not in {"FAC", "LOC"} and len(named) > 1:
            named = None  # "Orbix's" + "Kestrel Group": a name of its own
        if named is not None and ontology.class_for_head(named[-1].lower_) is not None:
            end = named.end  # "Guy's" + "Hospital", "St Enoch's" + "Shopping Centre" (a place's name of the NER's)
        cls = ontology.class_for_head(doc[end - 1].lower_) if end > token.i + 1 else None
        if cls is None or not (ontology.is_a(cls, "Place") or ontology.is_a(cls, "Organization")):
            continue
        start = _possessor_start(doc, token.i, by_end, named is not None and len(named) > 1)
        if start is None:
            continue
        joined.append(Span(doc, start, end, label="FAC" if ontology.is_a(cls, "Place") else "ORG"))
    return in_place_of(ents, joined)


def _plural_noun(ent: Span, nouns: frozenset[str]) -> bool:
    """ "Slowdowns in the US and Veldora could hit exports": a capitalised word opening a sentence, taken for a
    place, that is the plural of a dictionary noun ("slowdown") and no dictionary word itself ("Wales", "Athens"
    are), and that the text never writes capitalised inside a sentence."""
    word = ent[0]
    lower = word.lower_
    if len(ent) != 1 or ent.label_ not in {"GPE", "LOC"} or not word.is_sent_start or not word.is_title:
        return False
    if not lower.endswith("s") or lower in nouns:
        return False
    singulars = {lower[:-1], lower[:-2], lower[:-3] + "y"}  # "slowdowns", "taxes", "economies"
    if not singulars & nouns:
        return False
    return not any(t.text == word.text and not t.is_sent_start for t in ent.doc)


def without_plural_nouns(ents: list[Span]) -> list[Span]:
    """The NER's names without a sentence's capitalised plural noun it took for a place (:func:`_plural_noun`)."""
    from kgraph.nlp import dictionary_words

    nouns = dictionary_words("noun")
    return [ent for ent in ents if not _plural_noun(ent, nouns)]


def _modifier_opening(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a sentence and the document writes the same word in lower case elsewhere as a
    noun's modifier ("Ailing Kestrel Bank ... the ailing lender", "Senior Orbix staff ... a senior official"):
    an adjective the sentence's capital made look like a name's first word."""
    first = doc[i]
    if not first.is_sent_start or not first.is_alpha:
        return False
    return any(t.text == first.lower_ and t.dep_ == "amod" for t in doc_tokens(doc) if t.i != i)


def unlabelled_names(
    doc: Doc, taken: set[int], surnames: set[str], known: frozenset[str] = frozenset()
) -> Iterator[Span]:
    """Runs of capitalised proper nouns the NER left unlabelled ("Quillon Robotics").

    A single word qualifies only when it is the surname of a person named in full elsewhere,
    or, written the same (``known``), a name the NER found elsewhere in the text; such a word
    counts even where the tagger took it for a common noun ("Labour MP ...").
    """

    tokens = doc_tokens(doc)

    def name_word(token: Token) -> bool:
        return token.i not in taken and token.text[:1].isupper() and (
            token.pos_ == "PROPN" or token.text in known and token.pos_ == "NOUN"
        )

    i = 0
    while i < len(doc):
        if not name_word(tokens[i]):
            i += 1
            continue
        j = i
        while j + 1 < len(doc) and name_word(tokens[j + 1]):
            j += 1
        while j + 2 < len(doc) and hyphen_joined(tokens[j], tokens[j + 1], tokens[j + 2]) and name_word(tokens[j + 2]):
            j += 2  # "Day" + "-" + "Lewis" (the NER's run may stop at the dash)
            while j + 1 < len(doc) and name_word(tokens[j + 1]):
                j += 1
        while i >= 2 and hyphen_joined(tokens[i - 2], tokens[i - 1], tokens[i]) and tokens[i - 2].i not in taken:
            i -= 2  # "Kell-" + "Marsh": a capitalised word hyphened to the name's first word opens it
        if j > i and _modifier_opening(doc, i):
            i += 1  # "Ailing Kestrel Bank ... the ailing lender": the opening word is no part of the name
        if j > i or tokens[i].lower_ in surnames or tokens[i].text in known:
            yield doc[i : j + 1]
        i = j + 1
