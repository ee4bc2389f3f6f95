"""Ruled tables whose rules pdfplumber cannot close (Excel exports): what the text layer still reads.

The coordinates are those of the Renja Tabel 3.1 of BKPP Wilayah I (corpus/real/), pages 1-2.
"""

from __future__ import annotations

from kpu_extract.extract.text_layer import (_chars_to_text, _open_bottom, _page_index, _split_at_crossing_rules,
                                            _with_open_slots)


def _chars(text: str, x0: float, top: float, size: float = 8.0, width: float = 4.0) -> list[dict]:
    return [{"text": ch, "x0": x0 + i * width, "x1": x0 + (i + 1) * width, "top": top, "doctop": top, "bottom": top + size,
             "upright": True} for i, ch in enumerate(text)]


def _h(x0: float, x1: float, y: float) -> dict:
    return {"orientation": "h", "x0": x0, "x1": x1, "top": y, "bottom": y}


def _v(x: float, top: float, bottom: float) -> dict:
    return {"orientation": "v", "x0": x, "x1": x, "top": top, "bottom": bottom}


def test_a_slot_no_cell_covers_but_holding_text_becomes_a_cell():
    # the kegiatan column's row rules start at x=101, 10 pt right of its rule at x=91: no cell there
    grid = [[(66, 179, 91, 197), (91, 179, 255, 197), (255, 179, 367, 197)],
            [None, None, (255, 214, 367, 232)]]
    chars = _chars("1", 85, 216) + _chars("Forum BKPP Tahun I", 102, 216)
    out = _with_open_slots(grid, (66, 179, 367, 232), _page_index([], chars))
    assert out[1][:2] == [(66, 214, 91, 232), (91, 214, 255, 232)]
    assert _with_open_slots(grid, (66, 179, 367, 232), _page_index([], []))[1][:2] == [None, None]  # empty slots stay uncovered


def test_a_cell_is_cut_where_a_rule_crosses_most_of_its_width_not_elsewhere():
    grid = [[(91, 126, 255, 168), (255, 126, 367, 150)], [None, (255, 150, 367, 168)]]
    crossed = _split_at_crossing_rules(grid, _page_index([_h(101, 368, 150.1)], []))
    assert crossed[0][0] == (91, 126, 255, 150) and crossed[1][0] == (91, 150, 255, 168)
    merged = _split_at_crossing_rules(grid, _page_index([_h(255, 368, 150.1)], []))  # a rule beside it: a merged cell
    assert merged[0][0] == (91, 126, 255, 168) and merged[1][0] is None


def test_a_table_whose_outer_verticals_run_on_below_its_last_rule_is_open_at_the_bottom():
    edges = [_v(66.1, 214.2, 541.2), _v(738.3, 197.6, 541.2), _h(101, 368, 520.1)]
    assert _open_bottom(_page_index(edges, []), (66.1, 125.4, 738.3, 520.4)) == 541.2
    short = _page_index(edges[:1] + [_v(738.3, 197.6, 520.4)], [])
    assert _open_bottom(short, (66.1, 125.4, 738.3, 520.4)) is None


def test_two_texts_drawn_over_each_other_are_read_apart_not_interleaved():
    hidden = _chars("Program Perencanaan", 93, 127.4, 7.4, 3.6)
    visible = _chars("Koordinasi dan", 102, 128.5, 8.2, 4.1)
    assert _chars_to_text(hidden + visible) == "Program Perencanaan\nKoordinasi dan"
    assert _chars_to_text(_chars("Forum BKPP", 102, 216)) == "Forum BKPP"
