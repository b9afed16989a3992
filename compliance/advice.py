"""How a message tells its reader to give what a check lacks — a metadata value, the original
story, a pack — in the words of where the message is read: the command line's options, the HTTP
API's query parameters and payload fields, or the editor's page's fields.

The engine and the checks write every such remedy through the one `Advice` their caller chose
(`engine.CheckSettings.advice`; the command line's, `COMMAND_LINE_ADVICE`, by default), so that an API
client is never told to add `--meta`, nor an editor on the page to pass `--original FILE`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from compliance.errors import OriginalUnavailable

Surface = Literal["command line", "api", "page"]

# How to give the original story, as the command line's `no-original` note says it.
GIVE_ORIGINAL = "give it with --original FILE or the 'original' metadata key"
# A value's placeholder in a remedy ("--meta reporter=..."): the page names the field instead.
_PLACEHOLDERS = ("...", "…", "URL", "NAME", "TEXT", "VALUE")
# Where the API's client sends an original story's saved page: the editor's page's form.
_API_ORIGINAL_FILE = "send its saved page as original_file in the editor's page's form (POST /)"

# What to do about an original's URL when fetching is off: on the command line; in a request to
# `syndcheck serve`, whose client can add no option and give no file (the server reads none); on
# the editor's page.
NOT_FETCHED = "add --allow-fetch to fetch it, or save the page and give its file"
NOT_FETCHED_BY_THE_SERVER = (
    "this server does not fetch pages, so the copy is not compared with it: its operator can start it with --allow-fetch,"
    " or send the original's saved page as original_file in the editor's page's form (POST /)"
)
_NOT_FETCHED_ON_THE_PAGE = (
    "this server does not fetch pages, so the copy is not compared with it: save the original story's page and upload it as the Original story file,"
    " or start the server with --allow-fetch"
)
# Why an original named by a path where only URLs are read (a CMS payload on the command line; a
# request's article, payload or metadata on the server) is not read, and what to do instead.
NOT_A_WEB_ADDRESS = "a CMS payload names the original story only by its http(s) URL, never a file; give the file with --original FILE, or the original's URL"
NOT_A_FILE_FOR_THE_SERVER = (
    "the server reads no file a request names: give the original story's http(s) URL as meta.original"
    f" (fetched when the server runs with --allow-fetch), or {_API_ORIGINAL_FILE}"
)


@dataclass(frozen=True, slots=True)
class Advice:
    """The words of one surface for giving what a check lacks.

    `surface`: where the message is read. `fields` (the page only): each metadata key the page has
    a field for, with the field's label (`("reporter", "Reporter")`); a key without one is a line
    of its "Other metadata". `fetches`: the server fetches an original story named by its URL
    (`syndcheck serve --allow-fetch`), so the page may offer its Original URL for it."""

    surface: Surface = "command line"
    fields: tuple[tuple[str, str], ...] = ()
    fetches: bool = False
    # Where the article's own metadata names the original story, when it does and no option or
    # request names another: "the article's front matter", "the article's metadata file". A remedy
    # for an original that is not this copy's points there first (`for_article_naming_original`).
    original_named_in: str = ""

    def for_article_naming_original(self, named_in: str) -> Advice:
        """This advice for an article whose own metadata (`named_in`: its front matter, its
        metadata file) names the original story."""
        return replace(self, original_named_in=named_in)

    def give(self, key: str, value: str = "...", *, it: bool = True) -> str:
        """How to give the metadata `key` (`value`: what to give, or a placeholder such as `...`),
        as a clause that starts with its verb: "give it with --meta reporter=..." (`it`: the
        value was named before), "give --meta medium=online"; the API's `meta.KEY=VALUE` (a query
        parameter, or a key of the payload's `meta`); the page's field ("give it in the Reporter field", "set the
        Published field to online") or a line of its Other metadata."""
        if self.surface == "api":
            # `meta.KEY=VALUE`: the query parameter, and the key of the payload's `meta` object.
            return f"give {'it as ' if it else ''}meta.{key}={value}"
        if self.surface == "page":
            label = dict(self.fields).get(key.replace("-", "_"))
            if label is None:
                return f"give {'it ' if it else ''}as a line {key}={'…' if value == '...' else value} under Other metadata"
            if value in _PLACEHOLDERS:
                return f"give {'it in ' if it else ''}the {label} field"
            return f"set the {label} field to {value}"
        return f"give {'it with ' if it else ''}--meta {key}={value}"

    def give_original(self) -> str:
        """How to give the original story a rule compares the copy with (the `no-original` note's
        remedy): `GIVE_ORIGINAL` on the command line."""
        if self.surface == "api":
            return f"give its http(s) URL as meta.original (fetched when the server runs with --allow-fetch), or {_API_ORIGINAL_FILE}"
        if self.surface == "page":
            return "upload the original story's saved page as the Original story file" + (", or give its Original URL" if self.fetches else "")
        return GIVE_ORIGINAL

    def give_own_original(self) -> str:
        """How to give this copy's own original story in place of one that is not it (another
        publisher's story, another story): "give this copy's own original with --original FILE or
        the 'original' metadata key" on the command line."""
        correct = f"correct the 'original' that {self.original_named_in} gives, or " if self.original_named_in else ""
        if self.surface == "api":
            fetched = "(fetched when the server runs with --allow-fetch)"
            return f"{correct}give this copy's own original: its http(s) URL as meta.original {fetched}, or {_API_ORIGINAL_FILE}"
        if self.surface == "page":
            upload = "upload this copy's own original story's saved page as the Original story file"
            return correct + upload + (", or give its Original URL" if self.fetches else "")
        if correct:
            return f"{correct}give this copy's own original with --original FILE"
        return "give this copy's own original with --original FILE or the 'original' metadata key"

    def give_original_instead(self) -> str:
        """How to give the original story in place of a value it holds (the original's headline):
        "give the original story with --original" on the command line."""
        if self.surface == "api":
            return "give the original story's URL as meta.original (fetched when the server runs with --allow-fetch)"
        if self.surface == "page":
            return "upload the original story's saved page as the Original story file"
        return "give the original story with --original"

    def give_story_itself(self) -> str:
        """How to give the original story's text when only its address was given (an
        `original_url`): the story itself, not the link to it."""
        if self.surface == "api":
            return f"give the story itself: its URL as meta.original (fetched when the server runs with --allow-fetch), or {_API_ORIGINAL_FILE}"
        if self.surface == "page":
            return "upload the original story's saved page as the Original story file" + (", or give its Original URL" if self.fetches else "")
        return "give the story itself with --original FILE, or its URL as the 'original' metadata key with --allow-fetch"

    def original_not_read(self, unavailable: OriginalUnavailable) -> str:
        """Why the original story named was not read (`unavailable`), with what to do instead
        where that depends on the surface: a URL not fetched, a file the reader may not read."""
        if unavailable.remedy == "not-fetched":
            return f"{unavailable.subject} is a URL; {self._not_fetched()}"
        if unavailable.remedy == "not-a-file":
            return f"'{unavailable.subject}': {self._not_a_file()}"
        return unavailable.reason

    def _not_fetched(self) -> str:
        if self.surface == "api":
            return NOT_FETCHED_BY_THE_SERVER
        if self.surface == "page":
            return _NOT_FETCHED_ON_THE_PAGE
        return NOT_FETCHED

    def _not_a_file(self) -> str:
        if self.surface == "api":
            return NOT_A_FILE_FOR_THE_SERVER
        if self.surface == "page":
            return f"the server reads no file an article names: {self.give_original()}"
        return NOT_A_WEB_ADDRESS

    def name_pack(self, pack: str) -> str:
        """How to have the copy checked against the pack `pack` by name, whatever its detection
        markers say: "check it against the pack by name (--pack slow)" on the command line; the
        request's `pack` query parameter or payload `packs` for the API; the page's Packs box."""
        if self.surface == "api":
            return f'check it against the pack by name (the query\'s pack={pack}, or "packs": ["{pack}"] in the payload)'
        if self.surface == "page":
            return f"tick the {pack} pack under Packs and check it again"
        return f"check it against the pack by name (--pack {pack})"

    def packs_listed(self) -> str:
        """Where the reader finds the packs there are: "'syndcheck packs' lists them"."""
        if self.surface == "api":
            return "GET /v1/packs lists them"
        if self.surface == "page":
            return "the page lists them under Packs"
        return "'syndcheck packs' lists them"


COMMAND_LINE_ADVICE = Advice()
API_ADVICE = Advice("api")

__all__ = [
    "API_ADVICE",
    "COMMAND_LINE_ADVICE",
    "GIVE_ORIGINAL",
    "NOT_A_FILE_FOR_THE_SERVER",
    "NOT_A_WEB_ADDRESS",
    "NOT_FETCHED",
    "NOT_FETCHED_BY_THE_SERVER",
    "Advice",
    "Surface",
]
