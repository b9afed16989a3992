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

_STATUS = {0: "no findings at or above the threshold", 1: "findings to fix", 2: "the article could not be checked", 3: "internal error"}


def editor_page(context: FormatContext, checked: tuple[FileResult, ArticleSource] | None, *, error: str | None = None, form: EditorForm | None = None) -> str:
    """The page, with the report of `checked` below the form when there is one."""
    chosen = set(form.packs) if form is not None else set()
    options = "".join(
        f'<label class="pack"><input type="checkbox" name="pack" value="{html.escape(p.id, quote=True)}"{" checked" if p.id in chosen else ""}>'
        f" {html.escape(p.name)} <code>{html.escape(p.id)}</code></label>"
        for p in context.packs
        if p.markers or p.id in chosen
    )
    reporter = html.escape(form.meta.get("reporter", ""), quote=True) if form is not None else ""
    original = html.escape(form.meta.get("original_url", ""), quote=True) if form is not None else ""
    pasted = html.escape(form.pasted) if form is not None else ""
    formats = _format_options(form.format if form is not None else "auto")
    message = f'<p class="error" role="alert">{html.escape(visible(error))}</p>' if error else ""
    result = ""
    if checked is not None:
        file_result, source = checked
        status = RunStatus().add(file_result).exit_code()
        result = f'<p class="status" data-status="{status}">Result: {_STATUS.get(status, "")}</p>'
        result += configuration_notice(context) + render_report(file_result.report, source, context)
    body = f"""<form class="editor" method="post" action="/" enctype="multipart/form-data">
<label for="article">Paste the article (HTML, Markdown or text)</label>
<textarea id="article" name="article" rows="10" spellcheck="false">{pasted}</textarea>
<p><label for="file">or upload a file</label> <input id="file" type="file" name="file" accept=".html,.htm,.txt,.md,.markdown"></p>
<p><label>Format <select name="format">{formats}</select></label></p>
<fieldset><legend>Packs (none ticked: detected from the article)</legend>{options}</fieldset>
<p class="meta"><label>Reporter <input type="text" name="reporter" value="{reporter}" placeholder="Jake Smith"></label>
<label>Original URL <input type="url" name="original_url" value="{original}" placeholder="https://…"></label></p>
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


# The page's "format" choices: how the article is read (`--input-kind` on the command line).
FORMAT_CHOICES = {"auto": "detect (a file's suffix, else its content)", "html": "HTML", "markdown": "Markdown", "text": "text"}


def _format_options(chosen: str) -> str:
    return "".join(f'<option value="{value}"{" selected" if value == chosen else ""}>{label}</option>' for value, label in FORMAT_CHOICES.items())


_CSS = """
form.editor { margin: 16px 24px; padding: 12px 16px; background: #fff; border: 1px solid #ddd; border-radius: 6px; }
form.editor textarea { width: 100%; font: 13px/1.4 ui-monospace, monospace; }
form.editor fieldset { border: 1px solid #ddd; margin: 8px 0; }
form.editor label.pack { display: inline-block; margin: 2px 12px 2px 0; }
form.editor .meta label { margin-right: 16px; }
form.editor button { padding: 6px 16px; font-weight: 600; }
p.error { margin: 16px 24px; color: #b3261e; font-weight: 600; }
p.status { margin: 16px 24px 0; font-weight: 600; }
"""
