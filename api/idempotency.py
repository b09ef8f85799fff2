"""Mutations sent again with the same Idempotency-Key get the first outcome, as Stripe does.

The key's record, the mutation's own changes and the answer commit in one transaction: either
all of it happened and a retry is answered from the record, or none of it did and the retry
simply runs. A second request with the key while the first runs waits for it (the key is
unique), then gets its answer.

A key belongs to the token that sent it, never to its user's other tokens, and the answer is
kept sealed (AES-GCM) under a key derived from that token's secret, which the service never
stores: only whoever holds the token can have the answer again, and the table alone gives
back no new token's secret and no transfer code. An answer that refused the caller (not
signed in, not allowed) is never kept, so a later request with more rights runs for real;
nor is one cut short by the database or the request's deadline, so a retry runs it again.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from graphql import GraphQLError
from strawberry.types import ExecutionResult
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from api.auth import authenticate, bearer_secret
from api.context import Context
from api.errors import is_unavailable
from api.request_deadline import REQUEST_TIMEOUT
from models import IdempotentRequest
from overdracht.db_faults import retrying

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 255
KEPT_FOR = timedelta(hours=24)
# The errors that refuse who asks rather than what is asked: such an answer is never kept.
REFUSALS = frozenset({"UNAUTHENTICATED", "FORBIDDEN"})
_DERIVATION = b"overdracht idempotent answers v1"
_NONCE_BYTES = 12


class KeyProblem(Exception):
    """A key that cannot be used, with the HTTP status and GraphQL error to answer."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.error = GraphQLError(message, extensions={"code": code})


class _Unavailable(Exception):
    """The database failed or the deadline stopped the mutation: roll the key back with it."""

    def __init__(self, result: ExecutionResult) -> None:
        self.result = result


@dataclass(frozen=True)
class RequestText:
    """What makes two requests the same request."""

    query: str | None
    variables: object
    operation_name: str | None

    def canonical(self) -> bytes:
        """One byte string per request, whatever order its variables came in."""
        raw = [self.query, self.variables, self.operation_name]
        return json.dumps(raw, sort_keys=True, default=str).encode()


@dataclass(frozen=True)
class TokenKeys:
    """The keys only the holder of one bearer token can derive: to seal, and to fingerprint."""

    seal: bytes
    fingerprint: bytes

    @classmethod
    def of(cls, secret: str) -> TokenKeys:
        """HKDF-SHA256 of the token's secret (256 random bits for issued tokens)."""
        derived = HKDF(algorithm=hashes.SHA256(), length=64, salt=None, info=_DERIVATION).derive(
            secret.encode()
        )
        return cls(seal=derived[:32], fingerprint=derived[32:])

    def mac(self, request: RequestText) -> str:
        """The request's fingerprint; without the token it says nothing about the request."""
        return hmac.new(self.fingerprint, request.canonical(), hashlib.sha256).hexdigest()

    def sealed(self, answer: dict[str, Any], row: bytes) -> bytes:
        """The answer encrypted and bound to its row (token and key), behind a fresh nonce."""
        nonce = os.urandom(_NONCE_BYTES)
        return nonce + AESGCM(self.seal).encrypt(nonce, json.dumps(answer).encode(), row)

    def opened(self, sealed: bytes, row: bytes) -> dict[str, Any]:
        """The answer again; raises InvalidTag for a row that was not sealed for this token."""
        nonce, box = sealed[:_NONCE_BYTES], sealed[_NONCE_BYTES:]
        answer: dict[str, Any] = json.loads(AESGCM(self.seal).decrypt(nonce, box, row))
        return answer


def _row(token_id: int, key: str) -> bytes:
    return f"{token_id}\n{key}".encode()


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


def _refuses_everywhere(payload: object) -> bool:
    """Whether a mutation's payload holds a userError refusing who asked (FORBIDDEN)."""
    if not isinstance(payload, dict):
        return False
    return any(
        isinstance(entry, dict) and entry.get("code") in REFUSALS
        for value in payload.values()
        if isinstance(value, list)
        for entry in value
    )


def _did_not_finish(result: ExecutionResult) -> bool:
    """Whether the mutation was cut short (database gone, deadline hit): no outcome to keep."""
    return any(
        is_unavailable(error) or (error.extensions or {}).get("code") == REQUEST_TIMEOUT
        for error in result.errors or []
    )


def is_refusal(result: ExecutionResult) -> bool:
    """Whether every field of the mutation refused the caller: nothing ran, nothing to keep."""
    refused = {
        str(error.path[0])
        for error in result.errors or []
        if error.path and (error.extensions or {}).get("code") in REFUSALS
    }
    fields = result.data or {}
    if not fields:
        return any((e.extensions or {}).get("code") in REFUSALS for e in result.errors or [])
    return all(name in refused or _refuses_everywhere(value) for name, value in fields.items())


async def run_once(
    context: Context,
    key: str,
    request: RequestText,
    run: Callable[[], Awaitable[ExecutionResult]],
) -> ExecutionResult:
    """Run a mutation under the token's key, or answer with what the first run answered."""
    token, problem = await retrying(
        lambda: authenticate(context.request, now=context.clock.now()), what="token lookup"
    )
    context.token, context.auth_problem = token, problem
    context.pending_authentication = False
    secret = bearer_secret(context.request.headers.get("authorization"))
    if token is None or secret is None:
        return await run()  # answered UNAUTHENTICATED; nothing to remember
    keys = TokenKeys.of(secret)
    mac = keys.mac(request)
    now = context.clock.now()
    try:
        async with in_transaction():
            try:
                async with in_transaction():
                    record = await IdempotentRequest.create(
                        token_id=token.pk,
                        key=key,
                        request_mac=mac,
                        sealed_answer=b"",
                        created_at=now,
                    )
            except IntegrityError:
                return await _answer_again(token.pk, key, mac, keys)
            result = await run()
            if _did_not_finish(result):
                raise _Unavailable(result)  # rolls back what it did and the key; a retry runs
            if is_refusal(result):
                await record.delete()  # a retry with more rights runs for real
            else:
                record.sealed_answer = keys.sealed(_stored(result), _row(token.pk, key))
                await record.save(update_fields=["sealed_answer"])
            await IdempotentRequest.filter(
                token_id=token.pk, created_at__lt=now - KEPT_FOR
            ).delete()
        return result
    except _Unavailable as unavailable:
        return unavailable.result


async def _answer_again(token_id: int, key: str, mac: str, keys: TokenKeys) -> ExecutionResult:
    record = await IdempotentRequest.get(token_id=token_id, key=key)
    if not hmac.compare_digest(record.request_mac, mac):
        raise KeyProblem(
            422,
            "IDEMPOTENCY_KEY_REUSED",
            f"This {HEADER} was used for another request; use a new key for a new request.",
        )
    try:
        return _replayed(keys.opened(record.sealed_answer, _row(token_id, key)))
    except InvalidTag:
        raise KeyProblem(
            422,
            "IDEMPOTENCY_KEY_REUSED",
            f"The answer kept under this {HEADER} cannot be read back; use a new key.",
        ) from None
