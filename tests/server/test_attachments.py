"""Evidence files by SHA-256: streamed in and out, each refusal with its reason."""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator

from tests.server.conftest import MAX_ATTACHMENT_BYTES, RunningServer
from tests.server.helpers import credential, submitted, upload

PNG = b"\x89PNG\r\n\x1a\n" + os.urandom(4096)


def test_a_file_goes_up_and_comes_back_to_those_who_may_see_it(
    server: RunningServer,
) -> None:
    educator, other = server.user("educator"), server.user("educator")
    assessor = server.user("assessor")
    uid = submitted(server, educator)
    with server.client(educator) as client:
        app = client.get("/api/v1/applications").json()
        (row,) = [a for a in app if a["uid"] == str(uid)]
        payload = client.get(f"/api/v1/applications/{row['id']}").json()
    (attachment,) = payload["attachments"]
    sha256 = attachment["sha256"]

    for account, expected in ((educator, 200), (assessor, 200), (other, 404)):
        with server.client(account) as client:
            response = client.get(f"/api/v1/attachments/{sha256}")
        assert response.status_code == expected, account.role
        if expected == 200:
            assert hashlib.sha256(response.content).hexdigest() == sha256
            assert response.headers["content-type"].startswith("text/plain")


def test_an_upload_is_streamed_and_may_be_repeated(server: RunningServer) -> None:
    educator = server.user("educator")
    sha256 = hashlib.sha256(PNG).hexdigest()

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(PNG), 1000):
            yield PNG[start : start + 1000]

    with server.client(educator) as client:
        for _ in range(2):
            response = client.put(
                f"/api/v1/attachments/{sha256}",
                content=chunks(),
                headers={"Content-Type": "image/png"},
            )
            assert response.status_code == 201, response.text
            assert response.json() == {
                "sha256": sha256,
                "size": len(PNG),
                "media_type": "image/png",
            }
    stored = server.data_dir / "attachments" / sha256[:2] / sha256
    assert stored.read_bytes() == PNG


def test_each_refusal_has_its_status_and_reason(server: RunningServer) -> None:
    educator = server.user("educator")
    big = os.urandom(MAX_ATTACHMENT_BYTES + 1)
    big_sha = hashlib.sha256(big).hexdigest()

    def streamed() -> Iterator[bytes]:
        yield big[: len(big) // 2]
        yield big[len(big) // 2 :]

    with server.client(educator) as client:

        def put(sha256: str, content: object, media_type: str) -> tuple[int, str]:
            response = client.put(
                f"/api/v1/attachments/{sha256}",
                content=content,  # type: ignore[arg-type]
                headers={"Content-Type": media_type},
            )
            return response.status_code, response.json()["detail"]["code"]

        assert put(big_sha, big, "text/plain") == (413, "too_large")
        # Without a declared length the limit is found while streaming.
        assert put(big_sha, streamed(), "text/plain") == (413, "too_large")
        exe = b"MZ" + os.urandom(64)
        assert put(
            hashlib.sha256(exe).hexdigest(), exe, "application/x-msdownload"
        ) == (
            415,
            "unsupported_media_type",
        )
        assert put("0" * 64, b"not that hash", "text/plain") == (422, "hash_mismatch")
        empty = hashlib.sha256(b"").hexdigest()
        assert put(empty, b"", "text/plain") == (422, "empty")
    leftovers = list((server.data_dir / "attachments").rglob("*.part"))
    assert leftovers == []
    assert not (server.data_dir / "attachments" / big_sha[:2] / big_sha).exists()


def test_attaching_a_file_not_uploaded_is_rejected(server: RunningServer) -> None:
    educator = server.user("educator")
    with server.client(educator) as client:
        created = client.post(
            "/api/v1/applications",
            json={"credential_id": credential(client)["id"], "uid": str(uuid.uuid4())},
        ).json()
        missing = hashlib.sha256(b"never sent " + uuid.uuid4().bytes).hexdigest()
        response = client.post(
            f"/api/v1/applications/{created['id']}/attachments",
            json={"part_key": "evidence", "filename": "a.pdf", "sha256": missing},
        )
        assert response.status_code == 422
        assert response.json()["detail"]["code"] == "attachment_not_uploaded"
        sha256 = upload(client, b"now it is there " + uuid.uuid4().bytes)
        response = client.post(
            f"/api/v1/applications/{created['id']}/attachments",
            json={"part_key": "evidence", "filename": "a.txt", "sha256": sha256},
        )
        assert response.status_code == 200
