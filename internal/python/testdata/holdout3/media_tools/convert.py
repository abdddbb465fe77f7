"""Wrappers around ImageMagick and ffmpeg."""
import asyncio
import shlex
import subprocess

import pexpect

THUMB_SIZES = {"s": "128x128", "m": "512x512", "l": "1024x1024"}
TOOLS = {"identify": "/usr/bin/identify", "exiftool": "/usr/bin/exiftool"}


async def thumbnail(src, size_key, fmt):
    size = THUMB_SIZES.get(size_key, "128x128")
    cmd = f"convert {shlex.quote(src)} -resize {size} {shlex.quote(src + '.thumb.' + fmt)}"
    proc = await asyncio.create_subprocess_shell(cmd)  # safe: CWE-78 every variable part quoted or from a constant map
    return await proc.wait()


async def watermark(src, text):
    proc = await asyncio.create_subprocess_shell(f"convert {shlex.quote(src)} -annotate +10+10 '{text}' {shlex.quote(src)}")  # expect: CWE-78 hand-written quotes around request text
    return await proc.wait()


async def probe(src):
    proc = await asyncio.create_subprocess_exec("ffprobe", "-v", "error", "-show_format", src, stdout=asyncio.subprocess.PIPE)  # safe: CWE-78 exec with an argument vector
    out, _ = await proc.communicate()
    return out.decode()


def transcode_interactive(src, preset):
    child = pexpect.spawn(f"ffmpeg -i {src} -preset {preset} /srv/media/out.mp4")  # expect: CWE-78 pexpect command string
    child.expect(pexpect.EOF, timeout=600)
    return child.before


def transcode_interactive_v2(src, preset):
    child = pexpect.spawn("ffmpeg", ["-i", src, "-preset", preset, "/srv/media/out.mp4"])  # safe: CWE-78 constant program, argument list
    child.expect(pexpect.EOF, timeout=600)
    return child.before


def run_tool(tool, args):
    return subprocess.run([tool, *args], capture_output=True, text=True, timeout=60).stdout  # expect: CWE-78 program chosen by the client


def run_tool_v2(tool, args):
    exe = TOOLS[tool]
    return subprocess.run([exe, "--", *args], capture_output=True, text=True, timeout=60).stdout  # safe: CWE-78 program from a constant map
