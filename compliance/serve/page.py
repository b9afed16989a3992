"""The editor's page: a form to paste or upload an article, pick packs and give metadata, and the
article's report in the same view as `--format html`."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from compliance.display import visible
from compliance.formatters.context import ArticleSource, FormatContext
from compliance.formatters.html import configuration_notice, html_page, render_report
from compliance.runner import FileResult, RunStatus

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
    # What a CMS prints above an article whose HTML shows none of its own: its headline and byline.
    ("headline", "Headline", "your headline, when the article has no <h1>", "text"),
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


@dataclass(frozen=True, slots=True)
class TypedForm:
    """What the editor typed or chose in the form, as it was sent (before any of it is judged):
    the page shows it again with the report, and after a refusal, so that the editor mends one
    thing and sends again. `meta` maps a metadata field's name (`reporter`, `medium`…) to its
    text; `uploads` names the file inputs that held a file, which a browser cannot refill."""

    pasted: str = ""
    packs: tuple[str, ...] = ()
    meta: Mapping[str, str] = field(default_factory=dict)
    other_meta: str = ""
    format: str = "auto"
    uploads: tuple[str, ...] = ()


# Said below a refusal of a form the server did not read, whose fields it therefore cannot refill.
UNREAD_FORM = "The form was not read, so its fields are empty here: your browser's Back button shows them as you filled them in."

# The file inputs' suffixes: the kinds an upload is read as.
_ACCEPTED = ".html,.htm,.txt,.md,.markdown"

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
    form: TypedForm | None = None,
    fetches: bool = False,
) -> str:
    """The page, with the report of `checked` below the form when there is one; `fetches` (the
    server's `--allow-fetch`) says whether the Original URL is the original the copy is compared
    with or only the address it links back to. `form` is what the editor sent, refilled into the
    fields (after a refusal too: `error` says what to mend); None: an empty form."""
    message = f'<p class="error" role="alert">{html.escape(visible(error))}</p>' if error else ""
    if error and form is None:
        # A form refused before it could be read (too large, compressed, cut short…): nothing to show again.
        message += f'<p class="again">{UNREAD_FORM}</p>'
    form = form if form is not None else TypedForm()
    chosen = set(form.packs)
    options = "".join(
        f'<label class="pack"><input type="checkbox" name="pack" value="{html.escape(p.id, quote=True)}"{" checked" if p.id in chosen else ""}>'
        f" {html.escape(p.name)} <code>{html.escape(p.id)}</code></label>"
        for p in context.packs
        if p.markers or p.id in chosen
    )
    formats = _format_options(form.format)
    result = ""
    if checked is not None:
        file_result, source = checked
        status = RunStatus().add(file_result).exit_code()
        result = f'<p class="status" data-status="{status}">Result: {html.escape(status_line(file_result, context, status))}</p>'
        result += configuration_notice(context) + render_report(file_result.report, source, context)
    body = f"""<form class="editor" method="post" action="/" enctype="multipart/form-data">
<label for="article">Paste the article (HTML, Markdown or text)</label>
<textarea id="article" name="article" rows="10" spellcheck="false">{field_text(form.pasted, multiline=True)}</textarea>
<p><label for="file">or upload a file</label> <input id="file" type="file" name="file" accept="{_ACCEPTED}">{_choose_again(form, "file")}</p>
<p><label>Format <select name="format">{formats}</select></label></p>
<fieldset><legend>Packs (none ticked: detected from the article)</legend>{options}</fieldset>
{_meta_inputs(form.meta, form.other_meta)}
<p class="meta"><label>Original story file <input type="file" name="original_file" accept="{_ACCEPTED}"></label>{_choose_again(form, "original_file")}</p>
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


# What to do about a copy checked against no publisher's terms (no pack applies, or base packs only).
_CHOOSE_A_PACK = "tick the publisher's pack under Packs, or give the original story's address in the Original URL field, and check again"


def status_line(file_result: FileResult, context: FormatContext, status: int) -> str:
    """The result's one line below the form, for `status` (the command line's exit code): what it
    comes to, and the rules not checked, since a rule not checked has not passed. A copy checked
    against no publisher's terms — no pack applies to it, or only base packs, whose rules
    publishers share — has passed nothing it must meet, so a status 0 says that, and what to do,
    instead of "no findings". A copy a pattern's time limit left not fully checked (exit 2) says so,
    as the reports' headers do, rather than that it could not be checked."""
    report = file_result.report
    unchecked = len({rule for notice in report.notices for rule in notice.unchecked_rules})
    untested = f"; {unchecked} rule(s) not checked (see the notes)" if unchecked else ""
    if status == 2 and report.not_fully_checked:
        # Checked, but not wholly: "could not be checked" would hide the findings and notes below.
        return f"the article was not fully checked: a pattern ran past its time limit (see the notes){untested}"
    if status != 0 or not report.checked:
        return f"{_STATUS.get(status, '')}{untested}"
    base = {pack.id for pack in context.packs if pack.extended_by and not pack.markers}
    if not report.packs:
        return f"not checked against any publisher's terms: no publisher's pack applies to this copy (none of their credits was found in it); {_CHOOSE_A_PACK}"
    if all(pack in base for pack in report.packs):
        shared = ", ".join(report.packs)
        return f"not checked against any publisher's terms: only the rules publishers share were checked ({shared}); {_CHOOSE_A_PACK}"
    return f"{_STATUS[0]}{untested}"


# The characters the output sanitiser shows as visible escapes (`compliance.display`) but C1
# controls: in a form field's value they are written as character references (`&#x202e;`), which
# keep the page's bytes free of them (a terminal showing the page acts on none) while a browser
# reads the reference back as the character sent. C1 controls (U+0080–U+009F) cannot be: HTML
# reads `&#x85;` as windows-1252's "…", so they keep their visible escape, as surrogates do; so
# does NUL, which HTML reads as U+FFFD in any form (`&#x0;` too).
_REFERENCED = re.compile("[\x01-\x08\x0a-\x1f\x7f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def field_text(value: str, *, multiline: bool = False) -> str:
    """`value` escaped for a form field's `value="…"` or a `<textarea>`'s content, so that the
    browser refills the field with the very characters that were sent: `&`, `<`, `>` and quotes
    as references, and a control or bidirectional character as a numeric reference (`&#x1b;`,
    `&#x202e;`) rather than the visible escape (`\\x1b`) page text gets. In a textarea
    (`multiline`) a line break stays one (a CRLF as one line break: a browser sends each as CRLF
    again), and a leading line break is doubled, as the HTML parser drops the first."""
    escaped = html.escape(value, quote=True)
    if multiline:
        escaped = escaped.replace("\r\n", "\n").replace("\r", "\n")
        escaped = ("\n" if escaped.startswith("\n") else "") + escaped
    return _REFERENCED.sub(lambda m: "\n" if multiline and m.group() == "\n" else f"&#x{ord(m.group()):x};", escaped)


def _choose_again(form: TypedForm, name: str) -> str:
    """Beside a file input that held a file: a browser cannot put a file back into it."""
    if name not in form.uploads:
        return ""
    return ' <span class="again">A browser cannot refill a file input: choose the file again.</span>'


def _meta_inputs(meta: Mapping[str, str], other: str) -> str:
    """The form's metadata fields, each holding the value it was sent with (`field_text`)."""
    inputs = "".join(
        f'<label>{label} <input type="{kind}" name="{name}" value="{field_text(meta.get(name, ""))}"'
        f' placeholder="{html.escape(hint, quote=True)}"{_DESCRIBED_BY.get(name, "")}></label>\n'
        for name, label, hint, kind in PAGE_META_FIELDS
    )
    given = meta.get("medium", "").strip().lower()
    choices = "".join(f'<option value="{value}"{" selected" if value == given else ""}>{html.escape(text)}</option>' for value, text in MEDIUM_CHOICES)
    medium = f'<label>Published <select name="medium">{choices}</select></label>\n'
    other_box = (
        f'<label>Other metadata (KEY=VALUE, one a line) <textarea name="{OTHER_META_FIELD}" rows="2" spellcheck="false"'
        f' placeholder="logo_url=https://…">{field_text(other, multiline=True)}</textarea></label>'
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
form.editor span.again { color: #8a4b00; font-size: 13px; }
p.again { margin: 4px 24px; color: #555; }
p.error { margin: 16px 24px; color: #b3261e; font-weight: 600; }
p.status { margin: 16px 24px 0; font-weight: 600; }
"""
