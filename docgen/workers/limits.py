"""The limits every rendering worker process runs under, and how a process applies them."""

from __future__ import annotations

import sys
from dataclasses import dataclass

RENDER_SECONDS = 30.0
"""The longest one document may take to render in a worker."""
RENDER_MEMORY_MB = 1024
"""The address space a rendering worker may use, in megabytes."""


@dataclass(frozen=True)
class Limits:
    """How long one document may render and how much memory a worker may hold."""

    seconds: float = RENDER_SECONDS
    memory_mb: int = RENDER_MEMORY_MB

    def describe_time(self) -> str:
        """Return, in Russian, why a document that ran out of time was refused."""
        return (
            f"документ не собран: шаблон считал его дольше {self.seconds:g} с и был "
            "остановлен — проверьте циклы и повторения в шаблоне"
        )

    def describe_memory(self) -> str:
        """Return, in Russian, why a document that ran out of memory was refused."""
        return (
            f"документ не собран: шаблону не хватило {self.memory_mb} МБ памяти — "
            "проверьте повторения строк и списков в шаблоне"
        )

    def describe_crash(self, code: int | None) -> str:
        """Return, in Russian, why a document whose worker died was refused."""
        how = f"остановлен сигналом {-code}" if code is not None and code < 0 else f"код {code}"
        return (
            f"документ не собран: процесс сборки аварийно завершился ({how}) — "
            "вероятно, шаблону не хватило памяти"
        )


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space, so a runaway template fails with MemoryError."""
    if sys.platform == "win32":  # pragma: no cover - no RLIMIT_AS; the time limit still holds
        return
    import resource

    limit = megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):  # pragma: no cover - macOS refuses; the time limit holds
        return
