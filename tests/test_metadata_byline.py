"""The byline a CMS prints from its `byline` field (a payload's field, `--meta byline=`) above the
story it sends, read as a front matter `author` is: it counts when the body shows no byline of its
own, and a body byline wins. `fix` never takes it for text of the body: a reporter's byline it
inserts beside one crediting someone else says what still prints that one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write

LOGO = '<img src="https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png" alt="Daily Caller News Foundation logo">'
LICENSE = (
    "<p><em>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available"
    " without charge to any legitimate news publisher that can provide a large audience.</em></p>"
)
BODY = f"<p>The administration is reportedly considering an unusual move, officials said on Wednesday.</p>{LICENSE}"


def _entry(run: Any) -> dict[str, Any]:
    return run.json()["files"][0]  # type: ignore[no-any-return]


def _rule(entry: dict[str, Any], rule: str) -> tuple[str, str]:
    for key in ("findings", "passed"):
        for item in entry[key]:
            if item["rule"] == rule:
                return key, str(item.get("evidence") or item.get("message"))
    raise AssertionError(f"{rule} not reported")


@pytest.mark.parametrize(
    "field",
    [
        "By Jake Smith, Daily Caller News Foundation",
        "Jake Smith, Daily Caller News Foundation",
        "By Jake Smith | DCNF",
    ],
)
def test_a_payloads_byline_field_is_the_byline_its_cms_prints(cli: Any, tmp_path: Path, field: str) -> None:
    payload = write(tmp_path, "post.json", json.dumps({"id": "p1", "content": f"<figure>{LOGO}</figure>{BODY}", "byline": field}))
    entry = _entry(cli("check", "--input-kind", "cms-json", "--format", "json", str(payload)))
    assert entry["packs"] == ["dcnf"]
    assert _rule(entry, "dcnf/byline") == ("passed", f"byline metadata: {field}")


def test_meta_byline_counts_for_an_html_or_markdown_article_without_one(cli: Any, tmp_path: Path) -> None:
    page = write(tmp_path, "copy.html", f"<article><h1>Taliban</h1>{LOGO}{BODY}</article>")
    markdown = write(
        tmp_path,
        "copy.md",
        "# Taliban\n\n![Daily Caller News Foundation logo](https://dailycallernewsfoundation.org/logo.png)\n\nThe story.\n\n"
        "*All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service.*\n",
    )
    for path in (page, markdown):
        entry = _entry(cli("check", "--format", "json", "--meta", "byline=By Jake Smith, Daily Caller News Foundation", str(path)))
        assert _rule(entry, "dcnf/byline")[0] == "passed", path
        assert _rule(entry, "dcnf/affiliation")[0] == "passed", path


def test_the_bodys_own_byline_wins_over_the_field(cli: Any, tmp_path: Path) -> None:
    page = write(tmp_path, "copy.html", f'<article><h1>Taliban</h1>{LOGO}<p class="byline">By Staff</p>{BODY}</article>')
    entry = _entry(cli("check", "--format", "json", "--meta", "byline=By Jake Smith, Daily Caller News Foundation", str(page)))
    key, message = _rule(entry, "dcnf/byline")
    assert key == "findings" and "'By Staff' is a staff credit" in message


@pytest.mark.parametrize(("field", "why"), [("By Staff", "byline 'byline metadata: By Staff' is a staff credit"), ("   ", "no visible byline")])
def test_a_field_that_credits_no_reporter_is_no_reporters_byline(cli: Any, tmp_path: Path, field: str, why: str) -> None:
    page = write(tmp_path, "copy.html", f"<article><h1>Taliban</h1>{LOGO}{BODY}</article>")
    entry = _entry(cli("check", "--format", "json", "--meta", f"byline={field}", str(page)))
    key, message = _rule(entry, "dcnf/byline")
    assert key == "findings" and why in message


def test_fix_says_to_edit_the_byline_field_and_puts_no_second_byline_in(cli: Any, tmp_path: Path) -> None:
    page = write(tmp_path, "copy.html", f"<article><h1>Taliban</h1>{LOGO}{BODY}</article>")
    run = cli("fix", "--meta", "byline=By Staff", "--meta", "reporter=Jake Smith", str(page))
    assert '<p class="byline">By Jake Smith' not in run.out
    assert "edit the 'byline' field: write 'Jake Smith, Daily Caller News Foundation' in place of 'By Staff'" in run.err


def test_fix_says_to_edit_the_front_matter_author(cli: Any, tmp_path: Path) -> None:
    story = write(
        tmp_path,
        "copy.md",
        "---\ntitle: Taliban\nauthor: Web Staff\n---\n\n![Daily Caller News Foundation logo](https://dailycallernewsfoundation.org/logo.png)\n\nThe story.\n",
    )
    run = cli("fix", "--meta", "reporter=Jake Smith", str(story))
    assert "By Jake Smith, Daily Caller News Foundation" not in run.out
    assert "edit the front matter's 'author' at line 3: write 'Jake Smith, Daily Caller News Foundation' in place of 'Web Staff'" in run.err


def test_an_author_link_in_the_field_is_read_as_the_text_it_shows(cli: Any, tmp_path: Path) -> None:
    # WordPress and Arc byline fields hold author links and character references.
    field = 'By <a href="/author/jake">Jake Smith</a>, Daily Caller News Foundation'
    payload = write(tmp_path, "post.json", json.dumps({"id": "p1", "content": f"<figure>{LOGO}</figure>{BODY}", "byline": field}))
    entry = _entry(cli("check", "--input-kind", "cms-json", "--format", "json", str(payload)))
    assert _rule(entry, "dcnf/byline") == ("passed", "byline metadata: By Jake Smith, Daily Caller News Foundation")
    assert _rule(entry, "dcnf/affiliation")[0] == "passed"
