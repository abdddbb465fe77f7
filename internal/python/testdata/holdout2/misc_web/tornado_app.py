import logging
import os
import sqlite3

import bcrypt

import tornado.escape
import tornado.ioloop
import tornado.template
import tornado.web

log = logging.getLogger("tornado-wiki")
DB_PATH = os.environ.get("WIKI_DB", "/var/lib/wiki/wiki.db")


class BaseHandler(tornado.web.RequestHandler):
    def db(self):
        return sqlite3.connect(DB_PATH)

    def authenticate(self, user, candidate):
        row = self.db().execute("SELECT id, pw_hash FROM accounts WHERE name = ?", (user,)).fetchone()  # safe: CWE-89 placeholder
        if row and bcrypt.checkpw(candidate.encode(), row[1]):
            return row[0]
        return None


class PageHandler(BaseHandler):
    def get(self, slug):
        row = self.db().execute("SELECT title, body FROM pages WHERE slug = ?", (slug,)).fetchone()  # safe: CWE-89 placeholder
        if row is None:
            raise tornado.web.HTTPError(404)
        self.render("page.html", title=row[0], body=row[1])


class HistoryHandler(BaseHandler):
    def get(self):
        author = self.get_argument("author")
        rows = self.db().execute("SELECT slug, ts FROM history WHERE author = '%s' ORDER BY ts DESC" % author).fetchall()  # expect: CWE-89 argument formatted in
        self.write({"rows": rows})


class PreviewHandler(BaseHandler):
    def post(self):
        source = self.get_body_argument("source")
        tmpl = tornado.template.Template(source)  # expect: CWE-1336 page source compiled as a template
        self.write({"html": tmpl.generate(user=self.current_user).decode()})


class SearchHandler(BaseHandler):
    def get(self):
        q = self.get_argument("q", "")
        self.write("<h1>Results for " + q + "</h1>")  # expect: CWE-79 query echoed as HTML


class SearchHandlerV2(BaseHandler):
    def get(self):
        q = self.get_argument("q", "")
        self.write("<h1>Results for " + tornado.escape.xhtml_escape(q) + "</h1>")  # safe: CWE-79 xhtml_escape


class LoginHandler(BaseHandler):
    def post(self):
        user = self.get_body_argument("user")
        log.warning("login attempt user=%s", user)  # expect: CWE-117 body argument logged raw
        account_id = self.authenticate(user, self.get_body_argument("password"))
        if account_id is None:
            raise tornado.web.HTTPError(403)
        self.set_secure_cookie("uid", str(account_id), httponly=True, secure=True)  # safe: CWE-614, CWE-1004 flags set on a signed cookie
        self.redirect(self.get_argument("next", "/"))  # expect: CWE-601 next parameter followed


def make_app():
    return tornado.web.Application(
        [
            (r"/wiki/([a-z0-9-]+)", PageHandler),
            (r"/history", HistoryHandler),
            (r"/preview", PreviewHandler),
            (r"/search", SearchHandler),
            (r"/search2", SearchHandlerV2),
            (r"/login", LoginHandler),
        ],
        cookie_secret=os.environ["WIKI_COOKIE_SECRET"],  # safe: CWE-798 from the environment
        xsrf_cookies=True,
    )


if __name__ == "__main__":
    make_app().listen(8888, address="127.0.0.1")  # safe: CWE-605 loopback
    tornado.ioloop.IOLoop.current().start()
