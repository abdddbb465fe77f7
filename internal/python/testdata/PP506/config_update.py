"""Flask settings given through app.config.update(...)."""
from flask import Flask

app = Flask(__name__)
app.config.update(WTF_CSRF_ENABLED=False, SESSION_COOKIE_NAME="shop")  # want: PP506

other = Flask("other")
other.config.update(WTF_CSRF_ENABLED=True, SESSION_COOKIE_NAME="other")  # safe look-alike
