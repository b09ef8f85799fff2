"""Where the documents' files are, recorded once, so no process serves them from the wrong store.

A service started with OVERDRACHT_FILE_STORE naming a bucket the files were never copied to
would answer every download with "file missing" and store new files where the others are not.
The database therefore records the location (`local`, or `s3://bucket/prefix`); the service and
the workers compare their setting with it at start, and only `overdracht storage copy`, after it
verified every file in the bucket, moves the record.
"""

from __future__ import annotations

from datetime import datetime

from tortoise import fields
from tortoise.models import Model

HOME_ID = 1


class FileStoreHome(Model):
    """The one row saying where the documents' files live, and since when."""

    id = fields.IntField(primary_key=True)
    # `local` (the directory under OVERDRACHT_DATA_DIR) or `s3://bucket[/prefix]`.
    location = fields.CharField(max_length=1100)
    recorded_at = fields.DatetimeField()

    class Meta:
        table = "file_store_home"


async def file_store_home() -> FileStoreHome | None:
    """The recorded location, or None for a database nothing was ever recorded in."""
    return await FileStoreHome.get_or_none(id=HOME_ID)


async def record_file_store_home(location: str, now: datetime) -> FileStoreHome:
    """The recorded location, recording `location` first when there is none yet.

    Two processes starting at once both end with the row the first one wrote.
    """
    home, _ = await FileStoreHome.get_or_create(
        id=HOME_ID, defaults={"location": location, "recorded_at": now}
    )
    return home


async def move_file_store_home(location: str, now: datetime) -> FileStoreHome:
    """Record that the files now live at `location`: only after they were all verified there."""
    home, created = await FileStoreHome.get_or_create(
        id=HOME_ID, defaults={"location": location, "recorded_at": now}
    )
    if not created:
        home.location = location
        home.recorded_at = now
        await home.save(update_fields=["location", "recorded_at"])
    return home
