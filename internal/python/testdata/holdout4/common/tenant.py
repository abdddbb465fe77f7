"""Per-tenant settings reached from several services."""
import logging
import os

log = logging.getLogger(__name__)

DEFAULT_TENANT = {"name": "default", "region": "eu", "plan": "standard"}
REDIS_PASSWORD = os.environ.get("REDIS_PASSWORD", "")  # safe: CWE-259 environment
ADMIN_PASSWORD = "changeme"  # safe: CWE-259 placeholder
BOOTSTRAP_PASSWORD = "letmeinplease"  # expect: CWE-259


class TenantConfig:
    def __init__(self, name, region="eu"):
        self.name = name
        self.region = region
        self._db_password = os.environ.get(f"TENANT_{name.upper()}_DB_PASSWORD", "")

    @property
    def dsn(self):
        return f"postgresql://tenant_{self.name}@db.internal/{self.name}"

    def describe(self):
        log.info("tenant %s in %s", self.name, self.region)  # safe: CWE-532 no secret
        log.debug("tenant %s db password %s", self.name, self._db_password)  # expect: CWE-532
