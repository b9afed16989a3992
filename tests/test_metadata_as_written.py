"""Article metadata is the characters its author wrote, wherever it comes from: YAML scalars that
YAML would resolve to another type (`0x1F`, `010`, `yes`, a date) are read as written, and JSON
numbers as their JSON writes them. A mistake in the metadata is told at the file's own line, a
key given twice is refused the same way in a front matter, a sidecar file and a payload, and an
array of names says which element is not a name. A payload's articles with an id are recorded in
a baseline by their id, so that a payload sent again in another order matches its findings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from compliance.api import check_markdown
from compliance.document.plaintext import read_front_matter, split_front_matter
from compliance.errors import InputError
from compliance.inputs import Source, read_sidecar_meta
from tests.conftest import write

# YAML 1.1 reads each of these plain scalars as something else than its characters.
RESOLVED_BY_YAML = [
    "0x1F",  # 31
    "010",  # 8
    "0o17",
    "1_000",  # 1000
    "1.50",  # 1.5
    "1e3",
    "6.0e+2",  # 600.0
    ".inf",
    "yes",  # True
    "On",
    "off",
    "true",
    "2026-01-02",  # a date
    "2026-01-02 10:00:00",  # a datetime
    "1:30",  # 90 (sexagesimal)
    "+12",
]


def front_matter(yaml: str) -> dict[str, str]:
    values, error = read_front_matter(split_front_matter(f"---\n{yaml}\n---\nBody.\n")[0])
    assert error is None
    return values


@pytest.mark.parametrize("written", RESOLVED_BY_YAML)
@pytest.mark.parametrize("key", ["headline", "byline", "reporter", "original_headline"])
def test_a_front_matter_scalar_is_read_as_written(key: str, written: str) -> None:
    assert front_matter(f"{key}: {written}") == {key: written}


@pytest.mark.parametrize("written", RESOLVED_BY_YAML)
def test_a_sidecar_scalar_is_read_as_written(tmp_path: Path, written: str) -> None:
    story = write(tmp_path, "story.html", "<p>x</p>")
    write(tmp_path, "story.html.meta.yaml", f"headline: {written}\nreporter: Ana Ruiz\n")
    assert read_sidecar_meta(Source(str(story), "html", story)) == {"headline": written, "reporter": "Ana Ruiz"}


@pytest.mark.parametrize(
    ("yaml", "read"),
    [
        # What YAML already read as text is read as before.
        ("headline: Rates rise again", {"headline": "Rates rise again"}),
        ("headline: 'Rates: up'", {"headline": "Rates: up"}),
        ('headline: "Caf\\u00e9 \\"owners\\""', {"headline": 'Café "owners"'}),
        ("headline: 'it''s'", {"headline": "it's"}),
        ("headline: >-\n  Rates\n  rise", {"headline": "Rates rise"}),
        ("headline: Rates\n  rise again", {"headline": "Rates rise again"}),
        # Quoted, a word YAML would read as null or a number is that word.
        ("headline: 'null'", {"headline": "null"}),
        ('headline: "~"', {"headline": "~"}),
        ("headline: '010'", {"headline": "010"}),
        # Not quoted, null is no value.
        ("headline: null", {}),
        ("headline: ~", {}),
        ("headline:", {}),
        ("author: [Ana Ruiz, 010, yes]", {"author": "Ana Ruiz, 010 and yes"}),
    ],
)
def test_text_yaml_reads_as_text_and_null_stay_as_they_were(yaml: str, read: dict[str, str]) -> None:
    assert front_matter(yaml) == read


@pytest.mark.parametrize("headline", ["010", "0x1F", "1_000", "Yes", "2026-01-02"])
def test_a_headline_written_as_a_number_or_a_word_yaml_would_change_matches_the_original(headline: str) -> None:
    credit = "This story was originally published by CalMatters. Sign up for their newsletters."
    story = f"---\ntitle: {headline}\n---\n\n{credit}\n\nBy Dan Walters, CalMatters\n\nInsurers raised rates.\n"
    same = check_markdown(story, packs=["calmatters"], meta={"original_headline": headline})
    assert "calmatters/headline" not in [f.rule for f in same.findings]
    other = check_markdown(story, packs=["calmatters"], meta={"original_headline": "Rates rise"})
    assert [f.rule for f in other.findings] == ["calmatters/headline"]


@pytest.mark.parametrize(
    ("json_value", "read"),
    [
        ("1e3", "1e3"),
        ("1E+3", "1E+3"),
        ("1.50", "1.50"),
        ("-0", "-0"),
        ("10", "10"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
        ('"0x1F"', "0x1F"),
        ('"  Rates rise  "', "Rates rise"),
    ],
)
def test_a_payload_number_is_read_as_its_json_writes_it(json_value: str, read: str) -> None:
    from compliance.cms import CmsArticle, parse_payload

    (article,) = parse_payload(f'{{"id": {json_value}, "html": "<p>x</p>", "headline": {json_value}, "meta": {{"reporter": {json_value}}}}}', "p.json")
    assert isinstance(article, CmsArticle)
    assert dict(article.meta) == {"headline": read, "reporter": read}
    ident = json.loads(json_value) if json_value.startswith('"') else read
    assert article.name == f"p.json#1 ({ident})"


BROKEN = "This story was originally published by CalMatters.\n\nBy Dan Walters, CalMatters\n\nInsurers raised rates.\n"


@pytest.mark.parametrize(
    ("front", "where"),
    [
        ("---\nreporter: [unclosed\n---\n", "3:1"),
        ("---\ntitle: ok\nreporter: [unclosed\n---\n", "4:1"),
        ("---\n\n\ntitle: 'unclosed\n---\n", "4:17"),
        ("---\r\ntitle: ok\r\nreporter: {a: [b}\r\n---\r\n", "3:17"),
        ("---\ntitle: ok\n  bad: indent\n---\n", "3:6"),
    ],
)
def test_a_front_matter_error_is_at_the_files_own_line(cli: Any, tmp_path: Path, front: str, where: str) -> None:
    story = write(tmp_path, "story.md", front + BROKEN)
    run = cli("check", "--pack", "calmatters", "--format", "json", str(story))
    (note,) = [n["message"] for n in run.json()["files"][0]["notices"] if n["code"] == "front-matter"]
    assert note.startswith(f"front matter ignored: {story}:{where}: ")
    assert " — " in note  # what to do


def test_a_front_matter_that_is_not_a_mapping_says_where_and_what_to_write(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.md", "---\n\n- Ana Ruiz\n---\n" + BROKEN)
    run = cli("check", "--pack", "calmatters", "--format", "json", str(story))
    (note,) = [n["message"] for n in run.json()["files"][0]["notices"] if n["code"] == "front-matter"]
    assert (
        note
        == f"front matter ignored: {story}:3:1: front matter is not a mapping of keys to values — write one 'key: value' line per value between the '---' lines"
    )


def test_a_value_note_names_the_files_own_line() -> None:
    report = check_markdown("---\n\ntitle: Rates\nmedium: [print]\n---\n" + BROKEN, packs=["calmatters"])
    assert any("the article's 'medium' (the front matter at line 4)" in n.message for n in report.notices)


@pytest.mark.parametrize(
    ("front", "where", "key"),
    [
        ("---\ntitle: A\ntitle: B\n---\n", "3:1", "title"),
        ("---\nreporter: Ana Ruiz\n\nmedium: print\nreporter: Ben Li\n---\n", "5:1", "reporter"),
        ("---\nmeta:\n  a: 1\n  a: 2\n---\n", "4:3", "a"),
        ("---\r\ntitle: A\r\nTitle: B\r\ntitle: C\r\n---\r\n", "4:1", "title"),
    ],
)
@pytest.mark.parametrize("name", ["story.md", "story.txt"])
def test_a_key_given_twice_in_front_matter_is_refused_at_its_line_as_a_sidecars_is(
    cli: Any, tmp_path: Path, front: str, where: str, key: str, name: str
) -> None:
    story = write(tmp_path, name, front + BROKEN)
    run = cli("check", "--format", "concise", str(story))
    assert run.code == 2
    assert f"syndcheck: error: {story}:{where}: duplicate key '{key}' (first defined at line " in run.err
    # The same mistake in a sidecar file: the same exit, the same line.
    plain = write(tmp_path, "plain.html", "<p>By Dan Walters, CalMatters</p>")
    write(tmp_path, "plain.html.meta.yaml", front.replace("---\r\n", "").replace("---\n", ""))
    side = cli("check", "--format", "concise", str(plain))
    assert side.code == 2 and f"plain.html.meta.yaml:{int(where.split(':')[0]) - 1}:" in side.err and f"duplicate key '{key}'" in side.err


def test_a_key_given_twice_is_refused_on_a_page_no_pack_applies_to(cli: Any, tmp_path: Path) -> None:
    # The page's words name no publisher: its report is made without the document model, and
    # still reads the front matter.
    story = write(tmp_path, "story.md", "---\ntitle: A\ntitle: B\n---\nHello world.\n")
    run = cli("check", str(story))
    assert run.code == 2 and f"syndcheck: error: {story}:3:1: duplicate key 'title'" in run.err


def test_a_key_given_twice_is_refused_by_the_api_and_named_by_the_path_given() -> None:
    with pytest.raises(InputError) as raised:
        check_markdown("---\ntitle: A\ntitle: B\n---\n" + BROKEN, packs=["calmatters"], path="site/story.md")
    assert raised.value.one_line().startswith("site/story.md:3:1: duplicate key 'title' (first defined at line 2)")


def test_a_key_given_twice_is_a_report_not_checked_for_a_batch_engine() -> None:
    from compliance.api import check_bytes

    report = check_bytes(("site/story.md", ("---\ntitle: A\ntitle: B\n---\n" + BROKEN).encode()))
    assert report.checked is False
    (note,) = [n.message for n in report.notices]
    assert note.startswith("not checked: site/story.md:3:1: duplicate key 'title' (first defined at line 2) — ")


@pytest.mark.parametrize(
    "text",
    [
        # The same key in two mappings is no repetition.
        "---\nmeta:\n  a: 1\nother:\n  a: 2\n---\n" + BROKEN,
        # A text that opens and closes with rules is not YAML: a note, the article checked.
        "---\nRates: rise: again\n---\n" + BROKEN,
        "---\n" + BROKEN + "---\nMore.\n",
    ],
)
def test_an_ordinary_article_is_still_checked(cli: Any, tmp_path: Path, text: str) -> None:
    story = write(tmp_path, "story.md", text)
    run = cli("check", "--pack", "calmatters", "--format", "json", str(story))
    assert run.code in (0, 1) and run.json()["files"][0]["checked"] is True


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ('"author": ["Ana Ruiz", 3]', "field 'author[1]' is a number, not a name"),
        ('"reporter": [null, "Ana Ruiz"]', "field 'reporter[0]' is null, not a name"),
        ('"meta": {"authors": ["Ana Ruiz", "Ben Li", true]}', "field 'meta.authors[2]' is true, not a name"),
        ('"meta": {"reporters": [["Ana Ruiz"]]}', "field 'meta.reporters[0]' is an array, not a name"),
    ],
)
def test_a_payload_names_the_element_of_an_array_of_names_that_is_not_a_name(fields: str, said: str) -> None:
    from compliance.cms import CmsProblem, parse_payload

    (problem,) = parse_payload(f'{{"id": "a", "html": "<p>x</p>", {fields}}}', "p")
    assert isinstance(problem, CmsProblem) and problem.reason == f"{said}; send each name as a string"


def test_a_payload_names_the_line_of_the_element_that_is_not_a_name(cli: Any, tmp_path: Path) -> None:
    payload = write(tmp_path, "p.json", '[\n {"html": "<p>x</p>"},\n {"html": "<p>y</p>",\n  "meta": {"authors": ["Ana Ruiz",\n     "Ben Li",\n     3]}}\n]\n')
    run = cli("check", "--input-kind", "cms-json", str(payload))
    assert run.code == 2
    assert f"{payload}#2: field 'meta.authors[2]' is a number, not a name (at line 6); send each name as a string" in run.err


@pytest.mark.parametrize(
    ("fields", "meta"),
    [
        ('"author": ["Ana Ruiz", "Ben Li"]', {"reporter": "Ana Ruiz and Ben Li"}),
        ('"author": []', {"reporter": ""}),
        ('"reporter": "Ana Ruiz"', {"reporter": "Ana Ruiz"}),
        ('"meta": {"tags": "a"}', {"tags": "a"}),
    ],
)
def test_a_payload_of_names_is_read_as_before(fields: str, meta: dict[str, str]) -> None:
    from compliance.cms import CmsArticle, parse_payload

    (article,) = parse_payload(f'{{"html": "<p>x</p>", {fields}}}', "p")
    assert isinstance(article, CmsArticle) and dict(article.meta) == meta


SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "dcnf"


def payload(path: Path, order: list[str | None]) -> Path:
    pages = {"logo": (SAMPLES / "no-logo.html").read_text(), "staff": (SAMPLES / "staff-byline.html").read_text()}
    items = [{"html": pages["logo" if ident != "s2" else "staff"], **({"id": ident} if ident else {})} for ident in order]
    path.write_text(json.dumps(items))
    return path


def test_a_baseline_of_a_payload_keys_its_articles_by_id(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sent = payload(tmp_path / "cms.json", ["s1", "s2", None])
    monkeypatch.chdir(tmp_path)
    assert cli("baseline", "create", "--input-kind", "cms-json", "--output", "baseline.json", "cms.json").code == 0
    recorded = json.loads(Path("baseline.json").read_text())["findings"]
    assert sorted(entry["path"] for entry in recorded) == ["cms.json (s1)", "cms.json (s2)", "cms.json#3"]
    # Sent again in another order: every known finding is still known.
    payload(sent, ["s2", "s1", None])
    run = cli("check", "--input-kind", "cms-json", "--baseline", "baseline.json", "--format", "json", "cms.json")
    assert run.code == 0 and [f["findings"] for f in run.json()["files"]] == [[], [], []]
    # An article without an id is known by its place: moved, its finding is new.
    payload(sent, [None, "s2", "s1"])
    run = cli("check", "--input-kind", "cms-json", "--baseline", "baseline.json", "--format", "concise", "cms.json")
    assert run.code == 1 and run.out.startswith("cms.json#1:")


def test_an_id_given_twice_in_a_payload_keeps_the_second_article_by_its_place(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    payload(tmp_path / "cms.json", ["s1", "s1"])
    monkeypatch.chdir(tmp_path)
    assert cli("baseline", "create", "--input-kind", "cms-json", "--output", "baseline.json", "cms.json").code == 0
    recorded = json.loads(Path("baseline.json").read_text())["findings"]
    assert sorted(entry["path"] for entry in recorded) == ["cms.json (s1)", "cms.json#2 (s1)"]
    assert len({entry["fingerprint"] for entry in recorded}) == 2
    run = cli("check", "--input-kind", "cms-json", "--baseline", "baseline.json", "--format", "concise", "cms.json")
    assert run.code == 0


def test_a_baseline_of_files_records_their_paths_as_before(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a#1 (b).html").write_text((SAMPLES / "no-logo.html").read_text())
    monkeypatch.chdir(tmp_path)
    assert cli("baseline", "create", "--output", "baseline.json", ".").code == 0
    assert [entry["path"] for entry in json.loads(Path("baseline.json").read_text())["findings"]] == ["a#1 (b).html"]
