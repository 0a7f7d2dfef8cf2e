#!/usr/bin/env python3
"""A minimal CGI runner for `git http-backend`, for tests and benchmarks.

Usage: git-http-backend-server.py ROOT [PORT]
Serves every repository under ROOT over git's smart HTTP on 127.0.0.1
(PORT 0 or absent: a free port). Prints "listening on PORT" once bound.
Every request runs one `git http-backend` (as a web server's CGI would),
with the request headers passed as HTTP_* variables (so Git-Protocol and
Content-Encoding reach git). Basic credentials, if sent, become
REMOTE_USER (not checked: test use only). Chunked request bodies are
decoded. Responses are streamed and delimited by closing the connection.
"""
import http.server
import os
import socketserver
import subprocess
import sys
import threading


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):
        pass

    def read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            parts = []
            while True:
                line = self.rfile.readline()
                size = int(line.split(b";")[0].strip(), 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    break
                parts.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(parts)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def run_backend(self):
        path, _, query = self.path.partition("?")
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "GIT_PROJECT_ROOT": self.server.root,
            "GIT_HTTP_EXPORT_ALL": "1",
            "GIT_CONFIG_NOSYSTEM": "1",
            "HOME": self.server.root,
            "REQUEST_METHOD": self.command,
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "REMOTE_ADDR": self.client_address[0],
            "SERVER_PROTOCOL": "HTTP/1.1",
            "GATEWAY_INTERFACE": "CGI/1.1",
        }
        for name, value in self.headers.items():
            key = name.upper().replace("-", "_")
            if key == "CONTENT_TYPE":
                env["CONTENT_TYPE"] = value
            elif key not in ("CONTENT_LENGTH", "TRANSFER_ENCODING"):
                env["HTTP_" + key] = value
        if "HTTP_GIT_PROTOCOL" in env:
            env["GIT_PROTOCOL"] = env["HTTP_GIT_PROTOCOL"]
        if "HTTP_AUTHORIZATION" in env:
            env["REMOTE_USER"] = "tester"
        body = self.read_body() if self.command == "POST" else b""
        if self.command == "POST":
            env["CONTENT_LENGTH"] = str(len(body))
        process = subprocess.Popen(["git", "http-backend"], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, env=env)
        feeder = threading.Thread(target=self.feed, args=(process, body))
        feeder.start()
        status = "200 OK"
        headers = []
        while True:
            line = process.stdout.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").rstrip("\r\n").partition(":")
            if name.lower() == "status":
                status = value.strip()
            else:
                headers.append((name, value.strip()))
        code, _, reason = status.partition(" ")
        self.send_response(int(code), reason)
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        while True:
            chunk = process.stdout.read1(65536)
            if not chunk:
                break
            self.wfile.write(chunk)
        process.wait()
        feeder.join()

    @staticmethod
    def feed(process, body):
        try:
            process.stdin.write(body)
        except BrokenPipeError:
            pass
        finally:
            try:
                process.stdin.close()
            except BrokenPipeError:
                pass

    do_GET = run_backend
    do_POST = run_backend


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    root = os.path.abspath(sys.argv[1])
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    server = Server(("127.0.0.1", port), Handler)
    server.root = root
    print("listening on %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
