"""Plain-text tables that fit the terminal: the widest shrinkable columns give up characters
first, and a cut cell ends with `…`."""

from __future__ import annotations

from collections.abc import Sequence

GAP = "  "


def fit_table(rows: Sequence[Sequence[str]], width: int | None, *, shrinkable: Sequence[int] = (), minimum: int = 8) -> list[str]:
    """The rows as aligned lines at most `width` characters long (when the shrinkable columns can
    give up enough; None: no limit)."""
    columns = len(rows[0])
    widths = [max(len(row[i]) for row in rows) for i in range(columns)]
    if width is not None:
        excess = sum(widths) + len(GAP) * (columns - 1) - width
        while excess > 0:
            candidates = [i for i in shrinkable if widths[i] > minimum]
            if not candidates:
                break
            widest = max(candidates, key=lambda i: widths[i])
            widths[widest] -= 1
            excess -= 1
    lines = []
    for row in rows:
        cells = [_cut(cell, widths[i]).ljust(widths[i]) if i < columns - 1 else _cut(cell, widths[i]) for i, cell in enumerate(row)]
        lines.append(GAP.join(cells).rstrip())
    return lines


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"
