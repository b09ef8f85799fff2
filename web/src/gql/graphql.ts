/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AccountingPackage =
  | 'ACCOUNTVIEW'
  | 'AFAS'
  | 'EXACT_ONLINE'
  | 'MULTIVERS'
  | 'SNELSTART'
  | 'TWINFIELD'
  | 'XERO';

export type AuditAction =
  | 'CANCELLED'
  | 'CODE_ATTEMPT_FAILED'
  | 'COMPLETED'
  | 'EXPIRED'
  | 'EXPIRY_EXTENDED'
  | 'FAILED'
  | 'GAVE_UP'
  | 'MOVE_RESCHEDULED'
  | 'OFFERED'
  | 'OFFER_RESENT'
  | 'PREVIEWED'
  | 'RECEIVED'
  | 'RECIPIENTS_CHANGED'
  | 'RECIPIENT_REFUSED'
  | 'REJECTED'
  | 'RETRIED'
  | 'STARTED'
  | 'WITHDRAWN';

export type CancelMigrationInput = {
  /** The MigrationAdministration you received. */
  migrationAdministrationId: string | number;
};

export type ChangeMigrationRecipientsInput = {
  migrationId: string | number;
  /** At most 10 items. */
  recipients: Array<string>;
};

export type CheckRecipientsInput = {
  /** E-mail addresses of superusers of the receiving environment, in the order typed. Send the whole list as it grows: an address looked up again within the hour costs nothing. At most 10 items. */
  recipients: Array<string>;
};

export type ClaimAdministrationInput = {
  /** The code in your accounting package, if it differs from the offered one. */
  administrationCode?: string | null | undefined;
  /** One of your accounting connections of the same package. */
  connectionId: string | number;
  /** The MigrationAdministration ID from the preview. */
  migrationAdministrationId: string | number;
  /** A moment the move must not start before, for example after a period closes: not in the past (NOT_BEFORE_IN_PAST) and at most OVERDRACHT_MOVE_NOT_BEFORE_MAX_SECONDS (30 days unless configured) ahead (NOT_BEFORE_TOO_FAR); without a time zone it is UTC. Null: as soon as a worker is free. Changed later with rescheduleMove. */
  notBefore?: string | null | undefined;
};

export type ClaimMigrationInput = {
  /** The migration costs are charged to your environment per administration. */
  acceptCosts: boolean;
  acceptTerms: boolean;
  /** At most 1,000 items. */
  administrations: Array<ClaimAdministrationInput>;
  /** The version of the terms (Query.terms) the user was shown and accepts; another than the current one is refused as TERMS_OUTDATED. Recorded on each administration received (receptionTermsVersion). */
  termsVersion: string;
  transferCode: string;
};

export type DeliveryState =
  | 'DELIVERED'
  | 'PENDING'
  | 'REFUSED';

export type DocumentKind =
  | 'BANK_STATEMENT'
  | 'OTHER'
  | 'PURCHASE_INVOICE'
  | 'RECEIPT'
  | 'SALES_INVOICE';

export type DocumentStatus =
  | 'APPROVED'
  | 'BOOKED'
  | 'NEW'
  | 'REJECTED'
  | 'TO_AUTHORIZE';

export type ExtendMigrationInput = {
  expiresAt: string;
  migrationId: string | number;
};

export type FileProblem =
  | 'DAMAGED'
  | 'MISSING'
  | 'UNREADABLE';

export type GiveUpMigrationInput = {
  /** The MigrationAdministration whose move failed. */
  migrationAdministrationId: string | number;
};

export type MailLanguage =
  | 'EN'
  | 'NL';

/** What a superuser can do with an offered administration or an offer, each named as its mutation: withdrawMigration, cancelMigration, retryMigration, giveUpMigration, changeMigrationRecipients, resendMigrationOffer, extendMigration, claimMigration and rejectMigration. */
export type MigrationAction =
  | 'CANCEL'
  | 'CHANGE_RECIPIENTS'
  | 'EXTEND'
  | 'GIVE_UP'
  | 'RECEIVE'
  | 'REJECT'
  | 'RESCHEDULE'
  | 'RESEND'
  | 'RETRY'
  | 'WITHDRAW';

export type MigrationStatus =
  | 'COMPLETED'
  | 'EXPIRED'
  | 'FAILED'
  | 'OFFERED'
  | 'QUEUED'
  | 'REJECTED'
  | 'RUNNING'
  | 'WITHDRAWN';

export type MoveFailure =
  | 'ARCHIVE_CHANGED'
  | 'CHECKLIST_FAILED'
  | 'CODE_IN_USE'
  | 'CONNECTION_GONE'
  | 'DUPLICATE_IN_TARGET'
  | 'FILE_DAMAGED'
  | 'FILE_MISSING'
  | 'FILE_UNREADABLE'
  | 'SOURCE_CHANGED'
  | 'STORAGE_UNAVAILABLE'
  | 'TARGET_NOT_PREMIUM';

export type MoveVerification =
  | 'LISTING'
  | 'READ';

export type OfferMigrationInput = {
  acceptTerms: boolean;
  /** Users, authorizers, authorization flows and workflows stay behind. */
  acknowledgeUsersDoNotMove: boolean;
  /** One offer holds at most as many as the installation allows (5 unless it sets otherwise): more is the userError TOO_MANY, before anything is looked up. At most 1,000 items. */
  administrationIds: Array<string | number>;
  language?: MailLanguage;
  /** E-mail addresses of superusers of the receiving environment. At most 10 items. */
  recipients: Array<string>;
  /** The version of the terms (Query.terms) the user was shown and accepts; another than the current one is refused as TERMS_OUTDATED. Recorded on the offer. */
  termsVersion: string;
};

export type OrderDirection =
  | 'ASC'
  | 'DESC';

export type OverviewOrder = {
  direction?: OrderDirection;
  field?: OverviewOrderField;
};

export type OverviewOrderField =
  | 'ADMINISTRATION_NAME'
  | 'EXPIRES_AT'
  | 'OFFERED_AT';

export type RejectMigrationInput = {
  /** MigrationAdministration IDs from the preview. At most 1,000 items. */
  migrationAdministrationIds: Array<string | number>;
  reason?: string | null | undefined;
  transferCode: string;
};

export type RescheduleMoveInput = {
  /** The MigrationAdministration you received. */
  id: string | number;
  /** The new moment, checked as in claimMigration (NOT_BEFORE_IN_PAST, NOT_BEFORE_TOO_FAR); null to start as soon as a worker is free. */
  notBefore?: string | null | undefined;
};

export type ResendMigrationOfferInput = {
  migrationId: string | number;
};

export type RetryMigrationInput = {
  migrationAdministrationId: string | number;
};

export type Role =
  | 'AUTHORIZER'
  | 'RESTRICTED_CLIENT'
  | 'SUPERUSER'
  | 'USER';

export type TokenScope =
  | 'FULL'
  | 'READ_ONLY';

export type UserErrorCode =
  | 'ACKNOWLEDGEMENT_REQUIRED'
  | 'ALREADY_ENDED'
  | 'ALREADY_OFFERED'
  | 'ALREADY_RECEIVED'
  | 'CODE_IN_USE'
  | 'COSTS_NOT_ACCEPTED'
  | 'DUPLICATE_IN_INPUT'
  | 'DUPLICATE_IN_TARGET'
  | 'EXPIRED'
  | 'FORBIDDEN'
  | 'HAS_ACTIVE_WORKFLOW'
  | 'HAS_AUTHORIZERS'
  | 'HAS_DAMAGED_FILES'
  | 'HAS_PENDING_DOCUMENTS'
  | 'INVALID'
  | 'INVALID_EMAIL'
  | 'MIXED_PACKAGES'
  | 'MOVE_STARTED'
  | 'NOT_BEFORE_IN_PAST'
  | 'NOT_BEFORE_TOO_FAR'
  | 'NOT_FAILED'
  | 'NOT_FOUND'
  | 'NOT_MIGRATABLE'
  | 'NOT_OFFERED'
  | 'NOT_PREMIUM'
  | 'NOT_QUEUED'
  | 'NO_CONNECTION_OF_PACKAGE'
  | 'NO_CURRENT_RECIPIENTS'
  | 'NO_WEBHOOK_EVENTS'
  | 'OWN_OFFER'
  | 'RECIPIENTS_IN_SEVERAL_ENVIRONMENTS'
  | 'RECIPIENT_IN_OWN_ENVIRONMENT'
  | 'REJECTED'
  | 'REQUIRED'
  | 'TERMS_NOT_ACCEPTED'
  | 'TERMS_OUTDATED'
  | 'TOO_MANY'
  | 'TOO_MANY_ATTEMPTS'
  | 'TOO_MANY_RECIPIENT_CHECKS'
  | 'TOO_MANY_RESENDS'
  | 'TRANSFER_CODE_INVALID'
  | 'UNKNOWN_RECIPIENT'
  | 'WEBHOOK_TARGET_REFUSED'
  | 'WITHDRAWN'
  | 'WRONG_PACKAGE';

export type ViewerAction =
  | 'MANAGE_TOKENS'
  | 'OFFER'
  | 'RECEIVE';

export type WithdrawMigrationInput = {
  /** The MigrationAdministration to withdraw; leave out to withdraw the offer. */
  migrationAdministrationId?: string | number | null | undefined;
  migrationId: string | number;
};

export type ViewerAbilitiesQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerAbilitiesQuery = { viewer: { id: string, abilities: Array<{ id: string, action: ViewerAction, allowed: boolean, reason: UserErrorCode | null }> } | null };

export type ShellQueryVariables = Exact<{ [key: string]: never; }>;


export type ShellQuery = { viewer: (
    { id: string, environment: { id: string, timeZone: string } }
    & { ' $fragmentRefs'?: { 'Header_ViewerFragment': Header_ViewerFragment } }
  ) | null };

export type BillableLineRow_LineFragment = { id: string, createdAt: string, amount: string, currency: string, acceptedByName: string, administration: { id: string, administrationName: string, administrationCode: string, sourceOffice: { id: string, name: string, officeCode: string } }, migration: { id: string } } & { ' $fragmentName'?: 'BillableLineRow_LineFragment' };

export type BillableLinesQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type BillableLinesQuery = { billableLines: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<(
      { id: string }
      & { ' $fragmentRefs'?: { 'BillableLineRow_LineFragment': BillableLineRow_LineFragment } }
    )> } | null };

export type DocumentRow_DocumentFragment = { id: string, title: string, kind: DocumentKind, status: DocumentStatus, fileSize: number, createdAt: string, fileProblem: FileProblem | null, fileName: string, downloadUrl: string | null } & { ' $fragmentName'?: 'DocumentRow_DocumentFragment' };

export type AdministrationDocumentsQueryVariables = Exact<{
  id: string | number;
  status?: DocumentStatus | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type AdministrationDocumentsQuery = { node:
    | { __typename: 'AccountingConnection', id: string }
    | { __typename: 'Administration', name: string, code: string, inboundMailAddress: string, id: string }
    | { __typename: 'ApiToken', id: string }
    | { __typename: 'BillableLine', id: string }
    | { __typename: 'Document', id: string }
    | { __typename: 'Environment', id: string }
    | { __typename: 'Migration', id: string }
    | { __typename: 'MigrationAdministration', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'WebhookDelivery', id: string }
    | { __typename: 'WebhookEndpoint', id: string }
   | null, documents: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<(
      { id: string }
      & { ' $fragmentRefs'?: { 'DocumentRow_DocumentFragment': DocumentRow_DocumentFragment } }
    )> } | null };

export type Header_ViewerFragment = { tokenScope: TokenScope, user: { id: string, displayName: string, role: Role }, environment: { id: string, name: string, officeCode: string } } & { ' $fragmentName'?: 'Header_ViewerFragment' };

export type MoveReceipt_ReceiptFragment = { id: string, documentsMoved: number, bytesMoved: number, checksumsVerified: boolean, verification: MoveVerification, completedAt: string } & { ' $fragmentName'?: 'MoveReceipt_ReceiptFragment' };

export type RetryMigrationMutationVariables = Exact<{
  input: RetryMigrationInput;
}>;


export type RetryMigrationMutation = { retryMigration: { administration: { id: string, status: MigrationStatus, statusChangedAt: string, allowedActions: Array<MigrationAction>, failure: MoveFailure | null, reason: string | null, progress: { documentsDone: number, documentsTotal: number } } | null, userErrors: Array<{ ' $fragmentRefs'?: { 'UserErrorText_ErrorFragment': UserErrorText_ErrorFragment } }> } };

export type WithdrawButton_ItemFragment = { id: string, status: MigrationStatus, administrationName: string, allowedActions: Array<MigrationAction>, migration: { id: string } } & { ' $fragmentName'?: 'WithdrawButton_ItemFragment' };

export type WithdrawAdministrationMutationVariables = Exact<{
  input: WithdrawMigrationInput;
}>;


export type WithdrawAdministrationMutation = { withdrawMigration: { migration: { id: string, allowedActions: Array<MigrationAction>, administrations: { nodes: Array<{ id: string, status: MigrationStatus, statusChangedAt: string, allowedActions: Array<MigrationAction> }> }, statusCounts: { offered: number, withdrawn: number, expired: number, rejected: number, queued: number, running: number, completed: number, failed: number, total: number } } | null, userErrors: Array<{ code: UserErrorCode, field: Array<string> | null, message: string }> } };

export type OfferWizardQueryVariables = Exact<{ [key: string]: never; }>;


export type OfferWizardQuery = { viewer: { id: string, maxAdministrationsPerOffer: number, user: { id: string, email: string } } | null, accountingConnections: { nodes: Array<{ id: string, name: string, package: AccountingPackage, isMigratable: boolean }> } | null };

export type OfferMigrationMutationVariables = Exact<{
  input: OfferMigrationInput;
}>;


export type OfferMigrationMutation = { offerMigration: { migration: { id: string } | null, userErrors: Array<{ ' $fragmentRefs'?: { 'UserErrorText_ErrorFragment': UserErrorText_ErrorFragment } }> } };

export type OfferChecklist_RowFragment = { id: string, canBeOffered: boolean, packageIsMigratable: boolean, alreadyOffered: boolean, authorizersInFlow: number, activeWorkflows: number, pendingDocuments: number, damagedFiles: number, administration: { id: string, code: string, name: string, documentCount: number, inboundMailAddress: string } } & { ' $fragmentName'?: 'OfferChecklist_RowFragment' };

export type OfferChecklistPageQueryVariables = Exact<{
  connectionId: string | number;
  after?: string | null | undefined;
}>;


export type OfferChecklistPageQuery = { offerChecklist: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<(
      { id: string }
      & { ' $fragmentRefs'?: { 'OfferChecklist_RowFragment': OfferChecklist_RowFragment } }
    )> } | null };

export type CheckRecipientsMutationVariables = Exact<{
  input: CheckRecipientsInput;
}>;


export type CheckRecipientsMutation = { checkRecipients: { recipients: Array<{ id: string, address: string, accepted: boolean }>, userErrors: Array<{ ' $fragmentRefs'?: { 'UserErrorText_ErrorFragment': UserErrorText_ErrorFragment } }> } };

export type OfferAdministrationRow_ItemFragment = (
  { id: string, status: MigrationStatus, statusChangedAt: string, notBefore: string | null, administrationName: string, administrationCode: string, inboundMailAddress: string | null, failure: MoveFailure | null, reason: string | null, allowedActions: Array<MigrationAction>, progress: { documentsDone: number, documentsTotal: number, documentsPerSecond: number | null, expectedCompletionAt: string | null }, receipt: (
    { id: string }
    & { ' $fragmentRefs'?: { 'MoveReceipt_ReceiptFragment': MoveReceipt_ReceiptFragment } }
  ) | null }
  & { ' $fragmentRefs'?: { 'WithdrawButton_ItemFragment': WithdrawButton_ItemFragment } }
) & { ' $fragmentName'?: 'OfferAdministrationRow_ItemFragment' };

export type OfferAuditQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type OfferAuditQuery = { migration: { id: string, auditTrail: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, action: AuditAction, at: string, actorName: string, administrationName: string | null, detail: unknown, actorOffice: { id: string, name: string, officeCode: string } | null }> } } | null };

export type ExtendMigrationMutationVariables = Exact<{
  input: ExtendMigrationInput;
}>;


export type ExtendMigrationMutation = { extendMigration: { migration: { id: string, expiresAt: string, isExpired: boolean, administrations: { nodes: Array<{ id: string, expiresAt: string }> } } | null, userErrors: Array<{ ' $fragmentRefs'?: { 'UserErrorText_ErrorFragment': UserErrorText_ErrorFragment } }> } };

export type OfferPageQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type OfferPageQuery = { viewer: { id: string, environment: { id: string, timeZone: string } } | null, migration: { id: string, package: AccountingPackage, transferCode: string | null, offeredAt: string, expiresAt: string, isExpired: boolean, requesterName: string, allowedActions: Array<MigrationAction>, language: MailLanguage, sourceOffice: { id: string, name: string, officeCode: string }, statusCounts: { offered: number, withdrawn: number, expired: number, rejected: number, queued: number, running: number, completed: number, failed: number, total: number }, administrations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<(
        { id: string, status: MigrationStatus }
        & { ' $fragmentRefs'?: { 'OfferAdministrationRow_ItemFragment': OfferAdministrationRow_ItemFragment } }
      )> } } | null };

export type OfferDeliveriesQueryVariables = Exact<{
  id: string | number;
}>;


export type OfferDeliveriesQuery = { migration: { id: string, recipients: Array<string> | null, requesterName: string, requesterEmail: string | null, recipientDeliveries: { nodes: Array<{ id: string, address: string, state: DeliveryState, serverAnswer: string | null, nextAttemptAt: string | null, updatedAt: string | null }> } | null } | null };

export type ChangeMigrationRecipientsMutationVariables = Exact<{
  input: ChangeMigrationRecipientsInput;
}>;


export type ChangeMigrationRecipientsMutation = { changeMigrationRecipients: { migration: { id: string, recipients: Array<string> | null } | null, userErrors: Array<{ ' $fragmentRefs'?: { 'UserErrorText_ErrorFragment': UserErrorText_ErrorFragment } }> } };

export type ResendMigrationOfferMutationVariables = Exact<{
  input: ResendMigrationOfferInput;
}>;


export type ResendMigrationOfferMutation = { resendMigrationOffer: { sentTo: Array<string>, skippedRecipients: Array<string>, userErrors: Array<{ ' $fragmentRefs'?: { 'UserErrorText_ErrorFragment': UserErrorText_ErrorFragment } }> } };

export type WithdrawOfferMutationVariables = Exact<{
  input: WithdrawMigrationInput;
}>;


export type WithdrawOfferMutation = { withdrawMigration: { migration: { id: string, administrations: { nodes: Array<{ id: string, status: MigrationStatus, statusChangedAt: string }> } } | null, userErrors: Array<{ ' $fragmentRefs'?: { 'UserErrorText_ErrorFragment': UserErrorText_ErrorFragment } }> } };

export type OfferedRow_ItemFragment = (
  { id: string, status: MigrationStatus, notBefore: string | null, offeredAt: string, expiresAt: string, administrationName: string, administrationCode: string, inboundMailAddress: string | null, transferCode: string | null, recipients: Array<string> | null, targetOffice: { id: string, name: string, officeCode: string } | null, progress: { documentsDone: number, documentsTotal: number, documentsPerSecond: number | null, expectedCompletionAt: string | null }, migration: { id: string } }
  & { ' $fragmentRefs'?: { 'WithdrawButton_ItemFragment': WithdrawButton_ItemFragment } }
) & { ' $fragmentName'?: 'OfferedRow_ItemFragment' };

export type OfferedAdministrationsQueryVariables = Exact<{
  search?: string | null | undefined;
  status?: MigrationStatus | null | undefined;
  orderBy?: OverviewOrder | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type OfferedAdministrationsQuery = { offeredAdministrations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, statusCounts: { ' $fragmentRefs'?: { 'StatusFilter_CountsFragment': StatusFilter_CountsFragment } }, nodes: Array<(
      { id: string }
      & { ' $fragmentRefs'?: { 'OfferedRow_ItemFragment': OfferedRow_ItemFragment } }
    )> } | null };

export type ReceivableRow_ItemFragment = { id: string, status: MigrationStatus, notBefore: string | null, offeredAt: string, administrationName: string, administrationCode: string, chosenCode: string | null, package: AccountingPackage, sourceOffice: { id: string, name: string, officeCode: string }, progress: { documentsDone: number, documentsTotal: number, documentsPerSecond: number | null, expectedCompletionAt: string | null }, migration: { id: string } } & { ' $fragmentName'?: 'ReceivableRow_ItemFragment' };

export type ReceivableAdministrationsQueryVariables = Exact<{
  search?: string | null | undefined;
  status?: MigrationStatus | null | undefined;
  orderBy?: OverviewOrder | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ReceivableAdministrationsQuery = { receivableAdministrations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, statusCounts: { ' $fragmentRefs'?: { 'StatusFilter_CountsFragment': StatusFilter_CountsFragment } }, nodes: Array<(
      { id: string }
      & { ' $fragmentRefs'?: { 'ReceivableRow_ItemFragment': ReceivableRow_ItemFragment } }
    )> } | null };

export type StatusFilter_CountsFragment = { offered: number, withdrawn: number, expired: number, rejected: number, queued: number, running: number, completed: number, failed: number, total: number } & { ' $fragmentName'?: 'StatusFilter_CountsFragment' };

export type OverviewChangesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type OverviewChangesSubscription = { overviewChanges: { id: string, status: MigrationStatus, statusChangedAt: string, expiresAt: string, failure: MoveFailure | null, reason: string | null, allowedActions: Array<MigrationAction>, progress: { documentsDone: number, documentsTotal: number, documentsPerSecond: number | null, expectedCompletionAt: string | null }, receipt: (
      { id: string }
      & { ' $fragmentRefs'?: { 'MoveReceipt_ReceiptFragment': MoveReceipt_ReceiptFragment } }
    ) | null } };

export type ChoiceRow_RowFragment = { id: string, documentCount: number, canReceive: boolean, stillOffered: boolean, duplicateInTarget: boolean, codeInUse: boolean, hasConnectionOfPackage: boolean, administration: { id: string, status: MigrationStatus, allowedActions: Array<MigrationAction>, administrationName: string, administrationCode: string, package: AccountingPackage } } & { ' $fragmentName'?: 'ChoiceRow_RowFragment' };

export type ChooseStep_PreviewFragment = { package: AccountingPackage, offeredAt: string, expiresAt: string, requesterName: string, sourceOffice: { id: string, name: string, officeCode: string }, pricePerAdministration: { amount: string, currency: string }, connections: { nodes: Array<{ id: string, name: string }> } } & { ' $fragmentName'?: 'ChooseStep_PreviewFragment' };

export type ChooseStep_RowFragment = (
  { id: string, administration: { id: string, administrationName: string, migration: { id: string } } }
  & { ' $fragmentRefs'?: { 'ChoiceRow_RowFragment': ChoiceRow_RowFragment } }
) & { ' $fragmentName'?: 'ChooseStep_RowFragment' };

export type ClaimOfferedMutationVariables = Exact<{
  input: ClaimMigrationInput;
}>;


export type ClaimOfferedMutation = { claimMigration: { migration: { id: string } | null, userErrors: Array<{ code: UserErrorCode, field: Array<string> | null, message: string, retryAt: string | null }> } };

export type RejectOfferedMutationVariables = Exact<{
  input: RejectMigrationInput;
}>;


export type RejectOfferedMutation = { rejectMigration: { migration: { id: string } | null, userErrors: Array<{ code: UserErrorCode, field: Array<string> | null, message: string, retryAt: string | null }> } };

export type ReceivedItem_ItemFragment = (
  { id: string, status: MigrationStatus, statusChangedAt: string, notBefore: string | null, administrationName: string, administrationCode: string, reason: string | null, failure: MoveFailure | null, progress: { documentsDone: number, documentsTotal: number, documentsPerSecond: number | null, expectedCompletionAt: string | null }, receipt: { id: string, documentsMoved: number, bytesMoved: number, checksumsVerified: boolean, verification: MoveVerification, completedAt: string } | null, administration: { id: string, code: string, name: string, inboundMailAddress: string } | null }
  & { ' $fragmentRefs'?: { 'ReceiverActions_ItemFragment': ReceiverActions_ItemFragment } }
) & { ' $fragmentName'?: 'ReceivedItem_ItemFragment' };

export type ReceivedOfferQueryVariables = Exact<{
  id: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type ReceivedOfferQuery = { migration: { id: string, package: AccountingPackage, offeredAt: string, expiresAt: string, requesterName: string, sourceOffice: { id: string, name: string, officeCode: string }, administrations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<(
        { id: string, status: MigrationStatus }
        & { ' $fragmentRefs'?: { 'ReceivedItem_ItemFragment': ReceivedItem_ItemFragment } }
      )> } } | null };

export type ReceiverActions_ItemFragment = { id: string, status: MigrationStatus, administrationName: string, allowedActions: Array<MigrationAction>, notBefore: string | null } & { ' $fragmentName'?: 'ReceiverActions_ItemFragment' };

export type CancelReceivedMutationVariables = Exact<{
  input: CancelMigrationInput;
}>;


export type CancelReceivedMutation = { cancelMigration: { administration: { id: string, status: MigrationStatus, statusChangedAt: string, allowedActions: Array<MigrationAction> } | null, userErrors: Array<{ code: UserErrorCode, field: Array<string> | null, message: string }> } };

export type RetryReceivedMutationVariables = Exact<{
  input: RetryMigrationInput;
}>;


export type RetryReceivedMutation = { retryMigration: { administration: { id: string, status: MigrationStatus, statusChangedAt: string, allowedActions: Array<MigrationAction>, failure: MoveFailure | null, reason: string | null, progress: { documentsDone: number, documentsTotal: number } } | null, userErrors: Array<{ code: UserErrorCode, field: Array<string> | null, message: string }> } };

export type GiveUpReceivedMutationVariables = Exact<{
  input: GiveUpMigrationInput;
}>;


export type GiveUpReceivedMutation = { giveUpMigration: { administration: { id: string, status: MigrationStatus, statusChangedAt: string, allowedActions: Array<MigrationAction>, failure: MoveFailure | null, reason: string | null } | null, userErrors: Array<{ code: UserErrorCode, field: Array<string> | null, message: string }> } };

export type RescheduleReceivedMutationVariables = Exact<{
  input: RescheduleMoveInput;
}>;


export type RescheduleReceivedMutation = { rescheduleMove: { administration: { id: string, status: MigrationStatus, statusChangedAt: string, notBefore: string | null, allowedActions: Array<MigrationAction> } | null, userErrors: Array<{ code: UserErrorCode, field: Array<string> | null, message: string, retryAt: string | null }> } };

export type TransferCodePreviewQueryVariables = Exact<{
  transferCode: string;
  first: number;
  after?: string | null | undefined;
}>;


export type TransferCodePreviewQuery = { transferCodePreview: { preview: (
      { id: string, targetIsPremium: boolean, administrations: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<(
          { id: string }
          & { ' $fragmentRefs'?: { 'ChooseStep_RowFragment': ChooseStep_RowFragment } }
        )> } }
      & { ' $fragmentRefs'?: { 'ChooseStep_PreviewFragment': ChooseStep_PreviewFragment } }
    ) | null, userErrors: Array<{ code: UserErrorCode, retryAt: string | null }> } | null };

export type TermsQueryVariables = Exact<{
  language: MailLanguage;
}>;


export type TermsQuery = { terms: { version: string, text: string } | null };

export type UserErrorText_ErrorFragment = { code: UserErrorCode, field: Array<string> | null, retryAt: string | null } & { ' $fragmentName'?: 'UserErrorText_ErrorFragment' };

export const BillableLineRow_LineFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillableLineRow_line"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BillableLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedByName"}},{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"sourceOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<BillableLineRow_LineFragment, unknown>;
export const DocumentRow_DocumentFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DocumentRow_document"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Document"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fileSize"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"fileProblem"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]} as unknown as DocumentNode<DocumentRow_DocumentFragment, unknown>;
export const Header_ViewerFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Header_viewer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokenScope"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"environment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}}]}}]} as unknown as DocumentNode<Header_ViewerFragment, unknown>;
export const OfferChecklist_RowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OfferChecklist_row"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdministrationChecklist"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"canBeOffered"}},{"kind":"Field","name":{"kind":"Name","value":"packageIsMigratable"}},{"kind":"Field","name":{"kind":"Name","value":"alreadyOffered"}},{"kind":"Field","name":{"kind":"Name","value":"authorizersInFlow"}},{"kind":"Field","name":{"kind":"Name","value":"activeWorkflows"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"damagedFiles"}},{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"documentCount"}},{"kind":"Field","name":{"kind":"Name","value":"inboundMailAddress"}}]}}]}}]} as unknown as DocumentNode<OfferChecklist_RowFragment, unknown>;
export const MoveReceipt_ReceiptFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoveReceipt_receipt"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MoveReceipt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentsMoved"}},{"kind":"Field","name":{"kind":"Name","value":"bytesMoved"}},{"kind":"Field","name":{"kind":"Name","value":"checksumsVerified"}},{"kind":"Field","name":{"kind":"Name","value":"verification"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}}]} as unknown as DocumentNode<MoveReceipt_ReceiptFragment, unknown>;
export const WithdrawButton_ItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WithdrawButton_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<WithdrawButton_ItemFragment, unknown>;
export const OfferAdministrationRow_ItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OfferAdministrationRow_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"notBefore"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"inboundMailAddress"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentsDone"}},{"kind":"Field","name":{"kind":"Name","value":"documentsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"documentsPerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"expectedCompletionAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"receipt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoveReceipt_receipt"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WithdrawButton_item"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoveReceipt_receipt"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MoveReceipt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentsMoved"}},{"kind":"Field","name":{"kind":"Name","value":"bytesMoved"}},{"kind":"Field","name":{"kind":"Name","value":"checksumsVerified"}},{"kind":"Field","name":{"kind":"Name","value":"verification"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WithdrawButton_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<OfferAdministrationRow_ItemFragment, unknown>;
export const OfferedRow_ItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OfferedRow_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"notBefore"}},{"kind":"Field","name":{"kind":"Name","value":"offeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"inboundMailAddress"}},{"kind":"Field","name":{"kind":"Name","value":"transferCode"}},{"kind":"Field","name":{"kind":"Name","value":"recipients"}},{"kind":"Field","name":{"kind":"Name","value":"targetOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentsDone"}},{"kind":"Field","name":{"kind":"Name","value":"documentsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"documentsPerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"expectedCompletionAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WithdrawButton_item"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WithdrawButton_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<OfferedRow_ItemFragment, unknown>;
export const ReceivableRow_ItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReceivableRow_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"notBefore"}},{"kind":"Field","name":{"kind":"Name","value":"offeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"chosenCode"}},{"kind":"Field","name":{"kind":"Name","value":"package"}},{"kind":"Field","name":{"kind":"Name","value":"sourceOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentsDone"}},{"kind":"Field","name":{"kind":"Name","value":"documentsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"documentsPerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"expectedCompletionAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ReceivableRow_ItemFragment, unknown>;
export const StatusFilter_CountsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusFilter_counts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationStatusCounts"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offered"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"queued"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]} as unknown as DocumentNode<StatusFilter_CountsFragment, unknown>;
export const ChooseStep_PreviewFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChooseStep_preview"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OfferPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"package"}},{"kind":"Field","name":{"kind":"Name","value":"offeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"requesterName"}},{"kind":"Field","name":{"kind":"Name","value":"pricePerAdministration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"connections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ChooseStep_PreviewFragment, unknown>;
export const ChoiceRow_RowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChoiceRow_row"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OfferPreviewAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentCount"}},{"kind":"Field","name":{"kind":"Name","value":"canReceive"}},{"kind":"Field","name":{"kind":"Name","value":"stillOffered"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateInTarget"}},{"kind":"Field","name":{"kind":"Name","value":"codeInUse"}},{"kind":"Field","name":{"kind":"Name","value":"hasConnectionOfPackage"}},{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"package"}}]}}]}}]} as unknown as DocumentNode<ChoiceRow_RowFragment, unknown>;
export const ChooseStep_RowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChooseStep_row"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OfferPreviewAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChoiceRow_row"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChoiceRow_row"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OfferPreviewAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentCount"}},{"kind":"Field","name":{"kind":"Name","value":"canReceive"}},{"kind":"Field","name":{"kind":"Name","value":"stillOffered"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateInTarget"}},{"kind":"Field","name":{"kind":"Name","value":"codeInUse"}},{"kind":"Field","name":{"kind":"Name","value":"hasConnectionOfPackage"}},{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"package"}}]}}]}}]} as unknown as DocumentNode<ChooseStep_RowFragment, unknown>;
export const ReceiverActions_ItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReceiverActions_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"notBefore"}}]}}]} as unknown as DocumentNode<ReceiverActions_ItemFragment, unknown>;
export const ReceivedItem_ItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReceivedItem_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"notBefore"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentsDone"}},{"kind":"Field","name":{"kind":"Name","value":"documentsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"documentsPerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"expectedCompletionAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"receipt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentsMoved"}},{"kind":"Field","name":{"kind":"Name","value":"bytesMoved"}},{"kind":"Field","name":{"kind":"Name","value":"checksumsVerified"}},{"kind":"Field","name":{"kind":"Name","value":"verification"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"inboundMailAddress"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReceiverActions_item"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReceiverActions_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"notBefore"}}]}}]} as unknown as DocumentNode<ReceivedItem_ItemFragment, unknown>;
export const UserErrorText_ErrorFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorText_error"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"retryAt"}}]}}]} as unknown as DocumentNode<UserErrorText_ErrorFragment, unknown>;
export const ViewerAbilitiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ViewerAbilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"abilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerAbilitiesQuery, ViewerAbilitiesQueryVariables>;
export const ShellDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Shell"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"environment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Header_viewer"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Header_viewer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokenScope"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"environment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}}]}}]} as unknown as DocumentNode<ShellQuery, ShellQueryVariables>;
export const BillableLinesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillableLines"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billableLines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"BillableLineRow_line"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillableLineRow_line"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BillableLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedByName"}},{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"sourceOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<BillableLinesQuery, BillableLinesQueryVariables>;
export const AdministrationDocumentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdministrationDocuments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DocumentStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Administration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"inboundMailAddress"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"administrationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"DocumentRow_document"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DocumentRow_document"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Document"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fileSize"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"fileProblem"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]} as unknown as DocumentNode<AdministrationDocumentsQuery, AdministrationDocumentsQueryVariables>;
export const RetryMigrationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetryMigration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RetryMigrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryMigration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentsDone"}},{"kind":"Field","name":{"kind":"Name","value":"documentsTotal"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorText_error"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorText_error"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"retryAt"}}]}}]} as unknown as DocumentNode<RetryMigrationMutation, RetryMigrationMutationVariables>;
export const WithdrawAdministrationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawAdministration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawMigrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawMigration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"administrations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"statusCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offered"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"queued"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WithdrawAdministrationMutation, WithdrawAdministrationMutationVariables>;
export const OfferWizardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OfferWizard"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"maxAdministrationsPerOffer"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountingConnections"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"package"}},{"kind":"Field","name":{"kind":"Name","value":"isMigratable"}}]}}]}}]}}]} as unknown as DocumentNode<OfferWizardQuery, OfferWizardQueryVariables>;
export const OfferMigrationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OfferMigration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OfferMigrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offerMigration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorText_error"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorText_error"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"retryAt"}}]}}]} as unknown as DocumentNode<OfferMigrationMutation, OfferMigrationMutationVariables>;
export const OfferChecklistPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OfferChecklistPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"connectionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offerChecklist"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"connectionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"connectionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"OfferChecklist_row"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OfferChecklist_row"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdministrationChecklist"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"canBeOffered"}},{"kind":"Field","name":{"kind":"Name","value":"packageIsMigratable"}},{"kind":"Field","name":{"kind":"Name","value":"alreadyOffered"}},{"kind":"Field","name":{"kind":"Name","value":"authorizersInFlow"}},{"kind":"Field","name":{"kind":"Name","value":"activeWorkflows"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"damagedFiles"}},{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"documentCount"}},{"kind":"Field","name":{"kind":"Name","value":"inboundMailAddress"}}]}}]}}]} as unknown as DocumentNode<OfferChecklistPageQuery, OfferChecklistPageQueryVariables>;
export const CheckRecipientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckRecipients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CheckRecipientsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkRecipients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorText_error"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorText_error"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"retryAt"}}]}}]} as unknown as DocumentNode<CheckRecipientsMutation, CheckRecipientsMutationVariables>;
export const OfferAuditDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OfferAudit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"auditTrail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"actorOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OfferAuditQuery, OfferAuditQueryVariables>;
export const ExtendMigrationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExtendMigration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExtendMigrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"extendMigration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"isExpired"}},{"kind":"Field","name":{"kind":"Name","value":"administrations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorText_error"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorText_error"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"retryAt"}}]}}]} as unknown as DocumentNode<ExtendMigrationMutation, ExtendMigrationMutationVariables>;
export const OfferPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OfferPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"environment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"package"}},{"kind":"Field","name":{"kind":"Name","value":"transferCode"}},{"kind":"Field","name":{"kind":"Name","value":"offeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"isExpired"}},{"kind":"Field","name":{"kind":"Name","value":"requesterName"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"sourceOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offered"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"queued"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"administrations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"OfferAdministrationRow_item"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoveReceipt_receipt"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MoveReceipt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentsMoved"}},{"kind":"Field","name":{"kind":"Name","value":"bytesMoved"}},{"kind":"Field","name":{"kind":"Name","value":"checksumsVerified"}},{"kind":"Field","name":{"kind":"Name","value":"verification"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WithdrawButton_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OfferAdministrationRow_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"notBefore"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"inboundMailAddress"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentsDone"}},{"kind":"Field","name":{"kind":"Name","value":"documentsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"documentsPerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"expectedCompletionAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"receipt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoveReceipt_receipt"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WithdrawButton_item"}}]}}]} as unknown as DocumentNode<OfferPageQuery, OfferPageQueryVariables>;
export const OfferDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OfferDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"recipients"}},{"kind":"Field","name":{"kind":"Name","value":"requesterName"}},{"kind":"Field","name":{"kind":"Name","value":"requesterEmail"}},{"kind":"Field","name":{"kind":"Name","value":"recipientDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"serverAnswer"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OfferDeliveriesQuery, OfferDeliveriesQueryVariables>;
export const ChangeMigrationRecipientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangeMigrationRecipients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangeMigrationRecipientsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeMigrationRecipients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"recipients"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorText_error"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorText_error"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"retryAt"}}]}}]} as unknown as DocumentNode<ChangeMigrationRecipientsMutation, ChangeMigrationRecipientsMutationVariables>;
export const ResendMigrationOfferDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResendMigrationOffer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResendMigrationOfferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resendMigrationOffer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sentTo"}},{"kind":"Field","name":{"kind":"Name","value":"skippedRecipients"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorText_error"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorText_error"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"retryAt"}}]}}]} as unknown as DocumentNode<ResendMigrationOfferMutation, ResendMigrationOfferMutationVariables>;
export const WithdrawOfferDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawOffer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawMigrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawMigration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"administrations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorText_error"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorText_error"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"retryAt"}}]}}]} as unknown as DocumentNode<WithdrawOfferMutation, WithdrawOfferMutationVariables>;
export const OfferedAdministrationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OfferedAdministrations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OverviewOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offeredAdministrations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusFilter_counts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"OfferedRow_item"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WithdrawButton_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusFilter_counts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationStatusCounts"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offered"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"queued"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OfferedRow_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"notBefore"}},{"kind":"Field","name":{"kind":"Name","value":"offeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"inboundMailAddress"}},{"kind":"Field","name":{"kind":"Name","value":"transferCode"}},{"kind":"Field","name":{"kind":"Name","value":"recipients"}},{"kind":"Field","name":{"kind":"Name","value":"targetOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentsDone"}},{"kind":"Field","name":{"kind":"Name","value":"documentsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"documentsPerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"expectedCompletionAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WithdrawButton_item"}}]}}]} as unknown as DocumentNode<OfferedAdministrationsQuery, OfferedAdministrationsQueryVariables>;
export const ReceivableAdministrationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReceivableAdministrations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OverviewOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receivableAdministrations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusFilter_counts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReceivableRow_item"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusFilter_counts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationStatusCounts"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offered"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"queued"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReceivableRow_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"notBefore"}},{"kind":"Field","name":{"kind":"Name","value":"offeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"chosenCode"}},{"kind":"Field","name":{"kind":"Name","value":"package"}},{"kind":"Field","name":{"kind":"Name","value":"sourceOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentsDone"}},{"kind":"Field","name":{"kind":"Name","value":"documentsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"documentsPerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"expectedCompletionAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ReceivableAdministrationsQuery, ReceivableAdministrationsQueryVariables>;
export const OverviewChangesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OverviewChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overviewChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentsDone"}},{"kind":"Field","name":{"kind":"Name","value":"documentsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"documentsPerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"expectedCompletionAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"receipt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoveReceipt_receipt"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoveReceipt_receipt"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MoveReceipt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentsMoved"}},{"kind":"Field","name":{"kind":"Name","value":"bytesMoved"}},{"kind":"Field","name":{"kind":"Name","value":"checksumsVerified"}},{"kind":"Field","name":{"kind":"Name","value":"verification"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}}]} as unknown as DocumentNode<OverviewChangesSubscription, OverviewChangesSubscriptionVariables>;
export const ClaimOfferedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClaimOffered"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClaimMigrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claimMigration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"retryAt"}}]}}]}}]}}]} as unknown as DocumentNode<ClaimOfferedMutation, ClaimOfferedMutationVariables>;
export const RejectOfferedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectOffered"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RejectMigrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectMigration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"retryAt"}}]}}]}}]}}]} as unknown as DocumentNode<RejectOfferedMutation, RejectOfferedMutationVariables>;
export const ReceivedOfferDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReceivedOffer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"package"}},{"kind":"Field","name":{"kind":"Name","value":"offeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"requesterName"}},{"kind":"Field","name":{"kind":"Name","value":"sourceOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"administrations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReceivedItem_item"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReceiverActions_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"notBefore"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReceivedItem_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"notBefore"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentsDone"}},{"kind":"Field","name":{"kind":"Name","value":"documentsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"documentsPerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"expectedCompletionAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"receipt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentsMoved"}},{"kind":"Field","name":{"kind":"Name","value":"bytesMoved"}},{"kind":"Field","name":{"kind":"Name","value":"checksumsVerified"}},{"kind":"Field","name":{"kind":"Name","value":"verification"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"inboundMailAddress"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReceiverActions_item"}}]}}]} as unknown as DocumentNode<ReceivedOfferQuery, ReceivedOfferQueryVariables>;
export const CancelReceivedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelReceived"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelMigrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelMigration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CancelReceivedMutation, CancelReceivedMutationVariables>;
export const RetryReceivedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetryReceived"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RetryMigrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryMigration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentsDone"}},{"kind":"Field","name":{"kind":"Name","value":"documentsTotal"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RetryReceivedMutation, RetryReceivedMutationVariables>;
export const GiveUpReceivedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GiveUpReceived"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GiveUpMigrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"giveUpMigration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<GiveUpReceivedMutation, GiveUpReceivedMutationVariables>;
export const RescheduleReceivedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RescheduleReceived"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RescheduleMoveInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rescheduleMove"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"notBefore"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"retryAt"}}]}}]}}]}}]} as unknown as DocumentNode<RescheduleReceivedMutation, RescheduleReceivedMutationVariables>;
export const TransferCodePreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TransferCodePreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"transferCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferCodePreview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"transferCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"transferCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"targetIsPremium"}},{"kind":"Field","name":{"kind":"Name","value":"administrations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChooseStep_row"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChooseStep_preview"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"retryAt"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChoiceRow_row"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OfferPreviewAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentCount"}},{"kind":"Field","name":{"kind":"Name","value":"canReceive"}},{"kind":"Field","name":{"kind":"Name","value":"stillOffered"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateInTarget"}},{"kind":"Field","name":{"kind":"Name","value":"codeInUse"}},{"kind":"Field","name":{"kind":"Name","value":"hasConnectionOfPackage"}},{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"package"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChooseStep_row"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OfferPreviewAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChoiceRow_row"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChooseStep_preview"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OfferPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"package"}},{"kind":"Field","name":{"kind":"Name","value":"offeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"requesterName"}},{"kind":"Field","name":{"kind":"Name","value":"pricePerAdministration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"connections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<TransferCodePreviewQuery, TransferCodePreviewQueryVariables>;
export const TermsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Terms"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"language"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MailLanguage"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"terms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"text"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"language"},"value":{"kind":"Variable","name":{"kind":"Name","value":"language"}}}]}]}}]}}]} as unknown as DocumentNode<TermsQuery, TermsQueryVariables>;