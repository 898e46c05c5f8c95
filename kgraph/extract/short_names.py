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

:mod:`kgraph.extract.coref` asks :func:`short_form_of` of each short name and longer name it compares.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kgraph.extract.lexicon import _COUNTRY_ADJECTIVES, _COUNTRY_NAMES
from kgraph.ontology import Ontology

__all__ = ["ShortNameContext", "headline_end", "short_form_of"]


@dataclass(frozen=True)
class ShortNameContext:
    """What the article says of its names beyond one pair: its text, where its headline ends and its places'
    names (name keys)."""

    text: str
    headline_end: int
    place_keys: frozenset[str]


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
