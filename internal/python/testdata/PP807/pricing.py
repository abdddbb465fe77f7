def price_order(order):  # want: PP807
    total = 0
    total += order.items[0].price * 1
    total += order.items[1].price * 2
    total += order.items[2].price * 3
    total += order.items[3].price * 4
    total += order.items[4].price * 5
    total += order.items[5].price * 6
    total += order.items[6].price * 7
    total += order.items[0].price * 8
    total += order.items[1].price * 9
    total += order.items[2].price * 10
    total += order.items[3].price * 11
    total += order.items[4].price * 12
    total += order.items[5].price * 13
    total += order.items[6].price * 14
    total += order.items[0].price * 15
    total += order.items[1].price * 16
    total += order.items[2].price * 17
    total += order.items[3].price * 18
    total += order.items[4].price * 19
    total += order.items[5].price * 20
    total += order.items[6].price * 21
    total += order.items[0].price * 22
    total += order.items[1].price * 23
    total += order.items[2].price * 24
    total += order.items[3].price * 25
    total += order.items[4].price * 26
    total += order.items[5].price * 27
    total += order.items[6].price * 28
    total += order.items[0].price * 29
    total += order.items[1].price * 30
    total += order.items[2].price * 31
    total += order.items[3].price * 32
    total += order.items[4].price * 33
    total += order.items[5].price * 34
    total += order.items[6].price * 35
    total += order.items[0].price * 36
    total += order.items[1].price * 37
    total += order.items[2].price * 38
    total += order.items[3].price * 39
    total += order.items[4].price * 40
    total += order.items[5].price * 41
    total += order.items[6].price * 42
    total += order.items[0].price * 43
    total += order.items[1].price * 44
    total += order.items[2].price * 45
    total += order.items[3].price * 46
    total += order.items[4].price * 47
    total += order.items[5].price * 48
    total += order.items[6].price * 49
    total += order.items[0].price * 50
    total += order.items[1].price * 51
    total += order.items[2].price * 52
    total += order.items[3].price * 53
    total += order.items[4].price * 54
    total += order.items[5].price * 55
    total += order.items[6].price * 56
    total += order.items[0].price * 57
    total += order.items[1].price * 58
    total += order.items[2].price * 59
    return total


def price_order_at_limit(order):  # safe: exactly 60 lines of code
    total = 0
    total += order.items[0].price * 1
    total += order.items[1].price * 2
    total += order.items[2].price * 3
    total += order.items[3].price * 4
    total += order.items[4].price * 5
    total += order.items[5].price * 6
    total += order.items[6].price * 7
    total += order.items[0].price * 8
    total += order.items[1].price * 9
    total += order.items[2].price * 10
    total += order.items[3].price * 11
    total += order.items[4].price * 12
    total += order.items[5].price * 13
    total += order.items[6].price * 14
    total += order.items[0].price * 15
    total += order.items[1].price * 16
    total += order.items[2].price * 17
    total += order.items[3].price * 18
    total += order.items[4].price * 19
    total += order.items[5].price * 20
    total += order.items[6].price * 21
    total += order.items[0].price * 22
    total += order.items[1].price * 23
    total += order.items[2].price * 24
    total += order.items[3].price * 25
    total += order.items[4].price * 26
    total += order.items[5].price * 27
    total += order.items[6].price * 28
    total += order.items[0].price * 29
    total += order.items[1].price * 30
    total += order.items[2].price * 31
    total += order.items[3].price * 32
    total += order.items[4].price * 33
    total += order.items[5].price * 34
    total += order.items[6].price * 35
    total += order.items[0].price * 36
    total += order.items[1].price * 37
    total += order.items[2].price * 38
    total += order.items[3].price * 39
    total += order.items[4].price * 40
    total += order.items[5].price * 41
    total += order.items[6].price * 42
    total += order.items[0].price * 43
    total += order.items[1].price * 44
    total += order.items[2].price * 45
    total += order.items[3].price * 46
    total += order.items[4].price * 47
    total += order.items[5].price * 48
    total += order.items[6].price * 49
    total += order.items[0].price * 50
    total += order.items[1].price * 51
    total += order.items[2].price * 52
    total += order.items[3].price * 53
    total += order.items[4].price * 54
    total += order.items[5].price * 55
    total += order.items[6].price * 56
    total += order.items[0].price * 57
    total += order.items[1].price * 58
    return total


def documented(order):  # safe: long only because of the docstring, comments and blank lines
    """Price an order.

    line 0 of the explanation
    line 1 of the explanation
    line 2 of the explanation
    line 3 of the explanation
    line 4 of the explanation
    line 5 of the explanation
    line 6 of the explanation
    line 7 of the explanation
    line 8 of the explanation
    line 9 of the explanation
    line 10 of the explanation
    line 11 of the explanation
    line 12 of the explanation
    line 13 of the explanation
    line 14 of the explanation
    line 15 of the explanation
    line 16 of the explanation
    line 17 of the explanation
    line 18 of the explanation
    line 19 of the explanation
    line 20 of the explanation
    line 21 of the explanation
    line 22 of the explanation
    line 23 of the explanation
    line 24 of the explanation
    line 25 of the explanation
    line 26 of the explanation
    line 27 of the explanation
    line 28 of the explanation
    line 29 of the explanation
    line 30 of the explanation
    line 31 of the explanation
    line 32 of the explanation
    line 33 of the explanation
    line 34 of the explanation
    line 35 of the explanation
    line 36 of the explanation
    line 37 of the explanation
    line 38 of the explanation
    line 39 of the explanation
    """
    # step 0: explained at length
    # step 1: explained at length
    # step 2: explained at length
    # step 3: explained at length
    # step 4: explained at length
    # step 5: explained at length
    # step 6: explained at length
    # step 7: explained at length
    # step 8: explained at length
    # step 9: explained at length
    # step 10: explained at length
    # step 11: explained at length
    # step 12: explained at length
    # step 13: explained at length
    # step 14: explained at length
    # step 15: explained at length
    # step 16: explained at length
    # step 17: explained at length
    # step 18: explained at length
    # step 19: explained at length
    # step 20: explained at length
    # step 21: explained at length
    # step 22: explained at length
    # step 23: explained at length
    # step 24: explained at length
    # step 25: explained at length
    # step 26: explained at length
    # step 27: explained at length
    # step 28: explained at length
    # step 29: explained at length
    # step 30: explained at length
    # step 31: explained at length
    # step 32: explained at length
    # step 33: explained at length
    # step 34: explained at length
    # step 35: explained at length
    # step 36: explained at length
    # step 37: explained at length
    # step 38: explained at length
    # step 39: explained at length

    total = 0

    total += order.items[0].price * 1
    total += order.items[1].price * 2
    total += order.items[2].price * 3
    total += order.items[3].price * 4
    total += order.items[4].price * 5
    total += order.items[5].price * 6
    total += order.items[6].price * 7
    total += order.items[0].price * 8
    total += order.items[1].price * 9
    total += order.items[2].price * 10
    total += order.items[3].price * 11
    total += order.items[4].price * 12
    total += order.items[5].price * 13
    total += order.items[6].price * 14
    total += order.items[0].price * 15
    total += order.items[1].price * 16
    total += order.items[2].price * 17
    total += order.items[3].price * 18
    total += order.items[4].price * 19
    total += order.items[5].price * 20

    return total


def build_payload(user):  # want: PP807
    payload = {
        "field_0": user.attr_0,
        "field_1": user.attr_1,
        "field_2": user.attr_2,
        "field_3": user.attr_3,
        "field_4": user.attr_4,
        "field_5": user.attr_5,
        "field_6": user.attr_6,
        "field_7": user.attr_7,
        "field_8": user.attr_8,
        "field_9": user.attr_9,
        "field_10": user.attr_10,
        "field_11": user.attr_11,
        "field_12": user.attr_12,
        "field_13": user.attr_13,
        "field_14": user.attr_14,
        "field_15": user.attr_15,
        "field_16": user.attr_16,
        "field_17": user.attr_17,
        "field_18": user.attr_18,
        "field_19": user.attr_19,
        "field_20": user.attr_20,
        "field_21": user.attr_21,
        "field_22": user.attr_22,
        "field_23": user.attr_23,
        "field_24": user.attr_24,
        "field_25": user.attr_25,
        "field_26": user.attr_26,
        "field_27": user.attr_27,
        "field_28": user.attr_28,
        "field_29": user.attr_29,
        "field_30": user.attr_30,
        "field_31": user.attr_31,
        "field_32": user.attr_32,
        "field_33": user.attr_33,
        "field_34": user.attr_34,
        "field_35": user.attr_35,
        "field_36": user.attr_36,
        "field_37": user.attr_37,
        "field_38": user.attr_38,
        "field_39": user.attr_39,
        "field_40": user.attr_40,
        "field_41": user.attr_41,
        "field_42": user.attr_42,
        "field_43": user.attr_43,
        "field_44": user.attr_44,
        "field_45": user.attr_45,
        "field_46": user.attr_46,
        "field_47": user.attr_47,
        "field_48": user.attr_48,
        "field_49": user.attr_49,
        "field_50": user.attr_50,
        "field_51": user.attr_51,
        "field_52": user.attr_52,
        "field_53": user.attr_53,
        "field_54": user.attr_54,
        "field_55": user.attr_55,
        "field_56": user.attr_56,
        "field_57": user.attr_57,
        "field_58": user.attr_58,
        "field_59": user.attr_59,
        "field_60": user.attr_60,
        "field_61": user.attr_61,
    }
    return payload


def outer(order):  # want: PP807 (its body holds the long nested function)
    def inner_long(o):  # want: PP807
        total = 0
        total += order.items[0].price * 1
        total += order.items[1].price * 2
        total += order.items[2].price * 3
        total += order.items[3].price * 4
        total += order.items[4].price * 5
        total += order.items[5].price * 6
        total += order.items[6].price * 7
        total += order.items[0].price * 8
        total += order.items[1].price * 9
        total += order.items[2].price * 10
        total += order.items[3].price * 11
        total += order.items[4].price * 12
        total += order.items[5].price * 13
        total += order.items[6].price * 14
        total += order.items[0].price * 15
        total += order.items[1].price * 16
        total += order.items[2].price * 17
        total += order.items[3].price * 18
        total += order.items[4].price * 19
        total += order.items[5].price * 20
        total += order.items[6].price * 21
        total += order.items[0].price * 22
        total += order.items[1].price * 23
        total += order.items[2].price * 24
        total += order.items[3].price * 25
        total += order.items[4].price * 26
        total += order.items[5].price * 27
        total += order.items[6].price * 28
        total += order.items[0].price * 29
        total += order.items[1].price * 30
        total += order.items[2].price * 31
        total += order.items[3].price * 32
        total += order.items[4].price * 33
        total += order.items[5].price * 34
        total += order.items[6].price * 35
        total += order.items[0].price * 36
        total += order.items[1].price * 37
        total += order.items[2].price * 38
        total += order.items[3].price * 39
        total += order.items[4].price * 40
        total += order.items[5].price * 41
        total += order.items[6].price * 42
        total += order.items[0].price * 43
        total += order.items[1].price * 44
        total += order.items[2].price * 45
        total += order.items[3].price * 46
        total += order.items[4].price * 47
        total += order.items[5].price * 48
        total += order.items[6].price * 49
        total += order.items[0].price * 50
        total += order.items[1].price * 51
        total += order.items[2].price * 52
        total += order.items[3].price * 53
        total += order.items[4].price * 54
        total += order.items[5].price * 55
        total += order.items[6].price * 56
        total += order.items[0].price * 57
        total += order.items[1].price * 58
        total += order.items[2].price * 59
        total += order.items[3].price * 60
        return total

    return inner_long(order)


class Pricing:
    def compute(self, order):  # want: PP807
        total = 0
        total += order.items[0].price * 1
        total += order.items[1].price * 2
        total += order.items[2].price * 3
        total += order.items[3].price * 4
        total += order.items[4].price * 5
        total += order.items[5].price * 6
        total += order.items[6].price * 7
        total += order.items[0].price * 8
        total += order.items[1].price * 9
        total += order.items[2].price * 10
        total += order.items[3].price * 11
        total += order.items[4].price * 12
        total += order.items[5].price * 13
        total += order.items[6].price * 14
        total += order.items[0].price * 15
        total += order.items[1].price * 16
        total += order.items[2].price * 17
        total += order.items[3].price * 18
        total += order.items[4].price * 19
        total += order.items[5].price * 20
        total += order.items[6].price * 21
        total += order.items[0].price * 22
        total += order.items[1].price * 23
        total += order.items[2].price * 24
        total += order.items[3].price * 25
        total += order.items[4].price * 26
        total += order.items[5].price * 27
        total += order.items[6].price * 28
        total += order.items[0].price * 29
        total += order.items[1].price * 30
        total += order.items[2].price * 31
        total += order.items[3].price * 32
        total += order.items[4].price * 33
        total += order.items[5].price * 34
        total += order.items[6].price * 35
        total += order.items[0].price * 36
        total += order.items[1].price * 37
        total += order.items[2].price * 38
        total += order.items[3].price * 39
        total += order.items[4].price * 40
        total += order.items[5].price * 41
        total += order.items[6].price * 42
        total += order.items[0].price * 43
        total += order.items[1].price * 44
        total += order.items[2].price * 45
        total += order.items[3].price * 46
        total += order.items[4].price * 47
        total += order.items[5].price * 48
        total += order.items[6].price * 49
        total += order.items[0].price * 50
        total += order.items[1].price * 51
        total += order.items[2].price * 52
        total += order.items[3].price * 53
        total += order.items[4].price * 54
        total += order.items[5].price * 55
        total += order.items[6].price * 56
        total += order.items[0].price * 57
        total += order.items[1].price * 58
        total += order.items[2].price * 59
        total += order.items[3].price * 60
        return total

    def short(self):  # safe
        return 1
