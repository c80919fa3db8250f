from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.access.factories import UserFactory
from portal.access.principals import principals_for_user
from portal.access.sharing import share
from portal.documents.factories import DocumentFactory
from portal.documents.models import Document


def test_a_readers_groups_are_read_once_for_every_check_of_a_request(db):
    reader = UserFactory(role="staff")
    DocumentFactory(symbol="17-NQ/TW", access="restricted")

    with CaptureQueriesContext(connection) as queries:
        list(Document.objects.visible_to(reader))
        principals_for_user(reader)
        list(Document.objects.visible_to(reader))

    group_reads = [q for q in queries if '"auth_user_groups"' in q["sql"]]
    assert len(group_reads) == 1


def test_a_group_given_to_a_reader_opens_its_documents_to_them_at_once(db):
    secret = DocumentFactory(symbol="17-NQ/TW", access="restricted")
    leaders = Group.objects.create(name="Lãnh đạo Văn phòng")
    share(secret, [leaders], [], by_user=UserFactory(role="admin"))
    reader = UserFactory(role="staff")
    assert not Document.objects.visible_to(reader).filter(pk=secret.pk).exists()

    reader.groups.add(leaders)

    assert Document.objects.visible_to(reader).filter(pk=secret.pk).exists()
    assert secret.is_visible_to(reader)

    reader.groups.remove(leaders)

    assert not Document.objects.visible_to(reader).filter(pk=secret.pk).exists()
    assert not secret.is_visible_to(reader)
