from __future__ import annotations

from kgraph.models import Article, Extraction, Mention
from kgraph.resolve import resolve_entities


def _extraction(doc_id: str, *names: tuple[str, str]) -> Extraction:
    mentions, pos = [], 0
    for text, cls in names:
        mentions.append(Mention(pos, pos + len(text), text, cls, "PERSON" if cls == "Person" else "ORG"))
        pos += len(text) + 1
    return Extraction(article=Article(id=doc_id, text="", source=doc_id), mentions=mentions,
                      links={m: m for m in mentions})


def test_resolve_across_documents(ontology) -> None:  # type: ignore[no-untyped-def]
    a = _extraction("a", ("Ministry of SMEs and Startups", "GovernmentBody"), ("Lee", "Person"),
                    ("Central Park", "Organization"))
    b = _extraction("b", ("Ministry of SME and Startups", "GovernmentBody"), ("Lee", "Person"),
                    ("Lee Young", "Person"), ("Park", "Person"))
    result = resolve_entities([a, b], ontology)
    labels = sorted(e.label for e in result.entities.values())
    # one ministry; "Central Park" and the person "Park" stay apart; "Lee Young" is not merged with a bare "Lee"
    assert sum("Ministry" in label for label in labels) == 1
    assert "Central Park" in labels and "Park" in labels
    assert "Lee Young" in labels
    ministry = next(k for k, e in result.entities.items() if "Ministry" in e.label)
    assert result.documents[ministry] == {"a", "b"}
    assert result.mention_count[ministry] == 2


def _places(doc_id: str, *places: tuple[str, str | None]) -> Extraction:
    """An extraction of places, each written with its region ("<place>, <region>", a place chain) or bare."""
    from kgraph.models import RelationMention

    names = [(name, "Place") for place, region in places for name in (place, region) if name]
    ex = _extraction(doc_id, *names)
    mentions = iter(ex.mentions)
    for _, region in places:
        town = next(mentions)
        if region:
            chain = RelationMention(town, "locatedIn", next(mentions), 0.8, 0, 99, "", "locatedIn/PlaceChain")
            ex.relations.append(chain)
    return ex


def test_resolve_places_of_one_name_in_different_regions(ontology) -> None:  # type: ignore[no-untyped-def]
    result = resolve_entities(
        [_places("a", ("Springfield", "Ill."), ("Peoria", "Ill.")),
         _places("b", ("Springfield", "Mass."), ("Lowell", "Mass.")),
         _places("c", ("Springfield", None))],
        ontology,
    )
    labels = sorted(e.label for e in result.entities.values() if "Springfield" in e.label)
    # two towns, each labelled with its region; the bare name could be either, so it stays apart
    assert labels == ["Springfield", "Springfield, Ill.", "Springfield, Mass."], labels


def test_resolve_bare_place_joins_the_one_place_of_its_name(ontology) -> None:  # type: ignore[no-untyped-def]
    result = resolve_entities(
        [_places("a", ("Springfield", "Ill."), ("Peoria", "Ill.")), _places("c", ("Springfield", None))], ontology
    )
    town = [k for k, e in result.entities.items() if e.label == "Springfield"]
    assert len(town) == 1 and result.documents[town[0]] == {"a", "c"}, result.entities


def test_resolve_a_list_of_places_is_no_region(ontology) -> None:  # type: ignore[no-untyped-def]
    # "in Australia, Italy and ..." misread as a chain: a region of one place only, or a place that
    # is itself a region elsewhere, does not split a country
    result = resolve_entities(
        [_places("a", ("Australia", "Italy")), _places("b", ("Sydney", "Australia"), ("Perth", "Australia")),
         _places("c", ("Australia", "Jamaica"), ("Kingston", "Jamaica"))],
        ontology,
    )
    labels = sorted(e.label for e in result.entities.values() if "Australia" in e.label)
    assert labels == ["Australia"], labels
