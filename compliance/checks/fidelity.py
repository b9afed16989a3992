"""`fidelity` — the republished story is the original's text, changed only as the terms allow.

The story paragraphs of both (the article's text blocks without headline, headings, bylines and
photos' captions — the terms let an editor omit or substitute a photo, and its caption goes with
it —; where a page marks its story with `itemprop="articleBody"`, the blocks of that body alone,
not the authors' disclosure or partner notes after it; without page furniture: a date line, the
publication or update date a theme prints in a `<time>`, an element whose class names a date
(`byline-date`, `posted-on`, `timestamp`) or a line of a date alone above the story's first
paragraph, so the copy's own date is no edit; an ad, an ad slot as ad plugins mark it — a class
or id word `ad`, `ads`, `advert`, `advertisement`, `adsbygoogle`, `dfp` or `gpt`, Ad Inserter's
`code-block-2`, a `data-ad-*` attribute, `aria-label="Advertisement"`, of at most 50 words, whose
words outside links are nothing or an ad's label (plain text there is compared) — or a paragraph
that is all an ad's label, "Advertisement", "Story continues below advertisement",
"Sponsored", "Ad", as the terms allow ads on the page; a promo line set off in square brackets
that calls to subscribe, sign up or donate ("[Understand new developments in science, health and
technology, each week. Subscribe to The Conversation's science newsletter.]"); a site's promo of
another story: a label and a link's words alone ("Related: <a>…</a>", in Markdown "**Related:**
[…](…)"), or a promo list, a heading of its own ("More from Valley Times", "Related stories",
"You may also like") over blocks that are each one link's words; a short notice of
the story's rights, each sentence saying it may or may not be republished ("This story can be
republished for free (details).", "This story is All Rights Reserved.", "This article is not
subject to ProPublica's Creative Commons license until Oct. 3, 2099.": whether the story may run
is the terms' to say, as a pack's `in-original` rule reads the notice; the label's words, not a
sentence of the story that speaks of rights reserved, "stamped 'All rights reserved,' and told
her …", which a copy may not cut or add); and the original's deck, its standfirst
under the headline, `<p class="dek">`, a `summary`, `standfirst` or `subhead` class, when the
copy prints it nowhere, as ProPublica's republish HTML has none; a deck the copy keeps is
compared; and page chrome, an element whose class or id names the site's boxes — `newsletter`,
`ad-slot`, `advertisement`, `related`, `sidebar`, a share bar —, but not the story's text the
copy puts in one: a block there that is a version of a paragraph of the original, kept or
changed, is compared wherever it stands, and one between the story's paragraphs that reads as
story prose — running text, not a note or a call to action, in no list and in no box with a
heading, a form, a button or a teaser's headline, as sign-up boxes and related stories have, and
not printed on the original's page too — is an addition: `story_chrome`) are aligned in order:
identical paragraphs first, then, between them, the closest pairs by
character similarity (0–100, rapidfuzz's normalized Indel ratio), or a paragraph with words
only cut or only added (a sentence dropped) with its original, however short it became. Both
are read as a reader reads them: a letter of another script that looks like a Latin one (the
Cyrillic а, е and о of Unicode's confusables) is that Latin letter, in a word of one script too
(the Cyrillic word "а" is "a"), so look-alike letters are no edit (the `syndcheck/look-alike-letters`
warnings name them); a diff between words that still look alike names the code points that
differ (`her [-resume-] {+résumé+} (U+00E9 LATIN SMALL LETTER E WITH ACUTE)`).
Paragraphing is layout, not an edit: two to four paragraphs printed as one (a CMS paste joins
them, Markdown loses a blank line) or one printed as two to four are read as one text, their
words in order, in HTML as in Markdown; a join or a split alone passes, and the verdict says so
(`all 5 paragraphs of the original, unchanged beyond style, time and place edits; paragraphs 2
and 3 of the original are printed as one`, `paragraph 5 of the original is printed as 2`), while
a word changed in it is judged as any edit, quoted from the joined text (`changed (18 → 81):
Customers in the … district now pay [-18-] {+81+} dollars more each … of which leak.`). Each
difference is one hit:

- `changed`: a paragraph edited beyond style, relative time and place. Such edits change a few
  words in a place ("on Tuesday" → "last week", "Portland, Ore." → "here"): a paragraph is
  changed beyond them when one edit replaces or adds more than `style-words` words, or when its
  similarity falls below `style-similarity` (a number spelled in several words counts as one:
  "150" → "one hundred and fifty" is style). However small, an edit that turns one number into
  another ("41 welds" → "14 welds"; "twelve" → "12", "twenty-six" → "26" and "14th" →
  "fourteenth" are style) away from words of time ("in two weeks" → "in three weeks", "two days
  ago" → "four days ago" and "the past three days" → "the past five days" count from the
  republication's day: relative time edits; a length of the story's own is not: "took 3 days" →
  "took 4 days", "completed in 3 days" → "completed in 4 days" (after a verb of work done in the
  past, "in" counts the time it took; "will be completed in two weeks" counts from the day) and
  "worked for 3 hours" → "worked four hours" are changes, "72 hours" → "three days" restates it, and neither is one written as one
  word: "a four-hour drive" → "a five-hour drive" is a change; "second" without a count before it
  is a rank: "the second inspector" → "the first inspector" is a change; nor is a date's day or year: "March 14" → "March 15" and "in May
  2023" → "in May 2024" are changes, "March 14" → "March 14th" is style), that puts a count for a rank ("14 welds" → "14th welds"; in a
  date the day reads either way: "March 14" → "March 14th"), that puts one unit of time for
  another with or without a number (`"hours" → "years"`: "within a few hours" → "within a few
  years", "minutes later" → "days later", "for weeks" → "for months"; a time counted from the
  republication's day may be restated, "last week" → "last month", "two days ago" → "two weeks
  ago", "in two weeks" → "in 10 days", and so may a length, "48 hours" → "two days"), or that
  adds or removes a negation ("not",
  "never", "nobody", "-n't"; "No. 1", "no. 12" and "No 10" inside a sentence are "number"),
  changes what the story says: it is beyond style too. A negation put as a verb of refusal or
  denial, or the other way round, is reported as the wording it changes, not as a meaning
  reversed (`"did not" → "declined to": a negation reworded as a refusal or denial`; "refused",
  "failed", "denied" too). A relative time put for a date of the calendar (`time_edits`: "in
  2024" → "last year", "In the spring of 2023" → "Last spring", "March 14, 2023" → "yesterday",
  and with a publication date also "on Tuesday" → "yesterday", "in March" → "last month") is
  judged by the copy's publication day whatever its length (its `publication_date`, else the
  first of its front matter's `date`, `publishDate`, `pubDate` and `published` that names a day,
  as Hugo, Jekyll, Eleventy and Astro write them; metadata values are read as written, and a
  day with a time after it, `2024-06-01T09:30:00-05:00`, is that day): it keeps the fact when the days
  it names from that day hold the date (`"in 2024" → "last year": republished 2024-06-01, "last
  year" is 2023` is a change; republished in 2025 it is a time edit); without a publication
  date it is reported as judged without one (`"in 2024" → "last year", judged without a
  publication date: …`): the terms allow a time edit that keeps the fact, which nothing else
  on the page tells. A date put for a time the original counted from its own day ("yesterday"
  → "on May 1", "on 1 May", "on 5/1" — a date of numbers is read month first —, "two years ago"
  → "in 2022") is judged by the original's day (its front
  matter's, read as the copy's is, else its page's `article:published_time` or schema.org
  `datePublished`): the date must hold every day the relative time named (`"yesterday" → "on
  May 3": the original was published 2024-05-02, so "yesterday" was Wednesday, 2024-05-01`;
  "last week" → "on Tuesday" says more than the original did); without the original's day such
  an edit is judged by its words. A time of day put for another changes the fact (`"3 p.m." →
  "5 p.m."`); the same instant restated does not: in another style ("3 p.m." → "15:00", "3:00
  p.m.", "3pm"; "noon" → "12 p.m."), with a time zone added ("3 p.m." → "3 p.m. ET"), or, when
  both name a zone, in another ("3 p.m. ET" → "noon PT"; a zone after the time, in capitals,
  with or without stops: UTC, GMT and the US zones, "ET", "CT", "MT", "PT", "AKT", "HT" and
  their "EST" and "EDT" forms, "E.T."; or a US zone in words, in any usual case, which is the zone
  its abbreviation names: "Eastern time", "Eastern", "Central Standard Time", "Alaska time" —
  "3 p.m. ET" → "2 p.m. Central time" passes —, not before a name, "3 p.m. Central Park", and "et"
  in lower case is no zone; a zone without "S" or "D" follows US daylight saving on the story's day, the
  original's, else the copy's: "3 p.m. ET" is "19:00 UTC" on 2024-05-02 and "20:00 UTC" on
  2024-01-10, and without a day either passes; "HT" keeps Hawaii's standard time all year).
  A zone the original does not name is not restated (`"3 p.m." → "noon PT"`), and one it names
  is not dropped (`"3 p.m. ET" → "3 p.m.": its time zone dropped`: a reader elsewhere reads
  another time), unless the copy's paragraph still writes that zone at another of its times
  ("9 a.m. to 5 p.m. ET", AP's zone once after a range); in a story in Arizona (it names Arizona
  or one of its cities, and no other state of Mountain Time: `time_edits.story_in_arizona`), "MT"
  is MST all year, as Arizona keeps no daylight saving ("9 a.m. MT" in July is "9 a.m. MST" and
  "16:00 UTC", not "9 a.m. MDT"), and in a story that names Arizona and another such state either
  reading passes;
  and a range of times turned round is a change (`"9 a.m. to 5 p.m." → "5 p.m. to 9 a.m."`). So does one that replaces, adds or removes
  a content word — a noun, verb, adjective or adverb, a person's name, a number that is not of
  time or a year — reported with its words (`"diabetes" → "cancer"`, `"approved" → "rejected"`,
  `"Maria Lopez" → "Mario Lopes"`, `"allegedly" removed`, `"41" removed`), one that puts a month
  or weekday for another (`"June" → "July"`), one that names another place (`"Amarillo Texas" →
  "Tulsa Oklahoma": another place`, `"Oklahoma" → "Kansas": another place`; a county, parish or
  borough named like a city the gazetteer knows is another place than the city, `"Austin" →
  "Austin County": another place` and back, and so is a county put as a parish of its name,
  while "Travis County" → "the county" is a place edit; a city put as the
  state or country the gazetteer has it in says less, where no longer told: `"Austin" → "Texas":
  a city put as its state or country, less precise`, and "Austin, Texas" → "Texas" is `a city cut
  to its state or country`; with a noun of place beside the state it names a place in it, which
  the gazetteer cannot tell is the city: `"Austin" → "the Texas capital": a city put as a place in
  its state or country, not by name`; the other way it says more: `"Texas" → "Austin": a state or country
  put as one of its cities, more precise`; "Portland, Ore." → "Portland", → "Portland,
  Oregon", → "here" or → "in our city", and "Mich." → "MI" are place edits), and one that moves a date to the other side of a
  time it names (`"yesterday" → "tomorrow"`, `"last" → "next"`, `"ago" → "from now"`,
  `"earlier" → "later"`, `"early" → "late"`, `"10 a.m." → "10 p.m."`, `"morning" → "evening"`,
  `"spring" → "fall"`): a time edit keeps a date true from the republication's day, on its side
  ("yesterday" → "on Monday" or "last week", "tomorrow" → "next week", "Tuesday night" →
  "tonight"); so does "from" put for "to" (`"from" → "to"`: "flights from Denver" → "flights to
  Denver"; "different to" → "different from" is style), and so do words moved so that a noun
  changes sides of "from" and "to", "before" and "after" or "won against" and "lost against"
  (`"to Ohio" → "from Ohio"`: "moved to Ohio from Texas" → "moved from Ohio to Texas"; AP's
  "moved from Texas to Ohio" keeps each noun with its word and is style), and so do words moved
  so that a range is turned round (`"Monday to Friday" → "Friday through Monday"`, `"January
  through March" → "March through January"`; "Jan. to March" → "January through March" keeps its
  ends and is style). An edit is within the
  terms when its words are, after case and punctuation:
  the same words in another style (hyphens and spaces, "U.S." → "US", US/UK spelling "colour" →
  "color" and "organise" → "organize", a typo fixed inside a long word, a contraction "did not"
  → "didn't", "percent" → "%", an abbreviation or acronym "Senator" → "Sen." and "Environmental
  Protection Agency" → "EPA", AP usage "more than" → "over" and "says" → "said", a word moved
  within the paragraph "said Smith" → "Smith said", a range's "to" or dash as AP's "through"
  "Monday to Friday" → "Monday through Friday" when both ends stay), words of time ("Tuesday", "yesterday",
  "last", "week", "ago", "in 2019"), places (a town, state, country or county the gazetteer
  knows dropped or shortened, a state's AP abbreviation "Ore." or postal code "OR", "here",
  "our city", "county", "Tulsa-based"), function
  words (articles, prepositions, conjunctions, "that"/"which", forms of "be", "have", "do"), a
  courtesy title added or dropped ("Ms. Smith" → "Smith"; "Mr." → "Ms." is a change), an
  initial, or a company's "Inc.". A person named like a large city ("Jackson") reads as a place.
  A control character inside a word is read as a reader reads the word: `no\\x1bt` is "not"
  (Chromium draws a box in the word, which does not make it another word), an information
  separator too (`1\\x1f3` is "13": Chromium breaks no word there), and no warning names it
  (none does elsewhere on the page either); evidence that quotes such a word of the copy shows
  the character in the output sanitiser's visible form (`"approved" → "rej\\x1bected"`), never
  raw and never dropped, also where the page writes it as a numeric character reference
  (`rej&#x1b;ected`);
- `removed`: an original paragraph missing in the middle of the story;
- `moved`: a paragraph of the original the copy prints out of its order (at least 70% alike with
  it, joined or split too), said where it now stands instead of as one paragraph removed and the
  same added (`moved: paragraph 3 of the original ("We were told…") is printed before paragraph
  2`); an edit in it is judged as ever, a `changed` hit beside it;
- `truncated`: the story stops before the original's end (the remaining paragraphs are missing:
  `the story stops after paragraph 3 of 4 ("…"); 1 paragraph, 14 words, is missing from the end`).
  A paragraph the copy prints after its last kept one in place of a missing one is a version of
  it, `changed`, not a cut: one about as long as it (half to twice its words) that shares two
  words with it that are no language's function words (a name, a noun, a number: a last
  paragraph rewritten, a quote translated), or is in another language than the original's (the
  end translated); one that stands for none (a credit line, an editor's note, a "Read the full
  article" line in place of the original's credit) leaves the end missing;
- `added`: a paragraph inserted between the original's paragraphs, or a paragraph of new prose
  before the story's first paragraph or after its last (a local top or kicker, new facts or
  quotes: `added: "In Valley County, the health department hands out free filters…"`). A note
  before the story or after it is not an addition (`story_notes`): a paragraph that is not
  running text (under six words — but a short sentence of the story, "He was 34.", opening with a capital and
  ending as a sentence ends, is prose, unless it is the page's one-line furniture: its categories and tags,
  "Posted in Politics, Health", "Tags: jails", "Filed under: Health", "Share this:", "Thanks for reading!",
  a credit in a feed's words, "Via CalMatters.", "Originally printed in CalMatters.", a date line —, not ending
  as a sentence ends, all in links — a "Related:" list
  —, in an aside, header or footer), that opens as a note opens ("Editor's note:",
  "Correction:", "Related:", "Read more", "Reporting by"), that speaks of the story, its
  publication or a newsroom ("this story", "originally published", "republished", "with
  permission", "Creative Commons", "© 2024", "Sign up for our newsletter", "an independent
  newsroom"), or a bio (it opens with a name the copy's byline credits, or with a name and "is a
  reporter…"). A note the newsroom labels as its own ("Editor's note:", "Note:", "Correction:",
  "Clarification:", "Update:") is one only while each of its clauses, from its first words,
  speaks of the republication itself: who published the story first and where, that it was
  edited for length or style, a time or place reference updated, the copy's own error corrected
  ("Editor's note: This story was originally published by ProPublica. It has been edited for
  length." and "Correction: An earlier version of this story misspelled the name of the county's
  contractor. We regret the error." are notes); a clause that says something of the story's
  subject makes it an addition wherever it stands beside the story, past a credit line too
  (`added (a note that speaks of the story's subject, not of its republication): "Correction:
  This story originally said 41 cases. The sheriff says the number was 4."`; so are "Editor's note: The sheriff disputes these
  records…", "Editor's note: The utility disputes this story." and "Update: The sheriff resigned
  on Tuesday, two days after this story was published."). A clause of fewer than four words
  ("Updated Dec. 5, 2026") says nothing. A label may carry a date ("Update, May 3:", "Updated
  May 3, 2026 —"), and a clause saying the story was updated, corrected or changed "to clarify
  (reflect, add, note, say) that X" or "with X" carries the claim X as a clause of its own:
  "Clarification: This story has been updated to clarify that Redbud is based in Tulsa." is an
  addition, "This story has been updated to reflect the time difference." and "…edited for
  length." are not. A label is one with its colon or dash, whatever its case and date
  ("CORRECTION:", "Correction (Dec. 2):", "Clarification, 12/2/2026 —", "Update, Dec. 2, 2026,
  3:15 p.m.:"): "Correction officers said …" and "Updated figures show …" are prose. A paragraph in
  a box whose class or id names a correction, a clarification or an editor's note
  (`<div class="correction">`, `story-correction`, `editorsNote`) is labelled by it, a date before
  its words or not, in an Arc layout (paragraphs straight in `<article>`) as in a theme's content
  `<div>`. Labels and clauses are read in English, and a note
  labelled in another language is no note. A paragraph that reads as a note by its words is one
  only while each of its sentences is a note's (a call to action, a tip line, the newsroom's
  boilerplate, a bio, a republication statement): a sentence that is none and shares a word of
  the original's own paragraphs (a name, a noun of the story: words of three letters or more
  that are not common ones) speaks of its subject, and makes the paragraph an addition wherever
  it stands beside the story, past a credit line too (`added: "Sign up for our newsletter.
  Regulators fined the company $2 million on Friday."`; so are "Have a tip? Email … . <claim>"
  and "Jane Roe covers energy for ProPublica. <claim>"), while "The Valley Times is a nonprofit
  newsroom serving Lake County since 1998. We rely on readers like you." shares none, and a
  bio's sentences after its first that open with its person ("She previously covered…") are
  the bio's. A question is no claim. After the story, it reaches outward from its last paragraph of the original
  through paragraphs of new prose and lines of its categories or tags ("Posted in Politics, Health", "Tags: …": a
  sentence after them is still the story's, `added`) up to the first note or required credit line: what comes after it is the page's
  furniture. Above the story, between its headline and its first paragraph, nothing is the page's but notes and
  credits: each paragraph there is read, so a sentence above the publisher's credit line, or between the byline and
  the credit line, is `added`, and so is a standfirst the copy adds that the original lacks (a deck, `<p class="dek">`,
  `<h2 class="subtitle">`, of six words or more, with or without a full stop, or a sentence in the article's header:
  `added: "Kentucky jails let sick inmates die while guards ignored their pleas"`), while its date line, kicker and
  reading time are none, nor is a line that repeats the original's own words (its deck, a theme's excerpt of the
  story's opening, "When Marcus Hill collapsed in his cell … [&hellip;]"), nor the rest of an editor's note once the
  credit line in it is left out when each of its clauses speaks of the republication ("It has been edited for
  length."). Neither, wherever the copy puts it, is a
  paragraph that holds what the terms require a republisher to add: what the rules of the packs
  that apply find as their requirements, such as The Conversation's "This article is republished
  from The Conversation…" line, ProPublica's promo and credit line, KFF Health News' tagline and
  an author's note that names the institution; a paragraph that only links the publisher is
  such a line when it has at most 40 words; `additions`). Only the required text is left out:
  the sentences a requirement's match touches, so an editor's note in the same paragraph is an
  addition, quoted alone. The original's page may print such a line itself (KFF Health News'
  tagline ends its stories): what the same rules find there in words (a line of text, an
  element's words, a byline; not a link, which the story's own paragraphs have) is no paragraph
  of the story either, so a copy that leaves the tagline out, moves it above the story or puts it
  in a caption has cut or moved nothing (whether it is there, and where, is the tagline rule's
  to say: `all 5 paragraphs of the original`, not `the story stops after paragraph 5 of 6`); on
  the original's page a paragraph such a line opens is the line to its end (Kaiser Health News'
  older tagline goes on "It is an editorially independent program of …"), and its sentences are
  no addition where the copy prints them; a sentence of the story beside it is compared;
- `translated`: the copy is in another language than the original (English, Spanish, French,
  German, Italian, Portuguese or Dutch, told by their function words: `languages`; a copy in
  none of them is in "another language" when it is running text about as long as the original
  with almost none of the function words of the original's language: `a translation of the
  original into another language (the original is in English)`, a Catalan or Swedish copy; looked for
  only when fewer than half of the original's paragraphs are in the copy unchanged): one hit at
  its first paragraph instead of an edit for every paragraph (`a translation of the original into
  Spanish (the original is in English), which the terms prohibit`), as `translation` says the
  terms judge it: `prohibited`, `needs-permission` (a hit that says so), `allowed` (not compared:
  the file's note says it is a translation the terms allow); unset, a hit under `allow: nd` (`not
  an edit of style, time or place`), else not compared (an adaptation the terms allow). A
  translation printed with the original (after it, paragraph by paragraph, side by side) is one
  such hit too (`a translation of the original into Spanish (the original is in English)
  printed with it, which the terms prohibit`), at its first paragraph, wherever it stands (a
  trailing block included), and its paragraphs are not `added` ones: the copy's paragraphs in no
  paragraph of the original whose function words lean to another language than the original's,
  when they are at least two and hold at least a third of the original's words (one paragraph
  in another language, a quote or a sentence, stays `added`; an English note stays out of the
  story); the original's paragraphs beside it are compared as ever (where the terms allow the
  translation, they alone are).

`allow` says what the terms permit: `nd` (no derivatives: all of the above are findings),
`edits-allowed` (changes and cuts are fine; fails only when no paragraph of the original is
there at all), `excerpt-allowed` (at most `excerpt-words` words of the original). With `nd`,
`extract: true` is for terms that also permit extracts (The Conversation's "Read the full
article" extracts): paragraphs left out are not `removed` or `truncated`, and what is kept is
held to `nd`, so a changed or added paragraph is still a finding. Without an
original story the rule is not run: the file's `no-original` note names it. Captures: `change`, `paragraph` (its number in
the original), `similarity`, `diff` (a short word diff: `[-removed-]` `{+added+}`), `words`.

Example (no-derivatives terms: no cuts, no edits beyond style, no new prose; a note after the story is no edit)::

    fidelity:
      allow: nd

Original::

    <article>
    <h1>Title</h1>
    <p>The council met on Tuesday in Portland, Ore.</p>
    <p>It voted to expand the bus network by twelve routes.</p>
    <p>The new routes start in June.</p>
    </article>

Passes::

    <article>
    <h1>Title</h1>
    <p>The council met last week in Portland.</p>
    <p>It voted to expand the bus network by twelve routes.</p>
    <p>The new routes start in June.</p>
    <p>Editor's note: This story was originally published by the Portland Courier.</p>
    </article>

Fails::

    <article><h1>Title</h1><p>The council met on Tuesday in Portland, Ore.</p><p>It voted to expand the bus network by twelve routes.</p>
    <p>The new routes start in June.</p><p>Riders in Valley County can buy their passes at City Hall on weekdays.</p></article>
"""

from __future__ import annotations

from typing import Any, NamedTuple

from compliance.checks.base import Context, Outcome
from compliance.document import Document
from compliance.options import Option

# The values each hit captures, for `{placeholders}` in a rule's message: what changed, the
# paragraph's number, how similar it is, the difference, the word count.
CAPTURES = frozenset(("change", "paragraph", "similarity", "diff", "words"))

OPTIONS = (
    Option(
        "allow",
        "enum",
        "What the terms permit: `nd` (style, time and place edits only, no cuts), `edits-allowed`, or `excerpt-allowed` (see `excerpt-words`).",
        default="nd",
        choices=("nd", "edits-allowed", "excerpt-allowed"),
    ),
    Option("excerpt-words", "integer", "With `allow: excerpt-allowed`: the most words of the original the republication may carry.", default=None, minimum=1),
    Option(
        "style-similarity",
        "integer",
        "Similarity (0–100) below which a changed paragraph is edited beyond style, time and place.",
        default=70,
        minimum=1,
    ),
    Option("style-words", "integer", "The most words one style, time or place edit may replace or add.", default=3, minimum=1),
    Option(
        "extract",
        "boolean",
        "With `allow: nd`: the republication may be an extract, a run of the original's paragraphs; those it leaves out are not findings.",
        default=False,
    ),
    Option(
        "translation",
        "enum",
        "What the terms say of a translation (a copy in another language than the original): `prohibited`, `needs-permission`, or `allowed`;"
        " unset, it is judged by `allow` (a derivative under `nd`, an adaptation the other values allow).",
        default=None,
        choices=("prohibited", "needs-permission", "allowed"),
    ),
)


class FidelityParams(NamedTuple):
    """Validated parameters of a `fidelity` check."""

    allow: str
    excerpt_words: int | None
    style_similarity: int
    style_words: int
    extract: bool = False
    translation: str | None = None


def build(values: dict[str, Any]) -> FidelityParams:
    """Parameters from validated option values."""
    return FidelityParams(
        values["allow"], values["excerpt_words"], min(values["style_similarity"], 100), values["style_words"], values["extract"], values["translation"]
    )


def evaluate(doc: Document, params: FidelityParams, ctx: Context) -> Outcome:
    """Align the story with the original's and judge the differences by `allow`
    (`fidelity_compare.evaluate`). The comparison's modules (style, time and place edits, the
    languages' profiles) are imported only when a rule of this kind is evaluated: a check
    without an original story, a pre-commit hook's, never loads them."""
    from compliance.checks import fidelity_compare

    return fidelity_compare.evaluate(doc, params, ctx)
