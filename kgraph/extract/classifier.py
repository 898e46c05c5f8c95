"""A supervised relation model that backs up or decides over the hand rules.

The rules (:mod:`kgraph.extract.relations`) are precise but miss the many ways news text
states employment and location ("Anders Holm, a senior official of the Norwegian
Farmers' Union").  This module scores every pair of mentions in a sentence with a
multinomial logistic regression over sparse string features (:func:`pair_features`, plus
:func:`rule_features`: what the rules said about the pair), and
:meth:`RelationClassifier.decide` (``--extractor rules+classifier``) decides every pair: a rule
relation of a property the model covers is turned down when the model is confident against
it and otherwise keeps the higher of the rule's and the model's calibrated confidence (the
rules' property is kept when it is the more specific), pairs the model accepts that the rules
missed are added unless a narrower place already says them, and properties the model does not
cover keep the rules' confidence.

The weights live in ``kgraph/resources/relations.json`` (written by
``scripts/train_relations.py`` from CoNLL04 train and KBP37 train); inference is plain Python
over dicts, so nothing beyond the spaCy parse is needed at run time.  A weights file may also carry a
:class:`DenseLayer` over :func:`dense_features` (the parse's own token vectors; numpy, which comes
with spaCy); the shipped one does not (cross-validation found no gain).  The labels are
ontology properties plus ``NONE``; a label is only considered for a pair when the mention
classes fit the property's domain and range and the training data had that pairing of classes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kgraph.models import Mention, RelationMention
from kgraph.ontology import Ontology, per_ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "NONE",
    "WEIGHTS_PATH",
    "COARSE_CLASSES",
    "coarse_class",
    "pair_features",
    "rule_features",
    "dense_features",
    "DenseLayer",
    "ontology_cues",
    "RelationClassifier",
    "candidates",
    "load_classifier",
]

#: The "no relation" label.
NONE = "NONE"
WEIGHTS_PATH = Path(__file__).resolve().parent.parent / "resources" / "relations.json"
#: Mention classes the features use (a GovernmentBody is an Organization here).
COARSE_CLASSES = ("Person", "Organization", "Place")
#: Mention labels that are not names: pronouns and descriptions are left to the rules.
_NOT_NAMES = {"pronoun", "description"}

# Words that often carry one of the relations; on the path or between, they are features of their own.
_TRIGGERS = frozenset(
    """
    work employ employee hire join staff spokesman spokeswoman spokesperson president chairman chairwoman
    director executive official officer chief head leader manager member secretary minister adviser advisor
    aide analyst economist professor correspondent editor reporter representative ambassador general commander
    founder owner partner lawyer attorney agent coach say tell of for at with by from in on
    base headquarter headquarters office company firm agency group university
    live reside resident native citizen home born bear grow raise move mayor governor senator
    city town state country capital province county region near north south east west northern southern
    eastern western central
    """.split()
)


def coarse_class(cls: str, ontology: Ontology) -> str:
    """The first of :data:`COARSE_CLASSES` that ``cls`` belongs to, else ``cls`` itself."""
    for coarse in COARSE_CLASSES:
        if ontology.is_a(cls, coarse):
            return coarse
    return cls


def _word(token: Token) -> str:
    if token.like_num:
        return "<num>"
    return token.lemma_.lower() or token.lower_


def _bucket(n: int) -> str:
    for limit, name in ((0, "0"), (1, "1"), (2, "2"), (3, "3"), (5, "4-5"), (9, "6-9"), (14, "10-14")):
        if n <= limit:
            return name
    return "15+"


def _path(a: Token, b: Token) -> tuple[list[Token], Token, list[Token]]:
    """The dependency path a -> b: tokens going up from ``a``, the common ancestor, tokens going down to ``b``."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    on_b = {t.i for t in up_b}
    lca = next((t for t in up_a if t.i in on_b), None)
    if lca is None:  # different sentence roots: no path
        return up_a, a, up_b
    rise = [t for t in up_a[: [t.i for t in up_a].index(lca.i)]]
    fall = [t for t in up_b[: [t.i for t in up_b].index(lca.i)]]
    return rise, lca, list(reversed(fall))


def _in_brackets(span: Span) -> bool:
    depth = 0
    for token in span.sent:
        if token.i >= span.start:
            break
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
    return depth > 0


def _apposed(a: Span, b: Span) -> bool:
    """One span is described by an apposition that holds the other: "X, a spokesman for Y"."""
    for x, y in ((a, b), (b, a)):
        for child in x.root.children:
            if child.dep_ == "appos" and child.left_edge.i <= y.root.i <= child.right_edge.i:
                return True
    return False


def pair_features(
    doc: Doc, subj_span: Span, obj_span: Span, subj_type: str, obj_type: str,
    cues: Mapping[str, frozenset[str]] | None = None,
) -> list[str]:
    """String features of a (subject, object) pair of spans in one sentence of ``doc``.

    Entity classes; the words between the spans (bag, first, last, and the whole
    stretch when short); the dependency path between the span roots (dependency labels
    with the lemmas of its inner tokens); the distance; brackets and apposition; trigger
    words on the path or between; which span comes first; the last word of each name
    and spaCy's label for it; the labels of the other names in between; the path, the
    words around and the name endings again conjoined with the two classes; and where
    each name attaches in the parse (its relation to its head word, the preposition's
    head, its modifiers).  With ``cues`` (:func:`ontology_cues`: the ontology's trigger words and the
    properties they state), a trigger on the path, between the names or right beside one of them is a
    feature of its property (the rules' vocabulary as evidence, not as a rule), and so is the
    sentence's length.

    >>> pair_features(doc, doc[0:2], doc[6:8], "Person", "Organization")[:3]  # doctest: +SKIP
    ['bias', 'ts=Person', 'to=Organization']
    """
    forward = subj_span.start < obj_span.start
    first, second = (subj_span, obj_span) if forward else (obj_span, subj_span)
    order = "fwd" if forward else "rev"
    types = f"{subj_type}|{obj_type}"
    feats = ["bias", f"ts={subj_type}", f"to={obj_type}", f"tp={types}|{order}", f"order={order}"]

    between = [doc[i] for i in range(first.end, second.start)]
    words = [_word(t) for t in between]
    feats.append(f"dist={_bucket(len(between))}")
    feats.append(f"dist={_bucket(len(between))}|{order}")
    if not words:
        feats.append("bw=<none>")
    else:
        feats.extend(f"bw={w}" for w in sorted(set(words)))
        feats.append(f"bf={words[0]}")
        feats.append(f"bl={words[-1]}")
        if len(words) <= 4:
            feats.append(f"bs={' '.join(words)}|{order}")
    before = doc[first.start - 1] if first.start > first.sent.start else None
    after = doc[second.end] if second.end < first.sent.end else None
    feats.append(f"w-1={_word(before) if before is not None else '<s>'}")
    feats.append(f"w+1={_word(after) if after is not None else '</s>'}")
    # the tokens right before/after the subject: "Sen. X", "X 's", "X of Y"
    s_prev = doc[subj_span.start - 1] if subj_span.start > 0 else None
    o_prev = doc[obj_span.start - 1] if obj_span.start > 0 else None
    feats.append(f"s-1={_word(s_prev) if s_prev is not None else '<s>'}")
    feats.append(f"o-1={_word(o_prev) if o_prev is not None else '<s>'}")

    rise, lca, fall = _path(subj_span.root, obj_span.root)
    labels = [f"{t.dep_}^" for t in rise] + [f"v{t.dep_}" for t in fall]
    inner = [t for t in (*rise[1:], lca, *fall[:-1]) if not (subj_span.start <= t.i < subj_span.end)
             and not (obj_span.start <= t.i < obj_span.end)]
    lca_word = _word(lca) if not (subj_span.start <= lca.i < subj_span.end or obj_span.start <= lca.i < obj_span.end) \
        else "<ent>"
    feats.append(f"dl={' '.join(labels)}")
    feats.append("dp=" + " ".join([*(f"{t.dep_}^" for t in rise), lca_word, *(f"v{t.dep_}" for t in fall)]))
    feats.append(f"lca={lca_word}")
    feats.append(f"plen={_bucket(len(rise) + len(fall))}")
    path_words = {_word(t) for t in inner}
    feats.extend(f"pw={w}" for w in sorted(path_words))
    triggers = (path_words | set(words)) & _TRIGGERS
    feats.extend(f"tr={w}|{types}" for w in sorted(triggers))

    # what the names themselves say: "... Parliament", "... University"; spaCy's own label ("NORP")
    feats.append(f"sh={_word(subj_span[-1])}|{order}")
    feats.append(f"oh={_word(obj_span[-1])}|{order}")
    feats.append(f"se={subj_span.root.ent_type_ or '-'}|oe={obj_span.root.ent_type_ or '-'}")
    # other names in between: "X of A, B of C" pairs the nearer ones
    others = sorted({e.label_ for e in doc.ents if first.end <= e.start and e.end <= second.start})
    feats.append(f"eb={'+'.join(others) or '-'}|{types}")
    if subj_span.root.ent_type_ and subj_span.root.ent_type_ in others:
        feats.append("same_s_between")
    if obj_span.root.ent_type_ and obj_span.root.ent_type_ in others:
        feats.append("same_o_between")
    if _in_brackets(subj_span):
        feats.append("brackets=s")
    if _in_brackets(obj_span):
        feats.append("brackets=o")
    if _apposed(subj_span, obj_span):
        feats.append(f"appos|{order}")
    if any(t.text in {";", ":"} for t in between):
        feats.append("sep=;")
    if sum(1 for t in between if t.text == ",") >= 2:
        feats.append("commas=2+")
    # the same evidence conditioned on the two classes: "of" between a person and a place is not
    # "of" between a person and an organisation, and a linear model cannot make that product itself
    feats.extend([f"{f}#{types}" for f in feats if f.startswith(_CONJOINED)])
    # where each name hangs in the parse: "X, spokesman for Y" (appos > spokesman), "mayor of Y" (pobj > of > mayor)
    for side, span in (("s", subj_span), ("o", obj_span)):
        root, head = span.root, span.root.head
        feats.append(f"{side}hd={root.dep_}>{_word(head)}#{types}")
        if head.dep_ == "prep":
            feats.append(f"{side}hd2={_word(head)}>{_word(head.head)}#{types}")
        feats.extend(
            f"{side}ch={child.dep_}:{_word(child)}#{types}"
            for child in root.children
            if child.dep_ in _MODIFIERS and not any(x.start <= child.i < x.end for x in (first, second))
        )
    if cues is not None:
        feats.extend(_cue_features(doc, subj_span, obj_span, words, path_words, cues, types))
    return feats


def _cue_features(
    doc: Doc, subj_span: Span, obj_span: Span, between: list[str], path_words: set[str],
    cues: Mapping[str, frozenset[str]], types: str,
) -> list[str]:
    """The properties whose trigger words lie on the path, between the names, or within two words of
    one name ("Sen. X", "X, chairman of"), conjoined with the two classes; and the sentence's length."""
    sent = subj_span.sent
    feats = [f"slen={_length_bucket(len(sent))}#{types}"]
    where: dict[str, set[str]] = {"path": set(), "bw": set(), "s": set(), "o": set()}
    none: frozenset[str] = frozenset()
    for word in path_words:
        where["path"] |= cues.get(word, none)
    for n in range(1, _LONGEST_CUE + 1):  # every run of one to three words between: "chief executive"
        for i in range(len(between) - n + 1):
            where["bw"] |= cues.get(" ".join(between[i : i + n]), none)
    for side, span in (("s", subj_span), ("o", obj_span)):
        near = [doc[i] for i in (*range(max(sent.start, span.start - 2), span.start),
                                 *range(span.end, min(sent.end, span.end + 2)))]
        for token in near:
            where[side] |= cues.get(_word(token), none)
    for place, found in where.items():
        feats.extend(f"cue={prop}|{place}#{types}" for prop in sorted(found))
    return feats


#: The longest trigger phrase, in words, that :func:`_cue_features` looks for between two names (the
#: ontology's longest are three: "chief executive officer").
_LONGEST_CUE = 4


def _length_bucket(n: int) -> str:
    for limit in (12, 20, 30, 45):
        if n <= limit:
            return f"<={limit}"
    return ">45"


@per_ontology
def ontology_cues(ontology: Ontology) -> dict[str, frozenset[str]]:
    """The ontology's trigger words and phrases (lower case), each with the properties it states in
    ``ontology/patterns.ttl``; computed once per ontology."""
    found: dict[str, set[str]] = {}
    for pattern in ontology.patterns:
        for trigger in pattern.triggers:
            if trigger != "*":
                found.setdefault(trigger.lower(), set()).add(pattern.property)
    return {trigger: frozenset(props) for trigger, props in sorted(found.items())}


def rule_features(forward: Sequence[RelationMention], backward: Sequence[RelationMention], types: str) -> list[str]:
    """What the rules said about a (subject, object) pair: the pattern and property of each rule relation
    from subject to object (``forward``) and back (``backward``), the property conjoined with the two
    classes; or that no rule fired.

    >>> rule_features([], [], "Person|Organization")
    ['rule=none', 'rule=none#Person|Organization']
    """
    if not forward and not backward:
        return ["rule=none", f"rule=none#{types}"]
    feats = {f"rule={r.pattern}" for r in forward} | {f"rp={r.predicate}#{types}" for r in forward}
    feats |= {f"rrule={r.pattern}" for r in backward} | {f"rrp={r.predicate}#{types}" for r in backward}
    return sorted(feats)


#: Width of :func:`dense_features`: four blocks of the pipeline's token vectors (``doc.tensor``).
DENSE_BLOCKS = ("subject", "object", "product", "between")


def dense_features(doc: Doc, subj_span: Span, obj_span: Span) -> Any:
    """The pair in the pipeline's own contextual token vectors (spaCy's shared ``tok2vec`` output,
    ``doc.tensor``, computed by the parse at no extra cost): the vector of each name's head word, their
    elementwise product, and the mean over the words between the names (zeros when they touch); one
    numpy vector of ``4 * width`` values, or ``None`` when the pipeline left no tensor.

    >>> dense_features(doc, doc[0:2], doc[6:8]).shape  # doctest: +SKIP
    (384,)
    """
    import numpy as np

    tensor = doc.tensor
    if tensor is None or len(tensor.shape) != 2 or tensor.shape[0] != len(doc) or tensor.shape[1] == 0:
        return None
    s_vec, o_vec = tensor[subj_span.root.i], tensor[obj_span.root.i]
    first, second = (subj_span, obj_span) if subj_span.start < obj_span.start else (obj_span, subj_span)
    between = tensor[first.end : second.start].mean(axis=0) if second.start > first.end else np.zeros_like(s_vec)
    return np.concatenate([s_vec, o_vec, s_vec * o_vec, between]).astype(np.float64)


_CONJOINED = ("dp=", "bs=", "lca=", "dl=", "bf=", "bl=", "sh=", "oh=")
_MODIFIERS = frozenset({"appos", "compound", "amod", "poss"})


@dataclass
class RelationClassifier:
    """A multinomial logistic regression over :func:`pair_features` and :func:`rule_features`.

    ``covers`` maps a label to the further properties it decides besides its sub-properties
    (``livesIn`` decides ``nationality``: the training data labels both alike); ``calibration`` is the
    Platt scaling ``(a, b)`` of a label's probability fitted on held-out folds for the rule relations
    it rescores, ``added_calibration`` the one for the pairs it adds (they are right less often at the
    same probability: mentions the rules could not link); ``floor`` the
    lowest calibrated probability at which a pair the rules missed is added; ``adds`` the labels that
    may add such a pair (those learned from exhaustively annotated sentences, whose additions the
    cross-validation judges; a label learned only from KBP37's one marked pair per sentence rescores
    the rules' relations but adds none); ``veto`` the calibrated probability below which the model
    turns a rule relation down (above it the relation keeps the higher of the rule's and the model's
    confidence, or with ``raises`` False the rule's own, so text unlike the training data keeps the
    rules' precise relations); ``cues``
    whether :func:`pair_features` gets the ontology's trigger words (:func:`ontology_cues`).

    >>> model = RelationClassifier.load()                                    # doctest: +SKIP
    >>> model.decide(doc, kept, links, find_relations(doc, kept, ontology), ontology)  # doctest: +SKIP
    [RelationMention(subject=..., predicate='worksFor', ..., pattern='model/worksFor')]
    """

    labels: list[str]
    weights: dict[str, dict[str, float]]  # feature -> label -> weight
    threshold: float  # the lowest --min-confidence reaching 0.85 precision in cross-validation (a record)
    type_pairs: dict[str, set[tuple[str, str]]]  # label -> (subject class, object class) seen in training
    meta: dict[str, Any] = field(default_factory=dict)
    covers: dict[str, list[str]] = field(default_factory=dict)
    calibration: tuple[float, float] = (1.0, 0.0)
    added_calibration: tuple[float, float] | None = None  # None: ``calibration`` for the pairs it adds too
    floor: float = 0.5
    adds: frozenset[str] | None = None  # None: every label
    veto: float = 1.0  # 1.0: the model's confidence replaces the rule's
    raises: bool = True  # above the veto: the higher of the two confidences (True) or the rule's own
    cues: bool = False
    dense: DenseLayer | None = None  # weights over :func:`dense_features`; None: the sparse features alone

    @classmethod
    def load(cls, path: Path | None = None) -> RelationClassifier:
        """Read the weights file (``kgraph/resources/relations.json`` by default)."""
        data = json.loads((path or WEIGHTS_PATH).read_text(encoding="utf-8"))
        a, b = data.get("calibration", (1.0, 0.0))
        added = data.get("added_calibration")
        return cls(
            labels=list(data["labels"]),
            weights={f: dict(w) for f, w in data["weights"].items()},
            threshold=float(data["threshold"]),
            type_pairs={label: {(s, o) for s, o in pairs} for label, pairs in data["type_pairs"].items()},
            meta=dict(data.get("meta", {})),
            covers={label: list(props) for label, props in data.get("covers", {}).items()},
            calibration=(float(a), float(b)),
            added_calibration=(float(added[0]), float(added[1])) if added else None,
            floor=float(data.get("floor", 0.5)),
            adds=frozenset(data["adds"]) if "adds" in data else None,
            veto=float(data.get("veto", 1.0)),
            raises=bool(data.get("raises", True)),
            cues=bool(data.get("cues", False)),
            dense=DenseLayer.from_json(data["dense"]) if data.get("dense") else None,
        )

    def allowed(self, subj_cls: str, obj_cls: str, ontology: Ontology) -> list[str]:
        """Labels possible for a pair of mention classes (``NONE`` first)."""
        out = [NONE]
        coarse = (coarse_class(subj_cls, ontology), coarse_class(obj_cls, ontology))
        for label in self.labels:
            if label == NONE or coarse not in self.type_pairs.get(label, set()):
                continue
            prop = ontology.properties.get(label)
            if prop is not None and ontology.fits(subj_cls, prop.domain) and ontology.fits(obj_cls, prop.range):
                out.append(label)
        return out

    def probabilities(self, features: Iterable[str], labels: list[str], vector: Any = None) -> dict[str, float]:
        """Softmax over ``labels`` of the summed feature weights, plus :attr:`dense`'s scores of the pair's
        :func:`dense_features` ``vector`` when both are there."""
        scores = dict.fromkeys(labels, 0.0)
        if self.dense is not None and vector is not None:
            dense = self.dense.scores(vector)
            for label in labels:
                scores[label] += dense.get(label, 0.0)
        for feature in features:
            row = self.weights.get(feature)
            if row is None:
                continue
            for label in labels:
                scores[label] += row.get(label, 0.0)
        top = max(scores.values())
        exp = {label: math.exp(s - top) for label, s in scores.items()}
        total = sum(exp.values())
        return {label: e / total for label, e in exp.items()}

    def calibrated(self, probability: float, added: bool = False) -> float:
        """The model's probability of a label mapped to the precision measured on held-out folds (Platt),
        for a rule relation it rescores or (``added``) for a pair it adds: each has its own scaling."""
        p = min(max(probability, 1e-6), 1 - 1e-6)
        a, b = self.added_calibration if added and self.added_calibration is not None else self.calibration
        return 1.0 / (1.0 + math.exp(-(a * math.log(p / (1 - p)) + b)))

    def rescored(self, rule_confidence: float, probability: float) -> float:
        """The confidence of a rule relation the model has scored: the model's calibrated probability when
        it is below :attr:`veto` (the model is confident against it), else the higher of the two, or with
        :attr:`raises` False the rule's own (the model only turns relations down)."""
        model = self.calibrated(probability)
        if model < self.veto:
            return model
        return max(rule_confidence, model) if self.raises else rule_confidence

    def label_for(self, predicate: str, labels: list[str], ontology: Ontology) -> str | None:
        """The model's label among ``labels`` that decides a rule relation's ``predicate`` (itself, a
        super-property, or a label that covers it), if any."""
        info = ontology.properties.get(predicate)
        ancestors = info.ancestors if info is not None else frozenset({predicate})
        for label in labels[1:]:
            if label in ancestors or predicate in self.covers.get(label, ()):
                return label
        return None

    def score_pairs(
        self,
        doc: Doc,
        mentions: list[tuple[Mention, Span]],
        links: dict[Mention, Mention],
        rules: list[RelationMention],
        ontology: Ontology,
    ) -> dict[tuple[Mention, Mention], dict[str, float]]:
        """The label probabilities of every ordered pair of candidate mentions in a sentence."""
        by_pair: dict[tuple[Mention, Mention], list[RelationMention]] = {}
        for rel in rules:
            by_pair.setdefault((rel.subject, rel.object), []).append(rel)
        by_sentence: dict[int, list[tuple[Mention, Span]]] = {}
        for mention, span in candidates(mentions, links, ontology):
            by_sentence.setdefault(span.sent.start, []).append((mention, span))
        scores: dict[tuple[Mention, Mention], dict[str, float]] = {}
        cues = ontology_cues(ontology) if self.cues else None
        for group in (_one_per_entity(g, links) for g in by_sentence.values()):
            for s_mention, s_span in group:
                for o_mention, o_span in group:
                    if s_mention is o_mention or s_span.start < o_span.end and o_span.start < s_span.end:
                        continue
                    if links.get(s_mention, s_mention) == links.get(o_mention, o_mention):
                        continue
                    labels = self.allowed(s_mention.type, o_mention.type, ontology)
                    if len(labels) == 1:
                        continue
                    s_cls, o_cls = coarse_class(s_mention.type, ontology), coarse_class(o_mention.type, ontology)
                    feats = pair_features(doc, s_span, o_span, s_cls, o_cls, cues)
                    feats += rule_features(
                        by_pair.get((s_mention, o_mention), []), by_pair.get((o_mention, s_mention), []),
                        f"{s_cls}|{o_cls}",
                    )
                    vector = dense_features(doc, s_span, o_span) if self.dense is not None else None
                    scores[(s_mention, o_mention)] = self.probabilities(feats, labels, vector)
        return scores

    def decide(
        self,
        doc: Doc,
        mentions: list[tuple[Mention, Span]],
        links: dict[Mention, Mention],
        rules: list[RelationMention],
        ontology: Ontology,
    ) -> list[RelationMention]:
        """The relations of one document: the rules' relations rescored by the model, plus the model's own.

        A rule relation whose property the model decides is rescored (:meth:`rescored`: turned down
        when the model's calibrated probability of its label is below :attr:`veto`, else the higher of
        the two confidences or the rule's own; the rule's more specific property, role and evidence are kept, and
        ``+model/<label>`` is added to its pattern); other rule relations keep the rules' confidence.
        A pair no rule links gets the model's best label when its calibrated probability reaches :attr:`floor` and the
        label is one of :attr:`adds` (one direction per pair; the ontology's exceptions veto as for the rules).
        """
        scores = self.score_pairs(doc, mentions, links, rules, ontology)
        out: list[RelationMention] = []
        for rel in rules:
            probs = scores.get((rel.subject, rel.object))
            label = self.label_for(rel.predicate, list(probs), ontology) if probs else None
            if probs is None or label is None:
                out.append(rel)
                continue
            confidence = round(self.rescored(rel.confidence, probs[label]), 4)
            out.append(replace(rel, confidence=confidence, pattern=f"{rel.pattern}+model/{label}"))
        def rep(mention: Mention) -> Mention:
            return links.get(mention, mention)

        # a pair is linked by a rule whether it names the parties or refers to them ("its")
        linked = {frozenset((rep(r.subject), rep(r.object))) for r in rules}
        _, vetoes = _ontology_words(ontology)
        spans = {m: s for m, s in mentions}
        added: list[RelationMention] = []
        for (subject, obj), probs in scores.items():
            if frozenset((rep(subject), rep(obj))) in linked or len(probs) == 1:
                continue
            label = max(list(probs)[1:], key=lambda lab: probs[lab])
            confidence = self.calibrated(probs[label], added=True)
            if confidence < self.floor or (self.adds is not None and label not in self.adds):
                continue
            if vetoes.get(label) and _between_lemmas(doc, spans[subject], spans[obj]) & vetoes[label]:
                continue
            added.append(_relation(subject, label, obj, confidence, spans[subject].sent))
        kept = _one_direction(added, ontology)
        return sorted([*out, *self._not_implied(kept, [*out, *kept], rep, ontology)])

    def _not_implied(
        self, added: list[RelationMention], relations: list[RelationMention], rep: Callable[[Mention], Mention],
        ontology: Ontology,
    ) -> list[RelationMention]:
        """The added relations that a narrower place does not already say: of "X lives in Ashford, Kent"
        the rules state "X livesIn Ashford" and "Ashford locatedIn Kent"; "X livesIn Kent" adds nothing."""
        within = {(rep(r.subject), rep(r.object)) for r in relations if r.predicate == "locatedIn"}
        out = []
        for rel in added:
            narrower = any(
                rep(other.subject) == rep(rel.subject)
                and (rep(other.object), rep(rel.object)) in within
                and self.label_for(other.predicate, [NONE, rel.predicate], ontology) == rel.predicate
                for other in relations
            )
            if not narrower:
                out.append(rel)
        return out


@dataclass
class DenseLayer:
    """Scores of :func:`dense_features`: the vector is standardised (``mean``, ``scale``), passed through
    a hidden layer of rectified units when there is one (``hidden``, ``hidden_bias``), and weighted
    per label (``weights``, one column per label of ``labels``)."""

    labels: list[str]
    mean: Any  # numpy arrays
    scale: Any
    weights: Any
    hidden: Any = None
    hidden_bias: Any = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> DenseLayer:
        import numpy as np

        def array(key: str) -> Any:
            return np.array(data[key], dtype=np.float64) if data.get(key) is not None else None

        return cls(list(data["labels"]), array("mean"), array("scale"), array("weights"), array("hidden"),
                   array("hidden_bias"))

    def to_json(self, digits: int = 5) -> dict[str, Any]:
        def rounded(value: Any) -> Any:
            return None if value is None else [rounded(v) for v in value] if getattr(value, "ndim", 0) \
                else round(float(value), digits)

        return {"labels": self.labels, "mean": rounded(self.mean), "scale": rounded(self.scale),
                "hidden": rounded(self.hidden), "hidden_bias": rounded(self.hidden_bias),
                "weights": rounded(self.weights)}

    def scores(self, vector: Any) -> dict[str, float]:
        """Each label's score of one :func:`dense_features` vector."""
        import numpy as np

        x = (vector - self.mean) / self.scale
        if self.hidden is not None:
            x = np.maximum(x @ self.hidden + self.hidden_bias, 0.0)
        return dict(zip(self.labels, (float(v) for v in x @ self.weights), strict=True))


def _one_per_entity(group: list[tuple[Mention, Span]], links: dict[Mention, Mention]) -> list[tuple[Mention, Span]]:
    """A sentence's candidates without the pronouns and descriptions whose name is in the sentence too
    ("X praised Y for its service": the pair is X and Y, not X and "its")."""
    named = {links.get(m, m) for m, _ in group if m.label not in _NOT_NAMES}
    return [(m, s) for m, s in group if m.label not in _NOT_NAMES or links.get(m, m) not in named]


def candidates(
    mentions: list[tuple[Mention, Span]], links: dict[Mention, Mention], ontology: Ontology
) -> list[tuple[Mention, Span]]:
    """The mentions that may take part in a relation: names (not a job title the NER took for a name,
    "CEO" as ORG), and pronouns and descriptions that coreference links to a name."""
    titles, _ = _ontology_words(ontology)
    out = []
    for mention, span in mentions:
        if mention.label in _NOT_NAMES:
            target = links.get(mention)
            if target is None or target is mention or target.label in _NOT_NAMES:
                continue
        elif mention.text.lower() in titles:
            continue
        out.append((mention, span))
    return out


@per_ontology
def _ontology_words(ontology: Ontology) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """Job titles (RelationalNoun triggers), and per property the nouns that do not state it
    (kgx:exceptTrigger: "Y star X" is no employment, for the classifier as for the rules);
    computed once per ontology."""
    titles = frozenset(t for p in ontology.patterns if p.frame == "RelationalNoun" for t in p.triggers)
    vetoes: dict[str, set[str]] = {}
    for p in ontology.patterns:
        if p.exceptions:
            vetoes.setdefault(p.property, set()).update(p.exceptions)
    return titles, {prop: frozenset(words) for prop, words in vetoes.items()}


def _between_lemmas(doc: Doc, a: Span, b: Span) -> set[str]:
    first, second = (a, b) if a.start < b.start else (b, a)
    return {doc[i].lemma_.lower() for i in range(first.end, second.start)}


def _relation(subject: Mention, label: str, obj: Mention, probability: float, sent: Span) -> RelationMention:
    raw = sent.text
    evidence = raw.strip()
    start = sent.start_char + (len(raw) - len(raw.lstrip()))
    return RelationMention(
        subject=subject,
        predicate=label,
        object=obj,
        confidence=round(probability, 4),
        sentence_start=start,
        sentence_end=start + len(evidence),
        evidence=evidence,
        pattern=f"model/{label}",
    )


def _one_direction(relations: list[RelationMention], ontology: Ontology) -> list[RelationMention]:
    """Of "A locatedIn B" and "B locatedIn A" keep the likelier: a pair has one direction."""
    best: dict[tuple[Mention, Mention], RelationMention] = {}
    for rel in relations:
        key = (min(rel.subject, rel.object), max(rel.subject, rel.object))
        if key not in best or rel.confidence > best[key].confidence:
            best[key] = rel
    return sorted(best.values())


@lru_cache(maxsize=2)
def load_classifier(path: Path | None = None) -> RelationClassifier | None:
    """The shipped classifier, or ``None`` when the weights file is absent."""
    target = path or WEIGHTS_PATH
    return RelationClassifier.load(target) if target.is_file() else None
