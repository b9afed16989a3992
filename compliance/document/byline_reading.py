"""Reading bylines: who is credited, with which affiliation, and whether a person is named at all.

The commonest failure on real republications is a byline that names the outlet instead of the
reporter ("By The Daily Caller", "By Courier Staff") or an emptied template ("By ,"). This module
tells a person's name from an outlet or a staff credit; `bylines` finds the candidates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from compliance.text import normalize_inline

_PREFIX = re.compile(
    r"^(?:(?:written|posted|story|words|reporting|text|report|article|published)\s+)?by\b[:\s]*",
    re.IGNORECASE,
)
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# Bylines often run into the date: "by Derek Willis ProPublica, Oct. 25, 2016".
_TRAILER = re.compile(
    r"(?:[\s,|•·–—-]+(?:(?:published|updated|posted|last updated|on)\b[:\s]*)?"
    rf"(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|"
    # A weekday counts only when a date follows ("Monday, June 5"), so "Thomas Friedman" and
    # "Sunstein" are not cut off as if they began a date.
    rf"\b(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+(?={_MONTHS}|\d)).*$)"
    r"|(?:\s+(?:published|updated)\b.*$)",
    re.IGNORECASE,
)
_SEGMENT_SPLIT = re.compile(r"\s*(?:[|•·]|\s[–—-]\s|,|;)\s*")
_FOR_OF = re.compile(r"\s+(?:for|of|at|with)\s+(?=[A-Z\"'])")
_AND = re.compile(r"\s*(?:\band\b|&)\s*")
_TOKEN = re.compile(r"[^\W\d_][\w'’.\-]*|[^\W\d_]\.", re.UNICODE)

_PARTICLES = frozenset(
    [
        "de",
        "da",
        "das",
        "do",
        "dos",
        "du",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "ter",
        "ten",
        "la",
        "le",
        "al",
        "el",
        "bin",
        "ibn",
        "y",
        "e",
        "di",
        "st.",
        "st",
    ]
)
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "md"})
_ROLE_NOUNS = frozenset(
    [
        # Academic titles: The Conversation's bylines are "Name, Associate Professor of X, University".
        "professor",
        "lecturer",
        "researcher",
        "scientist",
        "dean",
        "scholar",
        "student",
        "candidate",
        "economist",
        "historian",
        "instructor",
        "postdoctoral",
        "contributor",
        "contributors",
        "contributing",
        "reporter",
        "reporters",
        "writer",
        "writers",
        "correspondent",
        "correspondents",
        "columnist",
        "columnists",
        "editor",
        "editors",
        "director",
        "producer",
        "fellow",
        "intern",
        "analyst",
        "journalist",
        "journalists",
        "photographer",
        "photographers",
        "staff",
        "author",
        "authors",
        "chief",
        "critic",
        "anchor",
        "host",
        "commentator",
    ]
)
# Words that may precede a role noun ("Senior White House Correspondent"); unlike role nouns they
# can also be surnames, so they only count after a name, never inside one.
_ROLE_WORDS = _ROLE_NOUNS | frozenset(
    [
        "senior",
        "junior",
        "managing",
        "executive",
        "associate",
        "assistant",
        "deputy",
        "editorial",
        "investigative",
        "political",
        "politics",
        "energy",
        "health",
        "education",
        "environment",
        "environmental",
        "climate",
        "national",
        "international",
        "foreign",
        "business",
        "economics",
        "economy",
        "science",
        "technology",
        "tech",
        "sports",
        "culture",
        "opinion",
        "legal",
        "courts",
        "justice",
        "data",
        "audience",
        "digital",
        "news",
        "general",
        "white",
        "house",
        "capitol",
        "congressional",
        "statehouse",
        "state",
        "local",
        "metro",
        "features",
        "special",
        "guest",
        "freelance",
        "freelancer",
        "visiting",
        "emeritus",
        "former",
    ]
)
_ORG_WORDS = frozenset(
    [
        "news",
        "newswire",
        "foundation",
        "staff",
        "press",
        "times",
        "daily",
        "caller",
        "tribune",
        "conversation",
        "media",
        "associated",
        "reports",
        "report",
        "editorial",
        "board",
        "wire",
        "desk",
        "team",
        "magazine",
        "journal",
        "post",
        "herald",
        "gazette",
        "newsroom",
        "network",
        "service",
        "services",
        "agency",
        "radio",
        "inc",
        "inc.",
        "llc",
        "center",
        "centre",
        "institute",
        "university",
        "college",
        "kff",
        "khn",
        "propublica",
        "calmatters",
        "courier",
        "observer",
        "chronicle",
        "digest",
        "weekly",
        "bureau",
        "reuters",
        "ap",
        "afp",
        "getty",
        "images",
        "writers",
        "editors",
        "reporters",
        "contributors",
        "admin",
        "administrator",
        "webmaster",
        "guest",
        "online",
        "digital",
        "tv",
        "public",
        "voices",
        "stateline",
        "19th",
        "mirror",
        "record",
        "review",
        "independent",
        "examiner",
        "dispatch",
        "sentinel",
        "bulletin",
        "ledger",
        "telegraph",
        "inquirer",
        "standard",
        "monitor",
        "register",
        "enterprise",
        "nonprofit",
        "council",
        "committee",
        "department",
        "office",
        "organization",
        "association",
        "society",
        "project",
        "collective",
        "alliance",
        "coalition",
        "partners",
        "partnership",
        "group",
        "company",
        "corporation",
        "corp",
        "publishing",
        "publications",
        "publication",
        "broadcasting",
        "television",
        "channel",
        "insider",
        "wires",
        "syndicate",
    ]
)
# Words that end newspaper names after a place name. Kept apart from _ORG_WORDS: only as the last
# word of a would-be name do they mark an outlet ("Maine Morning Star"); "Sun" is left out because
# it is also a surname.
_OUTLET_ENDINGS = frozenset(
    """report star times news post tribune herald journal gazette press observer chronicle sentinel
    examiner monitor record review dispatch bulletin ledger telegraph inquirer standard register
    courier mirror digest weekly daily magazine advance beacon banner citizen leader eagle globe
    independent messenger reporter voice watch""".split()
)
_STAFF_WORDS = frozenset(["staff", "team", "desk", "editors", "reporters", "writers", "contributors", "wire", "wires", "board", "newsroom", "admin"])
_FILLER = frozenset({"on", "at", "in", "the", "a", "an", "and", "&", "for", "of", "with", "from"})


@dataclass(frozen=True, slots=True)
class BylineReading:
    """What a byline says: the people it names, the rest of the credit, and what is wrong with it."""

    names: tuple[str, ...]
    credit: str
    problem: str | None

    @property
    def names_person(self) -> bool:
        """True when at least one person is credited by name."""
        return bool(self.names)


def _tokens(text: str) -> list[str]:
    return text.split()


def _is_name_token(token: str) -> bool:
    core = token.strip(".,'’\"")
    if not core or len(core) > 24:
        return False
    if core.lower() in _ORG_WORDS or core.lower() in _ROLE_NOUNS:
        return False
    if not core[0].isupper():
        return False
    return all(ch.isalpha() or ch in "'’-." for ch in core)


def person_name(text: str) -> str | None:
    """The text as a person's name ("Jake Smith", "María de la Cruz", "J. R. Smith Jr."), or None.

    A name has two to five tokens, starts and ends with a capitalised word, may contain particles
    (de, van, al) and ends with an optional suffix; outlet and role words ("News", "Staff",
    "Reporter") and a leading "The" rule it out.
    """
    tokens = _tokens(text.strip(" .,;:|"))
    while tokens and tokens[-1].lower().strip(",") in _SUFFIXES and len(tokens) > 2:
        tokens = tokens[:-1]
    if not 2 <= len(tokens) <= 5 or tokens[0].lower() == "the":
        return None
    if tokens[-1].lower().strip(".,") in _OUTLET_ENDINGS:
        return None  # "Fort Worth Report", "Maine Morning Star": a place and a newspaper word
    if not (_is_name_token(tokens[0]) and _is_name_token(tokens[-1])):
        return None
    for token in tokens[1:-1]:
        if not (_is_name_token(token) or token.lower() in _PARTICLES):
            return None
    if all(len(t.strip(".")) == 1 for t in tokens):
        return None
    return " ".join(t.strip(",;:") for t in _tokens(text.strip(" .,;:|")))


def _is_credit_tail(tail: list[str]) -> bool:
    words = [t.lower().strip(".,") for t in tail]
    allowed = _ROLE_WORDS | _ORG_WORDS | _FILLER
    return bool(words) and (words[-1] in _ROLE_NOUNS or words[-1] in _ORG_WORDS) and all(w in allowed for w in words)


def _split_name_and_role(segment: str) -> tuple[str, str] | None:
    """ "Jake Smith Energy Reporter" → ("Jake Smith", "Energy Reporter"); shortest name first."""
    tokens = _tokens(segment)
    for cut in range(2, min(len(tokens) - 1, 5) + 1):
        head, tail = tokens[:cut], tokens[cut:]
        # "Fort Worth Report" is an outlet, not "Fort Worth" of the "Report".
        newspaper_word = len(tail) == 1 and tail[0].lower().strip(".,") in _OUTLET_ENDINGS - _ROLE_NOUNS
        # "Delta Beacon Staff" is a staff credit, not a reporter called Delta Beacon.
        staff_only = all(t.lower().strip(".,") in _STAFF_WORDS for t in tail)
        if _is_credit_tail(tail) and not newspaper_word and not staff_only:
            name = person_name(" ".join(head))
            if name:
                return name, " ".join(tail)
    return None


def _names_in(segment: str) -> list[str] | None:
    """All people named in one comma-free segment ("A and B"), or None if it is not only names."""
    parts = [p for p in _AND.split(segment) if p]
    names: list[str] = []
    for part in parts:
        name = person_name(part)
        if name is None:
            return None
        names.append(name)
    return names or None


def _is_empty(text: str) -> bool:
    words = [w for w in re.split(r"[\s,.;:|•·–—\-]+", text) if w]
    return all(w.lower() in _FILLER for w in words)


def _looks_like_credit(credit: str) -> bool:
    """An outlet or a role ("Daily Caller News Foundation", "Energy Reporter"), not a clause of prose."""
    words = [w.strip(".,'\"") for w in credit.replace(",", " ").split()]
    if not words or len(words) > 8:
        return False
    allowed = _ROLE_WORDS | _ORG_WORDS | _FILLER
    return all(w and (w[0].isupper() or w[0].isdigit() or w.lower() in allowed) for w in words)


def read_byline(text: str, *, require_prefix: bool = False) -> BylineReading | None:
    """Read a byline's text, or None when the text does not look like a byline at all.

    `require_prefix` is for plain paragraphs: they count only when they start with "By" or have
    the shape "Name Role" / "Name, Outlet"; text from byline markup is read as a byline anyway.
    """
    text = normalize_inline(text)
    if not text or len(text) > 160:
        return None
    stripped = _PREFIX.sub("", text, count=1)
    had_prefix = stripped != text
    # "By , Fort Worth Report": a CMS template whose name slot is empty, followed by the outlet.
    name_slot_empty = had_prefix and stripped[:1] in (",", "|", ";")
    stripped = _TRAILER.sub("", stripped).strip(" ,.;:|•·–—-")
    if _is_empty(stripped) or name_slot_empty:
        return _empty_reading(stripped, had_prefix=had_prefix, require_prefix=require_prefix)

    names, credit = _names_and_credit(stripped)

    if names:
        if require_prefix and not had_prefix and (not credit or not _looks_like_credit(credit)):
            # A bare "Jane Doe" paragraph, or "Maria Lopez, a nurse in Fresno, said ...", is prose.
            return None
        return BylineReading(tuple(names), credit, None)
    if require_prefix and not had_prefix:
        return None
    lowered = {w.lower().strip(".,") for w in stripped.split()}
    problem = "staff" if lowered & _STAFF_WORDS else "outlet"
    return BylineReading((), credit or stripped, problem)


def _empty_reading(stripped: str, *, had_prefix: bool, require_prefix: bool) -> BylineReading | None:
    """A byline that names nobody and no outlet ("By ,"), or None for a plain paragraph."""
    if had_prefix or not require_prefix:
        return BylineReading((), "" if _is_empty(stripped) else stripped, "empty")
    return None


def _names_and_credit(stripped: str) -> tuple[list[str], str]:
    """The people a byline names, and the rest of its credit joined by ", "."""
    names: list[str] = []
    credit_parts: list[str] = []
    head, *for_credit = _FOR_OF.split(stripped, maxsplit=1)
    for segment in _SEGMENT_SPLIT.split(head):
        if not segment:
            continue
        if not credit_parts:
            found = _names_in(segment)
            if found is not None:
                names.extend(found)
                continue
            # Only the first segment may be "Name Role": after a comma, "Arizona State University"
            # is an affiliation, not a person called Arizona State.
            split = _split_name_and_role(segment) if not names else None
            if split is not None:
                names.append(split[0])
                credit_parts.append(split[1])
                continue
        credit_parts.append(segment)
    credit_parts.extend(part.strip(" .") for part in for_credit)
    return names, ", ".join(credit_parts)
