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
