"""Lighthouse on four pages of the production-like server (``make bench``, or alone:
``python bench/lighthouse.py``).

What is measured: Lighthouse's performance, accessibility and best-practices scores
(0–100) of

- the home page ``/``, anonymous;
- a step page (the second step of the first demo module, as the HTTP bench's (b)), anonymous;
- a forum topic page (the demo forum's longest conversation), anonymous;
- the worker's gap view ``/team/overzicht/``, signed in as the demo worker: the session
  cookie goes along with every request through Lighthouse's ``--extra-headers``.

Targets, per page: performance >= 95, accessibility 100, best practices >= 95. Lighthouse
runs as it does by default: mobile emulation (a mid-range phone, 4x CPU slowdown) on a
simulated slow 4G connection, in Debian's Chromium (``CHROME_PATH``, default
``/usr/bin/chromium``, headless). Lighthouse itself is the exact version in
package-lock.json (``npm ci``, which ``make install`` runs through scripts/build-css.sh).

The server is the one production runs, smaller: gunicorn (``bench/server.py``) with DEBUG
off, and WhiteNoise serving the files ``collectstatic`` wrote with the compressed manifest
storage (hashed names, gzip, far-future cache headers) into a temporary folder
(``bench/lighthouse_settings.py``). The data is the shipped demo content with the demo users
(``load_demo --with-users``) in a database and Redis db of the stage's own, emptied first.

The scores, the targets and, per page, every audit Lighthouse did not pass (score below
0.9, its own pass mark) are printed and written to ``bench/results/lighthouse-<UTC
timestamp>.json`` and ``bench/results/lighthouse-latest.json``. Missing a target does not
fail the run; a page that does not answer, or Lighthouse failing, does.
"""

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__":  # run as a script: import bench.* from the project, not from bench/
    sys.path[0] = str(ROOT)
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.lighthouse_settings"
# collectstatic writes here and gunicorn (which inherits the environment) serves it.
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="samenredzaam-lighthouse-static-"))
os.environ["STATIC_ROOT"] = str(STATIC_ROOT)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402
from django.urls import reverse  # noqa: E402
from machina.core.db.models import get_model  # noqa: E402

from bench import data, database, report, server  # noqa: E402
from bench.scenarios import cookie_header, sign_in  # noqa: E402
from forum.links import topic_url  # noqa: E402
from learning.selectors import catalog  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
CATEGORIES = ("performance", "accessibility", "best-practices")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95}
PASS_MARK = 0.9  # Lighthouse shows an audit scored below this as failed
WORKER = "demo-hulpverlener"
DEMO_PASSWORD = "lighthouse-demo-2026"  # load_demo gives the demo users this password
GUNICORN_LOG = report.RESULTS_DIR / "gunicorn-lighthouse.log.tmp"
LIGHTHOUSE_SECONDS = 180
# Lighthouse sometimes loses the trace of a page load on a busy machine (NO_NAVSTART: "Please
# run Lighthouse again"); a page is measured again, up to this many times in all.
ATTEMPTS = 3


@dataclass(frozen=True)
class Page:
    key: str
    title: str
    path: str
    cookie: str = ""  # the Cookie header of a signed-in visitor


def log(message: str) -> None:
    """Progress on stderr, so stdout holds only the results."""
    print(f"[lighthouse] {message}", file=sys.stderr, flush=True)


def prepare() -> None:
    """Recreate the stage's database and Redis db, load the demo and collect the static files."""
    database.recreate_database()
    database.clear_cache()
    call_command("migrate", interactive=False, verbosity=0)
    os.environ["DEMO_PASSWORD"] = DEMO_PASSWORD
    # load_demo lists the demo users on its stdout, which holds only the results here.
    call_command("load_demo", with_users=True, verbosity=0, stdout=io.StringIO())
    call_command("collectstatic", interactive=False, verbosity=0)
    connections.close_all()  # gunicorn does the rest; don't hold a connection open


def pages(base_url: str) -> list[Page]:
    """The measured pages; the worker's with a fresh signed-in session."""
    step = data.benchmark_step(catalog())
    topic = get_model("forum_conversation", "Topic").objects.order_by("-posts_count", "pk")[0]
    worker = cookie_header(sign_in(base_url, WORKER, password=DEMO_PASSWORD))
    return [
        Page("home", "home page", "/"),
        Page("step", "step page", step.url),
        Page("topic", "forum topic page", topic_url(topic)),
        Page("gap", "worker's gap view (signed in)", reverse("team:gap"), cookie=worker),
    ]


def run_lighthouse(url: str, cookie: str, workdir: Path) -> dict:
    """Lighthouse's JSON report on ``url``, sending ``cookie`` with every request."""
    output = workdir / "report.json"
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if cookie:
        headers = workdir / "headers.json"
        headers.write_text(json.dumps({"Cookie": cookie}))
        command.append(f"--extra-headers={headers}")
    environment = {**os.environ, "CHROME_PATH": CHROME_PATH}
    for attempt in range(1, ATTEMPTS + 1):
        output.unlink(missing_ok=True)
        answer = subprocess.run(command, env=environment, timeout=LIGHTHOUSE_SECONDS)
        if answer.returncode == 0:
            return json.loads(output.read_text())
        log(f"Lighthouse failed on {url} (attempt {attempt} of {ATTEMPTS})")
    raise RuntimeError(f"Lighthouse failed {ATTEMPTS} times on {url}")


def summary(page: Page, lighthouse: dict) -> dict:
    """The page's scores (0–100) and the audits below the pass mark in each category."""
    if lighthouse.get("runtimeError"):
        raise RuntimeError(f"Lighthouse on {page.path}: {lighthouse['runtimeError']}")
    final_url = lighthouse["finalDisplayedUrl"]
    if not final_url.endswith(page.path):  # a login redirect or an error page
        raise RuntimeError(f"Lighthouse measured {final_url}, not {page.path}")
    audits = lighthouse["audits"]
    scores, failing = {}, {}
    for name in CATEGORIES:
        category = lighthouse["categories"][name]
        scores[name] = round(category["score"] * 100)
        failing[name] = [
            {
                "id": ref["id"],
                "title": audits[ref["id"]]["title"],
                "score": audits[ref["id"]]["score"],
                "display_value": audits[ref["id"]].get("displayValue", ""),
            }
            for ref in category["auditRefs"]
            if audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < PASS_MARK
        ]
    return {
        "page": page.key,
        "title": page.title,
        "path": page.path,
        "scores": scores,
        "failing_audits": failing,
    }


def targets(results: list[dict]) -> list[dict]:
    """Each page's score against each category's target."""
    return [
        {
            "target": f"{result['title']}: {name} >= {bound}",
            "value": result["scores"][name],
            "met": result["scores"][name] >= bound,
        }
        for result in results
        for name, bound in TARGETS.items()
    ]


def table(results: list[dict]) -> str:
    """The scores as a fixed-width text table, then the audits each page did not pass."""
    header = f"{'page':<34} {'perf':>5} {'a11y':>5} {'best pr.':>8}"
    lines = [header, "-" * len(header)]
    for result in results:
        scores = result["scores"]
        lines.append(
            f"{result['title']:<34} {scores['performance']:>5} {scores['accessibility']:>5} "
            f"{scores['best-practices']:>8}"
        )
    for result in results:
        for name, audits in result["failing_audits"].items():
            for audit in audits:
                value = f" ({audit['display_value']})" if audit["display_value"] else ""
                lines.append(f"  {result['page']}, {name}: {audit['title']}{value}")
    return "\n".join(lines)


def chromium_version() -> str:
    answer = subprocess.run([CHROME_PATH, "--version"], capture_output=True, text=True)
    return answer.stdout.strip()


def main() -> int:
    if not LIGHTHOUSE.exists():
        raise RuntimeError(f"{LIGHTHOUSE} is missing: run `npm ci` (make install does)")
    try:
        log("preparing the demo data and the static files")
        prepare()
        with server.gunicorn(GUNICORN_LOG, settings="bench.lighthouse_settings") as base_url:
            log(f"gunicorn answers on {base_url}")
            results = []
            with tempfile.TemporaryDirectory(prefix="samenredzaam-lighthouse-") as workdir:
                for page in pages(base_url):
                    log(f"{page.title}: {page.path}")
                    lighthouse = run_lighthouse(base_url + page.path, page.cookie, Path(workdir))
                    results.append(summary(page, lighthouse))
    finally:
        shutil.rmtree(STATIC_ROOT, ignore_errors=True)
    checked = targets(results)
    print(table(results))
    print("\nTargets:")
    print(report.target_lines(checked))
    path = report.write(
        {
            "machine": report.machine(
                lighthouse=lighthouse["lighthouseVersion"], chromium=chromium_version()
            ),
            "config": {
                "server": server.description(),
                "form_factor": lighthouse["configSettings"]["formFactor"],
                "throttling_method": lighthouse["configSettings"]["throttlingMethod"],
            },
            "results": results,
            "targets": checked,
        },
        prefix="lighthouse-",
    )
    print(f"\nWritten to {path.relative_to(ROOT)} and bench/results/lighthouse-latest.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
