"""An original given that is a publisher's page applies that publisher's pack to the copy, even
when the copy carries none of its markers: a copy stripped of every credit is the worst case the
terms cover, and used to pass as "no pack". The original may be a file (`--original`), a URL (the
`original` metadata, fetched or not) or only its address (`original_url` metadata, a CMS payload's
field); an original on no pack's site applies no pack."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from compliance.text import possessive
from tests.conftest import ROOT

ORIGINALS = ROOT / "samples" / "originals"

# A copy with the story's words and none of any publisher's credits: no byline, credit line, link
# back, logo or pixel.
STRIPPED = "# Pipeline inspectors signed off on welds they never saw\n\nInspectors signed off on 41 welds in one morning.\n\nThe records run to 9,000 pages.\n"


def _stripped(tmp_path: Path) -> str:
    copy = tmp_path / "copy.md"
    copy.write_text(STRIPPED, encoding="utf-8")
    return str(copy)


def _stripped_of(tmp_path: Path, original: str, headline: str | None = None) -> str:
    """A copy of an original's own story stripped of every credit: its headline (or `headline`)
    and its first two paragraphs, and no byline, credit line, link, logo or pixel."""
    from compliance.document import parse_document

    story = parse_document((ORIGINALS / original).read_bytes(), "html")
    assert story.headline is not None
    paragraphs = [block.text for block in story.article_blocks if block.text != story.headline.text and len(block.text.split()) > 12][:2]
    copy = tmp_path / "copy.md"
    copy.write_text(f"# {headline or story.headline.text}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return str(copy)


def _original_page(tmp_path: Path, head: str) -> str:
    page = tmp_path / "original.html"
    page.write_text(f"<html><head>{head}</head><body><article><h1>Story</h1><p>Inspectors signed off on welds.</p></article></body></html>", encoding="utf-8")
    return str(page)


def _file(run: Any) -> dict[str, Any]:
    (entry,) = run.json()["files"]
    return entry  # type: ignore[no-any-return]


def _codes(entry: dict[str, Any]) -> list[str]:
    return [n["code"] for n in entry["notices"]]


@pytest.mark.parametrize(
    ("original", "pack", "publisher", "rule"),
    [
        ("propublica-original.html", "propublica", "ProPublica", "propublica/credit-line"),
        ("calmatters-original.html", "calmatters", "CalMatters", "calmatters/credit-line"),
        ("dcnf-original.html", "dcnf", "Daily Caller News Foundation", "dcnf/logo"),
    ],
)
def test_a_stripped_copy_gets_the_pack_of_the_original_file_given(cli: Any, tmp_path: Path, original: str, pack: str, publisher: str, rule: str) -> None:
    run = cli("check", "--format", "json", "--original", str(ORIGINALS / original), _stripped_of(tmp_path, original))
    entry = _file(run)
    assert run.code == 1
    assert entry["packs"] == [pack]
    (notice,) = [n["message"] for n in entry["notices"] if n["code"] == "original-publisher"]
    assert notice.startswith(f"the {pack} pack applies because the original given is {possessive(publisher)} story (its ")
    assert "no-pack" not in _codes(entry)
    assert rule in {f["rule"] for f in entry["findings"]}


def test_without_the_original_the_same_copy_applies_no_pack(cli: Any, tmp_path: Path) -> None:
    entry = _file(cli("check", "--format", "json", _stripped(tmp_path)))
    assert (entry["packs"], _codes(entry)) == ([], ["no-pack"])


@pytest.mark.parametrize(
    ("head", "pack", "why"),
    [
        ('<link rel="canonical" href="https://www.texastribune.org/2024/05/01/story/">', "texas-tribune", "its canonical URL is on www.texastribune.org"),
        ('<meta property="og:url" content="https://kffhealthnews.org/news/article/story/">', "kff-health-news", "its og:url is on kffhealthnews.org"),
        ('<meta property="og:site_name" content="Global Voices">', "global-voices", "its og:site_name is 'Global Voices'"),
        ('<meta property="og:site_name" content="The  19th">', "the-19th", "its og:site_name is 'The  19th'"),
    ],
)
def test_each_sign_of_the_original_names_its_publisher(cli: Any, tmp_path: Path, head: str, pack: str, why: str) -> None:
    entry = _file(cli("check", "--format", "json", "--original", _original_page(tmp_path, head), _stripped(tmp_path)))
    assert entry["packs"] == [pack]
    assert any(n["code"] == "original-publisher" and f"({why})" in n["message"] for n in entry["notices"])


@pytest.mark.parametrize(
    ("url", "pack"),
    [
        ("https://www.propublica.org/article/pipeline-weld-inspections-records", "propublica"),
        ("https://calmatters.org/housing/2024/07/fair-plan/?utm_source=newsletter", "calmatters"),
        ("HTTPS://TheConversation.com/some-story-123456", "the-conversation"),
        ("https://stateline.org/2024/05/01/story/", "states-newsroom"),
        # A States Newsroom outlet's own site.
        ("https://mainemorningstar.com/2024/02/21/maine-lawmakers-weigh-cap-on-ambulance-bills/", "states-newsroom"),
        ("https://www.nebraskaexaminer.com/2024/03/01/story/", "states-newsroom"),
    ],
)
def test_the_original_url_metadata_alone_names_the_publisher(cli: Any, tmp_path: Path, url: str, pack: str) -> None:
    run = cli("check", "--format", "json", "--meta", f"original_url={url}", _stripped(tmp_path))
    entry = _file(run)
    assert entry["packs"] == [pack]
    assert any(n["code"] == "original-publisher" and "its address is on" in n["message"] for n in entry["notices"])
    assert run.code == 1


def test_an_original_url_not_fetched_still_names_the_publisher(cli: Any, tmp_path: Path) -> None:
    # Without --allow-fetch the page is not read (a notice says so), but its address is known.
    entry = _file(cli("check", "--format", "json", "--meta", "original=https://www.propublica.org/article/x", _stripped(tmp_path)))
    assert entry["packs"] == ["propublica"]
    assert {"original-unavailable", "original-publisher"} <= set(_codes(entry))


def test_a_cms_payload_field_names_the_publisher(cli: Any, tmp_path: Path) -> None:
    payloads = [
        {"id": "tt", "html": "<article><h1>Story</h1><p>Text.</p></article>", "original_url": "https://www.texastribune.org/2024/05/01/story/"},
        {"id": "other", "html": "<article><h1>Story</h1><p>Text.</p></article>", "original_url": "https://news.example.org/2024/05/01/story/"},
        {"id": "kff", "html": "<article><h1>Story</h1><p>Text.</p></article>", "meta": {"original_url": "https://kffhealthnews.org/news/article/story/"}},
    ]
    feed = tmp_path / "payloads.jsonl"
    feed.write_text("\n".join(json.dumps(p) for p in payloads), encoding="utf-8")
    files = cli("check", "--input-kind", "cms-json", "--format", "json", str(feed)).json()["files"]
    assert [f["packs"] for f in files] == [["texas-tribune"], [], ["kff-health-news"]]


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example.org/2024/05/01/story/",
        # Look-alikes of a publisher's host are not its site.
        "https://propublica.org.evil.example/article/x",
        "https://evilpropublica.org/article/x",
        "https://example.org/?next=https://www.propublica.org/article/x",
    ],
)
def test_an_original_on_no_packs_site_applies_no_pack(cli: Any, tmp_path: Path, url: str) -> None:
    entry = _file(cli("check", "--format", "json", "--meta", f"original_url={url}", _stripped(tmp_path)))
    assert entry["packs"] == []
    assert "original-publisher" not in _codes(entry) and "no-pack" in _codes(entry)


def test_an_unrelated_original_file_applies_no_pack(cli: Any, tmp_path: Path) -> None:
    head = '<link rel="canonical" href="https://news.example.org/story"><meta property="og:site_name" content="Example News">'
    run = cli("check", "--format", "json", "--original", _original_page(tmp_path, head), _stripped(tmp_path))
    entry = _file(run)
    assert (run.code, entry["packs"]) == (0, [])
    assert "original-publisher" not in _codes(entry)


def test_a_pack_the_copy_already_gets_is_not_noted_again(cli: Any) -> None:
    # The faithful copy carries ProPublica's credits: detection applies the pack, nothing to add.
    entry = _file(cli("check", "--format", "json", str(ORIGINALS / "propublica-faithful.md")))
    assert entry["packs"] == ["propublica"]
    assert "original-publisher" not in _codes(entry)


def test_the_publishers_own_page_stays_an_original(cli: Any, tmp_path: Path) -> None:
    # A copy that is itself on the publisher's site is its page, not a republication.
    own = tmp_path / "own.html"
    own.write_text(
        '<html><head><meta property="og:url" content="https://www.propublica.org/article/x"><meta property="og:site_name" content="ProPublica">'
        "</head><body><article><h1>Story</h1><p>Text.</p></article></body></html>",
        encoding="utf-8",
    )
    entry = _file(cli("check", "--format", "json", "--meta", "original_url=https://www.propublica.org/article/x", str(own)))
    assert entry["packs"] == []
    assert "own-page" in _codes(entry) and "original-publisher" not in _codes(entry)


@pytest.mark.parametrize("where", ["front matter", "sidecar"])
def test_an_original_url_in_the_articles_own_metadata_names_the_publisher(cli: Any, tmp_path: Path, where: str) -> None:
    copy = tmp_path / "copy.md"
    url = "https://www.propublica.org/article/pipeline-weld-inspections-records"
    if where == "front matter":
        copy.write_text(f"---\noriginal_url: {url}\n---\n\n{STRIPPED}", encoding="utf-8")
    else:
        copy.write_text(STRIPPED, encoding="utf-8")
        (tmp_path / "copy.md.meta.yaml").write_text(f"original_url: {url}\n", encoding="utf-8")
    entry = _file(cli("check", "--format", "json", str(copy)))
    assert entry["packs"] == ["propublica"]
    assert "original-publisher" in _codes(entry)


def _undecided(entry: dict[str, Any]) -> list[str]:
    return [n["message"] for n in entry["notices"] if n["code"] == "undecided"]


@pytest.mark.parametrize(
    ("copy", "original", "credited", "given", "publisher"),
    [
        ("propublica-faithful.md", "dcnf-original.html", "propublica", "dcnf", "Daily Caller News Foundation"),
        ("propublica-edited.md", "calmatters-original.html", "propublica", "calmatters", "CalMatters"),
        ("dcnf-faithful.txt", "propublica-original.html", "dcnf", "propublica", "ProPublica"),
    ],
)
def test_an_original_of_another_publisher_than_the_copy_credits_is_said_and_not_compared(
    cli: Any, copy: str, original: str, credited: str, given: str, publisher: str
) -> None:
    # The copy's own credits apply one publisher's pack; the original given is another's story: most
    # likely the wrong file. Neither is the copy held to the second publisher's terms nor compared
    # with a story it is not a copy of.
    run = cli("check", "--format", "json", "--original", str(ORIGINALS / original), str(ORIGINALS / copy))
    entry = _file(run)
    assert entry["packs"] == [credited]
    (mismatch,) = [n["message"] for n in entry["notices"] if n["code"] == "original-mismatch"]
    assert mismatch.startswith(f"the original given is {possessive(publisher)} story (")
    assert f"the {given} pack is not applied on the original's account" in mismatch
    assert "original-publisher" not in _codes(entry)
    (undecided,) = _undecided(entry)
    assert undecided.endswith("the original given is another publisher's story than the one this copy credits (see the original-mismatch note)")
    assert not any(f["rule"].startswith(given + "/") for f in entry["findings"])


def test_the_copys_own_publishers_original_is_compared_with_as_before(cli: Any) -> None:
    entry = _file(cli("check", "--format", "json", "--original", str(ORIGINALS / "propublica-original.html"), str(ORIGINALS / "propublica-edited.md")))
    assert entry["packs"] == ["propublica"]
    assert "original-mismatch" not in _codes(entry)
    assert not _undecided(entry)
    assert any(f["rule"] == "propublica/fidelity" for f in entry["findings"])


# Another story than each original (no text, headline or reporter in common), stripped of every
# credit: the user's CalMatters story checked against a DCNF original, and the other pairs.
UNRELATED = [
    ("dcnf-original.html", "calmatters-original.html", "dcnf", "Daily Caller News Foundation"),
    ("dcnf-original.html", "propublica-original.html", "dcnf", "Daily Caller News Foundation"),
    ("calmatters-original.html", "propublica-original.html", "calmatters", "CalMatters"),
    ("propublica-original.html", "dcnf-original.html", "propublica", "ProPublica"),
]


@pytest.mark.parametrize(("original", "story", "given", "publisher"), UNRELATED)
def test_an_original_sharing_nothing_with_a_stripped_copy_brings_no_pack(
    cli: Any, tmp_path: Path, original: str, story: str, given: str, publisher: str
) -> None:
    # No credit of any publisher on the copy, and the original given shares no text, headline or
    # reporter with it: most likely the wrong file. Its publisher's terms are not applied on its
    # account, and nothing is compared with it.
    run = cli("check", "--format", "json", "--original", str(ORIGINALS / original), _stripped_of(tmp_path, story))
    entry = _file(run)
    assert (run.code, entry["packs"]) == (0, [])
    (mismatch,) = [n["message"] for n in entry["notices"] if n["code"] == "original-mismatch"]
    assert f"is {possessive(publisher)} story (its " in mismatch
    assert "it shares no text, headline or reporter with this copy: it is most likely another story" in mismatch
    assert f"so the {given} pack is not applied on its account" in mismatch
    assert "original-publisher" not in _codes(entry) and "no-pack" in _codes(entry)


@pytest.mark.parametrize(("original", "story", "given", "publisher"), UNRELATED)
def test_fix_writes_nothing_from_an_original_sharing_nothing_with_the_copy(
    cli: Any, tmp_path: Path, original: str, story: str, given: str, publisher: str
) -> None:
    # Not the original's logo, byline or link: with --meta logo-url too, as the user gave it.
    copy = Path(_stripped_of(tmp_path, story))
    source = copy.read_bytes()
    run = cli("fix", "--original", str(ORIGINALS / original), "--meta", "logo-url=https://dailycallernewsfoundation.org/x/dcnf-logo.png", "-", stdin=source)
    assert run.out.encode("utf-8") == source
    assert ": fixed " not in run.err and f"so the {given} pack is not applied on its account" in run.err


def test_a_stripped_copy_that_keeps_the_originals_reporter_gets_its_pack(cli: Any, tmp_path: Path) -> None:
    # Other text under the original's reporter's byline: the reporter ties it to the original's
    # publisher (another of that reporter's stories), whose pack applies; its text is not compared.
    copy = Path(_stripped_of(tmp_path, "calmatters-original.html"))
    copy.write_text(copy.read_text(encoding="utf-8").replace("\n\n", "\n\nBy Jake Smith\n\n", 1), encoding="utf-8")
    entry = _file(cli("check", "--format", "json", "--original", str(ORIGINALS / "dcnf-original.html"), str(copy)))
    assert entry["packs"] == ["dcnf"]
    assert "original-publisher" in _codes(entry)


def test_a_stripped_copy_under_the_originals_headline_gets_its_pack(cli: Any, tmp_path: Path) -> None:
    # The original's headline over other text: that story, rewritten; its publisher's terms apply.
    from compliance.document import parse_document

    headline = parse_document((ORIGINALS / "dcnf-original.html").read_bytes(), "html").headline
    assert headline is not None
    copy = _stripped_of(tmp_path, "calmatters-original.html", headline=headline.text)
    entry = _file(cli("check", "--format", "json", "--original", str(ORIGINALS / "dcnf-original.html"), copy))
    assert entry["packs"] == ["dcnf"]
    assert "original-mismatch" not in _codes(entry)


def test_a_story_two_publishers_published_together_keeps_both_packs(cli: Any, tmp_path: Path) -> None:
    # The copy credits CalMatters and carries the ProPublica original's text (a co-published story):
    # the original given is the story's, so ProPublica's pack applies beside CalMatters'.
    from compliance.document import parse_document

    original = parse_document((ORIGINALS / "propublica-original.html").read_bytes(), "html")
    paragraphs = "\n\n".join(block.text for block in original.article_blocks[2:])
    copy = tmp_path / "copy.md"
    copy.write_text(f"# Pipeline inspectors signed off on welds\n\nThis story was originally published by CalMatters.\n\n{paragraphs}\n", encoding="utf-8")
    entry = _file(cli("check", "--format", "json", "--original", str(ORIGINALS / "propublica-original.html"), str(copy)))
    assert sorted(entry["packs"]) == ["calmatters", "propublica"]
    assert "original-mismatch" not in _codes(entry)
    assert "original-publisher" in _codes(entry)


@pytest.mark.parametrize(("credit", "packs"), [("", []), ("<p>This story first appeared in the Maine Morning Star.</p>", ["states-newsroom"])])
def test_a_states_newsroom_outlets_own_page_is_an_original_unless_it_shows_a_credit_line(cli: Any, tmp_path: Path, credit: str, packs: list[str]) -> None:
    # Its og:url (copied whole by some republishers) names the outlet's site; its credit line makes it a copy.
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta property="og:url" content="https://mainemorningstar.com/2024/02/21/ambulance-bills/"></head>'
        f"<body><article><h1>Lawmakers weigh a cap on ambulance bills</h1><p>By Emma Davis</p><p>Lawmakers met.</p>{credit}</article></body></html>",
        encoding="utf-8",
    )
    entry = _file(cli("check", "--format", "json", str(page)))
    assert entry["packs"] == packs
    assert ("own-page" in _codes(entry)) is (not packs)


@pytest.mark.parametrize("key", ["original_url", "original"])
def test_an_address_alone_of_another_publisher_than_the_copy_credits_applies_no_pack(cli: Any, key: str) -> None:
    # Only the address is known: it cannot show the story was published by both, so it is most
    # likely the wrong address, as an original file of another publisher sharing no text is.
    copy = ROOT / "samples" / "propublica" / "compliant-wordpress.html"
    entry = _file(cli("check", "--format", "json", "--meta", f"{key}=https://dailycallernewsfoundation.org/2024/06/27/biden-taliban/", str(copy)))
    assert entry["packs"] == ["propublica"]
    (mismatch,) = [n["message"] for n in entry["notices"] if n["code"] == "original-mismatch"]
    said = "the original given is Daily Caller News Foundation's story (its address is on dailycallernewsfoundation.org), but this copy credits ProPublica"
    assert mismatch.startswith(said)
    assert "original-publisher" not in _codes(entry)
