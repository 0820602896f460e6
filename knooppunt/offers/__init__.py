"""Sociale kaart: the offers around a location, and their CSV exchange."""
