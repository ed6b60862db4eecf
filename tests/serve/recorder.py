"""A tiny real HTTP server on 127.0.0.1 that records every request it gets.

It stands for an internal service an attacker would like a SERVICE or LOAD to reach.
It answers like a SPARQL endpoint (one row, ``?x`` = "from the recorder") to POSTs,
with one N-Triples triple to GETs, and with a 302 to ``/internal`` for paths under
``/redirect``.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

ROW = "from the recorder"


class Recorder:
    """Start with ``with Recorder() as recorder:``; ``recorder.hits`` lists the paths."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        hits = self.hits

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                hits.append(self.path)
                if self.path.startswith("/redirect"):
                    self.send_response(302)
                    self.send_header("Location", "/internal")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if self.command == "POST":
                    rows = {
                        "head": {"vars": ["x"]},
                        "results": {"bindings": [{"x": {"type": "literal", "value": ROW}}]},
                    }
                    body, kind = json.dumps(rows).encode(), "application/sparql-results+json"
                else:
                    body, kind = f'<urn:s> <urn:p> "{ROW}" .\n'.encode(), "application/n-triples"
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = int(self.server.server_address[1])
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        """The recorder's URL for ``path``."""
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> Recorder:
        self.thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.server.shutdown()
        self.server.server_close()
