"""Turn digital corpus PDFs into scanned variants: corpus/scans/<name>-<variant>.pdf.

Each page is rasterized (pypdfium2), rotated, blurred, noised and JPEG-compressed, then written
as an image-only PDF (one JPEG per page, embedded as-is). Deterministic: the random generator
is seeded from the document and variant name. Run: `python corpus/make_scans.py` (or `make corpus`).
Which documents and variants, and why, is in corpus/scans/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
from reportlab.pdfgen import canvas

CORPUS = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Variant:
    """How one scanned copy is degraded."""

    name: str
    dpi: int
    skew_deg: tuple[float, float]  # |angle| range; the sign is random
    blur_sigma: float
    noise_sigma: float
    jpeg_quality: int
    poor_text_layer: bool = False


VARIANTS = {
    "normal-300": Variant("normal-300", 300, (0.3, 1.0), 0.6, 6.0, 80),
    # Hard: what the worst real KPU scans look like (200 dpi, >1 degree skew, noisy, blocky JPEG).
    "hard-200": Variant("hard-200", 200, (1.1, 1.5), 0.8, 18.0, 45),
    # A scan whose OCR layer is garbage: triage must not trust it and must OCR the page again.
    "poorlayer-300": Variant("poorlayer-300", 300, (0.3, 0.8), 0.6, 6.0, 75, poor_text_layer=True),
}
# Every document gets a normal scan; the two shortest also a hard one (OCR is the slow part of CI),
# the shortest also one with a garbage text layer.
PLAN = {0: ("normal-300", "hard-200", "poorlayer-300"), 1: ("normal-300", "hard-200")}
DEFAULT_PLAN = ("normal-300",)


def degrade(gray: np.ndarray, variant: Variant, rng: np.random.Generator) -> np.ndarray:
    """Rotate, blur and add Gaussian noise to a gray page image (JPEG comes at write time)."""
    lo, hi = variant.skew_deg
    angle = float(rng.uniform(lo, hi)) * (1 if rng.random() < 0.5 else -1)
    h, w = gray.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    out = cv2.warpAffine(gray, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)
    if variant.blur_sigma > 0:
        out = cv2.GaussianBlur(out, (0, 0), variant.blur_sigma)
    paper = 245 - 10 * rng.random()  # scanned paper is never pure white
    out = out.astype(np.float32) * (paper / 255.0)
    out += rng.normal(0.0, variant.noise_sigma, out.shape).astype(np.float32)
    return np.clip(out, 0, 255).astype(np.uint8)


def render(pdf_path: Path, dpi: int, pages: list[int] | None = None,
           paper_pt: float | None = None) -> list[tuple[np.ndarray, tuple[float, float]]]:
    """Every page (or the listed 1-based `pages`, in that order) as (gray image, page size in points);
    with `paper_pt`, each page printed to fit a sheet of that long side before it is scanned."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        out = []
        for page in (pdf[n - 1] for n in pages) if pages else pdf:
            width, height = page.get_size()
            fit = min(1.0, paper_pt / max(width, height)) if paper_pt else 1.0
            bitmap = page.render(scale=fit * dpi / 72.0, grayscale=True)
            gray = np.array(bitmap.to_numpy(), copy=True)
            out.append((gray[:, :, 0] if gray.ndim == 3 else gray, (width * fit, height * fit)))
        return out
    finally:
        pdf.close()


def write_image_pdf(out: Path, pages: list[tuple[np.ndarray, tuple[float, float]]], quality: int,
                    text_layers: list[list[tuple[str, float, float, float]]] | None = None) -> None:
    """Image-only PDF, one JPEG per page; optional invisible text (render mode 3) over each image.

    img2pdf is not a dependency; reportlab embeds a JPEG *file* without re-encoding it.
    `invariant=1` drops the timestamp and random ID so reruns are byte-identical.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    # reportlab names each image XObject after its file path, so the JPEGs get fixed names,
    # relative to the output folder, to keep reruns byte-identical in any checkout.
    out = out.resolve()
    jpgs = [Path(f".{out.stem}.p{i}.jpg") for i in range(len(pages))]
    with contextlib.chdir(out.parent):
        _write_pages(out, pages, jpgs, quality, text_layers)


def _write_pages(out: Path, pages: list, jpgs: list[Path], quality: int, text_layers: list | None) -> None:
    pdf = canvas.Canvas(str(out), invariant=1)
    try:
        for i, (gray, (width, height)) in enumerate(pages):
            cv2.imwrite(str(jpgs[i]), gray, [cv2.IMWRITE_JPEG_QUALITY, quality])
            pdf.setPageSize((width, height))
            pdf.drawImage(str(jpgs[i]), 0, 0, width=width, height=height)
            if text_layers:
                _invisible_text(pdf, text_layers[i], height)
            pdf.showPage()
        pdf.save()
    finally:
        for jpg in jpgs:
            jpg.unlink(missing_ok=True)


def _invisible_text(pdf: canvas.Canvas, words: list[tuple[str, float, float, float]], height: float) -> None:
    for text, x0, top, size in words:
        t = pdf.beginText(x0, height - top - size)
        t.setTextRenderMode(3)  # invisible, like an OCR layer
        t.setFont("Helvetica", max(4.0, size))
        t.textOut(text)
        pdf.drawText(t)


def garbage_layer(pdf_path: Path, seed: int) -> list[list[tuple[str, float, float, float]]]:
    """A poor OCR layer: the real word positions with scrambled, misrecognized text."""
    import pdfplumber

    rng = random.Random(seed)
    swaps = str.maketrans("aeilnosuAEIO0123456789", "oc1|rn05v43lOlZ3A5b7B9")
    layers = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            words = []
            for w in page.extract_words():
                chars = list(w["text"].translate(swaps))
                rng.shuffle(chars)
                if rng.random() < 0.3:
                    chars = chars[: max(1, len(chars) // 2)] + list("~^")
                words.append(("".join(chars), w["x0"], w["top"], w["bottom"] - w["top"]))
            layers.append(words)
    return layers


def make_variant(pdf_path: Path, variant: Variant, out_dir: Path) -> Path:
    """Write one scanned variant of `pdf_path`; returns its path."""
    return scan_pdf(pdf_path, variant, out_dir / f"{pdf_path.stem}-{variant.name}.pdf")


def scan_pdf(pdf_path: Path, variant: Variant, out: Path, pages: list[int] | None = None,
             paper_pt: float | None = None) -> Path:
    """Write the scanned copy of `pdf_path` (of its 1-based `pages` only, when given; printed to fit
    a sheet of long side `paper_pt` when given) to `out`.

    Seeded with `crc32("<stem>-<variant>")` of the source, whichever pages are kept.
    """
    seed = zlib.crc32(f"{pdf_path.stem}-{variant.name}".encode())
    rng = np.random.default_rng(seed)
    images = [(degrade(gray, variant, rng), size) for gray, size in render(pdf_path, variant.dpi, pages, paper_pt)]
    layers = garbage_layer(pdf_path, seed) if variant.poor_text_layer else None
    if layers and pages:
        layers = [layers[n - 1] for n in pages]
    write_image_pdf(out, images, variant.jpeg_quality, layers)
    return out


def shortest(pdfs: list[Path], n: int) -> list[Path]:
    """The n documents with the fewest pages (ties broken by name, so the choice is stable)."""
    def n_pages(p: Path) -> int:
        pdf = pdfium.PdfDocument(str(p))
        try:
            return len(pdf)
        finally:
            pdf.close()
    return sorted(pdfs, key=lambda p: (n_pages(p), p.name))[:n]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path, help="digital PDFs (default: the shortest in corpus/)")
    parser.add_argument("--out", type=Path, default=CORPUS / "scans")
    args = parser.parse_args(argv)
    pdfs = args.pdfs or shortest(sorted(CORPUS.glob("*.pdf")), len(list(CORPUS.glob("*.pdf"))))
    if not pdfs:
        print("no digital PDFs in corpus/; run corpus/generate.py first", file=sys.stderr)
        return 1
    for rank, pdf_path in enumerate(pdfs):
        for name in PLAN.get(rank, DEFAULT_PLAN):
            print(make_variant(pdf_path, VARIANTS[name], args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
