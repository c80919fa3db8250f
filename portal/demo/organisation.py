"""Demo pages about the office (Nghị định 42/2022/NĐ-CP, Điều 4): introduction,
functions and duties, the organisation chart, leaders, contact, and English."""

from portal.organisation.models import (
    AboutPage,
    ContactPage,
    EnglishAboutPage,
    FunctionsPage,
    Leader,
    LeadershipPage,
    OrganisationChartPage,
    UnitContact,
)

INTRO = (
    "<p>Văn phòng Thành ủy là cơ quan tham mưu, giúp việc của Ban Chấp hành, Ban "
    "Thường vụ và Thường trực Thành ủy; đồng thời là cơ quan giúp việc trực tiếp "
    "các đồng chí lãnh đạo Thành ủy trong tổ chức, điều hành công việc hằng ngày.</p>"
)
HISTORY = (
    "<p>Văn phòng Thành ủy được thành lập cùng với Thành ủy. Qua các thời kỳ, "
    "Văn phòng luôn hoàn thành tốt nhiệm vụ tham mưu, phục vụ hoạt động lãnh đạo "
    "của cấp ủy và được tặng thưởng nhiều phần thưởng cao quý.</p>"
)
FUNCTIONS = (
    "<p>Tham mưu về tổ chức, điều hành công việc của cấp ủy; là trung tâm thông "
    "tin tổng hợp phục vụ sự lãnh đạo của Thành ủy; quản lý tài chính, tài sản "
    "của Thành ủy.</p>"
)
DUTIES = (
    "<ul><li>Xây dựng chương trình, kế hoạch công tác của Ban Chấp hành, Ban "
    "Thường vụ, Thường trực Thành ủy.</li>"
    "<li>Theo dõi, đôn đốc việc thực hiện các nghị quyết, chỉ thị, kết luận của "
    "cấp ủy.</li>"
    "<li>Quản lý công tác văn thư, lưu trữ, bảo vệ bí mật nhà nước.</li></ul>"
)
LEADERS = [
    (
        "Nguyễn Văn Thành",
        "Chánh Văn phòng Thành ủy",
        "Phụ trách chung; trực tiếp chỉ đạo công tác tham mưu tổng hợp.",
        "024 3826 0001",
    ),
    (
        "Trần Thị Hoa",
        "Phó Chánh Văn phòng Thành ủy",
        "Phụ trách công tác văn thư, lưu trữ và cơ yếu.",
        "024 3826 0002",
    ),
    (
        "Lê Minh Tuấn",
        "Phó Chánh Văn phòng Thành ủy",
        "Phụ trách công tác tài chính, quản trị và chuyển đổi số.",
        "024 3826 0003",
    ),
]
UNIT_CONTACTS = [
    ("Phòng Tổng hợp", "024 3826 0010", "tonghop@thanhuy.example.vn"),
    ("Phòng Hành chính - Lưu trữ", "024 3826 0020", "vanthu@thanhuy.example.vn"),
    ("Phòng Tài chính - Quản trị", "024 3826 0030", "taichinh@thanhuy.example.vn"),
]
ENGLISH = (
    "<p>The Office of the City Party Committee advises and assists the Executive "
    "Committee, its Standing Board and Standing Members, and serves the daily work "
    "of the Committee's leaders.</p>"
    "<p>It plans the Committee's work programme, follows up on the implementation "
    "of its resolutions, directives and conclusions, keeps its records and "
    "archives, and manages its finances and property.</p>"
    "<p>Address: 1 Tran Phu Street, Ba Dinh Ward, Hanoi. "
    "Telephone: +84 24 3826 0000.</p>"
)


def load_organisation(home):
    """The section under the home page, once; its pages in the menu's order."""
    if AboutPage.objects.exists():
        return AboutPage.objects.get()
    about = home.add_child(
        instance=AboutPage(
            title="Giới thiệu", slug="gioi-thieu", intro=INTRO, history=HISTORY
        )
    )
    about.add_child(
        instance=FunctionsPage(
            title="Chức năng, nhiệm vụ",
            slug="chuc-nang-nhiem-vu",
            functions=FUNCTIONS,
            duties=DUTIES,
        )
    )
    about.add_child(
        instance=OrganisationChartPage(
            title="Sơ đồ tổ chức",
            slug="so-do-to-chuc",
            intro="<p>Các cơ quan tham mưu, giúp việc và các cấp ủy trực thuộc.</p>",
        )
    )
    leaders = about.add_child(
        instance=LeadershipPage(title="Lãnh đạo", slug="lanh-dao")
    )
    for order, (name, position, responsibilities, phone) in enumerate(LEADERS):
        Leader.objects.create(
            page=leaders,
            sort_order=order,
            name=name,
            position=position,
            responsibilities=responsibilities,
            phone=phone,
        )
    contact = about.add_child(
        instance=ContactPage(
            title="Liên hệ",
            slug="lien-he",
            address="Số 1 đường Trần Phú, phường Ba Đình, thành phố Hà Nội",
            phone="024 3826 0000",
            fax="024 3826 0099",
            email="vanphong@thanhuy.example.vn",
        )
    )
    for order, (name, phone, email) in enumerate(UNIT_CONTACTS):
        UnitContact.objects.create(
            page=contact, sort_order=order, name=name, phone=phone, email=email
        )
    about.add_child(
        instance=EnglishAboutPage(
            title="About the Office", slug="english", body=ENGLISH
        )
    )
    return about
