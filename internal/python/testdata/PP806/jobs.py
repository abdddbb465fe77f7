# TODO: validate the input  # want: PP806
def run(data):
    # FIXME this breaks on empty lists  # want: PP806
    return data[0]


def later(x):
    return x  # XXX: remove once the migration is done  # want: PP806


def hack(x):
    # HACK - work around a driver bug  # want: PP806
    return x


def todo_list(items):
    # A todo list renders items in order.  (safe: lower-case word, not a marker)
    label = "TODO"  # safe: in a string, not a comment
    return [label] + items


def mastodon(x):
    # Mastodon and TODOS are other words.  (safe: neither is the marker word)
    return x


def lower_case(x):
    # todo: handle negative numbers  # want: PP806
    # Todo list of the week is in the wiki.  (safe: the word is not followed by a colon)
    return x
