"""Pseudo-classes matched as on a page a reader first sees (`compliance.document.first_sight`):
nothing hovered or filled in, the first `autofocus` element focused, what is open, required or
out of range as the markup says. `tests/test_browser.py` checks that Chromium matches, for every
selector here, the very elements the checker matches (`test_pseudo_classes_match_what_chromium_matches`)."""

from __future__ import annotations

from typing import Any

import pytest

from compliance.document import parse_document
from compliance.document.visibility import _ElementIndex, _selectors

# A page with an element of each kind the pseudo-classes tell apart, each with an id.
FIRST_SIGHT_MARKUP = """<!doctype html><html id=html><head id=head><link id=lnk rel=stylesheet href="data:text/css,"></head><body id=body>
<article id=art><p id=by class=byline>By Jane</p><a id=a1 href="#x">x</a><a id=a0>y</a><map id=m><area id=ar href="#"></map></article>
<x-card id=xc>c</x-card><button id=isb is="x-btn">b</button><font-face id=ff></font-face>
<form id=f><input id=i1 autofocus><input id=i2 required><input id=i3 placeholder=""><input id=i4 placeholder="p">
<input id=i5 placeholder="p" value="v">
<input id=r1 type=radio name=g><input id=r2 type=radio name=g><input id=r3 type=radio name=h checked><input id=r4 type=RADIO name=h>
<input id=cb type=checkbox checked><button id=b1>s</button><button id=b2>t</button><button id=b3 type=button autofocus>u</button>
<input id=n1 type=number min=1 max=5 value=9><input id=n2 type=number min=1 max=5 value=3><input id=n3 type=number value=2.5>
<input id=n4 type=number><input id=n5 type=number value=3><input id=n6 type=number value=2.5 step=0.5><input id=n7 type=number value=2.5 min=0 max=5>
<input id=n8 type=number value=2.5 step=any min=0><input id=n9 type=number value=abc><input id=n10 type=number value=4 min=1 step=2>
<input id=n11 type=number value=0.3 min=0 step=0.1><input id=n12 type=number value=-3 min=-5 max=-4>
<input id=rg type=range required><input id=dt type=date min=2020-01-01><input id=dt2 type=time>
<input id=d1 type=date value=2019-01-01 min=2020-01-01><input id=d3 type=month value=2021-03 max=2021-02>
<input id=d4 type=date value=2021-03-01 max=2021-03-02><progress id=pr></progress><progress id=pr2 value=1></progress>
<select id=sel required><option id=o1 value="">--</option></select><select id=sel2 required><option id=o2>a</option></select><select id=sel3>
<option id=o3 disabled>a</option><option id=o4>b</option></select><select id=sel4 size=3><option id=o5>a</option></select>
<textarea id=ta placeholder=x></textarea><textarea id=ta2 required>t</textarea><input id=ro readonly><input id=hid type=hidden>
<input id=chk2 type=checkbox required>
<fieldset id=fs disabled><input id=fsi><legend id=lg>l</legend></fieldset><fieldset id=fs2><input id=fs2i required></fieldset>
</form><form id=f2><input id=r5 type=radio name=g></form><input id=r6 type=radio name=z>
<div id=ce contenteditable><span id=ces>e</span><b id=cef contenteditable=false>n</b></div>
<details id=d open><summary id=s>s</summary></details><details id=d2><summary id=s2>s</summary></details><dialog id=dl open>d</dialog>
<div id=po popover>p</div>
<div id=rtl dir=rtl><span id=rtls>r</span><span id=rl dir=LTR>l</span></div><div id=auto dir=auto>שלום</div><div id=auto2 dir=auto>
<span dir=rtl>א</span>abc</div>
<bdi id=bdi>abc</bdi><bdi id=bdi2>مرحبا</bdi><div id=bad dir=sideways><i id=badi>x</i></div><input id=ia dir=auto value="שלום">
<ul id=ul><li id=l1 class=item>1</li><li id=l2>2</li><li id=l3 class=item>3</li><li id=l4 class=item>4</li></ul>
</body></html>"""

# Selectors with every pseudo-class Chromium knows that cssselect does not translate, and some it does.
FIRST_SIGHT_SELECTORS = [
    ":focus", ":focus-visible", ":focus-within", ":not(:focus-within)", ":link", ":any-link", ":-webkit-any-link", "a:not(:any-link)",
    ":defined", ":not(:defined)", ":window-inactive", ":horizontal", ":vertical", ":current", ":past", ":future", ":default",
    ":indeterminate", ":valid", ":invalid", ":in-range", ":out-of-range", ":required", ":optional", ":placeholder-shown",
    ":read-write", ":read-only", ":open", ":popover-open", ":dir(ltr)", ":dir(rtl)", ":dir(auto)", ":-internal-relative-anchor",
    ":modal", ":scope", ":host", ":start", ":end", ":target", ":autofill", ":-webkit-autofill", ":fullscreen", ":-webkit-full-screen",
    ":user-invalid", ":user-valid", ":hover", ":active", ":visited", ":picture-in-picture", ":xr-overlay", ":state(open)",
    ":active-view-transition", ":active-view-transition-type(x)", ":interest-source", ":interest-target", ":granted",
    ":target-current", ":target-before", ":target-after", ":-webkit-drag", ":-webkit-full-page-media", ":corner-present",
    ":decrement", ":increment", ":double-button", ":single-button", ":no-button", ":-webkit-full-screen-ancestor",
    ":-internal-autofill-previewed", ":-internal-autofill-selected", ":-internal-dialog-in-top-layer", ":-internal-popover-in-top-layer",
    ":-internal-menulist-popover-with-menulist-anchor", "li:nth-child(2 of .item)", "li:nth-last-child(1 of .item)",
    "li:not(:nth-child(odd of .item))", ":nth-child(1 of .byline)", "article:not(:focus-within) .byline", ".byline:defined",
    ".byline:dir(ltr)", "form:invalid", "fieldset:valid", ":checked", ":enabled", ":disabled", "li:not(.item, #l2)",
    "article > :not(a, map, [id=p1])",
]  # fmt: skip


# Pages where the first element given `autofocus` cannot take the focus: the next one takes it.
AUTOFOCUS_PAGES = [
    "<!doctype html><head></head><body id=body><div id=d hidden><input id=h autofocus></div>"
    "<dialog id=dl><input id=i0 autofocus></dialog><a id=a href=# autofocus>l</a><input id=i autofocus>",
    "<!doctype html><head></head><body id=body><input id=i0 disabled autofocus><input id=i1 type=hidden autofocus>"
    "<div id=d><button id=b autofocus>x</button></div>",
    "<!doctype html><head></head><body id=body><a id=a0 autofocus>l</a><div id=e tabindex=0 autofocus>y</div><p id=p contenteditable autofocus>z</p>",
]
FOCUS_SELECTORS = [":focus", ":focus-visible", ":focus-within", ":not(:focus-within)"]


def checker_matches(markup: str, selector_list: str) -> list[str]:
    """The ids of the elements the checker matches with the list, in document order."""
    root = parse_document(markup, "html").root
    index = _ElementIndex(root)
    found: set[Any] = set()
    for selector in _selectors(selector_list):
        found.update(index.select(selector))
    return [element.get("id") or element.tag for element in root.iter() if element in found]


@pytest.mark.parametrize(
    ("selector_list", "ids"),
    [
        (":focus", ["i1"]),
        (":focus-within", ["html", "body", "f", "i1"]),
        ("article:not(:focus-within) .byline", ["by"]),
        (":any-link", ["a1", "ar"]),
        (":not(:defined)", ["xc", "isb"]),
        (":dir(rtl)", ["rtl", "rtls", "auto", "span", "bdi2", "ia"]),
        (":open", ["d", "dl"]),
        (":popover-open", []),
        (":placeholder-shown", ["i3", "i4", "ta"]),
        (":indeterminate", ["r1", "r2", "pr", "r5", "r6"]),
        (":default", ["r3", "cb", "b1"]),
        (":invalid", ["f", "i2", "n1", "n7", "n10", "n12", "d1", "d3", "sel", "chk2", "fs2", "fs2i"]),
        (":checked", ["r3", "cb", "o1", "o2", "o4"]),
        (":out-of-range", ["n1", "n12", "d1", "d3"]),
        ("li:nth-child(2 of .item)", ["l3"]),
        ("li:not(:nth-child(odd of .item))", ["l2", "l3"]),
        (":hover, :modal, :user-invalid, :state(open)", []),
        ("li:not(.item, #l2)", []),
        ("article > :not(a, map, [id=p1])", ["by"]),
    ],
)
def test_a_pseudo_class_matches_what_a_reader_first_sees(selector_list: str, ids: list[str]) -> None:
    assert checker_matches(FIRST_SIGHT_MARKUP, selector_list) == ids


@pytest.mark.parametrize(("markup", "focused"), list(zip(AUTOFOCUS_PAGES, [["a"], ["b"], ["e"]], strict=True)))
def test_the_first_autofocus_element_that_can_take_the_focus_is_focused(markup: str, focused: list[str]) -> None:
    assert checker_matches(markup, ":focus") == focused


def test_a_direction_is_read_whatever_lxmls_global_function_namespaces_hold() -> None:
    # The function `:dir(auto)` calls goes with each compiled XPath: lxml's global registry is
    # shared with every library in the process, and one run of the suite found it not there.
    from lxml import etree

    from compliance.document.first_sight import FirstSightTranslator, compiled_xpath

    root = parse_document(b"<!doctype html><body><p id=a dir=auto>\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d</p><p id=b>x</p>", "html").root
    etree.FunctionNamespace("urn:syndcheck:first-sight").clear()
    assert [element.get("id") for element in compiled_xpath(FirstSightTranslator().css_to_xpath(":dir(rtl)"))(root)] == ["a"]
