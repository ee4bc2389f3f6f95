"""`kpu-extract report DIR`: the datasets of DIR and their source PDFs -> a static HTML report.

    folder_to_batch -> doc_to_summary -> doc_to_items -> task_to_images (find the PDF, crop the
    items, thumbnail the pages) -> rows_to_tree -> document pages -> index

The report opens from the file system: relative links, one style sheet, no CDN, no server, a few
lines of JavaScript for the index filter. A document whose PDF is missing (or has changed since
the run) gets its page without images and a note saying why.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from ..normalize.decisions import Decision
from ..pipeline.decisions import DEFAULT_NAME as DECISIONS_NAME, read_decisions
from .datasets import VALUE_DATASETS, VALUE_FIELD, Batch, bbox_of, folder_to_batch
from ..pipeline.storage import atomic_write as write_atomic
from .images import ImageSettings
from .items import doc_to_items
from .pages import ImageResult, ImageTask, PageBox, task_to_images
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
    chosen = {s.doc["doc_id"]: s for s in summaries if s.attention or not settings.only_attention}
    tasks = [ImageTask(doc_id, s.doc["source_file"], folder, out, doc_to_items(batch, doc_id),
                       _dataset_boxes(batch, doc_id), settings.grid, settings.images) for doc_id, s in chosen.items()]
    rendered, notes = 0, []
    # One process: rendering is 5-10 ms a page (draft-decoded scans included), and a pool of 2 workers
    # measured no faster (200 digital documents: 6.0 s serial, 9.5 s pooled; 198 scanned pages 3.5 s both).
    for task, result in zip(tasks, map(task_to_images, tasks)):
        _write_document(env, batch, chosen[task.doc_id], result, out, settings)
        rendered += result.rendered
        if result.note:
            log.warning("report: %s: %s", task.doc_id, result.note)
            notes.append(f"{task.source_file}: {result.note}")
    for s in summaries:
        s.href = f"doc/{s.doc['doc_id']}.html" if s.doc["doc_id"] in chosen else None
    _write(out / "index.html", env.get_template("index.html.j2").render(
        summaries=summaries, folder=str(folder), only_attention=settings.only_attention,
        n_attention=sum(s.attention for s in summaries)))
    _write(out / "style.css", resources.files(__package__).joinpath("templates/style.css").read_text())
    return ReportSummary(out=out, documents=len(summaries), pages_written=len(chosen),
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


def _write_document(env: Environment, batch: Batch, s: DocSummary, images: ImageResult, out: Path,
                    settings: ReportSettings) -> None:
    doc_id = s.doc["doc_id"]
    tree = rows_to_tree(batch.rows(doc_id, "pagu"), batch.rows(doc_id, "realisasi"), batch.rows(doc_id, "checks"))
    _write(out / "doc" / f"{doc_id}.html", env.get_template("document.html.j2").render(
        s=s, items=images.items, pages=images.pages, tree=tree, note=images.note, grid=settings.grid,
        decisions=_decisions(batch, doc_id)))


def _decisions(batch: Batch, doc_id: str) -> list[tuple[Decision, dict | None]]:
    """The reviewer decisions of DIR/decisions.csv on this document, each with its row as it is now."""
    path = batch.folder / DECISIONS_NAME
    if not path.is_file():
        return []
    rows = {r.get("row_id"): r for d in VALUE_DATASETS[::2] for r in batch.rows(doc_id, d)}
    return [(d, rows.get(d.row_id)) for d in read_decisions(path) if d.doc_id == doc_id]


def _dataset_boxes(batch: Batch, doc_id: str) -> dict[int, list[PageBox]]:
    """Per page, the cells of the values read, as the datasets' `bbox` columns give them."""
    boxes: dict[int, list[PageBox]] = {}
    for dataset in VALUE_DATASETS:
        for row in batch.rows(doc_id, dataset):
            box = bbox_of(row)
            if box is not None and row.get("page") is not None:
                boxes.setdefault(row["page"], []).append((dataset, box, f"{dataset} {row.get(VALUE_FIELD[dataset])}"))
    return boxes


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
