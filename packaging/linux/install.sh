#!/bin/sh
# Installeer Knooppunt voor deze gebruiker (geen beheerdersrechten nodig), of verwijder het met
# --uninstall. Zet het programma in ~/.local/lib/knooppunt, de opdracht in ~/.local/bin, het
# menu-item in ~/.local/share/applications en de iconen in ~/.local/share/icons/hicolor.
# KNOOPPUNT_PREFIX (standaard ~/.local) en XDG_DATA_HOME veranderen die plaatsen.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${KNOOPPUNT_PREFIX:-$HOME/.local}
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
APP_DIR=$PREFIX/lib/knooppunt
BIN=$PREFIX/bin/knooppunt
DESKTOP=$DATA_HOME/applications/knooppunt.desktop
ICONS=$DATA_HOME/icons/hicolor
SIZES="16 32 48 64 128 256"

refresh_menus() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DATA_HOME/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$ICONS" || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$BIN" "$DESKTOP" "$ICONS/scalable/apps/knooppunt.svg"
    for size in $SIZES; do rm -f "$ICONS/${size}x${size}/apps/knooppunt.png"; done
    case $HERE in "$APP_DIR") cd / ;; esac
    rm -rf "$APP_DIR"
    refresh_menus
    echo "Knooppunt is verwijderd. Uw gegevens zijn bewaard (zie LEESMIJ.txt)."
    exit 0
fi
if [ -n "${1:-}" ]; then
    echo "Gebruik: $0 [--uninstall]" >&2
    exit 2
fi
if [ ! -x "$HERE/knooppunt" ] || [ ! -d "$HERE/_internal" ]; then
    echo "install.sh: de programmamap naast dit script is onvolledig ($HERE)" >&2
    exit 1
fi

if [ "$HERE" != "$APP_DIR" ]; then
    # Copy beside the old version first, then swap, so a failed copy leaves the old one working.
    mkdir -p "$PREFIX/lib"
    rm -rf "$APP_DIR.nieuw"
    cp -R "$HERE" "$APP_DIR.nieuw"
    rm -rf "$APP_DIR"
    mv "$APP_DIR.nieuw" "$APP_DIR"
fi
mkdir -p "$(dirname "$BIN")" "$(dirname "$DESKTOP")"
ln -sf "$APP_DIR/knooppunt" "$BIN"
# Exec with the full path: the menu item works even when ~/.local/bin is not on PATH.
sed "s|^Exec=.*|Exec=\"$APP_DIR/knooppunt\"|" "$APP_DIR/knooppunt.desktop" > "$DESKTOP"
chmod 644 "$DESKTOP"
for size in $SIZES; do
    mkdir -p "$ICONS/${size}x${size}/apps"
    cp "$APP_DIR/icons/hicolor/${size}x${size}/apps/knooppunt.png" "$ICONS/${size}x${size}/apps/knooppunt.png"
done
mkdir -p "$ICONS/scalable/apps"
cp "$APP_DIR/icons/hicolor/scalable/apps/knooppunt.svg" "$ICONS/scalable/apps/knooppunt.svg"
refresh_menus
echo "Knooppunt is geïnstalleerd in $APP_DIR."
echo "Start het vanuit het menu of met de opdracht: knooppunt"
case ":$PATH:" in *":$PREFIX/bin:"*) ;; *) echo "(Let op: $PREFIX/bin staat niet in uw PATH; gebruik het menu of $APP_DIR/knooppunt.)" ;; esac
