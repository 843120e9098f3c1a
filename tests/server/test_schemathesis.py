"""schemathesis against /openapi.json: generated requests never cause a 5xx.

On a server of its own (SQLite), since fuzzing as an administrator changes
accounts at random; a few examples per operation keep it to seconds.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server.conftest import BIN, RunningServer, start_server, stop_server

EXAMPLES = "3"


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    data_dir = tmp_path_factory.mktemp("server-fuzzed")
    url = f"sqlite:///{data_dir / 'insignia-server.db'}"
    running = start_server("sqlite", url, data_dir)
    try:
        yield running
    finally:
        stop_server(running)


# Each role fuzzes what it may reach, so requests get past the role check;
# the authorization matrix covers the refusals.
REACH = {
    "educator": r"^/api/v1/(applications|attachments|sync|catalog/|users/me)",
    "assessor": r"^/api/v1/(assessments|applications$|sync/changes)",
    "admin": r"^/api/v1/(users|catalog)",
}


def test_no_generated_request_causes_a_server_error(
    fuzzed: RunningServer, tmp_path: Path
) -> None:
    runs = {}
    for role, paths in REACH.items():
        account = fuzzed.user(role)
        runs[role] = subprocess.Popen(
            [
                str(BIN / "schemathesis"),
                "run",
                f"{fuzzed.base_url}/openapi.json",
                "--checks",
                "not_a_server_error",
                "--header",
                f"Authorization: Bearer {account.token}",
                "--include-path-regex",
                paths,
                # Signing out would end the run's own session early.
                "--exclude-path",
                "/api/v1/auth/logout",
                "--max-examples",
                EXAMPLES,
                "--phases",
                "fuzzing",
                "--seed",
                "4",
                "--generation-database",
                "none",
                "--no-color",
            ],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
    for role, run in runs.items():
        output, _ = run.communicate(timeout=120)
        assert run.returncode == 0, f"{role}:\n{output[-6000:]}"
