"""cronicar.ingest"""
