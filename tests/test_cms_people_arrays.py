"""A CMS payload's people sent as an array at the top level (`reporters`, `authors`, `bylines`), as
plain names or as objects with a `name` or `display_name` (a CMS's author records), are read as
the same arrays are under `meta` and under `author`: several people, each checked. `reporters` and
`authors` give the article's reporter (as `author` does), `bylines` its byline. An element that is
no name (a number, null, an array, an object with no name string) is refused with the existing
refusal, naming the field, its index and its line; the batch goes on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from compliance.cms import CmsArticle, CmsProblem, parse_payload
from compliance.metavalues import NamesMeta
from tests.conftest import ROOT, write

SAMPLE = (ROOT / "samples" / "dcnf" / "compliant-static.html").read_text(encoding="utf-8")


def article(fields: str) -> CmsArticle:
    (found,) = parse_payload(f'{{"id": "a", "html": "<p>x</p>", {fields}}}', "p")
    assert isinstance(found, CmsArticle), found
    return found


@pytest.mark.parametrize(
    ("fields", "key", "names"),
    [
        ('"reporters": [{"name": "Ana Ruiz"}, {"name": "Ben Li"}]', "reporter", ("Ana Ruiz", "Ben Li")),
        ('"authors": ["Ana Ruiz", "Ben  Li"]', "reporter", ("Ana Ruiz", "Ben Li")),
        ('"authors": [{"display_name": "Ana Ruiz", "name": "aruiz"}, {"name": "Ben Li", "id": 7}]', "reporter", ("Ana Ruiz", "Ben Li")),
        ('"bylines": [{"display_name": "Ana Ruiz"}, "Ben Li"]', "byline", ("Ana Ruiz", "Ben Li")),
        # Nested, the same rules: an object's name is read there too.
        ('"meta": {"authors": [{"name": "Ana Ruiz"}, "Ben Li"]}', "authors", ("Ana Ruiz", "Ben Li")),
    ],
)
def test_an_array_of_people_is_several_people(fields: str, key: str, names: tuple[str, ...]) -> None:
    value = article(fields).meta[key]
    assert isinstance(value, NamesMeta) and tuple(value.names) == names


def test_one_person_in_an_array_is_that_person() -> None:
    assert article('"reporters": [{"name": "Ana Ruiz"}]').meta["reporter"] == "Ana Ruiz"


def test_the_same_people_given_two_ways_are_read_and_different_people_refused() -> None:
    assert article('"author": "Ana Ruiz", "reporters": [{"name": "Ana Ruiz"}]').meta["reporter"] == "Ana Ruiz"
    (problem,) = parse_payload('{"html": "<p>x</p>", "author": "Ana Ruiz", "reporters": [{"name": "Zed Nobody"}]}', "p")
    assert isinstance(problem, CmsProblem)
    assert problem.reason.startswith("fields 'author' and 'reporters' both give the article's 'reporter', differently ('Ana Ruiz', 'Zed Nobody')")


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        (
            '"reporters": [{"name": "Ana Ruiz"}, {"id": 7}]',
            "field 'reporters[1]' is an object with no 'name' or 'display_name' string, not a name; send each name as a string, or an object with its 'name'",
        ),
        ('"authors": [{"name": {"first": "Ana"}}]', "field 'authors[0]' is an object with no 'name' or 'display_name' string, not a name"),
        ('"bylines": ["Ana Ruiz", 3]', "field 'bylines[1]' is a number, not a name; send each name as a string"),
        ('"reporters": [null]', "field 'reporters[0]' is null, not a name"),
        ('"authors": {"name": "Ana Ruiz"}', "field 'authors' is an object, not a string; send a string, an array of names (or null for none)"),
        ('"meta": {"reporters": [{"login": "aruiz"}]}', "field 'meta.reporters[0]' is an object with no 'name' or 'display_name' string, not a name"),
    ],
)
def test_an_unreadable_shape_is_refused_naming_the_field(fields: str, said: str) -> None:
    (problem,) = parse_payload(f'{{"id": "a", "html": "<p>x</p>", {fields}}}', "p")
    assert isinstance(problem, CmsProblem) and problem.reason.startswith(said), problem


def test_a_top_level_array_is_no_unknown_field() -> None:
    assert article('"reporters": ["Ana Ruiz"], "bylines": ["Ana Ruiz"]').unknown == ()


CHECK = ("check", "--input-kind", "cms-json", "--format", "concise", "--select", "dcnf/original-reporter")


def test_the_reporters_array_is_checked_against_the_byline(cli: Any, tmp_path: Path) -> None:
    payload = {"id": "s1", "html": SAMPLE, "reporters": [{"name": "Jake Smith"}, {"display_name": "Zed Nobody"}]}
    run = cli(*CHECK, str(write(tmp_path, "cms.json", json.dumps(payload))))
    assert run.code == 1
    assert "error dcnf/original-reporter" in run.out and "(Zed Nobody not credited)" in run.out
    payload["reporters"] = [{"name": "Jake Smith"}]
    run = cli(*CHECK, str(write(tmp_path, "cms.json", json.dumps(payload))))
    assert (run.code, run.out) == (0, "")


def test_an_unreadable_element_is_refused_at_its_line_and_the_batch_goes_on(cli: Any, tmp_path: Path) -> None:
    payload = write(tmp_path, "p.json", '[\n {"html": "<p>x</p>"},\n {"html": "<p>y</p>",\n  "reporters": [{"name": "Ana Ruiz"},\n     {"id": 3}]}\n]\n')
    run = cli("check", "--input-kind", "cms-json", "--format", "json", str(payload))
    assert run.code == 2
    assert f"{payload}#2: field 'reporters[1]' is an object with no 'name' or 'display_name' string, not a name (at line 5)" in run.err
    assert [entry["checked"] for entry in run.json()["files"]] == [True, False]


def test_the_api_schema_takes_what_the_payload_reader_takes() -> None:
    import jsonschema

    from compliance.serve.openapi import openapi_document

    schema = openapi_document(1024, ["dcnf"])["paths"]["/v1/check"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    read = [{"html": "<p>x</p>", "reporters": [{"name": "Ana Ruiz"}, "Ben Li"]}, {"html": "<p>x</p>", "bylines": [{"display_name": "Ana Ruiz", "name": 3}]}]
    refused = [{"html": "<p>x</p>", "reporters": [{"id": 7}]}, {"html": "<p>x</p>", "authors": [3]}]
    assert [jsonschema.Draft4Validator(schema).is_valid(payload) for payload in read] == [True, True]
    assert [jsonschema.Draft4Validator(schema).is_valid(payload) for payload in refused] == [False, False]
    assert [isinstance(next(iter(parse_payload(json.dumps(payload), "p"))), CmsArticle) for payload in (*read, *refused)] == [True, True, False, False]


# A CMS's author record with a blank `display_name` (WordPress and Co-Authors Plus send "") names
# the person by its `name`, as a null `display_name` does; an element that names nobody at all is
# refused with its index, as null is: read as no one, it would let a wrong byline pass.
@pytest.mark.parametrize(
    ("fields", "key", "names"),
    [
        ('"authors": [{"display_name": "", "name": "Jake Smith"}]', "reporter", ("Jake Smith",)),
        ('"reporters": [{"display_name": " \\t ", "name": "Ana Ruiz"}, "Ben Li"]', "reporter", ("Ana Ruiz", "Ben Li")),
        ('"bylines": [{"display_name": "\\u00a0", "name": "Ana Ruiz", "id": 4}]', "byline", ("Ana Ruiz",)),
        ('"meta": {"authors": [{"display_name": null, "name": "Ana Ruiz"}, {"display_name": "", "name": "Ben Li"}]}', "authors", ("Ana Ruiz", "Ben Li")),
    ],
)
def test_a_blank_display_name_gives_way_to_the_name(fields: str, key: str, names: tuple[str, ...]) -> None:
    value = article(fields).meta[key]
    assert (tuple(value.names) if isinstance(value, NamesMeta) else (value,)) == names


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ('"authors": [""]', "field 'authors[0]' is empty, not a name; send the person's name, or leave the element out"),
        ('"reporters": ["Ana Ruiz", "   "]', "field 'reporters[1]' is blank, not a name"),
        ('"bylines": ["Ana Ruiz", "\\n"]', "field 'bylines[1]' is blank, not a name"),
        (
            '"authors": [{"display_name": "", "name": " "}]',
            "field 'authors[0]' is an object whose 'display_name' and 'name' are blank, not a name; send the person's name in it, or leave the element out",
        ),
        ('"reporters": [{"name": ""}]', "field 'reporters[0]' is an object whose 'name' is blank, not a name"),
        # A blank display_name beside a name that is no string: nothing names the person.
        (
            '"meta": {"reporters": ["Ana Ruiz", {"display_name": "  ", "name": 7}]}',
            "field 'meta.reporters[1]' is an object whose 'display_name' is blank, not a name",
        ),
    ],
)
def test_an_element_that_names_nobody_is_refused_with_its_index(fields: str, said: str) -> None:
    (problem,) = parse_payload(f'{{"id": "a", "html": "<p>x</p>", {fields}}}', "p")
    assert isinstance(problem, CmsProblem) and problem.reason.startswith(said), problem


@pytest.mark.parametrize("fields", ['"authors": []', '"author": ""', '"reporters": null'])
def test_no_people_given_stays_no_reporter(fields: str) -> None:
    # Near-misses: an empty list, a blank scalar and null give no reporter; none is refused.
    assert article(fields).meta.get("reporter", "") == ""


def test_a_blank_display_name_checks_the_name_against_the_byline(cli: Any, tmp_path: Path) -> None:
    payload = {"id": "d", "html": SAMPLE, "authors": [{"display_name": "", "name": "Zed Nobody"}]}
    run = cli(*CHECK, str(write(tmp_path, "cms.json", json.dumps(payload))))
    assert run.code == 1 and "error dcnf/original-reporter" in run.out and "Zed Nobody" in run.out
    payload["authors"] = [{"display_name": " ", "name": "Jake Smith"}]
    run = cli(*CHECK, str(write(tmp_path, "cms.json", json.dumps(payload))))
    assert (run.code, run.out) == (0, "")
    payload["authors"] = [""]
    run = cli(*CHECK, str(write(tmp_path, "cms.json", json.dumps(payload))))
    assert run.code == 2 and "field 'authors[0]' is empty, not a name" in run.err


def test_the_api_schema_refuses_a_person_that_names_nobody() -> None:
    import jsonschema

    from compliance.serve.openapi import openapi_document

    schema = openapi_document(1024, ["dcnf"])["paths"]["/v1/check"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    read = [
        {"html": "<p>x</p>", "authors": [{"display_name": "", "name": "Jake Smith"}]},
        {"html": "<p>x</p>", "reporters": ["Ana Ruiz", {"display_name": " Ana"}]},
    ]
    refused = [
        {"html": "<p>x</p>", "authors": [""]},
        {"html": "<p>x</p>", "reporters": ["Ana Ruiz", " \t"]},
        {"html": "<p>x</p>", "bylines": [{"display_name": "", "name": "  "}]},
    ]
    assert [jsonschema.Draft4Validator(schema).is_valid(payload) for payload in (*read, *refused)] == [True, True, False, False, False]
    assert [isinstance(next(iter(parse_payload(json.dumps(payload), "p"))), CmsArticle) for payload in (*read, *refused)] == [True, True, False, False, False]
