"""Framing for Wagtail's preview panel.

Wagtail renders a preview by sending a made-up request for the page's public URL
through the whole middleware stack, so the preview carries the public site's
`frame-ancestors 'none'` and `X-Frame-Options: DENY`, and the admin's preview iframe
stays blank. Preview responses (Wagtail's made-up requests), and only they, may be framed by the
site itself.
"""


class PreviewFramingMiddleware:
    """Place right after CSPMiddleware: it then sees the response before the policy is
    written and after XFrameOptionsMiddleware has said DENY."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Wagtail flags the made-up request for middleware; `is_preview` will not do, as
        # Page.serve resets it.
        if getattr(request, "is_dummy", False):
            response["X-Frame-Options"] = "SAMEORIGIN"
            # django-csp's per-response override, as its @csp_replace decorator sets it.
            response._csp_replace = {
                **getattr(response, "_csp_replace", {}),
                "frame-ancestors": ["'self'"],
            }
        return response
