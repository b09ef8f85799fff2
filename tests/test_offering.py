"""Offering administrations: every rule of the offer with its positive case and its refusals."""

from __future__ import annotations

import asyncio
import re
from datetime import datetime, timedelta

import pytest

from mail.composing import written
from mail.formatting import DEFAULT_TIME_ZONE
from mail.phrases import PHRASES
from models import AuditEvent, Migration, MigrationAdministration, OutboxMail
from models.enums import AccountingPackage, DocumentStatus, MailLanguage, Role
from models.transfer_code import format_transfer_code
from tests.documents import OFFER, WITHDRAW
from tests.scenarios import TARGET_SUPERUSER, codes, gid

OVERVIEW = """
query($search: String, $status: MigrationStatus, $first: Int, $after: String) {
  offeredAdministrations(search: $search, status: $status, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      offeredAt administrationName inboundMailAddress expiresAt transferCode recipients status
    }
  }
}"""


async def nothing_written() -> bool:
    return (
        await Migration.all().count() == 0
        and await MigrationAdministration.all().count() == 0
        and await OutboxMail.all().count() == 0
        and await AuditEvent.all().count() == 0
    )


async def test_superuser_offers_administrations_with_a_transfer_code(server, scenario, clock):
    payload = await scenario.offer_payload()
    assert payload["userErrors"] == []
    migration = payload["migration"]
    assert re.fullmatch(r"([2-9A-HJKMNP-Z]{4}-){4}[2-9A-HJKMNP-Z]{4}", migration["transferCode"])
    offered_at = datetime.fromisoformat(migration["offeredAt"])
    assert offered_at == clock.now()
    assert datetime.fromisoformat(migration["expiresAt"]) - offered_at == timedelta(days=15)
    assert migration["statusCounts"] == {"offered": 2, "total": 2}
    assert migration["package"] == "EXACT_ONLINE"
    assert migration["language"] == "NL"
    assert migration["requesterEmail"] == scenario.superuser.email
    assert [n["progress"]["documentsTotal"] for n in migration["administrations"]["nodes"]] == [
        3,
        2,
    ]
    trail = migration["auditTrail"]["nodes"]
    assert [(e["action"], e["actorName"]) for e in trail] == [("OFFERED", "Anna de Vries")] * 2
    assert trail[0]["actorOffice"]["officeCode"] == scenario.source.office_code


async def test_offer_puts_one_mail_in_the_outbox_to_recipients_with_requester_in_copy(
    server, scenario
):
    await scenario.offer_payload(language="EN")
    [mail] = await OutboxMail.all()
    assert mail.to == [TARGET_SUPERUSER]
    assert mail.cc == [scenario.superuser.email]
    assert mail.language == "EN"
    migration = await Migration.get()
    assert format_transfer_code(migration.transfer_code) in written(mail, DEFAULT_TIME_ZONE).text


async def test_non_superuser_cannot_offer(server, scenario):
    payload = await scenario.offer_payload(token=scenario.clerk_token)
    assert codes(payload) == ["FORBIDDEN"]
    assert await nothing_written()


async def test_foreign_administration_cannot_be_offered(server, scenario, factory):
    foreign = await factory.administration(await factory.connection(scenario.target))
    payload = await scenario.offer_payload(administrations=[scenario.ready[0], foreign])
    assert payload["userErrors"][0]["code"] == "NOT_FOUND"
    assert payload["userErrors"][0]["field"] == ["input", "administrationIds", "1"]
    assert await nothing_written()


async def test_non_migratable_package_cannot_be_offered(server, scenario, factory):
    snelstart = await factory.connection(scenario.source, AccountingPackage.SNELSTART)
    adm = await factory.administration(snelstart)
    payload = await scenario.offer_payload(administrations=[adm])
    assert codes(payload) == ["NOT_MIGRATABLE"]
    assert await nothing_written()


async def test_mixed_packages_cannot_be_offered_together(server, scenario, factory):
    twinfield = await factory.connection(scenario.source, AccountingPackage.TWINFIELD)
    adm = await factory.administration(twinfield)
    payload = await scenario.offer_payload(administrations=[scenario.ready[0], adm])
    assert set(codes(payload)) == {"MIXED_PACKAGES"}
    assert await nothing_written()


async def test_authorizer_in_flow_blocks_the_offer(server, scenario, factory):
    authorizer = await factory.user(scenario.source, role=Role.AUTHORIZER)
    await factory.authorizer_in_flow(scenario.ready[0], authorizer)
    payload = await scenario.offer_payload()
    assert codes(payload) == ["HAS_AUTHORIZERS"]
    assert payload["userErrors"][0]["field"] == ["input", "administrationIds", "0"]
    assert await nothing_written()


async def test_active_workflow_blocks_the_offer_but_an_inactive_one_does_not(
    server, scenario, factory
):
    await factory.workflow(scenario.ready[1], active=False)
    await factory.workflow(scenario.ready[0], active=True)
    payload = await scenario.offer_payload()
    assert codes(payload) == ["HAS_ACTIVE_WORKFLOW"]
    assert payload["userErrors"][0]["field"] == ["input", "administrationIds", "0"]


@pytest.mark.parametrize("status", [DocumentStatus.NEW, DocumentStatus.TO_AUTHORIZE])
async def test_pending_documents_block_the_offer(server, scenario, factory, status):
    await factory.document(scenario.ready[1], status=status)
    payload = await scenario.offer_payload()
    assert codes(payload) == ["HAS_PENDING_DOCUMENTS"]
    assert payload["userErrors"][0]["field"] == ["input", "administrationIds", "1"]
    assert await nothing_written()


async def test_every_failed_check_is_reported_at_once(server, scenario, factory):
    authorizer = await factory.user(scenario.source, role=Role.AUTHORIZER)
    await factory.authorizer_in_flow(scenario.ready[0], authorizer)
    await factory.workflow(scenario.ready[0])
    await factory.document(scenario.ready[0], status=DocumentStatus.NEW)
    payload = await scenario.offer_payload(recipients=["not-an-address"], acceptTerms=False)
    assert set(codes(payload)) == {
        "HAS_AUTHORIZERS",
        "HAS_ACTIVE_WORKFLOW",
        "HAS_PENDING_DOCUMENTS",
        "INVALID_EMAIL",
        "TERMS_NOT_ACCEPTED",
    }


async def test_invalid_recipient_is_refused_at_its_position(server, scenario):
    payload = await scenario.offer_payload(recipients=[TARGET_SUPERUSER, "eva@@bosman", "x@y"])
    assert codes(payload) == ["INVALID_EMAIL", "INVALID_EMAIL"]
    assert [e["field"] for e in payload["userErrors"]] == [
        ["input", "recipients", "1"],
        ["input", "recipients", "2"],
    ]
    assert await nothing_written()


async def test_missing_recipient_is_refused(server, scenario):
    payload = await scenario.offer_payload(recipients=[])
    assert codes(payload) == ["REQUIRED"]
    assert payload["userErrors"][0]["field"] == ["input", "recipients"]


async def test_recipient_of_the_own_environment_is_refused(server, scenario):
    payload = await scenario.offer_payload(recipients=[scenario.clerk.email])
    assert codes(payload) == ["RECIPIENT_IN_OWN_ENVIRONMENT"]


async def test_terms_must_be_accepted(server, scenario):
    payload = await scenario.offer_payload(acceptTerms=False)
    assert codes(payload) == ["TERMS_NOT_ACCEPTED"]
    assert payload["userErrors"][0]["field"] == ["input", "acceptTerms"]
    assert await nothing_written()


async def test_users_not_moving_must_be_acknowledged(server, scenario):
    payload = await scenario.offer_payload(acknowledgeUsersDoNotMove=False)
    assert codes(payload) == ["ACKNOWLEDGEMENT_REQUIRED"]


async def test_at_most_the_configured_number_of_administrations(
    server, scenario, factory, count_queries
):
    many = [await factory.administration(scenario.exact) for _ in range(6)]
    count_queries.statements.clear()
    payload = await scenario.offer_payload(administrations=many)
    assert codes(payload) == ["TOO_MANY"]
    assert payload["userErrors"][0]["field"] == ["input", "administrationIds"]
    # Refused before any administration, offer or recipient is looked up: only the token was.
    looked_up = " ".join(count_queries.statements).lower()
    assert "administration" not in looked_up and "recipient" not in looked_up
    assert await nothing_written()
    assert (await scenario.offer_payload(administrations=many[:5]))["userErrors"] == []


async def test_no_administrations_is_refused(server, scenario):
    body = await server.graphql(
        OFFER, scenario.offer_input(administrationIds=[]), token=scenario.token
    )
    assert codes(body["data"]["offerMigration"]) == ["REQUIRED"]


async def test_an_administration_is_in_at_most_one_open_offer(server, scenario):
    assert (await scenario.offer_payload())["userErrors"] == []
    payload = await scenario.offer_payload(administrations=[scenario.ready[1]])
    assert codes(payload) == ["ALREADY_OFFERED"]
    assert await Migration.all().count() == 1


async def test_an_expired_offer_no_longer_holds_the_administration(server, scenario, clock):
    await scenario.offer_payload()
    clock.advance(timedelta(days=15))
    payload = await scenario.offer_payload()
    assert payload["userErrors"] == []
    statuses = await MigrationAdministration.all().order_by("id").values_list("status", flat=True)
    assert statuses == ["EXPIRED", "EXPIRED", "OFFERED", "OFFERED"]


async def test_offer_expires_to_the_second(server, scenario, clock):
    payload = await scenario.offer_payload()
    migration_id = payload["migration"]["id"]
    query = "query($id: ID!) { migration(id: $id) { isExpired statusCounts { offered expired } } }"
    clock.advance(timedelta(days=15) - timedelta(seconds=1))
    body = await server.graphql(query, {"id": migration_id}, token=scenario.token)
    assert body["data"]["migration"] == {
        "isExpired": False,
        "statusCounts": {"offered": 2, "expired": 0},
    }
    overview = await server.graphql(OVERVIEW, {"status": "OFFERED"}, token=scenario.token)
    assert overview["data"]["offeredAdministrations"]["totalCount"] == 2
    clock.advance(timedelta(seconds=1))
    body = await server.graphql(query, {"id": migration_id}, token=scenario.token)
    assert body["data"]["migration"] == {
        "isExpired": True,
        "statusCounts": {"offered": 0, "expired": 2},
    }
    overview = await server.graphql(OVERVIEW, {"status": "EXPIRED"}, token=scenario.token)
    assert overview["data"]["offeredAdministrations"]["totalCount"] == 2
    assert {n["status"] for n in overview["data"]["offeredAdministrations"]["nodes"]} == {"EXPIRED"}


async def test_withdraw_the_whole_offer_tells_the_recipients(server, scenario):
    payload = await scenario.offer_payload()
    body = await server.graphql(
        WITHDRAW, {"input": {"migrationId": payload["migration"]["id"]}}, token=scenario.token
    )
    result = body["data"]["withdrawMigration"]
    assert result["userErrors"] == []
    assert result["migration"]["statusCounts"] == {"offered": 0, "withdrawn": 2, "total": 2}
    kinds = await OutboxMail.all().order_by("id").values_list("kind", flat=True)
    assert kinds == ["OFFER", "WITHDRAWAL"]
    withdrawal = await OutboxMail.filter(kind="WITHDRAWAL").get()
    assert withdrawal.to == [TARGET_SUPERUSER]
    actions = await AuditEvent.all().order_by("id").values_list("action", flat=True)
    assert actions == ["OFFERED", "OFFERED", "WITHDRAWN", "WITHDRAWN"]


async def test_withdraw_one_administration_leaves_the_others_offered(server, scenario):
    payload = await scenario.offer_payload()
    migration = payload["migration"]
    item_id = migration["administrations"]["nodes"][0]["id"]
    body = await server.graphql(
        WITHDRAW,
        {"input": {"migrationId": migration["id"], "migrationAdministrationId": item_id}},
        token=scenario.token,
    )
    result = body["data"]["withdrawMigration"]
    assert result["migration"]["statusCounts"] == {"offered": 1, "withdrawn": 1, "total": 2}
    again = await scenario.offer_payload(administrations=[scenario.ready[0]])
    assert again["userErrors"] == []


async def test_the_withdrawal_mail_says_others_are_still_offered_only_when_they_are(
    server, scenario
):
    rest = " ".join(PHRASES["withdrawal.rest"][MailLanguage.NL].split())

    async def withdrawal_text(migration_id: str, item_id: str | None = None) -> str:
        variables = {"input": {"migrationId": migration_id, "migrationAdministrationId": item_id}}
        body = await server.graphql(WITHDRAW, variables, token=scenario.token)
        assert body["data"]["withdrawMigration"]["userErrors"] == []
        mail = await OutboxMail.filter(kind="WITHDRAWAL").order_by("-id").first()
        return " ".join(written(mail, DEFAULT_TIME_ZONE).text.split())

    two = await scenario.offer()
    assert rest in await withdrawal_text(two["id"], scenario.items(two)[0])
    # The last one of the offer: nothing of it is still offered, so the mail does not say so.
    assert rest not in await withdrawal_text(two["id"], scenario.items(two)[1])
    one = await scenario.offer(administrations=[scenario.ready[0]])
    assert rest not in await withdrawal_text(one["id"])


async def test_withdraw_after_expiry_is_refused(server, scenario, clock):
    payload = await scenario.offer_payload()
    clock.advance(timedelta(days=15))
    body = await server.graphql(
        WITHDRAW, {"input": {"migrationId": payload["migration"]["id"]}}, token=scenario.token
    )
    assert codes(body["data"]["withdrawMigration"]) == ["EXPIRED", "EXPIRED"]
    assert await OutboxMail.filter(kind="WITHDRAWAL").count() == 0


async def test_withdraw_twice_is_refused_the_second_time_at_what_was_sent(server, scenario):
    payload = await scenario.offer_payload()
    migration = payload["migration"]
    variables = {"input": {"migrationId": migration["id"]}}
    await server.graphql(WITHDRAW, variables, token=scenario.token)
    body = await server.graphql(WITHDRAW, variables, token=scenario.token)
    errors = body["data"]["withdrawMigration"]["userErrors"]
    assert {e["code"] for e in errors} == {"ALREADY_ENDED"}
    # The whole offer was sent: the refusal points at it, not at a field never sent.
    assert {tuple(e["field"]) for e in errors} == {("input", "migrationId")}
    one = migration["administrations"]["nodes"][0]["id"]
    variables["input"]["migrationAdministrationId"] = one
    body = await server.graphql(WITHDRAW, variables, token=scenario.token)
    errors = body["data"]["withdrawMigration"]["userErrors"]
    assert [(e["code"], e["field"]) for e in errors] == [
        ("ALREADY_ENDED", ["input", "migrationAdministrationId"])
    ]


async def test_withdraw_of_a_foreign_offer_is_not_found(server, scenario, factory):
    payload = await scenario.offer_payload()
    stranger_env = await factory.environment()
    stranger = await factory.token(await factory.user(stranger_env))
    body = await server.graphql(
        WITHDRAW, {"input": {"migrationId": payload["migration"]["id"]}}, token=stranger
    )
    assert codes(body["data"]["withdrawMigration"]) == ["NOT_FOUND"]
    assert await MigrationAdministration.filter(status="OFFERED").count() == 2


async def test_non_superuser_cannot_withdraw(server, scenario):
    payload = await scenario.offer_payload()
    body = await server.graphql(
        WITHDRAW, {"input": {"migrationId": payload["migration"]["id"]}}, token=scenario.clerk_token
    )
    assert codes(body["data"]["withdrawMigration"]) == ["FORBIDDEN"]


async def test_overview_rows_show_every_field_newest_first(server, scenario, clock, factory):
    await scenario.offer_payload(administrations=[scenario.ready[0]])
    clock.advance(timedelta(hours=1))
    await scenario.offer_payload(administrations=[scenario.ready[1]])
    body = await server.graphql(OVERVIEW, token=scenario.token)
    page = body["data"]["offeredAdministrations"]
    assert page["totalCount"] == 2
    newest, oldest = page["nodes"]
    assert newest["administrationName"] == "Fietsen Jansen"
    assert oldest["administrationName"] == "Bakkerij De Korst"
    assert newest["inboundMailAddress"] == scenario.ready[1].inbound_mail_address
    assert newest["recipients"] == [TARGET_SUPERUSER]
    assert newest["status"] == "OFFERED"
    assert newest["transferCode"] != oldest["transferCode"]


@pytest.mark.parametrize(
    "term",
    ["korst", "KORST", "de ko", "bosman.example", "inbound", "offer"],
)
async def test_overview_search_matches_any_shown_field(server, scenario, term):
    await scenario.offer_payload(administrations=[scenario.ready[0]])
    body = await server.graphql(OVERVIEW, {"search": term}, token=scenario.token)
    assert body["data"]["offeredAdministrations"]["totalCount"] == 1, term


async def test_overview_search_finds_the_transfer_code_typed_loosely(server, scenario):
    payload = await scenario.offer_payload(administrations=[scenario.ready[0]])
    code = payload["migration"]["transferCode"]
    for term in (code, code.lower().replace("-", ""), code[5:12].lower()):
        body = await server.graphql(OVERVIEW, {"search": term}, token=scenario.token)
        assert body["data"]["offeredAdministrations"]["totalCount"] == 1, term
    body = await server.graphql(OVERVIEW, {"search": "zzzzqqqq"}, token=scenario.token)
    assert body["data"]["offeredAdministrations"]["totalCount"] == 0


async def test_overview_search_matches_the_offer_date(server, scenario, clock):
    await scenario.offer_payload(administrations=[scenario.ready[0]])
    day = clock.now().strftime("%Y-%m-%d")
    body = await server.graphql(OVERVIEW, {"search": day}, token=scenario.token)
    assert body["data"]["offeredAdministrations"]["totalCount"] == 1


async def test_overview_status_filter(server, scenario):
    payload = await scenario.offer_payload()
    item_id = payload["migration"]["administrations"]["nodes"][0]["id"]
    await server.graphql(
        WITHDRAW,
        {
            "input": {
                "migrationId": payload["migration"]["id"],
                "migrationAdministrationId": item_id,
            }
        },
        token=scenario.token,
    )
    for status, expected in (("OFFERED", 1), ("WITHDRAWN", 1), ("EXPIRED", 0)):
        body = await server.graphql(OVERVIEW, {"status": status}, token=scenario.token)
        assert body["data"]["offeredAdministrations"]["totalCount"] == expected, status


async def test_overview_paginates(server, scenario, factory, clock):
    extra = [await factory.administration(scenario.exact) for _ in range(3)]
    for adm in [*scenario.ready, *extra]:
        await scenario.offer_payload(administrations=[adm])
        clock.advance(timedelta(minutes=1))
    first = await server.graphql(OVERVIEW, {"first": 2}, token=scenario.token)
    page = first["data"]["offeredAdministrations"]
    assert page["totalCount"] == 5
    assert page["pageInfo"]["hasNextPage"] is True
    rest = await server.graphql(
        OVERVIEW, {"first": 10, "after": page["pageInfo"]["endCursor"]}, token=scenario.token
    )
    assert len(rest["data"]["offeredAdministrations"]["nodes"]) == 3


async def test_overview_is_for_superusers_only(server, scenario):
    await scenario.offer_payload()
    body = await server.graphql(OVERVIEW, token=scenario.clerk_token)
    assert body["data"] == {"offeredAdministrations": None}
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_a_refused_field_never_nulls_the_others_of_the_request(server, scenario):
    both = "{ viewer { tokenScope } offeredAdministrations(first: 1) { totalCount } }"
    body = await server.graphql(both, token=scenario.clerk_token)
    assert body["data"] == {"viewer": {"tokenScope": "FULL"}, "offeredAdministrations": None}
    [error] = body["errors"]
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert error["path"] == ["offeredAdministrations"]


async def test_overview_shows_only_the_own_environment(server, scenario):
    await scenario.offer_payload()
    body = await server.graphql(OVERVIEW, token=scenario.target_token)
    assert body["data"]["offeredAdministrations"]["totalCount"] == 0


async def test_migration_is_invisible_to_an_uninvolved_environment(server, scenario, factory):
    payload = await scenario.offer_payload()
    stranger = await factory.token(await factory.user(await factory.environment()))
    query = "query($id: ID!) { migration(id: $id) { id } node(id: $id) { id } }"
    body = await server.graphql(query, {"id": payload["migration"]["id"]}, token=stranger)
    assert body["data"] == {"migration": None, "node": None}


CHECKLIST = """
query($c: ID!) {
  offerChecklist(connectionId: $c) {
    totalCount
    nodes {
      administration { name }
      canBeOffered packageIsMigratable alreadyOffered
      noAuthorizers authorizersInFlow noActiveWorkflow activeWorkflows
      allDocumentsSettled pendingDocuments
    }
  }
}"""


async def test_checklist_gives_the_figures_behind_every_check(server, scenario, factory):
    authorizer = await factory.user(scenario.source, role=Role.AUTHORIZER)
    blocked = await factory.administration(scenario.exact, name="Zzz Geblokkeerd")
    await factory.authorizer_in_flow(blocked, authorizer)
    await factory.workflow(blocked)
    await factory.workflow(blocked)
    await factory.document(blocked, status=DocumentStatus.NEW)
    await scenario.offer_payload(administrations=[scenario.ready[1]])
    body = await server.graphql(
        CHECKLIST, {"c": gid("AccountingConnection", scenario.exact)}, token=scenario.token
    )
    rows = {r["administration"]["name"]: r for r in body["data"]["offerChecklist"]["nodes"]}
    assert rows["Bakkerij De Korst"]["canBeOffered"] is True
    assert rows["Fietsen Jansen"]["canBeOffered"] is False
    assert rows["Fietsen Jansen"]["alreadyOffered"] is True
    assert rows["Zzz Geblokkeerd"] == {
        "administration": {"name": "Zzz Geblokkeerd"},
        "canBeOffered": False,
        "packageIsMigratable": True,
        "alreadyOffered": False,
        "noAuthorizers": False,
        "authorizersInFlow": 1,
        "noActiveWorkflow": False,
        "activeWorkflows": 2,
        "allDocumentsSettled": False,
        "pendingDocuments": 1,
    }


async def test_checklist_is_for_superusers_only(server, scenario):
    body = await server.graphql(
        CHECKLIST, {"c": gid("AccountingConnection", scenario.exact)}, token=scenario.clerk_token
    )
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


@pytest.mark.postgres
async def test_concurrent_offers_of_one_administration_give_one_offer(server, scenario, factory):
    second = await factory.token(await factory.user(scenario.source))
    for round_ in range(5):
        adm = await factory.administration(scenario.exact, name=f"Race {round_}")
        results = await asyncio.gather(
            scenario.offer_payload(administrations=[adm]),
            scenario.offer_payload(token=second, administrations=[adm]),
        )
        outcomes = sorted(tuple(codes(r)) for r in results)
        assert outcomes == [(), ("ALREADY_OFFERED",)], outcomes
        assert await MigrationAdministration.filter(administration_id=adm.pk).count() == 1
