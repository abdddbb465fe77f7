"""Report generation: wraps the reportgen binary."""
import logging
import shlex
import subprocess as sp
from dataclasses import dataclass, field
from typing import List

log = logging.getLogger(__name__)

FORMATS = {"pdf": "--pdf", "csv": "--csv", "xlsx": "--excel"}


@dataclass
class ReportJob:
    name: str
    fmt: str = "pdf"
    filters: dict = field(default_factory=dict)
    owner_id: int = 0


class ReportService:
    def __init__(self, binary="/opt/reportgen/bin/reportgen", timeout=300):
        self.binary = binary
        self.timeout = timeout

    def _argv(self, job: ReportJob) -> List[str]:
        argv = [self.binary, FORMATS.get(job.fmt, "--pdf"), "--name", job.name]
        for key, value in sorted(job.filters.items()):
            argv += ["--filter", f"{key}={value}"]
        return argv

    def render(self, job: ReportJob):
        return sp.run(self._argv(job), capture_output=True, check=True, timeout=self.timeout)  # safe: CWE-78 argument list, fixed program

    def render_legacy(self, job: ReportJob):
        cmd = f"{self.binary} {FORMATS.get(job.fmt, '--pdf')} --name {job.name}"
        for key, value in job.filters.items():
            cmd += f" --filter {key}={value}"
        return sp.run(cmd, shell=True, capture_output=True, timeout=self.timeout)  # expect: CWE-78 job fields come from the request

    def render_quoted(self, job: ReportJob):
        cmd = " ".join(shlex.quote(arg) for arg in self._argv(job))
        return sp.run(cmd, shell=True, capture_output=True, timeout=self.timeout)  # safe: CWE-78 every argument quoted

    def archive(self, job: ReportJob, out_dir: str):
        tarball = f"{out_dir}/report-{job.owner_id:d}.tar.gz"
        return sp.run(f"tar czf {tarball} -C {out_dir} .", shell=True, check=True)  # safe: CWE-78 owner_id is an int, out_dir is configuration
