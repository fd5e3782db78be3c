"""Languages are folders: the loader reads ``lang/<code>/meta.toml``, detection and parsing follow
it, and a language made of data alone (a copy of ``en`` under a new code, on
``$CRONICAR_LANG_PATH``) runs through the whole pipeline, annotate and ingest, with no code edit."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cronicar import lang as lang_mod
from cronicar.analyze.langid import detect, supported
from cronicar.analyze.nlp import has_parser
from cronicar.ingest.schema import known_languages

ROOT = Path(__file__).resolve().parents[1]
POLNEAR_TEXT = "data/en/polnear/data/test/text/huff-post_2016-11-02_obama-calls-on-men-to-reflect-on.txt"


@pytest.mark.parametrize("code,parser,model,lingua", [
    ("ro", True, "ro_legal_fl", "ROMANIAN"),
    ("en", False, None, "ENGLISH"),
    ("es", False, None, "SPANISH"),
])
def test_lang_loader_reads_meta(code: str, parser: bool, model: str | None, lingua: str) -> None:
    meta = lang_mod.language(code)
    assert meta is not None and meta.code == code and meta.lingua == lingua
    assert meta.spacy_model == model
    assert has_parser(code) is parser
    assert supported()[code].name == lingua
    assert code in known_languages()


@pytest.mark.parametrize("code", ["xx", "../ro", "RO", ""])
def test_lang_loader_unknown_code_is_none(code: str) -> None:
    assert lang_mod.language(code) is None
    assert not has_parser(code)


def _meta_files() -> list[Path]:
    return sorted(lang.path("meta.toml") for lang in lang_mod.languages().values())


@pytest.mark.parametrize("path", _meta_files(), ids=lambda p: p.parent.name)
def test_lang_loader_meta_header_and_example(path: Path) -> None:
    """Each meta.toml has the house header, and its example sentence is detected as its language."""
    text = path.read_text(encoding="utf-8")
    for field in ("source:", "license:", "format:", "example:"):
        assert field in text[:2000].lower(), f"{path} lacks {field}"
    example = next(line for line in text.splitlines() if line.startswith("# example:"))
    sentence, _, code = example.removeprefix("# example:").rpartition("=>")
    assert code.strip() == path.parent.name
    assert detect(sentence.strip()) == path.parent.name


@pytest.mark.parametrize("meta,message", [
    ('name = "Test"\n', "missing lingua"),
    ('name = "Test"\nlingua = "ENGLISH"\nhas = ["telepathy"]\n', "unknown capability telepathy"),
    ('name = "Test"\nlingua = \n', "meta.toml"),
])
def test_lang_loader_bad_meta_names_the_file(tmp_path, monkeypatch, meta: str, message: str) -> None:
    (tmp_path / "zz").mkdir()
    (tmp_path / "zz" / "meta.toml").write_text(meta, encoding="utf-8")
    monkeypatch.setenv(lang_mod.PATH_VAR, str(tmp_path))
    with pytest.raises(lang_mod.LanguageError, match=message) as err:
        lang_mod.language("zz")
    assert str(tmp_path / "zz" / "meta.toml") in str(err.value)


def _cli(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cronicar.cli", *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_lang_loader_new_language_from_data_runs_the_pipeline(shared: Path, tmp_path: Path) -> None:
    """A copy of ``en`` named ``xe`` is found by the loader from data alone; its annotations of
    a real English article equal English's, and ingest stores the article as ``xe``."""
    langs = tmp_path / "langs"
    shutil.copytree(lang_mod.language("en").folder, langs / "xe")  # type: ignore[union-attr]
    text = (shared / POLNEAR_TEXT).read_text(encoding="utf-8")
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": c, "text": text, "date": "2016-11-02", "lang": c}) for c in ("en", "xe"))
                   + "\n", encoding="utf-8")
    env = {**os.environ, lang_mod.PATH_VAR: str(langs),
           "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    done = _cli(["annotate", "-i", str(src), "-o", str(tmp_path / "out.jsonl")], env, tmp_path)
    assert done.returncode == 0, done.stderr
    en, xe = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(en["quotes"]) >= 5
    for field in ("quotes", "timexes", "entities", "events"):
        assert xe[field] == en[field], field
    db = tmp_path / "x.db"
    one = tmp_path / "xe.jsonl"
    one.write_text(json.dumps({"id": "xe-1", "text": text, "date": "2016-11-02", "lang": "xe"}) + "\n", encoding="utf-8")
    done = _cli(["ingest", "--db", str(db), str(one)], env, tmp_path)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as con:
        (lang, article), = con.execute("SELECT lang, id FROM articles").fetchall()
        (quotes,), = con.execute("SELECT COUNT(*) FROM quotes WHERE article_id = ?", (article,)).fetchall()
    assert lang == "xe" and quotes == len(en["quotes"])
