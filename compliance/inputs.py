"""The article edge: which files a run checks, and their bytes, read safely.

Only regular files are read, never more than `--max-bytes` of them; directory walks stay inside
the folders given and notice loops. Inputs are only ever opened for reading.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NamedTuple

from compliance.document import DocumentKind
from compliance.errors import InputError, UserError, not_utf8
from compliance.firstuse import on_first_use

if TYPE_CHECKING:  # imported when used: rule tests are not part of every check
    from compliance.formatters.context import ArticleSource
    from compliance.ruletest import Expectations

ARTICLE_SUFFIXES: dict[str, DocumentKind] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
}
STDIN = "-"


def resolved(path: Path | str) -> Path:
    """`Path(path).resolve()`, except that a symbolic link that loops (`a -> b -> a`) resolves
    no further than itself, as written (made absolute): reading it then fails with the reason,
    for that one file, where resolving would raise."""
    try:
        return Path(path).resolve()
    except (RuntimeError, OSError):  # RuntimeError up to Python 3.12, OSError (ELOOP) after
        return Path(os.path.abspath(path))


def plainly_named(path: str) -> str:
    """`path` without the `..` steps that climb back into where it already was, nor `.` steps and
    doubled slashes ("corpus/dcnf/../dcnf/story.html", "./corpus//dcnf/story.html" →
    "corpus/dcnf/story.html"), so that one file has one name in every report, fingerprint and
    baseline however it was typed. `path` as given when it has none of these, when the plain
    spelling leads elsewhere (a `..` after a symbolic link to a folder climbs out of the link's
    target, not back out of the link), or when neither can be looked at (reading it then says
    why). Stdin ("-") stays as it is."""
    plain = os.path.normpath(path) if path != STDIN else path
    if plain == path:
        return path
    try:
        return plain if os.path.samefile(path, plain) else path
    except (OSError, ValueError):
        return path


def display_file(path: Path) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    # Absolute, but not resolved: a symbolic link is named as the user named it, not as its target.
    return os.path.abspath(path) if relative.startswith("..") else relative


class Source(NamedTuple):
    """One article to check, not yet read."""

    path: str
    kind: DocumentKind
    file: Path | None = None


class Skipped(NamedTuple):
    """A file met during a directory walk that cannot be checked, and why.

    `error` is set for what could not be read at all (a folder whose entries cannot be listed):
    it is reported as an unreadable file is, one line, and the run exits 2; the rest of the
    batch is still checked."""

    path: str
    reason: str
    error: InputError | None = None


def kind_for(path: str, override: DocumentKind | None = None) -> DocumentKind:
    """The document kind of a path, by extension (HTML for unknown extensions given explicitly)."""
    if override is not None:
        return override
    return ARTICLE_SUFFIXES.get(Path(path).suffix.lower(), "html")


def sniff_kind(data: bytes) -> DocumentKind:
    """HTML, Markdown or text for an article without a file name (stdin, the page's text box),
    from its first 8 KB.

    What comes first and belongs to either format is passed over: a byte-order mark, HTML
    comments (Markdown files start with one as often as pages do) and a front matter block
    (`---` or `+++`). Then a page that opens as a document (`<!doctype`, `<html>`, `<head>`,
    `<body>`, `<?xml`) is HTML. One with Markdown's own syntax (an ATX heading, an image, an
    inline link or a link reference definition, a fenced code block) is Markdown unless most of
    its lines are markup: a few inline or block tags inside Markdown do not make it HTML. One
    that opens with a tag is HTML. The rest is Markdown when a comment or front matter was passed
    over (plain text has neither), else text."""
    head = data[:8192]
    body = _LEADING_NOT_CONTENT().sub(b"", head, count=1)
    opening = body[:64].lower()
    if opening.startswith(_DOCUMENT_OPENINGS):
        return "html"
    if _MARKDOWN_SYNTAX().search(body) and not _mostly_markup(body):
        return "markdown"
    if opening.startswith(b"<") and _TAG_OPENING().match(opening):
        return "html"
    return "markdown" if len(body) < len(head) else "text"


# How an HTML document opens (after comments): never a Markdown article's first line.
_DOCUMENT_OPENINGS = (b"<!doctype", b"<html", b"<?xml", b"<head", b"<body")

# A byte-order mark, then any blank lines, HTML comments and one front matter block, in any order.
_LEADING_NOT_CONTENT = on_first_use(
    rb"\A(?:\xef\xbb\xbf)?(?:\s+|<!--.*?-->|(?:---|\+\+\+)[ \t]*\r?\n.*?\r?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|\Z))*",
    re.DOTALL,
)

# A start tag, an end tag or a comment: `<p`, `</div`, `<!--` (not an autolink `<https://…>`).
_TAG_OPENING = on_first_use(rb"<(?:/?[a-z][a-z0-9-]*(?=[\s/>])|!--)", re.IGNORECASE)


def _mostly_markup(text: bytes) -> bool:
    """Whether at least half the text's non-blank lines open with a tag (an HTML page or fragment
    in which a `# ` line or `[x](…)` happens to appear), not a Markdown article with some HTML."""
    lines = [line.lstrip() for line in text.splitlines() if line.strip()]
    tagged = sum(1 for line in lines if _TAG_OPENING().match(line))
    return tagged * 2 >= len(lines)


def stdin_kind(data: bytes, name: str | None) -> DocumentKind:
    """The kind of an article read from stdin: by the extension of the name given for it
    (`--stdin-filename`), as a file's; sniffed from the content when the name has none we know."""
    if name:
        kind = ARTICLE_SUFFIXES.get(Path(name).suffix.lower())
        if kind is not None:
            return kind
    return sniff_kind(data)


# Lines only Markdown writes: `# Heading`, `![alt](src)`, `[text](http…)`, `[ref]: url`, ``` fences.
_MARKDOWN_SYNTAX = on_first_use(
    rb"(?m)^ {0,3}#{1,6}[ \t]+\S|!\[[^\]\n]*\]\(\S|\[[^\]\n]+\]\((?:https?:|/|\.|#|mailto:)|^ {0,3}\[[^\]\n]+\]:[ \t]*\S|^ {0,3}(?:```|~~~)"
)


def expand_paths(paths: Iterable[str], *, kind: DocumentKind | None = None) -> Iterator[Source | Skipped]:
    """Files to check: explicit files as given, directories walked recursively for articles.

    User errors, raised before anything is checked: an empty path, a directory with no articles
    in it. A path that does not exist, or a directory that cannot be read (given, or met in a
    walk), is a `Skipped` with its `error`, as an unreadable file is reported: the other files
    are still found. Inside a walk, symbolic links that lead outside the
    directories given are not followed, loops are noticed, and what is not a regular file
    (device, FIFO, socket) is skipped; each with a reason.
    """
    explicit = list(paths)
    searched = ", ".join(ARTICLE_SUFFIXES)
    if "" in explicit:
        raise InputError("an empty path ('') was given", hint="check the arguments (an unset shell variable?)")
    roots = tuple(os.path.realpath(path) for path in explicit if path != STDIN and os.path.isdir(path))
    for path in explicit:
        if path == STDIN:
            yield Source(STDIN, kind or "html")
        elif not os.path.lexists(path):
            # A list of changed files (a CI step's, a hook's) names a deleted one: the others are
            # still checked, and the run exits 2 as for a file that cannot be read.
            error = InputError("no such file or directory", path=path, hint=f"check the path (directories are searched for {searched})")
            yield Skipped(path, f"not checked: {error.what}", error)
        elif os.path.isdir(path):
            found = False
            for item in _walk(Path(path), kind, set(), roots):
                found = True
                yield item
            if not found:
                raise InputError("no articles found under this directory", path=path, hint=f"check the path; directories are searched for {searched}")
        else:
            yield Source(path, kind_for(path, kind), Path(path))


def file_type(mode: int) -> str:
    """What a file is, in words, from its `st_mode` ("a FIFO (named pipe)", "a character device")."""
    for test, name in (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISREG, "a regular file"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def _inside(path: str, roots: tuple[str, ...]) -> bool:
    return any(path == root or path.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def is_article_name(name: str) -> bool:
    """Whether a file of this name is an article a directory walk looks for (`ARTICLE_SUFFIXES`)."""
    return Path(name).suffix.lower() in ARTICLE_SUFFIXES


def walk_directory(directory: Path, wanted: Callable[[str], bool] = is_article_name) -> Iterator[Source | Skipped]:
    """The files under `directory` whose names `wanted` takes, in name order, walked as `check` walks
    a directory it is given (`expand_paths`): a symbolic link that leads outside `directory` is not
    followed, a loop is noticed, a hidden entry is left out, and what is not a regular file is
    skipped, each a `Skipped` with its reason; a folder that cannot be read is a `Skipped` with its
    `error`. Raises nothing."""
    return _walk(directory, None, set(), (os.path.realpath(directory),), wanted)


def _walk(
    directory: Path, kind: DocumentKind | None, seen: set[tuple[int, int]], roots: tuple[str, ...], wanted: Callable[[str], bool] = is_article_name
) -> Iterator[Source | Skipped]:
    try:
        info = directory.stat()
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        error = InputError(f"cannot read directory: {exc.strerror or exc}", path=str(directory), hint="check its permissions, or leave it out")
        yield Skipped(str(directory), f"not checked: {error.what}", error)
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        yield Skipped(str(directory), "symbolic link loop, skipped — nothing to do: the folder it leads to is checked once")
        return
    seen.add(key)
    # Taken off the list one by one: an entry keeps its stat result once asked, and a directory
    # of thousands of articles would otherwise hold every one until its last file is checked.
    entries.reverse()
    while entries:
        entry = entries.pop()
        if entry.name.startswith("."):
            continue
        child = Path(entry.path)
        try:
            target = entry.stat()
        except OSError:
            if wanted(child.name):
                yield Source(str(child), kind_for(str(child), kind), child)  # a dangling link: reading it says why
            continue
        if not stat.S_ISDIR(target.st_mode) and not wanted(child.name):
            continue
        if entry.is_symlink() and not _inside(os.path.realpath(child), roots):
            outside = f"a symbolic link to {file_type(target.st_mode)} outside the directories given, not followed"
            yield Skipped(str(child), f"not checked: {outside} — give the link as a path to check what it leads to")
        elif stat.S_ISDIR(target.st_mode):
            yield from _walk(child, kind, seen, roots, wanted)
        elif not stat.S_ISREG(target.st_mode):
            yield Skipped(str(child), f"not checked: {file_type(target.st_mode)}, not a regular file — {LEAVE_OUT}")
        else:
            yield Source(str(child), kind_for(str(child), kind), child)


# What to do about a file skipped on purpose, said in the same line as the note (" — " and the remedy).
LEAVE_OUT = "leave it out with --exclude or the config's exclude"
RAISE_MAX_BYTES = "raise --max-bytes (or 0 for no limit) to check it"

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
_CHUNK = 1024 * 1024


class TooLarge(Exception):
    """An input beyond `--max-bytes`: reported as not checked, never half-read."""

    def __init__(self, size: int | None, limit: int) -> None:
        amount = f"{size:,} bytes is" if size is not None else "it is"
        super().__init__(f"not checked: {amount} more than --max-bytes {limit:,}")
        self.size = size
        self.limit = limit


class NotRegular(Exception):
    """An input that is not a regular file (a device, FIFO or socket): skipped, never read.

    `what` names its type ("a FIFO (named pipe)")."""

    def __init__(self, what: str) -> None:
        super().__init__(f"not checked: {what}, not a regular file")
        self.what = what


def read_bounded(stream: BinaryIO, limit: int | None) -> bytes:
    """At most `limit` bytes of a stream, read as they come; more than that raises `TooLarge`.

    Never trusts a size announced in advance: a device or pipe reports 0 and never ends."""
    if limit is None:
        return stream.read()
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
    raise TooLarge(None, limit)


def _loops(path: Path) -> bool:
    """Whether a symbolic link leads round in a loop (rather than to a name that is not there)."""
    try:
        os.path.realpath(path, strict=True)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    except RuntimeError:  # a loop, as some Pythons report it
        return True
    return False


def open_regular(path: Path, shown: str) -> BinaryIO:
    """A regular file opened for reading; `NotRegular` for devices, FIFOs and sockets.

    Opened without blocking, so that a FIFO with no writer cannot hang the run, and checked on
    the open descriptor, so that the file cannot be swapped between the check and the read."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ELOOP) and os.path.islink(path):
            # "No such file" for a name that is there: a link to nothing, or links in a loop.
            target = "links in a loop" if exc.errno == errno.ELOOP or _loops(path) else "a link to nothing"
            raise InputError(f"cannot read file: a symbolic link that leads to no file ({target})", path=shown, hint="fix or remove the link") from None
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=shown, hint="check that it exists and is readable") from None
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        raise NotRegular(file_type(info.st_mode))
    os.set_blocking(descriptor, True)
    return os.fdopen(descriptor, "rb")


def read_ignore_file(path: Path) -> list[str]:
    """The lines of a `.gitignore` (or `.git/info/exclude`); none when it is missing or unreadable."""
    try:
        return read_regular(path, limit=MAX_SETTING_BYTES).decode("utf-8", errors="replace").splitlines()
    except (OSError, UserError, NotRegular, TooLarge):
        return []


@contextlib.contextmanager
def open_source(source: Source) -> Iterator[BinaryIO]:
    """A source as a binary stream to read as it comes (stdin, or a regular file; `NotRegular`
    otherwise), closed afterwards (stdin is left open)."""
    if source.file is None:
        import sys

        yield sys.stdin.buffer
        return
    with open_regular(source.file, source.path) as handle:
        yield handle


def read_regular(path: Path, *, limit: int | None, shown: str | None = None) -> bytes:
    """The bytes of a regular file, at most `limit` of them (None: no limit), opened read-only.

    The one way syndcheck reads a file it was given or found: articles, and everything else
    (packs, configuration, baselines, originals, metadata sidecars, audit files; see
    `read_setting`). Raises `NotRegular` for a device, FIFO or socket (never opened for a
    blocking read), `TooLarge` beyond the limit (counted as it reads: a size announced in advance
    is not trusted alone), `InputError` when the file cannot be opened or read."""
    shown = shown if shown is not None else str(path)
    with open_regular(path, shown) as handle:
        try:
            size = os.fstat(handle.fileno()).st_size
            if limit is not None and size > limit:
                raise TooLarge(size, limit)
            return read_bounded(handle, limit)
        except OSError as exc:
            raise InputError(f"cannot read file: {exc.strerror or exc}", path=shown, hint="check that it exists and is readable") from None


# Files that steer a run (packs, configuration, metadata sidecars, audit files) are small; a
# baseline for a large archive can hold a few hundred thousand entries.
MAX_SETTING_BYTES = 16 * 1024 * 1024
MAX_BASELINE_BYTES = 256 * 1024 * 1024


def read_setting(path: Path, what: str, *, error: type[UserError] = InputError, hint: str | None = None, limit: int = MAX_SETTING_BYTES) -> bytes:
    """The bytes of a file that steers the run (`what`: "rule pack", "configuration", "baseline",
    "article metadata"...), read with `read_regular`; whatever goes wrong is one `error` (a
    `UserError` subclass) naming the file, its type when it is not a regular file, and `hint`."""
    shown = display_file(path)
    try:
        return read_regular(path, limit=limit, shown=shown)
    except NotRegular as exc:
        raise error(f"cannot read {what}: it is {exc.what}, not a regular file", path=shown, hint=hint or "give a regular file") from None
    except TooLarge:
        raise error(f"cannot read {what}: larger than {limit:,} bytes", path=shown, hint=hint) from None
    except InputError as exc:
        raise error(f"cannot read {what}: {exc.what.removeprefix('cannot read file: ')}", path=shown, hint=hint) from None


def special_file(path: Path | str) -> str | None:
    """What `path` is, in words, when it is neither a regular file nor a directory (a device, a
    FIFO, a socket, or a link to one: "a character device"); None when it is one of those.
    Raises OSError when it cannot be looked at (missing, a link that loops)."""
    mode = os.stat(path).st_mode
    return None if stat.S_ISREG(mode) or stat.S_ISDIR(mode) else file_type(mode)


def refuse_special(path: Path, what: str, *, error: type[UserError], hint: str | None = None) -> None:
    """`error` when `path` exists and is not a regular file (a device, a FIFO, a socket, or a link
    to one), named as given; `read_setting` refuses it too when it comes to read it, but under the
    name it was resolved to."""
    try:
        kind = special_file(path)
    except OSError:
        return
    if kind is not None:
        raise error(f"cannot read {what}: it is {kind}, not a regular file", path=display_file(path), hint=hint or "give a regular file")


def read_source(source: Source, *, max_bytes: int | None = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None) -> bytes:
    """The bytes of an article, at most `max_bytes` of them (opened read-only, never modified).

    Raises `TooLarge` beyond the limit, `NotRegular` for what is not a regular file, `InputError`
    when the file cannot be read."""
    limit = max_bytes if max_bytes else None
    if source.file is None:
        import sys

        return read_bounded(stdin if stdin is not None else sys.stdin.buffer, limit)
    return read_regular(source.file, limit=limit, shown=source.path)


def reopen_stdin() -> None:
    """Read stdin again in a worker process, which multiprocessing starts with stdin read from
    /dev/null: descriptor 0, the run's own stdin, is inherited and left open (its `sys.stdin` was
    made not to close it). Nothing changes when it is closed (`<&-`): reading '-' then says so."""
    import sys

    with contextlib.suppress(OSError):
        sys.stdin = open(0, encoding="utf-8", errors="surrogateescape", closefd=False)  # noqa: SIM115 - lives as long as the worker


def read_fixture(source: Source) -> tuple[bytes, Expectations]:
    """A rule-test fixture's bytes and its expectations (comments, or a `.expect` sidecar for text)."""
    from compliance.decoding import decode_bytes
    from compliance.ruletest import Expectations, FixtureError, derive, expectations_in_markup, expectations_in_sidecar

    data = read_source(source, max_bytes=None)
    if source.kind == "text" and source.file is not None:
        sidecar = source.file.with_name(source.file.name + ".expect")
        if not os.path.lexists(sidecar):
            return data, Expectations()
        raw = read_setting(sidecar, "the fixture's expectations", hint="see docs/rule-packs.md, 'Testing a pack'")
        try:
            return data, expectations_in_sidecar(raw.decode("utf-8"), str(sidecar))
        except ValueError as exc:
            raise InputError(str(exc), hint="see docs/rule-packs.md, 'Testing a pack'") from None
    try:
        expectations = expectations_in_markup(decode_bytes(data).text)
        if expectations.base is None or source.file is None:
            return data, expectations
        base_file = source.file.parent / expectations.base
        base = decode_bytes(read_source(Source(display_file(base_file), source.kind, base_file), max_bytes=None)).text
        return derive(base, expectations.changes, base_name=expectations.base).encode("utf-8"), expectations
    except ValueError as exc:
        line = exc.line if isinstance(exc, FixtureError) else None
        raise InputError(str(exc), path=source.path, line=line, hint="see docs/rule-packs.md, 'Testing a pack'") from None


# What to do about a metadata file that is not YAML.
SIDECAR_HINT = "check the quoting and indentation of its values: one 'key: value' line each, a value that starts with a quote ends with the same quote"


def read_sidecar_meta(source: Source) -> dict[str, str]:
    """Article metadata from `NAME.meta.yaml` beside an article (`story.html.meta.yaml`), one text
    value per key as `metavalues.yaml_meta` reads it (a list where one value is expected is kept
    as an `UnreadableMeta`, for the note on the rules that need it). Raises InputError when the
    file is not a YAML mapping."""
    if source.file is None:
        return {}
    sidecar = source.file.with_name(source.file.name + ".meta.yaml")
    if not os.path.lexists(sidecar):
        return {}
    from compliance.metavalues import yaml_meta
    from compliance.yamlsource import YMap, parse_yaml

    origin = display_file(sidecar)
    data = read_setting(sidecar, "article metadata", hint="the metadata beside an article is a YAML file")
    try:
        root = parse_yaml(data.decode("utf-8-sig"), origin, error=InputError, invalid_hint=SIDECAR_HINT, complex_keys=False)
    except UnicodeDecodeError as exc:
        raise not_utf8(exc, origin, "article metadata", InputError) from None
    if root is None:
        return {}
    if not isinstance(root, YMap):
        raise InputError("article metadata must be a mapping (key: value lines)", path=origin, line=root.mark.line)
    try:
        return yaml_meta(root, origin)
    except InputError as exc:  # a blank key: at its line of this file
        raise InputError(exc.what, path=origin, line=exc.line, column=exc.column, hint=exc.hint) from None


def read_article_sources(paths: Iterable[str], *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> dict[str, ArticleSource]:
    """The decoded text of each checked file, for the HTML report; files that cannot be read again
    (stdin, CMS payload entries, files removed since) are left out and the report says so."""
    from compliance.decoding import decode_bytes
    from compliance.formatters.context import ArticleSource

    sources: dict[str, ArticleSource] = {}
    for path in paths:
        file = Path(path)
        if path == STDIN or not file.is_file():
            continue
        try:
            data = read_source(Source(path, kind_for(path), file), max_bytes=max_bytes)
        except UserError:
            continue
        sources[path] = ArticleSource(decode_bytes(data).text, kind_for(path))
    return sources


def file_key(path: str) -> object:
    """What makes two names the same file: device and inode when it exists, else the name."""
    if path == STDIN:
        return STDIN
    try:
        info = os.stat(path)
    except OSError:
        return os.path.normpath(os.path.abspath(path))
    return (info.st_dev, info.st_ino)


def files_to_fix(paths: Sequence[str], *, kind: DocumentKind | None = None, write: bool = False) -> list[Source]:
    """The article files `syndcheck fix` may rewrite: exactly the files given, each a regular file
    (no directory walk, no symbolic link whose target would be replaced), or `-` alone (stdin,
    fixed to stdout, so never with `write`); with `write`, each file must be writable by the user
    (a read-only file is never replaced, even by root). `InputError` names the first path that
    is not one, before any file is read. A file named twice (`a.html ./a.html`, or through a hard
    link) is one source, the first name given, as `check` counts it: fixing it twice would
    find it changed since it was read."""
    sources = []
    seen: set[object] = set()
    for path in paths:
        if path == STDIN:
            if write:
                raise InputError("'-' (stdin) cannot be fixed in place", path=path, hint="without --write, the fixed article is printed")
            if len(paths) > 1:
                raise InputError("'-' (stdin) is fixed alone", path=path, hint="fix the files in another run")
            return [Source(STDIN, kind or "html")]
        file = Path(path)
        if file.is_symlink():
            raise InputError("is a symbolic link; fix only writes to the files given", path=path, hint=f"give the file it points to ({os.path.realpath(path)})")
        if file.is_dir():
            raise InputError(
                "is a directory; fix only writes to the files given", path=path, hint="give the article files, e.g. " + f"{path.rstrip('/')}/*.html"
            )
        if not file.is_file():
            raise _not_a_file_to_fix(path)
        if write and not writable(file):
            raise InputError("is read-only; fix --write does not replace it", path=path, hint="make it writable (chmod u+w), or drop --write for a diff")
        key = file_key(path)
        if key not in seen:
            seen.add(key)
            sources.append(Source(path, kind_for(path, kind), file))
    return sources


def _not_a_file_to_fix(path: str) -> InputError:
    """Why `fix` cannot take a path that is not a regular file: missing, or what it is in the
    words `check` uses for it ("a FIFO (named pipe), not a regular file")."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return InputError("no such file", path=path, hint="check the path")
    return InputError(str(NotRegular(file_type(mode))).removeprefix("not checked: "), path=path, hint="fix only reads and writes regular article files")


def writable(file: Path) -> bool:
    """Whether the user may write the file: `os.access`, and for root (whom `os.access` always
    allows) a write permission bit, so that a file made read-only on purpose stays as it is."""
    return os.access(file, os.W_OK) and bool(file.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
