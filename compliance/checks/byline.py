"""`byline` — the article credits a person by name in a visible byline, optionally with an
affiliation and an expected name.

Bylines are found in byline markup (`.byline`, `rel=author`, `[itemprop=author]`, `.author`, a component named so, `[data-testid=byline]`, …)
and in short lines near the top of the article ("By NAME", "NAME, Contributor",
"NAME | Energy Reporter", "NAME Contributor"). Without "By" or byline markup, a line whose names'
part holds a lower-case preposition or article ("Regulators Push for Faster Review", "NAME of the
Outlet") is a headline or a deck, not a byline: a person's name has none (particles such as "de"
or "van" aside). In plain text, the bylines under a "Related Stories" or "More from …" heading
below the story are other stories'. A byline split across elements is read as one:
the name in one element and, in the element or block right after it, a line that is only the
outlet or affiliation ("By NAME" over "ProPublica" or "Professor of X, University Y";
`<span class="author">NAME</span><span class="role">Outlet reporter</span>`); a sentence of the
story after the name is never its affiliation; the evidence quotes such parts as the lines the page
shows, parted by " / " ("By NAME / From the Daily Caller News Foundation"). An opener alone in its
element ("by", "Written by") is read with the name in the element or block right after it
(`<span>by</span><h3><a href="/profile/1">NAME</a></h3>`: "by NAME"); a byline above the headline
and outside the article that credits none of the people the story's own byline does (a serial's
"Title by Author" header over one chapter) gives way to the story's. When the story carries its
own byline crediting an outlet ("By NAME, The Daily Caller", or "By , KFF Health News" with the
name lost), a theme's author line above it that credits no outlet and none of its people (a
WordPress entry header's "Sarah Gooding June 27, 2024", the account that posted the story),
written in other markup than the byline (another element or class), is not read by the check:
it cannot stand in for the reporter. So too under a "By" line the story's own text prints
without an outlet ("By Mara Quellin" under the licensor's logo in the entry's content): a
theme's author line in byline markup above it that names another person (Jannah's
`.post-meta .author-name`, an author-page link: the partner's web editor who posted it) is not
the story's byline (`original-byline` still counts its person as credited beside the
reporter: every visible byline credits); two "By" lines of the text both count. A second author's line written as the byline is (two
`<p class="byline">` lines) is a byline of the story. A topic or section label
over the byline in an author box (`<h6>Tech Industry</h6>` over "by NAME") is no part of it, and
words that are all a topic's ("Tech Industry", "Health Care") are no person's name. A label that
opens with no such word ("Inside Politics", "Morning Briefing") is told by the page's markup: an
element classed as a kicker, eyebrow, section, category, tag, topic or label, or a link to a
category, tag, topic or section page, is left out of the byline when the rest names someone; and
an author box whose name markup (`itemprop="name"`, a name class, an author link) holds another
name than the line above it is credited to that name. Nor are page
furniture ("By Share This Story", "By Font Size:", "By Five Minute Read": a placeholder, not a
reporter) or a label that opens with a topic or desk word ("National Security", "Foreign
Affairs", "Water Quality"), after "By" or over a job title and institution line; a name whose
first word is a given name stays one ("Grant Read", "Terry Nation", "Justice Smith", "Will
Share"). A name line over a line of job title and institution ("Maria Chen" over "Assistant
Professor of Biology, University of Michigan", The Conversation's author block) is a byline with
that institution, in HTML (`<p>NAME<br>TITLE</p>`, and an author box's three lines, name, title
and institution), plain text and Markdown; so is a name line over a line that is only the
person's job title, read as "NAME, TITLE" (`<p>Nick Pope<br>Contributor</p>`, "Mary Lou Smith"
over "Contributor", "Chris White" over "Energy Reporter", over "DCNF Contributor", two
`display:block` spans of one short block, a date under them), but not over another body's name
("Getty Images"), a place or a date; an author block of
several such pairs credits every author with their own institution, and one without a title line
with none. A paragraph that is only a name over one that names a pack's outlet ("Nick Pope" over
"From the Daily Caller News Foundation", an author box's two lines) is the byline "NAME, OUTLET";
over another body's name ("University of Michigan") it is not. In plain text and Markdown a line that is only a name, right under the headline (or
first, under front matter that gives the title) and over a sentence of the story, is a byline
without an institution; a deck there ("Lawmakers Weigh New Rules") is not: when all its
capitalised words but one, and two at least, are words the headline or the story's first
paragraphs write in lower case, it is the story's words, not a name (so a name both of whose
words the story writes in lower case, "Will Share" over "will share", is not read there). One
word after "By" is an outlet's name ("By Reuters"), unless an outlet follows it ("By Banksy, The
Conversation", "By Ziggy | The Texas Tribune": a pen name), the page's JSON-LD gives the
author as a `Person` of that name, or the byline's markup marks the word as a person: a link to
the author's page whose text is the word (`By <a href="/author/ziggy">Ziggy</a>`, `/people/…`,
`rel=author`) or `itemprop=author` microdata typed `Person`. A byline class or `<meta
name=author>` alone does not (sites put "By Reuters" there), and a word that names an outlet by
its own shape stays one however it is linked (a wire's name, initials, brand capitals, a pack's
outlet: `By <a href="/author/reuters">Reuters</a>`), or however the JSON-LD types it (an SEO
plugin types every account a `Person`, the "Reuters" account too). A byline in capitals writes
its "for" in capitals ("By JAMES GORDON FOR DAILYMAIL.COM" credits James Gordon). Names parted by commas alone are each
credited ("By Jane Doe, John Roe", "By A, B, C"); the last part after a name is a person only
when it reads as nothing else: a job title, an outlet or institution by its words in several
languages ("Roll Call", "Austin American-Statesman", "Karolinska Institutet", "Sciences Po"), a
place the gazetteer knows ("New York", "Capitol Hill") or a part written otherwise than the
name ("By JANE DOE, Roll Call") is the affiliation. A short name of two words is a person ("By
Jake Smith, Kim Hoa", "Vu Han", "Ai Sen"): a city's name in another language, transliterated
("Vu Han" for Wuhan), is no place a dateline writes. A word of kinship used as a title and one
name ("Mother Jones", "Uncle Sam") names no reporter, whom a byline credits by given name and
surname: "By Jane Doe, Mother Jones" credits Jane Doe, with that affiliation. A body whose name
opens with a nation's or a reach's adjective ("American Red Cross", "National Weather Service",
"United Way") or runs "WORD for WORDS" ("Habitat for Humanity", "Teach for America") names no
one; after "for", "The", a newspaper's word or an outlet's shape ("for The Conversation", "for
Reuters") still makes the one word before it a pen name. An outlet glued after the name without a
comma ("By Ana Ruiz Texas Tribune", "By A and B Inside Climate News") is the reporter's
affiliation, as after a comma: capitalised words ending with an outlet's or an organisation's
word; the name is the shortest that leaves such an outlet, unless the outlet is named for its
place ("By Mary Jo Smith Texas Tribune" credits Mary Jo Smith) or the name is in capitals
("By MARY CLARE JALONICK Associated Press"), and a place before the outlet's words is the
outlet's own ("By New York Daily News" names no one called New York). An outlet that closes the
list of people after "and", "&" or "with" (the publisher a CMS keeps as a guest author: "By Maria
Lopez, Daniel Okafor and ProPublica", "By Ana Ruiz & KFF Health News", "By A, B, and CalMatters
staff") is their affiliation, as in "By Maria Lopez and Daniel Okafor, ProPublica": no one more
person, and it hides no one; a person's name there ("and Tom Daily") is a person. A person's pronouns
beside the name ("By Ana Ruiz (she/her)", "Ana Ruiz they/them") and a follow button's word a
profile card runs on ("Ana RuizFollow", "Ana Ruiz · Follow") are no part of the name or its
credit. An outlet named
exactly like a person is read as a second person: nothing in the byline tells it from one. In a
byline in capitals a two-letter surname spelt like a Roman numeral is a surname ("By TOM LI and
ANA RUIZ", "JANE XI"); only a name suffix's numeral after a full name is one ("JOHN SMITH III").
A name that writes its surname in capitals beside words in ordinary case is a person's, as
French, German, Korean and Japanese styles write it ("Par Jean DUPONT", "Von Hans MÜLLER, dpa",
"By KIM Min-ji", "Por Carlos RUIZ GARCÍA | EFE"); an outlet's initials, which have no vowel
("KFF Health News", "NPR Staff", "CNN Politics"), initials beside a topic's word ("KFF Health")
or before a place, their seat or branch ("ETH Zürich", "UNICEF Ireland"), stay an organisation.
A bracket right after one of several names is that person's institution alone ("By A and B
(University of X)" gives B's); one written once after them ("A and B, University of X", "A and B,
both of the University of X") is theirs together. The labels of Chinese, Japanese and Korean
bylines open a byline as "By" does ("作者：张三", "记者 张三", "文／张三", "文・写真：山田太郎",
"記者 山田太郎", "기자 김철수", "글·사진 김철수", and after the name, "김철수 기자", or both: "글
김철수 기자" credits 김철수, the job no credit); a foreign name written in Hangul keeps its
spaces and is one person when its first word opens with no Korean surname ("글 로사 이바라" is
Rosa Ibarra), while Korean names parted by a space are several ("김민수 이영희"); the ideographic comma lists people, with a label
or without ("作者：张三、李四", "李伟、王芳"), as does the middle dot between names in kanji or
Hangul ("山田太郎・鈴木花子", "김민수·이영희 기자"; between katakana it stays inside one foreign
name, "ジョン・スミス"); a name glued to the reporter's label ("记者张三", "기자김철수") is read
when it opens with a common surname, so that the words the label opens ("记者招待会", "기자회견")
are not. An institution in these scripts ends with an institution's word ("北京大学", "東京大學",
"中国科学院", "서울대학교", "한국개발연구원") and is parted from the name by a space or a
fullwidth comma, with a title after it ("김민수 서울대학교 교수", "李伟，北京大学", "王芳
北京大学教授" credit one person with that institution), which closes that author's credit ("李伟
北京大学 王芳 清华大学" credits two, each with their own). In a list of several authors with an
institution after each, the conjunction of each language the openers know parts them ("Par A,
Université de Lyon et B", "Por A, Universidad de Chile y B", "Av A, Universitetet i Oslo og
B"), and a name right after an author and a comma is one more author ("A, Mayo Clinic and B,
Li Wei" credits three, B and Li Wei without an institution). A closing bracket closes its
author's credit, so a name after it, behind a comma, "、", "・", "·" or "|", is the next author
("Li Wei (Peking University), Wang Fang", "李伟（北京大学）、王芳", "김민수(서울대학교), 이영희"
credit the second author without an institution); a job title or an outlet after it stays the
first author's ("Jane Doe (Harvard University), Senior Fellow"). A line break in the byline
(one author a line: `NAME, Uni X<br>NAME`, blocks in an author box, a Markdown hard break, the
next line of plain text) parts authors as a semicolon does, and so does a bar, a slash, a
middle dot or a bullet after an author's credit ("Renata Okafor, Northern Plains University |
Ana Ruiz" credits Ana Ruiz without an institution); a line break between a name and its
institution keeps them together ("Renata Okafor" over "Northern Plains University"). A line
that is a dateline's place is no author: one in a dateline's form, in capitals ("WASHINGTON
—", "ROSE HILL"), with its region after a comma ("Rose Hill, Va.") or before a dash ("Rose Hill
—"), and a name alone that the gazetteer has as a town or district of any size ("Beverly
Hills", "Palm Beach", "Rose Hill") or as a large city ("New York"), though a person may share
it. A second author on a line of their own comes with a joiner or in name markup of their own:
a line opening with "and" ("and Rose Hill", "& Rose Hill", "und", "y") is one more author in
plain text and Markdown as in HTML, and so is a line the page marks as a name (`<a
rel="author">`, `.author`, `itemprop=author`) unless it is a large city; a name no table has as
a place ("Maria Chen") is one more author on a bare line. Right
after a name, a bar parts off a second author when a person's name of two or three capitalised
words follows ("By Ana Ruiz | Ben Cole"); an outlet, a job, a section, a place or a date stays
its credit ("By Ana Ruiz | Reuters", "Chris White | Energy Reporter", "By Ana Ruiz |
Politics"). A newsroom section's or desk's line in the byline ("By Ana Ruiz" over "Real
Estate", "Business Desk", "Health & Science", "Book Reviews": section and topic words alone,
a desk, single words joined by "&") is neither an author nor an institution. "With"
after a credit joins one more author as "and" does ("A, Uni X, with B"; "avec", "mit", "con"),
and so does "with" right after a name when only people's names follow it ("By A with B", "By A
with B and C", "BY A WITH B"); "By A with CalMatters" names the outlet A works with.
In a byline in capitals "AND" and "WITH" do the same ("BY A, UNI X, AND B"; "POR A Y B",
"PAR A ET B", "VON A UND B" credit two), and an "and"
between names is never read as an institution ("BY A AND B" credits both without one).
A Korean university's short form ("서울대", "연세대") or an institution's initials ("KAIST")
after a name and before a title ("김민수 서울대 교수", "김민수 KAIST 교수"), the short form also
before a comma or the end, and after a comma as after a space ("김민수, 서울대"), is the
author's institution; one of three syllables that opens with a common surname has a name's
shape, and with no title after it is read as a short form only when it is a well-known
university's ("서울대", "연세대", "고려대"): "이영희, 김종대", "이영희·김종대" and "이영희 및
김종대" list two people. Chinese and Japanese short forms there are the author's institution
too ("李伟，北大", "李伟，中科院",
"李伟，清华", "山田太郎、東大": one or two characters and 大, up to four and 院, a few known by
two characters of their name); a word ending in 대 elsewhere is not ("시대", "세대", a name
"김종대" first in the byline). A CJK title or job with no institution ("연구원", "记者",
"기자") is no author and closes its author's credit; "and" between spaces ("與", "和", "및",
"と"), and the Japanese "と" glued between names in kanji ("山田太郎と鈴木花子"), parts
authors; two Chinese names opening with common surnames, or two Korean names, parted by a
space alone are two people ("李伟 王芳"), a Japanese "山田 太郎" one. An outlet opening a
wire byline ("연합뉴스 김민수 기자", "新华社记者 王芳") is its credit, not an author. The
same person's byline repeated on the page (in an author box, a sticky header, a name beside the
"By" line; names compared as the `original-byline` check compares them) with the same credit is
one byline; a repeat that adds a credit ("Jane Doe, Karolinska Institutet" under "By Jane Doe")
is kept. When a byline stands
above the story's body, one after the story (an author card, a platform's "Written by <account>"
box) counts only for a person the byline above already credits, and a "Thanks to NAME" or "Edited
by NAME" line is no byline, even with the name linked to a profile. When nothing above the body
credits a person (no byline, or one that credits an outlet: "By Reuters", "By The Conversation"),
the story's credit at its foot is its byline: a wire's closing line ("(Reporting by A; Additional
reporting by B; Editing by C)" credits A, and B and C only for a part of the work), or a
paragraph of the story's own text that names a person with an affiliation ("NAME, Professor of
X, University Y", as The Conversation's republishing code closes a story; not an author box
after it). Nor are the classes of `<html>`, `<body>` or an element holding the whole story
(WordPress's `<body class="author-4326">`). Byline markup joins the words of its inline
elements as a browser lays them out, without a space where the text has none ("By NAME,
Reu<b></b>ters" names Reuters); parts in sibling elements are read apart only where, joined,
a name would run into the next part or nobody would be named. Byline markup around the name alone is read
with the line it sits in (`By <a rel="author">NAME</a>, Outlet`). An outlet and a job title before the name ("By
Daily Caller News Foundation Reporter Jake Smith", "By DCNF reporter Jake Smith") credit that
person, with the outlet as the affiliation; so does a lead-in naming the outlet before "By"
("From The Conversation. By Ana Ruiz", "Via CalMatters — By …", "From the Associated Press: By
…", or what a `::before` writes before the byline), or before the name alone ("Via Daily Caller
News Foundation: NAME"), a wire's name before "By" ("Reuters — By NAME"), a publication's title
there ("The Guardian — By NAME", "The Dallas Morning News — By NAME"; "The Latest" and "The Long
Read" are kickers), a head of its own with a newspaper's word ("Fox News — By NAME", "Tampa Bay
Times | By NAME"; "Local News", "Health News" and "Morning News" are sections' labels), and a
dateline with the
outlet in brackets ("WASHINGTON (AP) — By NAME"). A newsletter's or section's label there
("Daily Briefing | By NAME", "Politics — By NAME", "Weekend Edition | By NAME") is no
affiliation, and neither is a place ("Washington — By NAME") nor a kicker that is a newspaper's
or a desk's word alone ("Review — By NAME", "Dispatch — By NAME", "Report | By NAME": such a word
names an outlet only after its head, "Columbus Dispatch — By NAME"), nor such a word that names a
kind of piece after a beat, the time the piece appears or what it reviews ("Special Report — By
NAME", "Weekend Dispatch — By NAME", "Book Review — By NAME"; "Harvard Business Review" and "Daily
Dispatch" still name outlets). A one-word outlet with no initials or brand capitals, "Politico —
By NAME", is not told from a kicker such as "Feature — By NAME" or "Longread — By NAME", and is not
read: the logo then stands in for the affiliation. Any dash parts a byline as
the em dash does: the en dash, the horizontal bar ("Review ― By NAME", "By NAME ― Washington"), the
two- and three-em dashes, the swung and wave dashes ("Politics ⁓ By NAME", "Politics 〜 By NAME"),
the minus sign, and two hyphens typed for an em dash ("By NAME -- Washington"); so do a tilde and a
breadcrumb's angle quote ("Politics ~ By NAME", "Home » Politics » By NAME", "Politics › By NAME"),
and two separators side by side ("Politics :— By NAME"). Byline markup with "By NAME" after words
the reader cannot part from it ("Politics + By NAME") fails with "names no reporter the checker can
read", and says how to write it; outside byline markup, a "no visible byline" failure names
such a line ("'World By NAME' (line 7) names NAME after words the checker cannot part from 'By'")
and says the same. A byline in the same line as a teaser's sentence before it
("Officials said the review will take months. By NAME, Outlet") is read when "By" in capitals
follows the end of a sentence of prose (or an ellipsis) and names and a credit follow it, nothing else ("By
Friday Smith had left" is prose). A paragraph that opens with "By" or a credit's opener and goes on
as a sentence of the story ("By Tuesday afternoon the crews had contained the fire.", "Analysis
by the state found …") is no byline either; a credit written as a sentence ("By the Associated
Press.") still is. "by" in lower case after a dash opens a byline only after a
label, a kicker or an outlet of a few capitalised words ("Politics — by NAME"); after prose it is
a clause ("He was beaten – by John Smith, the champion."). A name a wrong
decoding left a replacement character in ("By Jos\ufffd Garc\ufffda") is still a name.
So is a name transliterated from Arabic, its particle in lower case and hyphened ("Ahmed
al-Rashid", "Omar el-Sayed", "Hassan bin-Talal") or glued with an inner capital ("Mohamed
ElBaradei"). So is a name whose accented letters are written decomposed, a letter and a combining accent as some
editors save them ("José" written "Jose" and U+0301): it is read, and credited, composed. A name is
two to five words, and a run of particles inside it counts as one ("María José García-Márquez de la
Vega"); "the" before a cleric's or an office holder's title opens a name ("By the Rev. Martin
Okafor", "By the Hon. NAME"). Vietnamese labels credit as "Written by" does ("Tác giả: NAME", "Bài:
NAME", "Phóng viên: NAME"; "Ảnh: B" and "Người dịch: B" credit a part), and so do Indonesian and
Malay ones ("Penulis: NAME", "Wartawan: NAME", "Pewarta: NAME", "Oleh: NAME"; "Editor: B" and
"Penyunting: B" credit a part; "Oleh" without its colon opens the byline as "By" does, "Oleh Siti
Rahmawati dan Budi Santoso", but before one word it is a given name, "Oleh Sentsov"), and so do Turkish
ones ("Haber: NAME", "Muhabir: NAME", "Yazan: NAME"; "Fotoğraf: B", "Çeviri: B" credit a part) and
Polish "Autorzy: NAME"; after any author's label
the name ends at a bracket or a dash as at a comma ("Texte : NAME (The Conversation)", "Bài: NAME –
Ảnh: B"), and at "with" ("Reporting: A with B" credits both). Several authors are joined in Turkish
("ve"), Indonesian and Malay ("dan") and Polish ("i", "oraz") as by "and", in lower case only ("Dan"
is a given name); "with" in the other languages ("con", "mit", "avec", "com", "met", "med", "ile",
"dengan") joins two people as English "with" does ("di Marco Rossi con Giulia Bianchi"), and before
a contribution ("Por NAME con información de EFE", "By NAME with reporting from Reuters", "Von NAME
mit Material von dpa") ends the name as a comma does. A byline that writes the surname first ("By
Smith, John", "MÜLLER, Anna", "Okafor, Dana; Ruiz, Ana") credits John Smith: the name is quoted as
written and compared word for word; a surname before an outlet, a place, a role or initials ("Smith,
Reuters", "Austin, Texas", "RUIZ, AFP") is not one, nor, for now, a given name that is also a large
city's ("Lindqvist, Karin"). An organisation's initials that open its body's name glued on ("By NASA
Goddard Space Flight Center", "By NASA Jet Propulsion Laboratory") or an owner's possessive ("By
NASA's Goddard Space Flight Center") credit no person; "By NASA Goddard" alone is not told from a
surname in capitals before a given name ("KIM Minji") and is read as a name. A three-word name before an
outlet glued on is whole when the outlet opens with a word no name holds ("By Mary Jo Smith Inside
Climate News") or is one a loaded pack names; otherwise the shortest name is read ("By Ana Ruiz
Kaiser Health News"). A name in a script without capitals followed by its Latin transliteration in brackets ("By
김민지 (Minji Kim), CalMatters") credits one person.
A dateline glued after the byline in one paragraph ("By NAME Associated Press WASHINGTON (AP) —
House Republicans …") is no part of it: the byline ends before a place the gazetteer knows when
the story's sentence follows the dash.
The label may be glued to
"By" without a space ("Politico:By NAME", "NATION: By NAME", "Politics|By NAME", "World/By
NAME"): the line is a byline of NAME, and the label is read as it is with spaces; "by" in lower
case after a colon in prose ("The reason:by design …", "Chapter 12:by design …") or a web address
is no byline. So may a date or a time a CMS prints before the byline ("Updated 12:By NAME",
"12:05 PM|By NAME", "06/27/2024/By NAME"): "By" in capitals glued to it opens a byline of NAME. After a kicker, a
label or a lead-in, "By:" opens the byline as "By" does ("Review — By: NAME", "Politics|By:NAME"). An outlet in the job title after the name
("NAME, Reuters correspondent", "NAME, a CNN contributor") is the affiliation, and so is one
a newsroom title is held for or a verb ties the person to ("NAME, a reporter for Reuters", "a
contributor to the Daily Caller", "writes for Reuters"; not a correspondent's region, "for
Southeast Asia", nor a section, "for Health"), one the name comes through ("NAME via Daily Caller
News Foundation"), and one before the name and a separator ("Daily Caller News Foundation — NAME",
"ProPublica | NAME") or a colon ("ProPublica: NAME"; a section's label there, "Politics — NAME",
"Politics: NAME", is none; "ProPublica Staff" names no person, nor does a headline after the
colon, "ProPublica: How We Did It", and "Photo: NAME" is a photo credit, not a byline); a title
alone ("Staff Writer", "White House correspondent") is none. A tie the
byline says is past or denied ("formerly of X", "a former X reporter", "ex-X", "X reporter until
2023", "previously with X", "no longer with X", "not affiliated with X"; "ancien", "ehemals",
"früher", "anteriormente") gives no `affiliation`, and with `unaffiliated` a byline that so
disowns the affiliation the logo would stand in for is matched by no logo beside it. An agency's full name ("By Agence
France-Presse", "By Deutsche Presse-Agentur") credits no person, nor does a civic body's, whose
name ends in a club's, a union's, a fund's, a council's or a commission's word ("By Sierra Club",
"By Amnesty International", "By California Coastal Commission"): after a person's name it is their
affiliation ("By Ana Ruiz, Sierra Club"), never a second person. The kind of piece an opinion
section labels its byline with opens it as "By" does ("Opinion by NAME, Columnist", "Commentary
by", "Perspective by", "Column by", "Essay by", "Review by", "Op-ed by", "Guest column by", "A
column by"), and so do "Contributed by" and Drupal's posting line ("Submitted by NAME on
03/06/2024"); the label of a CMS's author field over its items ("Author" over one item an
author, Drupal's field) opens them as "By" alone on its line does: each item is an author. A
visual or data desk's credit after the author's ("By NAME | Design by B", "Data by B", "Visuals
by B", "Maps by B", "Fact-checking by B", "Design: B") is a part's, as "Photos by B" is: B is no
author; so is a compiler's, who gathered the story from others' reports ("Compiled by B",
"Recopilado por B", "Compilé par B", "Zusammengestellt von B"), and two parts' roles joined
("Photos and video by B", "Compiled and edited by B"): a line with only such a credit is a
caption, whose finding says the story's author is missing. A dateline's place after the
name, in capitals or in Title Case ("By NAME, WASHINGTON", "By NAME | Washington, D.C.", "By
NAME, Austin, Texas") or after "in" ("By NAME in Paris"), is no affiliation: places
are told from outlets by a gazetteer (see `unaffiliated`). A header inside the story's own `<article>` is
part of the story even when it is classed like a site's (`site-header`, `masthead`,
`role=banner`); the site's banner outside the article, or one holding the site's navigation,
is not, and a "no visible byline" finding names a byline-like line found there and says why it
does not count; so it does for a byline below the story's top outside its article (an author box
in a sidebar, a line after `</article>`): "reads as a byline but is in <aside class="sidebar">,
page chrome outside the story: readers may not take it for the story's byline" (not a reader's
comment, a card in a list or a box with a heading of its own, which are others' bylines). A line at the story's top
that opens as a byline, or stands in byline markup, but runs past 320 characters (a chain of 200 credits, an
18,000-letter name) is found, not missing: the finding quotes its start and line and says it "is too long to be a
byline". For a
CMS payload that sent the reporter only in a field of people (`author`, `authors`, `reporters`),
it adds that the field is read as the reporter to credit, not as a byline the page prints,
which a `byline` field gives. A credit that names no person ("By The Daily
Caller", "By Courier Staff", "By ,", "Por Redacción", "Von der Redaktion") does not satisfy
`person: true`. A byline only in `<meta>`
is not visible and does not count. Look-alike letters of another script are read as the Latin
letters they imitate ("By Stаff" with a Cyrillic а is a staff credit, not an outlet); the
reader's words in other languages read the same without their accents, as a CMS that strips
them leaves them ("Publie par NAME", "Ecrit par NAME", "Par la redaction" and "Por Redaccion" as
staff credits, "Academie", "Universite", "Agencia" in an institution's or agency's name); and a name
keeps its letters as written, a suffix's full stop too ("Mary O'Neil-Smith Jr."). Captures:
`name` (the first person), `names` (every person, as a sentence lists them: "Jane Doe and John
Roe"; a translator, photographer, compiler or contributor credited beside the authors is left out, so
"Texto: A | Traducción: B" gives "A"), `credit` (the
rest of the byline as its evidence quotes it: "Harbor Ledger" for "By A, Audience Editor, Harbor
Ledger", whose job title stands as a part of its own).

`institution: true` asks more: every person the bylines credit has an institution, the
proper-noun phrase after the name or after the job title ("Anika Foss, Karolinska Institutet",
"By Ilse Brandt, Lecturer, CSIRO", "…, Professor of Law at Leiden Law School"), whatever its
words; a job title alone, a date, an outlet of the loaded packs, a news outlet by its words
("By A, Chicago Tribune", "…, The Denver Post", "…, Associated Press", "…, NPR": a newspaper's,
magazine's or wire's last word, or a wire's or broadcaster's name, and no academic body's word,
so "Columbia Journalism School" and "Reuters Institute for the Study of Journalism" are
institutions) or a dateline's place ("By A,
Austin, Texas", "By A | Accra, Ghana", "By A, BERLIN", "By A, Melbourne", "By A, Dartmouth, Nova
Scotia", a town and its province or state in any country: where the story was filed, not where A
works) is none. A campus's short name is one ("By A, UMass Amherst", "UC
Davis", "KU Leuven", "UNC-Chapel Hill", "Cal Poly Humboldt", "Boston Children's"), and so is
one word alone that names a town smaller than a large city, a college or university known by its
town's name ("By A, Dartmouth", "By A, Durham"). A known institution's short name shaped like a
person's after A and a comma is one ("By A, Johns Hopkins", "By A, Carnegie Mellon", "By A,
Simon Fraser": see docs/conversation-authors.md). Any other person-shaped name after A ("By A,
James Cook") is a second person, unless the byline links it to an institution page
(`institution-link`) or the original story, when given, names it as an author's institution.
An institution is the person's before it: "By A, Monash University, and B",
"A, Monash University and B" and "A, Monash University; B" fail, and the detail and the
`{without}` capture name B alone; "A and B, Monash University" gives both one. With the
original story given, only the people its bylines credit are asked for one: another person the
copy's byline names ("Maria Alvarez, University of Michigan, and Tom Becker, Valley Times" for
Maria Alvarez's story) is none of its authors, which `original-byline` judges. `institution-link` is pack knowledge of the
publisher's institution pages: a link to one in the byline's line is an institution for sure.
`institution-note` gives a person without one in the bylines the institution an author note
near the story's end, or just under the byline, names for them ("Tomas Reyes is a lecturer at
Monash University.", "Tomas Reyes is Associate Professor of Law, Monash University").

`author-bio` asks that the page not make a person the byline credits another outlet's staff: an
author box (`.about-author`, `.author-bio`, `.author-box`, Ghost's `.author-card`, anywhere on the
page) or an author note near the story's end or under a byline whose sentence opens with the name
and gives a newsroom job title or verb with an outlet the regex does not match ("Karen Miles is
the web editor of the Prairie Post", "…, the Prairie Post's city editor", "… covers schools for
the Prairie Post") fails the byline, quoting it: "the page's author box says Karen Miles is the
web editor of the Prairie Post". A bio that also ties the person to what the regex matches, a
past or denied job ("previously worked at", "a former reporter at"), another person's bio, a title
held for a section or a place, and an outlet the byline itself names count for nothing.

Example (a reporter credited with a DCNF affiliation)::

    byline:
      affiliation: 'Daily Caller News Foundation|DCNF'

Passes::

    <article><h1>Title</h1><p class="byline">By Jake Smith, Daily Caller News Foundation</p><p>Story.</p></article>

Fails::

    <article><h1>Title</h1><p class="byline">By The Daily Caller</p><p>Story.</p></article>
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from compliance.checks.base import Context, Hit, Outcome, doc_offset, explained_later, hidden_copy
from compliance.checks.original_byline import is_original_institution, is_reporter, original_authors, original_institutions
from compliance.checks.story import under_headline
from compliance.checks.text import scope_blocks
from compliance.checks.written import words_as_written, writes_controls
from compliance.document import Block, Byline, Document, block_position, byline_beside_the_story, overlong_byline, refused_byline, story_bylines, unread_byline
from compliance.document.byline_reading import (
    credited_for_a_part,
    credits_only_a_part,
    dateline_places,
    disowned_parts,
    holds_no_name,
    institutions_in,
    is_dateline_place,
    is_news_outlet_phrase,
    is_organisation_phrase,
    not_a_word,
    person_key,
    present_ties,
    reads_backwards,
)
from compliance.document.positions import location_at, offset_at
from compliance.document.staff_notes import in_author_box, staff_ties
from compliance.findings import Location
from compliance.firstuse import on_first_use
from compliance.options import Option
from compliance.patterns import Pattern
from compliance.text import listed, possessive, shorten

# The values each hit captures, for `{placeholders}` in a rule's message: the first person credited, all of them, the rest of the credit.
# A failure of `institution` captures `without`: the people credited without an institution.
CAPTURES = frozenset(("name", "names", "credit", "without"))

OPTIONS = (
    Option("person", "boolean", "Require a person's name (not an outlet or staff credit).", default=True),
    Option("affiliation", "regex", "Regex the byline's text must contain besides the name.", default=None),
    Option(
        "institution",
        "boolean",
        "Require each person the bylines credit to have an institution: a proper-noun phrase after the name"
        ' ("Anika Foss, Karolinska Institutet", "…, Lecturer, CSIRO"), not a job title alone, a date, an outlet of the packs,'
        ' a news outlet by its words ("By NAME, Chicago Tribune", "…, Associated Press") or a dateline\'s place ("By NAME, Austin, Texas").',
        default=False,
    ),
    Option(
        "institution-link",
        "regex",
        "With `institution`: a link in the byline whose href matches marks its text as an institution for sure.",
        default=None,
    ),
    Option(
        "institution-note",
        "regex",
        "With `institution`: an author note in the article's last 6 blocks or the 2 blocks under a byline (not a byline)"
        ' that opens a sentence with the person\'s name, then "," or "is", and within 200 characters on its line text this'
        ' regex matches, gives that person an institution ("Tomas Reyes is a lecturer at Monash University.", "Tomas'
        ' Reyes is Associate Professor of Law, Monash University").',
        default=None,
    ),
    Option(
        "unaffiliated",
        "regex",
        "Match only a byline that gives its people no affiliation of its own, for a logo or line beside it to stand in for this one:"
        ' no institution or outlet after a name ("By NAME (Associated Press)"; the place of a dateline,'
        ' "By NAME, WASHINGTON" or "By NAME | Washington, D.C.", is none), and no tie to what this regex matches that the byline'
        ' says is past or denied ("formerly of …"). Words of the byline\'s block that no reader sees give no affiliation.',
        default=None,
    ),
    Option(
        "author-bio",
        "regex",
        "Match only a byline none of whose people an author box or author note on the page makes another outlet's staff now:"
        ' a sentence opening with the name that gives a newsroom job or verb and an outlet this regex does not match ("Karen'
        ' Miles is the web editor of the Prairie Post", "… covers schools for the Prairie Post"), when no such sentence names one'
        " it matches and the byline does not name that outlet itself. A logo or outlet name beside the byline does not make"
        " another outlet's editor the licensor's reporter.",
        default=None,
    ),
    Option("name", "regex", "Regex one of the credited names must match (the expected reporter).", default=None),
    Option(
        "problem",
        "enum",
        'Match only bylines with this problem (`empty`: "By ,"; `outlet`: "By The Daily Caller"; `staff`: "By Courier Staff"'
        ' or a job title alone, "By Editor", or a placeholder, "By Sponsored Content"; `initials`: a person\'s initials alone'
        ' where the name belongs, "By J. S., The Texas Tribune", which `outlet` matches too); use with `person: false`.',
        default=None,
        choices=("empty", "outlet", "staff", "initials"),
    ),
    Option(
        "label",
        "string",
        'What the byline must show, in words ("DCNF affiliation", "the reporter\'s name"); without it one is written from `affiliation` or `name`.',
        default=None,
    ),
)

_PROBLEM_NOUNS = {
    "empty": "empty byline",
    "outlet": "byline crediting an outlet instead of a reporter",
    "staff": "staff byline",
    "initials": "byline giving a person's initials alone",
}

_WITHOUT_PROBLEM = {
    "empty": "is not empty",
    "outlet": "does not credit an outlet in place of a reporter",
    "staff": "is not a staff credit",
    "initials": "does not give a person's initials alone",
}

# What `problem: staff` matches besides a staff credit: a job title alone ("By Editor") and a CMS
# placeholder ("By Sponsored Content"), each a credit that stands where a reporter's name belongs.
_STAFF_LIKE = frozenset(("role", "placeholder"))

_PROBLEMS = {
    "empty": "is empty",
    "outlet": "names an outlet, not a reporter",
    "staff": "is a staff credit, not a reporter",
    "role": "names a role (staff credit), not a reporter",
    "placeholder": "names a placeholder (a content, section or feed label), not a reporter",
    "unread": "names no reporter the checker can read: put 'By NAME' first in the byline, or part it from the words before it with '—' or '|'",
}


# Why a line crediting a part of the work alone names no reporter (docs/accuracy.md).
_PART_ONLY = "is a caption crediting only a translator, photographer, illustrator, editor or compiler: the story's author is missing"


def _problem_in_words(byline: Byline) -> str:
    """Why a byline that names no one names no reporter: what it names instead, or, for words
    that are none of a name's (problem `unnamed`), the first such word as the byline writes it, or
    the words that read backwards (`reads_backwards`: "htimS ekaJ", a name a right-to-left
    override lays out in reverse), or a person's initials alone ("By J. S.", `initials_alone`),
    which are no outlet's name.
    A byline of what no name is made of (`holds_no_name`: digits, escapes, an address, a workflow
    command look-alike), read as empty, an outlet or unnamed, says that a name is expected."""
    if byline.reading.problem in ("empty", "outlet", "unnamed") and holds_no_name(byline.text):
        return "holds no person's name: a reporter's name is expected"
    if byline.reading.problem == "unnamed" and (backwards := reads_backwards(byline.text)):
        return f"names no reporter: '{shorten(backwards, 40)}' reads backwards (a name's letters in reverse order)"
    if byline.reading.problem == "unnamed":
        written = not_a_word(byline.text) or not_a_word(byline.reading.credit)
        return f"names no reporter: '{shorten(written, 40)}' is no word of a person's name"
    if byline.reading.problem == "outlet" and credits_only_a_part(byline.text):
        # "Photography by B", "Translation: B": the line names a person, only not the story's
        # author; "names an outlet" would send the editor to replace an outlet that is not there.
        return _PART_ONLY
    if initials := byline.initials_alone:
        # "By J. S.": a person's initials, no outlet's name; the editor is to write the name out.
        return f"gives only initials ('{initials}'), not the reporter's name"
    return _PROBLEMS.get(byline.reading.problem or "", "names no person")


class BylineParams(NamedTuple):
    """Validated parameters of a `byline` check."""

    person: bool
    affiliation: Pattern | None
    name: Pattern | None
    problem: str | None = None
    label: str = ""
    institution: bool = False
    institution_link: Pattern | None = None
    unaffiliated: Pattern | None = None
    institution_note: Pattern | None = None
    author_bio: Pattern | None = None


def build(values: dict[str, Any]) -> BylineParams:
    """Parameters from validated option values."""
    return BylineParams(
        values["person"],
        values["affiliation"],
        values["name"],
        values["problem"],
        label=values["label"] or "",
        institution=values["institution"],
        institution_link=values["institution_link"],
        unaffiliated=values["unaffiliated"],
        institution_note=values["institution_note"],
        author_bio=values["author_bio"],
    )


def describe(params: BylineParams) -> str:
    """What the check looks for, in words."""
    if params.problem is not None:
        return params.label or _PROBLEM_NOUNS[params.problem]
    phrase = "byline"
    if params.label:
        return f"byline showing the {params.label}" if params.affiliation is not None else params.label
    if params.name is not None:
        phrase = f"byline naming {params.name.shown}"
    if params.affiliation is not None:
        phrase += f" with the affiliation {params.affiliation.shown}"
    return phrase


def _shown(byline: Byline) -> str:
    """The byline as a reason names it: its words in quotes, or, for a job title standing where
    a name belongs ("Written by Audience Development Manager"), its line: a title quoted in a
    finding reads as the person the byline credits."""
    if byline.reading.problem == "role":
        return f"on line {byline.line}"
    return f"'{byline.text}'"


def _other_outlet(byline: Byline, affiliation: Pattern) -> str:
    """The first institution or outlet the byline gives that is not the `affiliation` (nor a
    dateline's place); empty when it gives none."""
    # Read without leaving out the packs' outlets: "By NAME, The Texas Tribune" names another
    # outlet even when that outlet's pack is loaded. Every part counts ("By NAME, WASHINGTON
    # (AP)"), but a dateline's place, which says where, not whose.
    found = [*(found for found in byline.reading.institutions if found), *institutions_in(byline.reading.credit)]
    others = [part for part in found if not is_dateline_place(part) and not affiliation.search(part)]
    # A dateline's place in Title Case ("By NAME | Washington, D.C.") is told from an outlet by a
    # gazetteer, asked only here, for a byline that would otherwise name another outlet.
    places = dateline_places(byline.reading.credit) if others else frozenset()
    # A place after a newsroom title ("a correspondent for Mexico") is asked of alone.
    places = places.union(*(dateline_places(part) for part in dict.fromkeys(others) if part not in places))
    return next((part for part in others if part not in places), "")


def _own_affiliation(byline: Byline, stand_in: Pattern) -> str:
    """Why the byline gives an affiliation of its own (`unaffiliated`), in words; empty when it
    gives none: an institution or outlet after a name, or the `stand_in` affiliation as a tie
    that is past or denied. Words of its block that no reader sees give none: a reader sees the
    byline as if they were not there, and a logo beside it stands in as it does for any byline
    without an affiliation."""
    other = _other_outlet(byline, stand_in)
    if other:
        return f"byline '{byline.text}' ties its reporter to {other}"
    # "formerly of the Daily Caller News Foundation", "not affiliated with …": the byline itself
    # says the tie is past or denied, which no logo beside it can undo.
    disowned = next((part for part in disowned_parts(byline.text) if stand_in.search(part)), "")
    if disowned:
        return f"byline '{byline.text}' says the tie is past or denied ('{shorten(disowned, 60)}')"
    return ""


def _has_problem(byline: Byline, problem: str) -> bool:
    """Whether `byline` has the `problem` a `problem:` option names: its reading's own, a role or
    placeholder for `staff`, or for `initials` a person's initials alone where the name belongs
    (`Byline.initials_alone`: "By J. S.", which the reader reads as crediting no person, as an outlet)."""
    if problem == "initials":
        return byline.initials_alone is not None
    return byline.reading.problem == problem or (problem == "staff" and byline.reading.problem in _STAFF_LIKE)


def _satisfies(doc: Document, byline: Byline, params: BylineParams, ctx: Context) -> tuple[bool, str]:
    if params.problem is not None and not _has_problem(byline, params.problem):
        return False, f"the byline {_shown(byline)} {_WITHOUT_PROBLEM[params.problem]}"
    if params.person and not byline.names:
        return False, f"byline {_shown(byline)} {_problem_in_words(byline)}"
    expected = ctx.bind(params.name) if params.name is not None else None
    if expected is not None and not any(expected.search(n) for n in byline.names):
        return False, f"byline '{byline.text}' does not name {expected.shown}"
    if params.affiliation is not None:
        remainder = byline.text
        for person in byline.names:
            remainder = remainder.replace(person, " ")
        affiliation = ctx.bind(params.affiliation)
        # What the byline says of the reporter's outlet now: not a past tie or a denied one
        # ("formerly of X", "not affiliated with X", "ex-X").
        present = present_ties(remainder)
        if not affiliation.search(present):
            wanted = f"the {params.label}" if params.label else f"an affiliation such as {params.affiliation.shown}"
            disowned = next((part for part in disowned_parts(remainder) if affiliation.search(part)), "")
            if disowned:
                return False, f"byline '{byline.text}' gives {wanted} only as a tie that is past or denied ('{shorten(disowned, 60)}')"
            # Say whose the byline makes the reporter when it names another outlet: that is why
            # a logo beside it does not stand in for the affiliation either.
            other = _other_outlet(byline, affiliation)
            if other:
                return False, f"byline '{byline.text}' ties its reporter to {other}, not {wanted}"
            return False, f"byline '{byline.text}' does not show {wanted}"
    if params.unaffiliated is not None:
        own = _own_affiliation(byline, ctx.bind(params.unaffiliated))
        if own:
            return False, own
    if params.author_bio is not None:
        elsewhere = _staff_elsewhere(doc, byline, ctx.bind(params.author_bio))
        if elsewhere:
            return False, elsewhere
    return True, ""


def _staff_elsewhere(doc: Document, byline: Byline, licensor: Pattern) -> str:
    """Why the page makes a person the byline credits another outlet's staff (`author-bio`), in
    words; empty when it does not. An author box or note (`_bio_blocks`) that ties the person to
    an outlet `licensor` does not match ("Karen Miles is the web editor of the Prairie Post")
    counts, unless another of its sentences ties them to one it matches ("… is a reporter for
    the Daily Caller News Foundation. Her stories appear in …") or the byline itself names that
    outlet ("By NAME, Prairie Post, and ProPublica": the byline's own credit, judged by the
    other options). Publisher terms ask for "our reporter's byline and their … affiliation"
    (DCNF 2.1): a partner's editor with the licensor's logo beside her name is neither."""
    for name in _authors(byline):
        ties = [(block, tie) for block in _bio_blocks(doc, byline, name) for tie in staff_ties(block.text, name)]
        if any(licensor.search(tie.outlet) for _, tie in ties):
            continue
        for block, tie in ties:
            if tie.outlet.casefold().removeprefix("the ") not in byline.text.casefold():
                where = "author box" if in_author_box(block.element) else "author note"
                # Parted by ";", as a reason that saw something nearby: what `any` quotes first.
                says = f"the page's {where} says {tie.sentence} (line {block.line})"
                return f"{says}; byline '{byline.text}' credits that outlet's staff, not the publisher's reporter"
    return ""


def _bio_blocks(doc: Document, byline: Byline, name: str) -> list[Block]:
    """The blocks that may say whose staff `name` is: those that write the name (case aside),
    but the byline's own, and stand in an author box anywhere on the page (`in_author_box`) or
    where an author note stands (`_note_blocks`: the article's last blocks, the blocks right
    under a byline). The name is looked for first: few blocks write it, and only those are
    walked up for an author box's markup."""
    key = name.casefold()
    writing = [block for block in doc.blocks if block.index != byline.index and key in block.text.casefold()]
    if not writing:
        return []
    notes = {block.index for block in _note_blocks(doc, {found.index for found in doc.bylines})}
    return [block for block in writing if block.index in notes or in_author_box(block.element)]


def evaluate(doc: Document, params: BylineParams, ctx: Context) -> Outcome:
    """Pass on the first byline that satisfies every requirement (among `story_bylines`)."""
    # Each reason once, in the order first given: a dict, as a page may hold thousands of bylines.
    reasons: dict[str, None] = {}
    hits: list[Hit] = []
    for byline in story_bylines(doc):
        ok, reason = _satisfies(doc, byline, params, ctx)
        written = _as_written(doc, byline)
        if ok:
            authors = _authors(byline)
            captures = (
                ("name", authors[0] if authors else ""),
                ("names", listed(authors)),
                ("credit", byline.reading.quoted_credit),
            )
            offset = doc.item_offsets[min(byline.index, len(doc.item_offsets) - 1)]
            hits.append(Hit(byline.index, functools.partial(doc.locate, byline), " ".join(written) if written else byline.text, captures, offset))
        else:
            reasons.setdefault(_quoting_as_written(reason, byline.text, written) + _cut_short(doc, byline))
    if hits and params.institution:
        missing, notes = _without_institution(doc, params, ctx)
        if missing:
            # The first byline that credits one of them, as the reason quotes it, and where it
            # names that person: what the editor adds the institution to.
            crediting = next(byline for byline in story_bylines(doc) if missing[0] in byline.names)
            whose = f"{possessive(missing[0])} institution" if len(missing) == 1 else f"the institutions of {listed(missing)}"
            why = f"byline '{crediting.text}' does not show {whose}"
            return Outcome(False, (), why, functools.partial(where_it_names, doc, crediting, missing[0]), captures=(("without", listed(missing)),))
        # The author notes that give an institution are found too, after the bylines: what the
        # terms ask for, which a comparison with the original leaves out (`additions`).
        hits.extend(Hit(note.index, functools.partial(doc.locate, note), note.text, offset=doc_offset(doc, note.index)) for note in notes)
    if hits:
        return Outcome(True, tuple(hits))
    anchor = where_a_byline_goes(doc)
    # An affiliation hidden in or beside the byline ("By Ana Ruiz<span hidden>, ProPublica</span>").
    affiliation = ctx.bind(params.affiliation) if reasons and params.affiliation is not None and params.problem is None else None
    field = _people_field_only(ctx) if not reasons and params.problem is None else ""
    return Outcome(False, (), explained_later(lambda: _failure_detail(doc, params, list(reasons), affiliation) + field), anchor)


def _cut_short(doc: Document, byline: Byline) -> str:
    """ "; a reader sees no more of it: the `<p class="byline">` at line 5 cuts off the words that
    run past its width": why a failing byline reads as it does when a box cuts its line short
    (`text-overflow: ellipsis`), so that an editor widens the box rather than rewrites the byline;
    empty otherwise."""
    cut = doc.what_cuts_off(byline.element)
    return f"; a reader sees no more of it: {cut}" if cut else ""


def _authors(byline: Byline) -> list[str]:
    """The byline's names its `name` and `names` captures give, which a rule's message and help
    write ("Write the byline as 'By {names}, CalMatters'"): its authors, without a name credited
    only for a part of the work ("Texto: A | Traducción: B", "Bài: A – Ảnh: B", "By A. Translated
    by B": a translator or photographer is no author to tie to the outlet); every name when all
    are such."""
    return [name for name in byline.names if not credited_for_a_part(byline.text, name)] or list(byline.names)


def _as_written(doc: Document, byline: Byline) -> list[str] | None:
    """The byline's words as its evidence quotes them (`words_as_written`): a control character
    inside a word ("Ja\x1bke") in its escaped form, which the reading leaves out; for a byline
    from metadata, the words of its value as given (`Byline.written`, controls kept for the output
    sanitiser to show); None when the page writes none, or when no word of the byline holds one."""
    words = byline.text.split()
    if byline.written:
        # A byline from metadata: its value gives the controls itself, word for word.
        given = byline.written.split()
        return given if len(given) == len(words) else None
    if not writes_controls(doc):
        return None
    written = words_as_written(doc, doc.locate(byline), words)
    return written if written is not None and written != words else None


def _quoting_as_written(reason: str, text: str, written: list[str] | None) -> str:
    """`reason` with its quotes of the byline (`text`) and of a word of it ("'Ja[31mke' is no
    word") as the page writes them (`written`: `_as_written`)."""
    if written is None:
        return reason
    reason = reason.replace(f"'{text}'", f"'{' '.join(written)}'")
    for word, shown in zip(text.split(), written, strict=False):
        if word != shown:
            reason = reason.replace(f"'{word}'", f"'{shown}'")
    return reason


def _people_field_only(ctx: Context) -> str:
    """The note a "no visible byline" detail ends with when a CMS payload sent the reporter under a
    field of people (`author`, `authors`, `reporters`) and no byline: that field names the reporter
    the original-reporter rules compare with, and is not read as a byline the page prints, which a
    `byline` field gives; empty otherwise."""
    value = ctx.meta.get("reporter")
    field = getattr(value, "sent_as", "")
    if not field or str(ctx.meta.get("byline") or "").strip():
        return ""
    return (
        f"; the payload field '{field}' is read as the reporter to credit, not as a byline the page prints:"
        ' send the byline as printed in a \'byline\' field ("byline": "By NAME, OUTLET")'
    )


def _without_institution(doc: Document, params: BylineParams, ctx: Context) -> tuple[list[str], list[Block]]:
    """The people the bylines credit with no institution in any byline (nor in an author note,
    `institution-note`), each once, as first written (empty when each has one), and the author
    notes that give the others theirs."""
    link = ctx.bind(params.institution_link) if params.institution_link is not None else None
    # One person by `person_key`, as the reporter rules compare names: "By JANE DOE" over "Jane
    # Doe, Karolinska Institutet" in the author box has the box's institution.
    affiliated: set[tuple[str, ...]] = set()
    unaffiliated: list[tuple[str, str]] = []
    # A would-be name the original gives as an institution is the institution of the name before
    # it ("By Renata Okafor, Johns Hopkins" for the original's "…, Johns Hopkins").
    institutions = original_institutions(ctx)
    for byline in story_bylines(doc):
        linked = link is not None and _links_institution(doc, byline, link)
        affiliations = byline.reading.affiliations or ((),) * len(byline.names)
        people = list(zip(byline.names, affiliations, strict=False))
        for position, (name, parts) in enumerate(people):
            if position and is_original_institution(name, institutions):
                affiliated.add(person_key(people[position - 1][0]))
            elif linked or _names_an_institution(byline, parts):
                affiliated.add(person_key(name))
            else:
                unaffiliated.append((name, byline.text))
    # With the original given, the institutions asked for are its authors': a co-author the copy
    # adds ("Maria Alvarez, University of Michigan, and Tom Becker, Valley Times" for Maria
    # Alvarez's story) is none of them, and whether the byline may name him is the
    # original-byline check's to say (The Conversation's terms, §2.3, ask for the authors and
    # their institutions and say nothing of other names).
    authors = original_authors(ctx)
    missing: dict[tuple[str, ...], str] = {}
    for name, text in unaffiliated:
        if person_key(name) not in affiliated and (not authors or is_reporter(name, text, authors)):
            missing.setdefault(person_key(name), name)
    if missing and params.institution_note is not None:
        institution = ctx.bind(params.institution_note)
        notes = {name: _institution_note(doc, name, institution) for name in missing.values()}
        return [name for name, note in notes.items() if note is None], [note for note in notes.values() if note is not None]
    return list(missing.values()), []


def _institution_note(doc: Document, name: str, institution: Pattern) -> Block | None:
    """The author note, if any, that opens a sentence with `name`, then "," or "is" ("is a", "is the",
    "is Associate Professor of …"), and names an `institution` within 200 characters on its line:
    "Tomas Reyes is a lecturer at Monash University.", "Tomas Reyes is Associate Professor of
    Law, Monash University". The note stands among the article's last 6 blocks, as the republish
    HTML puts it, or among the 2 blocks right under a byline, where older republications put it
    ("ideally in the byline" says the byline is not the only place). A byline is no note, but for
    a sentence under another byline that a theme's author markup made one ("NAME is …"); the
    name's letters are matched as written, case aside, so a note about someone else counts
    nothing."""
    bylines = {byline.index for byline in doc.bylines}
    sentence = rf"(?:^|[.!?]\s+){re.escape(name)}\s+is\b"
    opening = re.compile(rf"{sentence}|(?:^|[.!?]\s+){re.escape(name)},", re.IGNORECASE)
    labelled = _labelled_institution(doc, name, institution)
    if labelled is not None:
        return labelled
    for block in _note_blocks(doc, bylines):
        # A byline under a byline is a note only as a sentence: "NAME, Uni X" is a byline's own credit.
        pattern = re.compile(sentence, re.IGNORECASE) if block.index in bylines else opening
        for found in pattern.finditer(block.text):
            # The note's words after the name, to the line's end and no further than 200 characters.
            rest = block.text[found.end() :].split("\n", 1)[0][:_NOTE_REACH]
            if institution.search(rest):
                return block
    return None


def _labelled_institution(doc: Document, name: str, institution: Pattern) -> Block | None:
    """The institution field under a byline that credits `name` alone, when it names an
    `institution`: a label ("Affiliation", "Institution", "Organisation", and in Spanish and
    French) and its value, in one block ("Affiliation: University of Arizona") or in two, as a
    CMS prints a field's label and item (Drupal's `field--name-field-affiliation`), among the
    `_FIELD_BLOCKS` blocks right under the byline. A reader sees the institution beside the name,
    as in the byline."""
    key = person_key(name)
    for byline in doc.bylines:
        if len(byline.names) != 1 or person_key(byline.names[0]) != key:
            continue
        after = block_position(doc.blocks, byline.index + 1)
        under = [block for block in doc.blocks[after : after + _FIELD_BLOCKS] if block.text.strip()]
        for at, block in enumerate(under):
            field = _INSTITUTION_LABEL.match(block.text.strip())
            if field is None:
                continue
            value = field.group("value") or (under[at + 1].text if at + 1 < len(under) else "")
            if institution.search(value):
                return block
    return None


# An institution field's label, alone or before its value after a colon.
_INSTITUTION_LABEL = re.compile(
    r"(?:Affiliations?|Institutions?|Organi[sz]ations?|Afiliaci[óo]n|Instituci[óo]n|[ÉE]tablissement)\s*(?::\s*(?P<value>\S.*)|:?\s*$)",
    re.IGNORECASE | re.DOTALL,
)
# How near under a byline an institution field stands: a CMS's author field (its label and
# item), then the institution's label and item.
_FIELD_BLOCKS = 4


def _note_blocks(doc: Document, bylines: set[int]) -> list[Block]:
    """The blocks an author note may stand in: the article's last `_NOTE_BLOCKS` but its bylines,
    then the `_NOTE_BLOCKS_UNDER` blocks right after each byline (bylines among them too)."""
    tail = [block for block in scope_blocks(doc, "article", None, _NOTE_BLOCKS) if block.index not in bylines]
    under = {index for byline in bylines for index in range(byline + 1, byline + 1 + _NOTE_BLOCKS_UNDER)}
    seen = {block.index for block in tail}
    return [*tail, *(block for block in doc.blocks if block.index in under and block.index not in seen)]


# How far after the name an author note names the institution, in characters.
_NOTE_REACH = 200
# How near the story's end an author note stands: its last 6 blocks (furniture after it aside).
_NOTE_BLOCKS = 6
# How near under a byline an author note stands: the 2 blocks after it (a standfirst may come first).
_NOTE_BLOCKS_UNDER = 2


def _names_an_institution(byline: Byline, parts: tuple[str, ...]) -> bool:
    """Whether one of a name's institution parts is more than a dateline's place or a news
    outlet: "Austin" and "Texas" in "By NAME, Austin, Texas" say where the story was filed, not
    where the author works, and "Chicago Tribune" or "Associated Press" (`is_news_outlet_phrase`)
    is a newsroom, where no academic author of The Conversation's works. An organisation's name ("University of Texas", `is_organisation_phrase`) is one
    without asking the gazetteer, which is read only for a name whose every part could be a
    place."""
    others = [part for part in parts if not is_dateline_place(part) and not is_news_outlet_phrase(part)]
    if not others:
        return False
    if any(is_organisation_phrase(part) for part in others):
        return True
    places = dateline_places(byline.reading.credit)
    return any(part not in places or _is_campus_town(part, parts) for part in others)


def _is_campus_town(part: str, parts: tuple[str, ...]) -> bool:
    """Whether a dateline's place that is a name's only part is rather a college or university
    known by its town's name, as an author line writes it after the name ("By NAME, Dartmouth",
    "…, Durham"): one capitalised word, no country, US state or large city, which a dateline
    gives alone ("By NAME, Melbourne" says where the story was filed; "Austin, Texas" is a place
    and its region)."""
    words = part.split()
    if len(parts) != 1 or len(words) != 1 or not words[0].istitle():
        return False
    from compliance.document.places import is_lone_dateline_place

    return not is_lone_dateline_place(part)


def _links_institution(doc: Document, byline: Byline, link: Pattern) -> bool:
    """Whether the byline's line links to an institution: a link whose href matches `link` and
    whose text the byline's block shows ("Anika Foss, <a href=…/institutions/…>Sciences Po</a>"),
    in the byline's element or the element around it (a byline read from the author's link)."""
    element = byline.element
    if element is None or not hasattr(element, "iter"):
        return False
    # The byline's own block: the blocks' positions need not be their indexes (a page whose first
    # block is no visible text's starts at 1).
    at = block_position(doc.blocks, byline.index)
    line = doc.blocks[at].text if at < len(doc.blocks) and doc.blocks[at].index == byline.index else byline.text
    around = element.getparent() if element.tag == "a" and element.getparent() is not None else element
    return any(
        link.search(anchor.get("href") or "") and " ".join(anchor.itertext()).strip() in line
        for anchor in around.iter("a")
        if " ".join(anchor.itertext()).strip()
    )


def _failure_detail(doc: Document, params: BylineParams, reasons: list[str], affiliation: Pattern | None) -> str:
    """Why no byline satisfies the check: each byline's reason, or that there is none, with a
    note on a hidden copy (of the byline, or of the `affiliation` when given) if there is one."""
    if affiliation is not None:
        reasons = [*reasons[:-1], reasons[-1] + hidden_copy(doc, _BYLINE_LINE(), affiliation, article_only=True)]
    # Else nothing reads as a byline: say where a byline-like line was left out (the site's header), or hidden.
    # A byline-shaped line refused for its length is a byline found, and says so.
    detail = (
        "; ".join(reasons)
        if reasons
        else overlong_byline(doc)
        or "no visible byline found in the article"
        + (refused_byline(doc) or unread_byline(doc) or hidden_copy(doc, _BYLINE_LINE(), article_only=True) or byline_beside_the_story(doc))
    )
    if params.problem is not None:
        # Read as a prohibition when negated: "no empty byline (the byline 'By Ana Ruiz' is not empty)".
        detail = f"no {describe(params)} ({detail})"
    return detail


# A line that reads as a byline ("By Maria Lopez", "BY: ANA RUIZ"): what a hidden copy of one
# looks like, for the note that names it.
_BYLINE_LINE = on_first_use(r"^\s*by:?\s+[^\W\d_]", re.IGNORECASE)


def where_a_byline_goes(doc: Document) -> Callable[[], Location]:
    """Where a finding about the byline points, computed when a report asks: the reporter's
    byline (`reporters_byline`), else the headline, else the start of the article (a theme's
    author line that `story_bylines` leaves out is not where the story's byline goes). A text or
    Markdown article's headline from its front matter's `title` is not: the byline goes on the
    body's first line."""
    byline = reporters_byline(doc)
    if byline is not None:
        return functools.partial(doc.locate, byline)
    return functools.partial(under_headline, doc)


def reporters_byline(doc: Document) -> Byline | None:
    """The byline a finding about the story's byline is about: the first of `story_bylines` that
    credits a person by name, else the first of them; None when there is none. A theme's "by Web
    Desk" or "Posted by admin" above "By Mara Quellin, Valley Ledger" credits no one: a message
    naming Mara Quellin (a rule's `{names}`) and its place name the same line, the one an editor
    changes."""
    bylines = story_bylines(doc)
    return next((byline for byline in bylines if byline.names), bylines[0] if bylines else None)


# Between the words of a name as the source writes them: spaces, a no-break space, or tags
# ("<strong>Amara</strong> Lindqvist").
_BETWEEN_WORDS = r"(?:\s|&nbsp;|&#160;|&#xa0;|\xa0|<[^<>]*>)+"
# How far past a byline's start its words are looked for: a theme's byline block holds avatars,
# links and dates around the names, never pages of them.
_BYLINE_REACH = 20_000


def where_it_names(doc: Document, byline: Byline, name: str) -> Location:
    """Where the byline writes `name` in the page's source (its first word, markup and spaces
    between its words allowed: "… and <strong>Amara Lindqvist</strong>" at the name, not the
    byline's start, which may be lines above); the byline's own place when the source does not
    write it so within `_BYLINE_REACH` characters of the byline (a name read from several
    elements, entity-written letters), or the byline is not in the body (front matter, a CMS
    field). Read only when a finding names the person."""
    where = doc.locate(byline)
    words = name.split()
    if not byline.in_body or not words:
        return where
    source = doc.lines_source
    start = offset_at(source, where.line, where.column)
    pattern = re.compile(r"(?<!\w)" + _BETWEEN_WORDS.join(re.escape(word) for word in words) + r"(?!\w)")
    found = pattern.search(source, start, start + _BYLINE_REACH)
    return location_at(source, found.start()) if found is not None else where
