"""`overdracht storage copy`: an installation's files moved from the local disk to a real bucket.

The command runs as an operator runs it, in its own process, against the test's database and
local store and the session's SeaweedFS; the service and the worker after it too.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest

from models import Document
from models.file_store_home import file_store_home, move_file_store_home
from overdracht.filestore import FileStore
from overdracht.s3_store import S3FileStore
from overdracht.scratch_database import connected
from overdracht.settings import Settings
from tests.file_stores import TEST_DEADLINE_SECONDS, SeaweedFS, remove_stored, replace_stored
from tests.live_server import free_port
from tests.test_migrations import OLD_ROWS, migrate_to, run_migrate

ROOT = Path(__file__).resolve().parent.parent
SUMMARY_RE = re.compile(r"copied ([\d,]+), already there ([\d,]+), failed ([\d,]+)")


def _number(text: str) -> int:
    return int(text.replace(",", ""))


class Bucket:
    """A fresh prefix in the session's bucket: where one test copies to, and how to look."""

    def __init__(self, seaweedfs: SeaweedFS) -> None:
        self.seaweedfs = seaweedfs
        self.prefix = f"copy-{uuid.uuid4().hex[:12]}"
        self.location = f"s3://overdracht-test/{self.prefix}"
        self.store = S3FileStore.from_settings(
            seaweedfs.settings(prefix=self.prefix),
            read_timeout=TEST_DEADLINE_SECONDS,
            write_timeout=TEST_DEADLINE_SECONDS,
        )

    def aws(self) -> dict[str, str]:
        """The AWS variables the service reads, without OVERDRACHT_FILE_STORE."""
        env = self.seaweedfs.environment(self.prefix)
        del env["OVERDRACHT_FILE_STORE"]
        return env

    def service(self) -> dict[str, str]:
        """The environment of a service switched to this bucket."""
        return self.seaweedfs.environment(self.prefix)

    async def settled(self) -> dict[str, tuple[int, str | None]]:
        """What the bucket holds once the uploads a killed client had sent are written."""
        held = await self.etags()
        while True:
            await asyncio.sleep(0.5)
            again = await self.etags()
            if again == held:
                return held
            held = again

    async def etags(self) -> dict[str, tuple[int, str | None]]:
        """Every key the bucket holds with its size and ETag."""
        held = {}
        async for page in self.store.listing():
            for listed in page:
                held[listed.key] = (listed.size, listed.etag)
        return held


@pytest.fixture
def bucket(seaweedfs: SeaweedFS) -> Bucket:
    """This test's own prefix in the bucket."""
    return Bucket(seaweedfs)


def command_env(settings: Settings, **extra: str) -> dict[str, str]:
    """The environment of an `overdracht` process on the test's database and local store."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("AWS_") and key != "OVERDRACHT_FILE_STORE"
    }
    return {
        **env,
        "OVERDRACHT_DATABASE_URL": settings.database_url,
        "OVERDRACHT_DATA_DIR": str(settings.data_dir),
        "OVERDRACHT_BACKGROUND_JOBS": "false",
        "OVERDRACHT_SMTP_PORT": "1",
        **extra,
    }


def overdracht(settings: Settings, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """One `overdracht` command to its end, as an operator runs it."""
    return subprocess.run(
        [sys.executable, "-m", "commands", *args],
        cwd=ROOT,
        env=command_env(settings, **env),
        capture_output=True,
        text=True,
        timeout=180,
    )


def copy_to(settings: Settings, bucket: Bucket, *args: str) -> subprocess.CompletedProcess[str]:
    """`overdracht storage copy --to` the test's bucket."""
    return overdracht(
        settings,
        "storage",
        "copy",
        "--to",
        bucket.location,
        "--progress-seconds",
        "0.2",
        *args,
        **bucket.aws(),
    )


def summary(stderr: str) -> tuple[int, int, int]:
    """Copied, already there and failed, from the summary line the command ends with."""
    done = [line for line in stderr.splitlines() if line.startswith("done: ")]
    assert done, stderr
    match = SUMMARY_RE.search(done[-1])
    assert match, done[-1]
    copied, already, failed = match.groups()
    return _number(copied), _number(already), _number(failed)


async def recorded_by_a_first_start(settings: Settings, bucket: Bucket) -> str:
    """Start a worker on the bucket and return the location it records, then stop it."""
    worker = subprocess.Popen(
        [sys.executable, "-m", "commands", "worker"],
        cwd=ROOT,
        env=command_env(settings, **bucket.service()),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 300  # a net: the worker records it at its start
        while (home := await file_store_home()) is None:
            assert worker.poll() is None, "the worker stopped"
            assert time.monotonic() < deadline, "nothing recorded"
            await asyncio.sleep(0.1)
        return home.location
    finally:
        worker.terminate()
        # A net against a worker that never stops, not a measure of how fast it does: the
        # stop waits for the round in hand, which a busy machine can make slow.
        worker.wait(timeout=300)


async def archive(factory, count: int):
    """An office with one administration holding `count` documents, and a superuser's token."""
    environment = await factory.environment()
    user = await factory.user(environment)
    connection = await factory.connection(environment)
    administration = await factory.administration(connection, name="Bakkerij De Korst")
    await factory.archive(administration, count)
    return administration, await factory.token(user)


async def test_a_full_copy_switches_the_location_and_the_service_serves_from_the_bucket(
    factory, settings, files: FileStore, bucket: Bucket
):
    environment = await factory.environment()
    user = await factory.user(environment)
    connection = await factory.connection(environment)
    administration = await factory.administration(connection, documents=4)
    documents = await Document.filter(administration_id=administration.pk).order_by("id")

    result = copy_to(settings, bucket)

    assert result.returncode == 0, result.stderr
    assert summary(result.stderr) == (4, 0, 0)
    assert f"OVERDRACHT_FILE_STORE={bucket.location}" in result.stdout.splitlines()
    home = await file_store_home()
    assert home is not None and home.location == bucket.location
    held = await bucket.etags()
    assert {d.storage_key: (d.size, d.md5) for d in documents}.items() <= held.items()

    port = free_port()
    service = subprocess.Popen(
        [sys.executable, "-m", "commands", "serve", "--port", str(port)],
        cwd=ROOT,
        env=command_env(settings, **bucket.service()),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        token = await factory.token(user)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            for _ in range(300):
                try:
                    await client.get("/healthz")
                    break
                except httpx.TransportError:
                    assert service.poll() is None, service.communicate()[1]
                    await asyncio.sleep(0.05)
            # Gone from the local disk: the bytes can only come from the bucket.
            remove_stored(files, documents[0].storage_key)
            response = await client.get(
                f"/documents/{documents[0].pk}/file",
                headers={"Authorization": f"Bearer {token}"},
            )
        assert response.status_code == 200, response.text
        assert hashlib.sha256(response.content).hexdigest() == documents[0].sha256
    finally:
        service.terminate()
        service.communicate(timeout=15)


async def test_a_copy_killed_mid_way_resumes_and_copies_only_what_is_left(
    factory, settings, bucket: Bucket
):
    administration, _ = await archive(factory, 1500)
    process = start_copy(settings, bucket)
    try:
        wait_until_copied(process, 100)
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait(timeout=15)
    there = await bucket.settled()
    assert 100 <= len(there) < 1500, "killed mid-way"
    home = await file_store_home()
    assert home is not None and home.location == "local"

    # The service still runs on the local disk: a document arrives before the second run.
    late = await factory.document(administration)
    result = copy_to(settings, bucket)

    assert result.returncode == 0, result.stderr
    copied, already, failed = summary(result.stderr)
    assert (already, failed) == (len(there), 0)
    assert copied == 1501 - len(there)
    held = await bucket.etags()
    assert late.storage_key in held
    assert len(held) == 1501
    home = await file_store_home()
    assert home is not None and home.location == bucket.location


def start_copy(settings: Settings, bucket: Bucket) -> subprocess.Popen[str]:
    """The copy in its own process, two uploads at a time, its progress readable as it goes."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "commands",
            "storage",
            "copy",
            "--to",
            bucket.location,
            "--concurrency",
            "2",
            "--progress-seconds",
            "0.05",
        ],
        cwd=ROOT,
        env=command_env(settings, **bucket.aws()),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_until_copied(process: subprocess.Popen[str], count: int) -> list[str]:
    """Read the copy's progress until it copied `count` files; the lines read so far."""
    assert process.stderr is not None
    lines = []
    for line in process.stderr:
        lines.append(line)
        match = SUMMARY_RE.search(line)
        if match and _number(match.group(1)) >= count:
            return lines
    pytest.fail(f"the copy ended before it copied {count} files:\n{''.join(lines)}")


async def test_documents_added_during_a_live_copy_keep_the_record_until_a_quiet_rerun(
    factory, settings, bucket: Bucket
):
    administration, _ = await archive(factory, 1500)
    process = start_copy(settings, bucket)
    try:
        wait_until_copied(process, 750)
        # The service still runs: documents arrive, most behind the copy's walk.
        for _ in range(20):
            await factory.document(administration)
        _, errors = process.communicate(timeout=120)
    finally:
        process.kill()
        process.wait(timeout=15)

    assert process.returncode == 1, errors
    assert "stop the service and run it again" in errors
    home = await file_store_home()
    assert home is not None and home.location == "local"

    there = await bucket.settled()
    result = copy_to(settings, bucket)

    assert result.returncode == 0, result.stderr
    copied, already, _ = summary(result.stderr)
    assert (copied, already) == (1520 - len(there), len(there))
    home = await file_store_home()
    assert home is not None and home.location == bucket.location


async def test_damaged_and_missing_local_files_are_named_and_the_location_stays_local(
    factory, settings, files: FileStore, bucket: Bucket
):
    environment = await factory.environment()
    connection = await factory.connection(environment)
    administration = await factory.administration(connection, name="Fietsen Jansen BV")
    good = await factory.document(administration)
    damaged = await factory.document(administration)
    missing = await factory.document(administration)
    replace_stored(files, damaged.storage_key, b"%PDF-1.4 not what was stored")
    remove_stored(files, missing.storage_key)

    result = copy_to(settings, bucket)

    assert result.returncode == 1, result.stderr
    assert summary(result.stderr) == (1, 0, 2)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    for document, problem in ((damaged, "damaged"), (missing, "missing")):
        named = [line for line in lines if f"'{document.title}'" in line]
        assert named, result.stderr
        assert document.file_name in named[0] and "Fietsen Jansen BV" in named[0]
        assert environment.office_code in named[0]
        said = lines[lines.index(named[0]) - 1]
        assert problem in said and document.storage_key in said
    assert "stay recorded on the local disk" in result.stderr
    held = await bucket.etags()
    assert good.storage_key in held
    assert damaged.storage_key not in held and missing.storage_key not in held
    home = await file_store_home()
    assert home is not None and home.location == "local"


async def test_documents_without_an_md5_get_it_from_the_copy(factory, settings, bucket: Bucket):
    administration, _ = await archive(factory, 5)
    await Document.filter(administration_id=administration.pk).update(md5=None)

    result = copy_to(settings, bucket)

    assert result.returncode == 0, result.stderr
    held = await bucket.etags()
    for document in await Document.filter(administration_id=administration.pk):
        assert document.md5 is not None
        assert held[document.storage_key] == (document.size, document.md5)


async def test_an_interrupted_copy_fills_the_md5_of_files_already_in_the_bucket(
    factory, settings, files: FileStore, bucket: Bucket
):
    """A run killed between the upload and the MD5's update leaves the file there, MD5 unknown."""
    administration, _ = await archive(factory, 3)
    documents = await Document.filter(administration_id=administration.pk)
    for document in documents:
        data = b"".join([chunk async for chunk in files.stream(document.storage_key)])
        await bucket.store.put(data)
    await Document.filter(administration_id=administration.pk).update(md5=None)

    result = copy_to(settings, bucket)

    assert result.returncode == 0, result.stderr
    assert summary(result.stderr) == (0, 3, 0)
    for document in await Document.filter(administration_id=administration.pk):
        data = b"".join([chunk async for chunk in files.stream(document.storage_key)])
        assert document.md5 == hashlib.md5(data).hexdigest()


async def test_copying_from_a_bucket_or_to_where_the_files_already_are_is_refused(
    factory, settings, clock, bucket: Bucket
):
    await archive(factory, 2)
    from_bucket = overdracht(
        settings, "storage", "copy", "--to", bucket.location, **bucket.service()
    )
    assert from_bucket.returncode == 2
    assert "copies from the local disk" in from_bucket.stderr
    assert "Traceback" not in from_bucket.stderr

    not_a_bucket = overdracht(settings, "storage", "copy", "--to", "s3://Not_A_Bucket")
    assert not_a_bucket.returncode == 2
    assert "--to must be s3://BUCKET" in not_a_bucket.stderr

    await move_file_store_home(bucket.location, clock.now())
    again = copy_to(settings, bucket)
    assert again.returncode == 2
    assert f"already in {bucket.location}" in again.stderr
    assert await bucket.etags() == {}, "nothing was copied"


async def test_serve_and_worker_refuse_a_file_store_that_is_not_where_the_files_are(
    factory, settings, clock, bucket: Bucket
):
    await archive(factory, 1)
    await move_file_store_home("local", clock.now())

    on_bucket = overdracht(settings, "worker", **bucket.service())

    assert on_bucket.returncode == 2
    assert on_bucket.stderr.count("\n") == 1, on_bucket.stderr
    assert "on the local disk" in on_bucket.stderr
    assert f"overdracht storage copy --to {bucket.location}" in on_bucket.stderr

    await move_file_store_home(bucket.location, clock.now())
    on_disk = overdracht(settings, "serve", "--port", str(free_port()))

    assert on_disk.returncode == 2
    assert on_disk.stderr.count("\n") == 1, on_disk.stderr
    assert f"set OVERDRACHT_FILE_STORE={bucket.location}" in on_disk.stderr
    assert "Traceback" not in on_bucket.stderr + on_disk.stderr


async def test_the_first_start_records_the_configured_file_store(settings, db, bucket: Bucket):
    assert await file_store_home() is None
    assert await recorded_by_a_first_start(settings, bucket) == bucket.location


async def test_a_first_start_on_a_bucket_without_the_files_is_refused_with_them_recorded(
    factory, settings, files, bucket: Bucket
):
    """No record yet: a bucket that holds the documents' files is recorded (an installation
    that ran on it before the record existed); one that does not is refused."""
    administration, _ = await archive(factory, 4)
    assert await file_store_home() is None

    refused = overdracht(settings, "worker", **bucket.service())

    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr, refused.stderr
    assert "does not hold the files" in refused.stderr
    assert f"overdracht storage copy --to {bucket.location}" in refused.stderr
    assert await file_store_home() is None

    for document in await Document.filter(administration_id=administration.pk):
        data = b"".join([chunk async for chunk in files.stream(document.storage_key)])
        await bucket.store.put(data)
    assert await recorded_by_a_first_start(settings, bucket) == bucket.location


async def test_the_migration_leaves_the_record_to_the_first_start(empty_database, tmp_path):
    """An installation may already run on a bucket; the first start finds out, not a guess."""

    async def execute(statement: str) -> None:
        if empty_database.startswith("sqlite://"):
            with sqlite3.connect(empty_database.removeprefix("sqlite://")) as conn:
                conn.execute(statement)
        else:
            async with connected(empty_database) as conn:
                await conn.execute(statement)

    async def home() -> list[str]:
        query = "SELECT location FROM file_store_home"
        if empty_database.startswith("sqlite://"):
            with sqlite3.connect(empty_database.removeprefix("sqlite://")) as conn:
                return [row[0] for row in conn.execute(query)]
        async with connected(empty_database) as conn:
            return [row["location"] for row in await conn.fetch(query)]

    migrate_to(empty_database, "models.0008_document_md5")
    for statement in OLD_ROWS:
        await execute(statement)
    run_migrate(empty_database)
    assert await home() == []

    fresh = f"sqlite://{tmp_path / 'fresh.sqlite3'}"
    run_migrate(fresh)
    with sqlite3.connect(fresh.removeprefix("sqlite://")) as conn:
        assert conn.execute("SELECT count(*) FROM file_store_home").fetchone() == (0,)
