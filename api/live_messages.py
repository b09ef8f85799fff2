"""One rendering of a live message for all the subscribers who would get the same bytes.

News of one change wakes every subscriber of it in this process. Run separately, each would
execute its GraphQL selection on the same rows and encode the same JSON: about a millisecond of
CPU per subscriber, so a process's cost grew with its screens, not with the changes. Instead:

- the subscription resolvers hand every subscriber woken by the same news the same node, one per
  audience (`shared_node`): what a rendering may depend on about the viewer (office, role, token
  scope, whether the user is active), so two subscribers of one audience see the same values;
- the executor (`SharingExecutor`) runs a selection on such a node once per operation (the parsed
  document, the operation and its variables) and audience, with loaders fresh for the news;
  every other subscriber with the same operation and audience takes that result;
- its JSON is encoded once (`RenderedData`), and each socket wraps it in its own `next` message,
  with its own subscription id (`next_message`).

Each subscriber's socket still checks its token before the message leaves (api/socket_auth.py),
and a subscriber whose audience differs from the node's, a rendering that met an error, or one
that used something given to one token alone (a download link) is not shared: each subscriber
then runs its own, as before.
"""

from __future__ import annotations

import asyncio
import dataclasses
import weakref
from collections.abc import Callable, Hashable
from copy import copy
from typing import TYPE_CHECKING, Any, TypeVar

import orjson
from graphql import ExecutionResult, OperationType

from api.loaders import Loaders
from api.plain_fields import PlainFieldsExecution
from models import ApiToken

if TYPE_CHECKING:
    from api.context import Context

T = TypeVar("T")

# What a rendering may depend on about its viewer: office, role, token scope, and whether the
# user is active (api/permissions.py decides every field from these).
Audience = tuple[int, str, str, bool]


def audience_of(token: ApiToken | None) -> Audience | None:
    """The viewers who see the same values of a node as this token's holder does."""
    if token is None:
        return None
    user = token.user
    return (user.environment_id, str(user.role), str(token.scope), bool(user.is_active))


class LiveEvent:
    """One piece of news as the subscribers it woke share it: a node per audience and key, and
    the loaders its renderings read through (data only: what a viewer may see of it is decided
    by the fields, for each audience)."""

    def __init__(self) -> None:
        self.nodes: dict[tuple[Hashable, Audience | None], Any] = {}
        self._loaders: Loaders | None = None

    @property
    def loaders(self) -> Loaders:
        """Fresh for this news, so nothing cached by an earlier message is shown."""
        if self._loaders is None:
            self._loaders = Loaders()
        return self._loaders


class RenderedData(dict[str, Any]):
    """A message's `data`, rendered once for many subscribers, with its JSON encoded once."""

    encoded: bytes | None = None

    def text(self) -> bytes:
        """The JSON of `{"data": ...}`, encoded by the first socket that sends it."""
        if self.encoded is None:
            self.encoded = orjson.dumps({"data": self})
        return self.encoded


def next_message(operation_id: str, data: RenderedData) -> str:
    """A graphql-transport-ws `next` message for one subscription, around the shared payload:
    the same bytes as encoding the whole message would give."""
    return (
        b'{"id":' + orjson.dumps(operation_id) + b',"type":"next","payload":' + data.text() + b"}"
    ).decode()


def shared_payload(message: object) -> RenderedData | None:
    """The shared data of a `next` message that carries nothing else, if it has one."""
    if not isinstance(message, dict) or message.get("type") != "next":
        return None
    payload = message.get("payload")
    if not isinstance(payload, dict) or len(payload) != 1:
        return None
    data = payload.get("data")
    return data if isinstance(data, RenderedData) else None


@dataclasses.dataclass
class _Rendering:
    """One operation's rendering of a shared node: done once its data is there, or once it
    proved not to be shareable (no data)."""

    operation: object  # kept, so its id, which the key holds, stays its own
    done: asyncio.Event = dataclasses.field(default_factory=asyncio.Event)
    data: RenderedData | None = None
    task: asyncio.Task[None] | None = None


@dataclasses.dataclass
class _Shared:
    """A node given to the subscribers of one audience, the context it is rendered with, and
    its renderings so far, per operation."""

    audience: Audience | None
    context: Context
    renderings: dict[Hashable, _Rendering]


class _Registry:
    """The nodes handed out by `shared_node`, each for as long as a subscriber holds it."""

    def __init__(self) -> None:
        self._by_id: dict[int, tuple[weakref.ref[Any], _Shared]] = {}

    def add(self, node: object, shared: _Shared) -> None:
        key = id(node)
        self._by_id[key] = (weakref.ref(node, lambda _: self._by_id.pop(key, None)), shared)

    def get(self, node: object) -> _Shared | None:
        found = self._by_id.get(id(node))
        if found is None or found[0]() is not node:
            return None
        return found[1]


_SHARED = _Registry()


def shared_node(event: LiveEvent, key: Hashable, ctx: Context, make: Callable[[Context], T]) -> T:
    """The node of `key` for this event as the subscriber's audience sees it, made once.

    `make` builds it with the context it is rendered with: the first subscriber's, with the
    event's loaders (which `make` may prime).
    """
    audience = audience_of(ctx.token)
    slot = (key, audience)
    node: T | None = event.nodes.get(slot)
    if node is None:
        rendering = dataclasses.replace(ctx, loaders=event.loaders, personal=False)
        node = make(rendering)
        event.nodes[slot] = node
        _SHARED.add(node, _Shared(audience, rendering, {}))
    return node


class SharingExecutor(PlainFieldsExecution):
    """The schema's executor, rendering a subscription event on a shared node once."""

    _operation_key: tuple[int, str] | None = None

    def __copy__(self) -> SharingExecutor:
        """A shallow copy, as `copy.copy` makes one, without its generic machinery: graphql-core
        copies the executor for every event of every subscription."""
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        return clone

    def build_per_event_executor(self, payload: Any) -> Any:
        """Each event's executor, knowing its operation's key (worked out once per subscription)."""
        if self._operation_key is None:
            variables = sorted(self.variable_values.coerced.items())
            # The operation as parsed (a cached document is one object), and its variables.
            self._operation_key = (id(self.operation), repr(variables))
        return super().build_per_event_executor(payload)

    def execute_operation(self, serially: bool | None = None) -> Any:
        """Run the operation; an event on a shared node is rendered once per operation and
        audience, and the others with the same take that rendering."""
        shared = _SHARED.get(self.root_value) if self.root_value is not None else None
        if shared is None or self.operation.operation != OperationType.SUBSCRIPTION:
            return super().execute_operation(serially)
        return self._take_or_render(shared, serially)

    async def _take_or_render(self, shared: _Shared, serially: bool | None) -> ExecutionResult:
        own: Context = self.context_value
        if audience_of(own.token) == shared.audience:
            rendering = shared.renderings.get(self._operation_key)
            if rendering is None:
                rendering = _Rendering(self.operation)
                shared.renderings[self._operation_key] = rendering
                # The rendering outlives the subscriber who started it: its socket may close.
                rendering.task = asyncio.ensure_future(
                    self._render_once(shared.context, serially, rendering)
                )
            if not rendering.done.is_set():
                await rendering.done.wait()  # a subscriber that leaves meanwhile stops no one
            if rendering.data is not None:
                return ExecutionResult(data=rendering.data)
        # Not shared: rendered for this subscriber alone, as without sharing.
        return await self._render(dataclasses.replace(shared.context, token=own.token), serially)

    async def _render_once(
        self, context: Context, serially: bool | None, rendering: _Rendering
    ) -> None:
        try:
            result = await self._render(context, serially)
            # Errors are masked, coded and logged per subscriber, as before: not shared.
            if not (result.errors or result.data is None or context.personal):
                rendering.data = RenderedData(result.data)
        except Exception:  # each subscriber renders for itself, and meets it there
            pass
        finally:
            rendering.done.set()

    async def _render(self, context: Context, serially: bool | None) -> ExecutionResult:
        executor = copy(self)
        executor.context_value = context
        executor.collected_errors = type(self.collected_errors)()
        result = super(SharingExecutor, executor).execute_operation(serially)
        if self.is_awaitable(result):
            result = await result
        assert isinstance(result, ExecutionResult)
        return result
