# Copied verbatim from generator/runtime/cli/__init__.py by `python -m generator`.
# Edit that file and regenerate; changes made here are lost and fail the drift check.
# PYTHON_ARGCOMPLETE_OK
"""``longbridge-openapi``: log in, look after the token and call the data API from a terminal.

Commands::

    longbridge-openapi login [--scope S ...] [--port N] [--timeout SECONDS] [--no-browser]
    longbridge-openapi login --device [--scope S ...]
    longbridge-openapi token show [--json] | refresh | revoke
    longbridge-openapi register [--name NAME] [--redirect-uri URI ...] [--confidential]
    longbridge-openapi call GET|POST|PUT|DELETE PATH [-p KEY=VALUE ...] [--json BODY]
    longbridge-openapi --version

Every command takes ``--base-url URL`` (default ``LONGBRIDGE_HTTP_URL``), ``--region global|cn``
(default ``LONGBRIDGE_REGION``, else global), ``--client-id ID`` (default
``LONGBRIDGE_CLIENT_ID``), ``--token-dir DIR`` (default ``LONGBRIDGE_TOKEN_DIR``, else
``~/.longbridge/openapi-client/tokens``) and ``--verbose`` (each request and its answer on
stderr, credentials masked). Each ``LONGBRIDGE_`` variable falls back to
``LONGPORT_``, as in the official SDK. A confidential client's secret is read from
``LONGBRIDGE_CLIENT_SECRET`` only: a command line is visible to other users of the machine.

``login`` runs the authorization code flow with PKCE and a loopback redirect (RFC 8252 §7.3):
a one-shot HTTP server on 127.0.0.1 (an ephemeral port unless ``--port``) receives
``http://127.0.0.1:<port>/callback``. The authorization URL is always printed to stderr, and also
opened in a browser unless ``--no-browser``; the URL is fetched once first (redirects not
followed), so that a server refusing it (an unknown client id, RFC 6749 §4.1.2.1) ends the
command at once with the server's error instead of a wait. ``login --device`` runs the device
flow (RFC 8628) for machines without a browser. ``--scope`` takes keys or ids: watchlist (4),
account.read (6), trade.read (10), trade.write (11).

Nothing here prints or logs a token, not even in part: ``token show`` prints ``<redacted>`` in
their place, and error messages are scrubbed of the stored credentials. The one exception is
``register``, which prints the new client's ``client_secret`` and ``registration_access_token``
once, because the user must save them.

Shell completion: install ``argcomplete`` and run
``eval "$(register-python-argcomplete longbridge-openapi)"``.

Start-up: only ``argparse`` is imported up front, the rest when a command needs it, so that
``--help`` answers within 3x ``python -c pass`` (``scripts/bench``, section ``cli``).

The modules: ``main`` (run a command, map its failure to an exit code), ``parser`` (built from
each command module's own subparser: ``login_command``, ``token_command``, ``register_command``,
``call_command``), ``options`` (the common options and their environment defaults), ``session``
(one run: its client and the credentials to scrub), ``output`` (escaping, masking, the
``--verbose`` log) and ``failures`` (the messages of exit code 1).

Exit codes:

- 0: success (also when the reader of stdout goes away, as ``| head -1`` does).
- 1: the server, the OAuth flow or the network failed: an API error (``error: <message>
  (code=…, trace_id=…)``), an OAuth error, no token stored (log in), no redirect before the
  timeout, a refused refresh.
- 2: usage error: unknown option, bad ``KEY=VALUE`` or JSON, no client id.
- 130: interrupted (Ctrl-C).
"""

from __future__ import annotations

from .main import main

__all__ = ["main"]
