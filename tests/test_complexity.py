"""The document model stays changeable: no block (function, method or class) in
`compliance/document/` ranks worse than C in radon's cyclomatic complexity (20 or less)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from radon.complexity import cc_rank, cc_visit

DOCUMENT_PACKAGE = Path(__file__).resolve().parent.parent / "compliance" / "document"
WORST_ALLOWED_RANK = "C"


def _scored_blocks(source: str) -> Iterator[Any]:
    """Every block radon scores, nested functions included (cc_visit lists methods but nests closures)."""
    pending = list(cc_visit(source))
    while pending:
        block = pending.pop()
        yield block
        pending.extend(getattr(block, "closures", []))


def test_a_tangled_function_is_ranked_worse_than_c() -> None:
    branches = "\n".join(f"    if x == {n}:\n        return {n}" for n in range(25))
    ranks = [cc_rank(block.complexity) for block in _scored_blocks(f"def tangled(x):\n{branches}\n    return -1\n")]
    assert ranks == ["D"]


def test_no_document_block_ranks_worse_than_c() -> None:
    modules = sorted(DOCUMENT_PACKAGE.rglob("*.py"))
    assert {m.name for m in modules} >= {"model.py", "positions.py", "visibility.py", "region.py", "html.py", "plaintext.py", "bylines.py"}
    too_complex = [
        f"{module.name}:{block.lineno} {block.fullname} rank {cc_rank(block.complexity)} ({block.complexity})"
        for module in modules
        for block in _scored_blocks(module.read_text(encoding="utf-8"))
        if cc_rank(block.complexity) > WORST_ALLOWED_RANK
    ]
    assert too_complex == []
