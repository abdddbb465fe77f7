from project.factory import create_app

app = create_app()
app.config.update(DEBUG=True)  # want: PP501
app.config.update(SECRET_KEY="x", TESTING=False)  # safe: no debug

if __name__ == "__main__":
    app.run(debug=True)  # want: PP501
