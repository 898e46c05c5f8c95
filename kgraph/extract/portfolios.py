"""Which of the NER's names are a minister's portfolio, decided on its names before typing.

Decides that a name right after a minister's, secretary's or commissioner's title and "for" ("Minister
for Transport", "Commissioner for Monetary Affairs") is the post's portfolio, not an organisation: the
NER's name is left out, so no relation takes the portfolio for an employer. The titles are the ontology's
(``kgx:titleWord`` of kg:GovernmentBody). Not a body's own name after "for" ("Minister for the Cabinet
Office": its head noun says a body), and not after "of" ("Minister of Finance" names the ministry, see
kgraph.extract.titles). Example: in "Minister for Transport Alan Brody said ...", the mentions are Alan
Brody alone.

Also that two names the NER made of one portfolio joined by "and" right before a capitalised title of those
("Kellish Justice" + "and" + "Home Affairs" + "Commissioner X") are the portfolio, no organisations, unless the
second ends in a body's head noun ("Kestrel Bank and Home Office Minister X": a firm and the ministry).

Also decides where a person's name the NER ran into the portfolio begins ("Minister for Work Jane Hollis"
read as one person, "Work Jane Hollis"): a person's name of three words or more right after the title and
"for" keeps its last two words, the portfolio's words before them being no part of anyone's name, unless the
article names the person elsewhere with more of those words.

Also that capitalised words of a field a government post is over (``kgx:PortfolioField``: "Arts", "Economy",
"Trade and Industry"), a country's adjective before them or not, right before a minister's, secretary's or
commissioner's title in either case ("Arts minister X", "the Kellish Economy minister Y") are the post's portfolio,
no organisation; a body's head noun after them ("the Kellish Economy Ministry") names the body and keeps it.

Also that a title's adjective (``kgx:TitleAdjective``: "Supreme", "Deputy") the NER read as an organisation before a
title word ("Supreme Leader X") is part of the title, no organisation; and that it is cut off the body's name the NER
ran it into before a title ("Deputy High Court judge X": the High Court, no "Deputy High Court").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.extract.glued_names import _job_titles
from kgraph.extract.lexicon import _COUNTRY_ADJECTIVES
from kgraph.ontology import Ontology
from kgraph.vocabulary import PERSON_TITLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["portfolio_words", "title_opening", "without_portfolios"]


def _portfolio(doc: Doc, ent: Span, titles: frozenset[str], ontology: Ontology) -> bool:
    if ent.label_ != "ORG" or ent.start < 2 or doc[ent.start - 1].lower_ != "for":
        return False
    if doc[ent.start - 2].lower_ not in titles:
        return False
    return ontology.class_for_head(ent[-1].lower_) is None  # not "Minister for the Cabinet Office"


def _joined_by_and(doc: Doc, first: Span, second: Span, titles: frozenset[str], ontology: Ontology) -> bool:
    """ "Kellish Justice" + "and" + "Home Affairs" right before a capitalised title ("Commissioner"): one
    portfolio's name in two names of the NER's (see the module's docstring)."""
    title = doc[second.end] if second.end < len(doc) else None
    return (
        first.label_ == "ORG" and second.label_ == "ORG" and second.start == first.end + 1
        and doc[first.end].lower_ in {"and", "&"}
        and title is not None and title.is_title and title.lower_ in titles
        and not any(ontology.class_for_head(e[-1].lower_) for e in (first, second))
    )


def portfolio_words(words: Span, ontology: Ontology) -> bool:
    """Whether ``words`` are capitalised words of a field a post is over ("Arts", "Trade and Industry"), a
    country's adjective before them or not ("Kellish Economy"): a portfolio's name before a post's title."""
    tokens = list(words)
    if len(tokens) > 1 and tokens[0].lower_ in _COUNTRY_ADJECTIVES:
        tokens = tokens[1:]
    fields = ontology.words("PortfolioField")
    joins = {"and", "&", ","}
    return (
        bool(tokens) and tokens[0].lower_ in fields and tokens[-1].lower_ in fields
        and all(t.lower_ in joins or t.lower_ in fields and t.is_title for t in tokens)
    )


def _field_before_post(doc: Doc, ent: Span, titles: frozenset[str], ontology: Ontology) -> bool:
    """ "Arts" + "minister", "Kellish Economy" + "Minister": a portfolio's name right before a government post's
    title in either case (see the module's docstring)."""
    if ent.label_ != "ORG" or ent.end >= len(doc) or doc[ent.end].lower_ not in titles:
        return False
    return portfolio_words(ent, ontology)


def title_opening(ent: Span, ontology: Ontology) -> Span | None:
    """What is left of an organisation's name the NER opened with a title's adjective before a title word: None for
    the adjective alone ("Supreme" of "Supreme Leader X"), the body's name after it ("Deputy High Court" of "Deputy
    High Court judge X" -> "High Court"), else the name itself (see the module's docstring)."""
    from spacy.tokens import Span

    doc = ent.doc
    if ent.end >= len(doc) or not ent[0].is_title:
        return ent
    if ent[0].lower_ not in ontology.words("TitleAdjective"):
        return ent
    after = doc[ent.end]
    if after.lower_ not in _job_titles(ontology) | PERSON_TITLES:
        return ent
    if len(ent) == 1:
        return None if after.is_title else ent
    return Span(doc, ent.start + 1, ent.end, label=ent.label)


def _after_portfolio(doc: Doc, ent: Span, titles: frozenset[str]) -> bool:
    """A person's name of three words or more right after a minister's title and "for"."""
    if ent.label_ != "PERSON" or len(ent) < 3 or ent.start < 2 or doc[ent.start - 1].lower_ != "for":
        return False
    return doc[ent.start - 2].lower_ in titles and all(t.is_alpha and t.is_title for t in ent)


def _person_out_of_portfolio(doc: Doc, ent: Span, names: set[str]) -> Span:
    """The person's own name at the end of ``ent``: its longest ending the article names as a person
    elsewhere, else its last two words ("Work Jane Hollis" -> "Jane Hollis")."""
    from spacy.tokens import Span

    for start in range(ent.start + 1, ent.end - 1):
        if doc[start : ent.end].text in names:
            return Span(doc, start, ent.end, label=ent.label)
    return Span(doc, ent.end - 2, ent.end, label=ent.label)


def without_portfolios(doc: Doc, ents: list[Span], ontology: Ontology) -> list[Span]:
    """The NER's names without the portfolios after a minister's title and "for" or split at their "and" before
    it, and a person's name that ran into the portfolio cut to the person's (see the module's docstring)."""
    government = ontology.classes.get("GovernmentBody")
    titles = government.title_words if government is not None else frozenset()
    names = {ent.text for ent in ents if ent.label_ == "PERSON" and not _after_portfolio(doc, ent, titles)}
    out = []
    pieces = {
        ent.start
        for first, second in zip(ents, ents[1:], strict=False)
        if _joined_by_and(doc, first, second, titles, ontology)
        for ent in (first, second)
    }
    for ent in ents:
        if ent.start in pieces or _portfolio(doc, ent, titles, ontology):
            continue
        if _field_before_post(doc, ent, titles, ontology):
            continue
        opened = title_opening(ent, ontology) if ent.label_ == "ORG" else ent
        if opened is None:
            continue
        ent = opened
        out.append(_person_out_of_portfolio(doc, ent, names) if _after_portfolio(doc, ent, titles) else ent)
    return out
