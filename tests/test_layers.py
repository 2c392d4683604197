"""The package's layering (../shared/DESIGN.md): each stage imports only the stages above it,
only the adapter imports MkDocs, only media/imaging.py imports Pillow, and no module imports
another in a cycle. Read from the source, so a new feature cannot quietly break it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "hall"
#: Stages from the bottom up: a module may import its own stage and the ones before it.
STAGES = ("base", "content", "media", "pages", "outputs", "cli", "mkdocs")
#: What each stage may use besides itself (cli and mkdocs use everything; cli only the
#: adapter's build call and switches, never its plugin).
ALLOWED = {
    "base": {"base"},
    "content": {"base", "content"},
    "media": {"base", "content", "media"},
    "pages": {"base", "content", "media", "pages"},
    "outputs": {"base", "content", "media", "pages", "outputs"},
    "cli": {"base", "content", "media", "pages", "outputs", "cli", "mkdocs"},
    "mkdocs": {"base", "content", "media", "pages", "outputs", "mkdocs"},
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ["hall", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imports(name: str, path: Path) -> set[str]:
    """Every module ``name`` imports (absolute names, relative imports resolved)."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    targets = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            targets.add(module)
            targets |= {f"{module}.{alias.name}" for alias in node.names}
    return targets


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in STAGES) else "base"


def test_each_stage_imports_only_the_stages_before_it():
    modules = _modules()
    wrong = []
    for name, path in modules.items():
        for target in _imports(name, path):
            if target.startswith("hall.") or target == "hall":
                while target not in modules and "." in target:
                    target = target.rpartition(".")[0]
                if target in modules and _stage(target) not in ALLOWED[_stage(name)]:
                    wrong.append(f"{name} → {target}")
    assert wrong == [], "imports against the layering:\n" + "\n".join(sorted(wrong))


def test_only_the_adapter_knows_mkdocs_and_only_imaging_knows_pillow():
    modules = _modules()
    mkdocs_users = {name for name, path in modules.items()
                    if any(t == "mkdocs" or t.startswith("mkdocs.") for t in _imports(name, path))}
    pillow_users = {name for name, path in modules.items()
                    if any(t == "PIL" or t.startswith("PIL.") for t in _imports(name, path))}
    assert all(name.startswith(("hall.mkdocs", "hall.cli")) for name in mkdocs_users), mkdocs_users
    assert pillow_users == {"hall.media.imaging"}


def test_no_module_imports_another_in_a_cycle():
    modules = _modules()
    graph = {}
    for name, path in modules.items():
        edges = set()
        for target in _imports(name, path):
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name and not name.startswith(target + ".") and not target.startswith(name + "."):
                edges.add(target)
        graph[name] = edges
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " → ".join(trail[trail.index(nxt):] + [node, nxt]))
            if nxt not in state:
                visit(nxt, trail + [node])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])


def test_no_module_is_over_400_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}
