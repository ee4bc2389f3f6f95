"""The images of one document page: find its PDF, crop every item, thumbnail every page.

`task_to_images` does one document: it gets plain data and returns plain data (the items with their
images set, the page views, a note when there are no images).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium

from .images import Crop, ImageSettings, PdfImages, open_pdf
from .items import Item

Box = tuple[float, float, float, float]
# (kind, box in PDF points, hover text): kind is a dataset, "item", or with --grid "table"/"cell".
PageBox = tuple[str, Box, str]


@dataclass
class PageView:
    number: int
    thumb: str  # path relative to the document page
    width: float
    height: float
    boxes: list[PageBox] = field(default_factory=list)


@dataclass
class ImageTask:
    doc_id: str
    source_file: str
    folder: Path  # the output folder of the run (DIR)
    out: Path  # REPORT_DIR
    items: list[Item]
    boxes: dict[int, list[PageBox]]  # per page, from the datasets' bbox columns
    grid: bool
    settings: ImageSettings


@dataclass
class ImageResult:
    items: list[Item]  # the task's items with `image` set: {"src", "cell"} for a crop, a thumbnail path, or None
    pages: list[PageView]
    rendered: int  # pages rendered by pdfium (0 when every image already existed)
    note: str | None  # why there are no images


def task_to_images(task: ImageTask) -> ImageResult:
    """Crops and thumbnails of one document, or a note when its PDF is missing, changed or unreadable."""
    pdf_path, note = find_pdf(task.source_file, task.doc_id, task.folder)
    if pdf_path is None:
        return ImageResult(task.items, [], 0, note)
    try:
        return _render(pdf_path, task)
    except pdfium.PdfiumError as exc:
        return ImageResult(task.items, [], 0, f"the PDF {task.source_file} cannot be opened ({exc}); no page images")


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


def _render(pdf_path: Path, task: ImageTask) -> ImageResult:
    """Page by page: the crops of its items, then its thumbnail (each page rendered at most once)."""
    grid = _extractor_boxes(pdf_path, task.doc_id) if task.grid else None
    here = task.out / "doc"
    pdf = open_pdf(pdf_path)
    try:
        images = PdfImages(pdf, task.out / "img" / task.doc_id, task.settings)
        pages = []
        for number in range(1, images.n_pages + 1):
            on_page = [i for i in task.items if i.page == number]
            for item in on_page:
                item.image = _crop_ref(images.crop(number, item.bbox), here) if item.bbox else None
            width, height = images.page_size(number)
            view = PageView(number, os.path.relpath(images.thumbnail(number), here), width, height,
                            list(grid.get(number, []) if grid is not None else task.boxes.get(number, [])))
            view.boxes += [("item", i.bbox, i.reason) for i in on_page if i.bbox]
            pages.append(view)
        for item in task.items:
            if item.image is None and item.page is not None and 1 <= item.page <= len(pages):
                item.image = pages[item.page - 1].thumb  # no cell box: the whole page
        return ImageResult(task.items, pages, images.rendered_pages, None)
    finally:
        pdf.close()


def _crop_ref(crop: Crop, here: Path) -> dict:
    return {"src": os.path.relpath(crop.path, here), "cell": crop.cell}


def _extractor_boxes(pdf_path: Path, doc_id: str) -> dict[int, list[PageBox]]:
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
