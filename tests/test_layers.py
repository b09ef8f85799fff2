"""The house's floors: imports point down only, none hides in a function, and none goes round."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The floors, ground first: a module imports only from its own floor and those below.
FLOORS: list[tuple[str, ...]] = [
    ("overdracht",),
    ("models",),
    ("mail",),
    ("worker",),
    # Inside api: what every request uses (context, auth, errors, paging, limits) ...
    ("api",),
    # ... the GraphQL types, which declare ...
    ("api.schema",),
    # ... the use cases, which decide and build those types ...
    ("api.resolvers",),
    # ... Query, Mutation and Subscription, which wire each field to its resolver ...
    ("api.root_types",),
    # ... the view that serves the schema built from them ...
    ("api.graphql",),
    # ... and the app that mounts it beside the other routes.
    ("api.app",),
    ("commands",),
]
PACKAGES = ("overdracht", "models", "mail", "worker", "api", "commands")


def floor(module: str) -> int:
    """The floor of a module: the one of its longest matching prefix."""
    matches = [
        (len(prefix), level)
        for level, prefixes in enumerate(FLOORS)
        for prefix in prefixes
        if module == prefix or module.startswith(prefix + ".")
    ]
    return max(matches)[1]


def _modules() -> dict[str, Path]:
    """Every module of the service's packages, by dotted name (migrations are generated)."""
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.relative_to(ROOT).parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def _is_type_checking(node: ast.If) -> bool:
    """`if TYPE_CHECKING:` blocks name types for the checker; they never run."""
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def _imports(tree: ast.Module) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The module-level imports that run, and the imports made inside functions."""
    running: list[tuple[int, str]] = []
    nested: list[tuple[int, str]] = []

    def names(node: ast.Import | ast.ImportFrom) -> list[str]:
        if isinstance(node, ast.Import):
            return [alias.name for alias in node.names]
        base = node.module or ""
        return [base] + [f"{base}.{alias.name}" for alias in node.names]

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                continue
            if isinstance(child, ast.Import | ast.ImportFrom):
                target = nested if in_function else running
                target.extend((child.lineno, name) for name in names(child))
            function = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            visit(child, in_function or function)

    visit(tree, False)
    return running, nested


def _graph() -> tuple[dict[str, set[str]], list[str]]:
    """Which project module imports which at load time, and every import inside a function."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    hidden: list[str] = []
    for name, path in modules.items():
        running, nested = _imports(ast.parse(path.read_text(encoding="utf-8")))
        graph[name] = {target for _, target in running if target in modules and target != name}
        hidden += [f"{path.relative_to(ROOT)}:{line} imports {target}" for line, target in nested]
    return graph, hidden


def test_imports_point_down_only():
    graph, _ = _graph()
    upward = [
        f"{module} imports {target}"
        for module, targets in graph.items()
        for target in targets
        if floor(target) > floor(module)
    ]
    assert upward == []


def test_no_import_hides_in_a_function():
    _, hidden = _graph()
    assert hidden == []


def test_no_two_modules_import_each_other_even_round_about():
    graph, _ = _graph()
    cycles: list[list[str]] = []
    state: dict[str, str] = {}

    def walk(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                walk(target, [*path, target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            walk(module, [module])
    assert cycles == []


def test_the_check_sees_what_it_guards():
    """The walk finds the modules it judges: a check over nothing would always pass."""
    graph, _ = _graph()
    assert "worker.loops" in graph["commands.worker_process"] and "worker.loops" in graph["api.app"]
    assert "commands.process" in graph["commands.cli"]
    assert "worker.runner" in graph["worker.mover"] and "mail.sending" in graph["worker.dispatcher"]
    # The steps queue their notices as data; mail, above them, writes the notices out.
    assert "models.notices.offer" in graph["models.lifecycle"]
    assert "models.notices" in graph["mail.composing"]
    assert floor("mail.composing") > floor("models.lifecycle") == floor("models.notices.offer")
    assert floor("api.app") > floor("worker.mover") > floor("mail.sending") > floor("models.outbox")
    assert floor("commands.demo") > floor("api.app") > floor("overdracht.settings")
    # Inside api: the root types wire resolvers, which build the types, which page with the core.
    assert "api.resolvers.offer_migration" in graph["api.root_types.mutation"]
    assert "api.schema.offering" in graph["api.resolvers.offer_migration"]
    assert "api.pagination" in graph["api.schema.migration"]
    assert (
        floor("api.graphql")
        > floor("api.root_types.query")
        > floor("api.resolvers.migrations")
        > floor("api.schema.migration")
        > floor("api.pagination")
        > floor("worker.mover")
    )
