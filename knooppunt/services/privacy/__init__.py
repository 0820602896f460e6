"""The AVG: the logboek, erasure, retention terms and parents' requests."""
