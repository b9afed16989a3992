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
    if tag == "img" and (element.get("loading") or "").strip().lower() == "lazy":
        return _lazy_without_box(root, element, memo)
    return None


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
