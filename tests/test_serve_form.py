"""The editor's page gives what the API takes: the article's metadata (`medium`, the headline, the
byline…, any other key as `KEY=VALUE`), escaped on the page and refused as the API refuses it; and
an upload the form reader cannot read because of its file name (thousands of characters, a line
break) gets one line saying what and what to do."""

from __future__ import annotations

import html
import re

import pytest

pytest.importorskip("starlette", reason="the 'serve' extra is not installed (pip install 'syndication-compliance[serve]')")

from starlette.testclient import TestClient

from compliance.serve import ServeSettings
from compliance.serve.app import create_app
from compliance.serve.page import PAGE_META_FIELDS
from tests.conftest import SAMPLES

PRINT_COPY = (SAMPLES / "states-newsroom" / "print-copy.txt").read_bytes()
NO_LOGO = (SAMPLES / "dcnf" / "no-logo.html").read_bytes()


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(ServeSettings(max_bytes=512 * 1024)), base_url="http://127.0.0.1:8080")  # a Host the server answers


def error_of(page: str) -> str:
    (message,) = re.findall(r'<p class="error" role="alert">([^<]*)</p>', page)
    return html.unescape(message)


def test_the_page_has_a_field_for_each_metadata_value_it_sends(client: TestClient) -> None:
    page = client.get("/").text
    for name, *_ in PAGE_META_FIELDS:
        assert f'name="{name}" value=""' in page, name
    assert '<select name="medium"><option value="" selected>' in page
    assert '<option value="online">online</option><option value="print">print</option>' in page
    assert '<textarea name="other_meta"' in page


@pytest.mark.parametrize(("medium", "link_checked"), [("online", True), ("print", False), ("", False)])
def test_the_medium_on_the_page_decides_as_the_apis_does(client: TestClient, medium: str, link_checked: bool) -> None:
    page = client.post("/", files={"file": ("print-copy.txt", PRINT_COPY, "text/plain")}, data={"medium": medium}).text
    api = client.post("/v1/check", params={"meta.medium": medium} if medium else {}, content=PRINT_COPY, headers={"content-type": "text/plain"}).json()
    found = [f["rule"] for f in api["files"][0]["findings"]]
    assert ("states-newsroom/link" in found) is link_checked
    assert ('data-rule="states-newsroom/link"' in page) is link_checked
    # The choice is shown again with the report.
    assert f'<option value="{medium}" selected>' in page


@pytest.mark.parametrize(
    ("data", "said"),
    [
        ({"medium": "web"}, "metadata 'medium' must be 'online' or 'print', got 'web'"),
        ({"original": "/etc/passwd"}, "'original' must be the original story's http(s) URL: the server reads no files"),
        ({"source_publisher": "x", "other_meta": "logo_url=javascript:alert(1)"}, "metadata 'logo_url' must be an http(s) URL"),
        ({"other_meta": "reporter Ana"}, "line 1 of the other metadata, 'reporter Ana', is not KEY=VALUE: write one KEY=VALUE a line"),
        ({"other_meta": "a=1\n\na=2"}, "metadata 'a' is given twice in the other metadata (again at line 3): give it once"),
        ({"reporter": "Ana", "other_meta": "reporter=Ben"}, "metadata 'reporter' is given in its own field and in the other metadata: give it once"),
        # Keys are read without letter case, '-' as '_': another spelling is the key again.
        ({"reporter": "Ana", "other_meta": "Reporter=Ben"}, "metadata 'Reporter' is given in its own field and in the other metadata: give it once"),
        (
            {"other_meta": "logo_url=https://a.example/l.png\nLOGO-URL=https://a.example/l.png"},
            "metadata 'logo_url' and 'LOGO-URL' in the other metadata (at line 2) are one key in two spellings",
        ),
    ],
)
def test_metadata_the_api_refuses_is_refused_on_the_page(client: TestClient, data: dict[str, str], said: str) -> None:
    answer = client.post("/", files={"file": ("no-logo.html", NO_LOGO, "text/html")}, data=data)
    assert answer.status_code == 400
    assert error_of(answer.text).startswith(said)


def test_metadata_values_are_escaped_on_the_page_and_reach_the_rules(client: TestClient) -> None:
    data = {"reporter": 'Jake "><script>x</script>', "original_headline": "<b>Rates</b>", "other_meta": "note=</textarea><script>y</script>"}
    page = client.post("/", files={"file": ("no-logo.html", NO_LOGO, "text/html")}, data=data).text
    assert "<script>x</script>" not in page and "<script>y</script>" not in page
    assert 'value="Jake &quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in page
    assert 'value="&lt;b&gt;Rates&lt;/b&gt;"' in page
    assert "note=&lt;/textarea&gt;&lt;script&gt;y&lt;/script&gt;</textarea>" in page


def test_other_metadata_is_metadata_rules_read(client: TestClient) -> None:
    story = b"This story was originally published by CalMatters.\n\nBy Dan Walters, CalMatters\n\nRates rise again\n\nInsurers raised rates.\n"
    page = client.post("/", files={"file": ("story.txt", story, "text/plain")}, data={"other_meta": "original_headline=Rates rise"}).text
    assert 'data-rule="calmatters/headline"' in page


# -- an upload whose file name the form reader cannot read --


def _upload(client: TestClient, filename: bytes) -> str:
    body = b'--XX\r\nContent-Disposition: form-data; name="file"; filename="' + filename + b'"\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n--XX--\r\n'
    answer = client.post("/", content=body, headers={"content-type": "multipart/form-data; boundary=XX"})
    assert answer.status_code == 400
    return error_of(answer.text)


@pytest.mark.parametrize("length", [5_000, 10_000, 100_000])
def test_a_file_name_too_long_to_read_says_so(client: TestClient, length: int) -> None:
    assert _upload(client, b"a" * length + b".html") == (
        "the uploaded file's name is too long to read (a part of the form has a header over 4 KiB): rename the file to a short name and upload it again"
    )


@pytest.mark.parametrize("name", [b"a\rb.html", b"story\r.html"])
def test_a_file_name_cut_by_a_control_character_says_so(client: TestClient, name: bytes) -> None:
    assert _upload(client, name).startswith("the uploaded file's name holds a control character")


@pytest.mark.parametrize("name", [b"a\x01b.html", b"story.html", b"a" * 2000 + b".html", b"tab\there.html"])
def test_a_file_name_the_reader_reads_is_checked_as_before(client: TestClient, name: bytes) -> None:
    body = b'--XX\r\nContent-Disposition: form-data; name="file"; filename="' + name + b'"\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n--XX--\r\n'
    answer = client.post("/", content=body, headers={"content-type": "multipart/form-data; boundary=XX"})
    assert answer.status_code == 200 and 'class="status" data-status="0"' in answer.text


def test_another_unreadable_form_says_what_to_send(client: TestClient) -> None:
    body = b"--x\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--x--\r\n"
    answer = client.post("/", content=body, headers={"content-type": "multipart/form-data; boundary=x"})
    assert answer.status_code == 400
    assert error_of(answer.text).endswith(": send the page's own form, or POST the article itself to /v1/check")


@pytest.mark.parametrize(("packs", "named"), [(["nosuch"], "pack 'nosuch'"), (["dcnf", "nosuch", "gone"], "packs 'nosuch' and 'gone'")])
def test_an_unknown_pack_on_the_page_is_refused_in_the_pages_words(client: TestClient, packs: list[str], named: str) -> None:
    # The editor sees the page's list of packs, not the API: the refusal says where the page lists them.
    answer = client.post("/", data={"article": "By Jake Smith", "pack": packs})
    # A field of the form refused, as the page's other fields are: 400 (the API's is 422).
    assert answer.status_code == 400
    assert error_of(answer.text) == f"unknown {named}; the page lists the packs this server has under Packs: tick one of them there"
    # The API answers in its own words.
    api = client.post("/v1/check?pack=nosuch", content=b"By Jake Smith", headers={"content-type": "text/plain"})
    assert api.json()["error"]["message"] == "unknown pack 'nosuch'; GET /v1/packs lists them"


def test_a_form_with_several_refused_fields_names_each(client: TestClient) -> None:
    answer = client.post(
        "/",
        data={"article": "By Jake Smith", "medium": "web", "format": "pdf", "original_url": "ftp://x", "other_meta": "no key here", "pack": "nosuch"},
    )
    assert answer.status_code == 400
    said = error_of(answer.text).split(". Also: ")
    assert said == [
        "line 1 of the other metadata, 'no key here', is not KEY=VALUE: write one KEY=VALUE a line (logo_url=https://…)",
        "'format' must be auto, html, markdown or text, not 'pdf'",
        "unknown pack 'nosuch'; the page lists the packs this server has under Packs: tick one of them there",
        "metadata 'medium' must be 'online' or 'print', got 'web' — give medium=online for a copy published on the web, medium=print for one printed",
        "metadata 'original_url' must be an http(s) URL, got 'ftp://x' — give the full address, for example original_url=https://example.org/…",
    ]


def test_a_form_with_more_refused_fields_than_are_named_counts_the_rest(client: TestClient) -> None:
    from compliance.serve.app import NAMED_REFUSALS

    urls = {f"meta-{n}": f"logo_{n}_url=ftp://{n}" for n in range(NAMED_REFUSALS + 3)}
    answer = client.post("/", data={"article": "By Jake Smith", "other_meta": "\n".join(urls.values())})
    message = error_of(answer.text)
    assert answer.status_code == 400
    assert message.count(". Also: ") == NAMED_REFUSALS - 1
    assert message.endswith("; and 3 more")
    assert "metadata 'logo_0_url'" in message and "metadata 'logo_5_url'" not in message


_PART = b'--XX\r\nContent-Disposition: form-data; name="article"\r\n\r\n'


@pytest.mark.parametrize(
    "body",
    [
        _PART + b"<p>hello",  # stopped in the article's text
        _PART + b"<p>hello</p>\r\n--XX\r\nContent-Disposition: form-data; na",  # stopped in the next part's header
        _PART + b"<p>hello</p>\r\n--XX",  # stopped in the closing boundary
        b"",  # nothing arrived
    ],
)
def test_a_form_cut_short_before_its_closing_boundary_is_refused_as_cut_short(client: TestClient, body: bytes) -> None:
    answer = client.post("/", content=body, headers={"content-type": "multipart/form-data; boundary=XX"})
    assert answer.status_code == 400
    assert error_of(answer.text).startswith("the form was cut short: its body ends before the form's closing boundary")
    assert '<p class="again">The form was not read' in answer.text


def test_a_whole_form_is_not_cut_short(client: TestClient) -> None:
    answer = client.post("/", content=_PART + b"<p>hello</p>\r\n--XX--\r\n", headers={"content-type": "multipart/form-data; boundary=XX"})
    assert answer.status_code == 200 and 'data-status="0"' in answer.text


@pytest.mark.parametrize(
    ("packs", "hint"),
    [
        (["DCNF"], "unknown pack 'DCNF'; did you mean 'dcnf'? "),
        (["propublika"], "unknown pack 'propublika'; did you mean 'propublica'? "),
        (["DCNF", "zzzz"], "unknown packs 'DCNF' and 'zzzz'; did you mean 'dcnf' for 'DCNF'? "),
    ],
)
def test_an_unknown_pack_close_to_a_loaded_one_is_named_on_the_page_and_in_the_api(client: TestClient, packs: list[str], hint: str) -> None:
    page = client.post("/", data={"article": "By Jake Smith", "pack": packs})
    assert page.status_code == 400
    assert error_of(page.text) == hint + "the page lists the packs this server has under Packs: tick one of them there"
    api = client.post("/v1/check", params=[("pack", p) for p in packs], content=b"By Jake Smith", headers={"content-type": "text/plain"})
    assert (api.status_code, api.json()["error"]["code"]) == (422, "unknown-pack")
    assert api.json()["error"]["message"] == hint + "GET /v1/packs lists them"


@pytest.mark.parametrize(
    ("fields", "refused"),
    [
        ([("reporter", "Ana Ruiz"), ("reporter", "Ben Li")], ["reporter"]),
        (
            [("original_url", "https://a.example/x"), ("original_url", "https://b.example/y"), ("format", "html"), ("format", "text")],
            ["original_url", "format"],
        ),
        ([("medium", "online"), ("medium", "print"), ("medium", "online")], ["medium"]),
        ([("other_meta", "logo_url=https://a.example/l.png"), ("other_meta", "x=y")], ["other_meta"]),
    ],
)
def test_a_field_that_takes_one_value_given_twice_is_refused_naming_it(client: TestClient, fields: list[tuple[str, str]], refused: list[str]) -> None:
    answer = client.post("/", files=[("article", (None, "By Jake Smith")), *((name, (None, value)) for name, value in fields)])
    assert answer.status_code == 400
    said = error_of(answer.text).split(". Also: ")
    times = {name: {2: "twice", 3: "3 times"}[sum(1 for field, _ in fields if field == name)] for name in refused}
    assert said == [f"'{name}' is given {times[name]} in the form: only one value would be checked; give it once" for name in refused]


def test_packs_are_the_field_the_form_repeats(client: TestClient) -> None:
    answer = client.post("/", files=[("article", (None, "By Jake Smith")), ("pack", (None, "dcnf")), ("pack", (None, "propublica"))])
    assert answer.status_code == 200


def test_a_copy_no_publishers_pack_applies_to_is_not_said_to_pass(client: TestClient) -> None:
    stripped = b"<html><body><h1>Lawmakers meet</h1><p>By Ana Ruiz</p><p>The story, with no credit line.</p></body></html>"
    answer = client.post("/", files={"file": ("story.html", stripped)})
    (line,) = re.findall(r'<p class="status" data-status="0">Result: ([^<]*)</p>', answer.text)
    assert html.unescape(line).startswith("not checked against any publisher's terms: no publisher's pack applies to this copy")
    assert "no findings" not in line


def test_a_copy_only_base_packs_apply_to_is_not_said_to_pass() -> None:
    from compliance.findings import Report
    from compliance.runner import FileResult
    from compliance.serve.app import build_checker
    from compliance.serve.page import status_line

    context = build_checker(ServeSettings()).context
    base = [pack.id for pack in context.packs if pack.extended_by and not pack.markers]
    publisher = next(pack.id for pack in context.packs if pack.markers)
    assert base, "a base pack is loaded"
    said = status_line(FileResult(Report(path="story.html", packs=(base[0],))), context, 0)
    assert said == (
        f"not checked against any publisher's terms: only the rules publishers share were checked ({base[0]});"
        " tick the publisher's pack under Packs, or give the original story's address in the Original URL field, and check again"
    )
    # A publisher's pack beside it: the copy was checked against that publisher's terms.
    assert status_line(FileResult(Report(path="story.html", packs=(base[0], publisher))), context, 0) == "no findings at or above the threshold"
    assert status_line(FileResult(Report(path="story.html", packs=())), context, 1) == "findings to fix"


@pytest.mark.parametrize("end", ["\u0085", "\x1c", "\x1f"])
@pytest.mark.parametrize("field", ["original_url", "other_meta"])
def test_a_control_character_ending_an_address_is_refused_on_the_page_as_by_the_api(client: TestClient, end: str, field: str) -> None:
    # `str.strip` takes these for white space; an address refuses them wherever they stand.
    address = "https://www.propublica.org/article/x" + end
    data = {"original_url": address} if field == "original_url" else {"other_meta": f"original_url={address}"}
    page = client.post("/", files={"file": ("no-logo.html", NO_LOGO, "text/html")}, data=data)
    api = client.post("/v1/check", params={"meta.original_url": address}, content=NO_LOGO, headers={"content-type": "text/html"})
    assert page.status_code == api.status_code == 400
    said = api.json()["detail"] if "detail" in api.json() else api.json()["error"]["message"]
    assert "holds a control character" in error_of(page.text)
    assert error_of(page.text).split(" — ")[0] == html.unescape(str(said)).split(" — ")[0]


@pytest.mark.parametrize("ends", [" ", "\t", "\r\n", "  \n "])
def test_white_space_pasted_around_an_address_on_the_page_is_left_out(client: TestClient, ends: str) -> None:
    address = "https://www.propublica.org/article/x"
    page = client.post("/", files={"file": ("no-logo.html", NO_LOGO, "text/html")}, data={"original_url": ends + address + ends})
    assert page.status_code == 200
