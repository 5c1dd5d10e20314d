"""Loopback HTTP servers for feed tests: a small scriptable one, and ../shared's feedserver.py."""

from __future__ import annotations

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
def scripted_server() -> Iterator[tuple[str, Script]]:
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
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", script
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
