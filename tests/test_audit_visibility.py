"""The audit trail shown to those involved: wrong codes to their own office, previews to the
source, and every step with its actor (the service itself named "Overdracht")."""

from __future__ import annotations

from models.enums import MigrationStatus as S
from models.enums import Role, TokenScope
from tests.documents import RETRY
from tests.scenarios import Scenario, bring_to, preview_of, refusal_of
from worker.mover import Mover

ATTEMPTS = """{
  failedCodeAttempts(first: 10) {
    totalCount nodes { at actorName enteredCode tokenScope tokenLabel }
  }
}"""

TRAIL = """query($id: ID!) {
  migration(id: $id) {
    auditTrail(first: 100) { nodes { action actorName actorOffice { officeCode } detail } }
  }
}"""

WRONG = "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"


async def attempts(scenario: Scenario, token: str) -> dict:
    return await scenario.graphql(ATTEMPTS, {}, token)


async def trail(scenario: Scenario, migration_id: str, token: str) -> list[dict]:
    body = await scenario.graphql(TRAIL, {"id": migration_id}, token)
    assert "errors" not in body, body
    return body["data"]["migration"]["auditTrail"]["nodes"]


async def test_superusers_see_their_own_offices_failed_code_attempts_and_no_one_elses(
    scenario: Scenario,
):
    await scenario.offer()
    assert refusal_of(await scenario.preview(WRONG))[0] == "TRANSFER_CODE_INVALID"
    assert refusal_of(await scenario.preview("abcd efgh"))[0] == "TRANSFER_CODE_INVALID"
    source_wrong = await scenario.graphql(
        "query($c: String!) { transferCodePreview(transferCode: $c) "
        "{ preview { package } userErrors { code retryAt } } }",
        {"c": "QQQQ-QQQQ-QQQQ-QQQQ-QQQQ"},
        scenario.token,
    )
    assert refusal_of(source_wrong)[0] == "TRANSFER_CODE_INVALID"

    body = await attempts(scenario, scenario.target_token)
    seen = body["data"]["failedCodeAttempts"]
    assert seen["totalCount"] == 2
    newest, oldest = seen["nodes"]
    assert newest["at"] >= oldest["at"]
    assert {row["actorName"] for row in seen["nodes"]} == {"Eva Bosman"}
    assert {row["tokenScope"] for row in seen["nodes"]} == {"FULL"}
    assert {row["enteredCode"] for row in seen["nodes"]} == {"ZZZZ…", "abcd…"}
    assert WRONG not in str(body)

    source_seen = (await attempts(scenario, scenario.token))["data"]["failedCodeAttempts"]
    assert source_seen["totalCount"] == 1
    assert source_seen["nodes"][0]["actorName"] == "Anna de Vries"
    assert source_seen["nodes"][0]["enteredCode"] == "QQQQ…"


async def test_only_superusers_with_a_full_token_see_failed_attempts(scenario: Scenario):
    await scenario.preview(WRONG)
    partner = await scenario.factory.token(scenario.target_superuser, TokenScope.READ_ONLY)
    clerk = await scenario.factory.token(await scenario.factory.user(scenario.target, Role.USER))
    for token in (partner, clerk):
        body = await attempts(scenario, token)
        assert body["data"] is None or body["data"].get("failedCodeAttempts") is None
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_the_source_sees_which_office_opened_the_preview_once(scenario: Scenario):
    migration = await scenario.offer()
    assert preview_of(await scenario.preview(migration["transferCode"]))
    assert preview_of(await scenario.preview(migration["transferCode"]))

    events = await trail(scenario, migration["id"], scenario.token)
    previews = [e for e in events if e["action"] == "PREVIEWED"]
    assert len(previews) == 1
    assert previews[0]["actorName"] == "Eva Bosman"
    assert previews[0]["actorOffice"]["officeCode"] == scenario.target.office_code


async def test_every_step_names_its_actor_and_the_services_own_steps_name_overdracht(
    scenario: Scenario, settings, clock, files
):
    engine = Mover(settings, clock, files, batch_size=2)
    case = await bring_to(S.FAILED, scenario, engine, clock)
    body = await scenario.graphql(
        RETRY, {"input": {"migrationAdministrationId": case.item_id}}, scenario.target_token
    )
    assert body["data"]["retryMigration"]["userErrors"] == []

    events = await trail(scenario, case.migration["id"], scenario.token)
    assert all(event["actorName"] for event in events), events
    by_action = {event["action"]: event for event in events}
    assert by_action["OFFERED"]["actorName"] == "Anna de Vries"
    assert by_action["RECEIVED"]["actorName"] == "Eva Bosman"
    assert by_action["RETRIED"]["actorName"] == "Eva Bosman"
    assert by_action["RETRIED"]["actorOffice"]["officeCode"] == scenario.target.office_code
    for system_step in ("STARTED", "FAILED"):
        # Taken by the service itself, on behalf of the receiving office.
        assert by_action[system_step]["actorName"] == "Overdracht"
        assert by_action[system_step]["actorOffice"]["officeCode"] == scenario.target.office_code


async def test_an_expiry_is_recorded_as_a_step_of_overdracht(
    scenario: Scenario, settings, clock, files
):
    case = await bring_to(S.EXPIRED, scenario, Mover(settings, clock, files), clock)
    events = await trail(scenario, case.migration["id"], scenario.token)
    expired = [e for e in events if e["action"] == "EXPIRED"]
    assert expired and {e["actorName"] for e in expired} == {"Overdracht"}
