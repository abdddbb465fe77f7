from functools import lru_cache

from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    database_url: str = "postgresql+psycopg://inventory@localhost/inventory"
    mongo_url: str = "mongodb://localhost:27017"
    jwt_secret: str
    jwt_audience: str = "inventory"
    s3_bucket: str = "inventory-media"
    upload_dir: str = "/srv/inventory/uploads"
    debug: bool = False
    allowed_webhook_hosts: frozenset[str] = frozenset({"hooks.partner.example", "ci.example.com"})

    class Config:
        env_prefix = "INVENTORY_"


@lru_cache
def get_settings() -> Settings:
    return Settings()


settings = get_settings()
