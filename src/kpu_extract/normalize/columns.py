"""Header cells -> column roles (sasaran, indikator, target, kegiatan, B1..B12, pagu, ...).

KPU tables print one- or two-line headers: a group cell such as 'Pelaksanaan Kegiatan Bulanan'
spans the month columns B1..B12 (or 'Triwulan' spans I..IV) above them, and a row of column
numbers '(1) (2) (3) ...' often follows. OCR garbles the month labels ('10' for 'B10'), so months
and quarters are assigned by position under their group cell, and by label only without one.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from ..extract.model import RawTable
from .lexicon import indonesian_lexicon
from .values import UnparsedValue, month_from_header, parse_percent, parse_rupiah, quarter_from_header, in_quarter

ROLES_CSV = Path(__file__).resolve().parent / "vocabulary" / "column_roles.csv"


def _role_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """Header synonyms of every role (vocabulary/column_roles.csv); first match wins, so the order
    matters ('TARGET KEGIATAN/AKSI' before 'KEGIATAN', the schedule group 'Pelaksanaan Kegiatan
    Bulanan' before 'PELAKSANAAN', 'Program/Kegiatan/Output' before 'KEGIATAN')."""
    with open(ROLES_CSV, encoding="utf-8") as fh:
        return tuple((r["role"], re.compile(r["pattern"])) for r in csv.DictReader(fh))


ROLE_PATTERNS = _role_patterns()
UNITS_CSV = ROLES_CSV.with_name("amount_units.csv")


def _unit_patterns() -> tuple[tuple[re.Pattern, int], ...]:
    """Header words that print amounts in units of many Rupiah (vocabulary/amount_units.csv)."""
    with open(UNITS_CSV, encoding="utf-8") as fh:
        return tuple((re.compile(r["pattern"]), int(r["factor"])) for r in csv.DictReader(fh))


UNIT_PATTERNS = _unit_patterns()
_PATTERNS = {role: [p for r, p in ROLE_PATTERNS if r == role] for role, _ in ROLE_PATTERNS}


def _says(role: str, text: str) -> bool:
    """Whether a text matches any header synonym of `role`."""
    return any(p.search(text) for p in _PATTERNS.get(role, ()))
HEADER_MAX_WORDS = 6
# A DIPA code at the start of a cell: program 076.01.CQ, kegiatan CQ.6709, output CQ.6709.QGE, suboutput .001.
DIPA_CODE = r"\d{3}\.\d{2}\.[A-Z]{2}|[A-Z]{2}\.\d{4}(?:\.[A-Z]{3}(?:\.\d{3})?)?"
# A regional (Permendagri) code: urusan, bidang, program[, kegiatan...] as groups of one or two
# digits, dotted ('1.02.01', '1.02.01.2.01', sub kegiatan '1.02.01.2.01.0001') or spaced ('1 29 01',
# '1 01 01 02', '2 03 44 01 60 01'); at least three groups and a two-digit bidang, so an item or
# section number ('1.', '3.1.2') or an amount ('1.250.000': groups of three) is none.
REGIONAL_CODE = r"\d{1,2}\.\d{2}(?:\.\d{1,2}){1,5}(?:\.\d{4})?|\d{1,2}(?: \d{2}){2,5}"
CODE = re.compile(rf"^\s*({DIPA_CODE}|{REGIONAL_CODE})(?=\s|$)")
# An amount as printed in a money column: '1.250.000', 'Rp. 1.250.000,00', '1.250.000,-', '1,250,000.00'
# (and as OCR reads the last: '1.250.000,' with its dash lost).
AMOUNT = re.compile(r"^(?:Rp\.?\s*)?\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*(?:[.,]00|[.,]-?)?$", re.I)
PERCENT_CELL = re.compile(r"^\d{1,3}[.,]\d{1,2}\s*%?$")  # a percent as a realisation table prints it: '80,85'
# A column whose filled data cells are at least this share amounts (codes) is a money (kode) column.
CONTENT_SHARE = 0.6
CONTENT_MIN_CELLS = 2
QUARTER_SHARE = 0.5  # a quarter column by its cells: this share names months of the quarter
# An unnamed money column is the realisasi when the table's percent column is 100 x it / pagu (within
# RATIO_TOL points: two printed decimals and their rounding) in RATIO_SHARE of at least RATIO_MIN_ROWS rows.
RATIO_TOL, RATIO_SHARE, RATIO_MIN_ROWS = 0.051, 0.6, 2
# A target as a cell prints it: a number with a percent sign or a short unit ('4 kali', '1 Satker').
TARGET_VALUE = re.compile(r"^\d{1,4}(?:[.,]\d+)?\s*(?:%|[^\W\d_]+(?:\s[^\W\d_]+)?)?$")
# A row number ('1', '12.', '3)'), and the label roles one header may span over a No column.
ROW_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,2})*[.)]?$")  # 1, 2., 3), and outline numbers 1.1.2.1 (never 1.000)
NAME_ROLES = ("uraian", "program_kegiatan", "kegiatan")
# Roles one column holds when several are labelled so (under year labels); the money ones hold amounts.
YEAR_ROLES, MONEY_ROLES = ("pagu", "realisasi", "target"), ("pagu", "realisasi")
# A header label that names only the currency ('Rp' under a plan year's 'Target | Rp'): a header
# cell, whose column's role comes from its amounts (a realisation table's 'K | Rp' holds no pagu).
_CURRENCY = re.compile(r"^\(?rp\.?\)?$")
# A year label under a group label ('Target Kinerja' over 'Tahun 2020 | Tahun 2021 ...').
# ('Rencana Tahun 2016' and 'Prakiraan Maju Rencana Tahun 2017' over Permendagri 54's Tabel III-3)
_YEAR_LABEL = re.compile(r"^(?:rencana\s+|prakiraan\s+maju\s+(?:rencana\s+)?)?tahun\s+(19|20)\d\d$")
_TOTAL_LABEL = re.compile(r"^(total|jumlah)$")
_PARENTHESISED = re.compile(r"\([^()]*\)")
_YEAR = re.compile(r"(?<!\d)(20[0-4]\d)(?!\d)")
# A borderless table read from words may start with the title lines above its header.
HEADER_SEARCH_ROWS = 4
_WORDLIKE = re.compile(r"\w")
_FORMULA = re.compile(r"\s*=\s*\(?[\d\s+\-*/x]+\)?$")
_COLUMN_NUMBER = re.compile(r"^\(?([0-9]{1,2}|[ivx]{1,4}|[a-e])\)?\.?$", re.I)
_PAREN_NUMBER = re.compile(r"^\(([0-9]{1,2})\)$")
SCRAP_MAX_LEN = 4  # what OCR leaves of a '(1)' or '(11)': 'a)', '4}', 'dl)', '(d1)'


@dataclass(frozen=True)
class ColumnMap:
    """Role of every column of a table, and how many rows at its top are header."""

    roles: tuple[str | None, ...]
    months: dict[int, int]  # column -> month 1..12
    quarters: dict[int, int]  # column -> quarter 1..4
    header_rows: int
    # A borderless column whose label names the pagu and the pelaksana ('Pagu Pelaksana': the word
    # columns ran together): column -> index of the extra pelaksana slot its cells are split into.
    shared: dict[int, int] = field(default_factory=dict)
    by_content: bool = False  # roles read from the columns' content: the table has no header
    # A money column printed in units of many Rupiah ('(juta rupiah)'): column -> (factor, its label).
    scales: dict[int, tuple[int, str]] = field(default_factory=dict)
    # Further indikator | target column pairs of each row, after the first (Permendagri 54 Tabel 3.1:
    # Tolok Ukur | Target under Hasil Program, Keluaran Kegiatan and Hasil Kegiatan).
    target_pairs: tuple[tuple[int, int], ...] = ()

    @property
    def n_cols(self) -> int:
        """Columns of the table itself (roles also name the slots `shared` adds)."""
        return len(self.roles) - len(self.shared)

    def col(self, role: str) -> int | None:
        """First column with this role, or None."""
        return self.roles.index(role) if role in self.roles else None

    @property
    def signature(self) -> tuple:
        """What two parts of one table split over pages have in common."""
        return (self.roles, tuple(sorted(self.months.items())), tuple(sorted(self.quarters.items())))


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("\n", " ")).strip().lower()


def header_role(text: str | None) -> str | None:
    """Role of one header cell's text, or None; a header OCR damaged ('ANGGRAN', 'INDlKATOR') is
    matched again with its words repaired to the nearest header keyword."""
    t = _norm(text)
    if not t:
        return None
    # A label wrapped inside a word ('PROGRAM/KEGIATAN/OUT' + 'PUT') is also tried joined up.
    joined = _norm((text or "").replace("\n", ""))
    texts = tuple(dict.fromkeys((t, joined)))
    repaired = tuple(r for r in dict.fromkeys(map(_repaired, texts)) if r not in texts)
    for candidates in (texts, repaired):
        for role, pattern in ROLE_PATTERNS:
            if any(pattern.search(c) for c in candidates):
                return role
    return None


# Keywords of the role patterns ('anggaran', 'indikator', 'sasaran'...), to which an OCR-damaged
# header word is repaired when it is within FUZZY_MIN_RATIO of one (rapidfuzz ratio, 0-100) and is
# no word of the Indonesian lexicon itself ('anggota' never becomes 'anggaran'). Short words are
# left alone: 'pagu', 'ket', 'no' are one letter from too many others.
_KEYWORDS = sorted({w for _, p in ROLE_PATTERNS for w in re.findall(r"[a-z]{5,}", p.pattern)})
FUZZY_MIN_LEN = 5
FUZZY_MIN_RATIO = 80
_HEADER_WORD = re.compile(r"[a-z0-9]+")


def _repaired(text: str) -> str:
    return _HEADER_WORD.sub(lambda m: _repaired_word(m.group(0)), text)


@lru_cache(maxsize=8192)
def _repaired_word(word: str) -> str:
    if len(word) < FUZZY_MIN_LEN or word in _KEYWORDS or word.isdigit() or word in indonesian_lexicon():
        return word
    hit = process.extractOne(word, _KEYWORDS, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_RATIO)
    return hit[0] if hit else word


def is_column_number_row(row: list[str | None]) -> bool:
    """'(1) (2) (3) ...', 'I II III IV' or '1 2 3 4': a row that numbers the columns, not data
    (Permendagri 54 tables also print how a column is computed: '8 = (7/6)', '10 = (5+7+9)')."""
    cells = [_FORMULA.sub("", _norm(c)) for c in row if _norm(c)]
    texts = [t for c in cells for t in c.split()]  # '(17) (18)': two columns read as one
    return len(texts) >= 3 and all(_COLUMN_NUMBER.match(t) for t in texts) or _garbled_column_numbers(texts)


def _garbled_column_numbers(texts: list[str]) -> bool:
    """OCR misread some numbers of a column-number row ('a) (2) (3) ta', '(1) (2) (3) 4}', 'ta) (3) ta
    (5) (6) t7) (8)'): at least two '(n)' rising in order, at least half the row, consecutive where
    only two were read, the other cells short scraps."""
    numbers = [int(m.group(1)) for t in texts if (m := _PAREN_NUMBER.match(t))]
    scraps = [t for t in texts if not _PAREN_NUMBER.match(t)]
    if len(numbers) < 2 or len(numbers) < len(scraps) or any(len(t) > SCRAP_MAX_LEN for t in scraps):
        return False
    return all(b > a for a, b in zip(numbers, numbers[1:])) and (len(numbers) > 2 or numbers[1] == numbers[0] + 1)


# A month label as OCR may garble it: 'B' and one to three more characters ('BS', 'BIZ', 'Bil').
_GARBLED_MONTH = re.compile(r"B\S{1,3}")


def _covering(table: RawTable, r: int, c: int) -> tuple[str, int, int] | None:
    """Text, first and last column of the cell covering slot (r, c)."""
    for cell in table.cells:
        if cell.row <= r < cell.row + cell.row_span and cell.col <= c < cell.col + cell.col_span:
            return cell.text, cell.col, cell.col + cell.col_span - 1
    text = table.rows[r][c] if c < len(table.rows[r]) else None
    return (text, c, c) if text is not None else None


def _is_header_row(row: list[str | None]) -> bool:
    texts = [_norm(c) for c in row if _WORDLIKE.search(_norm(c))]  # not the '■' of filled rule boxes
    if not texts:
        return False
    # Header cells are short labels; long cells are data even when they contain 'kegiatan'.
    known = sum(1 for t in texts if _label_words(t) <= HEADER_MAX_WORDS
                and (header_role(t) or month_from_header(t) or quarter_from_header(t) or _CURRENCY.match(t)
                     or _YEAR_LABEL.match(t)))
    return known >= max(1, -(-len(texts) * 3 // 5))


def _group_labels_above(table: RawTable, first: int) -> bool:
    """Rows above a ruled table's header row that only hold short labels (a group label over some
    columns, the rule boxes) belong to its header; a row with an amount or a long text does not."""
    for row in table.rows[:first]:
        for c in row:
            t = _norm(c)
            if AMOUNT.match(t) or _label_words(t) > HEADER_MAX_WORDS:
                return False
    return True


def _label_words(text: str) -> int:
    """Words of a header label, its parenthesised qualifiers aside ('Indikator Kinerja Program
    (Outcome) dan Kegiatan (Output)', 'Kebutuhan Dana/Pagu Indikatif (juta rupiah)')."""
    return len(_PARENTHESISED.sub(" ", text).split())


def _months_between(table: RawTable, n_header: int, roles: list[str | None], months: dict[int, int]) -> None:
    """Month labels OCR garbled past reading ('BS' for B3 or B5, 'BIZ' for B12) take their month
    from their place: between two read months as many columns apart as their months, or right
    after the last read month of a run. A column two labels were read into ('CBSO' for B8 B9)
    sits between months further apart than their columns and is left, unless the label spans
    as many columns as its months (the shaded boxes under it split it: word_table._fill_edges)."""
    for c, role in enumerate(roles):
        label, c0, c1 = _covering(table, n_header - 1, c) or ("", c, c)
        garbled = c1 > c0 or _GARBLED_MONTH.fullmatch((label or "").strip())
        if c in months or role not in (None, "schedule_month") or not garbled:
            continue
        left = max((a for a in months if a < c), default=None)
        right = min((b for b in months if b > c), default=None)
        if left is not None and right is not None and right - left == months[right] - months[left]:
            month = months[left] + c - left
        elif left == c - 1 and right is None and months[left] < 12:
            month = months[left] + 1
        else:
            continue
        if month not in months.values():
            months[c], roles[c] = month, "month"


def table_to_columns(table: RawTable, year: int | None = None) -> ColumnMap | None:
    """Find the header rows of a table and give each column a role; None when no header is found.
    `year` is the document's: of columns sharing a role under year labels, it picks the one read."""
    first = next((r for r in range(min(HEADER_SEARCH_ROWS, table.n_rows)) if _is_header_row(table.rows[r])), None)
    numbered = next((r for r in range(1, min(HEADER_SEARCH_ROWS, table.n_rows)) if is_column_number_row(table.rows[r])), None)
    if first is None and numbered is not None and table.strategy != "words" and any(
            header_role(c) for row in table.rows[:numbered] for c in row):
        first = 0  # long labels (Permendagri 54 evaluation tables) above the column-number row
    if first is None or (first > 0 and table.strategy != "words" and not _group_labels_above(table, first)
                         and not (numbered is not None and numbered > first)):
        return None
    n_header = first
    while n_header < min(first + 3, table.n_rows) and _is_header_row(table.rows[n_header]):
        n_header += 1
    if numbered is not None and n_header < numbered and not any(AMOUNT.match(_norm(c)) for row in
                                                                table.rows[n_header:numbered] for c in row):
        n_header = numbered
    if table.strategy != "words":
        first = 0  # a ruled table's top rows are all header (a group label such as 'TARGET KINERJA SASARAN')
    roles: list[str | None] = []
    months: dict[int, int] = {}
    quarters: dict[int, int] = {}
    numbers = {r for r in range(first, n_header) if is_column_number_row(table.rows[r])}
    for c in range(table.n_cols):
        covers = [cov for r in range(first, n_header) if (cov := _covering(table, r, c))]
        # a label broken over header rows ('TARGET' / 'KEGIATAN', 'ANGGARAN' / '(Rp)') is read whole
        # first, without the column's number ('PROGRAM DAN KEGIATAN' over '2')
        own = list(dict.fromkeys(text for r in range(first, n_header) if r not in numbers
                                 and (cov := _covering(table, r, c)) and cov[1] == cov[2] and _norm(text := cov[0])))
        joined = header_role(" ".join(own)) if own else None
        role = (joined if joined not in ("schedule_month", "schedule_quarter") else None) or next(
            (rl for text, _, _ in covers if (rl := header_role(text))), None)
        group = next(((rl, c0, c1) for text, c0, c1 in covers
                      if c1 > c0 and (rl := header_role(text)) in ("schedule_month", "schedule_quarter")), None)
        label = covers[-1][0] if covers else None
        if group and group[0] == "schedule_month":
            month = c - group[1] + 1 if group[2] - group[1] == 11 else month_from_header(label)
            if month:
                months[c], role = month, "month"
        elif group and group[0] == "schedule_quarter":
            quarter = c - group[1] + 1 if group[2] - group[1] == 3 else quarter_from_header(label)
            if quarter:
                quarters[c], role = quarter, "quarter"
        elif role == "target" and any(c1 > c0 for _, c0, c1 in covers) and (
                quarter_from_header(label) or not _WORDLIKE.search(_norm(label))):
            # 'TARGET KINERJA' over Trw I..IV: the year's target is the last quarter's
            role = "target" if quarter_from_header(label) == 4 else None
        elif role is None and month_from_header(label):
            months[c], role = month_from_header(label), "month"
        elif role in ("schedule_month", "schedule_quarter") and label and "\n" in label.strip():
            # one header row read from words: the group label above this column's own label
            last = label.strip().splitlines()[-1]
            if role == "schedule_month" and month_from_header(last):
                months[c], role = month_from_header(last), "month"
            elif role == "schedule_quarter" and quarter_from_header(last):
                quarters[c], role = quarter_from_header(last), "quarter"
        roles.append(role)
    # A quarter group label that spans nothing, or fewer columns than its quarters (read from
    # words: 'Triwulan' centred over I..IV crosses only the gap between II and III).
    if "schedule_quarter" in roles or quarters:
        for c, role in enumerate(roles):
            label = (_covering(table, n_header - 1, c) or ("",))[0]
            if role is None and quarter_from_header((label or "").strip().splitlines()[-1] if label else ""):
                quarters[c], roles[c] = quarter_from_header(label.strip().splitlines()[-1]), "quarter"
    if months:
        _months_between(table, n_header, roles, months)
    _quarters_by_content(table, n_header, roles, quarters)
    _roles_from_content(table, n_header, roles, money=not realisation_only(table))
    _one_column_per_role(table, first, n_header, roles, year)
    _target_by_content(table, n_header, roles)
    _row_numbers_by_content(table, n_header, roles)
    _realisation_by_ratio(table, n_header, roles)
    # The column-number row ends the header, also when OCR garbled a header row above it ('|', 'im').
    numbered = [r for r in range(n_header, min(n_header + 2, table.n_rows)) if is_column_number_row(table.rows[r])]
    if numbered:
        n_header = numbered[0] + 1
    shared = {}
    pagu = roles.index("pagu") if "pagu" in roles else None
    named = any(r in roles for r in ("kegiatan", "uraian", "program_kegiatan"))  # else no line has a name
    if pagu is not None and "pelaksana" not in roles and table.strategy == "words" and named:
        covers = [_covering(table, r, pagu) for r in range(first, n_header)]
        label = " ".join(_norm(cov[0]) for cov in covers if cov)
        if _says("pelaksana", label):  # 'Perkiraan Kebutuhan Penanggung Jawab / Anggaran (Rp)'
            shared[pagu] = len(roles)
            roles.append("pelaksana")
    scales = {c: scale for c, role in enumerate(roles[:table.n_cols]) if role in MONEY_ROLES
              and (scale := _unit_scale(" ".join(text for r in range(first, n_header) if r not in numbers
                                                  and (cov := _covering(table, r, c)) and (text := cov[0]))))}
    return ColumnMap(tuple(roles), months, quarters, n_header, shared, scales=scales,
                     target_pairs=_target_pairs(table, n_header, roles))


def _target_pairs(table: RawTable, n_header: int, roles: list[str | None]) -> tuple[tuple[int, int], ...]:
    """(indikator, target) columns after the first pair: an indikator column whose right neighbour
    is labelled Target but lost the role to the first target column (one column per role)."""
    if "target" not in roles:
        return ()
    indikator = [c for c, r in enumerate(roles) if r == "indikator"][1:]
    last = next((r for r in range(n_header - 1, -1, -1) if not is_column_number_row(table.rows[r])), 0)
    return tuple((c, c + 1) for c in indikator if c + 1 < table.n_cols and roles[c + 1] is None
                 and header_role((_covering(table, last, c + 1) or ("",))[0]) == "target")


def _unit_scale(label: str) -> tuple[int, str] | None:
    """(factor, label) when a money column's header says its amounts are thousands or millions of
    Rupiah ('Kebutuhan Dana/Pagu Indikatif (juta rupiah)', 'Pagu Indikatif (Ribuan)'), else None."""
    text = _norm(label)
    return next(((factor, " ".join(label.split())) for pattern, factor in UNIT_PATTERNS if pattern.search(text)), None)


def content_role(cells: list[str]) -> str | None:
    """'pagu' for a column of amounts, 'kode' for a column of DIPA codes, else None."""
    return next((role for role, pattern in (("pagu", AMOUNT), ("kode", CODE)) if _holds(cells, pattern)), None)


def _holds(cells: list[str], pattern: re.Pattern) -> bool:
    """Whether at least CONTENT_SHARE of a column's filled cells (CONTENT_MIN_CELLS or more) match."""
    filled = [" ".join(c.split()) for c in cells if c and c.strip()]
    matching = sum(1 for c in filled if pattern.match(c))
    return len(filled) >= CONTENT_MIN_CELLS and matching >= CONTENT_SHARE * len(filled)


def _column(table: RawTable, c: int, start: int) -> list[str]:
    return [(row[c] or "") if c < len(row) else "" for row in table.rows[start:]]


def _column_readings(table: RawTable, c: int, start: int) -> list[str]:
    """`_column`, where a scan's cell is no amount as the first engine read it but is as the second
    engine read it, the second reading (a hard scan's '87 429.000.' read '87.429.000.-')."""
    second = {(cell.row, cell.col): cell.second for cell in table.cells if cell.col == c and cell.second}
    texts = _column(table, c, start)
    return [t if AMOUNT.match(" ".join(t.split())) or not AMOUNT.match(second.get((r, c), "")) else second[(r, c)]
            for r, t in enumerate(texts, start)]


def _roles_from_content(table: RawTable, start: int, roles: list[str | None], money: bool = True) -> None:
    """Columns whose header is missing or garbled get a role from what they hold (money, kode);
    no money role in a table of realisations (`money` False)."""
    for c, role in enumerate(roles):
        if role is None and (found := content_role(_column_readings(table, c, start))) and found not in roles and (
                money or found != "pagu"):
            roles[c] = found


def _one_column_per_role(table: RawTable, first: int, n_header: int, roles: list[str | None],
                         year: int | None) -> None:
    """Where several columns share a role (a Renstra's Target and Rp under each plan year, an LKIP's
    'Realisasi 2024' of the indicator beside 'Realisasi Anggaran 2025'), one keeps it: a money role
    goes to a column holding amounts, the one labelled Total or Jumlah among them; under year
    labels, to the column of the year nearest the document's (the later of two as near: a plan's
    first year). The others are left unread."""
    years = [_header_year(table, first, n_header, c) for c in range(len(roles))]
    if table.strategy == "words":  # a year label centred over its Target | Rp lands in one of them
        years = [y if y is not None else _neighbour_year(years, roles, c) for c, y in enumerate(years)]
    dated = year is not None and sum(y is not None for y in years) >= 2
    for role in YEAR_ROLES:
        labelled = [c for c, r in enumerate(roles) if r == role]
        cols = labelled
        if role in MONEY_ROLES:
            money = [c for c in labelled if content_role(_column(table, c, n_header)) == "pagu"]
            if dated and role == "pagu":  # the amount columns under the other years' labels ('Rp')
                money += [c for c, r in enumerate(roles) if r is None and years[c] is not None
                          and content_role(_column(table, c, n_header)) == "pagu"]
            cols = sorted(money) or labelled
        if not cols or len(set(cols) | set(labelled)) < 2:
            continue
        # under one group label ('Pagu Indikatif' over APBD Provinsi | APBN | ... | Total), the total
        keep = next((c for c in cols if _TOTAL_LABEL.match(_norm((_covering(table, n_header - 1, c) or ("",))[0]))),
                    cols[0])
        if dated and any(years[c] is not None for c in cols):
            keep = min((c for c in cols if years[c] is not None), key=lambda c: (abs(years[c] - year), -years[c]))
        for c in set(cols) | set(labelled):
            roles[c] = role if c == keep else None


def _target_by_content(table: RawTable, start: int, roles: list[str | None]) -> None:
    """A second 'indikator' column that holds target values ('100%', '4 kali', '1 Satker') is the
    target where no column is named so: OCR lost the 'TARGET' of a hard scan's 'TARGET / INDIKATOR'."""
    if any(r in roles for r in ("target", "target_indikator")) or roles.count("indikator") < 2:
        return
    for c in [c for c, r in enumerate(roles) if r == "indikator"][1:]:
        if _holds(_column(table, c, start), TARGET_VALUE):
            roles[c] = "target_indikator"
            return


def _quarters_by_content(table: RawTable, start: int, roles: list[str | None], quarters: dict[int, int]) -> None:
    """A column whose quarter label OCR garbled ('Tris | ulan' over '1 | nu | m | Iv') but whose
    cells name months of one quarter ('B7-B9', 'B9', '87-89') is that quarter's: in QUARTER_SHARE of
    its filled cells (OCR garbles the rest: 'BIBS', 'B7.B9')."""
    for c, role in enumerate(roles):
        if role not in (None, "schedule_quarter") or c in quarters:
            continue
        cells = [cell for cell in _column(table, c, start) if cell and cell.strip()]
        counts = {q: sum(in_quarter(cell, q) for cell in cells) for q in range(1, 5) if q not in quarters.values()}
        best = max(counts, key=counts.get, default=None)
        if best is not None and counts[best] >= max(CONTENT_MIN_CELLS, QUARTER_SHARE * len(cells)):
            quarters[c], roles[c] = best, "quarter"


def _row_numbers_by_content(table: RawTable, start: int, roles: list[str | None]) -> None:
    """A column of row numbers under a name label that spans it and the names ('PROGRAM /
    KEGIATAN' over No | Kegiatan) is the No column: the line is named by the next one."""
    if "no" in roles:
        return
    for c, role in enumerate(roles):
        if role in NAME_ROLES and roles.count(role) > 1 and _holds(_column(table, c, start), ROW_NUMBER):
            roles[c] = "no"
            return


def _neighbour_year(years: list[int | None], roles: list[str | None], c: int) -> int | None:
    """The year of the one dated column beside column c that holds another of YEAR_ROLES."""
    if roles[c] not in YEAR_ROLES:
        return None
    found = {years[n] for n in (c - 1, c + 1) if 0 <= n < len(years) and years[n] is not None
             and roles[n] in YEAR_ROLES and roles[n] != roles[c]}
    return found.pop() if len(found) == 1 else None


def _header_year(table: RawTable, first: int, n_header: int, c: int) -> int | None:
    """The year a column's header names ('Anggaran 2025', 'Tahun 2026' over 'Target' and 'Rp'): that
    of the narrowest header cell over it naming one year; None where none does."""
    covers = sorted((cov for r in range(first, n_header) if (cov := _covering(table, r, c))),
                    key=lambda cov: cov[2] - cov[1])
    for text, _, _ in covers:
        found = set(_YEAR.findall(text or ""))
        if len(found) == 1:
            return int(found.pop())
    return None


def _realisation_by_ratio(table: RawTable, start: int, roles: list[str | None]) -> None:
    """A money column whose header OCR lost ('Alokasi | Realisasi | Persentase' over 148-pt cells
    of a hard scan) is the realisasi when the percent column beside it says so, row by row. Where
    the percent column's header is lost too, an unlabelled column of percents that agrees is it."""
    if "pagu" not in roles or "realisasi" in roles:
        return
    pagu = [_parsed(parse_rupiah, t, ocr=True) for t in _column_readings(table, roles.index("pagu"), start)]
    persen_cols = [roles.index("persen")] if "persen" in roles else [
        c for c, role in enumerate(roles) if role is None and _holds(_column(table, c, start), PERCENT_CELL)]
    percents = {q_col: [_parsed(parse_percent, t) for t in _column(table, q_col, start)] for q_col in persen_cols}
    for c, role in enumerate(roles):
        readings = _column_readings(table, c, start)
        if role is not None or content_role(readings) != "pagu":
            continue
        for q_col, persen in percents.items():
            rows = [(p, r, q) for p, r, q in zip(pagu, (_parsed(parse_rupiah, t, ocr=True) for t in readings), persen)
                    if p and r is not None and q is not None]
            agree = sum(1 for p, r, q in rows if abs(100 * r / p - q) <= RATIO_TOL)
            if len(rows) >= RATIO_MIN_ROWS and agree >= RATIO_SHARE * len(rows):
                roles[c], roles[q_col] = "realisasi", "persen"
                return


def _parsed(parse, text: str, **kwargs) -> float | None:
    """`parse(text)`, None where the text is no value."""
    try:
        return parse(text, **kwargs)
    except UnparsedValue:
        return None


def realisation_only(table: RawTable) -> bool:
    """A table whose top rows name realisations and no budget ('Realisasi Kinerja Pada Triwulan',
    'K | Rp'): its amounts are spent money, never a pagu (realisasi triwulan Dinkes: 78 such rows)."""
    top = [_norm(cell) for row in table.rows[:HEADER_SEARCH_ROWS] for cell in row if _norm(cell)]
    return any(_says("realisasi", t) for t in top) and not any(_says("pagu", t) for t in top)


def content_to_columns(table: RawTable) -> ColumnMap | None:
    """Roles of a table without a recognised header, from its columns' content: read when it
    holds a money column (the longest texts are its uraian), else None."""
    start = 0
    while start < table.n_rows and is_column_number_row(table.rows[start]):
        start += 1
    roles: list[str | None] = [None] * table.n_cols
    _roles_from_content(table, start, roles)
    if "pagu" not in roles or realisation_only(table):
        return None
    lengths = {c: sum(len(t) for t in _column(table, c, start)) for c in range(table.n_cols) if roles[c] is None}
    if lengths:
        roles[max(lengths, key=lengths.get)] = "uraian"
    return ColumnMap(tuple(roles), {}, {}, start, by_content=True)
