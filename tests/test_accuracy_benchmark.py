"""benchmarks/accuracy.py keeps working: its measures on known inputs, a run on three corpus pages
(one with a credited author, one in another script, one too short to score), and its byline count
agreeing with the corpus's own yardstick, score_bylines.py, on the same pages."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SHARED, requires_shared

CORPUS = SHARED / "corpora" / "readability-test-pages"
PAGES = ["001.html", "hukumusume.html", "005-unescape-html-entities.html"]


def _load_benchmark() -> Any:
    spec = importlib.util.spec_from_file_location("accuracy_benchmark", ROOT / "benchmarks" / "accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


accuracy = _load_benchmark()


def test_word_f1_counts_words_as_a_multiset() -> None:
    assert accuracy.words("Don't stop — the café's 2 cafés!") == ["don", "t", "stop", "the", "café", "s", "2", "cafés"]
    precision, recall, f1 = accuracy.word_f1(["a", "a", "b", "c"], ["a", "b", "b", "d"])
    assert (precision, recall) == (0.5, 0.5)
    assert f1 == pytest.approx(0.5)
    assert accuracy.word_f1([], ["a"]) == (0.0, 0.0, 0.0)


def test_latin_share_counts_letters_only() -> None:
    assert accuracy.latin_share("Ünïcode 2024!") == 1.0
    assert accuracy.latin_share("日本語 abc") == 0.5
    assert accuracy.latin_share("123 —") == 1.0


def test_byline_verdict_follows_the_yardstick() -> None:
    assert accuracy.byline_verdict(["Aleš Vávra"], "By ALES VAVRA, Praha") == "named"
    assert accuracy.byline_verdict(["Jon Sopel"], "Part I - Introduction") == "wrong"
    assert accuracy.byline_verdict(["Jon Sopel"], "") == "missed"


def test_benchmark_on_three_pages_writes_json_and_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    requires_shared([CORPUS])
    out = tmp_path / "accuracy.json"
    assert accuracy.main(["--corpus", str(CORPUS), "--pages", ",".join(PAGES), "--json", str(out)]) == 0
    table = capsys.readouterr().out
    assert "| packs applied by auto-detection | 0 | 0 | met |" in table
    report = json.loads(out.read_text(encoding="utf-8"))
    pages = {page["file"]: page for page in report["pages"]}
    assert set(pages) == set(PAGES)
    assert pages["001.html"]["authors"] == ["Nicolas Perriault"]
    assert pages["001.html"]["byline"] in {"named", "wrong", "missed"}
    assert pages["001.html"]["latin"] and pages["001.html"]["expected_words"] == 635
    assert pages["hukumusume.html"]["authors"] is None and not pages["hukumusume.html"]["latin"]
    assert pages["005-unescape-html-entities.html"]["expected_words"] < accuracy.MIN_EXPECTED_WORDS
    summary = report["summary"]
    assert summary["bylines"]["credited"] == 1
    assert summary["region"]["latin"]["pages"] == 1 and summary["region"]["other_scripts"]["pages"] == 1
    assert summary["region"]["too_short"] == 1
    assert summary["packs_applied"]["pages"] == 0
    assert all(0.0 <= page["f1"] <= 1.0 for page in pages.values())


def test_byline_count_agrees_with_score_bylines(tmp_path: Path) -> None:
    requires_shared([CORPUS / "score_bylines.py"])
    syndcheck = shutil.which("syndcheck", path=str(Path(sys.executable).parent))
    assert syndcheck is not None, "the syndcheck script must be installed beside this Python"
    pages = ["001.html", "002.html"]
    labels = [label for label in json.loads((CORPUS / "labels.json").read_text(encoding="utf-8")) if label["file"] in pages]
    (tmp_path / "labels.json").write_text(json.dumps(labels), encoding="utf-8")
    (tmp_path / "expected").mkdir()
    for page in pages:
        shutil.copy(CORPUS / page, tmp_path / page)
        shutil.copy(CORPUS / "expected" / page, tmp_path / "expected" / page)
    yardstick = subprocess.run(
        [sys.executable, str(CORPUS / "score_bylines.py"), str(tmp_path), "--", syndcheck], capture_output=True, text=True, timeout=300, check=False
    )
    last_line = yardstick.stdout.strip().splitlines()[-1]
    summary, _ = accuracy.run(tmp_path)
    bylines = summary["bylines"]
    assert last_line == f"bylines: {bylines['named']}/{bylines['credited']} named ({bylines['wrong']} wrong)"
    assert bylines["credited"] == 2
