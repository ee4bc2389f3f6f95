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


def test_an_unparseable_second_reading_is_a_disagreement_kept_for_review():
    assert cell_to_reading("276.480.000", "27#", ocr=True) == Reading(276480000, other_text="27#")


def test_engines_that_swap_separators_still_agree_on_the_digits():
    assert cell_to_reading("22,073,000.00", "22,073.000.00", ocr=True) == Reading(22073000, frozenset({"two_engines"}))
    assert cell_to_reading("22.073.000", "22,073.000", ocr=True) == Reading(22073000, frozenset({"two_engines"}))


def test_a_first_reading_with_bad_separators_agrees_on_its_digits():
    assert cell_to_reading("5.257,000.00", "5,257,000.00", ocr=True) == Reading(5257000, frozenset({"two_engines"}))
    assert cell_to_reading("48.000.", "48.000.-", ocr=True) == Reading(48000, frozenset({"two_engines"}))


def test_other_digits_in_a_malformed_second_reading_do_not_agree():
    assert not cell_to_reading("22,073,000.00", "22,078.000.00", ocr=True).evidence


def test_nothing_parses_raises():
    with pytest.raises(UnparsedValue):
        cell_to_reading("1.000 250.000", "", ocr=True)
