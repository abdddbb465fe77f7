"""Public status page and incident updates (Flask MethodView)."""
import requests
from flask import Flask, current_app, jsonify, request
from flask.views import MethodView
from markupsafe import escape

app = Flask(__name__)
INCIDENTS = {}
PROBES = {"api": "https://api.example.com/healthz", "web": "https://www.example.com/healthz"}


class IncidentView(MethodView):
    def get(self, incident_id):
        note = request.args.get("note", "")
        return f"<p>Incident {incident_id}: {note}</p>"  # expect: CWE-79 MethodView returns request text as HTML

    def post(self, incident_id):
        body = request.get_json()
        try:
            INCIDENTS[incident_id] = {"state": body["state"], "eta": int(body["eta"])}
        except (KeyError, ValueError) as e:
            return {"error": f"bad update: {e!r}"}, 400  # expect: CWE-209 exception repr in the JSON body
        current_app.logger.warning("incident %s set to %s", incident_id, body["state"])  # expect: CWE-117
        return {"ok": True}


class SafeIncidentView(MethodView):
    def get(self, incident_id):
        note = request.args.get("note", "")
        return f"<p>Incident {incident_id}: {escape(note)}</p>"  # safe: CWE-79 escaped

    def post(self, incident_id):
        body = request.get_json()
        state = body.get("state")
        if state not in ("investigating", "monitoring", "resolved"):
            return {"error": "bad state"}, 400  # safe: CWE-209 fixed message
        current_app.logger.warning("incident %s set to %s", incident_id, state)  # safe: CWE-117 allow-listed state
        return {"ok": True}


app.add_url_rule("/incidents/<int:incident_id>", view_func=IncidentView.as_view("incident"))
app.add_url_rule("/v2/incidents/<int:incident_id>", view_func=SafeIncidentView.as_view("incident_v2"))


@app.route("/probe", methods=["POST"])
def probe():
    target = request.get_json().get("status_url")
    r = requests.get(target, timeout=3)  # expect: CWE-918
    return jsonify(ok=r.ok)


@app.route("/probe/v2", methods=["POST"])
def probe_v2():
    target = PROBES.get(request.get_json().get("component"), PROBES["api"])
    r = requests.get(target, timeout=3)  # safe: CWE-918 constant map
    return jsonify(ok=r.ok)
