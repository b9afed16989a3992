"""`original-byline` — the republished byline names the original story's reporter(s).

The names are read from the original's byline exactly as the republication's are, then compared
insensitive to order ("Ana Ruiz and Bo Li" = "Bo Li, Ana Ruiz"), case, diacritics ("Jose" = "José"),
look-alike letters from other scripts (a Cyrillic "а" in "Jаke" reads as "a"), the initials the
original itself prints ("J. Smith" credits an original's "J. Smith"; "Jake Smith" and "J.X. Smith"
do not), courtesy, academic, religious, political and
military titles, which are style ("Dr. Maria Lopez", "Prof. Maria Lopez", "Rev.", "Sen.", "Lt.
Col.", "Ms.", "Assemblymember" credit "Maria Lopez"), and a middle initial after the given name written out
("Maria E. Lopez" credits "Maria Lopez" and "Maria Elena Lopez"; "Mario E. Lopez" and "Dr. Ana
Lopez" do not; a middle name left out, "Maria Lopez" for "Maria Elena Lopez", does not either).
A given name the original (or the `reporter` given) writes out and the byline cuts to its initial
does not keep the reporter's byline: "J. Smith", "J.R. Smith" or "J. Smith Jr." for "Jake Smith",
"Jake Robert Smith" or "Jake Smith Jr.", "J. García López" for "Juan García López" fail with
`fault` "shortens the name of" and a detail that says so ("… which shortens Jake Smith to J.
Smith: write the name as the original does"); the name is still the reporter's, so it is no
other person credited beside them, and a byline elsewhere on the page writing the name out
credits the reporter. A name a byline credits only for a part of the work is not the reporter's credit
("By Courier Staff. Photos by Jake Smith", "Compiled by Jake Smith", "Photos and video by Jake
Smith" leave Jake Smith uncredited), and a name after another that the original names as an
author's institution is that institution, no other person ("By Ana Ruiz, Johns Hopkins" for an
original whose author line gives Ana Ruiz Johns Hopkins University). Every visible byline counts,
a theme's author line that a `byline` check puts aside included: "Karen Miles" in the theme's
header over "By Mara Quellin" under the logo credits her beside the reporter. With
`all: false` one of the original's reporters is enough. Without an original story, the article's
`reporter` metadata (`--meta reporter='Jake Smith'`, a CMS payload's `reporter`, the editor's
page's Reporter field: who the editor says wrote the original) names the reporters instead: a
list of people ("Jake Smith, Ana Ruiz", "Jake Smith and Ana Ruiz", "Jake Smith / Ana Ruiz"), each
to be credited. Without either the rule is not run and the file's `no-original` note names it, as every rule that
compares with an original; a `reporter` given empty, or as no one value (a mapping, true), leaves
it not checked with a note. Captures: `name` and `names` (the original's first reporter, and all of
them as a sentence lists them), `missing`.

`institutions: true` compares, instead of the names, each author's institution as the original's
bylines give it (The Conversation: "author(s) AND their institution(s)"): an author of the original
whom the republication's bylines credit with an institution must have one of the original's for
them ("Maria Lopez, Harvard University" fails for the original's "Maria Lopez, University of
Arizona"; so does "By A and B, University of Arizona" when the original gives B Arizona State
University). The same institution may be written otherwise, as editorial style does: in any
letter case, with or without accents, "The" or punctuation, abbreviated ("Univ."), with more of
its name around it ("Department of Entomology, University of Arizona", "University of Arizona,
Tucson") or as its initials ("UCLA" for "University of California, Los Angeles"). An author the
copy's bylines credit without an institution is compared by the author note about them, when
one names an institution: a sentence opening with the name, then "is" or a comma, among the
article's last 6 blocks or the 2 under a byline, naming an organisation after "at", "with" or
"from" ("Renata Okafor is an associate professor at the Colorado School of Mines." fails for the
original's "Northern Plains University"; a note naming the original's among others passes). An
author whom no byline or note gives an institution, or whom the original gives none, is not
compared here (a `byline` check's `institution` asks for one). It needs the original story itself: the `reporter`
metadata names no institution. Captures: `name` (the author), `institution` (the copy's) and
`original_institution`.

`credit` (a regex with a group named `author`) also reads the people a credit line names, for
terms that accept the author named there instead of in a byline (Global Voices: "This story by
NAME originally appeared on Global Voices"): each match in the article's visible text, outside
photo captions and credits, credits the people its `author` group names, as a byline naming them
would. It is searched only when an original or a `reporter` is known.

Example (every reporter of the original is credited)::

    original-byline: {}

Original::

    <article><h1>Title</h1><p class="byline">By José Díaz and Ana Ruiz</p><p>Story.</p></article>

Passes::

    <article><h1>Title</h1><p class="byline">By Ana Ruiz and Jose Diaz, Example News</p><p>Story.</p></article>

Fails::

    <article><h1>Title</h1><p class="byline">By Ana Ruiz</p><p>Story.</p></article>
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from compliance.checks.base import Context, Hit, Outcome, Undecided
from compliance.checks.story import is_caption, name_key, same_person, shortens_given_name, under_headline
from compliance.checks.text import IN_A_CAPTION, not_captions, scope_blocks
from compliance.document import Block, Byline, Document
from compliance.document.byline_reading import credited_for_a_part, is_organisation_phrase, person_name, read_byline
from compliance.firstuse import on_first_use
from compliance.lookalike import plain_letters
from compliance.metavalues import NamesMeta, given_as, unreadable_reason
from compliance.options import Option
from compliance.patterns import MissingMeta, Pattern
from compliance.text import listed, shorten

# The values each hit captures, for `{placeholders}` in a rule's message: the original's first reporter, the names found, the reporters missing,
# and on a failure what the byline does wrong (`fault`: "does not name", "credits someone else beside" when it names every reporter and
# another person too, or "shortens the name of" when it names them all, one with the given name cut to its initial); with `institutions`,
# the author and the two institutions compared.
CAPTURES = frozenset(("name", "names", "missing", "fault", "institution", "original_institution"))

OPTIONS = (
    Option("all", "boolean", "Every reporter of the original must be credited (false: at least one).", default=True),
    Option(
        "credit",
        "regex",
        "A credit line naming the author: the people its group `author` captures in the article (outside photo captions) are credited as a byline's are.",
        default=None,
    ),
    Option(
        "institutions",
        "boolean",
        "Compare each credited author's institution with the original's for them, instead of the names (needs the original story).",
        default=False,
    ),
)


class OriginalBylineParams(NamedTuple):
    """Validated parameters of an `original-byline` check."""

    all: bool
    credit: Pattern | None = None
    institutions: bool = False


def build(values: dict[str, Any]) -> OriginalBylineParams:
    """Parameters from validated option values."""
    return OriginalBylineParams(all=values["all"], credit=values["credit"], institutions=bool(values["institutions"]))


def _credit_in_a_caption(doc: Document, params: OriginalBylineParams, ctx: Context) -> Block | None:
    """With nobody credited: the first photo caption of the article that holds the `credit` line
    ("This story by Ana Silva originally appeared on Global Voices …" under a photo), which the
    finding names and points at: a reader takes a caption's credit for the photo's. None when no
    caption does."""
    if params.credit is None:
        return None
    pattern = ctx.bind(params.credit)
    return next((block for block in scope_blocks(doc, "article", None, None) if is_caption(doc, block) and pattern.search(block.text) is not None), None)


def _credit_line_names(doc: Document, params: OriginalBylineParams, ctx: Context) -> list[tuple[Block, str]]:
    """The people the `credit` pattern's `author` group names in the article's visible blocks
    outside photo captions, each with the block that names them, in document order."""
    if params.credit is None:
        return []
    pattern = ctx.bind(params.credit)
    named: list[tuple[Block, str]] = []
    for block in not_captions(doc, scope_blocks(doc, "article", None, None)):
        for match in pattern.finditer(block.text):
            author = match.groupdict().get("author")
            if author:
                named.extend((block, name) for name in reporters_given(" ".join(author.split())))
    return named


def evaluate(doc: Document, params: OriginalBylineParams, ctx: Context) -> Outcome:
    """Pass when the republication's bylines credit the original's reporters (with
    `institutions`, each with their institution in the original)."""
    if params.institutions:
        return _compare_institutions(doc, ctx)
    expected, source = _expected_reporters(ctx)
    # A name credited only for a part of the work ("Compiled by B", "Photos by B") is no reporter's credit.
    # Nor is a name the original gives as an author's institution ("By A, Johns Hopkins").
    institutions = original_institutions(ctx)
    credited: list[tuple[Byline | Block, str]] = [
        (byline, n)
        for byline in doc.bylines
        for position, n in enumerate(byline.names)
        if not credited_for_a_part(byline.text, n) and not (position and is_original_institution(n, institutions))
    ]
    credited += _credit_line_names(doc, params, ctx)
    written = [_with_suffix(n, b.text) for b, n in credited]
    matched = _credited_as(list(expected.values()), written)
    # A reporter credited only with the given name cut to its initial ("J. Smith" for Jake
    # Smith) is the reporter, but not the reporter's byline the terms ask to keep.
    shortened = {name: i for name, i in matched.items() if shortens_given_name(written[i], name)}
    found = [credited[i] for name, i in sorted(matched.items(), key=lambda item: item[1]) if name not in shortened]
    missing = [name for name in expected.values() if name not in matched]
    others = [(b, n) for b, n in credited if isinstance(b, Byline) and n in not_reporters(b, list(expected.values()))]
    names = ", ".join(expected.values())
    captures = (("name", next(iter(expected.values()))), ("names", listed(list(expected.values()))), ("missing", listed(missing)))
    if found and (not (missing or shortened) or not params.all) and not others:
        hits = tuple(Hit(b.index, doc.locate(b), b.text, captures, doc.item_offsets[min(b.index, len(doc.item_offsets) - 1)]) for b, _ in found)
        return Outcome(True, hits)
    # The byline to change is the one crediting someone else, when the reporters are credited,
    # else the one that cuts a reporter's name short.
    first = (others[0][0] if others and found else None) or (credited[min(shortened.values())][0] if shortened else None)
    first = first or (doc.bylines[0] if doc.bylines else None)
    anchor = doc.locate(first) if first is not None else under_headline(doc)
    shown = "; ".join(f"'{b.shown}'" for b in doc.bylines) or "no visible byline"
    lines = list(dict.fromkeys(b.text for b, _ in credited if not isinstance(b, Byline)))
    if lines:
        shown += " and the credit line " + "; ".join(f"'{shorten(line, 140)}'" for line in lines)
    said = [f"{listed(missing)} not credited"] if (found or shortened) and missing else []
    if found and others:
        strangers = list(dict.fromkeys(n for _, n in others))
        verb = "is" if len(strangers) == 1 else "are"
        said.append(f"{listed(strangers)}, credited too, {verb} not " + ("the reporter" if len(expected) == 1 else "among the reporters"))
    caption = _credit_in_a_caption(doc, params, ctx) if not credited else None
    unnamed = f" ({'; '.join(said)})" if said else ""
    if caption is not None:
        # One sentence on from what the page has, without brackets inside the message's own.
        unnamed += f', and its credit line "{shorten(caption.text, 140)}" at line {doc.locate(caption).line} {IN_A_CAPTION}'
        anchor = doc.locate(caption)
    # What the byline does wrong, for a message's `{fault}`: it leaves a reporter out, it names
    # every reporter and someone else beside them, or it names them all, one cut short.
    fault = _CREDITS_ANOTHER if found and others and (not missing or not params.all) else _SHORTENS if shortened and not missing else _LEAVES_OUT
    if shortened:
        unnamed += _shortened_in_words({name: written[i] for name, i in shortened.items()}, from_original=ctx.original is not None)
    return Outcome(False, (), f"{source} {names}; the republication has {shown}{unnamed}", anchor, captures=(*captures, ("fault", fault)))


# A failure's `{fault}`: "The byline {fault} the reporter of the original".
_LEAVES_OUT = "does not name"
_CREDITS_ANOTHER = "credits someone else beside"
_SHORTENS = "shortens the name of"


def _shortened_in_words(shortened: dict[str, str], *, from_original: bool) -> str:
    """What the byline does to the names it cuts short, and what to write instead, as the end of
    a finding's detail: ", which shortens Jake Smith to J. Smith: write the name as the original
    does" (`shortened`: each reporter's name, as expected, to the name the byline gives)."""
    cuts = listed([f"{name} to {short}" for name, short in shortened.items()])
    noun = "name" if len(shortened) == 1 else "names"
    return f", which shortens {cuts}: write the {noun} " + ("as the original does" if from_original else "in full, as given")


def original_authors(ctx: Context) -> tuple[str, ...]:
    """The people the original story's bylines credit, each once, in their order; none without
    an original (or when the check was given none it could read)."""
    if ctx.original is None:
        return ()
    return tuple(dict.fromkeys(name for byline in ctx.original.bylines for name in byline.names))


def is_reporter(name: str, byline_text: str, reporters: Sequence[str]) -> bool:
    """Whether `name`, as the byline `byline_text` credits it, is one of `reporters`, compared as
    the rule compares a credited name with a reporter (`same_person`: "M. Alvarez" is "Maria
    Alvarez"; a generational suffix the byline writes after a comma kept)."""
    credited = _with_suffix(name, byline_text)
    return any(_same_key(credited, reporter) or same_person(credited, reporter) or shortens_given_name(credited, reporter) for reporter in reporters)


def not_reporters(byline: Byline, reporters: list[str]) -> tuple[str, ...]:
    """The people `byline` credits as authors of the story who are none of `reporters` (each
    compared as the rule compares a credited name with a reporter: `same_person`, a generational
    suffix the byline writes after a comma kept). A name the byline credits for a part of the work
    ("Photos by B", "translated by B", "compiled by B", "additional reporting by B") is no author's credit, and a
    byline naming no one (a staff credit, "Posted by Web Staff") credits no other person: the
    reporter's byline beside it is the story's."""
    return tuple(name for name in byline.names if not credited_for_a_part(byline.text, name) and not is_reporter(name, byline.text, reporters))


def shortening_bylines(bylines: Sequence[Byline], reporters: Sequence[str]) -> tuple[Byline, ...]:
    """The bylines, in page order, that credit one of `reporters` only with the given name cut to
    its initial (`shortens_given_name`: "By J. Smith, Daily Caller News Foundation" for Jake
    Smith), where no byline writes that reporter's name out: the bylines the rule fails for
    shortening a name, whose names `fix` writes out."""
    credited = _credited_names(bylines)
    cut = _written_short(reporters, [name for _, name in credited])
    found: list[Byline] = []
    for byline, name in credited:
        if byline not in found and any(shortens_given_name(name, reporter) for reporter in cut):
            found.append(byline)
    return tuple(found)


def shortening_credit_lines(doc: Document, check: OriginalBylineParams, ctx: Context, reporters: Sequence[str]) -> tuple[tuple[Block, str, str], ...]:
    """The credit lines (`credit`'s `author` group, outside photo captions) that credit one of
    `reporters` only with the given name cut to its initial ("This story by D. Toktogulov
    originally appeared on Global Voices …" for Daniyar Toktogulov), where no byline or credit
    line writes that reporter's name out: each as (block, the name as the line gives it, the
    reporter's name), in page order; the credit lines whose names `fix` writes out. () without a
    `credit` pattern."""
    if check.credit is None:
        return ()
    lines = _credit_line_names(doc, check, ctx)
    cut = _written_short(reporters, [name for _, name in [*_credited_names(doc.bylines), *lines]])
    return tuple((block, name, reporter) for block, name in lines for reporter in cut if shortens_given_name(name, reporter))


def _credited_names(bylines: Sequence[Byline]) -> list[tuple[Byline, str]]:
    """Each (byline, name) the bylines credit as an author of the story, in page order: not a
    name credited for a part of the work ("Photos by B"), and with a generational suffix the byline
    writes after a comma kept ("Jake Smith, Jr.")."""
    return [(byline, _with_suffix(name, byline.text)) for byline in bylines for name in byline.names if not credited_for_a_part(byline.text, name)]


def _written_short(reporters: Sequence[str], credited: Sequence[str]) -> list[str]:
    """The `reporters` none of the `credited` names writes out (the same name, or the name in full
    with more of it): those a name cut to its initial may stand for."""
    return [reporter for reporter in reporters if not any(_same_key(name, reporter) or _written_out(name, reporter) for name in credited)]


def _compare_institutions(doc: Document, ctx: Context) -> Outcome:
    """`institutions: true`: each author of the original the copy's bylines credit with an
    institution has one of the original's for them."""
    original = ctx.need_original()
    authors = [(name, parts) for byline in original.bylines for name, parts in zip(byline.names, byline.reading.affiliations, strict=False) if parts]
    if not authors:
        return Outcome(True, (), "the original's byline gives no author an institution")
    credited = [(byline, name, parts) for byline in doc.bylines for name, parts in zip(byline.names, byline.reading.affiliations, strict=False)]
    matched = _credited_as([name for name, _ in authors], [name for _, name, _ in credited])
    hits = []
    for name, wanted in authors:
        index = matched.get(name)
        if index is None:
            continue
        if not credited[index][2]:
            # Credited without one in the bylines: the author note, if it names one, is compared.
            unlike = _unlike_note(doc, name, wanted)
            if unlike is not None:
                return unlike
            continue
        byline, _, given = credited[index]
        captures = (("name", name), ("institution", given[0]), ("original_institution", wanted[0]))
        # An institution's name may run over the parts the byline reader splits at its commas
        # ("University of California, Los Angeles"): the parts together are compared too.
        if not any(same_institution(one, other) for one in (*given, " ".join(given)) for other in (*wanted, " ".join(wanted))):
            return Outcome(
                False,
                (),
                f"the byline gives {name} '{given[0]}'; the original gives '{wanted[0]}'",
                doc.locate(byline),
                captures=captures,
            )
        hits.append(Hit(byline.index, doc.locate(byline), byline.text, captures, doc.item_offsets[min(byline.index, len(doc.item_offsets) - 1)]))
    return Outcome(True, tuple(hits), "" if hits else "no author of the original is credited with an institution in the byline")


def _unlike_note(doc: Document, name: str, wanted: tuple[str, ...]) -> Outcome | None:
    """The failure when the author note about `name` (`_note_institutions`) names institutions
    and none is one of the original's for them (`wanted`): "Renata Okafor is an associate
    professor at the Colorado School of Mines." for the original's "Northern Plains University".
    None when no note names one, or one names the original's (a note may name two)."""
    named = _note_institutions(doc, name)
    if not named or any(same_institution(given, other) for _, given in named for other in (*wanted, " ".join(wanted))):
        return None
    block, given = named[0]
    captures = (("name", name), ("institution", given), ("original_institution", wanted[0]))
    return Outcome(False, (), f"the author note gives {name} '{given}'; the original gives '{wanted[0]}'", doc.locate(block), captures=captures)


# An institution a note names after "at", "with" or "from" ("… a lecturer at the Colorado School
# of Mines", "… is with Monash University"): capitalised words, and the lower-case words between
# them an institution's name holds ("of", "for", "and").
_NOTE_INSTITUTION = re.compile(r"\b(?:at|with|from)\s+(?:the\s+)?(?P<institution>[A-Z][\w'’&.-]*(?:\s+(?:(?:of|for|and|de|the)\s+)*[A-Z][\w'’&.-]*)*)")
# An author note among the article's last blocks, as the republish HTML puts it, or right under
# a byline (the byline check's `institution-note` reads the same places).
_NOTE_LAST_BLOCKS = 6
_NOTE_BLOCKS_UNDER = 2
_NOTE_REACH = 200


def _note_institutions(doc: Document, name: str) -> list[tuple[Block, str]]:
    """The institutions the author note about `name` names, with its block: a sentence opening
    with the name, then "is" or a comma, as in "Renata Okafor is a lecturer at Monash
    University."; an organisation's name of two words or more (`is_organisation_phrase`) after
    "at", "with" or "from", within `_NOTE_REACH` characters on its line."""
    opening = re.compile(rf"(?:^|[.!?]\s+){re.escape(name)}(?:\s+is\b|,)", re.IGNORECASE)
    under = {index for byline in doc.bylines for index in range(byline.index + 1, byline.index + 1 + _NOTE_BLOCKS_UNDER)}
    tail = scope_blocks(doc, "article", None, _NOTE_LAST_BLOCKS)
    blocks = [*tail, *(block for block in doc.blocks if block.index in under and block not in tail)]
    named: list[tuple[Block, str]] = []
    for block in blocks:
        for found in opening.finditer(block.text):
            rest = block.text[found.end() :].split("\n", 1)[0][:_NOTE_REACH]
            named.extend(
                (block, m.group("institution").rstrip("."))
                for m in _NOTE_INSTITUTION.finditer(rest)
                if is_organisation_phrase(m.group("institution").rstrip("."))
            )
    return named


# Words an institution's name may have or drop as a matter of style, and abbreviations of its words.
_INSTITUTION_STOPWORDS = frozenset(("the", "of", "at", "and", "for", "in", "de", "del", "des", "du", "di", "la", "le", "der", "y"))
_INSTITUTION_ABBREVIATIONS = {"univ": "university", "uni": "university", "inst": "institute", "coll": "college", "dept": "department", "st": "saint"}


def _institution_words(name: str) -> list[str]:
    """An institution's name as words for comparison: plain letters (`plain_letters`: case
    folded, no diacritics), abbreviations spelt out, without the words style drops ("The", "of")."""
    words = "".join(c if c.isalnum() else " " for c in plain_letters(name)).split()
    spelt = [_INSTITUTION_ABBREVIATIONS.get(word, word) for word in words]
    return [word for word in spelt if word not in _INSTITUTION_STOPWORDS]


def same_institution(one: str, other: str) -> bool:
    """Whether two institutions' names name one institution as style may write it: the same
    words (see `_institution_words`), one's words a run of the other's ("University of Arizona"
    in "Department of Entomology, University of Arizona"), or one the other's initials ("UCLA")."""
    first, second = _institution_words(one), _institution_words(other)
    if not first or not second:
        return True  # nothing to compare: never a difference
    shorter, longer = sorted((first, second), key=len)
    if any(longer[i : i + len(shorter)] == shorter for i in range(len(longer) - len(shorter) + 1)):
        return True
    initials = "".join(word[0] for word in longer)
    return len(shorter) == 1 and len(longer) > 1 and shorter[0] == initials


def original_institutions(ctx: Context) -> tuple[str, ...]:
    """The institutions the original story's bylines give its authors ("UMass Amherst" in the
    author line "Renata Okafor / Associate Professor …, UMass Amherst"), each once; none without
    an original. What the original names as an institution is one in the copy's byline too."""
    if ctx.original is None:
        return ()
    return tuple(dict.fromkeys(part for byline in ctx.original.bylines for parts in byline.reading.affiliations for part in parts))


def is_original_institution(name: str, institutions: tuple[str, ...]) -> bool:
    """Whether a would-be name a byline credits is one of the original's `institutions`, as style
    writes it (`_institution_words`): all of its words, or a run of two or more of them ("Johns
    Hopkins" for "Johns Hopkins University"). A person's name shaped like an institution's short
    name ("Johns Hopkins") is then that institution, after the author's name, never a second author."""
    words = _institution_words(name)
    for institution in institutions:
        full = _institution_words(institution)
        if words == full or (len(words) >= 2 and any(full[i : i + len(words)] == words for i in range(len(full) - len(words) + 1))):
            return True
    return False


def _expected_reporters(ctx: Context) -> tuple[dict[tuple[str, ...], str], str]:
    """The reporters to credit, by `name_key`, and where they come from in words: the original's
    visible bylines, else the `reporter` metadata. Raises `Undecided` without either."""
    expected: dict[tuple[str, ...], str] = {}
    if ctx.original is not None:
        for byline in ctx.original.bylines:
            for name in byline.names:
                expected.setdefault(name_key(name), name)
        if not expected:
            raise Undecided("the original story names no reporter in a visible byline")
        _agrees_with_original(ctx, list(expected.values()))
        return expected, "the original credits"
    if REPORTER_KEY not in ctx.meta:
        raise Undecided(ctx.without_original())  # as every check that compares with an original
    value = ctx.meta[REPORTER_KEY]
    given = " ".join(str(value).split())
    if not given or unreadable_reason(ctx.meta, REPORTER_KEY):
        # Given empty, or as no one value (a mapping, true): said in a note, as for any rule.
        raise MissingMeta(REPORTER_KEY)
    # A list is read element by element: each is at least one person, so none is dropped.
    for element in value.names if isinstance(value, NamesMeta) else (given,):
        for name in reporters_given(element):
            expected.setdefault(name_key(name), name)
    return expected, f"the reporter given ({given_as(value, REPORTER_KEY)}) is"


REPORTER_KEY = "reporter"


def _agrees_with_original(ctx: Context, credited: list[str]) -> None:
    """Raises `Undecided` when the article's `reporter` metadata names other people than the
    original story's bylines (`credited`): which of them the copy must credit is not known, and
    checking one of the two would pass a copy that fails the other. No `reporter`, or one naming
    the same people (in any order, as a byline may write them), is no question."""
    value = ctx.meta.get(REPORTER_KEY)
    given = " ".join(str(value or "").split())
    if not given or unreadable_reason(ctx.meta, REPORTER_KEY):
        return
    named = [name for element in (value.names if isinstance(value, NamesMeta) else (given,)) for name in reporters_given(element)]

    def alike(one: str, other: str) -> bool:  # either way round: "J. Smith" is "Jake Smith" and the other way
        return _same_key(one, other) or any(alike(a, b) for a, b in ((one, other), (other, one)) for alike in (same_person, shortens_given_name))

    if all(any(alike(a, b) for b in named) for a in credited) and all(any(alike(b, a) for a in credited) for b in named):
        return
    raise Undecided(
        f"the article's {given_as(value, REPORTER_KEY)} ({listed(named)}) and the original story ({listed(credited)}) name different reporters: "
        f"correct the '{getattr(value, 'sent_as', '') or REPORTER_KEY}' value, or leave it out to check against the original"
    )


# What parts a list of people written on one line: "A and B", "A & B", "A; B", "A / B", "A, B".
_LIST_SEPARATORS = on_first_use(r"\s*(?:;|/|\||&|\band\b|,)\s*", re.IGNORECASE)
# A generational suffix after a comma ("Jake Smith, Jr."): part of the name before it, not a
# second person or a title to drop.
_SUFFIX_AFTER_COMMA = on_first_use(r",\s*(Jr\.?|Sr\.?|II|III|IV)(?=\s*(?:[,;/|&]|\band\b|$))", re.IGNORECASE)


def reporters_given(value: str) -> tuple[str, ...]:
    """The people a `reporter` value names: a list of people, not a byline ("Jake Smith, Ana
    Ruiz", "Jake Smith and Ana Ruiz", "Jake Smith / Ana Ruiz" name two). A comma parts names only
    when every part reads as a person's name of two words or more, so "Smith, Jake" stays one
    person, and "Jake Smith, Daily Caller News Foundation" is read as a
    byline is (the outlet is no reporter). A suffix stays part of the name: "Jake Smith, Jr." is
    the person "Jake Smith Jr."."""
    return reporters_and_credit(value)[0]


def reporters_and_credit(value: str) -> tuple[tuple[str, ...], str]:
    """The people a `reporter` value names (`reporters_given`), and what else it gives after
    them, as the byline reader reads a byline's credit: the outlet or role ("Reuters" in "Jane
    Doe, Reuters", "Jane Doe of Reuters" or "Jane Doe (Reuters)"; "Staff Writer" in "Jane Doe,
    Staff Writer"); "" for names alone ("Jake Smith, Jr.", "Jake Smith and Ana Ruiz") and for a
    value that reads as no person's name, which is its own one name."""
    value = _SUFFIX_AFTER_COMMA().sub(r" \1", value)
    parts = [part for part in _LIST_SEPARATORS().split(value) if part.strip()]
    if len(parts) > 1 and all(len(part.split()) >= 2 and person_name(part) == part.strip() for part in parts):
        return tuple(part.strip() for part in parts), ""
    reading = read_byline(value) or read_byline(f"By {value}")
    return (reading.names, reading.credit) if reading is not None and reading.names else ((value,), "")


def _with_suffix(name: str, byline: str) -> str:
    """A credited name with the generational suffix its byline writes after a comma ("By Jake
    Smith, Jr., …" credits "Jake Smith Jr."), which the byline reader leaves out of the name."""
    suffix = re.search(re.escape(name) + _SUFFIX_AFTER_COMMA().pattern, byline, re.IGNORECASE)
    return f"{name} {suffix.group(1)}" if suffix else name


def _credited_as(expected: list[str], credited: list[str]) -> dict[str, int]:
    """Which credited name (its index) credits each expected reporter. Each credited name stands
    for one reporter, and exact names are paired first, then names written out, then names with
    the given name cut to its initial (`shortens_given_name`), so that "J. Smith" beside "Jane
    Smith" does not also credit an uncredited "John Smith", and a byline writing the name out is
    the one that credits the reporter."""
    matched: dict[str, int] = {}
    for alike in (_same_key, _written_out, shortens_given_name):
        for name in expected:
            if name in matched:
                continue
            taken = set(matched.values())
            index = next((i for i, given in enumerate(credited) if i not in taken and alike(given, name)), None)
            if index is not None:
                matched[name] = index
    return matched


def _same_key(credited: str, expected: str) -> bool:
    return name_key(credited) == name_key(expected)


def _written_out(credited: str, expected: str) -> bool:
    """`same_person`, with the first given name written out as `expected` writes it."""
    return same_person(credited, expected) and not shortens_given_name(credited, expected)
