"""Where tasks run: in this process, in a local process pool, or on a Dask cluster.

Every executor has the same two verbs: `submit(key, fn, *args)` and `completed()`, which yields
`(key, result)` as tasks finish and keeps going while tasks are submitted during the iteration
(a document split into page tasks submits them when its first task comes back).

A worker that dies (killed, out of memory, a crash in a C library) does not stop the batch: the
local pool is replaced and the tasks it took down run once more; a task that loses its worker
twice comes back as a `WorkerDied` result, which the orchestrator records as a failed document.
Pool workers die with the main process (a `kill -9` of the run leaves no idle workers behind).
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Hashable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

log = logging.getLogger(__name__)
RETRIES = 1  # runs more of a task whose worker died, in a fresh pool
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
_PARENT_POLL_S = 1.0  # watchdog period where prctl is not available


@dataclass(frozen=True)
class WorkerDied:
    """Result of a task whose worker process died."""

    message: str


_DIED = ("a worker process died while this document was in flight (crash or out of memory); "
         "rerun, with --workers 1 --verbose to see which file")


class SerialExecutor:
    """Runs each task in this process, in submission order (--workers 1)."""

    def __init__(self) -> None:
        self._queue: deque = deque()

    def submit(self, key: Hashable, fn: Callable, *args) -> None:
        self._queue.append((key, fn, args))

    def completed(self) -> Iterator[tuple[Hashable, object]]:
        while self._queue:
            key, fn, args = self._queue.popleft()
            yield key, fn(*args)

    def close(self) -> None:
        self._queue.clear()


class LocalExecutor:
    """A local process pool; each worker runs a single-threaded Tesseract."""

    def __init__(self, workers: int) -> None:
        self._workers = workers
        self._pool = self._new_pool()
        self._pending: dict[Future, tuple[Hashable, Callable, tuple, int]] = {}  # -> key, fn, args, attempt

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self._workers, initializer=_init_worker, initargs=(os.getpid(),))

    def submit(self, key: Hashable, fn: Callable, *args) -> None:
        self._submit(key, fn, args, 0)

    def _submit(self, key: Hashable, fn: Callable, args: tuple, attempt: int) -> None:
        try:
            fut = self._pool.submit(fn, *args)
        except BrokenProcessPool:  # a worker died: every task in flight failed with it
            log.debug("a pool worker died; starting a new pool")
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()
            fut = self._pool.submit(fn, *args)
        self._pending[fut] = (key, fn, args, attempt)

    def completed(self) -> Iterator[tuple[Hashable, object]]:
        while self._pending:
            done, _ = wait(list(self._pending), return_when=FIRST_COMPLETED)
            for fut in done:
                key, fn, args, attempt = self._pending.pop(fut)
                try:
                    result = fut.result()
                except Exception:  # tasks never raise; only a dead worker gets here
                    log.debug("task %s lost its worker (attempt %d)", key, attempt + 1, exc_info=True)
                    if attempt < RETRIES:
                        self._submit(key, fn, args, attempt + 1)
                        continue
                    result = WorkerDied(_DIED)
                yield key, result

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor:
    """A Dask cluster: the one at `scheduler`, or a LocalCluster of `workers` single-thread processes."""

    def __init__(self, workers: int, scheduler: str | None) -> None:
        from dask.distributed import Client, LocalCluster, as_completed

        self._cluster = None
        if scheduler:
            self._client = Client(scheduler)
        else:
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                         dashboard_address=None, env={"OMP_THREAD_LIMIT": "1"})
            self._client = Client(self._cluster)
        self._done = as_completed()
        self._keys: dict[str, Hashable] = {}

    def submit(self, key: Hashable, fn: Callable, *args) -> None:
        fut = self._client.submit(fn, *args, pure=False)
        self._keys[fut.key] = key
        self._done.add(fut)

    def completed(self) -> Iterator[tuple[Hashable, object]]:
        for fut in self._done:
            key = self._keys.pop(fut.key)
            try:
                result = fut.result()
            except Exception:  # KilledWorker and friends
                log.debug("task %s lost its worker", key, exc_info=True)
                result = WorkerDied(_DIED)
            fut.release()
            yield key, result

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def open_executor(kind: str, workers: int, scheduler: str | None = None):
    """The executor for `--executor kind` with `--workers`/`--scheduler`."""
    if kind == "dask":
        return DaskExecutor(workers, scheduler)
    return SerialExecutor() if workers == 1 else LocalExecutor(workers)


def _init_worker(parent: int) -> None:
    # One single-threaded Tesseract per worker: parallelism comes from the pool, not from OpenMP.
    os.environ["OMP_THREAD_LIMIT"] = "1"
    _die_with(parent)


def _die_with(parent: int) -> None:
    """Make this worker exit when the process `parent` dies (SIGKILL from the kernel on Linux,
    a watchdog thread elsewhere)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        armed = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):  # not Linux
        armed = False
    if not armed:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_POLL_S)
    os._exit(1)
