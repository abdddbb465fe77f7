import logging
import traceback

from django.http import JsonResponse
from flask import Flask, jsonify

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.route("/export")
def export():
    try:
        return run_export()
    except Exception as e:
        return jsonify(error=str(e)), 500  # want: PP217


@app.route("/export2")
def export2():
    try:
        return run_export()
    except Exception:
        return traceback.format_exc(), 500  # want: PP217


@app.route("/export3")
def export3():
    try:
        return run_export()
    except Exception as e:
        log.exception("export failed: %s", e)  # safe: logged on the server
        return jsonify(error="internal error"), 500  # safe: a generic message


def django_view(request):
    try:
        return JsonResponse({"ok": run_export()})
    except ValueError as exc:
        return JsonResponse({"error": repr(exc)}, status=400)  # want: PP217


def run_export():
    return "done"
