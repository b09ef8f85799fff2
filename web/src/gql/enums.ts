/* eslint-disable */
export const AccountingPackage = {
  Accountview: 'ACCOUNTVIEW',
  Afas: 'AFAS',
  ExactOnline: 'EXACT_ONLINE',
  Multivers: 'MULTIVERS',
  Snelstart: 'SNELSTART',
  Twinfield: 'TWINFIELD',
  Xero: 'XERO'
} as const;

export type AccountingPackage = typeof AccountingPackage[keyof typeof AccountingPackage];
export const AuditAction = {
  Cancelled: 'CANCELLED',
  CodeAttemptFailed: 'CODE_ATTEMPT_FAILED',
  Completed: 'COMPLETED',
  Expired: 'EXPIRED',
  ExpiryExtended: 'EXPIRY_EXTENDED',
  Failed: 'FAILED',
  GaveUp: 'GAVE_UP',
  MoveRescheduled: 'MOVE_RESCHEDULED',
  Offered: 'OFFERED',
  OfferResent: 'OFFER_RESENT',
  Previewed: 'PREVIEWED',
  Received: 'RECEIVED',
  RecipientsChanged: 'RECIPIENTS_CHANGED',
  RecipientRefused: 'RECIPIENT_REFUSED',
  Rejected: 'REJECTED',
  Retried: 'RETRIED',
  Started: 'STARTED',
  Withdrawn: 'WITHDRAWN'
} as const;

export type AuditAction = typeof AuditAction[keyof typeof AuditAction];
export const DeliveryState = {
  Delivered: 'DELIVERED',
  Pending: 'PENDING',
  Refused: 'REFUSED'
} as const;

export type DeliveryState = typeof DeliveryState[keyof typeof DeliveryState];
export const DocumentKind = {
  BankStatement: 'BANK_STATEMENT',
  Other: 'OTHER',
  PurchaseInvoice: 'PURCHASE_INVOICE',
  Receipt: 'RECEIPT',
  SalesInvoice: 'SALES_INVOICE'
} as const;

export type DocumentKind = typeof DocumentKind[keyof typeof DocumentKind];
export const DocumentStatus = {
  Approved: 'APPROVED',
  Booked: 'BOOKED',
  New: 'NEW',
  Rejected: 'REJECTED',
  ToAuthorize: 'TO_AUTHORIZE'
} as const;

export type DocumentStatus = typeof DocumentStatus[keyof typeof DocumentStatus];
export const FileProblem = {
  Damaged: 'DAMAGED',
  Missing: 'MISSING',
  Unreadable: 'UNREADABLE'
} as const;

export type FileProblem = typeof FileProblem[keyof typeof FileProblem];
export const MailLanguage = {
  En: 'EN',
  Nl: 'NL'
} as const;

export type MailLanguage = typeof MailLanguage[keyof typeof MailLanguage];
/** What a superuser can do with an offered administration or an offer, each named as its mutation: withdrawMigration, cancelMigration, retryMigration, giveUpMigration, changeMigrationRecipients, resendMigrationOffer, extendMigration, claimMigration and rejectMigration. */
export const MigrationAction = {
  Cancel: 'CANCEL',
  ChangeRecipients: 'CHANGE_RECIPIENTS',
  Extend: 'EXTEND',
  GiveUp: 'GIVE_UP',
  Receive: 'RECEIVE',
  Reject: 'REJECT',
  Reschedule: 'RESCHEDULE',
  Resend: 'RESEND',
  Retry: 'RETRY',
  Withdraw: 'WITHDRAW'
} as const;

export type MigrationAction = typeof MigrationAction[keyof typeof MigrationAction];
export const MigrationStatus = {
  Completed: 'COMPLETED',
  Expired: 'EXPIRED',
  Failed: 'FAILED',
  Offered: 'OFFERED',
  Queued: 'QUEUED',
  Rejected: 'REJECTED',
  Running: 'RUNNING',
  Withdrawn: 'WITHDRAWN'
} as const;

export type MigrationStatus = typeof MigrationStatus[keyof typeof MigrationStatus];
export const MoveFailure = {
  ArchiveChanged: 'ARCHIVE_CHANGED',
  ChecklistFailed: 'CHECKLIST_FAILED',
  CodeInUse: 'CODE_IN_USE',
  ConnectionGone: 'CONNECTION_GONE',
  DuplicateInTarget: 'DUPLICATE_IN_TARGET',
  FileDamaged: 'FILE_DAMAGED',
  FileMissing: 'FILE_MISSING',
  FileUnreadable: 'FILE_UNREADABLE',
  SourceChanged: 'SOURCE_CHANGED',
  StorageUnavailable: 'STORAGE_UNAVAILABLE',
  TargetNotPremium: 'TARGET_NOT_PREMIUM'
} as const;

export type MoveFailure = typeof MoveFailure[keyof typeof MoveFailure];
export const MoveVerification = {
  Listing: 'LISTING',
  Read: 'READ'
} as const;

export type MoveVerification = typeof MoveVerification[keyof typeof MoveVerification];
export const OrderDirection = {
  Asc: 'ASC',
  Desc: 'DESC'
} as const;

export type OrderDirection = typeof OrderDirection[keyof typeof OrderDirection];
export const OverviewOrderField = {
  AdministrationName: 'ADMINISTRATION_NAME',
  ExpiresAt: 'EXPIRES_AT',
  OfferedAt: 'OFFERED_AT'
} as const;

export type OverviewOrderField = typeof OverviewOrderField[keyof typeof OverviewOrderField];
export const Plan = {
  Premium: 'PREMIUM',
  Standard: 'STANDARD',
  Trial: 'TRIAL'
} as const;

export type Plan = typeof Plan[keyof typeof Plan];
export const Role = {
  Authorizer: 'AUTHORIZER',
  RestrictedClient: 'RESTRICTED_CLIENT',
  Superuser: 'SUPERUSER',
  User: 'USER'
} as const;

export type Role = typeof Role[keyof typeof Role];
export const TokenScope = {
  Full: 'FULL',
  ReadOnly: 'READ_ONLY'
} as const;

export type TokenScope = typeof TokenScope[keyof typeof TokenScope];
export const UserErrorCode = {
  AcknowledgementRequired: 'ACKNOWLEDGEMENT_REQUIRED',
  AlreadyEnded: 'ALREADY_ENDED',
  AlreadyOffered: 'ALREADY_OFFERED',
  AlreadyReceived: 'ALREADY_RECEIVED',
  CodeInUse: 'CODE_IN_USE',
  CostsNotAccepted: 'COSTS_NOT_ACCEPTED',
  DuplicateInInput: 'DUPLICATE_IN_INPUT',
  DuplicateInTarget: 'DUPLICATE_IN_TARGET',
  Expired: 'EXPIRED',
  Forbidden: 'FORBIDDEN',
  HasActiveWorkflow: 'HAS_ACTIVE_WORKFLOW',
  HasAuthorizers: 'HAS_AUTHORIZERS',
  HasDamagedFiles: 'HAS_DAMAGED_FILES',
  HasPendingDocuments: 'HAS_PENDING_DOCUMENTS',
  Invalid: 'INVALID',
  InvalidEmail: 'INVALID_EMAIL',
  MixedPackages: 'MIXED_PACKAGES',
  MoveStarted: 'MOVE_STARTED',
  NotBeforeInPast: 'NOT_BEFORE_IN_PAST',
  NotBeforeTooFar: 'NOT_BEFORE_TOO_FAR',
  NotFailed: 'NOT_FAILED',
  NotFound: 'NOT_FOUND',
  NotMigratable: 'NOT_MIGRATABLE',
  NotOffered: 'NOT_OFFERED',
  NotPremium: 'NOT_PREMIUM',
  NotQueued: 'NOT_QUEUED',
  NoConnectionOfPackage: 'NO_CONNECTION_OF_PACKAGE',
  NoCurrentRecipients: 'NO_CURRENT_RECIPIENTS',
  NoWebhookEvents: 'NO_WEBHOOK_EVENTS',
  OwnOffer: 'OWN_OFFER',
  RecipientsInSeveralEnvironments: 'RECIPIENTS_IN_SEVERAL_ENVIRONMENTS',
  RecipientInOwnEnvironment: 'RECIPIENT_IN_OWN_ENVIRONMENT',
  Rejected: 'REJECTED',
  Required: 'REQUIRED',
  TermsNotAccepted: 'TERMS_NOT_ACCEPTED',
  TermsOutdated: 'TERMS_OUTDATED',
  TooMany: 'TOO_MANY',
  TooManyAttempts: 'TOO_MANY_ATTEMPTS',
  TooManyRecipientChecks: 'TOO_MANY_RECIPIENT_CHECKS',
  TooManyResends: 'TOO_MANY_RESENDS',
  TransferCodeInvalid: 'TRANSFER_CODE_INVALID',
  UnknownRecipient: 'UNKNOWN_RECIPIENT',
  WebhookTargetRefused: 'WEBHOOK_TARGET_REFUSED',
  Withdrawn: 'WITHDRAWN',
  WrongPackage: 'WRONG_PACKAGE'
} as const;

export type UserErrorCode = typeof UserErrorCode[keyof typeof UserErrorCode];
export const ViewerAction = {
  ManageTokens: 'MANAGE_TOKENS',
  Offer: 'OFFER',
  Receive: 'RECEIVE'
} as const;

export type ViewerAction = typeof ViewerAction[keyof typeof ViewerAction];
export const WebhookDeliveryStatus = {
  Delivered: 'DELIVERED',
  GivenUp: 'GIVEN_UP',
  Pending: 'PENDING',
  Sending: 'SENDING'
} as const;

export type WebhookDeliveryStatus = typeof WebhookDeliveryStatus[keyof typeof WebhookDeliveryStatus];
/** What happened; a delivery's `type` is the lower-case name with a dot, such as `migration.offered` for MIGRATION_OFFERED. */
export const WebhookEventType = {
  MailRefused: 'MAIL_REFUSED',
  MigrationClaimed: 'MIGRATION_CLAIMED',
  MigrationExpired: 'MIGRATION_EXPIRED',
  MigrationOffered: 'MIGRATION_OFFERED',
  MigrationRejected: 'MIGRATION_REJECTED',
  MigrationWithdrawn: 'MIGRATION_WITHDRAWN',
  MoveCompleted: 'MOVE_COMPLETED',
  MoveFailed: 'MOVE_FAILED',
  MoveStarted: 'MOVE_STARTED'
} as const;

export type WebhookEventType = typeof WebhookEventType[keyof typeof WebhookEventType];