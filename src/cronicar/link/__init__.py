"""cronicar.link"""
