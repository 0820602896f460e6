"""Knooppunt: de kern (domein, opslag, diensten, documenten). Importeert nooit Qt."""

__version__ = "0.1.0"
