"""The terms a user accepts when offering and when receiving (rule 8)."""

from __future__ import annotations

import strawberry

from api.identity import part_of
from api.schema.enums import MailLanguageEnum
from models.enums import MailLanguage
from models.terms import terms_text


@strawberry.type(
    description=part_of(
        "Query",
        "the terms for migrating administrations as they stand now: their version, which "
        "offerMigration and claimMigration take as termsVersion, and their text.",
    )
)
class Terms:
    """The current terms: a version to accept, and the text to show before accepting."""

    version: str = strawberry.field(
        description="Send it as termsVersion when offering or receiving; recorded with each."
    )

    @strawberry.field(description="The terms in one language, as plain text in paragraphs.")
    def text(self, language: MailLanguageEnum) -> str:
        return terms_text(MailLanguage(language))
