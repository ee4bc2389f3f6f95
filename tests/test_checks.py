"""The arithmetic checks and the one correction rule (normalize/checks.py, via merge_budget).

The property tests generate consistent budget tables, inject one confusion, and assert the rule of
issue 5: a value changes only when one digit explains the mismatch AND the narrative states the
corrected value AND the table's lines then sum to their stated parent.
"""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kpu_extract.normalize.checks import (
    budget_checks, persen_checks, persen_ok, program_total_checks, single_digit_apart, sum_checks)
from kpu_extract.normalize.drafts import BudgetDraft
from kpu_extract.normalize.merge import _same_name, merge_budget
from kpu_extract.normalize.checks import checks_to_review


def merge_review(table, narrative, check):
    """merge_budget's lines and checks, and the review rows its failed checks raise."""
    lines, checks = merge_budget(table, narrative, check)
    return lines, checks, checks_to_review(checks)

CQ = "Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi"
# Real kegiatan names (Laporan Tahunan Kota Serang 2023), pairwise unlike each other by merge's rule.
NAMES = ["Perencanaan Program dan Anggaran", "Pendaftaran dan Verifikasi Peserta Pemilu",
         "Pembentukan Badan Adhoc", "Masa Kampanye Pemilu", "Pengadaan Logistik",
         "Pemungutan dan Penghitungan Suara", "Pemutakhiran Data Pemilih", "Penetapan Kursi",
         "Pencalonan Presiden", "Layanan Perkantoran", "Honorarium Badan Adhoc", "Sarana IT"]
CODES = ["CQ.6709", "CQ.6710", "CQ.6867", "CQ.6870", "CQ.6871", "CQ.6872", "CQ.6887", "CQ.6888",
         "CQ.6889", "CQ.6890", "CQ.6891", "CQ.6892"]


def test_names_are_unlike_each_other():
    assert not [(a, b) for a in NAMES for b in NAMES if a != b and _same_name(a, b)]


# ---- persen_ok -----------------------------------------------------------------------------------

@pytest.mark.parametrize("pagu, realisasi, reported, ok", [
    (18256293000, 18168826339, 99.52, True),    # 99.5209.. rounded
    (1095000, 1000000, 91.32, True),           # 91.3242.. rounded
    (2777464000, 2772031030, 99.80, True),     # '99.80' is read as 99.8: one decimal, 99.804.. -> 99.8
    (31913000, 31267500, 97.98, True),         # 97.977.. rounded up
    (31913000, 31267500, 97.97, True),         # ... and cut
    (31913000, 31267500, 97.96, False),
    (18885000, 18884995, 100.0, True),         # 99.99997.. rounded to no decimals
    (18885000, 18884995, 99.0, True),          # ... cut to no decimals
    (79097000, 79095521, 100.0, True),
    (8200000, 7779000, 95.0, True),            # 94.87 shown without decimals
    (8200000, 7779000, 94.0, True),
    (8200000, 7779000, 93.0, False),
    (1000, 0, 0.0, True),
    (1000, 1, 0.1, True),
    (2049467000, 2059554577, 100.49, True),    # realisation above the pagu
    (77600000, 76945400, 99.37, False),        # the seed copies its parent's percent: 99.16
    (2170936000, 2158035549, 99.93, False),    # percent of the narrative's pagu, not the table's
    (0, 0, 0.0, True),                         # pagu 0: only 0% is right
    (0, 0, 100.0, False),
    (0, 5, 0.0, True),
])
def test_persen_ok(pagu, realisasi, reported, ok):
    assert persen_ok(pagu, realisasi, reported)[0] is ok


def test_persen_computed_has_two_decimals():
    assert persen_ok(31913000, 31267500, 97.98) == (True, 97.98)
    assert persen_ok(3741209000, 3617455634, 96.69) == (True, 96.69)
    assert persen_ok(0, 0, 0.0) == (True, 0.0)


def test_persen_checks_skip_lines_without_percent():
    lines = [BudgetDraft(1, "kegiatan", "A", 100, "table", realisasi=50, persen_reported=50.0),
             BudgetDraft(1, "kegiatan", "B", 100, "table", realisasi=50),
             BudgetDraft(1, "kegiatan", "C", 100, "table", persen_reported=50.0)]
    checks = persen_checks(lines)
    assert [(c.scope, c.expected, c.found, c.status) for c in checks] == [("kegiatan A", "50", "50", "ok")]


# ---- single_digit_apart --------------------------------------------------------------------------

@pytest.mark.parametrize("a, b, apart", [
    (18985000, 18885000, True),
    (18885000, 18985000, True),
    (1000, 7000, True),
    (5, 8, True),
    (18885000, 18885000, False),               # equal: nothing to explain
    (18985000, 18886000, False),               # two digits
    (2170936000, 2159443000, False),
    (1000, 10000, False),                      # a digit dropped is not a substitution
    (18885000, 1888500, False),
    (12, 21, False),                           # transposition: two digits
])
def test_single_digit_apart(a, b, apart):
    assert single_digit_apart(a, b) is apart


# ---- sum_checks on hand-built families -----------------------------------------------------------

def line(level, pagu, kode=None, realisasi=None, table_key=None, uraian=None, page=1, source="table"):
    return BudgetDraft(page, level, uraian or kode or f"{level} {pagu}", pagu, source, kode=kode,
                       realisasi=realisasi, table_key=table_key)


def statuses(checks):
    return sorted((c.check, c.scope, c.expected, c.found, c.status) for c in checks)


def test_sum_by_code_at_every_depth():
    lines = [line("program", 300, "076.01.CQ", 30), line("kegiatan", 100, "CQ.6709", 10),
             line("kegiatan", 200, "CQ.6710", 20), line("output", 60, "CQ.6709.QGE", 6),
             line("output", 40, "CQ.6709.RAN", 4), line("suboutput", 60, "CQ.6709.QGE.001", 5),
             line("output", 200, "CQ.6710.QGE", 20)]
    assert statuses(sum_checks(lines)) == [
        ("sum_children", "076.01.CQ pagu", "300", "300", "ok"),
        ("sum_children", "076.01.CQ realisasi", "30", "30", "ok"),
        ("sum_children", "CQ.6709 pagu", "100", "100", "ok"),
        ("sum_children", "CQ.6709 realisasi", "10", "10", "ok"),
        ("sum_children", "CQ.6709.QGE pagu", "60", "60", "ok"),
        ("sum_children", "CQ.6709.QGE realisasi", "6", "5", "mismatch"),
        ("sum_children", "CQ.6710 pagu", "200", "200", "ok"),
        ("sum_children", "CQ.6710 realisasi", "20", "20", "ok")]


def test_sum_by_code_keeps_programs_apart():
    """WA kegiatan are not children of the CQ program, and a kegiatan's output of another
    kegiatan (CQ.67091) is not its child."""
    lines = [line("program", 100, "076.01.CQ"), line("program", 50, "076.01.WA"),
             line("kegiatan", 100, "CQ.6709"), line("kegiatan", 50, "WA.3355"),
             line("output", 100, "CQ.6709.QGE"), line("output", 7, "CQ.67091.QGE")]
    assert [(c.scope, c.status) for c in sum_checks(lines)] == [  # lowest parents first
        ("CQ.6709 pagu", "ok"), ("076.01.CQ pagu", "ok"), ("076.01.WA pagu", "ok")]


def test_sum_skips_a_family_with_a_missing_value():
    lines = [line("program", 300, "076.01.CQ", 30), line("kegiatan", 100, "CQ.6709", None),
             line("kegiatan", 200, "CQ.6710", 20)]
    assert [(c.scope, c.status) for c in sum_checks(lines)] == [("076.01.CQ pagu", "ok")]


def test_sum_by_table_order_total_row():
    """An RKT: item rows and a JUMLAH row in one table; the total covers every other row."""
    rows = [line("item", p, table_key=(0,)) for p in (1868000, 6788000, 1928000)]
    total = line("total", 10584000, table_key=(0,), uraian="JUMLAH ANGGARAN")
    other_table = line("item", 5, table_key=(1,))
    assert statuses(sum_checks(rows + [total, other_table])) == [
        ("sum_children", "total JUMLAH ANGGARAN pagu", "10584000", "10584000", "ok")]


def test_sum_by_table_order_program_row():
    """A program row over uncoded kegiatan rows of the same table."""
    rows = [line("program", 250, table_key=(0,), uraian=CQ), line("kegiatan", 100, table_key=(0,)),
            line("kegiatan", 140, table_key=(0,))]
    assert statuses(sum_checks(rows)) == [("sum_children", f"program {CQ} pagu", "250", "240", "mismatch")]


def test_sum_by_table_order_skips_a_run_the_table_leaves_open():
    rows = [line("program", 100, table_key=(0,)), line("program", 200, table_key=(0,)),
            line("kegiatan", 300, table_key=(0,))]
    assert sum_checks(rows) == []


def test_program_total():
    lines = [line("program", 100, "076.01.CQ"), line("program", 50, "076.01.WA"),
             line("total", 150, uraian="Jumlah")]
    assert statuses(program_total_checks(lines)) == [("program_total", "total Jumlah", "150", "150", "ok")]


def test_program_total_of_a_rak_program_box():
    """RAK: uncoded kegiatan in the plan tables, the programs in a box beside them."""
    lines = [line("kegiatan", 70, table_key=(0,)), line("kegiatan", 30, table_key=(0,)),
             line("kegiatan", 50, table_key=(1,)), line("program", 100, table_key=(2,)),
             line("program", 50, table_key=(2,))]
    assert statuses(program_total_checks(lines)) == [("program_total", "kegiatan pagu", "150", "150", "ok")]
    lines[0].pagu = 71
    assert statuses(program_total_checks(lines)) == [("program_total", "kegiatan pagu", "150", "151", "mismatch")]
    lines[0].kode = "CQ.6709"  # coded kegiatan: their families say more than this
    assert program_total_checks(lines) == []


# ---- the correction rule, as a property ----------------------------------------------------------

AMOUNT = st.one_of(st.integers(1, 30).map(lambda k: k * 1_000_000),       # collisions on purpose
                   st.integers(1, 10**11).map(lambda k: k * 1000 if k < 10**8 else k))


@st.composite
def budgets(draw):
    """(table lines, narrative lines): a program over 2..12 kegiatan, all consistent."""
    n = draw(st.integers(2, 12))
    pagu = draw(st.lists(AMOUNT, min_size=n, max_size=n))
    real = [draw(st.integers(0, p)) for p in pagu]
    table = [BudgetDraft(1, "program", CQ, sum(pagu), "table", program=CQ, realisasi=sum(real), table_key=(0,))]
    table += [BudgetDraft(1, "kegiatan", NAMES[i], pagu[i], "table", program=CQ, realisasi=real[i],
                          table_key=(0,)) for i in range(n)]
    narrative = [BudgetDraft(2 + i, "kegiatan", NAMES[i], pagu[i], "narrative", kode=CODES[i], program=CQ,
                             realisasi=real[i], persen_reported=None) for i in range(n)]
    return table, narrative


def substitute(value: int, draw, *, digits: int) -> int:
    """value with `digits` of its digits replaced (never a leading zero)."""
    s = list(str(value))
    assume(len(s) >= digits)
    for pos in draw(st.lists(st.integers(0, len(s) - 1), min_size=digits, max_size=digits, unique=True)):
        choices = [d for d in "0123456789" if d != s[pos] and not (pos == 0 and d == "0")]
        s[pos] = draw(st.sampled_from(choices))
    return int("".join(s))


def values(lines):
    return [(ln.uraian, ln.pagu, ln.realisasi) for ln in lines]


def merged(table, narrative):
    lines, checks, review = merge_review(table, narrative, "table_vs_table")
    return lines, checks + [c for c in _after_merge(lines)], review


def _after_merge(lines):
    return sum_checks(lines) + persen_checks(lines) + program_total_checks(lines)


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(budgets(), st.data())
def test_one_digit_misread_confirmed_by_narrative_and_sum_is_corrected(budget, data):
    table, narrative = budget
    truth = values(table)
    i = data.draw(st.integers(1, len(table) - 1), label="kegiatan")
    field = data.draw(st.sampled_from(["pagu", "realisasi"]), label="field")
    right = getattr(table[i], field)
    wrong = substitute(right, data.draw, digits=1)
    setattr(table[i], field, wrong)

    lines, checks, review = merged(table, narrative)

    assert values(lines) == truth  # corrected back; every other value untouched
    corrected = [c for c in checks if c.status == "corrected"]
    assert [(c.check, c.scope, c.expected, c.found) for c in corrected] == [
        ("table_vs_narrative", f"{CODES[i - 1]} {field}", str(right), str(wrong))]
    assert all(c.status == "ok" for c in checks if c.status != "corrected")
    assert review == []
    assert {ln.source for ln in lines} == {"table", "table+narrative"}
    assert [ln.kode for ln in lines[1:]] == CODES[:len(lines) - 1]


@SETTINGS
@given(budgets(), st.data())
def test_misread_also_in_the_narrative_is_not_corrected(budget, data):
    """No independent confirmation: table and narrative agree, only the sum disagrees."""
    table, narrative = budget
    i = data.draw(st.integers(1, len(table) - 1), label="kegiatan")
    field = data.draw(st.sampled_from(["pagu", "realisasi"]), label="field")
    wrong = substitute(getattr(table[i], field), data.draw, digits=1)
    setattr(table[i], field, wrong)
    setattr(narrative[i - 1], field, wrong)
    printed = values(table)

    lines, checks, review = merged(table, narrative)

    assert values(lines) == printed
    assert not [c for c in checks if c.status == "corrected"]
    assert not [c for c in checks if c.check == "table_vs_narrative" and c.status != "ok"]
    sums = [c for c in checks if c.check == "sum_children" and c.status == "mismatch"]
    assert [(c.scope, c.expected, c.found) for c in sums] == [
        (f"program {CQ} {field}", str(getattr(table[0], field)), str(sum(getattr(t, field) for t in table[1:])))]


@SETTINGS
@given(budgets(), st.data())
def test_two_digit_difference_is_a_mismatch(budget, data):
    table, narrative = budget
    i = data.draw(st.integers(1, len(table) - 1), label="kegiatan")
    field = data.draw(st.sampled_from(["pagu", "realisasi"]), label="field")
    right = getattr(table[i], field)
    wrong = substitute(right, data.draw, digits=2)
    setattr(table[i], field, wrong)
    printed = values(table)

    lines, checks, review = merged(table, narrative)

    assert values(lines) == printed
    assert not [c for c in checks if c.status == "corrected"]
    bad = [(c.check, c.scope, c.expected, c.found) for c in checks
           if c.check == "table_vs_narrative" and c.status == "mismatch"]
    assert bad == [("table_vs_narrative", f"{CODES[i - 1]} {field}", str(wrong), str(right))]
    assert [(r.page, r.field, r.raw) for r in review] == [(1, field, str(wrong))]
    assert review[0].reason == "table_vs_narrative_mismatch"


@SETTINGS
@given(budgets())
def test_consistent_table_is_never_changed(budget):
    table, narrative = budget
    truth = values(table)
    lines, checks, review = merged(table, narrative)
    assert values(lines) == truth
    assert checks and all(c.status == "ok" for c in checks)
    assert review == []
    n = len(table) - 1
    assert sorted(c.check for c in checks) == sorted(["table_vs_narrative"] * 2 * n + ["sum_children"] * 2)


@SETTINGS
@given(budgets(), st.data())
def test_narrative_alone_does_not_correct(budget, data):
    """Without the program line nothing confirms the narrative's value: the misread stays."""
    table, narrative = budget
    table = table[1:]
    i = data.draw(st.integers(0, len(table) - 1), label="kegiatan")
    right = table[i].pagu
    wrong = substitute(right, data.draw, digits=1)
    table[i].pagu = wrong
    printed = values(table)

    lines, checks, review = merged(table, narrative)

    assert values(lines) == printed
    assert [(c.scope, c.expected, c.found, c.status) for c in checks if c.status != "ok"] == [
        (f"{CODES[i]} pagu", str(wrong), str(right), "mismatch")]
    assert len(review) == 1


def test_misread_equal_to_another_lines_amount_still_pairs_by_name():
    """'5.000.000' misread as '6.000.000', which another line really has: pairing by amount would
    hand that line's narrative statement (and code) to the misread line."""
    table = [BudgetDraft(1, "program", CQ, 11_000_000, "table", program=CQ, table_key=(0,)),
             BudgetDraft(1, "kegiatan", NAMES[0], 6_000_000, "table", program=CQ, table_key=(0,)),
             BudgetDraft(1, "kegiatan", NAMES[1], 6_000_000, "table", program=CQ, table_key=(0,))]
    narrative = [BudgetDraft(2, "kegiatan", NAMES[0], 5_000_000, "narrative", kode=CODES[0], program=CQ),
                 BudgetDraft(3, "kegiatan", NAMES[1], 6_000_000, "narrative", kode=CODES[1], program=CQ)]
    lines, checks, _ = merged(copy.deepcopy(table), narrative)
    assert [(ln.kode, ln.pagu) for ln in lines] == [(None, 11_000_000), (CODES[0], 5_000_000),
                                                     (CODES[1], 6_000_000)]
    assert [c.status for c in checks if c.check == "table_vs_narrative"] == ["corrected", "ok"]


def test_total_adds_the_top_level_only():
    """A JUMLAH under programs with their kegiatan is the sum of the programs, not of both levels."""
    rows = [BudgetDraft(1, "program", "P", 3000000, "table", table_key=(0,)),
            BudgetDraft(1, "kegiatan", "a", 1000000, "table", table_key=(0,)),
            BudgetDraft(1, "kegiatan", "b", 2000000, "table", table_key=(0,)),
            BudgetDraft(1, "total", "JUMLAH", 3000000, "table", table_key=(0,))]
    found = {(c.scope, c.status) for c in sum_checks(rows)}
    assert found == {("total JUMLAH pagu", "ok"), ("program P pagu", "ok")}


def test_programs_sum_their_own_kegiatan_in_table_order():
    """Two uncoded programs in one table (an OCR'd LAPTAH whose codes were misread): each program
    adds up the kegiatan printed under it; a second reading the kegiatan sum confirms is kept
    before the total is checked, so the total's own second reading is then confirmed too."""
    rows = [line("program", 900, table_key=(0,), uraian="P1"), line("kegiatan", 400, table_key=(0,)),
            line("kegiatan", 800, table_key=(0,)),  # OCR read 800, PP-OCR 500
            line("program", 300, table_key=(0,), uraian="P2"), line("kegiatan", 300, table_key=(0,)),
            line("total", 1700, table_key=(0,), uraian="JUMLAH")]  # OCR read 1700, PP-OCR 1200
    rows[2].alternatives["pagu"] = (500,)
    rows[5].alternatives["pagu"] = (1200,)
    checks = budget_checks(rows)
    assert [r.pagu for r in rows] == [900, 400, 500, 300, 300, 1200]
    assert [(c.scope, c.status) for c in checks if c.check == "ocr_readings"] == [
        ("kegiatan kegiatan 800 pagu", "corrected"), ("total JUMLAH pagu", "corrected")]
    assert {(c.scope, c.status) for c in checks if c.check == "sum_children"} == {
        ("program P1 pagu", "ok"), ("program P2 pagu", "ok"), ("total JUMLAH pagu", "ok")}
