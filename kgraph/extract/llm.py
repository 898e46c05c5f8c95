"""The LLM extractor: spaCy proposes the mentions, an LLM chooses the facts, the text decides.

``--extractor llm`` parses with spaCy and finds mentions exactly as the rules do
(it is a :class:`~kgraph.extract.spacy_rules.RuleExtractor` with other relations: the same
``find_mentions``, in-document linking and pieces of a long document), then asks an OpenAI-compatible chat API,
a few sentences at a time (:mod:`kgraph.extract.llm_schema`), which facts of the
ontology hold between the numbered mentions.  Every proposed fact is checked against
the text (:mod:`kgraph.extract.evidence`); what fails is counted by reason and kept
in ``Extraction.rejected``.  ``--extractor rules+llm`` adds the rules' relations: a
fact both find gets the combined confidence ``1 - (1 - a)(1 - b)``.

Answers are cached per (endpoint, model, prompt version, schema, chunk) in
``OUT/.kgraph-cache/llm/`` (:class:`ResponseCache`); a failed or unreadable answer is
never cached, and a document with one is not put in the extraction cache either, so
the next build asks again.  ``Extraction.stats`` counts requests, tokens, cache hits
and time.
"""

from __future__ import annotations

import hashlib
import json
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from kgraph.cache import dump_checked, load_checked
from kgraph.errors import KGraphError
from kgraph.extract.evidence import check_fact
from kgraph.extract.llm_client import HTTPBackend, LLMBackend, LLMClient, RequestFailed, api_key_from_env
from kgraph.extract.llm_schema import (
    PROMPT_VERSION,
    SENTENCES_PER_CHUNK,
    Chunk,
    answer_problem,
    build_messages,
    fact_schema,
    schema_digest,
)
from kgraph.extract.spacy_rules import RuleExtractor
from kgraph.models import (
    LLM_EXTRACTOR_NAME,
    LLM_PATTERN,
    Extraction,
    Mention,
    Rejection,
    RelationMention,
    found_by_llm_only,
)
from kgraph.nlp import load_pipeline, model_name
from kgraph.ontology import Ontology, load_ontology

__all__ = ["LLMExtractor", "ResponseCache", "make_backend", "make_chunks", "merge_relations"]

_EXAMPLES = "e.g. --llm-endpoint http://localhost:11434/v1 --llm-model qwen2.5:7b for Ollama"


def make_backend(endpoint: str) -> LLMBackend:
    """The HTTP backend for an endpoint, with the key from the environment (tests replace this)."""
    return HTTPBackend(endpoint, api_key_from_env())


class ResponseCache:
    """Parsed answers on disk, one file per request key; a folder that cannot be written turns it off."""

    def __init__(self, root: Path | None) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        assert self.root is not None
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        if self.root is None:
            return None
        try:
            data = load_checked(self._path(key).read_bytes(), {"kind": "llm-answer", "key": key})
            answer = json.loads(data)
        except (OSError, ValueError):
            return None
        return answer if isinstance(answer, dict) and answer_problem(answer) is None else None

    def put(self, key: str, answer: dict[str, Any]) -> None:
        if self.root is None:
            return
        try:
            dump_checked(self._path(key), {"kind": "llm-answer", "key": key}, json.dumps(answer).encode())
        except OSError:
            self.root = None  # e.g. a cluster worker without the output folder: ask again next time


@dataclass
class _Answer:
    """What asking about one chunk gave: its facts, or why there are none; and what it cost."""

    facts: list[dict[str, Any]] = field(default_factory=list)
    problem: str | None = None
    detail: str = ""
    stats: dict[str, float] = field(default_factory=dict)


def make_chunks(doc: Doc, mentions: list[Mention], links: dict[Mention, Mention],
                size: int = SENTENCES_PER_CHUNK) -> list[Chunk]:
    """The document's sentences in groups of ``size``, each with the mentions inside it, numbered."""
    bounds = []
    for sent in doc.sents:
        raw = sent.text
        if raw.strip():
            start = sent.start_char + len(raw) - len(raw.lstrip())
            bounds.append((start, start + len(raw.strip())))
    ordered = sorted(mentions)
    chunks = []
    for first in range(0, len(bounds), size):
        group = tuple(bounds[first : first + size])
        inside = [m for m in ordered if group[0][0] <= m.start < group[-1][1]]
        sentence_of = tuple(next(i for i, (_, e) in enumerate(group, start=1) if m.start < e) for m in inside)
        refers: list[str | None] = []
        for m in inside:
            target = links.get(m, m)
            if target == m or target.text == m.text:  # the same name again says nothing new
                refers.append(None)
            elif target in inside:
                refers.append(str(inside.index(target) + 1))
            else:
                refers.append(json.dumps(target.text, ensure_ascii=False))
        chunks.append(
            Chunk(sentences=group, texts=tuple(doc.text[s:e] for s, e in group), mentions=tuple(inside),
                  mention_sentences=sentence_of, refers=tuple(refers))
        )
    return chunks


def merge_relations(rules: list[RelationMention], llm: list[RelationMention],
                    ontology: Ontology) -> list[RelationMention]:
    """The union: a fact both found keeps the rule's evidence with the combined confidence.

    An LLM fact implied by a more specific one on the same pair (``worksFor`` beside
    ``ceoOf``) is dropped.
    """
    merged = list(rules)
    index = {(r.subject, r.predicate, r.object): i for i, r in enumerate(merged)}
    for fact in llm:
        key = (fact.subject, fact.predicate, fact.object)
        if key in index:
            old = merged[index[key]]
            if not found_by_llm_only(old):
                confidence = round(1 - (1 - old.confidence) * (1 - fact.confidence), 3)
                merged[index[key]] = replace(old, confidence=confidence, pattern=f"{old.pattern} +{fact.pattern}")
            continue
        index[key] = len(merged)
        merged.append(fact)
    stronger: dict[tuple[Mention, Mention], set[str]] = {(r.subject, r.object): set() for r in merged}
    for r in merged:
        stronger[(r.subject, r.object)] |= ontology.properties[r.predicate].ancestors - {r.predicate}
    rule_set = set(map(id, rules))
    return [r for r in merged if id(r) in rule_set or r.predicate not in stronger[(r.subject, r.object)]]


def _parse(content: str) -> tuple[dict[str, Any] | None, str | None]:
    """The answer as JSON, or why it cannot be read (``empty answer``, ``malformed answer``)."""
    text = content.strip()
    if text.startswith("```"):  # a fenced block despite the instructions
        text = text.strip("`").removeprefix("json").strip()
    if not text:
        return None, "empty answer"
    try:
        data = json.loads(text)
    except ValueError:
        return None, "malformed answer"
    return (data, None) if answer_problem(data) is None else (None, "malformed answer")


class LLMExtractor(RuleExtractor):
    """Extract with spaCy's mentions and an LLM's choice of facts between them.

    A :class:`~kgraph.extract.spacy_rules.RuleExtractor` whose relations come from the LLM
    (and the rules, for ``rules+llm``): long documents go through the same pieces.

    >>> extractor = LLMExtractor(llm_endpoint="http://localhost:11434/v1", llm_model="qwen2.5:7b")  # doctest: +SKIP
    >>> [ex.relations for ex in extractor.extract(articles)]  # doctest: +SKIP
    """

    name = LLM_EXTRACTOR_NAME

    def __init__(
        self,
        model: str | None = None,
        ontology: Ontology | Path | None = None,
        batch_size: int = 16,
        *,
        llm_endpoint: str | None = None,
        llm_model: str | None = None,
        llm_concurrency: int | str = 2,
        llm_cache_dir: str | Path | None = None,
        with_rules: bool = False,
        backend: LLMBackend | None = None,
    ) -> None:
        if not llm_endpoint or not llm_model:
            raise KGraphError(f"The LLM extractor needs --llm-endpoint URL and --llm-model NAME ({_EXAMPLES}).")
        self.model = model_name(model)
        self.ontology = ontology if isinstance(ontology, Ontology) else load_ontology(ontology)
        self.batch_size = batch_size
        self.with_rules = with_rules
        self.endpoint = llm_endpoint
        self.llm_model = llm_model
        self.concurrency = max(1, int(llm_concurrency))
        self.backend = backend if backend is not None else make_backend(llm_endpoint)
        self.client = LLMClient(self.backend, llm_model, secret=api_key_from_env())
        self.cache = ResponseCache(Path(llm_cache_dir) if llm_cache_dir else None)
        self.tag = f"{LLM_PATTERN}{llm_model} {PROMPT_VERSION}"
        self.nlp = load_pipeline(self.model)
        self.classifier = None
        self._pool: ThreadPoolExecutor | None = None

    def _relations(self, doc: Doc, kept: list[tuple[Mention, Span]], extraction: Extraction) -> list[RelationMention]:
        """The LLM's checked facts (with the rules' relations for ``rules+llm``); counts go to ``extraction``."""
        links = extraction.links
        started = time.perf_counter()
        chunks = make_chunks(doc, [m for m, _ in kept], links)
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="kgraph-llm")
        answers = list(self._pool.map(self._ask, chunks))
        stats: dict[str, float] = {"llm.chunks": float(len(chunks))}
        facts: list[RelationMention] = []
        rejected: list[Rejection] = []
        for chunk, answer in zip(chunks, answers, strict=True):
            for name, value in answer.stats.items():
                stats[name] = stats.get(name, 0.0) + value
            if answer.problem is not None:
                rejected.append(Rejection(reason=answer.problem, claim="", detail=answer.detail,
                                          chunk_start=chunk.sentences[0][0], chunk_end=chunk.sentences[-1][1]))
                stats["llm.incomplete"] = stats.get("llm.incomplete", 0.0) + 1
            for fact in answer.facts:
                verdict = check_fact(fact, chunk, doc, self.ontology, links, self.tag)
                if isinstance(verdict, Rejection):
                    rejected.append(verdict)
                else:
                    facts.append(verdict)
        for rejection in rejected:
            stats[f"rejected.{rejection.reason}"] = stats.get(f"rejected.{rejection.reason}", 0.0) + 1
        stats["llm.facts"] = float(len(facts))
        stats["llm.seconds"] = time.perf_counter() - started
        extraction.stats, extraction.rejected = stats, rejected
        rules = super()._relations(doc, kept, extraction) if self.with_rules else []
        return merge_relations(rules, facts, self.ontology)

    def request_key(self, messages: list[dict[str, str]], schema: dict[str, Any]) -> str:
        """The cache key of a request: endpoint, model, prompt version, schema and the chunk's messages."""
        record = [self.endpoint, self.llm_model, PROMPT_VERSION, schema_digest(schema), messages]
        return hashlib.sha256(json.dumps(record, ensure_ascii=False).encode()).hexdigest()

    def _ask(self, chunk: Chunk) -> _Answer:
        schema = fact_schema(chunk, self.ontology)
        if schema is None:  # no two mentions that any property could join: nothing to ask
            return _Answer()
        messages = build_messages(chunk, self.ontology)
        key = self.request_key(messages, schema)
        cached = self.cache.get(key)
        if cached is not None:
            return _Answer(facts=list(cached["facts"]), stats={"llm.cache_hits": 1.0})
        answer = _Answer(stats={"llm.asked": 1.0})
        for _ in range(2):  # asked once more when the answer cannot be read
            try:
                result = self.client.chat(messages, schema)
            except RequestFailed as error:
                answer.problem, answer.detail = "request failed", str(error)
                answer.stats["llm.requests"] = answer.stats.get("llm.requests", 0.0) + error.requests
                return answer
            for name, value in (("llm.requests", result.requests), ("llm.retries", result.retries),
                                ("llm.tokens_in", result.tokens_in), ("llm.tokens_out", result.tokens_out)):
                answer.stats[name] = answer.stats.get(name, 0.0) + value
            data, answer.problem = _parse(result.content)
            if data is not None:
                answer.facts = list(data["facts"])
                self.cache.put(key, {"facts": answer.facts})
                return answer
            messages = [
                *messages,
                {"role": "assistant", "content": result.content[:2000]},
                {"role": "user", "content": f"That answer was not usable ({answer.problem}). Answer again with "
                 'JSON only: {"facts": [...]} as described.'},
            ]
        return answer
