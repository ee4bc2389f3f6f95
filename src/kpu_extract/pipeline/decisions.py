"""Reviewer decisions: `decisions.csv` (filled by a person from the report) -> Decision records.

    row_id,field,decision,value,reviewer,note
    5ab31954bffbdea0-p1c9e0a7f3b2d,pagu,set,154720000,ani,"printed 154.720.000; OCR read ...099"

`decision` is accept | reject | set. The next run applies them (normalize/decisions.py); a file
that cannot be read stops the run with a one-line error before any work.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from ..errors import UsageError
from ..normalize.decisions import ACTIONS, Decision

DEFAULT_NAME = "decisions.csv"
COLUMNS = ("row_id", "field", "decision", "value", "reviewer", "note")


def read_decisions(path: Path) -> tuple[Decision, ...]:
    """Every decision of the file, validated; the last decision on a (row_id, field) wins."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in ("row_id", "field", "decision") if c not in (reader.fieldnames or [])]
            if missing:
                raise UsageError(f"{path}: missing column(s) {', '.join(missing)}; the header is "
                                 f"{','.join(COLUMNS)}")
            rows = list(reader)
    except OSError as exc:
        raise UsageError(f"cannot read the decisions file {path}: {exc.strerror or exc}") from exc
    out: dict[tuple[str, str], Decision] = {}
    for line, row in enumerate(rows, start=2):
        d = Decision(*(_cell(row, c) or None for c in COLUMNS))
        if not d.row_id or d.decision not in ACTIONS:
            raise UsageError(f"{path}:{line}: need a row_id and a decision of {', '.join(ACTIONS)}, "
                             f"got {d.row_id!r}, {d.decision!r}")
        if d.decision == "set" and (not d.field or d.value is None):
            raise UsageError(f"{path}:{line}: `set` needs a field and a value")
        out[(d.row_id, d.field or "")] = Decision(d.row_id, d.field or "", d.decision, d.value, d.reviewer, d.note)
    return tuple(out.values())


def decisions_by_document(decisions: tuple[Decision, ...]) -> dict[str, tuple[Decision, ...]]:
    """doc_id -> its decisions (a row id starts with its document's id)."""
    by_doc: dict[str, list[Decision]] = {}
    for d in decisions:
        by_doc.setdefault(d.doc_id, []).append(d)
    return {k: tuple(v) for k, v in by_doc.items()}


def decisions_key(decisions: tuple[Decision, ...]) -> str:
    """Part of a document's cache key: a changed decision re-normalizes that document."""
    return hashlib.sha256(repr(decisions).encode()).hexdigest()[:16] if decisions else ""


def _cell(row: dict, column: str) -> str:
    return (row.get(column) or "").strip()
