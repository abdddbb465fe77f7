import shlex
import subprocess

from celery import shared_task

PRESETS = {"a4": "A4", "letter": "Letter"}


@shared_task
def render_invoice(order_id, template_path):
    out = f"/srv/invoices/{int(order_id)}.pdf"
    subprocess.run(["wkhtmltopdf", template_path, out], check=True)  # safe: CWE-78 argument vector


@shared_task
def render_invoice_sized(order_id, size):
    page = PRESETS.get(size, "A4")
    subprocess.run(f"wkhtmltopdf --page-size {page} /srv/tpl/invoice.html /srv/invoices/{int(order_id)}.pdf", shell=True, check=True)  # safe: CWE-78 constant map and int()


@shared_task
def compress_month(month):
    subprocess.run(f"tar czf /srv/archive/invoices-{month}.tgz /srv/invoices/{month}", shell=True, check=True)  # expect: CWE-78


@shared_task
def compress_month_quoted(month):
    q = shlex.quote(month)
    subprocess.run(f"tar czf /srv/archive/invoices-{q}.tgz /srv/invoices/{q}", shell=True, check=True)  # safe: CWE-78 shlex.quote
