"""A byline that cuts the reporter's given name to its initial ("By J. Smith" for the original's
Jake Smith) does not keep the reporter's byline, in every pack's `original-reporter` rule: the
finding says what the byline did ("shortens Jake Smith to J. Smith: write the name as the original
does") and `fix` writes the name out in its place. The initials the original itself prints, a
middle name abbreviated, and the name in another case, without accents or with a suffix still
pass."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.checks.story import same_person, shortens_given_name
from tests.conftest import ROOT, write

# --- 1. The names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("credited", "expected", "shortens"),
    [
        ("J. Smith", "Jake Smith", True),
        ("J Smith", "Jake Smith", True),
        ("j. smith", "Jake Smith", True),
        ("J.R. Smith", "Jake Robert Smith", True),
        ("J. Robert Smith", "Jake Robert Smith", True),
        ("J. Smith", "Jake Robert Smith", True),
        ("J. Smith Jr.", "Jake Smith Jr.", True),
        ("J. García López", "Juan García López", True),
        ("J. Garcia-Lopez", "Juan García-López", True),
        ("Dr. M. Lopez", "Maria Lopez", True),
        ("É. Dubois", "Émilie Dubois", True),
        # the same initials as the original, the name written out, a middle name abbreviated
        ("J. Smith", "J. Smith", False),
        ("Jake Smith", "Jake Smith", False),
        ("JAKE SMITH", "Jake Smith", False),
        ("Sarah J. Tribble", "Sarah Jane Tribble", False),
        ("Jose Diaz", "José Díaz", False),
        # another person, or more than a cut: another initial, initials added, the surname cut
        ("T. Smith", "Jake Smith", False),
        ("J. R. Smith", "Jake Smith", False),
        ("J. Smith", "Jake R. Smith", False),
        ("J. Jones", "Jake Smith", False),
        ("Jake S.", "Jake Smith", False),
        ("Smith", "Jake Smith", False),
    ],
)
def test_shortens_given_name_tells_a_cut_given_name_from_the_name_as_written(credited: str, expected: str, shortens: bool) -> None:
    assert shortens_given_name(credited, expected) is shortens


def test_same_person_is_unchanged_a_cut_name_is_still_the_reporter() -> None:
    # The reporter, so no other person beside them; only not the byline the terms ask to keep.
    assert same_person("J. Smith", "Jake Smith") and same_person("M. Lopez", "Maria Lopez")
    assert not same_person("Jake Smith", "J. Smith")


# --- 2. Every pack's original-reporter rule ---------------------------------------------------

# A compliant copy of each pack's samples, the reporter its byline credits, and the reporter's
# name with the given name cut to its initial.
COPIES = {
    "calmatters": ("samples/calmatters/compliant-wordpress.html", "Rosa Ibarra", "R. Ibarra"),
    "kff-health-news": ("samples/kff-health-news/compliant-ghost.html", "Tomás Ferreira", "T. Ferreira"),
    "propublica": ("samples/propublica/compliant-wordpress.html", "Hollis Brandt", "H. Brandt"),
    "texas-tribune": ("samples/texas-tribune/compliant-static.html", "Luis Echevarría", "L. Echevarría"),
    "the-19th": ("samples/the-19th/compliant-wordpress.html", "Marisol Okafor", "M. Okafor"),
    "the-conversation": ("samples/the-conversation/compliant-static.html", "Renata Okafor", "R. Okafor"),
    "global-voices": ("samples/global-voices/compliant-static.html", "Daria Movileanu", "D. Movileanu"),
}


def _original(tmp_path: Path, byline: str) -> Path:
    return write(tmp_path, "original.html", f'<article><h1>Title</h1><p class="byline">By {byline}</p><p>The story.</p></article>')


def _copy(tmp_path: Path, pack: str, name: str) -> Path:
    """The pack's compliant copy with its visible credits (a byline, a credit line) naming `name`."""
    path, reporter, _ = COPIES[pack]
    source = (ROOT / path).read_text(encoding="utf-8")
    for credit in (">{}<", "By {}", "story by {} "):
        source = source.replace(credit.format(reporter), credit.format(name))
    return write(tmp_path, Path(path).name, source)


def _verdict(cli: Any, pack: str, *args: str) -> tuple[list[str], bool]:
    run = cli("check", "--pack", pack, "--format", "json", *args)
    (entry,) = run.json()["files"]
    rule = f"{pack}/original-reporter"
    return [f["message"] for f in entry["findings"] if f["rule"] == rule], rule in {p["rule"] for p in entry["passed"]}


@pytest.mark.parametrize("pack", sorted(COPIES))
def test_a_byline_cutting_the_reporters_given_name_fails_in_every_pack(cli: Any, tmp_path: Path, pack: str) -> None:
    _, reporter, short = COPIES[pack]
    copy = _copy(tmp_path, pack, short)
    (message,), passed = _verdict(cli, pack, "--original", str(_original(tmp_path, reporter)), str(copy))
    assert not passed
    assert " shortens the name of the " in message
    assert f", which shortens {reporter} to {short}: write the name as the original does)." in message
    # The same initials where the original prints them pass.
    assert _verdict(cli, pack, "--original", str(_original(tmp_path, short)), str(copy)) == ([], True)


@pytest.mark.parametrize("pack", ["dcnf", "calmatters", "propublica"])
def test_with_the_reporter_given_instead_of_an_original_the_finding_asks_for_the_name_in_full(cli: Any, tmp_path: Path, pack: str) -> None:
    copies = {
        "dcnf": ("samples/dcnf/compliant-static.html", "Jake Smith", "J. Smith"),
        "calmatters": COPIES["calmatters"],
        "propublica": COPIES["propublica"],
    }
    path, reporter, short = copies[pack]
    source = (ROOT / path).read_text(encoding="utf-8").replace(f">{reporter}<", f">{short}<")
    copy = write(tmp_path, Path(path).name, source)
    (message,), passed = _verdict(cli, pack, "--meta", f"reporter={reporter}", str(copy))
    assert not passed
    assert message.endswith(f", which shortens {reporter} to {short}: write the name in full, as given).")
    # The reporter given with the initial: the byline writes the name as given.
    assert _verdict(cli, pack, "--meta", f"reporter={short}", str(copy)) == ([], True)


KFF = "samples/kff-health-news/compliant-ghost.html"


@pytest.mark.parametrize(
    ("original", "credited"),
    [
        # a middle name abbreviated, case, accents, a suffix, hyphenated and compound surnames
        ("Sarah Jane Tribble", "Sarah J. Tribble"),
        ("Sarah Jane Tribble", "SARAH JANE TRIBBLE"),
        ("Tomás Ferreira", "Tomas Ferreira"),
        ("Jake Smith Jr.", "Jake Smith Jr."),
        ("Ana García-López", "Ana Garcia-Lopez"),
        ("Juan García López", "Juan García López"),
        ("J. Smith", "J. Smith"),
    ],
)
def test_names_written_as_the_original_writes_them_still_pass(cli: Any, tmp_path: Path, original: str, credited: str) -> None:
    source = (ROOT / KFF).read_text(encoding="utf-8").replace("By Tomás Ferreira for", f"By {credited} for")
    copy = write(tmp_path, "copy.html", source)
    assert _verdict(cli, "kff-health-news", "--original", str(_original(tmp_path, original)), str(copy)) == ([], True)


@pytest.mark.parametrize(
    ("original", "credited", "fault"),
    [
        # a middle name dropped was no credit before, and stays none (a name left out, not cut short)
        ("Sarah Jane Tribble", "Sarah Tribble", "does not name"),
        ("Jake Smith Jr.", "J. Smith Jr.", "shortens the name of"),
        ("Juan García López", "J. García López", "shortens the name of"),
        ("Ana García-López", "A. García-López", "shortens the name of"),
        # two reporters, one cut short; one cut short and the other left out
        ("Jake Smith and Ana Ruiz", "J. Smith and Ana Ruiz", "shortens the name of"),
        ("Jake Smith and Ana Ruiz", "J. Smith", "does not name"),
    ],
)
def test_names_cut_short_or_left_out_fail_saying_which(cli: Any, tmp_path: Path, original: str, credited: str, fault: str) -> None:
    source = (ROOT / KFF).read_text(encoding="utf-8").replace("By Tomás Ferreira for", f"By {credited} for")
    copy = write(tmp_path, "copy.html", source)
    (message,), passed = _verdict(cli, "kff-health-news", "--original", str(_original(tmp_path, original)), str(copy))
    assert not passed and message.startswith(f"The byline {fault} the ")
    assert ("which shortens" in message) is (credited.startswith(("J.", "A.")))
    if original.endswith("Ana Ruiz") and "Ana Ruiz" not in credited:
        assert "(Ana Ruiz not credited), which shortens Jake Smith to J. Smith: " in message


def test_a_byline_writing_the_name_out_beside_one_cutting_it_credits_the_reporter(cli: Any, tmp_path: Path) -> None:
    # An author box lower on the page with the short form, below the byline with the name in full.
    source = (ROOT / "samples/dcnf/compliant-static.html").read_text(encoding="utf-8")
    copy = write(tmp_path, "copy.html", source.replace("</article>", '<p class="byline">By J. Smith</p></article>', 1))
    original = ROOT / "samples/originals/dcnf-original.html"
    assert _verdict(cli, "dcnf", "--original", str(original), str(copy)) == ([], True)


# --- 3. fix writes the name out ----------------------------------------------------------------

DCNF_ORIGINAL = ROOT / "samples/originals/dcnf-original.html"
LOGO = "https://dailycallernewsfoundation.org/logo.png"
STORY = "A Senate committee voted 12-10 on Thursday to advance a border security bill after four hours of debate."
LICENSE = "Content created by The Daily Caller News Foundation is available without charge to any eligible news publisher."


def _dcnf_html(byline: str) -> str:
    return (
        f'<html><body><article>\n<h1>Border bill moves forward</h1>\n<p><img src="{LOGO}" alt="Daily Caller News Foundation logo"></p>\n'
        f"{byline}\n<p>{STORY}</p>\n<p><em>{LICENSE}</em></p>\n</article></body></html>\n"
    )


@pytest.mark.parametrize(
    ("byline", "fixed", "said"),
    [
        (
            '<p class="byline">By J. Smith, Daily Caller News Foundation · June 21</p>',
            '<p class="byline">By Jake Smith, Daily Caller News Foundation · June 21</p>',
            "replaced 'J. Smith' in the byline with 'Jake Smith'",
        ),
        # the reporter's own author link stays around the name written out
        (
            '<div class="byline">By <a href="/author/jake-smith/" rel="author">J. Smith</a>, DCNF</div>',
            '<div class="byline">By <a href="/author/jake-smith/" rel="author">Jake Smith</a>, DCNF</div>',
            """replaced 'J. Smith' in the byline with '<a href="/author/jake-smith/" rel="author">Jake Smith</a>'""",
        ),
        (
            '<p class="byline">By J Smith</p>',
            '<p class="byline">By Jake Smith, Daily Caller News Foundation</p>',
            "replaced 'J Smith' in the byline with 'Jake Smith, Daily Caller News Foundation'",
        ),
    ],
)
def test_fix_writes_the_reporters_name_out_in_an_html_byline(cli: Any, tmp_path: Path, byline: str, fixed: str, said: str) -> None:
    copy = write(tmp_path, "copy.html", _dcnf_html(byline))
    run = cli("fix", "--write", "--pack", "dcnf", "--original", str(DCNF_ORIGINAL), str(copy))
    assert copy.read_text(encoding="utf-8") == _dcnf_html(fixed), run.err
    assert f"copy.html:4: fixed dcnf/original-reporter: {said}" in run.err
    assert cli("check", "--pack", "dcnf", "--original", str(DCNF_ORIGINAL), str(copy)).code == 0


@pytest.mark.parametrize(
    ("name", "byline", "fixed"),
    [
        ("copy.md", "By J. Smith, Daily Caller News Foundation", "By Jake Smith, Daily Caller News Foundation"),
        ("copy.txt", "By J. Smith, Daily Caller News Foundation, June 21", "By Jake Smith, Daily Caller News Foundation, June 21"),
    ],
)
def test_fix_writes_the_name_out_in_markdown_and_text(cli: Any, tmp_path: Path, name: str, byline: str, fixed: str) -> None:
    heading = "# " if name.endswith(".md") else ""
    logo = f"![Daily Caller News Foundation logo]({LOGO})\n\n" if name.endswith(".md") else "Daily Caller News Foundation logo\n"
    text = f"{heading}Border bill moves forward\n\n{logo}{byline}\n\n{STORY}\n\n{LICENSE}\n"
    copy = write(tmp_path, name, text)
    run = cli("fix", "--write", "--pack", "dcnf", "--original", str(DCNF_ORIGINAL), str(copy))
    assert copy.read_text(encoding="utf-8") == text.replace(byline, fixed), run.err


@pytest.mark.parametrize("pack", ["calmatters", "propublica", "the-19th"])
def test_fix_writes_the_name_out_in_other_packs_keeping_the_author_link(cli: Any, tmp_path: Path, pack: str) -> None:
    _, reporter, short = COPIES[pack]
    copy = _copy(tmp_path, pack, short)
    original = _original(tmp_path, reporter)
    run = cli("fix", "--write", "--pack", pack, "--original", str(original), str(copy))
    assert f"fixed {pack}/original-reporter: replaced '{short}' in the byline with '<span class=\"author vcard\"><a class=" in run.err
    assert f'/">{reporter}</a></span>' in copy.read_text(encoding="utf-8")
    assert _verdict(cli, pack, "--original", str(original), str(copy)) == ([], True)


def test_fix_leaves_a_byline_with_the_originals_own_initials(cli: Any, tmp_path: Path) -> None:
    original = write(tmp_path, "original.html", DCNF_ORIGINAL.read_text(encoding="utf-8").replace("Jake Smith Contributor", "By J. Smith"))
    copy = write(tmp_path, "copy.html", _dcnf_html('<p class="byline">By J. Smith, Daily Caller News Foundation</p>'))
    run = cli("fix", "--pack", "dcnf", "--original", str(original), str(copy))
    assert "original-reporter" not in run.err and run.code == 0, run.err
