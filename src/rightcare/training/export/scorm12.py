"""`imsmanifest.xml` for a SCORM 1.2 package: one organization, one SCO per module.

The namespaces are the ADL SCORM 1.2 ones (IMS Content Packaging 1.1.2, ADL CP 1.2 and IMS
metadata 1.2.1), so Moodle and other SCORM 1.2 players import the package as it is. The course
version and both digests travel in the manifest's LOM metadata as catalogue entries, so a
learning platform's record of the package names exactly what it taught.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence

from rightcare.engine.policy import Policy
from rightcare.training.course import Course

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_NS = "http://www.w3.org/XML/1998/namespace"
SCHEMA_LOCATION = (
    f"{IMSCP} imscp_rootv1p1p2.xsd {IMSMD} imsmd_rootv1p2p1.xsd {ADLCP} adlcp_rootv1p2.xsd"
)
ORGANIZATION = "rightcare-organization"
PLAYER_RESOURCE = "rightcare-player"

ET.register_namespace("", IMSCP)
ET.register_namespace("adlcp", ADLCP)
ET.register_namespace("imsmd", IMSMD)
ET.register_namespace("xsi", XSI)


def _cp(tag: str) -> str:
    return f"{{{IMSCP}}}{tag}"


def _md(parent: ET.Element, tag: str) -> ET.Element:
    return ET.SubElement(parent, f"{{{IMSMD}}}{tag}")


def _langstring(parent: ET.Element, text: str, lang: str | None = "en-GB") -> None:
    element = _md(parent, "langstring")
    if lang:
        element.set(f"{{{XML_NS}}}lang", lang)
    element.text = text


def _catalogue_entry(general: ET.Element, catalog: str, entry: str) -> None:
    catalogentry = _md(general, "catalogentry")
    _md(catalogentry, "catalog").text = catalog
    _langstring(_md(catalogentry, "entry"), entry, lang=None)


def _metadata(parent: ET.Element, course: Course, policy: Policy) -> None:
    metadata = ET.SubElement(parent, _cp("metadata"))
    ET.SubElement(metadata, _cp("schema")).text = "ADL SCORM"
    ET.SubElement(metadata, _cp("schemaversion")).text = "1.2"
    lom = _md(metadata, "lom")
    general = _md(lom, "general")
    _langstring(_md(general, "title"), course.title)
    _catalogue_entry(general, "rightcare-course", course.id)
    _catalogue_entry(general, "rightcare-course-digest", course.digest)
    _catalogue_entry(general, "rightcare-policy", f"{policy.pack.id} {policy.pack.version}")
    _catalogue_entry(general, "rightcare-policy-digest", policy.digest)
    if course.spec.summary:
        _langstring(_md(general, "description"), course.spec.summary.strip())
    lifecycle = _md(lom, "lifecycle")
    _langstring(_md(lifecycle, "version"), course.version, lang=None)


def manifest(
    course: Course,
    policy: Policy,
    module_files: Mapping[str, Sequence[str]],
    player_files: Sequence[str],
) -> bytes:
    """The manifest; `module_files` maps each module id to its files, the launch page first."""
    root = ET.Element(
        _cp("manifest"),
        {
            "identifier": f"rightcare-{course.id}-{course.version}",
            "version": course.version,
            f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION,
        },
    )
    _metadata(root, course, policy)
    organizations = ET.SubElement(root, _cp("organizations"), {"default": ORGANIZATION})
    organization = ET.SubElement(organizations, _cp("organization"), {"identifier": ORGANIZATION})
    ET.SubElement(organization, _cp("title")).text = course.title
    for module in course.modules:
        item = ET.SubElement(
            organization,
            _cp("item"),
            {
                "identifier": f"item-{module.id}",
                "identifierref": f"sco-{module.id}",
                "isvisible": "true",
            },
        )
        ET.SubElement(item, _cp("title")).text = module.title
        ET.SubElement(item, f"{{{ADLCP}}}masteryscore").text = str(course.spec.pass_mark)
    resources = ET.SubElement(root, _cp("resources"))
    for module in course.modules:
        files = module_files[module.id]
        resource = ET.SubElement(
            resources,
            _cp("resource"),
            {
                "identifier": f"sco-{module.id}",
                "type": "webcontent",
                f"{{{ADLCP}}}scormtype": "sco",
                "href": files[0],
            },
        )
        for href in files:
            ET.SubElement(resource, _cp("file"), {"href": href})
        ET.SubElement(resource, _cp("dependency"), {"identifierref": PLAYER_RESOURCE})
    player = ET.SubElement(
        resources,
        _cp("resource"),
        {"identifier": PLAYER_RESOURCE, "type": "webcontent", f"{{{ADLCP}}}scormtype": "asset"},
    )
    for href in player_files:
        ET.SubElement(player, _cp("file"), {"href": href})
    ET.indent(root)
    written: bytes = ET.tostring(root, encoding="UTF-8", xml_declaration=True)
    return written
