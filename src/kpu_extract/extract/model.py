"""The data the extract stage hands to normalize: pages, words, raw tables, text.

These dataclasses are the only thing `normalize/` knows about a PDF. Both the
text-layer path and the OCR path produce exactly this structure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Method = Literal["text", "ocr"]


@dataclass(frozen=True)
class Word:
    """One word with its box in PDF points (origin top-left) and OCR confidence (100 for text layer)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    conf: float = 100.0
    bold: bool = False


@dataclass(frozen=True)
class Cell:
    """One table cell: its text and where it sits in the grid.

    `row`/`col` index the top-left grid slot; `row_span`/`col_span` say how many
    slots a merged cell covers. `bold` is true when most of its characters are bold.
    """

    text: str
    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    bold: bool = False
    conf: float = 100.0
    bbox: tuple[float, float, float, float] | None = None
    # A numeric OCR cell read again by the second, independent engine (None: not read twice).
    second: str | None = None


@dataclass
class RawTable:
    """A table as found on one page: a dense grid of cell texts plus cell metadata.

    `rows[r][c]` is the text of the cell that starts at (r, c), or None where the slot
    is covered by a merged cell that starts elsewhere. `cells` holds the same cells
    with spans and boldness. `strategy` names the finder that produced it.
    """

    page: int
    index: int
    rows: list[list[str | None]]
    cells: list[Cell] = field(default_factory=list)
    bbox: tuple[float, float, float, float] | None = None
    strategy: str = "lines"
    # Words of running text above and below the table on its page (None when unknown): a table
    # continued on the next page has (almost) nothing below it and its continuation nothing above.
    words_above: int | None = None
    words_below: int | None = None

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def is_bold(self, row: int) -> bool:
        """True when every non-empty cell starting on `row` is bold."""
        starting = [c for c in self.cells if c.row == row and c.text.strip()]
        return bool(starting) and all(c.bold for c in starting)


@dataclass(frozen=True)
class PageWarning:
    """A page that could not be (fully) read: which page, and the cause with its remedy."""

    page: int
    message: str


@dataclass(frozen=True)
class ReadFailure:
    """A document-level error met while reading one page in its own task (the file cannot be opened)."""

    message: str


def unexpected_message(exc: Exception) -> str:
    """One line for an error nobody foresaw on a page (a bug or an unforeseen file)."""
    first = str(exc).splitlines()[0][:200] if str(exc) else ""
    return f"unexpected {type(exc).__name__}: {first} (rerun with --verbose for the traceback)"


def warnings_to_error(warnings: list[PageWarning]) -> str:
    """'pages 1, 2: X; page 4: Y': one line for a documents row, however many pages share a cause."""
    by_message: dict[str, list[int]] = {}
    for w in warnings:
        by_message.setdefault(w.message, []).append(w.page)
    parts = []
    for message, pages in by_message.items():
        label = "page" if len(pages) == 1 else "pages"
        parts.append(f"{label} {', '.join(map(str, pages))}: {message}")
    return "; ".join(parts)


@dataclass
class Page:
    """One page: how it was read, its tables, and its running text (outside tables)."""

    number: int
    method: Method
    width: float
    height: float
    tables: list[RawTable] = field(default_factory=list)
    text: str = ""
    words: list[Word] = field(default_factory=list)
    warnings: list[PageWarning] = field(default_factory=list)


@dataclass
class Document:
    """A whole PDF after extraction."""

    doc_id: str
    source_file: str
    pages: list[Page]

    @property
    def n_pages(self) -> int:
        return len(self.pages)

    @property
    def n_ocr_pages(self) -> int:
        return sum(1 for p in self.pages if p.method == "ocr")

    @property
    def text(self) -> str:
        """All running text, page by page."""
        return "\n".join(p.text for p in self.pages)
