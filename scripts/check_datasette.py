"""Serve a fresh SQLite export with Datasette and check that it is a browsable site.

Exports the bundled dataset with ``pemilu-pks export --format sqlite``, starts
``datasette DB -m METADATA`` on 127.0.0.1 (a free port), fetches a table page
and a faceted JSON query, and stops the server.  Every wait is bounded, so a
server that never comes up fails the check instead of hanging it.  Run by
``nox -s datasette``.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

STARTUP_SECONDS = 60
REQUEST_SECONDS = 30


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> bytes:
    """The body of *url* (status 200 required)."""
    with urllib.request.urlopen(url, timeout=REQUEST_SECONDS) as response:  # noqa: S310 - our own local server
        if response.status != 200:
            raise SystemExit(f"{url}: HTTP {response.status}")
        return bytes(response.read())


def wait_until_up(url: str, server: subprocess.Popen[bytes]) -> None:
    """Poll *url* until it answers, the server exits, or the startup time is up."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"datasette exited with status {server.returncode}")
        try:
            fetch(url)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
        else:
            return
    raise SystemExit(f"datasette did not answer within {STARTUP_SECONDS} s")


def check(folder: Path) -> None:
    """Export, serve, fetch, stop."""
    database = folder / "pemilu.db"
    metadata = folder / "pemilu.metadata.json"
    subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [
            sys.executable,
            "-m",
            "pemilu_pks",
            "export",
            "--format",
            "sqlite",
            "--out",
            str(database),
        ],
        check=True,
        timeout=300,
    )
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = ["datasette", "serve", str(database), "-m", str(metadata), "--host", "127.0.0.1"]
    server = subprocess.Popen([*command, "--port", str(port)])  # noqa: S603 - fixed arguments
    try:
        wait_until_up(f"{base}/-/versions.json", server)
        page = fetch(f"{base}/pemilu/agreements").decode("utf-8")
        if "Agreements" not in page or "2022-12-29-kpu-ri-polri" not in page:
            raise SystemExit("the agreements page lacks its title or the national MoU")
        faceted = json.loads(fetch(f"{base}/pemilu/agreements.json?_facet=instrument&_facet=year"))
        facets = faceted["facet_results"]
        results = facets.get("results", facets)  # the layout differs between Datasette versions
        values = {row["value"] for row in results["instrument"]["results"]}
        if not {"mou", "pks"} <= values:
            raise SystemExit(f"the instrument facet shows {sorted(values)}")
        print(f"datasette served {base}/pemilu/agreements with facets: {sorted(values)}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=REQUEST_SECONDS)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def main() -> None:
    """Run the check in a temporary folder."""
    with tempfile.TemporaryDirectory() as folder:
        check(Path(folder))


if __name__ == "__main__":
    main()
