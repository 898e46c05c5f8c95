"""Interactive HTML viewer: one self-contained page that draws a kgraph graph.

``write_html`` reads the graph contract (entities, relations backed by ``rdf:Statement``
nodes, documents, roles), builds the vis-network nodes, edges and options with pyvis,
and renders them with kgraph's own template (``kgraph/export/viewer/``) instead of
pyvis's, because pyvis's templates link Bootstrap and vis-network from CDNs and build
tooltips with ``innerHTML``.

The page is offline and inert by construction:

* vis-network's JS/CSS (shipped inside the pyvis package) and the viewer's own JS/CSS
  are inlined; a Content-Security-Policy allows no network request and runs only the
  two inline scripts whose SHA-256 hashes it lists, so injected markup cannot run code.
* All article text travels as JSON in a ``<script type="application/json">`` block
  with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, and the viewer puts it on the
  page with ``textContent`` only.

The layout is computed in Python (:mod:`kgraph.export.layout`), so the page runs no
physics and is still and usable as soon as it has drawn. Entities in no relation are
not drawn but listed beside the drawing, where one click draws one; the page opens on
the best connected entities with their names readable (:mod:`kgraph.export.sizing`).
Large graphs are cut to the ``max_nodes`` most connected entities (see
``DEFAULT_MAX_NODES`` for how the default was measured) and the page says what was
left out and how to see more.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS
from rdflib.term import Node

from kgraph.export import write_bytes_atomically
from kgraph.export.layout import LayoutMemo, layout
from kgraph.export.sizing import (
    BASE_FONT,
    RELATION_FONT,
    extent,
    font_size,
    node_size,
    opening_view,
    relation_label_size,
    short_name,
)
from kgraph.graph import KGDataset
from kgraph.ontology import ONTOLOGY_DIR

__all__ = ["DEFAULT_MAX_NODES", "HtmlReport", "LayoutMemo", "write_html"]

#: Entities drawn at most by default. Measured with ``bench/viewer.py`` (headless
#: Chromium, the project's 2-core machine shared with other work, load average 4-5):
#: time to interactive grows with the entities plus relations drawn, about 1 s plus
#: 0.06-0.1 ms per item. All 5,000 entities and 15,000 relations opened in 2.3-3.5 s
#: (medians of three loads; slowest load 3.7 s), inside the 5 s budget; 3,000 saved
#: only about 0.3-1 s. Denser graphs (over 4 relations per entity) cost more per entity.
#: Since entities in no relation are listed instead of drawn and the page opens on the
#: best connected part, that graph (4,249 drawn, 751 listed) opens in 1.1-1.7 s (median
#: of five loads 1.4 s, load average 6.5).
DEFAULT_MAX_NODES = 5000

_KG = Namespace("https://w3id.org/kgraph/ontology#")
_ENTITY_BASE = "https://w3id.org/kgraph/id/"
_SCHEMA_TYPES = frozenset({OWL.ObjectProperty, OWL.SymmetricProperty, RDF.Property, OWL.Class, RDFS.Class})

_VIEWER_DIR = Path(__file__).with_name("viewer")
_PROJECT_ONTOLOGY = ONTOLOGY_DIR / "kgraph.ttl"  # the ontology kgraph ships with (package data when installed)


@dataclass(frozen=True)
class _ClassStyle:
    """How one ontology class is drawn."""

    iri: URIRef | None
    label: str
    color: str
    shape: str


# Most specific first: an entity typed both GovernmentBody and Organization is drawn
# as a government body. Colours are Tableau 10 (distinct for most colour vision);
# shapes differ too, so the legend still works in grey.
_CLASS_STYLES: tuple[_ClassStyle, ...] = (
    _ClassStyle(_KG.GovernmentBody, "Government body", "#e15759", "hexagon"),
    _ClassStyle(_KG.Organization, "Organisation", "#f28e2b", "square"),
    _ClassStyle(_KG.Person, "Person", "#4e79a7", "dot"),
    _ClassStyle(_KG.Place, "Place", "#59a14f", "triangle"),
    _ClassStyle(_KG.Event, "Event", "#b07aa1", "star"),
    _ClassStyle(_KG.Award, "Award", "#edc948", "diamond"),
    _ClassStyle(None, "Other entity", "#9c9c9c", "dot"),
)
_OTHER = len(_CLASS_STYLES) - 1
_NOT_ENTITY_TYPES = frozenset({_KG.Document, _KG.Role, RDF.Statement})
# Graph bookkeeping that links entities but is not a relation to draw.
_NOT_RELATIONS = frozenset({RDF.type, _KG.mentionedIn, PROV.wasDerivedFrom})
# rdflib's namespace attribute lookups cost microseconds each: hot paths use these
_TYPE, _LABEL, _ALT_LABEL, _SUBCLASS = RDF.type, RDFS.label, SKOS.altLabel, RDFS.subClassOf
_STATEMENT, _ROLE, _DOCUMENT = RDF.Statement, _KG.Role, _KG.Document
_MENTIONED_IN = _KG.mentionedIn
_MENTION_COUNT = _KG.mentionCount
_EVIDENCE = _KG.evidence
_CONFIDENCE = _KG.confidence
_EXTRACTOR = _KG.extractor

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


@dataclass(frozen=True)
class HtmlReport:
    """What ``write_html`` drew.

    >>> report = write_html(graph, Path("out/graph.html"))
    >>> report.truncated, report.nodes_drawn, report.nodes_total
    (False, 42, 42)
    """

    nodes_drawn: int
    edges_drawn: int
    nodes_total: int
    edges_total: int
    truncated: bool
    #: entities on the page but not drawn, because no drawn relation links them:
    #: the side panel lists them and draws one on request
    nodes_listed: int = 0


@dataclass
class _Entity:
    iri: URIRef
    label: str
    alt_labels: list[str]
    style: int
    docs: list[str]
    mentions: int
    roles: list[str] = field(default_factory=list)


@dataclass
class _Relation:
    subject: URIRef
    predicate: URIRef
    object: URIRef
    symmetric: bool
    # (evidence, document IRI or "", confidence lexical form or "", extractor)
    evidence: set[tuple[str, str, str, str]] = field(default_factory=set)


def write_html(
    graph: Graph | KGDataset,
    path: Path,
    *,
    title: str = "kgraph",
    ontology: Graph | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
    layout_cache: Path | None = None,
) -> HtmlReport:
    """Write an interactive, self-contained HTML view of ``graph`` to ``path``.

    The same graph always gives the same bytes. The file is written to a temporary
    file beside ``path`` and moved into place, so readers never see half a page.

    :param ontology: where property and class labels come from; defaults to labels in
        ``graph`` itself, then the project's ``ontology/kgraph.ttl`` if present.
    :param max_nodes: put at most this many entities on the page, the most connected
        ones; the page then says what was left out. Of those, the ones in a relation
        are drawn and the others are listed beside the drawing.
    :param layout_cache: a file to keep component layouts in between builds
        (:class:`LayoutMemo`); the page is the same with or without it, only faster.
    """
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, not {max_nodes}")
    triples: Iterable[tuple[Node, Node, Node]] = graph.triples() if isinstance(graph, KGDataset) else graph
    facts = _Facts(triples)
    vocab = _vocabulary(facts.schema(), ontology)
    entities = _read_entities(facts, vocab)
    relations = _read_relations(facts, entities, vocab)
    documents = _read_documents(facts, entities, relations)
    _attach_roles(facts, entities, vocab)

    degree: dict[URIRef, int] = defaultdict(int)
    for rel in relations:
        degree[rel.subject] += 1
        degree[rel.object] += 1
    memo = LayoutMemo(layout_cache)
    drawn, listed = _split_lone(entities, relations, degree, max_nodes)
    index = {e.iri: i for i, e in enumerate(drawn)}
    drawn_relations = [r for r in relations if r.subject in index and r.object in index]

    report = HtmlReport(
        nodes_drawn=len(drawn),
        edges_drawn=len(drawn_relations),
        nodes_total=len(entities),
        edges_total=len(relations),
        truncated=len(drawn) + len(listed) < len(entities),
        nodes_listed=len(listed),
    )
    page = _render(
        title=title,
        report=report,
        entities=drawn + listed,
        degree=degree,
        relations=drawn_relations,
        index=index,
        documents=documents,
        vocab=vocab,
        memo=memo,
    )
    write_bytes_atomically(Path(path), page.encode("utf-8"))
    memo.save()
    return report


def _split_lone(
    entities: Mapping[URIRef, _Entity], relations: list[_Relation], degree: Mapping[URIRef, int], max_nodes: int
) -> tuple[list[_Entity], list[_Entity]]:
    """The entities to draw and the ones to list beside the drawing, best connected first.

    The page takes the ``max_nodes`` most connected entities (then the most mentioned).
    Of those, the ones in a relation with another of them are drawn; the others
    (in no relation, or only with entities left off the page) are listed: drawn as a
    grid of lone dots they filled most of the window of a news graph and said little.
    """
    ranked = sorted(entities.values(), key=lambda e: (-degree.get(e.iri, 0), -e.mentions, e.label, str(e.iri)))
    page = ranked[:max_nodes]
    on_page = {e.iri for e in page}
    linked: set[URIRef] = set()
    for rel in relations:
        if rel.subject in on_page and rel.object in on_page:
            linked.update((rel.subject, rel.object))
    return [e for e in page if e.iri in linked], [e for e in page if e.iri not in linked]


# ---------------------------------------------------------------- reading the graph


@dataclass
class _Vocabulary:
    """Labels and hierarchy from the ontology, the graph, or both."""

    labels: dict[Node, str]
    superclasses: dict[Node, set[Node]]
    symmetric: set[Node]

    def label(self, term: Node) -> str:
        if term in self.labels:
            return self.labels[term]
        local = re.split(r"[#/]", str(term))[-1] or str(term)
        return _CAMEL.sub(" ", local).lower()

    def style_of(self, types: Iterable[Node]) -> int | None:
        """The index of the most specific style any of ``types`` falls under."""
        best: int | None = None
        for start in types:
            seen = {start}
            todo = [start]
            while todo:
                cls = todo.pop()
                for i, style in enumerate(_CLASS_STYLES):
                    if style.iri == cls and (best is None or i < best):
                        best = i
                if cls in (_KG.Entity, _KG.Agent) and best is None:
                    best = _OTHER
                for sup in self.superclasses.get(cls, ()):
                    if sup not in seen:
                        seen.add(sup)
                        todo.append(sup)
        return best


def _vocabulary(graph: Graph, ontology: Graph | None) -> _Vocabulary:
    sources: list[Graph] = []
    if ontology is not None:
        sources.append(ontology)
    sources.append(graph)
    if ontology is None and _PROJECT_ONTOLOGY.is_file():
        project = Graph()
        project.parse(_PROJECT_ONTOLOGY, format="turtle")
        sources.append(project)
    labels: dict[Node, str] = {}
    superclasses: dict[Node, set[Node]] = defaultdict(set)
    symmetric: set[Node] = set()
    # Earlier sources win; within one, an English or untagged label wins over others.
    for source in reversed(sources):
        found: dict[Node, list[Literal]] = defaultdict(list)
        terms: set[Node] = set()
        for kind in _SCHEMA_TYPES:
            terms.update(source.subjects(RDF.type, kind))
        for term in terms:
            for lab in source.objects(term, RDFS.label):
                if isinstance(lab, Literal):
                    found[term].append(lab)
        for term, labs in found.items():
            labs.sort(key=lambda lit: (lit.language not in (None, "en"), str(lit)))
            labels[term] = str(labs[0])
        for sub, sup in source.subject_objects(RDFS.subClassOf):
            superclasses[sub].add(sup)
        symmetric.update(source.subjects(RDF.type, OWL.SymmetricProperty))
    return _Vocabulary(labels, dict(superclasses), symmetric)


class _Facts:
    """The graph indexed once by subject, then predicate: one pass over the triples.

    rdflib's pattern queries cost microseconds each; a graph of 15,000 relations
    needs hundreds of thousands of them, so one scan into dicts is several times faster.
    """

    def __init__(self, graph: Iterable[tuple[Node, Node, Node]]) -> None:
        self.by_subject: dict[Node, dict[Node, list[Node]]] = defaultdict(lambda: defaultdict(list))
        self.statements: list[Node] = []
        self.roles: list[Node] = []
        self.documents: list[Node] = []
        self.links: list[tuple[Node, Node, Node]] = []
        kinds = {_STATEMENT: self.statements, _ROLE: self.roles, _DOCUMENT: self.documents}
        rdf_type = {_TYPE}  # set lookups compare IRIs in C; `==` runs rdflib's __eq__ in Python
        for s, p, o in graph:
            self.by_subject[s][p].append(o)
            if p in rdf_type:
                if isinstance(o, URIRef) and o in kinds:
                    kinds[o].append(s)
            elif isinstance(o, URIRef):
                self.links.append((s, p, o))

    def all(self, subject: Node, predicate: Node) -> list[Node]:
        props = self.by_subject.get(subject)
        return props.get(predicate, []) if props else []

    def texts(self, subject: Node, predicate: Node) -> list[str]:
        return sorted(str(v) for v in self.all(subject, predicate))

    def one(self, subject: Node, predicate: Node) -> Node | None:
        """The value, or the smallest one if there are several (so output is stable)."""
        values = self.all(subject, predicate)
        return min(values, key=str) if values else None

    def text(self, subject: Node, predicate: Node) -> str:
        value = self.one(subject, predicate)
        return "" if value is None else str(value)

    def schema(self) -> Graph:
        """The graph's own vocabulary: its classes and properties, their labels and subclasses."""
        schema = Graph()
        for s, props in self.by_subject.items():
            kinds = _SCHEMA_TYPES.intersection(props.get(_TYPE, ()))
            schema.addN((s, _TYPE, kind, schema) for kind in kinds)
            if kinds:
                schema.addN((s, _LABEL, label, schema) for label in props.get(_LABEL, ()))
            schema.addN((s, _SUBCLASS, sup, schema) for sup in props.get(_SUBCLASS, ()))
        return schema


def _read_entities(facts: _Facts, vocab: _Vocabulary) -> dict[URIRef, _Entity]:
    entities: dict[URIRef, _Entity] = {}
    style_cache: dict[frozenset[Node], int | None] = {}
    for iri, props in facts.by_subject.items():
        classes = frozenset(props.get(_TYPE, ()))
        if not classes or not isinstance(iri, URIRef) or classes & _NOT_ENTITY_TYPES:
            continue
        if classes not in style_cache:
            style_cache[classes] = vocab.style_of(classes)
        style = style_cache[classes]
        if style is None:
            if not str(iri).startswith(_ENTITY_BASE):
                continue
            style = _OTHER
        labels = facts.texts(iri, _LABEL)
        label = labels[0] if labels else vocab.label(iri)
        alts = sorted(set(facts.texts(iri, _ALT_LABEL)) - {label})
        mentions = 0
        for count in props.get(_MENTION_COUNT, ()):
            try:
                mentions = max(mentions, int(str(count)))
            except ValueError:
                pass
        docs = facts.texts(iri, _MENTIONED_IN)
        entities[iri] = _Entity(iri, label, alts, style, docs, mentions)
    return entities


def _read_relations(facts: _Facts, entities: Mapping[URIRef, _Entity], vocab: _Vocabulary) -> list[_Relation]:
    found: dict[tuple[URIRef, URIRef, URIRef], _Relation] = {}

    def relation(s: Node | None, p: Node | None, o: Node | None) -> _Relation | None:
        if s not in entities or o not in entities or p in _NOT_RELATIONS:
            return None
        if not (isinstance(s, URIRef) and isinstance(p, URIRef) and isinstance(o, URIRef)):
            return None
        symmetric = p in vocab.symmetric
        if symmetric and str(o) < str(s):
            s, o = o, s
        key = (s, p, o)
        if key not in found:
            found[key] = _Relation(s, p, o, symmetric)
        return found[key]

    for s, p, o in facts.links:
        relation(s, p, o)
    for stmt in facts.statements:
        rel = relation(facts.one(stmt, RDF.subject), facts.one(stmt, RDF.predicate), facts.one(stmt, RDF.object))
        if rel is None:
            continue
        docs = facts.texts(stmt, PROV.wasDerivedFrom) or [""]
        sentences = facts.texts(stmt, _EVIDENCE) or [""]
        confidence = facts.text(stmt, _CONFIDENCE)
        extractor = facts.text(stmt, _EXTRACTOR)
        for doc in docs:
            for sentence in sentences:
                rel.evidence.add((sentence, doc, confidence, extractor))
    return sorted(found.values(), key=lambda r: (str(r.subject), str(r.predicate), str(r.object)))


def _read_documents(
    facts: _Facts, entities: Mapping[URIRef, _Entity], relations: list[_Relation]
) -> dict[str, dict[str, str]]:
    iris = {str(d) for d in facts.documents}
    for entity in entities.values():
        iris.update(entity.docs)
    for rel in relations:
        iris.update(doc for _, doc, _, _ in rel.evidence if doc)
    documents: dict[str, dict[str, str]] = {}
    for iri in sorted(iris):
        node = URIRef(iri)
        documents[iri] = {
            "source": facts.text(node, DCTERMS.source),
            "title": facts.text(node, DCTERMS.title),
            "date": facts.text(node, DCTERMS.date),
            "creator": facts.text(node, DCTERMS.creator),
        }
    return documents


def _attach_roles(facts: _Facts, entities: Mapping[URIRef, _Entity], vocab: _Vocabulary) -> None:
    """Describe each kg:Role in words on its holder, e.g. "CEO at Acme (former, since 2019)"."""
    for role in facts.roles:
        holder = facts.one(role, _KG.roleHolder)
        if not isinstance(holder, URIRef) or holder not in entities:
            continue
        title = facts.text(role, _KG.roleTitle)
        prop = facts.one(role, _KG.roleProperty)
        org = facts.one(role, _KG.roleIn)
        place = facts.one(role, _KG.rolePlace)  # a public office of a place: "President of Kellia"
        words = title or (vocab.label(prop) if prop is not None else "role")
        for held, joint in ((org, " at "), (place, " of ")):
            if held is not None:
                held_name = entities[held].label if held in entities else str(held)  # type: ignore[index]
                words += (joint if title else " ") + held_name
        notes = []
        if facts.text(role, _KG.current).lower() in ("false", "0"):
            notes.append("former")
        start = facts.text(role, _KG.startDate)
        if start:
            notes.append(f"since {start}")
        if notes:
            words += f" ({', '.join(notes)})"
        entities[holder].roles.append(words)
    for entity in entities.values():
        entity.roles.sort()


# ---------------------------------------------------------------- rendering


def _physics() -> dict[str, Any]:
    """Physics stays off: the layout comes from Python, so the page is still at once."""
    return {"enabled": False, "stabilization": {"enabled": False}}


def _options(edges: int) -> dict[str, Any]:
    # Above a few thousand edges, redrawing them all on every drag or zoom step makes
    # the page stutter; vis-network can leave them out while the view moves.
    big = edges > 3000
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "nodes": {
            "borderWidth": 1,
            "font": {
                "size": 14,
                "face": "system-ui, sans-serif",
                "color": "#1f2933",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "#9aa5b1", "highlight": "#1f2933", "hover": "#3e4c59", "inherit": False},
            # Horizontal labels on a light box: labels turned along their edges cost
            # ten times more to draw (3 s a frame at 11,000 edges here).
            "font": {
                "size": RELATION_FONT,
                "face": "system-ui, sans-serif",
                "color": "#3e4c59",
                "strokeWidth": 0,
                "background": "rgba(255,255,255,0.85)",
                "align": "horizontal",
            },
            # Relation labels appear once they are readable (7 px and up), after the
            # names of the best connected entities (the page opens with those at 10 px);
            # on big graphs one zoom step later still.
            "scaling": {"label": {"drawThreshold": 9 if big else 8}},
            "smooth": False,
            "width": 1,
            "selectionWidth": 2,
        },
        "interaction": {
            "hover": True,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "navigationButtons": False,
            "keyboard": False,
        },
        "physics": _physics(),
    }


def _build_network(
    entities: list[_Entity],
    drawn: int,
    degree: Mapping[URIRef, int],
    relations: list[_Relation],
    index: Mapping[URIRef, int],
    vocab: _Vocabulary,
    memo: LayoutMemo | None = None,
) -> dict[str, Any]:
    """The vis-network nodes, edges and options, assembled by pyvis, and the opening view.

    The first ``drawn`` entities are laid out and drawn; the others are listed, and
    their nodes (without a position) wait in ``lone`` until the page draws one.
    """
    from pyvis.network import Network

    pairs = [(index[r.subject], index[r.object]) for r in relations]
    names = [short_name(e.label) or " " for e in entities]
    degrees = [degree.get(e.iri, 0) for e in entities]
    extents = [extent(name, d) for name, d in zip(names[:drawn], degrees, strict=False)]
    edge_labels = [relation_label_size(vocab.label(r.predicate)) for r in relations]
    coords = layout(drawn, pairs, extents, memo, edge_labels)
    net = Network(directed=True, cdn_resources="in_line")
    net.node_ids = _NodeIds()
    for i, entity in enumerate(entities):
        style = _CLASS_STYLES[entity.style]
        place: dict[str, Any] = {"x": coords[i][0], "y": coords[i][1]} if i < drawn else {}
        font = font_size(degrees[i])
        if font != BASE_FONT:
            place["font"] = {"size": font}
        net.add_node(i, label=names[i], shape=style.shape, color=style.color, size=node_size(degrees[i]), **place)
    # Parallel edges between one pair (either direction) are bent apart so their
    # labels do not sit on top of each other; single edges stay straight (faster).
    per_pair: dict[tuple[int, int], int] = defaultdict(int)
    for a, b in pairs:
        per_pair[(min(a, b), max(a, b))] += 1
    seen: dict[tuple[int, int], int] = defaultdict(int)
    for i, (rel, (a, b)) in enumerate(zip(relations, pairs, strict=True)):
        options: dict[str, Any] = {"id": i, "label": vocab.label(rel.predicate)}
        key = (min(a, b), max(a, b))
        if per_pair[key] > 1:
            options["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.15 + 0.2 * seen[key]}
            seen[key] += 1
        if rel.symmetric:
            options["arrows"] = {"to": {"enabled": False}}
        net.add_edge(a, b, **options)
    net.options = _options(len(relations))
    nodes, edges, _heading, _height, _width, options_json = net.get_network_data()
    for edge in edges:
        # pyvis marks every directed edge; the global option already does, and each
        # per-edge option costs the page time to parse.
        if edge.get("arrows") == "to":
            del edge["arrows"]
    fonts = [font_size(d) for d in degrees[:drawn]]
    return {
        "nodes": nodes[:drawn],
        "lone": nodes[drawn:],
        "edges": edges,
        "options": json.loads(options_json),
        "view": opening_view(coords, extents, fonts),
    }


class _NodeIds(list[Any]):
    """pyvis's list of node ids, with a set beside it.

    pyvis asks ``id in node_ids`` for every node and edge it adds; on a list that made
    adding thousands of nodes quadratic.
    """

    def __init__(self) -> None:
        super().__init__()
        self._members: set[Any] = set()

    def append(self, item: Any) -> None:
        super().append(item)
        self._members.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._members


def _meta(
    report: HtmlReport,
    entities: list[_Entity],
    degree: Mapping[URIRef, int],
    relations: list[_Relation],
    documents: Mapping[str, Mapping[str, str]],
    vocab: _Vocabulary,
) -> dict[str, Any]:
    """What the viewer needs beyond vis-network's own data: names, evidence, sources."""
    doc_ids = {iri: i for i, iri in enumerate(documents)}
    predicates = sorted({r.predicate for r in relations}, key=lambda p: (vocab.label(p), str(p)))
    rel_ids = {p: i for i, p in enumerate(predicates)}
    class_labels = []
    for style in _CLASS_STYLES:
        label = vocab.labels.get(style.iri) if style.iri is not None else None
        class_labels.append(label[:1].upper() + label[1:] if label else style.label)
    return {
        "stats": {
            "documents": len(documents),
            "nodesTotal": report.nodes_total,
            "edgesTotal": report.edges_total,
            "nodesDrawn": report.nodes_drawn,
            "nodesListed": report.nodes_listed,
            "edgesDrawn": report.edges_drawn,
        },
        "classes": [
            {"label": label, "color": s.color, "shape": s.shape}
            for s, label in zip(_CLASS_STYLES, class_labels, strict=True)
        ],
        "relations": [{"label": vocab.label(p), "iri": str(p)} for p in predicates],
        "documents": [{"iri": iri, **{k: v for k, v in doc.items() if v}} for iri, doc in documents.items()],
        "nodes": [
            {
                "iri": str(e.iri),
                "names": [e.label, *e.alt_labels],
                "cls": e.style,
                "docs": [doc_ids[d] for d in e.docs if d in doc_ids],
                "mentions": e.mentions,
                "degree": degree.get(e.iri, 0),
                "roles": e.roles,
            }
            for e in entities
        ],
        "edges": [
            {
                "rel": rel_ids[r.predicate],
                "symmetric": r.symmetric,
                "evidence": [
                    [text, doc_ids.get(doc, -1), conf, extractor] for text, doc, conf, extractor in sorted(r.evidence)
                ],
            }
            for r in relations
        ],
    }


def _script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element (and valid JavaScript)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _vis_asset(name: str) -> str:
    text = (resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / name).read_text("utf-8")
    # The page must not ask for anything, not even a source map from devtools.
    return re.sub(r"^\s*//# sourceMappingURL=.*$", "", text, flags=re.MULTILINE)


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def _truncation_note(report: HtmlReport) -> str:
    """The visible note on a cut graph: what is drawn, what is not, how to see it."""
    if not report.truncated:
        return ""
    on_page = report.nodes_drawn + report.nodes_listed
    left_nodes = report.nodes_total - on_page
    left_edges = report.edges_total - report.edges_drawn
    return (
        '<p id="truncation-note" role="note">'
        f"Showing the {on_page:,} most connected of "
        f"{_count(report.nodes_total, 'entity', 'entities')} and the "
        f"{_count(report.edges_drawn, 'relation', 'relations')} between them. Left out: "
        f"{_count(left_nodes, 'entity', 'entities')} and "
        f"{_count(left_edges, 'relation', 'relations')}. To see more, rebuild with "
        f"<code>kgraph build --max-nodes {report.nodes_total}</code> "
        "(larger pages take longer to open), or query <code>out/graph.ttl</code>.</p>"
    )


def _render(
    *,
    title: str,
    report: HtmlReport,
    entities: list[_Entity],
    degree: Mapping[URIRef, int],
    relations: list[_Relation],
    index: Mapping[URIRef, int],
    documents: Mapping[str, Mapping[str, str]],
    vocab: _Vocabulary,
    memo: LayoutMemo | None = None,
) -> str:
    payload = {
        "network": _build_network(entities, report.nodes_drawn, degree, relations, index, vocab, memo),
        "meta": _meta(report, entities, degree, relations, documents, vocab),
    }
    vis_js = _vis_asset("vis-network.min.js")
    viewer_js = (_VIEWER_DIR / "viewer.js").read_text("utf-8")
    for name, script in (("vis-network", vis_js), ("viewer", viewer_js)):
        if re.search(r"</script", script, re.IGNORECASE):
            raise RuntimeError(f"{name} script contains '</script' and cannot be inlined")
    csp = (
        "default-src 'none'; "
        f"script-src {_csp_hash(vis_js)} {_csp_hash(viewer_js)}; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:; "
        "connect-src 'none'; form-action 'none'; base-uri 'none'"
    )
    stats = " · ".join(
        [
            _count(len(documents), "document", "documents"),
            _count(report.nodes_total, "entity", "entities"),
            _count(report.edges_total, "relation", "relations"),
        ]
    )
    if report.truncated or report.nodes_listed:
        drawn = _count(report.nodes_drawn, "entity", "entities")
        stats += f" (drawn: {drawn}, {_count(report.edges_drawn, 'relation', 'relations')}"
        if report.nodes_listed:
            stats += f"; {report.nodes_listed:,} listed beside the drawing"
        stats += ")"
    values = {
        "CSP": html.escape(csp, quote=True),
        "TITLE": html.escape(title, quote=True),
        "STATS": html.escape(stats),
        "TRUNCATION_NOTE": _truncation_note(report),
        "VIS_CSS": _vis_asset("vis-network.css"),
        "VIEWER_CSS": (_VIEWER_DIR / "viewer.css").read_text("utf-8"),
        "DATA_JSON": _script_json(payload),
        "VIS_JS": vis_js,
        "VIEWER_JS": viewer_js,
    }
    template = (_VIEWER_DIR / "template.html").read_text("utf-8")
    # One pass, so text that was just inserted is never scanned for markers again.
    return re.sub(r"@@([A-Z_]+)@@", lambda m: values[m.group(1)], template)
