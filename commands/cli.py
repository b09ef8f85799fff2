"""The `overdracht` command: serve, work, migrate, seed the demo, tokens, schema, mail sink,
GraphiQL's files, copying the document files to a bucket."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from datetime import timedelta
from pathlib import Path

import uvicorn
from tortoise import Tortoise

from api.graphiql.assets import (
    DEFAULT_DIRECTORY,
    DEFAULT_REGISTRY,
    RELEASES,
    AssetError,
    install_assets,
)
from api.graphql import build_schema
from commands.demo import (
    LARGE_ARCHIVE,
    DemoRefused,
    break_file,
    reset_demo,
    restore_files,
    seed_demo,
)
from commands.ports import PortUnavailable, listening_socket, why_not
from commands.process import (
    checked_settings,
    end_process,
    refuse_wrong_file_store,
    run_with_database,
    stop_on_signals,
)
from commands.storage_copy import (
    DEFAULT_CONCURRENCY,
    DEFAULT_PROGRESS_SECONDS,
    Copier,
    CopyRefused,
    copy_to_bucket,
    ensure_copyable,
)
from mail.sink import MailSink
from models import ApiToken, User
from models.enums import TokenScope
from models.user import MAX_TOKEN_LIFETIME_DAYS, is_valid_token_lifetime
from overdracht.clock import SystemClock
from overdracht.configuration_reference import REFERENCE_PATH, configuration_reference
from overdracht.db import migrate_database
from overdracht.filestore import StoreUnavailable
from overdracht.logs import configure_logging
from overdracht.settings import ConfigurationError, Settings, object_store_at
from overdracht.storage import open_bucket, open_file_store, open_local_file_store


def cmd_migrate(settings: Settings, args: argparse.Namespace) -> int:
    """Bring the database schema up to date."""

    async def main() -> int:
        try:
            await migrate_database(settings.database_url)
        finally:
            await Tortoise.close_connections()
        print(f"Database schema is up to date ({_safe_url(settings.database_url)}).")
        return 0

    return asyncio.run(main())


def cmd_seed_demo(settings: Settings, args: argparse.Namespace) -> int:
    """Create the demo world and print the tokens to paste into GraphiQL."""

    async def work() -> int:
        files = open_file_store(settings)
        try:
            if args.reset:
                await reset_demo()
                print("The demo world is emptied; seeding it anew.")
            tokens = await seed_demo(
                settings,
                SystemClock(),
                files,
                allow_other_offices=args.allow_other_offices,
                large_archive=LARGE_ARCHIVE,
            )
        except DemoRefused as refused:
            print(f"error: {refused}", file=sys.stderr)
            return 2
        print("Demo data is in place. Tokens (send as 'Authorization: Bearer <token>'):")
        for token in tokens:
            print(f"  {token.email:<24} {token.scope.value:<9} {token.secret}")
        return 0

    return run_with_database(settings, work)


def cmd_demo_break_file(settings: Settings, args: argparse.Namespace) -> int:
    """Take a file of a demo administration out of the store, so its move fails for real."""

    async def work() -> int:
        try:
            taken = await break_file(settings, open_file_store(settings), args.code, args.office)
        except DemoRefused as refused:
            print(f"error: {refused}", file=sys.stderr)
            return 2
        adm, document = taken.administration, taken.document
        others = taken.documents - 1
        shared = f" (and of {others} more documents with the same file)" if others else ""
        print(
            f"Took the file of {document.title} ({document.file_name}){shared} of {adm.code} "
            f"{adm.name} ({taken.office_code}) out of the file store. A move of it now fails as "
            "FILE_MISSING (or it cannot be offered, once the file check found it). Put it back "
            f"with: overdracht demo restore-file {adm.code} --office {taken.office_code}"
        )
        return 0

    return run_with_database(settings, work)


def cmd_demo_restore_file(settings: Settings, args: argparse.Namespace) -> int:
    """Put back what break-file took, so a retried move completes."""

    async def work() -> int:
        try:
            restored = await restore_files(
                settings, open_file_store(settings), args.code, args.office
            )
        except DemoRefused as refused:
            print(f"error: {refused}", file=sys.stderr)
            return 2
        print(f"Put {restored} file(s) of {args.code} back in the file store.")
        return 0

    return run_with_database(settings, work)


def cmd_token_create(settings: Settings, args: argparse.Namespace) -> int:
    """Issue a token for a user by e-mail; the secret is printed once and stored only hashed."""

    async def work() -> int:
        user = await User.get_or_none(email=args.email.strip().lower())
        if user is None:
            print(f"error: no user with e-mail {args.email!r}", file=sys.stderr)
            return 2
        scope = TokenScope.READ_ONLY if args.read_only else TokenScope.FULL
        days = args.expires_in_days
        token, secret = await ApiToken.issue(
            user,
            now=SystemClock().now(),
            scope=scope,
            label=args.label,
            lifetime=timedelta(days=days) if days is not None else None,
        )
        print(secret)
        expiry = f", expires {token.expires_at:%Y-%m-%d %H:%M} UTC" if token.expires_at else ""
        print(f"token {token.pk} for {user.email}, scope {scope.value}{expiry}", file=sys.stderr)
        return 0

    return run_with_database(settings, work)


def cmd_token_list(settings: Settings, args: argparse.Namespace) -> int:
    """List a user's tokens (never their secrets), so unused ones can be found and revoked."""

    async def work() -> int:
        tokens = await ApiToken.filter(user__email=args.email.strip().lower()).order_by("id")
        now = SystemClock().now()
        for token in tokens:
            if token.revoked_at:
                state = f"revoked {token.revoked_at:%Y-%m-%d}"
            else:
                state = "expired" if token.is_expired(now) else "active"
            expiry = "no expiry"
            if token.expires_at:
                expiry = f"expires {token.expires_at:%Y-%m-%d %H:%M}"
            print(f"{token.pk:>6}  {token.scope.value:<9} {state:<18} {expiry:<24} {token.label}")
        if not tokens:
            print(f"no tokens for {args.email}", file=sys.stderr)
        return 0

    return run_with_database(settings, work)


def _lifetime_days(raw: str) -> int:
    """--expires-in-days, refused by argparse when outside what a token may be given."""
    try:
        days = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a whole number of days, got {raw!r}") from None
    if not is_valid_token_lifetime(days):
        raise argparse.ArgumentTypeError(f"1 to {MAX_TOKEN_LIFETIME_DAYS} days, got {days}")
    return days


def cmd_token_revoke(settings: Settings, args: argparse.Namespace) -> int:
    """Revoke a token by its number; it stops working at once."""

    async def work() -> int:
        token = await ApiToken.get_or_none(pk=args.id)
        if token is None:
            print(f"error: no token {args.id}", file=sys.stderr)
            return 2
        if token.revoked_at is None:
            token.revoked_at = SystemClock().now()
            await token.save(update_fields=["revoked_at"])
        print(f"token {token.pk} revoked")
        return 0

    return run_with_database(settings, work)


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    """Run the HTTP service with the office screens and GraphiQL."""
    # Before logging is set up, so a refusal is its one line and nothing else.
    refused = refuse_wrong_file_store(settings)
    if refused is not None:
        return refused
    # The port is taken before any URL is printed, so a port in use is one line and no URL.
    try:
        sock = listening_socket(args.host, args.port)
    except PortUnavailable as unavailable:
        print(
            f"error: the service {unavailable}; stop that program or choose another port "
            "(--port, or PORT for ./dev up)",
            file=sys.stderr,
        )
        return 2
    configure_logging(settings.log_format)
    demo = " (sign in as a demo user)" if settings.demo_sign_in else ""
    print(f"Screens:  http://{args.host}:{args.port}/migrations{demo}", flush=True)
    print(f"GraphiQL: http://{args.host}:{args.port}/graphql", flush=True)
    config = uvicorn.Config(
        "api.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        log_config=None,
        # Off unless asked for: compressing each socket's small messages costs more than it
        # saves (docs/benchmarks.md, live progress).
        ws_per_message_deflate=settings.websocket_compression,
    )
    uvicorn.Server(config).run(sockets=[sock])
    return 0


def cmd_export_schema(settings: Settings, args: argparse.Namespace) -> int:
    """Write the GraphQL SDL, the contract the frontend and partners build against."""
    sdl = build_schema(settings).as_str() + "\n"
    if args.output == "-":
        sys.stdout.write(sdl)
    else:
        Path(args.output).write_text(sdl, encoding="utf-8")
        print(f"Wrote {args.output}")
    return 0


def cmd_settings_reference(settings: Settings, args: argparse.Namespace) -> int:
    """Write the configuration reference from the settings' declarations, never by hand."""
    reference = configuration_reference()
    if args.output == "-":
        sys.stdout.write(reference)
    else:
        Path(args.output).write_text(reference, encoding="utf-8")
        print(f"Wrote {args.output}")
    return 0


def cmd_graphiql_assets(settings: Settings, args: argparse.Namespace) -> int:
    """Fetch GraphiQL's pinned files from the npm registry, verified, so the page works offline."""

    directory = settings.graphiql_assets_dir or DEFAULT_DIRECTORY
    try:
        fetched = install_assets(directory, registry=args.registry)
    except AssetError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for release in fetched:
        print(f"fetched {release.key} (integrity verified)")
    if not fetched:
        print(f"GraphiQL's files are in place ({len(RELEASES)} packages in {directory}).")
    return 0


def cmd_worker(settings: Settings, args: argparse.Namespace) -> int:
    """Run the background work in this process, handed over to a program that loads only that
    (commands/worker_process.py): the same process, settings and exit code, 23 MB lighter."""
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, "-m", "commands.worker_process"])


def cmd_storage_copy(settings: Settings, args: argparse.Namespace) -> int:
    """Copy every document's file from the local disk to a bucket, verify, then record it."""
    try:
        target = object_store_at(args.to)
    except ConfigurationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    def report(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    async def work() -> int:
        clock = SystemClock()
        try:
            await ensure_copyable(settings.file_store_location, target.location, clock.now())
        except CopyRefused as refused:
            print(f"error: {refused}", file=sys.stderr)
            return 2
        local = open_local_file_store(settings)
        copier = Copier(
            local=local,
            bucket=open_bucket(settings, target),
            report=report,
            concurrency=args.concurrency,
            progress_seconds=args.progress_seconds,
        )
        report(f"copying the document files in {local.root} to {target.location}")
        try:
            outcome = await copy_to_bucket(copier, target.location, clock)
        except StoreUnavailable as error:
            report(copier.tally.line())
            print(
                f"error: {error}; what was copied stays there, run the command again to go on",
                file=sys.stderr,
            )
            return 1
        report(f"done: {outcome.tally.line()}")
        if outcome.verification is not None:
            for problem in outcome.verification.named:
                report(f"not in the bucket: {problem}")
        if not outcome.switched:
            print(
                f"error: {outcome.reason}; the documents stay recorded on the local disk",
                file=sys.stderr,
            )
            return 1
        checked = outcome.verification.checked if outcome.verification else 0
        print(
            f"Verified: all {checked:,} files of the documents are in {target.location}, "
            "which is now recorded as where they are. Switch the setting of the service and "
            "the workers (the AWS variables as for this command) and start them:"
        )
        print(f"OVERDRACHT_FILE_STORE={target.location}")
        return 0

    return run_with_database(settings, work)


def _concurrency(raw: str) -> int:
    """--concurrency: uploads in flight, within what one process sensibly keeps open."""
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a whole number, got {raw!r}") from None
    if not 1 <= value <= 256:
        raise argparse.ArgumentTypeError(f"1 to 256, got {value}")
    return value


def _seconds(raw: str) -> float:
    """--progress-seconds: a positive number of seconds."""
    try:
        value = float(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a number of seconds, got {raw!r}") from None
    if not 0 < value <= 86400:
        raise argparse.ArgumentTypeError(f"more than 0 and at most 86400, got {raw}")
    return value


def cmd_mail_sink(settings: Settings, args: argparse.Namespace) -> int:
    """Catch every mail on the configured SMTP port and keep it as an .eml file."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's per-command chatter
    directory = Path(args.dir) if args.dir else settings.data_dir.parent / "mail"
    host = args.host or settings.smtp.host
    port = args.port or settings.smtp.port

    async def main() -> int:
        stop = asyncio.Event()
        stop_on_signals(stop)
        sink = MailSink(host, port, directory=directory, keep_in_memory=False)
        try:
            await sink.start()
        except OSError as error:
            # Whatever listens there would get the service's mail: say so, and stop.
            print(
                f"error: the mail sink cannot listen on {host}:{port}: {why_not(error)}, so "
                "the service's mail would not reach it; stop that program or choose another "
                "port (--port with OVERDRACHT_SMTP_PORT, or MAIL_PORT for ./dev up)",
                file=sys.stderr,
            )
            return 2
        try:
            print(f"Mail sink on {host}:{port}; mails are written to {directory}/", flush=True)
            await stop.wait()
        finally:
            await sink.stop()
        return 0

    return asyncio.run(main())


def _safe_url(url: str) -> str:
    """A database URL without its password, fit for printing."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        user = credentials.split(":", 1)[0]
        return f"{scheme}://{user}@{host}"
    return url


def build_parser() -> argparse.ArgumentParser:
    """The command line, one sub-command per task."""
    parser = argparse.ArgumentParser(prog="overdracht", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the HTTP service")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(handler=cmd_serve)

    sub.add_parser("migrate", help="apply database migrations").set_defaults(handler=cmd_migrate)
    seed = sub.add_parser("seed-demo", help="create the demo data (idempotent)")
    seed.add_argument(
        "--allow-other-offices",
        action="store_true",
        help="seed even though the database holds offices that are not the demo's",
    )
    seed.add_argument(
        "--reset",
        action="store_true",
        help="empty the demo database first and seed it anew (only a database of the demo)",
    )
    seed.set_defaults(handler=cmd_seed_demo)

    demo = sub.add_parser("demo", help="make the demo's failures real, to try their ways out")
    demo_sub = demo.add_subparsers(dest="demo_command", required=True)
    for name, handler, what in (
        (
            "break-file",
            cmd_demo_break_file,
            "take a file of a demo administration out of the store: its move fails",
        ),
        ("restore-file", cmd_demo_restore_file, "put back what break-file took"),
    ):
        command = demo_sub.add_parser(name, help=what)
        command.add_argument("code", help="the administration's code, e.g. 1001")
        command.add_argument(
            "--office", default=None, help="its office code, where several offices have the code"
        )
        command.set_defaults(handler=handler)

    token = sub.add_parser("token", help="manage API tokens")
    token_sub = token.add_subparsers(dest="token_command", required=True)
    create = token_sub.add_parser("create", help="issue a token for a user")
    create.add_argument("--email", required=True, help="the user's e-mail address")
    create.add_argument("--read-only", action="store_true", help="a read-only partner token")
    create.add_argument("--label", default="", help="what the token is for")
    create.add_argument(
        "--expires-in-days",
        type=_lifetime_days,
        default=None,
        metavar="N",
        help="let the token expire N days from now (1 to 366; default: never)",
    )
    create.set_defaults(handler=cmd_token_create)
    listing = token_sub.add_parser("list", help="list a user's tokens")
    listing.add_argument("--email", required=True, help="the user's e-mail address")
    listing.set_defaults(handler=cmd_token_list)
    revoke = token_sub.add_parser("revoke", help="revoke a token by its number")
    revoke.add_argument("--id", type=int, required=True, help="the number `token list` shows")
    revoke.set_defaults(handler=cmd_token_revoke)

    worker = sub.add_parser(
        "worker", help="run the background work: mail delivery, moves, file checks, offer expiry"
    )
    worker.set_defaults(handler=cmd_worker)

    storage = sub.add_parser("storage", help="the document files' store")
    storage_sub = storage.add_subparsers(dest="storage_command", required=True)
    copy = storage_sub.add_parser(
        "copy",
        help="copy every document's file from the local disk to a bucket, verify, record it",
    )
    copy.add_argument(
        "--to",
        required=True,
        metavar="s3://BUCKET[/PREFIX]",
        help="the bucket, reached with the AWS variables the service reads",
    )
    copy.add_argument(
        "--concurrency",
        type=_concurrency,
        default=DEFAULT_CONCURRENCY,
        metavar="N",
        help=f"uploads in flight (default {DEFAULT_CONCURRENCY})",
    )
    copy.add_argument(
        "--progress-seconds",
        type=_seconds,
        default=DEFAULT_PROGRESS_SECONDS,
        metavar="S",
        help=f"a progress line on stderr every S seconds (default {DEFAULT_PROGRESS_SECONDS:g})",
    )
    copy.set_defaults(handler=cmd_storage_copy)

    sink = sub.add_parser("mail-sink", help="a local SMTP server that keeps mails as .eml files")
    sink.add_argument(
        "--dir",
        default=None,
        help="where to write the mails (default: mail/ beside the data directory)",
    )
    sink.add_argument("--host", default=None, help="default: OVERDRACHT_SMTP_HOST")
    sink.add_argument("--port", type=int, default=None, help="default: OVERDRACHT_SMTP_PORT")
    sink.set_defaults(handler=cmd_mail_sink)

    assets = sub.add_parser(
        "graphiql-assets",
        help="fetch GraphiQL's pinned files from the npm registry (idempotent)",
    )
    assets.add_argument(
        "--registry",
        default=DEFAULT_REGISTRY,
        help="an npm registry or mirror; every tarball is checked against its pinned sha512",
    )
    assets.set_defaults(handler=cmd_graphiql_assets)

    export = sub.add_parser("export-schema", help="write the GraphQL schema (SDL)")
    export.add_argument("--output", default="schema.graphql", help="file, or - for stdout")
    export.set_defaults(handler=cmd_export_schema)

    reference = sub.add_parser(
        "settings-reference", help="write the configuration reference (Markdown)"
    )
    reference.add_argument("--output", default=REFERENCE_PATH, help="file, or - for stdout")
    reference.set_defaults(handler=cmd_settings_reference)
    return parser


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script."""
    args = build_parser().parse_args(argv)
    end_process(args.handler(checked_settings(), args))
