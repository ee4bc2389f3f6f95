"""Crash-safe storage: the per-document result cache and the atomic dataset writer.

Everything is written to a temporary file in the target folder, fsynced and renamed over the
old file, so a run killed at any moment leaves the previous outputs (and cache entries) intact.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import tempfile
from pathlib import Path

import pyarrow.parquet as pq

from ..normalize.schema import DATASETS, rows_to_table
from .process import DocResult

_MAGIC = b"KPUX1"


def atomic_write(path: Path, data: bytes) -> None:
    """Write bytes to path so readers see the old file or the new one, never a partial one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class ResultCache:
    """Per-document results keyed by file digest, pipeline version and vocabulary version."""

    def __init__(self, folder: Path, version_key: str):
        self.folder = folder
        self.version_key = version_key

    def _path(self, digest: str) -> Path:
        key = hashlib.sha256(f"{digest}:{self.version_key}".encode()).hexdigest()[:32]
        return self.folder / f"{key}.pkl"

    def get(self, digest: str) -> DocResult | None:
        """The cached result, or None when absent or corrupt (a corrupt entry is removed)."""
        path = self._path(digest)
        try:
            blob = path.read_bytes()
        except FileNotFoundError:
            return None
        body = blob[len(_MAGIC) + 32:]
        if not blob.startswith(_MAGIC) or blob[len(_MAGIC):len(_MAGIC) + 32] != hashlib.sha256(body).digest():
            path.unlink(missing_ok=True)
            return None
        try:
            return pickle.loads(body)
        except Exception:
            path.unlink(missing_ok=True)
            return None

    def put(self, digest: str, result: DocResult) -> None:
        body = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        atomic_write(self._path(digest), _MAGIC + hashlib.sha256(body).digest() + body)


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

