"""An article of a CMS payload (`--input-kind cms-json`) is named `FILE#N (id)`: no file a code host
could open, and its findings' lines are lines of the article's HTML, not of the payload. The
formats that annotate files (SARIF, GitLab, GitHub) put them on the payload file and say which
article and which line; a document that is a file is annotated as before."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import SAMPLES, write
from tests.test_conventions import SHARED, requires_shared

NO_LOGO = (SAMPLES / "dcnf" / "no-logo.html").read_text(encoding="utf-8")


@pytest.fixture
def payload(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)
    lines = [json.dumps({"id": "story-42", "html": NO_LOGO}), json.dumps({"html": NO_LOGO})]
    write(tmp_path, "cms.jsonl", "\n".join(lines) + "\n")
    write(tmp_path, "no-logo.html", NO_LOGO)
    return "cms.jsonl"


ARTICLES = ["cms.jsonl#1 (story-42)", "cms.jsonl#2"]


def test_sarif_puts_a_payloads_findings_on_the_payload_and_names_the_article(cli: Any, payload: str) -> None:
    log = cli("check", "--input-kind", "cms-json", "--format", "sarif", payload).json()
    results = log["runs"][0]["results"]
    assert len(results) == 2
    for result, article in zip(results, ARTICLES, strict=True):
        (location,) = result["locations"]
        assert location["physicalLocation"] == {"artifactLocation": {"uri": "cms.jsonl", "uriBaseId": "%SRCROOT%"}}
        assert location["logicalLocations"] == [{"name": article, "kind": "object"}]
        assert location["properties"] == {"articleLine": 122, "articleColumn": 1}
        said = f"The Daily Caller News Foundation logo is missing from the article. (in {article}, line 122 of the article's HTML)"
        assert result["message"]["text"].startswith(said)
    requires_shared([SHARED / "schemas" / "sarif-schema-2.1.0.json"])
    jsonschema.validate(log, json.loads((SHARED / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")))


def test_sarif_names_the_article_of_a_payloads_notifications_and_passes(cli: Any, tmp_path: Path, payload: str) -> None:
    # CalMatters' headline rule needs the original's headline, which neither article gives.
    story = "<article><h1>Rates rise</h1><p>By Dan Walters, CalMatters</p><p>This story was originally published by CalMatters.</p></article>"
    write(tmp_path, "cms-nc.jsonl", "\n".join(json.dumps({"id": f"s{n}", "html": story}) for n in (1, 2)) + "\n")
    log = cli("check", "--input-kind", "cms-json", "--format", "sarif", "cms-nc.jsonl").json()
    run = log["runs"][0]
    unchecked = [n for n in run["invocations"][0]["toolExecutionNotifications"] if n["descriptor"]["id"] == "missing-meta"]
    assert [n["locations"][0]["logicalLocations"] for n in unchecked] == [[{"name": f"cms-nc.jsonl#{n} (s{n})", "kind": "object"}] for n in (1, 2)]
    assert all(n["message"]["text"].endswith(f"(in cms-nc.jsonl#{i} (s{i}))") for i, n in enumerate(unchecked, start=1))
    assert {entry["article"] for entry in run["properties"]["passed"]} == {"cms-nc.jsonl#1 (s1)", "cms-nc.jsonl#2 (s2)"}
    requires_shared([SHARED / "schemas" / "sarif-schema-2.1.0.json"])
    jsonschema.validate(log, json.loads((SHARED / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")))


def test_a_file_is_still_annotated_at_its_line(cli: Any, payload: str) -> None:
    (result,) = cli("check", "--format", "sarif", "no-logo.html").json()["runs"][0]["results"]
    assert result["locations"] == [
        {"physicalLocation": {"artifactLocation": {"uri": "no-logo.html", "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 122, "startColumn": 1}}}
    ]
    (issue,) = cli("check", "--format", "gitlab", "no-logo.html").json()
    assert issue["location"] == {"path": "no-logo.html", "lines": {"begin": 122}}
    assert issue["description"] == "The Daily Caller News Foundation logo is missing from the article."
    assert cli("check", "--format", "github", "no-logo.html").out.startswith("::error file=no-logo.html,line=122,col=1,title=dcnf/logo::The Daily")


def test_gitlab_puts_a_payloads_findings_on_the_payload_and_names_the_article(cli: Any, payload: str) -> None:
    issues = cli("check", "--input-kind", "cms-json", "--format", "gitlab", payload).json()
    assert [issue["location"] for issue in issues] == [{"path": "cms.jsonl", "lines": {"begin": 1}}] * 2
    assert [issue["description"] for issue in issues] == [
        f"The Daily Caller News Foundation logo is missing from the article. (in {article}, line 122 of the article's HTML)" for article in ARTICLES
    ]
    # Each article keeps its own fingerprint: the same finding in two articles is two issues.
    assert len({issue["fingerprint"] for issue in issues}) == 2


def test_github_annotates_the_payload_without_a_line_that_is_not_its_own(cli: Any, payload: str) -> None:
    lines = cli("check", "--input-kind", "cms-json", "--format", "github", payload).out.splitlines()
    # Then the run's one notice of the rules not compared with an original, on no file.
    assert [line.split("::")[1] for line in lines] == ["error file=cms.jsonl,title=dcnf/logo"] * 2 + ["notice title=syndcheck/no-original"]
    assert (
        lines[0]
        .split("::")[2]
        .startswith("The Daily Caller News Foundation logo is missing from the article. (in cms.jsonl#1 (story-42), line 122 of the article's HTML)%0A")
    )


def test_a_payload_from_stdin_is_named_as_stdin_is(cli: Any, payload: str) -> None:
    run = cli("check", "--input-kind", "cms-json", "--format", "gitlab", "-", stdin=json.dumps({"id": "s", "html": NO_LOGO}).encode())
    (issue,) = run.json()
    assert issue["location"]["path"] == "<stdin>" and "(in <stdin>#1 (s), line 122 of the article's HTML)" in issue["description"]
