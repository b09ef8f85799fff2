"""Mutations sent again with the same Idempotency-Key get the first outcome, as Stripe does.

The key's record, the mutation's own changes and the answer commit in one transaction: either
all of it happened and a retry is answered from the record, or none of it did and the retry
simply runs. A second request with the key while the first runs waits for it (the key is
unique), then gets its answer.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from graphql import GraphQLError
from strawberry.types import ExecutionResult
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from api.auth import authenticate
from api.context import Context
from api.errors import is_unavailable
from models import IdempotentRequest
from overdracht.db_faults import retrying

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 255
KEPT_FOR = timedelta(hours=24)


class KeyProblem(Exception):
    """A key that cannot be used, with the HTTP status and GraphQL error to answer."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.error = GraphQLError(message, extensions={"code": code})


class _Unavailable(Exception):
    """The database failed under the mutation: roll the key back with it."""

    def __init__(self, result: ExecutionResult) -> None:
        self.result = result


def request_key(context: Context) -> str | None:
    """The client's key for this request, or None; a key that is too long is refused."""
    raw = context.request.headers.get(HEADER)
    if raw is None:
        return None
    key = raw.strip()
    if not key or len(key) > MAX_KEY_LENGTH:
        raise KeyProblem(
            400,
            "BAD_USER_INPUT",
            f"The {HEADER} header must hold 1 to {MAX_KEY_LENGTH} characters.",
        )
    return key


def fingerprint(query: str, variables: object, operation_name: str | None) -> str:
    """What makes two requests the same request."""
    raw = json.dumps([query, variables, operation_name], sort_keys=True, default=str)
    return hashlib.sha256(raw.encode()).hexdigest()


def _stored(result: ExecutionResult) -> dict[str, Any]:
    return {
        "data": result.data,
        "errors": [error.formatted for error in result.errors or []],
    }


def _replayed(stored: dict[str, Any]) -> ExecutionResult:
    errors = [
        GraphQLError(error.get("message", ""), extensions=error.get("extensions"))
        for error in stored.get("errors") or []
    ]
    return ExecutionResult(data=stored.get("data"), errors=errors or None)


async def run_once(
    context: Context, key: str, digest: str, run: Callable[[], Awaitable[ExecutionResult]]
) -> ExecutionResult:
    """Run a mutation under its key, or answer with what the first run under it answered."""
    token, problem = await retrying(
        lambda: authenticate(context.request, now=context.clock.now()), what="token lookup"
    )
    context.token, context.auth_problem = token, problem
    context.pending_authentication = False
    if token is None:
        return await run()  # answered UNAUTHENTICATED; nothing to remember
    now = context.clock.now()
    try:
        async with in_transaction():
            try:
                async with in_transaction():
                    record = await IdempotentRequest.create(
                        user_id=token.user.pk,
                        key=key,
                        request_hash=digest,
                        response={},
                        created_at=now,
                    )
            except IntegrityError:
                return await _answer_again(token.user.pk, key, digest)
            result = await run()
            if result.errors and any(is_unavailable(error) for error in result.errors):
                raise _Unavailable(result)
            record.response = _stored(result)
            await record.save(update_fields=["response"])
            await IdempotentRequest.filter(
                user_id=token.user.pk, created_at__lt=now - KEPT_FOR
            ).delete()
        return result
    except _Unavailable as unavailable:
        return unavailable.result


async def _answer_again(user_id: int, key: str, digest: str) -> ExecutionResult:
    record = await IdempotentRequest.get(user_id=user_id, key=key)
    if record.request_hash != digest:
        raise KeyProblem(
            422,
            "IDEMPOTENCY_KEY_REUSED",
            f"This {HEADER} was used for another request; use a new key for a new request.",
        )
    return _replayed(record.response)
