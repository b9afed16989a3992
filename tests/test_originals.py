"""Checking a republication against its original story through the command line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from compliance.checks import compares_with_original
from compliance.ruletest import derive, expectations_in_markup
from tests.conftest import ROOT, write

FIXTURES = "tests/rule-fixtures/propublica"


def _derived_fixture(tmp_path: Path, name: str) -> Path:
    """A rule fixture derived from another (`from=`), built as `rules test` builds it and saved as an article."""
    fixture = ROOT / FIXTURES / name
    expected = expectations_in_markup(fixture.read_text(encoding="utf-8"))
    assert expected.base is not None
    base = (fixture.parent / expected.base).read_text(encoding="utf-8")
    return write(tmp_path, name, derive(base, expected.changes, base_name=expected.base))


def test_a_truncated_nd_story_exits_1_naming_the_truncation(cli: Any, tmp_path: Path) -> None:
    truncated = _derived_fixture(tmp_path, "original-truncated.html")
    run = cli("check", "--pack", "propublica", "--format", "json", "--original", f"{FIXTURES}/compliant.html", str(truncated))
    findings = run.json()["files"][0]["findings"]
    assert run.code == 1
    assert [f["rule"] for f in findings] == ["propublica/fidelity"]
    # compliant.html carries ProPublica's credit line: the credit rule's line, not a paragraph of the story.
    assert "the story stops after paragraph 7 of 8" in findings[0]["evidence"]


def test_another_story_entirely_says_what_the_comparison_saw_in_the_message(cli: Any, tmp_path: Path) -> None:
    # Nothing of the original to quote: the message names what the check saw instead of printing
    # its {evidence} placeholder as written.
    # Another story under the copy's headline: compared (a story with its headline kept and its
    # text rewritten is the copy's), and none of its paragraphs is in the copy.
    headline = re.search(r"<h1[^>]*>(.*?)</h1>", Path(FIXTURES, "compliant.html").read_text(encoding="utf-8"), re.S)
    assert headline is not None
    page = Path("samples/dcnf/no-logo.html").read_text(encoding="utf-8")
    other = re.sub(r"<h1([^>]*)>.*?</h1>", lambda m: f"<h1{m.group(1)}>{headline.group(1)}</h1>", page, count=1, flags=re.S)
    original = tmp_path / "original.html"
    original.write_text(other, encoding="utf-8")
    run = cli("check", "--pack", "propublica", "--format", "json", "--original", str(original), f"{FIXTURES}/compliant.html")
    fidelity = [f for f in run.json()["files"][0]["findings"] if f["rule"] == "propublica/fidelity"]
    assert run.code == 1 and len(fidelity) == 1
    message = fidelity[0]["message"]
    assert "{" not in message
    assert message.startswith("The story is not ProPublica's text as published: none of the original's ")
    assert message.endswith(" paragraphs is in the republication.")


def test_a_faithful_copy_exits_0_with_the_comparison_as_evidence(cli: Any, tmp_path: Path) -> None:
    # The original's page differs from the copy's outside the story (the copy itself would not be
    # compared with).
    original = tmp_path / "original.html"
    original.write_text("<!-- saved from the publisher's site -->\n" + Path(FIXTURES, "compliant.html").read_text(encoding="utf-8"), encoding="utf-8")
    run = cli("check", "--pack", "propublica", "--format", "json", "--original", str(original), f"{FIXTURES}/compliant.html")
    entry = run.json()["files"][0]
    assert run.code == 0
    passed = {p["rule"]: p["evidence"] for p in entry["passed"]}
    assert passed["propublica/fidelity"] == "all 8 paragraphs of the original, unchanged beyond style, time and place edits"


def test_a_missing_original_file_is_a_user_error(cli: Any) -> None:
    run = cli("check", "--original", "no/such/original.html", f"{FIXTURES}/compliant.html")
    assert run.code == 2
    assert "--original: no such file" in run.err


def test_an_original_url_is_not_fetched_without_allow_fetch(cli: Any) -> None:
    run = cli("check", "--pack", "propublica", "--format", "json", "--meta", "original=http://127.0.0.1:9/story", f"{FIXTURES}/compliant.html")
    notices = [n["message"] for n in run.json()["files"][0]["notices"]]
    assert any("add --allow-fetch" in n for n in notices)


ORIGINAL_KINDS = ("original-byline", "original-headline", "fidelity", "original-links", "reused-photos")
# Which republication in samples/originals shows which kind failing (each names its original in a sidecar).
PAIRS = {
    "samples/originals/dcnf-faithful.txt": {},
    "samples/originals/dcnf-wrong-reporter.txt": {"original-byline": ["dcnf/original-reporter"]},
    "samples/originals/dcnf-agency-photo.txt": {"reused-photos": ["dcnf/reused-agency-photo"]},
    "samples/originals/propublica-faithful.md": {},
    "samples/originals/propublica-truncated.md": {"fidelity": ["propublica/fidelity"]},
    "samples/originals/propublica-edited.md": {"fidelity": ["propublica/fidelity", "propublica/fidelity"]},
    "samples/originals/propublica-links-dropped.md": {"original-links": ["propublica/original-links"]},
    "samples/originals/calmatters-faithful.md": {},
    "samples/originals/calmatters-headline-changed.md": {"original-headline": ["calmatters/original-headline"]},
}


def _kind_of_rules() -> dict[str, str]:
    from compliance.packfiles import load_packs

    rules = [rule for pack in load_packs() for rule in pack.rules]
    return {rule.id: rule.check.kind for rule in rules if rule.check.kind in ORIGINAL_KINDS and compares_with_original(rule.check)}


@pytest.mark.parametrize("sample", sorted(PAIRS))
def test_each_kind_reports_exactly_its_findings_on_the_pairs_and_passes_on_faithful_ones(cli: Any, sample: str) -> None:
    kinds = _kind_of_rules()
    entry = cli("check", "--format", "json", sample).json()["files"][0]
    found: dict[str, list[str]] = {}
    for finding in entry["findings"]:
        if finding["rule"] in kinds:
            found.setdefault(kinds[finding["rule"]], []).append(finding["rule"])
    assert found == PAIRS[sample]
    # Every compare-with-the-original rule of the pack was decided (passed or failed), none skipped.
    (pack,) = entry["packs"]
    decided = {p["rule"] for p in entry["passed"]} | {f["rule"] for f in entry["findings"]}
    assert _original_rules(pack) <= decided
    assert not [n for n in entry["notices"] if n["code"] in ("undecided", "original-unavailable")]


def _original_rules(pack_id: str) -> set[str]:
    from compliance.packfiles import load_packs

    pack = next(p for p in load_packs() if p.id == pack_id)
    rules = {rule.id for rule in pack.rules if rule.check.kind in ORIGINAL_KINDS and compares_with_original(rule.check)}
    assert rules, pack_id
    return rules


def test_a_reader_keeps_only_its_most_recent_originals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A server meets new originals for as long as it runs: what it keeps parsed must not grow.
    from compliance import originals

    monkeypatch.setattr(originals, "MAX_KEPT", 2)
    files = [write(tmp_path, f"original-{i}.html", f"<article><p>Story number {i}.</p></article>") for i in range(3)]
    reader = originals.OriginalReader()
    for file in files:
        reader.read(file.name, tmp_path)
    assert list(reader._read) == [str(files[1].resolve()), str(files[2].resolve())]
    assert "Story number 0" in reader.read(files[0].name, tmp_path).source


def test_threads_reading_many_originals_keep_the_bound_and_each_gets_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `syndcheck serve` checks articles in worker threads that share one reader.
    from concurrent.futures import ThreadPoolExecutor

    from compliance import originals

    monkeypatch.setattr(originals, "MAX_KEPT", 3)
    files = [write(tmp_path, f"original-{i}.html", f"<article><p>Story number {i}.</p></article>") for i in range(40)]
    reader = originals.OriginalReader()
    with ThreadPoolExecutor(max_workers=8) as pool:
        sources = list(pool.map(lambda i: reader.read(files[i % 40].name, tmp_path).source, range(400)))
    assert all(f"Story number {i % 40}." in source for i, source in enumerate(sources))
    assert len(reader._read) == 3


def test_threads_storing_one_url_leave_one_whole_copy_and_no_temporary_files(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from compliance import originals

    reader = originals.OriginalReader(allow_fetch=True, cache_dir=tmp_path)
    url = "http://127.0.0.1/story"
    bodies = [("<p>" + f"version {i} " * 20_000 + "</p>").encode() for i in range(16)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda body: reader._store(url, body, "text/html", url), bodies * 4))
    stored = [p for p in tmp_path.iterdir()]
    assert len(stored) == 1
    header, _, data = stored[0].read_bytes().partition(b"\n")
    assert header == b"text/html\t" + url.encode() and data in bodies


def test_a_role_after_two_reporters_of_the_original_credits_both(cli: Any, tmp_path: Path) -> None:
    # DCNF's own byline format, "NAME and NAME Contributor": the role is both reporters'.
    source = (ROOT / "samples/originals/dcnf-original.html").read_text(encoding="utf-8")
    assert '<p class="byline">Jake Smith Contributor</p>' in source
    original = write(tmp_path, "original.html", source.replace("Jake Smith Contributor", "Jake Smith and Anna Lee Contributor"))
    republished = (ROOT / "samples/dcnf/compliant-static.html").read_text(encoding="utf-8")
    assert "Jake Smith</a> Contributor" in republished
    one = write(tmp_path, "one.html", republished)
    both = write(tmp_path, "both.html", republished.replace("Jake Smith</a> Contributor", "Jake Smith</a> and Anna Lee Contributors"))

    run = cli("check", "--pack", "dcnf", "--format", "json", "--original", str(original), str(one), str(both))
    files = {Path(f["path"]).name: f for f in run.json()["files"]}
    (finding,) = [f for f in files["one.html"]["findings"] if f["rule"] == "dcnf/original-reporter"]
    assert "the original credits Jake Smith, Anna Lee;" in f"{finding['message']} {finding['evidence']}"
    assert "dcnf/original-reporter" in {p["rule"] for p in files["both.html"]["passed"]}
    assert not [f for f in files["both.html"]["findings"] if f["rule"] == "dcnf/original-reporter"]


# What the byline does wrong, as the finding's `{fault}` says it; None: the rule passes.
SHORTENS, LEAVES_OUT = "shortens the name of", "does not name"


@pytest.mark.parametrize(
    ("original_byline", "credited", "fault"),
    [
        # The initials the original itself prints.
        ("J. Smith", "J. Smith", None),
        # A given name the original writes out, cut to its initial: the reporter, but not the
        # reporter's byline.
        ("Jake Smith", "J. Smith", SHORTENS),
        ("Jake Smith", "J Smith", SHORTENS),
        ("Jake Robert Smith", "J.R. Smith", SHORTENS),
        ("Jake Robert Smith", "J. Robert Smith", SHORTENS),
        # Initials that disagree or add to the original, another given name with the same initial,
        # and the original's initials expanded into a name, credit no one.
        ("Jake Smith", "T. Smith", LEAVES_OUT),
        ("Jake Smith", "J. R. Smith", LEAVES_OUT),
        ("Richard (R.J.) Eskow", "R.X. Eskow", LEAVES_OUT),
        ("Jake Smith", "John Smith", LEAVES_OUT),
        ("J. Smith", "Jake Smith", LEAVES_OUT),
        # One credited name stands for one reporter: "J. Smith" is John cut short beside Jake,
        # and John is missing where it is alone.
        ("Jake Smith and John Smith", "Jake Smith and J. Smith", SHORTENS),
        ("Jake Smith and John Smith", "J. Smith", LEAVES_OUT),
    ],
)
def test_a_reporter_credited_by_initials_is_told_apart_from_one_named_as_the_original_does(
    cli: Any, tmp_path: Path, original_byline: str, credited: str, fault: str | None
) -> None:
    source = (ROOT / "samples/originals/dcnf-original.html").read_text(encoding="utf-8")
    original = write(tmp_path, "original.html", source.replace("Jake Smith Contributor", f"By {original_byline}"))
    republished = (ROOT / "samples/dcnf/compliant-static.html").read_text(encoding="utf-8")
    story = write(tmp_path, "story.html", republished.replace("Jake Smith</a> Contributor", f"{credited}</a>, Contributor"))
    run = cli("check", "--pack", "dcnf", "--format", "json", "--original", str(original), str(story))
    (report,) = run.json()["files"]
    failed = [f["message"] for f in report["findings"] if f["rule"] == "dcnf/original-reporter"]
    assert ("dcnf/original-reporter" in {p["rule"] for p in report["passed"]}) is (fault is None)
    assert [message.split(" the DCNF original's")[0] for message in failed] == ([] if fault is None else [f"The byline {fault}"])


@pytest.mark.parametrize(
    ("credited", "expected", "same"),
    [
        ("J.R. Smith", "Jake Robert Smith", True),
        ("JR Smith", "Jake Robert Smith", True),
        ("J. Smith", "Jake Robert Smith", True),
        ("José Díaz", "jose diaz", True),
        ("R.J. Eskow", "Richard Eskow", False),
        ("J.R.K. Smith", "Jake Robert Smith", False),
        ("Jake Smith", "J. Smith", False),
        ("Al Lee", "Alan Lee", False),
        ("Eskow", "Richard Eskow", False),
    ],
)
def test_same_person_lets_the_republication_abbreviate_given_names_only(credited: str, expected: str, same: bool) -> None:
    from compliance.checks.story import same_person

    assert same_person(credited, expected) is same


def test_names_and_missing_list_the_original_s_reporters_as_a_sentence_does(cli: Any, tmp_path: Path) -> None:
    head = "id: gz\nname: G\npublisher: G\nterms_url: https://e.org\nas_of: 2024-05-01\nsummary: s\n"
    pack = write(
        tmp_path,
        "p.yaml",
        head + "rules:\n  - id: gz/x\n    severity: error\n    message: 'credit {names}; missing {missing}'\n    help: h\n    check: {original-byline: {}}\n",
    )
    source = (ROOT / "samples/originals/dcnf-original.html").read_text(encoding="utf-8")
    original = write(tmp_path, "original.html", source.replace("Jake Smith Contributor", "Jake Smith, Anna Lee and Bo Diaz Jr. Contributors"))
    story = write(tmp_path, "story.html", "<article><h1>Title</h1><p>By Jake Smith</p><p>Story.</p></article>")
    run = cli("check", "--rules", str(pack), "--pack", "gz", "--format", "json", "--original", str(original), str(story))
    (finding,) = run.json()["files"][0]["findings"]
    assert finding["message"] == "credit Jake Smith, Anna Lee and Bo Diaz Jr.; missing Anna Lee and Bo Diaz Jr."


@pytest.mark.parametrize(
    ("reporter", "verdict"),
    [
        ("Jake Smith", "passed"),
        ("jake  smith", "passed"),  # case and spacing as typed in a form
        ("J. Smith", "findings"),  # an initial given does not stand for any given name (as an original's)
        ("Anna Lee", "findings"),
        ("Jake Smith and Anna Lee", "findings"),  # both must be credited
        ("Jake Smith, Anna Lee", "findings"),  # a list of people, not a byline with an outlet
        ("Jake Smith / Anna Lee", "findings"),
        ("Jake Smith, Daily Caller News Foundation", "passed"),  # the outlet is no reporter
        ("Smith, Jake", "passed"),  # surname first is one person
        ("", "not checked"),  # given empty: not checked, with a note
    ],
)
def test_the_reporter_metadata_names_the_reporter_to_credit_when_no_original_is_given(cli: Any, reporter: str, verdict: str) -> None:
    copy = ROOT / "samples/dcnf/compliant-static.html"
    run = cli("check", "--pack", "dcnf", "--format", "json", "--meta", f"reporter={reporter}", str(copy))
    (entry,) = run.json()["files"]
    outcome = {part: [item for item in entry[part] if item["rule"] == "dcnf/original-reporter"] for part in ("findings", "passed")}
    assert [part for part, items in outcome.items() if items] == ([] if verdict == "not checked" else [verdict])
    if verdict == "findings":
        named = ", ".join(part.strip() for part in re.split(r" and |,|/", reporter))
        assert f"the reporter given ('reporter' metadata) is {named};" in outcome["findings"][0]["message"]
    if "Anna Lee" in reporter and "Jake Smith" in reporter:  # the one left out is named
        assert outcome["findings"][0]["message"].endswith("(Anna Lee not credited)).")
    if verdict == "not checked":
        assert "rule dcnf/original-reporter not checked: it needs the article's 'reporter', which is empty" in [n["message"] for n in entry["notices"]]


def test_an_original_given_names_the_reporters_whatever_the_reporter_metadata_says(cli: Any, tmp_path: Path) -> None:
    original = ROOT / "samples/originals/dcnf-original.html"
    copy = ROOT / "samples/dcnf/compliant-static.html"
    run = cli("check", "--pack", "dcnf", "--format", "json", "--original", str(original), "--meta", "reporter=Anna Lee", str(copy))
    (entry,) = run.json()["files"]
    assert "dcnf/original-reporter" not in [f["rule"] for f in entry["findings"]]


def test_a_reporter_given_as_no_one_value_leaves_the_rule_not_checked_with_a_note(cli: Any, tmp_path: Path) -> None:
    copy = (ROOT / "samples/dcnf/byline-replaced.txt").read_text(encoding="utf-8")
    story = write(tmp_path, "story.md", "---\nreporter: {name: Jake Smith}\n---\n" + copy)
    (entry,) = cli("check", "--pack", "dcnf", "--format", "json", str(story)).json()["files"]
    assert "dcnf/original-reporter" not in [f["rule"] for f in entry["findings"] + entry["passed"]]
    assert any(n["message"].startswith("rule dcnf/original-reporter not checked: the article's 'reporter'") for n in entry["notices"])


def test_without_an_original_a_note_names_the_rules_that_compare_with_it(cli: Any) -> None:
    from compliance.loading import load_packs

    run = cli("check", "--format", "json", f"{FIXTURES}/compliant.html")
    entry = run.json()["files"][0]
    notes = [n for n in entry["notices"] if n["code"] == "no-original"]
    assert run.code == 0 and len(notes) == 1
    named = set(re.findall(r"[\w-]+/[\w-]+", notes[0]["message"].split(" compare the copy")[0]))
    comparing = {rule.id for pack in load_packs() if pack.id in entry["packs"] for rule in pack.rules if compares_with_original(rule.check)}
    assert named == comparing and "propublica/fidelity" in named
    assert "--original FILE" in notes[0]["message"]


def test_with_the_original_given_no_note_says_it_is_missing(cli: Any) -> None:
    run = cli("check", "--format", "json", "--original", f"{FIXTURES}/compliant.html", f"{FIXTURES}/compliant.html")
    assert not [n for n in run.json()["files"][0]["notices"] if n["code"] == "no-original"]


def test_the_note_is_not_a_rule_not_checked(cli: Any) -> None:
    # Most checks run without an original: --quiet and the summary leave it out, and concise output
    # says it once for the run, after the findings, not as a note of the file.
    text = cli("check", f"{FIXTURES}/compliant.html")
    assert re.search(r"note: not compared: [^\n]*propublica/fidelity[^\n]* compare the copy with the original story, and none was given", text.out)
    assert text.out.rstrip().endswith("1 file checked; no problems")
    quiet = cli("check", "--quiet", f"{FIXTURES}/compliant.html")
    assert quiet.code == 0 and "not compared" not in quiet.out
    concise = cli("check", "--format", "concise", f"{FIXTURES}/compliant.html")
    assert concise.out.startswith("note: not compared in 1 file: ") and concise.out.count("\n") == 1
    assert "syndcheck/not-checked" not in concise.out


def test_junit_skips_the_rules_that_compare_with_an_original_for_want_of_one(cli: Any) -> None:
    import xml.etree.ElementTree as ET

    run = cli("check", "--format", "junit", f"{FIXTURES}/compliant.html")
    skipped = {case.get("name"): case.find("skipped") for case in ET.fromstring(run.out).iter("testcase")}
    reason = skipped["propublica/fidelity"]
    assert reason is not None and reason.get("message", "").startswith("not compared: ")
    assert "propublica/fidelity" in reason.get("message", "") and "none was given" in reason.get("message", "")
