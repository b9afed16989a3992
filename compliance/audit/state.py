"""Audit state in SQLite: fetched URLs with their validators and bodies, so that an audit that was
stopped resumes without asking a site again for what it already has."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from compliance.audit.fetching import Fetched

_SCHEMA = """
create table if not exists fetched (
    url text primary key, final_url text, status integer, body blob, problem text,
    etag text, last_modified text, content_type text, fetched_at real default (unixepoch('subsec'))
);
"""


class AuditState:
    """A thread-safe store of fetch outcomes, keyed by the URL asked for."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, check_same_thread=False)
        self.db.executescript(_SCHEMA)
        self.lock = threading.Lock()

    def fetched(self, url: str) -> Fetched | None:
        """The stored outcome for `url`, or None if it was never fetched."""
        with self.lock:
            row = self.db.execute("select final_url, status, body, problem, etag, last_modified, content_type from fetched where url = ?", (url,)).fetchone()
        return None if row is None else Fetched(row[0], row[1], row[2], row[3], row[4], row[5], row[6])

    def remember(self, url: str, outcome: Fetched) -> None:
        """Store an outcome as soon as it arrives (a killed audit keeps everything fetched so far)."""
        with self.lock:
            self.db.execute(
                "insert or replace into fetched (url, final_url, status, body, problem, etag, last_modified, content_type) values (?, ?, ?, ?, ?, ?, ?, ?)",
                (url, outcome.url, outcome.status, outcome.body, outcome.problem, outcome.etag, outcome.last_modified, outcome.content_type),
            )
            self.db.commit()

    def close(self) -> None:
        """Close the database."""
        self.db.close()
