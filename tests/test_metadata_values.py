"""Article metadata written as YAML or JSON that is not one text value: a list of authors is several
authors; a list or a mapping where one value is expected is a mistake, and a rule that
needs the value is reported as not checked with the key, where it is written and what to write —
never checked against the format's default, never dropped silently, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from compliance.api import check_markdown, check_text
from compliance.document.plaintext import read_front_matter, split_front_matter
from compliance.findings import Report
from compliance.metavalues import UnreadableMeta, unreadable_reason
from tests.conftest import write
from tests.test_copy_medium import tribune


def notes(report: Report) -> list[str]:
    return [notice.message for notice in report.notices]


def front_matter(text: str) -> dict[str, str]:
    values, error = read_front_matter(split_front_matter(text)[0])
    assert error is None
    return values


@pytest.mark.parametrize(
    ("value", "form"),
    [
        ("[print]", "a list, not one value"),
        ("[online, print]", "a list, not one value"),
        ("{is: print}", "a mapping, not one value"),
    ],
)
@pytest.mark.parametrize("check", [check_text, check_markdown])
def test_a_medium_that_is_not_one_value_leaves_the_online_rule_not_checked_with_what_to_write(check: Any, value: str, form: str) -> None:
    report = check(tribune("by Carla Mendez, The Texas Tribune", front=f"---\ntitle: Jails\nmedium: {value}\n---\n"), packs=["texas-tribune"])
    # Not the format's medium: a Markdown copy would be online, a text copy print, and either is a guess.
    assert report.findings == ()
    (note,) = [n for n in notes(report) if "texas-tribune/link" in n]
    assert "the article's 'medium' (the front matter at line 3)" in note and form in note
    assert note.endswith("write 'medium: online' or 'medium: print'")


@pytest.mark.parametrize("value", ["true", "no", "yes", "off"])
@pytest.mark.parametrize("check", [check_text, check_markdown])
def test_a_medium_yaml_would_read_as_true_or_false_is_the_word_written_and_neither_medium(check: Any, value: str) -> None:
    report = check(tribune("by Carla Mendez, The Texas Tribune", front=f"---\ntitle: Jails\nmedium: {value}\n---\n"), packs=["texas-tribune"])
    assert report.findings == ()
    (note,) = [n for n in notes(report) if "texas-tribune/link" in n]
    assert note.endswith(f"the article's 'medium' is '{value}', neither 'online' nor 'print': write 'medium: online' or 'medium: print'")


@pytest.mark.parametrize("front", ["---\nmedium: online\n---\n", "---\nmedium: 'online'\n---\n", "---\n\nmedium: online\n---\n"])
def test_a_medium_written_as_one_value_is_read_as_before(front: str) -> None:
    report = check_text(tribune("by Carla Mendez, The Texas Tribune", front=front), packs=["texas-tribune"])
    assert [f.rule for f in report.findings] == ["texas-tribune/link"]


def test_a_medium_that_is_neither_says_what_to_write() -> None:
    report = check_markdown(tribune("by Carla Mendez, The Texas Tribune", front="---\nmedium: web\n---\n"), packs=["texas-tribune"])
    assert notes(report)[0].endswith("neither 'online' nor 'print': write 'medium: online' or 'medium: print'")


@pytest.mark.parametrize(
    ("yaml", "read"),
    [
        ("author: [Ana Ruiz, Ben Li]", {"author": "Ana Ruiz and Ben Li"}),
        ("authors:\n  - Ana Ruiz\n  - Ben Li\n  - Cy Po", {"authors": "Ana Ruiz, Ben Li and Cy Po"}),
        ("reporter: [Ana Ruiz]", {"reporter": "Ana Ruiz"}),
        ("reporter: Ana Ruiz", {"reporter": "Ana Ruiz"}),
        ("publication_date: 2024-05-01", {"publication_date": "2024-05-01"}),
        ("reporter: 5", {"reporter": "5"}),
        ("reporter:", {}),
        ("reporter: null", {}),
    ],
)
def test_front_matter_values_read_as_a_user_means_them(yaml: str, read: dict[str, str]) -> None:
    values = front_matter(f"---\n{yaml}\n---\nBody.\n")
    assert values == read and not any(isinstance(v, UnreadableMeta) for v in values.values())


@pytest.mark.parametrize(
    ("yaml", "said"),
    [
        ("original_url: {a: b}", "the article's 'original_url' (the front matter at line 2) is a mapping, not one value: write 'original_url: https://…'"),
        ("source_publisher: [CalMatters, AP]", "the article's 'source_publisher' (the front matter at line 2) is a list, not one value"),
        ("author: [Ana Ruiz, {name: Ben Li}]", "the article's 'author' (the front matter at line 2) has a mapping as its element 2, at line 2"),
    ],
)
def test_a_value_that_is_not_one_is_kept_as_a_mistake_with_its_line(yaml: str, said: str) -> None:
    values = front_matter(f"---\n{yaml}\n---\nBody.\n")
    key = yaml.split(":")[0]
    assert values[key] == "" and (unreadable_reason(values, key) or "").startswith(said)


def test_a_rule_needing_a_value_written_as_a_mapping_is_not_checked_and_says_so() -> None:
    report = check_markdown(
        "---\noriginal_url: {href: 'https://globalvoices.org/x'}\n---\nBy Ana Ruiz\n\nText.\n\n"
        "This story was written by Ana Ruiz for Global Voices. Creative Commons Attribution 3.0.\n",
        packs=["creative-commons"],
    )
    (note,) = [n for n in notes(report) if n.startswith("rule creative-commons/source-link not checked")]
    assert note.endswith("the article's 'original_url' (the front matter at line 2) is a mapping, not one value: write 'original_url: https://…'")


def test_an_original_given_as_a_list_says_so_instead_of_no_original(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.md", "---\noriginal: [a.html, b.html]\n---\nBy Dan Walters, CalMatters\n\nInsurers raised rates.\n")
    run = cli("check", "--pack", "calmatters", "--format", "json", str(story))
    said = " ".join(n["message"] for n in json.loads(run.out)["files"][0]["notices"])
    assert "the article's 'original' (the front matter at line 2) is a list, not one value" in said


@pytest.mark.parametrize("value", ["[print]", "{a: b}"])
def test_the_sidecar_file_is_read_as_the_front_matter_is(cli: Any, tmp_path: Path, value: str) -> None:
    story = write(tmp_path, "story.txt", tribune("by Carla Mendez, The Texas Tribune"))
    write(tmp_path, "story.txt.meta.yaml", f"reporter: Carla Mendez\nmedium: {value}\n")
    run = cli("check", "--pack", "texas-tribune", "--format", "json", str(story))
    assert run.code == 0, run.err
    (note,) = [n["message"] for n in json.loads(run.out)["files"][0]["notices"] if "texas-tribune/link" in n["message"]]
    assert "story.txt.meta.yaml at line 2)" in note and note.endswith("write 'medium: online' or 'medium: print'")


def test_a_sidecar_list_of_authors_is_several_reporters(cli: Any, tmp_path: Path) -> None:
    from compliance.inputs import Source, read_sidecar_meta

    story = write(tmp_path, "story.html", "<p>x</p>")
    write(tmp_path, "story.html.meta.yaml", "reporter:\n  - Ana Ruiz\n  - Ben Li\n")
    assert read_sidecar_meta(Source(str(story), "html", story)) == {"reporter": "Ana Ruiz and Ben Li"}


@pytest.mark.parametrize(
    ("fields", "meta"),
    [
        ('"author": ["Ana Ruiz", "Ben Li"]', {"reporter": "Ana Ruiz and Ben Li"}),
        ('"meta": {"authors": ["Ana Ruiz", "Ben Li", "Cy Po"]}', {"authors": "Ana Ruiz, Ben Li and Cy Po"}),
        ('"reporter": []', {"reporter": ""}),
    ],
)
def test_a_payload_array_of_names_is_several_reporters(fields: str, meta: dict[str, str]) -> None:
    from compliance.cms import CmsArticle, parse_payload

    (article,) = parse_payload(f'{{"html": "<p>x</p>", {fields}}}', "p")
    assert isinstance(article, CmsArticle) and dict(article.meta) == meta


def test_a_payload_mistake_names_its_line_when_the_payload_has_several(cli: Any, tmp_path: Path) -> None:
    payload = write(tmp_path, "p.json", '[\n {"html": "<p>x</p>"},\n {"html": "<p>y</p>",\n  "meta": {"medium": ["print"]}}\n]\n')
    run = cli("check", "--input-kind", "cms-json", str(payload))
    assert run.code == 2
    assert "p.json#2: field 'meta.medium' is an array, not a string (at line 4); send one value as a string (or null for none)" in run.err


def test_an_unreadable_value_survives_the_trip_to_a_worker_process() -> None:
    import pickle

    value = UnreadableMeta("the article's 'medium' (x at line 2) is a list")
    copy = pickle.loads(pickle.dumps(value))
    assert isinstance(copy, UnreadableMeta) and copy == "" and copy.why == value.why


# -- try-out s48: an empty or blank key is refused in YAML metadata as `--meta =x` refuses it ------

_NO_KEY_HINT = "write 'KEY: value', for example 'reporter: Jake Smith'"


@pytest.mark.parametrize(("key", "shown"), [('""', ""), ("' '", " "), ('"\\t"', "\t"), ("''", "")])
def test_a_front_matter_key_that_is_empty_or_blank_is_refused_at_its_line(cli: Any, tmp_path: Path, key: str, shown: str) -> None:
    from compliance.metavalues import NO_KEY

    story = write(tmp_path, "story.md", f"---\ntitle: Budget passes\n{key}: x\n---\n\nBy Jake Smith\n")
    run = cli("check", str(story))
    assert run.code == 2
    assert run.err.splitlines()[0] == f"syndcheck: error: {story}:3:1: metadata key '{shown}' {NO_KEY} — {_NO_KEY_HINT}"


def test_a_sidecar_key_that_is_empty_is_refused_at_its_line_of_the_sidecar(cli: Any, tmp_path: Path) -> None:
    from compliance.metavalues import NO_KEY

    story = write(tmp_path, "story.html", "<p>By Jake Smith</p>")
    write(tmp_path, "story.html.meta.yaml", "reporter: Jake Smith\n'': x\n")
    run = cli("check", str(story))
    assert run.code == 2
    assert run.err.splitlines()[0] == f"syndcheck: error: {story}.meta.yaml:2:1: metadata key '' {NO_KEY} — {_NO_KEY_HINT}"


@pytest.mark.parametrize("key", ["a b", "'  reporter'", "reporter"])
def test_a_front_matter_key_with_a_word_in_it_is_read(key: str) -> None:
    assert list(front_matter(f"---\n{key}: Jake Smith\n---\n\nBy Jake Smith\n")) == [key.strip("'")]
