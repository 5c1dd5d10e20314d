"""The TLS context of a sync: certificate authorities read when the first https feed needs them.

Reading the CA bundle at every client start cost each warm sync tens of milliseconds, and a
sync of plain-http feeds never needs it. Verification is what httpx's default gives: the bundle in
SSL_CERT_FILE or SSL_CERT_DIR when set, else certifi's, hostnames checked.
"""

from __future__ import annotations

import os
import ssl
import sys
import threading
from typing import Any


class CertificatesOnFirstUse(ssl.SSLContext):
    """A client context that loads its trusted authorities before its first handshake."""

    _loading = threading.Lock()  # anyio wraps a context of its own class in a worker thread
    _loaded = False

    def _load_authorities(self) -> None:
        with self._loading:
            if not self._loaded:
                self.load_verify_locations(**trusted_authorities())
                self._loaded = True

    def wrap_bio(self, *args: Any, **kwargs: Any) -> ssl.SSLObject:
        self._load_authorities()
        return super().wrap_bio(*args, **kwargs)

    def wrap_socket(self, *args: Any, **kwargs: Any) -> ssl.SSLSocket:
        self._load_authorities()
        return super().wrap_socket(*args, **kwargs)


def trusted_authorities() -> dict[str, str]:
    """Where the trusted authorities are, as httpx reads them from the environment."""
    if os.environ.get("SSL_CERT_FILE"):
        return {"cafile": os.environ["SSL_CERT_FILE"]}
    if os.environ.get("SSL_CERT_DIR"):
        return {"capath": os.environ["SSL_CERT_DIR"]}
    import certifi  # an httpx dependency

    return {"cafile": certifi.where()}


def client_context() -> ssl.SSLContext:
    """A context that verifies servers as httpx's default does, its bundle read on first use."""
    context = CertificatesOnFirstUse(ssl.PROTOCOL_TLS_CLIENT)  # hostnames and chains checked
    if sys.version_info >= (3, 13):  # what ssl.create_default_context adds there
        context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN | ssl.VERIFY_X509_STRICT
    return context
