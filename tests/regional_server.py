"""A real Datasette process over HTTPS on 127.0.0.1 with a test CA (trustme), for the regional tests.

``DatasetteServer.start(db_file, workdir)`` returns once the server answers; ``stop()`` always ends
it. ``silent_socket()`` is a server that accepts connections and never answers (the slow server).
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import trustme

STARTUP_SECONDS = 60
PACKAGING = Path(__file__).resolve().parents[1] / "packaging" / "directory-server"
# The settings of packaging/directory-server (serve.sh and the systemd unit): tests serve the same way.
SERVER_SETTINGS = (("default_allow_sql", "off"), ("force_https_urls", "on"), ("allow_download", "off"),
                   ("suggest_facets", "off"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class DatasetteServer:
    process: subprocess.Popen[bytes]
    url: str
    cafile: str

    @classmethod
    def start(cls, db_file: Path, workdir: Path) -> DatasetteServer:
        workdir.mkdir(parents=True, exist_ok=True)
        ca = trustme.CA()
        cert = ca.issue_cert("127.0.0.1", "localhost")
        key_file, cert_file, ca_file = workdir / "server.key", workdir / "server.pem", workdir / "ca.pem"
        cert.private_key_pem.write_to_path(str(key_file))
        cert.cert_chain_pems[0].write_to_path(str(cert_file))
        ca.cert_pem.write_to_path(str(ca_file))
        port = free_port()
        log = open(workdir / "datasette.log", "wb")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(
            [sys.executable, "-m", "datasette", "serve", "--immutable", str(db_file), "--host", "127.0.0.1",
             "--port", str(port), "--metadata", str(PACKAGING / "metadata.json"),
             *[part for name, value in SERVER_SETTINGS for part in ("--setting", name, value)],
             "--ssl-keyfile", str(key_file), "--ssl-certfile", str(cert_file)], stdout=log, stderr=subprocess.STDOUT)
        log.close()
        server = cls(process, f"https://127.0.0.1:{port}", str(ca_file))
        try:
            server._wait_until_ready(workdir / "datasette.log")
        except BaseException:
            server.stop()
            raise
        return server

    def _wait_until_ready(self, log: Path) -> None:
        context = ssl.create_default_context(cafile=self.cafile)
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"datasette stopped: {log.read_text(errors='replace')}")
            try:
                with urllib.request.urlopen(f"{self.url}/-/versions.json", timeout=2, context=context):
                    return
            except OSError:
                time.sleep(0.1)  # polling a subprocess, not a UI wait
        raise RuntimeError(f"datasette did not start within {STARTUP_SECONDS} s: {log.read_text(errors='replace')}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


@contextlib.contextmanager
def silent_socket() -> Iterator[str]:
    """An https address whose server accepts the connection and then says nothing at all."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    try:
        yield f"https://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        listener.close()
