"""kpu-extract: KPU performance and budget reports (PDF) -> typed Parquet datasets."""

__version__ = "0.1.0"
# Bump when a change alters any output: it is part of every cache key.
PIPELINE_VERSION = "0.1.0"
