"""Drafts -> contract rows (schema.py) and the review rows they raise, in one place.

Each builder returns its row and its review drafts; nothing is appended to lists handed in.
Every amount and target gets its provenance here: `row_id` (stable across runs: document,
dataset, level, code, printed name and occurrence, never the value, which a reviewer may
change), `bbox`, and `verified`/`evidence` (a text-layer reading is exact; on OCR the checks
and the second engine supply the evidence).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .classify import DocMeta
from .drafts import BudgetDraft, Drafts, ReviewDraft, ScheduleDraft, TargetDraft
from .reasons import Reason
from .schema import EVIDENCE, CheckRow, PaguRow, RealisasiRow, Records, ReviewRow, ScheduleRow, TargetRow
from .values import UnparsedValue, parse_percent, parse_target
from .vocabulary import Match, Vocabulary


@dataclass(frozen=True)
class DocContext:
    """What every row of one document shares."""

    doc_id: str
    meta: DocMeta
    methods: dict[int, str]  # page -> 'text' | 'ocr'
    vocab: Vocabulary

    def method(self, page: int) -> str:
        return self.methods.get(page, "text")

    def match(self, field_name: str, raw: str, page: int) -> Match:
        """The vocabulary match of text read on `page`: a text layer's words are kept exactly."""
        return self.vocab.match(field_name, raw, exact_text=self.method(page) == "text")

    @property
    def base(self) -> dict:
        return dict(doc_id=self.doc_id, satker=self.meta.satker, year=self.meta.year)


def drafts_to_records(ctx: DocContext, drafts: Drafts, budget: list[BudgetDraft], checks: list,
                      settled: set[tuple[str, str]] = frozenset()) -> Records:
    """All contract rows of one document (targets deduplicated and row ids assigned before).
    Review rows of values a person has settled (`settled`: (row_id, field)) are not raised again."""
    rec = Records()
    review = list(drafts.review)
    for t in drafts.targets:
        row, found = target_row(ctx, t, t.row_id)
        rec.targets.append(row)
        review += found
    for line in budget:
        row, found = pagu_row(ctx, line, line.row_id)
        rec.pagu.append(row)
        review += found
        if line.realisasi is not None:
            rec.realisasi.append(realisasi_row(ctx, line, line.row_id))
    rec.schedule = [r for s in merge_schedules(drafts.schedule) for r in schedule_rows(ctx, *s)]
    rec.checks = [CheckRow(ctx.doc_id, c.check, c.scope, c.expected, c.found, c.status, c.detail) for c in checks]
    rows = [review_row(ctx.doc_id, r) for r in review]
    rec.review = [r for r in rows if (r.row_id, r.field) not in settled]
    return rec


def assign_row_ids(doc_id: str, budget: list[BudgetDraft], targets: list[TargetDraft]) -> None:
    """Give every budget line and target its stable row id: a digest of what names it (dataset,
    level, code, printed name) and its occurrence among same-named lines, never its value."""
    seen: dict[str, int] = {}
    for draft, parts in [(b, ("pagu", b.level, b.kode or "", _fold(b.uraian))) for b in budget] + \
                        [(t, ("targets", *_target_key(t))) for t in targets]:
        key = "\x1f".join(parts)
        n = seen[key] = seen.get(key, 0) + 1
        digest = hashlib.sha256(f"{key}\x1f{n}".encode()).hexdigest()[:12]
        draft.row_id = f"{doc_id}-{parts[0][0]}{digest}"


def target_row(ctx: DocContext, t: TargetDraft, row_id: str) -> tuple[TargetRow, list[ReviewDraft]]:
    review: list[ReviewDraft] = []
    s = _matched(ctx, "sasaran", t.sasaran, t.page, "targets", review, t)
    i = _matched(ctx, "indikator", t.indikator, t.page, "targets", review, t)
    k = ctx.match("kegiatan", t.kegiatan, t.page).text if t.kegiatan else None
    indikator = i.text or t.indikator or ""  # as matched: OCR's 'Pereentase' is the vocabulary's Persentase
    percent = percent_sign_misread(t.target_raw, t.second, indikator)
    if percent:
        review.append(ReviewDraft(t.page, "targets", "target_raw", t.target_raw, Reason.OCR_READINGS_MISMATCH,
                                  detail=f"kept {percent}: the second engine read {t.second!r}", subject=t))
    # both engines read the '%' as the same digit: kept as read, never verified
    suspect = percent is None and ctx.method(t.page) == "ocr" and percent_sign_suspect(t.target_raw, indikator)
    if suspect:
        review.append(ReviewDraft(t.page, "targets", "target_raw", t.target_raw, Reason.IMPLAUSIBLE_PERCENT,
                                  detail="a Persentase target over 100: its last digit may be a misread '%'",
                                  subject=t))
    target = parse_target(percent or t.target_raw)
    realisasi = parse_target(t.realisasi_raw).value if t.realisasi_raw else None
    try:
        capaian = parse_percent(t.capaian_raw)
    except UnparsedValue:
        review.append(ReviewDraft(t.page, "targets", "capaian_pct", t.capaian_raw, Reason.UNPARSED_PERCENT,
                                  subject=t))
        capaian = None
    return TargetRow(**ctx.base, doc_type=ctx.meta.doc_type, page=t.page, method=ctx.method(t.page),
                     sasaran=s.text or None, sasaran_raw=t.sasaran or None, sasaran_id=s.id,
                     sasaran_score=s.score if t.sasaran else None,
                     indikator=i.text or None, indikator_raw=t.indikator or None, indikator_id=i.id,
                     indikator_score=i.score if t.indikator else None, kegiatan=k,
                     target_raw=t.target_raw, target_value=target.value, target_unit=target.unit,
                     target_grade=target.grade, realisasi_value=realisasi, capaian_pct=capaian,
                     verified=percent is None and not suspect and _target_verified(ctx, t, target.value),
                     row_id=row_id, bbox=_box(t.bbox)), review


def pagu_row(ctx: DocContext, line: BudgetDraft, row_id: str) -> tuple[PaguRow, list[ReviewDraft]]:
    review: list[ReviewDraft] = []
    u = _uraian(ctx, line, review)
    p = ctx.vocab.match("pelaksana", line.pelaksana_raw) if line.pelaksana_raw else None
    if p is not None and p.id is None:
        review.append(ReviewDraft(line.page, "pagu", "pelaksana", line.pelaksana_raw, Reason.BELOW_THRESHOLD,
                                  p.best, p.score, subject=line))
    evidence = _evidence(line, ("pagu",))
    return PaguRow(**ctx.base, doc_type=ctx.meta.doc_type, page=line.page, method=ctx.method(line.page),
                   level=line.level, kode=line.kode, program=line.program, uraian=u.text, uraian_raw=line.uraian,
                   uraian_id=u.id, uraian_score=u.score, pagu=line.pagu,
                   pelaksana=p.text if p is not None and p.id else None, pelaksana_raw=line.pelaksana_raw,
                   source=line.source, verified=bool(evidence), evidence=evidence or None, row_id=row_id,
                   bbox=_box(line.bbox)), review


def realisasi_row(ctx: DocContext, line: BudgetDraft, row_id: str) -> RealisasiRow:
    u = _uraian(ctx, line, None)
    computed = round(line.realisasi * 100 / line.pagu, 2) if line.pagu else None
    evidence = _evidence(line, ("pagu", "realisasi"))
    return RealisasiRow(**ctx.base, doc_type=ctx.meta.doc_type, page=line.page, method=ctx.method(line.page),
                        level=line.level, kode=line.kode, program=line.program, uraian=u.text,
                        uraian_raw=line.uraian, uraian_id=u.id, uraian_score=u.score, pagu=line.pagu,
                        realisasi=line.realisasi, persen_reported=line.persen_reported,
                        persen_computed=computed, source=line.source, verified=bool(evidence),
                        evidence=evidence or None, row_id=row_id, bbox=None)


def schedule_rows(ctx: DocContext, kegiatan: str, page: int, months: dict[int, str]) -> list[ScheduleRow]:
    m = ctx.match("kegiatan", kegiatan, page)
    return [ScheduleRow(**ctx.base, page=page, kegiatan=m.text, kegiatan_id=m.id, month=month,
                        planned=month in months, detail=months.get(month)) for month in range(1, 13)]


def review_row(doc_id: str, r: ReviewDraft) -> ReviewRow:
    subject = r.subject
    row_id = subject.row_id if subject is not None else None
    return ReviewRow(doc_id, r.page, r.dataset, r.field, r.raw, r.best_match, r.score, r.reason,
                     row_id=row_id, bbox=_box(getattr(subject, "bbox", None)), detail=r.detail)


def dedupe_targets(targets: list[TargetDraft]) -> list[TargetDraft]:
    """The same target restated in several tables is one row; a measurement table adds realisasi.
    An indicator printed twice with two different target values (a PK's rows 4 and 12: 90% and
    80%) is two targets: a restatement has the same value, or one of them reads no value."""
    kept: list[TargetDraft] = []
    for t in targets:
        key, value = _target_key(t), _target_value(t)
        first = next((k for k in kept if _target_key(k) == key and _restates(value, _target_value(k))), None)
        if first is None:
            kept.append(t)
        else:
            first.realisasi_raw = first.realisasi_raw or t.realisasi_raw
            first.capaian_raw = first.capaian_raw or t.capaian_raw
    return kept


def merge_schedules(schedules: list[ScheduleDraft]) -> list[tuple[str, int, dict[int, str]]]:
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


_PERCENT_AS_DIGIT = "148"  # what OCR makes of a '%' run into its number: '904' for '90%'
_SECOND_PERCENT_AS_DIGIT = "0148"  # and the second engine, restricted to amount characters: '1000'


def percent_sign_suspect(raw: str, indikator: str) -> bool:
    """A 'Persentase' target read as a number over 100 that a '%' read as its last digit explains
    ('1008' for '100%', '908' for '90%')."""
    raw = (raw or "").strip()
    return (raw.isdigit() and len(raw) > 1 and raw[-1] in _PERCENT_AS_DIGIT and int(raw) > 100
            and int(raw[:-1]) <= 100 and (indikator or "").lower().startswith("persentase"))


def percent_sign_misread(raw: str, second: str | None, indikator: str) -> str | None:
    """'90%' when the first engine read '904' where the second read '90%' or '90', or read the same
    digits but another last glyph ('1008' and '1000': the engines disagree on the '%' only), and the
    target is a percent_sign_suspect; None when that evidence is missing."""
    raw = (raw or "").strip()
    other = (second or "").replace("%", "").strip()
    if not (percent_sign_suspect(raw, indikator) and other.isdigit()):
        return None
    if other == raw[:-1] or (len(other) == len(raw) and other[:-1] == raw[:-1] and other[-1] != raw[-1]
                             and other[-1] in _SECOND_PERCENT_AS_DIGIT):
        return f"{raw[:-1]}%"
    return None


def _target_key(t: TargetDraft) -> tuple[str, str, str]:
    return _fold(t.sasaran), _fold(t.indikator), (t.kegiatan or "").lower()


def _target_value(t: TargetDraft) -> tuple | None:
    """What a target row states (value, unit, grade), None when its cell reads no quantity."""
    target = parse_target(t.target_raw)
    return None if target.value is None and target.grade is None else (target.value, target.unit, target.grade)


def _restates(a: tuple | None, b: tuple | None) -> bool:
    return a is None or b is None or a == b


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


def _evidence(line: BudgetDraft, fields: tuple[str, ...]) -> str:
    """'+'-joined evidence that holds for every one of `fields`, in the contract's order."""
    common = set.intersection(*(line.evidence.get(f, set()) for f in fields))
    return "+".join(e for e in EVIDENCE if e in common)


def _target_verified(ctx: DocContext, t: TargetDraft, value: float | None) -> bool:
    """A target value read from the text layer, read alike by both OCR engines, or settled by a person."""
    if value is None:
        return False
    if ctx.method(t.page) == "text" or t.reviewed:
        return True
    return bool(t.second) and parse_target(t.second).value == value


def _box(bbox) -> list[float] | None:
    return [float(v) for v in bbox] if bbox else None


def _matched(ctx: DocContext, field_name: str, raw: str, page: int, dataset: str,
             review: list[ReviewDraft], subject) -> Match:
    m = ctx.match(field_name, raw, page)
    if raw and m.id is None:
        review.append(ReviewDraft(page, dataset, field_name, raw, Reason.BELOW_THRESHOLD, m.best, m.score,
                                  subject=subject))
    return m


def _uraian(ctx: DocContext, line: BudgetDraft, review: list[ReviewDraft] | None) -> Match:
    field_name = "program" if line.level == "program" else line.uraian_field
    if line.level == "total":
        return Match(text=line.uraian, raw=line.uraian, id=None, score=0.0, best=None)
    if review is None:
        return ctx.match(field_name, line.uraian, line.page)
    return _matched(ctx, field_name, line.uraian, line.page, "pagu", review, line)
