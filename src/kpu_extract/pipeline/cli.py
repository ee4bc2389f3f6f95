"""Command line: `kpu-extract run`, `kpu-extract tables` and `kpu-extract report`. Parses arguments,
calls the library, turns library errors into one-line messages and exit codes."""

from __future__ import annotations

import argparse
import csv
import logging
import os
import sys
from pathlib import Path

from ..errors import ExitCode, KpuExtractError, UsageError
from ..extract.pdf import ExtractSettings
from .run import RunSettings, run

log = logging.getLogger("kpu_extract")
# Seconds Tesseract may spend on one call for a page; a slower page becomes a page warning.
OCR_TIMEOUT_ENV = "KPU_EXTRACT_OCR_TIMEOUT"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # bad usage exits 2 with one line, as the contract says
        self.print_usage(sys.stderr)
        print(f"kpu-extract: error: {message}", file=sys.stderr)
        raise SystemExit(ExitCode.BAD_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kpu-extract", description="KPU performance and budget reports (PDF) -> Parquet datasets.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    r = sub.add_parser("run", help="extract every dataset from PDF files or folders",
                       description="Extract documents, targets, pagu, realisasi, schedule, checks and review "
                                   "datasets into DIR/<dataset>.parquet.")
    r.add_argument("inputs", nargs="+", metavar="INPUT", help="PDF files or folders (searched recursively)")
    r.add_argument("--out", required=True, type=Path, metavar="DIR", help="output folder")
    r.add_argument("--workers", type=int, default=None, help="parallel worker processes (default: all cores)")
    r.add_argument("--executor", choices=("local", "dask"), default="local", help="local process pool or Dask")
    r.add_argument("--scheduler", metavar="ADDR", help="Dask scheduler address (default: start a LocalCluster)")
    r.add_argument("--force", action="store_true", help="ignore the cache and reprocess every document")
    r.add_argument("--quiet", action="store_true", help="no progress output")
    r.add_argument("--verbose", action="store_true", help="debug logging, tracebacks for failures")
    t = sub.add_parser("tables", help="dump every raw table the extractor found, one CSV per table",
                       description="Write DIR/page<NNN>_table<NN>.csv for every table found in FILE.")
    t.add_argument("file", metavar="FILE.pdf", help="one PDF file")
    t.add_argument("--out", required=True, type=Path, metavar="DIR", help="output folder")
    t.add_argument("--png", action="store_true",
                   help="also write DIR/page<NNN>.png: each page with the table grid and cell boxes drawn")
    p = sub.add_parser("report", help="static HTML review report of an output folder, with page crops",
                       description="Write REPORT_DIR/index.html (one row per document) and a page per document "
                                   "with its review rows, disagreeing checks, budget tree and page images.")
    p.add_argument("folder", type=Path, metavar="DIR", help="output folder of `kpu-extract run`")
    p.add_argument("--out", type=Path, metavar="REPORT_DIR", help="report folder (default: DIR/report)")
    p.add_argument("--only-attention", action="store_true",
                   help="write document pages only for documents that need a look")
    p.add_argument("--grid", action="store_true",
                   help="draw the extractor's table grid on the thumbnails (re-reads every PDF; OCR for scans)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _configure_logging(getattr(args, "verbose", False))
    try:
        return {"run": _run, "tables": _tables, "report": _report}[args.command](args)
    except KpuExtractError as exc:
        print(f"kpu-extract: error: {exc.message}", file=sys.stderr)
        return int(exc.exit_code)
    except OSError as exc:  # the output folder cannot be written (permissions, full disk, a file there)
        if getattr(args, "verbose", False):
            raise
        print(f"kpu-extract: error: cannot write {exc.filename or args.out or args.folder}: {exc.strerror or exc}; "
              "choose another --out", file=sys.stderr)
        return int(ExitCode.DOCUMENT_FAILED)


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is now (tests swap it between calls of main)."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def _configure_logging(verbose: bool) -> None:
    # Only the CLI sets up handlers. Our messages at INFO (DEBUG with --verbose, which also shows
    # tracebacks of failed documents); third-party chatter (pdfminer font warnings) only with --verbose.
    root = logging.getLogger()
    for h in [h for h in root.handlers if isinstance(h, _StderrHandler)]:
        root.removeHandler(h)
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.WARNING)
    log.setLevel(logging.DEBUG if verbose else logging.INFO)
    for name in ("pdfminer", "pdfplumber", "distributed", "tornado", "asyncio", "fsspec", "PIL"):
        logging.getLogger(name).setLevel(logging.NOTSET if verbose else logging.ERROR)


def ocr_timeout_from_env() -> float | None:
    """KPU_EXTRACT_OCR_TIMEOUT in seconds, or None when unset (OcrSettings' default applies)."""
    raw = os.environ.get(OCR_TIMEOUT_ENV, "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not value > 0 or value != value or value == float("inf"):
        raise UsageError(f"{OCR_TIMEOUT_ENV} must be a positive number of seconds, not {raw!r}")
    return value


def _run(args) -> int:
    settings = RunSettings(out=args.out, executor=args.executor, scheduler=args.scheduler, force=args.force,
                           progress="none" if args.quiet else "auto",
                           extract=ExtractSettings(ocr_timeout_s=ocr_timeout_from_env()),
                           **({"workers": args.workers} if args.workers is not None else {}))
    summary = run(args.inputs, settings)
    for r in summary.results:
        if r.document.status in ("failed", "partial"):
            print(f"kpu-extract: {r.document.status}: {r.document.error}", file=sys.stderr)
    if not args.quiet:
        print(f"{len(summary.results)} documents ({summary.processed} processed, {summary.cached} cached, "
              f"{summary.failed} failed) -> {args.out}: " +
              ", ".join(f"{k} {v}" for k, v in summary.counts.items()), file=sys.stderr)
    return int(ExitCode.DOCUMENT_FAILED if summary.failed else ExitCode.OK)


def _tables(args) -> int:
    from ..extract.pdf import pdf_to_document

    path = Path(args.file)
    if not path.is_file():
        raise UsageError(f"input not found: {path}")
    doc = pdf_to_document(path, doc_id="debug")
    args.out.mkdir(parents=True, exist_ok=True)
    n = 0
    for page in doc.pages:
        for table in page.tables:
            with open(args.out / f"page{page.number:03d}_table{table.index:02d}.csv", "w", newline="") as fh:
                csv.writer(fh).writerows([[c if c is not None else "" for c in row] for row in table.rows])
            n += 1
    if args.png:
        from ..report.grid import document_to_pngs

        document_to_pngs(doc, path, args.out)
    for warning in (w for page in doc.pages for w in page.warnings):
        print(f"kpu-extract: warning: {path}: {warning}", file=sys.stderr)
    print(f"{n} tables from {doc.n_pages} pages ({doc.n_ocr_pages} by OCR)"
          f"{', page images' if args.png else ''} -> {args.out}", file=sys.stderr)
    return int(ExitCode.OK)


def _report(args) -> int:
    from ..report import ReportSettings, build_report

    summary = build_report(args.folder, ReportSettings(out=args.out, only_attention=args.only_attention,
                                                       grid=args.grid))
    for note in summary.notes:
        print(f"kpu-extract: note: {note}", file=sys.stderr)
    print(f"{summary.documents} documents, {summary.pages_written} document pages -> "
          f"{summary.out / 'index.html'}", file=sys.stderr)
    return int(ExitCode.OK)


if __name__ == "__main__":
    sys.exit(main())
