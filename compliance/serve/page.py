"""The editor's page: a form to paste or upload an article, pick packs and give metadata, and the
article's report in the same view as `--format html`."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from compliance.display import visible
from compliance.formatters.context import ArticleSource, FormatContext
from compliance.formatters.html import configuration_notice, html_page, render_report
from compliance.runner import FileResult, RunStatus

if TYPE_CHECKING:
    from compliance.serve.app import EditorForm

# The page posts its own form; nothing else may be loaded, run or posted.
PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

# The article's metadata the form gives, as the API takes it (a payload's `reporter`,
# `original_url`… fields; `meta.KEY` for the rest): (field name, label, placeholder, input type).
# The server refuses on the page what it refuses in the API (`Checker.refuse`): an address that
# is not an http(s) URL, a `medium` that is neither online nor print.
PAGE_META_FIELDS = (
    ("reporter", "Reporter", "Jake Smith", "text"),
    ("original_url", "Original URL", "https://…", "url"),
    ("original_headline", "Original headline", "as the original story has it", "text"),
    ("byline", "Byline", "By Jake Smith, Daily Caller News Foundation", "text"),
    ("source_publisher", "Source publisher", "Daily Caller News Foundation", "text"),
    ("publication_date", "Publication date", "2024-05-01", "text"),
    ("original", "Original story to compare with", "https://…", "url"),
)
# The fields whose help is a line of its own below them.
_DESCRIBED_BY = {"original_url": ' aria-describedby="original-help"'}
# `medium`: the article's format decides unless the editor says (README, "Online and print copies").
MEDIUM_CHOICES = (("", "as its format says (HTML, Markdown: online; text: print)"), ("online", "online"), ("print", "print"))
# Any other metadata the API takes (`meta.KEY`), one `KEY=VALUE` a line, as `--meta` gives it.
OTHER_META_FIELD = "other_meta"

_STATUS = {0: "no findings at or above the threshold", 1: "findings to fix", 2: "the article could not be checked", 3: "internal error"}


# What the page's Original URL field does, said beside it: with the server's `--allow-fetch` the
# copy is compared with the page at that address; without, the address serves the link back only.
_ORIGINAL_FETCHED = "The copy is compared with the original story at this address (its text, links and headline), and must link to it."
_ORIGINAL_NOT_FETCHED = (
    "Used for the link back and the blocks to paste only: this server does not fetch it, so the copy is not compared with the original story "
    "unless you upload the original's saved page as its file."
)
_ORIGINAL_FILE = "Original story file: the copy is compared with it (its text, links and headline)."


def editor_page(
    context: FormatContext,
    checked: tuple[FileResult, ArticleSource] | None,
    *,
    error: str | None = None,
    form: EditorForm | None = None,
    fetches: bool = False,
) -> str:
    """The page, with the report of `checked` below the form when there is one; `fetches` (the
    server's `--allow-fetch`) says whether the Original URL is the original the copy is compared
    with or only the address it links back to."""
    chosen = set(form.packs) if form is not None else set()
    options = "".join(
        f'<label class="pack"><input type="checkbox" name="pack" value="{html.escape(p.id, quote=True)}"{" checked" if p.id in chosen else ""}>'
        f" {html.escape(p.name)} <code>{html.escape(p.id)}</code></label>"
        for p in context.packs
        if p.markers or p.id in chosen
    )
    meta = dict(form.meta) if form is not None else {}
    pasted = html.escape(form.pasted) if form is not None else ""
    formats = _format_options(form.format if form is not None else "auto")
    message = f'<p class="error" role="alert">{html.escape(visible(error))}</p>' if error else ""
    result = ""
    if checked is not None:
        file_result, source = checked
        status = RunStatus().add(file_result).exit_code()
        # A rule not checked has not passed: the status line says so, not only a note below it.
        unchecked = len({rule for notice in file_result.report.notices for rule in notice.unchecked_rules})
        untested = f"; {unchecked} rule(s) not checked (see the notes)" if unchecked else ""
        result = f'<p class="status" data-status="{status}">Result: {_STATUS.get(status, "")}{untested}</p>'
        result += configuration_notice(context) + render_report(file_result.report, source, context)
    body = f"""<form class="editor" method="post" action="/" enctype="multipart/form-data">
<label for="article">Paste the article (HTML, Markdown or text)</label>
<textarea id="article" name="article" rows="10" spellcheck="false">{pasted}</textarea>
<p><label for="file">or upload a file</label> <input id="file" type="file" name="file" accept=".html,.htm,.txt,.md,.markdown"></p>
<p><label>Format <select name="format">{formats}</select></label></p>
<fieldset><legend>Packs (none ticked: detected from the article)</legend>{options}</fieldset>
{_meta_inputs(meta, form.other_meta if form is not None else "")}
<p class="meta"><label>Original story file <input type="file" name="original_file" accept=".html,.htm,.txt,.md,.markdown"></label></p>
<p class="help" id="original-help">Original URL: {_ORIGINAL_FETCHED if fetches else _ORIGINAL_NOT_FETCHED} {_ORIGINAL_FILE}</p>
<p><button type="submit" id="check">Check the article</button></p>
</form>
{message}{result}"""
    return html_page(
        '<p class="counts">Paste or upload a republished article to check it against the publisher\'s terms.</p>',
        body,
        title="syndcheck",
        csp=PAGE_CSP,
        extra_css=_CSS,
    )


def _meta_inputs(meta: dict[str, str], other: str) -> str:
    """The form's metadata fields, each holding the value it was sent with (escaped)."""
    inputs = "".join(
        f'<label>{label} <input type="{kind}" name="{name}" value="{html.escape(meta.get(name, ""), quote=True)}"'
        f' placeholder="{html.escape(hint, quote=True)}"{_DESCRIBED_BY.get(name, "")}></label>\n'
        for name, label, hint, kind in PAGE_META_FIELDS
    )
    given = meta.get("medium", "").strip().lower()
    choices = "".join(f'<option value="{value}"{" selected" if value == given else ""}>{html.escape(text)}</option>' for value, text in MEDIUM_CHOICES)
    medium = f'<label>Published <select name="medium">{choices}</select></label>\n'
    other_box = (
        f'<label>Other metadata (KEY=VALUE, one a line) <textarea name="{OTHER_META_FIELD}" rows="2" spellcheck="false"'
        f' placeholder="logo_url=https://…">{html.escape(other)}</textarea></label>'
    )
    return f'<p class="meta">{inputs}{medium}{other_box}</p>'


# The page's "format" choices: how the article is read (`--input-kind` on the command line).
FORMAT_CHOICES = {"auto": "detect (a file's suffix, else its content)", "html": "HTML", "markdown": "Markdown", "text": "text"}


def _format_options(chosen: str) -> str:
    return "".join(f'<option value="{value}"{" selected" if value == chosen else ""}>{label}</option>' for value, label in FORMAT_CHOICES.items())


_CSS = """
form.editor { margin: 16px 24px; padding: 12px 16px; background: #fff; border: 1px solid #ddd; border-radius: 6px; }
form.editor textarea { width: 100%; font: 13px/1.4 ui-monospace, monospace; }
form.editor fieldset { border: 1px solid #ddd; margin: 8px 0; }
form.editor label.pack { display: inline-block; margin: 2px 12px 2px 0; }
form.editor .meta label { display: inline-block; margin: 2px 16px 2px 0; }
form.editor .meta textarea { display: block; width: 32em; font: 13px/1.4 ui-monospace, monospace; }
form.editor p.help { margin: 4px 0 8px; color: #555; font-size: 13px; }
form.editor button { padding: 6px 16px; font-weight: 600; }
p.error { margin: 16px 24px; color: #b3261e; font-weight: 600; }
p.status { margin: 16px 24px 0; font-weight: 600; }
"""
