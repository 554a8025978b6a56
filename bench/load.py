"""Load benchmark: Clausewright under gunicorn (2 workers, gunicorn.conf.py) against a bare Flask "hello".

Run: `.venv/bin/python bench/load.py` (SQLite in a temporary folder), or
`.venv/bin/python bench/load.py --database postgresql+psycopg://postgres@127.0.0.1:5432/bench` (an
empty scratch database: the schema is created in it). Loopback only, bounded in requests and time.

It seeds a freelancer with a complete contract and an envelope, then, from a second process, drives each
endpoint alone with --clients concurrent clients (--requests each), then all of them mixed, and prints per
endpoint requests/s, p50/p95/p99 latency, errors, and the ratio to the "hello" ceiling measured the same way.
Targets: 0 errors; signing page and wizard steps >= 50% of the ceiling; DOCX download p99 < 150 ms.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

from flask import Flask

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "load test password 1"
EMAIL = "load@example.com"

# How many of each request one round of the mixed phase makes.
MIX = {"sign-in POST": 1, "wizard step GET": 4, "wizard step POST": 4, "review preview": 2, "DOCX download": 2,
       "signing page": 4}

hello = Flask("hello")


@hello.get("/")
def say_hello() -> str:
    """The ceiling: the least a Flask view can do."""
    return "hello"


class FormValues(HTMLParser):
    """The values a browser would submit from the first POST form of a page."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.values: list[tuple[str, str]] = []
        self._select = self._textarea = None
        self._text = ""
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.values.append((name, attrs.get("value") or ("y" if attrs.get("type") == "checkbox" else "")))
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.values.append((self._select, attrs.get("value", "")))
        elif tag == "textarea":
            self._textarea, self._text = name, ""

    def handle_data(self, data):
        if self._textarea:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.values.append((self._textarea, self._text.strip("\n")))
            self._textarea = None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def seed(env: dict[str, str]) -> dict[str, str]:
    """Create the schema, a freelancer, a complete contract and an envelope; what the clients need."""
    os.environ.update(env)
    from flask_migrate import upgrade
    from webapp import create_app

    app = create_app({"WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False})
    with app.app_context():
        upgrade()
    client = app.test_client()
    data = {"email": EMAIL, "password": PASSWORD, "confirm": PASSWORD}
    if client.post("/account/register", data=data).status_code not in (302, 303):
        client.post("/account/sign-in", data={"email": EMAIL, "password": PASSWORD})
    contract = client.post("/contracts/new", data={"start": "designer-licence"}).headers["Location"].split("/")[-1]
    envelope = client.post(f"/contracts/{contract}/send", data={"order": "client"}).headers["Location"].split("/")[-1]
    link = re.search(r'id="sign-link"[^>]*value="[^"]*(/sign/[^"]+)"', client.get(f"/envelopes/{envelope}").text)
    return {"contract": contract, "link": link.group(1)}


class Session:
    """One simulated browser: its cookies, and a new connection per request (gunicorn's sync workers close it)."""

    def __init__(self, port: int):
        self.port, self.cookies = port, {}

    def send(self, method: str, path: str, form: list | None = None) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if form is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, urlencode(form) if form is not None else None, headers)
            response = connection.getresponse()
            body = response.read()
            for header in response.headers.get_all("Set-Cookie") or []:
                name, value = header.split(";", 1)[0].split("=", 1)
                self.cookies[name] = value
            return response.status, body
        finally:
            connection.close()

    def form(self, path: str) -> list[tuple[str, str]]:
        return FormValues(self.send("GET", path)[1].decode()).values


def endpoints(seeded: dict[str, str]) -> dict[str, tuple]:
    """name -> (method, path, expected statuses, form maker or None)."""
    contract, link = seeded["contract"], seeded["link"]
    step = f"/contracts/{contract}/steps/payment"
    sign_in = "/account/sign-in"
    return {
        "sign-in POST": ("POST", sign_in, (302, 303), lambda s: [("email", EMAIL), ("password", PASSWORD),
                                                                 *[(k, v) for k, v in s.form(sign_in)
                                                                   if k == "csrf_token"]]),
        "wizard step GET": ("GET", step, (200,), None),
        "wizard step POST": ("POST", step, (302, 303), lambda s: s.form(step)),
        "review preview": ("GET", f"/contracts/{contract}/review", (200,), None),
        "DOCX download": ("GET", f"/contracts/{contract}/download/contract", (200,), None),
        "signing page": ("GET", link, (200,), None),
    }


def signed_in_sessions(port: int, clients: int) -> list[Session]:
    """One signed-in browser per client (signing in is slow on purpose: Argon2), made once for every phase."""
    sessions = [Session(port) for _ in range(clients)]

    def sign_in(session: Session) -> None:
        token = [("csrf_token", v) for k, v in session.form("/account/sign-in") if k == "csrf_token"]
        session.send("POST", "/account/sign-in", [("email", EMAIL), ("password", PASSWORD), *token])

    threads = [threading.Thread(target=sign_in, args=(s,)) for s in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sessions


def browse(sessions: list[Session], plan: list[tuple[str, tuple]], seconds: float):
    """Run the plan of (name, endpoint) requests, one thread per session, for at most `seconds`;
    ([(name, seconds, ok)], wall seconds)."""
    results, lock, queue = [], threading.Lock(), list(reversed(plan))
    ready = threading.Barrier(len(sessions) + 1)
    deadline = []

    def client(session: Session) -> None:
        forms = {name: make_form(session) for name, (_m, _p, _e, make_form) in dict(plan).items() if make_form}
        ready.wait()
        while time.monotonic() < deadline[0]:
            with lock:
                if not queue:
                    return
                name, (method, path, expected, _make_form) = queue.pop()
            start = time.perf_counter()
            try:
                status, _body = session.send(method, path, forms.get(name))
                ok = status in expected
            except OSError:
                ok = False
            with lock:
                results.append((name, time.perf_counter() - start, ok))

    threads = [threading.Thread(target=client, args=(session,)) for session in sessions]
    for thread in threads:
        thread.start()
    deadline.append(time.monotonic() + seconds)
    ready.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - start


def drive(port: int, seeded: dict | None, clients: int, requests: int, seconds: float, out) -> None:
    """The second process: each endpoint alone, then mixed; sends back {phase: {name: stats}}."""
    report = {}
    if seeded is None:
        plan = [("hello", ("GET", "/", (200,), None))] * requests
        report["alone"] = {"hello": measure(*browse([Session(port) for _ in range(clients)], plan, seconds))}
    else:
        targets = endpoints(seeded)
        sessions = signed_in_sessions(port, clients)
        report["alone"] = {}
        for name, endpoint in targets.items():
            count = max(clients * 4, requests // 8) if name == "sign-in POST" else requests
            report["alone"][name] = measure(*browse(sessions, [(name, endpoint)] * count, seconds))
        # A browsing session signs in once and then works: sign-ins are rare in the mix.
        rounds = [name for name, weight in MIX.items() for _ in range(weight)]
        mixed = [(name, targets[name]) for _ in range(requests // len(rounds) + 1) for name in rounds]
        results, wall = browse(sessions, mixed, seconds)
        report["mixed"] = {name: measure([r for r in results if r[0] == name], wall) for name in targets}
        report["mixed"]["(all)"] = measure(results, wall)
    out.send(report)


def measure(results: list, wall: float) -> dict:
    """Requests/s over the phase's wall time, latency percentiles (ms) and errors."""
    times = sorted(r[1] for r in results)
    if not times:
        return {"n": 0, "rps": 0.0, "p50": 0.0, "p95": 0.0, "p99": 0.0, "errors": 0}
    cut = statistics.quantiles(times, n=100, method="inclusive") if len(times) > 1 else [times[0]] * 99
    return {"n": len(times), "rps": len(times) / wall, "p50": cut[49] * 1000,
            "p95": cut[94] * 1000, "p99": cut[98] * 1000, "errors": sum(not r[2] for r in results)}


def serve(target: str, env: dict[str, str], port: int, folder: Path, workers: int) -> subprocess.Popen:
    """gunicorn with the repository's configuration on a free loopback port; returns once it answers."""
    command = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"), "--workers", str(workers),
               "--bind", f"127.0.0.1:{port}", "--pythonpath", str(ROOT / "bench"), target]
    log = open(folder / f"gunicorn-{port}.log", "wb")
    process = subprocess.Popen(command, env={**os.environ, **env}, stdout=log, stderr=log, cwd=folder)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            if process.poll() is not None:
                raise SystemExit((folder / f"gunicorn-{port}.log").read_text())
            time.sleep(0.2)
    process.kill()
    raise SystemExit("gunicorn did not start in 60 s")


def run_phase(target: str, env: dict, folder: Path, seeded: dict | None, options) -> dict:
    """Start gunicorn on `target`, drive it from a second process, stop it; the report."""
    port = free_port()
    server = serve(target, env, port, folder, options.workers)
    receive, send = multiprocessing.Pipe(duplex=False)
    driver = multiprocessing.Process(target=drive, args=(port, seeded, options.clients, options.requests,
                                                         options.time_limit, send))
    try:
        driver.start()
        if not receive.poll(options.time_limit * 10 + 60):
            raise SystemExit("the load driver did not finish in time")
        return receive.recv()
    finally:
        driver.join(10)
        driver.kill() if driver.is_alive() else None
        server.terminate()
        server.wait(30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="SQLAlchemy URL of an empty scratch database (default: temporary SQLite)")
    parser.add_argument("--redis", help="count rate limits in this Redis (default: in each worker's memory)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    parser.add_argument("--requests", type=int, default=800, help="requests per endpoint (default 800)")
    parser.add_argument("--time-limit", type=float, default=60, help="seconds per phase at most (default 60)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="clausewright-load-") as scratch:
        folder = Path(scratch)
        env = {"CLAUSEWRIGHT_DATABASE_URL": options.database or f"sqlite:///{folder / 'load.sqlite'}",
               "CLAUSEWRIGHT_SECRET_KEY": "load benchmark", "CLAUSEWRIGHT_INSTANCE_PATH": str(folder),
               "CLAUSEWRIGHT_ACCESS_LOG": str(folder / "access.log"), "CLAUSEWRIGHT_REDIS_URL": options.redis or "",
               # One address sends everything here: lift the per-address limits, which are not measured.
               "CLAUSEWRIGHT_RATELIMIT_SIGN_IN": "1000000 per minute", "CLAUSEWRIGHT_LOCKOUT_AFTER": "1000000"}
        seeded = run_seed(env)
        ceiling = run_phase("load:hello", env, folder, None, options)["alone"]["hello"]
        report = run_phase("webapp:create_app()", env, folder, seeded, options)
    print_report(options, ceiling, report)
    return 0


def run_seed(env: dict) -> dict:
    """Seed in a child process, so this one imports nothing of the app before forking the driver."""
    receive, send = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.Process(target=lambda: send.send(seed(env)))
    child.start()
    if not receive.poll(180):
        child.kill()
        raise SystemExit("seeding the database failed (see above)")
    seeded = receive.recv()
    child.join()
    return seeded


def print_report(options, ceiling: dict, report: dict) -> None:
    print(f"gunicorn, {options.workers} workers (gunicorn.conf.py), {options.clients} concurrent clients, "
          f"loopback; {os.cpu_count()} CPUs shared by server and clients")
    header = f"{'endpoint':<20}{'n':>6}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}{'ratio':>8}"
    for phase, rows in (("alone", {"hello (ceiling)": ceiling, **report["alone"]}), ("mixed", report["mixed"])):
        print(f"\n{phase}: {'each endpoint on its own' if phase == 'alone' else 'all endpoints interleaved'}")
        print(header)
        for name, s in rows.items():
            # In the mix an endpoint's share of requests/s says nothing against the ceiling; the total does.
            ratio = f"{s['rps'] / ceiling['rps']:.0%}" if phase == "alone" or name == "(all)" else "-"
            print(f"{name:<20}{s['n']:>6}{s['rps']:>9.1f}{s['p50']:>9.1f}{s['p95']:>9.1f}{s['p99']:>9.1f}"
                  f"{s['errors']:>8}{ratio:>8}")
    alone = report["alone"]
    errors = sum(s["errors"] for s in alone.values()) + report["mixed"]["(all)"]["errors"]
    checks = [("0 errors", errors == 0, f"{errors}")]
    for name in ("signing page", "wizard step GET", "wizard step POST"):
        ratio = alone[name]["rps"] / ceiling["rps"]
        checks.append((f"{name} >= 50% of ceiling", ratio >= 0.5, f"{ratio:.0%}"))
    checks.append(("DOCX download p99 < 150 ms", alone["DOCX download"]["p99"] < 150,
                   f"{alone['DOCX download']['p99']:.0f} ms"))
    print("\ntargets:")
    for label, met, value in checks:
        print(f"  {'met   ' if met else 'MISSED'} {label}: {value}")


if __name__ == "__main__":
    sys.exit(main())
