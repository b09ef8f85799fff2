"""Every top-level error carries `extensions.code`, so a client branches on codes, never on text.

The service's own errors name their code where they are raised. What graphql-core and
Strawberry raise names none; this extension gives each the code its stage means, over HTTP and
over the WebSocket alike:

- a document that does not parse: GRAPHQL_PARSE_FAILED;
- one that does not validate (an unknown field, a wrong argument, too deep):
  GRAPHQL_VALIDATION_FAILED;
- variables that do not fit, an unknown operation name, anything refused before a field ran
  (no path): BAD_USER_INPUT;
- anything else, a bug (a field that broke its own type, or an unexpected error, which
  MaskErrors words as "Unexpected error."): INTERNAL_SERVER_ERROR.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence

from graphql import GraphQLError
from strawberry.extensions import ParserCache, SchemaExtension
from strawberry.types.execution import StreamExecutionResult

PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
BAD_USER_INPUT = "BAD_USER_INPUT"
INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"


def give_code(errors: Sequence[GraphQLError] | None, code: str) -> None:
    """Name this code on each error that names none yet."""
    for error in errors or ():
        if not (error.extensions or {}).get("code"):
            error.extensions = {**(error.extensions or {}), "code": code}


class ErrorCodes(SchemaExtension):
    """Gives every error of a request a code, by the stage the request got to.

    The codes are named on the result, once the operation (or each result a WebSocket sends)
    is done, or on the error that ends it: a hook of another extension that raises as its
    stage begins (ParserCache parses in its own) ends the stage before any hook of it returns.
    """

    def __init__(self) -> None:
        self.executing = False

    def on_execute(self) -> Iterator[None]:
        self.executing = True
        yield

    def on_operation(self) -> Iterator[None]:
        try:
            yield
        except GraphQLError as error:  # raised out of a stage: the request's answer
            self._name_codes([error])
            raise
        self._name_codes(getattr(self.execution_context.result, "errors", None))

    def on_stream_result(self, result: StreamExecutionResult) -> None:  # type: ignore[override]
        """Each result a WebSocket sends, before it is sent."""
        self._name_codes(getattr(result, "errors", None))

    def _name_codes(self, errors: Sequence[GraphQLError] | None) -> None:
        for error in errors or ():
            give_code([error], self._code_of(error))

    def _code_of(self, error: GraphQLError) -> str:
        if self.execution_context.graphql_document is None:
            return PARSE_FAILED
        if not self.executing:
            return VALIDATION_FAILED
        return BAD_USER_INPUT if not error.path else INTERNAL_SERVER_ERROR


class ParserCacheAnswering(ParserCache):
    """Strawberry's parser cache, which lets a document that does not parse be answered.

    Its own hook parses as the parsing stage begins and raises there, before Strawberry's
    handling of parse errors: over HTTP the request still got an error, but over the WebSocket
    the operation died unanswered. Here a failed parse is left to Strawberry, which parses the
    document again where it answers the error like any other.
    """

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        with contextlib.suppress(GraphQLError):
            context.graphql_document = self.cached_parse_document(
                context.query, **context.parse_options
            )
        yield
