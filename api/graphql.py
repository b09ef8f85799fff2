"""The GraphQL schema with its limits, and the view that builds each request's context.

What concerns an operation is a Strawberry extension (limits, error codes, masking, the time
limit, authentication); the view keeps only what is about the HTTP request around it, where
Strawberry has no extension point: reading the request, the status and media type of the
answer, running a read again or an idempotent mutation once, and counting requests.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable, Collection
from typing import Any

import orjson
import strawberry
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from graphql import GraphQLError, OperationType
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.http.types import QueryParams
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.execution import ExecutionContext, PreExecutionError

from api.auth import authenticate, authenticate_header
from api.change_news import ChangeNews
from api.context import Context
from api.download_links import DownloadLinks
from api.error_codes import INTERNAL_SERVER_ERROR, ErrorCodes, ParserCacheAnswering
from api.error_log import log_errors
from api.errors import is_unavailable, should_mask_error, unavailable_error
from api.graphiql.page import GraphiQLSite
from api.idempotency import KeyProblem, RequestText, request_key, run_once
from api.json_body import UnreadableJsonError, read_json
from api.list_limits import ListLimits
from api.live_messages import SharingExecutor, next_message, shared_payload
from api.loaders import Loaders
from api.number_literals import ReadableIntegers
from api.operation_auth import AuthenticateOperation
from api.operation_labels import operation_shape
from api.query_cost import QueryCostLimiter
from api.request_deadline import RequestDeadline
from api.resolvers.overview_feed import OverviewFeed
from api.root_types.mutation import Mutation
from api.root_types.query import Query
from api.root_types.subscription import Subscription
from api.socket_auth import TokenCheckingTransportWSHandler
from api.storable_text import StorableLiterals, StorableVariables
from overdracht.clock import Clock
from overdracht.db_faults import FIRST_PAUSE, RETRIES, is_database_fault, retrying
from overdracht.filestore import FileStore
from overdracht.metrics import LATENCY, REQUESTS
from overdracht.settings import Settings, web_origin

logger = logging.getLogger(__name__)

MAX_SUBSCRIPTIONS_PER_CONNECTION = 5
RETRY_AFTER_SECONDS = 1
GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
# Errors of the service itself, not of the request: never answered 400.
NOT_REQUEST_ERRORS = {"REQUEST_TIMEOUT", "SERVICE_UNAVAILABLE", "RESPONSE_TOO_LARGE"}
# Error codes a request's outcome is counted under; anything else is "ERROR".
KNOWN_OUTCOMES = NOT_REQUEST_ERRORS | {
    "UNAUTHENTICATED",
    "FORBIDDEN",
    "BAD_USER_INPUT",
    "QUERY_TOO_COSTLY",
    "TOO_MANY_ATTEMPTS",
    "TRANSFER_CODE_INVALID",
    "IDEMPOTENCY_KEY_REUSED",
}


def wants_graphql_response_json(accept: str | None) -> bool:
    """Whether the client prefers the GraphQL-over-HTTP media type to plain JSON."""
    weights: dict[str, float] = {}
    for part in (accept or "").split(","):
        media, _, params = part.strip().partition(";")
        weight = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        weights[media.strip().lower()] = weight
    ours = weights.get(GRAPHQL_RESPONSE_JSON, 0.0)
    return ours > 0 and ours >= weights.get("application/json", 0.0)


def json_kind(value: object) -> str:
    """How a JSON value that is not an object is named in the 400 that refuses it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    return "a string" if isinstance(value, str) else "a number"


def outcome_of(result: ExecutionResult, keys: Collection[str] = ()) -> str:
    """ "ok", or the code of the first error: what a dashboard groups requests by.

    Given the response keys of some root fields, only their errors and those of the whole
    request count.
    """
    if is_request_error(result):
        return "REQUEST_ERROR"
    errors = [e for e in result.errors or [] if not keys or not e.path or e.path[0] in keys]
    if not errors:
        return "ok"
    code = (errors[0].extensions or {}).get("code")
    return str(code) if code in KNOWN_OUTCOMES else "ERROR"


def is_request_error(result: ExecutionResult) -> bool:
    """A document that did not parse or validate, or variables that did not fit: no data."""
    if result.data is not None or not result.errors:
        return False
    if any((e.extensions or {}).get("code") in NOT_REQUEST_ERRORS for e in result.errors):
        return False
    return isinstance(result, PreExecutionError) or all(not e.path for e in result.errors)


def socket_origins(settings: Settings) -> tuple[str, ...]:
    """The pages that may open the WebSocket besides the service's own (same host) pages.

    Tokens travel in connection_init, never in cookies, so without a CORS list any page may
    connect. With one, only the listed frontends and the public URL's origin may: a page
    elsewhere cannot ride on whatever else a browser might attach (a proxy's login cookie).
    Clients that send no Origin are no browsers and are not asked.
    """
    if not settings.cors_origins:
        return ("*",)
    own = web_origin(settings.public_url)
    return (*settings.cors_origins, *([own] if own else []))


VALIDATION_CACHE_SIZE = 256
# The GET parameters that carry JSON, each an object when given.
JSON_PARAMETERS = ("variables", "extensions")


def encode_answer(data: object) -> bytes:
    """An answer's JSON as UTF-8, by orjson: a tenth of the json module's CPU for a page."""
    return orjson.dumps(data)


class MaskUnexpectedErrors(MaskErrors):
    """Masks what clients need not see; a database that went away is said so, retryable."""

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        if is_database_fault(error.original_error):
            return unavailable_error(error)
        masked = super().anonymise_error(error)
        masked.extensions = {"code": INTERNAL_SERVER_ERROR}
        return masked

    def _process_result(self, result: object) -> None:
        """Mask a result's errors, if it has any; a result without errors (every live message
        but a failed one) is left alone at the cost of one attribute read, where Strawberry's
        check against its protocol class costs several microseconds per subscriber's result."""
        errors = getattr(result, "errors", None)
        if errors:
            result.errors = self._process_errors(errors)  # type: ignore[attr-defined]


class Schema(strawberry.Schema):
    """Strawberry's schema, with each operation's errors logged as api/error_log.py says."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        name = execution_context.operation_name if execution_context else None
        log_errors(errors, name)


def build_schema(settings: Settings) -> strawberry.Schema:
    """The schema with the query limits of the settings; its SDL is the committed contract."""
    # The limiters' rules are built once: each limiter makes a new rule class when it is
    # created, and a new class per request would miss the validation cache every time.
    limits = [
        *QueryDepthLimiter(max_depth=settings.max_query_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=settings.max_aliases).validation_rules,
        StorableLiterals,
    ]
    return Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        # Plain fields completed directly; a live message rendered once for the subscribers
        # who get the same bytes.
        execution_context_class=SharingExecutor,
        extensions=[
            # First, so it names a code on whatever the others leave without one.
            ErrorCodes,
            lambda: AddValidationRules(limits),
            lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
            lambda: MaskUnexpectedErrors(should_mask_error=should_mask_error),
            # Frontends and partners send the same few documents again and again.
            lambda: ParserCacheAnswering(maxsize=256),
            lambda: ValidationCache(maxsize=VALIDATION_CACHE_SIZE),
            ReadableIntegers,
            lambda: QueryCostLimiter(
                budget=settings.max_query_cost, default_first=settings.max_page_size
            ),
            StorableVariables,
            lambda: ListLimits(settings=settings),
            AuthenticateOperation,
            # Last, so it is the first to see its own cancellation (see its docstring).
            lambda: RequestDeadline(seconds=settings.request_timeout_seconds),
        ],
    )


class GraphQLView(GraphQL[Context, None]):
    """Strawberry's ASGI view, overridden only around an operation, where it has no extension.

    Strawberry's extensions see one operation from parsing to its result (the limits, error
    codes, masking and time limit in build_schema use them); reading the HTTP request, the
    context, the answer's status, media type and size, and running an operation again or
    not at all happen outside it, so those few methods are overridden here.
    """

    graphql_transport_ws_handler_class = TokenCheckingTransportWSHandler

    def __init__(
        self,
        settings: Settings,
        clock: Clock,
        files: FileStore,
        graphiql: GraphiQLSite,
        news: ChangeNews,
        downloads: DownloadLinks,
        overviews: OverviewFeed,
    ) -> None:
        schema = build_schema(settings)
        super().__init__(
            schema,
            graphql_ide="graphiql",
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            max_subscriptions_per_connection=MAX_SUBSCRIPTIONS_PER_CONNECTION,
            allowed_origins=socket_origins(settings),
        )
        # graphql-core's schema, which the operation labels are read against.
        self.graphql_schema = schema._schema
        self.settings = settings
        self.clock = clock
        self.files = files
        self.graphiql = graphiql
        self.news = news
        self.downloads = downloads
        self.overviews = overviews

    async def render_graphql_ide(self, request: Request) -> Response:
        """GraphiQL from this origin only, instead of Strawberry's page that loads a CDN."""
        return self.graphiql.page()

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None
    ) -> Context:
        """The typed context resolvers get; a WebSocket's token is looked up at the handshake."""
        context = Context(
            request=request,
            settings=self.settings,
            clock=self.clock,
            files=self.files,
            loaders=Loaders(),
            news=self.news,
            downloads=self.downloads,
            overviews=self.overviews,
        )
        if isinstance(response, Response) and wants_graphql_response_json(
            request.headers.get("accept")
        ):
            # Read by create_response: the media type the client asked for (GraphQL over HTTP).
            response.media_type = GRAPHQL_RESPONSE_JSON
        if isinstance(request, WebSocket):
            context.token, context.auth_problem = await retrying(
                lambda: authenticate(request, now=self.clock.now()), what="token lookup"
            )
        else:
            # Looked up by AuthenticateOperation once the document passed every limit.
            context.pending_authentication = True
        return context

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """Requests the view refuses before GraphQL (bad JSON, a wrong method) get JSON too."""
        if scope["type"] != "http":
            return await super().__call__(scope, receive, send)
        request = Request(scope=scope, receive=receive)
        try:
            response = await self.run(request)
        except HTTPException as refused:
            wanted = wants_graphql_response_json(request.headers.get("accept"))
            error = {"message": refused.reason, "extensions": {"code": "BAD_REQUEST"}}
            response = Response(
                self.encode_json({"errors": [error]}),
                status_code=refused.status_code,
                media_type=GRAPHQL_RESPONSE_JSON if wanted else "application/json",
            )
        await response(scope, receive, send)
        return None

    async def get_root_value(self, request: Any) -> None:
        """No root value: every root field reads what it needs from the context."""
        return None

    def encode_json(self, data: object) -> str:
        """JSON text, as compact as Strawberry's; text, since a WebSocket sends it as text.

        A live message rendered for many subscribers is encoded once, each socket's `next`
        message wrapping it with its own id (api/live_messages.py).
        """
        shared = shared_payload(data)
        if shared is not None:
            return next_message(data["id"], shared)  # type: ignore[index]
        return encode_answer(data).decode()

    def decode_json(self, data: str | bytes) -> object:
        """Request bodies and WebSocket messages, refused before deep nesting can recurse."""
        return read_json(data)

    def parse_json(self, data: str | bytes) -> Any:
        """A request's JSON, or a 400 saying what is wrong with it.

        Every JSON an HTTP request carries (the body, a GET's variables or extensions) is an
        object, or the array of a batch; a bare string, number, boolean or null is refused here.
        """
        try:
            value = read_json(data)
        except UnreadableJsonError as error:
            raise HTTPException(400, error.msg) from error
        except json.JSONDecodeError as error:
            raise HTTPException(400, "Unable to parse request body as JSON") from error
        if not isinstance(value, dict | list):
            raise HTTPException(400, f"Expected a JSON object, not {json_kind(value)}.")
        return value

    def parse_query_params(self, params: QueryParams) -> dict[str, Any]:
        """A GET's parameters; `variables` or `extensions` sent as JSON null count as absent."""
        given = {
            name: value
            for name, value in params.items()
            if not (name in JSON_PARAMETERS and value == "null")
        }
        return super().parse_query_params(given)

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        """The request's parameters; an operationName that is not a string or null is a 400."""
        data = await super().parse_http_body(request)
        for operation in data if isinstance(data, list) else [data]:
            if not isinstance(operation.operation_name, str | None):
                raise HTTPException(
                    400,
                    "The GraphQL operation's `operationName` must be a string or null, "
                    "if provided.",
                )
        return data

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        """The response body; a request refused before execution has no `data` entry at all.

        As the GraphQL spec says for errors raised before execution begins, and as the
        GraphQL-over-HTTP spec asks of application/graphql-response+json: no `data: null`.
        """
        response = await super().process_result(request, result)
        if is_request_error(result):
            response.pop("data", None)
        return response

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        """One operation of an HTTP request, with what no Strawberry extension can do for it.

        A subscription is refused with a 400 before anything runs; a read the database failed
        under runs again (a new execution, which no hook can start), an idempotent mutation
        runs once (a replay is answered without executing); a fault left over is a 503 with
        Retry-After. Requests are counted here because a count is per HTTP request: once across
        the retries, with the outcome the client got, replays and refusals included.
        """
        shape = operation_shape(
            self.graphql_schema, request_data.query, request_data.operation_name
        )
        if shape.kind == OperationType.SUBSCRIPTION:
            sub_response.status_code = 400
            error = GraphQLError(
                "Subscriptions run over the WebSocket at /graphql (graphql-transport-ws), "
                "not over plain HTTP.",
                extensions={"code": "SUBSCRIPTION_OVER_HTTP"},
            )
            return ExecutionResult(data=None, errors=[error])
        started = time.perf_counter()
        strawberry_execute = super().execute_single

        async def execute() -> ExecutionResult:
            return await strawberry_execute(
                request, request_adapter, sub_response, context, root_value, request_data
            )

        result = await self._execute_answering_faults(
            shape.kind, execute, context, sub_response, request_data
        )
        if is_request_error(result) and sub_response.media_type == GRAPHQL_RESPONSE_JSON:
            sub_response.status_code = sub_response.status_code or 400
        seconds = time.perf_counter() - started
        for label, keys in shape.labels(context.token is not None).items():
            REQUESTS.labels(label, outcome_of(result, keys)).inc()
            LATENCY.labels(label).observe(seconds)
        return result

    async def _execute_answering_faults(
        self,
        operation: OperationType | None,
        execute: Callable[[], Awaitable[ExecutionResult]],
        context: Context,
        sub_response: Response,
        data: GraphQLRequestData,
    ) -> ExecutionResult:
        """Run the operation; a database fault is retried for a read and answered 503 else.

        A mutation with an Idempotency-Key runs under its token's key, so sending it again
        after a lost answer gives the first outcome instead of a second one.
        """
        try:
            key = request_key(context)
            if key is not None and operation == OperationType.MUTATION:
                request = RequestText(data.query, data.variables, data.operation_name)
                result = await run_once(context, key, request, execute)
            else:
                result = await self._execute_retrying_reads(operation, execute, context)
        except KeyProblem as problem:
            sub_response.status_code = problem.status
            return ExecutionResult(data=None, errors=[problem.error])
        except Exception as error:  # the database failed outside any resolver
            if not is_database_fault(error):
                raise
            logger.warning("database unavailable for a request: %s", error)
            result = ExecutionResult(data=None, errors=[unavailable_error()])
        if result.errors and any(is_unavailable(error) for error in result.errors):
            sub_response.status_code = 503
            sub_response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return ExecutionResult(data=None, errors=[unavailable_error()])
        return result

    async def _execute_retrying_reads(
        self,
        operation: OperationType | None,
        execute: Callable[[], Awaitable[ExecutionResult]],
        context: Context,
    ) -> ExecutionResult:
        """A query the database failed under runs again, with fresh loaders and token lookup."""
        for attempt in range(RETRIES + 1):
            result = await execute()
            failed = result.errors and any(is_unavailable(error) for error in result.errors)
            if not failed or operation != OperationType.QUERY or attempt == RETRIES:
                return result
            logger.warning("a query met a database fault; running it again")
            context.loaders = Loaders()
            context.pending_authentication = True
            await asyncio.sleep(FIRST_PAUSE * 2**attempt)
        return result

    def create_response(self, response_data: Any, sub_response: Response) -> Response:
        """The JSON response, or an error in its place when it is above the size limit."""
        body = encode_answer(response_data)
        limit = self.settings.max_response_bytes
        if len(body) > limit:
            body = encode_answer(
                {
                    "data": None,
                    "errors": [
                        {
                            "message": f"The response would be {len(body):,} bytes, above the "
                            f"limit of {limit:,}: ask for smaller pages or fewer fields.",
                            "extensions": {
                                "code": "RESPONSE_TOO_LARGE",
                                "bytes": len(body),
                                "limit": limit,
                            },
                        }
                    ],
                }
            )
        response = Response(body, media_type=sub_response.media_type or "application/json")
        response.headers.raw.extend(sub_response.headers.raw)
        if sub_response.background:
            response.background = sub_response.background
        if sub_response.status_code:
            response.status_code = sub_response.status_code
        return response

    async def on_ws_connect(self, context: Context) -> None:
        """A WebSocket is accepted only with a valid token in connection_init's payload."""
        params = context.connection_params or {}
        header = params.get("Authorization") or params.get("authorization")
        if not header and context.token is not None:
            return None  # the handshake itself carried a valid Authorization header
        token, problem = await retrying(
            lambda: authenticate_header(
                header if isinstance(header, str) else None, now=self.clock.now()
            ),
            what="token lookup",
        )
        if token is None:
            raise ConnectionRejectionError({"message": problem, "code": "UNAUTHENTICATED"})
        context.token = token
        context.auth_problem = None
        return None
