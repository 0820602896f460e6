#!/usr/bin/env bash
# Build Knooppunt.app and a .dmg on macOS (see packaging/README.md; not tried: we have no Mac).
#   packaging/macos/make-dmg.sh            → dist/Knooppunt.app, dist/knooppunt-<version>-macos-<arch>.dmg
# Signing: set CODESIGN_IDENTITY="Developer ID Application: ..." to sign with a Developer ID (and
# then notarize, see the README); without it the app keeps PyInstaller's ad-hoc signature.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
WORK=$ROOT/build
VENV=$WORK/venv-macos
PYTHON=${PYTHON:-python3}

[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet "pyinstaller>=6.10,<7"
"$VENV/bin/python" -m pip install --quiet "$ROOT"
VERSION=$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("knooppunt"))')

# The spec reads CODESIGN_IDENTITY itself (PyInstaller refuses --codesign-identity with a spec).
"$VENV/bin/pyinstaller" --noconfirm --clean --distpath "$ROOT/dist" --workpath "$WORK/pyinstaller" \
    "$ROOT/packaging/knooppunt.spec"

APP=$ROOT/dist/Knooppunt.app
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/knooppunt" --smoke-test

STAGE=$WORK/dmg
rm -rf "$STAGE"
mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
DMG=$ROOT/dist/knooppunt-$VERSION-macos-$(uname -m).dmg
rm -f "$DMG"
hdiutil create -volname "Knooppunt $VERSION" -srcfolder "$STAGE" -ov -format UDZO "$DMG"
if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --sign "$CODESIGN_IDENTITY" --timestamp "$DMG"
fi
echo "$DMG"
