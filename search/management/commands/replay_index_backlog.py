from django.core.management.base import BaseCommand
from wagtail.search.backends import get_search_backend

from search.models import PendingIndexUpdate


class Command(BaseCommand):
    help = "Index the changes the search engine missed while it was unreachable."

    def handle(self, **options):
        count = PendingIndexUpdate.replay(get_search_backend())
        self.stdout.write(f"index updates replayed: {count}")
