"""The change of ownership (rules 4 and 13): the administration with its whole archive goes to
the target in one transaction, or not at all.

The archive keeps its documents, files, metadata and history; the links to the source's users
are cleared (the display names stay), and the source's authorization flows and workflows stay
behind. Until the commit the source sees all of it and the target none of it; after, the
reverse. On PostgreSQL the transaction starts while the files are still being verified, so the
costly clearing of the links runs beside the check instead of after it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Coroutine
from datetime import timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from models import (
    Administration,
    AuthorizationFlow,
    Document,
    MigrationAdministration,
    Workflow,
    inbound_mail_address,
    lifecycle,
)
from models.enums import MoveFailure
from models.lifecycle import Completion
from overdracht.clock import Clock
from overdracht.db import is_postgres
from overdracht.filestore import FileStore
from overdracht.lease import LeaseLost
from overdracht.settings import Settings
from worker.manifest import ManifestWriter
from worker.move import HeldMove, MoveFailed, Parties
from worker.move_checks import check_preconditions
from worker.verification import Verified

log = logging.getLogger("overdracht.mover")


class MoveCancelled(Exception):
    """The worker stopped mid-move; the open transaction rolls back and the source stays."""


async def clear_user_links(administration_id: int) -> None:
    """Rule 4: the target keeps the display names, never a link to a source user."""
    await Document.filter(
        Q(uploaded_by_id__not_isnull=True) | Q(approved_by_id__not_isnull=True),
        administration_id=administration_id,
    ).update(uploaded_by_id=None, approved_by_id=None)


class Handover:
    """Gives a verified administration to its target: the last step of a move."""

    def __init__(self, settings: Settings, clock: Clock, files: FileStore, lease: timedelta):
        self.settings = settings
        self.clock = clock
        self.files = files
        self.lease = lease
        self.manifests = ManifestWriter(files, settings.move_batch_size)

    async def complete(
        self, held: HeldMove, parties: Parties, verified: Verified, *, links_cleared: bool = False
    ) -> None:
        """Change ownership in one transaction, or not at all."""
        adm_id = parties.administration.pk
        async with in_transaction():
            query = MigrationAdministration.filter(lifecycle.running(held.item_id, held.attempt))
            if is_postgres():
                query = query.select_for_update()
                await Administration.filter(pk=adm_id).select_for_update().first()
            if await query.first() is None:
                raise LeaseLost(held.item_id)
            await check_preconditions(parties, self.files)
            archive = Document.filter(administration_id=adm_id)
            if (
                await archive.count() != verified.documents
                or await archive.filter(id__gt=verified.last_id).exists()
            ):
                raise MoveFailed(
                    MoveFailure.ARCHIVE_CHANGED,
                    f"Documents were added to or removed from {parties.administration.name} "
                    "during the move; nothing was moved. Retry it.",
                )
            # Written from the archive this transaction hands over, and recorded with it.
            started = time.perf_counter()
            manifest = await self.manifests.write(adm_id, self.settings.move_verification)
            log.info(
                "move of item %s: manifest of %d documents written and stored in %.1f s",
                held.item_id,
                manifest.documents,
                time.perf_counter() - started,
            )
            if manifest.documents != verified.documents:
                raise MoveFailed(
                    MoveFailure.ARCHIVE_CHANGED,
                    f"Documents were added to or removed from {parties.administration.name} "
                    "while the move completed; nothing was moved. Retry it.",
                )
            if not links_cleared:
                await clear_user_links(adm_id)
            await AuthorizationFlow.filter(administration_id=adm_id).delete()
            await Workflow.filter(administration_id=adm_id).delete()
            code = parties.item.target_code or parties.administration.code
            address = inbound_mail_address(
                parties.target.office_code, code, self.settings.inbound_mail_domain
            )
            try:
                moved = await Administration.filter(
                    pk=adm_id, environment_id=parties.source.pk
                ).update(
                    environment_id=parties.target.pk,
                    connection_id=parties.connection.pk,  # type: ignore[union-attr]
                    code=code,
                    inbound_mail_address=address,
                )
            except IntegrityError:
                raise MoveFailed(
                    MoveFailure.CODE_IN_USE,
                    f"{parties.target.name} already uses administration code {code}.",
                ) from None
            if moved != 1:
                raise MoveFailed(
                    MoveFailure.SOURCE_CHANGED,
                    f"{parties.administration.name} is no longer in {parties.source.name}.",
                )
            completion = Completion(
                documents=verified.documents,
                bytes_total=verified.bytes_total,
                administration=await Administration.get(pk=adm_id),
                source=parties.source,
                target=parties.target,
                verification=self.settings.move_verification,
                manifest_sha256=manifest.sha256,
            )
            step = parties.step(self.settings, self.clock)
            if not await lifecycle.complete(
                step, parties.migration, parties.item, held.attempt, completion
            ):
                raise LeaseLost(held.item_id)

    async def complete_while_verifying(
        self, held: HeldMove, parties: Parties, verifying: Coroutine[Any, Any, Verified]
    ) -> None:
        """On PostgreSQL: clear the links in the final transaction while the files are verified.

        Clearing the links rewrites every row of the archive and costs about as much as
        verifying every file, so the two run side by side: the transaction that will change
        ownership starts at once with that UPDATE, stays open (invisible to everyone else)
        while the files are checked, and commits the change of ownership only when all of
        them passed; a failure rolls it back. The price: the archive's rows are locked for the
        whole move, not only for its last seconds.
        """
        verified: asyncio.Future[Verified] = asyncio.get_running_loop().create_future()
        owner = asyncio.ensure_future(self._complete_when_verified(held, parties, verified))
        checking = asyncio.ensure_future(verifying)
        try:
            await asyncio.wait({owner, checking}, return_when=asyncio.FIRST_COMPLETED)
        except BaseException:  # the worker is stopping: roll back, leave the source as it was
            owner.cancel()
            checking.cancel()
            for task in (owner, checking):  # the rollback is done before the worker goes
                with contextlib.suppress(BaseException):
                    await task
            raise
        if owner.done():  # it can only end early by failing; stop checking and say why
            checking.cancel()
            with contextlib.suppress(BaseException):
                await checking
            await owner
            return
        try:
            verified.set_result(checking.result())
        except BaseException as error:
            verified.set_exception(error if isinstance(error, Exception) else MoveCancelled())
            with contextlib.suppress(BaseException):
                await owner
            raise
        await owner

    async def _complete_when_verified(
        self, held: HeldMove, parties: Parties, verified: asyncio.Future[Verified]
    ) -> None:
        """The final transaction of complete_while_verifying, kept alive while it waits."""
        lease_ms = int(self.lease.total_seconds() * 1000)
        lease = held.lease(self.clock, self.lease)
        async with in_transaction() as connection:
            # A worker that freezes mid-move must not hold the archive's locks for ever: its
            # idle transaction is ended once it has been silent for a lease. And a takeover
            # waits at most a lease for the locks of a worker that is still letting go.
            await connection.execute_script(
                f"SET LOCAL idle_in_transaction_session_timeout = {lease_ms}; "
                f"SET LOCAL lock_timeout = {lease_ms}"
            )
            started = time.perf_counter()
            await clear_user_links(parties.administration.pk)
            log.info(
                "move of item %s: user links cleared in %.1f s (not yet committed)",
                held.item_id,
                time.perf_counter() - started,
            )
            while not verified.done():
                await asyncio.wait({verified}, timeout=self.lease.total_seconds() / 4)
                # The keep-alive is also the check: once the lease is gone (a read hangs and
                # the heartbeats stop, or another worker took over), the locks go with it.
                if not verified.done() and not await lease.held():
                    raise LeaseLost(held.item_id)
            await self.complete(held, parties, verified.result(), links_cleared=True)
