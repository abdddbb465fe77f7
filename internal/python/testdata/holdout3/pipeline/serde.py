"""Checkpoint (de)serialisation for resumable jobs."""
import json
import marshal

import jsonpickle


def restore_checkpoint(blob):
    return marshal.loads(blob)  # expect: CWE-502 marshal of the request body


def restore_state(text):
    return jsonpickle.decode(text)  # expect: CWE-502 jsonpickle


def restore_state_v2(text):
    return json.loads(text)  # safe: CWE-502 plain JSON
