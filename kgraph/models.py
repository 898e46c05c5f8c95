"""Value objects passed between the pipeline stages.

``Article`` comes out of :mod:`kgraph.ingest`; ``Mention`` and ``RelationMention``
come out of :mod:`kgraph.extract` (which also links the mentions inside a document);
:mod:`kgraph.resolve` turns mentions into ``Entity`` objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "EXTRACTOR_NAME", "LLM_EXTRACTOR_NAME", "LLM_PATTERN", "extractor_label", "found_by_llm_only",
    "Article", "Mention", "RelationMention", "Rejection", "Role", "Extraction", "Entity",
]

#: The name and version of kgraph's extraction: the extractor's name, recorded with each relation
#: (``kg:extractor``, before the pattern's name) and in the cache's pipeline key.
EXTRACTOR_NAME = "kgraph-rules/0.1"
#: The name and version of the LLM extractor (:mod:`kgraph.extract.llm`), recorded with the facts it proposed.
LLM_EXTRACTOR_NAME = "kgraph-llm/0.1"
#: The start of the pattern name of a fact an LLM proposed ("llm MODEL PROMPT-VERSION"); a fact
#: the rules found too has the rule's pattern, then " +llm ..." (:func:`kgraph.extract.llm.merge_relations`).
LLM_PATTERN = "llm "


def found_by_llm_only(relation: RelationMention) -> bool:
    """Whether only an LLM found ``relation`` (no rule pattern found it too)."""
    return relation.pattern.startswith(LLM_PATTERN)


def extractor_label(pattern: str) -> str:
    """The ``kg:extractor`` text of a relation found by ``pattern``: each extractor's name before its part.

    >>> extractor_label("worksFor/Verb")
    'kgraph-rules/0.1 worksFor/Verb'
    >>> extractor_label("llm qwen2.5:7b kgraph-llm-prompt/1")
    'kgraph-llm/0.1 llm qwen2.5:7b kgraph-llm-prompt/1'
    >>> extractor_label("worksFor/Verb +llm qwen2.5:7b kgraph-llm-prompt/1")
    'kgraph-rules/0.1 worksFor/Verb +kgraph-llm/0.1 llm qwen2.5:7b kgraph-llm-prompt/1'
    """
    if pattern.startswith(LLM_PATTERN):
        return f"{LLM_EXTRACTOR_NAME} {pattern}"
    rule, plus, llm = pattern.partition(f" +{LLM_PATTERN}")
    label = f"{EXTRACTOR_NAME} {rule}".strip()
    return f"{label} +{LLM_EXTRACTOR_NAME} {LLM_PATTERN}{llm}" if plus else label


@dataclass(frozen=True, order=True)
class Article:
    """One document to read.

    ``text`` is the cleaned article text; every offset kgraph reports is an offset
    into it.  ``source`` is the file path (or URL) it came from, ``id`` a stable
    identifier (the line's ``id`` for JSON Lines input, else the path).
    """

    id: str
    text: str
    source: str
    title: str | None = None
    date: str | None = None
    author: str | None = None
    url: str | None = None


@dataclass(frozen=True, order=True)
class Mention:
    """A span of the article text naming an entity."""

    start: int
    end: int
    text: str
    type: str  # ontology class local name: Person, Organization, Place, ...
    label: str = ""  # the NER label it came from (PERSON, ORG, ...) or "rule"

    @property
    def id(self) -> str:
        return f"m{self.start}-{self.end}"


@dataclass(frozen=True, order=True)
class Role:
    """Qualifiers of a role relation: the title as written, current or former, start."""

    title: str
    current: bool = True
    start_date: str | None = None


@dataclass(frozen=True, order=True)
class RelationMention:
    """A relation between two mentions, stated in one sentence."""

    subject: Mention
    predicate: str  # ontology property local name
    object: Mention
    confidence: float
    sentence_start: int
    sentence_end: int
    evidence: str
    pattern: str = ""  # which pattern produced it, for debugging and provenance
    role: Role | None = None


@dataclass(frozen=True, order=True)
class Rejection:
    """A fact an LLM proposed that kgraph did not keep, and why (see :mod:`kgraph.extract.evidence`).

    ``claim`` is the fact as proposed ("subject property object", mentions by number);
    ``chunk_start``/``chunk_end`` bound the sentences it was asked about.
    """

    reason: str
    claim: str
    quote: str = ""
    detail: str = ""
    chunk_start: int = 0
    chunk_end: int = 0


@dataclass
class Extraction:
    """What the extractor found in one article."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    relations: list[RelationMention] = field(default_factory=list)
    # mention -> the mention it refers to (alias, surname, pronoun, description)
    links: dict[Mention, Mention] = field(default_factory=dict)
    # what extracting it cost, counted by an LLM back-end ("llm.requests", "rejected.<reason>", ...);
    # not kept in the cache: it describes this run, not the document
    stats: dict[str, float] = field(default_factory=dict)
    rejected: list[Rejection] = field(default_factory=list)


@dataclass(frozen=True, order=True)
class Entity:
    """A real-world thing after resolution: one node of the graph."""

    key: str  # normalised identity key, stable across builds
    type: str
    label: str
    aliases: tuple[str, ...] = ()
