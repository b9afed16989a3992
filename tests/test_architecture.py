"""The shape the code promises: a pure core (no I/O, printing or exits), typer never bypassed."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "compliance"
# startup.py: the console script's entry point, which exits with the command's code.
EDGE_MODULES = {
    "cachefiles.py",
    "placefiles.py",
    "cli.py",
    "loading.py",
    "inputs.py",
    "packfiles.py",
    "configfiles.py",
    "outputs.py",
    "originals.py",
    "__main__.py",
    "reference.py",
    "startup.py",
}
# The audit's edges: reading WARC files and folders, fetching, its SQLite state, writing its reports, its progress at a terminal.
AUDIT_EDGE_MODULES = {"audit/sources.py", "audit/fetching.py", "audit/state.py", "audit/run.py", "audit/progress.py"}
# The web server is an edge like the CLI: it reads requests and its settings from the environment.
EDGE_PACKAGES = {"serve"}
CORE_MODULES = sorted(
    p
    for p in PACKAGE.rglob("*.py")
    if p.name not in EDGE_MODULES and str(p.relative_to(PACKAGE)) not in AUDIT_EDGE_MODULES and not EDGE_PACKAGES & set(p.relative_to(PACKAGE).parts)
)
FORBIDDEN_CALLS = {"open", "print", "input", "exit"}
FORBIDDEN_ATTRIBUTES = {("sys", "exit"), ("sys", "stdout"), ("sys", "stderr"), ("sys", "stdin"), ("os", "environ"), ("os", "getenv")}


@pytest.mark.parametrize("module", CORE_MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_module_does_no_io(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
            problems.append(f"line {node.lineno}: {node.func.id}()")
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and (node.value.id, node.attr) in FORBIDDEN_ATTRIBUTES:
            problems.append(f"line {node.lineno}: {node.value.id}.{node.attr}")
        if isinstance(node, ast.Attribute) and node.attr in {"read_text", "read_bytes", "write_text", "write_bytes"}:
            problems.append(f"line {node.lineno}: .{node.attr}")
    assert problems == []


def test_nothing_imports_click_directly() -> None:
    for module in PACKAGE.rglob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            assert not any(name == "click" or name.startswith("click.") for name in names), module


def test_findings_module_imports_nothing_from_the_package() -> None:
    tree = ast.parse((PACKAGE / "findings.py").read_text(encoding="utf-8"))
    imported = [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert not any(module and module.startswith("compliance") for module in imported)


def test_every_optional_module_a_test_needs_comes_with_the_test_extra() -> None:
    """CI installs `.[test]` and nothing else: a test that skips for a module the test extra does not
    bring (`pytest.importorskip`) would never run there, silently."""
    import importlib.metadata
    import importlib.util
    import re
    import tomllib

    root = PACKAGE.parent
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]

    def name_of(requirement: str) -> str:
        return re.match(r"[A-Za-z0-9_.-]+", requirement).group().lower().replace("_", "-")  # type: ignore[union-attr]

    def requirements(extra: str) -> set[str]:
        names: set[str] = set()
        for requirement in extras[extra]:
            name = name_of(requirement)
            chosen = [e.strip() for e in (re.search(r"\[(.*?)\]", requirement) or re.match("()", "")).group(1).split(",") if e.strip()]
            if name == project["name"]:
                for inner in chosen:
                    names |= requirements(inner)
                continue
            names.add(name)
            # What an extra of a dependency brings (dask[distributed] installs 'distributed'), from its metadata.
            for dependency in importlib.metadata.requires(name) or []:
                if any(re.search(rf"extra\s*==\s*[\"']{e}[\"']", dependency) for e in chosen):
                    names.add(name_of(dependency))
        return names

    brought = requirements("test")
    distributions = importlib.metadata.packages_distributions()
    needed = {m for f in (root / "tests").glob("*.py") for m in re.findall(r'importorskip\(\s*"([\w.]+)"', f.read_text(encoding="utf-8"))}
    assert {"warcio", "distributed", "dask.bag"} <= needed
    for module in sorted(needed):
        providers = {d.lower().replace("_", "-") for d in distributions.get(module.split(".")[0], [])}
        assert providers & brought, (module, providers, sorted(brought))
        assert importlib.util.find_spec(module) is not None, module


def test_the_whole_repository_is_ruff_clean() -> None:
    """The package, tests, benchmarks and examples meet the same lint rules (pyproject's [tool.ruff])."""
    import shutil
    import subprocess
    import sys

    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff is not None, "ruff is in the test extra"
    run = subprocess.run([ruff, "check", "--no-cache", "."], cwd=PACKAGE.parent, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
