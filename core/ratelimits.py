"""Rate limits by several keys at once (per user, per address), on django-ratelimit."""

from allauth.account.adapter import get_adapter
from django_ratelimit.core import is_ratelimited


def client_ip(request) -> str:
    """The client's address as allauth's limits see it (``RATELIMIT_IP_META_KEY`` names
    this), so django-ratelimit follows the same trusted-proxy settings."""
    return get_adapter(request).get_client_ip(request)


# Keys of our own next to django-ratelimit's: "everyone" counts all requests together.
_OUR_KEYS = {"everyone": lambda group, request: "everyone"}


def rate_limited(request, group: str, limits: dict[str, str]) -> bool:
    """Whether ``request`` goes over any of ``limits`` ({key: "count/period"}, key as
    django-ratelimit knows it: "user", "ip", …, or "everyone" for one limit on the whole
    site). Every attempt counts, so a burst stays stopped; a cache outage lets requests
    through rather than lose what was typed."""
    return any(
        is_ratelimited(
            request,
            group=f"{group}-{key}",
            key=_OUR_KEYS.get(key, key),
            rate=rate,
            increment=True,
        )
        for key, rate in limits.items()
    )
