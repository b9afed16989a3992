"""The pipeline formats (SARIF, JUnit, GitHub, GitLab): each a pure function of reports and a context.

The samples are checked once per module, as the CLI would with absolute paths; the JSON format of
the same reports is the reference the other formats are compared with. Exact strings come from
reports and a pack written out here, so they do not move when the built-in packs do.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import jsonschema
import pytest
from junitparser import Error, Failure, JUnitXml, Skipped

import compliance
from compliance.cli import main
from compliance.engine import check_bytes
from compliance.findings import Finding, Location, Notice, Passed, Report, Severity
from compliance.formatters import FORMATTERS
from compliance.formatters.context import FormatContext, all_rules
from compliance.formatters.github import format_github, format_github_summary
from compliance.formatters.gitlab import format_gitlab
from compliance.formatters.json import format_json
from compliance.formatters.junit import NOT_APPLICABLE, format_junit
from compliance.formatters.pipeline import FINGERPRINT_KEY, display_path
from compliance.formatters.sarif import INFORMATION_URI, format_sarif
from compliance.loading import Source, expand_paths, load_packs, read_source
from compliance.packs import Pack, load_pack
from tests.conftest import ROOT, SAMPLES, SHARED, requires_shared

SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
TOO_LARGE = Report(
    path=str(ROOT / "samples" / "huge.html"), notices=(Notice("too-large", "not checked: 20,000,000 bytes is more than --max-bytes 16,777,216"),), checked=False
)

GAZETTE = """\
id: gazette
name: Example Gazette
publisher: Example Gazette
terms_url: https://example.org/republish
as_of: 2024-05-01
summary: Free to republish with the reporter's byline and without wire photos.
define:
  gazette: 'Example\\s+Gazette'
detect:
  threshold: 1.0
  markers:
    - id: credit-line
      check:
        text:
          pattern: 'first appeared in the {{gazette}}'
          scope: page
rules:
  - id: gazette/byline
    severity: error
    terms: "Keep the reporter's byline"
    message: The reporter is not credited by name ({detail}).
    help: Keep the byline from the original, e.g. "By Ana Ruiz, Example Gazette".
    check:
      byline: {}
  - id: gazette/wire-photo
    severity: warning
    terms: "Photos are not covered by this license"
    message: 'A wire photo is in the story: "{evidence}".'
    help: Remove the wire photo.
    check:
      text:
        pattern: 'AP Photo/[A-Z][a-z]+'
        max: 0
  - id: gazette/affiliation
    severity: info
    message: The byline does not name the Gazette next to {name}.
    help: Write the byline as "By {name}, Example Gazette".
    when:
      byline: {affiliation: 'Nowhere Herald'}
    check:
      byline: {affiliation: '{{gazette}}'}
"""


def _article(*, photos: Sequence[str], lead: str = "") -> bytes:
    body = "".join(f"<p>Paragraph {n}: the council approved the budget after a long debate.</p>\n" for n in range(6))
    credits = "".join(f"<p>Photo: AP Photo/{name}</p>\n" for name in photos)
    return (
        f"{lead}<html><body><article><h1>Council passes budget</h1>\n<p class='byline'>By Ana Ruiz, Example Gazette</p>\n"
        f"{body}{credits}<p>This story first appeared in the Example Gazette.</p>\n</article></body></html>"
    ).encode()


@pytest.fixture(scope="module")
def packs() -> tuple[Pack, ...]:
    return tuple(load_packs())


@pytest.fixture(scope="module")
def context(packs: tuple[Pack, ...]) -> FormatContext:
    return FormatContext(packs=packs, base_dir=str(ROOT), tool_version=compliance.__version__)


@pytest.fixture(scope="module")
def gazette() -> Pack:
    return load_pack(GAZETTE, "gazette.yaml")


@pytest.fixture(scope="module")
def gazette_context(gazette: Pack) -> FormatContext:
    return FormatContext(packs=(gazette,), base_dir="/repo", tool_version="1.2.3")


@pytest.fixture(scope="module")
def sample_reports(packs: tuple[Pack, ...]) -> list[Report]:
    """Every sample, checked with the built-in packs under its absolute path, plus one file too large to check."""
    reports = []
    for source in expand_paths([str(SAMPLES)]):
        assert isinstance(source, Source)
        reports.append(check_bytes(read_source(source), source.kind, packs, path=source.path))
    return [*reports, TOO_LARGE]


@pytest.fixture(scope="module")
def json_files(sample_reports: list[Report], context: FormatContext) -> list[dict[str, Any]]:
    """The JSON format's `files` for the same run, with paths made relative to the checkout."""
    files: list[dict[str, Any]] = json.loads(format_json(sample_reports, context))["files"]
    for entry in files:
        entry["path"] = Path(entry["path"]).relative_to(ROOT).as_posix()
    return files


def _finding(rule: str, severity: Severity, message: str, line: int, column: int = 1, **extra: Any) -> Finding:
    return Finding(rule, severity, message, extra.pop("help", "Fix it."), Location(line, column), pack=rule.split("/")[0], **extra)


def test_the_four_pipeline_formats_are_registered() -> None:
    assert {name: FORMATTERS[name] for name in ("sarif", "junit", "github", "gitlab")} == {
        "sarif": format_sarif,
        "junit": format_junit,
        "github": format_github,
        "gitlab": format_gitlab,
    }


@pytest.mark.parametrize(
    ("path", "base_dir", "shown"),
    [
        ("samples/dcnf/no-logo.html", "/repo", "samples/dcnf/no-logo.html"),
        ("./samples//dcnf/no-logo.html", ".", "samples/dcnf/no-logo.html"),
        ("/repo/samples/no-logo.html", "/repo", "samples/no-logo.html"),
        ("/repo/samples/no-logo.html", "/repo/", "samples/no-logo.html"),
        ("/repository/no-logo.html", "/repo", "/repository/no-logo.html"),
        ("/repo/no-logo.html", ".", "/repo/no-logo.html"),
        ("<stdin>", "/repo", "<stdin>"),
        # Out of the directory by `..`: absolute, as the same file given absolute is.
        ("../articles/story.html", "/work/site", "/work/articles/story.html"),
        ("a/../../articles/story.html", "/work/site", "/work/articles/story.html"),
        ("../../story.html", "/work/site/", "/story.html"),
        # ... back into it: named from inside.
        ("../site/story.html", "/work/site", "story.html"),
        # Not out of it: as before.
        ("a/../story.html", "/work/site", "a/../story.html"),
        ("..story.html", "/work/site", "..story.html"),
        ("../story.html", ".", "../story.html"),
    ],
)
def test_display_path(path: str, base_dir: str, shown: str) -> None:
    assert display_path(path, base_dir) == shown


# --- SARIF ---------------------------------------------------------------------------------------


def test_sarif_of_the_samples_is_valid_against_the_official_schema(sample_reports: list[Report], context: FormatContext) -> None:
    requires_shared([SARIF_SCHEMA])
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    jsonschema.Draft4Validator.check_schema(schema)
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    log = json.loads(format_sarif(sample_reports, context))
    assert [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)] == []
    assert len(log["runs"][0]["results"]) == sum(len(r.findings) for r in sample_reports) > 0


def test_sarif_results_follow_the_json_findings_with_rule_index_and_relative_uri(
    sample_reports: list[Report], context: FormatContext, json_files: list[dict[str, Any]]
) -> None:
    (run,) = json.loads(format_sarif(sample_reports, context))["runs"]
    rules = run["tool"]["driver"]["rules"]
    actual = [
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"],
            r["ruleId"],
            rules[r["ruleIndex"]]["id"],
            r["level"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
            r["message"]["text"].splitlines()[0],
        )
        for r in run["results"]
    ]
    expected = [
        (
            entry["path"],
            "%SRCROOT%",
            f["rule"],
            f["rule"],
            {"error": "error", "warning": "warning", "info": "note"}[f["severity"]],
            f["line"],
            f["column"],
            f["message"],
        )
        for entry in json_files
        for f in entry["findings"]
    ]
    assert actual == expected
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": ROOT.as_uri() + "/"}}
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_driver_lists_every_rule_of_the_packs_once(sample_reports: list[Report], context: FormatContext, packs: tuple[Pack, ...]) -> None:
    driver = json.loads(format_sarif(sample_reports, context))["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"], driver["informationUri"]) == ("syndcheck", compliance.__version__, INFORMATION_URI)
    expected_ids = list(dict.fromkeys(rule.id for rule in all_rules(packs)))
    assert [rule["id"] for rule in driver["rules"]] == expected_ids
    terms = {pack.id: pack.terms_url for pack in packs}
    levels = {rule.id: {"error": "error", "warning": "warning", "info": "note"}[rule.severity.label] for rule in reversed(all_rules(packs))}
    for descriptor in driver["rules"]:
        assert descriptor["helpUri"] == terms[descriptor["id"].split("/")[0]]
        assert descriptor["defaultConfiguration"]["level"] == levels[descriptor["id"]]


def test_sarif_rule_descriptor_in_full(gazette_context: FormatContext) -> None:
    driver = json.loads(format_sarif([], gazette_context))["runs"][0]["tool"]["driver"]
    assert driver["version"] == driver["semanticVersion"] == "1.2.3"
    assert driver["rules"][0] == {
        "id": "gazette/byline",
        "name": "byline",
        "shortDescription": {"text": "The reporter is not credited by name."},
        "fullDescription": {"text": 'The reporter is not credited by name. The terms say: "Keep the reporter\'s byline"'},
        "help": {
            "text": 'Keep the byline from the original, e.g. "By Ana Ruiz, Example Gazette".',
            "markdown": 'Keep the byline from the original, e.g. "By Ana Ruiz, Example Gazette".\n\n'
            '**Terms:** "Keep the reporter\'s byline" — [Example Gazette](https://example.org/republish), as of 2024-05-01\n\n'
            "Rule `gazette/byline` is defined in `gazette.yaml` at line 18.",
        },
        "helpUri": "https://example.org/republish",
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": ["syndication", "gazette"], "pack": "gazette"},
    }
    affiliation = driver["rules"][2]
    assert affiliation["shortDescription"] == affiliation["fullDescription"] == {"text": "The byline does not name the Gazette next to …."}
    assert affiliation["help"]["text"] == 'Write the byline as "By …, Example Gazette".'
    assert [rule["defaultConfiguration"]["level"] for rule in driver["rules"]] == ["error", "warning", "note"]


def test_sarif_result_in_full(gazette_context: FormatContext) -> None:
    finding = _finding("gazette/wire-photo", Severity.WARNING, "A wire photo.", 12, 5, evidence="AP Photo/Smith", detail="found 1, at most 0 allowed")
    report = Report(path="/repo/news/a b.html", packs=("gazette",), findings=(finding,))
    (result,) = json.loads(format_sarif([report], gazette_context))["runs"][0]["results"]
    fingerprint = result["partialFingerprints"][FINGERPRINT_KEY]
    assert re.fullmatch(r"[0-9a-f]{64}", fingerprint)
    assert result == {
        "ruleId": "gazette/wire-photo",
        "ruleIndex": 1,
        "level": "warning",
        "message": {"text": "A wire photo.\nWhy: found 1, at most 0 allowed\nFix: Fix it."},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": "news/a%20b.html", "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": 12, "startColumn": 5},
                }
            }
        ],
        "partialFingerprints": {"syndcheckFinding/v1": fingerprint},
        "properties": {"severity": "warning", "evidence": "AP Photo/Smith", "detail": "found 1, at most 0 allowed"},
    }


def test_sarif_gives_a_rule_no_loaded_pack_has_a_descriptor_and_keeps_outside_paths_absolute(gazette_context: FormatContext) -> None:
    report = Report(path="/elsewhere/x.html", packs=("other",), findings=(_finding("other/credit", Severity.INFO, "No credit.", 3),))
    (run,) = json.loads(format_sarif([report], gazette_context))["runs"]
    (result,) = run["results"]
    assert (result["ruleIndex"], result["level"]) == (3, "note")
    assert run["tool"]["driver"]["rules"][3] == {
        "id": "other/credit",
        "name": "credit",
        "shortDescription": {"text": "No credit."},
        "help": {"text": "Fix it."},
        "defaultConfiguration": {"level": "note"},
    }
    assert result["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "file:///elsewhere/x.html"}


def test_sarif_puts_files_not_checked_and_without_pack_into_notifications(
    sample_reports: list[Report], context: FormatContext, json_files: list[dict[str, Any]]
) -> None:
    (run,) = json.loads(format_sarif(sample_reports, context))["runs"]
    (invocation,) = run["invocations"]
    notes = [
        (n["descriptor"]["id"], n["level"], n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], n["message"]["text"])
        for n in invocation["toolExecutionNotifications"]
    ]
    # A page with no pack has a note: no publisher's markers, or the publisher's own page.
    expected = [
        (notice["code"], "note", entry["path"], notice["message"])
        for entry in json_files
        if entry["checked"] and not entry["packs"]
        for notice in entry["notices"]
        if notice["code"] in ("no-pack", "own-page")
    ]
    # The negative controls, and the originals that republications are compared with (publishers' own pages).
    negatives = [*(ROOT / "samples" / "negative").glob("*.html"), *(ROOT / "samples" / "originals").glob("*-original.html")]
    assert sorted(path for _, _, path, _ in expected) == sorted(str(p.relative_to(ROOT)) for p in negatives)
    assert {code for code, _, _, _ in expected} == {"no-pack", "own-page"}
    notes = [note for note in notes if note[0] in ("no-pack", "own-page", "too-large")]
    assert notes == [*expected, ("too-large", "warning", "samples/huge.html", TOO_LARGE.notices[0].message)]
    assert invocation["executionSuccessful"] is True
    result_uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert not result_uris & {uri for _, _, uri, _ in notes}


def test_sarif_run_properties_carry_the_summary_and_the_passed_evidence(sample_reports: list[Report], context: FormatContext) -> None:
    properties = json.loads(format_sarif(sample_reports, context))["runs"][0]["properties"]
    assert properties["summary"] == json.loads(format_json(sample_reports, context))["summary"]
    expected = [
        {"uri": Path(r.path).relative_to(ROOT).as_posix(), "rule": p.rule, "line": p.location.line, "evidence": p.evidence}
        for r in sample_reports
        for p in r.passed
    ]
    assert properties["passed"] == expected
    assert len(expected) == properties["summary"]["passed"] > 0


def test_sarif_internal_error_makes_the_execution_unsuccessful(gazette_context: FormatContext) -> None:
    crashed = Report(path="<stdin>", notices=(Notice("internal-error", "not checked: internal error"),), checked=False)
    (invocation,) = json.loads(format_sarif([crashed], gazette_context))["runs"][0]["invocations"]
    assert invocation == {
        "executionSuccessful": False,
        "toolExecutionNotifications": [
            {
                "descriptor": {"id": "internal-error"},
                "level": "error",
                "message": {"text": "not checked: internal error"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": "%3Cstdin%3E", "uriBaseId": "%SRCROOT%"}}}],
            }
        ],
    }


# --- fingerprints (SARIF and GitLab) -------------------------------------------------------------


def _prints(reports: list[Report], context: FormatContext) -> tuple[list[str], list[str]]:
    sarif = [r["partialFingerprints"][FINGERPRINT_KEY] for r in json.loads(format_sarif(reports, context))["runs"][0]["results"]]
    gitlab = [issue["fingerprint"] for issue in json.loads(format_gitlab(reports, context))]
    return sarif, gitlab


def test_fingerprints_stay_when_lines_move_and_differ_between_findings(gazette: Pack, gazette_context: FormatContext) -> None:
    before = check_bytes(_article(photos=["Smith", "Jones"]), "html", [gazette], path="news/budget.html")
    after = check_bytes(_article(photos=["Smith", "Jones"], lead="\n\n\n"), "html", [gazette], path="news/budget.html")
    assert [f.location.line for f in before.findings] == [9, 10]
    assert [f.location.line for f in after.findings] == [12, 13]
    sarif, gitlab = _prints([before], gazette_context)
    assert _prints([after], gazette_context) == (sarif, gitlab)
    assert sarif == gitlab
    assert len(set(sarif)) == 2
    # A third photo changes neither of the other two.
    more = check_bytes(_article(photos=["Lee", "Smith", "Jones"]), "html", [gazette], path="news/budget.html")
    assert _prints([more], gazette_context)[0][1:] == sarif
    # Another file, same content: other fingerprints.
    moved = check_bytes(_article(photos=["Smith", "Jones"]), "html", [gazette], path="news/other.html")
    assert not set(_prints([moved], gazette_context)[0]) & set(sarif)


def test_fingerprint_of_a_missing_thing_ignores_line_numbers_in_its_detail(gazette_context: FormatContext) -> None:
    def report(line: int) -> Report:
        detail = f"no visible logo in the article; one is hidden at line {line + 4}"
        return Report(path="a.html", packs=("gazette",), findings=(_finding("gazette/logo", Severity.ERROR, "Logo missing.", line, detail=detail),))

    assert _prints([report(10)], gazette_context) == _prints([report(30)], gazette_context)


def test_fingerprint_of_a_sample_survives_lines_added_above(packs: tuple[Pack, ...], context: FormatContext) -> None:
    data = (SAMPLES / "dcnf" / "hidden-logo.html").read_bytes()
    before = check_bytes(data, "html", packs, path="samples/dcnf/hidden-logo.html")
    after = check_bytes(b"\n\n\n" + data, "html", packs, path="samples/dcnf/hidden-logo.html")
    (old,), (new,) = before.findings, after.findings
    assert (old.rule, new.rule, new.location.line - old.location.line) == ("dcnf/logo", "dcnf/logo", 3)
    assert old.detail != new.detail  # it names the line of the hidden logo
    assert _prints([before], context) == _prints([after], context)


def test_identical_findings_in_one_file_get_distinct_fingerprints(gazette_context: FormatContext) -> None:
    twice = _finding("gazette/wire-photo", Severity.WARNING, "Wire photo.", 3, evidence="AP Photo")
    sarif, gitlab = _prints([Report(path="a.html", packs=("gazette",), findings=(twice, twice))], gazette_context)
    assert len(set(sarif)) == len(set(gitlab)) == 2


# --- JUnit ---------------------------------------------------------------------------------------


def test_junit_failures_match_the_json_findings_case_by_case(sample_reports: list[Report], context: FormatContext, json_files: list[dict[str, Any]]) -> None:
    xml = JUnitXml.fromstring(format_junit(sample_reports, context).encode("utf-8"))
    suites = list(xml)
    assert [suite.name for suite in suites] == [entry["path"] for entry in json_files]
    total = 0
    for suite, entry in zip(suites, json_files, strict=True):
        for case in suite:
            failures = [r for r in case.result if isinstance(r, Failure)]
            expected = [f for f in entry["findings"] if f["rule"] == case.name]
            assert [(f.message, f.type) for f in failures] == [(f["message"], f["severity"]) for f in expected], (suite.name, case.name)
            total += len(failures)
        assert sorted({case.name for case in suite if case.result and isinstance(case.result[0], Failure)}) == sorted({f["rule"] for f in entry["findings"]})
    assert total == xml.failures == sum(len(entry["findings"]) for entry in json_files) > 0


def test_junit_has_a_case_per_rule_of_the_applied_packs_and_counts_as_junitparser_does(
    sample_reports: list[Report], context: FormatContext, json_files: list[dict[str, Any]]
) -> None:
    xml = JUnitXml.fromstring(format_junit(sample_reports, context).encode("utf-8"))
    written = [(s.name, s.tests, s.failures, s.errors, s.skipped) for s in xml]
    totals = (xml.tests, xml.failures, xml.errors, xml.skipped)
    xml.update_statistics()
    assert [(s.name, s.tests, s.failures, s.errors, s.skipped) for s in xml] == written
    assert (xml.tests, xml.failures, xml.errors, xml.skipped) == totals
    for suite, entry in zip(xml, json_files, strict=True):
        if entry["packs"]:
            applied = [context.pack(pack_id) for pack_id in entry["packs"]]
            rules = list(dict.fromkeys(rule.id for pack in applied if pack is not None for rule in pack.rules))
            assert rules
            assert [(case.classname, case.name) for case in suite] == [(entry["path"], rule) for rule in rules]
            passed = {p["rule"] for p in entry["passed"]}
            assert {case.name for case in suite if case.is_passed} == passed
        else:
            (case,) = suite
            (skipped,) = case.result
            assert isinstance(skipped, Skipped)
            assert (case.classname, case.name, skipped.message) == (
                entry["path"],
                "no-pack" if entry["checked"] else "not-checked",
                entry["notices"][0]["message"],
            )


def test_junit_cases_of_one_rule_in_many_files_are_tests_of_their_own(sample_reports: list[Report], context: FormatContext) -> None:
    # GitLab keys a test by classname and name and keeps only the first of cases sharing both;
    # Jenkins keys its history by them: each file's case of a rule must be a test of its own.
    xml = JUnitXml.fromstring(format_junit(sample_reports, context).encode("utf-8"))
    keys = [(case.classname, case.name) for suite in xml for case in suite]
    assert len({name for _, name in keys}) < len(keys)  # rules that apply to several files
    assert len(set(keys)) == len(keys)


def test_junit_in_full_for_two_findings_of_one_rule_a_pass_and_a_rule_not_applicable(gazette: Pack, gazette_context: FormatContext) -> None:
    report = check_bytes(_article(photos=["Smith", "Jones"]), "html", [gazette], path="/repo/news/budget.html")
    assert format_junit([report], gazette_context) == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuites name="syndcheck" tests="3" failures="2" errors="0" skipped="1">\n'
        '  <testsuite name="news/budget.html" tests="3" failures="2" errors="0" skipped="1">\n'
        "    <properties>\n"
        '      <property name="packs" value="gazette" />\n'
        "    </properties>\n"
        '    <testcase classname="news/budget.html" name="gazette/byline" file="news/budget.html" line="2">\n'
        "      <system-out>news/budget.html:2:1: passed: By Ana Ruiz, Example Gazette\n"
        "</system-out>\n"
        "    </testcase>\n"
        '    <testcase classname="news/budget.html" name="gazette/wire-photo" file="news/budget.html" line="9">\n'
        '      <failure message="A wire photo is in the story: &quot;Photo: AP Photo/Smith&quot;." type="warning">'
        'news/budget.html:9:1: warning: A wire photo is in the story: "Photo: AP Photo/Smith".\n'
        "found: Photo: AP Photo/Smith\n"
        "why: text the rule describes by a pattern is not allowed, and appears 2 times\n"
        "fix: Remove the wire photo.\n"
        "</failure>\n"
        '      <failure message="A wire photo is in the story: &quot;Photo: AP Photo/Jones&quot;." type="warning">'
        'news/budget.html:10:1: warning: A wire photo is in the story: "Photo: AP Photo/Jones".\n'
        "found: Photo: AP Photo/Jones\n"
        "why: text the rule describes by a pattern is not allowed, and appears 2 times\n"
        "fix: Remove the wire photo.\n"
        "</failure>\n"
        "    </testcase>\n"
        '    <testcase classname="news/budget.html" name="gazette/affiliation" file="news/budget.html">\n'
        f'      <skipped message="{NOT_APPLICABLE}" />\n'
        "    </testcase>\n"
        "  </testsuite>\n"
        "</testsuites>\n"
    )


def test_junit_marks_internal_errors_and_survives_control_characters(gazette_context: FormatContext) -> None:
    crashed = Report(path="a.html", notices=(Notice("internal-error", "not checked: internal error"),), checked=False)
    hostile = Report(
        path="b.html",
        packs=("gazette",),
        findings=(_finding("gazette/byline", Severity.ERROR, "Byline \x0b'By \x00'.", 4),),
        notices=(Notice("missing-meta", "rule gazette/affiliation not checked: it needs the article's 'reporter'"),),
        evaluated_rules=frozenset({"gazette/byline", "gazette/wire-photo"}),
    )
    output = format_junit([crashed, hostile], gazette_context).encode("utf-8")
    xml = JUnitXml.fromstring(output)
    first, second = xml
    (error,) = next(iter(first)).result
    assert isinstance(error, Error)
    assert (error.message, first.errors, xml.errors) == ("not checked: internal error", 1, 1)
    byline, wire, affiliation = second
    (failure,) = byline.result
    assert isinstance(failure, Failure)
    assert failure.message == "Byline \\x0b'By \\x00'."
    (not_evaluated,) = wire.result
    assert isinstance(not_evaluated, Skipped)
    assert not_evaluated.message == NOT_APPLICABLE
    (missing_meta,) = affiliation.result
    assert isinstance(missing_meta, Skipped)
    assert missing_meta.message == "rule gazette/affiliation not checked: it needs the article's 'reporter'"
    assert [e.text for e in ElementTree.fromstring(output).iter("system-out")] == [
        "note: rule gazette/affiliation not checked: it needs the article's 'reporter'\n"
    ]


# --- GitHub --------------------------------------------------------------------------------------

GOLDEN_REPORTS = [
    Report(
        path="/repo/news/budget, final: v2.html",
        packs=("gazette",),
        findings=(
            _finding("gazette/byline", Severity.ERROR, "Byline: 100% missing, see below.\r\nSecond line", 7, 3, help="Add it: By Ana Ruiz, Example Gazette."),
            _finding("gazette/wire-photo", Severity.WARNING, "A wire photo | <b>AP</b> *bold*.", 12, help="Remove it."),
        ),
        passed=(Passed("gazette/affiliation", "By Ana Ruiz, Example Gazette", Location(2, 1), "gazette"),),
    ),
    Report(
        path="news/tips.txt", packs=("gazette",), findings=(_finding("gazette/affiliation", Severity.INFO, "No affiliation.", 1, help="Name the Gazette."),)
    ),
    Report(path="news/ad.html", notices=(Notice("no-pack", "no rule pack applies to this document (no publisher's markers found)"),)),
    Report(path="news/logo.png", notices=(Notice("skipped", "not checked: the file is a PNG image, not an article"),), checked=False),
]


def test_github_workflow_commands_are_escaped_exactly(gazette_context: FormatContext) -> None:
    assert format_github(GOLDEN_REPORTS, gazette_context) == (
        "::error file=news/budget%2C final%3A v2.html,line=7,col=3,title=gazette/byline::"
        "Byline: 100%25 missing, see below.%0D%0ASecond line%0AAdd it: By Ana Ruiz, Example Gazette.\n"
        "::warning file=news/budget%2C final%3A v2.html,line=12,col=1,title=gazette/wire-photo::"
        "A wire photo | <b>AP</b> *bold*.%0ARemove it.\n"
        "::notice file=news/tips.txt,line=1,col=1,title=gazette/affiliation::No affiliation.%0AName the Gazette.\n"
        # A file skipped: a warning, so that the job's log and annotations show it was not checked.
        "::warning file=news/logo.png,line=1,col=1,title=syndcheck/skipped::not checked: the file is a PNG image, not an article\n"
    )


def test_github_commands_of_the_samples_are_one_per_json_finding(
    sample_reports: list[Report], context: FormatContext, json_files: list[dict[str, Any]]
) -> None:
    # Rules not checked, and those not compared with an original, are notices of their own (see
    # the tests below), not findings.
    notes = ("title=syndcheck/not-checked::", "title=syndcheck/no-original::", "title=syndcheck/too-large::", "title=syndcheck/skipped::")
    lines = [line for line in format_github(sample_reports, context).splitlines() if not any(note in line for note in notes)]
    command = {"error": "error", "warning": "warning", "info": "notice"}
    expected = [
        f"::{command[f['severity']]} file={entry['path']},line={f['line']},col={f['column']},title={f['rule']}::"
        for entry in json_files
        for f in entry["findings"]
    ]
    assert [line[: len(prefix)] for line, prefix in zip(lines, expected, strict=True)] == expected
    assert len(lines) == len(expected) > 0
    assert format_github([], context) == ""


def test_github_summary_lists_every_finding_and_the_files_not_checked(gazette_context: FormatContext) -> None:
    assert format_github_summary(GOLDEN_REPORTS, gazette_context) == (
        "## syndcheck\n"
        "\n"
        "3 files checked: 1 error, 1 warning, 1 info; 2 files with findings, 1 requirement met.\n"
        "\n"
        "| File | Line | Severity | Rule | Message |\n"
        "|---|--:|---|---|---|\n"
        "| news/budget, final: v2.html | 7 | error | gazette/byline | Byline: 100% missing, see below.\\\\r\\\\nSecond line |\n"
        "| news/budget, final: v2.html | 12 | warning | gazette/wire-photo | A wire photo \\| &lt;b&gt;AP&lt;/b&gt; \\*bold\\*. |\n"
        "| news/tips.txt | 1 | info | gazette/affiliation | No affiliation. |\n"
        "\n"
        "### Files with no applicable pack (1)\n"
        "\n"
        "- news/ad.html: no rule pack applies to this document (no publisher's markers found)\n"
        "\n"
        "### Files not checked (1)\n"
        "\n"
        "- news/logo.png: not checked: the file is a PNG image, not an article\n"
    )


def test_github_summary_without_findings(gazette_context: FormatContext) -> None:
    clean = Report(path="a.html", packs=("gazette",), passed=(Passed("gazette/byline", "By Ana Ruiz", Location(2, 1), "gazette"),))
    assert format_github_summary([clean], gazette_context) == (
        "## syndcheck\n\n1 file checked: 0 errors, 0 warnings, 0 info; 0 files with findings, 1 requirement met.\n\nNo findings.\n"
    )


# --- GitLab --------------------------------------------------------------------------------------


def test_gitlab_code_quality_shape(sample_reports: list[Report], context: FormatContext, json_files: list[dict[str, Any]]) -> None:
    issues = json.loads(format_gitlab(sample_reports, context))
    assert isinstance(issues, list)

    # Every finding, and every file not checked (an `info` issue at its line 1: skipped, as the
    # samples' too-large file is; a `critical` one when that fails the run).
    def issues_of(entry: dict[str, Any]) -> list[tuple[str, str, str, int]]:
        if not entry["checked"]:
            notice = entry["notices"][0]
            return [(entry["path"], f"syndcheck/{notice['code']}", notice["message"], 1)]
        return [(entry["path"], f["rule"], f["message"], f["line"]) for f in entry["findings"]]

    expected = [issue for entry in json_files for issue in issues_of(entry)]
    assert any(not entry["checked"] for entry in json_files)
    assert [(i["location"]["path"], i["check_name"], i["description"], i["location"]["lines"]["begin"]) for i in issues] == expected
    for issue in issues:
        assert set(issue) == {"type", "engine_name", "check_name", "description", "content", "severity", "fingerprint", "location"}
        assert (issue["type"], issue["engine_name"]) == ("issue", "syndcheck")
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
        assert isinstance(issue["content"]["body"], str)
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert issue["location"]["lines"]["begin"] >= 1
        assert not issue["location"]["path"].startswith(("/", "./"))
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_gitlab_issue_in_full_and_severity_mapping(gazette_context: FormatContext) -> None:
    issues = json.loads(format_gitlab(GOLDEN_REPORTS, gazette_context))
    # The last is the PNG file, skipped: an `info` issue on it.
    assert [i["severity"] for i in issues] == ["critical", "minor", "info", "info"]
    assert (issues[-1]["check_name"], issues[-1]["location"], issues[-1]["description"]) == (
        "syndcheck/skipped",
        {"path": "news/logo.png", "lines": {"begin": 1}},
        "not checked: the file is a PNG image, not an article",
    )
    first = issues[0]
    assert first == {
        "type": "issue",
        "engine_name": "syndcheck",
        "check_name": "gazette/byline",
        # Shown to people in the merge-request widget: a line break of the message is shown
        # escaped, as in SARIF's message, so one issue reads as one line.
        "description": "Byline: 100% missing, see below.\\r\\nSecond line",
        "content": {"body": "Add it: By Ana Ruiz, Example Gazette."},
        "severity": "critical",
        "fingerprint": first["fingerprint"],
        "location": {"path": "news/budget, final: v2.html", "lines": {"begin": 7}},
    }
    assert format_gitlab([], gazette_context) == "[]\n"


# --- docs/output-formats.md ----------------------------------------------------------------------

DOC = ROOT / "docs" / "output-formats.md"


def test_doc_examples_are_what_the_formatters_print(sample_reports: list[Report], context: FormatContext) -> None:
    text = DOC.read_text(encoding="utf-8")
    by_name = {Path(r.path).relative_to(ROOT).as_posix(): r for r in sample_reports}
    no_logo = [by_name["samples/dcnf/no-logo.html"]]
    assert format_github(no_logo, context) in text
    github_block = re.search(r"```text\n(::error file=samples/dcnf/no-logo\.html.*?)```", text, re.DOTALL)
    assert github_block is not None and github_block.group(1) == format_github(no_logo, context)
    gitlab_block = re.search(r"```json\n(\[\n  \{\n    \"type\": \"issue\".*?)```", text, re.DOTALL)
    assert gitlab_block is not None and json.loads(gitlab_block.group(1)) == json.loads(format_gitlab(no_logo, context))
    for name in ("sarif", "junit", "github", "gitlab"):
        assert f"--format {name}" in text


def test_doc_sarif_example_is_what_the_formatter_prints(sample_reports: list[Report], packs: tuple[Pack, ...]) -> None:
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"```json\n(\{\n  \"\$schema\".*?)```", text, re.DOTALL)
    assert block is not None
    documented = json.loads(block.group(1))
    by_name = {Path(r.path).relative_to(ROOT).as_posix(): r for r in sample_reports}
    chosen = [replace(by_name[name], path=name) for name in ("samples/dcnf/no-logo.html", "samples/negative/daily-caller-citation.html")]
    actual = json.loads(format_sarif(chosen, FormatContext(packs=packs, base_dir=".", tool_version="0.1.0")))
    driver = actual["runs"][0]["tool"]["driver"]
    driver["rules"] = [rule for rule in driver["rules"] if rule["id"] == "dcnf/logo"]
    # The rule's index moves whenever a pack is added; the example keeps the one it was taken with.
    documented["runs"][0]["results"][0]["ruleIndex"] = actual["runs"][0]["results"][0]["ruleIndex"]
    assert documented == actual


# --- --require-pack ------------------------------------------------------------------------------


def test_require_pack_makes_a_document_no_pack_applies_to_a_failure_in_every_machine_format(gazette_context: FormatContext) -> None:
    requires_shared([SARIF_SCHEMA])
    strict = replace(gazette_context, require_pack=True)
    # GitHub: one `::error` more, on the page no pack applies to; the skipped image is no failure.
    annotations = format_github(GOLDEN_REPORTS, strict).splitlines()
    assert annotations == [
        *format_github(GOLDEN_REPORTS, gazette_context).splitlines()[:3],
        "::error file=news/ad.html,line=1,col=1,title=syndcheck/no-pack::No rule pack applies to this document, and --require-pack requires one."
        "%0AIf this is a republished story, name its publisher's pack with --pack (or under 'packs' in the configuration); "
        "if it is not, leave it out of the paths checked.",
        *format_github(GOLDEN_REPORTS, gazette_context).splitlines()[3:],
    ]
    assert "\n### Files with no applicable pack, which fail the run (--require-pack) (1)\n" in format_github_summary(GOLDEN_REPORTS, strict)
    # GitLab: a critical issue at line 1 of that page, with a fingerprint of its own.
    issues = json.loads(format_gitlab(GOLDEN_REPORTS, strict))
    failed = [i for i in issues if i["check_name"] == "syndcheck/no-pack"]
    assert [(i["location"]["path"], i["location"]["lines"]["begin"], i["severity"]) for i in failed] == [("news/ad.html", 1, "critical")]
    assert len({i["fingerprint"] for i in issues}) == len(issues) == len(json.loads(format_gitlab(GOLDEN_REPORTS, gazette_context))) + 1
    # JUnit: a failure (junitparser counts it so), while the image stays skipped.
    xml = JUnitXml.fromstring(format_junit(GOLDEN_REPORTS, strict).encode("utf-8"))
    suites = {suite.name: suite for suite in xml}
    (no_pack_case,) = suites["news/ad.html"]
    (failure,) = no_pack_case.result
    assert isinstance(failure, Failure)
    assert failure.message == "No rule pack applies to this document, and --require-pack requires one."
    (image_case,) = suites["news/logo.png"]
    assert [type(r) for r in image_case.result] == [Skipped]
    assert (xml.failures, suites["news/ad.html"].failures, suites["news/ad.html"].skipped) == (4, 1, 0)
    # SARIF: an error result of its own rule, valid, and the run still successful (exit 1, not 2).
    log = json.loads(format_sarif(GOLDEN_REPORTS, strict))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert list(jsonschema.Draft4Validator(schema).iter_errors(log)) == []
    (run,) = log["runs"]
    (result,) = [r for r in run["results"] if r["ruleId"] == "syndcheck/no-pack"]
    assert (result["level"], result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) == ("error", "news/ad.html")
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "syndcheck/no-pack"
    assert run["invocations"][0]["executionSuccessful"] is True
    # The counts of the run are the documents' own: the failure is no finding of a rule.
    assert run["properties"]["summary"] == json.loads(format_sarif(GOLDEN_REPORTS, gazette_context))["runs"][0]["properties"]["summary"]


def test_without_require_pack_a_document_no_pack_applies_to_is_no_failure(gazette_context: FormatContext) -> None:
    assert "no-pack" not in format_github(GOLDEN_REPORTS, gazette_context)
    assert all(i["check_name"] != "syndcheck/no-pack" for i in json.loads(format_gitlab(GOLDEN_REPORTS, gazette_context)))
    suites = {suite.name: suite for suite in JUnitXml.fromstring(format_junit(GOLDEN_REPORTS, gazette_context).encode("utf-8"))}
    assert [type(r) for case in suites["news/ad.html"] for r in case.result] == [Skipped]
    assert all(r["ruleId"] != "syndcheck/no-pack" for r in json.loads(format_sarif(GOLDEN_REPORTS, gazette_context))["runs"][0]["results"])


def test_require_pack_on_the_command_line_fails_in_each_report_it_writes(cli: Any, tmp_path: Path) -> None:
    good = tmp_path / "good.html"
    good.write_bytes((SAMPLES / "dcnf" / "compliant-static.html").read_bytes())
    unlicensed = tmp_path / "unlicensed.html"
    unlicensed.write_text("<html><body><h1>Council meets</h1><p>By Ann Lee</p><p>The council met.</p></body></html>\n", encoding="utf-8")
    outputs = {name: tmp_path / f"report.{name}" for name in ("gitlab", "junit", "sarif")}
    given = [f"--output={name}={file}" for name, file in outputs.items()]
    run = cli("check", "--require-pack", "--format", "github", *given, str(good), str(unlicensed))
    assert run.code == 1
    assert run.out.startswith(f"::error file={unlicensed.as_posix().replace(':', '%3A')},line=1,col=1,title=syndcheck/no-pack::")
    assert [i["check_name"] for i in json.loads(outputs["gitlab"].read_text(encoding="utf-8"))] == ["syndcheck/no-pack"]
    assert JUnitXml.fromfile(str(outputs["junit"])).failures == 1
    sarif = json.loads(outputs["sarif"].read_text(encoding="utf-8"))["runs"][0]
    assert [(r["ruleId"], r["level"]) for r in sarif["results"]] == [("syndcheck/no-pack", "error")]
    # The same run without the option: nothing fails, in any format.
    relaxed = cli("check", "--format", "github", *given, str(good), str(unlicensed))
    assert (relaxed.code, [line.split("::")[1] for line in relaxed.out.splitlines()]) == (0, ["notice title=syndcheck/no-original"])
    assert json.loads(outputs["gitlab"].read_text(encoding="utf-8")) == []
    assert JUnitXml.fromfile(str(outputs["junit"])).failures == 0


# --- JUnit: could not run, or skipped on purpose -------------------------------------------------


@pytest.mark.parametrize(
    ("notice", "element"),
    [
        (Notice("unreadable", "not checked: cannot read file: Permission denied"), Error),
        (Notice("user-error", "not checked: not valid UTF-8 where the configuration says utf-8"), Error),
        (Notice("time-limit", "not checked: the check took longer than 0.5 s (--time-limit)"), Error),
        (Notice("internal-error", "not checked: internal error"), Error),
        (Notice("skipped", "not checked: the file is a PNG image, not an article"), Skipped),
        (Notice("skipped", "not checked: the file is empty"), Skipped),
        (Notice("too-large", "not checked: 20,000,000 bytes is more than --max-bytes 16,777,216"), Skipped),
    ],
    ids=["unreadable", "user-error", "time-limit", "internal-error", "binary", "empty", "too-large"],
)
def test_junit_shows_a_file_that_could_not_be_checked_as_an_error_and_one_skipped_on_purpose_as_skipped(
    gazette_context: FormatContext, notice: Notice, element: type
) -> None:
    report = Report(path="news/story.html", notices=(notice,), checked=False)
    # Beside an article that was checked: a run that checked nothing fails for its skipped files
    # (see the next test).
    checked = Report(path="news/other.html", packs=("gazette",))
    for context in (gazette_context, replace(gazette_context, require_pack=True)):
        suite = next(s for s in JUnitXml.fromstring(format_junit([report, checked], context).encode("utf-8")) if s.name == "news/story.html")
        (case,) = suite
        (result,) = case.result
        assert (type(result), result.message, case.name) == (element, notice.message, "not-checked")
        assert (suite.errors, suite.skipped, suite.failures) == ((1, 0, 0) if element is Error else (0, 1, 0))
    # SARIF agrees: what JUnit calls an error is an `error` notification and an unsuccessful run.
    (run,) = json.loads(format_sarif([report, checked], gazette_context))["runs"]
    (notification,) = run["invocations"][0]["toolExecutionNotifications"]
    assert (notification["level"] == "error") is (element is Error)
    assert run["invocations"][0]["executionSuccessful"] is (element is not Error)


@pytest.mark.parametrize("code", ["skipped", "too-large"])
def test_a_file_skipped_in_a_run_that_checked_nothing_fails_it_in_every_pipeline_format(gazette_context: FormatContext, code: str) -> None:
    # Nothing checked is exit 2: the test report, the merge request's widget, the annotations
    # and the SARIF log show the skipped file as what failed the run, never as a benign note.
    notice = Notice(code, "not checked: the file is empty — write the article in it")
    report = Report(path="news/story.html", notices=(notice,), checked=False)
    (suite,) = JUnitXml.fromstring(format_junit([report], gazette_context).encode("utf-8"))
    (case,) = suite
    assert [(type(result), result.message) for result in case.result] == [(Error, notice.message)]
    (issue,) = json.loads(format_gitlab([report], gazette_context))
    assert (issue["severity"], issue["check_name"]) == ("critical", f"syndcheck/{code}")
    assert format_github([report], gazette_context).startswith(f"::error file=news/story.html,line=1,col=1,title=syndcheck/{code}::not checked: ")
    (run,) = json.loads(format_sarif([report], gazette_context))["runs"]
    assert [n["level"] for n in run["invocations"][0]["toolExecutionNotifications"]] == ["error"]
    assert run["invocations"][0]["executionSuccessful"] is False
    # With --pass-with-nothing-checked such a run passes: the file is skipped, as beside others.
    passing = replace(gazette_context, pass_with_nothing_checked=True)
    (suite,) = JUnitXml.fromstring(format_junit([report], passing).encode("utf-8"))
    assert [type(result) for (case,) in [list(suite)] for result in case.result] == [Skipped]
    assert json.loads(format_gitlab([report], passing))[0]["severity"] == "info"
    assert format_github([report], passing).startswith("::warning ")
    (run,) = json.loads(format_sarif([report], passing))["runs"]
    assert run["invocations"][0]["executionSuccessful"] is True


# --- GitHub job summary: GitHub drops one over 1 MiB ---------------------------------------------


def _many_findings(files: int, per_file: int, message: str) -> list[Report]:
    return [
        Report(
            path=f"news/story-{n:04d}.html",
            packs=("gazette",),
            findings=tuple(_finding("gazette/byline", Severity.ERROR, f"{message} #{i}", i + 1) for i in range(per_file)),
        )
        for n in range(files)
    ]


@pytest.mark.parametrize("message", ["The reporter is not credited by name.", "Le journaliste n’est pas crédité — «Ана Руиз» 记者"])
def test_a_github_summary_past_the_limit_is_cut_to_it_and_says_how_many_rows_are_left_out(gazette_context: FormatContext, message: str) -> None:
    from compliance.config import RuleAdjustment
    from compliance.formatters.github import SUMMARY_LIMIT

    reports = [*_many_findings(100, 150, message), GOLDEN_REPORTS[2], GOLDEN_REPORTS[3]]
    context = replace(gazette_context, adjusted_rules=(RuleAdjustment("gazette/byline", None, "news/.syndcheck.yaml"),))
    text = format_github_summary(reports, context)
    size = len(text.encode("utf-8"))
    assert SUMMARY_LIMIT - 2_000 < size <= SUMMARY_LIMIT
    shown = [line for line in text.splitlines() if line.startswith("| news/story-")]
    last = text.splitlines()[-1]
    closing = re.fullmatch(r"\*(\d+) more rows not shown: GitHub shows no step summary over 1 MiB\. .*--output sarif=syndcheck\.sarif.*\*", last)
    assert closing is not None, last
    left_out = int(closing.group(1))
    assert len(shown) + left_out == 15_000
    # The first rows are kept, in order; the configuration's weakening and the files not checked stay.
    assert shown[0].startswith("| news/story-0000.html | 1 | error |")
    assert "### Checks weakened by configuration (1)" in text
    assert "- news/logo.png: not checked: the file is a PNG image, not an article" in text
    assert "- news/ad.html: no rule pack applies to this document (no publisher's markers found)" in text
    # The totals are the whole run's, not the rows shown.
    assert "\n101 files checked: 15000 errors, 0 warnings, 0 info; 100 files with findings, 0 requirements met.\n" in text


def test_a_github_summary_within_the_limit_is_whole(gazette_context: FormatContext) -> None:
    from compliance.formatters.github import SUMMARY_LIMIT

    text = format_github_summary(_many_findings(30, 100, "The reporter is not credited by name."), gazette_context)
    assert len(text.encode("utf-8")) < SUMMARY_LIMIT
    assert sum(1 for line in text.splitlines() if line.startswith("| news/story-")) == 3_000
    assert "not shown" not in text


def test_a_summary_whose_lists_alone_pass_the_limit_keeps_what_fits_of_them() -> None:
    from compliance.formatters.github import _capped

    head = ["## syndcheck", "", "totals"]
    rows = [f"| f{i}.html | 1 | error | r | m |" for i in range(50)]
    tail = ["", "### Files not checked (200)", "", *(f"- f{i}.png: not checked: the file is a PNG image, not an article" for i in range(200))]
    text = _capped(head, rows, tail, 5_000)
    assert len(text.encode("utf-8")) <= 5_000
    assert not any(line.startswith("| f") for line in text.splitlines())
    kept = sum(1 for line in text.splitlines() if line.startswith("- f"))
    assert 0 < kept < 200
    assert text.splitlines()[-1].startswith(f"*{50 + 200 - kept} more rows not shown")
    # Exactly at the limit is within it: nothing is cut.
    whole = _capped(head, rows[:2], [], 10_000)
    assert _capped(head, rows[:2], [], len(whole.encode("utf-8"))) == whole
    assert "not shown" not in whole


# --- Rules not run for want of an original, and rules turned off ---------------------------------

KFF_GHOST = "samples/kff-health-news/compliant-ghost.html"
KFF_NO_ORIGINAL = (
    "not compared: common/reused-agency-photo, kff-health-news/original-all-rights-reserved, kff-health-news/original-reporter, kff-health-news/fidelity,"
    " kff-health-news/original-links "
    "compare the copy with the "
    "original story, and none was given (give it with --original FILE or the 'original' metadata key)"
)


def _junit_cases(output: str) -> list[tuple[str, str]]:
    """(rule id, what the case holds: `skipped: MESSAGE`, `failure` or `passed`) of each test case."""
    cases = []
    for suite in JUnitXml.fromstring(output.encode("utf-8")):
        for case in suite:
            result = case.result[0] if case.result else None
            cases.append((case.name, f"skipped: {result.message}" if isinstance(result, Skipped) else "failure" if result else "passed"))
    return cases


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        # Only the two selected rules are cases, each skipped with the no-original note's own words.
        (
            ["--select", "kff-health-news/fidelity,kff-health-news/original-links"],
            [
                (
                    rule,
                    "skipped: "
                    + KFF_NO_ORIGINAL.replace(
                        "common/reused-agency-photo, kff-health-news/original-all-rights-reserved, kff-health-news/original-reporter, ", ""
                    ),
                )
                for rule in ("kff-health-news/fidelity", "kff-health-news/original-links")
            ],
        ),
        # One rule of a pack selected that needs no original: one case, passed, and no note.
        (["--select", "kff-health-news/tagline"], [("kff-health-news/tagline", "passed")]),
    ],
)
def test_junit_lists_only_the_selected_rules_each_with_its_true_reason(cli: Any, tmp_path: Path, options: list[str], expected: list[tuple[str, str]]) -> None:
    report = tmp_path / "report.xml"
    cli("check", *options, "--output", f"junit={report}", KFF_GHOST)
    output = report.read_text(encoding="utf-8")
    assert _junit_cases(output) == expected
    xml = JUnitXml.fromstring(output.encode("utf-8"))
    assert (xml.tests, xml.skipped) == (len(expected), sum(1 for _, held in expected if held.startswith("skipped")))


def test_junit_leaves_out_ignored_rules_and_keeps_every_other_with_its_reason(cli: Any, tmp_path: Path) -> None:
    full, ignored = tmp_path / "full.xml", tmp_path / "ignored.xml"
    cli("check", "--output", f"junit={full}", KFF_GHOST)
    cli("check", "--ignore", "kff-health-news/tagline,common/wire-photo", "--output", f"junit={ignored}", KFF_GHOST)
    every = _junit_cases(full.read_text(encoding="utf-8"))
    kept = _junit_cases(ignored.read_text(encoding="utf-8"))
    # Without a selection every rule of the applied packs is a case, as before.
    assert len(every) == 13
    assert kept == [case for case in every if case[0] not in ("kff-health-news/tagline", "common/wire-photo")]
    reasons = dict(every)
    assert reasons["kff-health-news/fidelity"] == reasons["common/reused-agency-photo"] == f"skipped: {KFF_NO_ORIGINAL}"
    assert reasons["kff-health-news/original-reporter"] == f"skipped: {KFF_NO_ORIGINAL}"
    assert reasons["creative-commons/author"] == reasons["kff-health-news/tagline"] == "passed"


def test_junit_leaves_out_a_rule_a_configuration_turns_off_and_lists_the_change(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "story.html").write_bytes((ROOT / KFF_GHOST).read_bytes())
    (tmp_path / ".syndcheck.yaml").write_text("root: true\nignore: [kff-health-news/tagline]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "--output", "junit=report.xml", "story.html"])
    xml = JUnitXml.fromstring((tmp_path / "report.xml").read_bytes())
    story, configuration = xml
    assert "kff-health-news/tagline" not in [case.name for case in story]
    assert len(list(story)) == 12
    assert [case.classname for case in configuration] == ["configuration"]


def test_quiet_leaves_out_the_no_original_note_and_keeps_every_other(cli: Any) -> None:
    quiet = cli("check", "-q", "samples/kff-health-news/tagline-missing.html", "samples/calmatters/compliant-wordpress.html")
    loud = cli("check", "samples/kff-health-news/tagline-missing.html")
    assert "not compared:" in loud.out
    assert "not compared:" not in quiet.out
    # The file with a finding and the file with a rule not checked are still there, with that note.
    assert "kff-health-news/tagline  KFF Health News' tagline is not at the end" in quiet.out
    assert "note: rule calmatters/headline not checked" in quiet.out


def test_concise_and_github_say_once_for_the_run_which_rules_were_not_compared(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = ["samples/kff-health-news/tagline-missing.html", KFF_GHOST, "samples/dcnf/no-logo.html"]
    rules = (
        "common/reused-agency-photo, kff-health-news/original-all-rights-reserved, kff-health-news/original-reporter, kff-health-news/fidelity,"
        " kff-health-news/original-links, "
        "dcnf/original-reporter, dcnf/reused-agency-photo"
    )
    give = "give it with --original FILE or the 'original' metadata key"
    note = f"not compared in 3 files: {rules} compare the copy with the original story, and none was given ({give})"
    concise = cli("check", "-f", "concise", *files).out.splitlines()
    assert concise[-1] == f"note: {note}"
    assert sum(1 for line in concise if "not compared" in line) == 1
    summary_file = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    github = cli("check", "-f", "github", *files).out.splitlines()
    assert github[-1] == f"::notice title=syndcheck/no-original::{note}"
    assert sum(1 for line in github if "no-original" in line) == 1
    assert f"### Not compared with the original story (3 files)\n\n- {note}\n" in summary_file.read_text(encoding="utf-8")


def test_gitlab_has_no_issue_for_rules_not_compared(cli: Any, tmp_path: Path) -> None:
    report = tmp_path / "gl.json"
    cli("check", "--output", f"gitlab={report}", "samples/kff-health-news/tagline-missing.html")
    assert [issue["check_name"] for issue in json.loads(report.read_text(encoding="utf-8"))] == ["kff-health-news/tagline"]


@pytest.mark.parametrize(
    "args",
    [
        # An original given: every rule that compares with it ran.
        ["--original", "samples/originals/dcnf-original.html", "samples/dcnf/no-logo.html"],
        # No rule that compares with an original selected.
        ["--select", "dcnf/logo", "samples/dcnf/no-logo.html", "samples/dcnf/compliant-static.html"],
        # No pack applies.
        ["samples/negative/daily-caller-citation.html"],
    ],
)
def test_no_note_of_rules_not_compared_when_every_rule_that_compares_ran(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    summary_file = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    for output in (cli("check", "-f", "concise", *args).out, cli("check", "-f", "github", *args).out, summary_file.read_text(encoding="utf-8")):
        assert "not compared" not in output.lower()


@pytest.mark.parametrize("format_name", ["github", "concise"])
def test_a_document_not_checked_that_fails_the_run_is_an_error_on_its_file(cli: Any, tmp_path: Path, monkeypatch: Any, format_name: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "payload.json").write_text('[{"id": "story-7", "html": 5}]', encoding="utf-8")
    run = cli("check", "--input-kind", "cms-json", "--format", format_name, "payload.json")
    assert run.code == 2
    docs = (ROOT / "docs" / "output-formats.md").read_text(encoding="utf-8")
    shown = docs.split(f"```text not-checked-{format_name}\n", 1)[1].split("\n```", 1)[0]
    assert run.out.splitlines() == [shown]
    # A file skipped on purpose does not fail the run, and is no error line: a note (concise) or a
    # warning (GitHub) that it was not checked.
    (tmp_path / "empty.html").write_text("", encoding="utf-8")
    (tmp_path / "story.html").write_bytes((ROOT / "samples" / "dcnf" / "no-logo.html").read_bytes())
    skipped = cli("check", "--format", format_name, "empty.html", "story.html")
    (line,) = [line for line in skipped.out.splitlines() if "empty.html" in line]
    assert skipped.code == 1
    said = "not checked: the file is empty — write the article in it, or leave it out with --exclude or the config's exclude"
    assert (
        line
        == {
            "concise": f"empty.html:1:1: note syndcheck/skipped {said}",
            "github": f"::warning file=empty.html,line=1,col=1,title=syndcheck/skipped::{said}",
        }[format_name]
    )
