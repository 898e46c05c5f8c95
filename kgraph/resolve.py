"""Entity resolution: which mentions name the same thing.

Within a document (:func:`link_mentions`, needs the parse): aliases and abbreviations
("Shonan Health Innovation (iPark)"), surnames ("Fujimoto" -> "Toshio Fujimoto"),
shorter and longer forms of one name, definite descriptions ("the cluster") and
pronouns ("he"), each linked only when the evidence is clear: one candidate entity in
the last few sentences (a "she" does not count a person known to be a man, from "Mr" or
an earlier "his", nor a "he" a woman), or, for an "it" that opens its sentence as the
subject, the name that was the first subject of the sentence before.

Across documents (:func:`resolve_entities`): one :class:`~kgraph.models.Entity` per
real-world thing, merged through normalised names (:func:`name_key`), without merging
two people who only share a surname, or two places of one name written with different
regions ("Portland, Maine" and "Portland, Ore."; the bare "Portland" joins one of them
only when the corpus has no other).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kgraph.extract.rules import PERSON_TITLES
from kgraph.models import Entity, Extraction, Mention
from kgraph.ontology import Ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["name_key", "link_mentions", "resolve_entities", "Resolution"]

#: Words dropped from the front of a person's name when names are compared.
_TITLES = PERSON_TITLES | {"ceo", "chairman", "chief", "executive"}
_LEGAL = {"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "gmbh", "ag", "sa", "limited", "incorporated"}
_NAME_LABELS = {"pronoun", "description"}
_NE_LABELS = {"PERSON", "ORG", "GPE"}  # spaCy NER labels: weaker evidence of a type than a rule
_WINDOW = 3  # sentences a pronoun or description may look back


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return text


@functools.lru_cache(maxsize=1 << 17)  # names repeat across a corpus
def _tokens(text: str) -> tuple[str, ...]:
    text = _fold(text)
    text = re.sub(r"'s\b", "", text)
    text = text.replace("&", " and ")
    words = re.findall(r"[\w][\w.\-]*", text)
    out = []
    for w in words:
        w = w.strip(".-")
        if not w:
            continue
        if re.fullmatch(r"[A-Z]{2,}s", w):  # "SMEs" -> "SME"
            w = w[:-1]
        out.append(w.lower())
    return tuple(out)


@functools.lru_cache(maxsize=1 << 17)
def name_key(text: str, person: bool = False) -> str:
    """Normalised form of a name for matching: case, punctuation, titles, legal forms.

    >>> name_key("Korea's Ministry of SMEs & Startups")
    'korea ministry of sme and startups'
    """
    words = list(_tokens(text))
    while words and words[0] in {"the", "a", "an"}:
        words = words[1:]
    if person:
        while len(words) > 1 and words[0] in _TITLES:
            words = words[1:]
    while len(words) > 1 and words[-1] in _LEGAL:
        words = words[:-1]
    return " ".join(words)


# ------------------------------------------------------------------------------------ in a document


@dataclass
class _Cluster:
    mentions: list[Mention] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    descriptors: set[str] = field(default_factory=set)

    def representative(self) -> Mention:
        names = [m for m in self.mentions if m.label not in _NAME_LABELS]
        pool = names or self.mentions
        counts = Counter(m.text for m in pool)
        # of equal names, one of the type most mentions have: a headline's "Norway 2-1 Estonia"
        # (an EVENT to the NER) does not make France an event
        types = Counter(m.type for m in pool)
        return max(pool, key=lambda m: (len(_tokens(m.text)), counts[m.text], types[m.type], -m.start))


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
    names = [(m, s) for m, s in mentions if m.label not in _NAME_LABELS]
    clusters: list[_Cluster] = []
    by_key: dict[str, _Cluster] = {}
    owner: dict[Mention, _Cluster] = {}

    def join(mention: Mention, cluster: _Cluster) -> None:
        cluster.mentions.append(mention)
        cluster.keys.add(name_key(mention.text, _is_person(mention)))
        owner[mention] = cluster
        for key in cluster.keys:
            by_key.setdefault(key, cluster)

    # 1. same normalised name
    for mention, _ in sorted(names, key=lambda pair: (-len(pair[0].text), pair[0].start)):
        key = name_key(mention.text, _is_person(mention))
        cluster = by_key.get(key)
        if cluster is None:
            cluster = _Cluster()
            clusters.append(cluster)
        join(mention, cluster)

    # 2. abbreviations in brackets: "Shonan Health Innovation (iPark)"
    text = doc.text
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

    # 3. shorter forms: surname -> full name, "Shonan iPark" / "iPark", a name without its head noun
    for cluster in sorted(clusters, key=lambda c: min(len(k.split()) for k in c.keys)):
        if cluster not in clusters:
            continue
        # each of the cluster's names must point to exactly one longer name
        targets: list[_Cluster] = []
        if _kind(cluster) in {"Place", "Event"}:
            continue  # "York" is not "New York", "Yokohama" not "Pacifico Yokohama"
        for short in sorted(cluster.keys):
            matches = [
                other
                for other in clusters
                if other is not cluster
                and _compatible(cluster.mentions[0], other.mentions[0])
                and _kind(other) not in {"Place", "Event"}
                and any(_shorter_form(short, long, ontology) for long in other.keys)
            ]
            if len(matches) == 1 and matches[0] not in targets:
                targets.append(matches[0])
        for target in targets:
            if target in clusters and cluster in clusters:
                _merge(target, cluster, owner, by_key, clusters)
                cluster = target

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

    links: dict[Mention, Mention] = {}
    for cluster in clusters:
        rep = cluster.representative()
        for m in cluster.mentions:
            links[m] = rep

    # 4. pronouns and descriptions, in text order, looking back a few sentences
    sentence_of = {}
    for n, sent in enumerate(doc.sents):
        for token in sent:
            sentence_of[token.idx] = n
    ordered = sorted(mentions, key=lambda pair: pair[0].start)
    # what each person's cluster is known to be: "Ms. Calico", or "he" already linked to it
    genders: dict[int, set[str]] = defaultdict(set)
    for cluster in clusters:
        for m in cluster.mentions:
            if _is_person(m) and m.label not in _NAME_LABELS and (gender := _gender(m.text)):
                genders[id(cluster)].add(gender)
    for k, (mention, span) in enumerate(ordered):
        if mention.label not in _NAME_LABELS:
            continue
        here = sentence_of.get(span[0].idx, 0)
        window = [
            (m, s)
            for m, s in ordered[:k]
            if m in links and here - sentence_of.get(s[0].idx, 0) <= _WINDOW and m.label not in _NAME_LABELS
        ]
        gender = _gender(mention.text) if mention.label == "pronoun" else None
        if gender is not None:
            # "Tomas Vidal ... his ... Ms. Berg ... her": a person known to be the other is no candidate
            window = [(m, s) for m, s in window if not genders[id(owner[m])] - {gender}]
        antecedent = _antecedent(mention, span, window, owner, ontology)
        if antecedent is not None:
            links[mention] = links[antecedent]
            if gender is not None:
                genders[id(owner[antecedent])].add(gender)
    return links


_FEMININE = frozenset("she her hers herself".split())
_MASCULINE = frozenset("he him his himself".split())
_FEMININE_ADDRESS = frozenset("ms ms. mrs mrs. miss madam lady dame queen princess".split())
_MASCULINE_ADDRESS = frozenset("mr mr. sir lord king prince".split())


def _gender(text: str) -> str | None:
    """ "she" and "Ms. Calico" are feminine, "his" and "Mr Vidal" masculine; a bare name is
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
    votes = Counter(m.type for m in cluster.mentions if m.label not in _NAME_LABELS)
    return votes.most_common(1)[0][0] if votes else ""


def _shorter_form(short: str, long: str, ontology: Ontology) -> bool:
    """ "fujimoto" / "toshio fujimoto", "ipark" / "shonan ipark", "x y" / "x y park"."""
    words, longer = short.split(), long.split()
    if not words or len(longer) <= len(words):
        return False
    if longer[-len(words) :] == words:
        return True
    return (
        len(words) >= 2
        and len(longer) == len(words) + 1
        and longer[: len(words)] == words
        and ontology.class_for_head(longer[-1]) is not None
    )


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
) -> Mention | None:
    if mention.label == "pronoun":
        wanted_person = mention.type == "Person"
        candidates = [m for m, _ in window if _is_person(m) == wanted_person and (wanted_person or m.type != "Place")]
        clusters = {id(owner[m]) for m in candidates}
        if len(clusters) == 1:
            return candidates[-1]
        if wanted_person:
            return None  # "A met B. She said ...": left alone, people are too often both subjects in turn
        return _parallel_subject(span, [(m, s) for m, s in window if m in candidates])
    noun = span[-1].lemma_.lower()  # span.root can be "the" when the parser hangs it elsewhere
    # a name whose head is the noun, or an entity described by it, most recent first
    for m, _ in reversed(window):
        cluster = owner[m]
        heads = {k.split()[-1] for k in cluster.keys}
        # a person's title never describes an organisation or a place, nor the other way round
        if (noun in heads or noun in cluster.descriptors) and _is_person(m) == _is_person(mention):
            return m
    # otherwise a unique entity of the description's class in the window
    candidates = [m for m, _ in window if ontology.is_a(m.type, mention.type)]
    if len({id(owner[m]) for m in candidates}) == 1:
        return candidates[-1]
    return None


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
    # the first subject of that sentence must be the name: in "A delegation visited Y, the
    # Financial Times reported. It was led by ...", "It" is the delegation
    first = next((t for t in before if t.dep_ in {"nsubj", "nsubjpass"}), None)
    subjects = [m for m, s in candidates if first is not None and s.start <= first.i < s.end and _main_subject(first)]
    return subjects[-1] if len(subjects) == 1 else None


# ------------------------------------------------------------------------------------ across documents


@dataclass
class Resolution:
    """Entities of a corpus and, per (document id, mention), the entity's key."""

    entities: dict[str, Entity]
    mention_entity: dict[tuple[str, Mention], str]
    mention_count: Counter[str]
    documents: dict[str, set[str]]  # entity key -> ids of documents mentioning it

    @property
    def merged_mentions(self) -> int:
        return sum(self.mention_count.values())


def resolve_entities(extractions: Iterable[Extraction], ontology: Ontology) -> Resolution:
    """Merge the per-document clusters of every extraction into corpus entities."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    cluster_members: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
    cluster_types: dict[str, Counter[str]] = defaultdict(Counter)
    cluster_region: dict[str, tuple[str, str]] = {}  # cluster -> (its place's key, the region it was written with)
    # (cluster, a place's key, its region's key, the region as written): "Springfield, Ill."
    written_with_region: list[tuple[str, str, str, str]] = []
    # the loops below run once per mention of the corpus on every build, incremental
    # or not: they count by hand rather than through a Counter per cluster
    for ex in extractions:
        doc_id = ex.article.id
        groups: dict[Mention, list[Mention]] = {}
        for m, rep in ex.links.items():
            group = groups.get(rep)
            if group is None:
                groups[rep] = [m]
            else:
                group.append(m)
        # a name that is the argument of a relation had its type checked against the property's
        # domain or range: that is stronger evidence than the NER label of a bare mention
        argued = Counter(m for rel in ex.relations for m in (rel.subject, rel.object))
        regions = _regions(ex)
        for rep, group in groups.items():
            named = [m for m in group if m.label not in _NAME_LABELS]
            person = 2 * sum(1 for m in named if m.type == "Person") > len(named)  # a majority of the names
            kind = "P" if person else "X"
            cid = f"{doc_id}\x00{rep.start}"
            find(cid)
            cluster_members[cid] += [(doc_id, m) for m in group]
            types = cluster_types[cid]
            full_name: bool | None = None  # has the group a name of two words or more? (asked lazily)
            region = regions.get(rep) if not person else None
            for m in named:
                types[m.type] += (2 if m.label not in _NE_LABELS else 1) + 2 * argued.get(m, 0)
                key = name_key(m.text, person)
                if not key:
                    continue
                if person and " " not in key:  # a one-word name ...
                    if full_name is None:
                        full_name = any(" " in name_key(o.text, True) for o in group)
                    if full_name:
                        continue  # ... a surname links only inside its own document
                if region is not None:
                    written_with_region.append((cid, f"{kind}\x00{key}", name_key(region.text), _display(region.text)))
                    continue  # decided below, once the whole corpus is read
                union(cid, f"{kind}\x00{key}")
    # "Springfield, Ill." is not "Springfield, Mass.": a place written with its region is keyed by both,
    # when the region is one: it is the region of two places of the corpus or more, and the place is
    # no region itself ("Australia, Italy" in a list is neither)
    served: dict[str, set[str]] = defaultdict(set)
    for _, place, region_key, _ in written_with_region:
        served[region_key].add(place)
    region_names = {f"X\x00{region_key}" for region_key in served}  # as keys of places (kind "X", not "P")
    qualified: dict[str, set[str]] = defaultdict(set)  # a place's key -> its keys with a region
    for cid, place, region_key, region_label in written_with_region:
        if len(served[region_key]) < 2 or place in region_names:
            union(cid, place)
            continue
        qualified[place].add(f"{place}\x00{region_key}")
        cluster_region[cid] = (place, region_label)
        union(cid, f"{place}\x00{region_key}")
    # a place named without its region is the place named with one, when there is only one
    for key, variants in qualified.items():
        if len(variants) == 1 and key in parent:
            union(key, next(iter(variants)))
    ambiguous = {key for key, variants in qualified.items() if len(variants) > 1}

    roots: dict[str, list[str]] = defaultdict(list)
    for cid in cluster_members:
        roots[find(cid)].append(cid)

    entities: dict[str, Entity] = {}
    mention_entity: dict[tuple[str, Mention], str] = {}
    counts: Counter[str] = Counter()
    documents: dict[str, set[str]] = {}
    for cids in roots.values():
        members = [pair for cid in sorted(cids) for pair in cluster_members[cid]]
        named_pairs = [(doc_id, m) for doc_id, m in members if m.label not in _NAME_LABELS]
        if not named_pairs:
            continue
        if len(cids) == 1:
            types = cluster_types[cids[0]]
        else:
            types = Counter()
            for cid in cids:
                types.update(cluster_types[cid])
        cls = _choose_type(types, ontology)
        person = cls == "Person"
        displays = [_display(m.text, person) for _, m in named_pairs]
        label_counts = Counter(displays)
        label = max(label_counts, key=lambda t: (len(_tokens(t)), label_counts[t], t))
        # two places of one name in the corpus: each is labelled with its region
        written_in = Counter(
            cluster_region[cid][1] for cid in cids if cid in cluster_region and cluster_region[cid][0] in ambiguous
        )
        if written_in:
            label = f"{label}, {max(written_in, key=lambda r: (written_in[r], r))}"
        key = name_key(label, person) + "|" + ("Person" if person else _type_group(cls, ontology))
        aliases = tuple(sorted(set(displays) - {label}))
        if key in entities:  # two clusters that normalise alike but were kept apart (surnames)
            key = key + "|" + min(cids)
        entities[key] = Entity(key=key, type=cls, label=label, aliases=aliases)
        for pair in members:
            mention_entity[pair] = key
        counts[key] = len(named_pairs)
        documents[key] = {doc_id for doc_id, _ in named_pairs}
    return Resolution(entities=entities, mention_entity=mention_entity, mention_count=counts, documents=documents)


def _regions(extraction: Extraction) -> dict[Mention, Mention]:
    """Places written with the region they are in ("Springfield, Ill."): place -> region,
    both as their representatives in the document; the nearest region when there are more."""
    links = extraction.links
    found: dict[Mention, tuple[int, Mention]] = {}
    for rel in extraction.relations:
        if "locatedIn/PlaceChain" not in rel.pattern.split("+") or rel.object.start < rel.subject.end:
            continue
        place, region = links.get(rel.subject), links.get(rel.object)
        if place is None or region is None or place == region:
            continue
        if place not in found or rel.object.start < found[place][0]:
            found[place] = (rel.object.start, region)
    return {place: region for place, (_, region) in found.items()}


def _choose_type(types: Counter[str], ontology: Ontology) -> str:
    if not types:
        return "Entity"
    best = max(types.values())
    top = [t for t, n in types.items() if n == best]
    # the most specific of the tied classes
    return max(sorted(top), key=lambda t: len(ontology.classes[t].ancestors) if t in ontology.classes else 0)


def _type_group(cls: str, ontology: Ontology) -> str:
    for group in ("Organization", "Place", "Event", "Award"):
        if ontology.is_a(cls, group):
            return group
    return cls


@functools.lru_cache(maxsize=1 << 17)
def _display(text: str, person: bool = False) -> str:
    """A name as a label: spaces tidied, no leading "the", no honorific for a person."""
    text = _fold(" ".join(text.split()))
    text = re.sub(r"^(?:the|The)\s+", "", text)
    text = re.sub(r"'s$", "", text)
    if person:
        words = text.split()
        while len(words) > 1 and words[0].lower().rstrip(".") in _HONORIFICS:
            words = words[1:]
        text = " ".join(words)
    return text


_HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "rev"}
