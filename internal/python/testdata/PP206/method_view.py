"""Flask MethodView: each HTTP verb's method is a view."""
from flask import Flask, request
from flask.views import MethodView
from markupsafe import escape

app = Flask(__name__)


class NoteView(MethodView):
    def get(self, slug):
        note = request.args.get("note", "")
        return f"<p>{slug}: {note}</p>"  # want: PP206

    def post(self, slug):
        return "<h1>" + slug + "</h1>"  # want: PP206


class SafeNoteView(MethodView):
    def get(self, note_id):
        return f"<p>{note_id}: {escape(request.args.get('note', ''))}</p>"  # safe: escaped, note_id is an int

    def helper(self, text):
        return "<b>" + text + "</b>"


app.add_url_rule("/notes/<slug>", view_func=NoteView.as_view("note"))
app.add_url_rule("/safe-notes/<int:note_id>", "safe_note", SafeNoteView.as_view("safe_note"))
