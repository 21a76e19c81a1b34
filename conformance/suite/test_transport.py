"""Transport security of every endpoint the discovery metadata names (checklist extension: 67).

RFC 6749 §1.6, §3.1, §3.2 and §10.9 (https://www.rfc-editor.org/rfc/rfc6749#section-3.1) make
TLS a MUST at the authorization and token endpoints, RFC 6750 §5.2 for bearer tokens, RFC 7009 §2
at the revocation endpoint, RFC 8628 §3.1 at the device endpoint. RFC 8996 deprecates TLS 1.0 and
1.1 ("MUST NOT be used"), RFC 9325 §3.1.1 asks for TLS 1.2 or later. Each check names the OAuch
test it answers
(https://github.com/DistriNet/OAuch, src/OAuch/OAuch.Tests/Tests/, one folder per endpoint).

They run when the target is https and skip otherwise. The certificate is judged against the CA
``CONFORMANCE_CA_FILE`` names (the bundled mock's throwaway CA with ``--tls``), else the system's.
"""

from __future__ import annotations

import os
import socket
import ssl
import warnings
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest

from conformance.checks import check
from conformance.oauch import oauch
from conformance.target import Target

ENV_CA_FILE = "CONFORMANCE_CA_FILE"
# OpenSSL 3's default security level refuses TLS 1.0/1.1 even when asked for them; a probe must
# lower it to tell "the server refuses" from "this client would not try".
_LEGACY_CIPHERS = "DEFAULT:@SECLEVEL=0"
_TIMEOUT = 10.0


def _endpoints(target: Target) -> list[str]:
    """The issuer and every ``*_endpoint`` of the RFC 8414 metadata, https targets only."""
    if urlsplit(target.base_url).scheme != "https":
        pytest.skip("the target is not https: the transport checks need a TLS endpoint")
    # Unverified: only where the endpoints are is read here; their certificates have a check.
    with httpx.Client(verify=False, timeout=_TIMEOUT) as client:  # noqa: S501
        r = client.get(f"{target.base_url}/.well-known/oauth-authorization-server")
    assert r.status_code == 200, f"Expected the discovery metadata. Received: {r.status_code}"
    metadata = r.json()
    urls = [target.base_url]
    urls += [
        v for k, v in sorted(metadata.items()) if k.endswith("_endpoint") and isinstance(v, str)
    ]
    return urls


def _hosts(urls: list[str]) -> list[tuple[str, int]]:
    found: dict[tuple[str, int], None] = {}
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme == "https" and parts.hostname:
            found[(parts.hostname, parts.port or 443)] = None
    return list(found)


def _verify_context() -> ssl.SSLContext:
    ca_file = os.environ.get(ENV_CA_FILE) or None
    return ssl.create_default_context(cafile=ca_file)


def _handshake(host: str, port: int, context: ssl.SSLContext) -> str:
    """The TLS version negotiated with ``host:port``; raises ssl.SSLError when refused."""
    with (
        socket.create_connection((host, port), timeout=_TIMEOUT) as raw,
        context.wrap_socket(raw, server_hostname=host) as tls,
    ):
        return tls.version() or "?"


def _probe_context(
    minimum: ssl.TLSVersion, maximum: ssl.TLSVersion | None = None
) -> ssl.SSLContext:
    """A context offering only the versions asked for, not judging the certificate."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with warnings.catch_warnings():
        # Python deprecates naming TLS 1.0/1.1; the probe names them on purpose.
        warnings.simplefilter("ignore", DeprecationWarning)
        context.minimum_version = minimum
        context.maximum_version = maximum or ssl.TLSVersion.MAXIMUM_SUPPORTED
    context.set_ciphers(_LEGACY_CIPHERS)
    return context


@check(67, "RFC 6749 §3.1, §3.2, §10.9; RFC 6750 §5.2", "MUST", "transport")
@oauch(
    "ApiEndpoint.IsHttpsRequiredTest",
    "AuthEndpoint.IsHttpsRequiredTest",
    "DeviceAuthEndpoint.IsHttpsRequiredTest",
    "TokenEndpoint.IsHttpsRequiredTest",
    "Revocation.IsRevocationEndpointSecureTest",
)
def test_endpoints_refuse_plain_http(target: Target) -> None:
    """Plain http is refused: no connection, a refusal, or a redirect to https, never an answer."""
    served: list[str] = []
    for url in _endpoints(target):
        parts = urlsplit(url)
        netloc = parts.netloc if parts.port else parts.hostname or ""
        plain = urlunsplit(("http", netloc, parts.path or "/", parts.query, ""))
        try:
            r = httpx.get(plain, timeout=_TIMEOUT, follow_redirects=False)
        except httpx.HTTPError:
            continue  # nothing speaks http there
        redirected = r.is_redirect and r.headers.get("location", "").startswith("https://")
        oauth_answer = "json" in r.headers.get("content-type", "") and (
            r.status_code < 300 or "error" in r.text
        )
        if not redirected and (r.status_code < 300 or oauth_answer):
            served.append(f"{parts.path or '/'} answered {r.status_code} over http")
    assert not served, f"Expected every endpoint to refuse plain http. Received: {served}"


@check(67, "RFC 6749 §1.6, §10.9; RFC 6125 §6", "MUST", "transport")
@oauch(
    "ApiEndpoint.HasValidCertificateTest",
    "AuthEndpoint.HasValidCertificateTest",
    "DeviceAuthEndpoint.HasValidCertificateTest",
    "TokenEndpoint.HasValidCertificateTest",
)
def test_certificate_is_valid_for_each_host(target: Target) -> None:
    failures = []
    for host, port in _hosts(_endpoints(target)):
        try:
            _handshake(host, port, _verify_context())
        except ssl.SSLCertVerificationError as exc:
            failures.append(f"{host}:{port}: {exc.verify_message}")
    assert not failures, f"Expected a certificate valid for each host. Received: {failures}"


@check(67, "RFC 6749 §1.6; RFC 9325 §3.1.1", "MUST", "transport")
@oauch(
    "ApiEndpoint.IsModernTlsSupportedTest",
    "AuthEndpoint.IsModernTlsSupportedTest",
    "DeviceAuthEndpoint.IsModernTlsSupportedTest",
    "TokenEndpoint.IsModernTlsSupportedTest",
    "Revocation.IsModernTlsSupportedTest",
)
def test_tls_1_2_or_later_is_negotiated(target: Target) -> None:
    failures = []
    for host, port in _hosts(_endpoints(target)):
        try:
            version = _handshake(host, port, _probe_context(ssl.TLSVersion.TLSv1_2))
        except ssl.SSLError as exc:
            failures.append(f"{host}:{port}: {exc.reason or exc}")
            continue
        if version not in ("TLSv1.2", "TLSv1.3"):
            failures.append(f"{host}:{port}: {version}")
    assert not failures, f"Expected TLS 1.2 or 1.3 to be negotiated. Received: {failures}"


@check(67, "RFC 8996 §2, §3; RFC 6749 §1.6", "MUST", "transport")
@oauch("Features.IsDeprecatedTlsSupportedTest")
@pytest.mark.parametrize("version", ["TLSv1", "TLSv1_1"])
def test_tls_1_0_and_1_1_are_refused(target: Target, version: str) -> None:
    legacy = ssl.TLSVersion[version]
    if not (ssl.HAS_TLSv1 if version == "TLSv1" else ssl.HAS_TLSv1_1):
        pytest.skip(f"this Python's OpenSSL cannot offer {version}: the refusal cannot be tested")
    accepted = []
    for host, port in _hosts(_endpoints(target)):
        try:
            _handshake(host, port, _probe_context(legacy, legacy))
        except (ssl.SSLError, ConnectionError):
            continue  # refused
        accepted.append(f"{host}:{port}")
    assert not accepted, f"Expected {version} handshakes to be refused. Accepted by: {accepted}"


# RFC 9325 §4.1 (https://www.rfc-editor.org/rfc/rfc9325#section-4.1), as OpenSSL cipher strings.
# "MUST NOT negotiate": NULL encryption, RC4, and "less than 112 bits of security, including
# so-called 'export-level' encryption" (single DES is 56 bits); RFC 5246 §A.5: anonymous
# Diffie-Hellman suites "MUST NOT be used by TLS 1.2 implementations" unless the application
# asked for them, which an OAuth server, bound to authenticate itself (RFC 6749 §1.6), does not.
_BROKEN_SUITES = {
    "NULL encryption": "eNULL",
    "anonymous key exchange": "aNULL",
    "RC4": "RC4",
    "export grade": "EXPORT",
    "single DES": "DES:!3DES",
}
# "SHOULD NOT negotiate": algorithms "offering less than 128 bits of security" (3DES), "RSA key
# transport, a.k.a. 'static RSA'", static finite-field and elliptic-curve DH (no forward secrecy).
_WEAK_SUITES = {
    "3DES": "3DES",
    "static RSA key transport": "kRSA",
    "static DH or ECDH": "kDHr:kDHd:kECDHr:kECDHe",
}
_FORWARD_SECRET = "ECDHE:DHE:!aNULL:!eNULL"


def _suite_context(
    ciphers: str, minimum: ssl.TLSVersion, maximum: ssl.TLSVersion | None = ssl.TLSVersion.TLSv1_2
) -> ssl.SSLContext | None:
    """A probe offering only ``ciphers`` up to TLS 1.2 (TLS 1.3 fixes its own suites, all
    forward secret, whenever ``maximum`` allows it); None when this Python's OpenSSL cannot
    offer any of them."""
    context = _probe_context(minimum, maximum)
    try:
        context.set_ciphers(f"{ciphers}:@SECLEVEL=0")
    except ssl.SSLError:
        return None
    return context


def _negotiated(host: str, port: int, context: ssl.SSLContext) -> str | None:
    """The suite and version the server chose, or None when it refused the handshake."""
    try:
        with (
            socket.create_connection((host, port), timeout=_TIMEOUT) as raw,
            context.wrap_socket(raw, server_hostname=host) as tls,
        ):
            suite = tls.cipher()
            return f"{suite[0]} ({tls.version()})" if suite else "?"
    except (ssl.SSLError, ConnectionError):
        return None


def _accepted(target: Target, suites: dict[str, str]) -> tuple[list[str], list[str]]:
    """Per host, the suites of ``suites`` the server negotiated; and the kinds not probed."""
    accepted: list[str] = []
    unprobed: list[str] = []
    for kind, ciphers in suites.items():
        context = _suite_context(ciphers, ssl.TLSVersion.MINIMUM_SUPPORTED)
        if context is None:
            unprobed.append(kind)  # this OpenSSL lacks them (OpenSSL 3 drops RC4, DES, EXPORT)
            continue
        for host, port in _hosts(_endpoints(target)):
            suite = _negotiated(host, port, context)
            if suite is not None:
                accepted.append(f"{host}:{port} negotiated {suite} ({kind})")
    return accepted, unprobed


@check(77, "RFC 9325 §4.1; RFC 5246 §A.5", "MUST", "transport")
@oauch(
    "ApiEndpoint.AreStrongCiphersEnabledTest",
    "AuthEndpoint.AreStrongCiphersEnabledTest",
    "TokenEndpoint.AreStrongCiphersEnabledTest",
)
def test_no_broken_cipher_suite_is_negotiated(target: Target) -> None:
    """Each broken kind offered alone (TLS 1.0-1.2) is refused, and forward secrecy is supported
    and preferred: RFC 9325 §4.1 "Implementations MUST support and prefer to negotiate cipher
    suites offering forward secrecy". Kinds this Python's OpenSSL cannot offer are not probed
    (OpenSSL 3 without its legacy provider has no RC4, DES or export suites)."""
    accepted, _ = _accepted(target, _BROKEN_SUITES)
    tls12 = ssl.TLSVersion.TLSv1_2
    # TLS 1.3 (always forward secret) or TLS 1.2's forward-secret suites.
    forward_secret = _suite_context(_FORWARD_SECRET, tls12, None)
    static_first = _suite_context(f"kRSA:{_FORWARD_SECRET}", tls12)
    for host, port in _hosts(_endpoints(target)):
        if forward_secret is not None and _negotiated(host, port, forward_secret) is None:
            accepted.append(f"{host}:{port} refused every forward-secret suite")
        if static_first is not None:
            # The client lists static RSA first: a server preferring forward secrecy overrides.
            suite = _negotiated(host, port, static_first)
            if suite is not None and not suite.startswith(("ECDHE", "DHE")):
                accepted.append(f"{host}:{port} chose {suite} over forward-secret suites")
    assert not accepted, f"Expected broken cipher suites refused. Received: {accepted}"


@check(78, "RFC 9325 §4.1", "SHOULD", "transport")
@oauch(
    "ApiEndpoint.AreStrongCiphersEnabledTest",
    "AuthEndpoint.AreStrongCiphersEnabledTest",
    "TokenEndpoint.AreStrongCiphersEnabledTest",
)
def test_no_weak_cipher_suite_is_negotiated(target: Target) -> None:
    """3DES, static RSA and static (EC)DH suites offered alone are refused: RFC 9325 §4.1's
    SHOULD NOTs. OAuch's stricter list (only RFC 9325 §4.2's four RECOMMENDED suites on TLS 1.2)
    is a recommendation of what to offer, not a prohibition of the rest."""
    accepted, _ = _accepted(target, _WEAK_SUITES)
    assert not accepted, f"Expected weak cipher suites refused. Received: {accepted}"
