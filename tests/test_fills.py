"""Shaded schedule cells of a page image (extract/fills.py) and their marks (cells.mark_filled_cells)."""

from __future__ import annotations

import cv2
import numpy as np

from kpu_extract.extract.cells import mark_filled_cells, words_to_cells
from kpu_extract.extract.fills import area_tiles, edges, filled_boxes
from kpu_extract.extract.grid import Grid, GridCell
from kpu_extract.extract.model import Word
from kpu_extract.extract.word_table import FILLED_MARK

DPI = 200.0
PT = DPI / 72


def _page(seed: int = 0) -> np.ndarray:
    """A noisy A4-landscape-ish page at DPI: paper 236 +- 8 like the corpus hard-200 scans."""
    rng = np.random.default_rng(seed)
    return np.clip(rng.normal(236, 8, (900, 1400)), 0, 255).astype(np.uint8)


def _shade(img: np.ndarray, x0: float, y0: float, x1: float, y1: float, level: int = 130) -> None:
    """Shade a box given in points (the corpus FILL, 0.55 gray, reads ~130 on a scan)."""
    img[int(y0 * PT):int(y1 * PT), int(x0 * PT):int(x1 * PT)] = level


def _pt(box):
    return tuple(round(v) for v in box)


def test_separate_cells_are_boxes_in_points():
    img = _page()
    _shade(img, 100, 100, 120, 120)
    _shade(img, 200, 100, 220, 130)
    boxes = [_pt(b) for b in filled_boxes(img, DPI)]
    assert boxes == [(100, 100, 120, 120), (200, 100, 220, 130)]


def test_touching_cells_are_cut_at_the_edges_their_outline_shows():
    img = _page(1)
    # row 1: months 1-3 shaded; row 2: months 3-4. One solid area, cut where a run starts or ends.
    _shade(img, 100, 100, 160, 120)
    _shade(img, 140, 120, 180, 140)
    boxes = sorted(_pt(b) for b in filled_boxes(img, DPI))
    assert boxes == [(100, 100, 140, 120), (140, 100, 160, 120), (140, 120, 160, 140), (160, 120, 180, 140)]


def test_no_box_from_text_a_stamp_a_signature_or_a_logo():
    img = _page(2)
    for i, x in enumerate(range(60, 700, 60)):  # a bold 14 pt line of text: 3 px strokes
        cv2.putText(img, "MWB", (x, 100), cv2.FONT_HERSHEY_SIMPLEX, 1.1, 20, 4)
    cv2.circle(img, (300, 400), 80, 60, 5)  # a stamp: a ring and its text
    cv2.putText(img, "KPU", (250, 410), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 60, 3)
    pts = np.array([[600, 400], [650, 350], [700, 420], [760, 360], [820, 430]], np.int32)
    cv2.polylines(img, [pts], False, 10, 3)  # a signature
    cv2.circle(img, (1100, 400), 60, 30, -1)  # a solid round logo
    img[600:640, 900:912] = 25  # a black glyph-sized blob, 14 x 5 pt
    assert filled_boxes(img, DPI) == []


def test_a_textured_patch_is_no_shaded_cell():
    img = _page(3)
    rng = np.random.default_rng(4)
    img[200:300, 200:300] = rng.integers(0, 200, (100, 100))  # a photo: dark on average, not one tone
    assert filled_boxes(img, DPI) == []


def test_area_tiles_keep_only_mostly_filled_tiles_of_a_cell_size():
    area = np.zeros((60, 120), bool)
    area[0:30, 0:120] = True  # a row shaded over four cells
    area[30:60, 0:40] = True  # and one cell under its first
    tiles = area_tiles(area, DPI)
    assert [t[:4] for t in tiles] == [(0, 0, 40, 30), (40, 0, 120, 30), (0, 30, 40, 60)]
    assert edges(area, axis=1, min_run=10, tol=2) == [0, 40, 120]


def test_marks_go_to_empty_shaded_cells_of_rows_with_text():
    rows, cols = [0.0, 20.0, 40.0, 60.0], [0.0, 60.0, 80.0, 100.0]
    grid = Grid(rows, cols, [GridCell(r, c, 1, 1, (cols[c], rows[r], cols[c + 1], rows[r + 1]))
                             for r in range(3) for c in range(3)])
    words = [Word("Kegiatan", 2, 5, 50, 12), Word("B1", 62, 5, 75, 12), Word("B2", 82, 5, 95, 12),
             Word("Rapat", 2, 25, 40, 32), Word("v", 85, 25, 88, 32)]
    fills = [(0.0, 0.0, 100.0, 20.0),  # the header row shaded as a whole: left as read
             (60.0, 20.0, 100.0, 40.0),  # row 1: month 1 empty (marked), month 2 read 'v' (kept)
             (60.0, 40.0, 80.0, 60.0)]  # row 2 holds no text: no mark
    table = mark_filled_cells(words_to_cells(words, grid), fills)
    assert table.rows == [["Kegiatan", "B1", "B2"], ["Rapat", FILLED_MARK, "v"], ["", "", ""]]
    assert next(c for c in table.cells if (c.row, c.col) == (1, 1)).text == FILLED_MARK


def test_a_box_cut_into_several_rows_marks_its_top_row_only():
    # a borderless row whose wrapped second line was read as a row of its own, under one shaded box
    rows, cols = [0.0, 10.0, 20.0, 30.0], [0.0, 60.0, 80.0]
    grid = Grid(rows, cols, [GridCell(r, c, 1, 1, (cols[c], rows[r], cols[c + 1], rows[r + 1]))
                             for r in range(3) for c in range(2)])
    words = [Word("Layanan", 2, 2, 50, 8), Word("Internal", 2, 12, 50, 18), Word("Rapat", 2, 22, 40, 28)]
    fills = [(60.0, 0.0, 80.0, 20.0), (60.0, 20.0, 80.0, 30.0)]
    table = mark_filled_cells(words_to_cells(words, grid), fills)
    assert [row[1] for row in table.rows] == [FILLED_MARK, "", FILLED_MARK]
