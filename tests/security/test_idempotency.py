"""Idempotency keys belong to one token and keep no secret readable at rest.

Once a read-only token that sent the same body and key as its user's FULL token got the FULL
answer (a new token's secret, a transfer code), a FORBIDDEN answer to the read-only token was
replayed to the FULL token for a day, and the stored answers held those secrets in clear.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from tortoise import connections

from models import ApiToken, IdempotentRequest, Migration, User
from models.enums import Role, TokenScope
from tests.documents import OFFER
from tests.live_server import start_server
from tests.scenarios import Scenario

CREATE_TOKEN = """mutation($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { secret apiToken { label } userErrors { code } } }"""


async def post(scenario: Scenario, body: dict[str, Any], token: str, key: str) -> Any:
    response = await scenario.server.client.post(
        "/graphql",
        json=body,
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
    )
    assert response.status_code == 200, response.text
    return response.json()


def create_token(label: str) -> dict[str, Any]:
    return {"query": CREATE_TOKEN, "variables": {"input": {"label": label, "scope": "FULL"}}}


def offer(scenario: Scenario) -> dict[str, Any]:
    return {"query": OFFER, "variables": scenario.offer_input()}


def refused(answer: dict[str, Any]) -> bool:
    return [e["extensions"]["code"] for e in answer.get("errors") or []] == ["FORBIDDEN"]


async def stored_rows() -> list[dict[str, Any]]:
    """Every row of the table as the database holds it, each value as text."""
    rows = await connections.get("default").execute_query_dict("SELECT * FROM idempotent_request")
    return [
        {
            name: value.hex() if isinstance(value, bytes | memoryview) else str(value)
            for name, value in row.items()
        }
        for row in rows
    ]


async def test_a_read_only_token_never_gets_the_answer_of_its_users_full_token(
    scenario: Scenario, factory
):
    partner = await factory.token(scenario.superuser, TokenScope.READ_ONLY)
    body = create_token("Boekhoudkoppeling")
    first = await post(scenario, body, scenario.token, "key-1")
    secret = first["data"]["createApiToken"]["secret"]
    assert secret

    answer = await post(scenario, body, partner, "key-1")
    assert refused(answer), answer
    assert secret not in json.dumps(answer)

    offered = await post(scenario, offer(scenario), scenario.token, "key-2")
    code = offered["data"]["offerMigration"]["migration"]["transferCode"]
    answer = await post(scenario, offer(scenario), partner, "key-2")
    assert refused(answer), answer
    assert code not in json.dumps(answer) and code.replace("-", "") not in json.dumps(answer)
    assert await ApiToken.filter(label="Boekhoudkoppeling").count() == 1


async def test_a_refusal_to_one_token_is_not_replayed_to_another(scenario: Scenario, factory):
    partner = await factory.token(scenario.superuser, TokenScope.READ_ONLY)
    assert refused(await post(scenario, offer(scenario), partner, "same-key"))
    assert await IdempotentRequest.all().count() == 0, "a refusal is never kept"

    answer = await post(scenario, offer(scenario), scenario.token, "same-key")
    payload = answer["data"]["offerMigration"]
    assert payload["userErrors"] == [] and payload["migration"]["transferCode"], answer
    assert await Migration.all().count() == 1


async def test_a_refusal_is_not_kept_for_its_own_token_either(scenario: Scenario, factory):
    """A user refused, then made superuser, sends the same request again: it runs for real."""
    colleague = await factory.user(scenario.source, role=Role.USER)
    token = await factory.token(colleague)
    first = await post(scenario, offer(scenario), token, "promote-me")
    assert [e["code"] for e in first["data"]["offerMigration"]["userErrors"]] == ["FORBIDDEN"]
    await User.filter(pk=colleague.pk).update(role=Role.SUPERUSER)
    again = await post(scenario, offer(scenario), token, "promote-me")
    assert again["data"]["offerMigration"]["userErrors"] == [], again
    assert await Migration.all().count() == 1


async def test_two_tokens_of_one_user_keep_their_own_answers_under_one_key(
    scenario: Scenario, factory
):
    other = await factory.token(scenario.superuser)
    mine = await post(scenario, create_token("Eerste"), scenario.token, "k")
    theirs = await post(scenario, create_token("Eerste"), other, "k")
    assert mine["data"]["createApiToken"]["secret"] != theirs["data"]["createApiToken"]["secret"]
    assert await ApiToken.filter(label="Eerste").count() == 2
    assert await post(scenario, create_token("Eerste"), scenario.token, "k") == mine
    assert await post(scenario, create_token("Eerste"), other, "k") == theirs


async def test_the_same_key_with_another_body_is_still_refused(scenario: Scenario):
    await post(scenario, create_token("Een"), scenario.token, "k")
    response = await scenario.server.client.post(
        "/graphql",
        json=create_token("Twee"),
        headers={"Authorization": f"Bearer {scenario.token}", "Idempotency-Key": "k"},
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["extensions"]["code"] == "IDEMPOTENCY_KEY_REUSED"
    assert await ApiToken.filter(label="Twee").count() == 0


async def test_the_kept_answer_holds_no_secret_yet_replays_to_its_token(scenario: Scenario):
    body = create_token("Geheim")
    first = await post(scenario, body, scenario.token, "k1")
    secret = first["data"]["createApiToken"]["secret"]
    offered = await post(scenario, offer(scenario), scenario.token, "k2")
    code = offered["data"]["offerMigration"]["migration"]["transferCode"]

    rows = await stored_rows()
    assert len(rows) == 2
    dump = json.dumps(rows)
    clear = [secret, code, code.replace("-", ""), "Geheim", scenario.target_superuser.email]
    for value in clear:
        assert value not in dump, value
        assert value.encode().hex() not in dump, value
    # Nor a plain digest of a request, which would confirm a guessed body.
    for sent in (body, offer(scenario)):
        canonical = json.dumps([sent["query"], sent["variables"], None], sort_keys=True)
        assert hashlib.sha256(canonical.encode()).hexdigest() not in dump

    assert await post(scenario, body, scenario.token, "k1") == first
    assert await post(scenario, offer(scenario), scenario.token, "k2") == offered
    assert await ApiToken.filter(label="Geheim").count() == 1


async def test_a_mutation_stopped_by_the_time_limit_runs_again_under_its_key(
    scenario: Scenario, settings, clock, files
):
    """A REQUEST_TIMEOUT is no answer to keep: the key is rolled back and a retry runs for real."""
    body = create_token("Na de tijdslimiet")
    hurried = settings.with_overrides(request_timeout_seconds=0)
    async with start_server(hurried, clock, files) as server:
        response = await server.client.post(
            "/graphql",
            json=body,
            headers={"Authorization": f"Bearer {scenario.token}", "Idempotency-Key": "late"},
        )
    stopped = response.json()
    assert [e["extensions"]["code"] for e in stopped["errors"]] == ["REQUEST_TIMEOUT"], stopped
    assert await IdempotentRequest.all().count() == 0
    assert await ApiToken.filter(label="Na de tijdslimiet").count() == 0

    again = await post(scenario, body, scenario.token, "late")
    assert again["data"]["createApiToken"]["secret"], again
    assert await ApiToken.filter(label="Na de tijdslimiet").count() == 1
    assert await post(scenario, body, scenario.token, "late") == again
