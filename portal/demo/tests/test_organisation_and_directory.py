from django.core.management import call_command

from portal.directory.models import StaffContact
from portal.organisation.models import (
    AboutPage,
    EnglishAboutPage,
    LeadershipPage,
    OrganisationChartPage,
)


def test_load_demo_adds_the_office_pages_and_directory_entries_once(db, client, capsys):
    call_command("load_demo")
    call_command("load_demo")

    about = AboutPage.objects.get()
    assert about.get_children().count() == 5
    assert EnglishAboutPage.objects.child_of(about).live().exists()
    assert LeadershipPage.objects.get().leaders.count() == 3
    chart = client.get(OrganisationChartPage.objects.get().url).content.decode()
    assert "Ban Tổ chức Thành ủy" in chart
    assert f'href="{about.url}"' in client.get("/").content.decode()
    assert StaffContact.objects.get(user__username="duyet").position == (
        "Phó Chánh Văn phòng"
    )
    output = capsys.readouterr().out
    assert "6 pages about the office, 4 directory entries." in output
