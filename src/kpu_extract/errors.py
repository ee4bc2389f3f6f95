"""All errors of kpu-extract. The library raises; only the CLI turns them into exit codes."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    DOCUMENT_FAILED = 1
    BAD_USAGE = 2
    OUTPUT_ERROR = 3  # the output folder cannot be written (permissions, full disk) or another run holds it
    MISSING_PROGRAM = 4  # a required system program (tesseract) is not installed


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


class NotAnOutputFolder(UsageError):
    """`kpu-extract report DIR`: DIR holds no datasets written by `kpu-extract run`."""


class NotAPdf(KpuExtractError):
    """The file is not a PDF (empty, HTML, another format)."""


class CorruptPdf(KpuExtractError):
    """The file starts like a PDF but cannot be parsed (truncated or damaged)."""


class EncryptedPdf(KpuExtractError):
    """The PDF needs a password."""


class PageUnreadable(KpuExtractError):
    """One page cannot be read; the page gets a warning and the rest of the document goes on.

    The message names the cause and the remedy, not the page: the reader adds `page N:`.
    """


class PageTooLarge(PageUnreadable):
    """A page image exceeds the pixel limit (decompression-bomb guard)."""


class OcrTimeout(PageUnreadable):
    """Tesseract did not finish a page within the per-page time limit (KPU_EXTRACT_OCR_TIMEOUT)."""


class OcrUnavailable(KpuExtractError):
    """Tesseract (with the ind and eng models) is not installed."""

    exit_code = ExitCode.MISSING_PROGRAM


class OutputError(KpuExtractError):
    """The output folder cannot be written, or another run is writing it."""

    exit_code = ExitCode.OUTPUT_ERROR
