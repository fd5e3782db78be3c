"""cronicar: dated news articles in, a sourced chronicle of each story out."""

__version__ = "0.1.0"

from pathlib import Path as _Path

#: The per-language data folders (``lang/<code>/``): rules, lexicons, aliases, as data.
LANG_DIR = _Path(__file__).resolve().parent / "lang"
