"""Whether a person watches the terminal: decided from the environment a run was given.

Pure functions of an environment mapping (the CLI passes `os.environ`): a CI job's log may be a
terminal too (`docker run -t`, a pseudo-terminal in Jenkins or Azure Pipelines), and a dumb
terminal (Emacs `M-x compile`, `TERM=dumb`) shows escape sequences as they are.
"""

from __future__ import annotations

from collections.abc import Mapping

# Set by the CI services in every job (the variables the `ci-info`/`is-ci` packages look at, for
# the common services): `CI` alone misses Jenkins, Azure Pipelines and TeamCity.
CI_VARIABLES = (
    "CI",
    "CONTINUOUS_INTEGRATION",
    "BUILD_NUMBER",  # Jenkins, TeamCity
    "JENKINS_URL",
    "TF_BUILD",  # Azure Pipelines
    "BUILDKITE",
    "TEAMCITY_VERSION",
    "GITLAB_CI",
    "GITHUB_ACTIONS",
    "CIRCLECI",
    "TRAVIS",
    "APPVEYOR",
    "BITBUCKET_BUILD_NUMBER",
    "CODEBUILD_BUILD_ID",  # AWS CodeBuild
    "DRONE",
)


def in_ci(environ: Mapping[str, str]) -> bool:
    """Whether the run is a CI job: one of `CI_VARIABLES` is set, to anything but an empty
    value, `false` or `0` (`CI=false` is how a job says it wants terminal behaviour)."""
    return any(environ.get(name, "").strip().lower() not in ("", "false", "0") for name in CI_VARIABLES)


def dumb_terminal(environ: Mapping[str, str]) -> bool:
    """Whether the terminal cannot draw: `TERM=dumb` (no colour, no redrawn progress line)."""
    return environ.get("TERM", "").strip().lower() == "dumb"
