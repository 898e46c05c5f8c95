"""kgraph.extract.doc_offices: public offices whose place the sentence leaves out, taken from the article."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def inferred(nlp, ontology):  # type: ignore[no-untyped-def]
    """The kg:holdsOfficeIn relations the article gives bare titles: (holder as written, place, title, current,
    pattern's frame)."""
    from kgraph.extract.coref import link_mentions
    from kgraph.extract.doc_offices import document_offices
    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.relations import find_relations

    def run(text: str) -> set[tuple[str, str, str, bool, str]]:
        doc = nlp(text)
        mentions = find_mentions(doc, ontology)
        links = link_mentions(doc, mentions, ontology)
        kept = [(m, s) for m, s in mentions if m in links]
        relations = find_relations(doc, kept, ontology, links)
        return {
            (r.subject.text, r.object.text, r.role.title, r.role.current, r.pattern.split("/")[1])
            for r in document_offices(doc, kept, links, relations, ontology)
            if r.role is not None
        }

    return run


def test_the_same_person_placed_elsewhere(inferred) -> None:  # type: ignore[no-untyped-def]
    # the person's office is stated beside its place in one sentence, the bare title in another takes that place
    found = inferred("Peru's president, Ana Ruiz, opened the mine on Monday. Later, President Ruiz met miners in "
                     "Lima. Chile sent a minister.")
    assert ("President Ruiz", "Peru", "President", True, "Coreference") in found, found


def test_the_one_country_the_article_names(inferred) -> None:  # type: ignore[no-untyped-def]
    found = inferred("Peru's economy grew by 4% last year, the central bank said. President Ana Ruiz said exports "
                     "of copper were strong.")
    assert found == {("President Ana Ruiz", "Peru", "President", True, "OneCountry")}, found


def test_the_portfolio_stays_in_the_title(inferred) -> None:  # type: ignore[no-untyped-def]
    found = inferred("Peru's economy grew by 4% last year. Finance Minister Jorge Salas said exports were strong.")
    assert ("Jorge Salas", "Peru", "Finance Minister", True, "OneCountry") in found, found


def test_a_former_holder_office_is_past(inferred) -> None:  # type: ignore[no-untyped-def]
    found = inferred("Peru's economy grew by 4% last year. The former-President Carlos Mendez said little.")
    assert ("President Carlos Mendez", "Peru", "President", False, "OneCountry") in found, found


def test_several_countries_leave_no_reading(inferred) -> None:  # type: ignore[no-untyped-def]
    # guard: with Peru and Chile named, a bare title's country is not known; positive case above
    found = inferred("Peru's economy grew faster than Chile's last year. President Ana Ruiz said exports were strong.")
    assert found == set(), found


def test_a_candidate_and_a_shadow_post_hold_none(inferred) -> None:  # type: ignore[no-untyped-def]
    # guard: the same article's plain title is read (positive case), the candidate's and the shadow post are not
    found = inferred("Peru's economy grew by 4% last year. Presidential candidate Maria Pons and Shadow Finance "
                     "Minister Luis Vega spoke after President Ana Ruiz.")
    assert {f[0] for f in found} == {"President Ana Ruiz"}, found


def test_a_firm_president_stays_the_firm_head(inferred, extract_text) -> None:  # type: ignore[no-untyped-def]
    # guard: the firm's president is its head, not the country's; the country's president in the same article is
    text = ("Kestrel Foods, based in Peru, said profits rose. Tom Walsh, the president of Kestrel Foods, said the "
            "firm would open shops. President Tom Walsh also thanked staff. President Ana Ruiz welcomed the news.")
    found = inferred(text)
    assert {f[0] for f in found} == {"President Ana Ruiz"}, found
    assert any(s.endswith("Tom Walsh") and p == "headOf" for s, p, _ in extract_text(text))


def test_a_name_before_the_title_is_no_bare_title(inferred) -> None:  # type: ignore[no-untyped-def]
    # guard: "Kestrel President X" is the firm's; a bare "President Y" in the same article is the country's
    found = inferred("Peru's economy grew by 4% last year. Kestrel President Tom Walsh and President Ana Ruiz "
                     "spoke.")
    assert {f[0] for f in found} == {"President Ana Ruiz"}, found


def test_inferred_offices_are_less_sure(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.spacy_rules import RuleExtractor
    from kgraph.models import Article

    extractor = RuleExtractor(ontology=ontology)
    text = ("Peru's president, Ana Ruiz, opened the mine on Monday. Later, President Ruiz met miners. Finance "
            "Minister Jorge Salas agreed.")
    extraction = next(extractor.extract([Article(id="t", text=text, source="t")]))
    confidence = {r.pattern: r.confidence for r in extraction.relations if r.predicate == "holdsOfficeIn"}
    stated = confidence["holdsOfficeIn/RelationalNoun"]
    assert stated > confidence["holdsOfficeIn/Coreference"] > confidence["holdsOfficeIn/OneCountry"], confidence


def test_a_queen_by_her_title(inferred) -> None:  # type: ignore[no-untyped-def]
    found = inferred("Denmark's exports rose by 3% last year. Queen Ingrid opened the new harbour in May.")
    assert ("Queen Ingrid", "Denmark", "Queen", True, "OneCountry") in found, found


@pytest.mark.parametrize(
    ("place", "expected"),
    [("Britain", {("Alan Reed", "Britain", "Prime Minister", True, "OneCountry")}),
     # guard: a nation of the UK holds no prime minister of its own; the same sentence about Britain is read
     ("Wales", set())],
)
def test_a_nation_of_the_uk_is_no_state(inferred, place: str, expected: set[tuple[str, str, str, bool, str]]) -> None:  # type: ignore[no-untyped-def]
    found = inferred(f"Farmers in {place} protested on Monday. Prime Minister Alan Reed promised new grants.")
    assert found == expected, found


def test_a_country_naming_another_noun_is_no_place(inferred) -> None:  # type: ignore[no-untyped-def]
    # guard: "the Peru war" names a war; "in Peru" names the country (positive case)
    assert inferred("Former minister Alan Reed spoke about the Peru war on Monday.") == set()
    assert {f[:2] for f in inferred("Former minister Alan Reed spoke in Peru on Monday.")} == {("Alan Reed", "Peru")}
