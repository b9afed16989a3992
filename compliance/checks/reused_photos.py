"""`reused-photos` — photos reused from the original story whose credit names a third-party
agency (Getty Images, AP, AFP, Reuters): the publisher's license does not cover them.

A photo is reused when one of its image URLs loads the same file as an image of the original
(size variants such as `-1024x683` are the same file), or when its credit line is also in the
original. Its credit is its `<figcaption>`, the short caption line right after it, or its alt
text; in plain text, where a photo shows only as its credit line ("(Photo by NAME/AFP via Getty
Images)"), the credit line itself. A photo that loads the same file as one of the original's, with
no agency in its own credit (dropped, or replaced by "File photo"), is credited as the original
credits it, and its hit's evidence says so. Each reused agency photo is one hit quoting the credit; credits
matching `allowed` (a publisher that lets its photos be reused) are fine. Without an original story
the rule is not run: the file's `no-original` note names it. Captures: `credit`.

Example (no agency photo copied from the original)::

    reused-photos: {}

Original::

    <article>
    <h1>Title</h1>
    <figure><img src="https://cdn.example.org/2024/06/flood-1024x683.jpg" alt="Flooded street">
    <figcaption>Residents wade through water. (Photo by Ann Lee/AFP via Getty Images)</figcaption>
    </figure>
    <p>Story.</p>
    </article>

Passes::

    <article>
    <h1>Title</h1>
    <figure><img src="https://cdn.example.org/2024/06/own-photo.jpg" alt="Our reporter's photo">
    <figcaption>Photo by our staff</figcaption>
    </figure>
    <p>Story.</p>
    </article>

Fails::

    <article>
    <h1>Title</h1>
    <figure><img src="https://cdn.example.org/2024/06/flood.jpg" alt="Flooded street">
    <figcaption>Residents wade through water. (Photo by Ann Lee/AFP via Getty Images)</figcaption>
    </figure>
    <p>Story.</p>
    </article>
"""

from __future__ import annotations

import re
import urllib.parse
from typing import Any, NamedTuple

from compliance.checks.base import Context, Hit, Outcome
from compliance.document import Block, Document, Image, text_of
from compliance.firstuse import on_first_use
from compliance.options import Option
from compliance.patterns import Pattern, compile_pattern
from compliance.text import normalize_inline

DEFAULT_AGENCIES = r"Getty\s+Images|\bAP\s+Photo\b|Associated\s+Press|\bAFP\b|\bReuters\b"
# The values each hit captures, for `{placeholders}` in a rule's message: the agency credit found.
CAPTURES = frozenset(("credit",))

OPTIONS = (
    Option("agencies", "regex", "Regex of the agencies whose photos the publisher cannot license.", default=DEFAULT_AGENCIES),
    Option("allowed", "regex", "Regex of credits that may be reused all the same (the terms allow them).", default=None),
)
_CREDIT_LINE = on_first_use(r"\b(?:photo|photograph|image|picture|credit|courtesy|via)\b|©", re.IGNORECASE)
_SIZE_VARIANT = on_first_use(r"-\d{2,5}x\d{2,5}(?=\.\w+$)|@\dx(?=\.\w+$)")
_CAPTION_WORDS = 60


class ReusedPhotosParams(NamedTuple):
    """Validated parameters of a `reused-photos` check."""

    agencies: Pattern
    allowed: Pattern | None


def build(values: dict[str, Any]) -> ReusedPhotosParams:
    """Parameters from validated option values."""
    agencies = values["agencies"]
    if isinstance(agencies, str):
        agencies = compile_pattern(agencies, ignore_case=True)
    return ReusedPhotosParams(agencies, values["allowed"])


def file_key(url: str) -> str:
    """The image file a URL loads, without host, query or size variant; "" for a URL no parser
    reads (`http://[::1/x.jpg` loads no file)."""
    try:
        path = urllib.parse.urlsplit(url.strip()).path
    except ValueError:
        return ""
    return _SIZE_VARIANT().sub("", path.rsplit("/", 1)[-1]).lower()


def _caption(doc: Document, image: Image) -> tuple[str, Block | None]:
    """An image's credit text and the caption block it comes from (None: alt text or nothing)."""
    element = image.element
    if element is not None:
        figure = next((a for a in element.iterancestors() if isinstance(a.tag, str) and a.tag.lower() == "figure"), None)
        if figure is not None:
            caption = next((c for c in figure.iter("figcaption")), None)
            if caption is not None:
                text = normalize_inline(text_of(caption))
                block = next((b for b in doc.blocks if b.element is not None and (b.element is caption or caption in b.element.iterancestors())), None)
                return text, block
    following = doc.items[image.index + 1] if image.index + 1 < len(doc.items) else None
    if isinstance(following, Block) and len(following.text.split()) <= _CAPTION_WORDS and _CREDIT_LINE().search(following.text):
        return normalize_inline(following.text), following
    return normalize_inline(" ".join(filter(None, (image.alt, element.get("title") if element is not None else "")))), None


def _key(text: str) -> str:
    return " ".join(normalize_inline(text).casefold().split())


def evaluate(doc: Document, params: ReusedPhotosParams, ctx: Context) -> Outcome:
    """One hit per reused photo whose credit names an agency: the copy's credit, or, for a photo
    that loads the same file as one of the original's, the original's credit when the copy's
    names none (a caption dropped, or replaced by "(File photo)": the photo is the agency's all
    the same). Such a hit's evidence says the credit is the original's."""
    original = ctx.need_original()
    their_credits: dict[str, str] = {}
    for image in original.images:
        credit = _caption(original, image)[0]
        for source in image.sources:
            if file_key(source):
                their_credits.setdefault(file_key(source), credit)
    their_lines = {_key(b.text) for b in original.blocks}
    their_lines |= {_key(i.alt) for i in original.images if i.alt}
    hits: list[Hit] = []
    seen: set[int] = set()

    def credited_to_agency(credit: str) -> bool:
        return bool(params.agencies.search(credit)) and not (params.allowed is not None and params.allowed.search(credit))

    def consider(credit: str, item: Image | Block, reused: bool, evidence: str = "") -> None:
        if not (reused or _key(credit) in their_lines) or not credited_to_agency(credit):
            return
        seen.add(item.index)
        offset = doc.item_offsets[min(item.index, len(doc.item_offsets) - 1)] if doc.item_offsets else 0
        hits.append(Hit(item.index, doc.locate(item), evidence or credit, (("credit", credit),), offset))

    for image in doc.images:
        if not image.visible or not image.in_article:
            continue
        credit, block = _caption(doc, image)
        if block is not None:
            seen.add(block.index)
        theirs = next((their_credits[key] for s in image.sources if (key := file_key(s)) and key in their_credits), None)
        if theirs is not None and not params.agencies.search(credit) and credited_to_agency(theirs):
            consider(theirs, image, True, f"{theirs} (the original's credit of this photo, which the copy does not give)")
            continue
        consider(credit, image, theirs is not None)
    for block in doc.article_blocks:
        if block.index not in seen and len(block.text.split()) <= _CAPTION_WORDS and _CREDIT_LINE().search(block.text):
            consider(normalize_inline(block.text), block, False)
    if hits:
        return Outcome(False, tuple(hits), "photos from the original credited to an agency")
    return Outcome(True, (), "no agency photo reused from the original")
