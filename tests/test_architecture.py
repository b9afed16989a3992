"""The shape the code promises: a pure core (no I/O, printing or exits), typer never bypassed."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "compliance"
EDGE_MODULES = {"cli.py", "loading.py", "inputs.py", "packfiles.py", "configfiles.py", "outputs.py", "originals.py", "__main__.py", "reference.py"}
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
