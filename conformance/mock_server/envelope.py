"""The data API envelope ``{code, message, data}`` (docs/longbridge-api.md §4.1).

``code == 0`` if and only if the call succeeded, and only then is ``data`` non-null.
"""

from __future__ import annotations

from typing import Any

from .config import Deviation
from .context import Context
from .http import ApiProblem, Reply

__all__ = ["INVALID_PARAMETER", "error_reply", "success"]

# The real server's code for a generic bad parameter is not documented (the security list's own
# is 310010); the mock uses this one for the other operations.
INVALID_PARAMETER = 400000


def success(data: Any) -> Reply:
    return Reply(200, {"code": 0, "message": "success", "data": data})


def error_reply(ctx: Context, problem: ApiProblem) -> Reply:
    code = 0 if ctx.deviates(Deviation.ENVELOPE_OK_ON_ERROR) else problem.code
    body = {"code": code, "message": problem.message, "data": None}
    return Reply(problem.status, body, dict(problem.headers))
