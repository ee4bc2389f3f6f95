"""Raw tables -> logical tables: join tables continued over pages, carry merged cells down.

A KPU table that runs over several pages repeats its header on each page (or, in scans, loses
it); a sasaran cell merged over many kegiatan rows holds its text only in its first row. Here
both are undone so every data row stands on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from ..extract.model import RawTable
from .columns import (CODE, MONEY_ROLES, ROW_NUMBER, ColumnMap, content_to_columns, is_column_number_row, realisation_only,
                      table_to_columns)

# Roles whose merged (or, after a page break, blank) cells repeat the value of the row above.
CARRY_ROLES = ("no", "sasaran", "indikator", "target_indikator")
# A table that reaches below this share of its page height may continue on the next page,
# where its continuation starts above CONTINUED_TOP of the page height.
CONTINUED_BOTTOM, CONTINUED_TOP = 0.75, 0.25
# Where words of running text are known: a page footer (page number) below the first part and a
# running title above the continuation are allowed, a heading and paragraph are not. A running
# footer (the same last line on neighbouring pages, page numbers aside) is not counted.
FOOTER_WORDS, HEADER_WORDS = 4, 15
_PAGE_NUMBERS = re.compile(r"[\d\W_]+")
# Share of columns whose roles must agree for a header to count as the previous one repeated.
SAME_LAYOUT_SHARE = 0.8
_TOTAL = re.compile(r"^\s*(jumlah|total)\b", re.I)
# A label that is nothing but a total: 'JUMLAH', 'TOTAL', 'Jumlah Anggaran', 'Total Biaya :'.
TOTAL_LABEL = re.compile(r"^\s*(jumlah|total)(\s+(anggaran|biaya|pagu|keseluruhan|seluruhnya))?\s*:?\s*$", re.I)
AMOUNT_ROLES = (*MONEY_ROLES, "persen")  # what a group row may print beside its name
# Columns that only a line (not a group or total row) fills; 'Jumlah ...' there is an indikator.
LINE_ROLES = ("sasaran", "indikator", "target", "target_indikator", "output", "kegiatan", "target_kegiatan")


@dataclass
class TableRow:
    """One data row: cell text per column ('' when empty), its page, and what kind of row it is."""

    page: int
    cells: list[str]
    group: bool = False
    total: bool = False
    bold: bool = False
    covered: list[bool] = field(default_factory=list)  # slot covered by a merged cell from above
    # Per column: the cell's box on its page (PDF points, top-left origin) and its OCR confidence.
    boxes: list[tuple[float, float, float, float] | None] = field(default_factory=list)
    confs: list[float] = field(default_factory=list)
    seconds: list[str | None] = field(default_factory=list)  # the second OCR engine's reading


class CellInfo(NamedTuple):
    """Where a cell is, how sure its OCR was, and what the second engine read there."""

    box: tuple[float, float, float, float] | None = None
    conf: float = 100.0
    second: str | None = None


@dataclass
class LogicalTable:
    """One table as the document means it: a header and all its data rows, across pages."""

    columns: ColumnMap
    rows: list[TableRow] = field(default_factory=list)

    @property
    def first_page(self) -> int:
        return self.rows[0].page if self.rows else 0

    def value(self, row: TableRow, role: str) -> str:
        """Text of the first column with `role` that `row` fills ('' when none does)."""
        c = self._filled(row, role)
        return row.cells[c] if c is not None else ""

    def cell(self, row: TableRow, role: str) -> CellInfo:
        """Box, OCR confidence and second reading of the cell `value` reads."""
        c = self._filled(row, role)
        if c is None or c >= len(row.boxes):
            return CellInfo()
        return CellInfo(row.boxes[c], row.confs[c], row.seconds[c])

    def _filled(self, row: TableRow, role: str) -> int | None:
        """The first column with `role` that `row` fills with more than a row number, else the
        first it fills, else the first with `role`: a label spanning columns prints a name in
        any of them (a numbered list indents its sub-items under a merged number)."""
        cols = [c for c, r in enumerate(self.columns.roles) if r == role and c < len(row.cells)]
        filled = [c for c in cols if row.cells[c]]
        return next((c for c in filled if not ROW_NUMBER.match(row.cells[c].strip())),
                    filled[0] if filled else cols[0] if cols else None)


def running_footers(texts: dict[int, str]) -> dict[int, int]:
    """Page -> words of its running footer: a last line of running text that a neighbouring page
    ends with too, page numbers aside ('Dinas Perindustrian dan Perdagangan Kota Bogor 57')."""
    last = {page: lines[-1] for page, text in texts.items() if (lines := [ln for ln in text.splitlines() if ln.strip()])}
    key = {page: _PAGE_NUMBERS.sub(" ", line).strip().lower() for page, line in last.items()}
    return {page: len(last[page].split()) for page, k in key.items()
            if k and k in (key.get(page - 1), key.get(page + 1))}


def tables_to_logical(tables: list[RawTable], page_heights: dict[int, float], year: int | None = None,
                      footers: dict[int, int] | None = None) -> tuple[list[LogicalTable], list[RawTable]]:
    """Join continued tables and carry merged cells down. Returns the logical tables and the
    tables that have no header and continue nothing (unread: the caller reports those). `year`
    is the document's (table_to_columns); `footers` the words of each page's running footer."""
    logical: list[LogicalTable] = []
    unread: list[RawTable] = []
    last: RawTable | None = None
    realising = False  # after a realisation table's header: its headerless parts hold no pagu
    for table in tables:
        columns = table_to_columns(table, year)
        realising = (realising or realisation_only(table)) and (columns is None or table.n_cols == 1)
        previous = logical[-1] if logical else None
        broken = previous is not None and last is not None and _page_break_between(last, table, page_heights,
                                                                                   footers or {})
        if broken and columns is None and table.n_cols != previous.columns.n_cols:
            table = _realigned(table, last) or table  # a borderless part found other column gaps
        continues = broken and (
            (columns is None and table.n_cols == previous.columns.n_cols)
            or (columns is not None and not previous.columns.by_content and _same_layout(columns, previous.columns)))
        if continues:
            start = columns.header_rows if columns else _skip_number_rows(table, 0)
            previous.rows.extend(_data_rows(table, start, previous.columns))
        elif columns is not None:
            logical.append(LogicalTable(columns, _data_rows(table, columns.header_rows, columns)))
        elif not realising and (by_content := content_to_columns(table)) is not None:  # no header, but amounts
            logical.append(LogicalTable(by_content, _data_rows(table, by_content.header_rows, by_content)))
        else:
            unread.append(table)
            continue
        last = table
    for lt in logical:
        _carry_down(lt)
    return [lt for lt in logical if lt.rows], unread


def _realigned(table: RawTable, before: RawTable) -> RawTable | None:
    """The cells of a headerless continuation put into the columns of the part before it, by
    the x position of their text; None when the boxes are unknown or two columns that one row
    fills land in one (columns no row fills together are one column whose rules moved)."""
    spans: dict[int, list[float]] = {}
    for cell in before.cells:
        if cell.bbox is not None and cell.col_span == 1 and cell.text.strip():
            x = spans.setdefault(cell.col, [cell.bbox[0], cell.bbox[2]])
            x[0], x[1] = min(x[0], cell.bbox[0]), max(x[1], cell.bbox[2])
    centres: dict[int, list[float]] = {}
    for cell in table.cells:
        if cell.bbox is not None and cell.text.strip():
            centres.setdefault(cell.col, []).append((cell.bbox[0] + cell.bbox[2]) / 2)
    if not spans or not centres:
        return None
    target = {}
    for col, xs in centres.items():
        x = sorted(xs)[len(xs) // 2]
        target[col] = min(spans, key=lambda c: 0 if spans[c][0] <= x <= spans[c][1] else
                          min(abs(x - spans[c][0]), abs(x - spans[c][1])))
    for row in table.rows:
        filled = [target[c] for c, text in enumerate(row) if c in target and (text or "").strip()]
        if len(set(filled)) < len(filled):
            return None
    n_cols = before.n_cols
    rows = [[""] * n_cols for _ in table.rows]
    cells = []
    for cell in table.cells:
        if cell.col in target:
            rows[cell.row][target[cell.col]] = cell.text
            cells.append(replace(cell, col=target[cell.col], col_span=1))
    return replace(table, rows=rows, cells=cells)


def _same_layout(a: ColumnMap, b: ColumnMap) -> bool:
    """A repeated header: the same columns, allowing an OCR-garbled label or two ('WEOIATAN')."""
    if a.n_cols != b.n_cols:  # an amount and the pelaksana read as one column is another layout
        return False
    if a.signature == b.signature:
        return True
    if len(a.roles) != len(b.roles):
        return False
    agree = sum(1 for x, y in zip(a.roles, b.roles) if x == y or x is None or y is None)
    return agree >= SAME_LAYOUT_SHARE * len(a.roles)


def _page_break_between(before: RawTable, after: RawTable, heights: dict[int, float], footers: dict[int, int]
                        ) -> bool:
    """A table continues on the next page only when it ran to the bottom of its page and the
    next part starts at the top of the next one (a new table under a heading does not)."""
    if after.page != before.page + 1:
        return False
    if before.words_below is not None and after.words_above is not None:
        below = before.words_below - footers.get(before.page, 0)
        return below <= FOOTER_WORDS and after.words_above <= HEADER_WORDS
    if before.bbox is None or after.bbox is None:
        return True
    return (before.bbox[3] >= CONTINUED_BOTTOM * heights.get(before.page, before.bbox[3])
            and after.bbox[1] <= CONTINUED_TOP * heights.get(after.page, 1e9))


def _skip_number_rows(table: RawTable, start: int) -> int:
    while start < table.n_rows and is_column_number_row(table.rows[start]):
        start += 1
    return start


def _data_rows(table: RawTable, start: int, columns: ColumnMap) -> list[TableRow]:
    out = []
    at = {(c.row, c.col): c for c in table.cells}
    line_cols = {c for c, role in enumerate(columns.roles) if role in LINE_ROLES}
    label_cols = line_cols | {c for c, role in enumerate(columns.roles) if role in ("program_kegiatan", "kode", "uraian")}
    role_cols = {c for c, role in enumerate(columns.roles) if role}
    kode_col = columns.col("kode")
    pagu_col, pelaksana_col = columns.col("pagu"), columns.col("pelaksana")
    # A data cell spanning the slivers a centred header label was cut into (ruled tables whose
    # boxes are drawn as thin filled rectangles): its text also stands under that label.
    spanned = {(cell.row, c): cell.text for cell in table.cells if cell.col_span > 1
               for c in range(cell.col + 1, cell.col + cell.col_span) if c in role_cols}
    # A label column that no line fills holds group rows only (an RKT's Program/Kegiatan/Output
    # column beside the lines' Sasaran ... columns): a row filling only such columns is a group.
    line_rows = [row for row in table.rows[start:] if any(c < len(row) and row[c] for c in line_cols)]
    group_cols = (label_cols - line_cols) - {c for row in line_rows for c, v in enumerate(row) if v}
    # ... beside its amounts: a ruled scan's group rows carry no bold, their pagu stands in its cell
    amount_cols = {c for c, role in enumerate(columns.roles) if role in AMOUNT_ROLES}
    for r in range(start, table.n_rows):
        raw = table.rows[r]
        if not out and is_column_number_row(raw):  # '(1) (2) ...' under the header, never among data
            continue
        cells = [(c or "").strip() if c is not None else None for c in raw]
        filled = [i for i, c in enumerate(cells) if c]
        if not filled:
            continue
        text = [c if c is not None else "" for c in cells]
        if kode_col is not None and kode_col < len(text):
            text[kode_col] = unwrapped_code(text[kode_col])
        for c, extra in columns.shared.items():  # 'Pagu Pelaksana' run together: '60.000,- Subag Hukum'
            amount, rest = _split_amount(text[c] if c < len(text) else "")
            text += [""] * (extra + 1 - len(text))
            if c < len(cells):
                text[c], text[extra] = amount, rest
        # a label across the columns after it (covered: None); a cell of the last column spans nothing
        # An amount and the pelaksana run together in one of their cells, the other empty (a
        # continued part whose column gap a ',-' bridged: '794.000, - Sub Bagian Teknis').
        if pagu_col is not None and pelaksana_col is not None and pagu_col not in columns.shared \
                and max(pagu_col, pelaksana_col) < len(text) and not (text[pagu_col] and text[pelaksana_col]):
            amount, rest = _split_amount(text[pagu_col] or text[pelaksana_col])
            if rest:
                text[pagu_col], text[pelaksana_col] = amount, rest
        spans_row = (len(filled) == 1 and filled[0] < len(cells) - 1 and all(c is None for c in cells[filled[0] + 1:])
                     and len(cells) > 2)
        label = text[filled[0]]
        total = bool(TOTAL_LABEL.match(label)) or (bool(_TOTAL.match(label)) and filled[0] not in line_cols)
        if total and not TOTAL_LABEL.match(label) and _spans_into(at.get((r, filled[0])), line_cols):
            total = False  # 'Jumlah auditor ...' in a sliver cell spanning the indikator column
        bold = table.is_bold(r)
        found = [at.get((r, c)) for c in range(len(cells))]
        # A group row (program / kegiatan / output) fills label columns only: spanning, or its
        # label starts with a DIPA code, or it is bold, in a table of lines with a label column
        # (a budget list, Uraian | Pagu | Realisasi, has no groups: each row is a line of its level).
        named = set(filled) - amount_cols
        grouped = bool(line_cols) and bool(label_cols - line_cols) and not any(c in line_cols for c in filled) and (
            bool(CODE.match(label)) or bold or spans_row or (bool(named) and named <= group_cols))
        group = (spans_row or grouped) and not total
        if not group:
            for c in role_cols:
                if c < len(cells) and cells[c] is None and (r, c) in spanned:
                    text[c] = spanned[r, c].strip()
        out.append(TableRow(page=table.page, cells=text, total=total, bold=bold, group=group, covered=[c is None for c in cells],
                            boxes=[f.bbox if f else None for f in found],
                            confs=[f.conf if f else 100.0 for f in found],
                            seconds=[f.second if f else None for f in found]))
    return out


def _spans_into(cell, columns: set[int]) -> bool:
    """Whether a cell spans one of `columns` (a ruled table of thin box rules: the text of a cell
    starts in the sliver left of its column)."""
    return cell is not None and any(c in columns for c in range(cell.col, cell.col + cell.col_span))


def unwrapped_code(text: str) -> str:
    """A DIPA code wrapped inside itself in a narrow column ('CQ.6871.Q' / 'GE') joined up again."""
    joined = text.replace("\n", "")
    return joined if "\n" in text and CODE.fullmatch(joined.strip()) else text


_LEADING_AMOUNT = re.compile(r"^\s*((?:Rp\.?\s*)?\d{1,3}(?:[.,]\d{3})+(?:[.,]00|[.,]\s?-|[.,](?=\s))?)\s+(\D.*)$",
                             re.S | re.I)


def _split_amount(text: str) -> tuple[str, str]:
    """An amount at the start of a cell and the words after it; the whole text and '' otherwise."""
    m = _LEADING_AMOUNT.match(text)
    return (m.group(1), " ".join(m.group(2).split())) if m else (text, "")


def _carry_down(lt: LogicalTable) -> None:
    # every column of a role: a label spanning its outline number and its text ('1.1.1 | Meningkatnya ...')
    cols = [c for c, role in enumerate(lt.columns.roles) if role in CARRY_ROLES]
    no_col = lt.columns.col("no")
    sasaran_cols = [c for c, role in enumerate(lt.columns.roles) if role == "sasaran"]
    kegiatan_col = lt.columns.col("kegiatan")
    previous: TableRow | None = None
    for row in lt.rows:
        if row.group or row.total:
            previous = None
            continue
        covered = row.covered
        # After a page break a merged sasaran comes back as blank cells, not covered ones.
        continued = (no_col is None or not row.cells[no_col]) and not any(row.cells[c] for c in sasaran_cols
                                                                          if c < len(row.cells))
        if previous is not None:
            for c in cols:
                if c < len(row.cells) and not row.cells[c] and (covered[c] or continued):
                    row.cells[c] = previous.cells[c]
            # a kegiatan cell merged over its indikator rows (its budget restated on each)
            if kegiatan_col is not None and kegiatan_col < len(row.cells) and not row.cells[kegiatan_col] \
                    and covered[kegiatan_col]:
                row.cells[kegiatan_col] = previous.cells[kegiatan_col]
        previous = row
