"""No circles inside the engine or the service: when two modules need each other, a third holds
the shared piece.

Every import counts, at the top of a module, inside a function or under TYPE_CHECKING (a
lazy import hides a circle, it does not break it).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import docgen.engine
import docgen.service

ENGINE = Path(docgen.engine.__file__).parent
SERVICE = Path(docgen.service.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(ENGINE.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """Return which of ``modules`` ``path`` imports, anywhere in it."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        found |= {name for name in names if name in modules}
    return found


def _graph(package: Path) -> dict[str, set[str]]:
    paths = {_module_name(path): path for path in package.rglob("*.py")}
    modules = set(paths)
    graph = {name: _imports(path, modules) - {name} for name, path in paths.items()}
    # a package's __init__ re-exports its modules: importing a module is not importing it back
    return {
        name: {m for m in targets if not (name.startswith(m + ".") and m in modules)}
        for name, targets in graph.items()
    }


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = 1
        stack.append(name)
        for target in sorted(graph.get(name, ())):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[name] = 2
        return None

    for name in sorted(graph):
        if name not in state and (found := visit(name)):
            return found
    return None


@pytest.mark.parametrize(
    ("package", "expected"),
    [
        (ENGINE, {"docgen.engine.compile", "docgen.engine.template"}),
        (SERVICE, {"docgen.service.app", "docgen.service.library"}),
    ],
)
def test_no_import_circles(package: Path, expected: set[str]) -> None:
    graph = _graph(package)
    assert expected <= set(graph)
    assert _cycle(graph) is None, " → ".join(_cycle(graph) or [])


def test_the_circle_finder_finds_a_circle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
