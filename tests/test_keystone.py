"""A ruled table photographed at an angle (a trapezoid) is squared before its grid is found."""

from __future__ import annotations

import cv2
import numpy as np

from kpu_extract.extract.grid import image_to_line_masks, masks_to_grids
from kpu_extract.extract.keystone import rectify

DPI = 300
ROWS = [300, 420, 540, 660, 780, 900, 1020]
COLS = [200, 500, 1100, 1500, 1900]


def _page() -> np.ndarray:
    img = np.full((1600, 2100), 240, np.uint8)
    for y in ROWS:
        cv2.line(img, (COLS[0], y), (COLS[-1], y), 20, 3)
    for x in COLS:
        cv2.line(img, (x, ROWS[0]), (x, ROWS[-1]), 20, 3)
    return img


def _photographed(img: np.ndarray) -> np.ndarray:
    """The page as a phone sees it from below: its bottom wider than its top (PK Pasuruan: the
    left rule leans 47 px over 1600)."""
    src = np.float32([[0, 0], [2100, 0], [2100, 1600], [0, 1600]])
    dst = np.float32([[60, 0], [2040, 0], [2100, 1600], [0, 1600]])
    return cv2.warpPerspective(img, cv2.getPerspectiveTransform(src, dst), (2100, 1600), borderValue=240)


def _cells(img: np.ndarray) -> int:
    return sum(len(g.cells) for g in masks_to_grids(image_to_line_masks(img, DPI), DPI))


def test_a_photographed_table_is_squared_and_its_cells_found():
    photo = _photographed(_page())
    squared, masks = rectify(photo, image_to_line_masks(photo, DPI), DPI)
    assert _cells(photo) < 24 <= _cells(squared)
    assert sum(len(g.cells) for g in masks_to_grids(masks, DPI)) == _cells(squared)


def test_a_flat_page_is_left_as_it_is():
    page = _page()
    masks = image_to_line_masks(page, DPI)
    same, same_masks = rectify(page, masks, DPI)
    assert same is page and same_masks is masks
