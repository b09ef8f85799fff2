"""Every mail reads right in Dutch and English, with a text and an HTML part that escapes values."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from mail.composing import render
from mail.phrases import PHRASES, format_count, format_datetime, missing_phrases
from models.enums import MailLanguage, package_label
from models.notices import notice_kinds, notice_of
from models.notices.move import CompletionMail, FailureMail
from models.notices.notice import AdministrationLine
from models.notices.offer import ExpiryMail, OfferMail, RefusalMail, ReminderMail, WithdrawalMail
from models.notices.reception import ClaimMail, RejectionMail, ReleaseMail
from models.notices.webhook import EndpointDisabledMail

HOSTILE = 'Bakker & <Zn> "BV"'
HOSTILE_ESCAPED = "Bakker &amp; &lt;Zn&gt; &quot;BV&quot;"
OFFERED_AT = datetime(2026, 11, 23, 14, 5, tzinfo=UTC)
EXPIRES_AT = datetime(2026, 12, 8, 14, 5, tzinfo=UTC)
CODE = "7KQM-3XWP-9HTR-CD4F-MNB2"
OFFER_PAGE = "https://app.overdracht.example/migrations/offers/TWlncmF0aW9uOjQy"


def flat(part: str) -> str:
    """The text as a reader sees it, without the line breaks of wrapping."""
    return " ".join(part.split())


def line(name: str = HOSTILE, code: str = "1001") -> AdministrationLine:
    return AdministrationLine(
        name=name,
        code=code,
        package="EXACT_ONLINE",
        document_count=1234,
        inbound_mail_address=f"k10001.{code}@inbound.overdracht.example",
    )


def offer(**changes: object) -> OfferMail:
    mail = OfferMail(
        source_office_code="K10001",
        source_office_name=HOSTILE,
        requester_name=HOSTILE,
        requester_email="anna@vandijk.example",
        transfer_code=CODE,
        offered_at=OFFERED_AT,
        expires_at=EXPIRES_AT,
        administrations=[line(), line("Klant Twee BV", "1002")],
        receive_url="https://app.overdracht.example/receive",
    )
    return replace(mail, **changes)  # type: ignore[arg-type]


def every_mail(language: MailLanguage) -> list[object]:
    return [
        offer(language=language),
        WithdrawalMail(
            language=language,
            source_office_code="K10001",
            source_office_name=HOSTILE,
            requester_name=HOSTILE,
            withdrawn_at=OFFERED_AT,
            administrations=[line()],
            offer_url=OFFER_PAGE,
            others_still_offered=True,
        ),
        RejectionMail(
            language=language,
            target_office_name=HOSTILE,
            rejected_by_name=HOSTILE,
            reason=HOSTILE,
            rejected_at=OFFERED_AT,
            administrations=[line()],
            offer_url=OFFER_PAGE,
        ),
        CompletionMail(
            language=language,
            source_office_name=HOSTILE,
            target_office_name=HOSTILE,
            completed_at=OFFERED_AT,
            administration=line(),
            documents_moved=1234,
            manifest_sha256="3f2a9c1b0d4e" + "0" * 52,
            offer_url=OFFER_PAGE,
        ),
        FailureMail(
            language=language,
            source_office_name=HOSTILE,
            target_office_name=HOSTILE,
            failed_at=OFFERED_AT,
            administration=line(),
            reason=HOSTILE,
            offer_url=OFFER_PAGE,
        ),
        ReleaseMail(
            language=language,
            target_office_name=HOSTILE,
            released_by_name=HOSTILE,
            released_at=OFFERED_AT,
            administrations=[line()],
            after_failure=True,
            offered_again=False,
            offer_url=OFFER_PAGE,
        ),
        ClaimMail(
            language=language,
            target_office_name=HOSTILE,
            received_by_name=HOSTILE,
            received_by_email="bob@bosman.example",
            received_at=OFFERED_AT,
            administrations=[line(), line("Klant Twee BV", "1002")],
            offer_url=OFFER_PAGE,
        ),
        ReminderMail(
            language=language,
            source_office_code="K10001",
            source_office_name=HOSTILE,
            requester_name=HOSTILE,
            transfer_code=CODE,
            expires_at=EXPIRES_AT,
            administrations=[line()],
            receive_url="https://app.overdracht.example/receive",
        ),
        ExpiryMail(
            language=language,
            expired_at=EXPIRES_AT,
            recipients=["bob@bosman.example"],
            administrations=[line(HOSTILE)],
            offer_url=OFFER_PAGE,
        ),
        RefusalMail(
            language=language,
            address="wrong@bosman.example",
            server_answer=f"550 {HOSTILE}",
            refused_at=OFFERED_AT,
            administrations=[line()],
            offer_url=OFFER_PAGE,
        ),
        EndpointDisabledMail(
            language=language,
            office_name=HOSTILE,
            url="https://hooks.example/overdracht",
            failing_since=OFFERED_AT,
            disabled_at=EXPIRES_AT,
            last_answer=f"500 {HOSTILE}",
            overview_url="https://app.overdracht.example/migrations",
        ),
    ]


ALL = [
    pytest.param(mail, id=f"{type(mail).__name__}-{language.value}")
    for language in MailLanguage
    for mail in every_mail(language)
]


@pytest.mark.parametrize("mail", ALL)
def test_every_mail_has_a_subject_a_text_and_an_html_part(mail):
    rendered = render(mail)
    assert rendered.kind == type(mail).__name__.removesuffix("Mail").upper()
    assert rendered.subject and "\n" not in rendered.subject
    assert rendered.text.strip()
    assert rendered.html.startswith("<!DOCTYPE html>")
    assert f'<html lang="{mail.language.value.lower()}">' in rendered.html


@pytest.mark.parametrize("mail", ALL)
def test_a_notice_is_queued_as_data_and_written_out_the_same_when_sent(mail):
    kept = notice_of(mail.kind, json.loads(json.dumps(mail.data())))
    assert kept == mail
    assert render(kept) == render(mail)


@pytest.mark.parametrize("mail", ALL)
def test_every_value_is_html_escaped_in_the_html_part(mail):
    rendered = render(mail)
    assert "<Zn>" not in rendered.html
    assert HOSTILE_ESCAPED in rendered.html
    assert HOSTILE in rendered.text


# The mails about an offer's administrations; an endpoint's mail is about the office itself.
ABOUT_ADMINISTRATIONS = [
    param
    for param in ALL
    if any(hasattr(param.values[0], name) for name in ("administration", "administrations"))
]


@pytest.mark.parametrize("mail", ABOUT_ADMINISTRATIONS)
def test_every_mail_names_the_administration(mail):
    rendered = render(mail)
    for part in (rendered.text, rendered.html):
        assert "1001" in part
        assert "Exact Online" in part


def test_the_offer_mail_gives_the_code_the_expiry_and_the_next_steps_in_dutch():
    rendered = render(offer(language=MailLanguage.NL))
    for part in map(flat, (rendered.text, rendered.html)):
        assert CODE in part
        assert "8 december 2026 om 15:05 (CET)" in part
        assert "https://app.overdracht.example/receive" in part
        assert "voorwaarden" in part and "migratiekosten" in part
        assert "boekhoudsysteemkoppeling van hetzelfde pakket (Exact Online)" in part
        assert "Klant Twee BV" in part
    assert "Overdrachtscode" in rendered.subject


def test_the_offer_mail_gives_the_code_the_expiry_and_the_next_steps_in_english():
    rendered = render(offer(language=MailLanguage.EN))
    for part in map(flat, (rendered.text, rendered.html)):
        assert CODE in part
        assert "8 December 2026, 15:05 CET" in part
        assert "terms" in part and "migration costs" in part
        assert "connection of the same accounting package (Exact Online)" in part
    assert rendered.subject.startswith("Transfer code for 2 administrations")


def test_mails_are_dutch_by_default():
    mail = OfferMail(
        source_office_code="K10001",
        source_office_name="Van Dijk Accountants",
        requester_name="Anna de Vries",
        requester_email="anna@vandijk.example",
        transfer_code=CODE,
        offered_at=OFFERED_AT,
        expires_at=EXPIRES_AT,
        administrations=[line("Klant BV")],
        receive_url="https://app.overdracht.example/receive",
    )
    rendered = render(mail)
    assert (
        rendered.subject == "Overdrachtscode voor 1 administratie van Van Dijk Accountants (K10001)"
    )
    assert '<html lang="nl">' in rendered.html


def test_the_completion_mail_gives_the_new_inbound_address():
    for mail in every_mail(MailLanguage.NL)[3:4] + every_mail(MailLanguage.EN)[3:4]:
        rendered = render(mail)
        assert "k10001.1001@inbound.overdracht.example" in rendered.text
        assert "k10001.1001@inbound.overdracht.example" in rendered.html


def test_a_rejection_without_reason_says_so():
    mail = every_mail(MailLanguage.NL)[2]
    assert "Er is geen reden opgegeven." in render(replace(mail, reason="  ")).text


def test_dates_are_written_in_the_offices_time_zone_with_its_abbreviation():
    from zoneinfo import ZoneInfo

    winter = datetime(2026, 3, 1, 8, 7, tzinfo=UTC)
    summer = datetime(2026, 7, 1, 8, 7, tzinfo=UTC)
    assert format_datetime(winter, MailLanguage.NL) == "1 maart 2026 om 09:07 (CET)"
    assert format_datetime(summer, MailLanguage.NL) == "1 juli 2026 om 10:07 (CEST)"
    assert format_datetime(summer, MailLanguage.EN) == "1 July 2026, 10:07 CEST"
    london = ZoneInfo("Europe/London")
    assert format_datetime(winter, MailLanguage.EN, london) == "1 March 2026, 08:07 GMT"


def test_a_mail_is_written_in_the_configured_time_zone():
    rendered = render(offer(language=MailLanguage.EN), "America/New_York")
    assert "8 December 2026, 09:05 EST" in flat(rendered.text)


def test_the_endpoint_mail_names_the_endpoint_and_its_last_answer():
    rendered = render(every_mail(MailLanguage.EN)[-1])
    for part in map(flat, (rendered.text, rendered.html)):
        assert "https://hooks.example/overdracht" in part
        assert "disabled" in part and "updateWebhookEndpoint" in part
    assert rendered.subject.startswith("Webhook disabled for")


def test_every_phrase_has_every_language_and_every_notice_a_letter():
    assert missing_phrases() == []
    rendered_kinds = {render(mail).kind for mail in every_mail(MailLanguage.NL)}
    assert rendered_kinds == notice_kinds()
    assert all(set(by_language) == set(MailLanguage) for by_language in PHRASES.values())


@pytest.mark.parametrize("mail", ALL)
def test_no_mail_puts_the_transfer_code_in_a_link(mail):
    rendered = render(mail)
    links = re.findall(r'href="([^"]*)"', rendered.html) + re.findall(r"\S+://\S+", rendered.text)
    assert links, "every mail links to the frontend or names its page"
    compact = CODE.replace("-", "")
    assert not [link for link in links if CODE in link or compact in link.replace("-", "")]


@pytest.mark.parametrize("language", list(MailLanguage))
def test_the_offer_and_the_reminder_say_the_receiver_needs_premium(language):
    for mail in (every_mail(language)[0], every_mail(language)[7]):
        assert "Premium" in flat(render(mail).text)


@pytest.mark.parametrize("language", list(MailLanguage))
def test_the_claim_mail_says_who_received_which_administrations(language):
    rendered = render(every_mail(language)[6])
    text = flat(rendered.text)
    assert HOSTILE in text and "bob@bosman.example" in text
    assert "1001" in text and "1002" in text and "Klant Twee BV" in text
    assert OFFER_PAGE in rendered.html


@pytest.mark.parametrize("language", list(MailLanguage))
def test_the_refusal_mail_gives_the_address_and_the_servers_answer(language):
    rendered = render(every_mail(language)[9])
    assert "wrong@bosman.example" in rendered.subject
    assert f"550 {HOSTILE}" in rendered.text


def test_numbers_and_packages_are_written_as_readers_know_them():
    assert format_count(1234567, MailLanguage.NL) == "1.234.567"
    assert format_count(1234567, MailLanguage.EN) == "1,234,567"
    assert package_label("EXACT_ONLINE") == "Exact Online"
    assert package_label("ACCOUNTVIEW") == "AccountView"
    assert package_label("SOMETHING_NEW") == "Something New"
