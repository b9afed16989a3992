"""Every pack whose terms require the reporter's (author's) byline compares it with the original
story's, or with the `reporter` metadata: a byline naming another person, even a real reporter of
the same outlet, is not the byline the terms ask for."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from tests.conftest import ROOT, write

# A compliant copy of each pack's samples, and the reporter its byline credits.
COPIES = {
    "calmatters": ("samples/calmatters/compliant-wordpress.html", "Rosa Ibarra"),
    "kff-health-news": ("samples/kff-health-news/compliant-ghost.html", "Tomás Ferreira"),
    "propublica": ("samples/propublica/compliant-wordpress.html", "Hollis Brandt"),
    "texas-tribune": ("samples/texas-tribune/compliant-static.html", "Luis Echevarría"),
    "the-19th": ("samples/the-19th/compliant-wordpress.html", "Marisol Okafor"),
    "the-conversation": ("samples/the-conversation/compliant-static.html", "Renata Okafor"),
}
OTHER = "Odile Marchetti"


def _original(tmp_path: Path, byline: str, story: str = "The story.") -> Path:
    return write(tmp_path, "original.html", f'<article><h1>Title</h1><p class="byline">By {byline}</p><p>{story}</p></article>')


def _verdict(cli: Any, pack: str, *args: str) -> tuple[list[dict[str, Any]], bool, dict[str, Any]]:
    run = cli("check", "--pack", pack, "--format", "json", *args)
    (entry,) = run.json()["files"]
    rule = f"{pack}/original-reporter"
    return [f for f in entry["findings"] if f["rule"] == rule], rule in {p["rule"] for p in entry["passed"]}, entry


@pytest.mark.parametrize("pack", sorted(COPIES))
def test_the_original_s_reporter_passes_and_another_reporter_fails(cli: Any, tmp_path: Path, pack: str) -> None:
    copy, reporter = COPIES[pack]
    assert _verdict(cli, pack, "--original", str(_original(tmp_path, reporter)), copy)[:2] == ([], True)
    # The original's byline in capitals names the same person.
    assert _verdict(cli, pack, "--original", str(_original(tmp_path, reporter.upper())), copy)[:2] == ([], True)
    findings, passed, _ = _verdict(cli, pack, "--original", str(_original(tmp_path, OTHER)), copy)
    assert not passed and len(findings) == 1
    assert f"(the original credits {OTHER}; the republication has " in findings[0]["message"]
    assert reporter in findings[0]["message"]


@pytest.mark.parametrize("pack", sorted(COPIES))
def test_every_author_of_the_original_must_be_credited(cli: Any, tmp_path: Path, pack: str) -> None:
    copy, reporter = COPIES[pack]
    original = _original(tmp_path, f"{reporter} and {OTHER}")
    findings, passed, _ = _verdict(cli, pack, "--original", str(original), copy)
    assert not passed and findings[0]["message"].endswith(f"({OTHER} not credited)).")
    # The copy's byline crediting both (in the other order) passes.
    source = (ROOT / copy).read_text(encoding="utf-8")
    both = write(tmp_path, Path(copy).name, source.replace(reporter, f"{OTHER} and {reporter}"))
    assert _verdict(cli, pack, "--original", str(original), str(both))[:2] == ([], True)


@pytest.mark.parametrize("pack", sorted(COPIES))
def test_without_an_original_the_reporter_metadata_is_compared_and_else_the_note_names_the_rule(cli: Any, pack: str) -> None:
    copy, reporter = COPIES[pack]
    assert _verdict(cli, pack, "--meta", f"reporter={reporter}", copy)[:2] == ([], True)
    findings, passed, _ = _verdict(cli, pack, "--meta", f"reporter={OTHER}", copy)
    assert not passed and f"(the reporter given ('reporter' metadata) is {OTHER}; " in findings[0]["message"]
    findings, passed, entry = _verdict(cli, pack, copy)
    assert (findings, passed) == ([], False)
    (note,) = [n["message"] for n in entry["notices"] if n["code"] == "no-original"]
    assert f"{pack}/original-reporter" in re.findall(r"[\w-]+/[\w-]+", note.split(" compare the copy")[0])


@pytest.mark.parametrize("pack", ["texas-tribune", "the-conversation"])
def test_where_the_byline_is_only_the_ideal_credit_a_copy_without_one_is_not_compared(cli: Any, tmp_path: Path, pack: str) -> None:
    # The Tribune's credit "ideally" is the byline, The Conversation's authors "ideally in the
    # byline": a copy crediting them otherwise has no byline to compare.
    story = write(tmp_path, "story.html", "<article><h1>Title</h1><p>The story, as the original told it.</p></article>")
    findings, passed, _ = _verdict(cli, pack, "--meta", f"reporter={OTHER}", str(story))
    assert (findings, passed) == ([], False)


@pytest.mark.parametrize("pack", ["calmatters", "kff-health-news", "propublica", "the-19th"])
def test_where_the_byline_is_required_a_copy_without_one_fails(cli: Any, tmp_path: Path, pack: str) -> None:
    story = write(tmp_path, "story.html", "<article><h1>Title</h1><p>The story, as the original told it.</p></article>")
    findings, passed, _ = _verdict(cli, pack, "--meta", f"reporter={OTHER}", str(story))
    assert not passed and "the republication has no visible byline" in findings[0]["message"]


def test_states_newsroom_has_no_such_rule_and_global_voices_reads_the_credit_line_too() -> None:
    # States Newsroom's terms ask for a credit line, not a byline; Global Voices' accept the
    # author named in the credit line at the top, which its rule reads beside the byline
    # (tests/test_gv_author_credit_line.py).
    from compliance.loading import load_packs

    packs = {pack.id: {rule.id: rule for rule in pack.rules} for pack in load_packs()}
    with_rule = {pack for pack, rules in packs.items() if f"{pack}/original-reporter" in rules}
    assert with_rule == {*COPIES, "dcnf", "global-voices"}
    assert packs["global-voices"]["global-voices/original-reporter"].check.params.credit is not None


@pytest.mark.parametrize("pack", sorted(COPIES))
def test_fix_puts_the_originals_reporter_in_the_byline(cli: Any, tmp_path: Path, pack: str) -> None:
    copy, reporter = COPIES[pack]
    source = (ROOT / copy).read_text(encoding="utf-8")
    # Every mention of the reporter (the byline, and the page's metadata) names another person.
    wrong = write(tmp_path, Path(copy).name, source.replace(reporter, OTHER))
    # The Conversation's byline credits each author with their institution: the original names both.
    # It tells the copy's story (its longest paragraph): fix takes facts only from an original that
    # shares the copy's story, and an unrelated one lends nothing.
    story = "</p><p>".join(html.escape(p.text_content()) for p in lxml.html.fromstring(source).iter("p") if len(p.text_content().split()) >= 12)
    original = _original(tmp_path, f"{reporter}, University of Example" if pack == "the-conversation" else reporter, story)
    assert _verdict(cli, pack, "--original", str(original), str(wrong))[0]
    run = cli("fix", "--write", "--pack", pack, "--original", str(original), str(wrong))
    assert f"fixed {pack}/original-reporter: " in run.err, run.err
    assert _verdict(cli, pack, "--original", str(original), str(wrong))[:2] == ([], True)
