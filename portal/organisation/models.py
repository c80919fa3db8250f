"""The office's own pages (Nghị định 42/2022/NĐ-CP, Điều 4): introduction and
history, functions and duties, the organisation chart, the leaders, contact,
and a short English version."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from portal.core.pages import AsciiSlugMixin, ViewRestrictionShortcutMixin
from portal.followup.models import Unit


class AboutPage(AsciiSlugMixin, ViewRestrictionShortcutMixin, Page):
    """Giới thiệu: the introduction and history; the section's other pages are
    its children."""

    intro = RichTextField(_("introduction"))
    history = RichTextField(_("history and development"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("history")]
    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "organisation.FunctionsPage",
        "organisation.OrganisationChartPage",
        "organisation.LeadershipPage",
        "organisation.ContactPage",
        "organisation.EnglishAboutPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("organisation introduction page")
        verbose_name_plural = _("organisation introduction pages")

    @classmethod
    def current(cls):
        return cls.objects.live().public().first()

    @property
    def about_page(self):
        return self

    def sections(self):
        """The section's Vietnamese pages, in the order editors gave them."""
        return self.get_children().live().public().not_type(EnglishAboutPage)

    def english_page(self):
        return EnglishAboutPage.objects.child_of(self).live().public().first()


class SectionPage(AsciiSlugMixin, ViewRestrictionShortcutMixin, Page):
    """A page of the section, under the introduction."""

    parent_page_types = ["organisation.AboutPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        abstract = True

    @property
    def about_page(self):
        return AboutPage.objects.live().ancestor_of(self).first()


class FunctionsPage(SectionPage):
    """Chức năng, nhiệm vụ, quyền hạn."""

    functions = RichTextField(_("functions"))
    duties = RichTextField(_("duties and powers"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("functions"),
        FieldPanel("duties"),
    ]

    class Meta:
        verbose_name = _("functions and duties page")
        verbose_name_plural = _("functions and duties pages")


class OrganisationChartPage(SectionPage):
    """Sơ đồ tổ chức, drawn from the units kept with the follow-up, so it never
    drifts from the units tasks are assigned to."""

    intro = RichTextField(_("introduction"), blank=True)
    root_unit = models.ForeignKey(
        Unit,
        verbose_name=_("top unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The unit at the top of the chart; empty: every top unit."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("root_unit"),
    ]

    class Meta:
        verbose_name = _("organisation chart page")
        verbose_name_plural = _("organisation chart pages")

    def chart(self):
        roots = Unit.objects.tree()
        if self.root_unit_id is None:
            return roots
        return [node for node in _walk(roots) if node.unit.pk == self.root_unit_id]


def _walk(nodes):
    for node in nodes:
        yield node
        yield from _walk(node.children)


class LeadershipPage(SectionPage):
    """Lãnh đạo: each leader with position, responsibilities and how to reach them."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("leaders", label=_("Leaders")),
    ]

    class Meta:
        verbose_name = _("leadership page")
        verbose_name_plural = _("leadership pages")


class Leader(Orderable):
    page = ParentalKey(
        LeadershipPage,
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="leaders",
    )
    name = models.CharField(_("full name"), max_length=255)
    position = models.CharField(_("position"), max_length=255)
    responsibilities = models.TextField(_("responsibilities"), blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("position")]),
        FieldPanel("responsibilities"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("leader")
        verbose_name_plural = _("leaders")

    def __str__(self):
        return self.name


class ContactPage(SectionPage):
    """Liên hệ: the office's address and lines, and those of its units."""

    address = models.CharField(_("address"), max_length=255)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    fax = models.CharField(_("fax"), max_length=32, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    body = RichTextField(_("further information"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("fax"), FieldPanel("email")]),
        FieldPanel("body"),
        InlinePanel("unit_contacts", label=_("Units' contacts")),
    ]

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")


class UnitContact(Orderable):
    page = ParentalKey(
        ContactPage,
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="unit_contacts",
    )
    name = models.CharField(_("unit"), max_length=255)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("phone"), FieldPanel("email")])
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("unit's contact")
        verbose_name_plural = _("units' contacts")

    def __str__(self):
        return self.name


class EnglishAboutPage(SectionPage):
    """A short introduction in English, under the Vietnamese one; each links to
    the other. The portal's own words stay Vietnamese: only the content is English."""

    body = RichTextField(_("text in English"))

    content_panels = Page.content_panels + [FieldPanel("body")]

    class Meta:
        verbose_name = _("English introduction page")
        verbose_name_plural = _("English introduction pages")
