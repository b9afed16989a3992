"""Which packs apply to a document: each pack's detection markers add up to a confidence.

Detection is deliberately conservative: markers are publisher-specific signatures (license
paragraphs, logos, tracking pixels, affiliation in the byline), never a bare mention of the
publisher's name, so an article that quotes "told the Daily Caller" applies no pack.
"""

from __future__ import annotations

from collections.abc import Sequence

from compliance.checks import Context
from compliance.errors import CheckError
from compliance.findings import Detection
from compliance.packs import Pack


def detect_packs(ctx: Context, packs: Sequence[Pack], *, path: str = "") -> tuple[Detection, ...]:
    """Evaluate every pack's markers on the document; a pack applies when its score reaches its threshold."""
    detections = []
    for pack in packs:
        if not pack.markers:
            continue
        fired_list = []
        for marker in pack.markers:
            try:
                if ctx.run(marker.check).passed:
                    fired_list.append(marker.id)
            except Exception as exc:
                raise CheckError(f"{pack.id} (detection marker {marker.id})", path, exc) from exc
        fired = tuple(fired_list)
        score = sum(marker.weight for marker in pack.markers if marker.id in fired)
        confidence = round(min(1.0, score / pack.threshold), 2)
        detections.append(Detection(pack.id, confidence, fired, score >= pack.threshold))
    return tuple(detections)
