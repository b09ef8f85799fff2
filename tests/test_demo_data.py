"""The demo world: idempotent, realistic, and covering every checklist failure."""

from __future__ import annotations

import pytest

from commands.demo import seed_demo
from models import (
    Administration,
    ApiToken,
    AuthorizationStep,
    Document,
    Environment,
    User,
    Workflow,
)
from models.enums import AccountingPackage, DocumentStatus, Plan, Role


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
