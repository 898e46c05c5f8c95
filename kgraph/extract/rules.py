"""Rule-based extraction: ontology patterns matched over spaCy's dependency parse.

The machinery here knows *frames* (how a relational noun, a verb, an event noun or a
chain of places links two names in a parse); which words trigger which ontology
property, and the types each end must have, come from ``ontology/patterns.ttl``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from kgraph.models import Article, Extraction, Mention, RelationMention, Role
from kgraph.ontology import Ontology, Pattern

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["find_mentions", "find_relations", "extract_doc", "EXTRACTOR_NAME"]

EXTRACTOR_NAME = "kgraph-rules/0.1"

#: The trigger of a pattern that any common noun fires ("X, a plant physiologist with Y"):
#: the argument types and the frame carry the meaning.
ANY_NOUN = "*"

#: Words that stand before a person's name: honorifics and offices ("Dr.", "Sen.", "President").
PERSON_TITLES = frozenset(
    """mr mrs ms dr prof sir dame president sen senator gov governor minister rep gen general judge justice
    pope king queen prince princess lord lady rev father sister mayor chancellor duke duchess earl countess
    baron baroness marquess viscount""".split()
)


def _is_title(word: str) -> bool:
    return word.lower().rstrip(".") in PERSON_TITLES
_FORMER = {"former", "ex", "ex-", "then", "previous", "past", "late", "erstwhile", "outgoing", "one-time"}
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
_PRONOUNS = {
    "he": "Person",
    "him": "Person",
    "his": "Person",
    "she": "Person",
    "her": "Person",
    "it": "Organization",
    "its": "Organization",
}
#: Words that make a name an opponent, whose "in"/"at" phrase is the venue of the contest.
_OPPOSED = frozenset({"against", "over", "versus", "vs", "vs.", "v", "v."})
_CONTEST_VERBS = frozenset(
    {"play", "beat", "face", "defeat", "host", "meet", "thrash", "edge", "outplay", "draw", "shock", "stun", "upset",
     "rout", "crush", "overcome"}
)
#: Nouns of a contest whose "for" names a side: "a 55-3 defeat for Wales in Hamilton".
_CONTEST_NOUNS = frozenset({"defeat", "win", "victory", "loss", "draw", "match", "game", "clash", "triumph"})
#: Auxiliaries that make a clause no statement of fact ("may buy", "could join"); "will" and "would"
#: announce what is agreed ("said it would buy").
_MODALS = frozenset({"may", "might", "could", "should", "must", "ca"})
_FUTURE = frozenset({"will", "would", "shall", "'ll", "wo", "'d"})
#: Words whose complement is not (yet) a fact: "plans to buy", "is in talks to acquire", "refused to
#: sign", "is expected to join", "denied buying", "claimed he was one of its leaders".
_UNREALISED = frozenset(
    """want seek try attempt offer propose consider hope aim threaten refuse fail decline wish need deny look
    mull weigh likely tip rumour rumor talk talks bid proposal expect claim allege suspect speculate undecided
    unsure uncertain""".split()
)
#: Words whose complement is a deal agreed or announced: "agreed to buy", "plans to acquire", "is set to buy".
_AGREED = frozenset("""agree plan intend set due prepare promise pledge vow deal agreement""".split())
#: Modifiers of an event noun that leave it undone ("the proposed takeover of Y") or agreed ("an agreed takeover").
_UNREALISED_MODIFIERS = frozenset(
    {"proposed", "possible", "potential", "rumoured", "rumored", "failed", "attempted", "mooted",
     "prospective", "abortive", "aborted"}
)
_AGREED_MODIFIERS = frozenset({"planned", "agreed", "pending", "announced"})
#: Verbs whose object holds the post now, whatever becomes of it ("to succeed Y as chairman") ...
_SUCCESSION_VERBS = frozenset("succeed replace oust sack fire unseat depose remove".split())
#: ... and verbs whose subject does ("X will stay on as chairman").
_CONTINUATION_VERBS = frozenset("stay remain continue".split())
#: Verbs whose "to" phrase gives the post their subject now holds.
_PROMOTION_VERBS = frozenset({"promote", "elevate", "rise", "appoint", "name", "elect", "move", "return"})
#: Bodies of an organisation a post can be "of": "a member of the board of directors of Y".
_BODY_NOUNS = frozenset({"board", "staff", "faculty", "council", "committee", "panel", "management"})
_LIGHT_VERBS = {
    "gain",
    "sign",
    "have",
    "hold",
    "reach",
    "announce",
    "complete",
    "make",
    "form",
    "enter",
    "seal",
    "strike",
    "conclude",
    "agree",
    "finalize",
    "finalise",
    "take",
    "win",
    "receive",
    "forge",
    "ink",
    "secure",
    "obtain",
    "get",
    "become",
    "assume",
}


# ------------------------------------------------------------------------------------- mentions


#: Titles of peers, whose "of" names a place ("Lord Roberts of Conwy", "Baroness Kellmore of Tacoma").
_PEERAGE = frozenset("lord lady baroness baron earl countess viscount marquess".split())
#: A title of the person who makes a film as much as of an organisation's head.
_WORK_TITLES = frozenset({"director"})
#: What only a person has: a home, a family.
_KIN = frozenset("home wife husband son daughter father mother brother sister widow".split())
#: Place head nouns that also end the names of institutions: where the NER says organisation, it stays one
_INSTITUTION_PLACES = frozenset({"center", "centre"})


def _classify(span: Span, ontology: Ontology) -> str | None:
    """The ontology class of an entity span: NER label, corrected by evidence in the name."""
    last = span[-1].lower_
    if ontology.class_for_head(span.root.lower_) is not None and span.root.i != span[-1].i:
        last = span.root.lower_  # "Nobel Prize in Medicine": the head noun is not the last word
    if span.label_ == "DATE" or span.label_ in {"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "TIME"}:
        return None
    if len(span) > 1 and span.label_ != "PERSON" and span[-1].lower_ in ontology.unnamed_heads:
        return None  # "the Securities Trading Act": a law is no organisation
    by_head = ontology.class_for_head(last)
    if by_head is not None and ontology.is_a(by_head, "Place") and last != span[-1].lower_:
        # "Centre for Coastal Studies": a place word with a purpose after it names a body
        after = span.root.i + 1
        if after < span.end and span.doc[after].lower_ == "for":
            by_head = "Organization"
    if by_head is not None and ontology.is_a(by_head, "Place") and span.label_ == "ORG" and last in _INSTITUTION_PLACES:
        by_head = "Organization"  # "the National Hurricane Center": a centre the NER calls a body is one
    if by_head is not None and span.label_ != "PERSON" or by_head is not None and len(span) > 1:
        return by_head
    by_opening = ontology.class_for_opening(span[0].lower_) if len(span) > 1 else None
    if by_opening is not None and span.label_ in {"ORG", "PERSON"}:
        return by_opening  # "Fort Hamilton", "Camp Butner": a place, though the NER said ORG or PERSON
    if _YEAR.match(span[-1].text) and len(span) > 1:
        for info in ontology.classes.values():
            if info.year_suffix:
                return info.name
    if span.start > 0 and _is_title(span.doc[span.start - 1].text) and span.label_ in {"ORG", "PERSON"}:
        return "Person"
    if _is_title(span[0].text) and len(span) > 1:
        return "Person"
    return ontology.class_for_ner(span.label_)


def _described_as(span: Span, ontology: Ontology) -> str | None:
    """The class an apposition gives a name: "Nordwind Energy, a wind turbine maker" is an organisation.

    Only person/organisation/place confusions are repaired, the NER's usual mistakes.
    """
    root = span.root
    doc = span.doc
    if span.label_ in {"GPE", "LOC"} and span.end + 1 < len(doc) and doc[span.end].text == "," and (
        doc[span.end + 1].ent_type_ in {"GPE", "LOC"} and doc[span.end + 1].head.i == root.i
    ):
        # "a native of Shanghai, China, who ...", "Vaughan, 83, of Kellmore, Alaska, the last man ...":
        # a place followed by its region is a place; what the parser hangs on it belongs to a name before
        return None
    # an apposition is set off by a comma or a bracket ("Reuters the head of Y" is a misparse)
    nouns = [
        c for c in root.children
        if c.dep_ == "appos" and c.pos_ in {"NOUN", "PROPN"}
        and (c.i < span.start or span.end < len(doc) and (doc[span.end].text in {",", "("} | _DATELINE_DASHES))
    ]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    before = doc[span.start - 1] if span.start > 0 else None
    if (
        before is not None and before.pos_ == "NOUN" and before.dep_ == "compound"
        and before.head.i in range(span.start, span.end)
        and not (span.label_ == "PERSON" and len(span) > 1)  # "film producer Robert Evans"
    ):
        nouns.append(before)  # "UK think-tank Demos", "insurer Aviva": the kind of body the name is
    after = doc[span.end] if span.end < len(doc) else None
    if (
        len(span) == 1 and after is not None and after.pos_ == "NOUN" and root.dep_ == "compound"
        and root.head.i == after.i and before is not None and before.lower_ == "the"
    ):
        nouns.append(after)  # "the Minox company", "the Brera institute": the name's own kind
        before = after  # (a body's kind, as for a noun before the name)
    for noun in nouns:
        lemma = noun.lemma_.lower()
        if noun.i >= 2 and doc[noun.i - 1].text == "-":
            lemma = f"{doc[noun.i - 2].lower_}-{lemma}"  # "think-tank"
        # a noun before the name tells a body's kind only: not a person's ("fund manager Matrix Advisors"),
        # nor a place's ("the state Republican Party" is a branch of the party)
        allowed = {"Organization", "GovernmentBody"} if before is not None and noun.i == before.i else _REPAIRABLE
        classes = [c for c in ontology.classes_for_descriptor(lemma) if c in allowed]
        if len(classes) >= 1:
            return max(classes, key=lambda c: len(ontology.classes[c].ancestors))
        if "Person" in allowed and noun.lemma_.lower() in _person_titles(ontology):
            return "Person"  # "Ruben Okoye, presidential candidate of ...", "X, a deputy from Y"
    if any(c.dep_ == "relcl" and any(w.lower_ == "who" for w in c.children) for c in root.children):
        return "Person"  # "Okafor, who lives in Riverton"
    if (
        span.label_ in {"ORG", "GPE"} and root.dep_ == "nsubjpass" and root.head.lower_ == "born"
        and ontology.class_for_head(span[-1].lower_) is None
    ):
        return "Person"  # "Norton Winfred Simon was born on Feb. 5, 1907, in Portland"
    if (
        span.label_ == "ORG" and len(span) == 1 and root.dep_ == "poss" and root.head.lemma_.lower() in _KIN
        and ontology.class_for_head(root.lower_) is None
    ):
        return "Person"  # "Sohn's New Jersey home", "Vidal's wife": only a person has them
    if (
        span.label_ in {"ORG", "NORP"} and root.dep_ == "appos" and root.head.dep_ == "pobj"
        and root.head.head.lower_ == "of" and root.head.head.head.lemma_.lower() in _post_words(ontology)
        and ontology.class_for_head(span[-1].lower_) is None
        and span.start > 0 and doc[span.start - 1].text == "," and not span.text.isupper()
    ):
        return "Person"  # "the mayor of Spokane, Vidal, said": the name after a post's place holds it
    if _age_follows(span) and ontology.class_for_head(span[-1].lower_) is None:
        return "Person"  # "Marta Kiel, 50, of Bellport": an age set off by commas
    return None


def _age_follows(span: Span) -> bool:
    """ "NAME, 50," or "NAME, 50." : a number of years right after a name, between commas."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "," or doc[span.end + 2].text not in {",", "."}:
        return False
    number = doc[span.end + 1]
    return number.text.isdigit() and 1 <= int(number.text) <= 120


def _person_titles(ontology: Ontology) -> frozenset[str]:
    """One-word triggers of relational nouns only a person can hold ("deputy", "spokesman")."""
    cached: frozenset[str] | None = ontology.__dict__.get("_kgraph_person_titles")
    if cached is None:
        def domain(p: Pattern) -> str | None:
            return p.subject_type or ontology.properties[p.property].domain

        shared = {t for p in ontology.patterns if domain(p) != "Person" for t in p.triggers}  # "partner"
        cached = frozenset(
            t
            for p in ontology.patterns
            if p.frame == "RelationalNoun" and domain(p) == "Person"
            for t in p.triggers
            if " " not in t and t != ANY_NOUN and t not in shared
        )
        ontology.__dict__["_kgraph_person_titles"] = cached
    return cached


def _post_words(ontology: Ontology) -> frozenset[str]:
    """Nouns of a person's post or standing ("mayor", "king", "minister"): whoever comes after
    "the <post> of <place>," holds the post ("the mayor of Spokane, Vidal,")."""
    cached: frozenset[str] | None = ontology.__dict__.get("_kgraph_post_words")
    if cached is None:
        person = ontology.classes.get("Person")
        cached = _person_titles(ontology) | _NAME_PREFIXES | (person.descriptors if person is not None else frozenset())
        ontology.__dict__["_kgraph_post_words"] = cached
    return cached


_REPAIRABLE = {"Person", "Organization", "Place", "GovernmentBody"}
_BRACKET_ALIAS = re.compile(r"\s*\(\s*([A-Z][\w.&-]{1,30}|[a-z]+[A-Z][\w.&-]*)\s*\)")


#: Titles that stay part of a name ("Mr. Lee", "Dr. Okafor", "Queen Elizabeth", "President Lincoln"):
#: forms of address. Office and rank titles ("Sen.", "Gov.", "Judge", "Lt.") are not part of a name.
_NAME_PREFIXES = frozenset(
    """mr mrs ms miss dr sir dame pope king queen prince princess lord lady president rev father sister duke
    duchess earl countess baron baroness marquess viscount""".split()
)
#: Forms of address kept in a name that also name a post ("Acme President Brad Smith"); "Mr" names none.
_OFFICE_ADDRESS = frozenset({"president"})
#: Rank and office abbreviations and words that stand before a name but are not part of it (and that
#: the NER takes into the organisation before them: "Coast Guard Lt. X", see kgraph.nlp).
RANKS = frozenset("""lt capt sgt cpl pvt col maj cmdr adm gen insp det supt""".split())
#: The same ranks written out: not part of a name either ("Police Colonel X"), though a body's name
#: may end in one ("the Office of the Inspector"), so the NER repair leaves them to this list
_RANK_WORDS = frozenset(
    "major captain colonel lieutenant sergeant corporal admiral inspector detective superintendent constable".split()
)


def _job_titles(ontology: Ontology) -> frozenset[str]:
    """Words before a name that are not part of it: job titles ("ceo", "chairman", "spokesman"),
    offices and ranks ("sen.", "judge", "lt."), and the ontology's words for people ("actress")."""
    cached: frozenset[str] | None = ontology.__dict__.get("_kgraph_job_titles")
    if cached is not None:
        return cached
    words = {t for p in ontology.patterns if p.frame == "RelationalNoun" for t in p.triggers if " " not in t}
    person = ontology.classes.get("Person")
    if person is not None:
        words |= person.descriptors
    words |= PERSON_TITLES | RANKS | _RANK_WORDS
    words = {w.rstrip(".") for w in words}
    cached = frozenset(w for w in words if w not in _NAME_PREFIXES)
    ontology.__dict__["_kgraph_job_titles"] = cached
    return cached


def _balanced(span: Span) -> Span:
    """ "Alliance of Democratic Forces (ADF" -> "Alliance of Democratic Forces": a name does not open a
    bracket it does not close (the abbreviation after it is an alias, see kgraph.resolve)."""
    texts = [t.text for t in span]
    if "(" not in texts or ")" in texts[texts.index("("):] or texts.index("(") == 0:
        return span
    from spacy.tokens import Span

    return Span(span.doc, span.start, span.start + texts.index("("), label=span.label_)


def _join_bare_heads(
    doc: Doc, found: list[tuple[Mention, Span]], taken: set[int], ontology: Ontology
) -> list[tuple[Mention, Span]]:
    """ "Newcastle" + "United", "Kentish" + "Town": a name that is only a head noun ("United",
    "Town") is the end of the name before it, which the NER cut in two. Not a public body's
    ("U.S." + "Congress": Congress, based in the U.S.)."""
    from spacy.tokens import Span

    by_end = {span.end: k for k, (_, span) in enumerate(found)}
    drop: set[int] = set()
    out = list(found)
    for k, (mention, span) in enumerate(found):
        if len(span) != 1 or mention.label == "PERSON" or span.start == 0 or not span[0].is_title:
            continue
        word = span[0].lower_
        cls = ontology.class_for_head(word) or next(
            (c for c in ontology.classes_for_descriptor(word) if not ontology.is_a(c, "Person")), None
        )
        if cls is None or ontology.is_a(cls, "Person") or ontology.is_a(cls, "GovernmentBody"):
            continue  # "U.S." + "Congress": a public body's name stands alone, the place before it is its own
        start = span.start
        previous = by_end.get(start)
        if previous is not None and found[previous][0].type == "Person":
            continue  # "Lena Berg" + "Park": a person's name is no place's or club's
        if previous is not None and previous not in drop:
            start = found[previous][1].start  # "Newcastle" (a place to the NER) + "United"
            drop.add(previous)
        else:
            while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ in {"PROPN", "ADJ"} and (
                start - 1 not in taken
            ):
                start -= 1  # "Kentish" + "Town"
            if start == span.start or doc[start].is_sent_start and doc[start].pos_ == "ADJ":
                continue
        joined = Span(doc, start, span.end, label=span.label_)
        out[k] = (Mention(joined.start_char, joined.end_char, joined.text, cls, mention.label), joined)
        taken.update(range(start, span.end))
    return [pair for k, pair in enumerate(out) if k not in drop]


def _bracket_aliases(found: list[tuple[Mention, Span]]) -> list[tuple[Mention, Span]]:
    """ "North Central Surgical Center, L.L.P. (North Central)": a short name in brackets right after
    a name, made of its words or its initials, is that name's alias and of its class."""
    out = list(found)
    for k in range(1, len(out)):
        (named, named_span), (alias, span) = out[k - 1], out[k]
        doc = span.doc
        if not (
            span.start >= 2 and doc[span.start - 1].text == "(" and named_span.end == span.start - 1
            and span.end < len(doc) and doc[span.end].text == ")" and alias.type != named.type
            and named.label not in {"pronoun", "description"}
        ):
            continue
        words = {t.lower_ for t in named_span}
        initials = "".join(t.text[0] for t in named_span if t.text[:1].isupper())
        if all(t.lower_ in words for t in span) or span.text.replace(".", "") == initials:
            out[k] = (Mention(alias.start, alias.end, alias.text, named.type, alias.label), span)
    return out


def _names_office(span: Span, titles: frozenset[str]) -> bool:
    """ "Home" of "Home Secretary": a word right before a capitalised title is part of the office's name."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.is_title and after.lower_.rstrip(".") in titles


def _split_title(span: Span, titles: frozenset[str]) -> Span:
    """ "Labour MP Diane Abbott" -> "MP Diane Abbott": capitalised words before a job title inside a
    person's name are not part of it (they name the body, found as a name of its own)."""
    from spacy.tokens import Span

    for i in range(span.start + 1, span.end - 1):
        if span.doc[i].lower_.rstrip(".") in titles:
            if all(t.text[:1].isupper() and t.lower_.rstrip(".") not in titles for t in span.doc[span.start : i]):
                return Span(span.doc, i, span.end, label=span.label_)
            break
    return span


def _strip_job_title(span: Span, titles: frozenset[str]) -> Span | None:
    """ "CEO Maria Lopez" -> "Maria Lopez": the title is a trigger, not part of the name."""
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_.rstrip(".") in titles:
        start += 1
    if start == span.start:
        return span
    from spacy.tokens import Span

    return Span(span.doc, start, span.end, label=span.label_)


def find_mentions(doc: Doc, ontology: Ontology) -> list[tuple[Mention, Span]]:
    """Entity mentions with ontology types, plus pronouns and definite descriptions.

    Pronouns and descriptions ("the cluster") get ``label="pronoun"``/``"description"``
    and the class they could refer to; coreference (kgraph.resolve) links or drops them.
    """
    from spacy.tokens import Span

    found: list[tuple[Mention, Span]] = []
    taken: set[int] = set()
    job_titles = _job_titles(ontology)
    government = ontology.classes.get("GovernmentBody")
    office_titles = government.title_words if government is not None else frozenset()
    aliases: dict[str, str] = {}
    text = doc.text  # built anew on every access
    for span, dated in [*(_dateline(doc, ontology) or _dated_dateline(doc)), *_source_lines(doc)]:
        if any(i in taken for i in range(span.start, span.end)):
            continue
        if dated:  # an empty class: words of the line that name nothing
            found.append((Mention(span.start_char, span.end_char, span.text, dated, "dateline"), span))
        taken.update(range(span.start, span.end))
    for ent in doc.ents:
        if any(i in taken for i in range(ent.start, ent.end)):
            continue
        cls = _classify(ent, ontology)
        if cls is None or not ent.text.strip():
            continue
        if len(ent) == 1 and ent.label_ == "ORG" and ent[0].is_title and ent[0].is_alpha and _names_office(
            ent, office_titles  # not "U.N. Secretary-General X"
        ):
            continue  # "Home Secretary X", "Health Minister X": the word names the office, not a body
        if not any(c.isupper() or c.isdigit() for c in ent.text):
            continue  # "video jukebox" as a PERSON: a name has a capital letter ("iPark", "eBay") or a digit
        cls = _described_as(ent, ontology) or cls
        ent = _balanced(ent)
        if cls == "Person":
            ent = _split_title(ent, job_titles)
            stripped = _strip_job_title(ent, job_titles)
            if stripped is None:
                continue
            taken.update(range(ent.start, stripped.start))  # the title is no part of another name
            ent = stripped
        found.append((Mention(ent.start_char, ent.end_char, ent.text, cls, ent.label_), ent))
        taken.update(range(ent.start, ent.end))
        bracket = _BRACKET_ALIAS.match(text, ent.end_char)
        if bracket:
            aliases[bracket.group(1).lower()] = cls
    found = _join_bare_heads(doc, found, taken, ontology)
    found = _bracket_aliases(found)
    people = {ent[-1].lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    # one-word names of bodies and places the NER found elsewhere in the text ("Labour" ... "Labour MP X")
    elsewhere = {
        m.text: m.type for m, span in found
        if len(span) == 1 and m.label in {"ORG", "GPE", "LOC"} and m.type != "Person"
        and not _names_office(span, job_titles)
    }
    for span in _unlabelled_names(doc, taken, people | set(aliases), frozenset(elsewhere)):
        last = span[-1].lower_
        cls = ontology.class_for_head(last) or _described_as(span, ontology)
        if cls is None and len(span) == 1 and last in aliases:
            cls = aliases[last]  # "EastPark" after "Eastgate Science Park (EastPark)"
        elif cls is None and len(span) == 1 and span.text in elsewhere:
            cls = elsewhere[span.text]
            if _names_office(span, job_titles) and not ontology.is_a(cls, "Place"):
                cls = None  # "Health Minister X", "Home Secretary X": the word names the office, not a body
        elif cls is None and last in people and len(span) <= 3:
            cls = "Person"  # "Toshio Fujimoto" or "Fujimoto" when "... Fujimoto" is a person elsewhere
        if cls is not None:
            found.append((Mention(span.start_char, span.end_char, span.text, cls, "name"), span))
            taken.update(range(span.start, span.end))
    found = _coerce_places(found, ontology)
    for span, cls in _titled_organisations(doc, taken, ontology):
        found.append((Mention(span.start_char, span.end_char, span.text, cls, "title"), span))
        taken.update(range(span.start, span.end))
    found = _bodies_before_titles(doc, found, taken, ontology)
    for token in doc:
        if token.i in taken:
            continue
        lower = token.lower_
        if lower in _PRONOUNS and token.pos_ == "PRON":
            span = doc[token.i : token.i + 1]
            found.append((Mention(token.idx, token.idx + len(token), token.text, _PRONOUNS[lower], "pronoun"), span))
        elif token.pos_ in {"NOUN", "PROPN"} and token.is_lower and ontology.classes_for_descriptor(lower):
            det = [c for c in token.children if c.dep_ == "det" and c.lower_ in {"the", "this", "that"}]
            if not det and token.i > 0 and doc[token.i - 1].lower_ in {"the", "this", "that"}:
                det = [doc[token.i - 1]]  # the parser sometimes hangs "the" on the next noun
            if not det or any(c.dep_ in {"compound", "poss"} and c.i in taken for c in token.children):
                continue
            classes = ontology.classes_for_descriptor(lower)
            cls = max(classes, key=lambda c: len(ontology.classes[c].ancestors))
            if ontology.is_a(cls, "Place") and lower not in _PART_NOUNS and token.dep_ != "appos" and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.i in taken for g in c.children)
                for c in token.children
            ):
                continue  # "near the town of Duluth": the name that follows is the place, not an earlier one
            span = Span(doc, det[0].i, token.i + 1)
            found.append((Mention(span.start_char, span.end_char, span.text, cls, "description"), span))
    found.sort(key=lambda pair: pair[0])
    return found


#: What opens the story after a dateline ("HOLTVILLE, Ore. -- The ...", "KAUNAS, Lithuania (AP) _ ...").
_DATELINE_DASHES = frozenset({"_", "--", "—", "–", "-"})
_MONTHS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august "
    "september october november december".split()
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _first_token(doc: Doc, i: int = 0) -> int:
    """The first token at or after ``i`` that is not white space."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i


def _dateline(doc: Doc, ontology: Ontology) -> list[tuple[Span, str]]:
    """ "BELGRADE, Yugoslavia (AP) _ ...": a news dateline names a place, its region and the agency.

    Only a text that opens with capital letters, then optionally a comma and a region,
    then an all-capitals word in brackets counts; or, without the agency, the capitals,
    a comma and a region that ends the text or is followed by a dash (the region must not
    end in an organisation's head word: "ACME, Inc."). The NER often takes the city for an
    organisation or misses it.
    """
    start = _first_token(doc)

    def shouting(token: Token) -> bool:
        return token.is_upper and any(c.isalpha() for c in token.text) or token.text in {"-", "."} and token.i > start

    end = start
    while end < len(doc) and shouting(doc[end]):
        end += 1
    if end == start or end >= len(doc) or doc[end - 1].text in {"-", "."}:
        return []
    found: list[tuple[Span, str]] = [(doc[start:end], "Place")]
    bracket = end
    if doc[end].text == ",":
        region = end + 1
        bracket = region
        while (
            bracket < len(doc)
            and bracket - region < 4
            and (doc[bracket].text[:1].isupper() or doc[bracket].text == ".")
        ):
            bracket += 1
        if bracket == region:
            return []
        found.append((doc[region:bracket], "Place"))
    if not (
        bracket + 2 < len(doc)
        and doc[bracket].text == "("
        and doc[bracket + 1].is_upper
        and doc[bracket + 2].text == ")"
    ):
        # "HOLTVILLE, Ore. -- ...", "MARLOWE, Ky." alone: a dateline without the agency, when a
        # region follows the capitals and the line ends or a dash opens the story
        if len(found) == 2 and (bracket == len(doc) or doc[bracket].text in _DATELINE_DASHES) \
                and _region_like(found[1][0], ontology):
            return found
        return []
    found.append((doc[bracket + 1 : bracket + 2], "Organization"))
    return found


def _region_like(region: Span, ontology: Ontology) -> bool:
    """Whether the words after "CITY," name a region when no agency follows: an abbreviation
    ("Ore.", "N.Y.") or a place the NER knows ("Oregon"), of at most two words; not a name
    ("SMITH, John"), a headline ("MARKETS RALLY, Stocks Climb") or "ACME, Inc."."""
    return (
        len(region) <= 3
        and region[0].text[:1].isupper()
        and not any(t.ent_type_ == "PERSON" for t in region)
        and ontology.class_for_head(region[-1].lower_.rstrip(".")) is None
        and (region[-1].text.endswith(".") or all(t.ent_type_ in {"GPE", "LOC"} for t in region))
    )


def _text_marker(doc: Doc, i: int) -> bool:
    """Whether "(Text)", the wire digests' mark of a story's start, stands at token ``i``."""
    return "".join(t.text for t in doc[i : i + 3]).lower() == "(text)"


def _dated_dateline(doc: Doc) -> list[tuple[Span, str]]:
    """ "(Text) Kaunas, Lithuania, Feb 2 (ELTA) --", "Tallinn April 25 ETA --": a dateline
    with the date, as wire digests write it: one or two capitalised place names, the date,
    the agency (in brackets, or in capitals) and a dash."""
    first = _first_token(doc)
    i = _first_token(doc, first + 3) if _text_marker(doc, first) else first

    def name_word(k: int, start: int) -> bool:
        word = doc[k].lower_.rstrip(".")
        if doc[k].text == "-":  # "Saint-Gall", not the dash of "Tallinn - April 25"
            return k > start and k + 1 < len(doc) and doc[k + 1].text[:1].isupper()
        return doc[k].text[:1].isupper() and word not in _MONTHS and word not in _WEEKDAYS

    found: list[tuple[Span, str]] = []
    while len(found) < 2 and i < len(doc) and name_word(i, i):
        start = i
        while i < len(doc) and name_word(i, start):
            i += 1
        found.append((doc[start:i], "Place"))
        if i < len(doc) and doc[i].text == ",":
            i += 1
    dated = i
    while i < len(doc) and (doc[i].like_num or doc[i].lower_.rstrip(".") in _MONTHS or doc[i].text in {",", "."}):
        i += 1
    if (
        not found or i >= len(doc) - 1
        or not any(t.lower_.rstrip(".") in _MONTHS for t in doc[dated:i])  # the date names its month
        or any(t.ent_type_ in {"PERSON", "DATE", "TIME"} for span, _ in found for t in span)
    ):
        return []
    bracketed = doc[i].text == "("
    start = i + 1 if bracketed else i
    end = start
    while end < len(doc) and (doc[end].is_upper or doc[end].text == "-" and end > start and end + 1 < len(doc)
                              and doc[end + 1].is_upper):
        end += 1
    close = end + 1 if bracketed else end
    if end == start or (bracketed and (end >= len(doc) or doc[end].text != ")")) \
            or close >= len(doc) or doc[close].text not in _DATELINE_DASHES:
        return []
    return [*found, (doc[start:end], "Organization")]


#: First words of a broadcaster's name in a bare source line ("Paris Radio France International").
_BROADCASTERS = frozenset({"Radio", "Television", "TV"})
#: "LD1203101094" (a wire item), "94AS0286D" (a translated article's number)
_WIRE_CODE = re.compile(r"^(?:[A-Z]{2}\d{10}|\d{2,3}[A-Z]{1,2}\d{4}[A-Z])$")
_WIRE_CODE_IN_TEXT = re.compile(r"\b(?:[A-Z]{2}\d{10}|\d{2,3}[A-Z]{1,2}\d{4}[A-Z])\b")


def _source_lines(doc: Doc) -> list[tuple[Span, str]]:
    """ "LD1203101094 Tallinn ETA in English 1210 GMT 12 Mar 94": a wire service's source line.

    After the wire code come the place of publication and the publisher, then "in" and
    the language. The publisher is the run of capitals at the end ("Porto Novo A
    VOZ"); when it is not in capitals, the place is the NER's place at the start or
    else the first word ("Tallinn Radio Harju Network").
    """
    text = doc.text  # built anew on every access
    found = _bare_source_lines(doc, text)
    if not _WIRE_CODE_IN_TEXT.search(text):
        return found
    for code in doc:
        if not _WIRE_CODE.match(code.text):
            continue
        end = code.i + 1
        while end < len(doc) and doc[end].lower_ != "in" and end - code.i <= 8:
            end += 1
        start = code.i + 1
        if end >= len(doc) - 1 or end - start < 2 or not doc[end + 1].text.istitle():
            continue
        split = end
        # the publisher's capitals, with any hyphen inside them ("Moscow ITAR-TASS")
        while split > start and (doc[split - 1].is_upper or doc[split - 1].text == "-" and split - 1 > start
                                 and doc[split - 2].is_upper and split < end):
            split -= 1
        if split == start or split == end:
            places = [e for e in doc.ents if e.start == start and e.end < end and e.label_ in {"GPE", "LOC"}]
            split = places[0].end if places else start + 1
            if split < end - 1 and doc[split].lower_ == "city":
                split += 1  # "Guatemala City Teleonce Television": the city's name ends in "City"
        found.append((doc[start:split], "Place"))
        found.append((doc[split:end], "Organization"))
        # "in Estonian 2010 GMT 9 Mar 94 p 2": language, time and page name nothing
        tail = end
        while tail < len(doc) and tail - end < 12 and not doc[tail].is_sent_start and doc[tail].text not in {"--", "("}:
            tail += 1
        found.append((doc[end:tail], ""))
    return found


def _bare_source_lines(doc: Doc, text: str) -> list[tuple[Span, str]]:
    """ "Kellmore GAZETTE": a line that is only a place and the publisher, in capitals.

    The source line of a translated press digest without its wire code.  The place is
    one to three title-case words opening the line, the publisher the run of capitals
    that ends it; a headline in capitals has its place in capitals too and is left alone.
    """
    found: list[tuple[Span, str]] = []
    offset = 0
    for line in text.split("\n"):
        start, end = offset + len(line) - len(line.lstrip()), offset + len(line.rstrip())
        offset += len(line) + 1
        if not 2 <= len(line.split()) <= 8:
            continue  # a paragraph, or a lone word
        span = doc.char_span(start, end) if end > start else None
        if span is None or not 2 <= len(span) <= 8 or _WIRE_CODE_IN_TEXT.search(span.text):
            continue
        split = len(span)
        while split > 0 and (span[split - 1].is_upper or span[split - 1].text == "-" and 0 < split - 1 < len(span) - 1):
            split -= 1
        if split == len(span) and not any(t.pos_ in {"VERB", "AUX"} for t in span):
            # "Kellmore Radio Vellan Network": a broadcaster's name opens with Radio or Television
            # ("Guatemala City Radio ...": after a city's name)
            opener = 2 if span[1].lower_ == "city" else 1
            if opener < len(span) - 1 and span[opener].text in _BROADCASTERS:
                split = opener
        publisher = span[split:]
        if not 1 <= split <= 3 or not all(t.is_title and t.is_alpha for t in span[:split]) \
                or sum(t.is_alpha and len(t) > 1 for t in publisher) == 0:
            continue
        found.extend([(span[:split], "Place"), (publisher, "Organization")])
    return found


def _titled_organisations(doc: Doc, taken: set[int], ontology: Ontology) -> Iterator[tuple[Span, str]]:
    """ "then Minister of SMEs and Startups Lee Young": the organisation a title names.

    A capitalised title word (a relational-noun trigger), "of", capitalised words, and
    right after them a person's name: the words between name an organisation the
    parser cannot see. Government titles ("Minister") give a government body.
    """
    titles = {t for p in ontology.patterns if p.frame == "RelationalNoun" and p.role for t in p.triggers}
    government = ontology.classes.get("GovernmentBody")
    gov_titles = government.title_words if government is not None else frozenset()
    for token in doc[:-3]:
        if not (token.text.istitle() and token.lower_ in titles and doc[token.i + 1].lower_ == "of"):
            continue
        start = token.i + 2
        end = start
        while (
            end < len(doc)
            and end not in taken
            and (doc[end].text[:1].isupper() or doc[end].lower_ in {"and", "&", "of"})
        ):
            end += 1
        if end < len(doc) and end in taken and doc[end].ent_type_ == "PERSON" and end > start:
            while end > start and doc[end - 1].lower_ in {"and", "&", "of"}:
                end -= 1
            if end > start and not any(i in taken for i in range(start, end)):
                yield doc[start:end], ("GovernmentBody" if token.lower_ in gov_titles else "Organization")


def _head_titles(ontology: Ontology) -> frozenset[str]:
    """Titles of the head of an organisation ("boss", "chief executive"): the triggers of the
    title patterns of the properties whose subject heads an organisation (headOf, ceoOf)."""
    cached: frozenset[str] | None = ontology.__dict__.get("_kgraph_head_titles")
    if cached is None:
        heads = {name for name, prop in ontology.properties.items() if "headOf" in {name, *prop.ancestors}}
        cached = frozenset(
            t for p in ontology.patterns if p.frame == "RelationalNoun" and p.property in heads for t in p.triggers
        )
        ontology.__dict__["_kgraph_head_titles"] = cached
    return cached


def _bodies_before_titles(
    doc: Doc, found: list[tuple[Mention, Span]], taken: set[int], ontology: Ontology
) -> list[tuple[Mention, Span]]:
    """ "Wolves chief executive Jez Moxey", "Yukos boss Mikhail Khodorkovsky": a name right before
    a lower-case title of an organisation's head, itself right before a person's name, is the
    organisation. A name the NER left unlabelled becomes one (not at the start of a sentence,
    where a capital says nothing); a one-word name the NER took for a person is retyped, unless
    it is the surname of a person named in full in the text."""
    from spacy.tokens import Span

    # (a film has a director too: "Ray director Taylor Hackford" names no organisation)
    titles = _head_titles(ontology) - _WORK_TITLES
    surnames = {span[-1].lower_ for m, span in found if m.type == "Person" and len(span) > 1}
    ends = {span.end: k for k, (m, span) in enumerate(found)}
    out = list(found)
    for mention, span in found:
        if mention.type != "Person" or mention.label != "PERSON":
            continue
        for width in (1, 2, 3):  # the title: "boss", "chief executive", "chief executive officer"
            start = span.start - width
            if start < 1:
                break
            words = doc[start : span.start]
            if any(not w.is_lower for w in words) or " ".join(w.lower_ for w in words) not in titles:
                continue
            k = ends.get(start)
            if k is not None:
                body, body_span = out[k]
                if (
                    body.type == "Person" and body.label == "PERSON" and len(body_span) == 1
                    and body_span[0].lower_ not in surnames
                ):
                    out[k] = (Mention(body.start, body.end, body.text, "Organization", body.label), body_span)
                break
            first = start
            while (
                first > 0 and first - 1 not in taken and doc[first - 1].text[:1].isupper()
                and (doc[first - 1].pos_ == "PROPN" or doc[first - 1].pos_ == "ADJ" and first < start)
            ):
                first -= 1  # "Wolves", "Liberal Democrat"
            if first < start and not doc[first].is_sent_start:
                body_span = Span(doc, first, start, label="ORG")
                out.append((Mention(body_span.start_char, body_span.end_char, body_span.text, "Organization",
                                    "name"), body_span))
                taken.update(range(first, start))
            break
    return sorted(out, key=lambda pair: pair[0].start)


def _locative_triggers(ontology: Ontology) -> frozenset[str]:
    """Triggers of the patterns whose place object follows "in"/"at" ("located in", "a campus in"),
    not only "from" ("is from"); worked out once per ontology."""
    cached: frozenset[str] | None = ontology.__dict__.get("_kgraph_locative_triggers")
    if cached is None:
        # (not a title that also takes an employer: "a strategist at Y" may be at a firm)
        employers = {
            t
            for p in ontology.patterns
            if p.frame == "RelationalNoun"
            and ontology.is_a(p.object_type or ontology.properties[p.property].range or "", "Organization")
            for t in p.triggers
        }
        cached = frozenset(
            t
            for p in ontology.patterns
            if p.frame in {"Verb", "RelationalNoun"}
            and "Place" in {p.object_type, ontology.properties[p.property].range}
            and (p.frame == "RelationalNoun" or not any(r.startswith("prep:") for r in p.object_roles)
                 or {"prep:in", "prep:at"} & set(p.object_roles))
            for t in p.triggers
            if p.frame == "Verb" or t not in employers
        )
        ontology.__dict__["_kgraph_locative_triggers"] = cached
    return cached


def _home_nouns(ontology: Ontology, preposition: str | None = None) -> frozenset[str]:
    """Nouns of a person's home place ("native", "hometown"): the triggers of the event-noun
    patterns that link a person to a place (with ``preposition``: those that take the place
    in a phrase opened by it, "hometown of")."""
    key = f"_kgraph_home_nouns_{preposition}"
    cached: frozenset[str] | None = ontology.__dict__.get(key)
    if cached is None:
        cached = frozenset(
            t
            for p in ontology.patterns
            if p.frame == "EventNoun" and p.subject_type == "Person" and p.object_type == "Place"
            and (preposition is None or preposition in p.prepositions)
            for t in p.triggers
        )
        ontology.__dict__[key] = cached
    return cached


#: What only a place has: "Winterset's busiest street", "Tacoma's mayor" ...
_PLACE_POSSESSIONS = frozenset(
    "street mayor resident inhabitant downtown outskirts suburb border coast coastline".split()
)
#: ... and what a place's name modifies: "the Sierra Nevada foothills", "the Tacoma area"
_PLACE_AREAS = frozenset("area region coast coastline foothill suburb outskirts countryside border".split())


def _place_evidence(root: Token, ontology: Ontology) -> bool:
    """Whether the words around a name say it is a place: the possessor of a place's street,
    mayor or residents, or of a place noun ("Armenia's second-largest city"), or the
    modifier of an area ("the Sierra Nevada foothills")."""
    noun = root.head
    if noun.pos_ != "NOUN" or noun.i == root.i:
        return False
    lemma = noun.lemma_.lower()  # (lemmas: "streets" is "street")
    if root.dep_ == "poss":
        return lemma in _PLACE_POSSESSIONS or any(
            ontology.is_a(c, "Place") for c in ontology.classes_for_descriptor(lemma)
        )
    return root.dep_ == "compound" and lemma in _PLACE_AREAS


def _hometown_after_age(prep: Token, found: list[tuple[Mention, Span]]) -> bool:
    """ "NAME, 30, of X": the "of" after a person's age gives the person's home town."""
    return prep.lower_ == "of" and any(
        m.type == "Person" and span.end + 3 == prep.i and _age_follows(span) for m, span in found
    )


def _coerce_places(found: list[tuple[Mention, Span]], ontology: Ontology) -> list[tuple[Mention, Span]]:
    """ "located in Fujisawa, Kanagawa", "a campus in Fujisawa", "a Fujisawa native": a name in a
    locative phrase, or before a noun of a person's home, is a place.

    The locative words are the triggers of the ontology's patterns whose object is a
    place (verbs such as "located", nouns such as "campus"). Only names the NER typed
    as organisations or people without a telling head noun are changed; so is the
    second name of a "Place, Name" chain that closes a phrase, and the first of a
    "Name, Place" pair that does.
    """
    locative = _locative_triggers(ontology)
    homes = _home_nouns(ontology)
    titles = _post_words(ontology)
    homes_of = _home_nouns(ontology, "of")

    def weak(mention: Mention, span: Span) -> bool:
        return (
            mention.label in {"ORG", "PERSON", "NORP"}
            and ontology.class_for_head(span[-1].lower_) is None
            and ontology.class_for_head(span.root.lower_) is None  # "Institute of Mathematics"
            and not ontology.is_a(mention.type, "Place")
        )

    def as_place(mention: Mention) -> Mention:
        return Mention(mention.start, mention.end, mention.text, "Place", mention.label)

    places = {t.i for mention, span in found if ontology.is_a(mention.type, "Place") for t in span}
    # "Lord Roberts of Conwy": a peer's title names a place
    peers = {
        span[-1].i for mention, span in found
        if mention.type == "Person" and len(span) > 1 and span[0].lower_ in _PEERAGE
    }
    # names ending in "Co.", "Inc.", "Institute": bodies sure of their kind
    bodies = {
        span[-1].i for mention, span in found
        if ontology.is_a(mention.type, "Organization") and ontology.class_for_head(span[-1].lower_) is not None
    }
    out: list[tuple[Mention, Span]] = []
    for mention, span in found:
        root = span.root
        governor = None
        if root.dep_ == "pobj" and root.head.lower_ in {"in", "at"}:
            governor = root.head.head
        elif root.dep_ == "npadvmod":
            governor = root.head
        elif root.dep_ == "compound" and root.head.lemma_.lower() in homes:
            governor = root.head  # "a Duluth native", "her Duluth hometown"
        elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in homes_of:
            governor = root.head.head  # "a native of Duluth", "her hometown of Duluth"
        elif (
            root.dep_ in {"appos", "conj"} and root.head.dep_ == "pobj" and root.head.i in places
            and not (root.head.head.lower_ == "of" and root.head.head.head.lemma_.lower() in titles)
        ):
            # "in Fujisawa, Kanagawa" (not "On Feb. 12, Abraham Lincoln, ... was born in", nor
            # "the mayor of Spokane, Vidal, said": the name after a post's place holds the post)
            governor = root.head.head.head
        if governor is not None and governor.lemma_.lower() in locative | homes and weak(mention, span):
            mention = as_place(mention)
        elif (
            weak(mention, span) and len(span) == 1 and root.dep_ == "pobj" and root.head.lower_ in {"in", "of"}
            and root.head.head.i in bodies and root.head.i == root.head.head.i + 1
        ):
            mention = as_place(mention)  # "Cox Packing Co. in Devine", "Waste Disposal Co. of Randolph"
        elif weak(mention, span) and root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i in peers:
            mention = as_place(mention)
        elif weak(mention, span) and root.dep_ == "pobj" and _hometown_after_age(root.head, found):
            mention = as_place(mention)  # "Daniel Sullivan, 30, of Boothbay"
        elif weak(mention, span) and mention.label != "PERSON" and _place_evidence(root, ontology):
            # (a person has a home state and a street too: "Jesse Jackson's home state")
            mention = as_place(mention)
        out.append((mention, span))
    for k in range(1, len(out)):
        (previous, prev_span), (mention, span) = out[k - 1], out[k]
        doc = span.doc
        if not (
            span.start == prev_span.end + 1
            and doc[prev_span.end].text == ","
            and (span.end == len(doc) or doc[span.end].is_punct or doc[span.end].is_space)
        ):
            continue  # not "<name>, <name>" closing a phrase
        holder = prev_span.root.head.head if prev_span.root.dep_ == "pobj" else None
        if (
            ontology.is_a(previous.type, "Place")
            and weak(mention, span)
            and not (mention.label == "PERSON" and len(span) > 1)  # "of Corvania, Mr. Tomas Vidal"
            # "the mayor of Spokane, Vidal, said": the name after the post's place holds the post
            and not (holder is not None and holder.lemma_.lower() in titles)
        ):
            out[k] = (as_place(mention), span)  # "Fujisawa, Kanagawa"
        elif ontology.is_a(mention.type, "Place") and weak(previous, prev_span) and previous.label != "PERSON":
            # "Camp Orlen, Idaho;" (not a person: "Vidal, Tacoma;" on a team sheet)
            out[k - 1] = (as_place(previous), prev_span)
    return out


def _unlabelled_names(
    doc: Doc, taken: set[int], surnames: set[str], known: frozenset[str] = frozenset()
) -> Iterator[Span]:
    """Runs of capitalised proper nouns the NER left unlabelled ("Quillon Robotics").

    A single word qualifies only when it is the surname of a person named in full elsewhere,
    or, written the same (``known``), a name the NER found elsewhere in the text; such a word
    counts even where the tagger took it for a common noun ("Labour MP ...").
    """

    def name_word(token: Token) -> bool:
        return token.i not in taken and token.text[:1].isupper() and (
            token.pos_ == "PROPN" or token.text in known and token.pos_ == "NOUN"
        )

    i = 0
    while i < len(doc):
        if not name_word(doc[i]):
            i += 1
            continue
        j = i
        while j + 1 < len(doc) and name_word(doc[j + 1]):
            j += 1
        if j > i or doc[i].lower_ in surnames or doc[i].text in known:
            yield doc[i : j + 1]
        i = j + 1


# ------------------------------------------------------------------------------------- frames


@dataclass
class _Index:
    """Token index -> mention, for one document."""

    by_token: dict[int, int]
    mentions: list[tuple[Mention, Span]]
    ontology: Ontology
    by_sentence: dict[int, list[int]] = field(default_factory=dict)  # sentence start -> mention numbers

    @cached_property
    def surnames(self) -> frozenset[str]:
        """Last words of the people named in full ("Lennon" of "John Lennon")."""
        return frozenset(span[-1].text for m, span in self.mentions if m.type == "Person" and len(span) > 1)

    def at(self, token: Token) -> int | None:
        found = self.by_token.get(token.i)
        if found is None and token.dep_ == "appos":
            # "Y, Japan's largest cluster, located in Z": the description stands for Y
            found = self.by_token.get(token.head.i)
        return found


def _conjuncts(token: Token) -> list[Token]:
    return [token, *[t for t in token.conjuncts if t.i != token.i]]


def _phrase(token: Token) -> str:
    """The trigger token with the compound/amod words before it ("chief executive officer")."""
    words = [c for c in token.lefts if c.dep_ in {"compound", "amod"} and c.i >= token.i - 3]
    return " ".join([*(w.lower_ for w in words), token.lower_])


def _matches(token: Token, triggers: tuple[str, ...]) -> str | None:
    lemma = token.lemma_.lower()
    lower = token.lower_
    phrase = _phrase(token)
    particle = " ".join([lemma, *(c.lower_ for c in token.children if c.dep_ in {"prt", "dobj"} and c.i > token.i)])
    for trigger in triggers:
        if trigger == ANY_NOUN:
            if _any_noun(token):
                return trigger
        elif " " in trigger:
            if phrase.endswith(trigger) or particle.startswith(trigger):
                return trigger
        elif trigger in (lemma, lower):
            return trigger
    return None


def _mood(word: Token) -> str | None:
    """What a verb (or the verb of a copula) states: ``"fact"``; ``"agreed"`` for a deal agreed or
    announced ("agreed to buy", "said it would buy", "is set to acquire"); None when it states
    nothing: negated ("did not buy"), under "may" or "could", or the complement of an offer, a
    hope or a refusal ("offered to buy", "is in talks to buy", "refused to join"). A complement
    inherits the negation and modality of the word it completes ("did not agree to buy"). A
    headline's infinitive ("Orbitel to buy Kestrel") is "agreed"."""
    mood = "fact"
    for _ in range(4):
        for c in word.children:
            if c.dep_ == "neg":
                return None
            if c.dep_ in {"aux", "auxpass"}:
                if c.lower_ in _MODALS or c.lemma_.lower() in _MODALS:
                    return None
                if c.lower_ in _FUTURE or c.lemma_.lower() in _FUTURE:
                    mood = "agreed"
                if c.lower_ == "to" and word.dep_ == "ROOT" and any(s.dep_ == "nsubj" for s in word.children):
                    mood = "agreed"  # the headline "Orbitel to buy Kestrel": announced, not done
        if word.dep_ not in {"xcomp", "acl", "pcomp", "ccomp"} or word.head.i == word.i:
            return mood
        head = word.head
        if word.dep_ == "pcomp" and head.head.i != head.i and head.pos_ == "ADP":
            head = head.head  # "talks about buying": the phrase's own head
        forms = _forms(head)
        if forms & _UNREALISED:
            return None
        if forms & _AGREED:
            mood = "agreed"
        word = head
    return mood


def _copula_mood(noun: Token) -> str | None:
    """The mood of the copula a post is given by ("X is not the chief of Y", "X could become
    chief of Y", "X was claimed to be one of Y's leaders"); "fact" for a noun not given so."""
    post = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        post = noun.head.head  # "X was one of Y's leaders"
    return _mood(post.head) if post.dep_ in {"attr", "oprd"} else "fact"


def _forms(token: Token) -> set[str]:
    """The word's lemma and its plain forms: the lemmatiser reads "hoped" as "hop"."""
    lower = token.lower_
    forms = {token.lemma_.lower(), lower}
    for suffix in ("ed", "d", "s", "ing"):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            forms.add(lower[: -len(suffix)])
    return forms


def _noun_mood(noun: Token) -> str | None:
    """What an event noun states: "the proposed takeover of Y" nothing, "an agreed takeover" a deal."""
    modifiers = {c.lower_ for c in noun.children if c.dep_ in {"amod", "compound"}}
    if modifiers & _UNREALISED_MODIFIERS:
        return None
    return "agreed" if modifiers & _AGREED_MODIFIERS else "fact"


def _any_noun(token: Token) -> bool:
    """A common noun, or a capitalised title before a name ("Bankruptcy Judge Anders Holm")."""
    if token.pos_ == "NOUN":
        return True
    return token.pos_ == "PROPN" and token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.i < token.head.i


def _relative_head(verb: Token, index: _Index) -> Token | None:
    """The noun a relative clause is about, repairing attachment to the wrong name.

    spaCy often attaches "which runs Y" in "X, CEO of Z which runs Y" to X; "which"
    and "that" cannot refer to a person, so we take the nearest non-person name
    before the clause instead.
    """
    head = verb.head
    pronouns = [c for c in verb.children if c.tag_ in {"WDT", "WP", "WP$"}]
    if not pronouns:
        return head
    pronoun = pronouns[0].lower_
    wanted_person = pronoun in {"who", "whom", "whose"}
    for i in range(pronouns[0].i - 1, head.i - 1, -1):
        m = index.at(verb.doc[i])
        if m is None:
            continue
        is_person = index.mentions[m][0].type == "Person"
        if is_person == wanted_person:
            return index.mentions[m][1].root
    return head


def _deep_roles(verb: Token, index: _Index) -> tuple[list[Token], list[Token]]:
    """(agents, patients) of a verb, through passives, relative clauses and participles."""
    agents: list[Token] = []
    patients: list[Token] = []
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
                head = _relative_head(verb, index)
                if head is not None:
                    agents.append(head)
            else:
                agents.append(child)
        elif child.dep_ == "nsubjpass":
            if child.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
                head = _relative_head(verb, index)
                if head is not None:
                    patients.append(head)
            else:
                patients.append(child)
        elif child.dep_ == "dobj" and not passive:
            patients.append(child)
        elif child.dep_ == "agent":
            agents.extend(c for c in child.children if c.dep_ == "pobj")
    if verb.dep_ in {"acl", "amod"}:
        (patients if verb.tag_ == "VBN" else agents).append(verb.head)
    if verb.dep_ == "relcl" and not agents and not patients:
        head = _relative_head(verb, index)
        if head is not None:
            (patients if passive else agents).append(head)
    if passive and not patients and verb.dep_ == "xcomp":
        # "Orbitel agreed to be acquired by Y", "Orbitel, which is expected to be bought by Y": the
        # governing verb's subject undergoes the passive
        governor = verb.head
        for c in governor.children:
            if c.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            if c.tag_ in {"WDT", "WP"}:
                head = _relative_head(governor, index) if governor.dep_ == "relcl" else None
                patients.extend([head] if head is not None else [])
            else:
                patients.append(c)
    fronted = (
        verb.tag_ == "VBN" and verb.dep_ in {"advcl", "prep"} and verb.i < verb.head.i
        and verb.head.pos_ in {"VERB", "AUX"} and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
    )
    if fronted and not patients:
        # "Born in Bellport, X moved ...", "Founded by Y in 1990, X employs ...": the clause's subject
        # underwent the participle
        patients.extend(c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"})
    if not agents and not fronted and verb.dep_ in {"xcomp", "conj", "advcl"}:
        governor = verb.head
        # "X, who is a lawyer and works at Y": the relative pronoun stands for the clause's name
        relative = governor.dep_ == "relcl" and any(
            c.dep_ == "nsubj" and c.tag_ in {"WDT", "WP"} for c in governor.children
        )
        agents.extend(c for c in governor.children if c.dep_ == "nsubj" and not relative)
        if not agents and not relative and verb.dep_ in {"xcomp", "advcl"} and verb.tag_ in {"VBG", "VB"}:
            # "X was injured while working at Y", "X was hired to work at Y": the passive
            # clause's subject does the participle or the infinitive
            agents.extend(c for c in governor.children if c.dep_ == "nsubjpass")
        if (verb.dep_ == "conj" or relative) and not agents:
            agents.extend(_deep_roles(governor, index)[0])
    if not agents and verb.dep_ == "pcomp" and verb.tag_ == "VBG":
        # "Prior to joining Y, X worked ...", "X was a partner at Z before joining Y": the
        # gerund's doer is the subject of the clause the phrase hangs on
        governor = verb.head
        for _ in range(3):
            governor = governor.head
            if governor.pos_ in {"VERB", "AUX"}:
                agents.extend(_deep_roles(governor, index)[0])
                break
    return _named(agents, index), _named(patients, index)


def _named(tokens: list[Token], index: _Index) -> list[Token]:
    """Each token, or the name apposed to it when it is a common noun.

    "the first president of Orbitel Networks, Tomas Vidal, was born in X",
    "Vidal's wife, Lena, is a native of Y": the apposition names who the noun is.
    """
    out: list[Token] = []
    for token in tokens:
        names: list[Token] = []
        if token.pos_ in {"NOUN", "PROPN"} and not _inside_name(token, index):
            names = [c for c in token.children if c.dep_ == "appos" and _inside_name(c, index)]
            if not names and token.dep_ == "attr" and token.head.lemma_ == "be":
                # "X is a software company based in Y": the noun the copula gives X stands for X
                names = [c for c in token.head.children if c.dep_ == "nsubj" and _inside_name(c, index)]
            if not names and token.pos_ == "NOUN" and token.dep_ == "compound" and _inside_name(token.head, index):
                names = [token.head]  # "Spokane-based lender Kestrel Bank": the noun before the name is it
        out.extend(names or [token])
    return out


def _prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    wanted = set(preps)
    out: list[Token] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in wanted:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def _role_tokens(verb: Token, roles: tuple[str, ...], index: _Index) -> list[Token]:
    agents, patients = _deep_roles(verb, index)
    out: list[Token] = []
    for role in roles:
        if role == "agent":
            out.extend(agents)
        elif role == "patient":
            out.extend(patients)
        elif role.startswith("prep:"):
            out.extend(_prep_objects(verb, [role[5:]]))
            # "born on Feb. 5, 1907, in Portland": the parser hangs the phrase on the date before it
            out.extend(
                o for date in _prep_objects(verb, ["on", "in"]) if date.ent_type_ in {"DATE", "TIME"}
                for o in _prep_objects(date, [role[5:]]) if o.ent_type_ not in {"DATE", "TIME"}
            )
            if role[5:] in {"in", "at"} and verb.dep_ == "relcl" and any(
                c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children
            ):
                out.append(verb.head)  # "Rolling Fork, where X was born": the place the clause is about
        else:  # a dependency label: npadvmod, attr, oprd, xcomp, compound
            out.extend(c for c in verb.children if c.dep_ == role)
    return out


def _holders(noun: Token, index: _Index, one_of: bool = True) -> list[Token]:
    """Who holds a relational noun: "X, CEO of Y" / "CEO X" / "X is CEO of Y" / "X as CEO".

    With ``one_of``, also "X, one of the founders of Y" (not for any noun at all: "X, one of
    the attractions at Y" is no post).
    """
    out: list[Token] = []
    m = index.by_token.get(noun.i)
    if m is not None and index.mentions[m][0].label == "description" and index.mentions[m][1][-1].i == noun.i:
        out.append(noun)  # "the chief of X", once "the chief" is resolved to a person
    if noun.dep_ == "appos" or noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
        out.append(noun.head)
    out.extend(c for c in noun.children if c.dep_ == "appos")
    # "the chairman of the Y Front, X, ...": the parser hangs the person's name on the
    # organisation, which no person can be in apposition to; the name is the title's holder
    # (and the surer one: "Speaking to Reuters the head of Y, X, said")
    named_after = [
        c
        for pobj in _prep_objects(noun, ("of",))
        if (owner := index.at(pobj)) is not None and index.mentions[owner][0].type != "Person"
        for c in pobj.children
        if c.dep_ == "appos" and (held := index.at(c)) is not None and index.mentions[held][0].type == "Person"
    ]
    if named_after:
        return named_after
    if noun.dep_ in {"attr", "oprd"}:
        subjects = [c for c in noun.head.children if c.dep_ in _SUBJECT_DEPS]
        if noun.head.dep_ == "relcl":
            # "X, who is president of Y", "X, who was named chief of Y": the name the clause is about
            subjects = [
                head if c.tag_ in {"WDT", "WP"} and (head := _relative_head(noun.head, index)) is not None else c
                for c in subjects
            ]
        if not subjects and noun.head.lemma_ == "be" and noun.head.dep_ == "xcomp":
            # "Y elected X to be chairman of Z", "X went on to be chairman of Z": the governing
            # verb's object, else its subject
            governor = noun.head.head
            subjects = [c for c in governor.children if c.dep_ == "dobj"] or [
                c for c in governor.children if c.dep_ in _SUBJECT_DEPS and c.tag_ not in {"WDT", "WP"}
            ]
        out.extend(_named(subjects, index))
        if noun.dep_ == "oprd":
            out.extend(c for c in noun.head.children if c.dep_ == "dobj")
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        verb = noun.head.head
        if _mood(verb) == "fact":
            out.extend(c for c in verb.children if c.dep_ in {"nsubj", "dobj", "nsubjpass"})
        elif verb.lemma_.lower() in _SUCCESSION_VERBS:
            # "X will succeed Y as president of Z": Y holds the post now, X not yet
            out.extend(c for c in verb.children if c.dep_ == "dobj")
        elif verb.lemma_.lower() in _CONTINUATION_VERBS:
            # "X will stay on as chairman of Z": X holds the post now
            out.extend(c for c in verb.children if c.dep_ == "nsubj")
    if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lemma_.lower() in _PROMOTION_VERBS:
        # "X was promoted to president of Y", "X rose to chief executive of Y"
        verb = noun.head.head
        out.extend(c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"})
    if noun.dep_ == "conj":
        out.extend(_holders(noun.head, index, one_of))
        if noun.head.dep_ == "pobj" and index.at(noun.head) is not None and noun.head.head.head.pos_ == "NOUN":
            # "a professor at Y and president of Z", parsed with "president" on Y: the title it joins
            out.extend(_holders(noun.head.head.head, index, one_of))
    if one_of and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        # "X, one of the founders of Y": the holder of "one"
        out.extend(_holders(noun.head.head, index))
    if (
        one_of and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.tag_ == "JJS"
        and noun.head.head.dep_ in {"attr", "appos"}
    ):
        # "Serbia is the largest of Yugoslavia's six republics", "X, the biggest of Y's cities"
        superlative = noun.head.head
        out.extend(
            [superlative.head] if superlative.dep_ == "appos"
            else _named([c for c in superlative.head.children if c.dep_ in _SUBJECT_DEPS], index)
        )
    return out


def _named_in(pobj: Token, index: _Index) -> list[Token]:
    """The names a prepositional object stands for: itself, or for a common noun the names on it.

    "with the USDA's research service", "of the opposition party, the Social Liberal Party",
    "of Larkfield University's School of Law".
    """
    if index.at(pobj) is not None or pobj.pos_ not in {"NOUN", "PROPN"}:
        return [pobj]
    names = [c for c in pobj.children if c.dep_ in {"poss", "compound", "appos"} and index.at(c) is not None]
    if not names:
        # "of the law firm of Holm, Berg", "the city of Bellport": a noun describing the name after it
        classes = index.ontology.classes_for_descriptor(pobj.lemma_.lower())
        for inner in _prep_objects(pobj, ("of",)) if classes else []:
            m = index.at(inner)
            if m is not None and any(index.ontology.is_a(index.mentions[m][0].type, c) for c in classes):
                names.append(inner)
    if not names and pobj.lemma_.lower() in _PLACE_PARTS:
        # "in the north of Idaho", "the north-west corner of Y": a part of a place is in the place
        for inner in _prep_objects(pobj, ("of",)):
            m = index.at(inner)
            if m is not None and index.ontology.is_a(index.mentions[m][0].type, "Place"):
                names.append(inner)
    return names



def _noun_objects(noun: Token, preps: tuple[str, ...], index: _Index) -> list[Token]:
    pobjs = _prep_objects(noun, preps)
    out = [o for pobj in pobjs for o in _named_in(pobj, index)]
    if not out:
        # "vice president of daytime programs for Y", "head of research at Y": the organisation
        # hangs on the function the title is of
        out = [o for pobj in pobjs if pobj.pos_ == "NOUN" and index.at(pobj) is None
               for inner in _prep_objects(pobj, ("at", "for", "with")) for o in _named_in(inner, index)]
    if not out:
        # "a member of the board of directors of Y": the organisation whose body it is
        bodies = [p for p in [*pobjs, *_prep_objects(noun, ("on",))]  # "a director on the boards of Y"
                  if p.lemma_.lower() in _BODY_NOUNS and index.at(p) is None]
        for _ in range(2):
            out = [o for body in bodies for inner in _prep_objects(body, ("of",)) for o in _named_in(inner, index)
                   if index.at(o) is not None]
            if out:
                break
            bodies = [inner for body in bodies for inner in _prep_objects(body, ("of",)) if index.at(inner) is None]
    # "Y CEO X", "Y's chairman X"; but in "Finance Director of Y" the name before the title is a function
    before = {"poss"} if out else {"compound", "poss", "nmod"}
    out.extend(c for c in noun.children if c.dep_ in before and index.at(c) is not None)
    if not out:
        # "Kellmore chief executive X", parsed with the name as an adjective of the title
        out.extend(c for c in noun.children if c.dep_ == "amod" and c.pos_ == "PROPN" and index.at(c) is not None)
    if not out:
        # "Y floor leader X", "Y's sales manager X": the name hangs on the common noun before the title
        out.extend(
            g for c in noun.children
            if c.dep_ == "compound" and c.i < noun.i and c.pos_ == "NOUN" and index.at(c) is None
            for g in c.children if g.dep_ in {"compound", "poss", "nmod"} and g.i < c.i and index.at(g) is not None
        )
    if not out and any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in noun.children):
        # "Lena Berg, a company spokeswoman": the one organisation the sentence names
        ontology = index.ontology
        kinds = [c.lemma_.lower() for c in noun.children if c.dep_ == "compound" and c.i < noun.i and c.pos_ == "NOUN"]
        if any(ontology.is_a(cls, "Organization") for kind in kinds for cls in ontology.classes_for_descriptor(kind)):
            orgs = {
                m for m in index.by_sentence.get(noun.sent.start, [])
                if ontology.is_a(index.mentions[m][0].type, "Organization")
                and index.mentions[m][0].label not in {"pronoun", "description"}
            }
            if len(orgs) == 1:
                out.append(index.mentions[orgs.pop()][1].root)
    if not out and noun.dep_ == "compound" and index.by_token.get(noun.head.i) is not None:
        # "Oregon Gov. Mira Sandoval": the modifiers before the title hang on the name
        out.extend(
            c for c in noun.head.children
            if c.i < noun.i and c.dep_ in {"compound", "poss", "nmod"} and index.at(c) is not None
        )
    if not out and noun.dep_ == "pobj" and noun.head.lower_ == "as":
        # "Nordwind appointed Jensen as chief executive": the post is at the appointer
        verb = noun.head.head
        if any(c.dep_ == "dobj" for c in verb.children):
            out.extend(c for c in verb.children if c.dep_ == "nsubj")
    return out


def _event_parties(noun: Token, preps: tuple[str, ...], index: _Index) -> tuple[list[Token], list[Token]]:
    """(subjects, objects) of an event noun such as "membership" or "agreement"."""
    # "X's acquisition of Y", "the X headquarters in Y"
    subjects = [c for c in noun.children if c.dep_ == "poss" or c.dep_ == "compound" and index.at(c) is not None]
    objects = _prep_objects(noun, [p for p in preps if p != "between"])
    if not objects and "of" not in preps:
        # "a memorandum of understanding with Y", "a letter of intent with Y": the phrase ends the noun
        for inner in _prep_objects(noun, ("of",)):
            if inner.pos_ == "NOUN" and index.at(inner) is None:
                objects = _prep_objects(inner, [p for p in preps if p != "between"])
    named = [c for c in noun.children if c.dep_ in {"compound", "nmod"} and c.i < noun.i and index.at(c) is not None]
    if not objects and named and any(c.dep_ == "poss" for c in noun.children):
        # "his Iowa hometown", "Kestrel's Oslo headquarters": the owner acts, the name before the noun is
        # the object; so is each place of "Kestrel's Tacoma, Wash., headquarters"
        subjects = [c for c in subjects if c not in named]
        objects = named + [g for c in named for g in c.children if g.dep_ == "nmod" and index.at(g) is not None]
    # "gained membership in Y": the preposition hangs on the governing verb
    governor = _governing_verb(noun)
    if governor is not None:
        if noun.dep_ == "dobj" or governor.lemma_.lower() in _LIGHT_VERBS:
            subjects.extend(_deep_roles(governor, index)[0])
        if not objects:
            objects.extend(_prep_objects(governor, [p for p in preps if p != "between"]))
    if "between" in preps:
        carriers = [noun, *[c for c in noun.children if c.dep_ in {"acl", "relcl"}]]
        if governor is not None:
            carriers.append(governor)
        for carrier in carriers:
            for pobj in _prep_objects(carrier, ["between"]):
                parties = [t for t in pobj.subtree if index.at(t) is not None and not _is_possessor(t)]
                subjects.extend(parties)
                objects.extend(parties)
        if not objects and governor is not None and noun.dep_ == "dobj":
            # "X and Y signed an agreement": a joint act's agents are its parties
            agents = _named(_deep_roles(governor, index)[0], index)
            # "A, B and C signed", parsed with "B and C" in apposition to A: a list, not one name
            agents += [
                a for agent in agents for a in agent.children
                if a.dep_ == "appos" and index.at(a) is not None and any(c.dep_ == "conj" for c in a.children)
            ]
            parties = _expand(agents)
            if len(parties) >= 2:
                subjects, objects = parties, list(parties)
    if not objects and noun.dep_ == "appos" and index.at(noun.head) is not None:
        objects.append(noun.head)  # "Bellport, Oregon, Sandoval's hometown": the noun describes the name
    owned = any(c.dep_ == "poss" for c in noun.children)
    if not objects and owned and noun.dep_ == "attr" and noun.head.lemma_ == "be":
        # "Bellport is Sandoval's hometown", "with Oregon being her home state": the copula's subject is it
        objects.extend(c for c in noun.head.children if c.dep_ == "nsubj" and index.at(c) is not None)
    if not subjects:
        # "the purchase of Y by X": the agent of the act
        subjects.extend(_prep_objects(noun, ("by",)))
    if not subjects:
        subjects.extend(_clause_agents(noun, index))
    return subjects, objects


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun is the object (or, through a preposition, the phrase) of: "signed an
    agreement", "gained membership in"."""
    governor = noun.head if noun.dep_ in {"dobj", "pobj", "nsubjpass", "attr"} else None
    if governor is not None and governor.pos_ == "ADP":
        governor = governor.head
    return governor if governor is not None and governor.pos_ in {"VERB", "AUX"} else None


def _clause_agents(token: Token, index: _Index) -> list[Token]:
    """The agent of the clause a phrase hangs in: "X spoke at a conference held on the sidelines of Y".

    Climbs through prepositions, their objects and participles only, never into a
    reported clause, so "X said the deal with Y ..." does not make X a party.
    """
    node = token
    for _ in range(8):
        if node.dep_ not in {"pobj", "prep", "acl", "dobj", "npadvmod"} or node.head is node:
            return []
        node = node.head
        if node.pos_ in {"VERB", "AUX"} and node.dep_ != "acl":
            agents = _deep_roles(node, index)[0]
            return [a for a in agents if a.i != token.i]
    return []


def _is_possessor(token: Token) -> bool:
    return token.dep_ == "poss" or any(c.dep_ == "case" for c in token.children)


def _role_of(trigger: Token, title: str) -> Role:
    words = {c.lower_ for c in trigger.lefts} | {c.lower_ for c in trigger.head.lefts if c.dep_ == "advmod"}
    words |= {trigger.doc[i].lower_ for i in range(max(0, trigger.i - 3), trigger.i)}
    # "Ex-Welsh Office Minister X": the prefix opens the title's phrase
    words |= {trigger.doc[i].lower_ for i in range(max(0, trigger.i - 6, trigger.left_edge.i), trigger.i)}
    current = not (words & _FORMER)
    since = None
    for verb in (trigger, trigger.head):
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "since":
                since = " ".join(t.text for t in child.subtree if t.dep_ != "prep" or t is not child)
                since = since.removeprefix("since ").strip()
    return Role(title=title, current=current, start_date=since)


# ------------------------------------------------------------------------------------- relations


def find_relations(doc: Doc, mentions: list[tuple[Mention, Span]], ontology: Ontology) -> list[RelationMention]:
    """Relations stated in ``doc`` between ``mentions``, one per (pattern, pair, sentence)."""
    index = _Index({}, mentions, ontology)
    for n, (_, span) in enumerate(mentions):
        for token in span:
            index.by_token.setdefault(token.i, n)
        index.by_sentence.setdefault(span.sent.start, []).append(n)
    triggers, attributes, sentence_patterns = _pattern_index(ontology)
    owned: frozenset[str] = ontology.__dict__["_kgraph_owned_nouns"]
    found: dict[tuple[int, str, int], RelationMention] = {}
    for sent in doc.sents:
        for token in sent:
            candidates = triggers.get(token.lower_, []) + triggers.get(token.lemma_.lower(), [])
            if _any_noun(token) and token.lemma_.lower() not in owned and token.lower_ not in owned:
                candidates = candidates + triggers.get(ANY_NOUN, [])
            if candidates and not _inside_name(token, index):  # "District" in "Seongdong District" is a name
                done: set[int] = set()
                for pattern, trigger in candidates:
                    if id(pattern) in done or not _matches(token, (trigger,)):
                        continue
                    if trigger == ANY_NOUN and (token.lemma_.lower() in pattern.exceptions
                                                or token.lower_ in pattern.exceptions):
                        continue
                    done.add(id(pattern))
                    for subj, obj, role, predicate in _apply(pattern, token, trigger, index, ontology):
                        _add(found, pattern, subj, obj, sent, role, index, ontology, predicate)
            if token.i in index.by_token:
                for pattern in attributes:
                    for subj, obj, role, predicate in _apply(pattern, token, "", index, ontology):
                        _add(found, pattern, subj, obj, sent, role, index, ontology, predicate)
        for pairs, pattern in sentence_patterns:
            for subj, obj in pairs(sent, pattern, index):
                _add(found, pattern, subj, obj, sent, None, index, ontology)
    return _drop_implied(sorted(_chain(found, ontology).values()), ontology)


def _chain(
    found: dict[tuple[int, str, int], RelationMention], ontology: Ontology
) -> dict[tuple[int, str, int], RelationMention]:
    """One step of the ontology's property chains within a sentence: "a firm in Bellport, Ore."
    states the firm basedIn Bellport and Bellport locatedIn Oregon, so the firm basedIn Oregon
    (``kg:basedIn owl:propertyChainAxiom (kg:basedIn kg:locatedIn)`` in kgraph.ttl)."""
    by_subject: dict[tuple[Mention, int], list[RelationMention]] = {}
    for rel in found.values():
        by_subject.setdefault((rel.subject, rel.sentence_start), []).append(rel)
    added: dict[tuple[int, str, int], RelationMention] = {}
    for rel in found.values():
        over = ontology.properties[rel.predicate].chains
        if not over:
            continue
        for nxt in by_subject.get((rel.object, rel.sentence_start), ()):
            if nxt.predicate not in over or nxt.object == rel.subject:
                continue
            key = (rel.subject.start, rel.predicate, nxt.object.start)
            if key not in found and key not in added:
                added[key] = RelationMention(
                    subject=rel.subject, predicate=rel.predicate, object=nxt.object,
                    confidence=round(min(rel.confidence, nxt.confidence) - 0.05, 2),
                    sentence_start=rel.sentence_start, sentence_end=rel.sentence_end, evidence=rel.evidence,
                    pattern=f"{rel.pattern}+{nxt.pattern}", role=rel.role,
                )
    return {**found, **added} if added else found


if TYPE_CHECKING:
    #: (sentence, pattern, index) -> (subject, object) mention numbers, for frames read off a whole sentence
    _SentenceFrame = Callable[[Span, Pattern, _Index], Iterator[tuple[int, int]]]
    _PatternIndex = tuple[dict[str, list[tuple[Pattern, str]]], list[Pattern], list[tuple[_SentenceFrame, Pattern]]]


def _pattern_index(ontology: Ontology) -> _PatternIndex:
    """Patterns by trigger word (a phrase under its first and last word), built once per ontology."""
    cached: _PatternIndex | None = ontology.__dict__.get("_kgraph_pattern_index")
    if cached is not None:
        return cached
    by_word: dict[str, list[tuple[Pattern, str]]] = {}
    attributes: list[Pattern] = []
    for pattern in ontology.patterns:
        if pattern.frame in _SENTENCE_FRAMES:
            continue
        if not pattern.triggers:
            attributes.append(pattern)
        for trigger in pattern.triggers:
            words = trigger.split()
            for word in {words[0], words[-1]}:
                by_word.setdefault(word, []).append((pattern, trigger))
    # the wildcard leaves alone the nouns other patterns own ("facility") or that name a non-person
    owned = {w for pattern in ontology.patterns for t in pattern.triggers if t != ANY_NOUN for w in t.split()}
    for info in ontology.classes.values():
        if info.name != "Person":
            owned |= info.descriptors
    ontology.__dict__["_kgraph_owned_nouns"] = frozenset(owned)
    sentence_patterns = [
        (pairs, pattern) for frame, pairs in _SENTENCE_FRAMES.items() for pattern in ontology.patterns
        if pattern.frame == frame
    ]
    index = (by_word, attributes, sentence_patterns)
    ontology.__dict__["_kgraph_pattern_index"] = index
    return index


def _drop_implied(relations: list[RelationMention], ontology: Ontology) -> list[RelationMention]:
    """Drop "X worksFor Y" when "X ceoOf Y" comes from the same sentence: it is implied.

    Of "A locatedIn B" and "B locatedIn A" from one sentence only the surer is kept.
    """
    by_pair: dict[tuple[Mention, Mention, int], list[RelationMention]] = {}
    for rel in relations:
        by_pair.setdefault((rel.subject, rel.object, rel.sentence_start), []).append(rel)
    kept = []
    for rel in relations:
        if not ontology.properties[rel.predicate].symmetric and any(
            other.predicate == rel.predicate
            and (other.confidence, rel.subject.start) > (rel.confidence, other.subject.start)
            for other in by_pair.get((rel.object, rel.subject, rel.sentence_start), ())
        ):
            continue
        implied = any(
            other is not rel
            and other.predicate != rel.predicate
            and rel.predicate in ontology.properties[other.predicate].ancestors
            for other in by_pair[(rel.subject, rel.object, rel.sentence_start)]
        )
        if not implied:
            kept.append(rel)
    return kept


def _apply(
    pattern: Pattern, token: Token, trigger: str, index: _Index, ontology: Ontology
) -> Iterator[tuple[int, int, Role | None, str]]:
    """(subject, object, role, property) of each relation ``pattern`` states at ``token``."""
    subjects: list[Token] = []
    objects: list[Token] = []
    predicate = pattern.property
    if pattern.frame == "Verb" and token.pos_ in {"VERB", "AUX"}:
        if _mood(token) != pattern.mood:
            return  # "did not buy", "may join"; "agreed to buy" only for a pattern of agreed deals
        subjects = _role_tokens(token, pattern.subject_roles, index)
        objects = _role_tokens(token, pattern.object_roles, index)
    elif pattern.frame == "RelationalNoun" and (
        token.pos_ in {"NOUN", "PROPN"}
        # "Modesto native George Lucas": the tagger takes a title before a name for an adjective
        or token.pos_ == "ADJ" and token.dep_ == "compound" and _inside_name(token.head, index)
    ):
        if _copula_mood(token) != pattern.mood:
            return  # "X is not the chief of Y", "X could become chief of Y", "X is expected to be named chief"
        subjects = _holders(token, index, one_of=trigger != ANY_NOUN)
        objects = _noun_objects(token, pattern.prepositions, index)
        wanted = pattern.object_type or ontology.properties[pattern.property].range
        if wanted is not None and not ontology.is_a(wanted, "Place"):
            # "Japan's number three mobile operator": a place before the title is where, not what
            objects = [
                o for o in objects
                if not (o.dep_ in {"poss", "compound"} and (m := index.at(o)) is not None
                        and ontology.is_a(index.mentions[m][0].type, "Place"))
            ]
        titled = _title_before_name(token, index)
        if titled is not None:
            subjects, objects = [titled[0]], [titled[1]]
        if any(t.lower_ == "shadow" for t in token.doc[token.left_edge.i : token.i]):
            subjects = []  # "Shadow Home Secretary X": an opposition portfolio, no post in the department
        if pattern.subordinate is not None and _lesser_post(token, trigger, pattern, index, ontology):
            predicate = pattern.subordinate
            trigger = _title_phrase(token, index) or trigger
            unit = _owned_unit(token, index)
            objects = [o for o in objects if o != unit]  # the post is the owner's, in one of its units
    elif pattern.frame == "EventNoun" and token.pos_ in {"NOUN", "PROPN"}:
        if _noun_mood(token) != pattern.mood:
            return  # "the proposed takeover of Y"; "an agreed takeover" only for a pattern of agreed deals
        subjects, objects = _event_parties(token, pattern.prepositions, index)
        governor = _governing_verb(token)
        if governor is not None and _mood(governor) != pattern.mood:
            # "X has agreed to buy a stake in Y": X holds none yet (but "Z's stake in Y" is Z's)
            subjects = [s for s in subjects if s.head.i == token.i and s.dep_ in {"poss", "compound"}]
    elif pattern.frame == "EventNoun" and token.dep_ == "amod" and index.at(token.head) is not None:
        # "in his native Ohio", "Vidal's native Bellport": the adjective relates the owner to the name
        subjects = [c for c in token.head.children if c.dep_ == "poss"]
        objects = [token.head] if subjects else []
    elif pattern.frame == "Attribute":
        if _copula_mood(token) != pattern.mood:
            return  # "X is not the chairman of Y"
        subjects, objects = _attribute(token, pattern.prepositions, index)
    role = _role_of(token, trigger.upper() if len(trigger) <= 3 else trigger.title()) if pattern.role else None
    skipped: set[tuple[int, int]] = set()  # (subject, object) token pairs another group's phrase separates
    expanded = _expand(subjects)
    expanded_objects = _expand(objects)
    if pattern.frame == "Attribute":
        # "Nordwind Inc. of Oslo and Kestrel Air of Bergen", "Lyon in France,
        # Graz in Austria and Turku in Finland": a conjunct with a phrase of its own, or the
        # object of another such phrase, is not a party to this one, whatever the parser attached
        expanded = [
            s for s in expanded
            if s in subjects or not _prep_objects(s, pattern.prepositions) and not _in_own_phrase(s, pattern, index)
        ]
        expanded_objects = [o for o in expanded_objects if o in objects or not _in_own_phrase(o, pattern, index)]
        # "A, the mayor of X, and B, a teacher from Y": a conjunct with a description of its own
        expanded = [s for s in expanded if s in subjects or not _apposed_noun(s)]
        # "the theatre in Tacoma, Wash., and Kellmore in Spokane": a conjunct of another kind than
        # the name is an item of some other list the parser joined to it
        kinds = {index.mentions[m][0].type for t in subjects if (m := index.at(t)) is not None}
        expanded = [
            s for s in expanded
            if s in subjects or (m := index.at(s)) is None or index.mentions[m][0].type in kinds
        ]
        # "Graz in Austria and Turku in Finland", parsed with "in Finland" on Graz: another list item
        # stands between the name and the phrase
        expanded_objects = [o for o in expanded_objects if not _item_between(subjects, o, pattern, index)]
        if any(o.dep_ in {"compound", "poss", "nmod"} and o.head in subjects and o.i < o.head.i for o in objects):
            # "Norway's Kestrel Air, Orbitel and Estonia's Corvane": a name before a name is that name's alone
            expanded = [s for s in expanded if s in subjects]
    if pattern.frame == "RelationalNoun":
        # "he, Labour leader Anna Weber and ...": a title before a name is that name's alone;
        # "A, director of X, and B, chairman of Y": a conjunct with a title of its own holds that one
        # "A, the mayor of X, and B, an activist in Y": a conjunct described by an apposition of its
        # own is not a party to the other's
        expanded = [
            s for s in expanded
            if s in subjects or token.dep_ != "compound" and not _own_title(s, pattern.triggers)
            and not (token.dep_ == "appos" and _apposed_noun(s))
        ]
        # "X, a subsidiary of Y, and Z": with the title set off by commas, ", and Z" goes on with the
        # sentence's own list (but "of Y, W, and Z" is the phrase's list)
        if token.dep_ == "appos":
            doc = token.doc
            def opens_outer_list(o: Token) -> bool:
                m = index.by_token.get(o.i)
                first = index.mentions[m][1].start if m is not None else o.i
                return (
                    first >= 2 and doc[first - 1].lower_ in {"and", "or"} and doc[first - 2].text == ","
                    and len([c for c in _conjuncts(o) if c not in objects]) == 1
                )

            expanded_objects = [o for o in expanded_objects if o in objects or not opens_outer_list(o)]
        # "the men, A, from X, and B and C, from Y": with a phrase of its own for each group, a
        # holder takes the nearest phrase after it
        phrases = [o for o in objects if o.dep_ == "pobj"]
        if len({o.head.i for o in phrases}) > 1:
            skipped = {
                (s.i, o.i) for s in expanded for o in phrases
                if s.i < o.i and any(s.i < q.i < o.i and q.head.i != o.head.i for q in phrases)
            }
    elif pattern.frame == "Verb" and token.dep_ == "amod" and token.i < token.head.i and token.head.dep_ == "conj":
        # "Kestrel and Oslo-based Nordwind Energy": a modifier of a later conjunct is that conjunct's alone
        expanded = [s for s in expanded if s in subjects or s.i >= token.head.i]
    if pattern.frame == "Verb" and token.dep_ in {"acl", "relcl"} and token.i > token.head.i:
        # "CDT (acquired by Y in 2007), Canon and Z", "A, which Y bought, and B": a clause
        # between a name and the next item of its list is about that name alone
        edge = token.right_edge.i
        expanded = [s for s in expanded if s in subjects or s.i < token.head.i or s.i <= edge]
        expanded_objects = [o for o in expanded_objects if o in objects or o.i < token.head.i or o.i <= edge]
    for s in expanded:
        for o in expanded_objects:
            if (s.i, o.i) in skipped:
                continue
            si, oi = index.at(s), index.at(o)
            if si is not None and oi is not None and si != oi:
                yield (oi, si, role, predicate) if pattern.inverse else (si, oi, role, predicate)


def _in_own_phrase(name: Token, pattern: Pattern, index: _Index) -> bool:
    """Whether a list item pairs with a phrase of its own: it is followed by one of the pattern's
    prepositions ("Turku in Finland") or is the object of one ("in Iraq")."""
    if name.dep_ == "pobj" and name.head.lower_ in pattern.prepositions:
        return True
    m = index.by_token.get(name.i)
    end = index.mentions[m][1].end if m is not None else name.i + 1
    doc = name.doc
    return end < len(doc) and doc[end].lower_ in pattern.prepositions and doc[end].pos_ == "ADP"


def _item_between(subjects: list[Token], obj: Token, pattern: Pattern, index: _Index) -> bool:
    """Whether a name with a phrase of its own lies between the subject(s) and a later object."""
    doc = obj.doc
    for subject in subjects:
        m = index.by_token.get(subject.i)
        start = index.mentions[m][1].end if m is not None else subject.i + 1
        if start >= obj.i:
            continue
        for i in range(start, obj.i):
            n = index.by_token.get(i)
            if n is None or n == m or index.mentions[n][1].start != i or index.by_token.get(obj.i) == n:
                continue
            if _in_own_phrase(doc[index.mentions[n][1].root.i], pattern, index) and doc[i - 1].lower_ not in \
                    pattern.prepositions:
                return True
    return False


def _apposed_noun(name: Token) -> bool:
    """Whether a name is described by a common-noun apposition ("B, an activist in Y")."""
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in name.children)


def _own_title(name: Token, triggers: tuple[str, ...]) -> bool:
    """Whether a name carries a title noun of its own ("Green Party leader Lena Berg")."""
    words = {w for t in triggers for w in t.split()}
    return any(c.dep_ in {"compound", "appos"} and c.lemma_.lower() in words for c in name.children)


def _title_phrase(token: Token, index: _Index) -> str:
    """The whole title ending at ``token``, lower case: "senior vice president", "linux strategy manager"."""
    doc = token.doc
    start = token.i
    for i in range(token.i - 1, token.left_edge.i - 1, -1):
        t = doc[i]
        if index.by_token.get(i) is not None or t.pos_ in {"DET", "PRON", "PART", "PUNCT"} and t.text != "-" \
                or t.lower_ in _FORMER:
            break
        start = i
    return doc[start : token.i + 1].text.lower() if start < token.i else ""


def _organisation_nouns(ontology: Ontology) -> frozenset[str]:
    cached: frozenset[str] | None = ontology.__dict__.get("_kgraph_organisation_nouns")
    if cached is None:
        cached = frozenset(
            w for info in ontology.classes.values() if ontology.is_a(info.name, "Organization") for w in info.head_nouns
        )
        ontology.__dict__["_kgraph_organisation_nouns"] = cached
    return cached


def _owned_unit(title: Token, index: _Index) -> Token | None:
    """The name between a possessive owner and a title ("Holyrood" in "the Party's Holyrood leader"):
    a part or branch of the owner, whose post it is."""
    owners = [index.at(c) for c in title.children if c.dep_ == "poss"]
    if not any(m is not None and index.ontology.is_a(index.mentions[m][0].type, "Organization") for m in owners):
        return None
    return next(
        (c for c in title.children if c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN" and index.at(c) is not None),
        None,
    )


def _lesser_post(token: Token, trigger: str, pattern: Pattern, index: _Index, ontology: Ontology) -> bool:
    """Whether a title noun names a lesser post in the organisation (see kgx:subordinate in patterns.ttl).

    "senior vice president" (a subordinate modifier), "program director" (a common noun
    before the title), "vice president of sales", "head of the council's audit unit" (a
    function or a unit after it); not "party leader", "president of the company".
    """
    org_nouns = _organisation_nouns(ontology)
    words = set(trigger.split())
    doc = token.doc
    before = [doc[i] for i in range(token.left_edge.i, token.i) if index.by_token.get(i) is None]
    if any(t.lower_ in pattern.subordinate_modifiers for t in before):
        return True
    if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children) and not any(
        t.lower_ in _FORMER for t in before
    ):
        return True  # "Thomas Holm, an IMF director": one of the directors
    if token.tag_ in {"NNS", "NNPS"}:
        return True  # "one of the directors of Y", "the youngest of Y's directors": one of several
    named_after = any(
        index.at(pobj) is not None
        for child in token.children if child.dep_ == "prep" for pobj in child.children if pobj.dep_ == "pobj"
    )
    if _owned_unit(token, index) is not None:
        return True  # "the Party's Holyrood leader": the leader of one of its groups
    for child in token.children:
        if (
            child.dep_ == "compound" and child.i < token.i and child.pos_ == "NOUN"
            and child.lower_ not in words and child.lemma_.lower() not in org_nouns
            and index.by_token.get(child.i) is None
        ):
            return True
        if child.dep_ == "compound" and child.i < token.i and named_after and index.at(child) is not None:
            return True  # "Finance Director of Y": the capitalised word before the title is a function
        if child.dep_ == "prep" and child.lower_ == "on" and any(
            pobj.dep_ == "pobj" and pobj.lemma_.lower() in _BODY_NOUNS for pobj in child.children
        ):
            return True  # "a director on the board of Y": a seat, not the head of Y
        if child.dep_ == "prep" and child.lower_ in {"of", "for"}:
            for pobj in child.children:
                if (
                    pobj.dep_ == "pobj" and pobj.pos_ == "NOUN" and index.at(pobj) is None
                    and pobj.lemma_.lower() not in org_nouns
                    # "CEO of festival organisers Harbour Nights Ltd": the noun describes the named organisation
                    and not any(c.dep_ in {"compound", "appos"} and index.at(c) is not None for c in pobj.children)
                ):
                    return True
    return False


def _title_before_name(token: Token, index: _Index) -> tuple[Token, Token] | None:
    """(person, organisation) for "Minister of <organisation> <person>" (see _titled_organisations)."""
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].lower_ != "of":
        return None
    org = index.by_token.get(token.i + 2)
    if org is None or index.mentions[org][0].label != "title":
        return None
    org_span = index.mentions[org][1]
    person = index.by_token.get(org_span.end)
    if person is None or index.mentions[person][0].type != "Person":
        return None
    return index.mentions[person][1].root, org_span.root


def _inside_name(token: Token, index: _Index) -> bool:
    """Whether a token is part of a name; a form of address the name keeps ("President Brad Smith")
    still states the post: "Acme President Brad Smith" is the president of Acme."""
    m = index.by_token.get(token.i)
    if m is None:
        return False
    mention, span = index.mentions[m]
    if mention.label in {"description", "pronoun"}:
        return False
    return not (
        mention.type == "Person" and token.i == span.start and len(span) > 1 and token.lower_ in _OFFICE_ADDRESS
    )


def _attribute(token: Token, preps: tuple[str, ...], index: _Index) -> tuple[list[Token], list[Token]]:
    """A name with a prepositional phrase: "Smith of Acme", "Bio Japan 2024 at Pacifico Yokohama".

    The phrase may hang on the name itself or on the noun the name is "of"
    ("the sidelines of Bio Japan 2024 at Pacifico Yokohama").
    """
    m = index.by_token.get(token.i)
    if m is None or index.mentions[m][1].root.i != token.i:
        return [], []
    if (
        token.dep_ == "pobj" and token.head.lower_ in _OPPOSED
        or token.dep_ == "dobj" and token.head.lemma_.lower() in _CONTEST_VERBS
        or token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head.lemma_.lower() in _CONTEST_NOUNS
    ):
        # "the win over France in Paris", "playing Kestrel in Dublin": an opponent's "in" is the venue
        # (its "of" still says where it is from: "a win over Lena Berg of Sweden")
        preps = tuple(p for p in preps if p not in {"in", "at"})
        if not preps:
            return [], []
    span = index.mentions[m][1]
    # "the Northern Committee of the Harbour Trust in Bergen": the phrase may hang on a later word of the name
    carriers = [token, *(t for t in span if t.i > token.i)]
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
        carriers.append(token.head.head)
    kind = token.head
    if (
        token.dep_ == "compound" and kind.pos_ == "NOUN" and kind.i == span.end
        and any(index.ontology.is_a(index.mentions[m][0].type, c)
                for c in index.ontology.classes_for_descriptor(kind.lemma_.lower()))
    ):
        carriers.append(kind)  # "the Minox company in Heuchelheim": the noun of the name's kind
    # "X, a Republican from Y": a party or nationality word in apposition carries the name's phrase
    carriers.extend(
        c for c in token.children
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "NORP" and index.at(c) in {None, m}
    )
    objects = [
        o for carrier in carriers for pobj in _prep_objects(carrier, preps) if not span.start <= pobj.i < span.end
        for o in _named_in(pobj, index)
    ]
    doc = token.doc
    if (
        not objects
        and index.mentions[m][0].type == "Place"
        and span.end < len(doc)
        and doc[span.end].dep_ == "prep"
        and doc[span.end].lower_ in preps
    ):
        # "grew up in Bellport in southern Oregon": the parser hangs the second phrase on the verb
        objects = [c for c in doc[span.end].children if c.dep_ == "pobj"]
    if (
        not objects and index.mentions[m][0].type != "Person" and span.end + 3 < len(doc)
        and "in" in preps and doc[span.end].text == "," and doc[span.end + 1].lower_ == "in"
        and (place := index.by_token.get(span.end + 2)) is not None
        and index.ontology.is_a(index.mentions[place][0].type, "Place")
        and index.mentions[place][1].start == span.end + 2
        and (after := index.mentions[place][1].end) < len(doc) and doc[after].text in {",", "."}
    ):
        # "the Palace of Fine Arts, in San Francisco, on June 30": a place set off by commas right
        # after a name is the name's (the parser hangs it on the verb)
        objects = [index.mentions[place][1].root]
    if "compound" in preps or "poss" in preps:
        # "U.S. Congress", "Japan's iPark": a name modifying a name; not "in Bellport and Port Arlen",
        # where the parser takes the first of two coordinated names for a modifier of the second.
        # "poss" takes only the possessive ("Orbitel's Lena Berg")
        deps = {"compound", "poss", "nmod"} if "compound" in preps else {"poss"}
        modifiers = list(token.children)
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
            # "Serbia's southern province of Kosovo", "the U.S. capital of Washington": the noun
            # that "of" names the name by carries the name's modifiers
            noun = token.head.head
            if any(
                index.ontology.is_a(index.mentions[m][0].type, c)
                for c in index.ontology.classes_for_descriptor(noun.lemma_.lower())
            ):
                modifiers += [c for c in noun.children if c.i < noun.i]
        if (
            token.dep_ == "compound" and token.head.pos_ == "NOUN" and token.head.i == span.end
            and index.ontology.is_a(index.mentions[m][0].type, "Place")
        ):
            # "California's Sierra Nevada foothills": a place owning the noun a place's name modifies
            # (not "England's Champions League representatives", "Sun's Network Computing event")
            modifiers += [
                c for c in token.head.children
                if c.dep_ == "poss" and c.i < span.start and (o := index.at(c)) is not None
                and index.ontology.is_a(index.mentions[o][0].type, "Place")
                and c.text not in index.surnames  # "John Lennon ... Lennon's New York City apartment"
            ]
        for c in modifiers:
            modifier = index.at(c) if c.dep_ in deps and c.i < span.start else None
            if modifier is not None and not any(
                t.pos_ in {"CCONJ", "PUNCT"} for t in doc[index.mentions[modifier][1].end : span.start]
            ):
                objects.append(c)
    return ([token] if objects else []), objects


def _expand(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        for t in _conjuncts(token):
            if t not in out:
                out.append(t)
    return out


def _source_line(sent: Span, pattern: Pattern, index: _Index) -> Iterator[tuple[int, int]]:
    """(publisher, place) of a wire source line: two dateline names, the place right before."""
    for token in sent:
        org = index.by_token.get(token.i)
        if org is None or index.mentions[org][0].label != "dateline" or index.mentions[org][1].start != token.i:
            continue
        place = index.by_token.get(token.i - 1) if token.i > 0 else None
        if place is not None and place != org and index.mentions[place][0].label == "dateline":
            yield org, place


def _dateline_pairs(sent: Span, pattern: Pattern, index: _Index) -> Iterator[tuple[int, int]]:
    """(agency, place) of a dateline: "HOLTVILLE, Oregon (AP) _", "(Text) Tallinn, March 3 (ETA) --",
    "Tallinn March 3 ETA --". Before the agency only places, dates, numbers and punctuation
    may stand (after an opening "(Text)"); the agency is in brackets or followed by a dash."""
    if sent.start > 3:  # a dateline opens the text ("(Text)" may precede it)
        return
    doc = sent.doc
    start = _first_token(doc, sent.start)
    if _text_marker(doc, start):
        start = _first_token(doc, start + 3)
    places: list[int] = []
    i = start
    while i < sent.end and i - start < 16:
        m = index.by_token.get(i)
        token = doc[i]
        if m is not None and index.mentions[m][1].start == i:
            mention, span = index.mentions[m]
            if index.ontology.is_a(mention.type, "Place"):
                places.append(m)
                i = span.end
                continue
            bracketed = i > 0 and doc[i - 1].text == "(" and span.end < len(doc) and doc[span.end].text == ")"
            after = span.end + (1 if bracketed else 0)
            dashed = after < len(doc) and doc[after].text in _DATELINE_DASHES
            if places and index.ontology.is_a(mention.type, "Organization") and (bracketed or dashed):
                for place in places:
                    yield m, place
            return
        if m is not None or not (token.is_punct or token.like_num or token.ent_type_ in {"DATE", "TIME"}
                                 or token.lower_.rstrip(".") in _MONTHS):
            return
        i += 1


def _place_in_name(sent: Span, pattern: Pattern, index: _Index) -> Iterator[tuple[int, int]]:
    """(name, place) when a name of several words opens with the adjective of a place named
    elsewhere in the sentence ("the Estonian Parliament ... Estonia"), or, for a public body,
    with the place itself ("the Oregon Department of Forestry ... Oregon"; a company's first
    word may be its own short name: "Dakota Bank ... Dakota"). Names whose last word is one
    of the pattern's exceptions ("Estonian Embassy") are left alone."""
    names = [
        (n, index.mentions[n][1]) for n in index.by_sentence.get(sent.start, [])
        if index.mentions[n][0].label not in {"description", "pronoun"}
    ]
    places = [(n, span) for n, span in names if index.ontology.is_a(index.mentions[n][0].type, "Place")]
    for n, span in names:
        first = span[0].text
        if len(span) < 2 or not first[:1].isupper() or span[-1].lower_ in pattern.exceptions:
            continue
        public = index.ontology.is_a(index.mentions[n][0].type, "GovernmentBody")
        for p, place in places:
            if p == n or place.start < span.end and span.start < place.end:
                continue
            words = [t.lower_ for t in place]
            if len(place) == 1 and _adjective_of(first.lower(), words[0]) or (
                # "the Oregon Department of Forestry": a public body named after its place; a
                # company's first word may be its own short name ("Dakota Bank" ... "Dakota")
                public and [t.lower_ for t in span[: len(words)]] == words and len(span) > len(words)
            ):
                yield n, p


def _adjective_of(word: str, place: str) -> bool:
    """Whether ``word`` looks like the adjective of the one-word place ``place``: it shares
    all but the place's last two letters and ends like an adjective ("estonian"/"estonia",
    "chinese"/"china", "norwegian"/"norway", "israeli"/"israel", "german"/"germany")."""
    if word == place or len(place) < 4 or not word.endswith(("an", "ese", "ish", "i", "ic")):
        return False
    if place.startswith(word):  # "german"/"germany", but not "indian"/"indiana"
        return place == word + "y"
    if word.endswith("ic") and not word.startswith(place):  # "icelandic"/"iceland", not "atlantic"/"atlanta"
        return False
    common = len(os.path.commonprefix([word, place]))
    return common >= max(4, len(place) - 2)


_COMPASS = frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast southwest "
    "north-east north-west south-east south-west northeastern northwestern southeastern southwestern".split()
)
#: Nouns for a part of a place: "in the north of Y" is in Y.
_PLACE_PARTS = _COMPASS | frozenset("centre center heart outskirts edge corner part suburbs".split())
#: Place nouns whose "of" phrase names what holds the place ("the capital of France", "the north
#: of Idaho"), where other place nouns take the place's own name ("the town of Duluth")
_PART_NOUNS = _PLACE_PARTS | {"capital", "suburb"}


def _place_chain(sent: Span, pattern: Pattern, index: _Index) -> Iterator[tuple[int, int]]:
    """ "Fujisawa, Kanagawa": a place, a comma, a place."""
    tokens = list(sent)
    if _team_sheet(tokens):
        return  # "Murphy; Rabeni, Smith, Gibson, Healey; Goode, Ellis; ...": a team's names, no places
    for k, token in enumerate(tokens[1:-1], start=1):
        if token.text != ",":
            continue
        # "Bellport, north-east Oregon": a compass word may stand before the second place
        skip = 0
        while k + 1 + skip < len(tokens) - 1 and skip < 3 and (
            tokens[k + 1 + skip].lower_ in _COMPASS or skip and tokens[k + 1 + skip].text == "-"
        ):
            skip += 1
        left, right = index.at(tokens[k - 1]), index.at(tokens[k + 1 + skip])
        if left is None or right is None or left == right:
            continue
        if {index.mentions[left][0].label, index.mentions[right][0].label} & {"description", "pronoun"}:
            continue  # "Oregon, the home state of ...": a description of the place, not a second place
        # "in Japan, Germany and the United States" is a list, not a chain (a dateline is never a list)
        dateline = index.mentions[right][0].label == "dateline"
        first = tokens[k + 1 + skip]
        # (a state's abbreviation split from its full stop, "Wyo" + ".", is no list either)
        # (a "conjunct" with no "and" or "or" anywhere is the parser's guess: "our Sunnyvale, California facility")
        left_start = index.mentions[left][1].start
        coordinated = len(_conjuncts(first)) > 2 or any(
            c.dep_ in {"cc", "preconj"} for t in {*_conjuncts(first), *index.mentions[right][1]} for c in t.children
        ) or left_start > 0 and sent.doc[left_start - 1].text == ","  # "..., Real Madrid, AC Milan"
        if not dateline and coordinated and (
            any(t.dep_ == "conj" and not t.is_punct for t in index.mentions[right][1]) or first.dep_ == "conj"
        ):
            continue
        right_span = index.mentions[right][1]
        nxt = sent.doc[right_span.end] if right_span.end < len(sent.doc) else None
        # "Stalin's Russia, Ceausescu's Romania": a possessor opens the next item of a list
        if nxt is not None and nxt.tag_ == "POS":
            continue
        # "... over South Africa, Ireland finished the year": the second place starts a clause
        if first.dep_ in {"nsubj", "nsubjpass"} or index.mentions[right][1].root.dep_ in {"nsubj", "nsubjpass"}:
            continue
        # "At their meeting in London, G7 finance ministers backed ...": the second name modifies a noun after it
        head = right_span.root.head
        if (
            nxt is not None and nxt.pos_ in {"NOUN", "ADJ"} and right_span.root.dep_ in {"compound", "amod", "nmod"}
            and head.i >= right_span.end and not _inside_name(nxt, index)
            # (but "our Rocky Hill, Connecticut office": both places modify the noun)
            and head not in {index.mentions[left][1].root.head, index.mentions[left][1].root.head.head}
            and head.head != index.mentions[left][1].root
        ):
            continue
        # "Harbour United, Kestrel Rovers, Bellport Town, Orbitel City": four names or more in a row are a list
        if _list_length(tokens, k, index) >= 4:
            continue
        if _list_goes_on(sent, right_span, index):
            continue
        # "Lyon in France, Graz in Austria": items of a list of "X in Y", not Graz a region of France
        # (but "a plant in Leeds, Yorkshire in England" is a chain)
        doc = sent.doc
        after, before = right_span.end, index.mentions[left][1].start
        if (
            after + 1 < len(doc) and doc[after].lower_ == "in" and index.by_token.get(after + 1) is not None
            and before >= 2 and doc[before - 1].lower_ == "in" and index.by_token.get(before - 2) is not None
        ):
            continue
        yield left, right


def _list_goes_on(sent: Span, right: Span, index: _Index) -> bool:
    """Whether the name after a "Place, Name" comma is an item of a list that goes on: a third name
    follows, then "and" ("Brazoria, Fort Bend, Galveston and ..."), or it is an organisation followed
    by more items ("Luton, Preston, Queens Park Rangers, ..."), or "and other ..." comes soon (not
    "Rockville, Md., Bernero said")."""
    doc = sent.doc
    after = right.end
    if any(doc[i].lower_ == "and" and doc[i + 1].lower_ in {"other", "others"}
           for i in range(after, min(after + 8, sent.end - 1))):
        return True
    third = index.by_token.get(after + 1) if after + 1 < len(doc) and doc[after].text == "," else None
    if third is None:
        return False
    end = index.mentions[third][1].end
    nxt = doc[end].lower_ if end < len(doc) else ""
    if nxt in {"and", "or"} or nxt == "," and end + 1 < len(doc) and doc[end + 1].lower_ in {"and", "or"}:
        return True
    return nxt == "," and index.ontology.is_a(index.mentions[third][0].type, "Organization") \
        and index.mentions[third][0].label not in {"pronoun", "description"}


def _team_sheet(tokens: list[Token]) -> bool:
    """Whether a sentence is a team sheet: two semicolons or more, eight names or more (one to three
    capitalised words each) between the separators, and four or more in one line between semicolons."""
    if sum(t.text == ";" for t in tokens) < 2:
        return False
    # items: the words between separators; a name of one to three capitalised words ("Goode", "A Masi");
    # a team's line has four names or more between semicolons, an address three at most
    segments: list[list[list[Token]]] = [[[]]]
    for t in tokens:
        if t.text in {";", ":"}:
            segments.append([[]])
        elif t.text in {",", "."}:
            segments[-1].append([])
        else:
            segments[-1][-1].append(t)
    counts = [
        sum(1 for item in segment if 1 <= len(item) <= 3 and all(t.text[:1].isupper() for t in item))
        for segment in segments
    ]
    return sum(counts) >= 8 and max(counts) >= 4


def _list_length(tokens: list[Token], comma: int, index: _Index) -> int:
    """How many names stand in a row, separated by commas, around ``tokens[comma]`` (one sentence's tokens)."""
    offset = tokens[0].i

    def name_at(i: int) -> int | None:
        # the token's own name only (not the apposition fallback of _Index.at), so each step moves on
        return index.by_token.get(tokens[i].i) if 0 <= i < len(tokens) else None

    count = 0
    k = comma
    while (m := name_at(k - 1)) is not None:  # backwards from the name before the comma
        count += 1
        start = index.mentions[m][1].start - offset
        if not 1 <= start < k or tokens[start - 1].text != ",":
            break
        k = start - 1
    k = comma
    while (m := name_at(k + 1)) is not None:  # forwards from the name after it
        count += 1
        end = index.mentions[m][1].end - offset
        if not k < end < len(tokens) or tokens[end].text != ",":
            break
        k = end
    return count


def _bracket_place(sent: Span, pattern: Pattern, index: _Index) -> Iterator[tuple[int, int]]:
    """ "Bighorn Oil and Gas, an energy company (Casper, Wyoming)", "Orbitel Labs (Tacoma)": the
    places in brackets right after an organisation, or after the noun in apposition to it."""
    doc = sent.doc
    ontology = index.ontology
    for token in sent:
        if token.text != "(" or token.i == sent.start:
            continue
        close = next((t.i for t in doc[token.i + 1 : min(token.i + 8, sent.end)] if t.text == ")"), None)
        if close is None:
            continue
        inside = {m for i in range(token.i + 1, close) if (m := index.by_token.get(i)) is not None}
        if not inside or any(not ontology.is_a(index.mentions[m][0].type, "Place") for m in inside) or any(
            not (t.is_punct or index.by_token.get(t.i) is not None) for t in doc[token.i + 1 : close]
        ):
            continue  # only places, and commas between them
        if close + 1 < len(doc) and doc[close + 1].is_title and doc[close + 1].is_alpha:
            continue  # "Pixaya (UK) Limited": the bracket is inside a name
        before = doc[token.i - 1]
        org = index.by_token.get(before.i)
        left = before.left_edge.i
        if org is None and before.pos_ == "NOUN" and left >= 2 and doc[left - 1].text == ",":
            org = index.by_token.get(left - 2)  # "X, an energy company (Y)"
        if org is None or not ontology.is_a(index.mentions[org][0].type, "Organization"):
            continue
        for place in sorted(inside):
            yield org, place


#: Frames read off a whole sentence rather than a trigger word, in the order they are matched.
_SENTENCE_FRAMES: dict[str, _SentenceFrame] = {
    "BracketPlace": _bracket_place,
    "PlaceChain": _place_chain,
    "SourceLine": _source_line,
    "PlaceInName": _place_in_name,
    "Dateline": _dateline_pairs,
}


def _add(
    found: dict[tuple[int, str, int], RelationMention],
    pattern: Pattern,
    subj: int,
    obj: int,
    sent: Span,
    role: Role | None,
    index: _Index,
    ontology: Ontology,
    predicate: str | None = None,
) -> None:
    s_mention, o_mention = index.mentions[subj][0], index.mentions[obj][0]
    predicate = predicate or pattern.property
    prop = ontology.properties[predicate]
    for mention, constraint, default in (
        (s_mention, pattern.subject_type, prop.domain),
        (o_mention, pattern.object_type, prop.range),
    ):
        if not ontology.fits(mention.type, constraint) or not ontology.fits(mention.type, default):
            return
    if pattern.object_heads or pattern.except_object_heads:
        head = index.mentions[obj][1][-1].lower_
        if pattern.object_heads and head not in pattern.object_heads or head in pattern.except_object_heads:
            return  # "X, of the Kestrel Party": a party's people are its members, not its staff
    if prop.symmetric and (o_mention, s_mention) < (s_mention, o_mention):
        s_mention, o_mention = o_mention, s_mention
    key = (s_mention.start, predicate, o_mention.start)
    existing = found.get(key)
    if existing is not None and existing.confidence >= pattern.confidence:
        return
    raw = sent.text
    evidence = raw.strip()
    start = sent.start_char + (len(raw) - len(raw.lstrip()))
    found[key] = RelationMention(
        subject=s_mention,
        predicate=predicate,
        object=o_mention,
        confidence=pattern.confidence,
        sentence_start=start,
        sentence_end=start + len(evidence),
        evidence=evidence,
        pattern=pattern.name,
        role=role,
    )


def extract_doc(article: Article, doc: Doc, ontology: Ontology) -> Extraction:
    """Mentions and relations of one parsed article (before coreference)."""
    mentions = find_mentions(doc, ontology)
    relations = find_relations(doc, mentions, ontology)
    return Extraction(article=article, mentions=[m for m, _ in mentions], relations=relations)
