"""Attachments: PDF, DOCX and images, recognised by content, within the size limit;
anything else refused with a message that names the problem."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gcmhub.review.models import Attachment

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(client, submission, name, content):
    return client.post(
        f"/en/submissions/{submission.uuid}/attachments/",
        {"file": SimpleUploadedFile(name, content)},
        follow=True,
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [("report.pdf", PDF), ("photo.png", PNG), ("notes.docx", docx_bytes())],
)
def test_pdf_docx_and_images_are_attached_and_downloadable_by_the_submitter(
    client, draft, name, content
):
    client.force_login(draft.submitter)
    page = upload(client, draft, name, content).content.decode()
    assert "File attached." in page
    attachment = Attachment.objects.get(submission=draft)
    download = client.get(f"/en/submissions/{draft.uuid}/attachments/{attachment.pk}/")
    assert b"".join(download.streaming_content) == content


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.pdf", b"", "is empty"),
        ("tool.pdf", b"MZ\x90\x00" + b"\x00" * 200, "is not a PDF"),
        ("script.pdf", b"#!/bin/sh\nrm -rf /\n", "is not a PDF"),
        ("image.pdf", PNG, "contains a PNG file but its name does not say so"),
    ],
)
def test_wrong_renamed_and_empty_files_are_refused_with_a_reason(
    client, draft, name, content, message
):
    client.force_login(draft.submitter)
    page = upload(client, draft, name, content).content.decode()
    assert message in page
    assert not Attachment.objects.exists()


def test_an_oversized_file_is_refused(client, draft, settings):
    settings.GCMHUB_ATTACHMENT_MAX_BYTES = 1024
    client.force_login(draft.submitter)
    page = upload(client, draft, "big.pdf", PDF + b"0" * 2000).content.decode()
    assert "files may be at most 1.0" in page
    assert not Attachment.objects.exists()


def test_no_one_else_can_download_an_attachment(client, draft, make_user):
    client.force_login(draft.submitter)
    upload(client, draft, "report.pdf", PDF)
    attachment = Attachment.objects.get()
    url = f"/en/submissions/{draft.uuid}/attachments/{attachment.pk}/"
    client.force_login(make_user())
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302  # to the login page
