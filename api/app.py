"""The one place the service is assembled: routes, lifespan and background work."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route, WebSocketRoute
from tortoise.contrib.starlette import RegisterTortoise

from api.change_news import ChangeNews
from api.cors import CrossOrigin
from api.demo_sign_in import demo_sign_ins_endpoint
from api.download_links import DownloadLinks
from api.files import download_endpoint, signed_download_endpoint
from api.graphiql.page import GraphiQLSite
from api.graphql import GraphQLView
from api.manifest_download import manifest_endpoint
from api.metrics import exposition
from api.request_id import RequestId
from api.request_limits import RequestSizeLimit
from api.resolvers.overview_feed import OverviewFeed
from api.screens import OVERVIEW_PATH, RECEIVE_PATH, ScreensSite, offer_page_path
from models.guessing import refuse_guessable_settings
from overdracht.clock import Clock, SystemClock
from overdracht.db import database_answers, tortoise_config
from overdracht.filestore import FileStore
from overdracht.garbage import settle_long_lived_objects
from overdracht.settings import Settings, load_settings
from overdracht.storage import open_file_store
from worker.loops import background_jobs

READINESS_TIMEOUT = 2.0


async def healthz(request: Request) -> JSONResponse:
    """Liveness for load balancers and the quick start."""
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    """Readiness: the database answers and the background loops of this process are alive."""
    try:
        await asyncio.wait_for(database_answers(), timeout=READINESS_TIMEOUT)
        database = "ok"
    except Exception:  # unreachable, terminated, too slow: not ready, and no stack trace
        database = "unreachable"
    loops = {
        name: "stopped" if task.done() else "running"
        for name, task in getattr(request.app.state, "background", {}).items()
    }
    ready = database == "ok" and all(state == "running" for state in loops.values())
    return JSONResponse(
        {
            "status": "ready" if ready else "unavailable",
            "database": database,
            "background": loops or "not run in this process",
        },
        status_code=200 if ready else 503,
    )


def metrics_endpoint(clock: Clock) -> Callable[[Request], Coroutine[Any, Any, Response]]:
    """GET /metrics for Prometheus; keep it on the internal network (it needs no token)."""

    async def metrics(request: Request) -> Response:
        return Response(await exposition(clock.now()), media_type=CONTENT_TYPE_LATEST)

    return metrics


def redirect_to(path: str) -> Callable[[Request], Coroutine[Any, Any, RedirectResponse]]:
    """A page that moved: the browser is sent on to the screen at `path`."""

    async def redirect(request: Request) -> RedirectResponse:
        return RedirectResponse(path, status_code=307)

    return redirect


async def redirect_to_offer_page(request: Request) -> RedirectResponse:
    """An offer's page under another overview path: the browser is sent on to the screen's."""
    return RedirectResponse(offer_page_path(request.path_params["migration_id"]), status_code=307)


def _landing_routes(settings: Settings) -> list[Route]:
    """Mails that link to this service under other paths lead on to the screens' own paths."""
    if settings.frontend_url != settings.public_url:
        return []
    wanted = {
        settings.frontend_code_path: RECEIVE_PATH,
        settings.frontend_overview_path: OVERVIEW_PATH,
    }
    routes = [
        Route(path, redirect_to(screen), methods=["GET"])
        for path, screen in sorted(wanted.items())
        if path != screen and path != "/"
    ]
    if settings.frontend_overview_path != OVERVIEW_PATH:
        offer_pages = settings.frontend_overview_path.rstrip("/") + "/offers/{migration_id}"
        routes.append(Route(offer_pages, redirect_to_offer_page, methods=["GET"]))
    return routes


def create_app(
    settings: Settings | None = None,
    *,
    clock: Clock | None = None,
    files: FileStore | None = None,
    manage_database: bool = True,
    run_background_jobs: bool | None = None,
    server_process: bool | None = None,
) -> Starlette:
    """Build the ASGI app; tests pass their own clock and may run the database themselves.

    `server_process`: the app is the process's one (uvicorn's factory, which passes no
    settings), so the garbage collector may be tuned for it once it has started.
    """
    if server_process is None:
        server_process = settings is None
    settings = settings or load_settings()
    refuse_guessable_settings(settings)
    clock = clock or SystemClock()
    files = files or open_file_store(settings)
    if run_background_jobs is None:
        run_background_jobs = settings.background_jobs
    graphiql = GraphiQLSite(settings.graphiql_assets_dir)
    screens = ScreensSite(settings.web_dir)
    news = ChangeNews(settings)
    downloads = DownloadLinks(settings.download_link_lifetime)
    overviews = OverviewFeed(news, settings, clock)
    graphql = GraphQLView(settings, clock, files, graphiql, news, downloads, overviews)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with contextlib.AsyncExitStack() as stack:
            if manage_database:
                await stack.enter_async_context(
                    RegisterTortoise(app, config=tortoise_config(settings.database_url))
                )
            await downloads.load(clock.now())
            await stack.enter_async_context(news.running())
            await stack.enter_async_context(overviews.running())
            app.state.background = {}
            if run_background_jobs:
                app.state.background = await stack.enter_async_context(
                    background_jobs(settings, clock)
                )
            if server_process:
                settle_long_lived_objects()
            yield

    app = Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
            Route("/graphiql/{path:path}", graphiql.asset, methods=["GET"]),
            Route(
                "/documents/{document_id}/file", download_endpoint(files, clock), methods=["GET"]
            ),
            Route(
                "/documents/{document_id}/file/{grant}",
                signed_download_endpoint(files, clock, downloads),
                methods=["GET"],
            ),
            Route("/moves/{item_id}/manifest", manifest_endpoint(files, clock), methods=["GET"]),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/readyz", readyz, methods=["GET"]),
            Route("/metrics", metrics_endpoint(clock), methods=["GET"]),
            Route("/demo/sign-ins", demo_sign_ins_endpoint(settings, clock), methods=["GET"]),
            Route("/assets/{name:path}", screens.asset, methods=["GET"]),
            *_landing_routes(settings),
            # Last: every other path is a screen's, which the single-page app routes itself.
            Route("/{path:path}", screens.page, methods=["GET"]),
        ],
        middleware=[
            Middleware(RequestId),
            # Outside the size limit, so a listed frontend can read a 413 too.
            Middleware(CrossOrigin, origins=settings.cors_origins),
            Middleware(RequestSizeLimit, max_bytes=settings.max_request_bytes),
        ],
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.clock = clock
    app.state.files = files
    app.state.news = news
    app.state.downloads = downloads
    app.state.overviews = overviews
    return app
