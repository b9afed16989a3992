"""Writing a pack: every mistake in every file in one run, each at file:line:col in the pack as
written; YAML double-quoted escapes that turn a regex into control characters are refused; a
misspelt rule id in a fixture is named as such, with a suggestion."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SAMPLES, write

HEAD = "id: {id}\nname: N\npublisher: P\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\n"


def _rule(pack: str, name: str, check: str, severity: str = "error") -> str:
    return f"  - id: {pack}/{name}\n    severity: {severity}\n    message: m\n    help: h\n    check: {check}\n"


def test_every_error_in_every_file_in_one_run(cli: Any, tmp_path: Path) -> None:
    for pack in ("one", "two"):
        write(
            tmp_path,
            f"{pack}.yaml",
            HEAD.format(id=pack)
            + "rules:\n"
            + _rule(pack, "a", "{text: {pattern: 'x'}}", severity="eror")
            + _rule(pack, "b", "{text: {patern: 'x'}}")
            + _rule(pack, "c", "{text: {pattern: 'ok'}}"),
        )
    write(tmp_path, "three.yaml", "id: three\nname: [unclosed\n")
    run = cli("rules", "validate", str(tmp_path))
    assert run.code == 2
    lines = run.err.splitlines()
    assert lines[-1] == "exit 2: 5 errors"
    located = [line.removeprefix("syndcheck: error: ").split(": ", 1)[0] for line in lines[:-1]]
    names = [Path(place.split(":")[0]).name + ":" + place.split(":", 1)[1] for place in located]
    assert sorted(names) == ["one.yaml:17:20", "one.yaml:9:15", "three.yaml:3:1", "two.yaml:17:20", "two.yaml:9:15"]
    one = [line for line in lines if "one.yaml" in line]
    assert "did you mean 'error'?" in one[0] and "did you mean 'pattern'?" in one[1]


def test_double_quoted_escape_that_makes_a_control_character_is_refused(cli: Any, tmp_path: Path) -> None:
    pack = write(tmp_path, "p.yaml", HEAD.format(id="p") + "rules:\n" + _rule("p", "byline", '{text: {pattern: "\\bBy"}}'))
    run = cli("rules", "validate", str(pack))
    assert run.code == 2
    assert run.err == (
        f"syndcheck: error: {pack}:12:29: rule p/byline: pattern contains a control character (\\b in YAML double quotes is not a regex escape):"
        " '\\x08By' — write the pattern in single quotes, where backslashes stay as typed: '\\bBy'\n"
    )
    fixed = write(tmp_path, "q.yaml", HEAD.format(id="q") + "rules:\n" + _rule("q", "byline", "{text: {pattern: '\\bBy\\s'}}"))
    assert cli("rules", "validate", str(fixed)).code == 0


def test_regex_error_points_into_the_pattern_as_written(cli: Any, tmp_path: Path) -> None:
    text = HEAD.format(id="r") + "define:\n  outlet: 'Example\\s+Gazette'\nrules:\n" + _rule("r", "credit", "{text: {pattern: '{{outlet}} it''s (said'}}")
    pack = write(tmp_path, "r.yaml", text)
    run = cli("rules", "validate", str(pack))
    line = text.splitlines().index("    check: {text: {pattern: '{{outlet}} it''s (said'}}") + 1
    # The regex error is at the end of the pattern: 1 quote + 22 characters written ('' counts as one) + 1.
    column = len("    check: {text: {pattern: '") + len("{{outlet}} it''s (said") + 1
    assert run.err.startswith(f"syndcheck: error: {pack}:{line}:{column}: rule r/credit: invalid regex '{{{{outlet}}}} it's (said': missing )")


@pytest.mark.parametrize(
    ("expectations", "reported"),
    [
        # A typo of the rule the article fails: the typo, and the finding it did not expect.
        ("<!-- expect: dcnf/lgo -->\n", ["expects unknown rule 'dcnf/lgo' — did you mean 'dcnf/logo'?", "{line}: unexpected finding of dcnf/logo"]),
        ("<!-- expect-line: dcnf/lgo -->\n", [":3: expects unknown rule 'dcnf/lgo' — did you mean 'dcnf/logo'?", "{line}: unexpected finding of dcnf/logo"]),
        # Beside a right expectation: that one is met, only the typo is reported.
        ("<!-- expect: dcnf/logo -->\n<!-- expect: dcnf/bylin -->\n", ["expects unknown rule 'dcnf/bylin' — did you mean 'dcnf/byline'?"]),
        # Beside an expectation the article does not meet: every mismatch at once.
        (
            "<!-- expect: dcnf/byline -->\n<!-- expect: dcnf/lgo -->\n",
            [
                "expects unknown rule 'dcnf/lgo' — did you mean 'dcnf/logo'?",
                "expected a finding of dcnf/byline, got none",
                "{line}: unexpected finding of dcnf/logo",
            ],
        ),
    ],
)
def test_unknown_rule_in_a_fixture_is_named_with_a_suggestion_and_hides_no_other_mismatch(
    cli: Any, tmp_path: Path, expectations: str, reported: list[str]
) -> None:
    story = (SAMPLES / "dcnf" / "no-logo.html").read_text(encoding="utf-8")
    fixture = write(tmp_path, "f.html", "<!-- syndcheck-test: packs=dcnf -->\n" + expectations + story)
    line = 122 + 1 + expectations.count("\n")  # the logo's place in the sample, below the comments
    run = cli("rules", "test", str(tmp_path))
    assert run.code == 1
    # "{line}: …" and ":3: …" are at a line of the fixture, the others on the fixture as a whole.
    mismatches = [
        f"{fixture}:{m.format(line=line)}" if m.startswith("{line}") else f"{fixture}{m}" if m.startswith(":") else f"{fixture}: {m}" for m in reported
    ]
    count = f"{len(reported)} mismatch{'es' if len(reported) > 1 else ''}"
    assert run.out == "".join(m + "\n" for m in mismatches) + f"1 fixtures, {count}\n"


def test_every_mistake_inside_one_rule_and_one_mapping_in_one_run(cli: Any, tmp_path: Path) -> None:
    rule = "  - id: t/a\n    severity: eror\n    message: [m]\n    help: h\n    check: {text: {phrase: 'x', lats: 3}}\n"
    pack = write(tmp_path, "t.yaml", HEAD.format(id="t").replace("name: N\n", "nam: N\n").replace("summary: s\n", "sumary: s\n") + "rules:\n" + rule)
    run = cli("rules", "validate", str(pack))
    assert run.code == 2
    places = [line.removeprefix(f"syndcheck: error: {pack}:").split(": ", 1)[0] for line in run.err.splitlines()[:-1]]
    assert places == ["2:1", "6:1", "9:15", "10:14", "12:33"], run.err
    assert run.err.splitlines()[-1] == "exit 2: 5 errors"
    assert "did you mean 'name'?" in run.err and "did you mean 'error'?" in run.err and "did you mean 'last'?" in run.err
    assert "missing required key 'name'" not in run.err  # said once, by the misspelt key


def test_a_pack_without_an_id_is_told_to_add_one(cli: Any, tmp_path: Path) -> None:
    pack = write(tmp_path, "n.yaml", HEAD.format(id="n").replace("id: n\n", "") + "rules: []\n")
    run = cli("rules", "validate", str(pack))
    assert run.err.splitlines()[0] == f"syndcheck: error: {pack}:1:1: 'id' is missing — add id: … (a string)"


# -- try-out 8: a pack that would check nothing --------------------------------------------------

NOTHING_HINT = "add a rule (see docs/rule-packs.md), or extend a pack that has rules ('extends: creative-commons')"


@pytest.mark.parametrize(
    ("rules", "line", "why"),
    [
        ("rules: []\n", 7, "has no rules"),
        ("rules:\n", 7, "has no rules"),  # an empty list written as nothing
        (
            "extends: common\nrules:\n" + "".join(f"  - id: common/{r}\n    off: true\n" for r in ("wire-photo", "empty-byline", "reused-agency-photo")),
            8,
            "turns off every rule it inherits from common",
        ),
    ],
    ids=["empty-list", "empty-key", "every-inherited-rule-off"],
)
def test_a_pack_that_would_check_nothing_is_a_pack_error_at_its_rules(cli: Any, tmp_path: Path, rules: str, line: int, why: str) -> None:
    pack = write(tmp_path, "gazette.yaml", HEAD.format(id="gazette") + rules)
    for run in (cli("rules", "validate", str(pack)), cli("check", "--rules", str(pack), "--pack", "gazette", str(SAMPLES / "dcnf" / "republished.txt"))):
        if rules == "rules:\n":
            assert run.code == 2 and "'rules' must be a list of rules" in run.err
            continue
        told = f"syndcheck: error: {pack}:{line}:1: pack 'gazette' {why}: applied to an article, it would check nothing and pass it — {NOTHING_HINT}\n"
        assert (run.code, run.err) == (2, told)


def test_a_configuration_cannot_swap_a_pack_for_one_that_checks_nothing(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, "packs/house.yaml", HEAD.format(id="house") + "rules: []\n")
    write(tmp_path, ".syndcheck.yaml", "rules: [packs]\n")
    article = write(tmp_path, "a.txt", (SAMPLES / "dcnf" / "missing-logo-line.txt").read_bytes())
    run = cli("check", str(article))
    assert run.code == 2 and "house.yaml:7:1: pack 'house' has no rules" in run.err


def test_a_pack_of_only_inherited_rules_is_a_pack(cli: Any, tmp_path: Path) -> None:
    pack = write(tmp_path, "gazette.yaml", HEAD.format(id="gazette") + "extends: creative-commons\nrules: []\n")
    run = cli("rules", "validate", str(pack))
    assert (run.code, run.out) == (0, f"{pack}: ok (gazette, 7 rules)\n")  # creative-commons's 4 and common's 3


_BASE_WITH_OPEN_NAME = (
    HEAD.format(id="base")
    + "define:\n  who: 'Anyone'\n  line: 'Made\\s+by\\s+{{who}}'\n"
    + "rules:\n"
    + _rule("base", "maker", "{text: {pattern: '{{line}}'}}")
    + _rule("base", "plain", "{text: {pattern: 'Plain'}}")
)


def test_an_inherited_rule_reads_the_definition_of_the_pack_that_applies_it(tmp_path: Path) -> None:
    from compliance.packbuild import build_packs
    from compliance.yamlsource import parse_yaml

    child = HEAD.format(id="child") + "extends: base\ndefine:\n  who: 'the\\s+Gazette'\nrules: []\n"
    grandchild = HEAD.format(id="grandchild") + "extends: child\nrules:\n" + _rule("grandchild", "own", "{text: {pattern: 'x'}}")
    sources = ((_BASE_WITH_OPEN_NAME, "base.yaml"), (child, "child.yaml"), (grandchild, "grandchild.yaml"))
    base, child_pack, grand = build_packs([(parse_yaml(text, name), name) for text, name in sources])
    maker = {pack.id: next(rule for rule in pack.rules if rule.id == "base/maker").check.params.pattern for pack in (base, child_pack, grand)}
    assert maker["base"].compiled.search("Made by Anyone") and not maker["base"].compiled.search("Made by the Gazette")
    assert maker["child"].compiled.search("Made by the Gazette") and not maker["child"].compiled.search("Made by Anyone")
    # What the rule says stays as written; the grandchild keeps the child's binding.
    assert maker["child"].source == "{{line}}"
    assert maker["grandchild"] is maker["child"]
    # A rule using none of the redefined names is the base's own object, shared.
    plain = [next(rule for rule in pack.rules if rule.id == "base/plain") for pack in (base, child_pack)]
    assert plain[0] is plain[1]


def test_a_redefinition_that_breaks_an_inherited_pattern_is_an_error_at_the_definition(cli: Any, tmp_path: Path) -> None:
    # Valid alone, the definition repeats 100 times what the base's pattern repeats 20 times.
    write(tmp_path, "base.yaml", _BASE_WITH_OPEN_NAME.replace("'Made\\s+by\\s+{{who}}'", "'(?:Made\\s+by\\s+{{who}}){20}'"))
    write(tmp_path, "child.yaml", HEAD.format(id="child") + "extends: base\ndefine:\n  who: 'x{100}'\nrules: []\n")
    run = cli("rules", "validate", str(tmp_path))
    assert run.code == 2
    (error,) = [line for line in run.err.splitlines() if "error:" in line]
    assert "child.yaml:9:" in error and "{{line}}" in error, error


@pytest.mark.parametrize("selector", ["svg|a", "figcaption, x|caption", "*|p svg|text"])
def test_a_selector_with_a_namespace_prefix_is_refused_when_the_pack_is_read(cli: Any, tmp_path: Path, selector: str) -> None:
    # In an HTML tree the prefix names no namespace: lxml would refuse it on every page it runs on.
    check = "{text: {pattern: 'x', max: 0, outside: '" + selector + "'}}"
    write(tmp_path, "ns.yaml", HEAD.format(id="ns") + "rules:\n" + _rule("ns", "r", check))
    run = cli("rules", "validate", str(tmp_path))
    assert run.code == 2
    (error,) = [line for line in run.err.splitlines() if "error:" in line]
    assert "ns.yaml:12:" in error and "invalid CSS selector" in error and "namespace" in error.lower(), error


TAB_HINT = "invalid YAML: a tab indents this line — YAML does not allow tabs for indentation: use spaces"


@pytest.mark.parametrize(
    ("body", "line", "column"),
    [
        ("outlets:\n\t- Example Gazette\n", 8, 1),  # a list item
        ("define:\n\toutlet: 'Example'\n", 8, 1),  # a key under a mapping
        ("outlets:\n  - Example Gazette\ndefine:\n  \touter: 'x'\n", 10, 3),  # a tab after spaces
    ],
)
def test_a_tab_used_for_indentation_is_named_at_its_place(cli: Any, tmp_path: Path, body: str, line: int, column: int) -> None:
    pack = write(tmp_path, "p.yaml", HEAD.format(id="p") + body + "rules:\n" + _rule("p", "a", "{text: {pattern: 'x'}}"))
    run = cli("rules", "validate", str(pack))
    assert run.code == 2
    assert run.err == f"syndcheck: error: {pack}:{line}:{column}: {TAB_HINT}\n"


QUOTES_HINT = "in YAML, write regexes in single quotes so backslashes stay as typed"
LITERAL_HINT = "escape a bracket or parenthesis meant literally with a backslash: '\\('"


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("'Example(\\s+Gazette'", LITERAL_HINT),  # already in single quotes: the advice is about the pattern
        ("'Example [Gazette'", LITERAL_HINT),
        ('"Example(\\\\s+Gazette"', QUOTES_HINT),  # double quotes: YAML reads the backslashes first
        ("Example(Gazette", QUOTES_HINT),  # plain
    ],
)
def test_an_invalid_regex_in_a_definition_names_it_and_hints_by_how_it_is_quoted(cli: Any, tmp_path: Path, written: str, hint: str) -> None:
    pack = write(tmp_path, "d.yaml", HEAD.format(id="d") + f"define:\n  outlet: {written}\nrules:\n" + _rule("d", "a", "{text: {pattern: '{{outlet}}'}}"))
    run = cli("rules", "validate", str(pack))
    assert run.code == 2
    assert run.err.startswith(f"syndcheck: error: {pack}:8:") and ": invalid regex in define: outlet '" in run.err, run.err
    assert run.err.endswith(f" — {hint}\n"), run.err


def test_an_invalid_single_quoted_regex_in_a_rule_is_not_told_to_use_single_quotes(cli: Any, tmp_path: Path) -> None:
    pack = write(tmp_path, "r.yaml", HEAD.format(id="r") + "rules:\n" + _rule("r", "credit", "{text: {pattern: 'Republished (with'}}"))
    run = cli("rules", "validate", str(pack))
    assert run.err == f"syndcheck: error: {pack}:12:47: rule r/credit: invalid regex 'Republished (with': missing ) — {LITERAL_HINT}\n"
