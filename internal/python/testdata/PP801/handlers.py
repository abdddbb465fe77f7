import pdb
import pdb as debugger
from ipdb import set_trace

import debugpy


def handler(event):
    breakpoint()  # want: PP801
    return event


def handler_pdb(event):
    pdb.set_trace()  # want: PP801
    return event


def handler_inline(event):
    import pudb; pudb.set_trace()  # want: PP801
    return event


def handler_alias(event):
    debugger.set_trace()  # want: PP801
    return event


def handler_ipdb(event):
    set_trace()  # want: PP801
    return event


def handler_remote(event):
    debugpy.breakpoint()  # want: PP801
    return event


def handler_clean(event, tracer):
    tracer.set_trace()  # safe look-alike: a method of some object
    return event


def doc_mentions_breakpoint():
    """Call breakpoint() here when debugging."""  # safe: a string
    # pdb.set_trace()  (safe: a comment)
    return "breakpoint()"  # safe: a string


def handler_dunder(event):
    __import__("pdb").set_trace()  # want: PP801
    return event


def handler_pytest(event):
    import pytest

    pytest.set_trace()  # want: PP801
    return event


def handler_instance(event):
    pdb.Pdb().set_trace()  # want: PP801
    return event


def handler_code(event):
    import code

    code.interact(local=locals())  # want: PP801
    return event
