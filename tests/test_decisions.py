"""Reviewer decisions through real `kpu-extract run`s: set, accept, reject and a stale decision."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from conftest import CORPUS
from kpu_extract.pipeline.cli import main

LAPTAH = CORPUS / "laptah_kota_serang_2023.pdf"


def _run(out, *extra, quiet=True) -> int:
    return main(["run", str(LAPTAH), "--out", str(out), "--workers", "1", *(["--quiet"] if quiet else []), *extra])


def _write(path, rows) -> None:
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["row_id", "field", "decision", "value", "reviewer", "note"])
        w.writerows(rows)


@pytest.fixture(scope="module")
def first(tmp_path_factory):
    out = tmp_path_factory.mktemp("decisions")
    assert _run(out) == 0
    return out, {name: pd.read_parquet(out / f"{name}.parquet") for name in ("pagu", "checks", "review")}


def test_row_ids_are_stable_across_runs(first, tmp_path):
    out, data = first
    assert _run(tmp_path / "again", "--force") == 0
    again = pd.read_parquet(tmp_path / "again" / "pagu.parquet")
    assert list(again.row_id) == list(data["pagu"].row_id) and data["pagu"].row_id.is_unique


def test_decisions_apply_on_the_next_run_and_the_checks_run_again(first, tmp_path, capsys):
    out, data = first
    pagu, review = data["pagu"], data["review"]
    wa3355 = pagu[pagu.kode == "WA.3355"].iloc[0]
    sum_before = data["checks"].query("check == 'sum_children' and scope == 'WA.3355 pagu'").status.item()
    assert sum_before == "mismatch"  # the table prints 2144325000 over outputs adding to 2081325000
    rejected = pagu[pagu.kode == "CQ.6888"].iloc[0]
    flagged = review[review.row_id.notna() & (review.field == "pagu")].iloc[0]
    folder = tmp_path / "out"
    folder.mkdir()
    for f in out.iterdir():  # the first run's outputs and cache: only the decided document is redone
        if f.is_file():
            (folder / f.name).write_bytes(f.read_bytes())
    (folder / ".kpu-cache").mkdir()
    for f in (out / ".kpu-cache").iterdir():
        (folder / ".kpu-cache" / f.name).write_bytes(f.read_bytes())
    _write(folder / "decisions.csv", [
        [wa3355.row_id, "pagu", "set", "2.081.325.000", "ani", "the outputs and the narrative say so"],
        [flagged.row_id, "pagu", "accept", "", "ani", ""],
        [rejected.row_id, "", "reject", "", "budi", "restated elsewhere"],
        [wa3355.doc_id + "-pdeadbeef0000", "pagu", "set", "1.000", "budi", "a row of an older version"],
    ])
    capsys.readouterr()
    assert _run(folder, quiet=False) == 0
    assert "1 processed, 0 cached" in capsys.readouterr().err  # the decisions are part of its cache key
    pagu2 = pd.read_parquet(folder / "pagu.parquet")
    checks2 = pd.read_parquet(folder / "checks.parquet")
    review2 = pd.read_parquet(folder / "review.parquet")
    decided = pagu2[pagu2.row_id == wa3355.row_id].iloc[0]
    assert decided.pagu == 2081325000 and decided.verified and "reviewer" in decided.evidence
    assert checks2.query("check == 'sum_children' and scope == 'WA.3355 pagu'").status.item() == "ok"
    assert rejected.row_id not in set(pagu2.row_id)
    assert not ((review2.row_id == flagged.row_id) & (review2.field == "pagu")).any()
    stale = review2[review2.reason == "stale_decision"]
    assert len(stale) == 1 and "deadbeef" in stale.detail.item()
    # the report shows each decision beside the row as it is now
    assert main(["report", str(folder)]) == 0
    page = (folder / "report" / "doc" / f"{wa3355.doc_id}.html").read_text()
    assert "Reviewer decisions (4)" in page and page.count('class="decision ') == 4
    assert "dropped" in page and "not applied (see review)" in page and "✓ verified" in page


def test_a_bad_decisions_file_is_bad_usage(tmp_path, capsys):
    path = tmp_path / "d.csv"
    path.write_text("row_id,field\nx,pagu\n")
    assert _run(tmp_path / "out", "--decisions", str(path)) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"kpu-extract: error: {path}: missing column(s) decision; the header is "
                   "row_id,field,decision,value,reviewer,note"]
