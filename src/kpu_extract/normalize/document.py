"""The normalize stage: Document -> contract records of every dataset.

    classify -> tables -> narrative -> merge -> row ids -> reviewer decisions -> checks -> records
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..extract.model import Document, RawTable
from .checks import budget_checks, checks_to_review
from .classify import DocMeta, document_to_meta
from .decisions import Decision, apply_decisions
from .drafts import Drafts, ReviewDraft
from .merge import merge_budget
from .narrative import document_to_narrative
from .reasons import Check, Reason
from .records import DocContext, assign_row_ids, dedupe_targets, drafts_to_records
from .rows import running_footers, tables_to_logical
from .schema import Records
from .tables import logical_to_drafts
from .vocabulary import Vocabulary

# A headerless table that holds something like '1.250.000' may hold budget lines nobody read.
_AMOUNT_LIKE = re.compile(r"\d{1,3}(?:[.,]\d{3}){2,}")


@dataclass
class Normalized:
    """One document's metadata (for its documents row) and its rows of every other dataset."""

    meta: DocMeta
    records: Records


def document_to_records(doc: Document, vocab: Vocabulary, decisions: tuple[Decision, ...] = ()) -> Normalized:
    """Run the whole normalize stage on one extracted document (with its reviewer decisions)."""
    meta = document_to_meta(doc, vocab)
    ctx = DocContext(doc.doc_id, meta, {p.number: p.method for p in doc.pages}, vocab)
    drafts = document_to_drafts(doc, ctx)
    narrative = document_to_narrative(doc, vocab)
    drafts.review += narrative.review
    restated = Check.RAK_MONTHLY_VS_QUARTERLY if meta.doc_type == "RAK" else Check.TABLE_VS_TABLE
    budget, checks = merge_budget(drafts.budget, narrative.budget, restated)
    drafts.targets = dedupe_targets(drafts.targets)
    assign_row_ids(doc.doc_id, budget, drafts.targets)
    budget, drafts.targets, stale, settled = apply_decisions(decisions, budget, drafts.targets)
    checks = drafts.checks + checks + budget_checks(budget)
    drafts.review += stale + checks_to_review(checks)
    return Normalized(meta, drafts_to_records(ctx, drafts, budget, checks, settled))


def document_to_drafts(doc: Document, ctx: DocContext) -> Drafts:
    """What every table of the document says; tables without a header that hold amounts go to review."""
    drafts = Drafts()
    logical, unread = tables_to_logical([t for p in doc.pages for t in p.tables],
                                        {p.number: p.height for p in doc.pages}, ctx.meta.year,
                                        running_footers({p.number: p.text for p in doc.pages}))
    drafts.review += [ReviewDraft(t.page, "tables", "table", _first_cells(t), Reason.TABLE_WITHOUT_HEADER,
                                  detail="amounts not read") for t in unread if _holds_amounts(t)]
    for i, lt in enumerate(logical):
        found = logical_to_drafts(lt, ctx.vocab, ocr=ctx.method(lt.first_page) == "ocr")
        for line in found.budget:
            line.table_key = (i,)
        drafts.extend(found)
    return drafts


def _holds_amounts(table: RawTable) -> bool:
    return any(_AMOUNT_LIKE.search(c or "") for row in table.rows for c in row)


def _first_cells(table: RawTable) -> str:
    return " | ".join(c or "" for c in table.rows[0])[:200] if table.rows else ""
