import os
import subprocess


def backup():
    os.system("tar czf /backups/site.tgz *")  # want: PP228
    subprocess.run("chown www-data *", shell=True, check=True)  # want: PP228
    os.system("tar czf /backups/site.tgz -- ./site")  # safe: no wildcard
    subprocess.run(["tar", "czf", "/backups/site.tgz", "--", "site"], check=True)  # safe: no shell
