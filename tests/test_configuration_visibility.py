"""A configuration file found beside the articles never weakens the publishers' checks unseen.

Every way a discovered configuration can weaken a check (a rule turned off or demoted, the packs
limited, a built-in pack replaced by one of the same id, the failing threshold raised) is listed
with the file that did it in every format that has a place for it; inline `syndcheck-disable`
suppressions are counted.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SAMPLES, write

NO_LOGO = (SAMPLES / "dcnf" / "no-logo.html").read_bytes()
STUB_DCNF = (
    "id: dcnf\nname: Stub\npublisher: Stub\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\n"
    "rules:\n  - id: dcnf/anything\n    severity: error\n    message: m\n    help: h\n    check: {text: {phrase: 'the'}}\n"
)

# Each kind of weakening: the folder's configuration, extra files, and the words that name it.
WEAKENINGS = {
    "packs": ("packs: [common]\n", {}, "packs limited to common by "),
    "rules": ("rules: [.house]\n", {".house/dcnf.yaml": STUB_DCNF}, "built-in pack dcnf replaced by "),
    "fail-on": ("fail-on: error\n", {}, "fail-on raised to error by "),
    "ignore": ("ignore: [dcnf/logo]\n", {}, "dcnf/logo turned off by "),
    "select": ("select: [dcnf/byline]\n", {}, "dcnf/logo turned off by "),
    "severity": ("severity: {dcnf/logo: info}\n", {}, "dcnf/logo lowered to info by "),
}


def test_the_rules_of_one_pack_one_file_turned_off_alike_share_a_line(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, ".syndcheck.yaml", "root: true\nselect: [dcnf/byline]\nseverity: {common/wire-photo: info}\n")
    write(tmp_path, "a.html", NO_LOGO)
    lines = [line for line in cli("check", str(tmp_path / "a.html")).out.splitlines() if line.startswith("configuration: ")]
    origin = tmp_path / ".syndcheck.yaml"
    dcnf = [line for line in lines if line.startswith("configuration: dcnf/")]
    assert len(dcnf) == 1 and dcnf[0].startswith("configuration: dcnf/affiliation, dcnf/logo, ") and dcnf[0].endswith(f" turned off by {origin}")
    assert "dcnf/byline" not in dcnf[0]
    # Another change by the same file to a rule of the pack is a line of its own.
    assert [line for line in lines if line.startswith("configuration: common/")] == [
        f"configuration: common/empty-byline, common/reused-agency-photo, common/wire-photo turned off by {origin}",
        f"configuration: common/wire-photo lowered to info by {origin}",
    ]


def _project(tmp_path: Path, kind: str) -> Path:
    """A project whose root configuration fails on warnings, and a news folder with its own file."""
    config, extra, _ = WEAKENINGS[kind]
    write(tmp_path, ".syndcheck.yaml", "root: true\nfail-on: warning\n")
    write(tmp_path, "news/a.html", NO_LOGO)
    write(tmp_path, "news/.syndcheck.yaml", config)
    for name, content in extra.items():
        write(tmp_path, f"news/{name}", content)
    return tmp_path / "news"


@pytest.mark.parametrize("kind", sorted(WEAKENINGS))
def test_every_weakening_is_named_with_its_file_in_every_format(cli: Any, tmp_path: Path, kind: str) -> None:
    news = _project(tmp_path, kind)
    said = WEAKENINGS[kind][2]
    origin = str(news / ".syndcheck.yaml")

    # Text and concise output name the rules one file turned off alike in one line per pack:
    # "configuration: dcnf/affiliation, dcnf/logo turned off by …".
    what, _, how = said.partition(" ")

    def named(line: str) -> bool:
        return line.startswith("configuration: ") and what in line.split(" ") + [w.rstrip(",") for w in line.split(" ")] and how in line

    text = cli("check", str(news))
    assert any(named(line) for line in text.out.splitlines()) and origin in text.out, text.out
    concise = cli("check", "--format", "concise", str(news))
    assert any(named(line) for line in concise.out.splitlines()), concise.out

    configured = cli("check", "--format", "json", str(news)).json()["summary"]["configured"]
    assert any(said in c["change"] and c["file"] == origin for c in configured), configured

    invocation = cli("check", "--format", "sarif", str(news)).json()["runs"][0]["invocations"][0]
    shown = [o["properties"]["file"] for o in invocation.get("ruleConfigurationOverrides", [])]
    shown += [n["message"]["text"] for n in invocation.get("toolConfigurationNotifications", [])]
    assert any(origin in item for item in shown), invocation

    github = cli("check", "--format", "github", str(news)).out
    assert any(line.startswith("::warning file=") and "title=syndcheck configuration::" + said in line for line in github.splitlines()), github

    junit = ET.fromstring(cli("check", "--format", "junit", str(news)).out)
    cases = [case.get("name", "") for suite in junit if suite.get("name") == "syndcheck configuration" for case in suite]
    assert any(said in name for name in cases), cases

    gitlab = cli("check", "--format", "gitlab", str(news)).json()
    assert any(i["check_name"].startswith("configuration/") and said in i["description"] and i["location"]["path"].endswith(".syndcheck.yaml") for i in gitlab)


def test_the_job_summary_lists_the_weakenings(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    news = _project(tmp_path, "ignore")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    cli("check", "--format", "github", str(news))
    text = summary.read_text(encoding="utf-8")
    assert "### Checks weakened by configuration (1)" in text
    assert "dcnf/logo turned off by " in text


def test_a_threshold_raised_below_the_root_is_named_and_the_command_line_one_is_not(cli: Any, tmp_path: Path) -> None:
    news = _project(tmp_path, "fail-on")
    run = cli("check", str(news))
    assert f"(was warning from {tmp_path / '.syndcheck.yaml'})" in run.out
    assert "fail-on raised" not in cli("check", "--fail-on", "error", str(news)).out


def test_a_threshold_made_stricter_is_not_a_weakening(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, ".syndcheck.yaml", "root: true\n")
    write(tmp_path, "news/a.html", NO_LOGO)
    write(tmp_path, "news/.syndcheck.yaml", "fail-on: warning\npacks: [dcnf]\n")
    run = cli("check", "--pack", "dcnf", str(tmp_path / "news"))
    assert "configuration:" not in run.out  # the command line chose the packs; warning is stricter


@pytest.mark.parametrize("given", ["house/dcnf.yaml", "house", "house/"])
def test_a_built_in_pack_replaced_with_rules_on_the_command_line_is_said_on_stderr_and_in_the_report(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    # A stray dcnf.yaml in a CI --rules folder would pass an article without the DCNF logo unseen.
    write(tmp_path, ".syndcheck.yaml", "root: true\n")
    write(tmp_path, "house/dcnf.yaml", STUB_DCNF)
    write(tmp_path, "house/propublica.yaml", STUB_DCNF.replace("dcnf", "propublica"))
    write(tmp_path, "house/gazette.yaml", STUB_DCNF.replace("dcnf", "gazette"))  # an id of its own: replaces nothing
    write(tmp_path, "news/a.html", NO_LOGO)
    monkeypatch.chdir(tmp_path)
    replaced = [f"built-in pack {pack} replaced by house/{pack}.yaml (given with --rules)" for pack in ("dcnf", "propublica")]
    wanted = ("dcnf", "propublica") if given.startswith("house") and not given.endswith(".yaml") else ("dcnf",)
    replaced = [line for line in replaced if line.split()[2] in wanted]
    run = cli("check", "--rules", given, "--format", "json", "news/a.html")
    assert run.err.splitlines()[: len(replaced)] == [f"syndcheck: warning: {line}" for line in replaced]
    configured = run.json()["summary"]["configured"]
    assert configured == [{"setting": "--rules", "rule": line.split()[2], "file": line.split()[5], "change": line} for line in replaced]
    text = cli("check", "--rules", given, "news/a.html").out
    assert [line for line in text.splitlines() if line.startswith("configuration: ")] == [f"configuration: {line}" for line in replaced]
    gitlab = cli("check", "--rules", given, "--format", "gitlab", "news/a.html").json()
    assert [i["location"]["path"] for i in gitlab if i["check_name"] == "configuration/--rules"] == [line.split()[5] for line in replaced]


@pytest.mark.parametrize("given", ["house/dcnf.yaml", "house", "house/"])
def test_a_built_in_pack_replaced_with_rules_is_said_by_fix_rules_list_and_rules_test(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    write(tmp_path, ".syndcheck.yaml", "root: true\n")
    write(tmp_path, "house/dcnf.yaml", STUB_DCNF)
    write(tmp_path, "house/propublica.yaml", STUB_DCNF.replace("dcnf", "propublica"))
    write(tmp_path, "house/gazette.yaml", STUB_DCNF.replace("dcnf", "gazette"))  # an id of its own: replaces nothing
    write(tmp_path, "news/a.html", NO_LOGO)
    write(tmp_path, "fixtures/a.html", NO_LOGO + b"\n<!-- expect: dcnf/anything -->\n")
    monkeypatch.chdir(tmp_path)
    wanted = ("dcnf",) if given.endswith(".yaml") else ("dcnf", "propublica")
    replaced = [f"built-in pack {pack} replaced by house/{pack}.yaml" for pack in wanted]
    warnings = [f"syndcheck: warning: {line} (given with --rules)" for line in replaced]
    # One line on stderr before anything is fixed or tested, as `check` says it.
    fixed = cli("fix", "--rules", given, "news/a.html")
    assert fixed.err.splitlines()[: len(warnings)] == warnings
    assert not any("replaced" in line for line in fixed.err.splitlines()[len(warnings) :])
    tested = cli("rules", "test", "--rules", given, "fixtures")
    assert tested.err.splitlines()[: len(warnings)] == warnings
    # `rules list` says it on the line of the pack that stands in for the built-in one.
    listed = cli("rules", "list", "--rules", given).out.splitlines()
    heads = [line for line in listed if not line.startswith(" ")]
    assert [line for line in heads if "replaced" in line] == [f"{pack} — Stub  ({line})" for pack, line in zip(wanted, replaced, strict=True)]
    assert ("gazette — Stub" in heads) == (not given.endswith(".yaml")) and "calmatters — CalMatters" in heads
    # `rules explain` says it before the explanation, which then names the house pack's file.
    explained = cli("rules", "explain", "--rules", given, "dcnf/anything")
    assert explained.err.splitlines() == warnings
    assert "Defined in " in explained.out and "dcnf.yaml" in explained.out.split("Defined in ")[1].splitlines()[0]


def test_commands_without_rules_say_nothing_of_replaced_packs(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, ".syndcheck.yaml", "root: true\n")
    write(tmp_path, "news/a.html", NO_LOGO)
    monkeypatch.chdir(tmp_path)
    assert "replaced" not in cli("fix", "news/a.html").err
    assert "replaced" not in cli("rules", "list").out


def test_a_rules_pack_of_its_own_id_is_not_listed(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, ".syndcheck.yaml", "root: true\n")
    write(tmp_path, "house/gazette.yaml", STUB_DCNF.replace("dcnf", "gazette"))
    write(tmp_path, "news/a.html", NO_LOGO)
    monkeypatch.chdir(tmp_path)
    run = cli("check", "--rules", "house", "news/a.html")
    assert "configuration:" not in run.out and "replaced" not in run.err


INLINE = b"<article><!-- syndcheck-disable dcnf/logo -- fine --><h1>Hi</h1><p>By Jake Smith, Daily Caller News Foundation</p></article>\n"


def test_inline_suppressions_are_counted_and_listed(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "a.html", INLINE)
    text = cli("check", str(story))
    assert text.out.splitlines()[-1] == "1 file checked; no problems; 1 suppressed"
    assert cli("check", "--format", "json", str(story)).json()["summary"]["suppressed"] == 1
    statistics = cli("check", "--statistics", str(story)).out
    assert "suppressed in the articles (syndcheck-disable) by rule:\n  1  dcnf/logo\n" in statistics
    assert json.loads(cli("check", "--format", "json", str(write(tmp_path, "b.html", NO_LOGO))).out)["summary"]["suppressed"] == 0


NEXT_LINE = b"<!-- syndcheck-disable-next dcnf/logo -- fine -->\n\n<article><h1>Hi</h1>\n<p>By Jake Smith, Daily Caller News Foundation</p></article>\n"


@pytest.mark.parametrize("page", [INLINE, NEXT_LINE], ids=["disable", "disable-next"])
@pytest.mark.parametrize("how", ["flag", "config", "config-not-undone"])
def test_inline_suppressions_can_be_turned_off_and_are_then_reported_as_ignored(cli: Any, tmp_path: Path, page: bytes, how: str) -> None:
    story = write(tmp_path, "news/a.html", page)
    obeyed = cli("check", "--format", "json", str(story)).json()["files"][0]
    assert obeyed["findings"] == [] and [n["code"] for n in obeyed["notices"]] == ["no-original"]
    args = ["check", "--format", "json", str(story)]
    if how == "flag":
        args.insert(1, "--no-inline-suppressions")
    else:
        write(tmp_path, ".syndcheck.yaml", "root: true\ninline-suppressions: false\n")
        if how == "config-not-undone":  # the article's own folder cannot turn them back on
            write(tmp_path, "news/.syndcheck.yaml", "inline-suppressions: true\n")
    run = cli(*args)
    assert run.code == 1, run.err
    report = run.json()
    assert [f["rule"] for f in report["files"][0]["findings"]] == ["dcnf/logo"]
    assert report["summary"]["suppressed"] == 0
    (notice,) = [n for n in report["files"][0]["notices"] if n["code"] == "suppressions-ignored"]
    assert notice["message"].startswith("1 suppression comment in the document not obeyed (dcnf/logo at ")


def test_config_show_names_the_file_that_turned_inline_suppressions_off(cli: Any, tmp_path: Path) -> None:
    config = write(tmp_path, ".syndcheck.yaml", "root: true\ninline-suppressions: false\n")
    story = write(tmp_path, "a.html", INLINE)
    assert f"inline-suppressions: false  [{config}]" in cli("config", "show", str(story)).out
    write(tmp_path, ".syndcheck.yaml", "root: true\ninline-suppressions: no-thanks\n")
    run = cli("check", str(story))
    assert run.code == 2 and "'inline-suppressions' must be true or false" in run.err


@pytest.mark.parametrize("root", [False, True], ids=["nested", "nested-root"])
def test_files_a_configuration_leaves_out_of_the_walk_are_named_in_every_format(cli: Any, tmp_path: Path, root: bool) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path, ".syndcheck.yaml", "root: true\n")
    config = write(tmp_path, "news/.syndcheck.yaml", ("root: true\n" if root else "") + 'exclude: ["story.html"]\n')
    write(tmp_path, "news/story.html", NO_LOGO)
    write(tmp_path, "news/story2.html", NO_LOGO)
    news = tmp_path / "news"
    said = f"{news / 'story.html'} not checked: exclude 'story.html' in {config}:{2 if root else 1}"

    concise = cli("check", "--format", "concise", str(news))
    assert f"configuration: {said}" in concise.out.splitlines(), concise.out
    assert f"configuration: {said}" in cli("check", str(news)).out.splitlines()
    (configured,) = cli("check", "--format", "json", str(news)).json()["summary"]["configured"]
    assert configured == {"setting": "exclude", "rule": "story.html", "file": f"{config}:{2 if root else 1}", "change": said}
    notes = cli("check", "--format", "sarif", str(news)).json()["runs"][0]["invocations"][0]["toolConfigurationNotifications"]
    assert [n["message"]["text"] for n in notes] == [said]
    github = cli("check", "--format", "github", str(news)).out
    assert f"::warning file={config},line={2 if root else 1},col=1,title=syndcheck configuration::" in github and "exclude 'story.html'" in github
    junit = ET.fromstring(cli("check", "--format", "junit", str(news)).out)
    assert [case.get("name") for suite in junit if suite.get("name") == "syndcheck configuration" for case in suite] == [said]
    gitlab = cli("check", "--format", "gitlab", str(news)).json()
    assert any(i["description"] == f"configuration: {said}" for i in gitlab), gitlab
    # A file named on the command line is checked whatever the globs say, and is not listed.
    named = cli("check", "--format", "concise", str(news / "story.html"), str(news / "story2.html"))
    assert "configuration:" not in named.out and "story.html:" in named.out


def test_the_files_an_include_leaves_out_are_counted_with_the_first_named(cli: Any, tmp_path: Path) -> None:
    config = write(tmp_path, ".syndcheck.yaml", "root: true\ninclude: ['articles/**']\n")
    write(tmp_path, "articles/a.html", NO_LOGO)
    for name in ("d1.html", "d2.html", "d3.html", "d4.html"):
        write(tmp_path, f"drafts/{name}", NO_LOGO)
    run = cli("check", "--format", "concise", str(tmp_path))
    drafts = tmp_path / "drafts"
    shown = ", ".join(str(drafts / name) for name in ("d1.html", "d2.html", "d3.html"))
    assert f"configuration: 4 files ({shown} and 1 more) not checked: outside include 'articles/**' in {config}:2" in run.out.splitlines(), run.out
