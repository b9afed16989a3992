"""`syndcheck fix` on a copy whose byline credits someone else ("By Staff", another person): the
reporter's credit goes in place of that name, keeping the rest of the byline (its date), so a
reader sees one byline, in HTML, Markdown and plain text alike; when that is not safe the block is
inserted and the note says to take the old byline out. Also: a block placed next to one inserted
before lands where the check of the fix had it, and the note gives the line it is on; a plain-text
line that stands for an image says so."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from compliance.engine import CheckSettings
from compliance.fixes import apply_edits, plan_fixes
from compliance.packfiles import load_packs

PACKS = load_packs()
LOGO = "https://example.org/dcnf-logo.png"
CREDIT = "Hailey Norwood, Daily Caller News Foundation"
STORY = "A Senate committee voted 12-10 on Thursday to advance a border security bill after four hours of debate."
LICENSE = "Content created by The Daily Caller News Foundation is available without charge to any eligible news publisher."


def _fix(cli: Any, tmp_path: Path, name: str, content: str, *meta: str) -> tuple[Any, str]:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    args = [f"--meta={m}" for m in ("reporter=Hailey Norwood", f"logo-url={LOGO}", *meta)]
    run = cli("fix", "--write", "--pack", "dcnf", *args, str(path))
    return run, path.read_text(encoding="utf-8")


def _html(byline: str) -> str:
    return (
        "<html><body><article>\n<header><h1>Border bill moves forward</h1>\n"
        f"{byline}\n</header>\n<p>{STORY}</p>\n<p><em>{LICENSE}</em></p>\n</article></body></html>\n"
    )


@pytest.mark.parametrize(
    ("byline", "shown"),
    [
        # WordPress's entry meta: the author link, then the date
        (
            '<div class="entry-meta"><span class="byline">By <span class="author vcard"><a href="/author/staff/">Staff</a></span></span>'
            ' <time datetime="2024-06-21">June 21, 2024</time></div>',
            "Staff",
        ),
        # a desk, with the time after a middle dot
        ('<p class="byline">By Web Desk · 9:00 a.m.</p>', "Web Desk"),
        # the outlet's staff in other words
        ('<p class="byline">Written by Newsroom Staff, 21 June 2024</p>', "Newsroom Staff"),
    ],
)
def test_an_html_byline_crediting_someone_else_gets_the_reporter_in_place_of_its_name(cli: Any, tmp_path: Path, byline: str, shown: str) -> None:
    run, fixed = _fix(cli, tmp_path, "copy.html", _html(byline))
    assert run.code == 0, run.err
    headline = "<header><h1>Border bill moves forward</h1>\n"
    logo = f'<p><img src="{LOGO}" alt="Daily Caller News Foundation logo"></p>\n'
    # A link or hCard around the wrong name points at that person's page: it goes with the name.
    run_of_names = next((m.group(0) for m in re.finditer(r"<span class=\"author vcard\"><a [^>]*>" + re.escape(shown) + "</a></span>", byline)), shown)
    assert fixed == _html(byline.replace(run_of_names, CREDIT)).replace(headline, headline + logo)
    assert f"fixed dcnf/byline: replaced {shown!r} in the byline with {CREDIT!r}" in run.err
    assert cli("check", "--pack", "dcnf", str(tmp_path / "copy.html")).code == 0


@pytest.mark.parametrize(
    ("name", "byline", "shown"),
    [
        ("copy.md", "By Staff", "Staff"),
        ("copy.txt", "By Editorial Staff, 21 June 2024", "Editorial Staff"),
        ("copy.md", "Por Redacción, 21 de junio", "Redacción"),
    ],
)
def test_markdown_and_text_bylines_are_replaced_as_html_ones_are(cli: Any, tmp_path: Path, name: str, byline: str, shown: str) -> None:
    heading = "# " if name.endswith(".md") else ""
    logo = f"![Daily Caller News Foundation logo]({LOGO})\n\n" if name.endswith(".md") else "Daily Caller News Foundation logo\n"
    source = f"{heading}Border bill moves forward\n\n{byline}\n\n{STORY}\n\n{LICENSE}\n"
    run, fixed = _fix(cli, tmp_path, name, source)
    assert run.code == 0, run.err
    assert fixed == source.replace(f"{byline}\n", logo + byline.replace(shown, CREDIT) + "\n")
    assert fixed.count("Hailey Norwood") == 1 and shown not in fixed


def test_a_byline_already_crediting_the_reporter_is_not_replaced(cli: Any, tmp_path: Path) -> None:
    # the reporter is named: only the affiliation (the logo beside the byline) is missing
    run, fixed = _fix(cli, tmp_path, "copy.html", _html('<p class="byline">By Hailey Norwood · June 21</p>'))
    assert run.code == 0, run.err
    assert "By Hailey Norwood · June 21" in fixed and "replaced" not in run.err


@pytest.mark.parametrize(
    "byline",
    [
        # the credit split across elements: no one run of text to replace
        '<p class="byline">By <b>News</b> Staff</p>',
        # the name shown twice in the byline: no single place to replace
        '<p class="byline">By Staff <small>Staff</small></p>',
    ],
)
def test_where_replacing_is_not_safe_no_second_byline_goes_in_and_the_old_one_is_named(cli: Any, tmp_path: Path, byline: str) -> None:
    # A second byline beside the old one would leave a reader two: the fix says which to edit.
    run, fixed = _fix(cli, tmp_path, "copy.html", _html(byline))
    assert byline in fixed and f'<p class="byline">By {CREDIT}</p>' not in fixed
    text = " ".join(re.sub(r"<[^>]+>", "", byline).split())
    said = "the byline cannot be edited in place, and a second one beside it would leave a reader two"
    assert f"not fixed: dcnf/byline: {said} — edit the byline at line 3: write 'By {CREDIT}' in place of {text!r}" in run.err


def test_the_logo_goes_in_before_a_byline_the_fix_cannot_edit_and_is_told_at_its_line(cli: Any, tmp_path: Path) -> None:
    # The logo goes before the byline; the byline, which no edit in place puts right, is left for
    # the editor, with no second one beside it.
    source = _html('<p class="byline">By <b>News</b> Staff</p>')
    settings = CheckSettings(packs=PACKS, path="copy.html", meta={"reporter": "Hailey Norwood", "logo-url": LOGO})
    plan = plan_fixes(source.encode(), "html", settings)
    assert apply_edits(plan.text_before, plan.edits) == plan.text_after
    run, fixed = _fix(cli, tmp_path, "copy.html", source)
    lines = fixed.splitlines()
    logo = lines.index(f'<p><img src="{LOGO}" alt="Daily Caller News Foundation logo"></p>') + 1
    assert lines[logo] == '<p class="byline">By <b>News</b> Staff</p>' and f'<p class="byline">By {CREDIT}</p>' not in fixed
    # The byline to edit is named at its line in the file as it came, above the logo put in.
    old = source.splitlines().index('<p class="byline">By <b>News</b> Staff</p>') + 1
    assert f"copy.html:{logo}: fixed dcnf/logo" in run.err and f"edit the byline at line {old}: write 'By {CREDIT}'" in run.err
    # only previewed: at the line of the file as it is, where it goes (before the old byline)
    (tmp_path / "again.html").write_text(source, encoding="utf-8")
    preview = cli("fix", "--pack", "dcnf", "--meta=reporter=Hailey Norwood", f"--meta=logo-url={LOGO}", str(tmp_path / "again.html"))
    assert f"again.html:{old}: would fix dcnf/logo" in preview.err and f"edit the byline at line {old}:" in preview.err


def test_a_text_line_that_stands_for_the_logo_says_layout_places_the_image(cli: Any, tmp_path: Path) -> None:
    source = f"Border bill moves forward\n\nBy Hailey Norwood, Daily Caller News Foundation\n\n{STORY}\n\n{LICENSE}\n"
    run, fixed = _fix(cli, tmp_path, "copy.txt", source)
    assert "Daily Caller News Foundation logo\nBy Hailey Norwood" in fixed
    assert (
        "copy.txt:3: fixed dcnf/logo: inserted 'Daily Caller News Foundation logo' before the byline (the line stands for the image"
        " 'Daily Caller News Foundation logo': put the image there in layout and take the line out)"
    ) in run.err
    # Markdown and HTML get the image itself: no such note
    markdown, _ = _fix(cli, tmp_path, "copy.md", source)
    assert "stands for the image" not in markdown.err


URL = "https://www.propublica.org/article/welds"
CREDIT_LINE = "This story was originally published by ProPublica."
WELDS = "Inspectors signed off on 41 welds in a single morning."


@pytest.mark.parametrize(
    ("name", "source", "moved"),
    [
        (
            "copy.html",
            f"<html><body><article>\n<h1>Welds</h1>\n<p>By Pat Doe, ProPublica</p>\n<p>{WELDS}</p>\n<p>Second.</p>\n"
            f"<p>{CREDIT_LINE}</p>\n</article></body></html>\n",
            6,
        ),
        # emphasised, as many themes print it
        ("copy.md", f"# Welds\n\nBy Pat Doe, ProPublica\n\n{WELDS}\n\nSecond.\n\n*{CREDIT_LINE}*\n", 9),
        # other case and spacing: read as the same line
        ("copy.md", f"# Welds\n\nBy Pat Doe, ProPublica\n\n{WELDS}\n\nthis story was  originally published by ProPublica.\n\nSecond.\n", 7),
    ],
)
def test_a_credit_line_in_the_wrong_place_is_moved_not_repeated(cli: Any, tmp_path: Path, name: str, source: str, moved: int) -> None:
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    run = cli("fix", "--write", "--pack", "propublica", f"--meta=original-url={URL}", str(path))
    fixed = path.read_text(encoding="utf-8")
    linked = f"[ProPublica]({URL})" if name.endswith(".md") else f'<a href="{URL}">ProPublica</a>'
    assert fixed.count("originally published by") == 1 and f"originally published by {linked}." in fixed
    assert fixed.index("originally published by") < fixed.index(WELDS)
    assert f"(moved here from line {moved}, which is taken out)" in run.err and f"took out line {moved}, " in run.err
    assert "originally published by ProPublica.' (moved before the body)" in run.err
    assert "\n\n\n" not in fixed and "credit-line" not in cli("check", "--pack", "propublica", f"--meta=original-url={URL}", str(path)).err
    # the report's block says to move it, not only to paste it
    shown = cli("check", "--format", "html", "--pack", "propublica", f"--meta=original-url={URL}", str(_copy(tmp_path, name, source)))
    assert f"Move line {moved} here: take it out where it is now, so that the text is there once." in shown.out


def _copy(tmp_path: Path, name: str, source: str) -> Path:
    path = tmp_path / f"unfixed-{name}"
    path.write_text(source, encoding="utf-8")
    return path


def test_a_longer_paragraph_that_holds_the_credit_line_is_not_taken_for_it(cli: Any, tmp_path: Path) -> None:
    source = f"# Welds\n\nBy Pat Doe, ProPublica\n\n{WELDS}\n\nSecond.\n\n{CREDIT_LINE} Republished with permission.\n"
    path = _copy(tmp_path, "copy.md", source)
    run = cli("fix", "--pack", "propublica", f"--meta=original-url={URL}", str(path))
    assert "moved" not in run.err and "took out" not in run.err


@pytest.mark.parametrize(
    ("pack", "meta", "example"),
    [
        ("dcnf", {"reporter": "Hailey Norwood"}, '"By Hailey Norwood, Daily Caller News Foundation"'),
        # two reporters, from metadata as a CMS gives them
        ("propublica", {"reporter": "Maria Lopez and Daniel Okafor"}, '"By Maria Lopez and Daniel Okafor, ProPublica"'),
    ],
)
def test_a_hint_gives_the_known_reporter_as_its_example_not_a_made_up_name(pack: str, meta: dict[str, str], example: str) -> None:
    from compliance.api import check_html

    page = "<article><h1>Border bill moves forward</h1><p class='byline'>By Staff</p><p>" + STORY + "</p></article>"
    (finding,) = [f for f in check_html(page, packs=[pack], meta=meta).findings if f.rule in ("dcnf/byline", "creative-commons/author")]
    assert f"e.g. {example}" in finding.help and "Jake Smith" not in finding.help and "Hollis Brandt" not in finding.help
    # not known: the pack's own example stands, marked as one ("e.g.")
    (unknown,) = [f for f in check_html(page, packs=[pack]).findings if f.rule == finding.rule]
    assert 'e.g. "By ' in unknown.help and "Hailey Norwood" not in unknown.help and "Maria Lopez" not in unknown.help


@pytest.mark.parametrize("date", ['<li class="post-date"><a href="/2024/05/03/">May 3</a></li>', '<li><time datetime="2024-05-03">3 mai 2024</time></li>'])
def test_a_block_before_the_body_goes_below_the_headlines_header_not_into_its_date_list(cli: Any, tmp_path: Path, date: str) -> None:
    source = (
        '<html><body><article>\n<header class="entry-header">\n<h1>Welds</h1>\n'
        f'<div class="post-meta-wrapper"><ul class="post-meta"><li class="post-author">By Pat Doe, ProPublica</li>{date}</ul></div>\n'
        f'</header>\n<div class="entry-content">\n<p>{WELDS}</p>\n<p>Second.</p>\n</div>\n</article></body></html>\n'
    )
    path = _copy(tmp_path, "copy.html", source)
    run = cli("fix", "--write", "--pack", "propublica", f"--meta=original-url={URL}", str(path))
    fixed = path.read_text(encoding="utf-8")
    credit = f'<p>This story was originally published by <a href="{URL}">ProPublica</a>.</p>'
    assert f"{date}</ul></div>\n</header>" in fixed and f'<div class="entry-content">\n{credit}\n<p>{WELDS}</p>' in fixed, run.err


def test_the_editors_page_shows_the_same_replacement_and_move(tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from compliance.serve import ServeSettings
    from compliance.serve.app import create_app

    client = TestClient(create_app(ServeSettings(max_bytes=512 * 1024)), base_url="http://127.0.0.1:8080")
    article = f"# Welds\n\nBy Staff · May 3\n\n{WELDS}\n\nSecond.\n\n*{CREDIT_LINE}*\n"
    form = {"article": article, "pack": "propublica", "format": "markdown", "reporter": "Maria Lopez", "original_url": URL}
    page = client.post("/", data=form).text
    assert "Paste this in place of &#x27;Staff&#x27; in the byline:" in page and "<code>Maria Lopez, ProPublica</code>" in page
    assert "Move line 9 here: take it out where it is now, so that the text is there once." in page
    assert "Hollis Brandt" not in page


TC_URL = "https://theconversation.com/why-bees-are-disappearing-from-city-parks-231455"


def _conversation(tmp_path: Path, original_byline: str, copy_byline: str) -> tuple[Path, Path]:
    original = tmp_path / "original.html"
    original.write_text(
        f'<html><head><link rel="canonical" href="{TC_URL}"></head><body><article>\n<h1>Why bees are disappearing</h1>\n'
        f'<p class="byline">{original_byline}</p>\n<p>{STORY}</p>\n</article></body></html>\n',
        encoding="utf-8",
    )
    copy = tmp_path / "copy.html"
    copy.write_text(
        f'<html><body><article>\n<h1>Bees vanish from parks</h1>\n<p class="byline">{copy_byline} · May 3</p>\n<p>{STORY}</p>\n'
        f'<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons license.'
        f' Read the <a href="{TC_URL}">original article</a>.</p>\n</article></body></html>\n',
        encoding="utf-8",
    )
    return original, copy


@pytest.mark.parametrize(
    ("original_byline", "credit"),
    [
        ("Priya Raman, Associate Professor of Entomology, University of Georgia", "Priya Raman, University of Georgia"),
        ("Anika Foss, Karolinska Institutet", "Anika Foss, Karolinska Institutet"),
    ],
)
def test_the_conversations_author_gets_their_institution_from_the_original(cli: Any, tmp_path: Path, original_byline: str, credit: str) -> None:
    name = credit.split(",")[0]
    original, copy = _conversation(tmp_path, original_byline, f"By {name}")
    run = cli("fix", "--write", "--pack", "the-conversation", "--original", str(original), str(copy))
    assert f'<p class="byline">By {credit} · May 3</p>' in copy.read_text(encoding="utf-8"), run.err
    assert f"fixed the-conversation/author-institution: replaced {name!r} in the byline with {credit!r}" in run.err
    checked = cli("check", "--pack", "the-conversation", "--original", str(original), str(copy)).out
    assert re.search(r"\bok\s+the-conversation/author-institution", checked) and not re.search(r"error\s+the-conversation/author-institution", checked)


def test_without_the_institution_in_the_original_the_conversations_author_is_left_for_the_editor(cli: Any, tmp_path: Path) -> None:
    original, copy = _conversation(tmp_path, "Priya Raman", "By Priya Raman")
    run = cli("fix", "--pack", "the-conversation", "--original", str(original), str(copy))
    assert "not fixed: the-conversation/author-institution: needs each author with their institution" in run.err
    assert "University" not in run.err  # never guessed


def test_two_conversation_authors_in_one_byline_get_the_full_credit_in_its_place(cli: Any, tmp_path: Path) -> None:
    original, copy = _conversation(tmp_path, "Ann Lee, Monash University and Bo Kim, CSIRO", "By Ann Lee and Bo Kim")
    run = cli("fix", "--write", "--pack", "the-conversation", "--original", str(original), str(copy))
    fixed = copy.read_text(encoding="utf-8")
    assert '<p class="byline">By Ann Lee, Monash University and Bo Kim, CSIRO · May 3</p>' in fixed, run.err
    assert fixed.count("Ann Lee") == 1 and "still stands beside it" not in run.err


def test_authors_with_an_outlet_between_them_are_left_for_the_editor_with_the_full_credit_to_write(cli: Any, tmp_path: Path) -> None:
    # "Reuters" between the names is the byline's own credit: not replaced with the names, and no
    # second byline beside it
    original, copy = _conversation(tmp_path, "Ann Lee, Monash University and Bo Kim, CSIRO", "By Ann Lee, Reuters, and Bo Kim")
    run = cli("fix", "--write", "--pack", "the-conversation", "--original", str(original), str(copy))
    fixed = copy.read_text(encoding="utf-8")
    assert '<p class="byline">By Ann Lee, Monash University and Bo Kim, CSIRO</p>' not in fixed, run.err
    assert "write 'By Ann Lee, Monash University and Bo Kim, CSIRO' in place of 'By Ann Lee, Reuters, and Bo Kim · May 3'" in run.err
