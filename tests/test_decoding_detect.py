"""Undeclared encodings: East Asian and Cyrillic text is detected (charset-normalizer) instead of
read as cp1252, UTF-16/32 without a byte-order mark (English or Japanese) is recognised instead of
skipped as binary, control bytes that merely look like it are skipped as binary, and every guess
is said in a `decoded-as` notice."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

import pytest

from compliance.api import check_html
from compliance.decoding import decode_bytes
from tests.conftest import SAMPLES, write

BODY = "".join(f"<p>段落{n}：議会は長い議論の末に予算案を可決しました。</p>" for n in range(6))


@pytest.mark.parametrize(("encoding", "byline"), [("shift_jis", "山田太郎"), ("euc_jp", "佐藤花子"), ("cp1251", "Иван Петров")])
def test_undeclared_non_latin_text_is_detected_and_said(encoding: str, byline: str) -> None:
    headline = "Бюджет" if encoding == "cp1251" else "予算案"
    html = f"<html><body><article><h1>{headline}</h1><p class='byline'>By {byline}</p>{BODY if encoding != 'cp1251' else ''}"
    html += "".join("<p>Бюджет принят после долгих дебатов в городском совете.</p>" for _ in range(4)) if encoding == "cp1251" else ""
    report = check_html((html + "</article></body></html>").encode(encoding), packs=["common"])
    (passed,) = [p for p in report.passed if p.rule == "common/empty-byline"]
    assert byline in passed.evidence
    (notice,) = [n for n in report.notices if n.code == "decoded-as"]
    assert "charset-normalizer" in notice.message


def test_western_text_without_a_charset_is_read_as_cp1252_with_a_notice(cli: Any, tmp_path: Path) -> None:
    page = "<html><body><article><p class='byline'>By José Martínez</p><p>“We’ve never seen it this low,” she said — again.</p></article></body></html>"
    story = write(tmp_path, "story.html", page.encode("cp1252"))
    entry = cli("check", "--format", "json", "--pack", "common", str(story)).json()["files"][0]
    assert {
        "code": "decoded-as",
        "message": "encoding guessed (not UTF-8; read as cp1252); declare the charset if names look wrong",
    } in entry["notices"]
    assert any("José Martínez" in p["evidence"] for p in entry["passed"])


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_unicode_without_a_bom_is_checked_not_skipped(cli: Any, tmp_path: Path, encoding: str) -> None:
    sample = SAMPLES / "dcnf" / "no-logo.html"
    story = write(tmp_path, "story.html", sample.read_text(encoding="utf-8").encode(encoding))
    entry = cli("check", "--format", "json", str(story)).json()["files"][0]
    assert entry["checked"] is True
    assert [f["rule"] for f in entry["findings"]] == ["dcnf/logo"]
    assert [n["code"] for n in entry["notices"]] == ["decoded-as", "no-original"]


def test_utf8_and_declared_pages_have_no_notice() -> None:
    report = check_html((SAMPLES / "dcnf" / "no-logo.html").read_bytes())
    assert [n.code for n in report.notices if n.code != "no-original"] == []


@pytest.mark.parametrize(
    "content",
    [b"\x00\x01" * 100, b"\x01\x00" * 100, b"\x01\x00\x00\x00" * 64, b"\x00\x00\x00\x02" * 64, b"\x00\x1b\x00\x07\x00\x01\x00\x02" * 64],
    ids=["00-01", "01-00", "utf-32-le-shaped", "utf-32-be-shaped", "escape-bell-runs"],
)
def test_control_byte_runs_shaped_like_utf16_or_utf32_are_skipped_as_binary(cli: Any, tmp_path: Path, content: bytes) -> None:
    story = write(tmp_path, "z.html", content)
    result = cli("check", "--format", "json", str(story))
    entry = result.json()["files"][0]
    assert entry["checked"] is False
    assert entry["notices"] == [
        {
            "code": "skipped",
            "message": "not checked: the file is binary data (NUL and control bytes), not an article — leave it out with --exclude or the config's exclude",
        }
    ]
    assert result.code == 2


JAPANESE_PAGE = (
    "<html><body><article><h1>予算案を可決</h1><p class='byline'>By 山田太郎</p>"
    + "".join(f"<p>段落{n}：議会は長い議論の末に予算案を可決しました。</p>\n" for n in range(8))
    + "</article></body></html>"
)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_japanese_wide_unicode_without_a_bom_is_read(encoding: str) -> None:
    report = check_html(JAPANESE_PAGE.encode(encoding), packs=["common"])
    assert report.checked
    (passed,) = [p for p in report.passed if p.rule == "common/empty-byline"]
    assert "山田太郎" in passed.evidence
    (notice,) = [n for n in report.notices if n.code == "decoded-as"]
    assert encoding.upper() in notice.message


@pytest.mark.parametrize(
    "data",
    [
        b"\x01\x01 \x00\x01\x01\x01\x01",  # one NUL in eight bytes of UTF-8
        "<p>Caf\u00e9 \u2014 a page</p>\x00<p>with a stray NUL</p>".encode(),
        # A NUL every tenth byte, all at odd offsets: the pattern of wide text, but a tenth of the bytes.
        ("<p>ab</p>\x00" * 40).encode(),
    ],
    ids=["short", "one-nul", "nul-every-tenth-byte"],
)
def test_utf8_with_a_few_stray_nuls_stays_utf8(data: bytes) -> None:
    from compliance.decoding import decode_bytes

    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding) == (data.decode("utf-8"), "utf-8")


def test_c1_controls_are_not_text_in_a_wide_reading() -> None:
    from compliance.decoding import decode_bytes

    # As UTF-16-LE these bytes would be "ā\x80āā": a C1 control no text holds.
    assert decode_bytes(b"\x01\x01\x80\x00\x01\x01\x01\x01").encoding == "cp1252"


# -- try-out s48: a UTF-16 or UTF-32 byte-order mark that the bytes after it contradict -----------

_MARKS = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}


@pytest.mark.parametrize("mark", list(_MARKS))
@pytest.mark.parametrize("byline", ["Jake Smith", "José Martínez", "山田太郎"])
def test_a_wide_byte_order_mark_before_utf8_is_read_as_utf8_and_said(mark: str, byline: str) -> None:
    page = f"<html><body><article><h1>Budget passes</h1><p class='byline'>By {byline}</p><p>The council voted.</p></article></body></html>"
    decoded = decode_bytes(_MARKS[mark] + page.encode("utf-8"))
    assert (decoded.text, decoded.encoding) == (page, "utf-8")
    report = check_html(_MARKS[mark] + page.encode("utf-8"), packs=["common"])
    (passed,) = [p for p in report.passed if p.rule == "common/empty-byline"]
    assert byline in passed.evidence
    name = mark.upper().replace("-LE", "LE").replace("-BE", "BE")
    (notice,) = [n for n in report.notices if n.code == "decoded-as"]
    assert notice.message == (
        f"encoding guessed (a {name} byte-order mark, but the bytes after it are not {name}; read as UTF-8);"
        " remove the byte-order mark from the file's first bytes, or save the file in the encoding the mark names"
    )


@pytest.mark.parametrize("mark", list(_MARKS))
@pytest.mark.parametrize("text", ["<p>By José Martínez</p>\n", "".join(f"<p>段落{n}：議会は予算案を可決しました。</p>" for n in range(3)), "段落議会予算案"])
def test_text_in_the_encoding_its_mark_names_is_read_with_it_and_not_said(mark: str, text: str) -> None:
    decoded = decode_bytes(_MARKS[mark] + text.encode(mark))
    assert (decoded.text, decoded.encoding, decoded.reason) == (text, mark, "byte-order mark")
    assert [n.code for n in check_html(_MARKS[mark] + text.encode(mark)).notices if n.code == "decoded-as"] == []


def test_a_utf8_mark_before_utf8_is_no_guess() -> None:
    decoded = decode_bytes(codecs.BOM_UTF8 + "<p>By José</p>".encode())
    assert (decoded.text, decoded.reason) == ("<p>By José</p>", "byte-order mark")


def test_the_command_line_says_the_contradicted_mark_of_the_file(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.html", codecs.BOM_UTF32_LE + (SAMPLES / "dcnf" / "no-logo.html").read_bytes())
    entry = cli("check", "--format", "json", str(story)).json()["files"][0]
    assert [f["rule"] for f in entry["findings"]] == ["dcnf/logo"]
    assert [n["message"] for n in entry["notices"] if n["code"] == "decoded-as"] == [
        "encoding guessed (a UTF-32LE byte-order mark, but the bytes after it are not UTF-32LE; read as UTF-8);"
        " remove the byte-order mark from the file's first bytes, or save the file in the encoding the mark names"
    ]
