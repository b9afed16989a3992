"""Reading bylines: who is credited, with which affiliation, and whether a person is named at all.

The commonest failure on real republications is a byline that names the outlet instead of the
reporter ("By The Daily Caller", "By Courier Staff") or an emptied template ("By ,"). This module
tells a person's name from an outlet or a staff credit; `bylines` finds the candidates.

What a byline carries besides names is read off and kept as credit or dropped as page data:
openers in several languages ("Written by", "Reported by A and translated by B", "Par", "Por",
"Von", "Di", "Door", "Av"), list markers and labels ("- ", "Analysis:", "Source: Outlet –"), a
lead-in naming the outlet ("From The Conversation. By …", "Reuters — By …",
"WASHINGTON (AP) — By …", "Via Outlet: NAME", kept in the credit; a newsletter's or section's
label there, "Daily Briefing | By …", or a kicker that is a newspaper's word alone, "Review — By …",
is not kept; the label may be glued to "By", "Politico:By …"), an outlet before a job title after the name
("NAME, Reuters correspondent"),
outlets in brackets ("NAME (Outlet)", "NAME [Outlet]"), an outlet and a job title before the
name ("By DCNF reporter Jake Smith"), and data stuck to names (dates, times,
"1 day ago", "Updated …", @handles, e-mail addresses, reading times and counters).

The core knows what an outlet, a job title or a section label looks like; which outlets exist is
pack data (`outlets:`), passed in as `outlets`.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence, Set
from dataclasses import dataclass, field
from typing import NamedTuple

from compliance.document.given_names import GIVEN_NAMES
from compliance.document.institution_names import is_person_shaped_institution
from compliance.firstuse import on_first_use
from compliance.text import DASH, DASH_CLASS, DASHES, normalize_inline


def _without_accents(text: str) -> str:
    """The text with its diacritics dropped ("rédaction" → "redaction", "Agência" → "Agencia"),
    its case kept."""
    if text.isascii():
        return text
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


# German's own spelling of its umlauts without them: "Universitaet", "fuer".
_UMLAUTS_SPELT_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def _unaccented_too(words: Iterable[str]) -> frozenset[str]:
    """The words, each also as written without its accents: a CMS strips them and keyboards
    without them leave them out ("Por Redaccion", "Par la redaction", "Agencia Brasil",
    "Universitat Wien"), and a German word's umlaut also as German writes it without one
    ("Universitaet", "fuer"); the reader compares a byline's words with its word lists as
    written. Only a word's unaccented forms are added, so no two words of a list are merged
    (Spanish "él" would add "el", not change it)."""
    listed = frozenset(words)
    return listed | {_without_accents(word) for word in listed} | {_without_accents(word.translate(_UMLAUTS_SPELT_OUT)) for word in listed}


# The words for "and" in the languages whose openers the reader knows (`_PREFIX`), and for "with":
# the one list every pattern that joins people is built from. The short "and"s ("e", "en", "og",
# "och", Catalan and Polish "i", Turkish "ve", Indonesian and Malay "dan", Polish "oraz") are other
# words too (Spanish and French "en" is "in"; "Dan" is a given name, which is why they are read in
# lower case only), so a bracket's opening word (`_WITH`: "(con B)", "(y B)") is one of the others.
# "With": also Turkish "ile" and Indonesian "dengan".
_AND_WORDS = "and|et|y|und"
_SHORT_AND_WORDS = "e|en|og|och|i|ve|dan|oraz"
_WITH_WORDS = "with|avec|mit|con|com|met|med|ile|dengan"

# Credits for a part of the work that do not open a byline on their own ("Photo by", "Edited by", "Editing by",
# "Fotos de", "Traducción de", "Traduit par", "Übersetzt von"): a caption's photographer is not
# the story's author, nor is a translator. In the languages whose "by" the reader knows, also
# without accents, as a CMS strips them ("Traduccion de"); Norwegian, Swedish and Danish
# ("oversettelse av", "översättning av", "oversættelse af", "bilder av"). In English also a visual
# or data desk's ("Design by", "Data by", "Visuals by", "Maps by", "Fact-checking by"). A compiler's
# ("Compiled by", "Compiled and edited by", "Recopilado por", "Compilé par", "Zusammengestellt
# von"): who gathered a roundup from other reports, a wire's or the desk's, is not its reporter.
_PART_ROLES = (
    r"compiled|compilation|compil[ée]e?|compilad[oa]|recopilad[oa]|compilat[oa]|zusammengestellt|samengesteld|sammanst[äa]llt|"
    r"photos?|photography|photographed|photographs?|pictures|images|video|graphics|illustrations?|edited|editing|translated|translation|produced|"
    r"design|designed|data|visuals|maps?|art|artwork|audio|animation|illustrated|charts?|infographics?|cartography|"
    r"fact[-\s]checked|fact[-\s]checking|copy[-\s]edited|copy[-\s]editing|"
    r"fotos?|fotograf[íi]as?|fotografie|im[áa]genes|traducci[óo]n|traducido|traducida|tradu[çc][ãa]o|traduzido|traduzida|traduction|traduit|traduite|"
    r"traduzione|tradotto|tradotta|[üu]bersetzung|[üu]bersetzt|vertaling|vertaald|oversatt|[öo]versatt|editado|editada|[ée]dit[ée]|"
    r"edici[óo]n|edi[çc][ãa]o|ilustraci[óo]n(?:es)?|ilustra[çc][ãa]o|v[íi]deo|"
    r"overs[æa]ttelse|oversettelse|[öo]vers[äa]ttning|oversat|fotografi|bilder|billeder|illustrasjon(?:er)?|illustration(?:er)?|redigert|redigerad|redigeret"
)
# Verbs and nouns that open a credit before "by": "Written by", "Contributed by", "Text and photos
# by", the kinds of piece an opinion section labels its bylines with ("Opinion by", "Commentary
# by", "Perspective by", "Column by", "Essay by", "Review by", "Op-ed by", "Guest column by", also
# after "a": "A column by"), a CMS's posting line ("Submitted by", Drupal's), and the part
# credits; in the other languages whose "by" the reader knows also without accents, as a CMS
# strips them ("Publie par", "Ecrit par", "Reportaje de", "Texto e fotos de", "Testo di"); French
# interviews' "Propos recueillis par" (remarks gathered by: the interviewer writes the piece).
_ROLE_OPENERS = (
    r"written|writing|authored|posted|submitted|story|words|reporting|reported|additional\s+reporting|text|report|article|published|"
    r"(?:an?\s+)?(?:opinion|commentary|perspective|column|essay|review|op-ed|guest\s+(?:post|column|essay|commentary|piece|op-ed))|contributed|"
    r"interview|interviews|research|analysis|escrito|escrita|publicado|publi[ée]|[ée]crit|geschrieben|scritto|pubblicato|skrevet|"
    r"reportaje|reportado|reportada|reportagem|reportage|texto|textos|texte|testo|tekst|redactado|r[ée]dig[ée]|geschreven|skriven|"
    rf"investigaci[óo]n|entrevista|enqu[êe]te|servizio|recherche|propos\s+recueillis|entretien|{_PART_ROLES}"
)
# What joins two roles of one credit: "Text and photos by", "Texto y fotos de", "Texte et photos
# par", "Text und Fotos von", "Text/photos by", "Reportaje, fotos de".
_ROLE_JOIN = rf"(?:\s+(?:{_AND_WORDS}|{_SHORT_AND_WORDS}|&)\s+|\s*[/,]\s*)"
_ROLES = rf"(?:{_ROLE_OPENERS})(?:{_ROLE_JOIN}(?:{_ROLE_OPENERS}))?"
_OPENER_WORDS = rf"(?:{_ROLES}\s+)?"
# The labels of a credit written "Label: NAME" ("Reporting: A. Translation: B", "Texto: A"), in
# English and the other languages whose "by" the reader knows, in Vietnamese ("Tác giả: A",
# "Bài: A – Ảnh: B", "Người dịch: B") and in Indonesian and Malay ("Penulis: A | Editor: B",
# "Pewarta: A", "Oleh: A", "Penyunting: B"), in Turkish ("Haber: A", "Muhabir: A", "Yazan: A",
# "Fotoğraf: B", "Çeviri: B"): an author's (the first label must name one: "Photos: B" is
# a caption) and a part's. "Updated:", "Source:" or "Tags:" are none.
_AUTHOR_LABELS = (
    r"reporting|reporter|reporters|words|text|writer|writers|written|reportaje|reportero|reportera|texto|textos|reportagem|rep[óo]rter|"
    r"texte|reportage|testo|servizio|tekst|t[áa]c\s+gi[ảa]|b[àa]i(?:\s+vi[ếe]t)?|ph[óo]ng\s+vi[êe]n|penulis|wartawan|pewarta|oleh|"
    r"haber|muhabir|yazan|yazar(?:lar)?"
)
_PART_LABELS = (
    r"overs[æa]ttelse|bilder|photos?|photography|photographer|photographers|pictures|images|video|graphics|illustrations?|translation|translator|editing|editor|"
    r"design|designer|data|visuals|maps?|art|audio|animation|charts?|fact[-\s]checking|copy[-\s]editing|"
    r"edited|research|additional\s+reporting|production|producer|fotos?|fotograf[íi]as?|fotografie|traducci[óo]n|traductor|traductora|"
    r"tradu[çc][ãa]o|tradutor|tradutora|traduction|traducteur|traductrice|traduzione|[üu]bersetzung|vertaling|oversettelse|[öo]vers[äa]ttning|"
    r"edici[óo]n|edi[çc][ãa]o|[ée]dition|ilustraci[óo]n|ilustra[çc][ãa]o|penyunting|foto[gğ]raf(?:lar)?|[çc]eviri|edit[öo]r|[ảa]nh|(?:ng[ườu][ờo]i\s+|bi[êe]n\s+)?d[ịi]ch(?:\s+gi[ảa])?"
)
_ANY_LABEL = rf"(?:{_AUTHOR_LABELS}|{_PART_LABELS})"
# An author's label, alone or joined to another ("Text and photos:"), and its colon.
_AUTHORS_LABEL = rf"(?:{_ANY_LABEL}{_ROLE_JOIN})?(?:{_AUTHOR_LABELS})(?:{_ROLE_JOIN}{_ANY_LABEL})?\s*:"
# "By" in the languages the reader knows (French/Catalan "Par", Spanish/Portuguese "Por", German
# "Von", Italian "Di"/"Da", Dutch "Door", Scandinavian "Av"/"Af", Indonesian and Malay "Oleh"); and after a role, the "of" of
# Spanish, Portuguese and French ("Reportaje de", "Texto de", "Photos de"), which alone opens no
# byline: "De Luca" is a name.
_BY_WORDS = "by|par|por|von|di|da|door|av|af|oleh"
# A role's "de" before an article opens no credit: "Article de Le Monde" names a publication.
# "As told to" credits the writer of a first-person account as "By" does ("As told to Jane Doe",
# "By Maria Lopez, as told to Jane Doe": both are the story's authors).
_AS_TOLD_TO = r"as\s+told\s+to"
# (The roles are written once, before "by" or "de": the alternation of every role is most of the
# cost of compiling each pattern built on this one, which a one-file check pays at start-up. No
# role starts with a word of `_BY_WORDS`, so "by" alone is never tried where a role would match.)
_ROLE_BY = rf"(?:{_ROLES}\s+(?:{_BY_WORDS}|de(?!\s+(?:le|la|les|el|los|las|o|os|as|il|lo)\s))|(?:{_BY_WORDS})|{_AS_TOLD_TO})"
_PART_CREDIT = re.compile(rf"^(?:{_PART_ROLES})\s+(?P<by>{_BY_WORDS}|de)\b", re.IGNORECASE)
# Each "… by" of a byline, and whether it credits a part of the work (`_PART_ROLES`, one or two
# joined, or a contribution to the reporting: "additional reporting by", "research by"): "By A. Photos by B",
# "Reportaje de A y traducción de B". An author's role before a part's ("Text and photos by A")
# makes an author's credit. The labels of the "Label: NAME" form say the same ("Reporting: A.
# Translation: B").
_CREDITS_BY = on_first_use(
    rf"(?<![^\W\d_])(?:(?P<part>(?:(?:{_PART_ROLES})(?:{_ROLE_JOIN}(?:{_PART_ROLES}))?|additional\s+reporting|research)\s+(?:{_BY_WORDS}|de)(?![^\W\d_])|(?:{_PART_LABELS})\s*:)"
    rf"|(?:{_ROLE_BY}|by|por|par)(?![^\W\d_])|{_AUTHORS_LABEL})",
    re.IGNORECASE,
)


# The first of two roles joined before one "by" ("Photos and video by", "Compiled and edited by").
_JOINED_ROLE = re.compile(rf"^([^\W\d_][\w-]*){_ROLE_JOIN}(?=[^\W\d_])", re.IGNORECASE)


def _part_credit_by(text: str) -> tuple[int, int] | None:
    """Where the "by" (or "de") of a credit for a part of the work that opens `text` stands, as
    offsets in `text`: one part's role ("Photos by B", "Fotos de B") or two joined ("Photos and
    video by B", "Compiled and edited by B", "Fotos y video de B"; with an author's role, "Text and
    photos by A", the credit is an author's); None for any other text."""
    part = _PART_CREDIT.match(text)
    if part is not None:
        return part.span("by")
    joined = _JOINED_ROLE.match(text)
    if joined is None or _PART_CREDIT.match(joined.group(1) + " by") is None:
        return None
    second = _PART_CREDIT.match(text[joined.end() :])
    return None if second is None else (joined.end() + second.start("by"), joined.end() + second.end("by"))


def is_part_credit(line: str) -> bool:
    """Whether the line opens with a credit for a part of the work ("Edited by NAME", "Photos by
    NAME", "Photos and video by NAME"), which names no author of the story, also after a list
    marker ("— Photos by NAME")."""
    return _part_credit_by(_LIST_MARKER.sub("", line.strip(), count=1)) is not None


# A line opening with a part's credit, after the noun of the work it was done to ("Tekst oversatt
# av B", "Text translated by B", "Texte traduit par B"), or with a part's label ("Translation: B",
# "Fotos: B", "Übersetzung: B"): the caption forms of a part credit.
_PART_ONLY_START = on_first_use(
    rf"^(?:(?:(?:text|tekst|texte|texto|testo|article|artikel|story)\s+)?(?:{_PART_ROLES})\s+(?:{_BY_WORDS}|de)\b|(?:{_PART_LABELS})\s*:)",
    re.IGNORECASE,
)


def credits_only_a_part(line: str) -> bool:
    """Whether the line's credit is for a part of the work, with no author's credit before it:
    it opens with a part's role and its "by" ("Photography by B", "Traduit par B", "Fotos von B",
    "Tekst oversatt av B") or a part's label ("Translation: B", "Photos: B"), also after a list
    marker; "Text and photos by A" and "By A. Photos by B" are no such line. Such a line is a caption, and
    names the translator or photographer, not the story's author. Pure."""
    opened = _LIST_MARKER.sub("", line.strip(), count=1)
    return _PART_ONLY_START().match(opened) is not None or _part_credit_by(opened) is not None


# A word a part's credit opens with (the `part` of `_CREDITS_BY`: a part's role, or a
# contribution's, before its "by"; a part's label before its colon), as a word. Every byline that
# credits a part holds one before the name; most hold none, and are spared `_CREDITS_BY`, whose
# compiling (about 10 ms, for a pattern of some 9,000 characters) a process pays on its first page
# unless the command line's cache of compiled patterns has it (`startup`): the API's first check,
# a new check process of `serve`, the first run of a new version.
_PART_WORD = on_first_use(rf"(?<![^\W\d_])(?:{_PART_ROLES}|additional\s+reporting|research|{_PART_LABELS})(?![^\W\d_])", re.IGNORECASE)


def credited_for_a_part(byline: str, name: str) -> bool:
    """Whether the byline `byline` credits `name`, one of the names it was read as giving, for a
    part of the work, not as an author of the story: the last "… by" before the name is a photo's,
    an editor's or a translator's, or additional reporting's ("By A. Photos by B", "Reported by A
    and translated by B", "By A; additional reporting by B" credit B for a part). False for a
    name the byline does not write as it is."""
    at = byline.find(name)
    if at < 0 or _PART_WORD().search(byline, 0, at) is None:
        return False
    openers = list(_CREDITS_BY().finditer(byline, 0, at))
    return bool(openers) and openers[-1].group("part") is not None


# "By" and its equivalents (`_BY_WORDS`), after a role or not (`_ROLE_BY`).
_PREFIX = re.compile(rf"^{_ROLE_BY}\b[:\s]*", re.IGNORECASE)
# The labels of Chinese, Japanese and Korean bylines, read as "By" is: "作者：张三", "记者 张三",
# "本报记者 张三", "（记者 张三）", "撰文：张三", "文／张三", "記者 山田太郎", "筆者：山田太郎",
# "기자 김철수", "글 김철수", "글·사진 김철수" (text and photos), "文・写真：山田太郎". A space, a colon, a slash, a bar or a middle dot parts the label from
# the name; a closing bracket at the end is the label's only when one opens it ("（记者 张三）"),
# else it closes a bracket of the credit ("글 김민지 (CalMatters)"); "文" ("text") needs one of the marks, so that no word beginning with it is read as a
# label. People are listed with the ideographic comma ("作者：张三、李四"). A name glued to the
# label ("记者张三") is parted only where a common surname follows it (`_CJK_GLUED_LABEL`): the
# label opens words too ("记者会" is a press conference).
_CJK_SPACED_LABELS = (
    r"(?:本报|本報|本社)?(?:特约|特約)?(?:记者|記者|通讯员|通訊員)|作者|撰文|执笔|執筆|筆者|笔者|기자|글(?:\s*[·ㆍ/]\s*사진)?|사진\s*[·ㆍ/]\s*글"
)
_CJK_MARKED_LABELS = r"文・写真|写真・文|图文|圖文|文字|文"
_CJK_MARK = r"\s*[:：/／|｜・]\s*"
_CJK_LABEL = on_first_use(
    rf"^(?:(?P<open>[(（【\[])\s*)?(?:(?:{_CJK_SPACED_LABELS})(?:{_CJK_MARK}|\s+)|(?:{_CJK_MARKED_LABELS}){_CJK_MARK})(?P<rest>\S.*?)(?(open)\s*[)）】\]]|)$"
)
# A label after the name, as Korean and Japanese bylines write it: "김철수 기자", "김철수 특파원"
# (correspondent), "山田太郎記者", "山田 太郎 記者", also before an e-mail address ("김철수 기자
# kim@example.kr"). Only after a name's length of text with no sentence's punctuation: a
# sentence may end with the word ("他是一名记者。").
_CJK_NAME_PART = r"[^\s，。、！？,.!?;；:：]{1,10}"
_CJK_LABEL_AFTER = on_first_use(rf"^(?P<rest>{_CJK_NAME_PART}(?:\s{_CJK_NAME_PART})?)\s*(?:기자|특파원|記者|特派員)(?:\s+\S+@\S+)?\s*$")
# The words that end an institution's name in Chinese, Japanese and Korean ("北京大学", "東京大學",
# "中国科学院", "协和医院", "서울대학교", "한국개발연구원"), and the academic titles written after it
# ("教授", "준교수"). A word that holds one after at least one character of its own is an
# institution's name, never a person's: "김민수 서울대학교 교수" credits 김민수 of 서울대학교, and
# "李伟，北京大学" 李伟 of 北京大学. The word alone ("大学", "연구원", a researcher) names none.
_CJK_INSTITUTION_WORDS = r"대학교|대학원|대학|병원|연구소|연구원|大学|大學|学院|學院|研究所|研究院|研究中心|医院|醫院|病院"
# (Korean "연구원" after an institution is a researcher; with letters before it, "한국개발연구원",
# an institute.)
_CJK_TITLES = (
    r"교수|부교수|조교수|명예교수|석좌교수|겸임교수|초빙교수|객원교수|연구교수|강사|연구위원|연구원|책임연구원|선임연구원|수석연구원|박사|"
    r"教授|副教授|助理教授|准教授|讲师|講師|研究员|研究員|助教"
)
# Reporters' and editors' jobs, written after the name as the titles are ("王芳 记者", "김민수 특파원").
_CJK_JOBS = r"기자|특파원|편집장|记者|記者|特约记者|特約記者|通讯员|通訊員|编辑|編輯|主编|主編|特派员|特派員|撰稿人"
_CJK_INSTITUTION_WORD = on_first_use(_CJK_INSTITUTION_WORDS)
_CJK_INSTITUTION = on_first_use(rf"[^\W\d_]+?(?:{_CJK_INSTITUTION_WORDS})")
# Where a byline written without commas parts its name from its institution (the space before a
# word that ends with an institution's word) and its institution from a title after it, glued or
# spaced ("北京大学教授", "서울대학교 교수").
_CJK_BEFORE_INSTITUTION = on_first_use(rf"([^\W\d_])\s+(?=[^\W\d_]+?(?:{_CJK_INSTITUTION_WORDS})(?:[\s,;]|$|{_CJK_TITLES}))")
# An institution (and the title after it) closes its author's credit: what follows it is the next
# author ("李伟 北京大学 王芳 清华大学", "김민수 서울대학교 교수, 이영희 고려대학교 교수"), parted
# as a semicolon parts "A, Uni X; B".
_CJK_AFTER_CREDIT = on_first_use(
    rf"([^\W\d_](?:{_CJK_INSTITUTION_WORDS})(?:\s*(?:{_CJK_TITLES}))?)(?:\s*[,、;]\s*|\s+)(?=[^\W\d_])(?!(?:{_CJK_TITLES})(?:[\s,、;]|$))"
)
_CJK_BEFORE_TITLE = on_first_use(rf"([^\W\d_](?:{_CJK_INSTITUTION_WORDS}))\s*(?=(?:{_CJK_TITLES})(?:[\s,、;]|$))")


# The middle dot that lists people: the Japanese "・" between names in kanji ("山田太郎・鈴木花子")
# and the Korean "·" or "ㆍ" between names in Hangul ("김민수·이영희 기자"). Between katakana the
# Japanese dot parts a foreign name's own words ("ジョン・スミス", one person), and between Chinese
# characters "·" parts those of a transliterated name ("唐纳德·特朗普"): neither is a list.
_KATAKANA = "\u30a0-\u30ff\uff66-\uff9f"
_HANGUL = "\uac00-\ud7a3"
_CJK_LIST_DOT = on_first_use(rf"(?<=[^\s{_KATAKANA}])\s*[・･]\s*(?=[^\s{_KATAKANA}])|(?<=[{_HANGUL}])\s*[·ㆍ]\s*(?=[{_HANGUL}])")


def _cjk_parts(text: str) -> tuple[str, frozenset[str]]:
    """A Chinese, Japanese or Korean byline with its parts parted by commas as a Latin byline's
    are: the fullwidth comma ("李伟，北京大学") read as a comma, and a name, an institution and a
    title written with spaces or none between them ("김민수 서울대학교 교수", "王芳 北京大学教授")
    parted at the institution (`_CJK_INSTITUTION_WORDS`, or a short form or initials where a
    name, a title or a separator around them say so, `_CJK_SHORT_INSTITUTION`), which closes its
    author's credit ("李伟 北京大学 王芳 清华大学" credits two authors, each with their own); the
    ideographic comma ("李伟、王芳") and a list's middle dot (`_CJK_LIST_DOT`) are read as commas,
    the fullwidth semicolon and brackets as their ASCII forms. Other text comes back as it was.
    Also the short forms read so ("서울대"), which are no one's name in this byline."""
    text = text.replace("，", ", ").replace("、", ", ").replace("；", "; ").replace("（", " (").replace("）", ")")
    if "・" in text or "･" in text or "·" in text or "ㆍ" in text:
        text = _CJK_LIST_DOT().sub(", ", text)
    if _CJK_AND().search(text) is not None:
        text = _CJK_AND().sub(", ", text).replace(", ,", ",")
    outlet_first = _CJK_OUTLET_FIRST().match(text) if _CJK_OUTLET_WORD().search(text) else None
    if outlet_first is not None:
        text = f"{outlet_first.group('rest')}, {outlet_first.group('outlet')}"
    text, short = _short_institutions(text) if _SHORT_INSTITUTION_MARK().search(text) else (text, frozenset())
    if _CJK_INSTITUTION_WORD().search(text) is not None:
        text = _CJK_AFTER_CREDIT().sub(r"\1; ", text)
        text = _CJK_BEFORE_TITLE().sub(r"\1, ", _CJK_BEFORE_INSTITUTION().sub(r"\1, ", text))
    if _CJK_ANY_TITLE().search(text) is not None:
        text = _CJK_LONE_TITLE().sub(_title_part, text)
    return _CJK_SPACED_NAMES().sub(", ", text), short


# The words that end a Chinese, Japanese or Korean news outlet's name ("연합뉴스", "조선일보",
# "新华社", "人民日报", "朝日新聞", "中央电视台"): no person's name. Korean and Chinese wire
# bylines open with the outlet, then the name ("연합뉴스 김민수 기자", "新华社记者 王芳"), which
# is read as the name, then the outlet (with its job) as the credit.
_CJK_OUTLET_ENDINGS = r"뉴스|신문|일보|방송|통신|新华社|新華社|通讯社|通訊社|日报|日報|晚报|晚報|时报|時報|新闻|新聞|新聞社|电视台|電視台"
_CJK_OUTLET_WORD = on_first_use(rf"[^\W\d_](?:{_CJK_OUTLET_ENDINGS})|^(?:新华社|新華社)")
_CJK_OUTLET_FIRST = on_first_use(rf"^(?P<outlet>[^\s,;()]{{0,12}}?(?:{_CJK_OUTLET_ENDINGS})(?:\s*(?:{_CJK_JOBS}))?)\s+(?P<rest>[^\s,;].*)$")


# "And" between Chinese or Korean names or credits, standing between spaces ("王芳 香港中文大學 與
# 李伟", "김민수 및 이영희"): a comma, so that the word is no part of the next name. Japanese "と"
# is written glued to the names it joins ("山田太郎と鈴木花子"): between kanji it is no part of a
# name (a name in kanji holds no hiragana), and it is read so there.
_CJK_AND = on_first_use(r"(?<=\S)\s+(?:與|与|和|及|跟|및|と)\s+(?=\S)|(?<=[\u4e00-\u9fff])と(?=[\u4e00-\u9fff])")


# A title or a job right after a name and a space, with no institution between ("김민수 연구원,
# 이영희", "王芳 记者", "山田 太郎 教授"): a part of its own that closes the author's credit, as
# an institution does, so that the next name is the next author, and the title is no name.
_CJK_ANY_TITLE = on_first_use(rf"{_CJK_TITLES}|{_CJK_JOBS}")
_CJK_LONE_TITLE = on_first_use(
    rf"(?<=[{_HANGUL}\u3040-\u30ff\u4e00-\u9fff])\s+(?P<title>{_CJK_TITLES}|{_CJK_JOBS})(?P<after>\s*[,;]\s*(?=\S)|\s+(?=[{_HANGUL}\u3040-\u30ff\u4e00-\u9fff])|\s*$)"
)


def _title_part(match: re.Match[str]) -> str:
    return f", {match.group('title')}" + ("; " if match.group("after").strip() or match.end() < len(match.string) else "")


# A Korean university's short form ("서울대", "연세대", "고려대" for 서울대학교 …; "이화여대"; with
# its college, "서울대 의대"), or an institution's initials ("KAIST", "UNIST", "MIT"), after a
# name in Hangul, kanji or hanzi and a space (or in a bracket after it), with an academic title
# after it, spaced or glued ("김민수 서울대 교수", "김민수 KAIST 교수", "서울대교수", "서울대
# 연구원"); the short form also before a separator or the end ("김민수 서울대, 이영희 연세대",
# "김민수(서울대)"). Only there: "대" ends common words ("시대" an era, "세대" a generation,
# "반대", "기대", "무대": one syllable before it, where a short form has two or more) and names
# too ("김종대", whom no title follows), and initials alone may be an outlet's ("KBS").
# A comma after the name stands where the space does ("김민수, 서울대", "李伟，北大"): a name is
# parted from its institution so as often. A Korean short form of three syllables that opens with
# a common surname has a person's name's shape ("김종대", "이영희, 김종대" lists two people): with
# no title after it or bracket around it, only a well-known university's short form
# (`_KO_UNIVERSITY_STEMS`, "서울대", "연세대", "고려대") is read as one; a shape that opens with no
# surname ("경희대", "부산대") is no one's name.
# Chinese and Japanese short forms are one or two characters before "大" ("北大", "浙大",
# "中科大", "東大", "京大") or up to four before "院" ("中科院", "社科院"), with no character of a
# word after them but a title's; and the few universities known by two characters of their name,
# with no suffix (`_ZH_SUFFIXLESS`: "清华", "复旦", "同济", "南开").
_CJK_NAME_LETTER = rf"[{_HANGUL}\u3040-\u30ff\u4e00-\u9fff]"
_KO_SHORT_FORM = rf"[{_HANGUL}]{{2,8}}대(?:\s?[{_HANGUL}]{{1,2}}대)?"
_ZH_SUFFIXLESS = "清华|清華|复旦|復旦|同济|同濟|南开|南開|北航|北邮|北郵"
_ZH_SHORT_FORM = rf"(?:[\u4e00-\u9fff]{{1,2}}大|[\u4e00-\u9fff]{{1,4}}院|{_ZH_SUFFIXLESS})(?=(?:{_CJK_TITLES})|[^\u4e00-\u9fff]|$)"
# What `_CJK_SHORT_INSTITUTION` may find: the cheap test before it is tried.
_SHORT_INSTITUTION_MARK = on_first_use(rf"[대大院]|[A-Z]{{2}}|{_ZH_SUFFIXLESS}")
_CJK_SHORT_INSTITUTION = on_first_use(
    rf"(?<={_CJK_NAME_LETTER})(?P<space>\s+|\s*,\s*|\s*\(\s*)(?P<institution>{_KO_SHORT_FORM}|{_ZH_SHORT_FORM}|[A-Z][A-Z&]{{1,9}}(?=\s*(?:{_CJK_TITLES})))"
    rf"(?:\s*(?P<title>{_CJK_TITLES}))?(?P<after>\s*\)?\s*[,;·]\s*|\s*\)?\s*$|\s+(?={_CJK_NAME_LETTER}))"
)


# The stems of the Korean universities' short forms of three syllables that open with a common
# surname ("서울대" is Seoul National University's; "서" is a surname too).
_KO_UNIVERSITY_STEMS = frozenset(
    """서울 서강 서원 연세 고려 한양 한림 한성 한남 한동 한밭 한신 한서 홍익 인하 인천 전남 전북 전주 강원 강릉 강남 조선 원광 명지 안양
    안동 진주 공주 성결 신라 신한 우송 유한 국민 동국 건국 세종 상명 숙명 성신 덕성 동덕""".split()
)


def _is_name_shaped(short_form: str) -> bool:
    """Whether a Korean short form ("김종대", "서울대") is shaped as a person's name, three
    syllables opening with a common surname, and is no well-known university's."""
    return len(short_form) == 3 and short_form[0] in _CJK_SURNAMES and short_form[:2] not in _KO_UNIVERSITY_STEMS


def _short_institutions(text: str) -> tuple[str, frozenset[str]]:
    """`text` with each short form or initials of `_CJK_SHORT_INSTITUTION` parted from the name
    before it and the title after it, and the author's credit closed after them, as
    `_cjk_parts` parts an institution's full name ("김민수 서울대 교수, 이영희" → "김민수, 서울대,
    교수; 이영희"); and the short forms in Hangul so read. A short form needs a title, a
    separator, a bracket or the end after it; a following name alone ("이영희 김종대 박철수") is
    no such context."""
    found: set[str] = set()

    def part(match: re.Match[str]) -> str:
        institution, title, after = match.group("institution"), match.group("title"), match.group("after")
        bracketed = "(" in match.group("space")
        if not title and not after.strip() and after:
            return match.group(0)  # "이영희 김종대 박철수": names, no institution's context
        if not title and not bracketed and _is_name_shaped(institution):
            return match.group(0)  # "이영희, 김종대": a list of people
        if bracketed and ")" not in after:
            return match.group(0)
        if not institution.isascii():
            found.add(institution)
        closing = "; " if after.strip(" )") or (after and not after.strip() and not bracketed) else ""
        return f", {institution}" + (f", {title}" if title else "") + closing

    return _CJK_SHORT_INSTITUTION().sub(part, text), frozenset(found)


# A name glued to its label ("记者王芳", "記者陳大文", "기자김민수"): only a name's length (two to four
# characters) after the reporter's label and nothing else, and only one that opens with a common
# surname, since the label also opens words ("记者招待会", a press conference; "기자회견", one in
# Korean; "记者会", "기자단"), whose next character is no surname. Surnames that are common words
# too ("于", "向", "万", "付") are left out: "记者向他" is no byline.
_CJK_SURNAMES = (
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘"
    "蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍"
    "史陶黎贺賀顾顧毛郝龚龔邵钱錢严嚴覃武戴莫孔汤湯欧歐司上诸諸"
    "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민나진지엄채원천방공현함변염여추도소석선설마길연위표명반왕금옥육인맹"
)
_KO_SURNAMES = "".join(char for char in _CJK_SURNAMES if "\uac00" <= char <= "\ud7a3")
_CJK_GLUED_LABEL = on_first_use(
    rf"^[(（【\[]?\s*(?:本报|本報|本社)?(?:特约|特約)?(?:记者|記者|기자)(?P<rest>[{_CJK_SURNAMES}](?:[\u4e00-\u9fff]{{1,3}}|[\uac00-\ud7a3]{{1,3}}))\s*[)）】\]]?$"
)
# Two names in Hangul, the first opening with a common surname (`_CJK_SURNAMES`), or in hanzi,
# each opening with one, parted by a space alone ("김민수 이영희", "李伟 王芳"): two people. A
# Chinese or Korean name is one word of two to four characters, written without a space; a
# foreign name written in Hangul keeps the spaces of its own language, and its first word seldom
# opens with a Korean surname ("로사 이바라" is Rosa Ibarra, one person); a Japanese name may hold one between the
# surname and the given name ("山田 太郎"), whose given name opens with no surname of the list,
# and stays one person, as do names in katakana; a university's short form and its college
# ("서울대 의대") stay one institution.
_CJK_SPACED_NAMES = on_first_use(
    rf"(?:(?<=(?<![{_HANGUL}])[{_KO_SURNAMES}][{_HANGUL}])|(?<=(?<![{_HANGUL}])[{_KO_SURNAMES}][{_HANGUL}]{{2}})|(?<=(?<![{_HANGUL}])[{_KO_SURNAMES}][{_HANGUL}]{{3}}))"
    rf"(?!(?<=대)\s+[{_HANGUL}]{{1,2}}대(?![{_HANGUL}]))\s+(?=[{_HANGUL}]{{2,4}}(?![{_HANGUL}]))"
    rf"|(?<=(?<![\u4e00-\u9fff])[{_CJK_SURNAMES}][\u4e00-\u9fff])\s+(?=[{_CJK_SURNAMES}][\u4e00-\u9fff]{{1,2}}(?![\u4e00-\u9fff]))"
)


# Openers that are also name particles ("Von Miller", "Di Maria") or a given name (Ukrainian
# "Oleh": "Oleh Sentsov"): read the text both ways.
_PARTICLE_OPENERS = frozenset({"von", "di", "da", "av", "af", "door", "oleh"})


# The two patterns below look for a "by" after the start of the text, which few bylines have
# ("By Jane Doe, Outlet" has one, at the start, read by `_PREFIX`): each is compiled on first
# use, and only for a text where `_BY` finds a "by" they could match. Compiling them costs a
# one-file check (a pre-commit hook) milliseconds, more than reading every byline of most pages.
# In both, "by" is followed by a space and preceded by a space, a digit, a bracket or a
# separator, never by a letter ("nearby" is no opener), in either case: under IGNORECASE no
# letter but "b"/"B" and "y"/"Y" matches them.
_BY = re.compile(r"(?<![^\W\d_])by[\s:]", re.IGNORECASE)
# "By" mid-line in the languages whose opener is no name particle: "Source: Outlet – Par NAME"
# (a capital must follow these: "– por favor" is no byline).
_OTHER_MID_BY = on_first_use(r"(?<![^\W\d_])(?:par|por|door)\s", re.IGNORECASE)


# What separates a label, a lead-in or a timestamp from "By" besides a dash: a bar, a bullet, a
# middle dot, a colon, a slash, a tilde or a breadcrumb's angle quote ("Politics | By NAME",
# "12:05 PM|By NAME", "Politics ~ By NAME", "Politics › By NAME"). (Text is read normalised, which
# makes "»" and "«" a straight double quote: `_mid_opener` takes one standing alone.)
_LABEL_SEPARATORS = "|•·:/~›‹»«"
# What follows "By" before the name mid-line: spaces, or a colon and any spaces ("Review — By:
# NAME", "Politico:By:NAME"), as "By:" at the start of a line has.
_BY_COLON = r"(?::\s*|\s+)"
# A date or a time stuck to "By" by tight punctuation, as a CMS prints its timestamp and the
# byline in one line ("Updated 12:By NAME", "12:05:By NAME", "12:05 PM|By NAME",
# "06/27/2024/By NAME", "3 p.m.|By NAME"): the text before the separator ends in a digit, or in
# "am"/"pm"/"a.m."/"p.m." after one. (Each look-behind has a fixed width, hence one per spelling.)
_TIGHT = f"[{_LABEL_SEPARATORS}{DASHES}]"
_AFTER_DATA = rf"(?:(?<=\d{_TIGHT})|(?<=\d[ap]m{_TIGHT})|(?<=\d\s[ap]m{_TIGHT})|(?<=\d[ap]\.m\.{_TIGHT})|(?<=\d\s[ap]\.m\.{_TIGHT}))"


@functools.cache
def _mid_opener() -> re.Pattern[str]:
    """ "Tuesday 15 October 2019 by NAME", "Headline 10.15.15 By NAME", "Source: Outlet – By NAME",
    "Source: Outlet – Par NAME", "Updated 12:05 PM|By NAME". Glued to a date or a time, "By" must
    be in capitals and a capital must follow ("Chapter 12:by design" is prose). After a space, up
    to two separators ("Politics :— By NAME"), or a double quote standing alone, which no
    quotation is and a normalised "»" is ("Politics " By NAME")."""
    separator = rf"(?:{DASH}|[{_LABEL_SEPARATORS}])"
    spaced = rf"(?:(?<=\d)|(?<=[)\]])|\s(?:{separator}{{1,2}}|\"(?=\s)))\s*{_OPENER_WORDS}(?:by{_BY_COLON}(?=[^\W\d_])|(?:par|por|door)\s+(?=(?-i:[A-ZÀ-Þ])))"
    return re.compile(rf"{spaced}|{_AFTER_DATA}(?-i:By|BY){_BY_COLON}(?=(?-i:[A-ZÀ-Þ]))", re.IGNORECASE)


_LIST_MARKER = re.compile(rf"^(?:[{DASH_CLASS}•·*/|>#~]+|\d{{1,2}}[.)])\s*")

# An author's label opening the credit, and the capital of the name after it.
_ROLE_LABEL = on_first_use(rf"^{_AUTHORS_LABEL}\s*(?=(?-i:[A-ZÀ-Þ]))", re.IGNORECASE)
# A later label of the same credit, after a full stop, a separator, a dash or an "and":
# "Reporting: A. Translation: B", "Texto: A; fotos: B", "Words: A and photos: B", "Bài: A – Ảnh:
# B"; read as "and B".
_LATER_ROLE_LABEL = on_first_use(
    rf"(?:\.\s+|\s*[,;|]\s*|\s[{DASH_CLASS}]\s|\s+(?:{_AND_WORDS}|{_SHORT_AND_WORDS}|&)\s+){_ANY_LABEL}(?:{_ROLE_JOIN}{_ANY_LABEL})?\s*:\s*(?=(?-i:[A-ZÀ-Þ]))",
    re.IGNORECASE,
)
# Where the first name after a label ends: a separator or a dash, a full stop, an "and", a "with"
# ("Reporting: A with B", "Texto: A con B") or an opening bracket ("Texte : A (The Conversation)").
_FIRST_NAME_END = on_first_use(rf"\.\s|[,;|:]|\s*[(（]|\s[{DASH_CLASS}]\s|\s(?:{_AND_WORDS}|{_SHORT_AND_WORDS}|{_WITH_WORDS}|&)\s", re.IGNORECASE)


def _labelled_credit(text: str) -> str | None:
    """The text after a credit's "Label:" form ("Reporting: Ines Harlow. Translation: Mateo
    Ruskin, Valley Watch" gives "Ines Harlow and Mateo Ruskin, Valley Watch"), read as "Reporting
    by …, translated by …" is; None when the text opens with no author's label, or the words
    after the label are no person's name ("Reporter: So what happened?" in an interview)."""
    label = _ROLE_LABEL().match(text)
    if label is None:
        return None
    rest = text[label.end() :]
    if person_name(_FIRST_NAME_END().split(rest, maxsplit=1)[0].strip()) is None:
        return None
    return _LATER_ROLE_LABEL().sub(" and ", rest)


_LABEL = re.compile(
    r"^(?:analysis|opinion|commentary|column|perspective|essay|review|interview|source|from|via|authors?|autor(?:es|zy)?|"
    r"auteurs?|autori?|credits?)\s*:\s*",
    re.IGNORECASE,
)


@functools.cache
def _role_conjunction() -> re.Pattern[str]:
    """ "Reported by A and translated by B", "Written by A Edited by B", "By A; photos by B",
    "Reported by A with translation by B", "Reported by A. Translated by B", "By A, as told to
    B"; in the other languages whose "by" the reader knows, "Reportaje de A y traducción de B",
    "Escrito por A e traduzido por B", "Par A et traduit par B", "Text von A und Übersetzung von
    B". A "by" that is also a name's particle ("von", "di", "da", "de") joins only after a role:
    "Ursula von der Leyen" is one person."""
    joiner = rf"[,;|&.]|\b(?:{_AND_WORDS}|{_SHORT_AND_WORDS}|{_WITH_WORDS})\b"
    return re.compile(rf"(?:\s*(?:{joiner}))?\s+(?:{_ROLES}\s+(?:{_BY_WORDS}|de)|by|por|par|{_AS_TOLD_TO})\s+", re.IGNORECASE)


# A "by" after the opener, which `_role_conjunction` may read: a cheap test spares most bylines it.
_LATER_BY = on_first_use(rf"(?<![^\W\d_])(?:{_BY_WORDS}|de|told\s+to)\s", re.IGNORECASE)


# "(with B and C)" adds people; any other bracket is the affiliation: "NAME (Outlet)", also after
# a separator of its own ("NAME — (Outlet)", "NAME, [Outlet]"), which the bracket replaces.
_BRACKET = on_first_use(rf"\s*(?:(?:[,;:|]|{DASH})\s*)?[(\[]\s*([^()\[\]]{{1,100}}?)\s*[)\]]")
# What a nickname in brackets looks like: "R.J.", "Bob", "J-Lo".
_NICKNAME = on_first_use(r"[^\W\d_][\w.'-]{0,15}")
_NAME_SEPARATOR = on_first_use(r",|;|&|\band\b")
_WITH = on_first_use(rf"^(?:{_WITH_WORDS}|{_AND_WORDS})\s+", re.IGNORECASE)
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# `_trailer` and `_data` are compiled on first use, and only for a byline where `_PAGE_DATA`
# finds what they need: a digit, a weekday, "ago", "today", "yesterday", "just now" or an
# "Updated"-like word (every alternative of theirs has one; same flags, so the same letters
# match). Most bylines carry no date, and compiling the two costs a one-file check milliseconds.
_PAGE_DATA = re.compile(
    r"\d|\b(?:mon|tue|wed|thu|fri|sat|sun)|published|updated|modified|aktualisiert|actualizado|mis\s+[àa]\s+jour|ago|yesterday|today|just\s+now",
    re.IGNORECASE,
)


@functools.cache
def _trailer() -> re.Pattern[str]:
    """Bylines often run into the date: "by Derek Willis ProPublica, Oct. 25, 2016"."""
    return re.compile(
        rf"(?:[\s,|•·{DASH_CLASS}]+(?:(?:published|updated|posted|last updated|on)\b[:\s]*)?"
        rf"(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|"
        # A weekday counts only when a date follows ("Monday, June 5"), so "Thomas Friedman" and
        # "Sunstein" are not cut off as if they began a date.
        rf"(?P<weekday>\b(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?)\.?,?\s+(?={_MONTHS}|\d)).*$)"
        r"|(?:\s+(?:published|updated|modified|last\s+updated|aktualisiert|actualizado|mis\s+[àa]\s+jour)\b.*$)",
        re.IGNORECASE,
    )


@functools.cache
def _data() -> re.Pattern[str]:
    """Page data stuck to a name: a number starts a date, a time, a reading time or a counter
    ("22 Dec 2016", "1:39 PM", "14 min read", "651"), except an ordinal in an outlet ("The 19th")."""
    return re.compile(
        rf"(?:\s|^)(?:\d(?!\d*(?:st|nd|rd|th)\b(?!\s+{_MONTHS}))|{_MONTHS}\s+\d{{1,2}}\b|(?:an?|one)\s+(?:minute|hour|day|week|month|year)s?\s+ago\b).*$",
        re.IGNORECASE,
    )


# A day's word that starts page data ("Jane Roe | Today at 5:04 pm", "Updated yesterday").
_DAY_WORD = on_first_use(r"(?:\s|^)(?P<day>yesterday|today|just\s+now)\b.*$", re.IGNORECASE)
# The words of an outlet's name before a word that would start a date, up to the mark that parts
# the name from the outlet (a comma, a slash, a bar, a bracket, a dash, "for", "of", "via"): its
# capitalised words and the small words between them ("Mississippi Today", "USA Today", "The
# Baltimore Sun", "Mail on Sunday"). In the names' own part, with no such mark, a day's word is the
# date's ("By Jane Roe Today"), as it always was.
_OUTLET_WORDS_BEFORE = on_first_use(
    rf"(?:[,/|•·(\[]|\s(?:{DASH})|\s(?:for|of|at|with|via|FOR|OF|AT|WITH|VIA))\s*"
    r"[A-Z][\w&.'’-]*\s+(?:(?:[A-Z][\w&.'’-]*|on|of|the|and|&)\s+)*$"
)
# What follows a day's word that is the date's, never an outlet's: a time ("Today at 5:04 pm",
# "Today 5:04 pm").
_TIME_AFTER = on_first_use(r"\s+(?:at\b|\d{1,2}[:.]\d{2})", re.IGNORECASE)


# The words of an outlet's name that is the byline's whole credit, before its day's word ("By
# Mississippi Today", "By USA TODAY", "By The Kenya Today"): capitalised words and the small words
# between them from the credit's start, the first no person's given name ("By Jane Roe Today" is
# a person and the day of the story).
_OUTLET_WORDS_ALONE = on_first_use(r"^\s*(?P<first>[A-Z][\w&.'’-]*)\s+(?:(?:[A-Z][\w&.'’-]*|on|of|the|and|&)\s+)*$")
# A mark that parts a byline's credit before a word, and one after it or the credit's end: a day's
# word in capitals alone between them ("Jane Roe, TODAY", "Jane Roe | TODAY · 3 May") is an outlet's
# whole name.
_MARK_BEFORE = on_first_use(rf"(?:[,/|•·(\[]|\s(?:{DASH}))\s*$")
_MARK_OR_END_AFTER = on_first_use(rf"\s*(?:$|[,/|•·)\]]|\s(?:{DASH}))")


def _ends_an_outlet(text: str, start: int, end: int) -> bool:
    """Whether the word at `text[start:end]` (a weekday or "Today" that would start page data)
    is the last word of an outlet's name instead: capitalised, not followed by a time
    (`_TIME_AFTER`: "Kenya Today at 5:04 pm" names the day), and after the outlet's other words
    (`_OUTLET_WORDS_BEFORE`: "Mississippi Today", "Pakistan Today", "The Baltimore Sun"), or
    those words are the whole credit before it (`_outlet_alone_before`: "By Mississippi Today"),
    or it is an outlet's name of one word in capitals (`_outlet_word_alone`: "Jane Roe, TODAY");
    these two for a news outlet's word only (`_NEWS_LAST_WORDS`)."""
    if not text[start : start + 1].isupper() or _TIME_AFTER().match(text, end) is not None:
        return False
    if _OUTLET_WORDS_BEFORE().search(text, 0, start) is not None:
        return True
    # Only a news outlet's day word ends the name of an outlet standing alone or is one ("Today"):
    # a weekday there starts the date ("Anne-Marie Duval on Wed, 03/06/2024").
    return text[start:end].lower() in _NEWS_LAST_WORDS and (_outlet_alone_before(text, start) or _outlet_word_alone(text, start, end))


def _outlet_alone_before(text: str, start: int) -> bool:
    """Whether `text[:start]` is an outlet's words alone (`_OUTLET_WORDS_ALONE`) whose first word
    is no known given name (`given_names`): "Mississippi Today", not "Jane Roe Today"."""
    match = _OUTLET_WORDS_ALONE().match(text, 0, start)
    # A double given name's first part is asked ("Anne-Marie Duval Today").
    return match is not None and _without_accents(match.group("first").split("-")[0].lower()) not in GIVEN_NAMES


def _outlet_word_alone(text: str, start: int, end: int) -> bool:
    """Whether the news outlet's day word at `text[start:end]` ("Today") is in capitals, in a byline that is not all in capitals, alone between the marks that
    part the byline's credit (`_MARK_BEFORE`, `_MARK_OR_END_AFTER`): NBC's "Jane Roe, TODAY". Title
    case there ("Jane Roe, Today") is the day the story was posted."""
    word = text[start:end]
    return (
        word.isupper()
        and not text[:start].isupper()
        and _MARK_BEFORE().search(text, 0, start) is not None
        and _MARK_OR_END_AFTER().match(text, end) is not None
    )


def _cut_page_data(pattern: re.Pattern[str], group: str, text: str) -> str:
    """`text` cut where `pattern` first finds page data whose word in `group` (if it took part)
    does not end an outlet's name (`_ends_an_outlet`): "Jane Roe, Baltimore Sun, 3 May 2024"
    keeps "Sun", "Jane Roe · Sun, May 3" loses it."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        if match.group(group) is None or not _ends_an_outlet(text, match.start(group), match.end(group)):
            return text[: match.start()]
        position = match.start(group) + 1
    return text


_GLUED_DIGITS = re.compile(r"(?<=[^\W\d_]{2})(?=\d)")
_HANDLE = re.compile(r"\S+@\S+\.[^\W\d_]{2,}|@[\w.]+")
_TRAILING_LOWER = on_first_use(rf"(?:[\s,|•·:{DASH_CLASS}]+[^\W\d_A-ZÀ-Þ][\w.]*)+[\s,|•·:{DASH_CLASS}]*$")
# A slash between words ("Jake Smith / Daily Caller News Foundation", "JANE DOE/Associated Press")
# parts a byline as a comma does; not one in a date (11/30) or a web address (https://).
_SLASH = r"(?<![\d/:])/(?![\d/])"
# A full stop that ends a sentence after a word ("Translated by B. Plains Report") parts a byline
# as a comma does; not one after an initial ("J. Smith") or a title's abbreviation ("Mrs. Doe").
_SENTENCE_END = r"(?<=[^\W\d_][a-z]{2})(?<!\bMrs)(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bGen)(?<!\bCol)(?<!\bSgt)(?<!\bApt)\.\s+(?=[A-Z])"
_SENTENCE_ENDS = on_first_use(_SENTENCE_END)
_SEGMENT_SPLIT = re.compile(rf"\s*(?:[|•·]|\s{DASH}\s|,|;|{_SLASH})\s*")
# "NAME for Outlet", "NAME of the Outlet": a person with an affiliation, the article in lower case
# or not ("of The Texas Tribune", "with the Daily Caller News Foundation"); and "NAME in Place",
# where the reporter filed from ("in Washington"), which the check tells from an outlet as it
# tells any dateline's place.
# "via" too: "Jake Smith via Daily Caller News Foundation", the outlet the story came through.
_FOR_OF = re.compile(r"\s+(?:for|of|at|with|in|via)\s+(?=(?:the\s+)?[A-Z\"'])")
# The same in a byline part written in capitals, whose "for" is in capitals too ("By JAMES GORDON
# FOR DAILYMAIL.COM", "BY ANA RUIZ OF THE TEXAS TRIBUNE"), as tabloids and agencies set them.
_FOR_OF_IN_CAPITALS = on_first_use(r"\s+(?:FOR|OF|AT|WITH|IN|VIA)\s+(?=(?:THE\s+)?[A-Z\"'])")


def _for_of_in(part: str) -> re.Pattern[str]:
    """The "for" that parts a name from its outlet in a byline's `part`, in capitals in a part
    written in capitals (`_FOR_OF_IN_CAPITALS`), else as `_FOR_OF` writes it."""
    return _FOR_OF_IN_CAPITALS() if part.isupper() else _FOR_OF


# "A and B", "A & B", and the other languages' "and" (lower case only: "Y" and "E" are initials).
_AND = re.compile(rf"\s*(?:\b(?:and|AND|And)\b|&|(?<=\s)(?:et|y|und|{_SHORT_AND_WORDS})(?=\s))\s*")
# The same in a byline written in capitals, whose other languages' "and" is in capitals too ("POR
# ANA RUIZ Y LUIS PÉREZ", "PAR A ET B"), where no initial stands without its full stop.
_AND_IN_CAPITALS = on_first_use(rf"\s*(?:\bAND\b|&|(?<=\s)(?:ET|Y|UND|{_SHORT_AND_WORDS.upper()})(?=\s))\s*")
_MAX_LENGTH = 160
# With an opener, the credit after the name may be long ("NAME, Professor & Research Chair, …").
# A longer line is no byline, whatever it opens with: a 200-credit chain or an 18,000-letter name.
LONGEST_BYLINE = 320
_MAX_LENGTH_WITH_OPENER = LONGEST_BYLINE
_ROMAN = re.compile(r"^[IVXLC]+$")

_PARTICLES = frozenset(
    [
        "de",
        "da",
        "das",
        "do",
        "dos",
        "du",
        "del",
        "los",
        "las",
        "della",
        "der",
        "den",
        "van",
        "von",
        "ter",
        "ten",
        "la",
        "le",
        "al",
        "el",
        "bin",
        "ibn",
        "y",
        "e",
        "di",
        "st.",
        "st",
    ]
)
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "md"})
_ROLE_NOUNS = frozenset(
    [
        # Academic titles: The Conversation's bylines are "Name, Associate Professor of X, University".
        "professor",
        "lecturer",
        "researcher",
        "scientist",
        "dean",
        "scholar",
        "student",
        "candidate",
        "economist",
        "historian",
        "instructor",
        "postdoctoral",
        "contributor",
        "contributors",
        "contributing",
        "reporter",
        "reporters",
        "writer",
        "writers",
        "correspondent",
        "correspondents",
        "columnist",
        "columnists",
        "editor",
        "editors",
        "director",
        "producer",
        "fellow",
        "intern",
        "analyst",
        "journalist",
        "journalists",
        "photographer",
        "photographers",
        "staff",
        "author",
        "authors",
        "chief",
        "critic",
        "anchor",
        "host",
        "commentator",
        "manager",
        "officer",
        "coordinator",
        "specialist",
        "strategist",
        "chair",
        "chairman",
        "chairwoman",
        "president",
        "founder",
        "co-founder",
        "ceo",
        "consultant",
        "adviser",
        "advisor",
        "designer",
        "developer",
        "engineer",
        "secretary",
        "attorney",
        "lawyer",
        "physician",
        "teacher",
        "blogger",
        "podcaster",
        "presenter",
        "illustrator",
        "cartoonist",
        "translator",
        "videographer",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "publisher",
        "curator",
        "journaliste",
        "redakteur",
        "redaktor",
        "periodista",
        "giornalista",
        # Chinese, Japanese and Korean academic titles, written after the institution ("北京大学教授",
        # "서울대학교 교수"; `_CJK_TITLE`), and their reporters' and editors' jobs ("记者", "기자").
        *_CJK_TITLES.split("|"),
        *_CJK_JOBS.split("|"),
    ]
)
# The beats and desks a reporter covers and a section is named after ("Health Reporter", "Business
# Review", "Special Report").
_BEAT_WORDS = frozenset(
    """investigative political politics energy health education environment environmental climate business economics
    economy science technology tech sports culture opinion legal courts justice data features special""".split()
)
# Words that may precede a role noun ("Senior White House Correspondent"); unlike role nouns they
# can also be surnames, so they only count after a name, never inside one.
_ROLE_WORDS = (
    _ROLE_NOUNS
    | _BEAT_WORDS
    | frozenset(
        [
            "senior",
            "junior",
            "managing",
            "executive",
            "associate",
            "assistant",
            "deputy",
            "editorial",
            "national",
            "international",
            "foreign",
            "audience",
            "digital",
            "news",
            "general",
            "white",
            "house",
            "capitol",
            "congressional",
            "statehouse",
            "state",
            "local",
            "metro",
            "guest",
            "freelance",
            "freelancer",
            "visiting",
            "emeritus",
            "former",
        ]
    )
)
# The degrees and stages of study that a student's or researcher's title names before its noun
# ("PhD Candidate", "Doctoral Researcher", "MSc Student", "Postgraduate Researcher"): a title's
# words, never an institution's ("PhD" is written as a brand is, but names no outlet).
_DEGREE_WORDS = frozenset(
    """phd ph.d ph.d. dphil doctoral doctorate postgraduate graduate undergraduate masters master's msc mphil mres
    mba ma ms llm""".split()
)
_ORG_WORDS = _unaccented_too(
    [
        "news",
        "newswire",
        "foundation",
        "staff",
        "press",
        "times",
        "daily",
        "tribune",
        "media",
        "associated",
        "reports",
        "report",
        "editorial",
        "board",
        "wire",
        "desk",
        "team",
        "magazine",
        "journal",
        "post",
        "herald",
        "gazette",
        "newsroom",
        "network",
        "service",
        "services",
        "agency",
        "radio",
        "inc",
        "inc.",
        "llc",
        # Company suffixes: "Lead Generation Ltd", "Acme Holdings GmbH" are companies, not people.
        "ltd",
        "ltd.",
        "limited",
        "plc",
        "gmbh",
        "corp",
        "corp.",
        "holdings",
        "foods",
        "center",
        "centre",
        "institute",
        "university",
        "college",
        "courier",
        "observer",
        "chronicle",
        "digest",
        "weekly",
        "bureau",
        "reuters",
        "ap",
        "afp",
        "getty",
        "images",
        "writers",
        "editors",
        "reporters",
        "contributors",
        "admin",
        "administrator",
        "webmaster",
        "guest",
        "online",
        "digital",
        "tv",
        "public",
        "mirror",
        "record",
        "review",
        "independent",
        "examiner",
        "dispatch",
        "sentinel",
        "bulletin",
        "ledger",
        "telegraph",
        "inquirer",
        "standard",
        "monitor",
        "register",
        "enterprise",
        "nonprofit",
        "council",
        "committee",
        "department",
        "office",
        "organization",
        "association",
        "society",
        "project",
        "collective",
        "alliance",
        "coalition",
        # A civic body's or a club's ("Sierra Club", "Amnesty International", "Farmers Union",
        # "League of Women Voters", "Environmental Defense Fund"): no given name or surname.
        "club",
        "clubs",
        "international",
        "federation",
        "union",
        "league",
        "fund",
        "trust",
        "trusts",
        "consortium",
        "cooperative",
        "caucus",
        "commission",
        "ministry",
        "authority",
        "initiative",
        "campaign",
        "partners",
        "partnership",
        "group",
        "company",
        "corporation",
        "corp",
        "publishing",
        "publications",
        "publication",
        "broadcasting",
        "television",
        "channel",
        "insider",
        "wires",
        "syndicate",
        # "Press" and "agency" in the other languages whose openers the reader knows: an agency's
        # name ("Agence France-Presse", "Deutsche Presse-Agentur", "Agencia EFE") is no person's.
        "presse",
        "prensa",
        "imprensa",
        "agence",
        "agentur",
        "agencia",
        "agência",
        "agenzia",
    ]
)
# The newsroom as a whole in the languages whose openers the reader knows ("Por Redacción",
# "Par la rédaction", "Von der Redaktion", "Di Redazione", "Door de redactie", "Av redaksjonen"):
# a staff credit, as "By Newsroom Staff" is in English. Also organisation words, so that none is
# read as a given name or a surname ("Redacción Central" is no person).
_NEWSROOM_WORDS = _unaccented_too("""redacción redação rédaction redaktion redaktionen redazione redactie redaksjon redaksjonen""".split())
_ORG_WORDS |= _NEWSROOM_WORDS
# The words of a university's, an institute's, a school's or a hospital's name, in English and in
# the languages of the institutions bylines credit ("Karolinska Institutet", "Sciences Po",
# "Universität Wien", "Politecnico di Milano"): no given name or surname, so a part holding one
# after a name is that person's affiliation, never a second person ("By A, Karolinska Institutet").
_INSTITUTION_NAME_WORDS = _unaccented_too(
    """universitet universiteit universität universitat université universidad universidade università
    uniwersytet institutet instituut institut instituto istituto hochschule politecnico politécnico
    polytechnique école escuela escola scuola akademie academia académie academy sciences school hospital
    klinikum museum laboratory laboratories clinic clinics institution institutions infirmary observatory polytechnic poly
    seminary conservatory oceanographic medical medicine memorial""".split()
)
# Research bodies The Conversation's authors work at whose names hold none of those words: a word
# of theirs that is no given name or surname ("Kaiser Permanente"). Kept short: a name with an
# institution's word, a "State" or "Tech" at its end, or a "Mount" at its start needs no entry.
_KNOWN_INSTITUTION_WORDS = frozenset({"permanente"})
_ORG_WORDS |= _INSTITUTION_NAME_WORDS | _KNOWN_INSTITUTION_WORDS
# The words that end a university's short name ("Penn State", "Ohio State", "Georgia Tech",
# "Texas Tech") or open a hospital's or college's ("Mount Sinai", "Mount Holyoke"): no person's
# name ends or opens so, though each word alone is a job title's or a beat's ("State reporter").
_INSTITUTION_LAST_WORDS = frozenset({"state", "tech"})
_INSTITUTION_FIRST_WORDS = frozenset({"mount", "mt"})
# Words that end newspaper names after a place name. Kept apart from _ORG_WORDS: only as the last
# word of a would-be name do they mark an outlet ("Maine Morning Star"); "Sun" is left out because
# it is also a surname.
_OUTLET_ENDINGS = frozenset(
    """report star times news post tribune herald journal gazette press observer chronicle sentinel statesman
    examiner monitor record review dispatch bulletin ledger telegraph inquirer standard register
    courier mirror digest weekly daily magazine advance beacon banner citizen leader eagle globe
    independent messenger reporter voice watch today tonight now""".split()
)
# Words of the labels a CMS puts in a byline's name slot when a story has no author of its own:
# a kind of content ("Sponsored Content", "Press Release"), a section or feed ("Top Stories",
# "Featured Stories", "RSS Feed"), a sponsor. None is a given name or a surname, so they rule a
# would-be name out wherever they stand ("Partner Content", "Content Partner"); words that are
# also names ("Top", "Partner", "Story", "Post") are left out, and reach a byline only with one
# of these.
_PLACEHOLDER_WORDS = frozenset(
    """content contents stories featured sponsored sponsor sponsors syndicated syndication advertorial
    advertisement promoted headlines updates release releases feed feeds newsletter announcements""".split()
)
_STAFF_WORDS = _NEWSROOM_WORDS | {"staff", "team", "desk", "editors", "reporters", "writers", "contributors", "wire", "wires", "board", "newsroom", "admin"}
_FILLER = frozenset({"on", "at", "in", "the", "a", "an", "and", "&", "for", "of", "with", "from"})
# Prepositions and articles: words a person's name never holds in lower case, where a Title-Case
# headline or deck has them ("Regulators Push for Faster Review", "Senators Spar with Treasury").
# Name particles ("de", "van", "al") are `_PARTICLES`, and the conjunctions between names are
# `_AND`'s: neither is here.
_FUNCTION_WORDS = frozenset(
    """for of with to on in at from after over into about against amid among as before behind between by during via
    near than through toward towards under until upon without within the a an""".split()
)


# Words that start section labels and page furniture, not names: "Part I", "Category Archives".
_SECTION_WORDS = frozenset(
    """part chapter section category categories archive archives volume vol episode issue tag tags topic topics
    series season appendix introduction contents table index home menu search page posts filed""".split()
)


# Post-nominal credentials, titles and name suffixes (see `name_vocabulary`).
NameVocabulary = tuple[frozenset[str], frozenset[str], frozenset[str]]
_NAME_VOCABULARY: list[NameVocabulary] = []


def name_vocabulary() -> NameVocabulary:
    """Post-nominal credentials ("MPH", "RN", "PhD"), titles ("Rabbi", "Chancellor") and name
    suffixes ("Jr", "III", "Esq") from `nameparser`, a maintained vocabulary, in lower case;
    imported only when a byline needs it (the import costs ~0.1–0.2 s), unless the pack cache
    gave them already (`adopt_name_vocabulary`)."""
    if not _NAME_VOCABULARY:
        from nameparser.config import CONSTANTS

        _NAME_VOCABULARY.append((frozenset(CONSTANTS.suffix_acronyms), frozenset(CONSTANTS.titles), frozenset(CONSTANTS.suffix_not_acronyms)))
    return _NAME_VOCABULARY[0]


def adopt_name_vocabulary(vocabulary: object) -> bool:
    """Use a `name_vocabulary` read earlier from the same nameparser installation (the pack
    cache's); False when it is not one."""
    if not (isinstance(vocabulary, tuple) and len(vocabulary) == 3 and all(isinstance(words, frozenset) for words in vocabulary)):
        return False
    if not _NAME_VOCABULARY:
        _NAME_VOCABULARY.append((vocabulary[0], vocabulary[1], vocabulary[2]))
    return True


@dataclass(frozen=True, slots=True)
class BylineReading:
    """What a byline says: the people it names, the rest of the credit, and what is wrong with it."""

    names: tuple[str, ...]
    credit: str
    # None when it names someone; else "empty", "outlet", "staff", "role", "placeholder",
    # "unread" or "unnamed" (words that are none of a name's or an outlet's: markup, escape
    # sequences, a mangled encoding; see `_read_without_names`).
    problem: str | None
    # The credit as the byline's evidence quotes it (`quote_byline`): without the job titles that
    # stand as parts of their own after the names. What a rule quotes as `{credit}`.
    quoted_credit: str = field(default="", compare=False)
    # Each name's institutions (`institutions_of`), in order: ("Karolinska Institutet",) in
    # "Anika Foss, Karolinska Institutet"; () for a name without one (a job title alone, a date,
    # an outlet of the loaded packs).
    affiliations: tuple[tuple[str, ...], ...] = field(default=(), compare=False)

    @property
    def institutions(self) -> tuple[str, ...]:
        """Each name's first institution, in the order of `names`; "" for a name without one."""
        return tuple(parts[0] if parts else "" for parts in self.affiliations)

    @property
    def names_person(self) -> bool:
        """True when at least one person is credited by name."""
        return bool(self.names)


def person_key(name: str) -> tuple[str, ...]:
    """A person's name as a comparison key, as the reporter rules compare names: its words,
    case-folded, without diacritics, look-alike letters of other scripts read as the Latin
    letters they imitate, and sorted, so "José Díaz", "JOSE DIAZ" and "Díaz, José" are one key."""
    folded = _without_accents(name.casefold())
    if not folded.isascii():
        from compliance.lookalike import plain_letters

        folded = plain_letters(name)
    return tuple(sorted("".join(c if c.isalnum() else " " for c in folded).split()))


def _tokens(text: str) -> list[str]:
    return text.split()


# Name prefixes that carry an inner capital ("McDonald", "MacArthur", "DiCaprio", "LeBron",
# "ElBaradei", "AbuBakr").
_INNER_CAPITAL_PREFIXES = (
    "Mc",
    "Mac",
    "Fitz",
    "De",
    "Di",
    "Da",
    "Du",
    "Le",
    "La",
    "Van",
    "Von",
    "O'",
    "O’",
    "D'",
    "D’",
    "St",
    "El",
    "Al",
    "Abu",
    "Abd",
    "Ibn",
    "Bin",
)
# The Arabic article and the words of descent as a transliteration writes them, in lower case and
# hyphened to the capitalised part of a name ("al-Rashid", "el-Sayed", "ash-Shami", "bin-Talal",
# "abu-Bakr"): the name's word is that part.
_LOWER_NAME_PREFIX = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|bin|bint|ibn|abu|abd)[-‐‑](?=[A-ZÀ-Þ])")
_BRAND = re.compile(r"^[^\W\d_][^\W\d_A-ZÀ-Þ]+[A-ZÀ-Þ]")


def _is_uncased_word(core: str) -> bool:
    """A word of a script without capitals (Chinese, Japanese, Korean, Arabic, Hebrew, Thai,
    Devanagari …), where a name cannot be told by its capital letter: letters only, none of them
    upper or lower case (the middle dots of transliterated names allowed)."""
    return bool(core) and all((ch.isalpha() and not ch.isupper() and not ch.islower()) or ch in "·・" for ch in core)


def _is_name_token(token: str) -> bool:
    core = token.strip(".,'’\"")
    if not core or len(core) > 24:
        return False
    lowered = core.lower()
    if lowered in _ORG_WORDS or lowered in _ROLE_NOUNS or lowered in _PLACEHOLDER_WORDS:
        return False
    if "-" in lowered and any(piece in _ORG_WORDS for piece in lowered.split("-")):
        return False  # "France-Presse", "Presse-Agentur": an organisation's word in a compound
    if _is_uncased_word(core):
        # "北京大学", "서울대학교": an institution's name; "연합뉴스", "新华社": an outlet's.
        return _CJK_INSTITUTION().search(core) is None and _CJK_OUTLET_WORD().search(core) is None
    core = _LOWER_NAME_PREFIX.sub("", core, count=1)
    if not core[0].isupper():
        return False
    if _is_brand(core):
        return False  # "ProPublica", "CalMatters": a brand's inner capital, not a name's
    # U+FFFD stands for a letter a wrong decoding lost ("Jos\ufffd Garc\ufffda"): still a name's.
    return all(ch.isalpha() or ch in "'’-.\ufffd" for ch in core)


def _is_credential(token: str, others: list[str]) -> bool:
    """ "MPH" after "Jane Doe": an all-capitals post-nominal credential of a mixed-case name."""
    core = token.strip(".,")
    if not (2 <= len(core) <= 6 and core.isupper()) or all(t.isupper() for t in others):
        return False
    return core.lower() in name_vocabulary()[0]


def _is_acronym(token: str) -> bool:
    core = token.strip(".,'’\"")
    return len(core) >= 3 and core.isalpha() and core.isupper() and not _ROMAN.match(core)


_VOWELS = frozenset("aeiouy")


def _has_surname_in_capitals(tokens: list[str]) -> bool:
    """Whether a mixed-case name writes its surname in capitals, as French, German, Korean and
    Japanese styles do ("Jean DUPONT", "Hans MÜLLER", "KIM Min-ji", "Carlos RUIZ GARCÍA"): each
    word in capitals has a vowel, as a surname has and an outlet's initials ("KFF", "NPR",
    "CNN") have not, no word in ordinary case is a topic's ("KFF Health", `_TOPIC_WORDS`), and
    a place after initials that open the name is their seat or branch, not a given name ("ETH
    Zürich", "UNICEF Ireland": `places.place_positions`, which reads the gazetteer, asked only here)."""
    capitals = [token for token in tokens if _is_acronym(token)]
    ordinary = [token for token in tokens if not token.isupper()]
    if not all(_VOWELS & set(_without_accents(token.lower())) for token in capitals) or any(token.lower().strip(".,") in _TOPIC_WORDS for token in ordinary):
        return False
    if not tokens[0].isupper():
        return True
    from compliance.document.places import place_positions

    return not place_positions(ordinary)


def _is_outlet(text: str, outlets: Set[str]) -> bool:
    lowered = text.lower().removeprefix("the ").strip()
    return lowered in outlets or ("the " + lowered) in outlets


# The first words of a national or international body's name, no given name: a nation's or a
# continent's adjective, or the words of a body's reach ("American Red Cross", "British Heart
# Foundation", "National Weather Service", "United Way", "Federal Reserve Board"). Adjectives
# that are also names ("Norman", "Roman", "German", "French", "English", "Irish") are left out.
_BODY_OPENING_WORDS = frozenset("american british canadian australian european african asian national international federal united global".split())
# Words of kinship used as a title ("Mother Jones", "Father Ted", "Uncle Sam", "Sister Act"): no
# given name, so with one word after them they name an outlet, a character or a work, never a
# reporter, whom a byline credits by given name and surname. (With a full name after them a
# religious title is a person's: "Sister Helen Prejean".) Titles that are given names too
# ("Dean", "Major", "Earl", "King", "Prince"), and the familiar words that are given names or pen
# names ("Mama", "Papa": "Mama Robotnik" writes for Ars Technica), are left out.
_KINSHIP_WORDS = frozenset({"mother", "father", "sister", "brother", "aunt", "uncle", "grandma", "grandpa"})
# Name suffixes written with a full stop ("Jr.", "Sr."): the stop is the name's, as written.
_ABBREVIATED_SUFFIXES = frozenset({"jr", "sr"})


def _trimmed(text: str, edges: str) -> str:
    """`text` without the `edges` characters at either end, but for the full stop of a name's
    abbreviated suffix that ends it ("Mary O'Neil-Smith Jr." keeps its "Jr."): a message quotes
    the name as the byline writes it."""
    trimmed = text.strip(edges)
    words = trimmed.split()
    if not words or words[-1].lower() not in _ABBREVIATED_SUFFIXES:
        return trimmed
    end = len(text) - len(text.lstrip(edges)) + len(trimmed)
    return trimmed + "." if text[end : end + 1] == "." else trimmed


def person_name(text: str, outlets: Set[str] = frozenset()) -> str | None:
    """The text as a person's name ("Jake Smith", "María de la Cruz", "J. R. Smith Jr."), or None.

    A name has two to five tokens, starts and ends with a capitalised word, may contain particles
    (de, van, al) and ends with an optional suffix; a title may open it, with the article English
    writes before some ("the Rev. Ana Ruiz" gives "Rev. Ana Ruiz"); outlet and role words ("News",
    "Staff", "Reporter"), a leading "The" before anything else, a section label ("Part I", "Category Archives") and the outlets
    the loaded packs name (`outlets`, lower case) rule it out.
    """
    shown = _tokens(_trimmed(text, " .,;:|"))
    shown = _without_article_before_title(shown)
    if len(shown) > 2 and _is_credential(shown[-1], shown[:-1]):
        shown = shown[:-1]
    tokens = shown
    while tokens and tokens[-1].lower().strip(",") in _SUFFIXES and len(tokens) > 2:
        tokens = tokens[:-1]
    tokens = _after_title(tokens)
    if not _has_name_shape(tokens) or _names_no_person(tokens, outlets):
        return None
    return " ".join(t.strip(",;:") for t in shown)


def _names_no_person(tokens: list[str], outlets: Set[str]) -> bool:
    """Whether words shaped as a name (`_has_name_shape`) are an organisation's, an outlet's or
    initials alone rather than a person's."""
    if all(len(t.strip(".")) == 1 for t in tokens) or (outlets and _is_outlet(" ".join(tokens), outlets)):
        return True
    if any(_is_acronym(t) for t in tokens) and not all(t.isupper() for t in tokens) and not _has_surname_in_capitals(tokens):
        return True  # "KFF Health", "NPR Staff": an organisation's initials in a mixed-case name
    if _opens_with_university_initials(tokens):
        return True  # "UC Davis", "UMass Amherst", "KU Leuven", "UNC-Chapel Hill": a campus, no person
    if any(token.endswith(("'s", "’s")) for token in tokens):
        # "NASA's Goddard", "Google's DeepMind": an owner's possessive opens a thing's name; "Boston
        # Children's", "St. Mary's": a hospital's or college's short name ends with it.
        return True
    first, last = tokens[0].lower(), tokens[-1].lower()
    if len(tokens) == 2 and (first in _KINSHIP_WORDS or first in _OUTLET_ARTICLES):
        # "Mother Jones", "Uncle Sam": a word of address and one name; "Le Monde", "El País",
        # "Die Zeit": an article and one word. Neither has a given name.
        return True
    # "American Red Cross", "National Weather Service": a body's name; "Friends Of" (The Earth):
    # one cut before its rest.
    return first in _BODY_OPENING_WORDS or last in _NEVER_LAST_IN_A_NAME


# A university's initials glued to its short name, as "UMass", "UConn" and "UCLouvain" write it:
# two capitals or more, then lower case. No name opens so: "OBrien" or "DArcy" (an apostrophe
# lost) has one capital before the name's own.
# A country's or the United Nations' initials, before an office's title ("US Rep. Jane Doe", "UN
# Special Envoy Jane Doe"), no university's.
_NATIONS_INITIALS = frozenset({"US", "USA", "UK", "UN", "UAE", "USSR"})
_GLUED_INITIALS = re.compile(r"^(?:U[A-ZÀ-Þ]+|[A-ZÀ-Þ]{2,}U)[a-zß-ÿ]")


def _opens_with_university_initials(tokens: list[str]) -> bool:
    """Whether a would-be name opens with a university's initials, as a campus's short name does
    ("UC Davis", "UT Austin", "UNC-Chapel Hill", "UMass Amherst", "KU Leuven", "CU Boulder"): a
    "U" then consonants ("UC", "UW", "UNC"), which opens no surname written in capitals (the
    Chinese and Korean ones, "WU", "YU", "KU", end with it), glued to a word ("UMass", "UConn"),
    or initials ending with "U" before a place of the gazetteer, the campus's seat ("KU Leuven";
    "KU Min-ji" stays a name). Given names written as initials ("TJ", "AJ") have no "U"; in a
    byline all in capitals ("VU HAN") initials are not told from a name."""
    first = tokens[0].strip(".,")
    if _GLUED_INITIALS.match(first):
        return True
    if all(token.isupper() for token in tokens):
        return False  # "VU HAN": in a byline all in capitals, initials are not told from a name
    initials, _, glued = first.partition("-")
    if not (2 <= len(initials) <= 5 and initials.isalpha() and initials.isupper()) or "U" not in initials:
        return False
    if initials[0] == "U" and initials[1].lower() not in _VOWELS and initials not in _NATIONS_INITIALS:
        return True
    if not initials.endswith("U") or len(initials) > 3:
        return False
    from compliance.document.places import place_positions

    after = [glued] if glued else []
    seat = [*after, *tokens[1:]]
    return bool(seat) and len(place_positions(seat)) == len(seat)


# The definite articles that open many European newspapers' names ("Le Monde", "La Stampa", "El
# País", "Il Post", "Der Spiegel", "Het Parool"): a name of two words opening with one has no
# given name. Not the articles that are also surnames or open them ("Lo", "Das", "De", "Di").
_OUTLET_ARTICLES = frozenset({"le", "la", "les", "el", "los", "las", "il", "der", "die", "het"})
# English words that end no person's name, where an organisation's name goes on after them.
_NEVER_LAST_IN_A_NAME = frozenset({"of", "for", "the", "and", "with", "from"})


# The titles English writes after "the" before a person's name: a cleric's and an office
# holder's courtesy ("the Rev. Ana Ruiz", "the Very Rev. …", "the Hon. Ana Ruiz").
_TITLES_AFTER_THE = frozenset({"rev", "reverend", "very", "most", "right", "rt", "hon", "honorable", "honourable", "venerable"})


def _without_article_before_title(tokens: list[str]) -> list[str]:
    """The words of a name without the "the" that English writes before a cleric's or an office
    holder's title ("the Rev. Ana Ruiz" gives "Rev. Ana Ruiz", `_TITLES_AFTER_THE`); `tokens`
    themselves otherwise ("The Associated Press", "The Editorial Board")."""
    if len(tokens) > 3 and tokens[0].lower() == "the" and tokens[1].lower().rstrip(".") in _TITLES_AFTER_THE:
        return tokens[1:]
    return tokens


def _after_title(tokens: list[str]) -> list[str]:
    """The words of a name after a title that is no name's word ("Professor Ana Ruiz" gives "Ana
    Ruiz"): a courtesy the name keeps as written (`story.same_person` compares names without it);
    the role word alone is no given name. Other tokens are returned as they are."""
    if len(tokens) > 2 and not _is_name_token(tokens[0]) and tokens[0].lower().rstrip(".") in name_vocabulary()[1]:
        return tokens[1:]
    return tokens


def _is_outlet_initials(token: str) -> bool:
    """An outlet's initials ("KFF", "NPR", "BBC"): two or more capitals that are no job title's
    ("CEO", "VP"). In "KFF Health News senior correspondent" they make the part an affiliation."""
    core = token.strip(".,'’\"()[]")
    return len(core) >= 2 and core.isupper() and core.isalpha() and core.lower() not in _ROLE_WORDS | _TITLE_INITIALS


# Job titles written as initials, which an outlet's initials must not be taken for.
_TITLE_INITIALS = frozenset({"ceo", "cfo", "cto", "coo", "cmo", "vp", "svp", "evp", "avp", "md", "phd", "rn", "np"})


def _is_brand(token: str) -> bool:
    core = token.strip(".,'’\"")
    # A degree is written as a brand is ("PhD", "DPhil", "MSc") and names no outlet.
    return bool(_BRAND.match(core)) and not core.startswith(_INNER_CAPITAL_PREFIXES) and core.lower() not in _DEGREE_WORDS


# Words of a topic's label as a site's section or tag link writes it ("Tech Industry", "Health
# Care", "Climate Policy"): a would-be name made only of these, and of beats, is a topic.
_TOPIC_WORDS = _BEAT_WORDS | frozenset(
    """industry industries care policy world nation local money finance markets media internet security innovation
    gadgets mobile software apps ai startups crime weather travel food arts entertainment lifestyle wellness""".split()
)


# The last word of a desk's name ("Business Desk", "Metro Desk", "Climate Desk").
_DESK_WORDS = frozenset({"desk"})


def _is_section_word(word: str) -> bool:
    """Whether a lower-case word, or the singular of a plural ("reviews", "obituaries"), is one of
    `_SECTION_NAME_WORDS`."""
    if word in _SECTION_NAME_WORDS:
        return True
    if word.endswith("ies"):
        return word[:-3] + "y" in _SECTION_NAME_WORDS
    return word.endswith("s") and word[:-1] in _SECTION_NAME_WORDS


# A line of the story's categories or tags, as a theme or a Markdown export prints it after the
# story ("Posted in Politics, Health", "Tags: jails, Kentucky", "Filed under: Health", a theme's
# "In: Politics" under the byline): a label and its colon, or "posted in", "filed under", "tagged
# with"; "Topics discussed included …" is prose, and "In" without a colon opens a sentence ("In
# partnership with ProPublica") or an affiliation, never a section's label. "In:" (group `in`), a
# common word's, labels only what reads as categories (`_reads_as_categories`).
_TOPICS_LABELS = r"posted\s+(?:in|under)|filed\s+(?:in|under)|tagged\s+(?:with|as)|(?:tags?|tagged|filed|categor(?:y|ies)|topics?|keywords?)\s*:|(?P<in>in)\s*:"
_TOPICS_LINE = on_first_use(rf"^\W*(?:{_TOPICS_LABELS})", re.IGNORECASE)
# The most words a line of categories or tags holds.
_TOPICS_WORDS = 30
# What parts a list of categories ("Health, Justice", "Politics | Energy"), and the most of them,
# and the most words of one, read after "In:" ("Daily Caller News Foundation", "Politics & Policy").
_CATEGORY_SPLIT = re.compile(r"\s*[,|•·/;]\s*")
_MOST_CATEGORIES = 8
_CATEGORY_WORDS = 5
# The small words between a category's capitalised words ("Arts & Culture", "Health and Science",
# "State of the Union"); "for", "with", "at" join a name to an outlet instead ("Sacramento for
# CalMatters").
_CATEGORY_SMALL_WORDS = frozenset({"and", "&", "of", "the", "on", "in", "a", "an"})


def is_topics_line(text: str) -> bool:
    """Whether a line is the story's categories or tags (`_TOPICS_LINE`), in at most
    `_TOPICS_WORDS` words: a label of the page's, not a note that ends the story, nor a byline's
    affiliation ("Filip Noubel" over "Posted in News" credits no outlet "News"). After "In:", only
    a list of categories (`_reads_as_categories`): "In: Sacramento, Jane Roe reports for
    CalMatters" and a dateline's "IN: INDIANAPOLIS —" are no label."""
    if len(text.split()) > _TOPICS_WORDS:
        return False
    match = _TOPICS_LINE().match(text)
    return match is not None and (match.group("in") is None or _reads_as_categories(text[match.end() :]))


def _reads_as_categories(text: str) -> bool:
    """Whether what follows an "In:" label reads as the story's categories: a short list
    (`_MOST_CATEGORIES`) of short names (`_CATEGORY_WORDS`), each capitalised words and the small
    words between them, or all in lower case ("Energy", "Politics & Policy", "Daily Caller News
    Foundation", "health, justice"), none a person's name (`_names_a_person`), and the whole no
    dateline ("WASHINGTON —", "Washington, D.C.": `is_dateline_line`)."""
    text = text.strip().removesuffix(".")
    parts = [part for part in _CATEGORY_SPLIT.split(text) if part]
    if not parts or len(parts) > _MOST_CATEGORIES or not all(_reads_as_category(part) for part in parts):
        return False
    # A section's name in capitals ("IN: POLITICS") is no town's, as a dateline's capitals are.
    return all(_has_section_word(part.split()) for part in parts) or not is_dateline_line(text)


def _reads_as_category(part: str) -> bool:
    """Whether one part of an "In:" label's list reads as a category's name (`_reads_as_categories`)."""
    words = part.split()
    if len(words) > _CATEGORY_WORDS:
        return False
    if part.islower():
        return True
    if not all(word[:1].isupper() or word[:1].isdigit() or word.lower() in _CATEGORY_SMALL_WORDS for word in words):
        return False
    return not _names_a_person(words)


def _has_section_word(words: list[str]) -> bool:
    """Whether one of `words` is a section's or a beat's (`_is_section_word`, `_TOPIC_WORDS`)."""
    return any(_is_section_word(word.lower()) or word.lower() in _TOPIC_WORDS for word in words)


def _names_a_person(words: list[str]) -> bool:
    """Whether capitalised words are a person's name rather than a section's: two or three, the
    first a known given name (`given_names`), none a section's word ("Jane Roe", not "Virginia
    Politics")."""
    return 2 <= len(words) <= 3 and _without_accents(words[0].lower()) in GIVEN_NAMES and not _has_section_word(words)


def is_section_label(line: str) -> bool:
    """Whether a byline's line or part is a newsroom section's or desk's name, not a person or an
    institution: it ends with "Desk" ("Business Desk"), is made only of section words
    (`_SECTION_NAME_WORDS`, a plural's singular too: "Real Estate", "Book Reviews"), or joins
    single words with "&", one a section word ("Health & Science", "Home & Garden"; people are
    joined so with full names, "Ana Ruiz & Ben Cole", and "Procter & Gamble" holds no section
    word). Only letters and "&" count: "Real Estate, University of X" is none."""
    words = line.split()
    if not 1 <= len(words) <= _MOST_SECTION_WORDS or not all(w == "&" or w.replace("-", "").isalpha() for w in words):
        return False
    lower = [w.lower() for w in words if w != "&"]
    if len(lower) >= 2 and lower[-1] in _DESK_WORDS:
        return True
    content = [w for w in lower if w not in _FILLER]
    if content and all(_is_section_word(w) for w in content):
        return True
    sides = line.split(" & ")
    return len(sides) >= 2 and all(len(side.split()) == 1 for side in sides) and any(_is_section_word(w) for w in lower)


# A section's or desk's name is short: "Health & Science", "Local Government Desk".
_MOST_SECTION_WORDS = 5


# Words of page furniture that are surnames too ("Pere Font", "Will Share"): a label's first
# word only, and page furniture in a byline that names no one.
_FURNITURE_SURNAMES = frozenset({"font", "share"})
# A label's first word, which no byline's name opens with: a topic or desk ("National Security",
# "Foreign Affairs", "Water Quality", see `_TOPIC_WORDS`) or a widget's verb or noun ("Read
# More", "Print Story", "Font Size", "Share This Story"). Some are surnames ("Grant Read", "Terry
# Nation", "Will Share"), so they rule a would-be name out only as its first word, where a given
# name stands.
_LABEL_OPENING_WORDS = (
    _TOPIC_WORDS
    | _FURNITURE_SURNAMES
    | frozenset(
        """national foreign international domestic regional metro water read print save follow listen watch
        latest breaking trending popular""".split()
    )
)
# Given names that are also label words ("Justice Smith", "Ai Nakamura"): a name may open with them.
_GIVEN_NAMES_AMONG_LABEL_WORDS = frozenset({"justice", "ai"})
# Words of page furniture that are no given name or surname anywhere: a share or comments widget,
# a font or read-time control, an explainer's tag ("Share This Story", "Font Size", "Five Minute
# Read", "Spring Runoff Explained"). "Font" and "Share" are surnames too: see `_FURNITURE_SURNAMES`.
_FURNITURE_WORDS = frozenset(
    """shares sharing size email e-mail subscribe subscribers unsubscribe comments comment minute minutes
    bookmark bookmarks explained explainer transcript podcast""".split()
)


def _is_label(words: list[str]) -> bool:
    """Lower-case words that are a label, not a name: all a topic's or a newsroom section's ("Tech
    Industry", "Real Estate", see `_is_section_word`), a word of page furniture anywhere ("Share
    This Story"), or a label's first word where a given name would stand ("National Security",
    "Read More")."""
    if all(_is_section_word(word) for word in words) or any(word in _FURNITURE_WORDS for word in words):
        return True
    return words[0] in _LABEL_OPENING_WORDS and words[0] not in _GIVEN_NAMES_AMONG_LABEL_WORDS


def _has_name_shape(tokens: list[str]) -> bool:
    """Two to five tokens, a run of particles in lower case counting as one ("María José
    García-Márquez de la Vega": "de la" is one), not a section label ("Part II"), not a
    topic's label ("Tech Industry", see `_TOPIC_WORDS`) and not a place with a newspaper word
    ("Fort Worth Report", "Maine Morning Star"); or a name written without spaces in a script
    without capitals ("山田太郎", "阿尔伯特·爱因斯坦")."""
    if len(tokens) == 1 and _is_uncased_word(core := tokens[0].strip(".,")):
        # Up to eight letters, or parts of up to eight between the dots of a transliterated name.
        parts = re.split("[·・]", core)
        return (
            len(core) >= 2
            and all(1 <= len(part) <= 8 for part in parts)
            and _CJK_INSTITUTION().search(core) is None
            and _CJK_OUTLET_WORD().search(core) is None
        )
    runs_on = sum(1 for before, token in itertools.pairwise(tokens[1:-1]) if before in _PARTICLES and token in _PARTICLES)
    if not 2 <= len(tokens) - runs_on <= 5 or tokens[0].lower() in ("the", *_SECTION_WORDS):
        return False
    if _reads_as_no_name(tokens) or not _has_name_ends(tokens):
        return False
    return all(_is_inner_name_word(token) for token in tokens[1:-1])


def _reads_as_no_name(tokens: list[str]) -> bool:
    """Whether a would-be name's words read as something else: an outlet ("Washington Post",
    "Baltimore Sun", "Post-Gazette"; not "Emily Post"), a numbered label ("Chapter 3"), an
    institution's short name, or a label ("Read More")."""
    if tokens[-1].lower().strip(".,") in _OUTLET_ENDINGS and not _is_given_name_and_outlet_word(tokens):
        return True
    if len(tokens) == 2 and _ends_with_a_numeral(tokens):
        return True
    if _is_place_and_sun(tokens) or _is_compound_outlet_word(tokens[-1]) or _is_institution_short_name(tokens):
        return True
    return _is_label([token.lower().strip(".,:;") for token in tokens])


def _is_inner_name_word(token: str) -> bool:
    """Whether a word between a would-be name's first and last can be a name's: a name's word or
    a particle, never a preposition or "the" (`_NO_NAME_INNER_WORDS`: "Teach For America",
    "Doctors Without Borders" are organisations)."""
    return token.lower().strip(".,") not in _NO_NAME_INNER_WORDS and (_is_name_token(token) or token.lower() in _PARTICLES)


def _has_name_ends(tokens: list[str]) -> bool:
    """Whether a would-be name's first and last words can open and close a person's name: not a
    title's head word that opens no name ("Head Start", "Lead Generation": an institution that
    starts like a title), not a title's head after its field or modifier ("Research Lead",
    "Deputy Head", "Medical Dean": `is_headed_title`), and each a name's word or a title that is
    also a name ("Dean Martin", "Martin Dean"; "Jonathan Head", "Sarah Reader")."""
    if tokens[0].strip(".,").lower() in _TITLE_HEADS_NO_NAME_OPENS or is_headed_title(" ".join(tokens)):
        return False
    opens = _is_name_token(tokens[0]) or _is_given_name_among_titles(tokens)
    return opens and (_is_name_token(tokens[-1]) or _is_surname_among_titles(tokens) or _is_given_name_and_outlet_word(tokens))


# The newspaper words that are surnames too ("Emily Post", "Tom Daily", "Jane Press", "Alex
# Times", "Ann Herald"): after a known given name they end a person's name (see
# `_is_given_name_and_outlet_word`). Not the job titles ("Reporter") nor "Report".
_SURNAME_OUTLET_WORDS = (_OUTLET_ENDINGS | {"media", "sun"}) - _ROLE_NOUNS - {"report", "reports"}
# "Sun" ends many a newspaper's name after its town ("Baltimore Sun", "Jackson Sun") but is a
# common surname too ("Lena Sun", "Wei Sun"): only after a place does it name an outlet.
_PLACE_OUTLET_ENDINGS = frozenset({"sun"})


def _is_given_name_and_outlet_word(tokens: list[str]) -> bool:
    """Whether a would-be name ending with a newspaper's word is a person's whose surname that
    word is ("Emily Post", "EMILY POST", "Emily J. Post", "Tom Daily", "Alex Times"): its first word
    is a known given name (`given_names`) that is no place of the gazetteer (then it is the town of
    an outlet: "Houston Chronicle", "Orlando Sentinel", "Austin Times"), and no word between is
    an outlet's word too ("Emily Sun Times"). A given name that is only a town where papers are
    not so named ("Ann", a town in Myanmar; "Mary", one in Turkmenistan) names no outlet there
    (`_is_newspaper_town`): "Ann Tribune", "Mary Herald" are persons. "The Post", "Washington
    Post", "Press Herald", "Morning Star" open with no given name, so they stay outlets; a pack's
    own outlet is ruled out apart (`_names_no_person`)."""
    if not 2 <= len(tokens) <= 4 or tokens[-1].lower().strip(".,") not in _SURNAME_OUTLET_WORDS:
        return False
    first = tokens[0].strip(".,")
    if not (first.istitle() or all(token.isupper() for token in tokens)):
        return False
    if _without_accents(first.lower()) not in GIVEN_NAMES:
        return False
    inner = tokens[1:-1]
    if any(token.lower().strip(".,") in _SURNAME_OUTLET_WORDS or token.lower().strip(".,") in _ORG_WORDS or not _is_name_token(token) for token in inner):
        return False
    from compliance.document.places import place_positions

    places = place_positions(tokens[:-1])
    # Another word that names a place ("Ana Ruiz Texas Tribune", "Jackson Hole News") is the
    # outlet's town or region; the given name alone is asked whether papers are named after it.
    return not places or (places == {0} and not _is_newspaper_town(tokens[:1]))


# A city outside the English-speaking countries whose size gives it an English-language paper
# named after it ("The Moscow Times", "The Sofia Globe", "Santiago Times"): a metropolis.
_NEWSPAPER_METROPOLIS = 1_000_000


def _is_newspaper_town(words: list[str]) -> bool:
    """Whether `words` name a place that a paper with an English newspaper word is named after
    ("Houston Chronicle", "Jordan Times", "Georgia Gazette", "Sofia Globe"): a region by name (a
    country, a US state or county), a city of the English-speaking countries
    (`_ENGLISH_PRESS_COUNTRIES`) or a metropolis elsewhere. A town elsewhere that has a given
    name's name ("Ann" in Myanmar, "Mary" in Turkmenistan) is no paper's."""
    from compliance.document.places import region_or_city_sizes

    region, cities = region_or_city_sizes(words)
    return region or any(country in _ENGLISH_PRESS_COUNTRIES or population >= _NEWSPAPER_METROPOLIS for country, population in cities)


def _is_place_and_sun(tokens: list[str]) -> bool:
    """Whether a would-be name is a town's newspaper named "Sun" ("Baltimore Sun", "Jackson Sun"):
    its last word is `_PLACE_OUTLET_ENDINGS`'s and the words before it a place of the gazetteer,
    one that is no known given name or a town of the English-speaking countries whose papers are
    so named ("Jackson", Tennessee). "Lena Sun" has a given name and no place there; "Wei Sun" a
    given name that is a Chinese city's too, which names no "Sun"."""
    if len(tokens) < 2 or tokens[-1].lower().strip(".,") not in _PLACE_OUTLET_ENDINGS:
        return False
    from compliance.document.places import city_countries, place_positions

    if place_positions(tokens[:-1]) != frozenset(range(len(tokens) - 1)):
        return False
    return _without_accents(tokens[0].strip(".,").lower()) not in GIVEN_NAMES or bool(city_countries(tokens[:-1]) & _ENGLISH_PRESS_COUNTRIES)


def _is_compound_outlet_word(token: str) -> bool:
    """Whether a hyphened last word is a newspaper's compound name ("American-Statesman",
    "Post-Gazette", "Star-Tribune"): a body's or an outlet's word, then an outlet's word. A
    hyphened surname ("Smith-Post") opens with no such word."""
    pieces = token.lower().strip(".,").split("-")
    return len(pieces) == 2 and pieces[0] in _BODY_OPENING_WORDS | _OUTLET_ENDINGS and pieces[1] in _OUTLET_ENDINGS


# The countries whose newspapers are named after their town with an English newspaper word
# ("Baltimore Sun", "Houston Chronicle"; ISO codes).
_ENGLISH_PRESS_COUNTRIES = frozenset({"US", "CA", "GB", "AU", "NZ", "IE", "ZA"})


# Head words of a title that open no person's name: they are no given name, so wherever they
# stand, right after the opener too ("By Head Start", "By Lead Generation"), the phrase is an
# institution or a programme, or a title when "of", "in" or "for" follows ("Head of Research",
# `_is_office_title`).
_TITLE_HEADS_NO_NAME_OPENS = frozenset({"head", "lead"})
# Prepositions and the article, capitalised or not, inside a would-be name: an organisation's or
# a programme's name holds them ("Teach For America", "Doctors Without Borders", "Bureau Of Labor
# Statistics"), a person's never. Those that are also given names or surnames in the languages of
# the bylines read ("An", "To", "In", "Than": Vietnamese, Korean, Burmese names) are left out,
# and so is a name's particle (`_PARTICLES`).
_NO_NAME_INNER_WORDS = frozenset(
    """for of with without within from against among amid between behind before after about through toward towards
    under upon until into during the""".split()
)
# Job titles that are also common given names: "Dean Martin", "Dean Baquet" name a person, whose
# capitalised surname follows; "Dean of Students" has its office after it (`_is_office_title`).
_GIVEN_NAMES_AMONG_TITLES = frozenset({"dean"})


def _is_given_name_among_titles(tokens: list[str]) -> bool:
    """Whether the first of a would-be name's words is a title that is also a given name
    (`_GIVEN_NAMES_AMONG_TITLES`), written as a name is: capitalised, or in a name all in capitals."""
    first = tokens[0].strip(".,")
    return first.lower() in _GIVEN_NAMES_AMONG_TITLES and (first.istitle() or all(token.isupper() for token in tokens)) and len(tokens) >= 2


# Fields and kinds of work that lead a title's head word ("Medical Dean", "Public Editor",
# "Clinical Lead", "Nursing Director"), besides the role words and `_HEAD_MODIFIERS`; some are
# organisation words too ("Medical Center", "Public Radio"), which a head word after them undoes.
_TITLE_FIELDS = frozenset(
    """medical clinical academic public digital editorial nursing surgical scientific technical creative
    executive managing associate assistant deputy senior law faculty student graduate design data""".split()
)


def is_headed_title(part: str) -> bool:
    """Whether a part of a byline is a job title and nothing else: a title's head word ("Dean",
    "Head", "Lead", "Director", "Editor": `_OFFICE_HEADS`) after one or two words that name its
    field or rank ("Medical Dean", "Deputy Head", "Programme Lead", "Public Editor"), which names
    no person and no institution. "Head Start", "Lead Generation Ltd" and "Dean Foods" end in no
    head word; "Sarah Reader" and "Jonathan Head" have a given name before theirs. Pure."""
    words = [word.lower().strip(".,'’\"()[]") for word in part.split()]
    if not 2 <= len(words) <= 3 or words[-1] not in _OFFICE_HEADS:
        return False
    return all(word in _TITLE_FIELDS or word in _HEAD_MODIFIERS or word in _ROLE_WORDS or word in _DEGREE_WORDS for word in words[:-1])


def _is_surname_among_titles(tokens: list[str]) -> bool:
    """Whether two words are a given name and a surname that is also a title ("Martin Dean"), not
    a title led by its modifier or field ("Associate Dean", "Law Dean")."""
    if len(tokens) != 2 or tokens[1].strip(".,").lower() not in _GIVEN_NAMES_AMONG_TITLES or not _is_name_token(tokens[0]):
        return False
    first = tokens[0].strip(".,").lower()
    return not (first in _ROLE_WORDS or first in _HEAD_MODIFIERS or first in _DEGREE_WORDS or first in _TOPIC_WORDS or first in name_vocabulary()[1])


def _ends_with_a_numeral(tokens: list[str]) -> bool:
    """Whether the last of two would-be name's words is a Roman numeral, as in a section's label
    ("Part II", "Chapter XI") or a numeral with no full name before it ("Smith III"). In a name
    written all in capitals ("TOM LI", "ANA VI", "JANE XI") a word of two letters or more that is
    no name suffix's numeral ("II", "III", "IV") is a surname: only the suffixes follow a name, and
    they follow a full name ("JOHN SMITH III")."""
    last = tokens[-1].strip(".,")
    if not _ROMAN.match(last):
        return False
    in_capitals = all(token.isupper() for token in tokens)
    return not (in_capitals and len(last) >= 2 and last.lower() not in _SUFFIXES)


def _is_institution_short_name(tokens: list[str]) -> bool:
    """ "Penn State", "Georgia Tech", "Mount Sinai": words ending or opening as an institution's
    short name does (`_INSTITUTION_LAST_WORDS`, `_INSTITUTION_FIRST_WORDS`), never a person's."""
    words = [token.lower().strip(".,") for token in tokens]
    return len(words) >= 2 and (words[-1] in _INSTITUTION_LAST_WORDS or words[0] in _INSTITUTION_FIRST_WORDS)


def _is_credit_tail(tail: list[str], outlets: Set[str]) -> bool:
    """ "Senior White House Correspondent", "Games Editor": role words, or capitalised words ending
    in a role noun; or an outlet ("ProPublica" by its brand capitals, a pack's outlet, or an
    outlet's name by its last word, `_is_outlet_name`)."""
    if (len(tail) == 1 and _is_brand(tail[0])) or (outlets and _is_outlet(" ".join(tail), outlets)) or _is_outlet_name(tail):
        return True
    words = [t.lower().strip(".,") for t in tail]
    if not words or not (words[-1] in _ROLE_NOUNS or words[-1] in _ORG_WORDS):
        return False
    allowed = _ROLE_WORDS | _ORG_WORDS | _FILLER
    return (all(w in allowed or t[:1].isupper() for w, t in zip(words, tail, strict=True)) and words[-1] in _ROLE_NOUNS) or all(w in allowed for w in words)


def _is_outlet_name(tail: list[str]) -> bool:
    """ "Texas Tribune", "The Texas Tribune", "KFF Health News", "Inside Climate News": two words or
    more, capitalised but for the filler between them ("of", "the"), the last an outlet's or an
    organisation's word (`_OUTLET_ENDINGS`, `_ORG_WORDS`); or "The" and up to three words written
    as a name's ("The Conversation", "The 19th"). After a name with no comma ("By Ana Ruiz Texas
    Tribune", "By Ben Cole The Conversation") it is the reporter's outlet."""
    words = [token.lower().strip(".,") for token in tail]
    if 2 <= len(tail) <= _LONGEST_ARTICLE_OUTLET and tail[0] == "The" and all(_is_title_word(token) for token in tail[1:]):
        return True  # "The Conversation", "The Atlantic", "The 19th": a name holds no capitalised "The"
    if len(tail) < 2 or not tail[0][:1].isupper() or not (words[-1] in _OUTLET_ENDINGS or words[-1] in _ORG_WORDS):
        return False
    return all(token[:1].isupper() or word in _FILLER for word, token in zip(words, tail, strict=True))


# The most words of an outlet named "The …" that `_is_outlet_name` takes without an outlet's word
# at its end ("The Texas Observer" has one; "The Salt Lake Tribune" too).
_LONGEST_ARTICLE_OUTLET = 4


def _is_title_word(token: str) -> bool:
    """Whether a word is written as a name's or an outlet's is: a capital first ("Conversation"),
    or an ordinal's digits ("19th")."""
    return token[:1].isupper() or (token[:1].isdigit() and token.rstrip(".,").lower().endswith(("st", "nd", "rd", "th")))


def _is_place_name(words: list[str]) -> bool:
    """Whether the words, together, name a place the gazetteer knows alone ("New York", "Los
    Angeles", "Las Vegas": a large city, a state, a country), as an outlet's name opens with one
    ("New York Daily News"); a person's name whose words are each a town's ("Austin Jackson") is
    none. Reads the gazetteer (`places.dateline_parts`)."""
    from compliance.document.places import dateline_parts

    return bool(dateline_parts([" ".join(words)], lambda _part: False, districts=False))


def _ends_the_name_before_an_outlet(tokens: list[str], cut: int, outlets: Set[str]) -> bool:
    """Whether a name of the first `cut` words, which reads as a person's, ends where an outlet
    glued after it begins: not a place, which is the outlet's own ("New York Daily News"), nor
    followed by its surname before an outlet named for its place (`_surname_before_place`) or by
    its last word in capitals (`_surname_in_capitals_before_outlet`), nor an organisation's initials
    that open the body's name (`_initials_open_a_body`)."""
    head, tail = tokens[:cut], tokens[cut:]
    if _is_place_name(head) or _surname_in_capitals_before_outlet(head, tail) or _initials_open_a_body(head, tail):
        return False
    if _known_outlet_later(tokens, cut, outlets):
        return False
    return not ((_surname_before_place(tail) or _surname_before_headline_word(tail)) and person_name(" ".join(tokens[: cut + 1]), outlets))


def _known_outlet_later(tokens: list[str], cut: int, outlets: Set[str]) -> bool:
    """Whether a later cut leaves a longer person's name before an outlet the loaded packs name
    (`outlets`): "Mary Jo Smith KFF Health News" is Mary Jo Smith of KFF Health News, not Mary Jo
    of a "Smith KFF Health News"."""
    if not outlets:
        return False
    return any(
        _is_outlet(" ".join(tokens[later:]), outlets) and person_name(" ".join(tokens[:later]), outlets) is not None for later in range(cut + 1, len(tokens))
    )


def _surname_before_headline_word(tail: list[str]) -> bool:
    """Whether the first of the words after a would-be name is its surname before an outlet that
    opens with a word no person's name holds (`_HEADLINE_WORDS`: "Inside", "How", "Under"): "Smith
    Inside Climate News" after "Mary Jo" is Mary Jo Smith of Inside Climate News, as such a word
    cannot go on from a name, and an outlet's name opening with a surname seldom has one after it.
    "Kaiser Health News" after "Ana Ruiz" stays the outlet: "Health" opens no new part."""
    if len(tail) < 3 or tail[0].lower() in _FILLER or not tail[1][:1].isupper():
        return False
    return tail[1].lower() in _HEADLINE_WORDS and _is_outlet_name(tail[1:])


def _initials_open_a_body(head: list[str], tail: list[str]) -> bool:
    """Whether a would-be name opening with a word in capitals ("NASA Goddard", read as "KIM
    Min-ji" is) is an organisation's initials before the rest of its body's name, glued to the
    words that end it ("Space Flight Center", "Propulsion Laboratory"): an institution's or a
    civic body's word last (`_ORG_WORDS`, not an outlet's), and no place first, which opens the
    affiliation of a person whose surname is in capitals ("KIM Min-ji Seoul National University");
    nor a given name romanised with a hyphen, as Korean and Chinese given names are ("PARK Ji-hoon
    Korea Advanced Institute"), which no body's name has there."""
    return (
        _is_acronym(head[0])
        and not all(token.isupper() for token in head)
        and not any("-" in token for token in head[1:])
        and tail[-1].lower().strip(".,") in _ORG_WORDS - _OUTLET_ENDINGS
        and not (_is_place_name(tail[:1]) or _is_place_name(tail[:2]))
    )


def _surname_before_place(tail: list[str]) -> bool:
    """Whether the first of the words after a would-be name is a surname before an outlet named
    for its place ("Smith Texas Tribune" after "Mary Jo": the name is Mary Jo Smith): the words
    after it, but the outlet's last, open with a place, which the first word does not ("New York
    Times" is the outlet's own), nor is it an article ("The Texas Tribune")."""
    if len(tail) < 3 or tail[0].lower() in _FILLER or _is_place_name(tail[:1]) or _is_place_name(tail[:2]):
        return False
    return _is_place_name(tail[1:2]) or (len(tail) > 3 and _is_place_name(tail[1:3]))


def _surname_in_capitals_before_outlet(head: list[str], tail: list[str]) -> bool:
    """Whether the first word after a name in capitals is its last, in capitals too, before an
    outlet in ordinary case ("MARY CLARE" then "JALONICK Associated Press": the name is MARY
    CLARE JALONICK); an outlet's initials ("KFF Health News"), which have no vowel, are the outlet's."""
    first = tail[0].strip(".,")
    return (
        all(token.isupper() for token in head)
        and _is_acronym(first)
        and bool(_VOWELS & set(_without_accents(first.lower())))
        and not all(token.isupper() for token in tail)
    )


# A middle initial: one letter and a full stop ("Q.").
_INITIAL = re.compile(r"^[^\W\d_]\.$")


def _split_name_and_role(segment: str, outlets: Set[str], *, shared: bool = False) -> tuple[str, str] | None:
    """ "Jake Smith Energy Reporter" → ("Jake Smith", "Energy Reporter"); shortest name first.
    `shared`: the segment is the last of several names, whose role may be plural ("Anna Lee
    Contributors"), a word that alone would be a staff credit."""
    tokens = _tokens(segment)
    for cut in range(2, min(len(tokens) - 1, 5) + 1):
        head, tail = tokens[:cut], tokens[cut:]
        if _INITIAL.match(head[-1]) and tail[0][:1].isupper():
            continue  # "Jake Q. Smith Contributor": a middle initial is followed by the surname
        if tail[0].lower().strip(",") in _SUFFIXES:
            continue  # "Jake Smith Jr. Contributor": the suffix ends the name, not the title
        # "Fort Worth Report" is an outlet, not "Fort Worth" of the "Report".
        newspaper_word = len(tail) == 1 and tail[0].lower().strip(".,") in _OUTLET_ENDINGS - _ROLE_NOUNS
        # "Delta Beacon Staff" is a staff credit, not a reporter called Delta Beacon.
        last_word = tail[-1].lower().strip(".,")
        plural_role = shared and last_word.endswith("s") and last_word[:-1] in _ROLE_NOUNS
        staff_only = _is_staff_tail(tail) and not plural_role
        if _is_institution_kind(tail) or not _is_credit_tail(tail, outlets):
            continue
        if not newspaper_word and not staff_only and not _is_title_head(head):
            name = person_name(" ".join(head), outlets)
            if name and last_word in _ROLE_NOUNS:
                return _with_the_rest_of_the_name(tokens, cut, name, outlets)
            if name and _ends_the_name_before_an_outlet(tokens, cut, outlets):
                return name, " ".join(tail)
    return None


def _with_the_rest_of_the_name(tokens: list[str], cut: int, name: str, outlets: Set[str]) -> tuple[str, str]:
    """The name of the first `cut` words and the job title after it, with the words between them
    that go on the name moved into it (`_goes_on_the_name`, one at a time, the role noun always
    left): "Jake Robert" + "Smith Contributor" is Jake Robert Smith, Contributor; "Juan García" +
    "López Staff Writer" is Juan García López, Staff Writer; "Maria Lopez" + "Energy Reporter"
    stays as it is. A suffix after the surname is the name's ("Jake Robert Smith Jr. Senior
    Editor"). Only before a title of known words (`_is_plain_title`): "Jake Robert Smith Joins As
    Contributor" is a headline's words, and keeps its reading."""
    longest, end = name, cut
    while end < len(tokens) - 1:
        word = tokens[end]
        if word.lower().strip(",") not in _SUFFIXES and not _goes_on_the_name(tokens[end - 1], word):
            break
        longer = person_name(" ".join(tokens[: end + 1]), outlets)
        if longer is None:
            break
        longest, end = longer, end + 1
    if end == cut or not _is_plain_title(tokens[end:]):
        return name, " ".join(tokens[cut:])
    return longest, " ".join(tokens[end:])


def _is_plain_title(words: list[str]) -> bool:
    """Whether the words are a job title of known words only: role, beat, section, desk,
    organisation or place words and the filler between them ("Senior Editor", "Chief Political
    Correspondent", "Editor of Special Projects"), and credentials ("MPH Contributor")."""
    return all(_is_title_modifier(word.strip(".,")) or word.lower() in _FILLER or word.strip(".,").lower() in name_vocabulary()[0] for word in words)


def _goes_on_the_name(before: str, word: str) -> bool:
    """Whether a capitalised word between a name and its role noun is the name's last, not the
    job title's first ("Smith" in "Jake Robert Smith Contributor", not "Energy" in "Maria Lopez
    Energy Reporter"): no word a title opens with (`_is_title_modifier`), and either the word
    before it is a given name, so that the name so far is a given name and a middle name
    ("Jake Robert", "Mary Ann", "María José") still wanting its surname, or the word is shaped
    as a surname only is (`_is_surname_shaped`: "López" after "Juan García")."""
    core = word.strip(".,")
    if not core[:1].isupper() or _is_title_modifier(core):
        return False
    return _without_accents(before.strip(".,").lower()) in GIVEN_NAMES or _is_surname_shaped(core)


# Desk words of job titles that no other list here holds ("Photo Editor", "Games Editor", "Wine
# Critic", "Night Editor"): with the beats and sections, a title's first word, not a surname.
_DESK_MODIFIERS = frozenset("photo photography video audio visuals graphics copy night web social games gaming wine books".split())


def _is_title_modifier(word: str) -> bool:
    """Whether a word may open a job title before its role noun, in any case: a role or beat word
    ("Senior", "Business"), a section's or desk's ("Travel", "Photo"), an organisation's ("News"),
    a degree's ("PhD"), a title from `nameparser` ("Chancellor"), or a place the gazetteer knows
    ("Washington Correspondent", "Europe Editor")."""
    lowered = word.lower()
    if lowered in _ROLE_WORDS or lowered in _ORG_WORDS or lowered in _DEGREE_WORDS or lowered in _DESK_MODIFIERS or _is_section_word(lowered):
        return True
    return any(part in _ROLE_WORDS for part in lowered.split("-")) or lowered in name_vocabulary()[1] or _is_place_name([word])


# The Spanish patronymic ending of surnames ("Lopez", "Martinez", "Gonzalez"), as a CMS writes them
# without their accents: no English word a job title opens with ends so.
_PATRONYMIC_ENDING = re.compile(r"[^\W\d_]{2}ez$", re.IGNORECASE)


def _is_surname_shaped(word: str) -> bool:
    """Whether a capitalised word is shaped as a surname and no English word of a job title is: a
    letter outside ASCII ("López", "Müller"), two capitalised parts joined by a hyphen
    ("Smith-Jones"), a surname's prefix before an inner capital or apostrophe ("McDonald",
    "O'Brien"), or the Spanish patronymic ending (`_PATRONYMIC_ENDING`: "Lopez")."""
    if not word.isascii() or _PATRONYMIC_ENDING.search(word):
        return True
    parts = word.split("-")
    if len(parts) > 1 and all(part[:1].isupper() for part in parts):
        return True
    return any(word.startswith(prefix) and len(word) > len(prefix) and word[len(prefix)].isupper() for prefix in _INNER_CAPITAL_PREFIXES)


def _is_staff_tail(tail: list[str]) -> bool:
    """Whether the words after a would-be name credit an outlet's staff, not a person's role:
    staff words ("Staff", "Newsroom", "Team") with the last words of an outlet's name before or
    between them ("News staff", "Staff Report", "News Staff Report", "News staff and wire
    reports"): "Hill Country News staff" is the Hill Country News' staff, no reporter called Hill
    Country. A job title's noun ("Staff Writer", "Staff Reporter") makes it a role; "and" and the
    like only after an outlet's last word ("News staff and wire reports"), so that "Jane Smith
    Staff and Wire Reports" still names Jane Smith."""
    words = [t.lower().strip(".,") for t in tail]
    joiners = _FILLER if words and words[0] in _STAFF_CREDIT_ENDINGS else frozenset()
    return any(word in _STAFF_WORDS for word in words) and all(word in _STAFF_WORDS or word in _STAFF_CREDIT_ENDINGS or word in joiners for word in words)


# The words of an outlet's name beside its staff words: "News staff", "Staff Report", "Times
# team". Not the job titles' nouns among them ("Staff Reporter" is a role).
_STAFF_CREDIT_ENDINGS = _OUTLET_ENDINGS - _ROLE_NOUNS | {"report", "reports"}


# The words that name an institution's kind at the end of its name: "Northern Plains University",
# "Cleveland Clinic", "Brookings Institution". Alone after words that could be a name, they end
# the institution's name, not a person's role ("Jake Smith Energy Reporter").
_INSTITUTION_KINDS = _INSTITUTION_NAME_WORDS | frozenset({"university", "college", "institute", "center", "centre"})


def _is_institution_kind(tail: list[str]) -> bool:
    """Whether the words after a would-be name are only an institution's kind ("University",
    "Medical Center", "Clinic") or a civic body's ("Foundation", "Commission", "Bureau
    Federation", `_BODY_KINDS`), so that the whole phrase is the body's name: "California Coastal
    Commission" is no person called California Coastal, of a "Commission"."""
    return bool(tail) and all(word.lower().strip(".,") in _INSTITUTION_KINDS | _BODY_KINDS for word in tail)


# The kinds of civic body that end its name (all of `_ORG_WORDS`): after a name and no separator
# they end the body's name ("Ohio Environmental Council"), not a person's credit ("Jake Smith
# Energy Reporter"). Not an outlet's or a wire's words: "Derek Willis ProPublica", "Jane Doe
# Reuters" credit a person with their outlet.
_BODY_KINDS = frozenset(
    """foundation council commission committee federation union league club clubs association society alliance
    coalition caucus fund trust trusts consortium cooperative ministry authority initiative campaign bureau department""".split()
)


def _is_title_head(head: list[str]) -> bool:
    """Whether the words before a role noun are the rest of a job title, not a person's name:
    "Senior Political" (every word a role word), or words led by a title's modifier, from our role
    words or `nameparser`'s titles ("Capitol Hill Reporter", "Audience Development Manager",
    "Supreme Court Reporter"), not a person called Capitol Hill. "Head of Partnerships" is a title
    by its "of"."""
    words = [t.lower().strip(".,") for t in head]
    if all(word in _ROLE_WORDS for word in words):
        return True  # "Senior Political Correspondent"
    return bool(words) and (words[0] in _ROLE_WORDS or (words[0] not in _PARTICLES and words[0] in name_vocabulary()[1]))


def _names_then_role(segment: str, outlets: Set[str], *, after_name: bool) -> tuple[list[str], str] | None:
    """ "Jake Smith and Anna Lee Contributor" → (["Jake Smith", "Anna Lee"], "Contributor"): a role
    after the last of several names is everyone's, as DCNF's own bylines print it, not the credit
    of the first name alone. Every part before the last must be a name. After a comma ("A, B and
    C Contributors") the role must be a job title, so that "and Ohio State University" stays an
    affiliation."""
    parts = [p for p in _AND.split(segment) if p]
    if len(parts) < 2:
        return None
    last = _split_name_and_role(parts[-1], outlets, shared=True)
    if last is None or (after_name and not _is_job_title(last[1])):
        return None
    names = [person_name(part, outlets) for part in parts[:-1]]
    if any(name is None for name in names):
        return None
    return [name for name in names if name is not None] + [last[0]], last[1]


def _is_job_title(segment: str) -> bool:
    """ "Audience Development Manager", "Professor & Research Chair": ends in a role noun or, for a
    longer phrase, in a title from `nameparser`'s vocabulary; or names its office after its head
    ("HEAD OF RESEARCH", `_is_office_title`)."""
    words = [w.lower().strip(".,") for w in segment.split()]
    if not words:
        return False
    if words[-1] in _ROLE_NOUNS or _is_office_title(segment):
        return True
    return len(words) >= 3 and words[-1] in name_vocabulary()[1]


def _names_in(segment: str, outlets: Set[str], *, after_name: bool) -> list[str] | None:
    """All people named in one comma-free segment ("A and B"), or None if it is not only names."""
    if after_name and (_is_job_title(segment) or is_person_shaped_institution(segment)):
        return None  # "A, Johns Hopkins; B": A's institution
    conjunction = _AND_IN_CAPITALS() if segment.isupper() else _AND
    whole = person_name(segment, outlets)
    if whole is not None and not conjunction.search(segment):
        return [whole]
    parts = [p for p in conjunction.split(segment) if p]
    names: list[str] = []
    for part in parts:
        # After a name, "Johns Hopkins and B" is the first author's institution, then B
        # (`_institution_then_name`), not two more people.
        name = None if after_name and is_person_shaped_institution(part) else person_name(part, outlets)
        if name is None:
            # "José Ortega y Gasset": a particle, not a second person.
            return [whole] if whole is not None else None
        names.append(name)
    return names or None


def _is_empty(text: str) -> bool:
    words = [w for w in re.split(rf"[\s,.;:|•·{DASH_CLASS}]+", text) if w]
    return all(w.lower() in _FILLER for w in words)


def _looks_like_credit(credit: str) -> bool:
    """An outlet, an institution or a role ("Daily Caller News Foundation", "Politecnico di Milano",
    "Energy Reporter"), or a few of them ("Associate Professor of Public Health, University of
    Nebraska Medical Center", as The Conversation credits its authors), each a line's worth of
    words at most (`_AFFILIATION_WORDS`: "University of Texas Health Science Center at Houston
    School of Public Health" is twelve), not a clause of prose."""
    words = [w.strip(".,'\"()[]") for w in credit.replace(",", " ").split()]
    if not words or len(words) > _TITLE_LINE_WORDS or any(len(part.split()) > _AFFILIATION_WORDS for part in credit.split(",")):
        return False
    # Particles join an institution's name in other languages ("Universidade de São Paulo").
    allowed = _ROLE_WORDS | _ORG_WORDS | _FILLER | _PARTICLES
    return all(w and (w[0].isupper() or w[0].isdigit() or w.lower() in allowed) for w in words)


def _has_credit_word(credit: str, outlets: Set[str]) -> bool:
    """An outlet or role by its words ("The Millbrook Ledger", "Energy Reporter"), or a pack's outlet."""
    words = {w.lower().strip(".,'\"()[]") for w in credit.split()}
    return bool(words & (_ROLE_NOUNS | _ORG_WORDS | _OUTLET_ENDINGS)) or _is_outlet(credit, outlets)


# An affiliation line is a line, not a sentence: a few words without the full stop of prose.
_AFFILIATION_WORDS = 12
# A title and institution line names a job and one or more institutions: "Director, Center for
# Policy Research, Rice University" is seven words; a sentence of the story is longer or ends so.
_TITLE_LINE_WORDS = 16


def title_and_institution(name: str, line: str, outlets: Set[str] = frozenset()) -> BylineReading | None:
    """The reading of a name line and the line under it ("Maria Chen" over "Assistant Professor of
    Biology, University of Michigan", an author block as The Conversation prints it) when that
    line is a job title and an institution: a role noun among its words ("professor", "fellow",
    "lecturer", "candidate") or a title naming its office ("Head of Research", `_is_office_title`), and
    an institution when read after the name; None for anything else (a job title alone, an outlet
    alone, a sentence, a date). The reading names only `name`."""
    text = normalize_inline(line)
    words = [word.lower().strip(".,;:()") for word in text.split()]
    if not words or len(words) > _TITLE_LINE_WORDS or text.endswith((".", ":", "?", "!")):
        return None
    if not set(words) & _ROLE_NOUNS and not _is_office_title(_SEGMENT_SPLIT.split(text, maxsplit=1)[0]):
        return None
    reading = read_byline(f"{name}, {text}", outlets=outlets)
    if reading is None or reading.names != (name,) or not any(reading.affiliations):
        return None
    return reading


# What a line that is only a job title reads as alone: a role ("Contributor", "Energy Reporter",
# "White House Correspondent") or a staff credit ("Staff Writer").
_JOB_TITLE_PROBLEMS = frozenset({"role", "staff"})


def name_and_job_title(name: str, line: str, outlets: Set[str] = frozenset()) -> BylineReading | None:
    """The reading of a name line and the line under it when that line is only the person's job
    title ("Nick Pope" over "Contributor", "Chris White" over "Energy Reporter": DCNF's own byline
    form, `<p>NAME<br>Contributor</p>`), read as "NAME, TITLE": the line break parts the name from
    the title as a comma does, so a name of three words keeps them all ("Mary Lou Smith" over
    "Contributor"). None for anything else (an outlet or another body alone, "Getty Images"; a
    place, a date, a sentence). The line alone must read as a role or a staff credit and name no
    one, and the two read as one line must credit only `name`, with the line as the credit."""
    title = normalize_inline(line)
    if not title or len(title.split()) > _AFFILIATION_WORDS or title.endswith((".", ":", "?", "!", ",")):
        return None
    alone = read_byline(title, outlets=outlets)
    if alone is None or alone.names or alone.problem not in _JOB_TITLE_PROBLEMS:
        return None
    reading = read_byline(f"{name}, {title}", require_prefix=True, outlets=outlets)
    if reading is None or reading.names != (name,) or reading.credit != title:
        return None
    return reading


_AFFILIATION_LENGTH = 120


def affiliation_line(text: str, outlets: Set[str] = frozenset()) -> str | None:
    """`text`, normalised, when it is only an outlet or an affiliation that a byline prints on the
    line after the name ("Daily Caller News Foundation", "ProPublica, Senior Reporter", "Professor of
    History, University of Example", "KFF Health News senior correspondent"); None for anything
    else: a sentence of the story, a date, a job title alone ("Staff Writer"), a line that names a
    person. Each part between separators must read as an outlet or a role (capitalised words, or
    the words of outlets and job titles), and one of them must say so by its words, its brand
    capitals or a pack's outlet name (`outlets`, lower case)."""
    text = normalize_inline(text)
    words = text.split()
    if not 1 <= len(words) <= _AFFILIATION_WORDS or len(text) > _AFFILIATION_LENGTH or text.endswith((".", ":", "?", "!", ",")):
        return None
    if is_topics_line(text):
        return None  # the story's categories under the byline ("Posted in News"), no outlet
    reading = read_byline(text, outlets=outlets)
    if reading is None or reading.names or reading.problem != "outlet":
        return None
    parts = [part for part in _SEGMENT_SPLIT.split(text) if part]
    if not parts or not all(_looks_like_credit(part) for part in parts):
        return None
    # Initials say "outlet" only beside words in lower case: a line all in capitals ("SHARE",
    # "FOLLOW") is a button's label as likely as an outlet's initials.
    initials = not text.isupper()
    says_so = any(
        _has_credit_word(part, outlets)
        or _is_institution_short_name(part.split())
        or any(_is_brand(word) or (initials and _is_outlet_initials(word)) for word in part.split())
        for part in parts
    )
    return text if says_so else None


# What separates a label or a lead-in from the opener, trimmed off either: spaces, bars, bullets,
# colons, slashes and dashes.
_SEPARATOR_EDGES = " -" + _LABEL_SEPARATORS + DASHES


class _Opened(NamedTuple):
    """A byline's text with its opener and leading labels read off; `lead_in`, the outlet a
    lead-in before the opener names ("From The Conversation. By …"), or ""."""

    rest: str
    had_prefix: bool
    particle_opener: bool
    lead_in: str = ""
    # True when the opener ends a sentence before it ("Teaser text. By NAME"): what follows must
    # be names and a credit, nothing else (`_read_after_opener`).
    after_sentence: bool = False
    # The short forms of institutions that `_cjk_parts` read in the byline ("서울대"): no one's name here.
    institutions: frozenset[str] = frozenset()


# A lead-in that says where the story comes from, then the byline's opener: "From The
# Conversation. By Ana Ruiz", "Via CalMatters — By Ana Ruiz", "Courtesy of ProPublica | By …", or
# what a `::before` writes before the byline ("From the Daily Caller News Foundation. "). (A
# "Source: Outlet (Edition) – By NAME" credit line is read by `_LABEL` and `_mid_opener`: its
# source is the publisher's credit, read by the packs' markers, not the byline's.)
_LEAD_IN_SOURCE = rf"^(?:from|via|courtesy\s+of)\s+(?P<source>[^.,|{DASHES}•·:;]{{2,80}}?)\s*"
# What a lead-in can open with: a test of one character spares most texts the patterns.
_LEAD_IN_INITIALS = "FfVvCc"
_LEAD_IN = on_first_use(
    _LEAD_IN_SOURCE + rf"(?:[.|{DASHES}•·:;]|\s{DASH}\s)\s*(?=(?:\w+\s+){{0,2}}(?:by|par|por|von|di|da|door|av|af){_BY_COLON}(?-i:[A-ZÀ-Þ]))",
    re.IGNORECASE,
)
# The same lead-in before the name itself, without an opener: "Via Daily Caller News Foundation:
# Jane Doe", "From CalMatters — Ana Ruiz". A full stop ends no such lead-in ("From Monday. Then …").
_BARE_LEAD_IN = on_first_use(_LEAD_IN_SOURCE + rf"(?:[|{DASHES}•·:;]|\s{DASH}\s)\s*(?=(?-i:[A-ZÀ-Þ]))", re.IGNORECASE)


def _lead_in(text: str, pattern: Callable[[], re.Pattern[str]] = _LEAD_IN) -> tuple[str, str] | None:
    """(the outlet, the text after the lead-in) when the text opens with a lead-in naming an
    outlet before its opener (`_LEAD_IN`, or `pattern`): a proper-noun phrase that is no person's
    name ("The Conversation", "the Daily Caller News Foundation", "CalMatters"); None otherwise. A
    comma ends no lead-in ("From Tuesday, by law …"), and a capital must follow the opener ("From
    Monday. By then …" is prose)."""
    match = pattern().match(text)
    if match is None:
        return None
    source = match.group("source").strip()
    phrase = source[4:] if source.lower().startswith("the ") else source
    if not _is_proper_noun_phrase(phrase) or person_name(phrase) is not None or _is_section_label(phrase.split()):
        return None  # not an outlet's name, a person's ("From Jane Doe. By …") or a newsletter's label
    return source, text[match.end() :]


def has_opener(text: str) -> bool:
    """Whether the line opens as a byline does, in any language the reader knows ("By", "Written
    by", "Por", "Par", "Von", after a label or list marker): what `read_byline` reads as its opener."""
    return _open(normalize_inline(text)).had_prefix


def _open(text: str) -> _Opened:
    """Read off list markers, labels ("Analysis:", "Source: Outlet –"), a lead-in that names the
    story's outlet ("From The Conversation. By …", kept as `lead_in`) and the opener ("By")."""
    text = _LIST_MARKER.sub("", text, count=1)
    lead = _lead_in(text) if text[:1] in _LEAD_IN_INITIALS else None
    if lead is not None:
        opened = _open(lead[1])
        if opened.had_prefix and not opened.lead_in:
            return opened._replace(lead_in=lead[0])
    unlabelled = _LABEL.sub("", text, count=1)
    labelled, text = len(unlabelled) != len(text), unlabelled
    part = _part_credit_by(text)
    if part is not None:
        # "Fotos de B", "Traduzione di B", "Fotos von B" read as "Photos by B" does: the
        # particle is no part of a name ("Traducción de Mateo Ruskin"), and the credit names no author.
        return _Opened(text[: part[0]] + "by" + text[part[1] :], False, False)
    match = _PREFIX.match(text)
    if match is not None:
        opener = match.group(0).strip(" :").lower()
        return _Opened(text[match.end() :], True, opener in _PARTICLE_OPENERS)
    labelled_credit = _labelled_credit(text) if ":" in text else None
    if labelled_credit is not None:
        return _Opened(labelled_credit, True, False)
    if not text.isascii():
        labelled_name = _CJK_LABEL().match(text) or _CJK_LABEL_AFTER().match(text) or _CJK_GLUED_LABEL().match(text)
        if labelled_name is not None:
            # A label before the name and the reporter's job after it ("글 김민지 기자"): the job is no credit.
            job_after = _CJK_LABEL_AFTER().match(labelled_name.group("rest"))
            rest, short = _cjk_parts((job_after or labelled_name).group("rest"))
            return _Opened(rest, True, False, institutions=short)
        text, short = _cjk_parts(text)
        if short:
            return _open_mid_line(text, labelled=labelled)._replace(institutions=short)
    return _open_mid_line(text, labelled=labelled)


def _open_mid_line(text: str, *, labelled: bool) -> _Opened:
    """The opener after the start of the line: a label glued to "By" ("Politico:By NAME"), or a
    "By" after a date, a bracket or a spaced separator (`_mid_opener`)."""
    has_by = _BY.search(text) is not None
    tight = _TIGHT_LABEL().match(text) if has_by and text[:1].isupper() else None
    if tight is not None:
        return _Opened(text[tight.end() :], True, False, _source_before(tight.group("label")) if not labelled else "")
    lowered = text.lower()
    other = ("par " in lowered or "por " in lowered or "door " in lowered) and _OTHER_MID_BY().search(text) is not None
    middle = _mid_opener().search(text) if other or has_by else None
    if middle is not None and _prose_before_lower_by(text, middle):
        middle = None
    if middle is not None and middle.start() <= 100 and not _PART_CREDIT.match(middle.group(0).strip(_SEPARATOR_EDGES)):
        # After a label ("Source: Outlet (Edition) – By NAME") the part before "By" is the label's.
        source = _source_before(text[: middle.start()]) if not labelled else ""
        return _Opened(text[middle.end() :], True, False, source)
    after = _AFTER_SENTENCE().search(text) if has_by else None
    if after is not None and _after_a_teaser(text, after):
        return _Opened(text[after.end() :], True, False, after_sentence=True)
    return _Opened(text, False, False)


def _after_a_teaser(text: str, after: re.Match[str]) -> bool:
    """Whether "By" after a sentence's end (`_AFTER_SENTENCE`) follows a teaser's sentence and
    leads a byline's length of text: the sentence is prose (it has a word in lower case:
    "Officials said the review will take months."; "From Jane Doe." is none), starts within 100
    characters, and nothing after the byline starts another sentence."""
    before = text[: after.start()]
    return (
        after.start() <= 100
        and len(text) - after.end() <= _MOST_AFTER_SENTENCE
        and _LOWER_CASE_WORD().search(before) is not None
        and not _SENTENCE_GOES_ON().search(text, after.end())
    )


def _prose_before_lower_by(text: str, middle: re.Match[str]) -> bool:
    """Whether a "by" in lower case after a spaced separator follows prose, not a label: a clause
    set off by a dash ("The plan was drafted — by the committee", "He was beaten – by John Smith,
    the champion") is no byline. A label, a kicker or an outlet before it is at most
    `_SOURCE_WORDS` words, each capitalised, a number or a filler ("Politics — by NAME"; in a
    line all in lower case, any words: "reuters — by jane doe, daily caller news foundation")."""
    opener = middle.group(0).strip()
    if opener[:1].isalpha() or re.search(r"\bby\b", opener) is None:
        return False  # "By" or "BY", or after a date or a bracket ("15 October 2019 by NAME")
    words = [word.strip("()[],.:;") for word in text[: middle.start()].split()]
    # In a line written all in lower case (or capitals) the case of a word tells nothing.
    cased = not (text.islower() or text.isupper())
    return not (
        1 <= len(words) <= _SOURCE_WORDS and all(not cased or not word[:1].isalpha() or word[:1].isupper() or word.lower() in _FILLER for word in words)
    )


# "By" in capitals after a sentence of a teaser or a deck in the same line, then a capital:
# "Officials said the review will take months. By NAME, Outlet" (a sentence ends in a letter and
# a full stop, a question or an exclamation mark, or an ellipsis, "…" or "...", and maybe a
# closing quote or bracket). What follows must be a byline's length, with no other sentence
# after it.
_AFTER_SENTENCE = on_first_use(r"(?:(?<=[^\W\d_][.!?…])|(?<=[^\W\d_]\.\.\.))[\"”’)]?\s+(?:By|BY)\s+(?=[A-ZÀ-Þ])")
_SENTENCE_GOES_ON = on_first_use(r"[.!?][\"”’)]?\s+\S")
_MOST_AFTER_SENTENCE = 120
_LOWER_CASE_WORD = on_first_use(r"\b[a-zß-öø-ÿ]{3,}\b")


# A dateline and the outlet in brackets after it: "WASHINGTON (AP)", "LONDON (Reuters)".
_DATELINE_SOURCE = on_first_use(r"^(?P<place>[^()\[\]]{2,40}?)\s*[(\[]\s*(?P<source>[^()\[\]]{2,40}?)\s*[)\]]$")
# The most words an outlet's name before "By" has ("The Associated Press", "Deutsche Welle").
_SOURCE_WORDS = 6
# An outlet's or a section's label glued to "By" by tight punctuation ("Politico:By NAME",
# "NATION: By NAME", "Politics|By NAME", "World/By NAME", "Review—By NAME"), which `_mid_opener`
# does not read (it wants a space before the separator, so that "stand-by" and "and/by" are no
# openers): up to `_SOURCE_WORDS` capitalised words of letters from the start of the line, the
# separator right after the last one, then "By" in capitals and a capital. Prose ("The reason:by
# design"), a time ("12:By") or a web address ("example.com/By") is none.
_LABEL_WORD = r"[A-ZÀ-Þ][^\W\d_]*(?:['’&-][^\W\d_]+)*"
_TIGHT_LABEL = on_first_use(rf"^(?P<label>{_LABEL_WORD}(?:\s+(?:{_LABEL_WORD}|&)){{0,{_SOURCE_WORDS - 1}}})(?:{_TIGHT}|--)\s*(?:By|BY){_BY_COLON}(?=[A-ZÀ-Þ])")


def _source_before(before: str) -> str:
    """The outlet that the part of a line before a mid-line "By" names, or "": a dateline in
    capitals with the outlet in brackets ("WASHINGTON (AP) — By NAME", "LONDON (Bloomberg) — By
    NAME": the place says where, the bracket whose), or a wire's credit ("Reuters — By NAME", "AP
    — By NAME"), which must name an outlet by its initials, brand capitals or words
    (words of an organisation that are no desk's or beat's), so that a date ("Tuesday 15 October
    2019 by NAME"), a dateline alone ("WASHINGTON — By NAME"), a section's label ("Breaking News
    | By NAME") or a headline names none."""
    source = before.strip(_SEPARATOR_EDGES)
    bracket = _DATELINE_SOURCE().match(source)
    if bracket is not None and is_dateline_place(bracket.group("place")):
        # Wire style's "PLACE (Outlet) —": the bracket names the outlet, whatever its words.
        inner = bracket.group("source")
        return inner if _is_proper_noun_phrase(inner) and person_name(inner) is None else ""
    words = [word.strip("()[]") for word in source.split()]
    if not 1 <= len(words) <= _SOURCE_WORDS or not all(words) or is_dateline_place(source) or person_name(source) is not None:
        return ""
    if not all(word[:1].isupper() or word.lower() in _FILLER for word in words) or _is_section_label(words):
        return ""
    if _is_kicker(words):
        return ""
    # A section's label ("Local News", "Breaking News", "Politics") has the words of a desk or a
    # beat, which are no outlet's sign here: only initials, brand capitals or another
    # organisation's word are.
    if any(_is_outlet_initials(word) or _is_brand(word) or word.lower().strip(".,") in _ORGANISATION_ONLY for word in words):
        return source
    if _is_publication_title(words):
        return source
    # One capitalised word and nothing else is left alone: before "— By" it is far more often a
    # kicker or a section's name ("Feature", "Profile", "Longread", "Spotlight") than an outlet's own
    # name ("Politico"), and no list of either is complete. A one-word outlet there is not read
    # (the logo then stands in for the affiliation); initials, brand capitals and an
    # organisation's word above are.
    return ""


# One word before "— By" that is a kicker's or a desk's, not an outlet's name, though an
# organisation's word: a newspaper's word with no head ("Review", "Dispatch", "Report"; see
# `_OUTLET_ENDINGS`) or a newsroom's part ("Desk", "Wire"). A wire's own name ("Reuters") and
# initials ("AP") are none of these.
_KICKER_ORG_WORDS = _OUTLET_ENDINGS | _STAFF_WORDS
# A newspaper's word that also names a kind of piece: what a kicker ends with after a head that
# says which ("Special Report", "Book Review", "Weekend Dispatch").
_PIECE_WORDS = frozenset("report review dispatch digest bulletin watch".split())
# When a piece appears ("Weekend Dispatch", "Morning Report") and what a review reviews ("Book
# Review", "Film Review"): with a beat (`_BEAT_WORDS`), the heads of such a kicker. None is a
# newspaper's word of its own ("Daily", "Weekly", "National" are, and head outlets: "Daily
# Dispatch", "National Review").
_PUBLICATION_TIMES = frozenset("weekend weekday midweek morning evening afternoon night nightly overnight monthly quarterly annual".split())
_REVIEWED_WORKS = frozenset(
    """book books film films movie movies music theater theatre stage screen art arts dance album restaurant dining food
    travel game games concert opera fashion""".split()
)
_KICKER_HEADS = _BEAT_WORDS | _PUBLICATION_TIMES | _REVIEWED_WORKS


def _is_kicker(words: list[str]) -> bool:
    """Whether capitalised words before "— By" are a kicker though they end with a newspaper's
    word: that word alone ("Review", "Dispatch", "Report", "DIGEST": it ends an outlet's name only
    after its head, "Columbus Dispatch"), or a kind of piece after heads that are each a beat,
    the time it appears or what it reviews ("Special Report", "Weekend Dispatch", "Book Review";
    "Harvard Business Review" has a head of its own)."""
    last = words[-1].lower().strip(".,")
    if len(words) == 1:
        return last in _KICKER_ORG_WORDS
    return last in _PIECE_WORDS and all(word.lower().strip(".,") in _KICKER_HEADS for word in words[:-1])


# The heads that say which news a section carries ("Local News", "World News", "Breaking News",
# "Top Stories"): before a newspaper's word, a section's label, not an outlet's head.
_SCOPE_WORDS = frozenset("local national international world global regional state metro breaking latest top trending more related".split())
# Words after "The" in a kicker rather than a title ("The Latest", "The Long Read", "The Big
# Story", "The Take"): with the beats, scopes and kinds of piece, a kicker's whole vocabulary.
_DEFINITE_KICKER_WORDS = _KICKER_HEADS | _SCOPE_WORDS | _PIECE_WORDS | _FILLER | frozenset("big long short read story picture take interview".split())
# The most words after "The" in a title before "— By" ("The Dallas Morning News"): more is a
# headline's length.
_MOST_TITLE_WORDS = 4


def _is_publication_title(words: list[str]) -> bool:
    """Whether capitalised words before "— By" are a publication's title: the definite article
    and up to `_MOST_TITLE_WORDS` words that are not all a kicker's ("The Guardian", "The Hill", "The
    Dallas Morning News"; not "The Latest", "The Long Read"), or a head of its own and a
    newspaper's word ("Fox News", "Tampa Bay Times"), a head that is not only beats, times of
    appearing, reviewed works or scopes ("Local News", "Health News", "Morning News" are a
    section's labels). A one-word name ("Politico") is not read here (see `_source_before`)."""
    lowered = [word.lower().strip(".,") for word in words]
    if lowered[0] == "the":
        return 1 <= len(lowered) - 1 <= _MOST_TITLE_WORDS and not all(word in _DEFINITE_KICKER_WORDS for word in lowered[1:])
    return len(lowered) >= 2 and lowered[-1] in _OUTLET_ENDINGS and not all(word in _KICKER_HEADS | _SCOPE_WORDS | _FILLER for word in lowered[:-1])


# Words of a newsletter's or a section's label, never of an outlet's name before a byline:
# "Daily Briefing | By NAME", "Morning Newsletter — By NAME", "Weekend Edition | By NAME".
_NEWSLETTER_WORDS = frozenset(
    """briefing briefings brief briefs newsletter newsletters edition editions roundup round-up recap explainer
    update updates podcast podcasts""".split()
)
_LABEL_ONLY_WORDS = (_NEWSLETTER_WORDS | _SECTION_WORDS | _PLACEHOLDER_WORDS) - _ORG_WORDS


# The names of a newsroom's sections, columns and desks, as a site prints one on the line under
# the byline or after a bar ("Real Estate", "Higher Education", "Arts & Culture", "Book Reviews",
# "Fact Check", "Morning Edition", "Bay Area"): the words of topics, kickers and newsletters, and
# these. A line made only of them (singular or plural) is a section, never a person: no name is
# made only of them, though one may hold one ("Faith Hill", "Will Money", "Ben West"); given names
# among them ("Art", "Justice", "Ai") are left out.
_SECTION_NAME_WORDS = (
    (
        _TOPIC_WORDS
        | _DEFINITE_KICKER_WORDS
        | _NEWSLETTER_WORDS
        | frozenset(
            """real estate property housing home homes garden style fashion beauty book review obituary religion auto car
        motoring commentary editorial letter column columnist investigation higher personal family parenting life living
        dining restaurant recipe movie film television music theater theatre nation region city state statehouse capitol
        election world national metro news weekend magazine outdoors sport fact check checker club design north south
        east west northeast northwest southeast southwest midwest middle central pacific atlantic gulf coast valley bay
        area silicon wall street""".split()
        )
    )
    - _FILLER
    - _GIVEN_NAMES_AMONG_LABEL_WORDS
    - frozenset({"art"})
)


def _is_section_label(words: list[str]) -> bool:
    """Whether a lead-in's words are a newsletter's or section's label ("Daily Briefing",
    "Morning Newsletter", "Category Archives"): one of them is a label's word and no outlet's."""
    return any(word.lower().strip(".,:") in _LABEL_ONLY_WORDS for word in words)


# The story's categories or tags as a part of the byline's line, and all after it: a theme's
# "Filip Noubel / Posted in News", "By Ana Ruiz | Filed under: Health", "Jane Roe · Tags: jails",
# "By Jake Smith | In: Politics" (`is_topics_line`'s labels, after a separator of the byline's
# parts). The byline ends there.
_TOPICS_PART = on_first_use(rf"\s*(?:[|•·/,;]|\s{DASH}\s)\s*(?:{_TOPICS_LABELS})", re.IGNORECASE)


def _without_topics(text: str) -> str:
    """`text` up to the story's categories or tags printed after the byline on its line
    (`_TOPICS_PART`): no part of the credit, which would read "Posted in News" as an outlet. An
    "In:" label only before categories (`_reads_as_categories`): "By Ana Ruiz | In: Sacramento,
    Jane Roe reports for CalMatters" is no section's label."""
    for match in _TOPICS_PART().finditer(text):
        if match.group("in") is None or _reads_as_categories(text[match.end() :]):
            return text[: match.start()]
    return text


# A weekday alone at the byline's end, after a mark that parts its credit: the day the story was
# posted ("Jane Roe, Tuesday", "JANE ROE | FRIDAY"), never an outlet's name ("Mail on Sunday" has
# no mark before its weekday).
_LONE_WEEKDAY = on_first_use(rf"\s*(?:[,/|•·]|\s{DASH})\s*(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\.?\s*$", re.IGNORECASE)


def _drop_page_data(text: str) -> str:
    """Cut dates, times, counters and "Updated …" off the end, and @handles and e-mail addresses
    out, keeping the names and the credit before them."""
    cleaned = _HANDLE.sub(" | ", _GLUED_DIGITS.sub(" ", text))
    if not _PAGE_DATA.search(cleaned):
        return _trimmed(cleaned, _DATA_EDGES)  # no date, time, counter or "Updated" to cut
    cleaned = _cut_page_data(_trailer(), "weekday", cleaned)
    cut = _LONE_WEEKDAY().sub("", _data().sub("", _cut_page_data(_DAY_WORD(), "day", cleaned)))
    if cut != cleaned:
        # What was left before a number is often the lower-case word that led into it ("on", "před").
        cut = _TRAILING_LOWER().sub("", cut)
    return _trimmed(cut, _DATA_EDGES)


# The first three letters, lower case, of what a line that opens with page data opens with when
# not a digit: a month, a weekday, "Published", "Updated", "Posted", "Last updated".
_DATA_STARTS = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "pub",
        "upd",
        "pos",
        "las",
    ]
)
# What parts a meta line's parts: a bar, a bullet, a middle dot or a dash between spaces; not a
# comma, which a date holds ("March 4, 2025"), nor a slash, which one may ("03/04/2025").
_META_SEPARATOR = rf"\s*(?:[|•·]|\s{DASH}\s)\s*"
# One part of a line, up to its separator.
_LEADING_PART = on_first_use(rf"\s*(?P<part>[^|•·]+?){_META_SEPARATOR}")
_META_SPLIT = on_first_use(_META_SEPARATOR)
# A part that is only page data: a date ("March 4, 2025", "4 March 2025", "2025-03-04",
# "03/04/2025", "Tue, Mar 4"), a time ("9:00 a.m. EST"), both, a reading time ("3 min", "5 minute
# read") or a counter ("12 comments"), after "Published", "Updated" or "Posted" or not.
_TIME = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,4})?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
    rf"(?:{_MONTHS}\s+{_DAY}(?:,?\s+\d{{4}})?|{_DAY}\s+{_MONTHS},?(?:\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}}(?:T[\d:.+Z-]+)?|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})"
)
_PAGE_DATA_PART = on_first_use(
    rf"(?:(?:published|updated|posted|last\s+updated)\s*:?\s*(?:on\s+)?)?"
    rf"(?:{_DATE}(?:,?\s+(?:at\s+)?{_TIME})?|{_TIME}(?:,?\s+{_DATE})?|\d+\s*(?:min(?:ute)?s?|m)(?:\s+read)?|\d[\d,.]*[km]?\s+(?:comments?|views?|shares?|likes?|reads?|words?))",
    re.IGNORECASE,
)


def is_page_data(part: str) -> bool:
    """Whether `part` (one part of a line, between separators) is only page data: a date, a time,
    a reading time or a counter (`_PAGE_DATA_PART`)."""
    return _PAGE_DATA_PART().fullmatch(part.strip()) is not None


def name_among_page_data(text: str) -> str | None:
    """The one part of a line that is no page data when every other part is (`is_page_data`),
    parted by separators other than a comma: "March 4, 2025 · 3 min · NAME", "NAME | 2025-03-04"
    give "NAME". None when the line has no such separator, or more than one part that is not page
    data."""
    parts = [part for part in _META_SPLIT().split(text) if part.strip()]
    if len(parts) < 2:
        return None
    others = [part.strip() for part in parts if not is_page_data(part)]
    return others[0] if len(others) == 1 else None


def without_leading_page_data(text: str) -> str:
    """`text` without the page data that opens it, each part ended by a separator: a date, a time,
    a reading time or a counter ("March 4, 2025 · 3 min · NAME", as Hugo's PaperMod theme and
    others write an article's meta line; "2025-03-04 | By NAME"). Unchanged when no part opens it,
    or when nothing would be left after them."""
    rest = text
    while True:
        match = _LEADING_PART().match(rest)
        if match is None or not is_page_data(match.group("part")) or not rest[match.end() :].strip():
            return rest
        rest = rest[match.end() :]


# What `_drop_page_data` trims off a byline's ends: spaces, separators and the full stop.
_DATA_EDGES = " ,.;:|•·-/" + DASHES


def _brackets_to_segments(text: str) -> str:
    """ "NAME (Outlet)" → "NAME, Outlet"; "NAME (with B and C)" → "NAME and B and C";
    "Richard (R.J.) Eskow" → "Richard Eskow": a one-word bracket between a given name and a
    surname is a nickname, not an affiliation, and "김민지 (Minji Kim)" → "김민지": a name in Latin
    letters after a name in a script without capitals is its transliteration. The closing bracket closes its person's credit, as
    a semicolon does: "A (Uni X), B" and "A (Uni X) · B" → "A, Uni X; B", B one more person (or
    more of A's credit when B reads as no person: "A (Reuters), Staff Writer"); before "and" the
    bracket stays a comma ("A (Uni X) and B", read by `_late_name`)."""
    if "(" not in text and "[" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        inner = match.group(1)
        after = text[match.end() :]
        if _is_nickname(inner, text[: match.start()], after) or _is_transliteration(inner, text[: match.start()]):
            return " "
        joined = _WITH().sub("", inner, count=1)
        if joined != inner:
            return f" and {joined}"
        closes = after.strip() and _CONJUNCTION_AFTER_BRACKET().match(after) is None
        return f", {inner};" if closes else f", {inner},"

    return _AFTER_CLOSED_BRACKET().sub("; ", _BRACKET().sub(replace, text))


# What may follow a bracket that closes one person's credit before the next person: a list's
# separator (",", ";", "|", "·", "•"), read as the semicolon the bracket became.
_AFTER_CLOSED_BRACKET = on_first_use(r";\s*[,;|·•]\s*")


def _is_transliteration(inner: str, before: str) -> bool:
    """Whether a bracket right after a name in a script without capitals holds that name in Latin
    letters, the same person written twice ("김민지 (Minji Kim)", "王小明 (Wang Xiaoming)"): a
    person's name, none of whose words is in such a script. An outlet or an institution there
    ("김민지 (CalMatters)", "王小明 (Peking University)") is none."""
    words = before.split()
    if not words or not _is_uncased_word(words[-1].strip(".,")):
        return False
    return not any(_is_uncased_word(word.strip(".,")) for word in inner.split()) and person_name(inner) is not None


def _is_nickname(inner: str, before: str, after: str) -> bool:
    """Whether a bracket sits inside one person's name: one capitalised word or initials in it,
    one given name before it (since the start or the last comma or "and"), a surname after it."""
    if not _NICKNAME().fullmatch(inner):
        return False
    given = _NAME_SEPARATOR().split(before)[-1].split()
    surname = after.split(maxsplit=1)
    return len(given) == 1 and given[0][:1].isupper() and bool(surname) and surname[0][:1].isupper() and surname[0].lower().strip(".,") not in _STAFF_WORDS


def read_byline(text: str, *, require_prefix: bool = False, outlets: Set[str] = frozenset()) -> BylineReading | None:
    """Read a byline's text, or None when the text does not look like a byline at all.

    `require_prefix` is for plain paragraphs: they count only when they start with "By" (or an
    opener such as "Written by", "Par") or have the shape "Name Role" / "Name, Outlet"; text from
    byline markup is read as a byline anyway. `outlets` are outlet names from the loaded packs,
    lower case, that are never read as a person.

    Look-alike letters of another script in a Latin word ("By Stаff" with CYRILLIC SMALL LETTER
    A) are read as the Latin letters they imitate, as detection reads them; the names keep the
    letters the byline writes them with. The byline is read as a reader sees it: in the order its
    bidirectional controls lay it out (`bidi.displayed`: "By \u202eepoP kciN\u202c" reads "By Nick
    Pope"), without the pictographs stuck to it ("By Nick Pope 📰", `_without_pictographs`), and
    with a job title glued to the surname parted from it ("Nick PopeContributor", `_unglued_titles`),
    and without what a profile shows beside the name: the person's pronouns ("Ana Ruiz (she/her)",
    "Ana Ruiz they/them") and a follow button's word ("Ana RuizFollow", "Ana Ruiz · Follow"),
    `_without_profile_extras`.
    A dateline glued after the byline in one paragraph, with the story's first sentence after it
    (`_without_glued_dateline`: "By NAME Associated Press WASHINGTON (AP) — House Republicans …"),
    is no part of the byline.
    A letter written as a base letter and a combining accent (Unicode's decomposed form, NFD: "Jose"
    and U+0301) is read as the one letter it shows ("José"), as is every canonically equivalent
    spelling (`unicodedata` NFC), and the names are given so composed.
    """
    text = _unbracketed(_without_glued_dateline(normalize_inline(text)))
    if any(word in text for word in _BIO_WORDS) or _ABOUT_THE_AUTHOR().match(text):
        text = _bio_as_byline(text, in_markup=not require_prefix)
    if not text or len(text) > _MAX_LENGTH_WITH_OPENER:
        return None
    if not text.isascii():
        text = _without_pictographs(_as_displayed(unicodedata.normalize("NFC", text)))
    if "/" in text or "ollow" in text or "ubscribe" in text:
        text = _without_profile_extras(text)
    if _LOWER_THEN_UPPER.search(text):
        text = _unglued_titles(text)
    if text[:1].isdigit() or text[:3].lower() in _DATA_STARTS:
        text = without_leading_page_data(text)
    seen = _seen_through(text) if not text.isascii() else text
    reading = _read_text(seen, require_prefix=require_prefix, outlets=outlets)
    if require_prefix and reading is not None and _a_sentence_of_prose(text, reading):
        return None
    if seen is text or reading is None or not reading.names:
        return reading
    return dataclasses.replace(reading, names=_as_written(reading.names, seen, text))


# An author box's heading before its bio ("About the author", "Sobre el autor", "À propos de
# l'auteure", "Über die Autorin").
_ABOUT_THE_AUTHOR = on_first_use(
    r"^(?:About\s+the\s+(?:authors?|writers?|reporters?|contributors?)|Sobre\s+(?:el|la)\s+autora?|"
    r"[ÀA]\s+propos\s+de\s+l['’]auteure?|[ÜU]ber\s+(?:den|die)\s+Autor(?:in)?)\s*[:—–-]?\s+",
    re.IGNORECASE,
)
# A bio's first sentence: "NAME is a/an/the ROLE", with the outlet after "for", "at" or "with"
# ("Nick Pope is an energy reporter for the Daily Caller News Foundation."); later sentences
# ("He covered …") say more of the person, not whose story it is.
_BIO = on_first_use(
    r"^(?P<name>[^,.;:|()]{3,60}?)\s+is\s+(?:a|an|the)\s+(?P<role>[^.;|()]{2,80}?)"
    r"(?:\s+(?:for|at|with)\s+(?P<outlet>(?:the\s+)?[A-Z][^.;|()]{1,80}?))?\s*(?:\.(?:\s.*)?)?$",
)

# The words without which a text is no bio (`_BIO`, `_BIO_WORK`): a cheap test before either.
_BIO_WORDS = (" is ", " covers ", " writes ", " reports ")
# The same sentence told by the work: "NAME covers energy for OUTLET", "NAME writes for OUTLET",
# "NAME reports on energy for OUTLET".
_BIO_WORK = on_first_use(
    r"^(?P<name>[^,.;:|()]{3,60}?)\s+(?:covers|writes|reports)\b[^.;|()]{0,60}?\s(?:for|at|with)\s+"
    r"(?P<outlet>(?:the\s+)?[A-Z][^.;|()]{1,80}?)\s*(?:\.(?:\s.*)?)?$",
)

# A bio's sentence of any kind, its subject first: "SUBJECT is …", "SUBJECT covers …" (not "…
# is by NAME", which credits NAME).
_BIO_SENTENCE = on_first_use(r"^(?P<subject>[^,.;:|()]{1,80}?)\s+(?:is|covers|writes|reports)\s+(?!by\b)\S")


def _bio_as_byline(text: str, *, in_markup: bool) -> str:
    """An author bio read as the byline it amounts to, after an author box's heading
    (`_ABOUT_THE_AUTHOR`, which is left out in any case) or as the whole of byline markup's text
    (`in_markup`: an author box's): "NAME, ROLE, OUTLET" for "NAME is a ROLE for OUTLET." when the
    role names a job (`_ROLE_NOUNS`: "energy reporter", "associate professor"), and "NAME, OUTLET"
    for "NAME covers energy for OUTLET." (`_BIO_WORK`); `text` itself otherwise. A paragraph of
    the story that says who someone is ("Jane Doe is a lawyer for the city") is no byline, nor
    an author box whose sentence is about no person ("The Daily Caller News Foundation is an
    independent nonprofit …", "He covers energy …": `_about_no_one`), "" then."""
    labelled = _ABOUT_THE_AUTHOR().match(text)
    if labelled is None and not in_markup:
        return text
    # The heading is no part of the credit ("About the author: Nick Pope" names Nick Pope).
    text = text[labelled.end() :] if labelled else text
    if _about_no_one(text):
        return ""
    works = _BIO_WORK().match(text)
    if works is not None:
        return f"{works.group('name')}, {works.group('outlet')}"
    bio = _BIO().match(text)
    if bio is None or not any(word in _ROLE_NOUNS for word in bio.group("role").lower().split()):
        return text
    return ", ".join(part for part in (bio.group("name"), bio.group("role"), bio.group("outlet")) if part)


def _about_no_one(text: str) -> bool:
    """Whether a bio's sentence (`_BIO_SENTENCE`) has a subject that names no person: an outlet or
    a body ("The Daily Caller News Foundation is an independent nonprofit newswire …"), a pronoun
    ("He covers energy …"). A box of such words names no one, and is no byline."""
    told = _BIO_SENTENCE().match(text)
    if told is None:
        return False
    reading = _read_text(told.group("subject").strip(), require_prefix=False, outlets=frozenset())
    return reading is None or not reading.names


_CLOSING_BRACKET = {"(": ")", "[": "]"}


def _unbracketed(text: str) -> str:
    """`text` without the one pair of brackets around the whole of it, as a wire's credit line
    closes a story ("(Reporting by A; Editing by B)", "(By NAME)"); `text` itself when the first
    bracket closes before the end ("(AP) By NAME", "(L-R) A and B")."""
    close = _CLOSING_BRACKET.get(text[:1])
    if close is None or not text.endswith(close):
        return text
    depth = 0
    for position, char in enumerate(text):
        if char == text[0]:
            depth += 1
        elif char == close:
            depth -= 1
            if depth == 0 and position < len(text) - 1:
                return text
    return text[1:-1].strip()


# A person's pronouns beside the name, in brackets ("(she/her)", "(they/them)", "(he/him/his)",
# "(xe/xem)") or bare before a separator or the end ("Ana Ruiz she/her"): no part of the name nor
# of its credit.
_SUBJECT_PRONOUNS = "she|he|they|xe|ze|ey|fae"
_OTHER_PRONOUNS = "her|hers|him|his|them|theirs|they|she|he|xem|xyr|zir|hir|em|faer|it|its"
_PRONOUN_SET = rf"(?:{_SUBJECT_PRONOUNS})(?:\s*/\s*(?:{_OTHER_PRONOUNS}))+"
_PRONOUNS = on_first_use(rf"\s*[(\[]\s*{_PRONOUN_SET}\s*[)\]]|(?<=\S)\s+{_PRONOUN_SET}(?=\s*(?:[,;|·•]|$))", re.IGNORECASE)
# A follow or subscribe button's word after the name, as a profile card's text runs it on: glued
# ("Ana RuizFollow"), after a space or a dot ("Ana Ruiz · Follow"), at the end or before a separator.
_FOLLOW_BUTTON = on_first_use(r"(?:\s*[·•|]\s*|\s+|(?<=[a-zß-öø-ÿ]))(?:Follow|Following|Unfollow|Subscribe|Subscribed)(?=\s*(?:[·•|]|$))")


def _without_profile_extras(text: str) -> str:
    """`text` without a person's pronouns (`_PRONOUNS`) and a follow button's word (`_FOLLOW_BUTTON`)."""
    return _FOLLOW_BUTTON().sub("", _PRONOUNS().sub("", text)).strip()


# A dateline glued after a byline in one paragraph, as a copy of a wire story runs them together:
# words in capitals ending with the place, perhaps its region after a comma and the agency in
# brackets, a dash, and the story's first sentence ("… Associated Press WASHINGTON (AP) — House
# Republicans …", "By NAME, CalMatters SACRAMENTO — The board …").
_GLUED_DATELINE = on_first_use(
    rf"\s(?P<caps>[A-Z][A-Z.'’-]*(?:\s[A-Z][A-Z.'’-]*)*)(?:,\s[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?(?:\s?\([A-Z][\w .&-]{{0,40}}\))?\s?{DASH}\s(?=\S)"
)


def _without_glued_dateline(text: str) -> str:
    """`text` up to a dateline glued after its byline (`_GLUED_DATELINE`), when the place is one
    the gazetteer knows (`dateline_places`: "WASHINGTON", "SAN FRANCISCO", the longest run of the
    last words in capitals that is one) and a sentence of `_PROSE_MIN_WORDS` words or more follows
    the dash; `text` itself otherwise, so a name in capitals before a dash ("By ANA RUIZ —
    CalMatters") and a dateline line of its own ("WASHINGTON —") stay as they were."""
    if "(" not in text and not any(dash in text for dash in DASHES + "-"):
        return text
    for match in _GLUED_DATELINE().finditer(text):
        if len(text[match.end() :].split()) < _PROSE_MIN_WORDS:
            continue
        words = match.group("caps").split()
        for start in range(len(words)):
            place = " ".join(words[start:])
            if place in dateline_places(place):
                before = text[: match.end("caps") - len(place)].rstrip(" ,")
                return before if before else text
    return text


# Words a credit writes in lower case: its articles and prepositions, staff, role and organisation
# words, name particles ("the board's staff", "additional reporting from wire services").
_CREDIT_LOWER_WORDS = _FUNCTION_WORDS | _FILLER | _STAFF_WORDS | _ROLE_WORDS | _ORG_WORDS | _PARTICLES
# A sentence's length after the opener, and how many of its words are none of a credit's.
_PROSE_MIN_WORDS = 6
_PROSE_MIN_PLAIN_WORDS = 3


def _a_sentence_of_prose(text: str, reading: BylineReading) -> bool:
    """Whether a paragraph opening with "By" (or another opener) that names no one is a sentence
    of the story, not a credit: it ends as a sentence does, and after the opener runs to
    `_PROSE_MIN_WORDS` words or more, `_PROSE_MIN_PLAIN_WORDS` of them in lower case and none of a
    credit's words (`_CREDIT_LOWER_WORDS`): "By Tuesday afternoon the crews had contained the
    fire.", "Analysis by the state found the board had overcharged growers.", "Published by the
    Daily Caller News Foundation in 2019, the report found …" (read in full after the opener,
    not only as far as the credit the reader kept). "From staff and wire reports." and "By the
    Associated Press." are credits still. Pure."""
    if reading.names or not text.rstrip().endswith((".", "!", "?")):
        return False
    words = max(reading.credit, _open(text).rest, key=len).split()
    if len(words) < _PROSE_MIN_WORDS:
        return False
    plain = [word for word in words if word[:1].islower() and word.strip(".,;:!?'’\"“”").lower() not in _CREDIT_LOWER_WORDS]
    return len(plain) >= _PROSE_MIN_PLAIN_WORDS


# The bidirectional controls (Unicode's Bidi_Control: the embeddings, overrides and isolates and
# their pops, and the marks), which change the order a reader sees a byline's letters in.
_BIDI_CONTROL = on_first_use("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _as_displayed(text: str) -> str:
    """`text` as a reader sees it when it holds a bidirectional control: in display order when
    an override lays Latin letters out right to left, else without the controls (`compliance.bidi`,
    which the rules' bidi warning reads with too); `text` itself when it holds none."""
    if _BIDI_CONTROL().search(text) is None:
        return text
    from compliance.bidi import displayed, reversed_latin, without_controls

    return normalize_inline(displayed(text) if reversed_latin(text) else without_controls(text))


# Pictographs: emoji, dingbats, pictographic and other symbols (Unicode's category So, and the
# modifier symbols Sk, such as an emoji's skin tone), and an icon font's glyphs (the private use
# area, Co). None is a letter of a name or a word of a credit: they are stuck to a byline as a date
# or a handle is ("By Nick Pope 📰", "✍️ Nick Pope"). What rides on one goes with it: variation
# selectors (U+FE00-U+FE0F), the keycap's enclosing mark (U+20E3) and tag characters (a flag's).
# A symbol that is a letter's compatibility form (CIRCLED LATIN CAPITAL LETTER D, "Ⓓ") is a
# look-alike letter, seen through as the letter, and stays; so does U+FFFD REPLACEMENT CHARACTER,
# which stands for a letter a wrong decoding lost ("Jos\ufffd Garc\ufffda").
_PICTOGRAPH_CATEGORIES = frozenset({"So", "Sk", "Co"})
_RIDERS = on_first_use("[\ufe00-\ufe0f\u20e3\U000e0020-\U000e007f]+")


def _without_pictographs(text: str) -> str:
    """`text` without its pictographs (`_PICTOGRAPH_CATEGORIES`) and what rides on them; one
    standing apart between two words ("Nick Pope ◆ Daily Caller News Foundation") parts them as a
    "·" does. `text` itself when it has none."""
    from compliance.lookalike import compat_letter

    def pictograph(char: str) -> bool:
        return not char.isascii() and char != "\ufffd" and unicodedata.category(char) in _PICTOGRAPH_CATEGORIES and not compat_letter(char)

    if not any(pictograph(char) for char in text):
        return text
    words: list[str] = []
    parted = False
    for word in text.split():
        kept = "".join(" " if pictograph(char) else char for char in word).split()
        kept = [piece for piece in (_RIDERS().sub("", piece) for piece in kept) if piece]
        if not kept:
            parted = parted or bool(words)
            continue
        if parted:
            words.append("·")
            parted = False
        words.extend(kept)
    return " ".join(words)


# A lower-case letter before a capital in one word: a name's inner capital ("McDonald",
# "DeSantis"), a brand's ("ProPublica"), or a job title glued to the surname (`_unglued_titles`).
_LOWER_THEN_UPPER = re.compile(r"[a-zß-öø-ÿ][A-ZÀ-ÖØ-Þ]")
# A word that ends in a capitalised word: the head, and the word glued to it.
_GLUED_WORD = on_first_use(r"^(?P<head>[A-ZÀ-ÖØ-Þ](?:[^\W\d_]|['’-])*?[a-zß-öø-ÿ])(?P<glued>[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)(?P<end>[,;:]?)$")


def _unglued_titles(text: str) -> str:
    """`text` with a job title that text extraction glued to the surname parted from it: "Nick
    PopeContributor" → "Nick Pope Contributor", "Nick PopeEnergy Reporter" → "Nick Pope Energy
    Reporter", as DCNF's pages print "Jake Smith" over "Contributor". The glued word must open a
    job title (a role word, `_ROLE_WORDS`, and the role words after it, the last a role noun:
    "Contributor", "Energy Reporter", "Senior White House Correspondent"), and the words before
    must be a given name and a surname; a name's inner capital ("McDonald", "DeSantis",
    "MacKenzie", "LeBron", "DiCaprio") is never parted, nor a brand's ("ProPublica")."""
    words = text.split(" ")
    for index in range(1, len(words)):
        glued = _GLUED_WORD().match(words[index])
        if glued is None or not _is_name_token(words[index - 1]) or not _opens_a_title(glued.group("glued"), words[index + 1 :], glued.group("end")):
            continue
        head = glued.group("head")
        if head in _INNER_CAPITAL_PREFIXES or not _is_name_token(head):
            continue
        words[index] = f"{head} {glued.group('glued')}{glued.group('end')}"
    return " ".join(words)


def _opens_a_title(glued: str, after: list[str], end: str) -> bool:
    """Whether the glued word and the words after it (to the end of their part) are a job title:
    role words (`_ROLE_WORDS`), the last one a role noun."""
    title = [glued.lower()]
    if not end:
        for word in after:
            core = word.rstrip(",;:").lower()
            if core not in _ROLE_WORDS:
                break
            title.append(core)
            if core != word.lower():
                break  # a comma or semicolon ends the part
    while title and title[-1] not in _ROLE_NOUNS:
        title.pop()
    return bool(title) and all(word in _ROLE_WORDS for word in title)


# Where a look-alike can be: a Latin letter beside a letter past Latin Extended-B (U+024F), as in
# a mixed-script word ("Stаff"), two letters of the fullwidth or mathematical forms
# ("Ｓｔａｆｆ"), or a letterlike sign, Roman numeral, circled or squared letter ("Daiℓy", "Daiⅼy",
# "Ⓓaily"). A C scan; a byline wholly in Latin, Cyrillic or Chinese has none. The letter past
# Latin must have a case (Cyrillic, Greek, Armenian, Cherokee, the fullwidth forms: the scripts
# whose letters imitate Latin ones) or be a letter's compatibility form, so that a Chinese
# sentence naming "NASA" is not one.
_MAY_DISGUISE = on_first_use(
    r"[a-zA-Z\u00c0-\u024f][^\W\d_\x00-\u024f]|[^\W\d_\x00-\u024f][a-zA-Z\u00c0-\u024f]"
    r"|[\uff21-\uff3a\uff41-\uff5a\U0001d400-\U0001d7ff]{2}"
    r"|[\u2100-\u214f\u2160-\u217f\u24b6-\u24e9\U0001f130-\U0001f149]"
)
_LAST_LATIN = 0x24F
_CASED = frozenset({"Lu", "Ll", "Lt"})


def _seen_through(text: str) -> str:
    """`text` with the look-alike letters of its mixed-script words replaced by the Latin letters
    they imitate, one letter for one (`lookalike.unmask`), so that offsets in it are offsets in
    `text`; `text` itself when it has none. The tables are read only for a byline where
    `_MAY_DISGUISE` finds a place for one."""
    places = _MAY_DISGUISE().findall(text)
    if not places:
        return text
    from compliance.lookalike import compat_letter, unmask

    if not any(ord(char) > _LAST_LATIN and (unicodedata.category(char) in _CASED or compat_letter(char)) for place in places for char in place):
        return text
    return unmask(text)


def _as_written(names: tuple[str, ...], seen: str, text: str) -> tuple[str, ...]:
    """Each name read from `seen` (`_seen_through(text)`) as `text` writes it, at the same offset."""
    written = []
    start = 0
    for name in names:
        at = seen.find(name, start)
        if at < 0:
            at = seen.find(name)
        written.append(text[at : at + len(name)] if at >= 0 else name)
        start = at + len(name) if at >= 0 else start
    return tuple(written)


def _read_text(text: str, *, require_prefix: bool, outlets: Set[str]) -> BylineReading | None:
    """`read_byline` of a normalised text whose look-alike letters are seen through."""
    opened = _open(text)
    if not opened.had_prefix and len(text) > _MAX_LENGTH:
        return None
    reading = _read_opened(opened, require_prefix=require_prefix, outlets=outlets)
    if opened.particle_opener and (reading is None or not reading.names):
        # "Von Miller" is a name, not "by Miller"; but "Von der Redaktion" is the newsroom's
        # credit, which no reading without the opener makes a byline of.
        whole = _read_opened(_Opened(text, False, False), require_prefix=require_prefix, outlets=outlets)
        reading = whole if whole is not None or reading is None or reading.problem != "staff" else reading
    if (reading is None or not reading.names) and text[:1] in _LEAD_IN_INITIALS:
        reading = _bare_lead_in(text, outlets) or reading
    if len(text) > _MAX_LENGTH and (reading is None or not reading.names):
        return None  # a long line is a byline only when it names someone
    return reading


def _bare_lead_in(text: str, outlets: Set[str]) -> BylineReading | None:
    """ "Via Daily Caller News Foundation: Jane Doe", "From CalMatters — Ana Ruiz, Reporter": a
    lead-in naming the outlet (`_BARE_LEAD_IN`), then the people without an opener, read as if
    "By" stood between, with the outlet in the credit; None unless what follows the lead-in is
    names, and a credit that reads as one (an outlet, a job title), not a clause of prose ("From
    Reuters: Jane Doe said the bank …")."""
    lead = _lead_in(text, _BARE_LEAD_IN)
    if lead is None or _holds_function_word(lead[1]):
        return None
    reading = _read_opened(_Opened(lead[1], True, False, lead[0]), require_prefix=False, outlets=outlets)
    if reading is None or not reading.names or not _looks_like_credit(reading.credit):
        return None
    return reading


def _read_opened(opened: _Opened, *, require_prefix: bool, outlets: Set[str]) -> BylineReading | None:
    reading = _read_after_opener(opened, require_prefix=require_prefix, outlets=outlets)
    if reading is None or not opened.lead_in:
        return reading
    # The outlet of a lead-in ("From The Conversation. By Ana Ruiz") is the byline's affiliation:
    # part of its credit, not any one person's institution.
    credit = ", ".join(part for part in (reading.credit, opened.lead_in) if part)
    quoted = ", ".join(part for part in (reading.quoted_credit, opened.lead_in) if part)
    return BylineReading(reading.names, credit, reading.problem, quoted, reading.affiliations)


def _sentence_end_or_title(match: re.Match[str]) -> str:
    """ ", " for a full stop that ends a sentence; the stop kept after a title's abbreviation
    from `nameparser`'s vocabulary ("Prof. Ana Ruiz", "Rev. Ana Ruiz", "Capt. Ana Ruiz"), which
    `_SENTENCE_END` cannot list in full."""
    before = match.string[: match.start()].rsplit(None, 1)
    word = before[-1].lower() if before else ""
    return match.group(0) if word in name_vocabulary()[1] else ", "


def _read_after_opener(opened: _Opened, *, require_prefix: bool, outlets: Set[str]) -> BylineReading | None:
    had_prefix = opened.had_prefix
    # "By , Fort Worth Report": a CMS template whose name slot is empty, followed by the outlet.
    name_slot_empty = had_prefix and opened.rest[:1] in (",", "|", ";")
    rest = _role_conjunction().sub(" and ", opened.rest) if _LATER_BY().search(opened.rest) else opened.rest
    stripped = _drop_page_data(_without_topics(_brackets_to_segments(rest)))
    if ". " in stripped:
        stripped = _SENTENCE_ENDS().sub(_sentence_end_or_title, stripped)
    if _is_empty(stripped) or name_slot_empty:
        return _empty_reading(rest, stripped, had_prefix=had_prefix, require_prefix=require_prefix)

    if _CLOSING_JOINER().search(stripped):
        stripped = _outlet_closing_the_people(stripped, outlets)
    # A short form the byline's Chinese, Japanese or Korean parts read as an institution ("서울대")
    # is no person, as an outlet is none.
    names, credit, quoted_credit = _people_and_credit(stripped, outlets | opened.institutions if opened.institutions else outlets)
    if opened.after_sentence and not (names and (not credit or _looks_like_credit(credit))):
        return None  # prose after a sentence ("… last year. By Friday Smith had left")

    if names:
        if require_prefix and not had_prefix and not _stands_without_opener(stripped, credit):
            # A bare "Jane Doe" paragraph, "Maria Lopez, a nurse in Fresno, said ...", or a
            # Title-Case headline ("Senators Spar with Treasury Over Tariff Refunds", "Regulators
            # Push for Faster Review") is not a byline: without an opener, the part before the
            # first separator must be names (and a job title) only.
            return None
        institutions = _with_own_brackets(rest, tuple(names), institutions_of(stripped, tuple(names), outlets), outlets)
        return BylineReading(tuple(names), credit, None, quoted_credit, institutions)
    if require_prefix and not had_prefix:
        return None
    return _nameless_reading(opened, stripped, credit, outlets)


# The word that closes a list of people ("and", "&", in the languages the reader knows, as
# `_LIST_AND` has them), or English "with", which `_FOR_OF` reads before an outlet ("Ana Ruiz with
# CalMatters"; another language's "avec AFP" credits a contribution, `_with_as_and`), as a word of
# its own in a byline's part (not the "&" of "Texas A&M"); also where it opens a comma's part
# ("…, and ProPublica").
_CLOSING_JOINER = on_first_use(rf"(?<!\S)(?:{_AND_WORDS}|{_SHORT_AND_WORDS}|with|&)(?!\S)", re.IGNORECASE)


def _outlet_closing_the_people(stripped: str, outlets: Set[str]) -> str:
    """`stripped` with an outlet that closes its list of people written as the list's credit, as a
    comma parts it: "Maria Lopez, Daniel Okafor and ProPublica" reads as "Maria Lopez, Daniel
    Okafor, ProPublica", "Ana Ruiz & KFF Health News" as "Ana Ruiz, KFF Health News", "A, B, and
    ProPublica staff" as "A, B, ProPublica staff", "A with The Texas Tribune" as "A, The Texas
    Tribune". A CMS that keeps the publisher as a guest author (Co-Authors Plus, Newspack) prints
    it last among the names, and a reader takes it for the people's outlet, not for one more
    person nor as hiding the last one in "Daniel Okafor and ProPublica". Only when every part before
    the joiner is people's names (`_names_in`) and what follows it, to the end of its part, is an
    outlet (`_is_closing_outlet`); `stripped` itself otherwise."""
    position = 0
    for part in _SEGMENT_SPLIT.split(stripped):
        start = stripped.index(part, position)
        position = start + len(part)
        joiners = list(_CLOSING_JOINER().finditer(part))
        closing = next((found for found in reversed(joiners) if _is_closing_outlet(part[found.end() :], outlets)), None)
        if closing is None:
            if _names_in(part, outlets, after_name=start > 0) is None:
                return stripped  # a part that is not people: no list of people for an outlet to close
            continue
        head = part[: closing.start()].strip()
        if head and _names_in(head, outlets, after_name=start > 0) is None:
            return stripped
        if not head and start == 0:
            return stripped  # "And ProPublica": no person before it
        joined = ", " if head else ""
        return stripped[: start + closing.start()] + joined + stripped[start + closing.end() :]
    return stripped


def _is_closing_outlet(text: str, outlets: Set[str]) -> bool:
    """Whether the words after a list's last joiner name an outlet or a body, with its staff or
    not ("ProPublica", "KFF Health News", "the Texas Tribune", "ProPublica staff", "The Associated
    Press", "Lakeside Voice", "Ohio State University"): one of the loaded packs' outlets
    (`outlets`); one word written as a brand or as initials ("ProPublica", "NPR"), outside a
    byline written in capitals, where every word is; or a proper noun's phrase that names no
    person and whose words are a news outlet's (`is_news_outlet_phrase`, an outlet's last word,
    `_OUTLET_ENDINGS`) or an organisation's (`is_organisation_phrase`). A person's name that ends
    as an outlet's does ("Tom Daily", "Ann Post") is a person's, and so is one with an outlet of
    their own ("Tomás Ferreira for KFF Health News", "Ben Cole Inside Climate News")."""
    words = text.split()
    while words and words[-1].lower().strip(".") in _STAFF_WORDS:
        words = words[:-1]
    name = " ".join(words)
    if not name or not _is_proper_noun_phrase(name.removeprefix("the ")):
        return False
    if _is_outlet(name, outlets):
        return True
    if len(words) == 1:
        # One word is no person's full name; it is an outlet's written as a brand is, as a reader
        # of a byline without the loaded packs (a `reporter` value) takes it too, and a pen name's
        # otherwise ("Banksy").
        return not name.isupper() and (_is_brand(name) or _is_outlet_initials(name))
    if _opens_with_a_person(name, outlets):
        return False
    last = words[-1].casefold().strip(".,")
    return is_news_outlet_phrase(name) or last in _OUTLET_ENDINGS or is_organisation_phrase(name)


def _opens_with_a_person(name: str, outlets: Set[str]) -> bool:
    """Whether words that follow a list's joiner open with a person's name: the whole of them, or
    a name with an outlet of its own after "for", "of", "with" ("Tomás Ferreira for KFF Health
    News") or after the name alone ("Ben Cole Inside Climate News", `_split_name_and_role`)."""
    head = _for_of_in(name).split(name, maxsplit=1)[0]
    return person_name(head, outlets) is not None or _split_name_and_role(name, outlets) is not None


def _nameless_reading(opened: _Opened, stripped: str, credit: str, outlets: Set[str]) -> BylineReading | None:
    """The reading of a byline in which no name was found: a pen name before an outlet, else what
    it credits instead (`_read_without_names`); None for a button's words in byline markup
    without an opener ("Follow", "Listen", "Share" on the author's link), which are no byline."""
    had_prefix = opened.had_prefix
    if not had_prefix and _is_widget_text(stripped):
        return None
    pen_name = _pen_name_then_outlet(stripped, outlets) if had_prefix else None
    if pen_name is not None:
        return pen_name
    unread = not had_prefix and _UNREAD_OPENER().search(opened.rest) is not None
    return _read_without_names(stripped, credit, had_prefix=had_prefix, outlets=outlets, unread=unread, unnamed=bool(not_a_word(opened.rest)))


# The words of a button or link beside an author's name on a blogging platform ("Follow",
# "Subscribe", "Listen", "Share", "See all stories", "View profile"): in byline markup without an
# opener, a text of these alone names nobody and is no byline, not an outlet's credit.
_WIDGET_WORDS = (
    _FURNITURE_WORDS
    | _FURNITURE_SURNAMES
    | frozenset(
        """follow following followers unfollow listen watch save saved print read more view profile see all posts
        articles stories about clap claps responses respond reply copy link""".split()
    )
)


def _is_widget_text(stripped: str) -> bool:
    """Whether a text is only the words of a button or link (`_WIDGET_WORDS`) and filler."""
    words = [w.lower() for w in re.split(rf"[\s,.;:|•·!?{DASH_CLASS}]+", stripped) if w]
    return bool(words) and all(w in _WIDGET_WORDS or w in _FILLER for w in words) and any(w in _WIDGET_WORDS for w in words)


# Words a one-word pen name is not: a newsroom's, a desk's, a section's, a label's or an outlet's.
_NO_PEN_NAME_WORDS = _STAFF_WORDS | _PLACEHOLDER_WORDS | _FURNITURE_WORDS | _SECTION_WORDS | _LABEL_OPENING_WORDS | _OUTLET_ENDINGS | _FILLER


def may_be_pen_name(word: str, outlets: Set[str] = frozenset()) -> bool:
    """Whether one word alone may be a person's pen name ("Ziggy", "Banksy"): a capitalised word
    that is no outlet's initials ("AP"), brand capitals ("ProPublica"), organisation word
    ("Reuters", "AFP"), a pack's outlet (`outlets`, lower case), nor the word of a newsroom, a
    desk, a section or a label ("Staff", "Sponsored"). Words that pass may still be outlets
    ("Axios"): only the page can tell (see `bylines`)."""
    word = word.strip()
    if not word or " " in word or not _is_name_token(word) or word.isupper() or _is_brand(word):
        return False
    return word.lower() not in _NO_PEN_NAME_WORDS and not _is_outlet(word, outlets)


def is_organisation_word(word: str, outlets: Set[str] = frozenset()) -> bool:
    """Whether one word names an organisation or a newsroom, not anyone: an organisation's word
    ("Reuters", "AFP", "AP"), a newsroom's, a desk's or a label's ("Staff", "Admin"), or a pack's
    outlet (`outlets`, lower case). Such a word is no pen name whatever types it a person."""
    core = word.strip(".,'’\"")
    lowered = core.lower()
    return lowered in _ORG_WORDS or lowered in _NO_PEN_NAME_WORDS or _is_outlet(core, outlets)


_PEN_NAME_FOR = on_first_use(r"\s+for\s+(?=(?:the\s+)?[A-Z\"'])")


def _pen_name_then_outlet(stripped: str, outlets: Set[str]) -> BylineReading | None:
    """The reading of a byline after its opener that is one word and then an outlet ("Banksy, The
    Conversation", "Ziggy | The Texas Tribune", "Banksy for The Conversation"): the word is the
    pen name of who wrote the piece, since an outlet is not credited after another. None when
    the word may be an outlet's or a desk's (initials, a brand's capitals, a pack's outlet, the
    words of newsrooms, sections and labels) or the rest is no outlet (`affiliation_line`); a
    word alone ("By Reuters") says nothing of whom it names, and stays an outlet."""
    first, *rest = _SEGMENT_SPLIT.split(stripped)
    # "for" only: before "of", "at" or "in" one word is a role or a group ("Head of Partnerships",
    # "Members of the Senate Finance Committee").
    head, *for_credit = _PEN_NAME_FOR().split(first, maxsplit=1)
    word = head.strip()
    parts = [part.strip(" .") for part in [*for_credit, *rest] if part.strip(" .")]
    if not parts or not may_be_pen_name(word, outlets):
        return None
    if for_credit and not _is_outlet_after_for(for_credit[0].strip(" ."), outlets):
        return None  # "Habitat for Humanity International", "Teach for America": one body's name
    credit = ", ".join(parts)
    if affiliation_line(credit, outlets) is None:
        return None
    return BylineReading((word,), credit, None, credit, institutions_of(f"{word}, {credit}", (word,), outlets))


def _is_outlet_after_for(credit: str, outlets: Set[str]) -> bool:
    """Whether the words after "for" in "WORD for …" name the outlet a pen name wrote for, not the
    rest of a body's name ("Habitat for Humanity International", "Teach for America",
    "Physicians for Human Rights"): an outlet with "The" ("for The Conversation"), one ending with
    a newspaper's word ("for Grist Magazine"), or one by its shape alone (initials, brand capitals,
    a wire's word, a pack's outlet: "for NPR", "for ProPublica", "for Reuters")."""
    words = credit.split()
    if not words:
        return False
    last = words[-1].lower().strip(".,")
    if words[0].lower() == "the" or last in _OUTLET_ENDINGS or _is_outlet(credit, outlets):
        return True
    return len(words) == 1 and (_is_outlet_initials(words[0]) or _is_brand(words[0]) or last in _ORG_WORDS)


def _read_without_names(stripped: str, credit: str, *, had_prefix: bool, outlets: Set[str], unread: bool = False, unnamed: bool = False) -> BylineReading:
    """A byline whose parts name no one by the usual reading: an outlet and a title before the
    name, lower-case names after "by", or else a byline naming staff, a placeholder, a role or an
    outlet (`BylineReading.problem`); `unread`: the line has "By NAME" after words the reader
    could not part from it (problem "unread"); `unnamed`: the line has a part that is no word
    (`not_a_word`), and what is left names no staff, placeholder or role (problem "unnamed")."""
    titled = _outlet_title_then_name(stripped, outlets) or _outlet_then_names(stripped, outlets)
    if titled is not None:
        return titled
    if had_prefix:
        lower_case = _lower_case_names(stripped, outlets)
        if lower_case is not None:
            return BylineReading(lower_case[0], lower_case[1], None, lower_case[1])
    lowered = {w.lower().strip(".,") for w in stripped.split()}
    problem = (
        "unread"
        if unread
        else "staff"
        if lowered & _STAFF_WORDS
        else "placeholder"
        if lowered & (_PLACEHOLDER_WORDS | _FURNITURE_WORDS | _FURNITURE_SURNAMES)
        else "role"
        if _is_role_only(_SEGMENT_SPLIT.split(stripped)[0])
        else "unnamed"
        if unnamed or not_a_word(stripped) or reads_backwards(stripped)
        else "outlet"
    )
    return BylineReading((), credit or stripped, problem, credit or stripped)


# What no word of a name or of an outlet's name holds: the brackets and signs of markup and of
# terminal escape sequences ("<img", "[31m", "]8;;x"), of a mangled encoding ("+AE4-ick"), and
# control characters. (Brackets around an outlet, "NAME (Reuters)", are read off before.)
_NOT_IN_WORDS = frozenset("[]<>{}=+\\^_#$%~|;@`")


def not_a_word(text: str) -> str:
    """The first part of `text` that is no word of a name or an outlet's name (`_NOT_IN_WORDS`, or
    a control character), or "". A byline of words that names no one names an outlet ("By The
    Daily Caller"); one with such a part names no one at all, and says why ("By Nick Pope ]8;;x":
    "]8;;x")."""
    for word in text.split():
        if any(char in _NOT_IN_WORDS or unicodedata.category(char).startswith("C") for char in word.strip(_WORD_EDGES)):
            return word
    return ""


# What parts the pieces of one word: a hyphen or an apostrophe ("senoJ-htimS", "lieN'O").
_WORD_PIECES = on_first_use(r"[-‐‑'’]")


def _reads_backwards(word: str) -> bool:
    """Whether a word reads as a word of a name written backwards, as a right-to-left override or
    a copy-paste of one shows it ("htimS", "ekaJ", "dlanoDcM", "lieN'O"): one of its pieces (see
    `_WORD_PIECES`) is letters only, three or more, opening in lower case and ending with one
    capital after a lower-case letter, with no more capitals than lower-case letters. A name's
    word opens with its capital, holds it inside ("McDonald", "deGrasse", "al-Rashid", "van der
    Berg") or has none ("bell hooks"), and never ends with one; a word ending in initials or
    capitals ("iOS", "macOS", "mRNA") and a unit ("kW", "pH") are not so read."""
    for piece in _WORD_PIECES().split(word.strip(_WORD_EDGES + ".\"'“”()")):
        if len(piece) >= 3 and piece.isalpha() and piece[0].islower() and piece[-2].islower() and piece[-1].isupper():
            capitals = sum(1 for char in piece if char.isupper())
            if capitals * 2 <= len(piece):
                return True
    return False


def reads_backwards(text: str) -> str:
    """The first run of words of `text` that read as a name's words written backwards
    (`_reads_backwards`: "By htimS ekaJ, Daily Caller News Foundation" gives "htimS ekaJ"), or
    "". Such words name no one: a reader sees letters in the reverse of a name's order, and a
    byline of them credits no reporter. Pure."""
    words = text.split()
    for start, word in enumerate(words):
        if _reads_backwards(word):
            end = start + 1
            while end < len(words) and _reads_backwards(words[end]):
                end += 1
            return " ".join(words[start:end]).strip(_WORD_EDGES)
    return ""


# A byline's opener ("By", "by:"), left out before its rest is judged.
_OPENER_AT_START = on_first_use(r"(?i)^\W*by\b:?")
# A CI system's workflow command ("::warning file=x::", "::add-mask::"): no byline holds one.
_WORKFLOW_COMMAND = on_first_use(r"::[A-Za-z][\w-]*(?:[ \t][^:\n]*)?::")
# What holds no letter of a name: an address ("https://…", "www.…") and a URL's percent-escape ("%20").
_ADDRESS_OR_ESCAPE = on_first_use(r"(?i)\b[a-z][a-z0-9+.-]*://\S*|\bwww\.\S*|%[0-9a-f]{2}")
# What an emptied byline's name slot leaves beside its opener ("By ,", "By |", "By –").
_SLOT_LEFTOVERS = frozenset(f",;:|•·{DASH_CLASS.replace(chr(92), '')}")


# A person's initials written alone, each letter with its full stop ("J. S.", "J.S", "J. R. S."):
# without the stops ("JS", "AP", "NPR") initials are an outlet's as likely as a person's.
_INITIALS_ALONE = re.compile(r"(?:[^\W\d_]\.\s*){1,3}[^\W\d_]\.?")


def initials_alone(credit: str) -> str | None:
    """The person's initials a byline's credit gives where a name belongs ("J. S." in "J. S., Daily
    Caller News Foundation", the credit of "By J. S., Daily Caller News Foundation"): its first
    part (up to a comma, a bar or a dash) when that is two to four letters, each with its full
    stop (the last one's may be dropped); None for anything else ("JS", "AP", "J. Smith"). Pure."""
    first = _SEGMENT_SPLIT.split(credit.strip(), maxsplit=1)[0].strip()
    return first if _INITIALS_ALONE.fullmatch(first) else None


def holds_no_name(text: str) -> bool:
    """Whether a byline (its opener left out) is made of what no person's name is made of, and is
    not merely empty: a workflow command look-alike anywhere in it ("By ::warning::x"), or, once
    addresses, percent-escapes, digits and punctuation are left out, no letter at all ("By
    100%25", "By 2024", "By ----!!!", "By https://example.com/authors/x"). An emptied name slot
    ("By ,", "By |") is no such text: that byline is empty. Pure."""
    rest = _OPENER_AT_START().sub("", text, count=1)
    if _WORKFLOW_COMMAND().search(rest):
        return True
    if not any(not char.isspace() and char not in _SLOT_LEFTOVERS for char in rest):
        return False
    return not any(char.isalpha() for char in _ADDRESS_OR_ESCAPE().sub("", rest))


# What parts a byline's words rather than belonging to one: "Jane Doe; Staff", "Reuters |".
_WORD_EDGES = _SEPARATOR_EDGES + ",;"


# "By" and a capital after other words, where the reader found no opener: "Politics + By NAME"
# in byline markup names someone after words it cannot part from the name (`problem` "unread").
_UNREAD_OPENER = on_first_use(r"(?<=\S)\s+(?:By|BY):?\s+[A-ZÀ-Þ]")


def names_after_unread_by(text: str, outlets: Set[str] = frozenset()) -> tuple[str, ...]:
    """The people a line names after a "By" in its middle that opens no byline, because nothing
    the reader knows parts it from the words before ("World By Jake Smith", "Politics + By Jake
    Smith"): read as the byline "By …" would be; () when there is no such "By", when it names
    nobody, or when the line reads as a byline. For the note of a "no visible byline" detail."""
    match = _UNREAD_OPENER().search(text)
    if match is None or read_byline(text, require_prefix=True, outlets=outlets) is not None:
        return ()
    reading = read_byline("By " + text[match.end() - 1 :], require_prefix=True, outlets=outlets)
    return reading.names if reading is not None else ()


# The words that tie a job title to its outlet ("Reporter for MailOnline"): no name starts with one.
_TITLE_TO_OUTLET = frozenset({"for", "of", "at", "with", "via"})


def _outlet_title_then_name(stripped: str, outlets: Set[str]) -> BylineReading | None:
    """ "Daily Caller News Foundation Reporter Jake Smith", "DCNF reporter Jake Smith", "KFF Health
    News Correspondent Jane Doe": an outlet and a job title before the name, as a wire credit
    prints them. The person is the name at the end; the outlet and the title are the credit. The
    words before the title must name an outlet (a pack's outlet, its initials or brand capitals,
    or outlet words), so that a title alone ("Senior Reporter Jake Smith") or an outlet alone
    ("Daily Caller News Foundation") is read as before. None when the first part is not so."""
    first, *rest = _SEGMENT_SPLIT.split(stripped)
    tokens = _tokens(first)
    for size in range(2, min(5, len(tokens) - 2) + 1):
        head, tail = tokens[:-size], tokens[-size:]
        if tail[0].lower() in _TITLE_TO_OUTLET:
            continue  # "DAILY MAIL REPORTER FOR MAILONLINE": the title's outlet, not a name
        name = person_name(" ".join(tail), outlets)
        if name is None or head[-1].lower().strip(".,") not in _ROLE_NOUNS:
            continue
        outlet = list(head)
        while outlet and outlet[-1].lower().strip(".,") in _ROLE_WORDS - _ORG_WORDS:
            outlet.pop()
        if not outlet or not _names_an_outlet(outlet, outlets):
            return None
        credit = ", ".join([" ".join(head), *(part for part in rest if part)])
        return BylineReading((name,), credit, None, credit)
    return None


def _outlet_then_names(stripped: str, outlets: Set[str]) -> BylineReading | None:
    """ "Daily Caller News Foundation — Jake Smith", "ProPublica | Hollis Brandt", "ProPublica:
    Hollis Brandt": the outlet first, parted from the people by a separator or a colon, read as
    "By NAME, OUTLET" (the outlet is the credit). A section's label first ("Politics — Jake
    Smith", "Politics: Jake Smith") is neither an author nor an affiliation: the people are
    credited without it. None when the first part is neither (an outlet's name is a pack's
    outlet, or capitalised words with an outlet's initials, brand capitals or outlet words), when
    what follows names nobody ("ProPublica — Staff"), or, after a colon, is a headline
    ("ProPublica: How We Did It", `_reads_as_a_title`)."""
    colon = _OUTLET_COLON().match(stripped) if ": " in stripped else None
    if colon is not None:
        first, after = colon.group("first"), colon.group("after")
    else:
        parted = _SEGMENT_SPLIT.search(stripped)
        if parted is None or parted.start() == 0:
            return None
        first, after = stripped[: parted.start()], stripped[parted.end() :]
    words = first.split()
    section = is_section_label(first) or _is_section_label(words)
    if not section and not _names_an_outlet(words, outlets):
        return None
    names, credit, quoted = _names_and_credit(after, outlets)
    if not names or (colon is not None and _reads_as_a_title(names)):
        return None
    if not section:
        credit, quoted = ", ".join(part for part in (credit, first) if part), ", ".join(part for part in (quoted, first) if part)
    return BylineReading(tuple(names), credit, None, quoted, institutions_of(after, tuple(names), outlets))


# "ProPublica: Hollis Brandt": a colon after the outlet's name (or a section's) parts it from the
# people as a dash does; only the first colon, before any other separator, and one a space follows
# (not a time's "10:30"). "Photo: Jane Doe" is a photo credit: "Photo" is neither, and is read as before.
_OUTLET_COLON = on_first_use(r"^(?P<first>[^:|•·,;/]{2,80}?)\s*:\s+(?P<after>\S.*)$")
# Words no person's name holds and a headline after a colon does ("ProPublica: How We Found the
# Welds", "ProPublica: Inside The Fight"), in any case: after a colon a headline's words are
# capitalised as a name's are.
_HEADLINE_WORDS = _FUNCTION_WORDS | frozenset(
    "we our us you your it its they their i my how what why who when where which this that these those inside is are was".split()
)


def _reads_as_a_title(names: list[str]) -> bool:
    """Whether a name read after a colon holds a word of a headline (`_HEADLINE_WORDS`)."""
    return any(word.lower() in _HEADLINE_WORDS for name in names for word in name.split())


def _names_an_outlet(words: list[str], outlets: Set[str]) -> bool:
    """Whether the words are an outlet's name: a pack's outlet, or capitalised words with an
    outlet's initials, brand capitals or outlet words ("KFF Health News", "ProPublica")."""
    if _is_outlet(" ".join(words), outlets):
        return True
    if not all(word[:1].isupper() or word.lower() in _FILLER for word in words):
        return False
    return any(_is_outlet_initials(word) or _is_brand(word) or word.lower().strip(".,") in _ORG_WORDS for word in words)


def _is_role_only(segment: str) -> bool:
    """ "Editor", "Guest Contributor", "Senior Political Correspondent": a job title and nothing
    else, where a byline should name the person holding it."""
    words = [w.lower().strip(".,'’") for w in segment.split()]
    if not words or words[-1] not in _ROLE_NOUNS:
        return _is_head_of(segment)
    return all(w in _ROLE_WORDS or w in _FILLER for w in words) or _is_title_head(segment.split()[:-1])


# "Head of Partnerships", "Director of Audience": a title that names its office after "of", where
# a byline should name the person holding it (`_is_role_only`).
_HEAD_OF = on_first_use(r"^(?:head|director|chief|editor|manager|vice\s+president|president)\s+of\s+[A-Z]", re.IGNORECASE)


def _is_head_of(segment: str) -> bool:
    """ "Head of Partnerships", "Director of Audience": a job title and its office."""
    return " of " in segment.lower() and bool(_HEAD_OF().match(segment.strip()))


# The words that head a job title naming its office, field or subject after "of", "in" or "for":
# the role nouns ("Director of Research", "Lecturer in Law", "PhD Candidate in Marine Biology")
# and the heads that make a title only so ("Head of Coastal Partnerships", "Reader in Sociology",
# "Lead for Climate Policy"). Without the word after them they are none ("Head Start Association").
_OFFICE_HEADS = _ROLE_NOUNS | frozenset(
    {"head", "lead", "leader", "reader", "tutor", "provost", "rector", "chancellor", "vice-chancellor", "convenor", "convener", "principal"}
)
_OFFICE_WORDS = frozenset({"of", "in", "for"})
# Words that may stand before a title's head ("Deputy Head of X", "Regius Professor of Greek",
# "Programme Lead for X", "PhD Candidate in X"), besides the role words and the degrees.
_HEAD_MODIFIERS = frozenset(
    """acting interim joint co honorary adjunct distinguished founding inaugural regius emerita vice principal research
    teaching clinical programme program team course group project""".split()
)


def _is_office_title(segment: str) -> bool:
    """ "Head of Partnerships", "Deputy Head of Audience", "Lecturer in Law", "PhD candidate in
    Ecology", "Lead for Climate Policy": a job title and its office or field, in any case. The
    words before its head must be a title's ("Senior", "Acting", "PhD"), so that a name before
    the head ("Jane Smith Head of X") makes no title of the segment; "Head Start Association",
    "University of Leeds" and "Institute of Development Studies" have no head with "of" after it."""
    words = [word.lower().strip(".,'’\"()[]") for word in segment.split()]
    for position, word in enumerate(words[:-2]):
        if word in _OFFICE_HEADS and words[position + 1] in _OFFICE_WORDS:
            return all(before in _ROLE_WORDS or before in _HEAD_MODIFIERS or before in _DEGREE_WORDS for before in words[:position])
    return False


def _lower_case_names(stripped: str, outlets: Set[str]) -> tuple[tuple[str, ...], str] | None:
    """ "maria lopez, daily caller news foundation" → (("maria lopez",), "daily caller news
    foundation"): a byline written in lower case (or all capitals), whose names cannot be told
    by their capitals, read as NAME[ and NAME], OUTLET when the rest is one of the loaded packs'
    outlets (any case) and each NAME, written with capitals, has a name's shape. None otherwise."""
    if not outlets:
        return None
    head, *rest = _SEGMENT_SPLIT.split(stripped, maxsplit=1)
    if not rest or not _is_outlet(rest[0].strip(" ."), outlets) or head.istitle() or any(ch.isdigit() for ch in head) or _is_head_of(head):
        return None
    if reads_backwards(head):
        return None  # "htimS ekaJ": capitals at the words' ends are a name written backwards
    names = tuple(part.strip() for part in _AND.split(head) if part and part.strip())
    for name in names:
        if _is_role_only(name) or {w.lower() for w in name.split()} & _STAFF_WORDS:
            return None
        if person_name(" ".join(word.capitalize() for word in name.split()), outlets) is None:
            return None
    return (names, rest[0].strip(" .")) if names else None


def _stands_without_opener(stripped: str, credit: str) -> bool:
    """Whether "Name, Credit" without an opener is a byline: the names' part holds no preposition
    or article (`_holds_function_word`), and the credit looks like an outlet or a role."""
    return bool(credit) and _looks_like_credit(credit) and not _holds_function_word(stripped)


def _holds_function_word(stripped: str) -> bool:
    """Whether the byline's first part (up to the first separator) holds a lower-case preposition
    or article: "Lawmakers Push for Review of Grid Rules", "Jane Doe of The Texas Tribune". A
    person's name never does, so without an opener such a line is no byline, whatever words
    follow; with "By" it is ("By Jane Doe for The Texas Tribune")."""
    first = _SEGMENT_SPLIT.split(stripped, maxsplit=1)[0]
    return any(word in _FUNCTION_WORDS for word in first.split())


def _only_page_data(rest: str, stripped: str) -> bool:
    """Whether a text without an opener held words or numbers, and every one of them was page data
    that `_drop_page_data` cut ("Oct 15, 2025", "4 min read", "10:32 AM", "12 comments"), so that
    `stripped`, what is left, is empty or filler. A text of separators and filler alone (",",
    "on") held nothing: an empty byline slot, not page data."""
    return _is_empty(stripped) and not _is_empty(rest) and bool(_PAGE_DATA.search(rest))


def _empty_reading(rest: str, stripped: str, *, had_prefix: bool, require_prefix: bool) -> BylineReading | None:
    """A byline that names nobody and no outlet ("By ,"), or None for a plain paragraph, and for
    byline markup without an opener that holds only page data (`_only_page_data`: Medium's date
    permalink under the author's path, "Oct 15, 2025 · 4 min read"), which is no byline and not an
    emptied one: an emptied byline keeps its opener ("By ,", "By on"). `rest`: the text after the
    opener; `stripped`: what is left of it without its page data."""
    if not had_prefix and _only_page_data(rest, stripped):
        return None
    if had_prefix or not require_prefix:
        credit = "" if _is_empty(stripped) else stripped
        return BylineReading((), credit, "empty", credit)
    return None


# English articles: "with the Associated Press" names an outlet, "with reporting from" a contribution.
_ARTICLES = frozenset({"the", "a", "an"})
# "with" between two names in a byline's first part, in any case and in the languages whose
# "with" the reader knows (`_WITH_WORDS`): "By Ana Ruiz with Ben Cole", "di Marco Rossi con Giulia
# Bianchi"; and the "and" between the names after it ("with Ben Cole and Carla Diaz").
_WITH_BETWEEN = on_first_use(rf"\s+({_WITH_WORDS})\s+", re.IGNORECASE)
_AND_BETWEEN = on_first_use(r"\s+(?:and|&)\s+", re.IGNORECASE)


def _with_as_and(stripped: str, outlets: Set[str]) -> str:
    """`stripped` with the "with" of its first part read as "and" when a person's name stands
    before it and only people's names after it in that part ("Ana Ruiz with Ben Cole", "ANA RUIZ
    WITH BEN COLE, CalMatters", "Ana Ruiz with Ben Cole and Carla Diaz", "Marco Rossi con Giulia
    Bianchi"). After a person's name, a "with" before words in lower case ("with reporting from
    Reuters", "con información de EFE") or another language's "with" before no person ("mit
    Material von dpa") opens a credit of its own, as after a comma. "Ana Ruiz with CalMatters" or
    "with the Associated Press" names the outlet she works with, and stays (`_FOR_OF` reads it).
    `stripped` itself otherwise."""
    parted = _SEGMENT_SPLIT.search(stripped)
    first = stripped[: parted.start()] if parted else stripped
    found = _WITH_BETWEEN().search(first)
    if found is None:
        return stripped
    before, after = first[: found.start()], first[found.end() :]
    if person_name(before, outlets) is None:
        return stripped
    people = _AND_BETWEEN().split(after.strip(" ."))
    if all(person_name(person, outlets) is not None for person in people):
        return f"{before} and {after}{stripped[len(first) :]}"
    if found.group(1).lower() != "with" or (after[:1].islower() and after.split(None, 1)[0] not in _ARTICLES):
        return f"{before}, {found.group(1)} {after}{stripped[len(first) :]}"
    return stripped


# Given names written as initials in a reversed name: "J.", "J.R.", "J.R.R." (the last stop, read
# off with the byline's end, "J.R", is given back to the name).
_INITIALS = re.compile(r"^(?:[^\W\d_]\.){0,2}[^\W\d_]\.?$")
# The most words of a reversed name's surname (its particles and the name: "van der Veen") and
# of its given names ("Mary Jo").
_REVERSED_SURNAME_WORDS = 3
_REVERSED_GIVEN_WORDS = 2


def _is_cased_name_word(word: str) -> bool:
    """A name's word in a script with capitals ("Smith", "MÜLLER"): a script without them writes no
    comma between a surname and a given name, and its comma lists people ("김민지, 박서준")."""
    return _is_name_token(word) and word[:1].isupper()


def _reversed_names(stripped: str, outlets: Set[str]) -> list[str] | None:
    """The people of a byline that writes each surname first, as a catalogue or a CMS's author
    field does ("Smith, John", "MÜLLER, Anna", "van der Veen, Ludwig", "Okafor, Dana; Ruiz, Ana"):
    the whole byline is one such name, or several between semicolons, each a surname of one name
    word after its particles, a comma, and one or two given names or initials. Each is given as
    written ("Smith, John"), which the checks compare as "John Smith" (`person_key` sorts a name's
    words). None for anything else: a given part that is an outlet, a place or a role ("Smith,
    Reuters", "Austin, Texas", "Ruiz, Reporter"), or in capitals ("RUIZ, AFP": an outlet's
    initials are no given name), is none."""
    names = []
    for person in stripped.split(";"):
        parts = [part.strip() for part in person.split(",")]
        if len(parts) != 2:
            return None
        surname, given = parts[0].split(), parts[1].split()
        if not (1 <= len(surname) <= _REVERSED_SURNAME_WORDS and 1 <= len(given) <= _REVERSED_GIVEN_WORDS):
            return None
        if not _is_cased_name_word(surname[-1]) or any(word.lower() not in _PARTICLES for word in surname[:-1]):
            return None
        if not all(_INITIALS.match(word) or (_is_cased_name_word(word) and not word.isupper()) for word in given):
            return None
        if _INITIALS.match(given[-1]) is None and (_is_credit_tail(given, outlets) or _is_place_name(given)):
            return None
        if person_name(" ".join([*given, *surname]), outlets) is None:
            return None
        stop = "." if _INITIALS.match(given[-1]) and not given[-1].endswith(".") else ""
        names.append(f"{parts[0]}, {parts[1]}{stop}")
    return names


def _people_and_credit(stripped: str, outlets: Set[str]) -> tuple[list[str], str, str]:
    """`_names_and_credit`, or the people of a byline that writes each surname first
    (`_reversed_names`), which has no credit."""
    reversed_names = _reversed_names(stripped, outlets) if "," in stripped else None
    if reversed_names:
        return reversed_names, "", ""
    return _names_and_credit(stripped, outlets)


def _names_and_credit(stripped: str, outlets: Set[str]) -> tuple[list[str], str, str]:
    """The people a byline names, the rest of its credit joined by ", ", and the credit as quoted
    (without the job titles standing as parts of their own after the names, as `quote_byline`
    leaves them out)."""
    names: list[str] = []
    credit_parts: list[str] = []
    quoted_parts: list[str] = []
    stripped = _with_as_and(stripped, outlets)
    # "NAME for Outlet" in the first segment; later "of"s belong to the credit ("School of Law").
    first, *rest = _SEGMENT_SPLIT.split(stripped)
    head, *for_credit = _for_of_in(first).split(first, maxsplit=1)
    later: list[str] = []
    if for_credit:
        later, quoted_parts, for_credit = _credit_after_for(for_credit[0], rest, outlets)
        rest = []
    segments = [head, *rest]
    separators = _separators_before(stripped)
    for position, segment in enumerate(segments):
        if not segment:
            continue
        alone = _stands_alone(separators, position)
        closing = _list_closed_before_a_credit(segment, segments[position + 1 :], outlets) if names and not credit_parts else None
        if closing is not None:
            names.extend(closing[0])
            later, quoted_parts, for_credit = _credit_after_for(closing[1], segments[position + 1 :], outlets)
            break
        if not credit_parts:
            found = _names_at(segments, position, names, outlets, listed=_ends_with_a_comma_part(stripped), separator=separators[position], alone=alone)
            if found is not None:
                names.extend(found)
                continue
            # Only the first segment may be "Name Role": after a comma, "Arizona State University"
            # is an affiliation, not a person called Arizona State.
            split = _split_name_and_role(segment, outlets) if not names else None
            several = _names_then_role(segment, outlets, after_name=bool(names)) if split is None or _AND.search(segment) else None
            if several is not None:
                names.extend(several[0])
                credit_parts.append(several[1])
                quoted_parts.append(several[1])
                continue
            if split is not None:
                names.append(split[0])
                # A role in the names' own part is the byline's wording, and is quoted.
                credit_parts.append(split[1])
                quoted_parts.append(split[1])
                continue
        # `segments` is the first segment alone when "for" or "of" took the rest: position 0's "".
        listed = _closes_a_list(segments, position, names)
        next_person = _person_after_credit(segment, separators[position], names, outlets, listed=listed, alone=alone)
        if next_person is not None:
            credit_parts.extend(next_person.credit)
            quoted_parts.extend(next_person.credit)
            names.append(next_person.name)
            continue
        credit_parts.append(segment)
        if not (names and _is_title_part(segment, outlets)):
            quoted_parts.append(segment)
    credit_parts.extend(part.strip(" .") for part in for_credit)
    names.extend(later)
    return names, ", ".join(credit_parts), ", ".join(part for part in quoted_parts if part)


def _list_closed_before_a_credit(segment: str, rest: list[str], outlets: Set[str]) -> tuple[list[str], str] | None:
    """For a part after a name that closes a list of people with "and" and goes on with the last
    one's "in Place" or "for Outlet" ("By A, B and C in Rome", "By A, B, C and D for Reuters"):
    the people it names and what follows the "in" or "for" (the place or the outlet, which is the
    whole list's credit as "By A and B in Rome" gives it), or None when the words before the "in"
    or "for" are not only people joined by "and" ("A, Dean and Professor of Law")."""
    head, *after = _for_of_in(segment).split(segment, maxsplit=1)
    conjunction = _AND_IN_CAPITALS() if head.isupper() else _AND
    if not after or not conjunction.search(head):
        return None
    people = _names_in(head, outlets, after_name=True)
    if people is None or len(people) < 2:
        return None
    return people, after[0]


def _credit_after_for(after: str, rest: list[str], outlets: Set[str]) -> tuple[list[str], list[str], list[str]]:
    """For a byline whose first part is "NAME for/of/in …" (`after`, what follows the word, and
    `rest`, the byline's later parts): the people named after the first one's place or outlet
    (`_people_after_a_credit`), the credit's parts as quoted (without job titles standing as
    parts of their own) and the whole credit, as one part."""
    later, kept = _people_after_a_credit(", ".join([after, *rest]), outlets)
    if later:
        after, rest = kept, []
    quoted_parts = [after.strip(" ."), *(part.strip(" .") for part in rest if part and not _is_title_part(part, outlets))]
    return later, quoted_parts, [", ".join([after, *rest])]


def _people_after_a_credit(credit: str, outlets: Set[str]) -> tuple[list[str], str]:
    """The people a byline names after the first one's "in Place" or "for Outlet", each joined by
    "and" or a comma with a place or an outlet of their own ("By A in London and B in Singapore",
    "By A for Reuters and B for AP", "By A in London, B in Paris and C in Rome"), or by "and"
    last, alone ("By A of Reuters and B"); and the credit without them ("London, Singapore"). A
    part that names no person stays in the credit as written ("in Washington, D.C., and B in New
    York"); an outlet's or a body's name ("for Texas Tribune and Houston Chronicle", "of Procter
    and Gamble") or a place ("in Washington and New York") is no person."""
    pieces = (_LATER_PEOPLE_SPLIT_IN_CAPITALS() if credit.isupper() else _LATER_PEOPLE_SPLIT()).split(credit)
    people: list[str] = []
    kept = [pieces[0]]
    for position in range(2, len(pieces), 2):
        joiner, piece = pieces[position - 1], pieces[position]
        head, *own = _for_of_in(piece).split(piece, maxsplit=1)
        alone = not own and position == len(pieces) - 1 and joiner.strip() != ","
        person = person_name(head.strip(), outlets) if own or alone else None
        if person is None or len(person.split()) < 2 or _is_place_name(person.split()):
            kept[-1] += joiner + piece
            continue
        people.append(person)
        kept.extend(own)
    return people, ", ".join(part.strip() for part in kept)


def _stands_alone(separators: list[str], position: int) -> bool:
    """Whether a byline's part at `position` stands alone between semicolons (`separators` as
    `_separators_before` gives them), as a line of byline markup does (`read_listed_lines`): no
    comma goes on from it ("…; Rose Hill, Va." is a town and its state). See `_lists_a_person`."""
    return separators[position] == ";" and (position + 1 == len(separators) or separators[position + 1] == ";")


# The separators between a byline's parts: names, job titles, outlets, dates.
_QUOTE_SEPARATOR = re.compile(rf"(\s*(?:[|•·;,]|\s{DASH}\s|{_SLASH})\s*)")
# Words after which a title may name an organisation ("Engineer on Google Play", "Reporter at X").
_TITLE_OBJECT = frozenset({"of", "for", "in", "on", "at", "with", "to"})
# Words that only an organisation has ("University", "Foundation"): a part with one is an affiliation.
_ORGANISATION_ONLY = _ORG_WORDS - _ROLE_WORDS


def quote_byline(text: str, names: tuple[str, ...], outlets: Set[str] = frozenset()) -> str:
    """What a byline's evidence quotes: the byline without a leading list marker and without the
    job titles that stand as parts of their own after the names, so that it shows the people
    credited and their affiliation ("- Written by A, Audience Development Manager, Outlet" →
    "Written by A, …, Outlet"; "By A | Energy Reporter" → "By A"). A role inside the names' own
    part ("Jake Smith Contributor", as a byline template prints it) is the byline's wording and
    stays; a title dropped between two kept parts is shown as "…", and a separator left
    hanging at the end ("Nicolas Perriault —") is not quoted, nor are the story's categories or
    tags printed after it on its line ("Filip Noubel / Posted in News": `_without_topics`)."""
    text = _without_topics(_LIST_MARKER.sub("", text, count=1))
    parts = _QUOTE_SEPARATOR.split(text)
    segments, separators = parts[0::2], parts[1::2]
    kept: list[str | None] = []
    named = False
    for segment in segments:
        if named and _is_title_part(segment, outlets):
            kept.append(None)
            continue
        kept.append(segment)
        named = named or any(name in segment for name in names)
    while len(kept) > 1 and kept[-1] is None:
        kept.pop()
    quoted = [kept[0] or ""]
    for separator, segment in zip(separators, kept[1:], strict=False):
        if segment is None and quoted[-1] == "…":
            continue
        # Only a dropped title is "…": an empty part ("]8;;x") is the page's own punctuation.
        quoted.extend((separator, "…" if segment is None else segment))
    return "".join(quoted).rstrip(" ,;|•·-" + DASHES)


# The words that join the last person of a list, in the languages whose openers the reader knows
# (`_PREFIX`: "and", "et", "y", "und", "e", "en", "og", "och", Catalan "i"), as `_AND` has them.
_LIST_AND = rf"(?:{_AND_WORDS}|&|{_SHORT_AND_WORDS})"
# What parts the people after the first one's place or outlet: a comma, or "and" in the languages
# the reader knows (`_LIST_AND`; in capitals in a byline written in capitals), kept as a piece
# of its own.
_LATER_PEOPLE_SPLIT = on_first_use(rf"(\s*,(?!\s*{_LIST_AND}\s)\s*|\s*,?\s+{_LIST_AND}\s+)")
_LATER_PEOPLE_SPLIT_IN_CAPITALS = on_first_use(rf"(\s*,(?!\s*{_LIST_AND}\s)\s*|\s*,?\s+{_LIST_AND}\s+)", re.IGNORECASE)
# The words that join one more person after an author's credit: `_LIST_AND`'s, and "with" in the
# same languages ("A, Uni X, with B", "Par A, Université de Lyon, avec B", "Von A, Universität
# Wien, mit B", "Por A, Universidad de Chile, con B", "com", "met", "med").
_LATE_JOINER = rf"(?:{_LIST_AND}|{_WITH_WORDS})"
# "and B" or "with B" after a name's affiliation: "By A, Rutgers University, and B", "Par A,
# Université de Lyon, et B", "A, Northern Plains University, with B".
_LATE_NAME = on_first_use(rf"^{_LATE_JOINER}\s+(.+)$")
# The same in a byline written in capitals ("…, NORTHERN PLAINS UNIVERSITY, AND BEN COLE"), where
# a conjunction is in capitals too.
_LATE_NAME_IN_CAPITALS = on_first_use(rf"^{_LATE_JOINER}\s+(.+)$", re.IGNORECASE)
# "and B" after a bracket: the next person, read by `_late_name` after a comma.
_CONJUNCTION_AFTER_BRACKET = on_first_use(rf"^\s*(?:{_LIST_AND}\s|&)", re.IGNORECASE)


# A line that leads into the next rather than closing an author's credit: it ends with a
# separator, a conjunction, "with" or an opener ("Posted by" over the name); or the next line opens
# with a separator or a conjunction ("and Ben Cole").
_LINE_LEADS_ON = on_first_use(rf"(?:[,;:|/&·•+(]|{DASH}|(?<![^\W\d_])(?:{_LIST_AND}|with|by|par|por|von|di|da|door|av|af))$", re.IGNORECASE)
_LINE_GOES_ON = on_first_use(rf"^(?:[,;:|/&·•)]|{DASH}|(?:{_LIST_AND}|with)(?![^\W\d_]))", re.IGNORECASE)


# A line that is only the label of a CMS's author field over its items (Drupal's `field__label`
# "Author" over one `field__item` an author, a `<dt>Authors</dt>`), in the languages whose openers
# the reader knows: an opener, as "By" alone on its line is.
_AUTHORS_LABEL_LINE = on_first_use(
    r"^(?:authors?|bylines?|writers?|reporters?|written\s+by|contributors?|autor(?:es|as?)?|auteurs?|autori|autore|verfasser)\s*:?$", re.IGNORECASE
)


def read_listed_lines(lines: Sequence[str], outlets: Set[str] = frozenset(), marked: Set[str] = frozenset()) -> BylineReading | None:
    """The reading of byline markup that holds its parts as lines (a `<br>`, blocks), each line
    break parting one author's credit from the next as a semicolon does: "Renata Okafor, Northern
    Plains University" over "Ana Ruiz" credits two authors, Ana Ruiz without an institution;
    "Ana Ruiz" over "Ben Cole" two; "Renata Okafor" over "Northern Plains University" one, with
    that institution (a semicolon before an institution's name lists no person). A break after a
    separator, a conjunction or an opener ("By" over the name), or before a separator or a
    conjunction, joins its lines with a space. A line after the first that is a place the
    gazetteer knows alone (`dateline_places`: "Beverly Hills", "Palm Beach", "Rose Hill", "New
    York"; not "Maria Chen") says where the story was filed, and is no author: a second author
    on a line of its own comes with a joiner ("and Rose Hill", "& Rose Hill", "und", "y", a
    comma ending the line above, each read as on one line) or in markup of its own, and `marked` holds the texts of the page's name markup
    inside the byline (`<a rel="author">Rose Hill</a>`, `<span class="author">…`), whose lines
    are read as people all the same. A first line that is an author field's label alone
    ("Author", "Authors:", `_AUTHORS_LABEL_LINE`) opens the list as "By" does. None unless a line
    after the first opens with a person's name and the reading names two people or more; `lines`
    are normalised."""
    if len(lines) > 2 and _AUTHORS_LABEL_LINE().match(lines[0]):
        lines = ["By", *lines[1:]]  # a field's label over its items, read as "By" over them
    if len(lines) < 2:
        return None
    # A section's or desk's line under the names ("Real Estate", "Business Desk") credits no one,
    # nor does a dateline's ("Rose Hill, Va.", "WASHINGTON —").
    lines = [lines[0], *(line for line in lines[1:] if not is_section_label(line) and not is_dateline_line(line))]
    if not any(person_name(_SEGMENT_SPLIT.split(_LATE_JOINER_BEFORE().sub("", line, count=1), maxsplit=1)[0], outlets) for line in lines[1:]):
        return None
    joined = lines[0]
    for line in lines[1:]:
        leads_on = _LINE_LEADS_ON().search(joined) is not None or _LINE_GOES_ON().match(line) is not None
        if not leads_on and line not in marked and _is_place_line(line, outlets):
            continue
        joined += f" {line}" if leads_on else f"; {line}"
    reading = read_byline(joined, outlets=outlets)
    return reading if reading is not None and len(reading.names) >= 2 else None


def _is_place_line(line: str, outlets: Set[str]) -> bool:
    """Whether a line of a byline that reads as a person's name is a place the gazetteer knows
    alone (`dateline_places`, a town or district of two words or more of any size in its table of
    cities among them): "Beverly Hills", "Palm Beach", "Rose Hill". Asks the gazetteer only of a
    line that is a person's name and nothing more."""
    return person_name(line, outlets) == line and line in dateline_places(line)


# "and B" on a line of its own, under the line it goes on from.
_LATE_JOINER_BEFORE = on_first_use(rf"^{_LATE_JOINER}\s+", re.IGNORECASE)
# A line that ends as a dateline does, in a dash ("WASHINGTON —", "Rose Hill --").
_DATELINE_DASH = on_first_use(rf"\s*(?:{DASH}|--)\s*$")


def is_dateline_line(line: str) -> bool:
    """Whether a line of a byline is a dateline's by its form ("WASHINGTON —", "Rose Hill, Va.",
    "Rose Hill —", "NEW YORK"): a place's name in capitals (`is_dateline_place`), or a place the
    gazetteer knows alone (`dateline_places`) before a comma and its region ("Rose Hill, Va.": a
    town and its state; not "Laura Benson, NPR", which only the wire style's "any town, Ariz."
    would read so) or before a dash. A name-shaped line without such a form ("Rose Hill") is left
    to `read_listed_lines`, which asks the gazetteer of it alone unless the page marks it as a
    name; a line with an opener ("By …") is a byline. Asks the gazetteer only of a line with a
    comma or a closing dash."""
    dashed = _DATELINE_DASH().search(line)
    place = line[: dashed.start()] if dashed else line
    if not place.strip() or not (dashed or "," in place or place.isupper()) or _PREFIX.match(place):
        return False
    if is_dateline_place(place):
        return True
    parts = [part.strip(" .") for part in place.split(",")]
    found = dateline_places(place)
    return parts[0] in dateline_places(parts[0]) and all(part in found for part in parts if part)


def _late_name(segment: str, names: list[str], outlets: Set[str]) -> tuple[str, str] | None:
    """The person of an "and B" part after a name's affiliation ("A, Rutgers University, and B"),
    with B's own place or outlet ("…, and B in Rome": "Rome"; "" for none), see
    `_person_with_own_credit`."""
    late = ((_LATE_NAME_IN_CAPITALS() if segment.isupper() else _LATE_NAME()).match(segment)) if names else None
    if late is None:
        return None
    own = _person_with_own_credit(late.group(1), lambda head: person_name(head, outlets) == head)
    if own is not None:
        return own
    person = person_name(late.group(1), outlets)
    return (person, "") if person is not None else None


def _person_with_own_credit(text: str, is_person: Callable[[str], bool]) -> tuple[str, str] | None:
    """A later person of a shared byline with their own place or outlet after "in", "for", "of",
    "at" or "via" (`_for_of_in`): ("John Doe", "Rome") for "John Doe in Rome", ("MARY POE",
    "JACKSON") for "MARY POE IN JACKSON", as a shared byline credits the local reporter beside the
    first one's outlet ("By Jane Roe, ProPublica, and John Doe in Rome"); None when the text has
    no such word or what stands before it is not a person of two words or more (`is_person`) or
    is a place ("New York in Winter"). Tried before the text as a whole, since a byline in
    capitals leaves "JOHN DOE IN ROME" name-shaped."""
    text = text.strip()
    head, *own = _for_of_in(text).split(text, maxsplit=1)
    head = head.strip()
    if not own or len(head.split()) < 2 or not is_person(head) or _is_place_name(head.split()):
        return None
    return head, own[0].strip()


# "University of Lakeshore and Tomas Reyes", "Universidad de Chile y Luis Pérez": one person's
# institution, then the next person. Each conjunction is tried in turn, since an institution's
# name may hold one ("Universidad de Ciencias y Artes de Chiapas y Luis Pérez").
_INSTITUTION_AND_NAME = on_first_use(rf"\s+{_LIST_AND}\s+")
_INSTITUTION_AND_NAME_IN_CAPITALS = on_first_use(rf"\s+{_LIST_AND}\s+", re.IGNORECASE)


def _separators_before(stripped: str) -> list[str]:
    """The separator before each of a byline's segments as `_SEGMENT_SPLIT` parts them ("" before
    the first; ",", ";", "|" …), to tell a semicolon's list of people from a credit's parts."""
    return ["", *(found.strip() for found in _SEGMENT_SPLIT.findall(stripped))]


def _closes_a_list(segments: list[str], position: int, names: list[str]) -> bool:
    """Whether the part at `position` follows a part that ends with the last person named ("A,
    Mayo Clinic and B, Li Wei", "…and B, Li Wei, Yale University"): there it may be one more
    person, as a part after a name is ("By Jane Doe, John Roe", "Jane Doe, John Roe, Harvard
    University", `_names_at`)."""
    if not names or position == 0:
        return False
    return segments[position - 1].rstrip().endswith(names[-1])


class _NextPerson(NamedTuple):
    """The next person a byline's part names after a credit has begun (`_person_after_credit`)."""

    # What closes the previous person's credit in the same part ("Stateline" in "Stateline and
    # B"), or () for nothing.
    closing: tuple[str, ...]
    name: str
    # The person's own place or outlet after "in"/"for"/"of" ("Rome" in "and B in Rome"), or "".
    own: str

    @property
    def credit(self) -> tuple[str, ...]:
        """The byline's credit parts this part gives: what closes the previous person's, then the
        person's own place or outlet."""
        return (*self.closing, self.own) if self.own else self.closing


def _person_after_credit(segment: str, separator: str, names: list[str], outlets: Set[str], *, listed: bool = False, alone: bool = False) -> _NextPerson | None:
    """The next person a part names after a credit has begun, with the credit that closes the
    previous person's (() for none), or None: "and B" (`_late_name`), "Uni X and B"
    (`_institution_then_name`), or a person after a semicolon ("A, Uni X; B": a semicolon parts
    one person's credit from the next, `_lists_a_person`) or after a comma that ends a list
    (`listed`, `_closes_a_list`: "A, Mayo Clinic and B, Li Wei" credits three people, the last two
    without an institution; "A, Mayo Clinic and B, Mother Jones" two, B with an outlet). A bar, a
    slash, a middle dot or a bullet parts people as a semicolon does once the previous person's
    credit has begun ("A, Uni X | B", `_LIST_BARS`); right after a name (`listed`) the part
    behind one is the name's section or topic ("By A | Real Estate"), as it was before."""
    late = _late_name(segment, names, outlets)
    if late is not None:
        return _NextPerson((), *late)
    shared = _institution_then_name(segment, names, outlets)
    if shared is not None:
        return _NextPerson((shared[0],), shared[1], shared[2])
    parts_people = separator == ";" or (listed and separator == ",") or (not listed and separator in _LIST_BARS)
    if not (parts_people and names):
        return None
    # After a semicolon only: after a comma, "Directors Guild of America" is an organisation.
    own = _person_with_own_credit(segment, lambda head: _lists_a_person(head, names[-1], outlets, alone=alone)) if separator == ";" else None
    if own is not None:
        return _NextPerson((), *own)
    return _NextPerson((), segment.strip(), "") if _lists_a_person(segment, names[-1], outlets, alone=alone) else None


# The separators (as `_separators_before` gives them) that part one person's credit from the next
# person as a semicolon does, after a credit: "Renata Okafor, Northern Plains University | Ana
# Ruiz", "… / Ana Ruiz", "… · Ana Ruiz", "… • Ana Ruiz". (A dash is left out: after a credit it
# leads a date or a place as often.)
_LIST_BARS = frozenset({"|", "/", "·", "•"})


def _institution_then_name(segment: str, names: list[str], outlets: Set[str]) -> tuple[str, str, str] | None:
    """The institution and the person of a part that closes one person's credit and names the
    next ("A, University of Lakeshore and B", "A — Monash University & B"), or None: after a
    name, a proper-noun phrase that is not itself a person, "and", and a person's name
    (`_lists_a_person`). The Conversation's bylines, like most, put each author's institution
    after that author's name, so the phrase is the earlier person's, and B is credited alone."""
    segment = segment.strip()
    joiner = _INSTITUTION_AND_NAME_IN_CAPITALS() if segment.isupper() else _INSTITUTION_AND_NAME()
    for found in joiner.finditer(segment) if names else ():
        institution, person = segment[: found.start()].strip(), segment[found.end() :].strip()
        person_shaped = person_name(institution, outlets) == institution and not is_person_shaped_institution(institution)
        if not _is_proper_noun_phrase(institution) or person_shaped:
            continue
        own = _person_with_own_credit(person, lambda head: _lists_a_person(head, names[-1], outlets))
        if own is not None:
            return institution, *own
        if _lists_a_person(person, names[-1], outlets):
            return institution, person, ""
    return None


def _names_at(
    segments: list[str], position: int, names: list[str], outlets: Set[str], *, listed: bool = False, separator: str = "", alone: bool = False
) -> list[str] | None:
    """The people one part of a byline names (`_names_in`), or None. The part after a name that
    ends the byline, with no "and" closing a list of people, is a second person only when it
    reads as nothing else (`_lists_a_person`: "By Jane Doe, John Roe") and a comma or a semicolon
    parts it from the name (`listed`), or a bar, a slash, a middle dot or a bullet (`separator`,
    `_LIST_BARS`) and it is two or three capitalised words ("By Ana Ruiz | Ben Cole"), a place only
    by its form when it stands between semicolons (`alone`, `_lists_a_person`); otherwise it
    is the name's affiliation, outlet, job or section: "Anika Foss, Karolinska Institutet", "Ana
    Ruiz, Sciences Po", "Jane Doe, New York", "By Ana Ruiz | Reuters", "Chris White | Energy
    Reporter" (DCNF's form), "By Ana Ruiz | Real Estate", and what a dash parts off ("Raspberry
    Pi - Various Usage" is a title and its topic)."""
    segment = segments[position]
    if names and position == len(segments) - 1 and not _AND.search(segment):
        barred = separator in _LIST_BARS and _BAR_NAME_WORDS[0] <= _capitalised_words(segment) <= _BAR_NAME_WORDS[1]
        parted = listed or barred
        return [segment.strip()] if parted and _lists_a_person(segment, names[-1], outlets, alone=alone) else None
    return _names_in(segment, outlets, after_name=bool(names))


# A person's name after a bar is two or three capitalised words, particles between them ("Ben
# Cole", "María de la Cruz", "Mary Ann Smith"); a longer run is an outlet's or a title's.
_BAR_NAME_WORDS = (2, 3)


def _capitalised_words(segment: str) -> int:
    """How many of a part's words open with a capital ("María de la Cruz": 2)."""
    return sum(1 for word in segment.split() if word[:1].isupper())


def _ends_with_a_comma_part(stripped: str) -> bool:
    """Whether the last separator `_SEGMENT_SPLIT` parts the byline at is a comma or a semicolon,
    as in a list of people ("Jane Doe, John Roe"), not a bar, a bullet, a dash or a slash."""
    separators = _SEGMENT_SPLIT.findall(stripped)
    return bool(separators) and separators[-1].strip() in (",", ";")


# The words newspapers' names end with that are surnames too, or that only a compound holds
# ("Roll Call", "The Morning Call", "Austin American-Statesman", "Baltimore Sun", "Sacramento
# Bee", "Pittsburgh Post-Gazette"): after a name, a part ending in one of these or in an outlet's
# word (`_OUTLET_ENDINGS`) is the affiliation, never a second person ("Li Sun" after a comma is
# read as an outlet, as it was before names after a comma were read).
_NEWSPAPER_LAST_WORDS = _OUTLET_ENDINGS | frozenset(
    """call statesman sun bee democrat republican union courant enquirer intelligencer pioneer picayune
    constitution argus dealer blade pilot appeal monthly quarterly""".split()
)


def _lists_a_person(segment: str, previous: str, outlets: Set[str], *, alone: bool = False) -> bool:
    """Whether the last part of a byline, after the name `previous` and with no "and" before it,
    is one more person ("By Jane Doe, John Roe"): a person's name (`person_name`, which rules out
    outlets, organisations and `_INSTITUTION_NAME_WORDS`), written as `previous` is (both in
    capitals or neither), with no job title's or beat's word in it, no title's word where a given
    name stands ("Senior Fellow", "Kaiser Health"), no newspaper's last word
    (`_NEWSPAPER_LAST_WORDS`, in a compound too: "Roll Call", "Austin American-Statesman"), and no
    dateline's place by the gazetteer ("New York", "Capitol Hill", "NEW YORK" alike; not "Vu Han",
    Wuhan's Vietnamese name, see `places`). Standing alone between semicolons (`alone`), as on
    one line ("By Jane Doe; Rose Hill") or as a line of byline markup that the page marks as a
    name (`read_listed_lines` drops the other lines that are towns), a name that a small town or
    a district shares ("Rose Hill", Virginia) is a person's, and only a place that a dateline
    gives alone (a large city, a country, a US state: "New York") is a place. Without
    a list of given names, an outlet named exactly like a person reads as one; one named with a
    word of kinship ("Mother Jones") does not (`person_name`)."""
    segment = segment.strip()
    if person_name(segment, outlets) != segment or segment.isupper() != previous.isupper() or is_section_label(segment):
        return False
    if is_person_shaped_institution(segment):
        return False  # "Jane Roe, Johns Hopkins": the author's institution, no second author
    words = [word.lower().strip(".,") for word in segment.split()]
    # A topic's word that is a given name too ("Ai Sen", "Ai Weiwei") stands where one does.
    given_name = words[0] in _GIVEN_NAMES_AMONG_LABEL_WORDS and not segment.isupper()
    topic = [word for position, word in enumerate(words) if word in _TOPIC_WORDS and not (position == 0 and given_name)]
    if topic or any(word in _ROLE_NOUNS for word in words) or words[0] in _ROLE_WORDS:
        return False
    if any(piece in _NEWSPAPER_LAST_WORDS for piece in re.split(r"[-‐‑]", words[-1])):
        return False
    written = segment.title() if segment.isupper() else segment
    return not dateline_places(written, districts=not alone)


def institutions_of(stripped: str, names: tuple[str, ...], outlets: Set[str]) -> tuple[tuple[str, ...], ...]:
    """Each credited person's institutions (`institutions_in`), in the order of `names` (() for
    one without): the parts after a group of names are that group's ("A and B, Uni X" gives both
    Uni X, as does "A, B, Uni X"; "A, Uni X, and B" and "A, Uni X and B" give B none, "A; B,
    Uni X" gives A none)."""
    groups: list[tuple[list[str], list[str]]] = []
    separators = ["", *(found.strip() for found in _SEGMENT_SPLIT.findall(stripped))]
    for segment, separator in zip(_SEGMENT_SPLIT.split(stripped), separators, strict=False):
        named = [name for name in names if name in segment]
        if not named:
            if groups:
                groups[-1][1].append(segment)
            continue
        # "Uni X and B": what stands before the first name closes the previous group's credit.
        before = segment[: segment.find(named[0])]
        closing = _AND_AT_END().sub("", before).strip()
        if groups and closing:
            groups[-1][1].append(closing)
            segment = segment[len(before) :]
        # A name parted from the next by a comma alone ("A, B, Uni X") shares the group's credit,
        # as "A and B, Uni X" does: only a credit of its own or a semicolon ("A; B, Uni X")
        # closes a group.
        if not groups or any(groups[-1][1]) or separator == ";":
            groups.append(([], []))
        for name, between in _names_with_credits(segment, named):
            # A credit between two names ("A in London and B in Singapore", "A for Reuters and
            # B") is the first one's and closes its group, as a part of its own does.
            if groups[-1][0] and any(groups[-1][1]):
                groups.append(([], []))
            groups[-1][0].append(name)
            groups[-1][1].append(between)
    found = {name: tuple(institutions_in(", ".join(part for part in credit if part), outlets)) for people, credit in groups for name in people}
    return tuple(found.get(name, ()) for name in names)


def _names_with_credits(segment: str, named: list[str]) -> list[tuple[str, str]]:
    """The people a byline's `segment` names (`named`, which it holds), in the order it names
    them, each with the credit written between their name and the next one's (or the segment's
    end), without the joining "and" and the "in"/"for"/"of" before it: "London" and "Singapore" in
    "A in London and B in Singapore"; "" for a name the next one follows with a joiner alone ("A
    and B")."""
    placed: list[tuple[int, str]] = []
    start = 0
    for name in sorted(named, key=segment.find):
        at = segment.find(name, start)
        at = segment.find(name) if at < 0 else at
        placed.append((at, name))
        start = max(start, at + len(name))
    placed.sort()
    found: list[tuple[str, str]] = []
    for index, (at, name) in enumerate(placed):
        end = placed[index + 1][0] if index + 1 < len(placed) else len(segment)
        between = segment[at + len(name) : max(end, at + len(name))]
        # The conjunctions between the names ("A And B", "A AND B") are no credit.
        between = _ONLY_JOINERS().sub("", between.strip(" &"))
        if index + 1 < len(placed):
            between = _AND_AT_END().sub("", between)
        found.append((name, _FOR_OF_WORD().sub("", between).strip() if between.strip() else ""))
    return found


def _with_own_brackets(text: str, names: tuple[str, ...], institutions: tuple[tuple[str, ...], ...], outlets: Set[str]) -> tuple[tuple[str, ...], ...]:
    """`institutions` (`institutions_of`, one tuple per name) without what a bracket right after
    one person's name gives the others: in "A and B (Uni X)" the bracket is B's alone, as in "A
    (Uni Y) and B (Uni X)", where each has their own; "A and B, Uni X" and "A and B (both of Uni
    X)" still give both. `text` is the byline as written, before its brackets became parts."""
    owners: dict[str, set[str]] = {}
    for match in _BRACKET().finditer(text) if "(" in text or "[" in text else ():
        inner = match.group(1)
        before = text[: match.start()].rstrip()
        owner = next((name for name in names if before.endswith(name)), None)
        if owner is None or _WITH().match(inner) or _SHARED_BY().match(inner):
            continue
        for institution in institutions_in(inner, outlets):
            owners.setdefault(institution, set()).add(owner)
    if not owners:
        return institutions
    return tuple(tuple(part for part in parts if name in owners.get(part, {name})) for name, parts in zip(names, institutions, strict=True))


# "both of Uni X", "all from Uni X": an institution written once for several people.
_SHARED_BY = on_first_use(r"^(?:both|all|each)\s+(?:of|from|at|with)\s+", re.IGNORECASE)
_ONLY_JOINERS = on_first_use(rf"^(?:\s*(?:\b{_LATE_JOINER}\b|&))+\s*$", re.IGNORECASE)
_AND_AT_END = on_first_use(rf"\s*(?:\b{_LATE_JOINER}|&)\s*$", re.IGNORECASE)
_FOR_OF_WORD = on_first_use(r"^(?:and\s+)*(?:for|of|at|with|in)\s+", re.IGNORECASE)


# Lower-case words a proper-noun phrase may hold between its capitalised words: "of", "for",
# "and", and the particles and articles of other languages ("Universidade de São Paulo",
# "Politecnico di Milano", "Vrije Universiteit van Amsterdam", "Universidad de los Andes").
_PROPER_NOUN_JOINERS = _FILLER | _PARTICLES | _unaccented_too({"für", "och", "und", "et", "y", "i", "do", "dei", "des", "degli", "zu", "los", "las"})
# "Professor of Law at Example University": the institution after a title.
_AT = on_first_use(r"\s(?:at|with)\s+(?=[^\W\d_])")
_FOR_TO = on_first_use(r"\s(?:for|to|de|del|para|pour|für|bei)\s+(?=[^\W\d_])")
# The words of a world region's name, which a correspondent is "for".
_REGION_WORDS = frozenset(
    """asia europe africa america americas oceania arctic antarctica pacific atlantic caribbean east west north
    south middle latin central eastern western northern southern""".split()
)
# The titles of a newsroom's people, held for an outlet: "a reporter for Reuters".
_NEWSROOM_TITLES = frozenset(
    """reporter reporters correspondent correspondents contributor contributors writer writers columnist columnists
    editor editors journalist journalists producer photographer stringer
    reportero reportera periodista corresponsal colaborador colaboradora redactor redactora repórter jornalista
    journaliste correspondant correspondante rédacteur rédactrice korrespondent korrespondentin redakteur redakteurin""".split()
)


# The last words of a company's name ("Dean Foods", "Lead Generation Ltd"): the phrase is the
# company, not a job title, whatever title word it starts with.
_COMPANY_ENDINGS = frozenset({"ltd", "limited", "plc", "gmbh", "corp", "inc", "llc", "holdings", "foods", "company", "corporation"})


def institutions_in(credit: str, outlets: Set[str] = frozenset()) -> Iterator[str]:
    """Each part of a byline's credit that names an institution, in order: a proper-noun phrase
    (capitalised words, acronyms, lower-case particles between them: "Karolinska Institutet",
    "CSIRO", "Universidade de São Paulo") that is not a job title ("Lecturer in Food Science";
    one ending "at Example University" gives "Example University"), a name's suffix or
    credential ("Jr.", "PhD"), a date or an outlet of the loaded packs (`outlets`, lower case).
    A dateline's place in capitals is one (see `is_dateline_place`)."""
    disowning = _DISOWNING().search(credit) is not None
    for part in _SEGMENT_SPLIT.split(credit):
        if disowning and _DISOWNING().search(part):
            continue  # "formerly of Reuters", "not affiliated with X": no tie the byline gives now
        # A lead-in's outlet ("the Associated Press") or an outlet with its title ("a Reuters
        # reporter") in lower-case words' company; "writes for Reuters" ties as "a reporter for" does.
        part = _LOWER_ARTICLE.sub("", _SHARED_BY().sub("", part.strip(" ."), count=1), count=1)
        tie = _WRITES_FOR().match(part) if " " in part else None
        if tie is not None:
            part = _LOWER_ARTICLE.sub("", part[tie.end() :], count=1)
        if _is_post_nominal(part) or is_section_label(part):
            continue  # "Robert Smith, Jr.", "Ana Ruiz, Ph.D.": the name's; "Business Desk": a section's
        words = [w.lower().strip(".,'’\"()[]") for w in part.split()]
        if is_headed_title(part):
            continue  # "Medical Dean", "Deputy Head": a job title led by its field names no institution
        if words and words[-1] not in _COMPANY_ENDINGS and (set(words) & (_ROLE_NOUNS | _NEWSROOM_TITLES) or _is_office_title(part)):
            part = _institution_of_title(part)
        if part and not _is_outlet(part, outlets) and _is_proper_noun_phrase(part) and not is_section_label(part):
            yield part


# An article in lower case before a credit's part: "the Associated Press", "a Reuters reporter".
_LOWER_ARTICLE = re.compile(r"^(?:the|an?)\s+(?=\S)")

# A verb that ties a person to an outlet in the byline's prose: "writes for Reuters", "reports
# for X", "contributes to X", "works at X"; and wire style's "special to The New York Times".
_WRITES_FOR = on_first_use(
    r"^(?:who\s+)?(?:(?:writes|reports|works|contributes|writing|reporting|working|contributing)\s+(?:for|to|at|with)|special\s+(?:to|for))\s+(?=\S)",
    re.IGNORECASE,
)

# A word that makes a credit's part a tie in the past or a denied one: "formerly of X", "a former
# X reporter", "ex-X", "previously with X", "X reporter until 2023", "a X alumna", "no longer
# with X", "not affiliated with X", "unaffiliated with X", "independent of X"; and the past's
# words of other languages ("ancien journaliste de X", "ehemals X", "früher bei X",
# "anteriormente en X", "ex reportero de X"). Such a part names no affiliation the byline gives.
_DISOWNING = on_first_use(
    r"(?<![^\W\d_])(?:formerly|former|previously|once|used\s+to|erstwhile|retired|late\s+of|until|till|alum(?:nus|na|ni|nae)?|no\s+longer|not|never|unaffiliated|non-?affiliated"
    r"|independent\s+(?:of|from)|ex(?=[-\u2010\u2011\s]\S)|ancien(?:ne)?|anciennement|ehemal(?:s|ige[rnms]?)|früher|fruher|antigu[oa]|anteriormente|exreporter[oa]?)(?![^\W\d_])",
    re.IGNORECASE,
)
# The parts of a byline's text a disowning word is read in: between separators, brackets or the
# end of a sentence ("By NAME, DCNF. Previously with Reuters").
_DISOWNING_PARTS = on_first_use(rf"\s*(?:[,;|•·()\[\]]|\s{DASH}\s|{_SLASH}|\.\s)\s*")


def disowned_parts(text: str) -> tuple[str, ...]:
    """The parts of a byline's text (between commas, bars, dashes, brackets or sentences) that
    tie a person to an outlet in the past or deny the tie (`_DISOWNING`: "formerly of the Daily
    Caller News Foundation", "not affiliated with X", "ex-DCNF", "a former Reuters reporter"),
    in order; () when there is none (one regex search spares a byline without such a word)."""
    if _DISOWNING().search(text) is None:
        return ()
    return tuple(part for part in _DISOWNING_PARTS().split(text) if part and _DISOWNING().search(part))


def present_ties(text: str) -> str:
    """A byline's text without its `disowned_parts`: what it says of the people's outlets now."""
    disowned = disowned_parts(text)
    for part in disowned:
        text = text.replace(part, " ")
    return text


# The words of a job title after an outlet's name: "correspondent", "senior", "staff writer"; and
# the degree a student's or researcher's title names ("PhD Candidate", "Doctoral Researcher").
_TITLE_WORDS = (_ROLE_WORDS - _ORG_WORDS) | _STAFF_WORDS | _DEGREE_WORDS
# Words of a job title, or that join one: a part of nothing else names no institution.
_TITLE_OR_FILLER = _ROLE_WORDS | _STAFF_WORDS | _FILLER | _DEGREE_WORDS


def _institution_of_title(part: str) -> str:
    """The institution a part holding a job title names, or "": after "at" or "with"
    ("Professor of Law at Example University"), or an outlet before the title that ends the part
    ("Reuters correspondent", "KFF Health News senior correspondent"), by an outlet's initials,
    brand capitals or words (`_names_an_outlet`). A title alone ("Senior Political
    Correspondent", "Staff Writer", "Capitol Hill reporter") names none."""
    if " at " in part or " with " in part:
        after = _AT().split(part, maxsplit=1)
        if len(after) == 2:
            return _LOWER_ARTICLE.sub("", after[1].strip(" ."), count=1)
    if any(f" {word} " in part for word in ("for", "to", "de", "del", "para", "pour", "für", "bei")):
        # A newsroom's title is held for an outlet ("a reporter for Reuters", "a contributor to
        # the Daily Caller"); another's names what it serves ("Adviser to the Minister").
        title, *held_for = _FOR_TO().split(part, maxsplit=1)
        if held_for and {word.lower().strip(".,") for word in title.split()} & _NEWSROOM_TITLES:
            held = _LOWER_ARTICLE.sub("", held_for[0].strip(" ."), count=1)
            # A correspondent's region is no outlet: "for Southeast Asia", "for the Middle East"
            # ("South China Morning Post" is one, by its outlet's word).
            held_words = {word.lower().strip(".,") for word in held.split()}
            return "" if held_words & _REGION_WORDS and not held_words & _OUTLET_ENDINGS else held
    return _outlet_before_title(part)


def _outlet_before_title(part: str) -> str:
    """The outlet before the title that ends `part` ("KFF Health News senior correspondent"), or ""."""
    shown = part.split()
    words = list(shown)
    while words and words[-1].lower().strip(".,") in _TITLE_WORDS:
        words.pop()
    if not words or len(words) == len(shown) or all(w.lower().strip(".,") in _TITLE_OR_FILLER for w in words):
        return ""
    if any(w.lower().strip(".,") in _ROLE_NOUNS for w in words):
        # The title goes on before its field: "Associate Professor of Public Health" is no
        # outlet once "Health" is cut, as "KFF Health News senior correspondent" is one.
        return ""
    return " ".join(words) if _names_an_outlet(words, frozenset()) else ""


def is_dateline_place(part: str) -> bool:
    """Whether an institution of a byline (`institutions_in`) is a dateline's place in capitals, as
    wire style writes it after the name ("By NAME, WASHINGTON", "By NAME, SAN FRANCISCO"): words
    in capitals with no outlet's or organisation's word among them ("KFF HEALTH NEWS" is an
    outlet), and more than an outlet's initials ("AP", "NPR", "KQED")."""
    shown = [token.strip(".,'’\"()[]") for token in part.split()]
    shown = [token for token in shown if token]
    if not shown or not all(token.isalpha() and token.isupper() for token in shown):
        return False
    if any(token.lower() in _ORG_WORDS or token.lower() in _OUTLET_ENDINGS for token in shown):
        return False
    return len(shown) > 1 or len(shown[0]) > _MOST_INITIALS


def dateline_places(credit: str, *, districts: bool = True) -> frozenset[str]:
    """The parts of a byline's credit (as `institutions_in` splits it) that name the place of a
    dateline in Title Case: "Washington" and "D.C" in "Washington, D.C", "Austin" and "Texas" in
    "Austin, Texas", "Washington" alone (see `places.dateline_parts`, which reads a gazetteer). A
    part with an outlet's or organisation's word ("Enterprise", "Metro") is never a place alone,
    and "Reuters", "Axios" or "The Texas Tribune" are none. `districts`: whether a town or district
    of two words or more of any size is a place alone ("Capitol Hill", "Rose Hill")."""
    parts = [part.strip(" .") for part in _SEGMENT_SPLIT.split(credit)]
    # A lone last part with an outlet's word ("Daily Caller News Foundation") is no place, nor does
    # a part follow it that could make it one: the gazetteer's module is not loaded for it (a
    # pack's byline check asks this of every byline that names another outlet).
    if len(parts) == 1 and _has_outlet_word(parts[0]):
        return frozenset()
    from compliance.document.places import dateline_parts

    found = dateline_parts(parts, _has_outlet_word, districts=districts)
    return frozenset(parts[position] for position in found)


# Words that make a part an outlet, an organisation or a job title, never a place by itself.
_NO_PLACE_WORDS = _ORG_WORDS | _OUTLET_ENDINGS | _ROLE_WORDS
# In a phrase, a title needs its noun ("Capitol Hill reporter"): a beat's words alone ("Capitol
# Hill", "White House") may be a place's name.
_NO_PLACE_WORDS_IN_A_PHRASE = _ORG_WORDS | _OUTLET_ENDINGS | _ROLE_NOUNS


def _has_outlet_word(part: str) -> bool:
    words = [word.casefold().strip(".,") for word in part.split()]
    no_place = _NO_PLACE_WORDS if len(words) == 1 else _NO_PLACE_WORDS_IN_A_PHRASE
    return any(word in no_place for word in words)


# An organisation's words that no newspaper's name ends with ("University", "Institute",
# "Foundation"): a phrase of several words holding one is no town ("Monash University").
_INSTITUTION_WORDS = _ORG_WORDS - _OUTLET_ENDINGS


def is_organisation_phrase(part: str) -> bool:
    """Whether a credit's part is an organisation's name of two words or more, by an
    organisation's word that no outlet's name ends with ("Monash University", "Bureau of
    Meteorology"): never a dateline's place, so no gazetteer is asked about it. One word
    ("Enterprise", a town in Alabama) or an outlet's ("Post") is no such evidence."""
    words = part.split()
    return len(words) > 1 and any(word.casefold().strip(".,") in _INSTITUTION_WORDS for word in words)


# The last words of a newspaper's, a magazine's or a wire's name ("Chicago Tribune", "The Denver
# Post", "Associated Press", "Hill Country Observer"): few other bodies' names end so. Words that
# end a civic body's or a research group's too ("Human Rights Watch", "Consumer Reports", "Law
# Review", "Federal Register") are left out.
_NEWS_LAST_WORDS = frozenset(
    """times news post tribune herald journal gazette press observer chronicle sentinel statesman examiner dispatch
    bulletin ledger telegraph inquirer courier mirror daily magazine newswire wire star globe presse prensa today tonight now""".split()
)
# Words that name a news outlet wherever they stand in a name: wires, broadcasters and their kinds
# ("Reuters", "Bloomberg", "NPR", "BBC", "Al Jazeera", "Fox News", "Public Radio", "Television").
_NEWS_NAME_WORDS = frozenset(
    """reuters bloomberg npr pbs bbc cnn cbs nbc abc msnbc cnbc afp ap upi efe ansa dpa xinhua kyodo jazeera politico axios
    broadcasting broadcaster television tv radio newspaper newspapers""".split()
)
# The words of an academic or research body's name that make a name holding a news word its
# institution still ("Reuters Institute for the Study of Journalism", "Columbia Journalism
# School", "Bloomberg School of Public Health", "Poynter Institute", "Knight Center").
_ACADEMIC_WORDS = (
    _INSTITUTION_NAME_WORDS
    | _KNOWN_INSTITUTION_WORDS
    | frozenset(
        """university universities college colleges institute institutes center centre foundation department faculty society
    association council trust commission bureau laboratory lab""".split()
    )
)


def is_news_outlet_phrase(part: str) -> bool:
    """Whether a credit's part names a news outlet by its words, not an academic or research
    body: its last word a newspaper's, a magazine's or a wire's (`_NEWS_LAST_WORDS`: "Chicago
    Tribune", "The Denver Post", "Associated Press"), its first "Daily" ("Daily Maverick"), or a
    word of it a wire's or a broadcaster's (`_NEWS_NAME_WORDS`: "Reuters", "NPR", "Fox News",
    "Public Radio"); and no word of it an academic body's (`_ACADEMIC_WORDS`: "Columbia
    Journalism School", "Reuters Institute for the Study of Journalism" are institutions)."""
    words = [core for word in part.split() if (core := word.casefold().strip(".,'\u2019\"()[]"))]
    if not words or any(word in _ACADEMIC_WORDS for word in words):
        return False
    return words[-1] in _NEWS_LAST_WORDS or words[0] == "daily" or any(word in _NEWS_NAME_WORDS for word in words)


# The longest outlet initials ("NPR", "KQED", "WAMU"); a longer word in capitals is a dateline's
# place ("WASHINGTON") or a name in capitals.
_MOST_INITIALS = 5


def _is_post_nominal(part: str) -> bool:
    """ "Jr.", "III", "Ph.D.", "MD, MPH": a name's suffixes and credentials, each word one of
    `name_vocabulary`'s (dots left out)."""
    words = [core for word in part.split() if (core := word.strip(",()[]").replace(".", "").lower())]
    credentials, _, suffixes = name_vocabulary()
    return bool(words) and all(word in credentials or word in suffixes for word in words)


def _is_proper_noun_phrase(part: str) -> bool:
    """Capitalised words (or words of a script without capitals) that start and end the phrase,
    with only joiners ("of", "de", "di") between; no digits."""
    tokens = [t.strip(".,'’\"()[]") for t in part.split()]
    tokens = [t for t in tokens if t]
    if not tokens or len(tokens) > _AFFILIATION_WORDS or any(ch.isdigit() for ch in part):
        return False

    def capitalised(token: str) -> bool:
        return token[:1].isupper() or _is_uncased_word(token)

    if not (capitalised(tokens[0]) and capitalised(tokens[-1])):
        return False
    if {t.lower() for t in tokens} <= _ROLE_WORDS:
        return False  # "Senior Energy", words of a job title
    return all(capitalised(t) or t.lower() in _PROPER_NOUN_JOINERS for t in tokens)


def _is_title_part(segment: str, outlets: Set[str]) -> bool:
    """ "Audience Development Manager", "Senior Staff Technologist", "Contributor": a job title and
    nothing else. A title that goes on to say where or of what ("Engineer on Google Play",
    "Professor of Law at Example University") may name the affiliation, and is kept."""
    shown = segment.split()
    words = [w.lower().strip(".,'\"()[]") for w in shown]
    if not words or len(words) > 8 or _is_outlet(segment, outlets) or any(_is_brand(w) or _is_outlet_initials(w) for w in shown):
        return False
    if set(words) & (_ORGANISATION_ONLY | _TITLE_OBJECT):
        return False
    return _is_job_title(segment)
