from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.access.admin_views import VisibleItemsViewSetMixin
from portal.access.permission_policies import AccessControlledPermissionPolicy
from portal.documents.models import Document, IssuingBody, SubjectArea

register_permission_policy(Document, AccessControlledPermissionPolicy(Document))


class DocumentViewSet(VisibleItemsViewSetMixin, SnippetViewSet):
    model = Document
    icon = "doc-full"
    menu_label = _("Documents")
    list_display = ["symbol", "title", "issuer", "issued_on", "status", "access"]
    list_filter = ["document_type", "issuer", "issued_year", "status", "access"]
    # Editors search the admin listing in the database, whatever the engine.
    search_backend_name = None
    search_fields = ["symbol", "title"]
    ordering = ["-issued_on"]
    list_per_page = 50


class IssuingBodyViewSet(SnippetViewSet):
    model = IssuingBody
    icon = "group"
    menu_label = _("Issuing bodies")
    list_display = ["name", "abbreviation"]
    # Searched in the database: the search index holds the name only.
    search_fields = ["name", "abbreviation"]
    search_backend_name = None


class SubjectAreaViewSet(SnippetViewSet):
    model = SubjectArea
    icon = "tag"
    menu_label = _("Subject areas")


class ArchiveViewSetGroup(SnippetViewSetGroup):
    items = (DocumentViewSet, IssuingBodyViewSet, SubjectAreaViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Document archive")
    menu_name = "archive"


register_snippet(ArchiveViewSetGroup)
