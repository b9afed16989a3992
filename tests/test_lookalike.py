"""Look-alike letters: detection and rules see through them, and a warning names each one and
where it is; text in other scripts is left alone."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest

from compliance.document import parse_document
from compliance.engine import LOOK_ALIKE_RULE, check_document
from compliance.loading import load_packs
from compliance.lookalike import compat_letter, find_disguises, find_name_disguises, latin_letter, unmask
from tests.conftest import ROOT

SPOOFING = ROOT / "tests" / "cases" / "spoofing"
PACKS = load_packs()


def check(html: str, *, pack: str | None = None) -> Any:
    packs = [p for p in PACKS if p.id == pack] if pack else PACKS
    doc = parse_document(textwrap.dedent(html).strip().encode(), "html")
    return check_document(doc, packs, path="story.html", auto_detect=pack is None)


def warnings(report: Any) -> list[Any]:
    return [f for f in report.findings if f.rule == LOOK_ALIKE_RULE]


def test_cyrillic_letters_do_not_hide_the_license_paragraph(cli: Any) -> None:
    run = cli("check", "--format", "json", str(SPOOFING / "detect-evasion-cyr-license.html"))
    (entry,) = run.json()["files"]
    assert entry["packs"] == ["dcnf"]
    found = [f for f in entry["findings"] if f["rule"] == LOOK_ALIKE_RULE]
    assert [f["evidence"] for f in found] == ["D\u0430ily", "C\u0430ller", "Found\u0430tion", "d\u0430ilycallernewsfoundation"]
    assert {f["severity"] for f in found} == {"warning"}
    assert found[0]["message"] == 'Look-alike letters make "D\u0430ily" read as "Daily": U+0430 CYRILLIC SMALL LETTER A (for \'a\') at 4:32.'
    assert (found[0]["line"], found[0]["column"]) == (4, 32)


def test_capital_i_for_l_in_the_affiliation_gets_a_warning(cli: Any) -> None:
    run = cli("check", "--format", "json", "--pack", "dcnf", str(SPOOFING / "homoglyph-I.html"))
    (entry,) = run.json()["files"]
    (warning,) = entry["findings"]
    assert warning["rule"] == LOOK_ALIKE_RULE
    assert warning["severity"] == "warning"
    assert warning["message"] == 'Look-alike letters make "CaIler" read as "Caller": U+0049 LATIN CAPITAL LETTER I (for \'l\') at 5:42.'
    # Seen through, the byline ties the reporter to DCNF as a reader reads it.
    assert {p["rule"] for p in entry["passed"]} == {"dcnf/logo", "dcnf/byline", "dcnf/affiliation"}


STORY = """<html><body><article><h1>Pipeline welds went uninspected</h1>
<p class="byline">{byline}</p>
<p>{credit}</p>
<p>Federal rules require a qualified inspector to witness critical welds.</p>
<p>Logs show the same inspectors approving work hundreds of miles apart.</p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("byline", "credit", "pack", "letter"),
    [
        # Greek omicron in ProPublica's credit line.
        ("By Rosa Ibarra", "This story was originally published by Pr\u03bfPublica.", "propublica", "U+03BF GREEK SMALL LETTER OMICRON (for 'o')"),
        # Cyrillic es in the Texas Tribune byline.
        ("By Dana Whitlock, The Texas Tribune", "The board voted on Tuesday.", None, None),
        ("By Dana Whitlock, The Texas Tribun\u0435", "The board voted on Tuesday.", "texas-tribune", "U+0435 CYRILLIC SMALL LETTER IE (for 'e')"),
        # Digit one for l in CalMatters' credit line.
        ("By Odessa Brightwater", "This story was originally published by Ca1Matters.", None, None),
    ],
)
def test_look_alikes_in_credit_lines_and_bylines(byline: str, credit: str, pack: str | None, letter: str | None) -> None:
    report = check(STORY.format(byline=byline, credit=credit))
    if letter is None:
        assert warnings(report) == []
        return
    assert report.packs == (pack,)
    (warning,) = warnings(report)
    assert letter in warning.message


@pytest.mark.parametrize(
    ("byline", "why"),
    [
        ("By St\u0430ff", "byline 'By Staff' is a staff credit, not a reporter"),
        ('<span class="author">Metro \u0405taff</span>', "byline 'Metro Staff' is a staff credit, not a reporter"),
    ],
)
def test_a_staff_credit_in_look_alike_letters_is_a_staff_credit(byline: str, why: str) -> None:
    page = f"""<article><h1>Rates rise</h1><p><img src="/dcnf-logo.png" alt="Daily Caller News Foundation logo"></p>
    <p>{byline}</p><p>The bank raised rates. All content created by the Daily Caller News Foundation is available.</p></article>"""
    report = check(page)
    assert report.packs == ("dcnf",)
    (finding,) = [f for f in report.findings if f.rule == "dcnf/byline"]
    assert finding.detail == why
    assert len(warnings(report)) == 1


def test_ascii_look_alikes_in_a_name_are_reported_once_a_pack_applies() -> None:
    # Detection does not scan all-ASCII pages for look-alikes; the pack's own names are checked
    # once it applies (here through the credit line), and the rules read the name as a reader does.
    report = check(STORY.format(byline="By Odessa Brightwater, Ca1Matters", credit="This story was originally published by CalMatters."))
    assert report.packs == ("calmatters",)
    (warning,) = warnings(report)
    assert "U+0031 DIGIT ONE (for 'l')" in warning.message
    assert "calmatters/affiliation" in {p.rule for p in report.passed}


@pytest.mark.parametrize(
    ("byline", "pack", "credit", "described"),
    [
        # A digit has no case: Unicode's table maps 0 to O and 1 to l, and a name matched in any
        # case reads "F0undation" as "Foundation" and "Da1ly" as "DaIly", as it does a Greek ο.
        ("By Jake Smith, Daily Caller News F0undation", "dcnf", "", "U+0030 DIGIT ZERO (for 'o')"),
        ("By Jake Smith, DAILY CALLER NEWS F0UNDATION", "dcnf", "", "U+0030 DIGIT ZERO (for 'O')"),
        ("By Jake Smith, Da1ly Caller News Foundation", "dcnf", "", "U+0031 DIGIT ONE (for 'i')"),
        ("By Harriet Quill, University of Example", "the-conversation", "This article is republished from The C0nversation.", "U+0030 DIGIT ZERO (for 'o')"),
        ("By Ana Ruiz, Pr0Publica", "propublica", "This story was originally published by ProPublica.", "U+0030 DIGIT ZERO (for 'o')"),
    ],
)
def test_a_digit_for_a_letter_in_a_publishers_name_is_a_look_alike(byline: str, pack: str, credit: str, described: str) -> None:
    report = check(STORY.format(byline=byline, credit=credit), pack=pack)
    (warning,) = warnings(report)
    assert described in warning.message


def test_a_digit_beside_a_publishers_name_is_no_look_alike() -> None:
    for text in ("Daily Caller News Foundation 2024", "the 10 Daily Caller stories", "ProPublica 0", "C0 emissions"):
        assert find_name_disguises(text, ("Daily Caller News Foundation", "ProPublica", "The Conversation")) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Москва и Санкт-Петербург",  # Russian
        "Η Αθήνα είναι η πρωτεύουσα",  # Greek
        "café, naïve, São Paulo, Zürich",  # Latin with diacritics
        "м\u0061ма",  # a Cyrillic word with a stray Latin a stays Cyrillic text
        "ℂⁿ and x\u0301",  # letterlike symbols and combining marks
        "la 1ª vez, x² y ﬁn",  # superscripts and ligatures are spelling, not compatibility disguises
        "ＣＥＯです",  # fullwidth letters in a Japanese word are that word's
        "１２３ and ＃",  # fullwidth digits and signs are not letters
        "DAILY CALLER NEWS FOUNDATION",
    ],
)
def test_real_text_in_any_script_is_not_a_disguise(text: str) -> None:
    assert find_disguises(text) == ()
    assert unmask(text) == text
    assert find_name_disguises(text, ("Daily Caller News Foundation",)) == ()


def test_other_scripts_on_a_checked_page_do_not_warn() -> None:
    html = STORY.format(byline="By Jake Smith, Daily Caller News Foundation", credit="Министр заявил: «Решение будет принято». Ο υπουργός είπε.")
    assert warnings(check(html, pack="dcnf")) == []


def test_see_through_keeps_offsets() -> None:
    text = "From the D\u0430ily C\u0430ller"
    (first, second) = find_disguises(text)
    assert (first.word, first.seen, first.start) == ("D\u0430ily", "Daily", 9)
    assert unmask(text) == "From the Daily Caller"
    assert len(unmask(text)) == len(text)
    assert second.letters[0].described == "U+0430 CYRILLIC SMALL LETTER A (for 'a')"


def test_no_look_alike_warning_without_a_pack() -> None:
    report = check("<html><body><article><h1>Note</h1><p>The D\u0430ily weather report.</p></article></body></html>")
    assert report.packs == ()
    assert report.findings == ()


def test_rule_packs_doc_shows_the_warning_as_printed(cli: Any) -> None:
    import re

    doc = (ROOT / "docs" / "rule-packs.md").read_text(encoding="utf-8")
    section = doc.split("### Look-alike letters", 1)[1]
    shown = re.findall(r"```text\n(.*?)```", section, re.DOTALL)[0].strip()
    run = cli("check", str(SPOOFING / "detect-evasion-cyr-license.html"))
    assert shown in [line.strip() for line in run.out.splitlines()]


def test_the_warning_can_be_ignored_like_any_rule(cli: Any) -> None:
    run = cli("check", "--format", "json", "--ignore", LOOK_ALIKE_RULE, str(SPOOFING / "detect-evasion-cyr-license.html"))
    (entry,) = run.json()["files"]
    assert entry["packs"] == ["dcnf"]
    assert LOOK_ALIKE_RULE not in {f["rule"] for f in entry["findings"]}
    assert {f["rule"] for f in entry["findings"]} == {"dcnf/logo", "dcnf/byline"}


def test_one_folding_of_names_and_letters_serves_detection_and_the_original_story_kinds() -> None:
    from compliance.checks.story import name_key
    from compliance.lookalike import fold_name, latin_letter, plain_letters

    assert fold_name("  The   Daily caller ") == fold_name("the daily Caller") == "the daily caller"
    assert fold_name("Daily CaIler") != fold_name("Daily Caller")  # look-alikes are not a matter of case
    assert latin_letter("\u0430") == "a" and latin_letter("\u03bf") == "o" and latin_letter("ж") == "ж" and latin_letter("x") == "x"
    assert plain_letters("J\u043es\u00e9 D\u00edaz") == plain_letters("jose diaz") == "jose diaz"
    assert name_key("D\u00edaz, J\u043es\u00e9") == name_key("José Díaz") == ("diaz", "jose")


def test_confusables_are_read_in_one_place() -> None:
    import re

    from tests.conftest import ROOT

    readers = sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "compliance").rglob("*.py") if re.search(r"\bconfusable_homoglyphs\b", p.read_text(encoding="utf-8"))
    )
    assert readers == ["compliance/packfiles.py"]


@pytest.mark.parametrize(
    ("char", "letter"),
    [
        ("\uff24", "D"),
        ("\uff41", "a"),
        ("\U0001d5a3", "D"),
        ("\U0001d41a", "a"),
        ("\u212f", "e"),
        ("\u217c", "l"),
        ("\u216e", "D"),
        ("\u24b9", "D"),
        ("\U0001f133", "D"),
        ("\u00aa", ""),
        ("\u1d30", ""),
        ("\ufb01", ""),
        ("\u017f", ""),
        ("\u2167", ""),
        ("a", ""),
    ],
)
def test_compatibility_forms_of_letters_read_as_their_letter(char: str, letter: str) -> None:
    assert compat_letter(char) == letter
    assert latin_letter(char) == (letter or char)


@pytest.mark.parametrize(
    ("credit", "letter"),
    [
        # Fullwidth letters (NFKC <wide>) in DCNF's license paragraph and its e-mail address.
        ("All content created by the \uff24\uff41\uff49\uff4c\uff59 Caller News Foundation is free.", "U+FF24 FULLWIDTH LATIN CAPITAL LETTER D (for 'D')"),
        ("Contact licensing@\uff44\uff41\uff49\uff4c\uff59callernewsfoundation.org.", "U+FF44 FULLWIDTH LATIN SMALL LETTER D (for 'd')"),
        # Mathematical alphanumerics (NFKC <font>): bold, sans-serif and script letters.
        (
            "All content created by the \U0001d403\U0001d41a\U0001d422\U0001d425\U0001d432 Caller News Foundation is free.",
            "U+1D403 MATHEMATICAL BOLD CAPITAL D (for 'D')",
        ),
        (
            "All content created by the Daily \U0001d49e\U0001d4b6\U0001d4c1\U0001d4c1\u212f\U0001d4c7 News Foundation is free.",
            "U+212F SCRIPT SMALL E (for 'e')",
        ),
    ],
)
def test_compatibility_forms_do_not_hide_a_marker_and_are_named(credit: str, letter: str) -> None:
    report = check(STORY.format(byline="By Jake Smith", credit=credit))
    assert report.packs == ("dcnf",)
    (warning,) = warnings(report)
    assert letter in warning.message


def test_compatibility_forms_on_a_page_no_pack_applies_to_do_not_warn() -> None:
    report = check(STORY.format(byline="By Jake Smith", credit="Prices rose in \uff34\uff4f\uff4b\uff59\uff4f, said the \U0001d402\U0001d404\U0001d40e."))
    assert report.packs == ()
    assert warnings(report) == []


@pytest.mark.parametrize(
    ("word", "seen", "letter"),
    [
        # Roman numerals (NFKC <compat>), Latin by script, and no letters by category (Nl).
        ("Dai\u217cy", "Daily", "U+217C SMALL ROMAN NUMERAL FIFTY (for 'l')"),
        ("Ca\u216c\u216cer", "CaLLer", "U+216C ROMAN NUMERAL FIFTY (for 'L')"),
        ("\u216ewell", "Dwell", "U+216E ROMAN NUMERAL FIVE HUNDRED (for 'D')"),
        # Circled and squared letters (NFKC <circle>, <square>), symbols by category (So).
        ("\u24b9aily", "Daily", "U+24B9 CIRCLED LATIN CAPITAL LETTER D (for 'D')"),
        ("Ca\u24dbler", "Caller", "U+24DB CIRCLED LATIN SMALL LETTER L (for 'l')"),
        ("\U0001f133aily", "Daily", "U+1F133 SQUARED LATIN CAPITAL LETTER D (for 'D')"),
        # A letterlike sign beside plain Latin letters, and a mathematical letter.
        ("Dai\u2113y", "Daily", "U+2113 SCRIPT SMALL L (for 'l')"),
        ("\u2102aller", "Caller", "U+2102 DOUBLE-STRUCK CAPITAL C (for 'C')"),
        ("\U0001d403aily", "Daily", "U+1D403 MATHEMATICAL BOLD CAPITAL D (for 'D')"),
    ],
)
def test_letter_forms_of_every_kind_in_a_latin_word_are_look_alikes(word: str, seen: str, letter: str) -> None:
    (disguise,) = find_disguises(f"By Jake Smith, {word} News")
    assert (disguise.word, disguise.seen) == (word, seen)
    assert letter in [found.described for found in disguise.letters]


@pytest.mark.parametrize(
    "text",
    [
        "Louis \u216b and Henry \u2167",  # Roman numerals standing alone are numbers
        "a volume of 5 \u2113",  # a letterlike sign alone is a unit or a sign
        "\u2102 and \u211d",  # alone, mathematics' own signs
        "step \u2460 then \u24b6",  # circled numbers and a lone circled letter are list marks
        "x\u207f and H\u2082O",  # superscripts and subscripts are spelling
    ],
)
def test_letter_forms_standing_alone_are_not_disguises(text: str) -> None:
    assert find_disguises(text) == ()


@pytest.mark.parametrize(
    "affiliation",
    [
        "Dai\u217cy Ca\u217c\u217cer News Foundation",  # SMALL ROMAN NUMERAL FIFTY for l
        "\u24b9aily Caller News Foundation",  # CIRCLED LATIN CAPITAL LETTER D
        "Dai\u2113y Caller News Foundation",  # SCRIPT SMALL L
    ],
)
def test_an_affiliation_in_letter_forms_is_read_as_seen_and_warned_about(affiliation: str) -> None:
    page = f"""<article><h1>Refinery permits stall</h1><p><img src="/dcnf-logo.png" alt="Daily Caller News Foundation logo"></p>
    <p><strong>By Mara Reyes</strong><br>{affiliation}</p><p>The committee put off a vote.</p>
    <p>All content created by the Daily Caller News Foundation is available without charge.</p></article>"""
    report = check(page)
    assert report.packs == ("dcnf",)
    assert [f.rule for f in report.findings if f.rule != LOOK_ALIKE_RULE] == []
    assert {"dcnf/byline", "dcnf/affiliation"} <= {p.rule for p in report.passed}
    assert warnings(report) != []


def test_rule_packs_doc_shows_the_roman_numeral_warning_as_printed(cli: Any) -> None:
    import re

    doc = (ROOT / "docs" / "rule-packs.md").read_text(encoding="utf-8")
    section = doc.split("### Look-alike letters", 1)[1]
    shown = re.findall(r"```text\n(.*?)```", section, re.DOTALL)[1].strip()
    run = cli("check", "--format", "json", str(SPOOFING / "roman-numeral-affil.html"))
    (entry,) = run.json()["files"]
    assert {p["rule"] for p in entry["passed"]} >= {"dcnf/byline", "dcnf/affiliation"}
    assert [f["rule"] for f in entry["findings"]] == [LOOK_ALIKE_RULE]
    assert shown in [line.strip() for line in cli("check", str(SPOOFING / "roman-numeral-affil.html")).out.splitlines()]


def _flood(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{text}</p>\n" for text in paragraphs)
    return (
        '<html><body><article><h1>Library hours extended</h1>\n<p class="byline">By Jake Smith, Daily Caller News Foundation</p>\n'
        f"{body}<p>All content created by the Daily Caller News Foundation is available without charge.</p>\n</article></body></html>"
    )


@pytest.mark.parametrize(
    ("paragraph", "per_paragraph", "letters"),
    [
        # Cyrillic а in three words of each paragraph.
        ("D\u0430ily C\u0430ller news Found\u0430tion said {i}.", 3, "U+0430 CYRILLIC SMALL LETTER A (for 'a')"),
        # Greek ο in one word of each paragraph.
        ("The Daily Caller News F\u03bfundation said {i}.", 1, "U+03BF GREEK SMALL LETTER OMICRON (for 'o')"),
        # Two letters in one word: the kind is their script, the letters are named in the order met.
        ("The Daily Caller News Found\u0430ti\u043en said {i}.", 1, "U+0430 CYRILLIC SMALL LETTER A (for 'a'), U+043E CYRILLIC SMALL LETTER O (for 'o')"),
    ],
)
@pytest.mark.parametrize("count", [40, 300])
def test_past_five_places_of_a_kind_one_warning_counts_the_rest(paragraph: str, per_paragraph: int, letters: str, count: int) -> None:
    found = warnings(check(_flood([paragraph.format(i=i) for i in range(count)]), pack="dcnf"))
    assert len(found) == 6
    assert all(f.message.startswith("Look-alike letters make") for f in found[:5])
    rest = count * per_paragraph - 5
    summary = found[5]
    script = "Greek" if "GREEK" in letters else "Cyrillic"
    assert summary.message.startswith(f"And {rest} more places with {script} look-alike letters from here on, {letters}: ")
    assert summary.detail == f"look-alike letters, {rest} more places"
    # Placed at the sixth place, after the five in full, and quoting it.
    assert (summary.location.line, summary.location.column) > (found[4].location.line, found[4].location.column)
    assert summary.evidence in summary.message


def test_each_script_of_look_alikes_is_counted_on_its_own() -> None:
    cyrillic = [f"The D\u0430ily report {i}." for i in range(10)]
    greek = [f"The Daily Caller F\u03bfundation note {i}." for i in range(8)]
    found = warnings(check(_flood(cyrillic + greek), pack="dcnf"))
    summaries = [f.message for f in found if f.message.startswith("And ")]
    assert summaries == [
        'And 5 more places with Cyrillic look-alike letters from here on, U+0430 CYRILLIC SMALL LETTER A (for \'a\'): "D\u0430ily" read as "Daily" 5 times.',
        "And 3 more places with Greek look-alike letters from here on, U+03BF GREEK SMALL LETTER OMICRON (for 'o'): "
        '"F\u03bfundation" read as "Foundation" 3 times.',
    ]
    assert len(found) == 12


@pytest.mark.parametrize("count", [1, 5, 6])
def test_six_places_or_fewer_are_all_reported_in_full(count: int) -> None:
    found = warnings(check(_flood([f"The D\u0430ily report {i}." for i in range(count)]), pack="dcnf"))
    assert [f.message.split(":")[0] for f in found] == ['Look-alike letters make "D\u0430ily" read as "Daily"'] * count


def test_the_summary_names_five_words_at_most_and_counts_the_others() -> None:
    words = ["D\u0430ily", "C\u0430ller", "Found\u0430tion", "Journ\u0430l", "Not\u0430ble", "Gr\u0430nts", "Pl\u0430ns"]
    found = warnings(check(_flood([f"{word} {i} and {word}." for i in range(3) for word in words]), pack="dcnf"))
    # The most frequent first (in page order among equals), then how many words are left unnamed.
    assert found[-1].message.endswith(
        '"Journ\u0430l" read as "Journal" 6 times; "Not\u0430ble" read as "Notable" 6 times; "Gr\u0430nts" read as "Grants" 6 times;'
        ' "Pl\u0430ns" read as "Plans" 6 times; "Found\u0430tion" read as "Foundation" 5 times; 2 other words.'
    )


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "github", "concise"])
def test_every_output_format_carries_the_summary_not_the_flood(cli: Any, tmp_path: Any, fmt: str) -> None:
    page = tmp_path / "flood.html"
    page.write_text(_flood([f"D\u0430ily C\u0430ller news {i}." for i in range(200)]), encoding="utf-8")
    out = cli("check", "--pack", "dcnf", "--format", fmt, str(page)).out
    assert "And 395 more places with Cyrillic look-alike letters" in out
    # Five places in full (SARIF also quotes the first as the rule's example message).
    import re

    assert len(set(re.findall(r"Look-alike letters make .{0,160}? at (\d+:\d+)", out))) == 5


def test_readme_shows_the_summary_warning_as_printed(cli: Any, tmp_path: Any) -> None:
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("Past five places with look-alike letters of", 1)[1]
    shown = re.findall(r"```text\n(.*?)```", section, re.DOTALL)[0].strip()
    page = tmp_path / "flood.html"
    page.write_text(_flood([f"The D\u0430ily C\u0430ller reported {i}." for i in range(1, 5)]), encoding="utf-8")
    run = cli("check", "--pack", "dcnf", str(page))
    assert shown in [line.strip() for line in run.out.splitlines()]


def test_different_letters_of_one_script_are_one_kind() -> None:
    # A text pasted through a filter that swapped Cyrillic а, е and о, each word a different few:
    # five words in full, then one warning naming every letter met, not a warning per word.
    words = ["D\u0430ily", "n\u0435ws", "F\u043eundation", "r\u0435p\u043ert", "c\u043eunty", "h\u0435\u0430ring", "\u0430g\u0435nda"]
    found = warnings(check(_flood([f"{word} {i}." for i in range(4) for word in words]), pack="dcnf"))
    assert len(found) == 6
    assert found[5].message.startswith(
        "And 23 more places with Cyrillic look-alike letters from here on, U+0435 CYRILLIC SMALL LETTER IE (for 'e'), "
        "U+0430 CYRILLIC SMALL LETTER A (for 'a'), U+043E CYRILLIC SMALL LETTER O (for 'o'): "
    )
