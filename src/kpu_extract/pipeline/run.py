"""The orchestrator: find inputs, hash, reuse cached results, process the rest in parallel, write.

    find_inputs -> hash -> cache lookup -> run_tasks (local pool | Dask) -> cache -> write_datasets
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from .. import PIPELINE_VERSION
from ..errors import InputNotFound, UsageError
from ..normalize.vocabulary import default_vocabulary
from .process import DocResult, file_digest, process_document
from .storage import ResultCache, write_datasets

log = logging.getLogger(__name__)
CACHE_DIRNAME = ".kpu-cache"


@dataclass(frozen=True)
class RunSettings:
    """How a batch runs."""

    out: Path
    workers: int = os.cpu_count() or 1
    executor: str = "local"
    scheduler: str | None = None
    force: bool = False
    progress: str = "auto"  # 'auto' (bar on a terminal, log lines otherwise) or 'none'

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise UsageError("--workers must be at least 1")
        if self.executor not in ("local", "dask"):
            raise UsageError(f"--executor must be 'local' or 'dask', not {self.executor!r}")
        if self.scheduler and self.executor != "dask":
            raise UsageError("--scheduler needs --executor dask")


@dataclass
class RunSummary:
    results: list[DocResult]
    counts: dict[str, int]
    processed: int
    cached: int

    @property
    def failed(self) -> int:
        return sum(r.document.status == "failed" for r in self.results)


def find_inputs(inputs: Iterable[str]) -> list[str]:
    """PDF files given directly, and every *.pdf (any case) below given folders, sorted."""
    found: list[str] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found += sorted(str(p) for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")
        elif path.exists():
            found.append(str(path))
        else:
            raise InputNotFound(f"input not found: {item}")
    return list(dict.fromkeys(found))


def run(inputs: Iterable[str], settings: RunSettings) -> RunSummary:
    """Process a batch and write all datasets into settings.out."""
    paths = find_inputs(inputs)
    if not paths:
        raise UsageError("no PDF files found in the inputs")
    cache = ResultCache(settings.out / CACHE_DIRNAME, f"{PIPELINE_VERSION}:{default_vocabulary().version}")
    digests = {p: file_digest(p) for p in paths}
    results: dict[str, DocResult] = {}
    todo = []
    for p in paths:
        hit = None if settings.force else cache.get(digests[p])
        if hit is not None:
            hit.document.source_file = p
            results[p] = hit
        else:
            todo.append(p)
    for path, result in _progress(run_tasks(todo, digests, settings), len(todo), settings.progress):
        if result.document.status != "failed":
            cache.put(digests[path], result)
        results[path] = result
    ordered = [results[p] for p in paths]
    counts = write_datasets(ordered, settings.out)
    return RunSummary(ordered, counts, processed=len(todo), cached=len(paths) - len(todo))


def run_tasks(paths: list[str], digests: dict[str, str], settings: RunSettings) -> Iterator[tuple[str, DocResult]]:
    """Process documents on the chosen executor, yielding results as they finish."""
    if not paths:
        return
    if settings.executor == "dask":
        yield from _run_dask(paths, digests, settings)
    elif settings.workers == 1 or len(paths) == 1:
        for p in paths:
            yield p, process_document(p, digests[p])
    else:
        with ProcessPoolExecutor(max_workers=min(settings.workers, len(paths)), initializer=_init_worker) as pool:
            futures = {pool.submit(process_document, p, digests[p]): p for p in paths}
            for fut in as_completed(futures):
                yield futures[fut], fut.result()


def _init_worker() -> None:
    # One single-threaded Tesseract per worker: parallelism comes from the pool, not from OpenMP.
    os.environ["OMP_THREAD_LIMIT"] = "1"


def _run_dask(paths: list[str], digests: dict[str, str], settings: RunSettings):
    from dask.distributed import Client, LocalCluster, as_completed as dask_completed

    cluster = None
    if settings.scheduler:
        client = Client(settings.scheduler)
    else:
        cluster = LocalCluster(n_workers=settings.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, env={"OMP_THREAD_LIMIT": "1"})
        client = Client(cluster)
    try:
        futures = {client.submit(process_document, p, digests[p], pure=False): p for p in paths}
        for fut in dask_completed(futures):
            yield futures[fut], fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _progress(items, total: int, mode: str) -> Iterator:
    if mode == "none" or total == 0:
        yield from items
        return
    if sys.stderr.isatty():
        from tqdm import tqdm

        yield from tqdm(items, total=total, unit="doc", desc="kpu-extract")
        return
    for i, (path, result) in enumerate(items, 1):
        log.info("[%d/%d] %s: %s", i, total, result.document.status, path)
        yield path, result

