"""Each surface of `syndcheck serve` says how to give what a rule lacks in its own words: the API
its `meta.KEY` and `meta.original`, the editor's page its fields; neither the command line's
`--meta`, `--original FILE` or `syndcheck packs`, which its users cannot give."""

from __future__ import annotations

import html
import re

import pytest

pytest.importorskip("starlette", reason="the 'serve' extra is not installed (pip install 'syndication-compliance[serve]')")

from starlette.testclient import TestClient

from compliance.advice import API_ADVICE, COMMAND_LINE_ADVICE, GIVE_ORIGINAL
from compliance.serve import ServeSettings
from compliance.serve.app import create_app, page_advice
from tests.conftest import SAMPLES

# The command line's ways, which neither the API nor the page takes.
COMMAND_LINE_WORDS = re.compile(r"--meta|--original|syndcheck packs|'original' metadata key")
PRINT_COPY = (SAMPLES / "states-newsroom" / "print-copy.txt").read_bytes()
REPUBLISHED = (SAMPLES / "dcnf" / "republished.txt").read_bytes()


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(ServeSettings()), base_url="http://127.0.0.1:8080")


def _notices(answer: object) -> list[str]:
    return [n["message"] for n in answer.json()["files"][0]["notices"]]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("query", "body", "said"),
    [
        # A rule that compares with the original, and none given.
        ("", REPUBLISHED, "none was given (give its http(s) URL as meta.original (fetched when the server runs with --allow-fetch), or send its saved page"),
        # A base pack alone; and the value one of its rules needs.
        ("?pack=creative-commons", REPUBLISHED, "name the publisher's pack (GET /v1/packs lists them)"),
        ("?pack=creative-commons", REPUBLISHED, "it needs the article's 'original_url' (give it as meta.original_url=...)"),
        # A text copy, print unless its metadata says online.
        ("?pack=states-newsroom", PRINT_COPY, "a plain-text file is a print copy; give meta.medium=online if it is published online"),
    ],
)
def test_the_api_says_how_to_give_a_value_in_its_own_words(client: TestClient, query: str, body: bytes, said: str) -> None:
    answer = client.post(f"/v1/check{query}", content=body, headers={"content-type": "text/plain"})
    assert answer.status_code == 200
    assert any(said in message for message in _notices(answer)), _notices(answer)
    assert not COMMAND_LINE_WORDS.search(answer.text)


@pytest.mark.parametrize(
    ("fields", "body", "said"),
    [
        ({}, REPUBLISHED, "none was given (upload the original story's saved page as the Original story file)"),
        ({"pack": "creative-commons"}, REPUBLISHED, "name the publisher's pack (the page lists them under Packs)"),
        ({"pack": "creative-commons"}, REPUBLISHED, "it needs the article's 'original_url' (give it in the Original URL field)"),
        ({"pack": "states-newsroom"}, PRINT_COPY, "a plain-text file is a print copy; set the Published field to online if it is published online"),
    ],
)
def test_the_page_says_how_to_give_a_value_in_its_fields(client: TestClient, fields: dict[str, str], body: bytes, said: str) -> None:
    answer = client.post("/", files={"article": (None, body.decode("utf-8"))}, data=fields)
    page = html.unescape(answer.text)
    assert answer.status_code == 200 and said in page
    assert not COMMAND_LINE_WORDS.search(page)


def test_the_command_line_keeps_its_own_words() -> None:
    assert COMMAND_LINE_ADVICE.give("reporter") == "give it with --meta reporter=..."
    assert COMMAND_LINE_ADVICE.give("medium", "online", it=False) == "give --meta medium=online"
    assert COMMAND_LINE_ADVICE.give_original() == GIVE_ORIGINAL
    assert COMMAND_LINE_ADVICE.packs_listed() == "'syndcheck packs' lists them"


@pytest.mark.parametrize("advice", [API_ADVICE, page_advice(fetches=False), page_advice(fetches=True)])
def test_no_surface_of_the_server_names_a_command_line_option(advice: object) -> None:
    from compliance.advice import Advice

    assert isinstance(advice, Advice)
    said = [
        advice.give("reporter"),
        advice.give("gazette-logo"),
        advice.give("medium", "online", it=False),
        advice.give_original(),
        advice.give_own_original(),
        advice.give_original_instead(),
        advice.give_story_itself(),
        advice.packs_listed(),
    ]
    assert not [line for line in said if COMMAND_LINE_WORDS.search(line)]


@pytest.mark.parametrize("fetches", [False, True])
def test_an_original_file_that_is_the_copy_itself_is_noted_in_the_pages_words(fetches: bool) -> None:
    client = TestClient(create_app(ServeSettings(allow_fetch=fetches)), base_url="http://127.0.0.1:8080")
    answer = client.post("/", files={"file": ("story.txt", REPUBLISHED), "original_file": ("original.txt", REPUBLISHED)})
    page = html.unescape(answer.text)
    give = "upload the original story's saved page as the Original story file" + (", or give its Original URL" if fetches else "")
    assert f"the original given is this copy itself (the same text), not the story it republishes ({give})" in page
    assert not COMMAND_LINE_WORDS.search(page)


@pytest.mark.parametrize(
    ("original", "api", "page"),
    [
        (
            "https://www.dailycallernewsfoundation.org/story/",
            "is a URL; this server does not fetch pages, so the copy is not compared with it: its operator can start it with --allow-fetch",
            "is a URL; this server does not fetch pages, so the copy is not compared with it: save the original story's page and upload it",
        ),
    ],
)
def test_an_original_not_read_is_said_in_the_words_of_each_surface_whichever_asked_first(original: str, api: str, page: str) -> None:
    # One check process reads (and keeps) the original for both surfaces: its note is worded for each.
    client = TestClient(create_app(ServeSettings()), base_url="http://127.0.0.1:8080")
    for _ in range(2):
        answer = client.post("/v1/check", params={"meta.original": original}, content=REPUBLISHED, headers={"content-type": "text/plain"})
        assert any(api in message for message in _notices(answer)), _notices(answer)
        shown = html.unescape(client.post("/", files={"article": (None, REPUBLISHED.decode("utf-8"))}, data={"other_meta": f"original={original}"}).text)
        assert page in shown and "its operator can start it" not in shown


def test_an_original_file_that_is_itself_a_republication_is_noted_in_the_pages_words() -> None:
    client = TestClient(create_app(ServeSettings()), base_url="http://127.0.0.1:8080")
    copy = (SAMPLES / "originals" / "propublica-faithful.md").read_bytes()
    republication = (SAMPLES / "propublica" / "compliant-wordpress.html").read_bytes()
    answer = client.post("/", files={"file": ("story.md", copy), "original_file": ("original.html", republication)})
    page = html.unescape(answer.text)
    assert "the original given is itself a republication (its syndication-source names https://www.propublica.org/article/" in page
    assert "not the publisher's story (upload the original story's saved page as the Original story file)" in page
    assert not COMMAND_LINE_WORDS.search(page)


def test_an_original_of_another_story_is_noted_in_the_pages_words() -> None:
    client = TestClient(create_app(ServeSettings()), base_url="http://127.0.0.1:8080")
    copy = (SAMPLES / "originals" / "propublica-faithful.md").read_bytes()
    another = (
        b'<article><h1>Nursing Homes Cut Night Staff</h1><p class="byline">By Mina Park</p><p>Dozens of nursing homes across three counties'
        b" reduced their overnight staffing last winter, leaving a single aide responsible for as many as forty residents, according to"
        b" payroll records.</p></article>"
    )
    answer = client.post("/", files={"file": ("story.md", copy), "original_file": ("original.html", another)})
    page = html.unescape(answer.text)
    said = "it is most likely another story, and nothing is compared with it; upload this copy's own original story's saved page as the Original story file"
    assert said in page
    assert not COMMAND_LINE_WORDS.search(page)
