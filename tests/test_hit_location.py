"""A hit's location is computed when a report shows it, and is the same as computed at once."""

from __future__ import annotations

from compliance.checks import Hit
from compliance.document import parse_html
from compliance.findings import Location


def test_a_hit_computes_its_location_only_when_asked() -> None:
    asked: list[int] = []

    def where() -> Location:
        asked.append(1)
        return Location(12, 5)

    hit = Hit(0, where, "evidence")
    assert asked == []
    assert hit.location == Location(12, 5)
    assert asked == [1]


def test_a_hit_given_a_location_reports_it() -> None:
    assert Hit(3, Location(4, 2), "evidence").location == Location(4, 2)


def test_an_elements_location_is_the_same_on_every_ask() -> None:
    doc = parse_html('<html><body>\n<p>one</p>\n  <img\n    src="/logo.png" alt="Logo"></body></html>')
    image = doc.images[0]
    assert doc.locate(image) == Location(3, 3)
    assert doc.locate(image) is doc.locate(image)
