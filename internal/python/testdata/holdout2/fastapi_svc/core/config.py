import os
from functools import lru_cache

from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    database_url: str = "postgresql://inventory@localhost/inventory"
    jwt_secret: str = os.environ.get("INVENTORY_JWT_SECRET", "")  # safe: CWE-798 from the environment
    storage_root: str = "/var/lib/inventory/files"
    webhook_timeout: float = 5.0
    allowed_origins: list[str] = ["https://inventory.example.com"]


@lru_cache
def get_settings() -> Settings:
    return Settings()
