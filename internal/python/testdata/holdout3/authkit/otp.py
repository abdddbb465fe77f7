"""One-time codes sent by SMS."""
import random
import secrets


def sms_otp():
    otp = "%06d" % random.randint(0, 999999)  # expect: CWE-330 OTP from random
    return otp


def sms_otp_v2():
    return f"{secrets.randbelow(1_000_000):06d}"  # safe: CWE-330 secrets


def sms_otp_v3():
    rng = random.SystemRandom()
    return str(rng.randint(100000, 999999))  # safe: CWE-330 SystemRandom


def shuffle_questions(questions):
    random.shuffle(questions)  # safe: CWE-330 shuffle of quiz questions
    return questions
