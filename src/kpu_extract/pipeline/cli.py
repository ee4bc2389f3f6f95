"""Command line: `kpu-extract run`, `kpu-extract tables` and `kpu-extract report`. Parses arguments,
calls the library, turns library errors into one-line messages and exit codes."""

from __future__ import annotations

import argparse
import csv
import logging
import os
import sys
from pathlib import Path

from .. import PIPELINE_VERSION, __version__
from ..errors import ExitCode, KpuExtractError, UsageError
from ..extract.settings import ExtractSettings, OcrSettings
from .run import LOCK_TIMEOUT_S, RunSettings, run

log = logging.getLogger("kpu_extract")
# Seconds Tesseract may spend on one call for a page; a slower page becomes a page warning.
OCR_TIMEOUT_ENV = "KPU_EXTRACT_OCR_TIMEOUT"
# Seconds a run waits for another run writing the same --out before it stops (exit 3).
LOCK_TIMEOUT_ENV = "KPU_EXTRACT_LOCK_TIMEOUT"
# Loggers whose debug output is only shown with -vv (pdfminer alone prints thousands of token lines).
THIRD_PARTY = ("pdfminer", "pdfplumber", "distributed", "tornado", "asyncio", "fsspec", "PIL")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # bad usage exits 2 with one line, as the contract says
        self.print_usage(sys.stderr)
        print(f"kpu-extract: error: {message}", file=sys.stderr)
        raise SystemExit(ExitCode.BAD_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kpu-extract", description="KPU performance and budget reports (PDF) -> Parquet datasets.")
    _add_version(parser)
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
    r.add_argument("--decisions", type=Path, metavar="FILE",
                   help="reviewer decisions to apply (CSV: row_id,field,decision,value,reviewer,note; "
                        "default DIR/decisions.csv when it exists)")
    r.add_argument("--quiet", action="store_true", help="no progress output")
    r.add_argument("--verbose", "-v", action="count", default=0,
                   help="debug logging and tracebacks for failures; twice (-vv) also third-party debug output")
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


def _add_version(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", help="print the version and exit",
                        version=f"kpu-extract {__version__} (pipeline {PIPELINE_VERSION})")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _configure_logging(getattr(args, "verbose", 0))
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
        return int(ExitCode.OUTPUT_ERROR)


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is now (tests swap it between calls of main)."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def _configure_logging(verbosity: int) -> None:
    # Only the CLI sets up handlers. Our messages at INFO; -v: our DEBUG lines and the tracebacks
    # of failed documents; -vv: also third-party DEBUG (pdfminer tokens, Dask). Third-party
    # warnings (pdfminer font chatter) stay hidden below -vv.
    root = logging.getLogger()
    for h in [h for h in root.handlers if isinstance(h, _StderrHandler)]:
        root.removeHandler(h)
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbosity >= 2 else logging.WARNING)
    log.setLevel(logging.DEBUG if verbosity else logging.INFO)
    for name in THIRD_PARTY:
        logging.getLogger(name).setLevel(logging.NOTSET if verbosity >= 2 else logging.ERROR)


def _seconds_from_env(name: str, default: float | None) -> float | None:
    """A positive number of seconds from the environment variable `name`, or default when unset."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not value > 0 or value != value or value == float("inf"):
        raise UsageError(f"{name} must be a positive number of seconds, not {raw!r}")
    return value


def ocr_timeout_from_env() -> float | None:
    """KPU_EXTRACT_OCR_TIMEOUT in seconds, or None when unset (OcrSettings' default applies)."""
    return _seconds_from_env(OCR_TIMEOUT_ENV, None)


def lock_timeout_from_env() -> float:
    """KPU_EXTRACT_LOCK_TIMEOUT in seconds, or LOCK_TIMEOUT_S when unset."""
    return _seconds_from_env(LOCK_TIMEOUT_ENV, LOCK_TIMEOUT_S)


def _extract_settings() -> ExtractSettings:
    timeout = ocr_timeout_from_env()
    return ExtractSettings() if timeout is None else ExtractSettings(ocr=OcrSettings(timeout_s=timeout))


def _run(args) -> int:
    settings = RunSettings(out=args.out, executor=args.executor, scheduler=args.scheduler, force=args.force,
                           progress="none" if args.quiet else "auto",
                           extract=_extract_settings(),
                           lock_timeout_s=lock_timeout_from_env(), decisions=args.decisions,
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
    from ..extract.model import warnings_to_error
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
    warnings = [w for page in doc.pages for w in page.warnings]
    if warnings:
        print(f"kpu-extract: warning: {path}: {warnings_to_error(warnings)}", file=sys.stderr)
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
