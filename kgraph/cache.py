"""The extraction cache: incremental builds that re-parse only new or changed documents.

Parsing is by far the most expensive stage, so ``build()`` keeps each document's
:class:`~kgraph.models.Extraction` in ``OUT/.kgraph-cache/``.  Resolution and graph
building run over every cached extraction on each build: they are cheap, and running
them whole is what makes an incremental build byte-identical to a clean one.

Layout::

    .kgraph-cache/
      CACHEDIR.TAG           marks the folder as a cache for backup tools
      pipeline.json          the pipeline key every entry was made with
      docs/ab/abcdef....json one entry per document, named by its content hash
      sources.json           input file digest -> content hashes of the documents it gave
      layouts.json           the HTML viewer's component layouts (kgraph.export.html.LayoutMemo)

An entry is keyed by the document's *content hash* (its id, text and metadata after
ingest, so a moved or edited file is a new document) and is valid only for one
*pipeline key*: kgraph's version, the extractor, spaCy's version, the model's name and
version, the ontology's fingerprint and a digest of the extraction code.  Every entry
starts with a header line holding the pipeline key's digest and a checksum of its
payload, so a truncated, garbled or foreign entry is detected, reported and rebuilt;
it is never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kgraph.models import Article, Extraction, Mention, RelationMention, Role

__all__ = [
    "CACHE_DIRNAME",
    "LAYOUTS_FILENAME",
    "SOURCES_FILENAME",
    "dump_checked",
    "load_checked",
    "remove_empty_cache",
    "FORMAT",
    "ExtractionCache",
    "article_hash",
    "code_fingerprint",
    "extraction_from_dict",
    "extraction_to_dict",
    "model_version",
    "pipeline_key",
    "strip_text",
]

CACHE_DIRNAME = ".kgraph-cache"
LAYOUTS_FILENAME = "layouts.json"
SOURCES_FILENAME = "sources.json"
#: Version of the entry format; bump it when the JSON form of an extraction changes.
FORMAT = 1

_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is kgraph's extraction cache; it can be deleted.\n"
# Code and data that decide what an extraction holds (ingest is covered by the content hash).
_CODE = (
    "extract", "ingest.py", "nlp.py", "names.py", "vocabulary.py", "models.py", "ontology.py", "cache.py",
    "resources/relations.json",
)


# ------------------------------------------------------------------------------ identity


def article_hash(article: Article) -> str:
    """The content hash of a document: every field of the article after ingest."""
    record = [article.id, article.source, article.title, article.date, article.author, article.url, article.text]
    return hashlib.sha256(json.dumps(record, ensure_ascii=False).encode()).hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of the extraction code (``kgraph/extract``, ``nlp.py``, ``resolve.py``, ...).

    A rule changed during development then invalidates the cache even when nobody
    bumped a version number.
    """
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in _CODE:
        target = root / name
        files = sorted(target.rglob("*.py")) if target.is_dir() else [target] if target.exists() else []
        for path in files:
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _folder_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=4)
def model_version(model: str) -> str:
    """``name version`` of a spaCy model package or folder, read from its meta.json.

    Neither spaCy nor the model is imported, so a build whose documents are all
    cached starts fast.  A fine-tuned NER that kgraph layers over the default model
    adds its digest.
    """
    import importlib.util

    from kgraph.nlp import DEFAULT_MODEL, FINETUNED_NER_DIR, NEWS_NER_DIR, REPLACED_NER_MODEL, TUNED_MODEL

    replaced = model == REPLACED_NER_MODEL  # the default pipeline, its NER replaced by kgraph's
    tuned = model == TUNED_MODEL or replaced  # the default pipeline with kgraph's fine-tuned NER
    if tuned:
        model = DEFAULT_MODEL
    path = Path(model)
    if not path.is_dir():
        try:
            found = importlib.util.find_spec(model.replace("-", "_"))
        except (ImportError, ValueError):
            found = None
        path = Path(found.origin).parent if found is not None and found.origin else path
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        version = f"{meta.get('lang', '')}_{meta.get('name', '')} {meta.get('version', '')}"
    except (OSError, ValueError, AttributeError):
        version = f"{model} unknown"  # not loadable: the build fails later with a clear ModelError
    if replaced and NEWS_NER_DIR.is_dir():
        version += f" ner replaced by {_folder_digest(NEWS_NER_DIR)}"
    elif tuned and FINETUNED_NER_DIR.is_dir():
        # the fine-tuned NER runs after the stock one (kgraph.nlp), not instead of it
        version += f" +ner {_folder_digest(FINETUNED_NER_DIR)} after stock (ORG, EVENT, WORK_OF_ART kept)"
    return version


def pipeline_key(
    extractor: str, model: str, ontology_fingerprint: str, extractor_options: dict[str, str] | None = None
) -> dict[str, str]:
    """Everything an extraction depends on besides the document itself.

    ``extractor_options`` are the options that change what an extractor finds (an LLM's
    endpoint, model and prompt version); the rule extractor has none.
    """
    from importlib.metadata import version

    from kgraph import __version__
    from kgraph.extract import LLM_EXTRACTORS
    from kgraph.models import EXTRACTOR_NAME, LLM_EXTRACTOR_NAME

    names = f"{EXTRACTOR_NAME} {LLM_EXTRACTOR_NAME}" if extractor in LLM_EXTRACTORS else EXTRACTOR_NAME
    return {
        "format": str(FORMAT),
        "kgraph": __version__,
        "extractor": f"{extractor} {names}"
        + "".join(f" {k}={v}" for k, v in sorted((extractor_options or {}).items())),
        "spacy": version("spacy"),
        "model": model_version(model),
        "ontology": ontology_fingerprint,
        "code": code_fingerprint(),
    }


def key_digest(key: dict[str, str]) -> str:
    """A short digest of a pipeline key, stored in every entry."""
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:24]


# ------------------------------------------------------------------------------ JSON form


def strip_text(extraction: Extraction) -> Extraction:
    """The extraction without the article's text: what the later stages need, and no more.

    Keeping full texts of thousands of documents is what made memory grow with the
    corpus; resolution and the graph only need ids, metadata, mentions and relations.
    """
    article = extraction.article
    if not article.text:
        return extraction
    bare = Article(
        id=article.id,
        text="",
        source=article.source,
        title=article.title,
        date=article.date,
        author=article.author,
        url=article.url,
    )
    return Extraction(
        article=bare, mentions=extraction.mentions, relations=extraction.relations, links=extraction.links,
        stats=extraction.stats, rejected=extraction.rejected,
    )


def extraction_to_dict(extraction: Extraction) -> dict[str, Any]:
    """A JSON-ready form of an extraction (without the article text).

    Mentions are stored once in a table and referred to by index everywhere else.
    """
    table: dict[Mention, int] = {}

    def ref(m: Mention) -> int:
        if m not in table:
            table[m] = len(table)
        return table[m]

    mentions = [ref(m) for m in extraction.mentions]
    links = [[ref(m), ref(target)] for m, target in extraction.links.items()]
    relations = [
        [
            ref(r.subject),
            r.predicate,
            ref(r.object),
            r.confidence,
            r.sentence_start,
            r.sentence_end,
            r.evidence,
            r.pattern,
            None if r.role is None else [r.role.title, r.role.current, r.role.start_date],
        ]
        for r in extraction.relations
    ]
    a = extraction.article
    return {
        "article": {"id": a.id, "source": a.source, "title": a.title, "date": a.date, "author": a.author, "url": a.url},
        "table": [[m.start, m.end, m.text, m.type, m.label] for m in table],
        "mentions": mentions,
        "links": links,
        "relations": relations,
    }


def extraction_from_dict(data: dict[str, Any]) -> Extraction:
    """The inverse of :func:`extraction_to_dict`."""
    table = [Mention(start=s, end=e, text=t, type=ty, label=lb) for s, e, t, ty, lb in data["table"]]
    relations = [
        RelationMention(
            subject=table[s],
            predicate=p,
            object=table[o],
            confidence=c,
            sentence_start=ss,
            sentence_end=se,
            evidence=ev,
            pattern=pat,
            role=None if role is None else Role(role[0], role[1], role[2]),
        )
        for s, p, o, c, ss, se, ev, pat, role in data["relations"]
    ]
    a = data["article"]
    article = Article(
        id=a["id"], text="", source=a["source"], title=a["title"], date=a["date"], author=a["author"], url=a["url"]
    )
    return Extraction(
        article=article,
        mentions=[table[i] for i in data["mentions"]],
        relations=relations,
        links={table[m]: table[t] for m, t in data["links"]},
    )


# ------------------------------------------------------------------------------ the store


@dataclass
class ExtractionCache:
    """Per-document extractions on disk, valid for one pipeline key.

    >>> cache = ExtractionCache.open(Path("out/.kgraph-cache"), key)   # doctest: +SKIP
    >>> cache.get(article_hash(article)) or cache.put(digest, extract(article))  # doctest: +SKIP
    """

    root: Path
    key: dict[str, str]
    #: what happened on open: "new", "reused", or why the old content was discarded
    status: str = "new"
    #: entries found unreadable, garbled or foreign during this build (and rebuilt)
    rejected: list[str] = field(default_factory=list)
    _digest: str = ""
    _used: set[str] = field(default_factory=set)
    _sources: dict[str, list[str]] = field(default_factory=dict)
    _sources_seen: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def open(cls, root: Path, key: dict[str, str], clean: bool = False) -> ExtractionCache:
        """Open (or create) the cache at ``root``; discard it when its key differs or ``clean``."""
        cache = cls(root=root, key=key, _digest=key_digest(key))
        stored = cache._stored_key()
        if clean and root.exists():
            cache.status = "discarded (--clean)"
        elif stored is None and (root / "docs").exists():
            cache.status = "discarded (pipeline.json is missing or unreadable)"
        elif stored is not None and stored != key:
            changed = sorted(k for k in set(stored) | set(key) if stored.get(k) != key.get(k))
            cache.status = (
                "discarded (the pipeline changed: "
                + ", ".join(f"{k} {stored.get(k)!r} -> {key.get(k)!r}" for k in changed)
                + ")"
            )
        elif stored is not None:
            cache.status = "reused"
        if cache.status != "reused":
            shutil.rmtree(root / "docs", ignore_errors=True)
            (root / LAYOUTS_FILENAME).unlink(missing_ok=True)
            (root / SOURCES_FILENAME).unlink(missing_ok=True)
            root.mkdir(parents=True, exist_ok=True)
            (root / "CACHEDIR.TAG").write_text(_TAG)
            _write_atomically(root / "pipeline.json", json.dumps(key, indent=1, sort_keys=True).encode())
        if cache.status == "reused":
            cache._sources = cache._load_sources()
        return cache

    def _stored_key(self) -> dict[str, str] | None:
        try:
            data = json.loads((self.root / "pipeline.json").read_text())
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            return None
        return data

    def _path(self, doc_hash: str) -> Path:
        return self.root / "docs" / doc_hash[:2] / f"{doc_hash}.json"

    def get(self, doc_hash: str) -> Extraction | None:
        """The cached extraction of a document, or None (missing, or rejected as invalid)."""
        self._used.add(doc_hash)
        path = self._path(doc_hash)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            self.rejected.append(f"{path.name}: unreadable ({error.strerror})")
            return None
        try:
            payload = load_checked(data, {"format": FORMAT, "pipeline": self._digest, "doc": doc_hash})
            return extraction_from_dict(json.loads(payload))
        except (ValueError, KeyError, TypeError, IndexError, AttributeError) as error:
            self.rejected.append(f"{path.name}: {error}")
            path.unlink(missing_ok=True)
            return None

    def put(self, doc_hash: str, extraction: Extraction) -> None:
        """Store the extraction of a document (atomically)."""
        self._used.add(doc_hash)
        payload = json.dumps(extraction_to_dict(extraction), ensure_ascii=False, separators=(",", ":")).encode()
        dump_checked(self._path(doc_hash), {"format": FORMAT, "pipeline": self._digest, "doc": doc_hash}, payload)

    def source_documents(self, source_digest: str) -> list[Extraction] | None:
        """The cached extractions of every document an unchanged input file gave, or None.

        None unless the file (same path, same bytes) was read before with no error and
        every one of its documents is still cached: then it need not even be parsed.
        """
        hashes = self._sources.get(source_digest)
        if hashes is None:
            return None
        found = []
        for doc_hash in hashes:
            hit = self.get(doc_hash)
            if hit is None:
                return None
            found.append(hit)
        self._sources_seen[source_digest] = hashes
        return found

    def put_source(self, source_digest: str, doc_hashes: list[str]) -> None:
        """Remember which documents an input file gave (call only when it read without error)."""
        self._sources_seen[source_digest] = doc_hashes

    def _load_sources(self) -> dict[str, list[str]]:
        try:
            data = (self.root / SOURCES_FILENAME).read_bytes()
            sources = json.loads(load_checked(data, {"format": FORMAT, "pipeline": self._digest}))
            if not all(isinstance(v, list) and all(isinstance(h, str) for h in v) for v in sources.values()):
                raise ValueError("not a map of files to documents")
            return dict(sources)
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, AttributeError) as error:
            self.rejected.append(f"{SOURCES_FILENAME}: {error}")
            return {}

    def prune(self, keep: Iterable[str] | None = None) -> int:
        """Delete entries of documents not seen in this build (deleted or changed); return how many."""
        wanted = set(self._used if keep is None else keep)
        removed = 0
        for path in (self.root / "docs").glob("*/*.json"):
            if path.stem not in wanted:
                path.unlink(missing_ok=True)
                removed += 1
        sources = {digest: hashes for digest, hashes in self._sources_seen.items() if wanted.issuperset(hashes)}
        payload = json.dumps(sources, sort_keys=True, separators=(",", ":")).encode()
        dump_checked(self.root / SOURCES_FILENAME, {"format": FORMAT, "pipeline": self._digest}, payload)
        return removed


def remove_empty_cache(root: Path) -> bool:
    """Delete a cache folder that holds no document's extraction (left by a build that failed).

    Returns True if it was removed.  A cache with entries is kept: a later build reuses them.
    """
    if not root.is_dir() or any((root / "docs").glob("*/*.json")):
        return False
    shutil.rmtree(root, ignore_errors=True)
    return not root.exists()


def dump_checked(path: Path, header: dict[str, object], payload: bytes) -> None:
    """Write a cache file: ``header`` plus the payload's SHA-256 as one JSON line, then the payload."""
    head = json.dumps({**header, "sha256": hashlib.sha256(payload).hexdigest()}).encode()
    _write_atomically(path, head + b"\n" + payload)


def load_checked(data: bytes, header: dict[str, object]) -> bytes:
    """The payload of a file written by :func:`dump_checked`, if its header holds ``header``.

    Raises ValueError naming the first field that differs, or a checksum mismatch.
    """
    head, _, payload = data.partition(b"\n")
    found = json.loads(head)
    if not isinstance(found, dict):
        raise ValueError("no header")
    for name, value in header.items():
        if found.get(name) != value:
            raise ValueError(f"written for another {'document' if name == 'doc' else name}")
    if found.get("sha256") != hashlib.sha256(payload).hexdigest():
        raise ValueError("checksum mismatch (truncated or garbled)")
    return payload


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
