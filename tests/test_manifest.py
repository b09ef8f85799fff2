"""Proof of what moved: a completed move's manifest names every document and its file's checksums.

Real moves on both file stores; the manifest is downloaded over HTTP and every line checked
against the stored bytes, its SHA-256 against the receipt and the completion mail.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import random
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from strawberry import relay

from mail.composing import render
from models import Administration, BillableLine, Document, MigrationAdministration
from models.enums import (
    AccountingPackage,
    MailLanguage,
    MigrationStatus,
    MoveFailure,
    Role,
    TokenScope,
)
from models.notices.move import CompletionMail
from models.notices.notice import AdministrationLine
from models.offers import Migration
from overdracht.filestore import DirectoryFileStore, FileStore, object_name
from overdracht.global_id import global_id
from tests.documents import RETRY
from tests.file_stores import both_file_stores
from tests.scenarios import Scenario, gid, pk_of
from worker.dispatcher import MailDispatcher
from worker.manifest import COLUMNS, ManifestWriter, as_text
from worker.mover import Mover

RECEIPT = """query($id: ID!) { migration(id: $id) { administrations { nodes {
    receipt { verification manifestSha256 manifestDownloadPath }
} } } }"""

# A title and a file name that CSV must quote: a comma, a double quote and a line break.
AWKWARD_TITLE = 'Factuur "Zomer", 2026\nregel twee'
AWKWARD_FILE_NAME = "factuur, zomer.pdf"


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def _stored(files: FileStore, key: str) -> bytes:
    return b"".join([chunk async for chunk in files.stream(key)])


async def _moved(
    scenario: Scenario, settings, clock, files
) -> tuple[dict, MigrationAdministration]:
    """The first ready administration, with an awkward document, offered, received and moved."""
    administration = scenario.ready[0]
    awkward = await scenario.factory.document(administration, uploaded_by=scenario.clerk)
    await Document.filter(pk=awkward.pk).update(title=AWKWARD_TITLE, file_name=AWKWARD_FILE_NAME)
    migration = await scenario.offer(administrations=[administration])
    claimed = await scenario.claim(migration["transferCode"], scenario.items(migration))
    assert claimed["userErrors"] == []
    mover = Mover(settings, clock, files, batch_size=2)
    assert await mover.run_until_idle() == [MigrationStatus.COMPLETED]
    return migration, await MigrationAdministration.get(administration_id=administration.pk)


async def _receipt(scenario: Scenario, migration: dict, token: str) -> dict:
    body = await scenario.graphql(RECEIPT, {"id": migration["id"]}, token)
    assert "errors" not in body, body
    [row] = body["data"]["migration"]["administrations"]["nodes"]
    return row["receipt"]


@both_file_stores
async def test_a_move_s_manifest_matches_every_moved_file_the_receipt_and_the_mail(
    scenario: Scenario, mail_settings, smtp_server, clock, files
):
    migration, item = await _moved(scenario, mail_settings, clock, files)
    receipt = await _receipt(scenario, migration, scenario.target_token)
    assert receipt["manifestSha256"] == item.manifest_sha256
    assert receipt["manifestDownloadPath"] == f"/moves/{item.pk}/manifest"

    bodies = []
    for token in (scenario.target_token, scenario.token):
        response = await scenario.server.client.get(
            receipt["manifestDownloadPath"], headers=_auth(token)
        )
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        disposition = response.headers["content-disposition"]
        assert disposition.startswith('attachment; filename="manifest-')
        assert '.csv"' in disposition
        bodies.append(response.content)
    assert bodies[0] == bodies[1]
    manifest = bodies[0]
    assert hashlib.sha256(manifest).hexdigest() == receipt["manifestSha256"]

    lines = list(csv.reader(io.StringIO(manifest.decode("utf-8"), newline="")))
    assert tuple(lines[0]) == COLUMNS
    rows = [dict(zip(COLUMNS, line, strict=True)) for line in lines[1:]]
    archive = await Document.filter(administration_id=item.administration_id).order_by("id")
    assert len(rows) == len(archive) == item.documents_done == 4
    verified_by = mail_settings.move_verification.value.lower()
    assert receipt["verification"].lower() == verified_by
    for row, document in zip(rows, archive, strict=True):
        data = await _stored(files, document.storage_key)
        assert pk_of(row["document_id"]) == document.pk
        assert row["title"] == document.title
        assert (row["kind"], row["status"]) == (document.kind.value, document.status.value)
        assert row["file_name"] == document.file_name
        assert int(row["size"]) == len(data)
        assert row["sha256"] == hashlib.sha256(data).hexdigest()
        assert row["md5"] == hashlib.md5(data, usedforsecurity=False).hexdigest()
        assert row["verified_by"] == verified_by
    assert AWKWARD_TITLE in [row["title"] for row in rows]

    # Each line's document_id is the document's ID in the API: the target finds it by it.
    documents = await scenario.graphql(
        "query($id: ID!) { node(id: $id) { ... on Document { id sha256 } } }",
        {"id": rows[0]["document_id"]},
        scenario.target_token,
    )
    assert documents["data"]["node"] == {"id": rows[0]["document_id"], "sha256": rows[0]["sha256"]}

    dispatcher = MailDispatcher(mail_settings, clock)
    await dispatcher.deliver_due()
    [completion] = [
        mail for mail in smtp_server.messages if "Overdracht voltooid" in mail.message["Subject"]
    ]
    text = completion.message.get_body(("plain",)).get_content()
    assert receipt["manifestSha256"] in text
    assert "SHA-256 van het manifest" in text


async def test_only_the_superusers_of_both_offices_download_the_manifest(
    scenario: Scenario, settings, clock, files
):
    migration, item = await _moved(scenario, settings, clock, files)
    path = f"/moves/{item.pk}/manifest"
    document = await Document.filter(administration_id=item.administration_id).first()
    other_office = await scenario.factory.environment(name="Derde Kantoor")
    outsider = await scenario.factory.token(await scenario.factory.user(other_office))
    target_clerk = await scenario.factory.user(scenario.target, role=Role.USER)
    partner = await scenario.factory.token(scenario.target_superuser, TokenScope.READ_ONLY)

    async def answer(url: str, token: str) -> tuple[int, dict]:
        response = await scenario.server.client.get(url, headers=_auth(token))
        return response.status_code, response.json()

    # Another office learns nothing: as for another office's document, there is none.
    assert await answer(path, outsider) == (
        404,
        {"error": {"code": "NOT_FOUND", "message": "No such manifest."}},
    )
    assert (await answer(f"/documents/{document.pk}/file", outsider))[0] == 404
    assert (await answer("/moves/99999999/manifest", scenario.target_token))[0] == 404
    # A partner's read-only token sees the receipt and its hash, never the file (rule 1),
    # refused in the words a document's file is refused in.
    status, refused = await answer(path, partner)
    assert (status, refused) == await answer(f"/documents/{document.pk}/file", partner)
    assert (status, refused["error"]["code"]) == (403, "FORBIDDEN")
    partner_view = await _receipt(scenario, migration, partner)
    assert partner_view["manifestDownloadPath"] is None
    assert partner_view["manifestSha256"] == item.manifest_sha256
    # Users who are not superusers see no receipts, so no manifest either.
    for clerk in (scenario.clerk_token, await scenario.factory.token(target_clerk)):
        status, refused = await answer(path, clerk)
        assert status == 403
        assert "superuser" in refused["error"]["message"]
    assert (await scenario.server.client.get(path)).status_code == 401


async def test_a_rerun_of_the_completion_writes_the_same_bytes_under_the_same_key(
    scenario: Scenario, settings, clock, files
):
    administration = scenario.ready[1]
    writer = ManifestWriter(files, page_size=1)
    # What a completion that crashed before its commit leaves: a stored file nobody can reach.
    orphan = await writer.write(administration.pk, settings.move_verification)
    migration = await scenario.offer(administrations=[administration])
    await scenario.claim(migration["transferCode"], scenario.items(migration))
    assert (await _receipt(scenario, migration, scenario.target_token)) is None
    clock.advance(timedelta(days=3))  # nothing of the moment of writing is in the bytes
    assert await MigrationAdministration.filter(manifest_sha256__not_isnull=True).count() == 0

    assert await Mover(settings, clock, files).run_until_idle() == [MigrationStatus.COMPLETED]
    item = await MigrationAdministration.get(administration_id=administration.pk)
    assert item.manifest_sha256 == orphan.sha256
    again = await ManifestWriter(files, page_size=1000).write(
        administration.pk, settings.move_verification
    )
    assert again == orphan
    stored = await _stored(files, orphan.sha256)
    assert hashlib.sha256(stored).hexdigest() == orphan.sha256
    assert len(stored) == orphan.size
    assert stored.count(b"\r\n") == 1 + item.documents_done
    assert await Migration.all().count() == 1


async def test_the_manifest_is_read_a_page_at_a_time(factory, files, settings, count_queries):
    office = await factory.environment()
    connection = await factory.connection(office, AccountingPackage.EXACT_ONLINE)
    administration = await factory.administration(connection)
    await factory.archive(administration, 25)
    costs = {}
    for page_size in (5, 10, 100):
        count_queries.statements.clear()
        written = await ManifestWriter(files, page_size).write(
            administration.pk, settings.move_verification
        )
        assert written.documents == 25
        pages = [s for s in count_queries.statements if 'FROM "document"' in s]
        assert all("LIMIT" in statement for statement in pages)
        costs[page_size] = len(pages)
    # One query per page, and one more after a full last page to see that it was the last.
    assert costs == {size: math.floor(25 / size) + 1 for size in (5, 10, 100)}


async def test_a_manifest_the_disk_refuses_fails_the_move_and_leaves_the_source(
    scenario: Scenario, settings, clock, files, tmp_path
):
    administration = scenario.ready[0]
    # The same archive gives the same manifest anywhere: where the move will store it is known.
    elsewhere = DirectoryFileStore(tmp_path / "elsewhere")
    expected = await ManifestWriter(elsewhere, 1000).write(
        administration.pk, settings.move_verification
    )
    blocker = files.root / object_name(expected.sha256)[:5]  # a file where its directory goes
    assert not blocker.exists()
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_bytes(b"in the way")
    migration = await scenario.offer(administrations=[administration])
    await scenario.claim(migration["transferCode"], scenario.items(migration))

    assert await Mover(settings, clock, files).run_until_idle() == [MigrationStatus.FAILED]
    item = await MigrationAdministration.get(administration_id=administration.pk)
    assert (item.failure, item.manifest_sha256) == (MoveFailure.STORAGE_UNAVAILABLE, None)
    assert "manifest" in item.reason and "Nothing was moved" in item.reason
    assert (await Administration.get(pk=administration.pk)).environment_id == scenario.source.pk

    blocker.unlink()
    retried = await scenario.graphql(
        RETRY,
        {"input": {"migrationAdministrationId": gid("MigrationAdministration", item)}},
        scenario.target_token,
    )
    assert retried["data"]["retryMigration"]["userErrors"] == []
    assert await Mover(settings, clock, files).run_until_idle() == [MigrationStatus.COMPLETED]
    item = await MigrationAdministration.get(pk=item.pk)
    assert item.manifest_sha256 == expected.sha256
    assert await _stored(files, expected.sha256) == await _stored(elsewhere, expected.sha256)


@pytest.mark.parametrize(
    "raw", ["99999999999999999999", "2147483648", "%C2%B2", "-1", "1e3", "0x1", "9" * 400]
)
async def test_a_path_id_that_no_move_can_have_is_404(scenario: Scenario, raw):
    response = await scenario.server.client.get(
        f"/moves/{raw}/manifest", headers=_auth(scenario.token)
    )
    assert (response.status_code, response.json()["error"]["code"]) == (404, "NOT_FOUND")


async def _keys(files: FileStore) -> set[str]:
    return {listed.key async for page in files.listing() for listed in page}


@both_file_stores
async def test_a_completion_that_fails_after_writing_its_manifest_leaves_it_unseen(
    scenario: Scenario, settings, clock, files
):
    administration = scenario.ready[0]
    migration = await scenario.offer(administrations=[administration])
    await scenario.claim(migration["transferCode"], scenario.items(migration))
    item = await MigrationAdministration.get(administration_id=administration.pk)
    # A charge already recorded for the item makes the completing transaction fail at its
    # very end, after the manifest was stored: as a crash before the commit would.
    blocker = await BillableLine.create(
        environment_id=scenario.target.pk,
        item_id=item.pk,
        description="in the way",
        accepted_by_name="test",
        created_at=clock.now(),
    )
    before = await _keys(files)
    mover = Mover(settings, clock, files)
    assert await mover.run_once() == [None]  # handed back, nothing committed

    [orphan] = await _keys(files) - before
    item = await MigrationAdministration.get(pk=item.pk)
    assert (item.status, item.manifest_sha256) == (MigrationStatus.RUNNING, None)
    assert (await Administration.get(pk=administration.pk)).environment_id == scenario.source.pk
    for token in (scenario.token, scenario.target_token):
        assert await _receipt(scenario, migration, token) is None
        response = await scenario.server.client.get(
            f"/moves/{item.pk}/manifest", headers=_auth(token)
        )
        assert response.status_code == 404

    await blocker.delete()
    assert await mover.run_until_idle() == [MigrationStatus.COMPLETED]
    item = await MigrationAdministration.get(pk=item.pk)
    assert item.manifest_sha256 == orphan
    assert await _keys(files) - before == {orphan}


@both_file_stores
async def test_a_file_of_several_parts_is_stored_from_disk_as_it_is(files, tmp_path):
    # Larger than one part of an upload from disk (5 MiB), so the bucket gets it in parts.
    data = b"".join(hashlib.sha256(str(i).encode()).digest() for i in range(400_000))
    path = tmp_path / "manifest.csv"
    path.write_bytes(data)
    stored = await files.put_file(path)
    assert (stored.key, stored.size) == (hashlib.sha256(data).hexdigest(), len(data))
    assert stored.md5 == hashlib.md5(data, usedforsecurity=False).hexdigest()
    assert await _stored(files, stored.key) == data
    assert await files.put_file(path) == stored  # the same bytes again: the same file


def test_the_completion_mail_states_the_manifest_s_sha256_in_both_languages():
    sha256 = hashlib.sha256(b"manifest").hexdigest()
    words = {
        MailLanguage.NL: "SHA-256 van het manifest",
        MailLanguage.EN: "SHA-256 of the manifest",
    }
    for language, label in words.items():
        mail = CompletionMail(
            language=language,
            source_office_name="Van Dijk",
            target_office_name="Bosman",
            completed_at=datetime(2026, 12, 7, 12, 0, tzinfo=UTC),
            administration=AdministrationLine(
                name="Bakkerij De Korst",
                code="1001",
                package="EXACT_ONLINE",
                document_count=3,
                inbound_mail_address="k1.1001@inbound.example",
            ),
            documents_moved=3,
            manifest_sha256=sha256,
            offer_url="https://app.example/migrations/offers/1",
        )
        rendered = render(mail)
        assert label in rendered.text and sha256 in rendered.text and sha256 in rendered.html
        # A mail queued before manifests were written, read back from its outbox row.
        data = {key: value for key, value in mail.data().items() if key != "manifest_sha256"}
        older = CompletionMail.from_data(data)
        assert sha256 not in render(older).text and label not in render(older).text


async def test_a_title_or_file_name_a_spreadsheet_would_run_is_written_as_text(
    factory, files, settings
):
    """OWASP's CSV injection advice: a cell starting =, +, -, @, TAB or CR gets a leading '."""
    office = await factory.environment()
    connection = await factory.connection(office, AccountingPackage.EXACT_ONLINE)
    administration = await factory.administration(connection)
    formulas = ['=HYPERLINK("x")', "+31 20 123", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]
    for formula in formulas:
        document = await factory.document(administration)
        await Document.filter(pk=document.pk).update(title=formula, file_name=formula + ".pdf")
    plain = await factory.document(administration)

    written = await ManifestWriter(files, page_size=4).write(
        administration.pk, settings.move_verification
    )
    manifest = (await _stored(files, written.sha256)).decode("utf-8")
    lines = list(csv.reader(io.StringIO(manifest, newline="")))
    rows = [dict(zip(COLUMNS, line, strict=True)) for line in lines[1:]]
    assert [row["title"] for row in rows] == [f"'{f}" for f in formulas] + [plain.title]
    assert [row["file_name"] for row in rows] == [f"'{f}.pdf" for f in formulas] + [plain.file_name]
    again = await ManifestWriter(files, page_size=100).write(
        administration.pk, settings.move_verification
    )
    assert again == written


async def test_every_line_has_the_bytes_the_csv_module_writes(factory, files, settings):
    """Lines are written out directly for speed; whatever a title or a file name holds, the
    bytes are the ones csv.writer gives (RFC 4180: CRLF, quotes only where needed)."""
    office = await factory.environment()
    connection = await factory.connection(office, AccountingPackage.EXACT_ONLINE)
    administration = await factory.administration(connection)
    pieces = [
        "a",
        ",",
        '"',
        "\r",
        "\n",
        "\r\n",
        " ",
        "'",
        "=",
        "+",
        "-",
        "@",
        "\t",
        "é",
        "€",
        "\u2028",
    ]
    generator = random.Random(25)
    values = ["", " ", ",", '""', "\n", "Factuur 1", "a,b", 'zo "gezegd"', "=1+1", "-", "\t x"]
    values += ["".join(generator.choices(pieces, k=generator.randint(1, 8))) for _ in range(60)]
    for n, value in enumerate(values):
        document = await factory.document(administration)
        file_name = values[(n * 7) % len(values)] + ".pdf"
        await Document.filter(pk=document.pk).update(title=value, file_name=file_name)

    written = await ManifestWriter(files, page_size=7).write(
        administration.pk, settings.move_verification
    )
    verified_by = settings.move_verification.value.lower()
    expected = io.StringIO()
    lines = csv.writer(expected, lineterminator="\r\n")
    lines.writerow(COLUMNS)
    for document in await Document.filter(administration_id=administration.pk).order_by("id"):
        lines.writerow(
            [
                global_id("Document", document.pk),
                as_text(document.title),
                document.kind.value,
                document.status.value,
                as_text(document.file_name),
                document.size,
                document.sha256,
                document.md5 or "",
                verified_by,
            ]
        )
    assert (await _stored(files, written.sha256)).decode("utf-8") == expected.getvalue()
    assert written.documents == len(values)


async def test_the_manifest_s_file_name_gives_the_source_no_code_the_receiver_chose(
    scenario: Scenario, settings, clock, files
):
    """The receiver's chosen code is for its office alone: the source sees its own code."""
    administration = scenario.ready[0]
    migration = await scenario.offer(administrations=[administration])
    claimed = await scenario.claim(
        migration["transferCode"], scenario.items(migration), administration_code="BOS-NIEUW-77"
    )
    assert claimed["userErrors"] == [], claimed
    assert await Mover(settings, clock, files).run_until_idle() == [MigrationStatus.COMPLETED]
    item = await MigrationAdministration.get(administration_id=administration.pk)
    assert item.target_code == "BOS-NIEUW-77" != item.administration_code

    names = {}
    for side, token in (("source", scenario.token), ("target", scenario.target_token)):
        response = await scenario.server.client.get(
            f"/moves/{item.pk}/manifest", headers=_auth(token)
        )
        assert response.status_code == 200, response.text
        names[side] = response.headers["content-disposition"]
    assert "BOS-NIEUW-77" not in names["source"]
    assert f'"manifest-{item.administration_code}-' in names["source"]
    assert f'"manifest-BOS-NIEUW-77-{item.manifest_sha256[:12]}.csv"' in names["target"]


@pytest.mark.parametrize(
    ("type_name", "key"), [("Document", 1), ("Document", 10**12), ("Offer", "7")]
)
def test_the_manifest_s_document_ids_are_the_api_s_global_ids(type_name: str, key: int | str):
    assert global_id(type_name, key) == str(relay.GlobalID(type_name=type_name, node_id=str(key)))
    assert relay.GlobalID.from_id(global_id(type_name, key)).node_id == str(key)


@pytest.mark.parametrize("module", ["worker.mover", "worker.loops"])
def test_a_worker_process_does_not_load_the_graphql_library(module: str):
    """Every worker process would carry it for nothing: 11 MB of a move's 64 MB."""
    loaded = subprocess.run(
        [sys.executable, "-c", f"import sys, {module}; print(sorted(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "'strawberry" not in loaded and "'graphql" not in loaded
    assert "'uvicorn" not in loaded
