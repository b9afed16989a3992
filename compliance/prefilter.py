"""The literal prefilter of detection: which markers can possibly fire on a page, from one pass of
a multi-pattern matcher over the page's text, before any document model is built.

Every marker gets the words that must occur on a page for it to pass, derived from what the
pack already says (a pattern's required literal text, a selector's id or class, an exact URL);
a marker whose words cannot be derived gets none and is always evaluated. The page's words are
searched in one pass of a multi-literal matcher (`compliance.wordsearch`: Hyperscan where it
installs, else an Aho-Corasick automaton) over:

- the page's markup (tags, comments, scripts and styles) with character references decoded as
  in attribute values (hosts, `src`, `alt`, `<meta content>`),
- its text nodes joined, decoded as text (so that "<b>Pro</b>Publica" reads "ProPublica", as the
  document's blocks do), and
- that text around the text nodes inside a word, read with them hidden (the page's CSS may hide
  an element there: "Pro<span hidden>x</span>Publica" reads "ProPublica" to a reader),

(a Markdown page: its source, its lines as a reader reads them, and those lines read as HTML as
above when they hold inline HTML or character references, which Markdown renders), all folded
by `fold`: letter case, look-alike letters of other scripts read as the Latin letters they
imitate, invisible format characters (soft hyphens, zero-width characters, bidirectional marks
and controls: `compliance.text.is_invisible_format`) dropped, typographic quotes read as ASCII
quotes, and every other character outside ASCII read as a word break. The words are folded
the same way, so a word that occurs in anything full detection reads occurs in the folded page.
Only markers whose words occur are evaluated; a page on which no marker and no publisher's own
site can match skips the document model altogether (see docs/performance.md).
"""

from __future__ import annotations

import codecs
import functools
import itertools
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from compliance.checks import Check
from compliance.findings import Detection
from compliance.firstuse import on_first_use
from compliance.lookalike import latin_letter
from compliance.packs import Pack
from compliance.patterns import Pattern
from compliance.text import is_invisible_format, normalize
from compliance.urls import is_http_url, url_host
from compliance.wordsearch import WordSearch, adopt_serialized, serialized

# --------------------------------------------------------------------------------------------
# Folding: one function of each character, applied alike to the page and to the words
# --------------------------------------------------------------------------------------------

# ASCII control characters, which text normalisation drops (the information separators \x1c-\x1f
# among them: `compliance.text`).
_ASCII_CONTROLS = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
# ASCII letters in lower case, in one table (one pass over the page).
_ASCII_TABLE = bytes.maketrans(bytes(range(0x41, 0x5B)), bytes(range(0x61, 0x7B)))


@functools.lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    """What one character outside ASCII reads as: ASCII letters, a quote, nothing or a space."""
    if is_invisible_format(char):
        # A character a reader never sees (soft hyphen, zero-width space, a bidirectional mark:
        # detection reads the text without them): a word runs on across it.
        return ""
    normal = normalize(char)
    if normal.isascii():
        # Typographic quotes become ASCII quotes, Unicode spaces a space.
        return normal or " "
    if not char.isalpha():
        return " "
    latin = latin_letter(char)
    if latin != char and latin.isascii():
        # A look-alike letter of another script: full detection reads it as this Latin letter.
        return latin.lower()
    folded = char.casefold()
    # The Kelvin sign and the long s match 'k' and 's' when a pattern ignores case.
    if folded.isascii() and folded.isalpha():
        return folded
    return " "


@functools.lru_cache(maxsize=4096)
def _fold_run(run: str) -> str:
    return "".join(_fold_char(c) for c in run)


def _fold_errors(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return _fold_run(error.object[error.start : error.end]), error.end


_ERRORS = "syndcheck-prefilter-fold"
# The typographic characters of most English pages, replaced before encoding (a C scan each)
# rather than one call of the error handler each.
_FREQUENT = (("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2018", "'"), ("\u2014", " "), ("\u2013", "-"), ("\u00a0", " "))


@functools.cache
def _register_errors() -> None:
    codecs.register_error(_ERRORS, _fold_errors)


def fold(text: str, *, keep: bytes = b"") -> bytes:
    """`text` as the prefilter compares it: ASCII bytes, lower case, look-alike letters read as
    Latin ones, invisible characters dropped and any other character outside ASCII a space
    (the control characters in `keep` are kept)."""
    if not text.isascii():
        _register_errors()
        for char, replacement in _FREQUENT:
            if char in text:
                text = text.replace(char, replacement)
    return _fold_ascii(text.encode("ascii", _ERRORS), keep)


def fold_utf8(data: bytes, *, keep: bytes = b"") -> bytes:
    """`fold` of the text whose UTF-8 encoding is `data` (lone surrogates encoded with
    surrogatepass): ASCII, as most of a page's markup is, is folded without being decoded."""
    if data.isascii():
        return _fold_ascii(data, keep)
    # Pages hold few characters outside ASCII, and few kinds of them: each of those is folded
    # once, and the page in one translation of its bytes (`_translation`), which costs about half
    # as much as decoding it, folding it as text and encoding it again.
    outside = data.translate(None, _ASCII)
    translation = _translation(frozenset(outside.decode("utf-8", "surrogatepass")), keep)
    if translation is None:
        return _fold_decoding(data, keep)
    replaced, table, delete = translation
    for encoded, folded in replaced:
        if encoded in data:
            data = data.replace(encoded, folded)
    return data.translate(table, delete)


_ASCII = bytes(range(0x80))
_OUTSIDE_ASCII = bytes(range(0x80, 0x100))
# A character replaced before the translation costs a pass over the page: more than this many
# (a page in a script whose letters share their UTF-8 bytes, Chinese or Greek) are read by
# decoding the page instead.
_MAX_REPLACED = 8


@functools.lru_cache(maxsize=256)
def _translation(characters: frozenset[str], keep: bytes) -> tuple[tuple[tuple[bytes, bytes], ...], bytes, bytes] | None:
    """How to fold UTF-8 holding these characters outside ASCII by `bytes.translate`: the
    characters to replace first (their UTF-8, their folding), the table and the bytes to delete;
    None when too many characters must be replaced.

    UTF-8 is self-synchronising: a character's bytes are a lead byte (0xC0-0xFF) and continuation
    bytes (0x80-0xBF), and no character's bytes occur inside another's. A character that folds to
    at most one byte is its last byte read as that byte, its other bytes deleted; that holds for
    all the page's characters together while no byte is the last of two characters that fold
    apart, or the last of one and another's lead or middle byte ('©' and 'é' end alike, and fold
    alike; a soft hyphen and 'í' end alike and fold apart). Characters that do not fit are
    replaced before the translation (the folding is ASCII, which the translation leaves as it is)."""
    table = bytearray(_dropping_table(keep))
    delete = bytearray(control for control in _ASCII_CONTROLS if control not in keep)
    last: dict[int, bytes] = {}  # a byte that ends characters, and what it reads as
    inner: set[int] = set()  # bytes that start or continue characters
    replaced: list[tuple[bytes, bytes]] = []
    for character in sorted(characters):
        encoded, folded = _character_folding(character, keep)
        end, others = encoded[-1], set(encoded[:-1])
        if len(folded) > 1 or end in inner or end in others or others & last.keys() or last.get(end, folded) != folded:
            replaced.append((encoded, folded))
            if len(replaced) > _MAX_REPLACED:
                return None
            continue
        last[end] = folded
        inner |= others
    read = bytes(byte for byte, reads_as in last.items() if reads_as)
    for byte in read:
        table[byte] = last[byte][0]
    # Every other byte outside ASCII is deleted (deleted in C, not tested in a loop of 128).
    delete += _OUTSIDE_ASCII.translate(None, read)
    return tuple(replaced), bytes(table), bytes(delete)


@functools.lru_cache(maxsize=8192)
def _character_folding(character: str, keep: bytes) -> tuple[bytes, bytes]:
    """A character's UTF-8 and its `fold`, remembered by character: pages seen for the first time
    hold sets of characters not seen together before (a name with 'ễ' in the text but not in the
    markup), and `_translation` of each new set reads mostly characters it has read before."""
    return character.encode("utf-8", "surrogatepass"), fold(character, keep=keep)


def _fold_decoding(data: bytes, keep: bytes) -> bytes:
    """`fold_utf8` by decoding `data`: its ASCII stretches are folded without being decoded."""
    stretches = _stretches(data)
    if len(stretches) == 1:
        return fold(data.decode("utf-8", "surrogatepass"), keep=keep)
    # Folding reads each character alone, so the stretches are folded apart and joined.
    return b"".join(
        _fold_ascii(data[start:end], keep) if ascii else fold(data[start:end].decode("utf-8", "surrogatepass"), keep=keep) for start, end, ascii in stretches
    )


# A page's markup is mostly ASCII even where a description or a script holds a typographic
# quote: cut into stretches of this many bytes, its ASCII ones are folded by one translation
# each, without being decoded and encoded again (more than twice the cost a byte).
_FOLD_STRETCH = 4096


def _stretches(data: bytes) -> list[tuple[int, int, bool]]:
    """`data` cut into stretches of `_FOLD_STRETCH` bytes, and neighbours alike (ASCII or not)
    joined again: (start, end, whether it is ASCII), in order. Each ends at a character's end:
    a cut inside a character leaves bytes of it on both sides, neither side ASCII."""
    found: list[tuple[int, int, bool]] = []
    for start in range(0, len(data), _FOLD_STRETCH):
        end = min(start + _FOLD_STRETCH, len(data))
        ascii = data[start:end].isascii()
        if found and found[-1][2] == ascii:
            found[-1] = (found[-1][0], end, ascii)
        else:
            found.append((start, end, ascii))
    return found


@functools.cache
def _dropping_table(keep: bytes) -> bytes:
    """`_ASCII_TABLE` with each control character to drop (those of `_ASCII_CONTROLS` not in
    `keep`) read as NUL, which is one of them."""
    table = bytearray(_ASCII_TABLE)
    for control in _ASCII_CONTROLS:
        if control not in keep:
            table[control] = 0
    return bytes(table)


def _fold_ascii(data: bytes, keep: bytes) -> bytes:
    if 0 in keep:
        return data.translate(_ASCII_TABLE, _ASCII_CONTROLS.translate(None, keep))
    # bytes.translate without characters to delete takes a quarter fewer instructions than one
    # that deletes some (a table look-up a byte, without the test and branch): the controls to
    # drop are read as NUL, and NULs, which pages hardly ever hold, removed once memchr finds one.
    folded = data.translate(_dropping_table(keep))
    if 0 in folded:
        folded = folded.replace(b"\0", b"")
    return folded


# --------------------------------------------------------------------------------------------
# Words of a pattern, a check, a marker
# --------------------------------------------------------------------------------------------

# What a check needs on a page: any one of several alternatives, each a set of words that must
# all occur (None: nothing can be said, the check is always evaluated).
Words = frozenset[bytes]
Need = frozenset[Words]

# More alternatives than this are not worth keeping apart: fewer requirements are kept instead.
_MAX_ALTERNATIVES = 16
# Short words occur everywhere and cost a match each; a longer word of the same need is enough.
_MIN_WORD = 4
_KEEP_WORDS = 3
# Words on nearly every news page (in its text, markup or URLs): never the telling word of a need,
# and not worth a match each.
_COMMON = frozenset(
    b"the this that was and for from with are has have its his her our you your not but all any can will one new "
    b"http https www html content article news story first published post report piece source: logo national "
    b"through following originally republished reprinted produced appeared permission".split()
)
_LETTERS_AND_DIGITS = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789")


def _words_of(literal: str) -> list[bytes]:
    """The folded words of a literal (a word never spans a space or other break)."""
    return [w for w in fold(literal).split() if w]


def _need_words(words: Iterable[bytes]) -> Need | None:
    """All of these words (the short ones dropped when a longer one remains)."""
    words = set(words)
    if not words:
        return None
    long = {w for w in words if len(w) >= _MIN_WORD}
    # The longest short word, the first in byte order among equally long ones: never the order
    # in which a set of bytes happens to iterate (it moves with the hash seed).
    return frozenset([frozenset(long or {min(words, key=_longest_first)})])


def _longest_first(word: bytes) -> tuple[int, bytes]:
    """Sort key: longer words first, then byte order (a fixed order, whatever the hash seed)."""
    return -len(word), word


def _sharing(alternatives: Iterable[Words]) -> dict[bytes, int]:
    """In how many of the alternatives each word occurs: a word many of them share (a
    publisher's name beside each branch's wording) tells more than one branch's own word."""
    shared: dict[bytes, int] = {}
    for alternative in alternatives:
        for word in alternative:
            shared[word] = shared.get(word, 0) + 1
    return shared


def _trimmed(need: Need | None) -> Need | None:
    """Each alternative kept to a few of its telling words: any of them missing rules it out, and
    common words ("the", "http") only cost matches."""
    if need is None:
        return None
    shared = _sharing(need)

    def keep(alternative: Words) -> Words:
        telling = [w for w in alternative if len(w) > 2 and w not in _COMMON and any(c in _LETTERS_AND_DIGITS for c in w)]
        # Longest first; among equally long words those more alternatives share, then byte order.
        ordered = sorted(telling or alternative, key=lambda w: (-len(w), -shared[w], w))
        # A word much shorter than the longest ("ran" beside "calmatters") mostly matches inside others.
        return frozenset(w for w in ordered[:_KEEP_WORDS] if 2 * len(w) >= len(ordered[0]))

    return frozenset(keep(alternative) for alternative in need)


def _strength(need: Need) -> tuple[int, int]:
    """How well a need filters: fewer alternatives first (a publisher's name is one of a few
    spellings, a credit line's wording one of many), then its weakest alternative's longest word."""
    return (-len(need), min(max(len(w) for w in alternative) for alternative in need))


def _all_of(needs: Iterable[Need | None]) -> Need | None:
    """Every one of several needs: their alternatives combined. A need that would make too many
    alternatives adds only the words all of its alternatives share (`_shared_words`: a
    publisher's name before each of a credit line's endings), or is left out when they share
    none, the weakest first (a page that lacks one of the rest fails anyway)."""
    # Strongest first; equally strong needs in a fixed order of their words (`_canonical`), so
    # that which are left out depends neither on the order given nor on the hash seed.
    found = sorted((n for n in needs if n), key=lambda n: (_strength(n), _canonical(n)), reverse=True)
    combined: Need | None = None
    for need in found:
        if combined is None:
            combined = need
            continue
        if len(combined) * len(need) > _MAX_ALTERNATIVES:
            shared = _shared_words(need)
            if not shared:
                continue
            need = frozenset([shared])
        combined = frozenset(a | b for a in combined for b in need)
    return combined


def _shared_words(need: Need) -> Words:
    """The words of a need that every one of its alternatives holds, itself or inside a longer
    word ("conversation" inside "conversation,"): the search finds words as runs of bytes, so
    a page that meets any alternative holds each of them."""
    candidates = frozenset().union(*need)
    return frozenset(word for word in candidates if all(any(word in held for held in alternative) for alternative in need))


def _canonical(need: Need) -> list[list[bytes]]:
    """A need's alternatives and their words in byte order: a total order of needs, fixed
    whatever the hash seed (a frozenset iterates in an order that moves with it)."""
    return sorted(sorted(alternative) for alternative in need)


def _most_telling(alternative: Words, shared: dict[bytes, int]) -> list[bytes]:
    """An alternative's words, the most telling of a page first: one on every news page
    (`_COMMON`) last, then by length, then those more alternatives share, then in byte order."""
    return sorted(alternative, key=lambda w: (w in _COMMON, -len(w), -shared[w], w))


def _one_of(needs: Sequence[Need | None]) -> Need | None:
    """Any one of several needs; one that cannot be said makes the whole unknown."""
    if not needs or any(not n for n in needs):
        return None
    alternatives = frozenset().union(*(n for n in needs if n))
    if len(alternatives) > _MAX_ALTERNATIVES:
        # Each alternative kept to its few most telling words, the longest not on every news
        # page (a publisher's name, not "published"): still one of them must occur, and a
        # publisher's name beside a verb ("voices" beside "republi") is what rules pages out.
        # Equally telling words are chosen by a fixed order (`_most_telling`), never by the
        # order a frozenset iterates in, which moves with the hash seed.
        shared = _sharing(alternatives)
        alternatives = frozenset(frozenset(_most_telling(a, shared)[:_KEEP_WORDS]) for a in alternatives)
    return alternatives


# `\p{L}` and `\P{L}` (the `regex` package's Unicode properties) read as the classes `\w` and
# `\W` for the standard parser: one character either way, no literal.
_PROPERTY = on_first_use(r"(?<!\\)((?:\\\\)*)\\([pP])(\{[^}]*\}|[A-Za-z])")


# The words of each pattern read so far, by its regex text. Stored with the validated packs in the
# pack cache (`derived_words`), so that a warm start parses no pack regex to find its words.
_PATTERN_WORDS: dict[str, Need | None] = {}
_MAX_PATTERNS = 4096


def pattern_words(regex_text: str) -> Need | None:
    """What every match of the pattern contains: alternatives of words that all occur; None when
    nothing can be derived.

    The pattern is read with the standard library's regex parser: literal runs of a sequence are
    required, an alternation requires one of its branches, a repeat at least once requires its
    body; optional parts, classes, look-arounds and back-references require nothing. A pattern
    the standard parser may read differently from the `regex` package (which evaluates it: fuzzy
    matching `{e<=1}`, POSIX classes `[[:alpha:]]`) or cannot read gives None.
    """
    try:
        return _PATTERN_WORDS[regex_text]
    except KeyError:
        pass
    need = _read_pattern_words(regex_text)
    if len(_PATTERN_WORDS) >= _MAX_PATTERNS:
        _PATTERN_WORDS.clear()
    _PATTERN_WORDS[regex_text] = need
    return need


def _read_pattern_words(regex_text: str) -> Need | None:
    sre_parse = _standard_parser()
    if "[:" in regex_text:
        return None
    readable = _PROPERTY().sub(lambda m: m.group(1) + ("\\w" if m.group(2) == "p" else "\\W"), regex_text)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = sre_parse.parse(readable, 0)
    except (re.error, ValueError, OverflowError, RecursionError):
        return None
    if _ambiguous(list(parsed)):
        return None
    return _sequence_need(list(parsed))


def _standard_parser() -> Any:
    """The standard library's regex parser (`re._parser`) and its opcodes (`re._constants`):
    private modules, but the only reader of a regex's structure that Python ships."""
    import importlib

    return importlib.import_module("re._parser")


def _opcodes() -> Any:
    import importlib

    return importlib.import_module("re._constants")


# Characters `re` reads as literal where the `regex` package may read syntax ({e<=1}).
_AMBIGUOUS = frozenset(map(ord, "{}"))


def _ambiguous(items: Iterable[tuple[Any, Any]]) -> bool:
    """True when the parsed pattern has a literal '{' or '}' outside a class."""
    codes = _opcodes()
    IN, LITERAL = codes.IN, codes.LITERAL

    for op, value in items:
        if op is LITERAL and value in _AMBIGUOUS:
            return True
        if op is not IN and any(_ambiguous(child) for child in _subpatterns(value)):
            return True
    return False


def _subpatterns(value: Any) -> Iterable[Any]:
    """The parsed sub-patterns inside a node's value (groups, branches, repeated bodies)."""
    if hasattr(value, "data"):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _subpatterns(item)


def _sequence_need(items: list[tuple[Any, Any]]) -> Need | None:
    codes = _opcodes()
    ATOMIC_GROUP, BRANCH, IN, LITERAL, SUBPATTERN = codes.ATOMIC_GROUP, codes.BRANCH, codes.IN, codes.LITERAL, codes.SUBPATTERN
    REPEATS = (codes.MAX_REPEAT, codes.MIN_REPEAT, codes.POSSESSIVE_REPEAT)

    required: list[Need | None] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            required.append(_need_words(_words_of("".join(run))))
            run.clear()

    for op, value in items:
        if op is LITERAL:
            run.append(chr(value))
            continue
        if op is IN and value and all(item_op is LITERAL for item_op, _ in value) and len({fold(chr(c)) for _, c in value}) == 1:
            # A class of one character, or of its cases ("[.]", "[Dd]"), is that character.
            run.append(chr(value[0][1]))
            continue
        if op is BRANCH and run:
            # The parser moves the branches' common start before them ("k(?:ff|hn)" for
            # "kff|khn"): each branch is read with it again.
            prefix = [(LITERAL, ord(c)) for c in run]
            run.clear()
            required.append(_one_of([_sequence_need(prefix + list(branch)) for branch in value[1]]))
            continue
        end_run()
        if op is SUBPATTERN:
            required.append(_sequence_need(list(value[3])))
        elif op is ATOMIC_GROUP:
            required.append(_sequence_need(list(value)))
        elif op in REPEATS:
            low, _high, body = value
            if low >= 1:
                required.append(_sequence_need(list(body)))
        elif op is BRANCH:
            required.append(_one_of([_sequence_need(list(branch)) for branch in value[1]]))
    end_run()
    return _all_of(required)


def _pattern(pattern: Pattern | None) -> Need | None:
    if pattern is None or pattern.template is not None:
        # A pattern filled in from the article's metadata has no words before it is.
        return None
    return pattern_words(pattern.regex_text)


def _literal(value: str | None) -> Need | None:
    if not value or "{{" in value:
        return None
    return _need_words(_words_of(value))


def _selector_words(css: str) -> Need | None:
    """Words of a CSS selector: the ids, classes and attribute values every match carries."""
    from cssselect import SelectorError, parse
    from cssselect.parser import Attrib, Class, CombinedSelector, Function, Hash, Negation, Pseudo, Selector

    try:
        groups = parse(css)
    except (SelectorError, ValueError, RecursionError):
        return None

    def tree_words(node: Any) -> Need | None:
        if isinstance(node, Selector):
            return tree_words(node.parsed_tree)
        if isinstance(node, Class):
            return _all_of([_literal(node.class_name), tree_words(node.selector)])
        if isinstance(node, Hash):
            return _all_of([_literal(node.id), tree_words(node.selector)])
        if isinstance(node, Attrib):
            value = node.value.value if node.value is not None and node.operator in ("=", "~=", "|=", "^=", "$=", "*=") else None
            return _all_of([_literal(value), tree_words(node.selector)])
        if isinstance(node, CombinedSelector):
            return _all_of([tree_words(node.selector), tree_words(node.subselector)])
        if isinstance(node, Negation | Pseudo | Function):
            return tree_words(node.selector)
        return None

    return _one_of([tree_words(group) for group in groups])


def check_words(check: Check) -> Need | None:
    """What occurs on every page where the check passes (alternatives of words that all occur);
    None when nothing can be said."""
    params = check.params
    kind = check.kind
    if kind == "any":
        return _one_of([check_words(c) for c in params])
    if kind == "all":
        return _all_of(check_words(c) for c in params)
    if kind == "position":
        return check_words(params.check)
    if kind == "text":
        return _pattern(params.pattern) if params.min >= 1 else None
    if kind == "link":
        if params.min < 1:
            return None
        if params.original:
            # The original story's address, known only per article, may be any URL: only the text can be said.
            return _pattern(params.text)
        equals = params.equals.partition("://")[2] or params.equals if params.equals is not None else None
        return _all_of([_address_need(params.href), _amp_proof(_literal(equals.rstrip("/") if equals else None)), _pattern(params.text)])
    if kind == "element":
        if params.min < 1:
            return None
        # An element's `text` joins all its text nodes, scripts and hidden ones included.
        attributes = [_pattern(p) for name, p in params.attributes or () if name != "text"]
        return _all_of([*attributes, _selector_words(params.selector.css)])
    if kind == "byline":
        # The affiliation is searched in the byline's text; names are read (and reordered) from it.
        return _pattern(params.affiliation)
    if kind == "metadata":
        if params.meta is None or params.min < 1:
            return None  # JSON-LD strings may be written with escapes ("\\u0050ro\\/Publica")
        return _all_of([_pattern(params.pattern), _literal(params.meta)])
    return None


# Words every web address holds: a link pattern that requires only these rules no page out.
_ADDRESS_PARTS = frozenset((b"http", b"https", b"www", b"://", b"/", b"."))


def _address_need(pattern: Pattern | None) -> Need | None:
    """What a link's `href` pattern needs on the page; None when it needs only what every address
    holds (its sites too many to list, `^https?://(?:www\\.)?(?:a\\.com|b\\.org|…)/`), which would
    crowd a need that rules pages out (the link's text) out of `_all_of`."""
    need = _amp_proof(_pattern(pattern))
    if need is None or all(alternative <= _ADDRESS_PARTS for alternative in need):
        return None
    return need


# A slash between two other characters: where an AMP mark (`/amp` starting the path) may come
# between a host and its path in a link the link check reads (`compliance.urls.url_forms`).
_INNER_SLASH = on_first_use(rb"(?<=[^/])/(?=[^/])")


def _amp_proof(need: Need | None) -> Need | None:
    """An address's need with each word that spans a slash cut there, the slash kept on both
    sides ("propublica.org/article/" needs "propublica.org/" and "/article/"): the story's AMP
    address (`propublica.org/amp/article/…`) holds the pieces, not the word."""
    if need is None:
        return None
    return frozenset(frozenset(piece for word in alternative for piece in _INNER_SLASH().sub(b"/ /", word).split()) for alternative in need)


# --------------------------------------------------------------------------------------------
# The page's text, as the prefilter searches it
# --------------------------------------------------------------------------------------------

# Character references, as the standard library's `html.unescape` finds them, in UTF-8.
_CHARACTER_REFERENCE = on_first_use(rb"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
# Tags, comments, and scripts and styles with their content (an unclosed one runs to the end, as
# it does for the parser); written as unrolled loops, which the standard engine runs fast. `{after}`
# marks where a script or style tag's name ends (see `_MARKUP_SPLIT`).
# Branches by the first character after '<': most tags ("<div", "</p") take the first at once,
# where each branch used to be tried in turn; a tag that starts with 's' or '!' and is no script,
# style or comment takes its own last branch.
_MARKUP_PATTERN = (
    r"<(?:[A-RT-Za-rt-z/?][^>]*>"
    r"|s(?:cript\b{after}[^>]*>[^<]*(?:<(?!/script\b)[^<]*)*(?:</script{after}[^>]*>)?"
    r"|tyle\b{after}[^>]*>[^<]*(?:<(?!/style\b)[^<]*)*(?:</style{after}[^>]*>)?"
    r"|[^>]*>)"
    r"|!(?:--(?:-?>|[^-]*(?:-(?!-!?>)[^-]*)*(?:--!?>)?)|[^>]*>))"
)


def _named_references() -> dict[str, str]:
    """HTML's named character references (`html.entities.html5`), imported when a page first has
    a reference: the module is a table of two thousand names, and most pages have none."""
    from html.entities import html5

    return html5


# How many references' readings `_reference` remembers: a page repeats a few (`&amp;`, `&nbsp;`,
# `&#8217;`), and a hostile one a million of them; each is at most 33 bytes.
_REFERENCES_REMEMBERED = 1024


@functools.lru_cache(maxsize=_REFERENCES_REMEMBERED)
def _reference(name: bytes) -> bytes:
    """What `&name` reads as in text, in UTF-8: `html.unescape`'s reading (a named reference is
    the longest name it starts with, the rest as written), of the bytes of a UTF-8 page.
    Remembered by name: read afresh, each took microseconds (1,000,000 `&amp;` took 7 s)."""
    if name[:1] == b"#":
        import html

        return html.unescape("&" + name.decode("ascii")).encode()
    html5 = _named_references()
    # Reference names are ASCII: a name with other characters is never one, but may start with one.
    if name.isascii() and name.decode() in html5:
        return html5[name.decode()].encode()
    for end in range(len(name) - 1, 1, -1):
        prefix = name[:end]
        if prefix.isascii() and prefix.decode() in html5:
            return html5[prefix.decode()].encode() + name[end:]
    return b"&" + name


def _text_reference(match: re.Match[bytes]) -> bytes:
    return _reference(match.group(1))


def _with_references_read(data: bytes, read: Callable[[re.Match[bytes]], bytes]) -> bytes:
    """`data` with each character reference `_CHARACTER_REFERENCE` finds in it replaced by
    `read(match)` (`_text_reference` or `_attribute_reference`), as `re.sub` replaces them. No
    reference holds a `&` after its first byte, so each runs from a `&` to at most the next one:
    the data is read one piece between two `&` at a time, each distinct piece once. A page
    repeats its pieces, and a hostile one a million times (`&amp;&amp;…`): calling `read` for
    each reference took seconds per million."""
    first, *pieces = data.split(b"&")
    reference = _CHARACTER_REFERENCE()
    readings = {piece: reference.sub(read, b"&" + piece) for piece in set(pieces)}
    return b"".join([first, *map(readings.__getitem__, pieces)])


def _character_at(data: bytes, at: int) -> str:
    """The character whose UTF-8 encoding starts at `at` ("" at the end)."""
    return codecs.utf_8_decode(data[at : at + 4], "surrogatepass", False)[0][:1]


def _attribute_reference(match: re.Match[bytes]) -> bytes:
    """A character reference as an attribute value reads it: a named one without ';' followed by
    a letter, digit or '=' stays as written (HTML standard, "character reference state")."""
    name = match.group(1)
    html5 = _named_references()
    if name[:1] != b"#" and not (name.endswith(b";") and name.isascii() and name.decode() in html5):
        for end in range(min(len(name), 32), 1, -1):
            prefix = name[:end]
            if prefix.isascii() and prefix.decode() in html5:
                following = _character_at(match.string, match.start(1) + end)
                if following.isalnum() or following == "=":
                    return match.group(0)
                break
    return _reference(name)


def page_text(source: str, kind: str) -> bytes:
    """The folded text the prefilter searches: for HTML the markup with references decoded (as in
    attribute values), its text without markup (decoded as text) and that text again without the
    elements inside a word that the page may hide; for Markdown the source, its lines as a
    reader reads them, and those lines read as HTML is when they hold inline HTML or character
    references; for plain text the source."""
    return b"\n".join(_page_parts(source, kind).parts)


# The page is split into markup and text in UTF-8: the pattern runs faster over bytes than over a
# str with one typographic quote (two bytes a character), and the pieces are folded without
# being decoded when they are ASCII. A str pattern reads letters and `\b` by Unicode, a bytes one
# by ASCII: with IGNORECASE `<ſcript>` is a script to the first (`[A-Za-z]` and "script" take 'ſ',
# 'ı', 'İ' and, for `[A-Za-z]`, the Kelvin sign), and `<scriptä>` a tag to the first but a script
# to the second. So that every page is split as it always was, the bytes pattern captures the
# byte after a script or style tag's name when it is outside ASCII, and a page where the two may
# differ (those letters, such a capture, or '<' then letters then a character outside ASCII in
# its text) is split as text.
_MARKUP_SPLIT = re.compile(f"({_MARKUP_PATTERN})".replace("{after}", r"(?=([\x80-\xff])?)").encode(), re.IGNORECASE)
_MARKUP_SPLIT_TEXT = on_first_use(f"({_MARKUP_PATTERN})".replace("{after}", ""), re.IGNORECASE)
# Each match gives its markup and the byte after each of the four names (None when ASCII).
_GROUPS = _MARKUP_SPLIT.groups + 1
# ſ ı İ by their first byte (the Kelvin sign is caught after '<'): most pages hold neither byte,
# each looked for once.
_UNICODE_CASE_LETTERS = ((b"\xc5", (b"\xc5\xbf",)), (b"\xc4", (b"\xc4\xb1", b"\xc4\xb0")))
_NON_ASCII_IN_TAG_NAME = on_first_use(rb"<[/A-Za-z]{0,7}[\x80-\xff]")
# Where markup was, in the text of an HTML page: `fold` drops the mark unless asked to keep it,
# so the text reads "<b>Pro</b>Publica" as "ProPublica", while the text nodes stay apart for
# `_hidden_inside`.
_BOUNDARY = b"\x01"
# Whether a text node is of white space only (the method itself: called from C for each node).
_is_space: Callable[[bytes], bool] = bytes.isspace
# A text node not of white space only, with something other than white space right before and after it:
# an element the page hides there ("Pro<span hidden>x</span>Publica") joins the two into one
# word. Possessive quantifiers, so that a long node is never given back byte by byte. The second
# group is the byte of text after the node.
_NODE_IN_WORD = re.compile(rb"\x01(?<=[^\s\x01]\x01)\x01*+([ \t\n\r\f\v]*+[^\s\x01][^\x01]*+)(?=\x01++([^\s\x01]))")
# A run of such nodes is read with each subset of them hidden (2**n - 1 readings); a page with a
# longer run, or with very many such nodes, is not prefiltered (every marker is evaluated).
_MAX_RUN = 4
_MAX_NODES_IN_WORDS = 256
# How many folded bytes are kept on each side of a run when no words are given.
_REACH = 64


class _PageParts(NamedTuple):
    """The folded parts of a page, the first being where attribute values are read; `undecided`
    when the page hides too much inside words to say which words a reader sees."""

    parts: list[bytes]
    undecided: bool = False


def _page_parts(source: str, kind: str, reach: int = _REACH, utf8: bytes | None = None, pairs: frozenset[bytes] | None = None) -> _PageParts:
    """The page's folded parts; `reach` is the length of the longest word looked for, `pairs`
    every two bytes side by side in one of those words (None: any bytes may be), `utf8` the source
    in UTF-8 when the caller has it (else it is encoded here)."""
    if utf8 is None:
        utf8 = source.encode("utf-8", "surrogatepass")
    if kind == "html":
        return _html_parts(utf8, reach, pairs)
    parts = [fold_utf8(utf8)]
    if kind == "markdown":
        from compliance.document.plaintext import reader_text

        read = reader_text(source)
        parts.append(fold(read))
        if "<" in read or "&" in read:
            # Markdown renders inline HTML and character references: "Pro<b></b>Publica",
            # "Daily Cal&shy;ler" and "&#80;roPublica" read as a publisher's name, as in HTML.
            rendered = _html_parts(read.encode("utf-8", "surrogatepass"), reach, pairs)
            return _PageParts(parts + rendered.parts, rendered.undecided)
    return _PageParts(parts)


def _split_markup(utf8: bytes) -> tuple[bytes, list[bytes]]:
    """The page's text nodes, joined by `_BOUNDARY`, and its markup pieces, as `_MARKUP_SPLIT_TEXT`
    splits the page's text (`utf8` is that text in UTF-8, lone surrogates encoded with
    surrogatepass)."""
    found = _MARKUP_SPLIT.split(utf8)
    text, markups = _BOUNDARY.join(filter(None, found[::_GROUPS])), found[1::_GROUPS]
    if utf8.isascii() or (
        not any(any(found[index::_GROUPS]) for index in range(2, _GROUPS))
        and not any(letter in utf8 for first, letters in _UNICODE_CASE_LETTERS if first in utf8 for letter in letters)
        and not (b"<" in text and _NON_ASCII_IN_TAG_NAME().search(text))
    ):
        return text, markups
    source = utf8.decode("utf-8", "surrogatepass")
    pieces = [piece.encode("utf-8", "surrogatepass") for piece in _MARKUP_SPLIT_TEXT().split(source)]
    return _BOUNDARY.join(filter(None, pieces[0::2])), pieces[1::2]


def _html_parts(utf8: bytes, reach: int, pairs: frozenset[bytes] | None) -> _PageParts:
    # One pass splits the page into its text nodes and its markup (tags, comments, scripts and
    # styles: attribute values, script text and the ids and classes selectors name). Text nodes
    # are decoded apart, as the parser does ("&am<b></b>p;" is no reference).
    text, markups = _split_markup(utf8)
    markup = b"\n".join(markups)
    if b"&" in markup:
        markup = _with_references_read(markup, _attribute_reference)
    if b"&" in text:
        text = _with_references_read(text, _text_reference)
    nodes = fold_utf8(text, keep=b"\x01")
    readings = _hidden_inside(nodes, reach, pairs)
    # The text is searched with every text node of white space only hidden (an element may hide
    # it, `Cal<i hidden> </i>ler`, or two, `Cal<i hidden> </i><b hidden> </b>ler`). A word never
    # holds white space, so no word a reader sees spans one that shows: hiding them only joins
    # more words. (Split and filtered in C: a regular expression tried each boundary in turn.)
    shown: Iterator[bytes] = itertools.filterfalse(_is_space, nodes.split(_BOUNDARY))
    parts = [fold_utf8(markup), b"".join(shown)]
    if readings:
        parts.append(b"\n".join(readings))
    return _PageParts(parts, undecided=readings is None)


def _hidden_inside(nodes: bytes, reach: int, pairs: frozenset[bytes] | None = None) -> list[bytes] | None:
    """The text around each run of text nodes inside a word, read with every subset of the run
    hidden (`Pro<span style="display:none">x</span>Publica` reads "ProPublica" once the page's
    CSS is known, which is only after the model is built), with `reach` bytes of text on each
    side; None when there are too many to read. `nodes` is the folded text, its nodes apart.
    With `pairs` (every two bytes side by side in a word looked for), a run is read only when
    hiding some of it puts two such bytes side by side (see `_may_join`)."""
    runs: list[list[re.Match[bytes]]] = []
    for count, node in enumerate(_NODE_IN_WORD.finditer(nodes)):
        if count >= _MAX_NODES_IN_WORDS:
            return None
        if runs and runs[-1][-1].end() == node.start():
            runs[-1].append(node)
        else:
            runs.append([node])
    if any(len(run) > _MAX_RUN for run in runs):
        return None
    readings = []
    for run in runs:
        if pairs is not None and not _may_join(nodes, run, pairs):
            continue
        before, after = _reaching(nodes, run[0].start(1), -reach), _reaching(nodes, run[-1].end(1), reach)
        texts = [node.group(1) for node in run]
        for hidden in range(1, 2 ** len(texts)):
            kept = b"".join(text for index, text in enumerate(texts) if not hidden >> index & 1)
            readings.append(before + kept + after)
    return [reading.replace(b"\x01", b"") for reading in readings]


def _may_join(nodes: bytes, run: list[re.Match[bytes]], pairs: frozenset[bytes]) -> bool:
    """Whether hiding some of a run of nodes puts side by side two bytes that are side by side in
    a word of `pairs`. A reading is the text before the run, the nodes kept and the text after:
    a word that spans no place where something was hidden is a stretch of the text without
    white space, which the text searched already holds (a space-only node it leaves out is white
    space); a word that spans one holds the two bytes on either side of it."""
    if len(run) == 1:
        # Most runs are one node: hiding it joins the byte before it and the byte after it.
        start = run[0].start()
        return nodes[start - 1 : start] + run[0].group(2) in pairs
    # The last byte of the text before the run and of each node; the first of each node and of
    # the text after the run. Hiding the nodes between the i-th piece and the j-th joins them.
    # (Read in place: a node is often a whole paragraph, which `group` would copy for one byte.)
    lasts = [run[0].start() - 1]
    firsts = []
    for node in run:
        lasts.append(node.end(1) - 1)
        firsts.append(node.start(1))
    firsts.append(run[-1].start(2))
    for i, last in enumerate(lasts):
        for first in firsts[i + 1 :]:
            if nodes[last : last + 1] + nodes[first : first + 1] in pairs:
                return True
    return False


def _reaching(nodes: bytes, at: int, reach: int) -> bytes:
    """The bytes before `at` (for a negative `reach`) or from it holding |reach| bytes of text
    besides node boundaries, or up to the start or end."""
    size = abs(reach)
    while True:
        window = nodes[max(0, at - size) : at] if reach < 0 else nodes[at : at + size]
        if len(window) < size or len(window) - window.count(1) >= abs(reach):
            return window
        size *= 2


# --------------------------------------------------------------------------------------------
# The prefilter of a set of packs
# --------------------------------------------------------------------------------------------


class Candidates(NamedTuple):
    """What the prefilter found a page could match: the markers to evaluate (by pack id and marker
    id) and the packs whose own site the page may be on."""

    markers: frozenset[tuple[str, str]]
    own_sites: frozenset[str]
    # False when the page cannot hold a suppression comment (`compliance.suppress`): the
    # directive's word was searched for with the markers' words and is nowhere on it.
    suppression: bool = True

    @property
    def nothing(self) -> bool:
        """True when no marker can fire and no publisher's own site can be named."""
        return not self.markers and not self.own_sites


class PackNeeds(NamedTuple):
    """What one pack's markers and own site need on a page: derived from the pack once, and stored
    with it in the pack cache."""

    markers: tuple[tuple[str, Need | None], ...]  # (marker id, need), in the pack's order
    site_domains: tuple[str, ...] | None  # None: the pack names no own site
    domain_need: Need | None  # the words of one of its domains (None: no domains, or no words)
    names: tuple[Need, tuple[_Name, ...]] | None  # its names' words, and the names as attribute values


def _derive_pack_needs(pack: Pack) -> PackNeeds:
    markers = tuple((marker.id, _trimmed(check_words(marker.check))) for marker in pack.markers)
    site = pack.own_site
    if not site:
        return PackNeeds(markers, None, None, None)
    domain_need = _trimmed(_one_of([_need_words(_words_of(d)) for d in site.domains])) if site.domains else None
    names = [_words_of(name) for name in site.names]
    own_names = None
    if names and all(names):
        # A name has few words and each tells ("KFF Health News"): all are kept.
        need = frozenset(frozenset([b"og:site_name", *(w for w in words if w not in _COMMON)]) for words in names)
        own_names = (need, _attribute_value(names))
    return PackNeeds(markers, site.domains, domain_need, own_names)


# Each pack's needs, by the pack's identity (the pack is kept with them, so its id stays its own).
_PACK_NEEDS: dict[int, tuple[Pack, PackNeeds]] = {}


def pack_needs(pack: Pack) -> PackNeeds:
    """The pack's needs, derived once per loaded pack."""
    entry = _PACK_NEEDS.get(id(pack))
    if entry is None:
        if len(_PACK_NEEDS) >= 256:
            _PACK_NEEDS.clear()
        entry = (pack, _derive_pack_needs(pack))
        _PACK_NEEDS[id(pack)] = entry
    return entry[1]


def _link_patterns(check: Check) -> Iterable[Pattern]:
    """The URL patterns of the link checks in a check, whose words the link check looks up."""
    if check.kind in ("any", "all"):
        for child in check.params:
            yield from _link_patterns(child)
    elif check.kind == "position":
        yield from _link_patterns(check.params.check)
    elif check.kind == "link" and check.params.href is not None:
        yield check.params.href


def derived_words(packs: Sequence[Pack]) -> dict[str, Any]:
    """Everything the prefilter and the link check derive from these packs, to store with them in
    the pack cache: each pack's needs (in the packs' order) and the words of their patterns."""
    needs = [pack_needs(pack) for pack in packs]
    for pack in packs:
        for rule in pack.rules:
            for check in (rule.check, rule.when):
                for pattern in _link_patterns(check) if check is not None else ():
                    if pattern.template is None:
                        pattern_words(pattern.regex_text)
    # The prefilter's Hyperscan database, compiled here so that the pack cache holds it.
    prefilter_for(packs).search().prepare()
    return {"packs": needs, "patterns": dict(_PATTERN_WORDS), "searches": serialized()}


def adopt_derived_words(packs: Sequence[Pack], derived: Any) -> bool:
    """Take what `derived_words` stored for these packs (as loaded from the cache); False when it
    does not fit them (nothing is taken then)."""
    try:
        needs, patterns, searches = derived["packs"], derived["patterns"], derived["searches"]
    except (TypeError, KeyError):
        return False
    if not (isinstance(needs, list) and len(needs) == len(packs) and all(isinstance(n, PackNeeds) for n in needs) and isinstance(patterns, dict)):
        return False
    if not adopt_serialized(searches):
        return False
    if len(_PACK_NEEDS) + len(packs) > 256:
        _PACK_NEEDS.clear()
    for pack, need in zip(packs, needs, strict=True):
        _PACK_NEEDS[id(pack)] = (pack, need)
    for regex_text, need in patterns.items():
        _PATTERN_WORDS.setdefault(regex_text, need)
    return True


# What every suppression comment holds. A comment is in the page's markup as written (no
# character reference can reach into it: one would start with '&' after the comment's "<!" or
# "<?"), so a page with a comment holds the directive's word in the folded markup the automaton
# searches; a word found elsewhere only sends the page the long way.
_SUPPRESSION = b"syndcheck-disable"


class Prefilter:
    """The words of every marker and own site of some packs, and the word of a suppression
    comment, compiled into one automaton."""

    def __init__(self, packs: Sequence[Pack]) -> None:
        self._markers: list[tuple[tuple[str, str], Need | None]] = []
        # A page is a publisher's own when its og:site_name is one of the publisher's names, or
        # its og:url, canonical URL or address is on one of its domains (`detect.own_page`).
        self._own_names: list[tuple[str, Need | None, tuple[_Name, ...]]] = []
        self._own_domains: list[tuple[str, Need | None]] = []
        self._domains: dict[str, tuple[str, ...]] = {}
        for pack in packs:
            derived = pack_needs(pack)
            self._markers.extend(((pack.id, marker_id), need) for marker_id, need in derived.markers)
            if derived.site_domains is None:
                continue
            self._domains[pack.id] = derived.site_domains
            if derived.site_domains:
                self._own_domains.append((pack.id, derived.domain_need))
            if derived.names is not None:
                self._own_names.append((pack.id, *derived.names))
        needs = [need for _, need in self._markers] + [need for _, need, _ in self._own_names] + [need for _, need in self._own_domains]
        self.words: list[bytes] = sorted({word for need in needs if need for alternative in need for word in alternative})
        self._searched = frozenset(self.words)
        self._reach = max(map(len, self.words), default=0)
        # Every two bytes side by side in a word: text read with nodes hidden inside a word is
        # only searched where hiding them joins two such bytes (words never hold white space,
        # which `_may_join` relies on; were one to, every such reading would be searched).
        self._pairs: frozenset[bytes] | None = frozenset(word[i : i + 2] for word in self.words for i in range(len(word) - 1))
        if any(len(word.split()) != 1 for word in self.words):
            self._pairs = None
        # Each alternative of each need, under one of its words (its least, a choice that does not
        # depend on the hash seed): an alternative is on a page only if that word is, so a page's
        # words say which few alternatives to test, and each is tested at most once. A need with an
        # empty alternative, met by any page, holds no word that rules it out and is always met.
        self._alternatives_of_word: dict[bytes, list[tuple[Words, Need]]] = {}
        for need in {need for need in needs if need and all(need)}:
            for alternative in need:
                self._alternatives_of_word.setdefault(min(alternative), []).append((alternative, need))
        self._always_met = frozenset(need for need in needs if need and not all(need))
        # The markers that need nothing (always evaluated), and those of each need.
        self._unconditional = frozenset(key for key, need in self._markers if need is None)
        self._markers_of_need: dict[Need, list[tuple[str, str]]] = {}
        for key, marker_need in self._markers:
            if marker_need is not None:
                self._markers_of_need.setdefault(marker_need, []).append(key)
        self._always_markers = self._unconditional.union(*(self._markers_of_need.get(need, ()) for need in self._always_met))
        self._search: WordSearch | None = None
        # The detections of a page on which no marker can fire, each pack's at confidence 0, as
        # full detection reports them: made here, once per set of packs, rather than a frozen
        # dataclass a pack on every such page.
        self.unmatched_detections = tuple(Detection(pack.id, 0.0, (), False) for pack in packs if pack.markers)

    def search(self) -> WordSearch:
        """The search for the words, and last the suppression comment's (its index is
        len(self.words)), made when a page first needs it."""
        if self._search is None:
            self._search = WordSearch([*self.words, _SUPPRESSION])
        return self._search

    def _search_parts(self, parts: list[bytes]) -> tuple[set[int], set[int]]:
        """The indexes of the words (and last the suppression comment's) found in the first part,
        the markup, and in all the parts, as a search of the parts joined by line breaks finds
        them. A word never holds white space, so none spans two parts: each is searched as it is,
        without copying the page into one text (a word that did hold some would be searched for
        in the parts joined)."""
        search = self.search()
        if self._pairs is None:
            ends = search.first_ends(b"\n".join(parts))
            return {index for index, end in ends.items() if end <= len(parts[0])}, set(ends)
        in_markup = set(search.first_ends(parts[0]))
        return in_markup, in_markup.union(*(search.first_ends(part) for part in parts[1:]))

    def scan(self, source: str, kind: str, *, page_url: str = "", utf8: bytes | None = None) -> Candidates:
        """The markers that may fire and the own sites that may be named on this page; `utf8`, when
        given, is `source` in UTF-8 (the page's own bytes), which the page is read from."""
        return self._candidates(_page_parts(source, kind, self._reach, utf8, self._pairs), kind, page_url)

    def scan_html_utf8(self, utf8: bytes, *, page_url: str = "") -> Candidates:
        """`scan` of an HTML page given as its UTF-8 bytes alone (valid UTF-8: the page's text is
        never decoded from them unless its markup must be split as text, `_split_markup`)."""
        return self._candidates(_html_parts(utf8, self._reach, self._pairs), "html", page_url)

    def _candidates(self, page: _PageParts, kind: str, page_url: str) -> Candidates:
        parts = page.parts
        found: set[bytes] = set()
        suppression = True
        # The words looked for that are in the markup (None: not known): a word looked for and
        # not among them is in no attribute value. (The markup is the first part: a word whose
        # first occurrence ends after it is not in it.)
        in_markup: set[bytes] | None = None
        if page.undecided:
            found = set(self.words)
        elif self.words:
            in_markup_at, found_at = self._search_parts(parts)
            suppression = len(self.words) in found_at
            found = {self.words[index] for index in found_at if index < len(self.words)}
            in_markup = {self.words[index] for index in in_markup_at if index < len(self.words)}

        # Most alternatives share no word with the page: only those whose designated word is on
        # it are tested, each once.
        met = set(self._always_met)
        for word in found:
            for alternative, need in self._alternatives_of_word.get(word, ()):
                if need not in met and alternative <= found:
                    met.add(need)

        def possible(need: Need | None) -> bool:
            return need is None or need in met

        markers = self._always_markers.union(*(self._markers_of_need.get(need, ()) for need in met.difference(self._always_met)))
        own = {pack for pack, need in self._own_domains if possible(need)}
        # The name's words are common ("told the Daily Caller"): it must also be a whole
        # attribute value somewhere, as og:site_name gives it.
        if kind == "html":
            # (Only an HTML page has an og:site_name; it is an attribute, in the source as written.)
            # (The markup is the first part.)
            own.update(
                pack
                for pack, need, value in self._own_names
                if pack not in own and possible(need) and _is_attribute_value(value, parts[0], self._searched, in_markup)
            )
        host = _host(page_url)
        if host:
            own.update(pack for pack, domains in self._domains.items() if any(host == d or host.endswith("." + d) for d in domains))
        return Candidates(markers, frozenset(own), suppression)


class _Name(NamedTuple):
    """A publisher's name as folded words, looked for by its longest word."""

    words: tuple[bytes, ...]
    anchor: int
    # The pattern of the anchor word and the words after it, then the value's end: its source,
    # compiled by `_compiled` when a page has the anchor word (the pack cache holds these
    # records, and a compiled `re` pattern is compiled again whenever it is unpickled).
    rest: bytes


def _attribute_value(names: list[list[bytes]]) -> tuple[_Name, ...]:
    """Each name, with any spacing between its words, ending where an attribute value can."""
    found = []
    for words in names:
        anchor = max(range(len(words)), key=lambda i: len(words[i]))
        rest = rb"\s+".join(re.escape(w) for w in words[anchor:]) + rb"""\s*(?![^\s"'>])"""
        found.append(_Name(tuple(words), anchor, rest))
    return tuple(found)


@functools.cache
def _compiled(pattern: bytes) -> re.Pattern[bytes]:
    return re.compile(pattern)


_SPACE = frozenset(b" \t\n\r\f\v")


def _skip_space_back(text: bytes, at: int) -> int:
    while at > 0 and text[at - 1] in _SPACE:
        at -= 1
    return at


def _is_attribute_value(names: tuple[_Name, ...], text: bytes, searched: frozenset[bytes] = frozenset(), in_text: set[bytes] | None = None) -> bool:
    """Whether one of the names is the whole value of an attribute, quoted or not (og:site_name
    is compared with the names as `fold_name` reads them: case and spacing aside, whole).
    `in_text`, when given: those of the words `searched` for that are in `text` (the others
    are not)."""
    # Names share anchor words ("the daily caller", "daily caller"): a word that is nowhere in
    # the markup is searched for once.
    absent: set[bytes] = set()
    for name in names:
        anchor = name.words[name.anchor]
        if anchor in absent or (in_text is not None and anchor in searched and anchor not in in_text):
            continue
        if anchor not in text:
            absent.add(anchor)
            continue
        for at in _occurrences(text, anchor):
            start = at if _compiled(name.rest).match(text, at) else -1
            for word in reversed(name.words[: name.anchor]):
                if start < 0:
                    break
                spaced = _skip_space_back(text, start)
                start = spaced - len(word) if spaced < start and text[spaced - len(word) : spaced] == word else -1
            if start >= 0:
                before = _skip_space_back(text, start)
                if before > 0 and text[before - 1] in b"\"'":
                    before = _skip_space_back(text, before - 1)
                if before > 0 and text[before - 1] == ord("="):
                    return True
    return False


def _occurrences(text: bytes, word: bytes) -> Iterable[int]:
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def _host(url: str) -> str:
    if not is_http_url(url):
        return ""
    return url_host(url) or ""


_PREFILTERS: dict[tuple[int, ...], tuple[tuple[Pack, ...], Prefilter]] = {}


def prefilter_for(packs: Sequence[Pack]) -> Prefilter:
    """The prefilter of these packs, built once per set of loaded packs."""
    key = tuple(id(pack) for pack in packs)
    entry = _PREFILTERS.get(key)
    if entry is None:
        if len(_PREFILTERS) >= 16:
            _PREFILTERS.clear()
        # The packs are kept with their prefilter, so that their ids stay theirs.
        entry = (tuple(packs), Prefilter(packs))
        _PREFILTERS[key] = entry
    return entry[1]


__all__ = [
    "Candidates",
    "PackNeeds",
    "Prefilter",
    "adopt_derived_words",
    "check_words",
    "derived_words",
    "fold",
    "fold_utf8",
    "pack_needs",
    "page_text",
    "pattern_words",
    "prefilter_for",
]
