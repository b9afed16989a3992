"""`syndcheck baseline create | update | prune`: run a check and rewrite the baseline file.

- create: every finding of the run;
- update: the entries still found, plus every new finding (the baseline follows the archive);
- prune: the entries still found, nothing new (resolved findings leave the baseline, so a
  finding that comes back is reported again).

Entries of files that the run did not check are always kept: updating with one folder does not
forget the rest of the archive. So are entries whose rule did not run on their file (a
configuration that turns the rule off or limits the packs, a pack that no longer applies): a run
that did not look cannot say they are fixed. A run that checked no document at all (every input
skipped: empty, binary, over the size limit) writes nothing: an empty baseline made from nothing would hide no
finding and look like a clean archive, so, as for `check`, the run exits 2 instead. Nor does
`update` write when none of the files the baseline records is found from the working directory
(it was made in another folder): it would record every finding again beside the old entries.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from compliance.baseline import BaselineEntry, entries_for, format_baseline
from compliance.errors import ConfigError, InputError
from compliance.fingerprint import display_path
from compliance.outputs import refuse_read_only, settings_file_kind, write_atomic
from compliance.runner import FileResult, Runner, RunOptions, RunStatus


@dataclass(frozen=True, slots=True)
class BaselineChange:
    """What a baseline command wrote, for its closing line."""

    file: Path
    entries: int
    added: int
    removed: int
    status: RunStatus
    # For `prune`: why the run could match none of the baseline's entries (see `BaselineFilter.unmatched`).
    warning: str | None = None
    # Entries kept because their rule did not run on their file (see `BaselineFilter.not_checked`).
    not_checked: int = 0

    def describe(self, mode: str) -> str:
        """`12 findings recorded in FILE (3 added, 2 removed)`, and `, 1 kept: its rule did not
        run` when entries of checked files were kept because their rule did not run."""
        noun = "finding" if self.entries == 1 else "findings"
        if mode == "create":
            return f"{self.entries} {noun} recorded in {self.file}"
        kept = f", {self.not_checked} kept: {'its rule' if self.not_checked == 1 else 'their rules'} did not run" if self.not_checked else ""
        return f"{self.entries} {noun} recorded in {self.file} ({self.added} added, {self.removed} removed{kept})"


def rewrite_baseline(
    mode: Literal["create", "update", "prune"],
    file: Path,
    paths: Sequence[str],
    options: RunOptions,
    tell: Callable[[FileResult], None],
) -> BaselineChange:
    """Check the paths and write the baseline file for `mode`; `tell` hears about every file.

    Writes nothing when no document was checked (`status.checked == 0`); the caller reports that
    as `check` does (exit 2, `exit 2: nothing checked: ...`)."""
    read = settings_file_kind(file)
    if read is not None:
        raise InputError(f"is {read}, which syndcheck reads; a baseline does not replace it", path=str(file), hint="name it syndcheck-baseline.json")
    if mode != "create" and file.exists():
        refuse_read_only(file)  # rewritten in place: refused before anything is checked, as a new one is
    runner = Runner(dataclasses.replace(options, baseline=None if mode == "create" else file))
    base = str(Path.cwd().resolve())
    status = RunStatus()
    created: list[BaselineEntry] = []
    for result in runner.run(paths):
        tell(result)
        status = status.add(result)
        if mode == "create":
            created.extend(entries_for(result.report, runner.baseline_path(display_path(result.report.path, base))))
    if not status.checked:
        return BaselineChange(file, 0, 0, 0, status)
    if mode == "create" or runner.baseline is None:
        write_atomic(file, format_baseline(created))
        return BaselineChange(file, len(created), len(created), 0, status)
    unmatched = runner.baseline_unmatched()
    if unmatched is not None and mode == "update":
        # Every finding would be added again under paths relative to this folder, beside the
        # entries it failed to match: the baseline would double and still hide nothing elsewhere.
        raise ConfigError(unmatched, hint="nothing was written")
    kept = runner.baseline.still_found()
    removed = len(runner.baseline.resolved())
    added = runner.baseline.fresh if mode == "update" else []
    write_atomic(file, format_baseline([*kept, *added]))
    return BaselineChange(file, len(kept) + len(added), len(added), removed, status, unmatched, len(runner.baseline.not_checked()))
