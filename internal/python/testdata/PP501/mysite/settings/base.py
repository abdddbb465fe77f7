import os

DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"  # safe look-alike: from the environment
TEMPLATE_DEBUG = DEBUG
