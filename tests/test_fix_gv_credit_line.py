"""`syndcheck fix` writes Global Voices' credit line (publisher terms §2.9: the author's name and a
link to the original story at the top; CC BY: a link to the license) where a copy left it out, cut
it short or put it in a photo's caption: one line that puts right the author, original-reporter,
source-link and license rules at once. The day in it (`{original-date}`) is the original's
(`article:published_time`, JSON-LD `datePublished`, front matter `date`) or `--meta
original-date=`, written as Global Voices writes it ("March 2, 2026"), never guessed: without it,
or without the author, the output names what to give. A correct copy is left as it is; a
translation is not given an English line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from compliance.fixtemplates import day_given, day_written
from tests.conftest import write

GV_RULES = ("creative-commons/author", "global-voices/original-reporter", "creative-commons/source-link", "creative-commons/license")
LICENSE = "https://creativecommons.org/licenses/by/3.0/"

# (author, the story's address, how the original dates it, the day that gives, headline, body)
STORIES = [
    (
        "Ana Silva",
        "https://globalvoices.org/2026/03/02/seed-banks/",
        '<meta property="article:published_time" content="2026-03-02T14:05:00-06:00">',
        "March 2, 2026",
        "Honduran farmers keep their seeds",
        "Farmers near Tegucigalpa keep seeds in community banks to plant after dry years.",
    ),
    (
        "Daniyar Toktogulov",
        "https://globalvoices.org/2025/11/14/kyrgyz-herders-move-north/",
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-11-14T08:15:00Z"}</script>',
        "November 14, 2025",
        "Kyrgyz herders move north",
        "Herders in the Naryn region moved their flocks north earlier than ever this autumn.",
    ),
    (
        "Mong Palatino",
        "https://fr.globalvoices.org/2024/07/09/manila-floods-return/",
        '<meta property="article:published_time" content="2024-07-09">',
        "July 9, 2024",
        "Manila's floods return",
        "Residents of Marikina waded through knee-deep water for the third time this month.",
    ),
]
SECOND = "Officials said the work would take the rest of the year to finish."


def _original(tmp_path: Path, author: str, url: str, dated: str, headline: str, body: str) -> Path:
    return write(
        tmp_path,
        "original.html",
        f'<html><head><link rel="canonical" href="{url}">{dated}</head><body><article>\n'
        f"<h1>{headline}</h1><p>Written by {author}</p>\n<p>{body}</p>\n<p>{SECOND}</p></article></body></html>\n",
    )


def _credit(author: str, url: str, day: str) -> str:
    return f'This story by {author} originally appeared on <a href="{url}">Global Voices</a> on {day}.'


def _html(headline: str, body: str, top: str = "", below: str = "") -> str:
    return f"<html><body><article>\n<h1>{headline}</h1>\n{top}<p>{body}</p>\n{below}<p>{SECOND}</p>\n</article></body></html>\n"


def _in_a_caption(credit: str) -> str:
    return f"<figure><img src='/a.jpg'><figcaption>{credit}</figcaption></figure>\n"


def _gv_findings(cli: Any, path: Path, *extra: str) -> set[str]:
    run = cli("check", "--format", "json", "--pack", "global-voices", *extra, str(path))
    (entry,) = run.json()["files"]
    return {f["rule"] for f in entry["findings"]}


def _fixed(cli: Any, path: Path, *extra: str) -> tuple[str, str]:
    """Fix `path` in place (`--write`) and return the file and the notes."""
    run = cli("fix", "--write", "--pack", "global-voices", *extra, str(path))
    return path.read_text(encoding="utf-8"), run.err + run.out


# The copies: (name, HTML around the story given its credit, where the credit stood)
HTML_COPIES = [
    ("none", lambda credit: ("", "")),
    ("figcaption", lambda credit: ("", f'<figure><img src="/uploads/photo.jpg" alt="A photo"><figcaption>{credit}</figcaption></figure>\n')),
    (
        "wp-caption",
        lambda credit: ("", f'<div class="wp-caption"><img src="/uploads/photo.jpg" alt="A photo"><p class="wp-caption-text">{credit}</p></div>\n'),
    ),
    ("shortened", lambda credit: ("<p>This story originally appeared on Global Voices.</p>\n", "")),
]


@pytest.mark.parametrize("story", STORIES, ids=[s[0] for s in STORIES])
@pytest.mark.parametrize("copy", HTML_COPIES, ids=[c[0] for c in HTML_COPIES])
def test_one_credit_line_at_the_top_puts_the_four_rules_right(cli: Any, tmp_path: Path, story: tuple[str, ...], copy: Any) -> None:
    author, url, dated, day, headline, body = story
    name, around = copy
    original = _original(tmp_path, author, url, dated, headline, body)
    top, below = around(_credit(author, url, day))
    page = write(tmp_path, "copy.html", _html(headline, body, top, below))
    before = _gv_findings(cli, page, "--original", str(original))
    assert {"creative-commons/author", "creative-commons/license"} <= before

    fixed, notes = _fixed(cli, page, "--original", str(original))

    line = (
        f'<p>This story by {author} originally appeared on <a href="{url}">Global Voices</a> on {day}.'
        f' It is republished under a <a href="{LICENSE}">Creative Commons Attribution license</a>.</p>'
    )
    # At the top, before the story's first paragraph, and only once.
    assert fixed.count(line) == 1
    assert fixed.index(line) < fixed.index(body)
    assert fixed.count("originally appeared on") == 1, fixed
    assert "wp-caption-text" not in fixed and "<figcaption>" not in fixed
    assert "fixed creative-commons/author" in notes
    assert not _gv_findings(cli, page, "--original", str(original)) & set(GV_RULES)
    if name in ("figcaption", "wp-caption"):
        assert "is taken out of the photo caption" in notes
    if name == "shortened":
        assert "replaced 'This story originally appeared on Global Voices.'" in notes


@pytest.mark.parametrize("story", STORIES, ids=[s[0] for s in STORIES])
def test_markdown_and_text_copies_get_the_line_in_their_syntax(cli: Any, tmp_path: Path, story: tuple[str, ...]) -> None:
    author, url, dated, day, headline, body = story
    original = _original(tmp_path, author, url, dated, headline, body)
    markdown = write(tmp_path, "copy.md", f"# {headline}\n\n{body}\n\n{SECOND}\n")
    text = write(tmp_path, "copy.txt", f"{headline}\n\n{body}\n\n{SECOND}\n")

    fixed_md, _ = _fixed(cli, markdown, "--original", str(original))
    fixed_txt, _ = _fixed(cli, text, "--original", str(original))

    assert fixed_md == (
        f"# {headline}\n\nThis story by {author} originally appeared on [Global Voices]({url}) on {day}."
        f" It is republished under a [Creative Commons Attribution license]({LICENSE}).\n\n{body}\n\n{SECOND}\n"
    )
    # Print (a plain-text copy) takes no link: the license is named.
    assert fixed_txt == (
        f"{headline}\n\nThis story by {author} originally appeared on Global Voices on {day}."
        f" It is republished under a Creative Commons Attribution license (CC BY 3.0).\n\n{body}\n\n{SECOND}\n"
    )
    for path in (markdown, text):
        assert not _gv_findings(cli, path, "--original", str(original)) & set(GV_RULES)


@pytest.mark.parametrize("suffix", ["html", "md", "txt"])
def test_without_the_original_the_output_names_each_value_to_give(cli: Any, tmp_path: Path, suffix: str) -> None:
    _, _, _, _, headline, body = STORIES[1]
    content = {"html": _html(headline, body), "md": f"# {headline}\n\n{body}\n", "txt": f"{headline}\n\n{body}\n"}[suffix]
    page = write(tmp_path, f"copy.{suffix}", content)

    fixed, notes = _fixed(cli, page)

    assert fixed == content
    (reason,) = [line for line in notes.splitlines() if "not fixed: creative-commons/author" in line]
    assert "needs the reporter's name" in reason and "--meta reporter=NAME" in reason
    assert "the day the original story was published" in reason and "--meta original-date=YYYY-MM-DD" in reason


def test_the_day_and_author_given_with_meta_and_the_address_from_the_captions_link(cli: Any, tmp_path: Path) -> None:
    author, url, _, day, headline, body = STORIES[0]
    page = write(tmp_path, "copy.html", _html(headline, body, below=_in_a_caption(_credit(author, url, day))))

    fixed, notes = _fixed(cli, page, "--meta", f"reporter={author}", "--meta", "original-date=March 2, 2026")

    assert f'<p>This story by {author} originally appeared on <a href="{url}">Global Voices</a> on March 2, 2026.' in fixed
    assert "the page links back to" in notes
    assert not _gv_findings(cli, page) & set(GV_RULES)


def test_a_day_given_that_names_none_is_refused(cli: Any, tmp_path: Path) -> None:
    page = write(tmp_path, "copy.md", "# Herders move north\n\nHerders moved north.\n")
    run = cli("fix", "--pack", "global-voices", "--meta", "original-date=yesterday", str(page))
    assert run.code == 2
    assert "metadata 'original-date' must name a day, got 'yesterday'" in run.err


@pytest.mark.parametrize(
    ("given", "day"),
    [
        ("2026-03-02", "March 2, 2026"),
        ("2025-11-14T23:30:00-05:00", "November 14, 2025"),
        ("july 9 2024", "July 9, 2024"),
        (" December 31, 1999 ", "December 31, 1999"),
    ],
)
def test_a_day_given_is_written_as_global_voices_writes_it(given: str, day: str) -> None:
    found = day_given(given)
    assert found is not None and day_written(found) == day


@pytest.mark.parametrize("given", ["", "March 2026", "2026-02-30", "February 30, 2026", "02/03/2026", "yesterday"])
def test_no_day_is_read_from_a_value_that_names_none(given: str) -> None:
    assert day_given(given) is None


def test_a_correct_copy_is_left_untouched(cli: Any, tmp_path: Path) -> None:
    author, url, dated, day, headline, body = STORIES[2]
    original = _original(tmp_path, author, url, dated, headline, body)
    line = f'<p>{_credit(author, url, day)} It is republished under a <a href="{LICENSE}">Creative Commons Attribution license</a>.</p>\n'
    content = _html(headline, body, top=line)
    page = write(tmp_path, "copy.html", content)

    fixed, notes = _fixed(cli, page, "--original", str(original))

    assert fixed == content
    assert "creative-commons/author" not in notes


@pytest.mark.parametrize(
    ("page", "said"),
    [
        # A Spanish translation that says so: its credit line is in Spanish (the pack's help).
        (
            '<html lang="es"><body><article>\n<h1>Campesinos hondureños guardan sus semillas</h1>\n'
            "<p>Los campesinos guardan semillas.</p>\n<p>Otro párrafo.</p>\n</article></body></html>\n",
            "with no declared language other than English",
        ),
        # A translation whose Spanish credit line stands in a photo's caption.
        (
            "<html><body><article>\n<h1>Campesinos hondureños guardan sus semillas</h1>\n<p>Los campesinos guardan semillas.</p>\n"
            '<figure><img src="/a.jpg"><figcaption>Este artículo de Ana Silva se publicó originalmente en Global Voices'
            " el 2 de marzo de 2026.</figcaption></figure>\n"
            "</article></body></html>\n",
            "credit line in Spanish, French or Portuguese",
        ),
    ],
    ids=["lang-es", "spanish-credit-in-caption"],
)
def test_a_translation_is_not_given_an_english_line(cli: Any, tmp_path: Path, page: str, said: str) -> None:
    author, url, dated, _, headline, body = STORIES[0]
    original = _original(tmp_path, author, url, dated, headline, body)
    path = write(tmp_path, "copia.html", page)

    fixed, notes = _fixed(cli, path, "--original", str(original), "--meta", f"original-url={url}")

    assert fixed == page
    (reason,) = [line for line in notes.splitlines() if "not fixed: creative-commons/author" in line]
    assert "the fix does not apply to this page" in reason and said in reason


GIVEN = ("--meta", "reporter=Daniyar Toktogulov", "--meta", "original-url=https://globalvoices.org/2025/11/14/kyrgyz-herders-move-north/")
DATED = ("--meta", "original-date=2025-11-14")
ES_BODY = "Los pastores de la región de Naryn llevaron sus rebaños al norte antes que nunca este otoño."
RU_BODY = "Пастухи Нарына перегнали стада на север раньше, чем когда-либо этой осенью."


@pytest.mark.parametrize(
    ("name", "page"),
    [
        ("copia.md", f"---\nlang: es\n---\n# Pastores\n\n{ES_BODY}\n"),
        ("copia.md", "---\ntitle: Pastores\nLanguage: pt-BR\n---\n\nOs pastores de Naryn levaram os rebanhos para o norte.\n"),
        ("kopiya.html", f'<html><body><article lang="ru"><h1>Пастухи</h1><p>{RU_BODY}</p></article></body></html>\n'),
        ("kopiya.html", f'<html lang="en"><body><main><div lang="ru"><article><h1>Пастухи</h1><p>{RU_BODY}</p></article></div></main></body></html>\n'),
        ("copia.html", f'<html xml:lang="es"><body><article><h1>Pastores</h1><p>{ES_BODY}</p></article></body></html>\n'),
        (
            "copia.html",
            f'<html><head><meta http-equiv="Content-Language" content="es"></head><body><article><h1>Pastores</h1><p>{ES_BODY}</p></article></body></html>\n',
        ),
    ],
    ids=["front-matter-lang", "front-matter-language", "article-lang", "ancestor-lang", "xml-lang", "content-language"],
)
def test_a_translation_that_declares_its_language_otherwise_is_not_given_an_english_line(cli: Any, tmp_path: Path, name: str, page: str) -> None:
    path = write(tmp_path, name, page)

    fixed, notes = _fixed(cli, path, *GIVEN, *DATED)

    assert fixed == page
    (reason,) = [line for line in notes.splitlines() if "not fixed: creative-commons/author" in line]
    assert "the fix does not apply to this page" in reason and "with no declared language other than English" in reason


@pytest.mark.parametrize(
    ("name", "page"),
    [
        # The article's own lang outranks the page's: an English story in a Spanish site's template.
        ("copy.html", '<html lang="es"><body><article lang="en"><h1>Herders move north</h1><p>Herders moved north early.</p></article></body></html>\n'),
        ("copy.html", '<html xml:lang="en-GB"><body><article><h1>Herders move north</h1><p>Herders moved north early.</p></article></body></html>\n'),
        (
            "copy.html",
            '<html><head><meta http-equiv="content-language" content="EN"></head><body><article><h1>Herders move north</h1>'
            "<p>Herders moved north early.</p></article></body></html>\n",
        ),
        ("copy.md", "---\nlang: en-US\n---\n# Herders move north\n\nHerders moved north early.\n"),
        # A front matter key that is no language.
        ("copy.md", "---\nslug: es\n---\n# Herders move north\n\nHerders moved north early.\n"),
    ],
    ids=["article-lang-en", "xml-lang-en-GB", "content-language-EN", "front-matter-en-US", "no-language-key"],
)
def test_a_copy_that_declares_english_or_nothing_gets_the_line(cli: Any, tmp_path: Path, name: str, page: str) -> None:
    path = write(tmp_path, name, page)

    fixed, _ = _fixed(cli, path, *GIVEN, *DATED)

    assert "This story by Daniyar Toktogulov originally appeared on" in fixed
    assert "on November 14, 2025." in fixed


def test_the_original_reporter_finding_says_the_caption_in_one_sentence(cli: Any, tmp_path: Path) -> None:
    author, url, dated, day, headline, body = STORIES[1]
    original = _original(tmp_path, author, url, dated, headline, body)
    page = write(tmp_path, "copy.html", _html(headline, body, below=_in_a_caption(_credit(author, url, day))))
    run = cli("check", "--format", "json", "--pack", "global-voices", "--original", str(original), str(page))
    (entry,) = json.loads(run.out)["files"]
    (finding,) = [f for f in entry["findings"] if f["rule"] == "global-voices/original-reporter"]
    assert finding["detail"] == (
        f"the original credits {author}; the republication has no visible byline, and its credit line"
        f' "This story by {author} originally appeared on Global Voices on {day}." at line 4 is a photo\'s caption,'
        " where a credit reads as the photo's, not the story's: take the credit out of the caption and give it a paragraph of its own"
    )


def test_the_rule_packs_doc_example_is_what_fix_prints(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/rule-packs.md, Fix templates: Global Voices' credit line, and the value it lacks."""
    import shlex

    from tests.conftest import ROOT

    section = (ROOT / "docs" / "rule-packs.md").read_text(encoding="utf-8").split("Global Voices' terms ask for the author's name", 1)[1]
    command = section.split("```sh\n$ ", 1)[1].split("\n", 1)[0]
    diff = section.split("```diff\n", 1)[1].split("```", 1)[0]
    said = section.split("```text\n", 1)[1].split("```", 1)[0].strip()
    story = write(tmp_path, "story.md", "# Kyrgyz herders move north\n\nHerders in the Naryn region moved their flocks north earlier than ever this autumn.\n")
    monkeypatch.chdir(tmp_path)
    args = shlex.split(command)[1:]
    assert args[0] == "fix" and args[-1] == "story.md"

    run = cli(*args[:-1], str(story))
    assert run.out.replace(str(story), "story.md").replace("--- story.md", "--- a/story.md").replace("+++ story.md", "+++ b/story.md") == diff

    # The same command without `--meta original-date=…`.
    day = next(at for at, arg in enumerate(args) if arg.startswith("original-date="))
    run = cli(*args[: day - 1], *args[day + 1 : -1], "story.md")
    assert said in run.err.splitlines()
