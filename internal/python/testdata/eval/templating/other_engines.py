"""Template previews in the Tornado-based marketing tool."""
import string

import tornado.template
import tornado.web
from mako.template import Template as MakoTemplate


class PreviewHandler(tornado.web.RequestHandler):
    def post(self):
        source = self.get_body_argument("source")
        self.finish(tornado.template.Template(source).generate(name="Ada"))  # expect: CWE-1336


class MakoPreviewHandler(tornado.web.RequestHandler):
    def post(self):
        source = self.get_body_argument("source")
        html = MakoTemplate(text=source).render(name="Ada")  # expect: CWE-1336
        self.finish({"html": html})


class SubjectHandler(tornado.web.RequestHandler):
    def post(self):
        # string.Template only substitutes $names; it evaluates nothing.
        subject = string.Template(self.get_body_argument("subject")).safe_substitute(name="Ada")  # safe: CWE-1336
        self.finish({"subject": subject})


class FixedPreviewHandler(tornado.web.RequestHandler):
    def get(self):
        t = tornado.template.Template("<p>Hello {{ name }}</p>")  # safe: CWE-1336 constant template
        self.finish(t.generate(name=self.get_argument("name", "")))  # safe: CWE-79 tornado templates escape by default
