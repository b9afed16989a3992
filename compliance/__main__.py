"""`python -m compliance` runs the syndcheck command line."""

from __future__ import annotations

from compliance.startup import run

if __name__ == "__main__":
    run()
