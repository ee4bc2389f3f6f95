"""PP-OCRv6 (PaddleOCR's detector and recognizer, ONNX through `rapidocr`) as an OCR engine.

The second, independent reading of every amount: a CTC line recognizer that makes different
mistakes than Tesseract's LSTM. The models ship inside the rapidocr wheel (`rapidocr/models/`);
the engine loads them by path, so rapidocr never reaches its download code (checked with the
network unshared), and the recognizer's alphabet is read from the ONNX metadata, not a file.

Crops are cut to their ink, line by line, before recognition: PP-OCR's recognizer scales each
image to a height of 48 px, so a whole cell crop with its white space shrank the digits. Measured
on the 248 money/percent cells of the normal-300 and hard-200 corpus scans: whole cell crops read
198 exactly, crops cut to their ink 244, cut line by line 246 (a cell holding 'Rp.' over the
amount reads only line by line). Paper margins of 0.1 or 0.5 line heights instead of 0.25,
upscaling, resizing to 48 px or sharpening read no more, and each dropped the leading digit of
one amount ('84.204.000' -> '4.204.000').
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np

from kpu_extract.errors import OcrUnavailable
from kpu_extract.extract.engines.base import CropText
from kpu_extract.extract.model import Word

DET_MODEL = "PP-OCRv6_det_small.onnx"
REC_MODEL = "PP-OCRv6_rec_small.onnx"
THREADS = 1  # pages run in parallel worker processes; more ONNX threads only fight them
# onnxruntime's CPU memory arena (off in rapidocr) read the 106 bench crops 10% slower, not faster.
# Lines per recognizer run, measured in CPU-ms per crop on the corpus cells: 1 and 6 alike
# (13-14), 16 and 32 slower (17-21): a batch is padded to its widest line.
REC_BATCH = 6
# Narrowest input of the recognizer. rapidocr pads every line to 320 px (6.7x its height); most
# amount lines are 2-4x as wide as high. On the 222 hard-200 crops: 320 px read 214 exactly at
# 21 CPU-ms per crop, 160 px 216 at 14 ms, 64 px 215 at 12 ms (batch 1..32 alike).
REC_MIN_WIDTH = 160
MIN_SCORE = 0.5  # page words below this recognition score are dropped (rapidocr's default)
# Pages are scaled to this longest side before detection (rapidocr's default). An A4 300-dpi
# page at its own 3509 px cost 12.0 CPU-s instead of 4.6 for the same words (147 vs 148);
# Tesseract psm 11 took 1.0 s on it. PP-OCR is the crop reader, not a page reader.
MAX_SIDE = 2000
INK_DROP = 60  # a pixel this much darker than the crop's paper tone is ink
MIN_LINE_INCH = 0.04  # ink rows shorter than this are specks or leftover rule, not text
LINE_MARGIN = 0.25  # margin beside a line's ink (the crop's own pixels, then paper), share of its height


class PaddleOcrEngine:
    """PP-OCRv6 small detector + recognizer on onnxruntime, loaded once per instance."""

    name = "ppocr"

    def __init__(self, *, threads: int = THREADS, rec_batch: int = REC_BATCH,
                 rec_min_width: int = REC_MIN_WIDTH, min_score: float = MIN_SCORE,
                 max_side: int = MAX_SIDE) -> None:
        if threads < 1 or rec_batch < 1 or rec_min_width < 1:
            raise ValueError(f"threads, rec_batch and rec_min_width must be >= 1, got "
                             f"{threads}, {rec_batch}, {rec_min_width}")
        if not 0 <= min_score <= 1:
            raise ValueError(f"min_score must be within 0..1, got {min_score}")
        try:  # imported here: paid only by workers that OCR
            import onnxruntime
            import rapidocr
        except ImportError as exc:
            raise OcrUnavailable("the PP-OCR engine needs rapidocr and onnxruntime; "
                                 "pip install -r requirements.txt") from exc
        models = Path(rapidocr.__file__).parent / "models"
        self.model_paths = (models / DET_MODEL, models / REC_MODEL)
        missing = [p.name for p in self.model_paths if not p.is_file()]
        if missing:
            raise OcrUnavailable(f"rapidocr lacks its packaged models {missing}; reinstall rapidocr==3.10.0")
        self._params = {
            "Global.use_cls": False,  # pages are deskewed; no upside-down lines to classify
            "Global.log_level": "error",
            "Global.text_score": min_score,
            "Global.max_side_len": max_side,
            "Det.model_path": str(self.model_paths[0]),
            "Rec.model_path": str(self.model_paths[1]),
            "Rec.rec_batch_num": rec_batch,
            "Rec.rec_img_shape": [3, 48, rec_min_width],
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        }
        self._ocr = None  # rapidocr's detector + recognizer pipeline, built by the first page_words
        self._rec = Recognizer(onnxruntime, self.model_paths[1], threads=threads, batch=rec_batch,
                               min_width=rec_min_width)

    def page_words(self, image: np.ndarray, dpi: float) -> list[Word]:
        """Words of a cleaned gray page (detection + recognition), boxes in PDF points, conf 0-100."""
        if self._ocr is None:
            from rapidocr import RapidOCR

            self._ocr = RapidOCR(params=self._params)
        result = self._ocr(_bgr(image), return_word_box=True)
        if result.txts is None:
            return []
        scale = 72.0 / dpi
        words = []
        for line in result.word_results:
            for text, score, quad in line:
                text = text.strip()
                if not text:
                    continue
                xs, ys = [p[0] for p in quad], [p[1] for p in quad]
                words.append(Word(text=text, x0=min(xs) * scale, top=min(ys) * scale, x1=max(xs) * scale,
                                  bottom=max(ys) * scale, conf=round(100.0 * float(score), 1)))
        return words

    def read_crops(self, crops: Sequence[np.ndarray], dpi: float, charset: str | None = None) -> list[CropText]:
        """Recognition only: every text line of every crop in one batched recognizer call.

        A crop's text is its lines joined by newlines; its confidence is that of its weakest
        line (0 when the crop holds no ink). `charset` drops characters outside it.
        """
        lines = [crop_to_lines(c, dpi) for c in crops]
        flat = [_bgr(line) for crop_lines in lines for line in crop_lines]
        if not flat:
            return [CropText("", 0.0) for _ in crops]
        readings = iter(self._rec(flat))
        out = []
        for crop_lines in lines:
            read = [next(readings) for _ in crop_lines]
            texts = [_keep(t, charset).strip() for t, _ in read]
            kept = [(t, s) for t, (_, s) in zip(texts, read) if t]
            if not kept:
                out.append(CropText("", 0.0))
                continue
            out.append(CropText("\n".join(t for t, _ in kept), round(100.0 * min(s for _, s in kept), 1)))
        return out


class Recognizer:
    """PP-OCR's line recognizer alone: rapidocr's own preprocessing and CTC decoding, on one ONNX session.

    rapidocr's `TextRecognizer` reads the same way but its import parses rapidocr's model YAML
    with OmegaConf twice and pulls in its download code (requests): 0.75-1.5 CPU-s per worker
    process, against 0.2 for this session. `tests/test_engine_ppocr.py` checks that both read
    every corpus crop to the same text and score.
    """

    HEIGHT = 48

    def __init__(self, onnxruntime, model: Path, *, threads: int, batch: int, min_width: int) -> None:
        options = onnxruntime.SessionOptions()  # as rapidocr's OrtInferSession sets them
        options.log_severity_level = 4
        options.enable_cpu_mem_arena = False
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(str(model), sess_options=options,
                                                     providers=["CPUExecutionProvider"])
        self._input = self._session.get_inputs()[0].name
        characters = self._session.get_modelmeta().custom_metadata_map["character"].splitlines()
        self._characters = ["blank", *characters, " "]  # CTC blank first, space last (rapidocr's order)
        self._batch = batch
        self._min_ratio = min_width / self.HEIGHT

    def __call__(self, lines: Sequence[np.ndarray]) -> list[tuple[str, float]]:
        """(text, mean character probability 0-1) of each BGR line image, in order."""
        order = np.argsort(np.array([line.shape[1] / float(line.shape[0]) for line in lines]))
        out: list[tuple[str, float]] = [("", 0.0)] * len(lines)
        for start in range(0, len(lines), self._batch):
            chunk = order[start:start + self._batch]
            ratio = max([self._min_ratio, *(lines[i].shape[1] / lines[i].shape[0] for i in chunk)])
            batch = np.stack([self._normalised(lines[i], ratio) for i in chunk])
            preds = self._session.run(None, {self._input: batch})[0]
            for i, indices, probs in zip(chunk, preds.argmax(axis=2), preds.max(axis=2)):
                out[i] = self._decoded(indices, probs)
        return out

    def _normalised(self, line: np.ndarray, ratio: float) -> np.ndarray:
        width = int(self.HEIGHT * ratio)
        resized_w = min(width, math.ceil(self.HEIGHT * line.shape[1] / float(line.shape[0])))
        resized = cv2.resize(line, (resized_w, self.HEIGHT)).astype("float32").transpose((2, 0, 1)) / 255
        padded = np.zeros((3, self.HEIGHT, width), dtype=np.float32)
        padded[:, :, :resized_w] = (resized - 0.5) / 0.5
        return padded

    def _decoded(self, indices: np.ndarray, probs: np.ndarray) -> tuple[str, float]:
        keep = np.ones(len(indices), dtype=bool)
        keep[1:] = indices[1:] != indices[:-1]
        keep &= indices != 0
        confs = [round(c, 5) for c in probs[keep].tolist()] or [0]
        return "".join(self._characters[i] for i in indices[keep]), float(np.mean(confs).round(5))


def crop_to_lines(crop: np.ndarray, dpi: float) -> list[np.ndarray]:
    """The text lines of a gray crop, each cut to its ink with a margin, top to bottom.

    The margin beside the ink is the crop's own pixels, not paper: the faint left stroke of a
    first digit lies below the ink threshold, and cutting at the threshold cut the digit in half
    (a blurred 200-dpi '39.295.000' read '9.295.000'). Measured on the 689 amount and percent
    cells of the tuned layout and corpus scans: second readings in the truth 554 -> 567.
    """
    if crop.size == 0:
        return []
    paper = int(np.median(crop))
    ink = (crop < paper - INK_DROP).astype(np.uint8)
    ink = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))  # scanner speckle
    lines = []
    width = crop.shape[1]
    for y0, y1 in _runs(ink.any(axis=1)):
        if y1 - y0 < MIN_LINE_INCH * dpi:
            continue
        cols = np.flatnonzero(ink[y0:y1].any(axis=0))
        margin = int(LINE_MARGIN * (y1 - y0)) + 1
        x0, x1 = max(0, cols[0] - margin), min(width, cols[-1] + 1 + margin)
        line = crop[y0:y1, x0:x1]
        lines.append(cv2.copyMakeBorder(line, margin, margin, margin - (cols[0] - x0),
                                        margin - (x1 - cols[-1] - 1), cv2.BORDER_CONSTANT, value=paper))
    return lines


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of each run of True in a 1-D mask."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], mask.astype(np.int8), [0]))))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist()))


def _bgr(gray: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR) if gray.ndim == 2 else gray


# No confusion mapping: all 5 inexact reads of the 222 hard-200 fixture crops swap a decimal
# comma and a dot ('87,5%' -> '87.5%', '1.000.000' -> '1,000.000'), which cannot be undone
# without knowing the table's convention (dot-decimal scans exist).
def _keep(text: str, charset: str | None) -> str:
    return text if charset is None else "".join(ch for ch in text if ch in charset or ch.isspace())
