"""A large run holds little: the files are walked as they are checked, and the reports the
whole-run formats need are kept packed."""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from compliance import runner as runner_module
from compliance.compact import CompactReports, CompactTexts, unpack
from compliance.document.elements import CLASS_VALUES_CACHED
from compliance.engine import check_bytes
from compliance.findings import Severity
from compliance.inputs import Skipped, Source
from compliance.loading import load_packs
from compliance.runner import CHUNK_FILES, FileResult, Runner, RunOptions, chunk_size
from tests.conftest import SAMPLES


def _dcnf_reports() -> list[Any]:
    packs = load_packs()
    files = sorted((SAMPLES / "dcnf").glob("*.html"))[:4]
    return [check_bytes(f.read_bytes(), "html", packs, path=str(f)) for f in files]


def _texts() -> list[Any]:
    return ["", "plain", "caf\u00e9 \u202e \U0001f4f0", "lone \udcff surrogate", "x" * 10_000]


@pytest.mark.parametrize(("held", "items"), [(CompactReports, _dcnf_reports), (CompactTexts, _texts)], ids=["reports", "texts"])
def test_packed_items_come_back_equal_and_in_order(held: Callable[[], Any], items: Callable[[], list[Any]]) -> None:
    kept, values = held(), items()
    for value in values:
        kept.append(value)
    assert len(kept) == len(values)
    assert list(kept) == values
    assert list(kept) == values  # read again: nothing is used up
    assert kept[1] == values[1] and kept[-1] == values[-1]
    assert list(kept[1:3]) == values[1:3]
    assert kept.held_bytes < sum(len(repr(v)) for v in values)


def test_a_directory_is_walked_as_its_files_are_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for index in range(12):
        (tmp_path / f"story-{index:02}.html").write_text(f"<html><body><article><p>Story {index}.</p></article></body></html>", encoding="utf-8")
    runner = Runner(RunOptions())
    walked: list[int] = []
    selected = Runner._selected

    def counted(self: Runner, paths: list[str]) -> Iterator[Source | Skipped]:
        walk = len(walked)
        walked.append(0)
        for item in selected(self, paths):
            walked[walk] += 1
            yield item

    monkeypatch.setattr(Runner, "_selected", counted)
    results = runner.run([str(tmp_path)], jobs=1)
    first = next(results)
    # The first walk only counted (and validated) the files; the second has given out one so far.
    assert walked == [12, 1]
    rest = list(results)
    assert [r.report.path for r in [first, *rest]] == [str(tmp_path / f"story-{index:02}.html") for index in range(12)]
    assert walked == [12, 12]


# --- worker processes -------------------------------------------------------------------------

_REAL_CHECK_CHUNK = runner_module._check_chunk


def _recording_check_chunk(chunk: Sequence[tuple[int, Source]]) -> bytes | str:
    """`_check_chunk` in a worker, noting which files it was handed at once."""
    with open(os.environ["CHUNKS_LOG"], "a", encoding="utf-8") as log:
        log.write(" ".join(str(index) for index, _ in chunk) + "\n")
    return _REAL_CHECK_CHUNK(chunk)


def test_workers_are_handed_files_in_chunks_and_results_come_back_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    story = (SAMPLES / "dcnf" / "no-logo.html").read_bytes()
    for index in range(60):
        (tmp_path / "desk").mkdir(exist_ok=True)
        (tmp_path / "desk" / f"story-{index:02}.html").write_bytes(story)
    monkeypatch.setenv("CHUNKS_LOG", str(tmp_path / "chunks.log"))
    monkeypatch.setattr(runner_module, "_check_chunk", _recording_check_chunk)
    results = list(Runner(RunOptions()).run([str(tmp_path / "desk")], jobs=2))
    assert [Path(r.report.path).name for r in results] == [f"story-{index:02}.html" for index in range(60)]
    assert all(r.report.checked and r.report.findings for r in results)
    chunks = [[int(i) for i in line.split()] for line in (tmp_path / "chunks.log").read_text().splitlines()]
    # Every file handed out once, in runs of consecutive files; several at a time while many are
    # left, one at a time at the end so that both workers finish together.
    assert sorted(i for chunk in chunks for i in chunk) == list(range(60))
    assert all(chunk == list(range(chunk[0], chunk[0] + len(chunk))) for chunk in chunks)
    assert max(len(chunk) for chunk in chunks) == chunk_size(60, 2) > 1
    assert len(chunks[-1]) == 1


def _frozen_check_chunk(chunk: Sequence[tuple[int, Source]]) -> bytes | str:
    """`_check_chunk` in a worker, noting how many objects the collector leaves alone there."""
    import gc

    with open(os.environ["FROZEN_LOG"], "a", encoding="utf-8") as log:
        log.write(f"{gc.get_freeze_count()}\n")
    return _REAL_CHECK_CHUNK(chunk)


def test_a_worker_leaves_what_it_inherited_out_of_garbage_collection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    story = (SAMPLES / "dcnf" / "no-logo.html").read_bytes()
    for index in range(12):
        (tmp_path / "desk").mkdir(exist_ok=True)
        (tmp_path / "desk" / f"story-{index:02}.html").write_bytes(story)
    monkeypatch.setenv("FROZEN_LOG", str(tmp_path / "frozen.log"))
    monkeypatch.setattr(runner_module, "_check_chunk", _frozen_check_chunk)
    results = list(Runner(RunOptions()).run([str(tmp_path / "desk")], jobs=2))
    assert len(results) == 12 and all(r.report.findings for r in results)
    counts = [int(line) for line in (tmp_path / "frozen.log").read_text().splitlines()]
    # The packs and modules a worker starts with are frozen there; the main process's are not.
    assert counts and min(counts) > 1000
    assert gc.get_freeze_count() == 0


def test_chunks_shrink_towards_the_end_of_a_batch() -> None:
    assert chunk_size(2000, 2) == CHUNK_FILES
    assert chunk_size(40, 2) < CHUNK_FILES
    assert chunk_size(3, 2) == 1 and chunk_size(0, 2) == 1


def test_a_result_travels_between_processes_with_its_report_packed() -> None:
    packs = load_packs()
    page = SAMPLES / "dcnf" / "no-logo.html"
    report = check_bytes(page.read_bytes(), "html", packs, path=str(page))
    sent = pickle.dumps(FileResult(report, failing=True, threshold=Severity.WARNING, originals=("/news/original.html",)))
    arrived = pickle.loads(sent)
    assert arrived.report == report and arrived.report.findings == report.findings
    assert (arrived.failing, arrived.threshold, arrived.originals) == (True, Severity.WARNING, ("/news/original.html",))
    # The run keeps the bytes that travelled for the whole-run formats, and they read back the same.
    assert arrived.packed and unpack(arrived.packed) == report
    assert len(sent) < len(pickle.dumps(report))
    held = CompactReports()
    held.append(arrived.report, arrived.packed)
    assert held.held_bytes == len(arrived.packed) and list(held) == [report]


def test_a_baseline_applied_in_the_run_drops_the_packed_report_that_travelled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = SAMPLES / "dcnf" / "no-logo.html"
    report = check_bytes(page.read_bytes(), "html", load_packs(), path=str(page))
    baseline = tmp_path / "baseline.json"
    monkeypatch.chdir(tmp_path)
    runner = Runner(RunOptions())
    arrived = pickle.loads(pickle.dumps(FileResult(report, failing=True)))
    assert arrived.packed
    assert runner._finish(arrived).packed == arrived.packed  # no baseline: kept as it came
    from compliance.baseline import BaselineFilter

    runner.baseline = BaselineFilter({}, file=str(baseline))
    finished = runner._finish(arrived)
    assert finished.packed == b""


# --- caches -------------------------------------------------------------------------------------


def _class_value_caches() -> list[Any]:
    from compliance.document import bylines, elements, region, visibility

    return [
        elements.class_tokens,
        visibility.hides_by_class,
        bylines._byline_by_class,
        elements.name_words,
        elements._runs,
        region._chrome_by_class,
        region._comments_by_id,
        region._body_by_class,
    ]


def test_caches_of_class_values_stay_bounded_over_pages_that_each_bring_their_own() -> None:
    # A CMS gives every page classes and ids of its own (WordPress: `post-48001`, `postid-48001`):
    # over a long batch the memoised values must stop at the bound, not grow file by file.
    packs = load_packs()
    pages = 40
    per_page = 20
    for page in range(pages):
        items = "".join(
            f'<li class="post-{page}-{n} post type-post hentry" id="comment-{page}-{n}"><a href="/p/{page}/{n}">Teaser {n}</a></li>' for n in range(per_page)
        )
        html = (
            f'<html><body class="postid-{page} single"><article class="post-{page} entry"><p class="byline">By Jake Smith, Daily Caller News Foundation</p>'
            f'<div class="entry-content"><p>The council met on Tuesday.</p></div></article><ul class="related">{items}</ul></body></html>'
        )
        check_bytes(html.encode(), "html", packs, path=f"page-{page}.html")
    assert pages * per_page > CLASS_VALUES_CACHED
    sizes = {cache.__wrapped__.__name__: cache.cache_info() for cache in _class_value_caches()}
    assert all(info.maxsize == CLASS_VALUES_CACHED for info in sizes.values()), sizes
    assert sizes["class_tokens"].currsize == CLASS_VALUES_CACHED  # filled, and no further


def test_a_files_real_path_is_found_folder_by_folder_as_resolving_it_would(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from compliance.configfiles import ConfigFinder

    (tmp_path / "archive" / "2024").mkdir(parents=True)
    (tmp_path / "archive" / "2024" / "story.html").write_text("<p>Story.</p>", encoding="utf-8")
    (tmp_path / "desk").symlink_to(tmp_path / "archive" / "2024")
    (tmp_path / "archive" / "2024" / "linked.html").symlink_to(tmp_path / "archive" / "story.html")
    monkeypatch.chdir(tmp_path)
    finder = ConfigFinder()
    spellings = ("desk/story.html", "./desk/story.html", str(tmp_path / "desk" / "story.html"), "desk/linked.html", "desk/../desk/story.html", "desk/gone.html")
    for path in spellings:
        assert finder.real_path(path) == Path(path).resolve().as_posix(), path


def test_a_packed_report_keeps_every_value_including_those_equality_ignores() -> None:
    from compliance.compact import pack
    from compliance.findings import Detection, Finding, FixBlock, Location, Notice, Passed, Report, Suppressed

    finding = Finding("dcnf/logo", Severity.ERROR, "No logo.", "Add it.", Location(3, 7), "<p>", "dcnf", "detail", FixBlock("<img>", "before the byline"))
    report = Report(
        path="desk/story.html",
        packs=("dcnf",),
        findings=(finding,),
        passed=(Passed("dcnf/byline", "By Jake Smith", Location(2), "dcnf"),),
        notices=(Notice("no-pack", "no pack applied"),),
        detections=(Detection("dcnf", 0.9, ("logo",), True, "", ("the logo",)),),
        suppressed=(Suppressed(finding, "inSource", "agreed with the licensor"),),
        timings=(("parse", 0.25),),
    )
    back = unpack(pack(report))
    assert back == report
    # Fields left out of equality travel too: the fix, detection labels, suppressions, timings.
    assert back.findings[0].fix == finding.fix and back.detections == report.detections
    assert back.detections[0].labels == ("the logo",) and back.suppressed == report.suppressed and back.timings == report.timings
    assert type(back.findings[0].severity) is Severity and back.findings[0].location == Location(3, 7)


def _style_block_caches() -> list[Any]:
    from compliance.document import animation, css, visibility

    return [
        css.parse_style_sheet,
        animation.sheet_keyframes,
        visibility._SheetSummary.of,
        visibility._sheet_traits,
        visibility._hiding_families,
        visibility._hiding_keyframes,
    ]


def test_readings_of_style_blocks_stay_bounded_over_pages_that_each_bring_their_own() -> None:
    # Each entry holds a parsed <style> block (tens of KB on a real page): a batch over many sites,
    # each page with a block of its own, must stop at the bound instead of growing file by file.
    from compliance.document.css import SHEETS_CACHED

    packs = load_packs()
    pages = SHEETS_CACHED + 8
    for page in range(pages):
        html = (
            f"<html><head><style>.story-{page} {{ color: #{page:06x} }} .promo-{page} {{ display: none }}"
            f" @keyframes in-{page} {{ from {{ opacity: 0 }} to {{ opacity: 1 }} }}</style></head><body>"
            f'<article class="story-{page}"><p class="byline">By Jake Smith, Daily Caller News Foundation</p>'
            "<p>The council met on Tuesday.</p></article></body></html>"
        )
        check_bytes(html.encode(), "html", packs, path=f"page-{page}.html")
    sizes = {cache.__wrapped__.__qualname__: cache.cache_info() for cache in _style_block_caches()}
    assert all(info.maxsize == SHEETS_CACHED for info in sizes.values()), sizes
    assert sizes["parse_style_sheet"].misses >= pages  # every page's block was read
    assert sizes["parse_style_sheet"].currsize == SHEETS_CACHED  # filled, and no further


def test_a_directory_walk_lets_go_of_each_entry_once_its_file_is_given_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An entry keeps its stat result once asked: held until the walk ends, a directory of
    # thousands of articles would grow the run's memory file by file.
    import weakref

    from compliance import inputs

    for index in range(6):
        (tmp_path / f"story-{index}.html").write_text("<p>Story.</p>", encoding="utf-8")

    class Entry:
        """A directory entry that can be watched for being let go."""

        __slots__ = ("__weakref__", "_entry")

        def __init__(self, entry: os.DirEntry[str]) -> None:
            self._entry = entry

        def __getattr__(self, name: str) -> Any:
            return getattr(self._entry, name)

    made: list[weakref.ref[Entry]] = []
    real_scandir = os.scandir

    def scandir(path: Any) -> list[Entry]:
        entries = [Entry(entry) for entry in real_scandir(path)]
        made.extend(weakref.ref(entry) for entry in entries)
        return entries

    monkeypatch.setattr(inputs.os, "scandir", scandir)
    walk = inputs.expand_paths([str(tmp_path)])
    given = [next(walk) for _ in range(4)]
    assert [Path(item.path).name for item in given] == [f"story-{index}.html" for index in range(4)]
    alive = sorted(Path(ref().path).name for ref in made if ref() is not None)  # type: ignore[union-attr]
    # The entry of the file just given out may still be the walk's current one; none before it.
    assert alive in (["story-3.html", "story-4.html", "story-5.html"], ["story-4.html", "story-5.html"])
