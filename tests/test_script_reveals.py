"""Entrance effects that a script of the page lifts (animate-on-scroll themes): a byline a theme's
CSS fades out until a script shows it as it scrolls in is seen, as readers see it; the same CSS
with no script to lift it, or a hide the script never lifts, still hides it (`reveals`)."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tests.test_hiding_families import byline_hidden, dcnf

BYLINE = "By Maria Lopez, Daily Caller News Foundation"
THEME_JS = '<script src="/wp-content/themes/gazette/js/theme.js"></script>'
ADDS_CLASS = "<script>new IntersectionObserver(es => es.forEach(e => e.target.classList.add('{}'))).observe(document.querySelector('.reveal'))</script>"


REVEAL = ".reveal{opacity:0} .reveal.is-visible{opacity:1}"


def page(css: str, byline: str, scripts: str = "") -> bytes:
    return dcnf(head=f"<style>{css}</style>", byline=byline.format(BYLINE) + scripts)


# Each library as its stylesheet hides and its script lifts, and the hand-written themes' shape.
SHOWN = {
    "AOS": (
        "[data-aos^=fade][data-aos^=fade]{opacity:0;transition-property:opacity,transform}"
        " [data-aos^=fade][data-aos^=fade].aos-animate{opacity:1} [data-aos=fade-up]{transform:translate3d(0,100px,0)}",
        '<p data-aos="fade-up">{}</p>',
        '<script src="https://unpkg.com/aos@2.3.1/dist/aos.js"></script><script>AOS.init()</script>',
    ),
    "AOS, its script alone": (
        "[data-aos^=zoom][data-aos^=zoom]{opacity:0}",
        '<p data-aos="zoom-in">{}</p>',
        '<script src="/assets/vendor/aos/aos.js"></script>',
    ),
    "AOS, started inline": (
        "[data-aos]{opacity:0}",
        '<p data-aos="fade">{}</p>',
        "<script>window.addEventListener('load', () => AOS.init({once: true}))</script>",
    ),
    "WOW.js": (
        ".wow{visibility:hidden}",
        '<div class="wow fadeInUp"><p>{}</p></div>',
        '<script src="/js/wow.min.js"></script><script>new WOW().init();</script>',
    ),
    "Elementor": (
        ".elementor-invisible{visibility:hidden}",
        '<div class="elementor-element elementor-invisible" data-settings=\'{{"_animation":"fadeIn"}}\'><p>{}</p></div>',
        '<script src="/wp-content/plugins/elementor/assets/js/frontend.min.js?ver=3.21.0"></script>',
    ),
    "sal.js": (
        "[data-sal|=fade]{opacity:0} [data-sal|=fade].sal-animate, body.sal-disabled [data-sal|=fade]{opacity:1}",
        '<p data-sal="fade" data-sal-delay="300">{}</p>',
        '<script src="https://unpkg.com/sal.js@0.8.5/dist/sal.js"></script><script>sal();</script>',
    ),
    "ScrollReveal": (
        "[data-sr]{visibility:hidden}",
        "<p data-sr>{}</p>",
        "<script src=\"https://unpkg.com/scrollreveal\"></script><script>ScrollReveal().reveal('[data-sr]')</script>",
    ),
    "GSAP": (
        ".gs_reveal{opacity:0;visibility:hidden}",
        '<p class="gs_reveal">{}</p>',
        '<script src="https://cdn.jsdelivr.net/npm/gsap@3.12.5/dist/gsap.min.js"></script>'
        '<script src="https://cdn.jsdelivr.net/npm/gsap@3.12.5/dist/ScrollTrigger.min.js"></script>',
    ),
    "Animate.css by an IntersectionObserver": (
        ".animate-on-scroll{opacity:0} .animate-on-scroll.animate__animated{opacity:1}",
        '<p class="animate-on-scroll reveal">{}</p>',
        ADDS_CLASS.format("animate__animated"),
    ),
    "a theme's reveal class": (
        ".reveal{opacity:0;transform:translateY(30px)} .reveal.is-visible{opacity:1;transform:none}",
        '<p class="reveal">{}</p>',
        ADDS_CLASS.format("is-visible"),
    ),
    "a theme's script file": (".fade-in{opacity:0} .fade-in.in-view{opacity:1}", '<p class="fade-in">{}</p>', THEME_JS),
    "a class added by a constant": (
        REVEAL,
        '<p class="reveal">{}</p>',
        "<script>const SHOWN = 'is-visible'; // https://example.org/docs\n"
        "new IntersectionObserver(es => es.forEach(e => e.target.classList.add(SHOWN)))</script>",
    ),
    "a class added by jQuery": (REVEAL, '<p class="reveal">{}</p>', "<script>$(window).on('scroll', () => $('.reveal').addClass(\"is-visible\"))</script>"),
    "a revealing attribute": (
        ".reveal{visibility:hidden} .reveal[data-revealed]{visibility:visible}",
        '<p class="reveal">{}</p>',
        "<script>el.setAttribute('data-revealed', '')</script>",
    ),
    "one of the hiding rule's selectors": (".note, .reveal{opacity:0} .reveal.is-visible{opacity:1}", '<p class="reveal">{}</p>', THEME_JS),
    "a turn back": (".reveal{transform:scale(0)} .reveal.is-visible{transform:none}", '<p class="reveal">{}</p>', THEME_JS),
}


@pytest.mark.parametrize("case", SHOWN)
def test_an_entrance_effect_a_script_lifts_is_seen(case: str) -> None:
    assert byline_hidden(page(*SHOWN[case])) is False


# The same CSS that no script lifts, and hides no script lifts.
HIDDEN = {
    "no script": (REVEAL, '<p class="reveal">{}</p>', ""),
    "a script that never runs": (
        REVEAL,
        '<p class="reveal">{}</p>',
        '<script type="text/plain" data-cookieconsent="statistics">el.classList.add("is-visible")</script>',
    ),
    "a script that adds no such class": (REVEAL, '<p class="reveal">{}</p>', "<script>console.log('ready')</script>"),
    # A script that names the class but adds nothing: in a comment, in a string it adds nowhere,
    # or only to take it away.
    "the class only in a script's comment": (
        REVEAL,
        '<p class="reveal">{}</p>',
        "<script>/* .is-visible is added by the theme */ el.classList.add('x')</script>",
    ),
    "the class only in a line comment": (REVEAL, '<p class="reveal">{}</p>', "<script>// adds is-visible\nel.classList.add('shown')</script>"),
    "the class in a script that adds nothing": (REVEAL, '<p class="reveal">{}</p>', "<script>var unused = 'is-visible';</script>"),
    "the class only removed": (
        REVEAL,
        '<p class="reveal">{}</p>',
        "<script>document.querySelectorAll('.reveal').forEach(e => e.classList.remove('is-visible'))</script>",
    ),
    "display: none": (".reveal{display:none} .reveal.is-visible{display:block}", '<p class="reveal">{}</p>', THEME_JS),
    "a size of nothing": (".reveal{height:0;overflow:hidden} .reveal.is-visible{height:auto}", '<p class="reveal">{}</p>', THEME_JS),
    "a style attribute's hide": (".reveal.is-visible{opacity:1}", '<p class="reveal" style="opacity:0">{}</p>', THEME_JS),
    "a reveal that hides otherwise": (".reveal{opacity:0} .reveal.is-visible{opacity:1;display:none}", '<p class="reveal">{}</p>', THEME_JS),
    "a later rule hides it again": (REVEAL + " .reveal.is-visible{opacity:0}", '<p class="reveal">{}</p>', THEME_JS),
    "an important hide": (".reveal{opacity:0!important} .reveal.is-visible{opacity:1}", '<p class="reveal">{}</p>', THEME_JS),
    "a reveal on some screens": (".reveal{opacity:0} @media (min-width:2000px){.reveal.is-visible{opacity:1}}", '<p class="reveal">{}</p>', THEME_JS),
    "a reveal of an ancestor's class": (".reveal{opacity:0} .loaded .reveal{opacity:1}", '<div><p class="reveal">{}</p></div>', THEME_JS),
    "a reveal on hover": (".reveal{opacity:0} .reveal:hover{opacity:1}", '<p class="reveal">{}</p>', THEME_JS),
    "a reveal it already has": (".reveal{opacity:0} .reveal.on{opacity:1} .reveal.on{opacity:0}", '<p class="reveal on">{}</p>', THEME_JS),
    "a reveal of another of the hiding rule's selectors": (".reveal, .note{opacity:0} .reveal.is-visible{opacity:1}", '<p class="note">{}</p>', THEME_JS),
    "a library's marker without its script": (".wow{visibility:hidden}", '<p class="wow">{}</p>', THEME_JS),
    "a library's script without its marker's hide": (".byline{visibility:hidden}", '<p class="byline wow">{}</p>', '<script src="/js/wow.min.js"></script>'),
    "a library's script held back": (
        ".wow{visibility:hidden}",
        '<p class="wow">{}</p>',
        '<script type="text/plain" data-cookieconsent="marketing" src="/js/wow.min.js"></script>',
    ),
}


@pytest.mark.parametrize("case", HIDDEN)
def test_a_hide_no_script_lifts_still_hides(case: str) -> None:
    assert byline_hidden(page(*HIDDEN[case])) is True


def test_the_readme_examples_are_what_the_reader_sees() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = readme.split("```html script-reveals\n", 1)[1].split("\n```", 1)[0].splitlines()
    examples = list(zip(lines[::2], lines[1::2], strict=True))
    assert len(examples) >= 4
    for comment, markup in examples:
        expected = comment.removeprefix("<!-- ").split(" the byline", 1)[0]
        assert expected in ("shows", "hides"), comment
        assert byline_hidden(dcnf(byline=markup.replace("NAME", "Maria Lopez"))) is (expected == "hides"), markup
