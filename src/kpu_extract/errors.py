"""All errors of kpu-extract. The library raises; only the CLI turns them into exit codes."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    DOCUMENT_FAILED = 1
    BAD_USAGE = 2


class KpuExtractError(Exception):
    """Base error: a one-line message that tells the user what to do."""

    exit_code = ExitCode.DOCUMENT_FAILED

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class UsageError(KpuExtractError):
    """The command line is wrong (no inputs, missing --out, unknown option)."""

    exit_code = ExitCode.BAD_USAGE


class InputNotFound(UsageError):
    """An INPUT path does not exist."""


class NotAPdf(KpuExtractError):
    """The file is not a PDF (empty, HTML, another format)."""


class CorruptPdf(KpuExtractError):
    """The file starts like a PDF but cannot be parsed (truncated or damaged)."""


class EncryptedPdf(KpuExtractError):
    """The PDF needs a password."""


class PageTooLarge(KpuExtractError):
    """A page image exceeds the pixel limit (decompression-bomb guard)."""


class OcrTimeout(KpuExtractError):
    """Tesseract did not finish a page within the per-page time limit."""


class OcrUnavailable(KpuExtractError):
    """Tesseract (with the ind and eng models) is not installed."""
