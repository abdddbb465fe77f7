"""argparse options limited to choices or numbers hold no text of the user's choosing."""
import argparse
import subprocess


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("host")
    p.add_argument("--role", choices=["web", "db"], default="web")
    p.add_argument("--retries", type=int, default=3)
    p.add_argument("-v", "--verbose", action="store_true")
    p.add_argument("--profile", default="std")
    p.add_argument("--mode", dest="run_mode", choices=("fast", "full"))
    args = p.parse_args(argv)
    subprocess.run(f"provision --role {args.role} --retries {args.retries} --verbose={args.verbose}", shell=True)  # safe: choices, int, flag
    subprocess.run(f"provision --mode {args.run_mode}", shell=True)  # safe: choices through dest=
    subprocess.run(f"provision --profile {args.profile}", shell=True)  # want: PP202
    subprocess.run("ssh " + args.host + " uptime", shell=True)  # want: PP202


if __name__ == "__main__":
    main()
