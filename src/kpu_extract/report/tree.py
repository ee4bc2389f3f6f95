"""The budget tree of one document: program -> kegiatan -> output -> suboutput, with sums.

A line with a DIPA code hangs under the code it extends (`CQ.6709.QGE` under `CQ.6709`; a
kegiatan `CQ.6709` under the program `076.01.CQ`). A line without a code hangs under the nearest
line above it (in the dataset's order) of a higher level, or under its program. The parents that
did not add up are the ones `checks` reports (`sum_children`, status `mismatch`); the sums of the
children shown beside them are the report's own arithmetic over the lines it displays.
"""

from __future__ import annotations

from dataclasses import dataclass, field

RANK = {"program": 0, "kegiatan": 1, "output": 2, "suboutput": 3, "item": 4}
AMOUNTS = ("pagu", "realisasi")


@dataclass
class Node:
    level: str
    kode: str | None
    uraian: str
    page: int | None
    program: str | None
    pagu: int | None = None
    realisasi: int | None = None
    children: list["Node"] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)  # amounts whose children did not add up, per checks

    def child_sum(self, amount: str) -> int | None:
        values = [getattr(c, amount) for c in self.children]
        return sum(values) if values and all(v is not None for v in values) else None


@dataclass(frozen=True)
class TreeRow:
    """One line of the tree as displayed: depth, the node, the sums of its children."""

    depth: int
    node: Node
    sum_pagu: int | None
    sum_realisasi: int | None


def rows_to_tree(pagu: list[dict], realisasi: list[dict], checks: list[dict]) -> list[TreeRow]:
    """Pagu and realisasi rows of one document -> the tree flattened depth-first (totals last)."""
    nodes = _nodes(pagu, realisasi)
    failed = {(c["scope"].rsplit(" ", 1)[0], c["scope"].rsplit(" ", 1)[-1]) for c in checks
              if c.get("check") == "sum_children" and c.get("status") == "mismatch" and " " in (c.get("scope") or "")}
    for n in nodes:
        n.failed = {a for a in AMOUNTS if (n.kode, a) in failed}
    roots = _link([n for n in nodes if n.level != "total"])
    roots += [n for n in nodes if n.level == "total"]
    out: list[TreeRow] = []
    _flatten(roots, 0, out)
    return out


def _nodes(pagu: list[dict], realisasi: list[dict]) -> list[Node]:
    """One node per budget line; a realisasi row joins the pagu row of the same level and code/uraian."""
    nodes: dict[tuple, Node] = {}
    for row in pagu:
        node = nodes.setdefault(_key(row), Node(row["level"], row.get("kode"), row.get("uraian") or "",
                                               row.get("page"), row.get("program")))
        node.pagu = row.get("pagu")
    for row in realisasi:
        key = _key(row)
        if key not in nodes:
            nodes[key] = Node(row["level"], row.get("kode"), row.get("uraian") or "", row.get("page"),
                              row.get("program"), pagu=row.get("pagu"))
        nodes[key].realisasi = row.get("realisasi")
    return list(nodes.values())


def _key(row: dict) -> tuple:
    return (row["level"], row.get("kode")) if row.get("kode") else (row["level"], row.get("uraian"), row.get("page"))


def _link(nodes: list[Node]) -> list[Node]:
    """Attach every node to its parent; returns the roots in order."""
    by_kode = {n.kode: n for n in nodes if n.kode}
    programs = {n.program: n for n in nodes if n.level == "program" and n.program}
    by_segment = {n.kode.rsplit(".", 1)[-1]: n for n in nodes if n.level == "program" and n.kode}
    roots: list[Node] = []
    groups: dict[str, Node] = {}
    stack: list[Node] = []
    for n in nodes:
        parent = _coded_parent(n, by_kode, by_segment) if n.kode else _nearest_above(n, stack)
        if parent is None and n.level != "program" and n.program:
            parent = programs.get(n.program)
            if parent is None:  # lines of a program the document shows no amount for: a group without one
                parent = groups.get(n.program)
                if parent is None:
                    parent = groups[n.program] = Node("program", None, n.program, None, n.program)
                    roots.append(parent)
        (parent.children if parent is not None else roots).append(n)
        stack = [s for s in stack if RANK.get(s.level, 9) < RANK.get(n.level, 9)] + [n]
    return roots


def _coded_parent(n: Node, by_kode: dict[str, Node], by_segment: dict[str, Node]) -> Node | None:
    parts = n.kode.split(".")
    if n.level == "kegiatan" or len(parts) == 2:
        return by_segment.get(parts[0])
    return by_kode.get(".".join(parts[:-1])) if len(parts) > 2 and n.level != "program" else None


def _nearest_above(n: Node, stack: list[Node]) -> Node | None:
    rank = RANK.get(n.level, 9)
    return next((s for s in reversed(stack) if RANK.get(s.level, 9) < rank), None)


def _flatten(nodes: list[Node], depth: int, out: list[TreeRow]) -> None:
    for n in nodes:
        out.append(TreeRow(depth, n, n.child_sum("pagu"), n.child_sum("realisasi")))
        _flatten(n.children, depth + 1, out)
