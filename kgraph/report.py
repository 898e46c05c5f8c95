"""The JSON form of an extraction: the contract of ``kgraph extract --format jsonl``.

One object per document::

    {"doc": id, "source": path,
     "entities": [{"id", "text", "start", "end", "type"}],
     "relations": [{"subject": {...}, "predicate", "object": {...}, "confidence", "evidence"}]}

``start``/``end`` are character offsets into the document's text (end exclusive).
An entity's ``id`` names the entity it refers to inside the document (mentions of
one entity share it).  A relation's subject/object is the mention in the evidence
sentence; when that mention is a pronoun, a description ("the cluster") or an
organisation named only through a title ("Minister of SMEs and Startups"), the
subject/object is the name it refers to and ``via`` holds the mention itself.
A relation read from a title ("former CEO of Y") also has ``role``:
``{"title", "current", "since"}``; ``current`` is false for a past role.
"""

from __future__ import annotations

from typing import Any

from kgraph.graph import slug
from kgraph.models import Extraction, Mention

__all__ = ["extraction_record"]


def _mention(m: Mention, entity_id: str, cls: str | None = None) -> dict[str, Any]:
    return {"id": entity_id, "text": m.text, "start": m.start, "end": m.end, "type": cls or m.type}


def extraction_record(extraction: Extraction) -> dict[str, Any]:
    """The JSON-ready record of one document."""
    links = extraction.links

    def rep(m: Mention) -> Mention:
        return links.get(m, m)

    def entity_id(m: Mention) -> str:
        return slug(rep(m).text)

    def end(m: Mention) -> dict[str, Any]:
        # pronouns, descriptions and names implied by a title ("Minister of X") stand for a name
        target = rep(m) if m.label in {"pronoun", "description", "title"} and rep(m) is not m else m
        record = _mention(target, entity_id(m), rep(m).type)
        if target is not m:
            record["via"] = {"text": m.text, "start": m.start, "end": m.end}
        return record

    # a mention's type is its entity's: the representative name's, repaired by resolution
    entities = [_mention(m, entity_id(m), rep(m).type) for m in sorted(extraction.mentions)]
    seen: set[tuple[str, str, str]] = set()
    relations = []
    for r in extraction.relations:
        key = (entity_id(r.subject), r.predicate, entity_id(r.object))
        if key in seen or key[0] == key[2]:
            continue
        seen.add(key)
        record: dict[str, Any] = {
            "subject": end(r.subject),
            "predicate": r.predicate,
            "object": end(r.object),
            "confidence": round(r.confidence, 3),
            "evidence": r.evidence,
        }
        if r.role is not None:
            record["role"] = {"title": r.role.title, "current": r.role.current, "since": r.role.start_date}
        relations.append(record)
    article = extraction.article
    return {"doc": article.id, "source": article.source, "entities": entities, "relations": relations}
