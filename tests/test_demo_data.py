"""The demo world: idempotent, realistic, covering every checklist failure, and able to show
every path: a large archive to watch, a file taken out of the store to fail a move for real
(and put back to retry it), and a reset to start over."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from commands.demo import LARGE_ARCHIVE, RECEIPT_FILES, seed_demo
from models import (
    Administration,
    ApiToken,
    AuditEvent,
    AuthorizationStep,
    Document,
    Environment,
    Migration,
    MigrationAdministration,
    User,
    Workflow,
)
from models.enums import (
    AccountingPackage,
    DocumentStatus,
    MigrationStatus,
    MoveFailure,
    Plan,
    Role,
)
from models.terms import VERSION as TERMS_VERSION
from tests.documents import CLAIM, OFFER, PREVIEW
from tests.scenarios import Scenario, pk_of
from worker.mover import Mover

ANNA = "ovd_demo_anna_vandijk_superuser"
EVA = "ovd_demo_eva_bosman_superuser"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
async def seeded(db, settings, clock, files):
    await seed_demo(settings, clock, files)
    return settings, clock, files


async def counts() -> tuple[int, ...]:
    return (
        await Environment.all().count(),
        await User.all().count(),
        await ApiToken.all().count(),
        await Administration.all().count(),
        await Document.all().count(),
    )


async def test_seeding_twice_changes_nothing(seeded):
    settings, clock, files = seeded
    before = await counts()
    await seed_demo(settings, clock, files)
    assert await counts() == before


async def test_demo_world_has_source_premium_target_and_trial(seeded):
    plans = {env.office_code: env.plan for env in await Environment.all()}
    assert set(plans.values()) == {Plan.STANDARD, Plan.PREMIUM, Plan.TRIAL}
    roles = set(await User.all().values_list("role", flat=True))
    assert roles == set(Role)


async def test_demo_documents_cover_every_status_with_real_pdfs(seeded):
    statuses = set(await Document.all().values_list("status", flat=True))
    assert statuses == set(DocumentStatus)
    _, _, files = seeded
    document = await Document.filter(status=DocumentStatus.BOOKED).first()
    assert await files.checksum(document.storage_key) == document.sha256


async def test_demo_has_an_administration_failing_each_checklist_item(seeded):
    assert await AuthorizationStep.all().count() >= 1
    assert await Workflow.filter(is_active=True).count() >= 1
    pending = await Document.filter(
        status__in=[DocumentStatus.NEW, DocumentStatus.TO_AUTHORIZE]
    ).count()
    assert pending >= 2
    packages = {
        a.connection.package for a in await Administration.all().prefetch_related("connection")
    }
    assert AccountingPackage.SNELSTART in packages
    assert any(p.is_migratable for p in packages)


async def test_printed_demo_token_works(seeded, server):
    body = await server.graphql(
        "{ viewer { user { email } environment { plan } } }",
        token="ovd_demo_eva_bosman_superuser",
    )
    assert body["data"]["viewer"] == {
        "user": {"email": "eva@bosman.example"},
        "environment": {"plan": "PREMIUM"},
    }


async def test_the_command_lines_large_archive_is_large_and_stores_each_receipt_once(
    db, settings, files
):
    seeded = overdracht(settings, "seed-demo")
    assert seeded.returncode == 0, seeded.stderr
    large = await Administration.get(code="1006")
    documents = Document.filter(administration_id=large.pk)
    assert await documents.count() == LARGE_ARCHIVE
    keys = set(await documents.distinct().values_list("storage_key", flat=True))
    assert len(keys) == RECEIPT_FILES  # the store keeps each content once
    for document in await documents.limit(RECEIPT_FILES + 1):
        assert await files.checksum(document.storage_key) == document.sha256


def overdracht(settings, *args: str) -> subprocess.CompletedProcess:
    """The command line on the test's database and file store, as an operator runs it."""
    env = {
        **os.environ,
        "OVERDRACHT_DATABASE_URL": settings.database_url,
        "OVERDRACHT_DATA_DIR": str(settings.data_dir),
    }
    return subprocess.run(
        [sys.executable, "-m", "commands", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


async def offered_and_claimed(server, code: str) -> str:
    """Anna offers the administration to Eva, Eva claims it; its MigrationAdministration id."""
    found = await server.graphql(
        "query($s: String) { administrations(search: $s) { nodes { id code } } }",
        {"s": code},
        token=ANNA,
    )
    [adm] = [n["id"] for n in found["data"]["administrations"]["nodes"] if n["code"] == code]
    offer = {"administrationIds": [adm], "recipients": ["eva@bosman.example"]}
    offer |= {"acknowledgeUsersDoNotMove": True, "acceptTerms": True, "termsVersion": TERMS_VERSION}
    body = await server.graphql(OFFER, {"input": offer}, token=ANNA)
    migration = body["data"]["offerMigration"]["migration"]
    preview = await server.graphql(PREVIEW, {"code": migration["transferCode"]}, token=EVA)
    exact = await server.graphql(
        "{ accountingConnections(package: EXACT_ONLINE) { nodes { id } } }", token=EVA
    )
    item = Scenario.items(migration)[0]
    assert preview["data"]["transferCodePreview"]["preview"]["administrations"]["nodes"]
    claim = {
        "transferCode": migration["transferCode"],
        "acceptTerms": True,
        "termsVersion": TERMS_VERSION,
        "acceptCosts": True,
        "administrations": [
            {
                "migrationAdministrationId": item,
                "connectionId": exact["data"]["accountingConnections"]["nodes"][0]["id"],
            }
        ],
    }
    body = await server.graphql(CLAIM, {"input": claim}, token=EVA)
    assert body["data"]["claimMigration"]["userErrors"] == [], body
    return item


async def test_a_file_taken_out_of_the_store_fails_the_move_for_real_until_it_is_put_back(
    seeded, server
):
    settings, clock, files = seeded
    mover = Mover(settings, clock, files)
    item = await offered_and_claimed(server, "1001")
    taken = overdracht(settings, "demo", "break-file", "1001")
    assert taken.returncode == 0, taken.stderr
    assert "restore-file 1001" in taken.stdout
    assert await mover.run_until_idle() == [MigrationStatus.FAILED]
    failed = await MigrationAdministration.get(pk=pk_of(item))
    assert failed.failure == MoveFailure.FILE_MISSING
    assert await Administration.filter(code="1001", environment__office_code="K10234").exists()

    restored = overdracht(settings, "demo", "restore-file", "1001")
    assert restored.returncode == 0, restored.stderr
    retry = await server.graphql(
        "mutation($i: RetryMigrationInput!) { retryMigration(input: $i) { userErrors { code } } }",
        {"i": {"migrationAdministrationId": item}},
        token=EVA,
    )
    assert retry["data"]["retryMigration"]["userErrors"] == []
    assert await mover.run_until_idle() == [MigrationStatus.COMPLETED]


async def test_breaking_a_file_asks_which_office_when_the_code_is_in_several(seeded):
    settings, _, _ = seeded
    result = overdracht(settings, "demo", "break-file", "1002")
    assert result.returncode == 2
    assert "--office" in result.stderr
    assert overdracht(settings, "demo", "break-file", "1002", "--office", "K20567").returncode == 0


async def test_a_reset_starts_the_demo_world_over(seeded, server):
    settings, _, _ = seeded
    fresh = await counts()
    await offered_and_claimed(server, "1001")
    reset = overdracht(settings, "seed-demo", "--reset")
    assert reset.returncode == 0, reset.stderr
    assert await Migration.all().count() == 0
    assert await AuditEvent.all().count() == 0
    # As fresh, but for the large archive, which the command line seeds at its full size.
    environments, users, tokens, administrations, _ = fresh
    assert (await counts())[:4] == (environments, users, tokens, administrations)
    body = await server.graphql("{ viewer { user { email } } }", token=ANNA)
    assert body["data"]["viewer"]["user"]["email"] == "anna@vandijk.example"


async def test_a_reset_refuses_a_database_with_other_offices_and_leaves_it(seeded, factory):
    settings, _, _ = seeded
    await factory.environment(name="Echt Kantoor")
    before = await counts()
    for args in (["--reset"], ["--reset", "--allow-other-offices"]):
        result = overdracht(settings, "seed-demo", *args)
        assert result.returncode == 2
        assert "Echt Kantoor" in result.stderr
    assert await counts() == before
