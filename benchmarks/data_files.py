"""Read data files of growing size, an over-limit file and an alias bomb; print time and memory.

Run: ``python benchmarks/data_files.py [--sizes 0.1 1 4.5]`` (sizes in MB).

Each case runs in a fresh interpreter so that its peak memory (VmHWM, Linux) is its own:
``load_data`` of a YAML list of short strings of the given size, of a file just over
``DATA_FILE_LIMIT`` (refused before parsing) and of a 60-byte-per-line alias bomb that would
expand to 9**10 values (refused by the alias budget).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

_CHILD = """
import json, resource, sys, time
from pathlib import Path
from docgen.errors import InputError
from docgen.sources import load_data
started = time.perf_counter()
try:
    load_data(Path(sys.argv[1]))
    outcome = "read"
except InputError as exc:
    outcome = "refused: " + str(exc).split(": ", 1)[1][:60]
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "outcome": outcome}))
"""


def yaml_list(path: Path, megabytes: float) -> Path:
    """Write a YAML file of about ``megabytes`` holding one list of short strings."""
    line = '  - "строка данных для замера времени чтения"\n'
    count = int(megabytes * 1024 * 1024 / len(line.encode("utf-8")))
    path.write_text("notes:\n" + line * count, encoding="utf-8")
    return path


def alias_bomb(path: Path, levels: int = 10) -> Path:
    """Write a billion-laughs YAML file: each level lists the previous one nine times."""
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def measure(path: Path) -> dict[str, object]:
    """Load ``path`` in a fresh interpreter; return its time, peak memory and outcome."""
    run = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=True
    )
    result: dict[str, object] = json.loads(run.stdout)
    return result


def main() -> None:
    """Print one row per case."""
    from docgen.sources.files import DATA_FILE_LIMIT

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1.0, 4.5])
    sizes = parser.parse_args().sizes
    with tempfile.TemporaryDirectory() as folder:
        cases = [
            (f"{size:g} MB list", yaml_list(Path(folder) / f"{size}.yaml", size)) for size in sizes
        ]
        over = DATA_FILE_LIMIT / 1024 / 1024 * 1.2
        cases.append((f"{over:.1f} MB (over limit)", yaml_list(Path(folder) / "over.yaml", over)))
        cases.append(("alias bomb 9^10", alias_bomb(Path(folder) / "bomb.yaml")))
        print(f"{'case':<24}{'seconds':>9}{'peak MB':>9}  outcome")
        for label, path in cases:
            row = measure(path)
            print(f"{label:<24}{row['seconds']:>9.2f}{row['peak_mb']:>9.0f}  {row['outcome']}")


if __name__ == "__main__":
    main()
