"""cronicar: dated news articles in, a sourced chronicle of each story out."""

__version__ = "0.1.0"
