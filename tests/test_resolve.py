from __future__ import annotations

from kgraph.models import Article, Extraction, Mention
from kgraph.resolve import link_mentions, name_key, resolve_entities


def test_resolve_name_key_normalises() -> None:
    assert name_key("Ministry of SMEs and Startups") == name_key("Ministry of SME & Startups")
    assert name_key("the Acme Corp.") == name_key("Acme")
    assert name_key("Dr. Shinya Yamanaka", person=True) == "shinya yamanaka"


def _links(nlp, ontology, text):  # type: ignore[no-untyped-def]
    from kgraph.extract.rules import find_mentions

    doc = nlp(text)
    mentions = find_mentions(doc, ontology)
    return {m.text + f"@{m.start}": links.text for m, links in link_mentions(doc, mentions, ontology).items()}


def test_resolve_in_document_aliases(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    text = ("Maria Lopez runs Eastgate Science Park (EastPark) in Bergen. "
            "Lopez said EastPark will grow. She also said the park has 40 tenants.")
    links = _links(nlp, ontology, text)
    lopez = text.index("Lopez said")
    assert links[f"Lopez@{lopez}"] == "Maria Lopez"
    assert links[f"EastPark@{text.index('EastPark will')}"] == "Eastgate Science Park"
    assert links[f"the park@{text.index('the park')}"] == "Eastgate Science Park"


def test_resolve_dateline_agency_is_no_alias_of_the_place(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    # "(AP)" after a place is the wire agency, not an abbreviation of the place
    text = "BERGEN, Norway (AP) _ Maria Lopez opened a park on Monday."
    links = _links(nlp, ontology, text)
    assert links[f"AP@{text.index('AP')}"] == "AP"


def test_resolve_bracketed_remark_is_no_alias(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    text = "Ms. Berg first worked at Corvane Data (acquired by Kestrel Systems) and then moved to Kestrel Systems."
    links = _links(nlp, ontology, text)
    assert links[f"Corvane Data@{text.index('Corvane Data')}"] == "Corvane Data"


def test_resolve_a_year_in_brackets_is_no_alias(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    text = "Orbitel Corp. (1994) and Kestrel Inc. (1994) were founded long ago. Kestrel Inc. bought Orbitel Corp."
    links = _links(nlp, ontology, text)
    assert links[f"Kestrel Inc.@{text.index('Kestrel Inc.')}"] == "Kestrel Inc."
    assert links[f"Orbitel Corp.@{text.index('Orbitel Corp.')}"] == "Orbitel Corp."


def test_resolve_unclear_pronoun_is_left_alone(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    text = "Maria Lopez met Anna Weber in Oslo. She said the talks went well."
    links = _links(nlp, ontology, text)
    assert f"She@{text.index('She')}" not in links


def test_resolve_pronoun_agrees_with_a_known_gender(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    # "his" makes Tomas Vidal a man; "Ms." makes Lena Berg a woman: "her" can only be Ms. Berg
    for text in ("Tomas Vidal spent the summer on his uncle's farm near Tacoma. "
                 "Ms. Berg, a neighbour, wrote to her sister in Spokane.",
                 "Tomas Vidal thanked Ms. Berg, who had lent him her car."):
        links = _links(nlp, ontology, text)
        male = "his" if " his " in text else "him"
        assert links[f"{male}@{text.index(' ' + male + ' ') + 1}"] == "Tomas Vidal"
        assert links[f"her@{text.index(' her ') + 1}"] == "Ms. Berg"


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


def test_resolve_representative_has_the_majority_type() -> None:
    from kgraph.resolve import _Cluster

    # a headline's "Norland" taken for an event must not retype the country the article names ten times
    first = Mention(14, 21, "Norland", "Event", "EVENT")
    rest = [Mention(100 + 50 * i, 107 + 50 * i, "Norland", "Place", "GPE") for i in range(3)]
    cluster = _Cluster(mentions=[first, *rest])
    chosen = cluster.representative()
    assert chosen.type == "Place" and chosen is rest[0]


def test_resolve_it_continues_the_previous_subject(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    for text in ("Kestrel Bank bought Corvane Bank in 2000. It later bought Orbitel Corporation too.",
                 "After a weak year, Kestrel Bank sold Corvane Bank. It also closed its office in Oslo."):
        assert _links(nlp, ontology, text).get(f"It@{text.index('It')}") == "Kestrel Bank"
    # the first subject of the sentence before is no name: "It" is the group, left alone
    for text in ("A group of investors met Kestrel Bank, the Oslo Times reported. It was led by Lena Berg.",
                 "A panel of judges visited Kestrel Bank last week, according to the Oslo Times. "
                 "It was chaired by Lena Berg."):
        assert f"It@{text.index('It')}" not in _links(nlp, ontology, text)



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
