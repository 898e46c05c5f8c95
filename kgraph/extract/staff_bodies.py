"""The employer named before a staff title: "Kestrel Markets analyst Lena Berg", "Orvane chief economist Per Lund".

A run of capitalised words right before a lower-case staff title (a title pattern's trigger of ``kg:worksFor``
or one of its sub-properties: "analyst", "economist", "investment chief", "senior vice president"), itself
right before a person's name, is the organisation the person works for, where the NER left the run unlabelled
or took it for a work ("Kestrel Global Markets" as WORK_OF_ART) and so gave it no mention. The head's titles
("chief executive", "boss") after a name are :func:`kgraph.extract.titles._bodies_before_titles`'s; this module
reads the lesser posts and a title with lower-case words before it ("investment chief").

Not a run that opens a sentence (its capital says nothing) or goes on from a word before it (a capitalised word
or one glued to it: "Jewish Chronicle editor X", "ex-Downing Street media chief X"; the name is longer, though
"ex-" before it is a past post's: "ex-Kestrel editor X"), a date ("In May analyst X"), a party's word ("Tory
spokesman X", the party's names are :mod:`kgraph.extract.party_names`'), the surname of a person named in the
text ("Berg aide Per Lund": a person's aide, no body), nor before a holder of one word ("Kestrel imaging partner
Sertit", a partner firm the NER took for a person), nor before a member's or a state's title ("senator",
"ambassador", "minister": a place or a party stands there) or a film's ("director").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.extract.countries import is_country
from kgraph.extract.lexicon import _CALENDAR, _CONTINENTS, _FORMER
from kgraph.models import Mention
from kgraph.ontology import Ontology, per_ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["bodies_before_staff_titles", "employers_after_staff_titles"]

#: Words a run may hold between capitalised words: "Lopes & Associates", "Ernst and Young".
_JOINERS = frozenset({"&", "and"})


@per_ontology
def _staff_titles(ontology: Ontology) -> frozenset[str]:
    """The title words of a post in an organisation: the triggers of the title patterns of ``kg:worksFor`` and
    its sub-properties, less the titles of a member ("senator", "mp"), of a government ("minister",
    "ambassador") and of a film's maker ("director")."""
    staff = {name for name, prop in ontology.properties.items() if "worksFor" in prop.ancestors}
    member = {
        t for p in ontology.patterns if p.frame == "RelationalNoun" and p.property == "memberOf" for t in p.triggers
    }
    government = ontology.classes.get("GovernmentBody")
    state = (government.title_words if government is not None else frozenset()) | ontology.words("StateTitle")
    return frozenset(
        t
        for p in ontology.patterns
        if p.frame == "RelationalNoun" and p.property in staff and p.role
        for t in p.triggers
        if t not in member and t not in state and t not in {"director", "envoy"}
    )


def _title_start(doc: Doc, end: int, titles: frozenset[str]) -> int | None:
    """Where a lower-case staff title ending right before token ``end`` opens: "analyst", "chief economist",
    "investment chief" (up to three words; the last one or two a title; none a word of a past post)."""
    for width in (1, 2, 3):
        start = end - width
        if start < 1:
            return None
        words = doc[start:end]
        if not all(w.is_lower and w.is_alpha for w in words) or any(w.lower_ in _FORMER for w in words):
            return None
        lowered = [w.lower_ for w in words]
        if any(" ".join(lowered[k:]) in titles for k in range(len(lowered))):
            last = start
            while last > 1 and last > end - 3 and doc[last - 1].is_lower and doc[last - 1].is_alpha and \
                    doc[last - 1].pos_ in {"ADJ", "NOUN"} and doc[last - 1].lower_ not in _FORMER:
                last -= 1  # "senior investment analyst": modifiers of the title
            return last
    return None


def bodies_before_staff_titles(
    doc: Doc, found: list[tuple[Mention, Span]], taken: set[int], ontology: Ontology
) -> list[tuple[Mention, Span]]:
    """ "Kestrel Markets analyst Lena Berg said": the capitalised words no mention holds right before a staff
    title before a person's name are an organisation's name (see the module's docstring for what is left); a name
    the NER found there keeps its class ("Vidal spokesman X" may speak for a person)."""
    from spacy.tokens import Span

    titles = _staff_titles(ontology)
    surnames = {span[-1].lower_ for m, span in found if m.type == "Person" and len(span) > 1}
    parties = ontology.words("PartyWord")
    out = list(found)
    ends = {span.end for _, span in found}
    for mention, span in found:
        if mention.type != "Person" or mention.label != "PERSON" or len(span) < 2:
            continue  # (a full name: "Kestrel imaging partner Sertit" names a partner firm)
        start = _title_start(doc, span.start, titles)
        if start is None:
            continue
        if start in ends:
            continue  # a name's mention before the title: "Vidal spokesman X" may speak for a person
        first = start
        while first > 0 and first - 1 not in taken and (
            doc[first - 1].text[:1].isupper() and doc[first - 1].pos_ == "PROPN"
            or doc[first - 1].lower_ in _JOINERS and first < start
        ):
            first -= 1
        while first < start and doc[first].lower_ in _JOINERS:
            first += 1  # "and Kestrel": a joiner opens no name
        words = doc[first:start]
        before = doc[first - 1] if first > 0 else None
        glued = before is not None and not before.whitespace_ and not (
            before.text == "-" and first > 1 and doc[first - 2].lower_ in _FORMER
        )  # ("ex-Kestrel editor X": a past post, kgraph.extract.ended_posts)
        if before is not None and before.text[:1].isupper() and before.is_alpha or glued:
            continue  # the name opens before: "Jewish Chronicle editor X", "ex-Downing Street media chief X"
        if (
            not len(words) or len(words) > 5 or doc[first].is_sent_start
            or any(w.lower_ in _CALENDAR or w.ent_type_ in {"DATE", "TIME"} for w in words)
            or any(w.lower_ in parties for w in words) or words[-1].lower_ in surnames
        ):
            continue
        name = Span(doc, first, start, label="ORG")
        out.append((Mention(name.start_char, name.end_char, name.text, "Organization", "name"), name))
        taken.update(range(first, start))
    return sorted(out, key=lambda pair: pair[0].start)


def employers_after_staff_titles(
    doc: Doc, found: list[tuple[Mention, Span]], ontology: Ontology
) -> list[tuple[Mention, Span]]:
    """ "X, an economist at Natexis Banques", "X, chief economist at Gerrard": a name the NER took for a place
    (its label alone: no place's head noun, no country) that is the whole object of "at" or "with" on a staff
    title apposed to a person's name is the organisation the person works for. Not a name the text calls a place
    elsewhere ("an analyst at Frankfurt ... prices in Frankfurt"), nor "a banker in Oslo" (no "at"),
    "an analyst at Oslo's Kestrel Bank" or "at the Oslo offices of Y" (the place is no object of "at" there)."""
    titles = {t for t in _staff_titles(ontology) if " " not in t}
    # a name the text puts somewhere is a place ("prices in Frankfurt fell"): "an analyst at Frankfurt" keeps it
    places = {
        span.text for m, span in found
        if m.type == "Place" and span.root.dep_ == "pobj" and span.root.head.lower_ in {"in", "near", "from", "to"}
    }
    out = list(found)
    for k, (mention, span) in enumerate(found):
        if mention.type != "Place" or mention.label not in {"GPE", "LOC", "FAC"}:
            continue
        root = span.root
        preposition = root.head
        title = preposition.head
        if root.dep_ != "pobj" or preposition.lower_ not in {"at", "with"} or title.lemma_.lower() not in titles:
            continue
        if not (title.dep_ == "appos" and title.head.ent_type_ == "PERSON"):
            continue
        if ontology.class_for_head(span[-1].lower_) is not None or is_country(span.text, ontology) \
                or span.text.lower() in _CONTINENTS or span.text in places:
            continue
        out[k] = (Mention(mention.start, mention.end, mention.text, "Organization", mention.label), span)
    return out
