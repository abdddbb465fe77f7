"""Runs one ingestion job in the background."""
import logging

from .archive import write_output
from .fetch import fetch_text
from .loader import TableLoader
from .stages import apply_filter, batched, read_rows

log = logging.getLogger("pipeline.runner")


def run_job(spec):
    log.info("starting job for table %s", spec.table)  # expect: CWE-117 table name from the request body, via BackgroundTasks
    log.info("job has %d steps", len(spec.steps))  # safe: CWE-117 integer
    text = fetch_text(spec.source_url)
    rows = list(apply_filter(read_rows(text.splitlines()), spec.filter_expr))
    loader = TableLoader(spec.table)
    for chunk in batched(rows, spec.batch_size):
        loader.insert(chunk)
    write_output(spec.output_name, rows)
