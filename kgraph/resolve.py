"""Entity resolution across documents: which documents' mentions name the same thing.

After every document is extracted (and its mentions linked in the document by
:mod:`kgraph.extract.coref`), :func:`resolve_entities` makes one
:class:`~kgraph.models.Entity` per real-world thing, merged through normalised names
(:func:`kgraph.names.name_key`), without merging two people who only share a surname, or
two places of one name written with different regions ("Portland, Maine" and "Portland,
Ore."; the bare "Portland" joins one of them only when the corpus has no other).
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kgraph.extract.party_names import party_key
from kgraph.models import Entity, Extraction, Mention
from kgraph.names import NAME_LABELS, fold, name_key, name_tokens, organisation_by_context
from kgraph.ontology import Ontology

__all__ = ["resolve_entities", "Resolution"]

_NE_LABELS = {"PERSON", "ORG", "GPE"}  # spaCy NER labels: weaker evidence of a type than a rule


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
    # non-person cluster -> the type groups its descriptions give ("the company": Organization)
    cluster_evidence: dict[str, Counter[str]] = defaultdict(Counter)
    split_group: dict[str, str] = {}  # a cluster of a name split by type group -> its group
    person_clusters: set[str] = set()
    named_by: dict[str, set[str]] = defaultdict(set)  # a non-person name's key -> the clusters named so
    cluster_region: dict[str, tuple[str, str]] = {}  # cluster -> (its place's key, the region it was written with)
    # (cluster, a place's key, its region's key, the region as written): "Springfield, Ill."
    written_with_region: list[tuple[str, str, str, str]] = []
    # the loops below run once per mention of the corpus on every build, incremental
    # or not: they count by hand rather than through a Counter per cluster

    def is_organisation(cls: str) -> bool:
        return ontology.is_a(cls, "Organization")

    # "the Liberal Democrats" is the "Liberal Democrat" party; "Tory" and "Conservative" are one party
    parties, one_party = ontology.words("PartyWord"), ontology.words("ConservativePartyWord")

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
        # a cluster is named by where its representative starts, and by where it ends too when another starts
        # there: a country read inside a name ("British" in "British Airways") is no part of the name's node
        starts = Counter(rep.start for rep in groups)
        for rep, group in groups.items():
            named = [m for m in group if m.label not in NAME_LABELS]
            # a majority of the names, or the fullest name is a person's: "Roger Federer" and a bare
            # "Federer" the NER took for an organisation four times are a person (who never joins an
            # organisation of that name in another article: "Bill Ford" is not the company "Ford")
            person = 2 * sum(1 for m in named if m.type == "Person") > len(named) or _full_person_name(rep, named)
            # ... unless its context calls it a firm ("oil firm Yukos"): then that context outvotes the NER
            firm = organisation_by_context(group, is_organisation)  # ... or a place ("Italian airline Alitalia")
            person = person and not firm
            kind = "P" if person else "X"
            cid = f"{doc_id}\x00{rep.start}" if starts[rep.start] == 1 else f"{doc_id}\x00{rep.start}-{rep.end}"
            find(cid)
            if person:
                person_clusters.add(cid)
            cluster_members[cid] += [(doc_id, m) for m in group]
            types = cluster_types[cid]
            full_name: bool | None = None  # has the group a name of two words or more? (asked lazily)
            region = regions.get(rep) if not person else None
            if not person and len(named) < len(group):
                _described(group, types, cluster_evidence[cid], ontology)
            for m in named:
                types[m.type] += (2 if m.label not in _NE_LABELS else 1) + 2 * argued.get(m, 0)
                if firm and m.label in {"PERSON", "GPE", "LOC"} and is_organisation(m.type):
                    types[m.type] += len(named)
                key = name_key(m.text, person) if person else party_key(name_key(m.text), parties, one_party)
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
                if person:
                    union(cid, f"{kind}\x00{key}")
                else:
                    named_by[f"{kind}\x00{key}"].add(cid)  # decided below: one thing, or one per class
    for node, named_clusters in named_by.items():
        for cid, as_group in _by_class(named_clusters, cluster_types, cluster_evidence, ontology):
            union(cid, node if as_group is None else f"{node}\x00{as_group}")
            if as_group is not None:
                split_group[cid] = as_group
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
        named_pairs = [(doc_id, m) for doc_id, m in members if m.label not in NAME_LABELS]
        if not named_pairs:
            continue
        if len(cids) == 1:
            types = cluster_types[cids[0]]
        else:
            types = Counter()
            for cid in cids:
                types.update(cluster_types[cid])
        split = {split_group.get(cid) for cid in cids}
        if len(split) == 1 and (as_group := split.pop()) is not None:  # a name split by type: a class of its group
            types = Counter({t: n for t, n in types.items() if _type_group(t, ontology) == as_group}) or types
        cls = "Person" if all(cid in person_clusters for cid in cids) else _choose_type(types, ontology)
        person = cls == "Person"
        displays = [_display(m.text, person) for _, m in named_pairs]
        label_counts = Counter(displays)
        label = max(label_counts, key=lambda t: (len(name_tokens(t)), label_counts[t], t))
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


def _full_person_name(rep: Mention, named: list[Mention]) -> bool:
    """Whether the longest of a group's names is a person's name of two words or more.

    Coreference joins a bare surname to a person's full name only where it fits ("Federer" to
    "Roger Federer"), so a group led by a full name is that person, whatever the NER called
    the surname; on 2,225 BBC articles the NER calls such a surname an organisation more
    often than a person in 257 groups.
    """
    longest = max(named, key=lambda m: len(name_tokens(m.text)), default=rep)
    return longest.type == "Person" and len(name_tokens(longest.text)) > 1


_GROUPS = ("Organization", "Place", "Event", "Award")
#: The least share of a name's documents (its clusters) each thing of the name holds when one name is split
#: by type: 2 of France's 172 clusters described as an organisation (its team, its airline) are not one.
_MIN_SHARE = 0.1


def _described(group: list[Mention], types: Counter[str], evidence: Counter[str], ontology: Ontology) -> None:
    """Count the descriptions coreference linked to a name ("the exhibition centre", "the company").

    They are a document's strong evidence of what the name is: they weigh in its type, and in
    ``evidence`` (type group -> descriptions) that decides whether one name is two things across
    documents. Nothing else is: a rule's retyping of a name is often a modifier read as the name
    ("the London exchange", "the US firm"), and the NER's label, however often repeated, is the
    noise the merge corrects (one article types a telecoms company a place six times out of six).
    """
    for m in group:
        if m.label == "description" and m.type in ontology.classes:
            types[m.type] += 2
            kind = _type_group(m.type, ontology)
            # "the UK ... the government": a country's government is no other thing of its name
            if kind in _GROUPS and m.type != "GovernmentBody":
                evidence[kind] += 1


def _strong_group(evidence: Counter[str] | None) -> str | None:
    """The type group descriptions give a cluster, when they give one only (else the cluster is mixed)."""
    if not evidence:
        return None
    return next(iter(evidence)) if len(evidence) == 1 else None


def _by_class(
    cids: set[str],
    cluster_types: dict[str, Counter[str]],
    cluster_evidence: dict[str, Counter[str]],
    ontology: Ontology,
) -> list[tuple[str, str | None]]:
    """Which type group's entity each cluster of one non-person name joins (None: the name's one entity).

    Clusters of one name stay one thing unless documents give strong evidence of two type groups
    ("the NEC, the exhibition centre" in one, "NEC, the company" in another); then each cluster joins
    its group, a cluster with weak evidence only (an NER label) the group of its NER type if strong
    evidence elsewhere gives it, else the group with the most strong evidence.
    """
    strong = {cid: _strong_group(cluster_evidence.get(cid)) for cid in cids}
    groups = Counter(g for g in strong.values() if g is not None)
    if len(groups) < 2:
        return [(cid, None) for cid in cids]
    totals: Counter[str] = Counter()
    for cid in cids:
        totals.update(cluster_evidence.get(cid, ()))
    out: list[tuple[str, str | None]] = []
    for cid in sorted(cids):
        group = strong[cid]
        if group is None:
            weak = _type_group(_choose_type(cluster_types[cid], ontology), ontology)
            group = weak if weak in groups else max(sorted(groups), key=lambda g: (groups[g], totals[g]))
        out.append((cid, group))
    # two things of one name each hold a real share of its articles; a name the corpus uses for one
    # thing nearly always keeps its few other descriptions as that thing's: a country's team or airline
    # ("France ... the French team"), or coreference's slips
    shares = Counter(group for _, group in out)
    if min(shares.values()) < _MIN_SHARE * len(out):
        return [(cid, None) for cid in cids]
    return out


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
    """A name as a label: spaces tidied, no leading "the", no honorific or public office for a person ("President
    Ana Ruiz" is labelled "Ana Ruiz"; the office is a relation of its own, kg:holdsOfficeIn)."""
    text = fold(" ".join(text.split()))
    text = re.sub(r"^(?:the|The)\s+", "", text)
    text = re.sub(r"'s$", "", text)
    if person:
        words = text.split()
        while len(words) > 1 and words[0].lower().rstrip(".") in _HONORIFICS | _OFFICES:
            words = words[1:]
        text = " ".join(words)
    return text


_HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "rev"}
#: Words of a public office that the NER sometimes takes into a person's name ("President X", "Prime Minister Y",
#: "Gov. Z"); titles of rank and nobility ("Lord X", "King Y", "Gen. Z") are how the person is known and stay.
_OFFICES = {"president", "vice", "prime", "minister", "chancellor", "senator", "sen", "governor", "gov", "mayor"}
