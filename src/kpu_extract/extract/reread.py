"""Which OCR'd cells are read again, and how a second reading is taken into a cell.

The page pass (psm 11) misreads or splits some amounts and drops lone short words; the cells
concerned are cropped and read again in one batched engine call per kind:
- numeric cells that do not parse as their column's kind, or read with low confidence;
- empty cells that hold ink (row numbers '1'..'9', month heads 'B6').
A cell keeps its first reading unless the re-read parses. When both readings parse and disagree
the cell keeps both ('1.250.000 / 1.280.000'): no reading is chosen by guess, the amount goes to review.
Then every amount and percent cell is read by the second, independent engine (`second_reading`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

import cv2
import numpy as np

from .engines import AMOUNT_CHARSET, OcrEngine
from .model import RawTable

REREAD_CONF = 85.0  # numeric cells with a mean word confidence below this are re-read too
EMPTY_MIN_CONF = 60.0
STRIP_MIN_CROPS = 3  # a strip of one or two lone marks read worse ('Vv' at 52 for 'v')
_CELL_INSET = 3  # px trimmed off each crop side so leftover rule pixels stay out

# An amount never starts with a zero group ('0.634.000' is a misread '40.634.000': read again).
_AMOUNT = re.compile(r"^(Rp\.?\s?)?-?(0|[1-9]\d{0,2}(\.\d{3})*)(,\d{1,2})?$")
# Percents take a decimal comma, but scans of dot-decimal tables exist and OCR swaps the two.
_PERCENT = re.compile(r"^\d{1,3}([.,]\d{1,2})?\s?%$")
_NUMERIC_CHARS = set("0123456789.,")


def _kind(text: str) -> str | None:
    t = text.strip()
    if _PERCENT.match(t):
        return "percent"
    if _AMOUNT.match(t) and "." in t:
        return "amount"
    return None


def looks_numeric(text: str) -> bool:
    """Mostly digits and separators, with at least 3 digits: an amount or percent, however misread."""
    chars = [ch for ch in text if not ch.isspace()]
    digits = sum(ch.isdigit() for ch in chars)
    numeric = sum(ch in _NUMERIC_CHARS for ch in chars)
    return digits >= 3 and numeric >= 0.6 * len(chars) and "\n" not in text.strip()


def cells_to_reread(table: RawTable) -> list[int]:
    """Indexes of numeric-looking cells that do not parse as their column's kind.

    A column's kind (amount or percent) is the majority of its well-read cells: '87,23' parses
    as a number but is a misread '87,23%' in a percent column. Low-confidence cells go too.
    """
    kinds: dict[int, Counter] = {}
    for cell in table.cells:
        kind = _kind(cell.text)
        if kind:
            kinds.setdefault(cell.col, Counter())[kind] += 1
    todo = []
    for i, cell in enumerate(table.cells):
        if not cell.bbox or not looks_numeric(cell.text):
            continue
        column = kinds.get(cell.col)
        expected = column.most_common(1)[0][0] if column else None
        kind = _kind(cell.text)
        if kind is None or (expected and kind != expected) or cell.conf < REREAD_CONF:
            todo.append(i)
    return todo


def reread_money_cells(gray: np.ndarray, dpi: float, tables: list[RawTable], engine: OcrEngine) -> list[RawTable]:
    """Re-read numeric cells that do not parse, in one engine call restricted to amount characters.

    Measured with Tesseract (psm 6 and a digit whitelist on the strip): it reads amounts that the
    page pass split or misread; the last misreads on hard scans went away for +0.5 s/page.
    `gray` is the line-free page image; cell boxes are in points.
    """
    todo = [(t, i) for t in tables for i in cells_to_reread(t)]
    crops = [_crop(gray, t.cells[i].bbox, dpi) for t, i in todo]
    for (table, i), read in zip(todo, engine.read_crops(crops, dpi, AMOUNT_CHARSET)):
        if not _kind(read.text):
            continue
        first = table.cells[i]
        if _kind(first.text) and _digits(first.text) != _digits(read.text):
            _replace_cell(table, i, f"{first.text} / {read.text}", min(read.conf, first.conf))
        else:
            _replace_cell(table, i, read.text, read.conf)
    return tables


def reread_empty_cells(gray: np.ndarray, dpi: float, tables: list[RawTable], engine: OcrEngine) -> list[RawTable]:
    """Read empty cells that hold ink, in one engine call.

    psm 11 drops lone short words: row numbers ('1'..'9') and month heads ('B6') came back empty
    on every measured scan. A cell takes the re-read only when it has a letter or digit and a
    confidence of at least EMPTY_MIN_CONF (noise reads as '~').
    """
    candidates = [(t, i, _crop(gray, c.bbox, dpi)) for t in tables for i, c in enumerate(t.cells)
                  if not c.text and c.bbox and _small(c.bbox)]
    todo = [(t, i, crop) for t, i, crop in candidates if _has_ink(crop, dpi)]
    # A strip per column (joined to the next until it holds STRIP_MIN_CROPS): Tesseract sizes a
    # strip's lines together, and the row numbers of a 'No' column read between month marks made
    # the marks 'V' at confidence 55 instead of 'v' at 80 (L36 scan).
    for strip in _column_strips(todo):
        for (table, i, _), read in zip(strip, engine.read_crops([crop for *_, crop in strip], dpi)):
            if read.conf >= EMPTY_MIN_CONF and any(ch.isalnum() for ch in read.text):
                _replace_cell(table, i, read.text, read.conf)
    return tables


def _column_strips(todo: list[tuple[RawTable, int, np.ndarray]]) -> list[list[tuple[RawTable, int, np.ndarray]]]:
    """The (table, cell, crop) items by table and column, in row order; a small column joins the next."""
    tables = list({id(t): t for t, _, _ in todo})
    columns: dict[tuple[int, int], list] = {}
    for item in todo:
        columns.setdefault((tables.index(id(item[0])), item[0].cells[item[1]].col), []).append(item)
    strips: list[list] = [[]]
    for key in sorted(columns):
        if len(strips[-1]) >= STRIP_MIN_CROPS:
            strips.append([])
        strips[-1] += columns[key]
    return [s for s in strips if s]


def second_reading(gray: np.ndarray, dpi: float, tables: list[RawTable], engine: OcrEngine) -> list[RawTable]:
    """Read every amount and percent cell again with an independent engine, in one batched call.

    The reading goes beside the first (`Cell.second`); normalize decides between them with the
    document's own arithmetic and restatements. A cell holding both readings of the first engine
    ('1.250.000 / 1.280.000') is read too: the second engine may side with one of them.
    """
    todo = [(t, i) for t in tables for i, c in enumerate(t.cells)
            if c.bbox and (looks_numeric(c.text) or any(_kind(part) for part in c.text.split(" / ")))]
    crops = [_crop(gray, t.cells[i].bbox, dpi) for t, i in todo]
    for (table, i), read in zip(todo, engine.read_crops(crops, dpi, AMOUNT_CHARSET)):
        cell = table.cells[i]
        table.cells[i] = replace(cell, second=" ".join(read.text.split()))
    return tables


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _small(bbox: tuple[float, float, float, float]) -> bool:
    # Narrow tall cells stay in (a row number merged down a sasaran group); wide empty blocks
    # would only make the strip expensive.
    return bbox[3] - bbox[1] <= 360 and bbox[2] - bbox[0] <= 144


def _has_ink(crop: np.ndarray, dpi: float) -> bool:
    """True when the crop holds glyph-sized dark marks, not just scanner noise."""
    if crop.size == 0:
        return False
    ink = (crop < int(np.median(crop)) - 80).astype(np.uint8)
    ink = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    return int(ink.sum()) >= 6 * (dpi / 100) ** 2


def _crop(gray: np.ndarray, bbox: tuple[float, float, float, float], dpi: float) -> np.ndarray:
    s = dpi / 72.0
    x0, y0, x1, y1 = (int(round(v * s)) for v in bbox)
    h, w = gray.shape
    x0, y0 = max(0, x0 + _CELL_INSET), max(0, y0 + _CELL_INSET)
    x1, y1 = min(w, x1 - _CELL_INSET), min(h, y1 - _CELL_INSET)
    return gray[y0:max(y0 + 1, y1), x0:max(x0 + 1, x1)]


def _replace_cell(table: RawTable, i: int, text: str, conf: float) -> None:
    cell = table.cells[i] = replace(table.cells[i], text=text, conf=conf)
    table.rows[cell.row][cell.col] = text
