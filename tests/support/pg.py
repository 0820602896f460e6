"""A real PostgreSQL server for the tests: TLS only, on 127.0.0.1, in a temporary directory.

``PgServer.start()`` runs ``initdb`` and ``pg_ctl start`` with the settings of ``packaging/server/``
(postgresql.conf, pg_hba.conf: hostssl with scram-sha-256 only) and a server certificate from a
test CA (trustme). Every connection is ``sslmode=verify-full`` against that CA. Root cannot run
PostgreSQL, so as root the server runs as the OS user ``postgres`` (Debian's package makes it).

Which server binaries: ``KNOOPPUNT_PG_BINDIR``, else the newest ``/usr/lib/postgresql/<n>/bin``
(Debian, Ubuntu), else ``pg_ctl`` on the PATH. Why Debian's server: docs/decisions.md.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import trustme

PACKAGING = Path(__file__).resolve().parents[2] / "packaging" / "server"
SUPERUSER = "postgres"
OS_USER = "postgres"  # the account the server runs as when the tests run as root
MIN_VERSION = 15
START_SECONDS = 60
# Only for the throw-away test server: no durability needed, and less disk traffic on a shared machine.
TEST_ONLY_SETTINGS = ("fsync = off", "synchronous_commit = off", "full_page_writes = off",
                      "max_connections = 60", "shared_buffers = 32MB")


def find_bindir() -> Path | None:
    """The directory with ``initdb`` and ``pg_ctl`` of PostgreSQL 15 or newer, or None."""
    configured = os.environ.get("KNOOPPUNT_PG_BINDIR")
    if configured:
        return Path(configured) if (Path(configured) / "pg_ctl").exists() else None
    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                    key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    for candidate in reversed(debian):
        version = Path(candidate).parts[-3]
        if version.isdigit() and int(version) >= MIN_VERSION:
            return Path(candidate).parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path and (Path(on_path).parent / "initdb").exists() else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    bindir: Path
    workdir: Path
    port: int = field(default_factory=free_port)
    password: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    host: str = "127.0.0.1"

    @property
    def datadir(self) -> Path:
        return self.workdir / "data"

    @property
    def ca_file(self) -> Path:
        return self.workdir / "ca.pem"

    @property
    def log_file(self) -> Path:
        return self.workdir / "server.log"

    def dsn(self, dbname: str = "postgres", user: str = SUPERUSER, password: str | None = None,
            sslmode: str = "verify-full") -> str:
        """A libpq connection string; the superuser's password unless another is given."""
        secret = self.password if password is None and user == SUPERUSER else (password or "")
        return (f"host={self.host} port={self.port} dbname={dbname} user={user} password='{secret}' "
                f"sslmode={sslmode} sslrootcert={self.ca_file} connect_timeout=10")

    @classmethod
    def start(cls, bindir: Path) -> PgServer:
        # Not under pytest's tmp dirs: those are private to root, and the server runs as postgres.
        server = cls(bindir, Path(tempfile.mkdtemp(prefix="knooppunt-pg-")))
        server._own(server.workdir)
        try:
            server._init()
            server._start()
        except BaseException:
            server.stop()
            raise
        return server

    def _start(self) -> None:
        # The free port may be taken between choosing and binding it: then another one (later
        # lines of postgresql.conf win).
        for _attempt in range(3):
            try:
                self._ctl("start", "-w", "-t", str(START_SECONDS), "-l", str(self.log_file))
                return
            except RuntimeError:
                if "could not bind" not in self.log_tail():
                    raise
            self.port = free_port()
            with (self.datadir / "postgresql.conf").open("a") as conf:
                conf.write(f"port = {self.port}\n")
        raise RuntimeError(f"No free port for the test server:\n{self.log_tail()}")

    def stop(self) -> None:
        """Stop the server (fast shutdown) and remove its directory; safe to call twice."""
        if (self.datadir / "postmaster.pid").exists():
            self._ctl("stop", "-m", "fast", "-w", check=False)
        shutil.rmtree(self.workdir, ignore_errors=True)

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    # ---- setting up -------------------------------------------------------------------------------

    def _init(self) -> None:
        pwfile = self.workdir / "pw"
        pwfile.write_text(self.password)
        self._own(pwfile)
        self._run([str(self.bindir / "initdb"), "-D", str(self.datadir), "-U", SUPERUSER, "--pwfile", str(pwfile),
                   "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"])
        pwfile.unlink()
        ca = trustme.CA()
        cert = ca.issue_cert(self.host, "localhost")
        ca.cert_pem.write_to_path(str(self.ca_file))
        cert.cert_chain_pems[0].write_to_path(str(self.datadir / "server.crt"))
        cert.private_key_pem.write_to_path(str(self.datadir / "server.key"))
        (self.datadir / "server.key").chmod(0o600)
        shutil.copy(PACKAGING / "pg_hba.conf", self.datadir / "pg_hba.conf")
        settings = (PACKAGING / "postgresql.conf").read_text()
        overrides = "\n".join((f"port = {self.port}", f"listen_addresses = '{self.host}'",
                               f"unix_socket_directories = '{self.datadir}'", *TEST_ONLY_SETTINGS))
        with (self.datadir / "postgresql.conf").open("a") as conf:
            conf.write(f"\n# packaging/server/postgresql.conf\n{settings}\n# test server only\n{overrides}\n")
        self._own(self.datadir / "server.crt", self.datadir / "server.key", self.datadir / "pg_hba.conf",
                  self.datadir / "postgresql.conf")

    def _ctl(self, *args: str, check: bool = True) -> None:
        self._run([str(self.bindir / "pg_ctl"), "-D", str(self.datadir), *args], check=check)

    def _run(self, argv: list[str], *, check: bool = True) -> None:
        user = OS_USER if os.geteuid() == 0 else None
        done = subprocess.run(argv, user=user, cwd=self.workdir, capture_output=True, text=True, check=False)
        if check and done.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} failed:\n{done.stdout}\n{done.stderr}\n{self.log_tail()}")

    @staticmethod
    def _own(*paths: Path) -> None:
        if os.geteuid() != 0:
            return
        account = pwd.getpwnam(OS_USER)
        for path in paths:
            os.chown(path, account.pw_uid, account.pw_gid)
