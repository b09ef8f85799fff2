"""The service's own endpoints: health, readiness, metrics and GraphQL over HTTP."""

from __future__ import annotations

from graphql import OperationType
from prometheus_client.parser import text_string_to_metric_families

from api.graphql import build_schema
from overdracht.settings import Settings

GRAPHQL_REQUESTS = "overdracht_graphql_requests"
# More junk names than the 200 distinct names operation labels were once capped at.
MAX_JUNK = 220


async def test_health_check(server):
    response = await server.client.get("/healthz")
    assert response.json() == {"status": "ok"}


async def test_introspection_works_for_graphiql(server):
    body = await server.graphql("{ __schema { queryType { name } } }")
    assert body["data"]["__schema"]["queryType"]["name"] == "Query"


async def test_malformed_requests_get_a_clear_error(server):
    response = await server.client.post(
        "/graphql", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    body = await server.graphql("{ nosuchfield }")
    assert "Cannot query field" in body["errors"][0]["message"]


async def test_readiness_says_the_database_answers_and_where_the_loops_run(server):
    response = await server.client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ready",
        "database": "ok",
        "background": "not run in this process",
    }


async def test_readiness_fails_when_a_background_loop_has_died(settings, clock, files):
    import asyncio

    import httpx
    import uvicorn

    from api.app import create_app
    from tests.live_server import free_port

    app = create_app(
        settings, clock=clock, files=files, manage_database=False, run_background_jobs=True
    )
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            alive = await client.get("/readyz")
            assert alive.status_code == 200
            assert alive.json()["background"] == {
                "dispatcher": "running",
                "mover": "running",
                "scrub": "running",
                "expiry": "running",
                "webhooks": "running",
            }
            app.state.background["mover"].cancel()
            await asyncio.sleep(0.05)
            dead = await client.get("/readyz")
            assert dead.status_code == 503
            assert dead.json()["status"] == "unavailable"
            assert dead.json()["background"]["mover"] == "stopped"
    finally:
        server.should_exit = True
        await serving


GRAPHQL_RESPONSE = "application/graphql-response+json"


async def post_as(server, body: dict | bytes, accept: str):
    headers = {"Accept": accept, "Content-Type": "application/json"}
    if isinstance(body, bytes):
        return await server.client.post("/graphql", content=body, headers=headers)
    return await server.client.post("/graphql", json=body, headers=headers)


async def test_request_errors_are_400_in_the_graphql_response_media_type(server):
    for body in (
        {"query": "{ viewer { "},  # does not parse
        {"query": "{ nosuchfield }"},  # does not validate
        {"query": "query($n: Int!) { viewer { displayName } }", "variables": {"n": "x"}},
        b"{not json",
    ):
        response = await post_as(server, body, GRAPHQL_RESPONSE)
        assert response.status_code == 400, (body, response.text)
        assert response.headers["content-type"] == GRAPHQL_RESPONSE
        assert response.json()["errors"]
        assert "data" not in response.json()  # refused before execution: no data entry


async def test_a_request_refused_before_execution_has_no_data_entry_in_plain_json_too(server):
    for query in ("{ viewer { ", "{ nosuchfield }"):
        response = await post_as(server, {"query": query}, "application/json")
        assert response.status_code == 200
        assert response.json()["errors"]
        assert "data" not in response.json(), response.text
    executed = await post_as(server, {"query": "{ viewer { tokenScope } }"}, "application/json")
    assert executed.json()["data"] == {"viewer": None}  # ran, and refused the field


async def test_plain_json_clients_keep_200_for_request_errors_and_get_json_always(server):
    response = await post_as(server, {"query": "{ nosuchfield }"}, "application/json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    broken = await post_as(server, b"{not json", "application/json")
    assert broken.status_code == 400
    assert broken.headers["content-type"] == "application/json"
    assert broken.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_a_good_request_gets_the_media_type_it_asks_for(server):
    response = await post_as(server, {"query": "{ __typename }"}, f"{GRAPHQL_RESPONSE}, */*;q=0.5")
    assert response.status_code == 200
    assert response.headers["content-type"] == GRAPHQL_RESPONSE
    assert response.json() == {"data": {"__typename": "Query"}}


async def test_a_subscription_over_plain_http_is_a_clear_400(server):
    response = await post_as(
        server,
        {"query": 'subscription { migrationProgress(migrationId: "x") { status } }'},
        "application/json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "SUBSCRIPTION_OVER_HTTP"


async def test_metrics_count_requests_mail_moves_and_code_attempts(server, scenario):
    import re

    from models import CodeAttempt, OutboxMail

    await scenario.offer()  # one offer mail waits in the outbox
    await scenario.preview("ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ")  # one wrong code
    body = await server.graphql("query Overview { viewer { __typename } }", token=scenario.token)
    assert "errors" not in body, body
    response = await server.client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text

    def value(pattern: str) -> float:
        match = re.search(rf"^{pattern} ([0-9.e+-]+)$", text, re.MULTILINE)
        assert match, (pattern, [line for line in text.splitlines() if "graphql_req" in line][:6])
        return float(match.group(1))

    assert value(r'overdracht_graphql_requests_total\{operation="query:viewer",outcome="ok"\}') >= 1
    assert value(r'overdracht_graphql_request_seconds_count\{operation="query:viewer"\}') >= 1
    assert (
        value("overdracht_outbox_mails") == await OutboxMail.filter(status="PENDING").count() == 1
    )
    assert value("overdracht_outbox_oldest_age_seconds") >= 0
    assert value(r'overdracht_administrations\{status="OFFERED"\}') == 2
    assert value(r'overdracht_administrations\{status="COMPLETED"\}') == 0
    assert value("overdracht_code_attempts_refused") == await CodeAttempt.all().count() == 1
    assert value("overdracht_database_up") == 1
    assert "overdracht_documents_verified_total" in text


async def operation_counts(server) -> dict[tuple[str, str], float]:
    """overdracht_graphql_requests_total by (operation, outcome), as /metrics says now."""
    text = (await server.client.get("/metrics")).text
    [family] = [f for f in text_string_to_metric_families(text) if f.name == GRAPHQL_REQUESTS]
    return {
        (sample.labels["operation"], sample.labels["outcome"]): sample.value
        for sample in family.samples
        if sample.name == GRAPHQL_REQUESTS + "_total"
    }


def root_field_labels() -> set[str]:
    """Every label an authenticated operation can be counted under: the schema's root fields."""
    schema = build_schema(Settings())._schema
    labels = {"unauthenticated"}
    for kind in OperationType:
        root = schema.get_root_type(kind)
        names = set(root.fields if root else ()) | {"__typename", "__schema", "__type"}
        labels |= {f"{kind.value}:{name}" for name in names}
    return labels


async def test_junk_operation_names_never_push_a_real_operation_out_of_its_label(server, scenario):
    before = await operation_counts(server)
    for n in range(MAX_JUNK):
        await server.graphql(f"query Junk{n} {{ __typename }}")  # without a token
        await server.graphql(f"query Junk{n}b {{ viewer {{ __typename }} }}", token=scenario.token)
    await server.graphql("{ nosuchfield }")  # a document that does not validate
    body = await server.graphql(
        "query Overview { offeredAdministrations { totalCount } }", token=scenario.token
    )
    assert "errors" not in body, body
    after = await operation_counts(server)

    def grew(operation: str, outcome: str) -> float:
        key = (operation, outcome)
        return after.get(key, 0) - before.get(key, 0)

    assert grew("query:offeredAdministrations", "ok") == 1
    assert grew("query:viewer", "ok") == MAX_JUNK  # the names chosen changed nothing
    assert grew("unauthenticated", "ok") == MAX_JUNK
    assert grew("unauthenticated", "REQUEST_ERROR") == 1
    assert {operation for operation, _ in after} <= root_field_labels()
    assert not any("Junk" in operation for operation, _ in after)


async def test_each_root_field_is_counted_with_its_own_outcome(server, scenario):
    before = await operation_counts(server)
    body = await server.graphql(
        "{ me: viewer { __typename } list: offeredAdministrations { totalCount } }",
        token=scenario.clerk_token,  # a user: the overview is for superusers
    )
    assert [e["path"] for e in body["errors"]] == [["list"]]
    after = await operation_counts(server)
    for key in (("query:viewer", "ok"), ("query:offeredAdministrations", "FORBIDDEN")):
        assert after.get(key, 0) - before.get(key, 0) == 1, key
