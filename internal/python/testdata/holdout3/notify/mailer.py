"""Sends digest e-mails."""
import smtplib
from email.message import EmailMessage

from jinja2 import Template

SMTP_HOST = "smtp.internal.example"
BODY = Template("Hi,\n{% for line in lines %}- {{ line }}\n{% endfor %}")


def send_digest(to_addr, subject, lines):
    msg = EmailMessage()
    msg["To"] = to_addr
    msg["From"] = "digest@example.com"
    msg["Subject"] = Template(subject).render(week="this week")  # expect: CWE-1336 subject from the form used as a template
    msg.set_content(BODY.render(lines=lines))  # safe: CWE-1336 constant template
    with smtplib.SMTP(SMTP_HOST, 587) as smtp:
        smtp.starttls()
        smtp.send_message(msg)
