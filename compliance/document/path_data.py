"""SVG path data (`clip-path: path("M0 0 L10 0")`, SVG 2, 9.3) read for one question: whether the
path encloses any area. Only straight segments are read (`M`, `L`, `H`, `V`, `Z`, in absolute or
relative form); a path with a curve or an arc, or that is not well formed, is not judged.
"""

from __future__ import annotations

import re

from compliance.firstuse import on_first_use

# A command letter, or a number (with a sign, a fraction and an exponent).
_PIECES = on_first_use(r"[MmLlHhVvZzCcSsQqTtAa]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_STRAIGHT = frozenset("MmLlHhVvZz")
_NUMBERS_PER_STEP = {"m": 2, "l": 2, "h": 1, "v": 1, "z": 0}


def encloses_nothing(data: str) -> bool:
    """True when path data draws only straight segments and every subpath of it has no area (a
    lone point, a line, points all on one line): a clip path of it clips everything away."""
    pieces = _PIECES().findall(data)
    if not pieces or "".join(pieces) != re.sub(r"[\s,]+", "", data) or pieces[0] not in "Mm":
        return False
    subpaths = _subpaths(pieces)
    return subpaths is not None and all(_twice_the_area(points) == 0 for points in subpaths)


def _subpaths(pieces: list[str]) -> list[list[tuple[float, float]]] | None:
    """The points of each subpath, in absolute coordinates; None for a curve, an arc, or a
    command with the wrong count of numbers."""
    subpaths: list[list[tuple[float, float]]] = []
    x = y = 0.0
    index = 0
    while index < len(pieces):
        command = pieces[index]
        if command not in _STRAIGHT:
            return None
        count = _NUMBERS_PER_STEP[command.lower()]
        numbers = []
        index += 1
        while index < len(pieces) and not pieces[index].isalpha():
            numbers.append(float(pieces[index]))
            index += 1
        if (count == 0 and numbers) or (count and (not numbers or len(numbers) % count)):
            return None
        if command in "Mm":
            subpaths.append([])
        if not subpaths:
            return None
        x, y = _steps(command, numbers, count, x, y, subpaths[-1])
    return subpaths


def _steps(command: str, numbers: list[float], count: int, x: float, y: float, points: list[tuple[float, float]]) -> tuple[float, float]:
    """Add the points one command draws to (relative commands from the current point); where it ends."""
    relative = command.islower()
    kind = command.lower()
    for start in range(0, len(numbers), count or 1) if count else ():
        step = numbers[start : start + count]
        if kind in ("m", "l"):
            x, y = (x + step[0], y + step[1]) if relative else (step[0], step[1])
        elif kind == "h":
            x = x + step[0] if relative else step[0]
        else:
            y = y + step[0] if relative else step[0]
        points.append((x, y))
    if kind == "z" and points:
        x, y = points[0]
    return x, y


def _twice_the_area(points: list[tuple[float, float]]) -> float:
    """Twice the area a closed polygon through these points encloses, by the shoelace formula
    (0 for fewer than three points, or points on one line)."""
    if len(points) < 3:
        return 0.0
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True))
