import http.server, sys
class Handler(http.server.BaseHTTPRequestHandler):
    def _ok(self):
        body = b'{"ok":true}'
        self.send_response(200)
        self.send_header("X-Ihsan-Score", "97")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_GET(self): self._ok()
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self._ok()
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
