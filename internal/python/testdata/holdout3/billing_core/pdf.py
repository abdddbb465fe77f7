"""PDF rendering through wkhtmltopdf and pdftk."""
import functools
import shlex
import subprocess

_shell = functools.partial(subprocess.run, shell=True, check=True)
PDF_ROOT = "/srv/billing/pdf"


def render_invoice_pdf(invoice_id, watermark):
    out = f"{PDF_ROOT}/{int(invoice_id)}.pdf"
    _shell(f"wkhtmltopdf --title {shlex.quote(watermark)} http://127.0.0.1:8000/invoices/{int(invoice_id)}/print {out}")  # safe: CWE-78 quoted, integer id
    _shell("pdftk " + out + " stamp /srv/billing/stamps/" + watermark + ".pdf output " + out + ".stamped")  # expect: CWE-78 partial(subprocess.run, shell=True) with the watermark
    return out


def merge(invoice_ids):
    files = " ".join(f"{PDF_ROOT}/{int(i)}.pdf" for i in invoice_ids)
    _shell(f"pdftk {files} cat output {PDF_ROOT}/merged.pdf")  # safe: CWE-78 only integers reach the command
