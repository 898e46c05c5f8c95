"""kgraph.extract.frames: the roles around a trigger in the parse, and the mood of its clause."""

from __future__ import annotations

import pytest


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
        # a condition, a deal nearly struck, speculation
        "If Halden Bank buys a stake in Kellmore Trust, it will gain a foothold.",
        "Orbitel Networks is close to striking a deal with Kestrel Air.",
        "There is speculation that Orbitel Networks will be bought by Kestrel Air.",
        "Kestrel Air must cut costs if it is to fulfil its ambition of joining the Nordic Alliance.",
    ],
)
def test_frames_no_fact_from_a_negated_or_unrealised_clause(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
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
        ("Halden Bank bought a stake in Kellmore Trust.", ("Halden Bank", "investedIn", "Kellmore Trust")),
        ("Orbitel Networks struck a deal with Kestrel Air.", ("Orbitel Networks", "hasAgreementWith", "Kestrel Air")),
        ("Orbitel Networks will be bought by Kestrel Air.", ("Kestrel Air", "agreedToAcquire", "Orbitel Networks")),
        ("Kestrel Air joined the Nordic Alliance in May.", ("Kestrel Air", "memberOf", "Nordic Alliance")),
    ],
)
def test_frames_the_same_clauses_as_facts_state_them(extract_text, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in extract_text(text)


def test_frames_a_done_deal_beside_a_plan_is_still_a_fact(extract_text) -> None:  # type: ignore[no-untyped-def]
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
        # the opponent of "lost to" is no place of the venue either (a country lies in no town: places.py)
        "Norway lost 3-0 to Sweden in Stockholm on Saturday.",
    ],
)
def test_frames_no_place_in_a_venue_or_a_modifier(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
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
def test_frames_place_in_a_place_outside_venues_and_lists(extract_text, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in extract_text(text)


def test_frames_relative_clause_attaches_to_organisation(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Anna Weber, CEO of Talvik Institute which runs Eastgate Science Park, spoke on Monday.")
    assert ("Anna Weber", "ceoOf", "Talvik Institute") in found
    assert ("Talvik Institute", "operates", "Eastgate Science Park") in found
    assert not any(s == "Anna Weber" and p == "operates" for s, p, _ in found)


def test_frames_former_role_is_not_current(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.relations import find_relations

    doc = nlp("Henrik Moller, former chairman of Nordwind Energy, retired in May.")
    rels = find_relations(doc, find_mentions(doc, ontology), ontology)
    roles = [r.role for r in rels if r.predicate == "headOf"]
    assert roles and roles[0] is not None and roles[0].current is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The shipment was sent to Harrowgate Meats Ltd. of Leeds last week.",
         ("Harrowgate Meats Ltd.", "basedIn", "Leeds")),
        ("Dominique Vance works for the Northern Committee of the Blue Shield in Nairobi.",
         ("Northern Committee of the Blue Shield", "basedIn", "Nairobi")),
    ],
)
def test_frames_organisation_of_or_in_a_place(extract_text, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
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
def test_frames_place_in_or_of_a_place(extract_text, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found


def test_frames_place_before_a_capitalised_title(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Norway District Judge Harald Stokke ruled against the bank.")
    assert ("Harald Stokke", "livesIn", "Norway") in found, found


def test_frames_attribute_through_a_common_noun(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Mara Quint of Larkfield University's law school said the vote was close.")
    assert ("Mara Quint", "worksFor", "Larkfield University") in found, found


def test_frames_where_clause_gives_the_place(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Visitors pass through Elmwood, where Jonas Lind was born, on the way north.")
    assert ("Jonas Lind", "livesIn", "Elmwood") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Helix Therapeutics has its headquarters in Basel.",
        "The talks were held at the Helix Therapeutics headquarters in Basel.",
    ],
)
def test_frames_headquarters_of_an_organisation(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Helix Therapeutics", "basedIn", "Basel") in found, found


@pytest.mark.parametrize(
    "text", ["Lena Berg, one of the loudest voices at the Kestrel Bank meeting, voted against the plan.",
             "Tomas Vidal was one of the speakers at the Kestrel Bank conference on Monday."],
)
def test_frames_one_of_any_noun_is_no_post(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    # "one of the founders of Y" states a post; "one of the speakers at Y" does not
    found = extract_text(text)
    assert not any(p == "worksFor" for _, p, _ in found), found
    # "one of" with a title of the patterns still gives the post
    found = extract_text("Lena Berg, one of the directors of Orbitel Corp., said so.")
    assert ("Lena Berg", "worksFor", "Orbitel Corp.") in found, found


def test_frames_form_of_address_is_no_post(extract_text) -> None:  # type: ignore[no-untyped-def]
    for text in ("Labour's Mr Lindqvist, who says he meant every word, apologised to the reporter.",
                 "The Harbour Party's Mrs Lindqvist denied the claims on Monday."):
        found = extract_text(text)
        assert not any(p == "worksFor" for _, p, _ in found), found
    # the party's possessive before a full name: one of its people
    found = extract_text("The Harbour Party's Lena Berg denied the claims on Monday.")
    assert ("Lena Berg", "memberOf", "Harbour Party") in found, found


def test_frames_apposition_needs_a_comma(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "to Reuters the head of ..." is a misparse, not "Reuters, the head of ...": Reuters stays
    # an organisation, and neither it nor the description "the head" (resolved to it) heads anything
    found = extract_text("Talking to AFP the chairman of Estonia's Defence Council, Tomas Vidal, rejected the claims.")
    assert not any(s == "AFP" for s, _, _ in found), found


@pytest.mark.parametrize(
    ("text", "fact"),
    [("A spokeswoman for Dorrit Holdings, Ann Kiley, declined to comment.",
      ("Ann Kiley", "worksFor", "Dorrit Holdings")),
     ("An economist at Brindle Partners, Ann Kiley, said prices would rise.",
      ("Ann Kiley", "worksFor", "Brindle Partners")),
     ("The chief executive of Dorrit Holdings, Tom Pask, said sales rose.", ("Tom Pask", "ceoOf", "Dorrit Holdings"))],
)
def test_frames_post_then_named_holder(extract_text, text: str, fact: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    # "a spokesman for Y, X, said": the parser hangs X on Y, which no person is in apposition to; X holds the post
    assert fact in extract_text(text)


def test_frames_post_for_a_person_names_no_employer(extract_text) -> None:  # type: ignore[no-untyped-def]
    # a lawyer for a person, named after him: the person is no employer, and the lawyer no head of anything
    found = extract_text("A lawyer for Tom Pask, Ann Kiley, said he would appeal.")
    assert not any(p in {"worksFor", "headOf", "ceoOf"} for _, p, _ in found), found


@pytest.mark.parametrize(
    "text", ["After the purchase of Corvane Gas by Kestrel Holdings Inc. in 2012, Mr. Dahl advised the new owners.",
             "The takeover of Corvane Gas by Kestrel Holdings Inc. was approved, Mr. Dahl said."],
)
def test_frames_event_noun_agent_after_by(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Kestrel Holdings Inc.", "acquired", "Corvane Gas") in found, found
    assert ("Mr. Dahl", "acquired", "Corvane Gas") not in found, found


@pytest.mark.parametrize(
    "text", ["Lena Berg is originally from Tacoma.", "Lena Berg, who hails from Tacoma, won the race."]
)
def test_frames_a_person_from_a_place(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert ("Lena Berg", "livesIn", "Tacoma") in extract_text(text)


def test_frames_a_thing_from_a_place_is_no_resident(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("The letter that Lena Berg read is from Tacoma.")
    assert not any(p == "livesIn" for _, p, _ in found), found


def test_frames_a_company_official_works_for_the_one_company_named(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Orbitel Corp. raised its prices in May, according to Lena Berg, a company spokeswoman.")
    assert ("Lena Berg", "worksFor", "Orbitel Corp.") in found, found
    # two organisations: which one is "the company" is not clear
    found = extract_text("Orbitel Corp. sued Kestrel Inc., said Lena Berg, a company spokeswoman.")
    assert not any(s == "Lena Berg" for s, _, _ in found), found


def test_frames_a_part_of_a_place_is_in_the_place(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Few people live in Spokane, a town in the north of Idaho.")
    assert ("Spokane", "locatedIn", "Idaho") in found, found


def test_frames_coordinated_names_misparsed_as_modifier_are_no_chain(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of "agreed" undergoes "to be acquired"; the deal is agreed, not done
        ("Under the deal, Orbitel Corp. has agreed to be acquired by Kestrel Holdings.",
         {("Kestrel Holdings", "agreedToAcquire", "Orbitel Corp.")}),
        ("Kestrel Holdings said it would buy Orbitel Corp.",
         {("Kestrel Holdings", "agreedToAcquire", "Orbitel Corp.")}),
        ("Kestrel Holdings' agreed takeover of Orbitel Corp. was approved.",
         {("Kestrel Holdings", "agreedToAcquire", "Orbitel Corp.")}),
        # an expectation or an offer is no deal
        ("Orbitel Corp. is expected to be bought by Kestrel Holdings.", set()),
        ("Kestrel Holdings has offered to buy Orbitel Corp.", set()),
        # a bidder's plan is its own: the firm it would buy has agreed nothing
        ("Kestrel Holdings plans to buy Orbitel Corp.", set()),
        # a deal due to be completed, or still waiting for approval, is agreed, not done
        ("Halder Group is due to complete its acquisition of Corvane Labs next month.",
         {("Halder Group", "agreedToAcquire", "Corvane Labs")}),
        ("The takeover of Corvane Labs by Halder Group still needs shareholders' approval.",
         {("Halder Group", "agreedToAcquire", "Corvane Labs")}),
        ("Halder Group's takeover of Corvane Labs is subject to regulatory approval.",
         {("Halder Group", "agreedToAcquire", "Corvane Labs")}),
        ("Halder Group's takeover of Corvane Labs is expected to be completed in May.",
         {("Halder Group", "agreedToAcquire", "Corvane Labs")}),
        # one sought, blocked or collapsed is none
        ("Halder Group is seeking a takeover of Corvane Labs.", set()),
        ("Halder Group's takeover of Corvane Labs was blocked by regulators.", set()),
        ("Regulators blocked Halder Group's takeover of Corvane Labs.", set()),
        ("Halder Group's takeover of Corvane Labs collapsed on Monday.", set()),
        # done: completed
        ("Halder Group completed its acquisition of Corvane Labs last month.",
         {("Halder Group", "acquired", "Corvane Labs")}),
        ("Halder Group's acquisition of Corvane Labs was completed in May.",
         {("Halder Group", "acquired", "Corvane Labs")}),
    ],
)
def test_frames_deal_agreed_is_not_done(extract_text, text: str, expected: set[tuple[str, str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert extract_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tacoma is Lena Berg's hometown.", ("Lena Berg", "livesIn", "Tacoma")),
        ("With Tacoma being Lena Berg's home state, the campaign was strong.", ("Lena Berg", "livesIn", "Tacoma")),
        ("Kestrel Inc. is Orbitel Corp.'s latest acquisition.", ("Orbitel Corp.", "acquired", "Kestrel Inc.")),
        ("Ohio-born Tomas Vidal was a young actor.", ("Tomas Vidal", "livesIn", "Ohio")),
    ],
)
def test_frames_copula_subject_is_the_event_nouns_object(extract_text, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lena Berg opened a bakery in her Duluth hometown.", ("Lena Berg", "livesIn", "Duluth")),
        ("Kestrel Bank opened its Tacoma headquarters in 2001.", ("Kestrel Bank", "basedIn", "Tacoma")),
        ("In a briefing at Orbitel Corp.'s Tacoma, Wash., headquarters, Lena Berg said more study was needed.",
         ("Orbitel Corp.", "basedIn", "Tacoma")),
    ],
)
def test_frames_owner_and_name_before_an_event_noun(extract_text, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found


def test_frames_organisation_before_a_person_only_as_possessive(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
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
def test_frames_controllers_parishes_chain_lists(extract_text, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
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
def test_frames_named_province_and_unit_at_a_place(extract_text, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found


def test_frames_headline_infinitive_is_an_announced_deal(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Orbitel Corp. to acquire Kestrel Bank.")
    assert ("Orbitel Corp.", "agreedToAcquire", "Kestrel Bank") in found, found
    assert ("Orbitel Corp.", "acquired", "Kestrel Bank") not in found, found


def test_frames_posts_of_successors_peers_and_former_offices(  # type: ignore[no-untyped-def]
    nlp, ontology, extract_text, parse_with_ents, relation_triples
) -> None:
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
    doc = parse_with_ents("Lord Vidal of Kellmore, a former minister, spoke in the debate.",
                     [(0, 2, "PERSON"), (3, 4, "ORG")])
    assert ("Lord Vidal", "livesIn", "Kellmore") in relation_triples(doc, find_mentions(doc, ontology))
    # "Ex-" is no part of the body's name and makes the post a former one
    doc = nlp("Ex-Orbitel Bank chairman Tomas Vidal spoke at the trial.")
    relations = find_relations(doc, find_mentions(doc, ontology), ontology)
    posts = [(r.object.text, r.role.current) for r in relations if r.predicate == "headOf" and r.role is not None]
    assert posts == [("Orbitel Bank", False)], posts


def test_frames_undecided_and_directed_state_nothing(ontology, extract_text, parse_with_ents, relation_triples) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    # not yet decided: no fact
    for text in ("Lena Berg, undecided whether to compete at the Kellmore Open, trained at home.",
                 "Lena Berg is undecided about competing at the Kellmore Open."):
        found = extract_text(text)
        assert not any(p == "participatedIn" for _, p, _ in found), found
    found = extract_text("Lena Berg competed in the Kellmore Open last year.")
    assert ("Lena Berg", "participatedIn", "Kellmore Open") in found, found
    # a film is directed, not headed (the NER takes its title for an organisation)
    doc = parse_with_ents("Kellmore Nights, directed by Tomas Vidal, opened the festival.",
                     [(0, 2, "ORG"), (5, 7, "PERSON")])
    found = relation_triples(doc, find_mentions(doc, ontology))
    assert not any(p == "headOf" for _, p, _ in found), found


def test_frames_place_owning_the_noun_a_place_modifies(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Hikers were rescued from Oregon's Vellan Ridge foothills on Sunday.")
    assert ("Vellan Ridge", "locatedIn", "Oregon") in found, found


def test_frames_superlative_of_a_group_and_one_of_several_posts(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Vellania is the smallest of Kestria's provinces.")
    assert ("Vellania", "locatedIn", "Kestria") in found, found
    found = extract_text("Tacoma, the biggest of Oregon's cities, grew.")
    assert ("Tacoma", "locatedIn", "Oregon") in found, found
    # one of several directors works for the company; it is not its head
    found = extract_text("Lena Berg, one of the directors of Orbitel Corp., said so.")
    assert ("Lena Berg", "worksFor", "Orbitel Corp.") in found, found
    assert ("Lena Berg", "headOf", "Orbitel Corp.") not in found, found


@pytest.mark.parametrize(
    "text",
    ["Lena Berg is a buyer of Orbitel Networks shares.",
     "Tomas Vidal was a distributor of Kellmore Pictures films until 2003."],
)
def test_frames_a_name_on_goods_is_not_the_phrases_object(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(p == "worksFor" for _, p, _ in found), found
    # the name on a unit of the organisation still is
    found = extract_text("Lena Berg is an analyst at the Orbitel Networks research unit.")
    assert ("Lena Berg", "worksFor", "Orbitel Networks") in found, found



@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a kin noun between: the name is whose child it is, no employer (even when the NER calls it a body)
        ("The birth of the Hartleys' third child, Sam, on 3 June was a surprise.",
         [(4, 5, "ORG"), (9, 10, "PERSON")], set()),
        # the plural of a surname in the text is a family
        ("Tom Hartley spoke. The Hartleys' Leo Hartley was born in 2000.",
         [(0, 2, "PERSON"), (5, 6, "ORG"), (7, 9, "PERSON")], set()),
        # an organisation's possessive still gives its staff
        ("Tom Hartley spoke. Orbitel's Leo Hartley was born in 2000.",
         [(0, 2, "PERSON"), (4, 5, "ORG"), (6, 8, "PERSON")], {("Leo Hartley", "worksFor", "Orbitel")}),
    ],
)
def test_frames_a_family_is_no_employer(ontology, parse_with_ents, relation_triples, text, ents, expected) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = parse_with_ents(text, ents)
    found = relation_triples(doc, find_mentions(doc, ontology))
    assert {t for t in found if t[1] == "worksFor"} == expected, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the sale told from the seller's side: the buyer is the object of "to" (the parser's dative)
        ("Halden Foods was sold to Kestrel Group in 2001.", ("Kestrel Group", "acquired", "Halden Foods")),
        ("Orbitel Corp. sold Vellan Ltd. to Kestrel Group last spring.", ("Kestrel Group", "acquired", "Vellan Ltd.")),
        ("Orbitel Corp. has agreed to sell Vellan Ltd. to Kestrel Group.",
         ("Kestrel Group", "agreedToAcquire", "Vellan Ltd.")),
        # a company financed by another
        ("Vellan Ltd. was financed by Halden Bank.", ("Halden Bank", "investedIn", "Vellan Ltd.")),
        # a perfect participle is the name's own act; a relative pronoun as object stands for the name
        ("Kestrel Group, having bought Vellan Ltd. in 2001, cut jobs.", ("Kestrel Group", "acquired", "Vellan Ltd.")),
        ("Vellan Ltd., which Kestrel Group bought in 2001, cut jobs.", ("Kestrel Group", "acquired", "Vellan Ltd.")),
    ],
)
def test_frames_a_sale_a_financing_and_a_purchase_in_a_clause_on_the_name(  # type: ignore[no-untyped-def]
    extract_text, text: str, expected
) -> None:
    found = extract_text(text)
    assert expected in found, found


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        # goods sold, or a sale only possible, make no purchase of a company
        ("Orbitel Corp. sold forty aircraft to Kestrel Group.", "acquired"),
        ("Orbitel Corp. may sell Vellan Ltd. to Kestrel Group.", "acquired"),
        # a building financed is no company invested in
        ("The Vellan Arena was financed by Halden Bank.", "investedIn"),
        # a thing bought that is no name states nothing of the name before it
        ("The plant, which Kestrel Group bought in 2001, is in Vellan.", "acquired"),
    ],
)
def test_frames_a_sale_of_goods_or_a_building_financed_is_no_holding(  # type: ignore[no-untyped-def]
    extract_text, text: str, unwanted: str
) -> None:
    found = extract_text(text)
    assert not [f for f in found if f[1] in {unwanted, "agreedToAcquire"}], found


def test_frames_a_passive_participle_on_the_name_keeps_its_direction(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Vellan Ltd., bought by Kestrel Group in 2001, cut jobs.")
    assert ("Kestrel Group", "acquired", "Vellan Ltd.") in found, found
    assert ("Vellan Ltd.", "acquired", "Kestrel Group") not in found, found


def test_frames_a_purchase_dated_in_the_past_is_done_under_a_future_clause(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Kestrel Group will cut 500 jobs after buying Vellan Ltd. last year.")
    assert ("Kestrel Group", "acquired", "Vellan Ltd.") in found, found
    # dated in the future, or an infinitive whose agreement is dated, it stays a deal agreed
    found = extract_text("Kestrel Group will cut 500 jobs after buying Vellan Ltd. next year.")
    assert ("Kestrel Group", "agreedToAcquire", "Vellan Ltd.") in found, found
    assert ("Kestrel Group", "acquired", "Vellan Ltd.") not in found, found
    found = extract_text("Kestrel Group agreed last year to buy Vellan Ltd.")
    assert ("Kestrel Group", "acquired", "Vellan Ltd.") not in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two titles before one name: the name holds both, at the organisation named before the first
        ('"Sales were strong," said Halden Bank president and chief executive Tomas Vidal.',
         ("Tomas Vidal", "ceoOf", "Halden Bank")),
        ("Halden Bank chairman and chief executive Tomas Vidal said sales were strong.",
         ("Tomas Vidal", "ceoOf", "Halden Bank")),
        # a relative pronoun holds the post "as" gives
        ("Tomas Vidal, who will remain as Halden Bank chief executive, said the offer was fair.",
         ("Tomas Vidal", "ceoOf", "Halden Bank")),
        ("Tomas Vidal, who served as chief executive of Halden Bank, left in May.",
         ("Tomas Vidal", "ceoOf", "Halden Bank")),
    ],
)
def test_frames_two_titles_before_a_name_and_a_post_in_a_relative_clause(  # type: ignore[no-untyped-def]
    extract_text, text: str, expected
) -> None:
    found = extract_text(text)
    assert expected in found, found


@pytest.mark.parametrize(
    "text",
    [
        # a title and a name joined by "and" are two people
        "Halden Bank's chairman and Tomas Vidal met on Monday.",
        # a clause on the last item of a list is left alone: the earlier items would be read with it
        "Among those charged are Lena Berg of Orbitel Foods and Tomas Vidal, who worked as a contractor for"
        " Halden Bank.",
    ],
)
def test_frames_a_title_beside_another_person_or_list_item_is_not_theirs(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not [f for f in found if f[2] == "Halden Bank" and f[0] != "Halden Bank"], found


@pytest.mark.parametrize(
    "text",
    [
        'Halden Bank said profits rose. "It was a good year," said chief executive Tomas Vidal.',
        "Halden Bank said profits rose. Chief executive Tomas Vidal said it was a good year.",
    ],
)
def test_frames_a_chief_executive_of_no_named_firm_is_the_one_firm_in_reach(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Tomas Vidal", "ceoOf", "Halden Bank") in found, found


@pytest.mark.parametrize(
    "text",
    [
        # two firms: the text leaves it open
        "Halden Bank and Orbitel Foods said profits rose. Chief executive Tomas Vidal said it was a good year.",
        # the firm named too far back
        "Halden Bank said profits rose. Analysts were pleased. Shares rose. Chief executive Tomas Vidal spoke.",
        # one chief executive of any firm
        "Halden Bank said profits rose. A chief executive, Tomas Vidal, said it was a good year.",
        # a possessor the text does not name as a firm ("dorran" in lower case)
        "Halden Bank said profits rose after dorran's chairman and chief executive Tomas Vidal resigned.",
        # a name before the title: the post is there ("Social Democrat" is a party's, not the bank's)
        "Halden Bank said profits rose. Social Democrat chief executive Tomas Vidal said it was a good year.",
    ],
)
def test_frames_a_chief_executive_is_left_alone_where_the_firm_is_open(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not [f for f in found if f[0] == "Tomas Vidal" and f[2] in {"Halden Bank", "Orbitel Foods"}], found


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Holdings said profits rose. Its Irish branch, Vellan Foods Ltd., made a loss.",
        "Vellan Foods Ltd., Kestrel Holdings' branch in Oslo, made a loss.",
        "Kestrel Holdings said its local office, Vellan Foods Ltd., would close.",
    ],
)
def test_frames_a_named_branch_or_office_is_the_firms(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Vellan Foods Ltd.", "subsidiaryOf", "Kestrel Holdings") in found, found


def test_frames_an_office_is_no_subsidiary_of_a_person_or_a_place(extract_text) -> None:  # type: ignore[no-untyped-def]
    # a person heads an office; a firm opens one in a place: the property's ends are organisations
    found = extract_text(
        "Lena Berg, head of Kestrel Holdings' office in Oslo, said Kestrel Holdings opened an office in Bergen."
    )
    assert not [f for f in found if f[1] == "subsidiaryOf"], found


def test_frames_a_firms_meeting_is_no_second_firm_in_reach(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "AGM" (kgx:NotAName) names no organisation, so the club stays the one firm named
    found = extract_text(
        "Kestrel Rovers said profits fell. On Friday the club holds its AGM. Chief executive Lena Berg stepped down."
    )
    assert ("Lena Berg", "ceoOf", "Kestrel Rovers") in found, found
    assert not [f for f in found if "AGM" in (f[0], f[2])], found


def test_frames_participle_after_a_relative_copula_is_said_of_the_name(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "which is majority-owned by Y": the relative pronoun stands for the name before it, not the sentence's subject
    found = extract_text("Kestrel Group sold Vantor Foods, which is majority-owned by Dalmont Bank.")
    assert ("Vantor Foods", "subsidiaryOf", "Dalmont Bank") in found, found
    assert ("Kestrel Group", "subsidiaryOf", "Dalmont Bank") not in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Halder Trucks is in trouble. Lena Morrow is accused of fraud at the company she founded in 1990.",
         ("Lena Morrow", "founderOf", "Halder Trucks")),
        ("Halder Trucks is in trouble. Lena Morrow left the company she joined in 1990.",
         ("Lena Morrow", "worksFor", "Halder Trucks")),
    ],
)
def test_frames_relative_clause_without_pronoun_has_the_noun_for_object(extract_text, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found


def test_frames_relative_clause_without_pronoun_keeps_its_own_complement(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "the firm she said was growing": the clause's complement is what she said, not the firm
    found = extract_text("Halder Trucks is in trouble. Lena Morrow praised the firm she said was growing.")
    assert not any(s == "Lena Morrow" and o == "Halder Trucks" for s, _, o in found), found


@pytest.mark.parametrize(
    "text",
    [
        '"Rates will rise," said Dana Kell, an economist at Orbitel Bank in Frankfurt.',
        '"Rates will rise," said Dana Kell, head of currency strategy at Orbitel Bank in Frankfurt.',
        "Dana Kell, an analyst with Orbitel Bank in Frankfurt, said rates would rise.",
        '"Rates will rise," said Dana Kell, an economist at Orbitel Bank\'s Frankfurt office.',
    ],
)
def test_frames_a_desk_at_a_firm_in_a_town_is_a_branchs(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    """A post "at" (or "with") a firm "in" a town is in its office there: the person works for the firm, and the
    text says nothing of where the firm is based."""
    found = extract_text(text)
    assert any(s == "Dana Kell" and o == "Orbitel Bank" for s, _, o in found), found
    assert not any(p == "basedIn" for _, p, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Orbitel Bank, based in Frankfurt, reported a profit.",
        "Frankfurt-based Orbitel Bank reported a profit.",
        "Dana Kell, general manager of Orbitel Bank in Frankfurt, said sales rose.",
    ],
)
def test_frames_a_firm_based_in_a_town_or_a_post_of_it_there_keeps_its_base(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "based in", "X-based" and a post "of" a firm in a town ("general manager of Orbitel Bank in Frankfurt")
    still place the firm."""
    assert ("Orbitel Bank", "basedIn", "Frankfurt") in extract_text(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place's possessive on the noun of the firm's kind its name modifies
        ("Japan's troubled Kestrel bank cut jobs.", ("Kestrel", "basedIn", "Japan")),
        ("Tacoma's Kestrel bank cut jobs.", ("Kestrel", "basedIn", "Tacoma")),
    ],
)
def test_attribute_place_owning_a_firms_kind_noun(extract_text, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found


def test_attribute_a_firm_owning_a_firms_kind_noun_is_no_place(extract_text) -> None:  # type: ignore[no-untyped-def]
    # guard: an organisation's possessive is no place it is based in
    found = extract_text("Orbitel's Kestrel unit cut jobs.")
    assert not any(p == "basedIn" for _, p, _ in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the adjective on a common noun before the firm's noun
        ("Chinese dam firm Kestrel Holdings won the contract.", ("Kestrel Holdings", "basedIn", "China")),
        # a possessor that is the other firm leaves the adjective its say
        ("Kestrel Holdings's French subsidiary Orbitel Systems cut jobs.", ("Orbitel Systems", "basedIn", "France")),
        ("Kestrel Holdings's Swedish rival Orbitel Systems cut jobs.", ("Orbitel Systems", "basedIn", "Sweden")),
    ],
)
def test_relational_noun_country_adjective_beside_other_modifiers(extract_text, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found


@pytest.mark.parametrize(
    "text",
    [
        # guard: an unnamed subsidiary is none of the parent's places
        "The French subsidiary of Kestrel Holdings cut jobs.",
        "Kestrel Holdings sold its French subsidiary.",
    ],
)
def test_relational_noun_unnamed_subsidiary_places_no_firm(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(p == "basedIn" for _, p, _ in found), found


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("KBV", ("Dana Kell", "worksFor", "KBV")),
        # a country's adjective before the title is the person's nationality, no employer
        ("French", ("Dana Kell", "nationality", "France")),
    ],
)
def test_frames_an_organisations_name_tagged_as_an_adjective_before_a_title(nlp, ontology, name, expected) -> None:  # type: ignore[no-untyped-def]
    """ "UBS economist X": the tagger may take an organisation's name before a title for an adjective of the
    title (reproduced here by tagging it so); the NER's organisation is still the employer."""
    from kgraph.extract.coref import link_mentions
    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.relations import find_relations

    doc = nlp(f'"Rates will rise," {name} economist Dana Kell told reporters.')
    modifier = next(t for t in doc if t.text == name)
    modifier.pos_, modifier.dep_ = "ADJ", "amod"
    mentions = find_mentions(doc, ontology)
    links = link_mentions(doc, mentions, ontology)
    kept = [(m, s) for m, s in mentions if m in links]
    relations = find_relations(doc, kept, ontology, links)
    found = {(links[r.subject].text, r.predicate, links[r.object].text) for r in relations}
    assert expected in found, found
    assert not [f for f in found if f[1] == "worksFor" and f[2] != "KBV"], found



def _relations(nlp, ontology, doc) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    from kgraph.extract.coref import link_mentions
    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.relations import find_relations

    mentions = find_mentions(doc, ontology)
    links = link_mentions(doc, mentions, ontology)
    kept = [(m, s) for m, s in mentions if m in links]
    relations = find_relations(doc, kept, ontology, links)
    return {(links[r.subject].text, r.predicate, links[r.object].text) for r in relations}


def test_frames_a_list_after_a_titles_object_holds_no_title(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    """ "members in the Kellish Senate, Orvane Parliament or Dalmark Assembly": the parser may hang the list's
    second item on "members" as its apposition (reproduced here by parsing it so), and the later items on it; the
    bodies are no members of the first. A list of people in that place holds the title."""
    doc = nlp("Funds go to parties with two members in the Kellish Senate, Orvane Parliament or Dalmark Assembly.")
    members, second, third = (next(t for t in doc if t.text == w) for w in ("members", "Parliament", "Assembly"))
    second.head, second.dep_ = members, "appos"
    third.head, third.dep_ = second, "conj"
    assert not [f for f in _relations(nlp, ontology, doc) if f[1] == "memberOf"]
    doc = nlp("Two members of the Kellish Senate, Anna Kerr and Tom Ward, resigned on Monday.")
    members, first, other = (next(t for t in doc if t.text == w) for w in ("members", "Kerr", "Ward"))
    first.head, first.dep_ = members, "appos"
    other.head, other.dep_ = first, "conj"
    assert ("Anna Kerr", "memberOf", "Kellish Senate") in _relations(nlp, ontology, doc)


@pytest.mark.parametrize(
    ("text", "fact"),
    [("Profits rose at Harwick, the UK's second largest building society.", ("Harwick", "basedIn", "UK")),
     ("Norway's biggest utility, Dalvik Power, cut jobs.", ("Dalvik Power", "basedIn", "Norway"))],
)
def test_frames_a_place_s_firm_of_a_kind(extract_text, text: str, fact: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    # a building society or a utility named after a place's possessive is a firm of that place
    assert fact in extract_text(text)


def test_frames_a_person_s_post_is_no_firm_noun(extract_text) -> None:  # type: ignore[no-untyped-def]
    # a publisher or a miner may be a person: the noun stays a post of the firm named after it
    for text, fact in (("Tom Pask, publisher of the Kelby Daily News, said sales rose.",
                        ("Tom Pask", "worksFor", "Kelby Daily News")),
                       ("Tom Pask, a miner at Kelby Colliery Ltd, lost his job.",
                        ("Tom Pask", "worksFor", "Kelby Colliery Ltd"))):
        found = extract_text(text)
        assert fact in found, found
        assert not any(p == "basedIn" for _, p, _ in found), found


@pytest.mark.parametrize(
    ("text", "fact"),
    [("Tom Pask, an adviser to Calder Bank, said losses were real.", ("Tom Pask", "worksFor", "Calder Bank")),
     ("Ann Kiley, a consultant to Dorrit Holdings, backed the plan.", ("Ann Kiley", "worksFor", "Dorrit Holdings"))],
)
def test_frames_an_adviser_to_a_body(extract_text, text: str, fact: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert fact in extract_text(text)


@pytest.mark.parametrize(
    "text", ["Tom Pask, an aide to President Karim Nassar, denied the report.",
             "Tom Pask, an adviser to Ann Kiley, denied the report.",
             "Tom Pask sent a letter to Calder Bank on Monday."],
)
def test_frames_an_adviser_to_a_person_has_no_employer(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    # an adviser to a person, or any "to" that is no post's, names no employer
    found = extract_text(text)
    assert not any(p == "worksFor" for _, p, _ in found), found


@pytest.mark.parametrize(
    "text", ["Calder Energy Ltd was swallowed up by Dorrit Holdings last year.",
             "Dorrit Holdings snapped up Calder Energy Ltd in May."],
)
def test_frames_a_purchase_in_other_words(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert ("Dorrit Holdings", "acquired", "Calder Energy Ltd") in extract_text(text)


@pytest.mark.parametrize(
    "text", ["Investors snapped up shares in Dorrit Holdings on Monday.",
             "Dorrit Holdings snapped up Tom Pask from Calder Energy Ltd."],
)
def test_frames_snapping_up_shares_or_a_person_buys_no_firm(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    # shares bought, or a person hired, are no firm acquired
    found = extract_text(text)
    assert not any(p == "acquired" for _, p, _ in found), found


def test_frames_each_list_of_titled_names_works_for_its_own_firm(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(
        "Kestrel Bank managers Tomas Vidal and Hugo Brandt, and Orbitel managers Carla Moss and Dan Ames all face "
        "charges."
    )
    for person, firm in [("Tomas Vidal", "Kestrel Bank"), ("Hugo Brandt", "Kestrel Bank"), ("Carla Moss", "Orbitel")]:
        assert (person, "worksFor", firm) in found, found
    assert ("Tomas Vidal", "worksFor", "Orbitel") not in found, found
    assert ("Hugo Brandt", "worksFor", "Orbitel") not in found, found
    # a title joined to another with no holders of its own is held by the other's holder
    found = extract_text("Hugo Brandt, chairman and chief executive of Kestrel Bank, said profits rose.")
    assert ("Hugo Brandt", "ceoOf", "Kestrel Bank") in found, found


def test_frames_a_later_titled_list_does_not_reach_back_to_the_names_before_its_title(  # type: ignore[no-untyped-def]
    extract_text,
) -> None:
    # parsed as one list of names, the second title a compound of its first name
    found = extract_text(
        "Corvane managers Peter Stone and Mark Ellis, and Railco managers Alan Reed and Keith Moss face charges."
    )
    assert ("Alan Reed", "worksFor", "Railco") in found, found
    assert ("Keith Moss", "worksFor", "Railco") in found, found
    assert ("Peter Stone", "worksFor", "Railco") not in found, found
    assert ("Mark Ellis", "worksFor", "Railco") not in found, found
    # a name before the title that no other title holds is still of the list ("X and fellow directors Y")
    found = extract_text(
        "The firm paid Orbair, an airline owned by Mr Stone and fellow former Kestrel Bank directors Mark Ellis."
    )
    assert ("Mr Stone", "worksFor", "Kestrel Bank") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Airlines has ordered 40 jets from Orvana Group.",
        # the supplier's "from" hangs on the goods of the order's "for" phrase
        "Kestrel Airlines placed an order for 70 jets from Orvana Group.",
        # the supplier wins the order: the link is the same both ways
        "Orvana Group has won an order for 70 jets from Kestrel Airlines.",
    ],
)
def test_frames_a_firm_ordering_goods_from_another_has_a_deal_with_it(  # type: ignore[no-untyped-def]
    extract_text, text: str
) -> None:
    found = extract_text(text)
    assert {frozenset((s, o)) for s, p, o in found if p == "hasAgreementWith"} == {
        frozenset(("Kestrel Airlines", "Orvana Group"))
    }, found


@pytest.mark.parametrize(
    "text",
    [
        # an order from a court is a command; ordering a review names no supplier
        "Kestrel Airlines obtained an order from the Oslo District Court.",
        "Kestrel Airlines ordered a review of Orvana Group.",
    ],
)
def test_frames_an_order_that_is_no_purchase_is_no_deal(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(p == "hasAgreementWith" for _, p, _ in extract_text(text))
