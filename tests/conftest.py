"""Shared fixtures: corpus paths and a per-session cache of pipeline results."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from kpu_extract.pipeline.process import DocResult, file_digest, process_document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
TRUTH = CORPUS / "truth"


def truth_for(name: str) -> dict:
    return json.loads((TRUTH / f"{name}.json").read_text())


def digital_names() -> list[str]:
    return sorted(p.stem for p in CORPUS.glob("*.pdf") if (TRUTH / f"{p.stem}.json").exists())


@lru_cache(maxsize=None)
def processed(path: str) -> DocResult:
    """Pipeline result for one corpus file, computed once per test session."""
    return process_document(path, file_digest(path))


@pytest.fixture
def corpus_dir() -> Path:
    return CORPUS
