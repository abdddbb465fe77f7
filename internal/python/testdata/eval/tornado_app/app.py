import os

import tornado.ioloop
import tornado.web

from handlers import GoHandler, LoginHandler, RoomHandler, SearchHandler, ToolHandler

ROUTES = [
    (r"/search", SearchHandler),
    (r"/go", GoHandler),
    (r"/rooms/(\d+)", RoomHandler),
    (r"/tool", ToolHandler),
    (r"/login", LoginHandler),
]


def make_app():
    return tornado.web.Application(ROUTES, debug=True, cookie_secret=os.environ["COOKIE_SECRET"])  # expect: CWE-489


def make_prod_app():
    return tornado.web.Application(ROUTES, debug=False, xsrf_cookies=True, cookie_secret=os.environ["COOKIE_SECRET"])  # safe: CWE-489


if __name__ == "__main__":
    make_app().listen(8888, address="0.0.0.0")  # expect: CWE-605
    make_prod_app().listen(8889, address="127.0.0.1")  # safe: CWE-605
    tornado.ioloop.IOLoop.current().start()
