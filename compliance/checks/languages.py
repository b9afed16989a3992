"""Which language a story is written in, told by its function words (`fidelity`'s translations).

A copy in another language than the original is a translation, not an edit of every word: the
terms judge it as one (ProPublica's prohibit it). Each language of `PROFILES` is told by its most
frequent function words (articles, prepositions, conjunctions, pronouns, forms of "be" and
"have", "said"), which make up a third or more of running text in it and few of another's: the
language of a text is the one whose words make the largest share of it, when that share is at
least `_LEAST_SHARE` and `_AHEAD` times the next language's. Words that several languages share
("de", "a", "in") count for each. A text of fewer than `_FEWEST_WORDS` words, or one no language
stands out in (a list of names, numbers, a mixed text), has no language here.

Languages: English, Spanish, French, German, Italian, Portuguese and Dutch. A story in another
language (or script) is not told from them, and so never read as a translation.
"""

from __future__ import annotations

from collections.abc import Iterable

# Each language's most frequent function words, in lower case, by its English name.
PROFILES: dict[str, frozenset[str]] = {
    "English": frozenset(
        (
            "the and of to is was that it for with on are as by at from this have has had be not which they he she his her their were been said would will an"
        ).split()
    ),
    "Spanish": frozenset(
        "el la los las de del que y en un una por con para es se no su sus al lo como más pero le ya o fue este esta ha son también dijo está".split()
    ),
    "French": frozenset(
        "le la les de des du et en un une est que qui dans pour pas par sur au aux avec ce il elle ne se son sa ont été a dit sont cette".split()
    ),
    "German": frozenset(
        "der die das und in den von zu mit ist des sich nicht auf für dem ein eine auch es an als sie wurde hat werden bei nach aus sagte sind".split()
    ),
    "Italian": frozenset("il la di che e è un una per del della in non con le gli si da al sono ha come anche ma più nel alla dei ha detto".split()),
    "Portuguese": frozenset("o a os as de do da dos das que e em um uma para com não no na por se é foi mais ao seu sua disse também são".split()),
    "Dutch": frozenset("de het een en van in is dat op te met voor niet zijn die aan er ook als bij door werd heeft naar om uit zei".split()),
}
# Every language's function words: a word that is none of them says what a text is about.
FUNCTION_WORDS = frozenset().union(*PROFILES.values())
# Each function word with the languages it is one of: one look-up a word, not one a language.
_LANGUAGES_OF = {word: tuple(language for language, profile in PROFILES.items() if word in profile) for word in FUNCTION_WORDS}
# The fewest words a text must have for its language to be told.
_FEWEST_WORDS = 20
# The smallest share of a text's words a language's function words must make.
_LEAST_SHARE = 0.15
# How many times the next language's share the language's must be.
_AHEAD = 1.5
_AROUND = ".,;:!?\"'“”‘’()[]{}«»¿¡—–-"


def language_of(words: Iterable[str]) -> str | None:
    """The language of `PROFILES` a text (its words as written) is in, or None when it has too
    few words or none stands out (see the module)."""
    counts = dict.fromkeys(PROFILES, 0)
    total = 0
    for word in words:
        bare = word.lower().strip(_AROUND)
        if not bare:
            continue
        total += 1
        for language in _LANGUAGES_OF.get(bare, ()):
            counts[language] += 1
    if total < _FEWEST_WORDS:
        return None
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    (best, most), (_, next_most) = ranked[0], ranked[1]
    if most < _LEAST_SHARE * total or most < _AHEAD * next_most:
        return None
    return best


def translated(original: Iterable[str], copy: Iterable[str]) -> tuple[str, str] | None:
    """(the original's language, the copy's) when the copy (its words) is in another language
    than the original (its words), both told (`language_of`); None otherwise."""
    theirs, ours = language_of(original), language_of(copy)
    if theirs is None or ours is None or theirs == ours:
        return None
    return theirs, ours


def leans_to(words: Iterable[str], language: str, other: str) -> bool:
    """Whether more of a text's words (as written) are function words of `language` than of
    `other` (two names of `PROFILES`): a paragraph too short for `language_of` still leans to
    the language it is written in ("Versión en español" to Spanish, not English)."""
    ours, theirs = PROFILES[language], PROFILES[other]
    lean = 0
    for word in words:
        bare = word.lower().strip(_AROUND)
        lean += (bare in ours) - (bare in theirs)
    return lean > 0
