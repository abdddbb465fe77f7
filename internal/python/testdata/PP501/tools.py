DEBUG = True  # safe: not a settings module, no web framework


def run(job, debug=True):
    return job(debug=debug)
