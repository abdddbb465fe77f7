from typing import List, Literal

from pydantic import BaseModel


class JobSpec(BaseModel):
    source_url: str
    table: str
    steps: List[str] = []
    output_name: str = "out.csv"
    filter_expr: str = ""
    compression: Literal["gz", "bz2", "none"] = "none"
    batch_size: int = 500
