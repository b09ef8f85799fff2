"""What a reader may not read it cannot infer: a search, a filter or a count never matches it.

Each overview is searched over HTTP, by every reader who may use it, for a piece of each value
hidden from that reader: the row is not found (totalCount 0, statusCounts 0), while a piece of
a value it does read still finds it. The same pieces find the row for a reader who may read
them, so each search would match if it were let through.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from models.enums import TokenScope
from tests.scenarios import TARGET_SUPERUSER, Scenario
from worker.mover import Mover

ROWS = """query($search: String) {
  rows: %s(search: $search, first: 10) {
    totalCount
    statusCounts { offered total }
    nodes { administrationName transferCode recipients inboundMailAddress }
  }
}"""
OFFERED, RECEIVABLE = "offeredAdministrations", "receivableAdministrations"
SECRETS = ("transferCode", "recipients", "inboundMailAddress")

# Per overview and reader: the values of a row it may not read.
HIDDEN = {
    (OFFERED, "source partner"): SECRETS,
    (RECEIVABLE, "target superuser"): ("transferCode", "recipients"),
    (RECEIVABLE, "target partner"): SECRETS,
}
# Per overview and reader: the same values where it may read them.
READABLE = {
    (OFFERED, "source superuser"): SECRETS,
    (RECEIVABLE, "target superuser"): ("inboundMailAddress",),
}


@dataclass
class Offer:
    """One administration on offer, the four readers of the overviews and what to search for."""

    scenario: Scenario
    tokens: dict[str, str]
    items: list[str]
    values: dict[str, Any]
    pieces: dict[str, list[str]]

    async def rows(self, overview: str, reader: str, search: str | None) -> dict[str, Any]:
        """The overview as this reader gets it for this search."""
        body = await self.scenario.graphql(ROWS % overview, {"search": search}, self.tokens[reader])
        assert "errors" not in body, body
        return body["data"]["rows"]


@pytest.fixture
async def offer(scenario: Scenario, factory) -> Offer:
    migration = await scenario.offer(administrations=[scenario.ready[0]])
    code = migration["transferCode"]
    address = scenario.ready[0].inbound_mail_address
    read_only = TokenScope.READ_ONLY
    return Offer(
        scenario,
        tokens={
            "source superuser": scenario.token,
            "source partner": await factory.token(scenario.superuser, scope=read_only),
            "target superuser": scenario.target_token,
            "target partner": await factory.token(scenario.target_superuser, scope=read_only),
        },
        items=scenario.items(migration),
        values={
            "transferCode": code,
            "recipients": [TARGET_SUPERUSER],
            "inboundMailAddress": address,
        },
        pieces={
            # The middle of the code, as shown and as typed loosely; enough of a code to try.
            "transferCode": [code[5:14], code[5:14].replace("-", "").lower(), code],
            "recipients": [TARGET_SUPERUSER[:8], TARGET_SUPERUSER.upper()],
            # From the administration code on: the part no other column holds.
            "inboundMailAddress": [address.split(".", 1)[1], address],
        },
    )


@pytest.mark.parametrize(
    ("overview", "reader", "field"),
    [
        (overview, reader, field)
        for (overview, reader), fields in HIDDEN.items()
        for field in fields
    ],
)
async def test_a_piece_of_a_hidden_value_finds_nothing(offer: Offer, overview, reader, field):
    [row] = (await offer.rows(overview, reader, None))["nodes"]
    assert row[field] is None  # the field itself is hidden from this reader
    for piece in offer.pieces[field]:
        found = await offer.rows(overview, reader, piece)
        assert found["totalCount"] == 0, piece
        assert found["statusCounts"] == {"offered": 0, "total": 0}, piece
        assert found["nodes"] == [], piece
    visible = await offer.rows(overview, reader, "korst")  # the administration's name
    assert visible["totalCount"] == 1
    assert visible["statusCounts"] == {"offered": 1, "total": 1}


@pytest.mark.parametrize(
    ("overview", "reader", "field"),
    [
        (overview, reader, field)
        for (overview, reader), fields in READABLE.items()
        for field in fields
    ],
)
async def test_the_same_piece_finds_the_row_for_a_reader_who_may_read_it(
    offer: Offer, overview, reader, field
):
    [row] = (await offer.rows(overview, reader, None))["nodes"]
    assert row[field] == offer.values[field]
    for piece in offer.pieces[field]:
        found = await offer.rows(overview, reader, piece)
        assert found["totalCount"] == 1, piece
        assert found["statusCounts"] == {"offered": 1, "total": 1}, piece


async def test_a_partner_token_sees_no_inbound_address_before_or_after_the_move(
    offer: Offer, settings, clock, files
):
    scenario = offer.scenario
    assert (await scenario.claim(offer.values["transferCode"], offer.items))["userErrors"] == []
    await Mover(settings, clock, files).run_until_idle()
    query = """{
      rows: %s(first: 5) { nodes { status inboundMailAddress migration {
        administrations(first: 5) { nodes { inboundMailAddress } }
        auditTrail(first: 20) { nodes { action detail } } } } }
    }"""
    new_address = f"{scenario.target.office_code.lower()}."
    for overview, reader in (
        (OFFERED, "source partner"),
        (RECEIVABLE, "target partner"),
        (RECEIVABLE, "target superuser"),
    ):
        body = await scenario.graphql(query % overview, None, offer.tokens[reader])
        assert "errors" not in body, body
        [row] = body["data"]["rows"]["nodes"]
        assert row["status"] == "COMPLETED"
        trail = row["migration"]["auditTrail"]["nodes"]
        [completed] = [event for event in trail if event["action"] == "COMPLETED"]
        partner = reader.endswith("partner")
        if partner:
            assert row["inboundMailAddress"] is None
            assert row["migration"]["administrations"]["nodes"] == [{"inboundMailAddress": None}]
            assert "inbound_mail_address" not in completed["detail"]
            assert "@" not in str(body), body  # no address of any kind
        else:
            # The receiver's own superuser reads the new address it now owns.
            assert completed["detail"]["inbound_mail_address"].startswith(new_address)
