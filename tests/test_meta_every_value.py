"""Article metadata drops nothing silently and gives one answer per field: every name of a list of
reporters is checked (none is read away as "not a name"), an element that is no name is named with
its own line, a suffix ("Jr.") stays part of a reporter's name, a payload that gives one field two
ways with different values is refused, and a YAML key written the complex way (`? title`) is
refused at its line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.inputs import Source, read_sidecar_meta
from compliance.metavalues import NamesMeta, UnreadableMeta
from tests.conftest import write

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "dcnf" / "compliant-static.html"
SAMPLE_BYLINE = '<div class="byline"><a href="/authors/jake-smith/" rel="author">Jake Smith</a> Contributor</div>'


def page(tmp_path: Path, byline: str | None = None) -> Path:
    """The DCNF sample page, its byline replaced by `byline` when given."""
    html = SAMPLE.read_text(encoding="utf-8")
    if byline is not None:
        assert SAMPLE_BYLINE in html
        html = html.replace(SAMPLE_BYLINE, f'<div class="byline">{byline}</div>')
    return write(tmp_path, "d.html", html)


def sidecar(tmp_path: Path, yaml: str) -> dict[str, str]:
    story = write(tmp_path, "story.html", "<p>x</p>")
    write(tmp_path, "story.html.meta.yaml", yaml)
    return read_sidecar_meta(Source(str(story), "html", story))


@pytest.mark.parametrize("element", ["0x1F", "42", "010", "yes", "2026-01-02", "'0x1F'", "Ana Ruiz", "Madonna"])
def test_every_element_of_a_sidecar_list_of_reporters_is_checked(cli: Any, tmp_path: Path, element: str) -> None:
    story = page(tmp_path)
    write(tmp_path, "d.html.meta.yaml", f"reporter:\n  - Jake Smith\n  - {element}\n")
    run = cli("check", "--format", "concise", "--select", "dcnf/original-reporter", str(story))
    shown = element.strip("'")
    assert run.code == 1
    assert f"(the reporter given ('reporter' metadata) is Jake Smith, {shown}; " in run.out
    assert f"({shown} not credited)" in run.out


def test_a_list_of_reporters_all_credited_still_passes(cli: Any, tmp_path: Path) -> None:
    story = page(tmp_path, "By Jake Smith and Ana Ruiz, Daily Caller News Foundation")
    write(tmp_path, "d.html.meta.yaml", "reporter: [Jake Smith, Ana Ruiz]\n")
    run = cli("check", "-q", "--select", "dcnf/original-reporter", str(story))
    assert run.code == 0 and "1 file checked; no problems" in run.out


def test_a_list_keeps_its_names_one_by_one_and_reads_as_a_byline_lists_them(tmp_path: Path) -> None:
    meta = sidecar(tmp_path, "reporter:\n  - Jake Smith\n  - 0x1F\n  - ''\nauthor: [Ana Ruiz]\n")
    assert meta == {"reporter": "Jake Smith and 0x1F", "author": "Ana Ruiz"}
    assert isinstance(meta["reporter"], NamesMeta) and meta["reporter"].names == ("Jake Smith", "0x1F")


@pytest.mark.parametrize(
    ("yaml", "said"),
    [
        ("reporter:\n  - Jake Smith\n  - 42\n  - null\n", "has no name (null) as its element 3, at line 4"),
        ("reporter:\n  - ~\n  - Jake Smith\n", "has no name (null) as its element 1, at line 2"),
        ("reporter: [Jake Smith,\n  [Ana Ruiz]]\n", "has a list as its element 2, at line 2"),
        ("# who\nauthors:\n  - Jake Smith\n  - name: Ana Ruiz\n", "has a mapping as its element 2, at line 4"),
    ],
)
def test_an_element_that_is_no_name_is_named_with_its_own_line(tmp_path: Path, yaml: str, said: str) -> None:
    key = "authors" if "authors" in yaml else "reporter"
    value = sidecar(tmp_path, yaml)[key]
    assert isinstance(value, UnreadableMeta)
    assert f"the article's '{key}' (" in value.why and said in value.why


def test_the_note_on_a_list_with_a_null_names_the_element(cli: Any, tmp_path: Path) -> None:
    story = page(tmp_path)
    write(tmp_path, "d.html.meta.yaml", "reporter:\n  - Jake Smith\n  - 42\n  - null\n")
    run = cli("check", "--select", "dcnf/original-reporter", str(story))
    assert "has no name (null) as its element 3, at line 4: write 'reporter: Ana Ruiz'" in run.out


def test_a_payload_array_of_names_checks_every_name(cli: Any, tmp_path: Path) -> None:
    import json

    payload = write(tmp_path, "p.json", json.dumps({"id": "a", "html": SAMPLE.read_text(encoding="utf-8"), "meta": {"reporter": ["Jake Smith", "0x1F"]}}))
    run = cli("check", "--input-kind", "cms-json", "--format", "concise", "--select", "dcnf/original-reporter", str(payload))
    assert run.code == 1 and "(0x1F not credited)" in run.out


@pytest.mark.parametrize("reporter", ["Jake Smith, Jr.", "Jake Smith Jr.", "Jake Smith, jr"])
@pytest.mark.parametrize(
    "byline",
    ["By Jake Smith Jr., Daily Caller News Foundation", "By Jake Smith, Jr., Daily Caller News Foundation", "Jake Smith Jr. Contributor"],
)
def test_a_suffix_stays_part_of_the_reporters_name(cli: Any, tmp_path: Path, reporter: str, byline: str) -> None:
    story = page(tmp_path, byline)
    run = cli("check", "-q", "--select", "dcnf/original-reporter", "--meta", f"reporter={reporter}", str(story))
    assert run.code == 0, run.out


@pytest.mark.parametrize(
    ("reporter", "byline"),
    [
        # The father is not the son: a suffix on one side only is another person.
        ("Jake Smith", "By Jake Smith Jr., Daily Caller News Foundation"),
        ("Jake Smith, Jr.", "By Jake Smith, Daily Caller News Foundation"),
        ("Jake Smith, III", "By Jake Smith Jr., Daily Caller News Foundation"),
    ],
)
def test_a_suffix_on_one_side_only_is_not_the_same_reporter(cli: Any, tmp_path: Path, reporter: str, byline: str) -> None:
    story = page(tmp_path, byline)
    run = cli("check", "-q", "--select", "dcnf/original-reporter", "--meta", f"reporter={reporter}", str(story))
    assert run.code == 1 and "The byline does not name the DCNF original's reporter" in run.out


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("Jake Smith, Jr.", ("Jake Smith Jr.",)),
        ("Jake Smith, Jr. and Ana Ruiz", ("Jake Smith Jr.", "Ana Ruiz")),
        ("Ana Ruiz, Jake Smith, Sr.", ("Ana Ruiz", "Jake Smith Sr.")),
        ("Jake Smith, III", ("Jake Smith III",)),
        # Not suffixes: an outlet or a title after the comma is still left out.
        ("Jake Smith, Daily Caller News Foundation", ("Jake Smith",)),
        ("Ivan Petrov, IV Media", ("Ivan Petrov",)),
        ("Smith, Jake", ("Smith, Jake",)),
    ],
)
def test_the_reporters_a_value_names(value: str, names: tuple[str, ...]) -> None:
    from compliance.checks.original_byline import reporters_given

    assert reporters_given(value) == names


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        (
            '"reporter": "Jake Smith", "meta": {"reporter": "Zed Nobody"}',
            "fields 'reporter' and 'meta.reporter' both give the article's 'reporter', differently ('Jake Smith', 'Zed Nobody')",
        ),
        (
            '"reporter": "Jake Smith", "author": "Zed Nobody"',
            "fields 'reporter' and 'author' both give the article's 'reporter', differently ('Jake Smith', 'Zed Nobody')",
        ),
        ('"title": "A", "headline": "B"', "fields 'headline' and 'title' both give the article's 'headline', differently ('B', 'A')"),
        ('"source_url": "https://a.example/x", "meta": {"original_url": "https://b.example/y"}', "fields 'source_url' and 'meta.original_url' both give"),
        (
            '"author": ["Jake Smith", "Ana Ruiz"], "meta": {"reporter": "Jake Smith"}',
            "fields 'author' and 'meta.reporter' both give the article's 'reporter', differently ('Jake Smith and Ana Ruiz', 'Jake Smith')",
        ),
    ],
)
def test_a_payload_giving_one_value_two_ways_differently_is_refused_with_its_id(fields: str, said: str) -> None:
    from compliance.cms import CmsProblem, parse_payload

    (problem,) = parse_payload(f'{{"id": "story-7", "html": "<p>x</p>", {fields}}}', "p")
    assert isinstance(problem, CmsProblem) and problem.name == "p#1 (story-7)"
    assert said in problem.reason and problem.reason.endswith("send the value once, or the same in both")


@pytest.mark.parametrize(
    "fields",
    [
        '"reporter": "Jake Smith", "meta": {"reporter": "Jake Smith"}',
        '"title": "A", "headline": "A", "meta": {"headline": "A"}',
        '"reporter": "Jake Smith", "meta": {"reporter": null}',
        '"reporter": "Jake Smith", "meta": {"byline": "By Zed Nobody"}',
    ],
)
def test_a_payload_giving_one_value_the_same_way_is_read(fields: str) -> None:
    from compliance.cms import CmsArticle, parse_payload

    (article,) = parse_payload(f'{{"id": "a", "html": "<p>x</p>", {fields}}}', "p")
    assert isinstance(article, CmsArticle)


def test_the_two_ways_refusal_names_the_line_of_the_second(cli: Any, tmp_path: Path) -> None:
    payload = write(tmp_path, "p.json", '[\n {"id": "a", "html": "<p>x</p>",\n  "reporter": "Jake Smith",\n  "meta": {\n   "reporter": "Zed Nobody"}}\n]\n')
    run = cli("check", "--input-kind", "cms-json", str(payload))
    assert run.code == 2
    assert (
        f"{payload}#1 (a): fields 'reporter' and 'meta.reporter' both give the article's 'reporter', differently ('Jake Smith', 'Zed Nobody') (at line 5): "
        in run.err
    )


@pytest.mark.parametrize(
    ("reporter", "decided"),
    [
        ("Zed Nobody", False),
        ("Jake Smith and Ana Ruiz", False),
        ("Jake Smith", True),
        ("J. Smith", True),
        ("Jake Smith, Daily Caller News Foundation", True),
    ],
)
def test_a_reporter_that_disagrees_with_the_original_is_not_checked_against_either(cli: Any, reporter: str, decided: bool) -> None:
    # DCNF's own page of the story (the copy itself would not be compared with).
    original = SAMPLE.parent.parent / "originals" / "dcnf-original.html"
    run = cli("check", "--select", "dcnf/original-reporter", "--original", str(original), "--meta", f"reporter={reporter}", str(SAMPLE))
    assert run.code == 0
    if decided:
        assert "ok      dcnf/original-reporter" in run.out and "not checked" not in run.out
    else:
        assert "not checked (dcnf/original-reporter): the article's 'reporter' metadata (" in run.out
        assert "and the original story (Jake Smith) name different reporters" in run.out


@pytest.mark.parametrize(
    ("yaml", "where"),
    [
        ("? title\n: Complex\nmedium: print\n", "2:1"),
        ("medium: print\n? title\n: Complex\n", "3:1"),
        ("medium: print\nmeta:\n  ? desk\n  : Metro\n", "4:3"),
        ("title: A\n?   medium\n: print\n", "3:1"),
    ],
)
def test_a_complex_key_in_front_matter_is_a_note_at_its_line(cli: Any, tmp_path: Path, yaml: str, where: str) -> None:
    story = write(tmp_path, "story.md", f"---\n{yaml}---\n\nBy Dan Walters, CalMatters\n\nText.\n")
    run = cli("check", "--format", "concise", "--pack", "calmatters", str(story))
    assert f"{story}:{where}: note syndcheck/front-matter front matter ignored: a key written with '?' (a YAML complex key) is not read here" in run.out


def test_a_complex_key_in_a_sidecar_refuses_the_article_at_its_line(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "sc.txt", "By Dan Walters, CalMatters\n\nText.\n")
    write(tmp_path, "sc.txt.meta.yaml", "# c\nmedium: print\n? title\n: Complex\n")
    run = cli("check", "--format", "concise", str(story))
    assert run.code == 2
    assert "sc.txt.meta.yaml:3:1: a key written with '?' (a YAML complex key) is not read here — write the key and its value on one line" in run.err


@pytest.mark.parametrize(
    "yaml",
    [
        "title: Is it? Yes\nmedium: print\n",
        "title: '? not a key'\n",
        "reporter: [Ana Ruiz, 'Ben? Li']\n",
        "q?: a\n",
    ],
)
def test_a_question_mark_that_is_no_complex_key_is_read(tmp_path: Path, yaml: str) -> None:
    assert sidecar(tmp_path, yaml)


def test_invalid_yaml_in_a_sidecar_gets_advice_for_metadata(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "sc.txt", "By Dan Walters, CalMatters\n\nText.\n")
    write(tmp_path, "sc.txt.meta.yaml", '# c\n\nreporter: "Dan\nmedium: print\n')
    run = cli("check", "--format", "concise", str(story))
    assert run.code == 2
    assert "sc.txt.meta.yaml:5:1: invalid YAML: found unexpected end of stream — check the quoting and indentation of its values" in run.err
    assert "patterns and selectors" not in run.err


LAUGHS = "".join(f"{name}: &{name} [{', '.join([prev] * 9)}]\n" for name, prev in zip("abcde", ["'lol'", "*a", "*b", "*c", "*d"], strict=True))


def test_an_alias_bomb_is_told_at_its_line_and_column(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "laughs.md", f"---\n{LAUGHS}---\n\nBy Dan Walters, CalMatters\n")
    run = cli("check", "--format", "concise", "--pack", "calmatters", str(story))
    noted = next(line for line in run.out.splitlines() if "syndcheck/front-matter" in line)
    place, said = noted.split(": note syndcheck/front-matter front matter ignored: ")
    line, column = place.removeprefix(f"{story}:").split(":")
    assert line.isdigit() and column.isdigit() and said.startswith("YAML document expands to more than 50000 values")


def api_client() -> Any:
    from starlette.testclient import TestClient

    from compliance.serve.app import ServeSettings, create_app

    return TestClient(create_app(ServeSettings(max_bytes=512 * 1024)), base_url="http://127.0.0.1:8080")


@pytest.mark.parametrize(("front", "where"), [("---\ntitle: A\ntitle: B\n---\n", "3:1"), ("---\nmedium: print\n\nreporter: A\nreporter: B\n---\n", "5:1")])
def test_the_api_says_where_a_front_matter_key_is_given_twice(front: str, where: str) -> None:
    answer = api_client().post("/v1/check?name=s.md", content=(front + "\nBy Dan Walters, CalMatters\n").encode(), headers={"content-type": "text/markdown"})
    (notice,) = answer.json()["files"][0]["notices"]
    assert notice["message"].startswith(f"not checked: s.md:{where}: duplicate key ")


def test_the_api_refuses_a_value_given_two_ways() -> None:
    answer = api_client().post("/v1/check", json={"id": "a", "html": "<p>x</p>", "reporter": "Jake Smith", "meta": {"reporter": "Zed Nobody"}})
    assert answer.status_code == 400
    assert answer.json()["error"]["message"].startswith("fields 'reporter' and 'meta.reporter' both give the article's 'reporter', differently")


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("meta.reporter=Jake%20Smith&meta.reporter=Zed%20Nobody", "query parameter 'meta.reporter' is given twice"),
        ("meta.reporter=Zed%20Nobody&pack=dcnf&meta.reporter=Jake%20Smith", "query parameter 'meta.reporter' is given twice"),
        ("name=a.html&name=b.html", "query parameter 'name' is given twice"),
    ],
)
def test_the_api_refuses_a_query_parameter_given_twice_in_either_order(query: str, said: str) -> None:
    answer = api_client().post(f"/v1/check?{query}", content=b"<p>By Jake Smith</p>", headers={"content-type": "text/html"})
    assert (answer.status_code, answer.json()["error"]["code"]) == (400, "bad-input")
    assert answer.json()["error"]["message"].startswith(said)


def test_the_api_takes_pack_repeated_and_one_value_per_metadata_key() -> None:
    query = "pack=dcnf&pack=propublica&meta.reporter=Jake%20Smith"
    answer = api_client().post(f"/v1/check?{query}", content=b"<p>By Jake Smith</p>", headers={"content-type": "text/html"})
    assert answer.status_code == 200
    assert answer.json()["files"][0]["packs"] == ["dcnf", "propublica"]


@pytest.mark.parametrize("values", [("Zed Nobody", "Jake Smith"), ("Jake Smith", "Zed Nobody"), ("Jake Smith", "Jake Smith")])
def test_the_cli_refuses_a_meta_key_given_twice(cli: Any, tmp_path: Path, values: tuple[str, str]) -> None:
    article = write(tmp_path, "a.html", "<p>By Jake Smith, Daily Caller News Foundation</p>")
    run = cli("check", "--pack", "dcnf", "--meta", f"reporter={values[0]}", "--meta", f"reporter={values[1]}", str(article))
    assert run.code == 2
    assert f"--meta gives 'reporter' twice ('{values[0]}', '{values[1]}'): only one value would be checked" in run.err


def test_the_cli_names_a_refused_item_of_a_batch_with_its_id(cli: Any, tmp_path: Path) -> None:
    lines = '{"id": "ok", "html": "<p>x</p>"}\n{"id": "story-9", "html": "<p>x</p>", "title": "A", "headline": "B"}\n{"html": "<p>x</p>", "html": "<p>y</p>"}\n'
    run = cli("check", "--input-kind", "cms-json", "--format", "json", str(write(tmp_path, "s.jsonl", lines)))
    assert run.code == 2
    paths = [entry["path"] for entry in run.json()["files"]]
    assert paths == [f"{tmp_path / 's.jsonl'}#1 (ok)", f"{tmp_path / 's.jsonl'}#2 (story-9)", f"{tmp_path / 's.jsonl'}#3"]
    assert "s.jsonl#2 (story-9): fields 'headline' and 'title' both give" in run.err


@pytest.mark.parametrize("char", ["\x1b", "\x07", "\x85", "\x7f"])
def test_a_control_in_a_value_is_shown_the_same_in_the_message_why_and_fix(cli: Any, tmp_path: Path, char: str) -> None:
    story = write(tmp_path, "story.md", "---\ntitle: Rates rise\n---\n\nThis story was originally published by CalMatters.\n\nBy Dan Walters, CalMatters\n")
    run = cli("check", "--pack", "calmatters", "--select", "calmatters/headline", "--meta", f"original_headline=Rates {char}[31mfall", str(story))
    shown = f"Rates \\x{ord(char):02x}[31mfall"
    assert f'The headline differs from CalMatters\' headline "{shown}" (headline "Rates rise" is not the original\'s "{shown}").' in run.out
    assert f'why: headline "Rates rise" is not the original\'s "{shown}"' in run.out
    assert f'fix: Use CalMatters\' headline unchanged: "{shown}".' in run.out


def test_a_value_without_controls_is_still_shown_normalised(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.md", "---\ntitle: Rates rise\n---\n\nBy Dan Walters, CalMatters\n")
    run = cli("check", "--pack", "calmatters", "--select", "calmatters/headline", "--meta", "original_headline=Rates  \u201cfall\u201d", str(story))
    assert 'why: headline "Rates rise" is not the original\'s "Rates "fall""' in run.out


# The command line and the API read one payload the same way: null is no article, and `packs`
# names the packs an article is checked with (an unknown id, or no array of ids, is refused).
@pytest.mark.parametrize(
    ("payload", "cli_code", "cli_said", "api_status", "packs"),
    [
        ({"html": None, "content": "<p>By Jake Smith, Daily Caller News Foundation</p>"}, 1, "", 200, ["dcnf"]),
        ({"html": "<p>By Jake Smith, Daily Caller News Foundation</p>", "packs": ["propublica"]}, 1, "", 200, ["propublica"]),
        ({"html": "<p>By Jake Smith, Daily Caller News Foundation</p>", "packs": None}, 1, "", 200, ["dcnf"]),
        ({"html": "<p>x</p>", "packs": ["nope"]}, 2, "unknown pack 'nope'", 422, None),
        ({"html": "<p>x</p>", "packs": 5}, 2, "field 'packs' is a number, not an array of pack ids", 400, None),
        ({"html": "<p>x</p>", "packs": ["dcnf", 1]}, 2, "field 'packs' holds a number, not a pack id", 400, None),
    ],
)
def test_the_cli_and_the_api_take_and_refuse_the_same_payload(
    cli: Any, tmp_path: Path, payload: dict[str, Any], cli_code: int, cli_said: str, api_status: int, packs: list[str] | None
) -> None:
    import json

    run = cli("check", "--input-kind", "cms-json", "--format", "json", str(write(tmp_path, "p.json", json.dumps(payload))))
    answer = api_client().post("/v1/check", json=payload)
    assert (run.code, answer.status_code) == (cli_code, api_status)
    assert cli_said in run.err
    if packs is not None:
        assert run.json()["files"][0]["packs"] == answer.json()["files"][0]["packs"] == packs
    else:
        error = answer.json()["error"]
        assert error["code"] == {400: "bad-input", 422: "unknown-pack"}[api_status]
        assert cli_said in error["message"]


def test_a_payload_s_packs_join_those_of_pack_on_the_command_line(cli: Any, tmp_path: Path) -> None:
    import json

    payload = {"html": "<p>By Jake Smith, Daily Caller News Foundation</p>", "packs": ["propublica"]}
    run = cli("check", "--input-kind", "cms-json", "--format", "json", "--pack", "dcnf", str(write(tmp_path, "p.json", json.dumps(payload))))
    assert run.json()["files"][0]["packs"] == ["dcnf", "propublica"]
