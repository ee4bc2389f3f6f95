"""render_page: a whole-page gray scan comes back as its own pixels; anything else is rendered."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from reportlab.pdfgen import canvas

from kpu_extract.extract import raster

SIZE_PT = (720, 360)  # 2000 x 1000 px at 200 dpi: the render has exactly the image's size


def scan_pdf(tmp_path, text: str | None = None) -> str:
    rng = np.random.default_rng(0)
    image = np.clip(rng.normal(200, 30, (1000, 2000)), 0, 255).astype(np.uint8)
    cv2.putText(image, "Rp 1.250.000", (100, 500), cv2.FONT_HERSHEY_SIMPLEX, 4, 20, 8)
    jpg, pdf = tmp_path / "page.jpg", tmp_path / "page.pdf"
    cv2.imwrite(str(jpg), image, [cv2.IMWRITE_JPEG_QUALITY, 80])
    c = canvas.Canvas(str(pdf), pagesize=SIZE_PT)
    c.drawImage(str(jpg), 0, 0, *SIZE_PT)
    if text:
        c.setFont("Helvetica", 40)
        c.drawString(100, 40, text)
    c.save()
    return str(pdf)


def test_whole_page_image_is_its_render_at_native_dpi(tmp_path):
    pdf = scan_pdf(tmp_path)
    gray, dpi = raster.render_page(pdf, 0)
    rendered, _ = raster.render_page(pdf, 0, 200)
    assert dpi == pytest.approx(200)
    assert gray.shape == (1000, 2000) and np.array_equal(gray, rendered)


def test_visible_content_beside_the_image_is_rendered(tmp_path):
    pdf = scan_pdf(tmp_path, text="STAMP STAMP")
    gray, _ = raster.render_page(pdf, 0)
    (tmp_path / "plain").mkdir()
    plain, _ = raster.render_page(scan_pdf(tmp_path / "plain"), 0)
    assert gray.shape == plain.shape and not np.array_equal(gray, plain)
