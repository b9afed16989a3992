"""A heading that starts another story (its own "By …" line, then its text) after a story's prose
ends the search for that story's byline, in Markdown and HTML alike: a story that prints no byline
above its text is not credited to the next story's reporter. The story's own byline above its
text, a subheading over more of its text and its foot byline, and a heading over the story's own
byline before any prose are read as before."""

from __future__ import annotations

import pytest

from compliance.document import parse_document

PROSE = [
    "The county board voted 5-2 on Tuesday to close the clinic after a year of losses, officials said in a statement.",
    "Patients will be sent to the hospital in the next county, about forty minutes away by car on rural roads.",
]
OTHER_PROSE = "Wells are running low across the valley, and growers say they will plant less this year than last."


def _markdown(headline: str, heading: str, byline: str) -> str:
    """A Markdown story under `headline` (a plain first line or a `#` heading), then another under
    `heading` with `byline`."""
    return "\n\n".join([headline, *PROSE, heading, byline, OTHER_PROSE]) + "\n"


def _html(headline: str, heading: str, byline: str) -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in PROSE)
    return f"<html><body><article>{headline}{paragraphs}{heading}<p>{byline}</p><p>{OTHER_PROSE}</p></article></body></html>"


def _names(source: str, kind: str) -> list[tuple[str, ...]]:
    return [byline.names for byline in parse_document(source, kind).bylines]


@pytest.mark.parametrize(
    ("headline", "heading", "byline"),
    [
        ("Clinic to close after a year of losses", "## Farmers brace for a dry summer", "By Other Person"),
        ("Clinic to close after a year of losses", "### Wells run low", "By Ana Ruiz, KFF Health News"),
        ("Clinic to close after a year of losses", "Farmers brace for a dry summer\n------------------------------", "Por Luis Pérez"),
        ("# Clinic to close after a year of losses", "## Farmers brace for a dry summer", "By Tom Lee | The Texas Tribune"),
    ],
)
def test_markdown_another_storys_byline_is_not_the_storys(headline: str, heading: str, byline: str) -> None:
    assert _names(_markdown(headline, heading, byline), "markdown") == []


def test_markdown_the_first_line_stays_the_headline_over_another_storys_heading() -> None:
    doc = parse_document(_markdown("Clinic to close after a year of losses", "## Farmers brace for a dry summer", "By Other Person"), "markdown")
    assert doc.headline is not None and doc.headline.text == "Clinic to close after a year of losses"


@pytest.mark.parametrize(
    ("headline", "heading", "byline"),
    [
        ("<h1>Clinic to close</h1>", "<h2>Farmers brace for a dry summer</h2>", "By Other Person"),
        ("<h1>Clinic to close</h1>", "<h3>Wells run low</h3>", "By Ana Ruiz, KFF Health News"),
    ],
)
def test_html_another_storys_byline_is_not_the_storys(headline: str, heading: str, byline: str) -> None:
    assert _names(_html(headline, heading, byline), "html") == []


@pytest.mark.parametrize("kind", ["markdown", "html"])
def test_the_storys_own_byline_above_its_text_stays(kind: str) -> None:
    if kind == "markdown":
        source = "\n\n".join(["Clinic to close", "By Jane Roe, CalMatters", *PROSE, "## Farmers brace", "By Other Person", OTHER_PROSE])
    else:
        source = _html("<h1>Clinic to close</h1><p>By Jane Roe, CalMatters</p>", "<h2>Farmers brace</h2>", "By Other Person")
    assert _names(source, kind)[0] == ("Jane Roe",)


@pytest.mark.parametrize("kind", ["markdown", "html"])
def test_a_subheading_over_more_text_and_the_foot_byline_keeps_it(kind: str) -> None:
    if kind == "markdown":
        source = "\n\n".join(["Clinic to close", PROSE[0], "## What comes next", PROSE[1], "By Jane Roe, CalMatters"]) + "\n"
    else:
        story = f"<h1>Clinic to close</h1><p>{PROSE[0]}</p><h2>What comes next</h2><p>{PROSE[1]}</p><p>By Jane Roe, CalMatters</p>"
        source = f"<html><body><article>{story}</article></body></html>"
    assert _names(source, kind) == [("Jane Roe",)]


def test_markdown_a_heading_over_the_storys_byline_before_any_prose_is_its_headline() -> None:
    source = "\n\n".join(["Weekend edition.", "## Clinic to close", "By Jane Roe, CalMatters", *PROSE]) + "\n"
    doc = parse_document(source, "markdown")
    assert [byline.names for byline in doc.bylines] == [("Jane Roe",)]
    assert doc.headline is not None and doc.headline.text == "Clinic to close"


@pytest.mark.parametrize("kind", ["markdown", "html"])
@pytest.mark.parametrize("foot", ["By Jane Roe @janeroe", "By Ana Ruiz, CalMatters"])
def test_a_last_subheading_over_a_paragraph_and_the_foot_byline_keeps_it(kind: str, foot: str) -> None:
    bio = "The reporter has covered rural health care for a decade and lives in the valley."
    if kind == "markdown":
        source = "\n\n".join(["# Clinic to close", *PROSE, "## Wrap-up", PROSE[0], foot, bio]) + "\n"
    else:
        story = f"<h1>Clinic to close</h1><p>{PROSE[0]}</p><p>{PROSE[1]}</p><h3>Wrap-up</h3><p>{PROSE[0]}</p><p>{foot}</p><p>{bio}</p>"
        source = f"<html><body><article>{story}</article></body></html>"
    doc = parse_document(source, kind)
    assert [byline.names for byline in doc.bylines] == [(foot.removeprefix("By ").split(" @")[0].split(",")[0],)]
    assert doc.headline is not None and doc.headline.text == "Clinic to close"
