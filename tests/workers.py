"""`overdracht worker` and `overdracht serve` as processes of their own, on the test's database,
for kill and stop tests and for tests of several processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from overdracht.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def _process(
    settings: Settings, arguments: list[str], log: Path | None, environment: dict[str, str]
) -> subprocess.Popen[bytes]:
    """One command of the service like an operator runs it, configured through its environment;
    its output goes to the log, or nowhere."""
    env = {
        **os.environ,
        "OVERDRACHT_DATABASE_URL": settings.database_url,
        "OVERDRACHT_DATA_DIR": str(settings.data_dir),
        "OVERDRACHT_SMTP_PORT": "1",  # no mail unless a test gives a server
        **environment,
    }
    output = log.open("ab") if log is not None else subprocess.DEVNULL
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "commands", *arguments],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT if log is not None else subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
        )
    finally:
        if log is not None:
            output.close()  # type: ignore[union-attr]


def start_worker(
    settings: Settings, *, log: Path | None = None, **environment: str
) -> subprocess.Popen[bytes]:
    """A worker process (mail delivery and moves)."""
    return _process(settings, ["worker"], log, environment)


def start_service(
    settings: Settings, port: int, *, log: Path | None = None, **environment: str
) -> subprocess.Popen[bytes]:
    """An API process (`overdracht serve`) on a loopback port."""
    return _process(
        settings, ["serve", "--host", "127.0.0.1", "--port", str(port)], log, environment
    )
