"""cronicar.serve"""
