"""Security headers, the content security policy (django-csp), the permissions policy
(django-permissions-policy) and whose address the rate limits count."""

import environ
from csp.constants import NONE, SELF

env = environ.Env()

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # the form token is what matters; JS never reads the cookie

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        # Named although default-src covers them: the service worker (/sw.js) and the
        # web app manifest must keep working if default-src is ever narrowed.
        "worker-src": [SELF],
        "manifest-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Browser features no page needs are off; read-aloud may choose the speaker.
PERMISSIONS_POLICY = {
    "camera": [],
    "geolocation": [],
    "microphone": [],
    "speaker-selection": "self",
}

# Whose address the rate limits count. Behind a load balancer every request comes from
# the balancer's address, so one person's wrong passwords would lock everyone out: name
# how many proxies in front are ours (their X-Forwarded-For entries are trusted) or the
# header one of them sets with the client's address. Unset, the headers are ignored:
# anyone can write them. allauth reads these two; django-ratelimit asks allauth
# (core.ratelimits.client_ip), so both libraries count the same address.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env("TRUSTED_CLIENT_IP_HEADER", default=None)
RATELIMIT_IP_META_KEY = "core.ratelimits.client_ip"
