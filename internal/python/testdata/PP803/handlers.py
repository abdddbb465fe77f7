import json


def parse(text):
    try:
        return int(text)
    except:  # want: PP803
        return 0


def parse_specific(text):
    try:
        return int(text)
    except ValueError:  # safe look-alike
        return 0


def parse_many(text):
    try:
        return json.loads(text)
    except (ValueError, TypeError):  # safe look-alike
        return None


def parse_broad(text):
    try:
        return json.loads(text)
    except Exception as exc:  # safe: not bare (PP804 judges swallowing)
        raise RuntimeError("bad json") from exc


def nested(text):
    try:
        try:
            return int(text)
        except ValueError:
            return float(text)
    except:  # want: PP803
        raise


def group(tasks):
    try:
        run(tasks)
    except* OSError:  # safe: except* needs a type
        pass


def run(tasks):
    return tasks
