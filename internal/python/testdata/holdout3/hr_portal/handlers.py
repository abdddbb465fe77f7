"""Concrete handlers for the HR portal pages."""
import os

from flask import make_response, send_file
from markupsafe import escape
from werkzeug.utils import secure_filename

from .base import BaseHandler

EXPORTS = "/srv/hr/exports"


class EmployeeCardHandler(BaseHandler):
    def clean(self, value):
        return escape(value)

    def do_card(self):
        name = self.clean(self.param("name"))
        return make_response(f"<div class='card'>{name}</div>")  # safe: CWE-79 overridden clean() escapes


class ReportHandler(BaseHandler):
    def do_title(self):
        title = self.clean(self.param("title"))
        return make_response(f"<h2>{title}</h2>")  # expect: CWE-79 inherited clean() returns the value unchanged

    def do_count(self):
        count = int(self.param("count", "0"))
        return make_response(f"<p>{count} reports</p>")  # safe: CWE-79 integer


class ExportHandler(BaseHandler):
    @property
    def export_path(self):
        return os.path.join(EXPORTS, self.param("file"))

    @property
    def safe_export_path(self):
        return os.path.join(EXPORTS, secure_filename(self.param("file")))

    def do_download(self):
        return send_file(self.export_path, as_attachment=True)  # expect: CWE-22 property joins the request parameter

    def do_download_v2(self):
        return send_file(self.safe_export_path, as_attachment=True)  # safe: CWE-22 secure_filename in the property
