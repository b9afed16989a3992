"""Pack loading: every built-in pack validates, and broken packs fail with one line, file:line, exit 2."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest

from compliance.cachefiles import sealed, unsealed
from compliance.errors import PackError
from compliance.loading import builtin_rules_dir, load_packs
from compliance.packs import load_pack
from tests.conftest import write

VALID = textwrap.dedent(
    """\
    id: house
    name: House rules
    publisher: Example Gazette
    terms_url: https://example.org/terms
    as_of: 2024-05-01
    summary: Our own republication rules.
    rules:
      - id: house/credit
        severity: error
        message: Credit line missing.
        help: Add "Republished with permission" at the bottom.
        check:
          text:
            phrase: Republished with permission
            last: 3
    """
)


def test_builtin_packs_load_and_have_unique_rule_ids() -> None:
    packs = load_packs()
    assert [p.id for p in packs] == sorted(p.stem for p in builtin_rules_dir().glob("*.yaml"))
    own = [rule.id for pack in packs for rule in pack.rules if rule.pack == pack.id]
    assert len(own) == len(set(own))
    assert all(rule.id.startswith(rule.pack + "/") for pack in packs for rule in pack.rules)
    dcnf = next(p for p in packs if p.id == "dcnf")
    assert [r.id for r in dcnf.rules] == ["dcnf/logo", "dcnf/byline", "dcnf/affiliation", "dcnf/original-reporter", "dcnf/reused-agency-photo"]
    # An agency photo copied from the original is a warning (the editor decides); the rest are errors.
    assert [r.severity.label for r in dcnf.rules] == ["error", "error", "error", "error", "warning"]


def test_no_builtin_packs_words_are_written_as_html_character_references() -> None:
    # A rule's message, help and terms are plain text: the text formats print them as written and
    # the HTML formats escape them, so "&lt;a&gt;" reads as itself in a terminal (a markup example
    # in a help is written as the editor types it, "<a href=…>").
    import re

    reference = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.IGNORECASE)
    written = [
        (rule.id, field, text)
        for pack in load_packs()
        for rule in pack.rules
        for field, text in (("message", rule.message), ("help", rule.help), ("terms", rule.terms or ""))
    ]
    assert len(written) > 300
    assert [(rule_id, field) for rule_id, field, text in written if reference.search(text)] == []


@pytest.mark.parametrize("terms_url", ["HTTPS://example.org/terms", "Http://example.org/terms"])
def test_a_terms_url_whose_scheme_is_in_capitals_is_an_http_url(terms_url: str) -> None:
    pack = load_pack(VALID.replace("terms_url: https://example.org/terms", f"terms_url: {terms_url}", 1), "house.yaml")
    assert pack.terms_url == terms_url


def test_valid_pack_loads() -> None:
    pack = load_pack(VALID, "house.yaml")
    assert pack.id == "house"
    assert pack.as_of == "2024-05-01"
    assert pack.rules[0].check.kind == "text"


# (description, replacement applied to VALID, expected line, expected fragment of the message)
BROKEN: list[tuple[str, tuple[str, str], int, str]] = [
    ("typo in a rule key", ("    severity: error", "    severity: error\n    mesage: typo"), 10, "unknown key 'mesage' in a rule — did you mean 'message'?"),
    ("typo in a pack key", ("summary:", "sumary:"), 6, "unknown key 'sumary' in the pack — did you mean 'summary'?"),
    ("unknown check kind", ("      text:", "      txt:"), 13, "unknown check kind 'txt' — did you mean 'text'?"),
    ("unknown option", ("        last: 3", "        lats: 3"), 15, "unknown key 'lats' in the 'text' check — did you mean 'last'?"),
    ("bad severity", ("severity: error", "severity: fatal"), 9, "severity must be one of error, warning, info, got 'fatal'"),
    ("bad regex", ("        phrase: Republished with permission", "        pattern: '(unclosed'"), 14, "invalid regex '(unclosed'"),
    ("wrong type for count", ("        last: 3", "        last: three"), 15, "'last' of the 'text' check must be a whole number, got a string"),
    ("rule id without pack prefix", ("  - id: house/credit", "  - id: credit"), 8, "rule id 'credit' must be 'house/<name>'"),
    ("missing required key", ('    help: Add "Republished with permission" at the bottom.\n', ""), 8, "a rule is missing required key 'help'"),
    ("both pattern and phrase", ("        last: 3", "        last: 3\n        pattern: 'x'"), 14, "exactly one of 'pattern' or 'phrase'"),
    ("bad date", ("as_of: 2024-05-01", "as_of: last spring"), 5, "as_of must be a date like 2024-06-27"),
    ("duplicate key", ("name: House rules", "name: House rules\nname: Again"), 3, "duplicate key 'name' (first defined at line 2)"),
    ("python tag", ("summary: Our own republication rules.", "summary: !!python/object/apply:os.system ['true']"), 6, "unsupported YAML"),
    ("invalid YAML", ("rules:", "rules: [\n"), 9, "invalid YAML"),
    (
        "unquoted # selector",
        ("      text:\n        phrase: Republished with permission\n        last: 3", "      element:\n        selector: #byline"),
        14,
        "'selector' of the 'element' check must be a string, got nothing",
    ),
    (
        "bad CSS selector",
        ("      text:\n        phrase: Republished with permission\n        last: 3", "      element:\n        selector: 'p[[x'"),
        14,
        "invalid CSS selector 'p[[x'",
    ),
    ("bad pack id", ("id: house", "id: House_Rules"), 1, "pack id 'House_Rules' must be lower-case words joined by hyphens"),
    ("non-URL terms", ("terms_url: https://example.org/terms", "terms_url: example.org"), 4, "terms_url must be an http(s) URL"),
    ("check with two kinds", ("        last: 3", "        last: 3\n      byline: {}"), 16, "a check has exactly one kind, found text, byline"),
    ("min above max", ("        last: 3", "        last: 3\n        min: 3\n        max: 1"), 16, "min (3) is greater than max (1)"),
    ("unknown definition", ("        phrase: Republished with permission", "        pattern: '{{credit}}'"), 14, "unknown definition '{{credit}}'"),
    ("merge key", ("    severity: error", "    <<: {severity: error}"), 9, "house.yaml:9:5: YAML merge keys (<<) are not supported — write the keys out"),
    (
        "definition used above where it is written",
        ("summary: Our own republication rules.", "summary: Our own rules.\ndefine:\n  credit: 'Republished {{with}}'\n  with: 'with permission'"),
        8,
        "definition '{{with}}' is written further down; a definition may use only the ones above it — move 'with' above the definition that uses it",
    ),
    ("bad enum", ("        last: 3", "        scope: body"), 15, "'scope' of the 'text' check must be one of article, page, headline, byline, got 'body'"),
    (
        "near without distance",
        ("      text:\n        phrase: Republished with permission\n        last: 3", "      near:\n        a: {byline: {}}\n        b: {byline: {}}"),
        14,
        "needs 'within-blocks', 'within-chars' or an 'order'",
    ),
]


def test_a_pattern_that_uses_a_broken_definition_adds_no_error_of_its_own(cli: Any, tmp_path: Path) -> None:
    broken = VALID.replace("summary: Our own republication rules.", "summary: Our own republication rules.\ndefine:\n  credit: 'Republished (with'", 1)
    pack = write(tmp_path, "house.yaml", broken.replace("        phrase: Republished with permission", "        pattern: '{{credit}} permission'", 1))
    run = cli("rules", "validate", str(pack))
    assert run.code == 2
    # One mistake, one line: the rule that uses the definition is not reported as well.
    assert run.err.count("house.yaml:") == 1, run.err
    assert "house.yaml:8:" in run.err and "invalid regex in define: credit 'Republished (with'" in run.err, run.err


@pytest.mark.parametrize(("description", "change", "line", "fragment"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_pack_is_one_line_with_file_and_line(cli: Any, tmp_path: Path, description: str, change: tuple[str, str], line: int, fragment: str) -> None:
    old, new = change
    assert old in VALID, description
    pack = write(tmp_path, "house.yaml", VALID.replace(old, new, 1))
    run = cli("check", "--rules", str(pack), "samples/dcnf/no-logo.html")
    assert run.code == 2
    assert run.out == ""
    assert run.err.count("\n") == 1, run.err
    assert "Traceback" not in run.err
    assert f"house.yaml:{line}:" in run.err, run.err
    assert fragment in run.err, run.err


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (
            "publisher: Example Gazette",
            "publisher: 5",
            "'publisher' must be a string, got a number — write it in single quotes: unquoted, YAML reads it as a number",
        ),
        ("name: House rules", "name: yes", "'name' must be a string, got a boolean — write it in single quotes: unquoted, YAML reads it as a boolean"),
        (
            "phrase: Republished with permission",
            "pattern: [a-z]",
            "'pattern' of the 'text' check must be a string, got a list — write it in single quotes: unquoted, YAML reads [ … ] as a list",
        ),
    ],
)
def test_a_value_yaml_read_as_no_string_is_told_how_to_quote_it(cli: Any, tmp_path: Path, old: str, new: str, said: str) -> None:
    pack = write(tmp_path, "house.yaml", VALID.replace(old, new, 1))
    run = cli("rules", "validate", str(pack))
    assert run.code == 2
    assert said in run.err, run.err


def test_rules_validate_reports_pack_error_exception_attributes() -> None:
    with pytest.raises(PackError) as caught:
        load_pack(VALID.replace("severity: error", "severity: fatal"), "house.yaml")
    assert (caught.value.path, caught.value.line, caught.value.rule) == ("house.yaml", 9, "house/credit")


def test_yaml_alias_bomb_is_refused_before_it_expands(tmp_path: Path) -> None:
    levels = ["a: &a ['lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol']"]
    for i in range(1, 9):
        name, previous = chr(ord("a") + i), chr(ord("a") + i - 1)
        levels.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    with pytest.raises(PackError, match="expands to more than"):
        load_pack("\n".join(levels) + "\n", "bomb.yaml")


def test_duplicate_pack_id_across_files_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "one.yaml", VALID)
    write(tmp_path, "two.yaml", VALID)
    with pytest.raises(PackError, match="pack id 'house' is already defined"):
        load_packs([tmp_path], builtin=False)


def test_extra_pack_is_used_by_check(cli: Any, tmp_path: Path) -> None:
    pack = write(tmp_path, "house.yaml", VALID)
    article = write(
        tmp_path,
        "story.html",
        "<html><body><article><h1>Storm hits coast</h1><p class='byline'>By Ana Ruiz</p>"
        + "".join(f"<p>Paragraph {n} of the storm story.</p>" for n in range(6))
        + "<p>Republished with permission of the Example Gazette.</p></article></body></html>",
    )
    run = cli("check", "--rules", str(pack), "--pack", "house", "--format", "json", str(article))
    entry = run.json()["files"][0]
    assert run.code == 0
    assert entry["passed"][0]["rule"] == "house/credit"
    assert entry["passed"][0]["evidence"].startswith("Republished with permission")


def test_builtin_packs_compile_every_regex_and_selector() -> None:
    # At start-up the built-in packs compile lazily; given as user packs they are compiled now,
    # so any invalid regex or selector in them raises here.
    validated = load_packs([builtin_rules_dir()], builtin=False)
    assert [p.id for p in validated] == [p.id for p in load_packs()]


def test_user_packs_are_compiled_when_loaded(tmp_path: Path) -> None:
    write(tmp_path, "bad.yaml", VALID.replace("phrase: Republished with permission", "pattern: '[unclosed'"))
    with pytest.raises(PackError, match="invalid regex"):
        load_packs([tmp_path], builtin=False)


def test_validated_packs_are_cached_and_rebuilt_when_a_file_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    cache = tmp_path / "cache"
    monkeypatch.setenv("SYNDCHECK_CACHE_DIR", str(cache))
    pack = write(tmp_path, "packs/house.yaml", VALID)
    first = load_packs([pack.parent])
    assert len(list(cache.glob("packs-*.pickle"))) == 1
    assert load_packs([pack.parent]) == first
    pack.write_text(VALID.replace("severity: error", "severity: warning"), encoding="utf-8")
    os.utime(pack, ns=(pack.stat().st_mtime_ns + 1_000_000, pack.stat().st_mtime_ns + 1_000_000))
    changed = next(p for p in load_packs([pack.parent]) if p.id == "house")
    assert changed.rules[0].severity.label == "warning"
    assert len(list(cache.glob("packs-*.pickle"))) == 2


@pytest.mark.parametrize("how", ["edited in place", "replaced by a copy"])
def test_a_pack_edited_back_to_its_size_and_modification_time_is_read_anew(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    # `touch -d`, `cp -p`, `rsync -a` and unpacked archives give an edited pack its old
    # modification time; with the same size, the cache must still not answer for the old rules.
    import os
    import shutil

    monkeypatch.setenv("SYNDCHECK_CACHE_DIR", str(tmp_path / "cache"))
    pack = write(tmp_path, "packs/house.yaml", VALID)
    before = pack.stat()
    assert next(p for p in load_packs([pack.parent]) if p.id == "house").rules[0].message == "Credit line missing."
    edited = VALID.replace("Credit line missing.", "Credit line lacking.")
    assert len(edited) == len(VALID) and edited != VALID  # the same size, so only the times and the inode tell them apart
    if how == "edited in place":
        pack.write_text(edited, encoding="utf-8")
    else:
        copy = write(tmp_path, "elsewhere/house.yaml", edited)
        shutil.copy2(copy, tmp_path / "packs" / "house.new")
        os.replace(tmp_path / "packs" / "house.new", pack)
    os.utime(pack, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (pack.stat().st_size, pack.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    changed = next(p for p in load_packs([pack.parent]) if p.id == "house")
    assert changed.rules[0].message == "Credit line lacking."


def _age(path: Path, seconds: float) -> None:
    """Make a file look last read and written `seconds` ago."""
    import os
    import time

    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


def test_writing_the_pack_cache_removes_stale_cache_files_and_nothing_else(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    cache = tmp_path / "cache"
    monkeypatch.setenv("SYNDCHECK_CACHE_DIR", str(cache))
    pack = write(tmp_path, "packs/house.yaml", VALID)
    load_packs([pack.parent], builtin=False)
    (current,) = cache.glob("packs-*.pickle")
    code, packs, state = current.stem.removeprefix("packs-").split("-")
    stale = {
        "another version": f"packs-{int(code, 16) ^ 1:08x}-{packs}-{state}.pickle",
        "another version of other packs": f"packs-{int(code, 16) ^ 1:08x}-0badf00d-{state}.pickle",
        "an earlier state of these packs": f"packs-{code}-{packs}-{int(state, 16) ^ 1:08x}.pickle",
        "an earlier naming": "packs-000cc849-7995.pickle",
        "the first naming": "packs-00bb8c92082249ffa609391f.pickle",
        "an unfinished write": ".packs-k3j_9x2a",
    }
    kept = {
        "this version's cache of other packs": f"packs-{code}-0badf00d-{state}.pickle",
        "another version used recently": f"packs-{int(code, 16) ^ 2:08x}-{packs}-{state}.pickle",
        "not syndcheck's by its name": "packs-notes.pickle",
        "a near name": "packs-000cc849-7995.pickle.bak",
        "another tool's": "my-packs-00bb8c92082249ffa609391f.pickle",
        # With SYNDCHECK_CACHE_DIR set, fetched originals share the folder.
        "a fetched original": "5f" * 32,
        "a folder": f"packs-{int(code, 16) ^ 3:08x}-{packs}-{state}.pickle",
        "a link": f"packs-{int(code, 16) ^ 4:08x}-{packs}-{state}.pickle",
    }
    outside = write(tmp_path, "elsewhere/keep.txt", "not a cache")
    for reason, name in {**stale, **kept}.items():
        path = cache / name
        if reason == "a folder":
            path.mkdir()
        elif reason == "a link":
            path.symlink_to(outside)
        else:
            path.write_bytes(b"old")
        if reason != "another version used recently":
            _age(path, 2 * 3600)
    pack.write_text(VALID.replace("severity: error", "severity: warning"), encoding="utf-8")
    os.utime(pack, ns=(pack.stat().st_mtime_ns + 1_000_000, pack.stat().st_mtime_ns + 1_000_000))
    assert next(p for p in load_packs([pack.parent], builtin=False) if p.id == "house").rules[0].severity.label == "warning"
    left = {p.name for p in cache.iterdir()}
    assert {reason for reason, name in stale.items() if name in left} == set()
    assert {reason for reason, name in kept.items() if name not in left} == set()
    (written,) = left - set(kept.values()) - {current.name}
    assert written.startswith(f"packs-{code}-{packs}-") and written != current.name
    # The state before the edit was used less than an hour ago: it stays until a later write.
    assert current.name in left
    assert outside.read_text(encoding="utf-8") == "not a cache"


def test_a_run_that_reads_the_pack_cache_removes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("SYNDCHECK_CACHE_DIR", str(cache))
    pack = write(tmp_path, "packs/house.yaml", VALID)
    load_packs([pack.parent], builtin=False)
    stale = cache / "packs-000cc849-7995.pickle"
    stale.write_bytes(b"old")
    _age(stale, 30 * 86400)
    assert [p.id for p in load_packs([pack.parent], builtin=False)] == ["house"]
    assert stale.exists()


def test_a_stale_cache_file_that_cannot_be_removed_is_left_and_the_run_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from compliance import packfiles

    cache = tmp_path / "cache"
    monkeypatch.setenv("SYNDCHECK_CACHE_DIR", str(cache))
    cache.mkdir()
    held, free = cache / "packs-000cc849-7995.pickle", cache / "packs-00bb8c92082249ffa609391f.pickle"
    for path in (held, free):
        path.write_bytes(b"old")
        _age(path, 2 * 3600)
    unlink = os.unlink

    def refuse_held(path: Any, *args: Any, **kwargs: Any) -> None:
        if Path(path) == held:
            raise PermissionError(13, "The process cannot access the file because it is being used by another process", str(path))
        unlink(path, *args, **kwargs)

    monkeypatch.setattr(packfiles.os, "unlink", refuse_held)
    pack = write(tmp_path, "packs/house.yaml", VALID)
    assert [p.id for p in load_packs([pack.parent], builtin=False)] == ["house"]
    assert held.exists() and not free.exists()
    assert len(list(cache.glob("packs-*-*-*.pickle"))) == 1

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("listing failed")

    monkeypatch.setattr(packfiles, "prune_pack_cache", broken)
    write(tmp_path, "packs/house.yaml", VALID.replace("severity: error", "severity: warning"))
    os.utime(pack, ns=(pack.stat().st_mtime_ns + 1_000_000, pack.stat().st_mtime_ns + 1_000_000))
    assert next(p for p in load_packs([pack.parent], builtin=False) if p.id == "house").rules[0].severity.label == "warning"


def test_a_cache_file_written_for_another_key_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The cache file's name is a checksum of its key; two keys with one checksum must never share
    # packs: the key stored inside is compared.
    import pickle

    cache = tmp_path / "cache"
    monkeypatch.setenv("SYNDCHECK_CACHE_DIR", str(cache))
    pack = write(tmp_path, "packs/house.yaml", VALID)
    load_packs([pack.parent], builtin=False)
    (cached,) = cache.glob("packs-*.pickle")
    stored = pickle.loads(unsealed(cached.read_bytes()) or b"")
    other = next(p for p in load_packs() if p.id == "dcnf")
    cached.write_bytes(sealed(pickle.dumps({**stored, "key": "another key", "packs": [other]})))
    assert [p.id for p in load_packs([pack.parent], builtin=False)] == ["house"]
    assert pickle.loads(unsealed(cached.read_bytes()) or b"")["key"] == stored["key"]


def test_a_cache_others_can_write_is_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("SYNDCHECK_CACHE_DIR", str(cache))
    pack = write(tmp_path, "packs/house.yaml", VALID)
    load_packs([pack.parent], builtin=False)
    (cached,) = cache.glob("packs-*.pickle")
    cached.write_bytes(b"not a pickle")
    cached.chmod(0o666)
    assert [p.id for p in load_packs([pack.parent], builtin=False)] == ["house"]


def test_a_rules_directorys_dot_files_are_not_packs(cli: Any, tmp_path: Path) -> None:
    # A newsroom keeps its packs in the folder it checks from: the configuration and other
    # tools' dot-files beside them are not rule packs.
    folder = tmp_path / "rule-packs"
    write(folder, "house.yaml", VALID)
    write(folder, ".syndcheck.yaml", "rules: [rule-packs/]\nfail-on: warning\n")
    write(folder, ".pre-commit-config.yaml", "repos: []\n")
    validated = cli("rules", "validate", str(folder))
    assert (validated.code, validated.err) == (0, "")
    assert validated.out == f"{folder / 'house.yaml'}: ok (house, 1 rule)\n"
    listed = cli("packs", "--paths", "--rules", str(folder))
    assert listed.code == 0 and ".syndcheck" not in listed.out and f"house {(folder / 'house.yaml').resolve()}" in listed.out
    # Named on its own, a file is read as a pack whatever its name.
    hidden = write(tmp_path, ".house.yaml", VALID)
    assert cli("rules", "validate", str(hidden)).code == 0


def test_a_pack_file_of_two_yaml_documents_is_one_line_naming_the_second(cli: Any, tmp_path: Path) -> None:
    pack = write(tmp_path, "house.yaml", "---\n" + VALID + "---\n" + VALID.replace("id: house", "id: other", 1))
    run = cli("rules", "validate", str(pack))
    second = 2 + VALID.count("\n")
    assert (run.code, run.err) == (
        2,
        f"syndcheck: error: {pack}:{second}:1: a second YAML document starts here: the file must hold one"
        " — remove this '---' (and merge what follows into the document above it), or put the second document in a file of its own\n",
    )


def test_rules_validate_says_which_packs_replace_a_built_in_one(cli: Any, tmp_path: Path) -> None:
    # Valid, and loaded with --rules each stands in for the publisher's rules: said on its line.
    folder = tmp_path / "rule-packs"
    write(folder, "dcnf.yaml", VALID.replace("house", "dcnf"))
    write(folder, "tribune.yaml", VALID.replace("house", "texas-tribune"))  # the file's name is not the id
    write(folder, "house.yaml", VALID)
    validated = cli("rules", "validate", str(folder))
    assert (validated.code, validated.err) == (0, "")
    assert sorted(validated.out.splitlines()) == [
        f"{folder / 'dcnf.yaml'}: ok (dcnf, 1 rule; replaces the built-in pack dcnf)",
        f"{folder / 'house.yaml'}: ok (house, 1 rule)",
        f"{folder / 'tribune.yaml'}: ok (texas-tribune, 1 rule; replaces the built-in pack texas-tribune)",
    ]


@pytest.mark.parametrize(
    ("first", "second", "errors"),
    [
        # Each pack's own mistake is reported beside the duplicate id, in the order of the files.
        (
            VALID.replace("severity: error", "severity: eror"),
            VALID.replace("phrase: Republished", "phrse: Republished"),
            ["one.yaml:9:", "two.yaml:1: pack id 'house' is already defined in", "two.yaml:14:"],
        ),
        (VALID, VALID.replace("terms_url: https://example.org/terms", "terms_url: nowhere"), ["two.yaml:1: pack id 'house'", "two.yaml:4:"]),
        (VALID.replace("as_of: 2024-05-01", "as_of: someday"), VALID, ["one.yaml:5:", "two.yaml:1: pack id 'house'"]),
        (VALID, VALID, ["two.yaml:1: pack id 'house'"]),
    ],
)
def test_rules_validate_reports_every_error_of_packs_that_share_an_id(cli: Any, tmp_path: Path, first: str, second: str, errors: list[str]) -> None:
    one, two = write(tmp_path, "one.yaml", first), write(tmp_path, "two.yaml", second)
    run = cli("rules", "validate", str(one), str(two))
    assert run.code == 2
    lines = [line.removeprefix("syndcheck: error: ").removeprefix(f"{tmp_path}/") for line in run.err.splitlines() if line.startswith("syndcheck: error: ")]
    assert len(lines) == len(errors)
    assert all(line.startswith(error) for line, error in zip(lines, errors, strict=True)), lines
