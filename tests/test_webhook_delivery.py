"""Rule 19's deliveries over real HTTP to a receiver on loopback, verified as a partner would with
the Standard Webhooks library: signed, the same id until acknowledged, never held by a target that
hangs, given up after the retry period, and an endpoint failing for days disabled with a mail."""

from __future__ import annotations

import asyncio
import json
import signal
import time
from datetime import timedelta

import pytest
from standardwebhooks.webhooks import Webhook

from models.enums import Role
from models.outbox import OutboxMail
from models.webhooks import (
    WebhookDelivery,
    WebhookDeliveryStatus,
    WebhookEndpoint,
    WebhookEventType,
    check_target,
    new_secret,
    queue_delivery,
)
from overdracht.clock import MovableClock
from tests.scenarios import Scenario, wait_until
from tests.webhook_receiver import HANG, authority, webhook_receiver
from tests.workers import start_worker
from worker.mover import Mover
from worker.webhooks import Answer, WebhookSender

D = WebhookDeliveryStatus
ALL = [event.value for event in WebhookEventType]


@pytest.fixture
def hook_settings(settings):
    return settings.with_overrides(
        webhook_allow_private_targets=True, webhook_timeout=timedelta(seconds=2)
    )


async def endpoint(environment_id: int, url: str, clock, events=None) -> WebhookEndpoint:
    return await WebhookEndpoint.create(
        environment_id=environment_id,
        url=url,
        events=ALL if events is None else events,
        secret=new_secret(),
        created_at=clock.now(),
        updated_at=clock.now(),
    )


def verified(hook: WebhookEndpoint, request) -> dict:
    """The body as the Standard Webhooks library verifies it; it raises on a wrong signature."""
    return Webhook(hook.secret).verify(request.body, request.headers)


async def test_every_event_type_arrives_signed_and_verifies(
    scenario: Scenario, hook_settings, clock, files
):
    with webhook_receiver() as receiver:
        source = await endpoint(scenario.source.pk, receiver.url + "/source", clock)
        target = await endpoint(scenario.target.pk, receiver.url + "/target", clock)
        migration = await scenario.offer()
        code = migration["transferCode"]
        first, second = scenario.items(migration)
        assert (await scenario.claim(code, [first]))["userErrors"] == []
        assert (await scenario.reject(code, [second]))["userErrors"] == []
        await Mover(hook_settings, clock, files).run_until_idle()
        # The kinds no step of this offer took, queued as their steps queue them.
        for event in (
            WebhookEventType.MIGRATION_WITHDRAWN,
            WebhookEventType.MIGRATION_EXPIRED,
            WebhookEventType.MOVE_FAILED,
            WebhookEventType.MAIL_REFUSED,
        ):
            await queue_delivery(source, event, {"side": "source"}, clock.now())
        outcomes = await WebhookSender(hook_settings, clock).deliver_due()
        assert outcomes == [D.DELIVERED] * 14

    by_side = {"/source": source, "/target": target}
    types = []
    for request in receiver.received:
        body = verified(by_side[request.path], request)
        assert set(body) == {"type", "timestamp", "data"}
        assert json.loads(request.body) == body
        assert request.headers["content-type"] == "application/json"
        assert abs(int(request.headers["webhook-timestamp"]) - time.time()) < 300
        assert body["data"]["side"] == request.path[1:]
        types.append(body["type"])
    assert sorted(set(types)) == sorted(ALL)
    assert len(set(receiver.ids())) == 14
    with pytest.raises(Exception, match="No matching signature"):
        Webhook(new_secret()).verify(request.body, request.headers)
    rows = await WebhookDelivery.filter(status=D.DELIVERED).count()
    assert rows == 14


async def test_a_receiver_that_fails_gets_the_same_event_again_until_it_answers_2xx(
    scenario: Scenario, hook_settings, clock
):
    with webhook_receiver() as receiver:
        receiver.plan = [500, 302]
        hook = await endpoint(scenario.source.pk, receiver.url, clock)
        await scenario.offer()
        sender = WebhookSender(hook_settings, clock)
        assert await sender.deliver_due() == [D.PENDING]
        row = await WebhookDelivery.get(endpoint_id=hook.pk)
        assert (row.response_code, row.response_text) == (500, "answered 500")
        assert row.next_try_at == clock.now() + timedelta(seconds=30)
        assert await sender.deliver_due() == []  # not before its time
        clock.advance(timedelta(seconds=30))
        assert await sender.deliver_due() == [D.PENDING]  # a redirect is not followed
        clock.advance(timedelta(seconds=60))
        assert await sender.deliver_due() == [D.DELIVERED]
        assert await sender.deliver_due() == []

    assert receiver.ids() == [row.event_id] * 3
    assert [r.path for r in receiver.received] == ["/"] * 3
    bodies = {r.body for r in receiver.received}
    assert len(bodies) == 1
    row = await WebhookDelivery.get(endpoint_id=hook.pk)
    assert (row.status, row.attempts, row.response_code) == (D.DELIVERED, 3, 200)
    assert (await WebhookEndpoint.get(pk=hook.pk)).failing_since is None


async def test_a_target_that_hangs_does_not_hold_the_worker_past_its_deadline(
    scenario: Scenario, hook_settings, clock
):
    with webhook_receiver() as receiver:
        receiver.plan = [HANG]
        hook = await endpoint(scenario.source.pk, receiver.url, clock)
        await scenario.offer()
        sender = WebhookSender(
            hook_settings.with_overrides(webhook_timeout=timedelta(seconds=1)), clock
        )
        outcome = await asyncio.wait_for(sender.deliver_due(), 30)
        assert outcome == [D.PENDING]
        assert len(receiver.received) == 1
    row = await WebhookDelivery.get(endpoint_id=hook.pk)
    assert row.response_code is None
    assert row.response_text == "No answer within 1 s."


async def test_a_delivery_is_given_up_after_the_retry_period_and_the_endpoint_disabled_with_a_mail(
    scenario: Scenario, hook_settings, clock
):
    settings = hook_settings.with_overrides(
        webhook_retry_period=timedelta(days=3), webhook_disable_after=timedelta(days=2)
    )
    other = await scenario.factory.user(scenario.source, role=Role.SUPERUSER)
    with webhook_receiver() as receiver:
        receiver.default = 503
        hook = await endpoint(scenario.source.pk, receiver.url, clock)
        await scenario.offer()
        sender = WebhookSender(settings, clock)
        outcomes = []
        for _ in range(40):
            outcomes += await sender.deliver_due()
            if not (await WebhookEndpoint.get(pk=hook.pk)).enabled:
                break
            clock.advance(timedelta(hours=6))
        endpoint_now = await WebhookEndpoint.get(pk=hook.pk)
        assert not endpoint_now.enabled
        assert set(outcomes) == {D.PENDING}
        tried = len(receiver.received)
        clock.advance(timedelta(days=2))
        assert await sender.deliver_due() == []  # a disabled endpoint gets nothing
        assert len(receiver.received) == tried
        assert len(set(receiver.ids())) == 1

    [mail] = await OutboxMail.filter(kind="ENDPOINTDISABLED")
    assert sorted(mail.to) == sorted([scenario.superuser.email, other.email])
    assert mail.notice is not None and mail.notice["url"] == receiver.url
    assert mail.notice["last_answer"] == "503 answered 503"

    # Enabled again much later: the event is given up after its retry period, not sent again.
    await WebhookEndpoint.filter(pk=hook.pk).update(enabled=True, failing_since=None)
    with webhook_receiver() as again:
        await WebhookEndpoint.filter(pk=hook.pk).update(url=again.url)
        assert await sender.deliver_due() == [D.GIVEN_UP]
    assert (await WebhookDelivery.get(endpoint_id=hook.pk)).status == D.GIVEN_UP


async def test_a_failure_after_a_delivery_arrived_meanwhile_does_not_disable_the_endpoint(
    scenario: Scenario, hook_settings, clock
):
    """The disable is decided by the row at the failure, not by the endpoint read before."""
    settings = hook_settings.with_overrides(webhook_disable_after=timedelta(days=2))
    with webhook_receiver() as receiver:
        hook = await endpoint(scenario.source.pk, receiver.url, clock)
        await WebhookEndpoint.filter(pk=hook.pk).update(
            failing_since=clock.now() - timedelta(days=3)
        )
        await scenario.offer()
        sender = WebhookSender(settings, clock)
        read_before = await WebhookEndpoint.get(pk=hook.pk)
        [taken] = await sender.take()
        # Meanwhile another delivery to it arrived, so it is working again.
        await WebhookEndpoint.filter(pk=hook.pk).update(failing_since=None)
        assert await sender.record(read_before, taken, Answer(500, "once")) == D.PENDING
    now = await WebhookEndpoint.get(pk=hook.pk)
    assert now.enabled
    assert now.failing_since == clock.now()
    assert await OutboxMail.filter(kind="ENDPOINTDISABLED").count() == 0


async def test_a_delivery_taken_as_its_endpoint_is_disabled_waits_for_the_endpoint(
    scenario: Scenario, hook_settings, clock
):
    with webhook_receiver() as receiver:
        hook = await endpoint(scenario.source.pk, receiver.url, clock)
        await scenario.offer()
        sender = WebhookSender(hook_settings, clock)
        [taken] = await sender.take()
        await WebhookEndpoint.filter(pk=hook.pk).update(enabled=False)
        assert await sender.run(taken) == D.PENDING
        assert receiver.received == []
        row = await WebhookDelivery.get(endpoint_id=hook.pk)
        assert (row.status, row.locked_until) == (D.PENDING, None)
        assert await sender.deliver_due() == []  # nothing for a disabled endpoint
        await WebhookEndpoint.filter(pk=hook.pk).update(enabled=True)
        assert await sender.deliver_due() == [D.DELIVERED]
    assert receiver.ids() == [taken.event_id]


async def test_a_rotated_secret_still_verifies_for_a_day(scenario: Scenario, hook_settings, clock):
    with webhook_receiver() as receiver:
        hook = await endpoint(scenario.source.pk, receiver.url, clock)
        old = hook.secret
        hook.previous_secret, hook.secret = old, new_secret()
        hook.previous_secret_until = clock.now() + timedelta(hours=24)
        await hook.save()
        await queue_delivery(hook, WebhookEventType.MIGRATION_OFFERED, {}, clock.now())
        assert await WebhookSender(hook_settings, clock).deliver_due() == [D.DELIVERED]
        clock.advance(timedelta(hours=24))
        await queue_delivery(hook, WebhookEventType.MIGRATION_OFFERED, {}, clock.now())
        assert await WebhookSender(hook_settings, clock).deliver_due() == [D.DELIVERED]
    during, after = receiver.received
    assert len(during.headers["webhook-signature"].split(" ")) == 2
    assert Webhook(old).verify(during.body, during.headers)
    assert Webhook(hook.secret).verify(during.body, during.headers)
    assert len(after.headers["webhook-signature"].split(" ")) == 1


async def test_without_the_setting_a_loopback_target_is_refused_at_delivery(
    scenario: Scenario, settings, clock
):
    assert not settings.webhook_allow_private_targets
    with webhook_receiver() as receiver:
        hook = await endpoint(scenario.source.pk, receiver.url, clock)
        await scenario.offer()
        assert await WebhookSender(settings, clock).deliver_due() == [D.PENDING]
        assert receiver.received == []
    row = await WebhookDelivery.get(endpoint_id=hook.pk)
    assert "https://" in row.response_text


@pytest.mark.parametrize(
    "url",
    [
        "http://hooks.example/x",
        "https://127.0.0.1/x",
        "https://[::1]/x",
        "https://10.1.2.3/x",
        "https://192.168.0.1/x",
        "https://169.254.169.254/latest",
        "https://[fd00:ec2::254]/x",
        "https://100.64.0.1/x",
        "https://224.0.0.1/x",
        "https://0.0.0.0/x",
        "https://[::ffff:127.0.0.1]/x",
        "https://168.63.129.16/x",
        "https://[2002:7f00:1::]/x",
        "https://[2002:a9fe:a9fe::1]/x",
        "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/x",
        "https://localhost/x",
        "https://user:pw@hooks.example/x",
        "ftp://hooks.example/x",
    ],
)
async def test_targets_that_are_not_public_https_are_refused(settings, url):
    refusal = await check_target(url, settings)
    assert refusal is not None and refusal.code == "WEBHOOK_TARGET_REFUSED"
    assert refusal.field == ("url",)


async def test_a_public_address_is_a_target(settings):
    assert await check_target("https://93.184.215.14/hooks", settings) is None
    # 6to4 wrapping that public IPv4 address is as public as it.
    assert await check_target("https://[2002:5db8:d70e::1]/hooks", settings) is None
    allowed = settings.with_overrides(webhook_allow_private_targets=True)
    assert await check_target("http://127.0.0.1:8080/hooks", allowed) is None


async def test_a_host_name_is_resolved_and_checked_at_each_delivery(
    scenario: Scenario, settings, clock
):
    """A name that resolves to loopback is refused when sent, whatever it was at registration."""
    with webhook_receiver() as receiver:
        port = receiver.url.rpartition(":")[2]
        hook = await endpoint(scenario.source.pk, f"https://localhost:{port}/", clock)
        await scenario.offer()
        assert await WebhookSender(settings, clock).deliver_due() == [D.PENDING]
        assert receiver.received == []
    row = await WebhookDelivery.get(endpoint_id=hook.pk)
    assert "is not public" in row.response_text


async def test_a_delivery_whose_worker_died_is_sent_by_another_with_the_same_id(
    scenario: Scenario, hook_settings, clock
):
    with webhook_receiver() as receiver:
        hook = await endpoint(scenario.source.pk, receiver.url, clock)
        await scenario.offer()
        dead = WebhookSender(hook_settings, clock)
        [taken] = await dead.take()  # taken, then the worker is gone before it posts
        other = WebhookSender(hook_settings, clock)
        assert await other.deliver_due() == []  # held under the dead worker's lease
        clock.advance(dead.lease_length)
        assert await other.deliver_due() == [D.DELIVERED]
        # The dead worker's late outcome changes nothing: the attempt fences it off.
        assert await dead.record(hook, taken, Answer(500, "late")) == D.PENDING
    assert receiver.ids() == [taken.event_id]
    row = await WebhookDelivery.get(endpoint_id=hook.pk)
    assert (row.status, row.attempts, row.response_code) == (D.DELIVERED, 2, 200)


@pytest.mark.postgres
async def test_deliveries_survive_a_worker_killed_mid_delivery(scenario: Scenario, settings, clock):
    """SIGKILL while a real `overdracht worker` waits for a receiver: nothing is lost, and every
    event id is delivered until acknowledged. The survivor's clock is set to the leases, so
    what is proven does not hang on how fast the machine is."""
    with webhook_receiver() as receiver:
        receiver.plan = [HANG]
        hook = await endpoint(scenario.source.pk, receiver.url, clock)
        for _ in range(5):
            await queue_delivery(hook, WebhookEventType.MOVE_STARTED, {}, clock.now())
        worker = start_worker(
            settings,
            OVERDRACHT_WEBHOOK_ALLOW_PRIVATE_TARGETS="true",
            OVERDRACHT_WEBHOOK_TIMEOUT_SECONDS="120",
        )
        try:

            async def first_heard() -> bool:
                return len(receiver.received) == 1

            await wait_until(first_heard, "the worker posting its first delivery", 120)
            worker.send_signal(signal.SIGKILL)
            worker.wait(timeout=30)
        finally:
            if worker.poll() is None:
                worker.kill()
        rows = await WebhookDelivery.filter(endpoint_id=hook.pk)
        assert {row.status for row in rows} == {D.SENDING}
        lease_over = max(row.locked_until for row in rows)

        survivor_clock = MovableClock()
        survivor_clock.set(lease_over - timedelta(seconds=1))
        survivor = WebhookSender(
            settings.with_overrides(webhook_allow_private_targets=True), survivor_clock
        )
        assert await survivor.deliver_due() == [], "every taken delivery waits for its lease"
        survivor_clock.set(lease_over)
        assert await survivor.deliver_due() == [D.DELIVERED] * 5
    ids = {row.event_id for row in rows}
    delivered = receiver.ids()
    assert set(delivered) == ids and len(delivered) == 6, "the one in flight twice, each once more"
    assert await WebhookDelivery.filter(status=D.DELIVERED).count() == 5


async def test_over_https_the_pinned_address_still_proves_the_host_name(
    scenario: Scenario, hook_settings, clock, tmp_path
):
    """The connection goes to the address checked, and TLS still checks the certificate for the
    URL's host name: one for that name is delivered to, one for another name is not."""
    right = authority(tmp_path, "localhost")
    with webhook_receiver(tls=right.server) as receiver:
        port = receiver.url.rpartition(":")[2]
        hook = await endpoint(scenario.source.pk, f"https://localhost:{port}/tls", clock)
        await queue_delivery(hook, WebhookEventType.MOVE_COMPLETED, {"side": "source"}, clock.now())
        sender = WebhookSender(hook_settings, clock, verify=right.client)
        assert await sender.deliver_due() == [D.DELIVERED]
    [request] = receiver.received
    assert request.headers["host"] == f"localhost:{port}"
    assert verified(hook, request)["type"] == "move.completed"

    (tmp_path / "other").mkdir()
    wrong = authority(tmp_path / "other", "hooks.other.example")
    with webhook_receiver(tls=wrong.server) as receiver:
        port = receiver.url.rpartition(":")[2]
        await WebhookEndpoint.filter(pk=hook.pk).update(url=f"https://localhost:{port}/tls")
        await queue_delivery(hook, WebhookEventType.MOVE_FAILED, {"side": "source"}, clock.now())
        sender = WebhookSender(hook_settings, clock, verify=wrong.client)
        assert await sender.deliver_due() == [D.PENDING]
    row = await WebhookDelivery.filter(event_type=WebhookEventType.MOVE_FAILED).get()
    assert "certificate" in row.response_text.lower()
