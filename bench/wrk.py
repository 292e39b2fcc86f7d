"""Running wrk (the HTTP load generator) and reading its report."""

import os
import re
import shutil
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path

POST_SCRIPT = Path(__file__).with_name("post.lua")
TIMEOUT_SECONDS = 10  # wrk's default of 2 s would drop slow requests from the latency figures
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
SOCKET_ERRORS = re.compile(
    r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", re.MULTILINE
)


@dataclass(frozen=True)
class WrkResult:
    requests: int
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    non_2xx_3xx: int  # wrk counts these as errors
    socket_errors: int  # connect + read + write + timeout
    timeouts: int  # of socket_errors: no answer within TIMEOUT_SECONDS (not in the latencies)

    @property
    def errors(self) -> int:
        """Every request that did not get a 2xx/3xx answer in time."""
        return self.non_2xx_3xx + self.socket_errors

    def as_dict(self) -> dict:
        return asdict(self)


def ensure_installed() -> str:
    """The path of wrk, installing Debian's package when it is missing (needs root)."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0:
        raise RuntimeError("wrk is missing: install the Debian package 'wrk' (apt-get install wrk)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, env=env)
    return shutil.which("wrk") or "wrk"


def version() -> str:
    """wrk's version line, e.g. ``wrk debian/4.1.0-3+b2 [epoll]``."""
    output = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout
    return output.splitlines()[0].split(" Copyright")[0] if output else "unknown"


def run(url: str, *, connections: int, seconds: int, cookie: str = "", form: str = "") -> WrkResult:
    """Load ``url`` for ``seconds`` over ``connections`` connections; a ``form`` body POSTs it."""
    command = [
        "wrk",
        f"--threads={min(2, connections)}",
        f"--connections={connections}",
        f"--duration={seconds}s",
        f"--timeout={TIMEOUT_SECONDS}s",
        "--latency",
    ]
    if cookie:
        command += ["--header", f"Cookie: {cookie}"]
    if form:
        command += ["--script", str(POST_SCRIPT)]
    env = {**os.environ, "BENCH_POST_BODY": form}
    completed = subprocess.run(
        [*command, url], capture_output=True, text=True, env=env, timeout=seconds + 60
    )
    if completed.returncode != 0:
        raise RuntimeError(f"wrk failed ({completed.returncode}): {completed.stderr.strip()}")
    return parse(completed.stdout)


def _number(pattern: str, output: str, default: str | None = None) -> str:
    match = re.search(pattern, output, re.MULTILINE)
    if match is None:
        if default is None:
            raise ValueError(f"no {pattern!r} in wrk's output:\n{output}")
        return default
    return match.group(1)


def _percentile_ms(percent: int, output: str) -> float:
    match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s|m|h)\s*$", output, re.MULTILINE)
    if match is None:
        raise ValueError(f"no {percent}% latency in wrk's output:\n{output}")
    return float(match.group(1)) * UNIT_MS[match.group(2)]


def parse(output: str) -> WrkResult:
    """Read requests/s, the 50th and 99th latency percentiles and the errors from wrk --latency.

    wrk prints "Non-2xx or 3xx responses" and "Socket errors" only when there are any.
    """
    socket_errors = SOCKET_ERRORS.search(output)
    return WrkResult(
        requests=int(_number(r"(\d+) requests in ", output)),
        requests_per_second=float(_number(r"^Requests/sec:\s+([\d.]+)", output)),
        p50_ms=_percentile_ms(50, output),
        p99_ms=_percentile_ms(99, output),
        non_2xx_3xx=int(_number(r"Non-2xx or 3xx responses: (\d+)", output, default="0")),
        socket_errors=sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
        timeouts=int(socket_errors.group(4)) if socket_errors else 0,
    )
