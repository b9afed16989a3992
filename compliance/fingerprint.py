"""Content-based fingerprints of findings: stable when lines move, shared by SARIF, GitLab and
baselines, so an archive's known findings are recognised run after run."""

from __future__ import annotations

import posixpath
from pathlib import PurePath

from compliance.findings import Report
from compliance.firstuse import on_first_use

FINGERPRINT_KEY = "syndcheckFinding/v1"

# The checks write positions into their details ("hidden at line 127", "(line 147) … are 19 blocks
# apart", "block 15 of 22", "paragraph 4 of 5 of the story"); a fingerprint must survive lines moving, so those numbers are masked.
_LINE_NUMBER = on_first_use(r"\bline \d+|\bblock \d+ of \d+|\bparagraph \d+ of \d+ of the story\b|\b\d+ blocks? apart")


def fingerprints(report: Report, path: str) -> list[str]:
    """A content-based fingerprint for each finding of a report, in order.

    Built from the rule id, the display path and what the finding is about: its evidence (the
    offending element or text) or, for something missing, its detail with line numbers masked; so
    it stays the same when lines are added above the finding, or when another offending element
    is added elsewhere (the detail then says "found 3" instead of "found 2"). The n-th finding with
    the same content in the same file gets the occurrence number n mixed in, so every fingerprint
    in a file is unique.
    """
    import hashlib  # here: the run's display paths come from this module, fingerprints only for some formats

    seen: dict[str, int] = {}
    prints = []
    for finding in report.findings:
        about = finding.evidence if finding.evidence is not None else f"missing: {finding.detail or finding.message}"
        content = "\0".join((FINGERPRINT_KEY, finding.rule, path, _LINE_NUMBER().sub("line #", about)))
        occurrence = seen.get(content, 0)
        seen[content] = occurrence + 1
        # surrogatepass: a file name that is not UTF-8 still has a fingerprint (its own).
        prints.append(hashlib.sha256(f"{content}\0{occurrence}".encode("utf-8", "surrogatepass")).hexdigest())
    return prints


def display_path(path: str, base_dir: str) -> str:
    """A report path relative to `base_dir`, with forward slashes.

    Relative report paths are taken to be relative to `base_dir` already (the CLI passes the
    directory it resolved them from); absolute ones inside `base_dir` are made relative, others stay
    absolute. A relative path that climbs out of `base_dir` (`../articles/story.html`) is made
    absolute when `base_dir` is (`..` resolved by its name, as `os.path.abspath` does): a file
    outside the directory then has one name however it was given (`file://` in SARIF), and
    one that climbs back in (`../site/story.html` from `site`) is named from inside. Pure: no
    file system or working-directory look-up.
    """
    pure = PurePath(path)
    if not pure.is_absolute() and PurePath(base_dir).is_absolute() and posixpath.normpath(pure.as_posix()).startswith("../"):
        pure = PurePath(posixpath.normpath(posixpath.join(PurePath(base_dir).as_posix(), pure.as_posix())))
    if pure.is_absolute():
        base = PurePath(base_dir)
        if base.is_absolute() and pure.is_relative_to(base):
            pure = pure.relative_to(base)
    return pure.as_posix()
