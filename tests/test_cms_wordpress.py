"""A post as WordPress's REST API returns it (`GET /wp-json/wp/v2/posts/<id>`) is read as the
payload it stands for: `content.rendered` is the article, the text of `title.rendered` its
headline, `_embedded.author` the byline the site prints; WordPress's own fields are not read and
not noted one by one; a password-protected post whose content was withheld is not checked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from compliance.cms import CmsArticle, parse_payload, wordpress_post
from compliance.serve import ServeSettings
from compliance.serve.app import create_app
from tests.conftest import write

LOGO = '<figure><img src="https://dailycallernewsfoundation.org/logo.png" alt="Daily Caller News Foundation logo"></figure>'
STORY = f"{LOGO}<p>Lawmakers met on Tuesday to weigh the plan, which would change how the state pays for roads.</p>"


def _post(**fields: Any) -> dict[str, Any]:
    """A post with the fields WordPress's REST API sends for every post (`wp/v2/posts`)."""
    post: dict[str, Any] = {
        "id": 7,
        "date": "2026-11-03T10:00:00",
        "date_gmt": "2026-11-03T15:00:00",
        "guid": {"rendered": "https://news.example/?p=7"},
        "modified": "2026-11-03T10:00:00",
        "slug": "lawmakers-plan",
        "status": "publish",
        "type": "post",
        "link": "https://news.example/2026/11/03/lawmakers-plan/",
        "title": {"rendered": "Lawmakers&#8217; <em>new</em> plan"},
        "content": {"rendered": STORY, "protected": False},
        "excerpt": {"rendered": "<p>Lawmakers met</p>", "protected": False},
        "author": 2,
        "featured_media": 0,
        "comment_status": "open",
        "ping_status": "open",
        "sticky": False,
        "template": "",
        "format": "standard",
        "meta": [],
        "categories": [3],
        "tags": [],
        "class_list": ["post-7", "type-post"],
        "_links": {"self": [{"href": "https://news.example/wp-json/wp/v2/posts/7"}]},
    }
    post.update(fields)
    return post


def _embedded(*names: str) -> dict[str, Any]:
    return {"author": [{"id": index, "name": name, "slug": name.lower().replace(" ", "-")} for index, name in enumerate(names, start=2)]}


def _report(cli: Any, tmp_path: Path, payload: Any, *args: str) -> tuple[int, dict[str, Any]]:
    stream = write(tmp_path, "posts.json", json.dumps(payload))
    run = cli("check", "--input-kind", "cms-json", "--pack", "dcnf", "--format", "json", *args, str(stream))
    return run.code, run.json()


def _findings(entry: dict[str, Any]) -> set[str]:
    return {finding["rule"] for finding in entry["findings"]}


def test_the_posts_fields_are_read_as_the_payload_they_stand_for() -> None:
    read = wordpress_post(_post(_embedded=_embedded("Jake Smith")))
    assert not isinstance(read, str) and read is not None
    plain, said = read
    assert plain["content"] == STORY
    # HTML, as a payload's `headline` is: read once where the headline is read (tests/test_cms_title_text.py).
    assert plain["title"] == "Lawmakers&#8217; <em>new</em> plan"
    assert plain["bylines"] == ["Jake Smith"]
    # The numeric author is a user id, no name; WordPress's own fields are left out.
    assert set(plain) == {"id", "slug", "title", "content", "bylines"}
    assert said.startswith("read as a WordPress REST API post: content.rendered as the article's HTML, title.rendered as its headline")


@pytest.mark.parametrize(
    "payload",
    [
        {"id": 1, "content": "<p>x</p>"},
        {"id": 1, "content": {"raw": "<p>x</p>"}},
    ],
)
def test_only_a_content_object_with_rendered_html_is_a_wordpress_post(payload: dict[str, Any]) -> None:
    assert wordpress_post(payload) is None


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"content": {"rendered": 5}}, "field 'content.rendered' is a number, not a string of the post's HTML"),
        ({"title": {"rendered": ["a"]}}, "field 'title.rendered' is an array, not a string of the post's HTML"),
        ({"content": {"rendered": STORY, "protected": "no"}}, "field 'content.protected' is a string, not true or false"),
    ],
)
def test_a_wordpress_field_of_another_type_is_named_by_its_place_in_the_post(cli: Any, tmp_path: Path, fields: dict[str, Any], reason: str) -> None:
    stream = write(tmp_path, "posts.json", json.dumps(_post(**fields)))
    run = cli("check", "--input-kind", "cms-json", str(stream))
    assert run.code == 2
    assert f"posts.json#1 (7): {reason}" in run.err


def test_a_wordpress_dcnf_copy_is_checked_with_its_embedded_author_as_the_byline(cli: Any, tmp_path: Path) -> None:
    code, report = _report(cli, tmp_path, _post(_embedded=_embedded("Jake Smith")))
    (entry,) = report["files"]
    assert code == 0 and entry["checked"] and "dcnf/byline" not in _findings(entry)
    notices = [notice["code"] for notice in entry["notices"]]
    assert "wordpress-post" in notices and "unknown-field" not in notices


@pytest.mark.parametrize(("embedded", "byline"), [(None, None), (_embedded("Staff"), None), (_embedded("Jake Smith"), "By Staff Reports")])
def test_a_post_whose_byline_is_not_the_reporters_fails_the_byline_rule(cli: Any, tmp_path: Path, embedded: Any, byline: str | None) -> None:
    # No embedded author, a staff account, or a newsroom plugin's own byline field (which wins
    # over the post's author): none credits the DCNF reporter.
    fields: dict[str, Any] = {}
    if embedded is not None:
        fields["_embedded"] = embedded
    if byline is not None:
        fields["byline"] = byline
    code, report = _report(cli, tmp_path, _post(**fields))
    (entry,) = report["files"]
    assert code == 1 and "dcnf/byline" in _findings(entry)


def test_a_collection_of_posts_is_checked_post_by_post(cli: Any, tmp_path: Path) -> None:
    posts = [_post(id=7, _embedded=_embedded("Jake Smith")), _post(id=8, content={"rendered": "<p>Another story.</p>", "protected": False})]
    code, report = _report(cli, tmp_path, posts)
    assert [entry["path"].rsplit("/", 1)[-1] for entry in report["files"]] == ["posts.json#1 (7)", "posts.json#2 (8)"]
    assert code == 1 and "dcnf/logo" in _findings(report["files"][1]) and "dcnf/logo" not in _findings(report["files"][0])


def test_a_password_protected_post_whose_content_was_withheld_is_not_checked(cli: Any, tmp_path: Path) -> None:
    stream = write(tmp_path, "posts.json", json.dumps([_post(id=9, content={"rendered": "", "protected": True}), _post(id=10)]))
    run = cli("check", "--input-kind", "cms-json", "--pack", "dcnf", str(stream))
    assert run.code == 2
    assert "posts.json#1 (9): the WordPress post is password-protected and its content was not sent (content.rendered is empty)" in run.err
    assert "posts.json#2 (10)  [dcnf]" in run.out


def test_a_protected_post_sent_with_its_content_is_checked() -> None:
    (article,) = parse_payload(json.dumps(_post(content={"rendered": STORY, "protected": True})), "p.json")
    assert isinstance(article, CmsArticle) and article.html == STORY


def test_meta_values_that_are_not_one_value_are_left_out_and_the_others_read() -> None:
    (article,) = parse_payload(json.dumps(_post(meta={"original_url": "https://dailycallernewsfoundation.org/2026/11/plan/", "gallery": [1, 2]})), "p.json")
    assert isinstance(article, CmsArticle)
    assert dict(article.meta) == {"headline": "Lawmakers&#8217; <em>new</em> plan", "original_url": "https://dailycallernewsfoundation.org/2026/11/plan/"}


def test_a_string_author_is_still_read_as_the_reporter() -> None:
    (article,) = parse_payload(json.dumps(_post(author="Jake Smith")), "p.json")
    assert isinstance(article, CmsArticle) and article.meta["reporter"] == "Jake Smith"


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(ServeSettings()), base_url="http://127.0.0.1:8080")


def test_the_api_reads_a_wordpress_post_as_the_command_line_does(client: TestClient) -> None:
    answer = client.post("/v1/check?pack=dcnf", json=_post(_embedded=_embedded("Jake Smith")))
    assert answer.status_code == 200
    (entry,) = answer.json()["files"]
    assert "dcnf/byline" not in _findings(entry)
    assert [n["code"] for n in entry["notices"]].count("wordpress-post") == 1


def test_the_api_refuses_a_protected_post_whose_content_was_withheld(client: TestClient) -> None:
    answer = client.post("/v1/check?pack=dcnf", json=_post(content={"rendered": " ", "protected": True}))
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "bad-input" and "password-protected" in answer.json()["error"]["message"]


def test_an_empty_post_names_its_empty_field_not_an_empty_file(cli: Any, tmp_path: Path) -> None:
    stream = write(tmp_path, "posts.json", json.dumps(_post(content={"rendered": "", "protected": False})))
    run = cli("check", "--input-kind", "cms-json", str(stream))
    assert run.code == 2
    assert f"syndcheck: error: {stream}#1 (7): field 'content.rendered' is empty, not article HTML" in run.err
    assert run.err.strip().splitlines()[-1] == "exit 2: 1 document not checked (errors above)"
