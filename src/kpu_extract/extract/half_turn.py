"""Whether a page whose text lines run across it is upside down (a half turn), cheaply.

Latin-script text has more ink above its x-height band (ascenders, capitals, digits, i-dots) than
below its baseline (descenders g, j, p, q, y): per word blob, the rows above the dense core hold
more ink than the rows below it. Upside down, that flips. Ruling lines are removed first (they are
dense rows of their own). Measured against Tesseract OSD in bench/bench_orientation.py on the 78 pages
of the corpus scans and the tuned real scans, each as it is and turned a half (156 verdicts):
  this test alone (balance < 0)  142/156                                            39 ms a page
  Tesseract OSD alone            149/156                                           367 ms a page
  OSD on a half-resolution copy  131/156                                           283 ms a page
  this test, then OSD (upright)  137/156: no upright page turned over               73 ms a page
(median CPU, OpenCV single-threaded; on the main of the same day 137/156 alone and 135/156 with
OSD at 112 ms). Some misses of the last row are half-turned pages with little text that
raster.upright's sideways test takes for quarter-turned ones. So neither test decides alone: this
test picks the suspects and OSD confirms (raster.upright).
"""

from __future__ import annotations

import cv2
import numpy as np

WORK_WIDTH = 1600  # px: the page is judged at this width (about 140 dpi on A4)
_RULE_PX = 60  # a horizontal or vertical ink run this long at WORK_WIDTH is a rule, not a glyph
_SMEAR_PX = 11  # closes letter gaps inside a word
_WORD_HEIGHT = (7, 45)  # px at WORK_WIDTH: text-high blobs
_CORE_SHARE = 0.5  # rows of a blob holding at least this share of its densest row are its core
# A page is suspect when its below-core ink exceeds its above-core ink; a page with fewer word blobs
# than MIN_BLOBS is not judged (a cover page with a title and a logo).
MIN_BLOBS = 20


def ascender_balance(gray: np.ndarray) -> tuple[float, int]:
    """(above - below) / (above + below) of the ink outside the word blobs' cores, and how many
    blobs were measured; positive on upright text, negative upside down."""
    h, w = gray.shape
    scale = min(1.0, WORK_WIDTH / w)
    # Bilinear, not area averaging: 2.5 instead of 14 CPU-ms on an A4 300-dpi page, and on the 156
    # images of bench_orientation.py (78 pages, each upright and turned a half) 142 instead of 140
    # verdicts of raster.upright right, still no upright page turned over.
    small = cv2.resize(gray, (max(1, int(w * scale)), max(1, int(h * scale))), interpolation=cv2.INTER_LINEAR)
    ink = cv2.adaptiveThreshold(small, 1, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)
    rules = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, _RULE_PX), np.uint8)) | \
        cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((_RULE_PX, 1), np.uint8))
    ink = ink & (1 - rules)
    smeared = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((1, _SMEAR_PX), np.uint8))
    n, _labels, stats, _c = cv2.connectedComponentsWithStats(smeared, connectivity=8)
    x, y, bw, bh = (stats[1:n, k] for k in range(4))
    text = (bh >= _WORD_HEIGHT[0]) & (bh <= _WORD_HEIGHT[1]) & (bw >= 2 * bh)
    profile = _row_ink(ink, x[text], y[text], bw[text], bh[text])
    # Per blob (one row of `profile`): the core is its rows from the first to the last one holding
    # at least _CORE_SHARE of its densest row; the ink above and below the core is counted.
    depth = np.arange(profile.shape[1])
    dense = profile >= _CORE_SHARE * profile.max(axis=1, keepdims=True)
    first = dense.argmax(axis=1)[:, None]
    last = profile.shape[1] - 1 - dense[:, ::-1].argmax(axis=1)[:, None]
    above, below = float(profile[depth < first].sum()), float(profile[depth > last].sum())
    total = above + below
    return ((above - below) / total if total else 0.0), len(profile)


def _row_ink(ink: np.ndarray, x: np.ndarray, y: np.ndarray, w: np.ndarray, h: np.ndarray) -> np.ndarray:
    """Ink per row inside each box (x, y, w, h), one row per box, padded with 0 past its height.

    From the integral image, so the page is summed once instead of once per blob (a Python loop
    over ~1000 blobs took 15-25 ms a page)."""
    summed = cv2.integral(ink)  # (rows + 1) x (cols + 1): ink above and left of each corner
    depth = np.arange(_WORD_HEIGHT[1])
    rows = np.minimum(y[:, None] + depth, ink.shape[0] - 1)
    left, right = x[:, None], (x + w)[:, None]
    row_sums = (summed[rows + 1, right] - summed[rows, right]) - (summed[rows + 1, left] - summed[rows, left])
    return np.where(depth < h[:, None], row_sums, 0)


def may_be_upside_down(gray: np.ndarray) -> bool:
    """True when the page's text reads heavier below its lines than above (worth asking OSD)."""
    balance, blobs = ascender_balance(gray)
    return blobs >= MIN_BLOBS and balance < 0
