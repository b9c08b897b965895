"""The cmi5 package: `cmi5.xml` in the CourseStructure namespace, one AU per module."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from rightcare.training.catalogue import Catalogue
from rightcare.training.export import Format, export_course

etree = pytest.importorskip("lxml.etree")

CMI5 = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
NS = {"c": CMI5, "rc": "urn:rightcare:export:1"}


@pytest.fixture(scope="module")
def package(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> Path:
    course = catalogue.course("rcrp-national")
    out = tmp_path_factory.mktemp("cmi5") / "rcrp.zip"
    export_course(course, catalogue.policy_for(course), Format.CMI5, out)
    return out


def _structure(package: Path):  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(package) as archive:
        assert "imsmanifest.xml" not in archive.namelist()
        return etree.fromstring(archive.read("cmi5.xml"))


def test_the_course_structure_is_in_the_cmi5_namespace_with_an_iri_for_the_course(
    package: Path,
) -> None:
    root = _structure(package)
    assert root.tag == f"{{{CMI5}}}courseStructure"
    course = root.find("c:course", NS)
    assert course is not None
    assert course.get("id") == "urn:rightcare:course:rcrp-national:2026.1"
    assert course.findtext("c:title/c:langstring", namespaces=NS).startswith("Right Care")
    assert course.find("c:description/c:langstring", NS).get("lang") == "en-GB"


def test_every_module_is_one_au_that_moves_on_when_passed_at_the_pass_mark(
    package: Path, catalogue: Catalogue
) -> None:
    course = catalogue.course("rcrp-national")
    aus = _structure(package).findall("c:au", NS)
    assert [a.findtext("c:title/c:langstring", namespaces=NS) for a in aus] == [
        m.title for m in course.modules
    ]
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        for au, module in zip(aus, course.modules, strict=True):
            assert au.get("id") == f"urn:rightcare:course:rcrp-national:2026.1:{module.id}"
            assert au.get("moveOn") == "Passed"
            assert float(au.get("masteryScore")) == course.spec.pass_mark / 100 == 0.8
            assert au.get("launchMethod") == "AnyWindow"
            url = au.findtext("c:url", namespaces=NS)
            assert url == f"{module.id}.html" and url in names
            assert '"standard":"cmi5"' in archive.read(f"data/{module.id}.js").decode()
    assert len({a.get("id") for a in aus}) == len(aus) == 9


def test_the_course_structure_names_the_version_and_both_digests(
    package: Path, catalogue: Catalogue
) -> None:
    course = catalogue.course("rcrp-national")
    policy = catalogue.policy_for(course)
    export = _structure(package).find("c:course/rc:export", NS)
    assert export is not None
    assert export.get("version") == course.version
    assert export.get("courseDigest") == course.digest
    assert export.get("policyDigest") == policy.digest


def test_a_force_may_give_its_own_iri(catalogue: Catalogue, tmp_path: Path) -> None:
    course = catalogue.course("rcrp-national")
    out = tmp_path / "own.zip"
    iri = "https://learning.example.police.uk/courses/rcrp"
    export_course(course, catalogue.policy_for(course), Format.CMI5, out, course_iri=iri)
    root = _structure(out)
    assert root.find("c:course", NS).get("id") == iri
    assert root.find("c:au", NS).get("id") == f"{iri}/welfare"
