"""The Permissions-Policy header, and production settings that refuse to start without
Redis (with the locmem cache every process would keep its own rate limits and caches)."""

import subprocess
import sys

import pytest

from .test_project import ROOT, production_env


@pytest.mark.django_db
def test_pages_switch_off_browser_features_they_do_not_use(client):
    response = client.get("/health/")
    features = dict(
        part.strip().split("=", 1) for part in response["Permissions-Policy"].split(",")
    )
    assert features["camera"] == "()"
    assert features["microphone"] == "()"
    assert features["geolocation"] == "()"
    # Read-aloud may pick the speaker, on our own pages only.
    assert features["speaker-selection"] == "(self)"


def test_production_settings_refuse_to_start_without_redis():
    env = {k: v for k, v in production_env().items() if k != "REDIS_URL"}
    result = subprocess.run(
        [sys.executable, "-c", "import website.settings.production"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "REDIS_URL" in result.stderr
