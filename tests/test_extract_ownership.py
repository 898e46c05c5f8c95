"""Ownership in the rules (ontology/patterns.ttl, kgraph.extract.frames): stakes, owners, parents, "part of"."""

from __future__ import annotations

import pytest

#: A relation a case looks for: (subject, property, object), where an end that is None fits any name.
_Relation = tuple[str | None, str, str | None]


def _stated(rule: str, relation: _Relation, *texts: str) -> list[object]:
    """A case for each sentence, which states the relation by ``rule``."""
    return [pytest.param(text, relation, True, id=rule) for text in texts]


def _not_stated(rule: str, relation: _Relation, *texts: str) -> list[object]:
    """A case for each sentence, which states no relation like this one: a guard of ``rule``."""
    return [pytest.param(text, relation, False, id=rule) for text in texts]


_SHARES_HELD = (
    "Kestrel Holdings owns 10% of Corvane Mining.",
    "Kestrel Holdings controls at least 30% of Corvane Mining.",
    "Kestrel Holdings already holds an interest in Corvane Mining.",
    "Kestrel Holdings bought 15 percent of Corvane Mining last year.",
)
_OWNED_BY_A_PERSON = (
    "Tomas Vidal, who owns Corvane Rovers, said little.",
    "Tomas Vidal, the owner of Corvane Rovers, said little.",
    "Corvane Rovers owner Tomas Vidal said little.",
    "Tomas Vidal, who owns the Corvane Rovers team, said little.",
)
_ANY_STAKE: _Relation = (None, "investedIn", None)
_ANY_PARENT: _Relation = (None, "subsidiaryOf", None)
_ANY_BASE: _Relation = (None, "basedIn", None)

#: (sentence, relation, whether the sentence states it): a group for each rule, its cases and then its guards.
_CASES = [
    # a share held is an investment, and no control: the holder is no parent
    *_stated("share-held", ("Kestrel Holdings", "investedIn", "Corvane Mining"), *_SHARES_HELD),
    *_not_stated("share-held-no-parent", _ANY_PARENT, *_SHARES_HELD),
    *_not_stated(
        "share-not-held",
        _ANY_STAKE,
        "Kestrel Holdings sold 10% of Corvane Mining.",  # a share given up
        "Kestrel Holdings has expressed interest in Corvane Mining.",  # a wish, no holding
        "Kestrel Holdings plans to buy 10% of Corvane Mining.",  # not yet bought
        "Kestrel Holdings owns 10% of the Corvane market.",  # a share of a market, not of a firm
    ),
    # shares a firm holds are an investment; shares in a market are none
    *_stated(
        "shares-in-a-firm",
        ("Kestrel Holdings", "investedIn", "Corvane Mining"),
        "Kestrel Holdings' shares in Corvane Mining are worth $2bn.",
        "Kestrel Holdings' shareholding in Corvane Mining was sold last year.",
    ),
    *_not_stated("shares-in-a-market", _ANY_STAKE, "Kestrel Holdings' shares in the Tacoma market fell."),
    # a firm owned by a firm is its subsidiary
    *_stated(
        "owned-by-a-firm",
        ("Corvane Mining", "subsidiaryOf", "Kestrel Holdings"),
        "Corvane Mining's owner, Kestrel Holdings, backed the plan.",
        "Kestrel Holdings, the owner of Corvane Mining, said little.",
        "Kestrel Holdings, the holding company which controls Corvane Mining, said little.",
        "Corvane Mining became part of Kestrel Holdings in 2003.",
        "Kestrel Holdings owns the Corvane Mining football club.",  # the name on an organisation's noun
        "Orbitel said the Kestrel Holdings-owned Corvane Mining would close.",
        "Kestrel Holdings' Corvane Mining unit was sold last year.",  # the unit's own name before the noun
        "Kestrel Holdings expanded its Corvane Mining unit last year.",  # a sale ends it: test_extract_ended_posts
        "Investors fear the sale of the key Corvane Mining unit of Kestrel Holdings.",
    ),
    *_stated(
        "owned-by-a-firm",
        ("Corvane Mining Corp.", "subsidiaryOf", "Kestrel Holdings"),
        "Corvane Mining Corp. is now part of the Australian group Kestrel Holdings.",
    ),
    *_not_stated(
        "part-of-no-firm",
        _ANY_PARENT,
        # "as part of" a deal: the deal's party is not the whole
        "Kestrel Holdings sold Corvane Mining as part of its deal with Orbitel Group.",
        "Kestrel Holdings was part of the deal with Orbitel Group.",
        # an alliance's member is no subsidiary
        "Orbitel Airways is part of the Star Alliance.",
    ),
    *_not_stated(
        "unit-without-its-own-name",
        _ANY_PARENT,
        # a common noun before "unit" names what it does, and a title is no unit
        "Kestrel Holdings' mining unit was sold last year.",
        "Kestrel Holdings' Corvane Mining chief executive resigned.",
        "Investors fear the sale of the mining unit of Kestrel Holdings.",
    ),
    # a body named with its organisation's possessive is part of it (kg:partOf), no company it owns
    *_stated(
        "body-with-a-possessive",
        ("Fisheries Research Agency", "partOf", "Kestrel Group"),
        "The Kestrel Group's Fisheries Research Agency warned of shortages.",
    ),
    *_stated(
        "body-with-a-possessive",
        ("Harbour Works Office", "partOf", "Pentagon"),
        "The Pentagon's Harbour Works Office said it had taken over.",
    ),
    *_stated(
        "body-with-a-possessive",
        ("Monetary Policy Committee", "partOf", "Kestrel Bank"),
        "The Kestrel Bank's Monetary Policy Committee raised rates.",
    ),
    *_stated(
        "body-with-a-possessive",
        ("Small Business Council", "partOf", "Kestrel Group"),
        "Tomas Vidal, chair of the Kestrel Group's Small Business Council, warned of shortages.",
    ),
    *_stated(
        "body-with-a-possessive",
        ("European Department", "partOf", "Kestrel Fund"),
        "Lena Berg, assistant director of the Kestrel Fund's European Department, spoke.",
    ),
    *_not_stated(
        "body-with-a-possessive-no-subsidiary",
        _ANY_PARENT,
        "The Kestrel Bank's Monetary Policy Committee raised rates.",
        "Tomas Vidal, chair of the Kestrel Group's Small Business Council, warned of shortages.",
    ),
    # a unit named with its organisation's possessive is still its subsidiary
    *_stated(
        "unit-with-a-possessive",
        ("Corvane Mining Division", "subsidiaryOf", "Kestrel Holdings"),
        "Kestrel Holdings' Corvane Mining Division was sold last year.",
    ),
    # a body with a person's or a place's possessive is no organisation's part
    *_not_stated(
        "body-with-a-possessive-of-an-organisation",
        _ANY_PARENT,
        "Tomas Vidal's Charitable Foundation gave money.",
        "Norway's Petroleum Fund bought shares.",
    ),
    # the head noun does not say it is a body: the possessive may be a rival, a partner or a client
    *_not_stated("no-body-with-a-possessive", _ANY_PARENT, "The Kestrel Group's Halvard Mining was fined."),
    # a person who owns a firm invested in it, and is no parent
    *_stated("owned-by-a-person", ("Tomas Vidal", "investedIn", "Corvane Rovers"), *_OWNED_BY_A_PERSON),
    *_not_stated("owned-by-a-person-no-parent", _ANY_PARENT, *_OWNED_BY_A_PERSON),
    *_not_stated(
        "owned-by-a-person-no-firm",
        _ANY_STAKE,
        "Tomas Vidal, the owner of the Kestrel Hotel, said little.",  # a place
        "Tomas Vidal owns the Corvane Rovers shares.",  # goods named after the firm, not the firm
        "Tomas Vidal owns the Corvane Tower building.",
    ),
    # a share held through "in which"/"of which": the noun the clause is on is the firm invested in
    *_stated(
        "share-held-in-which",
        ("Kestrel Holdings", "investedIn", "Korvex Airlines"),
        "Korvex Airlines, in which Kestrel Holdings holds 44%, made a profit.",
        "Korvex Airlines, of which Kestrel Holdings owns 10%, made a profit.",
        "Korvex Airlines, in which Kestrel Holdings invested heavily, made a profit.",
    ),
    *_not_stated(
        "share-held-in-which",
        _ANY_STAKE,
        "Korvex Airlines, in which Kestrel Holdings has expressed interest, made a profit.",  # a wish, no holding
        "The Korvex market, in which Kestrel Holdings holds 44%, grew.",  # a share of a market
    ),
    # a share of a firm's shares is a share of the firm
    *_stated(
        "share-of-its-shares",
        ("Kestrel Holdings", "investedIn", "Korvex Airlines"),
        "The bid came from Kestrel Holdings, which already owns 6.7% of Korvex Airlines' shares.",
        "Kestrel Holdings owns 12% of Korvex Airlines's shares.",
    ),
    *_not_stated(
        "share-of-its-shares",
        _ANY_STAKE,
        "Kestrel Holdings owns 12% of the shares.",  # whose shares the sentence does not say
    ),
    *_not_stated(
        "share-of-its-shares",
        ("Kestrel Holdings", "investedIn", "Orbix Group"),
        "Kestrel Holdings owns 12% of Orbix Group's shares in Korvex Airlines.",  # Orbix Group holds them
    ),
    # the whole of a firm bought is the firm bought, no stake in it
    *_stated(
        "whole-bought",
        ("Kestrel Holdings", "acquired", "Korvex Airlines"),
        "Kestrel Holdings bought 100% of Korvex Airlines.",
        "Kestrel Holdings said it had bought all of Norway's Korvex Airlines.",
    ),
    *_not_stated(
        "whole-bought",
        ("Kestrel Holdings", "investedIn", "Korvex Airlines"),
        "Kestrel Holdings bought 100% of Korvex Airlines.",
    ),
    *_stated(
        "whole-bought",
        ("Kestrel Holdings", "investedIn", "Korvex Airlines"),
        "Kestrel Holdings bought 15% of Korvex Airlines.",  # a part bought is a stake
        "Kestrel Holdings owns all of Korvex Airlines.",  # held, not bought: read as a holding
    ),
    *_not_stated(
        "whole-bought",
        ("Kestrel Holdings", "acquired", "Korvex Airlines"),
        "Kestrel Holdings bought 15% of Korvex Airlines.",
        "Kestrel Holdings owns 100% of Korvex Airlines.",
    ),
    # a relative clause on a firm's noun with the firm's name on it is about the firm: "the Kestrel group, which"
    *_stated(
        "named-noun-relative",
        ("Kestrel", "investedIn", "Korvex Airlines"),
        "Tomas Vidal returned to the Kestrel group, which owns 30% of Korvex Airlines.",
    ),
    *_stated(
        "named-noun-relative",
        ("Kestrel", "acquired", "Korvex Airlines"),
        "Tomas Vidal returned to the Kestrel group, which bought Korvex Airlines last year.",
    ),
    *_not_stated(
        "named-noun-relative",
        _ANY_STAKE,
        "He praised the Oslo office, which owns 30% of Korvex Airlines.",  # a place's name on the noun
        "The group, which owns 30% of Korvex Airlines, agreed.",  # no name on it
    ),
    # a bare owner's noun before a firm's name, like a title: the one other firm named before it is the one owned
    *_stated(
        "owner-before-a-name",
        ("Corvane Mobile", "subsidiaryOf", "Kestrel Holdings"),
        "Strong demand for mobile network Corvane Mobile boosted profits at owner Kestrel Holdings.",
        "Weak sales at Corvane Mobile hurt profits at parent Kestrel Holdings.",
        "Weak sales at Corvane Mobile hurt profits at parent company Kestrel Holdings.",
    ),
    *_stated(
        "owner-before-a-name",
        ("Tomas Vidal", "investedIn", "Corvane Rovers"),
        "Sales at Corvane Rovers rose, said owner Tomas Vidal.",
    ),
    *_not_stated(
        "owner-before-a-name-needs-one-firm",
        _ANY_PARENT,
        # two firms before it: which one it owns is left open
        "Sales at Corvane Rovers rose but Orbitel Group lost money, said parent Kestrel Holdings.",
        # no owner's noun
        "Weak sales at Corvane Mobile hurt profits at Kestrel Holdings.",
    ),
    *_not_stated(
        "owner-before-a-name-of-no-named-firm",
        _ANY_STAKE,
        # the noun before it says what he owns
        "Sales at Corvane Rovers rose, said restaurant owner Tomas Vidal.",
        "Former Corvane Rovers butler Lena Berg came second, and restaurant owner Tomas Vidal was third.",
    ),
    *_not_stated(
        "owner-before-a-name-needs-one-firm",
        _ANY_STAKE,
        "Weak sales at Corvane Mobile hurt the Treasury, said owner Kestrel Holdings.",
    ),
    # a bare unit's noun before a name, like a title: the one other firm named before it owns it
    *_stated(
        "unit-before-a-name",
        ("Daiwa Motors", "subsidiaryOf", "Kestrel Holdings"),
        "Kestrel Holdings took a hit from a scandal at Japanese subsidiary Daiwa Motors.",
        "Kestrel Holdings said subsidiary Daiwa Motors would cut jobs.",
    ),
    *_not_stated(
        "unit-before-a-name-now-and-of-one-firm",
        _ANY_PARENT,
        "Kestrel Holdings was bought by former subsidiary Daiwa Motors.",  # no longer its unit
        "Kestrel Holdings and Orbitel Group said subsidiary Daiwa Motors would cut jobs.",  # whose is left open
    ),
    # an owner's ownership: a firm's makes a parent, a person's an investment; nobody's without a possessor
    *_stated(
        "ownership-of",
        ("Corvane Clearing", "subsidiaryOf", "Kestrel Exchange"),
        "Kestrel Exchange's ownership of Corvane Clearing was a stumbling block.",
        "Kestrel Exchange said its ownership of Corvane Clearing was no obstacle.",
    ),
    *_stated(
        "ownership-of",
        ("Tomas Vidal", "investedIn", "Corvane Rovers"),
        "Tomas Vidal's ownership of Corvane Rovers angered fans.",
    ),
    *_not_stated(
        "ownership-of-needs-its-owner",
        _ANY_PARENT,
        "Kestrel Exchange opposed foreign ownership of Corvane Clearing.",  # no owner of the clause's
        "Kestrel Exchange's planned ownership of Corvane Clearing was a stumbling block.",  # not yet
    ),
    # a family apposed to an owner's noun goes by its surname
    *_stated(
        "owner-is-a-family",
        ("Vidal", "investedIn", "Kestrel Holdings"),
        "The owners of Kestrel Holdings, the Vidal family, are looking for a buyer.",
        "Kestrel Holdings' owners, the Vidal family, are looking for a buyer.",
    ),
    *_not_stated(
        "owner-is-a-family",
        _ANY_STAKE,
        "Kestrel Holdings' neighbours, the Vidal family, want a buyer.",  # no owner's noun
    ),
    # a possessed share is held whatever the clause says befalls it
    *_stated(
        "possessed-share",
        ("Orbitel Telecom", "investedIn", "Corvane Mobile"),
        "Orbitel Telecom's stake in Corvane Mobile should be cut to 49%.",
        "Orbitel Telecom said its stake in Corvane Mobile may be sold.",
    ),
    *_not_stated(
        "possessed-share",
        _ANY_STAKE,
        "Orbitel Telecom's proposed stake in Corvane Mobile may be cut.",  # not held yet
        "Orbitel Telecom may take a stake in Corvane Mobile.",  # no possessor: not held yet
    ),
    *_not_stated(
        "possessed-share-of-its-possessor",
        ("Kestrel Holdings", "investedIn", None),
        "Kestrel Holdings wants to buy Orbitel Telecom's stake in Corvane Mobile.",  # the buyer holds none yet
    ),
    # the vehicle a share is held through holds it
    *_stated(
        "share-held-through",
        ("Orbitel Capital", "investedIn", "Kestrel Holdings"),
        "They own 29% of Kestrel Holdings through their Orbitel Capital investment vehicle.",
        "Tomas Vidal holds 10% of Kestrel Holdings through Orbitel Capital.",
    ),
    *_not_stated(
        "share-held-through",
        ("Orbitel Capital", "investedIn", None),
        "Tomas Vidal sold 10% of Kestrel Holdings through Orbitel Capital.",  # a share given up (a broker's sale)
    ),
    # people apposed to a noun apposed to the holders' noun are the holders
    *_stated(
        "holders-described",
        ("Pedro Alves", "investedIn", "Kestrel Holdings"),
        "Kestrel Holdings' largest shareholders, the Irish businessmen Tomas Vidal and Pedro Alves, backed the bid.",
    ),
    *_not_stated(
        "holders-described",
        _ANY_STAKE,
        "Kestrel Holdings' neighbours, the Irish businessmen Tomas Vidal and Pedro Alves, backed the bid.",
    ),
    # a plural relational noun whose names "include" lists them: each holds it
    *_stated(
        "nouns-include-names",
        ("Daiwa Motors", "subsidiaryOf", "Kestrel Foods"),
        "Kestrel Foods' subsidiaries include Corvane Stores and Daiwa Motors.",
    ),
    *_stated(
        "nouns-include-names",
        ("Lena Berg", "investedIn", "Kestrel Bank"),
        "Kestrel Bank's shareholders include Tomas Vidal and Lena Berg.",
    ),
    *_not_stated(
        "nouns-include-names-now",
        _ANY_STAKE,
        "Kestrel Bank's past owners include Tomas Vidal.",  # no owner now
        "Kestrel Bank's shareholders may include Tomas Vidal.",  # not said to be one
    ),
    # a description with a country's adjective says where the one firm it refers to is based
    *_stated(
        "description-with-a-country",
        ("Kestrel Bank", "basedIn", "Germany"),
        "Kestrel Bank posted a loss on Monday. The German lender said costs had risen.",
    ),
    *_stated(
        "description-with-a-country",
        ("Corvane Mining", "basedIn", "Italy"),
        "Corvane Mining cut 200 jobs. The Italian firm blamed higher fuel prices.",
    ),
    *_stated(
        "description-with-a-country",
        ("Kestrel Telecom", "basedIn", "Netherlands"),
        "Kestrel Telecom raised its forecast. The Netherlands-based company sells phones.",
    ),
    *_not_stated(
        "description-with-a-country-needs-one-firm",
        _ANY_BASE,
        # two firms the description may stand for: neither is said to be German
        "Kestrel Bank and Corvane Mining posted losses. The German lender said costs had risen.",
        # no firm referred to
        "Kestrel Bank posted a loss. A German lender said costs had risen.",
        # no firm's noun: a market is no description of the bank
        "Kestrel Bank posted a loss. It blamed the German market.",
    ),
    *_not_stated(
        "description-of-another-body",
        ("Kestrel Bank", "basedIn", None),
        # a public body with a country's adjective is that country's, not the firm named before
        "Kestrel Bank posted a loss. The German regulator said it would look into the accounts.",
    ),
    *_not_stated(
        "description-of-another-body",
        ("Kestrel Holdings", "basedIn", None),
        # a name inside the description: "the Tacoma Falcons American football team" names its own team
        "Kestrel Holdings bought land. It owns the successful Tacoma Falcons American football team based in Oregon.",
    ),
    # a country's short name on a definite firm's noun says where it is based
    *_stated(
        "short-country-name",
        ("Rowan Bank", "basedIn", "US"),
        "Rowan Bank posted a loss. The US lender said costs had risen.",
    ),
    *_stated("short-country-name", ("Rowan Bank", "basedIn", "UK"), "Rowan Bank, the UK lender, posted a loss."),
    *_not_stated(
        "short-country-name-needs-a-definite-firm",
        ("Rowan Bank", "basedIn", "US"),
        "Rowan Bank posted a loss. A US lender said costs had risen.",  # no firm referred to
        "Rowan Bank posted a loss. The German-US lender said costs had risen.",  # two countries, another firm
        "Rowan Bank posted a loss. The US regulator said it would look into it.",  # a public body
    ),
    # a country's possessive on a description that opens its sentence says where the firm is based
    *_stated(
        "country-possessive",
        ("Kestrel Motors", "basedIn", "France"),
        "Kestrel Motors raised its dividend. France's second largest carmaker enjoyed a rise in profits.",
    ),
    *_stated(
        "country-possessive",
        ("Kestrel Motors", "basedIn", "UK"),
        "Kestrel Motors raised its dividend. The UK's biggest carmaker said sales rose.",
    ),
    *_not_stated(
        "country-possessive-needs-its-sentence",
        ("Kestrel Motors", "basedIn", None),
        # not the subject opening its sentence: the carmaker meant may be another firm
        "Kestrel Motors raised its dividend. Talks with France's second largest carmaker have stalled.",
        # a public body is the country's own
        "Kestrel Motors raised its dividend. Italy's financial watchdog said it would look into it.",
    ),
    # a unit's name on the business's noun before the unit's ("its Corvane Life insurance arm")
    *_stated(
        "unit-name-before-its-business",
        ("Corvane Life", "subsidiaryOf", "Kestrel Bank"),
        "Kestrel Bank expanded its Corvane Life insurance arm last year.",
    ),
    *_stated(
        "unit-name-before-its-business",
        ("Corvane Life & Pension", "subsidiaryOf", "Kestrel Bank"),
        "Kestrel Bank expanded its Corvane Life & Pension insurance arm last year.",  # "Life" parsed a modifier
    ),
    *_stated(
        "unit-name-before-its-business",
        ("Corvane Life & Annuity", "subsidiaryOf", "Kestrel Bank"),
        # the name's words parsed as modifiers of "insurance"
        "Kestrel Bank has expanded its Corvane Life & Annuity insurance arm in Europe.",
    ),
    *_not_stated(
        "unit-name-before-its-business-needs-a-unit",
        _ANY_PARENT,
        "Kestrel Bank sold its Corvane Life insurance policies last year.",  # goods, no unit
        "Kestrel Bank quotes its prices in the Corvane unit of account.",  # a unit of measure, no firm's
    ),
    # where a unit is based, by "-based" on its noun: the name before the noun is the unit
    *_stated(
        "based-unit",
        ("Corvane Mining", "basedIn", "Oslo"),
        "Kestrel Bank said its Oslo-based Corvane Mining unit would be sold.",
    ),
    *_not_stated(
        "based-unit-needs-its-name",
        ("Kestrel Bank", "basedIn", "Oslo"),
        "Kestrel Bank's Oslo-based mining unit was sold.",  # the owner is not where its unit is
    ),
    *_not_stated(
        "based-unit-needs-a-place",
        _ANY_BASE,
        "Kestrel Bank said its web-based Corvane Mining unit would be sold.",  # "web" is no place
    ),
    # a relational noun before a plural noun that "includes" names ("subsidiary brands")
    *_stated(
        "noun-pair-includes-names",
        ("Daiwa Motors", "subsidiaryOf", "Kestrel Foods"),
        "Kestrel Foods said its subsidiary brands include Corvane Stores and Daiwa Motors.",
    ),
    *_not_stated(
        "noun-pair-includes-names-needs-a-relational-noun",
        _ANY_PARENT,
        "Kestrel Foods said its rival brands include Corvane Stores and Daiwa Motors.",
    ),
    # a bare shareholder's noun before a name, like "parent": it holds shares in the one firm named before
    *_stated(
        "shareholder-before-a-name",
        ("Orbitel Group", "investedIn", "Kestrel Motors"),
        "Kestrel Motors has lost the support of shareholder Orbitel Group.",
    ),
    *_not_stated(
        "shareholder-before-a-name-of-one-firm",
        ("Orbitel Group", "investedIn", None),
        # two firms named before: whose shareholder is open
        "Kestrel Motors and Corvane Mining lost the support of shareholder Orbitel Group.",
        # a meeting of shareholders names none
        "Kestrel Motors called a shareholder meeting with Orbitel Group.",
    ),
    # a unit with an owner is the name before its noun, in a verb's roles too
    *_stated(
        "owned-unit-in-a-verb",
        ("Orbitel Group", "acquired", "Corvane Mining"),
        "Kestrel Bank sold its Corvane Mining unit to Orbitel Group.",
    ),
    *_not_stated(
        "owned-unit-in-a-verb-needs-an-owner",
        (None, "acquired", "Corvane Mining"),
        # "the Corvane Mining unit" may be the unit Corvane Mining owns: it is not what was sold
        "Kestrel Bank sold the Corvane Mining unit to Orbitel Group.",
    ),
]


@pytest.mark.parametrize(("text", "relation", "stated"), _CASES)
def test_ownership_states_the_relation_or_none_like_it(  # type: ignore[no-untyped-def]
    extract_text, text: str, relation: _Relation, stated: bool
) -> None:
    found = extract_text(text)
    subject, predicate, obj = relation
    fits = [r for r in found if r[1] == predicate and subject in (None, r[0]) and obj in (None, r[2])]
    assert bool(fits) is stated, found


@pytest.mark.parametrize(
    ("text", "owned"),
    [
        # names a brand noun closes are the owner's goods
        ("Kestrel Foods, which also owns the Orbix and Tellmark's cereal brands, said it would cut costs.", False),
        ("Kestrel Foods, which also owns the Orbix label, said it would cut costs.", False),
        # the same names without one are companies it owns
        ("Kestrel Foods, which also owns Orbix and Tellmark Mills, said it would cut costs.", True),
        ("Kestrel Foods also owns Orbix, it said.", True),
    ],
)
def test_ownership_brands_are_no_subsidiaries(extract_text, text: str, owned: bool) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert (("Orbix", "subsidiaryOf", "Kestrel Foods") in found) is owned, found


@pytest.mark.parametrize("parse", ["parse", "misparse"])
def test_ownership_in_which_names_no_object_of_the_verb(nlp, ontology, relation_triples, parse: str) -> None:  # type: ignore[no-untyped-def]
    """ "Daiwa Motors - in which Kestrel Holdings owns a stake - grew": the clause's noun is the object of "in",
    never of "owns"; the parser sometimes hangs "stake" on the main verb, and the clause is then no "Kestrel
    Holdings owns Daiwa Motors" (a parent)."""
    from spacy.tokens import Doc

    from kgraph.extract.mentions import find_mentions

    words = ["Daiwa", "Motors", "-", "in", "which", "Kestrel", "Holdings", "owns", "a", "stake", "-", "grew", "."]
    stake, stake_dep = (7, "dobj") if parse == "parse" else (11, "npadvmod")
    doc = Doc(
        nlp.vocab,
        words=words,
        lemmas=["Daiwa", "Motors", "-", "in", "which", "Kestrel", "Holdings", "own", "a", "stake", "-", "grow", "."],
        heads=[1, 11, 1, 7, 3, 6, 7, 1, 9, stake, 11, 11, 11],
        deps=[
            "compound",
            "nsubj",
            "punct",
            "prep",
            "pobj",
            "compound",
            "nsubj",
            "relcl",
            "det",
            stake_dep,
            "punct",
            "ROOT",
            "punct",
        ],
        pos=[
            "PROPN",
            "PROPN",
            "PUNCT",
            "ADP",
            "PRON",
            "PROPN",
            "PROPN",
            "VERB",
            "DET",
            "NOUN",
            "PUNCT",
            "VERB",
            "PUNCT",
        ],
        tags=["NNP", "NNPS", ":", "IN", "WDT", "NNP", "NNPS", "VBZ", "DT", "NN", ",", "VBD", "."],
        ents=["B-ORG", "I-ORG", "O", "O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O", "O", "O"],
    )
    found = relation_triples(doc, find_mentions(doc, ontology))
    assert not any(p == "subsidiaryOf" for _, p, _ in found), found
    assert (("Kestrel Holdings", "investedIn", "Daiwa Motors") in found) is (parse == "parse"), found


@pytest.mark.parametrize("adjective", ["Japanese", "former"])
def test_ownership_former_unit_parsed_on_the_name(nlp, ontology, relation_triples, adjective: str) -> None:  # type: ignore[no-untyped-def]
    """ "Kestrel Holdings sold goods to former subsidiary Daiwa Motors": the parser may hang "former" on the name
    rather than on "subsidiary"; a former unit is no unit now, where another adjective changes nothing."""
    from spacy.tokens import Doc

    from kgraph.extract.mentions import find_mentions

    words = ["Kestrel", "Holdings", "sold", "goods", "to", adjective, "subsidiary", "Daiwa", "Motors", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        lemmas=["Kestrel", "Holdings", "sell", "good", "to", adjective.lower(), "subsidiary", "Daiwa", "Motors", "."],
        heads=[1, 2, 2, 2, 2, 8, 8, 8, 4, 2],
        deps=["compound", "nsubj", "ROOT", "dobj", "prep", "amod", "compound", "compound", "pobj", "punct"],
        pos=["PROPN", "PROPN", "VERB", "NOUN", "ADP", "ADJ", "NOUN", "PROPN", "PROPN", "PUNCT"],
        tags=["NNP", "NNPS", "VBD", "NNS", "IN", "JJ", "NN", "NNP", "NNPS", "."],
        ents=["B-ORG", "I-ORG", "O", "O", "O", "O", "O", "B-ORG", "I-ORG", "O"],
    )
    found = relation_triples(doc, find_mentions(doc, ontology))
    assert (("Daiwa Motors", "subsidiaryOf", "Kestrel Holdings") in found) is (adjective != "former"), found


@pytest.mark.parametrize(
    ("text", "owned"),
    [
        # an affiliate or associate is linked to the firm, not a part of it
        ("Kestrel bought 60% of Orbix's Dutch affiliate Velmar last year.", False),
        ("Velmar, an affiliate of Orbix, made a loss last year.", False),
        # a subsidiary, unit or arm is one
        ("Kestrel bought 60% of Orbix's Dutch subsidiary Velmar last year.", True),
        ("Velmar, a unit of Orbix, made a loss last year.", True),
    ],
)
def test_ownership_an_affiliate_is_no_subsidiary(extract_text, text: str, owned: bool) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert (("Velmar", "subsidiaryOf", "Orbix") in found) is owned, found
