"""The committed schema.graphql is exactly what the code exports."""

from __future__ import annotations

from pathlib import Path

from graphql import GraphQLObjectType, get_named_type, is_leaf_type

from api.graphql import build_schema
from overdracht.settings import Settings

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema.graphql"


def test_committed_schema_is_current():
    exported = build_schema(Settings()).as_str() + "\n"
    assert SCHEMA_FILE.read_text(encoding="utf-8") == exported, (
        "schema.graphql is stale: run `overdracht export-schema` and commit the result"
    )


# Lists of objects whose length the schema itself bounds, so that no page is ever needed: one
# item per value of an enum, or per item of a bounded input list.
BOUNDED_LISTS = {
    ("Viewer", "abilities"): "one per ViewerAction",
    ("CheckRecipientsPayload", "recipients"): "one per recipient sent, at most 10",
}


def test_every_list_is_a_connection_with_total_count():
    schema = build_schema(Settings())
    for type_name, graphql_type in schema._schema.type_map.items():
        if type_name.startswith("__") or not isinstance(graphql_type, GraphQLObjectType):
            continue
        is_relay_connection = "pageInfo" in graphql_type.fields
        if is_relay_connection:
            assert "totalCount" in graphql_type.fields, type_name
        for field_name, field in graphql_type.fields.items():
            if is_relay_connection and field_name in ("edges", "nodes"):
                continue
            if field_name == "userErrors" or type_name == "UserError":
                continue
            if (type_name, field_name) in BOUNDED_LISTS:
                continue
            named = get_named_type(field.type)
            is_object_list = str(field.type).startswith("[") and not is_leaf_type(named)
            assert not is_object_list, f"{type_name}.{field_name} is a plain list; use a connection"


def test_every_mutation_takes_one_input_and_returns_user_errors():
    schema = build_schema(Settings())
    for name, field in schema._schema.mutation_type.fields.items():
        assert list(field.args) == ["input"], name
        payload = field.type.of_type
        assert payload.name.endswith("Payload"), name
        assert str(payload.fields["userErrors"].type) == "[UserError!]!", name
