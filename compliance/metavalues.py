"""Article metadata read from YAML (a Markdown or text article's front matter, a `NAME.meta.yaml`
sidecar file): one text value per key, as `--meta KEY=VALUE` gives it.

YAML can write more than one text value, and each form is read for what a user means by it:

- a scalar is the characters written, whatever type YAML would resolve it to: a headline or a
  byline is text, compared with the page, so `0x1F`, `010`, `1_000`, `1.50`, `yes`, `on` and
  `2026-01-02` are read as those characters (not 31, 8, 1000, 1.5, True or a date), and a
  quoted scalar is its text unquoted (escapes read); a plain `null`, `~` or nothing is no value;
- a list of names under a key that names people (`author: [Ana Ruiz, Ben Li]`) is several people,
  shown as a byline lists them ("Ana Ruiz and Ben Li") and kept as a `NamesMeta`, whose `names`
  are the elements, each as written as a scalar is (`0x1F`, `42`): a rule checks every one of
  them, never fewer; an element that is no value (`null`), a list or a mapping is a mistake,
  named with its line;
- any other list, or a mapping, where one value is expected is a mistake. It is kept as an `UnreadableMeta` value: no value for the
  rules that need the key, which are then reported as not checked with why — the key, where it
  is written and what to write — never checked against the format's default (a `medium: [print]`
  is neither print nor online) and never dropped silently.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING

from compliance.text import listed

if TYPE_CHECKING:
    # Only the files that have metadata read YAML: a check of an HTML page imports none of it.
    from compliance.yamlsource import YMap, YNode, YScalar

# Keys whose value names people: a list of them is several people (a story with two reporters).
PEOPLE_KEYS = frozenset({"author", "authors", "reporter", "reporters"})
# Keys whose value names a person or an outlet (as `--meta`, front matter and a CMS payload's
# fields give them): a rule puts the value into a credit it asks the editor to print.
NAME_KEYS = PEOPLE_KEYS | {"byline", "bylines", "source_publisher", "publisher"}


class UnreadableMeta(str):
    """A metadata value given in a form that is not one value (a list, a mapping, true/false): an
    empty string, so that every reader of metadata takes it as no value, carrying `why` (a phrase
    naming the key, where it is written and what to write) for the note that a rule needing it
    was not checked."""

    why: str

    def __new__(cls, why: str) -> UnreadableMeta:
        value = super().__new__(cls, "")
        value.why = why
        return value

    def __reduce__(self) -> tuple[type[UnreadableMeta], tuple[str]]:
        return (UnreadableMeta, (self.why,))


class NamesMeta(str):
    """A list of people given as several values (`reporter: [Ana Ruiz, Ben Li]`, a payload's array
    of names): the text a byline would give ("Ana Ruiz and Ben Li"), for every reader of one
    value, carrying the `names` one by one as written, so that a rule reading people checks each
    (re-reading the text would drop an element that does not read as a name, `0x1F`), and
    `sent_as`, the payload field it came from when that is not the key's name (see `SentAs`)."""

    names: tuple[str, ...]
    sent_as: str

    def __new__(cls, names: tuple[str, ...], sent_as: str = "") -> NamesMeta:
        value = super().__new__(cls, listed(list(names)))
        value.names = names
        value.sent_as = sent_as
        return value

    def __reduce__(self) -> tuple[type[NamesMeta], tuple[tuple[str, ...], str]]:
        return (NamesMeta, (self.names, self.sent_as))


class SentAs(str):
    """A metadata value a CMS payload sent under another field than the key rules read (`authors`
    gives `reporter`): the value, carrying `sent_as`, the field's name, so that a message calls it
    by the field the user sent ("payload field 'authors'")."""

    sent_as: str

    def __new__(cls, value: str, sent_as: str) -> SentAs:
        text = super().__new__(cls, value)
        text.sent_as = sent_as
        return text

    def __reduce__(self) -> tuple[type[SentAs], tuple[str, str]]:
        return (SentAs, (str(self), self.sent_as))


def sent_as(value: str, field: str) -> str:
    """`value` marked as sent under the payload field `field` (`SentAs`; a `NamesMeta` keeps its names)."""
    if isinstance(value, NamesMeta):
        return NamesMeta(value.names, field)
    return SentAs(value, field)


def given_as(value: object, key: str) -> str:
    """What a message calls a metadata value: "payload field 'authors'" when a CMS payload sent it
    under another field than `key`, else "'reporter' metadata"."""
    field = getattr(value, "sent_as", "")
    return f"payload field '{field}'" if field else f"'{key}' metadata"


def names_meta(names: list[str]) -> str:
    """The value of a list of names (blank ones left out): a `NamesMeta` for two or more, the one
    name itself, or "" for none."""
    kept = tuple(name for name in names if name)
    return NamesMeta(kept) if len(kept) > 1 else "".join(kept)


# The white space a value is read without at either end, as pasted around it: the space, tab and
# line breaks. Not `str.strip`'s: it takes C1 controls (U+0085) and U+001C…U+001F for white space,
# and an address refuses them wherever they are (`fixtemplates.address_problem`).
PASTED_ENDS = " \t\n\r"


# What every way of giving metadata (`--meta`, the API's `meta.KEY` query, a payload's `meta`
# object) says of a key that is empty or blank: no rule can ask for it, so a value given under it
# would be dropped without a word.
NO_KEY = "names no metadata key (it is empty or blank)"


def same_key(key: str) -> str:
    """A metadata key as compared with others: its Unicode compatibility form (NFKC), letter case
    folded (`str.casefold`), `-` and `_` one (`original-headline`, `Original_Headline` and the
    fullwidth `ＯＲＩＧＩＮＡＬ_HEADLINE` are the `original_headline` a rule reads, as `ORIGINAL-URL`
    and `original_url` are one address; `ſource_publisher` is `source_publisher`). This is how
    Python compares identifiers (NFKC) with case set aside. A key names a field, not a word to
    print: a CMS, a spreadsheet export or a hand-written front matter capitalises it as it
    pleases, and a key read in one spelling only would be dropped without a word. The Turkish
    dotted `İ` folds to `i` with a dot above (U+0307), another letter: such a key is not read,
    and a rule that needs the key says which given key looks like it (`near_key`)."""
    return unicodedata.normalize("NFKC", key).casefold().replace("-", "_")


def near_key(meta: Mapping[str, str], key: str) -> str | None:
    """A key of `meta` that is not `key` (`same_key`) but looks like it, as written
    (`ORİGİNAL_HEADLINE`, `original_headlin` for `original_headline`), for a note that a rule
    needing `key` was not checked; None when none does. Close is difflib's ratio of the compared
    keys (`same_key`) at 0.85 or more: a letter or two off in a long key, not another short key
    (`original_url` for `original` is 0.8)."""
    from difflib import get_close_matches

    wanted = same_key(key)
    others: dict[str, str] = {}
    for given in meta:
        # The first spelling of each key: the merged metadata's keys as written come first.
        others.setdefault(same_key(given), given)
    others.pop(wanted, None)
    close = get_close_matches(wanted, list(others), n=1, cutoff=0.85)
    return others[close[0]] if close else None


def given_key(meta: Mapping[str, str], key: str) -> str | None:
    """The spelling under which `meta` (one source: `--meta`, a front matter, a sidecar file, a
    payload; or the merged metadata, whose keys as written come first) gives `key` (`same_key`),
    the first in its order; None when it does not."""
    wanted = same_key(key)
    return next((given for given in meta if same_key(given) == wanted), None)


def given_value(meta: Mapping[str, str], key: str) -> str:
    """The value `meta` gives `key` under any spelling of it (`given_key`), "" when none."""
    spelt = given_key(meta, key)
    return meta[spelt] if spelt is not None else ""


def merged_meta(*sources: Mapping[str, str]) -> dict[str, str]:
    """The article's metadata from `sources`, weakest first (a metadata file, the front matter, a
    payload, `--meta`): a stronger source's value wins over a weaker one's however either spells
    its key (`same_key`), and each key is then also given in lower case with `_` and with `-`
    (`Original-Headline` gives `original_headline` and `original-headline`), after the keys as
    written, so that a rule finds it however the rule spells it. Within one source, a key spelt
    two ways keeps each as given (the readers of `--meta`, of payloads and of YAML refuse such a
    pair when the values differ)."""
    merged: dict[str, str] = {}
    for source in sources:
        if not source:
            continue
        given = {same_key(key) for key in source}
        merged = {key: value for key, value in merged.items() if same_key(key) not in given}
        merged.update(source)
    other: dict[str, str] = {}
    for key, value in merged.items():
        for spelt in _spellings(key):
            if spelt not in merged and spelt not in other:
                other[spelt] = value
    return {**merged, **other} if other else merged


def _spellings(key: str) -> tuple[str, str]:
    """The spellings a rule may read `key` under: lower case, with `_` and with `-`."""
    canonical = same_key(key)
    return canonical, canonical.replace("_", "-")


def is_blank_key(key: str) -> bool:
    """Whether a metadata key names nothing: empty, or only whitespace (refused with `NO_KEY`)."""
    return not key.strip()


def name_problem(key: str, value: str) -> str | None:
    """What is wrong with the value of a key that names a person or an outlet (`NAME_KEYS`), as a
    predicate for "metadata 'KEY' …", or None when it names one (or is empty: not given). A value
    with no letter or digit at all (control characters, format characters such as U+202E, U+FFFD
    for undecodable bytes, punctuation) names nobody: a rule would tell the editor to credit an
    invisible name. Each name of a `NamesMeta` is judged. Pure; never raises."""
    if same_key(key) not in NAME_KEYS:
        return None
    names = value.names if isinstance(value, NamesMeta) else (value,)
    for name in names:
        if name.strip() and not any(char.isalnum() for char in name):
            from compliance.display import visible

            return f"names no one: '{visible(name[:40])}' has no letter or digit (only control, format or undecodable characters, or punctuation)"
    return None


def unreadable_reason(meta: Mapping[str, str], key: str) -> str | None:
    """Why the article's `key` cannot be read (`UnreadableMeta.why`), or None when it is a value
    or not given."""
    value = meta.get(key)
    return value.why if isinstance(value, UnreadableMeta) else None


def what_to_write(key: str) -> str:
    """An example of one value for `key`, as a YAML line: what the note tells a user to write."""
    from compliance.checks.medium import MEDIUM_KEY
    from compliance.fixtemplates import URL_KEY_SUFFIXES

    read_as = same_key(key)
    if read_as == MEDIUM_KEY:
        return f"'{key}: online' or '{key}: print'"
    if read_as.endswith(URL_KEY_SUFFIXES) or read_as == "original":
        return f"'{key}: https://…'"
    if read_as in PEOPLE_KEYS:
        return f"'{key}: Ana Ruiz' or a list of names, '{key}: [Ana Ruiz, Ben Li]'"
    return f"one value, '{key}: \"…\"' (in quotes when YAML would read it otherwise)"


def yaml_meta(root: YMap, where: str) -> dict[str, str]:
    """The metadata of a YAML mapping, one text value per key (see the module's docstring); `where`
    names the source in a note ("the front matter", "story.html.meta.yaml"), whose lines are the
    file's.

    Raises InputError (the key's line and column, no path: the caller knows the file) for a key
    that is empty or blank (`"": x`), refused as `--meta =x` is (`NO_KEY`), and for a name that
    names no one (`name_problem`), refused as `--meta reporter=…` is."""
    values: dict[str, str] = {}
    spelt: dict[str, str] = {}  # each key as first written, by `same_key`, values or not
    for key in root:
        _refuse_two_spellings(spelt, str(key), root)
        if is_blank_key(str(key)):
            from compliance.errors import InputError

            mark = root.key_mark(key)
            hint = "write 'KEY: value', for example 'reporter: Jake Smith'"
            raise InputError(f"metadata key '{key}' {NO_KEY}", line=mark.line, column=mark.column, hint=hint)
        value = _meta_value(str(key), root.entries[key], f"{where} at line {root.key_mark(key).line}")
        if value is not None and (problem := name_problem(str(key), value)):
            from compliance.errors import InputError

            mark = root.key_mark(key)
            hint = f"write the name as printed, for example '{key}: Jake Smith'"
            raise InputError(f"metadata '{key}' {problem}", line=mark.line, column=mark.column, hint=hint)
        if value is not None:
            values[str(key)] = value
    return values


def _refuse_two_spellings(spelt: dict[str, str], key: str, root: YMap) -> None:
    """InputError at `key`'s line when an earlier key of the mapping is it in another spelling
    (`same_key`: `Reporter` after `reporter`), whatever either value is — another, the same, an
    empty or a null one: a key given twice, which YAML refuses written alike, and which value was
    meant is unknown. Else `key` is recorded in `spelt`."""
    before = spelt.setdefault(same_key(key), key)
    if before == key:
        return
    from compliance.errors import InputError

    mark = root.key_mark(key)
    raise InputError(
        f"'{key}' is the key '{before}' again (metadata keys are read without letter case, '-' as '_'): which value was meant is unknown",
        line=mark.line,
        column=mark.column,
        hint="remove or rename one of them",
    )


def _meta_value(key: str, node: YNode, where: str) -> str | None:
    from compliance.yamlsource import YScalar, YSeq

    if isinstance(node, YScalar):
        return written(node)
    if isinstance(node, YSeq) and same_key(key) in PEOPLE_KEYS:
        names = [written(item) if isinstance(item, YScalar) else None for item in node.items]
        index = next((i for i, name in enumerate(names) if name is None), None)
        if index is None:
            return names_meta([" ".join(str(name).split()) for name in names])
        item = node.items[index]
        what = "a list" if isinstance(item, YSeq) else "a mapping" if not isinstance(item, YScalar) else "no name (null)"
        return UnreadableMeta(f"the article's '{key}' ({where}) has {what} as its element {index + 1}, at line {item.mark.line}: write {what_to_write(key)}")
    form = "a list" if isinstance(node, YSeq) else "a mapping"
    return UnreadableMeta(f"the article's '{key}' ({where}) is {form}, not one value: write {what_to_write(key)}")


def written(node: YScalar) -> str | None:
    """A scalar as the author wrote it (`0x1F`, `yes`, `2026-01-02`; a quoted one unquoted), or
    None for no value: a `null`, `~` or nothing that is not quoted."""
    if node.value is None and not node.quoted:
        return None
    return node.text
