"""Fields that are a stored value of their object, completed without graphql-core's per-field work.

A page of an overview is some 350 fields, nearly all of them plain values a node was made with
(its name, its dates, its masked code): Strawberry gives such a field a resolver that reads the
attribute and ignores the resolve info. graphql-core still builds that info, checks the value
for an awaitable and walks its completion for each one, which was most of the execution's CPU.
Here a plain field whose type is a scalar or an enum (or a list of them) is read and serialised
directly, with the same `coerce_output_value` graphql-core calls. Everything else, and any plain
field whose value would be an error (null where the schema says non-null, a value the scalar
refuses), goes through graphql-core as before, which reports the error as it always did.
Masking is not touched: what a viewer may not read is already None in the node it was made as.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from weakref import WeakKeyDictionary

from graphql import (
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    is_leaf_type,
)
from graphql.execution.collect_fields import FieldDetails
from graphql.pyutils import Path, Undefined
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext


class _Refused(Exception):
    """A value the direct completion leaves to graphql-core, which knows how to report it."""


# How to complete a value of a type: a function of the value, raising _Refused when it cannot.
Completion = Callable[[Any], Any]


def _completion(kind: GraphQLOutputType) -> Completion | None:
    """The direct completion of a scalar, an enum, or a list of them; None for other types."""
    if isinstance(kind, GraphQLNonNull):
        inner = _completion(kind.of_type)
        if inner is None:
            return None

        def non_null(value: Any) -> Any:
            if value is None:
                raise _Refused
            return inner(value)

        return non_null
    if isinstance(kind, GraphQLList):
        item = _completion(kind.of_type)
        if item is None:
            return None

        def listed(value: Any) -> Any:
            if value is None:
                return None
            if not isinstance(value, list | tuple):
                raise _Refused
            return [item(each) for each in value]

        return listed
    if is_leaf_type(kind):
        leaf: GraphQLLeafType = kind

        def coerced(value: Any) -> Any:
            if value is None:
                return None
            result = leaf.coerce_output_value(value)
            if result is None or result is Undefined:
                raise _Refused
            return result

        return coerced
    return None


Plan = tuple[Callable[..., Any], Completion]
# Per schema, object type and field name: the attribute's reader and completion, or None.
_plans: WeakKeyDictionary[GraphQLSchema, dict[tuple[str, str], Plan | None]] = WeakKeyDictionary()


class PlainFieldsExecution(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution, with plain scalar fields read and serialised directly."""

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: dict[str, list[FieldDetails]],
        position_context: Any,
    ) -> Any:
        # An object whose selected fields are all plain (a node of a page, its pageInfo) is
        # made in one go; graphql-core hands every item of a list the same selection.
        plans = self._selection_plans(parent_type, grouped_field_set)
        if plans is not None:
            try:
                return {name: complete(read(source_value, None)) for name, read, complete in plans}
            except Exception:
                pass
        return super().execute_fields(
            parent_type, source_value, path, grouped_field_set, position_context
        )

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: list[FieldDetails],
        path: Path,
        position_context: Any,
    ) -> Any:
        plan = self._field_plan(parent_type, field_details_list)
        if plan is not None:
            read, complete = plan
            try:
                # A plain field's resolver reads the attribute and takes no resolve info.
                return complete(read(source, None))
            except Exception:
                pass
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )

    def _selection_plans(
        self, parent_type: GraphQLObjectType, grouped_field_set: dict[str, list[FieldDetails]]
    ) -> list[tuple[str, Callable[..., Any], Completion]] | None:
        """Each selected field's plan, when all are plain; kept for this operation."""
        known = self.__dict__.setdefault("_selections", {})
        key = (parent_type.name, id(grouped_field_set))
        if key in known and known[key][0] is grouped_field_set:
            plans: list[tuple[str, Callable[..., Any], Completion]] | None = known[key][1]
            return plans
        plans = []
        for name, details in grouped_field_set.items():
            plan = self._field_plan(parent_type, details)
            if plan is None:
                plans = None
                break
            plans.append((name, *plan))
        # The selection is kept with its plans, so its id is not reused while they are.
        known[key] = (grouped_field_set, plans)
        return plans

    def _field_plan(
        self, parent_type: GraphQLObjectType, field_details_list: list[FieldDetails]
    ) -> Plan | None:
        node = field_details_list[0].node
        middleware = self.middleware_manager
        if node.arguments or (middleware and middleware.middlewares):
            return None
        plans = self.__dict__.get("_plans")
        if plans is None:
            plans = _plans.get(self.schema)
            if plans is None:
                plans = _plans[self.schema] = {}
            self.__dict__["_plans"] = plans
        key = (parent_type.name, node.name.value)
        if key in plans:
            return plans[key]
        field = parent_type.fields.get(node.name.value)
        plan = None
        resolve = field.resolve if field is not None else None
        # Strawberry marks the resolver of a field without resolver, extension or handler.
        if field is not None and resolve is not None and getattr(resolve, "_is_default", False):
            completion = _completion(field.type)
            if completion is not None and not field.args:
                plan = (resolve, completion)
        plans[key] = plan
        return plan
