import os
import smtplib
from email.message import EmailMessage

from jinja2 import Environment, FileSystemLoader, select_autoescape

_env = Environment(loader=FileSystemLoader(os.path.join(os.path.dirname(__file__), "mail_templates")), autoescape=select_autoescape(["html"]))  # safe: CWE-79 autoescape on for HTML templates


def send_template(to, name, **context):
    body = _env.get_template(f"{name}.html").render(**context)
    _send(to, context.get("subject", "Billing notice"), body)


def send_custom(to, subject, template_text, **context):
    """Render a customer-supplied footer template (see views/reports.py)."""
    body = _env.from_string(template_text).render(**context)  # expect: CWE-1336 template text comes from the request
    _send(to, subject, body)


def _send(to, subject, body):
    msg = EmailMessage()
    msg["To"] = to
    msg["Subject"] = subject
    msg["From"] = "billing@example.com"
    msg.set_content(body, subtype="html")
    with smtplib.SMTP_SSL(os.environ["SMTP_HOST"], 465) as smtp:
        smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])  # safe: CWE-259 from the environment
        smtp.send_message(msg)
