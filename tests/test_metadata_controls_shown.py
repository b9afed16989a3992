"""A value from outside the page (`--meta reporter=`, `--meta byline=`, a WordPress payload's
embedded author or `title.rendered`) is shown with its control characters where it has them, in
every message, reason and help text, as docs/security.md promises: the output sanitiser shows
each one escaped (`\\x1b` in the text and GitHub formats; JSON keeps the exact character, written
`\\u001b`). None is dropped while the rest of the value is shown ("Jake [2J Smith" read as an
example byline to copy), and a value without one is shown as given."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write

STAFF_PAGE = "<article><p>By Staff</p><p>Story.</p></article>"
# A reporter's name with a control inside, and how the text formats show it.
REPORTERS = [
    ("Jake\x1b[2J Smith", "Jake\\x1b[2J Smith"),
    ("Maria\x07 Lopez", "Maria\\x07 Lopez"),
    ("Tom \x9b31mLee", "Tom \\x9b31mLee"),
]


def _help(cli: Any, page: Path, fmt: str, *args: str) -> str:
    """The output of `check --format FMT` on `page` with DCNF's byline rule alone."""
    run = cli("check", "--pack", "dcnf", "--select", "dcnf/byline", "--format", fmt, *args, str(page))
    assert run.code == 1, run.err
    return str(run.out)


@pytest.mark.parametrize(("given", "shown"), REPORTERS)
def test_the_help_s_example_byline_shows_the_reporters_control(cli: Any, tmp_path: Path, given: str, shown: str) -> None:
    page = write(tmp_path, "st.html", STAFF_PAGE)
    text = _help(cli, page, "text", "--meta", f"reporter={given}")
    assert f'e.g. "By {shown}, Daily Caller News Foundation"' in text
    github = _help(cli, page, "github", "--meta", f"reporter={given}")
    assert f"By {shown}, Daily Caller News Foundation" in github
    (entry,) = json.loads(_help(cli, page, "json", "--meta", f"reporter={given}"))["files"]
    (finding,) = entry["findings"]
    assert f'e.g. "By {given}, Daily Caller News Foundation"' in finding["help"]


def test_a_reporter_without_controls_is_shown_as_given(cli: Any, tmp_path: Path) -> None:
    page = write(tmp_path, "st.html", STAFF_PAGE)
    text = _help(cli, page, "text", "--meta", "reporter=Jake  Smith")
    assert 'e.g. "By Jake Smith, Daily Caller News Foundation"' in text and "\\x" not in text


def _payload(tmp_path: Path, author: str, title: str = "Budget talks stall") -> Path:
    post = {
        "id": 7,
        "title": {"rendered": title},
        "content": {
            "rendered": '<figure><img src="https://dailycallernewsfoundation.org/logo.png" alt="Daily Caller News Foundation logo"></figure><p>The story.</p>',
            "protected": False,
        },
        "author": 2,
        "_embedded": {"author": [{"id": 2, "name": author}]},
    }
    return write(tmp_path, "post.json", json.dumps(post))


@pytest.mark.parametrize(("author", "word"), [("Jake \x1b[31mSmith", "\x1b[31mSmith"), ("Ana \x1b]0;x\x07Ruiz", "\x1b]0;x\x07Ruiz")])
def test_an_embedded_authors_control_is_quoted_in_the_reason(cli: Any, tmp_path: Path, author: str, word: str) -> None:
    payload = _payload(tmp_path, author)
    args = ("check", "--input-kind", "cms-json", "--pack", "dcnf", "--select", "dcnf/byline")
    text = cli(*args, str(payload)).out
    escaped = word.replace("\x1b", "\\x1b").replace("\x07", "\\x07")
    assert f"'{escaped}' is no word of a person's name" in text
    (entry,) = json.loads(cli(*args, "--format", "json", str(payload)).out)["files"]
    (finding,) = entry["findings"]
    assert f"byline metadata: {author}" in finding["message"]
    assert escaped in cli(*args, "--format", "github", str(payload)).out


def test_an_embedded_author_without_controls_passes(cli: Any, tmp_path: Path) -> None:
    run = cli("check", "--input-kind", "cms-json", "--pack", "dcnf", "--select", "dcnf/byline", str(_payload(tmp_path, "Jake Smith")))
    assert run.code == 0, run.out


@pytest.mark.parametrize(("title", "shown"), [("Newsom \x1b[31mbudget", "Newsom \\x1b[31mbudget"), ("Rates\x07 climb", "Rates\\x07 climb")])
def test_a_titles_control_is_quoted_where_the_headline_differs(cli: Any, tmp_path: Path, title: str, shown: str) -> None:
    post = {
        "id": 1,
        "title": {"rendered": title},
        "content": {"rendered": "<article><p>This story was originally published by CalMatters.</p><p>By Dan Walters, CalMatters</p></article>"},
        "meta": {"original_headline": "Newsom budget"},
    }
    payload = write(tmp_path, "post.json", json.dumps(post))
    args = ("check", "--input-kind", "cms-json", "--pack", "calmatters", "--select", "calmatters/headline")
    assert f'headline "{shown}" is not the original\'s "Newsom budget"' in cli(*args, str(payload)).out
    assert f'headline "{shown}" is not' in cli(*args, "--format", "github", str(payload)).out
    (entry,) = json.loads(cli(*args, "--format", "json", str(payload)).out)["files"]
    (finding,) = entry["findings"]
    assert f'headline "{" ".join(title.split())}"' in finding["message"]


def test_a_title_without_controls_that_matches_passes(cli: Any, tmp_path: Path) -> None:
    post = {
        "id": 1,
        "title": {"rendered": "Newsom <em>budget</em>"},
        "content": {"rendered": "<article><p>This story was originally published by CalMatters.</p><p>By Dan Walters, CalMatters</p></article>"},
        "meta": {"original_headline": "Newsom budget"},
    }
    payload = write(tmp_path, "post.json", json.dumps(post))
    run = cli("check", "--input-kind", "cms-json", "--pack", "calmatters", "--select", "calmatters/headline", str(payload))
    assert run.code == 0, run.out
