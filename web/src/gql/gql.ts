/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Shell {\n    viewer {\n      id\n      environment {\n        id\n        timeZone\n      }\n      ...Header_viewer\n    }\n  }\n": typeof types.ShellDocument,
    "\n  fragment Header_viewer on Viewer {\n    tokenScope\n    user {\n      id\n      displayName\n      role\n    }\n    environment {\n      id\n      name\n      officeCode\n    }\n  }\n": typeof types.Header_ViewerFragmentDoc,
    "\n  fragment OfferedRow_item on MigrationAdministration {\n    id\n    status\n    offeredAt\n    expiresAt\n    administrationName\n    administrationCode\n    inboundMailAddress\n    transferCode\n    recipients\n    ...WithdrawButton_item\n  }\n": typeof types.OfferedRow_ItemFragmentDoc,
    "\n  query OfferedAdministrations(\n    $search: String\n    $status: MigrationStatus\n    $orderBy: OverviewOrder\n    $first: Int!\n    $after: String\n  ) {\n    offeredAdministrations(\n      search: $search\n      status: $status\n      orderBy: $orderBy\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      statusCounts {\n        ...StatusFilter_counts\n      }\n      nodes {\n        id\n        ...OfferedRow_item\n      }\n    }\n  }\n": typeof types.OfferedAdministrationsDocument,
    "\n  fragment ReceivableRow_item on MigrationAdministration {\n    id\n    status\n    offeredAt\n    administrationName\n    administrationCode\n    package\n    sourceOffice {\n      id\n      name\n      officeCode\n    }\n  }\n": typeof types.ReceivableRow_ItemFragmentDoc,
    "\n  query ReceivableAdministrations(\n    $search: String\n    $status: MigrationStatus\n    $orderBy: OverviewOrder\n    $first: Int!\n    $after: String\n  ) {\n    receivableAdministrations(\n      search: $search\n      status: $status\n      orderBy: $orderBy\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      statusCounts {\n        ...StatusFilter_counts\n      }\n      nodes {\n        id\n        ...ReceivableRow_item\n      }\n    }\n  }\n": typeof types.ReceivableAdministrationsDocument,
    "\n  fragment StatusFilter_counts on MigrationStatusCounts {\n    offered\n    withdrawn\n    expired\n    rejected\n    queued\n    running\n    completed\n    failed\n    total\n  }\n": typeof types.StatusFilter_CountsFragmentDoc,
    "\n  fragment WithdrawButton_item on MigrationAdministration {\n    id\n    status\n    administrationName\n    migration {\n      id\n    }\n  }\n": typeof types.WithdrawButton_ItemFragmentDoc,
    "\n  mutation WithdrawAdministration($input: WithdrawMigrationInput!) {\n    withdrawMigration(input: $input) {\n      migration {\n        id\n        administrations {\n          nodes {\n            id\n            status\n            statusChangedAt\n          }\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.WithdrawAdministrationDocument,
};
const documents: Documents = {
    "\n  query Shell {\n    viewer {\n      id\n      environment {\n        id\n        timeZone\n      }\n      ...Header_viewer\n    }\n  }\n": types.ShellDocument,
    "\n  fragment Header_viewer on Viewer {\n    tokenScope\n    user {\n      id\n      displayName\n      role\n    }\n    environment {\n      id\n      name\n      officeCode\n    }\n  }\n": types.Header_ViewerFragmentDoc,
    "\n  fragment OfferedRow_item on MigrationAdministration {\n    id\n    status\n    offeredAt\n    expiresAt\n    administrationName\n    administrationCode\n    inboundMailAddress\n    transferCode\n    recipients\n    ...WithdrawButton_item\n  }\n": types.OfferedRow_ItemFragmentDoc,
    "\n  query OfferedAdministrations(\n    $search: String\n    $status: MigrationStatus\n    $orderBy: OverviewOrder\n    $first: Int!\n    $after: String\n  ) {\n    offeredAdministrations(\n      search: $search\n      status: $status\n      orderBy: $orderBy\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      statusCounts {\n        ...StatusFilter_counts\n      }\n      nodes {\n        id\n        ...OfferedRow_item\n      }\n    }\n  }\n": types.OfferedAdministrationsDocument,
    "\n  fragment ReceivableRow_item on MigrationAdministration {\n    id\n    status\n    offeredAt\n    administrationName\n    administrationCode\n    package\n    sourceOffice {\n      id\n      name\n      officeCode\n    }\n  }\n": types.ReceivableRow_ItemFragmentDoc,
    "\n  query ReceivableAdministrations(\n    $search: String\n    $status: MigrationStatus\n    $orderBy: OverviewOrder\n    $first: Int!\n    $after: String\n  ) {\n    receivableAdministrations(\n      search: $search\n      status: $status\n      orderBy: $orderBy\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      statusCounts {\n        ...StatusFilter_counts\n      }\n      nodes {\n        id\n        ...ReceivableRow_item\n      }\n    }\n  }\n": types.ReceivableAdministrationsDocument,
    "\n  fragment StatusFilter_counts on MigrationStatusCounts {\n    offered\n    withdrawn\n    expired\n    rejected\n    queued\n    running\n    completed\n    failed\n    total\n  }\n": types.StatusFilter_CountsFragmentDoc,
    "\n  fragment WithdrawButton_item on MigrationAdministration {\n    id\n    status\n    administrationName\n    migration {\n      id\n    }\n  }\n": types.WithdrawButton_ItemFragmentDoc,
    "\n  mutation WithdrawAdministration($input: WithdrawMigrationInput!) {\n    withdrawMigration(input: $input) {\n      migration {\n        id\n        administrations {\n          nodes {\n            id\n            status\n            statusChangedAt\n          }\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.WithdrawAdministrationDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Shell {\n    viewer {\n      id\n      environment {\n        id\n        timeZone\n      }\n      ...Header_viewer\n    }\n  }\n"): (typeof documents)["\n  query Shell {\n    viewer {\n      id\n      environment {\n        id\n        timeZone\n      }\n      ...Header_viewer\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Header_viewer on Viewer {\n    tokenScope\n    user {\n      id\n      displayName\n      role\n    }\n    environment {\n      id\n      name\n      officeCode\n    }\n  }\n"): (typeof documents)["\n  fragment Header_viewer on Viewer {\n    tokenScope\n    user {\n      id\n      displayName\n      role\n    }\n    environment {\n      id\n      name\n      officeCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OfferedRow_item on MigrationAdministration {\n    id\n    status\n    offeredAt\n    expiresAt\n    administrationName\n    administrationCode\n    inboundMailAddress\n    transferCode\n    recipients\n    ...WithdrawButton_item\n  }\n"): (typeof documents)["\n  fragment OfferedRow_item on MigrationAdministration {\n    id\n    status\n    offeredAt\n    expiresAt\n    administrationName\n    administrationCode\n    inboundMailAddress\n    transferCode\n    recipients\n    ...WithdrawButton_item\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OfferedAdministrations(\n    $search: String\n    $status: MigrationStatus\n    $orderBy: OverviewOrder\n    $first: Int!\n    $after: String\n  ) {\n    offeredAdministrations(\n      search: $search\n      status: $status\n      orderBy: $orderBy\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      statusCounts {\n        ...StatusFilter_counts\n      }\n      nodes {\n        id\n        ...OfferedRow_item\n      }\n    }\n  }\n"): (typeof documents)["\n  query OfferedAdministrations(\n    $search: String\n    $status: MigrationStatus\n    $orderBy: OverviewOrder\n    $first: Int!\n    $after: String\n  ) {\n    offeredAdministrations(\n      search: $search\n      status: $status\n      orderBy: $orderBy\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      statusCounts {\n        ...StatusFilter_counts\n      }\n      nodes {\n        id\n        ...OfferedRow_item\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReceivableRow_item on MigrationAdministration {\n    id\n    status\n    offeredAt\n    administrationName\n    administrationCode\n    package\n    sourceOffice {\n      id\n      name\n      officeCode\n    }\n  }\n"): (typeof documents)["\n  fragment ReceivableRow_item on MigrationAdministration {\n    id\n    status\n    offeredAt\n    administrationName\n    administrationCode\n    package\n    sourceOffice {\n      id\n      name\n      officeCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReceivableAdministrations(\n    $search: String\n    $status: MigrationStatus\n    $orderBy: OverviewOrder\n    $first: Int!\n    $after: String\n  ) {\n    receivableAdministrations(\n      search: $search\n      status: $status\n      orderBy: $orderBy\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      statusCounts {\n        ...StatusFilter_counts\n      }\n      nodes {\n        id\n        ...ReceivableRow_item\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReceivableAdministrations(\n    $search: String\n    $status: MigrationStatus\n    $orderBy: OverviewOrder\n    $first: Int!\n    $after: String\n  ) {\n    receivableAdministrations(\n      search: $search\n      status: $status\n      orderBy: $orderBy\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      statusCounts {\n        ...StatusFilter_counts\n      }\n      nodes {\n        id\n        ...ReceivableRow_item\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatusFilter_counts on MigrationStatusCounts {\n    offered\n    withdrawn\n    expired\n    rejected\n    queued\n    running\n    completed\n    failed\n    total\n  }\n"): (typeof documents)["\n  fragment StatusFilter_counts on MigrationStatusCounts {\n    offered\n    withdrawn\n    expired\n    rejected\n    queued\n    running\n    completed\n    failed\n    total\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WithdrawButton_item on MigrationAdministration {\n    id\n    status\n    administrationName\n    migration {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment WithdrawButton_item on MigrationAdministration {\n    id\n    status\n    administrationName\n    migration {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawAdministration($input: WithdrawMigrationInput!) {\n    withdrawMigration(input: $input) {\n      migration {\n        id\n        administrations {\n          nodes {\n            id\n            status\n            statusChangedAt\n          }\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawAdministration($input: WithdrawMigrationInput!) {\n    withdrawMigration(input: $input) {\n      migration {\n        id\n        administrations {\n          nodes {\n            id\n            status\n            statusChangedAt\n          }\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;