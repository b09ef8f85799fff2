/* eslint-disable */
// Generated from schema.graphql by plugins/cache-policies.cjs: do not edit.
export const typePolicies = {
  AccountingConnectionConnection: { merge: true },
  AdministrationChecklistConnection: { merge: true },
  AdministrationConnection: { merge: true },
  ApiTokenConnection: { merge: true },
  AuditEventConnection: { merge: true },
  BillableLineConnection: { merge: true },
  DocumentConnection: { merge: true },
  FailedCodeAttemptConnection: { merge: true },
  MigrationAdministrationConnection: { merge: true },
  MigrationAdministrationOverview: { merge: true },
  MigrationStatusCounts: { merge: true },
  MoveProgress: { merge: true },
  OfferPreviewAdministrationConnection: { merge: true },
  PageInfo: { merge: true },
  Price: { merge: true },
  RecipientCheckRecordConnection: { merge: true },
  RecipientDeliveryConnection: { merge: true },
  Terms: { merge: true },
  TransferCodePreviewResult: { merge: true },
} as const;
