"""Hostile and broken input: the checker never crashes, never hangs, never expands entities or
runs code from what it reads, and says precisely what it could not check."""

from __future__ import annotations

import gzip
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from compliance.engine import LOOK_ALIKE_RULE, check_bytes
from compliance.findings import Report
from compliance.loading import load_packs
from compliance.packs import Pack
from tests.conftest import SAMPLES, SHARED, write

CORPUS = SHARED / "corpora" / "html5lib-tests" / "tree-construction"
COMPLIANT = (SAMPLES / "dcnf" / "compliant-wordpress.html").read_bytes()


def corpus_inputs() -> Iterator[tuple[str, bytes]]:
    """Every `#data` section of the html5lib tree-construction corpus, as raw bytes."""
    for path in sorted(CORPUS.rglob("*.dat")):
        raw = path.read_bytes()
        for number, chunk in enumerate(raw.split(b"#data\n")[1:]):
            data = chunk.split(b"\n#errors", 1)[0]
            yield f"{path.relative_to(CORPUS)}#{number}", data


@pytest.fixture(scope="module")
def packs() -> list[Pack]:
    return load_packs()


def _assert_well_formed(report: Report, path: str, packs: list[Pack]) -> None:
    # (The core's look-alike warning too: the corpus has words such as "𝔾A", mathematical and
    # Latin letters mixed, which read as Latin words.)
    known = {rule.id for pack in packs for rule in pack.rules} | {LOOK_ALIKE_RULE}
    assert report.path == path
    for finding in report.findings:
        assert finding.rule in known
        assert finding.location.line >= 1 and finding.location.column >= 1
    if not report.checked:
        assert report.notices and report.notices[0].code == "skipped"


def test_every_html5lib_corpus_input_is_checked_with_every_pack(packs: list[Pack]) -> None:
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} is missing: the shared/ folder must sit beside the checkout")
    inputs = list(corpus_inputs())
    assert len(inputs) > 1700
    outcomes = {"checked": 0, "skipped": 0}
    for name, data in inputs:
        for auto in (True, False):
            report = check_bytes(data, "html", packs, path=name, auto_detect=auto)
            _assert_well_formed(report, name, packs)
            if not auto:
                outcomes["checked" if report.checked else "skipped"] += 1
                if report.checked:
                    # With every pack forced on, every rule either passed or produced a finding.
                    decided = {p.rule for p in report.passed} | {f.rule for f in report.findings}
                    assert decided <= {r.id for p in packs for r in p.rules} | {LOOK_ALIKE_RULE}
    assert outcomes["checked"] > 1700


def _xxe() -> bytes:
    return (
        b'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        b"<html><body><article><h1>Secrets</h1><p>Leak: &xxe;</p></article></body></html>"
    )


def _billion_laughs() -> bytes:
    entities = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)]
    return ('<?xml version="1.0"?>\n<!DOCTYPE lolz [' + "".join(entities) + "]>\n<html><body><p>&lol9;</p></body></html>").encode()


def test_external_entities_are_never_resolved(packs: list[Pack]) -> None:
    report = check_bytes(_xxe(), "html", packs, path="xxe.html", auto_detect=False)
    from compliance.document import parse_document

    doc = parse_document(_xxe(), "html")
    text = "\n".join(b.text for b in doc.blocks)
    assert "root:" not in text
    assert "Leak:" in text
    assert report.checked


def test_entity_bomb_is_not_expanded() -> None:
    from compliance.document import parse_document

    doc = parse_document(_billion_laughs(), "html")
    # Expanded, &lol9; would be 10⁹ "lol"s; unexpanded, the page has no text worth the name.
    assert sum(len(b.text) for b in doc.blocks) < 10_000
    assert "lollol" not in "".join(b.text for b in doc.blocks)


def test_catastrophic_regexes_cannot_stall_a_run(cli: Any, tmp_path: Path) -> None:
    # `(a+)+$` is linear on the regex engine; `(a|a)+$` is exponential on every backtracking
    # engine and must hit the time limit, become a finding naming its rule, and let the rest run.
    pack = write(
        tmp_path,
        "slow.yaml",
        "id: slow\nname: Slow\npublisher: Test\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\nrules:\n"
        "  - id: slow/nested\n    severity: warning\n    message: Nested repetition found nothing.\n    help: h\n    check: {text: {pattern: '(a+)+$'}}\n"
        "  - id: slow/backtracking\n    severity: warning\n    message: m\n    help: h\n    check: {text: {pattern: '(a|a)+$'}}\n"
        "  - id: slow/byline\n    severity: error\n    message: m\n    help: h\n    check: {byline: {}}\n",
    )
    article = write(tmp_path, "story.html", f"<html><body><article><h1>T</h1><p class=byline>By Ana Ruiz</p><p>{'a' * 30}b</p></article></body></html>")
    run = cli("check", "--rules", str(pack), "--pack", "slow", "--format", "json", str(article))
    entry = run.json()["files"][0]
    findings = {f["rule"]: f for f in entry["findings"]}
    assert set(findings) == {"slow/nested", "slow/backtracking"}
    assert findings["slow/nested"]["message"] == "Nested repetition found nothing."
    said = "Rule slow/backtracking was not evaluated: its pattern ran past the 0.25 s time limit on a text of 45 characters."
    assert findings["slow/backtracking"]["message"] == said
    assert [p["rule"] for p in entry["passed"]] == ["slow/byline"]
    # A warning, below the default --fail-on error; but a rule not evaluated leaves the document not fully checked.
    assert run.code == 2


@pytest.mark.parametrize("depth", [3_000, 100_000])
def test_deep_nesting_does_not_hide_the_rest_of_the_page(cli: Any, tmp_path: Path, depth: int) -> None:
    # libxml2 stops at 2,048 open elements; a browser shows what follows, so the checker reads it:
    # the licence paragraph after the nesting makes DCNF's pack apply, and its missing logo and
    # byline are found.
    licence = b"<p>All content created by the Daily Caller News Foundation is free.</p>"
    article = write(tmp_path, "deep.html", b"<html><body><h1>T</h1>" + b"<div>" * depth + b"text" + b"</div>" * depth + licence + b"</body></html>")
    run = cli("check", "--format", "json", str(article))
    entry = run.json()["files"][0]
    assert "truncated" not in {n["code"] for n in entry["notices"]}
    assert entry["packs"] == ["dcnf"]
    assert sorted(f["rule"] for f in entry["findings"]) == ["dcnf/byline", "dcnf/logo"]
    assert run.code == 1


def test_positions_past_a_browsers_depth_limit_are_said_to_be_approximate(cli: Any, tmp_path: Path) -> None:
    # 5,000 unclosed divs, one a line: past libxml2's 2,048 the page is read as a browser nests it
    # (what is deeper than 512 at depth 512), so the byline's text on line 5004 is placed at the
    # div of line 510 that holds it; the report says so rather than give line 510 with no word.
    page = "<!DOCTYPE html><html><body><article>\n" + "<div>\n" * 5000 + "<p>By Jake Smith</p>\n<p>From the Daily Caller News Foundation</p>\n"
    article = write(tmp_path, "deep.html", page.encode())
    entry = cli("check", "--format", "json", str(article)).json()["files"][0]
    assert [n for n in entry["notices"] if n["code"] != "no-original"] == [
        {
            "code": "deep-nesting",
            "message": "elements nest more than 512 deep from line 511 (deeper than a browser nests them):"
            " the positions of text nested that deep are approximate (it is placed at its ancestor at depth 512)",
        }
    ]
    assert {f["rule"]: f["line"] for f in entry["findings"]}["dcnf/logo"] == 1
    # Nested as deep as libxml2 reads (2,000), or not deep at all, the tree is the source's: no notice.
    for depth in (2_000, 10):
        shallow = write(tmp_path, f"nested-{depth}.html", ("<html><body>" + "<div>\n" * depth + "<p>By Jake Smith, Daily Caller News Foundation</p>").encode())
        assert "deep-nesting" not in {n["code"] for n in cli("check", "--format", "json", str(shallow)).json()["files"][0]["notices"]}


def test_a_control_character_in_a_tag_name_is_located_not_an_internal_error(cli: Any, tmp_path: Path) -> None:
    # libxml2 keeps the name as written (`a\x08`); lxml refuses to search the tree for such a name.
    article = write(tmp_path, "control.html", b"<A\x08>By Jo Roe</A\x08><p>All content created by the Daily Caller News Foundation is free.</p>")
    run = cli("check", "--format", "json", str(article))
    entry = run.json()["files"][0]
    assert entry["checked"] is True and run.code == 1
    assert {(f["rule"], f["line"]) for f in entry["findings"]} >= {("dcnf/affiliation", 1)}


def test_elements_past_a_browsers_depth_limit_are_read_as_a_browser_attaches_them() -> None:
    from compliance.document.nesting import flatten_deep_nesting

    # Past the cap each element closes at once and its content follows it, as in Chromium (the
    # deep element's own style no longer holds its text); raw text and quoted ">" stay as they are.
    assert flatten_deep_nesting("<div><div><span style='display:none'>x</span>y</div></div>", limit=2) == (
        "<div><div><span style='display:none'></span>xy</div></div>"
    )
    page = "<div><script>if (a<b) {'</div>'}</script><div title='a>b'>x</div><!-- <div> --></div>"
    assert flatten_deep_nesting(page, limit=1) == "<div><script>if (a<b) {'</div>'}</script><div title='a>b'></div>x<!-- <div> --></div>"
    shallow = "<div><p>a</p></div>"
    assert flatten_deep_nesting(shallow, limit=2) is shallow


def _one_line_page(words: int) -> bytes:
    """A DCNF republication without logo or byline, all on one line, with `words` words of text."""
    return (
        b"<html><body><article><h1>T</h1><p>"
        + b"word " * words
        + b"</p><p>All content created by the Daily Caller News Foundation is free.</p></article></body></html>"
    )


def test_fifty_megabyte_single_line_page(cli: Any, tmp_path: Path) -> None:
    article = write(tmp_path, "huge.html", _one_line_page(10_000_000))
    skipped = cli("check", "--format", "json", str(article)).json()["files"][0]
    assert skipped["checked"] is False
    assert skipped["notices"][0]["code"] == "too-large"
    assert "is more than --max-bytes 16,777,216" in skipped["notices"][0]["message"]
    checked = cli("check", "--max-bytes", "0", "--format", "json", str(article))
    entry = checked.json()["files"][0]
    assert entry["packs"] == ["dcnf"]
    assert "truncated" not in {n["code"] for n in entry["notices"]}
    assert sorted(f["rule"] for f in entry["findings"]) == ["dcnf/byline", "dcnf/logo"]


def _work(data: bytes, packs: list[Pack]) -> tuple[int, int, Report]:
    """Python function calls made and peak Python memory (bytes) while checking `data`: deterministic measures of work."""
    import sys
    import tracemalloc

    calls = 0

    def count(frame: Any, event: str, arg: Any) -> None:
        nonlocal calls
        if event == "call":
            calls += 1

    tracemalloc.start()
    sys.setprofile(count)
    try:
        report = check_bytes(data, "html", packs, path="line.html")
    finally:
        sys.setprofile(None)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return calls, peak, report


def _work_at_three_sizes(page: Callable[[int], bytes], sizes: tuple[int, int, int], packs: list[Pack]) -> list[tuple[int, int, Report]]:
    """`_work` of the pages of three sizes (a tiny one first, whose calls are the fixed cost), after
    a check of the tiny one that warms what a first check compiles."""
    check_bytes(page(sizes[0]), "html", packs, path="warm.html")
    return [_work(page(size), packs) for size in sizes]


def test_work_on_a_single_line_page_grows_at_most_linearly_with_its_length(packs: list[Pack]) -> None:
    # A page that is one long line is where per-line or per-column work turns quadratic. Four times
    # the length may cost four times the memory and the calls of a linear pass, never sixteen.
    (tiny_calls, _, _), (short_calls, short_peak, short), (long_calls, long_peak, long) = _work_at_three_sizes(_one_line_page, (10, 100_000, 400_000), packs)
    for report in (short, long):
        assert report.packs == ("dcnf",)
        assert sorted(f.rule for f in report.findings) == ["dcnf/byline", "dcnf/logo"]
    assert long_calls - short_calls <= 4 * max(short_calls - tiny_calls, 0) + 50, (tiny_calls, short_calls, long_calls)
    assert long_peak <= 4.5 * short_peak, (short_peak, long_peak)


def _byline_lines_page(count: int) -> bytes:
    """A DCNF republication without its logo whose article is `count` byline paragraphs and nothing else."""
    return (
        b"<html><body><article><h1>T</h1>"
        + b'<p class="byline">By Jane Doe, Daily Caller News Foundation</p>' * count
        + b"<p>All content created by the Daily Caller News Foundation is free.</p></article></body></html>"
    )


def test_work_on_a_page_of_thousands_of_bylines_is_bounded(packs: list[Pack]) -> None:
    # No article credits thousands of people: past a bound the byline markup and the lines with no
    # prose after them are not read, so four times the bylines cost far less than four times the
    # work (the walk over the elements stays linear).
    (tiny_calls, _, _), (short_calls, _, short), (long_calls, _, long) = _work_at_three_sizes(_byline_lines_page, (1, 2_000, 8_000), packs)
    for report in (short, long):
        assert report.packs == ("dcnf",)
        assert [f.rule for f in report.findings] == ["dcnf/logo"]
    assert long_calls - short_calls <= short_calls - tiny_calls, (tiny_calls, short_calls, long_calls)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("photo.html", b"\x89PNG\r\n\x1a\n" + os.urandom(512), "a PNG image"),
        ("scan.html", b"%PDF-1.7\n" + os.urandom(512), "a PDF document"),
        ("archive.htm", gzip.compress(COMPLIANT), "gzip-compressed data"),
        ("zeros.txt", bytes(4096), "binary data (NUL and control bytes)"),
        ("picture.html", b"GIF89a" + os.urandom(256), "a GIF image"),
    ],
)
def test_binary_files_are_skipped_not_parsed(cli: Any, tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = write(tmp_path, name, content)
    entry = cli("check", "--format", "json", str(path)).json()["files"][0]
    assert entry["checked"] is False
    assert entry["notices"] == [
        {"code": "skipped", "message": f"not checked: the file is {reason}, not an article — leave it out with --exclude or the config's exclude"}
    ]


def test_a_stray_nul_byte_does_not_make_an_article_binary(packs: list[Pack]) -> None:
    data = COMPLIANT.replace(b"<p>", b"<p>\x00", 1)
    report = check_bytes(data, "html", packs, path="nul.html")
    assert report.checked and report.packs == ("dcnf",) and report.findings == ()


def test_lying_charset_is_caught(packs: list[Pack]) -> None:
    page = (
        '<html><head><meta charset="utf-8"></head><body><article><h1>Budget vote</h1>'
        "<p class=byline>By José Álvarez, Daily Caller News Foundation</p><p>The council’s vote was 5–2.</p></article></body></html>"
    ).encode("cp1252")
    from compliance.document import parse_document

    doc = parse_document(page, "html")
    assert doc.encoding == "cp1252"
    assert doc.bylines[0].names == ("José Álvarez",)
    # (The en dash reads as a hyphen, as text normalisation folds joining dashes.)
    assert "The council's vote was 5-2." in [b.text for b in doc.blocks]


def test_symlink_loops_and_dangling_links_in_a_directory_scan(cli: Any, tmp_path: Path) -> None:
    root = tmp_path / "archive"
    write(root, "good.html", COMPLIANT)
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / "gone.html").symlink_to(tmp_path / "missing.html")
    run = cli("check", "--format", "json", str(root))
    files = {Path(f["path"]).name: f for f in run.json()["files"]}
    assert files["good.html"]["checked"] is True
    assert files["loop"]["notices"][0]["message"] == "symbolic link loop, skipped — nothing to do: the folder it leads to is checked once"
    assert files["gone.html"]["notices"][0]["code"] == "unreadable"
    assert run.code == 2
    assert "gone.html: cannot read file" in run.err


def test_mixed_directory_reports_every_good_article_and_names_every_hostile_file(cli: Any, tmp_path: Path) -> None:
    root = tmp_path / "batch"
    for n in range(100):
        write(root, f"good/story-{n:03}.html", COMPLIANT)
    hostile = {
        **{f"bad/image-{n}.html": b"\x89PNG\r\n\x1a\n" + bytes(64) for n in range(4)},
        **{f"bad/photo-{n}.htm": b"\xff\xd8\xff\xe0" + bytes(64) for n in range(2)},
        **{f"bad/doc-{n}.html": b"%PDF-1.4\n" + bytes(64) for n in range(3)},
        **{f"bad/empty-{n}.txt": b"" for n in range(3)},
        **{f"bad/nul-{n}.md": bytes(1000) for n in range(2)},
        **{f"bad/big-{n}.html": COMPLIANT * 20 for n in range(3)},
        "bad/packed.html": gzip.compress(COMPLIANT),
    }
    for name, content in hostile.items():
        write(root, name, content)
    (root / "bad" / "loop").symlink_to(root, target_is_directory=True)
    (root / "bad" / "dangling.html").symlink_to(root / "nowhere.html")
    run = cli("check", "--format", "json", "--max-bytes", str(len(COMPLIANT) * 10), str(root))
    files = run.json()["files"]
    good = [f for f in files if "/good/" in f["path"]]
    bad = [f for f in files if "/bad/" in f["path"]]
    assert len(good) == 100
    assert all(f["checked"] and f["packs"] == ["dcnf"] and f["findings"] == [] for f in good)
    assert len(bad) == 20
    assert all(not f["checked"] and f["notices"] and f["notices"][0]["message"] for f in bad)
    codes = sorted(f["notices"][0]["code"] for f in bad)
    assert codes == sorted(["skipped"] * 16 + ["too-large"] * 3 + ["unreadable"])
    assert run.code == 2  # an unreadable file is an input error, reported after the whole batch


_CHAIN = " ".join(["div"] * 1000)


@pytest.mark.parametrize(
    "css",
    [
        f"{_CHAIN} {{ display: none }}",
        f".byline:has({_CHAIN}) {{ display: none }}",
        f".byline:not({_CHAIN}) {{ color: red }}",
        f"@scope ({_CHAIN}) {{ .byline {{ display: none }} }}",
        "p" + ":is(" * 300 + ".byline" + ")" * 300 + " { color: red }",
    ],
)
def test_a_selector_chained_past_what_cssselect_reads_is_left_out_not_an_internal_error(packs: list[Pack], css: str) -> None:
    # cssselect works out a selector's specificity and XPath by recursion, a level a combinator:
    # 1,000 exhausted the stack. Such a selector is left out; the rest of the page is checked.
    page = COMPLIANT.replace(b"</head>", f"<style>{css}</style></head>".encode(), 1)
    report = check_bytes(page, "html", packs, path="long-selector.html")
    assert report.checked and report.packs == ("dcnf",)
    assert [f.rule for f in report.findings] == []


def _crowded(count: int, shape: str) -> bytes:
    """A start tag of `count` attributes, written in one of the ways the HTML tokenizer reads."""
    written = {
        "distinct": lambda i: b" a%d=1" % i,
        "bare names": lambda i: b" data-x%d" % i,
        "slashes": lambda i: b"/a%d" % i,
        "quoted, no space": lambda i: b'a%d="1"' % i if i else b' a0="1"',
        "a quoted '>' in each": lambda i: b" a%d='>'" % i,
        "one a line": lambda i: b'\n\ta%d = "x"' % i,
        "repeated name": lambda i: b" a=1",
    }[shape]
    return b"<SECTION" + b"".join(written(i) for i in range(count)) + b">x</SECTION>"


CROWDED_SHAPES = ["distinct", "bare names", "slashes", "quoted, no space", "a quoted '>' in each", "one a line", "repeated name"]


@pytest.mark.parametrize("shape", CROWDED_SHAPES)
def test_a_start_tag_with_more_attributes_than_the_limit_is_refused_and_the_batch_goes_on(cli: Any, tmp_path: Path, shape: str) -> None:
    # libxml2 compares each attribute with every one before it: 100,000 on one element take
    # minutes. The page (a DCNF republication by its licence line, so that it is parsed) is
    # refused before it is parsed, at the tag's line; the next file is checked.
    from compliance.document.crowded_tags import MAX_ATTRIBUTES

    licence = b"<p>All content created by the Daily Caller News Foundation is free.</p>"
    hostile = write(tmp_path, "crowded.html", b"<html><body>\n" + licence + b"\n" + _crowded(MAX_ATTRIBUTES + 1, shape))
    story = write(tmp_path, "story.html", (SAMPLES / "dcnf" / "no-logo.html").read_bytes())
    run = cli("check", "--format", "concise", str(hostile), str(story))
    said = (
        "a start tag has more than 1,000 attributes (a hostile page: its parse would take minutes) — remove the attributes, or leave the file out (--exclude)"
    )
    assert f"syndcheck: error: {hostile}:3:1: {said}" in run.err.splitlines()
    assert f"{hostile}:3:1: error syndcheck/unreadable not checked: {said}" in run.out.splitlines()
    assert f"{story}:122:1: error dcnf/logo The Daily Caller News Foundation logo is missing from the article." in run.out.splitlines()
    assert run.err.splitlines()[-1] == "exit 2: 1 document not checked (errors above)"
    assert run.code == 2


@pytest.mark.parametrize("shape", CROWDED_SHAPES)
def test_a_start_tag_at_the_attribute_limit_is_checked(packs: list[Pack], shape: str) -> None:
    from compliance.document.crowded_tags import MAX_ATTRIBUTES

    page = COMPLIANT.replace(b"</article>", _crowded(MAX_ATTRIBUTES, shape) + b"</article>", 1)
    report = check_bytes(page, "html", packs, path="full.html")
    assert report.checked
    assert report.packs == ("dcnf",)
    assert [f.rule for f in report.findings] == []


@pytest.mark.parametrize(
    "markup",
    [
        b"".join(b"<span " + b" ".join(b"a%d=1" % j for j in range(200)) + b">x</span>" for _ in range(20)),  # 4,000 attributes on 20 elements
        b'<div title="' + b" a=1" * 5_000 + b'">x</div>',  # written in a quoted value: one attribute
        b'<div class="' + b" ".join(b"c%d" % i for i in range(5_000)) + b'">x</div>',
        b"<p>" + b"a=1 " * 5_000 + b"</p>",  # in text, after a tag
    ],
    ids=["spread over elements", "in a quoted value", "class names", "text"],
)
def test_many_attributes_that_no_one_tag_holds_are_checked(packs: list[Pack], markup: bytes) -> None:
    page = COMPLIANT.replace(b"</article>", markup + b"</article>", 1)
    report = check_bytes(page, "html", packs, path="many.html")
    assert report.checked
    assert [f.rule for f in report.findings] == []


@pytest.mark.parametrize(
    ("page", "offset"),
    [
        (b"<a" * 50_000, None),  # one tag whose name holds 50,000 `<a`: read once, not from each
        (b"<p title='" + b"<a" * 50_000 + b"'>x</p>", None),
        (b"<x b" + b"<a" * 50_000 + b">", None),
        (b"<p>x</p><script>var s = '" + _crowded(1_001, "distinct") + b"';</script>", None),  # script text: no tag
        (b"<p>x</p><script>var s = 1;</script>" + _crowded(1_001, "distinct"), 35),
        (b"<p>x</p>" + _crowded(1_001, "a quoted '>' in each"), 8),
        (b"<p>x</p>" + _crowded(1_000, "a quoted '>' in each"), None),
    ],
    ids=["name of <a", "<a in a value", "<a in a name", "in a script", "after a script", "quoted >", "quoted >, at the limit"],
)
def test_crowded_tags_are_found_where_they_start(page: bytes, offset: int | None) -> None:
    from compliance.document.crowded_tags import crowded_tag

    assert crowded_tag(page) == offset


@pytest.mark.parametrize(
    "around",
    [
        # A script's JSON holding escaped markup, as hydration data and embeds write it.
        '<script type="application/json">{"items": [{"html": "<a href=\\"https://example.org/1\\" {rest}"}]}</script>',
        "<script>var teaser = '<div {rest}';</script>",
        "<style>/* <b {rest} */</style>",
        "<!-- <div {rest} -->",
        "<textarea><a {rest}</textarea>",
        "<title><a {rest}</title>",
        "<SCRIPT>x = '<a {rest}'</Script >",
    ],
)
def test_tag_like_text_where_the_parser_reads_no_tags_is_no_crowded_tag(packs: list[Pack], around: str) -> None:
    from compliance.document.crowded_tags import MAX_ATTRIBUTES, crowded_tag

    rest = " ".join(f'"k{i}": {i},' for i in range(MAX_ATTRIBUTES * 2))
    page = f"<html><body><p>By Jane Doe, Daily Caller News Foundation</p>{around.replace('{rest}', rest)}<p>Lawmakers met.</p></body></html>"
    assert crowded_tag(page.encode()) is None
    assert check_bytes(page.encode(), "html", packs, path="json.html").checked


# A run of 2,500 bytes without a `>` (a script's JSON) that makes a page pass the quick tests.
_LONG_RUN = b"<script>var d = {" + b'"k": "<a href=\\"x\\" v", ' * 100 + b"};</script>"


@pytest.mark.parametrize(
    ("before", "after", "found"),
    [
        (_LONG_RUN, b"", True),  # after the run: its tags are passed over, the crowded one is not
        (b"", _LONG_RUN, True),
        (b"<scripts>" + b"x" * 2_500, b"", True),  # no raw text: a name that only starts like one
        (b"<a<script>" + b"x" * 2_500, b"", True),  # the name is `a<script`
        (b"<Title >" + b"x" * 2_500, b"</TITLE>", False),  # raw text in any case: no tag in it
        (b"<noframes/>" + b"x" * 2_500, b"</noframes>", False),
        (b"<textarea>" + b"x" * 2_500, b"</textarea>", False),
        (b"<p>" + b"x" * 2_500 + b"<!-- ", b" -->" + b"y" * 2_500, False),
    ],
    ids=["after a long run", "before a long run", "scripts", "a<script", "title", "noframes", "textarea", "comment"],
)
def test_a_crowded_tag_is_found_among_long_runs_without_a_closing_bracket(before: bytes, after: bytes, found: bool) -> None:
    from compliance.document.crowded_tags import MAX_ATTRIBUTES, crowded_tag

    for shape in ("distinct", "bare names", "slashes", "one a line"):
        tag = _crowded(MAX_ATTRIBUTES + 1, shape)
        page = b"<p>x</p>" + before + tag + after + b"<p>y</p>"
        assert crowded_tag(page) == (page.index(b"<SECTION") if found else None)
        at_limit = b"<p>x</p>" + before + _crowded(MAX_ATTRIBUTES, shape) + after
        assert crowded_tag(at_limit) is None


@pytest.mark.parametrize("opening", ["<!-->", "<!--->", "<script></script>", "<!-- a -->", "<style>p{}</style >"])
def test_a_crowded_tag_after_a_closed_comment_or_raw_text_element_is_found(opening: str) -> None:
    from compliance.document.crowded_tags import MAX_ATTRIBUTES, crowded_tag

    tag = "<div " + " ".join(f"a{i}" for i in range(MAX_ATTRIBUTES + 1)) + ">"
    page = f"<p>x</p>{opening}{tag}".encode()
    assert crowded_tag(page) == page.index(b"<div ")
