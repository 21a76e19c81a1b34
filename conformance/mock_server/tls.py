"""TLS for the mock: a throwaway local CA made at start, and a certificate for loopback from it.

The transport checks (RFC 6749 §1.6, §3.1, §10.9; RFC 6750 §5.2; RFC 8628 §3.1) need an https
server to pass against; a client trusts the run's CA by its PEM file (``ca_file``). Deviations
break TLS on purpose: offering TLS 1.0/1.1 too, offering only them, a certificate for another
host name, and offering NULL-encryption or static-RSA cipher suites (RFC 9325 §4.1).
"""

from __future__ import annotations

import contextlib
import ssl
import tempfile
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Deviation, MockConfig

if TYPE_CHECKING:
    import trustme

__all__ = ["LEGACY_CIPHERS", "ServerTls", "legacy_versions", "server_tls"]

HOSTS = ("127.0.0.1", "localhost", "::1")
# OpenSSL 3's default security level 1 refuses TLS 1.0/1.1 handshakes (their SHA-1 based
# signatures); level 0 lets a deliberately broken server, or a probe, speak them.
LEGACY_CIPHERS = "DEFAULT:@SECLEVEL=0"


@dataclass(frozen=True)
class ServerTls:
    """The server side of TLS, and the PEM file of the CA a client must trust."""

    context: ssl.SSLContext
    ca_file: Path
    ca_pem: bytes


def legacy_versions() -> None:
    """Silence the DeprecationWarning Python raises when TLS 1.0/1.1 are named on purpose."""
    warnings.filterwarnings("ignore", "ssl.TLSVersion.TLSv1", DeprecationWarning)


def _context(config: MockConfig, cert: trustme.LeafCert) -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    cert.configure_cert(ctx)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    legacy = config.deviates(Deviation.TLS_LEGACY_VERSIONS)
    only_legacy = config.deviates(Deviation.TLS_LEGACY_ONLY)
    if legacy or only_legacy:
        with warnings.catch_warnings():
            legacy_versions()
            ctx.minimum_version = ssl.TLSVersion.TLSv1
            if only_legacy:
                ctx.maximum_version = ssl.TLSVersion.TLSv1_1
        ctx.set_ciphers(LEGACY_CIPHERS)
    # RFC 9325 §4.1's broken kinds, as far as this OpenSSL has them: NULL encryption (a MUST NOT;
    # RC4, DES and export suites are gone from OpenSSL 3), and static RSA key transport (a
    # SHOULD NOT, no forward secrecy). Python's own server default offers neither.
    # Not "DEFAULT:eNULL": DEFAULT's own "!eNULL" removes NULL suites for good.
    extra = []
    if config.deviates(Deviation.TLS_NULL_CIPHERS):
        extra.append("eNULL:!aNULL")
    if config.deviates(Deviation.TLS_STATIC_RSA):
        extra.append("kRSA+AESGCM")  # with an RSA certificate: RSA key transport needs one
    if extra:
        ctx.set_ciphers(f"ECDHE+AESGCM:ECDHE+CHACHA20:{':'.join(extra)}:@SECLEVEL=0")
        # Its own order (forward secrecy first) over the client's: RFC 9325 §4.1 "prefer".
        ctx.options |= ssl.OP_CIPHER_SERVER_PREFERENCE
    return ctx


@contextlib.contextmanager
def server_tls(config: MockConfig, directory: Path | None = None) -> Iterator[ServerTls]:
    """A new CA and a loopback certificate; the CA's PEM is written to ``directory`` (or a
    temporary folder removed on exit)."""
    import trustme  # only a --tls mock needs it: plain mocks start without (the floors venv)

    ca = trustme.CA(organization_name="Longbridge conformance mock (throwaway)")
    hosts = ("wrong-host.invalid",) if config.deviates(Deviation.TLS_WRONG_HOST) else HOSTS
    rsa = config.deviates(Deviation.TLS_STATIC_RSA)
    cert = ca.issue_cert(*hosts, key_type=trustme.KeyType.RSA if rsa else trustme.KeyType.ECDSA)
    context = _context(config, cert)
    with contextlib.ExitStack() as stack:
        if directory is None:
            directory = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="mock-ca-")))
        ca_file = directory / "mock-ca.pem"
        ca.cert_pem.write_to_path(str(ca_file))
        yield ServerTls(context, ca_file, ca.cert_pem.bytes())
