"""The language an article declares (`Document.language`), and the `metadata` check's
`language: true` that reads it: the article element's or its nearest ancestor's `lang`/`xml:lang`,
else the page's `content-language` meta, a Markdown or text article's front matter
`lang`/`language`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.document.html import parse_html
from compliance.document.plaintext import parse_text
from tests.conftest import write


@pytest.mark.parametrize(
    ("page", "language"),
    [
        ('<html lang="en"><body><article lang="ru"><p>Текст.</p></article></body></html>', "ru"),
        ('<html lang="es"><body><div lang=" en-GB "><article><p>Text.</p></article></div></body></html>', "en-GB"),
        ('<html xml:lang="es"><body><article><p>Texto.</p></article></body></html>', "es"),
        ('<html lang="fr" xml:lang="es"><body><article><p>Texte.</p></article></body></html>', "fr"),
        ('<html><head><meta http-equiv="Content-Language" content="pt-BR, en"></head><body><article><p>Texto.</p></article></body></html>', "pt-BR"),
        # An empty lang declares the language unknown, which the page's meta does not override.
        ('<html lang=""><head><meta http-equiv="content-language" content="es"></head><body><article><p>x</p></article></body></html>', ""),
        ('<html><head><meta name="language" content="es"></head><body><article><p>Text.</p></article></body></html>', ""),
        ("<html><body><article><p>Text.</p></article></body></html>", ""),
    ],
)
def test_an_html_page_declares_its_language_by_lang_then_content_language(page: str, language: str) -> None:
    assert parse_html(page).language == language


@pytest.mark.parametrize(
    ("text", "markdown", "language"),
    [
        ("---\nlang: es\n---\n# Pastores\n\nTexto.\n", True, "es"),
        ("---\nLanguage: ru\ntitle: x\n---\nТекст.\n", True, "ru"),
        ("---\nlang: es\n---\nTexto.\n", False, "es"),
        ("---\nlocale_name: es\n---\n# Herders\n\nText.\n", True, ""),
        ("# Herders\n\nText.\n", True, ""),
    ],
)
def test_a_markdown_or_text_article_declares_its_language_in_its_front_matter(text: str, markdown: bool, language: str) -> None:
    assert parse_text(text, markdown=markdown).language == language


PACK = (
    "id: house\nname: House\npublisher: Us\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\n"
    "rules:\n  - id: house/english\n    severity: error\n    message: Not declared in English.\n    help: Declare it.\n"
    "    check:\n      metadata: {{{options}}}\n"
)


@pytest.mark.parametrize(
    ("name", "text", "detail"),
    [
        ("a.html", '<html lang="EN-us"><body><article><p>Text.</p></article></body></html>', None),
        ("a.md", "---\nlang: en\n---\n# Herders\n\nText.\n", None),
        (
            "a.html",
            '<html lang="en"><body><article lang="es"><p>Texto.</p></article></body></html>',
            "declared language is 'es', which does not contain \"en\"",
        ),
        ("a.md", "# Herders\n\nText.\n", "no declared language on the page"),
    ],
)
def test_the_metadata_check_reads_the_declared_language(cli: Any, tmp_path: Path, name: str, text: str, detail: str | None) -> None:
    pack = write(tmp_path, "house.yaml", PACK.format(options="language: true, pattern: '^en\\b'"))
    page = write(tmp_path, name, text)
    run = cli("check", "-r", str(pack), "-p", "house", "-f", "json", str(page))
    findings = run.json()["files"][0]["findings"]
    assert [f["detail"] for f in findings] == ([detail] if detail else [])
    assert run.code == (1 if detail else 0)


@pytest.mark.parametrize("options", ["language: true, meta: og:locale", "pattern: x", "language: false"])
def test_the_metadata_check_takes_exactly_one_source(cli: Any, tmp_path: Path, options: str) -> None:
    pack = write(tmp_path, "house.yaml", PACK.format(options=options))
    page = write(tmp_path, "a.html", "<article><p>Text.</p></article>")
    run = cli("check", "-r", str(pack), "-p", "house", str(page))
    assert run.code == 2
    assert "the 'metadata' check needs exactly one of 'meta', 'json-ld' or 'language: true'" in run.err
