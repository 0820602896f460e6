"""The frozen Linux program, as a user gets it: packaging/build-linux.sh builds the archive, which
is unpacked in a temporary folder and started there with no Python on PATH.

When it runs (the build takes about half a minute to a minute): always in CI (``CI`` set) or with
``KNOOPPUNT_BUILD_BUNDLE=1``; on a developer's machine only when packaging/, pyproject.toml or
knooppunt/paths.py differ from the merge base with main. ``KNOOPPUNT_BUILD_BUNDLE=0`` skips it.
When PyInstaller or the dependencies cannot be installed here, it skips and says why.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest

# Building the bundle takes minutes, longer than the default per-test timeout.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]

ROOT = Path(__file__).resolve().parents[2]
WATCHED = ("packaging/", "pyproject.toml", "knooppunt/paths.py")
ICON_SIZES = (16, 32, 48, 64, 128, 256)
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def _packaging_changed() -> bool:
    """Whether this branch (committed or not) touches what the bundle is built from."""
    try:
        base = _git("merge-base", "HEAD", "main").strip()
        changed = _git("diff", "--name-only", base).split() + _git("ls-files", "--others", "--exclude-standard").split()
    except (OSError, subprocess.CalledProcessError):
        return True  # no git or no main to compare with: better build once too often
    return any(path == watched or path.startswith(watched) for path in changed for watched in WATCHED)


def _why_not_build() -> str | None:
    flag = os.environ.get("KNOOPPUNT_BUILD_BUNDLE")
    if flag == "0":
        return "KNOOPPUNT_BUILD_BUNDLE=0"
    if flag == "1" or os.environ.get("CI") or _packaging_changed():
        return None
    return "packaging/ and dependencies unchanged since main (KNOOPPUNT_BUILD_BUNDLE=1 builds anyway)"


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    reason = _why_not_build()
    if reason:
        pytest.skip(reason)
    out = tmp_path_factory.mktemp("dist")
    # The build venv lives in build/ (git-ignored) and is reused by later runs.
    result = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build-linux.sh"), "--out", str(out), "--python", sys.executable],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if result.returncode == 3:
        pytest.skip("cannot build the bundle on this machine: " + result.stderr.strip().splitlines()[-1])
    assert result.returncode == 0, f"build-linux.sh failed:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
    return out / f"knooppunt-{VERSION}-linux-{os.uname().machine}.tar.gz"


@pytest.fixture(scope="module")
def unpacked(archive, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(archive) as tar:
        tar.extractall(target, **({"filter": "tar"} if hasattr(tarfile, "tar_filter") else {}))
    return target / "knooppunt"


@pytest.fixture
def bare_env(tmp_path) -> dict[str, str]:
    """A user's session with no Python anywhere on PATH and an empty home folder."""
    (tmp_path / "bin").mkdir()
    env = {
        "PATH": str(tmp_path / "bin"),
        "HOME": str(tmp_path / "home"),
        "TMPDIR": str(tmp_path),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    assert shutil.which("python3", path=env["PATH"]) is None and shutil.which("python", path=env["PATH"]) is None
    return env


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime_ns) for p in folder.rglob("*")}


def _run(program: Path, *args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(program), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=120)


def test_archive_holds_one_program_folder(archive):
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert {name.split("/")[0] for name in names} == {"knooppunt"}
    for expected in ("knooppunt/knooppunt", "knooppunt/install.sh", "knooppunt/knooppunt.desktop"):
        assert expected in names


def test_smoke_test_runs_unpacked_without_python_and_writes_nothing_beside_itself(unpacked, bare_env, tmp_path):
    before = _snapshot(unpacked)
    shot = tmp_path / "hoofdvenster.png"
    result = _run(unpacked / "knooppunt", "--smoke-test", env=bare_env | {"KNOOPPUNT_SMOKE_SCREENSHOT": str(shot)}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Knooppunt smoke test: OK"
    assert result.stderr == ""
    assert _snapshot(unpacked) == before
    # The frozen program drew its main window (fonts, style sheet and icons found in the bundle).
    width, height = struct.unpack(">II", shot.read_bytes()[16:24])
    assert width >= 800 and height >= 500


@pytest.mark.parametrize("lang", [None, "POSIX", "nl_NL.UTF-8"], ids=["no-LANG", "POSIX", "nl_NL"])
def test_smoke_test_is_quiet_in_a_c_or_missing_locale(unpacked, bare_env, tmp_path, lang):
    """Like ``python`` (PEP 538), the frozen program switches a C locale to C.UTF-8 so Qt does not
    complain on stderr; nl_NL.UTF-8 need not be installed on the machine for this."""
    env = {key: value for key, value in bare_env.items() if key != "LANG"} | ({"LANG": lang} if lang else {})
    result = _run(unpacked / "knooppunt", "--smoke-test", env=env, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")


def test_frozen_program_reports_the_version_of_pyproject(unpacked, bare_env, tmp_path):
    result = _run(unpacked / "knooppunt", "--version", env=bare_env, cwd=tmp_path)
    assert (result.returncode, result.stdout.strip(), result.stderr) == (0, f"Knooppunt {VERSION}", "")


def test_bundle_holds_no_tests_git_caches_or_databases(archive):
    forbidden_dirs = {"tests", "test", ".git", "__pycache__", ".pytest_cache", ".hypothesis", ".venv"}
    forbidden_ends = (".db", ".db-wal", ".db-shm", ".sqlite", ".sqlite3", ".pyc", ".pyo", "conftest.py")
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert not [n for n in names if forbidden_dirs & set(n.split("/")) or n.endswith(forbidden_ends)]
    assert not [n for n in names if n.rsplit("/", 1)[-1].startswith("test_") and n.endswith(".py")]


def test_frozen_modules_hold_no_tests_or_test_tools(unpacked):
    viewer = ROOT / "build" / "venv-linux" / "bin" / "pyi-archive_viewer"
    listing = subprocess.run([str(viewer), "-r", "-b", str(unpacked / "knooppunt")], capture_output=True, text=True, check=True).stdout
    modules = {line.strip() for line in listing.splitlines()}
    assert {"knooppunt", "knooppunt.paths", "ui.app", "sqlcipher3"} <= modules
    top_level = {module.split(".")[0] for module in modules}
    assert not top_level & {"tests", "pytest", "_pytest", "pytestqt", "hypothesis", "pypdf", "importlinter"}


def test_every_qt_module_the_program_imports_is_bundled(unpacked):
    imported = {
        module
        for package in ("knooppunt", "ui")
        for path in (ROOT / package).rglob("*.py")
        for module in re.findall(r"\bPySide6\.(Qt\w+)", path.read_text(encoding="utf-8"))
    }
    assert "QtWidgets" in imported
    bundled = {path.name.split(".")[0] for path in (unpacked / "_internal" / "PySide6").glob("Qt*.*")}
    assert imported <= bundled, f"left out of the bundle: {sorted(imported - bundled)} (see UNUSED_QT in the spec)"


def test_desktop_entry_and_icons(unpacked):
    entry = (unpacked / "knooppunt.desktop").read_text(encoding="utf-8")
    assert "Name=Knooppunt" in entry.splitlines()
    assert "Comment[nl]=Knooppuntoverleggen voorzitten, vastleggen en afdrukken" in entry.splitlines()
    assert "Icon=knooppunt" in entry.splitlines()
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(unpacked / "knooppunt.desktop")], capture_output=True, text=True)
        assert result.returncode == 0 and "error:" not in result.stdout, result.stdout
    for size in ICON_SIZES:
        png = (unpacked / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "knooppunt.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (size, size)


def test_install_sh_installs_for_one_user_and_uninstalls(unpacked, bare_env, tmp_path):
    home = Path(bare_env["HOME"])
    tools = Path(bare_env["PATH"])  # the shell tools install.sh uses, and still no Python
    for tool in ("sh", "cp", "mv", "rm", "ln", "mkdir", "chmod", "sed", "dirname"):
        (tools / tool).symlink_to(shutil.which(tool))
    env = dict(bare_env)
    result = subprocess.run(["sh", str(unpacked / "install.sh")], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    app_dir = home / ".local" / "lib" / "knooppunt"
    command = home / ".local" / "bin" / "knooppunt"
    desktop = home / ".local" / "share" / "applications" / "knooppunt.desktop"
    assert command.resolve() == (app_dir / "knooppunt").resolve()
    assert f'Exec="{app_dir}/knooppunt"' in desktop.read_text(encoding="utf-8").splitlines()
    for size in ICON_SIZES:
        assert (home / ".local" / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "knooppunt.png").is_file()
    assert _run(command, "--smoke-test", env=bare_env, cwd=tmp_path).returncode == 0

    result = subprocess.run(["sh", str(app_dir / "install.sh"), "--uninstall"], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert not command.exists() and not command.is_symlink() and not desktop.exists() and not app_dir.exists()
    assert (unpacked / "knooppunt").is_file()  # removing the installed copy left the unpacked one alone
