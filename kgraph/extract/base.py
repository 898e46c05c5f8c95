"""The extractor interface: articles in, :class:`~kgraph.models.Extraction` out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kgraph.models import Article, Extraction

__all__ = ["Extractor"]


class Extractor:
    """Base class of extraction back-ends (see :mod:`kgraph.extract`)."""

    #: name and version, recorded in every statement the back-end makes
    name = "base"

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Yield one extraction per article, in order."""
        raise NotImplementedError("The 'extract' method must be implemented.")
