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

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import pdfplumber.page
from pdfplumber.utils import extract_text
from pdfplumber.utils.text import WordExtractor, WordMap

from .model import Cell, Page, RawTable, Word
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
    tables = [_table_to_raw(t, number, i, chars, fills) for i, t in enumerate(found)]
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


def _table_to_raw(table, number: int, index: int, chars: list[dict], fills: list[tuple] = ()) -> RawTable:
    table_rows = table.rows
    text_rows = _cell_texts(table_rows, chars)
    _mark_filled_cells(table_rows, text_rows, fills)
    bboxes = [c for c in table.cells]
    slots = _Slots(xs=sorted({round(b[0], 1) for b in bboxes}), tops=sorted({round(b[1], 1) for b in bboxes}))
    bold = _bold_by_cell(bboxes, chars)
    cells: list[Cell] = []
    for r, row in enumerate(table_rows):
        for c, bbox in enumerate(row.cells):
            if bbox is None:
                continue
            text = text_rows[r][c] or ""
            col_end = slots.col(bbox[2] - 2)
            row_end = slots.row(bbox[3] - 2)
            cells.append(Cell(text=text, row=r, col=c, row_span=max(1, row_end - r + 1),
                              col_span=max(1, col_end - c + 1), bold=bold.get(bbox, False), bbox=bbox))
    rows = [[cell if cell is None else cell.strip() for cell in row] for row in text_rows]
    return RawTable(page=number, index=index, rows=rows, cells=cells, bbox=table.bbox, strategy="lines")


def _cell_texts(table_rows: list, chars: list[dict]) -> list[list[str | None]]:
    """What pdfplumber's `Table.extract()` reads (0.11.10: the characters whose centre is in a cell,
    half-open bounds, page order), each row's characters found by bisection on their vertical
    centres instead of a scan of the whole page per row."""
    by_mid = sorted(((c["top"] + c["bottom"]) / 2, i) for i, c in enumerate(chars))
    mids = [m for m, _ in by_mid]
    out: list[list[str | None]] = []
    for row in table_rows:
        x0, top, x1, bottom = row.bbox
        row_chars = [chars[i] for i in sorted(i for _, i in by_mid[bisect_left(mids, top):bisect_left(mids, bottom)])
                     if x0 <= (chars[i]["x0"] + chars[i]["x1"]) / 2 < x1]
        texts: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                texts.append(None)
                continue
            cx0, ctop, cx1, cbottom = cell
            inside = [c for c in row_chars if cx0 <= (c["x0"] + c["x1"]) / 2 < cx1
                      and ctop <= (c["top"] + c["bottom"]) / 2 < cbottom]
            texts.append(extract_text(inside) if inside else "")
        out.append(texts)
    return out


def _mark_filled_cells(table_rows: list, text_rows: list[list[str | None]], fills: list[tuple]) -> None:
    """An empty cell under a shaded box reads FILLED_MARK, in rows that also hold unshaded text
    (a header row shaded as a whole is left as it is)."""
    for r, row in enumerate(table_rows):
        shaded = {c for c, bbox in enumerate(row.cells) if bbox is not None and any(
            f[0] - 1 <= (bbox[0] + bbox[2]) / 2 <= f[2] + 1 and f[1] - 1 <= (bbox[1] + bbox[3]) / 2 <= f[3] + 1
            for f in fills)}
        if shaded and any(text_rows[r][c] for c in range(len(row.cells)) if c not in shaded):
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
