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

export type CancelMigrationInput = {
  /** The MigrationAdministration you received. */
  migrationAdministrationId: string | number;
};

export type ClaimAdministrationInput = {
  /** The code in your accounting package, if it differs from the offered one. */
  administrationCode?: string | null | undefined;
  /** One of your accounting connections of the same package. */
  connectionId: string | number;
  /** The MigrationAdministration ID from the preview. */
  migrationAdministrationId: string | number;
};

export type ClaimMigrationInput = {
  /** The migration costs are charged to your environment per administration. */
  acceptCosts: boolean;
  acceptTerms: boolean;
  /** At most 1,000 items. */
  administrations: Array<ClaimAdministrationInput>;
  transferCode: string;
};

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

export type FileProblem =
  | 'DAMAGED'
  | 'MISSING'
  | 'UNREADABLE';

export type GiveUpMigrationInput = {
  /** The MigrationAdministration whose move failed. */
  migrationAdministrationId: string | number;
};

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
  | 'NOT_FAILED'
  | 'NOT_FOUND'
  | 'NOT_MIGRATABLE'
  | 'NOT_OFFERED'
  | 'NOT_PREMIUM'
  | 'NOT_QUEUED'
  | 'NO_CONNECTION_OF_PACKAGE'
  | 'NO_CURRENT_RECIPIENTS'
  | 'OWN_OFFER'
  | 'RECIPIENTS_IN_SEVERAL_ENVIRONMENTS'
  | 'RECIPIENT_IN_OWN_ENVIRONMENT'
  | 'REJECTED'
  | 'REQUIRED'
  | 'TARGET_NOT_PREMIUM'
  | 'TERMS_NOT_ACCEPTED'
  | 'TOO_MANY'
  | 'TOO_MANY_ATTEMPTS'
  | 'TOO_MANY_RECIPIENT_CHECKS'
  | 'TOO_MANY_RESENDS'
  | 'TRANSFER_CODE_INVALID'
  | 'UNKNOWN_RECIPIENT'
  | 'WITHDRAWN'
  | 'WRONG_PACKAGE';

export type WithdrawMigrationInput = {
  /** The MigrationAdministration to withdraw; leave out to withdraw the offer. */
  migrationAdministrationId?: string | number | null | undefined;
  migrationId: string | number;
};

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

export type DocumentRow_DocumentFragment = (
  { id: string, title: string, kind: DocumentKind, status: DocumentStatus, fileSize: number, createdAt: string, fileProblem: FileProblem | null }
  & { ' $fragmentRefs'?: { 'DocumentDownload_DocumentFragment': DocumentDownload_DocumentFragment } }
) & { ' $fragmentName'?: 'DocumentRow_DocumentFragment' };

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
   | null, documents: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<(
      { id: string }
      & { ' $fragmentRefs'?: { 'DocumentRow_DocumentFragment': DocumentRow_DocumentFragment } }
    )> } | null };

export type DocumentDownload_DocumentFragment = { id: string, fileName: string, downloadPath: string } & { ' $fragmentName'?: 'DocumentDownload_DocumentFragment' };

export type Header_ViewerFragment = { tokenScope: TokenScope, user: { id: string, displayName: string, role: Role }, environment: { id: string, name: string, officeCode: string } } & { ' $fragmentName'?: 'Header_ViewerFragment' };

export type OfferedRow_ItemFragment = (
  { id: string, status: MigrationStatus, offeredAt: string, expiresAt: string, administrationName: string, administrationCode: string, inboundMailAddress: string | null, transferCode: string | null, recipients: Array<string> | null }
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

export type ReceivableRow_ItemFragment = { id: string, status: MigrationStatus, offeredAt: string, administrationName: string, administrationCode: string, package: AccountingPackage, sourceOffice: { id: string, name: string, officeCode: string }, migration: { id: string } } & { ' $fragmentName'?: 'ReceivableRow_ItemFragment' };

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

export type WithdrawButton_ItemFragment = { id: string, status: MigrationStatus, administrationName: string, migration: { id: string } } & { ' $fragmentName'?: 'WithdrawButton_ItemFragment' };

export type WithdrawAdministrationMutationVariables = Exact<{
  input: WithdrawMigrationInput;
}>;


export type WithdrawAdministrationMutation = { withdrawMigration: { migration: { id: string, administrations: { nodes: Array<{ id: string, status: MigrationStatus, statusChangedAt: string }> } } | null, userErrors: Array<{ code: UserErrorCode, field: Array<string> | null, message: string }> } };

export type MigrationProgressSubscriptionVariables = Exact<{
  migrationId: string | number;
}>;


export type MigrationProgressSubscription = { migrationProgress: { id: string, statusCounts: { offered: number, withdrawn: number, expired: number, rejected: number, queued: number, running: number, completed: number, failed: number, total: number }, administrations: { nodes: Array<{ id: string, status: MigrationStatus, statusChangedAt: string, reason: string | null, failure: MoveFailure | null, progress: { documentsDone: number, documentsTotal: number }, receipt: { id: string, documentsMoved: number, bytesMoved: number, checksumsVerified: boolean, verification: MoveVerification, completedAt: string } | null, administration: { id: string, code: string, name: string, inboundMailAddress: string } | null }> } } };

export type ChoiceRow_RowFragment = { id: string, documentCount: number, canReceive: boolean, stillOffered: boolean, duplicateInTarget: boolean, codeInUse: boolean, hasConnectionOfPackage: boolean, administration: { id: string, status: MigrationStatus, administrationName: string, administrationCode: string, package: AccountingPackage } } & { ' $fragmentName'?: 'ChoiceRow_RowFragment' };

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
  { id: string, status: MigrationStatus, statusChangedAt: string, administrationName: string, administrationCode: string, reason: string | null, failure: MoveFailure | null, progress: { documentsDone: number, documentsTotal: number }, receipt: { id: string, documentsMoved: number, bytesMoved: number, checksumsVerified: boolean, verification: MoveVerification, completedAt: string } | null, administration: { id: string, code: string, name: string, inboundMailAddress: string } | null }
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

export type ReceiverActions_ItemFragment = { id: string, status: MigrationStatus, administrationName: string } & { ' $fragmentName'?: 'ReceiverActions_ItemFragment' };

export type CancelReceivedMutationVariables = Exact<{
  input: CancelMigrationInput;
}>;


export type CancelReceivedMutation = { cancelMigration: { administration: { id: string, status: MigrationStatus, statusChangedAt: string } | null, userErrors: Array<{ code: UserErrorCode, field: Array<string> | null, message: string }> } };

export type RetryReceivedMutationVariables = Exact<{
  input: RetryMigrationInput;
}>;


export type RetryReceivedMutation = { retryMigration: { administration: { id: string, status: MigrationStatus, statusChangedAt: string, failure: MoveFailure | null, reason: string | null, progress: { documentsDone: number, documentsTotal: number } } | null, userErrors: Array<{ code: UserErrorCode, field: Array<string> | null, message: string }> } };

export type GiveUpReceivedMutationVariables = Exact<{
  input: GiveUpMigrationInput;
}>;


export type GiveUpReceivedMutation = { giveUpMigration: { administration: { id: string, status: MigrationStatus, statusChangedAt: string, failure: MoveFailure | null, reason: string | null } | null, userErrors: Array<{ code: UserErrorCode, field: Array<string> | null, message: string }> } };

export type TransferCodePreviewQueryVariables = Exact<{
  transferCode: string;
  first: number;
  after?: string | null | undefined;
}>;


export type TransferCodePreviewQuery = { transferCodePreview: (
    { id: string, targetIsPremium: boolean, administrations: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<(
        { id: string }
        & { ' $fragmentRefs'?: { 'ChooseStep_RowFragment': ChooseStep_RowFragment } }
      )> } }
    & { ' $fragmentRefs'?: { 'ChooseStep_PreviewFragment': ChooseStep_PreviewFragment } }
  ) | null };

export const BillableLineRow_LineFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillableLineRow_line"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BillableLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedByName"}},{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"sourceOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<BillableLineRow_LineFragment, unknown>;
export const DocumentDownload_DocumentFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DocumentDownload_document"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Document"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"downloadPath"}}]}}]} as unknown as DocumentNode<DocumentDownload_DocumentFragment, unknown>;
export const DocumentRow_DocumentFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DocumentRow_document"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Document"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fileSize"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"fileProblem"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"DocumentDownload_document"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DocumentDownload_document"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Document"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"downloadPath"}}]}}]} as unknown as DocumentNode<DocumentRow_DocumentFragment, unknown>;
export const Header_ViewerFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Header_viewer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokenScope"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"environment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}}]}}]} as unknown as DocumentNode<Header_ViewerFragment, unknown>;
export const WithdrawButton_ItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WithdrawButton_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<WithdrawButton_ItemFragment, unknown>;
export const OfferedRow_ItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OfferedRow_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"offeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"inboundMailAddress"}},{"kind":"Field","name":{"kind":"Name","value":"transferCode"}},{"kind":"Field","name":{"kind":"Name","value":"recipients"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WithdrawButton_item"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WithdrawButton_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<OfferedRow_ItemFragment, unknown>;
export const ReceivableRow_ItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReceivableRow_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"offeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"package"}},{"kind":"Field","name":{"kind":"Name","value":"sourceOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ReceivableRow_ItemFragment, unknown>;
export const StatusFilter_CountsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusFilter_counts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationStatusCounts"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offered"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"queued"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]} as unknown as DocumentNode<StatusFilter_CountsFragment, unknown>;
export const ChooseStep_PreviewFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChooseStep_preview"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OfferPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"package"}},{"kind":"Field","name":{"kind":"Name","value":"offeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"requesterName"}},{"kind":"Field","name":{"kind":"Name","value":"pricePerAdministration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"connections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ChooseStep_PreviewFragment, unknown>;
export const ChoiceRow_RowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChoiceRow_row"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OfferPreviewAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentCount"}},{"kind":"Field","name":{"kind":"Name","value":"canReceive"}},{"kind":"Field","name":{"kind":"Name","value":"stillOffered"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateInTarget"}},{"kind":"Field","name":{"kind":"Name","value":"codeInUse"}},{"kind":"Field","name":{"kind":"Name","value":"hasConnectionOfPackage"}},{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"package"}}]}}]}}]} as unknown as DocumentNode<ChoiceRow_RowFragment, unknown>;
export const ChooseStep_RowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChooseStep_row"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OfferPreviewAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChoiceRow_row"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChoiceRow_row"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OfferPreviewAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentCount"}},{"kind":"Field","name":{"kind":"Name","value":"canReceive"}},{"kind":"Field","name":{"kind":"Name","value":"stillOffered"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateInTarget"}},{"kind":"Field","name":{"kind":"Name","value":"codeInUse"}},{"kind":"Field","name":{"kind":"Name","value":"hasConnectionOfPackage"}},{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"package"}}]}}]}}]} as unknown as DocumentNode<ChooseStep_RowFragment, unknown>;
export const ReceiverActions_ItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReceiverActions_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}}]}}]} as unknown as DocumentNode<ReceiverActions_ItemFragment, unknown>;
export const ReceivedItem_ItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReceivedItem_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentsDone"}},{"kind":"Field","name":{"kind":"Name","value":"documentsTotal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"receipt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentsMoved"}},{"kind":"Field","name":{"kind":"Name","value":"bytesMoved"}},{"kind":"Field","name":{"kind":"Name","value":"checksumsVerified"}},{"kind":"Field","name":{"kind":"Name","value":"verification"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"inboundMailAddress"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReceiverActions_item"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReceiverActions_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}}]}}]} as unknown as DocumentNode<ReceivedItem_ItemFragment, unknown>;
export const ShellDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Shell"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"environment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Header_viewer"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Header_viewer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokenScope"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"environment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}}]}}]} as unknown as DocumentNode<ShellQuery, ShellQueryVariables>;
export const BillableLinesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillableLines"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billableLines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"BillableLineRow_line"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillableLineRow_line"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BillableLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedByName"}},{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"sourceOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<BillableLinesQuery, BillableLinesQueryVariables>;
export const AdministrationDocumentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdministrationDocuments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DocumentStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Administration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"inboundMailAddress"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"administrationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"DocumentRow_document"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DocumentDownload_document"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Document"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"downloadPath"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DocumentRow_document"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Document"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fileSize"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"fileProblem"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"DocumentDownload_document"}}]}}]} as unknown as DocumentNode<AdministrationDocumentsQuery, AdministrationDocumentsQueryVariables>;
export const OfferedAdministrationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OfferedAdministrations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OverviewOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offeredAdministrations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusFilter_counts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"OfferedRow_item"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WithdrawButton_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusFilter_counts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationStatusCounts"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offered"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"queued"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OfferedRow_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"offeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"inboundMailAddress"}},{"kind":"Field","name":{"kind":"Name","value":"transferCode"}},{"kind":"Field","name":{"kind":"Name","value":"recipients"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WithdrawButton_item"}}]}}]} as unknown as DocumentNode<OfferedAdministrationsQuery, OfferedAdministrationsQueryVariables>;
export const ReceivableAdministrationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReceivableAdministrations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OverviewOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receivableAdministrations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusFilter_counts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReceivableRow_item"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusFilter_counts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationStatusCounts"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offered"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"queued"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReceivableRow_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"offeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"package"}},{"kind":"Field","name":{"kind":"Name","value":"sourceOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ReceivableAdministrationsQuery, ReceivableAdministrationsQueryVariables>;
export const WithdrawAdministrationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawAdministration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawMigrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawMigration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"administrations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WithdrawAdministrationMutation, WithdrawAdministrationMutationVariables>;
export const MigrationProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MigrationProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"migrationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migrationProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"migrationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"migrationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statusCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offered"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"queued"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"administrations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentsDone"}},{"kind":"Field","name":{"kind":"Name","value":"documentsTotal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"receipt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentsMoved"}},{"kind":"Field","name":{"kind":"Name","value":"bytesMoved"}},{"kind":"Field","name":{"kind":"Name","value":"checksumsVerified"}},{"kind":"Field","name":{"kind":"Name","value":"verification"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"inboundMailAddress"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MigrationProgressSubscription, MigrationProgressSubscriptionVariables>;
export const ClaimOfferedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClaimOffered"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClaimMigrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claimMigration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"retryAt"}}]}}]}}]}}]} as unknown as DocumentNode<ClaimOfferedMutation, ClaimOfferedMutationVariables>;
export const RejectOfferedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectOffered"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RejectMigrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectMigration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"retryAt"}}]}}]}}]}}]} as unknown as DocumentNode<RejectOfferedMutation, RejectOfferedMutationVariables>;
export const ReceivedOfferDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReceivedOffer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"package"}},{"kind":"Field","name":{"kind":"Name","value":"offeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"requesterName"}},{"kind":"Field","name":{"kind":"Name","value":"sourceOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"administrations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReceivedItem_item"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReceiverActions_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReceivedItem_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentsDone"}},{"kind":"Field","name":{"kind":"Name","value":"documentsTotal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"receipt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentsMoved"}},{"kind":"Field","name":{"kind":"Name","value":"bytesMoved"}},{"kind":"Field","name":{"kind":"Name","value":"checksumsVerified"}},{"kind":"Field","name":{"kind":"Name","value":"verification"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"inboundMailAddress"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReceiverActions_item"}}]}}]} as unknown as DocumentNode<ReceivedOfferQuery, ReceivedOfferQueryVariables>;
export const CancelReceivedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelReceived"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelMigrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelMigration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CancelReceivedMutation, CancelReceivedMutationVariables>;
export const RetryReceivedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetryReceived"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RetryMigrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryMigration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentsDone"}},{"kind":"Field","name":{"kind":"Name","value":"documentsTotal"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RetryReceivedMutation, RetryReceivedMutationVariables>;
export const GiveUpReceivedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GiveUpReceived"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GiveUpMigrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"giveUpMigration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<GiveUpReceivedMutation, GiveUpReceivedMutationVariables>;
export const TransferCodePreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TransferCodePreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"transferCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferCodePreview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"transferCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"transferCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"targetIsPremium"}},{"kind":"Field","name":{"kind":"Name","value":"administrations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChooseStep_row"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChooseStep_preview"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChoiceRow_row"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OfferPreviewAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentCount"}},{"kind":"Field","name":{"kind":"Name","value":"canReceive"}},{"kind":"Field","name":{"kind":"Name","value":"stillOffered"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateInTarget"}},{"kind":"Field","name":{"kind":"Name","value":"codeInUse"}},{"kind":"Field","name":{"kind":"Name","value":"hasConnectionOfPackage"}},{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"package"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChooseStep_row"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OfferPreviewAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"administration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChoiceRow_row"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChooseStep_preview"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OfferPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"package"}},{"kind":"Field","name":{"kind":"Name","value":"offeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"requesterName"}},{"kind":"Field","name":{"kind":"Name","value":"pricePerAdministration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"connections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<TransferCodePreviewQuery, TransferCodePreviewQueryVariables>;