"""`cmi5.xml` for a cmi5 package: the course and one assignable unit (AU) per module.

Ids are IRIs. The default base is a URN naming the course and its version, so a new version of
the course is a new course to the learning platform and results stay tied to the version (and
so to the policy) they were earned against; a force may pass its own https base instead. The
course version and digests travel as an extension element in our own namespace, which the
CourseStructure schema allows in `course` (`##other`).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from rightcare.engine.policy import Policy
from rightcare.training.course import Course

CMI5 = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
RIGHTCARE = "urn:rightcare:export:1"
MOVE_ON = "Passed"  # the module's pass is what counts; the player also sends `completed`
LAUNCH_METHOD = "AnyWindow"  # the player works in a frame or its own window

ET.register_namespace("", CMI5)
ET.register_namespace("rightcare", RIGHTCARE)


def default_iri(course: Course) -> str:
    return f"urn:rightcare:course:{course.id}:{course.version}"


def _c(tag: str) -> str:
    return f"{{{CMI5}}}{tag}"


def _text(parent: ET.Element, tag: str, text: str) -> None:
    element = ET.SubElement(parent, _c(tag))
    ET.SubElement(element, _c("langstring"), {"lang": "en-GB"}).text = text


def au_iri(course_iri: str, module_id: str) -> str:
    separator = ":" if course_iri.startswith("urn:") else "/"
    return f"{course_iri}{separator}{module_id}"


def course_structure(
    course: Course, policy: Policy, launch_pages: dict[str, str], course_iri: str
) -> bytes:
    """The course structure; `launch_pages` maps each module id to its page in the package."""
    root = ET.Element(_c("courseStructure"))
    course_element = ET.SubElement(root, _c("course"), {"id": course_iri})
    _text(course_element, "title", course.title)
    _text(course_element, "description", (course.spec.summary or course.title).strip())
    ET.SubElement(
        course_element,
        f"{{{RIGHTCARE}}}export",
        {
            "course": course.id,
            "version": course.version,
            "courseDigest": course.digest,
            "pack": policy.pack.id,
            "packVersion": policy.pack.version,
            "policyDigest": policy.digest,
        },
    )
    mastery = f"{course.spec.pass_mark / 100:g}"
    for module in course.modules:
        au = ET.SubElement(
            root,
            _c("au"),
            {
                "id": au_iri(course_iri, module.id),
                "moveOn": MOVE_ON,
                "masteryScore": mastery,
                "launchMethod": LAUNCH_METHOD,
            },
        )
        _text(au, "title", module.title)
        _text(au, "description", module.summary or module.title)
        ET.SubElement(au, _c("url")).text = launch_pages[module.id]
    ET.indent(root)
    written: bytes = ET.tostring(root, encoding="UTF-8", xml_declaration=True)
    return written
