"""How big the viewer draws each entity and its name, and where the page opens.

Better connected entities get a bigger shape and a bigger name, so the hubs are
what one reads first. The layout (:mod:`kgraph.export.layout`) keeps every shape and
name clear of the others; it needs their extents before any browser has measured the
text, so ``name_width`` estimates it from the advance widths of DejaVu Sans, the
widest of the usual sans-serif faces (an estimate too wide only costs some room).

``opening_view`` tells the page what to show first: the whole drawing if its top
names are readable that way, otherwise the box around the best connected entities,
never zoomed out so far that their names fall below ``READABLE_PX`` on screen.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from kgraph.export.layout import Extent

__all__ = [
    "READABLE_PX",
    "extent",
    "font_size",
    "name_width",
    "node_size",
    "opening_view",
    "relation_label_size",
    "short_name",
]

#: Smallest on-screen size, in CSS pixels, at which the page opens the top names.
READABLE_PX = 10.0
#: How many of the best connected entities the opening view is about.
TOP = 20
#: The name font of an entity in at most one relation, in canvas units.
BASE_FONT = 14.0
#: The relation label font, in canvas units.
RELATION_FONT = 11.0
_MAX_FONT = 26.0
_MAX_NAME_CHARS = 40
# vis-network puts a name 4 units under the shape and draws a 3-unit white stroke round it.
_NAME_GAP = 4.0
_STROKE = 3.0

# Advance widths of DejaVu Sans in thousandths of an em; anything else counts as 700.
_WIDTHS: dict[str, int] = {}
for _chars, _width in (
    (" ", 318),
    (".,:;'|!", 318),
    ("ijlI", 278),
    ("ftJ-()[]", 360),
    ("r", 411),
    ("sz", 523),
    ("cvxyk", 580),
    ("abdeghnopqu", 625),
    ("0123456789$#", 636),
    ("FLPTZ", 600),
    ("EKSXY", 650),
    ("ABRV", 690),
    ("CDHNU&", 760),
    ("GOQ", 787),
    ("Mw", 863),
    ("mW%", 989),
):
    for _char in _chars:
        _WIDTHS[_char] = _width


def node_size(degree: int) -> float:
    """Radius by degree: grows with the square root, capped so hubs do not hide their ring."""
    return round(min(10 + 3 * math.sqrt(degree), 36), 1)


def font_size(degree: int) -> float:
    """Name size by degree: 14 units for one relation, 4 more each time the degree doubles, at most 26."""
    return round(min(BASE_FONT + 4 * math.log2(max(degree, 1)), _MAX_FONT), 1)


def short_name(label: str) -> str:
    return label if len(label) <= _MAX_NAME_CHARS else label[: _MAX_NAME_CHARS - 1] + "…"


def name_width(text: str, font: float) -> float:
    """The width ``text`` takes at ``font`` units, estimated generously."""
    return sum(_WIDTHS.get(char, 700) for char in text) * font / 1000 + _STROKE


def extent(name: str, degree: int) -> Extent:
    """The box an entity's shape and name take round its position."""
    size = node_size(degree)
    font = font_size(degree)
    return Extent(
        half_width=max(size, name_width(name, font) / 2),
        up=size,
        down=size + _NAME_GAP + font * 1.25 + _STROKE,
    )


def relation_label_size(label: str) -> tuple[float, float]:
    """Width and height of a relation's label on its light box (``RELATION_FONT`` units)."""
    return name_width(label, RELATION_FONT) + 4, RELATION_FONT * 1.3 + 4


def opening_view(coords: Sequence[tuple[float, float]], extents: Sequence[Extent], fonts: Sequence[float]) -> Any:
    """What the page shows first, for nodes numbered best connected first.

    ``all`` is the box ``[left, top, right, bottom]`` round every drawn entity,
    ``top`` the boxes of the ``TOP`` best connected ones, and ``minScale`` the zoom
    at which the smallest name among those reaches ``READABLE_PX``. The page picks
    the view once it knows its window size (``openingView`` in ``viewer.js``).
    """
    if not coords:
        return None
    boxes = [
        [round(x - e.half_width, 1), round(y - e.up, 1), round(x + e.half_width, 1), round(y + e.down, 1)]
        for (x, y), e in zip(coords, extents, strict=True)
    ]
    top = min(TOP, len(coords))
    return {
        "all": [min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)],
        "top": boxes[:top],
        "minScale": math.ceil(READABLE_PX / min(fonts[:top]) * 1e4) / 1e4,  # rounded up: never below
    }
