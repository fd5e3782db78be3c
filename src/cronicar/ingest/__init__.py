"""Readers: files, folders and feeds in, :class:`~cronicar.model.Article` objects out.

``read_paths`` never raises for a bad record: it yields an :class:`~cronicar.model.InputError`
naming the file and line in its place, so one broken line does not stop a batch.
"""

from cronicar.ingest.readers import read_paths, read_text_article

__all__ = ["read_paths", "read_text_article"]
