"""Audit state in SQLite: the runs, every URL fetched (with its validators and what came of it) and
every page's outcome (its content digest, and the checked copy when it is one).

- A run stopped midway (killed, Ctrl-C, a crash) is resumed by the next audit of the same
  configuration: a URL that run already fetched is not asked for again (its body is in the HTTP
  cache beside the state, its problem here), and a page already audited is not parsed again.
- A later run asks again, conditionally (the HTTP cache sends the validators; an unchanged page is
  answered 304), and a page whose content and audit basis (syndcheck, the packs, the stories, the
  threshold) are unchanged keeps its stored outcome, on the days that outcome holds on: a verdict
  on a notice that holds until a date (an embargo) is stored with the days it holds (`Days`), and
  a run on a day outside them checks the page again.

Every record is committed as soon as it exists, so a killed audit loses at most what was in flight.
"""

from __future__ import annotations

import datetime
import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path

from compliance.audit.fetching import Fetched
from compliance.audit.report import CheckedCopy
from compliance.findings import Days

# Bumped when the tables change; an older state is a cache and is started afresh (6: the days an
# outcome holds on, `first` and `last`; an outcome stored without them may be an embargo's ended).
SCHEMA_VERSION = 6
_SCHEMA = """
create table runs (id integer primary key, config text not null, started real not null, finished real);
create table fetched (
    url text primary key, run integer not null, final_url text, status integer, problem text,
    etag text, last_modified text, content_type text
);
create table outcomes (
    key text primary key, run integer not null, digest text not null, basis text not null, site text, copy text, cites text, own integer,
    first text, last text
);
"""
# The copies each run reported, as it reported them (one per page, with every address it was read
# at): what a later run that cannot read them carries. Added without a new schema version: a state
# kept before it has no rows here, and its pages' outcomes stand in for them.
_REPORTED = "create table if not exists reported (run integer not null, site text not null, basis text not null, copy text not null)"

# The pages each sitemap or feed listed when it was last read (an index: every sitemap in it, each
# with the pages below it): a later run that cannot read it carries the copies of those pages.
# Added without a new schema version, as `reported`: a state kept before it knows no listing.
_LISTED = "create table if not exists listed (source text not null, url text not null, run integer not null)"


_TABLES = frozenset({"runs", "fetched", "outcomes", "reported", "listed"})
# The first bytes of every SQLite database file (https://www.sqlite.org/fileformat.html).
SQLITE_HEADER = b"SQLite format 3\x00"


class StateUnusable(Exception):
    """A file the audit cannot keep its state (or HTTP cache) in, and leaves as it is: `PATH: why`, one line."""


def check_database(path: Path) -> None:
    """Raise `StateUnusable` when `path` exists and SQLite cannot keep a database in it without
    writing over something else: not a regular file (a directory, `/dev/null`, a FIFO), or a
    regular file that is neither empty nor a SQLite database (read: its first 16 bytes)."""
    from compliance.errors import UserError
    from compliance.inputs import NotRegular, open_regular

    if not path.exists() and not path.is_symlink():
        return
    try:
        with open_regular(path, str(path)) as handle:
            header = handle.read(len(SQLITE_HEADER))
    except NotRegular as exc:
        raise StateUnusable(f"{path}: it is {exc.what}, not a file") from None
    except UserError as exc:
        raise StateUnusable(f"{path} cannot be read: {exc.what.removeprefix('cannot read file: ')}") from None
    except OSError as exc:
        raise StateUnusable(f"{path} cannot be read: {exc.strerror or exc}") from None
    if header and header != SQLITE_HEADER:
        raise StateUnusable(f"{path}: it is not a SQLite database (it is left as it is)")


class AuditState:
    """A thread-safe store of runs, fetch records and page outcomes (see the module's docstring).

    Raises `StateUnusable` for a SQLite database that holds tables of something else (it is left
    as it is), and `sqlite3.Error` or `OSError` when the file cannot be opened or written."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, check_same_thread=False)
        self.lock = threading.Lock()
        self.run = 0
        with self.lock:
            if self.db.execute("pragma user_version").fetchone()[0] != SCHEMA_VERSION:
                others = sorted({row[0] for row in self.db.execute("select name from sqlite_master where type = 'table'")} - _TABLES)
                if others:
                    self.db.close()
                    raise StateUnusable(f"{path}: it is the SQLite database of something else, with a table {others[0]!r} (it is left as it is)")
                for table in sorted(_TABLES):
                    self.db.execute(f"drop table if exists {table}")
                self.db.executescript(_SCHEMA)
                self.db.execute(f"pragma user_version = {SCHEMA_VERSION}")
            self.db.execute(_REPORTED)
            self.db.execute(_LISTED)
            self.db.execute("create index if not exists listed_source on listed (source)")
            self.db.commit()

    def begin(self, config: str) -> bool:
        """Start a run of the configuration `config` (its text), or resume the last one if it did not
        finish and had the same configuration; True when resuming."""
        with self.lock:
            last = self.db.execute("select id, config, finished from runs order by id desc limit 1").fetchone()
            if last is not None and last[2] is None and last[1] == config:
                self.run = int(last[0])
                return True
            self.run = int(self.db.execute("insert into runs (config, started) values (?, ?)", (config, time.time())).lastrowid or 0)
            self.db.commit()
        return False

    def finish(self) -> None:
        """Mark the current run complete: the next audit starts a new run and revalidates what it fetches."""
        with self.lock:
            self.db.execute("update runs set finished = ? where id = ?", (time.time(), self.run))
            self.db.commit()

    def fetched_in_this_run(self, url: str) -> Fetched | None:
        """The outcome of fetching `url` if the current run already did (its body is in the HTTP cache), else None."""
        with self.lock:
            row = self.db.execute(
                "select final_url, status, problem, etag, last_modified, content_type from fetched where url = ? and run = ?", (url, self.run)
            ).fetchone()
        return None if row is None else Fetched(row[0], row[1], b"", row[2], row[3], row[4], row[5])

    def remember(self, url: str, outcome: Fetched) -> None:
        """Record a fetch as soon as it is done (a killed audit keeps everything fetched so far)."""
        with self.lock:
            self.db.execute(
                "insert or replace into fetched (url, run, final_url, status, problem, etag, last_modified, content_type) values (?, ?, ?, ?, ?, ?, ?, ?)",
                (url, self.run, outcome.url, outcome.status, outcome.problem, outcome.etag, outcome.last_modified, outcome.content_type),
            )
            self.db.commit()

    def listed(self, source: str, urls: Sequence[str]) -> None:
        """Record the page URLs the sitemap or feed at `source` lists now, in place of what it listed before."""
        with self.lock:
            self.db.execute("delete from listed where source = ?", (source,))
            self.db.executemany("insert into listed (source, url, run) values (?, ?, ?)", [(source, url, self.run) for url in urls])
            self.db.commit()

    def last_listed(self, source: str) -> list[str]:
        """The page URLs the sitemap or feed at `source` listed when a run last read it ([] when none did)."""
        with self.lock:
            return [str(row[0]) for row in self.db.execute("select url from listed where source = ? order by rowid", (source,))]

    def outcome(self, key: str, digest: str, basis: str, today: datetime.date) -> tuple[str, CheckedCopy | None, str, bool, Days] | None:
        """The stored (site, checked copy or None, story the page only cites or "", whether it is the
        publisher's own page, the days it holds on) of a page with this content digest audited on
        this basis, when `today` is one of those days; else None."""
        day = today.isoformat()
        with self.lock:
            row = self.db.execute(
                "select site, copy, cites, own, first, last from outcomes where key = ? and digest = ? and basis = ?"
                " and (first is null or first <= ?) and (last is null or last >= ?)",
                (key, digest, basis, day, day),
            ).fetchone()
        if row is None:
            return None
        holds = Days(_day(row[4]), _day(row[5]))
        return str(row[0]), None if row[1] is None else _stored_copy(row[1]), str(row[2] or ""), bool(row[3]), holds

    def seen(self, keys: Iterable[str]) -> None:
        """Mark stored outcomes that still held as read in this run (what `last_known_copies` goes by)."""
        with self.lock:
            self.db.executemany("update outcomes set run = ? where key = ?", [(self.run, key) for key in keys])
            self.db.commit()

    def last_known_copies(self, site: str, basis: str) -> tuple[str, list[CheckedCopy]]:
        """The copies on `site` as the last earlier run that read any page of it reported them (each
        once, with the other addresses it was read at in `also_at`, and `from_earlier_run` set on
        those that run carried itself), on this basis, and that run's date (YYYY-MM-DD, UTC, when it
        started); ("", []) when no earlier run read the site, or the last one that did audited on
        another basis (other packs, stories...). A run that stopped before its report (or a state
        kept before reports were stored) gives its pages' stored copies instead."""
        with self.lock:
            last = self.db.execute("select max(run) from outcomes where site = ? and run != ?", (site, self.run)).fetchone()[0]
            if last is None:
                return "", []
            rows = self.db.execute("select copy from reported where site = ? and run = ? and basis = ? order by rowid", (site, last, basis)).fetchall()
            if not rows:
                rows = self.db.execute(
                    "select copy from outcomes where site = ? and run = ? and basis = ? and copy is not null order by key", (site, last, basis)
                ).fetchall()
            started = self.db.execute("select started from runs where id = ?", (last,)).fetchone()
        when = time.strftime("%Y-%m-%d", time.gmtime(started[0])) if started is not None else ""
        return (when, [_stored_copy(row[0]) for row in rows]) if rows else ("", [])

    def record(self, outcomes: Iterable[tuple[str, str, str, CheckedCopy | None, str, bool, Days]], basis: str) -> None:
        """Store audited pages' (key, site, digest, copy, story only cited, publisher's own page, days
        it holds on) in one transaction."""
        with self.lock:
            self.db.executemany(
                "insert or replace into outcomes (key, run, digest, basis, site, copy, cites, own, first, last) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (key, self.run, digest, basis, site, None if copy is None else json.dumps(asdict(copy)), cites or None, int(own), *_days(holds))
                    for key, site, digest, copy, cites, own, holds in outcomes
                ],
            )
            self.db.commit()

    def report(self, copies: Iterable[CheckedCopy], basis: str) -> None:
        """Store the copies this run reports, as reported (replacing what a stopped attempt at this
        run stored), for a later run that cannot read them (`last_known_copies`)."""
        with self.lock:
            self.db.execute("delete from reported where run = ?", (self.run,))
            self.db.executemany(
                "insert into reported (run, site, basis, copy) values (?, ?, ?, ?)", [(self.run, copy.site, basis, json.dumps(asdict(copy))) for copy in copies]
            )
            # Only a run that is still the last to have read some page is ever looked up again.
            self.db.execute("delete from reported where run not in (select distinct run from outcomes)")
            self.db.commit()

    def close(self) -> None:
        """Close the database."""
        self.db.close()


def _days(holds: Days) -> tuple[str | None, str | None]:
    """The first and last day an outcome holds on as stored: ISO dates (which compare as text), or null."""
    return _text(holds.first), _text(holds.last)


def _text(day: datetime.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _day(text: str | None) -> datetime.date | None:
    return None if text is None else datetime.date.fromisoformat(text)


def _stored_copy(text: str) -> CheckedCopy:
    """A checked copy as `AuditState.record` stored it (JSON; fields added since default)."""
    fields = json.loads(text)
    return CheckedCopy(
        story=fields["story"],
        url=fields["url"],
        site=fields["site"],
        similarity=fields["similarity"],
        matched_by=fields["matched_by"],
        findings=tuple(fields["findings"]),
        errors=tuple(fields["errors"]),
        evidence=tuple(fields["evidence"]),
        published=fields.get("published", ""),
        ignored_suppressions=fields.get("ignored_suppressions", 0),
        canonical=fields.get("canonical", ""),
        from_earlier_run=fields.get("from_earlier_run", ""),
        also_at=tuple(fields.get("also_at", ())),
        carried_because=fields.get("carried_because", ""),
    )
