"""Page views per second of a cached wiki page under `vellum serve`, on loopback.

Starts `vellum serve` with a fresh data directory, saves an article, warms the parser cache,
then runs a multi-process HTTP load generator (one request per connection, as browsers
without keep-alive would) against:

- a static file served by the same server (whitenoise) — the baseline,
- the cached article (/wiki/Title) for a reader who is not logged in, the page view this
  benchmark is about,
- the same article for a logged-in reader (parser cache, page assembled per request),
- its action=raw, and Special:RecentChanges, for scale.

Prints a table with requests per second and the ratio to the static-file baseline measured
in the same run. Options: --seconds N (default 5), --clients N (default 4), --workers N.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ARTICLE = """The '''Roman Republic''' was the era of classical Roman civilisation that began with the
overthrow of the [[Roman Kingdom]] in 509 BC and ended in 27 BC with the [[Roman Empire]].
{sections}
== References ==
<references />
"""
SECTION = """
== Period {n} ==
During period {n} the [[Roman Senate|Senate]] and the [[Roman consul|consuls]] governed, and
'''citizens''' voted in the assemblies.<ref>Source {n}: [https://example.org/{n} a book].</ref>
* First point about period {n}
* Second point, with a [[Link {n}]]
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _client(port: int, path: str, seconds: float, out: mp.Queue, cookie: str = "") -> None:
    extra = f"Cookie: {cookie}\r\n" if cookie else ""
    request = f"GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n{extra}\r\n".encode()
    done = errors = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
                s.sendall(request)
                first = b""
                while chunk := s.recv(65536):
                    if not first:
                        first = chunk
            if first.startswith(b"HTTP/1.1 200") or first.startswith(b"HTTP/1.0 200"):
                done += 1
            else:
                errors += 1
        except OSError:
            errors += 1
    out.put((done, errors))


def ensure_wrk() -> str | None:
    """Debian's wrk (installed with apt-get when missing and allowed), else None."""
    found = shutil.which("wrk")
    if found is None and shutil.which("apt-get") and os.geteuid() == 0:
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "wrk"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
            timeout=300,
        )
        found = shutil.which("wrk")
    return found


def load_wrk(
    wrk: str, port: int, path: str, seconds: float, clients: int, cookie: str = ""
) -> tuple[float, int]:
    cmd = [wrk, "-t2", f"-c{clients * 2}", f"-d{max(1, round(seconds))}s"]
    if cookie:
        cmd += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(
        [*cmd, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if m:
        errors += int(m.group(1)) + int(m.group(3)) + int(m.group(4))
    return rps, errors


def load(port: int, path: str, seconds: float, clients: int, cookie: str = "") -> tuple[float, int]:
    q: mp.Queue = mp.Queue()
    procs = [
        mp.Process(target=_client, args=(port, path, seconds, q, cookie)) for _ in range(clients)
    ]
    start = time.monotonic()
    for p in procs:
        p.start()
    results = [q.get() for _ in procs]
    for p in procs:
        p.join()
    elapsed = time.monotonic() - start
    return sum(r[0] for r in results) / elapsed, sum(r[1] for r in results)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument(
        "--client",
        choices=["wrk", "python"],
        default=None,
        help="load generator (default: Debian's wrk if it can be had, else Python processes)",
    )
    args = ap.parse_args()
    wrk = ensure_wrk() if args.client in (None, "wrk") else None
    if args.client == "wrk" and wrk is None:
        ap.error("wrk is not installed")

    def run(path: str, seconds: float, cookie: str) -> tuple[float, int]:
        if wrk:
            return load_wrk(wrk, port, path, seconds, args.clients, cookie)
        return load(port, path, seconds, args.clients, cookie)

    workers = args.workers or max(2, 2 * (os.cpu_count() or 1))
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        port = free_port()
        env = {k: v for k, v in os.environ.items() if k != "VELLUM_DATA"}
        env["VELLUM_DATA"] = str(data)
        setup = (
            "from vellum.wiki.commands import setup_django, initialize\n"
            "setup_django(None); initialize()\n"
            "from vellum.wiki.services.editing import edit_page\n"
            f"text = {ARTICLE!r}.format(sections=''.join({SECTION!r}.format(n=n) for n in range(1, 13)))\n"
            "edit_page('Roman Republic', text, None, actor='192.0.2.1')\n"
            "from django.conf import settings\n"
            "from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY\n"
            "from django.contrib.sessions.backends.db import SessionStore\n"
            "from vellum.wiki.services.users import create_user\n"
            "u = create_user('Reader', 'reader-password')\n"
            "s = SessionStore()\n"
            "s[SESSION_KEY] = str(u.pk)\n"
            "s[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend'\n"
            "s[HASH_SESSION_KEY] = u.get_session_auth_hash()\n"
            "s.save()\n"
            "print(settings.SESSION_COOKIE_NAME + '=' + s.session_key)\n"
        )
        cookie = (
            subprocess.run(
                [sys.executable, "-c", setup], env=env, check=True, capture_output=True, text=True
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "vellum.cli",
                "serve",
                "--port",
                str(port),
                "--workers",
                str(workers),
                "--data",
                str(data),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(300):
                try:
                    urllib.request.urlopen(base + "/wiki/Roman_Republic", timeout=5).read()
                    break
                except OSError:
                    time.sleep(0.2)
            page = urllib.request.urlopen(base + "/wiki/Roman_Republic", timeout=5).read()
            targets = [
                ("static file (baseline)", "/static/wiki/vellum.css", ""),
                ("cached page view", "/wiki/Roman_Republic", ""),
                ("logged-in page view", "/wiki/Roman_Republic", cookie),
                ("action=raw", "/index.php?title=Roman_Republic&action=raw", ""),
                ("Special:RecentChanges", "/wiki/Special:RecentChanges", ""),
            ]
            for _, path, c in targets:  # warm every worker's caches
                run(path, 1.0, c)
            rows = []
            for name, path, c in targets:
                rps, errors = run(path, args.seconds, c)
                rows.append((name, path, rps, errors))
        finally:
            server.terminate()
            server.wait(timeout=30)
    baseline = rows[0][2] or 1.0
    client = f"wrk, {args.clients * 2} connections" if wrk else f"{args.clients} Python processes"
    print(
        f"vellum serve: {workers} gunicorn workers; load: {client}; "
        f"{args.seconds:.0f} s per target; {os.cpu_count()} cores; page {len(page):,} bytes"
    )
    print(f"{'target':<24} {'req/s':>9} {'vs static':>10} {'errors':>7}")
    for name, _, rps, errors in rows:
        print(f"{name:<24} {rps:9.1f} {rps / baseline:9.2f}x {errors:7d}")
    view = rows[1][2]
    print(
        f"cached page views/s vs MediaWiki 1.39 reference (30-65/s): "
        f"{view / 65:.1f}x - {view / 30:.1f}x"
    )
    return 0 if all(r[3] == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
