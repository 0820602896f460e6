"""Verslagen en afsprakenbrieven in de app: voorbeeld, vaststellen, afdrukken, opslaan als PDF."""
