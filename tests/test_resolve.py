from __future__ import annotations

import pytest

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


def _named(doc_id: str, name: str, cls: str, label: str, *descriptions: tuple[str, str]) -> Extraction:
    """An extraction of one name (typed ``cls`` from the NER ``label``) and the descriptions
    coreference linked to it ("the company", "the town")."""
    name_mention = Mention(0, len(name), name, cls, label)
    mentions, pos = [name_mention], len(name) + 1
    for text, described in descriptions:
        mentions.append(Mention(pos, pos + len(text), text, described, "description"))
        pos += len(text) + 1
    return Extraction(article=Article(id=doc_id, text="", source=doc_id), mentions=mentions,
                      links={m: name_mention for m in mentions})


def _things(result, name: str) -> list[tuple[str, list[str]]]:  # type: ignore[no-untyped-def]
    return sorted((e.type, sorted(result.documents[k])) for k, e in result.entities.items() if e.label == name)


def test_resolve_one_name_described_as_two_kinds_is_two_things(ontology) -> None:  # type: ignore[no-untyped-def]
    # "Halden said the company would ..." in one article, "... Halden, where the town ..." in another:
    # the NER calls both an organisation; the descriptions say one is a company, the other a town
    company = _named("a", "Halden", "Organization", "ORG", ("the company", "Organization"))
    town = _named("b", "Halden", "Organization", "ORG", ("the town", "Place"), ("the town", "Place"))
    result = resolve_entities([company, town], ontology)
    assert _things(result, "Halden") == [("Organization", ["a"]), ("Place", ["b"])]
    # an article with the NER's word only joins the thing of its NER type
    noise = _named("c", "Halden", "Place", "GPE")
    result = resolve_entities([company, town, noise], ontology)
    assert _things(result, "Halden") == [("Organization", ["a"]), ("Place", ["b", "c"])]


def test_resolve_the_ners_noise_on_one_name_still_merges(ontology) -> None:  # type: ignore[no-untyped-def]
    # one article types the company a place (no description): still one company
    company = _named("a", "Vexa", "Organization", "ORG", ("the company", "Organization"))
    noise = _named("b", "Vexa", "Place", "GPE")
    result = resolve_entities([company, noise, _named("c", "Vexa", "Organization", "ORG")], ontology)
    assert _things(result, "Vexa") == [("Organization", ["a", "b", "c"])]
    # a cluster described as both is no evidence of either: one thing again
    mixed = _named("d", "Vexa", "Place", "GPE", ("the town", "Place"), ("the company", "Organization"))
    result = resolve_entities([company, mixed], ontology)
    assert len(_things(result, "Vexa")) == 1


def test_resolve_a_company_named_like_a_surname_is_no_person(ontology) -> None:  # type: ignore[no-untyped-def]
    # "Lindqvist, the carmaker" in one article; "Per Lindqvist" (and his bare surname) in another
    company = _named("a", "Lindqvist", "Organization", "ORG", ("the carmaker", "Organization"))
    person = _extraction("b", ("Per Lindqvist", "Person"), ("Lindqvist", "Person"))
    person.links[person.mentions[1]] = person.mentions[0]
    result = resolve_entities([company, person], ontology)
    assert _things(result, "Lindqvist") == [("Organization", ["a"])]
    assert _things(result, "Per Lindqvist") == [("Person", ["b"])]
    # in his own article the NER took his bare surname for a company: it still joins him, and he
    # (one name of each kind) stays a person, apart from the company
    person = _extraction("b", ("Per Lindqvist", "Person"), ("Lindqvist", "Organization"))
    person.links[person.mentions[1]] = person.mentions[0]
    result = resolve_entities([company, person], ontology)
    assert _things(result, "Lindqvist") == [("Organization", ["a"])]
    assert _things(result, "Per Lindqvist") == [("Person", ["b"])]
    per = next(k for k, e in result.entities.items() if e.label == "Per Lindqvist")
    assert result.mention_count[per] == 2
    # even where the NER's word outnumbers the person's (his surname an organisation three times)
    person = _extraction("b", ("Per Lindqvist", "Person"), *[("Lindqvist", "Organization")] * 3)
    person.links.update({m: person.mentions[0] for m in person.mentions})
    result = resolve_entities([company, person], ontology)
    assert _things(result, "Lindqvist") == [("Organization", ["a"])]
    assert _things(result, "Per Lindqvist") == [("Person", ["b"])]


def test_resolve_articles_of_our_own_keep_a_company_and_a_town_apart(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.coref import link_mentions
    from kgraph.extract.mentions import find_mentions

    def extraction(doc_id: str, text: str) -> Extraction:
        doc = nlp(text)
        mentions = find_mentions(doc, ontology)
        return Extraction(article=Article(id=doc_id, text=text, source=doc_id), mentions=[m for m, _ in mentions],
                          links=link_mentions(doc, mentions, ontology))

    company = extraction("a", "Halden, the Norwegian paper company, said on Tuesday it would cut 300 jobs. "
                              "The company blamed weak demand for newsprint in Europe.")
    town = extraction("b", "River water flooded the streets of Halden on Sunday. "
                           "The town, which lies near the Swedish border, asked the army for help.")
    result = resolve_entities([company, town], ontology)
    assert _things(result, "Halden") == [("Organization", ["a"]), ("Place", ["b"])]


def test_resolve_a_name_used_for_one_thing_keeps_its_odd_description(ontology) -> None:  # type: ignore[no-untyped-def]
    # "Norland" is a country in eleven articles (one says "the country"); one article's "the team"
    # is the country's side, not a second thing of its name
    country = [_named(f"c{n}", "Norland", "Place", "GPE") for n in range(10)]
    described = _named("d", "Norland", "Place", "GPE", ("the country", "Place"))
    team = _named("t", "Norland", "Organization", "ORG", ("the team", "Organization"))
    result = resolve_entities([*country, described, team], ontology)
    assert [kind for kind, _ in _things(result, "Norland")] == ["Place"]
    # the same two descriptions in two articles of a name are two things
    result = resolve_entities([described, team], ontology)
    assert _things(result, "Norland") == [("Organization", ["t"]), ("Place", ["d"])]


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        # "Corvex" a person to the NER twice, "oil firm Corvex" once: the context outvotes the NER
        ("Person", "PERSON"),
        # "Corvex" a place to the NER twice, "Italian airline Corvex" once
        ("Place", "GPE"),
    ],
)
def test_resolve_a_firm_by_context_is_an_organisation(ontology, kind: str, label: str) -> None:  # type: ignore[no-untyped-def]
    mentions = [Mention(0, 6, "Corvex", kind, label), Mention(20, 26, "Corvex", kind, label),
                Mention(40, 46, "Corvex", "Organization", label)]
    rep = mentions[0]
    ex = Extraction(article=Article(id="a", text="", source="a"), mentions=mentions, links={m: rep for m in mentions})
    (entity,) = resolve_entities([ex], ontology).entities.values()
    assert entity.type == "Organization"
    # without the context the NER's type stands
    ex = Extraction(article=Article(id="b", text="", source="b"), mentions=mentions[:2],
                    links={m: rep for m in mentions[:2]})
    (entity,) = resolve_entities([ex], ontology).entities.values()
    assert entity.type == kind


def test_resolve_a_partys_plural_and_its_word_are_one_party(ontology) -> None:  # type: ignore[no-untyped-def]
    # "the Liberal Democrats" in one article, "Liberal Democrat MP X" in another; "the Tories" and "Tory MP Y"
    a = _extraction("a", ("Liberal Democrats", "Organization"), ("Tories", "Organization"))
    b = _extraction("b", ("Liberal Democrat", "Organization"), ("Tory", "Organization"),
                    ("Labour", "Organization"))
    result = resolve_entities([a, b], ontology)
    parties = {e.label: result.documents[k] for k, e in result.entities.items()}
    assert len(parties) == 3
    assert sum(docs == {"a", "b"} for docs in parties.values()) == 2
    assert parties["Labour"] == {"b"}


def test_resolve_one_partys_words_are_one_party(ontology) -> None:  # type: ignore[no-untyped-def]
    # kgx:ConservativePartyWord: "Tory" and "Conservative" name one party; "Labour" is another
    a = _extraction("a", ("Tory", "Organization"), ("Labour", "Organization"))
    b = _extraction("b", ("Conservatives", "Organization"), ("Liberal Democrat", "Organization"))
    result = resolve_entities([a, b], ontology)
    assert sorted(sorted(docs) for docs in result.documents.values()) == [["a"], ["a", "b"], ["b"]]


def test_resolve_keeps_a_plural_that_is_no_party_word(ontology) -> None:  # type: ignore[no-untyped-def]
    # the guard's other side: "Kestrel Farms" and "Kestrel Farm" are not brought together by the party rule
    a = _extraction("a", ("Kestrel Farms", "Organization"))
    b = _extraction("b", ("Kestrel Farm", "Organization"))
    assert len(resolve_entities([a, b], ontology).entities) == 2


def test_resolve_a_country_read_inside_a_name_is_its_own_node(ontology) -> None:  # type: ignore[no-untyped-def]
    # "British Harbour Council": the country read off its first word starts where the name starts
    council = Mention(0, 22, "British Harbour Council", "Organization", "ORG")
    country = Mention(0, 7, "UK", "Place", "adjective")
    ex = Extraction(article=Article(id="a", text="", source="a"), mentions=[council, country],
                    links={council: council, country: country})
    result = resolve_entities([ex], ontology)
    assert result.mention_entity[("a", council)] != result.mention_entity[("a", country)]
    assert sorted((e.label, e.type) for e in result.entities.values()) == [
        ("British Harbour Council", "Organization"), ("UK", "Place")]
    # the country written on its own elsewhere is the same node as the one read inside the name
    alone = Mention(30, 32, "UK", "Place", "GPE")
    ex2 = Extraction(article=Article(id="a", text="", source="a"), mentions=[council, country, alone],
                     links={council: council, country: country, alone: alone})
    result = resolve_entities([ex2], ontology)
    assert result.mention_entity[("a", country)] == result.mention_entity[("a", alone)]


def test_resolve_a_persons_label_leaves_out_a_public_office(ontology) -> None:  # type: ignore[no-untyped-def]
    a = _extraction("a", ("President Tomas Veller", "Person"), ("Prime Minister Ana Orsova", "Person"))
    b = _extraction("b", ("Tomas Veller", "Person"), ("Lord Brackley", "Person"))
    result = resolve_entities([a, b], ontology)
    labels = sorted(e.label for e in result.entities.values())
    # the office is no part of the name; the two documents' Vellers are one node
    assert labels == ["Ana Orsova", "Lord Brackley", "Tomas Veller"], labels
    veller = next(k for k, e in result.entities.items() if e.label == "Tomas Veller")
    assert sorted(result.documents[veller]) == ["a", "b"]
