"""What a formatter may know besides the reports: the packs (rule metadata), where paths are
relative to, and presentation choices. Formatters never read the environment themselves."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from compliance.config import RuleAdjustment
from compliance.packs import Pack, Rule

if TYPE_CHECKING:
    from compliance.baseline import BaselineEntry


@dataclass(frozen=True, slots=True)
class BaselineOutcome:
    """What a baseline did in a run: how many known findings it hid, which ones are resolved, and
    which ones this run could not see again because their rule did not run on their file."""

    file: str
    known: int
    resolved: tuple[BaselineEntry, ...]
    not_checked: tuple[BaselineEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleSource:
    """An article's decoded text and kind (`html`, `text`, `markdown`), for formats that show it."""

    text: str
    kind: str = "html"


@dataclass(frozen=True, slots=True)
class FormatContext:
    """Inputs of a formatter other than the reports."""

    packs: tuple[Pack, ...] = ()
    base_dir: str = "."
    tool_version: str = ""
    color: bool = False
    show_passed: bool = True
    baseline: BaselineOutcome | None = None
    # Rules a configuration file turned off or demoted during the run.
    adjusted_rules: tuple[RuleAdjustment, ...] = ()
    # `--require-pack`: a checked document that no pack applies to fails the run, and the
    # machine formats show it as a failure (see `pipeline.with_required_pack`).
    require_pack: bool = False
    # `--pass-with-nothing-checked`: a run in which every document was skipped passes; without it
    # such a run fails (exit 2), and the machine formats show its skipped documents as failing it
    # (see `pipeline.nothing_checked_fails`).
    pass_with_nothing_checked: bool = False
    # Report path → the article as checked, for the HTML report (absent ones are listed, not shown).
    sources: Mapping[str, ArticleSource] = field(default_factory=dict)
    _rules: dict[str, Rule] = field(default_factory=dict, compare=False, repr=False)

    def rule(self, rule_id: str) -> Rule | None:
        """The rule with this id, if a loaded pack has it."""
        if not self._rules:
            self._rules.update({rule.id: rule for pack in self.packs for rule in pack.rules})
        return self._rules.get(rule_id)

    def pack(self, pack_id: str) -> Pack | None:
        """The pack with this id, if loaded."""
        return next((p for p in self.packs if p.id == pack_id), None)


def all_rules(packs: Sequence[Pack]) -> list[Rule]:
    """Every rule of the packs, in pack then rule order."""
    return [rule for pack in packs for rule in pack.rules]
