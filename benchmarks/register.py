"""Print how long concurrent requests for agreement numbers take on SQLite and PostgreSQL.

Each round: a fresh register, N threads released at once, each asking for the next number
(one transaction each). Checks that the numbers are distinct and consecutive. PostgreSQL is
measured when ``DOCGEN_TEST_PG_URL`` is set (``source .ci/postgres.sh``).
Run: ``python benchmarks/register.py``.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from threading import Barrier

from sqlalchemy import create_engine, make_url, text

from docgen.register import open_register, take_number

ROUNDS = 5


def one_round(url: str, requests: int) -> tuple[float, bool]:
    """Return the wall time of ``requests`` concurrent numbers and whether they were right."""
    register = open_register(url)
    start = Barrier(requests + 1)

    def request(_: int) -> str:
        start.wait()
        return take_number(register, 2026)

    with ThreadPoolExecutor(max_workers=requests) as pool:
        futures = [pool.submit(request, index) for index in range(requests)]
        start.wait()
        began = time.perf_counter()
        numbers = [future.result() for future in futures]
        elapsed = time.perf_counter() - began
    register.close()
    expected = [f"СП-2026/{seq:03d}" for seq in range(1, requests + 1)]
    return elapsed, sorted(numbers) == expected


def sqlite_url(folder: Path) -> str:
    """Return a new SQLite file's URL."""
    return f"sqlite:///{folder / f'{uuid.uuid4().hex}.sqlite3'}"


def postgres_url(base: str, schemas: list[str]) -> str:
    """Return the URL of a new schema in the test database; note it in ``schemas``."""
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    schemas.append(schema)
    with create_engine(base).begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


def main() -> None:
    """Print one row per database and number of concurrent requests."""
    pg = os.environ.get("DOCGEN_TEST_PG_URL")
    schemas: list[str] = []
    print(f"{'база':<12}{'запросов':>10}{'медиана, с':>12}{'мс/номер':>10}{'верно':>8}")
    with tempfile.TemporaryDirectory() as folder:
        makers = {"SQLite": lambda: sqlite_url(Path(folder))}
        if pg:
            makers["PostgreSQL"] = lambda: postgres_url(pg, schemas)
        for name, make in makers.items():
            for requests in (1, 10, 50):
                results = [one_round(make(), requests) for _ in range(ROUNDS)]
                median = statistics.median(elapsed for elapsed, _ in results)
                right = all(ok for _, ok in results)
                row = f"{name:<12}{requests:>10}{median:>12.4f}{median / requests * 1000:>10.2f}"
                print(f"{row}{'да' if right else 'НЕТ':>8}")
    if pg:
        with create_engine(pg).begin() as connection:
            for schema in schemas:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    else:
        print("PostgreSQL не измерен: задайте DOCGEN_TEST_PG_URL (source .ci/postgres.sh)")


if __name__ == "__main__":
    main()
