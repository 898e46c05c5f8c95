"""Name classes: whether a name kgraph found is a person, an organisation or a place, decided again by a model.

The stock NER's label and the hand repairs in :mod:`kgraph.extract.mentions` still read companies as people
or places ("Corvane Foods said", "shares in Orbix rose") and towns as bodies.  This module re-decides the
class of each name mention with a multinomial logistic regression over sparse string features
(:func:`name_features`): the name's own words (each word, the last word and its suffix, their shapes, a
"&" or "Co"), the words around it, the verb or preposition it hangs on, an apposition or a noun before it
("Orbix, the retailer", "insurer Orbix"), the NER's label and the class the repairs gave.  The model's
labels are CoNLL-2003's: ``PER``, ``ORG``, ``LOC``, ``MISC`` and ``NONE`` (a name that is none of them).

One class per name per document: the log-odds of the mentions of the same name in the document are
averaged before deciding.  :func:`retyped` changes a mention's class only when the model's probability of
another of Person / Organization / Place reaches the model's threshold (chosen by cross-validation on
CoNLL-2003 train), and only for a mention the repairs typed Person, Organization or Place themselves: a
government body, an event, a work or an award keeps its class, and so do pronouns, descriptions, countries'
adjectives and datelines.

The weights live in ``kgraph/resources/name_classes.json`` (written by ``scripts/train_name_classes.py``);
inference is a sparse dot product over dicts.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kgraph.extract.doc_text import doc_tokens, per_document, sentence_bounds
from kgraph.models import Mention
from kgraph.names import addressed_names
from kgraph.vocabulary import PERSON_TITLES

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from kgraph.ontology import Ontology

__all__ = ["WEIGHTS_PATH", "LABELS", "NameClassifier", "name_features", "load_name_classifier", "retyped"]

WEIGHTS_PATH = Path(__file__).resolve().parent.parent / "resources" / "name_classes.json"
#: The model's labels (CoNLL-2003's types and NONE).
LABELS = ("PER", "ORG", "LOC", "MISC", "NONE")
#: The classes the model may give, and the only classes it may take away.
CLASS_OF_LABEL = {"PER": "Person", "ORG": "Organization", "LOC": "Place"}
#: Classes the model reads but never takes away: a name the NER or the repairs made an organisation stays one.
#: On CoNLL-2003 the stock NER calls many people's surnames organisations, so the model learned to undo that
#: ("ORG" for a one-word subject): a prior that does not carry to other news, where the companies it then
#: made people ("X said", "X's shares") outnumbered the people (BBC sample, seed 747).
KEPT_CLASSES = frozenset({"Organization"})
#: Mentions that are not names: left alone.
_NOT_NAMES = frozenset({"pronoun", "description", "adjective", "dateline"})


def _shape(text: str) -> str:
    """A word's shape with runs collapsed: "Orbix" -> "Xx", "BSkyB" -> "XxX", "U.S." -> "X.X.", "3M" -> "dX"."""
    out: list[str] = []
    for c in text:
        s = "X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c
        if not out or out[-1] != s:
            out.append(s)
    return "".join(out)[:6]


def _around(token: Token | None, tag: str) -> str:
    if token is None:
        return f"{tag}=<edge>"
    if token.like_num:
        return f"{tag}=<num>"
    return f"{tag}={token.lower_}"


def name_features(span: Span, mention: Mention) -> list[str]:
    """The features of a name mention: its words, their shapes, the words around, its place in the parse,
    the NER's label and the class the repairs gave it."""
    tokens = doc_tokens(span.doc)
    words = [t.lower_ for t in span]
    last = span[-1]
    ner = span.label_ or mention.label
    bounds = sentence_bounds(span.doc)  # (span.sent, and its lower-case words counted once a sentence)
    start, end = bounds[span.start]
    lower = per_document(span.doc, ("lower-case words", start, end), lambda: sum(t.is_lower for t in tokens[start:end]))
    # running prose or a table's row / a headline (few lower-case words): the NER is less sure in the latter
    text = "prose" if lower >= 4 else "terse"
    features = [
        "bias",
        f"cls={mention.type}",
        f"ner={ner}",
        f"n={min(len(span), 4)}",
        f"ner_n={ner}|{min(len(span), 4)}",
        f"cls_ner={mention.type}|{ner}",
        f"ner_text={ner}|{text}",
        f"cls_text={mention.type}|{text}",
        f"last={words[-1]}",
        f"first={words[0]}",
        f"whole={' '.join(words)}",
        f"suf3={last.lower_[-3:]}",
        f"suf2={last.lower_[-2:]}",
        f"lastshape={_shape(last.text)}",
        f"shape={' '.join(_shape(t.text) for t in span)[:20]}",
    ]
    features.extend(f"w={w}" for w in set(words))
    if span.text.isupper() and len(span.text) > 1:
        features.append("allcaps")
    # the words around, within the sentence (the training sentences stand alone)
    def at(i: int) -> Token | None:
        return tokens[i] if start <= i < end else None

    before, after = at(span.start - 1), at(span.end)
    features += [
        _around(before, "p1"),
        _around(at(span.start - 2), "p2"),
        _around(after, "n1"),
        _around(at(span.end + 1), "n2"),
    ]
    if before is not None and after is not None:
        features.append(f"p1n1={before.lower_}|{after.lower_}")
    # "Bellport, Oregon", "Orbix, Kestrel and ...": the kind of name on the other side of a comma
    two_before, two_after = at(span.start - 2), at(span.end + 1)
    if before is not None and before.text == "," and two_before is not None:
        features.append(f"comma_after={two_before.ent_type_ or two_before.pos_}")
    if after is not None and after.text == "," and two_after is not None:
        features.append(f"comma_before={two_after.ent_type_ or two_after.pos_}")
    if span.start == start:
        features.append("opens")
    root = span.root
    head = root.head
    features.append(f"dep={root.dep_}")
    if head.i != root.i and not (span.start <= head.i < span.end):
        features.append(f"gov={root.dep_}:{head.lemma_.lower()}")
        if root.dep_ == "pobj":
            features.append(f"prepgov={head.lower_}:{head.head.lemma_.lower()}")
        if root.dep_ in {"appos", "compound", "poss"} and head.pos_ == "NOUN":
            features.append(f"noun={head.lemma_.lower()}")  # "the retailer, Orbix", "Orbix shares", "Orbix's boss"
    for child in root.children:
        if child.i in range(span.start, span.end):
            continue
        if child.dep_ == "appos" and child.lower_ == "one":  # "Orbix, one of Europe's biggest retailers"
            features.extend(
                f"noun={pobj.lemma_.lower()}"
                for prep in child.children
                if prep.lower_ == "of"
                for pobj in prep.children
                if pobj.dep_ == "pobj"
            )
        elif child.dep_ == "appos" and child.pos_ in {"NOUN", "PROPN"}:
            features.append(f"noun={child.lemma_.lower()}")  # "Orbix, the retailer"
        elif child.dep_ == "compound" and child.pos_ == "NOUN":
            features.append(f"noun={child.lemma_.lower()}")  # "insurer Orbix"
        elif child.dep_ == "acl":
            features.append(f"acl={child.lemma_.lower()}")  # "Orbix, based in ...", "Orbix, owned by ..."
        elif child.dep_ == "relcl":
            features.append(f"relcl={'who' if any(g.lower_ == 'who' for g in child.children) else 'other'}")
    return features


@dataclass
class NameClassifier:
    """A softmax over :data:`LABELS` of summed feature weights; ``threshold`` is the probability a new class
    needs to replace the repairs' one."""

    weights: dict[str, dict[str, float]]  # feature -> label -> weight
    threshold: float

    @classmethod
    def load(cls, path: Path | None = None) -> NameClassifier:
        """Read the weights file (``kgraph/resources/name_classes.json`` by default)."""
        data = json.loads((path or WEIGHTS_PATH).read_text(encoding="utf-8"))
        return cls(weights={f: dict(w) for f, w in data["weights"].items()}, threshold=float(data["threshold"]))

    def scores(self, features: Iterable[str]) -> dict[str, float]:
        """The summed weights (log-odds up to a constant) of each label."""
        out = dict.fromkeys(LABELS, 0.0)
        for feature in features:
            row = self.weights.get(feature)
            if row is not None:
                for label, weight in row.items():
                    out[label] += weight
        return out


def probabilities(scores: dict[str, float]) -> dict[str, float]:
    """Softmax of summed scores."""
    top = max(scores.values())
    exp = {label: math.exp(s - top) for label, s in scores.items()}
    total = sum(exp.values())
    return {label: e / total for label, e in exp.items()}


@lru_cache(maxsize=1)
def load_name_classifier() -> NameClassifier | None:
    """The shipped model, or None when the weights file is missing."""
    if not WEIGHTS_PATH.exists():
        return None
    return NameClassifier.load()


def retypable(mention: Mention, span: Span, ontology: Ontology) -> bool:
    """Whether the model may change a mention's class: a name the repairs typed Person, Organization or Place,
    and not by the ontology's words for a class's names: a head noun ("... Hospital", "... Airport") or an
    opening word ("Fort ...", "Camp ..."), the ontology's own reading where CoNLL-2003 has its conventions;
    nor a name with a form of address ("Sir X", "Mr X", which CoNLL-2003 leaves out of its names)."""
    return (
        mention.label not in _NOT_NAMES
        and mention.type in CLASS_OF_LABEL.values()
        and ontology.class_for_head(span[-1].lower_) is None
        and ontology.class_for_head(span.root.lower_) is None
        and (len(span) == 1 or ontology.class_for_opening(span[0].lower_) is None)
        and span[0].lower_.rstrip(".") not in PERSON_TITLES
    )


def decisions(
    found: list[tuple[Mention, Span]], model: NameClassifier, ontology: Ontology
) -> dict[str, tuple[str, float]]:
    """Per name text: the most probable label over the name's mentions in the document (the mean of their
    scores: one class per name per document, as sure as a typical mention makes it) and its probability."""
    summed: dict[str, dict[str, float]] = defaultdict(lambda: dict.fromkeys(LABELS, 0.0))
    counts: dict[str, int] = defaultdict(int)
    for mention, span in found:
        if not retypable(mention, span, ontology):
            continue
        total = summed[mention.text]
        counts[mention.text] += 1
        for label, score in model.scores(name_features(span, mention)).items():
            total[label] += score
    out: dict[str, tuple[str, float]] = {}
    for text, scores in summed.items():
        probs = probabilities({label: score / counts[text] for label, score in scores.items()})
        best = max(LABELS, key=lambda label: probs[label])
        out[text] = (best, probs[best])
    return out


def retyped(
    found: list[tuple[Mention, Span]],
    ontology: Ontology,
    model: NameClassifier | None = None,
    threshold: float | None = None,
) -> list[tuple[Mention, Span]]:
    """The mentions with the class the model is confident of where it differs from the repairs' one (see the
    module docstring); without a model (no weights file) the mentions unchanged."""
    model = model or load_name_classifier()
    if model is None:
        return found
    limit = model.threshold if threshold is None else threshold
    decided = decisions(found, model, ontology)
    # "Mr Vostrov" in the document: "Vostrov" may be the man, and is no firm or place by the model's say
    addressed = addressed_names(span for _, span in found)
    out: list[tuple[Mention, Span]] = []
    for mention, span in found:
        if mention.text in addressed:
            out.append((mention, span))
            continue
        label, probability = (
            decided.get(mention.text, ("NONE", 0.0)) if retypable(mention, span, ontology) else ("NONE", 0.0)
        )
        cls = CLASS_OF_LABEL.get(label)
        if cls is not None and cls != mention.type and probability >= limit and mention.type not in KEPT_CLASSES:
            mention = replace(mention, type=cls)
        out.append((mention, span))
    return out
