"""``call METHOD PATH``: any data API endpoint with the stored token, its data printed as JSON;
an API error comes with what the spec says to do about it (the scope, the parameters)."""

from __future__ import annotations

import argparse

from .failures import api_error_line
from .options import DEFAULT_TOKEN_DIR, PROG, env_var
from .output import printable, scope_keys, scope_names
from .session import EXIT_OK, CliFailure, UsageError, not_logged_in, open_client, stored_token

# Not `from typing import TYPE_CHECKING`: typing costs a fifth of the interpreter's start-up,
# and type checkers know this constant by name.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any

    from ...endpoints import Endpoint
    from ..facade import Longbridge
    from .session import Run

METHODS = ("GET", "POST", "PUT", "DELETE")


def _method(text: str) -> str:
    """``call``'s METHOD: one of the methods its help lists, in any case."""
    method = text.upper()
    if method not in METHODS:
        raise argparse.ArgumentTypeError(
            f"not an HTTP method this command sends: {text!r}; use {', '.join(METHODS)}"
        )
    return method


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """``call``'s subparser."""
    call = commands.add_parser(
        "call",
        parents=[common],
        help="call any data API endpoint and print its data as JSON",
        description="Send METHOD PATH with the stored token and print the envelope's data. "
        'Amounts are decimal text in --json ("300.5"): a JSON number with a fraction is '
        "refused, since it has been through a binary float.",
    )
    call.add_argument("method", type=_method, metavar="METHOD", help=", ".join(METHODS))
    call.add_argument("path", metavar="PATH", help="e.g. /v1/quote/get_security_list")
    call.add_argument(
        "-p",
        "--param",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a query parameter (repeatable)",
    )
    call.add_argument("--json", metavar="BODY", help="a JSON request body")
    call.set_defaults(handler=_call, command_parser=call)


def _params(pairs: Sequence[str]) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise UsageError(f"-p takes KEY=VALUE, not {pair!r}")
        params.setdefault(key, []).append(value)
    return params


def _no_float(text: str) -> Any:
    """``--json``'s numbers with a fraction: refused, as the README says amounts never are
    floats (a binary float cannot hold 0.1 exactly; the API takes decimal text)."""
    raise UsageError(
        f'--json has the number {text}: send amounts as decimal text, "{text}", '
        "not a JSON number with a fraction"
    )


def _body(text: str | None) -> Any:
    import json

    if text is None:
        return None
    try:
        return json.loads(text, parse_float=_no_float)
    except ValueError as exc:
        raise UsageError(f"--json is not valid JSON: {exc}") from None


def _call(args: argparse.Namespace, run: Run) -> int:
    import json

    from ..errors import LongbridgeApiError, UnexpectedResponseError

    method: str = args.method
    path: str = args.path
    if not path.startswith("/") or path.startswith("//"):
        raise UsageError(f"PATH is a path on the server like /v1/quote/..., not {path!r}")
    params = _params(args.param)
    body = _body(args.json)
    with open_client(args, run) as lb:
        if stored_token(lb) is None:
            raise not_logged_in(lb)
        try:
            data = lb.request(method, path, params=params or None, json=body)
        except LongbridgeApiError as exc:
            raise CliFailure(_api_failure(exc, args, run, params, body)) from None
        except UnexpectedResponseError as exc:
            if exc.http_status == 404:
                raise CliFailure(_not_found(method, path, exc)) from None
            raise
    print(printable(json.dumps(data, indent=2, ensure_ascii=False)))
    return EXIT_OK


def _endpoint(method: str, path: str) -> Endpoint | None:
    from ...endpoints import find

    return find(method, path)


def _api_failure(
    exc: Any, args: argparse.Namespace, run: Run, params: Mapping[str, Any], body: Any
) -> str:
    """The API error, and what to do about it where the spec says (scope, parameters)."""
    lines = [api_error_line(exc)]
    endpoint = _endpoint(args.method, args.path)
    if exc.code == 403308:
        assert run.client is not None
        lines.append(_scope_hint(endpoint, args, run, run.client))
    elif str(exc.code).startswith("3") and endpoint is not None:
        lines.extend(_parameter_hints(endpoint, params, body))
    return "\n".join(line for line in lines if line)


def _scope_hint(
    endpoint: Endpoint | None, args: argparse.Namespace, run: Run, lb: Longbridge
) -> str:
    """403308 (docs/longbridge-api.md §4.2 lists the code; the scope comes from the spec)."""
    if endpoint is None or endpoint.scope is None:
        return "The token lacks the scope this call needs; log in again with that --scope."
    try:
        token = lb.token
    except ValueError:
        token = None
    names = scope_names()
    held = [names.get(item, item) for item in (token.scope or "").split()] if token else []
    wanted = [s for s in held if s in scope_keys()]
    if endpoint.scope not in wanted:
        wanted.append(endpoint.scope)
    assert lb.credentials is not None
    # The options the environment would not supply again, so the command works as pasted.
    env = run.environ
    where = ""
    if args.base_url and args.base_url != env_var("HTTP_URL", env):
        where += f" --base-url {args.base_url}"
    if args.token_dir != (env_var("TOKEN_DIR", env) or DEFAULT_TOKEN_DIR):
        where += f" --token-dir {args.token_dir}"
    command = (
        f"{PROG} login --client-id {lb.credentials.client_id}{where} --scope {','.join(wanted)}"
    )
    return (
        f"{endpoint.method} {endpoint.path} needs the scope {endpoint.scope}, which the token "
        f"lacks. Log in again with it:\n    {command}"
    )


def _parameter_hints(endpoint: Endpoint, params: Mapping[str, Any], body: Any) -> list[str]:
    """The parameters the spec says are missing or wrong, for a 3xxxxx (bad request) answer."""
    given: dict[str, list[str]] = {k: [str(v) for v in vs] for k, vs in params.items()}
    if isinstance(body, dict):
        given.update({k: [str(v)] for k, v in body.items()})
    hints = []
    flag = {"query": "-p {}=VALUE", "body": "--json '{{\"{}\": ...}}'"}
    for param in endpoint.parameters:
        values = given.get(param.name)
        if values is None:
            if param.required:
                hints.append(
                    f"missing {param.name} (required by the spec; "
                    f"{flag[param.where].format(param.name)})"
                )
            continue
        if param.allowed:
            wrong = [v for v in values if v not in param.allowed]
            if wrong:
                hints.append(
                    f"{param.name}={wrong[0]} is not one the spec allows: "
                    f"{', '.join(param.allowed)}"
                )
    known = {param.name for param in endpoint.parameters}
    for name in sorted(set(given) - known):
        hints.append(f"{name} is not a parameter of {endpoint.method} {endpoint.path} in the spec")
    if not hints:
        names = ", ".join(
            f"{p.name}{' (required)' if p.required else ''}" for p in endpoint.parameters
        )
        hints.append(
            f"the spec's parameters of {endpoint.method} {endpoint.path}: {names or 'none'}"
        )
    return hints


def _not_found(method: str, path: str, exc: Any) -> str:
    from ...endpoints import methods_of

    methods = methods_of(path)
    if methods:
        known = f"the spec has {path} for {', '.join(methods)}, not {method}"
    else:
        known = f"{path} is not an endpoint of the spec"
    return f"error: the server has no {method} {path} (HTTP 404, trace_id={exc.trace_id}); {known}"
