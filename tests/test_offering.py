"""Offering administrations: every rule of the offer with its positive case and its refusals."""

from __future__ import annotations

import asyncio
import re
from datetime import datetime, timedelta
from typing import Any

import pytest

from api.schema.ids import encode_global_id
from models import AuditEvent, Migration, MigrationItem, OutboxMail
from models.enums import AccountingPackage, DocumentStatus, Plan, Role
from models.transfer_code import format_transfer_code

OFFER = """
mutation($input: OfferMigrationInput!) {
  offerMigration(input: $input) {
    migration {
      id transferCode offeredAt expiresAt isExpired recipients requesterEmail language package
      statusCounts { offered total }
      administrations {
        totalCount nodes { id status administrationName progress { documentsTotal } }
      }
      auditTrail {
        totalCount nodes { action actorName administrationName actorOffice { officeCode } }
      }
    }
    userErrors { code field message }
  }
}"""

WITHDRAW = """
mutation($input: WithdrawMigrationInput!) {
  withdrawMigration(input: $input) {
    migration { statusCounts { offered withdrawn total } }
    userErrors { code field message }
  }
}"""

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

TARGET_SUPERUSER = "eva@bosman.example"


def gid(type_name: str, obj: Any) -> str:
    return encode_global_id(type_name, obj.pk)


class World:
    """A source office with ready administrations, and a premium target office."""

    async def build(self, factory) -> World:
        self.factory = factory
        self.source = await factory.environment(plan=Plan.STANDARD, name="Van Dijk")
        self.superuser = await factory.user(self.source, name="Anna de Vries")
        self.token = await factory.token(self.superuser)
        self.clerk = await factory.user(self.source, role=Role.USER)
        self.clerk_token = await factory.token(self.clerk)
        self.exact = await factory.connection(self.source, AccountingPackage.EXACT_ONLINE)
        self.ready = [
            await factory.administration(self.exact, name="Bakkerij De Korst", documents=3),
            await factory.administration(self.exact, name="Fietsen Jansen", documents=2),
        ]
        self.target = await factory.environment(plan=Plan.PREMIUM, name="Bosman")
        target_superuser = await factory.user(self.target)
        target_superuser.email = TARGET_SUPERUSER
        await target_superuser.save()
        self.target_token = await factory.token(target_superuser)
        return self

    def input(self, administrations: list[Any] | None = None, **overrides: Any) -> dict:
        data = {
            "administrationIds": [
                gid("Administration", a) for a in (administrations or self.ready)
            ],
            "recipients": [TARGET_SUPERUSER],
            "acknowledgeUsersDoNotMove": True,
            "acceptTerms": True,
        }
        data.update(overrides)
        return {"input": data}


@pytest.fixture
async def world(factory) -> World:
    return await World().build(factory)


async def offer(server, world: World, token: str | None = None, **kwargs: Any) -> dict:
    body = await server.graphql(OFFER, world.input(**kwargs), token=token or world.token)
    assert "errors" not in body, body
    return body["data"]["offerMigration"]


def codes(payload: dict) -> list[str]:
    return [e["code"] for e in payload["userErrors"]]


async def nothing_written() -> bool:
    return (
        await Migration.all().count() == 0
        and await MigrationItem.all().count() == 0
        and await OutboxMail.all().count() == 0
        and await AuditEvent.all().count() == 0
    )


async def test_superuser_offers_administrations_with_a_transfer_code(server, world, clock):
    payload = await offer(server, world)
    assert payload["userErrors"] == []
    migration = payload["migration"]
    assert re.fullmatch(r"([2-9A-HJKMNP-Z]{4}-){4}[2-9A-HJKMNP-Z]{4}", migration["transferCode"])
    offered_at = datetime.fromisoformat(migration["offeredAt"])
    assert offered_at == clock.now()
    assert datetime.fromisoformat(migration["expiresAt"]) - offered_at == timedelta(days=15)
    assert migration["statusCounts"] == {"offered": 2, "total": 2}
    assert migration["package"] == "EXACT_ONLINE"
    assert migration["language"] == "NL"
    assert migration["requesterEmail"] == world.superuser.email
    assert [n["progress"]["documentsTotal"] for n in migration["administrations"]["nodes"]] == [
        3,
        2,
    ]
    trail = migration["auditTrail"]["nodes"]
    assert [(e["action"], e["actorName"]) for e in trail] == [("OFFERED", "Anna de Vries")] * 2
    assert trail[0]["actorOffice"]["officeCode"] == world.source.office_code


async def test_offer_puts_one_mail_in_the_outbox_to_recipients_with_requester_in_copy(
    server, world
):
    await offer(server, world, language="EN")
    [mail] = await OutboxMail.all()
    assert mail.to == [TARGET_SUPERUSER]
    assert mail.cc == [world.superuser.email]
    assert mail.language == "EN"
    migration = await Migration.get()
    assert format_transfer_code(migration.transfer_code) in mail.text_body


async def test_non_superuser_cannot_offer(server, world):
    payload = await offer(server, world, token=world.clerk_token)
    assert codes(payload) == ["FORBIDDEN"]
    assert await nothing_written()


async def test_foreign_administration_cannot_be_offered(server, world, factory):
    foreign = await factory.administration(await factory.connection(world.target))
    payload = await offer(server, world, administrations=[world.ready[0], foreign])
    assert payload["userErrors"][0]["code"] == "NOT_FOUND"
    assert payload["userErrors"][0]["field"] == ["input", "administrationIds", "1"]
    assert await nothing_written()


async def test_non_migratable_package_cannot_be_offered(server, world, factory):
    snelstart = await factory.connection(world.source, AccountingPackage.SNELSTART)
    adm = await factory.administration(snelstart)
    payload = await offer(server, world, administrations=[adm])
    assert codes(payload) == ["NOT_MIGRATABLE"]
    assert await nothing_written()


async def test_mixed_packages_cannot_be_offered_together(server, world, factory):
    twinfield = await factory.connection(world.source, AccountingPackage.TWINFIELD)
    adm = await factory.administration(twinfield)
    payload = await offer(server, world, administrations=[world.ready[0], adm])
    assert set(codes(payload)) == {"MIXED_PACKAGES"}
    assert await nothing_written()


async def test_authorizer_in_flow_blocks_the_offer(server, world, factory):
    authorizer = await factory.user(world.source, role=Role.AUTHORIZER)
    await factory.authorizer_in_flow(world.ready[0], authorizer)
    payload = await offer(server, world)
    assert codes(payload) == ["HAS_AUTHORIZERS"]
    assert payload["userErrors"][0]["field"] == ["input", "administrationIds", "0"]
    assert await nothing_written()


async def test_active_workflow_blocks_the_offer_but_an_inactive_one_does_not(
    server, world, factory
):
    await factory.workflow(world.ready[1], active=False)
    await factory.workflow(world.ready[0], active=True)
    payload = await offer(server, world)
    assert codes(payload) == ["HAS_ACTIVE_WORKFLOW"]
    assert payload["userErrors"][0]["field"] == ["input", "administrationIds", "0"]


@pytest.mark.parametrize("status", [DocumentStatus.NEW, DocumentStatus.TO_AUTHORIZE])
async def test_pending_documents_block_the_offer(server, world, factory, status):
    await factory.document(world.ready[1], status=status)
    payload = await offer(server, world)
    assert codes(payload) == ["HAS_PENDING_DOCUMENTS"]
    assert payload["userErrors"][0]["field"] == ["input", "administrationIds", "1"]
    assert await nothing_written()


async def test_every_failed_check_is_reported_at_once(server, world, factory):
    authorizer = await factory.user(world.source, role=Role.AUTHORIZER)
    await factory.authorizer_in_flow(world.ready[0], authorizer)
    await factory.workflow(world.ready[0])
    await factory.document(world.ready[0], status=DocumentStatus.NEW)
    payload = await offer(server, world, recipients=["not-an-address"], acceptTerms=False)
    assert set(codes(payload)) == {
        "HAS_AUTHORIZERS",
        "HAS_ACTIVE_WORKFLOW",
        "HAS_PENDING_DOCUMENTS",
        "INVALID_EMAIL",
        "TERMS_NOT_ACCEPTED",
    }


async def test_invalid_recipient_is_refused_at_its_position(server, world):
    payload = await offer(server, world, recipients=[TARGET_SUPERUSER, "eva@@bosman", "x@y"])
    assert codes(payload) == ["INVALID_EMAIL", "INVALID_EMAIL"]
    assert [e["field"] for e in payload["userErrors"]] == [
        ["input", "recipients", "1"],
        ["input", "recipients", "2"],
    ]
    assert await nothing_written()


async def test_missing_recipient_is_refused(server, world):
    payload = await offer(server, world, recipients=[])
    assert codes(payload) == ["REQUIRED"]
    assert payload["userErrors"][0]["field"] == ["input", "recipients"]


async def test_recipient_of_the_own_environment_is_refused(server, world):
    payload = await offer(server, world, recipients=[world.clerk.email])
    assert codes(payload) == ["RECIPIENT_IN_OWN_ENVIRONMENT"]


async def test_terms_must_be_accepted(server, world):
    payload = await offer(server, world, acceptTerms=False)
    assert codes(payload) == ["TERMS_NOT_ACCEPTED"]
    assert payload["userErrors"][0]["field"] == ["input", "acceptTerms"]
    assert await nothing_written()


async def test_users_not_moving_must_be_acknowledged(server, world):
    payload = await offer(server, world, acknowledgeUsersDoNotMove=False)
    assert codes(payload) == ["ACKNOWLEDGEMENT_REQUIRED"]


async def test_at_most_the_configured_number_of_administrations(server, world, factory):
    many = [await factory.administration(world.exact) for _ in range(6)]
    payload = await offer(server, world, administrations=many)
    assert "TOO_MANY" in codes(payload)
    assert await nothing_written()


async def test_no_administrations_is_refused(server, world):
    body = await server.graphql(OFFER, world.input(administrationIds=[]), token=world.token)
    assert codes(body["data"]["offerMigration"]) == ["REQUIRED"]


async def test_an_administration_is_in_at_most_one_open_offer(server, world):
    assert (await offer(server, world))["userErrors"] == []
    payload = await offer(server, world, administrations=[world.ready[1]])
    assert codes(payload) == ["ALREADY_OFFERED"]
    assert await Migration.all().count() == 1


async def test_an_expired_offer_no_longer_holds_the_administration(server, world, clock):
    await offer(server, world)
    clock.advance(timedelta(days=15))
    payload = await offer(server, world)
    assert payload["userErrors"] == []
    statuses = await MigrationItem.all().order_by("id").values_list("status", flat=True)
    assert statuses == ["EXPIRED", "EXPIRED", "OFFERED", "OFFERED"]


async def test_offer_expires_to_the_second(server, world, clock):
    payload = await offer(server, world)
    migration_id = payload["migration"]["id"]
    query = "query($id: ID!) { migration(id: $id) { isExpired statusCounts { offered expired } } }"
    clock.advance(timedelta(days=15) - timedelta(seconds=1))
    body = await server.graphql(query, {"id": migration_id}, token=world.token)
    assert body["data"]["migration"] == {
        "isExpired": False,
        "statusCounts": {"offered": 2, "expired": 0},
    }
    overview = await server.graphql(OVERVIEW, {"status": "OFFERED"}, token=world.token)
    assert overview["data"]["offeredAdministrations"]["totalCount"] == 2
    clock.advance(timedelta(seconds=1))
    body = await server.graphql(query, {"id": migration_id}, token=world.token)
    assert body["data"]["migration"] == {
        "isExpired": True,
        "statusCounts": {"offered": 0, "expired": 2},
    }
    overview = await server.graphql(OVERVIEW, {"status": "EXPIRED"}, token=world.token)
    assert overview["data"]["offeredAdministrations"]["totalCount"] == 2
    assert {n["status"] for n in overview["data"]["offeredAdministrations"]["nodes"]} == {"EXPIRED"}


async def test_withdraw_the_whole_offer_tells_the_recipients(server, world):
    payload = await offer(server, world)
    body = await server.graphql(
        WITHDRAW, {"input": {"migrationId": payload["migration"]["id"]}}, token=world.token
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


async def test_withdraw_one_administration_leaves_the_others_offered(server, world):
    payload = await offer(server, world)
    migration = payload["migration"]
    item_id = migration["administrations"]["nodes"][0]["id"]
    body = await server.graphql(
        WITHDRAW,
        {"input": {"migrationId": migration["id"], "administrationId": item_id}},
        token=world.token,
    )
    result = body["data"]["withdrawMigration"]
    assert result["migration"]["statusCounts"] == {"offered": 1, "withdrawn": 1, "total": 2}
    again = await offer(server, world, administrations=[world.ready[0]])
    assert again["userErrors"] == []


async def test_withdraw_after_expiry_is_refused(server, world, clock):
    payload = await offer(server, world)
    clock.advance(timedelta(days=15))
    body = await server.graphql(
        WITHDRAW, {"input": {"migrationId": payload["migration"]["id"]}}, token=world.token
    )
    assert codes(body["data"]["withdrawMigration"]) == ["EXPIRED", "EXPIRED"]
    assert await OutboxMail.filter(kind="WITHDRAWAL").count() == 0


async def test_withdraw_twice_is_refused_the_second_time(server, world):
    payload = await offer(server, world)
    variables = {"input": {"migrationId": payload["migration"]["id"]}}
    await server.graphql(WITHDRAW, variables, token=world.token)
    body = await server.graphql(WITHDRAW, variables, token=world.token)
    assert set(codes(body["data"]["withdrawMigration"])) == {"ALREADY_ENDED"}


async def test_withdraw_of_a_foreign_offer_is_not_found(server, world, factory):
    payload = await offer(server, world)
    stranger_env = await factory.environment()
    stranger = await factory.token(await factory.user(stranger_env))
    body = await server.graphql(
        WITHDRAW, {"input": {"migrationId": payload["migration"]["id"]}}, token=stranger
    )
    assert codes(body["data"]["withdrawMigration"]) == ["NOT_FOUND"]
    assert await MigrationItem.filter(status="OFFERED").count() == 2


async def test_non_superuser_cannot_withdraw(server, world):
    payload = await offer(server, world)
    body = await server.graphql(
        WITHDRAW, {"input": {"migrationId": payload["migration"]["id"]}}, token=world.clerk_token
    )
    assert codes(body["data"]["withdrawMigration"]) == ["FORBIDDEN"]


async def test_overview_rows_show_every_field_newest_first(server, world, clock, factory):
    await offer(server, world, administrations=[world.ready[0]])
    clock.advance(timedelta(hours=1))
    await offer(server, world, administrations=[world.ready[1]])
    body = await server.graphql(OVERVIEW, token=world.token)
    page = body["data"]["offeredAdministrations"]
    assert page["totalCount"] == 2
    newest, oldest = page["nodes"]
    assert newest["administrationName"] == "Fietsen Jansen"
    assert oldest["administrationName"] == "Bakkerij De Korst"
    assert newest["inboundMailAddress"] == world.ready[1].inbound_mail_address
    assert newest["recipients"] == [TARGET_SUPERUSER]
    assert newest["status"] == "OFFERED"
    assert newest["transferCode"] != oldest["transferCode"]


@pytest.mark.parametrize(
    "term",
    ["korst", "KORST", "de ko", "bosman.example", "inbound", "offer"],
)
async def test_overview_search_matches_any_shown_field(server, world, term):
    await offer(server, world, administrations=[world.ready[0]])
    body = await server.graphql(OVERVIEW, {"search": term}, token=world.token)
    assert body["data"]["offeredAdministrations"]["totalCount"] == 1, term


async def test_overview_search_finds_the_transfer_code_typed_loosely(server, world):
    payload = await offer(server, world, administrations=[world.ready[0]])
    code = payload["migration"]["transferCode"]
    for term in (code, code.lower().replace("-", ""), code[5:12].lower()):
        body = await server.graphql(OVERVIEW, {"search": term}, token=world.token)
        assert body["data"]["offeredAdministrations"]["totalCount"] == 1, term
    body = await server.graphql(OVERVIEW, {"search": "zzzzqqqq"}, token=world.token)
    assert body["data"]["offeredAdministrations"]["totalCount"] == 0


async def test_overview_search_matches_the_offer_date(server, world, clock):
    await offer(server, world, administrations=[world.ready[0]])
    day = clock.now().strftime("%Y-%m-%d")
    body = await server.graphql(OVERVIEW, {"search": day}, token=world.token)
    assert body["data"]["offeredAdministrations"]["totalCount"] == 1


async def test_overview_status_filter(server, world):
    payload = await offer(server, world)
    item_id = payload["migration"]["administrations"]["nodes"][0]["id"]
    await server.graphql(
        WITHDRAW,
        {"input": {"migrationId": payload["migration"]["id"], "administrationId": item_id}},
        token=world.token,
    )
    for status, expected in (("OFFERED", 1), ("WITHDRAWN", 1), ("EXPIRED", 0)):
        body = await server.graphql(OVERVIEW, {"status": status}, token=world.token)
        assert body["data"]["offeredAdministrations"]["totalCount"] == expected, status


async def test_overview_paginates(server, world, factory, clock):
    extra = [await factory.administration(world.exact) for _ in range(3)]
    for adm in [*world.ready, *extra]:
        await offer(server, world, administrations=[adm])
        clock.advance(timedelta(minutes=1))
    first = await server.graphql(OVERVIEW, {"first": 2}, token=world.token)
    page = first["data"]["offeredAdministrations"]
    assert page["totalCount"] == 5
    assert page["pageInfo"]["hasNextPage"] is True
    rest = await server.graphql(
        OVERVIEW, {"first": 10, "after": page["pageInfo"]["endCursor"]}, token=world.token
    )
    assert len(rest["data"]["offeredAdministrations"]["nodes"]) == 3


async def test_overview_is_for_superusers_only(server, world):
    await offer(server, world)
    body = await server.graphql(OVERVIEW, token=world.clerk_token)
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_overview_shows_only_the_own_environment(server, world):
    await offer(server, world)
    body = await server.graphql(OVERVIEW, token=world.target_token)
    assert body["data"]["offeredAdministrations"]["totalCount"] == 0


async def test_migration_is_invisible_to_an_uninvolved_environment(server, world, factory):
    payload = await offer(server, world)
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


async def test_checklist_gives_the_figures_behind_every_check(server, world, factory):
    authorizer = await factory.user(world.source, role=Role.AUTHORIZER)
    blocked = await factory.administration(world.exact, name="Zzz Geblokkeerd")
    await factory.authorizer_in_flow(blocked, authorizer)
    await factory.workflow(blocked)
    await factory.workflow(blocked)
    await factory.document(blocked, status=DocumentStatus.NEW)
    await offer(server, world, administrations=[world.ready[1]])
    body = await server.graphql(
        CHECKLIST, {"c": gid("AccountingConnection", world.exact)}, token=world.token
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


async def test_checklist_is_for_superusers_only(server, world):
    body = await server.graphql(
        CHECKLIST, {"c": gid("AccountingConnection", world.exact)}, token=world.clerk_token
    )
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


@pytest.mark.postgres
async def test_concurrent_offers_of_one_administration_give_one_offer(server, world, factory):
    second = await factory.token(await factory.user(world.source))
    for round_ in range(5):
        adm = await factory.administration(world.exact, name=f"Race {round_}")
        results = await asyncio.gather(
            offer(server, world, administrations=[adm]),
            offer(server, world, token=second, administrations=[adm]),
        )
        outcomes = sorted(tuple(codes(r)) for r in results)
        assert outcomes == [(), ("ALREADY_OFFERED",)], outcomes
        assert await MigrationItem.filter(administration_id=adm.pk).count() == 1
