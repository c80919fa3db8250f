from django import template
from django.urls import reverse

from portal.documents.feeds import type_slug
from portal.documents.models import SubjectArea

register = template.Library()


@register.simple_tag
def subject_area_names():
    """The subject areas a search can be narrowed to (a reference list, open to all)."""
    return list(SubjectArea.objects.values_list("name", flat=True))


@register.simple_tag
def documents_feed_url(document_type=""):
    """The feed of one type's documents, or of all when no type is given."""
    if not document_type:
        return reverse("documents_feed")
    return reverse("documents_type_feed", args=[type_slug(document_type)])
