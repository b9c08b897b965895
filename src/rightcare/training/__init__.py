"""Training from the scenario library: courses, learning a scenario, scoring and standards.

`course` (the format), `exercise` (ask, decide, be marked), `run` (a module attempt) are pure;
`service` stores attempts; `xapi`, `scorm` and `cmi5` speak the learning platforms' standards.
"""
