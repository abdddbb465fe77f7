import subprocess

from django.http import HttpResponse


def convert_view(request, fmt):
    src = request.GET["file"]
    subprocess.check_call("pandoc -t %s %s" % (fmt, src), shell=True)  # want: PP202
    return HttpResponse("done")


def convert_safe(request, fmt):
    src = request.GET["file"]
    subprocess.check_call(["pandoc", "-t", fmt, src])  # safe look-alike: no shell, fixed program
    return HttpResponse("done")


def helper_then_shell(request):
    cmd = build_command(request.POST.get("target"))
    subprocess.run(cmd, shell=True)  # want: PP202
    return HttpResponse("ok")


def build_command(target):
    return "traceroute " + target


def numeric_only(request):
    count = int(request.GET.get("n", "1"))
    subprocess.run(f"seq {count}", shell=True)  # safe: int() makes a number
    return HttpResponse("ok")
