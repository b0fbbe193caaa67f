"""A tiny HTTP/1.1 keep-alive server for the transport benchmark (answers every GET with 'ok').

Each response goes out in one write with TCP_NODELAY, so the benchmark measures the client
and not Nagle's algorithm meeting delayed ACKs (a 40 ms stall per request)."""
import socket
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RESPONSE = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self):
        self.wfile.write(RESPONSE)
        self.wfile.flush()

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
