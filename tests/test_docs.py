"""The docs are part of the product: their examples run, generated pages are current, and the
README's commands are the ones CI runs."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from compliance.cli import main
from compliance.document import parse_document
from compliance.engine import check_document
from compliance.loading import builtin_rules_dir
from compliance.packs import load_pack
from compliance.reference import check_kinds_markdown, pack_schema
from compliance.yamlsource import parse_yaml, plain
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
RULE_PACKS_DOC = (ROOT / "docs" / "rule-packs.md").read_text(encoding="utf-8")


def fenced(text: str, language: str) -> list[str]:
    """The fenced code blocks of a language in a Markdown text."""
    return re.findall(rf"```{language}\n(.*?)```", text, re.DOTALL)


def test_generated_reference_and_schema_are_current() -> None:
    assert (ROOT / "docs" / "check-kinds.md").read_text(encoding="utf-8") == check_kinds_markdown()
    shipped = json.loads((ROOT / "compliance" / "schemas" / "pack.schema.json").read_text(encoding="utf-8"))
    assert shipped == pack_schema(), "run: python -m compliance.reference"
    from compliance.loading import load_packs
    from compliance.reference import packs_markdown

    assert (ROOT / "docs" / "packs.md").read_text(encoding="utf-8") == packs_markdown(load_packs()), "run: python -m compliance.reference"
    from compliance.reference import SAMPLES_MARKER, sample_expectations, samples_markdown

    generated = (ROOT / "docs" / "samples.md").read_text(encoding="utf-8").split(SAMPLES_MARKER, 1)[1]
    assert generated == "\n\n" + samples_markdown(sample_expectations(ROOT)), "run: python -m compliance.reference"


def test_builtin_packs_validate_against_the_published_schema() -> None:
    schema = pack_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for path in builtin_rules_dir().glob("*.yaml"):
        # Read as editors do (YAML 1.2: `off:` is a key, not the boolean false).
        data = plain(parse_yaml(path.read_text(encoding="utf-8"), path.name))
        data["as_of"] = str(data["as_of"])
        jsonschema.validate(data, schema)


def test_schema_rejects_what_the_validator_rejects() -> None:
    schema = pack_schema()
    pack = yaml.safe_load(fenced(RULE_PACKS_DOC, "yaml")[0])
    pack["as_of"] = str(pack["as_of"])
    pack["rules"][0]["mesage"] = "typo"
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(pack))
    assert errors, "an unknown rule key must be an error in the editor too"


def _article(byline: str, ending: str) -> bytes:
    body = "".join(f"<p>Paragraph {n}: the council approved the budget after a long debate.</p>" for n in range(8))
    return (f"<html><body><article><h1>Council passes budget</h1><p class='byline'>{byline}</p>{body}<p>{ending}</p></article></body></html>").encode()


def test_rule_packs_doc_example_runs_as_described() -> None:
    pack = load_pack(fenced(RULE_PACKS_DOC, "yaml")[0], "gazette.yaml")
    good = parse_document(_article("By Ana Ruiz, Example Gazette", "This story first appeared in the Example Gazette."), "html")
    report = check_document(good, [pack], path="good.html")
    assert report.packs == ("gazette",)
    assert report.findings == ()
    # In line order, like the article: the byline's two rules, then the credit line below it.
    assert [p.rule for p in report.passed] == ["gazette/byline", "gazette/affiliation", "gazette/credit-line"]

    bad = parse_document(_article("By Ana Ruiz", "This story first appeared in the Example Gazette."), "html")
    (finding,) = check_document(bad, [pack], path="bad.html").findings
    assert (finding.rule, finding.severity.label) == ("gazette/affiliation", "warning")
    assert finding.message == "The byline does not name the Gazette next to Ana Ruiz."
    assert finding.help == 'Write the byline as "By Ana Ruiz, Example Gazette".'

    # `{names}` lists every person the byline credits, each name as written ("Jr." keeps its stop,
    # which then ends the message: no "Jr..").
    for byline, message in (
        ("By Ana Ruiz and Jon Lee", "The byline does not name the Gazette next to Ana Ruiz and Jon Lee."),
        ("By Ana Ruiz, Jon Lee and Mary O'Neil-Smith Jr.", "The byline does not name the Gazette next to Ana Ruiz, Jon Lee and Mary O'Neil-Smith Jr."),
    ):
        two = parse_document(_article(byline, "This story first appeared in the Example Gazette."), "html")
        (finding,) = check_document(two, [pack], path="two.html").findings
        assert finding.message == message

    # The pack's `outlets:` reach the byline reader through the one parse: an outlet named like a
    # person is not a reporter.
    outlet = parse_document(_article("By Morning Lark", "This story first appeared in the Example Gazette."), "html", outlets=pack.outlets)
    assert [f.rule for f in check_document(outlet, [pack], path="outlet.html").findings] == ["gazette/byline"]


def test_rule_packs_doc_redefinition_example_binds_where_the_rule_applies() -> None:
    """docs/rule-packs.md: a child's definition is read by the rules it inherits, for it alone."""
    from compliance.packbuild import build_packs
    from compliance.yamlsource import parse_yaml as read

    base_text, child_text = [block for block in fenced(RULE_PACKS_DOC, "yaml") if "wire-base" in block]
    base, child = build_packs([(read(base_text, "wire-base.yaml"), "wire-base.yaml"), (read(child_text, "gazette-wire.yaml"), "gazette-wire.yaml")])
    credit = "This story first appeared in the Example Gazette."

    def failed(pack: Any, notice: str) -> list[str]:
        page = parse_document(_article("By Ana Ruiz", f"{credit}</p><p>{notice}"), "html")
        return [finding.rule for finding in check_document(page, [pack], path="story.html", auto_detect=False).findings]

    republisher = "© 2024 Valley Courier. All rights reserved."
    publisher = "© 2024 Example Gazette. All rights reserved."
    assert failed(child, republisher) == []
    assert failed(child, publisher) == ["wire-base/all-rights-reserved"]
    assert failed(child, "All Rights Reserved") == ["wire-base/all-rights-reserved"]
    # The base pack's own rule is unchanged: there, any copyright notice is the story's label.
    assert failed(base, republisher) == ["wire-base/all-rights-reserved"]
    assert failed(base, publisher) == ["wire-base/all-rights-reserved"]


def test_readme_pack_example_runs(cli: Any, tmp_path: Path) -> None:
    example = next(block for block in fenced(README, "yaml") if "id: gazette" in block)
    (tmp_path / "gazette.yaml").write_text(example, encoding="utf-8")
    (tmp_path / "story.html").write_bytes(_article("By Ana Ruiz", "Thanks for reading."))
    run = cli("check", "--rules", str(tmp_path / "gazette.yaml"), "--pack", "gazette", "--format", "json", str(tmp_path / "story.html"))
    assert run.code == 1
    assert [f["rule"] for f in run.json()["files"][0]["findings"]] == ["gazette/credit-line"]


def test_readme_quickstart_is_two_commands_and_ci_runs_the_same_tests() -> None:
    quickstart = README.split("## Quickstart", 1)[1].split("##", 1)[0]
    (block,) = fenced(quickstart, "sh")
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    assert "syndcheck check samples/" in commands[0]
    assert commands[1] == ".venv/bin/python -m pytest -q"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest -q" in [line.strip() for line in ci.splitlines()]
    assert "pip install --quiet -e '.[test]'" in ci


def test_readme_text_output_example_is_what_the_tool_prints(cli: Any) -> None:
    example = next(block for block in fenced(README, "text") if block.startswith("samples/dcnf/no-affiliation.html"))
    run = cli("check", "--no-color", "samples/dcnf/no-affiliation.html")
    assert run.out == example


def test_readme_json_example_has_the_fields_the_tool_prints(cli: Any) -> None:
    example = json.loads(next(block for block in fenced(README, "json") if '"version": 1' in block))
    actual = cli("check", "--format", "json", "samples/dcnf/staff-byline.html").json()
    assert set(example) == set(actual)
    assert set(example["files"][0]) == set(actual["files"][0])
    assert set(example["files"][0]["findings"][0]) == set(actual["files"][0]["findings"][0])
    assert example["summary"] == actual["summary"]
    assert example["files"][0]["findings"][0]["message"] == actual["files"][0]["findings"][0]["message"]


def test_every_check_option_appears_in_the_docs() -> None:
    from compliance.checks import CHECKS, LIST_KINDS, SINGLE_KINDS

    reference = check_kinds_markdown()
    for name, kind in CHECKS.items():
        assert f"## `{name}`" in reference
        if name not in LIST_KINDS | SINGLE_KINDS:
            for option in kind.options:
                assert f"| `{option.key}` |" in reference
        assert f"`{name}`" in RULE_PACKS_DOC


def test_ci_recipes_are_valid_yaml_and_their_commands_run(tmp_path: Path, monkeypatch: Any, capsys: Any) -> None:
    recipes = (ROOT / "docs" / "output-formats.md").read_text(encoding="utf-8").split("## CI recipes", 1)[1]
    blocks = [yaml.safe_load(block) for block in fenced(recipes, "yaml")]
    github, gitlab, pre_commit = blocks
    (step,) = [s for s in github["jobs"]["syndcheck"]["steps"] if s.get("name") == "Check republished articles"]
    gitlab_command = next(line for line in gitlab["syndcheck"]["script"] if line.startswith("syndcheck "))
    assert pre_commit["repos"][0]["hooks"][0]["id"] == yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())[0]["id"]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "story.html").write_bytes((ROOT / "samples" / "dcnf" / "no-logo.html").read_bytes())
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    for command in (step["run"], gitlab_command):
        args = command.split()[1:]
        code = main(args)
        assert code == 1, command
    assert json.loads((tmp_path / "syndcheck.sarif").read_text())["runs"][0]["results"]
    assert json.loads((tmp_path / "gl-code-quality-report.json").read_text())[0]["check_name"] == "dcnf/logo"
    assert (tmp_path / "syndcheck-junit.xml").read_text().startswith("<?xml")
    assert "dcnf/logo" in (tmp_path / "summary.md").read_text()


def test_config_schema_is_current_and_accepts_the_readme_example() -> None:
    from compliance.reference import config_schema

    shipped = json.loads((ROOT / "compliance" / "schemas" / "config.schema.json").read_text(encoding="utf-8"))
    assert shipped == config_schema(), "run: python -m compliance.reference"
    jsonschema.Draft202012Validator.check_schema(shipped)
    section = README.split("## Project configuration", 1)[1]
    example = plain(parse_yaml(fenced(section, "yaml")[0], "README"))
    jsonschema.validate(example, shipped)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**example, "fail_on": "warning"}, shipped)


def _contains(actual: Any, shown: Any) -> bool:
    """Whether `actual` has everything `shown` shows: the same values, in dicts perhaps more keys."""
    if isinstance(shown, dict):
        return isinstance(actual, dict) and all(k in actual and _contains(actual[k], v) for k, v in shown.items())
    if isinstance(shown, list):
        return isinstance(actual, list) and len(actual) == len(shown) and all(_contains(a, s) for a, s in zip(actual, shown, strict=True))
    return bool(actual == shown)


def test_sarif_baseline_and_suppressions_example_is_what_the_tool_writes(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = (ROOT / "docs" / "output-formats.md").read_text(encoding="utf-8")
    shown = json.loads(fenced(doc.split("cut down to these\nfields:", 1)[1], "json")[0])
    samples = ROOT / "samples" / "dcnf"
    archive = tmp_path / "archive"
    archive.mkdir()
    for name in ("no-logo.html", "no-affiliation.html"):
        (archive / name).write_bytes((samples / name).read_bytes())
    monkeypatch.chdir(tmp_path)
    assert main(["baseline", "create", "--output", "baseline.json", "archive/"]) == 0
    (archive / "no-affiliation.html").write_bytes((samples / "compliant-static.html").read_bytes())
    (archive / "new.html").write_bytes((samples / "hidden-logo.html").read_bytes())
    comment = re.search(r"`(<!-- syndcheck-disable .*? -->)`", doc)
    assert comment is not None
    (archive / "print.html").write_bytes(comment.group(1).encode() + b"\n" + (samples / "no-logo.html").read_bytes())
    run = cli("check", "--baseline", "baseline.json", "--format", "sarif", "archive/")
    results = json.loads(run.out)["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == [r["ruleId"] for r in shown]
    for actual, documented in zip(results, shown, strict=True):
        assert _contains(actual, documented), (actual, documented)


def test_the_pre_commit_hook_and_the_readme_name_every_suffix_a_directory_walk_checks() -> None:
    from compliance.inputs import ARTICLE_SUFFIXES

    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    names = [f"story{suffix}" for suffix in ARTICLE_SUFFIXES]
    assert [name for name in names if not re.search(hook["files"], name)] == []
    assert not re.search(hook["files"], "story.json") and not re.search(hook["files"], "story.html.bak")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    path_row = next(line for line in readme.splitlines() if line.startswith("| `PATH...` |"))
    assert [suffix for suffix in ARTICLE_SUFFIXES if f"`{suffix}`" not in path_row] == []


def test_rule_packs_doc_anchor_example_shares_one_condition() -> None:
    """docs/rule-packs.md: a check anchored once (`&name`) is the same check where an alias
    (`*name`) repeats it."""
    (text,) = [block for block in fenced(RULE_PACKS_DOC, "yaml") if "gazette-extracts" in block]
    pack = load_pack(text, "gazette-extracts.yaml")
    credit = 'Read the full story at the Example Gazette</p><p><a href="https://gazette.example/s/1">Gazette</a>'

    def failed(ending: str) -> list[str]:
        page = parse_document(_article("By Ana Ruiz", ending), "html")
        return [finding.rule for finding in check_document(page, [pack], path="extract.html", auto_detect=False).findings]

    # `_article` writes paragraphs 0-7: with the credit, an extract passes both rules.
    assert failed(credit) == []
    assert failed("Thanks for reading.") == ["gazette-extracts/credit"]
    # The alias is the anchored condition: the second rule applies where the credit is, and only there.
    assert failed(credit + "</p><p>Paragraph 9: the end.") == ["gazette-extracts/no-full-copy"]
    assert failed("Paragraph 9: the end.") == ["gazette-extracts/credit"]


def test_the_github_summary_cut_example_is_what_the_formatter_writes() -> None:
    from compliance.findings import Finding, Location, Report, Severity
    from compliance.formatters.context import FormatContext
    from compliance.formatters.github import SUMMARY_LIMIT, format_github_summary

    doc = (ROOT / "docs" / "output-formats.md").read_text(encoding="utf-8")
    (shown,) = fenced(doc.split("For a run of 15,000 findings:", 1)[1], "markdown")[:1]
    findings = tuple(Finding("gazette/byline", Severity.ERROR, f"The reporter is not credited by name. #{i}", "Fix it.", Location(i + 1)) for i in range(150))
    reports = [Report(path=f"news/story-{n:04d}.html", packs=("gazette",), findings=findings) for n in range(100)]
    text = format_github_summary(reports, FormatContext(base_dir="/repo"))
    assert len(text.encode("utf-8")) <= SUMMARY_LIMIT
    assert text.splitlines()[-1] == shown.strip()


def test_rule_packs_doc_pack_replacing_a_built_in_one_is_announced(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/rule-packs.md: a --rules pack with a built-in pack's id is said to replace it, by
    `rules validate` and `rules list` (on its line), by `check` (stderr first, then the report)
    and by `fix` and `rules explain` (on stderr), as the example shows."""
    import shlex

    # A shell-session block, not a console one: it needs a pack file of its own, written here.
    (block,) = [b for b in fenced(RULE_PACKS_DOC, "shell-session") if "replaces the built-in pack" in b]
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "dcnf.yaml").write_text(
        "id: dcnf\nname: House copy\npublisher: Us\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\n"
        "rules:\n  - id: dcnf/anything\n    severity: error\n    message: m\n    help: h\n    check: {text: {phrase: 'the'}}\n",
        encoding="utf-8",
    )
    (tmp_path / "no-logo.html").write_bytes((ROOT / "samples" / "dcnf" / "no-logo.html").read_bytes())
    commands = re.split(r"^\$ syndcheck ", block, flags=re.MULTILINE)[1:]
    assert len(commands) == 5
    monkeypatch.chdir(tmp_path)
    for command in commands:
        line, _, expected = command.partition("\n")
        run = cli(*shlex.split(line))
        assert run.code == 0, run.err
        assert run.err + run.out == expected


def test_the_readme_says_how_small_a_batch_runs_without_workers() -> None:
    from compliance.runner import PARALLEL_MIN_FILES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"A batch of fewer than {PARALLEL_MIN_FILES} files is checked in the one process whatever `N` is" in readme


def test_rule_packs_doc_wire_worded_credit_and_also_count_examples_are_what_the_checks_say(cli: Any, tmp_path: Path) -> None:
    """docs/rule-packs.md: a credit "Courtesy of CalMatters." alone is quoted as found and its line
    pointed at; the also-count check in the doc passes it without quoting it, and fails a copy
    that prints it beside the prescribed line."""
    section = RULE_PACKS_DOC.split("The credit in a wire service's or a feed's words is such a wording too", 1)[1]
    shown = fenced(section, "text")[0]
    page = (
        '<html><body><article><h1>Water board limits pumping</h1>\n<p class="byline">By Alex Nguyen, CalMatters</p>\n<div>\n'
        "<p>Courtesy of CalMatters.</p>\n<p>The board voted Tuesday to put the basin on probation.</p>\n</div></article></body></html>\n"
    )
    story = tmp_path / "story.html"
    story.write_text(page, encoding="utf-8")
    out = cli("check", "--pack", "calmatters", "--no-color", str(story)).out
    position, found = shown.splitlines()[0].split()[0], shown.splitlines()[1].strip()
    assert f"{position}      error   calmatters/credit-line" in out
    assert found == "found: Courtesy of CalMatters." and found in out
    check = yaml.safe_load(fenced(section, "yaml")[0])
    pack = {
        "id": "doc-also-count",
        "name": "Doc",
        "publisher": "Doc",
        "terms_url": "https://example.org/terms",
        "as_of": "2024-01-01",
        "summary": "The credit line, once.",
        "rules": [{"id": "doc-also-count/repeated", "severity": "warning", "terms": "Once.", "message": "Twice.", "help": "Keep one.", "check": check}],
    }
    pack_file = tmp_path / "pack.yaml"
    pack_file.write_text(yaml.safe_dump(pack), encoding="utf-8")
    entry = cli("check", "--rules", str(pack_file), "--pack", "doc-also-count", "--format", "json", str(story)).json()["files"][0]
    assert entry["findings"] == []
    assert [p["evidence"] for p in entry["passed"]] == ['no line "This story was originally published by CalMatters" in the article']
    story.write_text(page.replace("<div>\n", "<div>\n<p>This story was originally published by CalMatters.</p>\n"), encoding="utf-8")
    entry = cli("check", "--rules", str(pack_file), "--pack", "doc-also-count", "--format", "json", str(story)).json()["files"][0]
    assert [(f["rule"], f["evidence"]) for f in entry["findings"]] == [("doc-also-count/repeated", "Courtesy of CalMatters.")]


def test_rule_packs_doc_house_pack_on_the_cc_base_places_its_findings_at_the_byline(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/rule-packs.md: a house pack that extends `creative-commons` and adds nothing points
    the missing link to the source and license at the byline (line 3 of the copy shown)."""
    section = RULE_PACKS_DOC.split("### Where an inherited rule places what is missing", 1)[1].split("\n## ", 1)[0]
    run, expected, _ = _run_house_pack_session(cli, section, tmp_path, monkeypatch, "gazette.yaml")
    assert run.code == 1, run.err
    assert run.out == expected
    assert [row.split(" ")[0] for row in expected.splitlines()[:2]] == ["copy.html:3:1:", "copy.html:3:1:"]


def _run_house_pack_session(cli: Any, section: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pack_name: str) -> tuple[Any, str, str]:
    """Run a docs/rule-packs.md section's example as a reader would: its one YAML block saved as
    `house/PACK_NAME`, its one HTML block as `copy.html`, and the command of its one shell session
    run there. The run, the output the session shows, and the page."""
    import shlex

    (pack,) = fenced(section, "yaml")
    (page,) = fenced(section, "html")
    (block,) = fenced(section, "shell-session")
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / pack_name).write_text(pack, encoding="utf-8")
    (tmp_path / "copy.html").write_text(page, encoding="utf-8")
    line, _, expected = block.removeprefix("$ syndcheck ").partition("\n")
    monkeypatch.chdir(tmp_path)
    return cli(*shlex.split(line)), expected, page


def test_rule_packs_doc_author_bio_example_is_what_the_check_says(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/rule-packs.md: an author box that makes the credited person another outlet's staff
    fails the byline, quoting it; the same box naming the licensor passes it."""
    section = RULE_PACKS_DOC.split("### A partner's editor in the byline", 1)[1].split("\n### ", 1)[0]
    run, expected, page = _run_house_pack_session(cli, section, tmp_path, monkeypatch, "wire.yaml")
    assert run.code == 1, run.err
    assert run.out == expected
    assert "a reporter for Example Wire" in section
    (tmp_path / "copy.html").write_text(page.replace("the web editor of the Prairie Post", "a reporter for Example Wire"), encoding="utf-8")
    assert cli("check", "--rules", "house/wire.yaml", "--pack", "wire", "copy.html").code == 0


def test_rule_packs_doc_named_sites_example_names_the_site_the_words_call_for(cli: Any, tmp_path: Path) -> None:
    """docs/rule-packs.md: a credit naming one outlet and linking another's site, or a copy whose
    credit line names one outlet and which links another's elsewhere, fails with the documented
    clause; linking the outlet it names, or the network's own site, passes."""
    section = RULE_PACKS_DOC.split("### A network's outlets, each with its own site", 1)[1].split("\n### ", 1)[0]
    check = yaml.safe_load(fenced(section, "yaml")[0])
    pack = {
        "id": "doc-named-sites",
        "name": "Doc",
        "publisher": "Doc",
        "terms_url": "https://example.org/terms",
        "as_of": "2024-01-01",
        "summary": "A link back to the outlet.",
        "rules": [{"id": "doc-named-sites/link", "severity": "error", "message": "No link back.", "help": "Link the outlet.", "check": check}],
    }
    pack_file = tmp_path / "pack.yaml"
    pack_file.write_text(yaml.safe_dump(pack), encoding="utf-8")

    def findings(paragraph: str) -> list[str]:
        story = tmp_path / "story.html"
        story.write_text(paragraph, encoding="utf-8")
        entry = cli("check", "--rules", str(pack_file), "--pack", "doc-named-sites", "--format", "json", str(story)).json()["files"][0]
        return [f["detail"] for f in entry["findings"]]

    # The link's words naming one outlet, then a credit line naming it around a link on other
    # words, then the copy's credit line (`credit-line`) naming it apart from the link.
    credits = re.findall(r"On `(<p>.*?</p>)`", section)
    assert len(credits) == 3
    for paragraph, said in zip(credits, fenced(section, "text"), strict=True):
        [detail] = findings(paragraph)
        assert detail.endswith(said.strip())
        assert findings(paragraph.replace("newhampshirebulletin.com", "mainemorningstar.com")) == []
        assert findings(paragraph.replace("newhampshirebulletin.com", "stateline.org")) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_the_readme_example_of_a_report_stdout_cannot_take_is_what_the_tool_says(tmp_path: Path) -> None:
    """README, exit codes: with stdout on a full disk the --output files are written all the
    same, and the run's one line on stderr says so, exit 2."""
    import os
    import shlex
    import subprocess
    import sys

    (block,) = [b for b in fenced(README, "shell-session") if "> /dev/full" in b]
    command, said, status_command, status = block.splitlines()
    assert command.startswith("$ syndcheck check ") and command.endswith(" > /dev/full")
    assert status_command == "$ echo $?"
    (tmp_path / "articles").mkdir()
    for name in ("no-logo.html", "compliant-static.html"):
        (tmp_path / "articles" / name).write_bytes((ROOT / "samples" / "dcnf" / name).read_bytes())
    args = shlex.split(command.removeprefix("$ syndcheck ").removesuffix(" > /dev/full"))
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open("/dev/full", "w", encoding="utf-8") as full:
        run = subprocess.run(
            [sys.executable, "-m", "compliance", *args], stdout=full, stderr=subprocess.PIPE, text=True, cwd=tmp_path, env=environment, check=False
        )
    assert (str(run.returncode), run.stderr) == (status, said + "\n")
    assert json.loads((tmp_path / "report.sarif").read_text(encoding="utf-8"))["runs"][0]["results"][0]["ruleId"] == "dcnf/logo"
    assert (tmp_path / "report.xml").read_text(encoding="utf-8").startswith("<?xml")
