"""values.py: table-driven cases from the seed documents plus property tests."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kpu_extract.normalize.values import (Target, UnparsedValue, cell_to_months,
                                          month_from_header, parse_percent, parse_rupiah, parse_scaled, parse_target,
                                          quarter_from_header)

# ---------------------------------------------------------------- parse_rupiah


@pytest.mark.parametrize("raw, expected", [
    ("234.549.000", 234549000),
    ("29.648.700.000", 29648700000),
    ("1,868,000", 1868000),
    ("2,031,713,000", 2031713000),
    ("Rp. 2.953.803.000", 2953803000),
    ("Rp 34.894.209.000", 34894209000),
    ("Rp.852.312.000,-", 852312000),
    ("Rp. 3.748.550.000,-", 3748550000),
    ("Rp 1.000", 1000),
    ("Rp 14.000,00", 14000),
    ("Rp 2.400.000,00", 2400000),
    ("Rp 1.500,00", 1500),
    ("1,500.00", 1500),
    ("1500,00", 1500),
    ("0,00", 0),
    ("0", 0),
    ("Rp. 0", 0),
    ("1000", 1000),
    ("10000", 10000),
    ("  Rp\u00a0 1.000  ", 1000),
    ("-", None), ("", None), (None, None), ("—", None), ("Rp -", None), ("   ", None),
])
def test_parse_rupiah(raw, expected):
    assert parse_rupiah(raw) == expected
    assert parse_rupiah(raw, ocr=True) == expected


@pytest.mark.parametrize("raw", [
    "114.408,000",          # mixed separators (seed lakip p.?)
    "21.189.361,000",       # mixed separators
    "1.000.00",             # decimal with the grouping separator
    "1.00", "100,00",       # short number + 2 digits: truncated group or decimals -> ambiguous
    "1.500,50",             # non-zero cents are not whole Rupiah
    "1.5000", "12.34.567", "1234.567", "01.000", "00",
    "Rp. 1.000,",           # dangling comma in a cell
    "-1.000", "(1.000)",
    "234.549 000",          # a space is only tolerated with ocr=True
    "298.450.000|Subag",    # glued text is only split with ocr=True
    "abc", "Rp", "Rp.", "N. 11.00.000", "1.O00",
    "Yo", "96,69%",
])
def test_parse_rupiah_rejects(raw):
    with pytest.raises(UnparsedValue) as exc:
        parse_rupiah(raw)
    assert exc.value.raw == raw and exc.value.reason
    assert isinstance(exc.value, ValueError)


@pytest.mark.parametrize("raw, expected", [
    ("234.549 000", 234549000),
    ("234. 549.000", 234549000),
    ("298.450.000|Subag", 298450000),
    ("298.450.000|", 298450000),
    ("298.450.000/", 298450000),
    ("Subag KUL|298.450.000", 298450000),
    ("Rp 1.O0O.OOO", 1000000),
    ("1.0o0.000", 1000000),
    ("3.7D8.000", 3708000),
    ("2.l00.000", 2100000),
    ("2.I00.000", 2100000),
    ("2|5.000", 215000),
    ("S.000", 5000),
    ("1.B00.000", 1800000),
    ("6G.000", 66000),
    ("Z.000", 2000),
    ("Rp 14.OOO,OO", 14000),
    ("64.000,", 64000), ("12 428.000,", 12428000), ("3.285.000.", 3285000),  # ',-' whose dash a scan lost
    ("Rp. 464.000, 00", 464000),  # a space between the decimal comma and its zero tail (L31 scan)
    ("1,568,000 00", 1568000), ("891, 000 oo", 891000),  # the tail's dot lost (L59 second-set scan)
])
def test_parse_rupiah_ocr(raw, expected):
    assert parse_rupiah(raw, ocr=True) == expected


@pytest.mark.parametrize("raw", [
    "l.000", "1.00l",             # l/I at the ends of the token
    "OOO", "SOB", "Subag",        # no real digit: a word, not an amount
    "1 000",                      # space with no separator to stand for
    "1.000 000,000",              # still mixed after the space
    "298.450.000|12",             # two amounts glued
    "1.000|2.000",
    "114.408,000",
    "1.0X0",
    "64000,", "0.634.000",        # a dangling separator needs complete groups; no zero-led group
    "12, 00",                     # a spaced zero tail needs a complete group before it
    "2.405,000 00", "568 00",     # a lost decimal needs one thousands separator and a group before it
])
def test_parse_rupiah_ocr_rejects(raw):
    with pytest.raises(UnparsedValue):
        parse_rupiah(raw, ocr=True)


# ---------------------------------------------------------------- properties

AMOUNTS = st.integers(min_value=0, max_value=10**13)


def _grouped(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@st.composite
def formatted(draw):
    n = draw(AMOUNTS)
    sep = draw(st.sampled_from([".", ","]))
    text = _grouped(n, sep) if n >= 1000 or draw(st.booleans()) else str(n)
    if n >= 1000 or n == 0:  # a zero-decimal tail is accepted only where it cannot be a truncated group
        text += draw(st.sampled_from(["", ",-", ",00" if sep == "." else ".00", ",0" if sep == "." else ".0"]))
    else:
        text += draw(st.sampled_from(["", ",-"]))
    prefix = draw(st.sampled_from(["", "Rp", "Rp.", "Rp ", "Rp. ", "RP "]))
    return n, prefix + text


@given(formatted())
def test_rupiah_round_trip(case):
    n, text = case
    assert parse_rupiah(text) == n
    assert parse_rupiah(text, ocr=True) == n


CONFUSIONS = {"0": "O", "1": "l", "5": "S", "8": "B"}


@given(AMOUNTS, st.sampled_from([".", ","]), st.data())
def test_rupiah_ocr_confusions_round_trip(n, sep, data):
    text = _grouped(n, sep)
    real = [i for i, c in enumerate(text) if c.isdigit()]
    keep = data.draw(st.sampled_from(real))  # at least one real digit stays
    chars = list(text)
    for i in real:
        if i == keep or chars[i] not in CONFUSIONS:
            continue
        if chars[i] == "1" and i in (0, len(text) - 1):
            continue  # l at the ends is not read as 1
        if data.draw(st.booleans()):
            chars[i] = CONFUSIONS[chars[i]]
    assert parse_rupiah("".join(chars), ocr=True) == n


@given(AMOUNTS, st.sampled_from([".", ","]), st.data())
def test_rupiah_single_digit_substitution_is_undetectable(n, sep, data):
    text = _grouped(n, sep)
    i = data.draw(st.sampled_from([i for i, c in enumerate(text) if c.isdigit()]))
    choices = [d for d in "0123456789" if d != text[i] and not (d == "0" and i == 0 and len(text) > 1)]
    assume(choices)
    changed = text[:i] + data.draw(st.sampled_from(choices)) + text[i + 1:]
    value = parse_rupiah(changed)  # never raises: the checks stage must catch it
    assert value is not None and value != n


@st.composite
def malformed(draw):
    n = draw(st.integers(min_value=1000, max_value=10**13))
    sep = draw(st.sampled_from([".", ","]))
    groups = _grouped(n, sep).split(sep)
    kind = draw(st.sampled_from(["short", "long", "first", "mixed"]))
    if kind == "mixed":
        other = "," if sep == "." else "."
        assume(len(groups) >= 3)  # both separator kinds present
        i = draw(st.integers(min_value=1, max_value=len(groups) - 1))
        return sep.join(groups[:i]) + other + sep.join(groups[i:])
    if kind == "first":
        first = groups[0] + "0" * (4 - len(groups[0]) + draw(st.integers(0, 2)))  # 4+ digits
        return sep.join([first] + groups[1:])
    i = draw(st.integers(min_value=1, max_value=len(groups) - 1))
    g = groups[i]
    groups[i] = g[: draw(st.integers(1, 2))] if kind == "short" else g + draw(st.sampled_from(["0", "7", "42"]))
    return sep.join(groups)


@given(malformed(), st.sampled_from(["", "Rp ", "Rp. "]))
def test_malformed_grouping_raises(text, prefix):
    for ocr in (False, True):
        with pytest.raises(UnparsedValue):
            parse_rupiah(prefix + text, ocr=ocr)


# ---------------------------------------------------------------- parse_percent

@pytest.mark.parametrize("raw, expected", [
    ("96,69%", 96.69), ("97,5%", 97.5), ("99.52", 99.52), ("100", 100.0), ("100,0%", 100.0),
    ("0%", 0.0), ("0,00%", 0.0), ("100.48%", 100.48), ("87,5", 87.5), ("22.75 %", 22.75),
    ("-", None), ("", None), (None, None),
])
def test_parse_percent(raw, expected):
    assert parse_percent(raw) == expected


@pytest.mark.parametrize("raw", ["Yo", "Y6", "96Yo", "%", "1.000%", "99,52,1", "-5%", "abc", "1.234,56%"])
def test_parse_percent_rejects(raw):
    with pytest.raises(UnparsedValue):
        parse_percent(raw)


@given(st.integers(min_value=0, max_value=100_000), st.sampled_from([".", ","]), st.sampled_from(["", "%", " %"]))
def test_percent_round_trip(hundredths, sep, suffix):
    text = f"{hundredths / 100:.2f}"
    assert parse_percent(text.replace(".", sep) + suffix) == float(text)


# ---------------------------------------------------------------- parse_target

@pytest.mark.parametrize("raw, value, unit, grade", [
    ("100%", 100.0, "%", None), ("97,5%", 97.5, "%", None), ("100,0%", 100.0, "%", None),
    ("1 Satker", 1.0, "satker", None), ("12 Lap", 12.0, "laporan", None), ("2 Lap", 2.0, "laporan", None),
    ("1 Laporan", 1.0, "laporan", None), ("17 Laporan", 17.0, "laporan", None),
    ("1. Laporan", 1.0, "laporan", None), ("1 Dokumen", 1.0, "dokumen", None),
    ("10 kali", 10.0, "kali", None), ("24 kegiatan", 24.0, "kegiatan", None), ("5 orang", 5.0, "orang", None),
    ("3 Paket", 3.0, "paket", None),
    ("B", None, "nilai", "B"), ("BB", None, "nilai", "BB"), ("A", None, "nilai", "A"),
    ("10 PPK dan 133 PPS, Pantarh sesuai jumlah TPS", None, None, None),
    ("5 1. Laporan Membentuk Tim Reformasi Birokrasi", None, None, None),
    # Indonesian separators: '.' groups thousands, ',' is the decimal (real documents: corpus/real)
    ("1.000 orang", 1000.0, "orang", None), ("5.835 ijin", 5835.0, "ijin", None), ("768.495", 768495.0, None, None),
    ("2.198,19", 2198.19, None, None), ("11.690,50 m", 11690.5, "m", None),
    ("100 Anggota\nTP-PKK", 100.0, "anggota tp-pkk", None),  # a hyphenated unit word (Renja Kota Bogor)
    ("3,000 poin (tahun 2017)", 3.0, "poin", None),
    # a pendapatan target in money; a scan's speck apart from the number (PK ESDM, corpus/real)
    ("Rp.\n2.641.640.000.000, -", 2641640000000.0, "Rp", None), ("Rp. 12,5 juta", None, None, None),
    (". 95%", 95.0, "%", None), (".95%", None, None, None),
    ("", None, None, None),
])
def test_parse_target(raw, value, unit, grade):
    assert parse_target(raw) == Target(raw, value, unit, grade)


# ---------------------------------------------------------------- schedules

@pytest.mark.parametrize("raw", ["M1-4", "M1", "M2-4", "minggu ke 1-4", "minggu ke 1", "v", "V", "√", "x", "1",
                                 "minggu ke 1 minggu ke 1 minggu ke 4", "Ml-4", "M 1 - 4"])
def test_monthly_mark(raw):
    assert cell_to_months(raw, column_month=7) == [7]
    assert cell_to_months(raw, quarter=3) == [7, 8, 9]


@pytest.mark.parametrize("raw", ["", None, "-", "  "])
def test_empty_cell(raw):
    assert cell_to_months(raw, column_month=3) == []
    assert cell_to_months(raw, quarter=1) == []


@pytest.mark.parametrize("raw, months", [
    ("B1-B3", [1, 2, 3]), ("B10-B12", [10, 11, 12]), ("B3", [3]), ("B5-B6", [5, 6]), ("B1-B2", [1, 2]),
    ("B7-B8", [7, 8]), ("BI-B3", [1, 2, 3]), ("B1 - B3", [1, 2, 3]), ("Bl0-B12", [10, 11, 12]),
    ("B6 B12", [6, 12]),
])
def test_quarterly_cell(raw, months):
    assert cell_to_months(raw, quarter=1) == months


@pytest.mark.parametrize("raw, kwargs, months", [
    ("87-89", {"quarter": 3}, [7, 8, 9]), ("810-812", {"quarter": 4}, [10, 11, 12]),  # B read as 8
    ("B7-89", {"quarter": 3}, [7, 8, 9]), ("89", {"quarter": 3}, [9]), ("B4-BS", {"quarter": 2}, [4, 5]),
    ("88", {"column_month": 8}, [8]),
])
def test_an_ocr_b_read_as_8_is_a_month_where_its_column_confirms_it(raw, kwargs, months):
    assert cell_to_months(raw, **kwargs, ocr=True) == months


@pytest.mark.parametrize("raw, kwargs", [
    ("87-89", {"quarter": 2}), ("89", {"column_month": 8}), ("89", {}),  # the place disagrees or is unknown
    ("87-89", {"quarter": 3, "ocr": False}), ("B7-89", {"quarter": 2}),
])
def test_an_ocr_b_read_as_8_elsewhere_is_no_month(raw, kwargs):
    with pytest.raises(UnparsedValue):
        cell_to_months(raw, **{"ocr": True, **kwargs})


@pytest.mark.parametrize("raw, kwargs", [
    ("B3-B1", {"quarter": 1}), ("B13", {"quarter": 4}), ("B0", {"quarter": 1}),
    ("6", {"column_month": 1}), ("18", {"column_month": 1}),        # column numbers in a data row
    ("Subag KUL", {"column_month": 1}),
    ("M1-4", {}),                                                    # a mark with no column context
    ("M1-4", {"column_month": 13}), ("v", {"quarter": 5}),
])
def test_schedule_rejects(raw, kwargs):
    with pytest.raises(UnparsedValue):
        cell_to_months(raw, **kwargs)


SCHEDULE_CELLS = st.one_of(
    st.sampled_from(["", "-", "M1-4", "v", "minggu ke 1-4", "B1-B3", "BI-B3", "B10-B12"]),
    st.tuples(st.integers(1, 12), st.integers(1, 12)).map(lambda t: f"B{min(t)}-B{max(t)}"),
    st.lists(st.integers(1, 12), min_size=1, max_size=4).map(lambda xs: " ".join(f"B{x}" for x in xs)),
    st.text(max_size=12),
)


@settings(max_examples=300)
@given(SCHEDULE_CELLS, st.one_of(st.none(), st.integers(1, 12)), st.one_of(st.none(), st.integers(1, 4)))
def test_cell_to_months_sorted_unique_in_range(raw, column_month, quarter):
    try:
        months = cell_to_months(raw, column_month=column_month, quarter=quarter)
    except UnparsedValue:
        return
    assert months == sorted(set(months)) and all(1 <= m <= 12 for m in months)


# ---------------------------------------------------------------- headers

@pytest.mark.parametrize("raw, month", [
    ("B1", 1), ("B9", 9), ("B12", 12), ("10", 10), ("B 10", 10), ("Bl0", 10), ("BI", 1),
    ("Jan", 1), ("Januari", 1), ("Februari", 2), ("Pebruari", 2), ("Maret", 3), ("Mei", 5), ("Agt", 8),
    ("Agustus", 8), ("Okt", 10), ("Nopember", 11), ("Des", 12), ("Desember", 12),
    ("(7)", None), ("(16)", None), ("81", None), ("13", None), ("B13", None), ("PAGU ANGGARAN", None), ("", None),
])
def test_month_from_header(raw, month):
    assert month_from_header(raw) == month


@pytest.mark.parametrize("raw, quarter", [
    ("I", 1), ("II", 2), ("III", 3), ("IV", 4), ("Triwulan I", 1), ("TRIWULAN IV", 4), ("TW I", 1),
    ("TW II", 2), ("Q1", 1), ("Q4", 4), ("Triwulan 3", 3),
    ("1", None), ("(7)", None), ("V", None), ("Q5", None), ("IIII", None), ("", None),
    # the strokes of a lone roman label as OCR reads them (L31 scan: 'I Ir rir Iv')
    ("Ir", 2), ("rir", 3), ("ll", 2), ("|", 1), ("lV", 4), ("r", None), ("rr", None), ("Il1", None),
])
def test_quarter_from_header(raw, quarter):
    assert quarter_from_header(raw) == quarter


@pytest.mark.parametrize("raw,expected", [
    ("R 13.718.210.000", 13718210000),  # 'p' of 'Rp' lost by OCR (RAK Tabanan scan)
    ("Ro. 1.000", 1000),
])
def test_ocr_garbled_rp_prefix_only_in_ocr_mode(raw, expected):
    assert parse_rupiah(raw, ocr=True) == expected
    with pytest.raises(UnparsedValue):
        parse_rupiah(raw)


@pytest.mark.parametrize("raw", ["1.000 250.000", "12.500 100.000"])
def test_two_amounts_in_one_cell_are_not_glued_into_one(raw):
    """A missed column rule puts two amounts in one cell: never read them as one number."""
    with pytest.raises(UnparsedValue, match="two amounts"):
        parse_rupiah(raw, ocr=True)


@pytest.mark.parametrize("raw, expected", [("4.916.757.\n744", 4916757744), ("2.300.000.\n000,-", 2300000000),
                                           ("Rp. 1.250.\n000", 1250000)])
def test_an_amount_a_narrow_cell_wrapped_after_a_separator_is_one_amount(raw, expected):
    assert parse_rupiah(raw) == expected


@pytest.mark.parametrize("raw", ["1.250.000\n2.000.000", "4.916.\n7440", "4.916.\n74"])
def test_two_amounts_or_a_broken_group_in_one_cell_still_raise(raw):
    with pytest.raises(UnparsedValue):
        parse_rupiah(raw)


@pytest.mark.parametrize("raw", ["\u00a5", "\u20ac", "Vv", "vv"])
def test_a_check_mark_ocr_read_as_a_currency_sign_or_twice_marks_its_month_only_in_ocr_mode(raw):
    assert cell_to_months(raw, column_month=4, ocr=True) == [4]
    with pytest.raises(UnparsedValue):
        cell_to_months(raw, column_month=4)


@pytest.mark.parametrize("raw", ["1.250.000,", "Rp. 1.250.000,-", "1,250,000.00"])
def test_an_amount_whose_dash_ocr_lost_is_still_an_amount_cell(raw):
    from kpu_extract.normalize.columns import AMOUNT

    assert AMOUNT.match(raw)
    assert not AMOUNT.match("97,5") and not AMOUNT.match("1.250.000,5")


@pytest.mark.parametrize("raw, factor, expected", [
    ("1.900,00", 10**6, 1_900_000_000), ("247,00", 10**6, 247_000_000), ("492.467,00", 10**6, 492_467_000_000),
    ("79", 10**6, 79_000_000), ("1,5", 10**6, 1_500_000), ("1,900.50", 10**6, 1_900_500_000),
    ("136.197.000", 1000, 136_197_000_000), ("Rp. 12.345", 1000, 12_345_000), ("-", 1000, None), ("", 10**6, None),
])
def test_parse_scaled(raw, factor, expected):
    assert parse_scaled(raw, factor) == expected


@pytest.mark.parametrize("raw", ["1,900", "Rp. 12,345", "12,3456", "1.90", "abc", "1.900,00,5"])
def test_parse_scaled_rejects(raw):
    """A comma before three digits could be either separator; more decimals than whole Rupiah raise."""
    with pytest.raises(UnparsedValue):
        parse_scaled(raw, 1000)
