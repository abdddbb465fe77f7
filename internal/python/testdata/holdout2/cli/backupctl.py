"""backupctl: operator tool for database dumps."""
import logging
import os
import shlex
import subprocess
import tarfile
import tempfile

import click

log = logging.getLogger("backupctl")
DUMP_DIR = "/var/backups/pg"


@click.group()
def cli():
    logging.basicConfig(level=logging.INFO)


@cli.command()
@click.option("--db", required=True)
@click.option("--label", default="nightly")
def dump(db, label):
    target = os.path.join(DUMP_DIR, f"{label}.sql.gz")
    os.system(f"pg_dump {db} | gzip > {target}")  # expect: CWE-78 option values interpolated into a shell pipeline
    log.info("dump finished")


@cli.command()
@click.option("--db", required=True)
@click.option("--label", default="nightly")
def dump_safe(db, label):
    target = os.path.join(DUMP_DIR, f"{label}.sql.gz")
    subprocess.run(f"pg_dump {shlex.quote(db)} | gzip > {shlex.quote(target)}", shell=True, check=True)  # safe: CWE-78 every value quoted


@cli.command()
@click.option("--fmt", type=click.Choice(["custom", "plain", "tar"]), default="custom")
def dump_all(fmt):
    subprocess.run(f"pg_dumpall --format={fmt} > {DUMP_DIR}/all.dump", shell=True, check=True)  # safe: CWE-78 Choice limits fmt to three constants


@cli.command()
def rotate():
    subprocess.run("cd /var/backups/pg && tar czf weekly.tgz *.sql.gz", shell=True, check=True)  # expect: CWE-155 wildcard expanded into tar arguments
    os.chmod(os.path.join(DUMP_DIR, "weekly.tgz"), 0o600)  # safe: CWE-732 owner only


@cli.command()
@click.argument("archive", type=click.Path(exists=True, dir_okay=False))
def unpack(archive):
    with tarfile.open(archive) as tar:
        tar.extractall(tempfile.mkdtemp(prefix="restore-"))  # expect: CWE-22 tar members not filtered


@cli.command()
def scratch():
    path = tempfile.mktemp(suffix=".sql")  # expect: CWE-377 mktemp race
    with open(path, "w") as fh:
        fh.write("-- scratch\n")
    fd, safe_path = tempfile.mkstemp(suffix=".sql")  # safe: CWE-377 mkstemp
    os.close(fd)
    click.echo(safe_path)


if __name__ == "__main__":
    cli()
