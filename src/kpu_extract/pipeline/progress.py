"""Progress of a batch: a tqdm bar on a terminal, plain log lines otherwise, nothing with --quiet.

Work is counted in pages, not documents: every document's page count is known before the batch
starts (pdfium reads it in about a millisecond), so one 142-page scan among small files moves the
bar and the ETA as its pages finish instead of freezing them. Documents are counted beside pages.
"""

from __future__ import annotations

import logging
import sys
import time

from .process import DocResult

log = logging.getLogger("kpu_extract.progress")


class Progress:
    """Silent base: the interface the orchestrator calls."""

    def __init__(self, page_counts: dict[str, int]) -> None:
        self.page_counts = page_counts
        self.total = len(page_counts)
        self.total_pages = sum(page_counts.values())
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
            self.pages += self.page_counts.get(path, 0)

    def close(self) -> None:
        pass

    def _rate_eta(self) -> tuple[float, float]:
        """(pages per minute, seconds left), both from the pages done so far."""
        elapsed = max(time.monotonic() - self.started, 1e-6)
        per_s = self.pages / elapsed
        left = max(self.total_pages - self.pages, 0)
        return 60.0 * per_s, left / per_s if per_s > 0 else 0.0


class LogLines(Progress):
    """One log line per finished document, for logs and CI."""

    def doc_done(self, path: str, result: DocResult, split: bool = False) -> None:
        super().doc_done(path, result, split)
        per_min, eta = self._rate_eta()
        log.info("[%d/%d docs, %d/%d pages] %s: %s (%d pages; %.1f pages/min, ETA %.0f s)", self.docs, self.total,
                 self.pages, self.total_pages, result.document.status, path, self.page_counts.get(path, 0),
                 per_min, eta)


class Bar(Progress):
    """A tqdm bar over pages (rate, ETA) with the document count beside it."""

    def __init__(self, page_counts: dict[str, int]) -> None:
        super().__init__(page_counts)
        from tqdm import tqdm

        self._bar = tqdm(total=self.total_pages, unit="page", desc="kpu-extract", file=sys.stderr,
                         dynamic_ncols=True)
        self._postfix()

    def page_done(self) -> None:
        super().page_done()
        self._bar.update(1)

    def doc_done(self, path: str, result: DocResult, split: bool = False) -> None:
        before = self.pages
        super().doc_done(path, result, split)
        self._postfix()
        self._bar.update(self.pages - before)

    def _postfix(self) -> None:
        self._bar.set_postfix_str(f"{self.docs}/{self.total} docs", refresh=False)

    def close(self) -> None:
        self._bar.close()


def make_progress(mode: str, page_counts: dict[str, int]) -> Progress:
    """`none` -> silent; `auto` -> a bar when stderr is a terminal, log lines otherwise."""
    if mode == "none" or not page_counts:
        return Progress(page_counts)
    return Bar(page_counts) if sys.stderr.isatty() else LogLines(page_counts)
