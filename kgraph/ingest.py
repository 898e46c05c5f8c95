"""Reading articles: files and folders in, :class:`~kgraph.models.Article` objects out.

Supported inputs: ``.txt`` and ``.md`` (plain text, often scraped from the web),
``.html``/``.htm`` (main text and metadata extracted with trafilatura) and
``.jsonl`` (one article per line: ``{"id", "text"}`` plus optional ``"title"``,
``"url"``, ``"date"``, ``"author"``).

Web boilerplate in plain text (breadcrumbs, share and comment widgets, repeated
photo captions, bylines, photo credits) is *masked*: replaced by spaces of the same
length, newlines kept.  The article text therefore keeps the length of the original
and every character offset kgraph reports is an offset into the original file's text.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kgraph.errors import InputError
from kgraph.models import Article

__all__ = [
    "SUFFIXES",
    "Source",
    "find_sources",
    "read_sources",
    "read_article_file",
    "read_articles",
    "clean_text",
    "content_hash",
]

#: File name endings kgraph reads, and the reader for each.
SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")

ErrorHandler = Callable[[InputError], None]


def content_hash(data: bytes) -> str:
    """Hex digest identifying a file's content (used by caches and document IRIs)."""
    return hashlib.sha256(data).hexdigest()


def find_sources(inputs: Iterable[str | Path], on_error: ErrorHandler | None = None) -> list[Path]:
    """Expand files and folders into the sorted list of article files to read.

    A path that does not exist, or a file given by name with an unknown ending,
    is an :class:`InputError`.  Inside a folder, files with other endings are
    reported through ``on_error`` (when given) and skipped; hidden files are ignored.
    """
    found: set[Path] = set()
    for raw in inputs:
        path = Path(raw)
        if not path.exists():
            raise InputError(str(path), "does not exist.", "Check the path and try again.")
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if not child.is_file() or any(p.startswith(".") for p in child.relative_to(path).parts):
                    continue
                if child.suffix.lower() in SUFFIXES:
                    found.add(child)
                elif on_error is not None:
                    on_error(_unknown_suffix(child))
        elif path.suffix.lower() in SUFFIXES:
            found.add(path)
        else:
            error = _unknown_suffix(path)
            if on_error is None:
                raise error
            on_error(error)
    return sorted(found)


def _unknown_suffix(path: Path) -> InputError:
    kinds = ", ".join(SUFFIXES)
    return InputError(
        str(path),
        f"has an unsupported file type {path.suffix or '(no extension)'!r}.",
        f"kgraph reads {kinds}; rename the file or convert it.",
    )


@dataclass(frozen=True)
class Source:
    """One input file read as bytes: what a cache can recognise before parsing it."""

    path: Path
    data: bytes

    @property
    def digest(self) -> str:
        """A digest of the file's path and bytes: the same file gives the same articles."""
        return hashlib.sha256(str(self.path).encode() + b"\x00" + self.data).hexdigest()

    def articles(self, on_error: ErrorHandler | None = None) -> Iterator[Article]:
        """The file's articles: one, or one per line for ``.jsonl``."""
        path = self.path
        text = _decode(path, self.data)
        suffix = path.suffix.lower()
        source = str(path)
        if suffix == ".jsonl":
            yield from _read_jsonl(path, text, on_error)
            return
        if suffix in (".html", ".htm"):
            yield _read_html(path, text)
            return
        if suffix == ".md":
            text = _mask_markdown(text)
        cleaned, title, author = clean_text(text)
        if not cleaned.strip():
            raise InputError(source, "has no article text left after removing web boilerplate.")
        yield Article(id=source, text=cleaned, source=source, title=title, author=author)


def read_sources(inputs: Iterable[str | Path], on_error: ErrorHandler | None = None) -> Iterator[Source]:
    """Yield every input file of ``inputs`` (files or folders) as a :class:`Source`, in path order."""
    for path in find_sources(inputs, on_error):
        try:
            yield Source(path, _read_bytes(path))
        except InputError as error:
            if on_error is None:
                raise
            on_error(error)


def read_articles(inputs: Iterable[str | Path], on_error: ErrorHandler | None = None) -> Iterator[Article]:
    """Yield every article found in ``inputs`` (files or folders), in path order.

    Without ``on_error`` the first bad file raises :class:`InputError`; with it, the
    error is handed over and the file skipped, so one broken file never stops a build.
    """
    for source in read_sources(inputs, on_error):
        try:
            yield from source.articles(on_error)
        except InputError as error:
            if on_error is None:
                raise
            on_error(error)


def read_article_file(path: Path, on_error: ErrorHandler | None = None) -> Iterator[Article]:
    """Read one file into articles (one, or one per line for ``.jsonl``)."""
    yield from Source(path, _read_bytes(path)).articles(on_error)


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), f"cannot be read ({error.strerror}).") from error
    if not data.strip():
        raise InputError(str(path), "is empty.", "Remove it or add the article's text.")
    if b"\x00" in data[:8192]:
        raise InputError(str(path), "looks like a binary file, not text.", "kgraph reads text, HTML and JSON Lines.")
    return data


def _decode(path: Path, data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            str(path),
            f"is not valid UTF-8 (bad byte at offset {error.start}).",
            "Convert it first, e.g. with: iconv -f latin1 -t utf-8.",
        ) from error
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_jsonl(path: Path, text: str, on_error: ErrorHandler | None) -> Iterator[Article]:
    seen: set[str] = set()
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path} line {number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise InputError(where, "is not a JSON object.")
            doc_id, body = record.get("id"), record.get("text")
            if doc_id is None or not isinstance(body, str):
                raise InputError(where, 'needs an "id" and a "text" string.')
            doc_id = str(doc_id)
            if doc_id in seen:
                raise InputError(where, f"repeats the id {doc_id!r}.", "Every line needs its own id.")
            if not body.strip():
                raise InputError(where, "has an empty text.")
            seen.add(doc_id)
            yield Article(
                id=doc_id,
                text=body,
                source=str(path),
                title=_opt_str(record.get("title")),
                date=_opt_str(record.get("date")),
                author=_opt_str(record.get("author")),
                url=_opt_str(record.get("url")),
            )
        except json.JSONDecodeError as error:
            problem = InputError(where, f"is not valid JSON ({error.msg} at column {error.colno}).")
            if on_error is None:
                raise problem from error
            on_error(problem)
        except InputError as problem:
            if on_error is None:
                raise
            on_error(problem)


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _read_html(path: Path, html: str) -> Article:
    import trafilatura  # deferred: only HTML input needs it

    document = trafilatura.bare_extraction(
        # deduplicate=False: trafilatura's deduplication counts segments in a process-wide cache, so
        # from the fourth read of a page on it drops the headline, and a rebuild would differ
        html, with_metadata=True, include_comments=False, include_tables=False, deduplicate=False
    )
    body = getattr(document, "text", None) if document is not None else None
    if not body or not body.strip():
        raise InputError(str(path), "has no article text that kgraph could find.", "Is it an article page?")
    # trafilatura returns one paragraph a line; blank lines keep paragraphs apart as sentences.
    text = "\n\n".join(line.strip() for line in body.split("\n") if line.strip())
    cleaned, _, _ = clean_text(text)
    if len(cleaned.split()) < 4:
        raise InputError(str(path), "has no article text that kgraph could find.", "Is it an article page?")
    return Article(
        id=str(path),
        text=cleaned,
        source=str(path),
        title=getattr(document, "title", None) or None,
        date=getattr(document, "date", None) or None,
        author=getattr(document, "author", None) or None,
        url=getattr(document, "url", None) or None,
    )


_MD_MARKUP = re.compile(
    r"^\s{0,3}#{1,6}\s|^\s*[-*+]\s|^\s*>\s?|\*\*|__|`+|!?\[(?=[^\]]*\]\()|\]\([^)]*\)", re.MULTILINE
)


def _mask_markdown(text: str) -> str:
    """Blank Markdown markup (headings, emphasis, link targets) keeping offsets."""
    return _MD_MARKUP.sub(lambda m: " " * len(m.group(0)), text)


# ---------------------------------------------------------------------------------------------
# Boilerplate cleaning for text scraped from the web.

_BREADCRUMB = re.compile(r"^\s*[\w&' -]{1,30}(\s*[>»/|]\s*[\w&' -]{1,30}){2,}\s*$")
_BYLINE = re.compile(r"^\s*(?:by|written by)\s+([A-Z][\w.'-]*(?:[ -][A-Z][\w.'-]*){0,3})\b(.*)$", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_CREDIT = re.compile(r"\s*[\[(][A-Z0-9 .,'&/-]{3,}[\])]\s*$")  # "[JOINT PRESS CORPS]" photo credits
_WIDGET = re.compile(
    r"^\s*(?:share(?: this| on)?\b|print\b|e-?mail this|log ?in\b|sign ?(?:in|up)\b|subscribe\b|"
    r"follow us\b|related articles?\b|read more\b|advertisement\b|click here\b|cookie|"
    r"to (?:write|post|leave) (?:a )?comments?\b|comments?\b|copyright\b|©|all rights reserved)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\"”’)\]]\s*$")


def clean_text(text: str) -> tuple[str, str | None, str | None]:
    """Mask web boilerplate in scraped text; return (text, title, author).

    The returned text has the same length as the input (masked characters become
    spaces, newlines stay), so offsets into it are offsets into the original.
    The title is the first line when it reads like a headline; the author comes
    from a "By NAME" byline.
    """
    lines = text.split("\n")
    stripped = [line.strip() for line in lines]
    seen: set[str] = set()
    title: str | None = None
    author: str | None = None
    keep: list[str] = []
    previous_dropped = False
    tail_from: int | None = None
    for index, (line, s) in enumerate(zip(lines, stripped, strict=True)):
        if not s:
            keep.append(line)
            continue
        words = s.split()
        drop = False
        if tail_from is not None:
            drop = True  # after a closing byline come only widgets and footers
        elif s in seen:
            drop = True  # a repeated headline or photo caption
        elif title is None and index < 5 and len(words) >= 3 and not _SENTENCE_END.search(s):
            title = s
            # kept once as text; a repeat further down is dropped as seen
        elif _BREADCRUMB.match(s) or _WIDGET.match(s) or _EMAIL.search(s) and len(words) < 12:
            match = _BYLINE.match(s)
            if match and author is None:
                author = match.group(1).strip()
            if match and index > len(lines) // 2:
                tail_from = index
            drop = True
        elif (match := _BYLINE.match(s)) and len(words) <= 6:
            author = author or match.group(1).strip()
            drop = True
            if index > len(lines) // 2:
                tail_from = index
        elif previous_dropped and s[0].islower() and len(words) < 8:
            drop = True  # the wrapped second line of a widget
        elif len(words) < 4 and not _SENTENCE_END.search(s):
            drop = True  # menus, icons, author boxes, "Related Article"
        elif s.startswith(("•", "·", "▶", "►")) and len(words) < 6:
            drop = True
        seen.add(s)
        previous_dropped = drop
        if drop:
            keep.append(" " * len(line))
            continue
        credit = _CREDIT.search(line)
        if credit and credit.start() > 0:
            line = line[: credit.start()] + " " * (len(line) - credit.start())
        keep.append(line)
    cleaned = "\n".join(keep)
    assert len(cleaned) == len(text)
    return cleaned, title, author
