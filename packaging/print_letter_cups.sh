#!/usr/bin/env bash
# Print a sample afsprakenbrief through the real print path: CUPS with the virtual PDF printer
# (cups-pdf). Installs what is missing (Debian/Ubuntu, as root), starts cupsd when it does not run,
# adds a printer "KnooppuntPDF", prints the demo letter with Qt (QPrinter, as the app does) and
# with `lp`, and waits for the printed files to appear.
#
#   sudo packaging/print_letter_cups.sh            # then: pytest -m cups tests/core/test_documents_cups.py tests/ui/test_documents_cups.py
#
# Environment: PYTHON (default .venv/bin/python), PRINTER (default KnooppuntPDF).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
PRINTER=${PRINTER:-KnooppuntPDF}

if ! command -v cupsd >/dev/null || [ ! -e /usr/lib/cups/backend/cups-pdf ]; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q cups printer-driver-cups-pdf
fi
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
    cupsd  # daemonises; in a container there is no systemd to start it
    for _ in $(seq 50); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.2; done
fi
if ! lpstat -p "$PRINTER" >/dev/null 2>&1; then
    model=$(lpinfo -m | awk '/CUPS-PDF/ {print $1; exit}')
    lpadmin -p "$PRINTER" -E -v cups-pdf:/ -m "${model:-raw}"
fi
out_dir=$(awk '$1 == "Out" {print $2}' /etc/cups/cups-pdf.conf | sed "s|\${HOME}|$HOME|")
out_dir=${out_dir:-/var/spool/cups-pdf/ANONYMOUS}
echo "Printer $PRINTER prints to $out_dir"
"$PYTHON" -m pytest -q -m cups -p no:cacheprovider tests/core/test_documents_cups.py tests/ui/test_documents_cups.py
