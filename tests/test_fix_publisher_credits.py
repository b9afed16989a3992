"""`syndcheck fix` puts back the credits KFF Health News, States Newsroom and The Texas Tribune ask
for, in the words their terms give (publisher-terms §2.4, §2.5, §2.8), filled from what the page
and the editor give: the States Newsroom outlet's name as the page names it (a "Via" line, a credit
in other words, its byline) or `--meta outlet=`, the original's address when known, the reporter
from the original or `--meta reporter=`. A value not known is never guessed: the fix says what to
give. Each fixed page then passes the rule."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from compliance.document import DocumentKind
from compliance.engine import CheckSettings
from compliance.fixes import plan_fixes
from compliance.loading import load_packs

PACKS = {p.id: p for p in load_packs()}
ORIGINAL = "https://nebraskaexaminer.com/2024/05/01/lawmakers-pass-budget/"


def _plan(text: str, kind: DocumentKind, pack: str, **meta: str) -> Any:
    return plan_fixes(text.encode(), kind, CheckSettings(packs=[PACKS[pack]], path=f"copy.{kind}", auto_detect=False, meta=meta))


def _errors(plan: Any) -> set[str]:
    return {f.rule for f in plan.after.findings if f.severity.name == "ERROR"}


# -- KFF Health News: the tagline at the end -------------------------------------------------

TAGLINE = "KFF Health News is a national newsroom that produces in-depth journalism about health issues."


def _kff_html(after: str = "") -> str:
    return (
        "<html><body><article>\n<h1>Clinics close in rural counties</h1>\n"
        '<p class="byline">By Priya Raman, KFF Health News</p>\n'
        "<p>Three clinics closed this spring, leaving families an hour from care.</p>\n"
        '<p>The closures follow a <a href="https://kffhealthnews.org/news/article/clinics-close/">KFF Health News</a> count.</p>\n'
        f"{after}</article></body></html>\n"
    )


def test_kff_tagline_goes_after_the_last_paragraph() -> None:
    plan = _plan(_kff_html(), "html", "kff-health-news")
    assert plan.fixed.decode() == _kff_html(f"<p>{TAGLINE}</p>\n")
    assert "kff-health-news/tagline" in {f.rule for f in plan.before.findings}
    assert _errors(plan) == set()


def test_kff_tagline_in_a_text_copy_is_its_last_line() -> None:
    text = "Clinics close\n\nBy Priya Raman, KFF Health News\n\nThree clinics closed this spring.\n\nFamilies drive an hour for care.\n"
    plan = _plan(text, "text", "kff-health-news")
    assert plan.fixed.decode() == text + f"\n{TAGLINE}\n"
    assert "kff-health-news/tagline" not in _errors(plan)


def test_kff_tagline_not_added_where_it_is() -> None:
    plan = _plan(_kff_html(f"<p>{TAGLINE}</p>\n"), "html", "kff-health-news")
    assert [e for e in plan.edits if e.rule == "kff-health-news/tagline"] == []


# -- The Texas Tribune: "by Reporter Name, The Texas Tribune" --------------------------------


def _tt_html(byline: str) -> str:
    return (
        "<html><body><article>\n<h1>Texas power grid strained</h1>\n"
        f"{byline}"
        "<p>The grid was strained on Monday as temperatures soared past 100 degrees.</p>\n"
        '<p>Read the <a href="https://www.texastribune.org/2024/05/01/texas-power-grid/">original story</a>.</p>\n'
        "</article></body></html>\n"
    )


def test_tribune_credit_goes_into_the_reporters_byline() -> None:
    plan = _plan(_tt_html('<p class="byline">By Lena Vogt</p>\n'), "html", "texas-tribune", reporter="Lena Vogt")
    assert plan.fixed.decode() == _tt_html('<p class="byline">By Lena Vogt, The Texas Tribune</p>\n')
    assert "texas-tribune/credit" not in _errors(plan)


def test_tribune_credit_is_a_byline_below_the_headline_when_there_is_none() -> None:
    plan = _plan(_tt_html(""), "html", "texas-tribune", reporter="Lena Vogt")
    assert plan.fixed.decode() == _tt_html('<p class="byline">By Lena Vogt, The Texas Tribune</p>\n')
    assert _errors(plan) == set()


def test_tribune_credit_without_the_reporter_says_how_to_give_it() -> None:
    plan = _plan(_tt_html('<p class="byline">By Lena Vogt</p>\n'), "html", "texas-tribune")
    assert plan.fixed == plan.original
    (unfixed,) = [u for u in plan.unfixed if u.rule == "texas-tribune/credit"]
    assert unfixed.reason.startswith("needs the reporter's name: give the original story (--original FILE) or --meta reporter=NAME")
    assert "Lena Vogt, whom the page's byline names" in unfixed.reason


# -- States Newsroom: the outlet's credit line and link back ---------------------------------


def _sn_html(credit: str, byline: str = "By Jane Doe") -> str:
    return (
        "<html><body><article>\n<h1>Lawmakers pass budget</h1>\n"
        f'<p class="byline">{byline}</p>\n'
        "<p>Lawmakers passed the state budget on Tuesday after a long debate.</p>\n"
        "<p>The budget funds schools and roads for two years.</p>\n"
        f"{credit}</article></body></html>\n"
    )


def test_a_via_line_is_replaced_by_the_credit_naming_its_outlet() -> None:
    page = _sn_html(f'<p>Via <a href="{ORIGINAL}">Nebraska Examiner</a></p>\n')
    plan = _plan(page, "html", "states-newsroom", **{"original-url": ORIGINAL})
    assert plan.fixed.decode() == _sn_html(f'<p>This story first appeared in <a href="{ORIGINAL}">Nebraska Examiner</a>.</p>\n')
    assert _errors(plan) == set()


@pytest.mark.parametrize(
    ("page", "fixed"),
    [
        # The outlet the byline names, another affiliate than the one above: after the story.
        (
            _sn_html("", byline="By Jane Doe, Ohio Capital Journal"),
            _sn_html("<p>This story first appeared in Ohio Capital Journal.</p>\n", byline="By Jane Doe, Ohio Capital Journal"),
        ),
        # A "via" line with "the" before the outlet's name, in capitals: the credit in its place.
        (_sn_html("<p>VIA THE MAINE MORNING STAR</p>\n"), _sn_html("<p>This story first appeared in MAINE MORNING STAR.</p>\n")),
    ],
)
def test_the_credit_names_the_outlet_the_page_names(page: str, fixed: str) -> None:
    plan = _plan(page, "html", "states-newsroom")
    # No address known: the credit goes in with the outlet's name alone, and the link back is left.
    assert plan.fixed.decode() == fixed
    assert "states-newsroom/credit" not in _errors(plan)
    (link,) = [u for u in plan.unfixed if u.rule == "states-newsroom/link"]
    assert link.reason.startswith("needs the original story's URL: give --meta original-url=URL")


def test_an_outlet_the_page_does_not_name_is_asked_for() -> None:
    page = _sn_html("", byline="By Jane Doe")
    plan = _plan(page, "html", "states-newsroom")
    (unfixed,) = [u for u in plan.unfixed if u.rule == "states-newsroom/credit"]
    assert unfixed.reason == "needs 'outlet': give --meta outlet=VALUE or have the page name it where the fix reads it (a credit line or its byline)"
    given = _plan(page, "html", "states-newsroom", outlet="Kansas Reflector")
    (edit,) = [e for e in given.edits if e.rule == "states-newsroom/credit"]
    assert edit.text.strip() == "<p>This story first appeared in Kansas Reflector.</p>"


def test_the_credit_in_a_text_copy_is_unlinked() -> None:
    text = "Lawmakers pass budget\n\nBy Jane Doe, Nebraska Examiner\n\nLawmakers passed the state budget on Tuesday.\n"
    plan = _plan(text, "text", "states-newsroom", medium="print")
    assert plan.fixed.decode() == text + "\nThis story first appeared in Nebraska Examiner.\n"
    assert _errors(plan) == set()


def test_a_credit_without_a_link_gets_a_link_back_to_the_story() -> None:
    credit = "<p>Republished under a Creative Commons license from Nebraska Examiner.</p>\n"
    plan = _plan(_sn_html(credit), "html", "states-newsroom", **{"original-url": ORIGINAL})
    assert plan.fixed.decode() == _sn_html(credit + f'<p>Read the original story at <a href="{ORIGINAL}">Nebraska Examiner</a>.</p>\n')
    assert _errors(plan) == set()


def test_the_readme_states_newsroom_example_is_what_fix_prints(cli: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("On `budget.md`, a copy credited only", 1)[1]
    (page,) = re.findall(r"```markdown\n(.*?)```", section, re.DOTALL)[:1]
    (diff,) = re.findall(r"```diff\n(.*?)```", section, re.DOTALL)[:1]
    command = re.search(r"`(syndcheck fix [^`]*)`", section)
    assert command is not None
    (tmp_path / "budget.md").write_text(page, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli(*command.group(1).split()[1:])
    assert result.out.strip() == diff.strip()
    assert result.code == 1


# -- The original's address from the page's own link to the outlet's story -------------------

OUTLET_STORIES = [
    ("Nebraska Examiner", "https://nebraskaexaminer.com/2024/05/01/lawmakers-pass-budget/"),
    ("Kansas Reflector", "https://kansasreflector.com/2025/02/11/budget-vote/?utm_source=rss"),
    ("Stateline", "https://stateline.org/2024/09/30/states-weigh-budget-cuts/"),
]


def _sn_page(head: str, credit: str, byline: str) -> str:
    return (
        f"<!doctype html><html><head><title>Lawmakers pass budget</title>{head}</head><body><article>\n<h1>Lawmakers pass budget</h1>\n"
        f'<p class="byline">{byline}</p>\n'
        "<p>Lawmakers passed the state budget on Tuesday after a long debate.</p>\n"
        "<p>The budget funds schools and roads for two years.</p>\n"
        f"{credit}</article></body></html>\n"
    )


@pytest.mark.parametrize(("outlet", "story"), OUTLET_STORIES)
@pytest.mark.parametrize("where", ["via", "logo", "canonical"])
def test_the_credit_links_the_story_the_page_links_to(outlet: str, story: str, where: str) -> None:
    head = f'<link rel="canonical" href="{story}">' if where == "canonical" else ""
    credit = {
        "via": f'<p>Via <a href="{story}">{outlet}</a></p>\n',
        "logo": f'<p><a href="{story}"><img src="/img/partner.png" alt="{outlet}" width="120" height="40"></a></p>\n',
        "canonical": "",
    }[where]
    plan = _plan(_sn_page(head, credit, f"By Jane Doe, {outlet}"), "html", "states-newsroom")
    (edit,) = [e for e in plan.edits if e.rule == "states-newsroom/credit" and e.text]
    assert f'<a href="{story.replace("&", "&amp;")}">' in edit.text
    assert "the original's address is the one the page links back to" in edit.note
    assert "states-newsroom/credit" not in _errors(plan)


@pytest.mark.parametrize(
    ("head", "credit"),
    [
        # The republisher's own canonical page, and the outlet's home page or a section: no story.
        ('<link rel="canonical" href="https://ourtown.example/news/lawmakers-pass-budget">', ""),
        ("", '<p>Via <a href="https://nebraskaexaminer.com/">Nebraska Examiner</a></p>\n'),
        ('<link rel="canonical" href="https://nebraskaexaminer.com/category/government/">', ""),
    ],
)
def test_a_page_without_a_link_to_the_outlets_story_leaves_the_credit_unlinked_and_says_why(head: str, credit: str) -> None:
    plan = _plan(_sn_page(head, credit, "By Jane Doe, Nebraska Examiner"), "html", "states-newsroom")
    (edit,) = [e for e in plan.edits if e.rule == "states-newsroom/credit" and e.text]
    assert "<a " not in edit.text
    assert "written without its link to the original story, whose address is not known: give --meta original-url=URL" in edit.note


def test_an_address_given_wins_over_the_pages_link() -> None:
    page = _sn_page(f'<link rel="canonical" href="{OUTLET_STORIES[0][1]}">', "", "By Jane Doe, Nebraska Examiner")
    plan = _plan(page, "html", "states-newsroom", **{"original-url": ORIGINAL.replace("lawmakers-pass-budget", "budget-passes")})
    (edit,) = [e for e in plan.edits if e.rule == "states-newsroom/credit" and e.text]
    assert "budget-passes" in edit.text and "links back to" not in edit.note


def test_the_readme_page_link_example_is_what_fix_writes(cli: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("On `budget.md`, a copy credited only", 1)[1]
    (page,) = re.findall(r"```markdown\n(.*?)```", section, re.DOTALL)[:1]
    (diff,) = re.findall(r"```diff\n(.*?)```", section, re.DOTALL)[:1]
    via = re.search(r"With `(Via \[[^`]*)`\s+as its last line, `(syndcheck fix budget\.md)`", section)
    assert via is not None
    (tmp_path / "budget.md").write_text(page.replace("Via Nebraska Examiner", via.group(1)), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli(*via.group(2).split()[1:])
    written = diff.strip().replace("-Via Nebraska Examiner", f"-{via.group(1)}")
    assert result.out.strip() == written
    assert "(the original's address is the one the page links back to: " in result.err
