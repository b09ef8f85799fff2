"""The domain's vocabularies as GraphQL enums, with the same names as in the code."""

from __future__ import annotations

from typing import TypeAlias

import strawberry

from models.actions import Action
from models.enums import (
    AccountingPackage,
    AuditAction,
    DeliveryState,
    DocumentKind,
    DocumentStatus,
    MailLanguage,
    MigrationStatus,
    MoveFailure,
    Plan,
    Role,
    TokenScope,
)
from overdracht.filestore import FileProblem
from overdracht.settings import MoveVerification

# strawberry.enum marks the domain's class itself and hands it back, so each name below is at
# once the GraphQL enum and a type the checker knows; they are aliases, not copies.
PlanEnum: TypeAlias = Plan
RoleEnum: TypeAlias = Role
AccountingPackageEnum: TypeAlias = AccountingPackage
DocumentKindEnum: TypeAlias = DocumentKind
DocumentStatusEnum: TypeAlias = DocumentStatus
TokenScopeEnum: TypeAlias = TokenScope
MigrationStatusEnum: TypeAlias = MigrationStatus
MailLanguageEnum: TypeAlias = MailLanguage
AuditActionEnum: TypeAlias = AuditAction
MoveFailureEnum: TypeAlias = MoveFailure
DeliveryStateEnum: TypeAlias = DeliveryState
MoveVerificationEnum: TypeAlias = MoveVerification
FileProblemEnum: TypeAlias = FileProblem
MigrationActionEnum: TypeAlias = Action

for _vocabulary in (
    PlanEnum,
    RoleEnum,
    AccountingPackageEnum,
    DocumentKindEnum,
    DocumentStatusEnum,
    TokenScopeEnum,
    MigrationStatusEnum,
    MailLanguageEnum,
    AuditActionEnum,
    MoveFailureEnum,
    DeliveryStateEnum,
    MoveVerificationEnum,
    FileProblemEnum,
):
    strawberry.enum(_vocabulary, name=_vocabulary.__name__)
strawberry.enum(
    MigrationActionEnum,
    name="MigrationAction",
    description=(
        "What a superuser can do with an offered administration or an offer, each named as its "
        "mutation: withdrawMigration, cancelMigration, retryMigration, giveUpMigration, "
        "changeMigrationRecipients, resendMigrationOffer, extendMigration, claimMigration and "
        "rejectMigration."
    ),
)
