"""Name keys shared by coreference and resolution (kgraph.names)."""

from __future__ import annotations

from kgraph.names import name_key


def test_names_name_key_normalises() -> None:
    assert name_key("Ministry of SMEs and Startups") == name_key("Ministry of SME & Startups")
    assert name_key("the Acme Corp.") == name_key("Acme")
    assert name_key("Dr. Shinya Yamanaka", person=True) == "shinya yamanaka"


def test_names_honorifics_are_no_part_of_a_persons_key() -> None:
    bare = name_key("Edmund Hale", person=True)
    for written in ("Sir Edmund Hale", "Mr Edmund Hale", "Mr. Edmund Hale", "Dr Edmund Hale", "Professor Edmund Hale",
                    "Rev. Edmund Hale", "Lord Edmund Hale"):
        assert name_key(written, person=True) == bare, written
    assert name_key("Miss Lena Berg", person=True) == name_key("Ms Lena Berg", person=True) == "lena berg"
    # an honorific alone before a surname leaves the surname; the word alone is kept
    assert name_key("Mr Hale", person=True) == "hale"
    assert name_key("Sir", person=True) == "sir"


def test_names_honorifics_stay_in_the_names_of_other_things() -> None:
    # "Professor Green Records" or "Sir Walter Scott Hotel" is the name of a company or a building
    assert name_key("Professor Green Records") == "professor green records"
    assert name_key("Sir Walter Scott Hotel") == "sir walter scott hotel"


def test_names_organisation_by_context() -> None:
    from kgraph.models import Mention
    from kgraph.names import organisation_by_context

    def is_org(cls: str) -> bool:
        return cls == "Organization"

    bare = Mention(0, 6, "Corvex", "Person", "PERSON")  # the NER's guess
    firm = Mention(20, 26, "Corvex", "Organization", "PERSON")  # "oil firm Corvex": typed by its context
    assert organisation_by_context([bare, bare, bare, firm], is_org)
    assert not organisation_by_context([bare, bare], is_org)  # no context: the NER's word stands
    # a person's mark outweighs the context: a full name, a "he"
    assert not organisation_by_context([bare, firm, Mention(40, 52, "Anna Corvex", "Person", "PERSON")], is_org)
    assert not organisation_by_context([bare, firm, Mention(60, 62, "he", "Person", "pronoun")], is_org)
    # an organisation's own label is no context
    assert not organisation_by_context([bare, Mention(20, 26, "Corvex", "Organization", "ORG")], is_org)



def test_names_addressed_names_read_a_form_of_address_inside_or_before_a_name() -> None:
    import spacy
    from spacy.tokens import Doc, Span

    from kgraph.names import addressed_names

    doc = Doc(spacy.blank("en").vocab, words="Mr Velmar met Dr. Orsk and Dana Velmar .".split())
    inside, before, full = Span(doc, 0, 2), Span(doc, 4, 5), Span(doc, 6, 8)
    assert addressed_names([inside]) == {"Mr Velmar", "Velmar"}
    assert addressed_names([before]) == {"Orsk"}
    # guard: a person's full name without a form of address names nobody so
    assert addressed_names([full]) == set()
