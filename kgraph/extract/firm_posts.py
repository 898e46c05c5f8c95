"""A firm's post that names no organisation: which firm it is in.

Decides, for a title only a firm has ("chief executive", "chief financial officer", and a board's "chairman"
where the text calls the organisation a firm) standing before a name with no organisation of its own ("...,"
chief executive Dana Kell said"), the one firm the text is about at that point: the one named in the title's
sentence and the two before it, or, where none is named there, the one that "it", "its" and "the company" in
those sentences stand for by coreference. Another firm in reach (an analyst's bank named in the sentence, a
second company in a list) leaves the post open, unless the story's headline names one of the firms in reach and
the story names it in reach in its own words, not only in quoted speech (a story is about its headline's firm; a
rival's chief may be quoted); "a chief executive" (any one), a possessor, and a name before the title that is no
mention ("Arsenal vice-chairman X") leave it open too. An "its" before the title that coreference left unlinked
("the ambitions of its former chief executive, X", and any title's: "its founder X") stands for the one name its
sentence has before it, or, where that has none, the one the sentence before has, where that is a firm and no body
of members (a party's "its main donor X").
Example: in "Sales at Orbitel Foods fell. The company said demand was weak. It added that costs had risen.
'We are confident,' chief executive Dana Kell said.", Dana Kell is the chief executive of Orbitel Foods.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.extract.doc_text import doc_text
from kgraph.extract.mention_index import UNNAMED, MentionIndex, firm_class
from kgraph.ontology import Ontology, per_ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["called_a_firm", "firm_in_reach", "firm_post_titles", "its_firm", "member_bodies", "unlinked_its"]

#: Sentences before the title's own that may name the firm (or refer to it).
_FIRM_REACH = 2


@per_ontology
def firm_post_titles(ontology: Ontology) -> tuple[str, ...]:
    """The titles of posts only a firm has: kg:ceoOf's ("chief executive", "managing director") and
    `kgx:FirmPostTitle` ("chief financial officer"), then `kgx:BoardTitle`'s ("chairman"), which others have too."""
    own = [t for p in ontology.patterns if p.property == "ceoOf" and p.frame == "RelationalNoun" for t in p.triggers]
    firms = sorted(ontology.words("FirmPostTitle") - set(own))
    return (*own, *firms, *sorted(ontology.words("BoardTitle") - set(own) - set(firms)))


def firm_in_reach(noun: Token, trigger: str, index: MentionIndex) -> list[Token]:
    """The firm of the title ``noun`` (matching ``trigger`` of :func:`firm_post_titles`), which names none: a
    token of the one firm in reach (a name, or "it" or "the company" standing for it), else nothing; an "its" on the
    title that coreference left unlinked stands for the firm :func:`its_firm` finds ("its chief executive X")."""
    titles = [noun]
    if noun.dep_ == "conj":
        titles.append(noun.head)  # "Dorran's chairman and chief executive X", the second title joined to the first
    elif noun.dep_ in {"compound", "amod"} and noun.head.dep_ == "conj":
        titles.append(noun.head.head)  # ... the name joined to the first title
    # a name in a list of titled names is no title ("chief executive A, chief financial officer B and ...")
    titles = [t for t in titles if t is noun or index.at(t) is None]
    its = [d for t in titles if (d := unlinked_its(t, index)) is not None]
    if its:
        return its_firm(its[0], index)
    own = set(trigger.split())
    if any(
        d.dep_ == "det"
        and d.lower_ in {"a", "an"}
        or d.dep_ == "poss"
        or d.dep_ in {"compound", "amod", "nmod"}
        and d.pos_ == "PROPN"
        and d.lower_ not in own
        for t in titles
        for d in t.children
    ) or _named_before(noun, len(own), index):
        return []
    ontology = index.ontology
    firms: dict[str, Token] = {}  # the firms in reach by their names: named there, or "it" and "the company"
    told: dict[str, Token] = {}  # ... those of them named outside quotation marks
    for sent in _sentences_back(noun, _FIRM_REACH):
        for m in index.by_sentence.get(sent.start, []):
            mention, span = index.mentions[m]
            if mention.label == "adjective":
                continue
            firm = mention if mention.label not in {"pronoun", "description"} else index.links.get(mention)
            if firm is not None and firm.label not in UNNAMED and firm_class(firm.type, ontology):
                firms[firm.text.lower()] = span.root
                if not _quoted(span.root):
                    told[firm.text.lower()] = span.root
    if len(firms) > 1 and not _after_name(noun, len(own), index):
        # several firms in reach: the one the story's headline names is the one the story is about, where the
        # story names it in its own words (not only in someone's quoted speech, which may be of a rival)
        headline, end = _headline_firms(noun.doc, index)
        firms = {name: token for name, token in told.items() if _key(name) in headline and token.idx > end}
    if len(firms) != 1:
        return []
    if trigger in ontology.words("BoardTitle") and not called_a_firm(next(iter(firms)), index):
        return []  # "Chairman X told MPs": a committee's, an agency's, a party's as much as a firm's
    return list(firms.values())


def unlinked_its(title: Token, index: MentionIndex) -> Token | None:
    """The possessive "its" of a title that coreference left unlinked (no mention; a linked one is the title's own
    organisation, read before the firm in reach is looked for), if any."""
    return next((d for d in title.children if d.dep_ == "poss" and d.lower_ == "its" and index.at(d) is None), None)


def its_firm(its: Token, index: MentionIndex) -> list[Token]:
    """The firm an unlinked "its" before a title stands for: the one name its sentence has before it, where that
    is a firm ("the pursuit of Kestrel is a response to the ambitions of its former chief executive, X"), or, where
    its sentence names none before it, the one the sentence before names. Two names there (a place's or a person's
    as much as a firm's) leave it open, and so does a body of members by its name's head word that the document
    does not call a firm (kgx:FirmNoun): a party's "its main donor X"."""
    for sent in reversed(_sentences_back(its, 1)):
        names: dict[str, tuple[Token, str]] = {}  # the names there before "its"
        for m in index.by_sentence.get(sent.start, []):
            mention, span = index.mentions[m]
            # every name counts, a person's too (the NER's type may be wrong: "Halvorsen and its former owner X")
            if mention.label not in UNNAMED and span.end <= its.i:
                names[mention.text.lower()] = (span.root, mention.type)
        if names:
            name, (token, cls) = next(iter(names.items()))
            if len(names) > 1 or not firm_class(cls, index.ontology):
                return []  # "since the break-up of Kestrelia, Vellan has been run by its president X"
            # a firm as the document calls it or by its name, not a body of members ("its main donor X" of a party)
            owner = index.at(token)
            member = owner is not None and bool(index.kinds(owner) & member_bodies(index.ontology))
            return [token] if called_a_firm(name, index) or not member else []
    return []


@per_ontology
def member_bodies(ontology: Ontology) -> frozenset[str]:
    """Head words of a body of members (a party, a club, a union: "Labour", "the Green Party"): the
    kgx:objectHead of the memberOf attribute patterns ("X, of the Kestrel Party"), built once per ontology."""
    return frozenset(
        w for p in ontology.properties["memberOf"].patterns if p.frame == "Attribute" for w in p.object_heads
    )


def called_a_firm(name: str, index: MentionIndex) -> bool:
    """Whether the document calls the organisation of this name a firm (`kgx:FirmNoun`): "the company" or "the
    carmaker" that coreference resolves to it, "Kestrel, the bank", "the Kestrel group", "Kestrel Bank"."""
    nouns = index.ontology.words("FirmNoun")
    for m, (mention, span) in enumerate(index.mentions):
        if mention.label == "description" and (target := index.links.get(mention)) is not None:
            if target.text.lower() == name and span.root.lemma_.lower() in nouns:
                return True
        elif mention.text.lower() == name and index.kinds(m) & nouns:
            return True
    return False


def _sentences_back(token: Token, back: int) -> list[Span]:
    """The sentence of ``token`` and up to ``back`` sentences before it, the earliest first (walked back from the
    token, not listed from the document's start at every call)."""
    sents = [token.sent]
    while len(sents) <= back and sents[0].start > 0:
        sents.insert(0, token.doc[sents[0].start - 1].sent)
    return sents


def _named_before(noun: Token, words: int, index: MentionIndex) -> bool:
    """Whether a capitalised word that is no mention stands right before a title of ``words`` words ending at
    ``noun``, over its prefixes: in "Arsenal vice-chairman X", whatever the parser and the NER make of "Arsenal",
    it names the post's organisation (a mention there is one of the firms in reach, and counted so)."""
    word = _word_before_title(noun, words, index.ontology)
    if word is None or index.at(word) is not None:
        return False
    # a sentence's first word is capitalised anyway: there a name's tag (or the tagger's adjective for a name it
    # does not know, "Arsenal") must say it is one, not a common noun ("Party chief executive X") or a function word
    return word.is_alpha and word.text[:1].isupper() and (word.i > noun.sent.start or word.pos_ in {"PROPN", "ADJ"})


def _word_before_title(noun: Token, words: int, ontology: Ontology) -> Token | None:
    """The word right before a title of ``words`` words ending at ``noun``, over its prefixes (``kgx:TitlePrefix``:
    "vice", "-", "non-executive"), in the title's sentence; None where the prefixes run to the sentence's start."""
    prefixes = ontology.words("TitlePrefix")
    i = noun.i - words
    while i >= noun.sent.start and noun.doc[i].lower_ in prefixes:
        i -= 1
    return noun.doc[i] if i >= noun.sent.start else None


def _key(name: str) -> str:
    """A firm's name compared across spellings: "McDonald's" and "McDonalds" are one."""
    return "".join(ch for ch in name.lower() if ch.isalnum())


def _headline_firms(doc: Doc, index: MentionIndex) -> tuple[set[str], int]:
    """The names (by :func:`_key`) of the firms a story's headline names, and where the headline ends: its first
    line, set off by a blank line and ending in no stop ("Orbitel to buy Kestrel stake"); no names for a text that
    has no headline."""
    text = doc_text(doc)
    end = text.find("\n\n")
    line = text[:end].strip() if end > 0 else ""
    if not line or "\n" in line or line[-1] in ".!?\"')":
        return set(), -1
    return {
        _key(mention.text)
        for mention, span in index.mentions
        if span.end_char <= end and mention.label not in UNNAMED and firm_class(mention.type, index.ontology)
    }, end


def _quoted(token: Token) -> bool:
    """Whether a word stands inside quotation marks: an odd number of straight quotes, or more opening than
    closing curly ones, between its paragraph's start and the word."""
    text = doc_text(token.doc)
    before = text[text.rfind("\n", 0, token.idx) + 1 : token.idx].replace('""', '"')  # a doubled quote is one
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


def _after_name(noun: Token, words: int, index: MentionIndex) -> bool:
    """Whether a mention or a capitalised noun stands right before a title of ``words`` words ending at ``noun``,
    over its prefixes ("Kestrel chief executive X"): the post is in that name's organisation, whatever the story is
    about."""
    word = _word_before_title(noun, words, index.ontology)  # a sentence's first word too: "Kestrel chief executive X"
    if word is None:
        return False
    return index.at(word) is not None or word.text[:1].isupper() and word.pos_ in {"PROPN", "NOUN", "ADJ"}
