"""What the LLM is shown and how it may answer: chunks, the prompt, and the answer's JSON schema.

spaCy proposes, the LLM chooses.  A *chunk* is a few whole sentences of one document
with the rule extractor's mentions inside them, numbered.  The prompt lists the
numbered sentences, the numbered mentions (with their class, and whom a pronoun or
description refers to) and the ontology's properties with their classes; the answer
names mentions by number and a property, and cites a sentence number and a quote.

The answer's schema is generated from the ontology *and the chunk*: one branch per
property that some pair of the chunk's mentions can hold, whose ``subject`` and
``object`` are enumerations of the mention numbers whose class fits the property's
domain and range.  A constrained decoder then cannot name a thing that is not a
mention, a property outside the ontology, or a pair the wrong way round; the
answer is checked again anyway (:mod:`kgraph.extract.evidence`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from kgraph.models import Mention
from kgraph.ontology import Ontology, PropertyInfo

__all__ = [
    "PROMPT_VERSION",
    "SENTENCES_PER_CHUNK",
    "Chunk",
    "answer_problem",
    "build_messages",
    "fact_schema",
    "offered_properties",
    "schema_digest",
]

#: bump when the prompt's wording or the answer's shape changes: it is part of every cache key
PROMPT_VERSION = "kgraph-llm-prompt/1"
#: sentences per request: few enough that an edit changes few cache keys, enough for context
SENTENCES_PER_CHUNK = 3
MAX_FACTS = 20
MAX_QUOTE = 300
# classes whose members are never named in a text (reified roles, the documents themselves)
_NOT_MENTIONED = ("Role", "Document")

_SYSTEM = (
    "You read news text and pick the facts it states between the numbered mentions, for a knowledge graph. "
    "Use only the listed mentions (by number) and the listed properties, in the direction shown "
    "(subject class -> object class). For every fact give the number of the sentence that states it and a "
    "quote: the words of that sentence that state the fact, copied exactly. Leave out anything negated, "
    "hedged, planned, rumoured or speculated. Answer with JSON only, in the form "
    '{"facts": [{"subject": 1, "property": "worksFor", "object": 2, "sentence": 1, "quote": "..."}]}; '
    'when the text states none of the properties, answer {"facts": []}.'
)


@dataclass(frozen=True)
class Chunk:
    """A few whole sentences of a document and the mentions inside them.

    ``sentences`` holds ``(start, end)`` character offsets into the document (numbered
    from 1 in the prompt); ``mentions[i]`` is mention number ``i + 1``, in sentence
    ``mention_sentences[i]``; ``refers[i]`` says whom it stands for, if another mention.
    """

    sentences: tuple[tuple[int, int], ...]
    texts: tuple[str, ...]
    mentions: tuple[Mention, ...]
    mention_sentences: tuple[int, ...]
    refers: tuple[str | None, ...]


def offered_properties(ontology: Ontology) -> list[PropertyInfo]:
    """The properties an answer may use: those between things a text names, by name."""
    offered = []
    for prop in sorted(ontology.properties.values(), key=lambda p: p.name):
        ends = (prop.domain, prop.range)
        if any(end is None or any(ontology.is_a(end, cls) for cls in _NOT_MENTIONED) for end in ends):
            continue
        offered.append(prop)
    return offered


def _candidates(chunk: Chunk, prop: PropertyInfo, ontology: Ontology) -> tuple[list[int], list[int]]:
    subjects = [i + 1 for i, m in enumerate(chunk.mentions) if ontology.fits(m.type, prop.domain)]
    objects = [i + 1 for i, m in enumerate(chunk.mentions) if ontology.fits(m.type, prop.range)]
    return subjects, objects


def _usable(chunk: Chunk, ontology: Ontology) -> list[tuple[PropertyInfo, list[int], list[int]]]:
    usable = []
    for prop in offered_properties(ontology):
        subjects, objects = _candidates(chunk, prop, ontology)
        if subjects and objects and (len(set(subjects) | set(objects)) > 1):
            usable.append((prop, subjects, objects))
    return usable


def fact_schema(chunk: Chunk, ontology: Ontology) -> dict[str, Any] | None:
    """The JSON schema of an answer for this chunk; None when no pair of its mentions can hold any property."""
    branches = []
    for prop, subjects, objects in _usable(chunk, ontology):
        branches.append(
            {
                "type": "object",
                "properties": {
                    "subject": {"type": "integer", "enum": subjects},
                    "property": {"type": "string", "enum": [prop.name]},
                    "object": {"type": "integer", "enum": objects},
                    "sentence": {"type": "integer", "enum": list(range(1, len(chunk.sentences) + 1))},
                    "quote": {"type": "string", "maxLength": MAX_QUOTE},
                },
                "required": ["subject", "property", "object", "sentence", "quote"],
                "additionalProperties": False,
            }
        )
    if not branches:
        return None
    return {
        "type": "object",
        "properties": {"facts": {"type": "array", "items": {"anyOf": branches}, "maxItems": MAX_FACTS}},
        "required": ["facts"],
        "additionalProperties": False,
    }


def schema_digest(schema: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(schema, sort_keys=True).encode()).hexdigest()[:16]


def build_messages(chunk: Chunk, ontology: Ontology) -> list[dict[str, str]]:
    """The chat messages for one chunk: instructions, then sentences, mentions and properties."""
    lines = ["Sentences:"]
    lines += [f"[{i}] {' '.join(text.split())}" for i, text in enumerate(chunk.texts, start=1)]
    lines += ["", "Mentions (number: text, class, sentence):"]
    for i, (mention, sentence, refers) in enumerate(
        zip(chunk.mentions, chunk.mention_sentences, chunk.refers, strict=True), start=1
    ):
        note = f"; refers to {refers}" if refers else ""
        lines.append(f"{i}: {json.dumps(mention.text, ensure_ascii=False)}, {mention.type}, sentence {sentence}{note}")
    lines += ["", "Properties (subject class -> object class: meaning):"]
    for prop, _, _ in _usable(chunk, ontology):
        lines.append(f"{prop.name}: {prop.domain} -> {prop.range}: {prop.label}")
    return [{"role": "system", "content": _SYSTEM}, {"role": "user", "content": "\n".join(lines)}]


def answer_problem(data: Any) -> str | None:
    """Why a parsed answer is not of the expected shape (``{"facts": [objects]}``), or None.

    Facts with wrong or missing fields are judged one by one later; only an answer
    that cannot be read as a list of facts at all is asked again.
    """
    if not isinstance(data, dict):
        return "the answer is not a JSON object"
    facts = data.get("facts")
    if not isinstance(facts, list):
        return 'the answer has no "facts" list'
    if not all(isinstance(f, dict) for f in facts):
        return 'an item of "facts" is not an object'
    return None
