"""Load the web service: render contracts through the API with concurrent clients.

Starts ``docgen serve`` on 127.0.0.1 (a free port, a fresh register and data folder in a
temporary directory), adds a partner and one draft agreement per client, then the clients
ask for contracts (``POST /api/agreements/{number}/document``: render with the built-in
template, write the file, journal it) until the total is reached. Loopback only, bounded in
requests and time; the server is stopped at the end. Prints a table.

Run: ``python benchmarks/service_load.py [--requests 500] [--clients 20]``.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml

REPO = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
DEADLINE_SECONDS = 900
REQUEST_TIMEOUT = 120
HEADERS = {"X-Docgen-Client": "service_load", "Content-Type": "application/json"}


def free_port() -> int:
    """Return a free TCP port on the loopback interface."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def call(base: str, method: str, path: str, body: Any = None) -> tuple[int, bytes]:
    """Send one request; return the status and the body."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method, headers=HEADERS)
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def start_server(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``docgen serve`` and wait until it answers."""
    port = free_port()
    env = dict(os.environ, DOCGEN_CENTRE=str(REPO / "samples" / "centre.yaml"), HOME=str(folder))
    env.pop("DOCGEN_PASSWORD", None)
    command = [sys.executable, "-c", "from docgen.cli import main; main()", "serve", "--host", HOST]
    command += ["--port", str(port), "--db", str(folder / "r.sqlite3"), "--data", str(folder / "d")]
    process = subprocess.Popen(command, env=env, cwd=folder, stdout=subprocess.DEVNULL)
    base = f"http://{HOST}:{port}"
    for _ in range(300):
        try:
            if call(base, "GET", "/api/templates")[0] == 200:
                return process, base
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit("docgen serve did not start in 30 s")


def seed(base: str, agreements: int) -> list[str]:
    """Add the museum partner and ``agreements`` drafts; return their numbers."""
    museum = yaml.safe_load((REPO / "contracts" / "2026-002-museum.yaml").read_text("utf-8"))
    status, body = call(base, "POST", "/api/partners", museum["partner"])
    assert status == 201, body
    terms = {key: value for key, value in museum.items() if key not in ("number", "partner")}
    request = {
        "partner_inn": museum["partner"]["organisation"]["requisites"]["inn"],
        "terms": terms,
    }
    numbers = []
    for _ in range(agreements):
        status, body = call(base, "POST", "/api/agreements", request)
        assert status == 201, body
        numbers.append(json.loads(body)["agreement"]["number"])
    return numbers


class Load:
    """Hand out request slots to client threads and keep what each request took."""

    def __init__(self, total: int) -> None:
        self.left = total
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.stop_at = time.monotonic() + DEADLINE_SECONDS

    def take(self) -> bool:
        """Take one request slot; False when the total is reached or time is up."""
        with self.lock:
            if self.left <= 0 or time.monotonic() > self.stop_at:
                return False
            self.left -= 1
            return True

    def client(self, base: str, number: str) -> None:
        """Ask for the contract ``number`` until no slots are left."""
        path = f"/api/agreements/{quote(number, safe='')}/document"
        while self.take():
            start = time.perf_counter()
            try:
                status, body = call(base, "POST", path)
            except OSError as exc:
                status, body = 0, str(exc).encode()
            elapsed = time.perf_counter() - start
            with self.lock:
                if status == 200 and body.startswith(b"PK"):
                    self.latencies.append(elapsed)
                else:
                    self.errors.append(f"{status}: {body[:200]!r}")


def run(requests: int, clients: int) -> None:
    """Run the load and print the table."""
    with tempfile.TemporaryDirectory(prefix="docgen-load-") as temporary:
        process, base = start_server(Path(temporary))
        try:
            numbers = seed(base, clients)
            load = Load(requests)
            threads = [
                threading.Thread(target=load.client, args=(base, number)) for number in numbers
            ]
            start = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            seconds = time.perf_counter() - start
            status, body = call(base, "GET", "/api/journal")
            journaled = len(json.loads(body)) if status == 200 else -1
        finally:
            process.terminate()
            process.wait(timeout=30)
    report(requests, clients, load, seconds, journaled)


def report(requests: int, clients: int, load: Load, seconds: float, journaled: int) -> None:
    """Print what the load did."""
    done = len(load.latencies)
    ordered = sorted(load.latencies) or [0.0]
    rows = [
        ("contracts asked", str(requests)),
        ("concurrent clients", str(clients)),
        ("rendered (200, .docx)", str(done)),
        ("errors", str(len(load.errors))),
        ("journal entries", str(journaled)),
        ("wall time, s", f"{seconds:.1f}"),
        ("throughput, contracts/s", f"{done / seconds:.1f}" if seconds else "-"),
        ("latency median, ms", f"{statistics.median(ordered) * 1000:.0f}"),
        ("latency p95, ms", f"{ordered[int(len(ordered) * 0.95) - 1] * 1000:.0f}"),
        ("latency max, ms", f"{ordered[-1] * 1000:.0f}"),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value:>8}")
    for error in load.errors[:5]:
        print("error:", error)
    if load.errors or done != requests:
        raise SystemExit(1)


def main() -> None:
    """Parse the options and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--clients", type=int, default=20)
    options = parser.parse_args()
    run(max(1, min(options.requests, 5000)), max(1, min(options.clients, 100)))


if __name__ == "__main__":
    main()
