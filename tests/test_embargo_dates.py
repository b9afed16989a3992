"""ProPublica's embargo holds only until the date in its notice ("This article is not subject to
ProPublica's Creative Commons license until Jan. 15, 2023."): the story fails while that date has
not passed, passes after it, and fails, saying so, when the date cannot be read. Today is the
run's one reading of the clock, given here."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

from compliance.checks.until import read_date
from compliance.document import parse_document
from compliance.engine import check_document
from compliance.loading import load_packs
from compliance.runner import Runner, RunOptions
from tests.conftest import assert_pack_refused, write

TODAY = datetime.date(2026, 12, 5)
NOTICE = "This article is not subject to ProPublica's Creative Commons license until {date}."


def page(date: str) -> str:
    return (
        "<html><head><title>Welds</title></head><body><article><h1>Inspectors Signed Off on Welds They Never Saw</h1>"
        '<p class="byline">By Hollis Brandt, ProPublica</p>'
        f"<p><em>{NOTICE.format(date=date)}</em></p>"
        '<p><em>This story was originally published by <a href="https://www.propublica.org/article/welds">ProPublica</a>.</em></p>'
        "<p>On the morning of March 14, an inspector signed off on 41 welds along a new gas line in western Oklahoma.</p>"
        '<script src="https://pixel.propublica.org/pixel.js" async></script>'
        "</article></body></html>"
    )


def embargo(date: str, today: datetime.date = TODAY) -> list[Any]:
    packs = [p for p in load_packs() if p.id in {"propublica", "creative-commons", "common"}]
    report = check_document(parse_document(page(date).encode(), "html"), packs, path="p.html", auto_detect=False, today=today)
    return [f for f in report.findings if f.rule == "propublica/embargo"]


@pytest.mark.parametrize(
    "date",
    [
        "Jan. 15, 2023",
        "January 15, 2023",
        "15 January 2023",
        "2023-01-15",
        "Jan 15th, 2023",
        "Jan. 15, 2023, at 6 a.m. ET",
        "2023-01-15T06:00:00Z",
        "Dec. 4, 2026",
    ],
)
def test_an_embargo_whose_date_has_passed_does_not_fail_the_story(date: str) -> None:
    assert embargo(date) == []


@pytest.mark.parametrize(
    ("date", "quoted", "first_day"),
    [
        ("March 1, 2027", "March 1, 2027", "2027-03-02"),
        ("1 March 2027", "1 March 2027", "2027-03-02"),
        ("2027-03-01 09:00 EST", "2027-03-01", "2027-03-02"),
        ("Sept. 9, 2027 at noon Eastern", "Sept. 9, 2027", "2027-09-10"),
        ("Dec. 31, 2026", "Dec. 31, 2026", "2027-01-01"),
        # On the day itself the notice still holds (its hour and zone are not compared), and the
        # words say so: not "before Dec. 5", which today is not.
        ("Dec. 5, 2026", "Dec. 5, 2026", "2026-12-06"),
    ],
)
def test_an_embargo_in_force_fails_naming_the_first_day_the_copy_may_run(date: str, quoted: str, first_day: str) -> None:
    (finding,) = embargo(date)
    assert finding.message.endswith(f"it may not be republished until the end of {quoted}, so not before {first_day} (today is 2026-12-05).")


@pytest.mark.parametrize("date", ["further notice", "the story's publication date", "February 30, 2027"])
def test_an_unreadable_date_keeps_the_story_failing_and_says_so(date: str) -> None:
    (finding,) = embargo(date)
    assert "its date could not be read" in finding.message


def test_the_date_is_compared_with_the_day_given() -> None:
    assert embargo("March 1, 2027", today=datetime.date(2027, 3, 2)) == []
    assert len(embargo("March 1, 2027", today=datetime.date(2027, 2, 28))) == 1


@pytest.mark.parametrize(
    ("date", "today", "first", "last"),
    [
        # In force: the verdict holds up to the date itself, and changes the day after.
        ("March 1, 2027", TODAY, None, datetime.date(2027, 3, 1)),
        # Ended: the verdict holds from the day after the date on.
        ("March 1, 2027", datetime.date(2027, 3, 2), datetime.date(2027, 3, 2), None),
        # A date that cannot be read compares with no day: the verdict holds on every day.
        ("further notice", TODAY, None, None),
    ],
)
def test_a_report_says_on_which_days_its_verdict_on_a_notice_holds(date: str, today: datetime.date, first: Any, last: Any) -> None:
    packs = [p for p in load_packs() if p.id in {"propublica", "creative-commons", "common"}]
    report = check_document(parse_document(page(date).encode(), "html"), packs, path="p.html", auto_detect=True, today=today)
    assert report.packs[0] == "propublica"
    assert (report.holds.first, report.holds.last) == (first, last)


def test_a_report_on_a_page_without_a_dated_notice_holds_on_every_day() -> None:
    packs = [p for p in load_packs() if p.id in {"propublica", "creative-commons", "common"}]
    text = page("March 1, 2027").replace(NOTICE.format(date="March 1, 2027"), "Photo: Jo Lee.")
    report = check_document(parse_document(text.encode(), "html"), packs, path="p.html", auto_detect=True, today=TODAY)
    assert report.packs[0] == "propublica"
    assert (report.holds.first, report.holds.last) == (None, None)


def test_a_run_reads_the_clock_once_and_takes_a_day_given() -> None:
    assert Runner(RunOptions(today=datetime.date(2001, 2, 3))).today == datetime.date(2001, 2, 3)
    assert Runner(RunOptions()).today == datetime.date.today()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("until Jan. 15, 2023.", ("Jan. 15, 2023", datetime.date(2023, 1, 15))),
        ("until Monday, January 15, 2024 at 6 a.m.", ("January 15, 2024", datetime.date(2024, 1, 15))),
        ("until 15 Jan. 2023", ("15 Jan. 2023", datetime.date(2023, 1, 15))),
        ("until 2023-1-5", ("2023-1-5", datetime.date(2023, 1, 5))),
        ("until further notice", None),
        ("until 2023", None),
    ],
)
def test_dates_in_the_usual_english_forms_are_read(text: str, expected: tuple[str, datetime.date] | None) -> None:
    assert read_date(text) == expected


def test_json_detail_quotes_the_date_not_the_pattern(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "p.html", page("March 1, 2999"))
    (entry,) = json.loads(cli("check", "--pack", "propublica", "--format", "json", str(story)).out)["files"]
    (finding,) = [f for f in entry["findings"] if f["rule"] == "propublica/embargo"]
    until = "it may not be republished until the end of March 1, 2999, so not before 2999-03-02"
    assert finding["detail"].startswith(f"ProPublica's embargo notice holds: {until} (today is ")
    assert finding["detail"].endswith(("at UTC-5, the publisher's time)", ")"))
    assert finding["evidence"] == NOTICE.format(date="March 1, 2999")


def test_fix_leaves_no_ended_embargo_for_the_user(cli: Any, tmp_path: Path) -> None:
    ended = write(tmp_path, "ended.html", page("Jan. 15, 2023"))
    active = write(tmp_path, "active.html", page("March 1, 2999"))
    run = cli("fix", "--pack", "propublica", str(ended), str(active))
    lines = (run.out + run.err).splitlines()
    assert not [line for line in lines if "ended.html" in line and "propublica/embargo" in line]
    assert [line for line in lines if "active.html" in line and "left for you: propublica/embargo" in line]


def story_with(notice_markup: str, kind: str = "html") -> bytes:
    """A compliant copy of the welds story with `notice_markup` put before its first paragraph."""
    if kind == "md":
        return (
            "# Inspectors Signed Off on Welds They Never Saw\n\nBy Hollis Brandt, ProPublica\n\n"
            "*This story was originally published by [ProPublica](https://www.propublica.org/article/welds).*\n\n"
            f"{notice_markup}\n\n"
            "On the morning of March 14, an inspector signed off on 41 welds along a new gas line in western Oklahoma.\n\n"
            '<script src="https://pixel.propublica.org/pixel.js" async></script>\n'
        ).encode()
    return page("Jan. 15, 2023").replace(f"<p><em>{NOTICE.format(date='Jan. 15, 2023')}</em></p>", notice_markup).encode()


def findings_of(source: bytes, kind: Any = "html", today: datetime.date = TODAY) -> dict[str, list[Any]]:
    packs = [p for p in load_packs() if p.id in {"propublica", "creative-commons", "common"}]
    report = check_document(parse_document(source, kind), packs, path="p." + kind[:4], auto_detect=False, today=today)
    found: dict[str, list[Any]] = {}
    for finding in report.findings:
        found.setdefault(finding.rule, []).append(finding)
    return found


@pytest.mark.parametrize(
    "markup",
    [
        '<p style="display: none">{notice}</p>',
        "<div hidden><p>{notice}</p></div>",
        "<details><summary>Rights</summary><p>{notice}</p></details>",
        '<style>.embargo-note{{visibility:hidden}}</style><p class="embargo-note">{notice}</p>',
    ],
)
def test_an_embargo_notice_hidden_from_readers_still_holds(markup: str) -> None:
    notice = "This article is not subject to ProPublica\u2019s Creative Commons license until March 3, 2027."
    found = findings_of(story_with(markup.format(notice=notice)))
    (finding,) = found["propublica/embargo"]
    assert finding.severity.name == "ERROR"
    assert "may not be republished until the end of March 3, 2027" in finding.message
    assert "the notice is hidden from readers (line 1), which does not lift it" in finding.message


@pytest.mark.parametrize(
    ("markup", "where"),
    [
        # A text box readers see shows the notice as the page's text.
        ('<textarea rows="3" cols="60">{notice}</textarea>', "so not before 2027-08-22 (today is"),
        ("<form><label>Copy this:<textarea readonly>\n  {notice}\n</textarea></label></form>", "so not before 2027-08-22 (today is"),
        ("<textarea hidden>{notice}</textarea>", "the notice is hidden from readers (line 1), which does not lift it"),
        ('<style>.box{{display:none}}</style><textarea class="box">{notice}</textarea>', "the notice is hidden from readers (line 1), which does not lift it"),
        ('<div style="visibility:hidden"><textarea>{notice}</textarea></div>', "the notice is hidden from readers (line 1), which does not lift it"),
        ("<template><p>{notice}</p></template>", "the notice is hidden from readers (line 1), which does not lift it"),
        ("<template><div class=note><span>{notice}</span></div><p>Other words.</p></template>", "the notice is hidden from readers (line 1)"),
        ("<template>{notice}</template>", "the notice is hidden from readers (line 1)"),
    ],
)
def test_an_embargo_notice_in_a_text_box_or_a_template_holds(markup: str, where: str) -> None:
    notice = "This article is not subject to ProPublica\u2019s Creative Commons license until Aug. 21, 2027."
    found = findings_of(story_with(markup.format(notice=notice)))
    (finding,) = found["propublica/embargo"]
    assert finding.severity.name == "ERROR"
    assert "may not be republished until the end of Aug. 21, 2027" in finding.message
    assert where in finding.message


@pytest.mark.parametrize("markup", ["<textarea>{notice}</textarea>", "<template><p>{notice}</p></template>"])
def test_an_ended_embargo_in_a_text_box_or_a_template_says_nothing(markup: str) -> None:
    notice = "This article is not subject to ProPublica's Creative Commons license until Nov. 30, 2026."
    assert "propublica/embargo" not in findings_of(story_with(markup.format(notice=notice)))


@pytest.mark.parametrize("markup", ["<textarea hidden>{credit}</textarea>", "<template><p>{credit}</p></template>"])
def test_a_hidden_text_box_or_a_template_is_no_text_of_the_story(markup: str) -> None:
    credit = 'This story was originally published by <a href="https://www.propublica.org/article/welds">ProPublica</a>.'
    source = story_with("").decode().replace("<p><em>This story was originally published by", "<p><em>Gone:", 1)
    source = source.replace("<p><em>Gone:", markup.format(credit=credit) + "<p><em>Gone:", 1)
    doc = parse_document(source.encode(), "html")
    assert not any("originally published by" in block.text for block in doc.blocks)
    assert "propublica/credit-line" in findings_of(source.encode())


def test_a_text_box_readers_see_shows_its_text_as_written() -> None:
    # Its raw text, markup and all: a reader sees the code of a credit line, not a credit line.
    credit = 'This story was originally published by <a href="https://www.propublica.org/article/welds">ProPublica</a>.'
    source = story_with("").decode().replace("<p><em>This story was originally published by", "<p><em>Gone:", 1)
    source = source.replace("<p><em>Gone:", f"<textarea>{credit}</textarea><p><em>Gone:", 1)
    doc = parse_document(source.encode(), "html")
    assert [block.text for block in doc.blocks if "originally published by" in block.text] == [credit]
    assert "propublica/credit-line" in findings_of(source.encode())


def test_a_hidden_embargo_notice_whose_date_has_passed_lifts_nothing_either_way() -> None:
    notice = "This article is not subject to ProPublica's Creative Commons license until Nov. 30, 2026."
    assert "propublica/embargo" not in findings_of(story_with(f'<p style="display:none">{notice}</p>'))


@pytest.mark.parametrize(
    ("markup", "kind"),
    [
        ("<!-- feed: This article is not subject to ProPublica's Creative Commons license until 2027-04-09 -->", "html"),
        ("<!--\n  This article is not subject to ProPublica's Creative Commons\n  license until April 9, 2027.\n-->", "md"),
    ],
)
def test_an_embargo_notice_only_in_a_comment_is_a_warning_that_names_the_comment(markup: str, kind: str) -> None:
    found = findings_of(story_with(markup, kind), "markdown" if kind == "md" else kind)
    assert "propublica/embargo" not in found
    (finding,) = found["propublica/embargo-in-comment"]
    assert finding.severity.name == "WARNING"
    assert "in a comment of the source" in finding.message
    assert "2027" in finding.message


@pytest.mark.parametrize(
    ("markup", "where"),
    [
        ('<figure><img src="/welds.jpg" alt="{notice}"></figure>', "the notice is in an image's alt text (line 1)"),
        ('<p><img src="/x.png" width="600" height="400" alt="Photo. {notice}"> A picture.</p>', "the notice is in an image's alt text (line 1)"),
        ('<div title="{notice}"><p>Read on.</p></div>', "the notice is in a title attribute (line 1)"),
        ('<abbr title="{notice}">CC</abbr>', "the notice is in a title attribute (line 1)"),
    ],
)
def test_an_embargo_notice_in_alt_text_or_a_title_is_a_warning_that_names_the_attribute(markup: str, where: str) -> None:
    notice = "This article is not subject to ProPublica&#8217;s Creative Commons license until Feb. 2, 2028."
    found = findings_of(story_with(markup.format(notice=notice)))
    assert "propublica/embargo" not in found
    (finding,) = found["propublica/embargo-in-comment"]
    assert finding.severity.name == "WARNING"
    assert "may not be republished until the end of Feb. 2, 2028" in finding.message
    assert where in finding.message


def test_a_markdown_image_s_alt_text_carrying_the_notice_is_a_warning() -> None:
    markup = "![This article is not subject to ProPublica's Creative Commons license until May 5, 2028.](welds.jpg)"
    (finding,) = findings_of(story_with(markup, "md"), "markdown")["propublica/embargo-in-comment"]
    assert "in an image's alt text" in finding.message


@pytest.mark.parametrize("markup", ['<img src="/w.jpg" alt="{notice}">', '<span title="{notice}">i</span>'])
def test_an_ended_embargo_in_an_attribute_says_nothing(markup: str) -> None:
    notice = "This article is not subject to ProPublica's Creative Commons license until June 1, 2026."
    assert "propublica/embargo-in-comment" not in findings_of(story_with(markup.format(notice=notice)))


def test_alt_text_about_licenses_is_no_notice() -> None:
    markup = '<img src="/cc.png" alt="Creative Commons license badge" title="Republish this story until Friday">'
    assert "propublica/embargo-in-comment" not in findings_of(story_with(markup))


def test_a_comment_about_an_ended_embargo_says_nothing() -> None:
    markup = "<!-- This article is not subject to ProPublica's Creative Commons license until June 1, 2026. -->"
    assert "propublica/embargo-in-comment" not in findings_of(story_with(markup))


def test_a_shown_notice_is_reported_once_not_again_as_hidden_or_in_a_comment() -> None:
    notice = "This article is not subject to ProPublica's Creative Commons license until March 3, 2027."
    found = findings_of(story_with(f"<p>{notice}</p>"))
    assert len(found["propublica/embargo"]) == 1
    assert "hidden" not in found["propublica/embargo"][0].message
    assert "propublica/embargo-in-comment" not in found


def test_reading_beyond_what_readers_see_needs_a_text_check() -> None:
    from compliance.checks.until import build
    from compliance.errors import PackError

    with pytest.raises(PackError, match="needs a `text` check"):
        build({"check": type("C", (), {"kind": "element"})(), "label": None, "read": "also-hidden", "utc_offset": None})


def test_reading_beyond_what_readers_see_without_a_text_check_is_refused_at_its_line(cli: Any, tmp_path: Path) -> None:
    pack = (
        "id: house\nname: House\npublisher: Us\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\n"
        "rules:\n  - id: house/embargo\n    severity: error\n    message: Embargoed.\n    help: Wait.\n"
        "    check:\n      until-date:\n        read: also-hidden\n        check: {element: {selector: time}}\n"
    )
    assert_pack_refused(cli, write(tmp_path, "house.yaml", pack), 13, "needs a `text` check as its check", "rule house/embargo")


def embargo_with_meta(date: str, meta: dict[str, str], today: datetime.date = TODAY) -> list[Any]:
    packs = [p for p in load_packs() if p.id in {"propublica", "creative-commons", "common"}]
    doc = parse_document(page(date).encode(), "html")
    report = check_document(doc, packs, path="p.html", auto_detect=False, today=today, meta=meta)
    return [f for f in report.findings if f.rule == "propublica/embargo"]


def test_a_copy_scheduled_after_the_embargo_is_checked_on_its_publication_day() -> None:
    assert embargo_with_meta("Feb. 10, 2027", {"publication_date": "2027-02-11T09:00:00-05:00"}) == []
    (finding,) = embargo_with_meta("Feb. 10, 2027", {"publication_date": "2027-02-10"})
    assert finding.message.endswith("so not before 2027-02-11 (the copy's publication date is 2027-02-10).")


def test_a_copy_that_ran_during_an_embargo_since_ended_still_fails() -> None:
    (finding,) = embargo_with_meta("Nov. 20, 2026", {"publication_date": "2026-11-02"})
    assert "the copy's publication date is 2026-11-02" in finding.message


@pytest.mark.parametrize("given", ["next Tuesday", "2027-13-40", "January 2027"])
def test_a_publication_date_naming_no_day_leaves_the_run_s_day_and_says_so(given: str) -> None:
    (finding,) = embargo_with_meta("Jan. 9, 2027", {"publication_date": given})
    assert finding.message.endswith(f"(the copy's publication date '{given}' could not be read as a day (give it as YYYY-MM-DD), so today is 2026-12-05).")


@pytest.mark.parametrize(
    ("given", "in_force"),
    [
        # ProPublica dates its embargoes in New York: 02:00 UTC on Oct. 4 is still Oct. 3 there.
        ("2099-10-04T02:00:00Z", True),
        ("2099-10-04T02:00:00+00:00", True),
        ("2099-10-04T06:00:00Z", False),
        ("2099-10-03T23:30:00-05:00", True),
        # Without a zone, the day as written.
        ("2099-10-04T02:00:00", False),
    ],
)
def test_a_publication_time_with_its_zone_is_read_on_the_publisher_s_day(given: str, in_force: bool) -> None:
    findings = embargo_with_meta("Oct. 3, 2099", {"publication_date": given})
    assert bool(findings) == in_force
    if in_force and given.endswith(("Z", "+00:00")):
        assert findings[0].message.endswith("(the copy's publication date is 2099-10-03 at UTC-5, the publisher's time).")


@pytest.mark.parametrize(("given", "day"), [("October 4, 2099", "2099-10-04"), ("Oct. 3, 2099", "2099-10-03"), ("4 October 2099", "2099-10-04")])
def test_a_publication_date_in_words_is_read_as_a_notice_s_date_is(given: str, day: str) -> None:
    findings = embargo_with_meta("Oct. 3, 2099", {"publication_date": given})
    assert bool(findings) == (day == "2099-10-03")
    if findings:
        assert findings[0].message.endswith(f"(the copy's publication date is {day}, read from '{given}').")


def test_check_and_fix_take_the_day_to_compare_with(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "p.html", page("June 30, 2031"))
    before = cli("check", "--pack", "propublica", "--select", "propublica/embargo", "--today", "2031-06-30", "--format", "concise", str(story))
    assert before.code == 1
    assert "(today is 2031-06-30)" in before.out
    assert cli("check", "--pack", "propublica", "--select", "propublica/embargo", "--today", "2031-07-01", str(story)).code == 0
    fixed = cli("fix", "--pack", "propublica", "--today", "2031-07-01", str(story))
    assert "propublica/embargo" not in fixed.out + fixed.err


@pytest.mark.parametrize("day", ["2031-02-29", "31/06/2031", "2031-6-1", "soon", ""])
def test_a_day_that_is_not_one_is_a_usage_error_of_one_line(cli: Any, tmp_path: Path, day: str) -> None:
    story = write(tmp_path, "p.html", page("June 30, 2031"))
    run = cli("check", "--today", day, str(story))
    assert run.code == 2
    (line,) = run.err.strip().splitlines()
    assert "is not a day written YYYY-MM-DD" in line
    assert "Traceback" not in run.err


@pytest.mark.parametrize(
    ("notice", "first_day"),
    [
        ("Until Feb. 2, 2027, this article is not subject to ProPublica's Creative Commons license.", "2027-02-03"),
        ("Until 2027-02-02 this story is not subject to ProPublica's Creative Commons licence.", "2027-02-03"),
        ("This article, until 2 February 2027, is not subject to ProPublica's Creative Commons license.", "2027-02-03"),
        ("UNTIL FEB. 2, 2027, THIS ARTICLE IS NOT SUBJECT TO PROPUBLICA'S CREATIVE COMMONS LICENSE.", "2027-02-03"),
        # An earlier "until" names another date: the notice's own order is read.
        ("Comments open until Dec. 1, 2026. This article is not subject to ProPublica's Creative Commons license until Feb. 2, 2027.", "2027-02-03"),
    ],
)
def test_the_notice_with_its_date_first_is_the_same_notice(notice: str, first_day: str) -> None:
    found = findings_of(story_with(f"<p>{notice}</p>"))
    (finding,) = found["propublica/embargo"]
    assert f"so not before {first_day}" in finding.message


@pytest.mark.parametrize(
    "prose",
    [
        "Until 2020, stories were not subject to ProPublica's Creative Commons license at all.",
        "Until Jan. 5, 2027, readers can comment; the story is subject to ProPublica's Creative Commons license.",
        "Until further notice, other outlets' stories are not subject to any Creative Commons license.",
        "ProPublica's Creative Commons license has applied to this story since Jan. 1, 2026, and will until it is updated.",
    ],
)
def test_prose_about_licenses_is_no_embargo_notice(prose: str) -> None:
    assert "propublica/embargo" not in findings_of(story_with(f"<p>{prose}</p>"))


def test_a_page_without_the_notice_says_so_in_a_sentence(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "p.html", page("Jan. 15, 2023").replace(NOTICE.format(date="Jan. 15, 2023"), "A paragraph."))
    run = cli("check", "--pack", "propublica", "--select", "propublica/embargo,propublica/embargo-in-comment", str(story))
    assert "ok      propublica/embargo  ProPublica's embargo notice is not on the page, shown or hidden" in run.out
    assert "propublica/embargo-in-comment  ProPublica's embargo notice is in no comment of the source" in run.out
    assert "no ProPublica's" not in run.out


def embargo_read_at(date: str, read_at: datetime.datetime) -> list[Any]:
    """The embargo's findings on a run whose clock read `read_at` (an aware time)."""
    packs = [p for p in load_packs() if p.id in {"propublica", "creative-commons", "common"}]
    report = check_document(parse_document(page(date).encode(), "html"), packs, path="p.html", auto_detect=False, read_at=read_at)
    return [f for f in report.findings if f.rule == "propublica/embargo"]


def _at(text: str, hours: float) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text).replace(tzinfo=datetime.timezone(datetime.timedelta(hours=hours)))


def test_a_clock_already_on_the_next_day_east_of_new_york_does_not_lift_the_embargo_early() -> None:
    # 03:00 on Dec. 6 at UTC+14 is 08:00 on Dec. 5 in New York (UTC-5): the notice's day is not over there.
    (finding,) = embargo_read_at("Dec. 5, 2026", _at("2026-12-06T03:00", 14))
    assert finding.message.endswith("(today is 2026-12-05 at UTC-5, the publisher's time).")
    # Once Dec. 5 has ended in New York, it has ended.
    assert embargo_read_at("Dec. 5, 2026", _at("2026-12-06T00:30", -5)) == []


def test_a_clock_behind_new_york_keeps_its_own_earlier_day_and_says_so() -> None:
    # 20:00 on Dec. 5 at UTC-10 is already Dec. 6 in New York: the earlier day, the clock's, is used.
    (finding,) = embargo_read_at("Dec. 5, 2026", _at("2026-12-05T20:00", -10))
    assert "(today is 2026-12-05 by this computer's clock (UTC-10:00))" in finding.message


def test_the_publisher_s_offset_is_an_hour_count_from_minus_12_to_14() -> None:
    from compliance.checks.until import build
    from compliance.errors import PackError

    text = type("C", (), {"kind": "text"})()
    with pytest.raises(PackError, match="utc-offset: 15 is out of range"):
        build({"check": text, "label": None, "read": "shown", "utc_offset": 15})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("until 1/15/2027.", ("1/15/2027", datetime.date(2027, 1, 15))),
        ("until 15/1/2027.", ("15/1/2027", datetime.date(2027, 1, 15))),
        ("until 12/31/2026 at 6 a.m.", ("12/31/2026", datetime.date(2026, 12, 31))),
        ("until 7/7/2027", ("7/7/2027", datetime.date(2027, 7, 7))),
        # Both numbers 12 or under: March 4 or April 3; not guessed.
        ("until 3/4/2027", None),
        # Neither reading is a day of a month.
        ("until 13/14/2027", None),
        ("until 2/30/2027", None),
    ],
)
def test_dates_with_slashes_are_read_only_when_one_reading_is_possible(text: str, expected: tuple[str, datetime.date] | None) -> None:
    assert read_date(text) == expected


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("until 10/3/2099", "month-first", datetime.date(2099, 10, 3)),
        ("until 10/3/2099", "day-first", datetime.date(2099, 3, 10)),
        ("until 10/3/2099", "unambiguous", None),
        ("until 1/2/2030.", "month-first", datetime.date(2030, 1, 2)),
        ("until 12/11/2027 at 6 a.m.", "day-first", datetime.date(2027, 11, 12)),
        # One reading alone is a day of a month, whichever order the publisher writes.
        ("until 15/1/2027", "month-first", datetime.date(2027, 1, 15)),
        ("until 1/15/2027", "day-first", datetime.date(2027, 1, 15)),
        ("until 2/30/2027", "month-first", None),
        ("until 13/14/2027", "day-first", None),
    ],
)
def test_a_pack_s_numeric_date_order_reads_a_slashed_date_both_readings_allow(text: str, order: str, expected: datetime.date | None) -> None:
    read = read_date(text, order)
    assert (read[1] if read else None) == expected


def test_propublica_writes_its_numeric_dates_month_first() -> None:
    (finding,) = embargo("4/5/2027")
    assert "may not be republished until the end of 4/5/2027, so not before 2027-04-06" in finding.message
    assert embargo("4/5/2027", today=datetime.date(2027, 4, 6)) == []
    assert len(embargo("4/5/2027", today=datetime.date(2027, 4, 5))) == 1


_UNTIL_PACK = (
    "id: u\nname: N\npublisher: P\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\nrules:\n"
    "  - id: u/embargo\n    severity: error\n    message: 'Embargoed: {{until}}.'\n    help: h\n    check:\n"
    "      until-date:\n        check: {{text: {{pattern: 'embargoed\\s+until', scope: page}}}}\n{order}"
)


@pytest.mark.parametrize(("order", "code", "said"), [("", 1, "its date could not be read"), ("        numeric-dates: month-first\n", 0, "")])
def test_without_an_order_an_ambiguous_slashed_date_stays_unread_even_after_the_day(cli: Any, tmp_path: Path, order: str, code: int, said: str) -> None:
    pack = write(tmp_path, "u.yaml", _UNTIL_PACK.format(order=order))
    story = write(tmp_path, "story.txt", "Headline\n\nThis story is embargoed until 6/7/2031.\n\nThe rest of the story.\n")
    run = cli("check", "--format", "concise", "--rules", str(pack), "--pack", "u", "--today", "2031-06-08", str(story))
    assert run.code == code
    assert said in run.out


@pytest.mark.parametrize(
    ("markup", "first_day"),
    [
        ('until <time datetime="2027-04-20">April 20</time>', "2027-04-21"),
        ('until <time datetime="2027-04-20T06:00:00-04:00">Tuesday at 6 a.m.</time>', "2027-04-21"),
    ],
)
def test_a_time_element_gives_the_date_its_words_leave_out(markup: str, first_day: str) -> None:
    notice = f"<p>This article is not subject to ProPublica's Creative Commons license {markup}.</p>"
    (finding,) = findings_of(story_with(notice))["propublica/embargo"]
    assert f"so not before {first_day}" in finding.message
    assert "(2027-04-20)" in finding.message


def test_the_words_date_comes_before_a_time_element_s() -> None:
    notice = "<p>This article is not subject to ProPublica's Creative Commons license until May 2, 2027 (<time datetime='2026-01-01'>then</time>).</p>"
    (finding,) = findings_of(story_with(notice))["propublica/embargo"]
    assert "so not before 2027-05-03" in finding.message


def test_fix_does_not_make_a_story_under_embargo_ready_to_run(cli: Any, tmp_path: Path) -> None:
    without_pixel = page("Aug. 8, 2031").replace('<script src="https://pixel.propublica.org/pixel.js" async></script>', "")
    story = write(tmp_path, "p.html", without_pixel)
    held = cli("fix", "--pack", "propublica", "--today", "2031-08-08", str(story))
    said = held.out + held.err
    assert "+<script" not in said
    assert "not fixed: propublica/pixel: the story may not be republished yet (propublica/embargo): fix it once it may run" in said
    assert "left for you: propublica/embargo" in said
    # The day after, the embargo has ended and the pixel is put in.
    free = cli("fix", "--pack", "propublica", "--today", "2031-08-09", str(story))
    assert "pixel.propublica.org/pixel.js" in free.out
    assert "not fixed" not in free.out + free.err


def test_fix_is_not_held_back_by_an_embargo_notice_only_in_a_comment(cli: Any, tmp_path: Path) -> None:
    without_pixel = page("Aug. 8, 2031").replace('<script src="https://pixel.propublica.org/pixel.js" async></script>', "")
    commented = without_pixel.replace(f"<p><em>{NOTICE.format(date='Aug. 8, 2031')}</em></p>", f"<!-- {NOTICE.format(date='Aug. 8, 2031')} -->")
    run = cli("fix", "--pack", "propublica", "--today", "2031-08-08", str(write(tmp_path, "c.html", commented)))
    assert "pixel.propublica.org/pixel.js" in run.out


@pytest.mark.parametrize(
    "markup",
    [
        "<p>Some ProPublica stories say they are \u201cnot subject to ProPublica\u2019s Creative Commons license until\u201d a date; this one does not.</p>",
        "<p>The label reads 'not subject to ProPublica's Creative Commons license until' and then a day.</p>",
        "<p hidden>Editors check for \u00abnot subject to ProPublica's Creative Commons license until\u00bb before running a story.</p>",
    ],
)
def test_a_story_quoting_the_notices_words_is_not_under_embargo(markup: str) -> None:
    # Quoted inside a sentence of other words, the wording is mentioned, not put on the story.
    assert "propublica/embargo" not in findings_of(story_with(markup))


@pytest.mark.parametrize(
    "markup",
    [
        "<p>\u201cThis article is not subject to ProPublica\u2019s Creative Commons license until March 3, 2027.\u201d</p>",
        "<p>Note: This article is not subject to ProPublica's Creative Commons license until March 3, 2027.</p>",
    ],
)
def test_a_notice_standing_alone_holds_even_in_quotation_marks(markup: str) -> None:
    (finding,) = findings_of(story_with(markup))["propublica/embargo"]
    assert "may not be republished until the end of March 3, 2027" in finding.message


# The run's clock, read on TODAY (no --today given): a page's own date is taken then.
CLOCK = datetime.datetime(2026, 12, 5, 12, 0, tzinfo=datetime.UTC)


def _page_dated(date: str, head: str, *, clock: datetime.datetime | None = CLOCK) -> list[Any]:
    packs = [p for p in load_packs() if p.id in {"propublica", "creative-commons", "common"}]
    doc = parse_document(page(date).replace("<head>", "<head>" + head).encode(), "html")
    report = check_document(doc, packs, path="p.html", auto_detect=False, today=TODAY, read_at=clock)
    return [f for f in report.findings if f.rule == "propublica/embargo"]


def test_a_day_the_run_names_comes_before_the_pages_own_date() -> None:
    # --today asks whether the copy passes on that day: the page's own date is not taken then.
    head = '<meta property="article:published_time" content="2026-11-02T09:00:00-04:00">'
    assert _page_dated("Nov. 20, 2026", head, clock=None) == []


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:published_time" content="2026-11-02T09:00:00-04:00">',
        '<meta itemprop="datePublished" content="2026-11-02">',
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2026-11-02T13:00:00Z"}</script>',
    ],
)
def test_a_published_page_that_ran_during_the_embargo_fails_on_its_own_date(head: str) -> None:
    # The embargo ended before today: the page's own metadata says it ran during it.
    (finding,) = _page_dated("Nov. 20, 2026", head)
    assert "the page's own publication date is 2026-11-02" in finding.message


def test_the_metadata_given_to_the_check_comes_before_the_pages_own_date() -> None:
    head = '<meta property="article:published_time" content="2026-11-02T09:00:00-04:00">'
    packs = [p for p in load_packs() if p.id in {"propublica", "creative-commons", "common"}]
    doc = parse_document(page("Nov. 20, 2026").replace("<head>", "<head>" + head).encode(), "html")
    report = check_document(doc, packs, path="p.html", auto_detect=False, today=TODAY, read_at=CLOCK, meta={"publication_date": "2026-11-25"})
    assert [f for f in report.findings if f.rule == "propublica/embargo"] == []
    # A page without such metadata is judged on the run's day, as before: the embargo has ended.
    assert embargo("Nov. 20, 2026") == []


@pytest.mark.parametrize(
    "head",
    [
        # A day still to come is no day the page ran: the page is judged today, while the embargo holds.
        '<meta property="article:published_time" content="2026-12-21T09:00:00-05:00">',
        '<meta property="article:published_time" content="2026-12-21T09:00:00-05:00">'
        '<script type="application/ld+json">{"datePublished": "2024-09-12"}</script>',
    ],
)
def test_a_page_dated_after_today_is_judged_today(head: str) -> None:
    (finding,) = _page_dated("Dec. 20, 2026", head)
    assert "today is 2026-12-05" in finding.message
