"""`--format html`: one self-contained page an editor opens offline, showing each article as it
reads with every finding marked where it is (or where the missing thing belongs), what passed with
its evidence, and the fix with the block to paste (the rule's `fix:` rendered for the article).

The article is untrusted. It is rendered through `nh3` (the Rust `ammonia` sanitiser) with a
short allow-list: no script, style, form, frame, object, meta or base element survives, no
`style`, `class`, `id` or event attribute, and no image source, so nothing in it runs, loads,
posts or restyles the report. The page's Content-Security-Policy forbids scripts, remote loads
and form posts as a second line of defence. Every other untrusted string (paths, evidence,
messages quoting the page) passes the output sanitiser and is HTML-escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence

from compliance.display import escape_char, visible, visible_block
from compliance.findings import REPORT_GENERATOR, Finding, Passed, Report
from compliance.firstuse import on_first_use
from compliance.formatters.context import ArticleSource, FormatContext
from compliance.formatters.summary import summarize
from compliance.text import counted

# Private-use characters bracket the position markers put into the article before it is
# sanitised; the article's own private-use characters are removed first, so it cannot forge one.
_OPEN, _CLOSE = "\ue000", "\ue001"

_TAGS = {
    "a", "abbr", "address", "article", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "dfn", "div", "dl", "dt",
    "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd", "li", "main", "mark",
    "ol", "p", "picture", "pre", "q", "s", "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "time", "tr", "u", "ul",
}  # fmt: skip
_ATTRIBUTES = {"a": {"href", "title"}, "img": {"alt", "title", "width", "height"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
# Whole elements (with their content) that never reach the page.
_DROPPED = {"script", "style", "template", "title", "noscript", "iframe", "object", "embed", "svg", "math", "select", "textarea", "button", "head"}

# A lone surrogate (text decoded with surrogateescape) cannot be encoded for the sanitiser: it is
# shown as its escape first.
_SURROGATE = re.compile("[\ud800-\udfff]")

REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"


def format_html(reports: Sequence[Report], context: FormatContext) -> str:
    """The whole run as one HTML page (UTF-8, no external resources)."""
    summary = summarize(reports)
    counts = f"{counted(summary.checked, 'file')} checked; {counted(summary.errors, 'error')}, {counted(summary.warnings, 'warning')}"
    if (unfinished := summary.not_fully_checked_part()) is not None:
        # As the text summary says it: a header of "0 errors" alone would read as a pass.
        counts += f"; {unfinished}"
    sections = "\n".join(render_report(report, context.sources.get(report.path), context, number) for number, report in enumerate(reports, start=1))
    return html_page(f'<p class="counts">{html.escape(counts)}</p>' + configuration_notice(context), sections)


def configuration_notice(context: FormatContext) -> str:
    """The ways a configuration file weakened the checks, at the top of the page: an editor reading
    "no problems" must see that the logo rule was turned off, as the text report's `configuration:`
    lines and every CI format say."""
    if not context.adjusted_rules:
        return ""
    items = "".join(f"<li>{_text(change.describe())}</li>" for change in context.adjusted_rules)
    return f'<div class="weakened"><p>Checks weakened by configuration ({len(context.adjusted_rules)}):</p><ul>{items}</ul></div>'


def html_page(header: str, body: str, *, title: str = "syndcheck report", csp: str = REPORT_CSP, extra_css: str = "") -> str:
    """The report's page around trusted `header` and `body` markup (both already escaped)."""
    return _PAGE.format(
        csp=csp, css=_CSS + extra_css, generator=REPORT_GENERATOR, title=html.escape(visible(title)), header=safe_markup(header), sections=safe_markup(body)
    )


def safe_markup(markup: str) -> str:
    """HTML that went through the output sanitiser line by line, as every other format does.

    The article's own text (sanitised by nh3, which keeps control characters and line breaks as
    they are) and everything else in the page may hold C0/C1 or bidirectional controls or a line
    that starts with `::`; a CI log or a terminal that shows the file must not act on them. Such
    characters become visible escapes, and a leading `::` its first colon as `&#58;`, which a
    browser shows as the same colon, inside text and attribute values alike.
    """
    lines = []
    for line in markup.split("\n"):
        line = visible(line)
        stripped = line.lstrip()
        if stripped.startswith("::"):
            line = line[: len(line) - len(stripped)] + "&#58;" + stripped[1:]
        lines.append(line)
    return "\n".join(lines)


def render_report(report: Report, source: ArticleSource | None, context: FormatContext, number: int = 1) -> str:
    """One article's section: findings and passes on the left, the article with markers on the right."""
    prefix = f"a{number}"
    packs = ", ".join(report.packs) if report.packs else "not fully checked" if report.not_fully_checked else "no pack"
    rows = []
    for notice in report.notices:
        rows.append(f'<li class="notice">{_text(notice.message)}</li>')
    for index, finding in enumerate(report.findings, start=1):
        rows.append(_finding_item(finding, f"{prefix}-f{index}", index))
    for index, passed in enumerate(report.passed, start=1):
        rows.append(_passed_item(passed, f"{prefix}-p{index}"))
    article = _article(report, source, prefix) if source is not None else '<p class="notice">The article text is not available.</p>'
    # A document not fully checked fails the run (exit 2), findings or none.
    status = "fail" if report.findings or report.not_fully_checked else "pass" if report.checked and report.packs else "none"
    return _SECTION.format(
        status=status,
        path=_text(report.path),
        packs=_text(packs),
        items="\n".join(rows),
        article=article,
        count=len(report.findings),
        passes=len(report.passed),
    )


def _finding_item(finding: Finding, anchor: str, number: int) -> str:
    why = f'<p class="why"><b>found:</b> {_text(finding.evidence)}</p>' if finding.evidence else ""
    if finding.detail:
        why += f'<p class="why"><b>why:</b> {_text(finding.detail)}</p>'
    snippet = ""
    if finding.fix is not None:
        # The rule's fix rendered for this article: the exact block `syndcheck fix` would insert.
        where = _text(finding.fix.place) if finding.fix.place else f"where marker {number} is"
        # A copy printed once too often: what to take out, not what to paste.
        lead = f"Take this out, at marker {number} ({where})" if finding.fix.take_out else f"Paste this {where}"
        snippet = f'<p class="paste">{lead}:</p><pre class="snippet"><code>{html.escape(visible_block(finding.fix.text))}</code></pre>'
        if finding.fix.needless_after:
            # Judged with the other blocks, as `syndcheck fix` judges its edits: another block,
            # pasted in place of what the page has, puts this right too.
            by = _text(finding.fix.needless_after)
            snippet = f'<p class="paste">Nothing more to paste: the block for {by}, pasted in place of what the page has, puts this right too.</p>'
        # A value not known stands as `[NAME]` in the block: said in words, so it is not pasted as it is.
        snippet += "".join(f'<p class="fill">{_text(said)}.</p>' for said in finding.fix.fill_in)
        if finding.fix.address_from:
            # The original's address the block writes: whence it came (the page's own link back, the metadata, the original given).
            whence = finding.fix.address_from
            snippet += f'<p class="whence">{_text(whence[:1].upper() + whence[1:])}.</p>'
    return (
        f'<li class="finding {finding.severity.label}" id="item-{anchor}"><a class="badge" href="#{anchor}">{number}</a> '
        f'<span class="sev">{finding.severity.label}</span> <code class="rule">{_text(finding.rule)}</code> '
        f'<span class="loc">{finding.location}</span><p class="message">{_text(finding.message)}</p>{why}'
        f'<p class="fix"><b>fix:</b> {_text(finding.help)}</p>{snippet}</li>'
    )


def _passed_item(passed: Passed, anchor: str) -> str:
    if not passed.placed:
        # An absence has no place in the article, and no marker in it to link to.
        return (
            f'<li class="passed" id="item-{anchor}"><span class="badge ok">ok</span> <code class="rule">{_text(passed.rule)}</code> '
            f'<p class="evidence">{_text(passed.evidence)}</p></li>'
        )
    return (
        f'<li class="passed" id="item-{anchor}"><a class="badge ok" href="#{anchor}">ok</a> <code class="rule">{_text(passed.rule)}</code> '
        f'<span class="loc">{passed.location}</span><p class="evidence">{_text(passed.evidence)}</p></li>'
    )


def _article(report: Report, source: ArticleSource, prefix: str) -> str:
    """The article, sanitised, with a marker at each finding's and each pass's location."""
    marks: dict[tuple[int, int], list[str]] = {}
    for index, finding in enumerate(report.findings, start=1):
        # Something missing is marked where its block goes, when the rule's fix says where.
        where = finding.fix.location if finding.evidence is None and finding.fix is not None and finding.fix.location else finding.location
        marks.setdefault((where.line, where.column), []).append(f"f{index}")
    for index, passed in enumerate(report.passed, start=1):
        if passed.placed:
            marks.setdefault((passed.location.line, passed.location.column), []).append(f"p{index}")
    # CRLF is one line break for the locations as for a browser; a lone CR is shown escaped.
    text = _SURROGATE.sub(lambda m: escape_char(m.group()), source.text.replace(_OPEN, "").replace(_CLOSE, "").replace("\r\n", "\n"))
    marked = _insert_marks(text, marks, html_source=source.kind == "html")
    body = _sanitise(marked) if source.kind == "html" else _plain(marked)
    placed: set[str] = set()

    wanted = {t for tokens in marks.values() for t in tokens}

    def marker(token: str) -> str:
        # The sanitiser may drop half of a bracket pair (a marker that fell inside an attribute
        # it removes); what is left between the brackets is then not a token, and is dropped.
        if token not in wanted or token in placed:
            return ""
        placed.add(token)
        return _marker(report, token, prefix)

    rendered = _replace_tokens(body, marker)
    # Markers the rendering left out (inside the page head, a script or a comment) go to the top,
    # so every finding is still shown on the article.
    missing = [t for tokens in marks.values() for t in tokens if t not in placed]
    top = ""
    if missing:
        top = '<p class="elsewhere">In the page head or in parts the preview leaves out: ' + " ".join(_marker(report, t, prefix) for t in missing) + "</p>"
    return f'<div class="article" lang="">{top}{rendered}</div>'


def _marker(report: Report, token: str, prefix: str) -> str:
    kind, number = token[0], int(token[1:])
    anchor = f"{prefix}-{token}"
    if kind == "f":
        finding = report.findings[number - 1]
        title = html.escape(visible(f"{finding.rule}: {finding.message}"), quote=True)
        # Something missing is marked where it belongs, and says so.
        label = f"{number} · {_text(finding.rule)}" if finding.evidence is None else str(number)
        return (
            f'<a class="mark {finding.severity.label}{" missing" if finding.evidence is None else ""}" id="{anchor}" data-rule="{_text(finding.rule)}"'
            f' href="#item-{anchor}" title="{title}">{label}</a>'
        )
    passed = report.passed[number - 1]
    title = html.escape(visible(f"{passed.rule}: {passed.evidence}"), quote=True)
    return f'<a class="mark ok" id="{anchor}" data-rule="{_text(passed.rule)}" href="#item-{anchor}" title="{title}">ok</a>'


# The start tag of an element that lays out a block of its own, whole on one line.
_BLOCK_START = on_first_use(
    r"<(?:p|div|h[1-6]|li|dd|dt|blockquote|figcaption|address|section|article|header|footer|aside|td|th)(?=[\s/>])[^<>]*>", re.IGNORECASE
)


def _insert_marks(text: str, marks: Mapping[tuple[int, int], list[str]], *, html_source: bool) -> str:
    """The text with `_OPEN token _CLOSE` at each 1-based line:column (never inside a tag)."""
    if not marks:
        return text
    lines = text.split("\n")
    by_line: dict[int, list[tuple[int, list[str]]]] = {}
    for (line, column), tokens in marks.items():
        number = min(max(line, 1), len(lines))
        by_line.setdefault(number, []).append((column, tokens))
    for number, entries in by_line.items():
        content = lines[number - 1]
        for column, tokens in sorted(entries, reverse=True):
            offset = min(max(column - 1, 0), len(content))
            if html_source:
                opened, closed = content.rfind("<", 0, offset), content.rfind(">", 0, offset)
                if opened > closed:
                    offset = opened
                # At a block's start tag, the marker goes inside it, on the block's first line: put
                # before it, it flows onto the line of whatever inline content precedes the block
                # (a logo's <img> above a byline) and reads as about that.
                block = _BLOCK_START().match(content, offset)
                if block is not None:
                    offset = block.end()
            content = content[:offset] + "".join(f"{_OPEN}{t}{_CLOSE}" for t in tokens) + content[offset:]
        lines[number - 1] = content
    return "\n".join(lines)


def _sanitise(markup: str) -> str:
    import nh3

    def attribute(element: str, name: str, value: str) -> str | None:
        # Links stay readable but inert; nothing else in the article may point anywhere.
        if element == "a" and name == "href" and not value.lower().startswith(("http://", "https://", "mailto:")):
            return None
        return value

    return str(
        nh3.clean(
            markup,
            tags=_TAGS,
            clean_content_tags=_DROPPED,
            attributes=_ATTRIBUTES,
            attribute_filter=attribute,
            url_schemes={"http", "https", "mailto"},
            link_rel="noopener noreferrer nofollow",
            strip_comments=True,
        )
    )


def _plain(text: str) -> str:
    """A text or Markdown article: one paragraph per non-empty line, escaped."""
    paragraphs = [f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip()]
    return "\n".join(paragraphs)


def _replace_tokens(body: str, marker: object) -> str:
    out = []
    position = 0
    while True:
        start = body.find(_OPEN, position)
        if start == -1:
            out.append(body[position:])
            break
        end = body.find(_CLOSE, start)
        if end == -1:
            out.append(body[position:])
            break
        out.append(body[position:start])
        out.append(marker(body[start + 1 : end]))  # type: ignore[operator]
        position = end + 1
    return "".join(out)


def _text(value: str | None) -> str:
    return html.escape(visible(value or ""))


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
{generator}
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<header class="report-header"><h1>{title}</h1>{header}</header>
{sections}
</body>
</html>
"""

_SECTION = """<section class="report {status}" data-findings="{count}" data-passes="{passes}">
<h2 class="path">{path} <small>[{packs}]</small></h2>
<div class="columns">
<ol class="results">
{items}
</ol>
{article}
</div>
</section>"""

_CSS = """
:root { color-scheme: light; --error: #b3261e; --warning: #a15c00; --info: #0b57d0; --ok: #1b7f3b; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f1f1f; background: #f6f6f4; }
.report-header { padding: 12px 24px; background: #1f2a37; color: #fff; }
.report-header h1 { margin: 0; font-size: 18px; }
.report-header .counts { margin: 2px 0 0; opacity: .85; }
.weakened { margin: 8px 0; padding: 6px 10px; background: #fff4e0; color: #4a2c00; border-radius: 4px; }
.weakened p, .weakened ul { margin: 0; }
section.report { margin: 16px 24px; background: #fff; border: 1px solid #ddd; border-radius: 6px; }
section.report > h2 { margin: 0; padding: 10px 16px; font-size: 16px; border-bottom: 1px solid #ddd; }
section.report > h2 small { font-weight: normal; color: #555; }
.columns { display: grid; grid-template-columns: minmax(320px, 2fr) 3fr; }
ol.results { margin: 0; padding: 12px 16px; list-style: none; border-right: 1px solid #eee; }
ol.results li { margin: 0 0 12px; padding: 8px 10px; border-left: 4px solid #ccc; background: #fafafa; }
ol.results li.error { border-color: var(--error); }
ol.results li.warning { border-color: var(--warning); }
ol.results li.info { border-color: var(--info); }
ol.results li.passed { border-color: var(--ok); }
ol.results li:target { outline: 2px solid #1f2a37; }
ol.results p { margin: 4px 0 0; }
.sev { font-weight: 600; text-transform: uppercase; font-size: 12px; }
.loc { color: #666; font-size: 12px; }
.why, .evidence { color: #444; }
p.fill { margin: 4px 0 0; color: #8a4b00; font-weight: 600; }
p.whence { margin: 4px 0 0; color: #555; font-size: 0.9em; }
pre.snippet { margin: 4px 0 0; padding: 8px; background: #1f2a37; color: #f1f1f1; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 13px; }
.badge, .mark { display: inline-block; min-width: 1.6em; padding: 0 .4em; border-radius: 1em; color: #fff; background: #666;
  font: 600 12px/1.6 system-ui, sans-serif; text-align: center; text-decoration: none; vertical-align: middle; }
li.error .badge, .mark.error { background: var(--error); }
li.warning .badge, .mark.warning { background: var(--warning); }
li.info .badge, .mark.info { background: var(--info); }
.badge.ok, .mark.ok { background: var(--ok); }
.mark { margin: 0 4px; box-shadow: 0 0 0 3px rgba(179, 38, 30, .15); }
.mark:target { outline: 3px solid #1f2a37; }
div.article { padding: 12px 20px; overflow-wrap: anywhere; max-height: 80vh; overflow: auto; contain: content; }
div.article img { display: inline-block; min-width: 120px; min-height: 40px; padding: 4px; border: 1px dashed #999; color: #555; font-size: 12px; }
.elsewhere, .notice { color: #555; font-style: italic; }
"""

__all__ = ["REPORT_CSP", "ArticleSource", "configuration_notice", "format_html", "html_page", "render_report", "safe_markup"]
