from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from search.pages import register_pages
        from search.signal_handlers import register_signal_handlers

        register_pages()
        register_signal_handlers()
