from urllib.parse import urlsplit

from wagtail.models import Page, Site

from home.models import HomePage, OfficeInformation

HOME_INTRO = (
    "<p>Cổng thông tin điện tử của Văn phòng cấp ủy: tin tức hoạt động, kho văn "
    "bản đã ban hành và theo dõi việc thực hiện các kết luận, thông báo.</p>"
)


OFFICE = {
    "office_name": "Văn phòng Thành ủy",
    "address": "Số 1 đường Trần Phú, phường Ba Đình, thành phố Hà Nội",
    "phone": "024 3826 0000",
    "email": "vanphong@thanhuy.example.vn",
    "responsible": "Đồng chí Nguyễn Văn Thành, Chánh Văn phòng Thành ủy",
    "description": (
        "Cổng thông tin điện tử của Văn phòng Thành ủy: tin tức hoạt động, kho "
        "văn bản đã ban hành của cấp ủy và theo dõi việc thực hiện kết luận."
    ),
}


def load_home_page(base_url=None):
    """The site's root page, replacing the placeholder Wagtail installs.

    With ``base_url`` (the address the portal is served at), the site answers
    there, so that the sitemap and full links carry it."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(
            instance=HomePage(
                title="Cổng thông tin Văn phòng cấp ủy",
                slug="trang-chu",
                intro=HOME_INTRO,
            )
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True, hostname="localhost", port=80)
    site.root_page = home
    site.site_name = "Cổng thông tin Văn phòng cấp ủy"
    if base_url:
        address = urlsplit(base_url)
        site.hostname = address.hostname
        site.port = address.port or (443 if address.scheme == "https" else 80)
    site.save()
    # Wagtail's own "Welcome" page, left behind by its migrations.
    root.get_children().exclude(pk=home.pk).filter(content_type__model="page").delete()
    return home


def load_office_information():
    """The footer's office, unless someone already wrote it."""
    office = OfficeInformation.for_site(Site.objects.get(is_default_site=True))
    if not office.office_name:
        for field, value in OFFICE.items():
            setattr(office, field, value)
        office.save()
