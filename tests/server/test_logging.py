"""The server's log: one line per request, and never a secret or an answer."""

from __future__ import annotations

import re
import secrets
import time

from tests.server.conftest import RunningServer
from tests.server.helpers import answer_op, application_id, pull_all, push, start


def test_requests_are_logged_without_tokens_passwords_or_answers(
    server: RunningServer,
) -> None:
    educator = server.user("educator")
    secret_answer = f"confidential-{secrets.token_hex(8)}"
    with server.client(educator) as client:
        uid = start(client)
        push(client, answer_op(uid, "overview", "context", secret_answer, 0))
        pull_all(client)
        own_id = application_id(client, uid)
        assert client.get(f"/api/v1/applications/{own_id}").status_code == 200
        client.post(
            "/api/v1/auth/token",
            json={"username": educator.username, "password": educator.password + "x"},
        )
        assert client.post("/api/v1/auth/logout").status_code == 204

    line = f"GET /api/v1/applications/{{application_id}} 200 .*ms user={educator.id}$"
    deadline = time.monotonic() + 5
    while not re.search(line, server.log(), re.MULTILINE):
        assert time.monotonic() < deadline, server.log()[-2000:]
        time.sleep(0.05)
    log = server.log()
    for secret in (educator.token, educator.password, secret_answer):
        assert secret not in log
    assert re.search(r"POST /api/v1/sync/push 200 [\d.]+ms user=\d+$", log, re.M)
    assert re.search(r"POST /api/v1/auth/token 401 [\d.]+ms user=-$", log, re.M)
    assert f"/api/v1/applications/{own_id} " not in log
