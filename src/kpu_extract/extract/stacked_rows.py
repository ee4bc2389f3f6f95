"""Ruled rows that stack several items: one cell per column, the items line by line inside.

An Excel sheet exported with rules only between programs prints a program's kegiatan one under
another in a single ruled row: the name cell holds 'Program ...', '1. Kegiatan A', '2. Kegiatan B'
and the amount cell beside it '1.900,00', '18.875,00', each amount on the first line of its
kegiatan (Renja Tabel III-3 of Dinas Bina Marga Jawa Barat, whose 26 budget lines sat in 11 rows).
Such a row is cut into one row per value line, and the lines above the first value (the program)
make a row of their own. A row is only cut where every value line starts on the same baseline
as a line of another cell (a lone value: as a numbered item below that cell's first line), so a
cell that merely holds two amounts, or values centred beside wrapped names, stays whole.
"""

from __future__ import annotations

import re
from bisect import bisect_left

Box = tuple[float, float, float, float]

# One value as a cell line prints it: an amount, a percent, a decimal or a dash.
VALUE_LINE = re.compile(r"^(?:rp\.?\s*)?(?:\d{1,3}(?:[.,]\d{3})+|\d+)(?:[.,]\d{1,2})?(?:,-)?\s*%?$|^-$", re.I)
MIN_ITEMS = 2  # value lines that cut a row wherever they start beside another cell's line
# A line that starts a numbered item: '1. Kegiatan', '2, Kegiatan' (a typed comma), 'a) ...'.
ITEM_START = re.compile(r"^(?:\d{1,2}|[a-z])\s*[.,)]\s*[^\W\d]", re.I)
ALIGN_PT = 1.5  # a value line and a line of another cell start on one baseline within this


def split_stacked_rows(rows: list[list[Box | None]], chars: list[dict]) -> list[list[Box | None]]:
    """The rows of one ruled table (cell boxes by row and column), stacked rows cut into one row per item."""
    inked = sorted(((c["top"] + c["bottom"]) / 2, i) for i, c in enumerate(chars) if c["text"].strip())
    mids = [m for m, _ in inked]
    out: list[list[Box | None]] = []
    for row in rows:
        if not any(row):
            out.append(row)
            continue
        top, bottom = _extent(row)
        cuts = _cuts(row, [chars[i] for _, i in inked[bisect_left(mids, top):bisect_left(mids, bottom)]])
        if not cuts:
            out.append(row)
            continue
        for y0, y1 in zip([top, *cuts], [*cuts, bottom]):
            out.append([None if b is None else (b[0], y0, b[2], y1) for b in row])
    return out


def _cuts(row: list[Box | None], chars: list[dict]) -> list[float]:
    """Where to cut a stacked row (between the lines), or [] for a row to keep whole; `chars` are
    those of the row's band of the page."""
    boxes = [b for b in row if b is not None]
    if len(boxes) < 2 or len({(round(b[1]), round(b[3])) for b in boxes}) != 1:
        return []  # a cell spanning rows: not one stacked row
    lines = [_lines(b, chars) for b in boxes]
    stacks = [ls for ls in lines if _all_values(ls)]
    texts = [ls for ls in lines if ls and not _all_values(ls)]
    if not stacks or not texts:
        return []
    first = min(top for ls in lines for top, _, _ in ls)
    tops = _distinct(top for ls in stacks for top, _, _ in ls if top > first + ALIGN_PT)
    if max(map(len, stacks)) >= MIN_ITEMS:  # every value on the first line of an item
        starts = [top for ls in texts for top, _, _ in ls]
    else:  # a lone value, beside a numbered item under a cell's first line ('1. Kegiatan' under the program)
        starts = [top for ls in texts for top, _, t in ls[1:] if ITEM_START.match(t)]
    if not tops or not all(any(abs(top - s) <= ALIGN_PT for s in starts) for top in tops):
        return []
    bottoms = [bottom for ls in lines for _, bottom, _ in ls]
    return [(top + max(b for b in bottoms if b <= top + 0.5)) / 2 for top in tops]


def _distinct(tops) -> list[float]:
    """Line tops, those within ALIGN_PT of the one before merged (one baseline across cells)."""
    out: list[float] = []
    for top in sorted(tops):
        if not out or top - out[-1] > ALIGN_PT:
            out.append(top)
    return out


def _all_values(lines: list[tuple[float, float, str]]) -> bool:
    return bool(lines) and all(VALUE_LINE.match(t) for _, _, t in lines)


def _lines(box: Box, chars: list[dict]) -> list[tuple[float, float, str]]:
    """(top, bottom, text) of each text line of the characters whose centre lies in `box`."""
    x0, top, x1, bottom = box
    inside = sorted((c for c in chars if c["text"].strip() and x0 <= (c["x0"] + c["x1"]) / 2 < x1
                     and top <= (c["top"] + c["bottom"]) / 2 < bottom), key=lambda c: (c["top"], c["x0"]))
    lines: list[list[dict]] = []
    for c in inside:
        if lines and c["top"] - lines[-1][0]["top"] <= ALIGN_PT:
            lines[-1].append(c)
        else:
            lines.append([c])
    return [(min(c["top"] for c in ln), max(c["bottom"] for c in ln),
             "".join(c["text"] for c in sorted(ln, key=lambda c: c["x0"]))) for ln in lines]


def _extent(row: list[Box | None]) -> tuple[float, float]:
    boxes = [b for b in row if b is not None]
    return min(b[1] for b in boxes), max(b[3] for b in boxes)
