"""The byline reader's words in French, Spanish, Portuguese, Italian and German read the same
written without their accents, as a CMS that strips them or a keyboard without them leaves them:
the openers ("Publie par", "Ecrit par"), a newsroom's credit ("Par la redaction", "Por
Redaccion", "Por Redacao"), an institution's words ("Academie", "Ecole", "Universite",
"Universita") and an agency's ("Agencia"). Words are compared with their accents dropped on the
reader's side only: a name keeps its accents, and no two words of a list are merged."""

from __future__ import annotations

import pytest

from compliance.api import check_html, check_text
from compliance.document.byline_reading import person_key, read_byline


@pytest.mark.parametrize(
    ("accented", "unaccented", "names"),
    [
        ("Publié par Ana Ruiz", "Publie par Ana Ruiz", ("Ana Ruiz",)),
        ("Écrit par Ana Ruiz", "Ecrit par Ana Ruiz", ("Ana Ruiz",)),
        ("ÉCRIT PAR ANA RUIZ", "ECRIT PAR ANA RUIZ", ("ANA RUIZ",)),
        ("Publié par Claire Dubois et Luc Martin", "Publie par Claire Dubois et Luc Martin", ("Claire Dubois", "Luc Martin")),
        ("Par Ana Ruiz, mis à jour hier", "Par Ana Ruiz, mis a jour hier", ("Ana Ruiz",)),
    ],
)
def test_an_opener_reads_the_same_without_its_accents(accented: str, unaccented: str, names: tuple[str, ...]) -> None:
    for text in (accented, unaccented):
        reading = read_byline(text)
        assert reading is not None and (reading.names, reading.problem) == (names, None), text


@pytest.mark.parametrize(
    "text",
    ["Par la rédaction", "Par la redaction", "Por Redacción", "Por Redaccion", "Por Redação", "Por Redacao", "Publie par la redaction", "PAR LA REDACTION"],
)
def test_a_newsroom_credit_without_accents_is_a_staff_credit(text: str) -> None:
    reading = read_byline(text)
    assert reading is not None and (reading.names, reading.problem) == ((), "staff")


@pytest.mark.parametrize(
    ("text", "names", "institutions"),
    [
        ("Ana Ruiz, Académie Royale", ("Ana Ruiz",), ("Académie Royale",)),
        ("Ana Ruiz, Academie Royale", ("Ana Ruiz",), ("Academie Royale",)),
        ("Par Ana Ruiz, Academie de Paris et Luc Martin", ("Ana Ruiz", "Luc Martin"), ("Academie de Paris", "")),
        ("Par Ana Ruiz, Ecole Polytechnique et Luc Martin", ("Ana Ruiz", "Luc Martin"), ("Ecole Polytechnique", "")),
        ("Di Marco Rossi, Universita di Bologna e Luca Bianchi", ("Marco Rossi", "Luca Bianchi"), ("Universita di Bologna", "")),
        ("Ana Ruiz, Agencia Brasil", ("Ana Ruiz",), ("Agencia Brasil",)),
        # German without its umlauts: dropped, or spelt out as German writes them ("ae", "ue").
        ("Von Anna Weber, Universität Wien und Jonas Berg", ("Anna Weber", "Jonas Berg"), ("Universität Wien", "")),
        ("Von Anna Weber, Universitat Wien und Jonas Berg", ("Anna Weber", "Jonas Berg"), ("Universitat Wien", "")),
        ("Von Anna Weber, Universitaet Wien und Jonas Berg", ("Anna Weber", "Jonas Berg"), ("Universitaet Wien", "")),
        ("Anna Weber, Universitaet Wien", ("Anna Weber",), ("Universitaet Wien",)),
    ],
)
def test_an_institutions_words_read_the_same_without_accents(text: str, names: tuple[str, ...], institutions: tuple[str, ...]) -> None:
    reading = read_byline(text)
    assert reading is not None
    assert (reading.names, reading.institutions) == (names, institutions)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Names keep their accents, and names spelt like an unaccented word stay names.
        ("Par José Díaz", ("José Díaz",)),
        ("Por Ana Pérez y Luis Gómez", ("Ana Pérez", "Luis Gómez")),
        ("Par Eric Ecrivain", ("Eric Ecrivain",)),
        ("By Publio Ruiz", ("Publio Ruiz",)),
        ("Por Elena Él", ("Elena Él",)),
        ("Von Jürgen Müller und Jörg Bäcker", ("Jürgen Müller", "Jörg Bäcker")),
        ("Von Juergen Mueller und Joerg Baecker", ("Juergen Mueller", "Joerg Baecker")),
    ],
)
def test_names_are_read_as_before(text: str, names: tuple[str, ...]) -> None:
    reading = read_byline(text)
    assert reading is not None and reading.names == names


def test_person_key_still_drops_accents_and_case() -> None:
    assert person_key("José Díaz") == person_key("JOSE DIAZ") == person_key("Díaz, José")


@pytest.mark.parametrize("byline", ["Par la redaction", "Por Redaccion, Daily Caller News Foundation"])
def test_the_byline_rule_reports_an_unaccented_newsroom_credit_as_a_staff_credit(byline: str) -> None:
    page = (
        "<html><body><article><h1>Officials weigh new rules</h1>"
        f'<p class="byline">{byline}</p>'
        "<p>State officials said on Tuesday that the plan would go ahead after months of talks.</p>"
        "<p>This article was originally published by the Daily Caller News Foundation.</p></article></body></html>"
    )
    findings = {f.rule: f.detail for f in check_html(page, packs=["dcnf"]).findings}
    assert "staff credit" in (findings.get("dcnf/byline") or "")


STORY = "\n\n".join(
    [
        "Lawmakers shelve plan to cap rent increases",
        "{byline}",
        "A proposal to limit yearly rent hikes for older apartment buildings stalled in committee on Thursday.",
        "Supporters said they would try again next year with a narrower version of the bill.",
    ]
)


@pytest.mark.parametrize(
    ("byline", "pack"),
    [
        # A publisher's byline in another language: its "for", with or without the accent.
        ("Von Dana Whitlock, für The Texas Tribune", "texas-tribune"),
        ("Von Dana Whitlock, fur The Texas Tribune", "texas-tribune"),
        ("Von Dana Whitlock, fuer The Texas Tribune", "texas-tribune"),
        ("Von Dana Whitlock, fur ProPublica", "propublica"),
        ("Von Dana Whitlock und Ana Ruiz, fur ProPublica", "propublica"),
        ("Av Dana Whitlock, för ProPublica", "propublica"),
        # The reader's other openers and conjunctions: Danish "Af", Italian "Da", Swedish "och", Catalan "i".
        ("Af Dana Whitlock, ProPublica", "propublica"),
        ("Da Dana Whitlock, ProPublica", "propublica"),
        ("Av Dana Whitlock och Ana Ruiz, ProPublica", "propublica"),
        ("Por Rosa Ibarra i Ana Ruiz, CalMatters", "calmatters"),
    ],
)
def test_a_publisher_byline_in_another_language_identifies_the_story_with_or_without_accents(byline: str, pack: str) -> None:
    assert check_text(STORY.format(byline=byline)).packs == (pack,)


@pytest.mark.parametrize(
    "byline",
    [
        # Another outlet's byline that mentions the publisher, and a word that is no "for".
        "Von Dana Whitlock, fur Valley Ledger, mit Daten von ProPublica",
        "Von Dana Whitlock, fur die Zeit über ProPublica",
        "By Dana Whitlock, fur trade reporter for ProPublica",
        "Von Dana Whitlock, Furche ProPublica",
    ],
)
def test_a_mention_of_the_publisher_in_another_language_applies_no_pack(byline: str) -> None:
    assert check_text(STORY.format(byline=byline)).packs == ()


def _conversation_page(note: str) -> str:
    paragraphs = "".join(f"<p>Paragraph {n} of the story about spring runoff and the taste of the water in the glass.</p>" for n in range(6))
    return (
        '<html><body><article><h1>Why tap water tastes different in spring</h1><p class="byline">By Renata Okafor</p>'
        f"{paragraphs}<p>{note}</p>"
        '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative'
        ' Commons license. Read the <a href="https://theconversation.com/spring-runoff-228417">original article</a>.</p>'
        "</article></body></html>"
    )


def _institution_finding(note: str) -> list[str]:
    report = check_html(_conversation_page(note), packs=["the-conversation"])
    return [finding.message for finding in report.findings if finding.rule == "the-conversation/author-institution"]


@pytest.mark.parametrize(
    "institution",
    [
        "Université de Lyon",
        "Universite de Lyon",
        "Universität Wien",
        "Universitat Wien",
        "Universitaet Wien",
        "Universitat de Barcelona",
        "Università di Bologna",
        "Universita di Bologna",
        "Universidad de Chile",
        "Universidade de Sao Paulo",
        "Universiteit Utrecht",
        "Uppsala Universitet",
        "Karolinska Institutet",
        "École normale supérieure",
        "Ecole normale superieure",
        "Politecnico di Milano",
        "Technische Hochschule Koeln",
    ],
)
def test_an_author_note_names_an_institution_in_another_language_with_or_without_accents(institution: str) -> None:
    assert _institution_finding(f"Renata Okafor is a lecturer at the {institution}.") == []


@pytest.mark.parametrize(
    "note",
    [
        "Renata Okafor is a water chemist who writes about universal access to clean water.",
        "Renata Okafor is a water chemist who left academia to work for a utility.",
        "Renata Okafor is a water chemist at the Universe Water Company.",
    ],
)
def test_an_author_note_without_an_institution_still_fails(note: str) -> None:
    assert _institution_finding(note) == ["The byline credits Renata Okafor but not their institution."]
