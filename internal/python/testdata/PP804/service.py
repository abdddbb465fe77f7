import contextlib
import logging

log = logging.getLogger(__name__)


def save(record):
    try:
        record.save()
    except Exception:  # want: PP804
        pass


def save_logged(record):
    try:
        record.save()
    except Exception:  # safe look-alike: logged
        log.exception("could not save %s", record)


def save_bare(record):
    try:
        record.save()
    except:  # want: PP804
        ...


def save_many(records):
    for r in records:
        try:
            r.save()
        except BaseException:  # want: PP804
            continue


def remove(path):
    import os

    try:
        os.remove(path)
    except FileNotFoundError:  # safe: a specific exception may be ignored
        pass


def remove_suppress(path):
    import os

    with contextlib.suppress(FileNotFoundError):  # safe look-alike
        os.remove(path)


def comment_only(record):
    try:
        record.save()
    except Exception:  # want: PP804
        # nothing to do
        pass


def reraise(record):
    try:
        record.save()
    except Exception:  # safe: re-raised
        raise


def save_tuple(record):
    try:
        record.save()
    except (OSError, Exception):  # want: PP804
        pass


def save_parenthesised(record):
    try:
        record.save()
    except (Exception):  # want: PP804
        pass


def save_tuple_specific(record):
    try:
        record.save()
    except (OSError, ValueError):  # safe look-alike: specific errors
        pass
