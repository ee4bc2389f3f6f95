"""The result cache is data, never code: round trips, crafted and damaged entries, file modes."""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import shutil
import stat
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from conftest import CORPUS, processed
from kpu_extract.normalize.schema import DATASETS
from kpu_extract.pipeline.cli import main
from kpu_extract.pipeline.process import file_digest
from kpu_extract.pipeline.run import CACHE_DIRNAME, open_cache
from kpu_extract.pipeline.storage import atomic_write, entry_to_result, result_to_entry

DOCS = ["laptah_kota_serang_2023.pdf", "rak_kab_serang_2023.pdf", "pk_kota_serang_2022.pdf"]


def _datasets(out: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in DATASETS}


@pytest.mark.parametrize("name", DOCS)
def test_entry_round_trips_to_equal_row_dataclasses(name):
    result = processed(str(CORPUS / name))
    assert result.document.status == "ok" and sum(len(result.rows[n]) for n in DATASETS[1:]) > 0
    back = entry_to_result(result_to_entry(result, "k"), "k")
    assert back == result
    assert all(type(a) is type(b) for n in DATASETS[1:] for a, b in zip(result.rows[n], back.rows[n]))


def _entry(name: str = "pk_kota_serang_2022.pdf") -> bytes:
    return result_to_entry(processed(str(CORPUS / name)), "k")


def _with_schema(blob: bytes, change) -> bytes:
    table = pa.ipc.open_file(pa.BufferReader(blob)).read_all()
    table = change(table)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


DAMAGE = {
    "another key": lambda b: b,  # read with key "other" below
    "truncated": lambda b: b[: len(b) // 2],
    "flipped byte": lambda b: b[:len(b) // 2] + bytes([b[len(b) // 2] ^ 0xFF]) + b[len(b) // 2 + 1:],
    "empty": lambda b: b"",
    "old format": lambda b: _with_schema(b, lambda t: t.replace_schema_metadata({"format": "kpu-cache-1", "key": "k"})),
    "column dropped": lambda b: _with_schema(b, lambda t: t.drop_columns(["review"])),
    "two documents": lambda b: _with_schema(b, lambda t: pa.concat_tables([t, t])),
    "a pickle": lambda b: pickle.dumps({"document": None}),
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_damaged_or_foreign_entry_does_not_validate(damage):
    blob = _entry()
    assert entry_to_result(blob, "k") is not None
    assert entry_to_result(DAMAGE[damage](blob), "other" if damage == "another key" else "k") is None


class _Payload:
    """Unpickling this creates MARKER: proof that a pickle was loaded."""

    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_crafted_entry_runs_no_code_and_is_rebuilt(tmp_path):
    """A pickle payload planted under the 0.1.0 cache's name (with its magic and checksum, so the
    old cache would have unpickled it) and under the new name: nothing runs, the outputs equal a
    clean run's, and the planted entry is replaced by a real one."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in DOCS:
        shutil.copy(CORPUS / name, folder / name)
    clean = tmp_path / "clean"
    assert main(["run", str(folder), "--out", str(clean), "--quiet", "--workers", "1"]) == 0

    out, marker = tmp_path / "out", tmp_path / "PWNED"
    cache = open_cache(out)
    cache.folder.mkdir(parents=True)
    body = pickle.dumps(_Payload(str(marker)))
    assert not marker.exists()
    for name in DOCS:
        digest = file_digest(folder / name)
        key = f"{digest}:{cache.version_key}"
        old = cache.folder / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.pkl"
        old.write_bytes(b"KPUX1" + hashlib.sha256(body).digest() + body)
        cache._path(digest).write_bytes(body)
    planted = sorted(p.name for p in cache.folder.iterdir())
    assert len(planted) == 2 * len(DOCS)

    proc = subprocess.run([sys.executable, "-m", "kpu_extract.pipeline.cli", "run", str(folder), "--out", str(out),
                           "--workers", "1"], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert proc.returncode == 0, proc.stderr
    assert not marker.exists()
    assert proc.stderr.splitlines()[-1].startswith("3 documents (3 processed, 0 cached, 0 failed)")
    for name in DATASETS:
        pd.testing.assert_frame_equal(_datasets(out)[name], _datasets(clean)[name], obj=name)
    entries = sorted(cache.folder.iterdir())
    assert [p.suffix for p in entries] == [".arrow"] * len(DOCS)  # the old .pkl files are gone
    for name in DOCS:
        hit, fresh = cache.get(file_digest(folder / name)), processed(str(CORPUS / name))
        assert hit.rows == fresh.rows and hit.document == replace(fresh.document, source_file=str(folder / name))
    assert main(["run", str(folder), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    assert not marker.exists()


def test_no_pickle_on_any_read_path():
    src = Path(__file__).resolve().parents[1] / "src" / "kpu_extract"
    loader = re.compile(r"^\s*(import|from) (pickle|cPickle|dill|shelve|marshal|joblib)\b", re.M)
    offenders = [str(p) for p in src.rglob("*.py") if loader.search(p.read_text())]
    assert offenders == []


@pytest.mark.parametrize("umask,mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_outputs_and_cache_entries_get_the_umask_mode(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        assert main(["run", str(CORPUS / DOCS[-1]), "--out", str(tmp_path), "--quiet", "--workers", "1"]) == 0
        atomic_write(tmp_path / "x.bin", b"x")
    finally:
        os.umask(old)
    files = [tmp_path / f"{name}.parquet" for name in DATASETS] + list((tmp_path / CACHE_DIRNAME).glob("*.arrow"))
    assert len(files) == len(DATASETS) + 1
    for path in files + [tmp_path / "x.bin"]:
        assert stat.S_IMODE(path.stat().st_mode) == mode, path
    assert not list(tmp_path.glob(".*.tmp"))
