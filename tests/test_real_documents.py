"""Golden tests on real published SAKIP documents (corpus/real/, truth read by hand from the pages).

Floors are today's measured values (`PYTHONPATH=src python corpus/eval_real.py`), so a regression
fails; the issue's goals (real_truth.GOALS: >= 0.95 of digital and >= 0.85 of scanned budget lines
found in the right row) are reported by test_pooled_budget_goal, an expected failure until met.
Metadata the pipeline gets wrong today is an expected failure with the reason; the truth stays.
"""

from __future__ import annotations

import pytest

from conftest import processed
from real_truth import (GOALS, Match, is_held_out, kind, load_truth, metadata_errors, pdf_path, score_budget,
                        score_targets, truth_names)

NAMES = truth_names()
SCANS = {n for n in NAMES if kind(load_truth(n)) == "scan"}

# name -> (budget recall, budget precision, targets recall) measured on branch real9 or the branch its comment names
# (`PYTHONPATH=src python corpus/eval_real.py`); None: nothing to count (no truth lines or no rows).
FLOORS = {
    "evaluasi_renja_bpmpd_prov_jabar_2013": (1.0, 1.0, None),
    "pagu_indikatif_desdm_prov_jabar_2017__scan_ocr": (1.0, 1.0, None),  # branch realdocs: the page read by OCR
    "pk_desdm_prov_jabar_2016__scan_bitonal": (0.928, 0.928, 1.0),  # realdocs: rules found before the median
    "pk_disnak_prov_jabar_2016__scan_ocr": (1.0, 1.0, 0.92),  # realfix: the layer under the scan is OCR'd; budget list; sub-indicators
    "pk_perubahan_bappeda_kab_pasuruan_2020__phone_scan": (1.0, 1.0, 1.0),  # realfix: the photographed page squared
    "realisasi_triwulan_dinkes_kota_tangsel_2023": (None, 1.0, None),  # no pagu on its pages: precision 1 = none invented
    "renaksi_inspektorat_prov_jabar_2016": (1.0, 1.0, 1.0),  # realfix: Jumlah in a sliver cell is an indikator
    "renja_tabel31_bkpp_wil1_prov_jabar_2016_2017": (1.0, 1.0, 1.0),  # realfix: open slots, crossing rules, target per line
    "rkt_dishub_prov_jabar_2016": (None, None, 1.0),
    "usulan_perubahan_anggaran_desdm_prov_jabar_2016__scan_ocr": (1.0, 1.0, None),  # realdocs: OCR, MENJADI
    # stop 23, Kota Bogor (tuned): first scored 17/44, 17/40, 14/15 (LKIP) and 52/61, 55/69, 1/81 (Renja);
    # a No column under a spanning 'PROGRAM / KEGIATAN' label, names from the label column a row fills
    # stop 24: a running footer (the same last line on each page) no longer ends the Renja's 21-page
    # table, a part whose rules moved mid-page is realigned, hyphenated target units: 54/61, 74/77, 18/81 -> below
    "lkip_disperindag_kota_bogor_2019": (0.93, 1.0, 0.933),
    "renja_disperindag_kota_bogor_2020": (0.95, 1.0, 0.901),  # + Tujuan / Indikator Sasaran tables: 63 -> 73/81
    # held out (truth read at stop 17), scored once on the code they were never tuned on
    # stop 24 (changes made on other documents): LKIP 19/20 -> 20/20, Canva 0/3 -> 3/3
    "lkip_disperindag_prov_jabar_2016": (1.0, 1.0, 0.47),
    "rancangan_renja_rsud_aloei_saboe_kota_gorontalo_2027__canva": (1.0, 1.0, 0.078),
    # stop 22 (of the per-year columns, the year nearest the document's): 30/53, 48/63 -> 36/53, 54/63
    # stop 23: 36/53 -> 34/51, the scorer counts a line restated on the next page once (real_truth._once_per_line)
    # stop 24, tuned since (its Tabel 4.2 looked at): the running footer, a part with a header of its own
    # continues no table read by content, 'Bidang Urusan / Program / ... / Kegiatan' labels: 34/51, 54/63, 11/46 -> below
    "renstra_bakesbangpol_kab_banyuwangi_2025_2029": (0.921, 0.829, 0.76),
    # stop 22 (second readings make a money column, the ratio names the realisasi): 15/20, 15/18 -> 18/20, 18/18
    "lkip_disperindag_prov_jabar_2016__simscan": (0.9, 1.0, 0.35),
    "rancangan_renja_rsud_aloei_saboe_kota_gorontalo_2027__canva__simscan": (0.0, None, 0.0),
    # first scored 24/52, 43/60, 7/45; bscan2's per-column re-read strips (e84f082) read it 19/52,
    # 34/47, 14/45: a held-out loss traded for the tuned scans' schedule marks (subset F1 .852 -> .955)
    # stop 22: budget 34/47 -> 34/48 (the rows of a page whose name column OCR lost now take another
    # year's amounts: 10 unnamed rows instead of 9), targets 14/45 -> 22/45 (the lead scan rules)
    # stop 24 (tuned since, as its source): 19/50, 34/48, 22/45 -> below
    "renstra_bakesbangpol_kab_banyuwangi_2025_2029__simscan": (0.72, 0.79, 0.533),
    # held out (truth read at stop 24), first scored on main 1ea3011 with these figures
    "pk_bid_infrastruktur_disperkim_prov_jabar_2017__scan": (0.461, 1.0, 0.5),
    # stop 24's held-out Renja Tabel III-3 of Bina Marga, first scored 0/26, -, 0/28; tuned since
    # (stop 26): amounts in juta rupiah, kegiatan stacked in one ruled row per program
    "renja_tabel3_3_binamarga_prov_jabar_2016": (0.884, 0.884, 0.785),  # targets 18 -> 22: "2.198,19" km
    # stop 26, from andri000me/aplikasi_esakip (truth read by helpers who never ran kpu-extract), first
    # scored on main 522700e: Tabel 3.1 ESDM 0/52, 0/58, 26/188 (tuned since: amounts in ribuan, a
    # Total column under 'Pagu Indikatif', 'Jenis / Kategori Kegiatan' columns; a target per Tolok Ukur
    # pair, on its kegiatan: 26 -> 150/188); the other three held out
    "renja_tabel3_1_desdm_prov_jabar_2016": (1.0, 1.0, 0.797),
    "renja_tabel5_bpmpd_prov_jabar_2016": (0.0, 0.0, 0.0),
    "pk_biro_keuangan_setda_prov_jabar_2016__scan": (1.0, 1.0, 0.083),
    "pk_desdm_prov_jabar_2017__scan": (0.0, None, 0.714),
}

# (name, field) -> why today's pipeline gets it wrong: the held-out documents as first scored
# (the tuned ones: none since branch realfix).
WRONG_TODAY = {
    ("lkip_disperindag_prov_jabar_2016", "satker"): "held out: found without its region",
    ("rancangan_renja_rsud_aloei_saboe_kota_gorontalo_2027__canva", "satker"): "held out: found without its region",
    ("rancangan_renja_rsud_aloei_saboe_kota_gorontalo_2027__canva", "year"): "held out: found 2018",
    ("rancangan_renja_rsud_aloei_saboe_kota_gorontalo_2027__canva__simscan", "satker"): "held out: none found",
    ("rancangan_renja_rsud_aloei_saboe_kota_gorontalo_2027__canva__simscan", "year"): "held out: found 2025",
    ("pk_bid_infrastruktur_disperkim_prov_jabar_2017__scan", "satker"): "held out: none found",
    ("renja_tabel5_bpmpd_prov_jabar_2016", "satker"): "held out: none found",
    ("renja_tabel3_1_desdm_prov_jabar_2016", "satker"): "found 'Dinas ESDM': the acronym is not expanded",
}


def _param(name: str, *marks):
    return pytest.param(name, id=name, marks=[*marks, *([pytest.mark.slow] if name in SCANS else [])])


def _result(name: str):
    return processed(str(pdf_path(name)))


@pytest.mark.parametrize("name", [_param(n) for n in NAMES])
def test_real_document_is_not_failed(name):
    doc = _result(name).document
    assert doc.status in ("ok", "partial"), doc.error
    assert doc.n_pages == load_truth(name)["document"]["n_pages"]


@pytest.mark.parametrize("name,field", [
    pytest.param(n, f, id=f"{n}-{f}", marks=[
        *([pytest.mark.xfail(reason=WRONG_TODAY[n, f], strict=False)] if (n, f) in WRONG_TODAY else []),
        *([pytest.mark.slow] if n in SCANS else [])])
    for n in NAMES for f in ("doc_type", "satker", "year")])
def test_real_document_metadata(name, field):
    errors = metadata_errors(load_truth(name), _result(name).document)
    assert field not in errors, f"{field}: truth {errors[field][0]!r}, found {errors[field][1]!r}"


@pytest.mark.parametrize("name", [_param(n) for n in NAMES])
def test_real_document_floors(name):
    if name not in FLOORS:
        pytest.skip("held out and not scored yet: no measured floor")
    truth, rows = load_truth(name), _result(name).rows
    budget, targets = score_budget(truth, rows["pagu"]), score_targets(truth, rows["targets"])
    recall_floor, precision_floor, targets_floor = FLOORS[name]
    # a held-out document's misses are never shown (they are not to be looked at while tuning)
    report = [] if is_held_out(truth) else [f"missing {b['page']}: {b['pagu']} {b['uraian']!r}" for b in budget.missing]
    assert budget.recall is None or recall_floor is None or budget.recall >= recall_floor, "\n".join(report)
    assert precision_floor is None or budget.precision is None or budget.precision >= precision_floor
    assert targets.recall is None or targets_floor is None or targets.recall >= targets_floor


@pytest.mark.slow
@pytest.mark.parametrize("doc_kind", sorted(GOALS))
def test_pooled_budget_goal(doc_kind):
    total = Match()
    for name in [n for n in NAMES if kind(load_truth(n)) == doc_kind]:
        total = total.add(score_budget(load_truth(name), _result(name).rows["pagu"]))
    print(f"{doc_kind}: budget lines in the right row {total.n_found}/{total.n_truth}, "
          f"precision {total.n_rows_matching}/{total.n_rows}")
    if total.recall < GOALS[doc_kind]:
        pytest.xfail(f"issue 9 goal {GOALS[doc_kind]:.2f} not met yet: recall {total.recall:.2f}")


# ---- the scorer itself, on the truth files ------------------------------------------------------

def _rows_from_truth(truth: dict) -> tuple[list[dict], list[dict]]:
    pagu = [{"page": b["page"], "pagu": b["pagu"], "uraian": b["uraian"] or "", "uraian_raw": b["uraian"] or ""}
            for b in truth["budget"]]
    targets = [{"page": t["page"], "target_value": t["target_value"], "indikator": t["indikator"],
                "indikator_raw": t["indikator"]} for t in truth["targets"]]
    return pagu, targets


@pytest.mark.parametrize("name", NAMES)
def test_truth_is_well_formed(name):
    truth = load_truth(name)
    pages = range(1, truth["document"]["n_pages"] + 1)
    assert truth["document"]["doc_type"] in {"RAK", "RKT", "PK", "LAKIP", "LAPTAH", "UNKNOWN"}
    assert all(b["page"] in truth["scored_pages"]["budget"] and isinstance(b["pagu"], int) and b["pagu"] >= 0
               for b in truth["budget"])  # '0,00' is a printed budget (Renja Kota Bogor p. 57)
    assert all(t["page"] in truth["scored_pages"]["targets"] for t in truth["targets"])
    assert set(truth["scored_pages"]["budget"]) | set(truth["scored_pages"]["targets"]) <= set(pages)


@pytest.mark.parametrize("name", NAMES)
def test_scorer_finds_every_truth_line_in_rows_equal_to_it(name):
    truth = load_truth(name)
    pagu, targets = _rows_from_truth(truth)
    budget, found_targets = score_budget(truth, pagu), score_targets(truth, targets)
    assert budget.n_found == budget.n_truth and budget.n_rows_matching == len(truth["budget"])
    assert (found_targets.n_found, found_targets.n_rows_matching) == (len(truth["targets"]),) * 2


def test_scorer_needs_the_exact_amount_on_the_page_and_a_similar_uraian():
    truth = load_truth("pk_desdm_prov_jabar_2016__scan_bitonal")
    line = truth["budget"][0]  # p3 950.000.000 'Program Pembinaan, Pengembangan Panas Bumi dan Migas'
    row = {"page": 3, "pagu": line["pagu"], "uraian": "Pembinaan Pengembangan Panas Bumi dan Migas", "uraian_raw": None}
    assert score_budget(truth, [row]).n_found == 1
    for wrong in ({"pagu": line["pagu"] + 1000}, {"page": 2}, {"uraian": "Program Pelayanan Administrasi Perkantoran"}):
        assert score_budget(truth, [{**row, **wrong}]).n_found == 0, wrong
    # two rows for one line: one found, both match a truth line (a restated line is no invention)
    both = score_budget(truth, [row, dict(row)])
    assert (both.n_found, both.n_rows, both.n_rows_matching) == (1, 2, 2)
