"""The orchestrator: find inputs, hash, reuse cached results, process the rest in parallel, write.

    find_inputs -> lock DIR -> hash -> cache lookup -> count pages -> process_documents
                (serial | local pool | Dask) -> cache -> write_datasets

Outputs are written only at the end, each atomically, and cache entries as documents finish:
a run killed at any moment leaves the previous datasets intact and keeps the finished work.
One run at a time writes a folder: a second run into it waits (DIR/.kpu-lock, storage.py).
"""

from __future__ import annotations

import heapq
import itertools
import logging
import os
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .. import PIPELINE_VERSION
from ..errors import InputNotFound, OcrUnavailable, UsageError
from ..extract.model import ReadFailure
from ..extract.pdf import page_count, scan_like_pages
from ..extract.settings import ExtractSettings
from ..normalize.vocabulary import default_vocabulary
from ..normalize.decisions import Decision
from .decisions import DEFAULT_NAME as DECISIONS_NAME, decisions_by_document, decisions_key, read_decisions
from .executors import WorkerDied, open_executor
from .process import DocResult, PageSplit, document_task, failed_result, file_digest, page_task, pages_to_result
from .progress import Progress, make_progress
from .storage import ResultCache, output_lock, write_datasets

log = logging.getLogger(__name__)
CACHE_DIRNAME = ".kpu-cache"
# How long a run waits for another run writing the same DIR before it stops (KPU_EXTRACT_LOCK_TIMEOUT).
LOCK_TIMEOUT_S = 3600.0
TESSERACT = "tesseract"


def _available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class RunSettings:
    """How a batch runs."""

    out: Path
    workers: int = field(default_factory=_available_cores)
    executor: str = "local"
    scheduler: str | None = None
    force: bool = False
    progress: str = "auto"  # 'auto' (bar on a terminal, log lines otherwise) or 'none'
    extract: ExtractSettings = ExtractSettings()
    lock_timeout_s: float = LOCK_TIMEOUT_S
    decisions: Path | None = None  # reviewer decisions (default DIR/decisions.csv when it exists)

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


def run(inputs: Iterable[str], settings: RunSettings) -> RunSummary:
    """Process a batch and write all datasets into settings.out."""
    paths = find_inputs(inputs)
    decided = decisions_by_document(load_decisions(settings))
    with output_lock(settings.out, settings.lock_timeout_s):
        digests = {p: file_digest(p) for p in paths}
        decisions = {p: decided.get(digests[p][:16], ()) for p in paths}
        keys = {p: digests[p] + decisions_key(decisions[p]) for p in paths}  # the cache key
        cache = open_cache(settings.out)
        results = {} if settings.force else lookup_cache(paths, keys, cache, settings.extract)
        todo = [p for p in paths if p not in results]
        page_counts = {p: page_count(p) or 0 for p in todo}
        require_ocr_program(todo)
        progress = make_progress(settings.progress, page_counts)
        try:
            for path, result in process_documents(todo, digests, settings, progress, decisions):
                store_result(cache, keys[path], result, settings.extract)
                results[path] = result
        finally:
            progress.close()
        ordered = [results[p] for p in paths]
        counts = write_datasets(ordered, settings.out)
    return RunSummary(ordered, counts, processed=len(todo), cached=len(paths) - len(todo))


def load_decisions(settings: RunSettings) -> tuple[Decision, ...]:
    """The reviewer decisions to apply: --decisions FILE, else DIR/decisions.csv when present."""
    path = settings.decisions or settings.out / DECISIONS_NAME
    if settings.decisions is None and not path.is_file():
        return ()
    return read_decisions(path)


def open_cache(out: Path) -> ResultCache:
    """The result cache of DIR, keyed by pipeline and vocabulary version."""
    return ResultCache(out / CACHE_DIRNAME, f"{PIPELINE_VERSION}:{default_vocabulary().version}")


def require_ocr_program(paths: list[str]) -> None:
    """Stop before any work when a document has scanned pages and Tesseract is not installed.

    Only looked at when `tesseract` is not on PATH: a digital-only batch runs without it.
    """
    if shutil.which(TESSERACT) is not None:
        return
    for p in paths:
        try:
            counts = scan_like_pages(p)
        except Exception:  # not a PDF, damaged: that document fails on its own later
            continue
        if counts and counts[1]:
            raise OcrUnavailable(f"{p} has scanned pages and tesseract is not installed; run `make sysdeps` "
                                 "(apt-get install tesseract-ocr tesseract-ocr-ind)")


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
    found = list(dict.fromkeys(found))
    if not found:
        raise UsageError("no PDF files found in the inputs")
    return found


def lookup_cache(paths: list[str], digests: dict[str, str], cache: ResultCache,
                 extract: ExtractSettings) -> dict[str, DocResult]:
    """Cached results of unchanged documents (corrupt entries are dropped and redone)."""
    results = {}
    for p in paths:
        hit = cache.get(digests[p]) or cache.get(_partial_key(digests[p], extract))
        if hit is not None:
            hit.document.source_file = p
            results[p] = hit
    return results


def store_result(cache: ResultCache, digest: str, result: DocResult, extract: ExtractSettings) -> None:
    """Cache an `ok` result by content; a `partial` one also by the settings that made it partial
    (a larger KPU_EXTRACT_OCR_TIMEOUT redoes it); a `failed` one not at all (retried every run)."""
    if result.document.status == "ok":
        cache.put(digest, result)
    elif result.document.status == "partial":
        cache.put(_partial_key(digest, extract), result)


def _partial_key(digest: str, extract: ExtractSettings) -> str:
    return f"{digest}:{extract!r}"


def process_documents(paths: list[str], digests: dict[str, str], settings: RunSettings,
                      progress: Progress | None = None, decisions: dict[str, tuple[Decision, ...]] | None = None
                      ) -> Iterator[tuple[str, DocResult]]:
    """Run every document on the chosen executor, yielding (path, result) as documents finish.

    A document is one task; a long scanned one comes back as a PageSplit and is read one page per
    task, then reassembled in page order and normalized once (see process.py).
    """
    if not paths:
        return
    progress = progress or Progress({p: 0 for p in paths})
    decisions = decisions or {}
    xs = settings.extract
    executor = open_executor(settings.executor, settings.workers, settings.scheduler)
    queue = _TaskQueue(executor, settings.workers + 1 if settings.executor == "local" else None)
    try:
        for p in paths:
            queue.put((1, 0.0), ("doc", p), document_task, p, digests[p], xs, decisions.get(p, ()))
        pages: dict[str, list] = {}
        for (kind, path, *index), out in executor.completed():
            queue.done()
            if isinstance(out, PageSplit):
                log.debug("%s: %d pages, one task each", path, out.n_pages)
                pages[path] = [None] * out.n_pages
                weights = out.weights if len(out.weights) == out.n_pages else (0.0,) * out.n_pages
                for i, weight in enumerate(weights):
                    queue.put((2, -weight), ("page", path, i), page_task, path, i, xs)
            elif kind == "page":
                pages[path][index[0]] = ReadFailure(f"{path}: {out.message}") if isinstance(out, WorkerDied) else out
                progress.page_done()
                if all(p is not None for p in pages[path]):
                    queue.put((0, 0.0), ("pages", path), pages_to_result, path, digests[path], pages.pop(path),
                              decisions.get(path, ()))
            else:
                if isinstance(out, WorkerDied):
                    out = failed_result(path, digests[path], f"{path}: {out.message}")
                progress.doc_done(path, out, split=kind == "pages")
                yield path, out
    finally:
        executor.close()


class _TaskQueue:
    """Tasks held here until a worker is free, then handed out lowest rank first (ties in order).

    A finished document's reassembly goes first, then the documents' first tasks (which find the
    pages to split), then the page tasks, heaviest OCR weight first (pdf.ocr_weights), so a batch
    ends on light pages rather than on one worker reading the heaviest page alone. The 15 bench
    pages on 2 workers, replayed from their CPU times: 17.4 s in document order, 16.9 s heaviest
    first, 16.5 s for a perfect split. `limit` tasks are out at a time (None: all at once, for a
    Dask cluster, which schedules on its own).
    """

    def __init__(self, executor, limit: int | None) -> None:
        self._executor, self._limit = executor, limit
        self._heap: list = []
        self._order = itertools.count()
        self._out = 0

    def put(self, rank: tuple[int, float], key, fn, *args) -> None:
        heapq.heappush(self._heap, (rank, next(self._order), key, fn, args))
        self._feed()

    def done(self) -> None:
        """One task came back."""
        self._out -= 1
        self._feed()

    def _feed(self) -> None:
        while self._heap and (self._limit is None or self._out < self._limit):
            _rank, _n, key, fn, args = heapq.heappop(self._heap)
            self._executor.submit(key, fn, *args)
            self._out += 1
