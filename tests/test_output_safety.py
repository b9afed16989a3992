"""Untrusted text is shown safely by every output format and on stderr.

File names, payload ids, metadata, page text, evidence and pack text reach the output. Whatever
they hold, no output may carry a raw control, C1 or bidirectional character or a lone surrogate,
no field may start a new line (a GitHub workflow command such as `::add-mask::` on a line of its
own), and the machine formats must parse with strict parsers.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.cli import _report_bug, _say
from compliance.display import visible
from compliance.errors import InputError
from compliance.findings import Detection, Finding, Location, Notice, Passed, Report, Severity
from compliance.formatters import FORMATTERS, FormatContext
from compliance.formatters.context import ArticleSource, BaselineOutcome
from compliance.formatters.pipeline import display_path
from compliance.formatters.text import format_report, format_resolved, format_timings
from tests.conftest import ROOT

# What must never reach a terminal or CI log raw (written out here, independently of the code).
# Besides controls: characters that show nothing (two names that look alike differ by one) and
# U+FFFE/U+FFFF, which XML cannot carry.
RAW_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u034f\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ud800-\udfff\ufeff\ufffe\uffff]"
)
NASTY = [
    "\n::error file=x.html::forged",
    "\r\n::add-mask::secret",
    # A file name may start a line itself (the text and concise formats, fix notes).
    "::add-mask::x.html",
    "  ::error file=x::pwned.html",
    "\x1b]8;;https://evil.example/\x07click\x1b]8;;\x07",
    "\x1b]0;title\x07",
    "\x1b[2J",
    "abc\u202eexe.html",
    "\x85next line",
    "\u2028::warning::x",
    "caf\udce9.html",
    "\ud800",
    "%0A::error::x",
    "a,b:c",
    "story\u200b.html",
    "x\ufeff\u2060y\u00ad",
    "\ufffe\uffff",
]
TEXT = st.one_of(st.sampled_from(NASTY), st.text(st.characters(blacklist_categories=()), max_size=24))
SEVERITY = st.sampled_from(list(Severity))


@st.composite
def reports(draw: Any) -> Report:
    findings = tuple(
        Finding(
            draw(TEXT),
            draw(SEVERITY),
            draw(TEXT),
            draw(TEXT),
            Location(draw(st.integers(1, 99)), draw(st.integers(1, 99))),
            draw(st.none() | TEXT),
            draw(TEXT),
            draw(st.none() | TEXT),
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    passed = tuple(Passed(draw(TEXT), draw(TEXT), Location(1, 1), draw(TEXT)) for _ in range(draw(st.integers(0, 2))))
    codes = st.sampled_from(["skipped", "internal-error", "missing-meta", "unreadable"])
    notices = tuple(Notice(draw(codes), draw(TEXT)) for _ in range(draw(st.integers(0, 2))))
    detections = tuple(Detection(draw(TEXT), 0.5, (draw(TEXT),), draw(st.booleans())) for _ in range(draw(st.integers(0, 1))))
    return Report(
        path=draw(TEXT),
        packs=tuple(draw(TEXT) for _ in range(draw(st.integers(0, 2)))),
        findings=findings,
        passed=passed,
        notices=notices,
        detections=detections,
        checked=draw(st.booleans()),
    )


def _assert_safe_lines(output: str, *, commands_allowed: int = 0) -> None:
    assert RAW_UNSAFE.search(output) is None, repr(output)
    commands = [line for line in output.split("\n") if line.lstrip().startswith("::")]
    assert len(commands) == commands_allowed, commands


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def _strict_json(text: str) -> Any:
    """Parse as a strict consumer would: valid UTF-8, and no string holding a lone surrogate."""
    document = json.loads(text.encode("utf-8").decode("utf-8", "strict"))
    for string in _strings(document):
        string.encode("utf-8")  # raises on a lone surrogate
    return document


CONTEXT = FormatContext(base_dir="/repo", tool_version="1.0")
KINDS = st.sampled_from(["html", "text", "markdown"])


def offered_formats() -> list[str]:
    """Every format the CLI can write (`--format`, `--output FORMAT=`, the GitHub job summary), from the code."""
    from compliance.cli import OutputFormat

    choices = {f.value for f in OutputFormat if f is not OutputFormat.auto}
    assert choices <= set(FORMATTERS), choices - set(FORMATTERS)
    return sorted(set(FORMATTERS))


@st.composite
def contexts(draw: Any, batch: list[Report]) -> FormatContext:
    """A context carrying untrusted text too: the articles as checked (the HTML report shows them),
    configuration changes and a baseline's resolved entries."""
    from compliance.baseline import BaselineEntry
    from compliance.config import RuleAdjustment

    sources = {report.path: ArticleSource(draw(st.one_of(TEXT, st.sampled_from(ARTICLES))), draw(KINDS)) for report in batch if draw(st.booleans())}
    adjusted = tuple(RuleAdjustment(draw(TEXT), draw(st.none() | SEVERITY), draw(TEXT)) for _ in range(draw(st.integers(0, 2))))
    resolved = tuple(BaselineEntry(fingerprint="f", rule=draw(TEXT), path=draw(TEXT), message=draw(TEXT)) for _ in range(draw(st.integers(0, 1))))
    baseline = BaselineOutcome(draw(TEXT), 1, resolved, resolved) if draw(st.booleans()) else None
    return FormatContext(base_dir="/repo", tool_version="1.0", sources=sources, adjusted_rules=adjusted, baseline=baseline)


# Articles whose own text holds what must not reach a log raw, inside text, attributes and <pre>.
ARTICLES = [
    "<article><h1>Hi \x1b]0;owned\x07\n::error::forged</h1><p>By Jake Smith</p></article>",
    '<p title="x\n::add-mask::secret">a\u202eb\x85c\u2028::warning::d</p><pre>\n  ::error file=a::b\r\n::notice::c</pre>',
    "plain line\n::error::forged\n\x1b[2J",
]


@settings(max_examples=120, deadline=None, database=None, derandomize=True)
@given(st.lists(reports(), min_size=1, max_size=3).flatmap(lambda batch: st.tuples(st.just(batch), contexts(batch))))
def test_every_format_shows_untrusted_text_safely(drawn: tuple[list[Report], FormatContext]) -> None:
    from compliance.formatters.concise import format_concise_report
    from compliance.formatters.json import format_json_line
    from compliance.formatters.summary import summarize
    from compliance.formatters.text import format_adjustments, format_summary

    batch, context = drawn
    findings = sum(len(r.findings) for r in batch)
    for name in offered_formats():
        output = FORMATTERS[name](batch, context)
        if name in ("json", "sarif", "gitlab"):
            _assert_safe_lines(output)
            _strict_json(output)
        elif name == "jsonl":
            _assert_safe_lines(output)
            assert len([_strict_json(line) for line in output.splitlines()]) == len(batch)
        elif name == "junit":
            _assert_safe_lines(output)
            ET.fromstring(output.encode("utf-8"))
        elif name == "github":
            # A finding, a configuration change, or a document not checked: an error when that fails
            # the run, a warning when it was skipped (every document not checked has one command).
            not_checked = sum(not r.checked for r in batch)
            _assert_safe_lines(output, commands_allowed=findings + len(context.adjusted_rules) + not_checked)
            assert all(re.match(r"::(error|warning|notice) file=[^:,\n]*,line=\d+,col=\d+,title=[^:,\n]*::", line) for line in output.splitlines())
        else:
            _assert_safe_lines(output)
    # The streamed forms of text, concise and JSON lines, and the text summary's lines.
    _assert_safe_lines(format_summary(summarize(batch)) + format_adjustments(context.adjusted_rules))
    for report in batch:
        _assert_safe_lines(format_concise_report(report))
        _assert_safe_lines(format_json_line(report))
        block = format_report(report, explain_detection=True)
        _assert_safe_lines(block)
        # One line for the file, then only the formatter's own lines: each field stays on its line.
        expected = 1 + len(report.notices) + 2 * len(report.findings) + sum(bool(f.evidence) + bool(f.detail) for f in report.findings) + len(report.passed)
        assert len(block.splitlines()) == expected + len([line for line in block.splitlines() if line.startswith("  detection:")])


def test_the_html_report_shows_the_article_text_safely() -> None:
    """The article itself (not only the fields of the report) goes through the sanitiser."""
    article = ARTICLES[0]
    report = Report(path="ht.html", packs=("dcnf",), checked=True)
    for kind in ("html", "text"):
        output = FORMATTERS["html"]([report], FormatContext(sources={"ht.html": ArticleSource(article, kind)}))
        _assert_safe_lines(output)
        assert "\\x1b]0;owned\\x07" in output
        assert ":error::forged" in output  # shown, never at the start of a line
    assert "\n&#58;:error::forged" in FORMATTERS["html"]([report], FormatContext(sources={"ht.html": ArticleSource(article)}))


def test_the_job_summary_shows_a_line_break_in_a_file_name_as_other_formats_do() -> None:
    report = Report(path="h1/a\nb.html", findings=(Finding("p/r", Severity.ERROR, "m", "h", Location(1, 1)),), packs=("p",))
    summary = FORMATTERS["github-summary"]([report], CONTEXT)
    assert "| h1/a\\\\nb.html |" in summary  # Markdown source for the text a\nb.html
    assert "a\\nb.html" in format_report(report).splitlines()[0]


# Text a page may hold that GitHub's Markdown would make a link of, besides the unsafe above.
ADDRESSES = [
    "https://evil.example/login",
    "see HTTPS://EVIL.EXAMPLE.",
    "ftp://files.example/x",
    "(www.evil.example)",
    "Www.evil.example/path",
    "write to reporter@evil.example",
    "mailto:reporter@evil.example",
    "xmpp:someone@evil.example",
    "a\\://b and a\\@b.example",
    "*https://evil.example*",
    "[click](https://evil.example)",
    "<a href=https://evil.example>x</a>",
    "&lt;www.evil.example&gt; | x@y.example |",
]


@settings(max_examples=150, deadline=None, database=None, derandomize=True)
@given(st.one_of(st.sampled_from(ADDRESSES), TEXT), st.one_of(st.sampled_from(ADDRESSES), TEXT))
def test_the_job_summary_renders_untrusted_text_as_text_in_githubs_own_markdown(path: str, message: str) -> None:
    # cmark-gfm is GitHub's Markdown, with the extensions GitHub turns on (tables, autolinks,
    # strikethrough, the tag filter): the job summary is read by it.
    import cmarkgfm
    import lxml.html

    report = Report(path=path, findings=(Finding("p/r", Severity.ERROR, message, "h", Location(3, 1)),), packs=("p",))
    rendered = cmarkgfm.github_flavored_markdown_to_html(FORMATTERS["github-summary"]([report], CONTEXT))
    page = lxml.html.document_fromstring(rendered)
    assert page.xpath("//a | //script | //img | //em | //strong | //code | //del") == [], rendered
    (row,) = page.xpath("//tbody/tr")
    # (A table cell's text is its content without the white space at either end.)
    cells = [cell.text_content() for cell in row.xpath("td")]
    shown = [visible(display_path(path, CONTEXT.base_dir)), "3", "error", "p/r", visible(message)]
    assert cells == [text.replace("\t", " ").strip() for text in shown], rendered


@settings(max_examples=120, deadline=None, database=None, derandomize=True)
@given(TEXT, TEXT, TEXT)
def test_stderr_and_side_outputs_show_untrusted_text_safely(path: str, what: str, hint: str) -> None:
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        _say(f"syndcheck: error: {InputError(what, path=path, hint=hint).one_line()}")
        _report_bug(f"while checking {path}", RuntimeError(what))
    err = stderr.getvalue()
    _assert_safe_lines(err)
    assert len(err.splitlines()) == 3
    from compliance.baseline import BaselineEntry

    entry = BaselineEntry(fingerprint="f", rule=what, path=path, message=hint)
    resolved = format_resolved(BaselineOutcome(path, 1, (entry,), (entry,)))
    _assert_safe_lines(resolved)
    assert len(resolved.splitlines()) == 3
    _assert_safe_lines(format_timings({f"rule {what}": [0.1]}))


def test_json_keeps_safe_text_exact_and_escapes_the_rest() -> None:
    name = "Zürich \u202ebriefing\x85.html"
    output = FORMATTERS["json"]([Report(path=name, checked=False)], CONTEXT)
    assert "\\u202e" in output and "\\u0085" in output
    assert json.loads(output)["files"][0]["path"] == name  # parsed, the value is exactly the file name


def test_a_file_name_that_is_not_utf8_is_shown_with_byte_escapes_in_every_format() -> None:
    name = b"caf\xe9 story.html".decode("utf-8", "surrogateescape")
    report = Report(path=name, findings=(Finding("p/r", Severity.ERROR, "m", "h", Location(1, 1)),), packs=("p",))
    assert _strict_json(FORMATTERS["json"]([report], CONTEXT))["files"][0]["path"] == "caf\\xe9 story.html"
    sarif = _strict_json(FORMATTERS["sarif"]([report], CONTEXT))
    assert sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "caf%E9%20story.html"
    assert _strict_json(FORMATTERS["gitlab"]([report], CONTEXT))[0]["location"]["path"] == "caf\\xe9 story.html"
    assert format_report(report).splitlines()[0] == "caf\\xe9 story.html  [p]"
    assert "file=caf\\xe9 story.html," in FORMATTERS["github"]([report], CONTEXT)


@pytest.mark.parametrize(
    ("raw", "path", "path_bytes"),
    [
        (b"caf\xe9.html", "caf\\xe9.html", "caf%E9.html"),
        (b"caf\xe9 story.html", "caf\\xe9 story.html", "caf%E9%20story.html"),
        (b"d\xff/x\\y.html", "d\\xff/x\\y.html", "d%FF/x%5Cy.html"),
        # Names that are UTF-8 have none, a real backslash in them too: `path` is their name.
        (b"caf\\xe9.html", "caf\\xe9.html", None),
        ("caf\u00e9.html".encode(), "caf\u00e9.html", None),
        (b"samples/dcnf/no-logo.html", "samples/dcnf/no-logo.html", None),
    ],
)
def test_a_file_name_that_is_not_utf8_also_has_its_bytes_in_json(raw: bytes, path: str, path_bytes: str | None) -> None:
    name = raw.decode("utf-8", "surrogateescape")
    report = Report(path=name, packs=("p",))
    for entry in (_strict_json(FORMATTERS["json"]([report], CONTEXT))["files"][0], _strict_json(FORMATTERS["jsonl"]([report], CONTEXT))):
        assert entry["path"] == path
        assert entry.get("path_bytes") == path_bytes
        if path_bytes is not None:
            assert urllib.parse.unquote_to_bytes(entry["path_bytes"]) == raw


def test_two_files_whose_names_read_the_same_are_told_apart_in_json() -> None:
    escaped = Report(path=b"caf\xe9.html".decode("utf-8", "surrogateescape"))
    literal = Report(path="caf\\xe9.html")
    first, second = _strict_json(FORMATTERS["json"]([escaped, literal], CONTEXT))["files"]
    assert first["path"] == second["path"]
    assert (first.get("path_bytes"), second.get("path_bytes")) == ("caf%E9.html", None)


def test_a_payload_id_with_a_lone_surrogate_has_no_bytes_to_give() -> None:
    entry = _strict_json(FORMATTERS["json"]([Report(path="<stdin>#1 (x\ud800\udc85)")], CONTEXT))["files"][0]
    assert "path_bytes" not in entry


def test_a_github_annotation_names_a_file_with_a_line_break_by_its_real_name() -> None:
    # The runner decodes %0A and %0D in a property: the annotation lands on the file itself. An
    # escape character has no such encoding and is shown escaped, never raw.
    report = Report(path="news/nl\nname\r\x1b[2J.html", findings=(Finding("p/r", Severity.ERROR, "m", "h", Location(1, 1)),), packs=("p",))
    assert FORMATTERS["github"]([report], CONTEXT) == "::error file=news/nl%0Aname%0D\\x1b[2J.html,line=1,col=1,title=p/r::m%0Ah\n"


def test_visible_escapes() -> None:
    assert visible("a\x1b[31mb\n\u202ec\udcff\ud800\x85\t") == "a\\x1b[31mb\\n\\u202ec\\xff\\ud800\\x85\t"


def test_characters_that_show_nothing_and_those_xml_cannot_carry_are_shown_escaped() -> None:
    assert visible("story\u200b.html") == "story\\u200b.html"
    assert visible("a\u200c\u200d\u2060\ufeff\u00ad\u034f\u180eb") == "a\\u200c\\u200d\\u2060\\ufeff\\xad\\u034f\\u180eb"
    assert visible("\ufffe\uffff\ufffd\U0010ffff") == "\\ufffe\\uffff\ufffd\U0010ffff"
    # A visible joiner's neighbours stay: only the invisible characters are escaped.
    assert visible("naïve café 北京 ‐") == "naïve café 北京 ‐"


HOSTILE_PACK = r"""id: evil
name: "Evil\e]0;title\a Gazette\n::add-mask::x"
publisher: "Evil \u202eetteza\u202c"
terms_url: "https://example.org/terms\e[2J"
as_of: 2024-01-01
summary: s
confidence: "partial\x85::warning::from\u2028the page"
rules:
  - id: evil/rule
    severity: error
    # a comment with a raw bidi override: ‮gnp.exe
    terms: "Keep the\e]8;;https://evil.example/\a link\e]8;;\a"
    message: "Logo gone\n::error file=x.html::forged"
    help: "Add it back\r\n::add-mask::secret \u2066hidden\u2069"
    check: {text: {phrase: 'credit ‮ line'}}
"""


def test_rules_explain_shows_pack_text_safely(cli: Any, tmp_path: Any) -> None:
    folder = tmp_path / "packs\x1b[31m\n::error::dir"
    folder.mkdir()
    (folder / "evil.yaml").write_text(HOSTILE_PACK, encoding="utf-8")
    run = cli("rules", "explain", "--rules", str(folder), "evil/rule")
    assert run.code == 0, run.err
    _assert_safe_lines(run.out)
    assert "Logo gone\\n::error file=x.html::forged" in run.out
    assert "credit \\u202e line" in run.out  # the rule's YAML, shown as written but safely
    assert "packs\\x1b[31m\\n::error::dir" in run.out


def test_config_show_shows_paths_and_values_safely(cli: Any, tmp_path: Any) -> None:
    folder = tmp_path / "desk\x1b]0;title\x07\n::add-mask::x"
    folder.mkdir()
    (folder / ".syndcheck.yaml").write_text('exclude: ["drafts\\e[2J/**", "old\\u202e/**"]\n', encoding="utf-8")
    (folder / "story.html").write_bytes(b"<p>A story.</p>")  # config show names an article that exists
    run = cli("config", "show", str(folder / "story.html"))
    assert run.code == 0, run.err
    _assert_safe_lines(run.out)
    assert "exclude: drafts\\x1b[2J/**, old\\u202e/**" in run.out
    assert "desk\\x1b]0;title\\x07\\n::add-mask::x" in run.out


@settings(max_examples=60, deadline=None, database=None, derandomize=True)
@given(st.lists(reports(), max_size=4), st.booleans())
def test_json_written_in_pieces_is_the_json_of_the_whole_document(batch: list[Report], with_baseline: bool) -> None:
    from compliance.config import RuleAdjustment
    from compliance.display import json_output
    from compliance.formatters.json import iter_json, report_dict
    from compliance.formatters.summary import summarize

    context = FormatContext(
        adjusted_rules=(RuleAdjustment("dcnf/logo", None, ".syndcheck.yaml"),) if with_baseline else (),
        baseline=BaselineOutcome("base\u2028line.json", 3, ()) if with_baseline else None,
    )
    whole: dict[str, Any] = {"version": 1, "files": [report_dict(r) for r in batch], "summary": summarize(batch).as_dict()}
    if with_baseline:
        whole["summary"]["configured"] = [a.as_dict() for a in context.adjusted_rules]
        whole["baseline"] = {"file": "base\u2028line.json", "known": 3, "resolved": [], "not_checked": []}
    pieces = list(iter_json(iter(batch), context))
    assert len(pieces) == len(batch) + 2
    assert "".join(pieces) == json_output(json.dumps(whole, indent=2, ensure_ascii=False)) + "\n"


# -- try-out s48: one rule for an untrusted name in every SARIF field a person reads ---------------

HOSTILE_NAMES = [
    "story\x1b[31m red\x1b[0m.html",
    "\u202egnp.html",
    "two\nlines ::error::x.html",
    "tab\tand\u2028sep\u2066.html",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
@pytest.mark.parametrize("in_payload", [False, True], ids=["file", "payload-article"])
def test_a_hostile_name_shows_the_same_in_every_sarif_field_and_in_the_line_formats(name: str, in_payload: bool) -> None:
    path = f"{name}#3 (id\u202e\x1b[2J)" if in_payload else name
    finding = Finding("p/r", Severity.ERROR, "m", "h", Location(2, 1))
    notices = (Notice("missing-meta", "rule p/s not checked: no reporter"),)
    passed = (Passed("p/t", "ok", Location(1, 1)),)
    report = Report(path=path, findings=(finding,), notices=notices, passed=passed, packs=("p",), payload=name if in_payload else None)
    shown = visible(path)
    run = _strict_json(FORMATTERS["sarif"]([report], CONTEXT))["runs"][0]
    (result,) = run["results"]
    (notification,) = run["invocations"][0]["toolExecutionNotifications"]
    if in_payload:
        assert result["message"]["text"].startswith(f"m (in {shown}, line 2 of the article's HTML)\n")
        assert notification["message"]["text"] == f"rule p/s not checked: no reporter (in {shown})"
        for where in (result["locations"][0], notification["locations"][0]):
            assert where["logicalLocations"] == [{"name": shown, "kind": "object"}]
        assert run["properties"]["passed"][0]["article"] == shown
    # Nowhere a person reads does the name appear raw: each field holds it escaped, or not at all.
    for text in (result["message"]["text"], notification["message"]["text"]):
        assert RAW_UNSAFE.search(text.replace("\n", "")) is None
    # The line formats show it as SARIF does.
    assert format_report(report).splitlines()[0].startswith(shown)
    assert f"{shown}:2:1:" in FORMATTERS["concise"]([report], CONTEXT)
    assert shown.replace("&", "&amp;") in FORMATTERS["junit"]([report], CONTEXT)
    # JSON is data: parsed, its path is the name exactly.
    assert json.loads(FORMATTERS["json"]([report], CONTEXT))["files"][0]["path"] == path


def test_page_and_pack_text_in_sarif_messages_is_shown_escaped_its_lines_kept() -> None:
    finding = Finding("p/r", Severity.ERROR, "byline \u202eevil\x1b[2J", "fix\u2066 it", Location(1, 1), detail="why\x85 so")
    run = _strict_json(FORMATTERS["sarif"]([Report(path="a.html", findings=(finding,), packs=("p",))], CONTEXT))["runs"][0]
    assert run["results"][0]["message"]["text"] == "byline \\u202eevil\\x1b[2J\nWhy: why\\x85 so\nFix: fix\\u2066 it"
    assert run["tool"]["driver"]["rules"][0]["shortDescription"]["text"] == "byline \\u202eevil\\x1b[2J"
    # Properties are data: the evidence and detail as the JSON report keeps them.
    assert run["results"][0]["properties"]["detail"] == "why\x85 so"


@pytest.mark.parametrize("raw", ["\x07", "\x1b[31m", "\x9b31m", "\x85", "\u202e", "\u2066", "\u200f"], ids=["C0", "ESC", "CSI", "NEL", "RLO", "LRI", "RLM"])
def test_gitlab_description_and_body_are_shown_escaped_as_sarif_messages_are(raw: str) -> None:
    # GitLab shows both to people in the merge-request widget: page and pack text in them holds the
    # visible escape, as SARIF's message.text does; the JSON report keeps the exact text (data).
    finding = Finding("p/r", Severity.ERROR, f"byline 'Jake{raw} Smith'", f"fix{raw} it\nthen{raw}", Location(2, 1))
    report = Report(path="a.html", findings=(finding,), packs=("p",))
    (issue,) = _strict_json(FORMATTERS["gitlab"]([report], CONTEXT))
    shown = visible(raw)
    assert shown != raw
    assert issue["description"] == f"byline 'Jake{shown} Smith'"
    assert issue["content"]["body"] == f"fix{shown} it\nthen{shown}"
    sarif = _strict_json(FORMATTERS["sarif"]([report], CONTEXT))["runs"][0]["results"][0]["message"]["text"]
    assert sarif.startswith(issue["description"] + "\n")
    assert json.loads(FORMATTERS["json"]([report], CONTEXT))["files"][0]["findings"][0]["message"] == finding.message


def test_gitlab_description_of_a_checked_page_with_c1_and_bidi_controls_holds_no_raw_control(cli: Any, tmp_path: Path) -> None:
    page = tmp_path / "bidi-byline.html"
    page.write_text(
        "<p>By Jake \u202eSmith\u202c , Daily Caller News Foundation \x9b31m</p>\n<p>The story.</p>\n"
        '<img alt="Daily Caller News Foundation logo\u202e" src="dcnf-logo.png">',
        encoding="utf-8",
    )
    run = cli("check", "--format", "gitlab", str(page))
    assert run.code == 1, run.err
    issues = _strict_json(run.out)
    assert issues
    for issue in issues:
        assert RAW_UNSAFE.search(issue["description"]) is None, issue["description"]
        assert RAW_UNSAFE.search(issue["content"]["body"].replace("\n", "")) is None
    assert any("\\x9b31m" in issue["description"] for issue in issues)


@pytest.mark.parametrize(
    "args",
    [
        ("check",),
        ("check", "--format", "concise"),
        ("check", "--statistics"),
        ("check", "--format", "concise", "--statistics"),
        ("check", "--timing"),
        ("fix",),
        ("fix", "--write"),
    ],
)
def test_a_file_name_that_starts_a_line_never_makes_it_a_workflow_command(cli: Any, tmp_path: Path, monkeypatch: Any, args: tuple[str, ...]) -> None:
    # The text and concise formats and fix's notes start lines with the file's name: one named
    # like a GitHub workflow command is shown as the same file, "./::add-mask::x.html".
    article = (ROOT / "samples" / "dcnf" / "no-logo.html").read_bytes()
    for name in ("::add-mask::x.html", "::error file=x::pwned.html"):
        (tmp_path / name).write_bytes(article)
    monkeypatch.chdir(tmp_path)
    # Named as a user names them (fix takes files only), or found in the folder.
    run = cli(*args, "::add-mask::x.html", "::error file=x::pwned.html") if args[0] == "fix" else cli(*args, ".")
    assert run.code in (0, 1), run.err
    output = run.out + run.err
    assert [line for line in output.split("\n") if line.lstrip().startswith("::")] == []
    if "--statistics" not in args:
        assert "./::add-mask::x.html" in output
