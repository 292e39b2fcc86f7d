"""The Permissions-Policy header: browser features no page uses are off."""

import pytest


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
