"""The completion certificate as a PDF, and the one service that hands it to its owner.

`certificate_pdf` is pure: the same certificate and name give the same bytes (the PDF's creation
date is the issue date), so a certificate can be printed again and compared. It names the course
version and digest and the policy pack, version and digest it was taken against: a later pack
may give different answers, and the certificate stays tied to the one the learner was taught.

The PDF uses the PDF core fonts (nothing to ship or find on the host); they cover Windows-1252,
so a name in another script is shown with its accents removed, or `?` where that cannot be done.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import sqlalchemy as sa
from fpdf import FPDF
from sqlalchemy.orm import Session

from rightcare.audit import record
from rightcare.auth.actor import Actor
from rightcare.calls.access import utc
from rightcare.calls.errors import NotFound
from rightcare.training.models import TrainingCertificate
from rightcare.training.service import learner

ENCODING = "windows-1252"
INK = (11, 12, 12)  # GOV.UK text colour
GREY = (80, 90, 95)
# Letters that are not an accent on another letter, so NFKD leaves them as they are.
_PLAIN = str.maketrans({"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ħ": "H", "ħ": "h", "ı": "i"})


def short_digest(digest: str, length: int = 12) -> str:
    """`sha256:1554…` cut to the first `length` hex digits: enough to tell versions apart."""
    algorithm, _, hexdigits = digest.partition(":")
    return f"{algorithm}:{hexdigits[:length]}" if hexdigits else digest[:length]


def printable(text: str) -> str:
    """Text the core fonts can draw: accents dropped where the letter is otherwise missing."""
    out = []
    for char in text.translate(_PLAIN):
        try:
            char.encode(ENCODING)
            out.append(char)
        except UnicodeEncodeError:
            plain = "".join(
                c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
            )
            try:
                plain.encode(ENCODING)
                out.append(plain)
            except UnicodeEncodeError:
                out.append("?")
    return "".join(out)


def _issued(certificate: TrainingCertificate) -> dt.datetime:
    issued = certificate.issued_at
    return issued.replace(tzinfo=dt.UTC) if issued.tzinfo is None else issued.astimezone(dt.UTC)


def certificate_pdf(
    certificate: TrainingCertificate, *, learner_name: str, compress: bool = True
) -> bytes:
    """The certificate, A4 landscape. `compress=False` leaves the text readable in the bytes."""
    issued = _issued(certificate)
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.core_fonts_encoding = ENCODING
    pdf.set_compression(compress)
    pdf.set_creation_date(issued)
    pdf.set_title(printable(f"Certificate {certificate.number}: {certificate.course_title}"))
    pdf.set_author("rightcare")
    pdf.set_lang("en-GB")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    pdf.set_draw_color(*INK)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)

    def line(text: str, size: float, style: str = "", gap: float = 2, grey: bool = False) -> None:
        pdf.set_font("Helvetica", style, size)
        pdf.set_text_color(*(GREY if grey else INK))
        pdf.multi_cell(width, size * 0.5, printable(text), align="C")
        pdf.ln(gap)

    pdf.set_y(24)
    line("rightcare - Right Care Right Person training", 11, grey=True, gap=6)
    line("Certificate of completion", 30, "B", gap=8)
    line("This certifies that", 13, gap=3)
    line(learner_name, 24, "B", gap=5)
    line("has completed every module of the course", 13, gap=3)
    line(certificate.course_title, 18, "B", gap=4)
    line(
        f"with a score of {certificate.score} out of 100, "
        f"issued on {issued.strftime('%-d %B %Y')}.",
        13,
        gap=8,
    )

    details = (
        ("Certificate number", certificate.number),
        ("Course", f"{certificate.course_id}, version {certificate.course_version}"),
        ("Course digest", short_digest(certificate.course_digest)),
        ("Policy pack", f"{certificate.pack}, version {certificate.pack_version}"),
        ("Policy digest", short_digest(certificate.policy_digest)),
        ("Issued", issued.strftime("%-d %B %Y, %H:%M UTC")),
    )
    label_width = 55
    left = pdf.l_margin + 35
    for label, value in details:
        pdf.set_x(left)
        pdf.set_font("Helvetica", "B", 11)
        pdf.set_text_color(*INK)
        pdf.cell(label_width, 6.5, printable(label))
        pdf.set_font("Helvetica", "", 11)
        pdf.cell(0, 6.5, printable(value), new_x="LMARGIN", new_y="NEXT")

    pdf.ln(5)
    pdf.set_font("Courier", "", 8)
    pdf.set_text_color(*GREY)
    for label, digest in (
        ("Course digest ", certificate.course_digest),
        ("Policy digest ", certificate.policy_digest),
    ):
        pdf.set_x(left)
        pdf.cell(0, 4.5, printable(label + digest), new_x="LMARGIN", new_y="NEXT")

    pdf.set_y(pdf.h - 30)
    line(
        "The answers taught are those of the policy pack above. A later version of the pack may "
        "answer some calls differently; this certificate stays tied to the version it was "
        "taken against.",
        9,
        grey=True,
        gap=0,
    )
    return bytes(pdf.output())


def owned_certificate(
    session: Session, *, actor: Actor, certificate_id: str, now: dt.datetime
) -> TrainingCertificate:
    """The signed-in learner's own certificate, for download; the download is audited.

    Anybody else's is 'not found', as attempts are: no probing for ids."""
    user = learner(session, actor)
    certificate = session.execute(
        sa.select(TrainingCertificate).where(
            TrainingCertificate.id == certificate_id, TrainingCertificate.user_id == user.id
        )
    ).scalar_one_or_none()
    if certificate is None:
        raise NotFound(f"no certificate with id {certificate_id}", field="certificate_id")
    record(
        session,
        actor=actor.name,
        action="training.certificate.downloaded",
        entity="training_certificate",
        entity_id=certificate.id,
        details={"course": certificate.course_id, "number": certificate.number},
        at=utc(now),
    )
    return certificate
