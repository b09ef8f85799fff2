"""Plain fields completed directly give what graphql-core gives, errors included."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from api.plain_fields import PlainFieldsExecution


@strawberry.enum
class Colour(Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.type
class Row:
    name: str
    at: datetime
    colour: Colour
    tags: list[str] | None
    note: str | None

    @strawberry.field
    def shout(self) -> str:
        return self.name.upper()


@strawberry.type
class Query:
    @strawberry.field
    def rows(self) -> list[Row]:
        moment = datetime(2026, 12, 7, 12, tzinfo=UTC)
        return [
            Row(name="a", at=moment, colour=Colour.RED, tags=["x", "y"], note=None),
            Row(name="b", at=moment, colour=Colour.BLUE, tags=None, note="n"),
        ]

    @strawberry.field
    def broken(self) -> list[Row]:
        moment = datetime(2026, 12, 7, 12, tzinfo=UTC)
        return [
            Row(name="c", at=moment, colour=Colour.RED, tags=[], note=None),
            Row(name=None, at=moment, colour="green", tags=[None], note=None),  # type: ignore[arg-type]
        ]


def run(document: str, execution: type[Any]) -> dict[str, Any]:
    schema = strawberry.Schema(query=Query, execution_context_class=execution)
    result = schema.execute_sync(document)
    return {
        "data": result.data,
        "errors": [(e.message, e.path) for e in result.errors or []],
    }


def test_plain_and_resolved_fields_give_what_graphql_core_gives() -> None:
    document = "{ rows { name at colour tags note shout __typename } }"
    ours = run(document, PlainFieldsExecution)
    assert ours == run(document, StrawberryGraphQLCoreExecutionContext)
    assert ours["data"]["rows"][0] == {
        "name": "a",
        "at": "2026-12-07T12:00:00+00:00",
        "colour": "RED",
        "tags": ["x", "y"],
        "note": None,
        "shout": "A",
        "__typename": "Row",
    }


def test_a_null_or_refused_value_is_the_error_graphql_core_reports() -> None:
    for document in (
        "{ broken { name } }",
        "{ broken { colour } }",
        "{ broken { tags } }",
        "{ broken { name at colour tags } }",
    ):
        ours = run(document, PlainFieldsExecution)
        assert ours == run(document, StrawberryGraphQLCoreExecutionContext), document
        assert ours["errors"], document
