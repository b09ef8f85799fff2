"""The checklist an administration passes before it is offered and again before it moves."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.functions import Count

from models.authorization import AuthorizationStep, Workflow
from models.document import Document
from models.enums import PENDING_DOCUMENT_STATUSES
from models.refusals import Refusal, RefusalCode
from overdracht.filestore import FileStore

log = logging.getLogger("overdracht.scrubbing")


@dataclass(frozen=True)
class ChecklistResult:
    """The figures behind each check, so a screen can say exactly what to fix."""

    administration_id: int
    authorizers_in_flow: int
    active_workflows: int
    pending_documents: int
    # Documents whose stored file the scrubbing job found missing, unreadable or damaged.
    damaged_files: int = 0

    @property
    def refusals(self) -> list[Refusal]:
        """Each check of rule 5 this administration fails, in the rule's order, with the fix."""
        found = []
        if self.authorizers_in_flow:
            found.append(
                Refusal(
                    RefusalCode.HAS_AUTHORIZERS,
                    f"The authorization flow still names {self.authorizers_in_flow} "
                    "authorizer(s); remove them first.",
                )
            )
        if self.active_workflows:
            found.append(
                Refusal(
                    RefusalCode.HAS_ACTIVE_WORKFLOW,
                    f"{self.active_workflows} workflow(s) are still active; deactivate them first.",
                )
            )
        if self.pending_documents:
            found.append(
                Refusal(
                    RefusalCode.HAS_PENDING_DOCUMENTS,
                    f"{self.pending_documents} document(s) are NEW or TO_AUTHORIZE; approve, "
                    "reject or book them first.",
                )
            )
        if self.damaged_files:
            found.append(
                Refusal(
                    RefusalCode.HAS_DAMAGED_FILES,
                    f"The stored file of {self.damaged_files} document(s) is missing or damaged "
                    "(found by the file check); have it restored from a backup first.",
                )
            )
        return found

    @property
    def passed(self) -> bool:
        """Whether every check of rule 5 passes."""
        return not self.refusals


async def _counts(query: Any, key: str) -> dict[int, int]:
    rows = await query.group_by(key).annotate(n=Count("id")).values(key, "n")
    return {row[key]: row["n"] for row in rows}


async def run_checklist(administration_ids: Sequence[int]) -> dict[int, ChecklistResult]:
    """Check many administrations in four statements, whatever their number."""
    ids = list(administration_ids)
    if not ids:
        return {}
    authorizers = await _counts(
        AuthorizationStep.filter(flow__administration_id__in=ids),
        "flow__administration_id",
    )
    workflows = await _counts(
        Workflow.filter(administration_id__in=ids, is_active=True), "administration_id"
    )
    pending = await _counts(
        Document.filter(administration_id__in=ids, status__in=list(PENDING_DOCUMENT_STATUSES)),
        "administration_id",
    )
    damaged = await _counts(
        Document.filter(administration_id__in=ids, damage__not_isnull=True), "administration_id"
    )
    return {
        i: ChecklistResult(
            administration_id=i,
            authorizers_in_flow=authorizers.get(i, 0),
            active_workflows=workflows.get(i, 0),
            pending_documents=pending.get(i, 0),
            damaged_files=damaged.get(i, 0),
        )
        for i in ids
    }


async def recheck_damaged(
    files: FileStore, checks: dict[int, ChecklistResult], *, at_most: int
) -> dict[int, ChecklistResult]:
    """The checklist after looking again, now, at up to `at_most` files recorded as damaged.

    The way out once a file is restored: the offer or the move that meets the record looks
    again instead of waiting for the file check's next round. A store that does not answer
    raises StoreUnavailable, which says nothing about the files: each caller decides what an
    outage means for it.
    """
    damaged_in = [pk for pk, check in checks.items() if check.damaged_files]
    if not damaged_in:
        return checks
    damaged = await Document.filter(administration_id__in=damaged_in, damage__not_isnull=True).only(
        "id", "storage_key", "sha256"
    )
    restored = 0
    for document in damaged[:at_most]:
        if await files.diagnose(document.storage_key, document.sha256) is None:
            await Document.filter(pk=document.pk).update(damage=None, damage_found_at=None)
            log.info("file check: the file of document %s is intact again", document.pk)
            restored += 1
    return await run_checklist(list(checks)) if restored else checks
