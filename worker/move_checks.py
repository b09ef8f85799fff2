"""What must still hold when a move runs: the offer's checks and the receiving's, again (rule 5).

A move runs days after the offer: an authorizer may have been added, the target may have left
the Premium plan or added the same administration itself. So the checks run again before the
files are verified, and once more inside the transaction that changes ownership.
"""

from __future__ import annotations

from models import Administration, Document, Environment
from models.enums import MoveFailure
from models.offering import DamageRecheck, check_offerable
from models.receiving import ReceivingChoice, check_receiving
from models.refusals import RefusalCode
from overdracht.filestore import FileStore, StoreUnavailable
from worker.move import FILE_FAILURE, MoveFailed, Parties, store_unavailable

# Files recorded as damaged that a move looks at again before it fails for them; beyond this,
# the file check's rounds do it.
RECHECK_AT_MOST = 50

# What an offer check that no longer passes at the move means for the move: one failure for each
# refusal check_offerable can give while moving (its REFUSED_WHILE_MOVING). A damaged file
# fails it with the file's own failure first, naming the document, where the record allows.
OFFER_FAILURE_OF: dict[RefusalCode, MoveFailure] = {
    RefusalCode.NOT_MIGRATABLE: MoveFailure.SOURCE_CHANGED,  # its connection is now of another
    RefusalCode.HAS_AUTHORIZERS: MoveFailure.CHECKLIST_FAILED,
    RefusalCode.HAS_ACTIVE_WORKFLOW: MoveFailure.CHECKLIST_FAILED,
    RefusalCode.HAS_PENDING_DOCUMENTS: MoveFailure.CHECKLIST_FAILED,
    RefusalCode.HAS_DAMAGED_FILES: MoveFailure.CHECKLIST_FAILED,
}

# What a receiving check that no longer passes at the move means for the move: one failure for
# each refusal check_receiving can give while moving (REFUSED_WHILE_MOVING). The chosen code's
# form is not among them: it was checked at the claim, and a claimed code does not change.
FAILURE_OF: dict[RefusalCode, MoveFailure] = {
    RefusalCode.NOT_PREMIUM: MoveFailure.TARGET_NOT_PREMIUM,
    RefusalCode.NOT_FOUND: MoveFailure.CONNECTION_GONE,  # the chosen connection was removed
    RefusalCode.NO_CONNECTION_OF_PACKAGE: MoveFailure.CONNECTION_GONE,
    RefusalCode.WRONG_PACKAGE: MoveFailure.CONNECTION_GONE,
    RefusalCode.DUPLICATE_IN_TARGET: MoveFailure.DUPLICATE_IN_TARGET,
    RefusalCode.CODE_IN_USE: MoveFailure.CODE_IN_USE,
}


async def check_preconditions(parties: Parties, files: FileStore) -> None:
    """The checks of the offer and of receiving, as they stand now; MoveFailed when one fails."""
    adm = await Administration.get(pk=parties.administration.pk)
    if adm.environment_id != parties.source.pk:
        raise MoveFailed(
            MoveFailure.SOURCE_CHANGED,
            f"{adm.name} is no longer in {parties.source.name}.",
        )
    recheck = DamageRecheck(files, at_most=RECHECK_AT_MOST)  # an outage fails the move
    try:
        [offerable] = await check_offerable(parties.source.pk, [adm.pk], recheck, now=None)
    except StoreUnavailable as outage:
        raise store_unavailable(outage) from None
    if offerable.refused(RefusalCode.HAS_DAMAGED_FILES):
        await _damage_found(adm)
    if refusals := offerable.refusals:
        raise MoveFailed(
            OFFER_FAILURE_OF[refusals[0].code],
            "The offer checks no longer pass: " + " ".join(r.message for r in refusals),
        )
    target = await Environment.get(pk=parties.target.pk)
    item = parties.item
    choice = ReceivingChoice(item, connection_id=item.target_connection_id, code=item.target_code)
    checked = await check_receiving(target, parties.migration.package, [choice], moving=True)
    for refused in [*checked.target_refusals, *checked.refusals[0]]:
        raise MoveFailed(FAILURE_OF[refused.code], refused.message)


async def _damage_found(administration: Administration) -> None:
    """A file the file check found damaged fails the move, naming its document."""
    document = (
        await Document.filter(administration_id=administration.pk, damage__not_isnull=True)
        .order_by("id")
        .first()
    )
    if document is None or document.damage is None:
        return
    failure, words = FILE_FAILURE[document.damage]
    raise MoveFailed(
        failure,
        f'The file "{document.file_name}" of document "{document.title}" {words} (found by '
        "the file check); nothing was moved. Have it restored from a backup, then retry.",
    )
