"""Benchmarks and baselines (dev-only; never imported by the cronicar package)."""
