"""Entry point of the frozen program (PyInstaller needs a script, not a package module)."""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())
