"""The SCORM 1.2 package: a well-formed ADL manifest, one SCO per module, every file listed."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from rightcare.training.catalogue import Catalogue
from rightcare.training.export import Format, export_course

etree = pytest.importorskip("lxml.etree")

CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
MD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
NS = {"cp": CP, "adlcp": ADLCP, "md": MD}


@pytest.fixture(scope="module")
def package(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> Path:
    course = catalogue.course("rcrp-national")
    out = tmp_path_factory.mktemp("scorm") / "rcrp.zip"
    export_course(course, catalogue.policy_for(course), Format.SCORM12, out)
    return out


def _manifest(package: Path):  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(package) as archive:
        return etree.fromstring(archive.read("imsmanifest.xml"))


def test_the_manifest_is_at_the_root_and_uses_the_scorm_12_namespaces(package: Path) -> None:
    root = _manifest(package)
    assert root.tag == f"{{{CP}}}manifest"
    assert root.findtext("cp:metadata/cp:schema", namespaces=NS) == "ADL SCORM"
    assert root.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"
    location = root.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation").split()
    assert {CP, ADLCP, MD} <= set(location[::2])


def test_every_module_is_one_sco_item_with_the_pass_mark_as_mastery_score(
    package: Path, catalogue: Catalogue
) -> None:
    course = catalogue.course("rcrp-national")
    root = _manifest(package)
    organizations = root.find("cp:organizations", NS)
    assert organizations is not None
    (organization,) = organizations.findall("cp:organization", NS)
    assert organizations.get("default") == organization.get("identifier")
    items = organization.findall("cp:item", NS)
    assert [i.findtext("cp:title", namespaces=NS) for i in items] == [
        m.title for m in course.modules
    ]
    resources = {r.get("identifier"): r for r in root.iterfind("cp:resources/cp:resource", NS)}
    for item, module in zip(items, course.modules, strict=True):
        assert item.findtext("adlcp:masteryscore", namespaces=NS) == str(course.spec.pass_mark)
        sco = resources[item.get("identifierref")]
        assert sco.get(f"{{{ADLCP}}}scormtype") == "sco"
        assert sco.get("type") == "webcontent"
        assert sco.get("href") == f"{module.id}.html"
    scos = [r for r in resources.values() if r.get(f"{{{ADLCP}}}scormtype") == "sco"]
    assert len(scos) == len(course.modules) == 9


def test_every_file_listed_is_in_the_zip_and_every_file_in_the_zip_is_listed(
    package: Path,
) -> None:
    root = _manifest(package)
    listed = {f.get("href") for f in root.iterfind("cp:resources/cp:resource/cp:file", NS)}
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        for sco in root.iterfind("cp:resources/cp:resource", NS):
            if sco.get("href"):
                page = archive.read(sco.get("href")).decode()
                # every file the launch page loads is in the package and listed
                for ref in re.findall(r'(?:src|href)="([^"]+)"', page):
                    assert ref in names and ref in listed, ref
    assert listed == names - {"imsmanifest.xml"}
    ids = {r.get("identifier") for r in root.iterfind("cp:resources/cp:resource", NS)}
    for dependency in root.iterfind("cp:resources/cp:resource/cp:dependency", NS):
        assert dependency.get("identifierref") in ids


def test_the_manifest_and_every_page_name_the_course_version_and_both_digests(
    package: Path, catalogue: Catalogue
) -> None:
    course = catalogue.course("rcrp-national")
    policy = catalogue.policy_for(course)
    root = _manifest(package)
    entries = {
        e.findtext("md:catalog", namespaces=NS): e.findtext("md:entry/md:langstring", namespaces=NS)
        for e in root.iterfind(".//md:catalogentry", NS)
    }
    assert entries["rightcare-course"] == "rcrp-national"
    assert entries["rightcare-course-digest"] == course.digest
    assert entries["rightcare-policy-digest"] == policy.digest
    assert root.findtext(".//md:lifecycle/md:version/md:langstring", namespaces=NS) == "2026.1"
    with zipfile.ZipFile(package) as archive:
        for module in course.modules:
            page = archive.read(f"{module.id}.html").decode()
            data = archive.read(f"data/{module.id}.js").decode()
            for text in (course.digest, policy.digest, course.version):
                assert text in page and text in data


def test_the_same_course_and_policy_give_a_byte_identical_package(
    package: Path, catalogue: Catalogue, tmp_path: Path
) -> None:
    course = catalogue.course("rcrp-national")
    again = tmp_path / "again.zip"
    export_course(course, catalogue.policy_for(course), Format.SCORM12, again)
    assert again.read_bytes() == package.read_bytes()


def test_the_player_loads_nothing_from_the_network(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        for name in archive.namelist():
            if name.startswith("player/") or name.endswith(".html"):
                text = archive.read(name).decode()
                assert not re.search(r"""(src|href)=["']?(https?:)?//""", text), name
                assert "@import" not in text and "url(" not in text, name


def test_narratives_are_embedded_as_text_that_cannot_close_the_script(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        for name in archive.namelist():
            if name.startswith("data/"):
                text = archive.read(name).decode("ascii")  # ASCII-only JSON
                assert "<" not in text, name
