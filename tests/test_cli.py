"""The command line as an operator uses it: tokens for partners, issued, listed and revoked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from models import ApiToken
from models.enums import TokenScope

ROOT = Path(__file__).resolve().parent.parent


def overdracht(settings, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "OVERDRACHT_DATABASE_URL": settings.database_url}
    return subprocess.run(
        [sys.executable, "-m", "overdracht", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


async def test_partner_token_created_listed_and_revoked_from_the_command_line(
    server, factory, settings
):
    env = await factory.environment()
    user = await factory.user(env)
    created = overdracht(
        settings, "token", "create", "--email", user.email, "--read-only", "--label", "BI"
    )
    assert created.returncode == 0, created.stderr
    secret = created.stdout.strip()
    token = await ApiToken.get(user_id=user.pk)
    assert token.scope == TokenScope.READ_ONLY
    assert secret not in token.token_hash
    body = await server.graphql("{ viewer { tokenScope } }", token=secret)
    assert body["data"]["viewer"]["tokenScope"] == "READ_ONLY"

    listed = overdracht(settings, "token", "list", "--email", user.email)
    assert f"{token.pk}" in listed.stdout and "READ_ONLY" in listed.stdout and "BI" in listed.stdout
    assert secret not in listed.stdout

    revoked = overdracht(settings, "token", "revoke", "--id", str(token.pk))
    assert revoked.returncode == 0, revoked.stderr
    body = await server.graphql("{ viewer { tokenScope } }", token=secret)
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_token_for_an_unknown_user_is_a_clear_error(db, settings):
    result = overdracht(settings, "token", "create", "--email", "nobody@example.nl")
    assert result.returncode == 2
    assert "no user" in result.stderr


def test_a_bad_setting_stops_the_command_with_its_name(tmp_path):
    env = {**os.environ, "OVERDRACHT_SMTP_PORT": "abc"}
    result = subprocess.run(
        [sys.executable, "-m", "overdracht", "migrate"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "OVERDRACHT_SMTP_PORT" in result.stderr
    assert "Traceback" not in result.stderr
