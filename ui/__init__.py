"""The PySide6 layer of Knooppunt: windows, dialogs and item models. Never touches SQL."""
