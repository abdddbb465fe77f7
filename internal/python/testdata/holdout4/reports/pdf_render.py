"""HTML-to-PDF rendering for invoices and statements."""
import os
import subprocess
import tempfile

WKHTMLTOPDF = "/usr/local/bin/wkhtmltopdf"


class PdfRenderer:
    def __init__(self, page_size="A4", margin_mm=12):
        self.page_size = page_size
        self.margin = int(margin_mm)

    def _cmd(self, src, dst):
        return f"{WKHTMLTOPDF} --page-size {self.page_size} -T {self.margin} {src} {dst}"

    def render(self, html_text, out_path):
        with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False) as fh:  # safe: CWE-377
            fh.write(html_text)
        try:
            subprocess.run(self._cmd(fh.name, out_path), shell=True, check=True)  # expect: CWE-78
        finally:
            os.unlink(fh.name)

    def render_v2(self, html_text, out_path):
        with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False) as fh:
            fh.write(html_text)
        try:
            subprocess.run([WKHTMLTOPDF, "--page-size", self.page_size, "-T", str(self.margin), fh.name, out_path], check=True)  # safe: CWE-78 argument vector
        finally:
            os.unlink(fh.name)
