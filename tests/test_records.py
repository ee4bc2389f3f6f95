"""One row per target (normalize/records.py dedupe_targets): restatements merge, other values do not.

The texts are those of the layout corpus (L54_rak_none: rows 4 and 12 print one indicator with
90% and 80%), so each test is one printed situation in miniature.
"""

from __future__ import annotations

from dataclasses import replace

from kpu_extract.normalize.classify import DocMeta
from kpu_extract.normalize.drafts import TargetDraft
from kpu_extract.normalize.reasons import Reason
from kpu_extract.normalize.records import (DocContext, dedupe_targets, percent_sign_misread, percent_sign_suspect,
                                           target_row)
from kpu_extract.normalize.vocabulary import default_vocabulary

SASARAN = "Terlaksananya pengelolaan dan pelayanan informasi hukum"
INDIKATOR = "Persentase informasi produk hukum yang disajikan secara cepat, tepat, dan akurat sesuai dengan SOP"


def target(raw, indikator=INDIKATOR, page=1, realisasi=None):
    return TargetDraft(page, SASARAN, indikator, None, raw, realisasi_raw=realisasi)


def test_restated_target_is_one_row_with_the_measurement_added():
    pk, lakip = target("90%"), target("90 %", indikator=INDIKATOR.lower(), page=3, realisasi="85%")
    assert dedupe_targets([pk, lakip]) == [pk]
    assert pk.realisasi_raw == "85%"


def test_same_indicator_with_another_value_is_two_rows():
    rows = [target("90%"), target("80%", indikator=INDIKATOR.replace("Persentase", "persentase"))]
    assert [t.target_raw for t in dedupe_targets(rows)] == ["90%", "80%"]


def test_a_cell_without_a_value_restates_the_target():
    assert [t.target_raw for t in dedupe_targets([target("90%"), target("")])] == ["90%"]


def test_percent_sign_misread():
    assert percent_sign_misread("904", "90%", "Persentase ketepatan waktu") == "90%"
    assert percent_sign_misread("904", "90", "Persentase realisasi anggaran") == "90%"
    assert percent_sign_misread("801", "", "Persentase nilai RB") is None  # no second reading: keep raw
    assert percent_sign_misread("904", "90%", "Jumlah laporan") is None  # no percent indikator
    assert percent_sign_misread("904", "94", "Persentase ketepatan") is None  # the engines differ
    assert percent_sign_misread("90%", "901", "Persentase ketepatan") is None
    # both engines read the '%' as a digit, but not as the same one (L19 second-set scan)
    assert percent_sign_misread("1008", "1000", "Persentase ketepatan waktu") == "100%"
    assert percent_sign_misread("908", "901", "Persentase informasi") == "90%"
    assert percent_sign_misread("908", "908", "Persentase informasi") is None  # they agree: keep raw
    assert percent_sign_misread("908", "907", "Persentase informasi") is None  # '7' is no '%' misread
    assert percent_sign_misread("1008", "1000", "Jumlah laporan") is None
    assert percent_sign_suspect("908", "Persentase informasi") and not percent_sign_suspect("90", "Persentase x")
    assert not percent_sign_suspect("1000", "Persentase x") and not percent_sign_suspect("908", "Jumlah laporan")


def test_a_percent_read_from_the_second_engine_is_unverified_and_sent_to_review():
    ctx = DocContext("d", DocMeta("RAK", "KPU Kabupaten Serang", 2023), {1: "ocr"}, default_vocabulary())
    row, review = target_row(ctx, replace(target("904"), second="90%"), "d-t1")
    assert (row.target_raw, row.target_value, row.target_unit, row.verified) == ("904", 90.0, "%", False)
    assert [(r.field, r.raw, r.reason) for r in review if r.reason == Reason.OCR_READINGS_MISMATCH] == [
        ("target_raw", "904", Reason.OCR_READINGS_MISMATCH)]


def test_a_percent_both_engines_read_as_the_same_digit_is_kept_unverified_and_sent_to_review():
    ctx = DocContext("d", DocMeta("RAK", "KPU Kabupaten Serang", 2023), {1: "ocr"}, default_vocabulary())
    row, review = target_row(ctx, replace(target("908"), second="908"), "d-t1")
    assert (row.target_raw, row.target_value, row.verified) == ("908", 908.0, False)
    assert [r.reason for r in review if r.field == "target_raw"] == [Reason.IMPLAUSIBLE_PERCENT]
    # an OCR-damaged 'Pereentase' matched to the vocabulary's Persentase indikator counts as one
    damaged = replace(target("901", indikator=INDIKATOR.replace("Persentase", "Pereentase")), second="901")
    assert damaged.indikator.startswith("Pereentase")
    row, review = target_row(ctx, damaged, "d-t2")
    assert not row.verified and [r.reason for r in review if r.field == "target_raw"] == [Reason.IMPLAUSIBLE_PERCENT]
    # on a text layer the words are exact: no suspicion
    text = DocContext("d", DocMeta("RAK", "KPU Kabupaten Serang", 2023), {1: "text"}, default_vocabulary())
    row, review = target_row(text, target("908"), "d-t1")
    assert row.verified and not [r for r in review if r.field == "target_raw"]
