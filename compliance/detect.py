"""Which packs apply to a document: each pack's detection markers add up to a confidence.

Detection is deliberately conservative: markers are publisher-specific signatures (license
paragraphs, logos, tracking pixels, affiliation in the byline), never a bare mention of the
publisher's name, so an article that quotes "told the Daily Caller" applies no pack. A page on
the publisher's own site (its `own-site` domains and names) is an original, not a republication:
the pack does not apply there, whatever its markers say.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from compliance.checks import Context
from compliance.checks.base import describe_check
from compliance.document import Document
from compliance.errors import CheckError
from compliance.findings import Detection
from compliance.packs import OwnSite, Pack
from compliance.patterns import MissingMeta, PatternTimeout

OWN_PAGE = "the publisher's own page (an original, not a republication)"


def detect_packs(ctx: Context, packs: Sequence[Pack], *, path: str = "") -> tuple[Detection, ...]:
    """Evaluate every pack's markers on the document; a pack applies when its score reaches its threshold."""
    detections = []
    for pack in packs:
        own = own_page(ctx.doc, pack.own_site)
        if own:
            detections.append(Detection(pack.id, 0.0, (), False, own))
            continue
        if not pack.markers:
            continue
        fired_list = []
        labels = []
        for marker in pack.markers:
            try:
                if ctx.run(marker.check).passed:
                    fired_list.append(marker.id)
                    labels.append(marker.label or describe_check(marker.check))
            except (MissingMeta, PatternTimeout):
                # As for rules, these are about the article, not bugs: a marker that needs a
                # value the article does not give, or whose pattern ran out of time, did not fire.
                continue
            except Exception as exc:
                raise CheckError(f"{pack.id} (detection marker {marker.id})", path, exc) from exc
        fired = tuple(fired_list)
        score = sum(marker.weight for marker in pack.markers if marker.id in fired)
        confidence = round(min(1.0, score / pack.threshold), 2)
        detections.append(Detection(pack.id, confidence, fired, score >= pack.threshold, labels=tuple(labels)))
    return tuple(detections)


def own_page(doc: Document, site: OwnSite) -> str:
    """Why the page is on the publisher's own site ("canonical URL on dailycaller.com"), or "".

    The canonical URL, `og:url` and `og:site_name` are read, and every one the page gives must
    agree: a page whose canonical URL is the publisher's but whose `og:url` or `og:site_name` is
    another site's is a republication that kept the original's canonical link (ProPublica's
    republish HTML emits one), and so is a page that names a `syndication-source`. A relative
    canonical URL says nothing either way.
    """
    if not site or doc.meta.get("syndication-source"):
        return ""
    reasons: list[str] = []
    own_names = {_fold(name) for name in site.names}
    for name in doc.meta.get("og:site_name", ()):
        if _fold(name) in own_names:
            reasons.append(f"og:site_name '{name}'")
        elif own_names and name.strip():
            return ""
    for label, urls in (("og:url", doc.meta.get("og:url", ())), ("canonical URL", doc.canonical)):
        for host in _hosts(urls):
            if not _on_site(host, site.domains):
                return ""
            reasons.append(f"{label} on {host}")
    return " and ".join(dict.fromkeys(reasons))


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _hosts(urls: Iterable[str]) -> list[str]:
    hosts = []
    for url in urls:
        try:
            host = urlsplit(url.strip()).hostname
        except ValueError:
            continue
        if host:
            hosts.append(host.rstrip("."))
    return hosts


def _on_site(host: str, domains: Sequence[str]) -> bool:
    return any(host == domain or host.endswith("." + domain) for domain in domains)
