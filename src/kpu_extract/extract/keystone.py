"""A page photographed at an angle, made square again from its largest ruled table.

A phone photo of a page (CamScanner) shows its tables as trapezoids: the rules lean by different
angles, so no column rule is vertical and no row rule horizontal, and the grid finder, which looks
for axis-parallel rules, finds no cells (PK Perubahan Pasuruan, corpus/real/: 2 cells of its
budget table). A flat page maps to the photo by a homography; the corners of the largest ruled
table give it, and the whole page is warped so that this table is a rectangle again.
"""

from __future__ import annotations

import cv2
import numpy as np

from .grid import LineMasks, image_to_line_masks

# The table must cover this share of the page; a corner further than KEYSTONE_MIN_INCH from the
# rectangle of the table's mean side lengths means a leaning photo (a flat scan, deskewed, stays
# within a few pixels); further than KEYSTONE_MAX_SHARE of the table's size, the outline is no
# table's (a frame, a stamp joined to a table) and nothing is warped.
MIN_TABLE_SHARE = 0.05
# The outline must be a quadrilateral: the line network fills its convex hull and four corners
# cover it, to this share (tables of the corpus scans and the phone photo: 0.992-0.999). A stepped
# or notched outline (a table with a narrower last row, a box joined at one side) approximated by
# four points is no leaning page.
QUAD_FILL = 0.99
KEYSTONE_MIN_INCH = 0.05
KEYSTONE_MAX_SHARE = 0.08


def rectify(gray: np.ndarray, masks: LineMasks, dpi: float) -> tuple[np.ndarray, LineMasks]:
    """The page warped so that its largest ruled table is a rectangle, with its line masks found
    again; the page and masks unchanged when that table already is one (or there is none)."""
    corners = _table_corners(masks, dpi, gray.shape[0] * gray.shape[1])
    if corners is None:
        return gray, masks
    square = _rectangle(corners)
    shift = float(np.abs(square - corners).max())
    size = float(min(square[2] - square[0]))
    if shift < KEYSTONE_MIN_INCH * dpi or shift > KEYSTONE_MAX_SHARE * size:
        return gray, masks
    homography = cv2.getPerspectiveTransform(corners, square)
    warped = cv2.warpPerspective(gray, homography, (gray.shape[1], gray.shape[0]), flags=cv2.INTER_LINEAR,
                                 borderValue=255)
    return warped, image_to_line_masks(warped, dpi)


def _table_corners(masks: LineMasks, dpi: float, page_area: int) -> np.ndarray | None:
    """Top-left, top-right, bottom-right, bottom-left corners of the largest line network, when its
    outline is a quadrilateral; None otherwise."""
    pad = max(3, int(dpi / 50))
    joined = cv2.dilate(masks.both, cv2.getStructuringElement(cv2.MORPH_RECT, (pad, pad)))
    contours, _ = cv2.findContours(joined, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    outline = max(contours, key=cv2.contourArea)
    hull = cv2.convexHull(outline)
    hull_area = cv2.contourArea(hull)
    if hull_area < MIN_TABLE_SHARE * page_area or cv2.contourArea(outline) < QUAD_FILL * hull_area:
        return None
    quad = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True).reshape(-1, 2).astype(np.float32)
    if len(quad) != 4 or abs(cv2.contourArea(quad) - hull_area) > (1 - QUAD_FILL) * hull_area:
        return None
    total, diff = quad.sum(axis=1), quad[:, 1] - quad[:, 0]
    corners = np.float32([quad[total.argmin()], quad[diff.argmin()], quad[total.argmax()], quad[diff.argmax()]])
    return corners if len({tuple(c) for c in corners}) == 4 else None


def _rectangle(corners: np.ndarray) -> np.ndarray:
    """The axis-parallel rectangle at the top-left corner with the quadrilateral's mean side lengths."""
    tl, tr, br, bl = corners
    width = (np.linalg.norm(tr - tl) + np.linalg.norm(br - bl)) / 2
    height = (np.linalg.norm(bl - tl) + np.linalg.norm(br - tr)) / 2
    return np.float32([tl, tl + [width, 0], tl + [width, height], tl + [0, height]])
