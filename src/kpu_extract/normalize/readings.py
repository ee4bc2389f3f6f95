"""One amount cell -> the reading the row keeps, what confirms it, and the readings it did not keep.

On a text layer the printed digits are exact (`text_layer`). On a scan a money cell has up to
three readings: the page pass, the first engine's re-read (kept side by side as 'a / b' when they
disagree) and the second, independent engine's. Two engines that agree confirm the value
(`two_engines`); otherwise the first reading is kept and the others travel with it as
alternatives, for the document's arithmetic and restatements to decide (checks.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .values import UnparsedValue, parse_rupiah, parse_scaled

TEXT_LAYER, TWO_ENGINES = "text_layer", "two_engines"


@dataclass(frozen=True)
class Reading:
    value: int | None
    evidence: frozenset[str] = frozenset()
    alternatives: tuple[int, ...] = ()
    other_text: str | None = None  # the second engine's text when it disagrees and parses as no amount


def cell_to_reading(raw: str, second: str | None, ocr: bool, factor: int = 1) -> Reading:
    """The kept reading of an amount cell (printed in units of `factor` Rupiah); raises
    UnparsedValue when no reading parses."""
    if factor != 1:
        return _scaled_reading(raw, second, ocr, factor)
    if not ocr:
        value = parse_rupiah(raw)
        return Reading(value, frozenset({TEXT_LAYER}) if value is not None else frozenset())
    firsts, error = _first_readings(raw)
    other = _parsed(second)
    if other is None and second and firsts:
        # Engines swap '.' and ',' ('22,073.000.00'): the same digits in the same order still agree.
        same = [v for v in firsts if _digits(second) == str(v)]
        if same:
            return Reading(same[0], frozenset({TWO_ENGINES}), tuple(v for v in firsts if v != same[0]))
    if other is not None and other in firsts:
        return Reading(other, frozenset({TWO_ENGINES}), tuple(v for v in firsts if v != other))
    if firsts:
        return Reading(firsts[0], alternatives=tuple(dict.fromkeys(firsts[1:] + ([other] if other is not None else []))),
                       other_text=second if second and other is None else None)
    if other is not None:
        # The first engine's separators did not parse ('5.257,000.00'); the same digits still agree.
        agree = _digits(raw) == str(other)
        return Reading(other, frozenset({TWO_ENGINES}) if agree else frozenset())
    if error is not None:
        raise error
    return Reading(None)


def _scaled_reading(raw: str, second: str | None, ocr: bool, factor: int) -> Reading:
    """A cell of a column printed in thousands or millions ('1.900,00' juta): its value in Rupiah.
    On a scan the two engines must read the same value to confirm it."""
    value = parse_scaled(raw, factor, ocr=ocr)
    if not ocr:
        return Reading(value, frozenset({TEXT_LAYER}) if value is not None else frozenset())
    try:
        other = parse_scaled(second, factor, ocr=True)
    except UnparsedValue:
        other = None
    if value is not None and other == value:
        return Reading(value, frozenset({TWO_ENGINES}))
    return Reading(value, alternatives=(other,) if other is not None and other != value else ())


def _first_readings(raw: str) -> tuple[list[int], UnparsedValue | None]:
    """The first engine's readings: one, or both sides of 'a / b' when its two passes disagreed."""
    try:
        value = parse_rupiah(raw, ocr=True)
        return ([value] if value is not None else []), None
    except UnparsedValue as exc:
        parts = [_parsed(p) for p in raw.split(" / ")] if raw.count(" / ") == 1 else []
        if len(parts) == 2 and None not in parts:
            return parts, None
        return [], exc


def _digits(text: str) -> str:
    """The digits of the whole-Rupiah part: a zero decimal tail (',00', '.0') and ',-' dropped."""
    whole = re.sub(r"[.,]\s*-+\s*$|[.,]0{1,2}\s*$", "", text.strip())
    return "".join(ch for ch in whole if ch.isdigit())


def _parsed(text: str | None) -> int | None:
    if not text:
        return None
    try:
        return parse_rupiah(text, ocr=True)
    except UnparsedValue:
        return None
