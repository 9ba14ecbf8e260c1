"""Batches: one document per workbook row or group, rendered in worker processes.

``run`` plans and drives a batch, ``spec`` says what to render, ``worker`` renders in the
pool, ``output`` writes a folder or a streamed ZIP, ``error_report`` writes ошибки.xlsx.
"""

from __future__ import annotations

from docgen.engine.batch.output import BatchOutput
from docgen.engine.batch.run import (
    BatchItem,
    BatchJob,
    BatchResult,
    format_batch_result,
    group_records,
    prepare_batch,
    run_batch,
    worker_count,
)
from docgen.engine.batch.spec import BatchSpec, builtin_spec, user_spec

__all__ = [
    "BatchItem",
    "BatchJob",
    "BatchOutput",
    "BatchResult",
    "BatchSpec",
    "builtin_spec",
    "format_batch_result",
    "group_records",
    "prepare_batch",
    "run_batch",
    "user_spec",
    "worker_count",
]
