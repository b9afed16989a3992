"""The two error families: user errors (exit 2, one actionable line) and bugs (exit 3)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar


class UserError(Exception):
    """Something the user can fix: a bad path, pack, config or flag."""

    def __init__(
        self,
        what: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        rule: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(what)
        self.what = what
        self.path = path
        self.line = line
        self.column = column
        self.rule = rule
        self.hint = hint

    def one_line(self) -> str:
        """`path:line:col: rule ID: what — hint`, the form editors and their tools understand."""
        where = ""
        if self.path:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        text = where + (f"rule {self.rule}: " if self.rule else "") + self.what
        if self.hint:
            text += f" — {self.hint}"
        # One line, always, and safe on a terminal: values quoted from a file may contain line
        # breaks or escape sequences.
        from compliance.display import visible

        return visible(text)

    def __str__(self) -> str:
        return self.one_line()

    def lines(self) -> list[str]:
        """Each error as one line (one, except for those that hold several: `PackErrors`, `ConfigErrors`)."""
        return [self.one_line()]


_Kind = TypeVar("_Kind", bound=UserError)


class _EveryError(UserError, Generic[_Kind]):
    """Every error of one kind found in one go (a pack's, a configuration file's), flattened when
    one holds others, in the order given: the first stands for them all as the exception itself
    (its place, rule and hint), and `lines()` gives each as one line."""

    def __init__(self, errors: list[_Kind]) -> None:
        flat: list[_Kind] = []
        for each in errors:
            flat.extend(each.errors if isinstance(each, _EveryError) else [each])
        first = flat[0]
        super().__init__(first.what, path=first.path, line=first.line, column=first.column, rule=first.rule, hint=first.hint)
        self.errors: list[_Kind] = flat

    def lines(self) -> list[str]:
        """Each error as one line, in the order held."""
        return [error.one_line() for error in self.errors]


class PackError(UserError):
    """A rule pack that cannot be loaded or is invalid."""


class PackErrors(_EveryError[PackError], PackError):
    """Every error found in one or more rule packs, so that an author fixes them in one go."""


def combine(errors: list[PackError]) -> PackError:
    """One error as itself, several as `PackErrors`."""
    return errors[0] if len(errors) == 1 and not isinstance(errors[0], PackErrors) else PackErrors(errors)


def not_utf8(error: UnicodeDecodeError, origin: str, what: str, kind: type[UserError]) -> UserError:
    """A YAML file that is not UTF-8, at the line and column of its first bad byte."""
    data = bytes(error.object[: error.start])
    line = data.count(b"\n") + 1
    column = len(data) - (data.rfind(b"\n") + 1) + 1
    byte = bytes(error.object[error.start : error.start + 1]).hex()
    return kind(f"{what} is not UTF-8 (byte 0x{byte})", path=origin, line=line, column=column, hint="save the file as UTF-8")


class ConfigError(UserError):
    """A project configuration or command-line option that is invalid."""


def config_error(what: str, *, path: str | None, line: int | None = None, column: int | None = None, hint: str | None = None) -> ConfigError:
    """A ConfigError about a value of the configuration file `path`; in a TOML file (a
    pyproject.toml, which holds other tools' settings too) the message names whose table is
    wrong ("[tool.syndcheck]")."""
    if path is not None and path.lower().endswith(".toml"):
        what = f"[tool.syndcheck] {what}"
    return ConfigError(what, path=path, line=line, column=column, hint=hint)


class ConfigErrors(_EveryError[ConfigError], ConfigError):
    """Every mistake found in one configuration file (an audit file), so that its author fixes them
    in one go, as `PackErrors` holds a pack's."""


def combine_config(errors: list[ConfigError]) -> ConfigError:
    """One error as itself, several as `ConfigErrors`, in file order (line, then column)."""
    flat = ConfigErrors(errors).errors
    flat.sort(key=lambda error: (error.line or 0, error.column or 0))
    return flat[0] if len(flat) == 1 else ConfigErrors(flat)


def unknown_pack(pack_id: str, known: Iterable[str]) -> PackError:
    """A pack id no pack has: the hint names the closest id ("did you mean 'dcnf'?"), else how to
    list the packs."""
    return PackError(f"unknown pack '{pack_id}'", hint=closest(pack_id, known) or "run 'syndcheck packs' to list them")


class InputError(UserError):
    """An input path or document that cannot be read."""


class OriginalUnavailable(Exception):
    """The original story named by the `original` metadata could not be read or fetched; the
    rules that compare with it are reported as not checked, with `reason` (the command line's
    words). When what to do instead depends on where the note is read, `remedy` says which case it
    is — `not-fetched` (a URL, fetching off), `not-a-file` (a path where only URLs are read) — and
    `subject` the value named, so that `advice.Advice.original_not_read` says it in the reader's
    words."""

    def __init__(self, reason: str, *, remedy: str = "", subject: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.remedy = remedy
        self.subject = subject


class CheckError(Exception):
    """A bug inside a check: carries the rule and document so the report names them."""

    def __init__(self, rule: str, path: str, cause: BaseException) -> None:
        super().__init__(f"rule {rule} failed on {path}: {type(cause).__name__}: {cause}")
        self.rule = rule
        self.path = path
        self.cause = cause


class Terminated(BaseException):
    """A parallel run stopped by SIGTERM or SIGHUP (`signum`): its workers are stopped and no
    report is written, as for Ctrl-C. A BaseException, like KeyboardInterrupt, so that no
    per-document handler takes it for a document's failure; the command line exits 128 + `signum`,
    as a shell reports a process that the signal ended."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"terminated by signal {signum}")
        self.signum = signum


def nearest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to a mistyped `word`: one that differs only in letter case ("all" for
    "ALL"), else the closest by difflib's ratio (at least 0.6); None when none is close."""
    import difflib

    listed = list(choices)
    same = [choice for choice in listed if choice.casefold() == word.casefold()]
    if same:
        return same[0]
    close = difflib.get_close_matches(word, listed, n=1, cutoff=0.6)
    return close[0] if close else None


def closest(word: str, choices: Iterable[str]) -> str | None:
    """A hint naming the choice closest to a mistyped `word` ("did you mean 'error'?"), or None
    when none is close: callers add their own fallback ("run 'syndcheck rules list'…")."""
    close = nearest(word, choices)
    return f"did you mean '{close}'?" if close else None


def choice_hint(word: str, choices: Iterable[str]) -> str:
    """The closest choice to a mistyped `word`, else every choice in the order given
    ("allowed: error, warning, info")."""
    listed = list(choices)
    return closest(word, listed) or "allowed: " + ", ".join(listed)
