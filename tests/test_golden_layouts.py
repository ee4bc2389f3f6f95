"""Golden tests on a fixed subset of the layout-variation corpus (corpus/layouts/, `make eval` for all).

The issue-9 goals (digital pagu R >= 0.99 / P >= 0.995, scans 0.97 / 0.99, targets 0.97 / 0.99,
schedule F1 >= 0.98, metadata right everywhere) are not met yet on every layout class; until they
are, FLOORS holds today's measured figures on this subset (rounded down) so a regression fails;
where a floor is the goal (every digital figure; realisasi and pagu on the scans) the goal is met on
the subset. Held-out draws are never in the subset. The whole corpus: `make eval`.
"""

from __future__ import annotations

import json
import sys

import pytest

from conftest import CORPUS

sys.path.insert(0, str(CORPUS))
from eval_layouts import score  # noqa: E402

LAYOUTS = CORPUS / "layouts"
# Tuned draws of every ruling class and doc type (L18, once failing, among them), and four
# one-page scans.
DIGITAL = ["L02_rkt_grid", "L05_laptah_grid", "L24_rak_grid", "L07_rakq_none", "L11_laptah_none",
           "L12_rak_hrules", "L14_rkt_hrules", "L18_rak_headerbox", "L21_pk_headerbox", "L22_lakip_headerbox",
           # per-year tables: the document year's Target and Rp of five plan years, two LKIP years
           "L66_renstra_grid", "L68_lkipy_hrules", "L71_lkipy_none"]
SCANS = ["L26_rkt_grid-normal-300", "L36_rak_hrules-normal-300", "L52_lakip_grid-normal-300",
         "L65_laptah_hrules-normal-300"]
GOALS = {"pagu": (0.99, 0.995), "realisasi": (0.99, 0.995), "targets": (0.97, 0.99), "schedule": (0.98, 0.98)}
FLOORS = {  # (kind, dataset) -> (recall, precision) measured on this subset; see the module docstring
    # digital: every goal met on the subset since the borderless / header-box readers (all 1.000)
    ("digital", "pagu"): GOALS["pagu"], ("digital", "realisasi"): GOALS["realisasi"],
    ("digital", "targets"): GOALS["targets"], ("digital", "schedule"): GOALS["schedule"],
    ("scan", "pagu"): GOALS["pagu"], ("scan", "realisasi"): GOALS["realisasi"],
    # scan targets: 19 of 19 since the L36 hrules scan's indikator cells keep their second line
    # (a label column whose text starts at the table's left edge kept its gap: word_table._separators)
    ("scan", "targets"): GOALS["targets"], ("scan", "schedule"): (0.95, 0.95),
}

# Borderless hard-200 scans whose schedule only the scan readers of stop 19 read: L54's months
# drawn as shaded cells (extract/fills.py), L31's quarters under OCR-garbled roman labels ('I Ir rir
# Iv'). Schedule F1 measured 0.885 and 0.957 (0.02 and 0 before); floors rounded down. L54 0.966
# since the shaded boxes split the column of 'CBSO' (B8 B9 read as one word) and a noise box no
# longer stretches its row (word_table._fill_edges, _word_rows).
SCHEDULE_SCANS = {"L54_rak_none-hard-200": 0.96, "L31_rakq_none-hard-200": 0.95}


# Hard-200 scans whose budget only stop 19's readers read: L08's borderless columns that a
# one-pixel resample flipped (word_table's crossed-gap and row-gap rules), 21 of 21; L47's pagu,
# whose kegiatan sums now settle its two engines' readings under two programs, 9 of 9. L11's
# Courier labels, whose OCR'd spaces made column gaps, 5 of 5 with realisasi; L31's pagu, one of
# them 'Rp. 464.000, 00', 4 of 4.
# L47's realisasi, whose 'Realisasi' and '%' labels OCR lost, 9 of 9 since stop 25 (a column of
# percents that agrees with the amounts row by row: columns._realisation_by_ratio).
BUDGET_SCANS = {"L08_rkt_none-hard-200": "pagu", "L47_laptah_headerbox-hard-200": "realisasi",
                "L11_laptah_none-hard-200": "realisasi", "L31_rakq_none-hard-200": "pagu",
                # stop 22: a Renja's Rencana Tahun 2024 | Prakiraan Maju over Target | Rp, 6 of 6
                "L70_renja_grid-hard-200": "pagu"}


def _paths(kind: str) -> list[str]:
    return [str(LAYOUTS / f"{n}.pdf") for n in DIGITAL] if kind == "digital" else [
        str(LAYOUTS / "scans" / f"{n}.pdf") for n in SCANS]


_CACHE: dict[str, dict] = {}


def _scored(path: str) -> dict:
    if path not in _CACHE:
        _CACHE[path] = score(path)
    return _CACHE[path]


def test_subset_is_tuned_draws_only():
    for name in DIGITAL + [n.split("-")[0] for n in SCANS]:
        truth = json.loads((LAYOUTS / "truth" / f"{name}.json").read_text())
        assert not truth["held_out"], name


@pytest.mark.parametrize("name", DIGITAL)
def test_metadata_right(name):
    assert _scored(str(LAYOUTS / f"{name}.pdf"))["meta_ok"]


@pytest.mark.parametrize("kind,dataset", [k for k in FLOORS if k[0] == "digital"])
def test_digital_recall_precision(kind, dataset):
    _check(kind, dataset)


@pytest.mark.slow
@pytest.mark.parametrize("kind,dataset", [k for k in FLOORS if k[0] == "scan"])
def test_scan_recall_precision(kind, dataset):
    _check(kind, dataset)


@pytest.mark.slow
@pytest.mark.parametrize("name", SCHEDULE_SCANS)
def test_borderless_scan_schedule(name):
    truth = json.loads((LAYOUTS / "truth" / f"{name.split('-')[0]}.json").read_text())
    assert not truth["held_out"]
    n_truth, n_found, recovered = _scored(str(LAYOUTS / "scans" / f"{name}.pdf"))["schedule"][:3]
    f1 = 2 * recovered / (n_truth + n_found)
    print(f"{name} schedule: {recovered} of {n_truth} truth, {n_found} found, F1 {f1:.3f}")
    assert f1 >= SCHEDULE_SCANS[name]


@pytest.mark.slow
@pytest.mark.parametrize("name", BUDGET_SCANS)
def test_hard_scan_budget(name):
    truth = json.loads((LAYOUTS / "truth" / f"{name.split('-')[0]}.json").read_text())
    assert not truth["held_out"]
    n_truth, n_found, recovered = _scored(str(LAYOUTS / "scans" / f"{name}.pdf"))[BUDGET_SCANS[name]][:3]
    assert n_truth > 0 and recovered == n_truth == n_found, (recovered, n_truth, n_found)


@pytest.mark.slow
def test_monospaced_second_set_scan_with_two_tables_and_lost_thousands_dots(tmp_path):
    # L58's second-set scan (Courier, made as `make eval` makes it): the heading 'B. | Akuntabilitas
    # Keuangan' splits the targets' table from the budget's, and '20 | 251 | 000' (OCR lost the
    # dots) is one amount; 0 of 8 pagu and of 12 targets before both (word_table)
    import layouts_scans
    scan = layouts_scans.make_variant(LAYOUTS / "L58_lakip_none.pdf", "normal-300", tmp_path)
    scores = score(str(scan))
    assert scores["pagu"][:3] == scores["realisasi"][:3] == (8, 8, 8)
    assert scores["targets"][2] >= 11


def _check(kind: str, dataset: str) -> None:
    results = [_scored(p) for p in _paths(kind)]
    n_truth, n_found, recovered = (sum(r[dataset][i] for r in results) for i in range(3))
    recall = recovered / n_truth if n_truth else 1.0
    precision = recovered / n_found if n_found else 1.0
    if dataset == "schedule":  # F1, held to both figures
        recall = precision = 2 * recovered / (n_truth + n_found) if n_truth + n_found else 1.0
    floor = FLOORS[(kind, dataset)]
    print(f"{kind} {dataset}: recall {recall:.3f} precision {precision:.3f} (floor {floor}, goal {GOALS[dataset]})")
    assert recall >= floor[0] and precision >= floor[1]
