"""The review report: the datasets of an output folder and their source PDFs -> static HTML."""

from .build import ReportSettings, ReportSummary, build_report

__all__ = ["ReportSettings", "ReportSummary", "build_report"]
