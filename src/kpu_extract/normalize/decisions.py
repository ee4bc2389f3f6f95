"""Reviewer decisions applied to one document's drafts, before its checks run.

A decision names a row by its `row_id` (stable across runs, see records.py): `accept` verifies
the row's value (evidence `reviewer`), `set` replaces it (evidence `reviewer`, verified), `reject`
drops the row. The document's checks then run on the decided values. A decision whose row is
not in the document (it changed) goes to review; it is never applied to another row.
"""

from __future__ import annotations

from dataclasses import dataclass

from .drafts import BudgetDraft, ReviewDraft, TargetDraft
from .reasons import Reason
from .values import UnparsedValue, parse_rupiah, parse_target

ACTIONS = ("accept", "reject", "set")
AMOUNT_FIELDS = ("pagu", "realisasi")
TEXT_FIELDS = {"pagu": ("uraian", "kode"), "targets": ("target_raw", "sasaran", "indikator")}
REVIEWER = "reviewer"


@dataclass(frozen=True)
class Decision:
    """One line of decisions.csv."""

    row_id: str
    field: str
    decision: str
    value: str | None = None
    reviewer: str | None = None
    note: str | None = None

    @property
    def doc_id(self) -> str:
        return self.row_id.split("-", 1)[0]


def apply_decisions(decisions: tuple[Decision, ...], budget: list[BudgetDraft], targets: list[TargetDraft]
                    ) -> tuple[list[BudgetDraft], list[TargetDraft], list[ReviewDraft], set[tuple[str, str]]]:
    """The drafts with the decisions applied, review rows for decisions that could not be, and the
    (row_id, field) pairs a person has settled (their review rows are not raised again)."""
    by_id = {d.row_id: d for d in (*budget, *targets) if d.row_id}
    review: list[ReviewDraft] = []
    rejected: set[str] = set()
    settled: set[tuple[str, str]] = set()
    for d in decisions:
        draft = by_id.get(d.row_id)
        problem = "its row is not in this document (the document changed)" if draft is None else \
            _apply(d, draft) if d.decision != "reject" else None
        if problem:
            review.append(ReviewDraft(None, "decisions", d.field or "row", d.value, Reason.STALE_DECISION,
                                      detail=f"{d.decision} on {d.row_id}: {problem}"))
            continue
        if d.decision == "reject":
            rejected.add(d.row_id)
        settled.add((d.row_id, d.field))
    return ([b for b in budget if b.row_id not in rejected], [t for t in targets if t.row_id not in rejected],
            review, settled)


def _apply(d: Decision, draft: BudgetDraft | TargetDraft) -> str | None:
    """Apply accept or set to one draft; the reason it cannot be applied, or None."""
    dataset = "pagu" if isinstance(draft, BudgetDraft) else "targets"
    if dataset == "pagu" and d.field in AMOUNT_FIELDS:
        if d.decision == "set":
            try:
                value = parse_rupiah(d.value)
            except UnparsedValue as exc:
                return f"value {d.value!r} is not an amount ({exc.reason})"
            if value is None:
                return "set needs a value"
            setattr(draft, d.field, value)
        elif getattr(draft, d.field) is None:
            return f"the row has no {d.field}"
        draft.evidence[d.field] = draft.evidence.get(d.field, set()) | {REVIEWER}
        draft.alternatives.pop(d.field, None)
        return None
    if dataset == "targets" and d.field == "target_value":
        if d.decision == "set":
            if parse_target(d.value or "").value is None:
                return f"value {d.value!r} is not a target"
            draft.target_raw = d.value
        draft.reviewed = True
        return None
    if d.field in TEXT_FIELDS[dataset] and d.decision == "set" and d.value:
        setattr(draft, d.field, d.value)
        return None
    return f"cannot {d.decision} field {d.field!r} of a {dataset} row"
