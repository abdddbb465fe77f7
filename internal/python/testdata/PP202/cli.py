import os
import subprocess
import sys


def main():
    target = sys.argv[1]
    os.system("nmap " + target)  # want: PP202
    subprocess.run(["nmap", target])  # safe look-alike: argument list
    env_cmd = os.environ.get("EDITOR", "vi")
    subprocess.call(env_cmd + " notes.txt", shell=True)  # want: PP202
    subprocess.call([env_cmd, "notes.txt"])  # safe look-alike: a local tool runs the editor it is told to, without a shell


if __name__ == "__main__":
    main()
