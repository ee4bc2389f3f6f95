"""Crash-safe storage: the per-document result cache and the atomic dataset writer.

Everything is written to a temporary file in the target folder, fsynced and renamed over the
old file, so a run killed at any moment leaves the previous outputs (and cache entries) intact.
Files get the mode any other file of the user would get (0666 less the umask).

A cache entry is data, never code: one Arrow IPC file per document, one row with a column per
dataset (a list of the contract rows, typed by `SCHEMAS`), its format version and key in the
schema metadata. Whoever can write the cache folder (a shared volume) can at worst make a
document's rows wrong, never run code as the batch user; an entry that does not validate is
removed and the document is read again.
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import logging
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import OutputError
from ..normalize.schema import DATASETS, ROW_TYPES, SCHEMAS, Records, rows_to_table
from .process import DocResult

log = logging.getLogger(__name__)
LOCK_NAME = ".kpu-lock"
_LOCK_POLL_S = 0.2

CACHE_FORMAT = "kpu-cache-2"  # bump when the entry layout changes (the schemas are checked anyway)
_SUFFIX = ".arrow"
_OLD_SUFFIX = ".pkl"  # the pickle cache of 0.1.0: never read, removed on sight


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, data: bytes) -> None:
    """Write bytes to path so readers see the old file or the new one, never a partial one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fchmod(fh.fileno(), 0o666 & ~_umask())  # mkstemp makes 0600; analysts must read outputs
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def output_lock(out: Path, timeout_s: float) -> Iterator[None]:
    """Hold DIR/.kpu-lock (flock, holding the pid) for a run; a second run waits up to timeout_s.

    The kernel drops the lock when its process dies, so a lock left by a killed run (the file
    with a dead pid in it) is simply taken over. Pool workers share the lock's file description
    and die with the run (executors.py), so they never keep a dead run's lock.
    """
    out.mkdir(parents=True, exist_ok=True)
    fd = os.open(out / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o666 & ~_umask())
    try:
        deadline = time.monotonic() + timeout_s
        announced = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
                if time.monotonic() >= deadline:
                    raise OutputError(f"{out} is in use by another kpu-extract run (pid {holder}) for over "
                                      f"{timeout_s:g} s; wait for it or choose another --out") from None
                if not announced:
                    log.warning("kpu-extract: waiting for the run of pid %s writing %s", holder, out)
                    announced = True
                time.sleep(_LOCK_POLL_S)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)


_ENTRY_SCHEMA = pa.schema([pa.field(name, pa.list_(pa.struct(list(SCHEMAS[name])))) for name in DATASETS])


class ResultCache:
    """Per-document results keyed by file digest, pipeline version and vocabulary version."""

    def __init__(self, folder: Path, version_key: str):
        self.folder = folder
        self.version_key = version_key
        for old in folder.glob(f"*{_OLD_SUFFIX}") if folder.is_dir() else ():
            old.unlink(missing_ok=True)

    def _key(self, digest: str) -> str:
        return f"{digest}:{self.version_key}"

    def _path(self, digest: str) -> Path:
        return self.folder / f"{hashlib.sha256(self._key(digest).encode()).hexdigest()[:32]}{_SUFFIX}"

    def get(self, digest: str) -> DocResult | None:
        """The cached result, or None when absent or invalid (an invalid entry is removed)."""
        path = self._path(digest)
        try:
            blob = path.read_bytes()
        except FileNotFoundError:
            return None
        result = entry_to_result(blob, self._key(digest))
        if result is None:
            path.unlink(missing_ok=True)
        return result

    def put(self, digest: str, result: DocResult) -> None:
        atomic_write(self._path(digest), result_to_entry(result, self._key(digest)))


def result_to_entry(result: DocResult, key: str) -> bytes:
    """One document's rows as an Arrow IPC file: one row, a list column per dataset."""
    columns = []
    for name in DATASETS:
        rows = [result.document] if name == "documents" else result.rows[name]
        structs = rows_to_table(name, rows).to_struct_array().combine_chunks()
        columns.append(pa.ListArray.from_arrays(pa.array([0, len(structs)], pa.int32()), structs))
    schema = _ENTRY_SCHEMA.with_metadata({"format": CACHE_FORMAT, "key": key})
    table = pa.Table.from_arrays(columns, schema=schema)
    sink = io.BytesIO()
    with pa.ipc.new_file(sink, schema) as writer:
        writer.write_table(table)
    return sink.getvalue()


def entry_to_result(blob: bytes, key: str) -> DocResult | None:
    """The DocResult in an entry, or None unless its format, key, schemas and shape all check out."""
    try:
        table = pa.ipc.open_file(pa.BufferReader(blob)).read_all()
        table.validate(full=True)
    except (pa.ArrowException, OSError, ValueError):
        return None
    meta = table.schema.metadata or {}
    if (meta.get(b"format") != CACHE_FORMAT.encode() or meta.get(b"key") != key.encode()
            or not table.schema.equals(_ENTRY_SCHEMA) or table.num_rows != 1):
        return None
    rows = {}
    for name in DATASETS:
        values = table.column(name)[0].values
        rows[name] = [] if values is None else [_row(name, d) for d in values.to_pylist()]
    if len(rows["documents"]) != 1:
        return None
    return DocResult(document=rows.pop("documents")[0], rows=Records(**rows))


def _row(dataset: str, values: dict):
    row_type = ROW_TYPES[dataset]
    return row_type(**{f.name: values[f.name] for f in fields(row_type)})


def write_datasets(results: list[DocResult], out: Path) -> dict[str, int]:
    """Write every dataset as DIR/<dataset>.parquet (atomically); returns row counts."""
    counts = {}
    # The same bytes under two file names: one documents row per file, its data rows once.
    unique = list({r.document.doc_id: r for r in reversed(results)}.values())[::-1]
    for name in DATASETS:
        rows = [r.document for r in results] if name == "documents" else [
            row for r in unique for row in r.rows[name]]
        table = rows_to_table(name, rows)
        sink = io.BytesIO()
        pq.write_table(table, sink, compression="zstd")
        atomic_write(out / f"{name}.parquet", sink.getvalue())
        counts[name] = table.num_rows
    return counts
