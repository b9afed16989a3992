"""`syndcheck rules explain RULE`: a rule's purpose, the clause of the terms, the fix, an example."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from compliance.checks.base import describe_check
from compliance.display import visible
from compliance.errors import PackError, closest
from compliance.packs import Pack, Rule, fill_placeholders


def find_rule(packs: Sequence[Pack], rule_id: str) -> tuple[Pack, Rule]:
    """The pack that defines a rule, and the rule; a PackError with a suggestion when unknown."""
    for pack in packs:
        for rule in pack.rules:
            if rule.id == rule_id and rule.pack == pack.id:
                return pack, rule
    for pack in packs:
        if pack.id == rule_id and pack.rules:
            # A pack's id where a rule's is asked for: the reader wants its rules, one at a time.
            first = next((rule.id for rule in pack.rules if rule.pack == pack.id), pack.rules[0].id)
            hint = f"list its rules with 'syndcheck rules list --pack {pack.id}', then explain one: 'syndcheck rules explain {first}'"
            raise PackError(f"'{rule_id}' is a rule pack, not a rule", hint=hint)
    known = sorted({rule.id for pack in packs for rule in pack.rules})
    hint = closest(rule_id, known) or "run 'syndcheck rules list' to see them"
    raise PackError(f"unknown rule '{rule_id}'", hint=hint)


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(visible(" ".join(text.split())), width=96, initial_indent=indent, subsequent_indent=indent)


def rule_source(pack_text: str, line: int) -> str:
    """The YAML of one rule, cut out of its pack's text (the rule starts at `line`)."""
    lines = pack_text.splitlines()
    start = line - 1
    if not 0 <= start < len(lines):
        return ""
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return "\n".join(lines[start:end])


# What each value a rule's message or help may quote stands for, in words: `rules explain` shows a
# rule that has not run, so it has no value to put there (`{evidence}` would reach the reader raw).
# The values every finding has (`packs.FINDING_VALUES`) and those the check kinds capture; a name
# not here (a named group of a pack's own pattern) is shown as its words.
_PLACEHOLDER_WORDS = {
    "evidence": "the text found",
    "detail": "what the check found",
    "rule": "the rule's id",
    "until": "when the copy may run, from the notice's date",
    "credit": "the photo's credit",
    "name": "the name found",
    "names": "the names found",
    "without": "the authors credited without their institution",
    "missing": "the reporters missing",
    "institution": "the institution found",
    "original_institution": "the original's institution",
    "headline": "the headline found",
    "href": "the link's address",
    "original_url": "the original story's URL",
    "value": "the value found",
    "change": "the change found",
    "paragraph": "the paragraph",
    "similarity": "how similar the paragraph is",
    "diff": "the words changed",
    "words": "the words",
    "text": "the link's text",
}


def placeholder_words(name: str) -> str:
    """A `{placeholder}` of a message as `rules explain` shows it: what it stands for, in angle
    brackets ("<the text found>"; "<the original_headline given as metadata>" for `{meta.KEY}`)."""
    if name.startswith("meta."):
        return f"<the {name.removeprefix('meta.')} given as metadata>"
    return "<" + _PLACEHOLDER_WORDS.get(name, name.replace("_", " ").replace("-", " ")) + ">"


def explain_rule(packs: Sequence[Pack], rule_id: str, *, source: str = "") -> str:
    """The explanation as plain text; `source` is the rule's YAML, shown as the example.

    Everything but the layout comes from pack files (which anyone can write) and is shown safely:
    no control or bidirectional character reaches the terminal raw, and no field starts a line.
    """
    pack, rule = find_rule(packs, rule_id)
    v = visible
    users = [p.id for p in packs if p.id != pack.id and any(r.id == rule.id for r in p.rules)]
    lines = [f"{v(rule.id)} ({rule.severity.label}) — {v(pack.name)}", ""]
    lines += ["What it checks:", _wrap(fill_placeholders(rule.message, placeholder_words)), ""]
    # The check's labels (or descriptions written from its patterns), as findings show them.
    alternatives = rule.check.params if rule.check.kind == "any" else (rule.check,)
    # Alternatives with one label (an <img> and an inline <svg> logo both "DCNF logo") are one
    # thing to the reader: listed once.
    described = list(dict.fromkeys(describe_check(check) for check in alternatives))
    lines += ["What it looks for" + (" (any of):" if len(described) > 1 else ":")]
    lines += [_wrap(("- " if len(described) > 1 else "") + text) for text in described] + [""]
    if rule.terms:
        lines += ["From the terms:", _wrap(f'"{rule.terms}"'), ""]
    lines += [f"Terms: {v(pack.terms_url)} (as of {v(str(pack.as_of))})"]
    if pack.confidence:
        lines += ["Source:", _wrap(pack.confidence)]
    lines += ["", "How to fix it:", _wrap(fill_placeholders(rule.help, placeholder_words)), ""]
    if rule.when is not None:
        lines += [f"Applies only when its condition holds (a '{v(rule.when.kind)}' check).", ""]
    if users:
        lines += [f"Also applied through: {v(', '.join(users))}", ""]
    lines += [f"Defined in {v(rule.origin)}:{rule.line}" + (":" if source else ""), ""]
    if source:
        lines += ["\n".join("    " + v(line) if line.strip() else "" for line in textwrap.dedent(source).splitlines()), ""]
    return "\n".join(lines)
