"""Score pipeline rows against the hand-read truth of the real documents (corpus/real/truth/).

Shared by corpus/eval_real.py (the table) and tests/test_real_documents.py (the floors).
A truth budget line is found when a pagu row on its page has exactly its amount and a uraian
similar to the truth's; a target when a target row on its page has exactly its target_value and
a similar indikator. Matching is one to one, best similarity first. Precision counts the pipeline's
rows on the scored pages that match some truth line (a line the document prints several times may
come out once or several times without penalty). Budget recall counts lines, not printings: a
line restated with its amount in another table on another page is found when either printing is.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "corpus" / "real"
TRUTH = REAL / "truth"

# Folded token-set similarity (0-100) from which two texts name the same line (the rule).
SIMILAR_MIN = 80
SIMSCAN = "__simscan"  # corpus/simscan_real.py's suffix
# Goals of issue 9 for budget lines found in the right row, by kind of document.
GOALS = {"digital": 0.95, "scan": 0.85}


def truth_names() -> list[str]:
    return sorted(p.stem for p in TRUTH.glob("*.json"))


def load_truth(name: str) -> dict:
    return json.loads((TRUTH / f"{name}.json").read_text())


def kind(truth: dict) -> str:
    return "scan" if truth["document"]["scan"] else "digital"


def fold(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def similarity(truth_text: str | None, row_texts: tuple[str | None, ...]) -> float:
    """Best folded token-set ratio of the truth text with any of the row's texts; a truth text
    that is null (a row printing an amount and no uraian) matches any row at 100."""
    if truth_text is None:
        return 100.0
    return max((fuzz.token_set_ratio(fold(truth_text), fold(t)) for t in row_texts if t), default=0.0)


def _get(row, name: str):
    return row.get(name) if isinstance(row, dict) else getattr(row, name, None)


@dataclass
class Match:
    """How many truth items one dataset recovered, and the pipeline rows on the scored pages."""

    n_truth: int = 0
    n_found: int = 0
    n_rows: int = 0
    n_rows_matching: int = 0
    missing: list = field(default_factory=list)
    unmatched_rows: list = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        return self.n_found / self.n_truth if self.n_truth else None

    @property
    def precision(self) -> float | None:
        return self.n_rows_matching / self.n_rows if self.n_rows else None

    def add(self, other: "Match") -> "Match":
        return Match(self.n_truth + other.n_truth, self.n_found + other.n_found,
                     self.n_rows + other.n_rows, self.n_rows_matching + other.n_rows_matching)


def _match(truth_items: list[dict], rows: list, same, text_of_truth, texts_of_row) -> Match:
    pairs = []
    for ti, t in enumerate(truth_items):
        for ri, r in enumerate(rows):
            if same(t, r):
                score = similarity(text_of_truth(t), texts_of_row(r))
                if score >= SIMILAR_MIN:
                    pairs.append((-score, ti, ri))
    used_t: set[int] = set()
    used_r: set[int] = set()
    for _, ti, ri in sorted(pairs):
        if ti not in used_t and ri not in used_r:
            used_t.add(ti)
            used_r.add(ri)
    matching_rows = {ri for _, _, ri in pairs}
    return Match(len(truth_items), len(used_t), len(rows), len(matching_rows),
                 [t for ti, t in enumerate(truth_items) if ti not in used_t],
                 [r for ri, r in enumerate(rows) if ri not in matching_rows])


def score_budget(truth: dict, pagu_rows: list) -> Match:
    """Truth budget lines against the pipeline's pagu rows on the scored budget pages."""
    pages = set(truth["scored_pages"]["budget"])
    rows = [r for r in pagu_rows if _get(r, "page") in pages]
    lines = [b for b in truth["budget"] if b["page"] in pages]
    return _once_per_line(lines, _match(lines, rows, lambda t, r: _get(r, "page") == t["page"] and _get(r, "pagu") == t["pagu"],
                                        lambda t: t["uraian"], lambda r: (_get(r, "uraian"), _get(r, "uraian_raw"))))


def score_realisasi(truth: dict, realisasi_rows: list) -> Match:
    """Truth lines that print a realisasi against the realisasi rows (pagu and realisasi exact)."""
    pages = set(truth["scored_pages"]["budget"])
    rows = [r for r in realisasi_rows if _get(r, "page") in pages]
    lines = [b for b in truth["budget"] if b["page"] in pages and b["realisasi"] is not None]
    return _match(lines, rows, lambda t, r: (_get(r, "page") == t["page"] and _get(r, "pagu") == t["pagu"]
                                             and _get(r, "realisasi") == t["realisasi"]),
                  lambda t: t["uraian"], lambda r: (_get(r, "uraian"), _get(r, "uraian_raw")))


def _once_per_line(lines: list[dict], match: Match) -> Match:
    """Recall per budget line, not per printing: a line restated in another table on another page
    (a Renja's RKPD summary and its detail table print the same kegiatan and amount) is one line,
    found when any of its printings is; the pipeline reports such a restatement once (merge.py)."""
    groups: list[list[int]] = []
    for i, line in enumerate(lines):
        home = next((g for g in groups if any(_restates(lines[j], line) for j in g)), None)
        if home is None:
            groups.append([i])
        else:
            home.append(i)
    missed = {id(t) for t in match.missing}
    unfound = [g for g in groups if all(id(lines[i]) in missed for i in g)]
    return Match(len(groups), len(groups) - len(unfound), match.n_rows, match.n_rows_matching,
                 [lines[g[0]] for g in unfound], match.unmatched_rows)


def _restates(a: dict, b: dict) -> bool:
    return (a["page"] != b["page"] and a["pagu"] == b["pagu"] and a["uraian"] is not None
            and b["uraian"] is not None and similarity(a["uraian"], (b["uraian"],)) >= SIMILAR_MIN)


def _same_value(a: float | None, b: float | None) -> bool:
    return a is None and b is None or a is not None and b is not None and abs(a - b) < 1e-6 * max(1.0, abs(a))


def score_targets(truth: dict, target_rows: list) -> Match:
    """Truth targets against the pipeline's target rows on the scored target pages."""
    pages = set(truth["scored_pages"]["targets"])
    rows = [r for r in target_rows if _get(r, "page") in pages]
    items = [t for t in truth["targets"] if t["page"] in pages]
    return _match(items, rows,
                  lambda t, r: _get(r, "page") == t["page"] and _same_value(t["target_value"], _get(r, "target_value")),
                  lambda t: t["indikator"], lambda r: (_get(r, "indikator"), _get(r, "indikator_raw")))


def metadata_errors(truth: dict, document) -> dict[str, tuple]:
    """field -> (truth, found) for each of doc_type, satker, year that differs (satker up to case and spacing)."""
    want = truth["document"]
    errors = {}
    for name in ("doc_type", "satker", "year"):
        found = _get(document, name)
        same = fold(found) == fold(want[name]) if name == "satker" else found == want[name]
        if not same:
            errors[name] = (want[name], found)
    return errors


def describe_line(line: dict) -> str:
    return f"p{line['page']} {line['pagu']:,} {line['uraian']!r}".replace(",", ".")


def describe_row(row) -> str:
    return f"p{_get(row, 'page')} {_get(row, 'pagu') or 0:,} {_get(row, 'uraian')!r}".replace(",", ".")


def pdf_path(name: str) -> Path:
    """The document's PDF; a simulated scan (corpus/simscan_real.py, not committed) is built on first use."""
    path = REAL / f"{name}.pdf"
    if not path.exists() and name.endswith(SIMSCAN):
        sys.path.insert(0, str(ROOT / "corpus"))
        from simscan_real import simscan_pdf

        simscan_pdf(name[: -len(SIMSCAN)])
    return path


def is_held_out(truth: dict) -> bool:
    return bool(truth.get("held_out"))

