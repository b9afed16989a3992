"""An original given that is another story than the copy's, of the copy's own publisher (the
wrong file or address picked from the same site): the copy shares none of its text, and neither
its headline nor its reporters. Comparing with it would call the copy's own reporter wrong, and
`fix` would write the other story's reporter and address into a correct page; an
`original-mismatch` note says so and nothing is compared. A translation, a copy whose byline was
changed, a story rewritten under its own headline, and an original too short to tell are still
compared."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, write
from tests.test_original_reporter import COPIES, OTHER

# Another story of the same publisher: its own headline, reporter and some eighty words of text.
OTHER_STORY = (
    "<html><head><title>Nursing Homes Cut Night Staff</title></head><body><article>"
    "<h1>Nursing Homes Cut Night Staff as State Inspections Lag Behind</h1>"
    f'<p class="byline">By {OTHER}</p>'
    "<p>Dozens of nursing homes across three counties reduced their overnight staffing last winter, "
    "leaving a single aide responsible for as many as forty residents, according to payroll records "
    "reviewed by reporters over several months.</p>"
    "<p>State inspectors, who are required to visit each home at least once a year, had not returned "
    "to most of the facilities since before the pandemic, and complaints filed by families often "
    "waited more than a year for a response from the health department.</p>"
    "</article></body></html>"
)


def _entry(run: Any) -> dict[str, Any]:
    (entry,) = run.json()["files"]
    return entry  # type: ignore[no-any-return]


def _mismatch(entry: dict[str, Any]) -> list[str]:
    return [n["message"] for n in entry["notices"] if n["code"] == "original-mismatch"]


def _rules(entry: dict[str, Any], key: str) -> set[str]:
    return {item["rule"] for item in entry[key]}


@pytest.mark.parametrize("pack", sorted(COPIES))
def test_another_story_of_the_same_publisher_is_said_and_not_compared(cli: Any, tmp_path: Path, pack: str) -> None:
    copy, _reporter = COPIES[pack]
    original = write(tmp_path, "original.html", OTHER_STORY)
    entry = _entry(cli("check", "--format", "json", "--original", str(original), copy))
    assert pack in entry["packs"]
    (note,) = _mismatch(entry)
    assert note.startswith('the original given ("Nursing Homes Cut Night Staff as State Inspections Lag Behind") shares no text with this copy')
    assert "it is most likely another story, and nothing is compared with it" in note
    rule = f"{pack}/original-reporter"
    assert rule not in _rules(entry, "findings") | _rules(entry, "passed")
    (undecided,) = [n["message"] for n in entry["notices"] if n["code"] == "undecided"]
    assert rule in undecided and undecided.endswith("the original given is most likely another story than this copy's (see the original-mismatch note)")


@pytest.mark.parametrize("pack", sorted(COPIES))
def test_fix_writes_nothing_from_another_story_and_says_why(cli: Any, tmp_path: Path, pack: str) -> None:
    copy, reporter = COPIES[pack]
    source = (ROOT / copy).read_bytes()
    page = write(tmp_path, Path(copy).name, source)
    original = write(tmp_path, "original.html", OTHER_STORY)
    run = cli("fix", "--write", "--original", str(original), str(page))
    assert page.read_bytes() == source
    assert OTHER not in run.out + run.err
    assert f"{page}: note: the original given (" in run.err
    assert reporter.split()[-1] in source.decode("utf-8")


def test_the_copys_own_original_is_still_compared_when_the_byline_was_changed(cli: Any, tmp_path: Path) -> None:
    # The story's text is kept and its byline names someone else: the same story, compared.
    text = (ROOT / "samples/originals/propublica-faithful.md").read_text(encoding="utf-8")
    copy = write(tmp_path, "copy.md", text.replace("By Hollis Brandt, ProPublica", f"By {OTHER}, ProPublica"))
    entry = _entry(cli("check", "--format", "json", "--original", "samples/originals/propublica-original.html", str(copy)))
    assert not _mismatch(entry)
    assert "propublica/original-reporter" in _rules(entry, "findings")


def test_a_translation_credits_the_originals_reporter_and_is_compared(cli: Any, tmp_path: Path) -> None:
    # No text in common with the English original, but the same reporter: the copy's story.
    copy = write(
        tmp_path,
        "copy.md",
        "# Inspectores de oleoductos aprobaron soldaduras que nunca vieron\n\nPor Hollis Brandt, ProPublica\n\n"
        "Esta historia fue publicada originalmente por [ProPublica](https://www.propublica.org/article/pipeline-weld-inspections-records).\n\n"
        "La mañana del 14 de marzo de 2023, un inspector de soldaduras identificado en los registros de la empresa aprobó "
        "cuarenta y una soldaduras a lo largo de un nuevo gasoducto en el oeste de Oklahoma.\n",
    )
    entry = _entry(cli("check", "--format", "json", "--original", "samples/originals/propublica-original.html", str(copy)))
    assert not _mismatch(entry)
    assert "propublica/original-reporter" in _rules(entry, "passed")


def test_a_story_rewritten_under_the_originals_headline_is_compared(cli: Any, tmp_path: Path) -> None:
    # The headline is the original's: whatever the text, this is that story (and its fidelity fails).
    original_page = (ROOT / "samples/originals/propublica-original.html").read_text(encoding="utf-8")
    headline = re.search(r"<h1>(.*?)</h1>", original_page)
    assert headline is not None
    copy = write(tmp_path, "copy.html", OTHER_STORY.replace("Nursing Homes Cut Night Staff as State Inspections Lag Behind", headline.group(1)))
    entry = _entry(cli("check", "--pack", "propublica", "--format", "json", "--original", "samples/originals/propublica-original.html", str(copy)))
    assert not _mismatch(entry)
    assert {"propublica/original-reporter", "propublica/fidelity"} <= _rules(entry, "findings")


def test_an_original_too_short_to_tell_is_compared(cli: Any, tmp_path: Path) -> None:
    # An original whose article holds a sentence (a page whose story was not read) says too little.
    original = write(tmp_path, "original.html", f'<article><h1>Other</h1><p class="byline">By {OTHER}</p><p>One sentence of another story.</p></article>')
    copy, _reporter = COPIES["propublica"]
    entry = _entry(cli("check", "--format", "json", "--original", str(original), copy))
    assert not _mismatch(entry)
    assert "propublica/original-reporter" in _rules(entry, "findings")


def test_a_copy_too_short_to_tell_is_compared(cli: Any, tmp_path: Path) -> None:
    # A copy cut to its lead (or a stub a CMS saved) says too little: compared with the original given.
    copy = write(tmp_path, "copy.md", f"# Welds\n\nBy {OTHER}, ProPublica\n\nThis story was originally published by ProPublica.\n\nFirst paragraph.\n")
    entry = _entry(cli("check", "--format", "json", "--original", "samples/originals/propublica-original.html", str(copy)))
    assert not _mismatch(entry)
    assert "propublica/original-reporter" in _rules(entry, "findings")


def test_another_story_by_the_same_reporter_is_said_and_not_compared(cli: Any, tmp_path: Path) -> None:
    # The likeliest wrong file: another of the same reporter's stories. Same language, no text or
    # headline in common: the reporters being the same does not make it the copy's story.
    original = write(tmp_path, "original.html", OTHER_STORY.replace(OTHER, "Hollis Brandt"))
    copy, _reporter = COPIES["propublica"]
    entry = _entry(cli("check", "--format", "json", "--original", str(original), copy))
    (note,) = _mismatch(entry)
    assert "shares no text with this copy, nor its headline" in note
    assert not {"propublica/fidelity", "creative-commons/source-link"} & _rules(entry, "findings")
