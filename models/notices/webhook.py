"""What an office's superusers are told when one of its webhook endpoints is disabled (rule 19)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from models.enums import MailLanguage
from models.notices.letter import Button, Facts, Letter, Paragraph, Words
from models.notices.notice import Notice, signed_letter
from models.outbox import OutboxMail, queue_mail
from overdracht.settings import Settings


@dataclass(frozen=True, kw_only=True)
class EndpointDisabledMail(Notice):
    """Tells the superusers an endpoint failed for days and no longer gets events."""

    kind: ClassVar[str] = "ENDPOINTDISABLED"
    language: MailLanguage = MailLanguage.NL
    office_name: str
    url: str
    failing_since: datetime
    disabled_at: datetime
    last_answer: str
    overview_url: str

    async def post_to(
        self, superusers: Sequence[str], *, settings: Settings, now: datetime
    ) -> OutboxMail | None:
        """Queue it for the office's superusers with the caller's change; none: no mail."""
        if not superusers:
            return None
        return await queue_mail(
            self.kind,
            to=list(superusers),
            cc=[],
            language=self.language,
            settings=settings,
            now=now,
            notice=self.data(),
        )

    def letter(self, w: Words) -> Letter:
        """Which endpoint, since when it failed, what it last answered, and how to turn it on."""
        return signed_letter(
            w,
            w("endpoint_disabled.subject", office=self.office_name),
            [
                Paragraph(w("endpoint_disabled.intro", office=self.office_name)),
                Facts(
                    [
                        (w("label.endpoint"), self.url),
                        (w("label.failing_since"), w.when(self.failing_since)),
                        (w("label.disabled_on"), w.when(self.disabled_at)),
                        (
                            w("label.last_answer"),
                            self.last_answer.strip() or w("endpoint_disabled.no_answer"),
                        ),
                    ]
                ),
                Paragraph(w("endpoint_disabled.next")),
                Button(w("to_overview"), self.overview_url),
            ],
        )
