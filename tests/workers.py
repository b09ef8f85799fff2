"""`overdracht worker` as its own process, on the test's database, for kill and stop tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from overdracht.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def start_worker(settings: Settings, **environment: str) -> subprocess.Popen[bytes]:
    """A worker process like an operator runs, configured through its environment."""
    env = {
        **os.environ,
        "OVERDRACHT_DATABASE_URL": settings.database_url,
        "OVERDRACHT_DATA_DIR": str(settings.data_dir),
        "OVERDRACHT_SMTP_PORT": "1",  # no mail unless a test gives a server
        **environment,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "commands", "worker"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
