"""Tornado front end for the status dashboard."""
import os
import re
import subprocess

import tornado.template
import tornado.web
from tornado.escape import xhtml_escape

EXPORTS = "/srv/dashboard/exports"
HOST_RE = re.compile(r"[A-Za-z0-9.-]{1,253}")


class ProfileHandler(tornado.web.RequestHandler):
    def get(self, username):
        bio = self.get_argument("bio", "")
        self.write(f"<h2>{xhtml_escape(username)}</h2><p>{bio}</p>")  # expect: CWE-79 bio is not escaped


class ProfileTemplateHandler(tornado.web.RequestHandler):
    def get(self, username):
        self.render("profile.html", username=username, bio=self.get_argument("bio", ""))  # safe: CWE-79 autoescaped template file


class ProfileEscapedHandler(tornado.web.RequestHandler):
    def get(self, username):
        self.write("<h2>%s</h2>" % xhtml_escape(username))  # safe: CWE-79 xhtml_escape


class ExportHandler(tornado.web.RequestHandler):
    def get(self):
        name = self.get_query_argument("name")
        with open(os.path.join(EXPORTS, name)) as fh:  # expect: CWE-22
            self.set_header("Content-Type", "text/csv")
            self.write(fh.read())


class LayoutHandler(tornado.web.RequestHandler):
    def post(self):
        tpl = tornado.template.Template(self.get_body_argument("layout"))  # expect: CWE-1336
        self.write({"html": tpl.generate(user=self.current_user).decode()})


class LayoutPresetHandler(tornado.web.RequestHandler):
    PRESETS = {"compact": "<ul>{% for w in widgets %}<li>{{ w }}</li>{% end %}</ul>"}

    def post(self):
        preset = self.PRESETS.get(self.get_body_argument("preset"), "<p>{{ widgets }}</p>")
        tpl = tornado.template.Template(preset)  # safe: CWE-1336 template chosen from constants
        self.write({"html": tpl.generate(widgets=self.get_body_arguments("widget")).decode()})


class RedirectHandler(tornado.web.RequestHandler):
    def get(self):
        self.redirect(self.get_argument("next", "/"))  # expect: CWE-601


class PingHandler(tornado.web.RequestHandler):
    def get(self):
        host = self.get_argument("host")
        out = subprocess.check_output("ping -c 1 " + host, shell=True)  # expect: CWE-78
        self.write({"out": out.decode()})


class PingValidatedHandler(tornado.web.RequestHandler):
    def get(self):
        host = self.get_argument("host")
        if not HOST_RE.fullmatch(host):
            raise tornado.web.HTTPError(400)
        out = subprocess.check_output("ping -c 1 " + host, shell=True)  # safe: CWE-78 validated by fullmatch
        self.write({"out": out.decode()})


def make_app():
    return tornado.web.Application(
        [
            (r"/u/([^/]+)", ProfileHandler),
            (r"/u2/([^/]+)", ProfileTemplateHandler),
            (r"/u3/([^/]+)", ProfileEscapedHandler),
            (r"/export", ExportHandler),
            (r"/layout", LayoutHandler),
            (r"/layout/preset", LayoutPresetHandler),
            (r"/go", RedirectHandler),
            (r"/ping", PingHandler),
            (r"/ping/v2", PingValidatedHandler),
        ],
        template_path=os.path.join(os.path.dirname(__file__), "templates"),
        cookie_secret=os.environ["DASHBOARD_COOKIE_SECRET"],
        xsrf_cookies=True,
    )


def make_debug_app():
    return tornado.web.Application([(r"/ping", PingHandler)], debug=True)  # expect: CWE-489
