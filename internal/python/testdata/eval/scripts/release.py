"""CI release step: tags the commit named by the pipeline."""
import os
import re
import subprocess

tag = os.environ["RELEASE_TAG"]
title = os.environ.get("PR_TITLE", "")

subprocess.run(f"git tag -a {tag} -m '{title}'", shell=True, check=True)  # expect: CWE-78

if not re.fullmatch(r"v\d+\.\d+\.\d+", tag):
    raise SystemExit("bad tag")
subprocess.run(["git", "tag", "-a", tag, "-m", title], check=True)  # safe: CWE-78 argv list
os.popen("git push origin " + tag).read()  # safe: CWE-78 validated by fullmatch above
