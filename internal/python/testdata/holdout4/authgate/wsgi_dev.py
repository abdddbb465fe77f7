"""Development server with the interactive debugger, for the docker-compose stack."""
import os

from werkzeug.debug import DebuggedApplication
from werkzeug.serving import run_simple

from .app import create_app
from .config import LocalConfig

app = create_app(LocalConfig)
if os.environ.get("AUTHGATE_PROFILE") == "dev":
    app.wsgi_app = DebuggedApplication(app.wsgi_app, evalex=True)  # expect: CWE-489

if __name__ == "__main__":
    run_simple("0.0.0.0", 5000, app, use_reloader=True)  # expect: CWE-605
