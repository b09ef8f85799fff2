"""Rule 19 through the API: a superuser registers, changes, rotates, disables and deletes the
office's endpoints; superusers and read-only tokens read them with their delivery log; a
delivery is sent again on request with the same event id."""

from __future__ import annotations

from datetime import timedelta

import pytest
from standardwebhooks.webhooks import Webhook
from tortoise.signals import Signals

from models.enums import Role, TokenScope
from models.webhooks import (
    MAX_ENDPOINTS_PER_OFFICE,
    WebhookDelivery,
    WebhookDeliveryStatus,
    WebhookEndpoint,
    WebhookEventType,
    new_secret,
    queue_delivery,
)
from tests.live_server import start_server
from tests.scenarios import Scenario, pk_of
from tests.webhook_receiver import webhook_receiver
from worker.webhooks import WebhookSender

CREATE = """mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    webhookEndpoint { id url events enabled createdAt }
    secret
    userErrors { code message field }
  }
}"""
UPDATE = """mutation($input: UpdateWebhookEndpointInput!) {
  updateWebhookEndpoint(input: $input) {
    webhookEndpoint { id url events enabled }
    userErrors { code message field }
  }
}"""
DELETE = """mutation($input: WebhookEndpointInput!) {
  deleteWebhookEndpoint(input: $input) {
    deletedWebhookEndpointId
    userErrors { code field }
  }
}"""
ROTATE = """mutation($input: WebhookEndpointInput!) {
  rotateWebhookEndpointSecret(input: $input) {
    webhookEndpoint { id }
    secret
    userErrors { code }
  }
}"""
REDELIVER = """mutation($input: RedeliverWebhookEventInput!) {
  redeliverWebhookEvent(input: $input) {
    delivery { id eventId status nextTryAt }
    userErrors { code field }
  }
}"""
LIST = """{
  webhookEndpoints(first: 10) {
    totalCount
    nodes {
      id url events enabled
      deliveries(first: 10) {
        totalCount
        nodes { id eventId eventType status attempts responseCode responseText nextTryAt createdAt }
      }
    }
  }
}"""


@pytest.fixture
def settings(settings):
    """The receiver listens on loopback, which only this setting allows."""
    return settings.with_overrides(
        webhook_allow_private_targets=True, webhook_timeout=timedelta(seconds=2)
    )


async def create(scenario: Scenario, url: str, events=None, token=None) -> dict:
    variables = {"input": {"url": url, "events": events or ["MIGRATION_OFFERED", "MOVE_FAILED"]}}
    body = await scenario.graphql(CREATE, variables, token or scenario.token)
    assert "errors" not in body, body
    return body["data"]["createWebhookEndpoint"]


async def test_a_superuser_registers_an_endpoint_and_partners_read_its_delivery_log(
    scenario: Scenario, settings, clock
):
    partner = await scenario.factory.token(scenario.superuser, TokenScope.READ_ONLY)
    with webhook_receiver() as receiver:
        receiver.plan = [500]
        made = await create(scenario, receiver.url + "/hooks")
        assert made["userErrors"] == []
        assert made["secret"].startswith("whsec_")
        endpoint = made["webhookEndpoint"]
        assert endpoint["events"] == ["MIGRATION_OFFERED", "MOVE_FAILED"]
        assert endpoint["enabled"] is True
        await scenario.offer()
        sender = WebhookSender(settings, clock)
        assert await sender.deliver_due() == [WebhookDeliveryStatus.PENDING]

        listed = await scenario.graphql(LIST, None, partner)
        assert "errors" not in listed, listed
        page = listed["data"]["webhookEndpoints"]
        assert page["totalCount"] == 1
        [node] = page["nodes"]
        assert node["id"] == endpoint["id"]
        assert "secret" not in str(node).lower()
        [delivery] = node["deliveries"]["nodes"]
        assert delivery["eventType"] == "MIGRATION_OFFERED"
        assert (delivery["status"], delivery["attempts"]) == ("PENDING", 1)
        assert (delivery["responseCode"], delivery["responseText"]) == (500, "answered 500")
        assert delivery["nextTryAt"] is not None

        # Redelivered on request: due at once, with the same event id, and verified.
        again = await scenario.graphql(
            REDELIVER, {"input": {"deliveryId": delivery["id"]}}, partner
        )
        assert again["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        again = await scenario.graphql(
            REDELIVER, {"input": {"deliveryId": delivery["id"]}}, scenario.token
        )
        payload = again["data"]["redeliverWebhookEvent"]
        assert payload["userErrors"] == []
        assert payload["delivery"]["eventId"] == delivery["eventId"]
        assert await sender.deliver_due() == [WebhookDeliveryStatus.DELIVERED]
    assert receiver.ids() == [delivery["eventId"]] * 2
    last = receiver.received[-1]
    assert last.path == "/hooks"
    assert Webhook(made["secret"]).verify(last.body, last.headers)["type"] == "migration.offered"


async def test_only_superusers_with_a_full_token_write(scenario: Scenario):
    partner = await scenario.factory.token(scenario.superuser, TokenScope.READ_ONLY)
    body = await scenario.graphql(
        CREATE, {"input": {"url": "https://hooks.example/x", "events": ["MOVE_FAILED"]}}, partner
    )
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    refused = await create(scenario, "https://hooks.example/x", token=scenario.clerk_token)
    assert [e["code"] for e in refused["userErrors"]] == ["FORBIDDEN"]
    listed = await scenario.graphql(LIST, None, scenario.clerk_token)
    assert listed["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert await WebhookEndpoint.all().count() == 0


async def test_an_endpoint_is_changed_rotated_disabled_and_deleted_by_its_own_office_only(
    scenario: Scenario, settings, clock
):
    with webhook_receiver() as receiver:
        made = await create(scenario, receiver.url)
        endpoint_id = made["webhookEndpoint"]["id"]
        ref = {"webhookEndpointId": endpoint_id}

        other_office = await scenario.graphql(
            UPDATE, {"input": {**ref, "enabled": False}}, scenario.target_token
        )
        assert other_office["data"]["updateWebhookEndpoint"]["userErrors"] == [
            {
                "code": "NOT_FOUND",
                "message": "No such webhook endpoint.",
                "field": ["input", "webhookEndpointId"],
            }
        ]
        none = await scenario.graphql(UPDATE, {"input": {**ref, "events": []}}, scenario.token)
        assert [e["code"] for e in none["data"]["updateWebhookEndpoint"]["userErrors"]] == [
            "NO_WEBHOOK_EVENTS"
        ]

        rotated = await scenario.graphql(ROTATE, {"input": ref}, scenario.token)
        new = rotated["data"]["rotateWebhookEndpointSecret"]["secret"]
        assert new.startswith("whsec_") and new != made["secret"]
        await scenario.offer()
        await WebhookSender(settings, clock).deliver_due()
        [request] = receiver.received
        for secret in (made["secret"], new):
            assert Webhook(secret).verify(request.body, request.headers)

        off = await scenario.graphql(UPDATE, {"input": {**ref, "enabled": False}}, scenario.token)
        assert off["data"]["updateWebhookEndpoint"]["webhookEndpoint"]["enabled"] is False
        await scenario.offer(
            administrations=[await scenario.factory.administration(scenario.exact)]
        )
        assert await WebhookDelivery.all().count() == 1  # a disabled endpoint is not queued for

        gone = await scenario.graphql(DELETE, {"input": ref}, scenario.token)
        assert gone["data"]["deleteWebhookEndpoint"]["deletedWebhookEndpointId"] == endpoint_id
        assert await WebhookEndpoint.all().count() == 0
        assert await WebhookDelivery.all().count() == 0


async def test_without_the_setting_a_loopback_or_http_url_is_refused_at_registration(
    scenario: Scenario, settings, clock, files
):
    strict = settings.with_overrides(webhook_allow_private_targets=False)
    async with start_server(strict, clock, files) as server:
        for url in ("http://hooks.example/x", "https://127.0.0.1:8443/x", "https://[::1]/x"):
            body = await server.graphql(
                CREATE, {"input": {"url": url, "events": ["MOVE_FAILED"]}}, token=scenario.token
            )
            payload = body["data"]["createWebhookEndpoint"]
            assert payload["webhookEndpoint"] is None and payload["secret"] is None
            [error] = payload["userErrors"]
            assert (error["code"], error["field"]) == ("WEBHOOK_TARGET_REFUSED", ["input", "url"])
    assert await WebhookEndpoint.all().count() == 0


async def test_another_superuser_of_the_office_sees_the_same_endpoints(scenario: Scenario):
    await create(scenario, "https://hooks.example/x")
    colleague = await scenario.factory.user(scenario.source, role=Role.SUPERUSER)
    listed = await scenario.graphql(LIST, None, await scenario.factory.token(colleague))
    assert listed["data"]["webhookEndpoints"]["totalCount"] == 1
    theirs = await scenario.graphql(LIST, None, scenario.target_token)
    assert theirs["data"]["webhookEndpoints"]["totalCount"] == 0


async def test_an_office_registers_at_most_ten_endpoints(scenario: Scenario):
    for n in range(MAX_ENDPOINTS_PER_OFFICE):
        assert (await create(scenario, f"https://hooks.example/{n}"))["userErrors"] == []
    refused = await create(scenario, "https://hooks.example/one-more")
    assert [e["code"] for e in refused["userErrors"]] == ["TOO_MANY"]
    theirs = await create(scenario, "https://hooks.example/x", token=scenario.target_token)
    assert theirs["userErrors"] == []


PAGES = """query($after: String) {
  webhookEndpoints(first: 10) {
    nodes {
      url
      deliveries(first: 2, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { id eventId }
      }
    }
  }
}"""


async def test_endpoints_with_their_delivery_logs_cost_the_same_statements_for_1_or_3(
    scenario: Scenario, clock, count_queries
):
    """Each endpoint's log is a page with its total, read for all endpoints at once."""
    logs: dict[str, list[WebhookDelivery]] = {}
    costs = {}
    for n, deliveries in enumerate((3, 0, 1)):
        url = f"https://hooks.example/{n}"
        hook = await WebhookEndpoint.create(
            environment_id=scenario.source.pk,
            url=url,
            events=["migration.offered"],
            secret=new_secret(),
            created_at=clock.now(),
            updated_at=clock.now(),
        )
        logs[url] = []
        for _ in range(deliveries):
            clock.advance(timedelta(minutes=1))
            delivery = await queue_delivery(hook, WebhookEventType.MOVE_FAILED, {}, clock.now())
            logs[url].insert(0, delivery)
        count_queries.statements.clear()
        body = await scenario.graphql(PAGES, None, scenario.token)
        assert "errors" not in body, body
        costs[n + 1] = len(count_queries.statements)
    assert costs[1] == costs[3], count_queries.statements

    pages = {node["url"]: node["deliveries"] for node in body["data"]["webhookEndpoints"]["nodes"]}
    for url, log in logs.items():
        page = pages[url]
        assert page["totalCount"] == len(log)
        assert [d["eventId"] for d in page["nodes"]] == [d.event_id for d in log[:2]]
        assert page["pageInfo"]["hasNextPage"] is (len(log) > 2)

    # The next page of the longest log, after its cursor.
    cursor = pages["https://hooks.example/0"]["pageInfo"]["endCursor"]
    body = await scenario.graphql(PAGES, {"after": cursor}, scenario.token)
    assert "errors" not in body, body
    pages = {node["url"]: node["deliveries"] for node in body["data"]["webhookEndpoints"]["nodes"]}
    rest = pages["https://hooks.example/0"]
    assert [d["eventId"] for d in rest["nodes"]] == [logs["https://hooks.example/0"][2].event_id]
    assert (rest["totalCount"], rest["pageInfo"]["hasNextPage"]) == (3, False)


async def test_a_delivery_log_pages_past_ids_beyond_32_bits(scenario: Scenario, clock):
    """Deliveries have 64-bit ids; a cursor naming one is a cursor like any other."""
    hook = await WebhookEndpoint.create(
        environment_id=scenario.source.pk,
        url="https://hooks.example/big",
        events=["migration.offered"],
        secret=new_secret(),
        created_at=clock.now(),
        updated_at=clock.now(),
    )
    older = await queue_delivery(hook, WebhookEventType.MOVE_FAILED, {}, clock.now())
    big = await WebhookDelivery.create(
        id=2**40,
        endpoint_id=hook.pk,
        event_id="msg_big",
        event_type=WebhookEventType.MOVE_FAILED,
        body="{}",
        next_try_at=clock.now(),
        created_at=clock.now(),
        tried_since=clock.now(),
    )
    first = await scenario.graphql(PAGES.replace("first: 2,", "first: 1,"), None, scenario.token)
    [node] = first["data"]["webhookEndpoints"]["nodes"]
    assert [d["eventId"] for d in node["deliveries"]["nodes"]] == [big.event_id]
    cursor = node["deliveries"]["pageInfo"]["endCursor"]
    body = await scenario.graphql(PAGES, {"after": cursor}, scenario.token)
    assert "errors" not in body, body
    [node] = body["data"]["webhookEndpoints"]["nodes"]
    assert [d["eventId"] for d in node["deliveries"]["nodes"]] == [older.event_id]


@pytest.mark.parametrize(
    ("mutation", "change"),
    [
        (ROTATE, {}),
        (UPDATE, {"url": "https://hooks.example/moved"}),
        (UPDATE, {"events": ["MOVE_FAILED"]}),
    ],
)
async def test_a_change_does_not_undo_the_sender_disabling_the_endpoint_meanwhile(
    scenario: Scenario, clock, mutation, change
):
    """The sender disables the endpoint between the mutation's read and its write."""
    made = await create(scenario, "https://hooks.example/x")
    pk = pk_of(made["webhookEndpoint"]["id"])
    failing_since = clock.now() - timedelta(days=5)

    async def sender_disables(model, instance, using_db, update_fields) -> None:
        await WebhookEndpoint.filter(pk=pk).update(enabled=False, failing_since=failing_since)

    listeners = WebhookEndpoint._listeners[Signals.pre_save].setdefault(WebhookEndpoint, [])
    listeners.append(sender_disables)
    try:
        ref = {"webhookEndpointId": made["webhookEndpoint"]["id"]}
        body = await scenario.graphql(mutation, {"input": {**ref, **change}}, scenario.token)
        assert "errors" not in body, body
    finally:
        listeners.remove(sender_disables)
    row = await WebhookEndpoint.get(pk=pk)
    assert (row.enabled, row.failing_since) == (False, failing_since)
