"""`reused-photos` and a photo that loads the same file as one of the original's: the agency that
the original credits still owns it when the copy drops the credit or replaces it with its own
words ("(Gazette file photo)"), so the copy is warned with the original's credit. A photo of the
copy's own, or one whose file the original does not have, is judged by its own credit as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

PHOTO = "https://dailycallernewsfoundation.org/wp-content/uploads/2024/06/taliban-kabul.jpg"
CREDIT = "(Photo by WAKIL KOHSAR/AFP via Getty Images)"


def original(tmp_path: Path) -> Path:
    path = tmp_path / "original.html"
    path.write_text(
        "<html><body><article><h1>Taliban tighten grip on Kabul</h1>\n"
        '<p class="byline">By Jake Smith, Daily Caller News Foundation</p>\n'
        f'<figure><img src="{PHOTO}" alt="Taliban fighters in Kabul"><figcaption>{CREDIT}</figcaption></figure>\n'
        "<p>Taliban fighters patrolled the streets of Kabul on Monday as the group tightened its grip on the city.</p>\n"
        "</article></body></html>\n",
        encoding="utf-8",
    )
    return path


def copy(tmp_path: Path, figure: str) -> Path:
    path = tmp_path / "copy.html"
    path.write_text(
        "<html><body><article><h1>Taliban tighten grip on Kabul</h1>\n"
        '<p><img src="https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png" alt="Daily Caller News Foundation logo"></p>\n'
        '<p class="byline">By Jake Smith, Daily Caller News Foundation</p>\n'
        f"{figure}\n"
        "<p>Taliban fighters patrolled the streets of Kabul on Monday as the group tightened its grip on the city.</p>\n"
        "</article></body></html>\n",
        encoding="utf-8",
    )
    return path


REUSED = {
    "caption dropped": f'<figure><img src="{PHOTO}" alt="Taliban fighters in Kabul"></figure>',
    "caption replaced": f'<figure><img src="{PHOTO}" alt="Taliban fighters in Kabul"><figcaption>(Gazette file photo)</figcaption></figure>',
    "a size variant on another host, no caption": '<img src="https://cdn.gazette.example/2024/06/taliban-kabul-1024x683.jpg" alt="Fighters">',
}


@pytest.mark.parametrize("figure", REUSED.values(), ids=REUSED.keys())
def test_the_originals_agency_credit_follows_its_photo(cli: Any, tmp_path: Path, figure: str) -> None:
    run = cli("check", "--format", "json", "--pack", "dcnf", "--original", str(original(tmp_path)), str(copy(tmp_path, figure)))
    (finding,) = [f for f in run.json()["files"][0]["findings"] if f["rule"] == "dcnf/reused-agency-photo"]
    assert finding["severity"] == "warning"
    assert finding["message"] == f'A photo reused from the DCNF original is credited to an agency: "{CREDIT}".'
    assert finding["evidence"] == f"{CREDIT} (the original's credit of this photo, which the copy does not give)"
    assert finding["line"] == 4


def test_the_copys_own_agency_credit_is_quoted_as_before(cli: Any, tmp_path: Path) -> None:
    figure = f'<figure><img src="{PHOTO}" alt="Taliban fighters in Kabul"><figcaption>{CREDIT}</figcaption></figure>'
    run = cli("check", "--format", "json", "--pack", "dcnf", "--original", str(original(tmp_path)), str(copy(tmp_path, figure)))
    (finding,) = [f for f in run.json()["files"][0]["findings"] if f["rule"] == "dcnf/reused-agency-photo"]
    assert finding["evidence"] == CREDIT


@pytest.mark.parametrize(
    "figure",
    [
        '<figure><img src="https://cdn.gazette.example/2024/06/council-meeting.jpg" alt="Council"><figcaption>(Gazette photo)</figcaption></figure>',
        '<figure><img src="https://cdn.gazette.example/2024/06/kabul-street.jpg" alt="Kabul"></figure>',
    ],
    ids=["the copy's own photo", "another file, no caption"],
)
def test_a_photo_the_original_does_not_have_is_not_the_originals(cli: Any, tmp_path: Path, figure: str) -> None:
    run = cli("check", "--format", "json", "--pack", "dcnf", "--original", str(original(tmp_path)), str(copy(tmp_path, figure)))
    assert run.code == 0, run.out
    assert "dcnf/reused-agency-photo" not in [f["rule"] for f in run.json()["files"][0]["findings"]]
