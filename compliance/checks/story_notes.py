"""Where a republished story begins and ends against its original, for the `fidelity` check: the
copy's paragraphs in no paragraph of the original that stand before the first paragraph the two
share or after the last are either notes beside the story (a credit line, an editor's note, a
republisher's boilerplate, a "Related:" list, an author's bio), which are no edit of it, or
paragraphs of new prose (a local top, a local kicker: new facts, new quotes), which are.

A paragraph is a note when it is not running text (`story.is_body_paragraph`: a short line, a
line that ends as no sentence ends, a list of links, a block in an aside, header or footer), when
it opens as a note opens ("Editor's note:", "Related:", "Read more"), when it speaks of the story,
its publication or its publisher's newsroom ("this story", "originally published", "republished",
"sign up for our newsletter", "© 2024", "a nonprofit newsroom"), or when it is a bio (it opens
with the name of a person the copy's bylines credit, or with a name followed by "is a
reporter"). The story reaches outward from its first and last shared paragraphs through
paragraphs of new prose, up to the first note: what lies beyond a note is the page's furniture
(a republisher's boilerplate after its credit line), not the story."""

from __future__ import annotations

from collections.abc import Sequence

from compliance.checks.story import is_body_paragraph
from compliance.document import Block, Document
from compliance.firstuse import on_first_use
from compliance.text import normalize_inline

# How a note opens: its label, or a pointer to other stories.
_NOTE_OPENING = on_first_use(
    r"^\W*(?:editor'?s'?\s+note|note|notes|correction|corrections|clarification|update|updated|disclosure|disclaimer"
    r"|about\s+the\s+authors?|related|read\s+more|read\s+the|see\s+also|more\s+from|also\s+read|recommended|sponsored"
    r"|advertisement|photo|photos|reporting\s+by|additional\s+reporting|written\s+by|edited\s+by|produced\s+by)\b",
    2,  # re.IGNORECASE
)
# What a note says of the story, its publication, its publisher or the republisher.
_NOTE_WORDS = on_first_use(
    r"\b(?:this|the\s+original|the\s+full)\s+(?:story|article|report|piece|post|column|essay|investigation|series)\b"
    r"|\bstories\s+like\s+this\b|\boriginally\s+(?:published|appeared|ran|posted|produced)\b|\brepublish\w*|\breprint\w*|\bsyndicat\w*"
    r"|\bfirst\s+(?:appeared|published|ran)\b"
    r"|\bcontributed\s+(?:to|reporting)\b|\bwith\s+permission\b|\bcourtesy\s+of\b|\bcreative\s+commons\b|\bunder\s+(?:a|an|the)\s+[\w\s-]{0,30}licen[cs]e\b"
    r"|\bcopyright\b|\ball\s+rights\s+reserved\b|\u00a9|\bsign\s+up\b|\bnewsletters?\b|\bsubscribe\b|\bdonate\b"
    r"|\bsupport\s+(?:our|us|local|independent|nonprofit)\b|\bfollow\s+us\b|\bnewsrooms?\b|\bnews\s+(?:organization|outlet|service|site)s?\b"
    r"|\bour\s+(?:journalism|reporting|coverage|readers|mission|work|stories|site|website|members|donors)\b"
    r"|\btips?\s+line\b|\bsend\s+(?:us\s+)?(?:a\s+)?tips?\b|\S+@\S+\.\w+",
    2,  # re.IGNORECASE
)
# A bio: a name, then what the person does for a living.
_BIO = on_first_use(
    r"^(?:[A-Z][\w.'\u2019-]*\s+){1,4}(?:is|was|covers|writes|reports|joined)\b[^.]*?\b(?:reporter|correspondent|writer|editor"
    r"|journalist|columnist|contributor|producer|photographer|fellow|professor|intern|author|researcher|lecturer)s?\b"
)


def prose_beside_story(doc: Document, before: Sequence[Block], after: Sequence[Block], credits: frozenset[int] = frozenset()) -> frozenset[int]:
    """The indexes (`Block.index`) of the paragraphs of new prose the copy (`doc`) adds before or
    after the story: `before`, the copy's paragraphs before the first it shares with the original,
    in document order; `after`, those after the last; `credits`, the indexes of those that hold
    only what the terms require (a credit line, a tagline: notes whatever their words). Each side
    is read outward from the story up to its first note (see the module's docstring); a paragraph
    that opens with the name of a person the copy's bylines credit is a bio."""
    names = tuple(name for byline in doc.bylines for name in byline.names if name.strip())
    added: set[int] = set()
    for side in (reversed(before), after):
        for block in side:
            if block.index in credits or is_note(doc, block, names):
                break
            added.add(block.index)
    return frozenset(added)


def is_note(doc: Document, block: Block, authors: Sequence[str] = ()) -> bool:
    """Whether a paragraph beside the story is a note, not prose of the story (the module's
    docstring says how it is told); `authors`: the names that open a bio."""
    text = " ".join(normalize_inline(block.text).split())
    if not is_body_paragraph(doc, block):
        return True
    if _NOTE_OPENING().search(text) or _NOTE_WORDS().search(text) or _BIO().search(text):
        return True
    return any(text.startswith(name) for name in authors)
