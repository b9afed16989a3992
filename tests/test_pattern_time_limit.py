"""A pack pattern's time limit is of the searching thread's CPU time: a search the machine left
waiting for a core (the engine's wall-time `timeout` ran out while it used little CPU time) goes on
and finds what it finds on an idle machine, while a pattern that really backtracks without end
still stops within its budget. Starvation is staged, not timed: the engine's calls are made to
time out and the module's clocks are replaced."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from compliance import patterns
from compliance.patterns import MATCH_TIMEOUT, Pattern, PatternTimeout, compile_pattern
from tests.conftest import ROOT, slow_marker_pack, write

_FILLER = "Lorem ipsum dolor sit amet. " * 120
TEXT = f"By Ana Ruiz\n{_FILLER}Photo: Getty Images\n{_FILLER}(AP)\nAP Photo by X\n  Photo: Li Wei\n{_FILLER}12 photos\nBy Li Wei\n"

# One pattern for each way `Pattern.finditer` searches: from its leading literals, from line
# starts through a gate, from its branches' starts (and the engine's own scan once a match is
# empty), and the engine's own scan.
PATTERNS = [
    r"Getty\s+Images|\bAP\s+Photo\b",
    r"^By\s+\w+",
    r"^\s*Photo:\s+\w+",
    r"\(AP\)|^\s*Photo",
    r"^\s*$|\(AP\)",
    r"\d+\s+photos",
    r"\b[A-Z][a-z]+\b",
]


class Starving:
    """A compiled pattern (or gate) whose engine calls time out at once on the steps numbered in
    `starve` (a search, a match, one match of a scan), as on a machine too busy to run them: it
    uses no CPU time then. `timeouts` are the wall timeouts the steps were given."""

    def __init__(self, compiled: Any, starve: set[int], steps: list[int]) -> None:
        self.compiled, self.starve, self.steps = compiled, starve, steps
        self.timeouts: list[float] = []

    def _step(self, timeout: float) -> None:
        self.timeouts.append(timeout)
        self.steps[0] += 1
        if self.steps[0] in self.starve:
            raise TimeoutError

    def search(self, *args: Any, timeout: float) -> Any:
        self._step(timeout)
        return self.compiled.search(*args, timeout=timeout)

    def match(self, *args: Any, timeout: float) -> Any:
        self._step(timeout)
        return self.compiled.match(*args, timeout=timeout)

    def finditer(self, *args: Any, timeout: float) -> Iterator[Any]:
        matches = self.compiled.finditer(*args, timeout=timeout)
        while True:
            self._step(timeout)
            match = next(matches, None)
            if match is None:
                return
            yield match


def _starving(pattern: Pattern, starve: set[int]) -> tuple[Pattern, Starving]:
    """`pattern` searched by a `Starving` engine (its line gate too), sharing one step count."""
    steps = [0]
    engine = Starving(pattern.compiled, starve, steps)
    object.__setattr__(pattern, "_compiled", engine)
    object.__setattr__(pattern, "_gate", Starving(pattern.line_gate, starve, steps))
    return pattern, engine


@pytest.fixture
def no_cpu_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """The thread is starved: its CPU clock does not move."""
    monkeypatch.setattr(patterns, "_cpu_clock", lambda: 1.0)


def _spans(matches: Iterator[Any]) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@pytest.mark.parametrize("source", PATTERNS)
@pytest.mark.usefixtures("no_cpu_used")
def test_a_starved_scan_finds_what_an_idle_one_finds_whichever_step_times_out(source: str) -> None:
    expected = _spans(compile_pattern(source).finditer(TEXT))
    assert expected  # each pattern finds something in TEXT
    counted, _ = _starving(compile_pattern(source), set())
    assert _spans(counted.finditer(TEXT)) == expected
    steps = counted.compiled.steps[0]
    for step in range(1, steps + 1):
        starved, _ = _starving(compile_pattern(source), {step})
        assert _spans(starved.finditer(TEXT)) == expected, f"step {step} of {steps} timed out"
    # Every step but the first times out once: each is tried again.
    starved, _ = _starving(compile_pattern(source), set(range(2, 2 * steps + 2, 2)))
    assert _spans(starved.finditer(TEXT)) == expected


@pytest.mark.parametrize(
    ("source", "text", "span"), [("Getty\\s+Images", TEXT, (3379, 3391)), ("^By\\s+\\w+", "x\nBy Ana", (2, 8)), ("(?i)photo", "A PHOTO", (2, 7))]
)
@pytest.mark.usefixtures("no_cpu_used")
def test_a_starved_search_is_tried_again_with_the_cpu_time_left(source: str, text: str, span: tuple[int, int]) -> None:
    pattern, engine = _starving(compile_pattern(source), {1, 2, 3})
    assert pattern.search(text).span() == span
    first, *again = engine.timeouts
    assert first == pytest.approx(0.2 * MATCH_TIMEOUT)
    # No try may use more than the CPU time left: its wall timeout is that time.
    assert again == [pytest.approx(MATCH_TIMEOUT - first)] * 3


def test_a_search_that_uses_its_cpu_time_ends_in_a_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    cpu = iter(range(100))
    monkeypatch.setattr(patterns, "_cpu_clock", lambda: next(cpu) * 0.01)  # each try uses 10 ms
    pattern, engine = _starving(compile_pattern("Getty"), set(range(1, 100)))
    with pytest.raises(PatternTimeout, match=r"pattern 'Getty' exceeded the 0.25 s time limit"):
        pattern.search("Getty Images")
    # The first try is charged its 50 ms of wall time; the 200 ms left, 10 ms a try.
    assert len(engine.timeouts) == 1 + 20
    assert all(later <= MATCH_TIMEOUT - 0.05 + 1e-9 for later in engine.timeouts[1:])


@pytest.mark.parametrize(("characters", "limit", "shown"), [(250_000, 0.25, "0.25"), (750_000, 0.75, "0.75"), (2_300_000, 2.3, "2.3"), (9_200_000, 9.2, "9.2")])
def test_a_longer_text_gets_the_time_limit_per_250_000_characters(monkeypatch: pytest.MonkeyPatch, characters: int, limit: float, shown: str) -> None:
    # Scanning a text takes time in proportion to its length: a 15 MB page of 9.2 million
    # characters gets 9.2 s, where a text of up to 250,000 gets 0.25 s.
    assert patterns.time_limit(characters) == pytest.approx(limit)
    cpu = iter(range(10_000))
    monkeypatch.setattr(patterns, "_cpu_clock", lambda: next(cpu) * 0.01)  # each try uses 10 ms
    pattern, engine = _starving(compile_pattern("Getty"), set(range(1, 10_000)))
    text = "Getty Images" + " " * (characters - 12)
    with pytest.raises(PatternTimeout, match=rf"pattern 'Getty' exceeded the {shown} s time limit") as raised:
        pattern.search(text)
    assert raised.value.limit == pytest.approx(limit)
    # The first try is charged its 50 ms of wall time; the rest of the limit, 10 ms a try (one
    # more where the sum of the tries' floating-point times falls short of it).
    assert len(engine.timeouts) - 1 - round((limit - 0.05) / 0.01) in (0, 1)


@pytest.mark.usefixtures("no_cpu_used")
def test_a_search_starved_for_good_ends_at_the_wall_time_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    wall = iter(range(1000))
    monkeypatch.setattr(patterns, "_wall_clock", lambda: next(wall) * 0.5)  # half a second a reading
    pattern, engine = _starving(compile_pattern("Getty"), set(range(1, 1000)))
    with pytest.raises(PatternTimeout):
        list(pattern.finditer("Getty Images"))
    assert len(engine.timeouts) < 20


@pytest.mark.parametrize("text", ["a" * 30 + "b", "x" + "a" * 40 + "!"])
def test_a_pattern_that_backtracks_without_end_still_times_out(text: str) -> None:
    # `(a|a)+$` backtracks exponentially on every backtracking engine (`(a+)+$` does not on this one).
    pattern = compile_pattern("(a|a)+$")
    with pytest.raises(PatternTimeout):
        pattern.search(text)
    with pytest.raises(PatternTimeout):
        list(pattern.finditer(text))


DETECTED = slow_marker_pack()


def test_a_detection_marker_that_runs_out_of_time_is_said_not_evaluated(cli: Any, tmp_path: Path) -> None:
    pack = write(tmp_path, "slow.yaml", DETECTED)
    article = write(tmp_path, "story.html", f"<html><body><article><h1>T</h1><p>{'a' * 30}b</p></article></body></html>")
    (entry,) = cli("check", "--rules", str(pack), "--format", "json", str(article)).json()["files"]
    notices = {n["code"]: n["message"] for n in entry["notices"]}
    message = (
        "detection marker credit of pack slow not evaluated: its pattern exceeded the 0.25 s time limit, so the document was not fully checked:"
        " it may be a republication whose slow rules were not checked; check it against the pack by name (--pack slow), or simplify the pattern in"
    )
    assert notices["marker-time-limit"] == f"{message} {pack}"
    assert entry["packs"] == []
    # The README's table of notices shows this very notice.
    assert f'"{message} slow.yaml"' in (ROOT / "README.md").read_text(encoding="utf-8")


def test_a_marker_notice_names_the_longer_time_limit_of_a_long_text(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A search of a long text has more time (`patterns.time_limit`); the notice names the limit
    # the marker ran past, not the limit of a short text. Scaled down: 0.05 s, and as much per
    # 10 characters, so that the page's three dozen characters make a limit several times longer.
    monkeypatch.setattr(patterns, "MATCH_TIMEOUT", 0.05)
    monkeypatch.setattr(patterns, "_CHARACTERS_PER_TIME_LIMIT", 10)
    pack = write(tmp_path, "slow.yaml", DETECTED)
    article = write(tmp_path, "story.html", f"<html><body><article><h1>T</h1><p>{'a' * 30}b</p></article></body></html>")
    (entry,) = cli("check", "--rules", str(pack), "--format", "json", str(article)).json()["files"]
    notice = {n["code"]: n["message"] for n in entry["notices"]}["marker-time-limit"]
    shown = re.search(r"its pattern exceeded the ([0-9.]+) s time limit, so the document was not fully checked", notice)
    assert shown is not None, notice
    # The page's text, as the marker searches it: the heading's line and the paragraph.
    assert shown[1] == patterns.shown_limit(patterns.time_limit(len("T\n" + "a" * 30 + "b"))) == "0.17"


# The same pack with an own site whose republication marker (the credit line only a copy prints)
# backtracks without end on a paragraph of a's ending in b.
OWN_SITE = DETECTED.replace(
    "  markers:\n",
    "  own-site:\n    domains: [slow.example]\n    names: [Slow News]\n    republication-markers: [credit]\n  markers:\n"
    "    - id: pixel\n      weight: 1.0\n      check: {text: {pattern: 'Slow News pixel'}}\n",
)
BACKTRACKS = f"<p>{'a' * 30}b</p>"


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="og:url" content="https://slow.example/2024/story">',
        '<meta property="og:site_name" content="Slow News">',
        '<meta property="og:url" content="https://www.slow.example/s"><meta property="og:site_name" content="Slow News">',
    ],
)
@pytest.mark.parametrize("body", [BACKTRACKS, f"<p>Slow News pixel</p>{BACKTRACKS}"])
def test_an_own_site_page_whose_republication_marker_runs_out_of_time_may_be_a_copy(cli: Any, tmp_path: Path, head: str, body: str) -> None:
    pack = write(tmp_path, "slow.yaml", OWN_SITE)
    article = write(tmp_path, "story.html", f"<html><head>{head}</head><body><article><h1>T</h1>{body}</article></body></html>")
    (entry,) = cli("check", "--rules", str(pack), "--format", "json", str(article)).json()["files"]
    notices = {n["code"]: n["message"] for n in entry["notices"]}
    assert entry["packs"] == []
    assert "own-page" in notices
    assert notices["marker-time-limit"] == (
        "republication marker credit of pack slow not evaluated: its pattern exceeded the 0.25 s time limit;"
        " the page, taken as the publisher's own original, may be a republication whose rules were not checked:"
        f" check it against the pack by name (--pack slow) or simplify the pattern in {pack}"
    )
    text = cli("check", "--rules", str(pack), str(article)).out
    assert "republication marker credit of pack slow not evaluated" in text


def test_an_own_site_page_whose_republication_markers_all_ran_is_the_publishers_own_unsaid(cli: Any, tmp_path: Path) -> None:
    pack = write(tmp_path, "slow.yaml", OWN_SITE)
    head = '<meta property="og:url" content="https://slow.example/2024/story">'
    article = write(tmp_path, "story.html", f"<html><head>{head}</head><body><article><h1>T</h1><p>Welds went uninspected.</p></article></body></html>")
    (entry,) = cli("check", "--rules", str(pack), "--format", "json", str(article)).json()["files"]
    assert [n["code"] for n in entry["notices"]] == ["own-page"]


# A pack whose credit line is found by either of two patterns, one of which backtracks without end
# on a paragraph of a's ending in b, and whose fidelity rule compares the copy with its original.
COMPARED = """id: slow
name: Slow
publisher: Slow News
terms_url: https://example.org/terms
as_of: 2024-01-01
summary: s
detect:
  threshold: 1.0
  markers:
    - id: credit
      weight: 1.0
      check: {text: {pattern: 'Originally published by Slow News'}}
rules:
  - id: slow/credit
    severity: error
    message: m
    help: h
    check: {any: [{text: {pattern: 'Originally published by Slow News'}}, {text: {pattern: '%s'}}]}
  - id: slow/fidelity
    severity: error
    message: m
    help: h
    check: {fidelity: {allow: nd}}
"""
STORY = [
    "Every spring, some of my neighbors tell me their tap water tastes earthy or smells faintly of a pool.",
    "I study how drinking water changes between the source and the tap, and spring is a busy season for it.",
    "Treatment plants respond to spring conditions by adding more coagulant and adjusting their disinfectant dose.",
]
ADDED = "Our own paragraph was written here by the editors of this site."


def _story(*paragraphs: str) -> str:
    return "<html><body><article><h1>Spring runoff</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>"


@pytest.mark.parametrize(
    ("pattern", "copy", "noticed"),
    [
        # The comparison found an added paragraph while a credit pattern ran out of time: it may
        # have been the credit line.
        ("(a|a)+$", [*STORY[:2], ADDED, STORY[2], "a" * 30 + "b", "Originally published by Slow News."], True),
        ("(a|a)+$", [STORY[0], ADDED, *STORY[1:], "a" * 40 + "!", "Originally published by Slow News."], True),
        # No difference found: leaving out more text could find none.
        ("(a|a)+$", [*STORY, "a" * 30 + "b", "Originally published by Slow News."], False),
        # Every pattern ran: the added paragraph is the copy's own.
        ("Republished from Slow News", [*STORY[:2], ADDED, STORY[2], "a" * 30 + "b", "Originally published by Slow News."], False),
    ],
)
def test_a_comparison_that_finds_differences_says_when_a_required_addition_ran_out_of_time(
    cli: Any, tmp_path: Path, pattern: str, copy: list[str], noticed: bool
) -> None:
    pack = write(tmp_path, "slow.yaml", COMPARED % pattern)
    original = write(tmp_path, "original.html", _story(*STORY))
    article = write(tmp_path, "copy.html", _story(*copy))
    (entry,) = cli("check", "--rules", str(pack), "--original", str(original), "--format", "json", str(article)).json()["files"]
    notices = [n["message"] for n in entry["notices"] if n["code"] == "addition-time-limit"]
    expected = (
        "rule slow/fidelity may count text the terms require as added: pattern '(a|a)+$' of what they require exceeded"
        " its time limit, so what it would find was not left out of the comparison with the original; simplify the pattern"
    )
    assert notices == ([expected] if noticed else [])
    assert ("slow/fidelity" in {f["rule"] for f in entry["findings"]}) == (noticed or "Republished" in pattern)
