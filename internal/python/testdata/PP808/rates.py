RATES = {"gold": 0.2, "silver": 0.1, "bronze": 0.05}


def rate(user):  # want: PP808
    if user.tier == "gold":
        r = 0.2
    elif user.tier == "silver":
        r = 0.1
    elif user.tier == "bronze":
        r = 0.05
    elif user.tier == "staff":
        r = 0.3
    else:
        r = 0.0
    if user.is_new and user.orders == 0:
        r += 0.05
    for coupon in user.coupons:
        if coupon.valid:
            r += coupon.bonus
    while r > 0.5:
        r -= 0.1
    try:
        r = round(r, 2)
    except TypeError:
        r = 0.0
    return r


def rate_table(user):  # safe look-alike: a lookup table
    return RATES.get(user.tier, 0.0)


def at_limit(x):  # safe: complexity exactly 10
    if x == 1:
        return "a"
    if x == 2:
        return "b"
    if x == 3:
        return "c"
    if x == 4:
        return "d"
    if x == 5:
        return "e"
    if x == 6:
        return "f"
    if x == 7:
        return "g"
    if x == 8:
        return "h"
    if x == 9:
        return "i"
    return "z"


def over_limit(x):  # want: PP808
    if x == 1:
        return "a"
    if x == 2:
        return "b"
    if x == 3:
        return "c"
    if x == 4:
        return "d"
    if x == 5:
        return "e"
    if x == 6:
        return "f"
    if x == 7:
        return "g"
    if x == 8:
        return "h"
    if x == 9:
        return "i"
    if x == 10:
        return "j"
    return "z"


def boolean_heavy(a, b, c, d, e, f, g, h, i, j, k):  # want: PP808
    return a and b and c and d and e and f and g and h and i and j and k


def comprehension_heavy(rows):  # want: PP808
    ok = [r for r in rows if r.a if r.b]
    ok2 = {r.id: r for r in rows if r.c and r.d}
    ok3 = (r for r in ok if r.e or r.f)
    flag = "x" if rows else "y"
    label = "p" if ok else "q"
    assert rows, "empty"
    with open("f") as fh:
        fh.read()
    return list(ok3), ok2, flag, label


def outer(items):  # safe: nested functions count on their own
    def inner(x):  # want: PP808
        if x == 1:
            return 1
        elif x == 2:
            return 2
        elif x == 3:
            return 3
        elif x == 4:
            return 4
        elif x == 5:
            return 5
        elif x == 6:
            return 6
        elif x == 7:
            return 7
        elif x == 8:
            return 8
        elif x == 9:
            return 9
        elif x == 10:
            return 10
        return 0

    return [inner(i) for i in items]


def matcher(cmd):  # want: PP808
    match cmd:
        case "a":
            return 1
        case "b":
            return 2
        case "c":
            return 3
        case "d":
            return 4
        case "e":
            return 5
        case "f":
            return 6
        case "g":
            return 7
        case "h":
            return 8
        case "i":
            return 9
        case "j":
            return 10
        case _:
            return 0
