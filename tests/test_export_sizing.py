"""Tests for kgraph.export.sizing: name sizes, their estimated widths and the opening view."""

from __future__ import annotations

from kgraph.export.sizing import READABLE_PX, extent, font_size, name_width, opening_view


def test_font_grows_with_degree_and_is_capped() -> None:
    assert font_size(0) == font_size(1) == 14
    assert font_size(1) < font_size(2) < font_size(4) < font_size(8)
    assert font_size(1000) == 26


def test_name_width_is_generous_for_wide_letters() -> None:
    # DejaVu Sans at 14 px: "Wim" is about 33 px wide, "Illinois" about 40.
    assert name_width("MMMM", 14) > name_width("iiii", 14) * 2
    assert 33 <= name_width("Wim", 14) <= 40
    box = extent("Northbridge Harbour Authority", 1)
    assert box.half_width * 2 >= name_width("Northbridge Harbour Authority", 14)
    assert box.down > box.up  # the name hangs under the shape


def test_opening_view_makes_the_top_names_readable() -> None:
    coords = [(float(100 * i), 0.0) for i in range(30)]
    degrees = [30 - i for i in range(30)]
    extents = [extent(f"Entity {i}", d) for i, d in enumerate(degrees)]
    view = opening_view(coords, extents, [font_size(d) for d in degrees])
    assert len(view["top"]) == 20
    # The smallest of the top 20 names (degree 11) reaches READABLE_PX at minScale.
    assert abs(view["minScale"] * font_size(11) - READABLE_PX) < 0.01
    assert view["all"][0] <= view["top"][0][0] and view["all"][2] >= view["top"][-1][2]
    assert opening_view([], [], []) is None
