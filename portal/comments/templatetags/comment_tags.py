from django import template

from portal.comments.forms import SENT_TAG, CommentForm
from portal.core.cache import get_or_compute

register = template.Library()


@register.inclusion_tag("comments/comments.html", takes_context=True)
def comments_for(context, page):
    """The page's approved comments (kept until the next moderation) and the
    form to add one.

    After a failed submit the view puts the bound form in the context, so the
    reader's text and the errors come back; after a successful one, its thanks
    take the form's place.
    """
    sent = [
        message
        for message in context.get("messages", ())
        if message.extra_tags == SENT_TAG
    ]
    return {
        "sent": sent,
        "page": page,
        "comments": get_or_compute(
            f"approved-comments:{page.pk}",
            lambda: list(page.reader_comments.approved().order_by("created_at")),
        ),
        "form": context.get("comment_form") or CommentForm(),
    }
