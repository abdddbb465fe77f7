"""Entry point for gunicorn and for `python -m flask_shop.wsgi` on a laptop."""
import os

from flask_shop import create_app

app = create_app()

if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "5000")), debug=True)  # expect: CWE-605, CWE-489
