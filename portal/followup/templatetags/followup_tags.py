from django import template
from django.utils import timezone

from portal.followup.dashboard import Row
from portal.followup.models import Bucket, Task

register = template.Library()


@register.filter
def bucket_label(code):
    return Bucket(code).label if code in Bucket.values else ""


@register.inclusion_tag("followup/includes/document_progress.html", takes_context=True)
def document_progress(context, document):
    """The progress of the tasks a document assigned, for those who may see them."""
    today = timezone.localdate()
    visible = Task.objects.visible_to(context["request"].user).filter(
        source_document=document
    )
    tasks = list(
        visible.with_bucket(today)
        .with_source_visibility(context["request"].user)
        .select_related("lead_unit", "source_document")
        .by_urgency(today)
    )
    if not tasks:
        return {"tasks": []}
    return {"tasks": tasks, "summary": Row("", visible.bucket_counts(today))}
