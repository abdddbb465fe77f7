"""Renders notification bodies with Jinja2."""
from jinja2 import Environment, FileSystemLoader, select_autoescape

TEMPLATE_DIR = "/srv/notify/templates"

raw_env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=False)
html_env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=select_autoescape(["html", "xml"]))
sandbox_text_env = Environment(autoescape=False)


class BannerRenderer:
    def __init__(self, env):
        self.env = env

    def render(self, template_name, **ctx):
        return self.env.get_template(template_name).render(**ctx)


legacy_banner = BannerRenderer(raw_env)
banner = BannerRenderer(html_env)


def render_user_template(source, **ctx):
    return html_env.from_string(source).render(**ctx)  # expect: CWE-1336 template source from the caller (a request)


def render_fixed(**ctx):
    return sandbox_text_env.from_string("Hello {{ name }}, your order {{ order }} has shipped.").render(**ctx)  # safe: CWE-1336, CWE-79 constant template, output returned as JSON
