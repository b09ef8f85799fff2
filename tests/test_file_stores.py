"""Both file stores keep the same promises: checksums at the door, verification, deadlines.

The S3 store is tested against a real S3 server (SeaweedFS on loopback, see
tests/file_stores.py), which checks the checksum an upload carries: a mock would not.
"""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import hashlib
import json
import os
import sys
import time

import obstore
import pytest

from models import Document
from overdracht.filestore import (
    SINGLE_PART_LIMIT,
    DirectoryFileStore,
    FileNotStoredError,
    FileProblem,
    FileTooLarge,
    ListedFile,
    StoreUnavailable,
    UploadRefused,
    object_name,
)
from overdracht.s3_store import PART_SIZE, S3FileStore, s3_client
from overdracht.settings import ObjectStoreSettings, load_settings
from overdracht.storage import open_file_store, open_local_file_store
from tests.file_stores import (
    BOUND_OF_A_DEADLINE,
    SeaweedFS,
    both_file_stores,
    remove_stored,
    replace_stored,
)

DEADLINE = 1.5


async def _read(files, key: str) -> bytes:
    return b"".join([chunk async for chunk in files.stream(key)])


async def _listed(files) -> list[ListedFile]:
    return [entry async for page in files.listing() for entry in page]


@both_file_stores
async def test_a_stored_file_streams_back_whole_with_its_three_checksums(files):
    data = os.urandom(700 * 1024)  # several chunks
    stored = await files.put(data)
    assert stored.size == len(data)
    assert stored.sha256 == stored.key == hashlib.sha256(data).hexdigest()
    assert stored.md5 == hashlib.md5(data).hexdigest()
    assert await _read(files, stored.key) == data
    assert await files.checksum(stored.key) == stored.sha256
    assert await files.put(data) == stored, "the same bytes again are the same file"


@both_file_stores
async def test_a_key_the_store_does_not_hold_is_not_stored(files):
    with pytest.raises(FileNotStoredError):
        await _read(files, "ab" * 32)
    with pytest.raises(FileNotStoredError):
        await files.checksum("ab" * 32)
    with pytest.raises(FileNotStoredError):
        await _read(files, "../../etc/passwd")


@both_file_stores
async def test_verify_and_diagnose_tell_a_missing_file_from_a_damaged_one(files):
    intact, damaged, missing = [await files.put(f"document {i}".encode()) for i in range(3)]
    replace_stored(files, damaged.key, b"document 1 with a bit flipped")
    remove_stored(files, missing.key)
    expected = [(f.key, f.sha256) for f in (intact, damaged, missing)]
    assert await files.verify(expected) == [damaged.key, missing.key]
    assert await files.diagnose(intact.key, intact.sha256) is None
    assert await files.diagnose(damaged.key, damaged.sha256) == FileProblem.DAMAGED
    assert await files.diagnose(missing.key, missing.sha256) == FileProblem.MISSING


@both_file_stores
async def test_the_listing_shows_every_file_with_its_size_without_reading_it(files):
    stored = [await files.put(f"listed {i}".encode() * (i + 1)) for i in range(5)]
    listed = await _listed(files)
    assert sorted((e.key, e.size) for e in listed) == sorted((f.key, f.size) for f in stored)
    if isinstance(files, DirectoryFileStore):
        assert {e.etag for e in listed} == {None}
    else:
        assert {e.key: e.etag for e in listed} == {f.key: f.md5 for f in stored}


@both_file_stores
async def test_a_file_above_the_maximum_size_is_refused_and_nothing_is_stored(files):
    files.max_file_bytes = 10
    assert (await files.put(b"0123456789")).size == 10
    with pytest.raises(FileTooLarge, match=r"at most 10 bytes.*this one has 11"):
        await files.put(b"0123456789!")
    assert len(await _listed(files)) == 1


def test_the_service_store_keeps_the_maximum_and_a_copy_target_takes_any_single_part(tmp_path):
    settings = load_settings({"OVERDRACHT_MAX_DOCUMENT_BYTES": "2048"}).with_overrides(
        data_dir=tmp_path
    )
    store = open_file_store(settings)
    assert isinstance(store, DirectoryFileStore) and store.max_file_bytes == 2048
    assert open_local_file_store(settings).max_file_bytes == SINGLE_PART_LIMIT


@both_file_stores
async def test_a_range_of_the_fan_out_lists_only_its_own_files(files):
    stored = [await files.put(f"ranged {i}".encode()) for i in range(40)]
    first = stored[0].key
    for prefix in (f"{first[:2]}/", f"{first[:2]}/{first[2:4]}/"):
        width = len(prefix.replace("/", ""))
        listed = [entry async for page in files.listing(prefix) for entry in page]
        assert sorted(e.key for e in listed) == sorted(
            f.key for f in stored if f.key[:width] == first[:width]
        )
    for not_a_range in ("../", "zz/", "ab", "ab/cd/ef/"):
        with pytest.raises(ValueError, match="not a range"):
            [page async for page in files.listing(not_a_range)]


@both_file_stores
async def test_a_document_records_size_sha256_and_md5_of_its_file(factory, files):
    environment = await factory.environment()
    administration = await factory.administration(await factory.connection(environment))
    data = b"%PDF-1.4 checksums at the door"
    document = await factory.document(administration, data=data)
    row = await Document.get(pk=document.pk)
    assert (row.size, row.sha256, row.md5) == (
        len(data),
        hashlib.sha256(data).hexdigest(),
        hashlib.md5(data).hexdigest(),
    )
    assert await _read(files, row.storage_key) == data


async def test_an_objects_etag_is_the_md5_and_its_metadata_the_sha256(seaweedfs: SeaweedFS):
    files = S3FileStore.from_settings(
        seaweedfs.settings(prefix="etag"), read_timeout=5, write_timeout=5
    )
    data = os.urandom(300 * 1024)
    stored = await files.put(data)
    bucket = s3_client(seaweedfs.settings(prefix="etag"), timeout=5)
    head = await obstore.head_async(bucket, object_name(stored.key))
    assert head["e_tag"].strip('"') == stored.md5 == hashlib.md5(data).hexdigest()
    assert head["size"] == len(data)
    got = await obstore.get_async(bucket, object_name(stored.key))
    assert got.attributes["sha256"] == stored.sha256


async def test_a_corrupt_upload_is_refused_by_the_server_and_nothing_is_stored(
    seaweedfs: SeaweedFS,
):
    """The client sends a checksum of other bytes, as if the file changed on its way."""
    where = seaweedfs.settings(prefix="corrupt")
    wrong = base64.b64encode(hashlib.sha256(b"other bytes").digest()).decode()
    honest = S3FileStore.from_settings(where, read_timeout=5, write_timeout=5)
    lying = S3FileStore(
        uploads=s3_client(
            where, timeout=5, checksum=False, headers={"x-amz-checksum-sha256": wrong}
        ),
        reads=s3_client(where, timeout=5),
        downloads=s3_client(where, timeout=5, per_read=True),
        read_timeout=5,
        write_timeout=5,
    )
    data = b"%PDF-1.4 the bytes that were meant"
    with pytest.raises(UploadRefused, match="do not match their checksum"):
        await lying.put(data)
    key = hashlib.sha256(data).hexdigest()
    with pytest.raises(FileNotStoredError):
        await _read(honest, key)
    assert (await honest.put(data)).key == key, "the same bytes with their own checksum pass"


async def test_every_upload_carries_the_checksum_of_its_own_bytes(seaweedfs: SeaweedFS):
    """The store's client puts the checksum header on each upload itself: a wrong one set for
    every request never reaches the server, so the header the server checks is the real one."""
    where = seaweedfs.settings(prefix="own-checksum")
    wrong = base64.b64encode(hashlib.sha256(b"other bytes").digest()).decode()
    files = S3FileStore(
        uploads=s3_client(where, timeout=5, headers={"x-amz-checksum-sha256": wrong}),
        reads=s3_client(where, timeout=5),
        downloads=s3_client(where, timeout=5, per_read=True),
        read_timeout=5,
        write_timeout=5,
    )
    stored = await files.put(b"%PDF-1.4 checked at the door")
    assert await files.checksum(stored.key) == stored.sha256


async def test_a_frozen_store_fails_every_call_within_its_deadline(seaweedfs: SeaweedFS):
    files = S3FileStore.from_settings(
        seaweedfs.settings(prefix="frozen"), read_timeout=DEADLINE, write_timeout=DEADLINE
    )
    stored = await files.put(b"before the freeze")
    calls = {
        "put": lambda: files.put(b"during the freeze"),
        "stream": lambda: _read(files, stored.key),
        "checksum": lambda: files.checksum(stored.key),
        "verify": lambda: files.verify([(stored.key, stored.sha256)]),
        "diagnose": lambda: files.diagnose(stored.key, stored.sha256),
        "listing": lambda: _listed(files),
    }

    async def timed(call) -> float:
        started = time.monotonic()
        with pytest.raises(StoreUnavailable):
            await call()
        return time.monotonic() - started

    with seaweedfs.frozen():
        took = dict(
            zip(calls, await asyncio.gather(*(timed(c) for c in calls.values())), strict=True)
        )
    assert all(seconds < BOUND_OF_A_DEADLINE for seconds in took.values()), took
    assert await files.verify([(stored.key, stored.sha256)]) == [], "thawed, it answers again"


async def test_an_unreachable_store_is_unavailable_not_a_missing_file():
    nowhere = ObjectStoreSettings(
        bucket="overdracht-test",
        endpoint="http://127.0.0.1:9",
        access_key_id="k",
        secret_access_key="s",
    )
    files = S3FileStore.from_settings(nowhere, read_timeout=DEADLINE, write_timeout=DEADLINE)
    with pytest.raises(StoreUnavailable, match="could not be reached"):
        await files.verify([("ab" * 32, "0" * 64)])
    with pytest.raises(StoreUnavailable):
        await files.diagnose("ab" * 32, "0" * 64)


async def test_the_settings_choose_the_bucket_and_its_credentials(seaweedfs: SeaweedFS, tmp_path):
    settings = load_settings(
        {**seaweedfs.environment(prefix="chosen/by/settings"), "OVERDRACHT_DATA_DIR": str(tmp_path)}
    )
    files = open_file_store(settings)
    assert isinstance(files, S3FileStore)
    stored = await files.put(b"through the settings")
    behind = S3FileStore.from_settings(
        seaweedfs.settings(prefix="chosen/by/settings"), read_timeout=5, write_timeout=5
    )
    assert await _read(behind, stored.key) == b"through the settings"
    assert not (tmp_path / "files").exists(), "nothing went to the local disk"

    local = open_file_store(load_settings({"OVERDRACHT_DATA_DIR": str(tmp_path)}))
    assert isinstance(local, DirectoryFileStore) and local.root == tmp_path / "files"


# A file of many parts, uploaded in a process of its own: how much more memory the process
# holds once the upload is done (VmRSS, in KiB).
_UPLOAD_IN_A_FRESH_PROCESS = """
import asyncio, json, sys
from pathlib import Path
from overdracht.s3_store import S3FileStore
from overdracht.settings import ObjectStoreSettings

def resident_kib():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))

async def main():
    files = S3FileStore.from_settings(
        ObjectStoreSettings(**json.loads(sys.argv[1])), read_timeout=30, write_timeout=30
    )
    await files.put(b"a first request, so the client is ready")
    before = resident_kib()
    stored = await files.put_file(Path(sys.argv[2]))
    print(json.dumps({"grown_kib": resident_kib() - before, "size": stored.size}))

asyncio.run(main())
"""


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="reads Linux's VmRSS")
async def test_an_upload_of_many_parts_leaves_no_memory_behind(seaweedfs: SeaweedFS, tmp_path):
    """A move's manifest of a million documents is 40 parts: each part's buffer is given back
    once sent, so the memory an upload holds does not grow with the file (native_memory.py)."""
    path = tmp_path / "manifest.csv"
    line = b"a line of a large manifest, much like a document's, with its checksums\r\n"
    with path.open("wb") as handle:
        for _ in range(12):  # 12 parts of 5 MB
            handle.write(line * (PART_SIZE // len(line) + 1))
    where = seaweedfs.settings(prefix="many-parts")
    done = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        _UPLOAD_IN_A_FRESH_PROCESS,
        json.dumps(dataclasses.asdict(where)),
        str(path),
        stdout=asyncio.subprocess.PIPE,
    )
    out, _ = await done.communicate()
    assert done.returncode == 0
    result = json.loads(out)
    assert result["size"] == path.stat().st_size
    # Without the fix the process kept about 20 MB of this upload's parts; with it, under 1 MB.
    assert result["grown_kib"] < 8 * 1024, result
