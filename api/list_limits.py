"""Every list in a request's input has a maximum, and a longer one is refused before it is read.

Each list field of an input type declares its maximum where it is declared (`limited_list`):
a number, or one read from the settings. It is a cap on what is read at all, not a rule of the
domain: an offer's administrations are capped at 1,000 here, and the installation's smaller
maximum per offer (rule 6) is a userError the mutation answers. A request whose document
or variables hold a longer list is refused with one BAD_USER_INPUT error at the list's path,
after validation and before its token or anything else is looked up: a list of 100,000 IDs
costs no SQL statement and one error, not one refusal per item.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import strawberry
from graphql import (
    ArgumentNode,
    DocumentNode,
    GraphQLError,
    GraphQLInputField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLSchema,
    ListValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    TypeInfo,
    TypeInfoVisitor,
    ValueNode,
    VariableNode,
    Visitor,
    visit,
)
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema_converter import GraphQLCoreConverter

from overdracht.settings import Settings

MAX_ITEMS = "overdracht.max_items"
Maximum = int | Callable[[Settings], int]
Path = tuple[str, ...]


def limited_list(*, at_most: Maximum, said: str | None = None, description: str = "") -> Any:
    """An input field holding a list of at most `at_most` items, said so in the schema.

    A maximum read from the settings says in `said` which setting it is.
    """
    if said is None:
        if not isinstance(at_most, int):
            raise TypeError("a maximum read from the settings needs `said`")
        said = f"At most {at_most:,} items."
    return strawberry.field(
        description=f"{description} {said}".strip(), metadata={MAX_ITEMS: at_most}
    )


def maximum_of(field: GraphQLInputField, settings: Settings) -> int | None:
    """The most items an input list field may hold, or None when it declares none."""
    definition = (field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    declared = getattr(definition, "metadata", {}).get(MAX_ITEMS)
    if declared is None:
        return None
    return int(declared(settings) if callable(declared) else declared)


@dataclass(frozen=True)
class Overlong:
    """A list of the request longer than its maximum."""

    path: Path
    items: int
    maximum: int

    def error(self) -> GraphQLError:
        """The one error that refuses the request."""
        where = ".".join(self.path)
        return GraphQLError(
            f"'{where}' holds {self.items:,} items, more than the {self.maximum:,} accepted: "
            "nothing was looked up or changed.",
            extensions={
                "code": "BAD_USER_INPUT",
                "reason": "TOO_MANY",
                "field": list(self.path),
                "items": self.items,
                "maximum": self.maximum,
            },
        )


class _Walker:
    """Walks each argument's value, literal or variable, against its input type."""

    def __init__(
        self,
        settings: Settings,
        variables: Mapping[str, Any],
        defaults: Mapping[str, ValueNode],
    ) -> None:
        self.settings = settings
        self.variables = variables
        self.defaults = defaults

    def resolved(self, value: Any) -> Any:
        """A variable's value as sent (or its default); anything else as it is."""
        if isinstance(value, VariableNode):
            name = value.name.value
            if name in self.variables:
                return self.variables[name]
            return self.defaults.get(name)
        return value

    def first_overlong(
        self, of_type: GraphQLInputType, value: Any, path: Path, maximum: int | None
    ) -> Overlong | None:
        value = self.resolved(value)
        if value is None:
            return None
        if isinstance(of_type, GraphQLNonNull):
            return self.first_overlong(of_type.of_type, value, path, maximum)
        if isinstance(of_type, GraphQLList):
            items = list(_items(value))
            if maximum is not None and len(items) > maximum:
                return Overlong(path, len(items), maximum)
            for index, item in enumerate(items):
                found = self.first_overlong(of_type.of_type, item, (*path, str(index)), None)
                if found:
                    return found
            return None
        if isinstance(of_type, GraphQLInputObjectType):
            given = _fields(value)
            for name, field in of_type.fields.items():
                if name in given:
                    limit = maximum_of(field, self.settings)
                    found = self.first_overlong(field.type, given[name], (*path, name), limit)
                    if found:
                        return found
        return None


def _items(value: Any) -> Iterator[Any]:
    if isinstance(value, ListValueNode):
        yield from value.values
    elif isinstance(value, list):
        yield from value
    else:
        yield value  # a single value is a list of one


def _fields(value: Any) -> dict[str, Any]:
    if isinstance(value, ObjectValueNode):
        return {field.name.value: field.value for field in value.fields}
    return value if isinstance(value, dict) else {}


def first_overlong_list(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Mapping[str, Any] | None,
    settings: Settings,
) -> Overlong | None:
    """The first list of the request, in the document or its variables, above its maximum."""
    if not _takes_lists(schema, document):
        return None
    defaults = {
        definition.variable.name.value: definition.default_value
        for operation in document.definitions
        if isinstance(operation, OperationDefinitionNode)
        for definition in operation.variable_definitions or ()
        if definition.default_value is not None
    }
    walker = _Walker(settings, variables or {}, defaults)
    type_info = TypeInfo(schema)
    found: list[Overlong] = []

    class Arguments(Visitor):
        def enter_argument(self, node: ArgumentNode, *_: Any) -> Any:
            argument = type_info.get_argument()
            if argument is not None and not found:
                overlong = walker.first_overlong(
                    argument.type, node.value, (node.name.value,), None
                )
                if overlong:
                    found.append(overlong)
            return Visitor.BREAK if found else None

    visit(document, TypeInfoVisitor(type_info, Arguments()))
    return found[0] if found else None


def _holds_list(of_type: GraphQLInputType, seen: set[str] | None = None) -> bool:
    """Whether a value of this input type can hold a list anywhere inside it."""
    if isinstance(of_type, GraphQLNonNull):
        return _holds_list(of_type.of_type, seen)
    if isinstance(of_type, GraphQLList):
        return True
    if isinstance(of_type, GraphQLInputObjectType):
        seen = seen or set()
        if of_type.name in seen:
            return False
        seen.add(of_type.name)
        return any(_holds_list(field.type, seen) for field in of_type.fields.values())
    return False


# Per schema and document (the parser's cache hands out the same document for the same text):
# whether any argument can hold a list. Most documents take none, and need no walk at all.
_TAKES_LISTS: dict[tuple[int, int], tuple[GraphQLSchema, DocumentNode, bool]] = {}
_TAKES_LISTS_SIZE = 512


def _takes_lists(schema: GraphQLSchema, document: DocumentNode) -> bool:
    key = (id(schema), id(document))
    known = _TAKES_LISTS.get(key)
    if known is not None and known[0] is schema and known[1] is document:
        return known[2]
    type_info = TypeInfo(schema)
    found: list[bool] = []

    class Arguments(Visitor):
        def enter_argument(self, node: ArgumentNode, *_: Any) -> Any:
            argument = type_info.get_argument()
            if argument is not None and _holds_list(argument.type):
                found.append(True)
                return Visitor.BREAK
            return None

    visit(document, TypeInfoVisitor(type_info, Arguments()))
    if len(_TAKES_LISTS) >= _TAKES_LISTS_SIZE:
        _TAKES_LISTS.clear()
    # The schema and the document are kept with their answer, so an id is never reused.
    _TAKES_LISTS[key] = (schema, document, bool(found))
    return bool(found)


class ListLimits(SchemaExtension):
    """Refuses a request holding a list above its maximum, after validation and before any SQL."""

    def __init__(self, *, settings: Settings) -> None:
        super().__init__()
        self.settings = settings

    def on_validate(self) -> Iterator[None]:
        # Listed after ValidationCache, whose hook has validated the document by now: errors
        # set here before yielding are what the schema checks before it executes anything.
        context = self.execution_context
        if not context.pre_execution_errors and context.graphql_document is not None:
            found = first_overlong_list(
                context.schema._schema,
                context.graphql_document,
                context.variables,
                self.settings,
            )
            if found is not None:
                context.pre_execution_errors = [found.error()]
        yield
