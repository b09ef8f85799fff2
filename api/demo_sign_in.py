"""GET /demo/sign-ins: the demo world's users for the sign-in page of a development service.

Two locks keep a production install from ever showing a token here: the route answers an empty
list unless OVERDRACHT_DEMO_SIGN_IN is on (only `./dev up` sets it), and even then it lists
nothing while the database holds any office or demo address that is not the demo world's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from models.demo_world import demo_sign_ins
from overdracht.clock import Clock
from overdracht.db_faults import is_database_fault
from overdracht.settings import Settings

logger = logging.getLogger(__name__)

HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}


def demo_sign_ins_endpoint(
    settings: Settings, clock: Clock
) -> Callable[[Request], Coroutine[Any, Any, JSONResponse]]:
    """The endpoint, bound to the settings that decide whether it may answer at all."""

    async def sign_ins(request: Request) -> JSONResponse:
        if not settings.demo_sign_in:
            return JSONResponse({"users": []}, headers=HEADERS)
        try:
            found = await demo_sign_ins(clock.now())
        except Exception as error:
            if not is_database_fault(error):
                raise
            logger.warning("demo sign-ins: the database is unavailable: %s", error)
            return JSONResponse({"users": []}, status_code=503, headers=HEADERS)
        users = [
            {
                "token": user.token,
                "name": user.name,
                "email": user.email,
                "role": user.role.value,
                "scope": user.scope.value,
                "officeCode": user.office_code,
                "officeName": user.office_name,
            }
            for user in found
        ]
        return JSONResponse({"users": users}, headers=HEADERS)

    return sign_ins
