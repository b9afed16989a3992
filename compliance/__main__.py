"""`python -m compliance` runs the syndcheck command line."""

from __future__ import annotations

import sys

from compliance.cli import main

if __name__ == "__main__":
    sys.exit(main())
