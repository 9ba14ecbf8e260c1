"""Load the web service: render contracts through the API with concurrent clients.

Starts ``docgen serve`` on 127.0.0.1 (a free port, a fresh register and data folder in a
temporary directory), adds a partner and one draft agreement per client, then the clients
ask for contracts (``POST /api/agreements/{number}/document``: render with the built-in
template, write the file, journal it) until the total is reached. Then it measures how fast
a person's page view (``GET /journal``) is answered while slow work runs beside it: idle,
PDF downloads, a batch of contracts, and a hostile template (``{{ 'a' * 10**9 }}``) uploaded
and batched — p50/p99/max latency and the service process's memory. Loopback only, bounded
in requests and time; the server is stopped at the end. Prints two tables.

Run: ``python benchmarks/service_load.py [--requests 500] [--clients 20] [--no-background]``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml
from docx import Document
from openpyxl import Workbook

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
    return send(urllib.request.Request(base + path, data=data, method=method, headers=HEADERS))


def send(request: urllib.request.Request) -> tuple[int, bytes]:
    """Send a request; return the status and the body, of an error answer too."""
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    """Return a multipart/form-data body and its content type."""
    boundary = "docgen-load-boundary"
    chunks = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        chunks.append(head.encode() + value.encode() + b"\r\n")
    for name, (file_name, data) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{file_name}"\r\nContent-Type: application/octet-stream\r\n\r\n'
        )
        chunks.append(head.encode() + data + b"\r\n")
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


def post_files(
    base: str, path: str, fields: dict[str, str], files: dict[str, tuple[str, bytes]]
) -> tuple[int, bytes]:
    """Send a multipart form; return the status and the body."""
    body, content_type = multipart(fields, files)
    headers = {**HEADERS, "Content-Type": content_type}
    return send(urllib.request.Request(base + path, data=body, method="POST", headers=headers))


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


def run(requests: int, clients: int, background: bool) -> None:
    """Run the load (and the page views beside slow work) and print the tables."""
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
            rows = beside_slow_work(base, numbers, process.pid) if background else []
        finally:
            process.terminate()
            process.wait(timeout=30)
    report(requests, clients, load, seconds, journaled)
    if rows:
        print_latency(rows)


@dataclass
class Scenario:
    """Page-view latencies measured while one kind of slow work ran."""

    name: str
    latencies: list[float]
    note: str
    rss_mb: float


def beside_slow_work(base: str, numbers: list[str], pid: int) -> list[Scenario]:
    """Measure page views while nothing, PDFs, a batch and a hostile template run."""
    work: list[tuple[str, Callable[[], str]]] = [
        ("idle", lambda: (time.sleep(3), "nothing else runs")[1]),
        ("PDF downloads", lambda: pdf_downloads(base, numbers[:4])),
        ("batch of contracts", lambda: contract_batch(base)),
        ("hostile template", lambda: hostile_template(base)),
    ]
    return [measure(base, name, job, pid) for name, job in work]


def measure(base: str, name: str, job: Callable[[], str], pid: int) -> Scenario:
    """Run ``job`` in a thread and view a page every 50 ms until it is done."""
    note: list[str] = []
    worker = threading.Thread(target=lambda: note.append(job()))
    latencies: list[float] = []
    worker.start()
    deadline = time.monotonic() + DEADLINE_SECONDS
    while (worker.is_alive() or len(latencies) < 20) and time.monotonic() < deadline:
        start = time.perf_counter()
        status, _ = call(base, "GET", "/journal")
        latencies.append(time.perf_counter() - start if status == 200 else float("inf"))
        time.sleep(0.05)
    worker.join()
    return Scenario(name, latencies, note[0] if note else "failed", resident_mb(pid))


def resident_mb(pid: int) -> float:
    """Return the process's peak resident memory (VmHWM) in MB; 0 where /proc is missing."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    line = next((row for row in status.splitlines() if row.startswith("VmHWM:")), "0 0")
    return int(line.split()[1]) / 1024


def pdf_downloads(base: str, numbers: list[str]) -> str:
    """Download every agreement in ``numbers`` as PDF, all at once."""
    if not shutil.which("soffice"):
        return "skipped: no LibreOffice"

    def one(number: str) -> int:
        path = f"/api/agreements/{quote(number, safe='')}/document?format=pdf"
        return call(base, "POST", path)[0]

    with ThreadPoolExecutor(max_workers=len(numbers)) as pool:
        statuses = list(pool.map(one, numbers))
    return f"{statuses.count(200)} of {len(statuses)} PDFs"


def contract_batch(base: str) -> str:
    """Batch the sample agreements workbook with the built-in contract."""
    workbook = (REPO / "samples" / "agreements.xlsx").read_bytes()
    status, body = post_files(
        base, "/api/batches", {"template": "contract"}, {"file": ("agreements.xlsx", workbook)}
    )
    if status != 202:
        return f"refused: {status} {body[:120]!r}"
    state = wait_for_batch(base, json.loads(body)["id"])
    return f"{state.get('done')} of {state.get('total')} documents"


def hostile_template(base: str) -> str:
    """Upload a template that builds a gigabyte string and batch it over two rows."""
    document = Document()
    document.add_paragraph("Грамота {{ name }}")
    document.add_paragraph("{{ 'a' * 10**9 }}")
    buffer = io.BytesIO()
    document.save(buffer)
    status, body = post_files(
        base, "/api/templates", {}, {"file": ("hostile.docx", buffer.getvalue())}
    )
    if status != 201:
        return f"refused at upload ({status})"
    workbook = Workbook()
    sheet = workbook.active
    for row in (["name"], ["Иванов"], ["Петров"]):
        sheet.append(row)
    sheet_bytes = io.BytesIO()
    workbook.save(sheet_bytes)
    template_id = json.loads(body)["id"]
    status, body = post_files(
        base,
        "/api/batches",
        {"template": template_id},
        {"file": ("t.xlsx", sheet_bytes.getvalue())},
    )
    if status != 202:
        return f"refused at batch start ({status})"
    state = wait_for_batch(base, json.loads(body)["id"])
    return f"rows refused: {state.get('skipped')} of {state.get('total')}"


def wait_for_batch(base: str, job_id: str) -> dict[str, Any]:
    """Poll a batch until it is finished; return its last state."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    while time.monotonic() < deadline:
        status, body = call(base, "GET", f"/api/batches/{job_id}")
        state: dict[str, Any] = json.loads(body) if status == 200 else {}
        if state.get("finished"):
            return state
        time.sleep(0.2)
    return {}


def print_latency(rows: list[Scenario]) -> None:
    """Print the page-view latency table."""
    print()
    print("page views (GET /journal) while slow work runs")
    columns = ("views", "p50 ms", "p99 ms", "max ms", "RSS MB")
    print(f"{'work beside':<20} {columns[0]:>5} " + " ".join(f"{c:>7}" for c in columns[1:]))
    for row in rows:
        ordered = sorted(row.latencies) or [0.0]
        p50 = statistics.median(ordered) * 1000
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
        print(
            f"{row.name:<20} {len(ordered):>5} {p50:>7.0f} {p99:>7.0f} "
            f"{ordered[-1] * 1000:>7.0f} {row.rss_mb:>7.0f}  {row.note}"
        )


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
    parser.add_argument("--no-background", action="store_true", help="skip the page views")
    options = parser.parse_args()
    requests, clients = max(1, min(options.requests, 5000)), max(4, min(options.clients, 100))
    run(requests, clients, not options.no_background)


if __name__ == "__main__":
    main()
