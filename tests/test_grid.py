"""Grid finding on generated images: a ruled table with merged cells, rotated 1 degree, noised."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from kpu_extract.extract import raster
from kpu_extract.extract.cells import words_to_cells
from kpu_extract.extract.grid import (Grid, GridCell, header_box_grid, image_to_line_masks, masks_to_grids,
                                      words_to_grid, words_to_grids)
from kpu_extract.extract.model import Word

DPI = 200
ROWS = [100, 160, 220, 280, 340]  # 4 rows
COLS = [80, 200, 420, 560, 700]  # 4 columns
# (row, col, row_span, col_span) of the merged cells; every other slot is a cell of its own.
MERGED = [(0, 1, 1, 2), (1, 0, 2, 1)]


def draw_table(rows=ROWS, cols=COLS, merged=MERGED, size=(460, 800), angle=1.0, noise=10.0, seed=0):
    """A gray page with a ruled table; separators inside merged cells are left out."""
    img = np.full(size, 235, np.uint8)
    covered = {(r, c): m for m in merged for r in range(m[0], m[0] + m[2]) for c in range(m[1], m[1] + m[3])}
    for r in range(len(rows) - 1):
        for c in range(len(cols) - 1):
            m = covered.get((r, c))
            right_inside = m is not None and c + 1 < m[1] + m[3]
            below_inside = m is not None and r + 1 < m[0] + m[2]
            if not right_inside:
                cv2.line(img, (cols[c + 1], rows[r]), (cols[c + 1], rows[r + 1]), 20, 2)
            if not below_inside:
                cv2.line(img, (cols[c], rows[r + 1]), (cols[c + 1], rows[r + 1]), 20, 2)
    cv2.line(img, (cols[0], rows[0]), (cols[-1], rows[0]), 20, 2)
    cv2.line(img, (cols[0], rows[0]), (cols[0], rows[-1]), 20, 2)
    for r in range(len(rows) - 1):
        for c in range(len(cols) - 1):
            if covered.get((r, c), (r, c))[:2] == (r, c):
                cv2.putText(img, f"{r}.{c}", (cols[c] + 12, rows[r] + 38), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 30, 2)
    img = raster.rotate(img, angle)
    rng = np.random.default_rng(seed)
    return np.clip(img + rng.normal(0, noise, img.shape), 0, 255).astype(np.uint8)


def test_skew_angle_recovers_rotation():
    img = draw_table(angle=1.0)
    assert raster.skew_angle(img) == pytest.approx(-1.0, abs=0.15)


def _whole_thumbnail_angle(ink: np.ndarray, angles: np.ndarray) -> float:
    """The projection search as it reads: every candidate rotates the whole thumbnail."""
    h, w = ink.shape
    scores = [np.var(cv2.reduce(cv2.warpAffine(ink, cv2.getRotationMatrix2D((w / 2.0, h / 2.0), float(a), 1.0),
                                               (w, h), flags=cv2.INTER_NEAREST), 1, cv2.REDUCE_SUM,
                                dtype=cv2.CV_32S).astype(np.float32)) for a in angles]
    return float(angles[int(np.argmax(scores))])


@pytest.mark.parametrize("angle", [-4.3, -1.2, 0.0, 0.35, 2.6])
def test_skew_search_rotates_only_the_ink_and_steps_coarse_on_strips(angle):
    ink = raster._ink_thumbnail(draw_table(angle=angle, size=(700, 1000)))
    coarse = np.arange(-5.0, 5.0 + 1e-9, 0.5)
    fine = np.arange(-angle - 0.5, -angle + 0.5 + 1e-9, 0.05)
    # cropping to the ink box changes no row sum: the same winner as rotating the whole thumbnail
    assert raster._best_angle(ink, fine) == _whole_thumbnail_angle(ink, fine)
    assert raster._best_angle(ink, coarse) == _whole_thumbnail_angle(ink, coarse)
    # the strip profiles land in the same half degree, so the fine steps search the same window
    assert raster._coarse_angle(ink, coarse) == pytest.approx(_whole_thumbnail_angle(ink, coarse), abs=0.5)
    assert raster.skew_angle(draw_table(angle=angle, size=(700, 1000))) == pytest.approx(-angle, abs=0.15)


def test_grid_rows_cols_and_spans_after_deskew():
    img = raster.clean_page(draw_table(angle=1.0))
    grids = masks_to_grids(image_to_line_masks(img, DPI), DPI)
    assert len(grids) == 1
    grid = grids[0]
    assert len(grid.rows) == len(ROWS) and len(grid.cols) == len(COLS)
    assert grid.rows == pytest.approx(ROWS, abs=6)
    assert grid.cols == pytest.approx(COLS, abs=6)
    spans = {(c.row, c.col): (c.row_span, c.col_span) for c in grid.cells}
    assert spans[(0, 1)] == (1, 2)
    assert spans[(1, 0)] == (2, 1)
    assert len(grid.cells) == 4 * 4 - 1 - 1


def test_two_tables_on_one_page():
    img = np.vstack([draw_table(angle=0, noise=0), draw_table(angle=0, noise=0, merged=[])])
    grids = masks_to_grids(image_to_line_masks(img, DPI), DPI)
    assert [len(g.cells) for g in grids] == [14, 16]
    assert grids[0].rows[-1] < grids[1].rows[0]


def test_table_inside_a_page_frame():
    img = cv2.copyMakeBorder(draw_table(angle=0, noise=0), 60, 60, 60, 60, cv2.BORDER_CONSTANT, value=235)
    cv2.rectangle(img, (20, 20), (img.shape[1] - 20, img.shape[0] - 20), 20, 2)
    grids = masks_to_grids(image_to_line_masks(img, DPI), DPI)
    assert len(grids) == 2  # the frame (one cell) and the table in its hole
    table = max(grids, key=lambda g: len(g.cells))
    assert len(table.cells) == 14 and table.rows == pytest.approx([r + 60 for r in ROWS], abs=6)


def test_text_alone_is_no_table():
    img = np.full((400, 800), 240, np.uint8)
    for i in range(6):
        cv2.putText(img, "Komisi Pemilihan Umum Kabupaten Serang 2023", (20, 50 + 55 * i),
                    cv2.FONT_HERSHEY_SIMPLEX, 1.0, 20, 2)
    assert masks_to_grids(image_to_line_masks(img, DPI), DPI) == []


def _w(text, x0, top, width=30.0, height=9.0):
    return Word(text, x0, top, x0 + width, top + height)


def test_borderless_columns_from_word_gaps():
    words = []
    for i in range(5):
        y = 100 + 14 * i
        words += [_w(str(i + 1), 50, y, 8), _w("Kegiatan", 80, y, 45), _w(f"x{i}", 130, y, 20),
                  _w("1.000.000", 300, y, 45), _w("95%", 420, y, 20)]
    grid = words_to_grid(words)
    assert grid is not None and grid.strategy == "words"
    assert len(grid.rows) == 6
    assert len(grid.cols) == 5  # 4 columns: no | kegiatan x | amount | percent


def _rows_of(top, n, texts, xs):
    return [_w(t, x, top + 14 * i, 40) for i in range(n) for t, x in zip(texts, xs)]


def test_every_borderless_table_of_a_page_is_a_grid():
    # targets (3 columns), a heading four line gaps below, then a budget (4 columns)
    words = _rows_of(100, 5, ["Sasaran", "90%", "100%"], [50, 300, 420])
    words += [_w("Realisasi Anggaran", 50, 230, 90)]
    words += _rows_of(270, 4, ["Uraian", "1.000", "900", "90,00"], [50, 250, 350, 450])
    grids = words_to_grids(words)
    assert [(len(g.rows) - 1, len(g.cols) - 1) for g in grids] == [(5, 3), (4, 4)]
    assert words_to_grid(words) == grids[1]  # the largest (16 cells)


def test_prose_is_not_borderless_table():
    words = [_w(f"kata{j}", 50 + 40 * j, 100 + 14 * i, 35) for i in range(8) for j in range(10)]
    assert words_to_grid(words) is None


def test_header_box_body_is_cut_into_the_box_columns():
    # a 2-row ruled header (a label spanning two columns over two sub-labels) over a borderless body
    cols = [0.0, 100.0, 200.0, 300.0]
    box = Grid([0.0, 20.0, 40.0], cols, [GridCell(0, 0, 2, 1, (0, 0, 100, 40)), GridCell(0, 1, 1, 2, (100, 0, 300, 20)),
                                         GridCell(1, 1, 1, 1, (100, 20, 200, 40)), GridCell(1, 2, 1, 1, (200, 20, 300, 40))])
    body = Grid([5.0, 30.0, 60.0, 80.0], [0.0, 150.0, 310.0], [])  # the word reader's own columns differ
    grid = header_box_grid(box, body)
    assert grid.rows == [0.0, 20.0, 40.0, 60.0, 80.0] and grid.cols == cols
    words = [Word("Kegiatan", 10, 45, 60, 55), Word("1.250.000", 120, 45, 180, 55), Word("100%", 230, 65, 260, 75)]
    table = words_to_cells(words, grid)
    assert table.rows[2] == ["Kegiatan", "1.250.000", ""]
    assert table.rows[3] == ["", "", "100%"]


def test_each_header_box_takes_the_body_below_it_down_to_the_next_box():
    # a LAKIP page: a targets table under one ruled header box, a budget under another, both bodies borderless
    from kpu_extract.extract.scan import find_grids

    def box(top: float, cols: list[float]) -> Grid:
        cells = [GridCell(0, c, 1, 1, (cols[c], top, cols[c + 1], top + 20)) for c in range(len(cols) - 1)]
        return Grid([top, top + 20], cols, cells).scaled(DPI / 72.0)

    targets_cols, budget_cols = [20.0, 60.0, 200.0, 400.0, 500.0], [20.0, 300.0, 420.0, 540.0, 600.0]
    words = [Word(t, x0 + 3, top + 5, x0 + 33, top + 14) for top, cols, labels in
             ((80, targets_cols, ["NO", "SASARAN", "INDIKATOR", "TARGET"]),
              (300, budget_cols, ["KEGIATAN", "ANGGARAN", "REALISASI", "%"])) for x0, t in zip(cols, labels)]
    words += _rows_of(110, 5, ["1", "Terwujudnya", "Persentase", "90%"], [25, 65, 205, 405])
    words += _rows_of(330, 4, ["Pemutakhiran", "1.250.000", "1.000.000", "80,00"], [25, 305, 425, 545])
    grids = find_grids([box(80, targets_cols), box(300, budget_cols)], words, DPI)
    assert [g.strategy for g in grids] == ["header box", "header box"]
    assert [g.cols for g in grids] == [pytest.approx(targets_cols), pytest.approx(budget_cols)]
    tables = [words_to_cells(words, g) for g in grids]
    assert [row for row in tables[0].rows if any(row)][1:] == [["1", "Terwujudnya", "Persentase", "90%"]] * 5
    assert [row for row in tables[1].rows if any(row)][1:] == [["Pemutakhiran", "1.250.000", "1.000.000", "80,00"]] * 4
