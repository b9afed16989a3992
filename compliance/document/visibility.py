"""What a reader can see.

Skipped outright: scripts, styles, templates, form controls and the like (`SKIP_TAGS`). Hidden by
markup: the `hidden` attribute, a closed `popover`, what a browser's own style hides (`<rp>`…),
fallback content (of a `<video>`, `<canvas>`…: see `hides_its_content`), `<input type=hidden>`, a `<dialog>` without `open`, an AMP
component with `layout="nodisplay"`, a visually-hidden helper class, and (decided by the walk)
everything in a closed `<details>` but its `<summary>` and in a collapsed `<amp-accordion>`
section (one without `expanded`) but its heading. Hidden by the page's own CSS — `style` attributes and `<style>` blocks, applied by
selector matching with the cascade's precedence (`!important`, inline, layer, specificity, scope
proximity, order;
the `hidden` attribute is a user-agent `display: none` any author `display` overrides), custom
properties filled in where a hiding property uses `var()`, math functions worked out:

- `display: none`; `opacity` (or a `filter`'s or `-webkit-filter`'s `opacity()`) of 0.017 or less;
  `transform`/`scale` by 0.01 or less (`css.NEGLIGIBLE_TRANSFORM_SCALE`); `clip`/`clip-path` to
  nothing; a `zoom` next to zero, an edge-on rotation (not under an ancestor's `perspective`), a
  transparent mask or one that keeps nothing by its properties together (`masking`), a picture
  moved out of its box (`vanishing`); a box moved out of an ancestor
  that clips its overflow (`clipping`); a width or height of 2px or less on an axis that cuts
  off its overflow (`clipping.cuts_off_overflow`), or a block of no height by `contain: size` or
  lines of `line-height: 0` that does (`containment`), and an `<svg>` of no size (which clips by default);
  `margin-left`, `margin-top` (or the `margin` shorthand's) of -1000px or less, `left`, `top`
  (or `inset`'s) as far on a positioned element (a percentage of the containing block's width,
  a translation's of its own box: `offsets`), an absolutely positioned box placed wholly above
  or left of the page (`_placed_from_the_page`), or past the largest screen from its far side
  (`offsets.placed_past_the_far_side`), or a box of text placed above the page by more than it
  can be tall (`_above_the_page`, `stacked_lines`), or a box of one image by more than its image
  and a line can be (`_image_box_height`), a `position: fixed` box placed outside the
  viewport (`_outside_the_viewport`: on any side, by its own size) or translated a whole viewport
  out of it (`_translated_off_the_viewport`), an absolutely positioned box placed from the page
  left of it by its own width, or right of a page that does not scroll sideways
  (`_beside_the_page`), a box whose own moves put its left edge past the screen's right edge on
  every screen, of a page that does not scroll sideways (`_a_screen_right`: `left: 100vw`,
  `margin-left: 150vw`, `translateX(100vw)`, lengths across: `offsets.Across`), an image whose paddings and borders leave its picture no
  content box (`content_box`),
  or such a `text-indent` or translation; content indented out of a clipped one-line box (image
  replacement); `content-visibility: hidden` on an element holding it: the element and all it
  holds are off the screen, whatever its descendants say;
- `visibility: hidden|collapse`: until a descendant says `visible`;
- a `font-size` under 6px, too small to read (`unreadably_small`), or one the scales and zooms in force draw as small (`Rendering.shrunk`;
  an image of a known size they draw under 6px is gone: `_image_shrunk`), or a `font-size-adjust` of 0: the text is gone (images are not)
  until a descendant sets a readable size (one in `em` or `%` is worked out from the parent's, 16px by default);
- a text colour a reader cannot tell from the background colour set on the element or an
  ancestor, or from the white canvas where the checker can be sure nothing else is behind it
  (`page_canvas`): one rule and one threshold for both, CIELAB ΔE under 5 (`colour_difference`;
  yellow on white is seen, `#f5f5f5` on white is not). Each colour is set by a `<style>` rule, a
  `style` attribute or, with the least precedence, a `<font color>` or `bgcolor`
  (`presentational_colours`). Text faded by the opacity in force is judged as the colour it
  paints at that opacity over the background (`faded`), and an image no colour of which shows at
  it (`faded_into_background`). A transparent text colour that is not a `background-clip: text`
  effect is hidden too (one that is shows the element's own background colour, judged as a text
  colour: `_own_background_colours`, and nothing where it has none) (`-webkit-text-fill-color`, when set, is the text's colour); a `filter` of
  colour steps paints the text and the backgrounds set inside it (`colour_filters`), and an image
  it paints one colour that cannot be told from the background is not seen, nor an opaque one it
  paints one colour at all (`_picture_lost`); a text shadow off
  every screen or blurred far wider than the glyphs shows nothing of them (`text_shadows`); and
  text a `filter: blur()` in force smears by half its font size or more is unreadable (`filter_blur`),
  an image by half its smaller side (`_picture_lost`);
- a `letter-spacing` of -0.5em or less of the font size: the letters pile up (`_SQUEEZED_SPACING_EMS`);
- in a block box one line high that clips its overflow (`clipping.one_line_box`), the blocks
  in normal flow that start after its first line (which text, a no-break space or another
  character CSS does not collapse, a visible image or an atomic inline box begins) or whose first line the page's top margins and paddings push
  below it, and all that follows a `<br>` that ends it
  (the walk decides: `html`, by `clipping.flow_in_line_box` and `clipping.holds_lines_of_box`);
- what rules under several media queries hide together on every screen
  (`screen_hiding.hidden_on_every_screen`: `(max-width: 700px)` and `(min-width: 700.02px)`);
- a grid item in a track of no size that clips what it holds (`grid_tracks`: the closed CSS
  accordion, `grid-template-rows: 0fr` and `overflow: hidden`), and the last item of a grid that
  clips and whose last row is a zero length (`grid-template-rows: auto 0`:
  `grid_tracks.last_row_collapsed`);
- painted over by something opaque (`paint_order`): a box of a negative `z-index` under the
  background of an ancestor inside its stacking context, and what a positioned box holds under
  an absolutely positioned child that fills it with an opaque background, at a higher level;
- on an element that runs CSS animations, where they leave it once run (`animation`: the last
  keyframe a fill mode keeps, else its own values); when that is not known, its `opacity`,
  `filter`, `visibility` and `transform` are not judged (a fade-in is seen).

Images sized in percent of a box 2px wide or less (`Rendering.narrow`: `max-width: 100%` in
`<div style="width:2px">`, or in a flex item of `width: 1px` that does not grow, or by
percentages of percentages of a definite width: `_containing_width`) are 2px wide or less, and
not seen. An image's `onload` handler that
certainly shows it has run (`onload`); the words a `::before` or `::after` generates are text
(`generated`).

Images: one with no picture to load (no `src`, `srcset`, lazy-loader address or `<picture>`
source that is not empty, nor a `data:` picture a browser can decode: `data_images.undrawable`,
nor anything but a placeholder: `is_placeholder`, a `blank.gif` read by its name alone),
and one drawn too small to be seen, under 6px (`drawn_too_small`: its `width`/`height`
attributes, `drawn_by_attribute`, or its CSS in px, `_picture_too_small`, `_css_small_images`), or —
with no lazy-loader address to be replaced from — every picture a browser may choose for it from
its `<picture>`, `srcset` and `src` a `data:` image whose own size says so (2px or less at 1x: a
PNG, GIF, WebP or JPEG header, an SVG's `width`/`height` or `viewBox`; under 6px over its density
descriptor), or drawn as wide as a `sizes` under 6px, or at a density of 500x or more: `_drawn_tiny`) is not a
visible image, nor one whose every picture a browser may paint is a placeholder
(`shows_only_placeholders`: `srcset="pixel.gif 1x"` over a logo `src`).

Not applied, so that nothing a reader sees is ever called hidden: stylesheets the page links to
(they are not fetched: a `data:` stylesheet, whose text is in the page, is applied), `<style>`
blocks a browser does not apply (`applied_sheets`), rules in other media queries, a rule with a
selector Chromium cannot parse (`.x, .y:-moz-focusring`: it drops the whole rule; the arguments
of `:is()`/`:where()` it forgives are left out: `selector_lists`), selectors with pseudo-elements
(but for the words they generate) or that cssselect cannot read (`:not(a b, .c)`,
`:nth-child(2n of .a .b)`: the rest of their list is applied; the pseudo-classes Chromium knows
are matched as on the page a reader first sees, nothing focused but an `autofocus` control,
nothing hovered or filled in: `first_sight`), rules in a `@scope` without a root (whose root is
the `<style>` element's parent) or in one whose root or limit cssselect cannot read, rules for
pages without scripts (`.no-js`), a rule that hides `<html>` or
`<body>` of a page that runs scripts (a loading screen that they lift), the entrance effects a
script of such a page lifts (`reveals`: `.reveal{opacity:0} .reveal.is-visible{opacity:1}`, AOS's
`[data-aos]` with its script), and `opacity` that a stylesheet gives a lazy-loaded element (the
loader's fade-in). `aria-hidden` is about screen readers: such content is
still on the screen.
"""

from __future__ import annotations

import copy
import functools
import itertools
import math
import re
import struct
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from compliance.document import (
    blending,
    colour_filters,
    colour_scheme,
    containment,
    css_colour,
    flow_clip,
    grid_tracks,
    line_clip,
    offsets,
    references,
    reveals,
)
from compliance.document.animation import ANIMATION_PROPERTIES, Keyframes, end_state, page_keyframes
from compliance.document.clipping import (
    INLINE_BOX_DISPLAYS,
    Clip,
    clipping_size,
    cuts_off_overflow,
    declares_one_line_box,
    move_px,
    moved_out,
    one_line_box,
    overflow_axes,
    padding_px,
    size_px,
    sizes_clip,
)
from compliance.document.colour_difference import close_enough, indistinguishable, lab
from compliance.document.css import (
    CSS_WIDE_KEYWORDS,
    FAMILIES,
    FLEX_PROPERTIES,
    FONT_UNIT_EMS,
    GRADIENTS,
    NEAR_ZERO_OPACITY,
    NEGLIGIBLE_SCALE,
    RELATIVE_FONT_UNITS,
    ROOT_FONT_UNIT_EMS,
    SHEETS_CACHED,
    UNREAD_SIDE,
    VIEWPORT_UNITS_OF_AXIS,
    Declaration,
    FlexFactors,
    Scoping,
    StyleRule,
    clips_to_nothing,
    colour,
    display_keyword,
    filter_opacity,
    flex_factors,
    gradient_stops,
    legacy_colour,
    length_px,
    nests_too_deep,
    number,
    parse_style_attribute,
    parse_style_sheet,
    per_declaration,
    per_sheet,
    refused,
    registered_properties,
    registrations,
    scales_to_nothing,
    side_value,
    split_commas,
    substitute_variables,
    translation_px,
    variables_used,
)
from compliance.document.data_images import fully_transparent, jpeg_size, svg_root, undrawable
from compliance.document.data_sheets import data_sheet_text, with_data_imports
from compliance.document.data_urls import read_data_url
from compliance.document.elements import BLOCK_TAGS, CLASS_VALUES_CACHED, class_tokens
from compliance.document.fading import NOT_FADED, Fading, shrinks_undoably
from compliance.document.first_line import first_line_rules, may_break_words, text_widening
from compliance.document.generated import DetailsContent, details_content, generated_text
from compliance.document.model import attribute_pixels
from compliance.document.nesting import MATHML_TEXT_INTEGRATION_POINTS
from compliance.document.selector_lists import chromium_selectors, cssselect_form, parsed_selectors, selector_readable, without_brackets
from compliance.document.svg_drawing import holds_nothing_to_paint
from compliance.document.svg_text import holds_text, paint_colours
from compliance.document.vanishing import VANISHING_PROPERTIES, data_svg_draws_nothing, paints_nothing
from compliance.firstuse import on_first_use

if TYPE_CHECKING:
    # Imported where a page's CSS first needs them (a transform, a mask, a filter, a text
    # shadow…): most pages need none, and a one-file check (a pre-commit hook) loads only those its
    # page does.
    from compliance.document import projection
    from compliance.document.shadow import ShadowTrees

# Content a reader never sees: skipped entirely, images included.
SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "template",
        "head",
        "title",
        "meta",
        "link",
        "base",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "select",
        "textarea",
        "button",
    }
)
# Skipped tags whose content is not rendered at all (the others render something of their own,
# such as a button's label or an iframe's page, that the checker does not read).
NOT_RENDERED_TAGS = frozenset({"template"})
IMAGE_TAGS = frozenset({"img", "amp-img", "amp-anim"})
# Elements a browser's own style sheet hides (HTML, 15.3.1 "Hidden elements") that may stand in a
# page's body: an `<rp>` (the parentheses only browsers without ruby layout show), a `<datalist>`…
UA_HIDDEN_TAGS = frozenset({"rp", "datalist", "noembed", "noframes", "param", "area"})
# Visually hidden helpers used by WordPress and CSS frameworks: screen-reader text is not what an
# editor sees on the page, nor is what Bootstrap's and Tailwind's `invisible` hide
# (`visibility: hidden`).
# (Bootstrap 5's `visually-hidden-focusable` shows only while it has the keyboard's focus: a skip
# link's class, hidden from every reader who is not tabbing through the page.)
_SCREEN_READER_CLASSES = frozenset({"screen-reader-text", "sr-only", "visually-hidden", "visually-hidden-focusable", "visuallyhidden"})
_HIDDEN_CLASSES = frozenset({*_SCREEN_READER_CLASSES, "hidden", "d-none", "invisible"})
# Attributes a lazy-loader reads: a stylesheet's opacity on such an element is its fade-in.
_LAZY_ATTRIBUTES = ("data-src", "data-srcset", "data-lazy-src", "data-lazy-srcset", "data-original", "data-bg")
# Where an image, or the lazy-loader that fills it in, reads the address of its picture.
IMAGE_SOURCE_ATTRIBUTES = ("src", "data-src", "data-lazy-src", "data-original", "data-orig-file", "data-url")
IMAGE_SRCSET_ATTRIBUTES = ("srcset", "data-srcset", "data-lazy-srcset")
LOADER_SOURCE_ATTRIBUTES = tuple(a for a in (*IMAGE_SOURCE_ATTRIBUTES, *IMAGE_SRCSET_ATTRIBUTES) if a not in ("src", "srcset"))
_FAR_OFF_SCREEN_PX = -1000.0
# Right of this (px) a box is past any screen (a 5K display is 5120px wide): on a page that does not
# scroll sideways, no reader reaches it.
_PAST_ANY_SCREEN_PX = 5120.0
_TINY_IMAGE_PX = 2.0
_TINY_BOX_PX = 2.0
# Text smaller than this cannot be read: Chromium's minimum logical font size, the 6px it keeps
# text at, "to keep fonts readable", where a page asks for less in a unit relative to the
# reader's default (`font-size: 0.1em` is drawn at 6px there; Firefox draws it at 1.6px, as asked,
# and the size the page asks for is the one judged). Smaller, a lowercase letter is under 3px
# high (x-heights are about half an em), under the 5 minutes of arc a reader of normal sight
# resolves at the distance the CSS pixel is defined for; 6px and larger is small print, seen.
_SMALLEST_READABLE_TEXT_PX = 6.0
# A browser's default font size, that of an element whose ancestors set none.
_DEFAULT_FONT_PX = 16.0
# Font-relative units as multiples of the parent's font size (`ex` and `ch` about half an em).
_EMS_PER_UNIT = {**FONT_UNIT_EMS, "%": 0.01}
# A `letter-spacing` of half an em or less (of the element's font size) squeezes text onto
# itself: a Latin letter is about half an em wide on average (a monospace one 0.6em, a Han
# character 1em), so each letter then starts where the one before it started, or further back,
# and the letters pile up or run backwards. Headlines tighten by a few hundredths of an em
# (-0.02em to -0.1em at most), far above this.
_SQUEEZED_SPACING_EMS = -0.5
# An absolute spacing that can squeeze text of 8px or more (the smallest print pages use): a
# `<style>` rule with a smaller one is not worth matching (a headline's -1px or -2px).
_SQUEEZING_SPACING_PX = _SQUEEZED_SPACING_EMS * 8.0
# A `word-spacing` of -8em or less moves each word back past where the one before it started, for
# any word of up to 15 Latin letters (7.5em) with its space: the words pile onto the first, or
# off the screen to its left (`-9999px`); what is left readable is at most the line's first word,
# never a byline. Tightened text uses a fraction of an em.
_SPREAD_WORDS_EMS = -8.0
_SPREADING_SPACING_PX = _SPREAD_WORDS_EMS * 8.0
# A scale or zoom that shrinks text of 8px or more below the smallest readable size
# (`_SMALLEST_READABLE_TEXT_PX`): one that shrinks less is not worth reading the font sizes for.
_SHRINKING_FACTOR = _SMALLEST_READABLE_TEXT_PX / 8.0


def unreadably_small(font_px: float) -> bool:
    """True when text drawn at this size (in CSS pixels) is too small to read: smaller than
    `_SMALLEST_READABLE_TEXT_PX`, 6px."""
    return font_px < _SMALLEST_READABLE_TEXT_PX


# A picture drawn smaller than this on a side is too small to be seen as one: a logo's letters and
# marks are no taller than the logo, so under 6px they are smaller than the smallest text a reader
# can read (`_SMALLEST_READABLE_TEXT_PX`); a 5×5px logo is a dot. (A `data:` picture of its own
# size 2px or less is a blank however large it is drawn: `_TINY_IMAGE_PX`.)
_SMALLEST_SEEN_PICTURE_PX = _SMALLEST_READABLE_TEXT_PX


def drawn_too_small(size_px: float) -> bool:
    """True when a picture drawn this wide or high (in CSS pixels) is too small to be seen as a
    picture: smaller than `_SMALLEST_SEEN_PICTURE_PX`, 6px."""
    return size_px < _SMALLEST_SEEN_PICTURE_PX


# The properties that give text its colour: `-webkit-text-fill-color`, when set, paints it instead of `color`.
_TEXT_COLOURS = ("color", "-webkit-text-fill-color")

Colour = tuple[float, float, float, float]


# A browser paints the canvas white (CSS Color Adjustment 1: the `light` color scheme's canvas
# colour) unless the page asks for another scheme or paints it (see `page_canvas`). Text on it is
# judged as on a white background the page declares (`colour_difference`).
WHITE_CANVAS: Colour = (1.0, 1.0, 1.0, 1.0)


class Rendering(NamedTuple):
    """How an element shows, as far as its content inherits it.

    `hidden`: nothing inside is on screen and no descendant can change that. `invisible`:
    `visibility: hidden` is in force (a descendant may say `visible`). `text_hidden`: a zero font
    size is in force. `colour`/`background`: the text colour and the nearest background colour
    the page sets (None when it sets none, or a background image makes the colour unknowable).
    `clipped_text`: the text colour is painted through the background (`background-clip: text`).
    `blends_in`: the text colour cannot be told from the background (see `text_blends_in`).
    `fill`: the `-webkit-text-fill-color` in force, which paints text instead of `colour` (None
    when none is set, or it is `currentcolor`). `font_px`: the font size in CSS pixels, that sizes
    in `em` and `%` are relative to (16px unless the page's CSS sets another). `variables`: the
    custom properties in force (inherited, as CSS Custom Properties has them), by name; None
    when there are none. `letter_spacing`: the `letter-spacing` in force in CSS pixels (it
    inherits as a length, a spacing in `em` worked out where it is set). `clip`: the nearest
    ancestor that clips its overflow with a known size, as the element's content sees it (see
    `clipping`); None when there is none. `perspective`: an ancestor sets the `perspective`
    property, under which a box turned edge-on is seen at an angle, not as a line. `one_line`:
    the nearest ancestor (or the element) that shows one line of its content only (see
    `clipping.one_line_box`), whose later blocks the walk hides; None when there is none.
    `outline`: the colour a `text-shadow` or a `-webkit-text-stroke` in force paints the glyphs
    with (both inherit), which shows the text whatever its own colour; None when neither paints one.
    `fading`: the opacity, scale and zoom left by the element and its ancestors together (see
    `fading`). `root_font_px`: the root element's font size, that sizes in `rem` are relative to.
    `narrow`: the width in CSS pixels of the box the element's content is laid out in, when the
    page's CSS makes it 2px or less (`_narrow_box`): an image sized in percent of it shrinks to
    it; None otherwise. `span`: that width when the `style` attributes and the rules matched
    give it and it is wider (`width: 10px`), so that percentages inside may still make a narrow
    box (`width: 10%` in it is 1px); None when it is not known or narrow. Both only point at
    what to read: an image is judged by its ancestors' CSS read whole (`_containing_width`).
    `colour_filter`: the colour steps of the `filter`s of the element and its ancestors, which
    paint its text and the backgrounds set inside them (`colour_filters`); None when one of them
    does more than change colours, and colours are then not judged.
    `masked`: a `-webkit-text-security` in force draws the text as bullets (`MASKING_TEXT_SECURITY`).
    `blend`: the `mix-blend-mode` group the element is painted in (`blending`); None when none,
    or one not judged.
    `indent`: a `text-indent` an ancestor of `display: contents` passes on, which its content
    inherits and each block container in it applies to its first line (see `_inherited_indent`);
    None when there is none.
    `blur`: the radius in CSS pixels that the `filter: blur()`s of the element and its ancestors
    blur its content by together (`filter_blur.composed`); text blurred by half its font size or
    more cannot be read (`filter_blur.unreadable`).
    `word_spacing`: the word spacing in force, in pixels (inherited as a length, like
    `letter_spacing`); one that moves each word back past where the one before it starts piles
    the words up (`_SPREAD_WORDS_EMS`).
    """

    hidden: bool = False
    invisible: bool = False
    text_hidden: bool = False
    colour: Colour | None = None
    background: Colour | None = None
    clipped_text: bool = False
    blends_in: bool = False
    fill: Colour | None = None
    font_px: float = _DEFAULT_FONT_PX
    variables: Mapping[str, tuple[Any, ...]] | None = None
    letter_spacing: float = 0.0
    clip: Clip | None = None
    perspective: bool = False
    one_line: Any = None
    outline: Colour | None = None
    fading: Fading = NOT_FADED
    root_font_px: float = _DEFAULT_FONT_PX
    narrow: float | None = None
    span: float | None = None
    colour_filter: colour_filters.ColourFilter | None = ()
    indent: Declaration | None = None
    blend: blending.Blend | None = None
    masked: bool = False
    blur: float = 0.0
    word_spacing: float = 0.0

    @property
    def shows_boxes(self) -> bool:
        """True when images and other boxes inside are on screen."""
        return not self.hidden and not self.invisible and not self.fading.gone

    @property
    def shows_text(self) -> bool:
        """True when text inside is on screen and readable."""
        if not self.shows_boxes or self.text_hidden or self.blends_in:
            return False
        return not self.squeezed and not self.masked and not self.blurred and not self.shrunk

    @property
    def shrunk(self) -> bool:
        """True when the scales and zooms in force draw the text too small to read, as a font
        size under 6px is (`unreadably_small`): 16px text at `zoom: 0.3`, 10px text at `scale(0.5)`."""
        shrink = self.fading.scale * self.fading.zoom
        return shrink < 1 and unreadably_small(self.font_px * shrink)

    @property
    def blurred(self) -> bool:
        """True when a `filter: blur()` in force smears the text past reading (`filter_blur.unreadable`)."""
        if self.blur <= 0:
            return False
        from compliance.document.filter_blur import unreadable

        return unreadable(self.blur, self.font_px)

    @property
    def squeezed(self) -> bool:
        """True when the letter spacing piles the letters onto each other (see
        `_SQUEEZED_SPACING_EMS`), or the word spacing the words (`_SPREAD_WORDS_EMS`)."""
        if self.word_spacing < 0 and self.word_spacing <= _SPREAD_WORDS_EMS * self.font_px:
            return True
        return self.letter_spacing < 0 and self.letter_spacing <= _SQUEEZED_SPACING_EMS * self.font_px


def text_blends_in(text_colour: Colour | None, background: Colour | None, clipped_text: bool) -> bool:
    """True when text of this colour cannot be read on this background: fully transparent (and
    not a `background-clip: text` effect), or a colour a reader cannot tell from an opaque
    background, the canvas included (`colour_difference.indistinguishable`)."""
    if text_colour is None or clipped_text:
        return False
    if text_colour[3] == 0:
        return True
    return background is not None and background[3] == 1 and indistinguishable(text_colour, background)


def blends_into(rendering: Rendering) -> Callable[[Colour], bool] | None:
    """Whether text painted in a colour (an `<svg>`'s `fill`) inside an element of this rendering
    cannot be read on the background behind it, through the colour filters in force, as
    `text_blends_in` judges HTML text; None when the background is not known or a filter in
    force is not read (nothing is judged then)."""
    chain, background = rendering.colour_filter, rendering.background
    if chain is None or background is None:
        return None
    return lambda painted: text_blends_in(colour_filters.filtered(painted, chain) if chain else painted, background, False)


SHOWN = Rendering()
HIDDEN = Rendering(hidden=True)


# Utility classes that show an element from some screen width on: Tailwind's (`hidden md:block`,
# `invisible lg:visible`) and Bootstrap's (`d-none d-md-block`; not `d-print-block`, which shows
# it on paper only).
_RESPONSIVE_DISPLAY = on_first_use(
    r"^(?:[a-z0-9-]+:|d-(?:sm|md|lg|xl|xxl)-)"
    r"(block|flex|inline|inline-block|inline-flex|grid|inline-grid|table|table-row|table-cell|contents|flow-root|list-item|visible)$"
)


@functools.lru_cache(maxsize=CLASS_VALUES_CACHED)
def hides_by_class(value: str) -> bool:
    """True when a `class` attribute value names a visually-hidden helper class that no
    responsive class shows again on some screens (`_RESPONSIVE_DISPLAY`): a `display` one for
    any helper but `invisible`, which only a `visible` one undoes (`invisible md:block` is
    still `visibility: hidden`)."""
    tokens = class_tokens(value)
    helpers = tokens & _HIDDEN_CLASSES
    if not helpers:
        return False
    shown = {found.group(1) for token in tokens if (":" in token or token.startswith("d-")) and (found := _RESPONSIVE_DISPLAY().match(token))}
    if helpers - {"invisible"} and not shown - {"visible"}:
        return True
    return "invisible" in helpers and "visible" not in shown


def is_hidden(element: Any, tag: str, helper_classes_hide: bool = True) -> bool:
    """True when markup hides the element itself (not counting its ancestors or CSS); `tag` is
    its lower-cased tag name. `helper_classes_hide`: a visually-hidden helper class hides (on a
    page whose stylesheets are all read it does not: their CSS decides, see `PageStyle`)."""
    if element.get("hidden") is not None or _closed_popover(element):
        return True
    if tag in UA_HIDDEN_TAGS:
        return True
    if tag == "input" and (element.get("type") or "").lower() == "hidden":
        return True
    if tag == "dialog" and element.get("open") is None:
        return True
    # An AMP component laid out as `nodisplay` is `display: none` (the AMP runtime's own CSS).
    if tag.startswith("amp-") and (element.get("layout") or "").strip().lower() == "nodisplay":
        return True
    value = element.get("class")
    return hides_by_class(value) if value and helper_classes_hide else False


def what_hides(element: Any, *, guessing: bool = True, helper_classes: bool = True) -> str:
    """What the page's markup or CSS declares on the element, or on the nearest element around it
    that declares such a thing, that takes it off the screen, in words for an editor: "the page's
    CSS sets `display: none` on it", "the `<div class="wrap">` around it at line 4 has the `hidden`
    attribute". Failing that, the colours and fading it or the nearest element around it sets
    ("the page's CSS sets `color: #fff` on it"), which hide text that blends into what is behind
    it (without `guessing`, these are not named: `what_lays_out` may tell better). Empty when
    neither says (a box moved out of one that clips it, a cover painted over it: what takes more
    than one element's declarations to tell). For an element a reader does not see; read on
    demand, for a report (the page's rules are matched anew). `helper_classes`: a visually-hidden
    helper class (`sr-only`) hides as its name says (`PageStyle.helper_classes_hide`)."""
    if not isinstance(getattr(element, "tag", None), str):
        return ""
    chain = [element, *(node for node in element.iterancestors() if isinstance(node.tag, str) and node.tag.lower() not in ("html", "body"))]
    names = tuple(FAMILIES)
    # Rules every reader meets first: one in a media query only some screens meet hides the
    # element only there, which a warning of its own reports.
    everywhere = _NO_PAGE_STYLE.on_demand_of(chain, names, every_screen=True)
    # What takes an element away whatever else is so (`display: none` on a box around it) is
    # named before what hides on its own (a font size under 6px on the element itself).
    found = _hiding_declared(chain, everywhere, _takes_away, helper_classes) or _hiding_declared(chain, everywhere, _hides_alone, helper_classes)
    found = found or _hiding_declared(chain, _NO_PAGE_STYLE.on_demand_of(chain, names), _hides_alone, helper_classes)
    return found or (_hiding_declared(chain, everywhere, _colours_fades_or_shrinks, markup=False) if guessing else "")


def what_lays_out(element: Any, painted_by: Mapping[Any, Any], clippers: frozenset[Any]) -> str:
    """What the layout around an element a reader does not see hides it with, in words for an
    editor, as `what_hides` words what its declarations do: the cover painted over it, over a
    box around it or inside it (`painted_by`, by the elements painted over: "the `<a
    class="promo">` at line 15 is painted over it"), or the box that cuts off its one line, the element, inside it or
    around it (`clippers`: "the `<span class="byline">` at line 6 cuts off the words that run
    past its width"). Empty when neither does."""
    for node in (element, *element.iterancestors()):
        cover = painted_by.get(node)
        if cover is not None:
            where = "it" if node is element else f"the {_tag_shown(node)} around it at line {node.sourceline or 1}"
            return f"{_box_shown(cover)} is painted over {where}"
    # (A block of text whose words a cover hides in a box inside it: that box is named.)
    inside = next((node for node in painted_by if isinstance(getattr(node, "tag", None), str) and element in node.iterancestors()), None)
    if inside is not None:
        return f"{_box_shown(painted_by[inside])} is painted over the {_tag_shown(inside)} inside it at line {inside.sourceline or 1}"
    for box in clippers:
        if box is element or element in box.iterancestors() or box in element.iterancestors():
            return f"the {_tag_shown(box)} at line {box.sourceline or 1} cuts off the words that run past its width"
    return ""


def _box_shown(box: Any) -> str:
    """A box as an editor finds it in the page: an element's start tag and line, or a `::before` or
    `::after` of one (`paint_order._Pseudo`: a `host` and `which`)."""
    host = getattr(box, "host", None)
    if host is not None:
        return f"the `::{box.which}` of the {_tag_shown(host)} at line {host.sourceline or 1}"
    return f"the {_tag_shown(box)} at line {box.sourceline or 1}"


# The properties whose hiding is of a box's text, not of the box: a background it paints still
# shows (image replacement: `text-indent: -9999px`, `font-size: 0` or `color: transparent` on a
# link that paints a logo as its background). A box's own size is judged where its background is
# (`backgrounds`).
_TEXT_ONLY_HIDING = frozenset(
    {
        "text-indent",
        "font-size",
        "font",
        "font-size-adjust",
        "letter-spacing",
        "word-spacing",
        "-webkit-text-security",
        "color",
        "-webkit-text-fill-color",
        "text-shadow",
        "-webkit-text-stroke",
        "-webkit-text-stroke-width",
        "-webkit-text-stroke-color",
        "line-height",
        "overflow",
        "overflow-x",
        "overflow-y",
        "width",
        "height",
        "max-width",
        "max-height",
        "min-width",
        "min-height",
    }
)


def hides_only_its_text(element: Any) -> bool:
    """Whether what the element's own CSS declares that can hide it (the walk found it unseen,
    the element around it seen) is all about its text (`_TEXT_ONLY_HIDING`): a `text-indent` that
    pushes its words off the screen, a font size of 0, a transparent text colour. Its box, and a
    background picture it paints, still show. False when one of its declarations hides the box
    too (`opacity: 0`, `display: none`, a move off the screen), and when none of them says why
    it is unseen (a box moved out of one that clips it, a cover painted over it). Both readings
    of the cascade are read (every rule; the rules every screen meets); read on demand."""
    if not isinstance(getattr(element, "tag", None), str):
        return False
    names = tuple(FAMILIES)
    hiding = [
        declaration
        for every in (True, False)
        for declaration in _NO_PAGE_STYLE.on_demand_of([element], names, every_screen=every)[0].values()
        if _hides_alone(declaration)
    ]
    return bool(hiding) and all(declaration.name in _TEXT_ONLY_HIDING for declaration in hiding)


def _takes_away(declaration: Declaration) -> bool:
    """True for `display: none`, `visibility: hidden|collapse` and `content-visibility: hidden`:
    what takes an element off the screen with all it holds."""
    family = declaration.family
    if family == "display":
        return declaration.name == "display" and (declaration.keyword == "none" or display_keyword(declaration) in _UNRENDERED_DISPLAYS)
    if family in ("visibility", "content-visibility"):
        return declaration.keyword in ("hidden", "collapse")
    return False


def _hides_alone(declaration: Declaration) -> bool:
    """`_can_hide`, and a text colour of no opacity (`color: transparent`), which hides text
    on any background."""
    if declaration.name in _TEXT_COLOURS:
        painted = _text_colour(declaration)
        return painted is not None and painted[3] == 0
    return _can_hide(declaration)


def _hiding_declared(
    chain: list[Any], declared: list[dict[str, Declaration]], hides: Callable[[Declaration], bool], helper_classes: bool = True, *, markup: bool = True
) -> str:
    """`what_hides` read with `hides` from the declarations that win on each element of `chain`
    (the element, then those around it), and with `markup`, from what the markup hides with
    (`_markup_hiding`)."""
    element = chain[0]
    for depth, (node, winners) in enumerate(zip(chain, declared, strict=True)):
        where = "on it" if node is element else f"on the {_tag_shown(node)} around it at line {node.sourceline or 1}"
        if markup and (said := _markup_hiding(node, chain[depth - 1] if depth else None, winners, helper_classes)):
            whose = "it" if node is element else f"the {_tag_shown(node)} around it at line {node.sourceline or 1}"
            return f"{whose} {said}"
        hiding = [declaration for declaration in winners.values() if hides(declaration) and _hides_there(declaration, node)]
        if not hiding:
            continue
        shown = " and ".join(_code_span(f"{declaration.name}: {_shown_value(declaration)}") for declaration in hiding[:2])
        if hiding[0] in parse_style_attribute(node.get("style") or ""):
            whose = "its `style` attribute" if node is element else f"the `style` attribute of the {_tag_shown(node)} around it at line {node.sourceline or 1}"
            return f"{whose} sets {shown}"
        return f"the page's CSS sets {shown} {where}"
    return ""


def _hides_there(declaration: Declaration, node: Any) -> bool:
    """False for a `display: contents` on an element it does not hide (one that renders what it
    holds: `_not_rendered`); True for any other declaration."""
    if declaration.name != "display" or display_keyword(declaration) != "contents":
        return True
    return _not_rendered(declaration, node.tag.lower() if isinstance(node.tag, str) else "")


def _markup_hiding(node: Any, below: Any, winners: Mapping[str, Declaration], helper_classes: bool) -> str:
    """What `node`'s markup hides `below` (its child on the way to the element a reader does not
    see; None for that element itself) with, in words that follow "it" or "the `<div>` around
    it" ("has the `hidden` attribute"), as `is_hidden` and the walk's closed `<details>` read it;
    empty for none. A `display` the page's CSS sets on the node shows what its attribute or class
    hides, not what a closed `<details>` keeps folded."""
    tag = node.tag.lower()
    if tag == "details" and node.get("open") is None and below is not None and below is not _summary_of(node):
        return "has no `open` attribute: a reader sees only its summary until they open it"
    if "display" in winners:
        return ""
    if node.get("hidden") is not None:
        return "has the `hidden` attribute"
    if _closed_popover(node):
        return "is a popover (the `popover` attribute), not shown until a script or a button opens it"
    if tag == "dialog" and node.get("open") is None:
        return "is a `<dialog>` without `open`, not shown until a script opens it"
    value = node.get("class")
    if helper_classes and value and hides_by_class(value):
        helper = sorted(class_tokens(value) & _HIDDEN_CLASSES)[0]
        purpose = "for screen readers only" if helper in _SCREEN_READER_CLASSES else "to hide what has it"
        return f"has the class {_code_span(helper)}, which sites use to keep text off the screen, {purpose}"
    return ""


def _summary_of(details: Any) -> Any:
    """A `<details>`'s summary, which shows while it is closed: its first `<summary>` child."""
    return next((child for child in details if isinstance(child.tag, str) and child.tag.lower() == "summary"), None)


# Values of a colour or fading property that change nothing a reader sees.
_NO_CHANGE = frozenset({"1", "100%", "none", "normal", "inherit", "initial", "unset", "revert", "auto", "currentcolor"})


def _colours_fades_or_shrinks(declaration: Declaration) -> bool:
    """True for a text colour, background, fading, font size or scale that some value of it could
    hide text with, or shrink it too small to read with (`zoom: 0.2` on 16px text)."""
    if declaration.name in ("font-size", "font", "zoom", "scale", "transform"):
        return _shown_value(declaration).lower() not in _NO_CHANGE
    return FAMILIES.get(declaration.name) in ("colour", "opacity") and _shown_value(declaration).lower() not in _NO_CHANGE


def _code_span(text: str) -> str:
    """`text` between backticks, as Markdown and the other messages quote code; between double
    ones, spaced, when it holds a backtick itself (a page's value may), so the span still closes
    where it ends."""
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def _tag_shown(element: Any) -> str:
    """An element's start tag as an editor finds it in the page: its name, id and class."""
    attributes = "".join(f' {name}="{value[:40]}"' for name in ("id", "class") if (value := (element.get(name) or "").strip()))
    return _code_span(f"<{element.tag.lower()}{attributes}>")


def _shown_value(declaration: Declaration) -> str:
    """A declaration's value as written (white space collapsed, at most 60 characters)."""
    import tinycss2

    # The values are kept without white space: one space between them, none before a comma.
    written = " ".join(" ".join(tinycss2.serialize([value]) for value in declaration.values).split()).replace(" ,", ",")
    written = written + (" !important" if declaration.important else "")
    return written if len(written) <= 60 else written[:59] + "…"


def _closed_popover(element: Any) -> bool:
    """True for a popover (an element with the `popover` attribute): closed until a script or a
    button opens it, and a browser's own style, `[popover]:not(:popover-open) { display: none }`,
    hides it then; like the `hidden` attribute's, any author `display` overrides it."""
    return element.get("popover") is not None


# Tags whose content is fallback a browser never renders where it supports the element (every
# browser does): a `<video>`, `<audio>` or `<canvas>` shows itself, not what it holds; an
# `<iframe>` shows its page; a `<meter>` or `<progress>` draws its bar, never its text (a name or
# a logo inside one is not seen). The HTML parser of a browser drops the markup a `<select>` holds
# (only an `<option>`'s text is drawn); lxml keeps it. (An `<object>`: see `hides_its_content`.)
_FALLBACK_HOLDERS = frozenset({"video", "audio", "canvas", "iframe", "select", "textarea", "meter", "progress"})
# The types of an `<object>` a browser draws itself (HTML 4.8.6: an image, a document, media, a
# PDF), as Chromium does (a browser test compares them); any other is a plugin's (Flash, Java,
# Silverlight), which no browser has now, or one it cannot show (a font, a 3D model).
_DRAWN_OBJECT_TYPE = on_first_use(r"image/|text/|video/|audio/|application/(?:xhtml\+xml|xml|json|pdf|javascript|ecmascript)(?:[\s;]|\Z)")


def hides_its_content(element: Any, tag: str) -> bool:
    """True when what `element` holds is never drawn, though the element itself may be (see
    `_FALLBACK_HOLDERS`). An `<object>` draws what it holds (its fallback content) when its
    `type` is a plugin's, or it has neither `data` to load nor a `type`; an image's `type`
    without `data` draws nothing, fallback included (as Chromium does)."""
    if tag == "object":
        kind = (element.get("type") or "").strip().lower()
        if kind:
            return _DRAWN_OBJECT_TYPE().match(kind) is not None
        return bool((element.get("data") or "").strip())
    return tag in _FALLBACK_HOLDERS


# What in a page's own CSS can put a colour behind text other than a background on the text or
# its ancestors (a positioned or grid-placed picture, a pseudo-element's background, a negative
# margin or a translation over a neighbour, a shadow or stroke that outlines the letters, a
# blend, a mask) or changes the canvas (a `color-scheme` property, an imported stylesheet; not the
# `prefers-color-scheme` media feature, whose queries are read as the others are); a filter may
# too, unless it only changes colours (see `_page_filters`).
_PAINTS_BEHIND_TEXT = on_first_use(
    r"position|grid|inset|:before|:after|backdrop|shadow|stroke|blend|mask|border-image|transform|translate"
    r"|(?<!prefers-)color-scheme|@import|element\(",
    re.IGNORECASE,
)
# A negative number (a margin or an offset that may move a box over a neighbour's text), and the
# colour functions, whose negative numbers are channels (`lab(99 0 -1)` is a near-white) and
# move nothing (one level of functions inside them: `color-mix(in lab, lab(…), …)`).
_NEGATIVE_NUMBER = on_first_use(r"(?<![\w-])-\.?\d")
_COLOUR_FUNCTION = on_first_use(r"(?<![\w-])(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix|light-dark)\([^()]*(?:\([^()]*\)[^()]*)*\)", re.IGNORECASE)


def _paints_behind_text(text: str) -> bool:
    """`_PAINTS_BEHIND_TEXT` or a negative number outside the colour functions in a stylesheet or
    a `style` attribute's value."""
    if _PAINTS_BEHIND_TEXT().search(text):
        return True
    return _NEGATIVE_NUMBER().search(text) is not None and _NEGATIVE_NUMBER().search(_COLOUR_FUNCTION().sub("", text)) is not None


def page_canvas(root: Any, sheets: tuple[str, ...], inline: Sequence[str], hints: Hints | None = None) -> Colour | None:
    """The canvas colour, behind all the page paints, when the checker can be sure of it: white,
    for a page that links no stylesheet (a linked one, not fetched, may paint the page dark), sets
    no colour scheme (a dark one darkens the canvas), has no `bgcolor` or `background` attribute
    and whose own CSS (`<style>` blocks and `style` attributes) has nothing that can paint behind
    its text but backgrounds on the text's ancestors (see `_PAINTS_BEHIND_TEXT`). None otherwise,
    and for a page whose text colours all show on white and that fades nothing partly
    (`fades_text`): nothing to decide. `inline`: the values
    of the page's `style` attributes; `hints`: its presentational colours (see
    `presentational_colours`): a `<font color>` is a text colour, and only a `bgcolor` that
    cannot be told from white leaves the canvas known."""
    hinted = [] if hints is None else [d for found in hints.values() for d in found]
    light_hint = any(d.name == "color" and text_blends_in(_text_colour(d), WHITE_CANVAS, False) for d in hinted)
    filters = _page_filters(sheets, inline)
    light = light_hint or filters or _light_text(sheets, inline) or _light_svg_text_fill(root, sheets) or fades_text(sheets, inline)
    if not light or _may_paint_behind_text(root, sheets, inline):
        return None
    if any(colour_filters.paints_beyond_colours(values) for values in filters):
        return None
    return WHITE_CANVAS


def _light_svg_text_fill(root: Any, sheets: tuple[str, ...]) -> bool:
    """True when an `<svg>` that draws text (`svg_text.holds_text`) sets a fill or stroke colour
    that cannot be told from white (`svg_text.paint_colours`): its text is judged on the canvas as HTML
    text of that colour is. Pages without such an `<svg>` pay for a search of their `<svg>`s by
    name."""
    return any(text_blends_in(painted, WHITE_CANVAS, False) for painted in _svg_text_colours(root, sheets))


def _svg_text_colours(root: Any, sheets: tuple[str, ...]) -> set[Colour]:
    """The fill and stroke colours of the `<svg>`s that draw text (`svg_text.paint_colours`): text
    colours of the page as a `<style>` rule's `color` is, which a background the page sets may
    hide (`<text fill="#fff">` on `body{background:#fff}`). Empty for a page without such an
    `<svg>`, which pays for a search of its `<svg>`s by name."""
    return {painted for svg in root.iter("svg") if holds_text(svg) for painted in paint_colours(svg, sheets)}


# A page's CSS that may name a `filter` (a cheap test of its text, that most pages fail).
_NAMES_A_FILTER = on_first_use(r"filter", re.IGNORECASE)


def _page_filters(sheets: Sequence[str], inline: Sequence[str]) -> list[tuple[Any, ...]]:
    """The values of every `filter` (and `-webkit-filter`) the `<style>` blocks and the `style`
    attributes (their values `inline`) declare (looked for once per page: `_filters_of`)."""
    return list(_filters_of(tuple(sheets), tuple(inline)))


@functools.lru_cache(maxsize=4)
def _filters_of(sheets: tuple[str, ...], inline: tuple[str, ...]) -> tuple[tuple[Any, ...], ...]:
    named = [text for text in (*sheets, *inline) if _NAMES_A_FILTER().search(text)]
    if not named:
        return ()
    sheet_texts = set(sheets)
    declared = [d for text in named for d in (_declarations_of_sheet(text) if text in sheet_texts else parse_style_attribute(text))]
    return tuple(d.values for d in declared if d.name in colour_filters.FILTER_PROPERTIES)


def _declarations_of_sheet(sheet: str) -> list[Declaration]:
    return [d for rule in parse_style_sheet(sheet) for d in rule.declarations]


def _canvas_and_default_text(root: Any, sheets: tuple[str, ...], inline: Sequence[str], hints: Hints) -> tuple[Colour | None, Colour | None]:
    """The canvas (`page_canvas`) and the colour of text the page sets none for (`_default_text`),
    in the dark scheme when the page surely asks for it (`_dark_scheme`)."""
    canvas, default_text = _dark_scheme(root, sheets, inline)
    if default_text is not None:
        return canvas, default_text
    return page_canvas(root, sheets, inline, hints), _default_text(root, sheets, inline, hints)


def _dark_scheme(root: Any, sheets: tuple[str, ...], inline: Sequence[str]) -> tuple[Colour | None, Colour | None]:
    """The canvas and the colour of text the page sets none for, on a page surely painted in the
    dark scheme (`colour_scheme.asks_for_dark`) that links no stylesheet: the dark canvas when
    nothing else may paint behind its text (`_may_paint_behind_text`, its scheme aside), else
    None, and the dark `CanvasText`. (None, None) for any other page, which pays for a search of
    its CSS text for `color-scheme` and of its `<meta>` elements."""
    if not colour_scheme.asks_for_dark(root, sheets, inline) or root.xpath(f"boolean({_LINKS_STYLESHEET})"):
        return None, None
    unschemed = tuple(colour_scheme.NAMES_A_SCHEME().sub("", text) for text in sheets)
    others = [colour_scheme.NAMES_A_SCHEME().sub("", text) for text in inline]
    if _may_paint_behind_text(root, unschemed, others, scheme_read=True):
        return None, colour_scheme.DARK_CANVAS_TEXT
    return colour_scheme.DARK_CANVAS, colour_scheme.DARK_CANVAS_TEXT


def _blurs_by_filter(sheets: tuple[str, ...], inline: tuple[str, ...]) -> bool:
    """True when a `filter` of the page's `<style>` blocks or `style` attributes (their values
    `inline`) may blur (`filter_blur.may_blur`), which smears text by its font size."""
    filters = _filters_of(sheets, inline)
    if not filters:
        return False
    from compliance.document.filter_blur import may_blur

    return any(may_blur(values) for values in filters)


# A page's CSS that may set a text shadow (a cheap test of its text, that most pages fail).
_NAMES_A_TEXT_SHADOW = on_first_use(r"text-shadow", re.IGNORECASE)


@functools.lru_cache(maxsize=SHEETS_CACHED)
def _composes_unreadable_sizes(sheets: tuple[str, ...], inline: tuple[str, ...]) -> bool:
    """True when a font size relative to the parent's or the root's (`em`, `%`, `rem`…) that the
    page's `<style>` blocks or `style` attributes (their values `inline`) set would draw text too
    small to read (`unreadably_small`) under the smallest absolute size they set, or the default
    16px, where neither is so alone: `.meta{font-size:10px} .meta .by{font-size:0.5em}` is 5px.
    Pages whose sizes do not combine so (a 12px caption and `0.75em`) pay one search of their CSS."""
    texts = [(text, text in sheets) for text in (*sheets, *inline) if "font" in text.lower()]
    if not texts:
        return False
    smallest_px, smallest_factor = _DEFAULT_FONT_PX, 1.0
    for text, sheet in texts:
        for declaration in _declarations_of_sheet(text) if sheet else parse_style_attribute(text):
            if declaration.name not in ("font-size", "font"):
                continue
            factor = _relative_factor(declaration)
            if factor is not None:
                smallest_factor = min(smallest_factor, factor)
            elif (size := _font_size(declaration)) is not None and not unreadably_small(size):
                smallest_px = min(smallest_px, size)  # (a size too small alone hides by itself)
    return smallest_factor < 1 and unreadably_small(smallest_px * smallest_factor)


def _relative_factor(declaration: Declaration) -> float | None:
    """The multiple of the parent's (or the root's) font size a `font-size` or `font` declaration
    sets in a relative unit (`0.5em`, `50%`, `0.5rem`); None for another size or none."""
    for token in declaration.values:
        if token.type == "literal" and token.value == "/":
            break
        if token.type in ("dimension", "percentage"):
            unit = "%" if token.type == "percentage" else getattr(token, "lower_unit", "")
            if unit in RELATIVE_FONT_UNITS:
                return float(token.value) * _EMS_PER_UNIT[unit]
            return float(token.value) * ROOT_FONT_UNIT_EMS[unit] if unit in ROOT_FONT_UNIT_EMS else None
    return None


@functools.lru_cache(maxsize=SHEETS_CACHED)
def _blurs_text_shadows(sheets: tuple[str, ...], inline: tuple[str, ...]) -> bool:
    """True when a `text-shadow` of the page's `<style>` blocks or `style` attributes (their
    values `inline`) blurs a shadow (which `text_shadows.thinned` thins by the font size)."""
    named = [text for text in (*sheets, *inline) if _NAMES_A_TEXT_SHADOW().search(text)]
    declared = [d for text in named for d in (_declarations_of_sheet(text) if text in sheets else parse_style_attribute(text)) if d.name == "text-shadow"]
    if not declared:
        return False
    from compliance.document.text_shadows import shadows

    return any(any(blur > 0 for _, _, _, blur in shadows(d.values, colour, length_px) or ()) for d in declared)


# The text colour of a page that sets none: Chromium's `CanvasText` in the light scheme.
CANVAS_TEXT: Colour = (0.0, 0.0, 0.0, 1.0)


def _default_text(root: Any, sheets: tuple[str, ...], inline: Sequence[str], hints: Hints | None = None) -> Colour | None:
    """The colour of text the page sets no colour for, when a filter may paint it into another
    (`filter: invert(1)` paints black text white) or the page sets a background it cannot be
    told from (`<body bgcolor="black">`, `background: #000`: see `_dark_background`):
    `CANVAS_TEXT`, on a page whose every colour the checker reads (it links no stylesheet); so
    too where the page fades text partly (`fades_text`); None otherwise (text of no colour is then
    not judged)."""
    if not (_page_filters(sheets, inline) or _dark_background(sheets, inline, hints) or fades_text(sheets, inline)):
        return None
    return None if root.xpath(f"boolean({_LINKS_STYLESHEET})") else CANVAS_TEXT


def fades_text(sheets: tuple[str, ...], inline: Sequence[str]) -> bool:
    """True when a `<style>` block's rule every screen meets or a `style` attribute (their values
    `inline`) fades an element partly (`opacity: 0.03`, `filter: opacity(5%)`: `_partly_fades`):
    the text it holds is then judged as the colour it paints at that opacity (`faded`), so the
    page's colours, its canvas and its default text colour are worth reading."""
    if any("opacity" in _SheetSummary.of(sheet).partly_fading for sheet in sheets):
        return True
    return any("opacity" in value.lower() and any(d.family == "opacity" and _partly_fades(d) for d in parse_style_attribute(value)) for value in inline)


def _dark_background(sheets: tuple[str, ...], inline: Sequence[str], hints: Hints | None) -> bool:
    """True when a background colour the page sets (a `bgcolor`, a `<style>` block's or a `style`
    attribute's) cannot be told from `CANVAS_TEXT`, the colour of text it sets none for."""
    if _sheets_paint_dark(sheets):
        return True
    backgrounds = {c for found in (hints or {}).values() for d in found if d.name == "background-color" and (c := _background_colour(d)) is not None}
    if any(text_blends_in(CANVAS_TEXT, background, False) for background in backgrounds):
        return True
    return _inline_backgrounds_dark(sheets, inline)


def _inline_backgrounds_dark(sheets: tuple[str, ...], inline: Sequence[str]) -> bool:
    """`_dark_background` of the `style` attributes' backgrounds (their values `inline`)."""
    declared = [d for value in inline if "background" in value.lower() for d in parse_style_attribute(value) if d.name in _BACKGROUND_COLOURS]
    backgrounds = {c for d in declared if (c := _background_colour(d)) is not None}
    if any(text_blends_in(CANVAS_TEXT, background, False) for background in backgrounds):
        return True
    # A background given by a custom property (`style="background: var(--bg)"`, or a block's
    # `background: var(--bg)` with `style="--bg: #000"`), filled in with each value the page defines.
    if not any("var(" in value.lower() or "--" in value for value in inline):
        return False
    by_variable = tuple(d for d in declared if _uses_variables(d))
    found = _variable_colours_of(by_variable, sheets, inline, _BACKGROUND_COLOURS, _background_colour)
    return any(text_blends_in(CANVAS_TEXT, background, False) for background in found)


# The properties that set a background colour.
_BACKGROUND_COLOURS = frozenset({"background", "background-color"})


@functools.lru_cache(maxsize=SHEETS_CACHED)
def _sheets_paint_dark(sheets: tuple[str, ...]) -> bool:
    """`_dark_background` of the `<style>` blocks' backgrounds, those given by a custom property
    (`background: var(--bg)`) too (pages of a site repeat their blocks: worked out once)."""
    backgrounds = _sheet_colours(sheets)[1] | _variable_colours(sheets)[1]
    return any(text_blends_in(CANVAS_TEXT, background, False) for background in backgrounds)


def _light_text(sheets: tuple[str, ...], inline: Sequence[str]) -> bool:
    """True when the `<style>` blocks or the `style` attributes (their values `inline`) set a
    text colour that cannot be told from white (see `text_blends_in`)."""
    if any(_SheetSummary.of(sheet).light_text for sheet in sheets):
        return True
    if any(text_blends_in(text, WHITE_CANVAS, False) for text in _variable_colours(tuple(sheets))[0]):
        return True
    declared = [d for value in inline if "color" in value.lower() for d in parse_style_attribute(value) if d.name in _TEXT_COLOURS]
    texts = {c for d in declared if (c := _text_colour(d)) is not None}
    if any(text_blends_in(text, WHITE_CANVAS, False) for text in texts):
        return True
    # A colour a `style` attribute gives by a custom property (`color: var(--wp--preset--color--white)`),
    # filled in with each value the page defines for it, in a `<style>` block or a `style` attribute, or its fallback.
    by_variable = tuple(d for d in declared if _uses_variables(d))
    return any(text_blends_in(text, WHITE_CANVAS, False) for text in _variable_colours_of(by_variable, sheets, inline, _TEXT_COLOURS, _text_colour))


def _variable_colours_of(
    declared: tuple[Declaration, ...],
    sheets: tuple[str, ...],
    inline: Sequence[str],
    properties: Collection[str],
    read: Callable[[Declaration], Colour | None],
) -> Iterator[Colour]:
    """The colours (`read` of each filled-in declaration: a text's or a background's) that `style`
    attributes' declarations using `var()` (`declared`) may take, and those of the `<style>`
    blocks' declarations of `properties` with a value a `style` attribute defines
    (`style="--w: #fff"` for `.byline { color: var(--w) }`): each value the page defines, or the fallback."""
    inline_definitions = [(d.name, d.values) for value in inline if "--" in value for d in parse_style_attribute(value) if d.custom]
    if inline_definitions:
        declared += tuple(d for summary in map(_SheetSummary.of, sheets) for d in summary.variable_uses if d.name in properties)
    if not declared:
        return
    definitions: dict[str, list[tuple[Any, ...]]] = {name: list(values) for name, values in _sheet_traits(sheets).definitions.items()}
    for name, values in inline_definitions:
        definitions.setdefault(name, []).append(values)
    for declaration in declared:
        names = sorted(_with_their_variables(variables_used(declaration.values), definitions))
        for filled in _fillings(declaration, names, definitions):
            found = read(declaration._replace(values=filled))
            if found is not None:
                yield found


# A `<link>` to a stylesheet (which the checker does not fetch).
_LINKS_STYLESHEET = "//link[contains(translate(@rel, 'STYLESHEET', 'stylesheet'), 'stylesheet')]"


def _may_paint_behind_text(root: Any, sheets: tuple[str, ...], inline: Sequence[str], *, scheme_read: bool = False) -> bool:
    """True when something may paint the canvas, or behind a text, other than the backgrounds of
    the text's ancestors that `render` reads (see `page_canvas`). The AMP runtime's stylesheet,
    which its script adds, places pictures (`layout="fill"`) behind text. With `scheme_read`, the
    page's dark scheme is known (`_dark_scheme`): its `<meta name="color-scheme">` is no unknown,
    and a background counts unless it blends into the dark canvas."""
    scheme = "" if scheme_read else " | //meta[@name='color-scheme']"
    if root.xpath(f"boolean({_LINKS_STYLESHEET} | //@background{scheme} | //script[contains(@src, 'ampproject.org')])"):
        return True
    # A `bgcolor` is a background on the text's ancestors, like the CSS ones below.
    if any(not _paints_white(legacy_colour(value)) for value in root.xpath("//@bgcolor", smart_strings=False)):
        return True
    if any(_paints_behind_text(text) for text in (*sheets, *inline)):
        return True
    declared = [d for sheet in sheets for rule in parse_style_sheet(sheet) for d in rule.declarations]
    declared += [d for value in inline if "background" in value.lower() for d in parse_style_attribute(value)]
    return _backgrounds_may_show(declared, scheme_read=scheme_read)


def _backgrounds_may_show(declared: Sequence[Declaration], *, scheme_read: bool) -> bool:
    """True when one of the page's declarations paints a background a text on it may be told
    from the canvas by (the white one; with `scheme_read`, the dark one)."""
    # A background on some element the text may be read on: the checker does not place boxes. A
    # background image is one too: a picture or a gradient may be dark, a gradient of light
    # colours (text painted with it by `background-clip: text`) is light.
    if scheme_read:
        painted = (_background_colour(d) for d in declared if d.name in _PAINTED_BACKGROUNDS and d.keyword not in _NO_PICTURE)
        return any(c is None or not indistinguishable(c, colour_scheme.DARK_CANVAS) for c in painted)
    return any(not _background_blends_into_white(d) for d in declared if d.name in _PAINTED_BACKGROUNDS)


# The declarations that paint an element's background: its colour, or an image over it.
_PAINTED_BACKGROUNDS = frozenset({"background", "background-color", "background-image"})


# The values of `background`, `background-color` and `background-image` that paint nothing of
# their own.
_NO_PICTURE = CSS_WIDE_KEYWORDS | {"none", "transparent"}


def _background_blends_into_white(declaration: Declaration) -> bool:
    """True when a background declaration paints nothing, or a colour that cannot be told from
    white (an image, a gradient or a colour the checker does not read may be dark)."""
    painted = _background_colour(declaration)
    if painted is None:
        stops = _lone_gradient_stops(declaration)
        return declaration.keyword in _NO_PICTURE or (bool(stops) and all(_paints_white(stop) for stop in stops))
    return _paints_white(painted)


def paints_beside_white(declaration: Declaration) -> bool:
    """True for a background declaration that paints a picture, a gradient or a colour that can
    be told from white (`backdrops`: a box a text laid over it may be seen on)."""
    return declaration.name in _PAINTED_BACKGROUNDS and not _background_blends_into_white(declaration)


def _paints_white(painted: Colour | None) -> bool:
    """True for a background colour that cannot be told from white (None, unknown, is not)."""
    return painted is not None and indistinguishable(painted, WHITE_CANVAS)


# The presentational colours of a page, by element: the declarations its `<font color>` and
# `bgcolor` attributes stand for (see `presentational_colours`).
Hints = Mapping[Any, tuple[Declaration, ...]]
# The elements whose `bgcolor` is a presentational hint for `background-color` (HTML, 15.3.3,
# 15.3.8 and 15.3.10); `color` is one for `color` on `<font>` only (15.3.4).
_BGCOLOR_TAGS = frozenset({"body", "table", "thead", "tbody", "tfoot", "tr", "td", "th"})
_PRESENTATIONAL = "//font[@color] | //body[@text] | //*[@bgcolor]"
# Scope proximity (CSS Cascading 6, 6.6): at equal specificity, a rule in `@scope` wins over one
# outside any, which is infinitely far from a root. Between two scoped rules the one whose root is
# the nearer wins; that is not worked out here (scopes nested so are rare): the later wins.
_UNSCOPED = 0
_SCOPED = 1
# Presentational hints are author declarations that come before all the page's CSS, with no
# specificity (HTML, 15.1; CSS Cascade 4, 6.4): any rule or `style` attribute setting the
# property wins over them.
_HINT_PRECEDENCE: _Precedence = (False, False, (-math.inf,), (0, 0, 0), _UNSCOPED, -1)


def _presentational_colours_if_any(root: Any) -> dict[Any, tuple[Declaration, ...]]:
    """`presentational_colours`, searched for only on a page with an attribute it reads: most
    pages have none, which a search of the attributes tells at a fifth of the cost of a search
    of every element. `<font color>` and `<body text>` are looked for among the page's `<font>`
    and `<body>` elements (a search by name): the union of the three searches by XPath cost a
    third more."""
    named = any(element.get("color" if element.tag == "font" else "text") is not None for element in root.iter("font", "body"))
    return presentational_colours(root) if named or _xpath("boolean(//@bgcolor)")(root) else {}


def presentational_colours(root: Any) -> dict[Any, tuple[Declaration, ...]]:
    """The `color` a `<font color>` or `<body text>` and the `background-color` a `bgcolor` (on
    `<body>`, a table and its rows and cells) set, as declarations, by element (HTML, 15.3.1); the attributes' values are read as
    HTML reads a legacy colour (`css.legacy_colour`). Empty for a page with neither."""
    hints: dict[Any, tuple[Declaration, ...]] = {}
    for element in _xpath(_PRESENTATIONAL)(root):
        found: list[Declaration] = []
        for attribute, name, tags in (("color", "color", ("font",)), ("text", "color", ("body",)), ("bgcolor", "background-color", _BGCOLOR_TAGS)):
            value = element.get(attribute)
            painted = None if value is None or element.tag not in tags else legacy_colour(value)
            if painted is not None:
                red, green, blue = (round(channel * 255) for channel in painted[:3])
                found.extend(parse_style_attribute(f"{name}: #{red:02x}{green:02x}{blue:02x}"))
        if found:
            hints[element] = tuple(found)
    return hints


# Precedence of a declaration in the cascade: (!important, from a style attribute, cascade layer
# (see `_layer_ranks`), specificity, scope proximity, order).
_Precedence = tuple[bool, bool, tuple[float, ...], tuple[int, int, int], int, int]
# The layer rank of declarations outside every layer, and of a layer's own rules after its sublayers'.
_UNLAYERED = (math.inf,)
_Matched = dict[Any, list[tuple[_Precedence, Declaration]]]


class _Demand:
    """What `PageStyle.on_demand` matches a page's elements from: its `<style>` rules (read from
    `sheets` when first asked), an index of its elements, and the rules that declare each set of
    properties asked for, with the ranks of their layers."""

    def __init__(self, root: Any, sheets: Sequence[str], elements: _ElementIndex) -> None:
        self.root = root
        self.sheets = sheets
        self.elements = elements
        self.wanted: dict[tuple[tuple[str, ...], bool], tuple[list[tuple[int, StyleRule, list[Declaration]]], dict[str, tuple[float, ...]]]] = {}

    @functools.cached_property
    def rules(self) -> PageRules:
        return page_rules(tuple(self.sheets))

    def declaring(self, names: Sequence[str], *, every_screen: bool) -> tuple[list[tuple[int, StyleRule, list[Declaration]]], dict[str, tuple[float, ...]]]:
        """The rules that declare some of the properties `names` (with `every_screen`, only those
        every reader meets), each with its position and those declarations, and the ranks of their
        layers: worked out once per page for each set of names."""
        key = (tuple(names), every_screen)
        found = self.wanted.get(key)
        if found is None:
            rules = self.rules.rules
            met = ((order, rules[order]) for order in self.rules.declaring(names))
            # A set to test each declaration's name against: a step may ask for forty properties
            # (an image's paddings and borders), of a site's hundreds of rules that declare one.
            asked = frozenset(names)
            wanted = [(order, rule, [d for d in rule.declarations if d.name in asked]) for order, rule in met if not (every_screen and rule.conditional)]
            found = self.wanted[key] = (wanted, _layer_ranks(rule for _, rule, _ in wanted))
        return found


def _in_quirks_mode(root: Any, sheets: list[str]) -> list[str]:
    """The page's sheets as a page in quirks mode reads them (see `quirks`): its class and ID
    selectors spelt as the page spells them, and hashless hex colours (`color: ffffff`) given
    their `#`, in its `style` attributes too (written so in the tree)."""
    from compliance.document.quirks import hash_colours_of_style_attributes, with_hashed_colours, with_page_spelling

    hash_colours_of_style_attributes(root)
    return [with_hashed_colours(sheet) for sheet in with_page_spelling(sheets, root)] if sheets else sheets


class PageStyle:
    """The page's `<style>` rules matched to the elements they apply to.

    Only rules in a family of properties that some rule (or style attribute) uses to hide are
    matched, so a page whose CSS hides nothing pays for reading it and no more.
    """

    def __init__(
        self,
        matched: Mapping[Any, list[tuple[_Precedence, Declaration]]],
        overflow_shown: bool = False,
        canvas: Colour | None = None,
        clipping: bool = False,
        css_sized: frozenset[Any] = frozenset(),
        hints: Hints | None = None,
        sheets: tuple[str, ...] = (),
    ) -> None:
        self._matched = matched
        # The words each element's `::before` and `::after` show (see `generated`); None when none.
        self.generated: Mapping[Any, tuple[str, str]] | None = None
        # The applied `<style>` blocks, whose `@keyframes` are read when an animated element is met.
        self._sheets = sheets
        # The presentational colours that take part in hiding text (see `_hints_that_blend`).
        self._hints = hints or {}
        # Whether boxes moved out of a clipping box are read on the page (see `clipping_reach`).
        self.clipping = clipping
        # The colour the browser paints the page with where nothing else is painted, when the
        # checker can be sure of it (see `page_canvas`); None when it cannot.
        self.canvas = canvas
        # The text colour where the page sets none, when the checker needs it and can be sure of
        # it (see `_default_text`); None otherwise, and text with no colour set is not judged.
        self.default_text: Colour | None = None
        # Whether some `<style>` rule sets `overflow: visible`, which may let an `<svg>` of no
        # size show what it holds (such rules are not matched: see `svg_clips_everything`).
        self.overflow_shown = overflow_shown
        # The elements some `<style>` rule sets a property on that can hide or show them again.
        self.styled: Mapping[Any, object] = {**self._hints, **matched} if self._hints else matched
        # The images under 6px by their `width`/`height` attributes that the page's CSS gives
        # a larger size (see `_css_sized_images`).
        self.css_sized = css_sized
        # The images the page's CSS sizes under 6px in px (see `_css_small_images`), too small to
        # be seen: among `painted_over`, kept apart to say why they are not seen (`too_small`).
        self.css_small: frozenset[Any] = frozenset()
        # The `text-align`, `text-align-last` and direction in force on the elements asked about
        # (`_line_settings`), kept for their descendants that ask.
        self.line_settings: dict[Any, tuple[str, str, str | None]] = {}
        # Whether the `<style>` blocks hold every `@keyframes` of the page (`holds_every_keyframes`):
        # None until an animation the checker cannot read asks.
        self._every_keyframes: bool | None = None
        # Whether a script of the page may run (`runs_scripts`).
        self._runs_scripts: bool | None = None
        # The revealed states of the page's CSS and what its scripts are (`reveals`).
        self._reveals: reveals.Reveals | None = None
        # Whether the page does not scroll sideways (`clips_sideways`).
        self._clips_sideways: bool | None = None
        # What `on_demand` matches from, read once per page when the first element asks.
        self._demand: _Demand | None = None
        # The elements hidden whole by the layout around them: something opaque painted over
        # them (`paint_order`), the flow pushing them below a clipping box's bottom
        # (`flow_clip`), a grid track of no size (`grid_tracks`), or an image with no content box
        # to draw its picture in (`content_box`).
        self.painted_over: frozenset[Any] = frozenset()
        # The elements that may lie over a picture a box not around them paints (`backdrops`):
        # their backdrop is not known, and their text colours are not judged against one.
        self.overlaid: frozenset[Any] = frozenset()
        # The elements whose own text a cover inside them paints over (`paint_order.Painted.own_text`):
        # the walk reads their children, not their text.
        self.text_painted_over: frozenset[Any] = frozenset()
        # The elements the text after which the flow pushes below a box that clips it (`flow_clip`).
        self.tails_unseen: frozenset[Any] = frozenset()
        # Whether a visually-hidden helper class (`sr-only`) hides: in a fragment (shown in a site's
        # page, whose CSS defines it) and on a page that links or imports a stylesheet not read it
        # does; on a whole page whose CSS is all read that CSS decides, and a class it does not
        # define hides nothing (`_whole_page`, `_links_unread_sheet`).
        self.helper_classes_hide = True
        # The closed `<details>` whose content the page's CSS shows, and the open ones whose
        # content it hides (see `details_content`).
        self.details: DetailsContent = DetailsContent()
        # The block each `::first-line` rule styles, with the stand-in element whose declarations
        # are the rule's (the first line's inline box, which its words inherit from: see
        # `first_line`); empty on a page without one. And whether the page's CSS may break a word
        # across lines (`first_line.may_break_words`), or draw text wider than its characters
        # (`first_line.text_widening`), read only on a page with such a rule.
        self.first_lines: Mapping[Any, Any] = {}
        # The texts of boxes that clip their one line which run past the box's edge: for each (its
        # node and whether it is a tail), how many of its leading characters may show (`line_clip`).
        self.line_clipped: Mapping[tuple[Any, bool], int] = {}
        # The boxes that cut off some of their one line's words (`line_clip`), and the cover
        # painted over each element among `painted_over` that one hides (`paint_order.Painted.by`):
        # what a report names as hiding them (`what_lays_out`).
        self.line_clippers: frozenset[Any] = frozenset()
        self.painted_by: Mapping[Any, Any] = {}
        self.words_may_break = False
        self.text_widening: bool | None = False

    @classmethod
    def of(cls, root: Any, quirks: bool = False, shadow: ShadowTrees | None = None) -> PageStyle:
        """The style of the page under `root`: every `<style>` block a browser applies, in document
        order; with `quirks`, its class and ID selectors matched case-insensitively (see `quirks`).
        With `shadow`, the page's declarative shadow roots (`shadow.shadow_trees`): their own
        `<style>` blocks style their trees, hosts and slotted children, and the page's rules do
        not reach into their trees."""
        if shadow is None:
            return cls._of_page(root, quirks)
        from compliance.document.shadow import shadow_sheets

        return cls._of_page(root, quirks, shadow_sheets(shadow))._with_shadow_trees(shadow)

    def _with_shadow_trees(self, trees: ShadowTrees) -> PageStyle:
        """A copy of this style with the page's rules taken off the shadow trees' elements, and
        the shadow roots' own rules matched (`shadow.shadow_matches`)."""
        from compliance.document.shadow import shadow_matches

        style = copy.copy(self)
        matched = {element: list(entries) for element, entries in self._matched.items() if trees.tree_of(element) is None}
        for element, entries in shadow_matches(trees).items():
            if trees.tree_of(element) is None:
                # The host or a slotted child: the page's rules win over the shadow root's normal
                # declarations (an important one wins over the page's normal ones).
                page = self.on_demand(element, sorted({declaration.name for _, declaration in entries}))
                entries = [(rank, d) for rank, d in entries if d.name not in page or (d.important and not page[d.name].important)]
            matched.setdefault(element, []).extend(entries)
        style._matched = matched
        style.styled = {**{e: v for e, v in self.styled.items() if trees.tree_of(e) is None}, **matched}
        return style

    @classmethod
    def _of_page(cls, root: Any, quirks: bool, shadow_sheets: tuple[str, ...] = ()) -> PageStyle:
        sheets = applied = applied_sheets(root)
        if quirks:
            sheets = _in_quirks_mode(root, sheets)
        index = _ElementIndex(root)
        style = cls._of(root, sheets, index, shadow_sheets)
        # The steps below that match rules on demand do so from this index of the page's elements
        # and these sheets, not from searches of the page and readings of its blocks of their own.
        demanding = style._demanding(root, applied, index)
        sized = _css_sized_images(root, sheets, index)
        generated = generated_text(root, sheets) if sheets else None
        # Property names and keywords are ASCII case-insensitive: the page's CSS is lowered once
        # and searched for the literal words, which is several times faster than a case-blind pattern.
        lowered = "\n".join((*sheets, *index.style_values())).lower()
        small = _css_small_images(root, lowered, demanding)
        if small:
            demanding = copy.copy(demanding)
            demanding.css_small = small
        laid_out = _hidden_by_layout(root, sheets, lowered, index, demanding)
        details = details_content(root, sheets) if sheets else DetailsContent()
        # (A page without `first-line` in its CSS pays this one search of text already lowered.)
        first_lines = first_line_rules(root, sheets) if "first-line" in lowered else {}
        clipped = _clipped_lines(root, sheets, lowered, index, demanding, generated)
        links_unread = _links_unread_sheet(root, sheets)
        helper_classes_hide = links_unread or not _whole_page(root)
        overlaid = _overlaid(root, demanding, lowered, links_unread)
        if (
            laid_out is None
            and not sized
            and not generated
            and details == DetailsContent()
            and helper_classes_hide
            and not first_lines
            and not clipped.cut
            and not overlaid
        ):
            return style
        # A copy, since `_of` may give the style every page without CSS shares (`_NO_PAGE_STYLE`).
        style = copy.copy(demanding)
        style.css_sized = sized
        style.details = details
        style.helper_classes_hide = helper_classes_hide
        if generated:
            style.generated = generated
            # An element with generated words is read as a styled one (never on the walk's fast path).
            style.styled = {**dict.fromkeys(generated, ()), **style.styled}
        if laid_out is not None:
            pushed, style.painted_by = laid_out
            style.painted_over = pushed.whole
            style.text_painted_over = pushed.own_text
            style.tails_unseen = pushed.tails
            # Read as styled elements, for `render` to hide them and the walk to open them.
            style.styled = {**dict.fromkeys((*style.painted_over, *style.text_painted_over), ()), **style.styled}
        if first_lines:
            style._with_first_lines(first_lines, lowered)
        style.line_clipped, style.line_clippers = clipped
        if overlaid:
            style.overlaid = overlaid
            # Read as styled elements, for `render` to read them on an unknown backdrop.
            style.styled = {**dict.fromkeys(overlaid, ()), **style.styled}
        return style

    def _demanding(self, root: Any, sheets: Sequence[str], index: _ElementIndex) -> PageStyle:
        """This style (a copy of the one pages without CSS share) matching on demand from the
        page's applied `sheets` (as `applied_sheets` reads them) and its `index`."""
        style = copy.copy(self) if self is _NO_PAGE_STYLE else self
        style._demand = _Demand(root, sheets, index)
        return style

    def _with_first_lines(self, rules: Mapping[Any, list[tuple[_Precedence, Declaration]]], lowered: str) -> None:
        """Give this (copied) style the page's `::first-line` rules (`first_line.first_line_rules`):
        each block they style gets a stand-in element, matched by their declarations, that
        `render` reads as the first line's inline box; the block is read as a styled element
        (never on the walk's fast path, which would not read its first line)."""
        from lxml import etree

        stand_ins = {block: etree.Element("span") for block in rules}
        self._matched = {**self._matched, **{stand_ins[block]: entries for block, entries in rules.items()}}
        self.first_lines = stand_ins
        self.words_may_break = may_break_words(lowered)
        self.text_widening = text_widening(lowered)
        self.styled = {**dict.fromkeys(stand_ins, ()), **self.styled}

    @classmethod
    def _of(cls, root: Any, sheets: list[str], index: _ElementIndex, shadow_sheets: tuple[str, ...] = ()) -> PageStyle:
        # One index of the page's elements for every step below: each search of the whole page
        # it holds (classes, ids, `style` and `hidden` attributes) is made once, when first asked.
        inline = index.style_values()
        hints: Hints = _presentational_colours_if_any(root)
        # The shadow roots' `<style>` blocks colour the text they hold, their hosts and what they
        # slot, on the page's canvas: the canvas and the page's colours are read with them too
        # (their rules are matched apart: `shadow.shadow_matches`).
        painting = (*sheets, *shadow_sheets)
        canvas, default_text = _canvas_and_default_text(root, painting, inline, hints)
        clipping = clipping_reach(tuple(sheets), inline)
        if hints:
            hints = _hints_that_blend(hints, painting, index, canvas, default_text)
        if not sheets:
            if canvas is None and not clipping and not hints and default_text is None:
                return _NO_PAGE_STYLE
            return cls({}, canvas=canvas, clipping=clipping, hints=hints)._with_default_text(default_text)
        families = _page_families(painting, index, inline)
        families = _with_one_line_families(families, tuple(sheets), tuple(inline))
        families = _with_drawn_families(families, root, sheets, painting, inline, canvas, hints, default_text)
        # Font sizes that make text too small to read together, as neither does alone: every
        # font size is then read (`_composes_unreadable_sizes`).
        composed = _composes_unreadable_sizes(tuple(sheets), tuple(inline))
        families |= {"font"} if composed else set()
        families = _with_reach_families(families, clipping)
        overflow_shown = _sheet_traits(tuple(sheets)).overflow_shown
        if not families:
            return cls({}, True) if overflow_shown else _NO_PAGE_STYLE
        rules = page_rules(tuple(sheets))
        # A blurred text shadow thins by the font size of its glyphs, and a blur filter smears
        # text by it: every font size is read.
        every_font = composed or _blurs_text_shadows(tuple(sheets), tuple(inline)) or _blurs_by_filter(tuple(sheets), tuple(inline))
        families |= {"font"} if every_font else set()
        matched = _match_rules(
            rules, families, tuple(sheets), index, canvas, clipping, every_colour=bool(hints) or default_text is not None, every_font=every_font
        )
        return cls(matched, overflow_shown, canvas, clipping, hints=hints, sheets=tuple(sheets))._with_default_text(default_text)

    def _with_default_text(self, colour: Colour | None) -> PageStyle:
        """This style with its `default_text` set (a new page style's)."""
        self.default_text = colour
        return self

    def clips_sideways(self, root: Any) -> bool:
        """True when the page does not scroll sideways: the `overflow-x` the viewport takes is
        `hidden` or `clip` (`<html>`'s, or `<body>`'s where `<html>` shows its overflow on both
        axes: CSS Overflow 3, 3.3). What lies past the screen's right edge is then out of every
        reader's reach. Worked out once per page."""
        if self._clips_sideways is not None:
            return self._clips_sideways
        body = root.find("body")
        axes = overflow_axes(self.on_demand(root, _OVERFLOW))
        if axes == ("visible", "visible") and body is not None:
            axes = overflow_axes(self.on_demand(body, _OVERFLOW))
        found = axes[0] in ("hidden", "clip")
        if self is not _NO_PAGE_STYLE:
            self._clips_sideways = found
        return found

    def runs_scripts(self, root: Any) -> bool:
        """True when a script of the page may run: a `<script>` that is not inert (`why_inert`),
        or an event handler attribute on `<html>` or `<body>` (`onload`). Without one, nothing
        lifts a page-wide hide (see `_judged`). Worked out once per page."""
        if self._runs_scripts is not None:
            return self._runs_scripts
        from compliance.document.elements import may_run_a_script

        found = may_run_a_script(root, [element for element in (root, root.find("body")) if element is not None])
        if self is not _NO_PAGE_STYLE:
            self._runs_scripts = found
        return found

    def reveals(self, root: Any) -> reveals.Reveals:
        """The revealed states of the page's CSS and what its scripts are (`reveals.Reveals`):
        read when an entrance effect asks (`_without_script_reveals`), once per page."""
        if self._reveals is not None:
            return self._reveals
        rules = page_rules(self._sheets)
        found = reveals.Reveals(root, rules.rules, rules.declaring, reveals.scripts_run(root))
        if self is not _NO_PAGE_STYLE:
            self._reveals = found
        return found

    def holds_every_keyframes(self, root: Any) -> bool:
        """True when the page's `<style>` blocks hold every `@keyframes` there is: it links no
        stylesheet and imports none (a `data:` one is read into the blocks), so a name with no
        keyframes in them has none anywhere. Worked out once per page (the style shared by pages
        without `<style>` blocks works it out for each page that asks)."""
        if self._every_keyframes is not None:
            return self._every_keyframes
        found = not any("@import" in sheet.lower() for sheet in self._sheets) and not _xpath(f"boolean({_LINKS_STYLESHEET})")(root)
        if self is not _NO_PAGE_STYLE:
            self._every_keyframes = found
        return found

    @functools.cached_property
    def keyframes(self) -> dict[str, Keyframes | None]:
        """The `@keyframes` of the page's `<style>` blocks, by name (see `animation.page_keyframes`)."""
        return page_keyframes(self._sheets)

    @property
    def sheets(self) -> tuple[str, ...]:
        """The `<style>` blocks a browser applies to the page (empty for a page without any)."""
        return self._sheets

    @functools.cached_property
    def registered(self) -> Registered:
        """The registered custom properties `render` reads as registered (see `Registered`):
        those of the page's `<style>` blocks that do not inherit or are of `<color>` syntax."""
        found = (entry for sheet in self._sheets for entry in registrations(sheet)) if self._sheets else ()
        return {name: (initial, inherits, syntax) for name, initial, inherits, syntax in found if not inherits or syntax == "<color>"}

    @property
    def root_rendering(self) -> Rendering:
        """How the page's root shows before its own style: on the canvas, when it is known."""
        registered = dict(pair for sheet in self._sheets for pair in registered_properties(sheet)) if self._sheets else {}
        if self.canvas is None and self.default_text is None and not registered:
            return SHOWN
        # Registered custom properties have their initial values everywhere nothing sets them.
        return Rendering(colour=self.default_text, background=self.canvas, variables=registered or None)

    def box_sizes(self, element: Any) -> dict[str, Declaration]:
        """The `width`, `max-width` and `min-width` that win the cascade on the element, from
        every `<style>` block a browser applies and its `style` attribute, whether or not they
        can hide: matched on demand, for the few elements that ask (an image in a box 2px wide:
        see `_fits_narrow_box`)."""
        return self.on_demand(element, _BOX_SIZES)

    def on_demand(self, element: Any, names: Sequence[str], *, every_screen: bool = False) -> dict[str, Declaration]:
        """The declarations of the properties `names` that win the cascade on the element, from
        every `<style>` block a browser applies and its `style` attribute, whether or not they
        can hide: matched on demand, for the few elements that ask (`box_sizes`, the `display`
        of a narrow box's parent). With `every_screen`, only from the rules every reader meets
        (none in a media query or `@supports` condition that only some meet)."""
        return self.on_demand_of([element], names, every_screen=every_screen)[0]

    def on_demand_of(self, elements: Sequence[Any], names: Sequence[str], *, every_screen: bool = False) -> list[dict[str, Declaration]]:
        """`on_demand` for each of several elements of one page, matched together (each rule
        once over all of them)."""
        demand = self._demand_of(elements[0].getroottree().getroot())
        wanted, ranks = demand.declaring(names, every_screen=every_screen)
        matched: _Matched = {}
        if wanted:
            scope = _Scope(list(elements), demand.elements)
            for order, rule, found in wanted:
                # Screened by the names its selectors require, as `_match_rules` does: most of a
                # site's rules that set a margin or a height are about widgets this page lacks,
                # and compiling their selectors costs far more than the test.
                if demand.elements.may_match(rule.selectors):
                    _match_rule(rule, order, found, matched, scope.select, ranks)
        style = PageStyle(matched)
        return [{name: declared[name] for name in names if name in declared} for declared in map(style.declarations, elements)]

    def declared_on(self, root: Any, name: str, keywords: Collection[str]) -> list[Any]:
        """The elements of the page under `root` on which some `<style>` rule a browser applies
        (on some screen or every one) or a `style` attribute declares the property `name` as one
        of the `keywords` (lower-cased), whether or not that declaration wins the cascade: every
        element on which `on_demand` may find such a value of `name`, and maybe others. Each
        rule that declares one is matched once over the page; an element may be listed twice."""
        return self.declaring_on(root, (name,), lambda declaration: declaration.keyword in keywords)

    def declaring_on(self, root: Any, names: Sequence[str], test: Callable[[Declaration], bool]) -> list[Any]:
        """The elements of the page under `root` on which some `<style>` rule a browser applies
        (on some screen or every one) or a `style` attribute declares one of the properties
        `names` with a value `test` accepts, whether or not that declaration wins the cascade
        (`declared_on` for keywords; the rules that paint a picture as a background:
        `backgrounds`). Each such rule is matched once over the page; an element may be listed twice."""
        demand = self._demand_of(root)
        asked = frozenset(names)
        found = [element for element, declared in demand.elements.inline_styles() if any(d.name in asked and test(d) for d in declared)]
        for _, rule, declared in demand.declaring(tuple(names), every_screen=False)[0]:
            if any(test(d) for d in declared) and demand.elements.may_match(rule.selectors):
                found.extend(element for selector in _selectors(rule.selectors, rule.scope) for element in demand.elements.select(selector))
        return found

    def _demand_of(self, root: Any) -> _Demand:
        """What `on_demand` matches the elements of the page under `root` from."""
        demand = self._demand if self._demand is not None and self._demand.root is root else None
        if demand is None:
            # Read once per page, not once per element that asks: a page of thousands of narrow
            # boxes asks for each of them.
            demand = _Demand(root, applied_sheets(root), _ElementIndex(root))
            if self is not _NO_PAGE_STYLE:  # shared by the pages without CSS: not kept there
                self._demand = demand
        return demand

    def declarations(self, element: Any) -> dict[str, Declaration]:
        """The declarations that win the cascade on this element, by property name (empty when
        neither a `<style>` rule nor a `style` attribute sets a property that can hide)."""
        winners = self._winners(element)
        for shorthand in _SHORTHANDS.keys() & winners.keys():
            # A shorthand that wins over its longhand (stronger, or as strong and written later)
            # set that value too: `margin-left: -9999px; margin: 0 auto` leaves the margin at 0.
            for longhand in _SHORTHANDS[shorthand]:
                if longhand in winners and winners[longhand][:2] < winners[shorthand][:2]:
                    del winners[longhand]
        return {name: declaration for name, (_, _, declaration) in winners.items()}

    def winners_of(self, element: Any, groups: Sequence[Sequence[str]]) -> list[Declaration | None]:
        """For each group of properties that set one value of the element, a longhand and its
        shorthand (`margin-top` and `margin`), the declaration that wins the cascade; None for a
        group none of whose properties is declared (as `declarations` reads them). The cascade
        is read once for all the groups."""
        winners = self._winners(element)
        found = [[winners[name] for name in names if name in winners] for names in groups]
        return [max(ranked, key=lambda entry: entry[:2])[2] if ranked else None for ranked in found]

    def _winners(self, element: Any) -> dict[str, tuple[_Precedence, int, Declaration]]:
        """Each property's winning declaration, with its precedence and its place among the
        element's declarations (of two as strong, the later wins: a longhand and its shorthand
        in one rule)."""
        candidates = self._matched.get(element)
        inline = element.get("style")
        hinted = self._hints.get(element) if self._hints else None
        if not candidates and not inline and not hinted:
            return {}
        ranked: list[tuple[_Precedence, Declaration]] = [(_HINT_PRECEDENCE, d) for d in hinted or ()]
        ranked.extend(candidates or ())
        if inline:
            ranked.extend(((d.important, True, _UNLAYERED, (0, 0, 0), _UNSCOPED, position), d) for position, d in enumerate(parse_style_attribute(inline)))
        winners: dict[str, tuple[_Precedence, int, Declaration]] = {}
        for place, (precedence, declaration) in enumerate(ranked):
            current = winners.get(declaration.name)
            if current is None or precedence >= current[0]:
                winners[declaration.name] = (precedence, place, declaration)
        return winners


# The shorthands read here, and the longhands read here that each of them sets (CSS Box Model 3,
# CSS Positioned Layout 3, CSS Overflow 3, CSS Fonts 4): where both are declared, the value is the
# one of whichever wins the cascade, and the reading of a longhand falls back to its shorthand.
_SHORTHANDS: dict[str, tuple[str, ...]] = {
    "margin": ("margin-top", "margin-right", "margin-bottom", "margin-left"),
    "inset": ("top", "right", "bottom", "left"),
    "padding": ("padding-top", "padding-right", "padding-bottom", "padding-left"),
    "overflow": ("overflow-x", "overflow-y"),
    "font": ("font-size", "line-height"),
    # (and the longhands `backgrounds` reads of where its picture is painted: CSS Backgrounds 3)
    "background": (
        "background-color",
        "background-image",
        "background-size",
        "background-position",
        "background-position-x",
        "background-position-y",
        "background-repeat",
        "background-clip",
        "-webkit-background-clip",
        "background-origin",
        "background-attachment",
    ),
}

_NO_PAGE_STYLE = PageStyle({})
# The properties that size a box's width (`PageStyle.box_sizes`).
_BOX_SIZES = ("width", "max-width", "min-width")
# The `<style>` types a browser applies (HTML, 4.2.6: none, empty, or text/css in any case).
_CSS_TYPES = frozenset({"", "text/css"})
# Where a `<style>` is not applied: `<noscript>` content is not rendered with scripts on, as in
# the reader modelled; a `<template>`'s content (a declarative shadow root's too) is inert or
# styles only its own shadow tree, never the page's light DOM; in `<math>` it is a MathML
# element of that name, not a style sheet (HTML's "in foreign content"; SVG has a `<style>`),
# unless it is in one of MathML's text integration points, where HTML is read as HTML.
_INERT_STYLE_HOLDERS = frozenset({"noscript", "template", "math"})


def _inert_style(style: Any) -> bool:
    """Whether a `<style>` element is in a place that makes it no style sheet (`_INERT_STYLE_HOLDERS`),
    out of reach of the MathML text integration points that make HTML of it again."""
    in_html_again = False
    for ancestor in style.iterancestors():
        tag = ancestor.tag.lower() if isinstance(ancestor.tag, str) else ""
        if tag in MATHML_TEXT_INTEGRATION_POINTS:
            in_html_again = True
        elif tag in _INERT_STYLE_HOLDERS and not (tag == "math" and in_html_again):
            return True
    return False


def _overlaid(root: Any, style: PageStyle, lowered: str, links_unread: bool) -> frozenset[Any]:
    """`PageStyle.overlaid`, read only where a text colour may be judged against a background
    the checker knows: the canvas, or a background the page's CSS sets."""
    if style.canvas is None and "background" not in lowered and not root.xpath("boolean(//@bgcolor)"):
        return frozenset()
    from compliance.document.backdrops import over_pictures

    return over_pictures(root, style, lowered, links_unread)


def applied_sheets(root: Any) -> list[str]:
    """The text of each `<style>` block under `root` a browser applies to the page, in document
    order: not one of another type (`text/plain`), not one inside `<noscript>` or `<template>`,
    and not one whose `media` no reader's screen meets (`print`); one whose `media` only some
    screens meet is read as the same rules in an `@media` block with that query. A stylesheet
    given as a `data:` URL, by a `<link rel="stylesheet">` or an `@import`, is applied in its
    place (see `data_sheets`; nothing is fetched). A block whose brackets nest too deep to read
    is left out (`css.nests_too_deep`). A sheet's `@namespace` rules are applied to its selectors
    (`namespaces`: with a default SVG namespace, `.byline` hides no HTML element)."""
    from compliance.document.media_queries import NEVER, counts_as_written, screens_meeting
    from compliance.document.namespaces import may_declare_namespaces, with_namespaces_applied

    sheets: list[str] = []
    for element in root.iter("style", "link"):
        text = element.text if element.tag == "style" else _linked_data_sheet(element)
        if not text or (element.get("type") or "").strip().lower() not in _CSS_TYPES or nests_too_deep(text):
            continue
        if _inert_style(element):
            continue
        media = element.get("media")
        met = None if media is None else screens_meeting(media)
        if met == NEVER:
            continue
        # The block itself was read above: only the `data:` sheets it imports are left to test.
        readable = (sheet for sheet in with_data_imports(text) if sheet is text or not nests_too_deep(sheet))
        # Each sheet's `@namespace` rules applied to its own selectors.
        readable = (with_namespaces_applied(sheet) if may_declare_namespaces(sheet) else sheet for sheet in readable)
        sheets.extend(sheet if met is None or counts_as_written(met) else f"@media {media} {{\n{sheet}\n}}" for sheet in readable)
    return sheets


# An `@import` of a stylesheet that is not a `data:` URL (not fetched, so not read).
_UNREAD_IMPORT = on_first_use(r"@import\s+(?:url\(\s*)?[\"']?(?!\s*data:)", re.IGNORECASE)


def _with_drawn_families(
    families: frozenset[str],
    root: Any,
    sheets: Sequence[str],
    painting: tuple[str, ...],
    inline: Sequence[str],
    canvas: Colour | None,
    hints: Hints,
    default_text: Colour | None,
) -> frozenset[str]:
    """`families` (`PageStyle._of`'s) with those an `<svg>`'s presentation attributes, an
    animation that hides and the page's colours (on its `canvas`, its presentational `hints`, its
    `default_text`, the text it fades in `painting`: its sheets and the shadow roots') are read
    with."""
    if _svg_presentation(root):
        families |= set(_SVG_HIDING_ATTRIBUTES)  # the CSS that may show an `<svg>` they hide
    if "opacity" not in families and _animates_away(tuple(sheets), inline):
        families |= {"opacity"}  # a `style` attribute's animation ends on keyframes that hide
    if canvas is not None or hints or default_text is not None or fades_text(painting, inline):
        # A light text colour blends in with the canvas (see `page_canvas`); every CSS colour
        # may override a presentational one that blends in, or be filtered into another, or
        # be faded into the background (`faded`); and the custom properties the colours use
        # are worked out on the elements.
        families |= {"colour", *_colour_variables(tuple(sheets))}
    return families


def _with_reach_families(families: frozenset[str] | set[str], clipping: bool) -> frozenset[str]:
    """`families` with those a box moved out of a clipping one is read with (`clipping`), and with
    `display` where a size may hide (what makes an inline box one that sizes bound: `_or_sized_display`)."""
    found = frozenset(families) | (_CLIPPING_FAMILIES if clipping else frozenset())
    return found | {"display"} if "size" in found else found


def _pushed_out(root: Any, sheets: Sequence[str], lowered: str, index: _ElementIndex, style: PageStyle) -> flow_clip.Pushed:
    """What the flow pushes below the bottom of a box that clips it (`flow_clip`): nothing
    unless the page's CSS (`lowered`: its blocks and `style` attributes, lowered) names an
    `overflow` cut off and a height. Read with the page's `style` on demand (whose rules are
    parsed once for the page)."""
    if not flow_clip.may_push(lowered):
        return flow_clip.NOTHING_PUSHED
    from compliance.document.paint_order import clipping_boxes

    boxes = clipping_boxes(root, sheets, index)
    if not boxes:
        return flow_clip.NOTHING_PUSHED
    return flow_clip.pushed_out_on_every_screen(boxes, style.on_demand_of)


def _clipped_lines(
    root: Any, sheets: Sequence[str], lowered: str, index: _ElementIndex, style: PageStyle, generated: Mapping[Any, tuple[str, str]] | None
) -> line_clip.Clipped:
    """The words that boxes clipping their one line leave unseen (`line_clip`): none unless the
    page's CSS (`lowered`) names an `overflow` cut off and a width."""
    if not line_clip.may_clip_lines(lowered):
        return line_clip.Clipped({})
    from compliance.document.paint_order import line_clipping_boxes, unwrapping_boxes

    boxes = line_clipping_boxes(root, sheets, index)
    if not boxes:
        return line_clip.Clipped({})
    unwrapped = unwrapping_boxes(root, sheets, index) if "nowrap" in lowered or "pre" in lowered else frozenset()
    return line_clip.clipped_lines(boxes, unwrapped, style, lowered, generated)


def _collapsed_grid_items(root: Any, lowered: str, style: PageStyle) -> frozenset[Any]:
    """The grid items in a track of no size that show nothing of what they hold
    (`grid_tracks`): none unless the page's CSS (`lowered`) declares a track list that begins
    with a zero. Each grid is the one child element of its item's parent (text beside it is an
    item too), read by the declarations every screen meets, when no rule some screens only meet
    sets the same properties on it (a `@media` rule may open the track)."""
    last_rows = _collapsed_last_rows(root, lowered, style)
    if not grid_tracks.may_collapse(lowered):
        return last_rows
    parents = [element for element in root.iter() if isinstance(element.tag, str) and len(element) and element.tag not in SKIP_TAGS]
    if not parents:
        return last_rows
    every = style.on_demand_of(parents, grid_tracks.CONTAINER_NAMES, every_screen=True)
    grids = [parent for parent, declared in zip(parents, every, strict=True) if grid_tracks.is_grid(declared)]
    if not grids:
        return last_rows
    # A replaced element (an image: `normal` aligns it to the start, at its own height) or a
    # table (never smaller than its content) is not shrunk into the track.
    items = {
        grid: child
        for grid in grids
        if (child := _only_child_element(grid)) is not None and child.tag not in _REPLACED_TAGS and child.tag not in IMAGE_TAGS and child.tag != "table"
    }
    found = []
    for grid, item in items.items():
        (grid_every, item_every), (grid_any, item_any) = (
            style.on_demand_of([grid], grid_tracks.CONTAINER_NAMES, every_screen=True) + style.on_demand_of([item], grid_tracks.ITEM_NAMES, every_screen=True),
            style.on_demand_of([grid], grid_tracks.CONTAINER_NAMES) + style.on_demand_of([item], grid_tracks.ITEM_NAMES),
        )
        if grid_every == grid_any and item_every == item_any and grid_tracks.collapsed_item(grid_every, item_every):
            found.append(item)
    return frozenset(found) | last_rows


def _collapsed_last_rows(root: Any, lowered: str, style: PageStyle) -> frozenset[Any]:
    """The last items of grids whose last row track is of no size and that clip their overflow
    (`grid_tracks.last_row_collapsed`: `grid-template-rows: auto 0; overflow: hidden`): none unless
    the page's CSS (`lowered`) names such a track list. Each grid holds child elements and no
    text, read by the declarations every screen meets, when no rule some screens only meet sets
    the same properties on it or its items."""
    if not grid_tracks.may_collapse_last_row(lowered):
        return frozenset()
    parents = [element for element in root.iter() if isinstance(element.tag, str) and len(element) > 1 and element.tag not in SKIP_TAGS]
    every = style.on_demand_of(parents, grid_tracks.CONTAINER_NAMES, every_screen=True) if parents else []
    found = [item for grid, declared in zip(parents, every, strict=True) if (item := _collapsed_last_item(grid, declared, style)) is not None]
    return frozenset(found)


def _collapsed_last_item(grid: Any, declared: Mapping[str, Declaration], style: PageStyle) -> Any:
    """The last item of a grid (`_collapsed_last_rows`: its declarations every screen meets,
    `declared`) that holds no text and whose last row track collapses it, when no rule some
    screens only meet sets the same properties on it or its items; None otherwise."""
    rows = declared.get("grid-template-rows")
    if rows is None or (grid.text or "").strip() or any((child.tail or "").strip() for child in grid):
        return None
    items = [child for child in grid if isinstance(child.tag, str)]
    if items[-1].tag in _REPLACED_TAGS or items[-1].tag in IMAGE_TAGS or items[-1].tag in SKIP_TAGS:
        return None
    every_items = style.on_demand_of(items, grid_tracks.ITEM_NAMES, every_screen=True)
    if style.on_demand(grid, grid_tracks.CONTAINER_NAMES) != declared or style.on_demand_of(items, grid_tracks.ITEM_NAMES) != every_items:
        return None
    return items[-1] if grid_tracks.last_row_collapsed(declared, every_items) else None


def _only_child_element(parent: Any) -> Any:
    """The one child element of `parent` with nothing but white space and comments beside it;
    None when it has text or more than one child element."""
    children = [child for child in parent if isinstance(child.tag, str)]
    if len(children) != 1 or (parent.text or "").strip() or any((child.tail or "").strip() for child in parent):
        return None
    return children[0]


def _links_unread_sheet(root: Any, sheets: Sequence[str]) -> bool:
    """True when the page links (`<link rel="stylesheet">`) or imports a stylesheet the checker
    does not read: one not given as a `data:` URL."""
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "stylesheet" in rel and "alternate" not in rel and not (link.get("href") or "").strip().lower().startswith("data:"):
            return True
    return any(_UNREAD_IMPORT().search(sheet) for sheet in sheets)


def _whole_page(root: Any) -> bool:
    """True for a whole page, shown by itself: one with a `<title>` in its head (a CMS export or
    another fragment has none: it is shown inside a site's page, with that page's CSS)."""
    head = root.find("head")
    return head is not None and head.find("title") is not None


def _linked_data_sheet(link: Any) -> str | None:
    """The text of the `data:` stylesheet a `<link>` applies: one whose `rel` has the
    `stylesheet` keyword (not `alternate`: a stylesheet the reader must choose) and that is not
    `disabled`; None for any other `<link>`, or an address that is not a `data:` URL."""
    rel = (link.get("rel") or "").lower().split()
    href = link.get("href")
    if "stylesheet" not in rel or "alternate" in rel or href is None or link.get("disabled") is not None:
        return None
    return data_sheet_text(href)


def _match_rules(
    rules: PageRules,
    families: frozenset[str],
    sheets: tuple[str, ...],
    index: _ElementIndex,
    canvas: Colour | None = None,
    clipping: bool = False,
    *,
    every_colour: bool = False,
    every_font: bool = False,
) -> _Matched:
    """The page's rules in the families that can hide (`families`) matched to their elements;
    with `clipping`, those that make a box clip its overflow with a size too, and the others of
    the families a box moved out of it is read with among those boxes and what they hold; with
    `every_colour`, every colour over the whole page (a presentational colour that blends in may
    be overridden by any of them: see `presentational_colours`); with `every_font`, every font
    size (that a blurred text shadow thins by: see `text_shadows`)."""
    ranks = rules.ranks
    keyframes = _keyframes_if_any_hide(sheets)
    wanted = [(order, rules.rules[order], _applicable(rules.rules[order], families, keyframes)) for order in rules.declaring(families, families=True)]
    wanted = _without_conditional_hiding_colours(wanted, families, sheets, index, canvas)
    wanted = [(order, rule, declarations) for order, rule, declarations in wanted if declarations]
    matched: _Matched = {}
    # First the rules that hide, matched over the whole page. A rule that can only show again
    # (`display: block`, `font-size: 14px`) changes what a reader sees only on an element that
    # something hides: most of a site's rules are about other elements, so such a rule is
    # matched only among the elements where it can matter (see `_Reach`).
    hides = _hides_in(families, sheets, index, canvas, every_colour=every_colour, every_font=every_font)
    one_line = any(_SheetSummary.of(sheet).one_line for sheet in sheets)
    showing: list[tuple[int, StyleRule, list[Declaration]]] = []
    clipping_boxes: list[Any] = []
    # The boxes a rule makes show one line only: what may make them taller is read on them.
    line_boxes: list[Any] = []
    for order, rule, declarations in wanted:
        if not index.may_match(rule.selectors):
            continue
        clips = clipping and clipping_size(declarations) is not None
        lines = one_line and _one_line_rule(rule)
        if clips or lines or _matched_everywhere(declarations, hides):
            found = _match_rule(rule, order, declarations, matched, index.select, ranks)
            clipping_boxes.extend(found if clips else ())
            line_boxes.extend(found if lines else ())
        else:
            showing.append((order, rule, declarations))
    if showing:
        reach = _Reach(matched, hides, index, line_boxes)
        clipped = _clipped_scope(clipping_boxes, index) if clipping else None
        for order, rule, declarations in showing:
            named = {d.family for d in declarations}
            scope = reach.scope(named)
            select = scope.select if clipped is None or not named & _CLIPPING_FAMILIES else _either(scope.select, clipped.select)
            _match_rule(rule, order, declarations, matched, select, ranks)
    return matched


def _clipped_scope(boxes: Iterable[Any], index: _ElementIndex) -> _Scope:
    """The boxes that clip their overflow with a size (`boxes`, that rules make so, and those
    their `style` attribute makes so) and all they hold: where a rule can move a box out of one,
    or change whether it clips."""
    found = [*boxes, *(element for element, declarations in index.inline_styles() if clipping_size(declarations) is not None)]
    return _Scope({inner: None for box in found for inner in box.iter()}, index)


def _either(first: Callable[[_CompiledSelector], list[Any]], second: Callable[[_CompiledSelector], list[Any]]) -> Callable[[_CompiledSelector], list[Any]]:
    """A selection of the elements either of two selections finds, each once, in their order."""

    def select(selector: _CompiledSelector) -> list[Any]:
        return list(dict.fromkeys([*first(selector), *second(selector)]))

    return select


def _or_perspective(hides: Callable[[Declaration], bool]) -> Callable[[Declaration], bool]:
    """`hides`, or a `perspective` (under which an edge-on box shows): it applies to ancestors of
    what it decides about, and is matched over the whole page, as what hides is."""

    def test(declaration: Declaration) -> bool:
        return hides(declaration) or declaration.name == "perspective"

    return test


def _matched_everywhere(declarations: Iterable[Declaration], hides: Callable[[Declaration], bool]) -> bool:
    """True when a rule with these declarations is matched over the whole page: one hides, or
    uses or sets a custom property (known only on the element)."""
    return any(hides(d) or d.custom or _uses_variables(d) for d in declarations)


def _without_conditional_hiding_colours(
    wanted: list[tuple[int, StyleRule, list[Declaration]]], families: frozenset[str], sheets: tuple[str, ...], index: _ElementIndex, canvas: Colour | None
) -> list[tuple[int, StyleRule, list[Declaration]]]:
    """`wanted` without the text colours of rules only some screens meet (or a few readers'
    screens: `(prefers-color-scheme: dark)`) that may blend in with a background of the page (see
    `_hiding_test`): like any rule of such a query, one can show what another hid, never hide
    (`@media (prefers-color-scheme: dark) { .byline { color: #fff } }` on a white page leaves the
    byline seen by most readers). A rule of a query most readers meet is not conditional. Only
    where colours are matched (`families` has "colour")."""
    if "colour" not in families or not any(rule.conditional and any(d.name in _TEXT_COLOURS for d in declarations) for _, rule, declarations in wanted):
        return wanted
    blends = _hiding_test(tuple(sheets), index, canvas)
    return [
        (order, rule, [d for d in declarations if not (d.name in _TEXT_COLOURS and blends(d))] if rule.conditional else declarations)
        for order, rule, declarations in wanted
    ]


def _hides_in(
    families: frozenset[str], sheets: tuple[str, ...], index: _ElementIndex, canvas: Colour | None, *, every_colour: bool, every_font: bool = False
) -> Callable[[Declaration], bool]:
    """The test of the declarations matched over the whole page (see `_match_rules`)."""
    hides = _hiding_test(tuple(sheets), index, canvas) if "colour" in families else _can_hide
    # Under a blend every colour counts: what is behind the text is blended with it (`blending`).
    hides = _or_family(hides, "colour") if every_colour or _blends_text(sheets) else hides
    hides = _or_family(hides, "font") if every_font else hides
    # A size cuts off what an inline box holds only once a `display` makes a box of it (`sizes_clip`).
    hides = _or_sized_display(hides) if "size" in families else hides
    names = _hiding_keyframes(sheets)
    return _or_partly_fading(_or_perspective(_or_animation(hides, names) if names else hides))


@functools.lru_cache(maxsize=SHEETS_CACHED)
def _blends_text(sheets: tuple[str, ...]) -> bool:
    """True when some `<style>` block sets a `mix-blend-mode` that may lose text (see `blending`)."""
    return any(
        "mix-blend-mode" in sheet.lower()
        and any(blending.may_lose_text(d) for rule in parse_style_sheet(sheet) for d in rule.declarations if d.name == "mix-blend-mode")
        for sheet in sheets
    )


def _or_animation(hides: Callable[[Declaration], bool], names: frozenset[str]) -> Callable[[Declaration], bool]:
    """`hides`, extended to an `animation` or `animation-name` that names one of these keyframes."""

    def test(declaration: Declaration) -> bool:
        if declaration.name in ("animation", "animation-name"):
            return any(t.type in ("ident", "string") and t.value in names for t in declaration.values)
        return hides(declaration)

    return test


def _or_partly_fading(hides: Callable[[Declaration], bool]) -> Callable[[Declaration], bool]:
    """`hides`, or a fade or shrink that hides nested in others (`opacity: 0.1` in a box at
    0.1): matched over the whole page, as what hides is (see `fading`)."""

    def test(declaration: Declaration) -> bool:
        return hides(declaration) or _partly_fades(declaration)

    return test


@functools.lru_cache(maxsize=SHEETS_CACHED)
def _hiding_keyframes(sheets: tuple[str, ...]) -> frozenset[str]:
    """The names of the page's `@keyframes` whose first or last keyframe can hide (an animation
    that ends there with a fill mode hides the element: see `animation`)."""
    rules = page_keyframes(sheets)
    return frozenset(name for name, rule in rules.items() if rule is not None and any(_can_hide(d) for offset in (0.0, 1.0) for d in rule.at(offset).values()))


def _animates_away(sheets: tuple[str, ...], styles: Sequence[str] = ()) -> bool:
    """True when an `animation` or `animation-name` in the `<style>` blocks names keyframes that
    can hide (see `_hiding_keyframes`), or one of the page's `style` attributes (`styles`) sets
    one while such keyframes exist (a library's keyframes that the page never runs cost nothing)."""
    names = _hiding_keyframes(sheets)
    if not names:
        return False
    if _sheets_animate(sheets, names):
        return True
    return any("animation" in value for value in styles)


@functools.lru_cache(maxsize=SHEETS_CACHED)
def _sheets_animate(sheets: tuple[str, ...], names: frozenset[str]) -> bool:
    """True when a declaration in the `<style>` blocks runs one of the keyframes `names`."""
    hides = _or_animation(lambda _: False, names)
    return any(hides(d) for sheet in sheets for rule in parse_style_sheet(sheet) for d in rule.declarations if d.name in ("animation", "animation-name"))


# The `-webkit-text-security` values that draw each character as a bullet, circle or square, as
# in a password field (Chromium and Safari; inherited: a descendant's `none` shows its text).
MASKING_TEXT_SECURITY = frozenset({"disc", "circle", "square"})


# The displays that make a box `width` and `height` bound, whatever the tag (`clipping.sizes_clip`).
SIZED_DISPLAYS = frozenset({"block", "inline-block", "flow-root", "list-item", "flex", "inline-flex", "grid", "inline-grid", "-webkit-box"})


def _or_sized_display(hides: Callable[[Declaration], bool]) -> Callable[[Declaration], bool]:
    """`hides`, extended to a `display` that makes a box sizes bound (`display: block` on a `<span>`)."""

    def test(declaration: Declaration) -> bool:
        return hides(declaration) or (declaration.family == "display" and declaration.keyword in SIZED_DISPLAYS)

    return test


def _or_family(hides: Callable[[Declaration], bool], family: str) -> Callable[[Declaration], bool]:
    """`hides`, extended to every declaration of a family."""

    def test(declaration: Declaration) -> bool:
        return declaration.family == family or hides(declaration)

    return test


def _hints_that_blend(hints: Hints, sheets: tuple[str, ...], page: _ElementIndex, canvas: Colour | None, default_text: Colour | None = None) -> Hints:
    """`hints` when one of their colours blends in with a colour the page sets (its CSS, another
    hint, the canvas, or the text colour where it sets none), else none: presentational colours are read only where they can hide,
    and not on a page that links a stylesheet (not fetched), whose every colour would override
    them (old table layouts restyled by a site-wide stylesheet keep their `bgcolor`s)."""
    if _xpath(_LINKS_STYLESHEET)(page.root):
        return {}
    texts, backgrounds = _page_colours(sheets, page)
    hinted = [d for found in hints.values() for d in found]
    hint_texts = {c for d in hinted if d.name == "color" and (c := _text_colour(d)) is not None}
    hint_backgrounds = {c for d in hinted if d.name == "background-color" and (c := _background_colour(d)) is not None}
    if canvas is not None:
        backgrounds.add(canvas)
    if default_text is not None:
        texts.add(default_text)
    risky_texts, risky_backgrounds = _blending(frozenset(texts | hint_texts), frozenset(backgrounds | hint_backgrounds))
    return hints if risky_texts & hint_texts or risky_backgrounds & hint_backgrounds else {}


class _SheetIndex(NamedTuple):
    """The places, among a `<style>` block's rules (`css.parse_style_sheet`), of the rules that
    declare each property, by its name and by its family (`css.FAMILIES`), in order."""

    by_name: Mapping[str, tuple[int, ...]]
    by_family: Mapping[str, tuple[int, ...]]


@per_sheet
def _sheet_index(sheet: str) -> _SheetIndex:
    by_name: dict[str, dict[int, None]] = {}
    by_family: dict[str, dict[int, None]] = {}
    for place, rule in enumerate(parse_style_sheet(sheet)):
        for declaration in rule.declarations:
            by_name.setdefault(declaration.name, {})[place] = None
            by_family.setdefault(declaration.family, {})[place] = None
    return _SheetIndex({name: tuple(places) for name, places in by_name.items()}, {name: tuple(places) for name, places in by_family.items()})


class PageRules(NamedTuple):
    """The rules of a page's applied `<style>` blocks, read once for the page's every step that
    matches some of them (`page_rules`): the rules in order, each anonymous layer told apart by
    its block (`_own_anonymous_layer`); the cascade rank of each layer they name (`_layer_ranks`);
    and each block's index of the rules that declare each property (`_sheet_index`, remembered
    with the block's text), with the place of its first rule among the page's. A step that wants
    a few properties takes the few rules that declare them: a site's stylesheet runs to
    thousands of rules, nearly all about other properties."""

    rules: tuple[StyleRule, ...]
    ranks: Mapping[str, tuple[float, ...]]
    sheets: tuple[tuple[int, _SheetIndex], ...]

    def declaring(self, names: Iterable[str], *, families: bool = False) -> list[int]:
        """The places of the rules that declare a property of `names` (with `families`, of those
        families), in order."""
        found: set[int] = set()
        for first, index in self.sheets:
            places = index.by_family if families else index.by_name
            for name in names:
                at = places.get(name)
                if at:
                    found.update(at if not first else (first + place for place in at))
        return sorted(found)


# The pages whose rules `page_rules` keeps: the page being read (whose steps each ask) and the one
# before; more would keep the rules of pages long gone alive, once their blocks are forgotten.
_PAGES_RULES_KEPT = 2


@functools.lru_cache(maxsize=_PAGES_RULES_KEPT)
def page_rules(sheets: tuple[str, ...]) -> PageRules:
    """The rules of a page's applied `<style>` blocks (`sheets`, in order), as `PageRules`."""
    rules: list[StyleRule] = []
    indexed = []
    for position, sheet in enumerate(sheets):
        indexed.append((len(rules), _sheet_index(sheet)))
        rules.extend(_own_anonymous_layer(rule, position) for rule in parse_style_sheet(sheet))
    return PageRules(tuple(rules), _layer_ranks(rules), tuple(indexed))


def _own_anonymous_layer(rule: StyleRule, sheet: int) -> StyleRule:
    """The rule, its anonymous layer told apart from those of the page's other `<style>` blocks
    (each `@layer {…}` without a name is a layer of its own)."""
    if rule.layer is None or "\x00" not in rule.layer:
        return rule
    return rule._replace(layer=f"{rule.layer}\x00{sheet}")


def _layer_ranks(rules: Iterable[StyleRule]) -> dict[str, tuple[float, ...]]:
    """The cascade rank of each layer the rules name: the rank of each part of its dotted name
    among its siblings, in the order they are first named, then the layer's own rules after its
    sublayers. Normal declarations of a later rank win over earlier ones whatever their
    specificity, and those outside every layer (`_UNLAYERED`) win over all; for `!important`
    ones the order is reversed (CSS Cascading and Inheritance Level 5, 6.4)."""
    ranks: dict[str, tuple[float, ...]] = {}
    siblings: dict[str, dict[str, int]] = {}
    for rule in rules:
        if rule.layer is None or rule.layer in ranks:
            continue
        parts = rule.layer.split(".")
        position: list[float] = []
        for depth, part in enumerate(parts):
            known = siblings.setdefault(".".join(parts[:depth]), {})
            position.append(known.setdefault(part, len(known)))
            ranks.setdefault(".".join(parts[: depth + 1]), (*position, math.inf))
    return ranks


def _uses_variables(declaration: Declaration) -> bool:
    """True when a declaration's value has a `var()` (its family is matched only when one of the
    page's definitions can make it hide: see `_variable_families`)."""
    return any(t.type == "function" for t in declaration.values) and bool(variables_used(declaration.values))


def _keyframes_if_any_hide(sheets: tuple[str, ...]) -> Mapping[str, Keyframes | None]:
    """The page's `@keyframes` by name when some can hide (see `_hiding_keyframes`), else none."""
    return page_keyframes(sheets) if _hiding_keyframes(sheets) else {}


def _applicable(rule: StyleRule, families: frozenset[str], keyframes: Mapping[str, Keyframes | None]) -> list[Declaration]:
    """The rule's declarations in the families that can hide. A rule that only some screens meet
    can show what another rule hides (a menu shown on wide screens), never hide: some readers
    see the element. Such a rule's animation is left out when, read alone, it ends where the
    page's `keyframes` (given when some can hide) hide the element (a fade-out under
    `prefers-reduced-motion: no-preference`); one that ends shown (a fade-in) can only show."""
    if not rule.conditional:
        return [d for d in rule.declarations if d.family in families]
    kept = [d for d in rule.declarations if d.family in families and not _can_hide(d)]
    animation = {d.name: d for d in kept if d.name in ANIMATION_PROPERTIES}
    end = end_state(animation, keyframes) if animation and keyframes else None
    if end is not None and any(_can_hide(d) for d in end.values()):
        return [d for d in kept if d.name not in ANIMATION_PROPERTIES]
    return kept


def can_hide(declaration: Declaration) -> bool:
    """True when this declaration alone can take something off the screen (`display: none`,
    `font-size: 0`, `opacity: 0`…): what a rule that sets it may hide."""
    return _can_hide(declaration)


@per_declaration
def _can_hide(declaration: Declaration) -> bool:
    """True when this declaration alone can take something off the screen (so its family's
    rules are worth matching)."""
    family = declaration.family
    values = declaration.values
    if paints_nothing(declaration.name, values, None) or references.may_hide(declaration):
        return True
    named = _NAMED_HIDING.get(declaration.name)
    if named is not None:
        return named(declaration)
    if family == "display":
        return declaration.keyword == "none" or display_keyword(declaration) in _UNRENDERED_DISPLAYS or display_keyword(declaration) == "contents"
    if family == "visibility":
        return declaration.keyword in ("hidden", "collapse")
    if family == "opacity":
        return _fades_or_recolours(declaration)
    if family == "content-visibility":
        return declaration.keyword == "hidden"
    if family == "font":
        size = _font_size(declaration)
        return size is not None and unreadably_small(size)
    if family == "transform":
        return scales_to_nothing(values) or _far_off_screen(declaration) or _may_project_away(declaration) or _enlarged_away(declaration.name, values)
    if family == "clip":
        return clips_to_nothing(declaration.name, values)
    if family == "size":
        return _sizes_to_nothing(declaration)
    if family == "placement":
        return _placement_can_hide(declaration)
    # A background of the text's own colour: its text blends in, whatever that colour is.
    return declaration.name in ("background", "background-color") and declaration.keyword == "currentcolor"


def _squeezes(declaration: Declaration, ems: float = _SQUEEZED_SPACING_EMS, pixels: float = _SQUEEZING_SPACING_PX) -> bool:
    """`_can_hide` for a `letter-spacing` that piles the letters up (see `_SQUEEZED_SPACING_EMS`),
    or (with `ems` and `pixels`: `_SPREAD_WORDS_EMS`) a `word-spacing` that piles the words up."""
    spacing = _spacing_px(declaration, _DEFAULT_FONT_PX)
    return spacing is not None and spacing <= (ems * _DEFAULT_FONT_PX if _in_ems(declaration) else pixels)


# `_can_hide` for the properties judged by their name rather than their family.
_NAMED_HIDING: Mapping[str, Callable[[Declaration], bool]] = {
    "content": lambda d: replaces_content(d),
    "letter-spacing": _squeezes,
    "word-spacing": lambda d: _squeezes(d, _SPREAD_WORDS_EMS, _SPREADING_SPACING_PX),
    "-webkit-text-security": lambda d: d.keyword in MASKING_TEXT_SECURITY,
    "mix-blend-mode": blending.may_lose_text,
    # An offset as long as the image's box moves its picture out (`_picture_moved_out`).
    "object-fit": lambda d: d.keyword in _FITS_IN_ITS_BOX,
    "object-position": lambda d: paints_nothing(d.name, d.values, True) or any((px := length_px(t)) is not None and abs(px) > _TINY_IMAGE_PX for t in d.values),
    # A ratio this flat or tall may draw an image 2px or less on a side (`_squeezed_flat`).
    "aspect-ratio": lambda d: (ratio := _forced_ratio(d)) is not None and not _FLATTEST_RATIO <= ratio <= 1 / _FLATTEST_RATIO,
}


def _may_project_away(declaration: Declaration) -> bool:
    """`_can_hide` for a `transform` that may turn, move or flatten the box out of sight
    (`projection.may_hide`), and for a `backface-visibility: hidden` that hides a box turned away."""
    if declaration.name == "backface-visibility":
        return declaration.keyword == "hidden"
    if declaration.name == "offset-path":
        return (x := offsets.path_start_x(declaration.values)) is not None and x <= _FAR_OFF_SCREEN_PX
    if declaration.name != "transform":
        return False
    from compliance.document.projection import may_hide

    return may_hide(declaration.values)


def _sizes_to_nothing(declaration: Declaration) -> bool:
    """`_can_hide` for a size: 2px or less, or a box sized as if empty or its lines to no height
    (`containment`), which its overflow then cuts off."""
    name, values = declaration.name, declaration.values
    if name == "contain":
        return containment.contains_size(declaration)
    if name == "line-height":
        return containment.lines_of_no_height(declaration)
    size = length_px(values[0]) if name in ("width", "height", "max-width", "max-height") else None
    return size is not None and size <= _TINY_IMAGE_PX


# An aspect ratio flatter than this (or taller than its inverse) may make a side of an image 2px or
# less: a 300px-wide logo at 150:1 is 2px high.
_FLATTEST_RATIO = 1 / 150


def _forced_ratio(declaration: Declaration) -> float | None:
    """The width-to-height ratio an `aspect-ratio` of one `<ratio>` sets (`1000 / 1`, `1000`); None
    for `auto`, a ratio with `auto` (which prefers the picture's own: CSS Sizing 4, 3.1), a
    degenerate one, or anything not read."""
    numbers = [token for token in declaration.values if token.type != "whitespace"]
    if len(numbers) == 3 and numbers[1].type == "literal" and numbers[1].value == "/":
        numbers = [numbers[0], numbers[2]]
    if not 1 <= len(numbers) <= 2 or any(token.type != "number" for token in numbers):
        return None
    width, height = (float(numbers[0].value), float(numbers[1].value) if len(numbers) == 2 else 1.0)
    return width / height if width > 0 and height > 0 else None


# The properties that say how a box shows its overflow (`PageStyle.clips_sideways`).
_OVERFLOW = ("overflow", "overflow-x", "overflow-y")
# What sizes an image by its ratio (`_squeezed_flat`), read on demand.
_RATIO_SIZING = ("aspect-ratio", "width", "height")


def _squeezed_flat(declared: Mapping[str, Declaration], element: Any) -> bool:
    """Whether an image's `aspect-ratio` draws it 2px or less on a side (`declared`: the winners of
    `_RATIO_SIZING`): one side known (its CSS size in px, else its attribute) and the other left to
    the ratio (CSS `auto`, or neither CSS nor an attribute sets it): `.logo{aspect-ratio:1000/1;
    height:auto}` on a logo 300px wide draws it 0.3px high."""
    declaration = declared.get("aspect-ratio")
    ratio = _forced_ratio(declaration) if declaration is not None else None
    if ratio is None:
        return False

    def side(name: str) -> float | None:
        css = declared.get(name)
        if css is not None:
            return None if css.keyword == "auto" else length_px(css.values[0])
        return attribute_pixels(element.get(name))

    width, height = side("width"), side("height")
    if (width is None) == (height is None):
        return False  # both known (the ratio is not used) or neither (the picture's own size decides)
    other = width / ratio if width is not None else (height or 0.0) * ratio
    return other <= _TINY_IMAGE_PX


def _fades_or_recolours(declaration: Declaration) -> bool:
    """`_can_hide` for an `opacity`, a `filter` or a mask: all but transparent, a filter that
    changes colours, which may paint text into its background (`invert(1)`), or a mask property
    that may keep nothing with the others (`masking.may_mask_away`)."""
    level = _opacity(declaration)
    if level is not None and level <= NEAR_ZERO_OPACITY:
        return True
    if declaration.name in colour_filters.FILTER_PROPERTIES:
        from compliance.document.filter_blur import may_blur

        return bool(colour_filters.colour_filter(declaration.values)) or may_blur(declaration.values)
    if not declaration.name.startswith("mask"):
        return False  # (`opacity`, `-webkit-opacity`: read above)
    from compliance.document.masking import may_mask_away

    return may_mask_away(declaration)


def _placement_can_hide(declaration: Declaration) -> bool:
    """`_can_hide` for a position, margin or text indent: far off the screen to the left or up,
    or a text indent of the box's width or more (with `overflow: hidden`, see `_indented_out`)."""
    first = declaration.values[0]
    if declaration.name in offsets.INSET_SIDES and first.type == "function" and first.lower_name == "anchor":
        return _far_anchor_fallback(first)
    if declaration.name == "text-indent" and first.type == "percentage":
        return bool(abs(first.value) >= 100)
    if _may_place_off_the_page(declaration):
        return True
    if declaration.name in ("margin", "margin-left", "inset") and _a_screen_or_more(declaration):
        return True  # a whole screen right (`_a_screen_right`)
    if declaration.name in ("margin", "inset"):
        return any(offset is not None and offset <= _FAR_OFF_SCREEN_PX for offset in _top_and_left(declaration, offsets.SCREEN_WIDTH_PX))
    if declaration.name in _VIEWPORT_SIDES and (_past_the_viewport(declaration) or (first.type == "percentage" and first.value >= 100)):
        return True  # past the viewport when fixed; past its containing block when absolute (`bottom: 100%`)
    whole = offsets.SCREEN_WIDTH_PX if declaration.name in ("left", "margin-left", "margin-top") else None
    offset = offsets.share_px(first, whole) if declaration.name in ("left", "top", "margin-left", "margin-top", "text-indent", "right") else None
    return offset is not None and _offset_can_hide(declaration.name, offset)


def _a_screen_or_more(declaration: Declaration) -> bool:
    """`_placement_can_hide` for a `margin-left`, or the left side of a `margin` or `inset`, that
    moves a box a whole screen right or more (`offsets.past_the_right_edge`, `_a_screen_right`)."""
    shorthand = "inset" if declaration.name == "inset" else "margin"
    token = side_value({declaration.name: declaration}, "left", "left" if shorthand == "inset" else "margin-left", shorthand)
    move = None if token is None or token is UNREAD_SIDE else offsets.across(token, False)
    return move is not None and offsets.past_the_right_edge(move)


def _offset_can_hide(name: str, offset: float) -> bool:
    """`_placement_can_hide` for a side, margin or text indent of `offset` px: far off the screen
    to the left or up, a text indent of the box's width or more, or past any screen to the right
    (`left`, `margin-left`, a negative `right`), which a page that does not scroll sideways hides
    (`_moved_past_the_right`); any negative `left` or `right`, which moves a fixed box, or one
    placed from the page, out by its own width when that is as large (`_outside_the_viewport`,
    `_beside_the_page`). A `right` as large the other way is read as it
    was before."""
    if name in ("left", "right") and offset < 0:
        # A fixed box, or an absolutely positioned one placed from the page, moved out by at
        # least its own width (`_outside_the_viewport`, `_beside_the_page`).
        return True
    if name == "right":
        return abs(offset) >= _PAST_ANY_SCREEN_PX
    if name in ("left", "margin-left") and offset >= _PAST_ANY_SCREEN_PX:
        return True
    return offset <= _FAR_OFF_SCREEN_PX or (name == "text-indent" and offset >= -_FAR_OFF_SCREEN_PX)


def _may_place_off_the_page(declaration: Declaration) -> bool:
    """`_placement_can_hide` for a side that may place an absolutely positioned box off the page:
    a `right` or `bottom` past every screen (`offsets.placed_past_the_far_side`), or a negative
    `top` (or, for a fixed box, `bottom`) that may put a box of text above the page or below the
    screen (`_above_the_page`)."""
    if offsets.far_side_can_hide(declaration):
        return True
    if declaration.name not in ("top", "bottom", "inset"):
        return False
    sides = [offsets.side_px({declaration.name: declaration}, side, "inset") for side in ("top", "bottom")]
    return any(offset is not None and offset < 0 for offset in sides)


def _far_anchor_fallback(function: Any) -> bool:
    """`_placement_can_hide` for a side given by `anchor()`: its fallback (taken where the anchor
    is not found) is 1000px or more."""
    fallback = offsets.anchor_fallback(function)
    return fallback is not None and any((px := length_px(t)) is not None and abs(px) >= -_FAR_OFF_SCREEN_PX for t in fallback)


# The sides a fixed box is placed from, each with the viewport units of its axis.
_VIEWPORT_SIDES = {
    "top": VIEWPORT_UNITS_OF_AXIS["vertical"],
    "bottom": VIEWPORT_UNITS_OF_AXIS["vertical"],
    "left": VIEWPORT_UNITS_OF_AXIS["horizontal"],
    "right": VIEWPORT_UNITS_OF_AXIS["horizontal"],
}


def _past_the_viewport(declaration: Declaration) -> bool:
    """True when a `top`/`left` puts a fixed box's near edge at or past the viewport's far edge
    (100% or more of the viewport: `top: 200%`, `left: 100vw`), or a `bottom`/`right` moves its far
    edge 1000px or a whole viewport past the viewport's own (`bottom: -5000px`)."""
    value = declaration.values[0]
    name = declaration.name
    if value.type == "percentage" or (value.type == "dimension" and value.lower_unit in _VIEWPORT_SIDES[name]):
        return bool(value.value >= 100) if name in ("top", "left") else bool(value.value <= -100)
    offset = length_px(value) if name in ("bottom", "right") else None
    return offset is not None and offset <= _FAR_OFF_SCREEN_PX


def _outside_the_viewport(declared: Mapping[str, Declaration], element: Any, style: PageStyle | None = None) -> bool:
    """True for a `position: fixed` box placed wholly outside the viewport, which no scrolling
    brings it into: past its bottom or right edge (`_past_the_viewport`), or above, left of,
    below or right of it by at least its own known height or width with the margin on that side
    (`top: -200px` on a box 50px high, `right: -600px` on one 300px wide, by its CSS or an image's
    attributes). A `bottom` or `right` counts only where no `top` or `left` wins over it. A
    transform, or a margin on that side not in px, may bring it back: then it is left as seen.
    The margins are matched from `style` (without it, only those among `declared` are known)."""
    position = declared.get("position")
    if position is None or position.keyword != "fixed" or any(name in declared for name in _MAY_BRING_BACK):
        return False
    if style is not None:
        declared = {**declared, **style.on_demand(element, _ALL_MARGINS)}
    for name, size_name in (("top", "height"), ("left", "width"), ("bottom", "height"), ("right", "width")):
        side = declared.get(name)
        near = declared.get(_FAR_SIDES.get(name, ""))
        if side is None or (near is not None and near.keyword != "auto"):
            continue  # a `top` or `left` set with it wins over a `bottom` or `right`
        margin = _declared_margin(declared, name)
        if margin is None:
            continue
        if margin == 0 and _past_the_viewport(side):
            return True
        offset = length_px(side.values[0])
        size = _known_size(declared, element, size_name)
        if offset is not None and offset + margin < 0 and size is not None and size <= -(offset + margin):
            return True
    return False


_MAY_BRING_BACK = ("transform", "translate")
_ALL_MARGINS = ("margin", "margin-top", "margin-right", "margin-bottom", "margin-left")


def _declared_margin(declared: Mapping[str, Declaration], side: str) -> float | None:
    """The margin (px) on `side` among `declared`, by its longhand or the `margin` shorthand; 0
    for none; None for one not in px."""
    token = side_value(declared, side, f"margin-{side}", "margin")
    if token is UNREAD_SIDE:
        return None
    if token is None:
        return 0.0
    if getattr(token, "type", "") == "number" or (getattr(token, "type", "") == "dimension" and token.lower_unit == "px"):
        return length_px(token)
    return None


# The far sides of a box, each with the near side that wins over it when both are set.
_FAR_SIDES = {"bottom": "top", "right": "left"}


def _known_size(declared: Mapping[str, Declaration], element: Any, name: str) -> float | None:
    """The box's height or width in px, from its CSS or (on an image) its attribute; None when unknown."""
    declaration = declared.get(name)
    if declaration is not None:
        return length_px(declaration.values[0])
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    return attribute_pixels(element.get(name)) if tag in IMAGE_TAGS else None


def _top_and_left(shorthand: Declaration, width: float | None = None) -> tuple[float | None, float | None]:
    """The top and left lengths (px) a `margin` or `inset` shorthand sets: one value for all four
    sides, two for top/bottom and left/right, three for top, left/right and bottom, four for top,
    right, bottom and left (None where a side is not a length: `auto`; both for an invalid one).
    A percentage is of the containing block's `width` (px, when known), a margin's top too (an
    `inset`'s top is of its height, not known here)."""
    values = shorthand.values
    if not 1 <= len(values) <= 4:
        return None, None
    left = values[3] if len(values) == 4 else values[1] if len(values) > 1 else values[0]
    return offsets.share_px(values[0], width if shorthand.name == "margin" else None), offsets.share_px(left, width)


class _SheetSummary(NamedTuple):
    """What a `<style>` block can do: the families of properties its rules hide with, and the
    text and background colours they set (colours can hide only in pairs, maybe across blocks)."""

    families: frozenset[str]
    text_colours: frozenset[Colour]
    backgrounds: frozenset[Colour]
    # The families its `!important` declarations can show again with (they win over a `style`
    # attribute's normal declarations), and whether it sets `display` at all (which wins over the
    # `hidden` attribute's `display: none`, a user-agent style).
    important: frozenset[str] = frozenset()
    sets_display: bool = False
    overflow_shown: bool = False
    # Declarations of hiding properties whose value uses `var()`, and the custom properties the
    # block defines, by name: which of them can hide is known only with every block's definitions.
    variable_uses: tuple[Declaration, ...] = ()
    definitions: tuple[tuple[str, tuple[Any, ...]], ...] = ()
    # The smallest size of a box a rule makes clip its overflow, and the farthest a declaration
    # moves a box (see `clipping_reach`).
    smallest_clip: float | None = None
    farthest_move: float = 0.0
    perspective: bool = False
    # Whether a rule (one every screen meets) makes a box that shows one line only.
    one_line: bool = False
    # Whether a text colour it sets cannot be told from the white canvas (see `page_canvas`).
    light_text: bool = False
    # The families of its rules' declarations (every screen's) that fade or shrink an element
    # without hiding it alone (`opacity: 0.1`, `scale(0.1)`): nested ones multiply (see `fading`).
    partly_fading: frozenset[str] = frozenset()
    # Whether a declaration (every screen's) shrinks text of 8px or more too small to read
    # (`_shrinks_text`): the font sizes it is judged with are then worth matching.
    shrinks_text: bool = False

    @staticmethod
    @per_sheet
    def of(sheet: str) -> _SheetSummary:
        """The summary of a block's text (pages of a site repeat their blocks: read once). One
        pass over the declarations: page builders give each generated class rules of its own
        (a colour each), so a page's first reading of its blocks is a hot path of a batch."""
        rules = parse_style_sheet(sheet)
        summary = _SummaryBuilder()
        for rule in rules:
            conditional = rule.conditional
            for declaration in rule.declarations:
                if conditional and _can_hide(declaration):
                    continue
                if declaration.name.startswith("--"):
                    summary.definitions.append((declaration.name, declaration.values))
                else:
                    summary.add(declaration, conditional)
            if not conditional and (size := clipping_size(rule.declarations)) is not None:
                summary.clip_sizes.append(size)
        # A registered property's initial value is a value its `var()`s may take.
        summary.definitions.extend(registered_properties(sheet))
        return _SheetSummary(
            frozenset(summary.families),
            frozenset(summary.texts),
            frozenset(summary.backgrounds | summary.under_images if summary.images_undone else summary.backgrounds),
            frozenset(summary.important),
            summary.sets_display,
            summary.overflow_shown,
            tuple(summary.variable_uses),
            tuple(summary.definitions),
            min(summary.clip_sizes, default=None),
            summary.farthest_move,
            summary.perspective,
            "overflow" in sheet and any(_one_line_rule(rule) for rule in rules),
            any(text_blends_in(text, WHITE_CANVAS, False) for text in summary.texts),
            frozenset(summary.partly_fading),
            summary.shrinks_text,
        )


class _SummaryBuilder:
    """What `_SheetSummary.of` gathers from a block's declarations (custom properties aside), one
    declaration at a time."""

    __slots__ = (
        "backgrounds",
        "clip_sizes",
        "definitions",
        "families",
        "farthest_move",
        "images_undone",
        "important",
        "overflow_shown",
        "partly_fading",
        "perspective",
        "sets_display",
        "shrinks_text",
        "texts",
        "under_images",
        "variable_uses",
    )

    def __init__(self) -> None:
        self.families: set[str] = set()
        self.texts: set[Colour] = set()
        self.backgrounds: set[Colour] = set()
        self.important: set[str] = set()
        self.sets_display = self.overflow_shown = self.perspective = self.shrinks_text = False
        self.variable_uses: list[Declaration] = []
        self.definitions: list[tuple[str, tuple[Any, ...]]] = []
        self.clip_sizes: list[float] = []
        self.farthest_move = 0.0
        self.partly_fading: set[str] = set()
        # The colours under `background` shorthands' images, and whether a `background-image: none` may show them.
        self.under_images: set[Colour] = set()
        self.images_undone = False

    def add(self, declaration: Declaration, conditional: bool) -> None:
        """Add one declaration (not a custom property's); `conditional`: its rule applies on some screens only."""
        values = declaration.values
        if len(values) == 1 and values[0].type == "hash" and FAMILIES.get(declaration.name) == "colour":
            # Generated CSS gives each class a colour of its own: each such declaration is new,
            # and what it contributes but its colour is the same for all (a test says so).
            family, hides, moved, uses_variables, overflow_shown, partly_fades = LONE_HEX_COLOUR_TRAITS
        else:
            family, hides, moved, uses_variables, overflow_shown, partly_fades = _summary_traits(declaration)
        if hides:
            self.families.add(family)
        if declaration.important:
            self.important.add(family)
        if family == "colour":
            self._add_colour(declaration)
        if overflow_shown:
            self.overflow_shown = True
        if declaration.name == "display":
            self.sets_display = True
            if display_keyword(declaration) == "contents":
                self.families.add("display")  # takes the box away, and what hides with it (see `_judged`)
        elif declaration.name == "perspective":
            self.perspective = True
        if moved > self.farthest_move:
            self.farthest_move = moved
        if uses_variables:
            self.variable_uses.append(declaration)
        if partly_fades and not conditional:
            self.partly_fading.add(family)
            self.shrinks_text = self.shrinks_text or _shrinks_text(declaration)

    def _add_colour(self, declaration: Declaration) -> None:
        name = declaration.name
        if name in _TEXT_COLOURS and len(declaration.values) == 1:
            if (text := _text_colour(declaration)) is not None:
                self.texts.add(text)
        elif name in ("background", "background-color", "background-image"):
            background = _background_colour(declaration) if name != "background-image" else _image_colour(declaration)
            if background is not None:
                self.backgrounds.add(background)
            if name == "background" and len(declaration.values) > 1:
                self._add_colour_under_images(declaration, background)
            elif name == "background-image" and declaration.keyword == "none":
                self.images_undone = True

    def _add_colour_under_images(self, declaration: Declaration, background: Colour | None) -> None:
        """The colour a `background` shorthand paints under its image layers, which a
        `background-image: none` leaves behind the text (kept when the block writes one)."""
        under = _background_colour(declaration, images=False)
        if under is not None and under != background:
            self.under_images.add(under)


# `_summary_traits` of a declaration of the colour family whose value is one hex colour
# (`color: #89f364`): it hides nothing alone, moves nothing, uses no variable, shows no overflow
# and fades nothing, whatever the colour.
LONE_HEX_COLOUR_TRAITS: Final = ("colour", False, 0.0, False, False, False)


@per_declaration
def _summary_traits(declaration: Declaration) -> tuple[str, bool, float, bool, bool, bool]:
    """What a block's summary reads from one declaration: its family, whether it can hide
    (`_can_hide`), how far it may move a box (`move_px`), whether its value uses `var()`
    (`_uses_variables`), whether it shows a box's overflow (`_lets_overflow_show`), and whether
    it fades or shrinks an element without hiding it (`_partly_fades`)."""
    return (
        declaration.family,
        _can_hide(declaration),
        move_px(declaration),
        _uses_variables(declaration),
        _lets_overflow_show(declaration),
        _partly_fades(declaration),
    )


def _one_line_rule(rule: StyleRule) -> bool:
    """True when a rule every screen meets makes a box that shows one line only (at 16px)."""
    return not rule.conditional and declares_one_line_box(rule.declarations, _DEFAULT_FONT_PX)


# What may make a box that shows one line only taller, or not a box (`display: inline`): its size,
# overflow and padding, its font size (its height may be in `em`), its display, and a
# `-webkit-box`'s orientation (a "flex" declaration: `clipping.one_line_box`'s line clamp).
_ONE_LINE_FAMILIES = frozenset({"size", "font", "display", "placement", "flex"})


def _lets_overflow_show(declaration: Declaration) -> bool:
    """True for an `overflow` declaration that shows the overflow on some axis (`visible`, or
    `visible visible`, `hidden visible`: one value per axis)."""
    return declaration.name.startswith("overflow") and any(token.type == "ident" and token.lower_value == "visible" for token in declaration.values)


@functools.lru_cache(maxsize=SHEETS_CACHED)
def _hiding_families(sheets: tuple[str, ...]) -> frozenset[str]:
    """The families of properties the page's `<style>` blocks can hide with (a site's pages
    share their blocks: worked out once)."""
    families: set[str] = set()
    texts: set[Colour] = set()
    backgrounds: set[Colour] = set()
    for summary in map(_SheetSummary.of, sheets):
        families |= summary.families
        texts |= summary.text_colours
        backgrounds |= summary.backgrounds
        if summary.one_line:
            # A box that shows one line only (see `clipping.one_line_box`): its size and font
            # size, and how what it holds is laid out (`display`, `float`, `position`).
            families |= _ONE_LINE_FAMILIES
    families |= _variable_families(sheets, ())
    families |= frozenset().union(*(summary.partly_fading for summary in map(_SheetSummary.of, sheets)))
    if any(summary.shrinks_text for summary in map(_SheetSummary.of, sheets)):
        families |= {"font", "size"}  # shrunk text and images are judged by their size (`Rendering.shrunk`, `_image_shrunk`)
    if families & {"visibility", "transform"} or _animates_away(sheets):
        families.add("opacity")  # matches the animations that undo or do them (see `render`)
    if "clip" in families:
        families.add("placement")  # `clip` applies only to a positioned element
    if "placement" in families:
        families.add("size")  # a text indent hides only with `overflow: hidden` (`_indented_out`)
    # Colours are worth matching only when some text colour is transparent or cannot be told
    # from some background colour.
    variable_texts, variable_backgrounds = _variable_colours(sheets)
    if _blending(frozenset(texts | variable_texts), frozenset(backgrounds | variable_backgrounds))[0]:
        families.add("colour")
        families |= _colour_variables(sheets)
    return frozenset(families)


def _partly_fades(declaration: Declaration) -> bool:
    """True when the declaration fades or shrinks the element, by however little (see `fading`)."""
    return declaration.family in ("opacity", "transform") and NOT_FADED.within({declaration.name: declaration}, False) != NOT_FADED


def _shrinks_text(declaration: Declaration) -> bool:
    """True when a `zoom`, `transform` or `scale` shrinks text of 8px (the smallest print pages
    use) below 6px (`Rendering.shrunk`); nested ones multiply, but each is gated alone."""
    shrunk = NOT_FADED.within({declaration.name: declaration}, False)
    return shrunk.scale * shrunk.zoom < _SHRINKING_FACTOR


def _colour_variables(sheets: tuple[str, ...]) -> set[str]:
    """The custom properties the `<style>` blocks' colours use, and those their definitions use
    (matched, so that a `background: var(--brand)` is worked out on the element)."""
    return _variables_of(sheets, frozenset({"colour"}))


@functools.lru_cache(maxsize=SHEETS_CACHED)
def _layout_variables(sheets: tuple[str, ...]) -> frozenset[str]:
    """The custom properties the `<style>` blocks' `display`, `float` and `position` use, and
    those their definitions use: matched on a page with a box that shows one line only, so that
    how what it holds is laid out is worked out (`display: var(--layout)`: see `html`)."""
    return frozenset(_variables_of(sheets, frozenset({"display", "placement"})))


def _variables_of(sheets: tuple[str, ...], families: frozenset[str]) -> set[str]:
    """The custom properties the `<style>` blocks' declarations of `families` use, and those
    their definitions use."""
    uses = [d for summary in map(_SheetSummary.of, sheets) for d in summary.variable_uses if d.family in families]
    if not uses:
        return set()
    definitions: dict[str, list[tuple[Any, ...]]] = {}
    for name, values in (pair for summary in map(_SheetSummary.of, sheets) for pair in summary.definitions):
        definitions.setdefault(name, []).append(values)
    return _with_their_variables((name for d in uses for name in variables_used(d.values)), definitions)


# How many ways of filling in a value's `var()`s with the page's definitions are tried to tell
# whether it can hide (sites define a property in a few places: `:root`, a theme, a utility).
_VARIABLE_TRIALS = 32


def _variable_families(sheets: tuple[str, ...], inline: tuple[tuple[str, tuple[Any, ...]], ...]) -> frozenset[str]:
    """The families of the `<style>` blocks' declarations that use `var()` and can hide with some
    value the page defines for their custom properties (or their fallback), plus those custom
    properties' names, and those their values use in turn (their declarations are then matched:
    see `Declaration.family`). `inline`: the definitions in `style` attributes."""
    found: set[str] = set()
    for declaration, fillings, names in _variable_fillings(sheets, inline):
        if any(_can_hide(declaration._replace(values=filled)) for filled in fillings):
            found.add(declaration.family)
            found |= names
    return frozenset(found)


def _variable_fillings(
    sheets: tuple[str, ...], inline: tuple[tuple[str, tuple[Any, ...]], ...]
) -> Iterator[tuple[Declaration, Iterator[tuple[Any, ...]], set[str]]]:
    """Each declaration of the `<style>` blocks that uses `var()`, with the values it may take
    (lazily: each definition the page gives its custom properties, in `<style>` blocks or `style`
    attributes (`inline`), or none, and the fallback then counts; at most `_VARIABLE_TRIALS`, and
    none that its property refuses) and the custom properties it uses, with those their
    definitions use in turn."""
    uses = [d for summary in map(_SheetSummary.of, sheets) for d in summary.variable_uses]
    if not uses:
        return
    definitions: dict[str, list[tuple[Any, ...]]] = {}
    for name, values in (*(pair for summary in map(_SheetSummary.of, sheets) for pair in summary.definitions), *inline):
        definitions.setdefault(name, []).append(values)
    for declaration in uses:
        # The properties it names, and those their definitions name in turn (`--a: var(--b)`).
        names = _with_their_variables(variables_used(declaration.values), definitions)
        yield declaration, _fillings(declaration, sorted(names), definitions), names


def _fillings(declaration: Declaration, names: list[str], definitions: Mapping[str, list[tuple[Any, ...]]]) -> Iterator[tuple[Any, ...]]:
    # None: the property is not set where the declaration applies, and its fallback counts.
    choices: list[list[tuple[Any, ...] | None]] = [[None, *definitions.get(name, [])] for name in names]
    for chosen in itertools.islice(itertools.product(*choices), _VARIABLE_TRIALS):
        variables = {name: value for name, value in zip(names, chosen, strict=True) if value is not None}
        filled = substitute_variables(declaration.values, variables)
        if filled and not refused(declaration.name, filled):
            yield filled


@functools.lru_cache(maxsize=SHEETS_CACHED)
def _variable_colours(sheets: tuple[str, ...]) -> tuple[frozenset[Colour], frozenset[Colour]]:
    """The text colours and the background colours that the `<style>` blocks' declarations using
    `var()` may take (`color: var(--wp--preset--color--white)`), with the values the blocks
    define for their custom properties, or their fallbacks (see `_variable_fillings`)."""
    texts: set[Colour] = set()
    backgrounds: set[Colour] = set()
    for declaration, fillings, _ in _variable_fillings(sheets, ()):
        if declaration.name in _TEXT_COLOURS:
            texts.update(found for filled in fillings if len(filled) == 1 and (found := colour(filled[0])) is not None)
        elif declaration.name in ("background", "background-color"):
            backgrounds.update(found for filled in fillings if (found := _background_colour(declaration._replace(values=filled))) is not None)
    return frozenset(texts), frozenset(backgrounds)


def _with_their_variables(names: Iterable[str], definitions: Mapping[str, list[tuple[Any, ...]]]) -> set[str]:
    """The custom properties named, and those their definitions use, and so on."""
    found: set[str] = set()
    pending = list(names)
    while pending:
        name = pending.pop()
        if name not in found:
            found.add(name)
            pending.extend(used for values in definitions.get(name, ()) for used in variables_used(values))
    return found


class _ElementIndex:
    """The page's elements by class, id and tag, looked up on demand: the page's class tokens and
    ids are read once (in C, by XPath), so a selector whose subject names a class or id the page
    lacks costs a set look-up, not a walk of the tree. Once a page asks for several classes, all
    its elements with a class are indexed in one pass instead of a search per class. Each search
    of the whole page is made when something first asks for what it finds: a page's style asks
    for some of them only, the images the CSS sizes for none unless a selector needs them."""

    def __init__(self, root: Any) -> None:
        self.root = root
        # The class tokens as XPath and cssselect read them (split at XML white space only), when
        # a selector with more than a subject first asks.
        self._xml_classes: frozenset[str] | None = None
        self._found: dict[tuple[str, str], list[Any]] = {}
        self._class_searches = 0
        # Each selector list's screening (`may_match`), by the list: the rules that set a margin
        # or a padding are screened again by each property set a page's layout asks for.
        self._screened: dict[str, bool] = {}

    @functools.cached_property
    def _class_values(self) -> str:
        return " ".join(self.root.xpath("//@class", smart_strings=False))

    @functools.cached_property
    def _classes(self) -> frozenset[str]:
        return frozenset(self._class_values.split())

    @functools.cached_property
    def _idents(self) -> frozenset[str]:
        return frozenset(self.root.xpath("//@id", smart_strings=False))

    @functools.cached_property
    def _style_holders(self) -> list[Any]:
        return _with_attribute(self.root, "style")

    @functools.cached_property
    def _inline(self) -> list[tuple[Any, tuple[Declaration, ...]]]:
        return [(element, parse_style_attribute(element.get("style") or "")) for element in self._style_holders]

    @functools.cached_property
    def _hidden(self) -> list[Any]:
        hidden: list[Any] = _xpath("//@hidden/.. | //@popover/..")(self.root)
        return hidden

    def style_values(self) -> list[str]:
        """The page's `style` attributes, in document order, read from the one search of the
        elements that have one (which `inline_styles` reads too)."""
        return [element.get("style") for element in self._style_holders]

    def inline_styles(self) -> list[tuple[Any, tuple[Declaration, ...]]]:
        """The elements with a `style` attribute, in document order, with its declarations:
        searched for once per page, though both the colour test and `_Reach` read them."""
        return self._inline

    def hidden_by_markup(self) -> list[Any]:
        """The elements with a `hidden` or `popover` attribute (a user-agent `display: none`), in
        document order: searched for once, though both `_overriding_families` and `_Reach` ask."""
        return self._hidden

    def _lookup(self, kind: str, name: str) -> list[Any]:
        key = (kind, name)
        found = self._found.get(key)
        if found is None:
            if kind == "tag":
                found = list(self.root.iter(name))
            elif kind == "id":
                found = _by_id(self.root, name) if name in self._idents else []
            elif name not in self._classes:
                found = []
            elif 0 <= self._class_searches < _CLASS_SEARCHES:
                self._class_searches += 1
                found = _by_class(self.root, name)
            else:
                if self._class_searches >= 0:
                    self._index_classes()
                found = self._found.get(key, [])
            self._found[key] = found
        return found

    def _index_classes(self) -> None:
        found = self._found
        for element in _with_attribute(self.root, "class"):
            for name in set(element.get("class").split()):
                found.setdefault(("class", name), []).append(element)
        self._class_searches = -1  # every class is now in `_found`

    def _xml_class_tokens(self) -> frozenset[str]:
        """The page's class tokens as XPath and cssselect read them (split at XML white space
        only), read when a selector first needs them."""
        if self._xml_classes is None:
            values = self._class_values
            if values.isascii() and not any(space in values for space in _OTHER_ASCII_SPACES):
                # Where XML's white space is all the white space there is (most pages), the
                # tokens are `_classes`, and the empty one the regex split leaves at white space
                # that starts or ends the values: no split of a page's every class again.
                edged = not values or values[0] in _XML_SPACE_CHARS or values[-1] in _XML_SPACE_CHARS
                self._xml_classes = self._classes | {""} if edged else self._classes
            else:
                self._xml_classes = frozenset(_XML_SPACE.split(values))
        return self._xml_classes

    def may_match(self, selector_list: str) -> bool:
        """False when every selector of the list names, outside brackets and functional
        pseudo-classes, a class or an id that no element of the page has: the list matches
        nothing, and it is not even parsed. A site-wide stylesheet runs to thousands of rules
        about widgets a given page lacks, and parsing each selector costs far more than this test
        (as browsers do, rules are screened by the names their selectors require). Each list is
        screened once per page."""
        screened = self._screened.get(selector_list)
        if screened is None:
            screened = self._screened[selector_list] = self._screen(selector_list)
        return screened

    def _screen(self, selector_list: str) -> bool:
        lone = _LONE_CLASS.fullmatch(selector_list)
        if lone is not None:  # `.name`: the commonest list, in generated CSS one per rule
            return lone.group(1) in self._classes or lone.group(1) in self._xml_class_tokens()
        requirements = _required_names(selector_list)
        if requirements is None:
            return True
        classes, xml_classes, idents = self._classes, self._xml_class_tokens(), self._idents
        return any(
            all(name in classes or name in xml_classes for name in needed_classes) and needed_idents <= idents for needed_classes, needed_idents in requirements
        )

    def lacks(self, selector: _CompiledSelector) -> bool:
        """True when a compound selector left of the subject asks for a class or an id that no
        element of the page has: every one of them must match some element for the selector to
        match, so it matches nothing, and no candidate is tested (site-wide stylesheets are mostly
        about widgets a given page does not have)."""
        xml_classes = self._xml_class_tokens()
        for compound, _ in selector.chain[1:]:
            part = compound.subject
            if part.ident is not None and part.ident not in self._idents:
                return True
            if any(name not in xml_classes for name in part.classes if not _XML_SPACE.search(name)):
                return True
        return False

    def select(self, selector: _CompiledSelector) -> list[Any]:
        """The elements the selector matches."""
        subject = selector.subject
        if subject.ident is not None:
            candidates = self._lookup("id", subject.ident)
        elif subject.classes:
            candidates = min((self._lookup("class", c) for c in subject.classes), key=len)
        elif subject.tag is not None:
            candidates = self._lookup("tag", subject.tag)
        else:
            return list(selector.xpath(self.root))
        admitted = [e for e in candidates if subject.admits(e)]
        if selector.simple or not admitted:
            return admitted
        if self.lacks(selector):
            return []
        if selector.chain and len(admitted) <= _FEW_CANDIDATES:
            return _chain_select(selector.chain, admitted)
        return list(selector.xpath(self.root))


# Class searches by XPath before the page's classes are indexed in one pass; candidates tested one
# by one (walking their ancestors and siblings) rather than by one search of the whole tree.
_CLASS_SEARCHES = 4
_FEW_CANDIDATES = 24
# What XPath's normalize-space, and so cssselect's class test, reads as white space.
_XML_SPACE = re.compile(r"[ \t\r\n]+")
_XML_SPACE_CHARS = " \t\r\n"
# The other ASCII characters `str.split` reads as white space.
_OTHER_ASCII_SPACES = "\x0b\x0c\x1c\x1d\x1e\x1f"


# Pages' own selectors become XPath expressions too: a batch of pages with their own style sheets
# keeps this many compiled, not every one it met.
_XPATHS_CACHED = 4096


@functools.lru_cache(maxsize=_XPATHS_CACHED)
def _xpath(expression: str) -> Any:
    """A compiled XPath (lxml is imported on first use, not when this module loads)."""
    from lxml import etree

    return etree.XPath(expression)


# The page's searches by attribute (here and in `_ElementIndex`) select the attributes and take
# their parents (`//@style/..`, `//@class[contains(., $name)]/..`): the same elements, in document
# order, as a predicate on every element (`//*[@style]`), which libxml2 evaluates by a search of
# each element's attributes at two to five times the cost (about 1 M instructions a search on a
# 100 KB page).


def _with_attribute(root: Any, name: str) -> list[Any]:
    """The elements of the page with the attribute `name`, in document order."""
    found: list[Any] = _xpath(f"//@{name}/..")(root)
    return found


def _by_id(root: Any, ident: str) -> list[Any]:
    found: list[Any] = _xpath("//@id[. = $name]/..")(root, name=ident)
    return found


def _by_class(root: Any, name: str) -> list[Any]:
    """The elements with this class, as cssselect's XPath finds them (the class attribute's
    tokens at XML white space).

    That XPath builds each class attribute's normalised copy in the tree, which cost more than
    the rest of the page's style: the elements whose attribute merely contains the name are
    found in C, and only those few are tested the same way in Python. (A name with white space
    in it, which the plain search would miss, takes the XPath.)"""
    if not name or _XML_SPACE.search(name):
        found: list[Any] = _xpath("//@class[contains(concat(' ', normalize-space(.), ' '), $name)]/..")(root, name=f" {name} ")
        return found
    wanted = f" {name} "
    candidates: list[Any] = _xpath("//@class[contains(., $name)]/..")(root, name=name)
    return [element for element in candidates if wanted in f" {' '.join(_XML_SPACE.split(element.get('class').strip(_XML_SPACE_CHARS)))} "]


class _Subject(NamedTuple):
    """What a selector's subject (its rightmost compound selector) asks of the tag, id and classes."""

    tag: str | None
    ident: str | None
    classes: frozenset[str]

    def admits(self, element: Any) -> bool:
        """True when the element has this tag, id and classes."""
        if self.ident is None and self.tag is None and len(self.classes) == 1:
            return True  # found by its one class
        if self.tag is not None and element.tag.lower() != self.tag:
            return False
        if self.ident is not None and element.get("id") != self.ident:
            return False
        return not self.classes or self.classes <= set((element.get("class") or "").split())


class _CompiledSelector:
    """One selector of a rule: its specificity, its subject, whether the subject is all there is
    to it (`simple`: only a tag, an id and classes), and for the rest its compound selectors from
    the subject leftwards (`chain`, each with the combinator to the next; empty when a combinator
    is one this matcher does not know) and its XPath, translated on first use (most selectors are
    simple, or are tested on a few elements through their chain)."""

    __slots__ = ("_selector", "_translator", "_xpath", "chain", "simple", "specificity", "subject")

    def __init__(
        self,
        selector: Any,
        subject: _Subject,
        simple: bool,
        chain: tuple[tuple[_Compound, str], ...],
        translator: Any,
        specificity: tuple[int, int, int] | None = None,
    ) -> None:
        self._selector = selector
        self._translator = translator
        self._xpath: Any = None
        self.specificity: tuple[int, int, int] = selector.specificity() if specificity is None else specificity
        self.subject = subject
        self.simple = simple
        self.chain = chain

    def xpath(self, root: Any) -> list[Any]:
        """The elements under `root` the selector matches (none when lxml refuses its XPath)."""
        if self._xpath is None:
            from cssselect import SelectorError
            from lxml import etree

            from compliance.document.first_sight import compiled_xpath

            try:
                self._xpath = compiled_xpath(self._translator.selector_to_xpath(self._selector))
            except (SelectorError, etree.XPathError):
                self._xpath = _nothing
        found: list[Any] = self._xpath(root)
        return found


def _nothing(root: Any) -> list[Any]:
    """What a selector lxml cannot evaluate matches."""
    return []


class _Compound(NamedTuple):
    """One compound selector (`div.note[data-x]`): its tag, id and classes, and when it asks for
    more, an XPath that tests an element itself."""

    subject: _Subject
    test: Any

    def has(self, element: Any) -> bool:
        """True when the element matches this compound selector."""
        tag = element.tag
        if not isinstance(tag, str):
            return False
        subject = self.subject
        if subject.tag is not None and tag.lower() != subject.tag:
            return False
        if subject.ident is not None and element.get("id") != subject.ident:
            return False
        if subject.classes and not subject.classes <= set((element.get("class") or "").split()):
            return False
        return self.test is None or bool(self.test(element))


def _chain_matches(chain: Sequence[tuple[_Compound, str]], position: int, element: Any, known: dict[tuple[int, Any], bool]) -> bool:
    """True when `element` matches the selector from `chain[position]` leftwards. `known` keeps
    the answers for one selector: candidates share their ancestors, and each (position, element)
    is then tested once, not once per candidate below it."""
    key = (position, element)
    answer = known.get(key)
    if answer is None:
        compound, combinator = chain[position]
        if not compound.has(element):
            answer = False
        elif not combinator:
            answer = True
        else:
            answer = any(_chain_matches(chain, position + 1, other, known) for other in _related(element, combinator))
        known[key] = answer
    return answer


def _chain_select(chain: Sequence[tuple[_Compound, str]], candidates: list[Any]) -> list[Any]:
    """The candidates that match the selector whose compound selectors `chain` lists."""
    known: dict[tuple[int, Any], bool] = {}
    return [e for e in candidates if _chain_matches(chain, 0, e, known)]


def _related(element: Any, combinator: str) -> Iterable[Any]:
    """The elements a combinator relates to `element`, on its left side."""
    if combinator == " ":
        ancestors: Iterable[Any] = element.iterancestors()
        return ancestors
    if combinator == ">":
        parent = element.getparent()
        return () if parent is None else (parent,)
    siblings = (s for s in element.itersiblings(preceding=True) if isinstance(s.tag, str))
    if combinator == "+":
        nearest = next(siblings, None)
        return () if nearest is None else (nearest,)
    return siblings


def _subject_of(tree: Any) -> tuple[_Subject, bool]:
    from cssselect.parser import Class, CombinedSelector, Element, Hash

    simple = True
    node = tree
    if isinstance(node, CombinedSelector):
        simple = False
        node = node.subselector
    tag = ident = None
    classes = []
    while node is not None:
        if isinstance(node, Class):
            classes.append(node.class_name)
        elif isinstance(node, Hash):
            ident = node.id
        elif isinstance(node, Element):
            tag = node.element.lower() if node.element else None
            break
        else:
            simple = False
        node = getattr(node, "selector", None)
    return _Subject(tag, ident, frozenset(classes)), simple


# Families whose properties a descendant inherits: showing again matters anywhere below an element
# they hide (`visibility: visible` inside `visibility: hidden`); the others matter only on the
# element that is hidden.
_INHERITED = frozenset({"visibility", "font", "colour"})


# A `background` shorthand with an image or a gradient layer, in a stylesheet's text (a cheap test).
_IMAGE_IN_SHORTHAND = on_first_use(r"background\s*:[^;}]*(?:url|gradient)\(", re.IGNORECASE)


def _hiding_test(sheets: tuple[str, ...], page: _ElementIndex, canvas: Colour | None = None) -> Callable[[Declaration], bool]:
    """`_can_hide`, extended to colours: a text colour that blends in with some background the
    page sets (in a `<style>` rule or a `style` attribute) or with none, a background some text
    colour blends in with, and `background-clip` (painting text with the background). Other
    colours can only show text again: they matter only below an element with one of these."""
    # The `<style>` blocks' colours are those of their summaries (read once per block), which
    # leave out what `_applicable` leaves out: a conditional rule's declarations that can hide.
    texts, backgrounds = _page_colours(sheets, page)
    if canvas is not None:
        backgrounds.add(canvas)  # text with no background of its own is on the canvas
    risky_texts, risky_backgrounds = _blending(frozenset(texts), frozenset(backgrounds))
    # A `background-image: none` takes away the image layers of a `background` shorthand, which
    # leaves its colour behind the text: read where some shorthand paints an image.
    undone = _IMAGE_IN_SHORTHAND if any(_IMAGE_IN_SHORTHAND().search(sheet) for sheet in sheets) else None

    def hides(declaration: Declaration) -> bool:
        name = declaration.name
        if name in _TEXT_COLOURS:
            return _text_colour(declaration) in risky_texts
        if name in ("background", "background-color"):
            return _background_colour(declaration) in risky_backgrounds or _unknown_background(declaration)
        if name == "background-image":
            # Matched everywhere: the colour is then unknown, or (`none`) the shorthand's.
            return declaration.keyword not in _NO_PICTURE or (undone is not None and declaration.keyword == "none")
        return name in ("background-clip", "-webkit-background-clip") or _can_hide(declaration)

    return hides


@functools.lru_cache(maxsize=256)
def _with_one_line_families(families: frozenset[str], sheets: tuple[str, ...], inline: tuple[str, ...]) -> frozenset[str]:
    """The `families` the page's rules are matched for, with those a box that shows one line only
    in a `style` attribute needs (`_inline_one_line_families`) and, with such a box on the page,
    the custom properties that lay out what it holds (`_layout_variables`)."""
    families = families | _inline_one_line_families(inline)
    return families | _layout_variables(sheets) if families >= _ONE_LINE_FAMILIES else families


def _inline_one_line_families(inline: tuple[str, ...]) -> frozenset[str]:
    """`_ONE_LINE_FAMILIES` when a `style` attribute makes a box that shows one line only (at
    16px: see `clipping.one_line_box`), else none: the page's rules are then read on what it holds."""
    for value in inline:
        if "overflow" in value.lower() and declares_one_line_box(parse_style_attribute(value), _DEFAULT_FONT_PX):
            return _ONE_LINE_FAMILIES
    return frozenset()


def _page_families(sheets: tuple[str, ...], page: _ElementIndex, styles: Sequence[str]) -> frozenset[str]:
    """The families of properties the page can hide with. A colour in a `<style>` rule can hide
    text with one in a `style` attribute (a class's background and an inline text colour): the
    page's inline colours are then read, once, from the index that matching reads them from
    again. `styles` are the page's `style`
    attributes, in document order: read once, in C, and searched here in Python, where each
    test by XPath searched every attribute of the page again."""
    families = _hiding_families(sheets) | _overriding_families(sheets, page, styles) | _inline_variable_families(sheets, styles)
    if not families >= {"font", "size"} and _inline_shrinks_text(styles):
        families = families | {"font", "size"}
    if "colour" in families or not _sets_colours(sheets):
        return families
    if _inline_colours_blend(sheets, page) or _svg_text_blends(sheets, page):
        families = families | {"colour"}
    return families


def _svg_text_blends(sheets: tuple[str, ...], page: _ElementIndex) -> bool:
    """True when a fill or stroke an `<svg>` draws text with (`_svg_text_colours`), or the one
    colour a `filter` paints a picture (`_silhouette_colours`), cannot be told from a background
    the page's CSS sets: the backgrounds are then matched, as for a text colour of a `<style>`
    rule (`<text fill="#fff">`, or a logo under `filter: brightness(0) invert(1)`, on
    `body{background:#fff}`)."""
    painted = _svg_text_colours(page.root, sheets) | _silhouette_colours(sheets, page.style_values())
    if not painted:
        return False
    _, backgrounds = _page_colours(sheets, page)
    return bool(_blending(frozenset(painted), frozenset(backgrounds))[0])


def _silhouette_colours(sheets: tuple[str, ...], inline: Sequence[str]) -> set[Colour]:
    """The one colour each `filter` of the page paints every opaque picture as, where it paints
    one (`colour_filters.flat_colour`: `brightness(0) invert(1)` makes a logo a white
    silhouette)."""
    chains = (colour_filters.colour_filter(values) for values in _page_filters(sheets, inline))
    return {flat for chain in chains if chain and (flat := colour_filters.flat_colour(chain)) is not None}


def _inline_shrinks_text(styles: Sequence[str]) -> bool:
    """True when a `style` attribute shrinks text too small to read (`_shrinks_text`), which is then
    judged by the font size the page's rules give it (only attributes naming a zoom or a scale
    are read)."""
    named = [value for value in styles if "zoom" in (lowered := value.lower()) or "scale" in lowered]
    return any(_shrinks_text(d) for value in named for d in parse_style_attribute(value) if d.family == "transform")


# The families a box moved out of a clipping ancestor is read with (see `clipping`).
_CLIPPING_FAMILIES = frozenset({"size", "placement", "transform", "display"})


def clipping_reach(sheets: tuple[str, ...], inline: Sequence[str]) -> bool:
    """True when boxes moved out of a clipping box are worth reading on the page: the smallest
    box that clips its overflow with a declared size, in `<style>` rules (every screen's) or
    `style` attributes (their values `inline`), is no larger than the farthest some declaration
    moves a box. (A page where no single move reaches that far may still hide by several moves
    that add up: it is not read, rather than read with rules left unmatched that may move a box
    back.)"""
    traits = _sheet_traits(sheets)
    sizes = [size for value in inline if "overflow" in value.lower() and (size := clipping_size(parse_style_attribute(value))) is not None]
    smallest = min([*sizes, *([] if traits.smallest_clip is None else [traits.smallest_clip])], default=None)
    if smallest is None:
        return False
    return traits.farthest_move >= smallest or any(move_px(d) >= smallest for value in inline for d in parse_style_attribute(value))


class _SheetTraits(NamedTuple):
    """What the page's `<style>` blocks together do that `style` attributes or markup may take
    part in (see `_SheetSummary`): whether they set `display`, the families of their `!important`
    declarations, whether a hiding property uses `var()`, the custom properties they define,
    whether they set `overflow: visible`, the smallest box a rule makes clip its overflow and the
    farthest a declaration moves a box (see `clipping_reach`), and whether they set a `perspective`."""

    sets_display: bool
    important: frozenset[str]
    use_variables: bool
    definitions: Mapping[str, list[tuple[Any, ...]]]
    overflow_shown: bool
    smallest_clip: float | None = None
    farthest_move: float = 0.0
    perspective: bool = False


@functools.lru_cache(maxsize=SHEETS_CACHED)
def _sheet_traits(sheets: tuple[str, ...]) -> _SheetTraits:
    """The traits of the page's blocks (a site's pages share their blocks: worked out once)."""
    summaries = [_SheetSummary.of(sheet) for sheet in sheets]
    definitions: dict[str, list[tuple[Any, ...]]] = {}
    for summary in summaries:
        for name, values in summary.definitions:
            definitions.setdefault(name, []).append(values)
    return _SheetTraits(
        any(summary.sets_display for summary in summaries),
        frozenset().union(*(summary.important for summary in summaries)),
        any(summary.variable_uses for summary in summaries),
        definitions,
        any(summary.overflow_shown for summary in summaries),
        min((summary.smallest_clip for summary in summaries if summary.smallest_clip is not None), default=None),
        max((summary.farthest_move for summary in summaries), default=0.0),
        any(summary.perspective for summary in summaries),
    )


def _inline_variable_families(sheets: tuple[str, ...], styles: Sequence[str]) -> frozenset[str]:
    """What custom properties add to the families when `style` attributes take part: a rule's
    `var()` filled in from a `style` attribute's definition (`style="--gone: none"`), and the
    custom properties a `style` attribute's `var()` names that rules define (`:root { --gone:
    none }`), whose rules are then matched. Read only when the blocks use or define custom
    properties and some `style` attribute does the other (`styles`: the page's `style`
    attributes, in document order)."""
    traits = _sheet_traits(sheets)
    found: set[str] = set()
    if traits.use_variables and any("--" in value for value in styles):
        inline = tuple((d.name, d.values) for value in styles if "--" in value for d in parse_style_attribute(value) if d.custom)
        found |= _variable_families(sheets, inline)
    definitions = traits.definitions
    if definitions:
        for value in (value for value in styles if "var(" in value):
            used = {name for d in parse_style_attribute(value) if not d.custom for name in variables_used(d.values)}
            found |= _with_their_variables(used & definitions.keys(), definitions)
    return frozenset(found)


def _overriding_families(sheets: tuple[str, ...], page: _ElementIndex, styles: Sequence[str]) -> frozenset[str]:
    """The families in which a `<style>` rule can show again what markup hides: `display`, when
    the page has an element with the `hidden` attribute (a user-agent `display: none` that any
    author rule setting `display` overrides, CSS Cascade 4, 6.1), and the families of the blocks'
    `!important` declarations when a `style` attribute hides with them (an important author
    declaration wins over a normal inline one). Read only when the blocks have such declarations
    (`styles`: the page's `style` attributes, in document order)."""
    traits = _sheet_traits(sheets)
    found: set[str] = set()
    if traits.sets_display and page.hidden_by_markup():
        found.add("display")
    if "font" not in _hiding_families(sheets):
        # A rule's font size decides whether a `style` attribute's letter spacing in px squeezes the text.
        spacings = (d for value in styles if "-spacing" in value for d in parse_style_attribute(value))
        found.update("font" for d in spacings if d.name in ("letter-spacing", "word-spacing") and _can_hide(d))
    if traits.perspective and any("rotate" in value for value in styles):
        found.add("transform")  # a rule's `perspective` shows a box a `style` attribute turns edge-on
    important = traits.important - found
    if important:
        inline = (d for value in styles for d in parse_style_attribute(value))
        found.update(d.family for d in inline if d.family in important and _can_hide(d))
    return frozenset(found)


def _sets_colours(sheets: tuple[str, ...]) -> bool:
    """True when some `<style>` block sets a text or a background colour."""
    return any(summary.text_colours or summary.backgrounds for summary in map(_SheetSummary.of, sheets))


def _inline_colours_blend(sheets: tuple[str, ...], page: _ElementIndex) -> bool:
    """True when a text colour and a background colour the page sets, one of them in a `style`
    attribute, cannot be told apart (both in `<style>` rules is `_hiding_families`' test; both in
    `style` attributes needs no rule matched)."""
    texts, backgrounds = _page_colours(sheets, page)
    risky_texts, risky_backgrounds = _blending(frozenset(texts), frozenset(backgrounds))
    return bool(risky_texts or risky_backgrounds)


def _page_colours(sheets: tuple[str, ...], page: _ElementIndex) -> tuple[set[Colour], set[Colour]]:
    """The text colours and the background colours the `<style>` blocks and the `style`
    attributes set (new sets)."""
    texts, backgrounds = _sheet_colours(sheets)
    declared = [d for _, inline in page.inline_styles() for d in inline if d.family == "colour"]
    texts.update(c for d in declared if d.name in _TEXT_COLOURS and (c := _text_colour(d)) is not None)
    texts.update(_svg_text_colours(page.root, sheets))
    texts.update(_silhouette_colours(sheets, page.style_values()))
    backgrounds.update(c for d in declared if d.name in ("background", "background-color") and (c := _background_colour(d)) is not None)
    return texts, backgrounds


def _sheet_colours(sheets: tuple[str, ...]) -> tuple[set[Colour], set[Colour]]:
    """The text colours and the background colours the `<style>` blocks set (new sets)."""
    texts: set[Colour] = set()
    backgrounds: set[Colour] = set()
    for summary in map(_SheetSummary.of, sheets):
        texts |= summary.text_colours
        backgrounds |= summary.backgrounds
    return texts, backgrounds


# Keyed by all the text and background colours of a page: pages of one site repeat their sets, but
# each set is large (a site's palette), so only a few are kept.
@functools.lru_cache(maxsize=32)
def _blending(texts: frozenset[Colour], backgrounds: frozenset[Colour]) -> tuple[frozenset[Colour], frozenset[Colour]]:
    """The text colours that blend in with one of the backgrounds or with none, and the
    backgrounds one of the text colours blends in with (`text_blends_in` of every pair).

    A site's palette runs to hundreds of text colours (a generated class each): an opaque
    colour's L*a*b* is worked out once, and an opaque text colour is compared with each opaque
    background's without a blend per pair."""
    opaque = [(b, lab(b)) for b in backgrounds if b[3] == 1]
    risky_texts: set[Colour] = set()
    risky_backgrounds: set[Colour] = set()
    for text in texts:
        if text[3] == 0:  # transparent: blends in with every background, and with none
            risky_texts.add(text)
            risky_backgrounds.update(backgrounds)
            continue
        # Any other colour blends in only with an opaque background (see `text_blends_in`).
        if text[3] == 1:
            own = lab(text)
            blended = [b for b, coordinates in opaque if close_enough(own, coordinates)]
        else:
            blended = [b for b, _ in opaque if indistinguishable(text, b)]
        if blended:
            risky_texts.add(text)
            risky_backgrounds.update(blended)
    return frozenset(risky_texts), frozenset(risky_backgrounds)


def _text_colour(declaration: Declaration) -> Colour | None:
    """The colour a `color` declaration sets, `CanvasText` for `initial` (None for `inherit`,
    `currentcolor` and the like, which depend on the element)."""
    if len(declaration.values) != 1:
        return None
    return CANVAS_TEXT if declaration.keyword == "initial" else colour(declaration.values[0])


def _image_colour(declaration: Declaration) -> Colour | None:
    """The colour a `background-image` paints when it is a gradient of one colour (see `_one_colour_gradient`)."""
    return _one_colour_gradient(declaration.values[0]) if len(declaration.values) == 1 else None


def _inline_hiders(hides: Callable[[Declaration], bool], page: _ElementIndex) -> Iterator[tuple[Any, set[str]]]:
    """The elements whose `style` attribute hides them, with the families it hides with (those
    of `_ONE_LINE_FAMILIES` for a box it makes show one line only)."""
    for element, inline in page.inline_styles():
        families = {d.family for d in inline if hides(d) or _no_text(d)}
        if declares_one_line_box(inline, _DEFAULT_FONT_PX):
            families |= _ONE_LINE_FAMILIES
        if families:
            yield element, families


class _Reach:
    """Where a rule that can only show again can change anything: the elements that a `<style>`
    rule or their own `style` attribute hides (for every family), and everything below the ones
    hidden by an inherited property (a `visibility`, a font size or a colour)."""

    def __init__(self, matched: _Matched, hides: Callable[[Declaration], bool], page: _ElementIndex, line_boxes: Iterable[Any] = ()) -> None:
        hiders: dict[Any, set[str]] = {}
        for element, entries in matched.items():
            hiders[element] = {d.family for _, d in entries if hides(d) or _no_text(d)}
        for element, families in _inline_hiders(hides, page):
            hiders.setdefault(element, set()).update(families)
        for element in line_boxes:
            hiders.setdefault(element, set()).update(_ONE_LINE_FAMILIES)
        # What a box that shows one line only holds is laid out by its own `display`, `float`
        # and `position` (see `clipping.flow_in_line_box`): rules setting them are read there.
        for element in [e for e, families in hiders.items() if families >= _ONE_LINE_FAMILIES]:
            for inner in element.iterdescendants():
                hiders.setdefault(inner, set())
        for element in page.hidden_by_markup():
            hiders.setdefault(element, set()).add("display")  # the user-agent `display: none`
        for element in _svg_presentation(page.root):
            hiders.setdefault(element, set()).update(_SVG_HIDING_ATTRIBUTES)  # CSS may show it again
        self._hidden = _Scope(hiders, page)
        below: set[Any] = set()
        for element, families in hiders.items():
            if families & _INHERITED and element not in below:
                below.update(element.iter())
            if "font" in families:
                # A size in `em` or `%` is relative to the parent's, which an ancestor may set.
                below.update(element.iterancestors())
        self._below = _Scope(below | hiders.keys(), page) if below else self._hidden

    def scope(self, families: set[str]) -> _Scope:
        """The elements where declarations of these families can change what a reader sees."""
        return self._below if families & _INHERITED else self._hidden


def _no_text(declaration: Declaration) -> bool:
    """A font size of zero (a negative one, which CSS refuses, is never read: see `css.refused`)."""
    if declaration.family != "font" or declaration.name in ("letter-spacing", "word-spacing"):
        return False
    size = _font_size(declaration)
    return size is not None and size <= 0


class _Scope:
    """Some elements, indexed by id, class and tag, to match selectors among them only; `page`
    knows which classes and ids the whole page has."""

    def __init__(self, elements: Iterable[Any], page: _ElementIndex) -> None:
        self._page = page
        self._elements: list[Any] = []
        self._by: dict[tuple[str, str], list[Any]] = {}
        by = self._by
        for element in elements:
            if not isinstance(element.tag, str):
                continue
            self._elements.append(element)
            by.setdefault(("tag", element.tag.lower()), []).append(element)
            ident = element.get("id")
            if ident is not None:
                by.setdefault(("id", ident), []).append(element)
            for name in set((element.get("class") or "").split()):
                by.setdefault(("class", name), []).append(element)
        self._root = self._elements[0].getroottree() if self._elements else None

    def admitted(self, selector: _CompiledSelector) -> list[Any]:
        """The elements here that the selector's subject (its last compound) matches, found by
        its id, its rarest class or its tag."""
        subject = selector.subject
        if subject.ident is not None:
            candidates = self._by.get(("id", subject.ident), [])
        elif subject.classes:
            candidates = min((self._by.get(("class", c), []) for c in subject.classes), key=len)
        elif subject.tag is not None:
            candidates = self._by.get(("tag", subject.tag), [])
        else:
            candidates = self._elements
        return [e for e in candidates if subject.admits(e)]

    def select(self, selector: _CompiledSelector) -> list[Any]:
        """The elements here that the selector matches."""
        admitted = self.admitted(selector)
        if selector.simple or not admitted:
            return admitted
        if self._page.lacks(selector):
            return []
        if selector.chain and len(admitted) <= _FEW_CANDIDATES:
            return _chain_select(selector.chain, admitted)
        matches = set(selector.xpath(self._root))
        return [e for e in admitted if e in matches]


def _match_rule(
    rule: StyleRule,
    order: int,
    declarations: list[Declaration],
    matched: _Matched,
    select: Callable[[_CompiledSelector], list[Any]],
    ranks: Mapping[str, tuple[float, ...]],
) -> list[Any]:
    """Add the rule's declarations to the elements `select` finds for its selectors; those elements."""
    found = []
    for selector in _selectors(rule.selectors, rule.scope):
        for element in select(selector):
            found.append(element)
            entries = matched.setdefault(element, [])
            entries.extend((rule_precedence(rule, d.important, selector.specificity, order, ranks), d) for d in declarations)
    return found


def rule_precedence(rule: StyleRule, important: bool, specificity: tuple[int, int, int], order: int, ranks: Mapping[str, tuple[float, ...]]) -> _Precedence:
    """The precedence in the cascade of a declaration of the `<style>` rule (its `!important`),
    matched by a selector of that specificity, the rule at `order` among the page's rules, its
    layer ranked by `ranks` (`_layer_ranks`): what `_match_rule` gives the declarations it adds,
    and what a pseudo-element's rules are ranked by (`generated.details_content`)."""
    layer = _UNLAYERED if rule.layer is None else ranks[rule.layer]
    # `!important` declarations of an earlier layer win over later ones and over those outside every layer.
    if important:
        layer = tuple(-rank for rank in layer)
    return (important, False, layer, specificity, _UNSCOPED if rule.scope is None else _SCOPED, order)


# The parts of a selector that name no class or id the element itself must have: attribute
# selectors (`[href="#top"]`) and functional pseudo-classes (`:not(.menu)`, `:is(.a, .b)`).
# A class or id selector's name (a CSS identifier without escapes: letters, digits, `-`, `_`, and
# every code point past ASCII).
_NAME_SELECTOR = re.compile(r"([.#])((?:[-\w]|[^\x00-\x7f])+)")
# A list that is one class selector and nothing else (what `_required_names` reads as that class).
_LONE_CLASS = re.compile(r"\.((?:[-\w]|[^\x00-\x7f])+)")


@functools.lru_cache(maxsize=4096)
def _required_names(selector_list: str) -> tuple[tuple[frozenset[str], frozenset[str]], ...] | None:
    """For each selector of the list, the classes and the ids an element must have somewhere on
    the page for the selector to match anything; None when the list is not plain enough to read
    without a CSS parser (escapes, strings, comments), and then it is parsed and matched."""
    text = without_brackets(selector_list, " ")
    if text is None:
        return None  # unbalanced, or not plain: cssselect decides
    requirements = []
    for selector in text.split(","):  # the commas left separate the list's selectors
        classes: set[str] = set()
        idents: set[str] = set()
        for kind, name in _NAME_SELECTOR.findall(selector):
            (classes if kind == "." else idents).add(name)
        requirements.append((frozenset(classes), frozenset(idents)))
    return tuple(requirements)


@functools.lru_cache(maxsize=4096)
def _selectors(selector_list: str, scope: Scoping | None = None) -> tuple[_CompiledSelector, ...]:
    """Each selector of a rule's selector list, compiled, as Chromium reads the list
    (`selector_lists.parsed_selectors`): none when it drops the rule (a selector it cannot
    parse, `.x:-moz-focusring`), the arguments of `:is()`/`:where()` it forgives left out. The
    selectors cssselect cannot read, those with a pseudo-element (`::before` styles generated
    content, not the element) and those for pages without scripts (`.no-js`) are left out.
    The selectors of a rule in `@scope` (`scope`) are compiled by `_scoped_selectors`."""
    from compliance.document.first_sight import FirstSightTranslator

    if "no-js" in selector_list.lower():
        return ()
    if scope is not None:
        return _scoped_selectors(selector_list, scope)
    translator = FirstSightTranslator()
    compiled = []
    for selector in parsed_selectors(selector_list):
        if selector.pseudo_element is not None:
            continue
        subject, simple = _subject_of(selector.parsed_tree)
        chain = () if simple else _chain_of(selector.parsed_tree, translator)
        compiled.append(_CompiledSelector(selector, subject, simple, chain, translator))
    return tuple(compiled)


def _scoped_selectors(selector_list: str, scope: Scoping) -> tuple[_CompiledSelector, ...]:
    """The selectors of a rule in `@scope (root) to (limit)`, compiled: `:scope` is an element
    that matches `root`, `&` at a selector's start is `:where(:scope)` (`css.StyleRule`: the
    root, with no specificity), and the subject is left out inside what `limit` matches
    (`first_sight.ScopedTranslator`). Each is matched by its XPath, not by the chain of its
    compound selectors. None when Chromium drops the list, the root or the limit, or cssselect
    cannot read the root or the limit (a rule scoped as the checker cannot scope it is not
    applied: it hides nothing Chromium shows); a selector with `&` or `:scope` anywhere but at
    its start is left out."""
    from cssselect import SelectorError, parse

    from compliance.document.first_sight import ScopedTranslator

    bounds = (scope.root,) if scope.limit is None else (scope.root, scope.limit)
    kept = chromium_selectors(selector_list)
    if kept is None or any(chromium_selectors(text) is None or not selector_readable(text) for text in bounds):
        return ()
    kept = tuple(text for text in kept if selector_readable(text))
    try:
        translator = ScopedTranslator(scope.root, scope.limit)
    except SelectorError:
        return ()
    compiled = []
    for text in kept:
        implied = text.startswith("&")
        try:
            (selector,) = parse(cssselect_form(":scope" + text[1:] if implied else text))
        except SelectorError:
            continue
        if selector.pseudo_element is not None:
            continue
        a, b, c = selector.specificity()
        subject, _ = _subject_of(selector.parsed_tree)
        compiled.append(_CompiledSelector(selector, subject, False, (), translator, (a, b - 1, c) if implied else None))
    return tuple(compiled)


_COMBINATORS = frozenset({" ", ">", "+", "~"})


def _chain_of(tree: Any, translator: Any) -> tuple[tuple[_Compound, str], ...]:
    """The compound selectors of a parsed selector from its subject leftwards, each with the
    combinator to its left neighbour; empty when a part cannot be tested on its own."""
    from cssselect import SelectorError
    from cssselect.parser import CombinedSelector
    from lxml import etree

    from compliance.document.first_sight import compiled_xpath

    chain = []
    node = tree
    while node is not None:
        if isinstance(node, CombinedSelector):
            part, left, next_combinator = node.subselector, node.selector, node.combinator
        else:
            part, left, next_combinator = node, None, ""
        if next_combinator and next_combinator not in _COMBINATORS:
            return ()
        subject, simple = _subject_of(part)
        try:
            test = None if simple else compiled_xpath("self::" + str(translator.xpath(part)))
        except (SelectorError, etree.XPathError):
            return ()
        chain.append((_Compound(subject, test), next_combinator))
        node = left
    return tuple(chain)


def _font_size(declaration: Declaration, parent_px: float = _DEFAULT_FONT_PX, root_px: float = _DEFAULT_FONT_PX) -> float | None:
    """The font size a `font-size` or `font` declaration sets in pixels, a size relative to the
    parent's (`em`, `%`, `ex`, `ch`, `cap`, `ic`, `lh`) resolved against `parent_px` and one in
    `rem`, `rlh` (or another root unit) against the root element's `root_px`; None when it sets none or one the checker does not work out
    (`smaller`, `larger`)."""
    for token in declaration.values:
        if token.type == "literal" and token.value == "/":
            break
        if token.type in ("dimension", "percentage") or (token.type == "number" and token.value == 0):
            unit = "%" if token.type == "percentage" else getattr(token, "lower_unit", "")
            if unit in RELATIVE_FONT_UNITS:
                return float(token.value) * _EMS_PER_UNIT[unit] * parent_px
            if unit in ROOT_FONT_UNIT_EMS:
                return float(token.value) * ROOT_FONT_UNIT_EMS[unit] * root_px
            return length_px(token)
        if declaration.name == "font-size":
            return _keyword_font_size(token, parent_px)
    return None


# `font-size` is inherited: these take the parent's size (`revert` the user agent's, which for
# the elements text is read from is the parent's too).
_PARENT_FONT_KEYWORDS = CSS_WIDE_KEYWORDS - {"initial"}


def _keyword_font_size(token: Any, parent_px: float) -> float | None:
    """The size a `font-size` keyword sets: the parent's for `inherit`, `unset` and `revert`, none
    the checker works out for `smaller` and `larger`, else 16px (`initial`, `medium`: the others
    are near it)."""
    if token.type != "ident" or token.lower_value in ("smaller", "larger"):
        return None
    return parent_px if token.lower_value in _PARENT_FONT_KEYWORDS else _DEFAULT_FONT_PX


def _with_custom_properties(
    declared: dict[str, Declaration], variables: Mapping[str, tuple[Any, ...]] | None, style: PageStyle
) -> tuple[dict[str, Declaration], Mapping[str, tuple[Any, ...]] | None]:
    """An element's declarations with their `var()`s filled in and the custom properties it
    passes on (`variables`: its parent's), registered properties as `@property` registers them;
    as they are when it declares no custom property or function."""
    if declared and (variables is not None or any(d.custom or d.values[0].type == "function" for d in declared.values())):
        if style.registered:
            declared, variables = _as_registered(declared, variables, style.registered)
        declared, variables = _with_variables(declared, variables)
    return declared, variables


def render(element: Any, tag: str, parent: Rendering, style: PageStyle) -> Rendering:
    """How `element` shows, given how its parent shows and the page's style."""
    if parent.hidden:
        return parent
    if element in style.painted_over:
        return HIDDEN
    parent = _on_its_backdrop(element, parent, style)
    declared, variables = _with_custom_properties(style.declarations(element), parent.variables, style)
    if is_hidden(element, tag, style.helper_classes_hide) and not _shown_despite_hidden_attribute(element, tag, declared):
        return HIDDEN
    if _in_narrow_box(element, tag, declared, parent, style):
        return HIDDEN
    indent = parent.indent
    if indent is not None:
        declared, indent = _inherited_indent(declared, element, tag, indent, style)
    if not declared:
        return _unstyled_rendering(element, tag, parent, variables, indent, style)
    perspective = _in_perspective(declared, parent)
    judged = _judged(declared, element, tag, style)
    if "text-indent" in declared and "text-indent" not in judged and _has_no_box(declared):
        indent = declared["text-indent"]
    if _box_gone(judged, element, tag, parent.perspective, _containing_block_width(parent), style):
        return HIDDEN
    fading = _faded(judged, element, parent.fading)
    if _faded_away(judged, element, tag, fading, style):
        return HIDDEN
    invisible = _invisible(judged.get("visibility"), parent.invisible)
    font_px, text_hidden, letter_spacing, word_spacing = _text_size(judged, parent)
    paint = _paint(judged, parent, tag, font_px, fading.opacity)
    if paint is None or (
        tag in IMAGE_TAGS and _picture_lost(judged, element, parent, paint[0], _blur(judged, parent.blur, font_px, parent.root_font_px), style)
    ):
        return HIDDEN
    chain, text_colour, background, clipped_text, fill, blends_in, outline, blend = paint
    clip = None
    if style.clipping:
        moved = moved_out(element, tag, judged, parent.clip, font_px)
        if moved.out:
            return HIDDEN
        clip = moved.clip
    root_font_px = font_px if tag == "html" else parent.root_font_px
    return Rendering(
        False,
        invisible,
        text_hidden,
        text_colour,
        background,
        clipped_text,
        blends_in,
        fill,
        font_px,
        variables,
        letter_spacing,
        clip,
        perspective,
        element if _shows_one_line(element, tag, judged, font_px, style) else parent.one_line,
        outline,
        fading,
        root_font_px,
        *_narrow_and_span(judged, element, tag, parent, style),
        chain,
        indent,
        blend,
        _masked(judged, parent.masked),
        _blur(judged, parent.blur, font_px, root_font_px),
        word_spacing,
    )


def _on_its_backdrop(element: Any, parent: Rendering, style: PageStyle) -> Rendering:
    """How an element's parent shows, as far as the element inherits it: where the element lies
    over a picture (`PageStyle.overlaid`), on no known background, its text blending in only
    where it blends into any (a transparent colour); elsewhere `parent` itself."""
    if parent.background is None or element not in style.overlaid:
        return parent
    unknown = parent._replace(background=None)
    return unknown._replace(blends_in=_text_paint({}, unknown, parent.colour_filter, parent.fading.opacity)[4])


def _unstyled_rendering(
    element: Any, tag: str, parent: Rendering, variables: Mapping[str, tuple[Any, ...]] | None, indent: Declaration | None, style: PageStyle
) -> Rendering:
    """`render` for an element that declares nothing: as its parent shows, with the custom
    properties and text indent in force; hidden for an image sized by its attributes alone that
    the shrink in force draws too small to be seen (`_image_shrunk`), or that the filters in
    force leave unrecognisable (`_picture_lost`) or paint one colour of the background behind it
    (`_silhouette_blends_in`: `brightness(0) invert(1)` on a box around a logo on a white page)."""
    if tag in IMAGE_TAGS and (
        (parent.fading.scale * parent.fading.zoom < 1 and _image_shrunk({}, element, parent.fading, style))
        or _picture_lost({}, element, parent, parent.colour_filter, parent.blur, style)
        # A filter of an ancestor that paints it one colour of the background (as `_paint` reads one of its own).
        or (parent.colour_filter and _silhouette_blends_in(parent.colour_filter, None, parent.background))
    ):
        return HIDDEN
    if indent is not parent.indent:
        return parent._replace(variables=variables, indent=indent)
    return parent if variables is parent.variables else parent._replace(variables=variables)


def _blur(judged: Mapping[str, Declaration], inherited: float, font_px: float, root_px: float) -> float:
    """The blur radius in CSS pixels in force on the element's content: its own `filter`'s
    `blur()`s inside its ancestors' (`Rendering.blur`). When `filter` and `-webkit-filter` are
    both set (which of the aliases wins is not known here), the smaller; a radius not read is none."""
    filters = [judged[name].values for name in colour_filters.FILTER_PROPERTIES if name in judged]
    if not filters:
        return inherited
    from compliance.document.filter_blur import composed, radius_px

    return composed(inherited, min(radius_px(values, font_px, root_px) or 0.0 for values in filters))


# The displays of a block container, whose first line a `text-indent` indents.
_INDENTED_DISPLAYS = frozenset({"block", "flow-root", "list-item", "inline-block"})


def _inherited_indent(
    declared: dict[str, Declaration], element: Any, tag: str, indent: Declaration, style: PageStyle
) -> tuple[dict[str, Declaration], Declaration | None]:
    """The element's declarations and the `text-indent` it passes on, under one an ancestor of
    `display: contents` passes on (`indent`): an element that sets its own (in any rule, read on
    demand) passes that on instead, and a block container takes the inherited one as its own (its
    first line is indented); an inline box's text sits in a line of its parent's block, which
    this indent does not reach (CSS Text 3, 8.1)."""
    own = style.on_demand(element, ("text-indent", "display"))
    if "text-indent" in own:
        return declared, None
    display = own.get("display")
    if (display_keyword(display) if display is not None else "block" if tag in BLOCK_TAGS else "inline") in _INDENTED_DISPLAYS:
        return {**declared, "text-indent": indent}, indent
    return declared, indent


def _has_no_box(declared: Mapping[str, Declaration]) -> bool:
    """True for an element of `display: contents`, which makes no box."""
    display = declared.get("display")
    return display is not None and display_keyword(display) == "contents"


def _narrow_and_span(declared: Mapping[str, Declaration], element: Any, tag: str, parent: Rendering, style: PageStyle) -> tuple[float | None, float | None]:
    """`Rendering.narrow` and `Rendering.span` of the element's content box (`_narrow_box`), in
    its parent's."""
    width = _narrow_box(declared, element, tag, parent.narrow if parent.narrow is not None else parent.span, style)
    if width is None:
        return None, None
    return (width, None) if width <= _TINY_BOX_PX else (None, width)


def _narrow_box(declared: Mapping[str, Declaration], element: Any, tag: str, inherited: float | None, style: PageStyle) -> float | None:
    """The width of the element's content box, at most, when the declarations read give it
    (`Rendering.narrow` and `span`), from its `width`, `max-width` and `min-width` (a percentage
    of the `inherited` width, the containing block's; an `auto` width of a block box fills it);
    None when it is not known. An inline box takes no width, and an absolutely
    positioned or fixed one is laid out in another containing block (the checker does not
    follow it there). A flex item (its parent's `display` in `style`, read only for a box that
    would be narrow or sets `flex` or `flex-basis`) is as wide as its `flex-basis` or, for an
    `auto` one, its `width` says, unless it grows (`_flex_item_width`). A grid item is as wide
    as its `width` says: the stretching of a grid track applies to an `auto` width only. An
    item of either is a block box, whatever its own `display`; an inline item of a `-webkit-box`
    stays inline (Chromium gives `<a style="width:2px">` there no width)."""
    sized = _sizes_width(declared)
    if inherited is None and not sized:
        return None  # the usual box: nothing makes it narrow
    kind = _box_kind(declared, tag)
    if kind == "out":
        return None
    inline = kind == "inline"
    if kind == "contents" or (inline and not sized):
        return inherited  # no box, or an inline one, which takes no width
    size = _box_width(declared, inherited)
    if (size is None or size > _TINY_BOX_PX) and not _basis_may_narrow(declared, inherited):
        return inherited if inline else size  # a wider box (as an item, it is read when narrow)
    layout = _item_layout(element, style)
    if layout is None or (inline and layout == "box"):
        return inherited if inline else size  # no item, or an inline one Chromium's -webkit-box keeps inline
    return size if layout == "grid" else _flex_item_width(element, declared, inherited, style, layout)


def _box_kind(declared: Mapping[str, Declaration], tag: str) -> str:
    """What box the element makes, as a narrow box reads it: `out` of its parent's containing
    block (absolutely positioned or fixed), none (`contents`), `inline` (by its `display`, or
    its tag when it has none), or a `block`."""
    position = declared.get("position")
    if position is not None and position.keyword in ("absolute", "fixed"):
        return "out"
    display = declared.get("display")
    if display is None:
        return "block" if tag in BLOCK_TAGS else "inline"
    keyword = display_keyword(display)
    return "inline" if keyword in INLINE_BOX_DISPLAYS else "contents" if keyword == "contents" else "block"


def _sizes_width(declared: Mapping[str, Declaration]) -> bool:
    """True when the declarations may make a box narrow: its width, or as a flex item its basis
    (run for every element with declarations: no generator)."""
    return "width" in declared or "max-width" in declared or "flex" in declared or "flex-basis" in declared


def _basis_may_narrow(declared: Mapping[str, Declaration], inherited: float | None) -> bool:
    """True when the element's own `flex` or `flex-basis` gives it a basis of 2px or less and no
    growth: as a flex item it may be narrow (`_flex_item_width` reads the cascade whole). Read
    only for an element that sets one, so that a page of `flex: 1` boxes asks for nothing more."""
    if "flex" not in declared and "flex-basis" not in declared:
        return False
    factors = flex_factors(declared)
    if factors is None or factors.grow > 0 or not isinstance(factors.basis, tuple):
        return False
    base = _basis_px(factors.basis, inherited)
    return base is not None and base <= _TINY_BOX_PX


def _basis_px(basis: tuple[float, str], inherited: float | None) -> float | None:
    """A flex basis (amount, `px` or `%`) in CSS pixels: a percentage of the `inherited`
    containing block's width; None when that is not known."""
    amount, unit = basis
    return amount if unit == "px" else None if inherited is None else inherited * amount / 100


# The `display` values whose children are flex items, grid items, or items of the legacy
# `-webkit-box`, which Chromium lays out as a flexbox whose items `-webkit-box-flex` grows
# (Internet Explorer's `-ms-flexbox` is no display a current browser takes: `css.refused`).
_ITEM_LAYOUTS = {
    "flex": "flex",
    "inline-flex": "flex",
    "-webkit-flex": "flex",
    "-webkit-inline-flex": "flex",
    "grid": "grid",
    "inline-grid": "grid",
    "-webkit-box": "box",
    "-webkit-inline-box": "box",
}


def _item_layout(element: Any, style: PageStyle) -> str | None:
    """How the element's parent lays it out as an item, by the parent's `display` as the cascade
    leaves it (through parents of `display: contents`, which make no box): `flex`, `grid` or
    `box` (see `_ITEM_LAYOUTS`); None when it is no item."""
    parent = element.getparent()
    while parent is not None:
        display = style.on_demand(parent, ("display",)).get("display")
        if display is None:
            return None
        if display_keyword(display) != "contents":
            break
        parent = parent.getparent()  # a parent of no box: its own parent lays the element out
    else:
        return None
    for token in display.values:
        if token.type == "ident" and token.lower_value in _ITEM_LAYOUTS:
            return _ITEM_LAYOUTS[token.lower_value]
    return None


def _flex_item_width(element: Any, declared: Mapping[str, Declaration], inherited: float | None, style: PageStyle, layout: str) -> float | None:
    """A flex item's width (CSS Flexbox 1, 9.2, 9.4 and 9.7), at most, of a `flex` or a `box`
    (`-webkit-box`) `layout`; None when not known here. In a column (`_main_axis`) it is
    `_column_item_width`; along a row, None when it may grow (a `flex-grow` above 0, from `flex:
    1`, `flex: auto` or a lone basis, `flex: 10px`; in a `-webkit-box`, a `-webkit-box-flex`
    above 0), or its size is not known here (a basis of its content, an `auto` basis and
    `width`, a percentage of a container not known to be narrow, `flex` the checker does not
    read: see `css.flex_factors`). Its basis is its `width` when `auto`, else the basis; with
    `min-width: auto` (the initial value) a flex item's content may keep it as wide as its
    `width`, no wider (a `-webkit-box` item has no such minimum, as Chromium lays it out)."""
    axis = _main_axis(element.getparent(), layout, style)
    if axis is None:
        return None
    if axis[0] == "column":
        return _column_item_width(element, declared, inherited, style, layout, wraps=axis[1])
    factors = _row_factors(element, layout, style)
    if factors is None or factors.grow > 0 or isinstance(factors.basis, str):
        return None  # it may grow, or its content sizes it
    own = _box_length(declared.get("width"), inherited)
    if factors.basis is None:
        return None if own is None else _box_width(declared, inherited)
    base = _basis_px(factors.basis, inherited)
    least = declared.get("min-width")
    if base is not None and layout == "flex" and (least is None or least.keyword == "auto"):
        base = None if own is None else max(base, own)
    return None if base is None else _clamped(base, declared, inherited)


# The properties of a flex container that give its direction and wrapping, and what each of their
# words sets (`flex-direction` is no `-webkit-box`'s, and `-webkit-box-orient` no flex container's,
# as Chromium lays them out).
_FLOW_PROPERTIES = ("flex-direction", "flex-flow", "flex-wrap")
_FLOW_WORDS: dict[str, tuple[str, str]] = {
    "row": ("axis", "row"),
    "row-reverse": ("axis", "row"),
    "column": ("axis", "column"),
    "column-reverse": ("axis", "column"),
    "nowrap": ("wrap", ""),
    "wrap": ("wrap", "wraps"),
    "wrap-reverse": ("wrap", "wraps"),
}
_ORIENTS = {"horizontal": "row", "inline-axis": "row", "vertical": "column", "block-axis": "column"}


def _main_axis(container: Any, layout: str, style: PageStyle) -> tuple[str, bool] | None:
    """The main axis of the container's items (`row` or `column`) and whether its lines wrap,
    by its `flex-direction`, `flex-wrap` and `flex-flow` (a `-webkit-box`: its
    `-webkit-box-orient`, one line); None when not known here (`inherit`, `var()`, a shorthand
    and a longhand that disagree: which comes last is not known here), or when it differs from
    screen to screen (`@media (max-width: 600px) { .row { flex-direction: column } }`: some
    readers see an item a column stretches, others one a row sizes)."""
    names = ("-webkit-box-orient",) if layout == "box" else _FLOW_PROPERTIES
    axis = _axis_of(style.on_demand(container, names), layout)
    return axis if axis == _axis_of(style.on_demand(container, names, every_screen=True), layout) else None


def _axis_of(declared: Mapping[str, Declaration], layout: str) -> tuple[str, bool] | None:
    """`_main_axis` by the declarations `declared` of a container of that `layout`."""
    if layout == "box":
        orient = declared.get("-webkit-box-orient")
        axis = "row" if orient is None else _ORIENTS.get(orient.keyword)
        return None if axis is None else (axis, False)
    settings: dict[str, set[str]] = {"axis": set(), "wrap": set()}
    for declaration in declared.values():
        for token in declaration.values:
            word = _FLOW_WORDS.get(token.lower_value) if token.type == "ident" else None
            if word is None:
                return None
            settings[word[0]].add(word[1])
    if len(settings["axis"]) > 1 or len(settings["wrap"]) > 1:
        return None
    return next(iter(settings["axis"]), "row"), next(iter(settings["wrap"]), "") == "wraps"


def _row_factors(element: Any, layout: str, style: PageStyle) -> FlexFactors | None:
    """The growth and basis of an item along a row (`css.flex_factors`): in a `-webkit-box`, its
    growth is its `-webkit-box-flex` (0 when not set), not its `flex-grow`, while its
    `flex-basis` still sets its basis, as Chromium lays it out (`flex: 1` there is a basis of 0
    that does not grow); None when not known here."""
    if layout == "flex":
        return flex_factors(style.on_demand(element, FLEX_PROPERTIES))
    declared = style.on_demand(element, (*FLEX_PROPERTIES, "-webkit-box-flex"))
    factors = flex_factors(declared)
    box_flex = declared.get("-webkit-box-flex")
    if factors is None or box_flex is None:
        return None if factors is None else factors._replace(grow=0.0)
    values = box_flex.values
    return factors._replace(grow=float(values[0].value)) if len(values) == 1 and values[0].type == "number" else None


def _column_item_width(
    element: Any, declared: Mapping[str, Declaration], inherited: float | None, style: PageStyle, layout: str, *, wraps: bool
) -> float | None:
    """An item's width in a column (CSS Flexbox 1, 9.4 and 9.8): its `width` (within its
    `min-width` and `max-width`), its flex factors sizing its height; an `auto` width is
    stretched to the container's in a container of one line, unless its alignment keeps it to
    its content (`_stretched`). None when not known here: an `auto` width not stretched, or in a
    container whose lines wrap (a line is as wide as its widest item)."""
    width = declared.get("width")
    if (width is None or width.keyword == "auto") and (wraps or not _stretched(element, layout, style)):
        return None
    return _box_width(declared, inherited)


# What keeps an item of a column to its content's width: its own `align-self` or its container's
# `align-items` (a `-webkit-box`: its `-webkit-box-align`) other than these, or an `auto` margin.
_STRETCHING = frozenset({"stretch", "normal"})
_SIDE_MARGINS = ("margin", "margin-left", "margin-right")


def _stretched(element: Any, layout: str, style: PageStyle) -> bool:
    """True when an item of a column with an `auto` width is stretched to its container's width
    on every screen (an alignment some screens only get keeps it to its content there)."""
    return _stretched_by(element, layout, style, every_screen=False) and _stretched_by(element, layout, style, every_screen=True)


def _stretched_by(element: Any, layout: str, style: PageStyle, *, every_screen: bool) -> bool:
    """`_stretched` by the rules `PageStyle.on_demand` reads with `every_screen`."""
    own = style.on_demand(element, ("align-self", *_SIDE_MARGINS), every_screen=every_screen)
    if any(token.type == "ident" and token.lower_value == "auto" for name in _SIDE_MARGINS if name in own for token in own[name].values):
        return False
    if layout == "box":
        align = style.on_demand(element.getparent(), ("-webkit-box-align",), every_screen=every_screen).get("-webkit-box-align")
        return align is None or align.keyword == "stretch"
    alignment = own.get("align-self")
    if alignment is None or alignment.keyword == "auto":
        alignment = style.on_demand(element.getparent(), ("align-items",), every_screen=every_screen).get("align-items")
    return alignment is None or alignment.keyword in _STRETCHING


def _box_width(declared: Mapping[str, Declaration], inherited: float | None) -> float | None:
    """A block box's width in CSS pixels by its `width` (`auto`: the `inherited` containing
    block's), `max-width` and `min-width`; None when it is not known here."""
    width = _box_length(declared.get("width"), inherited)
    if width is None and declared.get("width") is not None and declared["width"].keyword != "auto":
        return None  # a width the checker cannot work out
    return _clamped(width if width is not None else inherited, declared, inherited)


def _clamped(size: float | None, declared: Mapping[str, Declaration], inherited: float | None) -> float | None:
    """A box's width of `size` (None: not known) within its `max-width` and `min-width`; None
    when not known here, or a minimum keeps it wider."""
    limit = _box_length(declared.get("max-width"), inherited)
    sizes = [size for size in (size, limit) if size is not None]
    if not sizes:
        return None
    size = min(sizes)
    least = declared.get("min-width")
    if least is not None and least.keyword != "auto":
        floor = _box_length(least, inherited)
        if floor is None or floor > size:
            return None  # a minimum wider than the box, or one not known here
    return size


def _box_length(declaration: Declaration | None, narrow: float | None) -> float | None:
    """A `width`, `max-width` or `min-width` in CSS pixels: a length, or a percentage of the
    `narrow` containing block; None for `auto`, `none`, or what is not known here."""
    if declaration is None:
        return None
    token = declaration.values[0]
    if token.type == "percentage":
        return None if narrow is None else narrow * float(token.value) / 100
    return length_px(token)


def _in_narrow_box(element: Any, tag: str, declared: Mapping[str, Declaration], parent: Rendering, style: PageStyle) -> bool:
    """True for an image 2px wide or less by percentages of the box it is in (`_fits_narrow_box`).
    In a box not narrow itself (`Rendering.span`) only an image whose own declarations read
    (its `style` attribute's) take a small enough share of it is worth reading."""
    if tag not in IMAGE_TAGS or (parent.narrow is None and parent.span is None):
        return False
    box = parent.narrow
    if box is None:
        box = parent.span
        if not _shares_leave_tiny(declared, box):
            return False
    if box is None:
        return False
    sizes = style.box_sizes(element)
    return _fits_narrow_box(sizes, box) and _fits_narrow_box(sizes, _containing_width(element, style))


def _fits_narrow_box(sizes: Mapping[str, Declaration], narrow: float | None) -> bool:
    """True for an image whose `width` or `max-width` (in its `sizes`, see `PageStyle.box_sizes`)
    is a percentage of its `narrow` containing block that leaves it 2px or less across
    (`max-width: 100%` in a 2px box), and no `min-width` keeps it wider; False when `narrow` is
    None (not known)."""
    if narrow is None or not _shares_leave_tiny(sizes, narrow):
        return False
    least = _box_length(sizes.get("min-width"), narrow)
    return least is None or least <= _TINY_IMAGE_PX


def _shares_leave_tiny(sizes: Mapping[str, Declaration], box: float | None) -> bool:
    """True when the image's `width` or `max-width` in `sizes` is a percentage of a `box` that
    many CSS pixels wide (None: not known) that leaves it 2px or less across."""
    shares = [_box_length(sizes[name], box) for name in ("width", "max-width") if name in sizes and sizes[name].values[0].type == "percentage"]
    return any(size is not None and size <= _TINY_IMAGE_PX for size in shares)


def _may_widen(declared: Mapping[str, Declaration]) -> bool:
    """True when an `auto`-width box's `margin`, `margin-left` or `margin-right` may be negative,
    which widens it past its containing block (a value not read here may be: `calc()`, `inherit`)."""
    for name in ("margin", "margin-left", "margin-right"):
        for token in declared[name].values if name in declared else ():
            if not ((token.type == "ident" and token.lower_value == "auto") or (token.type in ("number", "dimension", "percentage") and token.value >= 0)):
                return True
    return False


# What `_containing_width` reads of each ancestor, and how far up it looks.
_CONTAINING = ("width", "max-width", "min-width", "display", "position", "float", "margin", "margin-left", "margin-right")
_MOST_CONTAINING_BOXES = 64
# The `display` values of a box whose `auto` width fills its containing block (others shrink to
# fit their content, which the checker does not measure).
_FILLING_DISPLAYS = frozenset({"block", "flow-root", "list-item", "flow-root list-item", "flex", "grid", "-webkit-box", "-webkit-flex"})


def _containing_width(element: Any, style: PageStyle) -> float | None:
    """The width in CSS pixels, at most, of the box an image's percentages resolve against, by
    the CSS of its ancestors read whole (every `<style>` rule and `style` attribute, on demand):
    up through inline boxes and percentages (`<div style="width:10px"><div style="width:10%">`
    is 1px) to the nearest box whose width is definite (`width` or `max-width` in px), then down
    again. None when a box on the way has a width not known here: absolutely positioned or
    fixed, floated or shrunk to fit with an `auto` width, a flex item that may grow, a negative
    margin that widens it, or no definite width up to the root (the screen's)."""
    chain: list[tuple[Any, Mapping[str, Declaration]]] = []
    box = element.getparent()
    width = None
    while box is not None and len(chain) < _MOST_CONTAINING_BOXES:
        declared = style.on_demand(box, _CONTAINING)
        kind = _box_kind(declared, box.tag.lower() if isinstance(box.tag, str) else "")
        if kind == "out":
            return None
        if kind == "block" or (kind == "inline" and _item_layout(box, style) in ("flex", "grid")):  # an item is a block
            width = _containing_box_width(box, declared, None, style)
            if width is not None:
                break
            chain.append((box, declared))
        box = box.getparent()
    for box, declared in reversed(chain):
        width = None if width is None else _containing_box_width(box, declared, width, style)
    return width


def _containing_box_width(box: Any, declared: Mapping[str, Declaration], inherited: float | None, style: PageStyle) -> float | None:
    """A block box's content width, at most, in a containing block `inherited` wide (None: not
    known), for `_containing_width`: as a flex item (`_flex_item_width`), or by its `width`
    when it is one a box of its kind fills; None when not known."""
    width = declared.get("width")
    if width is None or width.keyword == "auto":
        display = declared.get("display")
        floated = declared.get("float")
        if (display is not None and display_keyword(display) not in _FILLING_DISPLAYS) or (floated is not None and floated.keyword not in ("", "none")):
            return None  # shrunk to fit its content
        if _may_widen(declared):
            return None  # a negative margin widens it past its containing block
    layout = _item_layout(box, style)
    if layout in ("flex", "box"):
        return _flex_item_width(box, declared, inherited, style, layout)
    return _box_width(declared, inherited)


def _invisible(visibility: Declaration | None, inherited: bool) -> bool:
    """Whether `visibility` leaves the element's boxes unpainted: `hidden` and `collapse` do,
    `visible` does not, and anything else (`inherit`, `initial`, `unset`, an unknown keyword)
    keeps what the parent has."""
    if visibility is None or visibility.keyword not in ("hidden", "collapse", "visible"):
        return inherited
    return visibility.keyword != "visible"


def _shows_one_line(element: Any, tag: str, declared: Mapping[str, Declaration], font_px: float, style: PageStyle) -> bool:
    """True when the element is a box that shows one line only (`clipping.one_line_box`); a
    height in `px` is compared with its font size only when the page's CSS sets that size on it
    or an ancestor (else a linked stylesheet may set another: `height: 18px` is three lines of
    6px text)."""
    if not one_line_box(declared, font_px, tag):
        return False
    return one_line_box(declared, font_px, tag, px_heights=False) or _font_size_set(element, style)


def _font_size_set(element: Any, style: PageStyle) -> bool:
    """True when the page's CSS gives the element's font size: the nearest `font-size` (or `font`)
    on it or an ancestor that is not relative to its parent's (`em`, `%`) is in an absolute unit
    (`px`, `pt`); one in `rem`, a keyword or none at all depends on what the page does not give."""
    for node in (element, *element.iterancestors()):
        declared = style.declarations(node)
        size = declared.get("font-size") or declared.get("font")
        unit = _size_unit(size) if size is not None else "em"
        if unit not in RELATIVE_FONT_UNITS:
            return unit in _ABSOLUTE_UNITS
    return False


# Units whose length does not depend on another font size or the screen.
_ABSOLUTE_UNITS = frozenset({"px", "pt", "pc", "in", "cm", "mm", "q"})


def _size_unit(declaration: Declaration) -> str:
    """The unit of a font size (lower case; `%` for a percentage), empty for a keyword or another value."""
    for token in declaration.values:
        if token.type == "dimension":
            return str(token.lower_unit)
        if token.type == "percentage":
            return "%"
    return ""


# The elements a browser's own style gives a text colour and a background (HTML, 15.3.4 and
# 15.5: `mark` is `MarkText` on `Mark`, form controls `ButtonText` on `ButtonFace` or `FieldText`
# on `Field`), which their ancestors' colours do not reach.
UA_COLOURED_TAGS: Final = frozenset({"mark", "button", "select", "textarea"})
_UA_COLOURS: Final[dict[str, tuple[Colour, Colour]]] = {
    "mark": (css_colour.SYSTEM_COLOURS["marktext"], css_colour.SYSTEM_COLOURS["mark"]),
    "button": (css_colour.SYSTEM_COLOURS["buttontext"], css_colour.SYSTEM_COLOURS["buttonface"]),
    "select": (css_colour.SYSTEM_COLOURS["fieldtext"], css_colour.SYSTEM_COLOURS["field"]),
    "textarea": (css_colour.SYSTEM_COLOURS["fieldtext"], css_colour.SYSTEM_COLOURS["field"]),
}


def ua_coloured_rendering(element: Any, tag: str, rendering: Rendering, style: PageStyle) -> Rendering:
    """How an element of `UA_COLOURED_TAGS` shows: on the browser's background for it, in its text
    colour unless the page sets the element's `color`, when the page's CSS sets nothing else on
    the element and no filter is in force (an element the page styles otherwise, or a page that
    sets no colours, is left as read)."""
    if (rendering.colour is None and rendering.background is None) or rendering.colour_filter:
        return rendering
    declared = style.declarations(element)
    if declared.keys() - {"color"}:
        return rendering
    own, background = _UA_COLOURS[tag]
    colour = rendering.colour if declared else own
    painted = rendering.fill or colour
    if rendering.blend is not None:
        return rendering._replace(
            colour=colour,
            background=background,
            blends_in=_blend_loses(rendering._replace(background=background, blend=rendering.blend._replace(own_background=True)), painted),
        )
    return rendering._replace(colour=colour, background=background, blends_in=text_blends_in(painted, background, rendering.clipped_text))


def link_rendering(element: Any, rendering: Rendering, style: PageStyle) -> Rendering:
    """How an `<a href>` shows: a browser's own style gives a link the link colour (`:link`,
    `:visited`: HTML, 15.3.4), which its author's colour on an ancestor does not override, so the
    text colour is not known unless the page's CSS sets the link's own `color`."""
    if rendering.colour is None or "color" in style.declarations(element):
        return rendering
    fill = rendering.fill
    if rendering.blend is not None:
        # Whatever the link colour, a blend may paint it as what is behind it (`blending`).
        return rendering._replace(colour=None, blends_in=_blend_loses(rendering, fill))
    return rendering._replace(colour=None, blends_in=fill is not None and text_blends_in(fill, rendering.background, rendering.clipped_text))


def _blend_loses(rendering: Rendering, text: Colour | None) -> bool:
    """`_lost_in_blend` for text of colour `text` (None: any) in this rendering's blend group;
    False when a filter in force is not read."""
    chain = rendering.colour_filter
    return rendering.blend is not None and chain is not None and _lost_in_blend(rendering.blend, text, rendering.background, chain, rendering.outline)


def _faded_away(declared: Mapping[str, Declaration], element: Any, tag: str, fading: Fading, style: PageStyle | None = None) -> bool:
    """True when the element's fading (`fading`) leaves nothing of it, as no descendant can
    change (`Fading.gone_for_good`), or draws it, an image, too small to be seen (`_image_shrunk`)."""
    return fading.gone_for_good or (tag in IMAGE_TAGS and _image_shrunk(declared, element, fading, style))


def _picture_lost(
    declared: Mapping[str, Declaration], element: Any, parent: Rendering, chain: colour_filters.ColourFilter | None, blur: float, style: PageStyle
) -> bool:
    """True when the filters in force (`chain`, `blur`: see `Rendering`) leave nothing of an
    image's picture a reader could recognise: one flat colour over a picture known to be opaque
    (`contrast(0)`, `brightness(0)` on a JPEG: a plain rectangle; a picture that may be
    transparent keeps its silhouette), or a blur of half its smaller side or more (its size as
    `_image_sizes` reads it; 500px, half the screen the checker assumes, for one of no known
    size). Pages whose CSS neither filters nor blurs pay one test per image."""
    if chain and colour_filters.flat_colour(chain) is not None and _opaque_picture(element):
        return True
    if blur <= 0:
        return False
    sizes = _image_sizes(declared, element, style)
    if sizes is None:
        return False
    # A blur of this share of a picture's smaller side smears its letters and marks away: no
    # letter of a logo is taller than the logo, and text blurred by half its font size cannot be
    # read.
    from compliance.document.filter_blur import UNREADABLE_SHARE

    return blur >= UNREADABLE_SHARE * min(sizes, default=offsets.SCREEN_WIDTH_PX)


def _opaque_picture(element: Any) -> bool:
    """True when an image's picture has no transparent pixel, as its `src` says (with no
    `srcset` to pick another, outside a `<picture>`): a JPEG (`.jpg`, `.jpeg`, `data:image/jpeg`),
    or a `data:` PNG of grey or RGB colour with no transparency chunk."""
    source = _lone_source(element)
    if not source.startswith("data:"):
        path = source.split("#", 1)[0].split("?", 1)[0].lower()
        return path.endswith((".jpg", ".jpeg"))
    read = read_data_url(source)
    if read is None or not read.base64:
        return False
    data = read.body
    if read.media_type == "image/jpeg":
        return data[:3] == b"\xff\xd8\xff"
    return data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 25 and data[25] in (0, 2) and b"tRNS" not in data.split(b"IDAT", 1)[0]


def _lone_source(element: Any) -> str:
    """An image's `src` where it is the picture shown: no `srcset`, not in a `<picture>`; ""
    otherwise."""
    if element.get("srcset") is not None:
        return ""
    parent = element.getparent()
    if parent is not None and isinstance(parent.tag, str) and parent.tag.lower() == "picture":
        return ""
    return (element.get("src") or "").strip()


def _image_shrunk(declared: Mapping[str, Declaration], element: Any, fading: Fading, style: PageStyle | None = None) -> bool:
    """True when the scales and zooms in force, its own and its ancestors', draw an image of a
    known size under 6px across or high, as an image that small is not seen (`drawn_too_small`):
    a 300×60 logo at `zoom: 0.05`, or in a box of `zoom: 0.005`. Its size is its CSS width or
    height in px (from the whole cascade, with `style`), else its attribute (`_known_size`), else
    a `data:` picture's own (`data_image_size`). An image of no known size is judged by the fixed
    thresholds of `Fading.gone`."""
    shrink = fading.scale * fading.zoom
    if shrink >= 1:
        return False
    sizes = _image_sizes(declared, element, style)
    return sizes is not None and any(drawn_too_small(size * shrink) for size in sizes)


_DRAWN_SIZES = ("width", "height")


def _image_sizes(declared: Mapping[str, Declaration], element: Any, style: PageStyle | None) -> list[float] | None:
    """The width and height in px an image is drawn at, as far as known (none, or one of them):
    its CSS `width` and `height` (`declared`, else from the whole cascade with `style`), else its
    attributes (`_known_size`), else a `data:` picture's own size (`data_image_size`); None when
    a rule some screens meet only sizes it (not judged)."""
    if style is not None and not {"width", "height"} <= declared.keys():
        sized = style.on_demand(element, _DRAWN_SIZES)
        if sized != style.on_demand(element, _DRAWN_SIZES, every_screen=True):
            return None
        declared = {**sized, **declared}
    sizes = [size for name in _DRAWN_SIZES if (size := _known_size(declared, element, name)) is not None]
    if not sizes and not declared.keys() & {"width", "height"}:
        source = _lone_source(element)
        sizes = list(data_image_size(source) or ()) if source.startswith("data:") else []
    return sizes


def _faded(declared: Mapping[str, Declaration], element: Any, inherited: Fading) -> Fading:
    """The fading of the element under its ancestors' (see `fading`)."""
    opacity = declared.get("opacity")
    return inherited.within(declared, opacity is not None and _is_lazy_fade(element, opacity))


# What an animation of the element may set (see `render`).
_ANIMATED_PROPERTIES = frozenset({"opacity", "filter", "-webkit-filter", "visibility", "transform", "scale", "translate", "rotate"})


def _judged(declared: Mapping[str, Declaration], element: Any, tag: str, style: PageStyle) -> Mapping[str, Declaration]:
    """The declarations the element is judged by: where its animations leave it once they have
    run (the `@keyframes` end values a fill mode keeps, else its own: see `animation`), or, when
    that is not known, not those an animation may change (a fade-in from `opacity: 0`, a
    slide-in: readers see it once it has run); and on `<html>` or `<body>` of a page that runs
    scripts only colours and fonts (a page-wide hide there is a loading screen that scripts
    lift; on a page with no script to lift it, it hides the page for good); elsewhere on such a
    page, not an entrance effect a script lifts (`_without_script_reveals`)."""
    if _animated(declared):
        end = end_state(declared, style.keyframes)
        if end is None and style.holds_every_keyframes(element.getroottree().getroot()):
            end = end_state(declared, style.keyframes, complete=True)
        if end is None:
            declared = {k: v for k, v in declared.items() if k not in _ANIMATED_PROPERTIES}
        else:
            declared = {**declared, **{k: v for k, v in end.items() if k in _ANIMATED_PROPERTIES}}
    if tag in ("html", "body") and style.runs_scripts(element.getroottree().getroot()):
        declared = {k: v for k, v in declared.items() if v.family in ("colour", "font")}
    elif declared.keys() & _ANIMATED_PROPERTIES:
        declared = _without_script_reveals(declared, element, style)
    if declared.keys() & offsets.INSET_SIDES:
        declared = offsets.with_anchor_fallbacks(declared, lambda: _names_anchors(element, style))
    return _applicable_to_its_box(declared, element, tag, style)


def _without_script_reveals(declared: Mapping[str, Declaration], element: Any, style: PageStyle) -> Mapping[str, Declaration]:
    """The declarations without the hides of an entrance effect that a script of the page lifts
    (`reveals`: `.reveal{opacity:0} .reveal.is-visible{opacity:1}`, AOS's `[data-aos]` with its
    script): of the properties an animation may set, those a `<style>` rule sets that hide, on a
    page that runs scripts. Declarations of a `style` attribute are never lifted."""
    hiding = [name for name in _ANIMATED_PROPERTIES & declared.keys() if _can_hide(declared[name])]
    if not hiding:
        return declared
    root = element.getroottree().getroot()
    if not style.runs_scripts(root):
        return declared
    page = style.reveals(root)
    lifted = {name for name in hiding if page.lifts(declared[name], element)}
    return {k: v for k, v in declared.items() if k not in lifted} if lifted else declared


def _names_anchors(element: Any, style: PageStyle) -> bool:
    """True when the page's CSS (a `<style>` block or a `style` attribute) may name an anchor
    (`anchor-name`), so that an `anchor()` may find the one it names."""
    if any("anchor-name" in sheet for sheet in style.sheets):
        return True
    return bool(element.getroottree().xpath("//@style[contains(., 'anchor-name')]"))


def _applicable_to_its_box(declared: Mapping[str, Declaration], element: Any, tag: str, style: PageStyle) -> Mapping[str, Declaration]:
    """The declarations without those that do not apply to the element's box: an element of
    `display: contents` has none, so only what its content inherits applies (`opacity: 0`, a
    transform, a clip or an overflow on it change nothing a reader sees; `visibility` does); a
    transform does not apply to an inline box that is not replaced (CSS Transforms 1,
    "transformable element"), and a vertical margin moves no inline-level box off its line (CSS
    2, 10.8: an inline-block or an image sits on the line's baseline), unless the box is made a
    block (floated, absolutely positioned, or an item of a flex or grid container)."""
    display = declared.get("display")
    if display is not None and display_keyword(display) == "contents":
        return {k: v for k, v in declared.items() if k in _APPLIES_WITHOUT_A_BOX}
    if not (declared.keys() & _NOT_ON_INLINE_BOXES) or (display is None and tag not in _INLINE_LEVEL_TAGS):
        return declared
    level = _inline_level_box(declared, element, tag, style)
    if level is None:
        return declared
    dropped = _TRANSFORMS if level == "inline" else frozenset()
    if not _vertical_writing_may_apply(element, style):
        dropped = dropped | _VERTICAL_MARGINS
    return {k: v for k, v in declared.items() if k not in dropped}


def _inline_level_box(declared: Mapping[str, Declaration], element: Any, tag: str, style: PageStyle) -> str | None:
    """`_inline_level` of the element as the whole cascade leaves its `display`, `float` and
    `position` (a rule that sets them hides nothing, and is not among the `declared` read for
    what hides); None too for an item of a flex or grid container. An inline box of another
    writing mode than its line's is an inline-block ("atomic")."""
    level = _inline_level(style.on_demand(element, ("display", "float", "position")), tag)
    if level is None or _item_layout(element, style) in ("flex", "grid"):
        return None
    return "atomic" if level == "inline" and "writing-mode" in declared else level


def _inline_level(layout: Mapping[str, Declaration], tag: str) -> str | None:
    """What inline-level box an element makes, by its `display`, `float` and `position`
    (`layout`): "inline" (an inline box that is not replaced), "atomic" (an inline-block, an
    image or another replaced element in a line), or None (a block, or a box made one)."""
    position, floating = layout.get("position"), layout.get("float")
    if (position is not None and position.keyword in ("absolute", "fixed")) or (floating is not None and floating.keyword not in (None, "none")):
        return None
    display = layout.get("display")
    if display is None:
        return "inline" if tag in _NON_REPLACED_INLINE_TAGS else "atomic" if tag in _REPLACED_TAGS else None
    keyword = display_keyword(display)
    if keyword == "inline":
        return "atomic" if tag in _REPLACED_TAGS else "inline"
    return "atomic" if keyword in _ATOMIC_INLINE_DISPLAYS else None


def _vertical_writing_may_apply(element: Any, style: PageStyle) -> bool:
    """True when a `<style>` block, or the `style` attribute of an ancestor, sets a `writing-mode`:
    in a vertical one, `margin-top` is along the line, and moves an inline box."""
    if any("writing-mode" in sheet for sheet in style.sheets):
        return True
    return any("writing-mode" in (ancestor.get("style") or "") for ancestor in element.iterancestors())


# The properties of those read that apply to an element of `display: contents`, which makes no
# box: the inherited ones, which its content takes (CSS Display 3, "contents"), and `zoom`, which
# Chromium applies to the content of such an element. (Its `text-indent` is passed on to the
# blocks it holds: `Rendering.indent`.)
_APPLIES_WITHOUT_A_BOX = frozenset(
    """display color -webkit-text-fill-color -webkit-text-stroke -webkit-text-stroke-color -webkit-text-stroke-width
    text-shadow font font-size font-size-adjust letter-spacing visibility text-wrap text-wrap-mode
    white-space line-height writing-mode zoom""".split()
)
# The properties of those read that do not apply to an inline box that is not replaced (a
# transform), or that move no inline-level box off its line (a vertical margin).
_TRANSFORMS = frozenset({"transform", "-webkit-transform", "translate", "rotate", "scale", "offset-path"})
_VERTICAL_MARGINS = frozenset({"margin-top", "margin-block-start"})
_NOT_ON_INLINE_BOXES = _TRANSFORMS | _VERTICAL_MARGINS
# The `display` values of an atomic inline-level box.
_ATOMIC_INLINE_DISPLAYS = frozenset({"inline-block", "inline-flex", "inline-grid", "inline-table", "-webkit-inline-box"})
# The elements whose box is replaced (or drawn as a widget), and the inline ones whose box is not.
_REPLACED_TAGS = frozenset("img video audio canvas input svg iframe object embed select textarea button meter progress math".split())
_NON_REPLACED_INLINE_TAGS = frozenset(
    "a abbr b bdi bdo big cite code data del dfn em font i ins kbd label mark nobr picture q s samp small span strike strong sub sup time tt u var".split()
)
_INLINE_LEVEL_TAGS = _NON_REPLACED_INLINE_TAGS | _REPLACED_TAGS


def _animated(declared: Mapping[str, Declaration]) -> bool:
    """True when the element runs a CSS animation: `animation-name`, or an `animation` shorthand,
    other than `none` (the shorthand's other parts are not names the checker tells apart)."""
    for name in ("animation-name", "animation"):
        if name in declared:
            return declared[name].keyword not in _NO_ANIMATION
    return False


# The values of `animation-name` (or a lone `animation`) read as running no animation.
_NO_ANIMATION = CSS_WIDE_KEYWORDS | {"none"}


def _text_size(declared: Mapping[str, Declaration], parent: Rendering) -> tuple[float, bool, float, float]:
    """The element's font size in pixels, whether it is too small to read, and its letter and
    word spacings in pixels (see `Rendering`)."""
    font_px = _font_px(declared, parent)
    adjust = declared.get("font-size-adjust")
    if adjust is not None and _font_size(adjust) == 0:
        text_hidden = True  # `font-size-adjust: 0` scales the font to no size (it inherits, as text_hidden does)
    elif adjust is None and font_px == parent.font_px:
        text_hidden = parent.text_hidden
    else:
        text_hidden = unreadably_small(font_px)
    spacing = declared.get("letter-spacing")
    letter_spacing = parent.letter_spacing if spacing is None else _letter_spacing(spacing, font_px, parent.letter_spacing)
    words = declared.get("word-spacing")
    word_spacing = parent.word_spacing if words is None else _letter_spacing(words, font_px, parent.word_spacing)
    return font_px, text_hidden, letter_spacing, word_spacing


def _in_perspective(declared: Mapping[str, Declaration], parent: Rendering) -> bool:
    """True when the element's content is seen in a perspective: an ancestor's, or the one the
    element sets (other than `none`)."""
    value = declared.get("perspective")
    return parent.perspective or (value is not None and value.keyword not in _NO_PERSPECTIVE)


# `perspective` values that set none. `inherit` is read as setting one: the parent's own value
# is not kept (`Rendering.perspective` says whether any ancestor sets one).
_NO_PERSPECTIVE = (CSS_WIDE_KEYWORDS - {"inherit"}) | {"none"}


def _letter_spacing(declaration: Declaration, font_px: float, inherited: float) -> float:
    """The letter spacing an element's `letter-spacing` (or word spacing its `word-spacing`) gives it, in pixels (`em` of its own font
    size `font_px`); `normal` is 0, and a value the checker does not work out (a percentage, which
    not every browser takes; `inherit`) keeps the parent's, or 0 when it is not `inherit`."""
    if declaration.keyword == "inherit":
        return inherited
    spacing = _spacing_px(declaration, font_px)
    return 0.0 if spacing is None else spacing


def _spacing_px(declaration: Declaration, font_px: float) -> float | None:
    """A `letter-spacing` length in pixels, font-relative units at `font_px`; None for anything else."""
    if len(declaration.values) != 1:
        return None
    token = declaration.values[0]
    unit = getattr(token, "lower_unit", "") if token.type == "dimension" else ""
    if unit in _EMS_PER_UNIT:
        return float(token.value) * _EMS_PER_UNIT[unit] * font_px
    return length_px(token) if token.type != "percentage" else None


def _in_ems(declaration: Declaration) -> bool:
    """True when a declaration's one value is in a font-relative unit."""
    token = declaration.values[0]
    return token.type == "dimension" and token.lower_unit in _EMS_PER_UNIT


_Paint = tuple[colour_filters.ColourFilter | None, Colour | None, Colour | None, bool, Colour | None, bool, Colour | None, blending.Blend | None]


def _paint(judged: Mapping[str, Declaration], parent: Rendering, tag: str, font_px: float, opacity: float = 1.0) -> _Paint | None:
    """How the element's text is painted: the colour filter in force (`Rendering.colour_filter`),
    `_text_paint`'s readings (at the `opacity` the element and its ancestors leave it, 0–1) with
    whether the text blends in after its shadow or stroke, and the `outline` (`_outline`); None
    for an image the filters paint into its background (`_silhouette_blends_in`)."""
    chain = colour_filters.in_force([judged[name].values for name in colour_filters.FILTER_PROPERTIES if name in judged], parent.colour_filter)
    text_colour, background, clipped_text, fill, blends_in = _text_paint(judged, parent, chain, opacity)
    outline = _outline(judged, parent.outline, font_px)
    painted_outline = colour_filters.filtered(outline, chain) if chain and outline is not None else outline
    blends_in = blends_in and not _outline_seen(painted_outline, background)
    if chain and tag in IMAGE_TAGS and _silhouette_blends_in(chain, background if _sets_background(judged) else None, parent.background):
        return None
    blend = blending.group(judged, parent.blend, parent.background)
    if blend is not None:
        blends_in = chain is not None and _lost_in_blend(blend, fill or text_colour, background, chain, outline)
    return chain, text_colour, background, clipped_text, fill, blends_in, outline, blend


def _text_paint(
    declared: Mapping[str, Declaration], parent: Rendering, chain: colour_filters.ColourFilter | None = (), opacity: float = 1.0
) -> tuple[Colour | None, Colour | None, bool, Colour | None, bool]:
    """The text colour, background colour (as painted: through the filters in force, `chain`,
    when set inside them), whether the text is a `background-clip: text` effect, the
    `-webkit-text-fill-color` that paints the text instead of `color` (or None), and whether the
    painted text blends into the background (never judged under a filter not read, `chain` None):
    text faded by the `opacity` in force (0–1, `Fading.opacity`: nested ones multiplied) is
    judged as the colour it paints, its own at that opacity over the background (`faded`:
    `opacity: 0.03` on `#222` text paints `#f8f8f8` on white, which is not seen)."""
    text_colour, background, clipped_text = _colours(declared, parent)
    if chain and background is not None and _sets_background(declared):
        background = colour_filters.filtered(background, chain)
    fill = parent.fill
    if "-webkit-text-fill-color" in declared:
        fill = _text_colour(declared["-webkit-text-fill-color"])
    painted = text_colour if fill is None else fill
    if chain is None:
        return text_colour, background, clipped_text, fill, False
    if chain and painted is not None:
        painted = colour_filters.filtered(painted, chain)
    if clipped_text and painted is not None and painted[3] == 0:
        return text_colour, background, clipped_text, fill, _glyphs_blend_in(declared, parent, background, bool(chain))
    return text_colour, background, clipped_text, fill, text_blends_in(faded(painted, opacity), background, clipped_text)


def _glyphs_blend_in(declared: Mapping[str, Declaration], parent: Rendering, background: Colour | None, filtered: bool) -> bool:
    """Whether transparent text under `background-clip: text` blends in: its glyphs show the
    element's own background (`background`, as `_colours` reads it) over what is behind the
    element, judged as a text colour (`_own_background_colours`; not under colour filters,
    `filtered`). With no background of its own (none set, or a transparent one) they paint
    nothing where the element clips its background to its text (`color: transparent;
    background-clip: text` alone), and below it its text is painted as its parent's is."""
    if not _sets_background(declared) or (background is not None and background[3] == 0):
        clips_here = "background-clip" in declared or "-webkit-background-clip" in declared
        return True if clips_here else parent.blends_in
    if filtered:
        return False
    glyphs = _own_background_colours(declared, background)
    return bool(glyphs) and all(text_blends_in(c, parent.background, False) for c in glyphs)


def faded(painted: Colour | None, opacity: float) -> Colour | None:
    """A colour painted at an opacity (0–1) as a translucent colour: its alpha times the opacity,
    which `colour_difference.blend` lays over the background (an element's `opacity` composites
    what it paints over what is behind it). None stays None."""
    if painted is None or opacity >= 1:
        return painted
    return (painted[0], painted[1], painted[2], painted[3] * max(opacity, 0.0))


def _own_background_colours(declared: Mapping[str, Declaration], background: Colour | None) -> tuple[Colour, ...]:
    """The colours the element's own background paints its `background-clip: text` glyphs with:
    its opaque background colour (`background`, as `_colours` reads it: a gradient of one colour
    is that colour), else the stops of a gradient that is its one background layer (`background-
    image` or the `background` shorthand, nothing placing or sizing it), when every stop is
    opaque; none (not judged) for a picture, several layers or a stop not read."""
    if background is not None:
        return (background,) if background[3] == 1 else ()
    image = declared.get("background-image") or declared.get("background")
    return () if image is None else _lone_gradient_stops(image)


def _lone_gradient_stops(declaration: Declaration) -> tuple[Colour, ...]:
    """The stops of a gradient that is a background declaration's one value, when every stop is
    opaque (it then covers the box in those colours); none for any other value."""
    if len(declaration.values) != 1:
        return ()
    stops = gradient_stops(declaration.values[0], _GRADIENTS)
    return tuple(stops) if stops and all(stop[3] == 1 for stop in stops) else ()


# The image functions whose picture an element's `content` draws instead of what it holds.
_CONTENT_IMAGES = frozenset(
    {
        "url",
        "image-set",
        "-webkit-image-set",
        "image",
        "cross-fade",
        "element",
        *(f"{r}{k}-gradient" for r in ("", "repeating-") for k in ("linear", "radial", "conic")),
    }
)


def replaces_content(declaration: Declaration) -> bool:
    """True for a `content` that draws an image instead of what the element holds (CSS Generated
    Content 3, 2: `content: url(x.png)`, with or without `/ "alt text"`); a string, `none` or
    `normal` on an element draws nothing instead (Chromium reads images only there)."""
    tokens = [t for t in declaration.values if t.type not in ("whitespace", "comment")]
    if not tokens:
        return False
    first = tokens[0]
    image = first.type == "url" or (first.type == "function" and first.lower_name in _CONTENT_IMAGES)
    return image and (len(tokens) == 1 or (tokens[1].type == "literal" and tokens[1].value == "/"))


def _masked(declared: Mapping[str, Declaration], inherited: bool) -> bool:
    """Whether the element's text is drawn as bullets (`Rendering.masked`): by its own
    `-webkit-text-security`, else as its parent's (the property inherits; a value not read,
    `inherit` among them, keeps the parent's)."""
    security = declared.get("-webkit-text-security")
    if security is None or security.keyword not in (*MASKING_TEXT_SECURITY, "none"):
        return inherited
    return security.keyword in MASKING_TEXT_SECURITY


def _lost_in_blend(blend: blending.Blend, text: Colour | None, background: Colour | None, chain: colour_filters.ColourFilter, outline: Colour | None) -> bool:
    """True when the text, painted through the colour filters in force (`chain`), is lost once
    its blend group is blended with the backdrop (`blending.text_lost`), and no shadow or stroke
    (`outline`) outlines it."""
    if outline is not None and not blending.text_lost(blend, colour_filters.filtered(outline, chain) if chain else outline, background):
        return False
    painted = colour_filters.filtered(text, chain) if chain and text is not None else text
    return blending.text_lost(blend, painted, background)


def _silhouette_blends_in(chain: colour_filters.ColourFilter, own: Colour | None, behind: Colour | None) -> bool:
    """True when the filters in force paint an image one colour (`brightness(0) invert(1)`: every
    picture a white silhouette) that cannot be told from the background behind its box
    (`behind`), nor can its own background as painted (`own`, None when it sets none)."""
    flat = colour_filters.flat_colour(chain)
    return flat is not None and text_blends_in(flat, behind, False) and (own is None or text_blends_in(own, behind, False))


def _sets_background(declared: Mapping[str, Declaration]) -> bool:
    image = declared.get("background-image")
    return "background" in declared or "background-color" in declared or (image is not None and image.keyword not in _NO_PICTURE)


def _outline(declared: Mapping[str, Declaration], inherited: Colour | None, font_px: float = _DEFAULT_FONT_PX) -> Colour | None:
    """The colour the element's text shadow or text stroke paints its glyphs with (see
    `Rendering.outline`): a shadow's colour (the most opaque of a list), else a stroke's of
    a non-zero width; `inherited` when the element sets neither. A shadow or stroke of no colour is
    painted in the text colour, which shows nothing the text colour does not; a shadow off every
    screen paints nothing, and a blurred one its colour thinned by the blur over glyphs of
    `font_px` (`text_shadows`)."""
    shadow = declared.get("text-shadow")
    stroke = declared.get("-webkit-text-stroke")
    width = declared.get("-webkit-text-stroke-width")
    stroke_colour = declared.get("-webkit-text-stroke-color")
    if shadow is None and stroke is None and width is None and stroke_colour is None:
        return inherited
    shadows = _shadow_colours(shadow, font_px) if shadow is not None else []
    if shadows:
        return max(shadows, key=lambda c: c[3])
    tokens = [
        *(stroke.values if stroke is not None else ()),
        *(width.values if width is not None else ()),
        *(stroke_colour.values if stroke_colour is not None else ()),
    ]
    widths = [px for token in tokens if (px := length_px(token)) is not None]
    colours = [c for token in tokens if (c := colour(token)) is not None]
    return colours[-1] if colours and widths and widths[-1] > 0 else None


def _shadow_colours(shadow: Declaration, font_px: float) -> list[Colour]:
    """The colours a `text-shadow`'s shadows paint where a reader may see them (see `_outline`);
    when the value is not read (`text_shadows.shadows`), every colour in it."""
    from compliance.document.text_shadows import seen, shadows

    read = shadows(shadow.values, colour, length_px)
    if read is None:
        return [c for token in shadow.values if (c := colour(token)) is not None]
    return [painted for one in read if (painted := seen(one, font_px)) is not None]


def _outline_seen(outline: Colour | None, background: Colour | None) -> bool:
    """True when glyphs painted in `outline` can be told from the background."""
    return outline is not None and outline[3] > 0 and not text_blends_in(outline, background, False)


# The page's registered custom properties (`@property`) that do not inherit or are of a `<color>`
# syntax, by name: their initial value, whether they inherit, their syntax.
Registered = Mapping[str, tuple[tuple[Any, ...], bool, str]]


def _as_registered(
    declared: dict[str, Declaration], inherited: Mapping[str, tuple[Any, ...]] | None, registered: Registered
) -> tuple[dict[str, Declaration], Mapping[str, tuple[Any, ...]] | None]:
    """The element's declarations and the custom properties its parent passes on, as registered
    properties have them (CSS Properties and Values API 1, 2): one with `inherits: false` takes
    its initial value unless the element sets it, and a value an element sets that is not a
    colour, for one of `<color>` syntax, is invalid at computed-value time: the initial value."""
    passed = dict(inherited or {})
    passed.update((name, initial) for name, (initial, inherits, _) in registered.items() if not inherits)
    own = {
        name: declaration._replace(values=registered[name][0])
        for name, declaration in declared.items()
        if name in registered and registered[name][2] == "<color>" and _not_a_colour(declaration.values)
    }
    return ({**declared, **own} if own else declared), passed


def _not_a_colour(values: Sequence[Any]) -> bool:
    """True for a value that is certainly no `<color>`: a number, a length, a percentage, a
    string or a URL, or a keyword no colour is (a `var()` or a function is not judged)."""
    if len(values) != 1:
        return False
    token = values[0]
    if token.type in ("number", "dimension", "percentage", "string", "url"):
        return True
    return token.type == "ident" and token.lower_value not in CSS_WIDE_KEYWORDS and refused("color", values)


def _with_variables(
    declared: Mapping[str, Declaration], inherited: Mapping[str, tuple[Any, ...]] | None
) -> tuple[dict[str, Declaration], Mapping[str, tuple[Any, ...]] | None]:
    """The element's declarations with their `var()`s filled in, and the custom properties in
    force on it (its own over its parent's). A declaration whose `var()` cannot be filled in is
    invalid at computed-value time: it is left out, and the property is inherited or initial, as
    if it were not declared (CSS Custom Properties, 3.1)."""
    own = {name: d.values for name, d in declared.items() if d.custom}
    variables = inherited if not own else {**(inherited or {}), **own}
    found: dict[str, Declaration] = {}
    for name, declaration in declared.items():
        if declaration.custom:
            continue
        if _uses_variables(declaration):
            values = substitute_variables(declaration.values, variables or {})
            if not values or refused(name, values):
                if declaration.family == "colour" and name.startswith("background"):
                    # A background the checker cannot work out (its custom property may be
                    # set where rules are not matched): kept, as a colour unknown.
                    found[name] = declaration
                continue
            declaration = declaration._replace(values=values)
        found[name] = declaration
    return found, variables


def with_variables_filled(declared: Mapping[str, Declaration], inherited: Mapping[str, tuple[Any, ...]] | None) -> Mapping[str, Declaration]:
    """The element's declarations (`declared`) with their `var()`s filled in from the custom
    properties in force on its parent (`inherited`, `Rendering.variables`) and its own, as
    `render` fills them in (`display: var(--layout)` where `:root` sets `--layout: block`); the
    same mapping when none of them uses one. One that cannot be filled in is left out."""
    if not any(d.custom or _uses_variables(d) for d in declared.values()):
        return declared
    return _with_variables(declared, inherited)[0]


def variables_filled_from(
    box: Any, own: Mapping[str, Declaration], declared: Mapping[str, Declaration], by_element: Mapping[Any, Mapping[str, Declaration]]
) -> Mapping[str, Declaration]:
    """A box's declarations (`declared`) with their `var()`s filled in from its own custom
    properties (of `own`) over those its ancestors set (`by_element`, each ancestor's custom
    properties, as far as they are read), nearest first, as a browser inherits them; one that
    cannot be filled in is left out, as is one still naming a custom property."""
    inherited: dict[str, tuple[Any, ...]] = {}
    for ancestor in reversed(list(box.iterancestors())):
        inherited.update((name, d.values) for name, d in by_element.get(ancestor, {}).items() if d.custom)
    found = with_variables_filled({**{name: d for name, d in own.items() if d.custom}, **declared}, inherited)
    return {name: d for name, d in found.items() if not d.custom and not _uses_variables(d)}


def _shown_despite_hidden_attribute(element: Any, tag: str, declared: Mapping[str, Declaration]) -> bool:
    """True when the `hidden` attribute is all the markup hides the element with and an author
    rule sets `display`: the attribute is only the user-agent style `[hidden] { display: none }`,
    which every author declaration of `display` overrides (`revert` goes back to it)."""
    display = declared.get("display")
    if display is None or (element.get("hidden") is None and not _closed_popover(element)) or display_keyword(display) in ("revert", ""):
        return False
    if (element.get("hidden") or "").strip().lower() == "until-found":
        return False  # `content-visibility: hidden`, which `display` does not undo
    return not _hidden_by_other_markup(element, tag)


def takes_no_box(element: Any, tag: str, style: PageStyle) -> bool:
    """True when markup or the page's CSS gives the element itself no box: `display: none` (a
    `style` attribute or a `<style>` rule, `!important` and the cascade as `style.declarations`
    reads them), or the `hidden` attribute, a closed popover or a user-agent hidden tag that no
    author `display` overrides. Not its ancestors; not what only hides a box that is laid out
    (`visibility`, `opacity`, a clip). An element with no box is not laid out, so a browser
    never fetches a lazy image there (HTML, "will lazy load element steps")."""
    declared = style.declarations(element)
    display = declared.get("display")
    if display is not None and display_keyword(display) == "none":
        return True
    return is_hidden(element, tag, helper_classes_hide=False) and not _shown_despite_hidden_attribute(element, tag, declared)


def _hidden_by_other_markup(element: Any, tag: str) -> bool:
    """`is_hidden` without the `hidden` attribute."""
    attributes = dict(element.attrib)
    attributes.pop("hidden", None)
    attributes.pop("popover", None)
    if tag in UA_HIDDEN_TAGS:
        return True
    if tag == "input" and (attributes.get("type") or "").lower() == "hidden":
        return True
    if tag == "dialog" and attributes.get("open") is None:
        return True
    if tag.startswith("amp-") and (attributes.get("layout") or "").strip().lower() == "nodisplay":
        return True
    value = attributes.get("class")
    return hides_by_class(value) if value else False


def _containing_block_width(parent: Rendering) -> float:
    """The width of the element's containing block in CSS pixels, as far as the checker knows
    it (`Rendering.narrow`, `Rendering.span`), else the screen's (`offsets.SCREEN_WIDTH_PX`)."""
    known = parent.narrow if parent.narrow is not None else parent.span
    return offsets.SCREEN_WIDTH_PX if known is None else known


# The displays that render no box, and nothing of what the element holds, as `none` (CSS Display
# 3, 2.4: a table column or column group "is not rendered"; `<col>` and `<colgroup>` have them).
_UNRENDERED_DISPLAYS = frozenset({"table-column", "table-column-group"})
# The elements `display: contents` does not render at all (CSS Display 3, Appendix B: replaced
# elements, form controls and the like "behave as display: none"); on any other it only takes
# the element's own box away.
_CONTENTS_UNRENDERED_TAGS = frozenset(
    {*IMAGE_TAGS, "iframe", "video", "audio", "canvas", "embed", "object", "input", "textarea", "select", "br", "wbr", "meter", "progress", "svg"}
)


def _not_rendered(display: Declaration, tag: str) -> bool:
    """Whether a `display` renders the element as `none` does (`_UNRENDERED_DISPLAYS`, or
    `contents` on an element `_CONTENTS_UNRENDERED_TAGS` lists)."""
    keyword = display_keyword(display)
    return keyword in _UNRENDERED_DISPLAYS or (keyword == "contents" and tag in _CONTENTS_UNRENDERED_TAGS)


def _box_gone(
    declared: Mapping[str, Declaration],
    element: Any,
    tag: str,
    perspective: bool = False,
    containing: float = offsets.SCREEN_WIDTH_PX,
    style: PageStyle | None = None,
) -> bool:
    """True when a declaration takes the element's whole box off the screen (a box turned
    edge-on does not, under an ancestor's `perspective`); percentages of the containing block
    are of `containing` (px), and with `style` an absolutely positioned box placed wholly above
    or left of the page is found (`_placed_from_the_page`, `_above_the_page`)."""
    display = declared.get("display")
    if display is not None and (display.keyword == "none" or _not_rendered(display, tag)):
        return True
    if _transparent(declared, element) or _content_replaced(declared, tag):
        return True
    if _scaled_away_for_good(declared):
        return True
    vanishing = _FLAT_VANISHING if perspective else VANISHING_PROPERTIES
    if any(paints_nothing(name, declared[name].values, tag in IMAGE_TAGS) for name in vanishing if name in declared):
        return True
    if ("mask" in declared or "mask-image" in declared) and _masked_away(declared, element):
        return True
    if _referenced_away(declared, element) or _projected_away(declared, element, perspective, style) or offsets.placed_off_by_its_path(declared):
        return True
    # An element that skips its contents (`content-visibility: hidden`) shows none of them; on
    # an image itself it is not relied on.
    content = declared.get("content-visibility")
    if content is not None and content.keyword == "hidden" and tag not in IMAGE_TAGS:
        return True
    return _moved_or_cut_away(declared, element, tag, containing, style)


def _moved_or_cut_away(declared: Mapping[str, Declaration], element: Any, tag: str, containing: float, style: PageStyle | None) -> bool:
    """`_box_gone` for a box clipped to nothing, sized to nothing or moved off the screen."""
    if (
        _clipped(declared)
        or _zero_size(declared, tag)
        or _off_screen(declared, containing, tag, element, style)
        or _outside_the_viewport(declared, element, style)
    ):
        return True
    if containment.no_height_and_clipped(declared, element, tag in BLOCK_TAGS, lambda: cuts_off_overflow(declared)[1]):
        return True
    if style is None:
        return False
    if tag in IMAGE_TAGS and _picture_squeezed_or_moved(declared, element, style):
        return True
    if _moved_past_the_right(declared, containing, tag) and style.clips_sideways(element.getroottree().getroot()):
        return True
    if _measures_the_screen(declared) and style.clips_sideways(element.getroottree().getroot()) and _a_screen_right(element, style):
        return True
    if _translated_off_the_viewport(declared, element, style):
        return True
    return _placed_off_the_page(declared, element, style)


def _placed_off_the_page(declared: Mapping[str, Declaration], element: Any, style: PageStyle) -> bool:
    """`_moved_or_cut_away` for a box placed from the page beside it (`_beside_the_page`), past
    its containing block or its far side (`offsets`) or above it (`_above_the_page`)."""
    from_the_page = functools.partial(_placed_from_the_page, element, style)
    if _beside_the_page(declared, element, style, from_the_page, "right") and style.clips_sideways(element.getroottree().getroot()):
        return True
    margins = functools.partial(style.on_demand, element, _FAR_MARGINS)
    if (offsets.beyond_its_containing_block(declared) and from_the_page()) or offsets.placed_past_the_far_side(declared, margins, from_the_page):
        return True
    return _above_the_page(declared, element, style, from_the_page) or _beside_the_page(declared, element, style, from_the_page, "left")


def _beside_the_page(declared: Mapping[str, Declaration], element: Any, style: PageStyle, from_the_page: Callable[[], bool], side: str) -> bool:
    """True for an absolutely positioned box placed from the page (`from_the_page`) whose negative
    `left` or `right` (`side`, or `inset`'s), with its margin on that side (px), puts it beside
    the page's edge by at least its own known width (`left: -600px` on a box `width: 300px`, by
    its CSS or an image's attribute). Left of the page no scrolling reaches; right of it, only a
    page that does not scroll sideways hides it (`PageStyle.clips_sideways`, the caller's test),
    and only where no `left` places the box instead. A transform may bring it back: then it is
    left as seen."""
    position = declared.get("position")
    if position is None or position.keyword != "absolute" or any(name in declared for name in _MAY_BRING_BACK):
        return False
    offset = offsets.side_px(declared, side, "inset")
    width = _known_size(declared, element, "width")
    if offset is None or offset >= 0 or width is None:
        return False
    if side == "right" and offsets.side_px(declared, "left", "inset") is not None:
        return False
    if not from_the_page():
        return False
    margin = _margin_px(element, style, side)
    return margin is not None and offset + margin + width <= 0


def _picture_squeezed_or_moved(declared: Mapping[str, Declaration], element: Any, style: PageStyle) -> bool:
    """`_moved_or_cut_away` for an image whose `object-position` moves its picture out of its box
    (`_picture_moved_out`) or whose `aspect-ratio` draws it flat (`_squeezed_flat`)."""
    if "object-position" in declared and _picture_moved_out(style.on_demand(element, _PICTURE_PLACING), element):
        return True
    return "aspect-ratio" in declared and _squeezed_flat(style.on_demand(element, _RATIO_SIZING), element)


def _above_the_page(declared: Mapping[str, Declaration], element: Any, style: PageStyle, from_the_page: Callable[[], bool]) -> bool:
    """True for an absolutely positioned box placed from the page (`from_the_page`), or a fixed
    box, whose negative `top` (or `inset`'s, with no `bottom` to stretch it and nothing that may
    move it back down) places it higher above the page's top than its text can make it tall
    (`_text_box_height`): no scrolling reaches above the page. So too a fixed box whose negative
    `bottom` (with no `top`) places it lower below the screen's bottom edge than it can be tall:
    no scrolling moves a fixed box. A fixed box is laid out in the screen's width, at least the
    narrowest screen's unless its own CSS narrows it (`stacked_lines.NARROWING`), which bounds its
    lines better than one word a line."""
    position = declared.get("position")
    if position is None or position.keyword not in ("absolute", "fixed") or any(name in declared for name in _MAY_BRING_BACK):
        return False
    top = offsets.side_px(declared, "top", "inset")
    bottom = offsets.side_px(declared, "bottom", "inset")
    fixed = position.keyword == "fixed"
    if top is not None and top < 0 and bottom is None:
        offset, side = top, "top"
    elif fixed and bottom is not None and bottom < 0 and top is None:
        offset, side = bottom, "bottom"
    else:
        return False
    margin = _margin_px(element, style, side)
    if margin is None or (not fixed and not from_the_page()):
        return False  # a margin on that side not worked out may bring it back
    height = _text_box_height(element, style, screen_wide=fixed)
    if height is None and from_the_page():
        height = _image_box_height(element, style)
    return height is not None and offset + margin + height <= 0


def _margin_px(element: Any, style: PageStyle, side: str) -> float | None:
    """The element's margin (px) on `side` ("top", "bottom") as the cascade gives it
    (`_declared_margin`): 0 for none, None for one not in px."""
    return _declared_margin(style.on_demand(element, ("margin", f"margin-{side}")), side)


# The inline elements a box of text may hold whose height the checker bounds (`_text_box_height`):
# no replaced element, no box of its own size.
_PLAIN_PHRASING = frozenset({"a", "b", "i", "em", "strong", "span", "u", "s", "cite", "abbr", "time", "br", "bdi", "mark", "q"})
# The attributes such an element may have: none that styles it or that a rule may select by.
_PLAIN_ATTRIBUTES = frozenset({"href", "title", "datetime", "rel", "target", "lang", "dir"})


def _text_box_height(element: Any, style: PageStyle, *, screen_wide: bool = False) -> float | None:
    """The most (px) a box holding only text, in plain inline elements no rule styles, can be
    tall (`stacked_lines`), at the font size and line height the whole cascade gives it down the
    tree (a `font` shorthand's too: `stacked_lines.reading_the_font`); None for a box holding anything else, or sized in a way not read. `screen_wide`: the
    box is laid out in the screen's width (a fixed box), at least `NARROWEST_SCREEN_PX`, when
    nothing of its CSS narrows it or widens its text (`stacked_lines.NARROWING`, `WIDENING`)."""
    if style.generated is not None and element in style.generated:
        return None
    inner = list(element.iterdescendants())
    if any(not isinstance(e.tag, str) or e.tag.lower() not in _PLAIN_PHRASING or set(e.attrib) - _PLAIN_ATTRIBUTES for e in inner):
        return None
    from compliance.document import stacked_lines

    wanted = (*stacked_lines.SIZING, "font-size")
    if inner and any(style.on_demand_of(inner, wanted)):
        return None
    chain = [*reversed(list(element.iterancestors())), element]
    font = _box_font(chain, style)
    if font is None:
        return None
    font_px, own = font
    lines = _lines_at_most(element, chain, inner, style, own, font_px, screen_wide=screen_wide)
    height = stacked_lines.height_at_most(lines, font_px, own)
    return None if height is None else height + _UA_TOP_MARGIN_EMS * font_px


# What sizes an image in a box of one image (`_image_box_height`): of these, only its `height` in
# px, a `height: auto` with no `width`, and maximum sizes (which only shrink it) are read; any other
# leaves the box's height not known.
_IMAGE_SIZING = (
    "width",
    "height",
    "min-width",
    "min-height",
    "aspect-ratio",
    "padding",
    "padding-top",
    "padding-bottom",
    "border",
    "border-width",
    "border-top",
    "border-bottom",
    "border-top-width",
    "border-bottom-width",
    "margin",
    "margin-top",
    "margin-bottom",
    "vertical-align",
    "display",
    "position",
    "float",
    "zoom",
    "scale",
    "transform",
    "rotate",
    "content",
    "box-sizing",
)


def _image_box_height(element: Any, style: PageStyle) -> float | None:
    """The most (px) a box that holds one image and nothing else but white space (in plain inline
    elements no rule styles, `<a href><img></a>`) can be tall: the image's height (its `height` in
    px, else its `height` attribute) on one line, whose line box is at most the image and one line
    of the box's font (the image sits on the baseline: CSS 2, 10.8), with the box's paddings,
    borders and a browser's top margin, as for a box of text (`_text_box_height`); None for a box
    holding anything else, an image sized or aligned in a way not read here, or a box scaled or
    zoomed. (A fixed box so placed from the page: `<div style="position:fixed;top:-500px"><img
    width=300 height=60></div>`.)"""
    lone = _lone_plain_image(element, style)
    if lone is None:
        return None
    image = _image_height(lone, style.on_demand(lone, _IMAGE_SIZING))
    if image is None or any(style.on_demand(element, ("zoom", "scale", "rotate")).values()):
        return None
    return _image_on_one_line(element, style, image)


def _lone_plain_image(element: Any, style: PageStyle) -> Any:
    """The one image a box holds (`_image_box_height`) when all else it holds is white space in
    plain inline elements no rule styles, and no generated content; None otherwise."""
    inner = list(element.iterdescendants())
    images = [e for e in inner if isinstance(e.tag, str) and e.tag.lower() in IMAGE_TAGS]
    others = [e for e in inner if e not in images]
    if len(images) != 1 or any(
        not isinstance(e.tag, str) or e.tag.lower() not in _PLAIN_PHRASING - {"br"} or set(e.attrib) - _PLAIN_ATTRIBUTES for e in others
    ):
        return None
    if "".join(element.itertext()).strip() or (style.generated is not None and any(e in style.generated for e in (element, *inner))):
        return None
    from compliance.document import stacked_lines

    wanted = (*stacked_lines.SIZING, "font-size")
    if others and any(style.on_demand_of(others, wanted)):
        return None
    return images[0]


def _box_font(chain: list[Any], style: PageStyle) -> tuple[float, dict[str, Declaration]] | None:
    """The font size (px) of the last element of `chain` (the page's root down to it) as the whole
    cascade gives it down the tree, and the sizing declarations in force on it: the inherited ones
    of the nearest ancestor that sets them, under its own. None where its fonts are not read, or a
    larger text tag in the chain (`<h1>`, `<big>`…) may enlarge them."""
    from compliance.document import stacked_lines

    if any(isinstance(e.tag, str) and e.tag.lower() in _LARGER_TEXT_TAGS for e in chain):
        return None
    declared = _fonts_read(style.on_demand_of(chain, (*stacked_lines.SIZING, "font-size")))
    font_px = None if declared is None else _font_down_the_tree(declared)
    if declared is None or font_px is None:
        return None
    # The inherited properties in force, the nearest ancestor's, under the box's own.
    return font_px, {name: d[name] for d in declared[:-1] for name in stacked_lines.INHERITED if name in d} | declared[-1]


def _image_on_one_line(element: Any, style: PageStyle, image: float) -> float | None:
    """The most (px) a box of one image (`_image_box_height`) `image` px tall can be tall: that
    and one line of the box's font, with a browser's top margin; None where its fonts are not
    read, or larger text tags may enlarge them."""
    from compliance.document import stacked_lines

    font = _box_font([*reversed(list(element.iterancestors())), element], style)
    if font is None:
        return None
    font_px, own = font
    line = stacked_lines.height_at_most(1, font_px, own)
    return None if line is None else image + line + _UA_TOP_MARGIN_EMS * font_px


def _image_height(image: Any, declared: Mapping[str, Declaration]) -> float | None:
    """An image's height (px) in a box of one image (`_image_box_height`): its CSS `height` in px,
    else (`auto` or none, with no `width` to scale it by) its `height` attribute; None when any
    other of `_IMAGE_SIZING` is set."""
    height = declared.get("height")
    if any(name not in ("height", "width") for name in declared) or (height is not None and "width" in declared and height.keyword == "auto"):
        return None
    if height is not None and height.keyword != "auto":
        return length_px(height.values[0]) if len(height.values) == 1 else None
    if "width" in declared:
        return None
    return attribute_pixels(image.get("height"))


def _fonts_read(declared: Sequence[Mapping[str, Declaration]]) -> list[dict[str, Declaration]] | None:
    """Each element's winners with its `font` shorthand read as the size and line height it sets
    (`stacked_lines.reading_the_font`); None when one is not read."""
    from compliance.document import stacked_lines

    read = [stacked_lines.reading_the_font(found) for found in declared]
    return None if any(found is None for found in read) else [found for found in read if found is not None]


def _lines_at_most(
    element: Any, chain: Sequence[Any], inner: Sequence[Any], style: PageStyle, own: Mapping[str, Declaration], font_px: float, *, screen_wide: bool
) -> int:
    """The most lines the text of a box of text (`_text_box_height`) can take: one a break
    opportunity (`stacked_lines.lines_at_most`), or, laid out in the screen's width
    (`screen_wide`, `_screen_width_left`), as many as fill that width, when fewer."""
    from compliance.document import stacked_lines

    breaks = sum(1 for e in inner if e.tag.lower() == "br")
    text = "".join(element.itertext())
    lines = stacked_lines.lines_at_most(text, breaks, own)
    if screen_wide and (width := _screen_width_left(element, chain, inner, style)) is not None:
        in_width = stacked_lines.lines_in_width_at_most(text, breaks, width, font_px)
        lines = min(lines, in_width) if in_width is not None else lines
    return lines


def _screen_width_left(element: Any, chain: Sequence[Any], inner: Sequence[Any], style: PageStyle) -> float | None:
    """The least width (px) a box laid out in the screen's width (a fixed box) lays its text out
    in: the narrowest screen's less its own edges (`stacked_lines.horizontal_edges_px`); None when
    its CSS sizes it otherwise or makes its text wider (`stacked_lines.NARROWING`, `WIDENING`)."""
    from compliance.document import stacked_lines

    own = style.on_demand(element, (*stacked_lines.NARROWING, *stacked_lines.EDGES))
    if any(name in own for name in stacked_lines.NARROWING) or any(style.on_demand_of([*chain, *inner], stacked_lines.WIDENING)):
        return None
    edges = stacked_lines.horizontal_edges_px(own)
    return None if edges is None else stacked_lines.NARROWEST_SCREEN_PX - edges


# The elements a browser's own style gives a larger font (HTML, 15.3.7): their text is not bounded here.
_LARGER_TEXT_TAGS = frozenset({"h1", "h2", "h3", "big", "font"})
# The most top margin a browser's own style gives a block, in ems of the parent's font size
# (HTML, 15.3.7: `h6`'s 2.33em of its 0.67em font, about 1.56em): counted as moving the box down.
_UA_TOP_MARGIN_EMS = 1.6


def _font_down_the_tree(declared: Sequence[Mapping[str, Declaration]]) -> float | None:
    """The font size (px) of the last of a chain of elements from the root down, each with its
    `font-size` (the cascade's winner, `declared`); None where one is not worked out, or a `font`
    shorthand sets it (and a line height not read)."""
    font_px = root_px = _DEFAULT_FONT_PX
    for depth, found in enumerate(declared):
        if "font" in found:
            return None
        if "font-size" in found:
            size = _font_size(found["font-size"], font_px, root_px)
            if size is None:
                return None
            font_px = size
        if depth == 0:
            root_px = font_px
    return font_px


# The margins that move a box placed from its containing block's far side (read on demand: a
# `margin-right` is not matched with the placement).
_FAR_MARGINS = ("margin", "margin-right", "margin-bottom")


# The `object-fit` values that draw the picture no larger than its box (`fill`, the initial one,
# draws it the box's size), so that an `object-position` as long as the box moves all of it out.
_FITS_IN_ITS_BOX: frozenset[str] = frozenset({"fill", "contain", "scale-down"})


# What places an image's picture in its box and sizes the box (read whole: `PageStyle.on_demand`).
_PICTURE_PLACING = ("object-position", "object-fit", "width", "height", "min-width", "min-height")


def _picture_moved_out(declared: Mapping[str, Declaration], element: Any) -> bool:
    """True when an image's `object-position` (one or two lengths in px) moves its picture wholly
    out of its box: by the box's width or height or more (its `width`/`height` in px, by its CSS
    or else its attributes; a minimum size is not worked out), where `object-fit` draws the
    picture no larger than the box (`_FITS_IN_ITS_BOX`; `none` and `cover` draw it at a size not
    known here). `declared`: the cascade's winners of `_PICTURE_PLACING`."""
    fit = declared.get("object-fit")
    if (fit is not None and fit.keyword not in _FITS_IN_ITS_BOX) or "object-position" not in declared:
        return False
    if "min-width" in declared or "min-height" in declared:
        return False
    tokens = [t for t in declared["object-position"].values if t.type not in ("whitespace", "comment")]
    if not 1 <= len(tokens) <= 2:
        return False
    offsets_px = [length_px(t) for t in tokens]
    for offset, (size, attribute) in zip(offsets_px, (("width", "width"), ("height", "height")), strict=False):
        box = _own_length(declared.get(size), element.get(attribute))
        if offset is not None and box is not None and box > 0 and abs(offset) >= box:
            return True
    return False


def _own_length(declaration: Declaration | None, attribute: str | None) -> float | None:
    """A box's size in px: its CSS `width`/`height` when in px, else its attribute's whole pixels."""
    if declaration is not None:
        return length_px(declaration.values[0]) if len(declaration.values) == 1 else None
    return float(attribute.strip()) if attribute is not None and attribute.strip().isdigit() else None


def _content_replaced(declared: Mapping[str, Declaration], tag: str) -> bool:
    """True when an image as the element's `content` is drawn instead of all it holds (not on an
    image itself, whose picture it may swap for a sharper one of the same)."""
    return "content" in declared and tag not in IMAGE_TAGS and replaces_content(declared["content"])


def _scaled_away_for_good(declared: Mapping[str, Declaration]) -> bool:
    """True when a `transform` or `scale` takes the box away (`_scaled_away`) in a way no
    descendant's scale undoes (a shrink by a factor above 0 is judged by the product: `fading`)."""
    scaled = any(_scaled_away(name, declared[name].values) for name in ("transform", "scale") if name in declared)
    return scaled and not shrinks_undoably(declared)


def _scaled_away(name: str, values: Sequence[Any]) -> bool:
    """True when a `transform` or `scale` shrinks the box to next to nothing, or enlarges it so
    that a piece of one glyph shows (`projection.enlarged_away`)."""
    return scales_to_nothing(values) or _enlarged_away(name, values)


def _enlarged_away(name: str, values: Sequence[Any]) -> bool:
    """`projection.enlarged_away`, its module imported only for a page that transforms or scales."""
    from compliance.document.projection import enlarged_away

    return enlarged_away(name, values)


def _transform_matrix(values: Sequence[Any]) -> tuple[projection.Matrix, bool] | None:
    """`projection.transform_matrix`, its module imported only for a page that transforms."""
    from compliance.document.projection import transform_matrix

    return transform_matrix(values)


def _masked_away(declared: Mapping[str, Declaration], element: Any) -> bool:
    """`masking.masked_away` with the element's mask layers (`references.mask_layer_test`), its
    module imported only for a page that masks."""
    from compliance.document.masking import masked_away

    return masked_away(declared, references.mask_layer_test(element))


def _referenced_away(declared: Mapping[str, Declaration], element: Any) -> bool:
    """True when a `clip-path` or `filter` names an element of the page that leaves nothing of
    the box a reader can see (`references`)."""
    if "clip-path" in declared and references.clipped_away(declared, element):
        return True
    return "filter" in declared and references.flooded(declared, element)


def _projected_away(declared: Mapping[str, Declaration], element: Any, perspective: bool, style: PageStyle | None) -> bool:
    """True when the element's `transform` has no inverse, turns its back to the reader under
    `backface-visibility: hidden` (in its 3D rendering context: `_back_in_its_context`), puts it
    behind the viewer, or flattens it (`projection`); under an ancestor's perspective, only with
    the parent's own, composed in front of the transform."""
    transform = declared.get("transform")
    read = _transform_matrix(transform.values) if transform is not None else None
    backface = declared.get("backface-visibility")
    turned = backface is not None and backface.keyword == "hidden"
    in_context = _back_in_a_context(read, transform, element, style) if turned and not perspective and style is not None else None
    if in_context or read is None:
        return bool(in_context)
    from compliance.document import projection

    matrix, by_percentage = read
    if projection.not_invertible(matrix):
        return True
    if perspective:
        seen = _under_the_parent_s_perspective(matrix, element, style) if not by_percentage else None
        if seen is None:
            return False
        matrix = seen
    # (In a 3D rendering context its back is judged with the context's turn: `in_context`.)
    if turned and in_context is None and projection.back_facing(matrix):
        return True
    if perspective:
        return projection.behind_the_viewer(matrix) or projection.shrunk_away(matrix)
    # A shrink a descendant's scale may undo is judged by the product (`fading`).
    return projection.behind_the_viewer(matrix) or (projection.flattened(matrix) and not shrinks_undoably(declared))


def _back_in_a_context(read: tuple[projection.Matrix, bool] | None, transform: Declaration | None, element: Any, style: PageStyle) -> bool | None:
    """For a box of `backface-visibility: hidden` whose parent extends a 3D rendering context
    (`_preserves_3d`): whether its back faces the reader in it (`_back_in_its_context`), its own
    transform `read` (None: it has none, or one not read, when this is not judged); None when
    its parent does not."""
    from compliance.document import projection

    if not _preserves_3d(element.getparent(), style):
        return None
    if read is None:
        return transform is None and _back_in_its_context(projection.IDENTITY, element, style)
    return _back_in_its_context(read[0], element, style)


def _under_the_parent_s_perspective(matrix: projection.Matrix, element: Any, style: PageStyle | None) -> projection.Matrix | None:
    """The element's transform (`matrix`) seen through its parent's `perspective` of a length;
    None when the parent sets none the checker reads."""
    from compliance.document import projection

    parent = element.getparent()
    found = style.on_demand(parent, ("perspective",)).get("perspective") if style is not None and parent is not None else None
    distance = length_px(found.values[0]) if found is not None and len(found.values) == 1 else None
    return None if distance is None else projection.compose(projection.perspective(distance), matrix)


def _back_in_its_context(matrix: projection.Matrix, element: Any, style: PageStyle) -> bool:
    """True when the element's box (`matrix`: its own transform) shows its back in the 3D
    rendering context its ancestors of `transform-style: preserve-3d` make (CSS Transforms 2,
    6: the transforms from the element up to the context's root, the root's included), as
    Chromium judges `backface-visibility: hidden`; False when one of their transforms is not
    read, and for an inline box, which takes no transform."""
    from compliance.document import projection

    if _inline_level_box({}, element, element.tag.lower(), style) == "inline":
        return False
    ancestor = element.getparent()
    while _preserves_3d(ancestor, style):
        transform = style.on_demand(ancestor, ("transform",)).get("transform")
        read = projection.transform_matrix(transform.values) if transform is not None and transform.keyword != "none" else (projection.IDENTITY, False)
        if read is None:
            return False
        matrix = projection.compose(read[0], matrix)
        ancestor = ancestor.getparent()
    return projection.back_facing(matrix)


# What makes a box of `transform-style: preserve-3d` flat all the same (CSS Transforms 2, 6.1,
# "grouping property values"), each with the values that do not.
_GROUPING = {
    "opacity": (),
    "overflow": ("visible", "clip"),
    "overflow-x": ("visible", "clip"),
    "overflow-y": ("visible", "clip"),
    "filter": ("none",),
    "clip-path": ("none",),
    "clip": ("auto",),
    "isolation": ("auto",),
    "mask": ("none",),
    "mask-image": ("none",),
    "mix-blend-mode": ("normal",),
    "contain": ("none", "layout", "size", "style", "inline-size"),
    "perspective": ("none",),
}


def _preserves_3d(element: Any, style: PageStyle) -> bool:
    """True when the element makes (or extends) a 3D rendering context for its children: its
    `transform-style` is `preserve-3d`, no grouping property flattens it, and it is not an inline
    box (which takes no transform). A `perspective` on it is not read: its context is then not
    judged."""
    if element is None or not isinstance(element.tag, str):
        return False
    found = style.on_demand(element, ("transform-style", *_GROUPING))
    kind = found.get("transform-style")
    if kind is None or kind.keyword != "preserve-3d":
        return False
    for name, flat_free in _GROUPING.items():
        value = found.get(name)
        if value is None:
            continue
        level = number(value.values[0]) if name == "opacity" and len(value.values) == 1 else None
        if (level is None or level < 1) and value.keyword not in flat_free:
            return False
    return _inline_level_box({}, element, element.tag.lower(), style) != "inline"


# What makes a box the containing block of its absolutely positioned descendants, besides a
# `position`, a `transform`, a `filter` and a `perspective` (read on demand).
_MAKES_CONTAINING_BLOCKS = on_first_use(r"contain|will-change|backdrop-filter|offset-path|translate|rotate|scale", re.IGNORECASE)


def _placed_from_the_page(element: Any, style: PageStyle) -> bool:
    """True when an absolutely positioned element is placed from the page's own box (the
    initial containing block, at the page's top left): no ancestor is positioned, transformed,
    filtered or given a perspective, and the page's CSS names nothing else that makes one."""
    if any(_MAKES_CONTAINING_BLOCKS().search(sheet) for sheet in style.sheets):
        return False
    for ancestor in element.iterancestors():
        if _MAKES_CONTAINING_BLOCKS().search(ancestor.get("style") or ""):
            return False
        declared = style.on_demand(ancestor, ("position", "transform", "filter", "perspective"))
        if any(d.keyword not in ("static", "none") for d in declared.values()):
            return False
    return True


# What leaves nothing of a box on the screen under a perspective (a rotation may show it at an angle).
_FLAT_VANISHING = VANISHING_PROPERTIES - {"transform", "rotate"}


def _transparent(declared: Mapping[str, Declaration], element: Any) -> bool:
    """True when `opacity` (other than a lazy-loader's fade) or `filter: opacity()` leaves the
    element all but fully transparent."""
    opacity = declared.get("opacity")
    if opacity is not None and not _is_lazy_fade(element, opacity):
        level = _opacity(opacity)
        if level is not None and level <= NEAR_ZERO_OPACITY:
            return True
    # `-webkit-filter` is an alias of `filter`: where both are set, the one that wins the cascade
    # is not known here, so the element is faded out only when each of them fades it.
    fades = [_opacity(declared[name]) for name in ("filter", "-webkit-filter") if name in declared]
    return bool(fades) and all(faded is not None and faded <= NEAR_ZERO_OPACITY for faded in fades)


def _opacity(declaration: Declaration) -> float | None:
    """The opacity an `opacity` or `filter` declaration sets (0–1), when it sets one."""
    if declaration.name in ("filter", "-webkit-filter"):
        return filter_opacity(declaration.values)
    return number(declaration.values[0])


def _far_off_screen(declaration: Declaration) -> bool:
    """A `transform` or `translate` that moves the element 1000px or more left or up: off the
    screen, where no scrolling reaches; or past any screen to the right, which a page that does not
    scroll sideways hides (`_moved_past_the_right`)."""
    if declaration.name not in ("transform", "translate"):
        return False
    offset = translation_px(declaration.name, declaration.values)
    if offset is None and declaration.name == "transform":
        offset = offsets.translation(declaration.values, offsets.SCREEN_WIDTH_PX, None)  # of a box at most as wide as the screen
    if offset is not None and (min(offset) <= _FAR_OFF_SCREEN_PX or offset[0] >= _PAST_ANY_SCREEN_PX):
        return True
    return _by_whole_viewports(declaration) is not None


def _by_whole_viewports(declaration: Declaration) -> tuple[bool, bool] | None:
    """For a `transform` of translations only, or a `translate`, that moves a box right, or down,
    by a whole viewport or more (`translateX(150vw)`, `translate(0, calc(100vh + 10px))` read as
    100vh and 10px: the viewport units of that axis, `vmax` too, adding up to 100 or more, with
    lengths in px of no less than 0): whether it does so (right, down); None when it moves it by
    a whole viewport on neither axis, or does anything else."""
    if declaration.name == "translate":
        moves = [list(declaration.values[:1]), list(declaration.values[1:2])]
    else:
        moves = [[], []]
        for function in declaration.values:
            if function.type != "function" or function.lower_name not in ("translate", "translatex", "translatey", "translate3d"):
                return None
            arguments = [t for t in function.arguments if t.type not in ("whitespace", "comment", "literal")]
            axes = [1] if function.lower_name == "translatey" else [0] if function.lower_name == "translatex" else [0, 1]
            for axis, argument in zip(axes, arguments, strict=False):
                moves[axis].append(argument)
    far = (_whole_viewports(moves[0], "horizontal"), _whole_viewports(moves[1], "vertical"))
    return far if any(far) else None


_ANY_VIEWPORT_UNIT = VIEWPORT_UNITS_OF_AXIS["horizontal"] | VIEWPORT_UNITS_OF_AXIS["vertical"]


def _whole_viewports(tokens: Sequence[Any], axis: str) -> bool:
    """True when these lengths (of one axis) add up to a whole viewport or more of it and no
    negative px: `150vw`, `100vw` and `10px`; False for any other length or a percentage."""
    share = 0.0
    for token in tokens:
        if token.type == "dimension" and token.lower_unit in VIEWPORT_UNITS_OF_AXIS[axis]:
            share += float(token.value)
            continue
        pixels = length_px(token)
        if pixels is None or pixels < 0 or (token.type == "dimension" and token.lower_unit in _ANY_VIEWPORT_UNIT):
            return False
    return share >= 100


# What places a fixed box: its position and sides.
_FIXED_PLACING = ("position", "left", "right", "top", "bottom", "inset")


def _translated_off_the_viewport(declared: Mapping[str, Declaration], element: Any, style: PageStyle) -> bool:
    """True for a `position: fixed` box that a translation moves right (down) by a whole viewport
    or more (`_by_whole_viewports`) from a near edge at or right of (below) the viewport's left
    (top) edge: a `left` (`top`) of 0 or more, or, with neither side set, where the flow puts it,
    and no negative margin on that side: no scrolling moves a fixed box, so no screen shows it."""
    moved = [_by_whole_viewports(declared[name]) for name in ("transform", "translate") if name in declared]
    if len(moved) != 1 or moved[0] is None:
        return False
    declared = style.on_demand(element, _FIXED_PLACING)
    position = declared.get("position")
    if position is None or position.keyword != "fixed":
        return False
    for far, (near, other) in zip(moved[0], (("left", "right"), ("top", "bottom")), strict=True):
        if not far:
            continue
        side = offsets.side_px(declared, near, "inset")
        placed = side >= 0 if side is not None else offsets.side_px(declared, other, "inset") is None and near not in declared
        margin = _margin_px(element, style, near)
        if placed and margin is not None and margin >= 0:
            return True
    return False


def _is_lazy_fade(element: Any, opacity: Declaration) -> bool:
    """A stylesheet's opacity on an element a lazy-loader will show (inline opacity still counts)."""
    if opacity in parse_style_attribute(element.get("style") or ""):
        return False
    return waits_for_loader(element)


# The classes lazy-loaders mark their images with and move them through (lazysizes' `lazyload`,
# `lazyloading`, `lazyloaded`; vanilla-lazyload's `lazy`; bLazy; lozad; a3 Lazy Load's
# `lazy-hidden`; Jetpack's `jetpack-lazy-image`). A theme's own class that only mentions the word
# (`lazy-fade` under `.lazy-fade{opacity:0}`, with no loader to change it) marks nothing.
_LAZY_CLASSES = frozenset(
    "lazy lazyload lazyloading lazyloaded lazy-load lazy-loading lazy-loaded lazy-hidden lazy-image b-lazy lozad jetpack-lazy-image".split()
)


def waits_for_loader(element: Any) -> bool:
    """True for an element marked for a lazy-loader: it has a loader's attributes
    (`_LAZY_ATTRIBUTES`) or one of the classes loaders use (`_LAZY_CLASSES`); whether the loader
    has anything to load is `loads_nothing`'s question."""
    if any(element.get(name) is not None for name in _LAZY_ATTRIBUTES):
        return True
    value = element.get("class")
    return bool(value) and any(token.lower() in _LAZY_CLASSES for token in class_tokens(value))


def _names_a_picture(value: str | None, *, srcset: bool = False) -> bool:
    """True when an image source attribute's value (a `srcset`'s, with `srcset`) can load a
    picture: not empty, and not a `data:` URL no browser draws a picture from (`data:,`, a body
    that does not decode, a PNG whose header is not one: see `data_images.undrawable`), which
    browsers show as a broken image."""
    value = (value or "").strip()
    if not value:
        return False
    if srcset:
        return "data:" not in value.lower() or any(not undrawable(url) for url, _ in srcset_candidates(value))
    return value[:5].lower() != "data:" or not undrawable(value)


def _names_more_than_a_placeholder(value: str | None, *, srcset: bool = False) -> bool:
    """True when an image source attribute's value (a `srcset`'s, with `srcset`) names a URL that
    is not a placeholder (`is_placeholder`)."""
    if value is None:
        return False
    if srcset:
        return any(not is_placeholder(url) for url, _ in srcset_candidates(value))
    return not is_placeholder(value)


def shows_only_placeholders(element: Any) -> bool:
    """True for an image whose every source — `src`, `srcset`, each lazy-loader address and each
    `<source>` of its `<picture>` — is a placeholder (`is_placeholder`), or whose every picture a
    browser may paint (`shown_sources`: a `srcset` candidate or a `<picture>`'s `<source>` over
    the `src`, a lazy-loader's address over both) is one: its box is laid out, but a reader sees a
    blank in it, never a logo (`srcset="pixel.gif 1x"` or a 1×1 `data:` GIF in `srcset` over a
    logo in `src`). Read from the attributes alone (nothing is fetched)."""
    if _loads(element, _names_more_than_a_placeholder) is False:
        return True
    shown = shown_sources(element)
    return bool(shown) and all(is_placeholder(url) for url in shown)


# The words a placeholder's file name is made of (`blank.gif`, `spacer_1x1.gif`,
# `transparent-pixel.png`): lazy-loaders, old table layouts and CMS templates put such a file in a
# `src` until the picture loads, and a reader sees nothing in it. A name with any other word
# (`clear-logo.png`, `pixel-perfect-logo.svg`) is a picture.
_PLACEHOLDER_WORDS = frozenset({"blank", "spacer", "pixel", "transparent", "trans", "clear", "empty", "1x1", "1px"})
_PLACEHOLDER_EXTENSIONS = frozenset({"gif", "png", "webp", "svg", "jpg", "jpeg", "avif"})
_NAME_WORDS = re.compile(r"[-_.]+")


def is_placeholder(url: str) -> bool:
    """True for an image URL that shows a reader no picture (images are not fetched, so only the
    URL is read): empty, `about:blank`, a `data:` picture no browser draws
    (`data_images.undrawable`), one of 2px or less across or high (`data_image_size`) or an SVG
    that draws nothing (`svg_drawing.draws_nothing`: `data:image/svg+xml,<svg xmlns=…
    viewBox='0 0 300 60'></svg>`, a lazy-load plugin's placeholder of the picture's size), a
    `data:` PNG, GIF or WebP whose every pixel is fully transparent (`data_images.fully_transparent`),
    or a file whose name is only placeholder words (`_PLACEHOLDER_WORDS`: `blank.gif`, `spacer.gif`,
    `1x1.gif`, `transparent.png`), whatever its folder or query."""
    url = url.strip()
    if not url or url.lower() == "about:blank":
        return True
    if url[:5].lower() == "data:":
        return undrawable(url) or _tiny_data_image(url) or data_svg_draws_nothing(url) or fully_transparent(url) is not None
    name = url.split("#", 1)[0].split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1].lower()
    stem, dot, extension = name.rpartition(".")
    if not dot or extension not in _PLACEHOLDER_EXTENSIONS:
        return False
    words = [w for w in _NAME_WORDS.split(stem) if w]
    return bool(words) and all(w in _PLACEHOLDER_WORDS for w in words)


def what_blanks(element: Any) -> str:
    """Why an image a reader sees no picture in shows a blank, when its picture draws nothing by
    itself, in words for an editor: "its picture is a `data:` PNG whose every pixel is fully
    transparent" (`data_images.fully_transparent`). Empty for an image whose pictures are not
    such (a placeholder file name, a broken one, one too small: others tell those), and for any
    other element. Only `data:` pictures are read; a remote one is never fetched."""
    if not isinstance(getattr(element, "tag", None), str) or element.tag.lower() not in IMAGE_TAGS:
        return ""
    for url in shown_sources(element) or (element.get("src", "").strip(),):
        kind = fully_transparent(url) if url[:5].lower() == "data:" else None
        if kind is not None:
            return f"its picture is a `data:` {kind} whose every pixel is fully transparent, which draws nothing"
    return ""


def loads_nothing(element: Any) -> bool:
    """True for an image with no picture to show: no `src`, `srcset` or lazy-loader address that
    is not empty (an empty `data:,` URL is empty), and no `<picture>` source around it (a browser draws nothing for it, or its alt
    text as words, which are not an image)."""
    return not _loads(element, _names_a_picture)


def _loads(element: Any, names: Callable[..., bool]) -> bool:
    """Whether some source of an image (its own attributes, else its `<picture>`'s sources) is
    one that `names` accepts."""
    if any(names(element.get(name)) for name in IMAGE_SOURCE_ATTRIBUTES):
        return True
    if any(names(element.get(name), srcset=True) for name in IMAGE_SRCSET_ATTRIBUTES):
        return True
    # libxml2 nests an <img> inside the <source> before it: the <picture> is a few levels up.
    for ancestor in itertools.islice(element.iterancestors(), 3):
        if isinstance(ancestor.tag, str) and ancestor.tag.lower() == "picture":
            return any(
                names(source.get("src")) or any(names(source.get(name), srcset=True) for name in IMAGE_SRCSET_ATTRIBUTES) for source in ancestor.iter("source")
            )
    return False


def _positioned(declared: Mapping[str, Declaration]) -> bool:
    position = declared.get("position")
    return position is not None and position.keyword in ("absolute", "fixed", "relative", "sticky")


def _clipped(declared: Mapping[str, Declaration]) -> bool:
    clip = declared.get("clip")
    if clip is not None and _positioned(declared) and clips_to_nothing("clip", clip.values):
        return True
    clip_path = declared.get("clip-path")
    return clip_path is not None and clips_to_nothing("clip-path", clip_path.values)


# Each axis: its size, the minimum that keeps it open, its maximum, and the paddings on its sides.
_AXES = (
    ("width", "min-width", "max-width", ("padding-left", "padding-right")),
    ("height", "min-height", "max-height", ("padding-top", "padding-bottom")),
)


def _zero_size(declared: Mapping[str, Declaration], tag: str) -> bool:
    """A box of (nearly) no width or height on an axis on which it cuts off what overflows
    (`hidden`, `clip`, or a scroll container's `auto` or `scroll`, which has nothing to scroll
    through: see `clipping.cuts_off_overflow`); an image scales to its box, so a tiny image is
    not seen whatever its overflow. A minimum size (`min-width: 100%`, as image components that
    fill their frame set) keeps an axis open.

    A box's content shows in its padding too (the aspect-ratio box, `height: 0; padding-bottom:
    56.25%; overflow: hidden`, shows its padding's height), so an axis is tiny only with its
    paddings; a padding not worked out here (a percentage) leaves it open. Sizes bound nothing on
    an inline box or a table part (`sizes_clip`)."""
    if tag in IMAGE_TAGS:
        return _picture_too_small(declared)
    cut_off = cuts_off_overflow(declared)
    if not any(cut_off) or not sizes_clip(tag, declared):
        return False
    return any(cut and _tiny(declared, axis, _TINY_BOX_PX, padded=True) for axis, cut in zip(_AXES, cut_off, strict=True))


def _picture_too_small(declared: Mapping[str, Declaration]) -> bool:
    """True when an image's CSS sizes it under 6px on an axis (`drawn_too_small`): the smaller of
    its size and maximum size in px (`width: 5px`, `max-height: 4px`), with no minimum size that
    keeps it larger (one not worked out, a percentage, does); a size in percent is not read."""
    for size, minimum, maximum, _ in _AXES:
        least = declared.get(minimum)
        if least is not None and ((px := length_px(least.values[0])) is None or not drawn_too_small(px)):
            continue
        lengths = [size_px(declared, name) for name in (size, maximum) if name in declared]
        smallest = min((n for n in lengths if n is not None), default=None)
        if smallest is not None and drawn_too_small(smallest):
            return True
    return False


def _tiny(declared: Mapping[str, Declaration], axis: tuple[str, str, str, tuple[str, str]], limit: float, *, padded: bool) -> bool:
    """True when the box's extent along `axis` (one of `_AXES`: the smaller of its size and
    maximum size, in px, with its paddings when `padded`) is `limit` or less and no minimum size
    keeps it open; False when a size or a padding is not worked out."""
    size, minimum, maximum, sides = axis
    if _opens(declared.get(minimum)):
        return False
    lengths = [size_px(declared, name) for name in (size, maximum) if name in declared]
    smallest = min((n for n in lengths if n is not None), default=None)
    if smallest is None:
        return False
    if not padded:
        return smallest <= limit
    paddings = [padding_px(declared, side, _DEFAULT_FONT_PX) for side in sides]
    return all(p is not None for p in paddings) and smallest + sum(p for p in paddings if p is not None) <= limit


def _opens(minimum: Declaration | None) -> bool:
    """True when a `min-width`/`min-height` makes the box larger than a tiny image."""
    if minimum is None:
        return False
    size = length_px(minimum.values[0])
    return size is None or size > _TINY_IMAGE_PX


def _off_screen(
    declared: Mapping[str, Declaration], containing: float = offsets.SCREEN_WIDTH_PX, tag: str = "", element: Any = None, style: PageStyle | None = None
) -> bool:
    """Moved 1000px or more left or up: by a negative `text-indent`, a translation, or a margin
    (which moves any box), or by `left`/`top` on a positioned element; or pushed out of its own
    clipped box (see `_indented_out`). Percentages are of the containing block's width
    (`containing`, px), a translation's of the element's own box (`offsets`)."""
    indent = declared.get("text-indent")
    if indent is not None and _indented_off(declared, indent, containing, element, style):
        return True
    return _moved_far(declared, containing, tag)


def _indented_off(declared: Mapping[str, Declaration], indent: Declaration, containing: float, element: Any, style: PageStyle | None) -> bool:
    """True when the `text-indent` moves the first line 1000px or more off the screen, or out of
    its clipped box (`_indented_out`). A negative indent lengthens the line on its start side: text
    aligned to the start goes with it, text aligned to the end stays on the screen, and centred
    text goes off only when its centre does, the indent 1000px more than the box is wide (CSS
    Text 3, 7.1 and 8.1; a line so long holds all of a byline, so it is the last line too, which
    `text-align-last` aligns)."""
    moved = _first_line_indent(declared, indent, containing)
    if moved > _FAR_OFF_SCREEN_PX and not _indented_out(declared, indent):
        return False
    if moved >= 0 or element is None or style is None:
        return True
    alignment = _first_line_alignment(element, style)
    if alignment == "center":
        width = offsets.own_width(declared, containing, True)
        return moved <= _FAR_OFF_SCREEN_PX - (containing if width is None else width)
    return alignment == "start"


# The `text-align` keywords by the side of the line they put its text against (`justify` puts
# a last line against its start); `inherit` and `unset` take the parent's (Chromium drops
# `match-parent`).
_ALIGNMENTS = {
    "left": "left",
    "-webkit-left": "left",
    "right": "right",
    "-webkit-right": "right",
    "center": "center",
    "-webkit-center": "center",
    "start": "start",
    "end": "end",
    "justify": "start",
    "initial": "start",
    "revert": "start",
    "revert-layer": "start",
}
# The elements whose `align` attribute aligns the text in them (HTML, 15.3.3 and 15.3.8).
_ALIGN_ATTRIBUTE_TAGS = frozenset({"div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "thead", "tbody", "tfoot", "tr", "td", "th"})


def _first_line_alignment(element: Any, style: PageStyle) -> str | None:
    """Where the element's one line of text is put: against the side a `text-indent` moves
    (`start`), the other (`end`), or `center`, by the `text-align-last` in force, else the
    `text-align`, each inherited, with the `align` attributes, `<center>` and `<th>` as HTML
    renders them; None when not worked out (a `dir="auto"`)."""
    align, last, direction = _line_settings(element, style)
    found = align if last == "auto" else last
    if found in ("start", "end", "center"):
        return found
    if direction is None:
        return None
    return "start" if found == ("left" if direction == "ltr" else "right") else "end"


_ROOT_LINE_SETTINGS = ("start", "auto", "ltr")
_LINE_PROPERTIES = ("text-align", "text-align-last", "direction")


def _line_settings(element: Any, style: PageStyle) -> tuple[str, str, str | None]:
    """The `text-align` (a side of `_ALIGNMENTS`), `text-align-last` (`auto` or a side) and
    direction (`ltr`, `rtl`, None when not worked out) in force on the element: its own, else its
    parent's. Read up the ancestors to the nearest one read before, each kept for what it holds."""
    # Kept on the page's style, not on the one shared by the pages without `<style>` blocks.
    known = style.line_settings if style is not _NO_PAGE_STYLE else {}
    unread: list[Any] = []
    box = element
    while box is not None and box not in known:
        unread.append(box)
        box = box.getparent()
    inherited = _ROOT_LINE_SETTINGS if box is None else known[box]
    unread.reverse()
    for box, declared in zip(unread, style.on_demand_of(unread, _LINE_PROPERTIES) if unread else [], strict=True):
        inherited = known[box] = _own_line_settings(box, declared, inherited)
    return inherited


def _own_line_settings(box: Any, declared: Mapping[str, Declaration], parent: tuple[str, str, str | None]) -> tuple[str, str, str | None]:
    """`_line_settings` of a box, given its declarations of `_LINE_PROPERTIES` and its parent's settings."""
    align, last, direction = parent
    declaration = declared.get("text-align")
    if declaration is None:
        presentational = _presentational_alignment(box)
        align = _ALIGNMENTS[presentational] if presentational else align
    elif declaration.keyword not in ("inherit", "unset"):
        # A value not read here (a `var()`) is read as the initial `start`, so that an indent
        # that hides is not let pass by a word that aligns nothing.
        align = _ALIGNMENTS.get(declaration.keyword, "start")
    declaration = declared.get("text-align-last")
    if declaration is not None and declaration.keyword not in ("inherit", "unset"):
        # A last line justified is stretched to both ends of the line: its last word stays on the screen.
        last = (
            {**_ALIGNMENTS, "justify": "end"}.get(declaration.keyword, "auto") if declaration.keyword not in ("initial", "revert", "revert-layer") else "auto"
        )
    declaration = declared.get("direction")
    written = str(box.get("dir") or "").strip().lower() if isinstance(box.tag, str) else ""
    if declaration is not None and declaration.keyword not in ("inherit", "unset"):
        keyword = str(declaration.keyword)
        direction = "ltr" if keyword in ("initial", "revert", "revert-layer") else keyword if keyword in ("ltr", "rtl") else None
    elif written in ("ltr", "rtl", "auto"):
        direction = None if written == "auto" else written
    return align, last, direction


def _presentational_alignment(box: Any) -> str:
    """The `text-align` HTML gives the box by its tag or `align` attribute (empty when none)."""
    tag = box.tag if isinstance(box.tag, str) else ""
    if tag == "center":
        return "center"
    align = (box.get("align") or "").strip().lower() if tag in _ALIGN_ATTRIBUTE_TAGS else ""
    if align in ("left", "right", "center", "justify"):
        return align
    if align == "middle":
        return "center"
    return "center" if tag == "th" else ""


def _first_line_indent(declared: Mapping[str, Declaration], indent: Declaration, containing: float) -> float:
    """How far (px) a `text-indent` moves the first line: a percentage is of the block's own
    width (CSS Text 3, 8.1; its `width`, else its containing block's, `containing`, px), and a
    `hanging` indent moves every line but the first; 0 when not known."""
    if any(token.type == "ident" and token.lower_value == "hanging" for token in indent.values):
        return 0.0
    return offsets.share_px(indent.values[0], offsets.own_width(declared, containing, True)) or 0.0


def _moved_far(declared: Mapping[str, Declaration], containing: float = offsets.SCREEN_WIDTH_PX, tag: str = "") -> bool:
    """Moved 1000px or more left or up by its margin, its `left`/`top` (on a positioned element)
    and its translation added up, as a browser places the box: `left: -9999px; margin-left:
    9999px` leaves it where it was. (A side that is not a length, `auto` or a percentage, adds
    nothing.)"""
    x, y = _displacement(declared, containing, tag)
    return min(x, y) <= _FAR_OFF_SCREEN_PX


def _moved_past_the_right(declared: Mapping[str, Declaration], containing: float, tag: str) -> bool:
    """Moved right past any screen (`_PAST_ANY_SCREEN_PX`) by the lengths `_displacement` adds up,
    or, absolutely positioned or fixed with no `left`, by a negative `right`: on a page that does
    not scroll sideways (`PageStyle.clips_sideways`) no reader reaches it."""
    x, _ = _displacement(declared, containing, tag)
    position = declared.get("position")
    if position is not None and position.keyword in ("absolute", "fixed") and offsets.side_px(declared, "left", "inset") is None:
        x -= offsets.side_px(declared, "right", "inset") or 0.0
    return x >= _PAST_ANY_SCREEN_PX


# What may move a box back or resize it in ways not read here: the logical sides and
# margins (mapped to `left` or `right` by the direction), scaling and turning.
_ACROSS_UNREAD = (
    "scale",
    "rotate",
    "zoom",
    "margin-inline",
    "margin-inline-start",
    "margin-inline-end",
    "inset-inline",
    "inset-inline-start",
    "inset-inline-end",
)
_HORIZONTAL_EDGES = (
    "padding",
    "padding-left",
    "padding-right",
    "border",
    "border-width",
    "border-left",
    "border-right",
    "border-left-width",
    "border-right-width",
)
# What moves a box right or left of where its containing block or the flow puts it, and what may
# scale, flip or shift those moves (`_a_screen_right`), read on demand.
_ACROSS = (
    "position",
    "display",
    "float",
    "direction",
    "left",
    "right",
    "inset",
    "margin",
    "margin-left",
    "margin-right",
    "width",
    *_HORIZONTAL_EDGES,
    "text-indent",
    "transform",
    "translate",
    *_ACROSS_UNREAD,
)
# The declarations that may move a box right by a share of the screen's width (`_measures_the_screen`).
_SCREEN_MOVES = ("left", "right", "inset", "margin", "margin-left", "transform", "translate")


def _measures_the_screen(declared: Mapping[str, Declaration]) -> bool:
    """Whether the sides, margins and translations among `declared` may add up to a whole screen
    right on every screen (`offsets.past_the_right_edge`), each of their lengths in `vw` or
    percentages (as of the screen) and px counted where it moves right: the cheap test before
    `_a_screen_right` reads more, met by none of `left: 50%`, `translate(-50%, -50%)`."""
    found = False
    most = offsets.NO_MOVE
    for name in _SCREEN_MOVES:
        declaration = declared.get(name)
        if declaration is None:
            continue
        for token in (t for v in declaration.values for t in ([v, *v.arguments] if v.type == "function" else [v])):
            move = offsets.across(token, True) if token.type in ("dimension", "percentage") else None
            if move is not None:
                # (A negative `right` moves right: both signs count on the sides' shorthands.)
                sign = -1.0 if name == "right" else 1.0
                if name == "inset":
                    move = offsets.Across(abs(move.px), abs(move.screens))
                most = offsets.plus(most, offsets.Across(max(sign * move.px, 0.0), max(sign * move.screens, 0.0)))
                found = found or sign * move.screens > 0
    return found and offsets.past_the_right_edge(most)


def _a_screen_right(element: Any, style: PageStyle) -> bool:
    """True for a box whose left edge its own moves put at or past the screen's right edge on
    every screen (`offsets.past_the_right_edge`), measured from where its containing block or the
    flow places it, which is taken to be at or right of the screen's left edge: its `left` (a
    relatively positioned box's negative `right` where it has none), `margin-left` and
    translations added up, in px and screen widths (`left: 100vw`, `margin-left: 150vw`,
    `transform: translateX(100vw)`, `left: 100%` on a box placed from the page, whose containing
    block is as wide as the screen), or an absolutely positioned box placed from the page by a
    negative `right` of its own known width or more (`right: -100vw` on an image 300px wide). A
    page that does not scroll sideways hides it (the caller's test). Unless the box is placed from
    the page, the moves of the elements around it to the left are added (a negative margin, side,
    translation or text indent); a scale, a rotation, a zoom, a logical side or margin, a
    right-to-left direction, or a move not read, on it or around it, leaves it as seen, and so
    does a margin inside a box that may place its content from its right or centre (a flex or
    grid container, a float, an inline or positioned box)."""
    declared = style.on_demand(element, _ACROSS)
    position = declared["position"].keyword if "position" in declared else "static"
    if position not in ("static", "relative", "absolute"):
        return False  # a fixed box: `_outside_the_viewport`; a sticky one's sides do not move it
    from_the_page = position == "absolute" and _placed_from_the_page(element, style)
    move = _own_move_across(element, declared, from_the_page, own=True)
    if move is None:
        return False
    margin_moves = position != "absolute" and _side_across(declared, "left", "margin-left", "margin", False) != offsets.NO_MOVE
    for ancestor, around in zip(element.iterancestors(), style.on_demand_of(list(element.iterancestors()), _ACROSS), strict=True):
        if any(name in around for name in _ACROSS_UNREAD) or _right_to_left(ancestor, around):
            return False
        if from_the_page:
            continue  # placed from the page's own box, which nothing around it moves
        if _scrolls_sideways(ancestor, style):
            return False  # a box that scrolls sideways: a reader scrolls to what it holds
        if margin_moves and _may_place_from_the_right(around):
            return False
        back = _own_move_across(ancestor, around, False, own=False)
        if back is None:
            return False
        move = offsets.plus(move, offsets.Across(min(back.px, 0.0), min(back.screens, 0.0)))
    return offsets.past_the_right_edge(move)


def _scrolls_sideways(element: Any, style: PageStyle) -> bool:
    """Whether a box of the page (not `<html>` or `<body>`, whose overflow is the viewport's)
    scrolls what overflows it sideways: its `overflow-x` is `auto` or `scroll`."""
    if not isinstance(element.tag, str) or element.tag.lower() in ("html", "body"):
        return False
    return overflow_axes(style.on_demand(element, _OVERFLOW))[0] in ("auto", "scroll")


def _right_to_left(element: Any, declared: Mapping[str, Declaration]) -> bool:
    """Whether the element's direction may be right to left (its `direction`, or a `dir`
    attribute other than `ltr`): its content may then overflow it on the left."""
    direction = declared.get("direction")
    if direction is not None and direction.keyword not in ("ltr", "initial", "unset", "revert", "revert-layer"):
        return True
    written = str(element.get("dir") or "").strip().lower() if isinstance(element.tag, str) else ""
    return written not in ("", "ltr")


def _may_place_from_the_right(declared: Mapping[str, Declaration]) -> bool:
    """Whether a box may lay its content out from its right or centre, or be as wide as its
    content and placed from its right (a flex or grid container, a float, an inline or positioned
    box): a wide margin of what it holds may then move that content left, not right."""
    display = declared.get("display")
    if display is not None and display.keyword not in ("block", "flow-root", "list-item", "initial", "unset", "revert", "revert-layer"):
        return True
    position = declared.get("position")
    float_ = declared.get("float")
    return (position is not None and position.keyword not in ("static", "relative")) or (float_ is not None and float_.keyword != "none")


def _side_across(declared: Mapping[str, Declaration], side: str, longhand: str, shorthand: str, of_the_screen: bool) -> offsets.Across | None:
    """A side's length (`side_value`) across (`offsets.across`): `NO_MOVE` for none, None for one
    not read (`auto` among them)."""
    token = side_value(declared, side, longhand, shorthand)
    if token is None:
        return offsets.NO_MOVE
    return None if token is UNREAD_SIDE else offsets.across(token, of_the_screen)


def _own_move_across(element: Any, declared: Mapping[str, Declaration], from_the_page: bool, *, own: bool) -> offsets.Across | None:
    """How far right of where its containing block or the flow places it the box's own left edge
    is (`_a_screen_right`), by its `margin-left`, its `left` (against its `right` where it has none:
    a relatively positioned box's, or an absolutely positioned one's with its known width), its
    translations and, for a box around it (`own` False), its text indent, which moves its inline
    content; None where any of them is not read. Percentages of the box's containing block are
    read where it is as wide as the screen (`from_the_page`)."""
    if own and any(name in declared for name in _ACROSS_UNREAD):
        return None
    position = declared["position"].keyword if "position" in declared else "static"
    margin = _side_across(declared, "left", "margin-left", "margin", from_the_page)
    moves = [margin]
    if position in ("relative", "absolute", "fixed"):
        left, right = (side_value(declared, side, side, "inset") for side in ("left", "right"))
        if left is UNREAD_SIDE or right is UNREAD_SIDE:
            return None
        if left is not None and not _is_auto(left):
            moves.append(offsets.across(left, from_the_page))
        elif right is not None and not _is_auto(right):
            far = offsets.across(right, from_the_page)
            if far is None or (position != "relative" and not (own and from_the_page)):
                return None
            if position == "relative":
                moves.append(offsets.Across(-far.px, -far.screens))
            else:
                # Its right edge `right` left of the page's, which is the screen's right edge.
                return _placed_from_the_right(element, declared, far)
    moves.extend(_indent_and_translations_across(declared, own))
    return _summed_across(moves)


def _indent_and_translations_across(declared: Mapping[str, Declaration], own: bool) -> list[offsets.Across | None]:
    """The moves right (`_own_move_across`) of a box's text indent (for a box around it: `own`
    False) and its translations, in that order; None for one not read."""
    moves: list[offsets.Across | None] = []
    if not own and "text-indent" in declared:
        moves.append(offsets.across(declared["text-indent"].values[0], False))
    for name in ("transform", "translate"):
        if name in declared:
            moves.append(_translation_across(declared[name]))
    return moves


def _summed_across(moves: Sequence[offsets.Across | None]) -> offsets.Across | None:
    """The `moves` added up (`offsets.plus`); None when any is not read."""
    if any(move is None for move in moves):
        return None
    return offsets.plus(*(move for move in moves if move is not None))


def _is_auto(token: Any) -> bool:
    return bool(token.type == "ident" and token.lower_value == "auto")


def _placed_from_the_right(element: Any, declared: Mapping[str, Declaration], right: offsets.Across) -> offsets.Across | None:
    """Where (`_own_move_across`) the left edge of a box placed from the page by its `right` is:
    the screen's width less `right`, its right margin and its known width (`_width_across`)."""
    width = _width_across(element, declared)
    margin = _side_across(declared, "right", "margin-right", "margin", True)
    if width is None or margin is None:
        return None
    return offsets.Across(-right.px - margin.px - width.px, 1.0 - right.screens - margin.screens - width.screens)


def _width_across(element: Any, declared: Mapping[str, Declaration]) -> offsets.Across | None:
    """The width of a box placed from the page (its border box: none of its own horizontal
    paddings or borders set), by its `width` in px or screen widths, else an image's `width`
    attribute; None when not known."""
    if any(name in declared for name in _HORIZONTAL_EDGES):
        return None
    width = declared.get("width")
    if width is not None:
        return offsets.across(width.values[0], True) if len(width.values) == 1 else None
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    pixels = attribute_pixels(element.get("width")) if tag in IMAGE_TAGS else None
    return None if pixels is None else offsets.Across(pixels, 0.0)


def _translation_across(declaration: Declaration) -> offsets.Across | None:
    """How far right a `transform` of translations only, or a `translate`, moves the box, across
    (`offsets.across`); None for any other transform or a percentage (of the box's own width)."""
    if declaration.keyword == "none":
        return offsets.NO_MOVE
    if declaration.name == "translate":
        return offsets.across(declaration.values[0], False)
    moves = []
    for function in declaration.values:
        if function.type != "function" or function.lower_name not in ("translate", "translatex", "translatey", "translate3d"):
            return None
        arguments = [t for t in function.arguments if t.type not in ("whitespace", "comment", "literal")]
        if function.lower_name != "translatey" and arguments:
            moves.append(offsets.across(arguments[0], False))
    if any(move is None for move in moves):
        return None
    return offsets.plus(*(move for move in moves if move is not None))


def _displacement(declared: Mapping[str, Declaration], containing: float, tag: str) -> tuple[float, float]:
    """How far (px, right and down) the element's margin, its `left`/`top` (on a positioned
    element; a relatively positioned one's `right`/`bottom` where those are not set) and its
    translations move it from where the flow puts it."""
    position = declared.get("position")
    # A sticky box's sides say where it sticks while the page scrolls, not where it moves:
    # `position: sticky; left: -9999px` leaves it in place.
    positioned = position is not None and position.keyword in ("absolute", "fixed", "relative")
    # An absolutely positioned or fixed box is placed from a box the checker does not follow: the screen.
    whole = offsets.SCREEN_WIDTH_PX if positioned and position is not None and position.keyword != "relative" else containing
    x = _side(declared, "margin-left", "margin", 1, whole) + (_side(declared, "left", "inset", 1, whole) if positioned else 0.0)
    y = _side(declared, "margin-top", "margin", 0, whole) + (_side(declared, "top", "inset", 0) if positioned else 0.0)
    if position is not None and position.keyword == "relative":
        # A relatively positioned box with no `left` (`top`) is moved by its `right` (`bottom`) the other way.
        x -= offsets.side_px(declared, "right", "inset") or 0.0 if offsets.side_px(declared, "left", "inset") is None else 0.0
        y -= offsets.side_px(declared, "bottom", "inset") or 0.0 if offsets.side_px(declared, "top", "inset") is None else 0.0
    for name in ("transform", "translate"):
        offset = _translation(declared, name, whole, tag)
        if offset is not None:
            x, y = x + offset[0], y + offset[1]
    return x, y


def _translation(declared: Mapping[str, Declaration], name: str, containing: float, tag: str) -> tuple[float, float] | None:
    """How far a `transform` or `translate` declared moves the element (x, y) in px: a percentage
    of a `transform`'s translations is of the element's own box (`offsets.translation`)."""
    if name not in declared:
        return None
    values = declared[name].values
    offset = translation_px(name, values)
    if offset is None and name == "transform":
        offset = offsets.translation(values, offsets.own_width(declared, containing, _box_kind(declared, tag) == "block"), None)
    return offset


def _side(declared: Mapping[str, Declaration], longhand: str, shorthand: str, index: int, whole: float | None = None) -> float:
    """The length (px) a side's longhand sets, else its shorthand (`margin`, `inset`: `index` 0
    for the top, 1 for the left), a percentage of `whole` (px; for a `margin`'s top too, which
    is of the containing block's width); 0 when neither sets a length."""
    if longhand in declared:
        value = offsets.share_px(declared[longhand].values[0], whole)
    elif shorthand in declared:
        value = _top_and_left(declared[shorthand], whole)[index]
    else:
        return 0.0
    return 0.0 if value is None else value


def _indented_out(declared: Mapping[str, Declaration], indent: Declaration) -> bool:
    """Image replacement (`text-indent: 100%; white-space: nowrap; overflow: hidden`): content
    indented by the box's width or more, or by 1000px, kept on one line and clipped at the box's
    edge, is all outside what shows."""
    value = indent.values[0]
    pixels = length_px(value)
    if not ((value.type == "percentage" and abs(value.value) >= 100) or (pixels is not None and abs(pixels) >= -_FAR_OFF_SCREEN_PX)):
        return False
    wrapping = {declared[name].keyword for name in ("white-space", "text-wrap-mode", "text-wrap") if name in declared}
    return overflow_axes(declared)[0] in ("hidden", "clip") and bool(wrapping & {"nowrap", "pre"})


def _font_px(declared: Mapping[str, Declaration], parent: Rendering) -> float:
    """The element's font size in pixels: the one it sets, else its parent's."""
    size_declaration = declared.get("font-size") or declared.get("font")
    if size_declaration is None:
        return parent.font_px
    size = _font_size(size_declaration, parent.font_px, parent.root_font_px)
    return parent.font_px if size is None else size


def _colours(declared: Mapping[str, Declaration], parent: Rendering) -> tuple[Colour | None, Colour | None, bool]:
    """The element's text colour, the background colour behind its text, and whether its text is
    a `background-clip: text` effect, from its declarations (`declared`, after the cascade) and
    its parent's rendering. CSS-wide keywords read as CSS Cascading 4 has them: `color:
    inherit`, `unset` and `currentcolor` are the parent's colour (`revert`, the user agent's
    colour, is not read), `initial` is `CanvasText`; a background's `inherit`,
    `unset` and `initial` leave the parent's background behind the text, and `currentcolor` is
    the text colour."""
    text_colour = parent.colour
    if "color" in declared:
        text_colour = _declared_text_colour(declared["color"], parent)
    background = parent.background
    # (Both there, the longhand won: `declarations` drops one the shorthand overrides.)
    for name in ("background", "background-color"):
        if name in declared:
            keyword = declared[name].keyword
            if keyword in _BACKGROUND_BEHIND_KEYWORDS:
                background = parent.background
            elif keyword == "currentcolor":
                # The text's own colour behind it, whatever that is: where the page sets none (a
                # linked stylesheet may), the two are taken to be the browser's default.
                text_colour = background = text_colour or CANVAS_TEXT
            else:
                background = _background_colour(declared[name])
    image = declared.get("background-image")
    if image is not None and image.keyword not in _NO_PICTURE:
        # A picture is painted over the background colour; a gradient of one colour is that colour.
        background = _one_colour_gradient(image.values[0]) if len(image.values) == 1 else None
    elif image is not None and "background" in declared and "background-color" not in declared:
        # No picture after all: the shorthand's colour, not its image layers, is behind the text.
        background = _background_colour(declared["background"], images=False)
    clip = declared.get("background-clip") or declared.get("-webkit-background-clip")
    clipped_text = parent.clipped_text if clip is None else clip.keyword == "text"
    return text_colour, background, clipped_text


# The keywords of a background that leave the parent's background behind the text: the parent's
# own (inherited), or none (`initial`; and `unset`, a background not being inherited).
_BACKGROUND_BEHIND_KEYWORDS = frozenset({"inherit", "initial", "unset"})
# The keywords of `color` that are the parent's colour (`currentcolor` on `color` is the inherited
# value; `color` is inherited, so `unset` inherits too). `revert` is the user agent's colour,
# which is a link's own: not read.
_PARENTS_COLOUR_KEYWORDS = frozenset({"inherit", "unset", "currentcolor"})


def _declared_text_colour(declaration: Declaration, parent: Rendering) -> Colour | None:
    """The text colour a `color` declaration gives (see `_colours`); None when not read."""
    return parent.colour if declaration.keyword in _PARENTS_COLOUR_KEYWORDS else _text_colour(declaration)


# The gradients a background may paint, `-webkit-` ones too (Chromium reads their colours alike).
_GRADIENTS = GRADIENTS | {f"-webkit-{name}" for name in GRADIENTS}


def _one_colour_gradient(token: Any) -> Colour | None:
    """The colour of a gradient whose colour stops, two or more, are all one opaque colour
    (`linear-gradient(#000, #000)` paints black); None for any other value."""
    stops = gradient_stops(token, _GRADIENTS)
    if stops is None or len(stops) < 2 or len(set(stops)) != 1:
        return None
    return stops[0] if stops[0][3] == 1 else None


# The tokens of a background layer that place or size its image (`0 0 / 10px 10px`).
_PLACING_TOKENS = frozenset({"dimension", "percentage", "number"})


def _background_colour(declaration: Declaration, *, images: bool = True) -> Colour | None:
    """The colour a background declaration paints; None when an image or gradient may cover it.
    Without `images`, its colour alone (its image layers are replaced by `background-image: none`)."""
    found: Colour | None = None
    gradient: Colour | None = None
    layers = split_commas(declaration.values)
    for layer in layers if images else layers[-1:]:
        painted = _layer_paint(layer, images)
        if painted is None:
            return None  # an image, a gradient, or a colour the checker cannot work out
        covering, colour_painted = painted
        gradient = gradient or covering
        found = colour_painted or found
    if gradient is not None:
        return gradient
    if found is None and declaration.keyword in ("none", "transparent"):
        return None
    return found


def _layer_paint(layer: Sequence[Any], images: bool) -> tuple[Colour | None, Colour | None] | None:
    """What one layer of a background paints: the colour of an opaque one-colour gradient that
    covers the box (an image layer, painted over the colour: the first over the others), unless
    the layer sizes or places it (`0 0 / 0 0 no-repeat` paints nothing), and its colour; None
    when it holds an image or a colour the checker cannot work out. Without `images`, its image
    is left out."""
    covering: Colour | None = None
    found: Colour | None = None
    for token in layer:
        is_image = token.type == "url" or (token.type == "function" and token.lower_name in _GRADIENTS)
        if is_image and not images:
            continue
        painted = colour(token) or _one_colour_gradient(token)
        if token.type == "url" or (token.type == "function" and painted is None):
            return None
        if not is_image:
            found = painted or found
        elif not any(t.type in _PLACING_TOKENS or t == "/" for t in layer):
            covering = covering or painted
    return covering, found


def _hidden_by_layout(root: Any, sheets: list[str], lowered: str, index: _ElementIndex, style: PageStyle) -> tuple[flow_clip.Pushed, Mapping[Any, Any]] | None:
    """What the layout around them hides of the page's elements, as `flow_clip.Pushed` (whole
    elements, elements whose own text is hidden, text after elements) with the cover painted over
    each element a cover hides (`paint_order.Painted.by`), or None when nothing:
    something opaque painted over them (`paint_order`: an image's own outline too), the flow
    pushing them below a clipping box's bottom (`flow_clip`), a grid track of no size
    (`grid_tracks`), an image with no content box to draw its picture in (`content_box`)."""
    from compliance.document.paint_order import outlined_over, painted_over

    painted = painted_over(root, sheets, lowered, index)
    pushed = _pushed_out(root, sheets, lowered, index, style)
    collapsed = _collapsed_grid_items(root, lowered, style)
    if "@media" in lowered:
        # Rules under several queries that together every screen meets (`screen_hiding`).
        from compliance.document.screen_hiding import hidden_on_every_screen

        collapsed |= hidden_on_every_screen(root, tuple(sheets), index.may_match)
    pictureless = _pictureless_images(root, lowered, style) | style.css_small
    # An image under its own outline (`paint_order.outlined_over`): a page whose CSS names no
    # `outline-offset` pays this search of its text, already lowered.
    if "outline-offset" in lowered:
        pictureless |= outlined_over(root, style)
    if not (painted.whole or painted.own_text or pushed is not flow_clip.NOTHING_PUSHED or collapsed or pictureless):
        return None
    return flow_clip.Pushed(painted.whole | pushed.whole | collapsed | pictureless, painted.own_text | pushed.own_text, pushed.tails), painted.by


# A width or height, or a maximum one, under 6px in px in the page's CSS (lowered): `width:5px`,
# `max-height: .5px` (not `border-width`, `line-height` or `min-width`).
_SMALL_PX_SIZE = re.compile(r"(?<![-\w])(?:max-)?(?:width|height)\s*:\s*(?:[0-5](?:\.\d*)?|\.\d+)px")
# What sizes an image's box (`_picture_too_small`), read on demand.
_PICTURE_SIZING = tuple(name for axis in _AXES for name in axis[:3])


def _css_small_images(root: Any, lowered: str, style: PageStyle) -> frozenset[Any]:
    """The images the page's CSS (`<style>` rules every screen meets, or a `style` attribute)
    sizes under 6px on a side in px (`_picture_too_small`: `.logo{width:5px;height:5px}`), read
    from the page's whole cascade where its CSS (`lowered`, as `_pictureless_images` takes it)
    names such a size; none elsewhere. An image a rule some screens only meet sizes is not judged."""
    if _SMALL_PX_SIZE.search(lowered) is None:
        return frozenset()
    images = [image for image in root.iter(*IMAGE_TAGS) if isinstance(image.tag, str)]
    if not images:
        return frozenset()
    every = style.on_demand_of(images, _PICTURE_SIZING, every_screen=True)
    small = [(image, declared) for image, declared in zip(images, every, strict=True) if _picture_too_small(declared)]
    if not small:
        return frozenset()
    anywhere = style.on_demand_of([image for image, _ in small], _PICTURE_SIZING)
    return frozenset(image for (image, declared), all_screens in zip(small, anywhere, strict=True) if declared == all_screens)


def _pictureless_images(root: Any, lowered: str, style: PageStyle) -> frozenset[Any]:
    """The images whose paddings and borders leave no content box for their picture
    (`content_box.empty`), read from the page's whole cascade where its CSS (`lowered`: its
    `<style>` blocks and `style` attributes, in lower case) names `border-box`; none elsewhere."""
    if "border-box" not in lowered:
        return frozenset()
    images = [image for image in root.iter(*IMAGE_TAGS) if isinstance(image.tag, str)]
    if not images:
        return frozenset()
    # A vertical `writing-mode` turns the flow-relative borders sideways: not read on such a page.
    flow_relative = "vertical" not in lowered and "sideways" not in lowered
    # Their paddings and borders (most of a site's rules that size anything) are matched only
    # for the images whose sizes may leave no room (`content_box.may_be_empty`).
    from compliance.document import content_box

    sized = style.on_demand_of(images, content_box.SIZES)
    images = [image for image, declared in zip(images, sized, strict=True) if content_box.may_be_empty(declared, _size_attributes(image))]
    if not images:
        return frozenset()
    declared_of = style.on_demand_of(images, content_box.SIZING)
    return frozenset(
        image
        for image, declared in zip(images, declared_of, strict=True)
        if content_box.empty(declared, flow_relative=flow_relative, attributes=_size_attributes(image))
    )


def _size_attributes(image: Any) -> dict[str, float]:
    """The `width` and `height` in px an `<img>`'s attributes give it, which size it where its CSS
    does not (an AMP component's lay it out by its `layout`: not read)."""
    if image.tag.lower() != "img":
        return {}
    return {name: size for name in ("width", "height") if (size := attribute_pixels(image.get(name))) is not None}


def _css_sized_images(root: Any, sheets: Sequence[str], index: _ElementIndex) -> frozenset[Any]:
    """The images under 6px across or high by their `width`/`height` attributes whose CSS
    (`<style>` rules or a `style` attribute) sets that size to more, or to `auto`: CSS overrides
    the attributes, as in browsers (WordPress writes `width="1" height="1"` on an SVG upload and
    themes size it with CSS). An axis the CSS leaves alone keeps its attribute."""
    small = [image for image in root.iter("img") if _tiny_by_attributes(image)]
    if not small:
        return frozenset()
    matched: _Matched = {}
    rules = page_rules(tuple(sheets))
    scope = _Scope(small, index)
    for order in rules.declaring(("width", "height")):
        rule = rules.rules[order]
        sizes = [d for d in rule.declarations if d.name in ("width", "height")]
        _match_rule(rule, order, sizes, matched, scope.select, rules.ranks)
    cascade = PageStyle(matched)
    return frozenset(image for image in small if _sized_larger(cascade.declarations(image), image))


def _tiny_by_attributes(element: Any) -> bool:
    """True when an image's `width` or `height` attribute draws it under 6px (`drawn_too_small`, `drawn_by_attribute`)."""
    return any((value := drawn_by_attribute(element, name)) is not None and drawn_too_small(value) for name in ("width", "height"))


# The AMP layouts that draw a component at its `width` and `height` attributes (`intrinsic` at most
# at them); the others scale it to its container (`responsive`, `fill`, `flex-item`), size it by
# the CSS (`container`) or take its width from the container (`fixed-height`: its height alone).
_AMP_ATTRIBUTE_LAYOUTS = frozenset({"fixed", "intrinsic"})


def drawn_by_attribute(element: Any, name: str) -> float | None:
    """The width or height (`name`) in px an image's attribute draws it at: the attribute's
    pixels, but of an AMP component only in a layout that keeps them (`_AMP_ATTRIBUTE_LAYOUTS`;
    with no `layout`, `responsive` where it has `sizes` or `heights`, else `fixed`):
    `<amp-img width="4" height="3" layout="responsive">` fills its container's width."""
    value = attribute_pixels(element.get(name))
    if value is None or not isinstance(element.tag, str) or not element.tag.lower().startswith("amp-"):
        return value
    layout = (element.get("layout") or "").strip().lower()
    if not layout:
        layout = "responsive" if element.get("sizes") is not None or element.get("heights") is not None else "fixed"
    if layout == "fixed-height":
        return value if name == "height" else None
    return value if layout in _AMP_ATTRIBUTE_LAYOUTS else None


def _sized_larger(declared: Mapping[str, Declaration], element: Any) -> bool:
    """True when the CSS sets a width or height and leaves neither axis under 6px (a size the
    checker cannot work out, a percentage or `auto`, counts as larger)."""
    if not any(name in declared for name in ("width", "height")):
        return False
    for name in ("width", "height"):
        value = _known_size(declared, element, name)
        if value is not None and drawn_too_small(value):
            return False
    return True


def _unknown_background(declaration: Declaration) -> bool:
    """True when a background declaration paints something the checker cannot work out (an
    image, a gradient, an unresolved `var()`): the text over it is then given no judgement."""
    return _background_colour(declaration) is None and declaration.keyword not in _NO_PICTURE


def is_image_input(element: Any, tag: str) -> bool:
    """True for an `<input type="image">` (the type in any case, as HTML reads an enumerated
    attribute): an image button, which draws the picture of its `src` as an `<img>` does, its
    `alt` the picture's text alternative (HTML 4.10.5.1.19)."""
    return tag == "input" and (element.get("type") or "").lower() == "image"


def is_seen(element: Any, tag: str, rendering: Rendering, css_sized: frozenset[Any] = frozenset()) -> bool:
    """Whether a reader sees the element itself: an image (an image button too: `is_image_input`)
    when its box shows, it has a picture to load and it is 6px or larger (by its attributes,
    unless it is in `css_sized`: see `PageStyle.css_sized`), a container when its box shows, a
    leaf element when its text shows."""
    if tag in IMAGE_TAGS or is_image_input(element, tag):
        tiny = element not in css_sized and is_tiny_image(element)
        return rendering.shows_boxes and not tiny and not loads_nothing(element) and not faded_into_background(rendering)
    return rendering.shows_boxes if len(element) else rendering.shows_text


def too_small(element: Any, tag: str, rendering: Rendering, style: PageStyle) -> bool:
    """Whether an element a reader does not see (or whose text is not read) is unseen for its
    size, as far as the walk can tell: an image under 6px by its CSS in px (`PageStyle.css_small`)
    or, its box shown, by its attributes (`_tiny_by_attributes`, where CSS sets no larger size);
    text under 6px, by its font size or the scales and zooms drawing it, in a box that shows and
    hides it no other way (`Rendering.shows_text`). Only to word why it is not seen."""
    if tag in IMAGE_TAGS or is_image_input(element, tag):
        if element in style.css_small:
            return True
        return rendering is not HIDDEN and rendering.shows_boxes and element not in style.css_sized and _tiny_by_attributes(element)
    if rendering is HIDDEN or not rendering.shows_boxes or rendering.blends_in or rendering.masked or rendering.squeezed or rendering.blurred:
        return False
    return rendering.text_hidden or rendering.shrunk


# The corners of the sRGB cube: the colours farthest from any background, one of which is the
# most a picture's pixels can differ from it.
_EXTREME_COLOURS: Final = tuple((float(r), float(g), float(b), 1.0) for r in (0, 1) for g in (0, 1) for b in (0, 1))


def faded_into_background(rendering: Rendering) -> bool:
    """True when the opacity in force (`Fading.opacity`, nested ones multiplied) leaves no colour
    a picture may hold distinguishable from the opaque background behind it (the test text
    colours get, `text_blends_in`, of each corner of the sRGB cube at that opacity): a logo at
    `opacity: 0.03` on white paints at most `#f8f8f8`-like pixels. Not judged where the background
    is not known or the colour filters in force are not read."""
    opacity = rendering.fading.opacity
    background = rendering.background
    if opacity >= 1 or background is None or background[3] != 1 or rendering.colour_filter != ():
        return False
    return all(text_blends_in(faded(corner, opacity), background, False) for corner in _EXTREME_COLOURS)


def is_tiny_image(element: Any) -> bool:
    """True when an image is under 6px across or high by its `width`/`height` attributes
    (`drawn_too_small`), or 2px or less — when it has no such attributes, nor a lazy-loader address to replace its picture with — when
    every picture a reader's browser can choose for it (see `shown_pictures`) is a `data:` image
    whose own size says so (`data_image_size`: a PNG, GIF or WebP header, an SVG's size); its CSS
    size is judged by `render`."""
    for name in ("width", "height"):
        value = drawn_by_attribute(element, name)
        if value is not None and drawn_too_small(value):
            return True
    if element.get("width") or element.get("height"):
        return False
    if element.get("srcset") is None and "data:" not in (element.get("src") or "") and _in_picture(element) is None:
        return False  # no embedded picture nor candidates (the usual image): nothing to read
    if any(_names_a_picture(element.get(name), srcset=name in IMAGE_SRCSET_ATTRIBUTES) for name in LOADER_SOURCE_ATTRIBUTES):
        return False  # a placeholder the loader replaces
    choices = _shown_candidates(element)
    return bool(choices) and all(_drawn_tiny(url, descriptor, sizes) for candidates, sizes in choices for url, descriptor in candidates)


# The density (`Nx`) at or over which a picture of unknown size is drawn too small to be seen: the
# share of its size left is that of a `zoom` of `NEGLIGIBLE_SCALE` (a 1000px logo at 500x is 2px).
_VANISHING_DENSITY = 1 / NEGLIGIBLE_SCALE
_DENSITY = re.compile(r"^(\d+(?:\.\d+)?|\.\d+)x$")
_WIDTH_DESCRIPTOR = re.compile(r"^\d+w$")
_SOURCE_SIZE_PX = re.compile(r"^(\d+(?:\.\d+)?|\.\d+)px$|^0$")


def _drawn_tiny(url: str, descriptor: str, sizes: str) -> bool:
    """True when a `srcset` candidate is drawn under 6px across or high (`drawn_too_small`; a
    `data:` picture of 2px or less of its own at 1x, a blank) in an image with no
    `width`/`height` to size it (HTML, 4.8.4.3 "Images"): its natural size is its own (known for a
    `data:` picture: `data_image_size`) over its density — `1000x` draws any picture of unknown
    size at a thousandth (`_VANISHING_DENSITY`), a `w` descriptor draws it as wide as `sizes`
    says (`600w` with `sizes="1px"`: 1px wide); a candidate without one is 1x."""
    density = _DENSITY.match(descriptor)
    if density is not None:
        factor = float(density.group(1))
        size = data_image_size(url) if url.startswith("data:") else None
        if factor <= 0:
            return False  # not a valid density: the browser drops the candidate, not judged here
        return factor >= _VANISHING_DENSITY if size is None else drawn_too_small(min(size) / factor)
    if _WIDTH_DESCRIPTOR.match(descriptor):
        return _tiny_data_image(url) or _sizes_tiny(sizes)
    return descriptor == "" and _tiny_data_image(url)


def _sizes_tiny(sizes: str) -> bool:
    """True when every width a `sizes` attribute gives (each source size's last value, whatever
    its media condition) is under 6px in px (`drawn_too_small`); False for one in another unit, `auto` or none (the
    default is `100vw`)."""
    entries = [entry.split()[-1] for entry in sizes.lower().split(",") if entry.strip()]
    for entry in entries:
        found = _SOURCE_SIZE_PX.match(entry)
        if found is None or (found.group(1) is not None and not drawn_too_small(float(found.group(1)))):
            return False
    return bool(entries)


def svg_clips_everything(element: Any, style: PageStyle) -> bool:
    """True for an `<svg>` of no width or height (2px or less, by its attributes or the page's
    CSS): an `<svg>` in a page clips what it holds to its box (the user-agent style gives it
    `overflow: hidden`), so nothing in it shows, `<foreignObject>` content included, unless the
    page sets `overflow: visible`."""
    if style.overflow_shown:
        return False  # a rule may let it overflow, and such rules are not matched
    declared = style.declarations(element)
    sizes = [attribute_pixels(element.get(name)) for name in ("width", "height")]
    sizes += [length_px(declared[name].values[0]) for name in ("width", "height") if name in declared]
    if not any(size is not None and size <= _TINY_BOX_PX for size in sizes):
        return False
    # The `overflow` attribute is a presentation attribute, which any CSS declaration overrides.
    initial = "visible" if (element.get("overflow") or "").strip().lower() == "visible" else "hidden"
    return "visible" not in overflow_axes(declared, initial)


# The presentation attributes of an `<svg>` that can hide it (SVG 2, 6.6): hints for the CSS
# property of the same name, below all the page's CSS, as `<font color>` is.
_SVG_HIDING_ATTRIBUTES = ("display", "visibility", "opacity")


def _svg_presentation(root: Any) -> list[Any]:
    """The `<svg>`s with a presentation attribute that can hide them, in document order: found
    among the page's `<svg>`s (a search by name, a quarter of the cost of an XPath predicate
    tested on every element, `//svg[@display or …]`)."""
    return [svg for svg in root.iter("svg") if any(svg.get(name) is not None for name in _SVG_HIDING_ATTRIBUTES)]


def svg_presentation(element: Any) -> list[Declaration]:
    """The declarations an `<svg>`'s `display`, `visibility` and `opacity` attributes stand for;
    a value that is not one valid value of its property (`block;opacity:0`) is none, as in browsers."""
    found = []
    for name in _SVG_HIDING_ATTRIBUTES:
        value = element.get(name)
        if value is None or any(c in value for c in ";{}!"):
            continue
        read = parse_style_attribute(f"{name}:{value}")
        if len(read) == 1 and read[0].name == name:
            found.append(read[0])
    return found


def svg_is_seen(element: Any, rendering: Rendering, style: PageStyle) -> bool:
    """Whether a reader sees an inline `<svg>` as a picture (a logo drawn in the page): its box
    shows and it is more than 2px across and high, as an `<img>` must be. Each axis is measured by
    the page's CSS (`<style>` rules or the `style` attribute), else by the `width`/`height`
    attribute; an `<svg>` with neither (a `viewBox` alone) is 300×150px, as in browsers. Its
    `display="none"`, `visibility="hidden"` or `opacity="0"` attribute hides it unless the page's
    CSS sets that property on it (`svg_presentation`). `aria-hidden` plays no part: it hides from assistive technology, not from sight.
    One that holds nothing that may paint (`svg_drawing.holds_nothing_to_paint`: a `<title>`
    alone) is a blank box, not a picture."""
    if not rendering.shows_boxes or holds_nothing_to_paint(element):
        return False
    declared = style.declarations(element)
    if any(_can_hide(d) for d in svg_presentation(element) if d.name not in declared):
        return False
    for name in ("width", "height"):
        size = length_px(declared[name].values[0]) if name in declared else attribute_pixels(element.get(name))
        if size is not None and drawn_too_small(size):
            return False
    return True


def _tiny_data_image(url: str) -> bool:
    size = data_image_size(url) if url.startswith("data:") else None
    return size is not None and min(size) <= _TINY_IMAGE_PX


# Image types every reader's browser shows (a `<source>` of another type, `image/jxl`, is skipped by some).
_EVERY_BROWSER_TYPES = frozenset({"", "image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml", "image/avif"})


def shown_pictures(element: Any) -> list[tuple[str, ...]]:
    """The sets of pictures a browser chooses among for an image, one set per kind of reader, as
    the HTML standard selects them: the `srcset` of the first `<source>` of its `<picture>` that
    the reader's screen and browser meet (one with a `media` query or an uncommon `type` is met by
    some readers only, and the next is then a choice too), else the image's own `srcset` with its
    `src` as the 1x picture when the `srcset` gives none, else its `src`. Empty sets are left out."""
    return [tuple(url for url, _ in candidates) for candidates, _ in _shown_candidates(element)]


def _shown_candidates(element: Any) -> list[tuple[tuple[tuple[str, str], ...], str]]:
    """`shown_pictures` with each picture's descriptor (`srcset_candidates`; the `src` is `1x`)
    and, per set, the `sizes` attribute of the `<source>` or image that gives it ("" when none)."""
    choices: list[tuple[tuple[tuple[str, str], ...], str]] = []
    picture = _in_picture(element)
    if picture is not None:
        for source in picture.iter("source"):
            found = tuple(srcset_candidates(source.get("srcset") or ""))
            if not found:
                continue
            choices.append((found, source.get("sizes") or ""))
            media = " ".join((source.get("media") or "").lower().split())
            kind = (source.get("type") or "").strip().lower()
            if (not media or media in ("all", "screen")) and kind in _EVERY_BROWSER_TYPES:
                return choices  # every reader's browser takes this one
    candidates = srcset_candidates(element.get("srcset") or "")
    source = (element.get("src") or "").strip()
    if source and not any(descriptor in ("", "1x") or descriptor.endswith("w") for _, descriptor in candidates):
        candidates.append((source, "1x"))
    if candidates:
        choices.append((tuple(candidates), element.get("sizes") or ""))
    return choices


def shown_sources(element: Any) -> tuple[str, ...]:
    """The URLs of every picture a browser may paint for an image, as written, in order: a
    lazy-loader's (`data-src`, `data-srcset`, `data-lazy-src`, …) when it names one, since the
    loader puts it in place of the `src` placeholder; else each picture `shown_pictures` lets
    some reader's browser choose (a `<picture>`'s `<source>` over the `<img>`, a `srcset`
    candidate over `src`). Unlike `image_sources`, an address the browser never paints (a `src`
    that a `srcset`'s 1x candidate replaces) is left out."""
    loader = [
        url
        for name in LOADER_SOURCE_ATTRIBUTES
        if _names_a_picture(value := element.get(name), srcset=name in IMAGE_SRCSET_ATTRIBUTES)
        for url in ([url for url, _ in srcset_candidates(value or "")] if name in IMAGE_SRCSET_ATTRIBUTES else [(value or "").strip()])
    ]
    if loader:
        return tuple(dict.fromkeys(loader))
    return tuple(dict.fromkeys(url for choice in shown_pictures(element) for url in choice))


def _in_picture(element: Any) -> Any:
    """The `<picture>` around an image (libxml2 nests an `<img>` inside the `<source>` before it:
    it is a few levels up), or None."""
    for ancestor in itertools.islice(element.iterancestors(), 3):
        if isinstance(ancestor.tag, str) and ancestor.tag.lower() == "picture":
            return ancestor
    return None


def srcset_candidates(value: str) -> list[tuple[str, str]]:
    """The (URL, descriptor) pairs of a `srcset`, parsed as the HTML standard does: a URL is a run
    of non-spaces (so the commas inside a `data:` placeholder stay in it), its descriptor (`2x`,
    `640w`; lower-cased, empty when there is none) runs to the next comma."""
    found = []
    position, length = 0, len(value)
    while position < length:
        while position < length and (value[position].isspace() or value[position] == ","):
            position += 1
        start = position
        while position < length and not value[position].isspace():
            position += 1
        url = value[start:position]
        descriptor = ""
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            end = value.find(",", position)
            end = length if end < 0 else end
            descriptor = value[position:end].strip().lower()
            position = end
        if url:
            found.append((url, descriptor))
    return found


def data_image_size(uri: str) -> tuple[float, float] | None:
    """(width, height) in pixels of a `data:` image, read from the image itself: the header of a
    base64 PNG, GIF, WebP or JPEG (its frame header, after the segments before it), or the
    `width`/`height` (in px or without a unit, else its `viewBox`) of an SVG, base64 or
    percent-encoded (`data_svg_size`). None for other images, a size given in other units, and
    anything malformed (see `data_images.undrawable` for what no browser draws). The URL is read
    as a browser reads it (`data_urls.read_data_url`)."""
    read = read_data_url(uri)
    if read is None:
        return None
    if read.media_type == "image/svg+xml":
        return data_svg_size(read.body)
    if not read.base64:
        return None
    data = read.body
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return int(width), int(height)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp_size(data)
    if data[:3] == b"\xff\xd8\xff":
        return jpeg_size(data)
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    """The canvas size a WebP file's first chunk gives (Google's WebP container specification):
    `VP8 ` (lossy: the key frame's 14-bit sizes), `VP8L` (lossless: 14-bit sizes less one) or
    `VP8X` (extended: 24-bit sizes less one)."""
    chunk = data[12:16]
    if chunk == b"VP8 " and len(data) >= 30 and data[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and len(data) >= 25 and data[20] == 0x2F:
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X" and len(data) >= 30:
        return int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1
    return None


_SVG_LENGTH = on_first_use(r"\s*([+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*(?:px)?\s*$", re.IGNORECASE)


def data_svg_size(body: bytes) -> tuple[float, float] | None:
    """(width, height) in pixels of the SVG a `data:` URL holds (its decoded body), as an `<img>`
    sizes it: the root's `width` and `height` in px or without a unit, and for one not given the
    `viewBox`'s. None for another unit (`%`, `em`), a size neither gives, more than
    `data_images.MAX_DATA_SVG_BYTES`, or anything that is not an SVG document (`svg_root`)."""
    root = svg_root(body)
    if root is None:
        return None
    width, height = _svg_length(root.get("width")), _svg_length(root.get("height"))
    if width is False or height is False:
        return None  # a size in another unit
    box = _view_box(root.get("viewBox"))
    if box is not None:
        # A side not given follows the viewBox: its own size, or its aspect ratio to the side given.
        if width is None and height is None:
            width, height = box
        elif width is None and height is not None and box[1]:
            width = height * box[0] / box[1]
        elif height is None and width is not None and box[0]:
            height = width * box[1] / box[0]
    return (width, height) if width is not None and height is not None else None


def _svg_length(value: str | None) -> float | bool | None:
    """An SVG root's `width` or `height` in pixels (px or no unit); None when not given, False
    when given in another unit (`%`, `em`), whose pixels are not known here."""
    if value is None:
        return None
    match = _SVG_LENGTH().match(value)
    return float(match.group(1)) if match else False


def _view_box(value: str | None) -> tuple[float, float] | None:
    """The width and height of an SVG `viewBox` (four numbers, by spaces or commas); None when it is not one."""
    parts = (value or "").replace(",", " ").split()
    if len(parts) != 4:
        return None
    try:
        width, height = float(parts[2]), float(parts[3])
    except ValueError:
        return None
    return (width, height) if width >= 0 and height >= 0 and math.isfinite(width) and math.isfinite(height) else None
