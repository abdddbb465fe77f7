import os
import subprocess


def backup():
    os.system("tar czf /backups/site.tgz *")  # want: PP228
    subprocess.run("chown www-data *", shell=True, check=True)  # want: PP228
    os.system("tar czf /backups/site.tgz -- ./site")  # safe: no wildcard
    subprocess.run(["tar", "czf", "/backups/site.tgz", "--", "site"], check=True)  # safe: no shell


def rotate():
    os.system("rsync -a /var/log/app/* /backup/logs/")  # want: PP228
    os.system("chmod 640 /srv/media/private/*")  # want: PP228
    os.system("rsync -a /var/log/app/ /backup/logs/")  # safe: no wildcard
    os.system("echo 'chmod 640 *'")  # safe: quoted, echo only
