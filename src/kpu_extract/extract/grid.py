"""Table grids of a page image: ruling lines -> intersections -> cells with spans.

Ruled tables (RAK, RKT, PK, budget tables) are found from their lines by morphology; a
borderless fallback builds columns from word x-positions. Grids are in pixels until `scaled`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import cv2
import numpy as np

from kpu_extract.extract.model import RawTable, Word
from kpu_extract.extract.word_table import FILLED_MARK, words_to_tables_and_gaps

H_LINE_INCH = 0.30  # shortest horizontal rule kept; longer than any text stroke but '____'
V_LINE_INCH = 0.12  # shortest vertical rule kept; a single-line row is ~0.18 in high
# Share of a slot edge that must be rule for the edge to be a separator. A real rule runs the
# whole edge (into the crossing rules at both ends); a tall glyph like '(' or 'l' in a short row
# does not, and neither do the stubs left at the ends of a missing (merged) separator.
SEPARATOR_COVER = 0.8
MIN_TABLE_INCH = 0.5


@dataclass(frozen=True)
class GridCell:
    """One cell: top-left slot, spans, and box (x0, top, x1, bottom)."""

    row: int
    col: int
    row_span: int
    col_span: int
    bbox: tuple[float, float, float, float]


@dataclass
class Grid:
    """Row and column boundaries (ascending) and the cells they form."""

    rows: list[float]
    cols: list[float]
    cells: list[GridCell] = field(default_factory=list)
    strategy: str = "lines"

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.cols[0], self.rows[0], self.cols[-1], self.rows[-1])

    def scaled(self, factor: float) -> Grid:
        """The same grid with every coordinate multiplied by `factor` (pixels -> points)."""
        cells = [GridCell(c.row, c.col, c.row_span, c.col_span, tuple(v * factor for v in c.bbox))
                 for c in self.cells]
        return Grid([v * factor for v in self.rows], [v * factor for v in self.cols], cells, self.strategy)


@dataclass(frozen=True)
class LineMasks:
    """Binary masks (255 = rule) of horizontal and vertical ruling lines."""

    horizontal: np.ndarray
    vertical: np.ndarray

    @property
    def both(self) -> np.ndarray:
        return cv2.bitwise_or(self.horizontal, self.vertical)


def image_to_line_masks(gray: np.ndarray, dpi: float) -> LineMasks:
    """Ruling lines by morphological opening of an adaptive-threshold ink mask.

    The threshold is local (scans have uneven lighting) and used only here, never for OCR.
    Kernels scale with dpi so 200- and 300-dpi scans of one page give the same lines.
    """
    block = _odd(dpi / 10)
    ink = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, 12)
    h_len, v_len = max(10, int(H_LINE_INCH * dpi)), max(6, int(V_LINE_INCH * dpi))
    h = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1)))
    v = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, v_len)))
    # Close only after opening: closing the raw ink first glued letters along the baseline into
    # "rules". Now it just bridges the few-pixel breaks noise and JPEG leave in real rules.
    h = cv2.morphologyEx(h, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (_odd(dpi / 30), 1)))
    v = cv2.morphologyEx(v, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, _odd(dpi / 30))))
    return LineMasks(h, v)


def grid_line_mask(masks: LineMasks, grids: list[Grid], dpi: float) -> np.ndarray:
    """The rule pixels that lie on a grid's boundaries: what OCR must not see.

    Limited to the grids so that tall or bold glyphs elsewhere (titles, signatures), which the
    openings also keep, are never erased from the OCR image.
    """
    band = np.zeros_like(masks.horizontal)
    tol = max(2, int(dpi / 40))
    for g in grids:
        x0, y0, x1, y1 = (int(round(v)) for v in g.bbox)
        for y in g.rows:
            band[max(0, int(y) - tol):int(y) + tol + 1, x0:x1 + 1] = 255
        for x in g.cols:
            band[y0:y1 + 1, max(0, int(x) - tol):int(x) + tol + 1] = 255
    return cv2.bitwise_and(masks.both, band)


def masks_to_grids(masks: LineMasks, dpi: float) -> list[Grid]:
    """Every ruled table on the page, top to bottom, as a grid in pixels."""
    grids = []
    for x0, y0, x1, y1 in _table_regions(masks, dpi):
        grid = _region_to_grid(masks, (x0, y0, x1, y1), dpi)
        if grid is not None:
            grids.append(grid)
    return sorted(grids, key=lambda g: (g.rows[0], g.cols[0]))


def _table_regions(masks: LineMasks, dpi: float) -> list[tuple[int, int, int, int]]:
    """Boxes of connected line networks big enough to be tables.

    A network's box is that of its outer contour; the two-level contour tree also gives the outer
    contours of networks inside another's holes (a table inside a page frame). The same boxes as
    connected-component stats on 51 corpus scan pages, at 16 instead of 81 CPU-ms a page.
    """
    pad = max(3, int(dpi / 50))
    joined = cv2.dilate(masks.both, cv2.getStructuringElement(cv2.MORPH_RECT, (pad, pad)))
    contours, hierarchy = cv2.findContours(joined, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    min_size = MIN_TABLE_INCH * dpi
    regions = []
    for contour, (_next, _prev, _child, parent) in zip(contours, hierarchy[0] if hierarchy is not None else ()):
        x, y, w, h = cv2.boundingRect(contour)
        # a one-row header box is as low as its column rules (V_LINE_INCH); holes have a parent
        if parent == -1 and w >= min_size and h >= V_LINE_INCH * dpi:
            regions.append((x, y, x + w, y + h))
    return sorted(regions, key=lambda r: (r[1], r[0]))


def _region_to_grid(masks: LineMasks, region: tuple[int, int, int, int], dpi: float) -> Grid | None:
    x0, y0, x1, y1 = region
    h_mask = masks.horizontal[y0:y1, x0:x1]
    v_mask = masks.vertical[y0:y1, x0:x1]
    tol = max(2, int(dpi / 60))
    rows = _line_positions(h_mask, axis=1, min_run=int(H_LINE_INCH * dpi), tol=tol)
    cols = _line_positions(v_mask, axis=0, min_run=int(V_LINE_INCH * dpi), tol=tol)
    # Open-sided tables have no outer verticals: the extent of the horizontal rules closes them.
    cols = _with_edges(cols, 0, x1 - x0, tol * 3)
    if len(rows) < 2 or len(cols) < 2:
        return None
    cols = [c for i, c in enumerate(cols) if i in (0, len(cols) - 1) or _covers_a_slot(v_mask, c, rows, tol, 0)]
    rows = [r for i, r in enumerate(rows) if i in (0, len(rows) - 1) or _covers_a_slot(h_mask, r, cols, tol, 1)]
    if len(rows) < 2 or len(cols) < 2:
        return None
    cells = _slots_to_cells(h_mask, v_mask, rows, cols, tol)
    grid = Grid(rows=[float(r) for r in rows], cols=[float(c) for c in cols], cells=cells)
    return _shifted(grid, x0, y0)


def _line_positions(mask: np.ndarray, axis: int, min_run: int, tol: int) -> list[int]:
    """Centres of line bands: positions where the mask holds at least `min_run` ink pixels."""
    counts = (mask > 0).sum(axis=axis)
    hits = np.flatnonzero(counts >= max(1, min_run))
    if hits.size == 0:
        return []
    groups = np.split(hits, np.flatnonzero(np.diff(hits) > tol) + 1)
    return [int(round(g.mean())) for g in groups]


def _with_edges(positions: list[int], lo: int, hi: int, tol: int) -> list[int]:
    out = list(positions)
    if not out or out[0] - lo > tol:
        out.insert(0, lo)
    if out[-1] < hi - 1 - tol:
        out.append(hi - 1)
    return out


def _covers_a_slot(mask: np.ndarray, pos: int, cross: list[int], tol: int, axis: int) -> bool:
    """True when the line at `pos` covers at least one whole slot between `cross` boundaries."""
    return any(_edge_cover(mask, pos, a, b, tol, axis) >= SEPARATOR_COVER for a, b in zip(cross, cross[1:]))


def _edge_cover(mask: np.ndarray, pos: int, a: int, b: int, tol: int, axis: int) -> float:
    """Share of the edge from a to b (at `pos`) that holds rule ink; axis 0 = vertical edge."""
    if b - a <= 2 * tol:
        return 1.0  # slot thinner than the line tolerance: treat as closed
    lo, hi = max(0, pos - tol), pos + tol + 1
    band = mask[a:b, lo:hi] if axis == 0 else mask[lo:hi, a:b]
    return float((band.max(axis=1 - axis) > 0).mean())


def _slots_to_cells(h_mask: np.ndarray, v_mask: np.ndarray, rows: list[int], cols: list[int], tol: int) -> list[GridCell]:
    """Merge slots not separated by a rule (union-find) into spanning cells."""
    n_r, n_c = len(rows) - 1, len(cols) - 1
    parent = list(range(n_r * n_c))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(n_r):
        for c in range(n_c):
            if c + 1 < n_c and _edge_cover(v_mask, cols[c + 1], rows[r], rows[r + 1], tol, 0) < SEPARATOR_COVER:
                parent[find(r * n_c + c)] = find(r * n_c + c + 1)
            if r + 1 < n_r and _edge_cover(h_mask, rows[r + 1], cols[c], cols[c + 1], tol, 1) < SEPARATOR_COVER:
                parent[find(r * n_c + c)] = find((r + 1) * n_c + c)
    return _groups_to_cells(parent, find, rows, cols, n_r, n_c)


def _groups_to_cells(parent, find, rows, cols, n_r, n_c) -> list[GridCell]:
    groups: dict[int, list[tuple[int, int]]] = {}
    for r in range(n_r):
        for c in range(n_c):
            groups.setdefault(find(r * n_c + c), []).append((r, c))
    covered: set[tuple[int, int]] = set()
    cells = []
    for slots in sorted(groups.values()):
        r0, c0 = min(r for r, _ in slots), min(c for _, c in slots)
        r1, c1 = max(r for r, _ in slots) + 1, max(c for _, c in slots) + 1
        if (r0, c0) in covered:
            continue  # a non-rectangular group: its bounding box is already a cell
        covered.update((r, c) for r in range(r0, r1) for c in range(c0, c1))
        cells.append(GridCell(r0, c0, r1 - r0, c1 - c0, (cols[c0], rows[r0], cols[c1], rows[r1])))
    return sorted(cells, key=lambda k: (k.row, k.col))


def _shifted(grid: Grid, dx: int, dy: int) -> Grid:
    cells = [GridCell(c.row, c.col, c.row_span, c.col_span,
                      (c.bbox[0] + dx, c.bbox[1] + dy, c.bbox[2] + dx, c.bbox[3] + dy)) for c in grid.cells]
    return Grid([r + dy for r in grid.rows], [c + dx for c in grid.cols], cells, grid.strategy)


def _odd(value: float) -> int:
    v = max(3, int(value))
    return v if v % 2 else v + 1


# --- borderless fallback -------------------------------------------------------------------------

MIN_TABULAR_LINES = 3


def words_to_grid(words: list[Word], fills: list[tuple] = ()) -> Grid | None:
    """The largest borderless table among the words (points), or None (see words_to_grids)."""
    grids = words_to_grids(words, fills)
    return max(grids, key=lambda g: (len(g.rows) - 1) * (len(g.cols) - 1)) if grids else None


def words_to_grids(words: list[Word], fills: list[tuple] = ()) -> list[Grid]:
    """Every borderless table among the words (points), top to bottom; none when they do not look tabular.

    The tables word_table.py finds (columns from the white gaps the lines share, rows from line
    spacing, labels across columns as spanning cells) of at least MIN_TABULAR_LINES rows, as grids
    for words_to_cells. A page may hold two (the LAKIP scan L34: targets, then the budget under
    a heading). Measured on the layout corpus scans (corpus/eval_layouts.py): see the README.
    The shaded boxes `fills` (points) keep the columns of a schedule drawn as shaded cells.
    """
    return [_table_grid(table, gaps) for table, gaps in words_to_tables_and_gaps(words, 0, fills)
            if table.n_rows >= MIN_TABULAR_LINES]


def _table_grid(table: RawTable, gaps: list[float]) -> Grid:
    x0, top, x1, bottom = table.bbox
    cols = [x0 - 1.0] + gaps + [x1 + 1.0]
    spans = {}
    for cell in table.cells:
        if cell.text == FILLED_MARK:
            continue  # rows are cut between the words; cells.mark_filled_cells marks the grid
        r = spans.setdefault(cell.row, [math.inf, -math.inf])
        r[0], r[1] = min(r[0], cell.bbox[1]), max(r[1], cell.bbox[3])
    row_boxes = [spans[r] for r in sorted(spans)]
    rows = [top - 1.0] + [(a[1] + b[0]) / 2 for a, b in zip(row_boxes, row_boxes[1:])] + [bottom + 1.0]
    cells = []
    for r, row in enumerate(sorted(spans)):
        starts = {cell.col: cell.col_span for cell in table.cells if cell.row == row}
        c = 0
        while c < len(cols) - 1:
            n = starts.get(c, 1)
            cells.append(GridCell(r, c, 1, n, (cols[c], rows[r], cols[c + n], rows[r + 1])))
            c += n
    return Grid(rows, cols, cells, strategy="words")


def words_to_lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped into text lines (by vertical overlap), lines top to bottom, words left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        centre = (w.top + w.bottom) / 2
        if lines:
            last = lines[-1]
            top = sum(x.top for x in last) / len(last)
            bottom = sum(x.bottom for x in last) / len(last)
            if top <= centre <= bottom:
                last.append(w)
                continue
        lines.append([w])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def header_box_grid(box: Grid, body: Grid) -> Grid:
    """A ruled header box over a borderless body as one grid: the box's rows and cells, then the
    body's rows below the box cut into the box's columns (the columns the header rules draw)."""
    bottom = box.rows[-1]
    body_rows = [r for r in body.rows if r > bottom + 1.0]
    rows = box.rows + body_rows
    cells = list(box.cells)
    for r in range(len(box.rows) - 1, len(rows) - 1):
        for c in range(len(box.cols) - 1):
            cells.append(GridCell(r, c, 1, 1, (box.cols[c], rows[r], box.cols[c + 1], rows[r + 1])))
    return Grid(rows, list(box.cols), cells, strategy="header box")
