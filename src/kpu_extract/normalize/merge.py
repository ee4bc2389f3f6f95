"""One row per budget line: merge restatements across tables and between a table and the prose.

A RAK states each kegiatan in its monthly and its quarterly table; a Laporan Tahunan states each
kegiatan in a table and again in a sentence under a coded heading. The merged line keeps the
table's values (corrected only when checks.py confirms it), takes the narrative's code and name
(the code is what resolves a table whose rows slipped), and says where it was found.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from .checks import confirmed_corrections, narrative_restatements, restated
from .drafts import BudgetDraft, CheckDraft
from .reasons import Check

# Two names of the same budget line, after lower-casing, score at least this (token_set_ratio).
SAME_NAME = 80


def _norm(text: str) -> str:
    """'Sosialisasi/Penyuluhan/ Bimbingan' and 'Sosialisasi/Penyuluhan/Bimbingan' are one name."""
    return " ".join(re.sub(r"[^a-z0-9]", " ", text.lower()).split())


def _same_name(a: str, b: str) -> bool:
    return fuzz.token_set_ratio(_norm(a), _norm(b)) >= SAME_NAME


def merge_budget(table: list[BudgetDraft], narrative: list[BudgetDraft], restatement_check: Check
                 ) -> tuple[list[BudgetDraft], list[CheckDraft]]:
    """Merged budget lines and the comparisons of their restatements (checks.py compares)."""
    table, checks = _dedupe_tables(table, restatement_check)
    groups = _group_narrative(narrative)
    pairs = _pair(table, groups)
    corrections = confirmed_corrections(table, pairs)
    paired = {id(n) for _, n in pairs}
    for t, n in pairs:
        if n.kode:
            # The table's printed label stays when it names the same line; a label that slipped
            # against its amount (a row left empty, the names below shifted) takes the sentence's.
            t.kode, t.level = n.kode, n.level
            t.uraian = t.uraian if _same_name(t.uraian, n.uraian) else n.uraian
        t.program = t.program or n.program
        if n.page < t.page:  # the row stands on its first page; its table cell is not there
            t.page, t.bbox = n.page, None
        t.source = "table+narrative"
        if t.realisasi is None:
            t.realisasi, t.persen_reported = n.realisasi, n.persen_reported
    alone = [g for g in groups if id(g[0]) not in paired]
    lines = table + [g[0] for g in alone]
    lines.sort(key=lambda ln: ln.page)
    return lines, checks + corrections + narrative_restatements(alone)


def _dedupe_tables(lines: list[BudgetDraft], check: Check) -> tuple[list[BudgetDraft], list[CheckDraft]]:
    """The same line in two tables (RAK monthly and quarterly) is one line; values are compared."""
    kept: list[BudgetDraft] = []
    checks = []
    for line in lines:
        twin = next((k for k in kept if k.table_key and line.table_key and k.table_key[0] != line.table_key[0]
                     and (k.level, k.program, k.kode) == (line.level, line.program, line.kode)
                     and _norm(k.uraian) == _norm(line.uraian)), None)
        if twin is None:
            kept.append(line)
            continue
        twin.pelaksana_raw = twin.pelaksana_raw or line.pelaksana_raw
        checks.append(restated(check, twin, line))
    return kept, checks


def _group_narrative(lines: list[BudgetDraft]) -> list[list[BudgetDraft]]:
    """Statements of one line (a program in the introduction and again in its chapter) grouped;
    the first statement of each group stands for it (on the group's first page)."""
    groups: dict[tuple, list[BudgetDraft]] = {}
    for line in lines:
        groups.setdefault((line.level, line.kode or _norm(line.uraian)), []).append(line)
    for group in groups.values():
        first = group[0]
        first.page = min(g.page for g in group)
    return list(groups.values())


def _pair(table: list[BudgetDraft], groups: list[list[BudgetDraft]]) -> list[tuple[BudgetDraft, BudgetDraft]]:
    """Pair table lines with narrative lines of the same level: a unique equal pagu first (it
    survives rows that slipped against their labels), then the name. Returns (table line,
    narrative statement) for every statement of the line, the one that agrees with the table first."""
    pairs: list[tuple[BudgetDraft, BudgetDraft]] = []
    free = list(groups)
    todo = list(table)
    for match in (_by_amount, _by_name):
        for t in list(todo):
            candidates = [g for g in free if g[0].level == t.level and (
                not t.program or not g[0].program or t.program == g[0].program)]
            group = match(t, candidates, todo)
            if group is not None:
                first = next((n for n in group if n.pagu == t.pagu), group[0])
                pairs += [(t, first)] + [(t, n) for n in group if n is not first]
                free.remove(group)
                todo.remove(t)
    return pairs


def _by_amount(t: BudgetDraft, candidates: list[list[BudgetDraft]], table: list[BudgetDraft]
               ) -> list[BudgetDraft] | None:
    """The one statement group with t's pagu, when no other table line of t's level has it (a
    misread that happens to equal another line's amount must not steal that line's statement)."""
    if any(o is not t and o.level == t.level and o.pagu == t.pagu for o in table):
        return None
    same = [g for g in candidates if any(n.pagu == t.pagu for n in g)]
    return same[0] if len(same) == 1 else None


def _by_name(t: BudgetDraft, candidates: list[list[BudgetDraft]], _table: list[BudgetDraft]
             ) -> list[BudgetDraft] | None:
    if t.level in ("program", "total"):
        same = [g for g in candidates if (t.program and g[0].program == t.program) or t.level == "total"]
    else:
        same = [g for g in candidates if _same_name(t.uraian, g[0].uraian)]
    return same[0] if len(same) == 1 else None
