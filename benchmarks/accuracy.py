#!/usr/bin/env python3
# ruff: noqa: E501 - Markdown rows read better on one line
"""syndcheck accuracy on real pages: byline recall and wrong names, article-region word F1, and
packs applied by auto-detection, on the saved article pages of Mozilla Readability's test suite
(../shared/corpora/readability-test-pages: 130 pages, `labels.json`, `expected/<name>.html`).

    python benchmarks/accuracy.py                      # the whole corpus
    python benchmarks/accuracy.py --corpus DIR         # another folder of the same layout
    python benchmarks/accuracy.py --pages 001.html,ars-1.html   # only these pages
    python benchmarks/accuracy.py --json out.json      # where the JSON goes (default benchmarks/results/accuracy.json)

What is measured, page by page, through the public CLI run in this process (`compliance.cli.main`):

- Bylines, by the rule of the corpus's `score_bylines.py` (reimplemented here, with the same
  normalisation, probe pack and arguments): a page counts when its labelled author appears in the
  page's visible text (lxml; script, style, template and noscript removed); it is *named* when
  the evidence of the probe pack's `byline: {}` rule names one of the labelled authors, *wrong*
  when that evidence names someone else, *missed* when there is no evidence.
- Article region: word F1 between the text of the document's in-article blocks (the region every
  rule reads as "the article") and the text of Readability's `expected/<name>.html`. Words are
  runs of letters and digits, lower-cased, counted as a multiset. The headline figures are the
  mean and median over the pages whose expected text has at least 50 words and whose letters are
  mostly Latin; the other scripts (Arabic, Hebrew, CJK, Cyrillic…) are reported apart, because a
  word split on spaces means something else in them.
- Packs: `syndcheck check --format json PAGE` with auto-detection; none of these pages is a
  republication, so every applied pack is a false detection.

Markdown goes to stdout with a verdict for each target, progress to stderr. See docs/accuracy.md.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import statistics
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "readability-test-pages"

try:
    import compliance  # noqa: F401
except ImportError:  # not installed in this interpreter: use the checkout
    sys.path.insert(0, str(ROOT))

TARGET_NAMED = 50  # of the pages whose credited person is visible
TARGET_WRONG = 0
TARGET_F1_MEAN = 0.90  # Latin-script pages with at least MIN_EXPECTED_WORDS words of expected text
TARGET_PACKS = 0
MIN_EXPECTED_WORDS = 50
LATIN_SHARE = 0.8  # a page is Latin-script when at least this share of its expected letters is Latin

# The probe pack of score_bylines.py, word for word: one `byline: {}` rule.
PROBE = """id: probe
name: Probe
publisher: Probe
terms_url: https://example.org/terms
as_of: 2024-01-01
summary: reads the byline
rules:
  - id: probe/byline
    severity: error
    message: no byline
    help: none
    check:
      byline: {}
"""


# --------------------------------------------------------------------------------------------
# The byline yardstick (score_bylines.py's rule)
# --------------------------------------------------------------------------------------------


def yardstick_norm(text: str | None) -> str:
    """score_bylines.py's `norm`: NFKD, combining marks dropped, non-word runs to one space, lower case."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^\w]+", " ", stripped).strip().lower()


def _visible_root(data: bytes | str) -> Any:
    import lxml.html

    root = lxml.html.document_fromstring(data)
    for hidden in root.xpath("//script|//style|//template|//noscript"):
        hidden.drop_tree()
    return root


def credited_authors(label: dict[str, Any], data: bytes) -> list[str] | None:
    """The labelled authors when at least one is in the page's visible text, else None (page left out)."""
    authors = [a.strip() for a in (label.get("author") or "").split(";") if a.strip()]
    if not authors:
        return None
    visible = yardstick_norm(_visible_root(data).text_content())
    return authors if any(yardstick_norm(a) in visible for a in authors) else None


def byline_verdict(authors: list[str], evidence: str) -> str:
    """named, wrong or missed, as score_bylines.py decides it."""
    if evidence and any(yardstick_norm(a) in yardstick_norm(evidence) for a in authors):
        return "named"
    return "wrong" if evidence else "missed"


# --------------------------------------------------------------------------------------------
# Article-region word F1
# --------------------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Runs of letters and digits, NFKC and lower-cased."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).lower())


def word_f1(picked: Sequence[str], expected: Sequence[str]) -> tuple[float, float, float]:
    """(precision, recall, F1) of two word multisets; 0.0 where a side is empty."""
    overlap = sum((Counter(picked) & Counter(expected)).values())
    if not overlap:
        return 0.0, 0.0, 0.0
    precision, recall = overlap / len(picked), overlap / len(expected)
    return precision, recall, 2 * precision * recall / (precision + recall)


def latin_share(text: str) -> float:
    """Share of the letters in `text` that are Latin script (1.0 for text without letters)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 1.0
    return sum(1 for c in letters if unicodedata.name(c, "").startswith("LATIN")) / len(letters)


def expected_text(path: Path) -> str:
    """The text of Readability's extraction of a page (UTF-8 without a charset declaration, so
    decoded here rather than left to lxml, which would read it as Latin-1)."""
    return str(_visible_root(path.read_text(encoding="utf-8")).text_content())


def region_text(data: bytes) -> str:
    """The text of the blocks the checker takes as the article (one parse, as a check makes it)."""
    from compliance.document import parse_document

    document = parse_document(data, "html")
    return "\n".join(block.text for block in document.article_blocks)


# --------------------------------------------------------------------------------------------
# One page
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageResult:
    file: str
    authors: list[str] | None  # None: left out of the byline count
    byline: str | None  # named / wrong / missed
    evidence: str
    expected_words: int
    picked_words: int
    precision: float
    recall: float
    f1: float
    latin: bool
    packs: list[str]


def _cli_json(args: Sequence[str]) -> dict[str, Any]:
    """Run `syndcheck ARGS` in this process and return the first file's JSON entry."""
    from compliance.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    if code not in (0, 1):
        raise RuntimeError(f"syndcheck {' '.join(args)} exited {code}: {err.getvalue()[:200]}")
    entry: dict[str, Any] = json.loads(out.getvalue())["files"][0]
    return entry


def measure_page(corpus: Path, label: dict[str, Any], probe: Path) -> PageResult:
    page = corpus / label["file"]
    data = page.read_bytes()
    authors = credited_authors(label, data)
    verdict, evidence = None, ""
    if authors is not None:
        probed = _cli_json(["check", "--rules", str(probe), "--pack", "probe", "--format", "json", str(page)])
        evidence = " ".join(str(p.get("evidence") or "") for p in probed.get("passed", []) if p.get("rule") == "probe/byline")
        verdict = byline_verdict(authors, evidence)
    expected = expected_text(corpus / "expected" / label["file"])
    expected_words, picked_words = words(expected), words(region_text(data))
    precision, recall, f1 = word_f1(picked_words, expected_words)
    packs = list(_cli_json(["check", "--format", "json", str(page)]).get("packs", []))
    return PageResult(
        file=label["file"],
        authors=authors,
        byline=verdict,
        evidence=evidence[:200],
        expected_words=len(expected_words),
        picked_words=len(picked_words),
        precision=round(precision, 4),
        recall=round(recall, 4),
        f1=round(f1, 4),
        latin=latin_share(expected) >= LATIN_SHARE,
        packs=packs,
    )


# --------------------------------------------------------------------------------------------
# Summary and report
# --------------------------------------------------------------------------------------------


def _f1_summary(pages: list[PageResult]) -> dict[str, Any]:
    scores = [p.f1 for p in pages]
    return {
        "pages": len(scores),
        "mean": round(statistics.fmean(scores), 3) if scores else None,
        "median": round(statistics.median(scores), 3) if scores else None,
    }


def summarise(results: list[PageResult]) -> dict[str, Any]:
    credited = [r for r in results if r.byline is not None]
    measured = [r for r in results if r.expected_words >= MIN_EXPECTED_WORDS]
    latin = [r for r in measured if r.latin]
    other = [r for r in measured if not r.latin]
    applied = [r for r in results if r.packs]
    named = sum(1 for r in credited if r.byline == "named")
    wrong = sum(1 for r in credited if r.byline == "wrong")
    latin_f1 = _f1_summary(latin)
    return {
        "pages": len(results),
        "bylines": {"credited": len(credited), "named": named, "wrong": wrong, "missed": len(credited) - named - wrong},
        "region": {
            "min_expected_words": MIN_EXPECTED_WORDS,
            "latin": latin_f1,
            "other_scripts": _f1_summary(other),
            "too_short": len(results) - len(measured),
        },
        "packs_applied": {"pages": len(applied), "which": {r.file: r.packs for r in applied}},
        "targets": {
            "bylines": named >= TARGET_NAMED and wrong <= TARGET_WRONG,
            "region": latin_f1["mean"] is not None and latin_f1["mean"] >= TARGET_F1_MEAN,
            "packs": len(applied) <= TARGET_PACKS,
        },
    }


def _verdict(met: bool) -> str:
    return "met" if met else "not met"


def render(summary: dict[str, Any], results: list[PageResult], *, worst: int = 15) -> str:
    bylines, region, packs, targets = summary["bylines"], summary["region"], summary["packs_applied"], summary["targets"]
    latin, other = region["latin"], region["other_scripts"]
    lines = [
        f"Accuracy on {summary['pages']} real pages ({summary['corpus_name']}, {summary['date']}, syndcheck {summary['version']})",
        "",
        "| measure | figure | target | verdict |",
        "|---|---|---|---|",
        f"| bylines named (of pages whose credited person is visible) | {bylines['named']}/{bylines['credited']} | ≥ {TARGET_NAMED} | {_verdict(bylines['named'] >= TARGET_NAMED)} |",
        f"| wrong names | {bylines['wrong']} | {TARGET_WRONG} | {_verdict(bylines['wrong'] <= TARGET_WRONG)} |",
        f"| article-region word F1, Latin script, ≥ {region['min_expected_words']} words: mean | {_fmt(latin['mean'])} ({latin['pages']} pages) | ≥ {TARGET_F1_MEAN:.2f} | {_verdict(targets['region'])} |",
        f"| article-region word F1, Latin script, ≥ {region['min_expected_words']} words: median | {_fmt(latin['median'])} | — | — |",
        f"| article-region word F1, other scripts: mean / median | {_fmt(other['mean'])} / {_fmt(other['median'])} ({other['pages']} pages) | — | reported apart |",
        f"| packs applied by auto-detection | {packs['pages']} | {TARGET_PACKS} | {_verdict(targets['packs'])} |",
        "",
        f"{region['too_short']} pages have fewer than {region['min_expected_words']} words of expected text and are not in the F1 figures.",
    ]
    lowest = sorted((r for r in results if r.expected_words >= MIN_EXPECTED_WORDS), key=lambda r: r.f1)[:worst]
    if lowest:
        lines += [
            "",
            f"Lowest region F1 ({len(lowest)}):",
            "",
            "| page | F1 | precision | recall | words picked / expected | script |",
            "|---|---|---|---|---|---|",
        ]
        lines += [
            f"| {r.file} | {r.f1:.2f} | {r.precision:.2f} | {r.recall:.2f} | {r.picked_words} / {r.expected_words} | {'Latin' if r.latin else 'other'} |"
            for r in lowest
        ]
    misses = [r for r in results if r.byline in ("wrong", "missed")]
    if misses:
        lines += ["", "Bylines not named:", "", "| page | credited | read |", "|---|---|---|"]
        lines += [f"| {r.file} | {'; '.join(r.authors or [])} | {_cell(r.evidence) if r.evidence else '(no byline)'} |" for r in misses]
    if packs["which"]:
        lines += ["", "Packs applied: " + ", ".join(f"{name}: {', '.join(p)}" for name, p in packs["which"].items())]
    return "\n".join(lines) + "\n"


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _cell(text: str) -> str:
    """Page text in a Markdown cell: one line, pipes escaped, controls dropped, cut short."""
    flat = "".join(c if c.isprintable() else " " for c in text)
    flat = re.sub(r"\s+", " ", flat).replace("|", "\\|").strip()
    return repr(flat[:80])


def run(corpus: Path, only: set[str] | None = None) -> tuple[dict[str, Any], list[PageResult]]:
    from compliance import __version__

    labels = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))
    if only is not None:
        unknown = only - {label["file"] for label in labels}
        if unknown:
            raise SystemExit(f"not in {corpus / 'labels.json'}: {', '.join(sorted(unknown))}")
        labels = [label for label in labels if label["file"] in only]
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        probe = Path(scratch) / "probe.yaml"
        probe.write_text(PROBE, encoding="utf-8")
        for number, label in enumerate(labels, 1):
            print(f"[{number}/{len(labels)}] {label['file']}", file=sys.stderr)
            results.append(measure_page(corpus, label, probe))
    summary = summarise(results)
    summary.update(corpus_name=corpus.name, date=datetime.now(UTC).strftime("%Y-%m-%d"), version=__version__)
    return summary, results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the corpus folder (default ../shared/corpora/readability-test-pages)")
    parser.add_argument("--pages", help="comma-separated page file names: measure only these")
    parser.add_argument(
        "--json", type=Path, default=HERE / "results" / "accuracy.json", help="where to write the JSON (default benchmarks/results/accuracy.json)"
    )
    args = parser.parse_args(argv)
    if not (args.corpus / "labels.json").is_file():
        print(f"error: {args.corpus}: no labels.json here; pass the corpus folder with --corpus", file=sys.stderr)
        return 2
    only = {p.strip() for p in args.pages.split(",") if p.strip()} if args.pages else None
    summary, results = run(args.corpus, only)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"summary": summary, "pages": [asdict(r) for r in results]}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    sys.stdout.write(render(summary, results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
