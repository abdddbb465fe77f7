"""Report requests from the back office; the heavy lifting is in services.reports."""
from flask import Blueprint, current_app, request

from .services.reports import ReportJob, ReportService

bp = Blueprint("reports", __name__, url_prefix="/reports")


def get_service() -> ReportService:
    return current_app.extensions.setdefault("reports", ReportService())


@bp.post("/run")
def run_report():
    payload = request.get_json(force=True)
    job = ReportJob(
        name=payload["name"],
        fmt=payload.get("format", "pdf"),
        filters=payload.get("filters", {}),
        owner_id=int(payload.get("owner", 0)),
    )
    svc = get_service()
    if payload.get("legacy"):
        svc.render_legacy(job)
    elif payload.get("quoted"):
        svc.render_quoted(job)
    else:
        svc.render(job)
    svc.archive(job, current_app.config["REPORT_DIR"])
    return {"queued": job.name}
