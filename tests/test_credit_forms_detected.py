"""Credits in other words still say whose story a page is: "Republished under a Creative Commons
license from <outlet>" and "Via <outlet>" (a States Newsroom outlet), and Global Voices' credit
line translated into French, Spanish or Portuguese with its link on the whole phrase. The page is
detected as the publisher's republication and judged by its terms (publisher-terms §2.5, §2.9):
the Creative Commons form names the outlet as the story's source, as "Republished from" does, and
is the credit; "Via" names where the story was found, and the credit rule quotes it."""

from __future__ import annotations

import textwrap

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.findings import Severity
from compliance.loading import load_packs

PACKS = load_packs()

STORY = """\
    <html><body><article>
    <h1>Lawmakers pass budget</h1>
    <p class="byline">By Jane Doe</p>
    <p>Lawmakers passed the state budget on Tuesday after a long debate that ran past midnight.</p>
    <p>The budget funds schools and roads for two years, the governor's office said.</p>
    {credit}
    </article></body></html>
    """


def _result(credit: str, story: str = STORY) -> tuple[tuple[str, ...], dict[str, str]]:
    doc = parse_document(textwrap.dedent(story.format(credit=credit)).encode(), "html")
    result = check_document(doc, PACKS, path="story.html", auto_detect=True)
    return tuple(result.packs), {f.rule: f.detail for f in result.findings if f.severity == Severity.ERROR}


SN_LINK = "https://coloradonewsline.com/2024/05/01/lawmakers-pass-budget/"


@pytest.mark.parametrize(
    "credit",
    [
        f'<p>Republished under a Creative Commons license from <a href="{SN_LINK}">Colorado Newsline</a>.</p>',
        f'<p>This article is republished under the Creative Commons BY-NC-ND 4.0 license from <a href="{SN_LINK}">the Colorado Newsline</a>.</p>',
        f'<p><em>Reprinted under a Creative Commons licence from <a href="{SN_LINK}">Colorado Newsline</a></em></p>',
    ],
)
def test_the_creative_commons_form_is_the_states_newsroom_credit(credit: str) -> None:
    packs, errors = _result(credit)
    assert packs == ("states-newsroom",)
    assert errors == {}


def test_the_creative_commons_form_without_a_link_is_detected_and_asked_for_one() -> None:
    packs, errors = _result("<p>Republished under a Creative Commons license from Colorado Newsline.</p>")
    assert packs == ("states-newsroom",)
    assert set(errors) == {"states-newsroom/link"}


@pytest.mark.parametrize(
    "credit",
    [
        # The credit the other publishers prescribe, and the credit rule's other words, naming an outlet.
        f'<p><em>This story was originally published by <a href="{SN_LINK}">Colorado Newsline</a>.</em></p>',
        f'<p>This article was first published in <a href="{SN_LINK}">the Colorado Newsline</a>, a nonprofit newsroom.</p>',
        f'<p>Courtesy of <a href="{SN_LINK}">Colorado Newsline</a></p>',
    ],
)
def test_a_credit_in_other_words_is_detected_and_is_the_credit(credit: str) -> None:
    packs, errors = _result(credit)
    assert packs == ("states-newsroom",)
    assert errors == {}


@pytest.mark.parametrize("via", ["Via Colorado Newsline", "via the Colorado Newsline.", "— Via Kansas Reflector"])
def test_a_via_line_is_detected_and_is_not_the_credit(via: str) -> None:
    packs, errors = _result(f"<p>{via}</p>")
    assert packs == ("states-newsroom",)
    assert set(errors) == {"states-newsroom/credit", "states-newsroom/link"}
    assert errors["states-newsroom/credit"].endswith('is a feed\'s "Via" line, which names where the story was found, not its source')


@pytest.mark.parametrize(
    "prose",
    [
        # Prose that cites an outlet, and outlets that are not States Newsroom's.
        "<p>The figures come via the Colorado Newsline's count of bills, which the governor disputes.</p>",
        "<p>Via Denver Post</p>",
        "<p>Republished under a Creative Commons license from Valley Courier.</p>",
        "<p>This story was originally published by the Valley Courier.</p>",
        "<p>Reported by the Colorado Newsline, the figures show a rise in overdoses across the state compared with the year before.</p>",
        "<table><tr><td>Bills</td><td>412</td></tr></table><p>Source: Colorado Newsline</p>",
    ],
)
def test_no_pack_for_prose_or_another_outlet(prose: str) -> None:
    packs, _ = _result(prose)
    assert packs == ()


GV_STORY = """\
    <html><body><article>
    <h1>Les pêcheurs du lac Tchad</h1>
    {credit}
    <p>Les pêcheurs du lac Tchad voient leurs prises diminuer chaque année, disent-ils.</p>
    <p>Le niveau de l'eau baisse depuis des décennies, selon les autorités locales.</p>
    </article></body></html>
    """
GV_LINK = "https://fr.globalvoices.org/2024/05/01/12345/"


@pytest.mark.parametrize(
    ("credit", "errors"),
    [
        # The author named and linked to the story, whatever the link covers: only the license,
        # which the CC BY terms ask to be named, is missing.
        (
            f"<p><a href=\"{GV_LINK}\">Cet article d'Amina Diallo a été publié à l'origine sur Global Voices le 1er mai 2024.</a></p>",
            {"creative-commons/license"},
        ),
        (f'<p><a href="{GV_LINK}">Cet article de Amina Diallo a été publié sur Global Voices</a></p>', {"creative-commons/license"}),
        # No author named: the terms ask for the author at the top.
        (f'<p><a href="{GV_LINK}">Cet article a été publié à l\'origine sur Global Voices.</a></p>', {"creative-commons/license", "creative-commons/author"}),
        (f'<p><a href="{GV_LINK}">Este artículo se publicó originalmente en Global Voices.</a></p>', {"creative-commons/license", "creative-commons/author"}),
    ],
)
def test_a_translated_global_voices_credit_is_detected_and_judged(credit: str, errors: set[str]) -> None:
    packs, found = _result(credit, GV_STORY)
    assert packs == ("global-voices",)
    assert set(found) == errors


def test_prose_citing_a_global_voices_story_applies_no_pack() -> None:
    packs, _ = _result("<p>Selon un article publié à l'origine sur Global Voices, la pêche recule.</p>", GV_STORY)
    assert packs == ()


# DCNF and The Conversation: a credit line naming the publisher as the source in other words
# (the common pack's {{credit-lead}}) is a copy, when the logo, the affiliation or the prescribed
# line was lost; the rules then report what is missing.
@pytest.mark.parametrize(
    "credit",
    [
        "<p><em>This article was originally published by the Daily Caller News Foundation.</em></p>",
        "<p>Republished with permission from the Daily Caller News Foundation.</p>",
        "<p>(Republished with permission from the Daily Caller News Foundation)</p>",
        "<p>Republished with permission from the Daily Caller News Foundation (DCNF).</p>",
        "<p>Used with permission of the Daily Caller News Foundation.</p>",
        "<p>— Courtesy of the DCNF</p>",
        # Other opening words: the work named before "courtesy of" or "provided by", "Courtesy:".
        "<p>Article courtesy of the Daily Caller News Foundation.</p>",
        "<p>Story courtesy of the DCNF</p>",
        "<p>Courtesy: Daily Caller News Foundation</p>",
        "<p>Content provided by the Daily Caller News Foundation</p>",
        "<p><em>This content was supplied by the Daily Caller News Foundation.</em></p>",
        # The site's host name as the outlet.
        "<p>Originally published by DailyCallerNewsFoundation.org</p>",
        "<p>Originally published by www.dailycallernewsfoundation.org.</p>",
        # A short phrase of the credit's own ending the block, and sentences of their own after it.
        "<p>Reprinted from the DCNF under its free license.</p>",
        "<p>Originally published by the Daily Caller News Foundation on June 5, 2024.</p>",
        "<p>Republished from the Daily Caller News Foundation with permission. Read more at its site.</p>",
    ],
)
def test_a_dcnf_credit_line_applies_the_pack_and_asks_for_the_logo_and_affiliation(credit: str) -> None:
    packs, errors = _result(credit)
    assert packs == ("dcnf",)
    assert set(errors) == {"dcnf/logo", "dcnf/affiliation"}


@pytest.mark.parametrize(
    "credit",
    [
        "<p>This article was originally published on The Conversation.</p>",
        "<p><em>Courtesy of The Conversation</em></p>",
        "<p>Article courtesy of The Conversation.</p>",
        "<p>Content provided by The Conversation under a Creative Commons license.</p>",
    ],
)
def test_a_conversation_credit_in_other_words_applies_the_pack(credit: str) -> None:
    packs, errors = _result(credit)
    assert packs == ("the-conversation",)
    assert "the-conversation/counter" in errors
    assert "the-conversation/credit" not in errors


@pytest.mark.parametrize(
    "prose",
    [
        # Prose that cites the publisher, a photo's credit, and the for-profit Daily Caller.
        "<p>The figures were first reported by the Daily Caller News Foundation, which obtained the letter from a staffer.</p>",
        '<figure><img src="/a.jpg" alt="Senators"><figcaption>Courtesy of the Daily Caller News Foundation</figcaption></figure>',
        "<p>This article was originally published by The Daily Caller.</p>",
        # A "Source:" line under a table or a photo names the data's or the picture's source.
        "<table><tr><td>Grants</td><td>$4.2m</td></tr></table><p>Source: Daily Caller News Foundation</p>",
        '<p><img src="/chart.png" alt="Chart"></p><p><small>Source: Daily Caller News Foundation</small></p>',
        "<p>The study was first published in The Conversation, a site where academics write for the public, last year.</p>",
        # Prose that cites the foundation, with the credit's opening words or without.
        "<p>According to the Daily Caller News Foundation, the grants went to three groups.</p>",
        "<p>Published by the Daily Caller News Foundation in 2019, the report found that most grants went to groups in Texas.</p>",
        # …read as a byline crediting the foundation only as far as "in 2019", it applied the pack.
        "<p>Published by the Daily Caller News Foundation in 2019, the report found that most grants went to Texas.</p>",
        "<p>Content provided by the Daily Caller News Foundation analysis of grant data.</p>",
        # A photo's credit in the new words, "Courtesy:" under a source line, the Daily Caller's host.
        "<p>Photo courtesy of the Daily Caller News Foundation</p>",
        "<p>Image courtesy: Daily Caller News Foundation</p>",
        "<p>Source: Daily Caller News Foundation under its free license.</p>",
        "<p>Article courtesy of The Daily Caller.</p>",
        "<p>Originally published by DailyCaller.com</p>",
    ],
)
def test_no_dcnf_or_conversation_pack_for_prose_a_caption_or_the_daily_caller(prose: str) -> None:
    packs, _ = _result(prose)
    assert packs == ()


@pytest.mark.parametrize(
    "credit",
    [
        f'<p>Article courtesy of <a href="{SN_LINK}">Colorado Newsline</a>.</p>',
        f'<p>Content provided by <a href="{SN_LINK}">Colorado Newsline</a> under its free license.</p>',
    ],
)
def test_a_states_newsroom_credit_in_other_opening_words_is_the_credit(credit: str) -> None:
    packs, errors = _result(credit)
    assert packs == ("states-newsroom",)
    assert errors == {}


def test_a_states_newsroom_outlets_host_name_applies_the_pack_and_asks_for_its_name() -> None:
    packs, errors = _result(f'<p>Originally published by <a href="{SN_LINK}">ColoradoNewsline.com</a></p>')
    assert packs == ("states-newsroom",)
    assert set(errors) == {"states-newsroom/credit"}


@pytest.mark.parametrize(
    "prose",
    [
        "<p>Source: Colorado Newsline under its free license.</p>",
        "<p>Published by Colorado Newsline in 2019, the report found that most grants went to Denver.</p>",
        "<p>Photo courtesy of Colorado Newsline</p>",
    ],
)
def test_no_states_newsroom_pack_for_a_source_line_prose_or_a_photo_credit(prose: str) -> None:
    packs, _ = _result(prose)
    assert packs == ()


# A credit line right after a picture, a chart or an embed, with nothing between, is the picture's
# credit, as a caption is: the classic editor's "<p><img></p><p><em>Courtesy: …</em></p>", a chart
# box's image and its source line.
@pytest.mark.parametrize(
    "credit",
    [
        '<p><img src="/rally.jpg" alt="Rally"></p><p><em>Courtesy: Daily Caller News Foundation</em></p><p>More paragraphs follow about the rally.</p>',
        '<div class="chart"><img src="/c.png" alt="chart"><p class="chart-source">Courtesy: DailyCallerNewsFoundation.org</p></div>',
        '<div class="chart"><img src="/c.png" alt="chart"><p class="chart-source">Courtesy: Stateline</p></div><p>Lawmakers will return in January.</p>',
        '<p><img src="/c.png" alt="Researchers in a lab"></p><p><em>Courtesy: The Conversation</em></p><p>Lawmakers will return in January.</p>',
        '<img src="/c.png" alt="A map"><!-- credit --><p>Courtesy of The Conversation</p><p>Lawmakers will return in January.</p>',
        '<div class="embed"><iframe src="https://datawrapper.dwcdn.net/abc/1/"></iframe></div><p>Source: Daily Caller News Foundation</p>',
    ],
)
def test_a_credit_line_right_after_a_picture_is_the_pictures_and_applies_no_pack(credit: str) -> None:
    packs, _ = _result(credit)
    assert packs == ()


@pytest.mark.parametrize(
    ("credit", "pack"),
    [
        # The story's credit at its end, after prose, or at its top, as before.
        ("<p><em>Courtesy: Daily Caller News Foundation</em></p>", "dcnf"),
        ('<p><img src="/rally.jpg" alt="Rally"></p><p>The rally went on.</p><p>Courtesy: Daily Caller News Foundation</p>', "dcnf"),
        # A line after a picture that names the story or its publishing credits the story.
        ('<p><img src="/c.png" alt="A lab"></p><p>This article was originally published on The Conversation.</p>', "the-conversation"),
        # A logo or a 1px counter before the line is no picture it could credit.
        (
            '<img src="https://dailycallernewsfoundation.org/wp-content/uploads/dcnf-logo.png" alt="Daily Caller News Foundation logo">'
            "<p>Courtesy of the Daily Caller News Foundation</p>",
            "dcnf",
        ),
        ('<img src="https://example.com/pixel.gif" alt="" width="1" height="1"><p>Courtesy of The Conversation</p>', "the-conversation"),
        # A list of one item at the story's end may be the credit, and an item that names the
        # story or its publishing is the credit among other items too.
        ("<ul><li>Courtesy: Daily Caller News Foundation</li></ul>", "dcnf"),
        # What follows a hero picture at a story's length is the story going on, not the
        # picture's credit line: its own credit counts.
        (
            '<div class="hero"><img src="/rally.jpg" alt="Rally"></div><div class="body">'
            + "<p>Crowds gathered outside the statehouse on Monday as lawmakers met.</p>" * 8
            + "<p>Courtesy: Daily Caller News Foundation</p></div>",
            "dcnf",
        ),
        ("<ul><li>Corrected June 3.</li><li>This article was originally published on The Conversation.</li></ul>", "the-conversation"),
    ],
)
def test_the_storys_own_credit_line_still_applies_the_pack(credit: str, pack: str) -> None:
    packs, _ = _result(credit)
    assert packs == (pack,)


# A quoted credit credits what is quoted, not the page's story; an item of a list of two or more is
# one of its sources or links.
@pytest.mark.parametrize(
    "credit",
    [
        "<blockquote><p>Article courtesy of the Daily Caller News Foundation.</p></blockquote><p>That line drew questions from readers.</p>",
        '<aside class="pullquote"><p>Content provided by The Conversation</p></aside>',
        '<figure class="wp-block-pullquote"><blockquote><p>Courtesy of the Maine Morning Star.</p></blockquote></figure>',
        "<ul><li>Source list: Associated Press</li><li>Courtesy: Daily Caller News Foundation</li></ul>",
    ],
)
def test_a_quoted_credit_or_one_of_a_list_of_sources_applies_no_pack(credit: str) -> None:
    packs, _ = _result(credit)
    assert packs == ()
