"""Page handlers: one object per request, dispatched by action name."""
from flask import make_response


class BaseHandler:
    def __init__(self, req):
        self.req = req

    def param(self, name, default=""):
        return self.req.args.get(name, default)

    def clean(self, value):
        return value

    def dispatch(self, action):
        handler = getattr(self, "do_" + action, None)
        if handler is None:
            return make_response("unknown action", 404)
        return handler()
