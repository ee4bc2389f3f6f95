"""The normalize stage: Document -> contract records of every dataset.

    classify -> tables -> narrative -> merge + checks -> vocabulary -> rows
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..extract.model import Document
from .checks import persen_checks, program_total_checks, sum_checks
from .classify import DocMeta, document_to_meta
from .drafts import BudgetDraft, Drafts, ReviewDraft, ScheduleDraft, TargetDraft
from .merge import merge_budget
from .narrative import document_to_narrative
from .rows import tables_to_logical
from .schema import CheckRow, PaguRow, RealisasiRow, ReviewRow, ScheduleRow, TargetRow
from .tables import logical_to_drafts
from .values import UnparsedValue, parse_percent, parse_target
from .vocabulary import Match, Vocabulary


@dataclass
class Records:
    """Everything normalize found in one document, one list per dataset."""

    meta: DocMeta
    targets: list[TargetRow] = field(default_factory=list)
    pagu: list[PaguRow] = field(default_factory=list)
    realisasi: list[RealisasiRow] = field(default_factory=list)
    schedule: list[ScheduleRow] = field(default_factory=list)
    checks: list[CheckRow] = field(default_factory=list)
    review: list[ReviewRow] = field(default_factory=list)


def document_to_records(doc: Document, vocab: Vocabulary) -> Records:
    """Run the whole normalize stage on one extracted document."""
    meta = document_to_meta(doc, vocab)
    methods = {p.number: p.method for p in doc.pages}
    drafts = Drafts()
    all_tables = [t for p in doc.pages for t in p.tables]
    heights = {p.number: p.height for p in doc.pages}
    logical, unread = tables_to_logical(all_tables, heights)
    drafts.review += [ReviewDraft(t.page, "tables", "table", _first_cells(t), "table_without_header: amounts not read")
                      for t in unread if any(_AMOUNT_LIKE.search(c or "") for row in t.rows for c in row)]
    for i, lt in enumerate(logical):
        found = logical_to_drafts(lt, vocab, ocr=methods.get(lt.first_page) == "ocr")
        for line in found.budget:
            line.table_key = (i,)
        drafts.extend(found)
    narrative = document_to_narrative(doc, vocab)
    drafts.review.extend(narrative.review)
    restated = "rak_monthly_vs_quarterly" if meta.doc_type == "RAK" else "table_vs_table"
    budget, checks, review = merge_budget(drafts.budget, narrative.budget, restated)
    arithmetic = sum_checks(budget) + persen_checks(budget) + program_total_checks(budget)
    checks += arithmetic
    drafts.review.extend(review)
    drafts.review += [ReviewDraft(None, "checks", c.check, c.found, f"{c.check} mismatch: {c.scope} "
                                  f"(stated {c.expected})") for c in arithmetic if c.status == "mismatch"]
    return _to_records(doc, meta, methods, vocab, drafts, budget, checks)


# A headerless table that holds something like '1.250.000' may hold budget lines nobody read.
_AMOUNT_LIKE = re.compile(r"\d{1,3}(?:[.,]\d{3}){2,}")


def _first_cells(table) -> str:
    return " | ".join(c or "" for c in table.rows[0])[:200] if table.rows else ""


def _to_records(doc, meta, methods, vocab, drafts: Drafts, budget, checks) -> Records:
    rec = Records(meta)
    base = dict(doc_id=doc.doc_id, satker=meta.satker, year=meta.year)
    review = list(drafts.review)
    for t in _dedupe_targets(drafts.targets):
        rec.targets.append(_target_row(t, base, meta, methods, vocab, review))
    for line in budget:
        rec.pagu.append(_pagu_row(line, base, meta, methods, vocab, review))
        if line.realisasi is not None:
            rec.realisasi.append(_realisasi_row(line, base, meta, methods, vocab))
    for kegiatan, page, months in _merge_schedules(drafts.schedule):
        m = vocab.match("kegiatan", kegiatan)
        for month in range(1, 13):
            rec.schedule.append(ScheduleRow(**base, page=page, kegiatan=m.text, kegiatan_id=m.id, month=month,
                                            planned=month in months, detail=months.get(month)))
    rec.checks = [CheckRow(doc.doc_id, c.check, c.scope, c.expected, c.found, c.status, c.detail) for c in checks]
    rec.review = [ReviewRow(doc.doc_id, r.page, r.dataset, r.field, r.raw, r.best_match, r.score, r.reason)
                  for r in review]
    return rec


def _matched(vocab: Vocabulary, field_name: str, raw: str, page: int, dataset: str,
             review: list[ReviewDraft]) -> Match:
    m = vocab.match(field_name, raw)
    if raw and m.id is None:
        review.append(ReviewDraft(page, dataset, field_name, raw, "below_threshold", m.best, m.score))
    return m


def _target_row(t: TargetDraft, base, meta, methods, vocab, review) -> TargetRow:
    s = _matched(vocab, "sasaran", t.sasaran, t.page, "targets", review)
    i = _matched(vocab, "indikator", t.indikator, t.page, "targets", review)
    k = vocab.match("kegiatan", t.kegiatan).text if t.kegiatan else None
    target = parse_target(t.target_raw)
    realisasi = parse_target(t.realisasi_raw).value if t.realisasi_raw else None
    capaian = _percent(t.capaian_raw, t.page, review)
    return TargetRow(**base, doc_type=meta.doc_type, page=t.page, method=methods.get(t.page, "text"),
                     sasaran=s.text or None, sasaran_raw=t.sasaran or None, sasaran_id=s.id,
                     sasaran_score=s.score if t.sasaran else None,
                     indikator=i.text or None, indikator_raw=t.indikator or None, indikator_id=i.id,
                     indikator_score=i.score if t.indikator else None, kegiatan=k,
                     target_raw=t.target_raw, target_value=target.value, target_unit=target.unit,
                     target_grade=target.grade, realisasi_value=realisasi, capaian_pct=capaian)


def _percent(raw: str | None, page: int, review: list[ReviewDraft]) -> float | None:
    try:
        return parse_percent(raw)
    except UnparsedValue:
        review.append(ReviewDraft(page, "targets", "capaian_pct", raw, "unparsed_percent"))
        return None


def _pagu_row(line: BudgetDraft, base, meta, methods, vocab, review) -> PaguRow:
    u = _uraian(vocab, line, review)
    p = vocab.match("pelaksana", line.pelaksana_raw) if line.pelaksana_raw else None
    if p is not None and p.id is None:
        review.append(ReviewDraft(line.page, "pagu", "pelaksana", line.pelaksana_raw, "below_threshold",
                                  p.best, p.score))
    return PaguRow(**base, doc_type=meta.doc_type, page=line.page, method=methods.get(line.page, "text"),
                   level=line.level, kode=line.kode, program=line.program, uraian=u.text, uraian_raw=line.uraian,
                   uraian_id=u.id, uraian_score=u.score, pagu=line.pagu,
                   pelaksana=p.text if p is not None and p.id else None, pelaksana_raw=line.pelaksana_raw,
                   source=line.source)


def _uraian(vocab: Vocabulary, line: BudgetDraft, review: list[ReviewDraft] | None) -> Match:
    field_name = "program" if line.level == "program" else line.uraian_field
    if line.level == "total":
        return Match(text=line.uraian, raw=line.uraian, id=None, score=0.0, best=None)
    if review is None:
        return vocab.match(field_name, line.uraian)
    return _matched(vocab, field_name, line.uraian, line.page, "pagu", review)


def _realisasi_row(line: BudgetDraft, base, meta, methods, vocab) -> RealisasiRow:
    u = _uraian(vocab, line, None)
    computed = round(line.realisasi * 100 / line.pagu, 2) if line.pagu else None
    return RealisasiRow(**base, doc_type=meta.doc_type, page=line.page, method=methods.get(line.page, "text"),
                        level=line.level, kode=line.kode, program=line.program, uraian=u.text,
                        uraian_raw=line.uraian, uraian_id=u.id, uraian_score=u.score, pagu=line.pagu,
                        realisasi=line.realisasi, persen_reported=line.persen_reported,
                        persen_computed=computed, source=line.source)


def _dedupe_targets(targets: list[TargetDraft]) -> list[TargetDraft]:
    """The same target restated in several tables is one row; a measurement table adds realisasi."""
    kept: dict[tuple, TargetDraft] = {}
    for t in targets:
        key = (" ".join(t.sasaran.lower().split()), " ".join(t.indikator.lower().split()),
               (t.kegiatan or "").lower())
        if key not in kept:
            kept[key] = t
        else:
            first = kept[key]
            first.realisasi_raw = first.realisasi_raw or t.realisasi_raw
            first.capaian_raw = first.capaian_raw or t.capaian_raw
    return list(kept.values())


def _merge_schedules(schedules: list[ScheduleDraft]) -> list[tuple[str, int, dict[int, str]]]:
    """One plan per kegiatan: monthly details first, quarterly fill the months they add."""
    merged: dict[str, tuple[str, int, dict[int, str]]] = {}
    for s in sorted(schedules, key=lambda s: (s.kind != "monthly", s.page)):
        key = " ".join(s.kegiatan.lower().split())
        if key not in merged:
            merged[key] = (s.kegiatan, s.page, dict(s.months))
        else:
            for month, detail in s.months.items():
                merged[key][2].setdefault(month, detail)
    return sorted(merged.values(), key=lambda x: x[1])
