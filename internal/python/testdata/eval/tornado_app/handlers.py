"""Tornado handlers of the chat backend."""
import subprocess

import tornado.escape
import tornado.web


class SearchHandler(tornado.web.RequestHandler):
    def get(self):
        q = self.get_argument("q")
        self.write(f"<p>Results for {q}</p>")  # expect: CWE-79


class SafeSearchHandler(tornado.web.RequestHandler):
    def get(self):
        q = self.get_argument("q")
        self.write("<p>Results for " + tornado.escape.xhtml_escape(q) + "</p>")  # safe: CWE-79 escaped


class JsonSearchHandler(tornado.web.RequestHandler):
    def get(self):
        self.write({"q": self.get_argument("q")})  # safe: CWE-79 dict is written as JSON


class GoHandler(tornado.web.RequestHandler):
    def get(self):
        self.redirect(self.get_argument("next", "/"))  # expect: CWE-601


class RoomHandler(tornado.web.RequestHandler):
    def get(self, room_id):
        self.redirect("/rooms/%d" % int(room_id))  # safe: CWE-601 local path with int


class ToolHandler(tornado.web.RequestHandler):
    def post(self):
        cmd = self.get_body_argument("cmd")
        subprocess.Popen(cmd, shell=True)  # expect: CWE-78


class LoginHandler(tornado.web.RequestHandler):
    def post(self):
        sid = self.application.sessions.create(self.get_body_argument("user"))
        self.set_cookie("sid", sid)  # expect: CWE-614, CWE-1004
        self.set_cookie("sid_v2", sid, secure=True, httponly=True)  # safe: CWE-614, CWE-1004
