#!/usr/bin/env bash
# Build the Linux bundle of Knooppunt:
#   <out>/knooppunt/                                  the program folder (run ./knooppunt)
#   <out>/knooppunt-<version>-linux-<arch>.tar.gz     that folder, to hand out
# The folder holds install.sh (per-user install into ~/.local), knooppunt.desktop and icons.
#
# Usage: packaging/build-linux.sh [--out DIR] [--work DIR] [--python PYTHON]
#   --out     where the folder and the archive go            (default: dist/)
#   --work    build venv and PyInstaller's work folder       (default: build/; the venv is reused)
#   --python  the Python that creates the build venv (3.11+, built with a shared libpython)
# Exit codes: 0 built; 1 the build failed; 3 this machine cannot build (no suitable Python, or
# PyInstaller and the dependencies could not be installed): tests skip on 3, fail on 1.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$ROOT/dist
WORK=$ROOT/build
PYTHON=${PYTHON:-python3}
PYINSTALLER_REQ="pyinstaller>=6.10,<7"

while [ $# -gt 0 ]; do
    case $1 in
        --out) OUT=$2; shift 2 ;;
        --work) WORK=$2; shift 2 ;;
        --python) PYTHON=$2; shift 2 ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) echo "build-linux.sh: onbekende optie $1" >&2; exit 2 ;;
    esac
done
mkdir -p "$OUT" "$WORK"
OUT=$(cd "$OUT" && pwd)
WORK=$(cd "$WORK" && pwd)

cannot_build() { echo "build-linux.sh: kan hier niet bouwen: $*" >&2; exit 3; }
step() { echo "==> $*" >&2; }

"$PYTHON" - <<'PY' || cannot_build "$PYTHON is geen Python 3.11+ met gedeelde libpython (PyInstaller heeft die nodig)"
import sys, sysconfig
sys.exit(0 if sys.version_info >= (3, 11) and sysconfig.get_config_var("Py_ENABLE_SHARED") else 1)
PY

VENV=$WORK/venv-linux
if [ ! -x "$VENV/bin/python" ]; then
    step "build-venv maken in $VENV"
    "$PYTHON" -m venv "$VENV" || cannot_build "venv maken mislukt"
fi
step "PyInstaller en het project (met afhankelijkheden) installeren"
"$VENV/bin/python" -m pip install --quiet "$PYINSTALLER_REQ" || cannot_build "PyInstaller installeren mislukt"
"$VENV/bin/python" -m pip install --quiet -c "$ROOT/constraints.txt" "$ROOT" || cannot_build "het project installeren mislukt"
# pip builds the project's wheel in the source tree; leave no stale copy of the code behind.
rm -rf "$ROOT/build/lib" "$ROOT/build/bdist."*

VERSION=$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("knooppunt"))')
ARCH=$(uname -m)
# --clean empties PyInstaller's cache: a cache of this build's own, so two builds on one machine
# (two checkouts, a developer's and CI's) cannot delete each other's files mid-build.
export PYINSTALLER_CONFIG_DIR="${PYINSTALLER_CONFIG_DIR:-$WORK/pyinstaller-config}"
step "Knooppunt $VERSION bouwen met $("$VENV/bin/pyinstaller" --version)"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$OUT" --workpath "$WORK/pyinstaller" "$ROOT/packaging/knooppunt.spec"

APP=$OUT/knooppunt
step "bureaubladbestand, iconen en install.sh toevoegen"
install -m 644 "$ROOT/packaging/linux/knooppunt.desktop" "$APP/knooppunt.desktop"
install -m 755 "$ROOT/packaging/linux/install.sh" "$APP/install.sh"
install -m 644 "$ROOT/packaging/linux/LEESMIJ.txt" "$APP/LEESMIJ.txt"
for size in 16 32 48 64 128 256; do
    install -D -m 644 "$ROOT/resources/icons/hicolor/${size}x${size}/knooppunt.png" \
        "$APP/icons/hicolor/${size}x${size}/apps/knooppunt.png"
done
install -D -m 644 "$ROOT/resources/icons/knooppunt.svg" "$APP/icons/hicolor/scalable/apps/knooppunt.svg"

ARCHIVE=$OUT/knooppunt-$VERSION-linux-$ARCH.tar.gz
step "archief maken: $ARCHIVE"
tar --sort=name --owner=0 --group=0 --numeric-owner -C "$OUT" -czf "$ARCHIVE" knooppunt
echo "$ARCHIVE"
