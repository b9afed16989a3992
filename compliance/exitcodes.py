"""The exit-code contract, in one place: 0 clean, 1 findings, 2 user error, 3 bug."""

from __future__ import annotations

OK = 0
FINDINGS = 1
USER_ERROR = 2
BUG = 3
# Stopped by Ctrl-C (128 + SIGINT, as shells report it); SIGTERM and SIGHUP exit 128 + their number.
INTERRUPTED = 130
