"""A letter of another script standing alone between Latin words ("under а Creative Commons
license" with a Cyrillic а) is a Latin word to a reader, as a mixed-script word is: it is read as
the Latin letter and warned about, as fidelity already reads it. A lone letter among words of its
own script is that language's word (a Russian quote in an English story), and a lone Greek letter
is a symbol ("the α coefficient"): neither is a disguise."""

from __future__ import annotations

import pytest

from compliance.api import check_html
from compliance.lookalike import find_disguises

CYRILLIC_A = "\u0430"


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        (f"This is {CYRILLIC_A} story", "a"),
        (f"under {CYRILLIC_A} Creative Commons license", "a"),
        (f"Vitamin {CYRILLIC_A}.", "a"),
        ("Plan \u0412 failed", "B"),  # CYRILLIC CAPITAL LETTER VE
        ("Section \u0405 of the act", "S"),  # CYRILLIC CAPITAL LETTER DZE
    ],
)
def test_a_lone_look_alike_letter_between_latin_words_is_a_disguise(text: str, seen: str) -> None:
    (disguise,) = find_disguises(text)
    assert len(disguise.word) == 1 and disguise.seen == seen


@pytest.mark.parametrize(
    "text",
    [
        "Он сказал: а потом мы ушли",  # Russian: "а" is a word
        "The minister said: «А потом мы ушли», and left.",
        "the \u03b1 coefficient and 10 \u03bcm",  # Greek letters are symbols
        "\u0397 \u0391\u03b8\u03ae\u03bd\u03b1",  # Greek text
        f"3 {CYRILLIC_A} 4",  # no word beside it
        CYRILLIC_A,
        "plan \u0431 now",  # a letter with no Latin look-alike
    ],
)
def test_a_lone_letter_among_its_own_script_or_a_symbol_is_no_disguise(text: str) -> None:
    assert find_disguises(text) == ()


CREDIT = (
    '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under {a} '
    '<a href="https://creativecommons.org/licenses/by-nd/4.0/">Creative Commons license</a>. Read the '
    '<a href="https://theconversation.com/spring-runoff-228417">original article</a>.</p>'
)


def page(paragraph: str, a: str) -> str:
    return (
        "<html><body><article><h1>Spring runoff changes what comes out of your tap</h1>"
        '<p class="byline">By Ana Ruiz, University of Leeds</p>'
        f"<p>{paragraph}</p>{CREDIT.format(a=a)}</article></body></html>"
    )


def look_alike_warnings(html: str) -> list[str]:
    report = check_html(html, packs=["the-conversation"])
    return [f.message for f in report.findings if f.rule == "syndcheck/look-alike-letters"]


def test_a_lone_letter_in_the_credit_line_warns_as_a_longer_word_does() -> None:
    (lone,) = look_alike_warnings(page("Water utilities test for lead.", CYRILLIC_A))
    assert lone.startswith(f'Look-alike letters make "{CYRILLIC_A}" read as "a": U+0430 CYRILLIC SMALL LETTER A (for \'a\')')
    (word,) = look_alike_warnings(page(f"W{CYRILLIC_A}ter utilities test for lead.", "a"))
    assert word.startswith(f'Look-alike letters make "W{CYRILLIC_A}ter" read as "Water"')


def test_a_russian_quote_in_an_english_story_does_not_warn() -> None:
    quote = "The minister said: «А потом мы ушли и с ними а также», and left."
    assert look_alike_warnings(page(quote, "a")) == []
