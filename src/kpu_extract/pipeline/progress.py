"""Progress of a batch: a tqdm bar on a terminal, plain log lines otherwise, nothing with --quiet.

Documents are counted against the number to process (rate and ETA are per document); pages are
counted as they finish, so a long scanned document split into page tasks shows movement.
"""

from __future__ import annotations

import logging
import sys
import time

from .process import DocResult

log = logging.getLogger("kpu_extract.progress")


class Progress:
    """Silent base: the interface the orchestrator calls."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.docs = 0
        self.pages = 0
        self.started = time.monotonic()

    def page_done(self) -> None:
        """One page task finished (split documents only)."""
        self.pages += 1

    def doc_done(self, path: str, result: DocResult, split: bool = False) -> None:
        """One document finished; `split` when its pages were already counted one by one."""
        self.docs += 1
        if not split:
            self.pages += result.document.n_pages or 0

    def close(self) -> None:
        pass

    def _rate_eta(self) -> tuple[float, float]:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        per_min = 60.0 * self.docs / elapsed
        return per_min, (self.total - self.docs) * elapsed / max(self.docs, 1)


class LogLines(Progress):
    """One log line per finished document, for logs and CI."""

    def doc_done(self, path: str, result: DocResult, split: bool = False) -> None:
        super().doc_done(path, result, split)
        per_min, eta = self._rate_eta()
        log.info("[%d/%d] %s: %s (%d pages; %d pages done, %.1f docs/min, ETA %.0f s)", self.docs, self.total,
                 result.document.status, path, result.document.n_pages or 0, self.pages, per_min, eta)


class Bar(Progress):
    """A tqdm bar over documents (rate, ETA) with the page count beside it."""

    def __init__(self, total: int) -> None:
        super().__init__(total)
        from tqdm import tqdm

        self._bar = tqdm(total=total, unit="doc", desc="kpu-extract", file=sys.stderr, dynamic_ncols=True)

    def page_done(self) -> None:
        super().page_done()
        self._postfix()

    def doc_done(self, path: str, result: DocResult, split: bool = False) -> None:
        super().doc_done(path, result, split)
        self._postfix()
        self._bar.update(1)

    def _postfix(self) -> None:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        self._bar.set_postfix_str(f"{self.pages} pages, {self.pages / elapsed:.1f} pages/s", refresh=False)

    def close(self) -> None:
        self._bar.close()


def make_progress(mode: str, total: int) -> Progress:
    """`none` -> silent; `auto` -> a bar when stderr is a terminal, log lines otherwise."""
    if mode == "none" or total == 0:
        return Progress(total)
    return Bar(total) if sys.stderr.isatty() else LogLines(total)
