bind = ["127.0.0.1:8000", "unix:/run/app.sock"]  # safe look-alike
