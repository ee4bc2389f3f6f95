"""Orientation on real renders: corpus scans turned by numpy are detected and turned upright."""

from pathlib import Path

import numpy as np
import pytest

from kpu_extract.extract import raster

ROOT = Path(__file__).resolve().parents[1]
UPRIGHT = [ROOT / "corpus/layouts/scans/L52_lakip_grid-normal-300.pdf",
           ROOT / "corpus/layouts/scans/L11_laptah_none-hard-200.pdf"]  # the least clear upright page
ROTATED = ROOT / "corpus/layouts/scans/L16_lakip_hrules-rotated-300.pdf"  # printed turned a quarter


@pytest.mark.parametrize("path", UPRIGHT, ids=lambda p: p.stem)
@pytest.mark.parametrize("quarters", [0, 1, 2, 3])
def test_turned_page_comes_back_upright(path, quarters):
    gray, _dpi = raster.render_page(str(path), 0)
    turned = np.ascontiguousarray(np.rot90(gray, quarters))
    out, applied = raster.upright(turned)
    assert (quarters + applied) % 4 == 0
    assert np.array_equal(out, gray)


def test_rotated_scan_is_turned_to_the_upright_of_its_quarter_turns():
    gray, _dpi = raster.render_page(str(ROTATED), 0)
    out, applied = raster.upright(gray)
    assert applied in (1, 3)
    assert out.shape == gray.shape[::-1]
    # the same page turned a half more must land on the same upright image
    again, _ = raster.upright(np.ascontiguousarray(np.rot90(gray, 2)))
    assert np.array_equal(again, out)

