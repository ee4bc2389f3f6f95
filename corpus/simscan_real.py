"""Simulated scans of the held-out digital real documents, with truth derived from their digital truth.

    python corpus/simscan_real.py

The real scans without truth are unreadable and every held-out real document is digital, so the
held-out scan figure comes from scanned copies of their scored pages: for each truth file of
corpus/real/truth/ with `held_out` true and `scan` false, the scored pages (budget pages first, then
the target pages that fit, at most MAX_PAGES) go through make_scans' `normal-300` degradation to
corpus/real/<stem>__simscan.pdf, and the truth items of those pages, renumbered to the subset, to
corpus/real/truth/<stem>__simscan.json. Pages larger than A4 (the Canva slides, 1440 x 810 pt) are
printed to fit an A4 sheet first, as an office would before scanning. Deterministic: reruns are
byte-identical. The truth files are committed; the PDFs (36 MB) are not: tests/real_truth.py builds
a missing one on first use (a few seconds).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import make_scans as M

REAL = M.CORPUS / "real"
TRUTH = REAL / "truth"
SUFFIX = "__simscan"
VARIANT = M.VARIANTS["normal-300"]
# OCR takes ~1-2 s per page on one core; the scan tests stay within a few pages per document.
MAX_PAGES = 8
A4_LONG_SIDE_PT = 842.0


def subset_pages(scored: dict[str, list[int]]) -> list[int]:
    """The scored pages kept, in document order: budget pages first, then the target pages that fit."""
    kept = sorted(scored["budget"])[:MAX_PAGES]
    for page in sorted(scored["targets"]):
        if page not in kept and len(kept) < MAX_PAGES:
            kept.append(page)
    return sorted(kept)


def subset_truth(truth: dict, pages: list[int], source: str) -> dict:
    """The truth of the kept pages, renumbered 1..n; the document marked as a scan."""
    new = {page: i + 1 for i, page in enumerate(pages)}

    def renumber(item: dict) -> dict:
        out = {**item, "page": new[item["page"]]}
        if "restates_page" in item:
            out["restates_page"] = new[item["restates_page"]]
        return out

    budget = [renumber(b) for b in truth["budget"] if b["page"] in new]
    targets = [renumber(t) for t in truth["targets"] if t["page"] in new]
    left_out = sorted(set().union(*truth["scored_pages"].values()) - set(pages))
    mapping = ", ".join(f"{new[p]} = p. {p}" for p in pages)
    note = (f"Simulated scan (corpus/simscan_real.py: make_scans {VARIANT.name}, image only, no text layer) "
            f"of the scored pages {_pages(pages)} of {source}.pdf, renumbered ({mapping}). "
            + (f"Left out: the scored page(s) {_pages(left_out)} with {len(truth['budget']) - len(budget)} "
               f"budget line(s) and {len(truth['targets']) - len(targets)} target(s). " if left_out else "")
            + "Page numbers in the notes below are the original's.")
    return {**truth,
            "document": {**truth["document"], "n_pages": len(pages), "scan": True},
            "held_out": True,
            "scored_pages": {k: [new[p] for p in v if p in new] for k, v in truth["scored_pages"].items()},
            "budget": budget,
            "targets": targets,
            "notes": [note, *truth["notes"]]}


def _pages(pages: list[int]) -> str:
    return ", ".join(map(str, pages))


def make_simscan(name: str) -> tuple[Path, Path]:
    """Write the simulated scan of document `name` and its truth; returns both paths."""
    truth = json.loads((TRUTH / f"{name}.json").read_text())
    pages = subset_pages(truth["scored_pages"])
    truth_path = TRUTH / f"{name}{SUFFIX}.json"
    truth_path.write_text(json.dumps(subset_truth(truth, pages, name), indent=1, ensure_ascii=False))
    return simscan_pdf(name, pages), truth_path


def simscan_pdf(name: str, pages: list[int] | None = None) -> Path:
    """Write the simulated scan of document `name` (of its scored pages by default)."""
    if pages is None:
        pages = subset_pages(json.loads((TRUTH / f"{name}.json").read_text())["scored_pages"])
    out = REAL / f"{name}{SUFFIX}.pdf"
    part = M.scan_pdf(REAL / f"{name}.pdf", VARIANT, out.with_suffix(".part.pdf"), pages, A4_LONG_SIDE_PT)
    return part.replace(out)  # whole or not at all: an interrupted build leaves no PDF behind


def held_out_digital() -> list[str]:
    names = []
    for path in sorted(TRUTH.glob("*.json")):
        truth = json.loads(path.read_text())
        if truth.get("held_out") and not truth["document"]["scan"]:
            names.append(path.stem)
    return names


def main() -> int:
    for name in held_out_digital():
        for path in make_simscan(name):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
