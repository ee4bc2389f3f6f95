"""Hostile inputs: each is generated here (small, fast), run in a batch beside a good document.

Every case must end as one documents row with the right status and a one-line error, print
exactly one `kpu-extract: failed|partial: ...` line on stderr (no traceback unless --verbose),
leave the good document's rows in place and exit per the contract (0 ok/partial, 1 any failed).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image, ImageDraw
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from conftest import CORPUS
from kpu_extract.pipeline.cli import main

GOOD = CORPUS / "pk_kota_serang_2022.pdf"
BIG_PX = 12000


# --- generators ------------------------------------------------------------------------------------

def _zero(path: Path) -> None:
    path.write_bytes(b"")


def _truncated(path: Path) -> None:
    data = GOOD.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _not_a_pdf(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))


def _html(path: Path) -> None:
    path.write_bytes(b"<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>gone</body></html>")


def _encrypted(path: Path) -> None:
    c = canvas.Canvas(str(path), encrypt="secret")  # user password "secret": unreadable without it
    c.drawString(72, 720, "Laporan Kinerja KPU Kota Serang Tahun 2022 - dokumen rahasia")
    c.save()


def _text_page(c: canvas.Canvas) -> None:
    for i, line in enumerate(["LAPORAN KINERJA INSTANSI PEMERINTAH", "KOMISI PEMILIHAN UMUM KOTA SERANG",
                              "Tahun 2022. Halaman ini berisi teks biasa dari lapisan teks PDF."]):
        c.drawString(72, 720 - 16 * i, line)
    c.showPage()


def _blank_page(path: Path) -> None:
    c = canvas.Canvas(str(path))
    _text_page(c)
    c.showPage()  # page 2: nothing on it
    c.save()


def _image_pdf(path: Path, page_pt: float) -> None:
    """One page holding one BIG_PX x BIG_PX 1-bit white image (18 MB raw, 18 kB compressed)."""
    data = zlib.compress(b"\xff" * (BIG_PX // 8) * BIG_PX, 9)
    content = b"q %d 0 0 %d 0 0 cm /Im0 Do Q" % (page_pt, page_pt)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /XObject << /Im0 4 0 R >> >> "
        b"/Contents 5 0 R >>" % (page_pt, page_pt),
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 1 "
        b"/Filter /FlateDecode /Length %d >>\nstream\n" % (BIG_PX, BIG_PX, len(data)) + data + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    _write_pdf(path, objects)


def _huge_image_small_page(path: Path) -> None:
    _image_pdf(path, 600)  # 1440 dpi: rendered at the 400-dpi cap, pdfium downsamples while decoding


def _huge_page(path: Path) -> None:
    _image_pdf(path, BIG_PX)  # 12000 pt square: over the pixel limit even at 50 dpi


def _text_then_scan(path: Path) -> None:
    """Page 1 digital text, page 2 a scanned image (read by OCR)."""
    image = Image.new("L", (850, 1100), 255)
    draw = ImageDraw.Draw(image)
    for i in range(12):
        draw.text((80, 80 + 60 * i), f"Baris {i + 1}: pagu Rp {i + 1}.000.000", fill=0)
    buf = io.BytesIO()
    image.save(buf, "PNG")
    c = canvas.Canvas(str(path))
    _text_page(c)
    c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 0, 0, width=612, height=792)
    c.showPage()
    c.save()


OCR_TIMEOUT_MSG = ("OCR took longer than 0.001 s; set KPU_EXTRACT_OCR_TIMEOUT to more seconds "
                   "(or lower OcrSettings.max_dpi)")
# name, generator, status, error after "<path>: " (None: no error), environment
CASES = [
    ("zero-bytes", _zero, "failed", "empty file (0 bytes), not a PDF", {}),
    ("truncated", _truncated, "failed",
     "cannot parse the PDF (PSEOF: Unexpected EOF); the file may be truncated or damaged, re-download it", {}),
    ("not-a-pdf", _not_a_pdf, "failed", "not a PDF (no %PDF header); re-download the original PDF", {}),
    ("html-renamed", _html, "failed", "an HTML page (no %PDF header); re-download the original PDF", {}),
    ("encrypted", _encrypted, "failed",
     "the PDF is password-protected; save an unprotected copy (e.g. qpdf --decrypt) and rerun", {}),
    ("blank-page", _blank_page, "ok", None, {}),
    ("huge-image", _huge_image_small_page, "ok", None, {}),
    ("huge-page", _huge_page, "failed",
     "page 1: page is 12000x12000 pt, over 20,000,000 pixels even at 50 dpi; too large to render, "
     "check that the file is a real scan", {}),
    ("ocr-hangs", _text_then_scan, "partial", f"page 2: {OCR_TIMEOUT_MSG}", {"KPU_EXTRACT_OCR_TIMEOUT": "0.001"}),
]


def _batch(tmp_path: Path, name: str, make) -> tuple[Path, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(GOOD, folder / "good.pdf")
    bad = folder / f"{name}.pdf"
    make(bad)
    return folder, bad


@pytest.mark.parametrize("name,make,status,error,env", CASES, ids=[c[0] for c in CASES])
def test_hostile_input_is_one_row_and_the_batch_lands(tmp_path, capfd, monkeypatch, name, make, status, error, env):
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    folder, bad = _batch(tmp_path, name, make)
    out = tmp_path / "out"
    code = main(["run", str(folder), "--out", str(out), "--quiet", "--workers", "1"])
    assert code == (1 if status == "failed" else 0)
    docs = pd.read_parquet(out / "documents.parquet").set_index("source_file")
    row = docs.loc[str(bad)]
    assert row.status == status
    expected = None if error is None else f"{bad}: {error}"
    assert (row.error if isinstance(row.error, str) else None) == expected
    assert docs.loc[str(folder / "good.pdf")].status == "ok"
    targets = pd.read_parquet(out / "targets.parquet")
    assert (targets.doc_id == docs.loc[str(folder / "good.pdf")].doc_id).sum() > 0
    err = capfd.readouterr().err.splitlines()  # fd-level: C libraries' chatter would show too
    assert err == ([] if status == "ok" else [f"kpu-extract: {status}: {expected}"])


def test_ocr_timeout_keeps_the_other_pages(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KPU_EXTRACT_OCR_TIMEOUT", "0.001")
    folder, bad = _batch(tmp_path, "ocr-hangs", _text_then_scan)
    assert main(["run", str(bad), "--out", str(tmp_path / "out"), "--quiet", "--workers", "1"]) == 0
    row = pd.read_parquet(tmp_path / "out" / "documents.parquet").iloc[0]
    assert (row.status, row.n_pages, row.n_ocr_pages) == ("partial", 2, 1)
    assert row.satker == "KPU Kota Serang" and row.year == 2022  # read from page 1, which landed
    # Same settings: the partial result is cached. A larger limit: that document is redone, and lands ok.
    args = ["run", str(bad), "--out", str(tmp_path / "out"), "--workers", "1"]
    capsys.readouterr()
    assert main(args) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"kpu-extract: partial: {bad}: page 2: {OCR_TIMEOUT_MSG}",
        f"1 documents (0 processed, 1 cached, 0 failed) -> {tmp_path / 'out'}: documents 1, targets 0, pagu 0, "
        "realisasi 0, schedule 0, checks 0, review 0"]
    monkeypatch.setenv("KPU_EXTRACT_OCR_TIMEOUT", "60")
    assert main(args + ["--quiet"]) == 0
    row = pd.read_parquet(tmp_path / "out" / "documents.parquet").iloc[0]
    assert (row.status, row.n_ocr_pages) == ("ok", 1)


def test_bad_ocr_timeout_setting_is_bad_usage(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KPU_EXTRACT_OCR_TIMEOUT", "soon")
    assert main(["run", str(GOOD), "--out", str(tmp_path / "out"), "--quiet"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "kpu-extract: error: KPU_EXTRACT_OCR_TIMEOUT must be a positive number of seconds, not 'soon'"]


def test_verbose_shows_the_traceback(tmp_path, capfd):
    folder, bad = _batch(tmp_path, "truncated", _truncated)
    assert main(["run", str(bad), "--out", str(tmp_path / "out"), "--quiet", "--verbose", "--workers", "1"]) == 1
    assert "Traceback (most recent call last)" in capfd.readouterr().err


_PEAK_OF_CHILDREN = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:]).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)
sys.exit(code)
"""


def test_whole_hostile_batch_in_worker_processes(tmp_path):
    """All cases in one batch with 2 workers, as a real process: exit 1, every row, no traceback, < 1 GB.

    The OCR timeout is set for the whole batch, so the huge-image page (OCR'd in the single test)
    may time out here too: a blank page can finish within 1 ms through Tesseract's C API, so that
    document is either ok or failed with the timeout (no page read).
    """
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(GOOD, folder / "good.pdf")
    for name, make, *_ in CASES:
        make(folder / f"{name}.pdf")
    exe = Path(sys.executable).with_name("kpu-extract")
    env = {**os.environ, "KPU_EXTRACT_OCR_TIMEOUT": "0.001"}
    # Run under a small parent that reports its descendants' peak memory: pytest's own
    # RUSAGE_CHILDREN would also count what earlier tests' subprocesses used.
    proc = subprocess.run([sys.executable, "-c", _PEAK_OF_CHILDREN, str(exe), "run", str(folder),
                           "--out", str(tmp_path / "out"), "--workers", "2"],
                          capture_output=True, text=True, env=env, timeout=300)
    *lines, peak = proc.stderr.splitlines()
    proc.stderr = "\n".join(lines)
    assert proc.returncode == 1, proc.stderr
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet").set_index("source_file")
    expected = {c[0]: c[2:4] for c in CASES}
    huge = str(folder / "huge-image.pdf")
    if docs.loc[huge].status != "ok":
        expected["huge-image"] = ("failed", f"page 1: {OCR_TIMEOUT_MSG}")
    for name, (status, error) in expected.items():
        path = str(folder / f"{name}.pdf")
        assert docs.loc[path].status == status, name
        assert (docs.loc[path].error if status != "ok" else None) == (f"{path}: {error}" if error else None)
    assert docs.loc[str(folder / "good.pdf")].status == "ok"
    assert "Traceback" not in proc.stderr
    n, failed = len(CASES) + 1, sum(status == "failed" for status, _ in expected.values())
    for line in proc.stderr.splitlines():  # progress lines, one line per failed/partial file, the summary
        assert re.match(r"^\[\d+/\d+ docs, \d+/\d+ pages\] (ok|partial|failed): |^kpu-extract: (failed|partial): |"
                        rf"^{n} documents \({n} processed, 0 cached, {failed} failed\) -> ", line), line
    # Peak resident memory of the largest descendant (the run or one of its workers).
    assert int(peak) < 1024 * 1024  # KiB


# --- bombs: bounded in time and memory -------------------------------------------------------------

def _write_pdf(path: Path, objects: list[bytes]) -> None:
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


def _flate_bomb(path: Path) -> None:
    """4 kB: a text page whose second content stream (two FlateDecode levels) inflates to 2 GiB."""
    inner = zlib.compressobj(9)
    spaces = b" " * (1 << 20)
    data = zlib.compress(b"".join([inner.compress(spaces) for _ in range(2048)] + [inner.flush()]), 9)
    text = b"BT /F1 12 Tf 72 720 Td (Laporan Kinerja KPU Kota Serang Tahun 2022) Tj ET"
    _write_pdf(path, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents [5 0 R 6 0 R] >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n" % len(data) + data + b"\nendstream",
    ])


def _many_operations(path: Path) -> None:
    """One page: a line of text and 100,000 short line segments (2.2 MB of content)."""
    import random

    rng = random.Random(1)
    c = canvas.Canvas(str(path))
    c.drawString(72, 760, "Laporan Kinerja KPU Kota Serang Tahun 2022")
    for _ in range(100_000):
        x, y = rng.uniform(20, 590), rng.uniform(20, 740)
        c.line(x, y, x + rng.uniform(-30, 30), y + rng.uniform(-30, 30))
    c.save()


_BOUNDED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
from kpu_extract.pipeline.cli import main
sys.exit(main(["run", {pdf!r}, "--out", {out!r}, "--quiet", "--workers", "1"]))
"""


@pytest.mark.parametrize("make,status,error", [
    (_flate_bomb, "failed", "a stream inflates to over 64 MB (a decompression bomb); the file is not a normal "
                            "report, check where it came from"),
    (_many_operations, "ok", None),
], ids=["flate-bomb", "100k-operations"])
def test_bombs_are_bounded_in_time_and_memory(tmp_path, make, status, error):
    """Each file runs through the CLI in a process limited to 2 GiB of address space and 300 s."""
    pdf = tmp_path / "bomb.pdf"
    make(pdf)
    assert pdf.stat().st_size < 3 << 20
    code = _BOUNDED.format(limit=2 << 30, pdf=str(pdf), out=str(tmp_path / "out"))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert proc.returncode == (1 if status == "failed" else 0), proc.stderr
    row = pd.read_parquet(tmp_path / "out" / "documents.parquet").iloc[0]
    assert row.status == status
    assert (row.error if isinstance(row.error, str) else None) == (f"{pdf}: {error}" if error else None)
    assert "Traceback" not in proc.stderr


def test_12000_px_page_at_300_dpi_lands(tmp_path):
    """A 12000x12000 px scan on a 40-inch page: rendered under the pixel limit, read, `ok`.

    Its peak memory is measured in bench/bench_memory.py (465 MiB with MAX_PIXELS 20 MP)."""
    pdf = tmp_path / "poster.pdf"
    _image_pdf(pdf, 2880)
    code = _BOUNDED.format(limit=3 << 30, pdf=str(pdf), out=str(tmp_path / "out"))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert proc.returncode == 0, proc.stderr
    row = pd.read_parquet(tmp_path / "out" / "documents.parquet").iloc[0]
    assert (row.status, row.n_ocr_pages) == ("ok", 1)


def test_page_tree_pdfminer_cannot_read_is_rebuilt_by_pdfium(tmp_path):
    """Leaf pages without `/Type /Page`: pdfplumber sees 0 pages, pdfium 2. pdfium's count decides,
    pdfplumber reads pdfium's rebuilt copy, and the rows equal those of the intact file."""
    import pdfplumber

    from kpu_extract.extract.pdf import page_count

    bad = tmp_path / "untyped.pdf"
    bad.write_bytes(GOOD.read_bytes().replace(b"/Type /Page\n", b"/Tyqe /Page\n"))  # same length: xref holds
    with pdfplumber.open(bad) as pdf:
        assert len(pdf.pages) == 0
    assert page_count(bad) == page_count(GOOD) == 2
    for name, path in (("bad", bad), ("good", GOOD)):
        assert main(["run", str(path), "--out", str(tmp_path / name), "--quiet", "--workers", "1"]) == 0
    for dataset in ("documents", "targets", "pagu"):
        got, want = (pd.read_parquet(tmp_path / n / f"{dataset}.parquet").drop(columns=["doc_id"])
                     for n in ("bad", "good"))
        # Row ids start with the doc_id (another file's bytes): compare the part after it.
        other = ["source_file"] if dataset == "documents" else ["row_id"]
        if dataset != "documents":
            assert list(got.row_id.str.split("-").str[1]) == list(want.row_id.str.split("-").str[1])
        got, want = got.drop(columns=other), want.drop(columns=other)
        pd.testing.assert_frame_equal(got, want)
    assert len(pd.read_parquet(tmp_path / "bad" / "targets.parquet")) == 8
