"""The local mail sink of the quick start keeps every mail it receives as an .eml file."""

from __future__ import annotations

import email
import email.policy

from mail.composing import RenderedMail, enqueue
from mail.sink import MailSink
from models.enums import MailLanguage
from overdracht.settings import SmtpSettings
from worker.dispatcher import MailDispatcher


async def test_the_sink_writes_each_mail_as_an_eml_file(settings, clock, tmp_path):
    directory = tmp_path / "mail"
    async with MailSink("127.0.0.1", 0, directory=directory, keep_in_memory=False) as sink:
        mail_settings = settings.with_overrides(smtp=SmtpSettings(port=sink.port))
        queued = [
            await enqueue(
                RenderedMail(kind="OFFER", subject=f"Mail {n}", text="Tekst\n", html="<p>x</p>"),
                to=["anna@target.example"],
                cc=None,
                language=MailLanguage.NL,
                settings=mail_settings,
                now=clock.now(),
            )
            for n in range(2)
        ]
        assert await MailDispatcher(mail_settings, clock).deliver_due() == 2
    assert sink.messages == []

    files = sorted(directory.glob("*.eml"))
    assert len(files) == 2
    parsed = [email.message_from_bytes(f.read_bytes(), policy=email.policy.default) for f in files]
    assert sorted(str(m["Message-ID"]) for m in parsed) == sorted(m.message_id for m in queued)
