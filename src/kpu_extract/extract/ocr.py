"""One Tesseract TSV pass per page -> words with boxes; one extra pass for unreadable amounts.

Tesseract runs once per page, never per cell (per-cell calls cost a process start each). The
`ind` model cannot emit '%', hence `ind+eng`. OMP_THREAD_LIMIT=1: pages run in parallel
processes, and Tesseract's OpenMP threads only fight them for the cores.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass

import cv2
import numpy as np
import pytesseract

from kpu_extract.errors import OcrTimeout, OcrUnavailable
from kpu_extract.extract import raster
from kpu_extract.extract.model import Cell, RawTable, Word

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

LANG = "ind+eng"
# psm 11 (sparse text) for the page pass. Measured on a budget table (91 cells) and a 20-column
# RAK table (108 cells), each scanned normal-300 and hard-200, cells exactly right, no re-reads:
#   psm 11: budget 80 / 77, RAK 106 / 99   (drops lone '1'..'9'; re-read as empty cells below)
#   psm 6:  budget 89 / 85, RAK 101 / 91   (reads lines across columns: multi-line cells garbled)
#   psm 4:  budget 86 / 76, RAK 101 / 90
# Amounts were exact under all three on 300 dpi; on hard-200 psm 4 lost a third of the percents.
PSM = 11
MONEY_PSM = 6  # the money strip is one uniform column of lines
# '%' added to the measured whitelist: percent columns are re-read in the same strip.
MONEY_WHITELIST = "0123456789.,Rp-%"
TIMEOUT_S = 120
# Scans below this dpi are upscaled to it before OCR (0 = never). Off by default, measured on the
# scanned corpus: upscaling 200-dpi scans to 300 dpi left pagu (128/128) and targets (110/112)
# unchanged, recovered 22 more planned months of 1416 but invented 12 schedule rows, and cost
# 1.47x instead of 1.27x the bare Tesseract time on those pages. Worth trying on very small print.
OCR_MIN_DPI = 0
REREAD_CONF = 85.0  # numeric cells with a mean word confidence below this are re-read too
EMPTY_MIN_CONF = 60.0
STRIP_DPI = 600
_STRIP_GAP = 24  # px of white between crops in the money strip
_CELL_INSET = 3  # px trimmed off each crop side so leftover rule pixels stay out


@dataclass(frozen=True)
class OcrSettings:
    """Settings of the OCR path; defaults are the module constants."""

    lang: str = LANG
    psm: int = PSM
    min_dpi: float = raster.MIN_DPI
    max_dpi: float = raster.MAX_DPI
    max_pixels: int = raster.MAX_PIXELS
    timeout_s: float = TIMEOUT_S
    ocr_min_dpi: float = OCR_MIN_DPI
    reread_money: bool = True
    reread_empty: bool = True

    def __post_init__(self) -> None:
        if not 0 <= self.psm <= 13:
            raise ValueError(f"psm must be 0..13, got {self.psm}")
        if not 0 < self.min_dpi <= self.max_dpi:
            raise ValueError(f"need 0 < min_dpi <= max_dpi, got {self.min_dpi}, {self.max_dpi}")
        if self.timeout_s <= 0 or self.max_pixels <= 0:
            raise ValueError("timeout_s and max_pixels must be positive")


def remove_lines(gray: np.ndarray, line_mask: np.ndarray, dpi: float = 300) -> np.ndarray:
    """Paint ruling lines with the local background so OCR does not read them as '|', 'l' or '1'."""
    # The threshold mask misses a rule's blurred fringe; a 3x3 dilation at 300 dpi left gray
    # ghost rules, so the margin grows with dpi.
    grow = 3 + 2 * int(dpi // 200)
    mask = cv2.dilate(line_mask, np.ones((grow, grow), np.uint8))
    # A max filter wider than a rule gives the paper around it (rules are the darkest thin things).
    size = 2 * grow + 3
    background = cv2.dilate(gray, np.ones((size, size), np.uint8))
    out = gray.copy()
    out[mask > 0] = background[mask > 0]
    return out


def page_words(gray: np.ndarray, dpi: float, lang: str = LANG, psm: int = PSM,
               timeout_s: float = TIMEOUT_S) -> list[Word]:
    """Words of a cleaned page image with boxes in PDF points (top-left origin) and confidence."""
    data = _tesseract_data(gray, dpi, lang, f"--psm {psm}", timeout_s)
    scale = 72.0 / dpi
    words = []
    for i, text in enumerate(data["text"]):
        text = text.strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        x, y, w, h = (data[k][i] for k in ("left", "top", "width", "height"))
        words.append(Word(text=text, x0=x * scale, top=y * scale, x1=(x + w) * scale,
                          bottom=(y + h) * scale, conf=conf))
    return words


def _tesseract_data(image: np.ndarray, dpi: float, lang: str, config: str, timeout_s: float) -> dict:
    # Handing pytesseract a file path skips its PIL PNG encode, which cost 0.5-1.5 s on a noisy
    # 300-dpi page (as long as the OCR itself); an uncompressed PGM writes in ~10 ms.
    with tempfile.TemporaryDirectory(prefix="kpu-ocr-") as tmp:
        path = os.path.join(tmp, "page.pgm")
        cv2.imwrite(path, image)
        return _run_tesseract(path, lang, f"--dpi {int(dpi)} {config}", timeout_s)


def _run_tesseract(path: str, lang: str, config: str, timeout_s: float) -> dict:
    try:
        return pytesseract.image_to_data(path, lang=lang, config=config,
                                         output_type=pytesseract.Output.DICT, timeout=timeout_s)
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrUnavailable("tesseract is not installed; run `make sysdeps` "
                             "(apt-get install tesseract-ocr tesseract-ocr-ind)") from exc
    except RuntimeError as exc:
        # pytesseract signals its timeout with a bare RuntimeError carrying this text.
        if "timeout" in str(exc).lower():
            raise OcrTimeout(f"OCR took longer than {timeout_s:g} s; set KPU_EXTRACT_OCR_TIMEOUT to more "
                             "seconds (or lower OcrSettings.max_dpi)") from exc
        raise
    except pytesseract.TesseractError as exc:
        if "Failed loading language" in str(exc):
            raise OcrUnavailable(f"tesseract lacks the '{lang}' models; "
                                 "apt-get install tesseract-ocr-ind tesseract-ocr-eng") from exc
        raise


# --- money re-read ---------------------------------------------------------------------------------

_AMOUNT = re.compile(r"^(Rp\.?\s?)?-?\d{1,3}(\.\d{3})*(,\d{1,2})?$")
# Percents take a decimal comma, but scans of dot-decimal tables exist and OCR swaps the two.
_PERCENT = re.compile(r"^\d{1,3}([.,]\d{1,2})?\s?%$")
_NUMERIC_CHARS = set("0123456789.,")


def parses(text: str) -> bool:
    """True for a well-formed Rupiah amount, plain number, percent or dash."""
    t = text.strip()
    return t in ("-", "") or bool(_AMOUNT.match(t) or _PERCENT.match(t))


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


def reread_money_cells(gray: np.ndarray, dpi: float, tables: list[RawTable], lang: str = LANG,
                       timeout_s: float = TIMEOUT_S) -> list[RawTable]:
    """Re-read numeric cells that do not parse in ONE Tesseract call on a stack of their crops.

    psm 6 with a digit whitelist reads amounts that psm 11 split or misread (measured: the
    last misreads on hard scans went away for +0.5 s/page). A cell keeps its first reading
    unless the re-read parses. When both readings parse and disagree, the cell keeps both
    ('1.250.000 / 1.280.000'): no reading is chosen by guess, and the amount goes to review.
    Cell boxes are in points; `gray` is the line-free page image.
    """
    todo = [(t, i) for t in tables for i in cells_to_reread(t)]
    config = f"--psm {MONEY_PSM} -c tessedit_char_whitelist={MONEY_WHITELIST}"
    for (table, i), (text, conf) in zip(todo, _read_strip(gray, dpi, todo, lang, config, timeout_s)):
        if not _kind(text):
            continue
        first = table.cells[i]
        if _kind(first.text) and _digits(first.text) != _digits(text):
            _replace_cell(table, i, f"{first.text} / {text}", min(conf, first.conf))
        else:
            _replace_cell(table, i, text, conf)
    return tables


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def reread_empty_cells(gray: np.ndarray, dpi: float, tables: list[RawTable], lang: str = LANG,
                       timeout_s: float = TIMEOUT_S) -> list[RawTable]:
    """Read empty cells that hold ink, in ONE Tesseract call on a stack of their crops.

    psm 11 drops lone short words: row numbers ('1'..'9') and month heads ('B6') came back empty
    on every measured scan; psm 6 on the cell crop reads them. A cell takes the re-read only when
    it has a letter or digit and a confidence of at least EMPTY_MIN_CONF (noise reads as '~').
    """
    todo = [(t, i) for t in tables for i, c in enumerate(t.cells)
            if not c.text and c.bbox and _small(c.bbox) and _has_ink(_crop(gray, c.bbox, dpi), dpi)]
    for (table, i), (text, conf) in zip(todo, _read_strip(gray, dpi, todo, lang, f"--psm {MONEY_PSM}", timeout_s)):
        if conf >= EMPTY_MIN_CONF and any(ch.isalnum() for ch in text):
            _replace_cell(table, i, text, conf)
    return tables


def _read_strip(gray: np.ndarray, dpi: float, todo: list[tuple[RawTable, int]], lang: str, config: str,
                timeout_s: float) -> list[tuple[str, float]]:
    if not todo:
        return []
    crops = [_crop(gray, t.cells[i].bbox, dpi) for t, i in todo]
    if dpi < STRIP_DPI:
        # Strips are small, so upscaling a 200-dpi crop to Tesseract's favourite size is cheap.
        f = STRIP_DPI / dpi
        crops = [cv2.resize(c, None, fx=f, fy=f, interpolation=cv2.INTER_CUBIC) for c in crops]
        dpi = STRIP_DPI
    strip, spans = _stack(crops)
    return _strip_texts(_tesseract_data(strip, dpi, lang, config, timeout_s), spans)


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


def _stack(crops: list[np.ndarray]) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """Crops one under another on white, left-aligned; returns the strip and each crop's y-range."""
    width = max(c.shape[1] for c in crops) + 2 * _STRIP_GAP
    height = sum(c.shape[0] for c in crops) + _STRIP_GAP * (len(crops) + 1)
    # Paper tone, not white: a gray crop on white has edges that Tesseract reads as glyphs.
    paper = int(np.median(np.concatenate([c.ravel() for c in crops])))
    strip = np.full((height, width), paper, np.uint8)
    spans, y = [], _STRIP_GAP
    for crop in crops:
        h, w = crop.shape
        strip[y:y + h, _STRIP_GAP:_STRIP_GAP + w] = crop
        spans.append((y, y + h))
        y += h + _STRIP_GAP
    return strip, spans


def _strip_texts(data: dict, spans: list[tuple[int, int]]) -> list[tuple[str, float]]:
    """Text and mean confidence of the words falling in each crop's y-range."""
    pieces: list[list[tuple[int, str, float]]] = [[] for _ in spans]
    for i, text in enumerate(data["text"]):
        text = text.strip()
        if not text or float(data["conf"][i]) < 0:
            continue
        cy = data["top"][i] + data["height"][i] / 2
        for k, (a, b) in enumerate(spans):
            if a <= cy <= b:
                pieces[k].append((data["left"][i], text, float(data["conf"][i])))
                break
    out = []
    for words in pieces:
        words.sort()
        # Amounts never hold spaces between digit groups; OCR splits them at a wide dot
        # ('298. 450.000'). The space after 'Rp.' stays.
        text = re.sub(r"(?<=\d)\s+(?=[\d.,])|(?<=\d[.,])\s+(?=\d)", "", " ".join(t for _, t, _ in words))
        conf = round(sum(c for *_, c in words) / len(words), 1) if words else 0.0
        out.append((text, conf))
    return out


def _replace_cell(table: RawTable, i: int, text: str, conf: float) -> None:
    cell = table.cells[i]
    table.cells[i] = Cell(text=text, row=cell.row, col=cell.col, row_span=cell.row_span,
                          col_span=cell.col_span, bold=cell.bold, conf=conf, bbox=cell.bbox)
    table.rows[cell.row][cell.col] = text
