# ruff: noqa: E501 - HTML templates read better on one line
"""A deterministic, realistic corpus of republished news pages for the benchmark.

Everything comes from a seeded `random.Random` and the built-in word lists below, so the same
seed gives byte-identical pages on every machine (the benchmark records a fingerprint of the
corpus). Nothing is read from `samples/`; the page chrome is modelled on it:

- layouts: ``wordpress`` (a Newspack-like theme: Yoast JSON-LD, inline CSS, gtag/GPT scripts, lazy
  images with <noscript> fallbacks, comments, sidebar), ``static`` (a static-site generator:
  hashed assets, Plausible, a JSON state blob, reader letters) and ``amp`` (AMP boilerplate,
  amp-img/amp-ad/amp-analytics/amp-state);
- publishers: ``dcnf`` (a compliant Daily Caller News Foundation republication: logo
  ``<img alt="Daily Caller News Foundation logo">``, "By NAME, Daily Caller News Foundation", the
  license paragraph), ``dcnf-flawed`` (the same with one typical defect: no logo, a staff
  byline, or no affiliation), ``propublica`` (a ProPublica-style republication with the
  "originally published" line and the pixel script; half keep ProPublica's canonical link and a
  linked credit), ``conversation`` (a The Conversation-style republication with its counter pixel
  and Creative Commons line; half with a canonical link to the original) and ``local`` (the site's
  own local news, unrelated to any pack; some quote "the Daily Caller" in passing).

A page of a given size is the chrome of its layout plus, in roughly these shares of the bytes
left after the fixed chrome: article text 35 %, element-heavy chrome (mega-menu, related and
most-read lists, footer link lists) 15 %, comments or reader letters 15 %, inline script/style/JSON
35 % (capped at 1 MiB per blob; the rest goes to the article text). Real news pages are mostly
chrome and script by bytes; the article text is what the checker reads closely.
"""

from __future__ import annotations

import hashlib
import html
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass

LAYOUTS = ("wordpress", "static", "amp")
PUBLISHERS = ("dcnf", "dcnf-flawed", "propublica", "conversation", "local")
# The mix of the batch corpus (an archive of a small newsroom that republishes wire stories).
BATCH_WEIGHTS = {"dcnf": 25, "dcnf-flawed": 15, "propublica": 15, "conversation": 15, "local": 30}

KB = 1024
MB = 1024 * 1024
BLOB_CAP = 1 * MB

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

SUBJECTS = (
    "The city council",
    "State lawmakers",
    "The county health department",
    "Federal regulators",
    "The school board",
    "Residents of the Eastside neighborhood",
    "The governor’s office",
    "A coalition of farmers",
    "Hospital administrators",
    "The regional transit authority",
    "The state attorney general",
    "Union leaders",
    "The planning commission",
    "Environmental groups",
    "The Department of Energy",
    "Two Republican senators",
    "House Democrats",
    "The sheriff’s office",
    "Parents at Lincoln Elementary",
    "The water district",
    "Small-business owners downtown",
    "The Federal Reserve",
    "Election officials in three counties",
    "The state Supreme Court",
    "The university’s board of regents",
)
VERBS = (
    "approved",
    "rejected",
    "delayed a vote on",
    "launched a review of",
    "proposed",
    "quietly expanded",
    "announced cuts to",
    "sued over",
    "pushed back against",
    "signed off on",
    "asked for public comment on",
    "questioned the cost of",
    "defended",
    "set aside money for",
    "opened an investigation into",
    "scaled back",
    "renewed",
)
OBJECTS = (
    "a $4.2 million plan to repair aging water mains",
    "new rules for short-term rentals",
    "the contract with a private ambulance operator",
    "a proposal to close two rural clinics",
    "the expansion of the county landfill",
    "a four-day school week",
    "a tax break for a planned battery factory",
    "the budget for the new police headquarters",
    "limits on groundwater pumping",
    "a program that pays for home solar panels",
    "the state’s emergency rental assistance fund",
    "a ban on cellphones in classrooms",
    "the redrawn district maps",
    "a federal grant for broadband in the hill towns",
    "the pipeline permit",
    "a settlement with the utility",
    "the reopening of the Route 9 bridge",
    "a pilot program for electric school buses",
    "the hospital merger",
    "new wildfire evacuation maps",
)
TAILS = (
    "on Tuesday",
    "after a three-hour public hearing",
    "according to records obtained by reporters",
    "despite objections from neighbors",
    "late Thursday night",
    "in a 5-2 vote",
    "weeks before the deadline",
    "citing rising costs",
    "without public notice",
    "in a letter sent to members last week",
    "following months of negotiations",
    "as inflation squeezed the budget",
    "according to a spokesperson",
    "in a filing with the state",
    "amid a surge in complaints",
    "for the second time this year",
)
PEOPLE = (
    "María Hernández",
    "José Alvarez",
    "Nguyễn Thị Lan",
    "Chloé Martin",
    "Robert Okafor",
    "Linda Park",
    "Tom Brennan",
    "Aisha Rahman",
    "Greg Kowalski",
    "Sofía Ramírez",
    "Ben Whitaker",
    "Dana Liu",
    "Marcus Hill",
    "Erin O’Connell",
    "Samuel Adeyemi",
    "Priya Natarajan",
)
ROLES = (
    "a spokesperson for the agency",
    "the committee’s chair",
    "a county commissioner",
    "a retired teacher who lives nearby",
    "an economist at the state university",
    "the union’s president",
    "a senior official who asked not to be named",
    "the mayor",
    "a policy analyst at a nonpartisan think tank",
    "the district’s superintendent",
    "a local business owner",
)
QUOTES = (
    "We have to get this right for the families who depend on it",
    "Nobody told us this was coming, and that is the problem",
    "The numbers simply don’t add up",
    "This is the most important decision the board will make this decade",
    "We are going to keep asking questions until we get answers",
    "It’s a fair compromise, and I think most people will see that",
    "The state has known about this for years",
    "I don’t think anyone expected it to cost this much",
    "We’re not against growth — we’re against doing it badly",
    "Our members are tired of waiting",
)
FACTS = (
    "The measure would take effect in January if it survives a second reading.",
    "Similar proposals failed in 2019 and 2021.",
    "Roughly 14,000 households would be affected, according to a county estimate.",
    "The agency did not respond to a request for comment by publication time.",
    "Records show the contract was extended twice without a competitive bid.",
    "The vote comes after a year of rising complaints from residents.",
    "Critics say the timeline leaves little room for public input.",
    "The state auditor flagged the program in a report last spring.",
    "A hearing on the plan is scheduled for next month.",
    "Supporters say the change would save taxpayers about $1.3 million a year.",
)
OUTLETS = ("NBC News", "the Associated Press", "The Wall Street Journal", "local station KXLT", "the Tribune", "Politico")
DCNF_REPORTERS = ("Jake Smith", "Nora Whitfield", "Daniel Ortega Ruiz", "Hannah Brewster", "Owen Castellanos")
PROPUBLICA_REPORTERS = ("Kathleen McGrory", "Marcus Delacroix", "Ellen Gabler", "Ramon Villanueva")
CONVERSATION_AUTHORS = (
    ("Rachel Thompson", "Associate Professor of Public Health, University of Michigan"),
    ("Andrés Molina", "Lecturer in Political Science, Boston University"),
    ("Megan O’Leary", "Assistant Professor of Economics, Georgia State University"),
)
LOCAL_REPORTERS = ("Maria Lopez", "Kevin Tran", "Beth Anders", "Luis Romero")
SITES = {
    "wordpress": ("The Millbrook Ledger", "millbrookledger.example"),
    "static": ("Pine Hollow Dispatch", "pinehollowdispatch.example"),
    "amp": ("Lakeshore Sentinel", "lakeshoresentinel.example"),
}
SECTIONS = ("Local News", "Schools", "Business", "Politics", "Environment", "Health", "Sports", "Opinion", "Obituaries", "Events")
COMMENTERS = ("Frank D.", "millbrook_mom", "R. Castillo", "Tired Taxpayer", "Jenna", "oldtimer54", "Ahmed K.", "Pat from Ashby Falls")

DCNF_LICENSE = (
    "All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available "
    "without charge to any legitimate news publisher that can provide a large audience. All republished articles must include "
    "our logo, our reporter’s byline and their DCNF affiliation. For any questions about our guidelines or partnering with us, "
    'please contact <a href="mailto:licensing@dailycallernewsfoundation.org">licensing@dailycallernewsfoundation.org</a>.'
)
DCNF_LOGO = "https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png"
PIXEL_GIF = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
SVG_ICON = (
    '<svg class="icon icon-{name}" width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="currentColor">'
    '<path d="M15.5 14h-.79l-.28-.27A6.47 6.47 0 0 0 16 9.5 6.5 6.5 0 1 0 9.5 16c1.61 0 3.09-.59 4.23-1.57l.27.28v.79l5 4.99L20.49 '
    '19l-4.99-5zm-6 0C7.01 14 5 11.99 5 9.5S7.01 5 9.5 5 14 7.01 14 9.5 11.99 14 9.5 14z"/></svg>'
)


@dataclass(frozen=True)
class Page:
    """One generated document."""

    name: str
    layout: str
    publisher: str
    variant: str  # the defect of a dcnf-flawed page, else the publisher
    data: bytes


class Generator:
    """Pages from one seed: a pool of paragraphs is generated once and recombined per page."""

    def __init__(self, seed: int = 20240627, pool_size: int = 1500) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.paragraphs = [self._paragraph() for _ in range(pool_size)]
        self.headlines = [self._headline() for _ in range(300)]
        self.counter = 0

    # -- text --------------------------------------------------------------------------------

    def _sentence(self) -> str:
        r = self.rng
        kind = r.random()
        if kind < 0.55:
            return f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)} {r.choice(TAILS)}."
        if kind < 0.75:
            return r.choice(FACTS)
        if kind < 0.9:
            return f"“{r.choice(QUOTES)},” said {r.choice(PEOPLE)}, {r.choice(ROLES)}."
        return f"{r.choice(SUBJECTS)} told {r.choice(OUTLETS)} that {r.choice(OBJECTS)} was {r.choice(('on track', 'in doubt', 'under review', 'overdue'))}."

    def _paragraph(self) -> str:
        r = self.rng
        text = " ".join(self._sentence() for _ in range(r.randint(2, 5)))
        text = html.escape(text, quote=False).replace("U.S. ", "U.S.&nbsp;")
        roll = r.random()
        if roll < 0.12:
            words = text.split(" ")
            i = r.randrange(0, max(1, len(words) - 4))
            words[i] = f'<a href="https://example.org/{r.randrange(10**6)}">{words[i]}'
            words[i + 2] = words[i + 2] + "</a>"
            text = " ".join(words)
        elif roll < 0.17:
            text += f" <strong>(RELATED: {html.escape(self._headline(), quote=False)})</strong>"
        elif roll < 0.20:
            text = f"<em>{text}</em>"
        return text

    def _headline(self) -> str:
        r = self.rng
        text = f"{r.choice(SUBJECTS).removeprefix('The ')} {r.choice(VERBS)} {r.choice(OBJECTS)}"
        return text[:1].upper() + text[1:]

    def body_paragraphs(self, budget: int) -> list[str]:
        out: list[str] = []
        size = 0
        while size < budget or len(out) < 3:
            p = self.rng.choice(self.paragraphs)
            out.append(p)
            size += len(p.encode()) + 16
        return out

    # -- chrome ------------------------------------------------------------------------------

    def _teasers(self, domain: str, budget: int, cls: str) -> str:
        items = []
        size = 0
        while size < budget:
            h = html.escape(self.rng.choice(self.headlines), quote=False)
            slug = h.lower().replace(" ", "-")[:60]
            item = f'<li class="{cls}"><a href="https://{domain}/2024/06/{self.rng.randint(1, 28):02d}/{slug}/">{h}</a></li>'
            items.append(item)
            size += len(item) + 1
        return "\n".join(items)

    def _mega_menu(self, domain: str, budget: int) -> str:
        parts = []
        size = 0
        n = 0
        while size < budget:
            section = SECTIONS[n % len(SECTIONS)]
            slug = section.lower().replace(" ", "-")
            links = self._teasers(domain, 900, "menu-item menu-item-type-post")
            part = (
                f'<li class="menu-item menu-item-has-children"><a href="https://{domain}/category/{slug}/">{section}</a><ul class="sub-menu">{links}</ul></li>'
            )
            parts.append(part)
            size += len(part)
            n += 1
        return "\n".join(parts)

    def _comments(self, budget: int, layout: str) -> str:
        r = self.rng
        parts = []
        size = 0
        n = 0
        while size < budget:
            n += 1
            who = html.escape(r.choice(COMMENTERS), quote=False)
            text = r.choice(self.paragraphs)
            if layout == "wordpress":
                part = (
                    f'<li id="comment-{n}" class="comment even thread-even depth-1"><article id="div-comment-{n}" class="comment-body">'
                    f'<footer class="comment-meta"><div class="comment-author vcard"><img alt="" src="https://secure.gravatar.com/avatar/{n:032x}?s=56" '
                    f'class="avatar avatar-56 photo" height="56" width="56" loading="lazy"><b class="fn">{who}</b> <span class="says">says:</span></div>'
                    f'<div class="comment-metadata"><a href="#comment-{n}"><time datetime="2024-06-28T09:{n % 60:02d}:00-04:00">June 28, 2024 at 9:{n % 60:02d} am</time></a></div></footer>'
                    f'<div class="comment-content"><p>{text}</p></div><div class="reply"><a rel="nofollow" class="comment-reply-link" href="#comment-{n}">Reply</a></div></article></li>'
                )
            else:
                part = f'<div class="letter"><p class="letter__from">{who} writes:</p><p>{text}</p></div>'
            parts.append(part)
            size += len(part.encode())
        return "\n".join(parts)

    def _json_blob(self, domain: str, budget: int) -> str:
        r = self.rng
        items = []
        size = 0
        while size < budget:
            item = {
                "id": r.randrange(10**6),
                "title": r.choice(self.headlines),
                "url": f"https://{domain}/2024/06/{r.randint(1, 28):02d}/{r.randrange(10**6)}/",
                "excerpt": r.choice(self.paragraphs)[:240],
                "section": r.choice(SECTIONS),
                "ad": {"unit": f"/21804583/{domain.split('.')[0]}/incontent_{r.randint(1, 9)}", "sizes": [[300, 250], [336, 280]]},
            }
            s = json.dumps(item, ensure_ascii=False)
            items.append(s)
            size += len(s.encode()) + 1
        return "[" + ",".join(items) + "]"

    def _css_blob(self, budget: int) -> str:
        r = self.rng
        rules = []
        size = 0
        while size < budget:
            name = f".c-{r.randrange(16**6):06x}"
            rule = f"{name}{{margin:{r.randint(0, 40)}px 0;padding:{r.randint(0, 24)}px;color:#{r.randrange(16**6):06x};font-size:{r.randint(11, 22)}px}}"
            rules.append(rule)
            size += len(rule) + 1
        return "\n".join(rules)

    # -- publishers --------------------------------------------------------------------------

    def _credit(self, layout: str, publisher: str, variant: str, reporter: str) -> dict[str, str]:
        """Top-of-article block, byline, first paragraph prefix, ending, extra head/body tags."""
        logo = ""
        if publisher in ("dcnf", "dcnf-flawed") and variant != "no-logo":
            if layout == "wordpress":
                logo = (
                    f'<figure class="wp-block-image size-medium dcnf-logo"><img decoding="async" width="300" height="60" src="{PIXEL_GIF}" '
                    f'data-lazy-src="{DCNF_LOGO}" alt="Daily Caller News Foundation logo" class="wp-image-46102"><noscript><img decoding="async" '
                    f'width="300" height="60" src="{DCNF_LOGO}" alt="Daily Caller News Foundation logo" class="wp-image-46102"></noscript></figure>'
                )
            elif layout == "amp":
                logo = (
                    f'<amp-img src="{DCNF_LOGO}" alt="Daily Caller News Foundation logo" width="300" height="60" layout="fixed" class="dcnf-logo">'
                    f'<noscript><img src="{DCNF_LOGO}" alt="Daily Caller News Foundation logo" width="300" height="60"></noscript></amp-img>'
                )
            else:
                logo = f'<img class="dcnf-logo" src="{DCNF_LOGO}" alt="Daily Caller News Foundation logo" width="300" height="60">'
        top = ""
        ending = ""
        head_extra = ""
        canonical = ""
        body_extra = ""
        if publisher in ("dcnf", "dcnf-flawed"):
            if variant == "staff-byline":
                byline = "By Daily Caller News Foundation Staff"
            elif variant == "no-affiliation":
                byline = f'By <a rel="author" href="/author/{reporter.lower().replace(" ", "-")}/">{reporter}</a>'
            elif layout == "amp":
                byline = f"By {reporter} | Daily Caller News Foundation"
            else:
                byline = (
                    f'By <span class="author vcard"><a class="url fn n" rel="author" href="/author/{reporter.lower().replace(" ", "-")}/">'
                    f"{reporter}</a></span>, Daily Caller News Foundation"
                )
            ending = f"<p><em>{DCNF_LICENSE}</em></p>"
            if variant == "no-affiliation":
                # The logo ends up in the footer, far from the byline.
                body_extra = f'<div class="partner-logos">{logo}</div>'
                logo = ""
        elif publisher == "propublica":
            byline = f'by <a rel="author" href="https://www.propublica.org/people/{reporter.lower().replace(" ", "-")}">{reporter}</a>, ProPublica'
            if self.rng.random() < 0.5:  # republished with ProPublica's republish HTML kept: canonical and a linked credit
                original = f"https://www.propublica.org/article/story-{self.rng.randrange(10**6)}"
                canonical = original
                top = f'<p class="republish-note"><em>This story was originally published by <a href="{original}">ProPublica</a>.</em></p>'
            else:
                top = '<p class="republish-note"><em>This story was originally published by ProPublica.</em></p>'
            ending = (
                "<p><em>ProPublica is a Pulitzer Prize-winning investigative newsroom. Sign up for "
                '<a href="https://www.propublica.org/newsletters/the-big-story">The Big Story newsletter</a> '
                "to receive stories like this one in your inbox.</em></p>"
            )
            pixel = '<script src="https://pixel.propublica.org/pixel.js" async></script>'
            if layout == "amp":
                pixel = '<amp-pixel src="https://pixel.propublica.org/pixel.gif?u=CANONICAL_URL" layout="nodisplay"></amp-pixel>'
            body_extra = pixel
        elif publisher == "conversation":
            name, title = self.rng.choice(CONVERSATION_AUTHORS)
            byline = f'<span class="author-name">{name}</span>, <span class="author-title">{title}</span>'
            n = self.rng.randrange(100000, 250000)
            if self.rng.random() < 0.5:
                canonical = f"https://theconversation.com/story-{n}"
            ending = (
                '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative '
                f'Commons license. Read the <a href="https://theconversation.com/story-{n}">original article</a>.</p>'
            )
            tag = "amp-img" if layout == "amp" else "img"
            close = "</amp-img>" if layout == "amp" else ""
            ending += (
                f'<{tag} src="https://counter.theconversation.com/content/{n}/count.gif?distributor=republish-lightbox-basic" alt="The Conversation" '
                f'width="1" height="1" style="border: none !important; box-shadow: none !important; margin: 0 !important; max-height: 1px !important; '
                f"max-width: 1px !important; min-height: 1px !important; min-width: 1px !important; opacity: 0 !important; outline: none !important; "
                f'padding: 0 !important" referrerpolicy="no-referrer-when-downgrade">{close}'
            )
        else:
            site = SITES[layout][0]
            byline = f'By <a rel="author" href="/staff/{reporter.lower().replace(" ", "-")}/">{reporter}</a>, {site} staff'
            ending = f'<p><em>Have a tip? Email <a href="mailto:news@{SITES[layout][1]}">news@{SITES[layout][1]}</a>.</em></p>'
            if self.rng.random() < 0.4:
                top = "<p>The proposal drew national attention last week after an official told the Daily Caller it was “under review.”</p>"
        return {"logo": logo, "byline": byline, "top": top, "ending": ending, "head_extra": head_extra, "body_extra": body_extra, "canonical": canonical}

    def _reporter(self, publisher: str) -> str:
        pool = {
            "dcnf": DCNF_REPORTERS,
            "dcnf-flawed": DCNF_REPORTERS,
            "propublica": PROPUBLICA_REPORTERS,
            "conversation": ("",),
            "local": LOCAL_REPORTERS,
        }[publisher]
        return self.rng.choice(pool)

    # -- pages -------------------------------------------------------------------------------

    def page(self, layout: str, publisher: str, size: int, *, variant: str | None = None) -> Page:
        """A page of about `size` bytes (never less)."""
        self.counter += 1
        if variant is None:
            variant = self.rng.choice(("no-logo", "staff-byline", "no-affiliation")) if publisher == "dcnf-flawed" else publisher
        reporter = self._reporter(publisher)
        credit = self._credit(layout, publisher, variant, reporter)
        headline = html.escape(self.rng.choice(self.headlines), quote=False)
        site, domain = SITES[layout]
        render = {"wordpress": _wordpress, "static": _static, "amp": _amp}[layout]
        empty = {"body": [], "menu": "", "related": "", "comments": "", "blob": "", "css": ""}
        fixed = len(render(site, domain, headline, credit, empty, self.counter).encode())
        budget = max(0, size - fixed)
        blob_budget = min(int(budget * 0.35), BLOB_CAP)
        parts = {
            "menu": self._mega_menu(domain, int(budget * 0.08)) if budget > 8 * KB else "",
            "related": self._teasers(domain, int(budget * 0.07), "related-post"),
            "comments": self._comments(int(budget * 0.15), layout) if budget > 8 * KB else "",
            "blob": self._json_blob(domain, blob_budget * 3 // 4) if budget > 8 * KB else "",
            "css": self._css_blob(blob_budget // 4) if budget > 8 * KB else "",
        }
        used = sum(len(v.encode()) for v in parts.values())
        body = self.body_paragraphs(max(0, budget - used - 2 * KB))
        parts["body"] = body
        text = render(site, domain, headline, credit, parts, self.counter)
        # Trim to within 1 % above `size` (in-body ads and figures come on top of the paragraphs), then top up.
        while len(text.encode()) > size * 1.01 and len(body) > 3:
            excess = len(text.encode()) - size
            average = sum(len(p.encode()) for p in body) / len(body) * 1.1
            del body[-max(1, min(len(body) - 3, int(excess / average))) :]
            text = render(site, domain, headline, credit, parts, self.counter)
        while len(text.encode()) < size:
            missing = size - len(text.encode())
            body.extend(self.rng.choice(self.paragraphs) for _ in range(max(1, int(missing / 600))))
            text = render(site, domain, headline, credit, parts, self.counter)
        name = f"{self.counter:05d}-{layout}-{variant}.html"
        return Page(name, layout, publisher, variant, text.encode())

    def batch(self, count: int, size: int) -> Iterator[Page]:
        """`count` pages of about `size` bytes: random layouts and the BATCH_WEIGHTS mix of publishers."""
        publishers = list(BATCH_WEIGHTS)
        weights = list(BATCH_WEIGHTS.values())
        for _ in range(count):
            layout = self.rng.choice(LAYOUTS)
            publisher = self.rng.choices(publishers, weights)[0]
            yield self.page(layout, publisher, int(size * self.rng.uniform(0.92, 1.08)))


def _body_html(paragraphs: list[str], ad: str, figure: str) -> str:
    out = []
    for i, p in enumerate(paragraphs, 1):
        out.append(f"<p>{p}</p>")
        if i % 7 == 3:
            out.append(ad.replace("{n}", str(i)))
        if i % 11 == 5:
            out.append(figure.replace("{n}", str(i)))
    return "\n    ".join(out)


def _wordpress(site: str, domain: str, headline: str, c: dict[str, str], parts: dict, n: int) -> str:
    ad = (
        '<div class="ad-slot ad-slot--incontent" aria-hidden="true"><div id="div-gpt-ad-incontent-{n}" '
        f'data-ad-unit="/21804583/{domain.split(".")[0]}/incontent_{{n}}" data-sizes="[[300,250],[336,280]]"></div></div>'
    )
    figure = (
        f'<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="683" src="{PIXEL_GIF}" '
        f'data-lazy-src="https://{domain}/wp-content/uploads/2024/06/photo-{{n}}-1024x683.jpg" alt="Residents at the hearing" class="wp-image-4821{{n}}">'
        f'<noscript><img decoding="async" width="1024" height="683" src="https://{domain}/wp-content/uploads/2024/06/photo-{{n}}-1024x683.jpg" '
        'alt="Residents at the hearing"></noscript><figcaption class="wp-element-caption">Residents line up to speak during the public hearing. '
        f"(Photo by {site} staff)</figcaption></figure>"
    )
    body = _body_html(parts["body"], ad, figure)
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": html.unescape(headline),
            "datePublished": "2024-06-27T14:12:00-04:00",
            "publisher": {"@type": "Organization", "name": site},
        },
        ensure_ascii=False,
    )
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{headline} – {site}</title>
<link rel="canonical" href="{c["canonical"] or f"https://{domain}/2024/06/27/story-{n}/"}">
<meta property="og:type" content="article">
<meta property="og:title" content="{headline}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="2024-06-27T14:12:00-04:00">
<script type="application/ld+json" class="yoast-schema-graph">{ld}</script>
<link rel="stylesheet" id="wp-block-library-css" href="https://{domain}/wp-includes/css/dist/block-library/style.min.css?ver=6.5.5" media="all">
<style id="newspack-theme-custom-css">
body{{font-family:Georgia, 'Times New Roman', serif;color:#1f1f1f;margin:0}}
.site-content{{display:grid;grid-template-columns:minmax(0,1fr) 320px;gap:48px;max-width:1200px;margin:32px auto;padding:0 20px}}
.entry-content p{{font-size:1.125rem;line-height:1.7}}
.ad-slot{{background:#f4f4f4;margin:28px 0;min-height:250px;text-align:center}}
.screen-reader-text{{border:0;clip:rect(1px,1px,1px,1px);height:1px;overflow:hidden;position:absolute;width:1px}}
{parts["css"]}
</style>
<script src="https://{domain}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-MBL7Q2X9KD"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){{dataLayer.push(arguments);}}
  gtag("js", new Date());
  gtag("config", "G-MBL7Q2X9KD");
</script>
<script id="newspack-data">window.newspackData = {parts["blob"] or "[]"};</script>
{c["head_extra"]}
</head>
<body class="post-template-default single single-post postid-{48000 + n} single-format-standard newspack-theme">
<a class="skip-link screen-reader-text" href="#main">Skip to content</a>
<div id="page" class="site">
<header id="masthead" class="site-header" role="banner">
  <div class="site-branding"><a href="https://{domain}/" class="custom-logo-link" rel="home"><img width="420" height="84" src="https://{domain}/wp-content/uploads/2023/02/logo.png" class="custom-logo" alt="{site}"></a>
  <p class="site-description">Independent local news since 1911</p></div>
  <form role="search" method="get" class="search-form" action="https://{domain}/"><label><span class="screen-reader-text">Search for:</span><input type="search" class="search-field" name="s"></label><button type="submit" class="search-submit">{SVG_ICON.format(name="search")}<span class="screen-reader-text">Search</span></button></form>
  <nav id="site-navigation" class="main-navigation" aria-label="Primary Menu"><ul id="primary-menu" class="menu">
{parts["menu"]}
  </ul></nav>
</header>
<div id="content" class="site-content">
<div id="primary" class="content-area">
<main id="main" class="site-main">
<article id="post-{48000 + n}" class="post-{48000 + n} post type-post status-publish format-standard has-post-thumbnail hentry">
  <header class="entry-header">
    <span class="cat-links"><a href="https://{domain}/category/news/" rel="category tag">News</a></span>
    <h1 class="entry-title">{headline}</h1>
    {c["logo"]}
    <div class="entry-meta"><span class="byline">{c["byline"]}</span> <time class="entry-date published" datetime="2024-06-27T14:12:00-04:00">June 27, 2024</time></div>
  </header>
  <div class="entry-content">
    {c["top"]}
    {body}
    {c["ending"]}
  </div><!-- .entry-content -->
  <footer class="entry-footer"><div class="share-bar"><span class="share-label">Share this story</span><ul class="share-links">
  <li><a class="share-link share-link--facebook" href="https://www.facebook.com/sharer/sharer.php?u=https://{domain}/2024/06/27/story-{n}/">{SVG_ICON.format(name="facebook")}<span class="screen-reader-text">Share on Facebook</span></a></li>
  <li><a class="share-link share-link--email" href="mailto:?body=https://{domain}/2024/06/27/story-{n}/">Email</a></li></ul></div></footer>
</article>
<section class="related-posts" aria-labelledby="related-heading"><h2 id="related-heading" class="related-posts-title">More stories</h2>
<ul class="related-posts-list">
{parts["related"]}
</ul></section>
<div id="comments" class="comments-area"><h2 class="comments-title">Comments</h2><ol class="comment-list">
{parts["comments"]}
</ol></div>
</main>
</div>
<aside id="secondary" class="widget-area" role="complementary" aria-label="Sidebar">
  <section class="widget widget_most_read"><h2 class="widget-title">Most Read</h2><ol class="most-read-list">
  <li class="most-read-item"><a href="https://{domain}/2024/06/26/school-board-later-start-times/">School board approves later start times</a></li>
  <li class="most-read-item"><a href="https://{domain}/2024/06/25/route-9-bridge-lane-closures/">Route 9 bridge repairs will close two lanes</a></li></ol></section>
  <section class="widget newsletter-widget"><h2 class="widget-title">Get the Morning Newsletter</h2><p>The day’s top local stories, every weekday morning.</p>
  <form class="newsletter-form" method="post"><input type="email" name="EMAIL" placeholder="Your email address"><button type="submit">Sign Up</button></form></section>
</aside>
</div>
<footer id="colophon" class="site-footer" role="contentinfo">
  {c["body_extra"]}
  <div class="site-info"><span class="copyright">© 2024 {site}. All rights reserved.</span> <a href="https://{domain}/privacy-policy/">Privacy Policy</a></div>
</footer>
</div>
<div id="cookie-notice" role="dialog" class="cookie-notice-hidden" aria-label="Cookie Notice"><span class="cn-text-container">We use cookies to ensure that we give you the best experience on our website.</span><a href="#" id="cn-accept-cookie">Ok</a></div>
<script data-no-minify="1" async src="/wp-content/plugins/wp-rocket/assets/js/lazyload/17.8.3/lazyload.min.js"></script>
</body>
</html>
"""


def _static(site: str, domain: str, headline: str, c: dict[str, str], parts: dict, n: int) -> str:
    ad = '<div class="ad ad--inline" data-slot="incontent-{n}" aria-hidden="true"><span class="ad__label">Advertisement</span><div class="ad__unit" id="ad-incontent-{n}"></div></div>'
    figure = (
        f'<figure class="inline-photo"><img decoding="async" width="1024" height="683" src="https://{domain}/media/2024/06/photo-{{n}}-1024x683.jpg" '
        f'alt="A view of the site" loading="lazy"><figcaption>A view of the site on Monday. (Photo: {site})</figcaption></figure>'
    )
    body = _body_html(parts["body"], ad, figure)
    return f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{headline} | {site}</title>
  <link rel="canonical" href="{c["canonical"] or f"https://{domain}/news/2024/06/story-{n}/"}">
  <meta property="og:type" content="article">
  <meta property="og:site_name" content="{site}">
  <meta property="og:title" content="{headline}">
  <link rel="stylesheet" href="/assets/css/main.4f2a91c7.css">
  <style>
*,*::before,*::after{{box-sizing:border-box}}
body{{margin:0;font:18px/1.65 Georgia, 'Times New Roman', serif;color:#222;background:#fafaf7}}
.layout{{display:grid;grid-template-columns:minmax(0,720px) 300px;gap:56px;justify-content:center;padding:32px 20px}}
.byline{{font:600 15px/1.3 'Helvetica Neue', Arial, sans-serif;margin:6px 0 2px}}
{parts["css"]}
  </style>
  <script defer data-domain="{domain}" src="https://plausible.io/js/script.outbound-links.js"></script>
  <script defer src="/assets/js/site.9c1e03ab.js"></script>
  {c["head_extra"]}
</head>
<body class="page-article">
  <a class="skip-link" href="#story">Skip to story</a>
  <header class="masthead"><div class="masthead__inner">
    <a class="brand" href="/"><img src="/assets/img/wordmark.svg" alt="{site}" width="260" height="48"></a>
    <nav class="primary-nav" aria-label="Sections"><ul>
{parts["menu"]}
    </ul></nav>
    <div class="masthead__actions"><a class="btn btn--subscribe" href="/support/">Become a member</a>
    <button class="icon-btn search-toggle" type="button" aria-label="Search">{SVG_ICON.format(name="search")}</button></div>
  </div></header>
  <div class="layout">
  <main id="content">
    <article class="story" id="story">
      <header class="story-header">
        <p class="kicker"><a href="/news/">News</a></p>
        <h1 class="headline">{headline}</h1>
      </header>
      <figure class="hero"><img decoding="async" width="1200" height="800" src="https://{domain}/media/2024/06/hero-{n}.jpg" alt="The meeting room" fetchpriority="high"><figcaption>The meeting room on Tuesday.</figcaption></figure>
      {c["logo"]}
      <div class="byline">{c["byline"]}</div>
      <p class="dateline"><time datetime="2024-06-27T14:12:00-04:00">June 27, 2024 2:12 PM ET</time></p>
      <div class="story-tools"><span class="share"><a href="https://twitter.com/intent/tweet?url=https://{domain}/news/2024/06/story-{n}/" aria-label="Share on X">{SVG_ICON.format(name="x")}</a></span></div>
      <div class="article-body">
        {c["top"]}
        {body}
        {c["ending"]}
      </div>
    </article>
    <section class="letters" aria-label="Letters"><h2>Letters from readers</h2>
{parts["comments"]}
    </section>
  </main>
  <aside class="sidebar"><h2>Most read</h2><ol class="most-read">
{parts["related"]}
  </ol></aside>
  </div>
  <footer class="site-footer">{c["body_extra"]}<p>© 2024 {site} · <a href="/about/">About</a> · <a href="/privacy/">Privacy</a></p></footer>
  <script type="application/json" id="__SITE_DATA__">{parts["blob"] or "[]"}</script>
  <div class="cookie-banner" role="dialog"><p>This site uses cookies for anonymous analytics.</p><button type="button">OK</button></div>
</body>
</html>
"""


def _amp(site: str, domain: str, headline: str, c: dict[str, str], parts: dict, n: int) -> str:
    ad = (
        '<div class="ad-container" aria-label="Advertisement"><span class="ad-label">Advertisement</span><amp-ad width="300" height="250" type="doubleclick" '
        f'data-slot="/21804583/{domain.split(".")[0]}/incontent_{{n}}" data-multi-size="320x50,300x100"></amp-ad></div>'
    )
    figure = (
        f'<figure class="inline-photo"><amp-img src="https://{domain}/wp-content/uploads/2024/06/photo-{{n}}-1024x683.jpg" alt="Volunteers at work" width="1024" '
        f'height="683" layout="responsive"><noscript><img src="https://{domain}/wp-content/uploads/2024/06/photo-{{n}}-1024x683.jpg" alt="Volunteers at work" '
        'width="1024" height="683"></noscript></amp-img><figcaption>Volunteers at work on Saturday.</figcaption></figure>'
    )
    body = _body_html(parts["body"], ad, figure)
    return f"""<!doctype html>
<html ⚡ lang="en">
<head>
<meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-analytics" src="https://cdn.ampproject.org/v0/amp-analytics-0.1.js"></script>
<script async custom-element="amp-ad" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>
<script async custom-element="amp-bind" src="https://cdn.ampproject.org/v0/amp-bind-0.1.js"></script>
<title>{headline} – {site}</title>
<link rel="canonical" href="{c["canonical"] or f"https://{domain}/2024/06/27/story-{n}/"}">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{site}">
<style amp-boilerplate>body{{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}}@keyframes -amp-start{{from{{visibility:hidden}}to{{visibility:visible}}}}</style><noscript><style amp-boilerplate>body{{-webkit-animation:none;animation:none}}</style></noscript>
<style amp-custom>
body{{font-family:Georgia,serif;color:#1c1c1c;margin:0;background:#fff}}
main{{max-width:720px;margin:0 auto;padding:16px}}
.byline{{font:700 14px/1.3 Arial,sans-serif;margin:0}}
{parts["css"]}
</style>
{c["head_extra"]}
</head>
<body>
<amp-analytics type="gtag" data-credentials="include"><script type="application/json">{{"vars": {{"gtag_id": "G-LKS8D4V2MC"}}, "triggers": {{"trackPageview": {{"on": "visible", "request": "pageview"}}}}}}</script></amp-analytics>
<amp-state id="pageState"><script type="application/json">{parts["blob"] or "[]"}</script></amp-state>
<amp-sidebar id="site-menu" layout="nodisplay" side="left"><nav aria-label="Site menu"><ul>
{parts["menu"]}
</ul></nav></amp-sidebar>
<header class="site-header">
  <button on="tap:site-menu.toggle" aria-label="Open menu">{SVG_ICON.format(name="menu")}</button>
  <a href="https://{domain}/amp/" class="site-logo"><amp-img src="https://{domain}/wp-content/uploads/2022/01/logo-amp.png" alt="{site}" width="220" height="40" layout="fixed"></amp-img></a>
</header>
<main id="content">
  <article class="post">
    <p class="kicker"><a href="https://{domain}/category/news/amp/">News</a></p>
    <h1 class="amp-wp-title">{headline}</h1>
    {c["logo"]}
    <p class="byline">{c["byline"]}</p>
    <p class="dateline"><time datetime="2024-06-27T14:12:00-04:00">June 27, 2024</time></p>
    <div class="article-body">
      {c["top"]}
      {body}
      {c["ending"]}
    </div>
  </article>
  <section class="related"><h2>Related</h2><ul>
{parts["related"]}
  </ul></section>
  <section class="comments"><h2>Reader letters</h2>
{parts["comments"]}
  </section>
</main>
<footer class="site-footer">{c["body_extra"]}<p>© 2024 {site}. <a href="https://{domain}/privacy-policy/">Privacy policy</a></p></footer>
</body>
</html>
"""


def fingerprint(pages: list[Page]) -> str:
    """A short digest of a set of pages, to tell whether two runs measured the same corpus."""
    h = hashlib.sha256()
    for page in pages:
        h.update(page.name.encode())
        h.update(page.data)
    return h.hexdigest()[:16]
