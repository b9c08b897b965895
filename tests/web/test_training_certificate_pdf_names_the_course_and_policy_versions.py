"""The certificate PDF names the learner, the course (version and digest), the policy pack
(version and digest), the score, the issue date and the certificate number; the same certificate
always gives the same bytes."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from rightcare.training.certificate import certificate_pdf, printable, short_digest
from rightcare.training.models import TrainingCertificate

COURSE_DIGEST = "sha256:" + "0123456789abcdef" * 4
POLICY_DIGEST = "sha256:" + "fedcba9876543210" * 4


def certificate() -> TrainingCertificate:
    return TrainingCertificate(
        id="c1",
        number="RC-2026-0A1B2C3D",
        user_id=1,
        course_id="rcrp-national",
        course_title="Right Care Right Person - deciding at first contact",
        course_version="2026.1",
        course_digest=COURSE_DIGEST,
        pack="national-rcrp",
        pack_version="2026.1",
        policy_digest=POLICY_DIGEST,
        score=93,
        issued_at=dt.datetime(2026, 11, 28, 10, 5, tzinfo=dt.UTC),
    )


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_certificate_names_course_policy_score_date_and_number() -> None:
    pdf = certificate_pdf(certificate(), learner_name="Hana Handler")
    assert pdf.startswith(b"%PDF")
    text = " ".join(text_of(pdf).split())
    for expected in (
        "Certificate of completion",
        "Hana Handler",
        "Right Care Right Person - deciding at first contact",
        "rcrp-national, version 2026.1",
        short_digest(COURSE_DIGEST),
        COURSE_DIGEST,
        "national-rcrp, version 2026.1",
        short_digest(POLICY_DIGEST),
        POLICY_DIGEST,
        "93 out of 100",
        "28 November 2026",
        "RC-2026-0A1B2C3D",
    ):
        assert expected in text, expected


def test_uncompressed_the_text_is_in_the_bytes_themselves() -> None:
    pdf = certificate_pdf(certificate(), learner_name="Hana Handler", compress=False)
    assert b"RC-2026-0A1B2C3D" in pdf and POLICY_DIGEST.encode() in pdf


def test_the_same_certificate_gives_the_same_bytes() -> None:
    one = certificate_pdf(certificate(), learner_name="Hana Handler")
    assert one == certificate_pdf(certificate(), learner_name="Hana Handler")
    assert one != certificate_pdf(certificate(), learner_name="Sam Supervisor")


def test_a_name_beyond_the_core_fonts_is_printed_without_failing() -> None:
    assert printable("Zoë Łukasz Nguyễn 王") == "Zoë Lukasz Nguyen ?"
    pdf = certificate_pdf(certificate(), learner_name="Łukasz Nguyễn")
    assert "Lukasz Nguyen" in text_of(pdf)
    assert short_digest("sha256:abcdef0123456789") == "sha256:abcdef012345"
