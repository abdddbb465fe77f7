"""URL routes of the HR portal."""
from flask import Flask, request

from .decorators import audited, audited_v2, json_errors, json_errors_v2
from .handlers import EmployeeCardHandler, ExportHandler, ReportHandler
from .uploads import bp as uploads_bp

app = Flask(__name__)
app.register_blueprint(uploads_bp, url_prefix="/uploads")


@app.route("/reports")
@audited
@json_errors
def reports():
    return ReportHandler(request).dispatch(request.args.get("action", "title"))


@app.route("/employees/card")
@audited_v2
@json_errors_v2
def employee_card():
    return EmployeeCardHandler(request).dispatch("card")


@app.route("/exports")
@audited_v2
def exports():
    handler = ExportHandler(request)
    return handler.dispatch("download_v2" if request.args.get("strict") else "download")
