"""The math functions of CSS Values and Units 4 (10.3 to 10.9) other than `calc()` itself, worked
out as a browser works them out: on quantities that `css` has already read (a value and its
unit), with the units the specification allows each argument, and the results IEEE arithmetic
gives (NaN and infinities included, which `css` censors at the top of a value).

A quantity is `(value, unit)` with the unit one of `""` (a number), `"px"` (a length in CSS
pixels), `"%"` (a percentage, not yet resolved) or `"deg"` (an angle, in degrees). Every function
here returns None for arguments a browser refuses (a length given to `sin()`, units that differ
in `mod()`, too many or too few arguments): the value is then kept as written.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

Quantity = tuple[float, str]

# The constants a calculation may name (10.7.1), as numbers; `nan` and the infinities are kept as
# IEEE gives them and censored where the value ends (see `css._math_token`).
CONSTANTS = {"e": math.e, "pi": math.pi, "infinity": math.inf, "-infinity": -math.inf, "nan": math.nan}
# The rounding strategies of `round()` (10.4.1): nearest rounds a half up, towards +infinity.
ROUNDING_STRATEGIES: dict[str, Callable[[float], float]] = {
    "nearest": lambda ratio: math.floor(ratio + 0.5),
    "up": math.ceil,
    "down": math.floor,
    "to-zero": math.trunc,
}
# Degrees in one of each angle unit.
DEGREES_PER_UNIT = {"deg": 1.0, "rad": 180.0 / math.pi, "grad": 0.9, "turn": 360.0}


def _same_unit(arguments: Sequence[Quantity]) -> str | None:
    """The one unit all the arguments share; None when they differ (a browser then refuses the
    function, or for `%` with a length resolves it later, which is not known here)."""
    units = {unit for _, unit in arguments}
    return units.pop() if len(units) == 1 else None


def _numbers(arguments: Sequence[Quantity], counts: tuple[int, ...]) -> list[float] | None:
    """The arguments' values when they are `counts` plain numbers; None otherwise."""
    if len(arguments) not in counts or any(unit for _, unit in arguments):
        return None
    return [value for value, _ in arguments]


def _guarded(operation: Callable[[], float]) -> float:
    """An operation's IEEE result where Python raises instead: NaN out of a function's domain
    (`sqrt(-1)`, `asin(2)`), infinity on overflow (`exp(1000)`, `pow(10, 400)`)."""
    try:
        return operation()
    except OverflowError:
        return math.inf
    except (ValueError, ZeroDivisionError):
        return math.nan


def _trigonometric(name: str, arguments: Sequence[Quantity]) -> Quantity | None:
    """`sin()`, `cos()`, `tan()` (10.6): of an angle, or a number of radians; a number."""
    if len(arguments) != 1 or arguments[0][1] not in ("", "deg"):
        return None
    value, unit = arguments[0]
    radians = math.radians(value) if unit == "deg" else value
    function = {"sin": math.sin, "cos": math.cos, "tan": math.tan}[name]
    return _guarded(lambda: function(radians)), ""


def _inverse_trigonometric(name: str, arguments: Sequence[Quantity]) -> Quantity | None:
    """`asin()`, `acos()`, `atan()` of a number, `atan2()` of two quantities of one unit (10.6): an angle."""
    if name == "atan2":
        if len(arguments) != 2 or _same_unit(arguments) is None:
            return None
        return math.degrees(math.atan2(arguments[0][0], arguments[1][0])), "deg"
    numbers = _numbers(arguments, (1,))
    if numbers is None:
        return None
    function = {"asin": math.asin, "acos": math.acos, "atan": math.atan}[name]
    return math.degrees(_guarded(lambda: function(numbers[0]))), "deg"


def _exponential(name: str, arguments: Sequence[Quantity]) -> Quantity | None:
    """`pow()`, `sqrt()`, `log()` and `exp()` (10.8): of numbers, a number; `hypot()` of
    quantities of one unit, of that unit."""
    if name == "hypot":
        unit = _same_unit(arguments)
        return None if unit is None else (math.hypot(*(value for value, _ in arguments)), unit)
    numbers = _numbers(arguments, {"pow": (2,), "sqrt": (1,), "log": (1, 2), "exp": (1,)}[name])
    if numbers is None:
        return None
    if name == "pow":
        return _guarded(lambda: math.pow(numbers[0], numbers[1])), ""
    if name == "sqrt":
        return _guarded(lambda: math.sqrt(numbers[0])), ""
    if name == "exp":
        return _guarded(lambda: math.exp(numbers[0])), ""
    return _logarithm(numbers), ""


def _logarithm(numbers: Sequence[float]) -> float:
    """`log(value[, base])`, natural without a base: -infinity at 0, NaN below it."""
    value = numbers[0]
    if value == 0:
        return -math.inf
    natural = _guarded(lambda: math.log(value))
    return natural if len(numbers) == 1 else natural / _guarded(lambda: math.log(numbers[1]))


def _sign_related(name: str, arguments: Sequence[Quantity]) -> Quantity | None:
    """`abs()` (of the argument's unit) and `sign()` (a number) of one quantity (10.9)."""
    if len(arguments) != 1:
        return None
    value, unit = arguments[0]
    if name == "abs":
        return abs(value), unit
    return (math.copysign(1.0, value) if value else value), ""


def stepped(name: str, strategy: str, arguments: Sequence[Quantity]) -> Quantity | None:
    """`round(strategy, A, B)`, `mod(A, B)` and `rem(A, B)` (10.4) of two quantities of one unit;
    `round()` may leave out B only when A is a number (B is then 1). A step of 0 gives NaN."""
    if name == "round" and len(arguments) == 1 and not arguments[0][1]:
        arguments = [arguments[0], (1.0, "")]
    unit = _same_unit(arguments)
    if len(arguments) != 2 or unit is None:
        return None
    (value, _), (step, _) = arguments
    if step == 0 or (math.isinf(value) and (name != "round" or math.isinf(step))):
        return math.nan, unit
    if math.isinf(value):
        return value, unit  # an infinity rounded to a finite step stays itself
    if math.isinf(step):
        return (value if name != "round" else _rounded_by_infinity(strategy, value)), unit
    if name == "round":
        return ROUNDING_STRATEGIES[strategy](value / step) * step, unit
    whole = math.floor(value / step) if name == "mod" else math.trunc(value / step)
    return value - step * whole, unit


def _rounded_by_infinity(strategy: str, value: float) -> float:
    """`round(strategy, A, ±infinity)` (10.4.1): 0 or A's own infinity, as the strategy goes."""
    if strategy == "up" and value > 0:
        return math.inf
    if strategy == "down" and value < 0:
        return -math.inf
    return math.copysign(0.0, value)


# Each function that `css` works out from its arguments' quantities (`round`, `mod` and `rem`
# are `stepped`, which also takes the rounding strategy).
_FUNCTIONS: dict[str, Callable[[str, Sequence[Quantity]], Quantity | None]] = {
    **dict.fromkeys(("sin", "cos", "tan"), _trigonometric),
    **dict.fromkeys(("asin", "acos", "atan", "atan2"), _inverse_trigonometric),
    **dict.fromkeys(("pow", "sqrt", "hypot", "log", "exp"), _exponential),
    **dict.fromkeys(("abs", "sign"), _sign_related),
}
STEPPED = frozenset({"round", "mod", "rem"})
# Every function this module works out.
FUNCTIONS = frozenset(_FUNCTIONS) | STEPPED


def worked_out(name: str, arguments: Sequence[Quantity]) -> Quantity | None:
    """What the math function `name` (lower-cased; not `calc`, `min`, `max`, `clamp` or a
    stepped one, see `stepped`) gives for its arguments' quantities; None when a browser
    refuses them, or for a name not here."""
    function = _FUNCTIONS.get(name)
    return None if function is None or not arguments else function(name, arguments)
