from wagtail.models import Page, Site

from home.models import HomePage

HOME_INTRO = (
    "<p>Cổng thông tin điện tử của Văn phòng cấp ủy: tin tức hoạt động, kho văn "
    "bản đã ban hành và theo dõi việc thực hiện các kết luận, thông báo.</p>"
)


def load_home_page():
    """The site's root page, replacing the placeholder Wagtail installs."""
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
    site.save()
    # Wagtail's own "Welcome" page, left behind by its migrations.
    root.get_children().exclude(pk=home.pk).filter(content_type__model="page").delete()
    return home
