"""The events and newsletters apps import downwards only: no module of the app imports,
at the top or inside a function, a module that imports it back, and services never
import tasks (tasks wrap services). Read from the source with `ast`, so an import
hidden in a function to dodge a circular import at start-up counts as much as one at
the top."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ("events", "newsletters")
SERVICES = (
    "events.registrations.services",
    "events.participation_week.services",
    "events.surveys.services",
    "newsletters.services",
    "newsletters.services.bounces",
    "newsletters.services.composing",
    "newsletters.services.csv_io",
    "newsletters.services.dispatch",
    "newsletters.services.esp",
    "newsletters.services.sending",
    "newsletters.services.subscriptions",
    "newsletters.services.tracking",
)


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(app="events"):
    """{module name: path} of every Python module of the app."""
    return {module_name(path): path for path in sorted((ROOT / app).rglob("*.py"))}


def imported_names(name, path):
    """Every module name `name` imports anywhere in its source, relative imports resolved;
    `from package import name` is the submodule when `package.name` is one."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module
            found.append((module, node.lineno))
            found += [(f"{module}.{alias.name}", node.lineno) for alias in node.names]
    return found


def import_graph(app="events"):
    """{module: {imported module of the app: line of the first such import}}."""
    known = modules(app)
    graph = {}
    for name, path in known.items():
        edges = {}
        for target, line in imported_names(name, path):
            if target in known and target != name:
                edges.setdefault(target, line)
        graph[name] = edges
    return graph


def cycles(graph):
    """The strongly connected groups of more than one module (Tarjan), each with one
    cycle through it as a list of modules, first module repeated at the end."""
    index, low, on_stack, stack, groups = {}, {}, set(), [], []
    counter = [0]

    def connect(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return [(group, one_cycle(graph, group)) for group in groups]


def one_cycle(graph, group):
    """A shortest cycle through the group's first module (breadth-first back to it)."""
    start = min(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph[node]):
            if target == start:
                return [*paths[node], start]
            if target in group and target not in paths:
                paths[target] = [*paths[node], target]
                queue.append(target)
    return [start]


def describe(graph, group, cycle):
    """The cycle, then every import between the group's modules: cutting enough of
    them (moving code down, or the import up into a caller) breaks the group."""
    edges = [
        f"  {source} (line {line}) imports {target}"
        for source in sorted(group)
        for target, line in sorted(graph[source].items())
        if target in group
    ]
    return f"cycle: {' -> '.join(cycle)}\nimports within the group:\n" + "\n".join(edges)


def test_the_graph_sees_imports_inside_functions_and_relative_ones():
    graph = import_graph()

    assert "events.models.pages" in graph["events.models"]  # from .pages import ...
    assert "events.registrations.services" in graph["events.receivers"]


@pytest.mark.parametrize("app", APPS)
def test_no_module_of_the_app_imports_one_that_imports_it_back(app):
    graph = import_graph(app)

    found = cycles(graph)

    assert not found, f"Import cycles in {app}:\n" + "\n\n".join(
        f"{len(group)} modules: {', '.join(sorted(group))}\n{describe(graph, group, cycle)}"
        for group, cycle in found
    )


@pytest.mark.parametrize("service", SERVICES)
def test_services_never_import_tasks(service):
    path = modules(service.split(".")[0])[service]

    tasks = sorted(
        f"{target} (line {line})"
        for target, line in imported_names(service, path)
        if "tasks" in target.split(".") and not target.startswith("django")
    )

    assert not tasks, f"{service} imports tasks, which wrap services: {tasks}"
