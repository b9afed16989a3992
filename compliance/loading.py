"""Where the edge modules used to live together; kept so that `compliance.loading` imports still work.

Reading articles is `compliance.inputs`, packs on disk `compliance.packfiles`, configuration and
baselines `compliance.configfiles`, writing reports `compliance.outputs`.
"""

from __future__ import annotations

from compliance.configfiles import ConfigFinder, read_baseline, read_config
from compliance.inputs import (
    ARTICLE_SUFFIXES,
    DEFAULT_MAX_BYTES,
    STDIN,
    Skipped,
    Source,
    TooLarge,
    expand_paths,
    kind_for,
    read_article_sources,
    read_fixture,
    read_ignore_file,
    read_sidecar_meta,
    read_source,
    sniff_kind,
    stdin_kind,
)
from compliance.outputs import append_text, write_atomic
from compliance.packfiles import PACK_SUFFIXES, builtin_rules_dir, distinct_pack_ids, load_packs, pack_files, read_pack_text, select_packs

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "PACK_SUFFIXES",
    "STDIN",
    "ConfigFinder",
    "Skipped",
    "Source",
    "TooLarge",
    "append_text",
    "builtin_rules_dir",
    "distinct_pack_ids",
    "expand_paths",
    "kind_for",
    "load_packs",
    "pack_files",
    "read_article_sources",
    "read_baseline",
    "read_config",
    "read_fixture",
    "read_ignore_file",
    "read_pack_text",
    "read_sidecar_meta",
    "read_source",
    "select_packs",
    "sniff_kind",
    "stdin_kind",
    "write_atomic",
]
