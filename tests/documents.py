"""The GraphQL documents of a migration's story that many tests send, written once.

A document only one test module sends stays in that module, next to what it proves.
"""

from __future__ import annotations

OFFER = """
mutation($input: OfferMigrationInput!) {
  offerMigration(input: $input) {
    migration {
      id transferCode offeredAt expiresAt isExpired recipients requesterEmail language package
      statusCounts { offered total }
      administrations {
        totalCount nodes { id status administrationName progress { documentsTotal } }
      }
      auditTrail {
        totalCount nodes { action actorName administrationName actorOffice { officeCode } }
      }
    }
    userErrors { code field message retryAt }
  }
}"""

WITHDRAW = """
mutation($input: WithdrawMigrationInput!) {
  withdrawMigration(input: $input) {
    migration { statusCounts { offered withdrawn total } }
    userErrors { code field message }
  }
}"""

PREVIEW = """
query($code: String!) {
  transferCodePreview(transferCode: $code) {
    preview {
      sourceOffice { officeCode name } package offeredAt expiresAt targetIsPremium
      connections { nodes { name } }
      administrations {
        nodes {
          documentCount canReceive hasConnectionOfPackage duplicateInTarget stillOffered
          administration { id administrationName administrationCode package transferCode }
        }
      }
    }
    userErrors { code field message retryAt }
  }
}"""

CLAIM = """
mutation($input: ClaimMigrationInput!) {
  claimMigration(input: $input) {
    migration { id statusCounts { offered queued total } }
    userErrors { code field message retryAt }
  }
}"""

REJECT = """
mutation($input: RejectMigrationInput!) {
  rejectMigration(input: $input) {
    migration { id statusCounts { offered rejected total } }
    userErrors { code field message }
  }
}"""

RETRY = """
mutation($input: RetryMigrationInput!) {
  retryMigration(input: $input) { userErrors { code } }
}"""
