"""Typed values from KPU cell and sentence text: Rupiah, percent, targets, schedule months.

Pure functions. Money is exact integer Rupiah; anything that does not parse cleanly raises
`UnparsedValue` (carrying the raw text and a reason) so the caller can send it to review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["UnparsedValue", "parse_rupiah", "parse_scaled", "parse_percent", "Target", "parse_target",
           "cell_to_months", "month_from_header", "quarter_from_header"]

_NULLS = {"", "-", "--", "—", "–", "-,-"}
_PREFIX = re.compile(r"^Rp\s*[.,:]?\s*", re.IGNORECASE)
# OCR loses or garbles the 'p' of 'Rp' ('R 13.718.210.000', 'Ro. 1.000'); only before a digit.
_OCR_PREFIX = re.compile(r"^R[pPo]?\s*[.,:]?\s*(?=\d)|^Rp\s*[.,:]?\s*", re.IGNORECASE)
_DASH_SUFFIX = re.compile(r"\s*[.,]\s*-+$")
# ',-' whose thin dash a scan lost ('64.000,', '12.428.000.'): every group is there, nothing is cut.
_DANGLING = re.compile(r"(?<=\d[.,]\d{3})[.,]$")
_DECIMAL = re.compile(r"(.+?)([.,])(0{1,2})")
# A space OCR put between the decimal comma and its zero tail ('Rp. 464.000, 00', L31 scan).
_SPACED_TAIL = re.compile(r"(?<=\d[.,]\d{3})([.,])\s+(?=0{1,2}$)")
# OCR may lose the decimal separator of a zero tail ('1,568,000 00' of a hard scan): with one
# thousands separator in the amount, a space and two zeros after its last group are that tail.
_LOST_DECIMAL = re.compile(r"(\d[.,]\s?\d{3})\s+(00)$")
_GROUPED = re.compile(r"[1-9]\d{0,2}(?:([.,])\d{3})(?:\1\d{3})*")
_PLAIN = re.compile(r"0|[1-9]\d*")
_OCR_ANYWHERE = str.maketrans("OoDSBGZ", "0005862")
_OCR_INNER = str.maketrans("lI|", "111")


class UnparsedValue(ValueError):
    """A value whose text does not parse cleanly; `.raw` is the text, `.reason` says why."""

    def __init__(self, raw: object, reason: str):
        super().__init__(f"{reason}: {raw!r}")
        self.raw = raw
        self.reason = reason


def _clean(raw: str) -> str:
    return " ".join(str(raw).replace("\u00a0", " ").split())


# ---------------------------------------------------------------- money

# An amount a narrow cell wrapped after a thousands separator ('4.916.757.' / '744'): one amount.
_WRAPPED_GROUP = re.compile(r"(\d[.,])[ \t]*\n\s*(?=\d{3}(?!\d))")


def parse_rupiah(raw: str | None, *, ocr: bool = False) -> int | None:
    """'Rp. 2.953.803.000,-' -> 2953803000; '-', '' and None -> None; malformed text raises."""
    if raw is None:
        return None
    s = _clean(_WRAPPED_GROUP.sub(r"\1", str(raw)))
    if s in _NULLS:
        return None
    if ocr:
        s = _pick_amount_part(s, raw)
    return _rupiah(s, raw, ocr)


def _rupiah(s: str, raw: object, ocr: bool) -> int | None:
    s, prefixed = (_OCR_PREFIX if ocr else _PREFIX).subn("", s)
    if s.strip() in _NULLS - {""} or not (s.strip() or prefixed):
        return None
    s = s.strip()
    s = _DASH_SUFFIX.sub("", s)
    if ocr:
        s = _DANGLING.sub("", s)
    if ocr:
        s = _lost_decimal(_SPACED_TAIL.sub(r"\1", _ocr_digits(s, raw)))
    m = _DECIMAL.fullmatch(s)
    if m:
        s = _integer_part(m.group(1), m.group(2), raw)
    if ocr:
        s = _ocr_spaces(s, raw)
    if _PLAIN.fullmatch(s) or _GROUPED.fullmatch(s):
        return int(re.sub(r"[.,]", "", s))
    raise UnparsedValue(raw, "malformed amount")


# A scaled amount ('1.900,00' in a column printed in juta rupiah): Indonesian separators, the
# decimals after a comma; or '1,900.50' with both separators, the last one decimal.
_SCALED = (re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?"), re.compile(r"(\d{1,3}(?:,\d{3})+)\.(\d+)"))


def parse_scaled(raw: str | None, factor: int, *, ocr: bool = False) -> int | None:
    """An amount printed in units of `factor` Rupiah ('1.900,00' juta -> 1900000000), exact: a
    value with more decimals than the unit holds, or whose separators are ambiguous, raises."""
    if raw is None:
        return None
    s = _DASH_SUFFIX.sub("", (_OCR_PREFIX if ocr else _PREFIX).sub("", _clean(raw)))
    if s in _NULLS:
        return None
    if ocr:
        s = _ocr_digits(s, raw).replace(" ", "")
    for pattern in _SCALED:
        m = pattern.fullmatch(s)
        if m:
            whole, decimals = re.sub(r"[.,]", "", m.group(1)), m.group(2) or ""
            if pattern is _SCALED[0] and len(decimals) == 3 and "." not in m.group(1):
                raise UnparsedValue(raw, "ambiguous: a comma before three digits in a scaled amount")
            value = int(whole + decimals) * factor
            if value % 10 ** len(decimals):
                raise UnparsedValue(raw, f"more decimals than a unit of {factor} Rupiah holds")
            return value // 10 ** len(decimals)
    raise UnparsedValue(raw, "malformed amount")


def _lost_decimal(s: str) -> str:
    seps = set(re.findall(r"[.,]", s))
    if len(seps) != 1 or not _LOST_DECIMAL.search(s):
        return s
    decimal = "." if seps == {","} else ","
    return _LOST_DECIMAL.sub(rf"\1{decimal}\2", s)


def _integer_part(whole: str, sep: str, raw: object) -> str:
    """Validate the integer part before a zero decimal tail (',00'); a truncated group raises."""
    seps = set(re.findall(r"[.,]", whole))
    if sep in seps:
        raise UnparsedValue(raw, "decimal separator equals thousands separator")
    digits = whole.replace(" ", "")
    if not seps and digits != "0" and len(digits) <= 3:
        raise UnparsedValue(raw, "ambiguous: short number with decimal tail (truncated group?)")
    return whole


def _ocr_digits(s: str, raw: object) -> str:
    """Map OCR letter confusions to digits; l/I/| only inside the token; needs one real digit."""
    if not re.search(r"\d", s):
        raise UnparsedValue(raw, "no digit in amount")
    if len(s) > 2:
        s = s[0] + s[1:-1].translate(_OCR_INNER) + s[-1]
    return s.translate(_OCR_ANYWHERE)


def _ocr_spaces(s: str, raw: object) -> str:
    """A space next to or instead of a thousands separator, only when one separator kind is used."""
    s = re.sub(r"\s*([.,])\s*", r"\1", s)
    if " " not in s:
        return s
    seps = set(re.findall(r"[.,]", s))
    if len(seps) != 1:
        raise UnparsedValue(raw, "ambiguous space inside amount")
    parts = s.split()
    if all(_GROUPED.fullmatch(p) for p in parts):  # '1.000 250.000': two amounts, a missed column rule
        raise UnparsedValue(raw, "two amounts in one cell")
    return s.replace(" ", seps.pop())


def _pick_amount_part(s: str, raw: object) -> str:
    """Split glued text ('298.450.000|Subag') on column rules '|' and '/'; exactly one part may parse."""
    s = re.sub(r"(?<=\d)\|(?=\d)", "1", s)
    parts = [p.strip() for p in re.split(r"[|/]", s) if p.strip()]
    if len(parts) <= 1:
        return parts[0] if parts else ""
    found = []
    for p in parts:
        try:
            if _rupiah(p, raw, True) is not None:
                found.append(p)
        except UnparsedValue:
            pass
    if len(found) != 1:
        raise UnparsedValue(raw, "no single amount among glued parts")
    return found[0]


# ---------------------------------------------------------------- percent and targets

def _decimal(num: str, raw: object) -> float:
    """'97,5' / '99.52' / '100' -> float; a 3-digit fraction ('1.000') is ambiguous and raises."""
    m = re.fullmatch(r"(\d+)(?:[.,](\d+))?", num)
    if not m:
        raise UnparsedValue(raw, "not a number")
    whole, frac = m.groups()
    if frac and len(frac) == 3 and whole != "0":
        raise UnparsedValue(raw, "ambiguous: thousands group or decimal")
    return float(f"{whole}.{frac}" if frac else whole)


def parse_percent(raw: str | None) -> float | None:
    """'96,69%' -> 96.69, '99.52' -> 99.52, '-' -> None; anything else ('Yo', 'Y6') raises."""
    if raw is None:
        return None
    s = _clean(raw)
    if s in _NULLS:
        return None
    return _decimal(re.sub(r"\s*%$", "", s), raw)


@dataclass(frozen=True)
class Target:
    raw: str
    value: float | None
    unit: str | None
    grade: str | None


_GRADES = {"AA", "A", "BB", "B", "CC", "C", "D"}
_UNITS = {"lap": "laporan", "laporan": "laporan", "dok": "dokumen", "dokumen": "dokumen",
          "satker": "satker", "kali": "kali", "keg": "kegiatan", "kegiatan": "kegiatan",
          "org": "orang", "orang": "orang"}
_UNIT_WORD = r"[A-Za-z]+(?:-[A-Za-z]+)*\.?"  # 'Anggota TP-PKK', 'Sub-Kegiatan'
_QUANTITY = re.compile(rf"(\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d+(?:[.,]\d+)?)\.?\s*(%|{_UNIT_WORD}(?:\s+{_UNIT_WORD}){{0,2}})?"
                       r"(?:\s*\([^()]*\))?")  # a trailing note: '3,000 poin (tahun 2017)'
# Indonesian thousands groups in a target: '5.835 ijin' = 5835, '768.495' = 768495 (',' is the decimal).
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_COMMA_DECIMAL = re.compile(r"\d+,\d+")
# Both: '2.198,19' (km of road) = 2198.19.
_GROUPED_DECIMAL = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+")
# A lone mark before the number, apart from it: a scan's speck ('. 95%'), no decimal point.
_SPECK = re.compile(r"^[.,'`]\s+(?=\d)")
_MONEY_TARGET = re.compile(r"^Rp\.?\s*\d", re.I)


def parse_target(raw: str) -> Target:
    """'97,5%' -> 97.5 '%'; '12 Lap' -> 12 'laporan'; '5.835 ijin' -> 5835 'ijin'; 'BB' -> grade;
    not one quantity -> value/unit None."""
    s = _SPECK.sub("", _clean(raw or ""))
    if s in _GRADES:
        return Target(raw, None, "nilai", s)
    if _MONEY_TARGET.match(s):  # a pendapatan target: 'Rp. 2.641.640.000.000,-'
        try:
            return Target(raw, float(parse_rupiah(s)), "Rp", None)
        except (UnparsedValue, TypeError):
            return Target(raw, None, None, None)
    m = _QUANTITY.fullmatch(s)
    if not m or (m.group(2) and {"dan", "atau"} & set(m.group(2).lower().split())):
        return Target(raw, None, None, None)
    num = m.group(1)
    try:
        value = (float(num.replace(".", "")) if _THOUSANDS.fullmatch(num) else
                 float(num.replace(".", "").replace(",", ".")) if _GROUPED_DECIMAL.fullmatch(num) else
                 float(num.replace(",", ".")) if _COMMA_DECIMAL.fullmatch(num) else _decimal(num, raw))
    except UnparsedValue:
        return Target(raw, None, None, None)
    unit = (m.group(2) or "").lower().rstrip(".") or None
    return Target(raw, value, _UNITS.get(unit, unit) if unit else None, None)


# ---------------------------------------------------------------- schedules and headers

_B_DIGITS = str.maketrans("IiLl|Oo", "1111100")
_B_TOKEN = r"B\s*([0-9IlL|Oo]{1,2})(?:\s*(?:-|–|s\.?\s*/?\s*d\.?)\s*B?\s*([0-9IlL|Oo]{1,2}))?"
_WEEKS = r"[1-5lI](?:\s*-\s*[1-5lI])?"
# 'minggu ke 3' may come wrapped inside a narrow month cell: 'ming gu ke 3'.
_MARK_TOKEN = rf"(?:M\s*{_WEEKS}|m\s*i\s*n\s*g\s*g\s*u\s*(?:k\s*e\s*-?\s*)?{_WEEKS}|[vV√✓✔xX1■])"
_MARKS = re.compile(rf"{_MARK_TOKEN}(?:[\s,;]+{_MARK_TOKEN})*", re.IGNORECASE)


def _quarter_months(quarter: int) -> list[int]:
    if not 1 <= quarter <= 4:
        raise UnparsedValue(quarter, "quarter out of range")
    return [3 * quarter - 2, 3 * quarter - 1, 3 * quarter]


def _b_months(s: str, raw: object) -> list[int] | None:
    """Months of 'B1-B3', 'B10-B12 B5', 'BI-B3'; None when the cell is not made of B tokens."""
    if not re.fullmatch(rf"{_B_TOKEN}(?:[\s,;]+{_B_TOKEN})*", s, re.IGNORECASE):
        return None
    months: set[int] = set()
    for m in re.finditer(_B_TOKEN, s, re.IGNORECASE):
        lo = int(m.group(1).translate(_B_DIGITS))
        hi = int(m.group(2).translate(_B_DIGITS)) if m.group(2) else lo
        if not 1 <= lo <= hi <= 12:
            raise UnparsedValue(raw, "month range out of order or outside 1-12")
        months.update(range(lo, hi + 1))
    return sorted(months)


def in_quarter(raw: str | None, quarter: int) -> bool:
    """Whether an OCR'd cell names months of `quarter` with B tokens ('B7-B9', or '87-89' there)."""
    months, _ = _written_months(_clean(raw) if raw else "", raw, None, quarter, ocr=True)
    return bool(months) and set(months) <= set(_quarter_months(quarter))


# OCR reads a B as an 8 ('87-89' for B7-B9, '810-812') and a 5 after it as S ('BS'): such a cell is
# read as B tokens only where its months lie in its column's quarter or month (the place confirms it).
_OCR_EIGHT_B = re.compile(r"(?<![0-9])8(?=[0-9IlL|Oo])")
_OCR_S_FIVE = re.compile(r"(?<=B)[Ss](?![0-9])")


def _placed_b_months(s: str, raw: object, column_month: int | None, quarter: int | None) -> list[int] | None:
    repaired = _OCR_S_FIVE.sub("5", _OCR_EIGHT_B.sub("B", s))
    if repaired == s or (column_month is None and quarter is None):
        return None
    try:
        months = _b_months(repaired, raw)
    except UnparsedValue:
        return None
    place = {column_month} if column_month is not None else set(_quarter_months(quarter))
    return months if months and set(months) <= place else None


def _written_months(s: str, raw: object, column_month: int | None, quarter: int | None, ocr: bool
                    ) -> tuple[list[int] | None, UnparsedValue | None]:
    """The months a cell's B tokens name (with `ocr`, also as _placed_b_months reads them), and
    the error of a B-token cell that names none; (None, None) for a cell of no B tokens."""
    try:
        months, error = _b_months(s, raw), None
    except UnparsedValue as exc:
        months, error = None, exc
    if months is None and ocr:
        months = _placed_b_months(s, raw, column_month, quarter)
    return months, error


def cell_to_months(raw: str | None, *, column_month: int | None = None,
                   quarter: int | None = None, ocr: bool = False) -> list[int]:
    """Planned months of a schedule cell: 'B1-B3' as written; a mark ('M1-4', 'v') -> its column.

    With `ocr`, a week mark whose tail OCR garbled ('minggu @ 1-4', 'rninggu ke 1-4') still marks
    its column as planned: the word is legible even where the week numbers are not; so does a
    check mark read as '¥' or '€', or read twice ('Vv': a 'v' whose serifs OCR took for a second letter);
    and 'B' read as '8' where the months fall in the column's own quarter or month ('87-89' under III)."""
    s = _clean(raw) if raw is not None else ""
    if s in _NULLS:
        return []
    months, error = _written_months(s, raw, column_month, quarter, ocr)
    if months is not None:
        return months
    if error is not None:
        raise error
    garbled = ocr and (_OCR_WEEK_WORD.match(s) or s in _OCR_CHECKS or _OCR_TWICE.fullmatch(s))
    if not (_MARKS.fullmatch(s) or garbled):
        raise UnparsedValue(raw, "unrecognised schedule cell")
    if column_month is not None:
        if not 1 <= column_month <= 12:
            raise UnparsedValue(column_month, "column month outside 1-12")
        return [column_month]
    if quarter is not None:
        return _quarter_months(quarter)
    raise UnparsedValue(raw, "planned mark without column month or quarter")


# A lone check mark '√' that OCR read as the currency sign its strokes resemble (L18 scan).
_OCR_CHECKS = {"\u00a5", "\u20ac"}  # '¥', '€'
_OCR_TWICE = re.compile(r"[vV]{2}")  # a 'v' mark OCR read as 'Vv' (L48's second-set scan: every mark)
_OCR_WEEK_WORD = re.compile(r"^\W{0,2}(?:rn|m)\s*[il1|]\s*n\s*[gq]{1,2}\s*[uv]", re.I)

_MONTHS = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
           "september", "oktober", "november", "desember"]
_MONTH_ALIASES = {"peb": 2, "pebruari": 2, "agt": 8, "ags": 8, "sept": 9, "nop": 11, "nopember": 11,
                  "may": 5, "aug": 8, "oct": 10, "dec": 12}


def month_from_header(raw: str) -> int | None:
    """'B1'..'B12', '10', 'Jan', 'Januari', 'Des' -> 1..12; anything else ('(7)') -> None."""
    s = _clean(raw or "").rstrip(".")
    m = re.fullmatch(r"B\s*([0-9IlL|Oo]{1,2})|(\d{1,2})", s, re.IGNORECASE)
    if m:
        n = int((m.group(1) or m.group(2)).translate(_B_DIGITS))
        return n if 1 <= n <= 12 else None
    key = s.lower()
    for i, name in enumerate(_MONTHS, start=1):
        if key in (name, name[:3]):
            return i
    return _MONTH_ALIASES.get(key)


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


# OCR reads the strokes of a roman quarter label as other strokes ('Ir' for II and 'rir' for III
# on the L31 scan, 'l' or '|' for I): one to three such strokes, one of them an I-like one, or
# one before a V.
_ROMAN_STROKES = re.compile(r"(?=.*[Il|i])[Il|!ir]{1,3}")
_ROMAN_FOUR = re.compile(r"[Il|!i][Vv]")


def quarter_from_header(raw: str) -> int | None:
    """'I'..'IV', 'Triwulan I', 'TW I', 'Trw I', 'Q1' -> 1..4 (also as OCR garbles the strokes of a
    lone roman label: 'Ir', 'rir'); anything else -> None."""
    s = _clean(raw or "")
    if _ROMAN_STROKES.fullmatch(s):
        return len(s)
    if _ROMAN_FOUR.fullmatch(s):
        return 4
    s = s.upper()
    m = re.fullmatch(r"(?:(TRIWULAN|TRIW\.?|TRW\.?|TW\.?|Q|KUARTAL)\s*[-.]?\s*)?([IV]{1,3}|[1-4])", s)
    if not m or (m.group(2).isdigit() and not m.group(1)):
        return None
    return int(m.group(2)) if m.group(2).isdigit() else _ROMAN.get(m.group(2))
