"""Where an organisation's name ends when its own noun or its parent's name follows it, decided on the NER's names.

Decides that initials the NER took for an organisation's whole name, right before a lower-case noun of a kind of
body that names such bodies (``kgx:InitialsNameNoun``: "bank", "group"), end in that noun, where the article
writes the initials nowhere without it: "KL bank economist Jon Berg" names "KL bank", no "KL". A document that
writes the initials alone too ("KL said ...") calls the body by them, and the name stays as the NER read it.

Also that the name of a university's unit (``kgx:UnitNoun`` of a university: "Business School", "Physics
Department") right before "at the" and a university's name is one name with it ("the Business School at the
University of Kellmore"): the unit alone names no one body, many universities having one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgraph.ontology import Ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["with_unit_nouns"]


def _initials_noun_end(doc: Doc, ent: Span, text: str, ontology: Ontology) -> int | None:
    """The end of "KL" + "bank" where the article never writes the initials without the noun."""
    if ent.label_ != "ORG" or len(ent) != 1 or ent.end >= len(doc):
        return None
    word, noun = ent[0], doc[ent.end]
    if not (word.is_upper and word.is_alpha and 2 <= len(word) <= 4):
        return None
    if not noun.is_lower or noun.lower_ not in ontology.words("InitialsNameNoun"):
        return None
    for match in re.finditer(r"(?<![\w-])" + re.escape(word.text) + r"(?![\w-])", text):
        if not text[match.end() :].lower().lstrip().startswith(noun.lower_):
            return None  # "KL said ...": the article calls the body by its initials
    return ent.end + 1


def _university_end(doc: Doc, ent: Span, after: Span | None, ontology: Ontology) -> int | None:
    """The end of the university's name after "the Business School at the"."""
    if ent.label_ != "ORG" or after is None or after.label_ != "ORG" or ent[-1].lower_ not in ontology.words(
        "AcademicUnitNoun"
    ):
        return None
    gap = [t.lower_ for t in doc[ent.end : after.start]]
    if gap not in (["at"], ["at", "the"], ["of"], ["of", "the"]):
        return None
    if not any(t.lower_ in ontology.words("UniversityNoun") for t in after):
        return None
    return after.end


def with_unit_nouns(doc: Doc, ents: list[Span], text: str, ontology: Ontology) -> list[Span]:
    """The NER's names, initials run on into their noun and a university's unit joined to the university after it
    (see the module's docstring)."""
    from spacy.tokens import Span

    out: list[Span] = []
    skip = -1
    for k, ent in enumerate(ents):
        if k <= skip:
            continue
        after = ents[k + 1] if k + 1 < len(ents) else None
        end = _initials_noun_end(doc, ent, text, ontology)
        if end is not None and (after is None or after.start >= end):
            out.append(Span(doc, ent.start, end, label=ent.label))
            continue
        end = _university_end(doc, ent, after, ontology)
        if end is not None:
            out.append(Span(doc, ent.start, end, label=ent.label))
            skip = k + 1
            continue
        out.append(ent)
    return out
