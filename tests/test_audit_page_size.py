"""How large a page `syndcheck audit` reads: `fetch: {max-bytes: N}` bounds every page, wherever it
comes from (a site, a web archive, a folder of saved pages, the stories' folder), a page of N bytes
is read and one of N + 1 is a problem that names the setting to raise; left unset, a fetched page
may hold 5,000,000 bytes and an archived or saved one 16 MiB, as `syndcheck check` reads a file.
Before, archived and saved pages were held to 5,000,000 bytes whatever the audit file said."""

from __future__ import annotations

import io
import json
import re
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("warcio", reason="the audit extra: pip install -e '.[audit]'")

from compliance.audit.config import FETCHED_MAX_BYTES, SAVED_MAX_BYTES, parse_audit_config, too_large
from compliance.audit.sources import Page, folder_pages, warc_records
from compliance.errors import ConfigError
from tests.conftest import ROOT
from tests.test_audit import web

PUBLISHER = "https://dailycallernewsfoundation.org"


def _liveblog(size: int) -> str:
    """Updates of a live blog after the story, `size` characters of them."""
    update = '<div class="update"><time>10:42</time><p>The council met again and the vote was put off.</p></div>\n'
    return (update * (size // len(update) + 1))[:size]


def _script(size: int) -> str:
    return "x" * size


def _comment(size: int) -> str:
    return "-" * size


# Where a page's bulk is, as partners' pages carry it: (name, where it goes, its opening, its closing, the filler).
SHAPES: dict[str, tuple[str, str, str, Callable[[int], str]]] = {
    # Updates after the article: the filler ends in a text node however it is cut.
    "liveblog": ("</main>", '<section class="live"><div>', "</div></section>", _liveblog),
    "script": ("</head>", '<script>var state = "', '";</script>', _script),
    "comment": ("</body>", "<!-- ", " -->", _comment),
}


def padded(page: bytes, size: int, shape: str) -> bytes:
    """`page` with filler of the `shape` added so that it holds exactly `size` bytes."""
    at, opening, closing, filler = SHAPES[shape]
    text = page.decode()
    fill = size - len(page) - len(opening) - len(closing)
    assert fill >= 0, "the page is larger than the size asked for"
    out = text.replace(at, opening + filler(fill) + closing + at, 1).encode()
    assert len(out) == size
    return out


def _warc(path: Path, records: list[tuple[str, bytes, str]], *, gzip: bool = True) -> None:
    """A WARC of `(url, body, kind)`: `response` an HTTP answer, `resource` a file archived without one (warcit)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for url, body, kind in records:
            if kind == "response":
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
                record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers)
            else:
                record = writer.create_warc_record(url, "resource", payload=io.BytesIO(body), length=len(body), warc_content_type="text/html")
            writer.write_record(record)


def _outcomes(items: Any) -> dict[str, str]:
    """Each page's key → "read", or its problem."""
    return {item.key if isinstance(item, Page) else item.where: "read" if isinstance(item, Page) else item.what for item in items}


LIMIT = 40_000


@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize(("kind", "gzip"), [("response", True), ("response", False), ("resource", True)])
def test_an_archived_page_of_max_bytes_is_read_and_one_byte_more_is_a_problem_naming_the_setting(tmp_path: Path, shape: str, kind: str, gzip: bool) -> None:
    hosts = ("https://valley.example", "https://www.coastal-herald.example", "http://news.ridge.example")
    records = []
    for index, host in enumerate(hosts):
        page = web.copy(PUBLISHER, host, index, "stripped")
        records += [(f"{host}/news/at-limit/", padded(page, LIMIT, shape), kind), (f"{host}/news/over-limit/", padded(page, LIMIT + 1, shape), kind)]
    _warc(tmp_path / "crawl.warc.gz", records, gzip=gzip)
    outcomes = _outcomes(warc_records(tmp_path / "crawl.warc.gz", max_bytes=LIMIT))
    for host in hosts:
        assert outcomes[f"{host}/news/at-limit/"] == "read"
        assert outcomes[f"{host}/news/over-limit/"] == f"larger than {LIMIT} bytes; not read — raise max-bytes under fetch: in the audit file to read it"
    # Raised by a byte, the larger page is read too; lowered by one, neither is.
    assert set(_outcomes(warc_records(tmp_path / "crawl.warc.gz", max_bytes=LIMIT + 1)).values()) == {"read"}
    assert set(_outcomes(warc_records(tmp_path / "crawl.warc.gz", max_bytes=LIMIT - 1)).values()) == {too_large(LIMIT - 1)}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_a_saved_page_of_max_bytes_is_read_and_one_byte_more_is_a_problem_naming_the_setting(tmp_path: Path, shape: str) -> None:
    saved = tmp_path / "saved"
    (saved / "sub").mkdir(parents=True)
    # Named as a page, in a subfolder, and named as no page (wget's `index.html?p=3`, read by what it holds).
    names = ("valley-story.html", "sub/herald.htm", "index.html?p=3")
    for index, name in enumerate(names):
        page = web.copy(PUBLISHER, f"https://site{index}.example", index, "compliant")
        (saved / f"{name}").write_bytes(padded(page, LIMIT, shape))
        (saved / f"big-{name.replace('/', '-')}").write_bytes(padded(page, LIMIT + 1, shape))
    outcomes = _outcomes(folder_pages(saved, sniff=True, max_bytes=LIMIT))
    for name in names:
        assert outcomes[f"saved/{name}"] == "read"
        assert outcomes[f"saved/big-{name.replace('/', '-')}"] == too_large(LIMIT)
    assert set(_outcomes(folder_pages(saved, sniff=True, max_bytes=LIMIT + 1)).values()) == {"read"}


def test_unset_an_archived_or_saved_page_may_hold_16_mib_as_check_reads_a_file(tmp_path: Path) -> None:
    page = web.copy(PUBLISHER, "https://valley.example", 0, "stripped")
    # A live blog of 6 MB (over the 5,000,000 bytes a fetched page may hold) and one a byte over 16 MiB.
    sizes = {"six-mb": 6_000_000, "at-limit": SAVED_MAX_BYTES, "over-limit": SAVED_MAX_BYTES + 1}
    _warc(tmp_path / "crawl.warc.gz", [(f"https://valley.example/{name}/", padded(page, size, "liveblog"), "response") for name, size in sizes.items()])
    (tmp_path / "saved").mkdir()
    for name, size in sizes.items():
        (tmp_path / "saved" / f"{name}.html").write_bytes(padded(page, size, "comment"))
    archived = _outcomes(warc_records(tmp_path / "crawl.warc.gz"))
    saved = _outcomes(folder_pages(tmp_path / "saved"))
    assert [archived[f"https://valley.example/{name}/"] for name in sizes] == ["read", "read", f"larger than {16 * 1024 * 1024} bytes; " + _RAISE]
    assert [saved[f"saved/{name}.html"] for name in sizes] == ["read", "read", too_large(SAVED_MAX_BYTES)]


_RAISE = "not read — raise max-bytes under fetch: in the audit file to read it"


@pytest.mark.parametrize("gzip", [True, False], ids=["gzip", "plain"])
def test_a_record_over_the_limit_is_passed_over_never_read_whole(tmp_path: Path, gzip: bool) -> None:
    """An archived page of 30 MB, with a limit of 1 MB, costs about 1 MB of memory, not 30: its
    body is read to a byte past the limit and the rest streamed past; the page after it is read.
    (Text as varied as a page's: warcio inflates a gzip member 16 KB of it at a time, and a
    member of one byte repeated would inflate to as much as 16 MB at once.)"""
    import random

    huge = b"<html><body><article><p>" + random.Random(7).randbytes(15_000_000).hex().encode() + b"</p></article></body></html>"
    small = web.copy(PUBLISHER, "https://valley.example", 1, "compliant")
    _warc(tmp_path / "crawl.warc.gz", [("https://valley.example/huge/", huge, "response"), ("https://valley.example/next/", small, "response")], gzip=gzip)
    (tmp_path / "saved").mkdir()
    (tmp_path / "saved" / "huge.html").write_bytes(huge)
    tracemalloc.start()
    try:
        archived = _outcomes(warc_records(tmp_path / "crawl.warc.gz", max_bytes=1_000_000))
        saved = _outcomes(folder_pages(tmp_path / "saved", max_bytes=1_000_000))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert archived == {"https://valley.example/huge/": too_large(1_000_000), "https://valley.example/next/": "read"}
    assert saved == {"saved/huge.html": too_large(1_000_000)}
    assert len(huge) > 30_000_000 and peak < 4_000_000, peak


def _audit(tmp: Path, fetch: str) -> tuple[Path, str]:
    """An audit of the DCNF stories over an archive and a folder, each with a stripped copy of
    exactly LIMIT bytes and one of LIMIT + 1; returns the audit file and the folder of reports."""
    folder = tmp / "originals"
    folder.mkdir(exist_ok=True)
    for index in range(web.STORIES):
        (folder / f"story-{index}.html").write_bytes(web.original(PUBLISHER, index))
    records = [
        ("https://valley.example/news/story-0/", padded(web.copy(PUBLISHER, "https://valley.example", 0, "stripped"), LIMIT, "liveblog"), "response"),
        ("https://valley.example/news/story-1/", padded(web.copy(PUBLISHER, "https://valley.example", 1, "stripped"), LIMIT + 1, "script"), "response"),
    ]
    _warc(tmp / "crawl.warc.gz", records)
    (tmp / "saved").mkdir(exist_ok=True)
    (tmp / "saved" / "story-2.html").write_bytes(padded(web.copy(PUBLISHER, "https://ridge.example", 2, "stripped"), LIMIT, "comment"))
    (tmp / "saved" / "story-3.html").write_bytes(padded(web.copy(PUBLISHER, "https://ridge.example", 3, "stripped"), LIMIT + 1, "liveblog"))
    text = f"pack: dcnf\nstories: {{folder: originals/}}\nsources:\n  - warc: crawl.warc.gz\n  - folder: saved/\noutput: report/\n{fetch}"
    (tmp / "audit.yaml").write_text(text, encoding="utf-8")
    return tmp / "audit.yaml", "report"


def _copies_and_problems(tmp: Path, folder: str) -> tuple[dict[str, list[str]], dict[str, str]]:
    report = json.loads((tmp / folder / "report.json").read_text(encoding="utf-8"))
    copies = {copy["url"]: copy["findings"] for story in report["stories"] for copy in story["copies"]}
    return copies, {problem["url"]: problem["problem"] for problem in report["problems"]}


def test_the_audit_reads_archived_and_saved_pages_up_to_max_bytes_as_set(cli: Any, tmp_path: Path) -> None:
    config, folder = _audit(tmp_path, f"fetch: {{max-bytes: {LIMIT}}}\n")
    run = cli("audit", str(config))
    assert run.code == 0, run.err
    copies, problems = _copies_and_problems(tmp_path, folder)
    # The pages of LIMIT bytes are checked (stripped: no logo); those a byte larger are problems.
    assert sorted(copies) == ["https://valley.example/news/story-0/", "saved/story-2.html"]
    assert all("dcnf/logo" in findings for findings in copies.values())
    assert problems == {"https://valley.example/news/story-1/": too_large(LIMIT), "saved/story-3.html": too_large(LIMIT)}
    assert "2 problems (2 pages too large)" in run.out

    # Raised: every page is read. Unset: so too (16 MiB). Lowered under the smaller pages: none is.
    # (Each a first run: a later one carries the copies of the pages it could not read.)
    runs = ((f"fetch: {{max-bytes: {LIMIT + 1}}}\n", 4), ("", 4), ("fetch: {rate: 5}\n", 4), (f"fetch: {{max-bytes: {LIMIT - 1}}}\n", 0))
    for number, (fetch, read) in enumerate(runs):
        (tmp_path / str(number)).mkdir()
        config, folder = _audit(tmp_path / str(number), fetch)
        run = cli("audit", str(config))
        # An audit that reads no page of any source exits 2, and says why: the pages' problem.
        assert (run.code, "no page read from the sources" in run.err) == ((0, False) if read else (2, True)), run.err
        assert read or too_large(LIMIT - 1) in run.err
        copies, problems = _copies_and_problems(tmp_path / str(number), folder)
        assert (len(copies), len(problems)) == (read, 4 - read), fetch
        assert set(problems.values()) <= {too_large(LIMIT - 1)}


def test_the_readme_shows_the_problem_as_the_audit_writes_it_and_the_docs_give_the_same_defaults() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    security = " ".join((ROOT / "docs" / "security.md").read_text(encoding="utf-8").split())
    assert f"`{too_large(5_000_000)}`" in readme
    for doc in (readme, security):
        assert f"{FETCHED_MAX_BYTES:,} bytes for a page fetched" in doc
        assert f"{SAVED_MAX_BYTES // 1024 // 1024} MiB for one archived or saved" in doc


def _config(tmp: Path, text: str) -> Any:
    (tmp / "saved").mkdir(exist_ok=True)
    (tmp / "stories").mkdir(exist_ok=True)
    return parse_audit_config(text, tmp / "audit.yaml")


BASE = "pack: dcnf\nstories: {folder: stories/}\nsources:\n  - folder: saved/\noutput: out/\n"


@pytest.mark.parametrize(
    ("fetch", "fetched", "saved"),
    [
        ("", FETCHED_MAX_BYTES, SAVED_MAX_BYTES),
        ("fetch: {timeout: 5}\n", FETCHED_MAX_BYTES, SAVED_MAX_BYTES),
        ("fetch: {max-bytes: 20000000}\n", 20_000_000, 20_000_000),
        ("fetch:\n  max-bytes: 1000\n", 1000, 1000),
    ],
)
def test_max_bytes_once_set_is_the_limit_of_every_page(tmp_path: Path, fetch: str, fetched: int, saved: int) -> None:
    limits = _config(tmp_path, BASE + fetch).fetch
    assert (limits.fetched_bytes, limits.saved_bytes) == (fetched, saved)
    assert (FETCHED_MAX_BYTES, SAVED_MAX_BYTES) == (5_000_000, 16 * 1024 * 1024)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # Written beside `fetch:` rather than under it, or in a source: an error at its place, saying where it goes.
        (
            BASE + "max-bytes: 20000000\n",
            "audit.yaml:6:1: unknown key 'max-bytes' — max-bytes is a fetch setting, for every source alike: write it under fetch: (fetch: {max-bytes: …})",
        ),
        (
            "pack: dcnf\nstories: {folder: stories/}\nsources:\n  - folder: saved/\n    max-bytes: 20000000\noutput: out/\n",
            "audit.yaml:5:5: unknown key 'max-bytes' in a source — max-bytes is a fetch setting, for every source alike",
        ),
        (
            "pack: dcnf\nstories: {folder: stories/}\nsources:\n  - site: {urls: [http://a.example/x], page-timeout: 5}\noutput: out/\n",
            "audit.yaml:4:40: unknown key 'page-timeout' in a site source — page-timeout is a fetch setting",
        ),
        # A misspelt key is still the key it may mean; a misspelt setting under fetch too.
        (BASE + "max-byte: 20000000\n", "audit.yaml:6:1: unknown key 'max-byte' — known keys: pack, stories"),
        (BASE + "fetch: {max-byte: 20000000}\n", "audit.yaml:6:9: unknown fetch setting 'max-byte' — did you mean 'max-bytes'?"),
        (BASE + "fetch: {max-bytes: 0}\n", "audit.yaml:6:20: fetch max-bytes must be a positive int"),
        (BASE + "fetch: {max-bytes: 16 MiB}\n", "audit.yaml:6:20: fetch max-bytes must be a positive int"),
        (BASE + "fetch: {max-bytes: 2.5}\n", "audit.yaml:6:20: fetch max-bytes must be a positive int"),
    ],
)
def test_max_bytes_out_of_its_place_or_wrong_is_an_error_at_its_line(tmp_path: Path, text: str, said: str) -> None:
    with pytest.raises(ConfigError) as raised:
        _config(tmp_path, text)
    shown = re.sub(r"^.*?audit\.yaml", "audit.yaml", str(raised.value))
    assert shown.startswith(said), shown


@pytest.mark.parametrize(
    ("sizes", "expected"),
    [
        ([10] * 7, [3, 3, 1]),  # by count: at most 3 pages a batch
        ([40, 40, 40, 40], [2, 2]),  # by bytes: a batch ends once it holds 64 bytes or more
        ([100, 5, 5, 5, 5], [1, 3, 1]),  # a page larger than the bound is a batch of its own
        ([60, 3, 10, 10], [3, 1]),  # the page that reaches the bound ends its batch
        ([], []),
    ],
)
def test_pages_are_audited_in_batches_bounded_by_count_and_by_bytes(sizes: list[int], expected: list[int]) -> None:
    # 256 pages of up to 16 MiB each (an archive's live blogs) would be 4 GiB in memory at once:
    # a batch also ends at a number of bytes.
    from compliance.audit.run import page_batches
    from compliance.audit.sources import Page

    pages = [Page(f"https://partner.example/{n}", "partner.example", b"x" * size) for n, size in enumerate(sizes)]
    batches = list(page_batches(iter(pages), 3, 64))
    assert [len(batch) for batch in batches] == expected
    assert [page for batch in batches for page in batch] == pages
