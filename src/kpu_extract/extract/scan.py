"""The OCR path: a scanned page -> Page(method="ocr"), the same structure the text layer gives.

Stages: render -> upright (quarter and half turns) -> deskew -> find rules -> square a photographed
page -> denoise -> remove rules -> OCR words -> grids -> cells -> re-read unparsed amounts -> running
text. Coordinates are PDF points of the upright, deskewed (and squared) page.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Callable

from kpu_extract.extract import raster
from kpu_extract.extract.cells import mark_filled_cells, words_in, words_to_cells
from kpu_extract.extract.fills import filled_boxes
from kpu_extract.extract.grid import (Grid, grid_line_mask, header_box_grid, image_to_line_masks, masks_to_grids,
                                      words_to_grid, words_to_grids, words_to_lines)
from kpu_extract.extract.engines import get_engine
from kpu_extract.extract.keystone import rectify
from kpu_extract.extract.model import Page, RawTable, Word
from kpu_extract.extract.reread import reread_empty_cells, reread_money_cells, second_reading
from kpu_extract.extract.settings import OcrSettings

DEFAULT_SETTINGS = OcrSettings()
# The page pass is ~75% of a scanned page's CPU and scales with the words, not the area. Measured
# on the 15 bench pages (bench/run.py ocr) and dropped: the page cut to its ink (+0.1 in) cost the
# same (40.35 vs 40.34 CPU-s) and moved word boxes and texts; tessedit_do_invert=0 was within the
# noise (-15% .. +15% a page) and changed a word; `ind` alone is 18% cheaper but reads other words.

# A finder gets the ruled grids (pixels), the page words (points), the dpi and the shaded boxes (points).
Box = tuple[float, float, float, float]
GridFinder = Callable[[list[Grid], list[Word], float, Sequence[Box]], list[Grid]]


# A ruled grid of fewer cells is no table (rules of a schedule's shaded boxes, a stamp's frame):
# on the borderless scan L54 the ruled finder made six such grids of 1..3 cells.
MIN_RULED_CELLS = 4
# A ruled grid of at most this many rows is a header box when the borderless table reaches this
# many points below it (about three text lines): the body is read from the words.
HEADER_BOX_ROWS = 3
HEADER_BOX_BODY = 30.0


def _tables(ruled: list[Grid], dpi: float) -> list[Grid]:
    return [g.scaled(72.0 / dpi) for g in ruled if len(g.cells) >= MIN_RULED_CELLS]


def _header_box(ruled: list[Grid], words: list[Word], dpi: float, fills: Sequence[Box]) -> list[Grid]:
    """Ruled header boxes over borderless bodies: each box takes the words below it, down to the
    next box (a LAKIP's targets and its budget, each under its own box)."""
    boxes = sorted(_tables(ruled, dpi), key=lambda g: g.bbox[1])
    if not boxes or any(len(g.rows) - 1 > HEADER_BOX_ROWS for g in boxes):
        return []
    grids = []
    for box, end in zip(boxes, [b.bbox[1] for b in boxes[1:]] + [math.inf]):
        grid = words_to_grid([w for w in words if box.bbox[1] <= (w.top + w.bottom) / 2 < end], fills)
        if grid is not None and grid.bbox[3] >= box.bbox[3] + HEADER_BOX_BODY:
            grids.append(header_box_grid(box, grid))
    return grids


def _ruled(ruled: list[Grid], words: list[Word], dpi: float, fills: Sequence[Box]) -> list[Grid]:
    return _tables(ruled, dpi)


def _borderless(ruled: list[Grid], words: list[Word], dpi: float, fills: Sequence[Box]) -> list[Grid]:
    return words_to_grids(words, fills)


# Tried in order; the first finder that returns grids wins (borderless only when nothing is ruled).
TABLE_FINDERS: tuple[tuple[str, GridFinder], ...] = (("header box", _header_box), ("lines", _ruled),
                                                     ("words", _borderless))


def read_scanned_page(pdf_path: str, index: int, number: int,
                      settings: OcrSettings = DEFAULT_SETTINGS) -> Page:
    """OCR page `index` (0-based) of `pdf_path` into a Page numbered `number` (1-based)."""
    gray, dpi = raster.render_page(pdf_path, index, min_dpi=settings.min_dpi,
                                   max_dpi=settings.max_dpi, max_pixels=settings.max_pixels)
    # Sideways pages are turned upright first: every bbox below is in points of the upright page
    # (width and height swapped against the PDF's own page box for a quarter-turned page).
    gray, _turns = raster.upright(gray)
    gray = raster.deskew(gray)
    if dpi < settings.ocr_min_dpi:
        gray, dpi = raster.upscale(gray, dpi, settings.ocr_min_dpi)
    # Rules are found before the median: it erases the 1-px stretches of a bitonal scan's thin
    # rules (the PK ESDM scan of corpus/real: its header row read as one cell, no target column).
    masks = image_to_line_masks(gray, dpi)
    gray, masks = rectify(gray, masks, dpi)  # a page photographed at an angle
    gray = raster.denoise(gray)
    fills = filled_boxes(gray, dpi)  # a schedule drawn as shaded cells
    ruled = masks_to_grids(masks, dpi)
    ocr_image = raster.remove_lines(gray, grid_line_mask(masks, ruled, dpi), dpi)
    engine = get_engine(settings.engine, settings)
    words = engine.page_words(ocr_image, dpi)
    grids = find_grids(ruled, words, dpi, fills)
    tables = [mark_filled_cells(words_to_cells(words, g, page=number, index=i), fills) for i, g in enumerate(grids)]
    if settings.reread_money and tables:
        tables = reread_money_cells(ocr_image, dpi, tables, engine)
    if settings.reread_empty and tables:
        tables = reread_empty_cells(ocr_image, dpi, tables, engine)
    if settings.amount_engine and tables:
        tables = second_reading(ocr_image, dpi, tables, get_engine(settings.amount_engine, settings))
    height, width = (v * 72.0 / dpi for v in gray.shape)
    _count_words_around(tables, words)
    return Page(number=number, method="ocr", width=width, height=height, tables=tables,
                text=running_text(words, tables), words=words)


def _count_words_around(tables: list[RawTable], words: list[Word]) -> None:
    """Words of running text above and below each table (tells a continued table from a new one)."""
    inside = {id(w) for t in tables if t.bbox for w in words_in(words, t.bbox)}
    outside = [w for w in words if id(w) not in inside]
    for t in tables:
        if t.bbox:
            t.words_above = sum(1 for w in outside if w.bottom <= t.bbox[1])
            t.words_below = sum(1 for w in outside if w.top >= t.bbox[3])


def find_grids(ruled: list[Grid], words: list[Word], dpi: float, fills: Sequence[Box] = ()) -> list[Grid]:
    """Grids (in points) from the first table finder that finds any."""
    for _name, finder in TABLE_FINDERS:
        grids = finder(ruled, words, dpi, fills)
        if grids:
            return grids
    return []


def running_text(words: list[Word], tables: list[RawTable]) -> str:
    """Text of the words outside every table, as lines in reading order."""
    inside = {id(w) for t in tables if t.bbox for w in words_in(words, t.bbox)}
    outside = [w for w in words if id(w) not in inside]
    return "\n".join(" ".join(w.text for w in line) for line in words_to_lines(outside))
