"""What `syndcheck audit` makes of pages read twice or dated strangely: two captures of one address
(an archive's earlier and later capture) are both audited and reported, whatever the order they are
read in; two folders of one name keep their pages apart; a page dated in the future is judged on
the audit's day, and a date no calendar has is never recorded as the day a copy ran."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

import pytest

pytest.importorskip("warcio", reason="the audit extra: pip install -e '.[audit]'")

from compliance.audit.run import day_named, load_audit_config, run_audit
from compliance.audit.sources import folder_labels
from tests.test_audit import web

PUBLISHER = "http://publisher.example"
PARTNER = "http://partner.example"
EMBARGO = Path(__file__).parent / "audit-embargo"


def _originals(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(web.STORIES):
        (folder / f"story-{i}.html").write_bytes(web.original(PUBLISHER, i))


def _warc(path: Path, captures: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for variant, date in captures:
            body = web.copy(PUBLISHER, PARTNER, 0, variant)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"{PARTNER}/news/story-0/", "response", payload=io.BytesIO(body), length=len(body), http_headers=headers, warc_headers_dict={"WARC-Date": date}
            )
            writer.write_record(record)


def _audit(tmp: Path, sources: str, stories: str = "{folder: originals/}", today: datetime.date | None = None) -> dict[str, object]:
    config = tmp / "audit.yaml"
    config.write_text(f"pack: {'propublica' if 'embargo' in stories else 'dcnf'}\nstories: {stories}\nsources:\n{sources}output: out/\n")
    return run_audit(load_audit_config(config), today=today)


def _copies(tmp: Path) -> list[dict[str, str]]:
    import csv

    with (tmp / "out" / "stories.csv").open(encoding="utf-8") as table:
        return [row for row in csv.DictReader(table) if row["url"]]


@pytest.mark.parametrize("order", [["compliant", "stripped"], ["stripped", "compliant"]], ids=["good-then-bad", "bad-then-good"])
def test_two_captures_of_one_address_are_both_reported_in_either_order(tmp_path: Path, order: list[str]) -> None:
    _originals(tmp_path / "originals")
    _warc(tmp_path / "crawl.warc.gz", list(zip(order, ["2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z"], strict=True)))
    report = _audit(tmp_path, "  - warc: crawl.warc.gz\n")
    copies = _copies(tmp_path)
    assert report["copies"] == 2
    # The stripped capture is failed, the compliant one passes: neither verdict is merged away.
    assert sorted(c["findings"] for c in copies) == ["", "dcnf/affiliation dcnf/logo"]
    # The capture read second is named by its WARC-Date.
    urls = sorted(c["url"] for c in copies)
    assert urls == [f"{PARTNER}/news/story-0/", f"{PARTNER}/news/story-0/#captured-2026-10-01T00:00:00Z"]


def test_a_capture_read_again_with_the_same_bytes_is_one_copy(tmp_path: Path) -> None:
    _originals(tmp_path / "originals")
    _warc(tmp_path / "crawl.warc.gz", [("stripped", "2026-09-01T00:00:00Z"), ("stripped", "2026-10-01T00:00:00Z")])
    report = _audit(tmp_path, "  - warc: crawl.warc.gz\n")
    assert report["copies"] == 1
    assert [c["url"] for c in _copies(tmp_path)] == [f"{PARTNER}/news/story-0/"]


def test_two_folders_of_one_name_keep_their_pages_apart(tmp_path: Path) -> None:
    _originals(tmp_path / "originals")
    for side, partner in (("a", "http://one.example"), ("b", "http://two.example")):
        (tmp_path / side / "saved").mkdir(parents=True)
        (tmp_path / side / "saved" / "story.html").write_bytes(web.copy(PUBLISHER, partner, 0, "stripped"))
    report = _audit(tmp_path, "  - folder: a/saved/\n  - folder: b/saved/\n")
    assert report["copies"] == 2
    assert sorted(c["url"] for c in _copies(tmp_path)) == ["a/saved/story.html", "b/saved/story.html"]


def test_a_folder_of_its_own_name_keeps_its_short_name(tmp_path: Path) -> None:
    _originals(tmp_path / "originals")
    (tmp_path / "saved").mkdir()
    (tmp_path / "saved" / "story.html").write_bytes(web.copy(PUBLISHER, PARTNER, 0, "stripped"))
    _audit(tmp_path, "  - folder: saved/\n")
    assert [c["url"] for c in _copies(tmp_path)] == ["saved/story.html"]


def test_folder_labels_name_each_folder_by_as_little_as_tells_it_apart() -> None:
    labels = folder_labels([Path("/x/a/saved"), Path("/x/b/saved"), Path("/y/other"), Path("/p/a/saved")])
    assert labels == {Path("/x/a/saved"): "x/a/saved", Path("/x/b/saved"): "b/saved", Path("/y/other"): "other", Path("/p/a/saved"): "p/a/saved"}


def _dated(tmp: Path, name: str, date: str) -> None:
    page = (EMBARGO / "during.html").read_text(encoding="utf-8").replace("2024-09-12T05:00:00-04:00", date)
    (tmp / "saved").mkdir(exist_ok=True)
    (tmp / "saved" / name).write_text(page, encoding="utf-8")


@pytest.mark.parametrize("date", ["2100-01-01T05:00:00-04:00", "9999-12-31T00:00:00Z", "2026-12-07"])
def test_a_copy_dated_in_the_future_is_judged_on_the_audits_day(tmp_path: Path, date: str) -> None:
    _dated(tmp_path, "future.html", date)
    _audit(tmp_path, "  - folder: saved/\n", stories=f"{{folder: {EMBARGO / 'originals'}/}}", today=datetime.date(2026, 12, 6))
    (copy,) = _copies(tmp_path)
    assert "propublica/embargo" in copy["findings"].split()
    assert not copy["published"].startswith(date[:4])


def test_a_copy_dated_before_the_audit_is_judged_on_its_own_day(tmp_path: Path) -> None:
    # The notice holds until 2099: a copy that ran on 2100-01-01 (an audit in 2100) ran after it.
    _dated(tmp_path, "late.html", "2100-01-01T05:00:00-04:00")
    _audit(tmp_path, "  - folder: saved/\n", stories=f"{{folder: {EMBARGO / 'originals'}/}}", today=datetime.date(2100, 1, 2))
    (copy,) = _copies(tmp_path)
    assert "propublica/embargo" not in copy["findings"].split()
    assert copy["published"] == "2100-01-01"


@pytest.mark.parametrize("date", ["2026-02-30T00:00:00Z", "2026-13-01", "1e9", "=1+1", "-2026-01-01", "20260-01-01"])
def test_a_date_no_calendar_has_is_never_recorded_as_the_day_a_copy_ran(tmp_path: Path, date: str) -> None:
    _originals(tmp_path / "originals")
    (tmp_path / "saved").mkdir()
    page = web.copy(PUBLISHER, PARTNER, 0, "stripped").decode()
    marker = '<meta property="article:published_time" content="'
    start = page.index(marker) + len(marker)
    (tmp_path / "saved" / "copy.html").write_text(page[:start] + date + page[page.index('"', start) :], encoding="utf-8")
    report = _audit(tmp_path, "  - folder: saved/\n")
    (copy,) = _copies(tmp_path)
    datetime.date.fromisoformat(copy["published"])
    assert all(datetime.date(int(m["month"][:4]), int(m["month"][5:]), 1) for m in json.loads((tmp_path / "out" / "report.json").read_text())["over_time"])
    assert report["copies"] == 1


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-02-28", datetime.date(2026, 2, 28)),
        ("2026-02-30", None),
        ("2026-13-01T00:00:00Z", None),
        ("October 4, 2099", datetime.date(2099, 10, 4)),
        ("", None),
    ],
)
def test_day_named_reads_only_days_of_the_calendar(text: str, day: datetime.date | None) -> None:
    assert day_named(text) == day


def _resources(path: Path, records: list[tuple[str, str, bytes]]) -> None:
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, kind, body in records:
            headers = {"Content-Type": kind} if kind else {}
            record = writer.create_warc_record(
                url, "resource", payload=io.BytesIO(body), length=len(body), warc_content_type=kind or None, warc_headers_dict=headers
            )
            writer.write_record(record)


def test_warc_resource_records_of_html_are_read_as_pages(tmp_path: Path) -> None:
    from compliance.audit.sources import Page, warc_records

    page = web.copy(PUBLISHER, PARTNER, 0, "stripped")
    _resources(
        tmp_path / "a.warc.gz",
        [
            (f"{PARTNER}/news/story-0/", "text/html", page),
            (f"{PARTNER}/news/story-1/", "application/octet-stream", web.copy(PUBLISHER, PARTNER, 1, "stripped")),
            (f"{PARTNER}/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
            (f"{PARTNER}/notes", "application/octet-stream", b"just some bytes"),
        ],
    )
    read = [item for item in warc_records(tmp_path / "a.warc.gz")]
    assert [(item.key, item.site) for item in read if isinstance(item, Page)] == [
        (f"{PARTNER}/news/story-0/", "partner.example"),
        (f"{PARTNER}/news/story-1/", "partner.example"),
    ]
    assert all(isinstance(item, Page) for item in read)
    _originals(tmp_path / "originals")
    report = _audit(tmp_path, "  - warc: a.warc.gz\n")
    assert report["copies"] == 2


@pytest.mark.parametrize("name", ["c.shtml", "e.php", "index.html?p=3", "noext", "D.HTML"])
def test_saved_pages_of_other_names_are_read_by_what_they_hold(tmp_path: Path, name: str) -> None:
    _originals(tmp_path / "originals")
    (tmp_path / "saved").mkdir()
    (tmp_path / "saved" / name).write_bytes(web.copy(PUBLISHER, PARTNER, 0, "stripped"))
    (tmp_path / "saved" / "style.css").write_text("body { color: red }")
    report = _audit(tmp_path, "  - folder: saved/\n")
    assert report["copies"] == 1
    assert [c["url"] for c in _copies(tmp_path)] == [f"saved/{name}"]
    assert [p["problem"] for p in report["problems"]] == [  # type: ignore[attr-defined]
        "1 file not read: neither named as a page (.html, .md, .txt) nor holding one (saved/style.css); save the partner's pages as HTML files"
    ]


def test_a_saved_mhtml_archive_is_read_as_the_page_it_saved(tmp_path: Path) -> None:
    import quopri

    _originals(tmp_path / "originals")
    (tmp_path / "saved").mkdir()
    body = quopri.encodestring(web.copy(PUBLISHER, PARTNER, 0, "stripped"))
    (tmp_path / "saved" / "story.mhtml").write_bytes(
        b'From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----B"\r\n\r\n'
        b"------B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + body + b"\r\n------B--\r\n"
    )
    report = _audit(tmp_path, "  - folder: saved/\n")
    (copy,) = _copies(tmp_path)
    assert copy["findings"] == "dcnf/affiliation dcnf/logo"
    assert report["problems"] == []


@pytest.mark.parametrize(("files", "why"), [({}, "the folder holds no file to read"), ({"a.css": b"body{}", "b.png": b"\x89PNG"}, "2 files not read")])
def test_an_audit_that_reads_no_page_fails_at_its_sources_line(cli: object, tmp_path: Path, files: dict[str, bytes], why: str) -> None:
    _originals(tmp_path / "originals")
    (tmp_path / "saved").mkdir()
    for name, data in files.items():
        (tmp_path / "saved" / name).write_bytes(data)
    config = tmp_path / "audit.yaml"
    config.write_text("pack: dcnf\nstories: {folder: originals/}\nsources:\n  - folder: saved/\noutput: out/\n")
    run = cli("audit", str(config))  # type: ignore[operator]
    assert run.code == 2
    assert f"audit.yaml:4:3: no page read from the sources (saved: {why}" in run.err
    assert (tmp_path / "out" / "report.json").is_file()


def _response(url: str, body: bytes) -> bytes:
    import zlib

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    # A fixed record id and date: the same bytes in every run, so that a test which damages a
    # member at a fixed offset damages the same deflate data each time (a random id moved what
    # the zeroed bytes hit, and now and then they decoded as garbage instead of failing).
    fixed = {"WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{zlib.crc32(url.encode()):012d}>", "WARC-Date": "2026-01-02T03:04:05Z"}
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers, warc_headers_dict=fixed)
    writer.write_record(record)
    return out.getvalue()


def _archive_items(path: Path) -> tuple[list[str], list[str]]:
    from compliance.audit.sources import Page, warc_records

    items = list(warc_records(path))
    return [i.key for i in items if isinstance(i, Page)], [i.what for i in items if not isinstance(i, Page)]


def test_an_empty_archive_says_it_is_empty_and_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "empty.warc.gz").write_bytes(b"")
    assert _archive_items(tmp_path / "empty.warc.gz") == (
        [],
        ["archive not read: the file is empty (a crawl that wrote nothing); crawl the pages again, or remove the file"],
    )


def test_a_corrupt_gzip_member_loses_its_record_alone(tmp_path: Path) -> None:
    first, third = (_response(f"http://p{i}.example/news/story-{i}/", web.copy(PUBLISHER, f"http://p{i}.example", i, "stripped")) for i in (0, 2))
    second = bytearray(_response("http://p1.example/news/story-1/", web.copy(PUBLISHER, "http://p1.example", 1, "stripped")))
    second[40:60] = b"\0" * 20
    (tmp_path / "a.warc.gz").write_bytes(first + bytes(second) + third)
    pages, problems = _archive_items(tmp_path / "a.warc.gz")
    assert pages == ["http://p0.example/news/story-0/", "http://p2.example/news/story-2/"]
    assert problems == [
        f"archive damaged: the gzip member at byte {len(first)} cannot be read ({len(second)} bytes, a record or more, skipped and not audited); "
        f"the records after it, from byte {len(first) + len(second)}, are read — crawl the pages it held again"
    ]


def test_a_whole_archive_reads_with_no_problem(tmp_path: Path) -> None:
    data = b"".join(_response(f"http://p{i}.example/news/story-{i}/", web.copy(PUBLISHER, f"http://p{i}.example", i, "stripped")) for i in (0, 1))
    (tmp_path / "a.warc.gz").write_bytes(data)
    assert _archive_items(tmp_path / "a.warc.gz") == (["http://p0.example/news/story-0/", "http://p1.example/news/story-1/"], [])


def _with_paragraphs(page: bytes, change: object) -> bytes:
    import re

    return re.sub(r"<p>([^<]*)</p>", lambda m: "<p>" + change(m.group(1)) + "</p>", page.decode()).encode()  # type: ignore[operator]


def test_a_copy_spelt_with_look_alike_letters_is_still_the_storys(tmp_path: Path) -> None:
    _originals(tmp_path / "originals")
    (tmp_path / "saved").mkdir()
    cyrillic = str.maketrans({"o": "\u043e", "a": "\u0430", "e": "\u0435", "p": "\u0440", "c": "\u0441"})
    (tmp_path / "saved" / "cyr.html").write_bytes(_with_paragraphs(web.copy(PUBLISHER, PARTNER, 0, "stripped"), lambda t: t.translate(cyrillic)))
    report = _audit(tmp_path, "  - folder: saved/\n")
    assert (report["copies"], report["unmatched_pages"]) == (1, 0)
    (copy,) = _copies(tmp_path)
    assert copy["story"] == "originals/story-0.html"
    # Checked as the story's copy, the disguise is a finding of its own.
    assert copy["findings"] == "dcnf/affiliation dcnf/logo syndcheck/look-alike-letters"


def test_text_written_in_another_script_is_not_read_as_latin(tmp_path: Path) -> None:
    from compliance.audit.run import read_page
    from compliance.audit.sources import Page

    # A word wholly in Cyrillic is Russian, not a disguise: it keeps its letters.
    russian = "<html><body><article><p>Совет округа проголосовал за новый контракт на медицинское обслуживание в тюрьме.</p></article></body></html>"
    _, text = read_page(Page("saved/ru.html", "saved:saved", russian.encode()))
    assert any("совет" in shingle for shingle in text.shingles)
    mixed = "<html><body><article><p>The cоunty bоard vоted tо hire a new medical cоntractor at its meeting.</p></article></body></html>"
    _, text = read_page(Page("saved/en.html", "saved:saved", mixed.encode()))
    assert "the county board voted to" in text.shingles
