from django import template

from portal.documents.models import SubjectArea

register = template.Library()


@register.simple_tag
def subject_area_names():
    """The subject areas a search can be narrowed to (a reference list, open to all)."""
    return list(SubjectArea.objects.values_list("name", flat=True))
