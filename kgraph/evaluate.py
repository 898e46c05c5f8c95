"""Extraction quality: kgraph's relations and entities scored against a gold data set.

A gold file is JSON Lines, one annotated document a line::

    {"id", "text", "entities": [{"text", "type", "start", "end"}],
     "relations": [{"type", "head_idx", "tail_idx", ...}]}

(the format of ``../shared/devdata``; other fields are ignored).  A *mapping* file
(``ontology/mappings/<dataset>.json``) says which ontology properties and classes
stand for the data set's labels, e.g. CoNLL04 ``Work_For`` is ``kg:worksFor`` and
every sub-property of it.  :func:`evaluate` runs the extractor on the gold texts and
:func:`score` compares its records (the contract of ``kgraph extract``, see
:mod:`kgraph.report`) with the gold annotations.

How a prediction is matched:

* A predicted relation ``(s, p, o)`` stands for gold type ``T`` when one of ``T``'s
  rules names ``p`` or a super-property of ``p`` (the ontology's
  ``rdfs:subPropertyOf`` closure) and the predicted subject/object classes fit the
  rule's constraints.  It then matches a gold ``(head, tail, T)`` when ``s ~ head``
  and ``o ~ tail`` (either way round when ``p`` is an ``owl:SymmetricProperty``).
* ``~`` is equal character offsets in ``exact`` mode and overlapping offsets in
  ``overlap`` mode, against the argument's mention or any other name of its entity in
  the document (the record's ``entities`` sharing its ``id``): kgraph states a relation
  between entities, and "Orbitel spokeswoman Lena Berg" after "Orbitel Networks
  Inc." is a fact about the company a gold set may annotate at its full name.
  When the gold record lists its ``tokens`` (the data sets in
  ../shared/devdata do), a predicted span is first widened to the gold tokens it
  touches, so "exact" means the same tokens, as the literature scores CoNLL04: its
  tokens sometimes fuse a sentence's full stop with the last word ("Tacoma."), and
  a name that stops before the full stop has the right words.  Gold spans are
  token-aligned already.  Matching is one-to-one, so two predictions overlapping one gold
  relation count one hit and one false positive.
* When a record's argument has ``via`` (the sentence said "he" or "the company"),
  the argument's own ``start``/``end`` are those of the *name* it was resolved to,
  and that is what is scored: gold data sets annotate names, not pronouns.
* A relation counts once per (document, head span, tail span, type), on both sides.
  ``kgraph extract`` reports a relation between two entities once per document
  (at its first mention pair), so a gold relation stated twice between different
  mentions of the same entities can only be found once.
* Entities are scored per ontology class: gold entities whose type maps to the
  class against predicted names of that class (pronouns and descriptions excluded).
  Predicted entities of classes the mapping does not use are not scored.

The library never prints; :func:`format_report` renders a report as text or JSON.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from kgraph.errors import InputError, OntologyError
from kgraph.ontology import Ontology, default_ontology_dir, load_ontology

_T = TypeVar("_T")

__all__ = [
    "MODES",
    "RelationRule",
    "RelationMapping",
    "Mapping",
    "Span",
    "RelationItem",
    "Score",
    "ModeResult",
    "EvalReport",
    "THRESHOLDS",
    "ThresholdRow",
    "threshold_table",
    "mappings_dir",
    "available_mappings",
    "find_mapping",
    "load_mapping",
    "read_gold",
    "score",
    "evaluate",
    "format_report",
]

#: Span matching modes, in the order they are reported.
MODES = ("exact", "overlap")
#: Confidence thresholds at which a report gives precision and recall (relations with confidence >= t).
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)


# ---------------------------------------------------------------- mappings


@dataclass(frozen=True)
class RelationRule:
    """One way a gold relation type is expressed in the ontology.

    ``property`` matches itself and its sub-properties; ``subject``/``object`` are
    classes the predicted arguments must belong to (subclasses included);
    ``inverse`` means the predicted subject is the gold tail.
    """

    property: str
    subject: str | None = None
    object: str | None = None
    inverse: bool = False


@dataclass(frozen=True)
class RelationMapping:
    """The rules of one gold relation type, or why it is not scored."""

    label: str
    rules: tuple[RelationRule, ...] = ()
    unmapped: str | None = None  # the reason, when the type is out of scope
    note: str = ""
    # properties a prediction on a labelled pair may state besides the label without being wrong: in a set with one
    # label per pair (KBP37), "France's President X" is labelled employee_of, yet X's nationality is no error
    compatible: tuple[str, ...] = ()


@dataclass
class Mapping:
    """A data set's labels in terms of the ontology (read from ``ontology/mappings/``).

    >>> mapping = load_mapping("conll04")                          # doctest: +SKIP
    >>> mapping.entities["Peop"], mapping.relations["Work_For"].rules
    ('Person', (RelationRule(property='worksFor', ...),))
    """

    name: str
    path: Path
    dataset: str
    entities: dict[str, str | None]
    relations: dict[str, RelationMapping]
    description: str = ""

    @property
    def scored_types(self) -> list[str]:
        """Gold relation types that have rules, in file order."""
        return [label for label, rel in self.relations.items() if rel.rules]

    @property
    def entity_classes(self) -> dict[str, list[str]]:
        """Ontology class -> the gold entity types mapped to it, in file order."""
        classes: dict[str, list[str]] = {}
        for label, cls in self.entities.items():
            if cls is not None:
                classes.setdefault(cls, []).append(label)
        return classes

    def types_for(
        self, predicate: str, subject_type: str, object_type: str, ontology: Ontology
    ) -> list[tuple[str, bool, bool]]:
        """The gold types a predicted relation stands for, as ``(type, inverse, symmetric)``."""
        info = ontology.properties.get(predicate)
        if info is None:
            return []
        found: list[tuple[str, bool, bool]] = []
        for label in self.scored_types:
            for rule in self.relations[label].rules:
                if (
                    rule.property in info.ancestors
                    and ontology.fits(subject_type, rule.subject)
                    and ontology.fits(object_type, rule.object)
                ):
                    found.append((label, rule.inverse, info.symmetric))
                    break
        return found

    def entity_class(self, predicted_type: str, ontology: Ontology) -> str | None:
        """The mapped class a predicted entity type belongs to (the most specific one), if any."""
        best: str | None = None
        for cls in self.entity_classes:
            if ontology.is_a(predicted_type, cls) and (
                best is None or len(ontology.classes[cls].ancestors) > len(ontology.classes[best].ancestors)
            ):
                best = cls
        return best


def mappings_dir(ontology_dir: Path | None = None) -> Path:
    """The folder of mapping files: ``<ontology>/mappings``."""
    return (ontology_dir or default_ontology_dir()) / "mappings"


def available_mappings(ontology_dir: Path | None = None) -> dict[str, Path]:
    """Mapping name (file stem) -> file, for every mapping shipped with the ontology."""
    folder = mappings_dir(ontology_dir)
    return {p.stem: p for p in sorted(folder.glob("*.json"))} if folder.is_dir() else {}


def find_mapping(gold_path: Path, ontology_dir: Path | None = None) -> Path:
    """The mapping for a gold file, chosen by a mapping name in its path (``.../conll04/dev.jsonl``).

    :raises OntologyError: when no name, or more than one, occurs in the path.
    """
    available = available_mappings(ontology_dir)
    parts = [part.lower() for part in gold_path.resolve().parts]
    hits = [name for name in available if any(name.lower() in part for part in parts)]
    if len(hits) == 1:
        return available[hits[0]]
    listed = ", ".join(str(p) for p in available.values()) or f"none in {mappings_dir(ontology_dir)}"
    problem = "matches several mappings" if hits else "does not name a known data set"
    raise OntologyError(f"{gold_path} {problem}; pass --map with one of: {listed}.")


def load_mapping(name_or_path: str | Path, ontology: Ontology | None = None) -> Mapping:
    """Read a mapping file (a path, or the name of one in ``ontology/mappings``) and check it.

    :raises OntologyError: when the file is missing, malformed, or names a class or
        property the ontology does not have.
    """
    ontology = ontology or load_ontology()
    path = Path(name_or_path)
    if not path.suffix:
        available = available_mappings(ontology.source)
        if str(name_or_path) not in available:
            names = ", ".join(available) or "none"
            raise OntologyError(f"No mapping named {str(name_or_path)!r}. Available mappings: {names}.")
        path = available[str(name_or_path)]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise OntologyError(f"The mapping file {path} does not exist.") from None
    except json.JSONDecodeError as error:
        raise OntologyError(f"The mapping file {path} is not valid JSON ({error.msg}, line {error.lineno}).") from None

    def need_class(name: object, where: str) -> str | None:
        if name is None:
            return None
        if not isinstance(name, str) or name not in ontology.classes:
            raise OntologyError(f"{path}: {where} names {name!r}, which is not a class of the ontology.")
        return name

    if not isinstance(data, dict) or not isinstance(data.get("entities"), dict) or not isinstance(
        data.get("relations"), dict
    ):
        raise OntologyError(f'{path}: a mapping is a JSON object with "entities" and "relations" objects.')
    entities = {str(label): need_class(cls, f"entity type {label!r}") for label, cls in data["entities"].items()}
    relations: dict[str, RelationMapping] = {}
    for label, spec in data["relations"].items():
        where = f"relation type {label!r}"
        if not isinstance(spec, dict) or ("rules" in spec) == ("unmapped" in spec):
            raise OntologyError(f'{path}: {where} needs either "rules" (a list) or "unmapped" (the reason).')
        rules = []
        for raw in spec.get("rules", []):
            prop = raw.get("property") if isinstance(raw, dict) else None
            if prop not in ontology.properties:
                raise OntologyError(f"{path}: {where} names the property {prop!r}, which is not in the ontology.")
            rules.append(
                RelationRule(
                    property=prop,
                    subject=need_class(raw.get("subject"), where),
                    object=need_class(raw.get("object"), where),
                    inverse=bool(raw.get("inverse", False)),
                )
            )
        if "rules" in spec and not rules:
            raise OntologyError(f'{path}: {where} has an empty "rules" list; say "unmapped" instead.')
        compatible = spec.get("compatible", [])
        if not isinstance(compatible, list) or any(p not in ontology.properties for p in compatible):
            raise OntologyError(f'{path}: {where} has a "compatible" entry that is not a list of ontology properties.')
        relations[str(label)] = RelationMapping(
            label=str(label), rules=tuple(rules), unmapped=spec.get("unmapped"), note=str(spec.get("note", "")),
            compatible=tuple(str(p) for p in compatible),
        )
    return Mapping(
        name=path.stem,
        path=path,
        dataset=str(data.get("dataset", path.stem)),
        entities=entities,
        relations=relations,
        description=str(data.get("description", "")),
    )


# ---------------------------------------------------------------- scoring


@dataclass(frozen=True, order=True)
class Span:
    """A character span of a document (end exclusive)."""

    start: int
    end: int
    text: str = ""

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, order=True)
class RelationItem:
    """One gold or predicted relation in the terms of the gold data set."""

    doc: str
    type: str
    head: Span
    tail: Span
    symmetric: bool = False
    predicate: str = ""  # the kgraph property, for predictions
    evidence: str = ""
    #: for predictions, the spans of every name of the head's/tail's entity in the document
    head_names: tuple[Span, ...] = field(default=(), compare=False)
    tail_names: tuple[Span, ...] = field(default=(), compare=False)

    def heads(self) -> tuple[Span, ...]:
        return (self.head, *self.head_names)

    def tails(self) -> tuple[Span, ...]:
        return (self.tail, *self.tail_names)

    @property
    def key(self) -> tuple[str, str, Span, Span]:
        if self.symmetric and self.tail < self.head:
            return (self.doc, self.type, self.tail, self.head)
        return (self.doc, self.type, self.head, self.tail)


@dataclass
class Score:
    """Counts and precision/recall/F1 (as fractions; 0 when undefined)."""

    gold: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.correct += other.correct

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "correct": self.correct,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class ModeResult:
    """Scores in one matching mode, with the errors behind them."""

    mode: str
    relations: dict[str, Score] = field(default_factory=dict)  # gold type -> score
    micro: Score = field(default_factory=Score)
    entities: dict[str, Score] = field(default_factory=dict)  # ontology class -> score
    entity_micro: Score = field(default_factory=Score)
    false_negatives: list[RelationItem] = field(default_factory=list)
    false_positives: list[RelationItem] = field(default_factory=list)
    matches: list[tuple[RelationItem, RelationItem]] = field(default_factory=list)  # (predicted, gold)

    def to_dict(self) -> dict[str, Any]:
        return {
            "relations": {k: v.to_dict() for k, v in self.relations.items()},
            "micro": self.micro.to_dict(),
            "entities": {k: v.to_dict() for k, v in self.entities.items()},
            "entity_micro": self.entity_micro.to_dict(),
        }


@dataclass(frozen=True)
class ThresholdRow:
    """The micro-averaged relation score of the predictions with confidence >= ``threshold``."""

    threshold: float
    score: Score

    def to_dict(self) -> dict[str, Any]:
        return {"threshold": self.threshold, **self.score.to_dict()}


@dataclass
class EvalReport:
    """What :func:`evaluate` measured on one gold file."""

    gold_path: str
    mapping: Mapping
    documents: int = 0
    modes: dict[str, ModeResult] = field(default_factory=dict)
    unscored_gold: dict[str, int] = field(default_factory=dict)  # gold type without rules -> count
    unscored_predictions: dict[str, int] = field(default_factory=dict)  # predicate -> count
    seconds: float = 0.0  # extraction time
    llm: dict[str, float] = field(default_factory=dict)  # an LLM extractor's counts (requests, tokens, ...)
    gold: list[dict[str, Any]] = field(default_factory=list)  # the gold records scored
    predicted: list[dict[str, Any]] = field(default_factory=list)  # kgraph's records, same order
    #: precision and recall at each confidence threshold, in ``threshold_mode`` (exact when scored)
    thresholds: list[ThresholdRow] = field(default_factory=list)
    threshold_mode: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold_path,
            "mapping": str(self.mapping.path),
            "dataset": self.mapping.dataset,
            "documents": self.documents,
            "seconds": round(self.seconds, 3),
            "modes": {name: result.to_dict() for name, result in self.modes.items()},
            "unscored_gold": {
                label: {"count": n, "reason": self.mapping.relations[label].unmapped
                        if label in self.mapping.relations else "not in the mapping"}
                for label, n in self.unscored_gold.items()
            },
            "unscored_predictions": dict(self.unscored_predictions),
            "thresholds": {"mode": self.threshold_mode, "rows": [row.to_dict() for row in self.thresholds]},
            **({"llm": {k: round(v, 3) for k, v in sorted(self.llm.items())}} if self.llm else {}),
        }


def read_gold(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The gold records of a JSON Lines file (at most ``limit``).

    :raises InputError: for a line that is not a gold record, naming the line.
    """
    if not path.is_file():
        raise InputError(str(path), "does not exist.", "Pass a gold .jsonl file (see ../shared/devdata/README.md).")
    records: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if limit is not None and len(records) >= limit:
                break
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"{path} line {number}", f"is not valid JSON ({error.msg}).") from None
            if not (
                isinstance(record, dict)
                and isinstance(record.get("text"), str)
                and "id" in record
                and isinstance(record.get("entities"), list)
                and isinstance(record.get("relations"), list)
            ):
                raise InputError(f"{path} line {number}", 'needs "id", "text", "entities" and "relations".')
            records.append(record)
    return records


def _gold_items(
    record: dict[str, Any], mapping: Mapping, ontology: Ontology
) -> tuple[list[RelationItem], Counter[str]]:
    doc = str(record["id"])
    entities = record["entities"]
    items: dict[tuple[str, str, Span, Span], RelationItem] = {}
    unscored: Counter[str] = Counter()
    for rel in record["relations"]:
        label = rel["type"]
        rules = mapping.relations[label].rules if label in mapping.relations else ()
        if not rules:
            unscored[label] += 1
            continue
        head, tail = entities[rel["head_idx"]], entities[rel["tail_idx"]]
        symmetric = all(ontology.properties[r.property].symmetric for r in rules)
        item = RelationItem(
            doc, label, Span(head["start"], head["end"], head["text"]), Span(tail["start"], tail["end"], tail["text"]),
            symmetric=symmetric,
        )
        items.setdefault(item.key, item)
    return list(items.values()), unscored


def _span(end: dict[str, Any]) -> Span:
    return Span(int(end["start"]), int(end["end"]), str(end.get("text", "")))


def _token_offsets(record: dict[str, Any]) -> list[tuple[int, int]]:
    """Character offsets of the gold record's ``tokens`` in its text (empty without tokens).

    The text was rebuilt from the tokens, so each is searched for after the previous
    one; a token that is not found with only punctuation and space before it (a
    ```` `` ```` the text writes as ``"``) is left out.
    """
    tokens = record.get("tokens")
    if not isinstance(tokens, list):
        return []
    text: str = record["text"]
    offsets: list[tuple[int, int]] = []
    position = 0
    for token in tokens:
        token = str(token)
        found = text.find(token, position) if token else -1
        if found < 0 or any(ch.isalnum() for ch in text[position:found]):
            continue
        offsets.append((found, found + len(token)))
        position = found + len(token)
    return offsets


def _snap(span: Span, tokens: Sequence[tuple[int, int]]) -> Span:
    """``span`` widened to the whole of every token it touches."""
    start, end = span.start, span.end
    for token_start, token_end in tokens:
        if token_start < span.end and span.start < token_end:
            start, end = min(start, token_start), max(end, token_end)
    return span if (start, end) == (span.start, span.end) else Span(start, end, span.text)


def _predicted_items(
    record: dict[str, Any], mapping: Mapping, ontology: Ontology, tokens: Sequence[tuple[int, int]] = ()
) -> tuple[list[RelationItem], Counter[str]]:
    doc = str(record["doc"])
    items: dict[tuple[str, str, Span, Span], RelationItem] = {}
    unscored: Counter[str] = Counter()
    names: dict[str, list[Span]] = {}
    for entity in record.get("entities", []):
        names.setdefault(str(entity.get("id", "")), []).append(_snap(_span(entity), tokens))

    def others(end: dict[str, Any], span: Span) -> tuple[Span, ...]:
        return tuple(sorted({s for s in names.get(str(end.get("id", "")), []) if s != span}))

    for rel in record["relations"]:
        subject, obj = rel["subject"], rel["object"]
        types = mapping.types_for(rel["predicate"], subject.get("type", ""), obj.get("type", ""), ontology)
        if not types:
            unscored[rel["predicate"]] += 1
        for label, inverse, symmetric in types:
            first, second = _snap(_span(subject), tokens), _snap(_span(obj), tokens)
            first_names, second_names = others(subject, first), others(obj, second)
            head, tail = (second, first) if inverse else (first, second)
            head_names, tail_names = (second_names, first_names) if inverse else (first_names, second_names)
            item = RelationItem(doc, label, head, tail, symmetric=symmetric, predicate=rel["predicate"],
                                evidence=str(rel.get("evidence", "")), head_names=head_names, tail_names=tail_names)
            items.setdefault(item.key, item)
    return list(items.values()), unscored


def _spans_match(a: Span, b: Span, mode: str) -> bool:
    return (a.start, a.end) == (b.start, b.end) if mode == "exact" else a.overlaps(b)


def _relation_match(pred: RelationItem, gold: RelationItem, mode: str) -> bool:
    def fits(spans: tuple[Span, ...], gold_span: Span) -> bool:
        return any(_spans_match(s, gold_span, mode) for s in spans)

    if fits(pred.heads(), gold.head) and fits(pred.tails(), gold.tail):
        return True
    return (pred.symmetric or gold.symmetric) and fits(pred.heads(), gold.tail) and fits(pred.tails(), gold.head)


def _closeness(pred: RelationItem, gold: RelationItem) -> int:
    """Shared characters of the two argument pairs: the best-fitting gold is matched first."""

    def shared(a: Span, b: Span) -> int:
        return max(0, min(a.end, b.end) - max(a.start, b.start))

    return max(shared(pred.head, gold.head) + shared(pred.tail, gold.tail),
               shared(pred.head, gold.tail) + shared(pred.tail, gold.head))


def _match_relations(
    predicted: list[RelationItem], gold: list[RelationItem], mode: str
) -> tuple[list[tuple[RelationItem, RelationItem]], list[RelationItem], list[RelationItem]]:
    """One-to-one matches, unmatched predictions and unmatched gold (one document and type)."""
    # Closest pairs first, so an exact prediction wins over a partial one for the same gold.
    pairs = sorted(
        ((-_closeness(p, g), p, g) for p in predicted for g in gold if _relation_match(p, g, mode)),
        key=lambda t: (t[0], t[1], t[2]),
    )
    matches = _one_to_one((pred, g) for _, pred, g in pairs)
    used_pred = {p for p, _ in matches}
    used_gold = {g for _, g in matches}
    wrong = [p for p in sorted(predicted) if p not in used_pred]
    missed = [g for g in sorted(gold) if g not in used_gold]
    return matches, wrong, missed


def _one_to_one(candidates: Iterable[tuple[_T, _T]]) -> list[tuple[_T, _T]]:
    """Greedy one-to-one matching: take each (prediction, gold) pair, best first, whose ends are both free."""
    used_pred: set[_T] = set()
    used_gold: set[_T] = set()
    matches: list[tuple[_T, _T]] = []
    for pred, gold in candidates:
        if pred not in used_pred and gold not in used_gold:
            used_pred.add(pred)
            used_gold.add(gold)
            matches.append((pred, gold))
    return matches


def _match_spans(predicted: Iterable[Span], gold: Iterable[Span], mode: str) -> int:
    def shared(a: Span, b: Span) -> int:
        return min(a.end, b.end) - max(a.start, b.start)

    preds, golds = set(predicted), set(gold)
    pairs = sorted((-shared(p, g), p, g) for p in preds for g in golds if _spans_match(p, g, mode))
    return len(_one_to_one((p, g) for _, p, g in pairs))


def score(
    gold: Sequence[dict[str, Any]],
    predicted: Sequence[dict[str, Any]],
    mapping: Mapping,
    ontology: Ontology | None = None,
    modes: Sequence[str] = MODES,
    thresholds: Sequence[float] = THRESHOLDS,
) -> EvalReport:
    """Compare extraction records (``kgraph extract``'s contract) with gold records.

    Predicted records are paired with gold records by ``doc`` == ``id``; a gold
    document without a record counts as one where nothing was found.  Predicted
    entities may carry ``"label"``: ``"pronoun"`` and ``"description"`` entities
    are not scored.  ``thresholds``: also score the relations at each confidence
    threshold (:func:`threshold_table`), in exact mode when it is one of ``modes``.
    """
    ontology = ontology or load_ontology()
    for mode in modes:
        if mode not in MODES:
            raise ValueError(f"Unknown mode {mode!r}; use one of {', '.join(MODES)}.")
    by_doc = {str(r["doc"]): r for r in predicted}
    report = EvalReport(gold_path="", mapping=mapping, documents=len(gold), gold=list(gold))
    report.predicted = [by_doc.get(str(g["id"]), {"doc": str(g["id"]), "entities": [], "relations": []}) for g in gold]
    results = {mode: ModeResult(mode) for mode in modes}
    for result in results.values():
        result.relations = {label: Score() for label in mapping.scored_types}
        result.entities = {cls: Score() for cls in mapping.entity_classes}
    unscored_gold: Counter[str] = Counter()
    unscored_pred: Counter[str] = Counter()

    for gold_record, pred_record in zip(report.gold, report.predicted, strict=True):
        gold_items, missing = _gold_items(gold_record, mapping, ontology)
        tokens = _token_offsets(gold_record)
        pred_items, extra = _predicted_items(pred_record, mapping, ontology, tokens)
        unscored_gold.update(missing)
        unscored_pred.update(extra)
        gold_spans: dict[str, list[Span]] = {cls: [] for cls in mapping.entity_classes}
        for entity in gold_record["entities"]:
            cls = mapping.entities.get(entity["type"])
            if cls is not None:
                gold_spans[cls].append(_span(entity))
        pred_spans: dict[str, list[Span]] = {cls: [] for cls in mapping.entity_classes}
        for entity in pred_record["entities"]:
            if entity.get("label") in {"pronoun", "description"}:
                continue
            cls = mapping.entity_class(str(entity.get("type", "")), ontology)
            if cls is not None:
                pred_spans[cls].append(_snap(Span(int(entity["start"]), int(entity["end"])), tokens))

        for mode, result in results.items():
            for label in mapping.scored_types:
                gold_of = [g for g in gold_items if g.type == label]
                pred_of = [p for p in pred_items if p.type == label]
                matches, wrong, missed = _match_relations(pred_of, gold_of, mode)
                counts = result.relations[label]
                counts.gold += len(gold_of)
                counts.predicted += len(pred_of)
                counts.correct += len(matches)
                result.matches.extend(matches)
                result.false_positives.extend(wrong)
                result.false_negatives.extend(missed)
            for cls in mapping.entity_classes:
                gold_set = {(s.start, s.end): s for s in gold_spans[cls]}
                pred_set = {(s.start, s.end): s for s in pred_spans[cls]}
                counts = result.entities[cls]
                counts.gold += len(gold_set)
                counts.predicted += len(pred_set)
                counts.correct += _match_spans(
                    (Span(a, b) for a, b in pred_set), (Span(a, b) for a, b in gold_set), mode
                )

    for result in results.values():
        for counts in result.relations.values():
            result.micro.add(counts)
        for counts in result.entities.values():
            result.entity_micro.add(counts)
    report.modes = results
    report.unscored_gold = dict(sorted(unscored_gold.items(), key=lambda kv: (-kv[1], kv[0])))
    report.unscored_predictions = dict(sorted(unscored_pred.items(), key=lambda kv: (-kv[1], kv[0])))
    if thresholds and modes:
        report.threshold_mode = "exact" if "exact" in modes else modes[0]
        report.thresholds = threshold_table(gold, report.predicted, mapping, ontology, thresholds,
                                            report.threshold_mode)
    return report


def threshold_table(
    gold: Sequence[dict[str, Any]],
    predicted: Sequence[dict[str, Any]],
    mapping: Mapping,
    ontology: Ontology | None = None,
    thresholds: Sequence[float] = THRESHOLDS,
    mode: str = "exact",
) -> list[ThresholdRow]:
    """Micro precision/recall/F1 of the relations with ``confidence >= t``, for each threshold ``t``.

    The gold side is the same at every threshold, so recall can only fall as ``t`` rises.
    """
    rows = []
    for threshold in thresholds:
        kept = [
            {**record, "relations": [r for r in record["relations"] if float(r.get("confidence", 1.0)) >= threshold]}
            for record in predicted
        ]
        result = score(gold, kept, mapping, ontology, modes=(mode,), thresholds=()).modes[mode]
        rows.append(ThresholdRow(threshold, result.micro))
    return rows


def evaluate(
    gold_path: Path,
    mapping: Mapping | str | Path | None = None,
    *,
    model: str | None = None,
    ontology_dir: Path | None = None,
    extractor: str = "rules",
    batch_size: int = 16,
    limit: int | None = None,
    modes: Sequence[str] = MODES,
    extractor_options: dict[str, Any] | None = None,
) -> EvalReport:
    """Run kgraph's extraction on the texts of a gold file and score it.

    :param mapping: a :class:`Mapping`, a mapping file or name; ``None`` picks one
        from the gold file's path (:func:`find_mapping`).
    :param limit: score only the first ``limit`` documents.
    :param extractor_options: passed to the extractor (an LLM's ``llm_endpoint``, ``llm_model``, ...).
    """
    from kgraph.extract import get_extractor
    from kgraph.models import Article
    from kgraph.report import extraction_record

    ontology = load_ontology(ontology_dir)
    if not isinstance(mapping, Mapping):
        mapping = load_mapping(mapping or find_mapping(gold_path, ontology.source), ontology)
    gold = read_gold(gold_path, limit)
    # Built from the gold lines (not read back through kgraph.ingest) so --limit works;
    # the JSON Lines reader does the same: text as-is, the line's id as the document id.
    articles = [Article(id=str(g["id"]), text=g["text"], source=str(gold_path)) for g in gold]
    backend = get_extractor(extractor, model=model, ontology=ontology, batch_size=batch_size,
                            **(extractor_options or {}))
    started = time.perf_counter()
    records = []
    llm: dict[str, float] = {}
    for extraction in backend.extract(articles):
        for name, value in extraction.stats.items():
            llm[name] = llm.get(name, 0.0) + value
        record = extraction_record(extraction)
        labels = {(m.start, m.end): m.label for m in extraction.mentions}
        for entity in record["entities"]:
            entity["label"] = labels.get((entity["start"], entity["end"]), "")
        records.append(record)
    seconds = time.perf_counter() - started
    report = score(gold, records, mapping, ontology, modes)
    report.gold_path = str(gold_path)
    report.seconds = seconds
    report.llm = llm
    return report


# ---------------------------------------------------------------- rendering


def _row(cells: Sequence[object], widths: Sequence[int]) -> str:
    out = []
    for i, (cell, width) in enumerate(zip(cells, widths, strict=True)):
        text = str(cell)
        out.append(text.ljust(width) if i == 0 else text.rjust(width))
    return "  ".join(out).rstrip()


def _table(title: str, rows: list[tuple[str, Score]], total: tuple[str, Score]) -> list[str]:
    header = ("", "gold", "predicted", "correct", "P", "R", "F1")
    body = [
        (name, s.gold, s.predicted, s.correct, f"{100 * s.precision:.1f}", f"{100 * s.recall:.1f}", f"{100 * s.f1:.1f}")
        for name, s in [*rows, total]
    ]
    widths = [max(len(str(r[i])) for r in [header, *body]) for i in range(len(header))]
    lines = [title, _row(header, widths)]
    lines += [_row(r, widths) for r in body[:-1]]
    lines.append("-" * len(_row(header, widths)))
    lines.append(_row(body[-1], widths))
    return lines


def _threshold_lines(report: EvalReport) -> list[str]:
    header = ("confidence >=", "predicted", "correct", "P", "R", "F1")
    body = [
        (f"{row.threshold:.2f}", row.score.predicted, row.score.correct, f"{100 * row.score.precision:.1f}",
         f"{100 * row.score.recall:.1f}", f"{100 * row.score.f1:.1f}")
        for row in report.thresholds
    ]
    widths = [max(len(str(r[i])) for r in [header, *body]) for i in range(len(header))]
    return [f"Relations by confidence, {report.threshold_mode} spans (micro-avg)", _row(header, widths),
            *(_row(r, widths) for r in body)]


def format_report(report: EvalReport, fmt: str = "table") -> str:
    """The report as aligned tables (``table``) or JSON (``json``), ending in a newline."""
    if fmt == "json":
        return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
    if fmt != "table":
        raise ValueError(f"Unknown format {fmt!r}; use table or json.")
    mapping = report.mapping
    lines = [
        f"{mapping.dataset}: {report.gold_path} ({report.documents} documents, "
        f"extracted in {report.seconds:.1f}s; mapping {mapping.path.name})",
    ]
    classes = mapping.entity_classes
    for mode, result in report.modes.items():
        lines.append("")
        lines += _table(
            f"Relations, {mode} spans",
            [(label, result.relations[label]) for label in mapping.scored_types],
            ("micro-avg", result.micro),
        )
        lines.append("")
        lines += _table(
            f"Entities, {mode} spans",
            [(f"{'/'.join(labels)} -> {cls}", result.entities[cls]) for cls, labels in classes.items()],
            ("micro-avg", result.entity_micro),
        )
    if report.thresholds:
        lines += ["", *_threshold_lines(report)]
    if report.unscored_gold:
        lines += ["", "Gold relations not scored:"]
        for label, n in report.unscored_gold.items():
            reason = mapping.relations[label].unmapped if label in mapping.relations else "not in the mapping"
            lines.append(f"  {label} ({n}): {reason}")
    if report.unscored_predictions:
        listed = ", ".join(f"{p} {n}" for p, n in report.unscored_predictions.items())
        lines += ["", f"Predicted relations no scored type covers: {listed}"]
    if report.llm:
        from kgraph.extract.llm_client import usage_lines

        lines += ["", *usage_lines(report.llm, report.documents)]
    return "\n".join(lines) + "\n"
