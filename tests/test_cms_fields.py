"""CMS payload fields: each one is read or named as not read; a top-level `original` is read as
`meta.original` is, and either names the original story only by its http(s) URL: a payload (data
from a CMS) never makes the command line read a file of the host."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from compliance.originals import OriginalReader
from compliance.urls import is_http_url
from tests.conftest import ROOT, SAMPLES, write

STORY = (SAMPLES / "originals" / "dcnf-agency-photo.txt").read_text(encoding="utf-8")


def _entries(cli: Any, stream: Path) -> list[dict[str, Any]]:
    run = cli("check", "--input-kind", "cms-json", "--format", "json", str(stream))
    assert run.code in (0, 1), run.err
    return list(run.json()["files"])


def test_fields_that_are_not_read_get_a_notice_with_a_suggestion(cli: Any, tmp_path: Path) -> None:
    stream = write(tmp_path, "s.jsonl", json.dumps({"id": "z", "html": "<p>x</p>", "orignal": "x.html", "repoter": "Jake", "colour": "red"}) + "\n")
    (entry,) = _entries(cli, stream)
    assert [n["message"] for n in entry["notices"] if n["code"] == "unknown-field"] == [
        "payload field 'orignal' is not read — did you mean 'original'?",
        "payload field 'repoter' is not read — did you mean 'reporter'?",
        "payload field 'colour' is not read — put the article's own values under 'meta'",
    ]
    text = cli("check", "--input-kind", "cms-json", str(stream)).out
    assert "note: payload field 'orignal' is not read — did you mean 'original'?" in text


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"pack": ["dcnf"]}, 'field \'pack\' is not read — choose the packs with "packs": ["dcnf"]; not checked with packs it did not ask for'),
        ({"Pack_IDs": "dcnf"}, 'field \'Pack_IDs\' is not read — choose the packs with "packs": ["dcnf"]; not checked with packs it did not ask for'),
        ({"packs": [1]}, 'field \'packs\' holds a number, not a pack id: send each id as a string ("packs": ["dcnf"])'),
        ({"packs": ["dcnf", None]}, 'field \'packs\' holds null, not a pack id: send each id as a string ("packs": ["dcnf"])'),
    ],
)
def test_a_pack_choice_that_cannot_be_read_leaves_the_article_unchecked(cli: Any, tmp_path: Path, fields: dict[str, Any], reason: str) -> None:
    # Noted and checked anyway, the article would be answered with the packs detection picks.
    stream = write(tmp_path, "s.json", json.dumps({"id": "z", "html": "<p>x</p>", **fields}))
    run = cli("check", "--input-kind", "cms-json", str(stream))
    assert run.code == 2
    assert f"s.json#1 (z): {reason}" in run.err


ORIGINAL_URL = "https://dailycallernewsfoundation.org/2026/11/agency-photo-story/"


def _cache_original(monkeypatch: pytest.MonkeyPatch, cache: Path, url: str, page: Path) -> None:
    """`url`'s page in the originals cache, as an earlier `--allow-fetch` run left it."""
    monkeypatch.setenv("SYNDCHECK_CACHE_DIR", str(cache))
    OriginalReader(allow_fetch=True, cache_dir=cache)._store(url, page.read_bytes(), "text/html; charset=utf-8", url)


def test_a_top_level_original_is_read_as_meta_original(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _cache_original(monkeypatch, tmp_path / "cache", ORIGINAL_URL, SAMPLES / "originals" / "dcnf-original.html")
    html = "<pre>" + STORY + "</pre>"
    lines = [
        json.dumps({"id": "top", "html": html, "original": ORIGINAL_URL}),
        json.dumps({"id": "meta", "html": html, "meta": {"original": ORIGINAL_URL}}),
        json.dumps({"id": "none", "html": html}),
    ]
    run = cli("check", "--input-kind", "cms-json", "--format", "json", "--allow-fetch", str(write(tmp_path, "s.jsonl", "\n".join(lines) + "\n")))
    top, meta, none = run.json()["files"]

    def outcome(entry: dict[str, Any]) -> list[tuple[str, str]]:
        return sorted([("finding", f["rule"]) for f in entry["findings"]] + [("passed", p["rule"]) for p in entry["passed"]])

    assert outcome(top) == outcome(meta) != outcome(none)
    assert ("finding", "dcnf/original-reporter") in outcome(top)  # compared with the original's reporter
    assert not [n for n in top["notices"] if n["code"] != "decoded-as"]


SECRET_PAGE = "<html><body><article><h1>Payroll figures</h1><p class=byline>By Confidential Person</p><p>Not for anyone.</p></article></body></html>"
NOT_A_URL = "a CMS payload names the original story only by its http(s) URL, never a file; give the file with --original FILE, or the original's URL"


@pytest.mark.parametrize("where", ["top", "meta"])
def test_a_payload_original_that_names_a_file_is_not_read_and_the_batch_goes_on(cli: Any, tmp_path: Path, where: str) -> None:
    (tmp_path / "secret").mkdir()
    secret = write(tmp_path / "secret", "s.html", SECRET_PAGE)
    payloads = tmp_path / "payloads"
    payloads.mkdir()
    write(payloads, "beside.html", SECRET_PAGE)
    html = "<pre>" + STORY + "</pre>"
    named = [str(secret), "../secret/s.html", "beside.html", f"file://{secret}", "/etc/passwd", "a\x00b"]
    lines = [
        json.dumps({"id": f"p{n}", "html": html, **({"original": value} if where == "top" else {"meta": {"original": value}})}) for n, value in enumerate(named)
    ]
    stream = write(payloads, "p.jsonl", "\n".join(lines) + "\n")
    run = cli("check", "--input-kind", "cms-json", "--format", "json", str(stream))
    assert run.code == 1, run.err  # the story's own findings: every payload was checked
    files = run.json()["files"]
    assert [entry["checked"] for entry in files] == [True] * len(named)
    for value, entry in zip(named, files, strict=True):
        assert {"code": "original-unavailable", "message": f"original story not read: '{value}': {NOT_A_URL}"} in entry["notices"]
    assert "Confidential" not in run.out and "Payroll" not in run.out and "root:" not in run.out


def test_original_on_the_command_line_is_read_for_payloads_that_name_a_file(cli: Any, tmp_path: Path) -> None:
    html = "<pre>" + STORY + "</pre>"
    stream = write(tmp_path, "p.jsonl", json.dumps({"id": "a", "html": html, "original": "/etc/passwd"}) + "\n")
    original = str(SAMPLES / "originals" / "dcnf-original.html")
    entry = cli("check", "--input-kind", "cms-json", "--format", "json", "--original", original, str(stream)).json()["files"][0]
    assert not [n for n in entry["notices"] if n["code"] == "original-unavailable"]
    assert "dcnf/original-reporter" in [f["rule"] for f in entry["findings"]]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://example.org/story", True),
        ("HTTP://example.org/story", True),
        ("Https://example.org/story", True),
        ("hTTpS://example.org/story", True),
        ("  https://example.org/story ", True),
        ("/etc/passwd", False),
        ("../secret/s.html", False),
        ("file:///etc/passwd", False),
        ("http:/example.org", False),
        ("ftp://example.org/story", False),
        ("HTTPX://example.org/story", False),
        ("Https:example.org", False),
        ("", False),
    ],
)
def test_only_an_http_url_is_a_web_address_its_scheme_in_any_case(value: str, expected: bool) -> None:
    assert is_http_url(value) is expected


def test_the_security_page_shows_the_notice_a_payload_naming_a_file_gets(cli: Any) -> None:
    page = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    section = page[page.index("### Originals named inside articles") :]
    # The example sits in a list item: its fenced blocks are indented.
    command = re.search(r"```sh\n\s*printf '%s\\n' '(.*?)' \\\n\s*\| syndcheck check (.*?) -\n\s*```", section)
    shown = re.search(r"```output\n(.*?)\n\s*```", section)
    assert command is not None and shown is not None
    run = cli("check", *command.group(2).split(), "-", stdin=(command.group(1) + "\n").encode())
    assert run.code == 0, run.err
    # Indented by as much as the block is: the report's own two-space indent is kept.
    assert shown.group(1).removeprefix("  ") in run.out.splitlines()


def test_an_empty_original_on_the_command_line_reads_no_original_an_article_names(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "secret").mkdir()
    write(tmp_path / "secret", "s.html", SECRET_PAGE)
    story = write(tmp_path / "news", "story.md", "---\noriginal: ../secret/s.html\n---\n" + STORY)
    read = cli("check", "--format", "json", str(story)).json()["files"][0]
    assert "dcnf/original-reporter" in [f["rule"] for f in read["findings"]]  # front matter may leave the folder
    entry = cli("check", "--format", "json", "--meta", "original=", str(story)).json()["files"][0]
    assert "dcnf/original-reporter" not in [f["rule"] for f in entry["findings"] + entry["passed"]]
    assert not [n for n in entry["notices"] if n["code"] == "original-unavailable"]


def test_an_original_name_with_a_nul_in_front_matter_is_a_notice_not_a_crash(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.md", '---\noriginal: "a\\0b"\n---\n' + STORY)
    run = cli("check", "--format", "json", str(story))
    assert run.code == 1, run.err  # the story's own findings
    (entry,) = run.json()["files"]
    said = "original story not read (the article's front matter names it): 'a\x00b': not a file name"
    assert {"code": "original-unavailable", "message": said} in entry["notices"]


@pytest.mark.parametrize(
    ("value", "said"),
    [("null", "null"), ("42", "a number"), ('"x"', "a string"), ("[1]", "an array"), ("true", "true"), ("4.5", "a number")],
)
def test_an_object_that_is_not_one_is_named_in_jsons_terms(value: str, said: str) -> None:
    from compliance.cms import CmsProblem, parse_payload

    (problem,) = parse_payload(f"[{value}]", "p")
    assert problem == CmsProblem("p#1", f"expected a JSON object, got {said}")
    lines = list(parse_payload(f'{{"html": "<p>x</p>"}}\n{value}\n', "s"))
    assert lines[1] == CmsProblem("s#2", f"expected a JSON object, got {said}")


@pytest.mark.parametrize(("field", "value", "said"), [("html", "42", "a number"), ("body", "null", "null"), ("content", '["<p>"]', "an array")])
def test_an_html_field_that_is_not_text_says_what_it_is(field: str, value: str, said: str) -> None:
    from compliance.cms import CmsProblem, parse_payload

    (problem,) = parse_payload(f'{{"id": "a", "{field}": {value}}}', "p")
    assert problem == CmsProblem("p#1 (a)", f"field '{field}' is {said}, not a string of article HTML")


TWICE = "field '{key}' is given twice (again at line {line}): only one value is checked, and a CMS may publish the other; send each field once"


@pytest.mark.parametrize("key", ["html", "body", "original_url", "meta"])
def test_a_field_given_twice_is_refused_at_its_line(cli: Any, tmp_path: Path, key: str) -> None:
    first, second = ('"<p>a</p>"', '"<p>b</p>"') if key != "meta" else ("{}", '{"reporter": "X"}')
    other = "" if key in ("html", "body") else '"html": "<p>x</p>",\n '
    whole = f'{{"id": "a",\n {other}"{key}": {first},\n "{key}": {second}}}\n'
    lines = '{"html": "<p>fine</p>"}\n' + whole.replace("\n", "") + "\n"
    from compliance.cms import CmsProblem, parse_payload, read_payloads

    expected_line = 4 if other else 3
    # A refused article is named with its id, as a checked one is.
    assert list(parse_payload(whole, "p")) == [CmsProblem("p#1 (a)", TWICE.format(key=key, line=expected_line))]
    assert list(read_payloads(io.BytesIO(whole.encode()), "p", max_bytes=None)) == [CmsProblem("p#1 (a)", TWICE.format(key=key, line=expected_line))]
    read = list(read_payloads(io.BytesIO(lines.encode()), "s", max_bytes=None))
    assert read[1] == CmsProblem("s#2 (a)", TWICE.format(key=key, line=2))
    run = cli("check", "--input-kind", "cms-json", str(write(tmp_path, "s.jsonl", lines)))
    assert run.code == 2 and f"s.jsonl#2 (a): {TWICE.format(key=key, line=2)}" in run.err


@pytest.mark.parametrize("key", ["reporter", "original_url", "house_style"])
def test_a_meta_key_given_twice_is_refused_at_its_line(cli: Any, tmp_path: Path, key: str) -> None:
    # Every key under `meta` is read (rules may ask for any): given twice, as a top-level field is.
    whole = f'{{"id": "a",\n "html": "<p>x</p>",\n "meta": {{"{key}": "Checked",\n  "desk": "Metro",\n  "{key}": "Published"}}}}\n'
    lines = '{"html": "<p>fine</p>", "meta": {"reporter": "Once"}}\n' + whole.replace("\n", "") + "\n"
    from compliance.cms import CmsProblem, parse_payload, read_payloads

    expected = CmsProblem("p#1 (a)", TWICE.format(key=f"meta.{key}", line=5))
    assert list(parse_payload(whole, "p")) == [expected]
    assert list(read_payloads(io.BytesIO(whole.encode()), "p", max_bytes=None)) == [expected]
    read = list(read_payloads(io.BytesIO(lines.encode()), "s", max_bytes=None))
    assert read[1] == CmsProblem("s#2 (a)", TWICE.format(key=f"meta.{key}", line=2))
    run = cli("check", "--input-kind", "cms-json", str(write(tmp_path, "s.jsonl", lines)))
    assert run.code == 2 and f"s.jsonl#2 (a): {TWICE.format(key=f'meta.{key}', line=2)}" in run.err


def test_a_field_given_twice_is_located_in_its_own_object_of_an_array(cli: Any, tmp_path: Path) -> None:
    # The first object gives a field that is not read twice, and a meta key once each: the second
    # object's duplicates are found at their own lines, not at the first duplicate of the text.
    payload = (
        '[{"html": "<p>a</p>",\n  "colour": 1,\n  "colour": 2,\n  "meta": {"desk": "Metro"}},\n'
        ' {"html": "<p>b</p>",\n  "meta": {"desk": "Metro",\n   "desk": "Sports"}},\n'
        ' {"body": "<p>c</p>",\n  "body": "<p>d</p>"}]\n'
    )
    from compliance.cms import CmsArticle, CmsProblem, parse_payload, read_payloads

    for found in (list(parse_payload(payload, "p")), list(read_payloads(io.BytesIO(payload.encode()), "p", max_bytes=None))):
        assert isinstance(found[0], CmsArticle)
        assert found[1:] == [CmsProblem("p#2", TWICE.format(key="meta.desk", line=7)), CmsProblem("p#3", TWICE.format(key="body", line=9))]
    one_line = payload.replace("\n", "") + "\n"
    read = list(read_payloads(io.BytesIO(one_line.encode()), "s", max_bytes=None))
    assert read[1:] == [CmsProblem("s#2", TWICE.format(key="meta.desk", line=1)), CmsProblem("s#3", TWICE.format(key="body", line=1))]


BOTH = "fields {named} both give the article's HTML (again at line {line}): only one is checked, and a CMS may publish another; send the article in one field"
COMPLIANT = (SAMPLES / "dcnf" / "compliant-wordpress.html").read_text(encoding="utf-8")
NO_LOGO_HTML = (SAMPLES / "dcnf" / "no-logo.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("first", "second", "named"),
    [("html", "content", "'html' and 'content'"), ("content", "body", "'content' and 'body'"), ("body_html", "article_html", "'body_html' and 'article_html'")],
)
def test_two_article_fields_are_refused_at_the_second(cli: Any, tmp_path: Path, first: str, second: str, named: str) -> None:
    # A CMS that publishes `content` would publish the article without a logo: whichever field
    # were checked, the other might be the one published.
    payload = json.dumps({"id": "s1", first: COMPLIANT})[:-1] + ",\n " + json.dumps({second: NO_LOGO_HTML})[1:] + "\n"
    said = BOTH.format(named=named, line=2)
    run = cli("check", "--input-kind", "cms-json", "--format", "concise", str(write(tmp_path, "cms.json", payload)))
    # The article not checked is an error line of the quickfix list too.
    assert run.code == 2 and run.out == f"{tmp_path / 'cms.json'}#1 (s1):1:1: error syndcheck/unreadable not checked: {said}\n"
    assert run.err.splitlines() == [f"syndcheck: error: {tmp_path / 'cms.json'}#1 (s1): {said}", "exit 2: 1 document not checked (errors above)"]
    # In a stream the others are checked; the line is the payload's own.
    lines = json.dumps({"id": "ok", "html": COMPLIANT}) + "\n" + payload.replace("\n ", " ")
    run = cli("check", "--input-kind", "cms-json", "--format", "json", str(write(tmp_path, "s.jsonl", lines)))
    assert run.code == 2 and f"s.jsonl#2 (s1): {BOTH.format(named=named, line=2)}" in run.err
    checked, refused = run.json()["files"]
    assert (checked["path"], checked["findings"]) == (f"{tmp_path / 's.jsonl'}#1 (ok)", [])
    assert refused["path"] == f"{tmp_path / 's.jsonl'}#2 (s1)" and refused["checked"] is False, refused


def test_three_article_fields_are_all_named(cli: Any, tmp_path: Path) -> None:
    from compliance.cms import CmsProblem, parse_payload

    payload = '{"html": "<p>a</p>",\n "content": "<p>b</p>",\n "body": "<p>c</p>"}'
    assert list(parse_payload(payload, "p")) == [CmsProblem("p#1", BOTH.format(named="'html', 'content' and 'body'", line=2))]


@pytest.mark.parametrize("empty", ['""', '"  "', "null"])
def test_an_empty_article_field_beside_the_article_is_not_a_second_article(empty: str) -> None:
    # Nothing would be published from it; the field that holds the article is the one checked.
    from compliance.cms import CmsArticle, parse_payload

    for payload in (f'{{"html": {empty}, "content": "<p>b</p>"}}', f'{{"content": "<p>b</p>", "body": {empty}}}'):
        (article,) = parse_payload(payload, "p")
        assert isinstance(article, CmsArticle) and article.html == "<p>b</p>", payload


def test_a_field_not_read_may_be_given_twice(cli: Any, tmp_path: Path) -> None:
    from compliance.cms import CmsArticle, parse_payload

    (article,) = parse_payload('{"html": "<p>x</p>", "colour": 1, "colour": 2}', "p")
    assert isinstance(article, CmsArticle) and article.html == "<p>x</p>"


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ('"meta": "reporter=Ana"', "field 'meta' is a string, not an object of the article's metadata"),
        ('"meta": ["Ana"]', "field 'meta' is an array, not an object of the article's metadata"),
        ('"reporter": ["Ana Ruiz", {"id": 7}]', "field 'reporter[1]' is an object with no 'name' or 'display_name' string, not a name"),
        ('"meta": {"medium": ["print"]}', "field 'meta.medium' is an array, not a string"),
        ('"meta": {"medium": true}', "field 'meta.medium' is true, not a string"),
        ('"original_url": {"href": "https://x.org/"}', "field 'original_url' is an object, not a string"),
        ('"byline": true', "field 'byline' is true, not a string"),
        ('"meta": {"reporter": {"name": "Ana"}}', "field 'meta.reporter' is an object, not a string"),
        ('"meta": {"logo-url": false}', "field 'meta.logo-url' is false, not a string"),
    ],
)
def test_metadata_rules_read_that_is_not_a_value_is_refused(cli: Any, tmp_path: Path, fields: str, said: str) -> None:
    from compliance.cms import parse_payload

    (problem,) = parse_payload(f'{{"id": "a", "html": "<p>x</p>", {fields}}}', "p")
    assert problem.reason.startswith(said)  # type: ignore[union-attr]
    stream = write(tmp_path, "s.jsonl", f'{{"html": "<p>x</p>", {fields}}}\n{{"html": "<p>y</p>"}}\n')
    run = cli("check", "--input-kind", "cms-json", "--format", "json", str(stream))
    assert run.code == 2
    assert f"s.jsonl#1: {said}" in run.err
    assert [entry["checked"] for entry in run.json()["files"]] == [False, True]  # the batch goes on


def test_null_metadata_is_no_value_and_an_id_that_is_not_one_gets_a_notice(cli: Any, tmp_path: Path) -> None:
    stream = write(tmp_path, "s.jsonl", '{"id": {"$oid": "65f0"}, "html": "<p>x</p>", "reporter": null, "meta": null}\n')
    (entry,) = _entries(cli, stream)
    assert entry["checked"] is True
    assert entry["path"].endswith("s.jsonl#1")
    assert [n["message"] for n in entry["notices"] if n["code"] == "unknown-field"] == [
        "payload field 'id' is an object, not a string or number: it does not name the article"
    ]


# -- try-out 8: an address in a payload's metadata must be an http(s) URL, as with --meta ---------


def test_a_payload_address_that_is_not_http_is_refused_per_article_and_the_batch_goes_on(cli: Any, tmp_path: Path) -> None:
    stream = write(
        tmp_path,
        "batch.jsonl",
        '{"html": "<p>x</p>", "id": "one", "original_url": "ftp://x"}\n'
        '{"html": "<p>x</p>", "id": "two", "original_url": "https://example.org/a", "meta": {"note": "ftp://x"}}\n'
        '{"html": "<p>x</p>", "id": "three", "meta": {"logo-url": "javascript:alert(1)"}}\n',
    )
    run = cli("check", "--input-kind", "cms-json", str(stream))
    hint = "give the full address, for example {key}=https://example.org/…"
    assert run.code == 2
    assert run.err.splitlines() == [
        f"syndcheck: error: {stream}#1 (one): metadata 'original_url' must be an http(s) URL, got 'ftp://x' — {hint.format(key='original_url')}",
        f"syndcheck: error: {stream}#3 (three): metadata 'logo-url' must be an http(s) URL, got 'javascript:alert(1)' — {hint.format(key='logo-url')}",
        "exit 2: 2 documents not checked (errors above)",
    ]
    assert f"{stream}#2 (two)" in run.out


def test_the_command_line_refuses_the_same_metadata_with_meta(cli: Any) -> None:
    run = cli("check", "--meta", "original_url=ftp://x", str(SAMPLES / "dcnf" / "republished.txt"))
    hint = "give the full address, for example original_url=https://example.org/…"
    assert (run.code, run.err.splitlines()[0]) == (2, f"syndcheck: error: metadata 'original_url' must be an http(s) URL, got 'ftp://x' — {hint}")


# -- try-out s48: a refused payload is `unreadable`; an empty or blank metadata key is refused -----


@pytest.mark.parametrize(
    ("payload", "said"),
    [
        ("[1]\n", "expected a JSON object, got a number"),
        ('{"id": "a", "html": 5}\n', "field 'html' is a number, not a string of article HTML"),
        ('{"id": "a", "content": ["<p>x</p>"]}\n', "field 'content' is an array, not a string of article HTML"),
        ('{"id": "a", "html": "<p>x</p>", "meta": {"reporter": {"n": 1}}}\n', "field 'meta.reporter' is an object, not a string"),
    ],
)
def test_a_refused_payload_article_is_not_checked_with_the_code_the_readme_gives_it(cli: Any, tmp_path: Path, payload: str, said: str) -> None:
    # `unreadable` (not a code of its own): the README defines it as a file that could not be
    # read or whose content cannot be read as the input it is given as, which a consumer of the
    # JSON report already counts as "not checked, exit 2".
    stream = write(tmp_path, "p.json", payload)
    run = cli("check", "--input-kind", "cms-json", "--format", "json", str(stream))
    assert run.code == 2
    (entry,) = run.json()["files"]
    assert entry["checked"] is False
    assert [n["code"] for n in entry["notices"]] == ["unreadable"]
    assert said in entry["notices"][0]["message"]
    row = next(line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if line.startswith("| `unreadable` |"))
    assert "CMS payload's element that is not an article's object" in row and "field of the wrong type" in row


@pytest.mark.parametrize("key", ["", " ", "\t", "\u3000", "  \n "])
def test_a_payload_metadata_key_that_is_empty_or_blank_is_refused(cli: Any, tmp_path: Path, key: str) -> None:
    from compliance.cms import parse_payload
    from compliance.metavalues import NO_KEY

    text = json.dumps({"id": "a", "html": "<p>x</p>", "meta": {"reporter": "Ana Ruiz", key: "x"}})
    (problem,) = parse_payload(text, "p")
    assert problem.reason.startswith(f"field 'meta.{key}' {NO_KEY}")  # type: ignore[union-attr]
    stream = write(tmp_path, "s.jsonl", f'{text}\n{{"html": "<p>y</p>", "meta": {{"a b": "x", " reporter": "y"}}}}\n')
    run = cli("check", "--input-kind", "cms-json", "--format", "json", str(stream))
    assert run.code == 2
    assert NO_KEY in run.err
    # The batch goes on; a key with a space in it, or around it, names a key and is read.
    assert [entry["checked"] for entry in run.json()["files"]] == [False, True]


@pytest.mark.parametrize("pair", ["=x", " =x", "\t=Jake Smith", "="])
def test_the_command_line_refuses_an_empty_or_blank_meta_key_as_a_payload_does(cli: Any, pair: str) -> None:
    from compliance.metavalues import NO_KEY

    run = cli("check", "--meta", pair, str(SAMPLES / "dcnf" / "republished.txt"))
    assert run.code == 2
    assert run.err.splitlines() == [f"syndcheck: error: --meta '{pair}' {NO_KEY} — write KEY=VALUE, for example --meta reporter='Jake Smith'"]


def test_a_meta_pair_with_a_key_and_an_empty_value_is_still_no_value_not_a_refusal(cli: Any) -> None:
    run = cli("check", "--meta", "reporter=", str(SAMPLES / "dcnf" / "republished.txt"))
    assert run.code in (0, 1), run.err


@pytest.mark.parametrize("payload", ["[]", "[ ]\n", "\n  [\n]\n"])
def test_a_payload_with_no_article_is_skipped_and_the_exit_line_names_it(cli: Any, tmp_path: Path, payload: str) -> None:
    said = "not checked: the payload holds no article (an empty array) — send one JSON object (an article), an array of them, or JSON lines"
    stream = write(tmp_path, "batch\x1b]8;;x\x07.json", payload)
    run = cli("check", "--input-kind", "cms-json", "--format", "json", str(stream))
    assert run.code == 2
    (entry,) = run.json()["files"]
    assert (entry["checked"], entry["notices"]) == (False, [{"code": "skipped", "message": said}])
    shown = str(stream).replace("\x1b", "\\x1b").replace("\x07", "\\x07")
    assert run.err.splitlines()[-1] == f"exit 2: nothing checked: {shown}: {said}"
    assert cli("check", "--input-kind", "cms-json", "--pass-with-nothing-checked", str(stream)).code == 0


def test_an_empty_payload_on_stdin_is_named_as_stdin(cli: Any) -> None:
    run = cli("check", "--input-kind", "cms-json", "-", stdin=b"[]")
    assert run.code == 2
    assert run.err.splitlines()[-1].startswith("exit 2: nothing checked: <stdin>: not checked: the payload holds no article")


def test_an_empty_array_beside_articles_adds_no_entry(cli: Any, tmp_path: Path) -> None:
    stream = write(tmp_path, "s.jsonl", '[]\n{"id": "a", "html": "<p>x</p>"}\n')
    run = cli("check", "--input-kind", "cms-json", "--format", "json", str(stream))
    assert run.code == 0, run.err
    # Objects are numbered in order: the empty array holds none, so "a" is the first.
    assert [(entry["path"], entry["checked"]) for entry in run.json()["files"]] == [(f"{stream}#1 (a)", True)]


_WIDE_MARKS = {"UTF-16LE": b"\xff\xfe", "UTF-16BE": b"\xfe\xff", "UTF-32LE": b"\xff\xfe\x00\x00", "UTF-32BE": b"\x00\x00\xfe\xff"}
_ONE_ARTICLE = '{"id": "a", "html": "<p>By José Martínez</p>"}\n'


@pytest.mark.parametrize("name", list(_WIDE_MARKS))
def test_a_payload_whose_wide_byte_order_mark_its_bytes_contradict_is_refused_saying_so(cli: Any, tmp_path: Path, name: str) -> None:
    mark = _WIDE_MARKS[name]
    said = f"the payload starts with a {name} byte-order mark, but the bytes after it are UTF-8, not {name}"
    hint = f"remove the byte-order mark (its first {len(mark)} bytes), or send the payload in {name}"
    stream = write(tmp_path, "p.json", mark + _ONE_ARTICLE.encode())
    run = cli("check", "--input-kind", "cms-json", str(stream))
    assert run.code == 2
    assert run.err.splitlines()[0] == f"syndcheck: error: {stream}: {said} — {hint}"
    piped = cli("check", "--input-kind", "cms-json", "-", stdin=mark + _ONE_ARTICLE.encode())
    assert (piped.code, piped.err.splitlines()[0]) == (2, f"syndcheck: error: <stdin>: {said} — {hint}")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-8-sig"])
def test_a_payload_in_the_encoding_its_mark_names_is_read(cli: Any, tmp_path: Path, encoding: str) -> None:
    mark = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff", "utf-8-sig": b""}[encoding]
    stream = write(tmp_path, "p.json", mark + _ONE_ARTICLE.encode(encoding))
    (entry,) = _entries(cli, stream)
    assert entry["checked"] is True
