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

export type MigrationStatus =
  | 'COMPLETED'
  | 'EXPIRED'
  | 'FAILED'
  | 'OFFERED'
  | 'QUEUED'
  | 'REJECTED'
  | 'RUNNING'
  | 'WITHDRAWN';

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
  | 'TERMS_OUTDATED'
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

export type ReceivableRow_ItemFragment = { id: string, status: MigrationStatus, offeredAt: string, administrationName: string, administrationCode: string, package: AccountingPackage, sourceOffice: { id: string, name: string, officeCode: string } } & { ' $fragmentName'?: 'ReceivableRow_ItemFragment' };

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

export const Header_ViewerFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Header_viewer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokenScope"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"environment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}}]}}]} as unknown as DocumentNode<Header_ViewerFragment, unknown>;
export const WithdrawButton_ItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WithdrawButton_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<WithdrawButton_ItemFragment, unknown>;
export const OfferedRow_ItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OfferedRow_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"offeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"inboundMailAddress"}},{"kind":"Field","name":{"kind":"Name","value":"transferCode"}},{"kind":"Field","name":{"kind":"Name","value":"recipients"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WithdrawButton_item"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WithdrawButton_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<OfferedRow_ItemFragment, unknown>;
export const ReceivableRow_ItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReceivableRow_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"offeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"package"}},{"kind":"Field","name":{"kind":"Name","value":"sourceOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}}]}}]} as unknown as DocumentNode<ReceivableRow_ItemFragment, unknown>;
export const StatusFilter_CountsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusFilter_counts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationStatusCounts"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offered"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"queued"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]} as unknown as DocumentNode<StatusFilter_CountsFragment, unknown>;
export const ShellDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Shell"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"environment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Header_viewer"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Header_viewer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokenScope"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"environment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}}]}}]} as unknown as DocumentNode<ShellQuery, ShellQueryVariables>;
export const OfferedAdministrationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OfferedAdministrations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OverviewOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offeredAdministrations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusFilter_counts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"OfferedRow_item"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WithdrawButton_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusFilter_counts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationStatusCounts"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offered"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"queued"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OfferedRow_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"offeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"inboundMailAddress"}},{"kind":"Field","name":{"kind":"Name","value":"transferCode"}},{"kind":"Field","name":{"kind":"Name","value":"recipients"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WithdrawButton_item"}}]}}]} as unknown as DocumentNode<OfferedAdministrationsQuery, OfferedAdministrationsQueryVariables>;
export const ReceivableAdministrationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReceivableAdministrations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OverviewOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receivableAdministrations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusFilter_counts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReceivableRow_item"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusFilter_counts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationStatusCounts"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offered"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"queued"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReceivableRow_item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MigrationAdministration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"offeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"administrationName"}},{"kind":"Field","name":{"kind":"Name","value":"administrationCode"}},{"kind":"Field","name":{"kind":"Name","value":"package"}},{"kind":"Field","name":{"kind":"Name","value":"sourceOffice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officeCode"}}]}}]}}]} as unknown as DocumentNode<ReceivableAdministrationsQuery, ReceivableAdministrationsQueryVariables>;
export const WithdrawAdministrationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawAdministration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawMigrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawMigration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"administrations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WithdrawAdministrationMutation, WithdrawAdministrationMutationVariables>;