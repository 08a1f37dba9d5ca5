"""The local origin of the live tests, run as its own process:

    python backend.py --header X-Ihsan-Score [--delay SECONDS]

Listens on 127.0.0.1 on a port the kernel picks and prints it as its first line. Every request
gets 200, the header, and a body naming the request and its count; requests are counted per
method and path. GET /__conformance/hits?method=M&path=P returns a count, GET
/__conformance/peak?method=M&path=P the most requests for it that were in flight at once (a
request is in flight from its arrival until its answer is written, --delay included); POST
/__conformance/die answers, then exits. The answer a test asks for in the query string:
`cache-control=V` adds `Cache-Control: V`, `set-cookie=V` adds `Set-Cookie: V`, `status=N` answers N
instead of 200."""
import argparse
import collections
import os
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

COUNTS = collections.Counter()
IN_FLIGHT = collections.Counter()
PEAK = collections.Counter()
LOCK = threading.Lock()


def handler(header: str, delay: float):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def reply(self, body: bytes, extra=(), status: int = 200):
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            for name, value in extra:
                self.send_header(name, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def handle_any(self):
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            url = urllib.parse.urlsplit(self.path)
            if url.path in ("/__conformance/hits", "/__conformance/peak"):
                query = urllib.parse.parse_qs(url.query)
                with LOCK:
                    table = COUNTS if url.path.endswith("/hits") else PEAK
                    count = table[(query["method"][0], query["path"][0])]
                return self.reply(str(count).encode())
            if url.path == "/__conformance/die":
                self.reply(b"bye\n")
                self.wfile.flush()
                threading.Thread(target=lambda: (time.sleep(0.1), os._exit(0)), daemon=True).start()
                return
            key = (self.command, self.path)
            with LOCK:
                COUNTS[key] += 1
                count = COUNTS[key]
                IN_FLIGHT[key] += 1
                PEAK[key] = max(PEAK[key], IN_FLIGHT[key])
            try:
                if delay:
                    time.sleep(delay)
                extra = [(header, "97")]
                query = urllib.parse.parse_qs(url.query)
                # The answer a test asks for: ?cache-control=private, ?set-cookie=session, ?status=503
                for parameter, name in (("cache-control", "Cache-Control"), ("set-cookie", "Set-Cookie")):
                    if parameter in query:
                        extra.append((name, query[parameter][0]))
                status = int(query.get("status", ["200"])[0])
                self.reply(f"{self.command} {self.path} #{count}\n".encode(), extra, status)
                self.wfile.flush()
            finally:
                with LOCK:
                    IN_FLIGHT[key] -= 1

        do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_PURGE = handle_any

    return Handler


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64   # the tests' bursts of requests at once are not refused by the backlog


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--header", required=True)
    parser.add_argument("--delay", type=float, default=0)
    args = parser.parse_args()
    server = Server(("127.0.0.1", 0), handler(args.header, args.delay))
    parent = os.getppid()

    def orphan_watch():   # insurance only: the suite stops this process by its PID
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)
    threading.Thread(target=orphan_watch, daemon=True).start()
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
