"""cronicar.export"""
