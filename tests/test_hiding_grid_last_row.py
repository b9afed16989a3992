"""The last item of a grid whose last row track is a zero length and that clips its overflow:
`.g{display:grid;grid-template-rows:auto 0;overflow:hidden}` around an intro and a credit. The
last row starts at the bottom of the grid's content (the grid is as tall as its tracks), and what
the item holds overflows it below, where the grid cuts it off (`grid_tracks.last_row_collapsed`).
Each row is checked in Chromium too (tests/test_browser.py): no ink of the hidden ones, some of the
others."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tests.test_hiding_families import byline_hidden, dcnf

GRID = "display:grid;grid-template-rows:auto 0;overflow:hidden"

# The markup (the byline's words in `{}`) → whether the checker calls the byline hidden.
GRID_LAST_ROWS = {
    f'<div style="{GRID}"><p>Intro.</p><p id=it>{{}}</p></div>': True,
    '<div style="display:grid;grid-template-rows:auto auto 0px;row-gap:10px;overflow-y:clip"><p>A</p><p>B</p><p id=it>{}</p></div>': True,
    "<style>.g{{display:grid;grid-template-rows:auto 0;overflow:hidden}}</style><div class=g><p>Intro.</p><div id=it>{}</div></div>": True,
    # Near misses: the overflow shows, another row follows, the grid's padding holds it, the byline
    # is placed first, pulled up, aligned to the end of its track, or in a `0fr` track (whose
    # minimum is its content).
    '<div style="display:grid;grid-template-rows:auto 0"><p>Intro.</p><p id=it>{}</p></div>': False,
    f'<div style="{GRID}"><p>Intro.</p><p id=it>{{}}</p><p>More.</p></div>': False,
    f'<div style="{GRID};padding-bottom:60px"><p>Intro.</p><p id=it>{{}}</p></div>': False,
    f'<div style="{GRID}"><p>Intro.</p><p id=it style="order:-1">{{}}</p></div>': False,
    f'<div style="{GRID}"><p>Intro.</p><p id=it style="margin-top:-40px">{{}}</p></div>': False,
    f'<div style="{GRID}"><p>Intro.</p><p id=it style="align-self:end">{{}}</p></div>': False,
    '<div style="display:grid;grid-template-rows:auto 0fr;overflow:hidden"><p>Intro.</p><p id=it>{}</p></div>': False,
    '<div style="display:grid;grid-template-rows:0 auto;overflow:hidden"><p>Intro.</p><p id=it>{}</p></div>': False,
}


@pytest.mark.parametrize("markup", sorted(GRID_LAST_ROWS))
def test_the_last_item_of_a_grid_whose_last_row_is_of_no_size_is_hidden_when_the_grid_clips(markup: str) -> None:
    assert byline_hidden(dcnf(byline=markup.format("By Maria Lopez"))) is GRID_LAST_ROWS[markup]


def test_the_readme_example_of_a_last_row_of_no_size_is_judged_as_it_says() -> None:
    section = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split("## What a reader sees", 1)[1].split("\n## ", 1)[0].split())
    assert "`.g{display:grid;grid-template-rows:auto 0;overflow:hidden}`" in section
    example = "<style>.g{{display:grid;grid-template-rows:auto 0;overflow:hidden}}</style><div class=g><p>Intro.</p><div id=it>{}</div></div>"
    assert GRID_LAST_ROWS[example] is True
    assert byline_hidden(dcnf(byline=example.format("By Maria Lopez")))
