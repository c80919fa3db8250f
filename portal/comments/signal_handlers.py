from django.db.models.signals import post_delete, post_save

from portal.comments.models import Comment
from portal.core.cache import invalidate_anonymous_pages


def retire_cached_pages(instance, created=False, **kwargs):
    # A new comment waits for moderation: no reader sees it yet.
    if created and instance.status == Comment.Status.PENDING:
        return
    invalidate_anonymous_pages()


def register_signal_handlers():
    post_save.connect(retire_cached_pages, sender=Comment)
    post_delete.connect(retire_cached_pages, sender=Comment)
