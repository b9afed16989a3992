"""The names of months and weekdays as English news copy writes them, with their abbreviations:
what the until-date check reads an embargo's date with (`until`) and what fidelity reads a time
edit with (`time_edits`, `style_edits`). Kept apart from `time_edits` so that a check whose pack
has an until-date rule does not load fidelity's time reading (a one-file check, the pre-commit
hook, imports only what its rules run)."""

from __future__ import annotations

# Month names and their abbreviations, lower case, to the month's number (1-12).
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
# Weekday names and their abbreviations, lower case, to the weekday's number (Monday 0, as `datetime.date.weekday`).
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}
