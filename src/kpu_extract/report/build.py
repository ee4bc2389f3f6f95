"""`kpu-extract report DIR`: the datasets of DIR and their source PDFs -> a static HTML report.

    folder_to_batch -> documents_to_summaries -> per document: find the PDF, locate items,
    render crops and thumbnails, budget tree -> document page -> index -> style sheet

The report opens from the file system: relative links, one style sheet, no CDN, no server, a few
lines of JavaScript for the index filter. A document whose PDF is missing (or has changed since
the run) gets its page without images and a note saying why.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pypdfium2 as pdfium
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .datasets import VALUE_DATASETS, VALUE_FIELD, Batch, bbox_of, folder_to_batch
from .files import write_atomic
from .images import ImageSettings, PdfImages, open_pdf
from .items import Item, doc_to_items
from .tree import rows_to_tree

log = logging.getLogger(__name__)
DEFAULT_DIRNAME = "report"
COUNTED = ("targets", "pagu", "realisasi", "schedule")
CHECK_STATUSES = ("ok", "mismatch", "corrected")


@dataclass(frozen=True)
class ReportSettings:
    """What the report holds. `grid` re-reads each PDF with the extractor to draw its table grid
    (digital pages ~0.07 s each, scanned pages the full OCR time); without it the thumbnails show
    the cells the datasets' `bbox` columns point at, at no cost."""

    out: Path | None = None  # default DIR/report
    only_attention: bool = False
    grid: bool = False
    images: ImageSettings = ImageSettings()


@dataclass
class DocSummary:
    """One line of the index."""

    doc: dict
    rows: dict[str, int]
    checks: dict[str, int]
    n_review: int
    n_unverified: int | None  # None when the datasets have no `verified` column
    href: str | None = None

    @property
    def attention(self) -> bool:
        return (self.doc.get("status") != "ok" or self.n_review > 0 or self.checks["mismatch"] > 0
                or self.checks["corrected"] > 0 or bool(self.n_unverified))


@dataclass
class PageView:
    number: int
    thumb: str | None  # relative path from the document page
    width: float
    height: float
    boxes: list[tuple[str, tuple[float, float, float, float], str]] = field(default_factory=list)


@dataclass
class ReportSummary:
    out: Path
    documents: int
    pages_written: int
    pages_rendered: int
    notes: list[str]


def build_report(folder: Path, settings: ReportSettings = ReportSettings()) -> ReportSummary:
    """Write REPORT_DIR/index.html, REPORT_DIR/doc/<doc_id>.html and REPORT_DIR/img/."""
    batch = folder_to_batch(folder)
    out = settings.out or folder / DEFAULT_DIRNAME
    env = _environment()
    summaries = [doc_to_summary(d, batch) for d in batch.documents]
    written: dict[str, str] = {}
    rendered, notes = 0, []
    for s in summaries:
        doc_id = s.doc["doc_id"]
        if settings.only_attention and not s.attention:
            continue
        if doc_id not in written:
            n, note = _write_document(env, batch, s, out, settings)
            rendered += n
            notes += [note] if note else []
            written[doc_id] = f"doc/{doc_id}.html"
        s.href = written[doc_id]
    _write(out / "index.html", env.get_template("index.html.j2").render(
        summaries=summaries, folder=str(folder), only_attention=settings.only_attention,
        n_attention=sum(s.attention for s in summaries)))
    _write(out / "style.css", resources.files(__package__).joinpath("templates/style.css").read_text())
    return ReportSummary(out=out, documents=len(summaries), pages_written=len(written),
                         pages_rendered=rendered, notes=notes)


def doc_to_summary(doc: dict, batch: Batch) -> DocSummary:
    """Counts for one documents row: rows per dataset, checks by status, review rows, unverified values."""
    doc_id = doc["doc_id"]
    checks = {k: 0 for k in CHECK_STATUSES}
    for c in batch.rows(doc_id, "checks"):
        checks[c["status"]] = checks.get(c["status"], 0) + 1
    values = [r for d in VALUE_DATASETS for r in batch.rows(doc_id, d)]
    has_verified = any("verified" in r for r in values)
    return DocSummary(doc=doc, rows={d: len(batch.rows(doc_id, d)) for d in COUNTED}, checks=checks,
                      n_review=len(batch.rows(doc_id, "review")),
                      n_unverified=sum(r.get("verified") is False for r in values) if has_verified else None)


def _write_document(env: Environment, batch: Batch, s: DocSummary, out: Path,
                    settings: ReportSettings) -> tuple[int, str | None]:
    """Write one document page; returns (pages rendered, a note when there are no images)."""
    doc_id = s.doc["doc_id"]
    items = doc_to_items(batch, doc_id)
    pdf_path, note = find_pdf(s.doc["source_file"], doc_id, batch.folder)
    pages: list[PageView] = []
    rendered = 0
    if pdf_path is not None:
        try:
            pages, rendered = _render_pages(pdf_path, doc_id, items, batch, out, settings)
        except pdfium.PdfiumError as exc:
            note = f"the PDF {s.doc['source_file']} cannot be opened ({exc}); no page images"
    if note:
        log.warning("report: %s: %s", doc_id, note)
    tree = rows_to_tree(batch.rows(doc_id, "pagu"), batch.rows(doc_id, "realisasi"), batch.rows(doc_id, "checks"))
    _write(out / "doc" / f"{doc_id}.html", env.get_template("document.html.j2").render(
        s=s, items=items, pages=pages, tree=tree, note=note, grid=settings.grid))
    return rendered, f"{s.doc['source_file']}: {note}" if note else None


def find_pdf(source_file: str, doc_id: str, folder: Path) -> tuple[Path | None, str | None]:
    """The source PDF as the run saw it (path as given, or relative to DIR's parent), or a note."""
    candidates = [Path(source_file)]
    if not Path(source_file).is_absolute():
        candidates.append(folder.parent / source_file)
    path = next((p for p in candidates if p.is_file()), None)
    if path is None:
        return None, f"the source PDF {source_file} is not there any more; the page has no images"
    if _digest(path)[:len(doc_id)] != doc_id:
        return None, f"the source PDF {source_file} has changed since the run; rerun `kpu-extract run` for images"
    return path, None


def _render_pages(pdf_path: Path, doc_id: str, items: list[Item], batch: Batch, out: Path,
                  settings: ReportSettings) -> tuple[list[PageView], int]:
    """Crops of the items and a thumbnail of every page, page by page (each page rendered once)."""
    folder = out / "img" / doc_id
    grid = _extractor_boxes(pdf_path, doc_id) if settings.grid else None
    pdf = open_pdf(pdf_path)
    try:
        images = PdfImages(pdf, folder, settings.images)
        pages = []
        for number in range(1, images.n_pages + 1):
            for item in (i for i in items if i.page == number):
                item.image = images.crop(number, item.bbox) if item.bbox else None
            width, height = images.page_size(number)
            thumb = images.thumbnail(number)
            view = PageView(number, os.path.relpath(thumb, out / "doc"), width, height,
                            grid.get(number, []) if grid is not None else _dataset_boxes(batch, doc_id, number))
            view.boxes += [("item", i.bbox, i.reason) for i in items if i.page == number and i.bbox]
            pages.append(view)
        for item in items:
            if item.image is not None:
                item.image = _relative_crop(item.image, out)
            elif item.page is not None and 1 <= item.page <= len(pages):
                item.image = pages[item.page - 1].thumb
        return pages, images.rendered_pages
    finally:
        pdf.close()


def _relative_crop(crop, out: Path) -> dict:
    return {"src": os.path.relpath(crop.path, out / "doc"), "cell": crop.cell}


def _dataset_boxes(batch: Batch, doc_id: str, number: int) -> list:
    """The cells of the values read on a page, as the datasets' `bbox` columns give them."""
    return [(d, box, f"{d} {r.get(VALUE_FIELD[d])}") for d in VALUE_DATASETS for r in batch.rows(doc_id, d)
            if r.get("page") == number and (box := bbox_of(r))]


def _extractor_boxes(pdf_path: Path, doc_id: str) -> dict[int, list]:
    from ..extract.pdf import pdf_to_document  # only with --grid: the extractor re-reads the PDF
    from .grid import page_to_boxes

    document = pdf_to_document(pdf_path, doc_id=doc_id)
    return {p.number: [(b.kind, b.bbox, b.title) for b in page_to_boxes(p)] for p in document.pages}


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("kpu_extract.report", "templates"),
                      autoescape=select_autoescape(["html", "j2"]), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["amount"] = _amount
    env.filters["pct"] = lambda box, w, h: _box_style(box, w, h)
    return env


def _amount(value) -> str:
    """Rupiah with dot thousands separators (as the documents print them); other values as they are."""
    if value is None:
        return "–"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}".replace(",", ".")
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return _amount(int(value))
    return str(value)


def _box_style(box, width: float, height: float) -> str:
    """CSS placing a box (PDF points) over an image of a region `width` x `height` points."""
    x0, y0, x1, y1 = box
    return (f"left:{100 * x0 / width:.2f}%;top:{100 * y0 / height:.2f}%;"
            f"width:{100 * (x1 - x0) / width:.2f}%;height:{100 * (y1 - y0) / height:.2f}%")


def _write(path: Path, text: str) -> None:
    write_atomic(path, text.encode("utf-8"))
