"""Running at scale: page-level parallelism, crash safety and the cache, Dask, progress output.

Every run here is compared with an uninterrupted local run of the same batch over all seven
datasets (rows sorted, so only completion order may differ).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from conftest import CORPUS
from kpu_extract.normalize.schema import DATASETS
from kpu_extract.pipeline import progress as progress_mod
from kpu_extract.pipeline.cli import main
from kpu_extract.pipeline.process import DocResult, PageSplit, document_task, file_digest, process_document
from kpu_extract.pipeline.run import CACHE_DIRNAME, RunSettings, _TaskQueue, process_documents

DIGITAL = ["pk_kota_serang_2022.pdf", "rkt_kota_serang_2021.pdf", "rak_kab_tabanan_2023.pdf",
           "lakip_kota_serang_2022.pdf", "rak_kab_serang_2023.pdf"]
SCAN = CORPUS / "scans" / "pk_kota_serang_2022-normal-300.pdf"  # 2 OCR pages, ~3 s
EXE = Path(sys.executable).with_name("kpu-extract")


def _cli(*args: str) -> list[str]:
    return [str(EXE) if EXE.exists() else sys.executable, *([] if EXE.exists() else ["-m", "kpu_extract.pipeline.cli"]),
            *args]


def _datasets(out: Path) -> dict[str, pd.DataFrame]:
    frames = {}
    for name in DATASETS:
        df = pd.read_parquet(out / f"{name}.parquet")
        if "bbox" in df:  # list cells are unhashable: compare them as tuples
            df["bbox"] = df["bbox"].map(lambda b: None if b is None else tuple(b))
        frames[name] = df.sort_values(list(df.columns), na_position="first").reset_index(drop=True)
    return frames


def _assert_same(out: Path, reference: dict[str, pd.DataFrame]) -> None:
    got = _datasets(out)
    for name in DATASETS:
        pd.testing.assert_frame_equal(got[name], reference[name], obj=name)


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> tuple[Path, dict[str, pd.DataFrame]]:
    """A small batch (5 digital documents + 1 scan) and its uninterrupted serial run's datasets."""
    folder = tmp_path_factory.mktemp("batch") / "in"
    folder.mkdir()
    for name in DIGITAL:
        shutil.copy(CORPUS / name, folder / name)
    shutil.copy(SCAN, folder / "scan_pk.pdf")
    out = folder.parent / "reference"
    assert main(["run", str(folder), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    return folder, _datasets(out)


# --- page-level parallelism ------------------------------------------------------------------------

def test_long_scan_is_split_into_page_tasks_and_reassembled():
    digest = file_digest(SCAN)
    split = document_task(str(SCAN), digest)
    assert isinstance(split, PageSplit) and (split.path, split.n_pages) == (str(SCAN), 2)
    assert len(split.weights) == 2 and all(w > 0 for w in split.weights)  # both pages are images
    digital = CORPUS / DIGITAL[0]
    assert isinstance(document_task(str(digital), file_digest(digital)), DocResult)  # digital: one task
    settings = RunSettings(out=Path("unused"), workers=2, progress="none")
    [(path, split)] = list(process_documents([str(SCAN)], {str(SCAN): digest}, settings))
    whole = process_document(str(SCAN), digest)  # the same document read in one task
    assert split.document == whole.document and split.document.status == "ok"
    assert split.rows == whole.rows and split.rows["targets"]


def test_queued_tasks_go_out_reassembly_first_then_documents_then_heaviest_pages():
    class Recorder:
        def __init__(self):
            self.sent = []

        def submit(self, key, fn, *args):
            self.sent.append(key)

    executor = Recorder()
    queue = _TaskQueue(executor, limit=1)
    queue.put((1, 0.0), "doc a", len)  # out at once: nothing else is out
    for key, weight in (("light", 1.0), ("heavy", 5.0), ("mid", 3.0)):
        queue.put((2, -weight), key, len)
    queue.put((1, 0.0), "doc b", len)
    assert executor.sent == ["doc a"]
    queue.done()
    queue.put((0, 0.0), "reassembly", len)
    for _ in range(5):
        queue.done()
    assert executor.sent == ["doc a", "doc b", "reassembly", "heavy", "mid", "light"]


# --- crash safety and the cache --------------------------------------------------------------------

def test_kill_9_mid_run_keeps_outputs_and_rerun_matches(batch, tmp_path):
    folder, reference = batch
    out, cache = tmp_path / "out", tmp_path / "out" / CACHE_DIRNAME
    first = folder / DIGITAL[0]
    assert subprocess.run(_cli("run", str(first), "--out", str(out), "--quiet"), timeout=120).returncode == 0
    before = {p.name: p.read_bytes() for p in out.glob("*.parquet")}
    assert len(before) == len(DATASETS) and len(list(cache.glob("*.arrow"))) == 1

    proc = subprocess.Popen(_cli("run", str(folder), "--out", str(out), "--quiet", "--workers", "1"),
                            start_new_session=True, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while len(list(cache.glob("*.arrow"))) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)  # the run and any worker it started
    assert proc.wait(timeout=30) == -signal.SIGKILL
    # The previous outputs are untouched and readable; no dataset is half-written.
    assert {p.name: p.read_bytes() for p in out.glob("*.parquet")} == before
    assert len(pd.read_parquet(out / "documents.parquet")) == 1

    # Garble two cache entries: one truncated, one with a flipped byte; both must be redone.
    entries = sorted(cache.glob("*.arrow"))
    assert len(entries) >= 2
    data = entries[0].read_bytes()
    entries[0].write_bytes(data[: len(data) // 2])
    data = bytearray(entries[1].read_bytes())
    data[len(data) // 2] ^= 0xFF
    entries[1].write_bytes(bytes(data))

    n, cached = len(DIGITAL) + 1, len(entries) - 2
    rerun = subprocess.run(_cli("run", str(folder), "--out", str(out)), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stderr.splitlines()[-1].startswith(
        f"{n} documents ({n - cached} processed, {cached} cached, 0 failed) -> {out}: documents {n}, ")
    _assert_same(out, reference)
    assert len(list(cache.glob("*.arrow"))) == n  # the corrupt entries were rebuilt

    again = subprocess.run(_cli("run", str(folder), "--out", str(out)), capture_output=True, text=True, timeout=120)
    assert again.returncode == 0
    assert again.stderr.splitlines() == [
        f"{n} documents (0 processed, {n} cached, 0 failed) -> {out}: "
        + ", ".join(f"{name} {len(reference[name])}" for name in DATASETS)]
    _assert_same(out, reference)


def test_force_reprocesses_everything(batch, tmp_path, capsys):
    folder, reference = batch
    args = ["run", *(str(folder / d) for d in DIGITAL[:2]), "--out", str(tmp_path), "--workers", "1"]
    assert main(args) == 0
    capsys.readouterr()
    assert main(args + ["--force"]) == 0
    assert "2 documents (2 processed, 0 cached, 0 failed)" in capsys.readouterr().err


# --- Dask ------------------------------------------------------------------------------------------

def test_dask_local_cluster_matches_local_run(batch, tmp_path):
    folder, reference = batch
    assert main(["run", str(folder), "--out", str(tmp_path), "--quiet", "--executor", "dask", "--workers", "2"]) == 0
    _assert_same(tmp_path, reference)


def test_dask_scheduler_address_matches_local_run(batch, tmp_path):
    from dask.distributed import LocalCluster

    folder, reference = batch
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        assert main(["run", str(folder), "--out", str(tmp_path), "--quiet", "--executor", "dask",
                     "--scheduler", cluster.scheduler_address]) == 0
    _assert_same(tmp_path, reference)


def test_scheduler_without_dask_is_bad_usage(tmp_path, capsys):
    assert main(["run", str(CORPUS / DIGITAL[0]), "--out", str(tmp_path), "--scheduler", "tcp://x:8786"]) == 2
    assert capsys.readouterr().err.splitlines() == ["kpu-extract: error: --scheduler needs --executor dask"]


# --- progress --------------------------------------------------------------------------------------

LINE = re.compile(r"^\[(\d+)/3 docs, (\d+)/8 pages\] ok: (\S+) \((\d+) pages; [\d.]+ pages/min, ETA \d+ s\)$")


def test_progress_is_log_lines_when_not_a_terminal(batch, tmp_path):
    folder, _ = batch
    files = [str(folder / d) for d in DIGITAL[:3]]
    proc = subprocess.run(_cli("run", *files, "--out", str(tmp_path), "--workers", "2"),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0
    lines = proc.stderr.splitlines()
    assert len(lines) == 4
    matches = [LINE.match(line) for line in lines[:3]]
    assert all(matches), lines
    assert [int(m.group(1)) for m in matches] == [1, 2, 3]
    assert sorted(m.group(3) for m in matches) == sorted(files)
    pages = [int(m.group(2)) for m in matches]  # pages done so far, of 2 + 3 + 3 known up front
    assert pages == sorted(pages) and pages[-1] == sum(int(m.group(4)) for m in matches) == 8
    assert lines[3].startswith(f"3 documents (3 processed, 0 cached, 0 failed) -> {tmp_path}: documents 3, ")


def test_quiet_prints_nothing(batch, tmp_path):
    folder, _ = batch
    proc = subprocess.run(_cli("run", str(folder / DIGITAL[0]), "--out", str(tmp_path), "--quiet"),
                          capture_output=True, text=True, timeout=120)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


def test_terminal_gets_a_bar_over_pages(monkeypatch, capsys):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    bar = progress_mod.make_progress("auto", {"a.pdf": 2, "long.pdf": 140})
    assert isinstance(bar, progress_mod.Bar)
    result = process_document(str(CORPUS / DIGITAL[0]), file_digest(CORPUS / DIGITAL[0]))
    bar.doc_done("a.pdf", result)
    for _ in range(70):
        bar.page_done()
    bar.close()
    err = capsys.readouterr().err
    assert "kpu-extract:" in err and "72/142" in err and "1/2 docs" in err


def test_eta_comes_from_pages():
    """One long scan among short files: after the short ones the ETA is the long one's pages."""
    counts = {f"short{i}.pdf": 1 for i in range(23)} | {"long.pdf": 142}
    result = process_document(str(CORPUS / DIGITAL[0]), file_digest(CORPUS / DIGITAL[0]))
    progress = progress_mod.Progress(counts)
    for name in list(counts)[:23]:
        progress.doc_done(name, result)
    progress.started -= 23.0  # as if 23 pages took 23 s
    per_min, eta = progress._rate_eta()
    assert progress.pages == 23 and 59 < per_min < 61 and 141 < eta < 143


# --- dead workers and a dead main process ----------------------------------------------------------

def _die_once(marker: str) -> int:
    """Kills its worker the first time (no marker yet), returns its pid the second time."""
    if not os.path.exists(marker):
        Path(marker).touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return os.getpid()


def _die_always() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def test_dead_worker_is_replaced_and_its_task_retried_once(tmp_path):
    from kpu_extract.pipeline.executors import LocalExecutor, WorkerDied

    executor = LocalExecutor(2)
    try:
        executor.submit("once", _die_once, str(tmp_path / "died"))
        executor.submit("always", _die_always)
        results = dict(executor.completed())
        assert isinstance(results["always"], WorkerDied)
        assert isinstance(results["once"], int) and results["once"] != os.getpid()
        executor.submit("after", _die_once, str(tmp_path / "died"))  # the replaced pool still works
        assert isinstance(dict(executor.completed())["after"], int)
    finally:
        executor.close()


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def _name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except FileNotFoundError:
        return ""


def _wait_for_ocr(proc: subprocess.Popen) -> int:
    """The pid of a pool worker of `proc` that is OCR'ing now: Tesseract runs in it (the C API
    loaded) or under it (the CLI)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        for worker in _children(proc.pid):
            if any(_name(c) == "tesseract" for c in _children(worker)) or _has_tesseract_loaded(worker):
                return worker
        time.sleep(0.02)
    raise AssertionError("no worker ran tesseract")


def _has_tesseract_loaded(pid: int) -> bool:
    try:
        return "libtesseract" in Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return False


def test_worker_killed_mid_run_the_batch_completes(batch, tmp_path):
    folder, reference = batch
    proc = subprocess.Popen(_cli("run", str(folder), "--out", str(tmp_path), "--workers", "2"),
                            stderr=subprocess.PIPE, text=True)
    os.kill(_wait_for_ocr(proc), signal.SIGKILL)
    assert proc.wait(timeout=300) == 0
    assert "Traceback" not in proc.stderr.read()
    _assert_same(tmp_path, reference)  # every document ok, the killed one's task retried


def test_workers_exit_when_the_main_process_is_killed(batch, tmp_path):
    folder, _ = batch
    proc = subprocess.Popen(_cli("run", str(folder), "--out", str(tmp_path), "--workers", "2", "--force"),
                            stderr=subprocess.DEVNULL)
    _wait_for_ocr(proc)
    workers = _children(proc.pid)
    assert len(workers) == 2
    os.kill(proc.pid, signal.SIGKILL)  # the main process only, not its group
    proc.wait(timeout=30)
    deadline = time.monotonic() + 5
    while any(Path(f"/proc/{w}").exists() and _status(w) != "Z" for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [w for w in workers if Path(f"/proc/{w}").exists() and _status(w) != "Z"] == []


def _status(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return "gone"
