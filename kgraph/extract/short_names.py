"""An organisation called by the first word(s) of its full name: which short forms coreference may join to it.

An article names a firm in full ("Halden Breweries") and elsewhere by its first word(s) ("Halden"), often in
its headline, before the body gives the full name ("Halden cuts jobs" / "Halden Breweries said ...").  A short
form joins the one longer name it opens when:

- it is one word written after the full name (nothing more is asked of it); or it is written before the full
  name only in the headline (the article's first line, no sentence of its own: a name written alone in the
  body before its longer form is the firm, then its arm), or it has more words, or is initials, and then:
- initials join only a longer name of one more word that is a firm's kind (`kgx:FirmNoun`: "DZ" / "DZ Bank";
  not "KBC" / "KBC Radio", a brand that names a parent and its arms);
- the article writes the short form before no other capitalised word ("United" is no "United Foods" where the
  article also names "United Airlines", nor "Halden" where it names "Halden Shipping" and "Halden Breweries");
- it is no place's name in the article, no country's name or adjective ("British" of "British Gas"), and no
  head noun that names a kind of thing ("Bank" of "Bank Halden", "United" of "United Foods": a club's head noun).
  A word of a person's name ("Halden" beside "Anna Halden") fits that person too, so coreference, finding two
  names it may be, joins it to neither.

No short form joins a longer name the NER ran across a spaced dash into an aside ("Halden - Norse for a slope -"):
that is no fuller name of the firm.

An organisation is also called by the last word(s) of its name ("Kellby Rovers" ... "Rovers won"): such a short
form joins the longer name it ends (:func:`end_form_of`) unless it is one word that names a kind of thing (a head
noun of the ontology's classes: "Bank" of "Kellby Bank", "Group", "Party", "City"; a club's last word,
`kgx:ClubNameEnd`, "United", "Rovers", is the club's short form, and so is the head noun of a body named with
an "of": "the Bank" of "the Reserve Bank of Kellmark"), or the body writes it alone before a longer name that
runs the name of another body or person of the article into it (a name of its own: "Nottingham Forest" ...
"Tottenham v Nottingham Forest", where the club "Tottenham" is named; not "Rover" ... "MG Rover", "United" ...
"Manchester United", a town's name, "Commons" ... "House of Commons"). Where it ends several longer names, the
one the article writes at least twice as often as each other takes it (:func:`dominant_name`: "Kellby United"
named four times and "Fans United" once: "United" is the club), else none does.

:mod:`kgraph.extract.coref` asks :func:`short_form_of` of each short name and longer name it compares.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kgraph.extract.lexicon import _COUNTRY_ADJECTIVES, _COUNTRY_NAMES
from kgraph.ontology import Ontology

__all__ = ["ShortNameContext", "dominant_name", "end_form_of", "headline_end", "short_form_of"]


@dataclass(frozen=True)
class ShortNameContext:
    """What the article says of its names beyond one pair: its text, where its headline ends, its places' names
    and the names of its other things, people and bodies (name keys)."""

    text: str
    headline_end: int
    place_keys: frozenset[str]
    name_keys: frozenset[str] = frozenset()


def headline_end(text: str) -> int:
    """The end of the article's headline: its first line where a line break follows and it closes no sentence
    ("Halden cuts 200 jobs\\n\\n..."); 0 where the text opens with no such line."""
    line, newline, _ = text.partition("\n")
    stripped = line.rstrip()
    if not newline or not stripped or stripped[-1] in ".!?:;\"'”":
        return 0
    return len(line)


def short_form_of(
    words: list[str],
    longer: list[str],
    written: list[tuple[int, str]],
    first_full: int,
    context: ShortNameContext,
    ontology: Ontology,
) -> bool:
    """Whether the short name ``words`` (name key words, ``written`` as (start, text) in the article) is the
    longer name ``longer`` it opens, first written at ``first_full`` (see the module's docstring)."""
    if _spaced_dash_in(longer, first_full, context.text):
        return False  # "Veritas - Latin for truth": the NER ran a name into an aside, no fuller name
    if any(start < first_full and start >= context.headline_end for start, _ in written):
        return False  # written alone in the body before the full name: a name of its own
    initials = any(text.isupper() for _, text in written)
    if len(words) == 1 and not initials and all(start > first_full for start, _ in written):
        return True  # one word after the full name ("Kellby Breweries ... Kellby"): coreference asks no more
    if initials and (len(words) != 1 or len(longer) != 2 or longer[1] not in ontology.words("FirmNoun")):
        return False
    last = words[-1]
    if last in _COUNTRY_NAMES or last in _COUNTRY_ADJECTIVES or " ".join(words) in context.place_keys:
        return False
    if not initials and ontology.class_for_head(last) is not None:
        return False  # "Bank", "Group": a kind of thing, no firm's own word
    return not _opens_another_name(words, longer[len(words)], context.text)


def end_form_of(
    words: list[str],
    longer: list[str],
    written: list[tuple[int, str]],
    first_full: int,
    context: ShortNameContext,
    ontology: Ontology,
) -> bool:
    """Whether the organisation's short name ``words`` (name key words, ``written`` as (start, text) in the
    article) may join the longer name ``longer`` it ends, first written at ``first_full`` (see the module's
    docstring)."""
    if (
        len(words) == 1
        and ontology.class_for_head(words[0]) is not None
        and words[0] not in ontology.words("ClubNameEnd")
        and not _runs_on_with_of(tuple(longer), context.text)
    ):
        return False  # "the Bank" of "Kellby Bank": a kind of thing, no short form of one name
    rest = longer[: len(longer) - len(words)]
    runs = {" ".join(rest[i:j]) for i in range(len(rest)) for j in range(i + 1, len(rest) + 1)}
    if "of" in rest or not (runs & context.name_keys) - _COUNTRY_NAMES:
        # "MG Rover": no other name run into the short form; "Manchester United": a town's name, no other body's;
        # "House of Commons": a body's name with its "of": its fuller name
        return True
    # written alone in the body before a longer name that runs another name into it ("London UKIP", "BBC Radio
    # Kellby"; or a name that opens with it): a name of its own
    opened = re.search(r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in longer) + r"(?![\w-])", context.text,
                       flags=re.IGNORECASE)
    first = min(first_full, opened.start()) if opened else first_full
    return not any(context.headline_end <= start < first for start, _ in written)


def dominant_name(counts: list[int]) -> int | None:
    """Of the longer names a short form ends, written ``counts`` times each, the index of the one written at least
    twice as often as each other; None where there is none."""
    best = max(range(len(counts)), key=lambda k: counts[k])
    if all(k == best or counts[best] >= 2 * count for k, count in enumerate(counts)):
        return best
    return None


def _runs_on_with_of(longer: tuple[str, ...], text: str) -> bool:
    """Whether the text writes the longer name on with "of" and a capitalised word ("the Reserve Bank of
    Kellmark"): a body the head noun alone stands for ("the Bank")."""
    pattern = r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in longer) + r"\s+of\s+(?:the\s+)?[A-Z]"
    return re.search(pattern, text, flags=re.IGNORECASE) is not None


#: A dash with a space either side: what opens an aside.
_SPACED_DASH = re.compile(r"\s[-\u2013\u2014]\s")


def _spaced_dash_in(longer: list[str], start: int, text: str) -> bool:
    """Whether the longer name, as first written at ``start``, runs across a spaced dash ("Kellby - Latin")."""
    written = text[start : start + 40 * len(longer)]
    last = re.search(r"(?i)(?<![\w-])" + re.escape(longer[-1]) + r"(?![\w-])", written)
    return last is not None and _SPACED_DASH.search(written, 0, last.start()) is not None


def _opens_another_name(words: list[str], next_word: str, text: str) -> bool:
    """Whether the text writes ``words`` right before a capitalised word other than ``next_word`` (the longer
    name's next word): "United" before "Airlines" as well as before "Foods"."""
    return bool(_capitalised_after(tuple(words), text) - {next_word})


@lru_cache(maxsize=256)
def _capitalised_after(words: tuple[str, ...], text: str) -> frozenset[str]:
    """The capitalised words the text writes right after ``words`` written capitalised (lower case, less a
    closing stop or quote), read once per short name and text: coreference asks of each longer name it opens."""
    pattern = r"(?<![\w-])" + r"[ \t]+".join(re.escape(w) for w in words) + r"[ \t]+([A-Z][\w&.'-]*)"
    after: set[str] = set()
    for match in re.finditer(pattern, text, flags=re.IGNORECASE):
        if not match.group()[:1].isupper():
            continue  # "a united front": a common word, no name
        word = match.group(1)
        if word[:1].isupper():
            after.add(word.lower().rstrip(".'"))
    return frozenset(after)
