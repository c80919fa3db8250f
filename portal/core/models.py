from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.core.text import typed_words, word_text


class FoldedSearchText(models.Model):
    """Words of an item, folded and as written, for the database search backend.

    ``search_title`` holds what ranks highest (title, symbol), ``search_text``
    everything searchable; both as produced by ``portal.core.text.word_text``,
    so that a word typed without diacritics finds its folded form and one typed
    with them finds only itself.
    A model using it also names, in ``search_db_fields``, where the shared
    search fields ("date", and any of "type", "issuer", "year", "status") live.
    """

    search_text = models.TextField(editable=False, blank=True)
    search_title = models.TextField(editable=False, blank=True)

    class Meta:
        abstract = True

    def fill_search_text(self, title_parts, other_parts):
        self.search_title = word_text(" ".join(title_parts))
        self.search_text = word_text(" ".join([*title_parts, *other_parts]))

    @staticmethod
    def words_q(text):
        """Items whose search text has every word of ``text``, each as the start
        of a word and read as typed (``portal.core.text.typed_words``)."""
        matching = models.Q()
        for word in typed_words(text):
            matching &= models.Q(search_text__contains=f" {word}")
        return matching


class PageCacheGeneration(models.Model):
    """The page cache's generation (portal.core.cache), in one row.

    Kept in the database so that no cache cull or restart can lose it: a lost
    number would start again and bring back pages cached under it.
    """

    value = models.PositiveBigIntegerField(_("generation"), default=1)

    class Meta:
        verbose_name = _("page cache generation")
        verbose_name_plural = _("page cache generations")

    def __str__(self):
        return str(self.value)
