"""The registers' own admin views: files, printable registers, release, counts.

Listing, registering, editing and history are Wagtail's generic views,
configured in viewsets.py; the rules live on the models.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.core.forms import YearForm
from portal.core.uploads import file_response
from portal.correspondence.forms import ReplyForm, ReportedTasksForm, RoutingForm
from portal.correspondence.models import ReportReceipt, Routing
from portal.correspondence.permission_policies import READING
from portal.correspondence.statistics import register_tables
from portal.documents.statistics import export


def requested_year(request):
    """The year asked for (this year by default), and what was wrong with it."""
    form = YearForm(request.GET, default=timezone.localdate().year)
    return form.chosen_year(), form.error_list()


class RegisterView(View):
    """A view of one register, for those who may read it."""

    model = None
    permission_policy = None
    required_actions = READING

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_any_permission(
            request.user, self.required_actions
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class AdminPage(WagtailAdminTemplateMixin):
    """An admin page whose header names it (and what it is about)."""

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": "",
                "label": self.get_page_title(),
                "sublabel": self.get_page_subtitle(),
            },
        ]


class EntryFileView(RegisterView):
    """An entry's file, from private storage, to those who may read the register."""

    def get(self, request, pk):
        entry = get_object_or_404(self.model, pk=pk)
        if not entry.file:
            raise Http404
        # Scans are read in the browser; anything but a PDF or image downloads.
        return file_response(entry.file, entry.filename, as_attachment=False)


class RegisterPrintView(RegisterView):
    """The year's register laid out like Phụ lục IV of Nghị định 30/2020/NĐ-CP."""

    template_name = None

    def get(self, request):
        year, errors = requested_year(request)
        return TemplateResponse(
            request,
            self.template_name,
            {
                "year": year,
                "entries": self.model.register_for_year(year),
                "errors": errors,
            },
            status=400 if errors else 200,
        )


class ReleaseView(AdminPage, RegisterView):
    """Confirm, then number and release an outgoing document."""

    required_actions = ["release"]
    template_name = "correspondence/outgoing_document_release.html"
    page_title = gettext_lazy("Release")
    header_icon = "mail"
    edit_url_name = None

    def dispatch(self, request, *args, pk, **kwargs):
        self.entry = get_object_or_404(self.model, pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.entry.title

    def get(self, request):
        return self.render_to_response(
            self.get_context_data(entry=self.entry, errors=self.entry.release_errors())
        )

    def post(self, request):
        try:
            self.entry.release(user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(request.path)
        messages.success(
            request,
            _("Released as %(symbol)s.") % {"symbol": self.entry.symbol},
        )
        return redirect(self.edit_url_name, self.entry.pk)


class RoutingView(AdminPage, RegisterView):
    """A leader routes an incoming document to its units; once routed, the
    page shows how its handling stands and takes the reply document."""

    required_actions = ["add"]
    template_name = "correspondence/routing.html"
    page_title = gettext_lazy("Routing")
    header_icon = "resubmit"

    def dispatch(self, request, *args, pk, **kwargs):
        self.incoming = get_object_or_404(self.model, pk=pk)
        self.routing = Routing.objects.filter(incoming=self.incoming).first()
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.incoming)

    def get(self, request):
        form = (
            ReplyForm()
            if self.routing
            else RoutingForm(initial={"deadline": self.incoming.handling_deadline})
        )
        return self.render(form)

    def post(self, request):
        if self.routing:
            return self.record_reply(ReplyForm(request.POST))
        form = RoutingForm(request.POST)
        if form.is_valid():
            try:
                Routing.route(self.incoming, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The document has been routed."))
                return redirect(request.path)
        return self.render(form, status=400)

    def record_reply(self, form):
        if form.is_valid():
            try:
                self.routing.record_reply(
                    form.cleaned_data["symbol"], self.request.user
                )
            except ValidationError as error:
                form.add_error("symbol", error)
            else:
                messages.success(self.request, _("The reply has been recorded."))
                return redirect(self.request.path)
        return self.render(form, status=400)

    def render(self, form, status=200):
        return self.render_to_response(
            self.get_context_data(
                incoming=self.incoming, routing=self.routing, form=form
            ),
            status=status,
        )


class ReportedTasksView(AdminPage, RegisterView):
    """The clerk confirms which follow-up tasks an incoming report answers,
    among those of the documents it cites, for its sender's units."""

    required_actions = ["change"]
    template_name = "correspondence/reported_tasks.html"
    page_title = gettext_lazy("Report on tasks")
    header_icon = "tasks"

    def dispatch(self, request, *args, pk, **kwargs):
        self.incoming = get_object_or_404(self.model, pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.incoming)

    def get(self, request):
        return self.render(ReportedTasksForm(incoming=self.incoming, user=request.user))

    def post(self, request):
        form = ReportedTasksForm(
            request.POST, incoming=self.incoming, user=request.user
        )
        if form.is_valid():
            tasks = form.cleaned_data["tasks"]
            ReportReceipt.record(self.incoming, tasks, request.user)
            messages.success(
                request,
                ngettext(
                    "The document has been recorded as a report on %(count)d task.",
                    "The document has been recorded as a report on %(count)d tasks.",
                    len(tasks),
                )
                % {"count": len(tasks)},
            )
            return redirect(request.path)
        return self.render(form, status=400)

    def render(self, form, status=200):
        return self.render_to_response(
            self.get_context_data(
                incoming=self.incoming,
                form=form,
                receipts=self.incoming.report_receipts.select_related(
                    "task__source_document", "report__unit"
                ),
            ),
            status=status,
        )


class StatisticsView(AdminPage, TemplateView):
    """How many documents came in and went out in a year, by type and body."""

    template_name = "correspondence/register_statistics.html"
    page_title = gettext_lazy("Correspondence statistics")
    header_icon = "table"
    permission_policies = []

    def dispatch(self, request, *args, **kwargs):
        if not any(
            policy.user_has_any_permission(request.user, READING)
            for policy in self.permission_policies
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        year, errors = requested_year(request)
        tables = register_tables(year)
        if not errors and request.GET.get("format") in ("csv", "xlsx"):
            return export(
                tables, year, request.GET["format"], filename="so-van-ban-den-di"
            )
        for error in errors:
            messages.error(request, error)
        return self.render_to_response(
            self.get_context_data(year=year, tables=tables),
            status=400 if errors else 200,
        )
