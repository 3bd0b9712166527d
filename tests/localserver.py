"""A tiny scripted HTTP server on 127.0.0.1 for behaviour the static fixture farm cannot show
(429 with Retry-After, HEAD refused, WAF pages, slow answers). Each test gives it a route table."""

from __future__ import annotations

import ipaddress
import ssl
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from fixtures.farm import FarmServer

# path -> handler(request_number_for_this_path, method) -> (status, headers, body)
Route = Callable[[int, str], tuple[int, dict[str, str], bytes]]


def self_signed_context(tmp: Path) -> ssl.SSLContext:
    """A server TLS context with a certificate for 127.0.0.1 that no one signed, and already expired."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "www.example.gov.cn")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=800)).not_valid_after(now - timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .sign(key, hashes.SHA256()))
    (tmp / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                    serialization.NoEncryption()))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp / "cert.pem", tmp / "key.pem")
    return context


class ScriptedServer:
    def __init__(self, routes: dict[str, Route], tls: ssl.SSLContext | None = None):
        self.routes = routes
        self.log: list[tuple[float, str, str]] = []  # (monotonic time, method, path)
        self.headers: list[tuple[str, dict[str, str]]] = []  # (path, request headers) of every request
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def _answer(self) -> None:
                server.log.append((time.monotonic(), self.command, self.path))
                server.headers.append((self.path, dict(self.headers.items())))
                route = server.routes.get(self.path)
                if route is None:
                    status, headers, body = 404, {"Content-Type": "text/html"}, b"<html>not found</html>"
                else:
                    count = sum(1 for _, m, p in server.log if p == self.path)
                    status, headers, body = route(count, self.command)
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            do_GET = do_HEAD = _answer

        self.httpd = FarmServer(("127.0.0.1", 0), Handler)  # backlog 128, as the fixture farm
        if tls is not None:
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True)
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> ScriptedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)

    def hits(self, path: str) -> list[tuple[float, str]]:
        return [(t, m) for t, m, p in self.log if p == path]


def html(text: str, status: int = 200, **headers: str) -> Route:
    body = f"<html><head><meta charset='utf-8'></head><body>{text}</body></html>".encode()
    return lambda n, method: (status, {"Content-Type": "text/html; charset=utf-8", **headers}, body)
