"""Committee names: a chamber's committee written in lower case is one name.

A repair of the NER's names for kgraph.extract.mentions: a parliament's chamber (kgx:ParliamentName, capitalised:
"Commons", "Lords") followed by lower-case words of the committee's field and a committee's noun (kgx:Committee)
is the committee's name, whole: "the Commons transport committee", "the Lords science and technology committee"
(the NER takes none of it, or the chamber's word alone). So "X, who chairs the Commons transport committee" heads
the committee, and "Culture select committee chairman X" is read by kgraph.extract.unit_posts.
Example: in "Mark Brindle, who chairs the Commons transport committee, spoke.", "Commons transport committee" is
an organisation's name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.extract.doc_text import doc_tokens, doc_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from kgraph.ontology import Ontology

__all__ = ["chamber_committees"]

#: The tags of the lower-case words of a committee's field: "work and pensions", "public accounts", "select".
_FIELD_TAGS = frozenset({"NOUN", "ADJ", "CCONJ", "VERB", "PROPN"})


def chamber_committees(doc: Doc, ents: list[Span], ontology: Ontology) -> list[Span]:
    """The NER's names with each chamber's lower-case committee made one organisation's name (module docstring)."""
    from spacy.tokens import Span

    chambers, committees = ontology.words("ParliamentName"), ontology.words("Committee")
    if not chambers & doc_words(doc):
        return ents  # most documents name no chamber
    found: list[Span] = []
    for token in doc_tokens(doc):
        if not token.is_title or token.lower_ not in chambers:
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].is_lower and doc[end].pos_ in _FIELD_TAGS:
            if doc[end].lemma_ in committees and doc[end].tag_ == "NN":
                if end > token.i + 1:  # a field between ("the Commons committee" names none)
                    found.append(Span(doc, token.i, end + 1, label="ORG"))
                break
            end += 1
    if not found:
        return ents
    # the NER's name inside the committee's gives way ("Commons"); one across its edge keeps its words
    across = {
        i for e in ents for f in found if not (f.start <= e.start and e.end <= f.end) for i in range(e.start, e.end)
    }
    added = [f for f in found if not any(i in across for i in range(f.start, f.end))]
    kept = [e for e in ents if not any(f.start <= e.start and e.end <= f.end for f in added)]
    return sorted([*kept, *added], key=lambda e: e.start)
