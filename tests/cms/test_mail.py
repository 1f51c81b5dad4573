from email import message_from_bytes

from django.core.mail import EmailMultiAlternatives

from cms.outbox.file_backend import OutboxEmailBackend


def test_outbox_saves_each_message_as_an_eml_file(settings, tmp_path, caplog):
    settings.EMAIL_OUTBOX_DIR = tmp_path
    message = EmailMultiAlternatives(
        "Tervetuloa webinaariin", "Tekstiversio", to=["osallistuja@example.org"]
    )
    message.attach_alternative("<p>HTML-versio</p>", "text/html")

    sent = OutboxEmailBackend().send_messages([message])

    files = list(tmp_path.glob("*.eml"))
    assert sent == 1
    assert len(files) == 1
    parsed = message_from_bytes(files[0].read_bytes())
    assert parsed["To"] == "osallistuja@example.org"
    assert parsed.get_content_type() == "multipart/alternative"
    assert "osallistuja@example.org" not in caplog.text
    assert "1 recipient(s)" in caplog.text
