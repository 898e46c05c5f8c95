"""In-document coreference (kgraph.extract.coref): aliases, surnames, pronouns, descriptions."""

from __future__ import annotations

from kgraph.extract.coref import link_mentions
from kgraph.models import Mention


def _links(nlp, ontology, text):  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = nlp(text)
    mentions = find_mentions(doc, ontology)
    return {m.text + f"@{m.start}": links.text for m, links in link_mentions(doc, mentions, ontology).items()}


def test_coref_in_document_aliases(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    text = ("Maria Lopez runs Eastgate Science Park (EastPark) in Bergen. "
            "Lopez said EastPark will grow. She also said the park has 40 tenants.")
    links = _links(nlp, ontology, text)
    lopez = text.index("Lopez said")
    assert links[f"Lopez@{lopez}"] == "Maria Lopez"
    assert links[f"EastPark@{text.index('EastPark will')}"] == "Eastgate Science Park"
    assert links[f"the park@{text.index('the park')}"] == "Eastgate Science Park"


def test_coref_dateline_agency_is_no_alias_of_the_place(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    # "(AP)" after a place is the wire agency, not an abbreviation of the place
    text = "BERGEN, Norway (AP) _ Maria Lopez opened a park on Monday."
    links = _links(nlp, ontology, text)
    assert links[f"AP@{text.index('AP')}"] == "AP"


def test_coref_bracketed_remark_is_no_alias(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    text = "Ms. Berg first worked at Corvane Data (acquired by Kestrel Systems) and then moved to Kestrel Systems."
    links = _links(nlp, ontology, text)
    assert links[f"Corvane Data@{text.index('Corvane Data')}"] == "Corvane Data"


def test_coref_a_year_in_brackets_is_no_alias(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    text = "Orbitel Corp. (1994) and Kestrel Inc. (1994) were founded long ago. Kestrel Inc. bought Orbitel Corp."
    links = _links(nlp, ontology, text)
    assert links[f"Kestrel Inc.@{text.index('Kestrel Inc.')}"] == "Kestrel Inc."
    assert links[f"Orbitel Corp.@{text.index('Orbitel Corp.')}"] == "Orbitel Corp."


def test_coref_unclear_pronoun_is_left_alone(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    text = "Maria Lopez met Anna Weber in Oslo. She said the talks went well."
    links = _links(nlp, ontology, text)
    assert f"She@{text.index('She')}" not in links


def test_coref_pronoun_agrees_with_a_known_gender(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    # "his" makes Tomas Vidal a man; "Ms." makes Lena Berg a woman: "her" can only be Ms. Berg
    text = ("Tomas Vidal, 10, vanished on a hunt with his father near Tacoma. "
            "Ms. Berg, then 19, vanished while cycling near her home in Spokane.")
    links = _links(nlp, ontology, text)
    assert links[f"his@{text.index('his')}"] == "Tomas Vidal"
    assert links[f"her@{text.index(' her ') + 1}"] == "Ms. Berg"



def test_coref_representative_has_the_majority_type() -> None:
    from kgraph.extract.coref import _Cluster

    # a headline's "Norland" taken for an event must not retype the country the article names ten times
    first = Mention(14, 21, "Norland", "Event", "EVENT")
    rest = [Mention(100 + 50 * i, 107 + 50 * i, "Norland", "Place", "GPE") for i in range(3)]
    cluster = _Cluster(mentions=[first, *rest])
    chosen = cluster.representative()
    assert chosen.type == "Place" and chosen is rest[0]


def test_coref_it_continues_the_previous_subject(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    text = "In 2000, Kestrel Bank acquired Corvane Bank. It also acquired Orbitel Corporation."
    assert _links(nlp, ontology, text).get(f"It@{text.index('It')}") == "Kestrel Bank"
    # the first subject of the sentence before is no name: "It" is the delegation, left alone
    text = "A delegation of firms visited Kestrel Bank, the Oslo Times reported. It was led by Lena Berg."
    assert f"It@{text.index('It')}" not in _links(nlp, ontology, text)


