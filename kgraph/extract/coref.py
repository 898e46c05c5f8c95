"""Coreference inside one document: which mentions of a parsed article name the same thing.

Decides, from the parse, which mentions join: aliases and abbreviations ("Shonan Health
Innovation (iPark)"), surnames ("Fujimoto" -> "Toshio Fujimoto"), a knight's given name ("Sir
Anthony" -> "Sir Anthony Meyer"), shorter and longer forms of one name (a body's name cut before its
"of": "the Reserve Bank"; a firm's first word written after its full name: "Kellby"; a club's last word:
"Rovers" of "Kellby Rovers"; a person's first name after the one full name it opens: "Anil"), definite descriptions
("the cluster") and pronouns ("he"), each linked only when the evidence is clear: one candidate
entity in the last few sentences, judged by its cluster's kind (a company's "its" or "the
carmaker" never joins a person whose surname the NER took for a company) and gender (a "she"
does not count a person known to be a man, from "Mr" or an earlier "his", nor a "he" a woman),
or, for an "it" that opens its sentence as the subject, the name that was the first subject of
the sentence before.  Example: in "Tomas Vidal runs Kestrel Bank. He founded it in 2009.", "He" is Tomas
Vidal and "it" is Kestrel Bank.  Across documents, :mod:`kgraph.resolve` takes over.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kgraph.extract.countries import is_country
from kgraph.extract.description_fits import fitting_firm
from kgraph.extract.doc_text import doc_text, doc_tokens
from kgraph.extract.lexicon import _CONTINENTS
from kgraph.extract.party_names import party_key
from kgraph.extract.short_names import ShortNameContext, dominant_name, end_form_of, headline_end, short_form_of
from kgraph.models import Mention
from kgraph.names import NAME_LABELS, name_key, name_tokens, organisation_by_context
from kgraph.ontology import Ontology, per_ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["link_mentions"]

_WINDOW = 3  # sentences a pronoun or description may look back


@dataclass
class _Cluster:
    mentions: list[Mention] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    descriptors: set[str] = field(default_factory=set)

    def representative(self, firm: bool = False) -> Mention:
        """The cluster's fullest, most frequent name; of equal names one of the type most mentions
        have (a headline's "Norway 2-1 Estonia", an EVENT to the NER, does not make France an event),
        or with ``firm`` one typed an organisation (see :func:`~kgraph.names.organisation_by_context`)."""
        names = [m for m in self.mentions if m.label not in NAME_LABELS]
        pool = names or self.mentions
        counts = Counter(m.text for m in pool)
        types = Counter(m.type for m in pool)
        return max(
            pool,
            key=lambda m: (
                len(name_tokens(m.text)), counts[m.text], firm and m.type not in {"Person", "Place"}, types[m.type],
                -m.start,
            ),
        )


def _is_person(m: Mention) -> bool:
    return m.type == "Person"


def _compatible(a: Mention, b: Mention) -> bool:
    return (
        _is_person(a) == _is_person(b)
        or b.label == "PERSON"
        and a.label == "ORG"
        or a.label == "PERSON"
        and b.label == "ORG"
    )


def link_mentions(doc: Doc, mentions: list[tuple[Mention, Span]], ontology: Ontology) -> dict[Mention, Mention]:
    """Map every mention to the representative mention of its cluster.

    Pronouns and descriptions that cannot be resolved with clear evidence are absent
    from the result: relations on them are dropped.
    """
    names = [(m, s) for m, s in mentions if m.label not in NAME_LABELS]
    clusters: list[_Cluster] = []
    by_key: dict[str, _Cluster] = {}
    owner: dict[Mention, _Cluster] = {}

    parties, one_party = ontology.words("PartyWord"), ontology.words("ConservativePartyWord")

    def key_of(mention: Mention) -> str:
        """The mention's name key; a party's plural keyed as its word ("the Tories" as "Tory MP X"), one party's
        words alike ("Tory", "Conservative")."""
        key = name_key(mention.text, _is_person(mention))
        return key if _is_person(mention) else party_key(key, parties, one_party)

    def join(mention: Mention, cluster: _Cluster) -> None:
        cluster.mentions.append(mention)
        cluster.keys.add(key_of(mention))
        owner[mention] = cluster
        for key in cluster.keys:
            by_key.setdefault(key, cluster)

    # 1. same normalised name
    for mention, _ in sorted(names, key=lambda pair: (-len(pair[0].text), pair[0].start)):
        key = key_of(mention)
        cluster = by_key.get(key)
        if cluster is None:
            cluster = _Cluster()
            clusters.append(cluster)
        join(mention, cluster)

    # 2. abbreviations in brackets: "Shonan Health Innovation (iPark)"
    text = doc_text(doc)
    starts = {m.start: m for m, _ in names}
    for mention, _ in names:
        match = re.match(r"\s*\(\s*([^()\s][^()]{0,30}?)\s*\)", text[mention.end : mention.end + 40])
        inner = starts.get(mention.end + match.start(1)) if match else None
        if inner is not None and inner.type != mention.type and "Place" in {inner.type, mention.type}:
            continue  # "Orbitel Labs (Tacoma)": where the body is, not another name of it
        # "HOLTVILLE, Oregon (AP)": the agency after a dateline's place is no alias of it
        if match and _alias_like(match.group(1)) and mention.label != "dateline":
            alias_key = name_key(match.group(1))
            target = owner[mention]
            other = by_key.get(alias_key)
            if other is not None and other is not target:
                _merge(target, other, owner, by_key, clusters)
            target.keys.add(alias_key)
            by_key[alias_key] = target

    # descriptors from appositions and copulas: "X, the country's largest biotech cluster"
    for mention, span in names:
        root = span.root
        nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            nouns.append(root.head)
        if root.dep_ == "nsubj":
            nouns.extend(c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN")
        for noun in nouns:
            owner[mention].descriptors.add(noun.lemma_.lower())

    # 3. shorter forms: surname -> full name, "Shonan iPark" / "iPark", a name without its head noun
    context = ShortNameContext(
        text,
        headline_end(text),
        frozenset(key for c in clusters if _kind(c) == "Place" for key in c.keys),
        frozenset(key for c in clusters if _kind(c) != "Place" for key in c.keys),
    )
    settled: set[str] = set()
    for cluster in sorted(clusters, key=lambda c: min(len(k.split()) for k in c.keys)):
        if cluster not in clusters:
            continue
        # each of the cluster's names must point to exactly one longer name
        targets: list[_Cluster] = []
        if _kind(cluster) in {"Place", "Event"}:
            continue  # "York" is not "New York", "Yokohama" not "Pacifico Yokohama"
        given = _given_names(cluster)
        for short in sorted(cluster.keys - settled):
            matches = [
                other
                for other in clusters
                if other is not cluster
                and _compatible(cluster.mentions[0], other.mentions[0])
                and _kind(other) not in {"Place", "Event"}
                and any(
                    _ending_of(short, long, cluster, other, ontology, context)
                    or (short in given and _people(other) and _given_name_of(short, long))
                    or _first_word_of(short, long, cluster, other, ontology, context)
                    for long in other.keys
                )
                and not _described_otherwise(cluster, other, ontology)  # asked only of a name that fits
            ]
            # "Vidal" fits "Tomas Vidal" and "Tomas Andres Luis Vidal", one person's names
            matches = [
                m
                for m in matches
                if not any(
                    o is not m and any(_shorter_form(a, b, ontology, _people(m, o)) for a in m.keys for b in o.keys)
                    for o in matches
                )
            ]
            if len(matches) > 1 and not any(_kind(c) == "Person" for c in (cluster, *matches)):
                # "United" ends "Kellby United", named four times, and "Fans United", once: the club
                best = dominant_name([sum(m.label not in NAME_LABELS for m in c.mentions) for c in matches])
                matches = [] if best is None else [matches[best]]
                settled.add(short)  # joined to one name, not again to the other it ends
            if not matches and _kind(cluster) == "Person" and " " not in short:
                matches = _first_name_of(short, cluster, clusters)  # "Anil Ambani ... Anil, 45, resigned"
            if len(matches) == 1 and matches[0] not in targets:
                targets.append(matches[0])
        for target in targets:
            if target in clusters and cluster in clusters:
                _merge(target, cluster, owner, by_key, clusters)
                cluster = target

    # "his brother Anders": a first name alone, that opens no person's full name in the article, is nobody's node
    family = ontology.words("FamilyMemberNoun")
    spans = {m: s for m, s in names}
    clusters = [
        c for c in clusters
        if not (_kind(c) == "Person" and all(" " not in k for k in c.keys)
                and any(_given_alone(spans[m], family) for m in c.mentions if m in spans))
    ]

    links: dict[Mention, Mention] = {}
    # a name the NER took for a person that its context calls a firm ("oil firm Yukos") is a firm
    firms = {
        id(cluster)
        for cluster in clusters
        if organisation_by_context(cluster.mentions, lambda cls: ontology.is_a(cls, "Organization"))
    }
    for cluster in clusters:
        rep = cluster.representative(firm=id(cluster) in firms)
        for m in cluster.mentions:
            links[m] = rep

    # 4. pronouns and descriptions, in text order, looking back a few sentences
    sentence_of = {}
    tokens = doc_tokens(doc)
    for n, sent in enumerate(doc.sents):
        for token in tokens[sent.start : sent.end]:
            sentence_of[token.idx] = n
    ordered = sorted(mentions, key=lambda pair: pair[0].start)
    # what each person's cluster is known to be: "Ms. Berg", or "he" already linked to it
    genders: dict[int, set[str]] = defaultdict(set)
    for cluster in clusters:
        for m in cluster.mentions:
            if _is_person(m) and m.label not in NAME_LABELS and (gender := _gender(m.text)):
                genders[id(cluster)].add(gender)
    # a candidate is judged by its cluster, not by its own mention: "Ford" (an organisation to the
    # NER) in a cluster of "Bill Ford" is a person, so "the carmaker" or "its" is not him
    people = {id(cluster) for cluster in clusters if _kind(cluster) == "Person" and id(cluster) not in firms}
    described: dict[int, list[Span]] = defaultdict(list)  # a cluster's id -> the descriptions linked to it
    for k, (mention, span) in enumerate(ordered):
        if mention.label not in NAME_LABELS:
            continue
        conjunct = _conjunct_owner(mention, span, ordered[:k])
        if conjunct is not None:
            # the name owns the pronoun's noun; a kind that does not fit ("its" of a person) leaves it alone
            if conjunct in links and (id(owner[conjunct]) in people) == (mention.type == "Person"):
                links[mention] = links[conjunct]
            continue
        here = sentence_of.get(span[0].idx, 0)
        wanted_person = mention.type == "Person"
        window = [
            (m, s)
            for m, s in ordered[:k]
            if m in links
            and here - sentence_of.get(s[0].idx, 0) <= _WINDOW
            and m.label not in NAME_LABELS
            and m.label != "adjective"  # "Danish group X ... the country": a country never named is no antecedent
            and (id(owner[m]) in people) == wanted_person
        ]
        if mention.label == "pronoun":
            # "Y, which it bought in 2003": a pronoun is no other argument of its own verb
            others = _co_arguments(span.root)
            window = [(m, s) for m, s in window if not any(s.start <= t.i < s.end for t in others)]
        gender = _gender(mention.text) if mention.label == "pronoun" else None
        if gender is not None:
            # "Tomas Vidal ... his ... Ms. Berg ... her": a person known to be the other is no candidate
            window = [(m, s) for m, s in window if not genders[id(owner[m])] - {gender}]
        if mention.label == "pronoun" and _other_subject(span, ordered[:k], window, owner, links):
            continue  # "China said it had joined the WTO" when China, a place, is no candidate: not the bank before
        if mention.label == "description" and wanted_person and _named_in_place(span):
            continue  # "the chairman of X", "the new president, Ann Cole": a person of its own, not one before
        antecedent = _antecedent(mention, span, window, owner, ontology, spans, described)
        if antecedent is not None:
            links[mention] = links[antecedent]
            if mention.label == "description":
                # "unions at the Italian carmaker": what it says of its firm holds for the descriptions after it
                whole = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                described[id(owner[antecedent])].append(whole if whole is not None else span)
            if gender is not None:
                genders[id(owner[antecedent])].add(gender)
    return links


_FEMININE = frozenset("she her hers herself".split())
_MASCULINE = frozenset("he him his himself".split())
_FEMININE_ADDRESS = frozenset("ms ms. mrs mrs. miss madam lady dame queen princess".split())
_MASCULINE_ADDRESS = frozenset("mr mr. sir lord king prince".split())


def _gender(text: str) -> str | None:
    """ "she" and "Ms. Berg" are feminine, "his" and "Mr Vidal" masculine; a bare name is
    neither (nor is a surname that is a form of address: "King")."""
    words = text.lower().split()
    if len(words) == 1:
        return "f" if words[0] in _FEMININE else "m" if words[0] in _MASCULINE else None
    if words and words[0] in _FEMININE_ADDRESS:
        return "f"
    if words and words[0] in _MASCULINE_ADDRESS:
        return "m"
    return None


_ALIAS_GLUE = frozenset({"of", "and", "the", "for", "de", "du", "la", "&"})


def _alias_like(text: str) -> bool:
    """Whether bracketed text can be a name: "iPark", "\"Harbour Coal\"", "NASA", "Party of Labour";
    not a remark such as "acquired by Kestrel Systems" or "formerly Socialist"."""
    words = text.strip("\"'“”‘’ ").split()
    # every word is capitalised, a number or a linking word, and one at least has a capital:
    # not "(1994)", "(2.5%)" or "(and of the)"
    return (
        0 < len(words) <= 6
        and all(any(c.isupper() for c in w) or w.isdigit() or w.lower() in _ALIAS_GLUE for w in words)
        and any(any(c.isupper() for c in w) for w in words)
    )


def _kind(cluster: _Cluster) -> str:
    votes = Counter(m.type for m in cluster.mentions if m.label not in NAME_LABELS)
    return votes.most_common(1)[0][0] if votes else ""


def _described_otherwise(short: _Cluster, long: _Cluster, ontology: Ontology) -> bool:
    """Whether a description of one cluster says it is no kind of the other.

    "Vance, the Oregon ferry company, ... chairman Lena Vance": a name described as a company is no
    person's surname (nor a name described as a person's title an organisation's short name).
    """
    def organisation(cluster: _Cluster) -> bool | None:
        kinds = {cls for noun in cluster.descriptors if (cls := ontology.class_for_head(noun)) is not None}
        if any(ontology.is_a(cls, "Organization") for cls in kinds):
            return True
        return False if any(ontology.is_a(cls, "Person") for cls in kinds) else None

    short_is, long_is = organisation(short), organisation(long)
    long_is = long_is if long_is is not None else not _is_person(long.mentions[0])
    return short_is is not None and short_is != long_is


def _shorter_form(short: str, long: str, ontology: Ontology, people: bool = False) -> bool:
    """ "fujimoto" / "toshio fujimoto", "ipark" / "shonan ipark", "x y" / "x y park",
    and, for ``people``, "anthony meyer" / "anthony john charles meyer" (middle names left out;
    not for other names: "European Union" is not "European Monetary Union")."""
    words, longer = short.split(), long.split()
    if not words or len(longer) <= len(words):
        return False
    if short in ontology.words("PartyWord") and long in ontology.words("PartyWord"):
        return False  # "Democrat" is another party than "Liberal Democrat"
    if longer[-len(words) :] == words:
        return True
    if people and len(words) >= 2 and words[0] == longer[0] and words[-1] == longer[-1] and _in_order(words, longer):
        return True
    return (
        len(words) >= 2
        and len(longer) == len(words) + 1
        and longer[: len(words)] == words
        and ontology.class_for_head(longer[-1]) is not None
    )


def _first_word_of(
    short: str, long: str, cluster: _Cluster, other: _Cluster, ontology: Ontology, context: ShortNameContext
) -> bool:
    """Whether the organisation's name ``short`` is its longer name ``long`` cut before its "of" ("the Reserve
    Bank" of "the Reserve Bank of Kellmark"), or is its first word(s), written after the full name or in the
    headline before it ("Kellby Breweries ... a stake in Kellby"): an article names a firm in full, and by its
    first words (the guards are :func:`~kgraph.extract.short_names.short_form_of`'s).  Not where the short name
    is written with more words (a legal form: "Kellby Corp" is no "Kellby of Oslo"), nor is a person's ("Anna" /
    "Anna Berg"), nor one the article gave to another name ("Kellby Institute runs Marlow Science Park (Kellby)":
    the park's short name)."""
    words, longer = short.split(), long.split()
    if len(longer) <= len(words) or longer[: len(words)] != words:
        return False
    if not ontology.is_a(_kind(cluster), "Organization") or not ontology.is_a(_kind(other), "Organization"):
        return False
    named = [m for m in cluster.mentions if m.label not in NAME_LABELS and name_key(m.text) == short]
    if not named or any(list(name_tokens(m.text)) not in (words, ["the", *words]) for m in named):
        return False
    if longer[len(words)] == "of":
        return True
    if cluster.keys != {short}:
        return False  # a word the article gave as another name's short form ("X Park (Kellby)") is that name's
    full = [m.start for m in other.mentions if name_key(m.text) == long]
    written = [(m.start, m.text) for m in named]
    return bool(full) and short_form_of(words, longer, written, min(full), context, ontology)


def _ending_of(
    short: str, long: str, cluster: _Cluster, other: _Cluster, ontology: Ontology, context: ShortNameContext
) -> bool:
    """Whether ``short`` is a shorter form of ``long`` (:func:`_shorter_form`); where it is an organisation's last
    word(s), only with the guards of :func:`~kgraph.extract.short_names.end_form_of` ("Rovers" of "Kellby
    Rovers", not "Bank" of "Kellby Bank")."""
    if not _shorter_form(short, long, ontology, _people(cluster, other)):
        return False
    words, longer = short.split(), long.split()
    if _kind(cluster) == "Person" or _kind(other) == "Person" or longer[-len(words) :] != words:
        return True
    written = [(m.start, m.text) for m in cluster.mentions if m.label not in NAME_LABELS and name_key(m.text) == short]
    full = [m.start for m in other.mentions if m.label not in NAME_LABELS and name_key(m.text) == long]
    return not written or not full or end_form_of(words, longer, written, min(full), context, ontology)


def _first_name_of(short: str, cluster: _Cluster, clusters: list[_Cluster]) -> list[_Cluster]:
    """The one person whose full name the one-word person's name ``short`` opens, where the article writes it
    only after that full name ("Anil Ambani ... Anil, 45, resigned"); none where two full names open with it."""
    found = []
    for other in clusters:
        if other is cluster or _kind(other) != "Person":
            continue
        full = [
            m.start for m in other.mentions
            if m.label not in NAME_LABELS and _given_name_of(short, name_key(m.text, True))
        ]
        if full:
            found.append((other, min(full)))
    if len(found) != 1 or any(m.start < found[0][1] for m in cluster.mentions):
        return []
    return [found[0][0]]


def _given_alone(span: Span, family: frozenset[str]) -> bool:
    """Whether the name stands after a noun of a person's family, or in a list after one: "his brother
    Anders", "their sons, Per and Lars" (a first name written alone)."""
    token = span.root
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    k = token.i - 1
    if k >= 0 and span.doc[k].text == ",":
        k -= 1
    return k >= 0 and span.doc[k].lower_ in family


#: Honorifics that stand before a given name alone: "Sir Anthony" is "Sir Anthony Meyer", "Dame Judi" "Dame Judi Dench".
_GIVEN_NAME_HONORIFICS = frozenset({"sir", "dame"})


def _given_names(cluster: _Cluster) -> set[str]:
    """The keys of a cluster's names written as an honorific and a given name: "Sir Anthony" -> "anthony"."""
    found = set()
    for m in cluster.mentions:
        words = m.text.split()
        if len(words) == 2 and words[0].lower() in _GIVEN_NAME_HONORIFICS and _is_person(m):
            found.add(name_key(m.text, True))
    return found


def _given_name_of(given: str, long: str) -> bool:
    """Whether ``given`` opens the longer name ``long``: "anthony" / "anthony meyer"."""
    words = long.split()
    return len(words) >= 2 and " " not in given and words[0] == given


def _people(*clusters: _Cluster) -> bool:
    return all(_is_person(cluster.mentions[0]) for cluster in clusters)


def _in_order(words: list[str], longer: list[str]) -> bool:
    """Whether ``words`` occur in ``longer`` in the same order (not necessarily next to each other)."""
    rest = iter(longer)
    return all(word in rest for word in words)


def _merge(
    into: _Cluster,
    other: _Cluster,
    owner: dict[Mention, _Cluster],
    by_key: dict[str, _Cluster],
    clusters: list[_Cluster],
) -> None:
    for m in other.mentions:
        into.mentions.append(m)
        owner[m] = into
    into.keys |= other.keys
    into.descriptors |= other.descriptors
    for key in other.keys:
        by_key[key] = into
    clusters.remove(other)


def _antecedent(
    mention: Mention,
    span: Span,
    window: list[tuple[Mention, Span]],
    owner: dict[Mention, _Cluster],
    ontology: Ontology,
    spans: dict[Mention, Span],
    described: dict[int, list[Span]],
) -> Mention | None:
    wanted_person = mention.type == "Person"
    if mention.label == "pronoun" and _stance_object(span):
        return None  # "Tory MP X backed it": what one backs or votes for is a bill or a plan, not a body
    if mention.label == "pronoun":
        candidates = [m for m, _ in window if wanted_person or m.type != "Place"]
        if span.text.lower() == "its" and span.start >= 2 and span.doc[span.start - 1].text == ",":
            # "proceedings against Kestrel, its chief executive X and ...": the name the comma closes
            before = [(m, s) for m, s in window if m in candidates and s.end == span.start - 1]
            if before and _apposed_to(span, before[-1][1]):
                # "Orbitel, its largest shareholder, said": the noun describes the name, "its" is another's
                candidates = [m for m in candidates if owner[m] is not owner[before[-1][0]]]
            elif before:
                return before[-1][0]
        reporter = _reporting_subject(span, [(m, s) for m, s in window if m in candidates])
        if reporter is not None:
            return reporter
        clusters = {id(owner[m]) for m in candidates}
        if len(clusters) == 1:
            return candidates[-1]
        if wanted_person:
            return None  # "A met B. She said ...": left alone, people are too often both subjects in turn
        return _parallel_subject(span, [(m, s) for m, s in window if m in candidates])
    noun = span[-1].lemma_.lower()  # span.root can be "the" when the parser hangs it elsewhere
    # the span given leaves out a place inside the description ("the [German] lender"): the whole phrase is read
    whole = span.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    places = _places_of(whole if whole is not None else span)
    if wanted_person and places:
        # "Tomas Vidal met the French president": a person described by a country in the sentence that names
        # another is someone else; such a description takes up a person of an earlier sentence
        window = [(m, s) for m, s in window if s.sent.start < span.sent.start]
    elsewhere: set[int] = set()  # clusters whose place the description's rules out
    # "the country" is a country named before, "the city" or "the region" none: not Baghdad nor Iraq in turn
    window = [(m, s) for m, s in window if _kind_fits(noun, owner[m], ontology)]
    # a name whose head is the noun, or an entity described by it, most recent first
    for m, _ in reversed(window):
        cluster = owner[m]
        heads = {k.split()[-1] for k in cluster.keys}
        # a person's title never describes an organisation or a place, nor the other way round
        if noun in cluster.descriptors or noun in heads:
            if _placed_elsewhere(cluster, places, span.doc):
                elsewhere.add(id(cluster))
                continue  # "the Indonesian stock exchange" is not the "Bombay Stock Exchange" named before
            return m
    # otherwise a unique entity of the description's class in the window
    antecedents = _relative_antecedents(span)
    candidates = [
        m
        for m, s in window
        if ontology.is_a(m.type, mention.type)
        and not any(s.start <= t.i < s.end for t in antecedents)
        and id(owner[m]) not in elsewhere
        and not _placed_elsewhere(owner[m], places, span.doc)
    ]
    if len({id(owner[m]) for m in candidates}) == 1:
        return candidates[-1]
    if candidates and ontology.is_a(mention.type, "Organization"):
        # "Aldmark bought Fenwick Foods. The US company ...": the one firm its country or trade fits
        firms = {id(owner[m]): owner[m] for m in candidates}
        named = [
            (key, [spans[m] for m in cluster.mentions if m in spans], described[key]) for key, cluster in firms.items()
        ]
        chosen = fitting_firm(whole if whole is not None else span, named, ontology)
        if chosen is not None:
            return next(m for m in reversed(candidates) if id(owner[m]) == chosen)
    return None


def _kind_fits(noun: str, cluster: _Cluster, ontology: Ontology) -> bool:
    """Whether a place's description fits a cluster's kind of place: a kgx:CountryNoun ("the country", "the
    nation") only a country's name (:func:`kgraph.extract.countries.is_country`: a nation of the UK too: "Wales
    ... the country"); a kgx:TownNoun ("the city") or kgx:RegionNoun ("the province") no country's nor
    continent's. Any other noun fits whatever it fits."""
    country_noun = noun in ontology.words("CountryNoun")
    if not country_noun and noun not in _town_or_region_nouns(ontology):
        return True
    keys = [k.removeprefix("the ") for k in cluster.keys]
    if country_noun:
        return any(is_country(k, ontology) for k in keys)
    return not any(is_country(k, ontology) or k in _CONTINENTS for k in keys)


@per_ontology
def _town_or_region_nouns(ontology: Ontology) -> frozenset[str]:
    """The nouns of a town or a region (kgx:TownNoun, kgx:RegionNoun), joined once per ontology."""
    return ontology.words("TownNoun") | ontology.words("RegionNoun")


def _apposed_to(pronoun: Span, name: Span) -> bool:
    """Whether the noun a possessive pronoun is on stands in apposition to a name: "Orbitel, its largest
    shareholder" (the noun is Orbitel, "its" someone else); not a noun with a name or a list of its own, however
    parsed ("Kestrel, its chief executive X and two others": Kestrel and the people of Kestrel)."""
    noun = pronoun.root.head
    return (
        noun.dep_ == "appos"
        and noun.pos_ == "NOUN"  # "Kestrel, its parent Orbitel and ...": a name of its own is a list's item
        and name.start <= noun.head.i < name.end
        and not any(c.dep_ in {"appos", "conj", "cc"} for c in noun.children)
        and not any(t.pos_ == "CCONJ" for t in pronoun.doc[pronoun.end : noun.i])  # "its auditor and two brokers"
    )


def _place_words(word: str) -> set[str]:
    """The words that name the place a word of a description names: "Indonesian" -> indonesian, indonesia;
    "UK" -> the UK's other names ("british", "britain", ...)."""
    from kgraph.extract.lexicon import _COUNTRY_ADJECTIVES, _UK_AND_US

    found = {word}
    country = _COUNTRY_ADJECTIVES.get(word)
    if country is not None:
        found |= set(country.lower().split())
    if word in _UK_AND_US or country in {"UK", "US"}:
        found |= {w for name in _UK_AND_US for w in name.split()} | {"british", "american"}
    return found


def _places_of(description: Span) -> set[str]:
    """The words of the place a description puts its thing in: "the Indonesian stock exchange", "the Paris-based
    exchange", "the UK's biggest lender"; empty for "the company"."""
    from kgraph.extract.lexicon import _COUNTRY_ADJECTIVES

    found: set[str] = set()
    for token in description:
        if token.i == description[-1].i:
            continue
        word = token.lower_
        based = token.i + 2 < len(token.doc) and token.nbor(1).text == "-" and token.nbor(2).lower_ == "based"
        if word in _COUNTRY_ADJECTIVES or token.pos_ == "PROPN" and (token.ent_type_ in {"GPE", "LOC"} or based):
            found |= _place_words(word)
    return found


def _placed_elsewhere(cluster: _Cluster, places: set[str], doc: Doc) -> bool:
    """Whether a description's place rules a cluster out: its name names another place, a country or a place
    the article names ("London Stock Exchange" for "the Paris-based exchange", "Oslo Stock Exchange" for "the
    Danish stock exchange"). A name without a place ("Vodafone" for "the UK operator", "Kestrel Bank" for "the
    Norwegian bank") is not ruled out."""
    from kgraph.extract.lexicon import _COUNTRY_ADJECTIVES, _COUNTRY_NAMES

    if not places:
        return False
    words = {w for key in cluster.keys for w in key.split()}
    if words & places:
        return False
    # the article's places, not the cluster's own name however the NER labels it ("Solidere" as a GPE)
    own = {m.text.lower() for m in cluster.mentions}
    named_places = {e.text.lower() for e in doc.ents if e.label_ in {"GPE", "LOC"}} - own
    # a country in the name rules out only another country: "Bank of America" may be "the North Carolina-based
    # bank", "London Stock Exchange" is not "the Paris-based exchange"
    in_a_country = not places & (_COUNTRY_NAMES | set(_COUNTRY_ADJECTIVES))
    countries = set() if in_a_country else _COUNTRY_NAMES | set(_COUNTRY_ADJECTIVES)
    return any(w in countries or w in named_places and w not in _COUNTRY_NAMES for w in words)


#: Verbs of taking a side on a proposal: their object "it" is the bill or plan ("backed it", "voted against it").
_STANCE_VERBS = frozenset(
    "back support oppose reject approve endorse welcome criticise criticize condemn vote campaign argue".split()
)


def _stance_object(pronoun: Span) -> bool:
    """Whether an "it" is what a verb of taking a side is taken on: "X backed it", "Y voted for it", "Z argued
    against it" (an organisation is rarely backed or voted for by name as "it")."""
    token = pronoun.root
    if token.lower_ != "it":
        return False
    if token.dep_ == "dobj":
        return token.head.lemma_.lower() in _STANCE_VERBS
    prep = token.head
    return (
        token.dep_ == "pobj" and prep.lower_ in {"for", "against"} and prep.head.lemma_.lower() in _STANCE_VERBS
    )


#: The dependencies of a verb's subject and objects: a pronoun among them is none of the others.
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})


def _relative_antecedents(description: Span) -> list[Token]:
    """The names of a list a relative clause holding a description is about: in "shareholders A and B, who own
    30% of the club", "the club" is neither A nor B."""
    token = description.root
    for _ in range(8):
        if token.dep_ == "relcl":
            if not token.head.conjuncts:
                # one antecedent: a description that would be it is left as before ("CBS, which is owned by the
                # same parent company as MTV" is about neither CBS nor MTV)
                return []
            # each antecedent with the words before it in its phrase ("JP" in "JP Orrin")
            doc = token.doc
            return [doc[i] for h in (token.head, *token.head.conjuncts) for i in range(h.left_edge.i, h.i + 1)]
        if token.head.i == token.i:
            break
        token = token.head
    return []


def _co_arguments(pronoun: Token) -> list[Token]:
    """The other subjects and objects of the verb a subject or object pronoun belongs to, and the name a
    relative clause is about when its pronoun is one of them: in "Y, which it bought", "it" is not Y; in
    "X bought it", "it" is not X. Not a copula's complement ("it is Kestrel Bank" names it)."""
    if pronoun.dep_ not in _ARGUMENTS:
        return []
    verb = pronoun.head
    others = [c for c in verb.children if c.dep_ in _ARGUMENTS and c.i != pronoun.i]
    if verb.dep_ == "relcl" and any(c.tag_ in {"WDT", "WP"} for c in others):
        others.append(verb.head)
    return others


#: Possessive pronouns and the kind of name they may stand for in "X and its Y", "X and his Y".
_CONJUNCT_POSSESSIVES = frozenset({"its", "his", "her"})


def _conjunct_owner(mention: Mention, span: Span, before: list[tuple[Mention, Span]]) -> Mention | None:
    """The name a possessive pronoun in the next item of its list stands for: "Halvorsen and its former owner",
    "Tomas Vidal and his wife".

    The pronoun owns a noun joined to the name, so the name is the owner and no other name is (the caller
    links it only where the kinds fit). Not "X and their Y", which may be a group's.
    """
    word = mention.text.lower()
    if mention.label != "pronoun" or word not in _CONJUNCT_POSSESSIVES or span.root.dep_ != "poss":
        return None
    noun = span.root.head
    if noun.dep_ != "conj" or noun.head.i >= span.root.i:
        return None
    found = [m for m, s in before if s.start <= noun.head.i < s.end and m.label not in NAME_LABELS]
    return found[-1] if found else None


def _reporting_subject(pronoun: Span, candidates: list[tuple[Mention, Span]]) -> Mention | None:
    """The subject of the clause a subject pronoun's clause completes, when the sentence leaves no other reading.

    "Sigma Motors said it would buy Ferro Parts", "Lena Berg said she had joined Kestrel Bank":
    the pronoun is the subject of a clause that completes a verb, and that verb's subject is a
    name of the pronoun's kind. Names mentioned in earlier sentences do not compete; a party
    between the verb and the pronoun does ("Sigma told Ferro Parts it would ..." is left alone).
    """
    token = pronoun.root
    clause = token.head
    if token.dep_ not in {"nsubj", "nsubjpass"} or clause.dep_ != "ccomp":
        return None
    verb = clause.head
    if verb.i > token.i or _expletive(token) or not _reported_right_after(verb, clause, token):
        return None
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and verb.dep_ == "conj":  # "X confirmed the talks and said it would ..."
        subjects = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if len(subjects) != 1:
        return None
    subject = subjects[0]
    found = [m for m, s in candidates if s.start <= subject.i < s.end]
    return found[0] if len(found) == 1 else None


#: Verbs of an "it" that stands for no entity when an adjective and a clause follow: "it was important to ..."
_COPULAS = frozenset("be seem appear remain become".split())


def _reported_right_after(verb: Token, clause: Token, pronoun: Token) -> bool:
    """Whether the pronoun opens the clause right after its verb: "said (on Monday) (that) it ...".

    Anything else in between leaves another reading: a party ("told Ferro Parts it ..."), or a
    quotation mark ("said: \"He is ...\""), which opens direct speech, where "he" is somebody else.
    """
    for word in pronoun.doc[verb.i + 1 : pronoun.i]:
        if word.dep_ == "mark" and word.head == clause or word.pos_ in {"ADV", "PART"} or word.text == ",":
            continue
        if not any(word in child.subtree for child in verb.children if child.dep_ in {"prep", "npadvmod", "advmod"}):
            return False
    return True


def _expletive(pronoun: Token) -> bool:
    """ "it was important to ...", "it is clear that ...": an "it" that stands for the clause after it."""
    clause = pronoun.head
    if pronoun.lower_ != "it" or clause.lemma_ not in _COPULAS:
        return False
    complements = [c for c in clause.children if c.dep_ in {"acomp", "attr"}]
    extraposed = {"xcomp", "ccomp", "csubj"}
    return any(c.dep_ in extraposed for c in clause.children) or any(
        g.dep_ in extraposed for c in complements for g in c.children
    )


def _other_subject(
    pronoun: Span,
    before: list[tuple[Mention, Span]],
    window: list[tuple[Mention, Span]],
    owner: dict[Mention, _Cluster],
    links: dict[Mention, Mention],
) -> bool:
    """Whether a pronoun has a subject of its own sentence before it that no candidate is: a place or a
    name the NER took for a person ("China committed to ... when it joined ...", "Yukos claims that it is
    punished for ... its founder" with Yukos read as a person), or, for any pronoun, a person's description left
    alone ("The chairman of Orbitel said he ..."). That subject is the likelier antecedent, and it is not among
    the candidates, so the name before is not linked."""
    sentence = pronoun.root.sent
    first = next((t for t in sentence if t.dep_ in {"nsubj", "nsubjpass"} and t.i < pronoun.start), None)
    if first is None:
        return False
    clusters = {id(owner[m]) for m, _ in window if m.type != "Place"}  # an organisation's candidates
    found = [m for m, s in before if s.start <= first.i < s.end]
    if any(m.label == "description" and m not in links and m.type == "Person" for m in found):
        return True  # "The chairman of Orbitel said he ...": a person of its own, left alone, says it of himself
    found = [m for m in found if m.label not in NAME_LABELS and m in owner]
    if pronoun.root.lower_ not in {"it", "its"}:
        return False
    return bool(found) and all(id(owner[m]) not in clusters and _could_be_it(owner[m]) for m in found)


def _could_be_it(cluster: _Cluster) -> bool:
    """Whether a cluster the candidates leave out may still be what an "it" stands for: a place, or a name
    of one word the NER took for a person ("Yukos"), not a person named in full ("Ann Cole said its ...")."""
    kind = _kind(cluster)
    return kind == "Place" or kind == "Person" and all(len(name_tokens(m.text)) == 1 for m in cluster.mentions)


def _named_in_place(description: Span) -> bool:
    """Whether a person's description names its holder or its body right there: an apposition ("the new
    president, Ann Cole"), a copula's complement ("The highest paid manager was Ann Cole") or a title's "of"
    ("the chairman of Kestrel Bank"). Not a plain "the singer", "the son" or "the company's chairman", nor a
    title in apposition to the name before it ("Ann Cole, the chairman of Kestrel Bank") or a complement ("named
    Ann Cole as the chairman of Kestrel Bank")."""
    head = description.root
    # the apposition may hang on the title's body: "the new president of Kestrel Bank, Ann Cole"
    bodies = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for t in [head, *bodies] for c in t.children):
        return True
    for child in head.children:
        # a subject's title of a body: not an apposition that describes the name it stands beside ("Ann Cole,
        # the chairman of Kestrel Bank") nor a complement ("elected Ann Cole as the chairman of Kestrel Bank")
        if child.dep_ == "prep" and child.lower_ == "of" and head.dep_ in {"nsubj", "nsubjpass"}:
            if any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in child.children):
                return True
    if head.dep_ in {"nsubj", "nsubjpass"} and head.head.lemma_ == "be":
        return any(c.dep_ == "attr" and c.pos_ == "PROPN" for c in head.head.children)
    return False


def _main_subject(token: Token) -> bool:
    return token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "ROOT"


def _parallel_subject(pronoun: Span, candidates: list[tuple[Mention, Span]]) -> Mention | None:
    """The subject of the previous sentence, for an "it" that is the subject of the next one.

    "Kestrel Bank acquired Corvane Bank. It also acquired Orbitel.": when a sentence
    opens with a subject pronoun, it continues the previous sentence's subject. Only
    when the candidates stand in the sentence right before and one of them is the first
    subject there and its main clause's subject.
    """
    if not _main_subject(pronoun.root) or not candidates:
        return None
    sentence = pronoun.root.sent
    if any(t.dep_ in {"nsubj", "nsubjpass"} and t.i < pronoun.root.i for t in sentence):
        return None  # another subject comes first ("Orbitel said it ...")
    previous = sentence.start - 1
    if previous < 0:
        return None
    before = pronoun.doc[previous].sent
    # the first subject of that sentence must be the name: in "A delegation toured Y, the
    # Tacoma Herald said. It was led by ...", "It" is the delegation
    first = next((t for t in before if t.dep_ in {"nsubj", "nsubjpass"}), None)
    subjects = [m for m, s in candidates if first is not None and s.start <= first.i < s.end and _main_subject(first)]
    return subjects[-1] if len(subjects) == 1 else None

