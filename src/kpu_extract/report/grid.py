"""The extractor's table grid: boxes of tables and cells, drawn on page images.

`document_to_pngs` is `kpu-extract tables --png` (pdfplumber's `debug_tablefinder` for this
pipeline): every page rendered with its tables outlined and its cells boxed. `page_to_boxes`
gives the same boxes to the HTML report's thumbnails (`kpu-extract report --grid`).
Boxes are PDF points, top-left origin, as `RawTable.bbox` and `Cell.bbox` hold them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

from ..extract.model import Document, Page
from .images import open_pdf, save_png

# 1.5x (108 dpi): cell borders 1 px apart stay distinct, an A4 page is ~0.5 MB of PNG.
DEBUG_SCALE = 1.5
TABLE_COLOUR = (0, 90, 200)
CELL_COLOUR = (220, 30, 30)
CELL_FILL = (220, 30, 30, 40)


@dataclass(frozen=True)
class GridBox:
    kind: str  # "table" | "cell"
    bbox: tuple[float, float, float, float]
    title: str


def page_to_boxes(page: Page) -> list[GridBox]:
    """Table outlines and cell boxes of one extracted page (cells without a box are skipped)."""
    boxes = []
    for t in page.tables:
        if t.bbox:
            boxes.append(GridBox("table", tuple(t.bbox), f"table {t.index} ({t.strategy}, {t.n_rows}x{t.n_cols})"))
        boxes += [GridBox("cell", tuple(c.bbox), f"r{c.row} c{c.col}: {c.text[:60]}") for c in t.cells if c.bbox]
    return boxes


def document_to_pngs(document: Document, pdf_path: Path, out: Path, scale: float = DEBUG_SCALE) -> list[Path]:
    """Write out/page<NNN>.png for every page: the rendered page with its grid drawn on it."""
    pdf = open_pdf(pdf_path)
    written = []
    try:
        for page in document.pages:
            pdf_page = pdf[page.number - 1]
            try:
                image = pdf_page.render(scale=scale).to_pil().convert("RGB")
            finally:
                pdf_page.close()
            path = out / f"page{page.number:03d}.png"
            save_png(_draw(image, page_to_boxes(page), scale), path)
            written.append(path)
    finally:
        pdf.close()
    return written


def _draw(image: Image.Image, boxes: list[GridBox], scale: float) -> Image.Image:
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for box in boxes:
        x0, y0, x1, y1 = (v * scale for v in box.bbox)
        if box.kind == "cell":
            draw.rectangle((x0, y0, x1, y1), fill=CELL_FILL, outline=CELL_COLOUR, width=1)
        else:
            draw.rectangle((x0 - 2, y0 - 2, x1 + 2, y1 + 2), outline=TABLE_COLOUR, width=3)
    return Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
