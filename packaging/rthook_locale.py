"""PyInstaller runtime hook: give the frozen program a UTF-8 character locale, as ``python`` does.

The ``python`` command coerces a C/POSIX (or unusable) locale to C.UTF-8 before running anything
(PEP 538); PyInstaller's bootloader embeds Python and does not. Qt then finds a non-UTF-8 locale
at start-up and prints a warning to stderr ("Detected locale "C" ... which is not UTF-8"). This
hook does the same coercion, before any of the program's code runs.
"""

import locale
import os


def _coerce_legacy_locale() -> None:
    if os.environ.get("LC_ALL"):
        return  # the user asked for exactly this locale; Python does not coerce either
    try:
        current = locale.setlocale(locale.LC_CTYPE, "")
    except locale.Error:  # e.g. LANG names a locale that is not installed
        current = "C"
    if current not in ("C", "POSIX"):
        return
    for candidate in ("C.UTF-8", "C.utf8", "UTF-8"):
        try:
            locale.setlocale(locale.LC_CTYPE, candidate)
        except locale.Error:
            continue
        os.environ["LC_CTYPE"] = candidate  # so Qt's setlocale(LC_ALL, "") keeps it too
        return


_coerce_legacy_locale()
