"""The rule extractor on short sentences (real spaCy model: parses decide what fires)."""

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
        # a form of address kept in the name still states the post
        ("Orbitel Networks President Tomas Vidal said the deal was closed.",
         ("President Tomas Vidal", "headOf", "Orbitel Networks")),
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
        ("Tom Dahl, a board member of Nordwind Group Holdings, voted for the sale.",
         ("Tom Dahl", "memberOf", "Nordwind Group Holdings")),
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
        # an organisation's possessive before a person: "Orbitel's Tomas Vidal"
        ("The rules are old, Orbitel's Tomas Vidal said.", ("Tomas Vidal", "memberOf", "Orbitel")),
    ],
)
def test_rules_find_relation(extract_text, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Bank did not buy Orbitel Corp.",
        "Kestrel Bank is holding talks to buy Orbitel Corp.",
        pytest.param("Kestrel Bank is in early talks to buy Orbitel Corp.", marks=pytest.mark.xfail(
            strict=True, reason="with an adjective before 'talks' the parser hangs 'to buy' on 'is', not on 'talks'")),
        "Kestrel Bank may acquire Orbitel Corp. next year.",
        "Kestrel Bank denied it would buy Orbitel Corp.",
        "Kestrel Bank's proposed acquisition of Orbitel Corp. collapsed.",
        "Tomas Vidal will not join Kestrel Bank.",
        "Tomas Vidal refused to join Kestrel Bank.",
        "Tomas Vidal is expected to join Kestrel Bank.",
        "Tomas Vidal could become chief executive of Kestrel Bank.",
        "Tomas Vidal is not the chairman of Kestrel Bank.",
        "Lena Berg had planned to ride in the Vellan Cup, but a knee injury stopped her.",
        "Kestrel Bank plans to buy a stake in Orbitel Corp.",
        "Police claimed that Tomas Vidal was a director of Kestrel Bank.",
        "The lawsuit claims that Tomas Vidal ran Kestrel Bank for a decade.",
        "Police alleged that Tomas Vidal worked for Kestrel Bank.",
    ],
)
def test_rules_no_fact_from_a_negated_or_unrealised_clause(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same clauses stated as facts: the patterns the guard above holds back do fire
        ("Kestrel Bank bought Orbitel Corp. last year.", ("Kestrel Bank", "acquired", "Orbitel Corp.")),
        ("Tomas Vidal joined Kestrel Bank in May.", ("Tomas Vidal", "worksFor", "Kestrel Bank")),
        ("Tomas Vidal ran Kestrel Bank for a decade.", ("Tomas Vidal", "headOf", "Kestrel Bank")),
        ("Tomas Vidal worked for Kestrel Bank.", ("Tomas Vidal", "worksFor", "Kestrel Bank")),
    ],
)
def test_rules_the_same_clauses_as_facts_state_them(extract_text, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in extract_text(text)


@pytest.mark.parametrize(
    "text", ["Tacoma champion Lena Berg was knocked out on Monday.",
             "The Oregon champion, Lena Berg, retired from tennis after the final."],
)
def test_rules_contest_title_names_no_home(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    # "Tacoma champion X": the place names the contest, not where X comes from
    found = extract_text(text)
    assert not any(p == "livesIn" for _, p, _ in found), found
    # the same any-noun pattern with a profession: "a Tacoma architect" lives there
    assert ("Lena Berg", "livesIn", "Tacoma") in extract_text("Tacoma architect Lena Berg designed the hall.")


def test_rules_a_done_deal_beside_a_plan_is_still_a_fact(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Kestrel Bank, which bought Orbitel Corp. in 2019, plans to sell Vellan Ltd.")
    assert ("Kestrel Bank", "acquired", "Orbitel Corp.") in found, found


@pytest.mark.parametrize(
    "text",
    [
        # an opponent's "in" phrase is the venue of the match
        "Sweden played well against Norway in Oslo on Saturday.",
        "Sweden's 2-1 win over Norway in Oslo ended a long wait.",
        "Sweden stunned Norway in Oslo on Saturday.",
        "The 4-1 defeat for Norway in Oslo cost the coach his job.",
        # a name that modifies the subject after a fronted phrase is no region of the place before it
        "At a rally in Tacoma, Spokane officials backed the plan.",
        "Before the vote in Boise, Tacoma councillors met the mayor.",
        # a possessor opens the next item of a list: "Tacoma, Spokane's council and Duluth's mayor"
        "The talks were the work of Tacoma, Spokane's council and Duluth's mayor.",
        # the opponent of "lost to" is no place of the venue either
        pytest.param("Norway lost 3-0 to Sweden in Stockholm on Saturday.", marks=pytest.mark.xfail(
            strict=True, reason="'lost to' is not among the words that make a name an opponent: "
                                "Sweden is read as in Stockholm")),
    ],
)
def test_rules_no_place_in_a_venue_or_a_modifier(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(p == "locatedIn" for _, p, _ in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the patterns the guards above hold back: a place in a place, and a "Place, Region" chain
        ("Lena Berg grew up in Bergen in western Norway.", ("Bergen", "locatedIn", "Norway")),
        ("The firm has an office in Tacoma, Washington.", ("Tacoma", "locatedIn", "Washington")),
    ],
)
def test_rules_place_in_a_place_outside_venues_and_lists(extract_text, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in extract_text(text)


def test_rules_people_of_a_party_are_members(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Lena Berg, of the Kestrel Party, said so.")
    assert found == {("Lena Berg", "memberOf", "Kestrel Party")}, found
    assert ("Tomas Vidal", "worksFor", "Kestrel Bank") in extract_text("Tomas Vidal, of Kestrel Bank, said so.")


def test_rules_post_in_a_unit_of_the_owner(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "the Party's Senate leader" leads the party's group in the Senate, neither the party nor the Senate
    for text in ("The Kestrel Party's Senate leader, Lena Berg, voted against the budget.",
                 "Lena Berg, the Kestrel Party's Senate leader, voted against the budget."):
        found = extract_text(text)
        assert found == {("Lena Berg", "worksFor", "Kestrel Party")}, found


@pytest.mark.parametrize(
    "text", ["Tomas Vidal appointed Kestrel Bank to advise on the sale.",
             "Lena Berg hired Kestrel Bank to sell her shares."],
)
def test_rules_person_who_hires_a_firm_does_not_work_for_it(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(p == "worksFor" for _, p, _ in found), found
    # the hiring pattern, the right way round: the organisation hires the person
    assert ("Lena Berg", "worksFor", "Kestrel Bank") in extract_text("Kestrel Bank hired Lena Berg in 2003.")


def test_rules_relative_clause_attaches_to_organisation(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Anna Weber, CEO of Talvik Institute which runs Eastgate Science Park, spoke on Monday.")
    assert ("Anna Weber", "ceoOf", "Talvik Institute") in found
    assert ("Talvik Institute", "operates", "Eastgate Science Park") in found
    assert not any(s == "Anna Weber" and p == "operates" for s, p, _ in found)


def test_rules_agreement_between_resolves_the_description(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(
        "Eastgate Science Park is the largest biotech cluster in Norway. "
        "Ten startups joined the park under an agreement signed between the cluster and the Ministry of Trade."
    )
    pair = {("Eastgate Science Park", "hasAgreementWith", "Ministry of Trade"),
            ("Ministry of Trade", "hasAgreementWith", "Eastgate Science Park")}
    assert pair & found, found


@pytest.mark.parametrize(
    ("text", "place"),
    [("Lena Berg, the mayor of Tacoma, opened the bridge.", "Tacoma"),
     ("Tomas Vidal, the governor of Oregon, signed the bill.", "Oregon")],
)
def test_rules_type_constraints(extract_text, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    # the head's pattern matches "the mayor of Tacoma", but headOf's range is an organisation, not a place;
    # and a person is no organisation to be based somewhere
    found = extract_text(text)
    assert not any(o == place and p in {"headOf", "basedIn"} for _, p, o in found), found
    assert any(o == place and p == "livesIn" for _, p, o in found), found  # the relation the types allow
    assert ("Lena Berg", "headOf", "Kestrel Bank") in extract_text("Lena Berg, the president of Kestrel Bank, spoke.")


def test_rules_former_role_is_not_current(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.relations import find_relations

    doc = nlp("Henrik Moller, former chairman of Nordwind Energy, retired in May.")
    rels = find_relations(doc, find_mentions(doc, ontology), ontology)
    roles = [r.role for r in rels if r.predicate == "headOf"]
    assert roles and roles[0] is not None and roles[0].current is False


def test_rules_mentions_repair_types(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = nlp("Samsung Biologics and the Ministry of Health met in Seoul.")
    types = {m.text: m.type for m, _ in find_mentions(doc, ontology)}
    assert types.get("Samsung Biologics") == "Organization"
    assert types.get("Ministry of Health") == "GovernmentBody"
    assert types.get("Seoul") == "Place"


def test_rules_title_before_name_names_the_organisation(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("The mayor met then Minister of Fisheries and Oceans Karin Holm in Bergen.")
    assert ("Karin Holm", "headOf", "Fisheries and Oceans") in found, found


def test_rules_person_in_apposition_is_not_made_a_place(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = nlp("The fourth president of the Republic of Veldora, Elena Markov, grew up on a farm in Tarnby.")
    types = {m.text: m.type for m, _ in find_mentions(doc, ontology)}
    assert types.get("Elena Markov") == "Person", types


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gov. Gerald Holloway of Virginia said no.", "Gerald Holloway"),
        ("The ruling was written by Judge Ralph Winterbourne.", "Ralph Winterbourne"),
        ("Lt. Patrick Fennimore said the boat sank.", "Patrick Fennimore"),
    ],
)
def test_rules_office_titles_are_not_part_of_a_name(nlp, ontology, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = nlp(text)
    people = {m.text for m, _ in find_mentions(doc, ontology) if m.type == "Person"}
    assert name in people, (people, [(e.text, e.label_) for e in doc.ents])


def test_rules_forms_of_address_stay_in_a_name(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    people = {m.text for m, _ in find_mentions(nlp("Mrs. Halvorsen said the storm was over."), ontology)}
    assert "Mrs. Halvorsen" in people, people


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mara Quint, a soil chemist with Corvane Labs, said the yield doubled.",
         ("Mara Quint", "worksFor", "Corvane Labs")),
        ("Tobias Renner, a bus driver from Uppsala, said he was worried.",
         ("Tobias Renner", "livesIn", "Uppsala")),
    ],
)
def test_rules_any_noun_pattern(extract_text, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found


@pytest.mark.parametrize(
    "text", ["Kestrel Party member Lena Berg spoke at the rally.",
             "Lena Berg, a longtime member of the Kestrel Party, spoke at the rally."],
)
def test_rules_any_noun_leaves_owned_nouns_alone(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    # "member" is a memberOf trigger: the any-noun worksFor pattern must not read it as a post on the staff
    # (the old input, "Y, Norway's largest research facility", gave nothing with or without this guard)
    found = extract_text(text)
    assert ("Lena Berg", "memberOf", "Kestrel Party") in found, found
    assert not any(p == "worksFor" for _, p, _ in found), found
    # a noun no pattern owns is the wildcard's
    found = extract_text("Lena Berg, a driver for the Kestrel Party, spoke at the rally.")
    assert ("Lena Berg", "worksFor", "Kestrel Party") in found, found


def test_rules_dateline_names_places_and_agency(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = nlp("KELLMORE, Ostravia (AP) _ Storms closed the harbour on Monday.")
    mentions = find_mentions(doc, ontology)
    types = {m.text: m.type for m, _ in mentions}
    assert types.get("KELLMORE") == "Place" and types.get("Ostravia") == "Place", types
    assert types.get("AP") == "Organization", types
    found = _relations(doc, mentions, ontology)
    assert ("KELLMORE", "locatedIn", "Ostravia") in found, found


def test_rules_no_dateline_without_agency(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = nlp("NASA said on Monday that the launch was delayed.")
    assert not any(m.label == "dateline" for m, _ in find_mentions(doc, ontology))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The shipment was sent to Harrowgate Meats Ltd. of Leeds last week.",
         ("Harrowgate Meats Ltd.", "basedIn", "Leeds")),
        ("Dominique Vance works for the Northern Committee of the Blue Shield in Nairobi.",
         ("Northern Committee of the Blue Shield", "basedIn", "Nairobi")),
    ],
)
def test_rules_organisation_of_or_in_a_place(extract_text, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her parents ran a shop in Uppsala in central Sweden.", ("Uppsala", "locatedIn", "Sweden")),
        ("Crocodiles in Zambia's Luangwa River have been seen near the villages.",
         ("Luangwa River", "locatedIn", "Zambia")),
    ],
)
def test_rules_place_in_or_of_a_place(extract_text, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Storm Damage Reported AB1203114594 Kellmore KELLMORE GAZETTE in English 12 Mar 94 p 3",
         ("KELLMORE GAZETTE", "basedIn", "Kellmore")),
        ("CD1708150591 Ostrava Radio Ostrava Network in Czech 1530 GMT 17 Aug 91",
         ("Radio Ostrava Network", "basedIn", "Ostrava")),
        # a hyphen inside the publisher's capitals
        ("LD2206101592 Kellmore KEST-NORD in English 1015 GMT 22 Jun 92", ("KEST-NORD", "basedIn", "Kellmore")),
        # without the wire code: a line that is only the place and the publisher in capitals
        ("Kellmore VECERNI LIST", ("VECERNI LIST", "basedIn", "Kellmore")),
        ("Flooding on the coast\nPort Arlen DAGBLADET NORD\nThe river rose overnight.",
         ("DAGBLADET NORD", "basedIn", "Port Arlen")),
    ],
)
def test_rules_wire_source_line(extract_text, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found
    assert not any(o in {"GMT", "English", "Czech"} for _, _, o in found), found


def test_rules_place_word_with_a_purpose_names_a_body(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = nlp("Mara Quint of the Halden Center for Strategic Studies said the talks had failed.")
    types = {m.text: m.type for m, _ in find_mentions(doc, ontology)}
    assert types.get("Halden Center for Strategic Studies") == "Organization", types


def test_rules_place_before_a_capitalised_title(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Norway District Judge Harald Stokke ruled against the bank.")
    assert ("Harald Stokke", "livesIn", "Norway") in found, found


def test_rules_attribute_through_a_common_noun(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Mara Quint of Larkfield University's law school said the vote was close.")
    assert ("Mara Quint", "worksFor", "Larkfield University") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The buyers were Kestrel Marine Inc. of Seattle and Orbitel Systems Ltd. of Glasgow.",
        "The contract went to Kestrel Marine Inc. of Seattle and Orbitel Systems Ltd. of Glasgow.",
    ],
)
def test_rules_attribute_conjuncts_keep_their_own_phrase(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
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
def test_rules_attribute_conjuncts_second_place_gaps(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert any(p == "basedIn" and s in {"Orbitel Systems Ltd.", "Corvane Industries"} for s, p, _ in found), found


def test_rules_person_after_a_place_and_comma_stays_a_person(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = nlp("The new ambassador of Norway, Mr. Tobias Renner, arrived on Monday.")
    types = {m.text: m.type for m, _ in find_mentions(doc, ontology)}
    assert types.get("Mr. Tobias Renner") == "Person", types


def test_rules_no_place_is_in_a_place_that_is_in_it(ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.relations import _drop_implied
    from kgraph.models import Mention, RelationMention

    town, region = Mention(0, 6, "Skovde", "Place", "GPE"), Mention(8, 14, "Sweden", "Place", "GPE")

    def rel(s: Mention, o: Mention, confidence: float) -> RelationMention:
        return RelationMention(s, "locatedIn", o, confidence, 0, 20, "Skovde, Sweden, plant")

    kept = _drop_implied([rel(town, region, 0.8), rel(region, town, 0.7)], ontology)
    assert [(r.subject.text, r.object.text) for r in kept] == [("Skovde", "Sweden")]
    kept = _drop_implied([rel(region, town, 0.7), rel(town, region, 0.7)], ontology)
    assert [(r.subject.text, r.object.text) for r in kept] == [("Skovde", "Sweden")]


def test_rules_a_person_title_in_apposition_makes_a_person(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import _described_as, _person_titles

    assert "spokesman" in _person_titles(ontology) and "partner" not in _person_titles(ontology)
    doc = nlp("The debate was closed by Tobias Renner, a spokesman from Uppsala.")
    span = next(e for e in doc.ents if e.text == "Tobias Renner")
    assert _described_as(span, ontology) == "Person"


def test_rules_work_verbs_with_for_or_at(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Tobias Renner has written for the Halden Times since 1981.")
    assert ("Tobias Renner", "worksFor", "Halden Times") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Brandt, senior vice president of sales at Orbitel Networks, spoke on Monday.",
        "Tomas Brandt, deputy director of Orbitel Networks, spoke on Monday.",
        "Tomas Brandt, program director at Orbitel Networks, spoke on Monday.",
        "Tomas Brandt, head of Orbitel Networks' audit unit, spoke on Monday.",
    ],
)
def test_rules_lesser_post_is_worksfor_not_headof(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Tomas Brandt", "worksFor", "Orbitel Networks") in found, found
    assert not any(p in {"headOf", "ceoOf"} for _, p, _ in found), found


def test_rules_top_post_stays_headof(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Tomas Brandt, president of Orbitel Networks, spoke on Monday.")
    assert ("Tomas Brandt", "headOf", "Orbitel Networks") in found, found


def test_rules_lesser_post_keeps_its_whole_title(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.relations import find_relations

    doc = nlp("Tomas Brandt, senior vice president of sales at Orbitel Networks, spoke on Monday.")
    relations = find_relations(doc, find_mentions(doc, ontology), ontology)
    roles = [r.role.title for r in relations if r.predicate == "worksFor" and r.role is not None]
    assert roles == ["Senior Vice President"], relations


def test_rules_title_before_a_name_is_that_names_alone(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Green Party leader Ida Vogel and Liberal leader Otto Hahnfeld toured Kiel on Monday.")
    assert ("Ida Vogel", "headOf", "Green Party") in found, found
    assert not any(s == "Otto Hahnfeld" and o == "Green Party" for s, _, o in found), found


def test_rules_modifier_of_a_later_conjunct_is_its_alone(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("A merger of Kestrel Air and Oslo-based Orbitel Networks was announced on Monday.")
    assert ("Orbitel Networks", "basedIn", "Oslo") in found, found
    assert ("Kestrel Air", "basedIn", "Oslo") not in found, found


def test_rules_list_of_places_pairs_each_with_its_own(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("The bank has branches in Lyon in France, Graz in Austria and Turku in Finland.")
    located = {(s, o) for s, p, o in found if p == "locatedIn"}
    assert {("Lyon", "France"), ("Graz", "Austria"), ("Turku", "Finland")} <= located, found
    assert len(located) == 3, found


def test_rules_possessive_in_a_list_is_its_names_alone(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Rivals include Norway's Kestrel Air, Orbitel Networks and Sweden's Nordwind Energy.")
    assert {("Kestrel Air", "basedIn", "Norway"), ("Nordwind Energy", "basedIn", "Sweden")} <= found, found
    assert not any(s == "Orbitel Networks" for s, _, _ in found), found
    assert not any(s == "Kestrel Air" and o == "Sweden" for s, _, o in found), found


def test_rules_any_noun_skips_its_exceptions(extract_text, ontology) -> None:  # type: ignore[no-untyped-def]
    star = extract_text("Lena Berg, star of Orbitel Networks, spoke at the festival on Monday.")
    assert not any(s == "Lena Berg" and p == "worksFor" for s, p, _ in star), star
    engineer = extract_text("Lena Berg, an engineer at Orbitel Networks, spoke at the festival on Monday.")
    assert ("Lena Berg", "worksFor", "Orbitel Networks") in engineer, engineer
    assert any("star" in p.exceptions for p in ontology.patterns if "*" in p.triggers)
    # "a Kellmore teenager" is of a place the NER took for an organisation, not on its staff
    teen = extract_text("Lena Berg, a Kellmore Systems teenager, spoke at the festival on Monday.")
    assert not any(p == "worksFor" for _, p, _ in teen), teen


def test_rules_lowercase_entity_is_not_a_name(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from kgraph.extract.mentions import find_mentions

    doc = nlp("Orbitel sells a video jukebox in Oslo.")
    jukebox = next(t.i for t in doc if t.text == "jukebox")
    doc.ents = [Span(doc, 0, 1, label="ORG"), Span(doc, jukebox, jukebox + 1, label="PERSON")]
    names = {m.text for m, _ in find_mentions(doc, ontology)}
    assert "Orbitel" in names and "jukebox" not in names, names


def test_rules_where_clause_gives_the_place(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Visitors pass through Elmwood, where Jonas Lind was born, on the way north.")
    assert ("Jonas Lind", "livesIn", "Elmwood") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Helix Therapeutics has its headquarters in Basel.",
        "The talks were held at the Helix Therapeutics headquarters in Basel.",
    ],
)
def test_rules_headquarters_of_an_organisation(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Helix Therapeutics", "basedIn", "Basel") in found, found


def test_rules_dateline_with_apposition_terminates(extract_text) -> None:  # type: ignore[no-untyped-def]
    """A press-release dateline before an apposed company once sent the list counter round forever."""
    import threading

    text = "Rock Creek, Md., May 4, 2023 -- Orbitel Networks Inc. said it will release results."
    result: list[set[tuple[str, str, str]]] = []
    worker = threading.Thread(target=lambda: result.append(extract_text(text)), daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert result, "extraction did not finish within 20 s"
    assert ("Rock Creek", "locatedIn", "Md.") in result[0], result[0]


@pytest.mark.parametrize(
    ("text", "function"),
    [
        ("Ms. Berg served as the Sales Director of Orbitel Networks Ltd. until she retired.", "Sales"),
        ("Ms. Berg, the Marketing Director of Orbitel Networks Ltd., resigned.", "Marketing"),
        pytest.param("Ms. Berg was the Finance Director of Orbitel Networks Ltd. until 2019.", "Finance",
                     marks=pytest.mark.xfail(strict=True, reason="with 'Finance' after 'was the', the post is "
                                                                 "read as the company's head (headOf)")),
    ],
)
def test_rules_capitalised_function_before_a_title_is_no_organisation(extract_text, text: str, function: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Ms. Berg", "worksFor", "Orbitel Networks Ltd.") in found, found
    assert not any(o == function for _, _, o in found), found
    assert not any(p == "headOf" for _, p, _ in found), found  # a function's director is a lesser post


def test_rules_clause_inside_a_list_is_its_names_alone(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Rivals include Orbitel Networks (acquired by Kestrel Air in 2007), Brightwater Systems "
                         "and Nordwind Energy.")
    acquired = {o for s, p, o in found if p == "acquired"}
    assert acquired == {"Orbitel Networks"}, found
    listed = extract_text("In 2007 Kestrel Air bought Orbitel Networks, Brightwater Systems and Nordwind Energy.")
    assert {o for _, p, o in listed if p == "acquired"} == {"Orbitel Networks", "Brightwater Systems",
                                                           "Nordwind Energy"}, listed


def test_rules_an_age_after_a_name_makes_a_person(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from kgraph.extract.mentions import find_mentions

    doc = nlp("Marta Kielberg, 50, of Bellport, and Orbitel Networks Inc., 3, were named.")
    end = next(t.i for t in doc if t.text == "Kielberg") + 1
    start = next(t.i for t in doc if t.text == "Orbitel")
    doc.ents = [Span(doc, 0, end, label="ORG"), Span(doc, start, start + 3, label="ORG")]
    types = {m.text: m.type for m, _ in find_mentions(doc, ontology)}
    assert types["Marta Kielberg"] == "Person", types
    assert types["Orbitel Networks Inc."] == "Organization", types  # an organisation's head noun wins


def test_rules_conjunct_with_its_own_apposition_is_not_a_party(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Anna Weber, the mayor of Bellport, and Tom Dahl, a teacher from Alder, met on Monday.")
    assert ("Anna Weber", "livesIn", "Bellport") in found, found
    assert not any(s == "Tom Dahl" and o == "Bellport" for s, _, o in found), found


@pytest.mark.parametrize(
    "text", ["Lena Berg, a member of the Vidal family, said so.",
             "Lena Berg, the youngest member of the Rothwell family, runs the mill."],
)
def test_rules_membership_of_a_family_is_no_membership(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    # the family's name is a person's: memberOf's range (an organisation) keeps it out
    found = extract_text(text)
    assert not any(p == "memberOf" for _, p, _ in found), found
    # the same pattern with a body: "a member of the Harrow County Council"
    found = extract_text("Lena Berg, a member of the Harrow County Council, said so.")
    assert ("Lena Berg", "memberOf", "Harrow County Council") in found, found


def test_extractor_states_no_relation_of_an_entity_with_itself(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.spacy_rules import RuleExtractor
    from kgraph.models import Article

    text = "Vidal won easily in Oregon, the state where his wife, Lena, grew up."
    extraction = next(RuleExtractor(ontology=ontology).extract([Article(id="a", text=text, source="a")]))
    links = extraction.links
    assert all(links[r.subject] != links[r.object] for r in extraction.relations), extraction.relations


@pytest.mark.parametrize(
    "text", ["Lena Berg, one of the loudest voices at the Kestrel Bank meeting, voted against the plan.",
             "Tomas Vidal was one of the speakers at the Kestrel Bank conference on Monday."],
)
def test_rules_one_of_any_noun_is_no_post(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    # "one of the founders of Y" states a post; "one of the speakers at Y" does not
    found = extract_text(text)
    assert not any(p == "worksFor" for _, p, _ in found), found
    # "one of" with a title of the patterns still gives the post
    found = extract_text("Lena Berg, one of the directors of Orbitel Corp., said so.")
    assert ("Lena Berg", "worksFor", "Orbitel Corp.") in found, found


def test_rules_form_of_address_is_no_post(extract_text) -> None:  # type: ignore[no-untyped-def]
    for text in ("Labour's Mr Lindqvist, who says he meant every word, apologised to the reporter.",
                 "The Harbour Party's Mrs Lindqvist denied the claims on Monday."):
        found = extract_text(text)
        assert not any(p == "worksFor" for _, p, _ in found), found
    # the party's possessive before a full name: one of its people
    found = extract_text("The Harbour Party's Lena Berg denied the claims on Monday.")
    assert ("Lena Berg", "memberOf", "Harbour Party") in found, found


def test_rules_place_in_name_exceptions(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("The Estonian Embassy in Oslo said that Estonia would send aid.")
    assert ("Estonian Embassy", "basedIn", "Estonia") not in found, found
    found = extract_text("The Indian Government met the governor of Indiana on Monday.")
    assert not any(o == "Indiana" and p == "basedIn" for _, p, o in found), found
    # a company's first word may be its own short name
    found = extract_text("In addition, Dakota intends to file reports for Dakota Holding Corporation and Dakota Bank.")
    assert not any(p == "basedIn" for _, p, _ in found), found


def test_rules_dateline_without_agency(extract_text) -> None:  # type: ignore[no-untyped-def]
    assert ("MARLOWE", "locatedIn", "Ky.") in extract_text("MARLOWE, Ky.")
    found = extract_text("KESTREL SPRINGS, Calif. -- A fire burned a barn.")
    assert ("KESTREL SPRINGS", "locatedIn", "Calif.") in found
    found = extract_text("NORDWIND, Inc. -- The firm said its sales rose.")
    assert not any(p == "locatedIn" for _, p, _ in found), found


def test_rules_chain_over_located_in(extract_text) -> None:  # type: ignore[no-untyped-def]
    # kg:basedIn owl:propertyChainAxiom (kg:basedIn kg:locatedIn): the firm is in the state too
    found = extract_text("The barge, hired from Nordwind Marine Inc. of Bellport, Ore., sailed on Monday.")
    assert ("Nordwind Marine Inc.", "basedIn", "Bellport") in found
    assert ("Bellport", "locatedIn", "Ore.") in found
    assert ("Nordwind Marine Inc.", "basedIn", "Ore.") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HOLTVILLE, Oregon (AP) _ A fire burned two barns on Monday.",
         {("AP", "reportedFrom", "HOLTVILLE"), ("AP", "reportedFrom", "Oregon")}),
        ("(Text) Tallinn, March 3 (ETA) -- The government of Estonia met on Monday.",
         {("ETA", "reportedFrom", "Tallinn")}),
        ("Kaunas, Lithuania, Feb 2 (ELTA) -- Rescuers pulled two hikers from a river on Sunday.",
         {("ELTA", "reportedFrom", "Kaunas"), ("ELTA", "reportedFrom", "Lithuania")}),
    ],
)
def test_rules_dateline_agency_reported_from(extract_text, text: str, expected: set) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected <= found, found
    assert not any(p == "basedIn" and s in {"AP", "ETA", "ELTA"} for s, p, _ in found), found


def test_rules_dated_dateline_needs_a_date_and_no_person(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Anna Berg, May 4 (AP) -- said the plan would work.")
    assert not any(p == "reportedFrom" for _, p, _ in found), found


def test_rules_apposition_needs_a_comma(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "to Reuters the head of ..." is a misparse, not "Reuters, the head of ...": Reuters stays
    # an organisation, and neither it nor the description "the head" (resolved to it) heads anything
    found = extract_text("Talking to AFP the chairman of Estonia's Defence Council, Tomas Vidal, rejected the claims.")
    assert not any(s == "AFP" for s, _, _ in found), found


def test_mentions_do_not_open_a_bracket_they_do_not_close(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    # the small model tags "Alliance of Democratic Forces (ADF" as one organisation
    doc = nlp("The Party of Democratic Renewal (PDR) won the vote.")
    assert any(e.text == "Party of Democratic Renewal (PDR" for e in doc.ents)  # the model's mistake, as used here
    texts = {m.text for m, _ in find_mentions(doc, ontology)}
    assert "Party of Democratic Renewal" in texts, texts
    assert not any("(" in t and ")" not in t for t in texts), texts
    # the same mistake put in by hand, in another sentence
    doc = _with_ents(nlp, "Voters backed the Alliance of Rural Voters (ARV) in May.", [(3, 9, "ORG")])
    texts = {m.text for m, _ in find_mentions(doc, ontology)}
    assert "Alliance of Rural Voters" in texts and not any("(" in t and ")" not in t for t in texts), texts


@pytest.mark.parametrize(
    "text",
    [
        "SMITH, John",  # a byline
        "MARKETS RALLY, Stocks Climb -- Shares rose on Monday.",  # a headline
        "UPDATE, Tomas Vidal Resigns -- He quit on Monday.",
        "Monday, March 3 (AP) -- The mayor spoke.",  # a weekday is no place
        "STOCKS FALL 5 PCT -- Shares dropped on Monday.",  # no month, no date
    ],
)
def test_rules_no_dateline_in_bylines_and_headlines(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(p in {"locatedIn", "reportedFrom"} for _, p, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Tallinn April 25 ETA - The Estonian Parliament voted.",  # a one-hyphen dash
        "\nTallinn April 25 ETA -- The Estonian Parliament voted.",  # white space first
    ],
)
def test_rules_dated_dateline_variants(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert ("ETA", "reportedFrom", "Tallinn") in extract_text(text)


def test_rules_adjective_in_ic_is_no_place_adjective(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Atlantic Records signed a band from Atlanta.")
    assert not any(p == "basedIn" and o == "Atlanta" for _, p, o in found), found


@pytest.mark.parametrize(
    "text", ["After the purchase of Corvane Gas by Kestrel Holdings Inc. in 2012, Mr. Dahl advised the new owners.",
             "The takeover of Corvane Gas by Kestrel Holdings Inc. was approved, Mr. Dahl said."],
)
def test_rules_event_noun_agent_after_by(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Kestrel Holdings Inc.", "acquired", "Corvane Gas") in found, found
    assert ("Mr. Dahl", "acquired", "Corvane Gas") not in found, found


@pytest.mark.parametrize(
    "text", ["Lena Berg, director on the board of Kestrel Energy, voted against the merger.",
             "Lena Berg was named director on the board of Kestrel Energy in May."],
)
def test_rules_a_seat_on_the_board_is_no_headship(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    # (without an article: "a director of Y" is one of several anyway)
    found = extract_text(text)
    assert ("Lena Berg", "worksFor", "Kestrel Energy") in found, found
    assert ("Lena Berg", "headOf", "Kestrel Energy") not in found, found


@pytest.mark.parametrize(
    "text", ["Lena Berg is originally from Tacoma.", "Lena Berg, who hails from Tacoma, won the race."]
)
def test_rules_a_person_from_a_place(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert ("Lena Berg", "livesIn", "Tacoma") in extract_text(text)


def test_rules_a_thing_from_a_place_is_no_resident(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("The letter that Lena Berg read is from Tacoma.")
    assert not any(p == "livesIn" for _, p, _ in found), found


def test_rules_title_after_a_common_noun_after_the_organisation(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "NTP floor leader X": the party hangs on "floor", not on "leader"; a floor leader is no head of the party
    found = extract_text("NTP floor leader Lena Berg told reporters the vote would pass.")
    assert ("Lena Berg", "worksFor", "NTP") in found, found
    assert ("Lena Berg", "headOf", "NTP") not in found, found


def test_rules_a_company_official_works_for_the_one_company_named(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Orbitel Corp. raised its prices in May, according to Lena Berg, a company spokeswoman.")
    assert ("Lena Berg", "worksFor", "Orbitel Corp.") in found, found
    # two organisations: which one is "the company" is not clear
    found = extract_text("Orbitel Corp. sued Kestrel Inc., said Lena Berg, a company spokeswoman.")
    assert not any(s == "Lena Berg" for s, _, _ in found), found


def test_rules_a_part_of_a_place_is_in_the_place(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Few people live in Spokane, a town in the north of Idaho.")
    assert ("Spokane", "locatedIn", "Idaho") in found, found


def test_rules_a_verb_whose_place_follows_from_does_not_make_at_locative(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    # "is from Y" is a livesIn pattern; "has been at Y" must not turn an organisation into a place
    from kgraph.extract.mentions import find_mentions

    doc = nlp("The play has run at Oslo's Nordic Theatre for a year.")
    types = {m.text: m.type for m, _ in find_mentions(doc, ontology)}
    assert types.get("Nordic Theatre") == "Organization", types


def test_rules_coordinated_names_misparsed_as_modifier_are_no_chain(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    # The parser sometimes reads "in Vellan and Port Arlen" as "Vellan" modifying "Port Arlen" (nmod);
    # a name is a modifier only when nothing but a possessive stands between ("U.S. Congress", "Japan's X").
    from spacy.tokens import Doc

    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.relations import find_relations

    doc = Doc(
        nlp.vocab,
        words=["The", "defeats", "in", "Vellan", "and", "Port", "Arlen", "hurt", "."],
        spaces=[True] * 7 + [False, False],
        pos=["DET", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "PUNCT"],
        deps=["det", "nsubj", "prep", "nmod", "cc", "compound", "pobj", "ROOT", "punct"],
        heads=[1, 7, 1, 6, 3, 6, 2, 7, 7],
        ents=["O", "O", "O", "B-GPE", "O", "B-GPE", "I-GPE", "O", "O"],
    )
    mentions = find_mentions(doc, ontology)
    assert {m.text for m, _ in mentions} == {"Vellan", "Port Arlen"}
    assert find_relations(doc, mentions, ontology) == []


def test_rules_a_work_is_no_employee(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "X, Y's first film": a noun for a work relates the title to its maker, not to an employer
    found = extract_text("Tomas Vidal, Kestrel Studios' first film, opened in 1958.")
    assert not any(p == "worksFor" for _, p, _ in found), found
    found = extract_text("Tomas Vidal, Kestrel Studios' sound engineer, opened the show in 1958.")
    assert ("Tomas Vidal", "worksFor", "Kestrel Studios") in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of "agreed" undergoes "to be acquired"; the deal is agreed, not done
        ("Under the deal, Orbitel Corp. has agreed to be acquired by Kestrel Holdings.",
         {("Kestrel Holdings", "agreedToAcquire", "Orbitel Corp.")}),
        ("Kestrel Holdings said it would buy Orbitel Corp.",
         {("Kestrel Holdings", "agreedToAcquire", "Orbitel Corp.")}),
        ("Kestrel Holdings plans to buy Orbitel Corp.", {("Kestrel Holdings", "agreedToAcquire", "Orbitel Corp.")}),
        ("Kestrel Holdings' agreed takeover of Orbitel Corp. was approved.",
         {("Kestrel Holdings", "agreedToAcquire", "Orbitel Corp.")}),
        # an expectation or an offer is no deal
        ("Orbitel Corp. is expected to be bought by Kestrel Holdings.", set()),
        ("Kestrel Holdings has offered to buy Orbitel Corp.", set()),
    ],
)
def test_rules_deal_agreed_is_not_done(extract_text, text: str, expected: set[tuple[str, str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert extract_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Holdings, the parent company of Orbitel Corp. and Corvane Inc., reported a loss.",
        "Orbitel Corp.'s parent company, Kestrel Holdings, reported a loss.",
    ],
)
def test_rules_parent_company_is_an_inverse_pattern(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Orbitel Corp.", "subsidiaryOf", "Kestrel Holdings") in found, found
    assert ("Kestrel Holdings", "subsidiaryOf", "Orbitel Corp.") not in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Lena Berg, a director of Kestrel Group, said so.",  # one of the directors
        "Former Kestrel Group financial chief Lena Berg testified.",  # a function's chief
        "Lena Berg, a portfolio manager at Kestrel Group, said so.",
    ],
)
def test_rules_indefinite_or_functional_titles_are_lesser_posts(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Lena Berg", "worksFor", "Kestrel Group") in found, found
    assert ("Lena Berg", "headOf", "Kestrel Group") not in found, found


def test_rules_a_former_head_with_the_indefinite_article_is_still_a_head(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Lena Berg, a former chairman of Kestrel Group, said so.")
    assert ("Lena Berg", "headOf", "Kestrel Group") in found, found


@pytest.mark.parametrize(
    ("text", "name"),
    [("Shadow Transport Secretary Tomas Vidal said the railway plan would fail.", "Tomas Vidal"),
     ("Lena Berg, the shadow minister for the Treasury, said the figures were wrong.", "Lena Berg")],
)
def test_rules_shadow_portfolio_is_no_post(extract_text, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(s == name and p in {"headOf", "worksFor"} for s, p, _ in found), found
    # the same post without "shadow" is held
    found = extract_text("Lena Berg, the minister for the Treasury, said the figures were right.")
    assert ("Lena Berg", "headOf", "Treasury") in found, found


def test_rules_a_crime_noun_states_no_home(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Tacoma murderer Tomas Vidal was jailed.")  # where the crime happened
    assert not any(p == "livesIn" for _, p, _ in found), found
    # a profession keeps the reading: "a Tacoma architect" lives there
    assert ("Lena Berg", "livesIn", "Tacoma") in extract_text("A Tacoma architect, Lena Berg, designed it.")


def test_rules_a_crime_noun_is_no_employment(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Lena Berg, the Kestrel Bank murderer, was jailed.")
    assert not any(p == "worksFor" for _, p, _ in found), found
    found = extract_text("Lena Berg, the Kestrel Bank cashier, was praised.")
    assert ("Lena Berg", "worksFor", "Kestrel Bank") in found, found


def test_rules_each_group_takes_its_own_from_phrase(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(
        "Lena Berg, from Tacoma, and Tomas Vidal and Karl Holm, both from Spokane, reached the summit."
    )
    assert ("Lena Berg", "livesIn", "Tacoma") in found, found
    assert ("Lena Berg", "livesIn", "Spokane") not in found, found


def test_rules_a_law_is_no_entity(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from kgraph.extract.mentions import find_mentions

    # the NER sometimes labels a law ORG, as in a sentence with other organisations
    doc = nlp("The Nordic Banking Act was amended by Kestrel Bank.")
    doc.ents = [Span(doc, 1, 4, label="ORG"), Span(doc, 7, 9, label="ORG")]
    names = {m.text for m, _ in find_mentions(doc, ontology)}
    assert "Nordic Banking Act" not in names and "Kestrel Bank" in names, names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tacoma is Lena Berg's hometown.", ("Lena Berg", "livesIn", "Tacoma")),
        ("With Tacoma being Lena Berg's home state, the campaign was strong.", ("Lena Berg", "livesIn", "Tacoma")),
        ("Kestrel Inc. is Orbitel Corp.'s latest acquisition.", ("Orbitel Corp.", "acquired", "Kestrel Inc.")),
        ("Ohio-born Tomas Vidal was a young actor.", ("Tomas Vidal", "livesIn", "Ohio")),
    ],
)
def test_rules_copula_subject_is_the_event_nouns_object(extract_text, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found


def _with_ents(nlp, text: str, ents):  # type: ignore[no-untyped-def]
    """The parse of ``text`` with the NER's names replaced by ``ents`` ((start, end, label) tokens),
    to reproduce an NER mistake."""
    from spacy.tokens import Span

    doc = nlp(text)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def _relations(doc, mentions, ontology) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    from kgraph.extract.relations import find_relations

    return {(r.subject.text, r.predicate, r.object.text) for r in find_relations(doc, mentions, ontology)}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # the place-of-origin noun after the name makes it a place, whatever the NER said
        ("Lena Berg, a Duluth native, sang at the opening.", [(0, 2, "PERSON"), (4, 5, "ORG")],
         ("Lena Berg", "livesIn", "Duluth")),
        # a name before ", <place>" that ends the phrase is a place in a "Place, State" list
        ("Camp Orlen, Idaho; and Vellan Field, Tacoma, Wash.", [(0, 2, "ORG"), (3, 4, "GPE")],
         ("Camp Orlen", "locatedIn", "Idaho")),
        # the object of "a native of", "her hometown of" is a place
        ("Lena Berg, a native of Kellmore, sang at the opening.", [(0, 2, "PERSON"), (6, 7, "ORG")],
         ("Lena Berg", "livesIn", "Kellmore")),
        # a place followed by its region stays a place: the apposition after it is about the person
        ("Tomas Vidal, 83, of Port Arlen, Alaska, the last pilot of the old airline, died on Monday.",
         [(0, 2, "PERSON"), (6, 8, "GPE"), (9, 10, "GPE")],
         ("Tomas Vidal", "livesIn", "Port Arlen")),
    ],
)
def test_rules_place_evidence_retypes_a_name(nlp, ontology, text, ents, expected) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = _with_ents(nlp, text, ents)
    mentions = find_mentions(doc, ontology)
    types = {m.text: m.type for m, _ in mentions}
    assert types[expected[2]] == "Place" and types[expected[0]] == ("Person" if expected[1] == "livesIn" else "Place")
    found = _relations(doc, mentions, ontology)
    assert expected in found, found


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("The prime minister of Britain, Blair, said so.", [(4, 5, "GPE"), (6, 7, "PERSON")]),
        ("The mayor of Spokane, Vidal, said the city would grow.", [(3, 4, "GPE"), (5, 6, "ORG")]),
    ],
)
def test_rules_name_after_a_posts_place_holds_the_post(nlp, ontology, text, ents) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = _with_ents(nlp, text, ents)
    mentions = find_mentions(doc, ontology)
    holder = doc[ents[1][0]].text
    assert {m.text: m.type for m, _ in mentions}[holder] == "Person"
    assert not [r for r in _relations(doc, mentions, ontology) if r[1] == "locatedIn"]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # "Vellan MP Lena Berg": the party is no part of her name; named alone elsewhere, it is a body
        ("Vellan won 40 seats. Vellan MP Lena Berg said the vote was fair.", [(0, 1, "ORG"), (5, 9, "PERSON")],
         {("Lena Berg", "memberOf", "Vellan")}),
        # "Trade Minister X": a word before a capitalised title names the office, not a body
        ("Trade Minister Lena Berg said no. Trade won.", [(0, 4, "PERSON"), (7, 8, "ORG")], set()),
        ("Defence Secretary Lena Berg said no.", [(0, 1, "ORG"), (2, 4, "PERSON")], set()),
        # an abbreviation is a body's name: "U.N. Secretary-General X" heads the U.N.
        ("U.N. Secretary-General Lena Berg said no.", [(0, 1, "ORG"), (4, 6, "PERSON")],
         {("Lena Berg", "headOf", "U.N.")}),
    ],
)
def test_rules_body_before_a_title_in_a_persons_name(nlp, ontology, text, ents, expected) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = _with_ents(nlp, text, ents)
    mentions = find_mentions(doc, ontology)
    assert "Lena Berg" in {m.text for m, _ in mentions}
    found = _relations(doc, mentions, ontology)
    assert found == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a one-word "person" before a head's title before a person is the organisation
        ("He said Vellan boss Tomas Vidal was in jail.", [(2, 3, "PERSON"), (4, 6, "PERSON")],
         {("Tomas Vidal", "headOf", "Vellan")}),
        # a name the NER left unlabelled there is one
        ("On Monday, Kellmore chief executive Lena Berg resigned.", [(6, 8, "PERSON")],
         {("Lena Berg", "ceoOf", "Kellmore")}),
        # not a title only a head holds: "Vidal spokesman Lena Berg" may speak for a person
        ("He said Vidal spokesman Lena Berg was wrong.", [(2, 3, "PERSON"), (4, 6, "PERSON")], set()),
    ],
)
def test_rules_body_before_a_heads_title(nlp, ontology, text, ents, expected) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = _with_ents(nlp, text, ents)
    mentions = find_mentions(doc, ontology)
    found = _relations(doc, mentions, ontology)
    assert found == expected


@pytest.mark.parametrize(
    ("text", "ents", "name", "expected"),
    [
        # the kind of body before a one-word name types it
        ("It was a report by the think-tank Vellan.", [(9, 10, "PERSON")], "Vellan", "Organization"),
        ("The deal was agreed with insurer Kestrel on Monday.", [(6, 7, "PERSON")], "Kestrel", "Organization"),
        # not a person's full name, nor as a person's job or a place
        ("The film producer Lena Berg spoke.", [(3, 5, "PERSON")], "Lena Berg", "Person"),
        ("It was said by fund manager Kestrel Advisors.", [(6, 8, "ORG")], "Kestrel Advisors", "Organization"),
    ],
)
def test_rules_noun_before_a_name_types_a_body(nlp, ontology, text, ents, name, expected) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = _with_ents(nlp, text, ents)
    assert {m.text: m.type for m, _ in find_mentions(doc, ontology)}[name] == expected


@pytest.mark.parametrize(
    ("text", "ents", "name", "expected"),
    [
        # a name that is only a head noun ends the name before it, which the NER cut in two
        ("League leaders Kellmore United lost at home on Saturday.", [(2, 3, "GPE"), (3, 4, "ORG")],
         "Kellmore United", "Organization"),
        ("He lives in Kentish Town, Tacoma.", [(3, 4, "NORP"), (4, 5, "GPE"), (6, 7, "GPE")],
         "Kentish Town", "Place"),
        # a person's name takes no head noun
        ("He met Lena Berg Park officials.", [(2, 4, "PERSON"), (4, 5, "ORG")], "Lena Berg", "Person"),
        # a public body's name stands alone: "the U.S. Congress" is Congress, based in the U.S.
        ("Then the U.S. Congress passed it.", [(2, 3, "GPE"), (3, 4, "ORG")], "Congress", "GovernmentBody"),
    ],
)
def test_rules_bare_head_noun_ends_the_name_before_it(nlp, ontology, text, ents, name, expected) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = _with_ents(nlp, text, ents)
    assert {m.text: m.type for m, _ in find_mentions(doc, ontology)}.get(name) == expected


def test_rules_title_of_a_place_is_a_person(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    # "the Duchess of York": a title of nobility with its place names a person, whole
    doc = _with_ents(nlp, "Crowds cheered as the Duchess of Kellmore opened the bridge.", [(4, 7, "GPE")])
    assert {m.text: m.type for m, _ in find_mentions(doc, ontology)}.get("Duchess of Kellmore") == "Person"


def test_rules_person_before_a_place_keeps_its_type(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from kgraph.extract.mentions import find_mentions

    # a team sheet: "Vidal, Tacoma;" lists two players, not a town and its state
    doc = nlp("Berg, Vidal, Tacoma; Lind, Holm.")
    doc.ents = [Span(doc, 2, 3, label="PERSON"), Span(doc, 4, 5, label="GPE")]
    types = {m.text: m.type for m, _ in find_mentions(doc, ontology)}
    assert types["Vidal"] == "Person", types


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lena Berg opened a bakery in her Duluth hometown.", ("Lena Berg", "livesIn", "Duluth")),
        ("Kestrel Bank opened its Tacoma headquarters in 2001.", ("Kestrel Bank", "basedIn", "Tacoma")),
        ("In a briefing at Orbitel Corp.'s Tacoma, Wash., headquarters, Lena Berg said more study was needed.",
         ("Orbitel Corp.", "basedIn", "Tacoma")),
    ],
)
def test_rules_owner_and_name_before_an_event_noun(extract_text, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found



def test_rules_organisation_before_a_person_only_as_possessive(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.relations import find_relations

    # "Orbitel engineer Tomas Vidal" says so through the title; a bare name before a name says nothing
    doc = nlp("The rules are old, said Orbitel Tomas Vidal on Monday.")
    doc.ents = [Span(doc, 6, 7, label="ORG"), Span(doc, 7, 9, label="PERSON")]
    relations = find_relations(doc, find_mentions(doc, ontology), ontology)
    assert not any(r.predicate in {"worksFor", "memberOf"} for r in relations), relations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a prison or a hotel is a place, not an organisation based somewhere
        ("He was moved to Kestrel Ridge Penitentiary in Idaho.", ("Kestrel Ridge Penitentiary", "locatedIn", "Idaho")),
        # "Tech" ends a university's or a company's name
        ("She studied at Kellmore Tech in Duluth before joining Orbitel.", ("Kellmore Tech", "basedIn", "Duluth")),
        # an exposition is an event
        ("The Great Lakes Exposition in Duluth drew a million visitors.",
         ("Great Lakes Exposition", "heldAt", "Duluth")),
    ],
)
def test_rules_head_noun_gives_the_class(extract_text, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found


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
def test_rules_any_noun_patient_or_sniper_states_nothing(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
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
def test_rules_any_noun_with_a_job_states_the_relation(extract_text, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in extract_text(text)


def test_rules_the_town_of_a_name_is_that_name(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "the town of Duluth" names Duluth; it is no description of the county named before
    found = extract_text("In Kellmore County, crews closed roads near the town of Duluth.")
    assert ("Kellmore County", "locatedIn", "Duluth") not in found, found
    found = extract_text("In Harrow County, the village of Elmwood was cut off by floods.")
    assert ("Harrow County", "locatedIn", "Elmwood") not in found, found
    # "the capital of France" does describe a place named before
    found = extract_text("Lena Berg lives in Paris. She likes the capital of France.")
    assert ("Paris", "locatedIn", "France") in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "to be chairman": the governing verb's object holds the post
        ("The board asked Lena Berg to be Orbitel Bank's chairman.",
         ("Lena Berg", "headOf", "Orbitel Bank")),
        # the subject of a passive clause does the participle that hangs on it
        ("Tomas Vidal was injured while working at Kellmore Steel Works in Tacoma.",
         ("Tomas Vidal", "worksFor", "Kellmore Steel Works")),
        # a parish is a place; "Kellmore, Wyo., and ..." is a list of chains, not of places
        ("Residents of Montana's Kellmore Parish were told to leave.", ("Kellmore Parish", "locatedIn", "Montana")),
        ("Snow fell at Kellmore, Wyo., and Vellan, Colo., on Sunday.", ("Kellmore", "locatedIn", "Wyo.")),
    ],
)
def test_rules_controllers_parishes_chain_lists(extract_text, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare source line: the broadcaster's name opens with "Radio"
        ("Kellmore Radio Vellan Network", ("Radio Vellan Network", "basedIn", "Kellmore")),
        # a coded source line: the place's name ends in "City"
        ("PA1107052291 Kestrel City Vellan Television in Spanish 2215 GMT 11 Jul 91",
         ("Vellan Television", "basedIn", "Kestrel City")),
    ],
)
def test_rules_source_lines_of_broadcasters(extract_text, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the province of X" names X; the province's owner is X's place
        ("Norway's northern province of Finnmark is mostly empty.", ("Finnmark", "locatedIn", "Norway")),
        # an organisation "at" a place is based there
        ("The Orbitel Research Unit at Tacoma employs 40 people.", ("Orbitel Research Unit", "basedIn", "Tacoma")),
    ],
)
def test_rules_named_province_and_unit_at_a_place(extract_text, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found


def test_rules_conjunct_of_another_kind_is_another_list(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    # the parser joins "Orbitel" to "Lyon, France"; Orbitel's "in Spokane" is not France's
    doc = _with_ents(
        nlp, "The band played the Kellmore Theatre in Lyon, France, and Orbitel in Spokane.",
        [(4, 6, "FAC"), (7, 8, "GPE"), (9, 10, "GPE"), (12, 13, "ORG"), (14, 15, "GPE")],
    )
    found = _relations(doc, find_mentions(doc, ontology), ontology)
    assert ("Orbitel", "basedIn", "Spokane") in found, found
    assert ("France", "locatedIn", "Spokane") not in found, found
    assert ("Kellmore Theatre", "locatedIn", "Spokane") not in found, found


def test_rules_a_place_by_what_it_has(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    # the NER's organisation owns a city: it is a place
    doc = _with_ents(nlp, "The flood reached Tacoma, Vellania's third-largest city, on Monday.",
                     [(3, 4, "GPE"), (5, 6, "ORG")])
    found = _relations(doc, find_mentions(doc, ontology), ontology)
    assert ("Tacoma", "locatedIn", "Vellania") in found, found
    # a street is a place's; a foothill range's name is a place
    doc = _with_ents(nlp, "Kellmore's busiest street was closed for the parade.", [(0, 1, "ORG")])
    assert [m.type for m, _ in find_mentions(doc, ontology)] == ["Place"]
    doc = _with_ents(nlp, "Sheep graze in the Vellan Ridge foothills every summer.", [(4, 6, "ORG")])
    assert [m.type for m, _ in find_mentions(doc, ontology)] == ["Place"]
    # a person has a home state without being a place
    doc = _with_ents(nlp, "With Oregon being Lena Berg's home state, she campaigned hard.",
                     [(1, 2, "GPE"), (3, 5, "PERSON")])
    assert ("Lena Berg", "livesIn", "Oregon") in _relations(doc, find_mentions(doc, ontology), ontology)


def test_rules_an_employers_title_does_not_make_a_place(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    # "lawyer" names a home ("a Tacoma lawyer") and an employer ("a lawyer at Y"): "at" is no locative here
    doc = _with_ents(nlp, "Tomas Vidal, a lawyer at Kellmore in New York, said so.",
                     [(0, 2, "PERSON"), (6, 7, "ORG"), (8, 10, "GPE")])
    found = _relations(doc, find_mentions(doc, ontology), ontology)
    assert ("Tomas Vidal", "worksFor", "Kellmore") in found, found
    assert ("Kellmore", "basedIn", "New York") in found, found


@pytest.mark.parametrize(
    "text", ["Lena Berg, one of the best-known glacier experts in Norway, led the survey.",
             "Lena Berg, a top tax lawyer in Norway, joined the inquiry."],
)
def test_rules_an_expert_in_a_country_lives_there(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Lena Berg", "livesIn", "Norway") in found, found


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a title the tagger takes for an adjective still states the relation
        ("A statue of Spokane native Lena Berg was unveiled on Monday.",
         None, ("Lena Berg", "livesIn", "Spokane")),
        ("The bridge was opened by Spokane native Lena Berg in 1990.", None, ("Lena Berg", "livesIn", "Spokane")),
        # "NAME, 42, of X": the home town, whatever the NER called it
        ("Tomas Vidal, 42, of Kellmore, was named the winner.",
         [(0, 2, "PERSON"), (6, 7, "ORG")], ("Tomas Vidal", "livesIn", "Kellmore")),
        # a centre the NER calls an organisation is one
        ("Lena Berg of the Kellmore Hurricane Center in Tacoma said so.",
         [(0, 2, "PERSON"), (4, 7, "ORG"), (8, 9, "GPE")], ("Lena Berg", "worksFor", "Kellmore Hurricane Center")),
    ],
)
def test_rules_native_hometown_and_centre(nlp, ontology, text: str, ents, expected) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = nlp(text) if ents is None else _with_ents(nlp, text, ents)
    found = _relations(doc, find_mentions(doc, ontology), ontology)
    assert expected in found, found


def test_rules_headline_infinitive_is_an_announced_deal(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Orbitel Corp. to acquire Kestrel Bank.")
    assert ("Orbitel Corp.", "agreedToAcquire", "Kestrel Bank") in found, found
    assert ("Orbitel Corp.", "acquired", "Kestrel Bank") not in found, found


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a translated article's number opens a source line too
        ("92AS1147B Kellmore THE VELLAN TIMES in English 3 Feb 92 p 7", None,
         ("THE VELLAN TIMES", "basedIn", "Kellmore")),
        # "Co. of X": the company's town, whatever the NER called it
        ("Orbitel Disposal Co. of Vellan won the city's waste contract.",
         [(0, 3, "ORG"), (4, 5, "ORG")], ("Orbitel Disposal Co.", "basedIn", "Vellan")),
        # "the Kellmore institute": the noun after the name says its kind, and carries its phrase
        ("Lena Berg heads the Kellmore institute in Tacoma.",
         [(0, 2, "PERSON"), (4, 5, "PERSON"), (7, 8, "GPE")], ("Kellmore", "basedIn", "Tacoma")),
    ],
)
def test_rules_article_numbers_company_towns_and_kinds(nlp, ontology, text: str, ents, expected) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = nlp(text) if ents is None else _with_ents(nlp, text, ents)
    found = _relations(doc, find_mentions(doc, ontology), ontology)
    assert expected in found, found


def test_rules_opening_word_gives_the_class(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    # "Fort ...", "Camp ...": a place, though the NER said person
    doc = _with_ents(nlp, "Troops left Camp Kellmore, N.C., on Monday.", [(2, 4, "PERSON"), (5, 6, "GPE")])
    found = _relations(doc, find_mentions(doc, ontology), ontology)
    assert ("Camp Kellmore", "locatedIn", "N.C.") in found, found


def test_rules_possessor_of_a_home_is_a_person(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = _with_ents(nlp, "Police searched Vidal's New Jersey home on Monday.", [(2, 3, "ORG"), (4, 6, "GPE")])
    found = _relations(doc, find_mentions(doc, ontology), ontology)
    assert ("Vidal", "livesIn", "New Jersey") in found, found
    # a wife is a person's too
    doc = _with_ents(nlp, "Reporters waited for Vidal's wife outside the court.", [(3, 4, "ORG")])
    assert [m.type for m, _ in find_mentions(doc, ontology) if m.text == "Vidal"] == ["Person"]


@pytest.mark.xfail(strict=True, reason="the parser hangs the possessor on the place ('Vidal's Tacoma'), not on "
                                       "'home', so the NER's organisation stays one (also 'Rhode Island home')")
def test_rules_possessor_of_a_home_before_a_one_word_place(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = _with_ents(nlp, "Reporters waited outside Vidal's Tacoma home and took photographs.",
                     [(3, 4, "ORG"), (5, 6, "GPE")])
    assert ("Vidal", "livesIn", "Tacoma") in _relations(doc, find_mentions(doc, ontology), ontology)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rank written out is no part of the name, and states the post
        ("Kellmore Health Services Inspector Tomas Vidal closed the restaurant.",
         ("Tomas Vidal", "worksFor", "Kellmore Health Services")),
        ("Police Major Lena Berg of the Tacoma Police led the search.", ("Lena Berg", "worksFor", "Tacoma Police")),
    ],
)
def test_rules_rank_words_are_titles(extract_text, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found


def test_rules_a_directors_film_is_no_organisation(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    # "the Vellan director X": a film has a director, so the name before the title stays as the NER read it
    # (not at the start of a sentence, where no name before a title is retyped)
    for text, ents in (
        ("The jury includes Vellan director Lena Berg, who made the 1982 film Vellan.",
         [(3, 4, "PERSON"), (5, 7, "PERSON")]),
        ("Critics praised Vellan director Lena Berg for the film's score.", [(2, 3, "PERSON"), (4, 6, "PERSON")]),
    ):
        doc = _with_ents(nlp, text, ents)
        found = _relations(doc, find_mentions(doc, ontology), ontology)
        assert not any(p == "headOf" for _, p, _ in found), found
    # a head's title there does retype the name: "Vellan boss X" heads Vellan
    doc = _with_ents(nlp, "Critics praised Vellan boss Lena Berg for the results.",
                     [(2, 3, "PERSON"), (4, 6, "PERSON")])
    assert ("Lena Berg", "headOf", "Vellan") in _relations(doc, find_mentions(doc, ontology), ontology)


def test_rules_posts_of_successors_peers_and_former_offices(nlp, ontology, extract_text) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.relations import find_relations

    # "X will succeed Y as president": Y holds the post, X not yet; a place before "operator" is where
    for text in ("Tomas Vidal will succeed Lena Berg as chairman of Orbitel Corp. next year.",
                 "Tomas Vidal will replace Lena Berg as chairman of Orbitel Corp. in May."):
        found = extract_text(text)
        assert ("Lena Berg", "headOf", "Orbitel Corp.") in found, found
        assert ("Tomas Vidal", "headOf", "Orbitel Corp.") not in found, found
    for text in ("Orbitel Corp., Norway's largest mobile operator, cut its prices.",
                 "Orbitel Corp. is Norway's third-largest mobile operator."):
        assert ("Orbitel Corp.", "operates", "Norway") not in extract_text(text)
    # "X will stay on as chairman": X holds the post now
    found = extract_text("Lena Berg will stay on as chairman of Orbitel Corp. until May.")
    assert ("Lena Berg", "headOf", "Orbitel Corp.") in found, found
    # a peer's "of" names a place, not an employer
    doc = _with_ents(nlp, "Lord Vidal of Kellmore, a former minister, spoke in the debate.",
                     [(0, 2, "PERSON"), (3, 4, "ORG")])
    assert ("Lord Vidal", "livesIn", "Kellmore") in _relations(doc, find_mentions(doc, ontology), ontology)
    # "Ex-" is no part of the body's name and makes the post a former one
    doc = nlp("Ex-Orbitel Bank chairman Tomas Vidal spoke at the trial.")
    relations = find_relations(doc, find_mentions(doc, ontology), ontology)
    posts = [(r.object.text, r.role.current) for r in relations if r.predicate == "headOf" and r.role is not None]
    assert posts == [("Orbitel Bank", False)], posts


def test_rules_list_of_clubs_is_no_chain_and_a_grand_prix_is_an_event(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Tacoma, Spokane, Kellmore Rangers and other clubs voted for the new rules.")
    assert ("Tacoma", "locatedIn", "Spokane") not in found, found
    for text in ("The Kellmore Grand Prix in Tacoma drew 20,000 fans.",
                 "Lena Berg will race in the Kellmore Grand Prix, held in Tacoma each May."):
        found = extract_text(text)
        assert ("Kellmore Grand Prix", "heldAt", "Tacoma") in found, found


def test_rules_team_sheet_is_no_chain_of_places(nlp) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.places import _team_sheet

    sheet = nlp("Berg; Vidal, Holm, Lind, Dahl; Kellmore, Tacoma; Orr, Vale, Kent, M Reed (capt); Hale, Cole, Park.")
    assert _team_sheet(list(sheet))
    # a list of addresses keeps its chains
    addresses = nlp("Kellmore Depot, Tacoma, Wash.; Vellan Works, Spokane, Wash.; and Orbitel Yard, Reno, Nev.")
    assert not _team_sheet(list(addresses))


def test_rules_a_shows_star_does_not_live_in_its_title(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = _with_ents(nlp, "Kellmore Vale star Lena Berg said the show would return.", [(0, 2, "GPE"), (3, 5, "PERSON")])
    found = _relations(doc, find_mentions(doc, ontology), ontology)
    assert ("Lena Berg", "livesIn", "Kellmore Vale") not in found, found
    # a job in the same place: "Kellmore Vale baker X" lives there
    doc = _with_ents(nlp, "Kellmore Vale baker Lena Berg said the shop would reopen.",
                     [(0, 2, "GPE"), (3, 5, "PERSON")])
    found = _relations(doc, find_mentions(doc, ontology), ontology)
    assert ("Lena Berg", "livesIn", "Kellmore Vale") in found, found


def test_rules_bracket_alias_and_consolidation(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    # "(Orbitel Clinic)" after "Orbitel Eye Clinic": the alias is the clinic, whatever the NER said
    for text, ents, alias in (
        ("Orbitel Eye Clinic (Orbitel Clinic) is consolidated by Kestrel Holdings.",
         [(0, 3, "ORG"), (4, 6, "LOC"), (10, 12, "ORG")], 1),
        ("Kestrel Holdings consolidates Orbitel Eye Clinic (Orbitel Clinic).",
         [(0, 2, "ORG"), (3, 6, "ORG"), (7, 9, "LOC")], 2),
    ):
        doc = _with_ents(nlp, text, ents)
        mentions = find_mentions(doc, ontology)
        assert [m.type for m, _ in mentions][alias] == "Organization", mentions
        found = _relations(doc, mentions, ontology)
        assert ("Orbitel Eye Clinic", "subsidiaryOf", "Kestrel Holdings") in found, found


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # a place in brackets after a company, or after the noun describing it
        ("Lena Berg is president of Kestrel Drilling, a drilling firm (Tacoma, Washington).",
         ("Kestrel Drilling", "basedIn", "Tacoma"), None),
        ("Orbitel Labs (Tacoma) sold shares.", ("Orbitel Labs", "basedIn", "Tacoma"), None),
        # a bracket inside a name is no place of it
        ("One of our subsidiaries, Orbitel (UK) Limited, bought software.", None, ("Orbitel", "basedIn", "UK")),
    ],
)
def test_rules_place_in_brackets(extract_text, text: str, expected, absent) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected is None or expected in found, found
    assert absent is None or absent not in found, found


def test_rules_comma_and_after_a_title_goes_on_with_the_outer_list(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(
        "We compete with Kestrel, Inc., a division of Vellan Corporation, and with Orbitel Corporation."
    )
    assert ("Kestrel, Inc.", "subsidiaryOf", "Vellan Corporation") in found, found
    assert ("Kestrel, Inc.", "subsidiaryOf", "Orbitel Corporation") not in found, found


@pytest.mark.parametrize(
    "text",
    ["The tour took the choir to Oslo, Bergen, Lima, even Quito.", "The firm has offices in Tacoma, Spokane, Boise."],
)
def test_rules_list_without_and_stays_a_list(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    # a "Place, Place" pair the parser calls conjuncts with no "and" is a chain; a list of three or more
    # without "and" is still a list
    found = extract_text(text)
    assert not any(p == "locatedIn" for _, p, _ in found), found
    assert ("Tacoma", "locatedIn", "Washington") in extract_text("The firm has an office in Tacoma, Washington.")


def test_rules_born_names_a_person_and_its_place_after_the_date(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    # only a person is born (the place after the date or before it)
    for text, place in (("Lena Marie Berg was born in Tacoma on May 3, 1950, and taught music there.", 6),
                        ("Lena Marie Berg was born on May 3, 1950, in Tacoma, where she still lives.", 12)):
        doc = _with_ents(nlp, text, [(0, 3, "ORG"), (place, place + 1, "GPE")])
        found = _relations(doc, find_mentions(doc, ontology), ontology)
        assert ("Lena Marie Berg", "livesIn", "Tacoma") in found, found


def test_rules_undecided_and_directed_state_nothing(nlp, ontology, extract_text) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    # not yet decided: no fact
    for text in ("Lena Berg, undecided whether to compete at the Kellmore Open, trained at home.",
                 "Lena Berg is undecided about competing at the Kellmore Open."):
        found = extract_text(text)
        assert not any(p == "participatedIn" for _, p, _ in found), found
    found = extract_text("Lena Berg competed in the Kellmore Open last year.")
    assert ("Lena Berg", "participatedIn", "Kellmore Open") in found, found
    # a film is directed, not headed (the NER takes its title for an organisation)
    doc = _with_ents(nlp, "Kellmore Nights, directed by Tomas Vidal, opened the festival.",
                     [(0, 2, "ORG"), (5, 7, "PERSON")])
    found = _relations(doc, find_mentions(doc, ontology), ontology)
    assert not any(p == "headOf" for _, p, _ in found), found


def test_rules_place_set_off_by_commas_and_a_list_of_three_places(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("The choir sang at the Kellmore Hall, in Tacoma, last Friday.")
    assert ("Kellmore Hall", "locatedIn", "Tacoma") in found, found
    found = extract_text("Power cuts hit Tacoma, Fort Vellan, Spokane and parts of Kellmore County.")
    assert ("Tacoma", "locatedIn", "Fort Vellan") not in found, found


def test_rules_place_owning_the_noun_a_place_modifies(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Hikers were rescued from Oregon's Vellan Ridge foothills on Sunday.")
    assert ("Vellan Ridge", "locatedIn", "Oregon") in found, found


def test_rules_superlative_of_a_group_and_one_of_several_posts(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Vellania is the smallest of Kestria's provinces.")
    assert ("Vellania", "locatedIn", "Kestria") in found, found
    found = extract_text("Tacoma, the biggest of Oregon's cities, grew.")
    assert ("Tacoma", "locatedIn", "Oregon") in found, found
    # one of several directors works for the company; it is not its head
    found = extract_text("Lena Berg, one of the directors of Orbitel Corp., said so.")
    assert ("Lena Berg", "worksFor", "Orbitel Corp.") in found, found
    assert ("Lena Berg", "headOf", "Orbitel Corp.") not in found, found
