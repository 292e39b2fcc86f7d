"""The content security policy's one exception: Wagtail's preview of a page.

The site's policy (``website/settings/security.py``) forbids every page to be framed
(``frame-ancestors 'none'``). Wagtail's editor shows its preview of a page in an iframe of
its own admin, on the same origin, and renders that preview by sending a stand-in request
for the page's own address through the whole middleware stack, so the page's policy is
what the preview answers with. That stand-in request, and only that one, is marked by
Wagtail with ``request.is_preview``; its answer may be framed by our own origin. Wagtail's
preview views already send ``X-Frame-Options: SAMEORIGIN`` for the same reason.
"""

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware (customised the way its docs say: ``get_policy_parts``),
    allowing a preview of a page to be framed by our own origin; every other response
    keeps the site's policy unchanged."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if getattr(request, "is_preview", False):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts
