"""Generated reference material: the JSON Schema for packs and the check-kind reference page.

Both come from the same option tables the validator uses, so docs, editor completion and
validation cannot drift apart. Regenerate with `python -m compliance.reference` (a test fails
when the shipped copies are stale).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

from compliance.checks import CHECKS, LIST_KINDS, SHORTHAND_KINDS, SINGLE_KINDS
from compliance.fixtemplates import INSERTS, MISSING_AT, PLACES, TEMPLATE_KEYS
from compliance.formatters.pipeline import generic_text
from compliance.options import Option
from compliance.packbuild import HOST_NAME
from compliance.packs import DEFAULT_THRESHOLD, Pack
from compliance.urls import HTTP_URL_PATTERN

SCHEMA_ID = "urn:syndcheck:schema:rule-pack:v1"


def _option_schema(option: Option) -> dict[str, Any]:
    schema: dict[str, Any]
    if option.kind == "check":
        schema = {"$ref": "#/$defs/check"}
    elif option.kind == "checks":
        schema = {"type": "array", "items": {"$ref": "#/$defs/check"}, "minItems": 1}
    elif option.kind == "boolean":
        schema = {"type": "boolean"}
    elif option.kind == "integer":
        schema = {"type": "integer"}
        if option.minimum is not None:
            schema["minimum"] = option.minimum
    elif option.kind == "enum":
        schema = {"enum": list(option.choices)}
        if set(option.choices) >= {"true", "false"}:
            schema = {"anyOf": [{"enum": list(option.choices)}, {"type": "boolean"}]}
    elif option.kind == "regex-map":
        schema = {"type": "object", "additionalProperties": {"type": "string"}}
    elif option.kind == "host-map":
        schema = {"type": "object", "minProperties": 1, "additionalProperties": {"type": "string", "pattern": HOST_NAME.pattern}}
    else:
        schema = {"type": "string", "minLength": 1}
    schema["description"] = option.doc
    if not option.required and option.default is not None:
        schema["default"] = option.default
    return schema


def _fix_schema(text: dict[str, Any]) -> dict[str, Any]:
    """The schema of a rule's `fix:` (see `compliance.fixes`)."""
    return {
        "type": "object",
        "description": "How `syndcheck fix` puts right what the rule finds missing or worded wrong: a block inserted before or after a place,"
        " or put in place of the paragraph a check finds.",
        "required": ["insert", "where", "template"],
        "additionalProperties": False,
        "properties": {
            "insert": {
                "enum": list(INSERTS),
                "description": "Before or after the place named by `where`, or (replace) in place of the paragraph the check `where` finds"
                " first, its markup kept.",
            },
            "where": {
                "description": "byline, headline, body (the story's first paragraph), end (its last paragraph), or a check whose first match is"
                " the place (the only kind for replace).",
                "anyOf": [{"enum": list(PLACES)}, {"$ref": "#/$defs/check"}],
            },
            "template": {
                "description": "The block: one text (a paragraph in HTML, a line in text and Markdown), or one per syntax "
                "(amp: the HTML block on an AMP page). Values: {reporter}, {authors}, {original-url}, {original-date}, {headline}, {meta.KEY}"
                " and the fix's own `values`.",
                "anyOf": [
                    text,
                    {
                        "type": "object",
                        "minProperties": 1,
                        "additionalProperties": False,
                        "properties": {syntax: text for syntax in TEMPLATE_KEYS},
                    },
                ],
            },
            "when": {"$ref": "#/$defs/check", "description": "The fix applies only where this check passes."},
            "original-link": {
                "type": "string",
                "description": "Regex of the publisher's story addresses: where the original's address is not given, the page's own credit line"
                " link or canonical link it matches names {original-url}. No verdict reads it.",
            },
            "values": {
                "type": "object",
                "description": "The fix's own values, each from the original story or the article metadata.",
                "propertyNames": {"pattern": "^[a-z][a-z0-9-]*$"},
                "additionalProperties": {
                    "type": "object",
                    "minProperties": 1,
                    "additionalProperties": False,
                    "properties": {
                        "original-image": {"type": "string", "description": "The src of the original's first image whose alt text matches this regex."},
                        "original-url": {"type": "string", "description": "The first group of this regex matched against the original's URL."},
                        "meta": {"type": "string", "description": "This article metadata key."},
                        "page-text": {
                            "type": "string",
                            "description": "The first group of this regex at its first match in the article's own text, block by block in page order.",
                        },
                    },
                },
            },
        },
    }


# A rule id as a pack writes it: `<pack>/<rule-name>`.
_RULE_ID: dict[str, str] = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$"}


def pack_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a rule pack, for yaml-language-server and other editors."""
    kinds: list[dict[str, Any]] = []
    for name, kind in CHECKS.items():
        if name in LIST_KINDS:
            value: dict[str, Any] = {"type": "array", "items": {"$ref": "#/$defs/check"}, "minItems": 1}
        elif name in SINGLE_KINDS:
            value = {"$ref": "#/$defs/check"}
        else:
            value = {
                "type": ["object", "null"],
                "properties": {o.key: _option_schema(o) for o in kind.options},
                "required": [o.key for o in kind.options if o.required],
                "additionalProperties": False,
            }
            if name in SHORTHAND_KINDS:
                # The bare value of the option it stands for (`medium: online`).
                bare = next(_option_schema(o) for o in kind.options if o.key == SHORTHAND_KINDS[name])
                value = {"anyOf": [bare, value]}
        value["description"] = kind.summary
        kinds.append({"type": "object", "properties": {name: value}, "required": [name], "additionalProperties": False})
    text = {"type": "string", "minLength": 1}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "syndcheck rule pack",
        "type": "object",
        "required": ["id", "name", "publisher", "terms_url", "as_of", "summary", "rules"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "description": "Pack id, lower-case words joined by hyphens."},
            "name": text | {"description": "Human name of the pack."},
            "publisher": text | {"description": "Whose terms the pack encodes."},
            "terms_url": {
                "type": "string",
                "pattern": HTTP_URL_PATTERN,
                "description": "Where the terms are published (an http(s) URL, the scheme in any case).",
            },
            "as_of": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}", "description": "Date of the terms the pack encodes."},
            "summary": text | {"description": "The terms in one or two sentences."},
            "confidence": text | {"description": "Where the terms came from when not the publisher's own page."},
            "extends": {
                "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}, "minItems": 1}],
                "description": "Base pack id(s) whose rules and definitions this pack inherits.",
            },
            "outlets": {
                "type": "array",
                "items": text,
                "minItems": 1,
                "description": "The publisher's outlet names as bylines show them; never read as a person's name.",
            },
            "define": {"type": "object", "additionalProperties": {"type": "string"}, "description": "Named patterns, used as {{name}} in regexes."},
            "detect": {
                "type": "object",
                "required": ["markers"],
                "additionalProperties": False,
                "properties": {
                    "threshold": {"type": "number", "exclusiveMinimum": 0, "maximum": 10, "default": DEFAULT_THRESHOLD},
                    "own-site": {
                        "type": "object",
                        "minProperties": 1,
                        "additionalProperties": False,
                        "description": (
                            "The publisher's own site (and its partner outlets'): on a page whose canonical URL, og:url or og:site_name "
                            "is there, the pack does not apply."
                        ),
                        "properties": {
                            "domains": {
                                "type": "array",
                                "minItems": 1,
                                "items": {"type": "string", "pattern": HOST_NAME.pattern},
                                "description": "Host names, lower case (subdomains such as www. are included).",
                            },
                            "names": {
                                "type": "array",
                                "minItems": 1,
                                "items": text,
                                "description": "Site names as og:site_name gives them (case and spacing ignored).",
                            },
                            "republication-markers": {
                                "type": "array",
                                "minItems": 1,
                                "items": {"type": "string"},
                                "description": (
                                    "Ids of this pack's markers that only a copy shows (its credit line): a page that shows one is a "
                                    "republication even when its og:url or og:site_name names the publisher's site."
                                ),
                            },
                        },
                        "anyOf": [{"required": ["domains"]}, {"required": ["names"]}],
                    },
                    "markers": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["id", "check"],
                            "additionalProperties": False,
                            "properties": {
                                "id": text,
                                "label": {"type": "string", "minLength": 1, "description": "What the marker is, in words, shown by --explain-detection."},
                                "weight": {"type": "number", "exclusiveMinimum": 0, "maximum": 10, "default": 1.0},
                                "check": {"$ref": "#/$defs/check"},
                            },
                        },
                    },
                },
            },
            "rules": {"type": "array", "items": {"anyOf": [{"$ref": "#/$defs/rule"}, {"$ref": "#/$defs/override"}]}},
        },
        "$defs": {
            "rule": {
                "type": "object",
                "required": ["id", "severity", "message", "help", "check"],
                "additionalProperties": False,
                "properties": {
                    "id": _RULE_ID | {"description": "<pack>/<rule-name>"},
                    "severity": {"enum": ["error", "warning", "info"]},
                    "message": text | {"description": "What is wrong; {name}, {detail}, {evidence} and captures are filled in."},
                    "instead-message": text
                    | {
                        "description": "What is wrong when the failing check quotes a wording the page has instead (a text check's `instead`),"
                        " which {found} names; other placeholders as in message."
                    },
                    "help": text | {"description": "How to fix it."},
                    "terms": {"type": "string", "description": "The clause of the terms this rule comes from."},
                    "check": {"$ref": "#/$defs/check"},
                    "when": {"$ref": "#/$defs/check", "description": "The rule applies only when this check passes."},
                    "fix": {"$ref": "#/$defs/fix", "description": "The block that puts it right: what `syndcheck fix` inserts and the report shows to paste."},
                    "missing-at": {
                        "anyOf": [{"enum": list(MISSING_AT)}, _RULE_ID],
                        "description": "Where a finding of something missing points when its check names no place: end (the "
                        "story's last paragraph), byline (the story's byline, when its body has one), or the id of another rule "
                        "of the pack, whose find is the place when it found one (a link back whose help says to link the credit "
                        "line names the credit line's rule).",
                    },
                },
            },
            "override": {
                "type": "object",
                "description": "Changes an inherited rule (by id) or drops it with off: true.",
                "required": ["id"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string"},
                    "severity": {"enum": ["error", "warning", "info"]},
                    "message": text,
                    "instead-message": text,
                    "help": text,
                    "terms": {"type": "string"},
                    "check": {"$ref": "#/$defs/check"},
                    "when": {"$ref": "#/$defs/check"},
                    "fix": {"$ref": "#/$defs/fix"},
                    "missing-at": {"anyOf": [{"enum": list(MISSING_AT)}, _RULE_ID]},
                    "off": {"type": "boolean"},
                },
            },
            "fix": _fix_schema(text),
            "check": {"oneOf": kinds},
        },
    }


# How the configuration's globs are read (`compliance.config.glob_match`).
_GIT_PATTERNS = "git patterns, as .gitignore reads them, relative to this file ('drafts/' is a folder and everything in it)"


def config_schema() -> dict[str, Any]:
    """The JSON Schema of `.syndcheck.yaml` (and of `[tool.syndcheck]` in pyproject.toml)."""
    strings = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
    severity_map = {
        "type": "object",
        "propertyNames": {"pattern": "^[a-z0-9-]+/[a-z0-9-]+$"},
        "additionalProperties": {"enum": ["error", "warning", "info", "off", False]},
        "description": "Rule id → error, warning, info or off.",
    }
    fail_on = {"enum": ["error", "warning", "info"], "description": "Lowest severity that makes the exit status 1."}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:syndcheck:schema:config:v1",
        "title": "syndcheck project configuration",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "root": {"type": "boolean", "description": "Stop looking for configuration files in parent folders."},
            "packs": strings | {"description": "Apply these packs instead of auto-detection."},
            "rules": strings | {"description": "Extra pack files or directories, relative to this file."},
            "fail-on": fail_on,
            "inline-suppressions": {
                "type": "boolean",
                "description": "false: syndcheck-disable comments in articles are not obeyed (reported as ignored); a nearer file cannot turn them back on.",
            },
            "select": strings | {"description": "Run only these rules: rule ids, pack ids, globs such as 'dcnf/*', or ALL."},
            "extend-select": strings | {"description": "Run these rules as well as those selected by farther files."},
            "ignore": strings | {"description": "Do not run these rules (rule ids, pack ids or globs)."},
            "include": strings | {"description": f"Files to check in directory walks: {_GIT_PATTERNS}."},
            "exclude": strings | {"description": f"Files to skip in directory walks: {_GIT_PATTERNS}."},
            "severity": severity_map,
            "overrides": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["files"],
                    "additionalProperties": False,
                    "properties": {
                        "files": strings | {"description": f"The files these settings apply to: {_GIT_PATTERNS}."},
                        "packs": strings,
                        "fail-on": fail_on,
                        "severity": severity_map,
                    },
                },
            },
        },
    }


def _default_text(option: Option) -> str:
    if option.required:
        return "required"
    if option.default is None:
        return "—"
    if isinstance(option.default, bool):
        return str(option.default).lower()
    return f"`{option.default}`"


def _snippet_language(title: str) -> str:
    """The language of a snippet titled `Passes::` (HTML), `Fails (text)::` or `Passes (markdown)::`."""
    if title.endswith("(text)::"):
        return "text"
    return "markdown" if title.endswith("(markdown)::") else "html"


def check_kinds_markdown() -> str:
    """The reference page of every check kind: its documentation, options, types and defaults."""
    lines = [
        "# Check kinds",
        "",
        "<!-- Generated by `python -m compliance.reference`; do not edit by hand. -->",
        "",
        "A check is a mapping with exactly one key, the kind. The examples below are run by the test suite:",
        "each must pass on its *Passes* snippet and fail on its *Fails* snippet.",
        "",
    ]
    for name, kind in CHECKS.items():
        lines += [f"## `{name}`", ""]
        body = kind.doc.strip().split("\n")
        title, rest = body[0], body[1:]
        summary = title.replace(f"`{name}` — ", "") if title.startswith("`") else title
        lines.append(summary[:1].upper() + summary[1:])
        block: list[str] | None = None
        for line in [*rest, ""]:
            if block is not None and (line.startswith("    ") or not line.strip()):
                if block or line.strip():
                    block.append(line[4:])
                continue
            if block is not None:
                while block and not block[-1].strip():
                    block.pop()
                lines += [*block, "```", ""]
                block = None
            if line.endswith("::"):
                lines += [line[:-1], "", "```yaml" if line.startswith("Example") else f"```{_snippet_language(line)}"]
                block = []
            else:
                lines.append(line)
        if block is not None:
            while block and not block[-1].strip():
                block.pop()
            lines += [*block, "```"]
        lines.append("")
        if name in LIST_KINDS:
            lines += ["Value: a list of checks.", ""]
        elif name in SINGLE_KINDS:
            lines += ["Value: one check.", ""]
        else:
            lines += ["| option | type | default | meaning |", "|---|---|---|---|"]
            for option in kind.options:
                kind_text = option.kind if not option.choices else " \\| ".join(option.choices)
                lines.append(f"| `{option.key}` | {kind_text} | {_default_text(option)} | {option.doc} |")
            lines.append("")
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.rstrip() + "\n"


def packs_markdown(packs: Sequence[Pack]) -> str:
    """The table of built-in packs — publisher, what each requires, source and date of the terms —
    generated from the packs themselves."""
    lines = [
        "# Built-in rule packs",
        "",
        "<!-- Generated by `python -m compliance.reference`; do not edit by hand. -->",
        "",
        "Each pack encodes one publisher's republication terms as of the date shown; base packs",
        "(`common`, `creative-commons`) hold rules shared by publisher packs and are never detected; named on",
        "their own (`--pack common`, a configuration's or a CMS payload's `packs`), they check only those",
        "shared rules, and a `base-pack` notice says that none of a publisher's terms were checked.",
        "Run `syndcheck rules explain RULE` for the clause of the terms behind a rule.",
        "",
        "| pack | publisher | requires | terms (as of) |",
        "|---|---|---|---|",
    ]
    for pack in packs:
        own = [r for r in pack.rules if r.pack == pack.id]
        inherited = [r for r in pack.rules if r.pack != pack.id]
        requires = "<br>".join(f"`{r.name}` ({r.severity.label}{', has a fix' if r.fix else ''}): {_cell(generic_text(r.message))}" for r in own)
        if inherited:
            requires += ("<br>" if requires else "") + f"plus {len(inherited)} rules from " + ", ".join(f"`{p}`" for p in pack.extends)
        terms = f"[{_cell(pack.terms_url)}]({pack.terms_url}) ({pack.as_of})"
        if pack.confidence:
            terms += f"<br>source: {_cell(pack.confidence)}"
        lines.append(f"| `{pack.id}` | {_cell(pack.publisher)} | {requires} | {terms} |")
    return "\n".join(lines) + "\n"


def samples_markdown(expectations: Sequence[tuple[str, Sequence[str], Sequence[str]]]) -> str:
    """The table of every sample (path, packs detected, findings expected), from the expected*.yaml
    files kept beside the samples."""
    lines = [
        "## Every sample and what it must report",
        "",
        "<!-- Generated by `python -m compliance.reference` from samples/**/expected*.yaml; do not edit by hand. -->",
        "",
        "| sample | packs detected | findings expected |",
        "|---|---|---|",
    ]
    for path, packs, findings in expectations:
        shown_packs = ", ".join(f"`{p}`" for p in packs) or "none"
        shown_findings = ", ".join(f"`{f}`" for f in findings) or "none (compliant)" if packs else "—"
        lines.append(f"| `{path}` | {shown_packs} | {shown_findings} |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


SAMPLES_MARKER = "<!-- generated sample table below -->"


def sample_expectations(root: Any) -> list[tuple[str, list[str], list[str]]]:
    """(path, packs, findings) of every sample, from the expected*.yaml files under samples/."""
    import yaml

    rows = []
    for file in sorted((root / "samples").rglob("expected*.yaml")):
        for name, entry in yaml.safe_load(file.read_text(encoding="utf-8")).items():
            rows.append((str((file.parent / name).relative_to(root / "samples")), list(entry["packs"]), list(entry["findings"])))
    return sorted(rows)


def main(argv: list[str]) -> int:
    """Write the schema and the reference page into a checkout."""
    from pathlib import Path

    root = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent
    (root / "compliance" / "schemas").mkdir(exist_ok=True)
    (root / "compliance" / "schemas" / "pack.schema.json").write_text(json.dumps(pack_schema(), indent=2) + "\n", encoding="utf-8")
    (root / "compliance" / "schemas" / "config.schema.json").write_text(json.dumps(config_schema(), indent=2) + "\n", encoding="utf-8")
    (root / "docs" / "check-kinds.md").write_text(check_kinds_markdown(), encoding="utf-8")
    from compliance.packfiles import load_packs

    (root / "docs" / "packs.md").write_text(packs_markdown(load_packs()), encoding="utf-8")
    samples_doc = root / "docs" / "samples.md"
    handwritten = samples_doc.read_text(encoding="utf-8").split(SAMPLES_MARKER, 1)[0].rstrip("\n")
    samples_doc.write_text(handwritten + "\n\n" + SAMPLES_MARKER + "\n\n" + samples_markdown(sample_expectations(root)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
