import pytest
import vobject

from portal.access.factories import UserFactory
from portal.directory.factories import StaffContactFactory
from portal.followup.factories import MembershipFactory, UnitFactory
from portal.followup.models import Membership


@pytest.fixture
def office(db):
    """Văn phòng Thành ủy with one department under it, and their people."""
    office = UnitFactory(name="Văn phòng Thành ủy", abbreviation="VPTU")
    department = UnitFactory(name="Phòng Tổng hợp", parent=office)
    chief = UserFactory(
        role="staff", last_name="Nguyễn Văn", first_name="An", email="an@tu.vn"
    )
    StaffContactFactory(
        user=chief,
        position="Chánh Văn phòng",
        office_phone="024 3825 1111",
        mobile_phone="0912 345 678",
    )
    MembershipFactory(unit=office, user=chief, role=Membership.Role.LEADER)
    clerk = UserFactory(
        role="staff", last_name="Trần Thị", first_name="Đào", email="dao@tu.vn"
    )
    StaffContactFactory(user=clerk, position="Chuyên viên tổng hợp")
    MembershipFactory(unit=department, user=clerk)
    gone = UserFactory(role="staff", last_name="Lê", first_name="Cũ", is_active=False)
    MembershipFactory(unit=department, user=gone)
    return {"office": office, "department": department, "chief": chief, "clerk": clerk}


def test_anonymous_visitors_are_sent_to_the_login_page(client, office):
    for url in ("/noi-bo/danh-ba/", f"/noi-bo/danh-ba/{office['chief'].pk}.vcf"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/login/?next=/noi-bo/danh-ba/")


def test_staff_see_the_units_as_a_tree_with_their_members(client, office):
    client.force_login(UserFactory(role="staff"))

    response = client.get("/noi-bo/danh-ba/")

    assert response.status_code == 200
    [root] = response.context["tree"]
    assert root.unit.name == "Văn phòng Thành ủy"
    assert [person.name for person in root.people] == ["Nguyễn Văn An"]
    [department] = root.children
    assert [person.name for person in department.people] == ["Trần Thị Đào"]
    content = response.content.decode()
    assert "Chánh Văn phòng" in content
    assert 'href="tel:02438251111"' in content
    assert 'href="mailto:an@tu.vn"' in content
    assert "Lê Cũ" not in content  # an inactive account is no longer listed


def test_search_finds_people_typed_without_diacritics(client, office):
    client.force_login(UserFactory(role="staff"))

    def found(query):
        response = client.get("/noi-bo/danh-ba/", {"q": query})
        return [person.name for person in response.context["found"]]

    assert found("tran thi dao") == ["Trần Thị Đào"]
    assert found("DAO") == ["Trần Thị Đào"]
    assert found("chanh van phong") == ["Nguyễn Văn An"]
    assert found("Chánh văn phòng") == ["Nguyễn Văn An"]
    assert found("tong hop") == ["Trần Thị Đào"]
    assert found("0912") == ["Nguyễn Văn An"]
    assert found("van phong thanh uy an") == ["Nguyễn Văn An"]
    assert found("khong ai") == []


def test_an_overlong_query_is_a_message_not_an_error(client, office):
    client.force_login(UserFactory(role="staff"))

    response = client.get("/noi-bo/danh-ba/", {"q": "a" * 500})

    assert response.status_code == 200
    assert response.context["form"].errors


def test_the_vcard_reads_back_with_name_unit_position_phones_and_e_mail(client, office):
    client.force_login(UserFactory(role="staff"))

    response = client.get(f"/noi-bo/danh-ba/{office['chief'].pk}.vcf")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert "nguyen-van-an.vcf" in response["Content-Disposition"]
    card = vobject.readOne(response.content.decode())
    assert card.fn.value == "Nguyễn Văn An"
    assert card.n.value.family == "Nguyễn Văn"
    assert card.n.value.given == "An"
    assert card.org.value == ["Văn phòng Thành ủy"]
    assert card.title.value == "Chánh Văn phòng"
    assert sorted(tel.value for tel in card.tel_list) == [
        "024 3825 1111",
        "0912 345 678",
    ]
    assert card.email.value == "an@tu.vn"


def test_the_vcard_names_the_units_above_and_escapes_punctuation(client, office):
    contact = office["clerk"].staff_contact
    contact.position = "Chuyên viên; phụ trách tổng hợp, văn thư"
    contact.save()
    client.force_login(UserFactory(role="staff"))

    content = client.get(f"/noi-bo/danh-ba/{office['clerk'].pk}.vcf").content
    card = vobject.readOne(content.decode())

    assert card.org.value == ["Văn phòng Thành ủy", "Phòng Tổng hợp"]
    assert card.title.value == "Chuyên viên; phụ trách tổng hợp, văn thư"
    assert all(len(line) <= 75 for line in content.split(b"\r\n"))


def test_there_is_no_vcard_for_someone_outside_the_units(client, office):
    outsider = UserFactory(role="staff")
    client.force_login(UserFactory(role="staff"))

    assert client.get(f"/noi-bo/danh-ba/{outsider.pk}.vcf").status_code == 404
