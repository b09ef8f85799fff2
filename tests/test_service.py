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
