"""Domain types: plain dataclasses and enums with the Dutch terms of the knooppunt approach."""
