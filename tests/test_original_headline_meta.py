"""CalMatters' headline rule compares the copy's headline with the one CalMatters gave: the
original story's own headline when the original is given, else the `original_headline` metadata.
The `headline` metadata (a CMS payload's `headline` or `title`) is the copy's own headline: taken
for CalMatters' it compared the copy's headline with itself and passed a rewritten one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

ORIGINAL = str(ROOT / "samples" / "originals" / "calmatters-original.html")
CALMATTERS = "California’s insurer of last resort now covers most homes in 40 ZIP codes"
REWRITTEN = "FAIR Plan now covers all homes in 40 ZIP codes"
ASKS = (
    "rule calmatters/headline not checked: it needs the headline CalMatters gave the story"
    " (give it with --meta original_headline=..., or give the original story with --original)"
)
OWN = "; 'headline' is this copy's own headline, which is not compared with itself"


def _page(headline: str) -> str:
    return (
        f"<h1>{headline}</h1><p>By Rosa Ibarra, CalMatters</p>"
        '<p>This story was originally published by <a href="https://calmatters.org/housing/2024/07/fair-plan-wildfire-insurance-zip-codes/">CalMatters</a>.'
        " Sign up for their newsletters.</p><p>When Gary Lindahl's homeowners insurance was canceled last fall, he called 11 companies.</p>"
    )


def _payload_results(cli: Any, tmp_path: Path, **fields: str) -> dict[str, Any]:
    feed = tmp_path / "payload.json"
    feed.write_text(json.dumps({"id": "cm-1", "html": _page(REWRITTEN), **fields}), encoding="utf-8")
    (entry,) = cli("check", "--input-kind", "cms-json", "--format", "json", str(feed)).json()["files"]
    return entry  # type: ignore[no-any-return]


def _headline_outcome(entry: dict[str, Any]) -> str:
    if any(f["rule"] == "calmatters/headline" for f in entry["findings"]):
        return "error"
    if any(p["rule"] == "calmatters/headline" for p in entry["passed"]):
        return "passed"
    return "not checked"


def _notes(entry: dict[str, Any]) -> list[str]:
    return [n["message"] for n in entry["notices"] if n["code"] == "missing-meta"]


@pytest.mark.parametrize("field", ["headline", "title"])
def test_a_cms_headline_is_the_copys_own_and_is_not_compared_with_itself(cli: Any, tmp_path: Path, field: str) -> None:
    entry = _payload_results(cli, tmp_path, **{field: REWRITTEN})
    assert _headline_outcome(entry) == "not checked"
    assert _notes(entry) == [ASKS + OWN]


def test_a_cms_original_headline_is_calmatters(cli: Any, tmp_path: Path) -> None:
    entry = _payload_results(cli, tmp_path, headline=REWRITTEN, original_headline=CALMATTERS)
    assert _headline_outcome(entry) == "error"
    (finding,) = [f for f in entry["findings"] if f["rule"] == "calmatters/headline"]
    assert finding["message"].startswith(f'The headline differs from CalMatters\' headline "{CALMATTERS}" (headline "{REWRITTEN}" is not the original')
    assert _notes(entry) == []


@pytest.mark.parametrize(("given", "outcome"), [(CALMATTERS, "passed"), (CALMATTERS.upper(), "passed"), ("Insurer of last resort grows", "error")])
def test_the_original_headline_metadata_is_compared_with_the_copys(cli: Any, tmp_path: Path, given: str, outcome: str) -> None:
    copy = tmp_path / "copy.html"
    copy.write_text(_page(CALMATTERS), encoding="utf-8")
    (entry,) = cli("check", "--format", "json", "--meta", f"original_headline={given}", str(copy)).json()["files"]
    assert _headline_outcome(entry) == outcome


def test_an_old_meta_headline_is_refused_with_a_note_not_taken_for_calmatters(cli: Any, tmp_path: Path) -> None:
    # `--meta headline=` once meant CalMatters' headline: given the copy's own, the rule passed.
    copy = tmp_path / "copy.html"
    copy.write_text(_page(REWRITTEN), encoding="utf-8")
    (entry,) = cli("check", "--format", "json", "--meta", f"headline={REWRITTEN}", str(copy)).json()["files"]
    assert _headline_outcome(entry) == "not checked"
    assert _notes(entry) == [ASKS + OWN]


def test_without_any_headline_the_note_asks_for_calmatters(cli: Any, tmp_path: Path) -> None:
    copy = tmp_path / "copy.html"
    copy.write_text(_page(REWRITTEN), encoding="utf-8")
    (entry,) = cli("check", "--format", "json", str(copy)).json()["files"]
    assert _notes(entry) == [ASKS]


def test_an_empty_original_headline_says_it_is_empty(cli: Any, tmp_path: Path) -> None:
    copy = tmp_path / "copy.html"
    copy.write_text(_page(REWRITTEN), encoding="utf-8")
    (entry,) = cli("check", "--format", "json", "--meta", "original_headline=", str(copy)).json()["files"]
    assert _notes(entry) == ["rule calmatters/headline not checked: it needs the article's 'original_headline', which is empty"]


def test_with_the_original_given_its_own_headline_is_compared(cli: Any, tmp_path: Path) -> None:
    copy = tmp_path / "copy.html"
    copy.write_text(_page(REWRITTEN), encoding="utf-8")
    (entry,) = cli("check", "--format", "json", "--original", ORIGINAL, "--meta", f"headline={REWRITTEN}", str(copy)).json()["files"]
    # The original's headline is compared by calmatters/original-headline; nothing is asked for.
    (finding,) = [f for f in entry["findings"] if f["rule"] == "calmatters/original-headline"]
    assert CALMATTERS.replace("’", "'") in finding["message"].replace("’", "'")
    assert _notes(entry) == []


def test_other_rules_keep_their_note(cli: Any, tmp_path: Path) -> None:
    pack = tmp_path / "desk.yaml"
    pack.write_text(
        "id: desk\nname: Desk\npublisher: Desk\nterms_url: https://example.org/terms\nas_of: 2024-01-01\nsummary: s\nconfidence: c\n"
        "rules:\n  - id: desk/named\n    severity: error\n    message: m\n    help: h\n    check: {text: {pattern: '{{meta.reporter}}'}}\n",
        encoding="utf-8",
    )
    copy = tmp_path / "copy.html"
    copy.write_text("<article><p>Text.</p></article>", encoding="utf-8")
    (entry,) = cli("check", "--rules", str(pack), "--pack", "desk", "--format", "json", str(copy)).json()["files"]
    assert _notes(entry) == ["rule desk/named not checked: it needs the article's 'reporter' (give it with --meta reporter=...)"]


# Given as metadata, CalMatters' headline is compared as the original story's own is: editorial
# style (capitalization, punctuation, quotes, a number spelled out) may differ, words may not.
@pytest.mark.parametrize(
    ("copy_headline", "outcome"),
    [
        ("California's Insurer Of Last Resort Now Covers Most Homes In 40 ZIP Codes", "passed"),
        ("California's insurer of last resort now covers most homes in forty ZIP codes", "passed"),
        ("California’s insurer of last resort now covers most homes in 40 ZIP codes.", "passed"),
        ("California's insurer of last resort now covers most homes in 50 ZIP codes", "error"),
        ("California's insurer of last resort now covers most homes in 40 ZIP codes, data show", "error"),
    ],
)
def test_the_original_headline_metadata_allows_style_as_the_original_does(cli: Any, tmp_path: Path, copy_headline: str, outcome: str) -> None:
    copy = tmp_path / "copy.html"
    copy.write_text(_page(copy_headline), encoding="utf-8")
    (entry,) = cli("check", "--format", "json", "--meta", f"original_headline={CALMATTERS}", str(copy)).json()["files"]
    assert _headline_outcome(entry) == outcome


@pytest.mark.parametrize("how", ["option", "front matter"])
def test_a_metadata_key_spelt_with_a_hyphen_is_the_one_rules_read(cli: Any, tmp_path: Path, how: str) -> None:
    # `original-headline` as `original-url` is written: it was silently not read, and a changed
    # headline passed with the rule "not checked".
    if how == "option":
        copy = tmp_path / "copy.html"
        copy.write_text(_page(REWRITTEN), encoding="utf-8")
        args = ["--meta", f"original-headline={CALMATTERS}", str(copy)]
    else:
        copy = tmp_path / "copy.md"
        credit = "This story was originally published by [CalMatters](https://calmatters.org/housing/2024/07/fair-plan-wildfire-insurance-zip-codes/)."
        copy.write_text(f"---\noriginal-headline: {CALMATTERS}\n---\n# {REWRITTEN}\n\nBy Rosa Ibarra, CalMatters\n\n{credit}\n", encoding="utf-8")
        args = [str(copy)]
    (entry,) = cli("check", "--format", "json", "--pack", "calmatters", *args).json()["files"]
    assert _headline_outcome(entry) == "error"
    assert _notes(entry) == []


def test_a_stronger_source_wins_however_either_spells_the_key(cli: Any, tmp_path: Path) -> None:
    # `--meta original-headline=` beats a metadata file's `original_headline`, as `--meta` beats a
    # metadata file whatever the key's spelling (the file's value was compared, without a word).
    copy = tmp_path / "copy.html"
    copy.write_text(_page(CALMATTERS), encoding="utf-8")
    (tmp_path / "copy.html.meta.yaml").write_text("original_headline: Some other headline\n", encoding="utf-8")
    (entry,) = cli("check", "--format", "json", "--meta", f"original-headline={CALMATTERS}", str(copy)).json()["files"]
    assert _headline_outcome(entry) == "passed"
    (tmp_path / "copy.html.meta.yaml").write_text(f"original-headline: {CALMATTERS}\n", encoding="utf-8")
    (entry,) = cli("check", "--format", "json", "--meta", "original_headline=Some other headline", str(copy)).json()["files"]
    assert _headline_outcome(entry) == "error"


def test_one_key_given_twice_in_two_spellings_is_refused(cli: Any, tmp_path: Path) -> None:
    copy = tmp_path / "copy.html"
    copy.write_text(_page(CALMATTERS), encoding="utf-8")
    run = cli("check", "--meta", "original-headline=A", "--meta", "original_headline=B", str(copy))
    assert run.code == 2
    assert "--meta gives 'original-headline' and 'original_headline' (one key) twice ('A', 'B')" in run.err


def test_a_payload_giving_one_key_in_two_spellings_differently_is_refused(cli: Any, tmp_path: Path) -> None:
    feed = tmp_path / "payload.json"
    payload = {"id": "cm-2", "html": _page(CALMATTERS), "original_headline": CALMATTERS, "meta": {"original-headline": "Other"}}
    feed.write_text(json.dumps(payload), encoding="utf-8")
    run = cli("check", "--input-kind", "cms-json", str(feed))
    assert run.code == 2
    assert "fields 'original_headline' and 'meta.original-headline' both give the article's 'original_headline', differently" in run.err


@pytest.mark.parametrize(("given", "said"), [("Totally different", "is not the original story's headline"), (CALMATTERS, "compared with instead")])
def test_with_the_original_given_the_metadata_headline_is_not_compared_and_the_notice_says_why(cli: Any, tmp_path: Path, given: str, said: str) -> None:
    # Two opposite verdicts on one headline (an error telling the editor to change a headline that
    # is the original's, and an ok) are not given: the original story's own headline is compared.
    copy = tmp_path / "copy.html"
    copy.write_text(_page(CALMATTERS), encoding="utf-8")
    (entry,) = cli("check", "--format", "json", "--original", ORIGINAL, "--meta", f"original_headline={given}", str(copy)).json()["files"]
    assert _headline_outcome(entry) == "not checked"
    assert any(p["rule"] == "calmatters/original-headline" for p in entry["passed"])
    (notice,) = [n["message"] for n in entry["notices"] if n["code"] == "undecided"]
    assert notice.startswith("1 rule(s) not checked (calmatters/headline)") and said in notice
