"""kgraph.extract.relations: the patterns applied, their type checks, confidence and property chains."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maria Lopez, CEO of Brightwater Systems, spoke on Monday.",
         ("Maria Lopez", "ceoOf", "Brightwater Systems")),
        ("Brightwater Systems CEO Maria Lopez spoke on Monday.",
         ("Maria Lopez", "ceoOf", "Brightwater Systems")),
        ("Helix Therapeutics, a drug developer headquartered in Basel, hired 40 people.",
         ("Helix Therapeutics", "basedIn", "Basel")),
        ("Corvane Labs was acquired by Helix Therapeutics for 40 million euros.",
         ("Helix Therapeutics", "acquired", "Corvane Labs")),
        ("Samsung Biologics recently gained membership in the Helios Biotech Alliance.",
         ("Samsung Biologics", "memberOf", "Helios Biotech Alliance")),
        ("Nordwind Energy, a wind turbine maker, joined the Baltic Energy Alliance in May.",
         ("Nordwind Energy", "memberOf", "Baltic Energy Alliance")),
        ("Kestrel Air signed a supply agreement with Orbitel Networks.",
         ("Kestrel Air", "hasAgreementWith", "Orbitel Networks")),
        ("Larkfield University runs the Northern Clinical Trials Network.",
         ("Larkfield University", "operates", "Northern Clinical Trials Network")),
        ("Greta Lindqvist was born in Uppsala, where her father ran a bakery.",
         ("Greta Lindqvist", "livesIn", "Uppsala")),
        ("Anna Weber spoke at a forum held on the sidelines of Expo 2025.",
         ("Anna Weber", "participatedIn", "Expo 2025")),
        ("The Harbour Trade Fair 2023 at Portvik Exhibition Hall drew 9,000 visitors.",
         ("Harbour Trade Fair 2023", "heldAt", "Portvik Exhibition Hall")),
        ("Kara Lind moved back to her hometown of Bellport, Maine, after the war.",
         ("Kara Lind", "livesIn", "Bellport")),
        ("Mira Sandoval served on the Harrow County Council for a decade.",
         ("Mira Sandoval", "worksFor", "Harrow County Council")),
        ("Orbitel Networks' first chairman, Tomas Vidal, was born in Bellport.",
         ("Tomas Vidal", "livesIn", "Bellport")),
        ("Tomas Vidal, the first chairman of Orbitel Networks, was born in Bellport and later moved to Oslo.",
         ("Tomas Vidal", "livesIn", "Bellport")),
        ("Orbitel Networks opened a plant in Bellport, Greta Lindqvist's hometown, in May.",
         ("Greta Lindqvist", "livesIn", "Bellport")),
        ("Anna Weber was promoted to president of Brightwater Systems after ten years as its finance chief.",
         ("Anna Weber", "headOf", "Brightwater Systems")),
        ("Anna Weber, recently promoted to president of Brightwater Systems, opened the plant.",
         ("Anna Weber", "headOf", "Brightwater Systems")),
        ("Lena Berg, vice president of consumer products for Orbitel Networks, said so.",
         ("Lena Berg", "worksFor", "Orbitel Networks")),
        ("The minister will meet Baltic Fleet Commander Tomas Vidal on Monday.",
         ("Tomas Vidal", "headOf", "Baltic Fleet")),
        ("Tom Dahl, an analyst at the investment bank of Kestrel Capital, said so.",
         ("Tom Dahl", "worksFor", "Kestrel Capital")),
        ("Prior to joining Orbitel Networks, Ms. Berg worked for Kestrel Air.",
         ("Ms. Berg", "worksFor", "Orbitel Networks")),
        # "President" after the firm's name is its title, no part of the name, and states the post
        ("Orbitel Networks President Tomas Vidal said the deal was closed.",
         ("Tomas Vidal", "headOf", "Orbitel Networks")),
        # a person's seat on a council or board
        ("Lena Berg, who teaches law, has been a member of the Harrow County Council since 2019.",
         ("Lena Berg", "memberOf", "Harrow County Council")),
        ("Lena Berg, a member of the Harrow County Council, said so.",
         ("Lena Berg", "memberOf", "Harrow County Council")),
        ("Lena Berg, one of the three founders of Orbitel Networks, left the board in May.",
         ("Lena Berg", "founderOf", "Orbitel Networks")),
        # the agents of a joint act are its parties; a "memorandum of understanding" ends at "understanding"
        ("Kestrel Bank and Orbitel Corp. signed an agreement.", ("Kestrel Bank", "hasAgreementWith", "Orbitel Corp.")),
        ("Kestrel Bank, Vellan Ltd. and Orbitel Corp. signed an agreement.",
         ("Vellan Ltd.", "hasAgreementWith", "Orbitel Corp.")),
        ("Kestrel Bank signed a non-binding memorandum of understanding with Orbitel Corp.",
         ("Kestrel Bank", "hasAgreementWith", "Orbitel Corp.")),
        # a common noun before a name stands for the name: "Y-based lender X"
        ("He works for the Spokane-based lender Kestrel Bank.", ("Kestrel Bank", "basedIn", "Spokane")),
        # a club's name ends in "United", "Rovers", ...; a player scores or signs for it
        ("Tomas Vidal signed for Kestrel United in 2004.", ("Tomas Vidal", "worksFor", "Kestrel United")),
        # a place's own person comes from it
        ("Denmark's Lena Berg won the final on Sunday.", ("Lena Berg", "livesIn", "Denmark")),
        # a fronted participle: the clause's subject underwent it
        ("Born in Spokane, Lena Berg moved to Tacoma in 1990.", ("Lena Berg", "livesIn", "Spokane")),
        ("Based in Spokane, Kestrel Bank employs 300 people.", ("Kestrel Bank", "basedIn", "Spokane")),
        # the organisation hires: "Y hired X", "X was recruited by Y"
        ("Kestrel Bank hired Lena Berg in 2003.", ("Lena Berg", "worksFor", "Kestrel Bank")),
        ("Tomas Vidal was recruited by Kestrel Bank in May.", ("Tomas Vidal", "worksFor", "Kestrel Bank")),
        # a post given in a relative clause belongs to the name the clause is about
        ("Tomas Vidal, who is president of Orbitel Networks, resigned.",
         ("Tomas Vidal", "headOf", "Orbitel Networks")),
        ("Tomas Vidal, who was named chief executive of Kestrel Bank in May, resigned.",
         ("Tomas Vidal", "ceoOf", "Kestrel Bank")),
        # a verb coordinated inside a relative clause keeps the clause's name as its subject
        ("Lena Berg, who is a lawyer and works at Orbitel Networks, said so.",
         ("Lena Berg", "worksFor", "Orbitel Networks")),
        ("Lena Berg, who trained as a nurse and now works at Kellmore General Hospital, said so.",
         ("Lena Berg", "worksFor", "Kellmore General Hospital")),
        ("Mira Sandoval won the vote in her native Oregon on Saturday.",
         ("Mira Sandoval", "livesIn", "Oregon")),
        ("Mira Sandoval died on Monday at her home in Bellport.",
         ("Mira Sandoval", "livesIn", "Bellport")),
        ("Anna Berg runs the Harbour Maritime Museum in Bellport.",
         ("Anna Berg", "headOf", "Harbour Maritime Museum")),
        ("Tomas Vidal, a Democrat from Bellport who sat in Congress for a decade, will retire.",
         ("Tomas Vidal", "livesIn", "Bellport")),
        ("Tomas Vidal, a Democrat from Bellport, will retire.", ("Tomas Vidal", "livesIn", "Bellport")),
        # the noun a copula gives a name stands for it: "X is a company based in Y"
        ("Nordwind Systems Inc. is a software company based in Bellport.",
         ("Nordwind Systems Inc.", "basedIn", "Bellport")),
        ("Kestrel Data Ltd., which is incorporated in Scotland, makes payroll software.",
         ("Kestrel Data Ltd.", "basedIn", "Scotland")),
        ("Kestrel Data Ltd. was incorporated in Scotland.", ("Kestrel Data Ltd.", "basedIn", "Scotland")),
        ("Kestrel Services, an Ohio corporation, repairs farm machinery.", ("Kestrel Services", "basedIn", "Ohio")),
        ("Kestrel Services is an Ohio company that repairs farm machinery.", ("Kestrel Services", "basedIn", "Ohio")),
        # a seat on a company's board is a post in it
        ("Tom Dahl, a board member of Nordwind Group Holdings, voted for the sale.",
         ("Tom Dahl", "worksFor", "Nordwind Group Holdings")),
        ("Exhibit 10.4: Employment Agreement between Nordwind Gold Corp. and Tom Dahl, dated March 2, 2015.",
         ("Tom Dahl", "worksFor", "Nordwind Gold Corp.")),
        ("Corvane Limited, a firm organized in Ireland, licenses our software.",
         ("Corvane Limited", "basedIn", "Ireland")),
        ("The Harbour Center, a large arena in Bellport that we own, was sold.",
         ("Harbour Center", "locatedIn", "Bellport")),
        ("Tomas Vidal, the candidate of the Harbour Party, came third in the race for mayor.",
         ("Tomas Vidal", "memberOf", "Harbour Party")),
        ("Lena Berg, a longtime activist in the Green Harbour Party, organised the march.",
         ("Lena Berg", "memberOf", "Green Harbour Party")),
        # "president" parsed as a conjunct of the organisation rather than of the title
        ("Tomas Vidal, a chemist at Larkfield University and also president of the Harbour Society, "
         "opened the show.",
         ("Tomas Vidal", "headOf", "Harbour Society")),
        ("Anna Weber grew up in Bellport, south-west Oregon, and left at eighteen.",
         ("Bellport", "locatedIn", "Oregon")),
        ("Corvania, a small island nation in the Pacific Ocean, lives on fishing.",
         ("Corvania", "locatedIn", "Pacific Ocean")),
        ("Tom Dahl, an Oslo lawyer who advises Orbitel Networks, declined to comment.",
         ("Tom Dahl", "livesIn", "Oslo")),
        # a name that opens with a place named in the sentence, or with its adjective
        ("Two days after the storm hit Estonia, the Estonian Parliament met in emergency session.",
         ("Estonian Parliament", "basedIn", "Estonia")),
        ("The Oregon Department of Forestry said fires in Oregon had burned 400 acres.",
         ("Oregon Department of Forestry", "basedIn", "Oregon")),
        # the parser hangs the person on the organisation, which no person can be in apposition to
        ("Officials said the leader of the Northern Liberation Front, Anders Holm, known to friends as Bear, "
         "had been detained in a raid.",
         ("Anders Holm", "headOf", "Northern Liberation Front")),
        # where a person is based
        ("Lena Berg, a reporter based in Tacoma, said the storm had passed.", ("Lena Berg", "livesIn", "Tacoma")),
        # an organisation's possessive before a person: "Orbitel's Tomas Vidal" is one of its staff
        ("The rules are old, Orbitel's Tomas Vidal said.", ("Tomas Vidal", "worksFor", "Orbitel")),
    ],
)
def test_relations_find_relation(extract_text, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found


@pytest.mark.parametrize(
    "text", ["Tacoma champion Lena Berg was knocked out on Monday.",
             "The Oregon champion, Lena Berg, retired from tennis after the final."],
)
def test_relations_contest_title_names_no_home(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    # "Tacoma champion X": the place names the contest, not where X comes from
    found = extract_text(text)
    assert not any(p == "livesIn" for _, p, _ in found), found
    # the same any-noun pattern with a profession: "a Tacoma architect" lives there
    assert ("Lena Berg", "livesIn", "Tacoma") in extract_text("Tacoma architect Lena Berg designed the hall.")


def test_relations_people_of_a_party_are_members(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Lena Berg, of the Kestrel Party, said so.")
    assert found == {("Lena Berg", "memberOf", "Kestrel Party")}, found
    assert ("Tomas Vidal", "worksFor", "Kestrel Bank") in extract_text("Tomas Vidal, of Kestrel Bank, said so.")


@pytest.mark.parametrize(
    "text", ["Tomas Vidal appointed Kestrel Bank to advise on the sale.",
             "Lena Berg hired Kestrel Bank to sell her shares."],
)
def test_relations_person_who_hires_a_firm_does_not_work_for_it(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(p == "worksFor" for _, p, _ in found), found
    # the hiring pattern, the right way round: the organisation hires the person
    assert ("Lena Berg", "worksFor", "Kestrel Bank") in extract_text("Kestrel Bank hired Lena Berg in 2003.")


@pytest.mark.parametrize(
    ("text", "place"),
    [("Lena Berg, the mayor of Tacoma, opened the bridge.", "Tacoma"),
     ("Tomas Vidal, the governor of Oregon, signed the bill.", "Oregon")],
)
def test_relations_type_constraints(extract_text, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    # the head's pattern matches "the mayor of Tacoma", but headOf's range is an organisation, not a place;
    # and a person is no organisation to be based somewhere
    found = extract_text(text)
    assert not any(o == place and p in {"headOf", "basedIn"} for _, p, o in found), found
    assert any(o == place and p == "livesIn" for _, p, o in found), found  # the relation the types allow
    assert ("Lena Berg", "headOf", "Kestrel Bank") in extract_text("Lena Berg, the president of Kestrel Bank, spoke.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mara Quint, a soil chemist with Corvane Labs, said the yield doubled.",
         ("Mara Quint", "worksFor", "Corvane Labs")),
        ("Tobias Renner, a bus driver from Uppsala, said he was worried.",
         ("Tobias Renner", "livesIn", "Uppsala")),
    ],
)
def test_relations_any_noun_pattern(extract_text, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found


@pytest.mark.parametrize(
    "text", ["Kestrel Party member Lena Berg spoke at the rally.",
             "Lena Berg, a longtime member of the Kestrel Party, spoke at the rally."],
)
def test_relations_any_noun_leaves_owned_nouns_alone(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    # "member" is a memberOf trigger: the any-noun worksFor pattern must not read it as a post on the staff
    # (the old input, "Y, Norway's largest research facility", gave nothing with or without this guard)
    found = extract_text(text)
    assert ("Lena Berg", "memberOf", "Kestrel Party") in found, found
    assert not any(p == "worksFor" for _, p, _ in found), found
    # a noun no pattern owns is the wildcard's
    found = extract_text("Lena Berg, a driver for the Kestrel Party, spoke at the rally.")
    assert ("Lena Berg", "worksFor", "Kestrel Party") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The buyers were Kestrel Marine Inc. of Seattle and Orbitel Systems Ltd. of Glasgow.",
        "The contract went to Kestrel Marine Inc. of Seattle and Orbitel Systems Ltd. of Glasgow.",
    ],
)
def test_relations_attribute_conjuncts_keep_their_own_phrase(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Kestrel Marine Inc.", "basedIn", "Seattle") in found, found
    assert ("Orbitel Systems Ltd.", "basedIn", "Glasgow") in found, found
    assert ("Kestrel Marine Inc.", "basedIn", "Glasgow") not in found, found
    assert ("Orbitel Systems Ltd.", "basedIn", "Seattle") not in found, found


@pytest.mark.parametrize(
    "text",
    [
        # the parser hangs "of Leeds" on Tacoma, and the rule reads a name's phrase from the name only
        "The contract went to Kestrel Marine Inc. of Tacoma and Orbitel Systems Ltd. of Leeds.",
        # the small model tags no place in "of Bristol" (nor in "Kestrel Bank of Tacoma and ...")
        "He sued Harrowgate Corp. of Liverpool and Corvane Industries of Bristol for damages.",
    ],
)
@pytest.mark.xfail(strict=True, reason="the second company's place is not found (a misparse; an NER miss)")
def test_relations_attribute_conjuncts_second_place_gaps(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert any(p == "basedIn" and s in {"Orbitel Systems Ltd.", "Corvane Industries"} for s, p, _ in found), found


def test_relations_no_place_is_in_a_place_that_is_in_it(ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.relations import _drop_implied
    from kgraph.models import Mention, RelationMention

    town, region = Mention(0, 6, "Skovde", "Place", "GPE"), Mention(8, 14, "Sweden", "Place", "GPE")

    def rel(s: Mention, o: Mention, confidence: float) -> RelationMention:
        return RelationMention(s, "locatedIn", o, confidence, 0, 20, "Skovde, Sweden, plant")

    kept = _drop_implied([rel(town, region, 0.8), rel(region, town, 0.7)], ontology)
    assert [(r.subject.text, r.object.text) for r in kept] == [("Skovde", "Sweden")]
    kept = _drop_implied([rel(region, town, 0.7), rel(town, region, 0.7)], ontology)
    assert [(r.subject.text, r.object.text) for r in kept] == [("Skovde", "Sweden")]


def test_relations_work_verbs_with_for_or_at(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Tobias Renner has written for the Halden Times since 1981.")
    assert ("Tobias Renner", "worksFor", "Halden Times") in found, found


def test_relations_modifier_of_a_later_conjunct_is_its_alone(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("A merger of Kestrel Air and Oslo-based Orbitel Networks was announced on Monday.")
    assert ("Orbitel Networks", "basedIn", "Oslo") in found, found
    assert ("Kestrel Air", "basedIn", "Oslo") not in found, found
    # the modifier sits deeper in the later conjunct's phrase, before a common noun
    found = extract_text("Kellmore Trust and Norway-based shipping firm Orbitel Networks agreed to work together.")
    assert ("Orbitel Networks", "basedIn", "Norway") in found, found
    assert ("Kellmore Trust", "basedIn", "Norway") not in found, found


@pytest.mark.parametrize(
    "text", ["Norway, Sweden in fishing deal", "The wars in Iraq, Afghanistan and Syria cost billions."]
)
def test_relations_no_country_is_in_another(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(p == "locatedIn" for _, p, _ in found), found
    # a city in a country still is
    found = extract_text("Bergen, Norway in fishing deal")
    assert ("Bergen", "locatedIn", "Norway") in found, found


def test_relations_country_adjective_says_only_where_a_firm_is_based(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Shares in Swedish ferry operators Kellmore Lines International fell 4% on Monday.")
    assert ("Kellmore Lines International", "basedIn", "Sweden") in found, found
    assert not any(p != "basedIn" and o == "Sweden" for _, p, o in found), found


def test_relations_a_family_patriarch_holds_no_post(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Orbitel Networks patriarch Tomas Vidal said the plant would close.")
    assert not any(s == "Tomas Vidal" for s, _, _ in found), found
    found = extract_text("Orbitel Networks engineer Tomas Vidal said the plant would close.")
    assert ("Tomas Vidal", "worksFor", "Orbitel Networks") in found, found


def test_relations_list_of_places_pairs_each_with_its_own(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("The bank has branches in Lyon in France, Graz in Austria and Turku in Finland.")
    located = {(s, o) for s, p, o in found if p == "locatedIn"}
    assert {("Lyon", "France"), ("Graz", "Austria"), ("Turku", "Finland")} <= located, found
    assert len(located) == 3, found


def test_relations_possessive_in_a_list_is_its_names_alone(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Rivals include Norway's Kestrel Air, Orbitel Networks and Sweden's Nordwind Energy.")
    assert {("Kestrel Air", "basedIn", "Norway"), ("Nordwind Energy", "basedIn", "Sweden")} <= found, found
    assert not any(s == "Orbitel Networks" for s, _, _ in found), found
    assert not any(s == "Kestrel Air" and o == "Sweden" for s, _, o in found), found


def test_relations_any_noun_skips_its_exceptions(extract_text, ontology) -> None:  # type: ignore[no-untyped-def]
    star = extract_text("Lena Berg, star of Orbitel Networks, spoke at the festival on Monday.")
    assert not any(s == "Lena Berg" and p == "worksFor" for s, p, _ in star), star
    engineer = extract_text("Lena Berg, an engineer at Orbitel Networks, spoke at the festival on Monday.")
    assert ("Lena Berg", "worksFor", "Orbitel Networks") in engineer, engineer
    assert any("star" in p.exceptions for p in ontology.patterns if "*" in p.triggers)
    # "a Kellmore teenager" is of a place the NER took for an organisation, not on its staff
    teen = extract_text("Lena Berg, a Kellmore Systems teenager, spoke at the festival on Monday.")
    assert not any(p == "worksFor" for _, p, _ in teen), teen


def test_relations_clause_inside_a_list_is_its_names_alone(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Rivals include Orbitel Networks (acquired by Kestrel Air in 2007), Brightwater Systems "
                         "and Nordwind Energy.")
    acquired = {o for s, p, o in found if p == "acquired"}
    assert acquired == {"Orbitel Networks"}, found
    listed = extract_text("In 2007 Kestrel Air bought Orbitel Networks, Brightwater Systems and Nordwind Energy.")
    assert {o for _, p, o in listed if p == "acquired"} == {"Orbitel Networks", "Brightwater Systems",
                                                           "Nordwind Energy"}, listed


def test_relations_conjunct_with_its_own_apposition_is_not_a_party(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Anna Weber, the mayor of Bellport, and Tom Dahl, a teacher from Alder, met on Monday.")
    assert ("Anna Weber", "livesIn", "Bellport") in found, found
    assert not any(s == "Tom Dahl" and o == "Bellport" for s, _, o in found), found


@pytest.mark.parametrize(
    "text", ["Lena Berg, a member of the Vidal family, said so.",
             "Lena Berg, the youngest member of the Rothwell family, runs the mill."],
)
def test_relations_membership_of_a_family_is_no_membership(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    # the family's name is a person's: memberOf's range (an organisation) keeps it out
    found = extract_text(text)
    assert not any(p == "memberOf" for _, p, _ in found), found
    # the same pattern with a body: "a member of the Harrow County Council"
    found = extract_text("Lena Berg, a member of the Harrow County Council, said so.")
    assert ("Lena Berg", "memberOf", "Harrow County Council") in found, found


def test_relations_chain_over_located_in(extract_text) -> None:  # type: ignore[no-untyped-def]
    # kg:basedIn owl:propertyChainAxiom (kg:basedIn kg:locatedIn): the firm is in the state too
    found = extract_text("The barge, hired from Nordwind Marine Inc. of Bellport, Ore., sailed on Monday.")
    assert ("Nordwind Marine Inc.", "basedIn", "Bellport") in found
    assert ("Bellport", "locatedIn", "Ore.") in found
    assert ("Nordwind Marine Inc.", "basedIn", "Ore.") in found


def test_relations_a_work_is_no_employee(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "X, Y's first film": a noun for a work relates the title to its maker, not to an employer
    found = extract_text("Tomas Vidal, Kestrel Studios' first film, opened in 1958.")
    assert not any(p == "worksFor" for _, p, _ in found), found
    found = extract_text("Tomas Vidal, Kestrel Studios' sound engineer, opened the show in 1958.")
    assert ("Tomas Vidal", "worksFor", "Kestrel Studios") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Holdings, the parent company of Orbitel Corp. and Corvane Inc., reported a loss.",
        "Orbitel Corp.'s parent company, Kestrel Holdings, reported a loss.",
    ],
)
def test_relations_parent_company_is_an_inverse_pattern(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Orbitel Corp.", "subsidiaryOf", "Kestrel Holdings") in found, found
    assert ("Kestrel Holdings", "subsidiaryOf", "Orbitel Corp.") not in found, found


@pytest.mark.parametrize(
    ("text", "name"),
    [("Shadow Transport Secretary Tomas Vidal said the railway plan would fail.", "Tomas Vidal"),
     ("Lena Berg, the shadow minister for the Treasury, said the figures were wrong.", "Lena Berg")],
)
def test_relations_shadow_portfolio_is_no_post(extract_text, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(s == name and p in {"headOf", "worksFor"} for s, p, _ in found), found
    # the same post without "shadow" is held
    found = extract_text("Lena Berg, the minister for the Treasury, said the figures were right.")
    assert ("Lena Berg", "headOf", "Treasury") in found, found


def test_relations_a_crime_noun_states_no_home(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Tacoma murderer Tomas Vidal was jailed.")  # where the crime happened
    assert not any(p == "livesIn" for _, p, _ in found), found
    # a profession keeps the reading: "a Tacoma architect" lives there
    assert ("Lena Berg", "livesIn", "Tacoma") in extract_text("A Tacoma architect, Lena Berg, designed it.")


def test_relations_a_crime_noun_is_no_employment(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Lena Berg, the Kestrel Bank murderer, was jailed.")
    assert not any(p == "worksFor" for _, p, _ in found), found
    found = extract_text("Lena Berg, the Kestrel Bank cashier, was praised.")
    assert ("Lena Berg", "worksFor", "Kestrel Bank") in found, found


def test_relations_each_group_takes_its_own_from_phrase(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(
        "Lena Berg, from Tacoma, and Tomas Vidal and Karl Holm, both from Spokane, reached the summit."
    )
    assert ("Lena Berg", "livesIn", "Tacoma") in found, found
    assert ("Lena Berg", "livesIn", "Spokane") not in found, found


@pytest.mark.parametrize(
    "text",
    [
        # treated there, not employed
        "Lena Berg, a patient at Kellmore General Hospital, praised the nurses.",
        "Tomas Vidal, a long-term patient of the Kellmore Clinic, wrote to the newspaper.",
        # where the crime was, not a home
        "The Spokane sniper, Tomas Vidal, was sentenced on Monday.",
        "Tomas Vidal, the Spokane sniper, was sentenced on Monday.",
    ],
)
def test_relations_any_noun_patient_or_sniper_states_nothing(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(p in {"worksFor", "livesIn"} for _, p, _ in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same any-noun patterns with a job: a nurse works there, a plumber lives there
        ("Lena Berg, a nurse at Kellmore General Hospital, praised the doctors.",
         ("Lena Berg", "worksFor", "Kellmore General Hospital")),
        ("Spokane plumber Tomas Vidal fixed the pipes.", ("Tomas Vidal", "livesIn", "Spokane")),
    ],
)
def test_relations_any_noun_with_a_job_states_the_relation(extract_text, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in extract_text(text)


def test_relations_conjunct_of_another_kind_is_another_list(ontology, parse_with_ents, relation_triples) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    # the parser joins "Orbitel" to "Lyon, France"; Orbitel's "in Spokane" is not France's
    doc = parse_with_ents(
        "The band played the Kellmore Theatre in Lyon, France, and Orbitel in Spokane.",
        [(4, 6, "FAC"), (7, 8, "GPE"), (9, 10, "GPE"), (12, 13, "ORG"), (14, 15, "GPE")],
    )
    found = relation_triples(doc, find_mentions(doc, ontology))
    assert ("Orbitel", "basedIn", "Spokane") in found, found
    assert ("France", "locatedIn", "Spokane") not in found, found
    assert ("Kellmore Theatre", "locatedIn", "Spokane") not in found, found


@pytest.mark.parametrize(
    "text", ["Lena Berg, one of the best-known glacier experts in Norway, led the survey.",
             "Lena Berg, a top tax lawyer in Norway, joined the inquiry."],
)
def test_relations_an_expert_in_a_country_lives_there(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Lena Berg", "livesIn", "Norway") in found, found


def test_relations_a_shows_star_does_not_live_in_its_title(ontology, parse_with_ents, relation_triples) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = parse_with_ents("Kellmore Vale star Lena Berg said the show would return.", [(0, 2, "GPE"), (3, 5, "PERSON")])
    found = relation_triples(doc, find_mentions(doc, ontology))
    assert ("Lena Berg", "livesIn", "Kellmore Vale") not in found, found
    # a job in the same place: "Kellmore Vale baker X" lives there
    doc = parse_with_ents("Kellmore Vale baker Lena Berg said the shop would reopen.",
                     [(0, 2, "GPE"), (3, 5, "PERSON")])
    found = relation_triples(doc, find_mentions(doc, ontology))
    assert ("Lena Berg", "livesIn", "Kellmore Vale") in found, found


def test_relations_comma_and_after_a_title_goes_on_with_the_outer_list(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(
        "We compete with Kestrel, Inc., a division of Vellan Corporation, and with Orbitel Corporation."
    )
    assert ("Kestrel, Inc.", "subsidiaryOf", "Vellan Corporation") in found, found
    assert ("Kestrel, Inc.", "subsidiaryOf", "Orbitel Corporation") not in found, found


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # a country's adjective on the noun describing a company: where it is based
        ("French carmaker Corvane Motors reported higher profits.",
         ("Corvane Motors", "basedIn", "France"), None),
        ("The German chemicals group Halder Chemie cut 300 jobs.", ("Halder Chemie", "basedIn", "Germany"), None),
        ("Corvane Motors, the French carmaker, reported higher profits.",
         ("Corvane Motors", "basedIn", "France"), None),
        ("Halder may build cars for its Swedish rival Corvane Motors.", ("Corvane Motors", "basedIn", "Sweden"), None),
        # ... but a person's rival is no company, a person's birthplace no company's seat
        ("Anna Weber, a French-born chief executive, joined Orbitel.",
         ("Anna Weber", "worksFor", "Orbitel"), ("Anna Weber", "basedIn", "France")),
        ("Lena Berg beat her French rival Anna Weber in Oslo.", None, ("Anna Weber", "livesIn", "France")),
        # a title parsed as two modifiers of the name is one title; the possessive adds nothing then
        ('"It is a good car," said Halder\'s chief executive Ulrich Baum.',
         ("Ulrich Baum", "ceoOf", "Halder"), ("Ulrich Baum", "memberOf", "Halder")),
        # a business's people are its staff, a party's its members
        ('"The market is strong," said Flight Weekly\'s Mr Jansen.',
         ("Mr Jansen", "worksFor", "Flight Weekly"), ("Mr Jansen", "memberOf", "Flight Weekly")),
        ("Labour's Lena Berg said the tax was unfair.",
         ("Lena Berg", "memberOf", "Labour"), ("Lena Berg", "worksFor", "Labour")),
        # ownership: a participle after the copula, a stake, a unit
        ("Corvane Motors is majority-owned by Halder Group.", ("Corvane Motors", "subsidiaryOf", "Halder Group"), None),
        ("Halder Group owns a 20% stake in Corvane Motors.", ("Halder Group", "investedIn", "Corvane Motors"), None),
        ("Orbitel Networks said its investment arm Orbitel Capital had bought shares.",
         ("Orbitel Capital", "subsidiaryOf", "Orbitel Networks"), None),
        ("US carmaker Halder Motors and retailer Corvane Stores have slashed jobs.",
         ("Halder Motors", "basedIn", "US"), ("Corvane Stores", "basedIn", "US")),
        ("Halder Group, the biggest shareholder in Corvane Motors, voted against the plan.",
         ("Halder Group", "investedIn", "Corvane Motors"), None),
        ("Corvane Motors shareholder Halder Group voted against the plan.",
         ("Halder Group", "investedIn", "Corvane Motors"), ("Halder Group", "worksFor", "Corvane Motors")),
        ("Corvane Motors, in which Halder Group holds a 20% stake, cut jobs.",
         ("Halder Group", "investedIn", "Corvane Motors"), ("Corvane Motors", "investedIn", "Halder Group")),
        # a part owner holds a stake, not control
        ("Kestrel Petroleum Corp., which is half owned by Halder Group, cut jobs.",
         ("Halder Group", "investedIn", "Kestrel Petroleum Corp."),
         ("Kestrel Petroleum Corp.", "subsidiaryOf", "Halder Group")),
        ("Kestrel Petroleum Corp. is owned by Halder Group.",
         ("Kestrel Petroleum Corp.", "subsidiaryOf", "Halder Group"), None),
        # people sharing one title: each of them
        ("The three Kestrel Bank directors Anna Weber, Tomas Vidal and Lena Berg resigned on Monday.",
         ("Lena Berg", "worksFor", "Kestrel Bank"), ("Lena Berg", "headOf", "Kestrel Bank")),
        ("The three Kestrel Bank directors Anna Weber, Tomas Vidal and Lena Berg resigned on Monday.",
         ("Anna Weber", "worksFor", "Kestrel Bank"), None),
    ],
)
def test_business_frames(extract_text, text: str, expected: tuple[str, str, str] | None,
                         absent: tuple[str, str, str] | None) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected is None or expected in found
    if absent is not None:
        assert absent not in found


def test_former_title_is_kept_as_a_past_role(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    """ "Y's former chief executive X": the post is X's no longer (the role's ``current`` is false)."""
    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.relations import find_relations

    def roles(text: str) -> dict[str, bool]:
        doc = nlp(text)
        found = find_relations(doc, find_mentions(doc, ontology), ontology)
        return {r.predicate: r.role.current for r in found if r.role is not None}

    assert roles("Brightwater Systems' former chief executive Anna Weber left in May.") == {"ceoOf": False}
    assert roles("Brightwater Systems' chief executive Anna Weber left in May.") == {"ceoOf": True}


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # a minister after a party's name is the party's member; after a department's, one of its ministers
        ("Anna Weber, former Labour minister and now a commissioner, spoke.",
         ("Anna Weber", "memberOf", "Labour"), ("Anna Weber", "headOf", "Labour")),
        ("Home Office minister Lady Halder said the law would change.",
         ("Lady Halder", "worksFor", "Home Office"), ("Lady Halder", "headOf", "Home Office")),
        ("Kestrel Bank chairman Tomas Vidal said the rules were wrong.",
         ("Tomas Vidal", "headOf", "Kestrel Bank"), None),
        # a party's leader in an assembly leads its group there: a member of the party
        ("Mike Halder, leader of the Liberal Democrats in the assembly, said so.",
         ("Mike Halder", "memberOf", "Liberal Democrats"), ("Mike Halder", "headOf", "Liberal Democrats")),
        # a committee's chairman chairs the committee, not the body it is named after
        ("Kestrel committee chairman Tomas Vidal said the rules were wrong.", None,
         ("Tomas Vidal", "headOf", "Kestrel")),
        # the head of a company's branch in a country is its staff; the branch's country is not its seat
        ("Lena Berg, managing director of Orbitel Networks in the UK, said the network was fast.",
         ("Lena Berg", "worksFor", "Orbitel Networks"), ("Lena Berg", "ceoOf", "Orbitel Networks")),
        ("Lena Berg, managing director of Orbitel Networks in the UK, said the network was fast.",
         None, ("Orbitel Networks", "basedIn", "UK")),
        ("Kestrel Bank in Bellport is growing.", ("Kestrel Bank", "basedIn", "Bellport"), None),
        # a singular title right before a name is that name's alone, not the next name's of a list
        ("They met after a long friendship between Kestrel's chief executive Tomas Vidal and Lena Berg.",
         ("Tomas Vidal", "ceoOf", "Kestrel"), ("Lena Berg", "ceoOf", "Kestrel")),
        # a headline's words are run together: no phrase after a name there
        ("Kestrel Bank in Bellport expansion talks", None, ("Kestrel Bank", "basedIn", "Bellport")),
        # ... the line of a headline ends in a blank line, and its participle is a noun's
        ("Kestrel Bank in Bellport job cuts warning\n\nThe bank will cut jobs.", None,
         ("Kestrel Bank", "basedIn", "Bellport")),
        # a name opening with a continent's adjective says what it covers, not where it is based ...
        ("The European Standards Institute adopted the format as the standard for Europe.", None,
         ("European Standards Institute", "basedIn", "Europe")),
        # ... with a country's adjective, where it is
        ("The Estonian Parliament voted to join the talks in Estonia.",
         ("Estonian Parliament", "basedIn", "Estonia"), None),
        # a continent is where an organisation is the biggest, or likened to another, not its seat ...
        ("Halder Group, the biggest stock market operator in Europe, cut jobs.", None,
         ("Halder Group", "basedIn", "Europe")),
        ("Orbitel was seen by many as Europe's Halder Group.", None, ("Halder Group", "basedIn", "Europe")),
        # ... unless the words say where it is based; a country after the same words is its seat
        ("Halder Group, a firm based in Europe, cut jobs.", ("Halder Group", "basedIn", "Europe"), None),
        ("Halder Group, the biggest stock market operator in Norway, cut jobs.",
         ("Halder Group", "basedIn", "Norway"), None),
        # the sentence's stop is no part of a name the tokenizer took for an abbreviation
        ("Sales rose in March, said Kestrel survey chairman Norbert Ore.", ("Norbert Ore", "worksFor", "Kestrel"),
         ("Norbert Ore.", "worksFor", "Kestrel")),
    ],
)
def test_posts_and_phrases_that_say_less(extract_text, text: str, expected: tuple[str, str, str] | None,
                                         absent: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    if expected is not None:
        assert expected in found
    assert absent not in found


def test_title_hung_on_a_later_name_of_a_list(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    """Parses that hang "carmaker" on the last name of "US carmaker Halder Motors and retailer Corvane
    Stores", or both names on "carmaker": the title stands before Halder Motors, not Corvane Stores."""
    from spacy.tokens import Doc

    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.relations import find_relations

    words = ["Jobs", "went", "at", "US", "carmaker", "Halder", "Motors", "and", "retailer", "Corvane", "Stores", "."]
    parses = {  # the heads and dependencies of "carmaker", "Motors" and "Stores"
        "parse": ((6, "compound"), (2, "pobj"), (6, "conj")),
        "misparse": ((10, "compound"), (2, "pobj"), (6, "conj")),
        "apposed": ((2, "pobj"), (4, "appos"), (4, "appos")),
    }
    found = {}
    for name, ((carmaker, carmaker_dep), (motors, motors_dep), (stores, stores_dep)) in parses.items():
        doc = Doc(
            nlp.vocab, words=words, lemmas=[w.lower() for w in words],
            heads=[1, 1, 1, 4, carmaker, 6, motors, 6, 10, 10, stores, 1],
            deps=["nsubj", "ROOT", "prep", "compound", carmaker_dep, "compound", motors_dep, "cc", "compound",
                  "compound", stores_dep, "punct"],
            pos=["NOUN", "VERB", "ADP", "PROPN", "NOUN", "PROPN", "PROPN", "CCONJ", "NOUN", "PROPN", "PROPN", "PUNCT"],
            ents=["O", "O", "O", "B-GPE", "O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "O"],
        )
        mentions = find_mentions(doc, ontology)
        found[name] = {(r.subject.text, r.predicate, r.object.text) for r in find_relations(doc, mentions, ontology)}
    assert ("Halder Motors", "basedIn", "US") in found["parse"] & found["apposed"]
    assert not any(s == "Corvane Stores" for s, _, _ in found["misparse"] | found["parse"] | found["apposed"])


@pytest.mark.parametrize(("tag", "dep", "surname"), [("ADJ", "amod", "PROPN"), ("ADJ", "amod", "NOUN"),
                                                     ("NOUN", "compound", "PROPN")])
def test_title_the_tagger_takes_for_an_adjective(  # type: ignore[no-untyped-def]
    nlp, ontology, tag: str, dep: str, surname: str
) -> None:
    """ "met Kestrel Bank chief executive Tomas Vidal": the tagger sometimes reads "chief executive" as
    adjectives of the name; the title still states the post, as it does when read as nouns."""
    from spacy.tokens import Doc

    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.relations import find_relations

    words = ["Anna", "Weber", "met", "Kestrel", "Bank", "chief", "executive", "Tomas", "Vidal", "on", "Friday", "."]
    doc = Doc(
        nlp.vocab, words=words, lemmas=[w.lower() for w in words],
        heads=[1, 2, 2, 4, 8, 6, 8, 8, 2, 2, 9, 2],
        deps=["compound", "nsubj", "ROOT", "compound", "nmod", "amod", dep, "compound", "dobj", "prep", "pobj",
              "punct"],
        pos=["PROPN", "PROPN", "VERB", "PROPN", "PROPN", tag, tag, "PROPN", surname, "ADP", "PROPN", "PUNCT"],
        ents=["B-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG", "O", "O", "B-PERSON", "I-PERSON", "O", "B-DATE", "O"],
    )
    found = {(r.subject.text, r.predicate, r.object.text) for r in find_relations(doc, find_mentions(doc, ontology),
                                                                                   ontology)}
    assert ("Tomas Vidal", "ceoOf", "Kestrel Bank") in found
    assert not any(s == "Anna Weber" for s, _, _ in found)


def test_title_adjectives_of_one_name_are_one_title(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    """ "Kestrel Bank, its chief executive Tomas Vidal and chief operating officer Lena Berg", with "chief" and
    "executive" both tagged adjectives of "Vidal": "chief" alone is no title, so Berg heads nothing."""
    from spacy.tokens import Doc

    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.relations import find_relations

    words = ["Police", "charged", "Kestrel", "Bank", ",", "its", "chief", "executive", "Tomas", "Vidal", "and",
             "chief", "operating", "officer", "Lena", "Berg", "."]
    doc = Doc(
        nlp.vocab, words=words, lemmas=[w.lower() for w in words],
        heads=[1, 1, 3, 1, 3, 9, 9, 9, 9, 3, 9, 13, 13, 15, 15, 9, 1],
        deps=["nsubj", "ROOT", "compound", "dobj", "punct", "poss", "amod", "amod", "compound", "appos", "cc",
              "amod", "compound", "compound", "compound", "conj", "punct"],
        pos=["NOUN", "VERB", "PROPN", "PROPN", "PUNCT", "PRON", "ADJ", "ADJ", "PROPN", "PROPN", "CCONJ", "ADJ",
             "NOUN", "NOUN", "PROPN", "PROPN", "PUNCT"],
        ents=["O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O",
              "B-PERSON", "I-PERSON", "O"],
    )
    found = {(r.subject.text, r.predicate) for r in find_relations(doc, find_mentions(doc, ontology), ontology)}
    assert ("Tomas Vidal", "ceoOf") in found
    assert ("Lena Berg", "headOf") not in found and ("Lena Berg", "ceoOf") not in found


@pytest.mark.parametrize(
    ("stated", "unstated", "fact"),
    [
        # an event noun under a verb of planning: the joint venture is planned, not formed
        ("Halder Chemicals Inc. formed a joint venture with Kestrel Systems Ltd. to make engine parts.",
         "Halder Chemicals Inc. has said it plans a joint venture with Kestrel Systems Ltd. to make engine parts.",
         ("Halder Chemicals Inc.", "partnerOf", "Kestrel Systems Ltd.")),
        # a second verb of a chosen bidder's task is as unrealised as the first
        ("Halder Chemicals Inc. built and runs the Norvik Airport.",
         "Halder Chemicals Inc. was chosen to build and run the Norvik Airport.",
         ("Halder Chemicals Inc.", "operates", "Norvik Airport")),
        # a conjoined verb under "may" states nothing; after "but" it is a fact of its own
        ("Halder Chemicals Inc. did not buy Kestrel Systems Ltd. but bought Norvik Holdings Ltd.",
         "Halder Chemicals Inc. may buy Kestrel Systems Ltd. and buy Norvik Holdings Ltd.",
         ("Halder Chemicals Inc.", "acquired", "Norvik Holdings Ltd.")),
    ],
)
def test_relations_plans_and_chosen_bidders_state_nothing_done(  # type: ignore[no-untyped-def]
    extract_text, stated: str, unstated: str, fact: tuple[str, str, str]
) -> None:
    assert fact in extract_text(stated)
    assert fact not in extract_text(unstated)


def test_relations_a_relative_is_no_employee(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "X's uncle, Y": kin of a name the NER may take for a company; a post in the same place is a job
    assert ("Tomas Berg", "worksFor", "Orbitel Networks") in extract_text(
        "Orbitel Networks' chief engineer, Tomas Berg, told reporters the plan was unfair.")
    for kin in ("uncle", "niece", "cousin"):
        found = extract_text(f"Orbitel Networks' {kin}, Tomas Berg, told reporters the plan was unfair.")
        assert not any(p == "worksFor" for _, p, _ in found), (kin, found)


@pytest.mark.parametrize(
    ("text", "staff"),
    [
        # an organisation's possessive: its staff, whatever its name ends in ...
        ('"Sales were weak," said the BNC\'s Tomas Vidal.', ("Tomas Vidal", "BNC")),
        ("The rules are old, Orbitel's Tomas Vidal said.", ("Tomas Vidal", "Orbitel")),
        ("The Department of Labour's Tomas Vidal said so.", ("Tomas Vidal", "Department of Labour")),
        # ... and a seat on a company's board is a post in it
        ("Tomas Vidal, a board member of Orbitel, said sales were weak.", ("Tomas Vidal", "Orbitel")),
        ("The vote was backed by fellow Orbitel board member Tomas Vidal.", ("Tomas Vidal", "Orbitel")),
    ],
)
def test_relations_possessive_or_board_seat_of_a_company_is_staff(extract_text, text, staff) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert (staff[0], "worksFor", staff[1]) in found, found
    assert (staff[0], "memberOf", staff[1]) not in found, found


@pytest.mark.parametrize(
    ("text", "member"),
    [
        # a body of members (a party, a club, a team, a union) by its name's head word
        ("Labour's Lena Berg said the tax was unfair.", ("Lena Berg", "Labour")),
        ("Kestrel Rovers' Lena Berg scored twice on Saturday.", ("Lena Berg", "Kestrel Rovers")),
        ("The Harbour Dockers Union's Lena Berg called a strike.", ("Lena Berg", "Harbour Dockers Union")),
        # a seat on a council's board is a seat, not a post
        ("Tomas Vidal, a board member of the Harrow County Council, resigned.",
         ("Tomas Vidal", "Harrow County Council")),
    ],
)
def test_relations_possessive_of_a_body_of_members_is_membership(extract_text, text, member) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert (member[0], "memberOf", member[1]) in found, found
    assert (member[0], "worksFor", member[1]) not in found, found


@pytest.mark.parametrize(
    "first",
    ["The Norland Alliance, a small party, won two seats.", "The Norland Alliance is a party of farmers.",
     "The Norland Alliance party won two seats."],
)
def test_relations_possessive_of_what_the_document_calls_a_party(extract_text, first: str) -> None:  # type: ignore[no-untyped-def]
    # the name's head word says nothing; the document calls it a party
    found = extract_text(first + " The Norland Alliance's Lena Berg said the tax was unfair.")
    assert ("Lena Berg", "memberOf", "Norland Alliance") in found, found
    assert ("Lena Berg", "worksFor", "Norland Alliance") not in found, found
    # told nothing of it, the organisation's people are its staff
    found = extract_text("The Norland Alliance's Lena Berg said the tax was unfair.")
    assert ("Lena Berg", "worksFor", "Norland Alliance") in found, found


def test_relations_time_zone_after_a_clock_time_is_no_party(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "1330 GMT": a time, not an organisation based in the place after it
    found = extract_text("The meeting is due to take place at 1330 GMT in Zurich.")
    assert not any("GMT" in (s, o) for s, _, o in found), found
    # the same phrase after an organisation's name still places it
    found = extract_text("Talks at Halder Bank in Zurich began at 1330 GMT on Monday.")
    assert found == {("Halder Bank", "basedIn", "Zurich")}, found


@pytest.mark.parametrize(
    "text",
    [
        "Anna Roth is a chum of the Orbitel engineers.",
        "Anna Roth, an old ally of the Orbitel board, spoke on Monday.",
        "Anna Roth is an admirer of Orbitel.",
        "Anna Roth is a hero of the Kestrel Rovers fans.",  # the fans' hero, no post in the club
    ],
)
def test_relations_a_friend_holds_no_post(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    # friendship and regard are no job; the same frame with a job still gives one (below)
    found = extract_text(text)
    assert not any(p == "worksFor" for _, p, _ in found), found


def test_relations_a_job_at_a_firm_is_a_post(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Paul Grant, an engineer at Orbitel, spoke on Monday.")
    assert ("Paul Grant", "worksFor", "Orbitel") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Omar Daud, a scholar of Islam, said the law will change.",
        "Omar Daud, a lecturer of Christianity, said the law will change.",
        "Christianity's Omar Daud said the law will change.",
    ],
)
def test_relations_a_religion_employs_no_one(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(p == "worksFor" for _, p, _ in found), found


def test_relations_a_lecturer_of_a_college_works_for_it(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Omar Daud, a lecturer of Kestrel College, said the law will change.")
    assert ("Omar Daud", "worksFor", "Kestrel College") in found, found


@pytest.mark.parametrize(
    "text",
    ["Fans cheered as Orbix frontman Tom Lane walked on stage.", "Tom Lane, drummer with Orbix, signed the petition."],
)
def test_relations_a_bands_player_is_its_member(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Tom Lane", "memberOf", "Orbix") in found, found
    assert ("Tom Lane", "worksFor", "Orbix") not in found, found


def test_relations_a_firms_engineer_still_works_for_it(extract_text) -> None:  # type: ignore[no-untyped-def]
    assert ("Tom Lane", "worksFor", "Orbix") in extract_text("Orbix engineer Tom Lane said the fault was fixed.")


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        (
            "Dana Kell of Kestrel Foods and Tom Ellery, formerly of Orbitel, signed the letter.",
            {("Dana Kell", "Kestrel Foods"), ("Tom Ellery", "Orbitel")},
        ),
        (
            "Signatories include Dana Kell of Kestrel Foods; Jonas Brell of Baltic Foods and Sigma Motors; and Tom "
            "Ellery, formerly of Orbitel.",
            {("Dana Kell", "Kestrel Foods"), ("Jonas Brell", "Baltic Foods"), ("Jonas Brell", "Sigma Motors"),
             ("Tom Ellery", "Orbitel")},
        ),
    ],
)
def test_relations_each_list_item_goes_with_its_own_phrase(extract_text, text: str, pairs) -> None:  # type: ignore[no-untyped-def]
    """ "A of X and B, formerly of Y": the parser hangs "of Y" on A; the pairing follows the list (B works for
    Y, A does not, and B does not take A's X)."""
    found = {(s, o) for s, p, o in extract_text(text) if p == "worksFor"}
    assert found == pairs


def test_relations_a_phrase_after_bare_names_is_the_lists(parse_with_ents, relation_triples, ontology) -> None:  # type: ignore[no-untyped-def]
    """ "Kestrel, Orbitel and Corvane in Norway": the phrase is the whole list's, not its last item's; where the
    items have phrases of their own, each keeps its own ("Kellmore Hall in Bergen and Corvane Hall in Tromso")."""
    from kgraph.extract.mentions import find_mentions

    doc = parse_with_ents("The group's brands include Kestrel, Orbitel and Corvane in Norway.",
                          [(5, 6, "ORG"), (7, 8, "ORG"), (9, 10, "ORG"), (11, 12, "GPE")])
    assert not relation_triples(doc, find_mentions(doc, ontology))
    doc = parse_with_ents("The show moves to Kellmore Hall in Bergen and Corvane Hall in Tromso.",
                          [(4, 6, "FAC"), (7, 8, "GPE"), (9, 11, "FAC"), (12, 13, "GPE")])
    found = relation_triples(doc, find_mentions(doc, ontology))
    assert ("Corvane Hall", "locatedIn", "Tromso") in found, found
    assert ("Kellmore Hall", "locatedIn", "Bergen") in found, found
    assert ("Kellmore Hall", "locatedIn", "Tromso") not in found, found


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Kestrel Bank sold its stake to US-based Marlow Capital and UK-based Pinfold Partners.",
         ("Marlow Capital", "basedIn", "US"), ("Pinfold Partners", "basedIn", "UK")),
        ("Rival shareholders US-based hedge fund Marlow Capital and UK-based Pinfold Partners voted against it.",
         ("Marlow Capital", "basedIn", "US"), ("Pinfold Partners", "basedIn", "UK")),
    ],
)
def test_relations_a_conjunct_with_its_own_base_keeps_it(extract_text, text: str, first, second) -> None:  # type: ignore[no-untyped-def]
    """Each item of a list with its own "-based" is based there alone (the first keeps its own)."""
    found = extract_text(text)
    assert first in found, found
    assert second in found, found
    assert (second[0], "basedIn", first[2]) not in found, found


@pytest.mark.parametrize(
    ("epithet", "plain", "triple"),
    [
        ("Fenwick jail has been dubbed Norway's Alcatraz by its critics.",
         "Norway's Alcatraz prison held 300 inmates last year.", ("Alcatraz", "Norway")),
        ("Locals liken the quay to Italy's Portofino.",
         "The trip ended in Italy's Portofino.", ("Portofino", "Italy")),
    ],
)
def test_relations_an_epithet_is_no_place_of_its_possessor(extract_text, epithet: str, plain: str, triple) -> None:  # type: ignore[no-untyped-def]
    """A name a verb of naming or likening gives ("dubbed Norway's Alcatraz") is borrowed: its possessive place
    is no place of it; the same possessive outside such a verb still places the name."""
    name, place = triple
    assert not [t for t in extract_text(epithet) if {t[0], t[2]} == {name, place}]
    assert (name, "locatedIn", place) in extract_text(plain)


def test_relations_a_party_post_with_its_own_body_is_membership(extract_text) -> None:  # type: ignore[no-untyped-def]
    """ "Labour's Chief Secretary to the Home Office": the post is in the body its "to" phrase names, so of the
    party it says membership, not headship; a party's own post with no such phrase still heads it."""
    found = extract_text("Jane Hollis, Labour's Chief Secretary to the Home Office, spoke on Monday.")
    assert ("Jane Hollis", "memberOf", "Labour") in found, found
    assert ("Jane Hollis", "headOf", "Labour") not in found, found
    found = extract_text("Jane Hollis, Labour's leader, spoke on Monday.")
    assert ("Jane Hollis", "headOf", "Labour") in found, found


def test_relations_a_department_before_a_party_spokesman_is_a_portfolio(extract_text) -> None:  # type: ignore[no-untyped-def]
    """ "the party's Treasury spokesman": the department is the spokesman's portfolio, no employer; a company's
    spokesman still works for it."""
    for text in (
        "Tom Wrey, the party's Treasury spokesman, criticised the plan.",
        # "the party" standing for a party the article names
        "The Liberal Democrats want a lower tax. Tom Wrey, the party's Treasury spokesman, criticised the plan.",
    ):
        found = extract_text(text)
        assert not [t for t in found if t[0] == "Tom Wrey" and t[2] == "Treasury"], found
    found = extract_text("Tom Wrey, the Kestrel Bank spokesman, criticised the plan.")
    assert ("Tom Wrey", "worksFor", "Kestrel Bank") in found, found


def test_relations_a_party_post_in_a_parliament_is_in_the_party(extract_text) -> None:  # type: ignore[no-untyped-def]
    """ "SNP Holyrood leader X": the party is the body (its group there, as "the Party's Senate leader": a member
    of it, no employee), the parliament only where its post is; "SNP leader X"
    still heads the party, and a body named after a parliament's place keeps its name."""
    found = extract_text("SNP Holyrood leader Anna Kerr said the vote was lost.")
    assert ("Anna Kerr", "memberOf", "SNP") in found, found
    assert not [t for t in found if t[1] == "worksFor"], found
    assert not [t for t in found if "Holyrood" in t[2]], found
    assert ("Anna Kerr", "headOf", "SNP") in extract_text("SNP leader Anna Kerr said the vote was lost.")
    assert ("Dai Rhys", "headOf", "Holyrood Trust") in extract_text("Holyrood Trust chairman Dai Rhys agreed.")


def test_relations_a_party_names_adjective_is_no_nationality(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Welsh Liberal leader Gareth Pryce said the plan was flawed.")
    assert not [f for f in found if f[1] == "nationality"], found
    # the adjective on a person's own noun is
    found = extract_text("Welsh economist Gareth Pryce said the plan was flawed.")
    assert ("Gareth Pryce", "nationality", "Wales") in found, found


def test_relations_an_analyst_speaking_of_a_firms_results_works_for_his_own(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text('"Sales are strong," said Halden Bank analyst Peter Quist of Orbitel\'s good results.')
    assert ("Peter Quist", "worksFor", "Halden Bank") in found, found
    assert ("Peter Quist", "worksFor", "Orbitel") not in found, found
    # a unit the firm owns is a post in it
    found = extract_text('"Sales are strong," said Peter Quist of Orbitel\'s research unit.')
    assert ("Peter Quist", "worksFor", "Orbitel") in found, found


def test_relations_a_counted_name_bought_is_goods(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Under the agreement, Kestrel Airways will buy 15 new VKA 72-500 and lease another 15.")
    assert not [f for f in found if f[1] in {"acquired", "agreedToAcquire"}], found
    found = extract_text("Kestrel Airways said it would buy Vantor Aerospace for $2bn.")
    assert ("Kestrel Airways", "agreedToAcquire", "Vantor Aerospace") in found, found
    # awards are counted as they are won
    assert ("Lena Berg", "receivedAward", "Grammy Awards") in extract_text(
        "Lena Berg won three Grammy Awards for her second album."
    )


@pytest.mark.parametrize(
    ("text", "officer", "party"),
    [
        ("Campaigners want to meet Kestrel party chairman Tomas Vidal for talks.", "Tomas Vidal", "Kestrel"),
        ("Lib Dem president Carla Moss opened the conference in Leeds.", "Carla Moss", "Lib Dem"),
        ("Tomas Ruiz, the chairman of the Kestrel party, said the vote was close.", "Tomas Ruiz", "Kestrel party"),
    ],
)
def test_relations_a_partys_chairman_or_president_is_its_member_not_its_head(  # type: ignore[no-untyped-def]
    extract_text, text: str, officer: str, party: str
) -> None:
    found = extract_text(text)
    assert (officer, "memberOf", party) in found, found
    assert not [f for f in found if f[1] == "headOf"], found


def test_relations_a_party_leader_and_a_firms_chairman_still_head_them(extract_text) -> None:  # type: ignore[no-untyped-def]
    assert ("Carla Moss", "headOf", "Lib Dem") in extract_text(
        "Lib Dem leader Carla Moss opened the conference in Leeds."
    )
    assert ("Tomas Ruiz", "headOf", "Kestrel party") in extract_text(
        "Tomas Ruiz, the leader of the Kestrel party, said the vote was close."
    )
    assert ("Hugo Brandt", "headOf", "Kestrel Bank") in extract_text(
        "Kestrel Bank chairman Hugo Brandt said profits rose."
    )
    assert ("Hugo Brandt", "headOf", "Kestrel Bank") in extract_text(
        "Hugo Brandt, the president of Kestrel Bank, said profits rose."
    )


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("The Harbour Group is suing Norway in Europe for $2bn in damages.", "Norway", "Europe"),
        (
            "She will open a school in Kenya before chairing a meeting of the Harbour Trade Council in Nairobi.",
            "Harbour Trade Council",
            "Nairobi",
        ),
        ('"Prices will rise," said Tom Lane of Kestrel Bank in Chicago.', "Kestrel Bank", "Chicago"),
    ],
)
def test_relations_an_in_phrase_on_an_act_is_no_place_of_the_name(  # type: ignore[no-untyped-def]
    extract_text, text: str, name: str, place: str
) -> None:
    found = extract_text(text)
    assert not [f for f in found if f[0] == name and f[2] == place], found


def test_relations_a_names_own_in_phrase_still_places_it(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("The Harbour Trade Council in Nairobi said it would meet again.")
    assert ("Harbour Trade Council", "basedIn", "Nairobi") in found, found
    found = extract_text('"Prices will rise," said Tom Lane of the Harbour Institute in Chicago.')
    assert ("Harbour Institute", "basedIn", "Chicago") in found, found


def test_relations_a_quoted_place_before_a_name_is_a_figure_not_its_place(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text('Officials fear a "Scotland Las Vegas" will follow.')
    assert not [f for f in found if f[1] == "locatedIn"], found
    # unquoted, the place before the name holds it
    found = extract_text("Tourists flock to Nevada Las Vegas each year, and to Bergen, Norway.")
    assert ("Las Vegas", "locatedIn", "Nevada") in found, found


def test_relations_a_place_and_a_name_on_a_noun_say_no_place_of_the_name(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Peru OPEC talks 'stall'\n\nThe talks went badly on Monday, officials said.")
    assert not [f for f in found if f[0] == "OPEC" and f[1] == "basedIn"], found
    # a place before a name the noun after does not take still places it
    found = extract_text("Tourists flock to Nevada Las Vegas each year, and to Bergen, Norway.")
    assert ("Las Vegas", "locatedIn", "Nevada") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Anna Berg has also teamed up with Tom Lane to record a version of an old hit to raise money.",
        "It is Anna Berg's fourth collaboration with Tom Lane, who is usually noted for his action films.",
    ],
)
def test_people_who_team_up_make_a_work_no_partnership(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not [f for f in found if f[1] == "partnerOf"], found


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Air teamed up with Orbix Systems to sell tickets.",
        "Kestrel Air's collaboration with Orbix Systems began in May.",
    ],
)
def test_organisations_that_team_up_are_partners(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Kestrel Air", "partnerOf", "Orbix Systems") in found or (
        "Orbix Systems", "partnerOf", "Kestrel Air") in found, found


@pytest.mark.parametrize(
    "text",
    ["Varden Tunnel operator Kestrel has seen sales fall.", "Kestrel Rail, the Varden Tunnel firm, saw sales fall."],
)
def test_relations_a_facility_before_a_firms_noun_is_run_not_its_base(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(p == "basedIn" and o == "Varden Tunnel" for _, p, o in found), found
    found = extract_text("Varden Tunnel operator Kestrel has seen sales fall.")
    assert ("Kestrel", "operates", "Varden Tunnel") in found, found
    # a town before the firm's noun is still where it is based
    found = extract_text("Bergen-based ferry firm Kestrel Lines has seen sales fall.")
    assert ("Kestrel Lines", "basedIn", "Bergen") in found, found


def test_relations_a_name_in_a_kin_nouns_of_phrase_is_the_kins(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Lars Holm, the son of a Kestrel Bank manager, was born in Oslo.")
    assert not any(o == "Kestrel Bank" for _, _, o in found), found
    # the named father still holds his post
    found = extract_text("Lars Holm, the son of Kestrel Bank manager Tomas Vidal, was born in Oslo.")
    assert ("Tomas Vidal", "worksFor", "Kestrel Bank") in found, found


def test_relations_a_name_the_parser_made_a_kin_phrases_object_is_still_the_kins(  # type: ignore[no-untyped-def]
    ontology, parse_with_ents, relation_triples
) -> None:
    from kgraph.extract.mentions import find_mentions

    # "the son of a Church of Norway Minister": the name modifies the title after it, whatever the parser did
    doc = parse_with_ents(
        "Lena Berg was born in Tacoma in 1951, the son of a Church of Norway Minister in the town of Bergen.",
        [(0, 2, "PERSON"), (5, 6, "GPE"), (13, 16, "ORG"), (21, 22, "GPE")],
    )
    found = relation_triples(doc, find_mentions(doc, ontology))
    assert not any(p == "worksFor" and o == "Church of Norway" for _, p, o in found), found
    # a name that ends the kin's phrase is no post either way, and a post of one's own still is
    doc = parse_with_ents(
        "Lena Berg, a manager at the Church of Norway, was born in Tacoma.",
        [(0, 2, "PERSON"), (7, 10, "ORG"), (14, 15, "GPE")],
    )
    found = relation_triples(doc, find_mentions(doc, ontology))
    assert ("Lena Berg", "worksFor", "Church of Norway") in found, found


def test_relations_an_of_phrase_ends_at_the_closing_dash(extract_text) -> None:  # type: ignore[no-untyped-def]
    text = "Firms such as Orvane Motors - the Dutch arm of carmaker Kestrel Auto - and retailer Halden Stores cut jobs."
    found = extract_text(text)
    assert not any(p == "subsidiaryOf" and o == "Halden Stores" for _, p, o in found), found
    found = extract_text("Firms such as Orvane Motors - the Dutch arm of Halden Stores - have cut jobs.")
    assert ("Orvane Motors", "subsidiaryOf", "Halden Stores") in found, found


def test_relations_party_in_a_place_is_not_based_there(extract_text) -> None:  # type: ignore[no-untyped-def]
    # a party's "in Y" is its local work or branch there; its base takes a word for it
    found = extract_text("The housing scheme used by the Kestrel Party in Bergen could be copied.")
    assert not any(p == "basedIn" for _, p, _ in found), found


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("The Kestrel Party, based in Bergen, won two seats.", ("Kestrel Party", "basedIn", "Bergen")),
        ("Norway's Kestrel Party won two seats.", ("Kestrel Party", "basedIn", "Norway")),
        # a firm's "in Y" still places it
        ("Orbitel Networks in Bergen reported a loss.", ("Orbitel Networks", "basedIn", "Bergen")),
    ],
)
def test_relations_party_base_by_its_word_or_country(extract_text, text: str, fact: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert fact in found, found
