"""Whether the browser ever fetches what a script or an image on the page loads from, when its
markup says it would: a tracking pixel is kept only if it loads.

Two things on the page stop a fetch that the element itself asks for (see `elements.why_inert`
for those that never run or load by their own markup):

- the page's own Content-Security-Policy in a `<meta>` of its `<head>` that does not allow the
  address (`csp`): a script's under `script-src` (or `default-src`), an image's under `img-src`;
- `loading="lazy"` on an image that is not laid out: it, or an ancestor, has no box
  (`display: none` by its `style` attribute or the page's `<style>` rules, the `hidden`
  attribute): a browser fetches a lazy image only when its box nears the screen, and one with
  no box never does. With scripts off browsers load it at once, but such a reader is also one
  that no script counts.

The address an image fetches is the one a browser takes (`visibility.shown_sources`: a
`srcset` candidate or a `<picture>`'s `<source>` over the `src`, a lazy-loader's address over its
placeholder). Pure: reads the document's tree; the page's style is read again only for a lazy
image (few pages have one among the elements a check asks about) and kept in the document's memo.
"""

from __future__ import annotations

from typing import Any

from compliance.document.csp import IMAGE_FETCHING_TAGS, Policy, blocked_by, meta_policies


def why_never_fetched(root: Any, element: Any, memo: dict[Any, Any]) -> str | None:
    """Why the browser never fetches what `element` (a `<script src>` or an image of the page
    under `root`) loads from, in words ("is blocked by the page's Content-Security-Policy …");
    None when it may. `memo` is the document's: the page's policies and style, read once."""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag != "script" and tag not in IMAGE_FETCHING_TAGS:
        return None
    policies: tuple[Policy, ...] | None = memo.get("csp-policies")
    if policies is None:
        policies = memo["csp-policies"] = meta_policies(root)
    if policies:
        after = [p for p in policies if _before(root, p.element, element, memo)]
        reason = blocked_by(tuple(after), element, _fetched(element, tag))
        if reason is not None:
            return reason
    if tag == "img" and (reason := _loader_missing(root, element, memo)) is not None:
        return reason
    if tag == "img" and (element.get("loading") or "").strip().lower() == "lazy":
        return _lazy_without_box(root, element, memo)
    return None


def _loader_missing(root: Any, element: Any, memo: dict[Any, Any]) -> str | None:
    """Why an image whose picture only a lazy-loader puts in place (`data-src`, `data-srcset`, …,
    over no `src` or a placeholder one) never shows it: a whole page (`elements.is_whole_page`) that runs
    no script (`elements.may_run_a_script`, an event handler anywhere counting) has no loader to
    do it, and a browser paints the placeholder or nothing. None when the image has a picture of
    its own, or the page may run a loader (any script that runs, or an event handler attribute:
    which script is a loader is not read), or is a fragment (a CMS's article body, whose page
    template brings its scripts)."""
    from compliance.document.elements import is_whole_page, may_run_a_script
    from compliance.document.visibility import LOADER_SOURCE_ATTRIBUTES, is_placeholder, shown_pictures

    fallback_of = _lazy_image_before_noscript(element)
    if fallback_of is not None:
        # A lazy-load plugin's `<noscript>` copy: shown only with scripts off, which no reader
        # modelled has; they see the lazy image before it, or nothing when it never loads.
        reason = _loader_missing(root, fallback_of, memo)
        return None if reason is None else f"is inside <noscript>, which a browser with scripts on never shows, and the image before it {reason}"
    loader = [name for name in LOADER_SOURCE_ATTRIBUTES if (element.get(name) or "").strip()]
    if not loader or not all(is_placeholder(url) for urls in shown_pictures(element) for url in urls):
        return None
    runs: bool | None = memo.get("runs-scripts")
    if runs is None:
        runs = memo["runs-scripts"] = not is_whole_page(root) or may_run_a_script(root, root.iter())
    if runs:
        return None
    return f"is never loaded: its picture is only in {loader[0]}, a lazy-loader's address, and the page runs no script that could load it"


def _lazy_image_before_noscript(element: Any) -> Any:
    """The `<img>` right before the `<noscript>` that `element` is in (`<img data-src=…><noscript>
    <img src=…></noscript>`, as lazy-load plugins write a fallback), or None."""
    holder = element.getparent()
    while holder is not None and isinstance(holder.tag, str) and holder.tag.lower() != "noscript":
        holder = holder.getparent()
    if holder is None:
        return None
    before = holder.getprevious()
    if before is not None and isinstance(before.tag, str) and before.tag.lower() != "img":
        images = list(before.iter("img"))
        before = images[-1] if images else None
    return before


def _fetched(element: Any, tag: str) -> tuple[str, ...]:
    """The addresses the element fetches, as written; a protocol-relative one over https."""
    if tag == "script" or tag == "amp-pixel":
        urls: tuple[str, ...] = ((element.get("src") or "").strip(),)
    else:
        from compliance.document.visibility import shown_sources

        urls = shown_sources(element)
    return tuple("https:" + url if url.startswith("//") else url for url in urls if url)


def _before(root: Any, first: Any, second: Any, memo: dict[Any, Any]) -> bool:
    """Whether `first` comes before `second` in the page (a `<meta>` policy governs what follows it)."""
    order: dict[Any, int] | None = memo.get("element-order")
    if order is None:
        order = memo["element-order"] = {element: index for index, element in enumerate(root.iter())}
    return order.get(first, -1) < order.get(second, -1)


def _lazy_without_box(root: Any, element: Any, memo: dict[Any, Any]) -> str | None:
    from compliance.document.visibility import PageStyle, takes_no_box

    style = memo.get("fetch-style")
    if style is None:
        style = memo["fetch-style"] = PageStyle.of(root)
    for node in (element, *element.iterancestors()):
        name = node.tag.lower() if isinstance(node.tag, str) else ""
        if name in ("noscript", "template"):
            return None  # read as markup only with scripts off, when nothing loads lazily
        if takes_no_box(node, name, style):
            where = "it has" if node is element else f"the <{name}> at line {node.sourceline} around it has"
            return (
                f'has loading="lazy" and {where} no box (display: none or hidden): a browser fetches a lazy image only when it is laid out, so it never loads'
            )
    return None
