"""Where the viewer draws each entity: positions in vis-network's canvas units.

The page runs no physics, so the layout is decided here, deterministically. Each
connected component is laid out on its own (networkx's spring layout for small ones,
a grid force layout above ``_SPRING_MAX`` nodes), then nudged until no two entities'
boxes (shape plus name) overlap, and the components are packed around the centre,
most connected first, so the opening view of the page is the best connected part.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

__all__ = ["DEFAULT_EXTENT", "Extent", "LayoutMemo", "layout"]

# Layout: networkx's exact spring layout up to this many nodes, the grid one above.
_SPRING_MAX = 400
# Wanted distance between neighbours, in vis-network units (about a label's width).
_EDGE_LENGTH = 150.0
# Wanted distance from most nodes to their nearest neighbour, in the same units.
_MIN_GAP = 45.0
# Width to height of the packed drawing: about a browser window beside the side panel.
_ASPECT = 1.35
# spring_layout fits into [-1, 1]: times this, the edge length and the square root of the size.
_SPREAD = 0.55
# Components placed one by one round the centre; any more go in rows (cost grows as n³).
_AROUND_MAX = 200
# A crowded component is spread at most this much before its entities are nudged apart.
_MAX_SPREAD = 4.0


class Extent(NamedTuple):
    """How far an entity's shape and name reach from its position, in canvas units.

    vis-network draws the name centred under the shape, so the box is
    ``half_width`` either side, ``up`` above and ``down`` below the position.
    """

    half_width: float
    up: float
    down: float


#: What an entity takes up when nothing else is known: a small shape and a short name.
DEFAULT_EXTENT = Extent(40.0, 15.0, 35.0)


def layout(
    count: int,
    pairs: list[tuple[int, int]],
    extents: Sequence[Extent] | None = None,
    memo: LayoutMemo | None = None,
    edge_labels: Sequence[tuple[float, float]] | None = None,
) -> list[tuple[float, float]]:
    """Node positions in vis-network's units, computed here so the page needs no physics.

    Deterministic for the same input. Nodes are numbered most important first. Each
    connected component is laid out on its own, its entities nudged apart until no
    two ``extents`` overlap (so names never run into each other at any zoom) and each
    relation's label (``edge_labels``: width and height, one per pair) fits between
    its ends, and the components are packed around the centre in the order of their
    first node.
    Components up to ``_SPRING_MAX`` nodes use networkx's spring layout (exact
    Fruchterman-Reingold); larger ones ``_mesh_layout`` (networkx's sparse variant
    needs scipy). A component's layout before nudging depends only on its shape (its
    size and its edges between members numbered in drawing order), so ``memo`` can
    keep it from one build to the next: an incremental build lays out only the
    components that changed.
    """
    if count == 0:
        return []
    boxes = list(extents) if extents is not None else [DEFAULT_EXTENT] * count
    components, links = _components(count, pairs)
    component_of = {node: c for c, members in enumerate(components) for node in members}
    labels: list[list[tuple[int, int, float, float]]] = [[] for _ in components]
    for k, (a, b) in enumerate(pairs):
        if a != b:
            width, height = edge_labels[k] if edge_labels is not None else (0.0, 0.0)
            labels[component_of[a]].append((a, b, width, height))
    placed: list[tuple[list[int], list[tuple[float, float]]]] = []
    for c, members in enumerate(components):
        size = len(members)
        if size == 1:
            local = [(0.0, 0.0)]
        elif size == 2:
            local = [(-_EDGE_LENGTH / 2, 0.0), (_EDGE_LENGTH / 2, 0.0)]
        else:
            number = {n: i for i, n in enumerate(members)}
            edges = sorted({(number[a], number[b]) for a, b in links[members[0]]})
            cached = memo.get(size, edges) if memo is not None else None
            local = cached if cached is not None else _component_layout(size, edges)
            if memo is not None and cached is None:
                memo.put(size, edges, local)
        if size > 1:
            number = {n: i for i, n in enumerate(members)}
            spans = [(number[a], number[b], w, h) for a, b, w, h in labels[c]]
            local = _separate(local, [boxes[n] for n in members], spans)
        placed.append((members, local))
    placed.sort(key=lambda item: item[0][0])
    return _pack(count, placed, boxes)


def _separate(
    local: list[tuple[float, float]],
    boxes: list[Extent],
    spans: list[tuple[int, int, float, float]] | None = None,
    *,
    gap: float = 14.0,
    rounds: int = 80,
) -> list[tuple[float, float]]:
    """Nudge nodes apart until no two boxes (plus ``gap``) overlap and every span has room.

    Each round moves both boxes of every overlapping pair (``_overlaps``) half the
    overlap apart along the axis where they overlap less. A big component's grid
    layout where more than one box in ten overlaps another is first spread evenly,
    25 % at a time, up to ``_MAX_SPREAD`` times: nudging alone would take hundreds of
    rounds to make room round its hubs (5,000 entities: 2,171 overlaps left after 80
    rounds, none after spreading). Small components need no spreading. A span
    ``(a, b, width, height)`` is a relation label drawn midway between nodes ``a``
    and ``b``: where the free length between the boxes of its ends is shorter than
    the label along the edge, an end in no other relation moves out along the edge
    (a hub's partners spread round it until their relations' labels fit). Stops
    when nothing moves, or after ``rounds``.
    """
    import numpy as np

    pos = np.asarray(local, dtype=float)
    ext = np.asarray(boxes, dtype=float) + gap / 2
    n = len(pos)
    spread = 1.0
    while n > _SPRING_MAX and spread * 1.25 <= _MAX_SPREAD and len(_overlaps(pos * spread, ext)[0]) > n / 10:
        spread *= 1.25
    pos *= spread
    edges = np.asarray(spans or [], dtype=float).reshape(-1, 4)
    ends_a, ends_b = edges[:, 0].astype(np.intp), edges[:, 1].astype(np.intp)
    degree = np.bincount(np.concatenate([ends_a, ends_b]), minlength=n)
    # Only an end with no other relation moves out along its edge, so stretching
    # never bends the rest of the drawing; two such ends share the move.
    share_a = np.where(degree[ends_a] == 1, np.where(degree[ends_b] == 1, 0.5, 1.0), 0.0)
    share_b = np.where(degree[ends_b] == 1, 1.0 - share_a, 0.0)
    for _ in range(rounds):
        first, second, shift = _overlaps(pos, ext)
        push = np.zeros((n, 2))
        np.add.at(push, second, shift)
        np.add.at(push, first, -shift)
        moved = len(first) > 0
        if len(edges):
            lack, unit = _label_lack(pos, ext, edges, gap)
            short = (lack > 0.5) & (share_a + share_b > 0)
            if short.any():
                step = unit[short] * lack[short, None]
                np.add.at(push, ends_a[short], -step * share_a[short, None])
                np.add.at(push, ends_b[short], step * share_b[short, None])
                moved = True
        if not moved:
            break
        pos += push
    return [(float(x), float(y)) for x, y in pos]


def _overlaps(pos: Any, ext: Any) -> tuple[Any, Any, Any]:
    """The overlapping pairs of boxes ``(first, second)`` and the half move that parts them.

    A sweep along x: boxes sorted by left edge; once no box ``k`` places further on
    starts before its partner ends, none further does. Cost: n times the number of
    boxes a box's x range meets, all in numpy. ``shift`` moves ``second`` away from
    ``first`` (and ``-shift`` the other way) along the axis where they overlap less.
    """
    import numpy as np

    n = len(pos)
    left = pos[:, 0] - ext[:, 0]
    order = np.argsort(left, kind="stable")
    lo_x, hi_x = left[order], (pos[:, 0] + ext[:, 0])[order]
    lo_y, hi_y = (pos[:, 1] - ext[:, 1])[order], (pos[:, 1] + ext[:, 2])[order]
    mid_x, mid_y = pos[order, 0], pos[order, 1]
    firsts, seconds, shifts = [], [], []
    for k in range(1, n):
        first = np.nonzero(hi_x[: n - k] > lo_x[k:])[0]
        if first.size == 0:
            break
        second = first + k
        over_y = np.minimum(hi_y[first], hi_y[second]) - np.maximum(lo_y[first], lo_y[second])
        hit = over_y > 0
        if not hit.any():
            continue
        first, second, over_y = first[hit], second[hit], over_y[hit]
        over_x = np.minimum(hi_x[first], hi_x[second]) - lo_x[second]
        along_x = over_x <= over_y
        # Which way: away from each other; a tie (same point) breaks by sort order.
        dx = np.where(mid_x[second] >= mid_x[first], 1.0, -1.0)
        dy = np.where(mid_y[second] > mid_y[first], 1.0, np.where(mid_y[second] < mid_y[first], -1.0, 1.0))
        shift = np.zeros((len(first), 2))
        shift[:, 0] = np.where(along_x, dx * over_x / 2, 0.0)
        shift[:, 1] = np.where(along_x, 0.0, dy * over_y / 2)
        firsts.append(order[first])
        seconds.append(order[second])
        shifts.append(shift)
    if not firsts:
        empty = np.zeros(0, dtype=np.intp)
        return empty, empty, np.zeros((0, 2))
    return np.concatenate(firsts), np.concatenate(seconds), np.concatenate(shifts)


def _label_lack(pos: Any, ext: Any, edges: Any, gap: float) -> tuple[Any, Any]:
    """How much longer each edge must be for its label to fit between its ends' boxes, and its direction."""
    import numpy as np

    ends_a, ends_b = edges[:, 0].astype(np.intp), edges[:, 1].astype(np.intp)
    delta = pos[ends_b] - pos[ends_a]
    dist = np.hypot(delta[:, 0], delta[:, 1])
    unit = np.where(dist[:, None] > 1e-6, delta / np.maximum(dist, 1e-6)[:, None], np.array([[1.0, 0.0]]))
    ux = np.abs(unit[:, 0]) + 1e-9
    uy = np.abs(unit[:, 1]) + 1e-9
    down = unit[:, 1] > 0  # b below a: the edge leaves a through its name and enters b from above

    def reach(box: Any, leaving_down: Any) -> Any:
        vertical = np.where(leaving_down, box[:, 2], box[:, 1])
        return np.minimum(box[:, 0] / ux, vertical / uy)

    label = np.minimum(edges[:, 2] / ux, edges[:, 3] / uy)
    # vis-network centres the label midway between the two positions, so each half of
    # the edge must clear its own end's box: a hub's big name needs the longer half.
    needed = 2 * np.maximum(reach(ext[ends_a], down), reach(ext[ends_b], ~down)) + label + gap
    return needed - dist, unit


def _components(count: int, pairs: list[tuple[int, int]]) -> tuple[list[list[int]], dict[int, set[tuple[int, int]]]]:
    """The connected components of nodes ``0..count-1``, biggest first, then by smallest node.

    Each component's members are sorted; ``links`` maps a component's smallest member
    to its edges, each once as ``(smaller, larger)``. (Union-find here: networkx, needed
    only to lay out a component the memo does not know, takes a tenth of a second to import.)
    """
    parent = list(range(count))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)  # a root is its component's smallest node
    groups: dict[int, list[int]] = defaultdict(list)
    for node in range(count):
        groups[find(node)].append(node)
    links: dict[int, set[tuple[int, int]]] = defaultdict(set)
    for a, b in pairs:
        links[find(a)].add((min(a, b), max(a, b)))
    return sorted(groups.values(), key=lambda c: (-len(c), c[0])), links


def _component_layout(size: int, edges: list[tuple[int, int]]) -> list[tuple[float, float]]:
    """Positions of one connected component of ``size`` > 2 nodes numbered 0..size-1."""
    import networkx as nx

    if size <= _SPRING_MAX:
        sub = nx.Graph()
        sub.add_nodes_from(range(size))
        sub.add_edges_from(edges)
        pos = nx.spring_layout(sub, seed=7, method="force", iterations=150)
        raw = [(float(pos[i][0]), float(pos[i][1])) for i in range(size)]
        # spring_layout fits into [-1, 1]; spread so neighbours sit about an
        # edge label's length apart whatever the size.
        scale = _EDGE_LENGTH * math.sqrt(size) * _SPREAD
    else:
        raw = _mesh_layout(size, edges)
        scale = _EDGE_LENGTH
    scale *= _crowding_factor(raw, scale)
    return [(x * scale, y * scale) for x, y in raw]


class LayoutMemo:
    """Component layouts by shape, kept in a JSON file between builds.

    The file carries a checksum and the layout code's version; a file that does not
    match (garbled, foreign, or from other layout code) is ignored and rewritten.
    Only the layouts used by the latest page are saved.
    """

    VERSION = f"2 spring{_SPRING_MAX} edge{_EDGE_LENGTH} spread{_SPREAD} gap{_MIN_GAP}"

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._stored: dict[str, list[tuple[float, float]]] = {}
        self._used: dict[str, list[tuple[float, float]]] = {}
        self.hits = 0
        if path is not None:
            self._stored = self._load(path)

    @staticmethod
    def _key(size: int, edges: list[tuple[int, int]]) -> str:
        return hashlib.sha256(json.dumps([size, edges], separators=(",", ":")).encode()).hexdigest()[:32]

    def _load(self, path: Path) -> dict[str, list[tuple[float, float]]]:
        try:
            from kgraph.cache import load_checked

            layouts = json.loads(load_checked(path.read_bytes(), {"version": self.VERSION}))
            return {key: [(float(x), float(y)) for x, y in value] for key, value in layouts.items()}
        except (OSError, ValueError, TypeError, AttributeError):
            return {}

    def get(self, size: int, edges: list[tuple[int, int]]) -> list[tuple[float, float]] | None:
        key = self._key(size, edges)
        found = self._stored.get(key)
        if found is None or len(found) != size:
            return None
        self.hits += 1
        self._used[key] = found
        return found

    def put(self, size: int, edges: list[tuple[int, int]], layout: list[tuple[float, float]]) -> None:
        self._used[self._key(size, edges)] = layout

    def save(self) -> None:
        """Write the layouts this page used (atomically); nothing without a path."""
        if self.path is None:
            return
        from kgraph.cache import dump_checked

        payload = json.dumps(self._used, sort_keys=True, separators=(",", ":")).encode()
        dump_checked(self.path, {"version": self.VERSION}, payload)


def _pack(
    count: int, placed: list[tuple[list[int], list[tuple[float, float]]]], boxes: Sequence[Extent]
) -> list[tuple[float, float]]:
    """Place laid-out components around the centre, the first ones in the middle.

    Each component's frame (its entities' boxes plus a margin) goes, in order,
    where it keeps the drawing smallest: the first ``_AROUND_MAX`` components are
    put one by one against those already placed, at the spot that needs the
    smallest window-shaped box round the centre (``_around``); any more go in
    rows below and above them (``_rows``). The best connected part of the graph
    is then the middle of the drawing, where the page opens.
    """
    margin = 30.0  # between components, besides the names' own room
    frames = []
    for members, local in placed:
        ext = [boxes[n] for n in members]
        left = min(x - e.half_width for (x, _), e in zip(local, ext, strict=True)) - margin / 2
        right = max(x + e.half_width for (x, _), e in zip(local, ext, strict=True)) + margin / 2
        top = min(y - e.up for (_, y), e in zip(local, ext, strict=True)) - margin / 2
        bottom = max(y + e.down for (_, y), e in zip(local, ext, strict=True)) + margin / 2
        frames.append((left, top, right - left, bottom - top))
    sizes = [(w, h) for _, _, w, h in frames]
    corners = _around(sizes[:_AROUND_MAX])
    if len(sizes) > _AROUND_MAX:
        area = sum(w * h for w, h in sizes)
        width = max(math.sqrt(area * _ASPECT), max(w for w, _ in sizes))
        below = max(y + h for (_, y), (_, h) in zip(corners, sizes, strict=False))
        above = -min(y for _, y in corners)
        corners += _rows(sizes[_AROUND_MAX:], width, below, above)
    coords: list[tuple[float, float]] = [(0.0, 0.0)] * count
    for (members, local), (left, top, _, _), (x0, y0) in zip(placed, frames, corners, strict=True):
        for node, (x, y) in zip(members, local, strict=True):
            coords[node] = (round(x0 + x - left, 1), round(y0 + y - top, 1))
    return coords


def _around(sizes: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Top-left corners for frames of ``sizes``, placed greedily round the centre.

    The first frame is centred on the origin. Each next one is tried against every
    side and corner of every placed frame; of the spots where it overlaps none, it
    takes the one needing the smallest box of the window's shape round the origin,
    then the one nearest the origin. n frames cost about 10 n³ comparisons, in numpy.
    """
    import numpy as np

    if not sizes:
        return []
    w0, h0 = sizes[0]
    corners = [(-w0 / 2, -h0 / 2)]
    frames = np.array([[-w0 / 2, -h0 / 2, w0 / 2, h0 / 2]])  # left, top, right, bottom
    eps = 1e-6
    for w, h in sizes[1:]:
        left, top, right, bottom = frames.T
        mid_x, mid_y = (left + right - w) / 2, (top + bottom - h) / 2
        xs = np.concatenate(
            [right, right, right, left - w, left - w, left - w, left, right - w, mid_x, left, right - w, mid_x]
        )
        ys = np.concatenate(
            [top, bottom - h, mid_y, top, bottom - h, mid_y, bottom, bottom, bottom, top - h, top - h, top - h]
        )
        clash = (
            (xs[:, None] < right[None, :] - eps)
            & (xs[:, None] + w > left[None, :] + eps)
            & (ys[:, None] < bottom[None, :] - eps)
            & (ys[:, None] + h > top[None, :] + eps)
        ).any(axis=1)
        reach = np.maximum(np.maximum(np.abs(xs), np.abs(xs + w)) / _ASPECT, np.maximum(np.abs(ys), np.abs(ys + h)))
        near = np.hypot((xs + w / 2) / _ASPECT, ys + h / 2)
        cost = np.where(clash, np.inf, reach + 1e-3 * near)
        best = int(np.argmin(cost))
        x, y = float(xs[best]), float(ys[best])
        corners.append((x, y))
        frames = np.vstack([frames, [x, y, x + w, y + h]])
    return corners


def _rows(sizes: list[tuple[float, float]], width: float, below: float, above: float) -> list[tuple[float, float]]:
    """Top-left corners for frames of ``sizes`` in rows of ``width`` centred on x = 0.

    The rows go below ``below`` and above ``-above`` in turn; within a row the
    first frame sits in the middle and the next ones right and left in turn.
    """
    rows: list[list[int]] = [[]]
    used = 0.0
    for i, (w, _) in enumerate(sizes):
        if rows[-1] and used + w > width:
            rows.append([])
            used = 0.0
        rows[-1].append(i)
        used += w
    corners: list[tuple[float, float]] = [(0.0, 0.0)] * len(sizes)
    for r, row in enumerate(rows):
        height = max(sizes[i][1] for i in row)
        if r % 2 == 0:
            top, below = below, below + height
        else:
            top, above = -above - height, above + height
        left_end = right_end = 0.0
        for k, i in enumerate(row):
            w, h = sizes[i]
            if k == 0:
                x0 = -w / 2
                left_end, right_end = x0, x0 + w
            elif k % 2:
                x0, right_end = right_end, right_end + w
            else:
                x0 = left_end - w
                left_end = x0
            corners[i] = (x0, top + (height - h) / 2)
    return corners


def _crowding_factor(raw: list[tuple[float, float]], scale: float) -> float:
    """How much to spread a layout so most nodes have room for their shape and label.

    Dense graphs pull their core together; spreading (never shrinking) until the
    25th percentile of nearest-neighbour distances (in small components, the
    smallest distance) reaches ``_MIN_GAP`` keeps nodes apart. The page fits the
    drawing to the window anyway.
    """
    import numpy as np

    pos = np.asarray(raw, dtype=float) * scale
    nearest = np.empty(len(pos))
    for start in range(0, len(pos), 512):  # 512 x n distances at a time
        block = pos[start : start + 512]
        dist = np.hypot(block[:, None, 0] - pos[None, :, 0], block[:, None, 1] - pos[None, :, 1])
        dist[np.arange(len(block)), np.arange(start, start + len(block))] = np.inf
        nearest[start : start + len(block)] = dist.min(axis=1)
    gap = float(np.percentile(nearest, 25 if len(pos) > 50 else 0))
    return max(1.0, _MIN_GAP / gap) if gap > 0 else 1.0


def _mesh_layout(
    count: int, pairs: list[tuple[int, int]], *, iterations: int = 160, grid: int = 128
) -> list[tuple[float, float]]:
    """Fruchterman-Reingold with an ideal edge length of 1 and repulsion on a grid.

    Every node repels every other one with force 1/d. Summing that directly costs
    n² per step, so each step counts the nodes per grid cell and convolves the counts
    with the 1/d kernel by FFT (a particle-mesh method): n + G² log G per step. Edges
    pull their ends together with force d², and a weak pull to the centre keeps
    separate components in one picture.
    """
    import numpy as np

    rng = np.random.default_rng(7)
    radius = math.sqrt(count)
    pos = rng.uniform(-radius, radius, size=(count, 2))
    ends = np.array([p for p in pairs if p[0] != p[1]], dtype=np.intp).reshape(-1, 2)
    src, dst = ends[:, 0], ends[:, 1]

    size = 2 * grid  # zero padding: the convolution must not wrap around
    offsets = np.fft.fftfreq(size, 1.0 / size)
    mx, my = np.meshgrid(offsets, offsets, indexing="ij")
    r2 = mx**2 + my**2
    r2[0, 0] = 1.0
    kernel_x = np.fft.rfft2(mx / r2)
    kernel_y = np.fft.rfft2(my / r2)

    gravity = 0.5 / radius
    start_step, end_step = radius / 4, 0.02
    for it in range(iterations):
        low = pos.min(axis=0)
        span = float((pos.max(axis=0) - low).max()) + 1e-9
        cell_size = span / (grid - 1)
        cells = np.minimum(((pos - low) / cell_size).astype(np.intp), grid - 1)
        flat = cells[:, 0] * size + cells[:, 1]
        density = np.bincount(flat, minlength=size * size).reshape(size, size).astype(float)
        spectrum = np.fft.rfft2(density)
        field_x = np.fft.irfft2(spectrum * kernel_x, s=(size, size)).ravel()[flat]
        field_y = np.fft.irfft2(spectrum * kernel_y, s=(size, size)).ravel()[flat]
        force = np.stack([field_x, field_y], axis=1) / cell_size
        delta = pos[dst] - pos[src]
        pull = delta * np.hypot(delta[:, 0], delta[:, 1])[:, None]
        for axis in (0, 1):
            force[:, axis] += np.bincount(src, pull[:, axis], count)
            force[:, axis] -= np.bincount(dst, pull[:, axis], count)
        force -= gravity * pos * radius
        length = np.maximum(np.hypot(force[:, 0], force[:, 1]), 1e-9)
        # Linear cooling: long moves first, then only small corrections.
        step = start_step + (end_step - start_step) * it / max(iterations - 1, 1)
        pos += force * (np.minimum(length, step) / length)[:, None]
    pos -= pos.mean(axis=0)
    return [(float(x), float(y)) for x, y in pos]
