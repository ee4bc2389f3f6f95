"""Words -> cells: put OCR words into the cells of a table grid (both in PDF points)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from kpu_extract.extract.grid import Grid, GridCell, words_to_lines
from kpu_extract.extract.model import Cell, RawTable, Word
from kpu_extract.extract.word_table import FILLED_MARK


def words_to_cells(words: list[Word], grid: Grid, page: int = 0, index: int = 0) -> RawTable:
    """Fill `grid` with the words whose centre lies in a cell; the same dense shape as pdfplumber.

    A word belongs to exactly one cell (by its centre), so text never merges across a column
    rule even when OCR glued it to the rule. Inside a cell, lines are joined with newlines.
    """
    owner = _slot_owner(grid)
    members: dict[GridCell, list[Word]] = {c: [] for c in grid.cells}
    for word in words:
        cell = _cell_at(grid, owner, word)
        if cell is not None:
            members[cell].append(word)
    n_rows, n_cols = len(grid.rows) - 1, len(grid.cols) - 1
    rows: list[list[str | None]] = [[None] * n_cols for _ in range(n_rows)]
    cells = []
    for gc in grid.cells:
        text, conf = join_words(members[gc])
        rows[gc.row][gc.col] = text
        cells.append(Cell(text=text, row=gc.row, col=gc.col, row_span=gc.row_span, col_span=gc.col_span,
                          bold=False, conf=conf, bbox=gc.bbox))
    return RawTable(page=page, index=index, rows=rows, cells=cells, bbox=grid.bbox, strategy=grid.strategy)


def mark_filled_cells(table: RawTable, fills: list[tuple[float, float, float, float]]) -> RawTable:
    """An empty cell whose centre lies under a shaded box (x0, top, x1, bottom) reads FILLED_MARK, in
    rows that also hold text outside the boxes (a header row shaded as a whole is left as it is);
    the scan's counterpart of text_layer._mark_filled_cells. A box is one cell: when the grid cuts
    it into several rows (a borderless row whose wrapped lines were read as rows of their own,
    L54 scan) only its top row is marked, as the row it belongs to."""
    if not fills:
        return table
    under = {i: f for i, cell in enumerate(table.cells) if cell.bbox is not None
             and (f := _fill_under(cell.bbox, fills)) is not None}
    top = {}
    for i, f in under.items():
        top[f] = min(top.get(f, table.cells[i].row), table.cells[i].row)
    rows_with_text = {cell.row for i, cell in enumerate(table.cells) if i not in under and cell.text.strip()}
    cells = list(table.cells)
    for i, f in under.items():
        cell = cells[i]
        if cell.row == top[f] and cell.row in rows_with_text and not cell.text.strip():
            cells[i] = replace(cell, text=FILLED_MARK)
            table.rows[cell.row][cell.col] = FILLED_MARK
    table.cells = cells
    return table


def _fill_under(bbox: tuple[float, float, float, float], fills: list[tuple[float, float, float, float]]
                ) -> int | None:
    """Index of the shaded box the centre of `bbox` lies under, or None."""
    cx, cy = (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2
    return next((k for k, (x0, top, x1, bottom) in enumerate(fills)
                 if x0 - 1 <= cx <= x1 + 1 and top - 1 <= cy <= bottom + 1), None)


def join_words(words: list[Word]) -> tuple[str, float]:
    """Text of words in reading order (space within a line, newline between lines), mean conf."""
    if not words:
        return "", 100.0
    text = "\n".join(" ".join(w.text for w in line) for line in words_to_lines(words))
    return text, round(sum(w.conf for w in words) / len(words), 1)


def words_in(words: list[Word], bbox: tuple[float, float, float, float]) -> list[Word]:
    """Words whose centre lies inside `bbox` (x0, top, x1, bottom)."""
    x0, top, x1, bottom = bbox
    return [w for w in words if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom]


def _slot_owner(grid: Grid) -> dict[tuple[int, int], GridCell]:
    owner = {}
    for cell in grid.cells:
        for r in range(cell.row, cell.row + cell.row_span):
            for c in range(cell.col, cell.col + cell.col_span):
                owner[(r, c)] = cell
    return owner


def _cell_at(grid: Grid, owner: dict[tuple[int, int], GridCell], word: Word) -> GridCell | None:
    x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    if not (grid.cols[0] <= x <= grid.cols[-1] and grid.rows[0] <= y <= grid.rows[-1]):
        return None
    r = min(bisect_right(grid.rows, y) - 1, len(grid.rows) - 2)
    c = min(bisect_right(grid.cols, x) - 1, len(grid.cols) - 2)
    return owner.get((r, c))
