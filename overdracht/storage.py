"""The file store the settings choose, built in one place for the service, workers and CLI."""

from __future__ import annotations

from overdracht.filestore import DirectoryFileStore, FileStore
from overdracht.s3_store import S3FileStore
from overdracht.settings import Settings


def open_file_store(settings: Settings) -> FileStore:
    """The bucket of OVERDRACHT_FILE_STORE, or else the directory under OVERDRACHT_DATA_DIR."""
    read_timeout = settings.file_read_timeout.total_seconds()
    write_timeout = settings.file_write_timeout.total_seconds()
    if settings.object_store is not None:
        return S3FileStore.from_settings(
            settings.object_store, read_timeout=read_timeout, write_timeout=write_timeout
        )
    return DirectoryFileStore(
        settings.data_dir / "files", read_timeout=read_timeout, write_timeout=write_timeout
    )
