"""The editor's page shows again everything the editor sent: after a refusal (so that they mend
one thing and send again) as with a report, each field holding the very characters sent, control
and bidirectional characters included, while the page's bytes hold none of them raw and the text
shown as page text (findings, evidence, the blocks to paste) stays sanitised."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest

pytest.importorskip("starlette", reason="the 'serve' extra is not installed (pip install 'syndication-compliance[serve]')")

from starlette.testclient import TestClient

from compliance.serve import ServeSettings
from compliance.serve.app import create_app
from compliance.serve.page import UNREAD_FORM, field_text
from tests.conftest import ROOT, SAMPLES

NO_LOGO = (SAMPLES / "dcnf" / "no-logo.html").read_bytes()
LIMIT = 64 * 1024
# What the page's bytes must never hold raw (`compliance.display`'s unsafe characters but tab and line break).
RAW_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
AGAIN = "A browser cannot refill a file input: choose the file again."


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(ServeSettings(max_bytes=LIMIT)), base_url="http://127.0.0.1:8080")


def unescape(text: str) -> str:
    """`text` with its character references read as a browser reads them: HTML reads a control's
    numeric reference (`&#x1b;`) as the control, where Python's `html.unescape` drops it."""
    controls = re.sub(r"&#x(0?[1-9a-f]|1[0-9a-f]|7f);", lambda m: chr(int(m[1], 16)), text)
    return html.unescape(controls)


def refilled(page: str) -> dict[str, Any]:
    """What a browser puts in the form's fields from `page`: each text input's value and each
    textarea's text (character references read as an HTML parser reads them, the line break right
    after `<textarea>` dropped as it drops it), the selected option of each select, the ticked packs."""
    fields: dict[str, Any] = {}
    for name, value in re.findall(r'<input type="(?:text|url)" name="([^"]+)" value="([^"]*)"', page):
        fields[name] = unescape(value)
    for name, text in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>', page):
        fields[name] = unescape(text.removeprefix("\n"))
    for name, options in re.findall(r'<select name="([^"]+)">(.*?)</select>', page):
        fields[name] = re.findall(r'<option value="([^"]*)" selected>', options)
    fields["pack"] = re.findall(r'name="pack" value="([^"]+)" checked>', page)
    return fields


def error_of(page: str) -> str:
    (message,) = re.findall(r'<p class="error" role="alert">([^<]*)</p>', page)
    return html.unescape(message)


TYPED = {
    "article": "<article><p>By Ana Ruiz, Daily Caller News Foundation</p>\n<p>Rates rise.</p></article>",
    "reporter": "Ana Ruiz",
    "original_headline": "Rates rise & fall <again>",
    "format": "html",
    "pack": "dcnf",
    "medium": "online",
}


@pytest.mark.parametrize(
    ("changed", "status", "said"),
    [
        ({"other_meta": "note=x\nlogo_url=ftp://x"}, 400, "metadata 'logo_url' must be an http(s) URL"),
        ({"original": "/etc/passwd"}, 400, "'original' must be the original story's http(s) URL"),
        ({"original_url": "javascript:alert(1)"}, 400, "metadata 'original_url' must be an http(s) URL"),
        ({"other_meta": "reporter Ana"}, 400, "line 1 of the other metadata, 'reporter Ana', is not KEY=VALUE"),
        ({"other_meta": "note=a\nnote=b"}, 400, "metadata 'note' is given twice in the other metadata"),
        ({"other_meta": "reporter=Ben"}, 400, "metadata 'reporter' is given in its own field and in the other metadata"),
        ({"article": "   "}, 400, "paste an article or choose a file"),
        ({"article": "<p>" + "x" * LIMIT + "</p>"}, 413, "the article is larger than the limit"),
    ],
)
def test_every_refusal_of_a_read_form_shows_everything_typed_again(client: TestClient, changed: dict[str, str], status: int, said: str) -> None:
    sent = {**TYPED, **changed}
    answer = client.post("/", data=sent)
    assert answer.status_code == status
    assert error_of(answer.text).startswith(said)
    fields = refilled(answer.text)
    for name in ("article", "reporter", "original_headline", "original", "original_url", "other_meta"):
        assert fields[name] == sent.get(name, ""), name
    assert fields["format"] == ["html"] and fields["medium"] == ["online"] and fields["pack"] == ["dcnf"]
    assert AGAIN not in answer.text and UNREAD_FORM not in answer.text  # nothing was uploaded, everything is back


def test_a_medium_that_is_no_choice_is_refused_and_the_rest_refilled(client: TestClient) -> None:
    answer = client.post("/", data={**TYPED, "medium": "web"})
    assert answer.status_code == 400 and error_of(answer.text).startswith("metadata 'medium' must be 'online' or 'print', got 'web'")
    fields = refilled(answer.text)
    assert fields["medium"] == [] and fields["reporter"] == "Ana Ruiz" and fields["article"] == TYPED["article"]


def test_a_refusal_after_the_form_is_read_keeps_a_pack_the_server_refuses_out_and_the_rest_in(client: TestClient) -> None:
    answer = client.post("/", data={**TYPED, "pack": ["dcnf", "no-such-pack"]})
    assert answer.status_code == 400 and error_of(answer.text).startswith("unknown pack 'no-such-pack'")
    fields = refilled(answer.text)
    assert fields["pack"] == ["dcnf"] and fields["reporter"] == "Ana Ruiz" and fields["article"] == TYPED["article"]


@pytest.mark.parametrize(
    ("files", "beside"),
    [
        ({"file": ("no-logo.html", NO_LOGO, "text/html")}, ["file"]),
        ({"original_file": ("original.html", b"<p>The original.</p>", "text/html")}, ["original_file"]),
        ({"file": ("no-logo.html", NO_LOGO, "text/html"), "original_file": ("o.html", b"<p>o</p>", "text/html")}, ["file", "original_file"]),
    ],
)
def test_a_file_input_that_held_a_file_says_to_choose_it_again(client: TestClient, files: dict[str, Any], beside: list[str]) -> None:
    answer = client.post("/", data={**TYPED, "medium": "web"}, files=files)
    assert answer.status_code == 400
    noted = re.findall(r'<input[^>]*type="file" name="([^"]+)"[^>]*>(?:</label>)? <span class="again">' + re.escape(AGAIN), answer.text)
    assert noted == beside
    assert refilled(answer.text)["reporter"] == "Ana Ruiz"


def test_a_blank_file_input_says_nothing_about_choosing_again(client: TestClient) -> None:
    # A browser sends an empty file input as a part with no file name and no bytes.
    answer = client.post("/", data={**TYPED, "medium": "web"}, files={"file": ("", b"", "application/octet-stream")})
    assert answer.status_code == 400 and AGAIN not in answer.text


def test_the_report_shows_what_was_sent_as_before(client: TestClient) -> None:
    answer = client.post("/", data={**TYPED, "article": NO_LOGO.decode("utf-8")})
    assert answer.status_code == 200 and 'data-rule="dcnf/logo"' in answer.text
    fields = refilled(answer.text)
    assert fields["article"] == NO_LOGO.decode("utf-8") and fields["reporter"] == "Ana Ruiz" and fields["pack"] == ["dcnf"]
    assert "error" not in re.findall(r'<p class="(\w+)"', answer.text)


@pytest.mark.parametrize(
    ("body", "headers", "status"),
    [
        (b"x" * (4 * LIMIT), {"content-type": "multipart/form-data; boundary=XX"}, 413),
        (b"article=x", {"content-type": "application/x-www-form-urlencoded", "content-encoding": "gzip"}, 415),
        (b"article=x", {"content-type": "application/json"}, 400),
    ],
)
def test_a_form_refused_before_it_is_read_says_its_fields_could_not_be_shown(client: TestClient, body: bytes, headers: dict[str, str], status: int) -> None:
    answer = client.post("/", content=body, headers=headers)
    assert answer.status_code == status
    assert f'<p class="again">{UNREAD_FORM}</p>' in answer.text
    assert refilled(answer.text)["article"] == ""


# -- each field holds the characters sent --

CONTROLS = ["\u202e", "\u2066", "\u2069", "\u200f", "\u061c", "\u2028", "\u2029", "\x1b", "\x07", "\x7f", "\x01"]


@pytest.mark.parametrize("char", CONTROLS)
def test_a_control_or_bidi_character_is_refilled_as_itself_and_never_written_raw(client: TestClient, char: str) -> None:
    sent = {
        **TYPED,
        "reporter": f"Ana{char}Ruiz",
        "original_headline": f"Rates{char} rise",
        "other_meta": f"note=a{char}b",
        "article": f"<p>By Ana{char} Ruiz</p>",
    }
    for refused in (False, True):
        answer = client.post("/", data={**sent, "medium": "web" if refused else "online"})
        assert answer.status_code == (400 if refused else 200)
        fields = refilled(answer.text)
        for name in ("reporter", "original_headline", "other_meta", "article"):
            assert fields[name] == sent[name], (name, refused)
        assert RAW_UNSAFE.search(answer.text) is None


@pytest.mark.parametrize("char", ["\x00", "\x85"])
def test_a_nul_or_c1_character_comes_back_as_its_visible_escape(client: TestClient, char: str) -> None:
    answer = client.post("/", data={**TYPED, "reporter": f"Jake{char}Smith\x1b[31m", "article": "<p>By Ana Ruiz</p>"})
    assert f'name="reporter" value="Jake\\x{ord(char):02x}Smith&#x1b;[31m"' in answer.text
    assert "&#x0;" not in answer.text and RAW_UNSAFE.search(answer.text) is None


def test_text_shown_as_page_text_stays_sanitised(client: TestClient) -> None:
    story = NO_LOGO.decode("utf-8").replace("Jake Smith", "Jake\u202e Smith")
    answer = client.post("/", data={"article": story, "reporter": "Jake\u202e Smith"})
    assert answer.status_code == 200
    # The article's own text, findings and the blocks to paste: the visible escape.
    view = answer.text.split("</form>", 1)[1]
    assert "Jake\\u202e Smith" in view and "&#x202e;" not in view
    # The fields: the character itself, as a reference.
    assert 'value="Jake&#x202e; Smith"' in answer.text


@pytest.mark.parametrize(
    ("pasted", "shown"),
    [
        ("line one\r\nline two\r\n", "line one\nline two\n"),  # a browser sends a textarea's lines with CRLF
        ("\nstarts with a blank line", "\nstarts with a blank line"),
        ("\r\n\r\ntwo blank lines", "\n\ntwo blank lines"),
        ("old\rmac", "old\nmac"),
        ("tab\tkept", "tab\tkept"),
        (":: a workflow-looking line\n::warning::x", ":: a workflow-looking line\n::warning::x"),
    ],
)
def test_the_pasted_text_keeps_its_lines(client: TestClient, pasted: str, shown: str) -> None:
    answer = client.post("/", data={"article": pasted, "other_meta": pasted.replace("\t", " ").replace(":", "=")})
    fields = refilled(answer.text)
    assert fields["article"] == shown
    assert "\\r" not in answer.text.split("</form>", 1)[0]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("Jake Smith", "Jake Smith"),  # ordinary text is written as it is
        ("Zoë “Z” Ruiz — 日本", "Zoë “Z” Ruiz — 日本"),
        ('"><script>x</script>', "&quot;&gt;&lt;script&gt;x&lt;/script&gt;"),
        ("a\u202eb", "a&#x202e;b"),
        ("a\x1b[31mb", "a&#x1b;[31mb"),
        # A C1 control cannot be written as a reference (HTML reads `&#x85;` as "…"), so it keeps its visible escape.
        ("a\x85b", "a\x85b"),
        # Nor NUL: HTML reads it, raw or `&#x0;`, as U+FFFD.
        ("a\x00b", "a\x00b"),
    ],
)
def test_field_text_escapes_for_html_and_references_controls(value: str, written: str) -> None:
    assert field_text(value) == written


# -- the blocks to paste on the page link where the terms ask for a link --

WELDS = (ROOT / "docs" / "examples" / "welds.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "given",
    [{"original_url": "https://www.propublica.org/article/welds"}, {"other_meta": "original_url=https://www.propublica.org/article/welds"}],
)
def test_the_credit_line_to_paste_links_to_the_original_url_given_on_the_page(client: TestClient, given: dict[str, str]) -> None:
    page = client.post("/", data={"article": WELDS, "pack": "propublica", **given}).text
    assert "This story was originally published by [ProPublica](https://www.propublica.org/article/welds).</code></pre>" in page
    assert 'class="fill"' not in page


def test_without_an_original_url_the_page_says_to_fill_in_the_placeholder(client: TestClient) -> None:
    page = client.post("/", data={"article": WELDS, "pack": "propublica"}).text
    assert "This story was originally published by [ProPublica]([ORIGINAL URL]).</code></pre>" in page
    assert page.count('<p class="fill">Replace [ORIGINAL URL] with the original story&#x27;s URL before pasting') == 2  # the credit line and the link back


def test_the_conversations_authors_to_fill_in_are_given_by_the_original_story_file(client: TestClient) -> None:
    # A byline without the authors' institutions: the block to paste stands [AUTHORS] for them,
    # and the page says which of its fields gives them, as the command line names --original.
    article = (SAMPLES / "the-conversation" / "no-institution-twice.html").read_text(encoding="utf-8")
    page = html.unescape(client.post("/", data={"article": article, "pack": "the-conversation"}).text)
    (fill,) = {line for line in re.findall(r'<p class="fill">([^<]*)</p>', page) if "[AUTHORS]" in line}
    assert fill == (
        "Replace [AUTHORS] with each author with their institution before pasting, or give it and check again:"
        " the original story as the Original story file, whose byline names both."
    )


def test_every_value_to_fill_in_says_how_the_page_gives_it() -> None:
    # Each value a block to paste may lack is given on the page in its own words ("…: give HOW").
    from compliance.fixtemplates import BUILT_IN_VALUES, BUILT_IN_VALUES_ON_THE_PAGE
    from compliance.serve.app import _how_to_give

    assert BUILT_IN_VALUES_ON_THE_PAGE.keys() == BUILT_IN_VALUES.keys()
    assert all(_how_to_give(said) for said in BUILT_IN_VALUES_ON_THE_PAGE.values())
