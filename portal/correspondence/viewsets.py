"""The registers in the admin: listings, forms and their extra views."""

from django import forms
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.admin.widgets.button import Button
from wagtail.permissions import policy_registry

from portal.core.spreadsheets import SpreadsheetExportMixin
from portal.correspondence import views
from portal.correspondence.forms import IncomingDocumentForm, OutgoingDocumentForm
from portal.correspondence.models import (
    IncomingDocument,
    OutgoingDocument,
    ReportReceipt,
    Routing,
)
from portal.ocr.components import recognition_status
from portal.signing.verification import shown_for


def export_columns(model, fields):
    """The fields as a listing exports them, choices by their labels, and the
    headings of the columns that are not plain fields."""
    columns, headings = [], {}
    for name in fields:
        field = model._meta.get_field(name)
        if field.choices:
            name = f"get_{name}_display"
            headings[name] = field.verbose_name
        columns.append(name)
    return columns, headings


class AcknowledgementPanel(FieldPanel):
    """A field shown only once the form asks for it (a hidden widget until then)."""

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            return super().is_shown() and not self.bound_field.field.widget.is_hidden


class RegisterIndexView(SpreadsheetExportMixin, generic.IndexView):
    """A register's listing: accent-free search over the folded words, a
    printable register of the year, the statistics, and exports that are safe
    to open (see portal.core.spreadsheets)."""

    print_url_name = None
    file_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.file:
            buttons.append(
                Button(
                    _("Open the file"),
                    url=reverse(self.file_url_name, args=[instance.pk]),
                    icon_name="doc-full",
                    priority=15,
                )
            )
        return buttons

    def search_queryset(self, queryset):
        return queryset.search(self.search_query) if self.is_searching else queryset

    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(
                _("Print the register"),
                url=reverse(self.print_url_name),
                icon_name="doc-full",
                attrs={"target": "_blank"},
            ),
            HeaderButton(
                _("Statistics"),
                url=reverse("correspondence_statistics:index"),
                icon_name="table",
            ),
        ]


class RegisterInspectView(generic.InspectView):
    """An entry's details, with its file and what verifying its signatures found."""

    file_url_name = None

    def get_fields(self):
        return [*super().get_fields(), "file"]

    def get_file_display_value(self):
        if not self.object.file:
            return "—"
        return render_to_string(
            "correspondence/entry_file.html",
            {
                "url": reverse(self.file_url_name, args=[self.object.pk]),
                "name": self.object.filename,
                **shown_for(self.object.file),
            },
        )

    def get_fields_context(self):
        # with the text recognition of its scan, when it has one
        fields = super().get_fields_context()
        status = recognition_status(self.object, self.request.get_full_path())
        if status:
            label = _("Text recognition")
            fields.append({"label": label, "value": status, "component": status})
        return fields


class RegisterViewSet(ModelViewSet):
    index_view_class = RegisterIndexView
    inspect_view_class = RegisterInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    search_fields = ["title"]  # makes the listing searchable; see search_queryset
    search_backend_name = None
    list_per_page = 50

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            print_url_name=self.get_url_name("print"),
            file_url_name=self.get_url_name("file"),
            **kwargs,
        )

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            file_url_name=self.get_url_name("file"), **kwargs
        )

    def get_urlpatterns(self):
        common = {"model": self.model, "permission_policy": self.permission_policy}
        return super().get_urlpatterns() + [
            path(
                "print/",
                views.RegisterPrintView.as_view(
                    template_name=f"correspondence/{self.model_name_snake}_register.html",
                    **common,
                ),
                name="print",
            ),
            path("file/<int:pk>/", views.EntryFileView.as_view(**common), name="file"),
        ]


class RegisterIncomingView(generic.CreateView):
    """Registering gives the entry its arrival number, in the same transaction."""

    def save_instance(self):
        entry = self.form.instance.register(user=self.request.user)
        self.form.discard_kept_scan()
        return entry

    def get_success_url(self):
        # A report on tasks goes to the clerk's confirmation first.
        if ReportReceipt.proposed_tasks(self.object, self.request.user).exists():
            return reverse(
                "incoming:reported_tasks",
                args=[self.object.pk],
            )
        return super().get_success_url()


class IncomingIndexView(RegisterIndexView):
    routing_url_name = None

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("sender", "routing__task__lead_unit")
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if policy_registry.get_by_type(Routing).user_has_permission(
            self.request.user, "add"
        ):
            buttons.append(
                Button(
                    _("Routing"),
                    url=reverse(self.routing_url_name, args=[instance.pk]),
                    icon_name="resubmit",
                    priority=5,
                )
            )
        if self.permission_policy.user_has_permission(self.request.user, "change"):
            buttons.append(
                Button(
                    _("Report on tasks"),
                    url=reverse("incoming:reported_tasks", args=[instance.pk]),
                    icon_name="tasks",
                    priority=6,
                )
            )
        return buttons


class IncomingDocumentViewSet(RegisterViewSet):
    model = IncomingDocument
    model_name_snake = "incoming_document"
    name = "incoming"
    url_prefix = "correspondence/incoming"
    icon = "download"
    menu_label = _("Incoming register")
    index_view_class = IncomingIndexView
    add_view_class = RegisterIncomingView
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("received_on"), FieldPanel("document_type")]),
            FieldPanel("sender", widget=forms.Select),
            FieldRowPanel([FieldPanel("symbol"), FieldPanel("dated")]),
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("urgency"), FieldPanel("confidentiality")]),
            FieldRowPanel([FieldPanel("recipient"), FieldPanel("handling_deadline")]),
            FieldPanel("file"),
            FieldPanel("kept_scan"),
            FieldPanel("notes"),
            AcknowledgementPanel("acknowledge_duplicate"),
        ],
        base_form_class=IncomingDocumentForm,
    )
    list_display = [
        "number",
        DateColumn("received_on", label=_("arrival date")),
        "symbol",
        "sender",
        "title",
        "recipient",
        DateColumn("handling_deadline", label=_("handling deadline")),
        Column("handling_status", label=_("handling")),
    ]
    list_filter = ["year", "document_type", "sender", "urgency", "confidentiality"]
    export_filename = "so-van-ban-den"
    inspect_view_fields = [
        "year",
        "number",
        "received_on",
        "sender",
        "symbol",
        "dated",
        "document_type",
        "title",
        "urgency",
        "confidentiality",
        "recipient",
        "handling_deadline",
        "notes",
        "registered_by",
        "registered_at",
    ]
    list_export, export_headings = export_columns(
        IncomingDocument, inspect_view_fields[:-2]
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            routing_url_name=self.get_url_name("routing"), **kwargs
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "routing/<int:pk>/",
                views.RoutingView.as_view(
                    model=self.model,
                    permission_policy=policy_registry.get_by_type(Routing),
                ),
                name="routing",
            ),
            path(
                "reported-tasks/<int:pk>/",
                views.ReportedTasksView.as_view(
                    model=self.model, permission_policy=self.permission_policy
                ),
                name="reported_tasks",
            ),
        ]


class OutgoingIndexView(RegisterIndexView):
    release_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not instance.released and self.permission_policy.user_has_permission(
            self.request.user, "release"
        ):
            buttons.append(
                Button(
                    _("Release"),
                    url=reverse(self.release_url_name, args=[instance.pk]),
                    icon_name="mail",
                    priority=5,
                )
            )
        return buttons


class OutgoingDocumentViewSet(RegisterViewSet):
    model = OutgoingDocument
    model_name_snake = "outgoing_document"
    name = "outgoing"
    url_prefix = "correspondence/outgoing"
    icon = "upload"
    menu_label = _("Outgoing register")
    index_view_class = OutgoingIndexView
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("document_type"), FieldPanel("issuer")]),
            FieldPanel("term"),
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("signer"), FieldPanel("signer_position")]),
            FieldPanel("recipients"),
            FieldRowPanel([FieldPanel("copies"), FieldPanel("access")]),
            FieldRowPanel([FieldPanel("urgency"), FieldPanel("confidentiality")]),
            FieldPanel("file"),
            FieldPanel("notes"),
        ],
        base_form_class=OutgoingDocumentForm,
    )
    list_display = [
        "__str__",
        DateColumn("released_on", label=_("date")),
        "issuer",
        "signer",
        Column("get_status_display", label=_("status")),
    ]
    list_filter = ["status", "document_type", "issuer", "term", "access"]
    export_filename = "so-van-ban-di"
    inspect_view_fields = [
        "symbol",
        "released_on",
        "document_type",
        "issuer",
        "term",
        "title",
        "signer",
        "signer_position",
        "recipients",
        "copies",
        "access",
        "urgency",
        "confidentiality",
        "status",
        "archived_document",
        "notes",
    ]
    list_export, export_headings = export_columns(OutgoingDocument, inspect_view_fields)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            release_url_name=self.get_url_name("release"), **kwargs
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "release/<int:pk>/",
                views.ReleaseView.as_view(
                    model=self.model,
                    permission_policy=self.permission_policy,
                    edit_url_name=self.get_url_name("edit"),
                ),
                name="release",
            )
        ]


class StatisticsViewSet(ViewSet):
    name = "correspondence_statistics"
    url_prefix = "correspondence/statistics"
    icon = "table"
    menu_label = _("Statistics")

    def get_urlpatterns(self):
        return [
            path(
                "",
                views.StatisticsView.as_view(
                    permission_policies=[
                        policy_registry.get_by_type(model)
                        for model in (IncomingDocument, OutgoingDocument)
                    ]
                ),
                name="index",
            )
        ]


class CorrespondenceViewSetGroup(ViewSetGroup):
    items = (IncomingDocumentViewSet, OutgoingDocumentViewSet, StatisticsViewSet)
    menu_icon = "mail"
    menu_label = _("Correspondence")
    menu_name = "correspondence"
