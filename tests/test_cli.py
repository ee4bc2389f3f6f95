"""The command line: exit codes, one-line errors, datasets written, the cache, `tables`."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from conftest import CORPUS
import pyarrow.parquet as pq

from kpu_extract.normalize.schema import DATASETS, SCHEMAS
from kpu_extract.pipeline.cli import build_parser, main


def _one_pdf() -> str:
    return str(CORPUS / "pk_kota_serang_2022.pdf")


def test_every_command_has_help():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, cmd in sub.choices.items():
        assert cmd.description, name
        for action in cmd._actions:
            assert action.help, f"{name} {action.dest} has no help text"


def test_run_writes_every_dataset(tmp_path):
    assert main(["run", _one_pdf(), "--out", str(tmp_path), "--quiet", "--workers", "1"]) == 0
    for name in DATASETS:
        assert pq.read_schema(tmp_path / f"{name}.parquet").remove_metadata() == SCHEMAS[name], name
    docs = pd.read_parquet(tmp_path / "documents.parquet")
    assert docs.status.tolist() == ["ok"]


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["run", "--out", "x"])
    assert exc.value.code == 2


def test_missing_input_exits_2_with_one_line(tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope.pdf"), "--out", str(tmp_path / "o"), "--quiet"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"kpu-extract: error: input not found: {tmp_path / 'nope.pdf'}"]


@pytest.mark.parametrize("content,expected", [
    (b"", "empty file (0 bytes), not a PDF"),
    (b"<!DOCTYPE html><html><body>404</body></html>", "an HTML page (no %PDF header)"),
    (b"PK\x03\x04 zip bytes", "not a PDF (no %PDF header)"),
])
def test_bad_file_is_a_failed_row_and_the_batch_lands(tmp_path, capsys, content, expected):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(_one_pdf(), folder / "good.pdf")
    (folder / "bad.PDF").write_bytes(content)
    assert main(["run", str(folder), "--out", str(tmp_path / "out"), "--quiet", "--workers", "1"]) == 1
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet").set_index("source_file")
    bad = docs.loc[str(folder / "bad.PDF")]
    assert bad.status == "failed" and expected in bad.error and "\n" not in bad.error
    assert docs.loc[str(folder / "good.pdf")].status == "ok"
    assert len(pd.read_parquet(tmp_path / "out" / "targets.parquet")) > 0
    assert f"kpu-extract: failed: {folder / 'bad.PDF'}: {expected}" in capsys.readouterr().err


def test_truncated_pdf_fails_cleanly(tmp_path):
    data = (CORPUS / "pk_kota_serang_2022.pdf").read_bytes()
    bad = tmp_path / "truncated.pdf"
    bad.write_bytes(data[: len(data) // 3])
    assert main(["run", str(bad), "--out", str(tmp_path / "out"), "--quiet"]) == 1
    row = pd.read_parquet(tmp_path / "out" / "documents.parquet").iloc[0]
    assert row.status == "failed" and "cannot parse the PDF" in row.error


def test_rerun_uses_cache_and_is_identical(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["run", _one_pdf(), "--out", str(out), "--workers", "1"]) == 0
    first = {n: pd.read_parquet(out / f"{n}.parquet") for n in DATASETS}
    capsys.readouterr()
    assert main(["run", _one_pdf(), "--out", str(out), "--workers", "1"]) == 0
    assert "(0 processed, 1 cached, 0 failed)" in capsys.readouterr().err
    for n in DATASETS:
        pd.testing.assert_frame_equal(first[n], pd.read_parquet(out / f"{n}.parquet"))


def test_tables_dumps_csv_per_table(tmp_path):
    assert main(["tables", str(CORPUS / "rkt_kota_serang_2021.pdf"), "--out", str(tmp_path)]) == 0
    csvs = sorted(p.name for p in tmp_path.glob("*.csv"))
    assert csvs and csvs[0].startswith("page001_table00")


def test_same_pdf_under_two_names_is_counted_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(_one_pdf(), folder / "a.pdf")
    shutil.copy(_one_pdf(), folder / "copy of a.PDF")
    assert main(["run", str(folder), "--out", str(tmp_path / "out"), "--quiet", "--workers", "1"]) == 0
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    targets = pd.read_parquet(tmp_path / "out" / "targets.parquet")
    assert len(docs) == 2 and docs.doc_id.nunique() == 1
    assert not targets.drop(columns="bbox").duplicated().any() and len(targets) == 8


def test_unwritable_out_is_one_line(tmp_path, capsys):
    blocker = tmp_path / "out"
    blocker.write_text("a file where the output folder should be")
    assert main(["run", _one_pdf(), "--out", str(blocker), "--quiet", "--workers", "1"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("kpu-extract: error: cannot write ") and "choose another --out" in err[0]
