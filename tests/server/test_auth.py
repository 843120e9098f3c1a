"""Signing in and out: tokens, refusals that give nothing away, the slow-down."""

from __future__ import annotations

import statistics
import time
from datetime import timedelta

from sqlalchemy import select, update

from server.accounts import utcnow
from server.entities import AccessToken
from server.security import LoginThrottle, Passwords, token_hash
from tests.server.conftest import RunningServer


def test_a_token_signs_in_until_signing_out(server: RunningServer) -> None:
    educator = server.user("educator")
    with server.client() as client:
        response = client.post(
            "/api/v1/auth/token",
            json={"username": educator.username, "password": educator.password},
        )
        assert response.status_code == 200
        body = response.json()
        assert body["token_type"] == "bearer"
        assert body["expires_at"].endswith("Z")
        headers = {"Authorization": f"Bearer {body['access_token']}"}

        me = client.get("/api/v1/users/me", headers=headers)
        assert me.status_code == 200
        assert me.json()["username"] == educator.username

        assert client.post("/api/v1/auth/logout", headers=headers).status_code == 204
        refused = client.get("/api/v1/users/me", headers=headers)
        assert refused.status_code == 401
        assert refused.headers["WWW-Authenticate"] == "Bearer"
        assert refused.json()["detail"]["code"] == "not_signed_in"


def test_the_database_keeps_only_a_hash_of_the_token(server: RunningServer) -> None:
    educator = server.user("educator")
    with server.database().reading() as session:
        stored = session.scalars(
            select(AccessToken.token_hash).where(AccessToken.user_id == educator.id)
        ).all()
    assert stored == [token_hash(educator.token)]
    assert educator.token not in stored


def test_unknown_user_and_wrong_password_get_the_same_answer(
    server: RunningServer,
) -> None:
    educator = server.user("educator")
    with server.client() as client:
        wrong_password = client.post(
            "/api/v1/auth/token",
            json={"username": educator.username, "password": "not-the-password"},
        )
        unknown_user = client.post(
            "/api/v1/auth/token",
            json={"username": educator.username + "x", "password": "not-the-password"},
        )
    assert wrong_password.status_code == unknown_user.status_code == 401
    assert wrong_password.content == unknown_user.content
    assert wrong_password.json()["detail"]["message"] == "Wrong username or password."


def test_an_unknown_user_costs_an_argon2_check_like_a_known_one() -> None:
    passwords = Passwords(time_cost=2, memory_kib=8192)
    stored = passwords.hash("the-password")

    def median(stored_hash: str | None) -> float:
        times = []
        for _ in range(5):
            started = time.perf_counter()
            assert not passwords.verify(stored_hash, "a-wrong-password")
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    known, unknown = median(stored), median(None)
    assert 0.5 < unknown / known < 2


def test_repeated_failures_are_slowed_down(server: RunningServer) -> None:
    educator = server.user("educator")
    other = server.user("educator")
    with server.client() as client:

        def attempt(username: str, password: str) -> int:
            return client.post(
                "/api/v1/auth/token", json={"username": username, "password": password}
            ).status_code

        assert [attempt(educator.username, "wrong-one") for _ in range(5)] == [401] * 5
        refused = client.post(
            "/api/v1/auth/token",
            json={"username": educator.username, "password": educator.password},
        )
        assert refused.status_code == 429
        assert 0 < int(refused.headers["Retry-After"]) <= 300
        assert refused.json()["detail"]["code"] == "too_many_attempts"
        # Another user from the same address is not held back.
        assert attempt(other.username, other.password) == 200


def test_the_slow_down_ends_when_the_failures_are_old() -> None:
    now = [1000.0]
    throttle = LoginThrottle(limit=5, window=300, clock=lambda: now[0])
    for _ in range(5):
        throttle.failed("Ana", "10.0.0.1")
    assert throttle.retry_after("ana", "10.0.0.1") == 301
    assert throttle.retry_after("ana", "10.0.0.2") is None
    now[0] += 301
    assert throttle.retry_after("ana", "10.0.0.1") is None


def test_an_expired_token_is_refused(server: RunningServer) -> None:
    educator = server.user("educator")
    with server.database().writing() as session:
        session.execute(
            update(AccessToken)
            .where(AccessToken.token_hash == token_hash(educator.token))
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
    with server.client(educator) as client:
        response = client.get("/api/v1/sync/changes")
    assert response.status_code == 401


def test_a_made_up_or_missing_token_is_refused(server: RunningServer) -> None:
    with server.client() as client:
        assert client.get("/api/v1/users/me").status_code == 401
        made_up = {"Authorization": "Bearer not-a-token"}
        assert client.get("/api/v1/users/me", headers=made_up).status_code == 401
        basic = {"Authorization": "Basic YWRtaW46YWRtaW4="}
        assert client.get("/api/v1/users/me", headers=basic).status_code == 401


def test_disabling_an_account_or_changing_its_password_signs_it_out(
    server: RunningServer,
) -> None:
    assert server.admin is not None
    first, second = server.user("educator"), server.user("educator")
    with server.client(server.admin) as admin:
        patched = admin.patch(f"/api/v1/users/{first.id}", json={"disabled": True})
        assert patched.status_code == 200 and patched.json()["disabled"] is True
        renewed = admin.patch(
            f"/api/v1/users/{second.id}", json={"password": "a-new-password"}
        )
        assert renewed.status_code == 200
    with server.client() as client:
        for account in (first, second):
            response = client.get("/api/v1/users/me", headers=account.headers)
            assert response.status_code == 401
        disabled = client.post(
            "/api/v1/auth/token",
            json={"username": first.username, "password": first.password},
        )
        assert disabled.status_code == 401
    assert server.login(second.username, "a-new-password")
