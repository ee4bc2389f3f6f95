"""What a reviewer looks at: review rows and the checks that did not agree, each located on a page.

A review row is located by its own `page`/`bbox` (contract v1.1), else by the value row its
`row_id` names. A review row about a check (dataset `checks`) and a check itself name a budget
line by the DIPA code that starts their `scope` (`CQ.6887 realisasi`); the report finds that
line in `pagu`/`realisasi` for its page and cell. Nothing is located by guesswork: when none of
these hold, the item has no page and the report says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from .datasets import VALUE_DATASETS, VALUE_FIELD, Batch, bbox_of

Box = tuple[float, float, float, float]


@dataclass
class Item:
    """One entry of a document page: a review row or a mismatched/corrected check."""

    kind: str  # "review" | "check"
    dataset: str
    field: str
    reason: str
    raw: str | None = None
    value: object = None  # the value the dataset holds (or the check's expected value)
    found: object = None  # a check's other value
    best_match: str | None = None
    score: float | None = None
    status: str | None = None
    page: int | None = None
    bbox: Box | None = None
    row_id: str | None = None
    verified: bool | None = None
    evidence: str | None = None
    image: object = None  # images.Crop, or a page thumbnail path when there is no bbox


class RowIndex:
    """The value rows of one document, by row_id and by (dataset, kode)."""

    def __init__(self, batch: Batch, doc_id: str):
        self.by_id: dict[str, tuple[str, dict]] = {}
        self.by_kode: dict[tuple[str, str], dict] = {}
        for dataset in VALUE_DATASETS:
            for row in batch.rows(doc_id, dataset):
                if row.get("row_id"):
                    self.by_id[row["row_id"]] = (dataset, row)
                if row.get("kode"):
                    self.by_kode.setdefault((dataset, row["kode"]), row)

    def by_scope(self, scope: str | None, preferred: str | None) -> tuple[str, dict] | None:
        """The budget line a check's scope starts with (`CQ.6887 realisasi`, `076.01.WA`)."""
        words = (scope or "").split()
        if not words:
            return None
        wanted = [words[1]] if len(words) > 1 and words[1] in ("pagu", "realisasi") else []
        for dataset in wanted + [d for d in (preferred, "realisasi", "pagu") if d and d not in wanted]:
            row = self.by_kode.get((dataset, words[0]))
            if row is not None:
                return dataset, row
        return None


def doc_to_items(batch: Batch, doc_id: str) -> list[Item]:
    """Every review row of the document, then every check with status mismatch or corrected."""
    index = RowIndex(batch, doc_id)
    checks = batch.rows(doc_id, "checks")
    items = [_review_item(r, index, checks) for r in batch.rows(doc_id, "review")]
    items += [_check_item(c, index) for c in checks if c.get("status") in ("mismatch", "corrected")]
    return items


def _review_item(r: dict, index: RowIndex, checks: list[dict]) -> Item:
    item = Item(kind="review", dataset=r["dataset"], field=r["field"], reason=r.get("reason") or "",
                raw=r.get("raw"), best_match=r.get("best_match"), score=r.get("score"),
                page=r.get("page"), bbox=bbox_of(r), row_id=r.get("row_id"))
    located = index.by_id.get(item.row_id) if item.row_id else None
    if located is None and item.dataset == "checks":
        check = next((c for c in checks if c.get("check") == item.field and c.get("found") == item.raw
                      and c.get("status") != "ok"), None)
        located = index.by_scope(check.get("scope"), None) if check else None
    if located is not None:
        _attach(item, *located)
    return item


def _check_item(c: dict, index: RowIndex) -> Item:
    item = Item(kind="check", dataset="checks", field=c["check"], reason=c.get("detail") or "",
                raw=c.get("scope"), value=c.get("expected"), found=c.get("found"), status=c.get("status"))
    located = index.by_scope(c.get("scope"), None)
    if located is not None:
        _attach(item, *located)
    return item


def _attach(item: Item, dataset: str, row: dict) -> None:
    """Fill what the item lacks from the value row it concerns."""
    if item.page is None:
        item.page = row.get("page")
    if item.bbox is None and (item.page == row.get("page")):
        item.bbox = bbox_of(row)
    if item.kind == "review" and item.value is None:
        item.value = row.get(item.field if item.field in row else VALUE_FIELD[dataset])
    item.row_id = item.row_id or row.get("row_id")
    item.verified = row.get("verified")
    item.evidence = row.get("evidence")
