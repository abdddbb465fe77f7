"""Shell commands from click options, class-level allow-lists and constant slices."""
import subprocess

import click
from django.http import HttpResponse, HttpResponseBadRequest
from django.views import View
from flask import Blueprint, request

bp = Blueprint("ops", __name__)


@click.group()
def cli():
    pass


@cli.command()
@click.argument("service")
def release(service):
    subprocess.run(f"docker pull registry.example.com/{service}", shell=True, check=True)  # want: PP202


@cli.command()
@click.option("--replicas", type=int, default=2)
@click.option("--service", type=click.Choice(["api", "worker", "web"]), default="api")
@click.option("-n", "--dry-run", is_flag=True)
def scale(replicas, service, dry_run):
    subprocess.run(f"kubectl scale deploy/{service} --replicas={replicas} --dry-run={dry_run}", shell=True, check=True)  # safe look-alike: click converts and restricts every option


class ConvertView(View):
    FORMATS = ("pdf", "docx", "txt")

    def post(self, request):
        fmt = request.POST.get("format", "pdf")
        if fmt not in self.FORMATS:
            return HttpResponseBadRequest("unsupported format")
        subprocess.run(f"soffice --headless --convert-to {fmt} /srv/in.odt", shell=True, check=True)  # safe look-alike: allow-listed by a class attribute
        return HttpResponse(status=202)


class ConvertAnyView(View):
    FORMATS = ("pdf", "docx", "txt")

    def post(self, request):
        fmt = request.POST.get("format", "pdf")
        subprocess.run(f"soffice --headless --convert-to {fmt} /srv/in.odt", shell=True, check=True)  # want: PP202
        return HttpResponse(status=202)


@bp.get("/log")
def git_log():
    parts = ["git", "log", "--oneline", request.args.get("rev", "HEAD")]
    head = subprocess.check_output(" ".join(parts[:3]), shell=True)  # safe look-alike: the slice holds only the constants
    full = subprocess.check_output(" ".join(parts), shell=True)  # want: PP202
    tail = subprocess.check_output(" ".join(parts[-1:]), shell=True)  # want: PP202
    return {"head": head.decode(), "full": full.decode(), "tail": tail.decode()}
