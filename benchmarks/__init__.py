"""Benchmarks: how Knooppunt behaves at scale, measured as ratios to baselines (``python -m benchmarks``)."""
