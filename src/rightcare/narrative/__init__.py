"""Read a call handler's narrative into suggested answers with evidence.

    from rightcare.narrative import read_narrative
    reading = read_narrative("male on the bridge threatening to jump, no weapons")
    reading.suggestions["weapon"].value      # Answer.NO, evidence "no weapons"
    reading.conflicts                        # question ids whose cues disagreed

Patterns are data: one YAML file per question in `rightcare/narrative/patterns/`.
"""

from rightcare.narrative.cues import Reading, question_ids, read_narrative, read_narratives

__all__ = ["Reading", "question_ids", "read_narrative", "read_narratives"]
