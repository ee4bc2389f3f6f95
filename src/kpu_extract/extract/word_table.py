"""Borderless tables from words: columns from the white gaps they share, rows from line spacing.

A table without ruling lines still shows its structure: its cells' text never crosses the white
gaps between columns, and a row's wrapped lines sit one line spacing apart while a new row starts
after the cell padding. Lines are split into segments (words closer than a gap); columns are the
x-ranges no multi-segment line covers; a line's gap above it decides whether it continues a row.
A segment that crosses column gaps (a group row printed across the table) becomes one spanning cell.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from .model import Cell, RawTable, Word

# Words further apart than this many times the text height are in different segments; columns
# come from the coverage of words, so a monospaced space that splits a cell costs nothing.
SEGMENT_GAP = 0.45
SEGMENT_GAP_MIN = 2.5  # points
# A monospaced space is up to this many mean character widths of the words beside it: a text
# layer's boxes are one advance apart (1.0); OCR boxes hug the ink, so a space is the advance plus
# both side bearings (L11 scan, Courier 8 pt: boxes 4.3-4.8 pt a character, 6.0-6.5 pt apart).
CHAR_GAP = 1.4
# A gap this many times the page's typical space (per text height) is no space: the padding
# between two cells (Helvetica 8 pt: spaces 2.2 pt, an amount and the next cell 4.0 pt apart).
SPACE_FACTOR = 1.5
# A line of at least this many words of as many different lengths, all of one character width
# (within this share), is monospaced: there a space is exactly one character wide, and any other
# gap is the padding between two cells (Courier at 7 pt: 4.2 pt a space, 4.42 pt between cells).
MONO_MIN_WORDS, MONO_SPREAD, MONO_TOL = 3, 0.002, 0.02
# OCR may drop a monospaced thousands dot ('896.000' read as '896' and '000', 5.0 pt apart in
# Courier 6 pt): digit groups at most this many character widths apart are one amount, not two cells.
DIGIT_GROUP_GAP = 2.0
_GROUP_HEAD, _GROUP = re.compile(r"^\d{1,3}$"), re.compile(r"^\d{3}(?:,\d{1,2})?$")
# A line of at least this many words whose gaps differ by at most this many points is justified prose.
JUSTIFIED_MIN_WORDS, JUSTIFIED_SPREAD = 5, 0.6
# Words whose centres differ by less than this share of their height are on one line.
LINE_TOL = 0.5
# A word box this many times the lower quartile of its line's heights holds more than the word
# (ascender to descender is at most twice the height of 'an').
TALL_BOX = 2.0
# A line starts a new row when its gap to the line above exceeds the smallest gap by this factor,
# or lies above the largest jump by this ratio between line gaps (see wrap_limit).
ROW_GAP_FACTOR, ROW_CLUSTER_RATIO = 1.2, 1.15
# A jump of more than this ratio is a blank line between groups of one-line rows (a scanner's OCR
# layer of a budget list: lines 9 pt apart, groups 17-18 pt), not a cell's padding.
ROW_CLUSTER_MAX = 1.6
# A line spacing inside a cell is at most this many line heights of OCR boxes (ink, no leading).
OCR_LEADING = 1.65
# A column gap must be free in this share of the multi-segment lines of a table.
GAP_FREE_SHARE = 0.97
MIN_GAP_WIDTH = 1.5  # points
MIN_COLS, MIN_LINES = 3, 3
# Line spacing at most this many times the text height (a row gap adds the cell padding).
LEADING = 1.25
# Two runs of lines are one table when this share of their column gaps lie within SAME_GAP points.
SAME_COLUMNS_SHARE, SAME_GAP = 0.6, 8.0
SPLIT_MIN_LINES = 5
# A line gap within this share of MIN_LINES gaps above table lines is a row gap, never a break.
SAME_SPACING = 0.05
HEADING_GAP = 1.5  # a heading between two tables stands this many typical line gaps below the line above
# A heading has at most this many segments: its text, or a section number and its text (a
# monospaced OCR line 'B. | Akuntabilitas Keuangan': the period's bearing widens the space after it).
HEADING_SEGMENTS = 2
# A line narrower than this share of the page's widest line is a title when it starts a block: a
# centred title that OCR splits into segments at its wide spaces (L11 scan: 'KOMISI | PEMILIHAN
# UMUM KOTA | SURABAYA', 231 of 798 pt) spans no table's columns.
TITLE_WIDTH = 0.5
# The text an empty cell under a shaded box reads (a schedule drawn as filled cells).
FILLED_MARK = "\u25a0"
# Rows at the top of a table that may hold its header (labels, a second header row, numbers).
HEADER_ROWS = 3
# A table ends before a line whose gap above is this many times the row spacing (a heading, a paragraph).
BREAK_FACTOR = 2.2
# A shaded box is at least this wide (fills.CELL_MIN_INCH): an edge of one inside a column that
# leaves this much on either side is the edge of a column the header words ran together.
FILL_CELL_MIN = 10.0  # points
# A ruled header box gives its columns to the body below it when at most this share of the
# body's words straddles one of the box's column rules.
HEADER_BOX_CROSSING = 0.05


@dataclass
class _Line:
    top: float
    bottom: float
    segments: list[list[Word]]
    mid: float  # the median centre of its words: line spacing is measured between these
    heights: list[float]  # of its words' boxes that hold only the word (see _line)
    padded: bool = False  # a group row padded above like a heading (see _rejoin): it starts a row
    tall: float = math.inf  # a word box higher than this holds more than the word (see _line)


def _char_width(w: Word) -> float:
    return (w.x1 - w.x0) / max(1, len(w.text))


def _justified(words: list[Word], mono: float | None = None) -> bool:
    """A line of justified prose: its stretched spaces are all the same width (a table row's
    gaps differ: a space inside a cell, the padding between cells; in a monospaced line of
    character width `mono` by more than a rounding error)."""
    gaps = [b.x0 - a.x1 for a, b in zip(words, words[1:])]
    spread = MONO_TOL * mono if mono else JUSTIFIED_SPREAD
    return (len(words) >= JUSTIFIED_MIN_WORDS and max(gaps) - min(gaps) <= spread
            and sum(len(w.text) for w in words) >= 3 * len(words))


def _mono_width(words: list[Word]) -> float | None:
    """The character width of the monospaced words of a line (see MONO_MIN_WORDS; a check mark
    or a bold label in another font may stand among them), or None."""
    for w in words:
        width = _char_width(w)
        same = [v for v in words if _same_width(_char_width(v), width)]
        if len({len(v.text) for v in same}) >= MONO_MIN_WORDS:
            return width
    return None


def _same_width(a: float, b: float) -> bool:
    return abs(a - b) <= MONO_SPREAD * max(a, b)


def _space_limit(a: Word, b: Word) -> float:
    """The widest gap between neighbours `a` and `b` that may still be a space (see SEGMENT_GAP)."""
    return max(SEGMENT_GAP_MIN, SEGMENT_GAP * (b.bottom - b.top), CHAR_GAP * min(_char_width(a), _char_width(b)))


def _space_ratio(lines: list[list[Word]]) -> float | None:
    """The page's typical space: the median gap per text height between neighbour words that
    _space_limit allows (the cell padding it also allows is rarer than spaces)."""
    ratios = sorted((b.x0 - a.x1) / (b.bottom - b.top) for ln in lines for a, b in zip(ln, ln[1:])
                    if b.bottom > b.top and 0 < b.x0 - a.x1 <= _space_limit(a, b))
    return ratios[len(ratios) // 2] if ratios else None


def _segments(words: list[Word], space: float | None = None) -> list[list[Word]]:
    """Words of one line (left to right) joined where the gap is a space: wider than SEGMENT_GAP x
    height, or a monospaced space (CHAR_GAP x the mean character width), splits, and so does one
    SPACE_FACTOR times the page's typical space per height `space`; in a monospaced line every gap
    but one character wide splits."""
    mono = _mono_width(words)
    if _justified(words, mono):
        return [words]
    out: list[list[Word]] = []
    for w in words:
        limit = _space_limit(out[-1][-1], w) if out else 0.0
        if space is not None:
            limit = min(limit, max(SEGMENT_GAP_MIN, SPACE_FACTOR * space * (w.bottom - w.top)))
        gap = w.x0 - out[-1][-1].x1 if out else math.inf
        monospaced = mono is not None and out and all(_same_width(_char_width(v), mono) for v in (w, out[-1][-1]))
        if gap <= limit and (not monospaced or abs(gap - mono) <= MONO_TOL * mono) or _lost_dot(out, w, gap):
            out[-1].append(w)
        else:
            out.append([w])
    return out


def _lost_dot(segments: list[list[Word]], w: Word, gap: float) -> bool:
    """`w` is the next digit group of an amount whose thousands dot OCR did not read (DIGIT_GROUP_GAP)."""
    return (bool(segments) and _GROUP_HEAD.match(segments[-1][-1].text) is not None
            and _GROUP.match(w.text) is not None and gap <= DIGIT_GROUP_GAP * _char_width(w))


def words_to_lines(words: list[Word]) -> list[_Line]:
    """Words grouped into lines by their vertical centres (an OCR box may reach far above the
    ink: a skewed or noisy word's box is twice its line's height, its centre stays on the line)."""
    heights = sorted(w.bottom - w.top for w in words)
    tall = TALL_BOX * heights[len(heights) // 2] if heights else math.inf
    lines: list[list[Word]] = []
    # a lone bracket or bar taller than two lines is a drawn mark (a brace, a stamp's edge), no text
    marks = [w for w in words if len(w.text) == 1 and not w.text.isalnum() and w.bottom - w.top > tall]
    for w in sorted((w for w in words if w not in marks), key=lambda w: (_centre(w), w.x0)):
        first = lines[-1][0] if lines else None
        if first and abs(_centre(w) - _centre(first)) <= LINE_TOL * min(w.bottom - w.top, first.bottom - first.top):
            lines[-1].append(w)
        else:
            lines.append([w])
    lines = [sorted(ln, key=lambda w: w.x0) for ln in lines]
    space = _space_ratio(lines)
    return [_line(ln, _segments(ln, space), tall) for ln in lines]


def _line(words: list[Word], segments: list[list[Word]], tall: float = math.inf) -> _Line:
    """A line's box: the extent of its words, leaving out boxes over TALL_BOX times the lower
    quartile of its heights (OCR may give a word the box of its whole skewed line, or of the
    speckle around it: 12 pt over 5 pt ink on a hard 200-dpi scan). A box over `tall` (TALL_BOX
    times the page's median height) is tall too, alone in its line or not."""
    heights = sorted(w.bottom - w.top for w in words)
    limit = TALL_BOX * heights[len(heights) // 4]
    kept = [w for w in words if w.bottom - w.top <= limit]
    centres = sorted(_centre(w) for w in words)
    return _Line(min(w.top for w in kept), max(w.bottom for w in kept), segments, centres[len(centres) // 2],
                 [w.bottom - w.top for w in kept], tall=min(limit, tall))


def _centre(w: Word) -> float:
    return (w.top + w.bottom) / 2


def _blocks(lines: list[_Line]) -> list[list[_Line]]:
    """Runs of lines that may be one table: split where the gap is much wider than the row spacing."""
    gaps = [b.mid - a.mid for a, b in zip(lines, lines[1:])]
    positive = sorted(g for g in gaps if g > 1)
    if not positive:
        return [lines] if lines else []
    typical = positive[len(positive) // 2]
    widest = max(_width(ln) for ln in lines)
    row_gaps = [g for g, ln in zip(gaps, lines[1:]) if len(ln.segments) > 1]
    blocks = [[lines[0]]]
    for gap, line in zip(gaps, lines[1:]):
        # a title above the table (an OCR'd bold title splits into segments) has no line of a
        # table's columns: the header a heading's gap below it starts the table
        title = all(len(ln.segments) < MIN_COLS or _width(ln) < TITLE_WIDTH * widest for ln in blocks[-1]) \
            and gap > HEADING_GAP * typical
        if (gap > BREAK_FACTOR * typical and len(line.segments) == 1 and not _row_spacing(gap, row_gaps)) or title:
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return [part for block in _rejoin(blocks) for part in _split_tables(block)]


def _row_spacing(gap: float, row_gaps: list[float]) -> bool:
    """`gap` is a spacing the table's own rows show: at least MIN_LINES gaps above lines of several
    segments lie within SAME_SPACING of it (the padded rows under group rows of the L08 scan stand
    2.27-2.40 typical gaps apart, around BREAK_FACTOR: one lost OCR line moved one over it)."""
    return sum(1 for g in row_gaps if abs(g - gap) <= SAME_SPACING * gap) >= MIN_LINES


def _width(line: _Line) -> float:
    return line.segments[-1][-1].x1 - line.segments[0][0].x0


def _rejoin(blocks: list[list[_Line]]) -> list[list[_Line]]:
    """Blocks of one table split at its group rows joined again: a table block, one-segment lines
    (group rows, padded above like a heading), then a table block with the same column gaps."""
    out: list[list[_Line]] = []
    between: list[_Line] = []  # one-segment lines after the last table block
    for block in blocks:
        if _is_table(block):
            if out and _is_table(out[-1]) and _fits_columns(block, _separators(out[-1])):
                for part in ([between] if between else []) + [block]:
                    part[0] = replace(part[0], padded=True)
                out[-1] = out[-1] + between + block
            else:
                out += [between] if between else []
                out.append(block)
            between = []
        elif out and _is_table(out[-1]) and all(len(ln.segments) == 1 for ln in block):
            between += block
        else:
            out += [between, block] if between else [block]
            between = []
    return out + ([between] if between else [])


def _fits_columns(part: list[_Line], seps: list[float]) -> bool:
    """The column gaps `seps` of the table above stay white in the lines of `part` (at most
    HEADER_BOX_CROSSING of its words straddle one): its rows continue that table. Its own gaps
    would not tell, a few rows that leave columns empty show fewer gaps and stray ones."""
    words = [w for ln in part for seg in ln.segments for w in seg]
    crossing = sum(1 for w in words if any(w.x0 < x < w.x1 for x in seps))
    return bool(seps) and crossing <= HEADER_BOX_CROSSING * len(words)


def _is_table(block: list[_Line]) -> bool:
    return sum(len(ln.segments) > 1 for ln in block) >= MIN_LINES


def _split_tables(block: list[_Line]) -> list[list[_Line]]:
    """Two tables under each other with a heading between: split at a heading (see
    HEADING_SEGMENTS) where the column gaps above and below it disagree."""
    gaps = sorted(b.mid - a.mid for a, b in zip(block, block[1:]))
    typical = gaps[len(gaps) // 2] if gaps else 0.0
    for i in range(1, len(block) - 1):
        if len(block[i].segments) > HEADING_SEGMENTS or block[i].mid - block[i - 1].mid <= HEADING_GAP * typical:
            continue
        if min(sum(len(ln.segments) > 1 for ln in part) for part in (block[:i], block[i + 1:])) < SPLIT_MIN_LINES:
            continue  # a header alone above its group rows is no table of its own
        above, below = _separators(block[:i]), _separators(block[i + 1:])
        if above and below and not _same_columns(above, below) and not _fits_columns(block[i + 1:], above):
            return [block[:i]] + _split_tables(block[i:])
    return [block]


def _same_columns(a: list[float], b: list[float]) -> bool:
    shared = sum(1 for x in a if any(abs(x - y) <= SAME_GAP for y in b))
    return shared >= SAME_COLUMNS_SHARE * max(len(a), len(b))


def _separators(lines: list[_Line]) -> list[float]:
    """x positions of the column gaps: white in (nearly) all multi-segment lines. A rare short
    value inside a wide white run (a month mark in few rows) splits the run around itself."""
    multi = [ln for ln in lines if len(ln.segments) > 1]
    if len(multi) < MIN_LINES:
        return []
    words = [w for ln in multi for seg in ln.segments for w in seg]
    x0 = min(w.x0 for w in words)
    width = int(max(w.x1 for w in words) - x0) + 1
    covered = _coverage(multi, x0, width, lambda ln: [(seg[0].x0, seg[-1].x1) for seg in ln.segments])
    inked = _coverage(multi, x0, width, lambda ln: [(w.x0, w.x1) for seg in ln.segments for w in seg])
    limit = max(1.0, (1 - GAP_FREE_SHARE) * len(multi))  # one line may cross: a group label over its columns
    # A line that crosses only through a space between its words counts half: OCR glues two cells a
    # space apart (L08 scan: 'publikasi Layanan' and 'Prasarana Tata' across the gap 322..324, two
    # of 46 lines); the aligned spaces of a monospaced column in many lines still cover the gap
    covered = [(n + ink) / 2 for n, ink in zip(covered, inked)]
    runs, start = [], None
    for x, n in enumerate(covered + [len(multi) + 1]):
        if n <= limit and start is None:
            start = x
        elif n > limit and start is not None:
            runs.append((x0 + start, x0 + x, start == 0, x >= width))
            start = None
    seps = []
    spans = [(seg[0].x0, seg[-1].x1) for ln in lines for seg in ln.segments]
    # A white run at the left or right edge is margin, unless a header label stands in it (the
    # label column of group rows, which fill no other line): then it ends at that label.
    for a, b, left_edge, right_edge in runs:
        inside = sorted((w.x0, w.x1) for w in words if w.x0 >= a and w.x1 <= b)
        edge, cuts = a, []
        for wa, wb in inside:
            if wa - edge >= MIN_GAP_WIDTH:
                cuts.append((edge, wa))
            edge = max(edge, wb)
        if b - edge >= MIN_GAP_WIDTH:
            cuts.append((edge, b))
        if left_edge and cuts:  # the margin before the label goes (none when the label is the leftmost text)
            cuts = [c for c in cuts if c[0] > a] if inside else []
        if right_edge and cuts:
            cuts = [c for c in cuts if c[1] < b] if inside else []
        seps += [least_crossed(lo, hi, spans) for lo, hi in cuts]
    return _drop_crossed(lines, seps)


def _drop_crossed(lines: list[_Line], seps: list[float]) -> list[float]:
    """Drop a column gap that more one-segment lines cross than lines of several segments show
    (a segment ends before it and another starts after it in one line): a word space that one or
    two wrapped label lines happen to share, under the one-line labels of the same column (L08
    scan: 'Pendaftaran dan | Verifikasi' under 'Penyelenggaraan Pemilu'). A crossing line that
    also crosses a gap MIN_LINES lines show spans the table (a group row) and does not count."""
    shown = {x: sum(1 for ln in lines if len(ln.segments) > 1 and any(sg[-1].x1 <= x for sg in ln.segments)
                    and any(sg[0].x0 >= x for sg in ln.segments)) for x in seps}
    firm = [x for x in seps if shown[x] >= MIN_LINES]
    single = [(ln.segments[0][0].x0, ln.segments[0][-1].x1) for ln in lines if len(ln.segments) == 1]
    single = [(a, b) for a, b in single if not any(a < x < b for x in firm)]
    return [x for x in seps if shown[x] >= MIN_LINES or sum(1 for a, b in single if a < x < b) <= shown[x]]


def _coverage(lines: list[_Line], x0: float, width: int, spans) -> list[int]:
    """How many of `lines` cover each point x0 + i, i < width, with one of the x-ranges `spans(line)`."""
    covered = [0] * width
    for ln in lines:
        hit = [False] * width
        for a, b in spans(ln):
            for x in range(max(0, math.ceil(a - x0)), min(width, math.floor(b - x0))):
                hit[x] = True
        covered = [n + h for n, h in zip(covered, hit)]
    return covered


def least_crossed(lo: float, hi: float, spans: list[tuple[float, float]]) -> float:
    """Where in the white run lo..hi to cut: the middle of its widest stretch that the fewest
    `spans` (x0, x1) cross. A header label wider than its column's values (centred 'Perkiraan
    Kebutuhan' over right-aligned amounts) reaches into the run: the cut passes beside it."""
    marks = sorted({lo, hi} | {x for span in spans for x in span if lo < x < hi})
    best = None
    for p, q in zip(marks, marks[1:]):
        mid = (p + q) / 2
        key = (sum(1 for a, b in spans if a < mid < b), p - q)
        if best is None or key < best[0]:
            best = (key, mid)
    return best[1] if best else (lo + hi) / 2


def _join_complements(rows: list[list[_Line]], seps: list[float], fills: list[tuple] = ()) -> list[float]:
    """Join a column of header lines only to the neighbour it never shares a line with: a centred
    header label over right-aligned amounts leaves white between them, but they are one column.
    The sparsest column goes first, into the nearer of its complementary neighbours."""
    # A column is a header's when below the first HEADER_ROWS rows no line starts or stands in
    # it, one-segment lines (group rows of a label column) included, and no shaded box (a planned
    # month) fills it; sharing is judged per line of several segments (titles and spanning rows
    # cross columns).
    below = [ln for row in rows[HEADER_ROWS:] for ln in row]
    shaded = [(x0 + x1) / 2 for x0, top, x1, bottom in fills
              if below and below[0].top <= (top + bottom) / 2 <= below[-1].bottom]
    lines = [ln for row in rows for ln in row if len(ln.segments) > 1]
    while True:
        occupied = [{c for seg in ln.segments for c in _seg_cols(seps, seg)} for ln in lines]
        used_below = {c for ln in below for seg in ln.segments for c in _seg_cols(seps, seg)}
        used_below |= {_col(seps, x) for x in shaded}
        counts = [sum(c in occ for occ in occupied) for c in range(len(seps) + 1)]
        if 0 in counts[1:] or (counts and counts[0] == 0 and seps):  # an empty column: drop a gap
            empty = counts.index(0)
            seps = [s for j, s in enumerate(seps) if j != max(0, empty - 1)]
            continue
        extent = [[math.inf, -math.inf] for _ in counts]
        for ln in lines:
            for seg in ln.segments:
                for c in _seg_cols(seps, seg):
                    e = extent[c]
                    e[0], e[1] = min(e[0], seg[0].x0), max(e[1], seg[-1].x1)
        best = None
        for c in sorted(range(len(counts)), key=lambda c: counts[c]):
            options = [(extent[c][0] - extent[n][1] if n < c else extent[n][0] - extent[c][1], n)
                       for n in (c - 1, c + 1) if 0 <= n < len(counts) and counts[n]
                       and not any(c in occ and n in occ for occ in occupied)]
            header_only = c not in used_below
            if counts[c] and options and header_only:
                best = (c, min(options)[1])
                break
        if best is None:
            return seps
        seps = [s for j, s in enumerate(seps) if j != min(best)]


def _join_units(lines: list[_Line], seps: list[float]) -> list[float]:
    """Drop a column gap that fewer than MIN_LINES lines make, each between two words a space apart:
    a number and its unit ('4 kali' of an OCR'd Courier table; '1 Satker' in two rows of the L34
    scan) whose column no other line uses, beside the column of the other lines' values ('90%')."""
    line_words = [[w for seg in ln.segments for w in seg] for ln in lines if len(ln.segments) > 1]
    space = _space_ratio(line_words)
    if space is None:
        return seps
    # the text height of all the lines, not of one OCR box: at 200 dpi a box is one pixel (0.36 pt)
    # higher or lower, which moved the L34 scan's '1 Satker' (3.24 pt apart) over the limit
    heights = sorted(w.bottom - w.top for ws in line_words for w in ws)
    limit = SPACE_FACTOR * space * heights[len(heights) // 2]
    kept = []
    for j, sep in enumerate(seps):
        lo = kept[-1] if kept else -math.inf
        hi = seps[j + 1] if j + 1 < len(seps) else math.inf
        pairs = [(max((w for w in ws if lo < w.x0 and w.x1 < sep), key=lambda w: w.x1, default=None),
                  min((w for w in ws if sep < w.x0 and w.x1 < hi), key=lambda w: w.x0, default=None))
                 for ws in line_words]
        left, right = [p for p in pairs if p[0]], [p for p in pairs if p[1]]
        few = min((side for side in (left, right) if side), key=len, default=[])
        if few and len(few) < MIN_LINES and all(a and b and b.x0 - a.x1 <= limit for a, b in few):
            continue
        kept.append(sep)
    return kept


def _seg_cols(seps: list[float], seg: list[Word]) -> set[int]:
    """Columns a segment occupies: its words' columns, or only its first when it crosses a gap."""
    c0, c1 = _col(seps, seg[0].x0), _col(seps, seg[-1].x1)
    return {c0} if c1 > c0 else {_col(seps, (w.x0 + w.x1) / 2) for w in seg}


def _col(seps: list[float], x: float) -> int:
    return sum(1 for s in seps if s < x)


def words_to_tables(words: list[Word], page: int, fills: list[tuple] = ()) -> list[RawTable]:
    """Borderless tables among `words` (one page, PDF points); an empty cell under one of the
    filled boxes `fills` (x0, top, x1, bottom) reads FILLED_MARK (a schedule drawn as shaded cells)."""
    return [table for table, _ in words_to_tables_and_gaps(words, page, fills)]


def words_to_tables_and_gaps(words: list[Word], page: int, fills: list[tuple] = ()
                             ) -> list[tuple[RawTable, list[float]]]:
    """Borderless tables among `words`, each with the x positions of its column gaps."""
    tables: list[tuple[RawTable, list[float]]] = []
    for block in _blocks(words_to_lines(words)):
        multi = [i for i, ln in enumerate(block) if len(ln.segments) > 1]
        if len(multi) < MIN_LINES:
            continue
        first, last = multi[0], multi[-1]
        # a header label's first line may stand alone just above the rest of the header, and the
        # last row's longest cell wraps on below its other cells
        while first > 0 and _wrapped(block[first - 1], block[first]):
            first -= 1
        while last + 1 < len(block) and _wrapped(block[last], block[last + 1]):
            last += 1
        block = block[first:last + 1]
        rows = _rows(block)
        seps = _join_units(block, _join_complements(rows, _separators(block), fills))
        seps = _fill_edges(seps, [f for f in fills if block[0].top <= (f[1] + f[3]) / 2 <= block[-1].bottom],
                           [w for ln in block for seg in ln.segments for w in seg])
        if len(seps) + 1 < MIN_COLS:
            continue
        table = _rows_to_table(rows, seps, page, len(tables))
        if fills:
            _mark_fills(table, seps, fills)
        tables.append((table, seps))
    return tables


def _fill_edges(seps: list[float], fills: list[tuple], words: list[Word]) -> list[float]:
    """The column gaps `seps` with the edges of the shaded boxes `fills` (x0, top, x1, bottom) that
    lie inside a column, FILL_CELL_MIN or more from both its sides, with a box or one of `words`
    on either side: two month labels OCR read as one word ('CBSO' for B8 B9 on the L54 scan) leave
    no white between their columns, and a last month's label beside a wide header ('B12' |
    'Perkiraan Kebutuhan') none between it and the amounts; the shaded cells still part them."""
    boxes = [(f[0], f[2]) for f in fills] + [(w.x0, w.x1) for w in words]
    out = sorted(seps)
    for x in sorted({round(v, 1) for f in fills for v in (f[0], f[2])}):
        left = max((s for s in out if s < x), default=None)
        right = min((s for s in out if s > x), default=None)
        if left is None or right is None or min(x - left, right - x) < FILL_CELL_MIN:
            continue
        if all(any(min(b, hi) - max(a, lo) >= 1.0 for a, b in boxes) for lo, hi in ((left, x), (x, right))):
            out = sorted(out + [x])
    return out


def header_box_columns(box: RawTable, words: list[Word]) -> list[float] | None:
    """The column rules of a ruled header box (x positions inside it) when they fit the borderless
    body `words` below it, else None (a small ruled box over some other table)."""
    xs = sorted({round(c.bbox[0], 1) for c in box.cells if c.bbox is not None})
    seps = xs[1:]
    if len(seps) + 1 < MIN_COLS or not words:
        return None
    crossing = sum(1 for w in words if any(w.x0 < s < w.x1 for s in seps))
    return seps if crossing <= HEADER_BOX_CROSSING * len(words) else None


def words_under_header(box: RawTable, words: list[Word], seps: list[float], fills: list[tuple] = ()) -> RawTable:
    """A ruled header box over a borderless body as one table: the box's rows, then the body's
    words cut into the box's columns `seps` (grid.header_box_grid does the same on scans)."""
    body = _rows_to_table(_rows(words_to_lines(words)), seps, box.page, box.index)
    if fills:
        _mark_fills(body, seps, fills)
    n_cols, n_head = len(seps) + 1, box.n_rows
    rows = [list(r) + [""] * (n_cols - len(r)) for r in box.rows] + body.rows
    cells = list(box.cells) + [replace(c, row=c.row + n_head) for c in body.cells]
    (a0, a1, a2, a3), (b0, b1, b2, b3) = box.bbox, body.bbox
    return RawTable(page=box.page, index=box.index, rows=rows, cells=cells,
                    bbox=(min(a0, b0), min(a1, b1), max(a2, b2), max(a3, b3)), strategy="header box")


def _wrapped(above: _Line, below: _Line) -> bool:
    """`below` is the next line of a cell that wraps `above`: one line spacing under it."""
    return below.mid - above.mid <= LEADING * (above.bottom - above.top)


def _mark_fills(table: RawTable, seps: list[float], fills: list[tuple]) -> None:
    """Shaded empty cells of rows that also hold text read FILLED_MARK (a header row, all shaded, is left)."""
    tops = {c.row: c.bbox[1] for c in table.cells}
    bottoms: dict[int, float] = {}
    for c in table.cells:
        bottoms[c.row] = max(bottoms.get(c.row, 0.0), c.bbox[3])
    rows = sorted(tops)
    for x0, top, x1, bottom in fills:
        cy = (top + bottom) / 2
        r = next((r for i, r in enumerate(rows) if tops[r] - 3 <= cy and (i + 1 == len(rows) or cy < tops[rows[i + 1]])
                  and cy <= max(bottoms[r], bottom) + 3), None)
        c = _col(seps, (x0 + x1) / 2)
        if r is None or table.rows[r][c] != "":
            continue
        table.rows[r][c] = FILLED_MARK
        table.cells.append(Cell(text=FILLED_MARK, row=r, col=c, bbox=(x0, top, x1, bottom)))


def _rows(lines: list[_Line]) -> list[list[_Line]]:
    """Lines grouped into table rows: a line starts a row when its gap to the line above is
    wider than the line spacing inside a cell."""
    heights = sorted(h for ln in lines for h in ln.heights)
    height = heights[len(heights) // 2]
    gaps = sorted(g for a, b in zip(lines, lines[1:]) if (g := b.mid - a.mid) > 0.9 * height and not b.padded)
    # The line spacing inside a cell; where no cell wraps the smallest gap is already a row's.
    limit = min(gaps[0] if gaps else 0.0, LEADING * height) * ROW_GAP_FACTOR
    line_heights = sorted(ln.bottom - ln.top for ln in lines)
    limit = max(limit, wrap_limit(gaps, line_heights[len(line_heights) // 2]))
    rows: list[list[_Line]] = []
    for line in lines:
        if not rows or line.padded or line.mid - rows[-1][-1].mid > limit:
            rows.append([])
        rows[-1].append(line)
    return rows


def wrap_limit(gaps: list[float], line_height: float) -> float:
    """The widest line gap (top to top, ascending `gaps`) inside a cell, read from the gaps
    themselves: below the largest jump of ROW_CLUSTER_RATIO or more between neighbouring gaps,
    when the gaps below it are a line spacing (at most OCR_LEADING line heights) and the jump is
    no blank line (ROW_CLUSTER_MAX). OCR boxes hug the ink, so a line spacing is 1.5 ink line
    heights (L36 scan: 7.7-8.6 pt inside a cell, rows 10.3-13 pt apart, lines 5.5 pt high); 0 when
    no such jump is found."""
    small = [g for g in gaps if g <= line_height]
    gaps = [g for g in gaps if g > line_height]  # not the lines of a header label's cell
    jumps = [(b / a, i) for i, (a, b) in enumerate(zip(gaps, gaps[1:]))]
    if not jumps or (small and gaps[0] >= ROW_CLUSTER_RATIO * small[-1]):
        # lines closer than their (noise-swollen) OCR boxes are high, a jump below the rest:
        # those are the lines inside a cell, and the rest are rows (L08 scan: 8.5 | 10.6 .. 12.2)
        return 0.0
    ratio, i = max(jumps)
    if not ROW_CLUSTER_RATIO <= ratio <= ROW_CLUSTER_MAX or gaps[i] > OCR_LEADING * line_height:
        return 0.0
    return (gaps[i] + gaps[i + 1]) / 2


def _word_rows(w: Word, line: _Line) -> tuple[float, float]:
    """The top and bottom of word `w` of `line`; a box that holds more than its word (a shaded
    block OCR read as '—m—', 113 pt over 7 pt text on the L54 scan) is cut to a word's height
    around its centre: the grid's rows are cut between its cells' boxes."""
    if w.bottom - w.top <= line.tall:
        return w.top, w.bottom
    half = line.tall / TALL_BOX / 2
    return _centre(w) - half, _centre(w) + half


def _rows_to_table(line_rows: list[list[_Line]], seps: list[float], page: int, index: int) -> RawTable:
    n_cols = len(seps) + 1
    lines = [ln for row in line_rows for ln in row]
    dense: list[list[str | None]] = []
    cells: list[Cell] = []
    for r, row_lines in enumerate(line_rows):
        by_col: dict[int, list[list[Word]]] = {}
        last_line: dict[int, int] = {}
        span: dict[int, int] = {}
        line_of = {id(w): ln for ln in row_lines for seg in ln.segments for w in seg}
        for li, line in enumerate(row_lines):
            for seg in line.segments:
                c0, c1 = _col(seps, seg[0].x0), _col(seps, seg[-1].x1)
                cols = [c0] * len(seg) if c1 > c0 else [_col(seps, (w.x0 + w.x1) / 2) for w in seg]
                if c1 > c0:
                    span[c0] = max(span.get(c0, 1), c1 - c0 + 1)
                for w, c in zip(seg, cols):
                    parts = by_col.setdefault(c, [])
                    if last_line.get(c) != li:
                        parts.append([])
                        last_line[c] = li
                    parts[-1].append(w)
        # A label across columns that hold their own words in this row (a group label over month
        # numbers in one header row) spans nothing: the columns keep their own labels.
        span = {c: n for c, n in span.items() if not any(k in by_col for k in range(c + 1, c + n))}
        texts: list[str | None] = [""] * n_cols
        for c, parts in sorted(by_col.items()):
            words = [w for p in parts for w in p]
            texts[c] = "\n".join(" ".join(w.text for w in p) for p in parts)
            for covered in range(c + 1, c + span.get(c, 1)):
                if covered not in by_col:
                    texts[covered] = None
            ys = [_word_rows(w, line_of[id(w)]) for w in words]
            bbox = (min(w.x0 for w in words), min(y[0] for y in ys), max(w.x1 for w in words), max(y[1] for y in ys))
            cells.append(Cell(text=texts[c], row=r, col=c, col_span=span.get(c, 1),
                              bold=sum(w.bold for w in words) * 2 > len(words), bbox=bbox))
        dense.append(texts)
    bbox = (min(s[0].x0 for ln in lines for s in ln.segments), lines[0].top,
            max(s[-1].x1 for ln in lines for s in ln.segments), lines[-1].bottom)
    return RawTable(page=page, index=index, rows=dense, cells=cells, bbox=bbox, strategy="words")
