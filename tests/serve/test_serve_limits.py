"""Server limits: every malformed or abusive request is a 4xx before any work it does not need.

Runs over an empty store: nothing here reaches analysis, which is the point (a refused request
must cost nothing)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from cronicar.cli import main
from cronicar.serve.app import WriteLimiter, create_app, is_loopback, run
from cronicar.store.db import Store

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("limits") / "empty.db"
    Store(path).close()
    return path


def _client(db: Path, **kw: Any) -> TestClient:
    return TestClient(create_app(db, token=TOKEN, **kw), raise_server_exceptions=False)


@pytest.mark.parametrize("auth", ["Bearer tökén", "Bearer \u2603", "Bearer " + "é" * 300, "Bearer \x7f"])
def test_serve_limits_non_ascii_bearer_token_is_403_not_500(db: Path, auth: str) -> None:
    res = _client(db).post("/api/articles", content=b"{}", headers={"Authorization": auth.encode("utf-8")})
    assert res.status_code == 403


def test_serve_limits_big_body_refused_before_the_token_check_reads_it(db: Path) -> None:
    body = b"x" * 2048
    for headers in ({}, AUTH):
        res = _client(db, max_body=1024).post("/api/articles", content=body, headers=headers)
        assert res.status_code == 413 and "1,024 bytes" in res.json()["detail"]


def test_serve_limits_chunked_body_is_cut_at_the_limit(db: Path) -> None:
    def chunks():  # no Content-Length: the limit is enforced while streaming
        for _ in range(64):
            yield b"[" * 64

    res = _client(db, max_body=1024).post("/api/articles", content=chunks(), headers=AUTH)
    assert res.status_code == 413


@pytest.mark.parametrize(("body", "status", "detail"), [
    (b"{not json", 400, "malformed JSON body"),
    (b"[" * 100_000 + b"]" * 100_000, 400, "nested too deeply"),
    (b'{"text": "x", "date": "2024-01-01", "id": ' + b"7" * 5000 + b"}", 400, "4300 digits"),
    (b"\xff\xfe{}", 400, "malformed JSON body"),
    (b"", 400, "malformed JSON body"),
    (b"42", 422, "expected an article object"),
    (json.dumps({"text": "a\ud800b", "date": "2024-01-01"}).encode(), 422, "lone surrogate"),
    (json.dumps([{"text": "Bun.", "date": "2024-01-01"}, {"text": "x", "date": "9999-12-31"}]).encode(), 422, "api:2: date: year 9999"),
    (json.dumps({"text": "x", "date": "2024-01-01", "lang": ["ro"]}).encode(), 422, "lang: Input should be a valid string"),
    (json.dumps({"text": "x", "date": "2024-01-01", "url": {"a": 1}}).encode(), 422, "url: Input should be a valid string"),
])
def test_serve_limits_malformed_posts_are_4xx_and_write_nothing(db: Path, body: bytes, status: int, detail: str) -> None:
    res = _client(db).post("/api/articles", content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert res.status_code == status, res.text
    assert detail in json.dumps(res.json()["detail"])
    with Store(db, readonly=True) as store:
        assert store.count("articles") == 0


@pytest.mark.parametrize(("method", "path", "params"), [
    ("GET", "/api/search", {"q": ""}),
    ("GET", "/api/search", {"q": "x", "limit": "abc"}),
    ("GET", "/api/search", {"q": "x", "limit": "99999999999999999999999"}),
    ("GET", "/api/search", {"q": "\"unclosed AND OR ("}),
    ("GET", "/api/stories/%00%ff", {}),
    ("GET", "/api/entities/..%2f..%2fetc%2fpasswd", {}),
    ("GET", "/articles/" + "a" * 5000, {}),
    ("DELETE", "/api/articles", {}),
    ("PUT", "/api/articles", {}),
])
def test_serve_limits_malformed_reads_are_4xx(db: Path, method: str, path: str, params: dict) -> None:
    res = _client(db).request(method, path, params=params)
    assert 400 <= res.status_code < 500 or res.status_code == 200, (res.status_code, res.text[:200])


def test_serve_limits_write_rate_per_client() -> None:
    now = [0.0]
    limiter = WriteLimiter(per_minute=6, burst=2, clock=lambda: now[0])
    assert [limiter.wait("a"), limiter.wait("a")] == [0.0, 0.0]
    assert limiter.wait("a") == pytest.approx(10.0)  # 6 a minute: one every 10 s
    assert limiter.wait("b") == 0.0  # another client has its own bucket
    now[0] = 10.0
    assert limiter.wait("a") == 0.0


def test_serve_limits_too_many_writes_is_429_with_retry_after(db: Path) -> None:
    c = _client(db, writes_per_minute=0.001)
    codes = [c.post("/api/articles", content=b"[]", headers=AUTH).status_code for _ in range(12)]
    assert codes[:10] == [422] * 10 and codes[10:] == [429, 429]
    assert int(c.post("/api/articles", content=b"[]", headers=AUTH).headers["Retry-After"]) > 0


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("127.8.0.1", True), ("::1", True),
                                                ("localhost", True), ("0.0.0.0", False), ("::", False),
                                                ("192.168.1.5", False), ("example.org", False)])
def test_serve_limits_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_serve_limits_network_without_token_is_refused(db: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture) -> None:
    monkeypatch.delenv("CRONICAR_TOKEN", raising=False)
    with pytest.raises(ValueError, match="--public"):
        run(db, host="0.0.0.0")
    assert main(["serve", "--db", str(db), "--host", "0.0.0.0"]) == 1
    assert "refusing to serve on 0.0.0.0 without a token" in capsys.readouterr().err


@pytest.mark.parametrize(("content", "message"), [("", "is empty"), (None, "cannot read")])
def test_serve_limits_bad_token_file_is_a_clear_error(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture,
                                                     content: str | None, message: str) -> None:
    f = tmp_path / "token.txt"
    if content is not None:
        f.write_text(content)
    assert main(["serve", "--db", str(db), "--token-file", str(f)]) == 1
    assert message in capsys.readouterr().err


def test_serve_limits_token_file_and_env_enable_writes(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture) -> None:
    import cronicar.serve.app as app_mod

    seen: list[Any] = []
    monkeypatch.setattr(app_mod, "run", lambda **kw: seen.append(kw))
    f = tmp_path / "token.txt"
    f.write_text(f"{TOKEN}\n")
    assert main(["serve", "--db", str(db), "--token-file", str(f)]) == 0
    assert main(["serve", "--db", str(db), "--token", "abc"]) == 0
    assert [kw["token"] for kw in seen] == [TOKEN, "abc"]
    assert "visible to every user of this machine in `ps`" in capsys.readouterr().err
