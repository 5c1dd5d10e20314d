"""Loopback HTTP servers for tests: a small scriptable one, ../shared's feedserver.py, and a
translation engine."""

from __future__ import annotations

import json
import ssl
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

Reply = tuple[int, dict[str, str], bytes]


@dataclass
class Script:
    """What each path answers; a callable gets the request headers. Requests are logged."""

    routes: dict[str, Reply | Callable[[dict[str, str]], Reply]] = field(default_factory=dict)
    log: list[tuple[str, int]] = field(default_factory=list)


@contextmanager
def scripted_server(tls: ssl.SSLContext | None = None) -> Iterator[tuple[str, Script]]:
    """A server answering script's routes on loopback: https where a server context is given."""
    script = Script()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            route = script.routes.get(self.path, (404, {}, b"not here"))
            code, headers, body = route(dict(self.headers)) if callable(route) else route
            script.log.append((self.path, code))
            self.send_response(code)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        scheme = "http" if tls is None else "https"
        yield f"{scheme}://127.0.0.1:{server.server_address[1]}", script
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def shared_feedserver(tool: Path, folder: Path) -> Iterator[str]:
    process = subprocess.Popen([sys.executable, str(tool), str(folder), "--port", "0"],
                               stdout=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline() if process.stdout else ""
        yield f"http://127.0.0.1:{int(line.split()[1])}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout:
            process.stdout.close()


@dataclass
class Engine:
    """A translation service on loopback: what it was asked, and how it answers."""

    answer: Callable[[str, dict[str, str], dict], tuple[int, dict]]
    requests: list[tuple[str, dict[str, str], dict]] = field(default_factory=list)
    url: str = ""


@contextmanager
def engine_server(answer: Callable[[str, dict[str, str], dict], tuple[int, dict]]
                  ) -> Iterator[Engine]:
    engine = Engine(answer)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            headers = dict(self.headers)
            engine.requests.append((self.path, headers, body))
            code, reply = engine.answer(self.path, headers, body)
            data = json.dumps(reply).encode()
            try:
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting: that is the point of the slow test

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    engine.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield engine
    finally:
        server.shutdown()
        server.server_close()
