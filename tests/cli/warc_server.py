"""warc_server.py ROOT PORTFILE -- the HTTP server test_warc.sh points wget at: it serves
the pages under ROOT on 127.0.0.1 (a free port, written to PORTFILE) in the ways a crawl
meets them, so the WARC that wget writes holds each kind of response:

  /plain/NAME    the file as is, with Content-Length
  /gzip/NAME     Content-Encoding: gzip (whatever the request accepts, as servers do)
  /chunked/NAME  Transfer-Encoding: chunked, in uneven chunks
  /koi8/NAME     the file with "Content-Type: text/html; charset=koi8-r"
  /redirect      301 to /plain/ + the first page
  /missing       404
  /image.png     an image

It stops by itself after 120 s (the test kills it sooner)."""
import gzip
import http.server
import os
import sys
import threading

ROOT, PORTFILE = sys.argv[1], sys.argv[2]
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body, headers):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        if ("Transfer-Encoding", "chunked") not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if ("Transfer-Encoding", "chunked") in headers:
            i, size = 0, 7
            while i < len(body):
                part = body[i:i + size]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
                i += size
                size = size * 3 + 1  # uneven sizes: boundaries fall anywhere
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.wfile.write(body)

    def do_GET(self):
        path = self.path
        html = [("Content-Type", "text/html")]
        if path == "/redirect":
            first = sorted(os.listdir(ROOT))[0]
            return self.reply(301, b"moved", html + [("Location", "/plain/" + first)])
        if path == "/missing":
            return self.reply(404, b"<html><body>not found</body></html>", html)
        if path == "/image.png":
            return self.reply(200, PNG, [("Content-Type", "image/png")])
        parts = path.split("/")
        if len(parts) != 3 or parts[2] not in os.listdir(ROOT):
            return self.reply(404, b"no such page", html)
        with open(os.path.join(ROOT, parts[2]), "rb") as f:
            body = f.read()
        if parts[1] == "plain":
            return self.reply(200, body, html)
        if parts[1] == "gzip":
            return self.reply(200, gzip.compress(body), html + [("Content-Encoding", "gzip")])
        if parts[1] == "chunked":
            return self.reply(200, body, html + [("Transfer-Encoding", "chunked")])
        if parts[1] == "koi8":
            return self.reply(200, body, [("Content-Type", "text/html; charset=koi8-r")])
        return self.reply(404, b"no such way", html)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(PORTFILE + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(PORTFILE + ".tmp", PORTFILE)
threading.Timer(120, server.shutdown).start()
server.serve_forever()
