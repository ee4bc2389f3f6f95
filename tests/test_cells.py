"""Words -> cells: assignment by word centre, spans, reading order, the dense pdfplumber shape."""

from __future__ import annotations

import cv2
import numpy as np

from kpu_extract.extract import raster
from kpu_extract.extract.cells import words_to_cells
from kpu_extract.extract.grid import Grid, GridCell, image_to_line_masks, masks_to_grids
from kpu_extract.extract.model import Word

# 3 rows x 3 cols in points; the header cell spans columns 1-2, the first body cell rows 1-2.
ROWS = [0.0, 20.0, 40.0, 60.0]
COLS = [0.0, 30.0, 130.0, 230.0]


def _grid() -> Grid:
    spans = {(0, 0): (1, 1), (0, 1): (1, 2), (1, 0): (2, 1), (1, 1): (1, 1), (1, 2): (1, 1),
             (2, 1): (1, 1), (2, 2): (1, 1)}
    cells = [GridCell(r, c, rs, cs, (COLS[c], ROWS[r], COLS[c + cs], ROWS[r + rs]))
             for (r, c), (rs, cs) in spans.items()]
    return Grid(ROWS, COLS, cells)


def _w(text, x0, top, width=20.0, conf=90.0):
    return Word(text, x0, top, x0 + width, top + 6.0, conf)


def test_dense_rows_with_none_under_spans():
    table = words_to_cells([_w("NO", 5, 7), _w("PAGU", 120, 7), _w("1", 8, 35), _w("Rapat", 40, 27),
                            _w("1.000.000", 140, 27, 50)], _grid(), page=3, index=1)
    assert table.rows == [["NO", "PAGU", None], ["1", "Rapat", "1.000.000"], [None, "", ""]]
    assert (table.page, table.index, table.strategy) == (3, 1, "lines")
    header = next(c for c in table.cells if (c.row, c.col) == (0, 1))
    assert (header.row_span, header.col_span, header.bold) == (1, 2, False)


def test_reading_order_and_newlines_inside_a_cell():
    words = [_w("Penganggaran", 60, 42, 40), _w("Perencanaan", 32, 42, 26), _w("Pemilu", 32, 51, 25)]
    table = words_to_cells(words, _grid())
    assert table.rows[2][1] == "Perencanaan Penganggaran\nPemilu"


def test_word_goes_to_the_cell_holding_its_centre_not_across_a_rule():
    # '298.450.000' overhangs the column rule at x=130 but its centre is left of it.
    table = words_to_cells([_w("298.450.000", 80, 27, 56), _w("Subag", 132, 27, 25)], _grid())
    assert table.rows[1][1] == "298.450.000" and table.rows[1][2] == "Subag"


def test_conf_is_mean_word_conf_and_words_outside_are_ignored():
    table = words_to_cells([_w("a", 40, 27, conf=80), _w("b", 70, 27, conf=60), _w("x", 400, 27)], _grid())
    cell = next(c for c in table.cells if (c.row, c.col) == (1, 1))
    assert cell.conf == 70.0 and cell.text == "a b"
    assert "x" not in str(table.rows)


def test_words_land_in_cells_of_a_skewed_noisy_image():
    """Grid from a drawn, rotated, noised table; word boxes given in the deskewed image frame."""
    dpi = 144  # 2 px per point keeps the arithmetic readable
    img = np.full((200, 520), 235, np.uint8)
    xs, ys = [20, 120, 360, 500], [20, 80, 140]
    for y in ys:
        cv2.line(img, (xs[0], y), (xs[-1], y), 20, 2)
    for x in xs:
        cv2.line(img, (x, ys[0]), (x, ys[-1]), 20, 2)
    img = raster.clean_page(raster.rotate(img, 1.0) + np.random.default_rng(1).normal(0, 8, img.shape).clip(0, 20).astype(np.uint8))
    grid = masks_to_grids(image_to_line_masks(img, dpi), dpi)[0].scaled(72.0 / dpi)
    words = [_w("1", 20, 22, 6), _w("Sosialisasi", 65, 22, 40), _w("97.669.000", 190, 22, 50),
             _w("2", 20, 52, 6), _w("Sarana", 65, 52, 30), _w("6.478.000", 190, 52, 45)]
    table = words_to_cells(words, grid)
    assert table.rows == [["1", "Sosialisasi", "97.669.000"], ["2", "Sarana", "6.478.000"]]
