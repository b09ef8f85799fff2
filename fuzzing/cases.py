"""Requests generated from schema.graphql by schemathesis, with real and hostile values mixed in.

Schemathesis (through hypothesis-graphql) writes one operation per root field, valid and
invalid ones, with its arguments as literals. Half of them are sent with those arguments
moved into variables, so both ways a value can enter are exercised; some queries go by GET.
"""

from __future__ import annotations

import base64
import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import graphql
import schemathesis
from graphql import (
    ArgumentNode,
    FieldNode,
    IntValueNode,
    ListValueNode,
    NameNode,
    ObjectFieldNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    StringValueNode,
    VariableDefinitionNode,
    VariableNode,
)
from graphql.utilities import value_from_ast_untyped
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode
from schemathesis.graphql import nodes

from fuzzing.world import NODE_TYPES, World

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema.graphql"

# Numbers no row has: beyond 32 and 64 bits, negative, and digits that are not ASCII 0-9.
HOSTILE_NUMBERS = [
    "99999999999999999999",
    "2147483648",
    "9223372036854775808",
    "9" * 5000,
    "²",
    "١٢٣",
    "\U0001d7d9",  # MATHEMATICAL DOUBLE-STRUCK DIGIT ONE
    "-1",
    "0",
    " 1",
    "1e3",
    "",
]
# Text databases cannot store (NUL, lone surrogates) and other awkward shapes.
HOSTILE_TEXT = [
    "a\x00b",
    "\x00",
    "\ud800",
    "x\udfffy",
    "\ufeffbom",
    "%00",
    "' OR 1=1 --",
    "ß" * 300,
    "9" * 3000,
    "x" * 60_000,  # past SQLite's longest LIKE pattern
    "b2Zmc2V0Ojk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5",  # offset:99999999999999999999999
    "b2Zmc2V0OrLCsg==",  # offset: followed by bytes that are not UTF-8
]

# How often an argument that gates a resolver gets a real value, and the page sizes tried.
REAL_SHARE = 0.7
PAGE_SIZES = [0, 1, 2, 5, 20, 100]
# The types of object an ID argument names, so that it gets an ID of the right kind.
ID_ARGUMENTS = {
    "id": [name for name, _ in NODE_TYPES],
    "connectionId": ["AccountingConnection"],
    "administrationId": ["Administration", "MigrationAdministration"],
    "administrationIds": ["Administration", "MigrationAdministration"],
    "migrationAdministrationId": ["MigrationAdministration", "Administration"],
    "migrationAdministrationIds": ["MigrationAdministration", "Administration"],
    "migrationId": ["Migration"],
    "tokenId": ["ApiToken"],
}


@dataclass(frozen=True)
class FuzzRequest:
    """One request to send: the operation it came from, its document, variables and sender."""

    label: str
    query: str
    variables: dict[str, Any] | None
    role: str | None
    method: str

    def as_json(self) -> dict[str, Any]:
        """The request as a reader can replay it."""
        return {
            "operation": self.label,
            "method": self.method,
            "role": self.role,
            "query": self.query,
            "variables": self.variables,
        }


def pick(values: list[Any], rng: random.Random) -> st.SearchStrategy[Any]:
    """Any one of the values at draw time, evenly (the list may change between draws).

    Hypothesis leans towards the first of a list and small numbers, which would send the
    first few IDs of a pool again and again; a seeded random spreads over all of them.
    """
    return st.builds(lambda: rng.choice(values))


def _forged_id(parts: tuple[str, str]) -> str:
    return base64.b64encode(f"{parts[0]}:{parts[1]}".encode("utf-8", "surrogatepass")).decode()


def id_values(world: World, rng: random.Random) -> st.SearchStrategy[str]:
    """Real global IDs mostly, then forged ones with hostile numbers, then any text."""
    type_names = [name for name, _ in NODE_TYPES] + ["Nope"]
    forged = st.tuples(
        pick(type_names, rng), pick(HOSTILE_NUMBERS, rng) | st.text(max_size=12)
    ).map(_forged_id)
    real = pick(world.ids, rng)
    return st.one_of(real, real, real, forged, st.text(max_size=30))


def text_values(world: World, rng: random.Random) -> st.SearchStrategy[str]:
    """Real codes, addresses, cursors and search terms, hostile text and any text."""
    surrogates = st.text(st.characters(categories=["Cs"]), min_size=1, max_size=3)
    hostile = pick(HOSTILE_TEXT, rng) | st.tuples(st.text(max_size=5), surrogates).map("".join)
    real = pick(world.strings, rng)
    return st.one_of(real, real, real, st.text(max_size=40), st.text(max_size=40), hostile)


def register_scalars(world: World, rng: random.Random) -> None:
    """Make schemathesis write IDs and strings from the world's pools and the hostile lists."""
    schemathesis.graphql.scalar("ID", id_values(world, rng).map(nodes.String))
    schemathesis.graphql.scalar("String", text_values(world, rng).map(nodes.String))


class RealValues(graphql.Visitor):
    """Gives the arguments that gate a resolver a real value most of the time.

    A random `after` is refused before the search runs, and a few random transfer codes use up
    a user's attempts; with real cursors, codes and addresses the resolvers go all the way.
    """

    def __init__(self, world: World, rng: random.Random) -> None:
        super().__init__()
        self.world = world
        self.rng = rng

    def enter_argument(self, node: ArgumentNode, *_: Any) -> ArgumentNode | None:
        value = self._real(node.name.value)
        return ArgumentNode(name=node.name, value=value) if value else None

    def enter_object_field(self, node: ObjectFieldNode, *_: Any) -> ObjectFieldNode | None:
        value = self._real(node.name.value)
        return ObjectFieldNode(name=node.name, value=value) if value else None

    def _real(self, name: str) -> graphql.ValueNode | None:
        if self.rng.random() >= REAL_SHARE:
            return None
        if name == "first":
            return IntValueNode(value=str(self.rng.choice(PAGE_SIZES)))
        if name == "after":
            return StringValueNode(value=self.rng.choice(self.world.cursors))
        if name == "transferCode":
            return StringValueNode(value=self.rng.choice(self.world.codes))
        if name == "recipients":
            email = StringValueNode(value=self.rng.choice(self.world.emails))
            return ListValueNode(values=(email,))
        if name in ID_ARGUMENTS:
            ids = self.world.ids_by_type.get(self.rng.choice(ID_ARGUMENTS[name])) or ["?"]
            value = StringValueNode(value=self.rng.choice(ids))
            return ListValueNode(values=(value,)) if name.endswith("Ids") else value
        return None


def with_variables(
    document: graphql.DocumentNode, schema: graphql.GraphQLSchema
) -> tuple[str, dict[str, Any]]:
    """The same operation with its root field's literal arguments passed as variables."""
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    root = schema.mutation_type if operation.operation == OperationType.MUTATION else None
    root = root or schema.query_type
    definitions: list[VariableDefinitionNode] = []
    variables: dict[str, Any] = {}
    selections = []
    for selection in operation.selection_set.selections:
        if not isinstance(selection, FieldNode) or selection.name.value not in root.fields:
            selections.append(selection)
            continue
        field = root.fields[selection.name.value]
        arguments = []
        for argument in selection.arguments or ():
            name = argument.name.value
            if name not in field.args or name in variables:
                arguments.append(argument)
                continue
            variable = VariableNode(name=NameNode(value=name))
            definitions.append(
                VariableDefinitionNode(
                    variable=variable, type=graphql.parse_type(str(field.args[name].type))
                )
            )
            variables[name] = value_from_ast_untyped(argument.value)
            arguments.append(ArgumentNode(name=argument.name, value=variable))
        selections.append(
            FieldNode(
                alias=selection.alias,
                name=selection.name,
                arguments=tuple(arguments),
                directives=selection.directives,
                selection_set=selection.selection_set,
            )
        )
    rewritten = OperationDefinitionNode(
        operation=operation.operation,
        name=operation.name,
        variable_definitions=tuple(definitions),
        directives=operation.directives,
        selection_set=SelectionSetNode(selections=tuple(selections)),
    )
    return graphql.print_ast(rewritten), variables


def fuzz_requests(world: World, roles: list[str], seed: int) -> st.SearchStrategy[FuzzRequest]:
    """Every operation of the schema, valid and invalid, from every role and from nobody."""
    rng = random.Random(seed)
    register_scalars(world, rng)
    api = schemathesis.graphql.from_path(SCHEMA_PATH)
    operations = [result.ok() for result in api.get_all_operations()]
    cases = st.one_of(
        [
            operation.as_strategy(generation_mode=mode)
            for operation in operations
            # Valid requests reach the resolvers; invalid ones test GraphQL's own checks.
            for mode in (GenerationMode.POSITIVE, GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
        ]
    )
    senders = pick([*roles, *roles, None], rng)

    @st.composite
    def requests(draw: st.DrawFn) -> FuzzRequest:
        # Every draw first: what follows depends on values from the seeded random, and
        # hypothesis insists that the same draws lead to the same further draws.
        case, as_variables, by_get = draw(cases), draw(st.booleans()), draw(st.integers(0, 9)) == 0
        query, variables = case.body, None
        try:
            document = graphql.parse(query)
        except graphql.GraphQLError:
            document = None  # a negative case the parser refuses: sent as it is
        if document is not None:
            document = graphql.visit(document, RealValues(world, rng))
            query = graphql.print_ast(document)
            if as_variables:
                query, variables = with_variables(document, api.client_schema)
        method = "GET" if by_get and query.lstrip().startswith(("{", "query")) else "POST"
        return FuzzRequest(case.operation.label, query, variables, draw(senders), method)

    return requests()


def encode(request: FuzzRequest) -> bytes:
    """The JSON body; lone surrogates travel as \\ud800 escapes, as any JSON client sends them."""
    return json.dumps({"query": request.query, "variables": request.variables}).encode()
