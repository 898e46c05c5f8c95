"""Names typed places by the words around them, after the NER.

Decides which names the NER called organisations or people are places: a name in a
locative phrase whose word is the trigger of a pattern with a place object ("located in
Fujisawa", "a campus in Fujisawa"), before or after a noun of a person's home ("a Duluth
native", "her hometown of Duluth"), a seat or a peer's title's place ("the MP for Bellport", "Lord Vance of
Bellport": kgraph.extract.seat_names), after a person's age ("Anders Holm, 41, of Tacoma", "... 41, from
Tacoma"), the possessor of a place's street or mayor, the "of" of a place's office ("the mayor of Lyon"), and
the names of a "Place, Name" chain ("Fujisawa, Kanagawa"); and a centre or park named for what is done in it
or what it is (kgx:CentreUse: "the Kellmore Shopping Centre", "Kellmore National Park") is a place, where
"the Kellmore Research Centre" and "Kellmore Science Park" are bodies.  Example: in "The lab is located in
Corvallis.", Corvallis is a place whatever the NER said.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.extract.seat_names import is_seat, peer_place
from kgraph.models import Mention
from kgraph.ontology import Ontology, per_ontology

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["centre_class", "coerce_places", "place_centre"]


def place_centre(span: Span, ontology: Ontology) -> bool:
    """ "the Kellmore Shopping Centre", "the Orvane Trade Center", "Kellmore National Park": a centre or park
    named for what is done in it or what it is (``kgx:CentreUse``) is a place, where "the Kellmore Research
    Centre" and "Kellmore Science Park" (``kgx:ParkBodyWord``) are bodies; so is any other park ("Harle
    Park"), not a person's name the NER saw ("Min-jun Park")."""
    centre, use = ontology.words("CentreNoun"), ontology.words("CentreUse")
    if len(span) < 2 or span[-1].lower_ not in centre:
        return False
    if span[-2].lower_ in use:
        return True
    # any other park is a place ("Harle Park"), but for a body's ("Kellmore Science Park", kgx:ParkBodyWord) and a
    # person's surname ("Min-jun Park")
    return span[-1].lower_ == "park" and span[-2].lower_ not in ontology.words("ParkBodyWord") and (
        span.label_ != "PERSON" and not span[-2].text.isupper()
    )


def centre_class(span: Span, by_head: str, ontology: Ontology) -> str:
    """The class of a name ending in a centre's or park's noun (kgx:CentreNoun): a place where
    :func:`place_centre` says so ("Kellmore National Park", though "park" heads a body's name too); a body
    where the NER calls it one ("the Northwest Flood Center"); a person's where the NER saw one in a name ending
    in "Park", a surname ("Min-jun Park"); else the class of its head noun."""
    if place_centre(span, ontology):
        return "Place"
    if span.label_ == "PERSON" and span[-1].lower_ == "park" and span[-2].lower_ not in ontology.words("ParkBodyWord"):
        return "Person"  # "Min-jun Park": a surname, where the NER saw a person
    return "Organization" if span.label_ == "ORG" else by_head


def _age_follows(span: Span) -> bool:
    """ "NAME, 50," or "NAME, 50." : a number of years right after a name, between commas."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "," or doc[span.end + 2].text not in {",", "."}:
        return False
    number = doc[span.end + 1]
    return number.text.isdigit() and 1 <= int(number.text) <= 120


@per_ontology
def _locative_triggers(ontology: Ontology) -> frozenset[str]:
    """Triggers of the patterns whose place object follows "in"/"at" ("located in", "a campus in"),
    not only "from" ("is from"); worked out once per ontology."""
    # (not a title that also takes an employer: "a strategist at Y" may be at a firm)
    employers = {
        t
        for p in ontology.patterns
        if p.frame == "RelationalNoun"
        and ontology.is_a(p.object_type or ontology.properties[p.property].range or "", "Organization")
        for t in p.triggers
    }
    return frozenset(
        t
        for p in ontology.patterns
        if p.frame in {"Verb", "RelationalNoun"}
        and "Place" in {p.object_type, ontology.properties[p.property].range}
        and (p.frame == "RelationalNoun" or not any(r.startswith("prep:") for r in p.object_roles)
             or {"prep:in", "prep:at"} & set(p.object_roles))
        for t in p.triggers
        if p.frame == "Verb" or t not in employers
    )


@per_ontology
def _home_nouns(ontology: Ontology, preposition: str | None = None) -> frozenset[str]:
    """Nouns of a person's home place ("native", "hometown"): the triggers of the event-noun
    patterns that link a person to a place (with ``preposition``: those that take the place
    in a phrase opened by it, "hometown of")."""
    return frozenset(
        t
        for p in ontology.patterns
        if p.frame == "EventNoun" and p.subject_type == "Person" and p.object_type == "Place"
        and (preposition is None or preposition in p.prepositions)
        for t in p.triggers
    )


def _place_evidence(root: Token, ontology: Ontology) -> bool:
    """Whether the words around a name say it is a place: the possessor of a place's street,
    mayor or residents (kgx:PlacePossession), or of a place noun ("Norway's oldest city"), or the
    modifier of an area (kgx:PlaceArea: "the Blue Ridge foothills")."""
    noun = root.head
    if noun.pos_ != "NOUN" or noun.i == root.i:
        return False
    lemma = noun.lemma_.lower()  # (lemmas: "streets" is "street")
    if root.dep_ == "poss":
        return lemma in ontology.words("PlacePossession") or any(
            ontology.is_a(c, "Place") for c in ontology.classes_for_descriptor(lemma)
        )
    return root.dep_ == "compound" and lemma in ontology.words("PlaceArea")


def _office_of(root: Token, ontology: Ontology) -> bool:
    """Whether a name is the "of" of a place's own office (kgx:PublicOffice: "the mayor of Lyon", "the governor of
    Kellshire", "the premier of Orvania"): a town, region or state, not an organisation ("the governor of the Bank
    of Kellmore" ends in a body's head noun, and "the governor of the Church of England" is named "X of Y", so
    they keep their type)."""
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.i == root.head.head.i + 1 and (
        root.head.head.lower_ in ontology.words("PublicOffice")
        # "the supreme governor of the Church of England": a body's "X of Y" name is no town's
        and not any(t.lower_ == "of" for t in root.subtree)
    )


def _hometown_after_age(prep: Token, found: list[tuple[Mention, Span]]) -> bool:
    """ "NAME, 30, of X", "NAME, 30, from X": the "of" or "from" after a person's age gives the person's home
    town."""
    return prep.lower_ in {"of", "from"} and any(
        m.type == "Person" and span.end + 3 == prep.i and _age_follows(span) for m, span in found
    )


def coerce_places(
    found: list[tuple[Mention, Span]], ontology: Ontology, titles: frozenset[str]
) -> list[tuple[Mention, Span]]:
    """ "located in Fujisawa, Kanagawa", "a campus in Fujisawa", "a Fujisawa native": a name in a
    locative phrase, or before a noun of a person's home, is a place.

    The locative words are the triggers of the ontology's patterns whose object is a
    place (verbs such as "located", nouns such as "campus"). Only names the NER typed
    as organisations or people without a telling head noun are changed; so is the
    second name of a "Place, Name" chain that closes a phrase, and the first of a
    "Name, Place" pair that does. ``titles`` are the nouns of a person's post ("mayor"): the
    name after "the mayor of Spokane," holds the post and stays a person.
    """
    chained = _places_in_chains(_places_by_context(found, ontology, titles), ontology, titles)
    return _chained_everywhere(chained, ontology)


def _chained_everywhere(found: list[tuple[Mention, Span]], ontology: Ontology) -> list[tuple[Mention, Span]]:
    """ "Hatfield executives go on trial ... the line at Hatfield, Hertfordshire": a one-word name the text writes
    as a place before its region ("Name, Place") is that place wherever the NER took the same word for a person."""
    places = {span.start for mention, span in found if ontology.is_a(mention.type, "Place")}
    chained = {
        mention.text for mention, span in found
        if ontology.is_a(mention.type, "Place") and len(span) == 1 and span.end + 1 < len(span.doc)
        and span.doc[span.end].text == "," and span.end + 1 in places
    }
    return [
        (_as_place(mention), span) if mention.text in chained and mention.label == "PERSON" and len(span) == 1
        else (mention, span)
        for mention, span in found
    ]


def _weak(mention: Mention, span: Span, ontology: Ontology) -> bool:
    """Whether a name's class may be changed: the NER's organisation, person or group, no place already,
    with no head noun that says its kind ("Kestrel Institute", "Institute of Mathematics")."""
    return (
        mention.label in {"ORG", "PERSON", "NORP"}
        and ontology.class_for_head(span[-1].lower_) is None
        and ontology.class_for_head(span.root.lower_) is None  # "Institute of Mathematics"
        and not ontology.is_a(mention.type, "Place")
    )


def _as_place(mention: Mention) -> Mention:
    return Mention(mention.start, mention.end, mention.text, "Place", mention.label)


def _places_by_context(
    found: list[tuple[Mention, Span]], ontology: Ontology, titles: frozenset[str]
) -> list[tuple[Mention, Span]]:
    """The mentions with each name a place that the words around it say is one (a locative phrase, a home's
    noun, a seat or a peer's title, an age before "of", a body's "in"/"of", a place's street or mayor)."""
    locative = _locative_triggers(ontology)
    homes = _home_nouns(ontology)
    homes_of = _home_nouns(ontology, "of")

    places = {t.i for mention, span in found if ontology.is_a(mention.type, "Place") for t in span}
    # names ending in "Co.", "Inc.", "Institute": bodies sure of their kind
    bodies = {
        span[-1].i for mention, span in found
        if ontology.is_a(mention.type, "Organization") and ontology.class_for_head(span[-1].lower_) is not None
    }
    out: list[tuple[Mention, Span]] = []
    for mention, span in found:
        root = span.root
        weak = _weak(mention, span, ontology)
        governor = None
        if root.dep_ == "pobj" and root.head.lower_ in {"in", "at"}:
            governor = root.head.head
        elif root.dep_ == "npadvmod":
            governor = root.head
        elif root.dep_ == "compound" and root.head.lemma_.lower() in homes:
            governor = root.head  # "a Duluth native", "her Duluth hometown"
        elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in homes_of:
            governor = root.head.head  # "a native of Duluth", "her hometown of Duluth"
        elif (
            root.dep_ in {"appos", "conj"} and root.head.dep_ == "pobj" and root.head.i in places
            and not (root.head.head.lower_ == "of" and root.head.head.head.lemma_.lower() in titles)
        ):
            # "in Fujisawa, Kanagawa" (not "On Feb. 12, Abraham Lincoln, ... was born in", nor
            # "the mayor of Spokane, Vidal, said": the name after a post's place holds the post)
            governor = root.head.head.head
        if governor is not None and governor.lemma_.lower() in locative | homes and weak:
            mention = _as_place(mention)
        elif (
            weak and len(span) == 1 and root.dep_ == "pobj" and root.head.lower_ in {"in", "of"}
            and root.head.head.i in bodies and root.head.i == root.head.head.i + 1
        ):
            mention = _as_place(mention)  # "Kestrel Milling Co. in Bellport", "Orbitel Supply Co. of Tacoma"
        elif weak and (is_seat(span, ontology) or peer_place(span, ontology)):
            mention = _as_place(mention)  # "Lord Vance of Bellport", "the MP for Bellport North"
        elif weak and root.dep_ == "pobj" and span.start == root.head.i + 1 and _hometown_after_age(root.head, found):
            mention = _as_place(mention)  # "Anders Holm, 41, of Tacoma"
        elif weak and (mention.label != "PERSON" or len(span) == 1) and _office_of(root, ontology):
            mention = _as_place(mention)  # "the mayor of Lyon", "the governor of Kellshire": a town's, a region's
        elif weak and mention.label != "PERSON" and _place_evidence(root, ontology):
            # (a person has a home state and a street too: "Lena Berg's home state")
            mention = _as_place(mention)
        out.append((mention, span))
    return out


def _places_in_chains(
    out: list[tuple[Mention, Span]], ontology: Ontology, titles: frozenset[str]
) -> list[tuple[Mention, Span]]:
    """The mentions, in place, with the names of a "Place, Name" or "Name, Place" pair that closes a phrase
    made places ("Fujisawa, Kanagawa", "Camp Orlen, Idaho;")."""
    for k in range(1, len(out)):
        (previous, prev_span), (mention, span) = out[k - 1], out[k]
        doc = span.doc
        if not (
            span.start == prev_span.end + 1
            and doc[prev_span.end].text == ","
            and (span.end == len(doc) or doc[span.end].is_punct or doc[span.end].is_space)
        ):
            continue  # not "<name>, <name>" closing a phrase
        holder = prev_span.root.head.head if prev_span.root.dep_ == "pobj" else None
        if (
            ontology.is_a(previous.type, "Place")
            and _weak(mention, span, ontology)
            and not (mention.label == "PERSON" and len(span) > 1)  # "of Corvania, Mr. Tomas Vidal"
            # "the mayor of Spokane, Vidal, said": the name after the post's place holds the post
            and not (holder is not None and holder.lemma_.lower() in titles)
        ):
            out[k] = (_as_place(mention), span)  # "Fujisawa, Kanagawa"
        elif (
            ontology.is_a(mention.type, "Place")
            and _weak(previous, prev_span, ontology)
            and previous.label != "PERSON"
        ):
            # "Camp Orlen, Idaho;" (not a person: "Vidal, Tacoma;" on a team sheet)
            out[k - 1] = (_as_place(previous), prev_span)
    return out
