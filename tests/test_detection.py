"""Detection on real page shapes: credit-line variants, bylines that name the publisher, partner
content, and the publisher's own site. Cases in tests/cases/ are small invented reproductions of
kinds of real pages; the variants beside them are the same kinds in other words."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.errors import PackError
from compliance.findings import Severity
from compliance.loading import load_packs
from compliance.packs import load_pack
from tests.conftest import ROOT, assert_pack_refused, write

CASES = ROOT / "tests" / "cases" / "real-world"
PACKS = load_packs()


def check(text: str, kind: str = "text", *, pack: str | None = None) -> Any:
    packs = [p for p in PACKS if p.id == pack] if pack else PACKS
    doc = parse_document(textwrap.dedent(text).strip().encode(), kind)  # type: ignore[arg-type]
    return check_document(doc, packs, path="story", auto_detect=pack is None)


def file_result(cli: Any, *args: str) -> dict[str, Any]:
    run = cli("check", "--format", "json", *args)
    assert run.code in (0, 1), run.err
    entry: dict[str, Any] = run.json()["files"][0]
    return entry


def errors(entry: dict[str, Any]) -> set[str]:
    return {f["rule"] for f in entry["findings"] if f["severity"] == "error"}


# -- the publisher's own site ---------------------------------------------------------------


def test_licensor_own_page_is_an_original_not_a_republication(cli: Any) -> None:
    entry = file_result(cli, str(CASES / "dcnf-licensor-own-site.html"))
    assert entry["packs"] == []
    assert entry["findings"] == []
    (notice,) = entry["notices"]
    assert notice["code"] == "own-page"
    assert notice["message"].startswith("the publisher's own page (an original, not a republication): Daily Caller News Foundation's site")
    assert "og:site_name 'The Daily Caller'" in notice["message"]
    assert "canonical URL on dailycaller.com" in notice["message"]


def test_licensor_own_page_in_text_output(cli: Any) -> None:
    run = cli("check", str(CASES / "dcnf-licensor-own-site.html"))
    assert run.code == 0
    assert "note: the publisher's own page (an original, not a republication)" in run.out


def test_own_page_with_the_pack_asked_for_is_checked_and_says_so(cli: Any) -> None:
    entry = file_result(cli, "--pack", "dcnf", str(CASES / "dcnf-licensor-own-site.html"))
    assert entry["packs"] == ["dcnf"]
    assert errors(entry) == {"dcnf/byline"}
    (notice, _no_original) = entry["notices"]
    assert (notice["code"], _no_original["code"]) == ("own-page", "no-original")
    assert notice["message"].endswith("checked against the dcnf pack because it was asked for")


PAGE = """<html><head>{head}</head><body><article><h1>Pipeline welds went uninspected</h1>
<p class="byline">By Rosa Ibarra, ProPublica</p>
<p>ProPublica is a Pulitzer Prize-winning investigative newsroom. Sign up for The Big Story newsletter to receive stories like this one in your inbox.</p>
<p>Federal rules require a qualified inspector to witness critical welds.</p>
<p>Logs show the same inspectors approving work hundreds of miles apart.</p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("head", "own"),
    [
        ('<meta property="og:url" content="https://www.propublica.org/article/welds">', True),
        ('<meta property="og:site_name" content="  propublica ">', True),
        ('<meta property="og:url" content="https://projects.propublica.org/w/"><link rel="canonical" href="https://www.propublica.org/article/welds">', True),
        ('<link rel="canonical" href="https://www.propublica.org/article/welds"><meta property="og:site_name" content="ProPublica">', True),
        # The canonical link alone is what ProPublica's republish HTML and republishing plugins
        # put on the copy: the page's own identity does not say it is ProPublica's.
        ('<link rel="canonical" href="https://projects.propublica.org/welds/">', False),
        ('<link rel="canonical" href="https://www.propublica.org/article/welds"><meta property="og:title" content="Pipeline welds went uninspected">', False),
        # The original's canonical link kept on a partner's page: a republication.
        ('<link rel="canonical" href="https://www.propublica.org/article/welds"><meta property="og:site_name" content="Valley Ledger">', False),
        ('<link rel="canonical" href="https://www.propublica.org/article/welds"><meta property="og:url" content="https://valleyledger.example/welds">', False),
        (
            '<link rel="canonical" href="https://www.propublica.org/article/welds">'
            '<meta name="syndication-source" content="https://www.propublica.org/article/welds">',
            False,
        ),
        # A look-alike host is not the publisher's.
        ('<link rel="canonical" href="https://propublica.org.example.net/article/welds">', False),
        ('<link rel="canonical" href="https://notpropublica.org/article/welds">', False),
        ('<link rel="canonical" href="/article/welds">', False),
    ],
)
def test_own_page_needs_every_signal_on_the_publishers_site(head: str, own: bool) -> None:
    report = check(PAGE.format(head=head), "html")
    codes = [n.code for n in report.notices]
    if own:
        assert report.packs == ()
        assert codes == ["own-page"]
    else:
        assert report.packs == ("propublica",)
        assert "own-page" not in codes


def test_republish_html_with_the_publishers_canonical_is_checked(cli: Any, tmp_path: Path) -> None:
    # A partner's page with ProPublica's republish HTML pasted into its body: the canonical link
    # to the original comes with it, and the partner's theme gives no og tags. It is a
    # republication, checked against the pack (here it lacks the tracking pixel the terms require).
    page = write(
        tmp_path,
        "valley-ledger-welds.html",
        "<html><head><title>Pipeline welds went uninspected – Valley Ledger</title></head><body>"
        '<header><a href="/">Valley Ledger</a></header>'
        '<link rel="canonical" href="https://www.propublica.org/article/welds">' + PAGE.split("<body>", 1)[1],
    )
    entry = file_result(cli, str(page))
    assert entry["packs"] == ["propublica"]
    assert "own-page" not in {n["code"] for n in entry["notices"]}
    assert "propublica/pixel" in errors(entry)


def _as_republished_with_canonical(sample: Path, domain: str) -> str:
    """The sample with every sign of its own site removed but a canonical link to the publisher's."""
    import re

    html = sample.read_text(encoding="utf-8")
    html = re.sub(r"<link[^>]*rel=[\"']?canonical[^>]*>|<meta[^>]*(?:og:url|og:site_name)[^>]*>", "", html, flags=re.IGNORECASE)
    return re.sub(r"(<head[^>]*>)", rf'\1<link rel="canonical" href="https://www.{domain}/2024/05/the-story/">', html, count=1, flags=re.IGNORECASE)


REPUBLISHED_HTML = [
    (pack.id, sample)
    for pack in PACKS
    if pack.own_site.domains
    for sample in sorted((ROOT / "samples" / pack.id).glob("*.html"))
    if "syndication-source" not in sample.read_text(encoding="utf-8")
]


@pytest.mark.parametrize(("pack", "sample"), REPUBLISHED_HTML, ids=[f"{p}/{s.name}" for p, s in REPUBLISHED_HTML])
def test_every_packs_republications_are_checked_when_they_carry_the_publishers_canonical(pack: str, sample: Path) -> None:
    by_id = {p.id: p for p in PACKS}
    html = _as_republished_with_canonical(sample, by_id[pack].own_site.domains[0])
    doc = parse_document(html.encode(), "html")
    assert doc.canonical and not doc.meta.get("og:url") and not doc.meta.get("og:site_name")
    report = check_document(doc, PACKS, path=sample.name)
    assert pack in report.packs
    assert "own-page" not in [n.code for n in report.notices]


@pytest.mark.parametrize(
    ("path", "own"),
    [
        ("https://www.propublica.org/article/welds", True),
        ("https://valleyledger.example/welds", False),
        ("welds.html", False),
    ],
)
def test_the_pages_own_url_is_its_identity(path: str, own: bool) -> None:
    # A page read from a URL (an audit's fetched page, a CMS payload whose id is its URL): that
    # URL says whose page it is, with or without the canonical link.
    head = '<link rel="canonical" href="https://www.propublica.org/article/welds">'
    report = check_document(parse_document(PAGE.format(head=head).encode(), "html"), PACKS, path=path)
    assert (report.packs, [n.code for n in report.notices]) == (((), ["own-page"]) if own else (("propublica",), ["no-original"]))


HOUSE = """id: house
name: House rules
publisher: Example Gazette
terms_url: https://example.org/terms
as_of: 2024-05-01
summary: Our own republication rules.
detect:
  own-site:
    domains: [gazette.example]
    names: [Example Gazette]
  markers:
    - id: credit
      check: {text: {phrase: Republished from the Example Gazette}}
rules: []
"""


@pytest.mark.parametrize(
    ("change", "line", "fragment", "hint"),
    [
        (("[gazette.example]", "[https://gazette.example/]"), 9, "'https://gazette.example/' is not a host name", "write the host name only"),
        (("    names:", "    nmes:"), 10, "unknown key 'nmes' in 'own-site'", "did you mean 'names'?"),
        (("[Example Gazette]", "[]"), 10, "'names' of 'own-site' must be a non-empty list", "write names: [Example Gazette]"),
        (("  own-site:", "  own-sites:"), 8, "unknown key 'own-sites' in 'detect'", "did you mean 'own-site'?"),
    ],
)
def test_own_site_is_validated_with_file_line_and_a_hint(cli: Any, tmp_path: Path, change: tuple[str, str], line: int, fragment: str, hint: str) -> None:
    assert change[0] in HOUSE
    assert_pack_refused(cli, write(tmp_path, "house.yaml", HOUSE.replace(*change)), line, fragment, hint)


def test_own_site_must_list_something() -> None:
    text = (ROOT / "rules" / "dcnf.yaml").read_text(encoding="utf-8")
    with pytest.raises(PackError, match="'domains' of 'own-site' must be a non-empty list"):
        common = load_pack((ROOT / "rules" / "common.yaml").read_text(encoding="utf-8"), "common.yaml")
        load_pack(text.replace("domains: [dailycallernewsfoundation.org, dailycaller.com]", "domains: []"), "dcnf.yaml", parents={"common": common})


# -- credit-line variants and bylines that name the publisher ------------------------------


def test_calmatters_credit_variant_is_detected_and_the_prescribed_line_still_asked_for(cli: Any) -> None:
    entry = file_result(cli, str(CASES / "calmatters-credit-variant-detection.txt"))
    assert entry["packs"] == ["calmatters"]
    assert "calmatters/credit-line" in errors(entry)
    passed = {p["rule"]: p["evidence"] for p in entry["passed"]}
    assert "Odessa Brightwater" in passed["calmatters/byline"]


STORY = "\n\n".join(
    [
        "Lawmakers shelve plan to cap rent increases",
        "{credit}",
        "A proposal to limit yearly rent hikes for older apartment buildings stalled in committee on Thursday.",
        "Supporters said they would try again next year with a narrower version of the bill.",
    ]
)


@pytest.mark.parametrize(
    ("credit", "pack"),
    [
        ("This article was first published by CalMatters.", "calmatters"),
        ("This commentary originally appeared on CalMatters.", "calmatters"),
        ("By Odessa Brightwater, Special for CalMatters", "calmatters"),
        ("This article is republished from The Conversation.", "the-conversation"),
        ("Source: The Conversation (US) – By Tobias Wrenfield, Professor of Marine Science, University of Maine", "the-conversation"),
        ("ProPublica is a Pulitzer Prize-winning investigative newsroom. Sign up for The Big Story newsletter.", "propublica"),
        ("This story was first published by ProPublica.", "propublica"),
        ("By Rosa Ibarra and Sam Tull, ProPublica", "propublica"),
        ("By Sarah Jane Tribble for KFF Health News.", "kff-health-news"),
        ("This article was reprinted from khn.org with permission.", "kff-health-news"),
        ("By Dana Whitlock, The Texas Tribune", "texas-tribune"),
        ("By Dana Whitlock, Texas Tribune, Jan. 5, 2024", "texas-tribune"),
        ("By Theo Marsh, The 19th", "the-19th"),
        ("By Theo Marsh, The 19th News, March 3, 2025", "the-19th"),
        ("By Theo Marsh, Stateline", "states-newsroom"),
        ("By Theo Marsh and Ana Ruiz, States Newsroom", "states-newsroom"),
        # "Republished (with permission) from": the republisher's own words for the same credit.
        ("Republished from CalMatters.", "calmatters"),
        ("This story is republished with permission from CalMatters.", "calmatters"),
        ("Republished with permission from ProPublica.", "propublica"),
        ("Reprinted from ProPublica.", "propublica"),
        ("This story is republished from The Texas Tribune.", "texas-tribune"),
        ("Reprinted with permission from The Texas Tribune.", "texas-tribune"),
        ("Republished with permission from KFF Health News.", "kff-health-news"),
        # CalMatters' credit line in Spanish (its Spanish-language stories and their republications).
        ("Esta historia fue publicada originalmente por CalMatters.", "calmatters"),
        ("Este artículo apareció por primera vez en CalMatters.", "calmatters"),
        ("Publicado originalmente por CalMatters", "calmatters"),
        ("Esta nota se publicó originalmente en CalMatters.", "calmatters"),
        ("Este reportaje apareció primero en CalMatters.", "calmatters"),
        ("Se publicó por primera vez en CalMatters.", "calmatters"),
        # A States Newsroom outlet's credit line in Spanish, in the other wordings of translations.
        ("Esta historia fue publicada originalmente por Nevada Current.", "states-newsroom"),
        ("Publicado originalmente en Arizona Mirror.", "states-newsroom"),
        ("Se publicó originalmente en el Kentucky Lantern.", "states-newsroom"),
        ("Fue publicada por primera vez por Missouri Independent.", "states-newsroom"),
        # A publisher's byline with another language's opener and conjunction.
        ("Por Rosa Ibarra, CalMatters", "calmatters"),
        ("Por Rosa Ibarra y Ana Ruiz, CalMatters", "calmatters"),
        ("Par Theo Marsh et Ana Ruiz, Stateline", "states-newsroom"),
        ("Von Dana Whitlock, The Texas Tribune", "texas-tribune"),
        # An outlet's byline, as its Republish HTML prints it, on a page that is not its own (its
        # own page names it as its site: tests/test_states_newsroom_outlet_names.py), as the
        # Tribune's and Stateline's bylines do.
        ("By Theo Marsh, Ohio Capital Journal", "states-newsroom"),
    ],
)
def test_credit_variants_and_publisher_bylines_identify_the_story(credit: str, pack: str) -> None:
    assert check(STORY.format(credit=credit)).packs == (pack,)


@pytest.mark.parametrize(
    "credit",
    [
        # Mentions, not credits.
        "The figures were first reported by CalMatters last spring.",
        "ProPublica is a Pulitzer Prize-winning investigative newsroom based in New York, its site says.",
        "Source: state budget office figures compiled by The Conversation's authors.",
        "By Dana Whitlock, who covered the Texas Tribune's budget series for the Ledger",
        "By Rosa Ibarra, Valley Ledger, with data from ProPublica",
        "By Theo Marsh, who covered The 19th Amendment's centennial for the Ledger",
        "Several papers republished ProPublica's findings last week.",
        "The county's numbers were reprinted in CalMatters, a nonprofit newsroom.",
        # Spanish mentions, not the credit line.
        "Los datos fueron publicados originalmente por CalMatters el año pasado.",
        "La historia fue publicada por CalMatters, según el diario.",
        "Por Rosa Ibarra, Valley Ledger, con datos de CalMatters",
        "Por Rosa Ibarra, que trabajó para CalMatters",
        "El informe se publicó originalmente en CalMatters hace un año.",
        "El informe publicado originalmente en el Nevada Current muestra un alza.",
        "Un proyecto fue publicado originalmente por Arizona Mirror y luego retirado.",
        "Esta historia apareció en el Nevada Current.",
    ],
)
def test_mentions_of_a_publisher_apply_no_pack(credit: str) -> None:
    assert check(STORY.format(credit=credit)).packs == ()


@pytest.mark.parametrize(
    ("credit", "pack"),
    [
        # Case does not change which publisher a line names: every pack's markers ignore it.
        ("ALL CONTENT CREATED BY THE DAILY CALLER NEWS FOUNDATION, AN INDEPENDENT AND NONPARTISAN NEWSWIRE SERVICE, IS FREE.", "dcnf"),
        ("All Content Created By The Daily Caller News Foundation, An Independent And Nonpartisan Newswire Service, Is Free.", "dcnf"),
        ("For licensing opportunities of our original content, please contact Licensing@DailyCallerNewsFoundation.org.", "dcnf"),
        ("FROM THE DAILY CALLER NEWS FOUNDATION", "dcnf"),
        ("PROPUBLICA IS A PULITZER PRIZE-WINNING INVESTIGATIVE NEWSROOM. SIGN UP FOR THE BIG STORY NEWSLETTER.", "propublica"),
        ("THIS ARTICLE IS REPUBLISHED FROM THE CONVERSATION UNDER A CREATIVE COMMONS LICENSE. READ THE ORIGINAL ARTICLE.", "the-conversation"),
        ("this story first appeared in the maine morning star.", "states-newsroom"),
        ("This Story First Appeared On Oak Valley Ledger And Is Republished Here Under A Creative Commons License.", "republication-tracker"),
    ],
)
def test_a_credit_line_in_any_letter_case_identifies_the_story(credit: str, pack: str) -> None:
    assert check(STORY.format(credit=credit)).packs == (pack,)


@pytest.mark.parametrize(
    "credit",
    [
        "SHE TOLD THE DAILY CALLER NEWS FOUNDATION ON MONDAY THAT SHE WOULD RUN.",
        "PROPUBLICA IS A PULITZER PRIZE-WINNING INVESTIGATIVE NEWSROOM BASED IN NEW YORK, ITS SITE SAYS.",
        "write to licensing@dailycallernewsfoundation.organisation.example for rights",
    ],
)
def test_mentions_in_any_letter_case_apply_no_pack(credit: str) -> None:
    assert check(STORY.format(credit=credit)).packs == ()


_CASE_PACK = """\
id: gazette
name: Gazette
publisher: Gazette
terms_url: https://example.org/terms
as_of: 2024-01-01
summary: s
detect:
  markers:
    - id: credit
      check: {text: {phrase: First published by the Gazette, scope: page}}
    - id: exact
      weight: 0.5
      check: {text: {phrase: GAZETTE WIRE, ignore-case: false, scope: page}}
rules:
  - id: gazette/credit
    severity: error
    message: m
    help: h
    check: {text: {phrase: First published by the Gazette}}
"""


def test_markers_ignore_case_and_rules_keep_their_own_setting() -> None:
    pack = load_pack(_CASE_PACK, "gazette.yaml")
    credit, exact = (marker.check.params.pattern for marker in pack.markers)
    assert credit.ignore_case and not exact.ignore_case  # `ignore-case: false` is kept in a marker
    assert not pack.rules[0].check.params.pattern.ignore_case  # a rule's wording stays exact


def test_conversation_aggregator_source_line_is_detected(cli: Any) -> None:
    entry = file_result(cli, str(CASES / "conversation-source-dash-by.txt"))
    assert entry["packs"] == ["the-conversation"]


def test_texas_tribune_byline_alone_identifies_the_story_after_navigation(cli: Any) -> None:
    text = (CASES / "texas-tribune-byline-after-navigation.txt").read_text(encoding="utf-8")
    # The byline as the first lines after the headline (where the navigation is cut off).
    story = text.split("Menu item 16\n", 1)[1]
    assert check(story).packs == ("texas-tribune",)


# -- partner content Global Voices only republished ------------------------------------------


def test_global_voices_partner_content_is_caught(cli: Any) -> None:
    entry = file_result(cli, str(CASES / "global-voices-content-sharing-partner.txt"))
    assert entry["packs"] == ["global-voices"]
    assert "global-voices/partner-post" in errors(entry)


@pytest.mark.parametrize(
    "intro",
    [
        "This post by Ana Lind first ran in Island Courier and is republished on Global Voices under a content partnership.",
        "The following article by Ana Lind, from Island Courier, is republished by Global Voices as part of a content-sharing agreement.",
        "This essay by Ana Lind was first published by Island Courier and is republished as part of a content-sharing agreement with Global Voices.",
        "This report by Ana Lind first ran in Island Courier. It is republished by Global Voices as part of a media partnership.",
        "This piece by Ana Lind appeared in Island Courier and is republished on Global Voices under a partnership agreement.",
        "The following is a partner post from Island Courier, republished on Global Voices with permission.",
        "The following is a partner post from Island Courier published on Global Voices.",
        # Hyphens of every kind in "content-sharing" (text normalisation folds them).
        "This post by Ana Lind is republished by Global Voices as part of a content\u2010sharing agreement.",
        "This post by Ana Lind is republished by Global Voices as part of a content\u2011sharing agreement.",
        "This post by Ana Lind is republished by Global Voices as part of a content\u2013sharing agreement.",
        "This post by Ana Lind is republished by Global Voices as part of a content\u2212sharing agreement.",
        # The French and Spanish editions' notes.
        "Ce billet d'Ana Lind a d'abord paru dans Island Courier ; il est republié sur Global Voices dans le cadre d'un partenariat.",
        "Cet article d\u2019Ana Lind est republié par Global Voices dans le cadre d\u2019un accord de partage de contenu.",
        "Esta nota de Ana Lind apareció en Island Courier y se republica en Global Voices en el marco de una alianza de medios.",
        "Este artículo de Ana Lind fue republicado por Global Voices como parte de un acuerdo de intercambio de contenidos.",
    ],
)
def test_global_voices_partner_content_variants(intro: str) -> None:
    report = check(STORY.format(credit=intro))
    assert report.packs == ("global-voices",)
    assert "global-voices/partner-post" in {f.rule for f in report.findings if f.severity is Severity.ERROR}


@pytest.mark.parametrize(
    ("intro", "pack"),
    [
        # A story Global Voices wrote, credited as its sample asks: its own license applies.
        ("This story by Ana Lind originally appeared on Global Voices on 3 May 2024.", "global-voices"),
        # A partnership mentioned, nothing republished through it: no Global Voices copy.
        ("Island Courier joined a media partnership with Global Voices last year.", None),
        ("The partner post from Island Courier was widely shared.", None),
    ],
)
def test_global_voices_partner_content_near_misses(intro: str, pack: str | None) -> None:
    report = check(STORY.format(credit=intro))
    assert report.packs == ((pack,) if pack else ())
    assert "global-voices/partner-post" not in {f.rule for f in report.findings}


# -- docs --------------------------------------------------------------------------------------


def test_rule_packs_doc_own_site_example_runs() -> None:
    import re

    doc = (ROOT / "docs" / "rule-packs.md").read_text(encoding="utf-8")
    section = doc.split("### The publisher's own site", 1)[1]
    detect = re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)[0]
    shown = re.findall(r"```text\n(.*?)```", section, re.DOTALL)[0].strip()
    header = "id: dcnf\nname: DCNF\npublisher: Daily Caller News Foundation\nterms_url: https://example.org/\nas_of: 2024-06-27\nsummary: x\n"
    pack = load_pack(header + detect + "rules: [{id: dcnf/r, severity: error, message: m, help: h, check: {text: {phrase: x}}}]\n", "dcnf.yaml")
    doc_ = parse_document((CASES / "dcnf-licensor-own-site.html").read_bytes(), "html")
    report = check_document(doc_, [pack], path="page.html")
    assert report.packs == ()
    assert [f"note: {n.message}" for n in report.notices] == [shown]


_UNREACHABLE = """\
id: thr
name: Thr
publisher: Thr News
terms_url: https://example.org/republish
as_of: 2025-01-01
summary: x
detect:
  threshold: 5
  markers:
    - id: credit
      weight: 1
      check: {text: {pattern: 'Thr News', scope: page}}
rules:
  - id: thr/credit
    severity: error
    terms: t
    message: m
    help: h
    check: {text: {pattern: 'Thr'}}
"""


def test_validate_warns_at_a_threshold_the_markers_can_never_reach(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path, "thr.yaml", _UNREACHABLE)
    run = cli("rules", "validate", str(path))
    assert run.code == 0, run.err
    assert f"{path}:8:14: warning: the markers' weights add up to 1, below the threshold 5: auto-detection never applies this pack" in run.out.splitlines()


@pytest.mark.parametrize(("threshold", "weights"), [("5", ("2.5", "2.5")), ("1.0", ("1",))])
def test_a_threshold_the_markers_reach_together_gets_no_warning(threshold: str, weights: tuple[str, ...]) -> None:
    markers = "".join(f"    - id: m{n}\n      weight: {w}\n      check: {{text: {{pattern: 'Thr News', scope: page}}}}\n" for n, w in enumerate(weights))
    text = _UNREACHABLE.replace("  threshold: 5\n", f"  threshold: {threshold}\n")
    text = text.replace("    - id: credit\n      weight: 1\n      check: {text: {pattern: 'Thr News', scope: page}}\n", markers)
    assert load_pack(text, "thr.yaml").warnings == ()


def test_the_built_in_packs_can_each_reach_their_threshold() -> None:
    assert [w for pack in load_packs([ROOT / "rules"], builtin=False) for w in pack.warnings if "threshold" in w] == []


# -- a partner's logo in the site's chrome ----------------------------------------------------

_DCNF_LOGO = '<img src="https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png" alt="Daily Caller News Foundation logo">'
_STRIP_PLACES = {
    # An "our partners" strip in the sidebar, in the site footer, in a footer div by its class.
    "sidebar": ("<aside class='widget-area'><section class='widget partners'><h2>Our partners</h2>{logo}</section></aside>", ""),
    "site-footer": ("", "<footer class='site-footer'><p>Our partners</p>{logo}</footer>"),
    "footer-by-class": ("", "<div class='site-footer'><p>Our news partners</p><ul><li>{logo}</li></ul></div>"),
}


def _page(byline: str, *, strip: str, in_article: str = "") -> str:
    side, foot = _STRIP_PLACES[strip]
    return f"""
        <html><body><main><article>
        <h1>County approves new budget for road repairs</h1>
        <p class="byline">By {byline}</p>
        {in_article}
        <p>The county board voted 4-1 on Tuesday to approve a budget that doubles spending on road repairs.</p>
        <p>Residents had asked for the money at three public hearings this spring, officials said.</p>
        </article>{side.format(logo=_DCNF_LOGO)}</main>{foot.format(logo=_DCNF_LOGO)}</body></html>
    """


@pytest.mark.parametrize("strip", sorted(_STRIP_PLACES))
def test_a_partner_logo_only_outside_the_article_does_not_apply_the_dcnf_pack(strip: str) -> None:
    # Publisher-terms §5.8: the newsroom's own story beside a partners strip is not a DCNF copy.
    report = check(_page("Dana Whitcomb, Valley Courier", strip=strip), "html")
    assert report.packs == ()
    (detection,) = [d for d in report.detections if d.pack == "dcnf"]
    assert (detection.applied, detection.confidence, detection.markers) == (False, 0.5, ("logo",))
    assert report.findings == ()


@pytest.mark.parametrize("strip", sorted(_STRIP_PLACES))
def test_a_dcnf_copy_with_its_logo_only_outside_the_article_is_detected_and_told(strip: str) -> None:
    report = check(_page("Jason Hopkins, Daily Caller News Foundation", strip=strip), "html")
    assert report.packs == ("dcnf",)
    assert "dcnf/logo" in {f.rule for f in report.findings if f.severity is Severity.ERROR}


def test_the_dcnf_logo_in_the_article_alone_applies_the_pack() -> None:
    report = check(_page("Dana Whitcomb, Valley Courier", strip="sidebar", in_article=f"<figure>{_DCNF_LOGO}</figure>"), "html")
    assert report.packs == ("dcnf",)
    (detection,) = [d for d in report.detections if d.pack == "dcnf"]
    assert (detection.confidence, set(detection.markers)) == (1.0, {"logo", "logo-in-article"})


def _check_page(html: str) -> Any:
    """`check` of an HTML page as the CLI parses it: knowing the packs' outlet names."""
    doc = parse_document(html.encode(), "html", outlets=frozenset(o for p in PACKS for o in p.outlets))
    return check_document(doc, PACKS, path="story", auto_detect=True)


_HTML_STORY = (
    "<article><h1>Lawmakers shelve plan to cap rent increases</h1><p class=byline>{byline}</p>"
    "<p>A proposal to limit yearly rent hikes for older apartment buildings stalled in committee on Thursday.</p>"
    "<p>Supporters said they would try again next year with a narrower version of the bill.</p></article>"
)


@pytest.mark.parametrize(
    ("byline", "pack"),
    [
        # The Republication Tracker Tool's byline, "by AUTHOR, SITENAME <br />DATE": the date on a
        # line of its own is the byline's date, as it is after a comma.
        ("by Theo Marsh, The 19th <br />December 2, 2026", "the-19th"),
        ("By Theo Marsh, The 19th<br>Dec. 2, 2026", "the-19th"),
        ("By Dana Whitlock, The Texas Tribune <br />2 December 2026", "texas-tribune"),
        ("By Rosa Ibarra, CalMatters<br/>Published January 5, 2024", "calmatters"),
        # A byline crediting a person to Global Voices alone, with or without its date.
        ("By Jane Roe, Global Voices", "global-voices"),
        ("By Jane Roe, Global Voices <br />April 18, 2024", "global-voices"),
        # A second line that is not a date is another tie, not the byline's date.
        ("By Theo Marsh, The 19th <br />Valley Ledger", None),
        ("By Theo Marsh, The 19th / Valley Ledger, Dec. 2, 2026", None),
    ],
)
def test_a_publisher_byline_with_its_date_on_a_line_of_its_own_identifies_the_story(byline: str, pack: str | None) -> None:
    assert _check_page(_HTML_STORY.format(byline=byline)).packs == ((pack,) if pack else ())


@pytest.mark.parametrize(
    ("head", "byline"),
    [
        ('<meta property="og:site_name" content="Global Voices">', "By Jane Roe, Global Voices"),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "publisher": {"name": "Global Voices"}}</script>', "By Jane Roe, Global Voices"),
    ],
)
def test_global_voices_own_page_with_its_own_byline_applies_no_pack(head: str, byline: str) -> None:
    # Global Voices' site prints its byline on its own stories: that page is no republication.
    page = f"<html><head>{head}</head><body>{_HTML_STORY.format(byline=byline)}</body></html>"
    assert _check_page(page).packs == ()


@pytest.mark.parametrize(
    "byline",
    [
        # Mentions and other ties, not a byline crediting the outlet alone.
        "By Theo Marsh, Valley Ledger, with data from Global Voices",
        "By Theo Marsh, who covered Global Voices' summit for the Ledger",
        "By Theo Marsh, formerly of Global Voices",
    ],
)
def test_a_byline_that_only_mentions_global_voices_applies_no_pack(byline: str) -> None:
    assert _check_page(_HTML_STORY.format(byline=byline)).packs == ()
