"""Document file download, for users of the environment that owns the document only.

Two ways in: the token in the Authorization header, or a signed link (`Document.downloadUrl`)
that a browser can follow as it is; both end in the same checks and the same answer.
"""

from __future__ import annotations

import unicodedata
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from api.auth import UNKNOWN_TOKEN, authenticate, reauthenticate_id
from api.download_links import DownloadLinks
from api.ids import max_id, parse_database_id
from api.permissions import Sight, refusal, token_may
from models import ApiToken, Document
from overdracht.clock import Clock
from overdracht.db_faults import is_database_fault, retrying
from overdracht.filestore import FileNotStoredError, FileReadTimeout, FileStore, StoreUnavailable

# How soon a client may try again when the file store does not answer.
STORE_RETRY_AFTER_SECONDS = 5


def _problem(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        {"error": {"code": code, "message": message}}, status_code=status, headers=headers
    )


def content_disposition(file_name: str) -> str:
    """An attachment header that carries any file name: RFC 6266 with RFC 5987's filename*."""
    # Header values are latin-1, so `filename` gets an ASCII stand-in (accents dropped, anything
    # else, quotes and line breaks included, as '_') and `filename*` the real name, UTF-8 encoded.
    letters = (c for c in unicodedata.normalize("NFKD", file_name) if not unicodedata.combining(c))
    ascii_name = "".join(
        c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in letters
    )
    encoded = quote(file_name, safe="", errors="replace")
    return f"attachment; filename=\"{ascii_name or 'download'}\"; filename*=UTF-8''{encoded}"


Handler = Callable[[Request], Coroutine[Any, Any, Response]]


def answering_database_faults(handler: Handler) -> Handler:
    """A download the database failed under is a 503 the client may try again, not a 500."""

    async def download(request: Request) -> Response:
        try:
            return await handler(request)
        except Exception as error:
            if not is_database_fault(error):
                raise
            return _problem(
                503, "SERVICE_UNAVAILABLE", "The service cannot reach its database; try again."
            )

    return download


def download_endpoint(files: FileStore, clock: Clock) -> Handler:
    """The handler for GET /documents/{id}/file, bound to the service's file store and clock."""

    async def download(request: Request) -> Response:
        token, problem = await retrying(
            lambda: authenticate(request, now=clock.now()), what="token lookup"
        )
        if token is None:
            return _problem(401, "UNAUTHENTICATED", problem or "Authentication required.")
        pk = parse_database_id(request.path_params["document_id"], max_id("Document"))
        return await _serve(files, token, pk)

    return answering_database_faults(download)


def signed_download_endpoint(files: FileStore, clock: Clock, links: DownloadLinks) -> Handler:
    """The handler for GET /documents/{id}/file/{grant}: a link from `Document.downloadUrl`.

    No header: the link itself says for whom, and is checked against what holds now.
    """

    async def download(request: Request) -> Response:
        pk = parse_database_id(request.path_params["document_id"], max_id("Document"))
        grant = links.read(pk, request.path_params["grant"]) if pk is not None else None
        if pk is None or grant is None:
            return _problem(404, "NOT_FOUND", "No such document.")
        now = clock.now()
        if now.timestamp() >= grant.expires:
            return _problem(
                403, "LINK_EXPIRED", "This download link has expired; ask for the document again."
            )
        token, problem = await retrying(
            lambda: reauthenticate_id(grant.token_id, now=now), what="token lookup"
        )
        if token is None or token.user_id != grant.user_id:
            return _problem(401, "UNAUTHENTICATED", problem or UNKNOWN_TOKEN)
        return await _serve(files, token, pk)

    return answering_database_faults(download)


async def _serve(files: FileStore, token: ApiToken, pk: int | None) -> Response:
    """The document's file, when the token's user may see documents and it is in their office."""
    if not token_may(token, Sight.DOCUMENTS):
        return _problem(403, "FORBIDDEN", refusal(token, Sight.DOCUMENTS))
    if pk is None:
        return _problem(404, "NOT_FOUND", "No such document.")
    document = await Document.get_or_none(
        pk=pk, administration__environment_id=token.user.environment_id
    )
    if document is None:
        return _problem(404, "NOT_FOUND", "No such document.")
    try:
        stream = files.stream(document.storage_key)
        first_chunk = await anext(stream, b"")
    except FileNotStoredError:
        return _problem(500, "FILE_MISSING", "The file of this document is missing.")
    except FileReadTimeout:
        return _problem(503, "FILE_UNREADABLE", "The file store did not answer in time.")
    except StoreUnavailable:
        return _problem(
            503,
            "STORAGE_UNAVAILABLE",
            "The file store is not answering; try again in a moment.",
            {"Retry-After": str(STORE_RETRY_AFTER_SECONDS)},
        )

    async def body() -> AsyncIterator[bytes]:
        yield first_chunk
        async for chunk in stream:
            yield chunk

    return StreamingResponse(
        body(),
        media_type=document.content_type,
        headers={
            "Content-Length": str(document.size),
            "Content-Disposition": content_disposition(document.file_name),
            "X-Content-SHA256": document.sha256,
            # A document is for the one who asked: no shared cache keeps it, and a link in the
            # address bar is not passed on to whatever the browser opens next.
            "Cache-Control": "private, no-store",
            "Referrer-Policy": "no-referrer",
        },
    )
