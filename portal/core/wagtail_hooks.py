"""Wagtail's own document library is closed.

Its files would live in public storage and be served to anyone, outside the
access model; the portal's files are the archive's attachments, which are
private and checked (portal.documents). The app stays installed only because
Wagtail's admin cannot run without it (wagtail#14418): nobody, superusers
included, may list, upload, choose or link its documents, and none is served.
"""

from django.contrib.auth import get_user_model
from django.http import Http404
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy


class ClosedPermissionPolicy(BasePermissionPolicy):
    """Nobody may do anything with the model."""

    def user_has_permission(self, user, action):
        return False

    def users_with_any_permission(self, actions):
        return get_user_model().objects.none()

    def instances_user_has_any_permission_for(self, user, actions):
        return self.model._default_manager.none()

    def collections_user_has_any_permission_for(self, user, actions):
        return Collection.objects.none()

    def collections_user_has_permission_for(self, user, action):
        return Collection.objects.none()


# Registered for the exact class, which wins over the policy wagtail.documents
# registers whichever comes first.
Document = get_document_model()
register_permission_policy(Document, ClosedPermissionPolicy(Document), exact_class=True)


@hooks.register("before_serve_document")
def serve_no_library_document(document, request):
    raise Http404


@hooks.register("register_rich_text_features", order=100)
def no_document_links(features):
    # after wagtail.documents has made "document-link" a default feature
    if "document-link" in features.default_features:
        features.default_features.remove("document-link")
