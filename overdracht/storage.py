"""The file store the settings choose, built in one place for the service, workers and CLI."""

from __future__ import annotations

from overdracht.filestore import DirectoryFileStore, FileStore
from overdracht.s3_store import S3FileStore
from overdracht.settings import ObjectStoreSettings, Settings


def open_file_store(settings: Settings) -> FileStore:
    """The bucket of OVERDRACHT_FILE_STORE, or else the directory under OVERDRACHT_DATA_DIR."""
    if settings.object_store is not None:
        return open_bucket(settings, settings.object_store)
    return open_local_file_store(settings)


def open_local_file_store(settings: Settings) -> DirectoryFileStore:
    """The directory under OVERDRACHT_DATA_DIR, whatever OVERDRACHT_FILE_STORE says."""
    return DirectoryFileStore(
        settings.data_dir / "files",
        read_timeout=settings.file_read_timeout.total_seconds(),
        write_timeout=settings.file_write_timeout.total_seconds(),
    )


def open_bucket(settings: Settings, bucket: ObjectStoreSettings) -> S3FileStore:
    """A bucket other than the configured one (a copy's target), with the settings' deadlines."""
    return S3FileStore.from_settings(
        bucket,
        read_timeout=settings.file_read_timeout.total_seconds(),
        write_timeout=settings.file_write_timeout.total_seconds(),
    )
