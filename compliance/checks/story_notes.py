"""Where a republished story begins and ends against its original, for the `fidelity` check: the
copy's paragraphs in no paragraph of the original that stand before the first paragraph the two
share or after the last are either notes beside the story (a credit line, an editor's note, a
republisher's boilerplate, a "Related:" list, an author's bio), which are no edit of it, or
paragraphs of new prose (a local top, a local kicker: new facts, new quotes), which are.

A paragraph is a note when it is not running text (`story.is_body_paragraph`: a short line, a
line that ends as no sentence ends, a list of links, a block in an aside, header or footer) nor a
short sentence of the story (`story.is_short_sentence`: "He was 34.", not "Posted in Politics,
Health", "Tags: jails" or "Filed under: Health", which are the page's furniture), when
it opens as a note opens ("Editor's note:", "Related:", "Read more"), when it speaks of the story,
its publication or its publisher's newsroom ("this story", "originally published", "republished",
"sign up for our newsletter", "© 2024", "a nonprofit newsroom"), or when it is a bio (it opens
with the name of a person the copy's bylines credit, or with a name followed by "is a
reporter"). A note labelled as the newsroom's ("Editor's note:", "Correction:", "Update:"), by
its words or by the box the page sets it in (`in_note_box`: `<div class="correction">`), is
one only while each of its clauses speaks of the republication itself (`noted_claim`): one that
says something of the story's subject is new content wherever it stands beside the story, past
a credit line too. So is a paragraph that reads as a note by its words but holds a sentence that
is no note's (no call to action, tip line, newsroom's boilerplate, bio or republication
statement) and shares a word of the original story's own (`subject_sentence`: "Sign up for our
newsletter. Regulators fined the company $2 million."); the republisher's boilerplate ("We rely
on readers like you.") shares none. After the story, it reaches outward from its last shared paragraph through
paragraphs of new prose and lines of its categories or tags ("Posted in Politics", "Tags: jails":
they label the story and do not end it), up to the first note: what lies beyond a note is the page's furniture
(a republisher's boilerplate after its credit line), not the story. Above the story, between its
headline and its first shared paragraph, every paragraph is read, past notes and credit lines
(a sentence above the credit line is prose), and the story's head is read as prose where it is
(`story.is_head_prose`): a standfirst, a sentence in the article's header."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from compliance.checks.languages import FUNCTION_WORDS
from compliance.checks.story import call_to_action_clause, is_body_paragraph, is_head_prose, is_short_sentence
from compliance.checks.story_furniture import linked_words
from compliance.document import Block, Document
from compliance.document.byline_reading import is_topics_line
from compliance.document.elements import in_any, names, text_of
from compliance.firstuse import on_first_use
from compliance.text import normalize_inline

# The labels of a note that speaks for the newsroom: it must speak of the republication alone.
# A date (and time) may follow the label: "Update, May 3:", "Updated May 3, 2026 \u2014", "Correction (5/3/2026):".
_LABEL_DATE = (
    r"(?:,?\s*\(?\s*(?:on\s+)?(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?)?\s*\)?)?"
)
_LABEL_WORDS = r"(?:editor'?s'?\s+notes?|notes?|corrections?|clarifications?|updates?|updated)"
_LABEL_END = r"\s*(?::|\u2014|\u2013|-|\.)"
_NOTE_LABEL = on_first_use(r"^\W*" + _LABEL_WORDS + _LABEL_DATE + _LABEL_END + r"\s*", 2)  # re.IGNORECASE
# What opens a paragraph in a box the page names a newsroom's note (`in_note_box`), before the
# note itself: its label, or a date alone ("Dec. 2, 2026:"), or nothing.
_BOX_LEAD = on_first_use(r"^\W*(?:" + _LABEL_WORDS + r")?" + _LABEL_DATE + r"(?:" + _LABEL_END + r")?\s*", 2)
# How a note opens: its label, or a pointer to other stories. The words of a newsroom's label
# ("Correction", "Update", "Note", "Disclosure") open a note only as a label, with a date or not
# and its colon or dash ("Correction, Dec. 2:", "UPDATE —"): "Correction officers said …",
# "Updated figures show …" and "Note that …" open sentences of a story.
_NOTE_OPENING = on_first_use(
    r"^\W*(?:(?:editor'?s'?\s+notes?|about\s+the\s+authors?|related|read\s+more|read\s+the|see\s+also|more\s+from|also\s+read|recommended|sponsored"
    r"|advertisement|photo|photos|reporting\s+by|additional\s+reporting|written\s+by|edited\s+by|produced\s+by)\b"
    r"|(?:" + _LABEL_WORDS + r"|disclosures?|disclaimers?)" + _LABEL_DATE + _LABEL_END + r")",
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
# A clause saying the story was updated, corrected or changed "to clarify that X" or "with X"
# carries the claim X: the words after this count as a clause of their own.
_CARRIED_CLAIM = on_first_use(
    r"\b(?:updated|corrected|changed|amended|revised|edited|expanded)\s+(?:(?:to|in\s+order\s+to)\s+(?:clarify|reflect|add|note|say|show|state|include"
    r"|indicate|explain|make\s+clear|specify|report|mention|acknowledge|correct)\s+that|with)\s+",
    2,  # re.IGNORECASE
)
# Where a note's clauses part: a sentence's end, a semicolon, a dash between words, or a comma
# before a conjunction that opens another clause.
_CLAUSE_BREAK = on_first_use(r"[.!?]+[\"\u201d\u2019')]*\s+|;\s*|\s+[\u2014\u2013-]+\s+|,\s+(?:and|but|while|although|though|whereas|yet)\s+|\s+but\s+", 2)
# What a clause says of the republication itself, from its first word: the story as a text
# published, edited, corrected or credited ("This story was originally published by…", "An earlier version of this
# story misstated…", "An earlier version misstated…", "It has been edited for length", "References to time have been updated",
# "We regret the error"), or the publisher's own furniture (`_NOTE_WORDS`, but "this story" alone:
# "The sheriff disputes this story" speaks of the story's subject).
_OF_REPUBLICATION = on_first_use(
    r"^\W*(?:(?:this|the|our|that)\s+|an?\s+(?:earlier|previous|prior|original)\s+(?:version\s+of\s+(?:this|the)\s+)?)?"
    r"(?:story|article|report|piece|post|column|version|it|headline|text)\s+"
    # Where the republisher printed it: "An earlier version of this story on the Valley Times website misspelled …".
    r"(?:(?:on|in|at)\s+(?:[^.;:\n]{1,50}?\b(?:website|web\s*site|site|pages?|edition|newspaper|paper|app|newsletter|print)|[\w-]+(?:\.[\w-]+)+)\s+)?"
    r"(?:(?:was|is|has|had|have|been|were|originally|first|previously|initially|incorrectly|mistakenly|erroneously|wrongly|also|now)\s+){0,3}"
    r"(?:published|appeared|ran|produced|posted|republished|reprinted|edited|updated|shortened|condensed|abridged|trimmed|adapted|translated"
    r"|corrected|changed|said|stated|misstated|reported|misreported|misspelled|misspelt|misidentified|misattributed|misnamed|gave|named"
    r"|referred|included|omitted|contained|described|listed|quoted|misquoted|identified|attributed)\b"
    r"|^\W*(?:it\s+(?:was|has\s+been)\s+)?(?:edited|updated|shortened|condensed|trimmed|abridged|adapted)\s+(?:for|to\s+reflect|since)\b"
    r"|^\W*(?:all\s+|some\s+)?(?:references?|mentions?)\s+to\b[^.;]{0,60}\b(?:updated|changed|adjusted|edited)\b"
    r"|\bregrets?\s+the\s+error\b|\bapologi[sz]e",
    2,  # re.IGNORECASE
)
# The furniture of `_NOTE_WORDS` is of the republication; "this story" alone is not.
_STORY_NOUN = on_first_use(r"^(?:this|the\s+original|the\s+full)\s", 2)
# A clause of fewer words is a date, a time or a name after a label ("Updated Dec. 5, 2026"), no claim.
_FEWEST_CLAIM_WORDS = 4
# A bio: a name, then what the person does for a living.
_BIO = on_first_use(
    r"^(?:[A-Z][\w.'\u2019-]*\s+){1,4}(?:is|was|covers|writes|reports|joined)\b[^.]*?\b(?:reporter|correspondent|writer|editor"
    r"|journalist|columnist|contributor|producer|photographer|fellow|professor|intern|author|researcher|lecturer)s?\b"
)


def prose_beside_story(
    doc: Document, before: Sequence[Block], after: Sequence[Block], credits: frozenset[int] = frozenset(), subject: frozenset[str] = frozenset()
) -> frozenset[int]:
    """The indexes (`Block.index`) of the paragraphs of new prose the copy (`doc`) adds before or
    after the story: `before`, the copy's paragraphs before the first it shares with the original,
    in document order; `after`, those after the last; `credits`, the indexes of those that hold
    only what the terms require (a credit line, a tagline: notes whatever their words). `after` is
    read outward from the story up to its first note, each paragraph of `before` on its own, as
    the story's head (see the module's docstring); a paragraph that opens with the name of a
    person the copy's bylines credit is a bio. `subject`: the original story's words
    (`subject_words`); a paragraph that reads as a note but holds a sentence of its subject
    (`subject_sentence`) is prose."""
    names = tuple(name for byline in doc.bylines for name in byline.names if name.strip())

    # Above the story, between its headline and its first paragraph, nothing is the page's but
    # notes and credits: each paragraph is read (a sentence above the credit line is prose too).
    added = {block.index for block in before if _block_claim(doc, block) is not None or not (block.index in credits or _head_note(doc, block, names, subject))}
    reached = False
    for block in after:
        if not reached and is_topics_line(block.text):
            continue  # the story's categories or tags label it; they do not end it
        # A labelled note that makes a claim, or a note's paragraph that goes on with a sentence of
        # the story's subject, is the newsroom adding to the story wherever it stands.
        if _claims_beside(doc, block, names, subject) or (not reached and not (block.index in credits or is_note(doc, block, names, subject))):
            added.add(block.index)
        else:
            reached = True
    return frozenset(added)


def _claims_beside(doc: Document, block: Block, authors: Sequence[str], subject: frozenset[str]) -> bool:
    """Whether a paragraph beside the story makes a claim of its subject though it reads as a
    note: a labelled note's claim (`noted_claim`), or running text that reads as a note by its
    words (`_note_by_words`) with a sentence of the story's subject (`subject_sentence`). A
    labelled note (`is_labelled_note`) is read by its clauses alone (`noted_claim`)."""
    if _block_claim(doc, block) is not None:
        return True
    if (
        is_labelled_note(doc, block)
        or not subject
        or not (is_body_paragraph(doc, block) or is_short_sentence(doc, block))
        or not _note_by_words(block.text, authors)
    ):
        return False
    return subject_sentence(" ".join(normalize_inline(block.text).split()), subject, authors) is not None


def _head_note(doc: Document, block: Block, authors: Sequence[str], subject: frozenset[str]) -> bool:
    """Whether a paragraph above the story is a note (`is_note`), read as the story's head is: a
    standfirst or a sentence in the article's header is prose like any other (`is_head_prose`),
    but a labelled note (`is_labelled_note`) is a note there too."""
    if is_labelled_note(doc, block):
        return is_note(doc, block, authors, subject)
    return is_note(doc, block, authors, subject) and not (is_head_prose(doc, block) and not _note_by_words(block.text, authors, subject))


def noted_claim(text: str, *, boxed: bool = False) -> str | None:
    """The first clause of a note labelled as the newsroom's ("Editor's note:", "Note:",
    "Correction:", "Clarification:", "Update:") that says something of the story's subject, not
    of the republication itself (`_OF_REPUBLICATION`: who published it first and where, that it
    was edited for length or style, a time or place reference updated, the copy's own error
    corrected); None when every clause speaks of the republication, or the text is no such note.
    A clause of fewer than `_FEWEST_CLAIM_WORDS` words (a date after "Updated") is none. A label
    may carry a date ("Update, May 3:", "Updated May 3, 2026 \u2014"); a clause saying the story
    was updated, corrected or changed "to clarify/reflect/add/note that X" or "with X" carries
    the claim X ("updated to reflect the time difference", "edited for length" carry none).
    `boxed`: the paragraph stands in a box the page names a newsroom's note (`in_note_box`),
    which labels it as its words would: it is read after its date, if it opens with one."""
    text = " ".join(normalize_inline(text).split())
    label = _NOTE_LABEL().match(text) or (_BOX_LEAD().match(text) if boxed else None)
    if label is None:
        return None
    for clause in _CLAUSE_BREAK().split(text[label.end() :]):
        claim = _clause_claim(clause)
        if claim is not None:
            return claim
    return None


def _clause_claim(clause: str) -> str | None:
    """`clause` (stripped) when it says something of the story's subject, else None; a clause
    that says the story was updated "to clarify that X" or "with X" is read for X instead."""
    carried = _CARRIED_CLAIM().search(clause)
    if carried is not None and _OF_REPUBLICATION().search(clause[: carried.start()] + carried.group(0)):
        return _clause_claim(clause[carried.end() :])
    if len(clause.split()) < _FEWEST_CLAIM_WORDS or _OF_REPUBLICATION().search(clause):
        return None
    if any(not _STORY_NOUN().match(m.group(0)) for m in _NOTE_WORDS().finditer(clause)):
        return None
    return clause.strip()


def _block_claim(doc: Document, block: Block) -> str | None:
    """The claim of a paragraph beside the story labelled as a newsroom's note, by its words or by
    the box it stands in (`noted_claim`, `in_note_box`), or None."""
    return noted_claim(block.text, boxed=in_note_box(doc, block))


def is_labelled_note(doc: Document, block: Block) -> bool:
    """Whether a paragraph is labelled as the newsroom's note: by its words (`_NOTE_LABEL`:
    "Correction, Dec. 2, 2026:", "CORRECTION:", "Update, Dec. 2, 2026, 3:15 p.m.:", "Editor's
    note —") or by the box the page sets it in (`in_note_box`)."""
    return _NOTE_LABEL().match(" ".join(normalize_inline(block.text).split())) is not None or in_note_box(doc, block)


# The class or id names of the box a theme or a CMS sets a newsroom's note in (`correction`,
# `story-correction`, `correction-box`, `clarification`, `editors-note`, `editorsNote`).
_NOTE_BOX_NAMES = frozenset(
    {"correction", "corrections", "clarification", "clarifications", "editors-note", "editor-note", "editors-notes", "editor-notes", "editorial-note"}
)
# The most words of such a box: a note or two, never the story (a wrapper named for its notes).
_NOTE_BOX_WORDS = 150


def in_note_box(doc: Document, block: Block) -> bool:
    """Whether a block stands in a box, inside the article's element, whose class or id names a
    newsroom's note (`_NOTE_BOX_NAMES`, at either end of a name: "correction-box",
    "story-correction") and that holds at most `_NOTE_BOX_WORDS` words: the page labels what it
    says as its correction, clarification or editor's note though its words carry no label. A
    Markdown or plain-text article, which has no such markup, has none."""
    element = block.element
    if element is None or not isinstance(element.tag, str):
        return False
    root = doc.article_root
    known: dict[Any, bool] = doc._memo.setdefault("in_note_box", {})
    return in_any(element, lambda node: node is not root and _note_box(node), known, stop=root)


def _note_box(node: Any) -> bool:
    """Whether an element is a note's box (see `in_note_box`)."""
    return isinstance(node.tag, str) and names(node, _NOTE_BOX_NAMES, at="ends") and len(text_of(node).split()) <= _NOTE_BOX_WORDS


# A pointer to other stories, as a note opens: "Related:", "Read more:", "See also |", "More from
# the Courier:", "Recommended:".
_POINTER = on_first_use(
    r"^\W*(?:related(?:\s+(?:stories|story|articles?|coverage|content|reading|links?))?|read\s+(?:more|next|also)|see\s+also|also\s+read"
    r"|recommended(?:\s+reading)?|more\s+from(?:\s+[^\s:|]+){0,5})\s*[:|\u00bb\u203a\u2014\u2013-]+",
    2,  # re.IGNORECASE
)


def pointer_claim(doc: Document, block: Block) -> bool:
    """Whether a paragraph that opens as a pointer to other stories (`_POINTER`: "Related:", "Read
    more:") says something itself: after its label, at least `_FEWEST_CLAIM_WORDS` words outside
    its links, ending as a statement ends ("." or "!"): "Related: Our editorial board says the
    inspectors should be fired." is new prose; "Related: [County approves the new jail](…)" and
    "Read more: Is the jail safe?" point at a story, as a headline does."""
    text = " ".join(normalize_inline(block.text).split())
    label = _POINTER().match(text)
    if label is None or not text.rstrip("\"'\u201d\u2019)*_ ").endswith((".", "!")):
        return False
    _, outside = linked_words(doc, block)
    outside_label = _POINTER().sub("", " ".join(normalize_inline(outside).split()), count=1)
    return len(re.findall(r"\w+", outside_label)) >= _FEWEST_CLAIM_WORDS


def is_note(doc: Document, block: Block, authors: Sequence[str] = (), subject: frozenset[str] = frozenset()) -> bool:
    """Whether a paragraph beside the story is a note, not prose of the story (the module's
    docstring says how it is told); `authors`: the names that open a bio; `subject`: the original
    story's words (`subject_words`). A pointer to other stories that says something itself
    (`pointer_claim`) is prose; a labelled note (`is_labelled_note`) that makes no claim is a note
    whatever its length or words."""
    if _block_claim(doc, block) is not None or pointer_claim(doc, block):
        return False
    if is_labelled_note(doc, block):
        return True
    if not is_body_paragraph(doc, block) and not is_short_sentence(doc, block):
        return True
    return _note_by_words(block.text, authors, subject)


def _note_by_words(text: str, authors: Sequence[str], subject: frozenset[str] = frozenset()) -> bool:
    """Whether a paragraph's words are a note's (`reads_as_note`) or a bio's of one of `authors`,
    and none of its sentences speaks of the story's subject (`subject_sentence`)."""
    text = " ".join(normalize_inline(text).split())
    if not (reads_as_note(text) or any(text.startswith(name) for name in authors)):
        return False
    return not subject or subject_sentence(text, subject, authors) is None


# Words too common to say what a story is about: English function words, pronouns, auxiliaries,
# and the words every newsroom's boilerplate uses of itself and its readers.
_COMMON_WORDS = FUNCTION_WORDS | frozenset(
    """about after again against all also any because before being both but can could did does doing down during each
    few further here how into just more most much must now off once only other our ours out over own same should some
    such than then there these those through too under until very what when where while who whom why you your yours
    him them its itself myself ourselves themselves what's it's we're i'm don't can't won't may might shall one two
    new like get got make made help read reading readers reader thank thanks please today free every people
    news story stories journalism journalist journalists report reporting reporter reporters local community
    support independent nonprofit rely work email mail contact call text send tip tips more""".split()
)
# Where a paragraph's sentences part: a sentence's end before a space.
_SENTENCE_END = on_first_use(r"(?<=[.!?])[\"\u201d\u2019')\]]*\s+")
# A word, without a possessive's "'s".
_WORD = on_first_use(r"[^\W\d_][\w'\u2019-]*")
_POSSESSIVE = on_first_use(r"['\u2019]s?$")
# A tip line's question or a bio's next sentences: "Have a tip?", "She previously covered…".
_TIP_QUESTION = on_first_use(r"^\W*(?:have|got|know|do\s+you\s+have)\s+(?:a\s+|any\s+)?(?:news\s+)?(?:tips?|story\s+ideas?)\b", 2)
_BIO_GOES_ON = on_first_use(r"^\W*(?:he|she|they|his|her|their|before\s+joining|previously|prior\s+to\s+joining|reach|contact|follow)\b", 2)


def subject_words(story: Sequence[Block]) -> frozenset[str]:
    """The words of an original story's paragraphs, case-folded, that say what it is about
    (`_words`). A copy's sentence holding one speaks of the story's subject."""
    return frozenset(word for block in story for word in _words(block.text))


def _words(text: str) -> set[str]:
    """`text`'s words (`_WORD`), case-folded and without a possessive's "'s", that are not
    common (`_COMMON_WORDS`) and have three letters or more; no number."""
    folded = (_POSSESSIVE().sub("", word.casefold()) for word in _WORD().findall(text))
    return {word for word in folded if len(word) > 2 and word not in _COMMON_WORDS}


def subject_sentence(text: str, subject: frozenset[str], authors: Sequence[str] = ()) -> str | None:
    """The first sentence of a paragraph (`text`) that speaks of the story's subject, or None:
    one that is no note's sentence (`_note_sentence`: a call to action, a tip line, the newsroom's
    boilerplate, a bio of one of `authors`, a republication statement), no question and holds a
    word of `subject` (`subject_words`): "Sign up for our newsletter. Regulators fined the company
    $2 million." holds one; "The Valley Times is a nonprofit newsroom. We rely on readers like
    you." holds none."""
    in_bio = False
    for sentence in _SENTENCE_END().split(text):
        sentence = sentence.strip()
        if _note_sentence(sentence, authors) or (in_bio and _BIO_GOES_ON().match(sentence)):
            in_bio = in_bio or bool(_BIO().match(sentence) or any(sentence.startswith(name) for name in authors))
            continue
        if not sentence.rstrip("\"'\u201d\u2019)] ").endswith("?") and _words(sentence) & subject:
            return sentence
    return None


def _note_sentence(sentence: str, authors: Sequence[str]) -> bool:
    """Whether a sentence is a note's by its words: it opens as a note opens (`_NOTE_OPENING`),
    speaks of the story's publication or a newsroom (`_NOTE_WORDS`, but "this story" alone),
    calls to action (`story.call_to_action_clause`), asks for tips (`_TIP_QUESTION`), is a bio
    (`_BIO`, or opens with a name of `authors`) or speaks of the republication (`_OF_REPUBLICATION`)."""
    if _NOTE_OPENING().search(sentence) or _BIO().match(sentence) or _OF_REPUBLICATION().match(sentence):
        return True
    if call_to_action_clause(sentence) or _TIP_QUESTION().match(sentence) or any(sentence.startswith(name) for name in authors):
        return True
    return any(not _STORY_NOUN().match(m.group(0)) for m in _NOTE_WORDS().finditer(sentence))


def reads_as_note(text: str) -> bool:
    """Whether a paragraph's words are a note's, wherever it stands: it opens as a note opens
    ("Editor's note:", "Related:", "Read more"), speaks of the story, its publication or a
    newsroom ("originally published", "Sign up for our newsletter", "© 2024"), or is a bio (a
    name, then "is a reporter"); not a labelled note that says something of the story's subject
    (`noted_claim`)."""
    text = " ".join(normalize_inline(text).split())
    if noted_claim(text) is not None:
        return False
    return bool(_NOTE_OPENING().search(text) or _NOTE_WORDS().search(text) or _BIO().search(text)) or _of_the_republication(text)


# A contributor line: who else reported, wrote or edited the story ("Additional reporting by Tom
# Becker of the Valley Times.", "Reporting by Ana Ruiz; editing by Sam Li.", "Tom Becker of the
# Valley Times contributed to this report.").
_CONTRIBUTOR_LINE = on_first_use(r"\bcontributed\s+(?:additional\s+)?(?:reporting\s+|research\s+)?to\s+this\s+(?:story|article|report)\b", 2)
# A credit line of contributors: "Additional reporting by", "Reporting by", "Edited by", then
# names alone (capitalised words and the words that join them): "Reporting by state auditors
# found two more closures." is a sentence of the story.
_CONTRIBUTOR_NAME = r"(?:[A-Z][\w.'\u2019-]*|of|the|and|for|at|from|with|by|&|(?i:additional\s+)?(?i:reporting|research|writing|editing|fact-checking))"
_CONTRIBUTOR_CREDIT = on_first_use(
    r"^[\W_]*(?i:(?:(?:additional\s+)?(?:reporting|research|writing|editing|fact-checking)|written|edited|produced|compiled)\s+(?:by|was\s+contributed\s+by))\s+"
    rf"{_CONTRIBUTOR_NAME}(?:[\s,;]+{_CONTRIBUTOR_NAME})*[.\s*_]*$"
)
# The most words of a contributor line: a sentence naming people and outlets, never a paragraph of the story.
_CONTRIBUTOR_WORDS = 25


def is_note_on_story(text: str) -> bool:
    """Whether a paragraph after a story is a note on it by its words alone, not its text: a
    contributor line (`_CONTRIBUTOR_CREDIT`, `_CONTRIBUTOR_LINE`, in at most `_CONTRIBUTOR_WORDS`
    words: "Additional reporting by Tom Becker of the Valley Times.", "Ana Ruiz contributed to
    this report."), a note labelled as the newsroom's
    (`_NOTE_LABEL`: "Editor's note:", "Correction:", "Update, May 3:", whatever it goes on to
    say: whether its claim is an edit is the comparison with the original's to judge). For what
    must end the story (a tagline): such a note after it does not make it stand before the story's
    end. An unlabelled line of the republication ("This article was originally published by …")
    is not one: which credit may follow a tagline is the pack's to say (`allow-after`)."""
    text = " ".join(normalize_inline(text).split())
    if _NOTE_LABEL().match(text):
        return True
    if len(text.split()) > _CONTRIBUTOR_WORDS:
        return False
    return _CONTRIBUTOR_CREDIT().match(text) is not None or _CONTRIBUTOR_LINE().search(text) is not None


def _of_the_republication(text: str) -> bool:
    """Whether each clause of an unlabelled paragraph speaks of the republication itself
    (`_OF_REPUBLICATION`): "It has been edited for length.", what is left of an editor's note once
    the credit line the terms require is taken out of it."""
    clauses = [clause for clause in _CLAUSE_BREAK().split(text) if clause.strip(" .!?\"'\u201c\u201d")]
    return bool(clauses) and all(_OF_REPUBLICATION().match(clause.strip()) for clause in clauses)
