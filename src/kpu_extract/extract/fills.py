"""Shaded cells of a page image: a schedule drawn as filled boxes, the scan's counterpart of the
filled rectangles a text layer draws (text_layer._fills).

Dark pixels are opened with a square larger than any text stroke, so only solid areas stay; an
area is cut at the edges its own outline shows (the cell boundaries where a shaded run starts or
ends) into tiles, and an area is a union of shaded cells only when nearly all of it lies in
mostly-filled tiles of at least a cell's size. A stamp, a signature or bold text leaves no solid
area; a logo or a photo is no union of filled rectangles. Measured on the 73 tuned scan pages of
corpus/layouts/scans, corpus/scans and the real scans (stamps, signatures, logos, bold titles):
boxes on L54's two pages only (65 and 3 tiles, covering every shaded cell); 13 CPU-ms a page on average, 42 at most.
"""

from __future__ import annotations

import cv2
import numpy as np

# Dark: this many gray levels under the page's median (its paper). The corpus shading (0.55 gray)
# reads 130 +- 12 on a hard-200 scan whose paper is 236 +- 8 (L54); 30 under the paper keeps a
# shading down to about 0.8 gray (the text layer's FILL_MAX_SHADE) and leaves paper noise out.
DARK_BELOW_PAPER = 30
# Opening square: wider than any text stroke (7 pt body text 1-2 px at 200 dpi, a bold 12-14 pt
# title 4-6 px), narrower than a cell.
STROKE_INCH = 0.05
# A tile is a cell when both sides are at least this (a schedule row is one text line plus its
# padding, 14 pt at 7 pt type; a month column >= 12 pt), it is at most a table row high
# (FILL_MAX_PT of the text layer, 60 pt) and holds this share of shaded pixels. The blurred bold
# capitals that survive the opening on the real PK scans (a heavy 'M') are 7-11 pt wide, 7-8 pt high.
CELL_MIN_INCH = 0.14
CELL_MAX_HEIGHT_INCH = 60 / 72
TILE_FILLED = 0.9
# An area is a union of shaded cells when this share of its pixels lies in accepted tiles.
AREA_IN_TILES = 0.9
# A shaded cell is evenly toned: the spread of its gray (10th to 90th percentile) is at most this
# share of its depth under the paper (L54: 17 levels over a depth of 104); a glyph's black strokes
# and pale counters spread over 120-190 levels at a depth of 130-220.
EVEN_SPREAD = 0.5
EDGE_TOL_INCH = 0.015  # outline steps this close are one cell edge (noise, JPEG, the opening's corners)

Box = tuple[float, float, float, float]


def paper_level(gray: np.ndarray) -> int:
    """The gray level of the paper: the median of the page (most of a page is paper)."""
    return int(np.median(gray[::4, ::4]))


def evenly_toned(tile: np.ndarray, paper: int) -> bool:
    """A tile of one tone (EVEN_SPREAD), not a glyph's strokes and counters."""
    p10, p50, p90 = np.percentile(tile, (10, 50, 90))
    return p90 - p10 <= EVEN_SPREAD * (paper - p50)


def shaded_mask(gray: np.ndarray, dpi: float, paper: int) -> np.ndarray:
    """Solid dark areas (255) of `gray`: pixels under the `paper` level, opened by STROKE_INCH."""
    _, dark = cv2.threshold(gray, paper - DARK_BELOW_PAPER - 1, 255, cv2.THRESH_BINARY_INV)
    k = max(3, int(round(STROKE_INCH * dpi)))
    return cv2.morphologyEx(dark, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))


def filled_boxes(gray: np.ndarray, dpi: float) -> list[Box]:
    """Shaded cell-sized boxes (x0, top, x1, bottom) of a page image, in PDF points."""
    paper = paper_level(gray)
    mask = shaded_mask(gray, dpi, paper)
    # labelled only where solid areas are (most pages have none): the labelling is the costly step
    bx, by, bw, bh = cv2.boundingRect(mask)
    if not bw:
        return []
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask[by:by + bh, bx:bx + bw], connectivity=8)
    gray = gray[by:by + bh, bx:bx + bw]
    min_side = CELL_MIN_INCH * dpi
    boxes: list[Box] = []
    for i in range(1, n):
        x, y, w, h, area = stats[i]
        if w < min_side or h < min_side:
            continue
        tiles = area_tiles(labels[y:y + h, x:x + w] == i, dpi)
        inset = 2 * max(1, int(round(EDGE_TOL_INCH * dpi)))  # a tile's edge may lie a few pixels off
        tiles = [t for t in tiles if evenly_toned(gray[y + t[1] + inset:y + t[3] - inset,
                                                       x + t[0] + inset:x + t[2] - inset], paper)]
        if sum(a for *_, a in tiles) >= AREA_IN_TILES * area:
            boxes += [((bx + x + x0) * 72 / dpi, (by + y + y0) * 72 / dpi, (bx + x + x1) * 72 / dpi,
                       (by + y + y1) * 72 / dpi) for x0, y0, x1, y1, _ in tiles]
    return sorted(boxes, key=lambda b: (b[1], b[0]))


def area_tiles(area: np.ndarray, dpi: float) -> list[tuple[int, int, int, int, int]]:
    """The cell tiles (x0, y0, x1, y1, shaded pixels) of one solid area (a boolean crop): the area
    cut at its outline's edges, keeping the tiles of a cell's size that are mostly shaded."""
    tol = max(1, int(round(EDGE_TOL_INCH * dpi)))
    min_side, max_height = CELL_MIN_INCH * dpi, CELL_MAX_HEIGHT_INCH * dpi
    xs = edges(area, axis=1, min_run=min_side / 2, tol=tol)
    ys = edges(area, axis=0, min_run=min_side / 2, tol=tol)
    integral = cv2.integral(area.astype(np.uint8))
    tiles = []
    for y0, y1 in zip(ys, ys[1:]):
        for x0, x1 in zip(xs, xs[1:]):
            if x1 - x0 < min_side or y1 - y0 < min_side or y1 - y0 > max_height:
                continue
            filled = int(integral[y1, x1] - integral[y0, x1] - integral[y1, x0] + integral[y0, x0])
            if filled >= TILE_FILLED * (x1 - x0) * (y1 - y0):
                tiles.append((x0, y0, x1, y1, filled))
    return tiles


def edges(area: np.ndarray, axis: int, min_run: float, tol: int) -> list[int]:
    """Positions along `axis` (1: x, 0: y) where the area's outline steps over at least `min_run`
    pixels (steps within `tol` pixels merged, at their weighted centre), with both ends of the crop."""
    steps = np.abs(np.diff(area.astype(np.int8), axis=axis)).sum(axis=1 - axis)  # between i and i + 1
    padded = np.r_[np.zeros(tol), steps, np.zeros(tol)]
    window = np.convolve(padded, np.ones(2 * tol + 1), mode="valid")  # window[i]: steps i-tol .. i+tol
    hits = np.flatnonzero(window >= min_run)
    size = area.shape[axis]
    out = [0]
    for run in np.split(hits, np.flatnonzero(np.diff(hits) > 1) + 1) if hits.size else ():
        span = np.arange(run[0], run[-1] + 2 * tol + 1)  # indexes into padded
        pos = int(round(np.average(span, weights=padded[span]))) - tol + 1
        if tol < pos < size - tol:
            out.append(pos)
    return out + [size]
