"""A speaker's firm given by "at" right after the speaker's name.

Decides, for :mod:`kgraph.extract.relations`, the employer of a person quoted with no title but a place of work:
"said Per Lund at the Harbour Workers' Union", "Per Lund at Fjordbank told reporters". The name of a person who
speaks (the subject of a ``kgx:SpeakingVerb``: "say", "tell", "add") followed by "at", an optional "the" and the
whole name of an organisation gives the organisation the person works for. A verb's own "at" ("Per Lund spoke at
Fjordbank") does not stand right after the name; the organisation must end its phrase ("at Fjordbank's offices",
"at the Fjordbank conference" name a place or an event, not an employer), and a listener ("told Per Lund at
Fjordbank") is no speaker.
Example: in '"Costs are too high," said Anna Berg at Kestrel Bank.', Anna Berg works for Kestrel Bank.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kgraph.extract.mention_index import UNNAMED, MentionIndex

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from kgraph.ontology import Pattern

__all__ = ["speaker_at"]


def _speaks(name: Token, index: MentionIndex) -> bool:
    """Whether the name whose root is ``name`` is the subject of a verb of speaking."""
    return name.dep_ == "nsubj" and name.head.lemma_.lower() in index.ontology.words("SpeakingVerb")


def speaker_at(sent: Span, pattern: Pattern, index: MentionIndex) -> Iterator[tuple[int, int]]:
    """(person, organisation) of a speaker's name followed by "at" and the organisation's whole name."""
    doc = sent.doc
    for m in index.by_sentence.get(sent.start, []):
        mention, span = index.mentions[m]
        if mention.label in UNNAMED or not index.ontology.is_a(mention.type, "Person"):
            continue
        at = span.end
        if at + 1 >= sent.end or doc[at].lower_ != "at" or not _speaks(span.root, index):
            continue
        first = at + 2 if doc[at + 1].lower_ == "the" else at + 1
        org = index.at(doc[first]) if first < sent.end else None
        if org is None or org == m:
            continue
        org_mention, org_span = index.mentions[org]
        if org_mention.label in UNNAMED or org_span.start != first:
            continue
        # the organisation ends its phrase: no possessive or noun after it ("at Fjordbank's offices")
        after = doc[org_span.end] if org_span.end < len(doc) else None
        if after is not None and (after.tag_ == "POS" or after.pos_ in {"NOUN", "PROPN"}):
            continue
        if org_span.root.head.i != at:
            continue  # the parse hangs the name on another word than this "at"
        yield m, org
