"""Command line: `kpu-extract run` and `kpu-extract tables`. Parses arguments, calls the library,
turns library errors into one-line messages and exit codes."""

from __future__ import annotations

import argparse
import csv
import logging
import sys
from pathlib import Path

from ..errors import ExitCode, KpuExtractError, UsageError
from .run import RunSettings, run

log = logging.getLogger("kpu_extract")


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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if getattr(args, "verbose", False) else logging.INFO,
                        format="%(message)s", stream=sys.stderr)
    try:
        return _run(args) if args.command == "run" else _tables(args)
    except KpuExtractError as exc:
        print(f"kpu-extract: error: {exc.message}", file=sys.stderr)
        return int(exc.exit_code)


def _run(args) -> int:
    settings = RunSettings(out=args.out, executor=args.executor, scheduler=args.scheduler, force=args.force,
                           progress="none" if args.quiet else "auto",
                           **({"workers": args.workers} if args.workers is not None else {}))
    summary = run(args.inputs, settings)
    for r in summary.results:
        if r.document.status == "failed":
            print(f"kpu-extract: failed: {r.document.error}", file=sys.stderr)
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
    print(f"{n} tables from {doc.n_pages} pages ({doc.n_ocr_pages} by OCR) -> {args.out}", file=sys.stderr)
    return int(ExitCode.OK)


if __name__ == "__main__":
    sys.exit(main())
