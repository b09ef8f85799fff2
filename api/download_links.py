"""Download links a browser can follow without the Authorization header, for a few minutes.

A link names the document, the user and the token it was made for and the moment it expires,
signed with HMAC-SHA256 under the installation's shared key (models/service_key.py), so every
API process can check a link any other made. The signature only proves the link was made here;
whether it still opens is decided when it is followed (api/files.py): not expired, the token
still active, its user still allowed to see documents, the document still in the user's office.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from models import ApiToken
from models.service_key import shared_key
from overdracht.db_faults import retrying

KEY_NAME = "download-links"
# Bumped when the signed text changes, so old links stop opening instead of meaning otherwise.
VERSION = "1"
SIGNATURE_CHARACTERS = 43  # 32 bytes of HMAC-SHA256, base64url without padding


@dataclass(frozen=True)
class DownloadGrant:
    """What a link that carries a good signature says: which file, for whom, until when."""

    document_id: int
    user_id: int
    token_id: int
    expires: int  # seconds since the epoch

    def text(self) -> str:
        """The signed text: every part, each in its place, so none can be moved to another."""
        parts = (VERSION, self.document_id, self.user_id, self.token_id, self.expires)
        return "download\n" + "\n".join(str(part) for part in parts)


class DownloadLinks:
    """Makes and reads signed download links; the key is read once, when the service starts."""

    def __init__(self, lifetime: timedelta) -> None:
        self.lifetime = lifetime
        self._key: bytes | None = None

    async def load(self, now: datetime) -> None:
        """Read (or make) the installation's key; before the first request is served."""
        self._key = await retrying(lambda: shared_key(KEY_NAME, now), what="download link key")

    def link(self, document_id: int, token: ApiToken, now: datetime) -> str:
        """The path that downloads this document for this token's user until now + lifetime."""
        expires = int((now + self.lifetime).timestamp())
        grant = DownloadGrant(document_id, token.user_id, token.pk, expires)
        return (
            f"/documents/{document_id}/file/"
            f"{grant.user_id}.{grant.token_id}.{grant.expires}.{self._sign(grant)}"
        )

    def read(self, document_id: int, grant: str) -> DownloadGrant | None:
        """What a link grants, or None for one this service did not make as it stands."""
        parts = grant.split(".")
        if len(parts) != 4 or len(parts[3]) != SIGNATURE_CHARACTERS:
            return None
        numbers = [_number(part) for part in parts[:3]]
        if any(number is None for number in numbers):
            return None
        user_id, token_id, expires = (int(number or 0) for number in numbers)
        found = DownloadGrant(document_id, user_id, token_id, expires)
        if not hmac.compare_digest(self._sign(found), parts[3]):
            return None
        return found

    def _sign(self, grant: DownloadGrant) -> str:
        if self._key is None:
            raise RuntimeError("DownloadLinks.load() was not awaited before the first link")
        digest = hmac.new(self._key, grant.text().encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _number(text: str) -> int | None:
    """A part of a link that must be a number: ASCII digits, no sign, no more than 19 of them."""
    if not text or len(text) > 19 or not (text.isascii() and text.isdigit()):
        return None
    return int(text)
