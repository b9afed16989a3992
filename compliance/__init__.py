"""syndcheck: check republished news articles against the publisher's republication terms."""

from __future__ import annotations

__version__ = "0.1.0"
