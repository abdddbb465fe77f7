import collections
from collections import defaultdict


def add(item, items=[]):  # want: PP805
    items.append(item)
    return items


def add_safe(item, items=None):  # safe look-alike
    items = [] if items is None else items
    items.append(item)
    return items


def merge(a, b={}):  # want: PP805
    return {**b, **a}


def tags(t, seen=set()):  # want: PP805
    seen.add(t)
    return seen


def counts(words, acc=defaultdict(int)):  # want: PP805
    for w in words:
        acc[w] += 1
    return acc


def ordered(pairs, store=collections.OrderedDict()):  # want: PP805
    store.update(pairs)
    return store


def squares(n, cache={i: i * i for i in range(3)}):  # want: PP805
    return cache.get(n, n * n)


def frozen(n, allowed=frozenset({1, 2})):  # safe look-alike: immutable
    return n in allowed


def tuple_default(n, allowed=(1, 2)):  # safe look-alike: a tuple
    return n in allowed


def keyword_only(*, options: dict = {}):  # want: PP805
    return options


class Handler:
    def handle(self, event, listeners=list()):  # want: PP805
        listeners.append(event)
        return listeners

    def handle_safe(self, event, listeners: list | None = None):  # safe look-alike
        return listeners or [event]


callback = lambda x, acc=[]: acc + [x]  # want: PP805
safe_callback = lambda x, acc=(): acc + (x,)  # safe look-alike
