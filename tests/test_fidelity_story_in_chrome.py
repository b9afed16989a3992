"""The story's text inside page chrome is compared with the original's: a paragraph changed or
added inside an element whose class or id names chrome (`newsletter`, `ad-slot`, `advertisement`,
`related`, `sidebar`) in the middle of the story is an edit, while the site's real boxes there
(ads, sign-up boxes, related stories, share bars, promos, as WordPress, Newspack, Arc, Ghost and
Drupal themes print them) keep a faithful copy passing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.fidelity_story import HEADLINE, STORY, check_fidelity, original_page, paragraphs

EDITED = STORY[1].replace("two days", "four days")
ADDED = "Redbud was later cleared of all wrongdoing by regulators, its lawyer said."
CHANGED = "changed (two → four): Hill, 34, had … violation. He died [-two-] {+four+} days later at … hospital in Lexington."


_paragraphs = paragraphs
ORIGINAL = original_page(STORY)


def _copy(body: str) -> str:
    return (
        f'<html><body><article class="post"><header class="entry-header"><h1 class="entry-title">{HEADLINE}</h1></header>\n'
        '<div class="entry-content"><p><em>This story was originally published by ProPublica.</em></p>'
        f'<p class="byline">By Jane Whitfield and Omar Delgado, ProPublica</p>\n{body}</div></article></body></html>'
    )


def _check(cli: Any, tmp_path: Path, copy: str) -> tuple[int, list[str]]:
    return check_fidelity(cli, tmp_path, ORIGINAL, copy)


# Elements whose class or id names chrome, as a copy may wrap the story's text in them.
WRAPPERS = [
    ('<div class="newsletter">', "</div>"),
    ('<div class="ad-slot">', "</div>"),
    ('<div class="advertisement">', "</div>"),
    ('<section class="related">', "</section>"),
    ('<div class="sidebar widget">', "</div>"),
    ('<div id="x" class="share-buttons">', "</div>"),
    ('<div class="newsletter-signup"><div class="inner">', "</div></div>"),
    ('<div class="widget_text custom-html-widget">', "</div>"),
]


@pytest.mark.parametrize(("opening", "closing"), WRAPPERS)
def test_a_paragraph_changed_inside_chrome_is_a_change(cli: Any, tmp_path: Path, opening: str, closing: str) -> None:
    body = _paragraphs(STORY[:1]) + f"{opening}<p>{EDITED}</p>{closing}" + _paragraphs(STORY[2:])
    assert _check(cli, tmp_path, _copy(body)) == (1, [CHANGED])


@pytest.mark.parametrize(("opening", "closing"), WRAPPERS)
def test_a_paragraph_added_inside_chrome_is_an_addition(cli: Any, tmp_path: Path, opening: str, closing: str) -> None:
    body = _paragraphs(STORY[:2]) + f"{opening}<p>{ADDED}</p>{closing}" + _paragraphs(STORY[2:])
    assert _check(cli, tmp_path, _copy(body)) == (1, [f'added: "{ADDED}"'])


@pytest.mark.parametrize(("opening", "closing"), WRAPPERS)
def test_the_storys_paragraph_kept_inside_chrome_passes(cli: Any, tmp_path: Path, opening: str, closing: str) -> None:
    body = _paragraphs(STORY[:1]) + f"{opening}<p>{STORY[1]}</p>{closing}" + _paragraphs(STORY[2:])
    assert _check(cli, tmp_path, _copy(body)) == (0, [])


def test_a_paragraph_changed_inside_a_sign_up_box_is_a_change(cli: Any, tmp_path: Path) -> None:
    """A version of one of the original's paragraphs is compared wherever the copy prints it, even
    in a box of the site's (a heading, a form) whose own prose is not read as the story's."""
    edited = STORY[3].replace("Nobody listened", "Everybody listened")
    box = f'<div class="newsletter"><h3>The Morning Brief</h3><p>{edited}</p><form><input type="email"><button>Sign up</button></form></div>'
    body = _paragraphs(STORY[:3]) + box + _paragraphs(STORY[4:])
    assert _check(cli, tmp_path, _copy(body)) == (
        1,
        ['changed (a negation removed): "We begged them … sister, Tanya Hill. [-"Nobody-] {+"Everybody+} listened."'],
    )


def test_new_prose_in_a_sign_up_box_is_the_sites(cli: Any, tmp_path: Path) -> None:
    box = f'<div class="newsletter"><h3>The Morning Brief</h3><p>{ADDED}</p><form><input type="email"><button>Sign up</button></form></div>'
    assert _check(cli, tmp_path, _copy(_paragraphs(STORY[:2]) + box + _paragraphs(STORY[2:]))) == (0, [])


# The site's boxes between a story's paragraphs, as CMS themes and plugins print them.
SITE_BOXES = [
    # WordPress + Jetpack: the share bar and related posts (with a teaser's excerpt).
    '<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing">'
    '<h3 class="sd-title">Share this:</h3><div class="sd-content"><ul><li class="share-twitter"><a class="share-twitter sd-button" '
    'href="https://example.com/?share=twitter" title="Click to share on Twitter"><span>Twitter</span></a></li><li class="share-facebook">'
    '<a href="https://example.com/?share=facebook"><span>Facebook</span></a></li></ul></div></div></div>',
    '<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3>'
    '<div class="jp-relatedposts-items jp-relatedposts-items-visual"><div class="jp-relatedposts-post jp-relatedposts-post0">'
    '<a class="jp-relatedposts-post-a" href="https://example.com/2024/05/jail-deaths/"><img src="https://example.com/a.jpg" alt=""></a>'
    '<h4 class="jp-relatedposts-post-title"><a href="https://example.com/2024/05/jail-deaths/">Jail deaths rise across the state</a></h4>'
    '<p class="jp-relatedposts-post-excerpt">Families say the county ignored repeated warnings about staffing at the jail.</p>'
    '<p class="jp-relatedposts-post-date">May 2, 2024</p><p class="jp-relatedposts-post-context">In "Health"</p></div></div></div>',
    # Newspack: the newsletter sign-up block and the donate block.
    '<div class="wp-block-newspack-newsletters-subscribe newspack-newsletters-subscribe">'
    '<p class="newspack-newsletters-subscribe__description">Get the stories that matter in your inbox every weekday morning, free.</p>'
    '<form><input type="email" placeholder="Your email address"><input type="submit" value="Sign up"></form></div>',
    '<div class="wp-block-newspack-blocks-donate"><p>Every dollar you give keeps these stories free for everyone in the valley.</p>'
    '<form><button type="submit">Donate now</button></form></div>',
    # A newsletter box a script fills, with a button-like link.
    '<div class="newsletter-signup"><p>Our editors\u2019 picks, delivered to your inbox every weekday.</p>'
    '<p><a class="button" href="/newsletters">Sign up</a></p></div>',
    # Arc XP: an ad with its label, a related-content promo with its description.
    '<div class="arcad ad-300x250 advertisement"><div class="advertisement-label">ADVERTISEMENT</div><div id="arcad_feature-f0fmLMu1qj1j"></div></div>',
    '<div class="c-promo related"><a href="/2024/05/02/jail-deaths/"><img src="/a.jpg" alt=""></a>'
    '<div class="promo-headline"><a href="/2024/05/02/jail-deaths/">Jail deaths rise across the state</a></div>'
    '<p class="promo-description">Families say the county ignored repeated warnings about staffing at the jail.</p></div>',
    # Ghost: the signup card.
    '<div class="kg-card kg-signup-card kg-width-regular"><div class="kg-signup-card-content">'
    '<h2 class="kg-signup-card-heading">Sign up for The Valley Ledger</h2>'
    '<p class="kg-signup-card-subheading">Local news you can trust, straight to your inbox every Friday.</p>'
    '<form class="kg-signup-card-form" data-members-form="signup"><input class="kg-signup-card-input" type="email" required>'
    '<button class="kg-signup-card-button" type="submit">Subscribe</button></form></div></div>',
    # Drupal: an ad block and a related-content field of links.
    '<div class="block block-dfp ad-slot" id="block-dfp-ad-incontent"><div class="dfp-tag-wrapper"><div id="dfp-ad-incontent"></div></div></div>',
    '<div class="field field--name-field-related related-stories"><div class="field__label">Related stories</div><div class="field__items">'
    '<div class="field__item"><a href="/news/jail-deaths">Jail deaths rise across the state</a></div></div></div>',
]


@pytest.mark.parametrize("box", SITE_BOXES)
def test_the_sites_boxes_between_the_paragraphs_keep_a_faithful_copy_passing(cli: Any, tmp_path: Path, box: str) -> None:
    body = _paragraphs(STORY[:2]) + box + _paragraphs(STORY[2:])
    assert _check(cli, tmp_path, _copy(body)) == (0, [])


def test_readers_comments_inside_the_article_are_not_the_story(cli: Any, tmp_path: Path) -> None:
    comments = (
        '<div id="comments" class="comments-area"><ol class="comment-list">'
        "<li><p>This is the best reporting I have read on our jails all year.</p></li></ol></div>"
    )
    body = _paragraphs(STORY[:2]) + comments + _paragraphs(STORY[2:])
    assert _check(cli, tmp_path, _copy(body)) == (0, [])


def test_a_box_the_original_prints_too_is_no_addition(cli: Any, tmp_path: Path) -> None:
    box = '<div class="sidebar"><p>Kentucky jails held 23,000 people on an average day last year, state records show.</p></div>'
    original = ORIGINAL.replace(f"<p>{STORY[2]}</p>", f"{box}<p>{STORY[2]}</p>")
    assert check_fidelity(cli, tmp_path, original, _copy(_paragraphs(STORY[:2]) + box + _paragraphs(STORY[2:]))) == (0, [])


@pytest.mark.parametrize("box", ['<aside class="newsletter">', '<div role="complementary" class="related">'])
def test_a_box_set_aside_by_its_tag_and_named_for_chrome_is_read_too(cli: Any, tmp_path: Path, box: str) -> None:
    closing = "</aside>" if box.startswith("<aside") else "</div>"
    body = _paragraphs(STORY[:2]) + f"{box}<p>{ADDED}</p>{closing}" + _paragraphs(STORY[2:])
    assert _check(cli, tmp_path, _copy(body)) == (1, [f'added: "{ADDED}"'])


def test_an_aside_no_class_names_as_chrome_is_the_articles_own_box(cli: Any, tmp_path: Path) -> None:
    body = _paragraphs(STORY[:2]) + f"<aside><p>{ADDED}</p></aside>" + _paragraphs(STORY[2:])
    assert _check(cli, tmp_path, _copy(body)) == (0, [])
