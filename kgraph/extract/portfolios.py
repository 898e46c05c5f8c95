"""Which of the NER's names are a minister's portfolio, decided on its names before typing.

Decides that a name right after a minister's, secretary's or commissioner's title and "for" ("Minister
for Transport", "Commissioner for Monetary Affairs") is the post's portfolio, not an organisation: the
NER's name is left out, so no relation takes the portfolio for an employer. The titles are the ontology's
(``kgx:titleWord`` of kg:GovernmentBody). Not a body's own name after "for" ("Minister for the Cabinet
Office": its head noun says a body), and not after "of" ("Minister of Finance" names the ministry, see
kgraph.extract.titles). Example: in "Minister for Transport Alan Brody said ...", the mentions are Alan
Brody alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.ontology import Ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["without_portfolios"]


def _portfolio(doc: Doc, ent: Span, titles: frozenset[str], ontology: Ontology) -> bool:
    if ent.label_ != "ORG" or ent.start < 2 or doc[ent.start - 1].lower_ != "for":
        return False
    if doc[ent.start - 2].lower_ not in titles:
        return False
    return ontology.class_for_head(ent[-1].lower_) is None  # not "Minister for the Cabinet Office"


def without_portfolios(doc: Doc, ents: list[Span], ontology: Ontology) -> list[Span]:
    """The NER's names without the portfolios after a minister's title and "for" (see the module's docstring)."""
    government = ontology.classes.get("GovernmentBody")
    titles = government.title_words if government is not None else frozenset()
    return [ent for ent in ents if not _portfolio(doc, ent, titles, ontology)]
