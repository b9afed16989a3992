"""Bytes to text: BOMs, declared charsets that may lie, cp1252 without a declaration, binary sniffing."""

from __future__ import annotations

import codecs
import gzip
import io
import zipfile

import pytest

from compliance.decoding import binary_kind, binary_text, declared_encoding, decode_bytes, decoded_as_message, text_encoding
from compliance.document import parse_document

# A realistic article fragment with the characters that go wrong: accents, curly quotes, an em dash.
ARTICLE_TEXT = (
    "<h1>Valley growers brace for a dry summer</h1>\n"
    '<p class="byline">By José Martínez</p>\n'
    "<p>\u201cWe\u2019ve never seen the reservoir this low,\u201d said grower Ana Peña \u2014 "
    "whose family has farmed near Fresno since 1952.</p>\n"
)


def html_page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html>\n<html>\n<head>\n{head}<title>Valley growers</title>\n</head>\n<body>\n{body}</body>\n</html>\n"


# ---------------------------------------------------------------------------------------------
# decode_bytes


@pytest.mark.parametrize(
    ("data", "encoding", "reason"),
    [
        (html_page(ARTICLE_TEXT).encode("utf-8"), "utf-8", "valid UTF-8"),
        (codecs.BOM_UTF8 + html_page(ARTICLE_TEXT).encode("utf-8"), "utf-8", "byte-order mark"),
        (codecs.BOM_UTF16_LE + html_page(ARTICLE_TEXT).encode("utf-16-le"), "utf-16-le", "byte-order mark"),
        (codecs.BOM_UTF16_BE + html_page(ARTICLE_TEXT).encode("utf-16-be"), "utf-16-be", "byte-order mark"),
        (
            html_page(ARTICLE_TEXT, '<meta charset="utf-8">\n').encode("utf-8"),
            "utf-8",
            "declared charset",
        ),
    ],
    ids=["utf8-no-bom", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "utf8-declared"],
)
def test_unicode_encodings_decode_to_the_same_text(data: bytes, encoding: str, reason: str) -> None:
    decoded = decode_bytes(data)
    assert (decoded.encoding, decoded.reason) == (encoding, reason)
    assert "\ufeff" not in decoded.text
    assert decoded.text.startswith("<!DOCTYPE html>")
    assert '<p class="byline">By José Martínez</p>' in decoded.text
    assert "\u201cWe\u2019ve never seen the reservoir this low,\u201d said grower Ana Peña \u2014 whose" in decoded.text


def test_cp1252_without_declared_charset() -> None:
    data = html_page('<p class="byline">By Jos\xe9 Mart\xednez</p>\n<p>\x93We\x92ve never seen it this low,\x94 she said \x97 again.</p>\n').encode("latin-1")
    decoded = decode_bytes(data)
    assert decoded.encoding == "cp1252"
    assert decoded.reason == "guessed: not UTF-8; read as cp1252"
    assert "By José Martínez" in decoded.text
    assert "\u201cWe\u2019ve never seen it this low,\u201d she said \u2014 again." in decoded.text


def test_meta_utf8_that_lies_about_cp1252_bytes() -> None:
    data = html_page(
        '<p class="byline">By Jos\xe9 Mart\xednez</p>\n<p>\x93The water is gone,\x94 he said.</p>\n',
        '<meta charset="utf-8">\n',
    ).encode("latin-1")
    decoded = decode_bytes(data)
    assert decoded.encoding == "cp1252"
    assert "By José Martínez" in decoded.text
    assert "\u201cThe water is gone,\u201d he said." in decoded.text


def test_meta_iso_8859_1_over_valid_utf8_multibyte_text_reads_utf8() -> None:
    data = html_page(ARTICLE_TEXT, '<meta charset="iso-8859-1">\n').encode("utf-8")
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert "By José Martínez" in decoded.text
    assert "\u201cWe\u2019ve never seen the reservoir this low,\u201d" in decoded.text
    assert "Ã" not in decoded.text


def test_meta_iso_8859_1_over_utf8_without_undefined_cp1252_bytes_still_reads_utf8() -> None:
    # "é" (C3 A9) and "’" (E2 80 99) are all defined cp1252 bytes, so strict cp1252 decoding succeeds;
    # UTF-8 must still win because the bytes are valid multi-byte UTF-8.
    data = html_page('<p class="byline">By José Martínez</p>\n<p>The grower\u2019s well ran dry.</p>\n', '<meta charset="iso-8859-1">\n')
    decoded = decode_bytes(data.encode("utf-8"))
    assert decoded.encoding == "utf-8"
    # Read as UTF-8, and said to be a guess: the `decoded-as` notice asks for UTF-8 to be declared.
    assert decoded.reason == "guessed: declared cp1252, but the bytes are UTF-8; read as UTF-8"
    assert "By José Martínez" in decoded.text
    assert "The grower\u2019s well ran dry." in decoded.text


def test_http_equiv_declared_cp1252() -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">\n'
    data = html_page("<p>\x93Caf\xe9 owners\x94 \x96 and others \x96 met on Monday.</p>\n", head).encode("latin-1")
    decoded = decode_bytes(data)
    assert (decoded.encoding, decoded.reason) == ("cp1252", "declared charset")
    assert "\u201cCafé owners\u201d \u2013 and others \u2013 met on Monday." in decoded.text


def test_declared_cp1252_ascii_only_page() -> None:
    data = html_page("<p>Plain ASCII story text.</p>\n", '<meta charset="windows-1252">\n').encode("ascii")
    decoded = decode_bytes(data)
    assert (decoded.encoding, decoded.reason) == ("cp1252", "declared charset")
    assert decoded.text == data.decode("ascii")


def test_mixed_utf8_and_cp1252_is_repaired() -> None:
    # A UTF-8 page with a pasted cp1252 quote: the UTF-8 stays, the cp1252 bytes are fixed.
    data = "<p>Ana Peña said:</p>\n".encode() + b"<p>\x93It is gone.\x94</p>\n"
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert decoded.reason == "UTF-8 mixed with cp1252, repaired"
    assert decoded.text == "<p>Ana Peña said:</p>\n<p>\u201cIt is gone.\u201d</p>\n"


def test_cp1252_undefined_bytes_fall_back_to_latin1_controls() -> None:
    decoded = decode_bytes(b"<p>Caf\xe9 \x81 menu</p>")
    assert decoded.encoding == "cp1252"
    assert decoded.text == "<p>Café \x81 menu</p>"


# ---------------------------------------------------------------------------------------------
# declared_encoding


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<meta charset="utf-8">', "utf-8"),
        ("<meta charset=UTF-8>", "utf-8"),
        ('<meta charset="ISO-8859-1">', "cp1252"),
        ('<meta charset="latin-1">', "cp1252"),
        ('<meta charset="us-ascii">', "cp1252"),
        ('<meta charset="windows-1252">', "cp1252"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', "cp1252"),
        ("<meta http-equiv='content-type' content='text/html; charset=iso-8859-15'>", "iso8859-15"),
        ('<meta charset="utf-16">', "utf-8"),
        ('<meta charset="shift_jis">', "shift_jis"),
        ('<meta charset="no-such-charset">', None),
        ('<meta name="author" content="Jane Doe">', None),
    ],
)
def test_declared_encoding(head: str, expected: str | None) -> None:
    assert declared_encoding(html_page("<p>Story.</p>\n", head + "\n").encode("ascii")) == expected


NOT_TEXT_ENCODINGS = ("rot13", "idna", "hex", "base64", "zlib", "undefined", "utf-7", "cp037", "punycode", "bz2")


@pytest.mark.parametrize("label", NOT_TEXT_ENCODINGS)
def test_a_codec_that_is_no_text_encoding_is_no_charset_anywhere(label: str) -> None:
    # One rule for a <meta charset>, an XML declaration and an HTTP charset (serve tests the last).
    assert text_encoding(label) is None
    assert declared_encoding(html_page("<p>Story.</p>\n", f"<meta charset={label}>\n").encode("ascii")) is None
    assert declared_encoding(f'<?xml version="1.0" encoding="{label}"?><p>x</p>'.encode("ascii")) is None
    assert decode_bytes(f"<meta charset={label}><p>By Jake Smith, caf\xe9</p>".encode("latin-1")).text.endswith("caf\xe9</p>")


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("UTF-8", "utf-8"),
        (" latin2 ", "iso8859-2"),
        ("ISO-8859-1", "cp1252"),
        ("utf-16le", "utf-16-le"),
        ("Shift_JIS", "shift_jis"),
        ("ISO-2022-JP", "iso2022_jp"),
        ("IBM866", "cp866"),
        ("macintosh", "mac-roman"),
        ("nul\x00", None),
    ],
)
def test_text_encoding_names_the_codec_of_a_charset_a_page_may_be_in(label: str, expected: str | None) -> None:
    assert text_encoding(label) == expected


def test_declared_encoding_from_xml_declaration() -> None:
    data = b'<?xml version="1.0" encoding="ISO-8859-1"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>'
    assert declared_encoding(data) == "cp1252"


def test_declared_encoding_is_only_read_from_the_first_bytes() -> None:
    filler = "<!-- " + "x" * 5000 + " -->\n"
    data = html_page("<p>Story.</p>\n", filler + '<meta charset="windows-1252">\n').encode("ascii")
    assert declared_encoding(data) is None


# ---------------------------------------------------------------------------------------------
# binary_kind


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00" + bytes(200)


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document>Republished story</w:document>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (_png(), "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + bytes(300), "a JPEG image"),
        (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04", "a GIF image"),
        (b"GIF87a\x01\x00\x01\x00\x00\x00\x00,", "a GIF image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "a PDF document"),
        (gzip.compress(html_page(ARTICLE_TEXT).encode("utf-8")), "gzip-compressed data"),
        (_zip(), "a ZIP archive (or Office document)"),
        (bytes(range(0, 8)) * 200, "binary data (NUL and control bytes)"),
        (b"\x00\x01\x02\x03" * 64 + b"some text", "binary data (NUL and control bytes)"),
    ],
    ids=["png", "jpeg", "gif89", "gif87", "pdf", "gzip", "zip", "nul-heavy", "control-bytes"],
)
def test_binary_kind_recognises_binary_files(data: bytes, expected: str) -> None:
    assert binary_kind(data) == expected


@pytest.mark.parametrize(
    "data",
    [
        html_page(ARTICLE_TEXT).encode("utf-8"),
        html_page(ARTICLE_TEXT).encode("utf-8").replace(b"<p>\xe2\x80\x9cWe", b"<p>\x00\xe2\x80\x9cWe"),
        codecs.BOM_UTF16_LE + html_page(ARTICLE_TEXT).encode("utf-16-le"),
        codecs.BOM_UTF16_BE + html_page(ARTICLE_TEXT).encode("utf-16-be"),
        codecs.BOM_UTF8 + html_page(ARTICLE_TEXT).encode("utf-8"),
        b"Jake Smith Contributor\n\nThe Biden administration is reportedly considering an unusual move.\n",
    ],
    ids=["html", "html-with-stray-nul", "utf16-le-bom", "utf16-be-bom", "utf8-bom", "plain-text"],
)
def test_binary_kind_is_none_for_text(data: bytes) -> None:
    assert binary_kind(data) is None


def test_stray_nul_fixture_really_has_one_nul() -> None:
    data = html_page(ARTICLE_TEXT).encode("utf-8").replace(b"<p>\xe2\x80\x9cWe", b"<p>\x00\xe2\x80\x9cWe")
    assert data.count(b"\x00") == 1


# ---------------------------------------------------------------------------------------------
# Decoding through the document parser: the visible text comes out right.


@pytest.mark.parametrize(
    ("data", "encoding", "first_line"),
    [
        (html_page(ARTICLE_TEXT).encode("utf-8"), "utf-8", 7),
        (codecs.BOM_UTF16_LE + html_page(ARTICLE_TEXT).encode("utf-16-le"), "utf-16-le", 7),
        (codecs.BOM_UTF16_BE + html_page(ARTICLE_TEXT).encode("utf-16-be"), "utf-16-be", 7),
        (html_page(ARTICLE_TEXT, '<meta charset="windows-1252">\n').encode("cp1252"), "cp1252", 8),
        (html_page(ARTICLE_TEXT, '<meta charset="iso-8859-1">\n').encode("utf-8"), "utf-8", 8),
        (html_page(ARTICLE_TEXT).encode("cp1252"), "cp1252", 7),
        (html_page(ARTICLE_TEXT, '<meta charset="utf-8">\n').encode("cp1252"), "cp1252", 8),
    ],
    ids=["utf8", "utf16-le", "utf16-be", "declared-cp1252", "lying-latin1", "undeclared-cp1252", "lying-utf8"],
)
def test_parsed_document_has_the_right_text_whatever_the_encoding(data: bytes, encoding: str, first_line: int) -> None:
    doc = parse_document(data, "html")
    assert doc.encoding == encoding
    assert [b.text for b in doc.blocks] == [
        "Valley growers brace for a dry summer",
        "By José Martínez",
        '"We\'ve never seen the reservoir this low," said grower Ana Peña \u2014 whose family has farmed near Fresno since 1952.',
    ]
    assert [b.line for b in doc.blocks] == [first_line, first_line + 1, first_line + 2]
    assert [byline.names for byline in doc.bylines] == [("José Martínez",)]


def test_plain_text_cp1252_file() -> None:
    data = "Valley growers brace for a dry summer\n\nBy José Martínez\n\n\u201cIt is gone,\u201d she said.\n".encode("cp1252")
    doc = parse_document(data, "text")
    assert doc.encoding == "cp1252"
    assert [(b.line, b.text) for b in doc.blocks] == [
        (1, "Valley growers brace for a dry summer"),
        (3, "By José Martínez"),
        (5, '"It is gone," she said.'),
    ]


# A byte-order mark does not make NUL and control bytes an article: what follows it is judged as
# a file without one is (in the mark's encoding), and NUL bytes alone after it (not even one
# character of UTF-16 or UTF-32 text) are binary data.
@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + b"\x00",
        codecs.BOM_UTF8 + b"\x00\x01\x02\x03" * 8,
        codecs.BOM_UTF16_LE + b"\x00",
        codecs.BOM_UTF16_BE + b"\x00\x00\x00\x00",
        codecs.BOM_UTF16_LE + "\x01\x00\x02".encode("utf-16-le") * 10,
        codecs.BOM_UTF32_BE + b"\x00" * 12,
    ],
    ids=["utf8-nul", "utf8-controls", "utf16-le-one-nul-byte", "utf16-be-nuls", "utf16-le-control-characters", "utf32-be-nuls"],
)
def test_nul_and_control_bytes_after_a_byte_order_mark_are_binary(data: bytes) -> None:
    assert binary_kind(data) == "binary data (NUL and control bytes)"


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + html_page(ARTICLE_TEXT).encode("utf-8").replace(b"<p>\xe2\x80\x9cWe", b"<p>\x00\xe2\x80\x9cWe"),
        codecs.BOM_UTF16_LE + "<p>A story\x00 with one stray NUL.</p>".encode("utf-16-le"),
        codecs.BOM_UTF8,
        codecs.BOM_UTF16_LE,
    ],
    ids=["utf8-stray-nul", "utf16-stray-nul", "utf8-mark-alone", "utf16-mark-alone"],
)
def test_a_byte_order_mark_before_text_or_nothing_is_not_binary(data: bytes) -> None:
    # (A mark alone decodes to an empty text: the file is skipped as empty, not as binary.)
    assert binary_kind(data) is None


def test_text_given_as_text_is_judged_as_bytes_after_a_mark_are() -> None:
    assert binary_text("\ufeff\x00") == binary_text("\x00\x00") == "binary data (NUL and control bytes)"
    assert binary_text("<p>One stray\x00 NUL in a story.</p>") is None
    assert binary_text("\ufeff<p>Text</p>") is None


@pytest.mark.parametrize(
    ("stray", "declaration"),
    [
        (b"Caf\xe9 menu", '<meta charset="utf-8">\n'),
        (b"na\xefve \xa0x", '<meta charset="UTF-8">\n'),
        (b"\xe9t\xe9 odd", '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">\n'),
    ],
)
def test_a_utf8_page_with_a_stray_byte_keeps_its_utf8_names(stray: bytes, declaration: str) -> None:
    # One byte that is no UTF-8 (a cp1252 letter pasted in, which detwingle does not mend) is
    # shown as U+FFFD, as a browser shows it; the rest of the page stays UTF-8.
    data = html_page("<p>By José Díaz, “Reporter”</p>\n<p>Zoë Ñúñez wrote it.</p>\n", declaration).encode() + b"<p>" + stray + b"</p>"
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert decoded.reason.startswith("UTF-8 with bytes that are not")
    assert "By José Díaz, “Reporter”" in decoded.text and "Zoë Ñúñez" in decoded.text
    assert decoded.text.count("\ufffd") == len(stray.decode("utf-8", "replace").split("\ufffd")) - 1


@pytest.mark.parametrize("declaration", [b'<meta charset="utf-8">', b""])
def test_a_cp1252_page_with_a_few_utf8_lookalike_bytes_stays_cp1252(declaration: bytes) -> None:
    # Mostly cp1252 ("é" as one byte, five times) with one pair that happens to be valid UTF-8;
    # and a page that declares nothing is read by a guess, not as UTF-8.
    data = declaration + b"<p>Caf\xe9, caf\xe9, caf\xe9, caf\xe9 and caf\xe9 \xc3\xa9</p>"
    decoded = decode_bytes(data)
    assert decoded.encoding == "cp1252"
    assert "<p>Café, café" in decoded.text


# ---------------------------------------------------------------------------------------------
# NUL characters in a page (scraped pages have them): a browser drops one in the page's text (the
# tree construction ignores it) and reads one inside a tag as U+FFFD (the tokenizer replaces it).

NUL_PAGE = (
    "<html><body><article><h1>Farm bill advances</h1>{byline}"
    '<img src="https://dailycallernewsfoundation.org/logo.png" alt="{alt}">'
    "<p>The committee{nul} advanced the bill on Thursday.</p></article></body></html>"
)


@pytest.mark.parametrize(
    "byline",
    ["<p>By Ja\x00ke Smith</p>", '<div class="byline">By Jake\x00 Smith</div>', "<span>\x00By Jake Smith\x00</span>", "<li>By Jake Sm\x00\x00ith</li>"],
)
def test_a_nul_in_the_text_is_dropped_as_a_browser_drops_it(byline: str) -> None:
    doc = parse_document(NUL_PAGE.format(byline=byline, alt="Logo", nul="\x00").encode(), "html")
    assert [b.names for b in doc.bylines] == [("Jake Smith",)]
    assert "The committee advanced the bill on Thursday." in [b.text for b in doc.blocks]


@pytest.mark.parametrize("alt", ["Daily Caller\x00 logo", "\x00Daily Caller logo"])
def test_a_nul_inside_a_tag_reads_as_a_replacement_character(alt: str) -> None:
    doc = parse_document(NUL_PAGE.format(byline="<p>By Jake Smith</p>", alt=alt, nul="").encode(), "html")
    assert [image.alt for image in doc.images] == [alt.replace("\x00", "\ufffd")]
    assert [b.names for b in doc.bylines] == [("Jake Smith",)]


# ---------------------------------------------------------------------------------------------
# is_utf8, reads_as_utf8: telling UTF-8 without decoding the whole page

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from compliance import decoding  # noqa: E402

# Bytes that make and break UTF-8: ASCII, whole characters of two, three and four bytes, their
# first bytes and continuation bytes alone, an encoded surrogate, bytes never in UTF-8.
_UTF8_PIECES = st.sampled_from(
    [b"a", b"<p>", b" ", "é".encode(), "’".encode(), "😀".encode(), b"\xc3", b"\xe2\x80", b"\x80", b"\xbf", b"\xed\xa0\x80", b"\xff", b"\xc0\xaf"]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_UTF8_PIECES, max_size=40), st.integers(1, 9))
def test_utf8_told_piece_by_piece_is_utf8_as_strict_decoding_reads_it(pieces: list[bytes], piece: int) -> None:
    # Pieces of a few bytes put every cut beside characters of every length and broken ones.
    data = b"".join(pieces)
    try:
        data.decode("utf-8")
        expected = True
    except UnicodeDecodeError:
        expected = False
    original = decoding._UTF8_PIECE
    decoding._UTF8_PIECE = piece
    try:
        assert decoding.is_utf8(data) is expected
    finally:
        decoding._UTF8_PIECE = original


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (html_page(ARTICLE_TEXT).encode("utf-8"), True),
        (html_page(ARTICLE_TEXT, '<meta charset="utf-8">\n').encode("utf-8"), True),
        # Decoded as UTF-8 too, but each after a look that decoding alone makes.
        (codecs.BOM_UTF8 + html_page(ARTICLE_TEXT).encode("utf-8"), False),
        (html_page(ARTICLE_TEXT, '<meta charset="windows-1252">\n').encode("utf-8"), False),
        (html_page(ARTICLE_TEXT).encode("utf-16-le"), False),
        (html_page(ARTICLE_TEXT).encode("cp1252"), False),
    ],
)
def test_a_page_reads_as_utf8_without_decoding_only_where_decoding_reads_it_so(data: bytes, expected: bool) -> None:
    assert decoding.reads_as_utf8(data) is expected
    if expected:
        decoded = decode_bytes(data)
        assert (decoded.encoding, decoded.utf8) == ("utf-8", data)
        assert decoding.decoded_as_message(decoded.reason) is None


@pytest.mark.parametrize("declared", ["utf-8", "iso-8859-7"])
def test_bytes_that_contradict_the_declared_charset_say_it_was_declared(declared: str) -> None:
    # The editor is told the charset the page declares is not the one it is saved in, not asked
    # to declare one. (Greek ISO-8859-7 has no byte 0x81; a stray FF FE in a UTF-8 page is no UTF-8.)
    body = b'<p class="byline">By Jane Doe</p><p>\xff\xfe\x81 text</p>'
    data = f'<!doctype html><html><head><meta charset="{declared}"><title>T</title></head><body><article>'.encode() + body + b"</article></body></html>"
    decoded = decode_bytes(data)
    name = declared_encoding(data)  # as Python's codecs name it: iso8859-7
    assert decoded.encoding == "cp1252" and name == declared.replace("iso-", "iso")
    said = f"declared {name}, but the bytes are not; read as cp1252"
    assert decoded.reason == f"guessed: {said}"
    assert decoded_as_message(decoded.reason) == f"encoding guessed ({said}); save the file in the charset it declares, or declare the one it is saved in"
