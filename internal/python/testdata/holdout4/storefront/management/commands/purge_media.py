import os
import subprocess

from django.conf import settings
from django.core.management.base import BaseCommand

PRIVATE = "/srv/media/private"


class Command(BaseCommand):
    help = "Fix permissions of uploaded media."

    def handle(self, *args, **opts):
        os.system("chmod 640 /srv/media/private/*")  # expect: CWE-155
        for root, dirs, files in os.walk(settings.MEDIA_ROOT):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o750)  # safe: CWE-732
            for f in files:
                os.chmod(os.path.join(root, f), 0o640)  # safe: CWE-732
        names = sorted(os.listdir(PRIVATE))
        if names:
            subprocess.run(["chown", "www-data:www-data", "--", *names], cwd=PRIVATE, check=True)  # safe: CWE-155 explicit list
        os.makedirs("/srv/media/shared", mode=0o777, exist_ok=True)  # expect: CWE-732
        os.makedirs("/srv/media/cache", mode=0o755, exist_ok=True)  # safe: CWE-732
