"""cronicar: dated news articles in, a sourced chronicle of each story out."""

__version__ = "0.1.0"

from pathlib import Path as _Path

#: The package's per-language data folders (``lang/<code>/``): rules, lexicons, aliases, as data.
#: Find a language's folder with :func:`cronicar.lang.folder` (it also searches ``$CRONICAR_LANG_PATH``).
LANG_DIR = _Path(__file__).resolve().parent / "lang"


def data_lines(lang: str, name: str) -> list[str]:
    """The data lines of ``lang/<lang>/<name>``: blank lines and ``#`` comment lines (the file's
    header, its examples) left out; none when the language has no such file.  One reader for the
    line-per-entry files, so their header and comment rules are the same everywhere."""
    from cronicar import lang as _lang  # late: the language loader is a subpackage of this one

    return _lang.data_lines(_lang.folder(lang) / name)
