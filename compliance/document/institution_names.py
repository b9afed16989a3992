"""Institutions known by a short name shaped like a person's, for telling an author's institution
after their name ("Jane Roe, Johns Hopkins") from a second author ("Jane Roe, John Hopkins").

A short name that holds an institution's word ("Johns Hopkins University", "Johns Hopkins
Medicine"), ends in "State" or "Tech" or opens with "Mount" is read as an institution without this
list (`byline_reading`). These are the universities, colleges, hospitals and research bodies that
academic bylines (The Conversation's author lines, university press offices) name by the rest of
their name alone, which a person's name's shape takes in: named after people ("Johns Hopkins",
"Carnegie Mellon", "Kwame Nkrumah"), or after places and patrons in words that read as a given
name and a surname ("Case Western", "Royal Holloway", "Sheffield Hallam"). In lower case, words
parted by single spaces, without full stops; compared with `is_person_shaped_institution`. Only
asked about a part after a full name and a comma, where it would otherwise be a second author: a
byline naming a person so called with "and" ("By A and George Mason") still names two people.
Left out: institutions whose short name is also a common full name and which are seldom written
by it alone ("James Cook", "John Carroll", "Robert Gordon", "Charles Darwin": their universities
are written with "University", which the reader takes as an institution's word).
"""

from __future__ import annotations

PERSON_SHAPED_INSTITUTIONS = frozenset(
    name.strip()
    for name in """
    johns hopkins|brigham young|george mason|george washington|carnegie mellon|case western|case western reserve
    simon fraser|wilfrid laurier|thompson rivers|charles sturt|edith cowan|la trobe|anglia ruskin|edinburgh napier
    glasgow caledonian|queen mary|royal holloway|sheffield hallam|leeds beckett|liverpool john moores|nottingham trent
    oxford brookes|seton hall|sarah lawrence|loyola marymount|old dominion|stephen f austin|fred hutch
    sloan kettering|memorial sloan kettering|ahmadu bello|obafemi awolowo|nnamdi azikiwe|kwame nkrumah|cheikh anta diop
    max planck|heinrich heine|johannes gutenberg|ludwig maximilian|jawaharlal nehru|sun yat-sen|de la salle
    ateneo de manila|florida atlantic|texas christian|coastal carolina|western sydney|bryn mawr
    """.replace("\n", "|").split("|")
    if name.strip()
)


def is_person_shaped_institution(text: str) -> bool:
    """Whether `text` ("Johns Hopkins", "JOHNS HOPKINS", "Stephen F. Austin") is the short name of
    an institution `PERSON_SHAPED_INSTITUTIONS` lists, in any letter case."""
    return " ".join(text.replace(".", " ").lower().split()) in PERSON_SHAPED_INSTITUTIONS
