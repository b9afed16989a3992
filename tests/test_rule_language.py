"""Pack composition (`extends`, overrides, `off`), article metadata in rules, and the newer kinds."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.errors import PackError
from compliance.loading import load_packs
from compliance.packs import Pack
from tests.conftest import write

BASE = textwrap.dedent(
    """\
    id: cc-base
    name: Creative Commons base
    publisher: Creative Commons licensors
    terms_url: https://creativecommons.org/licenses/by-nd/4.0/
    as_of: 2024-01-01
    summary: Attribution for CC BY-ND stories.
    define:
      cc: 'Creative\\s+Commons'
    rules:
      - id: cc-base/license
        severity: error
        message: The Creative Commons license is not named.
        help: Say the story is republished under a Creative Commons license.
        check: {text: {pattern: '{{cc}}'}}
      - id: cc-base/author
        severity: error
        message: No author credited.
        help: Keep the byline.
        check: {byline: {}}
    """
)

CHILD = textwrap.dedent(
    """\
    id: gazette
    name: Gazette
    publisher: Example Gazette
    terms_url: https://example.org/republish
    as_of: 2024-05-01
    summary: CC BY-ND with our credit line.
    extends: cc-base
    detect:
      markers:
        - id: credit
          check: {text: {phrase: first appeared in the Example Gazette, scope: page}}
    rules:
      - id: cc-base/license
        severity: warning
      - id: cc-base/author
        off: true
      - id: gazette/credit
        severity: error
        message: Credit line missing.
        help: Add it.
        check: {text: {pattern: 'first appeared in the Example Gazette under a {{cc}}'}}
    """
)


def _packs(tmp_path: Path, *texts: str) -> list[Pack]:
    for n, text in enumerate(texts):
        write(tmp_path, f"pack{n}.yaml", text)
    return load_packs([tmp_path], builtin=False)


def _page(*paragraphs: str, byline: str = "") -> bytes:
    byline_html = f"<p class='byline'>{byline}</p>" if byline else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><body><article><h1>Flood maps are out of date</h1>{byline_html}{body}</article></body></html>".encode()


def test_child_inherits_overrides_and_disables_rules(tmp_path: Path) -> None:
    packs = {p.id: p for p in _packs(tmp_path, BASE, CHILD)}
    child = packs["gazette"]
    assert child.extends == ("cc-base",)
    assert [(r.id, r.severity.label) for r in child.rules] == [("cc-base/license", "warning"), ("gazette/credit", "error")]
    doc = parse_document(_page("The river rose.", "This story first appeared in the Example Gazette."), "html")
    report = check_document(doc, list(packs.values()), path="story.html")
    assert report.packs == ("gazette",), "a base pack without markers never applies by itself"
    assert sorted((f.rule, f.severity.label) for f in report.findings) == [("cc-base/license", "warning"), ("gazette/credit", "error")]


def test_inherited_definitions_are_usable_in_the_child(tmp_path: Path) -> None:
    packs = {p.id: p for p in _packs(tmp_path, BASE, CHILD)}
    doc = parse_document(_page("This story first appeared in the Example Gazette under a Creative Commons license."), "html")
    report = check_document(doc, [packs["gazette"]], path="story.html", auto_detect=False)
    assert report.findings == ()
    assert [p.rule for p in report.passed] == ["cc-base/license", "gazette/credit"]


def test_a_base_rule_shared_by_two_applied_packs_is_checked_once(tmp_path: Path) -> None:
    other = CHILD.replace("id: gazette", "id: herald").replace("gazette/credit", "herald/credit").replace("Example Gazette", "Herald")
    packs = _packs(tmp_path, BASE, CHILD, other)
    doc = parse_document(_page("Nothing about licenses here."), "html")
    report = check_document(doc, [p for p in packs if p.id != "cc-base"], path="story.html", auto_detect=False)
    assert [f.rule for f in report.findings].count("cc-base/license") == 1


def test_an_unknown_base_pack_is_answered_with_the_packs_it_could_be_not_itself(tmp_path: Path) -> None:
    with pytest.raises(PackError) as caught:
        _packs(tmp_path, BASE, CHILD.replace("extends: cc-base", "extends: nonexistent-pack"))
    assert caught.value.hint == "allowed: cc-base"
    with pytest.raises(PackError) as caught:
        _packs(tmp_path / "alone", CHILD.replace("extends: cc-base", "extends: nonexistent-pack"))
    assert caught.value.hint == "load the base pack too (same directory or --rules)"


@pytest.mark.parametrize(
    ("texts", "fragment", "line"),
    [
        ((CHILD,), "'gazette' extends unknown pack 'cc-base'", 7),
        ((BASE.replace("summary:", "extends: gazette\nsummary:"), CHILD), "'extends' forms a cycle: cc-base → gazette → cc-base", 7),
        (
            (BASE, CHILD.replace("id: cc-base/author\n    off: true", "id: cc-base/autor\n    off: true")),
            "rule 'cc-base/autor' is not inherited from cc-base — did you mean 'cc-base/author'?",
            15,
        ),
        ((BASE, CHILD.replace("off: true", "of: true")), "unknown key 'of' in the override of 'cc-base/author' — did you mean 'off'?", 16),
    ],
    ids=["unknown parent", "cycle", "override of a rule that is not inherited", "typo in an override"],
)
def test_composition_errors_name_file_and_line(tmp_path: Path, texts: tuple[str, ...], fragment: str, line: int) -> None:
    with pytest.raises(PackError) as caught:
        _packs(tmp_path, *texts)
    assert fragment in str(caught.value)
    assert caught.value.line == line


METADATA_PACK = textwrap.dedent(
    """\
    id: desk
    name: Desk
    publisher: Desk
    terms_url: https://example.org/t
    as_of: 2024-01-01
    summary: s
    rules:
      - id: desk/reporter
        severity: error
        message: The byline does not name {meta.reporter}.
        help: Credit {meta.reporter} as in the original.
        check: {byline: {name: '{{meta.reporter}}'}}
      - id: desk/original
        severity: error
        message: No link to the original.
        help: Link to {meta.original_url}.
        check: {link: {equals: '{{meta.original_url}}'}}
    """
)


def test_rules_use_article_metadata(cli: Any, tmp_path: Path) -> None:
    pack = write(tmp_path, "desk.yaml", METADATA_PACK)
    story = write(
        tmp_path,
        "story.html",
        _page("Read the <a href='https://example.org/news/flood-maps/'>original story</a>.", byline="By Ana Ruiz, Example Gazette").decode(),
    )
    base = ("check", "--rules", str(pack), "--pack", "desk", "--format", "json", str(story))
    good = cli(*base, "--meta", "reporter=Ana Ruiz", "--meta", "original_url=https://example.org/news/flood-maps").json()["files"][0]
    assert good["findings"] == []
    assert [p["rule"] for p in good["passed"]] == ["desk/reporter", "desk/original"]
    wrong = cli(*base, "--meta", "reporter=Li Wei", "--meta", "original_url=https://example.org/news/other").json()["files"][0]
    messages = {f["rule"]: f["message"] for f in wrong["findings"]}
    assert messages == {"desk/reporter": "The byline does not name Li Wei.", "desk/original": "No link to the original."}
    missing = cli(*base).json()["files"][0]
    assert missing["findings"] == []
    assert [n["message"] for n in missing["notices"]] == [
        "rule desk/reporter not checked: it needs the article's 'reporter' (give it with --meta reporter=...)",
        "rule desk/original not checked: it needs the article's 'original_url' (give it with --meta original_url=...)",
    ]


def test_an_empty_meta_value_is_no_value_and_hides_the_articles_own(cli: Any, tmp_path: Path) -> None:
    pack = write(tmp_path, "desk.yaml", METADATA_PACK)
    page = _page("Read the <a href='https://example.org/news/flood-maps/'>original story</a>.", byline="By Ana Ruiz, Example Gazette").decode()
    story = write(tmp_path, "story.html", page)
    write(tmp_path, "story.html.meta.yaml", "reporter: Li Wei\noriginal_url: https://example.org/news/flood-maps\n")
    base = ("check", "--rules", str(pack), "--pack", "desk", "--format", "json")
    own = cli(*base, str(story)).json()["files"][0]
    assert [f["rule"] for f in own["findings"]] == ["desk/reporter"]  # the sidecar's reporter is read
    for empty in ("reporter=", "reporter=  "):
        emptied = cli(*base, "--meta", empty, str(story)).json()["files"][0]
        assert emptied["findings"] == []
        assert [n["message"] for n in emptied["notices"]] == ["rule desk/reporter not checked: it needs the article's 'reporter', which is empty"]


def test_bad_meta_flag_is_a_user_error(cli: Any) -> None:
    run = cli("check", "--meta", "reporter", "samples/dcnf/no-logo.html")
    assert run.code == 2
    assert run.err == "syndcheck: error: --meta expects KEY=VALUE, got 'reporter' — for example --meta reporter='Jake Smith'\n"


def test_near_orders_matches_inside_one_block_by_position(tmp_path: Path) -> None:
    pack = write(
        tmp_path,
        "order.yaml",
        "id: order\nname: O\npublisher: P\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\nrules:\n"
        "  - id: order/newsletter-after-credit\n    severity: warning\n    message: m\n    help: h\n"
        "    check:\n      near:\n        a: {text: {phrase: originally published by CalMatters}}\n"
        "        b: {text: {phrase: Sign up for their newsletters}}\n        order: a-before-b\n        within-blocks: 0\n",
    )
    packs = [p for p in load_packs([pack], builtin=False)]
    right = parse_document(_page("This story was originally published by CalMatters. Sign up for their newsletters."), "html")
    wrong = parse_document(_page("Sign up for their newsletters. This story was originally published by CalMatters."), "html")
    assert check_document(right, packs, path="r.html", auto_detect=False).findings == ()
    assert [f.rule for f in check_document(wrong, packs, path="w.html", auto_detect=False).findings] == ["order/newsletter-after-credit"]


@pytest.mark.parametrize(
    ("badge", "passes"),
    [
        # The badge's own caption, after or before it, belongs to its figure.
        ('<figure><img src="/ledger.png" alt="Harbor Ledger badge"><figcaption>Harbor Ledger</figcaption></figure>', True),
        ('<figure><figcaption><em>Partner</em></figcaption><img src="/ledger.png" alt="Harbor Ledger badge"></figure>', True),
        # Another figure's caption, or a caption after a second image, is a block between.
        ('<img src="/ledger.png" alt="Harbor Ledger badge"><figure><figcaption>Harbor photos</figcaption></figure>', False),
        ('<figure><img src="/ledger.png" alt="Harbor Ledger badge"><img src="/dock.jpg" alt="The dock"><figcaption>The dock</figcaption></figure>', False),
    ],
)
def test_near_counts_a_figure_and_its_caption_as_one_block(tmp_path: Path, badge: str, passes: bool) -> None:
    pack = write(
        tmp_path,
        "badge.yaml",
        "id: badge\nname: B\npublisher: P\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\nrules:\n"
        "  - id: badge/above-credit\n    severity: warning\n    message: m\n    help: h\n"
        "    check:\n      near:\n        a: {element: {selector: img, attributes: {alt: 'Harbor Ledger badge'}}}\n"
        "        b: {text: {phrase: Reported for the Harbor Ledger}}\n        order: a-before-b\n        within-blocks: 1\n",
    )
    packs = [p for p in load_packs([pack], builtin=False)]
    page = f"<html><body><article><h1>Dock repairs</h1>{badge}<p>Reported for the Harbor Ledger</p><p>The dock reopens in May.</p></article></body></html>"
    findings = check_document(parse_document(page.encode(), "html"), packs, path="b.html", auto_detect=False).findings
    assert [f.rule for f in findings] == ([] if passes else ["badge/above-credit"])


def test_meta_values_are_normalised_like_page_text(cli: Any, tmp_path: Path) -> None:
    pack = write(
        tmp_path,
        "headline.yaml",
        "id: head\nname: H\npublisher: P\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\nrules:\n"
        "  - id: head/kept\n    severity: error\n    message: m\n    help: h\n    check: {text: {pattern: '^{{meta.headline}}$', scope: headline}}\n",
    )
    story = write(tmp_path, "s.html", "<html><body><article><h1>California&#8217;s insurer of last resort</h1><p>Body.</p></article></body></html>")
    run = cli("check", "--rules", str(pack), "--pack", "head", "--meta", "headline=California’s insurer of last resort", "--format", "json", str(story))
    assert run.json()["files"][0]["findings"] == []


def _meta_pack(pattern: str, scope: str) -> Pack:
    from compliance.packs import load_pack

    return load_pack(
        "id: desk\nname: D\npublisher: P\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\nrules:\n"
        f"  - id: desk/named\n    severity: error\n    message: m\n    help: h\n    check: {{text: {{pattern: '{pattern}', scope: {scope}}}}}\n",
        "desk.yaml",
    )


@pytest.mark.parametrize("value", ["\u200b", "\ufeff", "\u200b\u200d \u2060", " \u00ad "])
@pytest.mark.parametrize(("pattern", "scope"), [("{{meta.reporter}}", "article"), ("^{{meta.reporter}}$", "headline"), ("{{meta.reporter}}", "byline")])
@pytest.mark.parametrize("page", [_page("Body.", byline="By Ana Ruiz"), b"<html><body></body></html>"])
def test_a_meta_value_that_normalises_to_nothing_is_missing_not_a_match_or_a_crash(value: str, pattern: str, scope: str, page: bytes) -> None:
    # Only invisible characters: matched as an empty pattern it would pass anywhere (or, on an
    # empty scope, point at no block at all). It is a value not given.
    report = check_document(parse_document(page, "html"), [_meta_pack(pattern, scope)], path="s.html", auto_detect=False, meta={"reporter": value})
    assert report.findings == ()
    assert [n.code for n in report.notices] == ["missing-meta"]
    assert "needs the article's 'reporter'" in report.notices[0].message


def test_a_zero_width_meta_value_on_the_command_line_is_a_notice_not_an_internal_error(cli: Any, tmp_path: Path) -> None:
    pack = write(
        tmp_path,
        "desk.yaml",
        "id: desk\nname: D\npublisher: P\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\nrules:\n"
        "  - id: desk/named\n    severity: error\n    message: m\n    help: h\n    check: {text: {pattern: '^{{meta.headline}}$', scope: headline}}\n",
    )
    story = write(tmp_path, "s.html", "<html><body><p>No headline at all.</p></body></html>")
    run = cli("check", "--rules", str(pack), "--pack", "desk", "--meta", "headline=\u200b", "--format", "json", str(story))
    assert run.code == 0, run.err
    assert [n["code"] for n in run.json()["files"][0]["notices"]] == ["missing-meta"]


def test_a_changed_headline_is_placed_at_the_headline_and_quoted() -> None:
    # The editor compares the headline wanted with the one the page has: both are shown, at the <h1>.
    page = b"<html><body><article>\n<p>Section</p>\n<h1>Valley patients drive farther</h1>\n<p>Body.</p></article></body></html>"
    pack = _meta_pack("^{{meta.headline}}$", "headline")
    report = check_document(parse_document(page, "html"), [pack], path="s.html", auto_detect=False, meta={"headline": "Rural clinics close"})
    (finding,) = report.findings
    assert finding.rule == "desk/named"
    assert finding.location.line == 3
    assert finding.detail == 'no "Rural clinics close" in the headline, which reads "Valley patients drive farther"'


@pytest.mark.parametrize("pattern", ["^", "(?:By)?", "x*"])
def test_a_pattern_that_matches_nothing_at_all_on_an_empty_scope_is_a_finding(pattern: str) -> None:
    report = check_document(parse_document(b"<html><body></body></html>", "html"), [_meta_pack(pattern, "headline")], path="s.html", auto_detect=False)
    assert [f.rule for f in report.findings] == ["desk/named"]
