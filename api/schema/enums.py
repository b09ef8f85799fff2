"""The domain's vocabularies as GraphQL enums, with the same names as in the code."""

from __future__ import annotations

import strawberry

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

PlanEnum = strawberry.enum(Plan, name="Plan")
RoleEnum = strawberry.enum(Role, name="Role")
AccountingPackageEnum = strawberry.enum(AccountingPackage, name="AccountingPackage")
DocumentKindEnum = strawberry.enum(DocumentKind, name="DocumentKind")
DocumentStatusEnum = strawberry.enum(DocumentStatus, name="DocumentStatus")
TokenScopeEnum = strawberry.enum(TokenScope, name="TokenScope")
MigrationStatusEnum = strawberry.enum(MigrationStatus, name="MigrationStatus")
MailLanguageEnum = strawberry.enum(MailLanguage, name="MailLanguage")
AuditActionEnum = strawberry.enum(AuditAction, name="AuditAction")
MoveFailureEnum = strawberry.enum(MoveFailure, name="MoveFailure")
DeliveryStateEnum = strawberry.enum(DeliveryState, name="DeliveryState")
