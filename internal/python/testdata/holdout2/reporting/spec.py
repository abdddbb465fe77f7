from dataclasses import dataclass, field
from typing import Dict, List


@dataclass
class ReportSpec:
    table: str
    columns: List[str]
    filters: Dict[str, str] = field(default_factory=dict)
    group_by: str = ""


COLUMN_MAP = {
    "region": "c.region",
    "plan": "s.plan",
    "status": "s.status",
    "month": "date_trunc('month', s.started_at)",
}
