"""The Republication Tracker Tool's attribution paragraph names the license the site chose
(includes/licenses.php of the plugin: "… republished here under a Creative Commons
Attribution-NoDerivatives 4.0 International License."): every licence name the plugin prints is
the attribution, in HTML, plain text and Markdown; a sentence naming anything else is not."""

from __future__ import annotations

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.findings import Severity
from compliance.loading import load_packs

PACKS = load_packs()
RTT = [p for p in PACKS if p.id == "republication-tracker"]

# The descriptions the plugin prints, one per license choice, and the older fixed wording.
PLUGIN_LICENSES = [
    "Creative Commons license",
    "Creative Commons Attribution 4.0 International License",
    "Creative Commons Attribution-ShareAlike 4.0 International License",
    "Creative Commons Attribution-NonCommercial 4.0 International License",
    "Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International License",
    "Creative Commons Attribution-NoDerivatives 4.0 International License",
    "Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International License",
    "CC0 1.0 Universal",
]
# Not the plugin's sentence: another license, a truncated or misspelt name.
NOT_PLUGIN_LICENSES = [
    "GNU Free Documentation License",
    "Creative Commons",
    "Creative Commons Attribution-NoDerivatives 3.0 Unported License",
    "Creative Commons Attribution-NoDerivs International License",
    "CC BY-ND 4.0",
]

BODY = [
    "The sign on the fence still shows a family pushing a shopping cart under the words Coming Soon.",
    "Three years later, the five-acre lot behind it holds weeds, a drainage ditch and broken concrete.",
    "The store was supposed to be the centerpiece of a $14 million redevelopment of the corridor.",
]
PIXEL = '<img id="republication-tracker-tool-source" src="https://fortworthreport.org/?republication-pixel=true&amp;post=187342" style="width:1px;height:1px;">'


def _html(license_name: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return (
        "<!DOCTYPE html><html><head><title>East side grocery</title></head><body><article>"
        '<h1>East side grocery</h1><p class="byline">by Tomasa Ruelas, Fort Worth Report <br />March 4, 2024</p>'
        f"{paragraphs}"
        '<p>This <a target="_blank" href="https://fortworthreport.org/2024/03/04/grocery/">article</a> first appeared on '
        '<a target="_blank" href="https://fortworthreport.org">Fort Worth Report</a> and is republished here under a '
        f'<a target="_blank" href="https://creativecommons.org/licenses/by-nd/4.0/">{license_name}</a>.{PIXEL}</p>'
        "</article></body></html>"
    )


def _text(license_name: str) -> str:
    body = "\n\n".join(BODY)
    return (
        f"East side grocery\n\nBy Tomasa Ruelas, Fort Worth Report\n\n{body}\n\n"
        f"This article first appeared on Fort Worth Report and is republished here under a {license_name}.\n"
    )


def _markdown(license_name: str) -> str:
    body = "\n\n".join(BODY)
    return (
        f"# East side grocery\n\nBy Tomasa Ruelas, Fort Worth Report\n\n{body}\n\n"
        "This [article](https://fortworthreport.org/2024/03/04/grocery/) first appeared on "
        "[Fort Worth Report](https://fortworthreport.org) and is republished here under a "
        f"[{license_name}](https://creativecommons.org/licenses/by-nd/4.0/).\n"
    )


SHAPES = {"html": _html, "text": _text, "markdown": _markdown}


def _rules(source: str, kind: str, *, detect: bool) -> tuple[tuple[str, ...], set[str]]:
    doc = parse_document(source.encode(), kind)  # type: ignore[arg-type]
    result = check_document(doc, PACKS if detect else RTT, path="story", auto_detect=detect)
    return tuple(result.packs), {f.rule for f in result.findings if f.severity == Severity.ERROR}


@pytest.mark.parametrize("kind", sorted(SHAPES))
@pytest.mark.parametrize("license_name", PLUGIN_LICENSES)
def test_every_license_the_plugin_prints_is_the_attribution(kind: str, license_name: str) -> None:
    source = SHAPES[kind](license_name)
    packs, errors = _rules(source, kind, detect=True)
    assert packs == ("republication-tracker",)
    assert errors == set()
    # And with the pack named: the attribution is found, printed once.
    _, errors = _rules(source, kind, detect=False)
    assert "republication-tracker/attribution" not in errors


@pytest.mark.parametrize("kind", sorted(SHAPES))
@pytest.mark.parametrize("license_name", NOT_PLUGIN_LICENSES)
def test_a_sentence_naming_another_license_is_not_the_attribution(kind: str, license_name: str) -> None:
    _, errors = _rules(SHAPES[kind](license_name), kind, detect=False)
    assert "republication-tracker/attribution" in errors


def test_the_states_newsroom_rtt_footer_naming_its_license_is_the_attribution() -> None:
    source = _html("Creative Commons Attribution-NoDerivatives 4.0 International License").replace("Fort Worth Report", "Nebraska Examiner")
    _, errors = _rules(source, "html", detect=False)
    assert "republication-tracker/attribution" not in errors
