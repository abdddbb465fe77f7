import os


def create_app():
    from flask import Flask

    app = Flask(__name__)
    app.config.from_mapping({"DEBUG": os.environ.get("DEBUG") == "1"})  # safe look-alike: from the environment
    return app


class Job:
    def run(self, debug=False):
        return debug


def start(job: Job):
    job.run(debug=True)  # safe: not a web application
