"""Sales exports written to the shared reports volume."""
import csv
import os
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import text

REPORT_ROOT = os.environ.get("REPORT_ROOT", "/srv/reports")


@dataclass
class ExportJob:
    region: str
    year: int
    columns: tuple = ("day", "region", "total")


def export_region(engine, job: ExportJob):
    df = pd.read_sql(text("SELECT day, region, total FROM sales WHERE region = :r AND year = :y"), engine, params={"r": job.region, "y": job.year})  # safe: CWE-89 bound
    path = os.path.join(REPORT_ROOT, f"sales-{int(job.year)}.csv")
    df.to_csv(path, index=False)
    return path


def export_region_raw(engine, job: ExportJob):
    query = "SELECT %s FROM sales WHERE region = '%s'" % (", ".join(job.columns), job.region)
    return pd.read_sql(query, engine)  # expect: CWE-89


def write_rows(rows, name):
    path = os.path.join(REPORT_ROOT, os.path.basename(name))
    with open(path, "w", newline="") as fh:  # safe: CWE-22, CWE-377 basename under a configured root
        csv.writer(fh).writerows(rows)
    return path
