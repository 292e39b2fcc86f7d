"""gunicorn serving the site with the bench settings, as production runs it (smaller)."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 2
THREADS = 4
# wrk opens at most this many connections (bench/run.py). Each worker takes an equal share:
# left alone, gthread workers accept whatever arrives while they are free, and the
# keep-alive connections of a run often all land on one worker while the other, still
# busy with the previous run's abandoned requests, gets none and idles for the whole
# run (seen as half the throughput, at random). Many real clients spread evenly.
MAX_CONNECTIONS = 50
WORKER_CONNECTIONS = -(-MAX_CONNECTIONS // WORKERS)
READY_SECONDS = 60


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def command(port: int, app: str = "website.wsgi") -> list[str]:
    """The gunicorn command line for the WSGI module ``app``: the venv's gunicorn, gthread
    workers, loopback only."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    return [
        str(gunicorn),
        app,
        "--worker-class=gthread",
        f"--workers={WORKERS}",
        f"--threads={THREADS}",
        f"--worker-connections={WORKER_CONNECTIONS}",
        f"--bind=127.0.0.1:{port}",
        f"--chdir={ROOT}",
        "--graceful-timeout=5",
        "--no-control-socket",  # no shared socket in $HOME; the bench stops it by pid
    ]


def _log_tail(log_path: Path, lines: int = 30) -> str:
    text = log_path.read_text(errors="replace") if log_path.exists() else ""
    return "\n".join(text.splitlines()[-lines:])


def wait_until_ready(process: subprocess.Popen, base_url: str, log_path: Path) -> None:
    """Poll /health/ until gunicorn answers 200; fail early if it exits."""
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited ({process.returncode}):\n{_log_tail(log_path)}")
        try:
            if requests.get(f"{base_url}/health/", timeout=5).status_code == 200:
                return
        except requests.RequestException:  # not listening yet, or a worker still booting
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer in {READY_SECONDS} s:\n{_log_tail(log_path)}")


def stop(process: subprocess.Popen) -> None:
    """Stop a server gracefully (SIGTERM; to gunicorn's master), killing it if it hangs."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def gunicorn(
    log_path: Path,
    *,
    app: str = "website.wsgi",
    env: dict[str, str] | None = None,
    settings: str = "bench.settings",
) -> Iterator[str]:
    """Run gunicorn on the WSGI module ``app`` with DJANGO_SETTINGS_MODULE=``settings``
    and ``env`` added to the environment; yields its base URL.

    gunicorn is always stopped on leaving, also when the bench fails.
    """
    port = free_port()
    environment = {**os.environ, **(env or {}), "DJANGO_SETTINGS_MODULE": settings}
    with log_path.open("w") as log:
        process = subprocess.Popen(
            command(port, app), cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(process, base_url, log_path)
        yield base_url
    finally:
        stop(process)


def description() -> str:
    """How gunicorn runs, for the report."""
    return (
        f"gunicorn gthread, {WORKERS} workers x {THREADS} threads, "
        f"at most {WORKER_CONNECTIONS} connections per worker"
    )
