"""The move engine: takes queued administrations and moves them, one at a time per worker.

A move reads the archive in batches to verify every file and report progress; the change of
ownership itself is one short transaction at the end, so nobody ever sees a half-moved
administration and a failure or a killed worker leaves the source exactly as it was (rule 13).
Several workers share the queue; a claimed move carries a lease and an attempt number that
fences off a worker that lost its lease.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass
from datetime import timedelta

from tortoise.exceptions import IntegrityError, OperationalError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from models import (
    AccountingConnection,
    Administration,
    AuthorizationFlow,
    Document,
    Environment,
    Migration,
    MigrationItem,
    Workflow,
    inbound_mail_address,
    lifecycle,
)
from models.checklist import run_checklist
from models.enums import MigrationStatus, MoveFailure
from models.lifecycle import Change, Completion
from models.receiving import ReceivingChoice, ReceivingRefusal, check_receiving
from mover.listing_check import check_archive
from mover.scrubbing import recheck_damaged
from overdracht.clock import Clock
from overdracht.db import is_postgres
from overdracht.db_faults import is_connection_lost, retrying
from overdracht.filestore import FileProblem, FileReadTimeout, FileStore, StoreUnavailable
from overdracht.lease import Lease
from overdracht.metrics import DOCUMENTS_VERIFIED
from overdracht.settings import MoveVerification, Settings
from overdracht.storage import open_file_store

log = logging.getLogger("overdracht.mover")


class MoveFailed(Exception):
    """The move cannot complete: a reason code for screens, and a message for people."""

    def __init__(self, failure: MoveFailure, message: str) -> None:
        super().__init__(message)
        self.failure = failure


# What a receiving check that no longer passes at the move means for the move.
_FAILURE_OF: dict[ReceivingRefusal, MoveFailure] = {
    ReceivingRefusal.NOT_PREMIUM: MoveFailure.TARGET_NOT_PREMIUM,
    ReceivingRefusal.CONNECTION_GONE: MoveFailure.CONNECTION_GONE,
    ReceivingRefusal.NO_CONNECTION_OF_PACKAGE: MoveFailure.CONNECTION_GONE,
    ReceivingRefusal.WRONG_PACKAGE: MoveFailure.CONNECTION_GONE,
    ReceivingRefusal.INVALID_CODE: MoveFailure.CODE_IN_USE,
    ReceivingRefusal.DUPLICATE_IN_TARGET: MoveFailure.DUPLICATE_IN_TARGET,
    ReceivingRefusal.CODE_IN_USE: MoveFailure.CODE_IN_USE,
}
_FILE_FAILURE: dict[FileProblem, tuple[MoveFailure, str]] = {
    FileProblem.MISSING: (MoveFailure.FILE_MISSING, "is missing from the file store"),
    FileProblem.UNREADABLE: (MoveFailure.FILE_UNREADABLE, "cannot be read from the file store"),
    FileProblem.DAMAGED: (MoveFailure.FILE_DAMAGED, "is damaged: its bytes no longer match"),
}


def _store_unavailable(outage: StoreUnavailable) -> MoveFailed:
    """An outage of the file store: nothing is known to be wrong with the files; retry later."""
    return MoveFailed(
        MoveFailure.STORAGE_UNAVAILABLE,
        f"The files could not be checked: {outage}. Nothing was moved; retry the move once "
        "the file store answers again.",
    )


class MoveCancelled(Exception):
    """The worker stopped mid-move; the open transaction rolls back and the source stays."""


class LeaseLost(Exception):
    """Another worker took this move over; this one stops without touching anything."""


@dataclass(frozen=True)
class HeldMove:
    """A move this worker holds under its lease: the item, and the attempt that fences it."""

    item_id: int
    attempt: int


@dataclass(frozen=True)
class Parties:
    """Everything a move needs to know about where it comes from and goes to."""

    item: MigrationItem
    migration: Migration
    administration: Administration
    source: Environment
    target: Environment
    connection: AccountingConnection | None


class MoveEngine:
    """Moves administrations; run several, in one process or many, on PostgreSQL."""

    def __init__(
        self,
        settings: Settings,
        clock: Clock,
        files: FileStore,
        *,
        batch_size: int | None = None,
        lease: timedelta | None = None,
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.files = files
        self.batch_size = batch_size or settings.move_batch_size
        self.lease = lease or settings.move_lease

    # -- the queue -----------------------------------------------------------------------------

    def _claimable(self) -> Q:
        now = self.clock.now()
        queued = Q(status=MigrationStatus.QUEUED)
        if delay := self.settings.move_start_delay:
            # Held in the queue for a while (OVERDRACHT_MOVE_START_DELAY_SECONDS, the demo's).
            queued &= Q(status_changed_at__lte=now - delay)
        return queued | lifecycle.abandoned(now)

    async def claim_next(self) -> HeldMove | None:
        """Take the oldest queued move, or one whose worker died, under a fresh lease."""
        now = self.clock.now()
        async with in_transaction():
            query = MigrationItem.filter(self._claimable()).order_by("id").limit(1)
            if is_postgres():
                query = query.select_for_update(skip_locked=True)
            candidate = await query.first()
            if candidate is None:
                return None
            change = Change(
                self.settings,
                now,
                actor_environment_id=candidate.target_environment_id,
            )
            attempt = await lifecycle.start(change, candidate, lease_until=now + self.lease)
        return None if attempt is None else HeldMove(candidate.pk, attempt)

    def _change(self, parties: Parties) -> Change:
        """A step of the move, taken by Overdracht on behalf of the receiving office."""
        return Change(self.settings, self.clock.now(), actor_environment_id=parties.target.pk)

    def _lease(self, claim: HeldMove) -> Lease:
        """The lease on this move: held while the item is RUNNING under this worker's attempt."""
        return Lease(
            MigrationItem, lifecycle.running(claim.item_id, claim.attempt), self.clock, self.lease
        )

    async def _heartbeat(self, claim: HeldMove, **changes: object) -> None:
        """Save progress and extend the lease, if this worker still holds the move."""
        if not await self._lease(claim).renew(**changes):
            raise LeaseLost(claim.item_id)

    # -- the move ------------------------------------------------------------------------------

    async def _parties(self, item_id: int) -> Parties:
        item = await MigrationItem.get(pk=item_id).select_related("migration")
        administration = await Administration.get(pk=item.administration_id)
        return Parties(
            item=item,
            migration=item.migration,
            administration=administration,
            source=await Environment.get(pk=item.migration.source_environment_id),
            target=await Environment.get(pk=item.target_environment_id),
            connection=await AccountingConnection.get_or_none(pk=item.target_connection_id),
        )

    async def check_preconditions(self, parties: Parties) -> None:
        """The checks of the offer and of receiving, again at the moment of the move (rule 5)."""
        adm = await Administration.get(pk=parties.administration.pk)
        if adm.environment_id != parties.source.pk:
            raise MoveFailed(
                MoveFailure.SOURCE_CHANGED,
                f"{adm.name} is no longer in {parties.source.name}.",
            )
        result = (await run_checklist([adm.pk]))[adm.pk]
        if result.damaged_files:
            try:
                if await recheck_damaged(self.files, [adm.pk]):
                    result = (await run_checklist([adm.pk]))[adm.pk]
            except StoreUnavailable as outage:
                raise _store_unavailable(outage) from None
        if result.damaged_files:
            await self._damage_found(adm)
        if not result.passed:
            raise MoveFailed(
                MoveFailure.CHECKLIST_FAILED,
                f"{adm.name} no longer passes the offer checks: "
                + " ".join(result.explain(failure) for failure in result.failures),
            )
        target = await Environment.get(pk=parties.target.pk)
        item = parties.item
        choice = ReceivingChoice(
            item,
            connection_id=item.target_connection_id,
            code=item.target_code,
        )
        checked = await check_receiving(target, parties.migration.package, [choice], moving=True)
        for problem in [*checked.target_problems, *checked.problems[0]]:
            raise MoveFailed(_FAILURE_OF[problem.refusal], problem.message)

    async def _damage_found(self, administration: Administration) -> None:
        """A file the file check found damaged fails the move, naming its document."""
        document = (
            await Document.filter(administration_id=administration.pk, damage__not_isnull=True)
            .order_by("id")
            .first()
        )
        if document is None or document.damage is None:
            return
        failure, words = _FILE_FAILURE[document.damage]
        raise MoveFailed(
            failure,
            f'The file "{document.file_name}" of document "{document.title}" {words} (found by '
            "the file check); nothing was moved. Have it restored from a backup, then retry.",
        )

    async def _batch(
        self, administration_id: int, after_id: int
    ) -> list[tuple[int, str, str, int]]:
        """The next batch of the archive by ID, only the columns a check needs, as plain rows.

        Plain SQL because it is the hot read of a move: values_list spent 0.53 s per 100,000
        rows converting them, this 0.22 s. Keyset pagination on the primary key: each batch
        is an index range scan from the last ID, so the 1000th batch costs what the first did.
        """
        a, b, n = ("$1", "$2", "$3") if is_postgres() else ("?", "?", "?")
        sql = (
            'SELECT "id", "storage_key", "sha256", "size" FROM "document" '
            f'WHERE "administration_id" = {a} AND "id" > {b} ORDER BY "id" LIMIT {n}'
        )
        _, rows = await Document._meta.db.execute_query(
            sql, [administration_id, after_id, self.batch_size]
        )
        return [tuple(row) for row in rows]

    async def verify_archive(self, claim: HeldMove, administration_id: int) -> tuple[int, int, int]:
        """Verify every file in batches, reporting progress; returns (documents, bytes, last id).

        Two batches are in flight: while one is hashed, the next is read from the database
        and handed to the file store, so the disk already fetches its files.
        """
        started = time.perf_counter()
        done = bytes_total = last_id = 0
        rows = await self._batch(administration_id, last_id)
        checking: asyncio.Future[list[str]] | None = self._check(rows)
        following_check: asyncio.Future[list[str]] | None = None
        try:
            while rows and checking is not None:
                following = await self._batch(administration_id, rows[-1][0])
                following_check = self._check(following) if following else None
                try:
                    bad = await checking
                    if bad:
                        await self._file_failed(rows, set(bad))
                except FileReadTimeout as slow:
                    await self._file_too_slow(administration_id, slow)
                except StoreUnavailable as outage:
                    raise _store_unavailable(outage) from None
                done += len(rows)
                DOCUMENTS_VERIFIED.inc(len(rows))
                bytes_total += sum(row[3] for row in rows)
                last_id = rows[-1][0]
                await self._heartbeat(claim, documents_done=done)
                rows, checking, following_check = following, following_check, None
        finally:
            for pending in (checking, following_check):
                if pending is None:
                    continue
                if not pending.done():
                    pending.cancel()
                # Awaited even when done: the next batch may have failed too (the store is
                # down), and its error is this move's, not one for the loop to log as lost.
                with contextlib.suppress(BaseException):
                    await pending
        log.info(
            "move of item %s: %d files verified in %.1f s",
            claim.item_id,
            done,
            time.perf_counter() - started,
        )
        return done, bytes_total, last_id

    async def verify_by_listing(
        self, claim: HeldMove, administration_id: int, documents: int
    ) -> tuple[int, int, int]:
        """Verify from the store's listing (size and MD5 of every file) instead of reading."""
        started = time.perf_counter()
        reported = 0

        async def progress(done: int) -> None:
            nonlocal reported
            DOCUMENTS_VERIFIED.inc(done - reported)
            reported = done
            await self._heartbeat(claim, documents_done=done)

        try:
            checked = await check_archive(self.files, administration_id, documents, progress)
        except StoreUnavailable as outage:
            raise _store_unavailable(outage) from None
        if checked.findings:
            finding = checked.findings[0]
            failure, words = _FILE_FAILURE[finding.problem]
            document = await Document.get(pk=finding.document_id).only("id", "title", "file_name")
            raise MoveFailed(
                failure,
                f'The file "{document.file_name}" of document "{document.title}" {words} '
                f"({finding.detail}); nothing was moved.",
            )
        log.info(
            "move of item %s: %d files verified from the store's listing in %.1f s",
            claim.item_id,
            checked.documents,
            time.perf_counter() - started,
        )
        return checked.documents, checked.bytes_total, checked.last_id

    async def verify(
        self, claim: HeldMove, administration_id: int, documents: int
    ) -> tuple[int, int, int]:
        """Verify the archive the way this installation is set to: (documents, bytes, last id)."""
        if self.settings.move_verification == MoveVerification.LISTING:
            return await self.verify_by_listing(claim, administration_id, documents)
        return await self.verify_archive(claim, administration_id)

    async def _file_failed(self, rows: list[tuple[int, str, str, int]], bad: set[str]) -> None:
        """Name the first file that failed by its document's title and file name, and why."""
        doc_id, key, sha256 = next((row[0], row[1], row[2]) for row in rows if row[1] in bad)
        problem = await self.files.diagnose(key, sha256) or FileProblem.UNREADABLE
        failure, words = _FILE_FAILURE[problem]
        document = await Document.get(pk=doc_id).only("id", "title", "file_name")
        others = len(bad) - 1
        more = f" ({others} more file(s) of this batch failed too)" if others else ""
        raise MoveFailed(
            failure,
            f'The file "{document.file_name}" of document "{document.title}" {words}{more}; '
            "nothing was moved.",
        )

    async def _file_too_slow(self, administration_id: int, slow: FileReadTimeout) -> None:
        """A file whose read passed its deadline: the move fails naming its document."""
        document = (
            await Document.filter(administration_id=administration_id, storage_key=slow.key)
            .only("id", "title", "file_name")
            .first()
        )
        name = f'"{document.file_name}" of document "{document.title}"' if document else slow.key
        raise MoveFailed(
            MoveFailure.FILE_UNREADABLE,
            f"The file {name} could not be read within {slow.seconds:g} s; nothing was moved.",
        )

    def _check(self, rows: list[tuple[int, str, str, int]]) -> asyncio.Future[list[str]]:
        """Start verifying one batch's files; the caller awaits the keys that failed."""
        return asyncio.ensure_future(self.files.verify([(row[1], row[2]) for row in rows]))

    async def _clear_user_links(self, administration_id: int) -> None:
        """Rule 4: the target keeps the display names, never a link to a source user."""
        await Document.filter(
            Q(uploaded_by_id__not_isnull=True) | Q(approved_by_id__not_isnull=True),
            administration_id=administration_id,
        ).update(uploaded_by_id=None, approved_by_id=None)

    async def _verify_while_clearing(
        self, claim: HeldMove, parties: Parties, documents: int
    ) -> None:
        """On PostgreSQL: clear the links in the final transaction while the files are verified.

        Clearing the links rewrites every row of the archive and costs about as much as
        verifying every file, so the two run side by side: the transaction that will change
        ownership starts at once with that UPDATE, stays open (invisible to everyone else)
        while the files are checked, and commits the change of ownership only when all of
        them passed; a failure rolls it back. The price: the archive's rows are locked for the
        whole move, not only for its last seconds.
        """
        verified: asyncio.Future[tuple[int, int, int]] = asyncio.get_running_loop().create_future()
        owner = asyncio.create_task(self._complete_when_verified(claim, parties, verified))
        checking = asyncio.create_task(self.verify(claim, parties.administration.pk, documents))
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
        self, claim: HeldMove, parties: Parties, verified: asyncio.Future[tuple[int, int, int]]
    ) -> None:
        """The final transaction of _verify_while_clearing, kept alive while it waits."""
        lease_ms = int(self.lease.total_seconds() * 1000)
        lease = self._lease(claim)
        async with in_transaction() as connection:
            # A worker that freezes mid-move must not hold the archive's locks for ever: its
            # idle transaction is ended once it has been silent for a lease. And a takeover
            # waits at most a lease for the locks of a worker that is still letting go.
            await connection.execute_script(
                f"SET LOCAL idle_in_transaction_session_timeout = {lease_ms}; "
                f"SET LOCAL lock_timeout = {lease_ms}"
            )
            started = time.perf_counter()
            await self._clear_user_links(parties.administration.pk)
            log.info(
                "move of item %s: user links cleared in %.1f s (not yet committed)",
                claim.item_id,
                time.perf_counter() - started,
            )
            while not verified.done():
                await asyncio.wait({verified}, timeout=self.lease.total_seconds() / 4)
                # The keep-alive is also the check: once the lease is gone (a read hangs and
                # the heartbeats stop, or another worker took over), the locks go with it.
                if not verified.done() and not await lease.held():
                    raise LeaseLost(claim.item_id)
            await self._complete(claim, parties, verified.result(), links_cleared=True)

    async def _complete(
        self,
        claim: HeldMove,
        parties: Parties,
        verified: tuple[int, int, int],
        *,
        links_cleared: bool = False,
    ) -> None:
        """Change ownership in one transaction, or not at all."""
        done, bytes_total, last_id = verified
        adm_id = parties.administration.pk
        async with in_transaction():
            query = MigrationItem.filter(lifecycle.running(claim.item_id, claim.attempt))
            if is_postgres():
                query = query.select_for_update()
                await Administration.filter(pk=adm_id).select_for_update().first()
            if await query.first() is None:
                raise LeaseLost(claim.item_id)
            await self.check_preconditions(parties)
            archive = Document.filter(administration_id=adm_id)
            if await archive.count() != done or await archive.filter(id__gt=last_id).exists():
                raise MoveFailed(
                    MoveFailure.ARCHIVE_CHANGED,
                    f"Documents were added to or removed from {parties.administration.name} "
                    "during the move; nothing was moved. Retry it.",
                )
            if not links_cleared:
                await self._clear_user_links(adm_id)
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
                documents=done,
                bytes_total=bytes_total,
                administration=await Administration.get(pk=adm_id),
                source=parties.source,
                target=parties.target,
                verification=self.settings.move_verification,
            )
            if not await lifecycle.complete(
                self._change(parties), parties.migration, parties.item, claim.attempt, completion
            ):
                raise LeaseLost(claim.item_id)

    async def _fail(self, claim: HeldMove, parties: Parties, failed: MoveFailed) -> None:
        """Record why the move failed; the source was not changed, so it can be retried."""
        async with in_transaction():
            await lifecycle.fail(
                self._change(parties),
                parties.migration,
                parties.item,
                claim.attempt,
                failed.failure,
                str(failed),
            )

    async def move(self, claim: HeldMove) -> MigrationStatus | None:
        """Move one claimed administration; returns how it ended, or None if it was taken over
        or handed back."""
        try:
            return await self._move(claim)
        except LeaseLost:
            log.warning("move of item %s: the lease was lost; abandoned", claim.item_id)
            return None
        except Exception as error:
            if not _database_interrupted(error):
                raise
            # The database went away (a terminated connection, a failover, a restart) or a
            # lock was not granted within a lease: everything rolled back, and the move is
            # handed back for this or another worker to redo now, not when its lease ends.
            log.warning(
                "move of item %s interrupted by the database (%s: %s); handed back",
                claim.item_id,
                type(error).__name__,
                error,
            )
            await self._hand_back(claim)
            return None
        except asyncio.CancelledError:
            # The worker is stopping: the transaction rolled back, the source is as it was.
            log.warning("move of item %s stopped with the worker; handed back", claim.item_id)
            await self._hand_back(claim)
            raise

    async def _move(self, claim: HeldMove) -> MigrationStatus:
        """The move itself: completed, or failed with its reason recorded."""
        parties = await self._parties(claim.item_id)
        try:
            await self.check_preconditions(parties)
            total = await Document.filter(administration_id=parties.administration.pk).count()
            await self._heartbeat(claim, documents_total=total, documents_done=0)
            if is_postgres():
                await self._verify_while_clearing(claim, parties, total)
            else:
                verified = await self.verify(claim, parties.administration.pk, total)
                await self._complete(claim, parties, verified)
            return MigrationStatus.COMPLETED
        except MoveFailed as failed:
            log.warning("move of item %s failed: %s", claim.item_id, failed)
            await self._fail(claim, parties, failed)
            return MigrationStatus.FAILED

    async def _hand_back(self, claim: HeldMove) -> None:
        """End this worker's lease at once, so the next worker need not wait for it to run out;
        the database that just failed gets a fresh connection or two for it."""
        with contextlib.suppress(Exception):
            await asyncio.wait_for(
                retrying(self._lease(claim).expire_now, what="handing a move back"), timeout=5
            )

    # -- the loop ------------------------------------------------------------------------------

    async def expire_offers(self) -> int:
        """Record offers that passed their expiry, and remind recipients of those expiring soon."""
        change = Change(self.settings, self.clock.now())
        async with in_transaction():
            expired = await lifecycle.expire_due(change)
        async with in_transaction():
            await lifecycle.remind_due(change)
        return expired

    async def run_once(self) -> MigrationStatus | None:
        """Expire what is due, then move one queued administration if there is one."""
        await self.expire_offers()
        claim = await self.claim_next()
        if claim is None:
            return None
        return await self.move(claim)

    async def run_until_idle(self) -> list[MigrationStatus | None]:
        """Work the queue empty; for tests and one-shot runs."""
        results = []
        while (claim := await self.claim_next()) is not None:
            results.append(await self.move(claim))
        return results

    async def run_forever(self, stop: asyncio.Event, interval: float = 1.0) -> None:
        """The worker loop: never dies on an error, pauses when idle, and on stop abandons
        the move in hand at once (it rolls back and is handed back) instead of finishing it."""
        stopping = asyncio.ensure_future(stop.wait())
        try:
            while not stop.is_set():
                work = asyncio.ensure_future(self.run_once())
                await asyncio.wait({work, stopping}, return_when=asyncio.FIRST_COMPLETED)
                if not work.done():
                    work.cancel()
                    with contextlib.suppress(BaseException):
                        await work
                    break
                try:
                    busy = work.result() is not None
                except Exception:
                    log.exception("move engine error")
                    busy = False
                if not busy:
                    await asyncio.wait({stopping}, timeout=interval)
        finally:
            stopping.cancel()


def _database_interrupted(error: BaseException) -> bool:
    """A fault of the database, whether Tortoise wrapped it or the driver's own error slipped
    through (a rollback on a terminated connection raises asyncpg's InterfaceError as it is);
    never the file store's errors, which are OSErrors too."""
    return isinstance(error, OperationalError) or is_connection_lost(error)


async def mover_loop(settings: Settings, clock: Clock, stop: asyncio.Event) -> None:
    """The move engine as a background loop of `overdracht serve` and `overdracht worker`."""
    engine = MoveEngine(settings, clock, open_file_store(settings))
    await engine.run_forever(stop)
