"""A credit line's link that the page hides is searched as hidden credit text is: it never counts
as the visible credit or link back, and when what a reader sees makes up no pack, the hidden link
still says whose story the page republishes (the `credit-link` marker fires "hidden at line N"),
so that the pack applies and its rules report the hidden link. A hidden link that is no credit
line's (in a paragraph of the story, in the middle of it, in the page's menu, or naming another
outlet) applies no pack.

The pages go through `check_bytes`, the command line's path (the literal prefilter first)."""

from __future__ import annotations

import pytest

from compliance.engine import check_bytes
from compliance.findings import Report
from compliance.loading import load_packs

PACKS = load_packs()

# The page's style sheet: a class that hides, and WordPress's screen-reader clip.
STYLE_SHEET = """.rp-hide { display: none }
.screen-reader-text { clip: rect(1px, 1px, 1px, 1px); position: absolute; height: 1px; width: 1px; overflow: hidden }"""

PAGE = """<!DOCTYPE html>
<html lang="es"><head><meta charset="utf-8"><title>Sequía en los pueblos agrícolas</title>
<style>{style}</style>
</head>
<body>
<nav><a href="/">Inicio</a> {nav}</nav>
<article>
<h1>Los pueblos agrícolas se preparan para la sequía</h1>
<p class="byline">Por Ana Ruiz</p>
{top}
<p>En el condado de Makueni, donde la cosecha de maíz fracasó tres temporadas seguidas, los agricultores vuelven a sembrar sorgo.</p>
{middle}
<p>Los técnicos agrícolas dicen que piensan duplicar el número de parcelas de demostración el próximo año.</p>
{end}
</article>
</body></html>"""

# A credit line in Spanish, linking the original with the publisher's name: the words are no
# pack's English credit, the link is what says whose story it is.
CREDIT_LINKS = {
    "texas-tribune": '<a href="https://www.texastribune.org/2024/10/02/farm-towns/"{attrs}>The Texas Tribune</a>',
    "states-newsroom": '<a href="https://stateline.org/2024/10/02/farm-towns/"{attrs}>Stateline</a>',
    "the-19th": '<a href="https://19thnews.org/2024/10/farm-towns/"{attrs}>The 19th</a>',
}

# What reports the hidden link once the pack applies: the link back's rule ("the one at line N is
# hidden"); The 19th asks for a credit, not a link, and its credit rule reports the credit missing.
LINK_RULE = {"texas-tribune": "texas-tribune/link", "states-newsroom": "states-newsroom/link", "the-19th": "the-19th/credit"}

# Ways a page hides the link itself (on the `<a>`) or the credit line holding it; for those on the
# link, what the rule's detail says hides it.
ON_LINK = {
    "hidden attribute": (" hidden", "it has the `hidden` attribute"),
    "display none": (' style="display:none"', "its `style` attribute sets `display: none`"),
    "class hidden by the style sheet": (' class="rp-hide"', "the page's CSS sets `display: none` on it"),
    "screen-reader clip": (' class="screen-reader-text"', "the page's CSS sets `clip: rect(1px, 1px, 1px, 1px)` and `width: 1px` on it"),
    "off-screen": (' style="position:absolute;left:-9999px"', "its `style` attribute sets `left: -9999px`"),
    "zero size": (' style="display:inline-block;width:0;height:0;overflow:hidden"', "its `style` attribute sets `width: 0` and `height: 0`"),
    "no font size": (' style="font-size:0"', "its `style` attribute sets `font-size: 0`"),
}
ON_LINE = {
    "hidden line": "<p hidden>{line}</p>",
    "line hidden by the style sheet": '<div class="rp-hide"><p><em>{line}</em></p></div>',
    "line in a collapsed wrapper": '<div style="height:0;overflow:hidden"><p>{line}</p></div>',
}

SPANISH_LINE = "Este artículo se publicó originalmente en {link}."


def run(*, top: str = "", middle: str = "", end: str = "", nav: str = "") -> Report:
    page = PAGE.format(style=STYLE_SHEET, top=top, middle=middle, end=end, nav=nav)
    return check_bytes(page.encode(), "html", PACKS, path="story.html")


def hidden_notice(report: Report) -> str:
    (message,) = [n.message for n in report.notices if n.code == "hidden-markers"]
    return message


@pytest.mark.parametrize("pack", sorted(CREDIT_LINKS))
@pytest.mark.parametrize("hiding", sorted(ON_LINK))
@pytest.mark.parametrize("where", ["top", "end"])
def test_a_hidden_credit_link_applies_its_pack_and_its_rule_says_it_is_hidden(pack: str, hiding: str, where: str) -> None:
    attributes, hidden_by = ON_LINK[hiding]
    line = "<p>" + SPANISH_LINE.format(link=CREDIT_LINKS[pack].format(attrs=attributes)) + "</p>"
    report = run(**{where: line})
    assert report.packs == (pack,)
    (detection,) = [d for d in report.detections if d.pack == pack]
    # States Newsroom's Spanish credit line names the outlet: the hidden name is its hidden words too.
    assert detection.hidden == (("affiliate-credit-line", "credit-link") if pack == "states-newsroom" else ("credit-link",))
    assert hidden_notice(report).endswith("hidden at line 11" if where == "top" else "hidden at line 15")
    (finding,) = [f for f in report.findings if f.rule == LINK_RULE[pack]]
    assert finding.detail.endswith(f"is hidden ({hidden_by})") is (pack != "the-19th"), finding.detail


@pytest.mark.parametrize("hiding", sorted(ON_LINE))
def test_a_credit_line_hidden_around_its_link_applies_the_pack(hiding: str) -> None:
    line = ON_LINE[hiding].format(line=SPANISH_LINE.format(link=CREDIT_LINKS["texas-tribune"].format(attrs="")))
    report = run(end=line)
    assert report.packs == ("texas-tribune",)
    assert [d.hidden for d in report.detections if d.pack == "texas-tribune"] == [("credit-link",)]
    (finding,) = [f for f in report.findings if f.rule == "texas-tribune/link"]
    assert "hidden" in finding.detail


def test_the_same_credit_link_shown_applies_the_pack_without_the_notice() -> None:
    report = run(end="<p>" + SPANISH_LINE.format(link=CREDIT_LINKS["texas-tribune"].format(attrs="")) + "</p>")
    assert report.packs == ("texas-tribune",)
    assert "hidden-markers" not in {n.code for n in report.notices}
    assert "texas-tribune/link" not in {f.rule for f in report.findings}


HIDDEN_LINK = CREDIT_LINKS["texas-tribune"].format(attrs=' style="display:none"')
CITING = (
    "<p>Según {link}, el estado gastó más de 40 millones de dólares en pozos nuevos el año pasado, y los"
    " agricultores del condado dicen que ninguno de ellos llegó a sus tierras antes de la temporada de siembra,"
    " cuando más falta hacían.</p>"
)


@pytest.mark.parametrize(
    "place",
    [
        # A paragraph of the story that cites the publisher: more words than a credit line's.
        {"top": CITING.format(link=HIDDEN_LINK)},
        # A short line in the middle of the story, neither at its top nor at its end.
        {"middle": "<p>" + SPANISH_LINE.format(link=HIDDEN_LINK) + "</p>"},
        # The page's menu: not the story.
        {"nav": HIDDEN_LINK},
        # Another outlet's name on the link: not the Tribune's credit.
        {"end": "<p>" + SPANISH_LINE.format(link=HIDDEN_LINK.replace("The Texas Tribune", "El Paso Matters")) + "</p>"},
    ],
    ids=["citing paragraph", "middle of the story", "menu", "another outlet"],
)
def test_a_hidden_link_that_is_no_credit_line_applies_no_pack(place: dict[str, str]) -> None:
    report = run(**place)
    assert report.packs == ()
    assert "no-pack" in {n.code for n in report.notices}
