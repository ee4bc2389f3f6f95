"""PNG thumbnails and row crops of a source PDF, rendered once with pypdfium2.

Images go to REPORT_DIR/img/<doc_id>/ and are named by what they show, so a second build reuses
every file that exists (doc_id is the hash of the PDF bytes: same name, same picture). A page is
rendered at most once per build: a page with crops is rendered at the crop scale and its thumbnail
is scaled down from that render. Images are grayscale (a third of the bytes of RGB for these
documents); boxes are drawn over them by the HTML, not into the pixels.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from ..pipeline.storage import atomic_write as write_atomic

Box = tuple[float, float, float, float]

# Thumbnail width in pixels: a 595-pt A4 page at ~39 dpi, enough to see where the tables are.
THUMB_WIDTH_PX = 320
# Crops at 2x (144 dpi): 8-pt digits come out ~16 px tall, readable beside the value read.
CROP_SCALE = 2.0
# A crop is the whole width of the page around the value's cell: the row label shows beside it.
ROW_MARGIN_PT = 8.0


@dataclass(frozen=True)
class ImageSettings:
    thumb_width_px: int = THUMB_WIDTH_PX
    crop_scale: float = CROP_SCALE
    row_margin_pt: float = ROW_MARGIN_PT

    def __post_init__(self) -> None:
        if self.thumb_width_px < 16 or not self.crop_scale > 0 or self.row_margin_pt < 0:
            raise ValueError("thumb_width_px >= 16, crop_scale > 0 and row_margin_pt >= 0 are required")


@dataclass(frozen=True)
class Crop:
    """A crop image and where the value's cell sits in it (fractions of the crop, for the overlay)."""

    path: Path
    region: Box  # the page region shown, PDF points
    cell: Box    # the cell inside the crop, fractions 0..1 (left, top, right, bottom)


class PdfImages:
    """Thumbnails and crops of one PDF (open it with `open_pdf`, close it when done)."""

    def __init__(self, pdf: pdfium.PdfDocument, folder: Path, settings: ImageSettings):
        self._pdf = pdf
        self.folder = folder
        self.settings = settings
        self._rendered: tuple[int, Image.Image] | None = None  # (page number, render at crop scale)
        self.rendered_pages = 0

    def page_size(self, number: int) -> tuple[float, float]:
        """(width, height) of a 1-based page in PDF points."""
        page = self._pdf[number - 1]
        try:
            return page.get_size()
        finally:
            page.close()

    @property
    def n_pages(self) -> int:
        return len(self._pdf)

    def thumbnail(self, number: int) -> Path:
        path = self.folder / f"p{number:03d}.png"
        if not path.exists():
            width, height = self.page_size(number)
            if self._rendered and self._rendered[0] == number:
                image = self._rendered[1]
            else:
                image = self._scan_jpeg(number) or self._render(number, self.settings.thumb_width_px / width)
            size = (self.settings.thumb_width_px, max(1, round(self.settings.thumb_width_px * height / width)))
            save_png(image.resize(size, Image.Resampling.BOX), path)
        return path

    def crop(self, number: int, cell: Box) -> Crop:
        """The full-width strip of page `number` around `cell` (PDF points, top-left origin)."""
        width, height = self.page_size(number)
        margin = self.settings.row_margin_pt
        top, bottom = max(0.0, cell[1] - margin), min(height, cell[3] + margin)
        region = (0.0, top, width, bottom)
        fractions = (cell[0] / width, (cell[1] - top) / (bottom - top),
                     cell[2] / width, (cell[3] - top) / (bottom - top))
        path = self.folder / f"p{number:03d}_{round(top)}_{round(bottom)}.png"
        if not path.exists():
            image = self._page_at_crop_scale(number)
            s = self.settings.crop_scale
            save_png(image.crop((0, int(top * s), image.width, int(round(bottom * s)))), path)
        return Crop(path=path, region=region, cell=tuple(min(1.0, max(0.0, f)) for f in fractions))

    def _page_at_crop_scale(self, number: int) -> Image.Image:
        if not (self._rendered and self._rendered[0] == number):
            self._rendered = (number, self._render(number, self.settings.crop_scale))
        return self._rendered[1]

    def _scan_jpeg(self, number: int) -> Image.Image | None:
        """A scanned page's JPEG decoded at a fraction of its size, or None when the page is not just that.

        pdfium decodes a scan in full before scaling it down: 0.12 s a page on the corpus scans, so 865
        scanned pages would take 100 s. libjpeg's draft mode decodes at 1/2..1/8 scale directly.
        Taken only for a page whose one visible object is an upright JPEG covering the page.
        """
        page = self._pdf[number - 1]
        try:
            width, height = page.get_size()
            images, others = [], 0
            for obj in page.get_objects(max_depth=2):
                if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                    images.append(obj)
                elif not (obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT and pdfium_c.FPDFTextObj_GetTextRenderMode(
                        obj.raw) == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE):
                    others += 1
            if others or len(images) != 1 or images[0].get_filters()[-1:] != ["DCTDecode"]:
                return None
            m = images[0].get_matrix()
            if m.b or m.c or abs(m.e) > 1 or abs(m.f) > 1 or abs(m.a - width) > 1 or abs(m.d - height) > 1:
                return None
            jpeg = Image.open(io.BytesIO(images[0].get_data(decode_simple=True)))
            if jpeg.mode not in ("L", "RGB"):
                return None
            target = (self.settings.thumb_width_px, round(self.settings.thumb_width_px * height / width))
            jpeg.draft("L", target)
            return jpeg.convert("L")
        except (pdfium.PdfiumError, OSError, ValueError):
            return None
        finally:
            page.close()

    def _render(self, number: int, scale: float) -> Image.Image:
        page = self._pdf[number - 1]
        try:
            self.rendered_pages += 1
            return page.render(scale=scale, grayscale=True).to_pil().convert("L")
        finally:
            page.close()


def open_pdf(path: Path) -> pdfium.PdfDocument:
    """Open a PDF with pdfium (raises pdfium.PdfiumError when it cannot)."""
    return pdfium.PdfDocument(str(path))


def save_png(image: Image.Image, path: Path) -> None:
    sink = io.BytesIO()
    image.save(sink, format="PNG")
    write_atomic(path, sink.getvalue())
