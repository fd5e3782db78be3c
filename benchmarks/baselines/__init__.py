"""Temporal-tagging baselines run beside cronicar with the same scorer."""
