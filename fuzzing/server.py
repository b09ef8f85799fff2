"""The real service under test: `overdracht serve` in its own process, on a loopback port."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from overdracht.settings import Settings

PROJECT_ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT_SECONDS = 30.0


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve(settings: Settings, log_path: Path) -> Iterator[str]:
    """Run the service on the settings' database until the block ends; yields its base URL."""
    port = free_port()
    env = {
        **os.environ,
        "OVERDRACHT_DATABASE_URL": settings.database_url,
        "OVERDRACHT_DATA_DIR": str(settings.data_dir),
        # Mail goes to a loopback port where nothing listens: it waits in the outbox.
        "OVERDRACHT_SMTP_HOST": "127.0.0.1",
        "OVERDRACHT_SMTP_PORT": str(free_port()),
    }
    command = [sys.executable, "-m", "commands", "serve", "--host", "127.0.0.1"]
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [*command, "--port", str(port)], cwd=PROJECT_ROOT, env=env, stdout=log, stderr=log
        )
        try:
            base_url = f"http://127.0.0.1:{port}"
            _wait_until_up(base_url, process)
            yield base_url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_up(base_url: str, process: subprocess.Popen[bytes]) -> None:
    """Poll /healthz until it answers, or fail when the process died or took too long."""
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the service exited with {process.returncode} at start-up")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{base_url}/healthz", timeout=1).status_code == 200:
                return
        time.sleep(0.1)
    raise RuntimeError(f"the service did not answer within {START_TIMEOUT_SECONDS:g} s")
