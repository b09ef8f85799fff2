"""Proof of what moved: a CSV of every document of a completed move, with its file's checksums.

Written by the worker inside the transaction that changes ownership, from the archive as that
transaction sees it, and stored in the file store under its own SHA-256, which the receipt
records in the same transaction: a crash before the commit leaves at most a stored file that
nobody can reach, and the rerun writes the same bytes to the same key. So the bytes depend on
the archive alone: rows in document order, no moment of writing anywhere in them.

The archive is read in keyset pages and written to a temporary file, which the store copies in
chunks: a manifest of a million documents never sits whole in memory.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import io
import tempfile
from collections.abc import AsyncGenerator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from models import Document
from models.enums import MoveFailure
from overdracht.db import is_postgres
from overdracht.db_faults import is_connection_lost
from overdracht.filestore import Digesting, FileStore
from overdracht.global_id import global_id
from overdracht.settings import MoveVerification
from worker.move import MoveFailed

COLUMNS = (
    "document_id",
    "title",
    "kind",
    "status",
    "file_name",
    "size",
    "sha256",
    "md5",
    "verified_by",
)
SEPARATORS = len(COLUMNS) - 1
# What a spreadsheet takes for the start of a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# One document as the manifest reads it: id, title, kind, status, file name, size, SHA-256, MD5.
Row = Sequence[object]


@dataclass(frozen=True)
class Manifest:
    """A stored manifest: its SHA-256 (also its key in the store), its size and its rows."""

    sha256: str
    size: int
    documents: int


def manifest_file_name(administration_code: str, sha256: str) -> str:
    """The name a download suggests: the administration's code and the start of the hash."""
    return f"manifest-{administration_code}-{sha256[:12]}.csv"


class ManifestWriter:
    """Writes the manifest of an administration's archive, a page of documents at a time."""

    def __init__(self, files: FileStore, page_size: int) -> None:
        self.files = files
        self.page_size = page_size

    async def write(self, administration_id: int, verification: MoveVerification) -> Manifest:
        """Write and store the manifest; the same archive always gives the same bytes.

        A disk or store that fails it fails the move (nothing moved, retry later); a database
        that went away is left to the mover, which hands the move back.
        """
        try:
            return await self._write(administration_id, verification.value.lower())
        except OSError as error:  # StoreUnavailable too
            if is_connection_lost(error):
                raise
            raise MoveFailed(
                MoveFailure.STORAGE_UNAVAILABLE,
                f"The manifest of the move could not be stored: {error}. Nothing was moved; "
                "retry the move once the file store answers again.",
            ) from None

    async def _write(self, administration_id: int, verified_by: str) -> Manifest:
        documents = 0
        digesting = Digesting()
        with tempfile.TemporaryDirectory(prefix="overdracht-manifest-") as directory:
            path = Path(directory) / "manifest.csv"
            with path.open("wb") as handle:
                _append(handle, digesting, _csv_lines([COLUMNS]))
                # Closed at once when writing fails, so no page is still being read on the
                # completing transaction's connection while that transaction rolls back.
                async with contextlib.aclosing(self._pages(administration_id)) as pages:
                    async for page in pages:
                        text = "".join([_line(row, verified_by) for row in page])
                        await asyncio.to_thread(_append, handle, digesting, text)
                        documents += len(page)
            stored = await self.files.put_file(path, digesting.digests())
        return Manifest(sha256=stored.sha256, size=stored.size, documents=documents)

    async def _pages(self, administration_id: int) -> AsyncGenerator[list[Row], None]:
        """The archive in document order, the next page read while one is written."""
        following = asyncio.ensure_future(self._page(administration_id, 0))
        try:
            while page := await following:
                if len(page) == self.page_size:
                    after = int(str(page[-1][0]))
                    following = asyncio.ensure_future(self._page(administration_id, after))
                yield page
                if len(page) < self.page_size:
                    return
        finally:
            if not following.done():
                following.cancel()
            with contextlib.suppress(BaseException):
                await following

    async def _page(self, administration_id: int, after: int) -> list[Row]:
        """One keyset page of the archive: an index range scan."""
        a, b, n = ("$1", "$2", "$3") if is_postgres() else ("?", "?", "?")
        sql = (
            'SELECT "id", "title", "kind", "status", "file_name", "size", "sha256", "md5" '
            f'FROM "document" WHERE "administration_id" = {a} AND "id" > {b} '
            f'ORDER BY "id" LIMIT {n}'
        )
        _, rows = await Document._meta.db.execute_query(
            sql, [administration_id, after, self.page_size]
        )
        return [tuple(row) for row in rows]


def _append(handle: BinaryIO, digesting: Digesting, text: str) -> None:
    """Write lines to the file and to its digests, so the file is not read again to store it."""
    data = text.encode("utf-8")
    handle.write(data)
    digesting.update(data)


def _line(row: Row, verified_by: str) -> str:
    """One document's line: its global ID as the API gives it (`Document.id`), then its file.

    Written out directly: a manifest of a million lines took 10.2 s of CPU through the csv
    module and takes 4.5 to 4.8 s so (docs/benchmarks.md). A line with a value that needs
    quotes (a comma, a double quote or a line break: in practice a title or a file name) is
    left to the csv module, so the bytes are the same either way.
    """
    pk, title, kind, status, file_name, size, sha256, md5 = row
    document_id = global_id("Document", int(str(pk)))
    title, file_name = as_text(str(title)), as_text(str(file_name))
    md5 = "" if md5 is None else md5
    line = f"{document_id},{title},{kind},{status},{file_name},{size},{sha256},{md5},{verified_by}"
    if line.count(",") == SEPARATORS and '"' not in line and "\r" not in line and "\n" not in line:
        return line + "\r\n"
    cells = (document_id, title, kind, status, file_name, size, sha256, md5, verified_by)
    return _csv_lines([[str(cell) for cell in cells]])


def as_text(value: str) -> str:
    """An uploaded value a spreadsheet would run as a formula, with a leading ' to keep it text."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _csv_lines(lines: Sequence[Sequence[object]]) -> str:
    """Lines as RFC 4180 has them: CRLF after each, quotes only where a value needs them."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(lines)
    return buffer.getvalue()
