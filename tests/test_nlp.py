"""kgraph.nlp: the spaCy pipeline's repairs of NER boundaries."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Lena Berg beat Czech Republic 7-5 6-3 in the final.", "Czech Republic"),
        ("Tomas Vidal lost to Republic of Georgia 4-6 in the semi-final.", "Republic of Georgia"),
    ],
)
def test_nlp_match_score_is_no_part_of_a_name(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    ents = [e.text for e in nlp(text).ents]
    assert name in ents, ents
    assert not any(e.startswith(name + " ") for e in ents), ents


def test_nlp_tuned_model_keeps_the_stock_organisations() -> None:
    import spacy
    from spacy.tokens import Doc, Span

    from kgraph.nlp import _combine_entities, _hold_entities

    words = ["Kestrel", "beat", "Orbitel", ",", "Mr", "Varga", "said", ";", "Ferenc", "Varga", "and", "Varga",
             "left", "Tacoma", "."]
    doc = Doc(spacy.blank("en").vocab, words=words)
    # what the stock NER says
    doc.ents = [Span(doc, 0, 1, "ORG"), Span(doc, 2, 3, "ORG"), Span(doc, 4, 6, "ORG"), Span(doc, 8, 10, "PERSON"),
                Span(doc, 11, 12, "ORG"), Span(doc, 13, 14, "ORG")]
    doc = _hold_entities(doc)
    assert not doc.ents
    # what the fine-tuned NER says
    doc.ents = [Span(doc, 0, 1, "PERSON"), Span(doc, 2, 3, "ORG"), Span(doc, 4, 6, "PERSON"),
                Span(doc, 8, 10, "PERSON"), Span(doc, 11, 12, "PERSON"), Span(doc, 13, 14, "GPE")]
    labels = {e.text: e.label_ for e in _combine_entities(doc).ents}
    assert labels == {
        "Kestrel": "ORG",  # the stock model's organisation is no person
        "Orbitel": "ORG",
        "Mr Varga": "PERSON",  # a form of address makes a person
        "Ferenc Varga": "PERSON",
        "Varga": "PERSON",  # the surname of a person named in full
        "Tacoma": "GPE",  # only the organisation-to-person change is undone
    }, labels
    assert "kgraph_stock_ents" not in doc.spans


def test_nlp_news_ner_replaces_the_stock_one() -> None:
    from kgraph.nlp import REPLACED_NER_MODEL, load_pipeline

    nlp = load_pipeline(REPLACED_NER_MODEL)
    assert "ner_news" not in nlp.pipe_names
    doc = nlp("Shares of Kestrel Foods rose after Japan's Orbitel said it would buy the company.")
    labels = {e.text: e.label_ for e in doc.ents}
    # a company named with its country's possessive is a company, the country a place
    assert labels.get("Orbitel") == "ORG", labels
    assert labels.get("Japan") == "GPE", labels
    assert labels.get("Kestrel Foods") == "ORG", labels


def test_nlp_tuned_model_runs_both_ners() -> None:
    from kgraph.nlp import TUNED_MODEL, load_pipeline

    names = load_pipeline(TUNED_MODEL).pipe_names
    assert names.index("ner") < names.index("ner_news") < names.index("kgraph_entity_repair"), names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tomas Vidal, head of the Slovene Farmers' Party, spoke.", "Slovene Farmers' Party"),
        ("Lena Berg joined the Kellmore Women's Institute.", "Kellmore Women's Institute"),
    ],
)
def test_nlp_possessive_plural_stays_in_a_name(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    ents = [e.text for e in nlp(text).ents]
    assert name in ents, ents


@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        # a name cut after "of" takes the capitalised words after it
        ("The Transition Council of Vellan said so.", [(1, 4, "ORG"), (4, 5, "GPE")], "Transition Council of Vellan"),
        # or loses the linking word when nothing capitalised follows
        ("It met the Kellmore Council of the region.", [(3, 6, "ORG")], "Kellmore Council"),
        # and the comma before the cut word ("Kellmore Council, of ..."); a spaced dash before it is the dash
        # rule's (_trim): "Kestrelgas - the gas firm ..." is Kestrelgas
        ("It met the Kellmore Council, of all bodies.", [(3, 7, "ORG")], "Kellmore Council"),
        ("The fate of Kestrelgas - the gas firm sold on Monday - is unclear.", [(3, 6, "ORG")], "Kestrelgas"),
        # a closing bracket stays ("Kestrel Holdings (UK)" of nothing capitalised)
        ("It met Kestrel Holdings (UK) of the region.", [(2, 8, "ORG")], "Kestrel Holdings (UK)"),
    ],
)
def test_nlp_name_does_not_end_in_a_linking_word(nlp, text: str, ents, name: str) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from kgraph.nlp import _repair_entities

    doc = nlp(text)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    names = [e.text for e in _repair_entities(doc).ents]
    assert name in names, names


def test_nlp_rank_before_a_name_is_not_the_organisations(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = [e.text for e in nlp("The boat sank at noon, said Coast Guard Lt. Tomas Vidal.").ents]
    assert "Coast Guard" in ents, ents


@pytest.mark.parametrize("text", ["Linguist Lena Berg of Kellmore University said so.", "Novelist Lena Berg died."])
def test_nlp_trade_word_opens_no_name(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    ents = [e.text for e in nlp(text).ents if e.label_ == "PERSON"]
    assert ents == ["Lena Berg"], ents


def test_nlp_tuned_model_keeps_the_stock_events() -> None:
    import spacy
    from spacy.tokens import Doc, Span

    from kgraph.nlp import _combine_entities, _hold_entities

    doc = Doc(spacy.blank("en").vocab, words=["Orbitel", "will", "exhibit", "at", "Expo", "2025", "in", "Osaka", "."])
    doc.ents = [Span(doc, 0, 1, "ORG"), Span(doc, 4, 6, "EVENT"), Span(doc, 7, 8, "GPE")]  # the stock NER
    doc = _hold_entities(doc)
    doc.ents = [Span(doc, 0, 1, "ORG"), Span(doc, 7, 8, "GPE")]  # the tuned NER no longer sees the event
    labels = {e.text: e.label_ for e in _combine_entities(doc).ents}
    assert labels == {"Orbitel": "ORG", "Expo 2025": "EVENT", "Osaka": "GPE"}, labels


def test_nlp_person_after_an_organisation_and_and_keeps_its_first_name(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from kgraph.nlp import _repair_entities

    # "... of the Orbitel Agency and Tomas K. Vidal": "Tomas" opens the person's name, not the "of" phrase's end
    doc = nlp("Lena Berg of the Orbitel Agency and Tomas K. Vidal of Kestrel were chosen.")
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 4, 6, label="ORG"), Span(doc, 7, 10, label="PERSON"),
                Span(doc, 11, 12, label="ORG")]
    names = [e.text for e in _repair_entities(doc).ents]
    assert "Tomas K. Vidal" in names, names


def test_nlp_headline_separator_ends_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from kgraph.nlp import _repair_entities

    doc = nlp("Orbitel buys stake in Kestrel | Market Wire")
    doc.ents = [Span(doc, 0, 1, label="ORG"), Span(doc, 4, 8, label="ORG")]
    names = [e.text for e in _repair_entities(doc).ents]
    assert "Kestrel" in names, names
    doc = nlp("Kestrel Air | Company News")
    doc.ents = [Span(doc, 0, 5, label="ORG")]
    names = [e.text for e in _repair_entities(doc).ents]
    assert names == ["Kestrel Air"], names


def test_nlp_legal_form_after_a_comma_is_part_of_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from kgraph.nlp import _repair_entities

    doc = nlp("Kestrel Partners, LLC sold its shares.")
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 3, 4, label="ORG")]
    names = [e.text for e in _repair_entities(doc).ents]
    assert names == ["Kestrel Partners, LLC"], names


def test_nlp_landform_noun_completes_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from kgraph.nlp import _repair_entities

    doc = nlp("Rain falls on the Vellan plateau in Oregon.")
    doc.ents = [Span(doc, 4, 5, label="GPE"), Span(doc, 7, 8, label="GPE")]
    names = [e.text for e in _repair_entities(doc).ents]
    assert "Vellan plateau" in names, names


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # hard-wrapped text: the line goes on with the same sentence
        ("Kestrel Bank announced\nits sponsorship of the Bergen Rowing Club.", 1),
        ("Lena Berg, the chairman of\nKestrel Bank, opened the fair.", 1),
        # a headline above its story, and paragraphs, are sentences of their own
        ("Kestrel Bank buys a rowing club\nKestrel Bank bought the Bergen Rowing Club on Monday.", 2),
        ("Kestrel Bank buys a rowing club\n\nthe deal was signed on Monday.", 2),
    ],
)
def test_nlp_line_breaks_end_sentences_unless_the_line_goes_on(nlp, text: str, sentences: int) -> None:  # type: ignore[no-untyped-def]
    assert len(list(nlp(text).sents)) == sentences, [s.text for s in nlp(text).sents]


@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        # a spaced dash before a lower-case word ends the name
        (
            "The seller - Scottish property firm Brannigan Private - bought the Regent Hotel.",
            [(6, 10, "ORG")],
            "Brannigan Private",
        ),
        # guard: a dash inside a word's spelling stays
        ("Flights to Saint-Malo rose.", [(2, 5, "GPE")], "Saint-Malo"),
        # guard: a spaced dash before a capitalised word is not cut
        ("Fans of Kellmore - Velland United sang.", [(2, 6, "ORG")], "Kellmore - Velland United"),
    ],
)
def test_nlp_name_ends_before_a_dash_and_a_lower_case_word(nlp, text: str, ents, name: str) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from kgraph.nlp import _repair_entities

    doc = nlp(text)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    names = [e.text for e in _repair_entities(doc).ents]
    assert name in names, names


def test_nlp_an_amount_in_millions_ends_its_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    # the tokenizer takes "m." for an abbreviation; a capitalised word after it opens the next sentence
    doc = nlp("Analysts say the unit could fetch up to £80m. Kestrel has also bought Orbitel.")
    assert [s.text for s in doc.sents][1] == "Kestrel has also bought Orbitel."
    # a lower-case word after it goes on with the sentence
    assert len(list(nlp("The deal was worth $3m. and more, analysts said.").sents)) == 1


def test_nlp_a_purchase_after_an_amount_in_millions_is_read(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Analysts say the unit could fetch up to £80m. Vivendi has also bought Havas Media.")
    assert ("Vivendi", "acquired", "Havas Media") in found
