"""Shared directories for the build agents."""
import os
import stat

CACHE = "/var/cache/builds"


def open_cache():
    os.makedirs(CACHE, exist_ok=True)
    os.chmod(CACHE, stat.S_IRWXU | stat.S_IRWXG)  # safe: CWE-732 group only


def open_drop_box(path):
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR | stat.S_IROTH | stat.S_IWOTH)  # expect: CWE-732


def share_log(fd):
    os.fchmod(fd, 0o666)  # expect: CWE-732


def seal_log(fd):
    os.fchmod(fd, 0o440)  # safe: CWE-732


def lock_file():
    return os.path.join(CACHE, "agent.lock")  # safe: CWE-377 private cache dir, not /tmp


def main():
    open_cache()
    open_drop_box("/srv/dropbox")
    with open(lock_file(), "w") as fh:
        share_log(fh.fileno())
        seal_log(fh.fileno())


if __name__ == "__main__":
    main()
