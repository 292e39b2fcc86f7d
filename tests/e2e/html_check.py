"""The Nu Html Checker on every HTML document the browser tests receive, as the server sent it.

vnu.jar comes from npm's `vnu-jar` (a devDependency in package.json, installed by `make
install`). Starting the JVM takes seconds, so one checker runs per test session as a local
HTTP service on loopback; documents are checked by a hash of their bytes, once each.
Errors fail the test; warnings and info are not reported.
"""

import hashlib
import http.client
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.server import free_port, stop

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
STARTUP_SECONDS = 180


def java() -> str | None:
    """The java to run the checker with: $JAVA_HOME's, else the one on PATH."""
    home = os.environ.get("JAVA_HOME")
    if home and os.access(Path(home) / "bin" / "java", os.X_OK):
        return str(Path(home) / "bin" / "java")
    return shutil.which("java")


def missing() -> str | None:
    """Why the checker cannot run on this machine, or None when it can."""
    if java() is None:
        return "java not found (JAVA_HOME or PATH); the Nu Html Checker needs Java 11 or later"
    if not VNU_JAR.is_file():
        return f"{VNU_JAR} not found; `make install` installs it (npm's vnu-jar)"
    return None


@dataclass(frozen=True)
class HtmlError:
    url: str
    line: int | None
    column: int | None
    message: str
    extract: str

    def __str__(self) -> str:
        extract = " ".join(self.extract.split())
        return f"{self.url} line {self.line}, column {self.column}: {self.message} [{extract}]"


class HtmlChecker:
    """A running Nu Html Checker service, with a cache of the documents already checked."""

    def __init__(self, port: int):
        self.port = port
        self._checked: dict[str, list[dict]] = {}

    @classmethod
    @contextmanager
    def running(cls) -> Iterator["HtmlChecker"]:
        """Start the checker on a free loopback port, wait until it answers, stop it after."""
        port = free_port()
        with tempfile.TemporaryFile() as log:
            process = subprocess.Popen(  # noqa: S603 (our java and jar, fixed arguments)
                [
                    str(java()),
                    "-Dnu.validator.servlet.bind-address=127.0.0.1",
                    "-cp",
                    str(VNU_JAR),
                    "nu.validator.servlet.Main",
                    str(port),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                checker = cls(port)
                checker._wait_for(process, log)
                yield checker
            finally:
                stop(process)

    def _wait_for(self, process: subprocess.Popen, log) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while process.poll() is None and time.monotonic() < deadline:
            try:
                # Its front page (a form) answers once the schemas are loaded.
                if self._request("GET", "/", timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        log.seek(0)
        tail = log.read().decode(errors="replace")[-2000:]
        raise RuntimeError(f"the Nu Html Checker did not start within {STARTUP_SECONDS} s:\n{tail}")

    def errors(self, html: bytes, *, url: str) -> list[HtmlError]:
        """The checker's errors in ``html`` (UTF-8), each naming ``url``, line and message."""
        key = hashlib.sha256(html).hexdigest()
        if key not in self._checked:
            self._checked[key] = self._post(html)
        return [
            HtmlError(
                url=url,
                line=message.get("lastLine"),
                column=message.get("firstColumn", message.get("lastColumn")),
                message=message.get("message", ""),
                extract=message.get("extract", ""),
            )
            for message in self._checked[key]
        ]

    def _post(self, html: bytes) -> list[dict]:
        status, answer = self._request(
            "POST", "/?out=json", body=html, headers={"Content-Type": "text/html; charset=utf-8"}
        )
        assert status == 200, f"the Nu Html Checker answered {status}: {answer[:500]!r}"
        messages = json.loads(answer)["messages"]
        # "non-document-error" is the checker failing to read the input: an error too.
        return [m for m in messages if m["type"] in ("error", "non-document-error")]

    def _request(self, method, path, *, body=None, headers=None, timeout=60) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            # The checker refuses a request without a User-Agent.
            headers = {"User-Agent": "samenredzaam-e2e", **(headers or {})}
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            return answer.status, answer.read()
        finally:
            connection.close()

    def watch(self, context, *, origin: str) -> "Documents":
        """Keep every HTML document ``context`` receives from ``origin`` for checking."""
        return Documents(self, context, origin)


class Documents:
    """The bodies of a browser context's document responses, read as they arrive (a body
    may no longer be readable once the page has moved on)."""

    def __init__(self, checker: HtmlChecker, context, origin: str):
        self.checker = checker
        self.origin = origin.rstrip("/") + "/"
        self.received: list[tuple[str, bytes]] = []
        self.unreadable: list[str] = []
        context.on("response", self._received)

    def _received(self, response) -> None:
        if response.request.resource_type != "document":
            return
        if not response.url.startswith(self.origin) or 300 <= response.status < 400:
            return
        if not response.headers.get("content-type", "").startswith("text/html"):
            return
        try:
            self.received.append((response.url, response.body()))
        except Exception as error:  # noqa: BLE001 - reported with the check's result
            self.unreadable.append(f"{response.url}: body not readable ({error})")

    def problems(self) -> list[str]:
        """Every checker error in the documents received so far, and any unreadable body."""
        found = [
            str(error)
            for url, html in self.received
            for error in self.checker.errors(html, url=url)
        ]
        return self.unreadable + list(dict.fromkeys(found))
