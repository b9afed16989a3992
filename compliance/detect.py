"""Which packs apply to a document: each pack's detection markers add up to a confidence.

Detection is deliberately conservative: markers are publisher-specific signatures (license
paragraphs, logos, tracking pixels, affiliation in the byline, and, in whatever language a
translation words its credit, a credit line's link to one of the publisher's stories), never a bare
mention of the publisher's name, so an article that quotes "told the Daily Caller" or links a
ProPublica story in its own text applies no pack. A page on
the publisher's own site (its `own-site` domains and names) is an original, not a republication:
the pack does not apply there, whatever its markers say. Nor does what a publisher's own
"Republish this story" box holds (the credit, attribution and pixel it offers other sites to paste,
hidden until clicked): a marker that finds nothing else does not fire.

A credit line the page hides is still the publisher's signature: when what a reader sees makes up
no pack at all, the packs' `text` markers are also looked for in the story's text no reader sees,
and their credit lines' links (`link: {credit: true}`) among the story's links no reader sees,
and a pack they make up applies, so that its rules report the hidden credit (see
`Detection.hidden`). So do the markers of a credit that bidirectional controls garble ("By
A\u202ena Lopez, Daily Caller News Foundation", which a reader sees as "By A" and the rest
reversed): they are looked for in the page's text as written (its logical order, as a search
engine indexes it), and the rules then judge what the reader sees.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from compliance.checks import Context, Outcome, Undecided
from compliance.checks.base import Check, describe_check
from compliance.checks.element import never_loaded_line
from compliance.checks.link import hidden_links
from compliance.checks.position import PositionParams, hidden_in_place, item_index_after_line
from compliance.checks.story import story_end
from compliance.checks.text import hidden_line
from compliance.document import Document
from compliance.errors import CheckError
from compliance.findings import Detection
from compliance.lookalike import fold_name
from compliance.packs import OwnSite, Pack
from compliance.patterns import MissingMeta, PatternTimeout, PatternTooLarge
from compliance.prefilter import Candidates
from compliance.urls import is_http_url, on_host, url_host

OWN_PAGE = "the publisher's own page (an original, not a republication)"

# The markers whose patterns ran out of time, by id, with the time limit each ran past (seconds of
# CPU time, `patterns.time_limit`), in the order met.
TimedOut = dict[str, float]


def detect_packs(
    ctx: Context, packs: Sequence[Pack], *, path: str = "", candidates: Candidates | None = None, written: Context | None = None
) -> tuple[Detection, ...]:
    """Evaluate every pack's markers on the document; a pack applies when its score reaches its threshold.

    With `candidates` (the literal prefilter's answer for this page), a marker the prefilter ruled
    out is not evaluated: its words are not on the page, so it cannot fire. `written` is the page
    read as written when bidirectional controls reorder what a reader sees of it
    (`bidi.read_as_written`): when what a reader sees makes up no pack, a marker that fires on
    it counts as hidden, as a hidden credit line's does.
    """
    # Per pack: the markers that fired on what a reader sees, their labels, the publisher's own
    # page (an original) with why or "", and the markers whose patterns ran out of time.
    read: list[tuple[Pack, list[str], list[str], str, TimedOut]] = []
    for pack in packs:
        own = own_page(ctx.doc, pack.own_site, page_url=path) if candidates is None or pack.id in candidates.own_sites else ""
        unknown: TimedOut = {}
        if own and shows_republication(ctx, pack, candidates, path=path, timed_out=unknown):
            own = ""
        if own:
            # A republication marker that ran out of time may have fired: the page may be a copy,
            # which its notice says (`marker-time-limit`), as it does of a marker detection skipped.
            read.append((pack, [], [], own, unknown))
            continue
        if not pack.markers:
            continue
        timed_out: TimedOut = {}
        fired_list, labels = _visible_markers(ctx, pack, candidates, path=path, timed_out=timed_out)
        read.append((pack, fired_list, labels, "", timed_out))
    # Not enough that a reader sees for any pack: a credit line the page hides still says whose
    # story it is, and the pack it makes up applies, its rules reporting the hidden credit. (Only
    # then: a page a pack applies to on what readers see is that publisher's copy, and the
    # search of hidden text costs a walk of the page.)
    anything_applies = any(not own and _score(pack, fired) >= pack.threshold for pack, fired, _, own, _ in read)
    detections = []
    for pack, fired_list, labels, own, timed_out in read:
        if own:
            detections.append(Detection(pack.id, 0.0, (), False, own, timed_out=tuple(timed_out), time_limits=tuple(timed_out.values())))
            continue
        hidden: tuple[str, ...] = ()
        if not anything_applies:
            found = dict(_hidden_markers(ctx, pack, set(fired_list), candidates, path=path, timed_out=timed_out))
            if written is not None:
                found.update(_garbled_markers(written, pack, set(fired_list) | set(found), candidates, path=path, timed_out=timed_out))
            hidden = tuple(found)
            # In the pack's order, as `markers` always are.
            label_of = {**dict(zip(fired_list, labels, strict=True)), **found}
            fired_list = [marker.id for marker in pack.markers if marker.id in label_of]
            labels = [label_of[marker_id] for marker_id in fired_list]
        score = _score(pack, fired_list)
        confidence = round(min(1.0, score / pack.threshold), 2)
        detections.append(
            Detection(
                pack.id,
                confidence,
                tuple(fired_list),
                score >= pack.threshold,
                labels=tuple(labels),
                hidden=hidden,
                timed_out=tuple(timed_out),
                time_limits=tuple(timed_out.values()),
            )
        )
    return tuple(detections)


def _score(pack: Pack, fired: Sequence[str]) -> float:
    return sum(marker.weight for marker in pack.markers if marker.id in fired)


def shows_republication(ctx: Context, pack: Pack, candidates: Candidates | None = None, *, path: str = "", timed_out: TimedOut | None = None) -> bool:
    """Whether a reader sees one of the markers the pack's `own-site` names as a republication's
    only (`republication_markers`: its credit line): such a page is a copy even when its `og:url`
    or `og:site_name` puts it on the publisher's site, as markup copied whole from the original
    does. A marker whose pattern ran out of time is not seen, and its id is added to `timed_out`
    when it is given (the page may be a copy all the same). Raises `CheckError` as detection does."""
    only = frozenset(pack.own_site.republication_markers)
    return bool(only) and bool(_visible_markers(ctx, pack, candidates, path=path, only=only, timed_out=timed_out)[0])


def _visible_markers(
    ctx: Context, pack: Pack, candidates: Candidates | None, *, path: str, only: frozenset[str] | None = None, timed_out: TimedOut | None = None
) -> tuple[list[str], list[str]]:
    """The ids of the pack's markers that fire on what a reader sees, and their labels, in the
    pack's order; a marker the prefilter ruled out (`candidates`) is not evaluated, nor one
    outside `only` when it is given. The ids of the markers whose patterns ran out of time are
    added to `timed_out` when it is given."""
    fired_list: list[str] = []
    labels: list[str] = []
    for marker in pack.markers:
        if only is not None and marker.id not in only:
            continue
        if candidates is not None and (pack.id, marker.id) not in candidates.markers:
            continue
        try:
            outcome = ctx.run(marker.check)
            if outcome.passed and not _only_in_republish_box(ctx.doc, outcome):
                fired_list.append(marker.id)
                labels.append(marker.label or describe_check(marker.check))
        except PatternTimeout as exc:
            # Not known to fire or not: said in a notice (`Detection.timed_out`), so that a pack
            # that may apply is never left out unsaid.
            _add_once(timed_out, marker.id, exc.limit)
        except (MissingMeta, PatternTooLarge, Undecided):
            # As for rules, these are about the article, not bugs: a marker that needs a
            # value the article does not give, or that has nothing to search (its `outside`
            # leaves out the whole scope), did not fire.
            continue
        except Exception as exc:
            raise CheckError(f"{pack.id} (detection marker {marker.id})", path, exc) from exc
    return fired_list, labels


def _hidden_markers(ctx: Context, pack: Pack, fired: set[str], candidates: Candidates | None, *, path: str, timed_out: TimedOut) -> list[tuple[str, str]]:
    """The pack's markers that did not fire on what a reader sees and would on what the story
    hides (`_hidden_match_line`: a credit line's text or its link), as (marker id, label ending
    "hidden at line N"); the ids of those whose patterns ran out of time are added to `timed_out` (with the time limit each ran past)."""
    found = []
    for marker in pack.markers:
        if marker.id in fired or (candidates is not None and (pack.id, marker.id) not in candidates.markers):
            continue
        try:
            line = _hidden_match_line(ctx, marker.check)
        except PatternTimeout as exc:
            _add_once(timed_out, marker.id, exc.limit)
            continue
        except (MissingMeta, PatternTooLarge):
            continue
        except Exception as exc:
            raise CheckError(f"{pack.id} (detection marker {marker.id})", path, exc) from exc
        if line is not None:
            found.append((marker.id, f"{marker.label or describe_check(marker.check)}, hidden at line {line}"))
    return found


def _garbled_markers(written: Context, pack: Pack, fired: set[str], candidates: Candidates | None, *, path: str, timed_out: TimedOut) -> list[tuple[str, str]]:
    """The pack's markers, other than those in `fired`, that fire on the page read as written
    (`written`: its logical order, without the bidirectional controls that reorder what a reader
    sees), as (marker id, label ending "garbled by bidirectional controls at line N"); the ids of
    those whose patterns ran out of time are added to `timed_out` (with the time limit each ran past)."""
    found = []
    for marker in pack.markers:
        if marker.id in fired or (candidates is not None and (pack.id, marker.id) not in candidates.markers):
            continue
        try:
            outcome = written.run(marker.check)
        except PatternTimeout as exc:
            _add_once(timed_out, marker.id, exc.limit)
            continue
        except (MissingMeta, PatternTooLarge, Undecided):
            continue
        except Exception as exc:
            raise CheckError(f"{pack.id} (detection marker {marker.id})", path, exc) from exc
        if outcome.passed and outcome.hits and not _only_in_republish_box(written.doc, outcome):
            line = outcome.hits[0].location.line
            found.append((marker.id, f"{marker.label or describe_check(marker.check)}, garbled by bidirectional controls at line {line}"))
    return found


def _add_once(timed_out: TimedOut | None, marker_id: str, limit: float) -> None:
    """Note in `timed_out` that the marker's pattern ran past `limit`, unless noted already."""
    if timed_out is not None:
        timed_out.setdefault(marker_id, limit)


def _hidden_match_line(ctx: Context, check: Check, place: PositionParams | None = None) -> int | None:
    """The line of what a marker's check would find if the page showed it, or None: a `text`
    check's pattern in a block no reader sees (`hidden_line`), a credit line's link (`credit:
    true`) no reader sees (`link.hidden_links`), in the place a `position` around it wants it
    (`place`), a publisher's tag or image on the page that never runs or loads (`element`:
    `never_loaded_line`), or one of these in one of an `any`'s checks. Other checks (a byline, a
    plain link that only cites a story) have no hidden signature here."""
    if check.kind == "text":
        if place is None:
            return hidden_line(ctx.doc, check.params, ctx)
        # A credit line placed by position (KFF Health News' closing tagline): hidden where a
        # shown one would have to stand (`_hidden_text_in_place`).
        return hidden_line(ctx.doc, check.params, ctx, lambda line: _hidden_text_in_place(ctx.doc, place, line))
    if check.kind == "link" and check.params.credit:
        placed = [link for link in hidden_links(ctx.doc, check.params, ctx) if place is None or hidden_in_place(ctx.doc, place, link.index)]
        return placed[0].line if placed else None
    if check.kind == "position" and place is None and check.params.allow_before is None:
        return _hidden_match_line(ctx, check.params.check, check.params)
    if check.kind == "element" and place is None:
        return never_loaded_line(ctx.doc, check.params)
    if check.kind == "any":
        return next((line for inner in check.params if (line := _hidden_match_line(ctx, inner, place)) is not None), None)
    return None


def _hidden_text_in_place(doc: Document, place: PositionParams, line: int) -> bool:
    """Whether a hidden block at source `line` stands where a `position` check wants a shown one:
    for the story's last blocks (`last`), after its last paragraph (`story_end`), as a closing
    tagline does — among the last blocks of a short story, a block before its paragraphs is
    where pages quote the publisher's words, not where a credit closes the story; else as
    `hidden_in_place` has it (before the first body paragraph, within the first blocks)."""
    index = item_index_after_line(doc, line)
    if place.last is not None:
        end = story_end(doc)
        return end is None or index > end.index
    return hidden_in_place(doc, place, index)


def _only_in_republish_box(doc: Document, outcome: Outcome) -> bool:
    """Whether all a marker found is in the publisher's own "Republish this story" box or modal
    (`Document.in_republish_box`): the credit and pixel it offers other sites to paste are on the
    original's own page, and say nothing of whose story the page republishes."""
    return bool(outcome.hits) and all(hit.element is not None and doc.in_republish_box(hit.element) for hit in outcome.hits)


def own_page(doc: Document, site: OwnSite, *, page_url: str = "") -> str:
    """Why the page is on the publisher's own site ("og:url on dailycaller.com"), or "".

    The page's own identity decides: its `og:url`, its `og:site_name` and, when it is known, the
    URL it was read from (`page_url`, an http(s) URL). At least one of them must name the
    publisher's site, and every signal the page gives, the canonical URL included, must agree.
    A canonical URL on the publisher's site is never enough alone: ProPublica's republish HTML and
    other republishing plugins put the original's canonical link on the copy, so a page whose only
    sign is that link is a republication. With the page's `<title>` naming the publisher's site
    after the headline ("Headline - Georgia Recorder", which the page's own theme writes, as a
    partner's writes its own name there) it is the publisher's page, og tags or not. A page that
    names a `syndication-source` is a republication, and a relative URL says nothing either way.
    """
    if not site or doc.meta.get("syndication-source"):
        return ""
    identity: list[str] = []
    own_names = {fold_name(name) for name in site.names}
    for name in doc.meta.get("og:site_name", ()):
        if fold_name(name) in own_names:
            identity.append(f"og:site_name '{name}'")
        elif own_names and name.strip():
            return ""
    titled = title_after_headline(doc)
    titled_own = next((part for part in titled if _names_own_site(part, site)), "")
    if titled and not titled_own and not (doc.headline and _names_own_site(doc.headline.text, site)):
        # "Headline – Gazette": the page's title is its own, written by its own site's theme,
        # while a partner that copied the original's markup whole kept its og:url. (A headline
        # that is the publisher's name is its masthead, and the title's rest no site's name; a
        # tagline after the publisher's name, "— ProPublica — Journalism in the Public Interest",
        # is the publisher's own.)
        return ""
    pages = [page_url] if is_http_url(page_url) else []
    for label, urls in (("page URL", pages), ("og:url", doc.meta.get("og:url", ())), ("canonical URL", doc.canonical)):
        for host in _hosts(urls):
            if not _on_site(host, site.domains):
                return ""
            if label != "canonical URL" or identity:
                identity.append(f"{label} on {host}")
            elif titled_own:
                identity.extend((f"{label} on {host}", f"the title's site name '{titled_own}'"))
    return " and ".join(dict.fromkeys(identity))


# What a theme puts between the headline and the site's name in a page's `<title>`.
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\u2013\u2014\u00b7\u00bb\u2022:~-]|::|//)\s+")
# Leading articles a site's name is written with or without ("The Texas Tribune", "Texas Tribune").
_LEADING_ARTICLE = re.compile(r"^the\s+")


def title_after_headline(doc: Document) -> tuple[str, ...]:
    """The parts an HTML page's `<title>` gives after its headline, as themes write it, where the
    site's name is ("Pipeline welds went uninspected – Valley Ledger": ("Valley Ledger",);
    "Headline | Opinion | The Gazette": ("Opinion", "The Gazette")); () when the title is not the
    page's headline (the `<h1>` the document took) followed by a separator, or the page has no
    such title. Pure."""
    if doc.root is None or doc.headline is None:
        return ()
    title = doc.root.find("head/title")
    headline = " ".join(doc.headline.text.split()).casefold()
    if title is None or not headline:
        return ()
    text = " ".join("".join(title.itertext()).split())
    if not text.casefold().startswith(headline):
        return ()
    parts = _TITLE_SEPARATORS.split(" " + text[len(headline) :])
    if len(parts) < 2 or parts[0].strip():
        return ()
    return tuple(part.strip() for part in parts[1:] if part.strip())


def _names_own_site(name: str, site: OwnSite) -> bool:
    """Whether a site's name is the publisher's: one of its `names` (case, spacing and a leading
    "The" aside), an edition of one ("Global Voices en Español", "ProPublica Illinois"), or one of
    its domains ("propublica.org")."""
    folded = _LEADING_ARTICLE.sub("", fold_name(name))
    for own in site.names:
        own_folded = _LEADING_ARTICLE.sub("", fold_name(own))
        if folded == own_folded or folded.startswith(own_folded + " "):
            return True
    return "." in folded and " " not in folded and _on_site(folded.removeprefix("www."), site.domains)


def _hosts(urls: Iterable[str]) -> list[str]:
    hosts = []
    for url in urls:
        host = url_host(url)
        if host:
            hosts.append(host)
    return hosts


def _on_site(host: str, domains: Sequence[str]) -> bool:
    return on_host(host, tuple(domains))


def original_publisher(site: OwnSite, original: Document | None, addresses: Sequence[str]) -> str:
    """Why the original story an editor gave is on the publisher's own site ("its canonical URL
    on propublica.org"), or "".

    Unlike `own_page`, any one sign is enough: the page is the one the editor says the copy
    republishes, so a canonical link to the publisher (as a partner's copy of the story carries)
    names whose story it is all the same. The signs are `addresses` (the original's URL as given,
    the `original_url` metadata: http(s) URLs only) and, when the original was read, its
    canonical URL, `og:url` and `og:site_name`. Pure; never raises.
    """
    if not site:
        return ""
    signs: list[tuple[str, Sequence[str]]] = [("address", [a for a in addresses if is_http_url(a)])]
    if original is not None:
        signs += [("canonical URL", original.canonical), ("og:url", original.meta.get("og:url", ()))]
    for label, urls in signs:
        for host in _hosts(urls):
            if _on_site(host, site.domains):
                return f"its {label} is on {host}"
    own_names = {fold_name(name) for name in site.names}
    for name in original.meta.get("og:site_name", ()) if original is not None else ():
        if fold_name(name) in own_names:
            return f"its og:site_name is '{name.strip()}'"
    return ""
