from django.core.management import call_command
from django.utils import timezone

from portal.correspondence.models import IncomingDocument, OutgoingDocument, Routing
from portal.demo.correspondence import INCOMING, OUTGOING, ROUTED, load_registers


def test_load_demo_fills_both_registers_of_this_year_once(db, capsys):
    call_command("load_demo")
    output = capsys.readouterr().out

    # Loading again adds nothing; the outgoing register also holds the letter
    # the demo drafts, signs and releases through the portal.
    assert load_registers() == (len(INCOMING), len(OUTGOING) + 1)
    assert f"{len(INCOMING)} incoming and {len(OUTGOING)} outgoing" in output
    year = timezone.localdate().year
    assert list(
        IncomingDocument.objects.filter(year=year)
        .order_by("number")
        .values_list("number", flat=True)
    ) == list(range(1, len(INCOMING) + 1))
    released = OutgoingDocument.objects.released()
    assert released.count() == len(OUTGOING)
    assert released.filter(archived_document__isnull=False).count() == 5
    assert Routing.objects.count() == len(ROUTED)
