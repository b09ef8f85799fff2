"""A local SMTP server that keeps every mail instead of delivering it.

For the quick start (`overdracht mail-sink` writes each mail as an .eml file) and for tests,
which read the received messages from memory and can stop and restart it to play an outage.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import logging
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from types import TracebackType
from typing import Any

from aiosmtpd.smtp import SMTP, Envelope, Session

from overdracht.clock import Clock, SystemClock

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReceivedMail:
    """One mail as the sink got it: the envelope and the parsed message."""

    envelope_from: str
    envelope_to: list[str]
    message: EmailMessage
    path: Path | None


class _SlowSMTP(SMTP):
    """The sink's SMTP session; it waits `sink.delay` seconds before every reply."""

    def __init__(self, sink: MailSink, **kwargs: Any) -> None:
        super().__init__(sink, **kwargs)
        self._sink = sink
        self._mid_reply = False

    async def push(self, status: Any) -> None:
        # A multi-line reply ("250-...", then "250 ...") is one reply: it waits once.
        text = status.decode() if isinstance(status, bytes) else str(status)
        if self._sink.delay and not self._mid_reply:
            await asyncio.sleep(self._sink.delay)
        self._mid_reply = text[3:4] == "-"
        await super().push(status)


class MailSink:
    """An SMTP server on host:port that stores mails in `directory` and/or in `messages`.

    Port 0 picks a free port; after the first start() the chosen port is kept, so a
    stop() and start() come back on the same port. Addresses in `refuse` are answered
    with 550 and those in `defer` with 450, to play a server that refuses a recipient;
    `delay` seconds before every reply play a slow server; `data_answered` cleared one that
    never answers a mail's data, `quit_answered` cleared one that takes the mail but never says
    goodbye.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 8025,
        *,
        directory: Path | None = None,
        keep_in_memory: bool = True,
        clock: Clock | None = None,
    ) -> None:
        self.host = host
        self.port = port
        self.directory = directory
        self.keep_in_memory = keep_in_memory
        self.clock = clock or SystemClock()
        self.messages: list[ReceivedMail] = []
        self.refuse: set[str] = set()
        self.defer: set[str] = set()
        self.delay = 0.0
        # Cleared: the end of a mail's data, or QUIT, is heard but not answered until it is set
        # again; a client that leaves meanwhile delivered nothing.
        self.data_answered = asyncio.Event()
        self.data_answered.set()
        self.datas_heard = 0
        self.datas_dropped = 0  # held, and the client left before the answer: not delivered
        self.quit_answered = asyncio.Event()
        self.quit_answered.set()
        self.quits_heard = 0
        self._server: asyncio.Server | None = None
        self._count = 0

    @property
    def running(self) -> bool:
        """Whether the sink is accepting connections now."""
        return self._server is not None

    async def start(self) -> None:
        """Listen on host:port; the same port again after a stop()."""
        if self._server is not None:
            return
        if self.directory is not None:
            self.directory.mkdir(parents=True, exist_ok=True)
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(
            lambda: _SlowSMTP(self, hostname="overdracht-mail-sink", loop=loop),
            host=self.host,
            port=self.port,
            reuse_address=True,
        )
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        """Stop listening, as a mail server outage would."""
        server, self._server = self._server, None
        if server is not None:
            server.close()
            await server.wait_closed()

    async def __aenter__(self) -> MailSink:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()

    def message_ids(self) -> list[str]:
        """The Message-ID of every mail received, in order; a duplicate shows up twice."""
        return [str(received.message["Message-ID"]) for received in self.messages]

    # aiosmtpd handler hooks

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: Any
    ) -> str:
        """Accept a recipient, unless a test asked the sink to refuse or defer it."""
        if address.lower() in {a.lower() for a in self.refuse}:
            return "550 5.1.1 Mailbox unavailable"
        if address.lower() in {a.lower() for a in self.defer}:
            return "450 4.2.1 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        """Keep the mail and log one line for it, once a test that holds the data lets it."""
        self.datas_heard += 1
        try:
            await self.data_answered.wait()
        except asyncio.CancelledError:  # the connection is gone: nobody was told 250
            self.datas_dropped += 1
            raise
        raw = envelope.original_content or b""
        message = email.message_from_bytes(raw, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        path = self._write(raw) if self.directory is not None else None
        received = ReceivedMail(
            envelope_from=envelope.mail_from or "",
            envelope_to=list(envelope.rcpt_tos),
            message=message,
            path=path,
        )
        if self.keep_in_memory:
            self.messages.append(received)
        log.info(
            "mail to %s: %s%s",
            ", ".join(received.envelope_to),
            message["Subject"],
            f" ({path})" if path else "",
        )
        return "250 Message accepted"

    async def handle_QUIT(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        """Say goodbye, once a test that holds QUIT lets it."""
        self.quits_heard += 1
        await self.quit_answered.wait()
        return "221 Bye"

    def _write(self, raw: bytes) -> Path:
        assert self.directory is not None
        self._count += 1
        stamp = self.clock.now().strftime("%Y%m%dT%H%M%SZ")
        path = self.directory / f"{stamp}-{self._count:04d}.eml"
        while path.exists():
            self._count += 1
            path = self.directory / f"{stamp}-{self._count:04d}.eml"
        path.write_bytes(raw)
        return path
