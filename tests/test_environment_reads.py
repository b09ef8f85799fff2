"""The environment is read at start, by load_settings, never as a side effect of an import."""

from __future__ import annotations

import ast
import importlib

from tests.test_layers import ROOT, _modules

ENVIRONMENT_NAMES = {"environ", "getenv", "environb", "getenvb"}


def _reads_environment(node: ast.AST) -> bool:
    """`os.environ`, `os.getenv(...)`, or `environ`/`getenv` imported from os."""
    if isinstance(node, ast.Attribute):
        return node.attr in ENVIRONMENT_NAMES
    return isinstance(node, ast.Name) and node.id in ENVIRONMENT_NAMES


def _load_time_reads(tree: ast.Module) -> list[int]:
    """Lines that touch the environment while the module loads: outside any function body.

    A function's decorators and default values run at import, so they count; its body and a
    lambda's do not.
    """
    found: list[int] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for part in [*node.decorator_list, *node.args.defaults, *node.args.kw_defaults]:
                if part is not None:
                    visit(part)
            return
        if isinstance(node, ast.Lambda):
            for part in [*node.args.defaults, *node.args.kw_defaults]:
                if part is not None:
                    visit(part)
            return
        if _reads_environment(node):
            found.append(getattr(node, "lineno", 0))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def test_no_module_reads_the_environment_when_it_is_imported():
    reads = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in _modules().values()
        for line in _load_time_reads(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert reads == []


def test_the_check_sees_a_read_at_load_time_and_not_one_inside_a_function():
    """A check that found nothing anywhere would always pass."""
    loading = ast.parse(
        "import os\nURL = os.environ.get('X')\ndef f(env=os.environ):\n    return os.getenv('Y')\n"
    )
    assert _load_time_reads(loading) == [2, 3]
    assert _load_time_reads(ast.parse("def f():\n    return os.environ['X']\n")) == []


def test_tortoises_command_still_finds_its_configuration(monkeypatch):
    """`tortoise -c overdracht.db.TORTOISE_ORM` reads the database URL when it asks, not before."""
    db = importlib.import_module("overdracht.db")
    monkeypatch.setenv("OVERDRACHT_DATABASE_URL", "sqlite://:memory:")
    assert db.TORTOISE_ORM["connections"] == {"default": "sqlite://:memory:"}
    monkeypatch.setenv("OVERDRACHT_DATABASE_URL", "postgres://u@db:5432/ovd")
    assert db.TORTOISE_ORM["connections"] == {"default": "postgres://u@db:5432/ovd"}
