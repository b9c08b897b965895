"""Courses as packages for learning platforms: SCORM 1.2 (`imsmanifest.xml`) and cmi5.

`content` works out what the player shows and marks (from `prepare` and `mark`), `scorm12` and
`cmi5` write the descriptors, `package` writes the zip, and `player/` is the HTML/JS player
that runs inside the platform with no network of its own.
"""

from rightcare.training.export.package import Format, ModuleWritten, Written, export_course

__all__ = ["Format", "ModuleWritten", "Written", "export_course"]
