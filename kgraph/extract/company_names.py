"""Companies named after a country's possessive, which the NER takes for people or places.

Decides when "Country's X" names a company: the possessor is a country's name, the NER
labelled X a person, place or building (not a country or continent itself), and the words
the parse hangs X on are a company's: it buys, sells, bids or says "it" will; it is owned,
taken over or bid for, holds or is the object of shares or a stake; or it stands in a list
beside a name the NER took for an organisation; or X is one word that opens a longer name the NER
took for an organisation's in the article ("Japan's Nippon" beside "Nippon Steel": the firm's short
name).  Example: in "Italy's Orvana has agreed to buy a stake in a brewer.", Orvana is an organisation,
not a place; in "Spain's Rafael Soler won the final." nothing says a company and the NER's label stands.

Also decides, per name per article, that a name the NER took for a person or place is a company
wherever the article names it once one occurrence is treated as one (and so is such a firm's name with a unit's
words after it, "Kestrel North America"): shares in it, its chief executive
(a place has one too: not for a place's label), its profits, "X, the search firm", "X said it would sell",
"X reported a loss"; and where it stands in a company's frame: a firm's kind or part right before it ("the Dutch
retailer X", "its subsidiary X") or after it ("Japan's troubled X bank", "its X division"), what only a company
has right after it ("X shareholders"; not "Tokyo shares"), a part of it held ("owns 44% of X"), "X said its
profits rose", "X saw its shares rise", "X is India's first low-cost airline", "X, one of Europe's biggest banks"
(for a place's label, "X, one of the video game publishers").  "Dana Kell said it was hard", "France said it would
sell", "the firm Dana Kell founded", "peacemaker Dana Kell", "its Tokyo unit", "Jordan's bank", "the Velmar
family" make no company, nor does any frame a name the article gives a person by a form of address ("Mr
Velmar").

And the reverse: a name the NER took for an organisation that a performer's noun right before it calls a
person ("actor Tom Ellery"), or a noun only a person is called where the name is written as a person's
(initials and a surname, or beside a person's name in a list: "the tycoon JP Halloran"), or a region's noun
right after it calls a place ("the Kestrel province").

Also decides the company evidence the mentions use elsewhere: what only a company has, so that its
possessor is one ("Orbix's shares", "Air Kestrel's managing director"; not a deputy chairman, whom a
commission has too), and the words that make the name a country opens a company's ("Shares in UK Coal",
"UK Coal reported a loss"; not "the U.S. Midwest").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.extract.doc_text import doc_ents, ents_addressed, per_document
from kgraph.extract.lexicon import _CONTINENTS, _COUNTRY_NAMES
from kgraph.extract.parent_names import unit_suffix
from kgraph.nlp import dictionary_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kgraph.ontology import Ontology

__all__ = [
    "company_after_country", "company_in_document", "company_opened_by_title", "firm_names", "firms_possession",
    "names_a_firm", "not_a_company",
]



def _after_country(span: Span) -> bool:
    """Whether the name's head is possessed by a country's name ("Spain's Elvora")."""
    return any(
        c.dep_ == "poss"
        and c.i < span.start
        and c.lower_ in _COUNTRY_NAMES
        and c.ent_type_ == "GPE"
        and any(g.lower_ in {"'s", "’s"} for g in c.children)
        for c in span.root.children
    )


def _acts_as_firm(verb: Token, ontology: Ontology) -> bool:
    """A verb, or the verb its clause complements ("agreed to buy"), of a company's deeds (kgx:FirmVerb); or
    "say" with "it" doing one ("said it would sell")."""
    deeds = ontology.words("FirmVerb")
    if verb.lemma_.lower() in deeds or any(
        c.dep_ == "xcomp" and c.lemma_.lower() in deeds for c in verb.children
    ):
        return True
    return verb.lemma_.lower() == "say" and any(
        c.dep_ == "ccomp"
        and c.lemma_.lower() in deeds
        and any(s.dep_ == "nsubj" and s.lower_ == "it" for s in c.children)
        for c in verb.children
    )


def _in_list_of_firms(span: Span) -> bool:
    """Whether the name is in a list ("A, B and Spain's X") beside a name the NER took for an organisation
    and no person's or place's."""
    root = span.root
    top = root
    while top.dep_ == "conj":
        top = top.head
    members, todo = [], [top]
    while todo:  # the list's members: conjuncts of conjuncts
        member = todo.pop()
        members.append(member)
        todo.extend(c for c in member.children if c.dep_ == "conj")
    others = [t for t in members if not span.start <= t.i < span.end]
    if any(t.ent_type_ in {"PERSON", "GPE", "LOC"} for t in others):
        return False  # a list of people or places ("Russia's Chechnya, Moldova and Georgia")
    # an organisation's name not itself after a country's ("Brazil's Leonardo and Panama's Julio Vidal", a team)
    return any(t.ent_type_ == "ORG" and not any(c.dep_ == "poss" for c in t.children) for t in others)


def _firm_context(span: Span, ontology: Ontology) -> bool:
    """Whether the words around the name say a company (see the module's docstring; kgx:FirmObjectNoun,
    kgx:FirmAgentVerb)."""
    root = span.root
    head = root.head
    if root.dep_ in {"nsubj", "nsubjpass"} and _acts_as_firm(head, ontology):
        return True
    if root.dep_ == "pobj":
        governor = head.head
        if governor.lemma_.lower() in ontology.words("FirmObjectNoun"):
            return True
        if head.dep_ == "agent" and governor.lemma_.lower().rsplit("-", 1)[-1] in ontology.words("FirmAgentVerb"):
            return True  # "owned by X", "majority-owned by X"
    return _in_list_of_firms(span)


def company_after_country(span: Span, ontology: Ontology) -> str | None:
    """ "Organization" for a name after a country's possessive that the words around say is a company
    and the NER took for a person, place or building; else None."""
    if span.label_ not in {"PERSON", "GPE", "LOC", "FAC"} or len(span) > 3:
        return None
    if span.text.lower() in _COUNTRY_NAMES | _CONTINENTS or not _after_country(span):
        return None
    return "Organization" if _firm_context(span, ontology) or _opens_a_firms_name(span) else None


def _opens_a_firms_name(span: Span) -> bool:
    """ "Japan's Nippon" where the article names "Nippon Steel": one word after a country's possessive that
    opens a longer name the NER took for an organisation's, the firm's short name."""
    if len(span) != 1:
        return False
    return any(ent.label_ == "ORG" and len(ent) > 1 and ent[0].text == span.text for ent in doc_ents(span.doc))


def firms_possession(noun: Token, ontology: Ontology) -> bool:
    """Whether a noun names what only a company has (kgx:FirmPossession): its shares, profits, chairman, by the
    noun's lemma, or its managing director, by the noun and the word before it."""
    lemma = noun.lemma_.lower()
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    if before is not None and before.lower_ in {"deputy", "vice"}:
        return False  # "Tutu's deputy chairman": a commission's, in a person's charge
    possessions = ontology.words("FirmPossession")
    if lemma in possessions:
        return True
    return before is not None and f"{before.lower_} {noun.lower_}" in possessions


def names_a_firm(head: Token, ontology: Ontology) -> bool:
    """Whether the words the parse hangs a name on are a company's (kgx:FirmWord): its shares, its profits
    ("Shares in UK Coal", "UK Coal reported a loss"); not "the U.S. Midwest", "Australia Day"."""
    governor = head.head.head if head.dep_ == "pobj" else head.head
    words = ontology.words("FirmWord")
    if head.dep_ == "nsubj" and any(c.lower_ in words for c in governor.children if c.dep_ == "dobj"):
        return True
    return governor.lower_ in words and governor.i != head.i


#: Nouns of what a company has or undergoes, with the preposition that names the company after them:
#: "shares in X", "a stake in X", "profits at X", "a takeover of X", "a bid for X".
_FIRM_OF = {
    "in": frozenset("share stake shareholding".split()),
    "at": frozenset("profit loss revenue sale turnover earnings".split()),
    "of": frozenset("takeover shareholder share profit revenue turnover earnings".split()),
    "for": frozenset("bid offer".split()),
}
_DOC_KEY = "kgraph.firm_names"


def _firm_kind(token: Token, ontology: Ontology) -> bool:
    """Whether a noun names a firm's kind, part or affiliate (kgx:FirmNoun, kgx:UnitNoun, kgx:AffiliateNoun,
    "maker" of goods): "retailer", "subsidiary", "affiliate", "carmaker", "parts maker"; not "peacemaker",
    "flagmaker" (people), nor a work's maker ("film maker", kgx:WorkNoun)."""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN":
        return False
    if lemma == "maker":
        return not any(c.dep_ == "compound" and c.lemma_.lower() in ontology.words("WorkNoun") for c in token.children)
    return lemma in ontology.words("FirmNoun") | ontology.words("UnitNoun") | ontology.words("AffiliateNoun")


def _kind_before(span: Span, ontology: Ontology) -> bool:
    """ "the Dutch retailer Verhoeven", "its subsidiary Velmar": a firm's kind or part right before the name,
    which the parse hangs on the name or leaves beside it (not "the firm Dana Kell founded", a relative
    clause on the noun; not "the bank Jordan's ...", a possessor of what follows; for a name the NER took for
    a person's, not a firm's noun a person is called too, "broadcaster")."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    root = span.root
    if not _firm_kind(before, ontology) or not before.is_lower:
        return False
    if span.label_ == "PERSON" and before.lemma_.lower() in ontology.words("FirmNoun") and not (
        ontology.classes_for_descriptor(before.lemma_.lower())
    ):
        return False  # "fellow broadcaster Dana Kell": a firm's noun a person is called too
    if any(c.dep_ == "case" for c in root.children) or root.dep_ == "poss":
        return False
    return not (root.dep_ == "nsubj" and root.head.dep_ in {"relcl", "ccomp"} and root.head.i > root.i)


def _kind_after(span: Span, ontology: Ontology) -> bool:
    """ "Japan's troubled Kasumi bank", "its key Zanfield division": a name the NER took for a person,
    a compound on a firm's kind or part right after it (a place's is not: "a Tokyo bank" is one in Tokyo)."""
    root = span.root
    if span.label_ != "PERSON" or root.dep_ != "compound" or root.head.i != span.end:
        return False
    if root.head.tag_ != "NN":
        return False  # "Kellmore banks": a kind of firms, not one firm's name
    if root.head.dep_ == "compound" and root.head.head.pos_ == "PROPN":
        return False  # "Kellmore group Tamsui Rain": the noun is another name's kind, the first name its place
    return _firm_kind(root.head, ontology) and root.head.lemma_.lower() not in {"exchange", "telecoms"}


def _possession_after(span: Span, ontology: Ontology) -> bool:
    """ "Yukos shareholders", "Orbel chief executive X": a name (not one the NER took for a place's), a
    modifier of what only a company has right after it (kgx:FirmPossession); not a place's ("Tokyo shares" are
    traded there)."""
    root = span.root
    head = root.head
    if span.label_ in {"GPE", "LOC", "NORP"} or root.dep_ not in {"compound", "nmod"}:
        return False
    return span.end <= head.i <= span.end + 1 and firms_possession(head, ontology)


#: Nouns (lemmas) of a part of a whole that a verb of holding takes with "of": "owns 44% of X".
_PART_OF = frozenset({"%", "percent", "cent"})


def _share_of(span: Span, ontology: Ontology) -> bool:
    """ "Renwick Motors owns 44% of Tamsui": the object of a part a company holds or buys (kgx:FirmAgentVerb,
    "hold", "sell", "control"), not "20% of Kellmore's homes" (a possessor) or "flooded 30% of X"."""
    root = span.root
    head = root.head
    if root.dep_ != "pobj" or head.lower_ != "of" or head.head.lemma_.lower() not in _PART_OF:
        return False
    verb = head.head.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in ontology.words("FirmAgentVerb") | {"hold", "sell", "control"}


def _says_its(span: Span, ontology: Ontology) -> bool:
    """ "Orbix said its profits rose", "Orbix saw its shares rise 14%", "Orbix doubled its profits": the name,
    the subject of a verb, says "its" of what only a company has (kgx:FirmPossession): the subject of the
    clause the verb takes, or for a verb other than "say" its object (not "X said Britain should take its
    share": Britain's; not "X said the firm's shares rose": the firm's)."""
    root = span.root
    verb = root.head
    if root.dep_ != "nsubj" or verb.pos_ not in {"VERB", "AUX"}:
        return False
    nouns = [s for c in verb.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}]
    if verb.lemma_.lower() != "say":
        nouns += [c for c in verb.children if c.dep_ == "dobj"]
    return any(
        firms_possession(s, ontology) and any(p.lower_ == "its" and p.dep_ == "poss" for p in s.children)
        for s in nouns
    )


def _is_a_firm(span: Span, ontology: Ontology) -> bool:
    """ "Kestrel Air is India's first low-cost airline": the subject of "be" with a firm's noun as its
    complement (kgx:FirmNoun, "maker")."""
    root = span.root
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_.lower() != "be":
        return False
    return any(c.dep_ == "attr" and _firm_kind(c, ontology) for c in verb.children)


def _in_firms_frame(span: Span, ontology: Ontology) -> bool:
    """Whether one occurrence stands where a company does: a firm's kind or part before or after it, a part of
    it held, its "its", a firm's noun as what it is (the functions above)."""
    return (
        _kind_before(span, ontology)
        or _kind_after(span, ontology)
        or _possession_after(span, ontology)
        or _share_of(span, ontology)
        or _says_its(span, ontology)
        or _is_a_firm(span, ontology)
    )


def _maker_of_goods(noun: Token, ontology: Ontology) -> bool:
    """ "video game publisher", "drug distributor": a maker's noun ("-er", "-or") on a noun of goods or works
    (kgx:Goods), which a firm is, or a person ("film producer X"): evidence only against a place."""
    return noun.lemma_.lower().endswith(("er", "or")) and any(
        c.dep_ == "compound" and c.lemma_.lower() in ontology.words("Goods") for c in noun.children
    )


def _firm_apposition(token: Token, span: Span, ontology: Ontology) -> bool:
    """Whether ``token`` heads an apposition right after the name (its phrase opens after the comma, however
    many words stand before its noun) that names a firm's kind or part (kgx:FirmNoun, kgx:UnitNoun, "maker"):
    "X, the search firm", "X, the venture capital arm of Y", or "one of" them ("X, one of Europe's biggest
    banks"); for a name the NER took for a place, a maker of goods too ("X, one of the video game
    publishers"); not a noun hung on the name by a misparse across a clause further on."""
    if token.dep_ != "appos" or not span.end < token.i or token.left_edge.i > span.end + 1:
        return False
    if token.lower_ == "one":  # "one of Europe's biggest banks": the plural names the firm's kind
        nouns = [p for c in token.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        if not any(p.tag_ == "NNS" for p in nouns):
            return False
        token = nouns[0]
    if span.label_ in {"GPE", "LOC", "FAC"} and _maker_of_goods(token, ontology):
        return True
    lemma = token.lemma_.lower()
    return lemma in ontology.words("FirmNoun") or token.lower_.endswith("maker") or _firm_kind(token, ontology)


def _treated_as_firm(span: Span, ontology: Ontology) -> bool:
    """Whether the words around one occurrence of a name treat it as a company: "X's chief executive",
    "shares in X", "profits at X", "X, the search firm" (kgx:FirmNoun), "X said it would buy", "X reported a
    loss" (kgx:ReportVerb, kgx:FirmFigure; a place's government has the posts of kgx:PlacePost too)."""
    root = span.root
    head = root.head
    if any(c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < span.start for c in root.children) and not (
        _kind_before(span, ontology)
    ):
        return False  # "a bid for Inter Milan striker X": the name is the player's, not the bid's object
    if _in_firms_frame(span, ontology):
        return True
    if root.dep_ == "poss" and firms_possession(head, ontology):
        # a place has a chief executive too ("the territory's chief executive"), but no shares or profits
        return span.label_ not in {"GPE", "LOC"} or head.lemma_.lower() not in ontology.words("PlacePost")
    if root.dep_ == "pobj" and head.lower_ in _FIRM_OF and head.head.lemma_.lower() in _FIRM_OF[head.lower_]:
        # (not "Orbix shares in London": another name's shares, traded in a place)
        return not any(c.dep_ in {"compound", "poss"} and c.pos_ == "PROPN" for c in head.head.children)
    if any(_firm_apposition(c, span, ontology) for c in root.children):
        return True  # "X, the search firm", "X, the PC maker", "X, the venture capital arm of Y"
    if root.dep_ != "nsubj":
        return False
    if head.lemma_.lower() in ontology.words("ReportVerb") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ontology.words("FirmFigure") for c in head.children
    ):
        return True
    return head.lemma_.lower() == "say" and _acts_as_firm(head, ontology)  # "X said it would sell"


def _firm_names(doc: Doc, ontology: Ontology) -> frozenset[str]:
    """The names some occurrence of which the article treats as a company (worked out once per document); a firm's nouns
    are kgx:FirmNoun ("X, the search firm").  Not a name the article gives a person too ("Mr Velmar")."""

    def make() -> frozenset[str]:
        people = ents_addressed(doc)
        texts = ((ent, ent.text) for ent in doc_ents(doc))
        return frozenset(text for ent, text in texts if text not in people and _treated_as_firm(ent, ontology))

    return per_document(doc, (_DOC_KEY, id(ontology)), make)


def firm_names(doc: Doc, ontology: Ontology) -> frozenset[str]:
    """The names some occurrence of which the article treats as a company's ("X's chief executive", "shares in
    X", "X, the search firm")."""
    return _firm_names(doc, ontology)


def company_in_document(span: Span, ontology: Ontology) -> str | None:
    """ "Organization" for a name the NER took for a person or place where some occurrence of the same
    name in the article is treated as a company's ("BSkyB's chief executive", "shares in BSkyB"); not a
    country's or continent's name ("France said it would sell")."""
    if span.label_ not in {"PERSON", "GPE", "LOC", "FAC"} or span.text.lower() in _COUNTRY_NAMES | _CONTINENTS:
        return None
    firms = _firm_names(span.doc, ontology)
    return "Organization" if span.text in firms or _unit_of_firm(span, firms, ontology) else None


def _unit_of_firm(span: Span, firms: frozenset[str], ontology: Ontology) -> bool:
    """Whether a name is a firm's name of the article and a unit's words after it ("Kestrel North America" beside a
    firm "Kestrel", :func:`kgraph.extract.parent_names.unit_suffix`): a unit of the firm, no person."""
    words = [t.text for t in span]
    return any(
        " ".join(words[:k]) in firms and unit_suffix([w.lower() for w in words[k:]], ontology)
        for k in range(1, len(words))
    )


def _initials_and_surname(span: Span) -> bool:
    """ "JP Halloran", "J.P. McHale": initials (one to three capitals, with or without stops) before one
    capitalised word, the shape of a person's name."""
    if len(span) != 2 or not span[1].text[:1].isupper() or not span[1].is_alpha:
        return False
    letters = span[0].text.replace(".", "")
    return 1 <= len(letters) <= 3 and letters.isalpha() and letters.isupper()


def _person_shaped(span: Span) -> bool:
    """Whether the name is written as a person's: initials and a surname, or beside a name the NER took for a
    person's in a list ("JP Halloran and John Byrne")."""
    return _initials_and_surname(span) or _beside_a_person(span)


def _beside_a_person(span: Span) -> bool:
    """Whether the name stands in a list beside a name the NER took for a person's ("X and John Byrne")."""
    root = span.root
    conjuncts = [c for c in root.children if c.dep_ == "conj"] + ([root.head] if root.dep_ == "conj" else [])
    return any(c.ent_type_ == "PERSON" for c in conjuncts)


def _person_noun_before(span: Span, ontology: Ontology) -> bool:
    """ "actor Tom Ellery", "the Irish tycoons JP Halloran and John Byrne": a performer's noun (kgx:PerformerNoun)
    on an all-capitalised name, or a lower-case noun only a person is called (a descriptor of kg:Person, none of
    kg:Organization) on a name written as a person's; not "fund manager Matrix Advisors"."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is None or not all(t.text[:1].isupper() for t in span):
        return False
    on_name = before.head.i in range(span.start, span.end) or span.root.head.i == before.i
    if not on_name:
        return False
    if before.lower_ in ontology.words("PerformerNoun") and all(t.is_title for t in span):
        return True  # ("Actor Tom Ellery and ..." opening a sentence too)
    if not before.is_lower:
        return False
    classes = ontology.classes_for_descriptor(before.lemma_.lower())
    if "Person" not in classes or "Organization" in classes:
        return False
    # a plural noun on a name alone names a body of people ("bankers JP Kell and lawyers X": a firm)
    return _person_shaped(span) and (before.tag_ != "NNS" or _beside_a_person(span))


def not_a_company(span: Span, ontology: Ontology) -> str | None:
    """ "Person" for a name the NER took for an organisation right after a person's noun on it (see
    ``_person_noun_before``: "actor Tom Ellery and ...", "tycoons JP Halloran and John Byrne"), "Place" for one
    before a region's noun it modifies (kgx:RegionNoun: "the Kestrel province"); else None."""
    if span.label_ != "ORG":
        return None
    doc = span.doc
    if _person_noun_before(span, ontology):
        return "Person"
    after = doc[span.end] if span.end < len(doc) else None
    regions = ontology.words("RegionNoun")
    if after is not None and after.lower_ in regions and span.root.head.i == after.i and span.root.dep_ == "compound":
        return "Place"
    return None


def company_opened_by_title(span: Span) -> bool:
    """Whether a name the NER took for an organisation that opens with a person's title is a company's: the
    title is a common adjective too ("General", "Major"; not "Mr") and every word after it a common adjective
    or the plural of a common noun ("General Electric", "General Motors"), no surname ("General Kell")."""
    adjectives, nouns = dictionary_words("adj"), dictionary_words("noun")
    if span.label_ != "ORG" or len(span) < 2 or span[0].lower_ not in adjectives:
        return False
    return all(
        t.lower_ in adjectives or t.lower_.endswith("s") and t.lemma_.lower() in nouns and t.lemma_.lower() != t.lower_
        for t in span[1:]
    )
