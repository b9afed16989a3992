"""A byline of a person's initials alone ("By J. S., Daily Caller News Foundation") and a Global
Voices credit that cuts the author's given name to its initial ("This story by D. Toktogulov
originally appeared on Global Voices …") are put right where they stand: `fix` writes the name in
place of the initials or the cut name, never a second byline beside the first, which would leave a
reader two. Every pack's original-reporter rule fails a byline of initials alone, the Texas
Tribune's and The Conversation's too (their rules compare only a byline that is there, and such a
byline is there). A byline that names the reporter, an outlet's byline ("By AP"), and a credit that
writes the name out are left as they are."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write

PP_URL = "https://www.propublica.org/article/rates-rise"

# (pack, the byline with initials, the byline fix writes, the extra --meta the pack's other fixes need)
INITIALS_HTML = [
    ("dcnf", "By J. S., Daily Caller News Foundation", "By Jake Smith, Daily Caller News Foundation", "Jake Smith"),
    ("dcnf", "By M.L., Daily Caller News Foundation", "By Maria Lopez, Daily Caller News Foundation", "Maria Lopez"),
    ("propublica", "By J. R. S., ProPublica", "By Jake Robert Smith, ProPublica", "Jake Robert Smith"),
    ("propublica", "By É. D. | ProPublica | June 3, 2025", "By Émilie Dubois | ProPublica | June 3, 2025", "Émilie Dubois"),
    ("texas-tribune", "By J. S., The Texas Tribune", "By Jake Smith, The Texas Tribune", "Jake Smith"),
    ("texas-tribune", "By A.B., The Texas Tribune · March 2, 2026", "By Ana Bell, The Texas Tribune · March 2, 2026", "Ana Bell"),
]


def _html(byline: str) -> str:
    return f'<article>\n<h1>Rates rise</h1>\n<p class="byline">{byline}</p>\n<p>Rates rose again.</p>\n</article>\n'


def _fix(cli: Any, path: Path, pack: str, reporter: str, *extra: str) -> Any:
    return cli("fix", "--write", "--pack", pack, "--meta", f"reporter={reporter}", "--meta", f"original-url={PP_URL}", *extra, str(path))


@pytest.mark.parametrize(("pack", "byline", "fixed", "reporter"), INITIALS_HTML)
def test_fix_writes_the_name_in_place_of_initials_in_an_html_byline(cli: Any, tmp_path: Path, pack: str, byline: str, fixed: str, reporter: str) -> None:
    copy = write(tmp_path, "copy.html", _html(byline))
    run = _fix(cli, copy, pack, reporter)
    text = copy.read_text(encoding="utf-8")
    assert f'<p class="byline">{fixed}</p>' in text, run.err
    # One byline: the initials are gone, no second byline went in beside them.
    assert text.count('class="byline"') == 1 and byline not in text
    assert "in the byline with" in run.err and 'inserted \'<p class="byline">' not in run.err


@pytest.mark.parametrize(
    ("pack", "name", "lines", "fixed"),
    [
        ("propublica", "copy.md", ["# Rates rise", "", "By J. S., ProPublica", "", "Rates rose again."], "By Jake Smith, ProPublica"),
        (
            "dcnf",
            "copy.md",
            ["# Rates rise", "", "*By J. S., Daily Caller News Foundation*", "", "Rates rose again."],
            "*By Jake Smith, Daily Caller News Foundation*",
        ),
        ("texas-tribune", "copy.txt", ["Rates rise", "", "By J.S., The Texas Tribune", "", "Rates rose again."], "By Jake Smith, The Texas Tribune"),
        # initials alone, with no outlet after them: the credit the fix writes goes in their place
        ("dcnf", "copy.txt", ["Rates rise", "", "By J.S.", "", "Rates rose again."], "By Jake Smith, Daily Caller News Foundation"),
    ],
)
def test_fix_writes_the_name_in_place_of_initials_in_markdown_and_text(cli: Any, tmp_path: Path, pack: str, name: str, lines: list[str], fixed: str) -> None:
    copy = write(tmp_path, name, "\n".join(lines) + "\n")
    run = _fix(cli, copy, pack, "Jake Smith")
    text = copy.read_text(encoding="utf-8")
    assert fixed in text.splitlines(), run.err
    assert lines[2] not in text and text.count("By ") == 1


def test_initials_after_which_another_outlet_stands_are_replaced_with_the_whole_credit(cli: Any, tmp_path: Path) -> None:
    # "Hill Country News" is not ProPublica: it goes with the initials, as with "By Staff, …".
    copy = write(tmp_path, "copy.md", "# Rates rise\n\nBy J. S., Hill Country News\n\nRates rose again.\n")
    run = _fix(cli, copy, "propublica", "Jake Smith")
    text = copy.read_text(encoding="utf-8")
    assert "By Jake Smith, ProPublica" in text.splitlines() and "Hill Country News" not in text, run.err


@pytest.mark.parametrize(
    ("pack", "byline"),
    [
        # the reporter's byline as the terms ask
        ("dcnf", "By Jake Smith, Daily Caller News Foundation"),
        ("texas-tribune", "By Jake Smith, The Texas Tribune"),
        ("propublica", "By Jake Smith, ProPublica"),
    ],
)
def test_a_byline_naming_the_reporter_is_left_as_it_is(cli: Any, tmp_path: Path, pack: str, byline: str) -> None:
    copy = write(tmp_path, "copy.html", _html(byline))
    run = _fix(cli, copy, pack, "Jake Smith")
    assert f'<p class="byline">{byline}</p>' in copy.read_text(encoding="utf-8")
    assert "in the byline with" not in run.err


# --- the Texas Tribune and The Conversation compare a byline of initials alone --------------------


@pytest.mark.parametrize(
    ("pack", "byline", "reporter"),
    [
        ("texas-tribune", "By J. S., The Texas Tribune", "Jake Smith"),
        ("texas-tribune", "By R.I. | The Texas Tribune", "Rosa Ibarra"),
        ("the-conversation", "By J. S., The Conversation", "Jake Smith, University of Utah"),
        ("dcnf", "By J. S., Daily Caller News Foundation", "Jake Smith"),
        ("propublica", "By J. S., ProPublica", "Jake Smith"),
    ],
)
def test_every_packs_original_reporter_fails_a_byline_of_initials_alone(cli: Any, tmp_path: Path, pack: str, byline: str, reporter: str) -> None:
    copy = write(tmp_path, "copy.html", _html(byline))
    run = cli("check", "--format", "json", "--pack", pack, "--meta", f"reporter={reporter}", str(copy))
    (finding,) = [f for f in run.json()["files"][0]["findings"] if f["rule"] == f"{pack}/original-reporter"]
    assert finding["severity"] == "error"
    assert f"the republication has '{byline}'" in finding["message"]


@pytest.mark.parametrize(
    ("pack", "byline"),
    [
        # the Tribune's terms let the Tribune alone be credited; initials without their full stops are an outlet's
        ("texas-tribune", "By The Texas Tribune"),
        ("texas-tribune", "By AP, The Texas Tribune"),
        ("the-conversation", "By The Conversation"),
    ],
)
def test_a_byline_of_an_outlet_alone_is_still_not_compared(cli: Any, tmp_path: Path, pack: str, byline: str) -> None:
    copy = write(tmp_path, "copy.html", _html(byline))
    run = cli("check", "--format", "json", "--pack", pack, "--meta", "reporter=Jake Smith", str(copy))
    assert f"{pack}/original-reporter" not in {f["rule"] for f in run.json()["files"][0]["findings"]}


def test_byline_problem_initials_matches_initials_with_their_full_stops_only(cli: Any, tmp_path: Path) -> None:
    pack = write(
        tmp_path,
        "pack.yaml",
        "id: initials-demo\nname: Demo\npublisher: Demo\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\nrules:\n"
        "  - id: initials-demo/initials\n    severity: warning\n    message: The byline gives initials alone.\n    help: Write the name out.\n"
        "    check:\n      not:\n        byline: {person: false, problem: initials}\n",
    )
    found = {}
    for byline in ("By J. S., The Courier", "By J.S.", "By AP", "By Jake Smith", "By The Courier"):
        copy = write(tmp_path, "copy.html", _html(byline))
        run = cli("check", "--format", "json", "--rules", str(pack), "--pack", "initials-demo", str(copy))
        found[byline] = [f["rule"] for f in run.json()["files"][0]["findings"]]
    assert found == {
        "By J. S., The Courier": ["initials-demo/initials"],
        "By J.S.": ["initials-demo/initials"],
        "By AP": [],
        "By Jake Smith": [],
        "By The Courier": [],
    }


# --- Global Voices: the author's name written out where it stands ---------------------------------

GV = [
    ("Daniyar Toktogulov", "D. Toktogulov", "https://globalvoices.org/2025/11/14/kyrgyz-herders-move-north/", "November 14, 2025"),
    ("Ana Silva", "A. Silva", "https://globalvoices.org/2026/03/02/seed-banks/", "March 2, 2026"),
    ("Juan García López", "J. García López", "https://globalvoices.org/2024/07/09/manila-floods-return/", "July 9, 2024"),
]


def _gv_original(tmp_path: Path, author: str, url: str) -> Path:
    return write(
        tmp_path,
        "original.html",
        f'<html><head><link rel="canonical" href="{url}"></head><body><article>\n<h1>Herders move</h1><p>Written by {author}</p>\n'
        "<p>Herders in the Naryn region moved their flocks north earlier than ever this autumn.</p></article></body></html>\n",
    )


def _gv_credit_md(author: str, url: str, day: str) -> str:
    return (
        f"This story by {author} originally appeared on [Global Voices]({url}) on {day}. It is republished under a "
        "[Creative Commons Attribution license](https://creativecommons.org/licenses/by/3.0/)."
    )


@pytest.mark.parametrize(("author", "short", "url", "day"), GV)
def test_gv_fix_writes_the_author_out_in_the_credit_line_in_place(cli: Any, tmp_path: Path, author: str, short: str, url: str, day: str) -> None:
    original = _gv_original(tmp_path, author, url)
    copy = write(tmp_path, "copy.md", f"# Herders move\n\n{_gv_credit_md(short, url, day)}\n\nHerders moved north.\n")
    run = cli("fix", "--write", "--pack", "global-voices", "--original", str(original), str(copy))
    assert copy.read_text(encoding="utf-8") == f"# Herders move\n\n{_gv_credit_md(author, url, day)}\n\nHerders moved north.\n", run.err
    assert f"fixed global-voices/original-reporter: replaced '{short}' in the credit line with '{author}'" in run.err
    assert cli("check", "--pack", "global-voices", "--original", str(original), str(copy)).code == 0


@pytest.mark.parametrize(("author", "short", "url", "day"), GV)
def test_gv_fix_writes_the_author_out_in_an_html_credit_line_with_its_link(cli: Any, tmp_path: Path, author: str, short: str, url: str, day: str) -> None:
    original = _gv_original(tmp_path, author, url)
    credit = (
        f'<p>This story by <a href="https://globalvoices.org/author/x/">{{}}</a> originally appeared on <a href="{url}">Global Voices</a> on {day}.'
        ' It is republished under a <a href="https://creativecommons.org/licenses/by/3.0/">Creative Commons Attribution license</a>.</p>'
    )
    copy = write(tmp_path, "copy.html", f"<article><h1>Herders move</h1>\n{credit.format(short)}\n<p>Herders moved north.</p></article>\n")
    run = cli("fix", "--write", "--pack", "global-voices", "--original", str(original), str(copy))
    assert copy.read_text(encoding="utf-8") == f"<article><h1>Herders move</h1>\n{credit.format(author)}\n<p>Herders moved north.</p></article>\n", run.err


@pytest.mark.parametrize(("author", "short", "url", "day"), GV)
def test_gv_fix_writes_the_author_out_in_the_byline(cli: Any, tmp_path: Path, author: str, short: str, url: str, day: str) -> None:
    original = _gv_original(tmp_path, author, url)
    copy = write(tmp_path, "copy.md", f"# Herders move\n\nBy {short}\n\nHerders moved north.\n")
    run = cli("fix", "--write", "--pack", "global-voices", "--original", str(original), str(copy))
    assert copy.read_text(encoding="utf-8").splitlines()[:3] == ["# Herders move", "", f"By {author}"], run.err
    assert f"fixed global-voices/original-reporter: replaced '{short}' in the byline with '{author}'" in run.err


def test_gv_fix_with_the_name_cut_in_the_byline_and_the_credit_line_writes_it_out_once(cli: Any, tmp_path: Path) -> None:
    # The name written out in the credit line credits the author (the byline beside it is the same
    # person's): the credit line, which the terms name, gets it, and the rule passes.
    author, short, url, day = GV[0]
    original = _gv_original(tmp_path, author, url)
    copy = write(tmp_path, "copy.md", f"# Herders move\n\nBy {short}\n\n{_gv_credit_md(short, url, day)}\n\nHerders moved north.\n")
    run = cli("fix", "--write", "--pack", "global-voices", "--original", str(original), str(copy))
    assert copy.read_text(encoding="utf-8") == f"# Herders move\n\nBy {short}\n\n{_gv_credit_md(author, url, day)}\n\nHerders moved north.\n", run.err
    assert cli("check", "--pack", "global-voices", "--original", str(original), str(copy)).code == 0


@pytest.mark.parametrize(
    "credit",
    [
        # the name as the original writes it; the original's own initials are no cut
        "This story by Daniyar Toktogulov originally appeared on [Global Voices]({url}) on {day}.",
        "This story by DANIYAR TOKTOGULOV originally appeared on [Global Voices]({url}) on {day}.",
    ],
)
def test_gv_fix_leaves_a_credit_line_writing_the_name_out(cli: Any, tmp_path: Path, credit: str) -> None:
    author, _, url, day = GV[0]
    original = _gv_original(tmp_path, author, url)
    text = f"# Herders move\n\n{credit.format(url=url, day=day)}\n\nD. Toktogulov said herders moved north.\n"
    copy = write(tmp_path, "copy.md", text)
    run = cli("fix", "--pack", "global-voices", "--original", str(original), str(copy))
    assert "original-reporter" not in run.err
    assert copy.read_text(encoding="utf-8") == text


def test_gv_fix_writes_the_author_out_in_a_translations_credit_line(cli: Any, tmp_path: Path) -> None:
    author, short, url, _ = GV[0]
    original = _gv_original(tmp_path, author, url)
    credit = "Este artículo de {} se publicó originalmente en [Global Voices]({}) el 14 de noviembre de 2025."
    text = "# Los pastores se mudan\n\n{}\n\nLos pastores se mudaron al norte.\n"
    copy = write(tmp_path, "copia.md", text.format(credit.format(short, url)))
    run = cli("fix", "--write", "--pack", "global-voices", "--original", str(original), str(copy))
    assert copy.read_text(encoding="utf-8") == text.format(credit.format(author, url)), run.err


def test_gv_fix_adds_no_byline_to_a_page_without_one(cli: Any, tmp_path: Path) -> None:
    # No byline and no credit line: the author rule's credit line is the fix, never an English "By" line.
    author, _, url, _ = GV[0]
    original = _gv_original(tmp_path, author, url)
    copy = write(tmp_path, "copy.md", "# Herders move\n\nHerders moved north.\n")
    run = cli("fix", "--pack", "global-voices", "--original", str(original), str(copy))
    assert f"By {author}" not in run.out and "original-reporter: inserted" not in run.err
