from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "portal.operations"
    label = "operations"
    verbose_name = _("Operations: readiness, metrics, backups")

    def ready(self):
        from portal.operations import metrics, tasks
        from search.signals import query_answered

        tasks.connect()
        query_answered.connect(metrics.observe_search)
