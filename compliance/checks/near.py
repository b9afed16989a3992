"""`near` — two things close together, optionally in order: an affiliation next to the byline, a
logo directly above the reporter's name, a credit line above the body.

Distance is counted in blocks (paragraphs, headings, images, text lines: `within-blocks: 1` means
adjacent) and/or in characters of visible text (`within-chars`). An image a reader does not see,
a decorative one (`alt=""`: a divider), and an icon (64px or less by its attributes, or an inline
`<svg>` its attributes do not size larger: an author's avatar, the glyph before a byline, share
buttons) are not blocks between the two, nor is the caption (`<figcaption>`) of a figure either
of the two sits in: a logo and its caption are one thing. `order: a-before-b` requires `a` to
come first.

What it finds is every hit of `b` close to a hit of `a`, the first pair first: a check that reads
the hits' addresses (`same-id`) weighs each link of a credit line, not only its first.

Example (DCNF's own layout: the logo directly above the reporter's name)::

    near:
      a: {element: {selector: img, attributes: {alt: 'Daily Caller News Foundation logo'}}}
      b: {byline: {}}
      within-blocks: 1
      order: a-before-b

Passes::

    <article><img src="/dcnf.png" alt="Daily Caller News Foundation logo"><p class="byline">Jake Smith Contributor</p><p>Story.</p></article>

Fails::

    <article><p class="byline">Jake Smith Contributor</p><p>Story.</p><img src="/dcnf.png" alt="Daily Caller News Foundation logo"></article>
"""

from __future__ import annotations

from typing import Any, NamedTuple

from compliance.checks.base import Check, Context, Hit, Outcome, describe_check, explained_later
from compliance.document import Document, Image, Item, attribute_pixels
from compliance.document.elements import tag_name
from compliance.options import Option
from compliance.text import counted, shorten

OPTIONS = (
    Option("a", "check", "The first thing (any check)."),
    Option("b", "check", "The second thing (any check)."),
    Option("within-blocks", "integer", "Most blocks apart (1 = adjacent).", default=None, minimum=0),
    Option("within-chars", "integer", "Most characters of visible text apart.", default=None, minimum=0),
    Option("order", "enum", "Required order.", default="any", choices=("any", "a-before-b", "b-before-a")),
)


class NearParams(NamedTuple):
    """Validated parameters of a `near` check."""

    a: Check
    b: Check
    within_blocks: int | None
    within_chars: int | None
    order: str


def build(values: dict[str, Any]) -> NearParams:
    """Parameters from validated option values."""
    return NearParams(values["a"], values["b"], values["within_blocks"], values["within_chars"], values["order"])


def _close(doc: Document, a: Hit, b: Hit, params: NearParams) -> bool:
    # Order by block, then by position inside the block (a credit line and the sentence after it
    # in one paragraph).
    first, second = (a.index, a.offset), (b.index, b.offset)
    if params.order == "a-before-b" and not first < second:
        return False
    if params.order == "b-before-a" and not second < first:
        return False
    if params.within_blocks is not None and _blocks_apart(doc, a.index, b.index) > params.within_blocks:
        return False
    return params.within_chars is None or abs(a.offset - b.offset) <= params.within_chars


def _blocks_apart(doc: Document, index_a: int, index_b: int) -> int:
    """How many blocks apart two items are, not counting the images between them that separate
    nothing for a reader (`_separates`)."""
    low, high = sorted((index_a, index_b))
    if high - low <= 1:
        return high - low
    counted: list[int] | None = doc._memo.get("near_counted_items")
    if counted is None:
        # counted[i]: how many of items[0:i] separate what is around them (one pass per document).
        counted = [0]
        for item in doc.items:
            counted.append(counted[-1] + _separates(item))
        doc._memo["near_counted_items"] = counted
    apart = counted[high] - counted[low + 1] + 1
    if apart > 1:
        apart -= len(_own_captions_between(doc, low, high))
    return apart


def _own_captions_between(doc: Document, low: int, high: int) -> set[int]:
    """The items strictly between `low` and `high` that are the caption (`<figcaption>`) of the
    figure either of the two sits in and would count as blocks: a figure's caption belongs to it,
    so a logo and its caption are one thing above a byline (WordPress's image block). Another
    figure's caption, or a second image in the same figure, still comes between."""
    found: set[int] = set()
    for index, step in ((low, 1), (high, -1)):
        # A match outside every item (the page's head) has an index past the last item.
        figure = _figure_of(doc.items[index].element) if 0 <= index < len(doc.items) else None
        if figure is None:
            continue
        inside = set(figure.iter())
        captions = {e for child in figure if tag_name(child) == "figcaption" for e in child.iter()}
        # The figure's items are consecutive: walk from the end inside it, never past the other end.
        at = index + step
        while low < at < high and doc.items[at].element in inside:
            if doc.items[at].element in captions and _separates(doc.items[at]):
                found.add(at)
            at += step
    return found


def _figure_of(element: Any) -> Any:
    """The nearest `<figure>` holding `element`, or None (a text article's items have no element)."""
    if element is None:
        return None
    return next((node for node in (element, *element.iterancestors()) if tag_name(node) == "figure"), None)


# An image this small or smaller on both sides is an icon (an author's avatar, a share button, the
# person glyph before a byline): it sits in a line, not between lines.
_ICON_PX = 64.0


def _separates(item: Item) -> bool:
    """Whether an item between two things puts a block between them: text does; an image only
    when a reader sees it, it means something (its alt text is not declared empty) and it is no
    icon (`_ICON_PX`). An inline `<svg>` is an icon unless its attributes size it larger: pages
    draw their icons so, and size them in stylesheets the checker does not read."""
    if not isinstance(item, Image):
        return True
    element = item.element
    if not item.visible or (element is not None and element.get("alt") == ""):
        return False
    width, height = attribute_pixels(item.width), attribute_pixels(item.height)
    if element is not None and element.tag == "svg":
        return width is not None and height is not None and max(width, height) > _ICON_PX
    return width is None or height is None or max(width, height) > _ICON_PX


def describe(params: NearParams) -> str:
    """Both things and how close they must be."""
    return f"{describe_check(params.a)} {_requirement(params)} {describe_check(params.b)}"


def _requirement(params: NearParams) -> str:
    """How close, in words: "directly above", "in the same block as", "within 3 blocks after",
    "within 200 characters of"."""
    if params.within_blocks == 1 and params.within_chars is None and params.order != "any":
        return "directly above" if params.order == "a-before-b" else "directly below"
    if params.within_blocks == 0 and params.within_chars is None:
        return {"any": "in the same block as", "a-before-b": "in the same block before", "b-before-a": "in the same block after"}[params.order]
    distance = []
    if params.within_blocks is not None:
        distance.append(counted(params.within_blocks, "block"))
    if params.within_chars is not None:
        distance.append(f"{params.within_chars} characters")
    within = f"within {' and '.join(distance)} " if distance else ""
    return within + {"any": "of", "a-before-b": "before", "b-before-a": "after"}[params.order]


def evaluate(doc: Document, params: NearParams, ctx: Context) -> Outcome:
    """Find the pairs of hits of `a` and `b` within the distance: a hit for each hit of `b` close
    to one of `a` (paired with the first such), the first pair found first."""
    first, second = ctx.run(params.a), ctx.run(params.b)
    hits_a = first.hits if first.passed else ()
    hits_b = second.hits if second.passed else ()
    pairs = [(hit_a, hit_b) for hit_a in hits_a for hit_b in hits_b if _close(doc, hit_a, hit_b, params)]
    if pairs:
        # Every one of `b`'s hits near `a`, not the first alone: a check reading their addresses
        # (`same-id`) weighs each link of a credit line, not only the first it holds.
        first_pair_of_each_b: dict[int, tuple[Hit, Hit]] = {}
        for hit_a, hit_b in pairs:
            first_pair_of_each_b.setdefault(id(hit_b), (hit_a, hit_b))
        found = tuple(_pair_hit(hit_a, hit_b) for hit_a, hit_b in first_pair_of_each_b.values())
        return Outcome(True, found, caveat=first.caveat or second.caveat)
    # The lines named in the detail and the anchor cost a search of the source each: worked out
    # when a report asks (see `Outcome`).
    anchor = hits_b[0].where if hits_b else hits_a[0].where if hits_a else doc.article_location
    return Outcome(False, (), explained_later(lambda: _apart(doc, params, first, second)), anchor)


def _pair_hit(hit_a: Hit, hit_b: Hit) -> Hit:
    """A pair as one hit: at `b`'s place, with both evidences and both hits' captures."""
    evidence = f"{hit_a.evidence} (line {hit_a.location.line}) next to {hit_b.evidence} (line {hit_b.location.line})"
    return Hit(hit_b.index, hit_b.where, evidence, hit_a.captures + hit_b.captures, hit_b.offset)


def _apart(doc: Document, params: NearParams, first: Outcome, second: Outcome) -> str:
    """Why the pair was not found: one of them is missing, or where both are and how far apart."""
    hits_a = first.hits if first.passed else ()
    hits_b = second.hits if second.passed else ()
    what_a, what_b = describe_check(params.a), describe_check(params.b)
    if not hits_a or not hits_b:
        return (first if not hits_a else second).detail or f"no {what_a if not hits_a else what_b}"
    hit_a, hit_b = hits_a[0], hits_b[0]
    apart = _blocks_apart(doc, hit_a.index, hit_b.index)
    shown_b = f"{what_b} '{shorten(hit_b.evidence, 60)}'" if what_b.startswith("byline") else what_b
    distance = f"{counted(apart, 'block')} apart" if apart else "in the same block, in the wrong order"
    return (
        f"the {what_a} (line {hit_a.location.line}) and the {shown_b} (line {hit_b.location.line}) are {distance};"
        f" the {what_a} must be {_requirement(params)} the {what_b}"
    )
