from http.server import BaseHTTPRequestHandler, HTTPServer


class Hello(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"hello from pin-demo\n")


if __name__ == "__main__":
    HTTPServer(("", 8080), Hello).serve_forever()
