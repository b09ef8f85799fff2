"""The cost of a request in nodes, counted before any resolver runs, as GitHub's API counts it.

Every connection field costs the number of nodes it may return: its `first` (the page cap
when `first` is not given) times the nodes of every connection it is nested in. The cost of a
document is the sum over all its connection fields, aliases and fragments included, so thirty
aliases of one nested query cost thirty times as much as one.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
)
from strawberry.extensions import SchemaExtension

CONNECTION_FIELDS = frozenset({"edges", "nodes", "pageInfo", "totalCount"})


def is_connection(graphql_type: Any) -> bool:
    """A Relay connection: the only kind of field whose size the client chooses."""
    named = get_named_type(graphql_type)
    return isinstance(named, GraphQLObjectType) and named.fields.keys() >= CONNECTION_FIELDS


class _Counter:
    """Walks one document with its variables and adds up the nodes it may return."""

    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Mapping[str, Any],
        default_first: int,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.default_first = default_first

    def first_of(self, field: FieldNode) -> int:
        """The page size a connection field asks for; anything unreadable counts as the cap."""
        for argument in field.arguments or ():
            if argument.name.value != "first":
                continue
            value = argument.value
            if isinstance(value, IntValueNode):
                number: Any = int(value.value)
            elif isinstance(value, VariableNode):
                number = self.variables.get(value.name.value)
            else:
                number = None
            if isinstance(number, int) and not isinstance(number, bool):
                return max(0, min(number, self.default_first))
            return self.default_first
        return self.default_first

    def selections(
        self, selection_set: SelectionSetNode | None, parent: Any, seen: frozenset[str]
    ) -> Iterator[tuple[FieldNode, GraphQLField]]:
        """Every field selected on a type, through inline fragments and fragment spreads."""
        if selection_set is None:
            return
        for selection in selection_set.selections or ():
            if isinstance(selection, FieldNode):
                if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
                    definition = parent.fields.get(selection.name.value)
                    if definition is not None:
                        yield selection, definition
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                on = self.schema.get_type(condition.name.value) if condition else parent
                yield from self.selections(selection.selection_set, on, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in seen:
                    continue
                on = self.schema.get_type(fragment.type_condition.name.value)
                yield from self.selections(fragment.selection_set, on, seen | {name})

    def cost(self, selection_set: SelectionSetNode | None, parent: Any, multiplier: int) -> int:
        """The nodes below one selection, each connection multiplying what it contains."""
        total = 0
        for node, definition in self.selections(selection_set, parent, frozenset()):
            inner = multiplier
            if is_connection(definition.type):
                inner = multiplier * self.first_of(node)
                total += inner
            total += self.cost(node.selection_set, get_named_type(definition.type), inner)
        return total


def query_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Mapping[str, Any] | None,
    *,
    default_first: int,
) -> int:
    """The nodes every operation of a document may return together."""
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    counter = _Counter(schema, fragments, variables or {}, default_first)
    total = 0
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            root = schema.get_root_type(definition.operation)
            total += counter.cost(definition.selection_set, root, 1)
    return total


class QueryCostLimiter(SchemaExtension):
    """Refuses a document whose cost is above the budget, after validation and before any SQL."""

    def __init__(self, *, budget: int, default_first: int) -> None:
        super().__init__()
        self.budget = budget
        self.default_first = default_first

    def on_validate(self) -> Iterator[None]:
        # Listed after ValidationCache, whose hook has validated the document by now: what
        # this hook sets before yielding is what the schema checks before executing.
        context = self.execution_context
        if not context.pre_execution_errors and context.graphql_document is not None:
            self.refuse_above_budget()
        yield

    def refuse_above_budget(self) -> None:
        """Put the cost error in place of the validation result when the budget is exceeded."""
        context = self.execution_context
        assert context.graphql_document is not None
        cost = query_cost(
            context.schema._schema,
            context.graphql_document,
            context.variables,
            default_first=self.default_first,
        )
        if cost > self.budget:
            context.pre_execution_errors = [
                GraphQLError(
                    f"This request may return {cost:,} nodes, above the budget of "
                    f"{self.budget:,}: ask for smaller pages (`first`) or fewer nested lists.",
                    extensions={"code": "QUERY_TOO_COSTLY", "cost": cost, "budget": self.budget},
                )
            ]
