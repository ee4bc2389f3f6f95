"""Render a PDF page to a gray image and clean it for OCR (deskew, denoise).

Measured on hard 200-dpi KPU scans: deskew + 3x3 median + ruling lines removed (`remove_lines` below) lifted
exact amounts from 56% to 97%. Global Otsu binarization and non-local-means denoising made it
worse, so the image stays gray; thresholds are only used to *find* things (skew, lines).
"""

from __future__ import annotations

import functools
import math

import cv2
import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from kpu_extract.errors import CorruptPdf, PageTooLarge
from kpu_extract.extract.half_turn import may_be_upside_down
from kpu_extract.extract.settings import MAX_DPI, MAX_PIXELS, MIN_DPI

DEFAULT_DPI = 300  # pages without an embedded image (vector drawings)
MAX_SKEW_DEG = 5.0
MEDIAN_KSIZE = 3
_SKEW_WIDTH = 1000  # width of the thumbnail the skew angle is searched on
_SKEW_STRIPS = 40  # vertical strips of the coarse skew search
_MIN_IMAGE_COVER = 0.5  # an image covering half the page decides the page's native dpi
_PAGE_FIT_PT = 0.5  # an image this close to the page box covers the whole page
# A page is sideways when its ink, smeared along the columns, makes more word-shaped blobs (wide,
# text-high) than smeared along the rows. Measured on a thumbnail of 1000 px on its long side, page
# 1 of the 22 layout scans and 6 real scans, each also turned a quarter: upright pages have 1.6..158
# times more row-wise blobs than column-wise ones, turned pages 0.0..0.62 times. 25..190 ms a page.
# Tesseract OSD then confirms the turn (a quarter, three quarters, or none after all).
_SMEAR = 9  # px on the thumbnail: closes letter and word gaps, not column gaps
_WORD_HEIGHT = (4, 40)  # px on the thumbnail
# Pages run in parallel worker processes, each with a single-threaded Tesseract; OpenCV's own
# thread pool only adds synchronisation to every call. Single-threaded, the line masks of the 15
# bench pages (bench/run.py ocr) took 31 instead of 55 CPU-ms a page, the rule removal 13 instead
# of 21, the same pixels.
cv2.setNumThreads(1)


def render_page(
    pdf_path: str,
    index: int,
    dpi: float | None = None,
    *,
    min_dpi: float = MIN_DPI,
    max_dpi: float = MAX_DPI,
    max_pixels: int = MAX_PIXELS,
) -> tuple[np.ndarray, float]:
    """Render page `index` (0-based) as a uint8 gray image; returns (image, dpi actually used).

    Without `dpi`, a scanned page is rendered at its embedded image's native resolution, so OCR
    sees the scanner's pixels without resampling; the dpi is clamped to [min_dpi, max_dpi] and
    lowered further when the bitmap would exceed `max_pixels`.
    """
    try:
        pdf = pdfium.PdfDocument(pdf_path)
    except pdfium.PdfiumError as exc:
        raise CorruptPdf(f"{pdf_path}: cannot open ({exc}); check that the file is a complete PDF") from exc
    try:
        page = pdf[index]
        width, height = page.get_size()
        native = dpi is None
        if native:
            dpi = native_dpi(page) or DEFAULT_DPI
        dpi = min(max(dpi, min_dpi), max_dpi)
        dpi = _fit_pixel_limit(width, height, dpi, max_pixels, pdf_path, index)
        # The render's own size (pypdfium2 rounds up); only a render of the image's size is the image.
        scale = dpi / 72.0
        size = (math.ceil(height * scale), math.ceil(width * scale))
        image = _whole_page_image(page, size) if native else None
        if image is not None:
            return image, float(dpi)
        bitmap = page.render(scale=scale, grayscale=True)
        gray = np.array(bitmap.to_numpy(), copy=True)
    finally:
        pdf.close()
    if gray.ndim == 3:
        gray = gray[:, :, 0]
    return np.ascontiguousarray(gray, dtype=np.uint8), float(dpi)


def native_dpi(page: pdfium.PdfPage) -> float | None:
    """Resolution of the largest image on the page, when it covers most of the page."""
    width, height = page.get_size()
    best, best_area = None, 0.0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        w_pt, h_pt = right - left, top - bottom
        if w_pt <= 0 or h_pt <= 0 or w_pt * h_pt < _MIN_IMAGE_COVER * width * height:
            continue
        px_w, px_h = obj.get_px_size()
        # An image placed rotated by 90 degrees has its pixel axes swapped against the page's.
        if (px_w > px_h) != (w_pt > h_pt):
            px_w, px_h = px_h, px_w
        if w_pt * h_pt > best_area:
            best, best_area = 72.0 * px_w / w_pt, w_pt * h_pt
    return best


def _whole_page_image(page: pdfium.PdfPage, size: tuple[int, int]) -> np.ndarray | None:
    """The pixels of a page that is nothing but one upright 8-bit gray image of `size` (rows,
    columns) over the whole page; None for any other page, checked before anything is decoded.

    Rendered at its native dpi to the image's own size, such a page is the image: decoding it skips
    the render (40 instead of 150 CPU-ms on an A4 300-dpi JPEG page); every such page of the corpus
    scans is identical both ways. Where rounding makes the render a row taller (most portrait
    corpus scans) the render stretches every row, so those pages are still rendered: the image
    alone shifted the OCR'd words (layout eval, hard-200 scans: targets recall 0.111 -> 0.074).
    """
    objects = list(page.get_objects(max_depth=1))
    if page.get_rotation() or len(objects) != 1 or objects[0].type != pdfium_c.FPDF_PAGEOBJ_IMAGE:
        return None
    image = objects[0]
    a, b, c, d, e, f = image.get_matrix().get()
    left, bottom, right, top = page.get_cropbox()
    if b or c or a <= 0 or d <= 0 or max(abs(e - left), abs(f - bottom), abs(e + a - right),
                                         abs(f + d - top)) > _PAGE_FIT_PT:
        return None
    meta = image.get_metadata()
    if (meta.colorspace != pdfium_c.FPDF_COLORSPACE_DEVICEGRAY or meta.bits_per_pixel != 8
            or (meta.height, meta.width) != size):
        return None
    try:
        bitmap = image.get_bitmap(render=False)
    except pdfium.PdfiumError:  # a damaged stream: the render draws what it can
        return None
    if bitmap.format != pdfium_c.FPDFBitmap_Gray or (bitmap.height, bitmap.width) != size:
        return None
    return np.array(bitmap.to_numpy(), dtype=np.uint8, copy=True)


def _fit_pixel_limit(width: float, height: float, dpi: float, max_pixels: int, path: str, index: int) -> float:
    pixels = (width * dpi / 72.0) * (height * dpi / 72.0)
    if pixels <= max_pixels:
        return dpi
    fitted = dpi * math.sqrt(max_pixels / pixels)
    if fitted < 50:
        # A page this large is a damaged or hostile file, not a scan (decompression-bomb guard).
        # The reader prefixes `page N:`, so the message names only the cause and the remedy.
        raise PageTooLarge(f"page is {width:.0f}x{height:.0f} pt, over {max_pixels:,} pixels even at 50 dpi; "
                           "too large to render, check that the file is a real scan")
    return fitted


def clean_page(gray: np.ndarray, max_skew: float = MAX_SKEW_DEG) -> np.ndarray:
    """Deskew (within +-max_skew degrees) and median-denoise a gray page image; stays gray."""
    return denoise(deskew(gray, max_skew))


def deskew(gray: np.ndarray, max_skew: float = MAX_SKEW_DEG) -> np.ndarray:
    """The page rotated so its lines run level (within +-max_skew degrees)."""
    angle = skew_angle(gray, max_skew)
    return rotate(gray, angle) if abs(angle) >= 0.05 else gray


def denoise(gray: np.ndarray) -> np.ndarray:
    """3x3 median: speckle gone, strokes kept (it also erases 1-px lines, so rules are found before)."""
    return cv2.medianBlur(gray, MEDIAN_KSIZE)


def upright(gray: np.ndarray) -> tuple[np.ndarray, int]:
    """The page turned upright and the counter-clockwise quarter turns applied (0..3).

    Sideways pages (word blobs run down the columns) are turned a quarter; Tesseract's orientation
    detection (OSD) then keeps that, adds a half turn, or undoes it. A page whose lines run across
    is turned a half when its text reads heavier below its lines than above and OSD agrees. Only
    those two kinds of pages pay for OSD; an upright page costs the thumbnail and the ascender test.
    """
    h, w = gray.shape
    ink = _ink_thumbnail(gray, _SKEW_WIDTH * w / max(h, w))  # the same scale in every orientation
    if ink is None:
        return gray, 0
    along_rows, along_cols = _word_blobs(ink), _word_blobs(np.ascontiguousarray(ink.T))
    if along_rows >= along_cols:
        # upside down: the cheap ascender test picks suspects, OSD confirms (extract/half_turn.py)
        if may_be_upside_down(gray) and _osd_turn(gray) == 180:
            return np.ascontiguousarray(np.rot90(gray, 2)), 2
        return gray, 0
    turned = np.ascontiguousarray(np.rot90(gray))
    found = _osd_turn(turned)
    if found == 180:
        return np.ascontiguousarray(np.rot90(turned, 2)), 3
    return (turned, 1) if found == 0 else (gray, 0)


def _word_blobs(ink: np.ndarray) -> int:
    smeared = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((1, _SMEAR), np.uint8))
    _n, _labels, stats, _c = cv2.connectedComponentsWithStats(smeared, connectivity=8)
    w, h = stats[1:, 2], stats[1:, 3]
    return int(np.sum((w >= 3 * h) & (h >= _WORD_HEIGHT[0]) & (h <= _WORD_HEIGHT[1])))


def _osd_turn(gray: np.ndarray) -> int:
    """Tesseract OSD's clockwise degrees (0, 90, 180, 270) that would make the page upright; 0 when
    OSD finds no script. Measured with the model loaded: 0.4..0.9 s on a 300-dpi A4 page."""
    api = _osd_api()
    api.SetImageBytes(gray.tobytes(), gray.shape[1], gray.shape[0], 1, gray.shape[1])
    found = api.DetectOrientationScript()
    return int(found["orient_deg"]) if found else 0


@functools.lru_cache(maxsize=1)
def _osd_api():
    import tesserocr  # the OCR engine's dependency; only pages that look sideways get here
    return tesserocr.PyTessBaseAPI(lang="osd", psm=tesserocr.PSM.OSD_ONLY)


def upscale(gray: np.ndarray, dpi: float, target_dpi: float) -> tuple[np.ndarray, float]:
    """Resample to `target_dpi` (cubic); returns (image, new dpi)."""
    f = target_dpi / dpi
    return cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_CUBIC), float(target_dpi)


def rotate(gray: np.ndarray, angle: float) -> np.ndarray:
    """Rotate about the centre by `angle` degrees (counter-clockwise), filling with page white."""
    h, w = gray.shape
    matrix = cv2.getRotationMatrix2D((w / 2.0, h / 2.0), angle, 1.0)
    fill = int(np.percentile(gray[:: 8, :: 8], 95))
    return cv2.warpAffine(gray, matrix, (w, h), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=fill)


def skew_angle(gray: np.ndarray, max_skew: float = MAX_SKEW_DEG) -> float:
    """Angle (degrees) that makes text lines and ruling lines horizontal.

    Projection-profile search: the rotation whose row sums of ink are sharpest (highest variance)
    wins. Long ruling lines dominate that variance when present, text lines otherwise, so one
    method covers ruled tables and prose pages. Coarse 0.5 degree steps on strip profiles, then
    0.05 degree steps on the rotated ink.
    """
    ink = _ink_thumbnail(gray)
    if ink is None:
        return 0.0
    best = _coarse_angle(ink, np.arange(-max_skew, max_skew + 1e-9, 0.5))
    fine = np.arange(best - 0.5, best + 0.5 + 1e-9, 0.05)
    return float(_best_angle(ink, fine))


def _ink_thumbnail(gray: np.ndarray, width: float = _SKEW_WIDTH) -> np.ndarray | None:
    """The page's ink as a 0/1 uint8 mask `width` px wide (rotated and summed exactly as a float
    mask, 1.4x faster), None on a blank page."""
    h, w = gray.shape
    scale = min(1.0, width / w)
    small = cv2.resize(gray, (max(1, int(w * scale)), max(1, int(h * scale))), interpolation=cv2.INTER_AREA)
    ink = cv2.adaptiveThreshold(small, 1, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 15, 15)
    if ink.sum() < 0.001 * ink.size:
        return None
    return ink


def _best_angle(ink: np.ndarray, angles: np.ndarray) -> float:
    h, w = ink.shape
    centre = (w / 2.0, h / 2.0)
    # Only the ink's bounding box is rotated, into the box its rotation can reach: the row sums are
    # those of rotating the whole thumbnail (the same angles on all 81 corpus and real scan pages),
    # at 0.8x the cost. Rows outside that box sum to 0 and stay in the variance.
    x, y, bw, bh = cv2.boundingRect(ink)
    ink = ink[y:y + bh, x:x + bw]
    corners = np.array([[x, y, 1.0], [x + bw, y, 1.0], [x, y + bh, 1.0], [x + bw, y + bh, 1.0]])
    rows = np.zeros((h, 1), np.int32)
    scores = []
    for angle in angles:
        matrix = cv2.getRotationMatrix2D(centre, float(angle), 1.0)
        reach = corners @ matrix.T
        x0, y0 = (max(0, int(np.floor(v)) - 2) for v in reach.min(axis=0))
        x1, y1 = min(w, int(np.ceil(reach[:, 0].max())) + 3), min(h, int(np.ceil(reach[:, 1].max())) + 3)
        inverse = cv2.invertAffineTransform(matrix)  # box pixel -> thumbnail pixel -> ink-box pixel
        inverse[:, 2] += inverse[:, :2] @ np.array([x0, y0], float) - np.array([x, y], float)
        rotated = cv2.warpAffine(ink, inverse, (x1 - x0, y1 - y0), flags=cv2.INTER_NEAREST | cv2.WARP_INVERSE_MAP)
        rows[:] = 0
        rows[y0:y1] = cv2.reduce(rotated, 1, cv2.REDUCE_SUM, dtype=cv2.CV_32S)
        scores.append(float(np.var(rows.astype(np.float32))))
    return float(angles[int(np.argmax(scores))])


def _coarse_angle(ink: np.ndarray, angles: np.ndarray) -> float:
    """`_best_angle` for the coarse steps, without rotating: the row profiles of narrow vertical
    strips, each shifted by its rotation at the strip's centre. On the 81 corpus and real scan
    pages the fine search that follows ends on the same angle as after rotated coarse steps, at
    0.6x the CPU of the whole search."""
    h, w = ink.shape
    edges = np.linspace(0, w, _SKEW_STRIPS + 1).astype(int)
    profiles = [ink[:, a:b].sum(axis=1, dtype=np.int32) for a, b in zip(edges[:-1], edges[1:])]
    centres = (edges[:-1] + edges[1:]) / 2.0 - w / 2.0
    rows = np.zeros(h + 2 * w, np.int64)  # a strip shifts by less than w rows either way
    scores = []
    for angle in angles:
        rows[:] = 0
        for profile, shift in zip(profiles, np.round(-centres * np.tan(np.radians(angle))).astype(int)):
            rows[w + shift:w + shift + h] += profile
        scores.append(float(np.var(rows[w:w + h].astype(np.float32))))
    return float(angles[int(np.argmax(scores))])


def remove_lines(gray: np.ndarray, line_mask: np.ndarray, dpi: float = 300) -> np.ndarray:
    """Paint ruling lines with the local background so OCR does not read them as '|', 'l' or '1'."""
    # The threshold mask misses a rule's blurred fringe; a 3x3 dilation at 300 dpi left gray
    # ghost rules, so the margin grows with dpi.
    grow = 3 + 2 * int(dpi // 200)
    size = 2 * grow + 3
    out = gray.copy()
    # Only the rules' box is worked on: with a margin of the filters' reach the result is the same
    # as filtering the whole page (their border value never wins a max).
    x, y, w, h = cv2.boundingRect(line_mask)
    if not w:
        return out
    reach = grow + size
    y0, y1, x0, x1 = max(0, y - reach), min(gray.shape[0], y + h + reach), max(0, x - reach), min(gray.shape[1], x + w + reach)
    mask = cv2.dilate(line_mask[y0:y1, x0:x1], np.ones((grow, grow), np.uint8))
    # A max filter wider than a rule gives the paper around it (rules are the darkest thin things).
    background = cv2.dilate(gray[y0:y1, x0:x1], np.ones((size, size), np.uint8))
    cv2.copyTo(background, mask, out[y0:y1, x0:x1])
    return out
