"""cronicar.store"""
