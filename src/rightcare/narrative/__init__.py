"""Read a call handler's narrative into suggested answers with evidence.

    from rightcare.narrative import read_narrative
    reading = read_narrative("male on the bridge threatening to jump, no weapons")
    reading.suggestions["weapon"].value      # Answer.NO, evidence "no weapons"
    reading.conflicts                        # question ids whose cues disagreed

Patterns are data: one YAML file per question in `rightcare/narrative/patterns/`.
The reader (and spaCy) load on first use, so commands that never read text start fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rightcare.narrative.batch import read_narratives
    from rightcare.narrative.cues import Reading, question_ids, read_narrative

__all__ = ["Reading", "question_ids", "read_narrative", "read_narratives"]


def __getattr__(name: str) -> Any:
    if name == "read_narratives":
        from rightcare.narrative import batch

        return batch.read_narratives
    if name in __all__:
        from rightcare.narrative import cues

        return getattr(cues, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
