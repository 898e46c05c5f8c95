"""In-document coreference (kgraph.extract.coref): aliases, surnames, pronouns, possessives, descriptions."""

from __future__ import annotations

import pytest

from kgraph.extract.coref import link_mentions
from kgraph.models import Mention


def _linked(doc, ontology):  # type: ignore[no-untyped-def]
    """Each mention of a parsed document -> the mention it refers to (its cluster's representative)."""
    from kgraph.extract.mentions import find_mentions

    return link_mentions(doc, find_mentions(doc, ontology), ontology)


def _links_of(doc, ontology):  # type: ignore[no-untyped-def]
    """ "text@start" of each mention -> its representative's text."""
    return {f"{m.text}@{m.start}": rep.text for m, rep in _linked(doc, ontology).items()}


def _links(nlp, ontology, text):  # type: ignore[no-untyped-def]
    return _links_of(nlp(text), ontology)


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
    for text in ("Tomas Vidal spent the summer on his uncle's farm near Tacoma. "
                 "Ms. Berg, a neighbour, wrote to her sister in Spokane.",
                 "Tomas Vidal thanked Ms. Berg, who had lent him her car."):
        links = _links(nlp, ontology, text)
        male = "his" if " his " in text else "him"
        assert links[f"{male}@{text.index(' ' + male + ' ') + 1}"] == "Tomas Vidal"
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
    for text in ("Kestrel Bank bought Corvane Bank in 2000. It later bought Orbitel Corporation too.",
                 "After a weak year, Kestrel Bank sold Corvane Bank. It also closed its office in Oslo."):
        assert _links(nlp, ontology, text).get(f"It@{text.index('It')}") == "Kestrel Bank"
    # the first subject of the sentence before is no name: "It" is the group, left alone
    for text in ("A group of investors met Kestrel Bank, the Oslo Times reported. It was led by Lena Berg.",
                 "A panel of judges visited Kestrel Bank last week, according to the Oslo Times. "
                 "It was chaired by Lena Berg."):
        assert f"It@{text.index('It')}" not in _links(nlp, ontology, text)

@pytest.mark.parametrize(
    "text, pronoun, expected",
    [
        # other organisations and people come first in the article; the sentence still leaves one reading
        ("Baltic Foods opened a shop in Riga. Sigma Motors said it would buy Ferro Parts.", "it", "Sigma Motors"),
        ("Halden Bank and Kestrel Bank met in Oslo. "
         "Halden Bank confirmed the talks and said it had bought Corvane Labs.",
         "it", "Halden Bank"),
        ("Anna Weber met Tomas Vidal in Bergen. Lena Berg said on Monday that she had joined Kestrel Bank.",
         "she", "Lena Berg"),
        ("Tomas Vidal visited the plant. Marek Nowak, the union's spokesman, admitted he had misled members.",
         "he", "Marek Nowak"),
    ],
)
def test_coref_reported_clause_takes_the_reporter(nlp, ontology, text, pronoun, expected) -> None:  # type: ignore[no-untyped-def]
    position = text.rindex(f" {pronoun} ") + 1
    assert _links(nlp, ontology, text).get(f"{pronoun}@{position}") == expected


@pytest.mark.parametrize(
    "text, pronoun",
    [
        # the verb has another party the pronoun could stand for
        ("Baltic Foods opened a shop in Riga. Sigma Motors told Ferro Parts it would buy Kestrel Bank.", "it"),
        # direct speech: the speaker says "I", so "he" is somebody else
        ('Tomas Vidal won the vote. Marek Nowak said: "He will lead Kestrel Bank well."', "He"),
        ('Tomas Vidal won the vote. Marek Nowak said "he will lead Kestrel Bank well".', "he"),
        # an "it" that stands for the clause after it
        ("Halden Bank and Kestrel Bank met in Oslo. Halden Bank said it was important to keep talking.", "it"),
    ],
)
def test_coref_left_alone_where_the_sentence_leaves_two_readings(nlp, ontology, text, pronoun) -> None:  # type: ignore[no-untyped-def]
    position = text.rindex(f"{pronoun} ")
    assert f"{pronoun}@{position}" not in _links(nlp, ontology, text)


def test_coref_reported_clause_keeps_the_relation(extract_text) -> None:  # type: ignore[no-untyped-def]
    text = "Baltic Foods opened a shop in Riga. Sigma Motors said it would buy Ferro Parts."
    assert ("Sigma Motors", "agreedToAcquire", "Ferro Parts") in extract_text(text)
    text = "Anna Weber met Tomas Vidal in Bergen. Lena Berg said she had joined Kestrel Bank as a lawyer."
    assert ("Lena Berg", "worksFor", "Kestrel Bank") in extract_text(text)


def test_coref_a_name_without_its_middle_names_is_the_same_person(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    text = ("Sir Edmund Charles Hale, who ran the port of Bergen for a decade, has died. "
            "Edmund Hale was 79. Hale is survived by two daughters.")
    links = _links(nlp, ontology, text)
    assert links[f"Edmund Hale@{text.index('Edmund Hale')}"] == "Sir Edmund Charles Hale"
    # the surname fits both names, which are one person's: it is linked, not left as a third node
    assert links[f"Hale@{text.index('Hale is')}"] == "Sir Edmund Charles Hale"


def test_coref_names_of_other_kinds_keep_their_middle_words(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    text = "The Kestrel Farmers Union met the Kestrel Union in Bergen. The Kestrel Union said the talks went well."
    links = _links(nlp, ontology, text)
    assert links[f"Kestrel Union@{text.index('Kestrel Union')}"] == "Kestrel Union"


def test_coref_a_name_described_as_a_company_is_no_surname(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Brandt, a ferry company based in Kiel, cut 300 jobs last year. Karl Brandt, the founder's grandson, "
        "now chairs its board. Brandt expects a profit in 2025.",
        "Brandt is a ferry company based in Kiel. Its board is chaired by Karl Brandt. "
        "Brandt expects a profit in 2025.",
    ):
        links = _links(nlp, ontology, text)
        assert links[f"Brandt@{text.rindex('Brandt expects')}"] == "Brandt"
    # without a description, a surname still joins the person's full name
    text = "Peter Lindqvist chairs the Bergen Rowing Club. Lindqvist said the club would build a new boathouse."
    links = _links(nlp, ontology, text)
    assert links[f"Lindqvist@{text.index('Lindqvist said')}"] == "Peter Lindqvist"


def test_coref_agreement_between_resolves_the_description(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(
        "Eastgate Science Park is the largest biotech cluster in Norway. "
        "Ten startups joined the park under an agreement signed between the cluster and the Ministry of Trade."
    )
    pair = {("Eastgate Science Park", "hasAgreementWith", "Ministry of Trade"),
            ("Ministry of Trade", "hasAgreementWith", "Eastgate Science Park")}
    assert pair & found, found


def test_coref_a_knight_named_by_his_given_name_is_the_full_name(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    text = "Sir Edmund Hale opened the new harbour in Bergen on Monday. Sir Edmund said the work had taken six years."
    links = _links(nlp, ontology, text)
    assert links[f"Sir Edmund@{text.rindex('Sir Edmund')}"] == "Sir Edmund Hale"
    # two knights of that given name: "Sir Edmund" could be either, so it is left alone
    text = ("Sir Edmund Hale and Sir Edmund Crane opened the new harbour in Bergen on Monday. "
            "Sir Edmund said the work had taken six years.")
    links = _links(nlp, ontology, text)
    assert links[f"Sir Edmund@{text.rindex('Sir Edmund')}"] == "Sir Edmund"


_LINDQVIST = [(0, 2, "PERSON"), (7, 8, "GPE"), (9, 10, "ORG")]  # "Per Lindqvist", "Bergen", "Lindqvist" (an ORG)


@pytest.mark.parametrize(("said", "word"), [("the carmaker would hire 200 people", "the carmaker"),
                                            ("its vans would be electric", "its")])
def test_coref_a_company_word_never_joins_a_person(parse_with_ents, ontology, said, word) -> None:  # type: ignore[no-untyped-def]
    # the NER calls the bare surname an organisation; it still joins the person (his own article), but
    # a description of a company, or "its", does not follow it into the person
    text = f"Per Lindqvist runs a van plant in Bergen. Lindqvist said {said}."
    links = _links_of(parse_with_ents(text, _LINDQVIST), ontology)
    assert links[f"Lindqvist@{text.index('Lindqvist said')}"] == "Per Lindqvist"
    assert f"{word}@{text.rindex(word)}" not in links, links


def test_coref_a_company_word_joins_a_company_and_he_the_person(parse_with_ents, ontology) -> None:  # type: ignore[no-untyped-def]
    text = "Per Lindqvist runs a van plant in Bergen. Lindqvist said he would hire 200 people."
    links = _links_of(parse_with_ents(text, _LINDQVIST), ontology)
    assert links[f"he@{text.index('he would')}"] == "Per Lindqvist"
    text = "Lindqvist Vans runs a van plant in Bergen. Its chairman said the carmaker would hire 200 people."
    links = _links_of(parse_with_ents(text, [(0, 2, "ORG"), (7, 8, "GPE")]), ontology)
    assert links[f"the carmaker@{text.index('the carmaker')}"] == "Lindqvist Vans"


def test_coref_a_country_named_by_an_adjective_is_no_antecedent(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    # "Danish" gives the group a country (basedIn Denmark) but names no country "the country" can go back to
    adjective = ("Danish shipping group Corvane agreed to buy Halden Ports on Monday. "
                 "Halden Ports is the country's largest port operator.")
    links = _links(nlp, ontology, adjective)
    assert f"the country@{adjective.index('the country')}" not in links
    # a country named in full is one
    named = ("Corvane agreed to buy Halden Ports on Monday, officials in Denmark said. "
             "Halden Ports is the country's largest port operator.")
    assert _links(nlp, ontology, named)[f"the country@{named.index('the country')}"] == "Denmark"


def test_coref_a_name_its_context_calls_a_firm_is_one(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    # the stock NER reads "Vostrov" as a person; "oil firm Vostrov" says it is a company, so the
    # cluster is one ("its" goes back to it) and its representative is typed an organisation
    text = ("Russian oil firm Vostrov lied to the court. Vostrov said the debts had grown. "
            "Vostrov told reporters its case was strong.")
    doc = nlp(text)
    links = _linked(doc, ontology)
    its = next(m for m in links if m.text == "its")
    assert links[its].text == "Vostrov" and links[its].type == "Organization"
    assert {rep.type for m, rep in links.items() if m.text == "Vostrov"} == {"Organization"}
    # a person's mark keeps the NER's person: "Mr Vostrov" is a man, and "its" is not him
    text = ("Russian oil firm Vostrov lied to the court, Mr Vostrov said. Vostrov said its debts had grown.")
    doc = nlp(text)
    links = _linked(doc, ontology)
    assert "Mr Vostrov" in {rep.text for rep in links.values()}
    assert all(rep.text != "Mr Vostrov" for m, rep in links.items() if m.text == "its")


@pytest.mark.parametrize(("name", "expected"), [("Corvane", "Organization"), ("Estonia", "Place")])
def test_coref_a_place_its_context_calls_a_firm_is_one(  # type: ignore[no-untyped-def]
    nlp, ontology, parse_with_ents, name, expected
) -> None:
    # the NER reads a bare airline's name as a place each time; "Italian airline X" says it is a company,
    # so its representative is typed an organisation; a country's name stays the country
    text = f"{name} lost money in 2003. Italian airline {name} is receiving state aid. {name} denies it."
    starts = [i for i, t in enumerate(nlp(text)) if t.text == name]
    doc = parse_with_ents(text, [(i, i + 1, "GPE") for i in starts])
    links = _linked(doc, ontology)
    assert {rep.type for m, rep in links.items() if m.text == name} == {expected}


def test_coref_its_after_a_name_and_a_comma_is_that_name(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    # two companies in the window: "X, its chief executive Y" lists X and X's chief, so "its" is X
    text = ("Halden Group sold Corvane Labs in May. The regulator began proceedings against Corvane Labs, "
            "its chief executive Tom Dahl and two others.")
    doc = nlp(text)
    links = _linked(doc, ontology)
    its = next(m for m in links if m.text == "its")
    assert links[its].text == "Corvane Labs"
    # without the comma's name before it, two companies leave "its" unresolved
    text = ("Halden Group sold Corvane Labs in May. The regulator said its chief executive Tom Dahl had left.")
    doc = nlp(text)
    links = _linked(doc, ontology)
    assert all(m.text != "its" for m in links)


def test_coref_the_agency_is_a_public_body_named_so(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    # "agency" describes firms too, yet "the agency" still goes back to a public body's name
    doc = nlp("The Norland Environment Agency fined the plant. The agency said it would act.")
    links = _linked(doc, ontology)
    agency = next(m for m in links if m.text == "The agency")
    assert links[agency].text == "Norland Environment Agency" and links[agency].type == "GovernmentBody"


def test_coref_possessive_after_and_is_the_name_before(nlp, ontology, extract_text) -> None:  # type: ignore[no-untyped-def]
    # "Corvane Mining and its former owner": "its" is the firm joined to its noun, not the sentence's other firm
    text = "Kestrel Holdings said Corvane Mining and its former owner Tomas Vidal had settled."
    assert _links(nlp, ontology, text)[f"its@{text.index('its')}"] == "Corvane Mining"
    assert ("Tomas Vidal", "investedIn", "Corvane Mining") in extract_text(text)
    # "his" the same way, for a person
    text = "Anna Weber met Lena Berg. Tomas Vidal and his wife were there too."
    assert _links(nlp, ontology, text)[f"his@{text.index('his')}"] == "Tomas Vidal"


def test_coref_possessive_after_a_name_of_another_kind_is_left_alone(nlp, ontology, extract_text) -> None:  # type: ignore[no-untyped-def]
    # the NER takes "Halvorsen" for a person: "its" is still Halvorsen's, never the firm named before
    text = "The court fined Kestrel Bank on Monday. Halvorsen and its former owner Tomas Vidal denied wrongdoing."
    assert f"its@{text.index('its')}" not in _links(nlp, ontology, text)
    assert not any(p == "investedIn" for _, p, _ in extract_text(text))


def test_coref_description_with_a_country_links_to_its_firm(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    text = "Kestrel Telecom raised its forecast. Shares in the Dutch group rose 5%."
    links = _links(nlp, ontology, text)
    assert links[f"the Dutch group@{text.index('the Dutch')}"] == "Kestrel Telecom"
    assert links[f"Netherlands@{text.index('Dutch')}"] == "Netherlands"  # the adjective is the country's own mention


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the relative clause's name is the object of the pronoun's verb, so "it" is the other firm
        ("Halden Bank will close Corvane Labs, which it bought in 2003.", ("Halden Bank", "acquired", "Corvane Labs")),
        ("Halden Bank hopes to profit from Corvane Labs, which it bought in 2003.",
         ("Halden Bank", "acquired", "Corvane Labs")),
    ],
)
def test_coref_a_pronoun_is_no_other_argument_of_its_verb(extract_text, text, expected) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found


def test_coref_two_firms_outside_the_pronouns_clause_still_leave_it_alone(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    # neither firm is an argument of "bought": two readings remain
    text = "Halden Bank met Corvane Labs in Oslo. Analysts said it bought Vellan Ltd. in 2003."
    assert f"it@{text.index(' it ') + 1}" not in _links(nlp, ontology, text)
