"""What `syndcheck audit` makes of a broken web archive: a record the archive holds less of than it
says (a crawler that died while writing it, a gzip member cut or corrupt) is a problem, never a
copy checked for what the archive lost, nor a page that matched no story; and what `warcio` warns
of while reading is a problem in the report, never text written raw to the terminal."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

pytest.importorskip("warcio", reason="the audit extra: pip install -e '.[audit]'")

from tests.test_audit import web

PUBLISHER = "https://dailycallernewsfoundation.org"
PARTNER = "https://valley.example"


def _records(pages: list[tuple[str, bytes]], *, gzip: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    for url, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers))
    return out.getvalue()


def _copies() -> list[tuple[str, bytes]]:
    return [(f"{PARTNER}/news/story-{i}/", web.copy(PUBLISHER, PARTNER, i, "compliant")) for i in (0, 1)]


def _read(tmp: Path, data: bytes, name: str) -> tuple[list[str], list[tuple[str, str]]]:
    from compliance.audit.sources import Page, warc_records

    path = tmp / name
    path.write_bytes(data)
    pages, problems = [], []
    for item in warc_records(path):
        if isinstance(item, Page):
            pages.append(item.key)
        else:
            problems.append((item.where, item.what))
    return pages, problems


def _last_record_start(data: bytes, *, gzip: bool) -> int:
    """Where the last record begins: its WARC line (plain), or its gzip member."""
    if not gzip:
        return data.rindex(b"WARC/1.0\r\n")
    start = 0
    while True:
        member = zlib.decompressobj(31)
        member.decompress(data[start:])
        rest = len(member.unused_data)
        if rest == 0:
            return start
        start = len(data) - rest


@pytest.mark.parametrize("gzip", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize(
    "keep",
    [
        # What is left of the last record: most of its page (its end, credit and pixel lost), its
        # headers and no page at all, part of its HTTP headers, part of its WARC headers, its first line.
        0.9,
        0.5,
        0.2,
        0.1,
        0.05,
        0.01,
    ],
)
def test_a_record_cut_short_is_a_problem_and_not_a_page(tmp_path: Path, gzip: bool, keep: float) -> None:
    data = _records(_copies(), gzip=gzip)
    start = _last_record_start(data, gzip=gzip)
    cut = data[: start + max(1, int((len(data) - start) * keep))]
    pages, problems = _read(tmp_path, cut, "cut.warc.gz" if gzip else "cut.warc")
    assert pages == [f"{PARTNER}/news/story-0/"]
    assert len(problems) == 1, problems
    # Cut inside its headers, the record may leave warcio nothing it can read as one: the rest of the archive is then not read, and says so.
    assert problems[0][1].startswith(("record cut short", "archive not read after its first 1 record: ")), problems


@pytest.mark.parametrize("gzip", [False, True], ids=["plain", "gzip"])
def test_a_record_cut_inside_its_page_names_the_page_and_what_is_missing(tmp_path: Path, gzip: bool) -> None:
    data = _records(_copies(), gzip=gzip)
    pages, problems = _read(tmp_path, data[:-700], "cut.warc.gz" if gzip else "cut.warc")
    assert pages == [f"{PARTNER}/news/story-0/"]
    [(where, what)] = problems
    assert where == f"{PARTNER}/news/story-1/"
    assert what.startswith("record cut short: ") and "bytes missing from the archive; not checked" in what


def test_a_corrupt_gzip_member_is_a_problem_after_the_records_before_it(tmp_path: Path) -> None:
    data = bytearray(_records(_copies(), gzip=True))
    start = _last_record_start(bytes(data), gzip=True)
    # The member's first deflate block given the reserved block type (RFC 1951 3.2.3: BTYPE 11),
    # after its 10-byte gzip header: corrupt whatever the record's bytes (its ID and date are
    # random, so zeroing bytes in the middle could leave zlib a stream it decodes as garbage).
    assert data[start : start + 3] == b"\x1f\x8b\x08" and data[start + 3] == 0  # no optional header fields
    data[start + 10] |= 0b110
    pages, problems = _read(tmp_path, bytes(data), "corrupt.warc.gz")
    assert pages == [f"{PARTNER}/news/story-0/"]
    # zlib reads no record out of the member: the archive is not read past it. warcio may first
    # read the member's bytes as they are, warning of what it finds there (those warnings are
    # problems too), but no page comes of them.
    *warnings, last = [what for _, what in problems]
    assert last.startswith("archive not read after its first ") and all(w.startswith("archive warning: ") for w in warnings), problems


@pytest.mark.parametrize("gzip", [False, True], ids=["plain", "gzip"])
def test_whole_archives_give_every_page_and_no_problem(tmp_path: Path, gzip: bool) -> None:
    data = _records(_copies(), gzip=gzip)
    assert _read(tmp_path, data, "whole.warc.gz" if gzip else "whole.warc") == ([f"{PARTNER}/news/story-0/", f"{PARTNER}/news/story-1/"], [])
    # Blank lines after the last record, as some crawlers write them, lose nothing.
    if not gzip:
        assert _read(tmp_path, data + b"\r\n\r\n", "trailing.warc") == ([f"{PARTNER}/news/story-0/", f"{PARTNER}/news/story-1/"], [])


def test_a_gzip_member_cut_after_its_record_loses_no_page(tmp_path: Path) -> None:
    # Only the member's trailer (its CRC and size) is lost: the record is whole by its Content-Length.
    data = _records(_copies(), gzip=True)
    assert _read(tmp_path, data[:-4], "trailer.warc.gz") == ([f"{PARTNER}/news/story-0/", f"{PARTNER}/news/story-1/"], [])


def test_the_audit_checks_no_cut_copy_and_counts_it_nowhere_but_in_problems(tmp_path: Path) -> None:
    from compliance.audit.run import load_audit_config, run_audit

    (tmp_path / "originals").mkdir()
    for i in range(web.STORIES):
        (tmp_path / "originals" / f"story-{i}.html").write_bytes(web.original(PUBLISHER, i))
    data = _records(_copies(), gzip=True)
    (tmp_path / "crawl.warc.gz").write_bytes(data[: _last_record_start(data, gzip=True) + 30])
    (tmp_path / "audit.yaml").write_text("pack: dcnf\nstories: {folder: originals/}\nsources:\n  - warc: crawl.warc.gz\noutput: report/\n", encoding="utf-8")
    report = run_audit(load_audit_config(tmp_path / "audit.yaml"))
    assert (report["pages_read"], report["copies"], report["unmatched_pages"]) == (1, 1, 0)
    assert [p["problem"].split(":")[0] for p in report["problems"]] == ["record cut short"]


def test_warcio_warnings_are_problems_and_never_reach_the_terminal(tmp_path: Path) -> None:
    (tmp_path / "originals").mkdir()
    (tmp_path / "originals" / "story-0.html").write_bytes(web.original(PUBLISHER, 0))
    body = web.copy(PUBLISHER, PARTNER, 0, "compliant")
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body) + body
    uri = "http://partner.example/a b \x1b]0;PWNED\x07\x1b[2J\x1b[31mYOUR AUDIT PASSED\x1b[0m"
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2026-01-01T00:00:00Z\r\n"
        f"WARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    )
    # The record, then what a wrong Content-Length leaves: a line where the blank lines should be.
    (tmp_path / "hostile.warc").write_bytes(head.encode() + http + b"\x1b[2Jnot a blank line\r\n\r\n")
    # An HTML page given as an archive: warcio warns with the page's text.
    (tmp_path / "page.warc").write_bytes(b"<html><head>\x1b]0;title\x07<title>Not an archive</title></head></html>\n" * 3)
    sources = "  - warc: hostile.warc\n  - warc: page.warc\n"
    (tmp_path / "audit.yaml").write_text(f"pack: dcnf\nstories: {{folder: originals/}}\nsources:\n{sources}output: report/\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "compliance", "audit", str(tmp_path / "audit.yaml")], capture_output=True, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stderr == b""
    assert b"\x1b" not in run.stdout
    written = (tmp_path / "report" / "report.json").read_bytes()
    assert b"\x1b" not in written and b"\x07" not in written
    problems = json.loads(written)["problems"]
    assert any(p["problem"].startswith("archive warning: Replacing spaces in invalid WARC-Target-URI") for p in problems), problems
    assert any(p["url"].endswith("page.warc") and p["problem"].startswith("archive not read") for p in problems), problems
    assert b"\x1b" not in (tmp_path / "report" / "dashboard.html").read_bytes()


# What a file that is no archive, or junk where a record should start, is said to be: the start of its line follows.
NOT_WARC = "not a WARC file: its first line is not a WARC version line (it starts "
NOT_NEXT = "the next record's first line is not a WARC version line (it starts "


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"<!doctype html><html><body>a saved page</body></html>\n", NOT_WARC + "'<!doctype html><html><body>a sav…')"),
        (b"\x1b]8;;http://evil.example\x07\xe2\x80\xaeWARC data\n", NOT_WARC + "'\\x1b]8;;http://evil.example\\x07\\u202eWARC d…')"),
        # Bytes that are not UTF-8 read as Latin-1, as warcio reads a header line.
        (b"\xeb\xe4\x1bke\n", NOT_WARC + "'\u00eb\u00e4\\x1bke')"),
    ],
)
def test_a_file_that_is_no_archive_says_what_it_is_not_and_how_it_starts(tmp_path: Path, data: bytes, problem: str) -> None:
    import gzip as gzipped

    for name, stored in (("junk.warc", data), ("junk.warc.gz", gzipped.compress(data))):
        _, problems = _read(tmp_path, stored, name)
        assert problems == [(str(tmp_path / name), f"archive not read: {problem}")]


def test_junk_after_whole_records_names_the_next_records_first_line(tmp_path: Path) -> None:
    _, problems = _read(tmp_path, _records(_copies(), gzip=False) + b"junk after the records\r\n\r\n", "crawl.warc")
    assert problems == [(str(tmp_path / "crawl.warc"), f"archive not read after its first 2 records: {NOT_NEXT}'junk after the records')")]


def test_records_gzipped_as_one_stream_say_so(tmp_path: Path) -> None:
    import gzip as gzipped

    _, problems = _read(tmp_path, gzipped.compress(_records(_copies(), gzip=False)), "crawl.warc.gz")
    one_stream = "its records are gzipped together as one stream, not each as a gzip member of its own (as WARC files are written)"
    assert problems == [(str(tmp_path / "crawl.warc.gz"), f"archive not read after its first 1 record: {one_stream}")]


@pytest.mark.parametrize("after", [b"not a blank line\r\n\r\n", b"\x1b[2Jjunk\r\n\r\n"])
def test_a_warcio_warning_of_several_lines_is_one_problem(tmp_path: Path, after: bytes) -> None:
    body = web.copy(PUBLISHER, PARTNER, 0, "compliant")
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body) + body
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2026-01-01T00:00:00Z\r\n"
        f"WARC-Target-URI: {PARTNER}/news/story-0/\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    )
    # What a wrong Content-Length leaves where the record's blank lines should be: warcio warns in three lines.
    pages, problems = _read(tmp_path, head.encode() + http + after, "cut.warc")
    assert pages == [f"{PARTNER}/news/story-0/"]
    (warning,) = [what for _, what in problems]
    assert warning.startswith("archive warning: WARNING: Record not followed by newline, perhaps Content-Length is invalid; Offset: "), warning
    assert "; Remainder: " in warning and "\n" not in warning


def _record_at(uri: str, body: bytes) -> bytes:
    """One response record archived under `uri` as written (warcio's writer would not write a control)."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body) + body
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2026-01-01T00:00:00Z\r\n"
        f"WARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    )
    return head.encode("utf-8") + http + b"\r\n\r\n"


# A target URI holding what a terminal or a reader's eye would obey, and the address a browser asks for.
CONTROLLED_URIS = [
    ("https://partner-c.example/a b/\x1b[31mx", "https://partner-c.example/a%20b/%1B[31mx"),
    ("https://partner-c.example/news/\x1b]8;;http://evil.example\x07s0/", "https://partner-c.example/news/%1B]8;;http://evil.example%07s0/"),
    ("https://partner-c.example/news/\x9b31ms0/", "https://partner-c.example/news/%C2%9B31ms0/"),
    ("https://partner-c.example/news/\x85s0/", "https://partner-c.example/news/%C2%85s0/"),
    ("https://partner-c.example/news/lmth.\u202es0/", "https://partner-c.example/news/lmth.%E2%80%AEs0/"),
    ("https://partner-c.example/news/s\u200b0/?q=\u2066x\u2069", "https://partner-c.example/news/s%E2%80%8B0/?q=%E2%81%A6x%E2%81%A9"),
]


@pytest.mark.parametrize(("uri", "address"), CONTROLLED_URIS, ids=["esc-after-space", "osc-8-link", "c1-csi", "c1-next-line", "rlo", "zero-width-and-isolates"])
def test_an_archived_address_holding_controls_is_read_percent_encoded(tmp_path: Path, uri: str, address: str) -> None:
    pages, problems = _read(tmp_path, _record_at(uri, web.copy(PUBLISHER, PARTNER, 0, "compliant")), "crawl.warc")
    assert pages == [address]
    # Only a space is warned of by warcio: the warning quotes the address as written, shown safely.
    assert all(what.startswith("archive warning: ") and "\\x1b" in what and "\x1b" not in what for _, what in problems), problems


@pytest.mark.parametrize(
    ("uri", "site"),
    [
        ("https://partner\u202e.example/news/s0/", "partner%e2%80%ae.example"),
        ("https://partner\x1b[2J.example/news/s0/", "partner%1b[2j.example"),
        ("javascript:alert(1)\x1b[2J", "crawl.warc"),
    ],
    ids=["rlo-in-host", "esc-in-host", "no-http-address"],
)
def test_an_archived_address_no_browser_reads_is_a_problem_at_its_encoded_address(tmp_path: Path, uri: str, site: str) -> None:
    from compliance.audit.sources import Problem, warc_records

    (tmp_path / "crawl.warc").write_bytes(_record_at(uri, web.copy(PUBLISHER, PARTNER, 0, "compliant")))
    [problem] = [item for item in warc_records(tmp_path / "crawl.warc") if isinstance(item, Problem)]
    assert problem.site == site and problem.what.startswith("not a URL a browser can read")
    assert is_safe(problem.where) and is_safe(problem.site)


def is_safe(text: str) -> bool:
    from compliance.display import is_safe_line_text

    return is_safe_line_text(text) and "\n" not in text


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in (*_strings(key), *_strings(item))]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def test_every_text_of_the_report_and_partitions_read_back_holds_no_control(tmp_path: Path) -> None:
    """What `jq -r` prints of `report.json` and `pages/*.jsonl` (their strings as parsed) holds no
    raw control, C1 or bidirectional character: a problem's text and a copy's evidence show them
    as `\\x1b`, an address percent-encoded."""
    import re

    (tmp_path / "originals").mkdir()
    for i in range(web.STORIES):
        (tmp_path / "originals" / f"story-{i}.html").write_bytes(web.original(PUBLISHER, i))
    # A copy stripped of its logo and affiliation, its byline and title holding controls, which the evidence quotes.
    hostile = web.copy(PUBLISHER, PARTNER, 1, "stripped")
    hostile = re.sub(rb"<title>", "<title>\u202eTITLE \x1b[2J".encode(), hostile, count=1)
    hostile = re.sub(rb"By ([A-Z])", "By \x9b31m\\1".encode(), hostile, count=1)
    data = b"".join(_record_at(uri, web.copy(PUBLISHER, PARTNER, 0, "compliant")) for uri, _ in CONTROLLED_URIS[:1])
    data += _record_at(f"{PARTNER}/news/\u202estory-1/", hostile)
    data += _record_at("https://partner\u202e.example/news/s0/", web.copy(PUBLISHER, PARTNER, 2, "compliant"))
    (tmp_path / "crawl.warc").write_bytes(data)
    (tmp_path / "audit.yaml").write_text("pack: dcnf\nstories: {folder: originals/}\nsources:\n  - warc: crawl.warc\noutput: report/\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "compliance", "audit", str(tmp_path / "audit.yaml")], capture_output=True, check=False)
    assert run.returncode == 0, run.stderr
    report = json.loads((tmp_path / "report" / "report.json").read_bytes())
    partitions = [
        json.loads(line) for part in sorted((tmp_path / "report" / "pages").glob("*.jsonl")) for line in part.read_text(encoding="utf-8").splitlines()
    ]
    unsafe = [s for s in _strings(report) + _strings(partitions) if not is_safe(s)]
    assert unsafe == []
    urls = sorted(c["url"] for s in report["stories"] for c in s["copies"])
    assert urls == ["https://partner-c.example/a%20b/%1B[31mx", f"{PARTNER}/news/%E2%80%AEstory-1/"]
    evidence = [e for s in report["sites"] for w in s["worst"] for e in w["evidence"]]
    assert evidence and all(e.startswith("dcnf/") for e in evidence)
    problems = {p["url"]: p["problem"] for p in report["problems"]}
    assert problems["https://partner%E2%80%AE.example/news/s0/"].startswith("not a URL a browser can read")
    assert any("\\x1b[31mx" in p for p in problems.values())
    for name in ("sites.csv", "stories.csv", "dashboard.html"):
        assert is_safe((tmp_path / "report" / name).read_text(encoding="utf-8").replace("\n", "").replace("\r", ""))
