"""The command line: exit codes, one-line errors, datasets written, the cache, `tables`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from conftest import CORPUS
import pyarrow.parquet as pq

from kpu_extract import PIPELINE_VERSION, __version__
from kpu_extract.normalize.schema import DATASETS, SCHEMAS
from kpu_extract.pipeline.cli import build_parser, main
from kpu_extract.pipeline.storage import LOCK_NAME

EXE = Path(sys.executable).with_name("kpu-extract")


def _cli(*args: str) -> list[str]:
    return [str(EXE), *args] if EXE.exists() else [sys.executable, "-m", "kpu_extract.pipeline.cli", *args]


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
    assert main(["run", _one_pdf(), "--out", str(blocker), "--quiet", "--workers", "1"]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("kpu-extract: error: cannot write ") and "choose another --out" in err[0]


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out == f"kpu-extract {__version__} (pipeline {PIPELINE_VERSION})\n"


def test_missing_tesseract_exits_4_before_any_work(tmp_path):
    """A scanned document and no tesseract on PATH: exit 4 with one line; digital documents need none."""
    env = {**os.environ, "PATH": str(tmp_path / "empty-bin")}
    scan = str(CORPUS / "scans" / "pk_kota_serang_2022-normal-300.pdf")
    proc = subprocess.run(_cli("run", _one_pdf(), scan, "--out", str(tmp_path / "a"), "--quiet"),
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 4
    assert proc.stderr == (f"kpu-extract: error: {scan} has scanned pages and tesseract is not installed; "
                           "run `make sysdeps` (apt-get install tesseract-ocr tesseract-ocr-ind)\n")
    assert not (tmp_path / "a" / "documents.parquet").exists()
    digital = subprocess.run(_cli("run", _one_pdf(), "--out", str(tmp_path / "b"), "--quiet"),
                             capture_output=True, text=True, env=env, timeout=120)
    assert (digital.returncode, digital.stderr) == (0, "")


def _stderr_lines(tmp_path, *flags: str) -> list[str]:
    bad = tmp_path / "truncated.pdf"  # fails with a chained traceback (pdfminer -> pdfplumber -> ours)
    data = (CORPUS / "pk_kota_serang_2022.pdf").read_bytes()
    bad.write_bytes(data[: len(data) // 3])
    proc = subprocess.run(_cli("run", _one_pdf(), str(bad), "--out", str(tmp_path / f"out{len(flags)}"), "--quiet",
                               "--workers", "1", "--force", *flags), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    return proc.stderr.splitlines()


def test_verbose_levels(tmp_path):
    """-v: this project's debug lines and the traceback, no pdfminer tokens; -vv: those too."""
    quiet, v, vv = (_stderr_lines(tmp_path, *f) for f in ((), ("-v",), ("--verbose", "--verbose")))
    bad = tmp_path / "truncated.pdf"
    assert quiet == [f"kpu-extract: failed: {bad}: cannot parse the PDF (PSEOF: Unexpected EOF); the file may be "
                     "truncated or damaged, re-download it"]
    assert v.count(f"{bad} failed") == 1 and quiet[0] in v  # our debug line, then the traceback
    assert sum(line.startswith("Traceback") for line in v) == 4  # one chain of four exceptions
    assert len(v) < 100, len(v)
    assert not any(line.startswith("nexttoken") or "pdfminer.psparser" in line for line in v)
    assert len(vv) > 10 * len(v) and any(line.startswith("nexttoken") for line in vv)  # pdfminer's tokens


def test_second_run_into_the_same_folder_waits_for_the_first(tmp_path):
    """Two real runs into one --out: the second waits (one message line) and both land whole."""
    out = tmp_path / "out"
    scan = str(CORPUS / "scans" / "pk_kota_serang_2022-normal-300.pdf")  # ~3 s of OCR
    first = subprocess.Popen(_cli("run", scan, "--out", str(out), "--quiet", "--workers", "1"),
                             stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while not (out / LOCK_NAME).exists() or not (out / LOCK_NAME).read_text().strip():
        assert time.monotonic() < deadline and first.poll() is None
        time.sleep(0.02)
    assert int((out / LOCK_NAME).read_text()) == first.pid
    second = subprocess.run(_cli("run", _one_pdf(), "--out", str(out), "--workers", "1"),
                            capture_output=True, text=True, timeout=300)
    assert first.wait(timeout=300) == 0, first.stderr.read()
    assert second.returncode == 0
    lines = second.stderr.splitlines()
    assert lines[0] == f"kpu-extract: waiting for the run of pid {first.pid} writing {out}"
    assert lines[-1].startswith(f"1 documents (1 processed, 0 cached, 0 failed) -> {out}")
    docs = pd.read_parquet(out / "documents.parquet")
    assert docs.source_file.tolist() == [_one_pdf()]
    assert len(list((out / ".kpu-cache").glob("*.arrow"))) == 2  # the first run's entry survived


def test_busy_folder_times_out_with_one_line_and_stale_lock_is_taken_over(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", f"""
import fcntl, os, sys, time
fd = os.open({str(out / LOCK_NAME)!r}, os.O_RDWR | os.O_CREAT)
fcntl.flock(fd, fcntl.LOCK_EX)
os.write(fd, str(os.getpid()).encode())
print("locked", flush=True)
time.sleep(60)
"""], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "locked\n"
    env = {**os.environ, "KPU_EXTRACT_LOCK_TIMEOUT": "1"}
    try:
        busy = subprocess.run(_cli("run", _one_pdf(), "--out", str(out), "--quiet"), capture_output=True, text=True,
                              env=env, timeout=120)
    finally:
        holder.kill()
        holder.wait()
    assert busy.returncode == 3
    assert busy.stderr.splitlines() == [
        f"kpu-extract: waiting for the run of pid {holder.pid} writing {out}",
        f"kpu-extract: error: {out} is in use by another kpu-extract run (pid {holder.pid}) for over 1 s; "
        "wait for it or choose another --out"]
    # The holder is gone (killed); its pid is still in the file: the lock is stale and is taken over.
    assert (out / LOCK_NAME).read_text() == str(holder.pid)
    started = time.monotonic()
    again = subprocess.run(_cli("run", _one_pdf(), "--out", str(out), "--quiet"), capture_output=True, text=True,
                           env=env, timeout=120)
    assert (again.returncode, again.stderr) == (0, "")
    assert time.monotonic() - started < 60
    assert (out / LOCK_NAME).read_text().strip() != str(holder.pid)
