"""kgraph.extract.staff_bodies: the employer named before a staff title ("Kestrel Markets analyst X")."""

from __future__ import annotations

import pytest


def _employers(found: set[tuple[str, str, str]], person: str) -> set[str]:
    return {o for s, p, o in found if s == person and p in {"worksFor", "headOf", "ceoOf"}}


@pytest.mark.parametrize(
    ("text", "person", "employer"),
    [
        # the NER takes the firm's name for a work's title
        ('"Oil will climb again," Varnholt Global Markets analyst Jens Okafor told reporters.',
         "Jens Okafor", "Varnholt Global Markets"),
        # a name the NER left unlabelled
        ('"Shoppers are cautious," Tellbrook Partners chief economist Rosa Imrie said of the data.',
         "Rosa Imrie", "Tellbrook Partners"),
    ],
)
def test_staff_bodies_the_name_before_a_staff_title_is_the_employer(  # type: ignore[no-untyped-def]
    extract_text, text: str, person: str, employer: str
) -> None:
    found = extract_text(text)
    assert employer in _employers(found, person), found


def test_staff_bodies_an_unlabelled_name_before_a_title_with_modifiers(  # type: ignore[no-untyped-def]
    parse_with_ents, ontology
) -> None:
    from kgraph.extract.mentions import find_mentions

    # "Brannock Ridge" left unlabelled; "investment chief": a lower-case function before the title
    text = '"Savers gain," Brannock Ridge investment chief Owen Pryce said.'
    doc = parse_with_ents(text, [(9, 11, "PERSON")])
    found = {(m.text, m.type) for m, _ in find_mentions(doc, ontology)}
    assert ("Brannock Ridge", "Organization") in found, found


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a customer is no employee (the positive case: "Varnholt Global Markets analyst Jens Okafor" above)
        ('"We buy there every week," Varnholt Global Markets customer Jens Okafor said.', "Jens Okafor"),
        # a date before the title names no body
        ("On Tuesday analyst Rosa Imrie resigned from the board.", "Rosa Imrie"),
        # the surname of a person named in the text: a person's aide, no body
        ('Rosa Imrie spoke first. "It was a good year," Imrie aide Paul Okafor said.', "Paul Okafor"),
    ],
)
def test_staff_bodies_no_employer_where_the_words_name_none(extract_text, text: str, person: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not _employers(found, person), found


def test_staff_bodies_a_customer_guard_has_its_positive_case(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text('"We buy there every week," Tellbrook Partners economist Rosa Imrie said.')
    assert "Tellbrook Partners" in _employers(found, "Rosa Imrie"), found


def test_staff_bodies_a_former_title_is_a_past_post(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.coref import link_mentions
    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.relations import find_relations

    doc = nlp('"Oil will climb again," said former Varnholt Global Markets analyst Jens Okafor.')
    mentions = find_mentions(doc, ontology)
    links = link_mentions(doc, mentions, ontology)
    kept = [(m, s) for m, s in mentions if m in links]
    posts = [r for r in find_relations(doc, kept, ontology, links)
             if r.predicate == "worksFor" and r.object.text == "Varnholt Global Markets"]
    assert posts and all(r.role is not None and not r.role.current for r in posts), posts


def test_staff_bodies_a_name_the_ner_took_for_a_place_after_a_staff_title_at_is_the_employer(  # type: ignore[no-untyped-def]
    parse_with_ents, ontology, relation_triples
) -> None:
    from kgraph.extract.mentions import find_mentions

    # the NER labels the unknown one-word firm a GPE
    doc = parse_with_ents('Lena Okafor, chief economist at Brundell, said: "The figures were weak."',
                          [(0, 2, "PERSON"), (6, 7, "GPE")])
    mentions = find_mentions(doc, ontology)
    assert ("Brundell", "Organization") in {(m.text, m.type) for m, _ in mentions}
    assert ("Lena Okafor", "worksFor", "Brundell") in relation_triples(doc, mentions)


def test_staff_bodies_a_name_the_text_puts_somewhere_stays_a_place(extract_text) -> None:  # type: ignore[no-untyped-def]
    # the positive case: the test above ("chief economist at Brundell")
    found = extract_text("Tom Vale, an analyst at Frankfurt, said prices in Frankfurt fell.")
    assert not _employers(found, "Tom Vale"), found


def test_staff_bodies_a_speaker_of_a_place_is_not_employed_there(  # type: ignore[no-untyped-def]
    parse_with_ents, ontology, relation_triples
) -> None:
    from kgraph.extract.mentions import find_mentions

    # "of" and no staff title: where the speaker is from (the positive case: "chief economist at Brundell" above)
    doc = parse_with_ents("Lena Okafor of Brundell said prices fell.", [(0, 2, "PERSON"), (3, 4, "GPE")])
    mentions = find_mentions(doc, ontology)
    assert ("Brundell", "Place") in {(m.text, m.type) for m, _ in mentions}
    assert not {t for t in relation_triples(doc, mentions) if t[1] == "worksFor"}


@pytest.mark.parametrize(
    ("text", "ents", "not_a_name"),
    [
        # the NER cut the name after its first word: no body of its last word alone
        ('"Readers wrote in," Norse Chronicle editor Ned Vale said.', [(6, 7, "ORG"), (9, 11, "PERSON")],
         "Chronicle"),
        # a one-word holder: a partner firm the NER took for a person, no staff member
        ('"Maps help," said Ana Roe of Kellby imaging partner Sertag.', [(6, 8, "PERSON"), (12, 13, "PERSON")],
         "Kellby"),
    ],
)
def test_staff_bodies_runs_that_name_no_employer(  # type: ignore[no-untyped-def]
    parse_with_ents, ontology, text: str, ents: list[tuple[int, int, str]], not_a_name: str
) -> None:
    # the positive case: "Varnholt Global Markets analyst Jens Okafor" above
    from kgraph.extract.mentions import find_mentions

    doc = parse_with_ents(text, ents)
    found = {(m.text, m.type) for m, _ in find_mentions(doc, ontology)}
    assert (not_a_name, "Organization") not in found, found
