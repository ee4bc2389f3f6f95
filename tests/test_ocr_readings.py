"""OCR readings the document decides (normalize/checks.py): the sums pick between two engines'
readings, undecided readings stay unverified and go to review, and a misread is never verified."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from kpu_extract.normalize.checks import budget_checks, checks_to_review
from kpu_extract.normalize.drafts import BudgetDraft

CQ = "Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi"


def family(amounts: list[int], alternatives: dict[int, list[int]] | None = None) -> list[BudgetDraft]:
    """An OCR'd table: a program line over kegiatan lines; nothing confirms any amount yet."""
    alternatives = alternatives or {}
    kids = [BudgetDraft(1, "kegiatan", f"Kegiatan {i}", a, "table", program=CQ, table_key=(0,),
                        alternatives={"pagu": alternatives[i]} if i in alternatives else {})
            for i, a in enumerate(amounts)]
    return [BudgetDraft(1, "program", CQ, sum(amounts), "table", program=CQ, table_key=(0,))] + kids


def verified(line: BudgetDraft) -> bool:
    return bool(line.evidence.get("pagu"))


def test_the_reading_that_makes_the_sum_hold_wins():
    lines = family([154_720_000, 27_486_120_000])
    lines[1].pagu, lines[1].alternatives = 154_720_099, {"pagu": [154_720_000]}  # Tesseract misread
    checks = budget_checks(lines)
    assert lines[1].pagu == 154_720_000 and verified(lines[1])
    won = [c for c in checks if c.check == "ocr_readings"]
    assert [(c.status, c.expected, c.found) for c in won] == [("corrected", "154720000", "154720099")]
    assert "154720099 and 154720000" in won[0].detail
    assert checks_to_review(checks) == []


def test_two_readings_that_would_each_fix_the_sum_decide_nothing():
    lines = family([100_000, 200_000])
    lines[1].pagu, lines[1].alternatives = 100_900, {"pagu": [100_000]}
    lines[2].pagu, lines[2].alternatives = 200_900, {"pagu": [200_000]}
    lines[0].pagu = 300_900  # a parent misread the same way leaves two ways out: nothing is chosen
    budget_checks(lines)
    assert [ln.pagu for ln in lines] == [300_900, 100_900, 200_900]


def test_undecided_readings_keep_the_first_unverified_and_show_both_in_review():
    lines = family([500_000, 700_000])
    lines[0].pagu = 1_300_000  # the parent disagrees with its children, no reading explains it
    lines[1].alternatives = {"pagu": [800_000]}
    review = checks_to_review(budget_checks(lines))
    assert lines[1].pagu == 500_000 and not verified(lines[1])
    in_doubt = {(r.reason, r.raw) for r in review}
    # every value of the failed family is in doubt, and the undecided reading shows both readings
    assert ("sum_children_mismatch", "1300000") in in_doubt and ("sum_children_mismatch", "500000") in in_doubt
    assert any(r.reason == "ocr_readings_mismatch" and "800000" in r.detail for r in review)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(1_000, 10**10), min_size=2, max_size=8))
def test_consistent_table_never_changes(amounts):
    lines = family(amounts)
    checks = budget_checks(lines)
    assert [ln.pagu for ln in lines[1:]] == amounts and lines[0].pagu == sum(amounts)
    assert all(c.status == "ok" for c in checks) and all(verified(ln) for ln in lines)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(1_000, 10**10), min_size=2, max_size=8), st.data())
def test_single_injected_digit_error_is_never_verified(amounts, data):
    """A misread digit in one line, with or without the second engine's right reading beside it:
    the misread never ends verified; where the right reading is there, the sum picks it."""
    i = data.draw(st.integers(0, len(amounts) - 1), label="line")
    digits = str(amounts[i])
    pos = data.draw(st.integers(1 if len(digits) > 1 else 0, len(digits) - 1), label="position")
    digit = data.draw(st.sampled_from([d for d in "0123456789" if d != digits[pos]]), label="digit")
    wrong = int(digits[:pos] + digit + digits[pos + 1:])
    second = data.draw(st.booleans(), label="second engine right")
    lines = family(amounts, {i: [amounts[i]]} if second else None)
    lines[i + 1].pagu = wrong
    budget_checks(lines)
    line = lines[i + 1]
    assert not (line.pagu == wrong and verified(line))
    if second:
        assert line.pagu == amounts[i] and verified(line)
