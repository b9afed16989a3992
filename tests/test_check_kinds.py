"""Each check kind's docstring is its user documentation: its YAML example must pass on the
"Passes" snippet and fail on the "Fails" snippet, exactly as documented."""

from __future__ import annotations

import re
import textwrap
from typing import cast

import pytest

from compliance.checks import CHECKS
from compliance.document import DocumentKind, parse_document
from compliance.engine import check_document
from compliance.packs import load_pack

_SECTION = re.compile(r"^(Example[^\n]*|Original|Failing original|Passes|Fails)(?: \((text|markdown)\))?::\n\n((?:    .*\n|\s*\n)+)", re.MULTILINE)


def doc_examples(doc: str) -> dict[str, str]:
    """The Example / Original / Passes / Fails literal blocks of a check kind's docstring."""
    return {key: body for key, (_kind, body) in doc_snippets(doc).items()}


def doc_snippets(doc: str) -> dict[str, tuple[DocumentKind, str]]:
    """Each literal block of a check kind's docstring with the kind of document it is: `html`,
    or the kind its title names (`Fails (text)::`)."""
    sections = {}
    for title, kind, body in _SECTION.findall(doc):
        key = "example" if title.startswith("Example") else title.lower()
        sections[key] = (cast("DocumentKind", kind or "html"), textwrap.dedent(body).strip())
    return sections


def pack_around(check_yaml: str) -> str:
    """A minimal pack whose only rule is the documented check."""
    indented = textwrap.indent(check_yaml, " " * 6)
    return (
        "id: example\nname: Example\npublisher: Example\nterms_url: https://example.org/terms\n"
        "as_of: 2024-01-01\nsummary: Documentation example.\nrules:\n"
        "  - id: example/rule\n    severity: error\n    message: Example rule failed.\n    help: Fix it.\n"
        f"    check:\n{indented}\n"
    )


def documented_examples() -> list[tuple[str, str]]:
    """(kind, its docstring's part from one "Example" block to the next) for every example of
    every check kind: a kind may document more than one, each with its own Passes and Fails."""
    return [(kind, part) for kind in sorted(CHECKS) for part in re.split(r"(?m)^(?=Example[^\n]*::$)", CHECKS[kind].doc)[1:]]


def test_every_check_kind_has_an_example() -> None:
    assert {kind for kind, _ in documented_examples()} == set(CHECKS)


@pytest.mark.parametrize(("kind", "doc"), documented_examples(), ids=[f"{kind}-{n}" for n, (kind, _) in enumerate(documented_examples())])
def test_documented_example_passes_and_fails_as_documented(kind: str, doc: str) -> None:
    snippets = doc_snippets(doc)
    sections = {key: body for key, (_kind, body) in snippets.items()}
    assert set(sections) - {"original", "failing original"} == {"example", "passes", "fails"}, f"{kind} docstring lacks an example section"
    pack = load_pack(pack_around(sections["example"]), f"{kind}-example.yaml")
    # Kinds that compare with the original story document it in an "Original" block; a kind that
    # reads the original alone (`in-original`) documents the one the failing copy is checked with
    # in a "Failing original" block.
    original = parse_document(sections["original"].encode(), "html") if "original" in sections else None
    failing_original = parse_document(sections["failing original"].encode(), "html") if "failing original" in sections else original
    pass_kind, fail_kind = snippets["passes"][0], snippets["fails"][0]
    passing = check_document(parse_document(sections["passes"].encode(), pass_kind), [pack], path=f"passes.{pass_kind}", auto_detect=False, original=original)
    failing = check_document(
        parse_document(sections["fails"].encode(), fail_kind), [pack], path=f"fails.{fail_kind}", auto_detect=False, original=failing_original
    )
    assert [p.rule for p in passing.passed] == ["example/rule"]
    assert passing.findings == ()
    assert [f.rule for f in failing.findings] == ["example/rule"]
    assert failing.passed == ()


def test_every_option_is_documented() -> None:
    for name, kind in CHECKS.items():
        for option in kind.options:
            assert option.doc.strip(), f"{name}.{option.key} has no documentation"


_LABELLED = "<html>\n<body><article><h1>Budget</h1><p>The council met on Tuesday and approved the budget.</p></article></body></html>"


@pytest.mark.parametrize(
    ("check", "placed", "evidence"),
    [
        # An absence that passed has no place in the article, and says what was looked for in the
        # words of the check's label when it has one.
        ("text: {phrase: All rights reserved, max: 0, label: ARR label}", False, "no ARR label in the article"),
        ("text: {phrase: All rights reserved, max: 0}", False, 'no "All rights reserved" in the article'),
        ("element: {selector: 'img[src*=getty]', max: 0, label: Getty photo}", False, "no Getty photo in the article"),
        ("not: {text: {phrase: All rights reserved}}", False, 'no "All rights reserved" in the article'),
        # Prohibitions that all hold say each thing looked for once, however many checks share a label.
        (
            "all: [{text: {phrase: All rights reserved, max: 0, label: ARR}}, {text: {phrase: Reprinted, max: 0, label: ARR}},"
            " {element: {selector: 'img[src*=getty]', max: 0, label: Getty photo}}]",
            False,
            "no ARR in the article; no Getty photo in the article",
        ),
        # A pass that found something is placed where it is.
        ("text: {phrase: approved the budget, label: budget line}", True, "…"),
        ("text: {phrase: approved the budget, max: 1}", True, "…"),
    ],
)
def test_a_pass_is_placed_only_where_it_found_something(check: str, placed: bool, evidence: str) -> None:
    pack = load_pack(pack_around(check), "placed.yaml")
    (passed,) = check_document(parse_document(_LABELLED.encode(), "html"), [pack], path="s.html", auto_detect=False).passed
    assert passed.placed is placed
    if placed:
        assert passed.location.line == 2
    else:
        assert passed.evidence == evidence
