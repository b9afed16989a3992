"""A `transform` read as the 4×4 matrix its functions compose to (CSS Transforms 1 and 2), and
what the box's plane becomes on the screen through it:

- turned away from the reader with `backface-visibility: hidden` (`rotateY(180deg)`): Chromium's
  test, the sign of the normal's z after the transform (its cofactor over the determinant);
- behind the viewer, every point of the plane at w ≤ 0 under a perspective (`perspective: 100px`
  on the parent and `translateZ(200px)`, or `perspective(100px) translateZ(200px)`);
- flattened onto a line, squeezed to a hundredth along some direction with no perspective
  (`rotateX(60deg) rotateX(30deg)`, `matrix(1, 1, 1, 1.001, 0, 0)`, a shear near 90°:
  `skewX(89.5deg)`, which leaves ink, a smear no one reads), or stretched a million
  times (`skewX(90deg)`, whose tangent is infinite), which Chromium does not paint.

A translation in a percentage moves the box and changes none of these without a perspective;
with one it is not read. A function or an argument not read leaves the transform unread (None).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from compliance.document.css import NEGLIGIBLE_TRANSFORM_SCALE, length_px, number

Matrix = tuple[tuple[float, ...], ...]  # four rows of four, acting on column vectors
IDENTITY: Matrix = ((1.0, 0.0, 0.0, 0.0), (0.0, 1.0, 0.0, 0.0), (0.0, 0.0, 1.0, 0.0), (0.0, 0.0, 0.0, 1.0))
_DEGREES = {"deg": 1.0, "grad": 0.9, "rad": 180 / math.pi, "turn": 360.0}
# A stretch this large: Chromium paints nothing of the box (it leaves no ink from 10⁴ on).
_STRETCHED_AWAY = 1e6
# Enlarged this much along every direction: a glyph of 16px text is 160,000px across, of which a
# screen shows a piece of one stroke or of the gap beside it (Chromium leaves no ink of a line of
# text so scaled, centred, left-aligned or an inline-block, of 8px or 16px text: measured; it
# leaves ink at 1,000, a piece of a glyph).
_ENLARGED_AWAY = 1e4
# Shrunk this much under a perspective: Chromium leaves no ink of text drawn at 1/201 or 1/1001 of
# its size (measured), and a speck under a pixel high at 1/151 and 1/101, which is not judged.
_SHRUNK_AWAY = 1 / 200
# Relative to the matrix's size, a determinant this small is zero (a float's cos(90deg) is 6e-17).
_FLAT = 1e-9


def compose(a: Matrix, b: Matrix) -> Matrix:
    """The matrix of `a` applied after `b`."""
    return tuple(tuple(sum(a[i][k] * b[k][j] for k in range(4)) for j in range(4)) for i in range(4))


def _degrees(token: Any) -> float | None:
    if token.type == "dimension" and token.lower_unit in _DEGREES:
        return float(token.value) * _DEGREES[token.lower_unit]
    return 0.0 if token.type == "number" and token.value == 0 else None


def _arguments(token: Any) -> list[Any]:
    return [t for t in token.arguments if t.type not in ("whitespace", "comment") and not (t.type == "literal" and t.value == ",")]


def _translation(arguments: Sequence[Any]) -> list[float] | None:
    """Lengths in px, a percentage (of the box, not known here) read as NaN."""
    found: list[float] = []
    for token in arguments:
        px = math.nan if token.type == "percentage" else length_px(token)
        if px is None:
            return None
        found.append(px)
    return found


def _rotation(x: float, y: float, z: float, degrees: float) -> Matrix | None:
    """The matrix of `rotate3d(x, y, z, angle)` (CSS Transforms 2, 12)."""
    length = math.sqrt(x * x + y * y + z * z)
    if length == 0:
        return None
    x, y, z = x / length, y / length, z / length
    s, c = math.sin(math.radians(degrees)), math.cos(math.radians(degrees))
    t = 1 - c
    return (
        (t * x * x + c, t * x * y - s * z, t * x * z + s * y, 0.0),
        (t * x * y + s * z, t * y * y + c, t * y * z - s * x, 0.0),
        (t * x * z - s * y, t * y * z + s * x, t * z * z + c, 0.0),
        (0.0, 0.0, 0.0, 1.0),
    )


def _scale(x: float, y: float, z: float = 1.0) -> Matrix:
    return ((x, 0.0, 0.0, 0.0), (0.0, y, 0.0, 0.0), (0.0, 0.0, z, 0.0), (0.0, 0.0, 0.0, 1.0))


def _translate(x: float, y: float, z: float = 0.0) -> Matrix:
    return ((1.0, 0.0, 0.0, x), (0.0, 1.0, 0.0, y), (0.0, 0.0, 1.0, z), (0.0, 0.0, 0.0, 1.0))


def perspective(distance: float) -> Matrix:
    """The matrix of `perspective(distance)` (a distance in px; 0 or less is read as 1px, as
    Chromium clamps it)."""
    return ((1.0, 0.0, 0.0, 0.0), (0.0, 1.0, 0.0, 0.0), (0.0, 0.0, 1.0, 0.0), (0.0, 0.0, -1 / max(distance, 1.0), 1.0))


def _function_matrix(token: Any) -> Matrix | None:
    name, arguments = token.lower_name, _arguments(token)
    if name in ("translate", "translatex", "translatey", "translatez", "translate3d"):
        return _translate_matrix(name, arguments)
    if name in ("rotate", "rotatez", "rotatex", "rotatey", "rotate3d"):
        return _rotate_matrix(name, arguments)
    if name in ("skew", "skewx", "skewy"):
        return _skew_matrix(name, arguments)
    if name == "perspective":
        return _perspective_matrix(arguments)
    numbers = [number(t) for t in arguments]
    if any(n is None for n in numbers):
        return None
    values = [float(n or 0) for n in numbers]
    if name in ("scale", "scalex", "scaley", "scalez", "scale3d"):
        return _scale_matrix(name, values)
    if name == "matrix" and len(values) == 6:
        a, b, c, d, e, f = values
        return ((a, c, 0.0, e), (b, d, 0.0, f), IDENTITY[2], IDENTITY[3])
    if name == "matrix3d" and len(values) == 16:
        return tuple(tuple(values[column * 4 + row] for column in range(4)) for row in range(4))
    return None


def _skew_matrix(name: str, arguments: Sequence[Any]) -> Matrix | None:
    angles = [_degrees(t) for t in arguments]
    if not 1 <= len(angles) <= (2 if name == "skew" else 1) or any(a is None for a in angles):
        return None
    read = [float(a or 0) for a in angles]
    ax, ay = {"skew": (read[0], read[-1] if len(read) == 2 else 0.0), "skewx": (read[0], 0.0), "skewy": (0.0, read[0])}[name]
    return ((1.0, math.tan(math.radians(ax)), 0.0, 0.0), (math.tan(math.radians(ay)), 1.0, 0.0, 0.0), IDENTITY[2], IDENTITY[3])


def _perspective_matrix(arguments: Sequence[Any]) -> Matrix | None:
    if len(arguments) != 1:
        return None
    if arguments[0].type == "ident" and arguments[0].lower_value == "none":
        return IDENTITY
    distance = length_px(arguments[0])
    return None if distance is None else perspective(distance)


def _translate_matrix(name: str, arguments: Sequence[Any]) -> Matrix | None:
    moved = _translation(arguments)
    if moved is None or not moved or len(moved) > (3 if name == "translate3d" else 2 if name == "translate" else 1):
        return None
    if name == "translatez":
        return _translate(0.0, 0.0, moved[0])
    if name == "translatey":
        return _translate(0.0, moved[0])
    # `translate(x)` and `translatex(x)` move along x alone; `translate(x, y)`, `translate3d(x, y, z)` as given.
    return _translate(moved[0], 0.0) if len(moved) == 1 else _translate(*moved)


def _rotate_matrix(name: str, arguments: Sequence[Any]) -> Matrix | None:
    degrees = _degrees(arguments[-1]) if arguments else None
    if degrees is None:
        return None
    axes = {"rotate": (0.0, 0.0, 1.0), "rotatez": (0.0, 0.0, 1.0), "rotatex": (1.0, 0.0, 0.0), "rotatey": (0.0, 1.0, 0.0)}
    if name in axes:
        return _rotation(*axes[name], degrees) if len(arguments) == 1 else None
    axis = [number(t) for t in arguments[:-1]]
    if len(axis) != 3 or any(a is None for a in axis):
        return None
    x, y, z = (float(a or 0) for a in axis)
    return _rotation(x, y, z, degrees)


def _scale_matrix(name: str, values: Sequence[float]) -> Matrix | None:
    if name == "scale" and len(values) in (1, 2):
        return _scale(values[0], values[-1])
    if name in ("scalex", "scaley", "scalez") and len(values) == 1:
        return _scale(*{"scalex": (values[0], 1.0), "scaley": (1.0, values[0]), "scalez": (1.0, 1.0, values[0])}[name])
    return _scale(*values) if name == "scale3d" and len(values) == 3 else None


def transform_matrix(values: Sequence[Any]) -> tuple[Matrix, bool] | None:
    """The matrix a `transform` value's functions compose to, left to right, and whether a
    translation by a percentage (of the box, not known) is in it, read as 0 (it then decides
    where the box goes, not how it faces or how flat it is, unless a perspective is in the
    value, when the value is not read); None for `none` or a value not read."""
    composed, by_percentage = IDENTITY, False
    for token in values:
        if token.type != "function":
            return None
        found = _function_matrix(token)
        if found is None:
            return None
        if any(math.isnan(v) for row in found for v in row):
            by_percentage, found = True, tuple(tuple(0.0 if math.isnan(v) else v for v in row) for row in found)
        composed = compose(composed, found)
    if not values or (by_percentage and composed[3] != IDENTITY[3]):
        return None
    return composed, by_percentage


def _determinant3(m: Sequence[Sequence[float]]) -> float:
    (a, b, c), (d, e, f), (g, h, i) = m[0], m[1], m[2]
    return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)


def _minor(m: Matrix, rows: Sequence[int]) -> float:
    return _determinant3([[m[r][c] for c in rows] for r in rows])


def _determinant(m: Matrix) -> float:
    total = 0.0
    for column in range(4):
        rest = [[m[r][c] for c in range(4) if c != column] for r in range(1, 4)]
        total += (-1) ** column * m[0][column] * _determinant3(rest)
    return total


def back_facing(m: Matrix) -> bool:
    """True when the box's back faces the reader (Chromium's `Transform::IsBackFaceVisible`)."""
    determinant = _determinant(m)
    return determinant != 0 and _minor(m, (0, 1, 3)) * determinant < -1e-9


def behind_the_viewer(m: Matrix) -> bool:
    """True when every point of the box's plane is at w ≤ 0 (behind the eye): w does not vary
    over the plane and is not above 0."""
    return abs(m[3][0]) <= _FLAT and abs(m[3][1]) <= _FLAT and m[3][3] <= _FLAT


def not_invertible(m: Matrix) -> bool:
    """True for a matrix with no inverse (`scale3d(1, 1, 0)`, `scaleZ(0)`): a browser paints
    nothing of a box so transformed."""
    return _determinant(m) == 0


def enlarged_away(name: str, values: Sequence[Any]) -> bool:
    """True for a `transform` (with no perspective or depth in it) or a `scale` property that
    enlarges the box 10,000 times or more along every direction, so that no reader sees more of
    its text than a piece of one glyph (`scale(10000)`, `scale: 10000`); a stretch along one
    axis alone (`scale(10000, 1)`) is not judged."""
    if name == "scale":
        factors = [number(t) for t in values[:2]]
        return bool(factors) and all(f is not None and abs(f) >= _ENLARGED_AWAY for f in factors)
    read = transform_matrix(values) if name == "transform" else None
    if read is None or read[0][2] != IDENTITY[2] or read[0][3] != IDENTITY[3]:
        return False
    return _stretches(read[0])[1] >= _ENLARGED_AWAY


def _stretches(m: Matrix) -> tuple[float, float]:
    """The largest and the smallest stretch of the plane's 2D part (its singular values, from the
    sum of squares and the determinant), the matrix divided by its w."""
    a, b, c, d = m[0][0] / m[3][3], m[0][1] / m[3][3], m[1][0] / m[3][3], m[1][1] / m[3][3]
    squares, determinant = a * a + b * b + c * c + d * d, abs(a * d - b * c)
    root = math.sqrt(max(squares * squares - 4 * determinant * determinant, 0.0))
    largest = math.sqrt((squares + root) / 2)
    return largest, (determinant / largest if largest else 0.0)


def shrunk_away(m: Matrix) -> bool:
    """True when the plane, facing the reader, is shrunk to a two-hundredth or less along every
    direction: far behind under a perspective (`translateZ(-20000px)` under `perspective: 100px`
    is drawn at 1/201 of its size)."""
    if abs(m[3][0]) > _FLAT or abs(m[3][1]) > _FLAT or m[3][3] <= _FLAT:
        return False
    return _stretches(m)[0] <= _SHRUNK_AWAY


def flattened(m: Matrix) -> bool:
    """True when, with no perspective, the plane is squeezed to a hundredth or less along some
    direction, whatever it is stretched to along another, or stretched a millionfold.

    A squeeze to a hundredth leaves 16px text a sixth of a pixel thick across that direction: a
    line, whether the plane is scaled (`scaleY(0.01)`) or sheared nearly flat (`skewX(89.5deg)`,
    whose singular values are 114.6 and 1/114.6: Chromium smears each glyph into a streak 2,000px
    long, ink no one reads)."""
    if abs(m[3][0]) > _FLAT or abs(m[3][1]) > _FLAT or m[3][3] <= _FLAT:
        return False
    largest, smallest = _stretches(m)
    return largest >= _STRETCHED_AWAY or smallest <= NEGLIGIBLE_TRANSFORM_SCALE


def may_hide(values: Sequence[Any]) -> bool:
    """True for a `transform` that leaves nothing of the box on its own or with a
    `backface-visibility: hidden` or a parent's perspective (so its rules are matched over the
    page): one that turns the box's back, moves it off the plane (a z or a perspective in it),
    or flattens it."""
    read = transform_matrix(values)
    if read is None:
        return False
    m = read[0]
    return back_facing(m) or m[2][3] != 0 or m[3][2] != 0 or behind_the_viewer(m) or flattened(m) or not_invertible(m)
