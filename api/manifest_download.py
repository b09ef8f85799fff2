"""The download of a completed move's manifest (`MoveReceipt.manifestDownloadPath`).

A manifest names every document that moved and its file's checksums, so it is read as the
documents are: by the superusers of the two offices the move was between, with a full token.
A partner's read-only token sees receipts but never documents or files (rule 1), and is refused
as it is for a document's file.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from api.auth import authenticate
from api.files import STORE_RETRY_AFTER_SECONDS, Handler, answering_database_faults
from api.files import content_disposition as attachment
from api.ids import parse_database_id
from api.permissions import Sight, refusal, token_may
from models import ApiToken, MigrationAdministration
from models.enums import MigrationStatus
from overdracht.clock import Clock
from overdracht.db_faults import retrying
from overdracht.filestore import FileNotStoredError, FileReadTimeout, FileStore, StoreUnavailable
from worker.manifest import manifest_file_name

# The sights a manifest needs: the move's receipt (superusers) and its files (no partner).
MANIFEST_SIGHTS = (Sight.DOCUMENTS, Sight.MIGRATIONS)


def manifest_path(item_id: int) -> str:
    """Where the manifest of a completed move downloads, relative to the service URL."""
    return f"/moves/{item_id}/manifest"


def _problem(status: int, code: str, message: str, **headers: str) -> JSONResponse:
    return JSONResponse(
        {"error": {"code": code, "message": message}}, status_code=status, headers=headers
    )


def _code_known_to(office: int, item: MigrationAdministration) -> str:
    """The code the office knows the administration by: the receiver's chosen one is its own."""
    if office == item.target_environment_id and item.target_code:
        return item.target_code
    return item.administration_code


def manifest_endpoint(files: FileStore, clock: Clock) -> Handler:
    """The handler for GET /moves/{item_id}/manifest, bound to the file store and clock."""

    async def download(request: Request) -> Response:
        token, problem = await retrying(
            lambda: authenticate(request, now=clock.now()), what="token lookup"
        )
        if token is None:
            return _problem(401, "UNAUTHENTICATED", problem or "Authentication required.")
        return await _serve(files, token, parse_database_id(request.path_params["item_id"]))

    return answering_database_faults(download)


async def _serve(files: FileStore, token: ApiToken, pk: int | None) -> Response:
    """The manifest, for a superuser of the move's source or target with a full token."""
    for sight in MANIFEST_SIGHTS:
        if not token_may(token, sight):
            return _problem(403, "FORBIDDEN", refusal(token, sight))
    office = token.user.environment_id
    item = (
        await MigrationAdministration.get_or_none(pk=pk, status=MigrationStatus.COMPLETED)
        if pk is not None
        else None
    )
    if (
        item is None
        or item.manifest_sha256 is None
        or office not in (item.source_environment_id, item.target_environment_id)
    ):
        return _problem(404, "NOT_FOUND", "No such manifest.")
    sha256 = item.manifest_sha256
    try:
        stream = files.stream(sha256)
        first_chunk = await anext(stream, b"")
    except FileNotStoredError:
        return _problem(500, "FILE_MISSING", "The manifest's file is missing.")
    except FileReadTimeout:
        return _problem(503, "FILE_UNREADABLE", "The file store did not answer in time.")
    except StoreUnavailable:
        return _problem(
            503,
            "STORAGE_UNAVAILABLE",
            "The file store is not answering; try again in a moment.",
            **{"Retry-After": str(STORE_RETRY_AFTER_SECONDS)},
        )

    async def body() -> AsyncIterator[bytes]:
        yield first_chunk
        async for chunk in stream:
            yield chunk

    return StreamingResponse(
        body(),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": attachment(
                manifest_file_name(_code_known_to(office, item), sha256)
            ),
            "X-Content-SHA256": sha256,
            "Cache-Control": "private, no-store",
            "Referrer-Policy": "no-referrer",
        },
    )
