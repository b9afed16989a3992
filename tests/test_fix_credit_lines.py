"""`syndcheck fix` writes the credit lines whose words the terms give: CalMatters' top line ("This
story was originally published by CalMatters. Sign up for their newsletters.", print without the
newsletter sentence) and The 19th's "Originally published by The 19th" linked to the original; the
fixed copy then passes the rule. A credit whose words depend on what is not known (the outlet of a
States Newsroom story) is left for the editor."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.conftest import ROOT

CALMATTERS = ROOT / "samples" / "calmatters" / "compliant-wordpress.html"
THE_19TH = ROOT / "samples" / "the-19th" / "compliant-wordpress.html"
NINETEENTH_URL = "https://19thnews.org/2024/03/home-health-aides-paid-sick-leave-organizing/"


def _without(tmp_path: Path, sample: Path, pattern: str, name: str = "copy.html") -> Path:
    source = sample.read_text(encoding="utf-8")
    stripped, count = re.subn(pattern, "", source)
    assert count == 1
    copy = tmp_path / name
    copy.write_text(stripped, encoding="utf-8")
    return copy


def _verdicts(cli: Any, path: Path, pack: str, *args: str) -> dict[str, str]:
    (entry,) = cli("check", "--format", "json", "--pack", pack, *args, str(path)).json()["files"]
    found = {f["rule"]: "failed" for f in entry["findings"]}
    return found | {p["rule"]: "passed" for p in entry["passed"] if p["rule"] not in found}


def test_calmatters_top_line_is_written_with_its_newsletter_sentence(cli: Any, tmp_path: Path) -> None:
    copy = _without(tmp_path, CALMATTERS, r"<p><em>This story was originally published by .*?</em></p>")
    assert _verdicts(cli, copy, "calmatters")["calmatters/credit-line"] == "failed"
    run = cli("fix", "--write", "--pack", "calmatters", str(copy))
    assert "fixed calmatters/credit-line: inserted" in run.err, run.err
    fixed = copy.read_text(encoding="utf-8")
    assert 'Sign up for their <a href="https://calmatters.org/newsletters/">newsletters</a>.</p>' in fixed
    verdicts = _verdicts(cli, copy, "calmatters")
    assert verdicts["calmatters/credit-line"] == verdicts["calmatters/newsletter-line"] == "passed"


def test_calmatters_print_line_leaves_the_newsletter_sentence_out(cli: Any, tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_text(
        "Fair Plan now covers most homes in 40 ZIP codes\n\nBy Rosa Ibarra, CalMatters\n\n"
        "California's insurer of last resort now covers most homes in 40 ZIP codes.\n\nThe second paragraph.\n",
        encoding="utf-8",
    )
    run = cli("fix", "--write", "--pack", "calmatters", str(copy))
    assert "fixed calmatters/credit-line: inserted" in run.err, run.err
    fixed = copy.read_text(encoding="utf-8")
    assert "This story was originally published by CalMatters.\n" in fixed and "newsletters" not in fixed
    assert _verdicts(cli, copy, "calmatters")["calmatters/credit-line"] == "passed"


def test_the_19th_credit_links_the_original(cli: Any, tmp_path: Path) -> None:
    copy = _without(tmp_path, THE_19TH, r'<p class="credit-line"><em>This article was originally published by .*?</em></p>')
    assert _verdicts(cli, copy, "the-19th")["the-19th/credit"] == "failed"
    run = cli("fix", "--write", "--pack", "the-19th", f"--meta=original-url={NINETEENTH_URL}", str(copy))
    assert "fixed the-19th/credit: inserted" in run.err, run.err
    assert f'<p>Originally published by <a href="{NINETEENTH_URL}">The 19th</a>.</p>' in copy.read_text(encoding="utf-8")
    assert _verdicts(cli, copy, "the-19th", f"--meta=original-url={NINETEENTH_URL}")["the-19th/credit"] == "passed"


def test_the_19th_credit_without_the_originals_address_is_left_for_the_editor(cli: Any, tmp_path: Path) -> None:
    copy = _without(tmp_path, THE_19TH, r'<p class="credit-line"><em>This article was originally published by .*?</em></p>')
    before = copy.read_text(encoding="utf-8")
    run = cli("fix", "--write", "--pack", "the-19th", str(copy))
    assert "not fixed: the-19th/credit: needs the original story's URL" in run.err, run.err
    assert "Originally published by" not in copy.read_text(encoding="utf-8").replace(before, "")


def test_a_credit_whose_outlet_the_page_does_not_name_is_not_guessed(cli: Any, tmp_path: Path) -> None:
    # "This story first appeared in <the outlet's name>": which of States Newsroom's outlets
    # published the story is read from the page (its "Via" line, its byline's outlet) or given;
    # a guess would credit the wrong one (tests/test_fix_publisher_credits.py has the fixes).
    copy = tmp_path / "copy.txt"
    copy.write_text("Lawmakers pass budget\n\nBy Jane Doe, Stateline\n\nLawmakers passed the budget on Tuesday.\n", encoding="utf-8")
    run = cli("fix", "--pack", "states-newsroom", "--meta", "medium=print", str(copy))
    assert "+This story first appeared in Stateline." in run.out, run.out
    copy.write_text("Lawmakers pass budget\n\nBy Jane Doe\n\nLawmakers passed the budget on Tuesday.\n", encoding="utf-8")
    run = cli("fix", "--pack", "states-newsroom", "--meta", "medium=print", str(copy))
    assert "not fixed: states-newsroom/credit: needs 'outlet': give --meta outlet=VALUE" in run.err, run.err
    assert run.out == ""
