"""`syndcheck fix`: fix templates insert the block a publisher requires, and only that block."""

from __future__ import annotations

import difflib
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from compliance.engine import CheckSettings
from compliance.errors import InputError, PackError
from compliance.fixes import plan_fixes
from compliance.fixtemplates import BUILT_IN_VALUES
from compliance.inputs import kind_for
from compliance.outputs import replace_unchanged
from compliance.packfiles import load_packs
from compliance.packs import load_pack
from tests.conftest import ROOT, SAMPLES, SEED

PACKS = load_packs()
DCNF_ORIGINAL = "samples/originals/dcnf-original.html"
# Values an editor would give with --meta for the samples that have no original beside them.
VALUES = {
    "dcnf": {"reporter": "Jake Smith", "logo-url": "https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png"},
    "propublica": {"reporter": "Hollis Brandt", "original-url": "https://www.propublica.org/article/pipeline-weld-inspections-records"},
    "the-conversation": {"original-url": "https://theconversation.com/spring-runoff-changes-what-comes-out-of-your-tap-228417"},
}
SAMPLE_FILES = sorted(str(p.relative_to(ROOT)) for p in SAMPLES.rglob("*") if p.suffix in {".html", ".txt", ".md"})


def _assert_inserted_only(before: bytes, after: bytes, inserted: list[str]) -> None:
    """`after` is `before` with the inserted texts added and nothing else changed: every line of
    `before` is still there, in order, and the only new bytes are the inserted ones."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        # A block inserted inside a line (after a closing tag) shows as that line replaced by
        # itself plus the block; taking the block out must give the line back.
        if tag == "replace":
            changed, was = b"".join(new[j1:j2]).decode(), b"".join(old[i1:i2]).decode()
            for text in inserted:
                changed = changed.replace(text, "", 1)
            assert changed == was, (was, changed)
        else:
            assert tag in ("equal", "insert"), (tag, old[i1:i2], new[j1:j2])
    assert len(after) - len(before) == sum(len(text.encode()) for text in inserted)


@pytest.mark.parametrize("sample", SAMPLE_FILES)
def test_after_the_fix_the_fixed_rules_pass_and_only_the_blocks_were_inserted(sample: str) -> None:
    path = ROOT / sample
    pack = sample.split("/")[1]
    settings = CheckSettings(packs=PACKS, path=sample, meta=VALUES.get(pack, {}), default_meta=_sidecar(path), load_original=_reader(path))
    plan = plan_fixes(path.read_bytes(), kind_for(sample), settings)
    fixed_rules = {edit.rule for edit in plan.edits}
    assert not fixed_rules & {f.rule for f in plan.after.findings}
    # No finding is added by a fix; a block may satisfy more than its own rule (DCNF's logo above
    # the byline is also the reporter's affiliation), never a rule that has no fix, but the
    # reporter's: the byline block names the reporter given, whom that rule asks to be credited.
    assert not Counter(f.rule for f in plan.after.findings) - Counter(f.rule for f in plan.before.findings)
    removed = {f.rule for f in plan.before.findings} - {f.rule for f in plan.after.findings}
    assert fixed_rules <= removed
    # A rule with no fix passes too when its extra copies were taken out (a credit line twice).
    assert all(_has_fix(rule, plan.before.packs) or _credits_the_reporter(rule, plan.before.packs) or rule in fixed_rules for rule in removed)
    # What a fix takes out is the name a wrong byline shows ("Staff") with the rest of its credit
    # ("Mark Ellison Contributor": his title is no credit of the reporter's), replaced by the
    # reporter's credit, or a paragraph it moves; every other byte of the original is kept.
    text = plan.text_before
    for edit in (e for e in plan.edits if e.removed and e.text):
        (wrong,) = [b for b in settings.parse(plan.original, kind_for(sample)).bylines[:1]]
        taken = text[edit.offset : edit.offset + edit.removed]
        credit_words = wrong.reading.credit.split()
        assert taken in (wrong.reading.credit, *wrong.names) or (
            bool(wrong.names) and taken.startswith(wrong.names[0]) and bool(credit_words) and taken.endswith(credit_words[-1])
        )
    kept = b"".join(plan.text_before[e.offset : e.offset + e.removed].encode() for e in plan.edits)
    _assert_inserted_only(
        _without_removed(plan.original, [e for e in plan.edits if e.removed], plan.text_before),
        plan.fixed,
        [e.text for e in plan.edits],
    )
    assert len(plan.fixed) - len(plan.original) == sum(len(e.text.encode()) for e in plan.edits) - len(kept)
    if pack in VALUES:
        # With the values given, every failing rule whose pack has a fix is fixed, unless the fix
        # does not apply to the page (ProPublica's pixel on an AMP page) or needs what only an
        # original story gives (The Conversation's authors with their institutions) and the
        # sample has none, or a copy too many is not word for word the one that stays (which to
        # keep is the editor's choice).
        only_from_an_original = "needs " + BUILT_IN_VALUES["authors"]
        left = [u.rule for u in plan.unfixed if not u.reason.startswith(("the fix does not apply", only_from_an_original))]
        assert [rule for rule in left if not next(u for u in plan.unfixed if u.rule == rule).reason.endswith("take out the others by hand")] == []
        fixable = {f.rule for f in plan.before.findings if _has_fix(f.rule, plan.before.packs)}
        assert fixable - {u.rule for u in plan.unfixed} <= removed


def _without_removed(original: bytes, replacements: list[Any], text: str) -> bytes:
    """The original without the characters the replacements take out (a wrong byline's name)."""
    cut = text
    for edit in sorted(replacements, key=lambda e: -e.offset):
        cut = cut[: edit.offset] + cut[edit.offset + edit.removed :]
    prefix = original[: len(original) - len(text.encode())] if replacements else b""
    return prefix + cut.encode() if replacements else original


def _has_fix(rule_id: str, applied: tuple[str, ...]) -> bool:
    """Whether the applied packs' version of the rule has a fix (an override may have none)."""
    rule = next(r for p in PACKS if p.id in applied for r in p.rules if r.id == rule_id)
    return rule.fix is not None


def _credits_the_reporter(rule_id: str, applied: tuple[str, ...]) -> bool:
    """Whether the rule asks that the byline credit the original's (or the given) reporter."""
    rule = next(r for p in PACKS if p.id in applied for r in p.rules if r.id == rule_id)
    return rule.check.kind == "original-byline"


def _sidecar(path: Path) -> dict[str, str]:
    from compliance.inputs import Source, read_sidecar_meta

    return read_sidecar_meta(Source(str(path), kind_for(str(path)), path))


def _reader(path: Path) -> Any:
    from compliance.originals import OriginalReader

    return OriginalReader().reader_for(path)


def test_every_failing_dcnf_propublica_and_conversation_sample_is_fixed(cli: Any, tmp_path: Path) -> None:
    fixed = []
    for sample in SAMPLE_FILES:
        pack = sample.split("/")[1]
        if pack not in VALUES:
            continue
        copy = tmp_path / Path(sample).name
        copy.write_bytes((ROOT / sample).read_bytes())
        values = [arg for key, value in VALUES[pack].items() for arg in ("--meta", f"{key}={value}")]
        run = cli("fix", "--write", *values, str(copy))
        after = cli("check", "--format", "json", str(copy)).json()["files"][0]
        assert not {f["rule"] for f in after["findings"]} & {r for r in ("dcnf/logo", "dcnf/byline", "dcnf/affiliation")}
        assert run.code == (1 if any(f["severity"] == "error" for f in after["findings"]) else 0), (sample, run.err)
        if copy.read_bytes() != (ROOT / sample).read_bytes():
            fixed.append(Path(sample).name)
    assert sorted(fixed) == [
        "byline-replaced.txt",
        "counter-stripped.html",
        "hidden-logo.html",
        "logo-in-sidebar.html",
        "missing-logo-line.txt",
        "no-affiliation.html",
        "no-logo.html",
        "staff-byline-twice.html",
        "staff-byline.html",
    ]


def _seed() -> bytes:
    return (SEED if SEED.exists() else SAMPLES / "dcnf" / "republished.txt").read_bytes()


def test_the_seed_with_its_logo_line_removed_is_restored_byte_for_byte(cli: Any, tmp_path: Path) -> None:
    seed = _seed()
    story = tmp_path / "seed.txt"
    story.write_bytes(seed.replace(b"Daily Caller News Foundation logo\n", b"", 1))
    assert cli("check", "--pack", "dcnf", str(story)).code == 1
    run = cli("fix", "--write", "--pack", "dcnf", "--original", DCNF_ORIGINAL, str(story))
    assert run.code == 0, run.err
    assert story.read_bytes() == seed
    assert f"{story}:5: fixed dcnf/logo: inserted 'Daily Caller News Foundation logo' before the byline" in run.err


def test_the_seed_with_its_byline_removed_gets_the_original_reporter_back(cli: Any, tmp_path: Path) -> None:
    seed = _seed()
    story = tmp_path / "seed.txt"
    story.write_bytes(seed.replace(b"Jake Smith Contributor\n", b"", 1))
    run = cli("fix", "--write", "--pack", "dcnf", "--original", DCNF_ORIGINAL, str(story))
    assert run.code == 0, run.err
    assert story.read_bytes() == seed.replace(b"Jake Smith Contributor\n", b"By Jake Smith, Daily Caller News Foundation\n", 1)
    assert "fixed dcnf/byline: inserted 'By Jake Smith, Daily Caller News Foundation' after 'Daily Caller News Foundation logo'" in run.err
    assert cli("check", "--pack", "dcnf", "--original", DCNF_ORIGINAL, str(story)).code == 0


def test_the_default_is_a_diff_and_the_file_is_not_touched(cli: Any, tmp_path: Path) -> None:
    story = tmp_path / "no-logo.html"
    story.write_bytes((SAMPLES / "dcnf" / "no-logo.html").read_bytes())
    run = cli("fix", "--original", DCNF_ORIGINAL, str(story))
    assert story.read_bytes() == (SAMPLES / "dcnf" / "no-logo.html").read_bytes()
    assert run.code == 1
    added = [line for line in run.out.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert added == [
        '+    <p><img src="https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png" alt="Daily Caller News Foundation logo"></p>'
    ]
    assert run.out.startswith(f"--- {story}\n+++ {story}\n@@ -123,6 +123,7 @@\n")
    assert run.err.endswith("exit 1: fixes to apply (run again with --write)\n")


def _write_refused(cli: Any, tmp_path: Path, sample: str) -> tuple[Path, Any]:
    """`fix --write` on a copy of a sample that must stay byte for byte as it was (exit 1)."""
    page = tmp_path / Path(sample).name
    page.write_bytes((SAMPLES / sample).read_bytes())
    run = cli("fix", "--write", str(page))
    assert run.code == 1
    assert page.read_bytes() == (SAMPLES / sample).read_bytes()
    return page, run


def test_a_fix_without_its_value_is_not_applied_and_names_the_value(cli: Any, tmp_path: Path) -> None:
    story, run = _write_refused(cli, tmp_path, "dcnf/staff-byline.html")
    assert f"{story}: not fixed: dcnf/byline: needs the reporter's name: give the original story (--original FILE) or --meta reporter=NAME" in run.err


def test_markdown_gets_markdown_and_values_are_escaped_for_their_syntax(tmp_path: Path) -> None:
    article = "# Pipeline Inspectors Signed Off\n\nBy Pat Doe, ProPublica\n\nFirst paragraph of the story.\n\nSecond paragraph.\n"
    meta = {"original-url": "https://www.propublica.org/article/welds", "reporter": "Pat Doe"}
    pack = [p for p in PACKS if p.id == "propublica"]
    plan = plan_fixes(article.encode(), "markdown", CheckSettings(packs=pack, path="story.md", auto_detect=False, meta=meta))
    # A Markdown copy is published online: the credit line with "ProPublica" linked to the original
    # (which is the link back too: no second link is added) and the pixel as the raw HTML Markdown takes.
    assert plan.fixed.decode() == (
        article.replace("First paragraph", "This story was originally published by [ProPublica](https://www.propublica.org/article/welds).\n\nFirst paragraph")
        + '\n<script async src="https://pixel.propublica.org/pixel.js"></script>\n'
    )
    html = b"<html><body><article><h1>Welds</h1><p>First.</p><p>Second.</p></article></body></html>"
    hostile = {"original-url": 'https://www.propublica.org/article/welds?a=1&b="><script>alert(1)</script>'}
    plan = plan_fixes(html, "html", CheckSettings(packs=pack, path="s.html", auto_detect=False, meta=hostile))
    assert [e.rule for e in plan.edits if "originally published" in e.text or "original story" in e.text] == ["propublica/credit-line"]
    (credit,) = [e for e in plan.edits if e.rule == "propublica/credit-line"]
    assert credit.text == (
        '<p>This story was originally published by <a href="https://www.propublica.org/article/welds?a=1&amp;b=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">'
        "ProPublica</a>.</p>"
    )


def test_write_refuses_a_file_that_changed_since_it_was_read(tmp_path: Path) -> None:
    story = tmp_path / "story.html"
    story.write_bytes(b"<p>edited by someone else</p>")
    with pytest.raises(InputError, match="changed since it was read"):
        replace_unchanged(story, b"<p>as read</p>", b"<p>fixed</p>")
    assert story.read_bytes() == b"<p>edited by someone else</p>"
    replace_unchanged(story, b"<p>edited by someone else</p>", b"<p>fixed</p>")
    assert story.read_bytes() == b"<p>fixed</p>"
    assert [p.name for p in tmp_path.iterdir()] == ["story.html"]


def test_write_keeps_a_hard_linked_file_one_file(tmp_path: Path) -> None:
    story = tmp_path / "story.html"
    story.write_bytes(b"<p>as read</p>")
    other = tmp_path / "published" / "story.html"
    other.parent.mkdir()
    os.link(story, other)
    replace_unchanged(story, b"<p>as read</p>", b"<p>fixed</p>")
    # Every name of the file shows the fix: the link was not replaced by a new file.
    assert other.read_bytes() == b"<p>fixed</p>" and os.path.samefile(story, other)


def test_write_keeps_the_owner_or_rewrites_the_file_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    story = tmp_path / "story.html"
    story.write_bytes(b"<p>as read</p>")
    before = story.stat()
    replace_unchanged(story, b"<p>as read</p>", b"<p>fixed, atomically</p>")
    after = story.stat()
    assert (after.st_uid, after.st_gid, after.st_mode) == (before.st_uid, before.st_gid, before.st_mode) and after.st_ino != before.st_ino
    # An owner the new file cannot be given (another user's file in a shared folder): the file
    # itself is rewritten, so it keeps its owner.
    real_stat = Path.stat

    def owned_by_someone_else(self: Path, **options: Any) -> os.stat_result:
        status = real_stat(self, **options)
        if self == story:
            return os.stat_result((status.st_mode, status.st_ino, status.st_dev, status.st_nlink, status.st_uid + 1, status.st_gid, *status[6:]))
        return status

    def refused(*_: Any) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(Path, "stat", owned_by_someone_else)
    monkeypatch.setattr(os, "chown", refused)
    replace_unchanged(story, b"<p>fixed, atomically</p>", b"<p>fixed in place</p>")
    assert story.read_bytes() == b"<p>fixed in place</p>" and real_stat(story).st_ino == after.st_ino
    assert [p.name for p in tmp_path.iterdir()] == ["story.html"]


def test_fix_writes_only_the_files_given(cli: Any, tmp_path: Path) -> None:
    assert cli("fix", "--write", str(tmp_path)).code == 2
    link = tmp_path / "link.html"
    link.symlink_to(SAMPLES / "dcnf" / "no-logo.html")
    run = cli("fix", "--write", str(link))
    assert run.code == 2
    assert "is a symbolic link" in run.err


@pytest.mark.parametrize(
    ("fix", "error"),
    [
        ("{insert: above, where: byline, template: x}", "'insert' of 'fix' must be one of before, after, replace, got 'above'"),
        ("{insert: replace, where: byline, template: x}", "'where' of a fix that replaces must be a check, whose first match is the line replaced"),
        ("{insert: before, where: bylin, template: x}", "did you mean 'byline'?"),
        ("{insert: before, where: byline, template: 'By {reportr}'}", "unknown value '{reportr}' in the template of 'fix' — did you mean 'reporter'?"),
        ("{insert: before, where: byline, template: {htm: x}}", "unknown key 'htm' in 'template' of 'fix'"),
        ("{insert: before, where: byline, template: x, colour: red}", "unknown key 'colour' in 'fix'"),
    ],
)
def test_fix_templates_are_validated_with_the_pack(fix: str, error: str) -> None:
    pack = f"""id: gazette
name: Gazette
publisher: Example Gazette
terms_url: https://gazette.example/terms
as_of: 2024-01-01
summary: test
rules:
  - id: gazette/credit
    severity: error
    message: m
    help: h
    check: {{text: {{phrase: Example Gazette}}}}
    fix: {fix}
"""
    with pytest.raises(PackError) as caught:
        load_pack(pack, "gazette.yaml")
    assert error in str(caught.value)
    assert "gazette.yaml:13:" in str(caught.value)


def _fenced(text: str, language: str) -> list[str]:
    import re

    return re.findall(rf"```{language}\n(.*?)```", text, re.DOTALL)


def test_readme_fix_example_is_what_the_tool_prints(cli: Any) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8").split("### Putting it right", 1)[1]
    command = _fenced(readme, "sh")[0]
    run = cli(*command.split()[1:])
    assert run.out == _fenced(readme, "diff")[0]
    assert run.code == 1


def test_rule_packs_doc_fix_example_runs_as_described(cli: Any, tmp_path: Path, monkeypatch: Any) -> None:
    section = (ROOT / "docs" / "rule-packs.md").read_text(encoding="utf-8").split("## Fix templates", 1)[1]
    (tmp_path / "gazette.yaml").write_text(_fenced(section, "yaml")[0], encoding="utf-8")
    (tmp_path / "story.md").write_text(
        "# Council passes budget\n\nBy Ana Ruiz, Example Gazette\n\nThe council approved the budget after a long debate.\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)  # after the `cli` fixture's own change of folder
    args = ["fix", "--rules", "gazette.yaml", "--pack", "gazette", "story.md"]
    run = cli(*args, "--meta", "gazette-logo=https://gazette.example/logo.png")
    assert run.out == _fenced(section, "diff")[0]
    assert run.code == 1
    # Without the logo's address the logo is not added, and the message says what to give; the
    # logo rule is a warning, so what is left does not fail the run.
    run = cli(*args, "--write")
    assert run.code == 0
    assert "story.md: not fixed: gazette/logo: needs 'logo': give the original story" in run.err
    assert (tmp_path / "story.md").read_text(encoding="utf-8").count("This story first appeared in the Example Gazette.") == 1


def test_no_custom_script_is_added_to_an_amp_page(cli: Any, tmp_path: Path) -> None:
    page, run = _write_refused(cli, tmp_path, "propublica/amp-no-pixel.html")
    assert f"{page}: not fixed: propublica/pixel: the fix does not apply to this page (it is only for a page with no AMP markup (<html amp>))" in run.err


_DESK_PACK = (
    "id: desk\nname: D\npublisher: P\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\nrules:\n"
    "  - id: desk/credit\n    severity: error\n    message: m\n    help: h\n"
    "    check: {text: {phrase: First published by the Desk}}\n"
    "    fix:\n      insert: before\n      where: body\n      when: {text: {pattern: '{{meta.section}}'}}\n"
    "      template: First published by the Desk.\n"
)


@pytest.mark.parametrize(("meta", "block"), [({"section": "Metro"}, "<p>First published by the Desk.</p>"), ({}, None)])
def test_a_finding_carries_its_fix_block_and_keeps_the_finding_when_the_fix_cannot_decide(meta: dict[str, str], block: str | None) -> None:
    from compliance.engine import check_bytes

    page = b"<html><body><article><h1>Metro budget</h1><p>By Ana Ruiz</p><p>The council met.</p><p>It voted.</p></article></body></html>"
    report = check_bytes(page, "html", [load_pack(_DESK_PACK, "desk.yaml")], path="s.html", auto_detect=False, meta=meta)
    (finding,) = report.findings
    assert finding.rule == "desk/credit"
    # Without the section its 'when' needs, the fix's place cannot be decided: the finding stands, without a block.
    assert (finding.fix.text if finding.fix else None) == block
    assert finding.fix is None or finding.fix.place == "before the body"


@pytest.mark.parametrize("logo", ["HTTPS://cdn.example/dcnf-logo.png", "Http://cdn.example/dcnf-logo.png"])
def test_an_address_in_meta_whose_scheme_is_in_capitals_is_used(cli: Any, logo: str) -> None:
    # A URL scheme is case-insensitive (RFC 3986 §3.1).
    run = cli("fix", "--pack", "dcnf", "--meta", f"logo-url={logo}", str(SAMPLES / "dcnf" / "no-logo.html"))
    assert run.code == 1, run.err
    assert f'inserted \'<p><img src="{logo}" alt="Daily Caller News Foundation logo"></p>\' before the byline' in run.err


@pytest.mark.parametrize("logo", ["https://", "https://?x", "HTTPS://", "https://:80/logo.png"])
def test_a_logo_address_with_no_host_is_not_written_into_the_article(cli: Any, tmp_path: Path, logo: str) -> None:
    # `<img src="https://">` loads nothing: the fix names the value it needs instead, and the
    # article is left as it was.
    story = tmp_path / "no-logo.html"
    story.write_bytes((SAMPLES / "dcnf" / "no-logo.html").read_bytes())
    run = cli("fix", "--write", "--pack", "dcnf", "--meta", f"logo-url={logo}", str(story))
    assert run.code == 1, run.err
    assert "not fixed: dcnf/logo: needs 'logo-url'" in run.err
    assert story.read_bytes() == (SAMPLES / "dcnf" / "no-logo.html").read_bytes()


def test_the_original_url_is_read_from_a_canonical_url_whose_scheme_is_in_capitals(cli: Any, tmp_path: Path) -> None:
    original = tmp_path / "original.html"
    original.write_text(
        '<html><head><link rel="canonical" href="HTTPS://dailycallernewsfoundation.org/2024/story/"></head><body><p>x</p></body></html>', encoding="utf-8"
    )
    from compliance.checks import Context
    from compliance.document import parse_document

    # The one choice of the original's address, which a fix's `{original-url}` takes.
    doc = parse_document(original.read_bytes(), "html")
    assert Context(doc, {}, doc).original_address() == "HTTPS://dailycallernewsfoundation.org/2024/story/"


_NOT_WEB_URLS = ["ftp://x", "javascript:alert(1)", "data:image/png;base64,AAAA", "/logo.png", "example.org/logo.png"]


@pytest.mark.parametrize("value", _NOT_WEB_URLS)
@pytest.mark.parametrize("command", ["fix", "check"])
@pytest.mark.parametrize("key", ["logo-url", "original-url", "original_url"])
def test_an_address_in_meta_that_is_not_http_is_a_user_error_before_anything_is_read(cli: Any, tmp_path: Path, command: str, key: str, value: str) -> None:
    story = tmp_path / "no-logo.html"
    story.write_bytes((SAMPLES / "dcnf" / "no-logo.html").read_bytes())
    for target, stdin in ((str(story), None), ("-", story.read_bytes())):
        args = [command, "--pack", "dcnf", "--meta", f"{key}={value}", *(["--write"] if command == "fix" and target != "-" else []), target]
        run = cli(*args, stdin=stdin)
        assert run.code == 2, run.err
        assert run.out == ""
        assert (
            run.err
            == f"syndcheck: error: metadata '{key}' must be an http(s) URL, got '{value}' — give the full address, for example {key}=https://example.org/…\n"
        )
    assert story.read_bytes() == (SAMPLES / "dcnf" / "no-logo.html").read_bytes()


def test_an_address_in_a_metadata_file_that_is_not_http_is_not_used_and_not_a_bug(cli: Any, tmp_path: Path) -> None:
    # Metadata beside the article is read with the article, after the command line is checked:
    # the check keeps the finding with a placeholder block, the fix names the value it needs.
    story = tmp_path / "no-logo.html"
    story.write_bytes((SAMPLES / "dcnf" / "no-logo.html").read_bytes())
    (tmp_path / "no-logo.html.meta.yaml").write_text("logo-url: 'javascript:alert(1)'\n", encoding="utf-8")
    checked = cli("check", "--pack", "dcnf", "--format", "json", str(story))
    assert checked.code == 1, checked.err
    assert [f["rule"] for f in json.loads(checked.out)["files"][0]["findings"]] == ["dcnf/logo"]
    assert [n for n in json.loads(checked.out)["files"][0]["notices"] if n["code"] == "not-a-url"] == [
        {"code": "not-a-url", "message": "metadata 'logo-url' from the metadata file ignored: it must be an http(s) URL, got 'javascript:alert(1)'"}
    ]
    from compliance.engine import check_bytes

    report = check_bytes(story.read_bytes(), "html", PACKS, path="s.html", meta={"logo-url": "javascript:alert(1)"})
    (finding,) = report.findings
    assert finding.fix is not None
    assert finding.fix.text == '<p><img src="[LOGO URL]" alt="Daily Caller News Foundation logo"></p>'
    fixed = cli("fix", "--write", "--pack", "dcnf", str(story))
    assert fixed.code == 1, fixed.err
    assert "not fixed: dcnf/logo: needs 'logo-url'" in fixed.err
    assert "javascript:" not in fixed.err
    assert story.read_bytes() == (SAMPLES / "dcnf" / "no-logo.html").read_bytes()


@pytest.mark.parametrize("where", ["front matter", "metadata file"])
@pytest.mark.parametrize(
    ("value", "used"),
    [
        ("javascript:alert(1)", False),
        ("data:text/html,x", False),
        ("//evil.example/x", False),
        ("https://www.propublica.org/a b", False),
        ("https://www.propublica.org/a%20b", True),
        ("HTTPS://www.propublica.org/a", True),
    ],
)
def test_an_address_from_front_matter_or_a_metadata_file_is_used_only_when_http(cli: Any, tmp_path: Path, where: str, value: str, used: bool) -> None:
    # One rule for every source: --meta refuses it (exit 2), a payload refuses its article, and
    # front matter and a metadata file leave it out with one notice, as if it were not given.
    story = tmp_path / "story.md"
    body = "# Welds\n\nBy Pat Doe, ProPublica\n\nFirst paragraph.\n"
    if where == "front matter":
        story.write_text(f"---\noriginal_url: '{value}'\n---\n{body}", encoding="utf-8")
    else:
        story.write_text(body, encoding="utf-8")
        (tmp_path / "story.md.meta.yaml").write_text(f"original_url: '{value}'\n", encoding="utf-8")
    checked = json.loads(cli("check", "--pack", "propublica", "--format", "json", str(story)).out)["files"][0]
    notices = [n["message"] for n in checked["notices"] if n["code"] == "not-a-url"]
    text = json.dumps(checked)
    from compliance.document import parse_document
    from compliance.engine import article_meta
    from compliance.inputs import Source, read_sidecar_meta

    meta = article_meta(parse_document(story.read_bytes(), "markdown"), meta=None, default_meta=read_sidecar_meta(Source(str(story), "markdown", story)))
    if used:
        assert notices == []
        assert meta["original_url"] == value
    else:
        assert "original_url" not in meta
        problem = f"holds a space (\\x20, character {value.index(' ') + 1}), which no address does: " if " " in value else "must be an http(s) URL, got "
        assert notices == [f"metadata 'original_url' from the {where} ignored: it {problem}'{value}'"]
        assert text.count(value) == 1  # in the notice only, never in a finding's why or fix


@pytest.mark.parametrize("write", [True, False])
def test_a_file_named_twice_is_fixed_once(cli: Any, tmp_path: Path, monkeypatch: Any, write: bool) -> None:
    monkeypatch.chdir(tmp_path)
    story = tmp_path / "t.html"
    story.write_bytes((SAMPLES / "dcnf" / "no-logo.html").read_bytes())
    (tmp_path / "hard.html").hardlink_to(story)
    logo = "https://e.org/l.png"
    run = cli("fix", *(["--write"] if write else []), "--meta", f"logo-url={logo}", "--pack", "dcnf", "t.html", "./t.html", "hard.html")
    assert run.code == (0 if write else 1), run.err
    assert run.err.count("fix dcnf/logo" if not write else "fixed dcnf/logo") == 1
    assert "changed since it was read" not in run.err
    if write:
        assert story.read_bytes().count(f'<img src="{logo}"'.encode()) == 1
        assert run.out == ""
    else:
        assert run.out.count("+++ ") == 1
        assert run.out.startswith("--- a/t.html\n+++ b/t.html\n")
        assert story.read_bytes() == (SAMPLES / "dcnf" / "no-logo.html").read_bytes()


_GAZETTE_PACK = (
    "id: gazette\nname: Example Gazette\npublisher: Example Gazette\nterms_url: https://gazette.example/republish\n"
    "as_of: 2024-06-01\nsummary: Keep the logo.\nrules:\n"
    "  - id: gazette/logo\n    severity: error\n    message: The logo is missing.\n    help: Put the logo above the byline.\n"
    "    check:\n      element: {selector: img, attributes: {alt: '^Example Gazette logo$'}}\n"
    "    fix:\n      insert: before\n      where: byline\n"
    '      template: {html: \'<p><img src="{logo}" alt="Example Gazette logo"></p>\'}\n'
    "      values:\n        logo: {original-image: '^Example Gazette logo$', meta: gazette-logo}\n"
)


@pytest.mark.parametrize("command", ["fix", "check"])
def test_a_meta_key_a_pack_puts_into_an_image_must_be_an_http_url_whatever_its_name(cli: Any, tmp_path: Path, command: str) -> None:
    pack = tmp_path / "gazette.yaml"
    pack.write_text(_GAZETTE_PACK, encoding="utf-8")
    story = tmp_path / "story.html"
    story.write_bytes(b"<article><h1>Budget</h1><p>By Ana Ruiz, Example Gazette</p><p>The council voted.</p></article>\n")
    run = cli(command, "--rules", str(pack), "--pack", "gazette", "--meta", "gazette-logo=javascript:alert(1)", str(story))
    assert run.code == 2, run.err
    assert run.out == ""
    assert "metadata 'gazette-logo' must be an http(s) URL, got 'javascript:alert(1)'" in run.err
    # The same key with an address is the logo the fix inserts; a key no pack uses is free text.
    run = cli(command, "--rules", str(pack), "--pack", "gazette", "--meta", "gazette-logo=https://gazette.example/logo.png", "--meta", "desk=ftp", str(story))
    assert run.code == 1, run.err
    if command == "fix":
        assert '<p><img src="https://gazette.example/logo.png" alt="Example Gazette logo"></p><p>By Ana Ruiz' in run.out


def test_a_rule_another_rules_edit_puts_right_gets_no_not_fixed_note(cli: Any, tmp_path: Path) -> None:
    # DCNF's byline goes below its logo; on a page with a byline of its own (a staff credit) and no
    # logo, the byline's own block has nowhere to go, but the reporter's rule puts the name in
    # place of "DCNF Staff", which the byline rule then passes: only the logo is left, and said.
    story = tmp_path / "story.html"
    page = "<html><body><article><h1>Farm bill</h1><p>By DCNF Staff</p><p>The committee advanced the bill.</p></article></body></html>"
    story.write_text(page, encoding="utf-8")
    run = cli("fix", "--pack", "dcnf", "--meta", "reporter=Jake Smith", str(story))
    assert f"{story}:1: would fix dcnf/original-reporter: replaced 'DCNF Staff' in the byline with 'Jake Smith, Daily Caller News Foundation'" in run.err
    notes = [line for line in run.err.splitlines() if "not fixed" in line]
    assert len(notes) == 1 and notes[0].startswith(f"{story}: not fixed: dcnf/logo: needs 'logo-url'"), run.err
    assert run.err.splitlines()[-1] == "exit 1: left after the fixes: 1 error"


_LOGO_ALONE = {
    "an <img> straight under <article>": '<img src="https://cdn.example/dcnf-logo.png" alt="Daily Caller News Foundation logo">',
    "an inline <svg> straight under <article>": '<svg viewBox="0 0 120 30"><title>Daily Caller News Foundation logo</title><path d="M0 0h9v9z"/></svg>',
    "an inline <svg> in a <span>": '<span class="brand"><svg role="img" aria-label="DCNF logo" width="120" height="30"><path d="M0 0h9v9z"/></svg></span>',
}


@pytest.mark.parametrize("case", sorted(_LOGO_ALONE))
def test_the_byline_goes_after_a_logo_with_no_paragraph_of_its_own_inside_the_article(cli: Any, tmp_path: Path, case: str) -> None:
    story = tmp_path / "story.html"
    license_line = (
        "<p>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available without charge."
        " For licensing opportunities of our original content, please contact licensing@dailycallernewsfoundation.org</p>"
    )
    logo = _LOGO_ALONE[case]
    story.write_text(
        f"<html><body><article><h1>Officials weigh a plan</h1>\n{logo}\n<p>Officials said the plan.</p>\n{license_line}\n</article></body></html>\n",
        encoding="utf-8",
    )
    run = cli("fix", "--pack", "dcnf", "--meta", "reporter=Jane Roe", "--write", str(story))
    assert run.code == 0, run.err
    assert f'\n{logo}\n<p class="byline">By Jane Roe, Daily Caller News Foundation</p>\n<p>Officials said' in story.read_text(encoding="utf-8")


_LOGO_THERE = {
    "HTML, the logo in a paragraph": (
        "story.html",
        '<article>\n<h1>Rates rise</h1>\n<p><img src="/dcnf-logo.png" alt="Daily Caller News Foundation logo"></p>\n'
        "<p>By Jane Doe, Reuters</p>\n<p>The bank raised rates.</p>\n</article>\n",
    ),
    "HTML, the logo in WordPress's image block": (
        "story.html",
        '<article><h1>Rates rise</h1><figure class="wp-block-image"><img src="https://cdn.example/uploads/dcnf-logo.png" alt="DCNF logo">'
        '<figcaption class="wp-element-caption">Daily Caller News Foundation</figcaption></figure>\n'
        "<p>By Jane Doe (Associated Press)</p><p>The bank raised rates.</p></article>\n",
    ),
    "Markdown": (
        "story.md",
        "# Rates rise\n\n![Daily Caller News Foundation logo](https://cdn.example/dcnf-logo.png)\n\nBy Jane Doe, Reuters\n\nThe bank raised rates.\n",
    ),
}


def _not_fixed_notes(cli: Any, tmp_path: Path, name: str, text: str) -> tuple[Path, list[str]]:
    """The story written as `name`, and the "not fixed" notes of `syndcheck fix --pack dcnf` on it."""
    story = tmp_path / name
    story.write_text(text, encoding="utf-8")
    return story, [line for line in cli("fix", "--pack", "dcnf", str(story)).err.splitlines() if "not fixed" in line]


@pytest.mark.parametrize("case", sorted(_LOGO_THERE))
def test_a_logo_already_there_above_a_byline_of_another_outlet_is_left_by_hand_without_asking_for_its_address(cli: Any, tmp_path: Path, case: str) -> None:
    # Another copy of the logo cannot tie a reporter the byline credits to another outlet: the
    # note says so at once, not "needs 'logo-url'" and then, given it, the same.
    story, notes = _not_fixed_notes(cli, tmp_path, *_LOGO_THERE[case])
    assert len(notes) == 1 and notes[0].startswith(f"{story}: not fixed: dcnf/affiliation: the page already has the image this fix inserts")
    assert notes[0].endswith("does not satisfy the rule; fix it by hand")


def test_a_logo_elsewhere_above_a_byline_without_an_outlet_is_moved_there(cli: Any, tmp_path: Path) -> None:
    # Look-alike: the logo is on the page but far from a byline that names no outlet; a copy above
    # the byline satisfies the rule, so the logo is moved there with its own address (not asked
    # for), and given an address the editor's wins; either way the old copy goes.
    story = tmp_path / "story.html"
    story.write_text(
        "<article>\n<h1>Rates rise</h1>\n<p>By Jane Doe</p>\n<p>The bank raised rates.</p>\n<p>Markets fell.</p>\n"
        '<p><img src="/dcnf-logo.png" alt="Daily Caller News Foundation logo"></p>\n</article>\n',
        encoding="utf-8",
    )
    moved = cli("fix", "--pack", "dcnf", str(story))
    assert "not fixed" not in moved.err
    assert f'{story}:3: would fix dcnf/affiliation: inserted \'<p><img src="/dcnf-logo.png"' in moved.err
    assert "(moved the image 'Daily Caller News Foundation logo' from line 6, which is taken out)" in moved.err
    assert '+<p><img src="/dcnf-logo.png" alt="Daily Caller News Foundation logo"></p>\n <p>By Jane Doe</p>' in moved.out
    assert '-<p><img src="/dcnf-logo.png" alt="Daily Caller News Foundation logo"></p>\n' in moved.out
    given = cli("fix", "--pack", "dcnf", "--meta", "logo-url=https://cdn.example/dcnf-logo.png", str(story))
    assert f"{story}:3: would fix dcnf/affiliation: inserted '<p><img src=" in given.err
    assert '+<p><img src="https://cdn.example/dcnf-logo.png" alt="Daily Caller News Foundation logo"></p>\n <p>By Jane Doe</p>' in given.out
    assert '-<p><img src="/dcnf-logo.png" alt="Daily Caller News Foundation logo"></p>\n' in given.out


_LOGO_MISSING = {
    "HTML, a comma and the outlet": ("story.html", "<article>\n<h1>Rates rise</h1>\n<p>By Jane Doe, Reuters</p>\n<p>The bank raised rates.</p>\n</article>\n"),
    "HTML, the outlet in brackets in byline markup": (
        "story.html",
        '<main><h1 class="entry-title">Rates rise</h1>'
        '<div class="entry-meta"><span class="byline">By <a rel="author">Jane Doe</a> (Associated Press)</span></div>'
        '<div class="entry-content"><p>The bank raised rates.</p></div></main>\n',
    ),
    "Markdown": ("story.md", "# Rates rise\n\nBy Jane Doe | Bloomberg News\n\nThe bank raised rates.\n"),
}


@pytest.mark.parametrize("case", sorted(_LOGO_MISSING))
def test_without_the_logo_a_byline_of_another_outlet_is_left_by_hand_at_once(cli: Any, tmp_path: Path, case: str) -> None:
    # No copy of the logo to try the fix with: a stand-in address shows that the inserted logo
    # satisfies dcnf/logo but not the affiliation, so the note says to fix the byline by hand at
    # once; the logo itself still asks for its address.
    story, notes = _not_fixed_notes(cli, tmp_path, *_LOGO_MISSING[case])
    assert notes[0].startswith(f"{story}: not fixed: dcnf/logo: needs 'logo-url'")
    assert notes[1].startswith(f"{story}: not fixed: dcnf/affiliation: inserting ")
    assert notes[1].endswith("whatever its address, satisfies dcnf/logo but not this rule; fix it by hand")
    assert "stand-in.invalid" not in notes[1] and len(notes) == 2


def test_without_the_logo_a_byline_without_an_outlet_still_asks_for_the_address_and_takes_it(cli: Any, tmp_path: Path) -> None:
    # Near miss: the byline names no other outlet, so the logo above it is the affiliation: the
    # note asks for the address, and given it the fix inserts the logo and both rules pass.
    story = tmp_path / "story.html"
    story.write_text("<article>\n<h1>Rates rise</h1>\n<p>By Jane Doe</p>\n<p>The bank raised rates.</p>\n</article>\n", encoding="utf-8")
    assert f"{story}: not fixed: dcnf/affiliation: needs 'logo-url'" in cli("fix", "--pack", "dcnf", str(story)).err
    given = cli("fix", "--pack", "dcnf", "--meta", "logo-url=https://cdn.example/dcnf-logo.png", str(story))
    assert "not fixed" not in given.err
    assert '+<p><img src="https://cdn.example/dcnf-logo.png" alt="Daily Caller News Foundation logo"></p>\n <p>By Jane Doe</p>' in given.out


_DCNF = [p for p in PACKS if p.id == "dcnf"]
_LEGACY_STORY = (
    "<article>\n<h1>Café rates rise</h1>\n"
    '<p><img src="https://example.org/l.png" alt="Daily Caller News Foundation logo"></p>\n'
    "<p>José said “hello”. Content created by The Daily Caller News Foundation is available without charge to any eligible news publisher.</p>\n"
    "</article>\n"
)
_LEGACY_BYLINE = '<p class="byline">By {}, Daily Caller News Foundation</p>\n'


@pytest.mark.parametrize(
    ("head", "encoding", "reporter", "written"),
    [
        ("", "cp1252", "Łukasz Żółć", "&#321;ukasz &#379;ó&#322;&#263;"),
        ('<meta charset="windows-1252">\n', "cp1252", "Łukasz Żółć", "&#321;ukasz &#379;ó&#322;&#263;"),
        ('<meta charset="iso-8859-2">\n', "iso8859-2", "Łukasz Żółć Ørsted", "Łukasz Żółć &#216;rsted"),
        ('<meta charset="koi8-r">\n', "koi8-r", "Пётр Łoś", "Пётр &#321;o&#347;"),
    ],
)
def test_in_a_legacy_encoded_page_a_character_it_lacks_is_written_as_a_character_reference(head: str, encoding: str, reporter: str, written: str) -> None:
    story = head + _LEGACY_STORY if encoding == "cp1252" else head + _LEGACY_STORY.replace("“hello”", "hello")
    if encoding == "koi8-r":
        story = story.replace("Café", "Кафе").replace("José", "Иван")
    data = story.encode(encoding)
    plan = plan_fixes(data, "html", CheckSettings(packs=_DCNF, path="s.html", auto_detect=False, meta={"reporter": reporter}))
    byline = _LEGACY_BYLINE.format(written)
    assert plan.fixed == story.replace("</p>\n<p>", "</p>\n" + byline + "<p>", 1).encode(encoding)
    assert [f.rule for f in plan.after.findings] == []
    assert any(reporter in p.evidence for p in plan.after.passed)


@pytest.mark.parametrize("kind", ["markdown", "text"])
def test_in_a_legacy_encoded_markdown_or_text_file_a_character_it_lacks_leaves_the_rule_unfixed(kind: str) -> None:
    logo = "![Daily Caller News Foundation logo](https://example.org/l.png)\n\n" if kind == "markdown" else "Daily Caller News Foundation logo\n\n"
    story = f"# Café rates rise\n\n{logo}José said “hello”. Content created by The Daily Caller News Foundation is available without charge.\n"
    data = story.encode("cp1252")
    plan = plan_fixes(data, kind, CheckSettings(packs=_DCNF, path="s", auto_detect=False, meta={"reporter": "Łukasz Żółć"}))
    reason = "the file is in cp1252, which has no 'Ł', 'Ż', 'ł' and 'ć' for the inserted text; save it as UTF-8 and run the fix again"
    assert [(u.rule, u.reason) for u in plan.unfixed if u.rule == "dcnf/byline"] == [("dcnf/byline", reason)]
    assert plan.fixed == data


def test_fix_dash_gives_the_article_back_unchanged_when_no_plan_can_be_made(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import compliance.fixes

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(compliance.fixes, "plan_fixes", broken)
    story = (SAMPLES / "dcnf" / "no-logo.html").read_bytes()
    run = cli("fix", "--pack", "dcnf", "-", stdin=story)
    assert run.code == 3
    assert run.out == story.decode()


def test_an_original_whose_logo_address_no_url_parser_reads_leaves_the_logo_unfixed_with_a_reason(cli: Any, tmp_path: Path) -> None:
    original = tmp_path / "original.html"
    logo = "https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png"
    original.write_text((ROOT / DCNF_ORIGINAL).read_text(encoding="utf-8").replace(logo, "http://[::1/logo.png"), encoding="utf-8")
    story = tmp_path / "no-logo.html"
    story.write_bytes((SAMPLES / "dcnf" / "no-logo.html").read_bytes())
    run = cli("fix", "--original", str(original), str(story))
    assert run.code == 1
    assert f"{story}: not fixed: dcnf/logo: needs 'logo-url': give the original story with its image" in run.err
    assert "internal error" not in run.err


@pytest.mark.parametrize(
    ("sample", "script_or_image"),
    [
        ("samples/originals/propublica-faithful.md", '<script async src="https://pixel.propublica.org/pixel.js"></script>'),
    ],
)
def test_a_markdown_copy_gets_its_pixel_as_the_raw_html_markdown_takes(cli: Any, tmp_path: Path, sample: str, script_or_image: str) -> None:
    source = (ROOT / sample).read_text(encoding="utf-8")
    kept = [line for line in source.splitlines(keepends=True) if not line.startswith(script_or_image[:30])]
    assert len(kept) == len(source.splitlines()) - 1, "the sample has its pixel on a line of its own"
    story = tmp_path / "story.md"
    story.write_text("".join(kept), encoding="utf-8")
    assert cli("check", "--format", "concise", str(story)).code == 1
    fixed = cli("fix", "--write", str(story))
    assert fixed.code == 0, fixed.err
    assert script_or_image in story.read_text(encoding="utf-8")
    # No finding left: only the run's note of the rules that compare with an original, none given.
    assert [line.split(":")[0] for line in cli("check", "--format", "concise", str(story)).out.splitlines()] == ["note"]


@pytest.mark.parametrize(
    ("article", "suffix"),
    [
        ("<article><h1>Rates rise</h1><p>By Jake Smith</p><p>Insurers raised rates.</p></article>", ".html"),
        ("# Rates rise\n\nBy Ana Ruiz\n\nInsurers raised rates.\n", ".md"),
        ("Rates rise\n\nBy Ana Ruiz\n\nInsurers raised rates.\n", ".txt"),
    ],
)
def test_fix_says_when_no_pack_applies_and_writes_nothing(cli: Any, tmp_path: Path, article: str, suffix: str) -> None:
    # A copy stripped of every credit line: no pack applies, so there is nothing to fix, which
    # `fix` says (with the way out) rather than printing nothing.
    story = tmp_path / f"stripped{suffix}"
    story.write_text(article, encoding="utf-8")
    for args in ((), ("--write",)):
        run = cli("fix", *args, str(story))
        assert (run.code, run.out) == (0, "")
        assert f"{story}: note: no rule pack applies to this document (no publisher's markers found) — nothing was fixed;" in run.err
        assert "name its publisher's pack with --pack" in run.err
        assert story.read_text(encoding="utf-8") == article
    # Given the pack, the fixes are planned as usual, and the note is gone.
    named = cli("fix", "--pack", "dcnf", str(story))
    assert "no rule pack applies" not in named.err and "dcnf/" in named.out + named.err


def test_fix_says_when_the_page_is_the_publishers_own(cli: Any, tmp_path: Path) -> None:
    page = tmp_path / "own.html"
    page.write_text(
        '<html><head><link rel="canonical" href="https://dailycaller.com/2024/06/27/rates/">'
        '<meta property="og:url" content="https://dailycaller.com/2024/06/27/rates/"><meta property="og:site_name" content="The Daily Caller">'
        "</head><body><article><h1>Rates rise</h1><p>By Jake Smith, Daily Caller News Foundation</p><p>Insurers raised rates.</p></article></body></html>",
        encoding="utf-8",
    )
    run = cli("fix", str(page))
    assert run.code == 0 and run.out == ""
    assert f"{page}: note: the publisher's own page (an original, not a republication)" in run.err


def test_a_fix_its_rule_still_fails_after_says_what_the_rule_then_finds(cli: Any, tmp_path: Path) -> None:
    # The page's CSS hides every `.byline`: the byline `fix` inserts is hidden too, and the note
    # says by what, so the editor knows what to change by hand (as the README's example shows).
    story = tmp_path / "faint.html"
    story.write_text(
        "<html><head><title>Water mains</title><style>.byline{opacity:0.03}</style></head><body><article><h1>Water mains</h1>"
        '<img src="https://dailycallernewsfoundation.org/wp-content/uploads/dcnf-logo.png" alt="Daily Caller News Foundation logo">'
        '<p class="byline">By Jake Smith, Daily Caller News Foundation</p><p>The county voted on the plan on Tuesday.</p>'
        "</article></body></html>",
        encoding="utf-8",
    )
    notes = [line for line in cli("fix", "--pack", "dcnf", "--meta", "reporter=Jake Smith", str(story)).err.splitlines() if "dcnf/byline" in line]
    assert notes == [
        f"{story}: not fixed: dcnf/byline: inserting '<p class=\"byline\">By Jake Smith, Daily Caller News Foundation</p>' does not satisfy"
        " the rule (with it made: no visible byline found in the article; the one at line 1 is hidden (the page's CSS sets `opacity: 0.03` on it));"
        " fix it by hand"
    ]


def test_a_fix_the_page_s_css_hides_on_some_screens_says_which_screens(cli: Any, tmp_path: Path) -> None:
    # The page's CSS hides every `.byline` on narrow screens: the note says so, so the editor
    # knows the remedy is the page's CSS, not another byline.
    story = tmp_path / "narrow.html"
    story.write_text(
        "<html><head><title>New approach</title><style>@media (max-width:600px){.byline{display:none}}</style></head><body><article>\n"
        "<h1>Officials weigh new approach</h1>\n<p>The administration is weighing a new approach, officials said on Wednesday.</p>\n"
        "</article></body></html>",
        encoding="utf-8",
    )
    run = cli("fix", "--pack", "dcnf", "-m", "reporter=Jake Smith", "-m", "logo-url=https://dailycallernewsfoundation.org/dcnf-logo.png", str(story))
    (note,) = [line for line in run.err.splitlines() if "not fixed: dcnf/byline" in line]
    assert note.endswith(
        "does not satisfy the rule (with it made: it is hidden on the screens that meet @media (max-width:600px), and shown on others); fix it by hand"
    ), note
