"""One amount cell -> the kept reading, its evidence and the readings not kept (normalize/readings.py)."""

import pytest

from kpu_extract.normalize.readings import Reading, cell_to_reading
from kpu_extract.normalize.values import UnparsedValue


def test_text_layer_reading_is_exact():
    assert cell_to_reading("Rp. 1.250.000,-", None, ocr=False) == Reading(1250000, frozenset({"text_layer"}))


def test_text_layer_dash_is_no_amount():
    assert cell_to_reading("-", None, ocr=False) == Reading(None)


def test_two_engines_that_agree_confirm_the_value():
    assert cell_to_reading("154.720.000", "154.720.000", ocr=True) == Reading(154720000, frozenset({"two_engines"}))


def test_engines_that_disagree_keep_the_first_reading_and_carry_the_other():
    r = cell_to_reading("154.720.099", "154.720.000", ocr=True)
    assert r == Reading(154720099, frozenset(), (154720000,))


def test_second_engine_sides_with_one_of_the_first_engines_two_passes():
    r = cell_to_reading("27.486.120.006 / 27.486.120.000", "27.486.120.000", ocr=True)
    assert r == Reading(27486120000, frozenset({"two_engines"}), (27486120006,))


def test_first_engines_two_passes_without_a_second_engine_stay_undecided():
    r = cell_to_reading("276.480.090 / 276.480.000", None, ocr=True)
    assert r == Reading(276480090, frozenset(), (276480000,))


def test_only_the_second_engine_read_an_amount():
    assert cell_to_reading("2?6.4B0,O0O x", "276.480.000", ocr=True) == Reading(276480000)


def test_unparseable_second_reading_is_ignored():
    assert cell_to_reading("276.480.000", "27#", ocr=True) == Reading(276480000)


def test_nothing_parses_raises():
    with pytest.raises(UnparsedValue):
        cell_to_reading("1.000 250.000", "", ocr=True)
