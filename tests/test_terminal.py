"""Whether a person watches the terminal: CI jobs whose log is a terminal, and dumb terminals,
get no progress line and (for a dumb terminal) no colour."""

from __future__ import annotations

import os
import sys

import pytest

from compliance import cli
from compliance.terminal import CI_VARIABLES, dumb_terminal, in_ci
from tests.conftest import SAMPLES, run_at_a_terminal

# The environment of a person at a terminal: no CI variable at all, a terminal that draws.
AT_A_DESK = {k: v for k, v in os.environ.items() if k not in CI_VARIABLES and k not in ("NO_COLOR", "FORCE_COLOR")} | {"TERM": "xterm-256color"}


@pytest.mark.parametrize(
    "variables",
    [
        {"CI": "true"},
        {"JENKINS_URL": "http://jenkins.example/", "BUILD_NUMBER": "7"},
        {"BUILD_NUMBER": "7"},
        {"TF_BUILD": "True"},
        {"BUILDKITE": "true"},
        {"TEAMCITY_VERSION": "2024.1"},
        {"GITLAB_CI": "true"},
        {"GITHUB_ACTIONS": "true"},
        {"CIRCLECI": "true"},
        {"CODEBUILD_BUILD_ID": "project:1234"},
        {"CI": "false", "TF_BUILD": "True"},
    ],
)
def test_a_ci_job_is_known_by_its_services_variables(variables: dict[str, str]) -> None:
    assert in_ci({"HOME": "/home/desk", "TERM": "xterm"} | variables)


@pytest.mark.parametrize(
    "variables",
    [{}, {"CI": ""}, {"CI": "false"}, {"CI": "0"}, {"GITHUB_ACTIONS": "FALSE"}, {"BUILD_DIR": "/tmp/build", "JENKINS": "x", "TERM": "dumb"}],
)
def test_a_desk_is_not_a_ci_job(variables: dict[str, str]) -> None:
    assert not in_ci({"HOME": "/home/desk"} | variables)


@pytest.mark.parametrize(("term", "dumb"), [("dumb", True), ("DUMB", True), ("xterm-256color", False), ("", False), ("screen", False)])
def test_a_dumb_terminal_is_told_by_term(term: str, dumb: bool) -> None:
    assert dumb_terminal({"TERM": term}) is dumb


@pytest.mark.parametrize(
    ("variables", "shown"),
    [({}, True), ({"JENKINS_URL": "http://jenkins.example/"}, False), ({"TF_BUILD": "True"}, False), ({"CI": "true"}, False), ({"TERM": "dumb"}, False)],
)
def test_the_progress_line_is_only_for_a_person_at_a_terminal(monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], shown: bool) -> None:
    monkeypatch.setattr(os, "environ", AT_A_DESK | variables)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    assert cli._show_progress("json", quiet=False) is shown


def _check_at_a_terminal(env: dict[str, str], *args: str) -> str:
    """What `syndcheck check` writes to a pseudo-terminal (stdout and stderr both)."""
    code, written = run_at_a_terminal([sys.executable, "-m", "compliance", "check", *args, str(SAMPLES / "dcnf" / "no-logo.html")], env)
    assert code == 1
    return written


@pytest.mark.parametrize(("term", "args", "coloured"), [("xterm-256color", (), True), ("dumb", (), False), ("dumb", ("--color",), True)])
def test_colour_at_a_terminal_is_left_out_on_a_dumb_one(term: str, args: tuple[str, ...], coloured: bool) -> None:
    written = _check_at_a_terminal(AT_A_DESK | {"TERM": term}, *args)
    assert "dcnf/logo" in written
    assert ("\x1b[" in written) is coloured
