from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from portal.core.cache import invalidate_anonymous_pages


def retire_cached_pages_on_page_delete(instance, **kwargs):
    if isinstance(instance, Page):
        invalidate_anonymous_pages()


def register_signal_handlers():
    """What readers see changes when content is published, unpublished or moved.

    Apps add their own occasions (a comment approved, an item's access changed).
    """
    for signal in (
        page_published,
        page_unpublished,
        published,
        unpublished,
        post_page_move,
        page_slug_changed,
    ):
        signal.connect(invalidate_anonymous_pages)
    post_delete.connect(retire_cached_pages_on_page_delete)
    # The cached site and "any view restrictions?" (portal.core.pages) go too.
    for signal in (post_save, post_delete):
        for model in (Site, PageViewRestriction):
            signal.connect(invalidate_anonymous_pages, sender=model)
