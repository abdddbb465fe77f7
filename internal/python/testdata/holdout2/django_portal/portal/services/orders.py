import csv
import io
import logging
import subprocess

from django.conf import settings
from django.db import connection

log = logging.getLogger("portal.services.orders")


def to_csv(queryset):
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["reference", "total_cents", "status"])
    for order in queryset:
        writer.writerow([order.reference, order.total_cents, order.status])
    return buf.getvalue()


def archive_customer(customer_ref):
    """Called from the DRF CustomerViewSet.archive action with the URL's customer reference."""
    target = settings.REPORTS_ROOT / "archive"
    subprocess.call(f"/usr/local/bin/portal-archive --customer {customer_ref} --out {target}", shell=True)  # expect: CWE-78 reference from the URL reaches a shell
    log.info("archived customer %r", customer_ref)  # safe: CWE-117 %r


def totals_by_status(statuses):
    placeholders = ", ".join(["%s"] * len(statuses))
    with connection.cursor() as cur:
        cur.execute(f"SELECT status, sum(total_cents) FROM portal_order WHERE status IN ({placeholders}) GROUP BY status", list(statuses))  # safe: CWE-89 only placeholders are formatted in
        return dict(cur.fetchall())
