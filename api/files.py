"""Document file download, for users of the environment that owns the document only."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from api.auth import authenticate
from api.permissions import Sight, refusal, token_may
from models import Document
from overdracht.filestore import FileNotStoredError, FileStore


def _problem(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def download_endpoint(files: FileStore):
    """The handler for GET /documents/{id}/file, bound to the service's file store."""

    async def download(request: Request) -> Response:
        token, problem = await authenticate(request)
        if token is None:
            return _problem(401, "UNAUTHENTICATED", problem or "Authentication required.")
        if not token_may(token, Sight.DOCUMENTS):
            return _problem(403, "FORBIDDEN", refusal(token, Sight.DOCUMENTS))
        raw_id = request.path_params["document_id"]
        if not raw_id.isdigit():
            return _problem(404, "NOT_FOUND", "No such document.")
        document = await Document.get_or_none(
            pk=int(raw_id), administration__environment_id=token.user.environment_id
        )
        if document is None:
            return _problem(404, "NOT_FOUND", "No such document.")
        try:
            stream = files.stream(document.storage_key)
            first_chunk = await anext(stream, b"")
        except FileNotStoredError:
            return _problem(500, "FILE_MISSING", "The file of this document is missing.")

        async def body():
            yield first_chunk
            async for chunk in stream:
                yield chunk

        safe_name = document.file_name.replace('"', "")
        return StreamingResponse(
            body(),
            media_type=document.content_type,
            headers={
                "Content-Length": str(document.size),
                "Content-Disposition": f'attachment; filename="{safe_name}"',
                "X-Content-SHA256": document.sha256,
            },
        )

    return download
