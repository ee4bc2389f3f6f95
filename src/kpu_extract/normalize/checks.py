"""Every comparison the pipeline makes, and the rule for the only corrections ever made.

- Restatements (merge.py pairs them, this module compares): `restated` for the same line in two
  tables, `narrative_restatements` for a line stated in two sentences, `confirmed_corrections`
  for a table line against its sentence.
- The `BUDGET_CHECKS` registry, run over the merged lines by `budget_checks`: alternative OCR
  readings decided by the sums, the arithmetic, the OCR readings left undecided.
- `checks_to_review`: the one place a failed check becomes a review row.

A number changes only when (1) one digit substituted in one value explains a mismatch, and
(2) an independent source confirms the corrected value: the narrative states it AND the lines
then sum to their stated total. Anything else stays as printed, recorded as a mismatch.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from .drafts import BudgetDraft, CheckDraft, ReviewDraft
from .reasons import Check, Status, mismatch_reason

CHILD_LEVEL = {"program": "kegiatan", "kegiatan": "output", "output": "suboutput"}
_PARENT_ORDER = {"output": 0, "kegiatan": 1, "program": 2, "total": 3}


def single_digit_apart(a: int, b: int) -> bool:
    """True when a and b have the same digits but one (an OCR-plausible single misread)."""
    sa, sb = str(a), str(b)
    return len(sa) == len(sb) and sum(x != y for x, y in zip(sa, sb)) == 1


def persen_ok(pagu: int, realisasi: int, reported: float) -> tuple[bool, float]:
    """Does realisasi/pagu match the reported percent to the document's precision (rounded or cut)?

    The precision is that of the number as printed ('99.8' one decimal, '100' none), so a percent
    written with fewer decimals is never compared with more decimals than it has."""
    if pagu == 0:
        return reported == 0, 0.0
    exact = Decimal(realisasi) * 100 / Decimal(pagu)
    shown = Decimal(repr(float(reported))).normalize()
    places = Decimal(1).scaleb(min(0, shown.as_tuple().exponent))
    ok = shown in (exact.quantize(places, ROUND_HALF_UP), exact.quantize(places, ROUND_DOWN))
    return ok, float(exact.quantize(Decimal("0.01"), ROUND_HALF_UP))


def persen_checks(lines: list[BudgetDraft]) -> list[CheckDraft]:
    out = []
    for line in lines:
        if line.realisasi is None or line.persen_reported is None:
            continue
        ok, computed = persen_ok(line.pagu, line.realisasi, line.persen_reported)
        out.append(CheckDraft(Check.PERSEN, _scope(line), f"{line.persen_reported:g}", f"{computed:g}",
                              _status(ok), f"realisasi {line.realisasi} / pagu {line.pagu}",
                              line, "persen_reported"))
    return out


def sum_checks(lines: list[BudgetDraft]) -> list[CheckDraft]:
    """Every parent (program, kegiatan, output with a code; a total row) against its children."""
    out = []
    for parent, children in _families(lines):
        for field in ("pagu", "realisasi"):
            values = [getattr(c, field) for c in children]
            stated = getattr(parent, field)
            if stated is None or any(v is None for v in values):
                continue
            found = sum(values)
            if found == stated:
                confirm("sum", field, parent, *children)
            # A failed sum points at the values nothing else confirms: those are in doubt.
            doubt = tuple(ln for ln in (parent, *children) if found != stated and not ln.evidence.get(field))
            out.append(CheckDraft(Check.SUM_CHILDREN, f"{_scope(parent)} {field}", str(stated), str(found),
                                  _status(found == stated), f"{len(children)} lines of level {children[0].level}",
                                  parent, field, doubt))
    return out


def program_total_checks(lines: list[BudgetDraft]) -> list[CheckDraft]:
    """Each total row against the sum of the programs; where there is none and the kegiatan carry
    neither code nor program (a RAK: kegiatan table plus a program box), all kegiatan against all
    programs."""
    programs = [ln for ln in lines if ln.level == "program" and ln.pagu is not None]
    totals = [ln for ln in lines if ln.level == "total"]
    kegiatan = [ln for ln in lines if ln.level == "kegiatan" and ln.pagu is not None]
    if not programs:
        return []
    found = sum(p.pagu for p in programs)
    if totals:
        for t in totals:
            if t.pagu == found:
                confirm("sum", "pagu", t, *programs)
        return [CheckDraft(Check.PROGRAM_TOTAL, f"total {t.uraian}", str(t.pagu), str(found),
                           _status(t.pagu == found), f"{len(programs)} programs", t, "pagu") for t in totals]
    if not kegiatan or any(k.kode or k.program for k in kegiatan):
        return []
    stated = sum(k.pagu for k in kegiatan)
    if stated == found:
        confirm("sum", "pagu", *programs, *kegiatan)
    return [CheckDraft(Check.PROGRAM_TOTAL, "kegiatan pagu", str(found), str(stated), _status(stated == found),
                       f"{len(kegiatan)} kegiatan against {len(programs)} programs", programs[0], "pagu")]


def _families(lines: list[BudgetDraft]) -> list[tuple[BudgetDraft, list[BudgetDraft]]]:
    """(parent, children) pairs, lowest parents first (a reading a kegiatan sum settles is in place
    before its program's total is checked): by code prefix where codes exist, else by table order."""
    families = []
    coded = [ln for ln in lines if ln.kode]
    for parent in coded:
        kids = [c for c in coded if c.kode.startswith(_child_prefix(parent.kode)) and
                c.level == CHILD_LEVEL.get(parent.level) and c.kode.count(".") == _depth(parent.kode) + 1]
        if kids:
            families.append((parent, kids))
    by_table: dict[tuple, list[BudgetDraft]] = defaultdict(list)
    for ln in lines:
        if ln.table_key is not None:
            by_table[ln.table_key[:1]].append(ln)
    for rows in by_table.values():
        for parent, kids in _program_runs(rows):
            if not (parent.kode and all(k.kode for k in kids)):
                families.append((parent, kids))
        # A total adds up the top level of its table (programs where there are any), never two levels.
        top = "program" if any(r.level == "program" for r in rows) else None
        totals = [r for r in rows if r.level == "total"]
        kids = [r for r in rows if (r.level == top if top else r.level != "total")]
        if len(totals) == 1 and kids:
            families.append((totals[0], kids))
    return sorted(families, key=lambda f: _PARENT_ORDER.get(f[0].level, 0))


def _program_runs(rows: list[BudgetDraft]) -> list[tuple[BudgetDraft, list[BudgetDraft]]]:
    """A table's programs with their kegiatan. One program: every kegiatan of the table. Several:
    the kegiatan printed under each, closed by the next program or the total row; a run the table
    leaves open (its kegiatan may go on over the page) and kegiatan above the first program are
    not checked."""
    programs = [r for r in rows if r.level == "program"]
    if len(programs) == 1:
        kids = [r for r in rows if r.level == "kegiatan"]
        return [(programs[0], kids)] if kids else []
    runs: list[tuple[BudgetDraft, list[BudgetDraft]]] = []
    current: tuple[BudgetDraft, list[BudgetDraft]] | None = None
    for row in rows:
        if row.level in ("program", "total") and current and current[1]:
            runs.append(current)
        if row.level in ("program", "total"):
            current = (row, []) if row.level == "program" else None
        elif row.level == "kegiatan" and current:
            current[1].append(row)
    return runs


def _child_prefix(kode: str) -> str:
    return kode.split(".")[-1] + "." if kode.startswith("076.") else kode + "."


def _depth(kode: str) -> int:
    return 0 if kode.startswith("076.") else kode.count(".")


def confirm(evidence: str, field: str, *lines: BudgetDraft) -> None:
    """Record on each line that `evidence` confirms its `field` (the evidence of CONTRACT v1.1)."""
    for line in lines:
        line.evidence.setdefault(field, set()).add(evidence)


def _status(ok: bool) -> Status:
    return Status.OK if ok else Status.MISMATCH


def _scope(line: BudgetDraft) -> str:
    """The line's DIPA code where it has one, else its level and name."""
    return line.kode or f"{line.level} {line.uraian}"


def confirmed_corrections(table_lines: list[BudgetDraft], pairs: list[tuple[BudgetDraft, BudgetDraft]]
                          ) -> list[CheckDraft]:
    """Compare each table line with each narrative statement of it (an agreement is an `ok` check).
    Correct a table value to the narrative's only when one digit explains it AND the table's
    lines then sum to their stated parent. Changes `table_lines` in place; returns the checks."""
    checks = []
    for table, narrative in pairs:
        for field in ("pagu", "realisasi"):
            t, n = getattr(table, field), getattr(narrative, field)
            scope = f"{_scope(narrative)} {field}"
            if t is None or n is None:
                continue
            if t == n:
                confirm("restated", field, table)
                checks.append(CheckDraft(Check.TABLE_VS_NARRATIVE, scope, str(t), str(n), Status.OK,
                                         f"table page {table.page}, narrative page {narrative.page}"))
            elif n in table.alternatives.get(field, ()):
                _adopt(table, field, n)
                confirm("restated", field, table)
                checks.append(CheckDraft(Check.OCR_READINGS, scope, str(n), str(t), Status.CORRECTED,
                                         f"OCR read {t} and {n}; the narrative (page {narrative.page}) states {n}",
                                         table, field))
            elif single_digit_apart(t, n) and _sum_confirms(table_lines, table, field, n):
                setattr(table, field, n)
                confirm("restated", field, table)
                confirm("sum", field, table)
                checks.append(CheckDraft(Check.TABLE_VS_NARRATIVE, scope, str(n), str(t), Status.CORRECTED,
                                         f"table printed {t}; narrative and the lines' total "
                                         f"confirm {n} (one digit misread)", table, field))
            else:
                checks.append(CheckDraft(Check.TABLE_VS_NARRATIVE, scope, str(t), str(n), Status.MISMATCH,
                                         f"table page {table.page} says {t}, narrative page {narrative.page} "
                                         f"says {n}; the table value is kept", table, field))
    return checks


def restated(check: Check, kept: BudgetDraft, other: BudgetDraft) -> CheckDraft:
    """The same line in two tables: the pagu of the restatement against the kept line's."""
    if kept.pagu == other.pagu:
        confirm("restated", "pagu", kept)
    return CheckDraft(check, f"{kept.level} {' '.join(kept.uraian.split())} pagu", str(kept.pagu), str(other.pagu),
                      _status(kept.pagu == other.pagu), f"pages {kept.page} and {other.page}", other, "pagu")


def narrative_restatements(groups: list[list[BudgetDraft]]) -> list[CheckDraft]:
    """A line stated only in the prose, more than once: each later statement against the first
    (which the line keeps)."""
    checks = []
    for first, *others in groups:
        for other in others:
            for field in ("pagu", "realisasi"):
                a, b = getattr(first, field), getattr(other, field)
                if a is None or b is None:
                    continue
                if a == b:
                    confirm("restated", field, first)
                checks.append(CheckDraft(Check.NARRATIVE_VS_NARRATIVE, f"{_scope(first)} {field}", str(a), str(b),
                                         _status(a == b), f"pages {first.page} and {other.page}", other, field))
    return checks


def readings_by_sum(lines: list[BudgetDraft]) -> list[CheckDraft]:
    """Where a parent does not equal its children and exactly one value of that family has an
    alternative OCR reading that makes the sum hold, that reading is the evidence: it is kept."""
    out = []
    for parent, children in _families(lines):
        for field in ("pagu", "realisasi"):
            family = (parent, *children)
            if any(getattr(ln, field) is None for ln in family):
                continue
            stated, found = getattr(parent, field), sum(getattr(c, field) for c in children)
            if stated == found:
                continue
            fixes = [(ln, alt) for ln in family for alt in ln.alternatives.get(field, ())
                     if (alt == found if ln is parent else stated == found - getattr(ln, field) + alt)]
            if len(fixes) != 1:
                continue
            line, alt = fixes[0]
            first = getattr(line, field)
            _adopt(line, field, alt)
            out.append(CheckDraft(Check.OCR_READINGS, f"{_scope(line)} {field}", str(alt), str(first),
                                  Status.CORRECTED, f"OCR read {first} and {alt}; with {alt} the "
                                  f"{len(children)} lines add up to {_scope(parent)}", line, field))
    return out


def unresolved_readings(lines: list[BudgetDraft]) -> list[CheckDraft]:
    """OCR'd amounts whose engines disagree: `ok` where other evidence confirms the kept reading,
    else `mismatch` (the first reading stays, unverified, and both go to review)."""
    out = []
    for line in lines:
        for field in sorted(set(line.alternatives) | set(line.unparsed_readings)):
            others = [str(a) for a in line.alternatives.get(field, ())] + (
                [repr(line.unparsed_readings[field])] if field in line.unparsed_readings else [])
            if not others:
                continue
            kept = getattr(line, field)
            confirmed = sorted(line.evidence.get(field, ()))
            out.append(CheckDraft(Check.OCR_READINGS, f"{_scope(line)} {field}", str(kept), " / ".join(others),
                                  _status(bool(confirmed)), f"OCR read {kept} and {' and '.join(others)}; " +
                                  (f"{' and '.join(confirmed)} confirm {kept}" if confirmed else
                                   "nothing in the document decides; the first reading is kept"), line, field))
    return out


def checks_to_review(checks: list[CheckDraft]) -> list[ReviewDraft]:
    """A review row for every failed check, on each value in doubt (the checked line when none is)."""
    review = []
    for c in checks:
        if c.status != Status.MISMATCH:
            continue
        dataset = "realisasi" if c.field in ("realisasi", "persen_reported") else "pagu"
        detail = f"{c.scope}: expected {c.expected}, found {c.found}" + (f" ({c.detail})" if c.detail else "")
        for line in c.doubt or (c.line,):
            raw = str(getattr(line, c.field)) if line is not None and c.field else c.found
            review.append(ReviewDraft(line.page if line else None, dataset, c.field or c.check.value, raw,
                                      mismatch_reason(c.check), subject=line, detail=detail))
    return review


# The checks on the merged budget lines, in the order they run: alternative OCR readings the sums
# decide, then the arithmetic (which records `sum` evidence), then the readings still undecided.
BUDGET_CHECKS: tuple[Callable[[list[BudgetDraft]], list[CheckDraft]], ...] = (
    readings_by_sum, sum_checks, persen_checks, program_total_checks, unresolved_readings)


def budget_checks(lines: list[BudgetDraft]) -> list[CheckDraft]:
    """Every check of the BUDGET_CHECKS registry on the merged lines."""
    return [c for check in BUDGET_CHECKS for c in check(lines)]


def _adopt(line: BudgetDraft, field: str, value: int) -> None:
    """Keep an alternative reading; the reading it replaces is recorded by the caller's check."""
    setattr(line, field, value)
    line.alternatives.pop(field, None)


def _sum_confirms(lines: list[BudgetDraft], changed: BudgetDraft, field: str, value: int) -> bool:
    same_table = [ln for ln in lines if ln.table_key and changed.table_key and ln.table_key[:1] == changed.table_key[:1]]
    parent_level = {"kegiatan": "program", "item": "total", "program": "total"}.get(changed.level)
    parents = [ln for ln in same_table if ln.level == parent_level]
    kids = [ln for ln in same_table if ln.level == changed.level]
    if len(parents) != 1 or any(getattr(k, field) is None for k in kids):
        return False
    total = sum(value if k is changed else getattr(k, field) for k in kids)
    return total == getattr(parents[0], field)
