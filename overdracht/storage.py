"""The file store the settings choose, built in one place for the service, workers and CLI."""

from __future__ import annotations

from overdracht.filestore import SINGLE_PART_LIMIT, DirectoryFileStore, FileStore
from overdracht.s3_store import S3FileStore
from overdracht.settings import ObjectStoreSettings, Settings


def open_file_store(settings: Settings) -> FileStore:
    """The bucket of OVERDRACHT_FILE_STORE, or else the directory under OVERDRACHT_DATA_DIR;
    either refuses a file above OVERDRACHT_MAX_DOCUMENT_BYTES."""
    limit = settings.max_document_bytes
    if settings.object_store is not None:
        return open_bucket(settings, settings.object_store, max_file_bytes=limit)
    return open_local_file_store(settings, max_file_bytes=limit)


def open_local_file_store(
    settings: Settings, *, max_file_bytes: int = SINGLE_PART_LIMIT
) -> DirectoryFileStore:
    """The directory under OVERDRACHT_DATA_DIR, whatever OVERDRACHT_FILE_STORE says."""
    return DirectoryFileStore(
        settings.data_dir / "files",
        read_timeout=settings.file_read_timeout.total_seconds(),
        write_timeout=settings.file_write_timeout.total_seconds(),
        max_file_bytes=max_file_bytes,
    )


def open_bucket(
    settings: Settings, bucket: ObjectStoreSettings, *, max_file_bytes: int = SINGLE_PART_LIMIT
) -> S3FileStore:
    """A bucket with the settings' deadlines; a copy's target takes files up to S3's
    single-part limit, so no file already stored is left behind."""
    return S3FileStore.from_settings(
        bucket,
        read_timeout=settings.file_read_timeout.total_seconds(),
        write_timeout=settings.file_write_timeout.total_seconds(),
        max_file_bytes=max_file_bytes,
    )
