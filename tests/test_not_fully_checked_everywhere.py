"""A document a pattern's time limit left not fully checked is said to be so alike everywhere.

Two kinds leave a checked document not fully checked (`Report.not_fully_checked`): a detection
marker of a pack not applied whose pattern ran past its time limit (the pack may apply), and a
rule whose pattern did. Every command that checks names what was not evaluated before its closing
"exit 2: … not fully checked …; see above" (`fix` and `baseline` print no report of their own:
the note goes to stderr); every format says it the same way: the text and HTML reports' headers
and file labels, JSON's and JSON lines' `fully_checked` and `summary.not_fully_checked`, the
API's document, and the editor's page, whose advice names its own Packs box, not `--pack`.

No test here is timed: the patterns backtrack without end, and each test asserts what is said."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import BACKTRACKS, slow_marker_pack, write

# A pack detected by its name that has one rule whose pattern backtracks without end.
_SLOW_RULE = """id: {id}
name: {name}
publisher: {name} News
terms_url: https://example.org/terms
as_of: 2024-01-01
summary: s
detect:
  threshold: 1.0
  markers:
    - id: credit
      check: {{text: {{phrase: '{name} News'}}}}
rules:
  - id: {id}/tag
    severity: {severity}
    message: m
    help: h
    check: {{not: {{text: {{pattern: '(a|a)+$'}}}}}}
"""

# Documents not fully checked, of both kinds, in several packs, markers and inputs.
_UNFINISHED = {
    "marker-text": ("slow", "Slow", "credit", "story.txt", f"By Ana Ruiz\n\n{BACKTRACKS}\n", "marker"),
    "marker-html": ("tardy", "Tardy", "licence-line", "copy.html", f"<html><body><article><h1>T</h1><p>{BACKTRACKS}</p></article></body></html>", "marker"),
    "rule-markdown": ("slowr", "SlowR", "", "story.md", f"# Budget\n\nBy SlowR News\n\n{BACKTRACKS}\n", "rule"),
    "rule-html": ("lagging", "Lagging", "", "page.html", f"<html><body><article><p>Lagging News</p><p>{BACKTRACKS}</p></article></body></html>", "rule"),
}


def _case(tmp_path: Path, key: str, *, severity: str = "info") -> tuple[Path, Path, str, str]:
    """The pack file, the article, the pack id and what the note must name (the marker or the rule)."""
    pack_id, name, marker, file, text, kind = _UNFINISHED[key]
    if kind == "marker":
        pack = write(tmp_path, f"{pack_id}.yaml", slow_marker_pack(pack_id, name, marker))
        named = f"detection marker {marker} of pack {pack_id} not evaluated"
    else:
        pack = write(tmp_path, f"{pack_id}.yaml", _SLOW_RULE.format(id=pack_id, name=name, severity=severity))
        named = f"Rule {pack_id}/tag was not evaluated"
    return pack, write(tmp_path, file, text), pack_id, named


def _closing(article: Path) -> str:
    return f"exit 2: 1 document not fully checked: a pattern ran past its time limit ({article}; see above)\n"


# --- commands whose own output shows no notes ---------------------------------------------------


@pytest.mark.parametrize("key", sorted(_UNFINISHED))
def test_fix_names_what_was_not_evaluated_before_its_closing_line(cli: Any, tmp_path: Path, key: str) -> None:
    pack, article, _, named = _case(tmp_path, key)
    run = cli("fix", "--rules", str(pack), str(article))
    assert run.code == 2 and run.err.endswith(_closing(article))
    (note,) = [line for line in run.err.splitlines() if line.startswith("syndcheck: note:")]
    assert named in note and note.startswith(f"syndcheck: note: {article}")
    # What to do: the pattern is the user's own (a pack given with --rules).
    assert f"simplify the pattern in {pack}" in note.lower()


@pytest.mark.parametrize("key", sorted(_UNFINISHED))
@pytest.mark.parametrize("mode", ["create", "update"])
def test_baseline_names_what_was_not_evaluated_before_its_closing_line(cli: Any, tmp_path: Path, key: str, mode: str) -> None:
    pack, article, _, named = _case(tmp_path, key)
    baseline = tmp_path / "baseline.json"
    if mode == "update":
        assert cli("baseline", "create", "--rules", str(pack), "--output", str(baseline), str(article)).code == 2
    option = "--output" if mode == "create" else "--baseline"
    run = cli("baseline", mode, "--rules", str(pack), option, str(baseline), str(article))
    assert run.code == 2 and run.err.endswith(_closing(article))
    lines = run.err.splitlines()
    (note,) = [line for line in lines if line.startswith("syndcheck: note:")]
    assert named in note and lines.index(note) < len(lines) - 1


def test_a_rule_not_evaluated_is_noted_at_its_place(cli: Any, tmp_path: Path) -> None:
    pack, article, _, _ = _case(tmp_path, "rule-markdown")
    run = cli("fix", "--rules", str(pack), str(article))
    assert f"syndcheck: note: {article}:1:1: Rule slowr/tag was not evaluated: its pattern ran past the 0.25 s time limit" in run.err


@pytest.mark.parametrize("command", ["fix", "baseline"])
def test_a_document_fully_checked_gets_no_such_note(cli: Any, tmp_path: Path, command: str) -> None:
    # The near miss: the same pack's marker on a line that does not backtrack.
    pack = write(tmp_path, "slow.yaml", slow_marker_pack())
    article = write(tmp_path, "story.txt", "By Ana Ruiz\n\naaaa\n")
    args = ("fix",) if command == "fix" else ("baseline", "create", "--output", str(tmp_path / "b.json"))
    run = cli(*args, "--rules", str(pack), str(article))
    assert "not fully checked" not in run.err and "not evaluated" not in run.err
    assert run.code in (0, 1)


# --- the formats -----------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(_UNFINISHED))
def test_json_and_json_lines_say_not_fully_checked_in_a_field(cli: Any, tmp_path: Path, key: str) -> None:
    pack, article, _, _ = _case(tmp_path, key)
    document = cli("check", "--rules", str(pack), "--format", "json", str(article)).json()
    (entry,) = document["files"]
    # `checked` keeps its meaning (the document was read and checked); `fully_checked` says the rest.
    assert entry["checked"] is True and entry["fully_checked"] is False
    assert document["summary"]["not_fully_checked"] == 1
    # A document whose pack may apply is not counted as one no pack applies to.
    assert document["summary"]["without_pack"] == 0
    line = json.loads(cli("check", "--rules", str(pack), "--format", "jsonl", str(article)).out)
    assert (line["checked"], line["fully_checked"]) == (True, False)


@pytest.mark.parametrize("key", sorted(_UNFINISHED))
def test_the_text_and_html_reports_say_it_in_their_header_and_label(cli: Any, tmp_path: Path, key: str) -> None:
    pack, article, pack_id, _ = _case(tmp_path, key)
    said = "1 not fully checked: a pattern ran past its time limit, see its notes"
    text = cli("check", "--rules", str(pack), str(article)).out
    assert said in text.splitlines()[-1] and "no problems" not in text and "no applicable pack" not in text
    page = cli("check", "--rules", str(pack), "--format", "html", str(article)).out
    assert f'<p class="counts">1 file checked; 0 errors, 0 warnings; {said}</p>' in page
    if _UNFINISHED[key][5] == "marker":
        # No pack applied: the label says why, never "no pack".
        assert f"{article}  [not fully checked]" in text
        assert "<small>[not fully checked]</small>" in page and "[no pack]" not in page
    else:
        assert f"{article}  [{pack_id}]" in text


def test_a_run_with_one_document_not_fully_checked_counts_it_alone(cli: Any, tmp_path: Path) -> None:
    pack, article, _, _ = _case(tmp_path, "marker-text")
    fine = write(tmp_path, "other.txt", "By Ana Ruiz\n\nNothing slow here.\n")
    document = cli("check", "--rules", str(pack), "--format", "json", str(article), str(fine)).json()
    by_path = {entry["path"]: entry for entry in document["files"]}
    assert by_path[str(article)]["fully_checked"] is False and by_path[str(fine)]["fully_checked"] is True
    assert (document["summary"]["not_fully_checked"], document["summary"]["without_pack"]) == (1, 1)


def test_a_marker_not_evaluated_of_a_pack_applied_all_the_same_is_fully_checked(cli: Any, tmp_path: Path) -> None:
    # The near miss: another marker applies the pack, so all its rules were checked.
    other = "    - id: pixel\n      weight: 1.0\n      check: {text: {pattern: 'Slow News pixel'}}"
    pack = write(tmp_path, "slow.yaml", slow_marker_pack(extra_markers=other))
    article = write(
        tmp_path, "story.html", f"<html><body><article><h1>T</h1><p>By Ana Ruiz</p><p>Slow News pixel</p><p>{BACKTRACKS}</p></article></body></html>"
    )
    run = cli("check", "--rules", str(pack), "--format", "json", str(article))
    (entry,) = run.json()["files"]
    assert entry["fully_checked"] is True and run.json()["summary"]["not_fully_checked"] == 0 and run.code == 0
    assert "not fully checked" not in cli("check", "--rules", str(pack), str(article)).out


def test_a_document_not_checked_at_all_is_not_fully_checked_either(cli: Any, tmp_path: Path) -> None:
    empty = write(tmp_path, "empty.html", "")
    fine = write(tmp_path, "fine.txt", "By Ana Ruiz\n\nA story.\n")
    document = cli("check", "--format", "json", str(empty), str(fine)).json()
    by_path = {entry["path"]: entry for entry in document["files"]}
    assert (by_path[str(empty)]["checked"], by_path[str(empty)]["fully_checked"]) == (False, False)
    # Skipped is not "not fully checked": that count is of documents checked.
    assert document["summary"]["not_fully_checked"] == 0


# --- the API and the editor's page ----------------------------------------------------------------


def _server(pack: Path) -> Any:
    pytest.importorskip("starlette", reason="the 'serve' extra is not installed (pip install 'syndication-compliance[serve]')")
    from starlette.testclient import TestClient

    from compliance.serve import ServeSettings
    from compliance.serve.app import create_app

    return TestClient(create_app(ServeSettings(rules=(str(pack),))), base_url="http://127.0.0.1:8080")


@pytest.mark.parametrize("key", ["marker-text", "marker-html", "rule-markdown"])
def test_the_api_answers_the_commands_json_with_its_status(cli: Any, tmp_path: Path, key: str) -> None:
    pack, article, _, _ = _case(tmp_path, key)
    media = {".txt": "text/plain", ".html": "text/html", ".md": "text/markdown"}[article.suffix]
    document = _server(pack).post("/v1/check", content=article.read_bytes(), headers={"content-type": media}).json()
    (entry,) = document["files"]
    assert document["status"] == 2 and entry["fully_checked"] is False and document["summary"]["not_fully_checked"] == 1


@pytest.mark.parametrize(("pack_id", "name", "marker"), [("slow", "Slow", "credit"), ("tardy", "Tardy", "licence-line")])
def test_the_editors_page_says_not_fully_checked_and_names_its_own_packs_box(tmp_path: Path, pack_id: str, name: str, marker: str) -> None:
    pack = write(tmp_path, f"{pack_id}.yaml", slow_marker_pack(pack_id, name, marker))
    page = html.unescape(_server(pack).post("/", data={"article": f"By Ana Ruiz\n\n{BACKTRACKS}\n"}).text)
    assert "Result: the article was not fully checked: a pattern ran past its time limit (see the notes)" in page
    assert "could not be checked" not in page
    assert f"tick the {pack_id} pack under Packs and check it again" in page and f"--pack {pack_id}" not in page
    assert "[not fully checked]" in page


def test_the_api_names_its_own_way_to_name_a_pack(tmp_path: Path) -> None:
    pack, article, _, _ = _case(tmp_path, "marker-text")
    document = _server(pack).post("/v1/check", content=article.read_bytes(), headers={"content-type": "text/plain"}).json()
    (notice,) = [n["message"] for n in document["files"][0]["notices"] if n["code"] == "marker-time-limit"]
    assert "the query's pack=slow" in notice and "--pack" not in notice


def test_the_editors_page_says_a_fully_checked_copy_is_no_such_thing(tmp_path: Path) -> None:
    # The near miss: the same pack, a line that does not backtrack; its marker did not fire (no
    # pack applies, and the page says that) or did (the pack's rules were checked).
    pack = write(tmp_path, "slow.yaml", slow_marker_pack())
    server = _server(pack)
    page = html.unescape(server.post("/", data={"article": "By Ana Ruiz\n\nA short story.\n"}).text)
    assert "Result: not checked against any publisher's terms: no publisher's pack applies to this copy" in page
    page = html.unescape(server.post("/", data={"article": "By Ana Ruiz\n\naaaa\n"}).text)
    assert "Result: no findings at or above the threshold</p>" in page and "<small>[slow]</small>" in page
    assert "not fully checked" not in page


# --- a baseline never accepts a rule not evaluated ------------------------------------------------


@pytest.mark.parametrize("key", ["rule-markdown", "rule-html"])
def test_a_baseline_never_records_a_rule_not_evaluated(cli: Any, tmp_path: Path, key: str) -> None:
    # Recorded, it would be a known finding: `check --baseline` would hide it and exit 0.
    pack, article, _, _ = _case(tmp_path, key, severity="error")
    baseline = tmp_path / "baseline.json"
    cli("baseline", "create", "--rules", str(pack), "--output", str(baseline), str(article))
    assert json.loads(baseline.read_text(encoding="utf-8"))["findings"] == []
    run = cli("check", "--rules", str(pack), "--baseline", str(baseline), "--format", "json", str(article))
    (entry,) = run.json()["files"]
    assert entry["fully_checked"] is False and run.code == 2


def test_a_baseline_that_holds_one_from_before_does_not_hide_it(cli: Any, tmp_path: Path) -> None:
    from compliance.baseline import BaselineEntry, format_baseline
    from compliance.fingerprint import fingerprints
    from compliance.runner import Runner, RunOptions

    pack, article, _, _ = _case(tmp_path, "rule-html", severity="warning")
    (result,) = Runner(RunOptions(rules=(pack,))).run([str(article)])
    (finding,) = result.report.findings
    (fingerprint,) = fingerprints(result.report, str(article))
    baseline = write(tmp_path, "old.json", format_baseline([BaselineEntry(fingerprint, finding.rule, str(article), finding.message)]))
    run = cli("check", "--rules", str(pack), "--baseline", str(baseline), "--format", "json", str(article))
    (entry,) = run.json()["files"]
    assert [f["rule"] for f in entry["findings"]] == ["lagging/tag"] and run.code == 2


def test_a_baseline_still_records_the_findings_of_rules_evaluated(cli: Any, tmp_path: Path) -> None:
    # The near miss: a rule that did run and found something is recorded as before.
    pack = write(tmp_path, "slow.yaml", slow_marker_pack())
    article = write(tmp_path, "story.txt", "Nobody wrote this.\n\naaaa\n")
    baseline = tmp_path / "baseline.json"
    cli("baseline", "create", "--rules", str(pack), "--output", str(baseline), str(article))
    assert [e["rule"] for e in json.loads(baseline.read_text(encoding="utf-8"))["findings"]] == ["slow/byline"]
