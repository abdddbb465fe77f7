"""Deployment CLI used by the release pipeline."""
import logging
import subprocess

import click
import yaml

log = logging.getLogger("deploy")
REGISTRY = "registry.example.com"


@click.group()
def cli():
    logging.basicConfig(level=logging.INFO)


@cli.command()
@click.argument("service")
@click.option("--tag", default="latest")
@click.option("--host", default="deploy.internal")
def release(service, tag, host):
    image = f"{REGISTRY}/{service}:{tag}"
    subprocess.run(f"ssh {host} docker pull {image}", shell=True, check=True)  # expect: CWE-78
    subprocess.run(["ssh", host, "docker", "pull", image], check=True)  # safe: CWE-78 argument list, fixed program
    log.info("released %s", service)  # expect: CWE-117


@cli.command()
@click.argument("manifest", type=click.Path(exists=True, dir_okay=False))
def apply(manifest):
    with open(manifest) as fh:  # safe: CWE-22 the operator names their own manifest file
        spec = yaml.load(fh, Loader=yaml.Loader)  # expect: CWE-502
    with open(manifest) as fh:  # safe: CWE-22 the operator names their own manifest file
        spec_v2 = yaml.safe_load(fh)  # safe: CWE-502 safe_load
    click.echo(f"{len(spec)} resources, {len(spec_v2)} after validation")


@cli.command()
@click.option("--replicas", type=int, default=2)
@click.option("--service", type=click.Choice(["api", "worker", "web"]), default="api")
def scale(replicas, service):
    subprocess.run(f"kubectl scale deploy/{service} --replicas={replicas}", shell=True, check=True)  # safe: CWE-78 Choice and int options only
    log.info("scaled %s to %d", service, replicas)  # safe: CWE-117 Choice and int options only


if __name__ == "__main__":
    cli()
