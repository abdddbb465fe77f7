from .app import create_app
from .config import ProductionConfig

app = create_app(ProductionConfig)
app.debug = False  # safe: CWE-489

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8000, debug=False)  # safe: CWE-489, CWE-605
