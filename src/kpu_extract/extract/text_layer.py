"""Tables and running text from a page's text layer (pdfplumber).

Ruled tables come from pdfplumber's line-based finder: many KPU tables are printed with a full
grid, and merged cells (a sasaran over many kegiatan, bold group rows over all columns) show
up as one cell bbox that we turn into row/col spans. The words outside ruled tables are read
for borderless tables (word_table.py: columns from shared white gaps, rows from line spacing); a
small ruled table right above such a table is its ruled header box and is read with it.

Measured on the 48 layout-corpus documents that are not fully ruled (bench/bench_borderless.py):
amounts that stand alone in one cell of the tables found: pdfplumber's text strategy 0.883,
camelot-py 2.0.0 stream 0.800 (0.40 vs 0.18 s/page); both cut words and wrapped cells apart
(pdfplumber: 'K', 'O', 'MISI P' for a title; every wrapped line its own row), so neither is used.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import pdfplumber.page
from pdfplumber.utils import extract_text
from pdfplumber.utils.text import WordExtractor, WordMap

from .model import Cell, Page, RawTable, Word
from .stacked_rows import split_stacked_rows
from .word_table import FILLED_MARK, header_box_columns, words_to_tables, words_under_header

# Line-based finding; a small snap tolerance joins the double rules some generators draw.
TABLE_SETTINGS = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "intersection_tolerance": 3,
}
# A cell counts as bold when at least this share of its characters are in a bold font.
BOLD_SHARE = 0.6
BAND_PT = 10.0  # characters are matched to the cells of their horizontal band of the page
# A ruled table with fewer rows than this may be the ruled header box of a borderless body,
# which then starts within HEADER_BOX_GAP points below it.
RULED_MIN_ROWS = 4
HEADER_BOX_GAP = 25.0
# Outer vertical rules that run on at least this far below a table's last horizontal rule close it.
CLOSE_MIN_PT = 6.0
# A horizontal rule through this share of a row-spanning cell's width cuts the cell at that row.
CROSSING_COVER = 0.8
# Characters overlapping by over this share of their width, on baselines OVERLAY_MIN_DY to
# OVERLAY_MAX_DY (pdfplumber's line tolerance) apart, are two texts drawn over each other.
OVERLAY_SHARE, OVERLAY_MIN_DY, OVERLAY_MAX_DY = 0.5, 0.6, 3.0
# A shaded box is a filled schedule cell when it is darker than this gray and no larger than this.
FILL_MAX_SHADE, FILL_MAX_PT = 0.8, 60.0


@dataclass(frozen=True)
class _Slots:
    """Column and row boundaries of one table, to turn cell bboxes into grid positions."""

    xs: list[float]
    tops: list[float]

    def col(self, x: float) -> int:
        return max(0, bisect_right(self.xs, x + 1) - 1)

    def row(self, y: float) -> int:
        return max(0, bisect_right(self.tops, y + 1) - 1)


def plumber_page_to_page(page: pdfplumber.page.Page, number: int) -> Page:
    """Read one text-layer page: its ruled tables and the text outside them."""
    page = _without_padding(page)
    found = page.find_tables(TABLE_SETTINGS)
    chars = page.chars
    fills = _fills(page)
    index = _page_index(page.edges, chars) if found else None
    tables = [_table_to_raw(t, number, i, chars, fills, index) for i, t in enumerate(found)]
    # shaded schedule cells drawn as boxes make grids of their own, holding no text
    tables = [t for t in tables if any((c or "").strip() for row in t.rows for c in row)]
    words = [Word(w["text"], w["x0"], w["top"], w["x1"], w["bottom"], bold="Bold" in w.get("fontname", ""))
             for w in page.extract_words(extra_attrs=["fontname"])]
    borderless = _borderless(words, tables, number, fills)
    tables, borderless = _with_header_boxes(tables, borderless, words, number, fills)
    tables += borderless
    for i, t in enumerate(tables):
        t.index = i
    boxes = [t.bbox for t in tables]
    words_outside = WordExtractor().extract_wordmap([c for c in page.chars if not _inside(c, boxes)])
    text = _wordmap_to_text(page, words_outside)
    if tables:
        tops = [w["top"] for w, _ in words_outside.tuples]
        for t in tables:
            t.words_above = sum(1 for top in tops if top < t.bbox[1])
            t.words_below = sum(1 for top in tops if top > t.bbox[3])
    return Page(number=number, method="text", width=float(page.width), height=float(page.height),
                tables=[t for t in tables if t.n_rows], text=text)


@dataclass(frozen=True)
class _PageIndex:
    """A page's rules and character centres, indexed once for all its tables."""

    vertical: dict[int, list[tuple[float, float]]]  # round(x) -> (top, bottom) of each vertical rule
    horizontal: dict[int, list[tuple[float, float]]]  # round(y) -> (x0, x1) of each horizontal rule
    mids: list[tuple[float, float]]  # (y, x) centres of the printed characters, by y


def _page_index(edges: list[dict], chars: list[dict]) -> _PageIndex:
    vertical: dict[int, list[tuple[float, float]]] = {}
    horizontal: dict[int, list[tuple[float, float]]] = {}
    for e in edges:
        if e["orientation"] == "v":
            vertical.setdefault(round(e["x0"]), []).append((e["top"], e["bottom"]))
        else:
            horizontal.setdefault(round(e["top"]), []).append((e["x0"], e["x1"]))
    mids = sorted(((c["top"] + c["bottom"]) / 2, (c["x0"] + c["x1"]) / 2) for c in chars if c["text"].strip())
    return _PageIndex(vertical, horizontal, mids)


def _open_bottom(index: _PageIndex, bbox: tuple) -> float | None:
    """Where a ruled table's outer vertical rules end when both run on below its last horizontal
    rule: an Excel export may draw no bottom border at a page break (Renja Tabel 3.1: the last
    kegiatan row stands between the last rule and the verticals' end); None when they do not."""
    x0, _, x1, bottom = bbox
    ends = [max((b for k in range(round(x) - 2, round(x) + 3) for t, b in index.vertical.get(k, ()) if t <= bottom),
                default=bottom) for x in (x0, x1)]
    return min(ends) if min(ends) >= bottom + CLOSE_MIN_PT and max(ends) - min(ends) <= 2 else None


def _wordmap_to_text(page: pdfplumber.page.Page, wordmap: WordMap) -> str:
    """`page.extract_text()` of the characters whose words are `wordmap`: pdfplumber (0.11.10) lays
    out the words its default WordExtractor finds, which `extract_words()` returns too."""
    return wordmap.to_textmap(layout_bbox=page.bbox, layout_width=page.width, layout_height=page.height,
                              presorted=True).as_string


def _without_padding(page: pdfplumber.page.Page) -> pdfplumber.page.Page:
    """The page without space characters drawn over a printed character: Excel exports pad a
    right-aligned cell with spaces, the last one over the first digit, and pdfplumber sorts it
    in ('5 00.000.000,00' in the evaluasi Renja BPMPD for 500.000.000,00)."""
    lines: dict[int, tuple[list[float], list[float]]] = {}
    for c in sorted((c for c in page.chars if c["text"].strip()), key=lambda c: c["x0"]):
        x0s, x1s = lines.setdefault(round(c["top"]), ([], []))
        x0s.append(c["x0"])
        x1s.append(c["x1"])

    def keep(obj: dict) -> bool:
        if obj.get("object_type") != "char" or obj["text"].strip():
            return True
        x0s, x1s = lines.get(round(obj["top"]), ((), ()))
        mid = (obj["x0"] + obj["x1"]) / 2
        i = bisect_right(x0s, mid) - 1
        return i < 0 or x1s[i] <= mid

    return page if all(map(keep, page.chars)) else page.filter(keep)  # most pages have no such space


def _borderless(words: list[Word], ruled: list[RawTable], number: int, fills: list[tuple]) -> list[RawTable]:
    boxes = [t.bbox for t in ruled]
    free = [w for w in words if not _inside({"x0": w.x0, "x1": w.x1, "top": w.top, "bottom": w.bottom}, boxes)]
    return words_to_tables(free, number, fills)


def _with_header_boxes(ruled: list[RawTable], borderless: list[RawTable], words: list[Word], number: int,
                       fills: list[tuple]) -> tuple[list[RawTable], list[RawTable]]:
    """A small ruled table right above a borderless one is its header box: the body is read into
    the box's columns; when the box's rules do not fit the body, both are read from the words."""
    absorbed, joined = [], {}
    for box in (t for t in ruled if t.n_rows < RULED_MIN_ROWS):
        body = next((b for b in borderless if id(b) not in joined and _header_box_of(box, b)), None)
        if body is None:
            continue
        absorbed.append(box)
        inside = [w for w in words if _inside({"x0": w.x0, "x1": w.x1, "top": w.top, "bottom": w.bottom},
                                              [body.bbox]) and w.top > box.bbox[3]]
        seps = header_box_columns(box, inside)
        if seps is not None:
            joined[id(body)] = words_under_header(box, inside, seps, fills)
    ruled = [t for t in ruled if t not in absorbed]
    if len(joined) < len(absorbed):
        return ruled, _borderless(words, ruled, number, fills)
    return ruled, [joined.get(id(b), b) for b in borderless]


def _shade(color) -> float:
    """0 (black) .. 1 (white) of a fill colour; a pattern fill (its name among the components, as
    on page 31 of a real LKIP) or no colour counts as white."""
    if isinstance(color, (int, float)):
        return float(color)
    values = [c for c in color or () if isinstance(c, (int, float))]
    return sum(values) / len(values) if values and len(values) == len(color) else 1.0


def _fills(page: pdfplumber.page.Page) -> list[tuple[float, float, float, float]]:
    """Shaded boxes no larger than a cell (a schedule drawn as filled cells; not white, not a page band)."""
    out = []
    for r in page.rects:
        shade = _shade(r.get("non_stroking_color"))
        if r.get("fill") and shade < FILL_MAX_SHADE and r["width"] <= FILL_MAX_PT and r["height"] <= FILL_MAX_PT:
            out.append((r["x0"], r["top"], r["x1"], r["bottom"]))
    return out


def _header_box_of(box: RawTable, body: RawTable) -> bool:
    """A small ruled table right above (or inside the span of) a borderless table, over its columns."""
    x0, _, x1, bottom = box.bbox
    bx0, btop, bx1, bbottom = body.bbox
    return btop - bottom <= HEADER_BOX_GAP and bbottom > bottom and min(x1, bx1) - max(x0, bx0) > 0.5 * (x1 - x0)


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _table_to_raw(table, number: int, index: int, chars: list[dict], fills: list[tuple],
                  page_index: _PageIndex) -> RawTable:
    grid = [list(row.cells) for row in table.rows]
    open_bottom = _open_bottom(page_index, table.bbox)
    if open_bottom is not None:  # the row below the last rule, as open slots
        grid.append([None] * len(grid[-1]) if grid else [])
    extent = (*table.bbox[:3], open_bottom or table.bbox[3])
    grid = _with_open_slots(_split_at_crossing_rules(grid, page_index), extent, page_index)
    table_rows = split_stacked_rows([row for row in grid if any(row)], chars)
    text_rows = _cell_texts(table_rows, chars)
    _mark_filled_cells(table_rows, text_rows, fills)
    bboxes = [c for row in table_rows for c in row if c is not None]
    slots = _Slots(xs=sorted({round(b[0], 1) for b in bboxes}), tops=sorted({round(b[1], 1) for b in bboxes}))
    bold = _bold_by_cell(bboxes, chars)
    cells: list[Cell] = []
    for r, row in enumerate(table_rows):
        for c, bbox in enumerate(row):
            if bbox is None:
                continue
            text = text_rows[r][c] or ""
            col_end = slots.col(bbox[2] - 2)
            row_end = slots.row(bbox[3] - 2)
            cells.append(Cell(text=text, row=r, col=c, row_span=max(1, row_end - r + 1),
                              col_span=max(1, col_end - c + 1), bold=bold.get(bbox, False), bbox=bbox))
    rows = [[cell if cell is None else cell.strip() for cell in row] for row in text_rows]
    return RawTable(page=number, index=index, rows=rows, cells=cells, bbox=extent, strategy="lines")


def _with_open_slots(grid: list[list[tuple | None]], bbox: tuple, index: _PageIndex) -> list[list[tuple | None]]:
    """Cell boxes by row and column, with the slots that no cell covers but that hold characters
    made cells of their own: an Excel export may rule a column's rows short of its left border
    (Renja Tabel 3.1: the kegiatan rows' rules start 10 pt right of the column's rule), so
    pdfplumber forms no cell there and the kode and kegiatan texts would be lost."""
    n_cols = max(map(len, grid), default=0)
    xs = [min((row[c][0] for row in grid if c < len(row) and row[c]), default=None) for c in range(n_cols)]
    tops = [min((c[1] for c in row if c), default=None) for row in grid]
    if tops and tops[-1] is None:  # an open row below the last rule starts at the lowest cell's bottom
        tops[-1] = max((c[3] for row in grid for c in row if c), default=None)
    if not grid or None in xs or None in tops:
        return grid
    xs.append(bbox[2])
    tops.append(bbox[3])
    covered = set()
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell is not None:
                cols = range(c, bisect_left(xs, cell[2] - 1, lo=c + 1))
                covered.update((k, j) for k in range(r, bisect_left(tops, cell[3] - 1, lo=r + 1)) for j in cols)
    inked = {(bisect_right(tops, y) - 1, bisect_right(xs, x) - 1)
             for y, x in index.mids[bisect_left(index.mids, (tops[0],)):bisect_left(index.mids, (tops[-1],))]
             if xs[0] <= x < xs[-1]}
    out = [list(row) + [None] * (n_cols - len(row)) for row in grid]
    for r, c in sorted(inked - covered):
        out[r][c] = (xs[c], tops[r], xs[c + 1], tops[r + 1])
    return out


def _split_at_crossing_rules(grid: list[list[tuple | None]], index: _PageIndex) -> list[list[tuple | None]]:
    """Cells over several rows cut where a horizontal rule crosses most of their width: a merged
    cell has no rule through it, but an Excel export whose row rules stop short of a column's left
    rule gives pdfplumber no corner there (Renja Tabel 3.1: six kegiatan rows read as one cell)."""
    tops = [min((c[1] for c in row if c), default=math.inf) for row in grid]
    rules = index.horizontal
    out = [list(row) for row in grid]
    for r, row in enumerate(out):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            x0, top, x1, bottom = cell
            inside = range(r + 1, bisect_left(tops, bottom - 1, lo=r + 1))
            cuts = [(k, tops[k]) for k in inside if tops[k] > top + 1 and out[k][c] is None
                    and _covered_share(rules, tops[k], x0, x1) >= CROSSING_COVER]
            if not cuts:
                continue
            for (k, y), (_, y_next) in zip([(r, top)] + cuts, cuts + [(None, bottom)]):
                out[k][c] = (x0, y, x1, y_next)
    return out


def _covered_share(rules: dict[int, list[tuple[float, float]]], y: float, x0: float, x1: float) -> float:
    """Share of [x0, x1] that horizontal rules within a point of height y cover."""
    spans = sorted((max(a, x0), min(b, x1)) for k in (round(y) - 1, round(y), round(y) + 1)
                   for a, b in rules.get(k, ()) if min(b, x1) > max(a, x0))
    covered, end = 0.0, x0
    for a, b in spans:
        if b > end:
            covered += b - max(a, end)
            end = b
    return covered / (x1 - x0) if x1 > x0 else 0.0


def _union(boxes: list[tuple]) -> tuple[float, float, float, float]:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _cell_texts(table_rows: list, chars: list[dict]) -> list[list[str | None]]:
    """What pdfplumber's `Table.extract()` reads (0.11.10: the characters whose centre is in a cell,
    half-open bounds, page order), each row's characters found by bisection on their vertical
    centres instead of a scan of the whole page per row."""
    by_mid = sorted(((c["top"] + c["bottom"]) / 2, i) for i, c in enumerate(chars))
    mids = [m for m, _ in by_mid]
    out: list[list[str | None]] = []
    for row in table_rows:
        x0, top, x1, bottom = _union([c for c in row if c is not None])
        row_chars = [chars[i] for i in sorted(i for _, i in by_mid[bisect_left(mids, top):bisect_left(mids, bottom)])
                     if x0 <= (chars[i]["x0"] + chars[i]["x1"]) / 2 < x1]
        texts: list[str | None] = []
        for cell in row:
            if cell is None:
                texts.append(None)
                continue
            cx0, ctop, cx1, cbottom = cell
            inside = [c for c in row_chars if cx0 <= (c["x0"] + c["x1"]) / 2 < cx1
                      and ctop <= (c["top"] + c["bottom"]) / 2 < cbottom]
            texts.append(_chars_to_text(inside) if inside else "")
        out.append(texts)
    return out


def _chars_to_text(chars: list[dict]) -> str:
    """pdfplumber's text of a cell's characters; two texts drawn over each other on nearly the same
    line (a clipped Excel cell's hidden text under the visible one: 'ProKgoroarmdinaPseir' for
    'Program Perencanaan' over 'Koordinasi dan') are read as separate lines, not interleaved."""
    by_x = sorted(chars, key=lambda c: c["x0"])
    overlaid = any(b["x0"] < a["x1"] - OVERLAY_SHARE * (a["x1"] - a["x0"]) and
                   OVERLAY_MIN_DY <= abs(a["top"] - b["top"]) < OVERLAY_MAX_DY
                   for a, b in zip(by_x, by_x[1:]) if a["text"].strip() and b["text"].strip())
    return extract_text(chars, y_tolerance=OVERLAY_MIN_DY / 2) if overlaid else extract_text(chars)


def _mark_filled_cells(table_rows: list, text_rows: list[list[str | None]], fills: list[tuple]) -> None:
    """An empty cell under a shaded box reads FILLED_MARK, in rows that also hold unshaded text
    (a header row shaded as a whole is left as it is)."""
    for r, row in enumerate(table_rows):
        shaded = {c for c, bbox in enumerate(row) if bbox is not None and any(
            f[0] - 1 <= (bbox[0] + bbox[2]) / 2 <= f[2] + 1 and f[1] - 1 <= (bbox[1] + bbox[3]) / 2 <= f[3] + 1
            for f in fills)}
        if shaded and any(text_rows[r][c] for c in range(len(row)) if c not in shaded):
            for c in shaded:
                if not (text_rows[r][c] or "").strip():
                    text_rows[r][c] = FILLED_MARK


def _bold_by_cell(bboxes: list[tuple], chars: list[dict]) -> dict[tuple, bool]:
    """Share of bold characters per cell bbox, in one pass over the page's characters."""
    counts = {b: [0, 0] for b in bboxes}
    bands: dict[int, list[tuple]] = {}  # the bboxes reaching into each BAND_PT band of the page, in order
    for b in bboxes:
        for band in range(int(b[1] // BAND_PT), int(b[3] // BAND_PT) + 1):
            bands.setdefault(band, []).append(b)
    for ch in chars:
        if not ch["text"].strip():
            continue
        cx = (ch["x0"] + ch["x1"]) / 2
        cy = (ch["top"] + ch["bottom"]) / 2
        for b in bands.get(int(cy // BAND_PT), ()):
            if b[0] <= cx <= b[2] and b[1] <= cy <= b[3]:
                counts[b][0] += 1
                counts[b][1] += "Bold" in ch.get("fontname", "")
                break
    return {b: n > 0 and bold / n >= BOLD_SHARE for b, (n, bold) in counts.items()}
