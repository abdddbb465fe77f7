from .base import *  # noqa: F401,F403

DEBUG = True  # want: PP501 (low: development settings, reported so that no deployment loads them unnoticed)
