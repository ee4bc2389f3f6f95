"""Logical tables -> drafts of targets, budget lines and schedules.

One function reads every KPU table layout: what a row yields depends on the roles of the
table's columns (a target column gives targets, a pagu column budget lines, month or quarter
columns a schedule), and the level of a budget line on the table's structure (bold group rows
program/kegiatan/output above RKT lines, a JUMLAH row, a program/anggaran box).
"""

from __future__ import annotations

import re

from .columns import ColumnMap
from .drafts import BudgetDraft, CheckDraft, Drafts, ReviewDraft, ScheduleDraft, TargetDraft
from .readings import Reading, cell_to_reading
from .reasons import Check, Reason, Status
from .rows import CODE, LogicalTable, TableRow
from .values import UnparsedValue, cell_to_months, parse_percent, parse_target
from .vocabulary import Vocabulary

# Bullets as printed and as OCR reads them ('•' comes back as '*', '¢', '«', '»', '“').
_ITEM_MARK = re.compile(r"^\s*(?:[•·▪●◦‣■□*¢«»“”\"°\-–]|\d{1,2}[.)])\s+")
_LABEL = re.compile(r"^\s*([a-z]|\d{1,2})[.)]\s+", re.I)
_LEADING_NO = re.compile(r"^\s*\d{1,2}[.,]?\s+(?=\D)")  # "1. ", "2, " (a typed comma)
_NO_TARGET = ("-", "–", "—")
_SUB_ITEM = re.compile(r"^[\-–]\s+")


def split_items(text: str) -> list[str]:
    """Several kegiatan in one cell, one per line starting with a bullet or a number."""
    items: list[str] = []
    for line in text.splitlines():
        if _ITEM_MARK.match(line) or not items:
            items.append(_ITEM_MARK.sub("", line).strip())
        else:
            items[-1] = f"{items[-1]} {line.strip()}"
    return [i for i in items if i] if sum(1 for ln in text.splitlines() if _ITEM_MARK.match(ln)) > 1 else [
        " ".join(text.split())]


def logical_to_drafts(lt: LogicalTable, vocab: Vocabulary, ocr: bool = False) -> Drafts:
    """Everything one logical table says."""
    out = Drafts()
    cols = lt.columns
    has_budget = cols.col("pagu") is not None
    hierarchy = _Hierarchy(vocab)
    kode_col = cols.col("kode")  # a group row's name stands beside a code column, not in it
    out.checks += [CheckDraft(Check.UNIT_SCALE, f"page {lt.first_page} {cols.roles[c]} column", str(factor), label,
                              Status.OK, detail=f"amounts printed in units of {factor:,} Rupiah, multiplied to Rupiah")
                   for c, (factor, label) in sorted(cols.scales.items())]
    for row in lt.rows:
        if row.group:
            label = next((c for i, c in enumerate(row.cells) if c and i != kode_col), None)
            kode, name = split_code(lt.value(row, "kode"), label or next(c for c in row.cells if c))
            hierarchy.enter(name, kode)
            if has_budget:
                _group_budget(lt, row, kode, name, hierarchy, out, ocr)
            continue
        kegiatan = [k for k in split_items(lt.value(row, "kegiatan"))] if lt.value(row, "kegiatan") else []
        if has_budget:
            _budget(lt, row, kegiatan, hierarchy, out, ocr)
        if not row.total:
            _targets(lt, row, kegiatan, has_budget, out)
            _schedule(cols, row, kegiatan, out, ocr)
    return out


class _Hierarchy:
    """Program / kegiatan / output context from bold group rows (RKT)."""

    def __init__(self, vocab: Vocabulary):
        self.vocab = vocab
        self.program: str | None = None
        self.seen_group = False

    def enter(self, text: str, kode: str | None = None) -> None:
        self.seen_group = True
        program = program_name(self.vocab, text) or (program_of_code(self.vocab, kode) if kode and
                                                      code_level(kode) == "program" else None)
        if program:
            self.program = program


_LEVELS = ("program", "kegiatan", "output", "suboutput")


def split_code(kode_cell: str, label: str) -> tuple[str | None, str]:
    """(DIPA code, name) of a label: the code from its own column or glued before the name."""
    text = " ".join(label.split())
    m = CODE.match(text)
    if m:
        return m.group(1), text[m.end():].strip()
    m = CODE.match(kode_cell or "")
    return (m.group(1) if m else None), text


def code_level(kode: str) -> str:
    """Level from the code's depth: 076.01.CQ program, CQ.6709 kegiatan, .QGE output, .001 suboutput;
    a regional code is a program at three groups (urusan, bidang, program: '1.02.01', '1 29 01') and
    a kegiatan below (its deeper groups differ between Permendagri 13 and 90, so no finer level)."""
    if re.match(r"\d{3}\.", kode):
        return "program"
    if re.match(r"\d{1,2}[. ]", kode):
        return "program" if len(re.split(r"[. ]", kode)) == 3 else "kegiatan"
    return _LEVELS[min(kode.count("."), 3)]


def program_of_code(vocab: Vocabulary, kode: str) -> str | None:
    """The canonical program a DIPA code belongs to (its two letters: CQ, WA)."""
    letters = kode.rsplit(".", 1)[-1] if re.match(r"\d{3}\.", kode) else kode[:2]
    for entry in vocab.entries("program"):
        if entry.extra.get("kode", "").endswith(f".{letters}"):
            return entry.canonical
    return None


def _group_level(vocab: Vocabulary, kode: str | None, name: str) -> str:
    if kode:
        return code_level(kode)
    if program_name(vocab, name):
        return "program"
    m = vocab.match("kegiatan", name)
    entry = vocab.get(m.id) if m.id else None
    return (entry.extra.get("level") if entry else None) or "kegiatan"


def _group_budget(lt: LogicalTable, row: TableRow, kode: str | None, name: str, hierarchy: "_Hierarchy",
                  out: Drafts, ocr: bool) -> None:
    """A group row that prints an amount is a budget line of its level."""
    reading = _amount(lt, row, "pagu", out, ocr)
    if reading.value is None or (ocr and _junk(lt, row, reading.value, out)):
        return
    level = _group_level(hierarchy.vocab, kode, name)
    uraian = program_name(hierarchy.vocab, name) or name if level == "program" else name
    out.budget.append(BudgetDraft(page=row.page, level=level, uraian=uraian, pagu=reading.value, source="table",
                                  program=hierarchy.program, kode=kode, bbox=lt.cell(row, "pagu").box,
                                  **_provenance({"pagu": reading})))


def program_name(vocab: Vocabulary, text: str) -> str | None:
    """The canonical program a text names, or None."""
    m = vocab.match("program", _LEADING_NO.sub("", text))
    return m.text if m.id else None


def _amount(lt: LogicalTable, row: TableRow, field: str, out: Drafts, ocr: bool) -> Reading:
    raw = lt.value(row, field)
    factor, _label = lt.columns.scales.get(lt.columns.col(field), (1, ""))
    try:
        return cell_to_reading(raw, lt.cell(row, field).second, ocr, factor)
    except UnparsedValue as exc:
        out.review.append(ReviewDraft(row.page, "pagu", field, raw, Reason.UNPARSED_AMOUNT, detail=exc.reason))
        return Reading(None)


# An OCR'd budget line below this many Rupiah is noise ('5', '&' read as 18), never a budget line.
MIN_OCR_AMOUNT = 1_000
_WORD = re.compile(r"[^\W\d_]{3,}")
_LABEL_ROLES = ("uraian", "program_kegiatan", "kegiatan", "sasaran", "indikator")


def _junk(lt: LogicalTable, row: TableRow, pagu: int, out: Drafts) -> bool:
    """An OCR'd row that only noise could have made goes to review instead of into pagu. A row
    without any label is kept: its amount may still pair it with a coded sentence (merge.py)."""
    label = " ".join(lt.value(row, role) for role in _LABEL_ROLES).strip()
    if pagu < MIN_OCR_AMOUNT:
        out.review.append(ReviewDraft(row.page, "pagu", "pagu", lt.value(row, "pagu"), Reason.IMPLAUSIBLE_AMOUNT,
                                      detail=f"label: {label[:120]}"))
        return True
    if label and not _WORD.search(label):
        out.review.append(ReviewDraft(row.page, "pagu", "uraian", label, Reason.NOISE_LABEL,
                                      detail=f"pagu read {pagu}"))
        return True
    return False


def _budget(lt: LogicalTable, row: TableRow, kegiatan: list[str], hierarchy: _Hierarchy, out: Drafts,
            ocr: bool) -> None:
    readings = {"pagu": _amount(lt, row, "pagu", out, ocr)}
    if lt.columns.col("realisasi") is not None:
        readings["realisasi"] = _amount(lt, row, "realisasi", out, ocr)
    pagu = readings["pagu"].value
    realisasi = readings.get("realisasi", Reading(None)).value
    if pagu is None or (ocr and _junk(lt, row, pagu, out)):
        return
    first = next((c for c in row.cells if c), "")
    label = lt.value(row, "uraian") or lt.value(row, "program_kegiatan")
    kode, label = split_code(lt.value(row, "kode"), label)
    # several kegiatan in one cell sharing one amount: all of them, in printed order (CONTRACT v1.1)
    uraian = ("; ".join(_LEADING_NO.sub("", k) for k in kegiatan) if kegiatan
              else _LABEL.sub("", _LEADING_NO.sub("", label)).strip())
    program = None
    if row.total:
        level, uraian, kode = "total", " ".join(first.split()), None
    elif hierarchy.seen_group:
        level, program = "item", hierarchy.program
    elif kode:
        level, program = code_level(kode), program_of_code(hierarchy.vocab, kode)
        uraian = (program_name(hierarchy.vocab, uraian) or uraian) if level == "program" else uraian
    elif (program := program_name(hierarchy.vocab, uraian)):
        level = "program"
    else:
        level, program = "kegiatan", hierarchy.program
    if level == "program" and not row.total:
        hierarchy.program = program  # a budget list: the kegiatan under a program row are its
    persen = None
    if lt.columns.col("persen") is not None:
        try:
            persen = parse_percent(lt.value(row, "persen"))
        except UnparsedValue as exc:
            out.review.append(ReviewDraft(row.page, "realisasi", "persen_reported", exc.raw, Reason.UNPARSED_PERCENT))
    out.budget.append(BudgetDraft(
        page=row.page, level=level, uraian=" ".join(uraian.split()), pagu=pagu, source="table",
        program=program, realisasi=realisasi, persen_reported=persen, kode=kode,
        pelaksana_raw=" ".join(lt.value(row, "pelaksana").split()) or None,
        bbox=lt.cell(row, "pagu").box,
        **_provenance(readings)))


def _provenance(readings: dict[str, Reading]) -> dict:
    """What a budget draft carries of its amounts' readings: evidence, the readings not kept."""
    return dict(evidence={f: set(r.evidence) for f, r in readings.items() if r.value is not None},
                alternatives={f: list(r.alternatives) for f, r in readings.items() if r.alternatives},
                unparsed_readings={f: r.other_text for f, r in readings.items() if r.other_text})


def _targets(lt: LogicalTable, row: TableRow, kegiatan: list[str], has_budget: bool, out: Drafts) -> None:
    sasaran = " ".join(lt.value(row, "sasaran").split())
    indikator = " ".join(lt.value(row, "indikator").split())
    target = lt.value(row, "target_indikator") or lt.value(row, "target")
    # a '-' under a sasaran that names no indikator is no target row (nothing is targeted)
    if target and (sasaran or indikator) and (indikator or target.strip() not in _NO_TARGET):
        measured = not has_budget and lt.columns.col("realisasi") is not None
        box, conf, second = lt.cell(row, "target_indikator" if lt.value(row, "target_indikator") else "target")
        pairs = sub_indicators(lt.value(row, "indikator"), target) or [(indikator, target)]
        for name, value in pairs:
            out.targets.append(TargetDraft(
                row.page, sasaran, name, _line_of(lt, row, kegiatan, has_budget), " ".join(value.split()),
                realisasi_raw=lt.value(row, "realisasi") or None if measured else None,
                capaian_raw=lt.value(row, "capaian") or None if measured else None, bbox=box, conf=conf,
                second=second if len(pairs) == 1 else None))
    for ic, tc in lt.columns.target_pairs:  # the row's further indikator | target pairs
        value = row.cells[tc] if tc < len(row.cells) else ""
        if value.strip() and value.strip() not in _NO_TARGET:
            box = row.boxes[tc] if tc < len(row.boxes) else None
            conf = row.confs[tc] if tc < len(row.confs) else 100.0
            second = row.seconds[tc] if tc < len(row.seconds) else None
            out.targets.append(TargetDraft(row.page, sasaran, " ".join(row.cells[ic].split()),
                                           _line_of(lt, row, kegiatan, has_budget), " ".join(value.split()),
                                           bbox=box, conf=conf, second=second))
    target_kegiatan = lt.value(row, "target_kegiatan")
    if target_kegiatan:
        box, conf, second = lt.cell(row, "target_kegiatan")
        # a Rencana Aksi prints the kegiatan's own indikator in a second INDIKATOR column
        own = [c for c, role in enumerate(lt.columns.roles) if role == "indikator"][1:2]
        indikator_kegiatan = " ".join(row.cells[own[0]].split()) if own and own[0] < len(row.cells) else ""
        for k in kegiatan:
            out.targets.append(TargetDraft(row.page, sasaran, indikator_kegiatan or indikator, k,
                                           " ".join(target_kegiatan.split()),
                                           bbox=box, conf=conf, second=second))


def sub_indicators(indikator: str, target: str) -> list[tuple[str, str]] | None:
    """A parent indikator over '- item' lines, beside as many target lines: one target per item,
    named parent + item ('Jumlah Populasi ternak (ekor) : - Domba' / '12.285.690' ->
    'Jumlah Populasi ternak (ekor) : Domba'); None when the cell holds no such list."""
    lines = [ln.strip() for ln in indikator.splitlines() if ln.strip()]
    first = next((i for i, ln in enumerate(lines) if _SUB_ITEM.match(ln)), None)
    if not first:
        return None
    items: list[str] = []
    for ln in lines[first:]:
        if _SUB_ITEM.match(ln):
            items.append(_SUB_ITEM.sub("", ln))
        else:
            items[-1] = f"{items[-1]} {ln}"
    values = [ln.strip() for ln in target.splitlines() if ln.strip()]
    if len(items) < 2 or len(values) != len(items) or any(parse_target(v).value is None for v in values):
        return None
    parent = " ".join(lines[:first])
    return [(f"{parent} {item}", value) for item, value in zip(items, values)]


def _line_of(lt: LogicalTable, row: TableRow, kegiatan: list[str], has_budget: bool) -> str | None:
    """The budget line whose indikator a row's target measures, in a table of budget lines that names
    them beside their indikator (Renja Tabel 3.1: kegiatan, indikator, target, pagu on one row); else
    None: under a sasaran column, a separate kegiatan column lists a Rencana Aksi's actions, which
    the sasaran's indikator does not measure one by one."""
    if not has_budget or (lt.columns.col("sasaran") is not None and lt.columns.col("kegiatan") is not None):
        return None
    names = kegiatan or [" ".join(lt.value(row, "uraian").split())]
    return names[0] if len(names) == 1 and names[0] else None


def _cell_months(raw: str, cell: str, where: dict, ocr: bool) -> list[int]:
    """Months of a schedule cell; one that reads as nothing is tried with its lines joined up
    (a mark wrapped inside itself in a narrow column: 'B10-B1' / '1')."""
    try:
        return cell_to_months(raw, **where, ocr=ocr)
    except UnparsedValue as exc:
        first = exc
    if "\n" in cell.strip():
        try:
            return cell_to_months("".join(cell.split("\n")).strip(), **where, ocr=ocr)
        except UnparsedValue:
            pass
    raise first


def _schedule(cols: ColumnMap, row: TableRow, kegiatan: list[str], out: Drafts, ocr: bool) -> None:
    if not (cols.months or cols.quarters):
        return
    months: dict[int, str] = {}
    slots = [(c, {"column_month": m}) for c, m in cols.months.items()] + [
        (c, {"quarter": q}) for c, q in cols.quarters.items()]
    for c, where in slots:
        raw = " ".join(row.cells[c].split()) if c < len(row.cells) else ""
        if not raw:
            continue
        try:
            planned = _cell_months(raw, row.cells[c], where, ocr)
        except UnparsedValue as exc:
            out.review.append(ReviewDraft(row.page, "schedule", "detail", raw, Reason.UNPARSED_SCHEDULE,
                                          detail=exc.reason))
            continue
        for month in planned:
            months.setdefault(month, raw)
    if not months:
        return
    kind = "monthly" if cols.months else "quarterly"
    for k in kegiatan:
        out.schedule.append(ScheduleDraft(row.page, k, dict(sorted(months.items())), kind))
