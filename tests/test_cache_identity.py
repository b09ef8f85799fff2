"""A client's normalised cache can tell every object apart: by its ID, or as part of its holder.

Apollo (and Relay, urql) store an object with an `id` once, under that ID. An object without
one is stored inside the object holding it, and two answers with different selections replace
each other unless the client merges them ("Cache data may be lost when replacing the
statusCounts field of a Migration object"). So every object type either has `id: ID!`, or says
in its description that it is `Part of its <Holder>: …`, which a client turns into
`merge: true`. Merging is only safe where one spot always holds the same thing: a field of an
object with an ID (or of the root), never an item of a list, whose positions shift.
"""

from __future__ import annotations

import base64
import re

from graphql import (
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    get_named_type,
)
from graphql import build_schema as graphql_build_schema

from api.graphql import build_schema
from api.identity import PART_OF
from overdracht.settings import Settings
from tests.scenarios import TARGET_SUPERUSER, Scenario

SCHEMA: GraphQLSchema = build_schema(Settings())._schema
PART_FORM = re.compile(rf"^{PART_OF}(?P<holders>[^:]+): \S")


def object_types(schema: GraphQLSchema) -> dict[str, GraphQLObjectType]:
    return {
        name: t
        for name, t in schema.type_map.items()
        if isinstance(t, GraphQLObjectType) and not name.startswith("__")
    }


def roots(schema: GraphQLSchema) -> set[str]:
    return {
        t.name for t in (schema.query_type, schema.mutation_type, schema.subscription_type) if t
    }


def has_id(t: GraphQLObjectType) -> bool:
    field = t.fields.get("id")
    return field is not None and str(field.type) == "ID!"


def is_part(t: GraphQLObjectType) -> bool:
    return bool(PART_FORM.match(t.description or ""))


def holders(schema: GraphQLSchema, type_name: str) -> list[tuple[str, str, GraphQLField]]:
    """Every (holder type, field name, field) whose value is of this type."""
    return [
        (holder.name, name, field)
        for holder in object_types(schema).values()
        for name, field in holder.fields.items()
        if get_named_type(field.type).name == type_name
    ]


def is_list(field: GraphQLField) -> bool:
    kind = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
    return isinstance(kind, GraphQLList)


def is_exempt(schema: GraphQLSchema, t: GraphQLObjectType) -> bool:
    """Roots, edges, mutation payloads and user errors: the shape of the API, never cached alone.

    Connections and PageInfo are not exempt: they are parts of their holders, merged like any.
    """
    user_errors = {
        get_named_type(f.type).name for _, _, f in holders_of_field(schema, "userErrors")
    }
    edge = t.name.endswith("Edge") and set(t.fields) == {"cursor", "node"}
    payload = t.name.endswith("Payload") and "userErrors" in t.fields
    return t.name in roots(schema) or t.name in user_errors or edge or payload


def holders_of_field(schema: GraphQLSchema, field_name: str) -> list[tuple[str, str, GraphQLField]]:
    return [
        (holder.name, name, field)
        for holder in object_types(schema).values()
        for name, field in holder.fields.items()
        if name == field_name
    ]


def without_identity(schema: GraphQLSchema) -> list[str]:
    """The object types a cache could not tell apart: no ID, not a part, not exempt."""
    return [
        name
        for name, t in object_types(schema).items()
        if not (has_id(t) or is_part(t) or is_exempt(schema, t))
    ]


def unsafe_parts(schema: GraphQLSchema) -> dict[str, list[str]]:
    """The parts held somewhere a merge could mix two objects: in a list, or under one."""
    types = object_types(schema)
    # Spots that always hold the same thing: the fields of the roots and of objects with an ID,
    # then, one level at a time, the fields of types held only at such spots.
    anchored = {name for name, t in types.items() if has_id(t) or name in roots(schema)}
    changed = True
    while changed:
        changed = False
        for name in types:
            places = holders(schema, name)
            if name in anchored or not places:
                continue
            if all(not is_list(f) and holder in anchored for holder, _, f in places):
                anchored.add(name)
                changed = True
    return {
        name: [
            f"{holder}.{field_name}{' (a list)' if is_list(f) else ''}"
            for holder, field_name, f in holders(schema, name)
            if is_list(f) or holder not in anchored
        ]
        for name, t in types.items()
        if is_part(t) and name not in anchored
    }


def test_every_object_type_has_an_id_or_says_it_is_part_of_its_holder():
    lacking = without_identity(SCHEMA)
    assert lacking == [], (
        f"{lacking}: give each `id: ID!` (a stable global ID) or the description "
        f"'{PART_OF}<Holder>: ...' (api.identity.part_of)"
    )


def test_a_part_has_no_id_and_names_the_types_that_hold_it():
    for name, t in object_types(SCHEMA).items():
        if not is_part(t):
            continue
        assert not has_id(t), f"{name} has an ID, so it is not merely part of its holder"
        named = re.findall(r"\b[A-Z]\w*", PART_FORM.match(t.description).group("holders"))
        actual = {holder for holder, _, _ in holders(SCHEMA, name)}
        for holder in named:
            assert holder in actual, f"{name} says it is part of {holder}, which never holds it"


def test_a_part_is_only_ever_held_at_a_fixed_spot_of_an_object_with_an_id():
    assert unsafe_parts(SCHEMA) == {}, "merging these parts could mix two objects' data"


def test_the_rules_refuse_a_part_in_a_list_and_a_type_with_no_identity():
    sdl = f'''
    type Query {{ offer: Offer rows: [Row!]! loose: Loose }}
    type Offer {{ id: ID! counts: Counts! rows: [Row!]! }}
    """{PART_OF}Offer: how many."""
    type Counts {{ total: Int! }}
    """{PART_OF}Offer: one row."""
    type Row {{ price: Price! }}
    """{PART_OF}Row: money."""
    type Price {{ amount: String! }}
    type Loose {{ name: String! }}
    '''
    schema = graphql_build_schema(sdl)
    assert without_identity(schema) == ["Loose"]
    assert unsafe_parts(schema) == {
        "Row": ["Query.rows (a list)", "Offer.rows (a list)"],
        "Price": ["Row.price"],
    }


IDS = """
query($id: ID!) {
  viewer { id }
  migration(id: $id) {
    auditTrail { nodes { id action administrationName } }
    recipientDeliveries { nodes { id address } }
    administrations { nodes { id administrationName receipt { id } } }
  }
}"""

TARGET_IDS = """
query($code: String!) {
  viewer { id }
  transferCodePreview(transferCode: $code) {
    preview { id administrations { nodes { id administration { id } } } }
    userErrors { code }
  }
  failedCodeAttempts { nodes { id at } }
}"""


def decoded(global_id: str) -> str:
    return base64.b64decode(global_id).decode()


async def test_ids_stay_the_same_across_requests_and_differ_between_objects(
    scenario: Scenario, settings, clock, files
):
    from worker.mover import Mover

    migration = await scenario.offer()
    code = migration["transferCode"]
    await scenario.preview("ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ")
    first, second = scenario.items(migration)
    assert (await scenario.claim(code, [first]))["userErrors"] == []
    await Mover(settings, clock, files).run_until_idle()

    async def source_ids() -> dict:
        body = await scenario.graphql(IDS, {"id": migration["id"]}, scenario.token)
        assert "errors" not in body, body
        return body["data"]

    async def target_ids(typed_code: str) -> dict:
        body = await scenario.graphql(TARGET_IDS, {"code": typed_code}, scenario.target_token)
        assert "errors" not in body, body
        return body["data"]

    before = await source_ids()
    resent = await scenario.graphql(
        "mutation($i: ResendMigrationOfferInput!) { resendMigrationOffer(input: $i) "
        "{ userErrors { code } } }",
        {"i": {"migrationId": migration["id"]}},
        scenario.token,
    )
    assert resent["data"]["resendMigrationOffer"]["userErrors"] == []
    after = await source_ids()
    # A new mail went out and the trail grew, yet what was there keeps its ID.
    trail_before = before["migration"]["auditTrail"]["nodes"]
    trail_after = after["migration"]["auditTrail"]["nodes"]
    assert trail_after[: len(trail_before)] == trail_before
    assert len(trail_after) > len(trail_before)
    assert after["viewer"] == before["viewer"]
    assert after["migration"]["recipientDeliveries"] == before["migration"]["recipientDeliveries"]
    [delivery] = after["migration"]["recipientDeliveries"]["nodes"]
    assert TARGET_SUPERUSER not in decoded(delivery["id"]), "an address must not be in an ID"
    rows = {r["id"]: r for r in after["migration"]["administrations"]["nodes"]}
    assert rows[second]["receipt"] is None
    assert decoded(rows[first]["receipt"]["id"]).startswith("MoveReceipt:")

    as_typed = await target_ids(code)
    sloppy = await target_ids(code.replace("-", " ").lower())
    assert sloppy == as_typed, "one offer, however its code is typed"
    preview = as_typed["transferCodePreview"]["preview"]
    assert decoded(preview["id"]).startswith("OfferPreview:")
    assert as_typed["viewer"]["id"] != before["viewer"]["id"], "another token, another viewer"
    [attempt] = as_typed["failedCodeAttempts"]["nodes"]
    assert decoded(attempt["id"]).startswith("FailedCodeAttempt:")

    every_id = [
        before["viewer"]["id"],
        as_typed["viewer"]["id"],
        preview["id"],
        attempt["id"],
        delivery["id"],
        *(e["id"] for e in trail_after),
        *(r["receipt"]["id"] for r in rows.values() if r["receipt"]),
        *(row["id"] for row in preview["administrations"]["nodes"]),
    ]
    assert len(set(every_id)) == len(every_id), "no two objects share an ID"
