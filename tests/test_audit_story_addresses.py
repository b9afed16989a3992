"""A story is known in an audit by the addresses `check` reads for an original
(`compliance.document.model.own_pages_of`): its canonical link, its `og:url` and the address it was
read from. A story whose page gives its address by `og:url` alone is cited, linked to by a copy
(`matched_by: link`) and recognised on a saved page of its own exactly as one with a canonical link."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("datasketch", reason="the audit extra: pip install -e '.[audit]'")

from tests.test_audit_quotations import BRIEF, OWN, WATER

PUBLISHER = "https://dailycallernewsfoundation.org"
WATER_URL = f"{PUBLISHER}/2025/03/04/water-rates-rise/"
# The address a story's og:url gives when its canonical link names another (an edition, an old slug).
WATER_OG = f"{PUBLISHER}/2025/03/04/water-rates-rise-amp-edition/"
BRIEF_URL = f"{PUBLISHER}/2025/07/01/ferry-service-cut/"


def _story(title: str, paragraphs: list[str], head: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title} – Daily Caller News Foundation</title>{head}</head>'
        f"<body><article><h1>{title}</h1><p>By Jake Smith, Daily Caller News Foundation</p>{body}</article></body></html>"
    ).encode()


def _citing(link: str, *, outlet: str = "Valley Gazette", quoted: str = WATER[3]) -> bytes:
    """A partner's page quoting one sentence of the story and linking to `link`."""
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>Our take – {outlet}</title></head><body><article>'
        f"<h1>Our take</h1><p>By Tom Reyes, {outlet}</p><p>As the foundation reported, “{quoted}”</p>"
        f'<p>Read <a href="{link}">the full story</a>.</p>{"".join(f"<p>{p}</p>" for p in OWN[:2])}</article></body></html>'
    ).encode()


def _work(water_head: str, brief_head: str = f'<link rel="canonical" href="{BRIEF_URL}">') -> Any:
    from compliance.audit.run import choose_pack, prepare_stories
    from compliance.audit.sources import Page

    stories = [
        Page("originals/water.html", "saved:originals", _story("Water Rates Rise", WATER, water_head)),
        Page("originals/brief.html", "saved:originals", _story("Ferry Service Cut", BRIEF, brief_head)),
    ]
    return prepare_stories(stories, choose_pack("dcnf"), threshold=0.5)


def _audit(work: Any, data: bytes, key: str = "https://valley.example/news/our-take/") -> Any:
    from compliance.audit.run import audit_page
    from compliance.audit.sources import Page

    site = "valley.example" if key.startswith("https://") else "saved:saved"
    return audit_page(Page(key, site, data), work)


# The story's head, each giving its address one way.
OG_PROPERTY = f'<meta property="og:url" content="{WATER_URL}">'
OG_NAME = f'<meta name="og:url" content="{WATER_URL}">'
CANONICAL = f'<link rel="canonical" href="{WATER_URL}">'


@pytest.mark.parametrize(
    ("head", "link"),
    [
        (OG_PROPERTY, WATER_URL),
        (OG_NAME, WATER_URL),
        (CANONICAL, WATER_URL),
        (CANONICAL + OG_PROPERTY, WATER_URL),
        # Linked with tracking parameters and without the trailing slash: the same story (`page_key`).
        (OG_PROPERTY, WATER_URL.rstrip("/") + "?utm_source=newsletter"),
        # A relative og:url on a page whose <base href> is the publisher's: resolved as its links are.
        (f'<base href="{PUBLISHER}/2025/03/04/"><meta property="og:url" content="water-rates-rise/">', WATER_URL),
    ],
    ids=["og-url-property", "og-url-name", "canonical", "both-agree", "og-url-linked-with-tracking", "relative-og-url-with-base"],
)
def test_a_page_quoting_a_story_known_by_any_of_its_addresses_cites_it(head: str, link: str) -> None:
    outcome = _audit(_work(head), _citing(link))
    assert (outcome.copy, outcome.cites) == (None, "originals/water.html")


@pytest.mark.parametrize("link", [WATER_URL, WATER_OG], ids=["the-canonical-url", "the-og-url"])
def test_a_story_whose_canonical_link_and_og_url_disagree_is_known_by_both(link: str) -> None:
    work = _work(f'<link rel="canonical" href="{WATER_URL}"><meta property="og:url" content="{WATER_OG}">')
    assert _audit(work, _citing(link)).cites == "originals/water.html"


@pytest.mark.parametrize(
    ("head", "address"),
    [
        # Whichever comes first in the page, the canonical URL is named first, as `check` names an original's.
        (f'<link rel="canonical" href="{WATER_URL}"><meta property="og:url" content="{WATER_OG}">', WATER_URL),
        (f'<meta property="og:url" content="{WATER_OG}"><link rel="canonical" href="{WATER_URL}">', WATER_URL),
        # Known by og:url alone: that is its address (before, it had none).
        (f'<meta property="og:url" content="{WATER_OG}">', WATER_OG),
    ],
    ids=["canonical-first", "og-url-first-in-the-page", "og-url-alone"],
)
def test_the_story_address_a_copy_is_checked_with_is_the_one_check_names_first(head: str, address: str) -> None:
    from compliance.checks.base import Context
    from compliance.document import parse_document

    work = _work(head)
    assert work.index.stories["originals/water.html"].urls[0] == address
    # The same order as `check --original` reads the story's page.
    original = parse_document(_story("Water Rates Rise", WATER, head), "html")
    assert Context(parse_document(b"<p>x</p>", "html"), {}, original).original_addresses()[0] == address


@pytest.mark.parametrize(
    "head",
    [
        # A relative og:url on a saved story with no <base href>: no address a link could name.
        '<meta property="og:url" content="/2025/03/04/water-rates-rise/">',
        # An og:url that is no web address.
        '<meta property="og:url" content="javascript:alert(1)">',
        # A story that gives no address at all.
        "",
    ],
    ids=["relative-og-url", "not-an-http-url", "no-address"],
)
def test_a_link_to_an_address_the_story_does_not_give_cites_nothing(head: str) -> None:
    outcome = _audit(_work(head), _citing(WATER_URL))
    assert (outcome.copy, outcome.cites, outcome.own) == (None, "", False)


def test_a_link_to_another_story_known_by_og_url_cites_that_story_not_this_one() -> None:
    work = _work(OG_PROPERTY, f'<meta property="og:url" content="{BRIEF_URL}">')
    assert _audit(work, _citing(BRIEF_URL, quoted=BRIEF[0])).cites == "originals/brief.html"
    assert _audit(work, _citing(WATER_URL)).cites == "originals/water.html"


@pytest.mark.parametrize("head", [OG_PROPERTY, OG_NAME, CANONICAL], ids=["og-url-property", "og-url-name", "canonical"])
@pytest.mark.parametrize("outlet", ["Valley Gazette", "Harbor Post"])
def test_a_page_that_presents_itself_as_the_republication_is_a_copy_matched_by_its_link(head: str, outlet: str) -> None:
    page = _citing(WATER_URL, outlet=outlet).replace(b"</article>", b"<p>Article courtesy of the Daily Caller News Foundation.</p></article>")
    outcome = _audit(_work(head), page)
    assert outcome.copy is not None and outcome.cites == ""
    assert (outcome.copy.story, outcome.copy.matched_by) == ("originals/water.html", "link")


@pytest.mark.parametrize("head", [OG_PROPERTY, OG_NAME], ids=["og-url-property", "og-url-name"])
def test_a_saved_page_of_the_story_known_by_og_url_is_the_publishers_own(head: str) -> None:
    outcome = _audit(_work(head), _story("Water Rates Rise", WATER, head), key="saved/water.html")
    assert (outcome.copy, outcome.own) == (None, True)


def test_the_audit_counts_a_page_citing_a_story_known_by_og_url_alone(tmp_path: Any) -> None:
    """The try-out's case end to end: `citing_pages` 1, the page named in its partition's `cites`."""
    import json

    from compliance.audit.run import load_audit_config, run_audit

    (tmp_path / "originals").mkdir()
    (tmp_path / "saved").mkdir()
    (tmp_path / "originals" / "water.html").write_bytes(_story("Water Rates Rise", WATER, OG_PROPERTY))
    (tmp_path / "saved" / "cite.html").write_bytes(_citing(WATER_URL))
    (tmp_path / "saved" / "other.html").write_bytes(_citing("https://elsewhere.example/a/", quoted=OWN[3]))
    (tmp_path / "audit.yaml").write_text("pack: dcnf\nstories: {folder: originals/}\nsources:\n  - folder: saved/\noutput: out/\n", encoding="utf-8")
    report = run_audit(load_audit_config(tmp_path / "audit.yaml"))
    assert (report["citing_pages"], report["unmatched_pages"], report["copies"]) == (1, 1, 0)
    lines = [json.loads(line) for line in (tmp_path / "out" / "pages" / "part-00000.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {line["url"]: line["cites"] for line in lines} == {"saved/cite.html": "originals/water.html", "saved/other.html": None}
