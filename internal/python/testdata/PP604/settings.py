import os

SECRET_KEY = "django-insecure-9x!k2v@pq7"  # want: PP604
JWT_SECRET = os.environ["JWT_SECRET"]  # safe: from the environment


def client():
    import stripe_like
    return stripe_like.Client(api_key="live-key-3f9a0c21")  # want: PP604


def client_env():
    import stripe_like
    return stripe_like.Client(api_key=os.environ.get("API_KEY"))  # safe


def client_placeholder():
    import stripe_like
    return stripe_like.Client(api_key="<your-api-key>")  # safe: placeholder
