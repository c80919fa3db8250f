"""The Content Security Policy: one for the public site, another for Wagtail's admin."""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, answering the admin's pages with the admin's policy
    (``PORTAL_ADMIN_CONTENT_SECURITY_POLICY``) and every other page with
    ``CONTENT_SECURITY_POLICY``. A response that sets its own header (a served
    upload's sandbox) keeps it."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        admin = settings.PORTAL_ADMIN_CONTENT_SECURITY_POLICY
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(admin["URL_PREFIX"])
        ):
            parts.config = default_config(admin["DIRECTIVES"])
        return parts
