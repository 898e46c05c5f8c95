"""Tests for kgraph.export.layout: positions where no two entities' shapes and names overlap."""

from __future__ import annotations

import itertools

from kgraph.export.layout import Extent, _component_layout, layout
from kgraph.export.sizing import extent

# A hub with twelve partners, all with long names, and a separate pair: names that a
# plain spring layout puts on top of each other.
NAMES = ["Northbridge Harbour Authority"] + [f"Eastholm Cooperative Shipping Company {i}" for i in range(12)]
STAR = [(0, i) for i in range(1, 13)]


def boxes(coords: list[tuple[float, float]], extents: list[Extent]) -> list[tuple[float, float, float, float]]:
    pairs = zip(coords, extents, strict=True)
    return [(x - e.half_width, y - e.up, x + e.half_width, y + e.down) for (x, y), e in pairs]


def overlaps(coords: list[tuple[float, float]], extents: list[Extent]) -> int:
    return sum(
        1
        for a, b in itertools.combinations(boxes(coords, extents), 2)
        if min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])
    )


def test_layout_keeps_names_apart() -> None:
    pairs = [*STAR, (13, 14)]
    degrees = [12] + [1] * 12 + [1, 1]
    names = [*NAMES, "Westmere Quarry Partners Limited", "Westmere County Council"]
    extents = [extent(name, d) for name, d in zip(names, degrees, strict=True)]
    # The spring layout alone, at the same spread, puts the partners' names on top of each other...
    raw = _component_layout(13, STAR)
    assert overlaps(raw, extents[:13]) > 0
    # ...the layout nudges them apart, in every component.
    coords = layout(15, pairs, extents)
    assert overlaps(coords, extents) == 0
    assert layout(15, pairs, extents) == coords  # deterministic


def test_layout_puts_the_first_component_in_the_middle() -> None:
    # Components numbered best connected first: the hub's star, then five pairs.
    pairs = STAR + [(13 + 2 * k, 14 + 2 * k) for k in range(5)]
    coords = layout(23, pairs, [extent("Harbour", 1)] * 23)
    hub = coords[0]
    centre_x = (min(x for x, _ in coords) + max(x for x, _ in coords)) / 2
    centre_y = (min(y for _, y in coords) + max(y for _, y in coords)) / 2
    span = max(x for x, _ in coords) - min(x for x, _ in coords)
    assert abs(hub[0] - centre_x) < span / 4 and abs(hub[1] - centre_y) < span / 4
    # Every pair lies further from the hub than the star's own partners do.
    star_reach = max(abs(x - hub[0]) + abs(y - hub[1]) for x, y in coords[1:13])
    assert all(abs(x - hub[0]) + abs(y - hub[1]) > star_reach / 2 for x, y in coords[13:])
