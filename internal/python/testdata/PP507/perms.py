import os
import stat


def publish(path):
    os.chmod(path, 0o777)  # want: PP507
    os.chmod(path, 0o644)  # safe
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR | stat.S_IWOTH)  # want: PP507
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)  # safe
    os.makedirs("/srv/shared", mode=0o777, exist_ok=True)  # want: PP507
    os.umask(0)  # want: PP507
    os.umask(0o022)  # safe
