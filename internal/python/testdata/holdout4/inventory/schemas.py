from typing import Literal

from pydantic import BaseModel, Field, HttpUrl


class ItemIn(BaseModel):
    sku: str = Field(max_length=40)
    name: str
    warehouse: str = "main"
    qty: int = 0


class ItemOut(ItemIn):
    id: int

    class Config:
        from_attributes = True


class WebhookIn(BaseModel):
    url: str
    secret_hint: str | None = None


class FormulaIn(BaseModel):
    expression: str


class EventQuery(BaseModel):
    sku: str
    kind: Literal["in", "out", "adjust"] = "in"


class ReportRequest(BaseModel):
    group_by: Literal["warehouse", "supplier_id"] = "warehouse"
    min_qty: int = 0
    callback: HttpUrl | None = None
