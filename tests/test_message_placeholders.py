"""`{placeholders}` in a pack's message, help and fix templates: a name the rule's findings have,
or the pack is refused at file:line:col with the placeholders it may use. Format-string syntax
is refused at validation and never evaluated at check time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.engine import interpolate
from tests.conftest import SAMPLES, write

HEAD = "id: gz\nname: G\npublisher: G\nterms_url: https://e.org\nas_of: 2024-05-01\nsummary: s\n"


def _pack(message: str, check: str = "{text: {pattern: 'xyz'}}", extra: str = "") -> str:
    return HEAD + f"rules:\n  - id: gz/x\n    severity: error\n    message: {message}\n    help: h\n    check: {check}\n" + extra


def test_an_unknown_placeholder_is_refused_with_the_known_ones(cli: Any, tmp_path: Path) -> None:
    pack = write(tmp_path, "p.yaml", _pack("'m {nope}'"))
    run = cli("rules", "validate", str(pack))
    assert run.code == 2
    assert run.err == (
        f"syndcheck: error: {pack}:10:17: rule gz/x: unknown placeholder '{{nope}}' in message"
        " — this rule's placeholders: {detail}, {evidence}, {rule}, {meta.KEY}\n"
    )
    assert cli("check", "--rules", str(pack), "--pack", "gz", str(SAMPLES / "dcnf" / "no-logo.html")).code == 2


@pytest.mark.parametrize("braced", ["{0}", "{name.__class__}", "{x[0]}", "{x!r}", "{x:>99999999}", "{}", "{evidence!s}", "{rule.__init__.__globals__}"])
def test_format_string_syntax_is_refused(cli: Any, tmp_path: Path, braced: str) -> None:
    pack = write(tmp_path, "p.yaml", _pack(f"'m {braced}'"))
    run = cli("rules", "validate", str(pack))
    assert run.code == 2
    assert f"rule gz/x: '{braced}' in message is not a placeholder: a placeholder is a name in braces" in run.err
    assert run.err.startswith(f"syndcheck: error: {pack}:10:17: ")


def test_every_problem_in_message_and_help_in_one_run(cli: Any, tmp_path: Path) -> None:
    pack = write(tmp_path, "p.yaml", _pack('"m {nope} {0} {name.__class__}"').replace("help: h", "help: 'see {detial}'"))
    run = cli("rules", "validate", str(pack))
    assert run.code == 2
    assert run.err.count("syndcheck: error:") == 4
    assert "unknown placeholder '{detial}' in help — did you mean '{detail}'?" in run.err


@pytest.mark.parametrize(
    ("message", "check", "when"),
    [
        ("'{name} is not tied to G ({credit}, {names})'", "{byline: {affiliation: 'G'}}", ""),
        ("'{name} is not tied to G'", "{text: {pattern: 'G'}}", "    when: {byline: {}}\n"),
        ("'{outlet} credit found'", "{not: {text: {pattern: '(?P<outlet>Getty|AP)'}}}", ""),
        ("'{outlet} near {name}'", "{near: {a: {text: {pattern: '(?P<outlet>G)'}}, b: {byline: {}}, within-blocks: 2}}", ""),
        ("'link {href} kept'", "{any: [{link: {href: 'e\\.org'}}, {text: {pattern: 'x'}}]}", ""),
        ("'{value} in {rule}: {detail}, {evidence}, {meta.reporter}'", "{metadata: {meta: author}}", ""),
        ("'{headline}'", "{original-headline: {}}", ""),
        ("'{credit}'", "{reused-photos: {}}", ""),
    ],
)
def test_placeholders_the_rule_can_fill_are_accepted(cli: Any, tmp_path: Path, message: str, check: str, when: str) -> None:
    pack = write(tmp_path, "p.yaml", _pack(message, check).rstrip("\n") + "\n" + when)
    run = cli("rules", "validate", str(pack))
    assert (run.code, run.err) == (0, "")


def test_a_capture_of_another_check_kind_is_unknown_here(cli: Any, tmp_path: Path) -> None:
    pack = write(tmp_path, "p.yaml", _pack("'{name} missing'", "{text: {pattern: '(?P<outlet>G)'}}"))
    run = cli("rules", "validate", str(pack))
    assert run.code == 2
    assert "unknown placeholder '{name}' in message — this rule's placeholders: {detail}, {evidence}, {outlet}, {rule}, {meta.KEY}" in run.err


def test_an_override_is_checked_against_the_check_it_ends_up_with(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, "base.yaml", _pack("'{name} is not tied to G'", "{byline: {affiliation: 'G'}}"))
    child = HEAD.replace("id: gz", "id: kid") + "extends: gz\nrules:\n  - id: gz/x\n    check: {text: {pattern: 'G'}}\n"
    write(tmp_path, "kid.yaml", child)
    run = cli("rules", "validate", str(tmp_path))
    assert run.code == 2
    assert "kid.yaml" in run.err and "unknown placeholder '{name}' in message" in run.err


@pytest.mark.parametrize(
    ("braced", "says"),
    [
        ("{0}", "'{0}' in the template of 'fix' is not a placeholder"),
        ("{reporter!r}", "'{reporter!r}' in the template of 'fix' is not a placeholder"),
        ("{reporter:>99999999}", "'{reporter:>99999999}' in the template of 'fix' is not a placeholder"),
        ("{reporter.__class__}", "unknown value '{reporter.__class__}' in the template of 'fix'"),
    ],
)
def test_format_string_syntax_in_a_fix_template_is_refused(cli: Any, tmp_path: Path, braced: str, says: str) -> None:
    fix = f"    fix:\n      insert: before\n      where: byline\n      template: 'By {braced}'\n"
    pack = write(tmp_path, "p.yaml", _pack("m", extra=fix))
    run = cli("rules", "validate", str(pack))
    assert run.code == 2
    assert says in run.err


def test_check_time_substitution_never_evaluates_format_syntax() -> None:
    values = {"name": "Ana", "x": "y"}
    template = "{name} {name.__class__} {0} {x[0]} {x!r} {x:>99999999} {nope}"
    assert interpolate(template, values) == "Ana {name.__class__} {0} {x[0]} {x!r} {x:>99999999} {nope}"


def test_each_check_kind_declares_every_value_its_hits_capture(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # Validation lists a rule's placeholders from what its check kinds declare; a hit that
    # captured an undeclared value would make a valid message refused.
    from compliance.checks import base

    seen: dict[str, set[str]] = {}
    undeclared: list[tuple[str, str]] = []
    run_check = base.Context.run

    def recording(self: base.Context, check: base.Check) -> base.Outcome:
        outcome = run_check(self, check)
        declared = base.check_captures(check)
        for hit in outcome.hits:
            for key, _ in hit.captures:
                seen.setdefault(check.kind, set()).add(key)
                if key not in declared:
                    undeclared.append((check.kind, key))
        return outcome

    monkeypatch.setattr(base.Context, "run", recording)
    cli("check", "--jobs", "1", "--format", "json", "samples")
    assert undeclared == []
    assert {"byline", "text", "link", "original-byline", "original-headline", "fidelity", "original-links", "reused-photos"} <= set(seen)


@pytest.mark.parametrize(
    ("template", "value", "message"),
    [
        # A value that ends a sentence takes the template's full stop: no "..", "?.", "!." or "….".
        ("Published as: {evidence}.", "It ends here.", "Published as: It ends here."),
        ("Published as: {evidence}.", "Is it?", "Published as: Is it?"),
        ("Published as: {evidence}.", "Stop!", "Published as: Stop!"),
        ("Published as: {evidence}.", "the story goes on…", "Published as: the story goes on…"),
        ("Published as: {evidence}.", "and so on...", "Published as: and so on..."),
        ("Published as: {evidence}. Fix it.", "It ends here.", "Published as: It ends here. Fix it."),
        # Unchanged: a value without an ending, an ellipsis written after it, a stop not right after.
        ("Published as: {evidence}.", "no ending", "Published as: no ending."),
        ("Published as: {evidence}...", "It ends here.", "Published as: It ends here...."),
        ("Published as: {evidence} (see above).", "It ends here.", "Published as: It ends here. (see above)."),
        ("Said {evidence}", "It ends here.", "Said It ends here."),
        ('Said "{evidence}".', "It ends here.", 'Said "It ends here.".'),
        ("By {evidence}.", "", "By ."),
    ],
)
def test_a_value_that_ends_a_sentence_ends_the_message_once(template: str, value: str, message: str) -> None:
    assert interpolate(template, {"evidence": value}) == message


def test_a_placeholder_without_a_value_and_its_stop_stay_as_written() -> None:
    assert interpolate("Needs {meta.owner}.", {}) == "Needs {meta.owner}."


def test_a_finding_whose_evidence_ends_a_sentence_reads_with_one_full_stop(cli: Any, tmp_path: Path) -> None:
    check = "{text: {phrase: All rights reserved, ignore-case: true, max: 0}}"
    pack = write(tmp_path, "gz.yaml", _pack("'Labelled: {evidence}.'", check))
    story = write(tmp_path, "s.html", "<article><h1>T</h1><p>The council met on Tuesday.</p><p>© 2024 Valley Courier. All rights reserved.</p></article>")
    run = cli("check", "--rules", str(pack), "--pack", "gz", "--format", "json", str(story))
    (finding,) = run.json()["files"][0]["findings"]
    assert finding["message"] == "Labelled: © 2024 Valley Courier. All rights reserved."
    # The formats that show a rule without a finding's values stand an ellipsis for a value not
    # known, not for a sentence's end: the stop stays.
    from compliance.formatters.pipeline import generic_text

    assert generic_text("Labelled: {evidence}.") == "Labelled: …."
