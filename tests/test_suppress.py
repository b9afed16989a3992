"""Inline suppressions: applied with a reason, reported without one, reported when unused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SAMPLES, write

NO_LOGO = (SAMPLES / "dcnf" / "no-logo.html").read_text(encoding="utf-8")
SEED_NO_LOGO = (SAMPLES / "dcnf" / "missing-logo-line.txt").read_text(encoding="utf-8")


def _rules(run: Any) -> list[tuple[str, str]]:
    return [(f["rule"], f["severity"]) for f in run.json()["files"][0]["findings"]]


def test_document_wide_suppression_with_reason(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.html", NO_LOGO.replace("</body>", "<!-- syndcheck-disable dcnf/logo -- logo runs in the print masthead -->\n</body>"))
    run = cli("check", "--format", "json", str(story))
    assert _rules(run) == []
    assert run.code == 0


@pytest.mark.parametrize("dash", ["\u2014", "\u2013", " \u2014 "])
def test_an_en_or_em_dash_separates_the_reason_as_two_hyphens_do(cli: Any, tmp_path: Path, dash: str) -> None:
    # A CMS's smart punctuation turns a typed "--" into a dash.
    story = write(tmp_path, "story.html", NO_LOGO.replace("</body>", f"<!-- syndcheck-disable dcnf/logo{dash}logo runs in the print masthead -->\n</body>"))
    run = cli("check", "--format", "json", str(story))
    assert (_rules(run), run.code) == ([], 0)
    assert run.json()["summary"]["suppressed"] == 1
    sarif = cli("check", "--format", "sarif", str(story)).json()
    assert [s["justification"] for r in sarif["runs"][0]["results"] for s in r.get("suppressions", [])] == ["logo runs in the print masthead"]


def test_a_suppressions_reason_is_shown_in_sarif_as_the_output_sanitiser_shows_page_text(cli: Any, tmp_path: Path) -> None:
    # The reason is the page's text: an escape sequence and a line break in it (which a CI log or
    # a code scanning alert would obey, or start a forged line with) are shown in visible form.
    reason = "\x1b[31m\r\n::error::forged \u202eevil"
    story = write(tmp_path, "story.html", NO_LOGO.replace("</body>", f"<!-- syndcheck-disable dcnf/logo -- {reason} -->\n</body>"))
    sarif = cli("check", "--format", "sarif", str(story)).json()
    (shown,) = [s["justification"] for r in sarif["runs"][0]["results"] for s in r.get("suppressions", [])]
    assert shown == "\\x1b[31m\\n::error::forged \\u202eevil"


@pytest.mark.parametrize(
    ("named", "message", "listed"),
    [
        ("dcnf/*", "Suppression names the glob 'dcnf/*', not a rule id: it matches {n} rules and suppresses none of them.", "dcnf/"),
        ("dcnf/l?go", "Suppression names the glob 'dcnf/l?go', not a rule id: it matches 1 rule and suppresses none of them.", "dcnf/logo"),
        ("*/byline", "Suppression names the glob '*/byline', not a rule id: it matches {n} rules and suppresses none of them.", "/byline"),
        ("dcnf", "Suppression names the pack 'dcnf', not a rule id: it matches {n} rules and suppresses none of them.", "dcnf/"),
        ("ALL", "Suppression names ALL, not a rule id: it matches {n} rules and suppresses none of them.", "calmatters/"),
    ],
)
def test_a_glob_or_pack_in_a_suppression_is_named_as_one_and_suppresses_nothing(cli: Any, tmp_path: Path, named: str, message: str, listed: str) -> None:
    from compliance.selection import matches

    story = write(tmp_path, "story.html", NO_LOGO.replace("</body>", f"<!-- syndcheck-disable {named} -- logo runs in the print masthead -->\n</body>"))
    run = cli("check", "--format", "json", str(story))
    refused = [f for f in run.json()["files"][0]["findings"] if f["rule"] == "syndcheck/unknown-rule-in-suppression"]
    from compliance.engine import PAGE_RULES
    from compliance.findings import SUPPRESSION_RULES
    from compliance.loading import load_packs

    known = {*(rule.id for pack in load_packs() for rule in pack.rules), *SUPPRESSION_RULES, *PAGE_RULES}
    matching = sorted(rule for rule in known if matches(named, rule))
    count = len(matching)
    assert listed in matching[0]
    # Not an unknown rule: a glob (or pack) that matches rules, named as what it is.
    assert [(f["severity"], f["message"]) for f in refused] == [("error", message.format(n=count))]
    assert "unknown" not in refused[0]["message"]
    assert refused[0]["help"].startswith("A suppression names each rule it covers by its id, separated by commas")
    # The rules it matches, the first four by name: the ids to write instead.
    more = f" and {count - 4} more" if count > 4 else ""
    assert refused[0]["help"].endswith(f"'{named}' matches {', '.join(matching[:4])}{more}.")
    # It suppresses nothing.
    assert ("dcnf/logo", "error") in _rules(run)


@pytest.mark.parametrize(
    ("named", "message", "hint"),
    [
        ("dnf/*", "Suppression names the glob 'dnf/*', which matches no rule.", "A suppression names each rule"),
        ("*/bylines", "Suppression names the glob '*/bylines', which matches no rule.", "A suppression names each rule"),
        ("dcfn", "Suppression names 'dcfn', which matches no rule.", "Did you mean 'dcnf'?"),
        # A rule id that does not exist stays an unknown rule, with "did you mean".
        ("dcnf/lgo", "Suppression names unknown rule 'dcnf/lgo'.", "Did you mean 'dcnf/logo'?"),
    ],
)
def test_a_name_that_matches_no_rule_says_so_plainly(cli: Any, tmp_path: Path, named: str, message: str, hint: str) -> None:
    story = write(tmp_path, "story.html", NO_LOGO.replace("</body>", f"<!-- syndcheck-disable {named} -- logo runs in the print masthead -->\n</body>"))
    run = cli("check", "--format", "json", str(story))
    refused = [f for f in run.json()["files"][0]["findings"] if f["rule"] == "syndcheck/unknown-rule-in-suppression"]
    assert [(f["severity"], f["message"]) for f in refused] == [("error", message)]
    assert refused[0]["help"].startswith(hint)
    assert ("dcnf/logo", "error") in _rules(run)


@pytest.mark.parametrize("fmt", ["text", "concise", "github", "gitlab", "junit", "sarif", "json"])
def test_every_format_says_the_same_words(cli: Any, tmp_path: Path, fmt: str) -> None:
    comment = "<!-- syndcheck-disable dcnf/*, dnf/* -- logo runs in the print masthead -->"
    story = write(tmp_path, "story.html", NO_LOGO.replace("</body>", f"{comment}\n</body>"))
    out = cli("check", "--format", fmt, str(story)).out
    assert "Suppression names the glob 'dcnf/*', not a rule id: it matches" in out
    assert "Suppression names the glob 'dnf/*', which matches no rule." in out
    assert "unknown rule" not in out


def test_suppression_without_reason_is_not_applied_and_is_reported(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.html", NO_LOGO.replace("</body>", "<!-- syndcheck-disable dcnf/logo -->\n</body>"))
    run = cli("check", "--format", "json", str(story))
    assert sorted(_rules(run)) == [("dcnf/logo", "error"), ("syndcheck/suppression-without-reason", "warning")]


def test_unused_suppression_is_a_warning(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.html", NO_LOGO.replace("</body>", "<!-- syndcheck-disable dcnf/byline -- reporter asked to stay anonymous -->\n</body>"))
    run = cli("check", "--format", "json", str(story))
    findings = run.json()["files"][0]["findings"]
    unused = [f for f in findings if f["rule"] == "syndcheck/unused-suppression"]
    assert len(unused) == 1
    assert unused[0]["message"] == "Suppression of dcnf/byline is unused: nothing it names was found in the document."
    assert run.code == 1  # dcnf/logo is still an error


def test_disable_next_applies_to_the_next_line_only_in_a_text_article(cli: Any, tmp_path: Path) -> None:
    lines = SEED_NO_LOGO.split("\n")
    byline_index = lines.index("Jake Smith Contributor")
    lines.insert(byline_index, "<!-- syndcheck-disable-next dcnf/affiliation -- affiliation is in the print edition -->")
    story = write(tmp_path, "story.txt", "\n".join(lines))
    run = cli("check", "--format", "json", str(story))
    assert _rules(run) == [("dcnf/logo", "error")]


# Text that looks like a suppression comment but is not one: whoever writes an image's alt
# text, a script or a code sample must not switch the licensor's checks off.
_DIRECTIVE = "<!-- syndcheck-disable dcnf/logo,dcnf/affiliation -- n/a -->"


@pytest.mark.parametrize(
    "lookalike",
    [
        f'<p><img src="/photo.jpg" alt="{_DIRECTIVE}"></p>',
        f"<textarea>{_DIRECTIVE}</textarea>",
        f"<script>/* {_DIRECTIVE} */</script>",
        f"<style>/* {_DIRECTIVE} */</style>",
        f"<title>{_DIRECTIVE}</title>",
        "<p>Editors write &lt;!-- syndcheck-disable dcnf/logo -- n/a --&gt; to silence it.</p>",
        f'<a href="#" title="{_DIRECTIVE}">x</a>',
    ],
)
def test_text_that_looks_like_a_comment_in_html_suppresses_nothing(cli: Any, tmp_path: Path, lookalike: str) -> None:
    story = write(tmp_path, "story.html", NO_LOGO.replace("</body>", f"{lookalike}\n</body>"))
    run = cli("check", "--format", "json", str(story))
    assert ("dcnf/logo", "error") in _rules(run)
    assert run.json()["summary"]["suppressed"] == 0
    assert run.code == 1


@pytest.mark.parametrize(
    "prefix",
    [
        f"Write `{_DIRECTIVE}` to silence it.\n\n",
        f"```\n{_DIRECTIVE}\n```\n\n",
        f"~~~html\n{_DIRECTIVE}\n~~~\n\n",
        f"    {_DIRECTIVE}\n\n",
        f"![{_DIRECTIVE}](/photo.jpg)\n\n",
    ],
)
def test_a_comment_in_markdown_code_or_alt_text_suppresses_nothing(cli: Any, tmp_path: Path, prefix: str) -> None:
    story = write(tmp_path, "story.md", prefix + SEED_NO_LOGO)
    run = cli("check", "--format", "json", str(story))
    assert sorted(_rules(run)) == [("dcnf/affiliation", "error"), ("dcnf/logo", "error")]
    assert run.json()["summary"]["suppressed"] == 0


@pytest.mark.parametrize("prefix", [f"{_DIRECTIVE}\n\n", f"The print edition carries the logo. {_DIRECTIVE}\n\n"])
def test_a_raw_html_comment_in_markdown_suppresses(cli: Any, tmp_path: Path, prefix: str) -> None:
    story = write(tmp_path, "story.md", prefix + SEED_NO_LOGO)
    run = cli("check", "--format", "json", str(story))
    assert _rules(run) == []
    assert run.json()["summary"]["suppressed"] == 2


def test_disable_next_applies_to_the_next_line_in_a_markdown_article(cli: Any, tmp_path: Path) -> None:
    lines = SEED_NO_LOGO.split("\n")
    byline_index = lines.index("Jake Smith Contributor")
    lines[byline_index:byline_index] = ["<!-- syndcheck-disable-next dcnf/affiliation -- affiliation is in the print edition -->", ""]
    story = write(tmp_path, "story.md", "\n".join(lines))
    run = cli("check", "--format", "json", str(story))
    assert _rules(run) == [("dcnf/logo", "error")]


@pytest.mark.parametrize(
    ("line", "suppressed"),
    [
        (f"Editors write {_DIRECTIVE} to silence it.", 0),
        (f"{_DIRECTIVE} and then some text", 0),
        (f"<!-- a note --> text {_DIRECTIVE}", 0),
        (f"   {_DIRECTIVE}   ", 2),
    ],
)
def test_in_a_text_article_only_a_comment_alone_on_its_line_suppresses(cli: Any, tmp_path: Path, line: str, suppressed: int) -> None:
    story = write(tmp_path, "story.txt", f"{line}\n{SEED_NO_LOGO}")
    run = cli("check", "--format", "json", str(story))
    assert run.json()["summary"]["suppressed"] == suppressed
    assert len(_rules(run)) == 2 - suppressed


@pytest.mark.parametrize(
    "where",
    [
        lambda page, comment: f"{comment}\n{page}",  # before <html>
        lambda page, comment: page.replace("</body>", f'<div style="display:none">{comment}</div>\n</body>'),
        lambda page, comment: page.replace("</body>", f"<textarea>{comment}</textarea><p>x</p>{comment}\n</body>"),
    ],
)
def test_a_real_comment_anywhere_in_an_html_page_suppresses(cli: Any, tmp_path: Path, where: Any) -> None:
    story = write(tmp_path, "story.html", where(NO_LOGO, "<!-- syndcheck-disable dcnf/logo -- the logo runs in the print masthead -->"))
    run = cli("check", "--format", "json", str(story))
    assert _rules(run) == []
    assert run.json()["summary"]["suppressed"] == 1


def test_a_suppression_is_reported_where_its_comment_starts(cli: Any, tmp_path: Path) -> None:
    comment = "<!-- syndcheck-disable\n  dcnf/byline -- x -->"
    page = NO_LOGO.replace("</body>", f'<img alt="<!-- syndcheck-disable dcnf/byline -- x -->"> <p>x</p>  {comment}\n</body>')
    story = write(tmp_path, "story.html", page)
    run = cli("check", "--no-inline-suppressions", str(story))
    line = page[: page.index("<p>x</p>")].count("\n") + 1
    column = len(page[: page.index("<!-- syndcheck-disable\n")].rsplit("\n", 1)[-1]) + 1
    assert f"1 suppression comment in the document not obeyed (dcnf/byline at {line}:{column})" in run.out


def test_fix_obeys_only_real_comments_as_check_does(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.html", NO_LOGO.replace("</body>", f'<img src="/p.jpg" alt="{_DIRECTIVE}">\n</body>'))
    run = cli("fix", "--meta", "logo-url=https://dailycallernewsfoundation.org/dcnf-logo.png", str(story))
    assert "Daily Caller News Foundation logo" in run.out


@pytest.mark.parametrize("line_break", ["\n", "\r\n", "\r"])
def test_disable_next_governs_the_next_line_whatever_the_line_breaks(cli: Any, tmp_path: Path, line_break: str) -> None:
    lines = SEED_NO_LOGO.split("\n")
    byline_index = lines.index("Jake Smith Contributor")
    lines.insert(byline_index, "<!-- syndcheck-disable-next dcnf/affiliation -- affiliation is in the print edition -->")
    story = write(tmp_path, "story.txt", line_break.join(lines).encode("utf-8"))
    run = cli("check", "--format", "json", str(story))
    assert _rules(run) == [("dcnf/logo", "error")]
    assert run.json()["summary"]["suppressed"] == 1
