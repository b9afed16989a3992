"""Which language a story is written in, told by its function words (`fidelity`'s translations).

A copy in another language than the original is a translation, not an edit of every word: the
terms judge it as one (ProPublica's prohibit it). Each language of `PROFILES` is told by its most
frequent function words (articles, prepositions, conjunctions, pronouns, forms of "be" and
"have", "said"), which make up a third or more of running text in it and few of another's: the
language of a text is the one whose words make the largest share of it, when that share is at
least `_LEAST_SHARE` and `_AHEAD` times the next language's. Words that several languages share
("de", "a", "in") count for each. A text of fewer than `_FEWEST_WORDS` words, or one no language
stands out in (a list of names, numbers, a mixed text), has no language here.

Languages: English, Spanish, French, German, Italian, Portuguese and Dutch. A text in another
language is not told from them (Catalan shares too many function words with Spanish to be told
apart this way); a copy in one, running text about as long as an original in one of them but with
almost none of its function words, is still a translation, into "another language"
(`translated`): a Catalan copy of an English story, not of a Spanish one. A copy in a script without spaces between words (Chinese,
Japanese) has too few words for that, and is compared as it is (none of the original's
paragraphs is in it).
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


# What a copy in a language none of `PROFILES` tells is called (`translated`).
ANOTHER_LANGUAGE = "another language"
# A text in another language than the original's holds few of its function words: fewer than this
# share of its words (English running text holds a third or more; a Catalan or Swedish
# translation of it, a few "on" or "he" in a hundred).
_FOREIGN_SHARE = 0.05
# A translation is about as long as its original, in words (these times at most either way), and
# of words of letters (this share at least): a list of names or numbers is no translation.
_TRANSLATION_LENGTH = 2.0
_LEAST_LETTER_WORDS = 2 / 3


def translated(original: Iterable[str], copy: Iterable[str]) -> tuple[str, str] | None:
    """(the original's language, the copy's) when the copy (its words) is in another language
    than the original (its words): both told (`language_of`), or the original's told and the
    copy running text of about its length that holds almost none of its language's function
    words (`_FOREIGN_SHARE`): then the copy's is `ANOTHER_LANGUAGE` (Catalan for a language
    without a profile, Swedish, Polish). None otherwise."""
    theirs_words, ours_words = list(original), list(copy)
    theirs, ours = language_of(theirs_words), language_of(ours_words)
    if theirs is None or ours == theirs:
        return None
    if ours is None:
        return (theirs, ANOTHER_LANGUAGE) if _without_language(ours_words, theirs, len(theirs_words)) else None
    return theirs, ours


def _without_language(words: list[str], language: str, original_words: int) -> bool:
    """Whether a text (its words as written) is running text in another language than `language`
    (a name of `PROFILES`) which a text of `original_words` words is in (see `translated`)."""
    bare = [word.lower().strip(_AROUND) for word in words]
    bare = [word for word in bare if word]
    if len(bare) < _FEWEST_WORDS or not 1 / _TRANSLATION_LENGTH <= len(bare) / max(original_words, 1) <= _TRANSLATION_LENGTH:
        return False
    if sum(word.isalpha() for word in bare) < _LEAST_LETTER_WORDS * len(bare):
        return False
    profile = PROFILES[language]
    return sum(word in profile for word in bare) < _FOREIGN_SHARE * len(bare)


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
