"""The third-party files GraphiQL runs on: pinned npm releases, fetched once and verified.

Nothing of them is committed. `overdracht graphiql-assets` (run by `./dev up` and `./dev test`)
downloads each pinned tarball from the npm registry, checks it against the sha512 integrity
the registry published for that release, and extracts only the files the page loads. A second
run with everything in place downloads nothing.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import os
import shutil
import tarfile
import tempfile
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

DEFAULT_REGISTRY = "https://registry.npmjs.org"
DEFAULT_DIRECTORY = Path(__file__).resolve().parent / "vendor"
STAMP = ".integrity"
DOWNLOAD_TIMEOUT_SECONDS = 60


class AssetError(RuntimeError):
    """A tarball that could not be had, or was not the one the registry published."""


@dataclass(frozen=True)
class NpmRelease:
    """One pinned npm release and the files of it that the GraphiQL page loads."""

    name: str
    version: str
    integrity: str  # the registry's dist.integrity: sha512 of the tarball, base64
    files: tuple[str, ...]

    @property
    def key(self) -> str:
        """`name@version`: its folder on disk and its prefix in the served URLs."""
        return f"{self.name}@{self.version}"

    def tarball_url(self, registry: str) -> str:
        """Where the registry keeps the tarball (a scoped name's file drops the scope)."""
        base = self.name.rsplit("/", 1)[-1]
        return f"{registry.rstrip('/')}/{self.name}/-/{base}-{self.version}.tgz"


# The versions Strawberry's own GraphiQL page loads (react, graphiql, the explorer), plus the
# graphql-ws client that runs subscriptions over the WebSocket. Loaded in this order.
RELEASES: tuple[NpmRelease, ...] = (
    NpmRelease(
        "react",
        "18.2.0",
        "sha512-/3IjMdb2L9QbBdWiW5e3P2/npwMBaU9mHCSCUzNln0ZCYbcfTsGbTJrU/kGemdH2IWmB2ioZ+zkxtmq6g09fGQ==",
        ("umd/react.production.min.js",),
    ),
    NpmRelease(
        "react-dom",
        "18.2.0",
        "sha512-6IMTriUmvsjHUjNtEDudZfuDQUoWXVxKHhlEGSk81n4YFS+r/Kl99wXiwlVXtPBtJenozv2P+hxDsw9eA7Xo6g==",
        ("umd/react-dom.production.min.js",),
    ),
    NpmRelease(
        "graphiql",
        "3.8.3",
        "sha512-cuPDYtXVKV86Pu5PHBX642Odi/uVEE2y1Jxq5rGO/Qy1G2lRp7ZZ7a/T30RzxhuLSWo9zUbzq0P3U49//H0Ugw==",
        ("graphiql.min.css", "graphiql.min.js"),
    ),
    NpmRelease(
        "@graphiql/plugin-explorer",
        "1.0.2",
        "sha512-9j+kg2UjtLZD5EBmGjeWHkoVVxtbShYg2DzbUVebibnZYZM/iMBEF4vaccXJIAm5KaomIPLx0aoNs4LbODyc3Q==",
        ("dist/style.css", "dist/index.umd.js"),
    ),
    NpmRelease(
        "graphql-ws",
        "6.4.2",
        "sha512-wxhPhhOGJo8PbGDkBYVE76sZLDrS+GkyrR4bZECSLVbo0pZZNKs0HtBh2Ip/uaUuiVUxwO9ssI9R92buQfNSqQ==",
        ("umd/graphql-ws.min.js",),
    ),
)


def is_installed(release: NpmRelease, directory: Path) -> bool:
    """Whether this release's files are in place, extracted from the tarball it pins."""
    folder = directory / release.key
    try:
        stamp = (folder / STAMP).read_text(encoding="ascii").strip()
    except OSError:
        return False
    return stamp == release.integrity and all((folder / file).is_file() for file in release.files)


def missing_releases(
    directory: Path, releases: Sequence[NpmRelease] = RELEASES
) -> list[NpmRelease]:
    """The releases still to fetch; empty when the page can be served."""
    return [release for release in releases if not is_installed(release, directory)]


def verified(data: bytes, integrity: str) -> bool:
    """Whether the bytes are the ones a Subresource-Integrity style sha512 string names."""
    algorithm, _, expected = integrity.partition("-")
    if algorithm != "sha512":
        return False
    return base64.b64encode(hashlib.sha512(data).digest()).decode("ascii") == expected


def download(url: str) -> bytes:
    """The tarball's bytes, or an AssetError saying what went wrong and where."""
    try:
        with urllib.request.urlopen(url, timeout=DOWNLOAD_TIMEOUT_SECONDS) as response:
            body: bytes = response.read()
            return body
    except OSError as error:
        raise AssetError(f"could not download {url}: {error}") from error


def install_release(release: NpmRelease, directory: Path, registry: str) -> None:
    """Fetch, verify and extract one release; its folder appears whole or not at all."""
    url = release.tarball_url(registry)
    data = download(url)
    if not verified(data, release.integrity):
        raise AssetError(f"{url} does not match the pinned integrity {release.integrity}")
    directory.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".incoming-", dir=directory))
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tarball:
            for file in release.files:
                member = tarball.extractfile(f"package/{file}")
                if member is None:
                    raise AssetError(f"{url} holds no file package/{file}")
                content = member.read()
                target = staging / file
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
                # Served instead of the plain file to browsers that accept gzip.
                target.with_name(target.name + ".gz").write_bytes(
                    gzip.compress(content, compresslevel=9, mtime=0)
                )
        (staging / STAMP).write_text(release.integrity + "\n", encoding="ascii")
        folder = directory / release.key
        folder.parent.mkdir(parents=True, exist_ok=True)
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def install_assets(
    directory: Path = DEFAULT_DIRECTORY,
    registry: str = DEFAULT_REGISTRY,
    releases: Sequence[NpmRelease] = RELEASES,
) -> list[NpmRelease]:
    """Bring every missing release into the directory; returns the ones it fetched."""
    fetched = []
    for release in missing_releases(directory, releases):
        install_release(release, directory, registry)
        fetched.append(release)
    return fetched
