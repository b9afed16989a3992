"""A page that quotes a story is not its copy, whatever the page's own length; a page that takes a
substantial part of the story is, however short the page (`compliance.audit.matching.shares_excerpt`)."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("datasketch", reason="the audit extra: pip install -e '.[audit]'")

PUBLISHER = "https://dailycallernewsfoundation.org"
WATER_URL = f"{PUBLISHER}/2025/03/04/water-rates-rise/"
FARM_URL = f"{PUBLISHER}/2025/05/12/farm-loans-program/"
BRIEF_URL = f"{PUBLISHER}/2025/07/01/ferry-service-cut/"

# A story of nine one-sentence paragraphs (as wire briefs are written): three of them are fewer
# words than two long quoted sentences elsewhere.
WATER = [
    "The city water board voted on Tuesday to raise residential rates by 14 percent starting in October, "
    "the largest increase the utility has sought in two decades.",
    "Board members said the money would pay for replacing lead service lines under a federal order that "
    "gives the city until the end of the decade to finish the work.",
    "The utility estimates that more than 11,000 homes in the older neighborhoods east of the river are still connected to the mains through lead pipes.",
    "A household using an average amount of water would pay about nine dollars more each month under the "
    "new schedule, according to figures presented at the meeting.",
    "Several residents who spoke during the public comment period asked the board to phase the increase "
    "in over three years instead of imposing it all at once.",
    "The board's chair said a slower schedule would raise borrowing costs and push the last replacements past the federal deadline.",
    "Low-income households enrolled in the county assistance program will be exempt from the increase for the first year, the utility said.",
    "The council must still approve the new rates, and two members have said they want an outside audit of the utility's spending before they vote.",
    "The first public hearing on the proposal is set for the second week of August at the central library.",
]

# A long story (thirty paragraphs): three of its paragraphs are a tenth of it, and still an excerpt.
_FARM_TOPICS = [
    "county extension agents",
    "dairy cooperatives in the north",
    "orchard growers along the lake shore",
    "cattle ranchers on the high plains",
    "vegetable farms near the city",
    "grain elevators on the rail line",
]
FARM = [
    f"Paragraph {n} of the report on the loan program describes how {_FARM_TOPICS[n % 6]} applied for the money in round {n}, "
    f"what the state agriculture office asked of them, and how long each of the {n + 3} applicants waited for an answer from the lenders."
    for n in range(30)
]

# A brief of four sentences: half of it is a substantial part of the story, though few words.
BRIEF = [
    "The state ferry service will cut weekend sailings to the islands from four to two starting next month.",
    "Officials blamed a shortage of licensed engineers for the change.",
    "Island business owners said the cut would hurt the summer tourist season.",
    "The service said it hopes to restore the sailings by autumn.",
]

# A story in Spanish (a partner's copy in another language is read by the same words).
ESCUELAS_URL = f"{PUBLISHER}/2025/09/02/escuelas-cierre/"
ESCUELAS = [
    "La junta escolar del condado votó el martes para cerrar tres escuelas primarias al final del año, una medida que afectará a casi 900 alumnos.",
    "Los miembros de la junta dijeron que la matrícula ha caído más de un veinte por ciento en la última década en los barrios del norte.",
    "Los padres que hablaron en la reunión pidieron que se aplazara la decisión hasta que se publique un estudio sobre el transporte escolar.",
    "El superintendente afirmó que el cierre ahorraría unos cuatro millones de dólares al año que se destinarían a salarios de maestros.",
    "Dos de los edificios necesitan reparaciones en el techo y en la calefacción que costarían más de lo que vale cada terreno.",
    "Los alumnos de las escuelas cerradas serán trasladados a otros cuatro centros que tienen aulas vacías desde hace varios años.",
    "La asociación de maestros dijo que estudiará la propuesta y que defenderá a los empleados que pierdan su puesto.",
    "La junta celebrará una audiencia pública en octubre antes de la votación definitiva sobre el plan de traslados.",
    "El distrito publicará en su sitio web los mapas de las nuevas zonas escolares durante las próximas semanas.",
]


def _story(title: str, url: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title><link rel="canonical" href="{url}"></head>'
        f"<body><article><h1>{title}</h1><p>By Jake Smith, Daily Caller News Foundation</p>{body}</article></body></html>"
    ).encode()


# The partner's own reporting, of any length the page needs.
OWN = [
    "Commissioner Ann Beale said the county could not pay for the repairs on its own and would ask the state for help next week.",
    "She said she would bring photos of the cracked supports on the Route 9 bridge to show lawmakers what was at stake.",
    "The Route 9 bridge carries about 4,000 vehicles a day, most of them trucks hauling grain to the elevator in Millbrook.",
    "Engineers who inspected the bridge last fall rated its deck in poor condition and recommended a weight limit.",
    "Residents who spoke at Tuesday's meeting said a detour would add 25 minutes to the drive to the hospital in Carver.",
    "The board will vote on a temporary repair plan at its next meeting on the first Tuesday of the month.",
]


def _partner(title: str, *blocks: str, own: int = 2) -> bytes:
    """A partner's page: a headline, its byline, `blocks` (HTML) and `own` paragraphs of its own reporting."""
    mine = "".join(f"<p>{p}</p>" for p in OWN[:own])
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title></head><body><article><h1>{title}</h1>'
        f"<p>By Tom Reyes, Valley Gazette</p>{''.join(blocks)}{mine}</article></body></html>"
    ).encode()


def _read_more(url: str) -> str:
    return f'<p>Read the <a href="{url}">full story</a>.</p>'


def _audited(page: bytes) -> Any:
    from compliance.audit.run import audit_page, choose_pack, prepare_stories
    from compliance.audit.sources import Page

    stories = [
        Page("originals/water.html", "saved:originals", _story("Water Rates Rise", WATER_URL, WATER)),
        Page("originals/farm.html", "saved:originals", _story("Farm Loans Program", FARM_URL, FARM)),
        Page("originals/brief.html", "saved:originals", _story("Ferry Service Cut", BRIEF_URL, BRIEF)),
        Page("originals/escuelas.html", "saved:originals", _story("Cierre de escuelas", ESCUELAS_URL, ESCUELAS)),
    ]
    work = prepare_stories(stories, choose_pack("dcnf"), threshold=0.5)
    return audit_page(Page("https://valley.example/news/local/", "valley.example", page), work)


def _sentence(paragraph: str, words: int = 0) -> str:
    return " ".join(paragraph.split()[:words]) if words else paragraph


@pytest.mark.parametrize(
    ("page", "story"),
    [
        # The try-out's short brief: one sentence in quotation marks, two paragraphs of its own, a link.
        (_partner("Our water bills", f"<p>As the Daily Caller News Foundation reported, “{WATER[3]}”</p>", _read_more(WATER_URL)), "water"),
        # The same at five paragraphs of its own (it was counted as citing before too).
        (_partner("Our water bills", f"<p>As the Daily Caller News Foundation reported, “{WATER[3]}”</p>", _read_more(WATER_URL), own=6), "water"),
        # Shorter still: the quote and one paragraph of its own.
        (_partner("Water", f'<p>"{WATER[0]}"</p>', _read_more(WATER_URL), own=1), "water"),
        # Two sentences quoted from two places, in a blockquote and in running text.
        (_partner("Water", f"<blockquote><p>{WATER[1]}</p></blockquote>", f"<p>The story adds: “{WATER[7]}”</p>", _read_more(WATER_URL)), "water"),
        # A sentence taken without quotation marks, as a summary of the story.
        (_partner("Water", f"<p>{WATER[4]} <a href='{WATER_URL}'>(more)</a></p>"), "water"),
        # The long story: a quoted paragraph of it on a short page.
        (_partner("Farm loans", f"<blockquote>{FARM[7]}</blockquote>", _read_more(FARM_URL), own=1), "farm"),
        # The brief: one of its four sentences quoted.
        (_partner("Ferries", f"<p>The foundation reported that “{BRIEF[0]}”</p>", _read_more(BRIEF_URL), own=1), "brief"),
        # In Spanish: a sentence quoted in «» on a short page of the partner's own.
        (_partner("Escuelas", f"<p>Según la fundación, «{ESCUELAS[3]}»</p>", _read_more(ESCUELAS_URL), own=1), "escuelas"),
    ],
    ids=["short-page", "long-page", "shortest-page", "two-quotes", "no-quotation-marks", "paragraph-of-a-long-story", "sentence-of-a-brief", "spanish"],
)
def test_a_page_that_only_quotes_a_story_cites_it_whatever_its_own_length(page: bytes, story: str) -> None:
    outcome = _audited(page)
    assert (outcome.copy, outcome.cites) == (None, f"originals/{story}.html")


def test_a_short_page_that_only_quotes_a_story_and_does_not_link_is_no_copy() -> None:
    # Most of the page is the quote (its containment in the story is past the threshold), but it is a quote.
    outcome = _audited(_partner("Water", f"<p>“{WATER[2]}”</p>", own=0))
    assert (outcome.copy, outcome.cites) == (None, "")


@pytest.mark.parametrize(
    ("page", "story", "matched_by"),
    [
        # Three consecutive paragraphs of the nine on a short page, with a link: a trimmed copy (most of
        # the page is the story's: matched by its text, which it shares more than a quotation of).
        (_partner("Water", *(f"<p>{p}</p>" for p in WATER[:3]), _read_more(WATER_URL), own=1), "water", "text"),
        # Three paragraphs taken from three places, with no quotation marks.
        (_partner("Water", *(f"<p>{WATER[i]}</p>" for i in (0, 3, 6)), _read_more(WATER_URL), own=1), "water", "text"),
        # Three paragraphs among more of the partner's own: below the threshold, matched by the link.
        (_partner("Water", *(f"<p>{p}</p>" for p in WATER[5:8]), _read_more(WATER_URL), own=6), "water", "link"),
        # The same three paragraphs with no link and nothing of the partner's: matched by its text.
        (_partner("Water", *(f"<p>{p}</p>" for p in WATER[:3]), own=0), "water", "text"),
        # Three paragraphs of the thirty-paragraph story: a tenth of it, but an excerpt, and most of the
        # page (its containment in the story is past the threshold): matched by its text.
        (_partner("Farm loans", *(f"<p>{p}</p>" for p in FARM[10:13]), _read_more(FARM_URL), own=1), "farm", "text"),
        # The same three paragraphs among more of the partner's own: below the threshold, matched by the link.
        (_partner("Farm loans", *(f"<p>{p}</p>" for p in FARM[10:13]), _read_more(FARM_URL), own=6), "farm", "link"),
        # Two of the brief's four sentences: few words, but half the story.
        (_partner("Ferries", *(f"<p>{p}</p>" for p in BRIEF[:2]), _read_more(BRIEF_URL), own=1), "brief", "link"),
        # Three paragraphs of the Spanish story on a short page.
        (_partner("Escuelas", *(f"<p>{p}</p>" for p in ESCUELAS[2:5]), _read_more(ESCUELAS_URL), own=1), "escuelas", "text"),
        # The whole story, short page or not.
        (_partner("Water", *(f"<p>{p}</p>" for p in WATER), own=0), "water", "text"),
    ],
    ids=[
        "three-paragraphs",
        "three-paragraphs-apart",
        "three-paragraphs-long-page",
        "three-paragraphs-no-link",
        "three-of-thirty",
        "three-of-thirty-long-page",
        "half-a-brief",
        "spanish",
        "whole-story",
    ],
)
def test_a_page_that_takes_a_substantial_part_of_a_story_is_its_copy(page: bytes, story: str, matched_by: str) -> None:
    outcome = _audited(page)
    assert outcome.copy is not None and outcome.cites == ""
    assert (outcome.copy.story, outcome.copy.matched_by) == (f"originals/{story}.html", matched_by)
    assert "dcnf/logo" in outcome.copy.findings


@pytest.mark.parametrize(
    ("shared", "coverage", "excerpt"),
    [(59, 0.33, False), (60, 0.0, True), (0, 1 / 3, True), (20, 0.2, False)],
)
def test_an_excerpt_is_measured_on_the_story_and_in_words_never_on_the_page(shared: int, coverage: float, excerpt: bool) -> None:
    from compliance.audit.matching import Match, shares_excerpt

    assert shares_excerpt(shared, coverage) is excerpt
    # The share of the page (containment) plays no part: a page that is all quotation is still citing.
    assert Match("s", "p", 0.1, 1.0, "link", coverage, shared).only_cites is not excerpt


# Stories in scripts written without spaces (Chinese, Japanese) and in Korean (written with spaces):
# shingled by characters and by words, so that a copy is a copy and a quoted sentence a quotation.
ZH_URL = f"{PUBLISHER}/2025/10/01/zh-water/"
ZH = [
    "市水务局星期二投票决定从十月起将居民水价上调百分之十四，这是该机构二十年来申请的最大涨幅。",
    "委员会成员表示，这笔资金将用于更换铅制供水管道，联邦命令要求该市在本十年结束前完成这项工程。",
    "据水务局估计，河东老城区仍有一万一千多户家庭通过铅管与总水管相连。",
    "根据会议上公布的数字，按照新的收费标准，一个平均用水量的家庭每月将多付大约九美元。",
    "几位在公众评论环节发言的居民要求委员会分三年逐步提价，而不是一次性全部实施。",
    "委员会主席说，放慢进度会提高借贷成本，并使最后一批管道的更换超过联邦规定的期限。",
    "水务局说，参加县援助计划的低收入家庭在第一年将免于这次涨价。",
    "新水价仍需市议会批准，两名议员已表示，他们希望在投票前对水务局的开支进行外部审计。",
    "关于这项提案的第一次公开听证会定于八月第二周在中央图书馆举行。",
]
# Another Chinese story on a related subject: it shares words with the first, never a run of them.
ZH_OTHER = [
    "县教育委员会星期二投票决定在学年结束时关闭三所小学，这一决定将影响近九百名学生。",
    "委员会成员说，过去十年北部社区的入学人数下降了百分之二十以上。",
    "在会上发言的家长要求推迟决定，直到一项关于校车交通的研究报告公布为止。",
    "学区总监表示，关闭学校每年可节省约四百万美元，这笔钱将用于教师工资。",
    "其中两栋建筑的屋顶和供暖系统需要维修，费用超过每块土地本身的价值。",
    "被关闭学校的学生将转到另外四所多年来一直有空教室的学校。",
    "教师协会说，他们将研究这项提案，并为失去工作的员工辩护。",
]
JA_URL = f"{PUBLISHER}/2025/10/02/ja-water/"
JA = [
    "市の水道局は火曜日、十月から家庭向けの水道料金を十四パーセント引き上げることを決めた。過去二十年で最大の値上げとなる。",
    "委員によると、この資金は連邦政府の命令に基づく鉛製の給水管の交換に充てられ、市は今後十年以内に工事を終えなければならない。",
    "水道局の推計では、川の東側にある古い地区の一万一千戸以上が今も鉛管で本管とつながっている。",
    "会議で示された数字によると、平均的な量の水を使う世帯は新しい料金体系で毎月およそ九ドル多く支払うことになる。",
    "意見公募の時間に発言した住民の何人かは、値上げを一度に実施するのではなく三年かけて段階的に行うよう求めた。",
    "委員長は、ペースを落とせば借入費用が増え、最後の交換が連邦の期限を過ぎてしまうと述べた。",
    "郡の支援プログラムに登録している低所得世帯は、最初の一年間は値上げの対象外になると水道局は説明した。",
    "新しい料金には市議会の承認が必要で、二人の議員は採決の前に水道局の支出について外部監査を求めている。",
    "この提案に関する最初の公聴会は、八月の第二週に中央図書館で開かれる予定だ。",
]
KO_URL = f"{PUBLISHER}/2025/10/03/ko-water/"
KO = [
    "시 수도위원회는 화요일 10월부터 가정용 수도 요금을 14퍼센트 인상하기로 의결했으며 이는 지난 20년 동안 가장 큰 인상 폭이다.",
    "위원들은 이 자금이 연방 명령에 따라 납으로 된 급수관을 교체하는 데 쓰일 것이며 시는 이번 10년이 끝나기 전까지 공사를 마쳐야 한다고 말했다.",
    "수도국은 강 동쪽의 오래된 동네에 있는 1만 1천여 가구가 아직도 납관으로 본관에 연결되어 있다고 추산한다.",
    "회의에서 공개된 수치에 따르면 평균적인 양의 물을 쓰는 가구는 새 요금표에 따라 매달 약 9달러를 더 내게 된다.",
    "공개 의견 청취 시간에 발언한 주민 몇 명은 인상을 한꺼번에 시행하지 말고 3년에 걸쳐 나누어 달라고 요청했다.",
    "위원장은 속도를 늦추면 차입 비용이 늘어나고 마지막 교체 공사가 연방 기한을 넘기게 된다고 말했다.",
    "군 지원 프로그램에 등록된 저소득 가구는 첫해 동안 인상 대상에서 제외된다고 수도국은 밝혔다.",
    "새 요금은 아직 시의회의 승인을 받아야 하며 의원 두 명은 표결 전에 수도국 지출에 대한 외부 감사를 원한다고 밝혔다.",
    "이 제안에 대한 첫 공청회는 8월 둘째 주 중앙도서관에서 열릴 예정이다.",
]


def _audited_unspaced(page: bytes) -> Any:
    from compliance.audit.run import audit_page, choose_pack, prepare_stories
    from compliance.audit.sources import Page

    stories = [
        Page("originals/zh.html", "saved:originals", _story("市水价上调", ZH_URL, ZH)),
        Page("originals/zh-other.html", "saved:originals", _story("三所小学将关闭", f"{PUBLISHER}/2025/10/04/zh-schools/", ZH_OTHER)),
        Page("originals/ja.html", "saved:originals", _story("水道料金の値上げ", JA_URL, JA)),
        Page("originals/ko.html", "saved:originals", _story("수도 요금 인상", KO_URL, KO)),
    ]
    work = prepare_stories(stories, choose_pack("dcnf"), threshold=0.5)
    return audit_page(Page("https://valley.example/news/asia/", "valley.example", page), work)


def _paragraphs(texts: list[str]) -> list[str]:
    return [f"<p>{t}</p>" for t in texts]


@pytest.mark.parametrize(
    ("page", "story", "matched_by"),
    [
        (_partner("水价", *_paragraphs(ZH), own=0), "zh", "text"),
        # Three paragraphs of nine, with none of the partner's own and no link.
        (_partner("水价", *_paragraphs(ZH[2:5]), own=0), "zh", "text"),
        # A copy whose punctuation was changed and whose paragraphs were run together.
        (_partner("水价", "<p>" + " ".join(p.replace("，", ", ").replace("。", ". ") for p in ZH[:5]) + "</p>", own=0), "zh", "text"),
        # Mixed: the copy adds a sentence in English after each Chinese paragraph.
        (_partner("水价", *(f"<p>{p} (Translated by the Valley Gazette desk.)</p>" for p in ZH[:6]), own=0), "zh", "text"),
        (_partner("水道料金", *_paragraphs(JA[1:5]), own=0), "ja", "text"),
        (_partner("수도 요금", *_paragraphs(KO[:4]), own=0), "ko", "text"),
    ],
    ids=["chinese-whole", "chinese-three-paragraphs", "chinese-repunctuated", "chinese-mixed-with-english", "japanese", "korean"],
)
def test_a_copy_in_a_script_written_without_spaces_is_a_copy(page: bytes, story: str, matched_by: str) -> None:
    outcome = _audited_unspaced(page)
    assert outcome.copy is not None, outcome
    assert (outcome.copy.story, outcome.copy.matched_by) == (f"originals/{story}.html", matched_by)


@pytest.mark.parametrize(
    ("page", "story"),
    [
        (_partner("水价", f"<p>据基金会报道，“{ZH[3]}”</p>", _read_more(ZH_URL), own=1), "zh"),
        (_partner("水道料金", f"<p>財団の報道によると「{JA[2]}」</p>", _read_more(JA_URL), own=1), "ja"),
        (_partner("수도 요금", f"<p>재단의 보도에 따르면 “{KO[3]}”</p>", _read_more(KO_URL), own=1), "ko"),
    ],
    ids=["chinese", "japanese", "korean"],
)
def test_a_page_quoting_one_sentence_of_an_unspaced_story_cites_it(page: bytes, story: str) -> None:
    outcome = _audited_unspaced(page)
    assert (outcome.copy, outcome.cites) == (None, f"originals/{story}.html")


def test_another_chinese_story_on_a_related_subject_is_no_copy() -> None:
    outcome = _audited_unspaced(_partner("学校", *_paragraphs(ZH_OTHER), own=0))
    assert outcome.copy is not None and outcome.copy.story == "originals/zh-other.html"
    outcome = _audited_unspaced(_partner("学校", *_paragraphs(ZH_OTHER[:5]), *_paragraphs(ZH[8:]), own=0))
    assert outcome.copy is not None and outcome.copy.story == "originals/zh-other.html"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Latin text keeps its word 5-grams.
        ("One two three four five six", {"one two three four five", "two three four five six"}),
        ("Too short", {"too short"}),
        ("", set()),
        # Ten characters of Chinese are a shingle; a word weighs two of them.
        ("市水务局星期二投票决定", {"市 水 务 局 星 期 二 投 票 决", "水 务 局 星 期 二 投 票 决 定"}),
        ("苹果公司CEO库克说了", {"苹 果 公 司 ceo 库 克 说 了"}),
        ("短い文", {"短 い 文"}),
        # Thai vowel signs above and below stay with their letters (a leading vowel is a letter); Devanagari words keep their vowel signs.
        ("ที่มีไม่", {"ที่ มี ไ ม่"}),
        ("हिन्दी भाषा में समाचार लेख आज", {"हिन्दी भाषा में समाचार लेख", "भाषा में समाचार लेख आज"}),
    ],
    ids=["latin", "latin-short", "empty", "chinese", "mixed", "japanese-short", "thai", "hindi"],
)
def test_shingles_read_words_and_unspaced_characters(text: str, expected: set[str]) -> None:
    from compliance.audit.matching import shingles

    assert shingles(text) == expected


def test_the_original_mismatch_text_test_reads_chinese_by_characters() -> None:
    # The engine tells a copy of another publisher's original from another story by the same shingles.
    from compliance.document import parse_document
    from compliance.engine import _shares_text

    original = parse_document(_story("市水价上调", ZH_URL, ZH), "html")
    copy = parse_document(_partner("水价", *_paragraphs(ZH[:4]), own=0), "html")
    other = parse_document(_partner("学校", *_paragraphs(ZH_OTHER), own=0), "html")
    assert (_shares_text(copy, original), _shares_text(other, original)) == (True, False)
