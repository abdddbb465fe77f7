from enum import Enum
from typing import Optional

from pydantic import BaseModel, Field, HttpUrl


class SortField(str, Enum):
    name = "name"
    sku = "sku"
    updated_at = "updated_at"


class ItemFilter(BaseModel):
    category: str
    sort: SortField = SortField.name
    limit: int = Field(50, ge=1, le=500)


class WebhookIn(BaseModel):
    callback_url: HttpUrl
    event: str


class RenderIn(BaseModel):
    template: str
    title: str
    notes: Optional[str] = None


class ScriptIn(BaseModel):
    expression: str
