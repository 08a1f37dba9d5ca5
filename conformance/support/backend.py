"""The local origin of the live tests, run as its own process:

    python backend.py --header X-Ihsan-Score [--delay SECONDS]

Listens on 127.0.0.1 on a port the kernel picks and prints it as its first line. Every request
gets 200, the header, and a body naming the request and its count; requests are counted per
method and path. GET /__conformance/hits?method=M&path=P returns a count; POST
/__conformance/die answers, then exits."""
import argparse
import collections
import os
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

COUNTS = collections.Counter()
LOCK = threading.Lock()


def handler(header: str, delay: float):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def reply(self, body: bytes, extra=()):
            self.send_response(200)
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
            if url.path == "/__conformance/hits":
                query = urllib.parse.parse_qs(url.query)
                with LOCK:
                    count = COUNTS[(query["method"][0], query["path"][0])]
                return self.reply(str(count).encode())
            if url.path == "/__conformance/die":
                self.reply(b"bye\n")
                self.wfile.flush()
                threading.Thread(target=lambda: (time.sleep(0.1), os._exit(0)), daemon=True).start()
                return
            with LOCK:
                COUNTS[(self.command, self.path)] += 1
                count = COUNTS[(self.command, self.path)]
            if delay:
                time.sleep(delay)
            extra = [(header, "97")]
            cache_control = urllib.parse.parse_qs(url.query).get("cache-control")
            if cache_control:   # the response a test asks for: ?cache-control=private
                extra.append(("Cache-Control", cache_control[0]))
            self.reply(f"{self.command} {self.path} #{count}\n".encode(), extra)

        do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_PURGE = handle_any

    return Handler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--header", required=True)
    parser.add_argument("--delay", type=float, default=0)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler(args.header, args.delay))
    server.daemon_threads = True
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
