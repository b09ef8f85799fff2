"""The service's own endpoints: GraphiQL for testers, and the health check."""

from __future__ import annotations


async def test_graphiql_opens_in_a_browser_without_a_token(server):
    response = await server.client.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


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


async def test_the_root_and_the_pages_mails_link_to_lead_somewhere(server):
    for path in ("/", "/receive", "/migrations"):
        response = await server.client.get(path, follow_redirects=False)
        assert response.status_code == 307, path
        assert response.headers["location"] == "/graphql"


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
    from tests.conftest import _free_port

    app = create_app(
        settings, clock=clock, files=files, manage_database=False, run_background_jobs=True
    )
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            alive = await client.get("/readyz")
            assert alive.status_code == 200
            assert alive.json()["background"] == {"dispatcher": "running", "mover": "running"}
            app.state.background["mover"].cancel()
            await asyncio.sleep(0.05)
            dead = await client.get("/readyz")
            assert dead.status_code == 503
            assert dead.json()["status"] == "unavailable"
            assert dead.json()["background"]["mover"] == "stopped"
    finally:
        server.should_exit = True
        await serving
