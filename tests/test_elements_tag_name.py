"""`elements.tag_name`: the one reading of an element's lower-cased tag name, shared by the fixes,
the references of masks, clips and filters, and the `near` check."""

from __future__ import annotations

import lxml.etree
import lxml.html

from compliance.document.elements import tag_name


def test_an_elements_name_is_lower_cased_and_what_has_none_reads_as_empty() -> None:
    root = lxml.html.fromstring("<div><LI>one</LI><!-- a comment --></div>")
    item, comment = list(root)
    assert tag_name(root) == "div" and tag_name(item) == "li"
    assert tag_name(comment) == ""  # a comment's tag is a function in lxml
    assert tag_name(None) == ""  # the root's missing parent
    svg = lxml.etree.fromstring('<svg xmlns="http://www.w3.org/2000/svg"><clipPath/></svg>')
    assert tag_name(svg[0]) == "{http://www.w3.org/2000/svg}clippath"
